"""HTML page -> Draft: trafilatura (via ``bacakan.extract``) finds the body and metadata; the
Indonesian rules in this package then run on its blocks like on pasted text."""

from __future__ import annotations

import re

from bacakan.clean.draft import Draft, Piece, split_pieces, tidy
from bacakan.errors import InputError
from bacakan.extract import extract, page_title
from bacakan.models import RawArticle

# "Judul Berita - Kompas.com", "Judul | klikkalimantan.com": the site name is not the headline.
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]*(?:\.(?:com|id|co|net)|News|Online|TV)\s*$", re.I)


def strip_site(title: str, sitename: str | None) -> str:
    title = tidy(title)
    if sitename and title.lower().endswith(sitename.lower()):
        head = title[: -len(sitename)].rstrip(" |–—-")
        if head:
            return head
    return _SITE_SUFFIX.sub("", title) or title


def html_draft(raw: RawArticle) -> Draft:
    url = raw.metadata.get("url") or (raw.source if raw.source.startswith("http") else None)
    ex = extract(raw.text, url)
    if ex is None:
        raise InputError(f"{raw.source}: no article text found in the HTML page")
    pieces: list[Piece] = []
    for block in ex.blocks:
        pieces.extend(split_pieces(block.kind, block.text))
    title = raw.metadata.get("title") or ex.title or page_title(raw.text) or ""
    return Draft(
        source=raw.source,
        kind="html",
        title=strip_site(title, ex.sitename),
        pieces=tuple(pieces),
        published=raw.metadata.get("published") or ex.published,
        sitename=ex.sitename,
        author=ex.author,
    )
