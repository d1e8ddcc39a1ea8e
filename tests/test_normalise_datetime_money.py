"""Dates, times, currency, percent and units (rules R5-R9)."""

from __future__ import annotations

import pytest

from bacakan.normalise import normalise_text
from tests.normalise_cases import load_cases


@pytest.mark.parametrize(("written", "expected"), load_cases("normalise_cases_datetime_money.tsv"))
def test_datetime_money_sentences(written: str, expected: str) -> None:
    assert normalise_text(written) == expected


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("Senin (32/11)", id="day-out-of-range"),
        pytest.param("Senin (20/13)", id="month-out-of-range"),
    ],
)
def test_invalid_dates_are_not_dates(written: str) -> None:
    spoken = normalise_text(written)
    assert "november" not in spoken and "desember" not in spoken


def test_invalid_time_is_not_a_time() -> None:
    assert normalise_text("pukul 25.70") == "pukul dua puluh lima koma tujuh nol"
