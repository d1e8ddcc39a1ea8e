"""The worker end to end on a SQLite queue: real ``bacakan`` processes, the real eSpeak voice.

submit -> worker -> episodes; bad input; one episode when two workers get the same article;
SIGKILL mid-write and restart; Ctrl-C re-queues the job in hand; SIGTERM lets it finish.
"""

from __future__ import annotations

import json
import signal
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from bacakan.publish import manifest
from bacakan.worker import recovery
from bacakan.worker.jobs import STATES, Job
from bacakan.worker.tasks import Service, WorkerSettings
from tests.worker_helpers import cli, start_worker, stop, wait_for, write_articles


def status(queue: str, out: Path) -> dict[str, Any]:
    """What ``bacakan status --json`` prints, read in-process (the CLI's imports take seconds)."""
    svc = Service(queue, WorkerSettings(out=out))
    jobs = svc.jobs.all()
    return {"counts": {s: sum(j.state == s for j in jobs) for s in STATES},
            "pending_messages": sum(type(t).__name__ == "render_article"
                                    for t in svc.huey.pending()),
            "jobs": [{**json.loads(j.to_json()), "orphaned": recovery.is_orphaned(j)}
                     for j in jobs]}


def settled(queue: str, out: Path, total: int) -> bool:
    counts = status(queue, out)["counts"]
    return bool(counts["done"] + counts["failed"] == total)


def feed_titles(out: Path) -> list[str]:
    root = ET.parse(out / "feed.xml").getroot()
    return sorted(item.findtext("title") or "" for item in root.iter("item"))


def assert_consistent(out: Path) -> None:
    """No partial files, and every manifest (so every feed entry) has its MP3."""
    assert recovery.temp_files(out) == []
    for path in out.glob(f"*/{manifest.MANIFEST}"):
        episode = manifest.read(path)
        assert (path.parent / episode.audio).is_file(), episode.slug
    if (out / "feed.xml").exists():
        assert feed_titles(out) == sorted(e.title for e in manifest.episodes(out))


def test_submit_worker_status_end_to_end(tmp_path: Path) -> None:
    queue, out, log = f"sqlite://{tmp_path / 'queue.db'}", tmp_path / "out", tmp_path / "w.log"
    articles = write_articles(tmp_path / "in", 3)
    bad = tmp_path / "in" / "rusak.txt"
    bad.write_bytes(b"\x00\x01\x02" * 200)
    started = time.monotonic()
    result = cli(["submit", *map(str, articles), str(bad)], queue, out)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 20  # returns at once: nothing rendered yet
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert len(set(ids)) == 4 and not out.exists()
    assert status(queue, out)["counts"]["queued"] == 4

    worker = start_worker(queue, out, "--workers", "2", log=log)
    try:
        wait_for(lambda: settled(queue, out, 4), 120, "4 jobs to settle", log)
    finally:
        assert stop(worker, signal.SIGTERM) == 0
    jobs = {j["source"]: j for j in status(queue, out)["jobs"]}
    failed = jobs[str(bad)]
    assert failed["state"] == "failed" and failed["attempts"] == 1 and failed["error"]
    assert "\n" not in failed["error"]
    for path in articles:
        assert jobs[str(path)]["state"] == "done" and jobs[str(path)]["attempts"] == 1
    titles = [path.read_text(encoding="utf-8").splitlines()[0] for path in articles]
    assert feed_titles(out) == sorted(titles)
    assert_consistent(out)
    assert json.loads(cli(["status", "--json"], queue, out).stdout) == status(queue, out)
    text = cli(["status"], queue, out).stdout
    assert "done: 3" in text and "failed: 1" in text and failed["error"] in text


def test_same_article_to_two_workers_yields_one_episode(tmp_path: Path) -> None:
    queue, out, log = f"sqlite://{tmp_path / 'queue.db'}", tmp_path / "out", tmp_path / "w.log"
    [article] = write_articles(tmp_path / "in", 1, paragraphs=3)
    svc = Service(queue, WorkerSettings(out=out))
    # Bypass submit's dedupe: two messages for one article, as two racing submitters could make.
    for _ in range(2):
        job = svc.jobs.put(Job.new(str(article)))
        svc.render_task(job.id)
    worker = start_worker(queue, out, "--workers", "2", log=log)
    try:
        wait_for(lambda: settled(queue, out, 2), 90, "both jobs", log)
    finally:
        stop(worker, signal.SIGTERM)
    folders = [p.parent.name for p in out.glob(f"*/{manifest.MANIFEST}")]
    assert len(folders) == 1 and len([p for p in out.iterdir()
                                          if p.is_dir() and not p.name.startswith(".")]) == 1
    assert {j["slug"] for j in status(queue, out)["jobs"]} == set(folders)
    assert len(feed_titles(out)) == 1
    assert_consistent(out)


def _long_article(tmp_path: Path) -> Path:
    [path] = write_articles(tmp_path / "in", 1, paragraphs=12, first=7)
    return path


def test_sigkill_mid_write_then_restart_completes(tmp_path: Path) -> None:
    queue, out, log = f"sqlite://{tmp_path / 'queue.db'}", tmp_path / "out", tmp_path / "w.log"
    # One finished episode first, so the feed exists when the crash happens.
    [done] = write_articles(tmp_path / "first", 1)
    assert cli(["submit", str(done)], queue, out).returncode == 0
    worker = start_worker(queue, out, log=log)
    wait_for(lambda: settled(queue, out, 1), 60, "first episode", log)
    article = _long_article(tmp_path)
    assert cli(["submit", str(article)], queue, out).returncode == 0
    # Kill the worker and its children while the MP3 is half written (its temp file exists).
    wait_for(lambda: bool(recovery.temp_files(out)), 120, "a temp file mid-write", log)
    stop(worker, signal.SIGKILL)
    partial = recovery.temp_files(out)
    assert partial, "the kill should land mid-write"

    def orphaned() -> bool:
        [job] = [j for j in status(queue, out)["jobs"] if j["source"] == str(article)]
        return bool(job["state"] == "running" and job["orphaned"])

    wait_for(orphaned, 15, "the killed job to show as orphaned")  # killed pids take a moment
    assert len(feed_titles(out)) == 1  # the feed never lists the unfinished episode
    for path in out.glob(f"*/{manifest.MANIFEST}"):
        assert (path.parent / manifest.read(path).audio).is_file()

    worker = start_worker(queue, out, log=log)
    try:
        wait_for(lambda: settled(queue, out, 2), 120, "the re-queued job", log)
    finally:
        assert stop(worker, signal.SIGTERM) == 0
    [long_job] = [j for j in status(queue, out)["jobs"] if j["source"] == str(article)]
    assert long_job["state"] == "done" and long_job["attempts"] == 2
    assert not any(p.exists() for p in partial)
    assert len(feed_titles(out)) == 2
    assert_consistent(out)


def test_ctrl_c_requeues_and_sigterm_finishes(tmp_path: Path) -> None:
    queue, out, log = f"sqlite://{tmp_path / 'queue.db'}", tmp_path / "out", tmp_path / "w.log"
    article = _long_article(tmp_path)
    assert cli(["submit", str(article)], queue, out).returncode == 0

    def running() -> bool:
        return bool(status(queue, out)["counts"]["running"] == 1)

    worker = start_worker(queue, out, log=log)
    wait_for(running, 60, "the job to start", log)
    assert stop(worker, signal.SIGINT) == 0
    [job] = status(queue, out)["jobs"]
    assert job["state"] == "queued" and status(queue, out)["pending_messages"] == 1
    assert not list(out.glob(f"*/{manifest.MANIFEST}"))

    worker = start_worker(queue, out, log=log)
    wait_for(running, 60, "the job to start again", log)
    assert stop(worker, signal.SIGTERM, timeout=180) == 0  # graceful: the job finishes first
    [job] = status(queue, out)["jobs"]
    assert job["state"] == "done" and job["attempts"] == 2
    assert_consistent(out)


def test_worker_cli_reports_a_bad_queue_url(tmp_path: Path) -> None:
    result = cli(["status"], "ftp://nowhere", tmp_path)
    assert result.returncode == 2 and "sqlite:///path/queue.db" in result.stderr
