"""An offline podcast-feed checker for tests: one rule per code of design/feeds-audio.md §1.

Independent of bacakan's feed writer: it parses with lxml and reads the real files (MP3 length and
duration with mutagen, cover with Pillow, transcript and chapters from disk). Codes:

F01 head/namespaces  F02 well-formed  F03 RSS 2.0        E01 at least one item
C01 title  C02 description  C03 artwork  C04 language  C05 Apple category  C06 explicit
C07 author  C08 link  C09 owner email  C10 itunes:type  C11 atom self link  C12 lastBuildDate
I01 title  I02 enclosure  I03 guid  I04 pubDate  I05 description/content  I06 duration
I07 explicit  I08 episodeType  P01 podcast:guid  P02 locked  P03 medium  P10 transcript
P11 chapters  O01 newest first  O02 at most max_items  U01 URLs absolute, ASCII, https
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Literal

from lxml import etree
from mutagen.mp3 import MP3
from PIL import Image

from bacakan.master import master
from bacakan.models import Episode
from bacakan.publish import manifest
from bacakan.publish.feed import APPLE_CATEGORIES
from bacakan.publish.slug import article_guid
from bacakan.synthesise import Voice, VoiceProfile

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "atom": "http://www.w3.org/2005/Atom",
    "podcast": "https://podcastindex.org/namespace/1.0",
}
_DECL = b'<?xml version="1.0" encoding="UTF-8"?>'
_RFC2822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"\d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UT)$")
_DURATION = re.compile(r"^\d+$|^(\d+:)?[0-5]?\d:[0-5]\d$")
_PODCAST_NS = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
_MEDIUMS = {"podcast", "music", "video", "film", "audiobook", "newsletter", "blog"}
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
DURATION_TOLERANCE_S = 1.5


@dataclass(frozen=True)
class Finding:
    code: str
    level: Literal["error", "warning"]
    message: str


class _Report:
    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def error(self, code: str, message: str) -> None:
        self.findings.append(Finding(code, "error", message))

    def warn(self, code: str, message: str) -> None:
        self.findings.append(Finding(code, "warning", message))


def errors(findings: list[Finding]) -> set[str]:
    return {f.code for f in findings if f.level == "error"}


def _text(node: etree._Element, path: str) -> str:
    found = node.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def _seconds(duration: str) -> float:
    parts = [float(p) for p in duration.split(":")]
    total = 0.0
    for part in parts:
        total = total * 60 + part
    return total


class _Files:
    """Maps public URLs under ``base_url`` back to files under ``out``."""

    def __init__(self, out: Path | None, base_url: str | None) -> None:
        self.out, self.base = out, (base_url.rstrip("/") + "/") if base_url else None

    def path(self, url: str) -> Path | None:
        if self.out is None or self.base is None or not url.startswith(self.base):
            return None
        return self.out / url[len(self.base):]


def mp3_seconds(path: Path) -> float:
    """The MP3's playing time as mutagen reads it from the file."""
    info: Any = MP3(path).info  # type: ignore[no-untyped-call]
    return float(info.length)


def _check_head(data: bytes, report: _Report) -> None:
    if not data.startswith(_DECL):
        report.error("F01", "the file must start with the UTF-8 XML declaration")
    start = data.find(b"<rss")
    head = data[start:data.find(b">", start) + 1] if start >= 0 else b""
    for prefix in ("itunes", "content"):
        declaration = f'xmlns:{prefix}="{NS[prefix]}"'.encode()
        if declaration not in head:
            report.error("F01", f"<rss> must declare {declaration.decode()}")


def _check_cover(href: str, files: _Files, report: _Report) -> None:
    if not href:
        report.error("C03", "no itunes:image href")
        return
    if not href.lower().endswith((".jpg", ".jpeg", ".png")):
        report.error("C03", f"cover URL must end .jpg/.jpeg/.png: {href}")
        return
    path = files.path(href)
    if path is None:
        return
    if not path.is_file():
        report.error("C03", f"cover file missing: {path}")
        return
    with Image.open(path) as image:
        fmt, mode, (width, height) = image.format, image.mode, image.size
    expected = "PNG" if href.lower().endswith(".png") else "JPEG"
    if fmt != expected or mode != "RGB" or width != height or not 1400 <= width <= 3000:
        report.error("C03", f"cover must be a square 1400-3000 px RGB {expected}, "
                            f"is {fmt} {mode} {width}x{height}")


def _check_channel(channel: etree._Element, report: _Report, files: _Files,
                   feed_url: str | None) -> None:
    if not _text(channel, "title"):
        report.error("C01", "channel title missing or empty")
    description = _text(channel, "description")
    if not description or len(description.encode()) > 4000:
        report.error("C02", "channel description missing or over 4000 bytes")
    image = channel.find("itunes:image", NS)
    _check_cover(image.get("href", "") if image is not None else "", files, report)
    if _text(channel, "language") != "id":
        report.error("C04", f"language must be 'id', is {_text(channel, 'language')!r}")
    category = channel.find("itunes:category", NS)
    top = category.get("text") if category is not None else None
    if category is None or top not in APPLE_CATEGORIES:
        report.error("C05", f"itunes:category {top!r} is not an Apple category")
    else:
        sub = category.find("itunes:category", NS)
        if sub is not None and sub.get("text") not in APPLE_CATEGORIES[top]:
            report.error("C05", f"subcategory {sub.get('text')!r} is not in {top!r}")
    if _text(channel, "itunes:explicit") not in ("true", "false"):
        report.error("C06", "channel itunes:explicit must be true or false")
    if not _text(channel, "itunes:author"):
        report.error("C07", "itunes:author missing")
    if not _text(channel, "link").startswith(("http://", "https://")):
        report.error("C08", "channel link missing")
    if "@" not in _text(channel, "itunes:owner/itunes:email"):
        report.warn("C09", "itunes:owner/itunes:email missing")
    kind = _text(channel, "itunes:type")
    if kind not in ("episodic", "serial"):
        report.error("C10", f"itunes:type must be episodic or serial, is {kind!r}")
    elif kind == "serial" and any(i.find("itunes:episode", NS) is None
                                  for i in channel.iter("item")):
        report.error("C10", "a serial show needs itunes:episode on every item")
    selfs = [a for a in channel.findall("atom:link", NS) if a.get("rel") == "self"]
    self_url = selfs[0].get("href", "") if selfs else ""
    if not self_url or (feed_url and self_url != feed_url):
        report.error("C11", f"atom:link rel=self must be the feed's URL, is {self_url!r}")
    bare = re.sub(r"^[a-zA-Z]+://", "", self_url).rstrip("/")
    if _text(channel, "podcast:guid") != str(uuid.uuid5(_PODCAST_NS, bare)):
        report.error("P01", "podcast:guid is not uuid5 of the feed URL")
    locked = channel.find("podcast:locked", NS)
    if locked is None or (locked.text or "") not in ("yes", "no") or "@" not in locked.get(
            "owner", ""):
        report.error("P02", "podcast:locked must be yes/no with an owner email")
    if _text(channel, "podcast:medium") not in _MEDIUMS:
        report.error("P03", "podcast:medium missing or not in the spec's list")


def _check_date(value: str, code: str, what: str, report: _Report) -> None:
    try:
        ok = bool(_RFC2822.match(value)) and parsedate_to_datetime(value) is not None
    except (TypeError, ValueError):
        ok = False
    if not ok:
        report.error(code, f"{what} is not an RFC 2822 date with English names: {value!r}")


def _check_item(item: etree._Element, n: int, report: _Report, files: _Files) -> None:
    where = f"item {n}"
    if not _text(item, "title"):
        report.error("I01", f"{where}: title missing")
    enclosure = item.find("enclosure")
    url = enclosure.get("url", "") if enclosure is not None else ""
    length = enclosure.get("length", "") if enclosure is not None else ""
    mime = enclosure.get("type", "") if enclosure is not None else ""
    if not url or not length.isdigit() or int(length) <= 0 or mime != "audio/mpeg":
        report.error("I02", f"{where}: enclosure needs url, byte length and type audio/mpeg")
    audio = files.path(url)
    if audio is not None and length.isdigit():
        if not audio.is_file():
            report.error("I02", f"{where}: enclosure file missing: {audio}")
        elif audio.stat().st_size != int(length):
            report.error("I02", f"{where}: length {length} != file size {audio.stat().st_size}")
    guid = item.find("guid")
    if guid is None or not (guid.text or "").strip():
        report.error("I03", f"{where}: guid missing")
    elif not (guid.text or "").startswith(("http://", "https://")) and guid.get(
            "isPermaLink") != "false":
        report.error("I03", f"{where}: a non-URL guid needs isPermaLink=\"false\"")
    _check_date(_text(item, "pubDate"), "I04", f"{where}: pubDate", report)
    description = _text(item, "description")
    if not description or len(description.encode()) > 4000 or _TAG.search(description):
        report.error("I05", f"{where}: description must be plain text, 1-4000 bytes")
    if not _text(item, "content:encoded"):
        report.error("I05", f"{where}: content:encoded (HTML description) missing")
    duration = _text(item, "itunes:duration")
    if not _DURATION.match(duration):
        report.error("I06", f"{where}: itunes:duration {duration!r} is not whole seconds")
    elif audio is not None and audio.is_file():
        real = mp3_seconds(audio)
        if abs(real - _seconds(duration)) > DURATION_TOLERANCE_S:
            report.error("I06", f"{where}: duration {duration} s, file is {real:.1f} s")
    if _text(item, "itunes:explicit") not in ("true", "false"):
        report.error("I07", f"{where}: itunes:explicit must be true or false")
    if _text(item, "itunes:episodeType") not in ("full", "trailer", "bonus"):
        report.error("I08", f"{where}: itunes:episodeType must be full, trailer or bonus")
    for tag in item.findall("podcast:transcript", NS):
        if (tag.get("type"), tag.get("language"), tag.get("rel")) != ("text/vtt", "id", "captions"):
            report.error("P10", f"{where}: transcript needs type=text/vtt language=id rel=captions")
        path = files.path(tag.get("url", ""))
        if files.out is not None and (path is None or not path.is_file()
                                      or not path.read_text("utf-8").startswith("WEBVTT")):
            report.error("P10", f"{where}: transcript URL is not a WebVTT file in the output")
    for tag in item.findall("podcast:chapters", NS):
        if tag.get("type") != "application/json+chapters":
            report.error("P11", f"{where}: chapters type must be application/json+chapters")
        path = files.path(tag.get("url", ""))
        if files.out is not None:
            try:
                data = json.loads(path.read_text("utf-8")) if path else None
                starts = [c["startTime"] for c in data["chapters"]] if data else None
            except (OSError, ValueError, KeyError, TypeError):
                starts = None
            if not starts or starts != sorted(starts):
                report.error("P11", f"{where}: chapters URL is not a chapters JSON file")


def _check_urls(root: etree._Element, report: _Report) -> None:
    urls = [e.text or "" for e in root.iter("link", "url") if e.getparent() is not None]
    urls += [v for e in root.iter() for k, v in e.attrib.items() if k in ("url", "href")]
    for url in urls:
        if not url.isascii() or not url.startswith(("http://", "https://")):
            report.error("U01", f"URL must be absolute and ASCII: {url!r}")
        elif not url.startswith("https://"):
            report.warn("U01", f"Podcasting 2.0 wants https URLs: {url}")


def check(data: bytes, *, out: Path | None = None, base_url: str | None = None,
          feed_url: str | None = None, max_items: int | None = None) -> list[Finding]:
    """Every finding for the feed ``data``; with ``out`` and ``base_url`` the files are checked."""
    report = _Report()
    _check_head(data, report)
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        report.error("F02", f"not well-formed XML: {exc}")
        return report.findings
    channel = root.find("channel")
    if root.tag != "rss" or root.get("version") != "2.0" or channel is None:
        report.error("F03", "root must be <rss version=\"2.0\"> with one <channel>")
        return report.findings
    files = _Files(out, base_url)
    _check_channel(channel, report, files, feed_url)
    items = channel.findall("item")
    if not items:
        report.error("E01", "the feed has no episodes")
    build = _text(channel, "lastBuildDate")
    if build:
        _check_date(build, "C12", "lastBuildDate", report)
    for n, item in enumerate(items, start=1):
        _check_item(item, n, report, files)
    guids = [_text(i, "guid") for i in items]
    if len(set(guids)) != len(guids):
        report.error("I03", "duplicate guids")
    enclosures = [i.find("enclosure") for i in items]
    urls = [e.get("url") for e in enclosures if e is not None]
    if len(set(urls)) != len(urls):
        report.error("I02", "duplicate enclosure URLs")
    try:
        dates = [parsedate_to_datetime(_text(i, "pubDate")) for i in items]
    except (TypeError, ValueError):
        dates = []
    if dates != sorted(dates, reverse=True):
        report.error("O01", "items are not newest first")
    if dates and build:
        try:
            if parsedate_to_datetime(build) < dates[0]:
                report.error("C12", "lastBuildDate is older than the newest episode")
        except (TypeError, ValueError):
            pass
    if max_items is not None and len(items) > max_items:
        report.error("O02", f"{len(items)} items, at most {max_items} allowed")
    _check_urls(root, report)
    return report.findings


# --- A real output folder to check: eSpeak clips -> bacakan.master -> MP3 + manifest -------------

BASE_URL = "https://pod.example.id/bacakan/"


@dataclass(frozen=True)
class Story:
    """One test article: what the feed needs to know and what the voice says."""

    slug: str
    title: str
    text: str
    outlet: str
    published: str
    category: str
    with_files: bool = False  # write <slug>.vtt and <slug>.chapters.json
    dangling: bool = False  # name transcript/chapters files in the manifest but do not write them
    updated: str | None = None


STORIES = (
    Story("banjir-paringin", "Banjir rendam ratusan rumah di Paringin",
          "Banjir merendam rumah warga di Paringin.", "klikkalimantan.com",
          "2024-03-05T08:30:00+08:00", "Daerah", with_files=True),
    Story("timnas-menang", "Timnas menang 2-0 & lolos <final>",
          "Tim nasional menang dua kosong.", "kompas.com", "2024-03-06", "Olahraga", dangling=True),
    Story("harga-beras", "Harga beras turun di Balangan",
          "Harga beras turun minggu ini.", "klikkalimantan.com", "2024-03-04T10:00:00+07:00",
          "Ekonomi", updated="2024-03-07T09:00:00+07:00"),
)


def write_episode(out: Path, story: Story, voice: Voice, profile: VoiceProfile) -> None:
    """Speak ``story`` with the real voice, master it to MP3 and write its manifest (and files)."""
    speaker = voice
    folder = out / story.slug
    clips = [speaker.synthesize(story.title), speaker.synthesize(story.text)]
    facts = master(clips, [-1, 0], profile.pauses, folder / f"{story.slug}.mp3")
    transcript: str | None = None
    chapters: str | None = None
    if story.with_files or story.dangling:
        transcript, chapters = f"{story.slug}.vtt", f"{story.slug}.chapters.json"
    if story.with_files:
        (folder / f"{story.slug}.vtt").write_text(
            f"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n{story.title}\n", encoding="utf-8")
        marks = [{"startTime": 0, "title": story.title}, {"startTime": 1.5, "title": "Isi"}]
        (folder / f"{story.slug}.chapters.json").write_text(
            json.dumps({"version": "1.2.0", "chapters": marks}), encoding="utf-8")
    (folder / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    manifest.write(folder, Episode(
        title=story.title, slug=story.slug, guid=article_guid(f"https://{story.outlet}/{story.slug}"),
        published=story.published, audio=f"{story.slug}.mp3", audio_bytes=facts.size_bytes,
        duration_s=round(facts.duration_s, 3), html="index.html", voice=profile.name,
        engine=speaker.engine, source=f"https://{story.outlet}/{story.slug}", outlet=story.outlet,
        summary=story.text, updated=story.updated,
        transcript=transcript, chapters=chapters,
        extra={"category": story.category}))
