"""The working state of the clean stage and the loaders for its data files.

Cleaners are small functions ``Draft -> Draft``; a ``Draft`` is an ``Article`` under construction
whose body is still a list of ``Piece`` lines that may be joined later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from bacakan.models import BlockKind, InputKind

# A sentence (or a quote, or a sub-heading with a colon) ends here; anything else may continue.
TERMINAL = re.compile(r"[.!?…:;\"”’'»)\]]\s*$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class Piece:
    """One line of body text. ``joined`` is True when no hard break (blank line, new HTML block)
    separates it from the previous piece, i.e. it may be the continuation of a wrapped paragraph."""

    kind: BlockKind
    text: str
    joined: bool = False


@dataclass(frozen=True)
class Draft:
    source: str
    kind: InputKind
    title: str
    pieces: tuple[Piece, ...]
    dateline: str | None = None
    outlet: str | None = None
    published: str | None = None
    byline: str | None = None
    credit: str | None = None
    caption: str | None = None
    sitename: str | None = None  # outlet fallback from page metadata
    author: str | None = None  # byline fallback from page metadata

    def with_pieces(self, pieces: list[Piece] | tuple[Piece, ...]) -> Draft:
        return replace(self, pieces=tuple(pieces))


def tidy(text: str) -> str:
    """Collapse spaces (incl. NBSP) and drop zero-width characters that pasted text carries."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def split_pieces(kind: BlockKind, text: str, joined: bool = False) -> list[Piece]:
    """A block with line breaks -> pieces; an empty line inside it is a hard paragraph break."""
    out: list[Piece] = []
    brk = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = tidy(line)
        if not line:
            brk = True
            continue
        out.append(Piece(kind, line, joined=(not brk) if out else joined))
        brk = False
    return out


def ends_sentence(text: str) -> bool:
    return bool(TERMINAL.search(text))


def norm_key(text: str) -> str:
    """Comparison key: letters and digits only, case-folded (for duplicate-title checks)."""
    return re.sub(r"\W+", "", text.casefold())


def _data_lines(name: str) -> list[str]:
    path = resources.files("bacakan.clean").joinpath("data").joinpath(name)
    raw = path.read_text(encoding="utf-8")
    lines = []
    for line in raw.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        lines.append(line.split("  # ", 1)[0].strip())
    return lines


@cache
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """Whole-line regexes from ``data/<name>``, compiled once, case-insensitive."""
    return tuple(re.compile(rf"(?:{p})", re.I) for p in _data_lines(name))


@cache
def words(name: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _data_lines(name))


@cache
def credit_labels() -> tuple[tuple[str, str], ...]:
    """(label regex, field) pairs from ``data/credit_labels.tsv``."""
    out = []
    for line in _data_lines("credit_labels.tsv"):
        label, field, *_ = line.split("\t")
        out.append((label.strip(), field.strip()))
    return tuple(out)


def full_match(pats: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.fullmatch(text) for p in pats)
