"""Folder-wide outputs rebuilt from the manifests: ``feed.xml`` and the episode index page."""

from __future__ import annotations

from pathlib import Path

from bacakan import atomic
from bacakan.publish import fmt, manifest, templating
from bacakan.publish.feed import FeedSettings, build_feed


def rebuild(out: Path, settings: FeedSettings) -> int:
    """Rewrite ``out/feed.xml`` and ``out/index.html`` from the episodes on disk; returns their count."""
    episodes = manifest.episodes(out)
    atomic.write_bytes(out / "feed.xml", build_feed(episodes, settings))
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
    atomic.write_text(out / "index.html", templating.render("index.html.j2", title=settings.title,
                                                             episodes=entries))
    return len(episodes)
