"""The podcast feed: RSS 2.0 with the itunes, content, atom and Podcasting 2.0 namespaces.

Built with the stdlib XML writer (design/feeds-audio.md §0: feedgen/podgen lag Apple's rules and
have no Podcasting 2.0 tags). ElementTree escapes every text and attribute value, so article text
cannot break the XML; characters that XML 1.0 forbids (controls, lone surrogates) are removed first.

Output is a pure function of (episodes, settings, files on disk): no "now" anywhere, so the same
inputs give a byte-identical feed and concurrent rebuilds agree.

Corrections ("Ralat"): a re-rendered article keeps its guid and pubDate (a new pubDate would make
apps announce it as a new episode); its ``<description>`` is prefixed "Ralat: diperbarui <tanggal>."
and the HTML in ``content:encoded`` starts with the same note. Plain text in existing tags is the
one signal every app shows and none rejects; unknown elements such as ``atom:updated`` are ignored
by apps and flagged by the W3C validator. ``lastBuildDate`` is the newest publication or correction
date, so it moves too.
"""
from __future__ import annotations

import html
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

from bacakan.models import Episode
from bacakan.publish import fmt

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
ATOM = "http://www.w3.org/2005/Atom"
PODCAST = "https://podcastindex.org/namespace/1.0"
_PODCAST_GUID_NS = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
# XML 1.0 forbids C0 controls (except tab/LF/CR), lone surrogates (they cannot even be encoded as
# UTF-8) and U+FFFE/U+FFFF; C1 controls are legal but never meaningful in news text.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")  # directories treat <description> as HTML; keep it plain
_FEED_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
# Indonesian outlets print local time without an offset; most of them (and our sources) are in WIB.
WIB = timezone(timedelta(hours=7), "WIB")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_DESCRIPTION_MAX = 4000  # bytes, Apple and the W3C validator (C02, I05)
MAIN_FEED = "feed.xml"
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<rss version="2.0" xmlns:itunes="{ITUNES}" xmlns:content="{CONTENT}" xmlns:atom="{ATOM}"'
    f' xmlns:podcast="{PODCAST}">'
).encode()

# Apple Podcasts categories and subcategories (exact case; only the first pair counts).
APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing",
                 "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": ("Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition",
                         "Sexuality"),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": ("Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies",
                "Home & Garden", "Video Games"),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": ("Business News", "Daily News", "Entertainment News", "News Commentary", "Politics",
             "Sports News", "Tech News"),
    "Religion & Spirituality": ("Buddhism", "Christianity", "Hinduism", "Islam", "Judaism",
                                "Religion", "Spirituality"),
    "Science": ("Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics",
                "Natural Sciences", "Nature", "Physics", "Social Sciences"),
    "Society & Culture": ("Documentary", "Personal Journals", "Philosophy", "Places & Travel",
                          "Relationships"),
    "Sports": ("Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey",
               "Rugby", "Running", "Soccer", "Softball", "Swimming", "Tennis", "Volleyball",
               "Wilderness", "Wrestling"),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}
MEDIUMS = ("podcast", "music", "video", "film", "audiobook", "newsletter", "blog")

for _prefix, _uri in (("itunes", ITUNES), ("content", CONTENT), ("atom", ATOM),
                     ("podcast", PODCAST)):
    ET.register_namespace(_prefix, _uri)


@dataclass(frozen=True)
class SubFeed:
    """One extra feed, ``feeds/<name>.xml``, holding only one outlet's or one category's episodes.

    Unset texts and category are inherited from the main feed (title: "<main title> – <name>").
    """

    name: str
    outlet: str | None = None  # Episode.outlet must equal this
    category: str | None = None  # Episode.extra["category"] must equal this (case-insensitive)
    title: str | None = None
    description: str | None = None
    cover: str | None = None
    itunes_category: str | None = None
    itunes_subcategory: str | None = None
    max_items: int | None = None

    def matches(self, episode: Episode) -> bool:
        if self.outlet is not None and (episode.outlet or "").lower() != self.outlet.lower():
            return False
        if self.category is not None:
            return str(episode.extra.get("category", "")).casefold() == self.category.casefold()
        return True


@dataclass(frozen=True)
class FeedSettings:
    """Everything the feed needs besides the episodes; built by ``bacakan.config.load``."""

    title: str = "bacakan: berita yang dibacakan"
    description: str = "Artikel berita Indonesia yang dibacakan dengan suara sintetis."
    base_url: str = "http://localhost:8000/"
    link: str = ""  # the site's page; empty = base_url
    author: str = "bacakan"
    owner_name: str = "bacakan"
    owner_email: str = "redaksi@example.com"
    cover: str | None = None  # image file or https URL; None = generate DIR/cover.jpg
    itunes_category: str = "News"
    itunes_subcategory: str = "Daily News"
    max_items: int = 100
    locked: bool = True
    medium: str = "podcast"
    feeds: tuple[SubFeed, ...] = ()

    def for_subfeed(self, sub: SubFeed) -> FeedSettings:
        """The channel settings of a sub-feed: its overrides over the main feed's values."""
        return replace(
            self,
            title=sub.title or f"{self.title} – {sub.name}",
            description=sub.description or self.description,
            cover=sub.cover,  # never the main cover: a generated default names the sub-feed
            itunes_category=sub.itunes_category or self.itunes_category,
            itunes_subcategory=sub.itunes_subcategory or ("" if sub.itunes_category
                                                          else self.itunes_subcategory),
            max_items=sub.max_items or self.max_items,
            feeds=(),
        )


def valid_feed_name(name: str) -> bool:
    """Sub-feed names become file names and URLs: lower-case ASCII letters, digits and hyphens."""
    return bool(_FEED_NAME.match(name))


def subfeed_path(name: str) -> str:
    return f"feeds/{name}.xml"


def clean_text(value: str) -> str:
    return _XML_ILLEGAL.sub("", value)


def _sub(parent: ET.Element, tag: str, body: str | None = None, **attrs: str) -> ET.Element:
    """Append ``<tag attrs>body</tag>``; ``text=`` is an attribute (itunes:category uses one)."""
    element = ET.SubElement(parent, tag, {k: clean_text(v) for k, v in attrs.items()})
    if body is not None:
        element.text = clean_text(body)
    return element


def parse_date(iso: str | None) -> datetime:
    """An ISO 8601 date or datetime; naive values are WIB; unparsable ones sort as 1970."""
    if not iso:
        return _EPOCH
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return _EPOCH
    return moment if moment.tzinfo else moment.replace(tzinfo=WIB)


def rfc2822(iso: str | None) -> str:
    """RFC 2822 date with English names whatever the locale (email.utils, not strftime)."""
    return format_datetime(parse_date(iso))


def podcast_guid(feed_url: str) -> str:
    """Podcasting 2.0 channel guid: uuid5 of the feed URL without scheme and trailing slashes."""
    bare = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", feed_url).rstrip("/")
    return str(uuid.uuid5(_PODCAST_GUID_NS, bare))


def absolute_url(base: str, path: str) -> str:
    """``path`` under ``base``; a path that is already an http(s) URL is returned unchanged."""
    if path.startswith(("http://", "https://")):
        return path
    return base.rstrip("/") + "/" + path.lstrip("/")


def _fit(text: str, limit: int) -> str:
    """Cut ``text`` at a word so that its UTF-8 form fits in ``limit`` bytes."""
    if len(text.encode("utf-8")) <= limit:
        return text
    cut = text.encode("utf-8")[: limit - 4].decode("utf-8", "ignore")
    return cut.rsplit(" ", 1)[0] + " …"


def _title(episode: Episode) -> str:
    """The article's headline; a feed item without a title is rejected by directories (I01)."""
    title = clean_text(episode.title)
    return title if title.strip() else "Tanpa judul"


def correction_note(episode: Episode) -> str:
    return f"Ralat: diperbarui {fmt.date_words(episode.updated)}." if episode.updated else ""


def _descriptions(episode: Episode, page_url: str) -> tuple[str, str]:
    """(plain-text description, HTML for content:encoded)."""
    summary = _SPACE.sub(" ", clean_text(episode.summary or episode.title)).strip()
    note = correction_note(episode)
    plain = (_SPACE.sub(" ", _TAG.sub(" ", summary)).strip()
             or _SPACE.sub(" ", _TAG.sub(" ", _title(episode))).strip() or "Tanpa ringkasan")
    text = _fit(f"{note} {plain}".strip(), _DESCRIPTION_MAX)
    parts = [f"<p><strong>{html.escape(note)}</strong></p>"] if note else []
    parts.append(f"<p>{html.escape(summary)}</p>")
    parts.append(f'<p><a href="{html.escape(page_url)}">Baca teks lengkap artikel ini</a></p>')
    return text, "".join(parts)


def _file_size(out: Path | None, episode: Episode, name: str | None) -> int | None:
    """Size of a file in the episode folder; None when it is missing or ``out`` is unknown."""
    if out is None or not name:
        return None
    try:
        return (out / episode.slug / name).stat().st_size
    except OSError:
        return None


def order(episodes: Sequence[Episode]) -> list[Episode]:
    """Newest first by real time (ISO strings with different offsets do not sort as text)."""
    return sorted(episodes, key=lambda e: (parse_date(e.published), e.guid), reverse=True)


def build_feed(episodes: Sequence[Episode], settings: FeedSettings, *, path: str = MAIN_FEED,
               image: str = "cover.jpg", out: Path | None = None) -> bytes:
    """The feed XML for ``episodes`` (any order): newest ``settings.max_items`` of them.

    ``path`` is the feed's own path under ``base_url`` (self link and podcast:guid derive from it),
    ``image`` the cover's path or URL. With ``out`` (the output folder) the enclosure length is the
    MP3's real size and transcript/chapters are listed only when their files exist.
    """
    base = settings.base_url
    feed_url = absolute_url(base, path)
    link = settings.link or base
    chosen = order(episodes)[: max(settings.max_items, 0)]

    rss = ET.Element("rss", {"version": "2.0"})
    channel = _sub(rss, "channel")
    _sub(channel, "title", settings.title)
    _sub(channel, "link", link)
    _sub(channel, "description", _fit(settings.description, _DESCRIPTION_MAX))
    _sub(channel, "language", "id")
    _sub(channel, "generator", "bacakan")
    if chosen:
        newest = max(max(parse_date(e.published), parse_date(e.updated)) for e in chosen)
        _sub(channel, "lastBuildDate", format_datetime(newest))
    _sub(channel, f"{{{ATOM}}}link", href=feed_url, rel="self", type="application/rss+xml")
    image_url = absolute_url(base, image)
    rss_image = _sub(channel, "image")
    _sub(rss_image, "url", image_url)
    _sub(rss_image, "title", settings.title)
    _sub(rss_image, "link", link)
    _sub(channel, f"{{{ITUNES}}}image", href=image_url)
    _sub(channel, f"{{{ITUNES}}}author", settings.author)
    owner = _sub(channel, f"{{{ITUNES}}}owner")
    _sub(owner, f"{{{ITUNES}}}name", settings.owner_name)
    _sub(owner, f"{{{ITUNES}}}email", settings.owner_email)
    category = _sub(channel, f"{{{ITUNES}}}category", text=settings.itunes_category)
    if settings.itunes_subcategory:
        _sub(category, f"{{{ITUNES}}}category", text=settings.itunes_subcategory)
    _sub(channel, f"{{{ITUNES}}}explicit", "false")
    _sub(channel, f"{{{ITUNES}}}type", "episodic")
    _sub(channel, f"{{{PODCAST}}}guid", podcast_guid(feed_url))
    _sub(channel, f"{{{PODCAST}}}locked", "yes" if settings.locked else "no",
         owner=settings.owner_email)
    _sub(channel, f"{{{PODCAST}}}medium", settings.medium)

    for episode in chosen:
        folder = f"{episode.slug}/"
        page_url = absolute_url(base, folder + episode.html)
        description, body = _descriptions(episode, page_url)
        item = _sub(channel, "item")
        _sub(item, "title", _title(episode))
        _sub(item, "description", description)
        _sub(item, f"{{{CONTENT}}}encoded", body)
        _sub(item, "link", page_url)
        _sub(item, "guid", episode.guid, isPermaLink="false")
        _sub(item, "pubDate", rfc2822(episode.published))
        size = _file_size(out, episode, episode.audio)
        _sub(item, "enclosure", url=absolute_url(base, folder + episode.audio),
             length=str(size if size is not None else episode.audio_bytes), type="audio/mpeg")
        _sub(item, f"{{{ITUNES}}}duration", str(round(episode.duration_s)))
        _sub(item, f"{{{ITUNES}}}explicit", "false")
        _sub(item, f"{{{ITUNES}}}episodeType", "full")
        if episode.transcript and _file_size(out, episode, episode.transcript) is not None:
            _sub(item, f"{{{PODCAST}}}transcript",
                 url=absolute_url(base, folder + episode.transcript),
                 type="text/vtt", language="id", rel="captions")
        if episode.chapters and _file_size(out, episode, episode.chapters) is not None:
            _sub(item, f"{{{PODCAST}}}chapters", url=absolute_url(base, folder + episode.chapters),
                 type="application/json+chapters")
    ET.indent(rss)
    xml: bytes = ET.tostring(rss, encoding="utf-8", xml_declaration=False)
    # ElementTree declares only the namespaces in use, on the root; Apple wants itunes and content
    # declared on <rss> whatever the items hold (F01), so the root's start tag is written by hand.
    return _HEAD + xml[xml.index(b">") + 1:] + b"\n"
