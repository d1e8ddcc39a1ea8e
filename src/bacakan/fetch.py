"""The only module that talks HTTP: fetch one article URL with httpx, with hard limits.

A page is read as a stream so a 20 MB page or an endless response is cut off at ``max_bytes``
instead of filling memory. Every failure becomes one ``InputError`` line naming the URL.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from bacakan.errors import InputError

MAX_BYTES = 10 * 1024 * 1024  # news pages are < 1 MB; 10 MB leaves room for inline images/JSON
TIMEOUT_S = 15.0
MAX_REDIRECTS = 5
USER_AGENT = "bacakan/0.1 (+https://github.com/bacakan; article narration)"

# Content types we can read as an article; anything else (PDF, images, video, zip) is refused.
_TEXT_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
)


@dataclass(frozen=True)
class Fetched:
    """Raw bytes of a page plus what the server said about them."""

    url: str  # final URL after redirects
    content: bytes
    content_type: str  # media type only, lower case, e.g. "text/html"
    charset: str | None  # from the Content-Type header, if any


def _media_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    media = parts[0].lower()
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ") or None
    return media, charset


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT_S,
    max_bytes: int = MAX_BYTES,
    transport: httpx.BaseTransport | None = None,
) -> Fetched:
    """Download ``url`` (following redirects) or raise ``InputError`` with one line."""
    try:
        with httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1"},
            transport=transport,
        ) as client, client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                reason = resp.reason_phrase or "error"
                raise InputError(f"{url}: the server answered HTTP {resp.status_code} {reason}")
            media, charset = _media_type(resp.headers.get("content-type", ""))
            if media and not media.startswith(_TEXT_TYPES):
                raise InputError(f"{url}: not an article page (content type {media})")
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(
                    f"{url}: page is {int(declared) // 1_048_576} MB, over the "
                    f"{max_bytes // 1_048_576} MB limit"
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"{url}: page is over the {max_bytes // 1_048_576} MB limit")
                chunks.append(chunk)
            return Fetched(str(resp.url), b"".join(chunks), media or "text/html", charset)
    except httpx.TimeoutException:
        raise InputError(f"{url}: no answer within {timeout:g} s (timeout)") from None
    except httpx.TooManyRedirects:
        raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.InvalidURL as err:
        raise InputError(f"{url}: invalid URL ({err})") from None
    except httpx.HTTPError as err:
        raise InputError(f"{url}: cannot fetch ({type(err).__name__}: {err})") from None
