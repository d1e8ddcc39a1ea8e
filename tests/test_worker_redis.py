"""Two workers on one Redis queue and one output folder: 20 articles, each published exactly once.

Runs against $BACAKAN_TEST_REDIS_URL (CI starts redis-server on port 6390), else a private
redis-server on a free port, else skips with the reason.
"""

from __future__ import annotations

import signal
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from bacakan.publish import manifest
from bacakan.worker import recovery
from bacakan.worker.jobs import DONE
from bacakan.worker.tasks import Service, WorkerSettings
from tests.worker_helpers import cli, redis_server, start_worker, stop, wait_for, write_articles

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    import redis

    with redis_server(tmp_path) as url:
        redis.Redis.from_url(url).flushdb()
        yield url
        redis.Redis.from_url(url).flushdb()


def test_two_workers_share_a_redis_queue_and_publish_each_article_once(
        redis_url: str, tmp_path: Path) -> None:
    out = tmp_path / "shared-out"
    articles = write_articles(tmp_path / "in", 20)
    # Every article submitted twice (from two "machines"): the second is folded into the first.
    first = cli(["submit", *map(str, articles)], redis_url, out)
    second = cli(["submit", *map(str, articles[::2])], redis_url, out)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert len(first.stdout.splitlines()) == 20
    assert all("\talready queued\t" in line for line in second.stdout.splitlines())

    svc = Service(redis_url, WorkerSettings(out=out))
    logs = [tmp_path / "w1.log", tmp_path / "w2.log"]
    workers = [start_worker(redis_url, out, log=log) for log in logs]
    try:
        wait_for(lambda: sum(j.state == DONE for j in svc.jobs.all()) == 20, 300,
                 "20 jobs done", logs[0])
    finally:
        codes = [stop(w, signal.SIGTERM) for w in workers]
    assert codes == [0, 0]

    jobs = svc.jobs.all()
    assert len(jobs) == 20 and all(j.state == DONE and j.attempts == 1 for j in jobs)
    # Both workers took a share: the queue really is shared.
    shares = [log.read_text().count(" done: ") for log in logs]
    assert sum(shares) == 20 and min(shares) > 0, shares
    episodes = manifest.episodes(out)
    titles = sorted(p.read_text(encoding="utf-8").splitlines()[0] for p in articles)
    assert sorted(e.title for e in episodes) == titles
    assert len([p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")]) == 20
    items = ET.parse(out / "feed.xml").getroot().iter("item")
    assert sorted(i.findtext("title") or "" for i in items) == titles  # exactly, no duplicates
    assert recovery.temp_files(out) == []
