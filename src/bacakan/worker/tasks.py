"""The huey tasks: render one job with ``pipeline.render``; put orphaned jobs back on the queue.

``Service`` binds a huey instance (from the queue URL), the job records, the shared lock and the
worker's settings. ``bacakan submit``, ``worker``, ``watch`` and ``status`` all build one, so the
task names they register are the same and a message from any of them runs in any worker.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from huey import crontab
from huey.exceptions import CancelExecution
from huey.signals import SIGNAL_INTERRUPTED

from bacakan.errors import BacakanError, InputError
from bacakan.publish.feed import FeedSettings
from bacakan.synthesise import DEFAULT_VOICE
from bacakan.worker import recovery
from bacakan.worker.jobs import DONE, FAILED, QUEUED, RETRYING, RUNNING, Job, JobStore, here
from bacakan.worker.lock import Lock, file_lock, redis_lock
from bacakan.worker.queue import QueueURL, make_huey

if TYPE_CHECKING:
    from bacakan.models import Episode
    from bacakan.synthesise import Voice, VoiceProfile

log = logging.getLogger("bacakan.worker")


@dataclass(frozen=True)
class WorkerSettings:
    out: Path = Path("output")
    voice: str = DEFAULT_VOICE
    base_url: str = "http://localhost:8000/"
    lexicons: tuple[Path, ...] = ()
    # Retries apply to retryable errors only (network, rate limit): 30 s, 60 s, 120 s.
    retries: int = 3
    retry_delay: float = 30.0
    retry_backoff: float = 2.0
    feed: FeedSettings = field(default_factory=FeedSettings)


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def canonical_source(source: str) -> str:
    """URLs as given; files as absolute paths, since the worker may run in another folder."""
    if is_url(source):
        return source
    path = Path(source).expanduser().resolve()
    if not path.is_file():
        raise InputError(f"{source}: no such file")
    return str(path)


class Service:
    def __init__(self, queue_url: str, settings: WorkerSettings | None = None, *,
                 immediate: bool = False) -> None:
        self.queue = QueueURL.parse(queue_url)
        self.settings = settings or WorkerSettings()
        self.huey = make_huey(queue_url, immediate=immediate)
        self.jobs = JobStore(self.huey)
        self.lock: Lock = (redis_lock(self.huey.storage.conn) if self.queue.kind == "redis"
                           else file_lock(self.settings.out))
        # Built lazily in each worker process (after the fork): eSpeak keeps per-process state.
        self._voices: dict[str, tuple[VoiceProfile, Voice]] = {}
        s = self.settings
        self.render_task = self.huey.task(
            retries=s.retries, retry_delay=s.retry_delay, retry_backoff=s.retry_backoff,
            context=True, name="render_article")(self._run)
        self.recover_task = self.huey.periodic_task(
            crontab(minute="*"), name="recover_orphans")(self.recover)
        self.huey.signal(SIGNAL_INTERRUPTED)(self._on_interrupted)
        self._interrupted = threading.Event()
        self.huey.on_startup(name="bacakan_interrupt")(self._watch_interrupt)

    # -- submitting ---------------------------------------------------------------------------

    def submit(self, source: str, *, voice: str | None = None,
               origin: str = "submit") -> tuple[Job, bool]:
        """Queue ``source``; (job, True), or (the job already queued/running for it, False)."""
        job = Job.new(canonical_source(source), voice=voice, origin=origin)
        held = self.jobs.claim_source(job)
        if held.id != job.id:
            return held, False
        self.render_task(job.id)  # immediate mode runs it here and now
        return self.jobs.get(job.id) or job, True

    # -- running ------------------------------------------------------------------------------

    def _voice(self, name: str) -> tuple[VoiceProfile, Voice]:
        if name not in self._voices:
            from bacakan.synthesise import build_voice, load_profile, open_cache

            profile = load_profile(name)
            # The sentence cache is safe to share between processes (atomic writes).
            self._voices[name] = (profile, build_voice(profile, cache=open_cache()))
        return self._voices[name]

    def render(self, job: Job) -> Episode:
        """The same pipeline as ``bacakan render``, with the workers' shared lock."""
        from bacakan import pipeline  # imported here so submit/status stay light

        name = job.voice or self.settings.voice
        profile, voice = self._voice(name)
        settings = pipeline.RenderSettings(
            out=self.settings.out, voice=name, lexicons=self.settings.lexicons,
            feed=replace(self.settings.feed, base_url=self.settings.base_url))
        return pipeline.render(job.source, settings, voice=voice, profile=profile,
                               lock=self.lock, progress=self._check_interrupt)

    def _watch_interrupt(self) -> None:
        """In each worker process: remember an interrupt, as well as letting huey raise it.

        huey raises KeyboardInterrupt from its SIGINT handler, but if the signal lands while eSpeak
        is calling back into Python (ctypes), ctypes swallows it. The flag survives, and the
        progress callback after each sentence raises it again.
        """
        previous = signal.getsignal(signal.SIGINT)

        def handler(signum: int, frame: Any) -> None:
            self._interrupted.set()
            if callable(previous):
                previous(signum, frame)

        signal.signal(signal.SIGINT, handler)

    def _check_interrupt(self, done: int, total: int) -> None:
        if self._interrupted.is_set():
            raise KeyboardInterrupt

    def _run(self, job_id: str, task: Any = None) -> None:
        job = self.jobs.get(job_id)
        if job is None or job.state in (DONE, FAILED):
            return  # delivered twice (e.g. requeued by two recoverers): it already finished
        if self._interrupted.is_set():
            # This process was told to stop, but the consumer has not set its stop flag yet:
            # hand the job straight back rather than start it.
            time.sleep(0.2)
            raise KeyboardInterrupt
        host, pid = here()
        now = time.time()
        self.jobs.update(job_id, state=RUNNING, host=host, pid=pid, started=now, heartbeat=now,
                         attempts=job.attempts + 1)
        error: BaseException | None = None
        with recovery.Heartbeat(self.jobs, job_id):
            try:
                episode = self.render(job)
            except Exception as exc:  # recorded below; KeyboardInterrupt goes to _on_interrupted
                error = exc
        if error is None:
            self.jobs.update(job_id, state=DONE, slug=episode.slug, title=episode.title,
                             error=None, pid=None)
            log.info("job %s done: %s", job_id, episode.slug)
            return
        retries_left = int(getattr(task, "retries", 0) or 0)
        if isinstance(error, BacakanError):
            line = str(error)
            retry = error.retryable and retries_left > 0
        else:  # a bug, not the article's fault: record it, never loop on it
            line, retry = f"internal error: {error!r}", False
        self.jobs.update(job_id, state=RETRYING if retry else FAILED, error=line, pid=None)
        if retry:
            log.warning("job %s: %s (retrying, %d left)", job_id, line, retries_left)
            raise error  # huey reschedules it after retry_delay, growing by retry_backoff
        log.warning("job %s failed: %s", job_id, line)
        raise CancelExecution(line, retry=False) from error

    def _on_interrupted(self, signal: str, task: Any, *args: Any, **kwargs: Any) -> None:
        """Ctrl-C or a shutdown timeout stopped a job mid-run: put it back, untouched."""
        job_id = task.args[0] if task.args else None
        if job_id is None:
            return
        self.jobs.update(job_id, state=QUEUED, pid=None, error="interrupted by worker shutdown")
        self.huey.enqueue(task)

    # -- recovery -----------------------------------------------------------------------------

    def recover(self) -> list[Job]:
        """Re-queue running jobs whose worker is gone. Safe to run from every worker at once."""
        requeued = []
        for job in self.jobs.by_state(RUNNING):
            if not recovery.is_orphaned(job):
                continue
            # Exactly one recoverer re-queues a given run, however many notice it.
            if not self.jobs.claim_once(f"requeue.{job.id}.{job.attempts}"):
                continue
            note = f"requeued: worker {job.host}:{job.pid} died while running it"
            updated = self.jobs.update(job.id, state=QUEUED, pid=None, error=note)
            self.render_task(job.id)
            log.warning("job %s %s", job.id, note)
            requeued.append(updated or job)
        return requeued

    def clean_stray_files(self) -> list[Path]:
        """At worker start: delete temp files of writes that a crash interrupted."""
        busy = any(True for _ in self.jobs.by_state(RUNNING))
        return recovery.clean_stray_files(
            self.settings.out, older_than=recovery.OLD_TEMP_S if busy else None)
