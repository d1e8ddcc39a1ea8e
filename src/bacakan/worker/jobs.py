"""Job records in the queue's own key-value storage (a SQLite table or a Redis hash).

huey forgets a task once a worker dequeues it, so the queue alone cannot answer "what is running,
what failed and why". Each submitted article gets a record, rewritten at every state change. Values
are JSON (not pickle) so an operator can read them with ``sqlite3`` or ``redis-cli``.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from huey import Huey
from huey.constants import EmptyData

QUEUED, RUNNING, RETRYING, DONE, FAILED = "queued", "running", "retrying", "done", "failed"
STATES = (QUEUED, RUNNING, RETRYING, DONE, FAILED)
ACTIVE = (QUEUED, RUNNING, RETRYING)
JOB_PREFIX = "bacakan.job."
SOURCE_PREFIX = "bacakan.source."


def here() -> tuple[str, int]:
    """(host, pid) of this process, as written into a running job's record."""
    return socket.gethostname(), os.getpid()


@dataclass(frozen=True)
class Job:
    id: str
    source: str
    state: str = QUEUED
    voice: str | None = None  # None: the worker's default voice
    origin: str = "submit"  # "submit" or "watch <feed url>"
    submitted: float = field(default_factory=time.time)
    updated: float = field(default_factory=time.time)
    started: float | None = None
    heartbeat: float | None = None  # refreshed while running; stale = the worker is gone
    host: str | None = None
    pid: int | None = None
    attempts: int = 0  # runs started (first run, retries, and re-runs after a crash)
    error: str | None = None  # the one-line error of the last failure
    slug: str | None = None
    title: str | None = None

    @staticmethod
    def new(source: str, *, voice: str | None = None, origin: str = "submit") -> Job:
        return Job(id=uuid.uuid4().hex[:12], source=source, voice=voice, origin=origin)

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True).encode("utf-8")

    @staticmethod
    def from_json(data: bytes | memoryview) -> Job:
        raw: dict[str, Any] = json.loads(bytes(data).decode("utf-8"))
        return Job(**{k: v for k, v in raw.items() if k in _JOB_FIELDS})


_JOB_FIELDS = {f.name for f in fields(Job)}


def source_key(source: str) -> str:
    return SOURCE_PREFIX + hashlib.sha1(source.encode("utf-8")).hexdigest()


class JobStore:
    """Read and write job records through huey's storage API (``put_data``/``peek_data``)."""

    def __init__(self, huey: Huey) -> None:
        self.huey = huey

    @property
    def _storage(self) -> Any:
        return self.huey.storage

    def get(self, job_id: str) -> Job | None:
        data = self._storage.peek_data(JOB_PREFIX + job_id)
        return None if data is EmptyData else Job.from_json(data)

    def put(self, job: Job) -> Job:
        self._storage.put_data(JOB_PREFIX + job.id, job.to_json())
        return job

    def update(self, job_id: str, **changes: Any) -> Job | None:
        job = self.get(job_id)
        if job is None:
            return None
        return self.put(replace(job, updated=time.time(), **changes))

    def all(self) -> list[Job]:
        """Every record, oldest submission first."""
        jobs = [Job.from_json(v) for k, v in self._storage.result_items().items()
                if k.startswith(JOB_PREFIX)]
        return sorted(jobs, key=lambda j: (j.submitted, j.id))

    def by_state(self, *states: str) -> Iterator[Job]:
        return (j for j in self.all() if j.state in states)

    def active_for(self, source: str) -> Job | None:
        """The queued/running/retrying job for ``source``, if any (submit reuses it)."""
        data = self._storage.peek_data(source_key(source))
        if data is EmptyData:
            return None
        job = self.get(bytes(data).decode("ascii"))
        return job if job is not None and job.state in ACTIVE else None

    def claim_source(self, job: Job) -> Job:
        """Record ``job`` as the one for its source unless an active job already holds it."""
        key = source_key(job.source)
        if self._storage.put_if_empty(key, job.id.encode("ascii")):
            return self.put(job)
        current = self.active_for(job.source)
        if current is not None:
            return current
        self._storage.put_data(key, job.id.encode("ascii"))
        return self.put(job)

    def claim_once(self, name: str) -> bool:
        """True for exactly one caller across every worker (a put-if-empty marker)."""
        return bool(self._storage.put_if_empty(f"bacakan.claim.{name}", b"1"))
