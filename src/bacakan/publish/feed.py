"""The podcast feed (RSS 2.0 + itunes + podcast namespaces) built with the stdlib XML writer.

ElementTree escapes every text and attribute value, so article text cannot break the XML; control
characters that XML 1.0 forbids are removed first.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

from bacakan.models import Episode

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
ATOM = "http://www.w3.org/2005/Atom"
PODCAST = "https://podcastindex.org/namespace/1.0"
_PODCAST_GUID_NS = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

for _prefix, _uri in (("itunes", ITUNES), ("content", CONTENT), ("atom", ATOM), ("podcast", PODCAST)):
    ET.register_namespace(_prefix, _uri)


@dataclass(frozen=True)
class FeedSettings:
    title: str = "bacakan: berita yang dibacakan"
    description: str = "Artikel berita Indonesia yang dibacakan dengan suara sintetis."
    base_url: str = "http://localhost:8000/"
    author: str = "bacakan"
    owner_name: str = "bacakan"
    owner_email: str = "redaksi@example.com"
    category: str = "News"
    subcategory: str = "Daily News"
    max_items: int = 100


def _text(value: str) -> str:
    return _XML_ILLEGAL.sub("", value)


def _sub(parent: ET.Element, tag: str, body: str | None = None, **attrs: str) -> ET.Element:
    """Append ``<tag attrs>body</tag>``; ``text=`` is an attribute (itunes:category uses one)."""
    element = ET.SubElement(parent, tag, {k: _text(v) for k, v in attrs.items()})
    if body is not None:
        element.text = _text(body)
    return element


def rfc2822(iso: str) -> str:
    """RFC 2822 date with English names whatever the locale (email.utils, not strftime)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        moment = datetime(1970, 1, 1)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return format_datetime(moment)


def podcast_guid(feed_url: str) -> str:
    """Podcasting 2.0 channel guid: uuid5 of the feed URL without scheme and trailing slash."""
    bare = re.sub(r"^[a-z]+://", "", feed_url).rstrip("/")
    return str(uuid.uuid5(_PODCAST_GUID_NS, bare))


def _url(base: str, path: str) -> str:
    return base.rstrip("/") + "/" + path.lstrip("/")


def build_feed(episodes: Sequence[Episode], settings: FeedSettings) -> bytes:
    feed_url = _url(settings.base_url, "feed.xml")
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _sub(rss, "channel")
    _sub(channel, "title", settings.title)
    _sub(channel, "link", settings.base_url)
    _sub(channel, "description", settings.description)
    _sub(channel, "language", "id")
    _sub(channel, f"{{{ATOM}}}link", href=feed_url, rel="self", type="application/rss+xml")
    _sub(channel, f"{{{ITUNES}}}author", settings.author)
    owner = _sub(channel, f"{{{ITUNES}}}owner")
    _sub(owner, f"{{{ITUNES}}}name", settings.owner_name)
    _sub(owner, f"{{{ITUNES}}}email", settings.owner_email)
    category = _sub(channel, f"{{{ITUNES}}}category", text=settings.category)
    _sub(category, f"{{{ITUNES}}}category", text=settings.subcategory)
    _sub(channel, f"{{{ITUNES}}}explicit", "false")
    _sub(channel, f"{{{ITUNES}}}type", "episodic")
    _sub(channel, f"{{{PODCAST}}}guid", podcast_guid(feed_url))
    _sub(channel, f"{{{PODCAST}}}medium", "podcast")
    ordered = sorted(episodes, key=lambda e: (e.published, e.guid), reverse=True)[: settings.max_items]
    for episode in ordered:
        item = _sub(channel, "item")
        _sub(item, "title", episode.title)
        _sub(item, "description", episode.summary or episode.title)
        _sub(item, "link", _url(settings.base_url, f"{episode.slug}/{episode.html}"))
        _sub(item, "guid", episode.guid, isPermaLink="false")
        _sub(item, "pubDate", rfc2822(episode.published))
        _sub(item, "enclosure", url=_url(settings.base_url, f"{episode.slug}/{episode.audio}"),
             length=str(episode.audio_bytes), type="audio/mpeg")
        _sub(item, f"{{{ITUNES}}}duration", str(round(episode.duration_s)))
        _sub(item, f"{{{ITUNES}}}explicit", "false")
        _sub(item, f"{{{ITUNES}}}episodeType", "full")
    ET.indent(rss)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="utf-8", xml_declaration=False) + b"\n"
