"""Master: join sentence clips with explicit pauses, normalise loudness (BS.1770), encode CBR MP3.

The MP3 is measured after encoding and corrected once, because LAME at these bitrates lowers integrated
loudness by about 0.45 LU (see design/feeds-audio.md §4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bacakan.atomic import atomic_path
from bacakan.errors import OutputError
from bacakan.master import codec, loudness
from bacakan.master.assemble import assemble
from bacakan.models import AudioFacts, Clip, FloatArray
from bacakan.synthesise.base import Pauses

__all__ = ["MasteringProfile", "PODCAST", "master"]


@dataclass(frozen=True)
class MasteringProfile:
    name: str
    target_lufs_mono: float
    true_peak_ceiling: float  # dBTP the final file must stay under
    sample_rate: int = 44100
    bitrate_kbps: int = 96


PODCAST = MasteringProfile("podcast", target_lufs_mono=-19.0, true_peak_ceiling=-1.0)
_TOLERANCE_LU = 0.1
_LIMITER_MARGIN_DB = 0.5  # MP3 encoding moves true peak by up to ±0.5 dB


def master(
    clips: Sequence[Clip],
    blocks: Sequence[int],
    pauses: Pauses,
    target: Path,
    profile: MasteringProfile = PODCAST,
) -> AudioFacts:
    """Write ``target`` (MP3) from per-sentence clips; ``blocks[i]`` is the block of clip ``i``."""
    audio, timings = assemble(clips, blocks, pauses, profile.sample_rate)
    if not np.any(audio):
        raise OutputError("the narration is silent: nothing to encode")
    ceiling = profile.true_peak_ceiling - _LIMITER_MARGIN_DB
    gain_db = 0.0
    try:
        with atomic_path(target) as tmp:
            for _attempt in range(2):
                shaped = loudness.normalise(audio, profile.sample_rate, profile.target_lufs_mono + gain_db,
                                            ceiling)
                codec.encode_mp3(shaped, profile.sample_rate, tmp, profile.bitrate_kbps)
                decoded, rate = codec.decode(tmp)
                measured = loudness.integrated(decoded, rate)
                error = profile.target_lufs_mono - measured
                if abs(error) <= _TOLERANCE_LU:
                    break
                gain_db += error
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return measure(target, timings)


def measure(path: Path, timings: Sequence[object] = ()) -> AudioFacts:
    """Facts about an encoded file, read back from the file itself."""
    decoded, rate = codec.decode(path)
    info = codec.mp3_info(path)
    return AudioFacts(
        path=str(path),
        size_bytes=path.stat().st_size,
        duration_s=info.duration_s,
        loudness_lufs=loudness.integrated(decoded, rate),
        true_peak_dbtp=loudness.true_peak_db(decoded, rate),
        sample_rate=info.sample_rate,
        channels=info.channels,
        bitrate_kbps=info.bitrate_kbps,
        timings=tuple(timings),  # type: ignore[arg-type]
    )


def silence(seconds: float, rate: int) -> FloatArray:
    return np.zeros(round(seconds * rate), dtype=np.float32)
