"""R5-R6: dates and times, before the generic number rules (they contain digits, dots, slashes)."""

from __future__ import annotations

import re

from bacakan.normalise.data import MONTHS
from bacakan.normalise.engine import Rule, Work, rule
from bacakan.normalise.numbers import cardinal

MONTH_NAMES = (
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
)
WEEKDAY = (
    r"(?:[Ss]enin|[Ss]elasa|[Rr]abu|[Kk]amis|[Jj]um[’']?at|[Ss]abtu|[Mm]inggu|[Aa]had"
    r"|SENIN|SELASA|RABU|KAMIS|JUMAT|SABTU|MINGGU)"
)
_MONTH_RE = "|".join(sorted((re.escape(k) for k in MONTHS), key=len, reverse=True))
MONTH = rf"(?i:(?:{_MONTH_RE}))\b\.?"
_D = r"[0-9]{1,2}"


def _day(d: str) -> str | None:
    n = int(d)
    return cardinal(n) if 1 <= n <= 31 else None


def _month(m: str) -> str | None:
    n = int(m)
    return MONTH_NAMES[n - 1] if 1 <= n <= 12 else None


def _year(y: str | None) -> str:
    if not y:
        return ""
    n = int(y)
    if len(y) == 2:
        n += 2000  # '23 in a news date is 2023
    return " " + cardinal(n)


def _weekdays(text: str) -> str:
    parts = re.split(r"\s*[-–]\s*", text.strip())
    return " sampai ".join(p.lower().replace("'", "").replace("’", "") for p in parts)


def _date(d1: str, d2: str | None, m: str, y: str | None) -> str | None:
    day1, month = _day(d1), _month(m)
    if day1 is None or month is None:
        return None
    days = day1
    if d2:
        day2 = _day(d2)
        if day2 is None:
            return None
        days = f"{day1} sampai {day2}"
    return f"{days} {month}{_year(y)}"


# "Senin (20/11)", "Kamis-Jumat (5-6/10)", "Kamis (19/10/2023)"; the weekday is optional.
@rule(
    "date-bracket",
    rf"(?:(?P<wd>{WEEKDAY}(?:\s*[-–]\s*{WEEKDAY})?)\s*,?\s*)?"
    rf"\(\s?(?P<d1>{_D})(?:\s*[-–]\s*(?P<d2>{_D}))?\s?/\s?(?P<m>{_D})"
    rf"(?:\s?/\s?(?P<y>[0-9]{{4}}|[0-9]{{2}}))?\s?\)",
    gate=r"\(\s?[0-9]",
)
def DATE_BRACKET(m: re.Match[str], w: Work) -> str | None:
    date = _date(m.group("d1"), m.group("d2"), m.group("m"), m.group("y"))
    if date is None:
        return None
    wd = m.group("wd")
    return f"{_weekdays(wd)} {date}" if wd else date


@rule(
    "date-iso",
    r"\b(?P<y>[12][0-9]{3})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})\b",
    gate="[0-9]{4}-[0-9]{2}-",
)
def DATE_ISO(m: re.Match[str], w: Work) -> str | None:
    return _date(m.group("d"), None, m.group("m"), m.group("y"))


@rule(
    "date-numeric",
    rf"\b(?P<d>{_D})(?P<s>[/.-])(?P<m>{_D})(?P=s)(?P<y>[0-9]{{4}}|[0-9]{{2}})\b(?![.,/-]?[0-9])",
    gate="[0-9][/.-][0-9]{1,2}[/.-][0-9]",
)
def DATE_NUMERIC(m: re.Match[str], w: Work) -> str | None:
    return _date(m.group("d"), None, m.group("m"), m.group("y"))


@rule(
    "date-month-name",
    rf"\b(?P<d1>{_D})(?:\s*[-–]\s*(?P<d2>{_D}))?\s+(?P<mon>{MONTH})(?:\s+(?P<y>[0-9]{{4}})\b"
    r"(?:\s?(?P<era>M)\b(?!\.\s?[A-Z]))?)?",
    gate=r"[0-9]\s+[A-Za-z]",
)
def DATE_MONTH(m: re.Match[str], w: Work) -> str | None:
    month = MONTHS[m.group("mon").rstrip(".").lower()]
    d1, d2 = _day(m.group("d1")), m.group("d2")
    if d1 is None:
        return None
    days = d1
    if d2:
        day2 = _day(d2)
        if day2 is None:
            return None
        days = f"{d1} sampai {day2}"
    era = " masehi" if m.group("era") else ""  # 7 Juli 2024 M
    return f"{days} {month}{_year(m.group('y'))}{era}"


# "28 Februari-3 Maret 2024", "30 Desember 2023-2 Januari 2024": a range across months.
@rule(
    "date-month-range",
    rf"\b(?P<d1>{_D})\s+(?P<m1>{MONTH})(?:\s+(?P<y1>[0-9]{{4}}))?\s*[-–]\s*"
    rf"(?P<d2>{_D})\s+(?P<m2>{MONTH})(?:\s+(?P<y2>[0-9]{{4}})\b)?",
    gate=r"[-–]\s*[0-9]{1,2}\s+[A-Za-z]",
)
def DATE_MONTH_RANGE(m: re.Match[str], w: Work) -> str | None:
    d1, d2 = _day(m.group("d1")), _day(m.group("d2"))
    if d1 is None or d2 is None:
        return None
    m1 = MONTHS[m.group("m1").rstrip(".").lower()]
    m2 = MONTHS[m.group("m2").rstrip(".").lower()]
    return f"{d1} {m1}{_year(m.group('y1'))} sampai {d2} {m2}{_year(m.group('y2'))}"


# "tanggal 20/11", "sejak 1/12", "hingga 31/12": a bare d/m after a date word. After hingga /
# sampai a small proper fraction stays a fraction ("naik hingga 1/3" = sepertiga).
@rule(
    "date-after-word",
    rf"(?i:\b(?:tanggal|tgl\.?|sejak|per|mulai|pada|(?P<until>hingga|sampai))\s+)"
    rf"(?P<x>(?P<d>{_D})/(?P<m>{_D}))\b(?!/)",
    gate=r"[0-9]/[0-9]",
)
def DATE_AFTER_WORD(m: re.Match[str], w: Work) -> str | None:
    if m.group("until") and int(m.group("d")) < int(m.group("m")) <= 10:
        return None
    return _date(m.group("d"), None, m.group("m"), None)


ZONES = r"(?P<z>WIB|WITA|WIT|Wib|Wita|Wit|wib|wita|wit)"
_SEP = r"(?P<sep>[-–]|s\.d\.?|s/d|(?i:hingga|sampai(?:\s+dengan)?|sd))"


def _clock(h: str, mm: str | None) -> str | None:
    hour = int(h)
    minute = int(mm) if mm else 0
    if hour > 24 or minute > 59:
        return None
    spoken = cardinal(hour)
    if minute == 0:
        return spoken
    if minute < 10:
        return f"{spoken} lewat {cardinal(minute)} menit"
    return f"{spoken} {cardinal(minute)}"


def _zone(z: str | None, w: Work) -> str:
    if not z:
        return ""
    entry = w.lexicon.lookup(z.upper())
    return " " + (entry.spoken if entry else z.lower())


def _sep_word(sep: str) -> str:
    s = sep.lower()
    if s in ("-", "–"):
        return "sampai"
    if s.startswith("s") and not s.startswith("sampai"):
        return "sampai dengan"
    return " ".join(s.split())


def _time(m: re.Match[str], w: Work, lead: str) -> str | None:
    first = _clock(m.group("h"), m.group("m"))
    if first is None:
        return None
    out = f"{lead}{first}"
    if m.group("h2") is not None:
        second = _clock(m.group("h2"), m.group("m2"))
        if second is None:
            return None
        again = "pukul " if "w2" in m.re.groupindex and m.group("w2") else ""
        out += f" {_sep_word(m.group('sep'))} {again}{second}"
    return out + _zone(m.group("z"), w)


_HM = r"(?P<h>[0-9]{1,2})(?:[.:](?P<m>[0-9]{2}))?(?![0-9]|[.,][0-9])"
_HM2 = (
    rf"(?:\s*{_SEP}\s*(?P<w2>(?i:pukul)\s+)?(?P<h2>[0-9]{{1,2}})(?:[.:](?P<m2>[0-9]{{2}}))?"
    r"(?![0-9]|[.,][0-9]))?"
)


# BMKG clock with seconds: "pukul 13.21.10 WIB", "jam 17.02.44 WIB" (before the d.m.yy date rule).
@rule(
    "time-seconds",
    rf"(?:(?P<w>(?i:pukul|pkl\.?|pk\.?|jam))\s+)?\b(?P<h>[0-9]{{1,2}})[.:](?P<m>[0-9]{{2}})[.:]"
    rf"(?P<s>[0-9]{{2}})\b(?![.,:][0-9])(?:\s*{ZONES}\b)?",
    gate="[0-9][.:][0-9][0-9][.:][0-9]",
)
def TIME_SECONDS(m: re.Match[str], w: Work) -> str | None:
    if not (m.group("w") or m.group("z")):
        return None
    hour, minute, second = int(m.group("h")), int(m.group("m")), int(m.group("s"))
    if hour > 24 or minute > 59 or second > 59:
        return None
    word = (m.group("w") or "").lower()
    out = "jam " if word == "jam" else ("pukul " if word else "")
    out += cardinal(hour)
    if minute:
        out += f" lewat {cardinal(minute)} menit" if minute < 10 else f" {cardinal(minute)} menit"
    if second:
        out += f" {cardinal(second)} detik"
    return out + _zone(m.group("z"), w)


# "pukul 09.00 WITA", "Pkl. 14.30-16.00 WIB", "jam 9.30 malam"; the word stays as 'pukul'/'jam'.
@rule(
    "time",
    rf"(?P<w>(?i:pukul|pkl\.?|pk\.?|jam))\s+{_HM}{_HM2}(?:\s*{ZONES}\b)?",
    gate="(?i)pukul|pk|jam",
)
def TIME(m: re.Match[str], w: Work) -> str | None:
    word = m.group("w").lower()
    lead = "jam " if word == "jam" else "pukul "
    if word == "jam" and m.group("m") is None:
        return None  # "jam 3" may be a duration ("selama 3 jam" never matches, "jam 3" is rare)
    return _time(m, w, lead)


# "14.30 WIB" (zone, no pukul), "07.30-11.00" (dotted clock range), "19:30" (colon is a clock).
@rule("time-zone", rf"\b(?P<h>[0-9]{{1,2}})[.:](?P<m>[0-9]{{2}}){_HM2}\s*{ZONES}\b", gate="(?i)wi")
def TIME_ZONE(m: re.Match[str], w: Work) -> str | None:
    return _time(m, w, "")


# "7.30 malam", "04.15 dini hari": a clock before a part of the day, read as written (R6).
@rule(
    "time-daypart",
    r"\b(?P<x>(?P<h>[0-9]{1,2})[.:](?P<m>[0-9]{2}))(?=\s+(?i:pagi|siang|sore|petang|malam|dini\s+hari)\b)",
    gate="[0-9][.:][0-9][0-9] +[pPsSmMdD]",
)
def TIME_DAYPART(m: re.Match[str], w: Work) -> str | None:
    return _clock(m.group("h"), m.group("m"))


@rule(
    "time-range",
    r"\b(?P<h>[0-9]{1,2})[.:](?P<m>[0-9]{2})\s*(?P<sep>[-–])\s*(?P<h2>[0-9]{1,2})[.:](?P<m2>[0-9]{2})\b(?![.,][0-9])(?P<z>)",
    gate="[0-9][.:][0-9]{2}\\s?[-–]",
)
def TIME_RANGE(m: re.Match[str], w: Work) -> str | None:
    return _time(m, w, "")


@rule(
    "time-colon",
    r"\b(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})\b(?![:.,]?[0-9])(?P<h2>)?(?P<z>)",
    gate="[0-9]:[0-9]",
)
def TIME_COLON(m: re.Match[str], w: Work) -> str | None:
    return _clock(m.group("h"), m.group("m"))


_MONTH_WORD = (
    r"(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)"
)


# "Januari-Oktober 2023", "Senin-Jumat": a hyphen between two months or two weekdays is "sampai".
@rule(
    "word-range",
    rf"\b(?P<a>{_MONTH_WORD}|{WEEKDAY})\s?[-–]\s?(?P<b>{_MONTH_WORD}|{WEEKDAY})\b",
    gate=r"[a-z]\s?[-–]\s?[A-Z]",
)
def WORD_RANGE(m: re.Match[str], w: Work) -> str:
    return f"{_weekdays(m.group('a'))} sampai {_weekdays(m.group('b'))}"


RULES: tuple[Rule, ...] = (
    TIME_SECONDS,
    DATE_BRACKET,
    DATE_ISO,
    DATE_NUMERIC,
    DATE_MONTH_RANGE,
    DATE_MONTH,
    DATE_AFTER_WORD,
    TIME,
    TIME_ZONE,
    TIME_DAYPART,
    TIME_RANGE,
    TIME_COLON,
    WORD_RANGE,
)
