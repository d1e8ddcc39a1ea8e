"""Split WRITTEN text into sentences for display and per-sentence synthesis.

A boundary is ``.``, ``?``, ``!`` or ``…`` (plus closing quotes/brackets) followed by whitespace
and a capital, digit or opening quote, unless the word before the dot is an abbreviation,
an initial or a title that never ends a sentence.
"""

from __future__ import annotations

import re

# Lower-cased, without the final dot. dll./dsb./dst./dkk. may end a sentence, so they are not here.
_NO_BREAK = frozenset(
    {
        "jl",
        "jln",
        "gg",
        "no",
        "nomor",
        "kab",
        "kec",
        "kel",
        "ds",
        "prov",
        "kota",
        "h",
        "hj",
        "dr",
        "drs",
        "dra",
        "drg",
        "prof",
        "ir",
        "ny",
        "tn",
        "sdr",
        "sdri",
        "bpk",
        "yth",
        "pk",
        "pkl",
        "tgl",
        "hlm",
        "hal",
        "telp",
        "tlp",
        "muh",
        "moch",
        "moh",
        "mochammad",
        "mr",
        "mrs",
        "st",
        "km",
        "rp",
        "a.n",
        "s.d",
        "u.p",
        "a.l",
        "k.h",
        "kh",
        "ust",
        "hm",
        "purn",
        "vol",
        "bid",
        "bag",
        "sp",
        "dk",
    }
)
_BOUNDARY = re.compile(r"(?:[.?!…]+|\.\.\.)[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_DEGREE = re.compile(r"^(?:[A-Z][a-zA-Z]{0,3}\.){2,}$")


def _is_abbreviation(before: str, after: str) -> bool:
    m = _LAST_WORD.search(before)
    if not m:
        return False
    word = m.group(1)
    low = word.lower()
    if low in _NO_BREAK or low.rstrip(".") in _NO_BREAK:
        return True
    if len(word) == 1 and word.isupper():  # an initial: M. Yusuf
        return True
    # A degree (S.H., M.Si.) only continues when another dotted token follows (S.H. M.H.).
    if _DEGREE.match(word + "."):
        nxt = after.lstrip().split(" ", 1)[0]
        return "." in nxt[:-1]
    return False


def split_sentences(text: str) -> list[str]:
    """Sentences as written, stripped, in order; never empty strings. Lines are boundaries too."""
    out: list[str] = []
    for line in text.splitlines():
        start = 0
        for m in _BOUNDARY.finditer(line):
            before = line[start : m.end()].rstrip("\"'”’)]")
            if before.endswith(".") and _is_abbreviation(before, line[m.end() :]):
                continue
            piece = line[start : m.end()].strip()
            if piece:
                out.append(piece)
            start = m.end()
        rest = line[start:].strip()
        if rest:
            out.append(rest)
    return out
