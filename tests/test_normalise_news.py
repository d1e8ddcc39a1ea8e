"""Whole regional-news sentences (several rules interacting), exact spoken output."""

from __future__ import annotations

import pytest

from bacakan.normalise import normalise_text, split_sentences
from tests.normalise_cases import load_cases


@pytest.mark.parametrize(("written", "expected"), load_cases("normalise_cases_news.tsv"))
def test_news_sentences(written: str, expected: str) -> None:
    assert normalise_text(written) == expected


def test_paragraph_equals_its_sentences() -> None:
    paragraph = (
        "klikkalimantan.com, PARINGIN-Bupati Balangan H. Abdul Hadi meninjau banjir, "
        "Senin (20/11). "
        "Sebanyak 1.235 KK terdampak. “Kami siapkan Rp 2,5 miliar,” ujarnya.(pr/klik)"
    )
    whole = normalise_text(paragraph)
    parts = " ".join(normalise_text(s) for s in split_sentences(paragraph))
    assert (
        whole
        == parts
        == (
            "paringin bupati balangan haji abdul hadi meninjau banjir senin dua puluh november "
            "sebanyak seribu dua ratus tiga puluh lima ka ka terdampak "
            "kami siapkan dua koma lima miliar rupiah ujarnya"
        )
    )
