"""Acronyms, lexicon entries, Roman numerals, abbreviations, reduplication, web addresses,
brackets, quotes, datelines and boilerplate (rules R1-R4, R12, R18-R22)."""

from __future__ import annotations

import pytest

from bacakan.normalise import normalise_text
from bacakan.normalise.words import pronounceable
from tests.normalise_cases import load_cases


@pytest.mark.parametrize(("written", "expected"), load_cases("normalise_cases_words.tsv"))
def test_word_sentences(written: str, expected: str) -> None:
    assert normalise_text(written) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("WITA", True),
        ("PEMILU", True),
        ("SIGAP", True),
        ("ANGGOTA", True),
        ("STRUKTUR", True),
        ("KPU", False),
        ("DPRD", False),
        ("ASN", False),
        ("OPD", False),
        ("BPBD", False),
        ("UMKM", False),
        ("RSUD", False),
    ],
)
def test_shape_heuristic(word: str, expected: bool) -> None:
    assert pronounceable(word) is expected
