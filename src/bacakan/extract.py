"""The only module that imports trafilatura: main-content extraction from an HTML page.

trafilatura finds the article body and page metadata well; the Indonesian-news rules it lacks
(datelines, ``(pr/klik)`` credits, "BACA JUGA", captions glued into paragraphs) live in
``bacakan.clean`` and run on the blocks returned here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html import unescape

import trafilatura

from bacakan.models import Block


@dataclass(frozen=True)
class Extracted:
    """Body blocks in reading order (a ``<br>`` in a paragraph is kept as ``\\n``) + metadata."""

    blocks: tuple[Block, ...]
    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None
    caption: str | None = None


# Full timestamps; trafilatura/htmldate reduce dates to YYYY-MM-DD, the feed wants the time too.
_META_TIME = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|"""
    r"""datePublished|pubdate|publishdate|content_PublishedDate)["'][^>]*>""",
    re.I,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']+)["']""", re.I)
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)


_META_SECTION = re.compile(
    r"""<meta[^>]+(?:property|name)\s*=\s*["'](?:article:section|category|kanal)["'][^>]*>""", re.I
)


def section(html: str) -> str | None:
    """The page's rubric (``article:section``), used for per-category feeds."""
    for m in _META_SECTION.finditer(html):
        c = _CONTENT.search(m.group(0))
        if c and c.group(1).strip():
            return c.group(1).strip()
    return None


def published_time(html: str) -> str | None:
    """The most precise ISO timestamp in the page metadata: one with a zone beats one without."""
    found: list[str] = []
    for m in _META_TIME.finditer(html):
        c = _CONTENT.search(m.group(0))
        if c and _ISO.match(c.group(1).strip()):
            found.append(c.group(1).strip().replace(" ", "T"))
    found += [d.strip().replace(" ", "T") for d in _LD_DATE.findall(html) if _ISO.match(d.strip())]
    with_zone = [f for f in found if re.search(r"(Z|[+-]\d{2}:?\d{2})$", f)]
    best = with_zone or found
    return best[0] if best else None


# trafilatura drops figure captions with the images; the first one is kept as Article.caption.
_CAPTION = re.compile(
    r"<(figcaption)[^>]*>(.*?)</figcaption>"
    r"|<(p|div|span)[^>]*class=\"[^\"]*(?:wp-caption-text|photo__caption|caption)[^\"]*\"[^>]*>(.*?)</\3>",
    re.I | re.S,
)


# Detik labels its in-body ad slots <p class="para_caption">ADVERTISEMENT</p> (real detikFinance
# page): a "caption" class whose text is an ad label is not a photo caption.
_AD_LABEL = re.compile(
    r"^(?:advertisement|iklan|ads|scroll to (?:continue with|resume) content)$", re.I
)


def first_caption(html: str) -> str | None:
    for m in _CAPTION.finditer(html):
        inner = m.group(2) if m.group(1) else m.group(4)
        text = unescape(" ".join(re.sub(r"<[^>]+>", " ", inner).split()))
        if text and not _AD_LABEL.match(text):
            return text
    return None


def _text(el: ET.Element) -> str:
    """Text of an element with <lb/> turned into newlines."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _blocks(main: ET.Element) -> list[Block]:
    out: list[Block] = []
    if main.text and main.text.strip():
        out.append(Block("paragraph", main.text.strip()))
    for el in main:
        tag = el.tag
        if tag == "head":
            out.append(Block("heading", _text(el).strip()))
        elif tag in ("list", "table"):
            # One block per item/row: headline lists and credit tables are judged line by line.
            for row in (r for r in el.iter() if r.tag in ("item", "row")):
                cells = [_text(c).strip() for c in row.iter("cell")] if row.tag == "row" else []
                text = " | ".join(c for c in cells if c) if cells else _text(row)
                out.append(Block("paragraph", text.strip()))
        elif tag == "quote":
            inner = [c for c in el if c.tag == "p"]
            out.extend(Block("paragraph", _text(p).strip()) for p in inner or [el])
        elif tag in ("p", "code"):
            out.append(Block("paragraph", _text(el).strip()))
        if el.tail and el.tail.strip():
            # Text directly in the body container, e.g. Detik's "(rdp/idn)" after the last <p>.
            out.append(Block("paragraph", el.tail.strip()))
    return [b for b in out if b.text]


def _run(html: str, url: str | None, *, precision: bool, recall: bool) -> str | None:
    return trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        include_links=False,
        deduplicate=False,
        favor_precision=precision,
        favor_recall=recall,
    )


def extract(html: str, url: str | None = None, *, precision: bool = False) -> Extracted | None:
    """Run trafilatura; None when it finds no article on the page."""
    xml = _run(html, url, precision=precision, recall=False)
    if xml is None:
        # Short regional articles can fall under trafilatura's minimum size; retry for recall.
        xml = _run(html, url, precision=False, recall=True)
    if xml is None:
        return None
    doc = ET.fromstring(xml)
    main = doc.find("main")
    blocks = _blocks(main) if main is not None else []
    if not blocks:
        return None

    def attr(name: str) -> str | None:
        val = doc.get(name)
        return val.strip() if val and val.strip() else None

    return Extracted(
        blocks=tuple(blocks),
        title=attr("title"),
        author=attr("author"),
        published=published_time(html) or attr("date"),
        sitename=attr("sitename"),
        caption=first_caption(html),
    )


def baseline_blocks(html: str) -> tuple[Block, ...]:
    """Last resort when ``extract`` finds no article: every text line of the page body, one block
    each, for the clean rules to filter. Seen on kumparan's div/span-only markup (held-out)."""
    try:
        _, text, _ = trafilatura.baseline(html)
    except (ValueError, TypeError):
        return ()
    lines = (line.strip() for line in (text or "").splitlines())
    return tuple(Block("paragraph", line) for line in lines if line)


def page_title(html: str) -> str | None:
    """The page's own headline (og:title / <title>), used when extraction returns no title."""
    meta = trafilatura.extract_metadata(html)
    title = getattr(meta, "title", None) if meta is not None else None
    return title if isinstance(title, str) and title.strip() else None


__all__ = ["Extracted", "baseline_blocks", "extract", "page_title", "published_time"]
