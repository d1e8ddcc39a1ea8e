"""The queue, job records, locks and recovery, on real huey storages (SQLite, Redis).

Failure injection replaces ``Service.render`` with a stub that raises (the design's "fake voice
for failure-injection only"); the real pipeline runs in test_worker_e2e.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bacakan.errors import ConfigError, InputError, SynthesisError
from bacakan.models import Episode
from bacakan.worker import recovery
from bacakan.worker.jobs import DONE, FAILED, QUEUED, RUNNING, Job, here
from bacakan.worker.queue import QueueURL
from bacakan.worker.tasks import Service, WorkerSettings
from tests.worker_helpers import ROOT, redis_server


@pytest.fixture(params=["sqlite", pytest.param("redis", marks=pytest.mark.redis)])
def queue_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path / 'queue.db'}"
    else:
        with redis_server(tmp_path) as url:
            import redis

            redis.Redis.from_url(url).flushdb()
            yield url


def test_queue_urls() -> None:
    assert QueueURL.parse("sqlite:///var/lib/bacakan/queue.db").path == Path(
        "/var/lib/bacakan/queue.db")
    assert QueueURL.parse("redis://10.0.0.5:6379/2").kind == "redis"
    with pytest.raises(ConfigError, match=r"sqlite:///path/queue\.db or redis://"):
        QueueURL.parse("postgres://x/y")
    with pytest.raises(ConfigError, match="names no file"):
        QueueURL.parse("sqlite://")


def test_job_records_round_trip(queue_url: str, tmp_path: Path) -> None:
    svc = Service(queue_url, WorkerSettings(out=tmp_path / "out"))
    article = tmp_path / "a.txt"
    article.write_text("Judul\n\nIsi berita.\n", encoding="utf-8")
    job, created = svc.submit(str(article))
    assert created and job.state == QUEUED and job.source == str(article.resolve())
    # The same article while the first job is still queued: the same job, nothing new enqueued.
    again, created_again = svc.submit(str(article))
    assert not created_again and again.id == job.id
    assert svc.huey.pending_count() == 1
    # Another Service on the same URL (another machine / CLI call) sees the record.
    other = Service(queue_url, WorkerSettings(out=tmp_path / "out"))
    assert [j.id for j in other.jobs.all()] == [job.id]
    other.jobs.update(job.id, state=DONE, slug="judul")
    # Once done, submitting again re-renders (the article may have changed): a new job.
    third, created_third = svc.submit(str(article))
    assert created_third and third.id != job.id


def test_submit_refuses_missing_file(tmp_path: Path) -> None:
    svc = Service("memory://", WorkerSettings(out=tmp_path))
    with pytest.raises(InputError, match="no such file"):
        svc.submit(str(tmp_path / "nope.txt"))
    assert svc.jobs.all() == []


def _episode(slug: str) -> Episode:
    return Episode(title=slug, slug=slug, guid=slug, published="2023-11-20T00:00:00+00:00",
                   audio=f"{slug}.mp3", audio_bytes=1, duration_s=1.0, html="index.html",
                   voice="id-espeak", engine="espeak", source="x")


def _immediate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, outcomes: list[object],
               retries: int = 3) -> Service:
    """Immediate mode: huey runs each task (and each retry) synchronously, in order."""
    settings = WorkerSettings(out=tmp_path / "out", retries=retries, retry_delay=0)
    svc = Service(f"sqlite://{tmp_path / 'q.db'}", settings, immediate=True)
    calls = iter(outcomes)

    def fake_render(job: Job) -> Episode:
        outcome = next(calls)
        if isinstance(outcome, BaseException):
            raise outcome
        return _episode(str(outcome))

    monkeypatch.setattr(svc, "render", fake_render)
    return svc


def _article(tmp_path: Path) -> str:
    path = tmp_path / "berita.txt"
    path.write_text("Judul\n\nIsi.\n", encoding="utf-8")
    return str(path)


def test_retryable_errors_are_retried_then_succeed(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    flaky = SynthesisError("gTTS: HTTP 429 rate limited", retryable=True)
    svc = _immediate(tmp_path, monkeypatch, [flaky, flaky, "judul"])
    job, _ = svc.submit(_article(tmp_path))
    assert (job.state, job.attempts, job.slug, job.error) == (DONE, 3, "judul", None)


def test_bad_input_fails_once_with_its_line(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    svc = _immediate(tmp_path, monkeypatch, [InputError("berita.txt: no article text"), "x"])
    job, _ = svc.submit(_article(tmp_path))
    assert (job.state, job.attempts, job.error) == (FAILED, 1, "berita.txt: no article text")


def test_retries_run_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flaky = SynthesisError("network unreachable", retryable=True)
    svc = _immediate(tmp_path, monkeypatch, [flaky] * 5, retries=2)
    job, _ = svc.submit(_article(tmp_path))
    assert (job.state, job.attempts, job.error) == (FAILED, 3, "network unreachable")


def test_non_retryable_synthesis_error_and_bugs_fail_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    svc = _immediate(tmp_path, monkeypatch, [SynthesisError("voice crashed"), ZeroDivisionError()])
    job, _ = svc.submit(_article(tmp_path))
    assert (job.state, job.attempts) == (FAILED, 1)
    other = tmp_path / "b.txt"
    other.write_text("Lain\n\nIsi.\n", encoding="utf-8")
    bug, _ = svc.submit(str(other))
    assert bug.state == FAILED and bug.error == "internal error: ZeroDivisionError()"


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_recover_requeues_jobs_of_dead_workers_exactly_once(queue_url: str,
                                                            tmp_path: Path) -> None:
    svc = Service(queue_url, WorkerSettings(out=tmp_path / "out"))
    host, _ = here()
    now = time.time()
    dead = svc.jobs.put(replace(Job.new("/x/dead.txt"), state=RUNNING, host=host,
                                pid=_dead_pid(), heartbeat=now, attempts=1))
    alive = svc.jobs.put(replace(Job.new("/x/alive.txt"), state=RUNNING, host=host,
                                 pid=os.getpid(), heartbeat=now, attempts=1))
    far = svc.jobs.put(replace(Job.new("/x/far.txt"), state=RUNNING, host="other-machine",
                               pid=1, heartbeat=now - recovery.STALE_AFTER_S - 5, attempts=1))
    busy_far = svc.jobs.put(replace(Job.new("/x/busy.txt"), state=RUNNING, host="other-machine",
                                    pid=1, heartbeat=now, attempts=1))
    # Two workers restarting at once: each orphan goes back on the queue once.
    second = Service(queue_url, WorkerSettings(out=tmp_path / "out"))
    requeued = {j.id for j in svc.recover()} | {j.id for j in second.recover()}
    assert requeued == {dead.id, far.id}
    assert svc.huey.pending_count() == 2
    assert svc.jobs.get(dead.id).state == QUEUED  # type: ignore[union-attr]
    assert svc.jobs.get(alive.id).state == RUNNING  # type: ignore[union-attr]
    assert svc.jobs.get(busy_far.id).state == RUNNING  # type: ignore[union-attr]


def test_stray_temp_files_are_removed_only_when_no_writer_can_own_them(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "berita").mkdir(parents=True)
    (out / "kosong").mkdir()  # an episode folder whose first MP3 never finished
    stray = [out / "berita" / ".berita.mp3.k2j4h5g6.tmp.mp3", out / ".feed.xml.ab_12cd3.tmp.xml"]
    for path in stray:
        path.write_bytes(b"partial")
    keep = [out / "berita" / "berita.mp3", out / "berita" / ".hidden-note"]
    for path in keep:
        path.write_bytes(b"x")
    svc = Service(f"sqlite://{tmp_path / 'q.db'}", WorkerSettings(out=out))
    busy = svc.jobs.put(replace(Job.new("/x/a.txt"), state=RUNNING, heartbeat=time.time()))
    assert svc.clean_stray_files() == []  # a job runs: fresh temp files may be its own
    svc.jobs.update(busy.id, state=DONE)
    assert sorted(svc.clean_stray_files()) == sorted(stray)
    assert all(p.exists() for p in keep) and not (out / "kosong").exists()


_LOCK_CHILD = """
import sys, time
from pathlib import Path
from bacakan.worker.lock import file_lock, redis_lock
kind, where, log = sys.argv[1], sys.argv[2], Path(sys.argv[3])
if kind == "file":
    lock = file_lock(Path(where))
else:
    import redis
    lock = redis_lock(redis.Redis.from_url(where))
for _ in range(5):
    with lock("site"):
        with log.open("a") as f:
            f.write("start\\n"); f.flush(); time.sleep(0.02); f.write("end\\n")
"""


@pytest.mark.parametrize("kind", ["file", pytest.param("redis", marks=pytest.mark.redis)])
def test_locks_exclude_other_processes(kind: str, tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    with redis_server(tmp_path) if kind == "redis" else _nothing(tmp_path) as where:
        env = {"PYTHONPATH": str(ROOT / "src")}
        procs = [subprocess.Popen([sys.executable, "-c", _LOCK_CHILD, kind, where, str(log)],
                                  env=env) for _ in range(3)]
        assert [p.wait(60) for p in procs] == [0, 0, 0]
    lines = log.read_text().split()
    assert lines == ["start", "end"] * 15  # never two holders at once


class _nothing:  # a tiny stand-in for redis_server() in the file-lock case
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp

    def __enter__(self) -> str:
        return str(self.tmp / "out")

    def __exit__(self, *exc: object) -> None:
        return None
