"""Chapters: one at the headline (time 0) and one at each paragraph or subheading.

The same list feeds the ID3 CHAP/CTOC frames (tags.py) and the Podcasting 2.0 JSON file, whose
spec wants ascending float ``startTime`` seconds and ``version`` 1.2.0.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bacakan.models import Article, Script, Timing

_TITLE_CHARS = 60


@dataclass(frozen=True)
class Chapter:
    title: str
    start: float  # seconds
    end: float


def _short(text: str) -> str:
    """The first words of a paragraph: chapter lists in apps show one short line."""
    text = " ".join(text.split())
    if len(text) <= _TITLE_CHARS:
        return text
    return text[: _TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def build(
    article: Article, script: Script, timings: Sequence[Timing], duration_s: float
) -> list[Chapter]:
    """Chapters in order; each ends where the next starts, the last at the end of the audio."""
    starts: list[tuple[float, str]] = [(0.0, _short(article.title))]
    seen: set[int] = {-1}
    for timing in timings:
        sentence = script.sentences[timing.index]
        if sentence.block in seen or timing.end <= timing.start:
            continue  # not the first spoken sentence of its block
        seen.add(sentence.block)
        block = article.blocks[sentence.block]
        if timing.start <= starts[-1][0] + 0.001:
            continue  # zero-length chapters confuse players
        starts.append((timing.start, _short(block.text)))
    ends = [s for s, _ in starts[1:]] + [max(duration_s, starts[-1][0])]
    return [
        Chapter(title, round(start, 3), round(end, 3))
        for (start, title), end in zip(starts, ends, strict=True)
    ]


def limit(chapters: Sequence[Chapter], most: int) -> list[Chapter]:
    """At most ``most`` chapters, spread evenly; each kept one runs until the next kept one.

    ID3's CTOC stores its child count in one byte (<= 255): a one-hour article has more paragraphs.
    """
    if len(chapters) <= most:
        return list(chapters)
    step = len(chapters) / most
    kept = [chapters[int(i * step)] for i in range(most)]
    ends = [c.start for c in kept[1:]] + [chapters[-1].end]
    return [Chapter(c.title, c.start, end) for c, end in zip(kept, ends, strict=True)]


def to_json(chapters: Sequence[Chapter]) -> str:
    """Podcasting 2.0 JSON chapters (application/json+chapters)."""
    body = {
        "version": "1.2.0",
        "chapters": [{"startTime": c.start, "endTime": c.end, "title": c.title} for c in chapters],
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
