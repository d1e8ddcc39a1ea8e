"""A streaming Broadcast WAV writer (EBU Tech 3285 v2 ``bext`` with loudness), stdlib + numpy.

ffmpeg writes bext version 1 with zero loudness fields (design/feeds-audio.md §5), so we write it
ourselves. Layout: RIFF/WAVE, ``bext`` (602 bytes + coding history), ``fmt `` (PCM), ``data``.
Sizes and loudness fields are patched in place when the file is closed, after the PCM is measured.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import numpy as np

from bacakan.models import FloatArray

_BEXT_FIXED = 602
_LOUDNESS_OFFSET = 256 + 32 + 32 + 10 + 8 + 4 + 4 + 2 + 64  # Description..UMID, then 5 x int16


@dataclass(frozen=True)
class BextLoudness:
    """Values as measured (LUFS, LU, dBTP); stored x100 as int16 as the spec asks."""

    integrated: float
    loudness_range: float
    max_true_peak: float
    max_momentary: float
    max_short_term: float


def _fixed(text: str, size: int) -> bytes:
    return text.encode("ascii", "replace")[:size].ljust(size, b"\0")


def _centi(value: float) -> int:
    return max(-32768, min(32767, round(value * 100)))  # -inf (silence) clamps to the int16 floor


class BwfWriter:
    """Write float blocks as 16/24-bit PCM; call :meth:`close` with the loudness values."""

    def __init__(
        self,
        path: Path,
        rate: int,
        channels: int = 1,
        bits: int = 24,
        *,
        description: str = "",
        originator: str = "bacakan",
        coding_history: str = "",
    ) -> None:
        if bits not in (16, 24):
            raise ValueError("bits must be 16 or 24")
        self.path, self.rate, self.channels, self.bits = path, rate, channels, bits
        self._rng = np.random.default_rng(
            0
        )  # TPDF dither for 16 bit; fixed seed = reproducible files
        history = (
            coding_history
            or f"A=PCM,F={rate},W={bits},M={'mono' if channels == 1 else 'stereo'},T=bacakan"
        ) + "\r\n"
        history_bytes = history.encode("ascii", "replace")
        if len(history_bytes) % 2:
            history_bytes += b"\0"
        now = datetime.now()
        bext = (
            _fixed(description, 256)
            + _fixed(originator, 32)
            + _fixed("", 32)
            + _fixed(now.strftime("%Y-%m-%d"), 10)
            + _fixed(now.strftime("%H:%M:%S"), 8)
            + struct.pack("<IIH", 0, 0, 2)
            + bytes(64)
            + struct.pack("<5h", 0, 0, 0, 0, 0)
            + bytes(180)
            + history_bytes
        )
        block_align = channels * bits // 8
        fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * block_align, block_align, bits)
        self._file: BinaryIO = open(path, "wb")
        self._file.write(b"RIFF" + bytes(4) + b"WAVE")
        self._bext_at = self._file.tell() + 8
        self._file.write(b"bext" + struct.pack("<I", len(bext)) + bext)
        self._file.write(b"fmt " + struct.pack("<I", len(fmt)) + fmt)
        self._file.write(b"data" + bytes(4))
        self._data_at = self._file.tell()
        self.frames = 0

    def quantise(self, block: FloatArray) -> FloatArray:
        """The float values the file will hold for ``block`` (meters measure the file itself)."""
        scale = float(2 ** (self.bits - 1))
        x = np.asarray(block, dtype=np.float64) * scale
        if self.bits == 16:
            x = x + self._rng.triangular(-1.0, 0.0, 1.0, size=x.shape)
        ints = np.clip(np.round(x), -scale, scale - 1)
        return (ints / scale).astype(np.float32)

    def write(self, quantised: FloatArray) -> None:
        """Append values returned by :meth:`quantise` (frames x channels, or 1-D for mono)."""
        ints = np.round(np.asarray(quantised, dtype=np.float64) * 2 ** (self.bits - 1)).astype(
            "<i4"
        )
        if self.bits == 16:
            data = ints.astype("<i2").tobytes()
        else:
            data = ints.reshape(-1, 1).view(np.uint8)[:, :3].tobytes()  # little-endian low 3 bytes
        self._file.write(data)
        self.frames += len(quantised)

    def close(self, loudness: BextLoudness | None = None) -> None:
        data_bytes = self._file.tell() - self._data_at
        if data_bytes % 2:
            self._file.write(b"\0")  # RIFF chunks are word-aligned
        end = self._file.tell()
        self._file.seek(4)
        self._file.write(struct.pack("<I", end - 8))
        self._file.seek(self._data_at - 4)
        self._file.write(struct.pack("<I", data_bytes))
        if loudness is not None:
            self._file.seek(self._bext_at + _LOUDNESS_OFFSET)
            self._file.write(
                struct.pack(
                    "<5h",
                    *(
                        _centi(v)
                        for v in (
                            loudness.integrated,
                            loudness.loudness_range,
                            loudness.max_true_peak,
                            loudness.max_momentary,
                            loudness.max_short_term,
                        )
                    ),
                )
            )
        self._file.close()

    def __enter__(self) -> BwfWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self._file.closed:
            self._file.close()


def read_bext(path: Path) -> dict[str, object]:
    """The bext fields a test or a station would check (version, loudness x0.01, coding history)."""
    data = path.read_bytes()
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError(f"{path} is not a RIFF/WAVE file")
    pos = 12
    while pos + 8 <= len(data):
        cid, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        body = data[pos + 8 : pos + 8 + size]
        if cid == b"bext":
            version = struct.unpack("<H", body[346:348])[0]
            values = struct.unpack("<5h", body[_LOUDNESS_OFFSET : _LOUDNESS_OFFSET + 10])
            keys = (
                "LoudnessValue",
                "LoudnessRange",
                "MaxTruePeakLevel",
                "MaxMomentaryLoudness",
                "MaxShortTermLoudness",
            )
            out: dict[str, object] = {
                "Version": version,
                "Description": body[:256].rstrip(b"\0").decode("ascii"),
                "CodingHistory": body[_BEXT_FIXED:].rstrip(b"\0").decode("ascii"),
            }
            out.update({k: v / 100 for k, v in zip(keys, values, strict=True)})
            return out
        pos += 8 + size + (size % 2)
    raise ValueError(f"{path} has no bext chunk")
