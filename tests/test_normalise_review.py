"""Adversarial review set: realistic national and regional news sentences across every rule
family (R1-R22), checked end to end through ``bacakan.to_spoken`` the way the reviewer scores
them (lower-case, punctuation and the reduplication hyphen ignored)."""

from __future__ import annotations

import re

import pytest

from bacakan import to_spoken
from bacakan.normalise import normalise_text
from tests.normalise_cases import load_cases

_PUNCT = re.compile(r"[^\w\s]|_")


def _words(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


@pytest.mark.parametrize(("written", "expected"), load_cases("normalise_cases_review.tsv"))
def test_review_sentences(written: str, expected: str) -> None:
    assert _words(to_spoken(written)) == _words(expected)


@pytest.mark.parametrize(("written", "expected"), load_cases("normalise_cases_review.tsv"))
def test_review_sentences_normaliser_alone(written: str, expected: str) -> None:
    # Without the cleaner the dateline and credits are still handled by R1/R2 in the normaliser.
    assert _words(normalise_text(written)) == _words(expected)


def test_sentence_starting_with_hal_is_kept() -> None:
    assert to_spoken("Hal itu diatur dalam Perbup Balangan Nomor 12 Tahun 2022.") == (
        "hal itu diatur dalam perbup balangan nomor dua belas tahun dua ribu dua puluh dua"
    )
