"""Held-out golden set (tests/data/clean/heldout.json): pages written from how the sites look,
not from the rules, so the score here is the honest one. Same format as expect.json."""

from __future__ import annotations

import pytest

from tests import clean_golden

HELDOUT = clean_golden.load("heldout.json")


def test_enough_heldout_fixtures() -> None:
    assert len(HELDOUT) >= 20
    assert {f.rsplit(".", 1)[1] for f in HELDOUT} >= {"html", "txt"}


@pytest.mark.parametrize("name", sorted(HELDOUT), ids=sorted(HELDOUT))
def test_heldout_fixture(name: str) -> None:
    clean_golden.check(HELDOUT[name])
