"""The accessible article page (``<slug>/index.html``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bacakan.models import Article, Script, Timing
from bacakan.publish import fmt, templating


@dataclass(frozen=True)
class TimedSentence:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class PageBlock:
    kind: str
    sentences: tuple[TimedSentence, ...]


def page_blocks(article: Article, script: Script, timings: Sequence[Timing]) -> list[PageBlock]:
    """Group the script's written sentences back into the article's blocks, with their audio times."""
    by_index = {t.index: t for t in timings}
    grouped: dict[int, list[TimedSentence]] = {}
    for index, sentence in enumerate(script.sentences):
        if sentence.block < 0:
            continue  # the headline is the page's <h1>
        timing = by_index.get(index)
        start, end = (timing.start, timing.end) if timing else (0.0, 0.0)
        grouped.setdefault(sentence.block, []).append(TimedSentence(sentence.written, start, end))
    return [
        PageBlock(block.kind, tuple(grouped.get(i, [TimedSentence(block.text, 0.0, 0.0)])))
        for i, block in enumerate(article.blocks)
    ]


def render_page(
    article: Article,
    script: Script,
    timings: Sequence[Timing],
    *,
    audio: str,
    audio_bytes: int,
    duration_s: float,
    voice: str,
) -> str:
    source_url = article.source if article.source.startswith(("http://", "https://")) else None
    return templating.render(
        "article.html.j2",
        article=article,
        blocks=page_blocks(article, script, timings),
        audio=audio,
        voice=voice,
        duration_words=fmt.duration_words(duration_s),
        size_words=fmt.size_words(audio_bytes),
        published_words=fmt.date_words(article.published or ""),
        source_url=source_url,
    )
