"""The golden-fixture check shared by every cleaning set (trafilatura's eval style).

Each JSON file maps a name to ``{"file", "with": [...], "without": [...], "meta": {...}}``: body
snippets that must survive, boilerplate that must not, and expected Article fields (``headings``
is the list of subheading texts).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bacakan.clean import clean
from bacakan.ingest import read

DATA = Path(__file__).parent / "data" / "clean"


def load(name: str) -> dict[str, dict[str, Any]]:
    cases: dict[str, dict[str, Any]] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return cases


def check(case: dict[str, Any]) -> None:
    """Clean the fixture and assert its with/without snippets and metadata."""
    article = clean(read(str(DATA / case["file"])))
    body = "\n".join(b.text for b in article.blocks) + "\n"
    lost = [s for s in case["with"] if s not in body]
    leaked = [s for s in case["without"] if s in body]
    assert not lost, f"missing body text: {lost}"
    assert not leaked, f"boilerplate leaked: {leaked}"
    for key, want in case["meta"].items():
        if key == "headings":
            assert [b.text for b in article.blocks if b.kind == "heading"] == want
        else:
            assert getattr(article, key) == want, key
    assert article.title and article.title not in article.paragraphs
