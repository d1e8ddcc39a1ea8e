"""Indonesian number speller (KBBI forms, lokal-id style).

num2words gets ``1.001.000`` wrong ("satu juta satu ribu"); this speller says ``seribu`` only when
the thousands group is exactly 1, ``satu juta`` / ``satu miliar`` / ``satu triliun`` otherwise.
"""

from __future__ import annotations

import re

DIGITS: tuple[str, ...] = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
)
_SCALES: tuple[tuple[int, str], ...] = (
    (10**12, "triliun"),
    (10**9, "miliar"),
    (10**6, "juta"),
    (10**3, "ribu"),
)
# Past 999 triliun a newsreader reads the digits (NIK, account numbers) unless the number is
# written with thousands dots: an amount such as Rp8.041.010.000.000.000 is "ribu triliun".
MAX_CARDINAL = 10**15 - 1
MAX_GROUPED = 10**18 - 1

# An Indonesian-style number: dot thousands (1.500.000), comma decimals (2,5), or an
# English-style decimal with 1-2 digits after the dot (1.5) when no thousands group fits.
NUMBER = (
    r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?(?![0-9]|\.[0-9])"
    r"|[0-9]+\.[0-9]{1,2}(?![0-9]|\.[0-9])"
    r"|[0-9]+(?:,[0-9]+)?"
)
NUMBER_RE = re.compile(NUMBER)
_THOUSANDS_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")


def digits(text: str) -> str:
    """Digit by digit: '0812' -> 'nol delapan satu dua'. Non-digits are skipped."""
    return " ".join(DIGITS[ord(c) - 48] for c in text if "0" <= c <= "9")


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts: list[str] = []
    if hundreds:
        parts.append("seratus" if hundreds == 1 else f"{DIGITS[hundreds]} ratus")
    if rest:
        if rest < 10:
            parts.append(DIGITS[rest])
        elif rest == 10:
            parts.append("sepuluh")
        elif rest == 11:
            parts.append("sebelas")
        elif rest < 20:
            parts.append(f"{DIGITS[rest - 10]} belas")
        else:
            tens, units = divmod(rest, 10)
            parts.append(f"{DIGITS[tens]} puluh" + (f" {DIGITS[units]}" if units else ""))
    return " ".join(parts)


def cardinal(n: int, limit: int = MAX_CARDINAL) -> str:
    """0 -> 'nol', 1000 -> 'seribu', 1_001_000 -> 'satu juta seribu'; past ``limit`` -> digits.

    From 10**15 (allowed by a larger ``limit``) the triliun count is itself a number:
    8_041_010_000_000_000 -> 'delapan ribu empat puluh satu triliun sepuluh miliar'."""
    if n < 0:
        return "minus " + cardinal(-n, limit)
    if n == 0:
        return "nol"
    if n > limit:
        return digits(str(n))
    if n > MAX_CARDINAL:
        high, rest = divmod(n, 10**12)
        return f"{cardinal(high)} triliun" + (f" {cardinal(rest)}" if rest else "")
    parts: list[str] = []
    for value, name in _SCALES:
        group, n = divmod(n, value)
        if group:
            parts.append(
                "seribu" if value == 1000 and group == 1 else f"{_below_thousand(group)} {name}"
            )
    if n:
        parts.append(_below_thousand(n))
    return " ".join(parts)


def ordinal(n: int) -> str:
    """1 -> 'pertama', 2 -> 'kedua', 17 -> 'ketujuh belas', 100 -> 'keseratus'."""
    if n == 1:
        return "pertama"
    return "ke" + cardinal(n)


def integer(text: str) -> str:
    """A digit string: leading zeros and over-long runs are read digit by digit."""
    if len(text) > 1 and text[0] == "0":
        return digits(text)
    if len(text) > 15:
        return digits(text)
    return cardinal(int(text))


def spell_number(text: str, *, money: bool = False) -> str:
    """Spell one NUMBER match: '1.500' -> 'seribu lima ratus', '2,75' -> 'dua koma tujuh lima'.

    ``money`` drops a written ``,00`` / ``,-`` (sen are not read on air).
    """
    text = text.rstrip(",-")
    if _THOUSANDS_RE.fullmatch(text):
        whole, _, frac = text.partition(",")
        whole = whole.replace(".", "")
        if len(whole) > 18:
            return digits(whole + frac)
        spoken = cardinal(int(whole), MAX_GROUPED)
    elif "," in text or "." in text:
        whole, _, frac = text.replace(".", ",").partition(",")
        spoken = integer(whole)
    else:
        return integer(text)
    if money and frac.strip("0") == "":
        return spoken
    if frac:
        spoken += " koma " + digits(frac)
    return spoken


def number_value(text: str) -> float:
    """The numeric value of a NUMBER match (for validity checks such as day <= 31)."""
    text = text.rstrip(",-")
    if _THOUSANDS_RE.fullmatch(text):
        text = text.replace(".", "")
    return float(text.replace(",", "."))
