"""MP3 encode/decode through soundfile's bundled libsndfile (LAME + mpg123): no system ffmpeg.

The only module that imports soundfile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from bacakan.models import FloatArray

# libsndfile maps compression level to a CBR bitrate (measured, design/feeds-audio.md §5).
_LEVEL_FOR_KBPS = {160: 0.55, 128: 0.65, 112: 0.7, 96: 0.75}


@dataclass(frozen=True)
class Mp3Info:
    duration_s: float
    sample_rate: int
    channels: int
    bitrate_kbps: int


def encode_mp3(samples: FloatArray, rate: int, path: Path, kbps: int = 96) -> None:
    level = _LEVEL_FOR_KBPS.get(kbps, 0.75)
    soundfile.write(
        str(path), np.clip(samples, -1.0, 1.0), rate, format="MP3", subtype="MPEG_LAYER_III",
        compression_level=level, bitrate_mode="CONSTANT",
    )


def decode(path: Path) -> tuple[FloatArray, int]:
    data, rate = soundfile.read(str(path), dtype="float32", always_2d=False)
    return np.asarray(data, dtype=np.float32), int(rate)


def mp3_info(path: Path) -> Mp3Info:
    from mutagen.mp3 import MP3  # mutagen reads the LAME/Info header for the exact length

    info = MP3(str(path)).info
    return Mp3Info(
        duration_s=float(info.length),
        sample_rate=int(info.sample_rate),
        channels=int(info.channels),
        bitrate_kbps=int(info.bitrate // 1000),
    )
