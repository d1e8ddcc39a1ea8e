"""Day-only dates (``Senin (20/11)``): which year they mean.

Indonesian news writes the event day without a year. The year comes from the publication date when
known (a December date in a January article belongs to the year before); without one, from the
weekday: the latest year, up to this one, in which that day falls on that weekday. A date whose
weekday fits no recent year is left unresolved rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

_WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4,
             "sabtu": 5, "minggu": 6, "ahad": 6}
DAY_DATE = re.compile(
    r"\b(?P<weekday>Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu|Ahad)\s*"
    r"\((?P<day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>\d{2}|\d{4}))?\)",
    re.IGNORECASE,
)
_LOOK_BACK_YEARS = 6  # a weekday/day pair repeats every 5-11 years: never reach that far


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(day: int, month: int, weekday: str | None, *, published: date | None,
            today: date) -> date | None:
    """The full date of a day-only date, or None when no year can be trusted."""
    wanted = _WEEKDAYS.get(weekday.lower()) if weekday else None
    if published is not None:
        for year in (published.year, published.year - 1, published.year + 1):
            found = _date(year, month, day)
            # An event reported within about half a year of publication.
            if found and abs((found - published).days) <= 183 and (
                    wanted is None or found.weekday() == wanted):
                return found
        return None
    if wanted is None:
        return None
    for year in range(today.year, today.year - _LOOK_BACK_YEARS, -1):
        found = _date(year, month, day)
        if found and found <= today + timedelta(days=7) and found.weekday() == wanted:
            return found
    return None


def first_day_date(texts: Iterable[str], *, published: date | None, today: date) -> date | None:
    """The first resolvable ``Weekday (d/m[/yyyy])`` in the texts."""
    for text in texts:
        for match in DAY_DATE.finditer(text):
            day, month = int(match["day"]), int(match["month"])
            if match["year"]:
                year = int(match["year"])
                found = _date(year + 2000 if year < 100 else year, month, day)
            else:
                found = resolve(day, month, match["weekday"], published=published, today=today)
            if found:
                return found
    return None
