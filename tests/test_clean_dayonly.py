"""Day-only dates get their year from the publication date or their weekday, never a wrong year."""

from __future__ import annotations

from datetime import date

import pytest

from bacakan.clean.dayonly import first_day_date, resolve

TODAY = date(2026, 11, 27)

RESOLVE = [
    pytest.param(20, 11, "Senin", None, date(2023, 11, 20), id="seed-monday-20-11-is-2023"),
    pytest.param(21, 11, "Selasa", None, date(2023, 11, 21), id="tuesday-21-11-is-2023"),
    pytest.param(23, 11, "Senin", None, date(2026, 11, 23), id="this-year-when-weekday-fits"),
    pytest.param(31, 11, "Senin", None, None, id="impossible-date"),
    pytest.param(28, 12, "Kamis", date(2024, 1, 3), date(2023, 12, 28),
                 id="december-event-in-january-article"),
    pytest.param(2, 1, "Selasa", date(2023, 12, 29), date(2024, 1, 2),
                 id="january-event-announced-in-december"),
    pytest.param(20, 11, None, date(2023, 11, 21), date(2023, 11, 20),
                 id="no-weekday-uses-pubdate"),
    pytest.param(20, 11, "Selasa", date(2023, 11, 21), None, id="weekday-contradicts-pubdate"),
    pytest.param(20, 11, None, None, None, id="no-weekday-no-pubdate-unknown"),
]


@pytest.mark.parametrize(("day", "month", "weekday", "published", "expected"), RESOLVE)
def test_resolve(day: int, month: int, weekday: str | None, published: date | None,
                 expected: date | None) -> None:
    assert resolve(day, month, weekday, published=published, today=TODAY) == expected


FIRST = [
    pytest.param(["Rapat digelar Senin (20/11) di aula."], date(2023, 11, 20), id="bracket"),
    pytest.param(["Apel pada Jumat (3/11/2023) pagi."], date(2023, 11, 3), id="explicit-year"),
    pytest.param(["Apel pada Jum'at (3/11/23) pagi."], date(2023, 11, 3), id="two-digit-year"),
    pytest.param(["Tanpa tanggal.", "Lalu Rabu (22/11) sore."], date(2023, 11, 22),
                 id="second-paragraph"),
    pytest.param(["Rasio 20/11 bukan tanggal."], None, id="bare-fraction-ignored"),
]


@pytest.mark.parametrize(("texts", "expected"), FIRST)
def test_first_day_date(texts: list[str], expected: date | None) -> None:
    assert first_day_date(texts, published=None, today=TODAY) == expected
