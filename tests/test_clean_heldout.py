"""Held-out golden set (tests/data/clean/heldout.json): pages written from how the sites look,
not from the rules, so the score here is the honest one. Same format as expect.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bacakan.clean import clean
from bacakan.ingest import read

DATA = Path(__file__).parent / "data" / "clean"
HELDOUT: dict[str, dict[str, Any]] = json.loads((DATA / "heldout.json").read_text(encoding="utf-8"))


def test_enough_heldout_fixtures() -> None:
    assert len(HELDOUT) >= 20
    assert {f.rsplit(".", 1)[1] for f in HELDOUT} >= {"html", "txt"}


@pytest.mark.parametrize("name", sorted(HELDOUT), ids=sorted(HELDOUT))
def test_heldout_fixture(name: str) -> None:
    case = HELDOUT[name]
    article = clean(read(str(DATA / case["file"])))
    body = "\n".join(b.text for b in article.blocks)
    lost = [s for s in case["with"] if s not in body]
    leaked = [s for s in case["without"] if s in body]
    assert not lost, f"missing body text: {lost}"
    assert not leaked, f"boilerplate leaked: {leaked}"
    for key, want in case["meta"].items():
        if key == "headings":
            got = [b.text for b in article.blocks if b.kind == "heading"]
            assert got == want
        else:
            assert getattr(article, key) == want, key
    assert article.title and article.title not in article.paragraphs
