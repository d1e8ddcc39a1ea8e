"""episode.json: read/write the per-episode manifest; list the episodes of an output folder."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from pathlib import Path

from bacakan import atomic
from bacakan.models import Episode

MANIFEST = "episode.json"
_FIELDS = {f.name for f in fields(Episode)}


def write(folder: Path, episode: Episode) -> None:
    text = json.dumps(asdict(episode), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    atomic.write_text(folder / MANIFEST, text)


def read(path: Path) -> Episode:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Episode(**{k: v for k, v in data.items() if k in _FIELDS})


def episodes(out: Path) -> list[Episode]:
    """Every complete episode in ``out``: manifest readable and its MP3 present. Newest first."""
    found: list[Episode] = []
    for path in sorted(out.glob(f"*/{MANIFEST}")):
        try:
            episode = read(path)
        except (OSError, ValueError, TypeError):
            continue  # a foreign or damaged folder is not an episode
        if (path.parent / episode.audio).is_file():
            found.append(episode)
    found.sort(key=lambda e: (e.published, e.slug), reverse=True)
    return found


def find_by_guid(out: Path, guid: str) -> Episode | None:
    for episode in episodes(out):
        if episode.guid == guid:
            return episode
    return None
