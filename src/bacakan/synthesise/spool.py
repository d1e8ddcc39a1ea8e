"""A disk-backed list of clips, so a one-hour narration is not held in memory between stages.

Synthesis appends each sentence's samples to an anonymous temp file; master reads them back one at
a time. Plain reads (not mmap) keep only the clip in use resident.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import overload

import numpy as np

from bacakan.models import Clip

_ITEM = np.dtype(np.float32).itemsize


class ClipSpool(Sequence[Clip]):
    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="bacakan-clips-")
        self._index: list[tuple[int, int, int]] = []  # (byte offset, samples, sample rate)
        self._end = 0

    def append(self, clip: Clip) -> None:
        data = np.ascontiguousarray(clip.samples, dtype=np.float32).tobytes()
        self._file.seek(self._end)
        self._file.write(data)
        self._index.append((self._end, len(clip.samples), clip.sample_rate))
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._index)

    def _read(self, position: int) -> Clip:
        offset, count, rate = self._index[position]
        self._file.seek(offset)
        samples = np.frombuffer(self._file.read(count * _ITEM), dtype=np.float32).copy()
        return Clip(samples=samples, sample_rate=rate)

    @overload
    def __getitem__(self, position: int) -> Clip: ...
    @overload
    def __getitem__(self, position: slice) -> list[Clip]: ...
    def __getitem__(self, position: int | slice) -> Clip | list[Clip]:
        if isinstance(position, slice):
            return [self._read(i) for i in range(*position.indices(len(self)))]
        return self._read(range(len(self))[position])

    def __iter__(self) -> Iterator[Clip]:
        for position in range(len(self)):
            yield self._read(position)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> ClipSpool:
        return self

    def __exit__(self, *exc: tuple[type[BaseException] | None, BaseException | None,
                                   TracebackType | None]) -> None:
        self.close()
