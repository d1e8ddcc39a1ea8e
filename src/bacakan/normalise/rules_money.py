"""R7-R9: currency, percent and units. The number and its unit are rewritten together so the
unit can move after the scale word (Rp 2,5 miliar -> dua koma lima miliar rupiah)."""

from __future__ import annotations

import re

from bacakan.normalise.data import CURRENCIES, UNITS
from bacakan.normalise.engine import Rule, Work, rule
from bacakan.normalise.numbers import NUMBER, cardinal, spell_number
from bacakan.normalise.words import speak_text

_NUM = rf"(?:{NUMBER})"
_SCALE = r"(?:(?i:ribu|juta|miliar|milyar|triliun|jt|rb)\b\.?|[MTK]\b(?!\.\s?[A-Z]))"
_SCALE_WORDS = {
    "ribu": "ribu",
    "rb": "ribu",
    "k": "ribu",
    "juta": "juta",
    "jt": "juta",
    "miliar": "miliar",
    "milyar": "miliar",
    "m": "miliar",
    "triliun": "triliun",
    "t": "triliun",
}
_CUR_BEFORE = "|".join(sorted((re.escape(k) for k in CURRENCIES), key=len, reverse=True))
_SEN = r"(?:,-{1,2}|,00(?![0-9]))?"
# Real sen after a thousands-grouped rupiah amount: ",50" in "Rp 1.250,50".
_SEN_RE = re.compile(r"(?<=[0-9]\.[0-9]{3}),(?!00)([0-9]{2})$")
_UNIT_KEYS = sorted(UNITS, key=len, reverse=True)
_UNIT = "|".join(re.escape(k) for k in _UNIT_KEYS)


def _scale(s: str | None) -> str:
    if not s:
        return ""
    return " " + _SCALE_WORDS[s.rstrip(".").lower()]


def _amount(num: str, scale: str | None) -> str:
    money = not scale
    return spell_number(num, money=money) + _scale(scale)


# a dash is "sampai", s.d. / s/d "sampai dengan" (R10); sampai / hingga are read as written
_CONNECTOR = {"-": "sampai", "–": "sampai", "s.": "sampai dengan", "s/": "sampai dengan"}


def _per(unit: str | None, w: Work) -> str:
    if not unit:
        return ""
    # Rp 16.200/USD: a currency code after the slash is the currency's name
    return " per " + (UNITS.get(unit) or CURRENCIES.get(unit) or speak_text(unit, w.lexicon))


def _add_an(spoken: str) -> str:
    return spoken + "an"


@rule(
    "currency",
    rf"(?<![\w$])(?P<cur>{_CUR_BEFORE})\.?\s?(?P<a>{_NUM}){_SEN}(?:\s*(?P<sa>{_SCALE}))?"
    rf"(?:\s*(?P<sep>[-–]|s\.d\.?|s/d|(?i:sampai|hingga))\s*(?:(?P=cur)\s?)?(?P<b>{_NUM}){_SEN}(?:\s*(?P<sb>{_SCALE}))?)?"
    rf"(?P<an>-an\b)?(?:\s?/\s?(?P<per>(?:US\$|S\$|{_UNIT}|[^\W\d_]+)(?![\w²³])))?",
    gate=_CUR_BEFORE,
)
def CURRENCY(m: re.Match[str], w: Work) -> str:
    cur = CURRENCIES[m.group("cur").rstrip(".")]
    a = m.group("a")
    sen = _SEN_RE.search(a)
    if cur == "rupiah" and sen and not (m.group("sa") or m.group("b") or m.group("an")):
        # Rp 1.250,50 -> seribu dua ratus lima puluh rupiah lima puluh sen (R7)
        whole = spell_number(a[: sen.start()], money=True)
        return f"{whole} rupiah {cardinal(int(sen.group(1)))} sen{_per(m.group('per'), w)}"
    spoken = _amount(a, m.group("sa"))
    if m.group("b"):
        # the written connector word is kept (Rp1 juta hingga Rp2 juta); a dash is "sampai"
        raw = m.group("sep").lower()
        sep = _CONNECTOR.get(raw[:2], raw)
        spoken += f" {sep} {_amount(m.group('b'), m.group('sb'))}"
    if m.group("an"):
        return _add_an(spoken)  # Rp20.000-an -> dua puluh ribuan (PUEBI: 7.000-an = tujuh ribuan)
    if not m.group("per") and _NAMED_AFTER.match(m.string, m.end()):
        return spoken  # "$118,3 miliar dolar AS": the written currency name is read once
    return f"{spoken} {cur}{_per(m.group('per'), w)}"


_NAMED_AFTER = re.compile(r"\s*(?i:dolar|dollar|rupiah|euro|yen|yuan|ringgit)\b")


_CUR_AFTER = r"(?P<cur>USD|IDR|SGD|EUR|MYR|JPY|GBP|AUD|CNY)\b"


@rule(
    "currency-after",
    rf"(?<![\w.,])(?P<a>{_NUM})(?:\s*(?P<sa>{_SCALE}))?\s?{_CUR_AFTER}",
    gate="Rp|IDR|US|\\$|S\\$|SGD|RM|MYR|€|EUR|¥|JPY|£|GBP|AUD|CNY",
)
def CURRENCY_AFTER(m: re.Match[str], w: Work) -> str:
    return f"{_amount(m.group('a'), m.group('sa'))} {CURRENCIES[m.group('cur')]}"


# A minus sign right after a space (or at the start) before a measured amount: "-4°C".
# Not after a finished span ("kuartal III-2023": the Roman numeral, then a hyphen).
_NEG = r"(?:(?P<neg>(?<!\S)(?<![\U000f0000-\U000ffffd]\s)[-−])|(?<![\w.,/]))"


def _minus(m: re.Match[str]) -> str:
    return "minus " if m.group("neg") else ""


# "3-5%", also "3%-5%" / "3 % – 5 %": percent once at the end (R8, R10)
@rule(
    "percent",
    rf"{_NEG}(?P<a>{_NUM})(?:\s?%?\s*[-–]\s*(?P<b>{_NUM}))?\s?%",
    gate="%",
)
def PERCENT(m: re.Match[str], w: Work) -> str:
    spoken = _minus(m) + spell_number(m.group("a"))
    if m.group("b"):
        spoken += " sampai " + spell_number(m.group("b"))
    return spoken + " persen"


@rule("permil", rf"(?<![\w.,])(?P<a>{_NUM})\s?‰", gate="‰")
def PERMIL(m: re.Match[str], w: Work) -> str:
    return spell_number(m.group("a")) + " permil"


# "M 5,2" / "M5.0" before a decimal is an earthquake magnitude; so is M before a comparison
# ("M=4,8", "M < 3", "M>5") or an integer range ("M 3 – 5") in BMKG copy.
@rule(
    "magnitude",
    r"\bM\s?(?:(?P<op>[<>=≤≥])\s?(?P<c>[0-9](?:[.,][0-9])?)\b(?![.,][0-9])"
    r"|(?P<a>[0-9],[0-9]|[0-9]\.[0-9])\b(?![.,][0-9])"
    r"|(?P<r1>[0-9])\s?[-–]\s?(?P<r2>[0-9])\b(?![.,][0-9]))",
    gate="M\\s?[0-9<>=≤≥]",
)
def MAGNITUDE(m: re.Match[str], w: Work) -> str:
    # "dengan magnitudo M < 3": the written word already says it, the letter M is not read twice
    lead = "" if _MAG_WORD_BEFORE.search(m.string, 0, m.start()) else "magnitudo "
    if m.group("op"):
        return f"{lead}{_COMPARE[m.group('op')]}{spell_number(m.group('c'))}"
    if m.group("r1"):
        return f"{lead}{cardinal(int(m.group('r1')))} sampai {cardinal(int(m.group('r2')))}"
    return lead + spell_number(m.group("a"))


_MAG_WORD_BEFORE = re.compile(r"(?i)\bmagnitud[eo]\s*$")


_COMPARE = {
    "=": "",
    "<": "kurang dari ",
    ">": "lebih dari ",
    "≤": "kurang dari atau sama dengan ",
    "≥": "lebih dari atau sama dengan ",
}


# "mm/hari", "km/liter": a unit per a time or quantity word after a measured amount.
_UNIT_PER = (
    r"(?:\s?/\s?(?P<per>(?i:hari|jam|bulan|tahun|minggu|pekan|detik|menit|orang|kapita|ekor"
    r"|liter|ltr|kg|ha|hektare)\b))?"
)


@rule(
    "unit",
    rf"{_NEG}(?P<a>{_NUM})(?:(?:\s?(?P<ua>{_UNIT}))?\s*(?:[-–]|s\.d\.?|s/d)\s*(?P<b>{_NUM}))?"
    rf"\s?(?P<u>{_UNIT}){_UNIT_PER}(?![\w²³/])",
    gate="[0-9]",
)
def UNIT(m: re.Match[str], w: Work) -> str | None:
    unit = UNITS[m.group("u")]
    spoken = _minus(m) + spell_number(m.group("a"))
    if m.group("ua"):
        if UNITS[m.group("ua")] != unit:
            return None
        # "25°C – 33°C", "0.5m-3m": the unit is read on both sides of 'sampai'
        spoken += f" {unit}"
    if m.group("b"):
        spoken += " sampai " + spell_number(m.group("b"))
    return f"{spoken} {unit}{_per(m.group('per'), w)}"


# A counted noun per a time or quantity word: "40 orang/hari" -> empat puluh orang per hari.
@rule(
    "per-slash",
    r"(?<![\w.,])[0-9][0-9.,]*\s?[^\W\d_]{2,15}(?P<x>\s?/\s?)"
    r"(?=(?:hari|jam|bulan|tahun|minggu|pekan|detik|menit|orang|kapita|ekor|kg|liter)\b)",
    gate="[a-z]/[a-z]",
)
def PER_SLASH(m: re.Match[str], w: Work) -> str:
    return " per "


# Short scale letters without a currency sign: "hingga 5jt/hari", "ongkos 15 rb".
# A capital T glued to an amount is triliun in market copy: "volume transaksi 8,2T".
@rule(
    "short-scale",
    rf"(?<![\w.,])(?P<a>{_NUM})(?:\s?(?P<sa>jt|rb)\b\.?|(?P<st>T)\b(?!-))"
    rf"(?:\s?/\s?(?P<per>[^\W\d_]+))?",
    gate=r"[0-9]\s?(?:jt|rb)\b|[0-9]T\b",
)
def SHORT_SCALE(m: re.Match[str], w: Work) -> str:
    return _amount(m.group("a"), m.group("sa") or m.group("st")) + _per(m.group("per"), w)


_COMPASS = {
    "LS": "lintang selatan",
    "LU": "lintang utara",
    "BT": "bujur timur",
    "BB": "bujur barat",
}


# BMKG coordinates: "8.11 LS-107.87 BT" -> delapan koma satu satu lintang selatan, seratus ...
@rule(
    "coordinate",
    rf"(?<![\w.,])(?P<a>{_NUM})\s?°?\s?(?P<c>LS|LU|BT|BB)\b(?:\s?[-–,]\s?)?",
    gate=r"[0-9]\s?°?\s?(?:LS|LU|BT|BB)\b",
)
def COORDINATE(m: re.Match[str], w: Work) -> str:
    return f"{spell_number(m.group('a'))} {_COMPASS[m.group('c')]}"


# "2 x 24 jam": an x between two numbers is "kali" (3x alone is in the unit table).
@rule("times-sign", r"(?<=[0-9])\s?[x×]\s?(?=[0-9])", gate="[0-9]\\s?[x×]\\s?[0-9]")
def TIMES_SIGN(m: re.Match[str], w: Work) -> str:
    return "kali"


RULES: tuple[Rule, ...] = (
    CURRENCY,
    CURRENCY_AFTER,
    SHORT_SCALE,
    COORDINATE,
    PERCENT,
    PERMIL,
    MAGNITUDE,
    TIMES_SIGN,
    UNIT,
    PER_SLASH,
)
