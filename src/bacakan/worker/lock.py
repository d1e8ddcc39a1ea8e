"""Named locks shared by every worker, passed to ``pipeline.render(lock=...)``.

Two kinds, chosen by the queue:
- SQLite queue (one machine): an ``fcntl.flock`` on ``OUT/.bacakan-locks/<name>.lock``. The kernel
  drops it when the holder dies, even by SIGKILL, so a crash never leaves a stale lock.
- Redis queue (several machines): a Redis lock with an expiry. flock on a network filesystem is
  not reliable everywhere, Redis is already shared; a dead holder's lock lapses after ``ttl``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from bacakan.errors import OutputError

LOCK_DIR = ".bacakan-locks"
Lock = Callable[[str], AbstractContextManager[object]]


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:120]


def file_lock(out: Path) -> Lock:
    @contextlib.contextmanager
    def lock(name: str) -> Iterator[object]:
        folder = out / LOCK_DIR
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(folder / f"{_safe(name)}.lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot create lock file in {folder}: {exc.strerror}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # blocks; released on close or process death
            yield name
        finally:
            os.close(fd)

    return lock


def redis_lock(conn: Any, *, ttl: float = 600.0, wait: float = 900.0) -> Lock:
    """``ttl`` bounds how long a dead worker's lock survives; a publish takes seconds."""

    @contextlib.contextmanager
    def lock(name: str) -> Iterator[object]:
        handle = conn.lock(f"bacakan.lock.{_safe(name)}", timeout=ttl, blocking_timeout=wait)
        if not handle.acquire():
            raise OutputError(f"timed out after {wait:.0f}s waiting for the {name!r} lock")
        try:
            yield name
        finally:
            with contextlib.suppress(Exception):  # expired while held: nothing left to release
                handle.release()

    return lock
