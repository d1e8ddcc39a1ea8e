"""Join per-sentence clips into one track with explicit silences (no crossfade) and record timings.

The track is streamed to a sink block by block (a :class:`Spool` on disk in master), so an hour of
narration is never one array. Each clip is resampled on its own: clips are separated by silence, so
per-clip resampling is exact and needs no state between clips.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np
from scipy.signal import resample_poly

from bacakan.errors import SynthesisError
from bacakan.models import Clip, FloatArray, Timing
from bacakan.synthesise.base import Pauses

_FADE_S = 0.005  # a 5 ms fade at each clip edge removes clicks at the joins
_SILENCE_BLOCK = 1 << 16

Sink = Callable[[FloatArray], None]


def resample_to(samples: FloatArray, source_rate: int, rate: int) -> FloatArray:
    if source_rate == rate or len(samples) == 0:
        return np.asarray(samples, dtype=np.float32)
    g = np.gcd(source_rate, rate)
    return np.asarray(resample_poly(samples, rate // g, source_rate // g), dtype=np.float32)


def resample(clip: Clip, rate: int) -> FloatArray:
    return resample_to(clip.samples, clip.sample_rate, rate)


def faded(samples: FloatArray, rate: int) -> FloatArray:
    n = min(int(_FADE_S * rate), len(samples) // 2)
    if n <= 0:
        return samples
    out = samples.copy()
    ramp = np.linspace(0.0, 1.0, n, dtype=np.float32)
    out[:n] *= ramp
    out[-n:] *= ramp[::-1]
    return out


def pause_before(prev_block: int | None, block: int, pauses: Pauses) -> float:
    """Silence between the previous spoken clip and this one."""
    if prev_block is None:
        return 0.0
    if prev_block == -1 and block != -1:
        return pauses.headline
    return pauses.sentence if prev_block == block else pauses.paragraph


def write_silence(sink: Sink, frames: int) -> None:
    for start in range(0, frames, _SILENCE_BLOCK):
        sink(np.zeros(min(_SILENCE_BLOCK, frames - start), dtype=np.float32))


def check_clip(index: int, clip: Clip) -> None:
    if clip.sample_rate <= 0 or clip.sample_rate > 384000:
        raise SynthesisError(f"clip {index} has an impossible sample rate {clip.sample_rate} Hz")
    if clip.samples.ndim != 1:
        raise SynthesisError(f"clip {index} is not mono (shape {clip.samples.shape})")
    if len(clip.samples) and not np.isfinite(clip.samples).all():
        raise SynthesisError(f"clip {index} contains NaN or infinite samples")


def assemble_to(
    sink: Sink,
    clips: Sequence[Clip],
    blocks: Sequence[int],
    pauses: Pauses,
    rate: int,
    start: int = 0,
) -> tuple[list[Timing], int]:
    """Stream the narration into ``sink``.

    Returns sentence timings (counted from frame ``start``) and the number of frames written.

    An empty clip (a sentence with nothing to say) adds no pause and gets a zero-length timing.
    The track ends with one sentence pause so players do not clip the last word.
    """
    timings: list[Timing] = []
    cursor = start
    prev: int | None = None
    for index, (clip, block) in enumerate(zip(clips, blocks, strict=True)):
        check_clip(index, clip)
        if not len(clip.samples):
            timings.append(Timing(index=index, start=cursor / rate, end=cursor / rate))
            continue
        gap = round(pause_before(prev, block, pauses) * rate)
        write_silence(sink, gap)
        cursor += gap
        samples = faded(np.clip(resample(clip, rate), -1.0, 1.0), rate)
        sink(samples)
        timings.append(Timing(index=index, start=cursor / rate, end=(cursor + len(samples)) / rate))
        cursor += len(samples)
        prev = block
    tail = round(pauses.sentence * rate)
    write_silence(sink, tail)
    cursor += tail
    return timings, cursor - start


def assemble(
    clips: Sequence[Clip], blocks: Sequence[int], pauses: Pauses, rate: int
) -> tuple[FloatArray, list[Timing]]:
    """The whole track as one array (tests and short clips only)."""
    parts: list[FloatArray] = []
    timings, _ = assemble_to(parts.append, clips, blocks, pauses, rate)
    return (np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)), timings


class Spool:
    """Mono float32 PCM in an anonymous temp file: written once, then read back in blocks."""

    def __init__(self, folder: Path) -> None:
        self._file = tempfile.TemporaryFile(dir=folder)
        self.frames = 0

    def write(self, samples: FloatArray) -> None:
        np.asarray(samples, dtype=np.float32).tofile(self._file)
        self.frames += len(samples)

    def blocks(self, size: int) -> Iterator[tuple[int, FloatArray]]:
        """(first frame, samples) for each block, from the start."""
        self._file.flush()
        self._file.seek(0)
        for first in range(0, self.frames, size):
            yield (
                first,
                np.fromfile(self._file, dtype=np.float32, count=min(size, self.frames - first)),
            )

    def close(self) -> None:
        self._file.close()
