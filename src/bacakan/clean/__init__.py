"""Stage 2: RawArticle -> Article. Removes everything that is not the article and keeps what is
about the article (dateline, outlet, byline, credit, caption, date) as metadata.

``CLEANERS`` is the ordered list of ``Draft -> Draft`` rules; the order matters because later
rules look at what earlier ones left (e.g. the dateline is looked for only after the caption
above it is gone, the sign-off only after "BACA JUGA" lines below it are gone).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date

from bacakan.clean.credits import credit_line, take_captions, take_credit_lines, take_signoff
from bacakan.clean.dateline import parse as parse_dateline
from bacakan.clean.dateline import take_dateline
from bacakan.clean.dayonly import first_day_date
from bacakan.clean.draft import Draft, Piece, split_pieces, tidy
from bacakan.clean.header import split_header
from bacakan.clean.html import html_draft
from bacakan.clean.markdown import markdown_pieces
from bacakan.clean.text_rules import (
    cut_at_end_markers,
    drop_furniture,
    drop_inline,
    drop_orphan_tail,
    drop_related,
    drop_title_copies,
    is_date_line,
    is_furniture,
    join_broken,
    mark_headings,
)
from bacakan.errors import InputError
from bacakan.extract import section
from bacakan.models import Article, Block, RawArticle

log = logging.getLogger(__name__)

Cleaner = Callable[[Draft], Draft]

CLEANERS: tuple[Cleaner, ...] = (
    drop_title_copies,  # 1. the headline repeated as the first line / an <h1>
    drop_inline,  # 1b. furniture glued inside a paragraph ("(Gambas:…)", "… Baca juga: X")
    cut_at_end_markers,  # 2. comment forms and what follows them
    take_credit_lines,  # 3. Editor:/Penulis: lines -> byline/credit (before furniture rules)
    drop_related,  # 4. "Baca juga", "BACA JUGA :" + headline, "Berita Terkait" lists
    drop_furniture,  # 5. share rows, ads, breadcrumbs, pagination, date widgets -> published
    take_captions,  # 6. photo captions -> caption (before the dateline: they sit above it)
    take_dateline,  # 7. "klikkalimantan.com, PARINGIN-" -> dateline + outlet
    drop_orphan_tail,  # 8. leftover link titles after the last sentence
    take_signoff,  # 9. "(pr/klik)" glued to the last sentence -> credit
    join_broken,  # 10. re-join wrapped lines and sentences split across blocks
    mark_headings,  # 11. short unpunctuated lines between paragraphs -> headings
)

# A snippet has no headline and is not re-flowed: lines stay lines.
SNIPPET_CLEANERS: tuple[Cleaner, ...] = (
    drop_inline,
    cut_at_end_markers,
    take_credit_lines,
    drop_related,
    drop_furniture,
    take_captions,
    take_signoff,
)

# Page metadata authors that are not people.
_GENERIC_AUTHORS = frozenset({"admin", "administrator", "redaksi", "editor", "tim redaksi"})


def run(draft: Draft, cleaners: tuple[Cleaner, ...] = CLEANERS) -> Draft:
    for rule in cleaners:
        before = len(draft.pieces)
        draft = rule(draft)
        log.debug("%s: %d -> %d pieces", rule.__name__, before, len(draft.pieces))
    return draft


def draft_of(raw: RawArticle) -> Draft:
    """Turn any RawArticle into an uncleaned Draft (body lines + page metadata)."""
    meta = raw.metadata
    if raw.kind == "html":
        return html_draft(raw)
    if raw.kind == "markdown":
        h1, pieces = markdown_pieces(raw.text)
        title = meta.get("title") or h1 or ""
    else:
        pieces = split_pieces("paragraph", raw.text)
        # ingest's title for text is just the first line; a front-matter-like title is kept.
        given = meta.get("title")
        first = pieces[0].text if pieces else ""
        if given and tidy(given) != first:
            title = given
        elif (header := split_header(pieces)) is not None:
            # a select-all copy: menus, headline, author/date lines, caption, then the body
            return Draft(
                source=raw.source,
                kind=raw.kind,
                title=tidy(header.title),
                pieces=tuple(header.pieces),
                published=meta.get("published"),
                byline=header.byline,
                caption=header.caption,
            )
        else:
            title = _text_title(pieces, raw.source)
    return Draft(
        source=raw.source,
        kind=raw.kind,
        title=tidy(title),
        pieces=tuple(pieces),
        published=meta.get("published"),
    )


def _text_title(pieces: list[Piece], source: str) -> str:
    """The headline of pasted text: the first line that is not a date widget, byline, outlet name
    or furniture (Kompas pastes start with "Kompas.com - 20/11/2023, 10:15 WIB"). A paste that
    starts with the dateline paragraph has no headline: the file name stands in for it."""
    for p in pieces[:4]:
        if is_date_line(p.text) or is_furniture(p.text) or credit_line(p.text) is not None:
            continue
        if parse_dateline(p.text) is not None or len(p.text.split()) > 30:
            break
        return p.text
    stem = re.sub(r"\.\w+$", "", re.split(r"[/\\]", source)[-1])
    return re.sub(r"[-_]+", " ", stem).strip().capitalize() or "Artikel"


def _byline(d: Draft, meta_byline: str | None) -> str | None:
    if meta_byline:
        return meta_byline
    if d.byline:
        return d.byline
    author = re.sub(r"(?i)^(?:oleh|by)\s*:?\s+", "", (d.author or "").strip())
    if author and author.lower() not in _GENERIC_AUTHORS:
        return author
    return None


def clean(raw: RawArticle) -> Article:
    """Clean one article; InputError when no body paragraph is left."""
    d = run(draft_of(raw))
    blocks = tuple(Block(p.kind, p.text) for p in d.pieces if p.text)
    # A body needs at least one real sentence-sized paragraph, not a stray menu word.
    if not any(b.kind == "paragraph" and len(b.text.split()) >= 3 for b in blocks):
        raise InputError(f"{raw.source}: nothing left after cleaning (no article paragraphs)")
    meta = raw.metadata
    return Article(
        title=d.title,
        blocks=blocks,
        source=meta.get("source") or meta.get("url") or raw.source,
        dateline=d.dateline or meta.get("dateline"),
        outlet=meta.get("outlet") or d.outlet or d.sitename,
        published=d.published or _published_from_day_date(blocks),
        byline=_byline(d, meta.get("byline")),
        credit=d.credit or meta.get("credit"),
        caption=d.caption or meta.get("caption"),
        category=meta.get("category") or (section(raw.text) if raw.kind == "html" else None),
    )


def _published_from_day_date(blocks: tuple[Block, ...]) -> str | None:
    """No publication date in the page: the event day of the first ``Senin (20/11)``, with the
    year its weekday allows (never this year by default: the seed's Monday 20/11 is 2023)."""
    found = first_day_date((b.text for b in blocks[:3]), published=None, today=date.today())
    return found.isoformat() if found else None


def clean_snippet(text: str) -> str:
    """Clean one snippet of pasted article text (no headline): drop boilerplate and credits; a
    leading dateline becomes "Place, " (``"klikkalimantan.com, PARINGIN-Dalam …"`` ->
    ``"Paringin, Dalam …"``). Lines are kept as lines and joined with "\\n"."""
    draft = Draft("<snippet>", "text", "", tuple(split_pieces("paragraph", text)))
    d = run(draft, SNIPPET_CLEANERS)
    lines = [p.text for p in d.pieces if p.text]
    if lines:
        found = parse_dateline(lines[0])
        if found is not None and found.rest:
            lines[0] = f"{found.place}, {found.rest}" if found.place else found.rest
        elif found is not None and found.strong:
            lines.pop(0)
    return "\n".join(lines)


__all__ = ["CLEANERS", "clean", "clean_snippet"]
