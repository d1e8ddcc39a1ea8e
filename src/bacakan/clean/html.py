"""HTML page -> Draft: trafilatura (via ``bacakan.extract``) finds the body and metadata; the
Indonesian rules in this package then run on its blocks like on pasted text."""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

from bacakan.clean import dateline
from bacakan.clean.credits import clean_caption
from bacakan.clean.draft import Draft, Piece, split_pieces, tidy, words
from bacakan.errors import InputError
from bacakan.extract import Extracted, baseline_blocks, extract, page_title, published_time
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


def _lost_dateline(html: str, pieces: list[Piece]) -> list[Piece]:
    """CNN Indonesia writes ``<strong>Jakarta, CNN Indonesia</strong> --<p>…`` with the dateline
    loose in the container, and trafilatura drops it (held-out cnn-ekonomi). Put it back in front
    of the first paragraph when the page text shows it right before that paragraph."""
    first = next((i for i, p in enumerate(pieces) if p.kind == "paragraph"), None)
    if first is None or any(dateline.parse(p.text) for p in pieces[: first + 1]):
        return pieces
    try:
        text = tidy(lxml.html.document_fromstring(html).text_content())
    except (ValueError, lxml.etree.ParserError):
        return pieces
    head = pieces[first].text[:40]
    at = text.find(head)
    if at <= 0:
        return pieces
    before = text[max(0, at - 60) : at].strip()
    for start in range(len(before)):
        found = dateline.parse(f"{before[start:]} {pieces[first].text}")
        if found is not None and found.strong and found.rest == pieces[first].text:
            fixed = f"{before[start:]} {pieces[first].text}"
            return [*pieces[:first], replace(pieces[first], text=fixed), *pieces[first + 1 :]]
    return pieces


def html_draft(raw: RawArticle) -> Draft:
    url = raw.metadata.get("url") or (raw.source if raw.source.startswith("http") else None)
    ex = extract(prune(raw.text), url)
    if ex is None:
        # trafilatura found no article (kumparan's div/span markup): keep every text line and let
        # the rules drop the page chrome, rather than refuse the page.
        blocks = baseline_blocks(prune(raw.text))
        if not any(len(b.text.split()) >= 8 for b in blocks):
            raise InputError(f"{raw.source}: no article text found in the HTML page")
        ex = Extracted(blocks=blocks, published=published_time(raw.text), caption=None)
    pieces: list[Piece] = []
    for block in ex.blocks:
        pieces.extend(split_pieces(block.kind, block.text))
    pieces = _lost_dateline(raw.text, pieces)
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
