"""Golden with/without checks in trafilatura's eval style: tests/data/clean/expect.json."""

from __future__ import annotations

import pytest

from bacakan.clean import clean
from bacakan.ingest import read
from tests import clean_golden
from tests.seed import SEED, needs_seed

EXPECT = clean_golden.load("expect.json")


def test_enough_fixtures_and_outlets() -> None:
    assert len(EXPECT) >= 25
    assert {f.rsplit(".", 1)[1] for f in EXPECT} >= {"html", "txt", "md"}


@pytest.mark.parametrize("name", sorted(EXPECT), ids=sorted(EXPECT))
def test_fixture(name: str) -> None:
    clean_golden.check(EXPECT[name])


@needs_seed
def test_seed_article() -> None:
    article = clean(read(str(SEED)))
    assert article.dateline == "Paringin"
    assert article.outlet == "klikkalimantan.com"
    assert article.credit == "pr/klik"
    assert article.caption and article.caption.startswith("Kapolres Balangan")
    assert article.paragraphs[0].startswith("Dalam rangka persiapan")
    assert article.paragraphs[-1].endswith("tukas Riza.")
    assert len(article.paragraphs) == 7
