"""Real-text review 2 (news sections beyond police, courts and government): cases for defects
found by reading real Indonesian news sentences through ``to_spoken``; written anew, not copied.
Scored the reviewer's way: lower-cased, punctuation (and the reduplication hyphen) ignored."""

from __future__ import annotations

import re

import pytest

from bacakan import to_spoken
from tests.normalise_cases import load_cases

_PUNCT = re.compile(r"[^\w\s]|_")


def _words(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


@pytest.mark.parametrize(("written", "expected"), load_cases("normalise_cases_real2.tsv"))
def test_real_text_cases_2(written: str, expected: str) -> None:
    assert _words(to_spoken(written)) == _words(expected)
