"""Golden with/without checks in trafilatura's eval style: tests/data/clean/expect.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bacakan.clean import clean
from bacakan.ingest import read

DATA = Path(__file__).parent / "data" / "clean"
EXPECT: dict[str, dict[str, Any]] = json.loads((DATA / "expect.json").read_text(encoding="utf-8"))


def test_enough_fixtures_and_outlets() -> None:
    assert len(EXPECT) >= 25
    assert {f.rsplit(".", 1)[1] for f in EXPECT} >= {"html", "txt", "md"}


@pytest.mark.parametrize("name", sorted(EXPECT), ids=sorted(EXPECT))
def test_fixture(name: str) -> None:
    case = EXPECT[name]
    article = clean(read(str(DATA / case["file"])))
    body = "\n".join(b.text for b in article.blocks)
    for snippet in case["with"]:
        assert snippet in body, f"missing body text: {snippet!r}"
    for snippet in case["without"]:
        assert snippet not in body, f"boilerplate leaked: {snippet!r}"
    for key, want in case["meta"].items():
        if key == "headings":
            got = [b.text for b in article.blocks if b.kind == "heading"]
            assert got == want
        else:
            assert getattr(article, key) == want, key
    assert article.title and article.title not in article.paragraphs


def test_seed_article() -> None:
    article = clean(read("/work/shared/seed/klikkalimantan-balangan-pemilu.txt"))
    assert article.dateline == "Paringin"
    assert article.outlet == "klikkalimantan.com"
    assert article.credit == "pr/klik"
    assert article.caption and article.caption.startswith("Kapolres Balangan")
    assert article.paragraphs[0].startswith("Dalam rangka persiapan")
    assert article.paragraphs[-1].endswith("tukas Riza.")
    assert len(article.paragraphs) == 7
