"""``bacakan watch``: poll a news site's feed and submit articles that are new or changed.

Feeds read: RSS 2.0, Atom, and the WordPress REST API (``/wp-json/wp/v2/posts``), parsed with the
standard library (ElementTree's expat refuses entity-expansion bombs since Python 3.11's bundled
libexpat 2.4). An entry is identified by its article URL; it counts as changed when the hash of
its title, modification date and content differs from the one seen last time. The seen hashes
live in the queue's own storage (SQLite table or Redis hash), so every watcher and every restart
shares them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx
from huey.constants import EmptyData

from bacakan.errors import ConfigError, InputError
from bacakan.fetch import USER_AGENT
from bacakan.worker.jobs import Job
from bacakan.worker.tasks import Service

log = logging.getLogger("bacakan.watch")
MAX_FEED_BYTES = 5 * 1024 * 1024
TIMEOUT_S = 20.0
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


@dataclass(frozen=True)
class Entry:
    url: str
    title: str
    fingerprint: str  # sha256 of title + modification date + content


@dataclass
class PollResult:
    entries: int = 0
    new: list[Job] = field(default_factory=list)
    changed: list[Job] = field(default_factory=list)
    unchanged: int = 0


def parse_every(text: str) -> float:
    """``90``, ``30s``, ``5m``, ``1h`` -> seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text)
    if not match or float(match[1]) <= 0:
        raise ConfigError(f"--every {text!r}: use a number of seconds, or 30s, 5m, 1h")
    return float(match[1]) * {"": 1, "s": 1, "m": 60, "h": 3600}[match[2]]


def _fingerprint(*parts: str | None) -> str:
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()


def _text(node: ET.Element | None) -> str:
    return "".join(node.itertext()).strip() if node is not None else ""


def _rss(root: ET.Element) -> Iterable[Entry]:
    for item in root.iter("item"):
        url = _text(item.find("link"))
        guid = item.find("guid")
        if not url and guid is not None and guid.get("isPermaLink", "true") == "true":
            url = _text(guid)
        title = _text(item.find("title"))
        stamp = _text(item.find("pubDate"))
        body = _text(item.find(_CONTENT)) or _text(item.find("description"))
        if url:
            yield Entry(url, title, _fingerprint(title, stamp, body))


def _atom(root: ET.Element) -> Iterable[Entry]:
    for entry in root.iter(f"{_ATOM}entry"):
        links = entry.findall(f"{_ATOM}link")
        url = next((lk.get("href", "") for lk in links
                    if lk.get("rel", "alternate") == "alternate"), "")
        title = _text(entry.find(f"{_ATOM}title"))
        stamp = _text(entry.find(f"{_ATOM}updated")) or _text(entry.find(f"{_ATOM}published"))
        body = _text(entry.find(f"{_ATOM}content")) or _text(entry.find(f"{_ATOM}summary"))
        if url:
            yield Entry(url, title, _fingerprint(title, stamp, body))


def _rendered(value: Any) -> str:
    return str(value.get("rendered", "")) if isinstance(value, dict) else str(value or "")


def _wordpress(posts: Any) -> Iterable[Entry]:
    if not isinstance(posts, list):
        raise InputError("WordPress API answer is not a list of posts")
    for post in posts:
        if isinstance(post, dict) and post.get("link"):
            title = _rendered(post.get("title"))
            stamp = str(post.get("modified_gmt") or post.get("modified") or "")
            yield Entry(str(post["link"]), title,
                        _fingerprint(title, stamp, _rendered(post.get("content"))))


def parse_feed(content: bytes, content_type: str = "") -> list[Entry]:
    """Entries of an RSS, Atom or WordPress-JSON document, in document order."""
    head = content.lstrip()[:1]
    if "json" in content_type or head in (b"[", b"{"):
        try:
            return list(_wordpress(json.loads(content)))
        except ValueError as exc:
            raise InputError(f"feed is not valid JSON: {exc}") from exc
    try:
        root = ET.fromstring(content)
    except ET.ParseError as exc:
        raise InputError(f"feed is not valid XML: {exc}") from exc
    return list(_atom(root) if root.tag == f"{_ATOM}feed" else _rss(root))


def fetch_feed(url: str, *, transport: httpx.BaseTransport | None = None) -> list[Entry]:
    try:
        with httpx.Client(follow_redirects=True, timeout=TIMEOUT_S, transport=transport,
                          headers={"User-Agent": USER_AGENT}) as client, \
                client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise InputError(f"{url}: the server answered HTTP {resp.status_code}")
            data = bytearray()
            for chunk in resp.iter_bytes():
                data += chunk
                if len(data) > MAX_FEED_BYTES:
                    raise InputError(f"{url}: feed over {MAX_FEED_BYTES // 1_048_576} MB")
            content_type = resp.headers.get("content-type", "")
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: {exc.__class__.__name__}: {exc}") from exc
    return parse_feed(bytes(data), content_type)


def _seen_key(feed_url: str, url: str) -> str:
    feed = hashlib.sha1(feed_url.encode("utf-8")).hexdigest()[:16]
    return f"bacakan.watch.{feed}.{hashlib.sha1(url.encode('utf-8')).hexdigest()}"


def poll(service: Service, feed_url: str, *,
         fetch: Callable[[str], list[Entry]] = fetch_feed) -> PollResult:
    """One look at the feed: submit each new or changed entry, remember its fingerprint."""
    storage = service.huey.storage
    result = PollResult()
    entries = fetch(feed_url)
    result.entries = len(entries)
    for entry in entries:
        key = _seen_key(feed_url, entry.url)
        seen = storage.peek_data(key)
        if seen is not EmptyData and bytes(seen).decode("ascii") == entry.fingerprint:
            result.unchanged += 1
            continue
        job, _ = service.submit(entry.url, origin=f"watch {feed_url}")
        # Remember only after the job is queued: a crash in between re-submits, never skips.
        storage.put_data(key, entry.fingerprint.encode("ascii"))
        (result.new if seen is EmptyData else result.changed).append(job)
    return result


def run(service: Service, feed_url: str, *, every: float, once: bool = False,
        report: Callable[[PollResult], None] | None = None) -> None:
    """Poll now, then every ``every`` seconds. A failed poll is logged and tried next round."""
    while True:
        started = time.monotonic()
        try:
            result = poll(service, feed_url)
        except InputError as exc:
            if once:
                raise
            log.warning("%s", exc)
        else:
            if report:
                report(result)
        if once:
            return
        time.sleep(max(0.0, every - (time.monotonic() - started)))
