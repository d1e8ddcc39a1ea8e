"""Stage 1: read an article from a file or URL into a ``RawArticle``. Decoding only, no cleaning.

``read(source)`` accepts a path (``.txt`` text, ``.md``/``.markdown`` Markdown with optional YAML
front matter, ``.html``/``.htm`` HTML, anything else sniffed) or an ``http(s)://`` URL (fetched by
``bacakan.fetch``). Every failure is an ``InputError`` with one line naming the source.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from charset_normalizer import from_bytes

from bacakan.errors import InputError
from bacakan.fetch import MAX_BYTES, fetch
from bacakan.models import InputKind, RawArticle

_SUFFIX_KIND: dict[str, InputKind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

# Magic numbers of files people drop on us by mistake; named so the error says what it was.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP/Office file"),
    (b"RIFF", "a RIFF (WebP/WAV) file"),
    (b"ID3", "an MP3 file"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
# Front matter key -> metadata key. Several spellings are in use by static-site generators.
_FM_KEYS = {
    "title": "title",
    "judul": "title",
    "published": "published",
    "date": "published",
    "tanggal": "published",
    "outlet": "outlet",
    "site": "outlet",
    "media": "outlet",
    "byline": "byline",
    "author": "byline",
    "penulis": "byline",
    "source": "source",
    "url": "source",
    "dateline": "dateline",
    "caption": "caption",
    "credit": "credit",
    "category": "category",
    "kategori": "category",
    "rubrik": "category",
    "section": "category",
}


def _looks_binary(text: str) -> bool:
    """True when more than 1% of characters are control or replacement characters."""
    if not text:
        return False
    return len(_CONTROL.findall(text)) > max(2, len(text) // 100)


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Bytes -> text: UTF-8 first (bytes beat a wrong meta tag), then declared/meta/detected."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{source}: this is {what}, not an article")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(data.decode("utf-16"), source)
        except UnicodeDecodeError:
            raise InputError(f"{source}: broken UTF-16 text") from None
    if b"\x00" in data[:65536]:
        raise InputError(f"{source}: binary data, not text")
    try:
        return _checked(data.decode("utf-8-sig"), source)
    except UnicodeDecodeError:
        pass
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    meta = _META_CHARSET.search(data[:8192])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    best = from_bytes(data[:200_000]).best()
    if best is not None:
        candidates.append(best.encoding)
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
        if not _looks_binary(text):
            return text
    raise InputError(f"{source}: not readable text (not UTF-8 and no charset fits)")


def _checked(text: str, source: str) -> str:
    if _looks_binary(text):
        raise InputError(f"{source}: binary data, not text")
    return text


def sniff(text: str) -> InputKind:
    """Guess the kind of a document whose name or content type does not say."""
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype", "<html", "<?xml")) or re.search(
        r"<(html|body|article|div|p)[\s>]", head
    ):
        return "html"
    if _FRONT_MATTER.match(text) or re.search(r"^#{1,6} \S", text[:2000], re.M):
        return "markdown"
    return "text"


def _fm_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).strip() or None


def split_front_matter(text: str, source: str) -> tuple[str, dict[str, str]]:
    """Split YAML front matter off a Markdown document; keys are mapped to RawArticle metadata."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if isinstance(line, int) else ""
        raise InputError(f"{source}: invalid YAML front matter{where}") from None
    meta: dict[str, str] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            target = _FM_KEYS.get(str(key).strip().lower())
            val = _fm_value(value)
            if target and val and target not in meta:
                meta[target] = val
    return text[m.end() :], meta


def _first_line(text: str) -> str:
    return next((ln.strip() for ln in text.splitlines() if ln.strip()), "")


def _build(source: str, kind: InputKind, text: str, extra: dict[str, str]) -> RawArticle:
    if not text.strip():
        raise InputError(f"{source}: the article is empty")
    meta = dict(extra)
    if kind == "markdown":
        text, fm = split_front_matter(text, source)
        meta.update(fm)
        if not text.strip():
            raise InputError(f"{source}: the article has front matter but no body")
    elif kind == "text":
        meta.setdefault("title", _first_line(text))
    return RawArticle(source=source, kind=kind, text=text, metadata=meta)


def _kind_for_type(media: str, text: str) -> InputKind:
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    if "markdown" in media:
        return "markdown"
    return sniff(text) if media == "text/plain" and sniff(text) == "html" else "text"


def read_url(url: str) -> RawArticle:
    page = fetch(url)
    text = decode(page.content, url, page.charset)
    return _build(url, _kind_for_type(page.content_type, text), text, {"url": page.url})


def read(source: str) -> RawArticle:
    """Read a path or an http(s) URL into a RawArticle, or raise InputError with one line."""
    if re.match(r"(?i)^https?://", source):
        return read_url(source)
    path = Path(source).expanduser()
    try:
        if not path.exists():
            raise InputError(f"{source}: no such file")
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not an article file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            mb, limit = size // 1_048_576, MAX_BYTES // 1_048_576
            raise InputError(f"{source}: file is {mb} MB, over the {limit} MB limit")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
    except OSError as err:
        raise InputError(f"{source}: cannot read ({err.strerror or err})") from None
    if not data.strip():
        raise InputError(f"{source}: the article is empty")
    text = decode(data, source)
    kind = _SUFFIX_KIND.get(path.suffix.lower()) or sniff(text)
    return _build(source, kind, text, {})
