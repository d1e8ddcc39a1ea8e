"""Run huey's consumer for bacakan: recover, clean up, then consume until told to stop.

Signals (huey's consumer does the work; we choose the policy):
- SIGTERM (systemd, ``docker stop``): graceful. Workers finish the job in hand, then exit; after
  ``grace`` seconds they are interrupted and the job is re-queued.
- SIGINT (Ctrl-C): stop now; the job in hand is interrupted and re-queued untouched.
Worker processes, not threads: eSpeak NG keeps global state per process.
"""

from __future__ import annotations

import logging

from bacakan.worker.tasks import Service

log = logging.getLogger("bacakan.worker")


def prepare(service: Service) -> None:
    """What a (re)starting worker does before taking jobs."""
    for job in service.recover():
        log.warning("re-queued job %s (%s) left running by a dead worker", job.id, job.source)
    for path in service.clean_stray_files():
        log.warning("removed %s, left by an interrupted write", path)


def run(service: Service, *, workers: int = 1, grace: float | None = 300.0) -> None:
    prepare(service)
    consumer = service.huey.create_consumer(
        workers=workers, worker_type="process", periodic=True, graceful_signal="TERM",
        shutdown_timeout=grace, initial_delay=0.1, backoff=1.5, max_delay=1.0,
        check_worker_health=True, health_check_interval=5)
    consumer.run()
