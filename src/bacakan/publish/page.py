"""The accessible article page (``<slug>/index.html``).

Everything from the article is passed to the template as plain strings: Jinja2 autoescape turns
any markup in it into text. The only script on the page is our own, allowed by its hash in the
page's Content-Security-Policy, so even a templating mistake could not run injected script.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from bacakan.models import Article, Script, Timing
from bacakan.publish import fmt, templating

#: Playback speeds offered (WCAG good practice: at least 0.75-2x; screen reader users skim-listen).
RATES: tuple[tuple[str, str], ...] = (
    ("0.75", "0,75×"), ("1", "1× (normal)"), ("1.25", "1,25×"), ("1.5", "1,5×"),
    ("1.75", "1,75×"), ("2", "2×"),
)
_WORD = re.compile(r"[^\W\d_][\w-]*")


class Expansions(Protocol):
    """What the page needs from the lexicon (``bacakan.normalise.Lexicon``)."""

    def expansion(self, word: str) -> str | None: ...


@dataclass(frozen=True)
class TimedSentence:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class PageBlock:
    kind: str
    sentences: tuple[TimedSentence, ...]


@dataclass(frozen=True)
class MetaPart:
    kind: str  # "text" or "time"
    text: str
    value: str = ""


@cache
def default_lexicon() -> Expansions | None:
    """The shipped lexicon, if the normaliser provides one (it is optional for the page)."""
    try:
        module = importlib.import_module("bacakan.normalise")
    except ImportError:
        return None
    loader = getattr(module, "load_lexicon", None)
    if loader is None:
        return None
    lexicon: Expansions = loader()
    return lexicon


class _FirstUse:
    """Expands each abbreviation the first time the page shows it (WCAG 3.1.4, technique G97).

    Only the written text changes: the spoken script (and so the audio and its timings) is left
    alone, so the page shows ``Kepala Kepolisian Resor (Kapolres)`` where the voice already says
    the expansion.
    """

    def __init__(self, lexicon: Expansions | None) -> None:
        self._lexicon = lexicon
        self._done: set[str] = set()
        self._written = ""  # the article's own text so far, case-folded (not our insertions)

    def __call__(self, text: str) -> str:
        if self._lexicon is None:
            return text
        out: list[str] = []
        last = 0
        for match in _WORD.finditer(text):
            word = match.group()
            expansion = self._expansion(word, text, match.end())
            key = word.casefold()
            if expansion is None or key in self._done:
                continue
            self._done.add(key)
            if expansion.casefold() in self._written + " " + text.casefold():
                continue  # the journalist already wrote it out
            out.append(text[last:match.start()])
            out.append(f"{expansion} ({word})")
            last = match.end()
        out.append(text[last:])
        self._written += " " + text.casefold()
        return "".join(out)

    def _expansion(self, word: str, text: str, end: int) -> str | None:
        assert self._lexicon is not None
        if text[end:end + 1] == ".":
            dotted = self._lexicon.expansion(word + ".")  # "dll." is a lexicon entry of its own
            if dotted:
                return dotted
        found = self._lexicon.expansion(word)
        return found if found and found.casefold() != word.casefold() else None


def page_blocks(article: Article, script: Script, timings: Sequence[Timing],
                lexicon: Expansions | None = None) -> list[PageBlock]:
    """Group the script's written sentences back into the article's blocks, with audio times."""
    expand = _FirstUse(lexicon)
    by_index = {t.index: t for t in timings}
    grouped: dict[int, list[TimedSentence]] = {}
    for index, sentence in enumerate(script.sentences):
        if sentence.block < 0:
            continue  # the headline is the page's <h1>
        timing = by_index.get(index)
        start, end = (timing.start, timing.end) if timing else (0.0, 0.0)
        grouped.setdefault(sentence.block, []).append(TimedSentence(sentence.written, start, end))
    blocks: list[PageBlock] = []
    for i, block in enumerate(article.blocks):
        sentences = grouped.get(i, [TimedSentence(block.text, 0.0, 0.0)])
        blocks.append(PageBlock(block.kind, tuple(TimedSentence(expand(s.text), s.start, s.end)
                                                   for s in sentences)))
    return blocks


def meta_parts(article: Article, updated: str | None = None) -> list[MetaPart]:
    """The dateline line: place · outlet · date · byline · correction date (whichever are known)."""
    parts: list[MetaPart] = []
    if article.dateline:
        parts.append(MetaPart("text", article.dateline))
    if article.outlet:
        parts.append(MetaPart("text", article.outlet))
    if article.published:
        parts.append(MetaPart("time", fmt.date_words(article.published), article.published))
    if article.byline:
        parts.append(MetaPart("text", article.byline))
    if updated:
        parts.append(MetaPart("text", "Ralat, diperbarui"))
        parts.append(MetaPart("time", fmt.date_words(updated), updated))
    return parts


def player_script() -> str:
    return templating.render("_player.js")


def script_hash() -> str:
    """CSP source for the inline player script (the exact bytes between <script> and </script>)."""
    digest = hashlib.sha256(player_script().encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_page(
    article: Article,
    script: Script,
    timings: Sequence[Timing],
    *,
    audio: str,
    audio_bytes: int,
    duration_s: float,
    voice: str,
    transcript: str | None = None,
    lexicon: Expansions | None = None,
    wav: str | None = None,
    wav_bytes: int = 0,
    updated: str | None = None,
) -> str:
    """The page for one episode. ``transcript`` is the episode's WebVTT file name, if it has one;
    ``wav`` the Broadcast WAV a radio station downloads (broadcast profile); ``lexicon`` defaults
    to the shipped one (abbreviations are expanded at first use)."""
    source_url = article.source if article.source.startswith(("http://", "https://")) else None
    return templating.render(
        "article.html.j2",
        article=article,
        meta=meta_parts(article, updated),
        blocks=page_blocks(article, script, timings, lexicon or default_lexicon()),
        audio=audio,
        transcript=transcript,
        voice=voice,
        duration_words=fmt.duration_words(duration_s),
        size_words=fmt.size_words(audio_bytes),
        wav=wav,
        wav_size_words=fmt.size_words(wav_bytes),
        rates=[{"value": v, "text": t} for v, t in RATES],
        script_hash=script_hash(),
        source_url=source_url,
    )
