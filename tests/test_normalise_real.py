"""Real-text review: cases for defects found by reading real Indonesian news sentences through
``to_spoken``. The table holds cases written anew with the same phenomenon (the source sentences
are not copied). Scored the reviewer's way: lower-cased, punctuation (and the reduplication
hyphen) ignored."""

from __future__ import annotations

import re

import pytest

from bacakan import to_spoken
from tests.normalise_cases import load_cases

_PUNCT = re.compile(r"[^\w\s]|_")


def _words(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


@pytest.mark.parametrize(("written", "expected"), load_cases("normalise_cases_real.tsv"))
def test_real_text_cases(written: str, expected: str) -> None:
    assert _words(to_spoken(written)) == _words(expected)
