"""``bacakan watch`` against a local news site (http.server in a thread): RSS, Atom, WordPress.

New articles are queued once, unchanged ones never again, changed ones again; then a real worker
renders the queued URLs from the same local site.
"""

from __future__ import annotations

import http.server
import signal
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from bacakan.errors import ConfigError, InputError
from bacakan.publish import manifest
from bacakan.worker import watch
from bacakan.worker.jobs import DONE
from bacakan.worker.tasks import Service, WorkerSettings
from tests.worker_helpers import cli, start_worker, stop, wait_for

DATA = Path(__file__).parent / "data" / "watch"
CABAI = "Harga cabai rawit turun menjadi Rp 40 ribu per kilogram."


class Site:
    """A tiny news site; ``cabai`` is the feed's summary of the second article (edit it)."""

    def __init__(self) -> None:
        self.cabai = CABAI
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                routes = {"/rss.xml": ("rss.xml", "application/rss+xml"),
                          "/atom.xml": ("atom.xml", "application/atom+xml"),
                          "/wp-json/wp/v2/posts": ("wp-posts.json", "application/json")}
                name, kind = routes.get(self.path, (self.path.removeprefix("/berita/"),
                                                    "text/html; charset=utf-8"))
                path = DATA / name
                if "/" in name or not path.is_file():
                    self.send_error(404)
                    return
                body = path.read_text(encoding="utf-8").replace("{base}", site.base)
                data = body.replace("{cabai}", site.cabai).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    s.thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()


def test_feed_formats_give_the_same_articles(site: Site) -> None:
    rss = watch.fetch_feed(f"{site.base}/rss.xml")
    wp = watch.fetch_feed(f"{site.base}/wp-json/wp/v2/posts")
    atom = watch.fetch_feed(f"{site.base}/atom.xml")
    bridge = f"{site.base}/berita/jembatan-tebing-tinggi.html"
    chili = f"{site.base}/berita/harga-cabai-turun.html"
    assert [e.url for e in rss] == [bridge, chili]
    assert [e.url for e in wp] == [chili, bridge]
    assert [(e.url, e.title) for e in atom] == [
        (bridge, "Pemkab Balangan Resmikan Jembatan Tebing Tinggi")]
    with pytest.raises(InputError, match="HTTP 404"):
        watch.fetch_feed(f"{site.base}/tidak-ada.xml")
    with pytest.raises(InputError, match="not valid XML"):
        watch.parse_feed(b"<rss><channel>")


def test_every_parses_units() -> None:
    assert [watch.parse_every(t) for t in ("90", "30s", "5m", "1h")] == [90, 30, 300, 3600]
    with pytest.raises(ConfigError):
        watch.parse_every("sometimes")


def test_watch_queues_new_and_changed_articles_then_a_worker_renders_them(
        site: Site, tmp_path: Path) -> None:
    queue, out, log = f"sqlite://{tmp_path / 'queue.db'}", tmp_path / "out", tmp_path / "w.log"
    feed = f"{site.base}/rss.xml"
    first = cli(["watch", feed, "--once"], queue, out)
    assert first.returncode == 0, first.stderr
    assert [line.split("\t")[1:] for line in first.stdout.splitlines()] == [
        ["new", f"{site.base}/berita/jembatan-tebing-tinggi.html"],
        ["new", f"{site.base}/berita/harga-cabai-turun.html"]]

    svc = Service(queue, WorkerSettings(out=out))
    again = watch.poll(svc, feed)
    assert (again.new, again.changed, again.unchanged) == ([], [], 2)
    site.cabai = "Harga cabai rawit turun lagi menjadi Rp 35 ribu per kilogram."
    changed = watch.poll(svc, feed)
    assert [j.source for j in changed.changed] == [f"{site.base}/berita/harga-cabai-turun.html"]
    assert changed.new == [] and changed.unchanged == 1
    # The WordPress API lists the same URLs: state is per feed, dedupe per URL in the queue.
    assert len(svc.jobs.all()) == 2

    worker = start_worker(queue, out, log=log)
    try:
        wait_for(lambda: all(j.state == DONE for j in svc.jobs.all()), 120, "2 renders", log)
    finally:
        stop(worker, signal.SIGTERM)
    titles = sorted(e.title for e in manifest.episodes(out))
    assert titles == ["Harga Cabai di Pasar Paringin Turun",
                      "Pemkab Balangan Resmikan Jembatan Tebing Tinggi"]
    items = ET.parse(out / "feed.xml").getroot().iter("item")
    assert sorted(i.findtext("title") or "" for i in items) == titles
    # Changed after rendering: queued again, re-rendered into the same episode folder.
    site.cabai = "Harga cabai kembali naik."
    [job] = watch.poll(svc, feed).changed
    assert job.state == "queued" and len(svc.jobs.all()) == 3
