"""Slugs and guids: stable identifiers so a re-render replaces its episode in place."""

from __future__ import annotations

import re
import unicodedata
import uuid

_MAX = 80


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_title)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > _MAX:
            break
        slug = candidate
    return slug or "artikel"


def article_guid(identity: str) -> str:
    """A uuid5 of the article's identity (its URL, or its declared id, or its first title)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, identity))
