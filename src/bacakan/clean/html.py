"""HTML page -> Draft: trafilatura (via ``bacakan.extract``) finds the body and metadata; the
Indonesian rules in this package then run on its blocks like on pasted text."""

from __future__ import annotations

import re

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

from bacakan.clean.credits import clean_caption
from bacakan.clean.draft import Draft, Piece, split_pieces, tidy, words
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


def prune(html: str) -> str:
    """Remove in-article ad/widget nodes (data/html_drop.txt), keeping the text after them."""
    drop = words("html_drop.txt")
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    doomed = [
        el
        for el in tree.iter()
        if isinstance(el.tag, str)
        and (
            drop.intersection((el.get("class") or "").lower().split())
            or (el.get("id") or "").lower() in drop
        )
    ]
    if not doomed:
        return html
    for el in doomed:
        el.drop_tree()  # drop_tree keeps el.tail, unlike trafilatura's pruning
    out: str = lxml.html.tostring(tree, encoding="unicode")
    return out


def html_draft(raw: RawArticle) -> Draft:
    url = raw.metadata.get("url") or (raw.source if raw.source.startswith("http") else None)
    ex = extract(prune(raw.text), url)
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
        caption=clean_caption(ex.caption) if ex.caption else None,
    )
