"""MP3 encode/decode through soundfile's bundled libsndfile (LAME + mpg123): no system ffmpeg.

The only module that imports soundfile. Encoding and decoding both stream in blocks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import soundfile

from bacakan.models import FloatArray

# libsndfile maps compression level to a CBR bitrate (measured: design/feeds-audio.md §5;
# 0.85 -> 80 kbps measured here).
LEVEL_FOR_KBPS = {160: 0.55, 128: 0.65, 112: 0.7, 96: 0.75, 80: 0.85}
BLOCK = 1 << 16


class Mp3Writer:
    """CBR MP3 written block by block (libsndfile writes the LAME/Info header on close)."""

    def __init__(self, path: Path, rate: int, channels: int = 1, kbps: int = 96) -> None:
        if kbps not in LEVEL_FOR_KBPS:
            raise ValueError(f"no CBR setting for {kbps} kbps")
        self.channels = channels
        self._file = soundfile.SoundFile(
            str(path),
            "w",
            samplerate=rate,
            channels=channels,
            format="MP3",
            subtype="MPEG_LAYER_III",
            compression_level=LEVEL_FOR_KBPS[kbps],
            bitrate_mode="CONSTANT",
        )

    def write(self, mono: FloatArray) -> None:
        """Write mono samples; a stereo file gets them on both channels."""
        x = np.clip(mono, -1.0, 1.0)
        self._file.write(x if self.channels == 1 else np.repeat(x[:, None], self.channels, axis=1))

    def close(self) -> None:
        self._file.close()


def encode_mp3(samples: FloatArray, rate: int, path: Path, kbps: int = 96) -> None:
    """One-shot encode (benchmarks' baseline and tests)."""
    writer = Mp3Writer(path, rate, 1 if samples.ndim == 1 else samples.shape[1], kbps)
    writer._file.write(np.clip(samples, -1.0, 1.0))
    writer.close()


def blocks(path: Path, size: int = BLOCK) -> Iterator[FloatArray]:
    """Decoded samples (frames, or frames x channels) in blocks."""
    with soundfile.SoundFile(str(path)) as f:
        while True:
            data = f.read(size, dtype="float32", always_2d=f.channels > 1)
            if not len(data):
                return
            yield np.asarray(data, dtype=np.float32)


def decode(path: Path) -> tuple[FloatArray, int]:
    data, rate = soundfile.read(str(path), dtype="float32", always_2d=False)
    return np.asarray(data, dtype=np.float32), int(rate)


def read_audio(path: Path) -> tuple[FloatArray, int]:
    """Any file libsndfile reads (WAV, FLAC, OGG, MP3), downmixed to mono.

    Raises RuntimeError (LibsndfileError) or OSError.
    """
    data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    return np.asarray(data.mean(axis=1), dtype=np.float32), int(rate)


def channels_of(path: Path) -> tuple[int, int]:
    info = soundfile.info(str(path))
    return int(info.samplerate), int(info.channels)
