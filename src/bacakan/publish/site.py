"""Folder-wide outputs rebuilt from the manifests: the feeds, their covers and the index page.

``rebuild`` is a pure function of the manifests on disk and the settings, and every file is
written atomically, so several processes may rebuild the same folder: each writes the same bytes
(the worker serialises them with a lock anyway). Unchanged files are not rewritten, so their
modification time (HTTP Last-Modified, which podcast apps poll with) moves only on real change.
"""

from __future__ import annotations

from pathlib import Path

from bacakan import atomic
from bacakan.models import Episode
from bacakan.publish import cover, fmt, manifest, templating
from bacakan.publish.feed import MAIN_FEED, FeedSettings, build_feed, subfeed_path


def _write_if_changed(target: Path, data: bytes) -> None:
    try:
        if target.read_bytes() == data:
            return
    except OSError:
        pass  # missing or unreadable: write it
    atomic.write_bytes(target, data)


def write_feeds(out: Path, settings: FeedSettings, episodes: list[Episode]) -> list[str]:
    """Write ``feed.xml`` and one ``feeds/<name>.xml`` per sub-feed; return their paths."""
    image = cover.resolve(settings.cover, out, "cover", settings.title)
    _write_if_changed(out / MAIN_FEED, build_feed(episodes, settings, image=image, out=out))
    written = [MAIN_FEED]
    for sub in settings.feeds:
        channel = settings.for_subfeed(sub)
        path = subfeed_path(sub.name)
        image = cover.resolve(channel.cover, out, f"feeds/{sub.name}", channel.title)
        chosen = [e for e in episodes if sub.matches(e)]
        _write_if_changed(out / path, build_feed(chosen, channel, path=path, image=image, out=out))
        written.append(path)
    return written


def rebuild(out: Path, settings: FeedSettings) -> int:
    """Rewrite the feeds and ``out/index.html`` from the episodes on disk; returns their count."""
    episodes = manifest.episodes(out)
    write_feeds(out, settings, episodes)
    entries = [
        {
            "slug": e.slug,
            "title": e.title,
            "audio": e.audio,
            "published": e.published,
            "published_words": fmt.date_words(e.published),
            "duration_words": fmt.duration_words(e.duration_s),
        }
        for e in episodes
    ]
    page = templating.render("index.html.j2", title=settings.title, episodes=entries)
    _write_if_changed(out / "index.html", page.encode("utf-8"))
    return len(episodes)
