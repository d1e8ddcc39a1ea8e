"""Cardinals, decimals, years, fractions, ordinals, ranges, scores, digit strings, legal refs."""

from __future__ import annotations

import pytest

from bacakan.normalise import normalise_text
from bacakan.normalise.numbers import cardinal, digits, ordinal, spell_number
from tests.normalise_cases import load_cases


@pytest.mark.parametrize(("written", "expected"), load_cases("normalise_cases_numbers.tsv"))
def test_number_sentences(written: str, expected: str) -> None:
    assert normalise_text(written) == expected


@pytest.mark.parametrize(
    ("n", "spoken"),
    [
        pytest.param(0, "nol", id="0"),
        pytest.param(10, "sepuluh", id="10"),
        pytest.param(11, "sebelas", id="11"),
        pytest.param(15, "lima belas", id="15"),
        pytest.param(20, "dua puluh", id="20"),
        pytest.param(99, "sembilan puluh sembilan", id="99"),
        pytest.param(100, "seratus", id="100"),
        pytest.param(110, "seratus sepuluh", id="110"),
        pytest.param(999, "sembilan ratus sembilan puluh sembilan", id="999"),
        pytest.param(1000, "seribu", id="1000"),
        pytest.param(1001, "seribu satu", id="1001"),
        pytest.param(10_000, "sepuluh ribu", id="10000"),
        pytest.param(100_000, "seratus ribu", id="100000"),
        pytest.param(101_000, "seratus satu ribu", id="101000"),
        pytest.param(1_000_000, "satu juta", id="1e6-satu-juta"),
        pytest.param(1_001_000, "satu juta seribu", id="1001000-num2words-bug"),
        pytest.param(2_001_000, "dua juta seribu", id="2001000"),
        pytest.param(1_000_000_000, "satu miliar", id="1e9"),
        pytest.param(1_500_000_000, "satu miliar lima ratus juta", id="1.5e9"),
        pytest.param(10**12, "satu triliun", id="1e12"),
        pytest.param(
            10**15 - 1,
            " ".join(
                ["sembilan ratus sembilan puluh sembilan triliun"]
                + [
                    "sembilan ratus sembilan puluh sembilan " + s
                    for s in ("miliar", "juta", "ribu")
                ]
                + ["sembilan ratus sembilan puluh sembilan"]
            ),
            id="max-cardinal",
        ),
        pytest.param(10**15, "satu " + " ".join(["nol"] * 15), id="too-long-digits"),
        pytest.param(-5, "minus lima", id="negative"),
    ],
)
def test_cardinal(n: int, spoken: str) -> None:
    assert cardinal(n) == spoken


@pytest.mark.parametrize(
    ("n", "spoken"),
    [
        (1, "pertama"),
        (2, "kedua"),
        (11, "kesebelas"),
        (12, "kedua belas"),
        (21, "kedua puluh satu"),
        (100, "keseratus"),
        (1000, "keseribu"),
    ],
)
def test_ordinal(n: int, spoken: str) -> None:
    assert ordinal(n) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        pytest.param("1.500", "seribu lima ratus", id="dot-thousands"),
        pytest.param("12.600", "dua belas ribu enam ratus", id="dot-thousands-5"),
        pytest.param("1.250.000", "satu juta dua ratus lima puluh ribu", id="dot-millions"),
        pytest.param("2,5", "dua koma lima", id="comma-decimal"),
        pytest.param("1.5", "satu koma lima", id="english-decimal"),
        pytest.param(
            "1.250,75", "seribu dua ratus lima puluh koma tujuh lima", id="thousands-and-decimal"
        ),
        pytest.param("007", "nol nol tujuh", id="leading-zeros"),
    ],
)
def test_spell_number(written: str, spoken: str) -> None:
    assert spell_number(written) == spoken


def test_money_drops_zero_sen() -> None:
    assert spell_number("75.000,00", money=True) == "tujuh puluh lima ribu"


def test_digits_skip_separators() -> None:
    assert digits("0813-49") == "nol delapan satu tiga empat sembilan"
