"""The page header of pasted text: what a select-all copy (Ctrl+A, Ctrl+C) puts above the body.

A whole-page copy starts with the site name and menu items one per line ("News", "Regional",
"Megapolitan", "Login"), then the headline, then author/date lines, share words, a text-size
widget ("A A A"), a photo credit and the caption; the body starts at the dateline paragraph
("BANJARMASIN, KOMPAS.com - …") or, without one, at the first long sentence. Held-out 2
(tests/data/clean/heldout2/: Kompas, Detik, Tribun, ANTARA, Okezone, Liputan6, Suara, JPNN,
klikkalimantan.com, Polres and Pemkab sites, Blogger) all have this shape.

``split_header`` finds the headline there, keeps the lines later rules read as metadata (date,
byline/credit labels) and the caption, and drops the menus. It only acts when it is sure where the
body starts, and it never drops a line that ends a sentence: a short opening paragraph survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bacakan.clean.credits import caption_text, credit_line
from bacakan.clean.dateline import parse as parse_dateline
from bacakan.clean.draft import Piece, ends_sentence
from bacakan.clean.text_rules import is_date_line, is_furniture

_HEADLINE_END = re.compile(r"[.)\]:;,]\s*$")  # a headline ends in a word, "?" , "!" or a quote
# A name-only author line under the headline ("Agung Sandy Lesmana", "Oleh Ady Anugrahadi").
_AUTHOR = re.compile(r"^(?:oleh\s+)?(?P<name>[A-Z][a-z][\w.'’]*(?:\s+[A-Z][\w.'’]*){1,3})$", re.I)
_CAPS_PLACE_DATELINE = re.compile(r"^[A-Z][A-Z .'’]+\s*[-–—]")
_SCAN = 80  # a select-all header is long, but the body starts within this many lines


@dataclass(frozen=True)
class Header:
    title: str
    pieces: list[Piece]  # the body with the metadata lines of the header in front
    caption: str | None
    byline: str | None


def _meta_line(text: str) -> bool:
    return is_date_line(text) or credit_line(text) is not None


def _caption(text: str) -> str | None:
    return caption_text(text, before_dateline=True)


def _dateline_at(pieces: list[Piece]) -> int | None:
    """Index of the dateline paragraph that opens the body."""
    for i, p in enumerate(pieces[:_SCAN]):
        found = parse_dateline(p.text)
        if found is None or _meta_line(p.text) or is_furniture(p.text):
            continue
        if found.strong and (found.rest or i + 1 < len(pieces)):
            return i
        # weak forms ("JAKARTA - …", "Surabaya - …") only with a real sentence after them, and a
        # regional caption ("GOTONG-Warga … (bay/klik)") is not one.
        if len(found.rest.split()) >= 6 and _caption(p.text) is None:
            return i
    return None


def _first_sentence_at(pieces: list[Piece]) -> int | None:
    for i, p in enumerate(pieces[:_SCAN]):
        t = p.text
        if len(t.split()) >= 12 and ends_sentence(t) and not _meta_line(t) and _caption(t) is None:
            if not is_furniture(t):
                return i
    return None


def _headline_at(pieces: list[Piece], end: int) -> int | None:
    for i, p in enumerate(pieces[:end]):
        t = p.text
        if len(t.split()) < 5 or _HEADLINE_END.search(t) or _meta_line(t) or is_furniture(t):
            continue
        if _caption(t) is None and parse_dateline(t) is None:
            return i
    return None


def split_header(pieces: list[Piece]) -> Header | None:
    """Headline, body and header metadata of a pasted page; None when the shape is not clear."""
    start = _dateline_at(pieces)
    by_dateline = start is not None
    if start is None:
        start = _first_sentence_at(pieces)
    if start is None:
        return None
    head = _headline_at(pieces, start)
    if head is None:
        return None
    between = pieces[head + 1 : start]
    # Lines between the headline and a dateline paragraph are a caption when they are sentences
    # (Tribun "Petugas Dishub mengatur … (28/11/2023)." under its photo credit): the body of an
    # Indonesian news story starts at the dateline. Without a dateline only flagged captions go.
    dated_after = any(is_date_line(p.text) for p in between)
    kept: list[Piece] = [
        p
        for p in pieces[:head]
        if credit_line(p.text) is not None or (is_date_line(p.text) and not dated_after)
    ]
    captions: list[str] = []
    byline = None
    for n, p in enumerate(between):
        t = p.text
        if _meta_line(t) or is_furniture(t):
            kept.append(p)
            continue
        cap = _caption(t)
        if cap is not None:
            captions.append(cap)
            continue
        author = _AUTHOR.match(t)
        if n <= 1 and author and byline is None and t.lower() not in {"redaksi", "admin"}:
            nxt = between[n + 1].text if n + 1 < len(between) else ""
            if is_date_line(nxt):
                byline = author.group("name")
                continue
        if ends_sentence(t):
            if by_dateline and len(t.split()) >= 4 and len(between) <= 8:
                captions.append(t)
                continue
            kept.append(p)  # unsure: leave it to the body rules
            continue
        # short unpunctuated header lines: site name, author widget, counters, "zoom-in"
    body = pieces[start:]
    if body:
        body[0] = Piece(body[0].kind, body[0].text, joined=False)
    return Header(
        title=pieces[head].text,
        pieces=kept + body,
        caption=" | ".join(captions) or None,
        byline=byline,
    )
