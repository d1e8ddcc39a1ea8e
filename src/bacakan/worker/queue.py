"""Build huey from a queue URL: ``sqlite:///path/queue.db`` (default) or ``redis://host:port/db``.

Never a home-made queue: huey's ``SqliteHuey`` needs no server and suits one machine; ``RedisHuey``
lets workers on several machines share one queue.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import platformdirs
from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey

from bacakan.errors import ConfigError

QUEUE_NAME = "bacakan"
ENV_QUEUE = "BACAKAN_QUEUE"
ENV_OUT = "BACAKAN_OUT"


def default_queue_url() -> str:
    """$BACAKAN_QUEUE, else a SQLite file in the user's data folder (the same for every cwd)."""
    env = os.environ.get(ENV_QUEUE)
    if env:
        return env
    return f"sqlite:///{Path(platformdirs.user_data_dir('bacakan')) / 'queue.db'}"


def default_out() -> Path:
    return Path(os.environ.get(ENV_OUT) or "output")


@dataclass(frozen=True)
class QueueURL:
    kind: str  # "sqlite", "redis", or "memory" (one process only: tests and immediate mode)
    url: str
    path: Path | None = None  # the SQLite file

    @classmethod
    def parse(cls, url: str) -> QueueURL:
        parsed = urlparse(url)
        if parsed.scheme == "sqlite":
            # sqlite:///abs/path.db -> /abs/path.db, as in the issue; sqlite://rel.db -> rel.db
            raw = url[len("sqlite://"):]
            if not raw or raw == "/":
                raise ConfigError(f"queue URL {url!r} names no file (use sqlite:///path/queue.db)")
            return cls("sqlite", url, Path(raw))
        if parsed.scheme == "memory":
            return cls("memory", url)
        if parsed.scheme in {"redis", "rediss", "unix"}:
            return cls("redis", url)
        raise ConfigError(
            f"queue URL {url!r}: use sqlite:///path/queue.db or redis://host:port/db")


def make_huey(url: str, *, immediate: bool = False) -> Huey:
    """The huey instance for ``url``. Task results are off: job records live in jobs.py."""
    queue = QueueURL.parse(url)
    if queue.kind == "sqlite":
        assert queue.path is not None
        try:
            queue.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot create the queue folder {queue.path.parent}: {exc}") from exc
        # WAL and a busy timeout: several worker processes and `submit` write the same file.
        return SqliteHuey(QUEUE_NAME, filename=str(queue.path), results=False, timeout=30,
                          immediate=immediate, immediate_use_memory=False)
    if queue.kind == "memory":
        return MemoryHuey(QUEUE_NAME, results=False, immediate=immediate,
                          immediate_use_memory=False)
    return RedisHuey(QUEUE_NAME, url=queue.url, results=False, immediate=immediate,
                     immediate_use_memory=False)
