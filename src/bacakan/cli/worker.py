"""``bacakan submit | worker | watch | status``: bacakan as a service on a huey queue.

Settings come from flags or the environment: ``BACAKAN_QUEUE`` (``sqlite:///path/queue.db`` or
``redis://host:port/db``) and ``BACAKAN_OUT`` (output folder). With neither, the queue is a SQLite
file in the user's data folder and the output is ``./output``.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bacakan.cli.common import DEFAULT_VOICE, fail_line, load_settings
from bacakan.errors import BacakanError

if TYPE_CHECKING:
    from bacakan.worker.jobs import Job
    from bacakan.worker.tasks import Service, WorkerSettings

Queue = Annotated[str | None, typer.Option(
    "--queue", help="Queue URL: sqlite:///path/queue.db or redis://host:port/db "
    "[env BACAKAN_QUEUE; default: a SQLite file in the user data folder].")]
Out = Annotated[Path | None, typer.Option(
    "--out", help="Output folder, shared by every worker [env BACAKAN_OUT; default ./output].")]


def _service(queue: str | None, settings: WorkerSettings | None = None) -> Service:
    # The queue and pipeline modules are imported by the commands, not at start-up.
    from bacakan.worker.queue import default_queue_url
    from bacakan.worker.tasks import Service

    try:
        return Service(queue or default_queue_url(), settings)
    except BacakanError as exc:
        fail_line(None, exc)
        raise typer.Exit(2) from None


def _logging() -> None:
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(processName)s %(name)s: %(message)s")


def submit_cmd(
    sources: Annotated[list[str], typer.Argument(help="Article files or URLs. Files are queued "
                                                 "by absolute path: workers must see that path.")],
    voice: Annotated[str | None, typer.Option("--voice", help="Voice profile for these jobs "
                                              "[default: the worker's].")] = None,
    queue: Queue = None,
) -> None:
    """Queue articles for the workers and print one job id per line; returns at once."""
    svc = _service(queue)
    failed = 0
    for source in sources:
        try:
            job, created = svc.submit(source, voice=voice)
        except BacakanError as exc:
            failed += 1
            fail_line(source, exc)
            continue
        typer.echo(f"{job.id}\t{'queued' if created else 'already ' + job.state}\t{job.source}")
    if failed:
        raise typer.Exit(1)


def worker_cmd(
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 1,
    out: Out = None,
    voice: Annotated[str | None, typer.Option(
        "--voice", help=f"Default voice profile (default {DEFAULT_VOICE}).")] = None,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help="Public URL of the output folder (overrides the settings).")] = None,
    config_file: Annotated[Path | None, typer.Option(
        "--config", help="Settings file (default: ./bacakan.toml if present).")] = None,
    grace: Annotated[float, typer.Option("--grace", help="On SIGTERM, seconds to let running jobs "
                                         "finish before re-queueing them.")] = 300.0,
    queue: Queue = None,
) -> None:
    """Consume queued jobs, each rendered like `bacakan render`. SIGTERM: finish, then stop;
    Ctrl-C: stop now and re-queue the job in hand."""
    from bacakan.worker import service
    from bacakan.worker.queue import default_out
    from bacakan.worker.tasks import WorkerSettings

    _logging()
    loaded = load_settings(config_file, base_url)
    feed, said = loaded.feed, loaded.narration
    settings = WorkerSettings(out=(out or default_out()).resolve(),
                              voice=voice or said.voice or DEFAULT_VOICE,
                              base_url=base_url or feed.base_url, feed=feed,
                              lexicons=said.lexicons)
    service.run(_service(queue, settings), workers=workers, grace=grace)


def watch_cmd(
    feed_url: Annotated[str, typer.Argument(
        help="RSS/Atom feed, or a WordPress /wp-json/wp/v2/posts URL.")],
    every: Annotated[str, typer.Option("--every", help="Poll interval: 30s, 5m, 1h.")] = "5m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    queue: Queue = None,
) -> None:
    """Poll a news feed and queue every new or changed article."""
    from bacakan.worker import watch

    _logging()
    try:
        interval = watch.parse_every(every)
    except BacakanError as exc:
        fail_line(None, exc)
        raise typer.Exit(2) from None

    def report(result: watch.PollResult) -> None:
        for job in result.new:
            typer.echo(f"{job.id}\tnew\t{job.source}")
        for job in result.changed:
            typer.echo(f"{job.id}\tchanged\t{job.source}")
        logging.getLogger("bacakan.watch").info(
            "%s: %d entries, %d new, %d changed, %d unchanged", feed_url, result.entries,
            len(result.new), len(result.changed), result.unchanged)

    try:
        watch.run(_service(queue), feed_url, every=interval, once=once, report=report)
    except BacakanError as exc:
        fail_line(feed_url, exc)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        pass


def _state(job: Job) -> str:
    from bacakan.worker import recovery
    from bacakan.worker.jobs import RUNNING

    if job.state == RUNNING and recovery.is_orphaned(job):
        return "running (worker gone; re-queued when a worker starts or within a minute)"
    return job.state


def status_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
    queue: Queue = None,
) -> None:
    """Jobs by state: queued, running, retrying, done, failed (with the error line)."""
    from bacakan.worker import recovery
    from bacakan.worker.jobs import RUNNING, STATES

    svc = _service(queue)
    jobs = svc.jobs.all()
    counts = {state: sum(j.state == state for j in jobs) for state in STATES}
    if as_json:
        waiting = sum(type(t).__name__ == "render_article" for t in svc.huey.pending())
        data = {"counts": counts, "pending_messages": waiting,
                "jobs": [{**json.loads(j.to_json()), "orphaned": recovery.is_orphaned(j)}
                         for j in jobs]}
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    typer.echo("  ".join(f"{state}: {n}" for state, n in counts.items()))
    now = time.time()
    for job in jobs:
        where = f" {job.host}:{job.pid}" if job.state == RUNNING else ""
        what = job.slug or job.source
        typer.echo(f"{job.id}  {_state(job)}{where}  {what}  ({now - job.updated:.0f}s ago)")
        if job.error and job.state != "done":
            typer.echo(f"    {job.error}")


def register(app: typer.Typer) -> None:
    app.command("submit")(submit_cmd)
    app.command("worker")(worker_cmd)
    app.command("watch")(watch_cmd)
    app.command("status")(status_cmd)
