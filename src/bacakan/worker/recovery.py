"""Crash recovery: find jobs whose worker died mid-run, and files a killed writer left behind.

huey removes a task from the queue when a worker takes it, so a worker killed with SIGKILL (OOM
killer, power loss, ``kill -9``) loses the task: huey itself never delivers it again. We keep the
evidence in the job record instead: "running, on host H, by pid P, heartbeat T". A record is
orphaned when P is dead on this host (checked at once) or when T is older than ``STALE_AFTER_S``
(any host: the only proof available across machines). Orphans are put back on the queue by a
restarted worker and by a periodic huey task, so a crash costs at most a minute of waiting.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from pathlib import Path
from types import TracebackType

from bacakan.worker.jobs import RUNNING, Job, JobStore, here
from bacakan.worker.lock import LOCK_DIR

HEARTBEAT_S = 5.0
STALE_AFTER_S = float(os.environ.get("BACAKAN_STALE_AFTER", "60"))
# A temp file untouched this long has no live writer, whoever made it (writers append continuously
# and rename within seconds).
OLD_TEMP_S = 15 * 60
# atomic.atomic_path names temp files ".<target>.<mkstemp random>.tmp<suffix>".
_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{6,}\.tmp(\.[A-Za-z0-9]+)?$")


def pid_alive(pid: int) -> bool:
    """True if ``pid`` runs on this host and is not a zombie (a killed child nobody reaped yet)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] not in {"Z", "X"}
    return True


def is_orphaned(job: Job, *, now: float | None = None) -> bool:
    if job.state != RUNNING:
        return False
    now = time.time() if now is None else now
    host, _ = here()
    if job.host == host and job.pid is not None and not pid_alive(job.pid):
        return True
    return job.heartbeat is None or now - job.heartbeat > STALE_AFTER_S


class Heartbeat:
    """Refresh a running job's heartbeat from a thread while the pipeline works.

    eSpeak is called through ctypes, which releases the GIL, so this thread keeps beating during
    synthesis.
    """

    def __init__(self, jobs: JobStore, job_id: str, every: float = HEARTBEAT_S) -> None:
        self._jobs, self._job_id, self._every = jobs, job_id, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"heartbeat-{job_id}", daemon=True)

    def _beat(self) -> None:
        while not self._stop.wait(self._every):
            with contextlib.suppress(Exception):  # a missed beat is harmless; the next one retries
                self._jobs.update(self._job_id, heartbeat=time.time())

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()


def temp_files(out: Path) -> list[Path]:
    """Temp files of interrupted atomic writes in ``out`` and its episode folders."""
    if not out.is_dir():
        return []
    candidates = [*out.glob(".*"), *out.glob("*/.*")]
    return sorted(p for p in candidates if p.is_file() and _TEMP.match(p.name))


def clean_stray_files(out: Path, *, older_than: float | None) -> list[Path]:
    """Delete interrupted writes; ``older_than=None`` when no job runs anywhere (all are stray).

    An episode folder left empty (its first MP3 was being written) goes too, but only when no job
    runs: a live writer may have just created it.
    """
    now = time.time()
    removed: list[Path] = []
    for path in temp_files(out):
        with contextlib.suppress(FileNotFoundError):
            if older_than is None or now - path.stat().st_mtime > older_than:
                path.unlink()
                removed.append(path)
    if older_than is None:
        for folder in out.iterdir() if out.is_dir() else ():
            if folder.is_dir() and folder.name != LOCK_DIR and not any(folder.iterdir()):
                with contextlib.suppress(OSError):
                    folder.rmdir()
    return removed

