"""Fourth independent review set (review3): realistic regional and national news sentences,
each combining several phenomena (money with scale words, dates with weekday brackets, times
with zones, ages, ranks, initialisms, ordinals, Roman numerals, units, addresses, degrees,
titles, abbreviations, quotes, reduplication). Scored the reviewer's way: lower-cased,
punctuation (and the reduplication hyphen) ignored."""

from __future__ import annotations

import re

import pytest

from bacakan import to_spoken
from tests.normalise_cases import load_cases

_PUNCT = re.compile(r"[^\w\s]|_")


def _words(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


@pytest.mark.parametrize(("written", "expected"), load_cases("normalise_cases_review3.tsv"))
def test_review3_sentences(written: str, expected: str) -> None:
    assert _words(to_spoken(written)) == _words(expected)
