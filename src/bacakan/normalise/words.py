"""The last pass: every remaining token becomes lower-case words.

Lexicon first (the dictionary wins), then dotted abbreviations and degrees, then the ALL-CAPS
shape heuristic (spell what Indonesian syllables cannot pronounce), then plain lower-casing.
"""

from __future__ import annotations

import re

from bacakan.normalise.engine import PH_BASE, Change, Work
from bacakan.normalise.lexicon import LETTER_NAMES, Lexicon, spell_letters
from bacakan.normalise.numbers import integer

_C = "bcdfghjklmnpqrstvwxyz"
# Indonesian syllable: optional onset (single consonant or an allowed cluster), vowel(s),
# optional coda consonant not followed by a vowel (else it is the next onset).
_ONSET = rf"(?:ng|ny|kh|sy|bh|dh|str|[bkpgdft][rl]|s[tpk]|[{_C}])"
_CODA = rf"(?:ng|nk|[{_C}])(?![aeiou])"
_PRONOUNCEABLE = re.compile(rf"(?:{_ONSET}?[aeiou](?:{_CODA})?)+")

_SYMBOLS = {
    "&": "dan",
    "+": "plus",
    "=": "sama dengan",
    "±": "kurang lebih",
    "<": "kurang dari",
    ">": "lebih dari",
    "≤": "kurang dari atau sama dengan",
    "≥": "lebih dari atau sama dengan",
    "%": "persen",
    "°": "derajat",
    "@": "et",
    "$": "dolar",
    "€": "euro",
    "£": "pound",
    "×": "kali",
    "‰": "permil",
    "½": "setengah",
    "¼": "seperempat",
    "¾": "tiga perempat",
    "№": "nomor",
}

TOKEN_RE = re.compile(
    r"(?P<ph>[\U000f0000-\U000ffffd])"
    r"|(?P<dot>(?:[^\W\d_]{1,4}\.){2,}|[^\W\d_]{1,4}\.(?:[^\W\d_]{1,4}\.?)+)"
    r"|(?P<word>[^\W\d_]+(?:['’`][^\W\d_]+)*(?:-[^\W\d_]+(?:['’`][^\W\d_]+)*)*\.?)"
    r"|(?P<num>[0-9]+)"
    r"|(?P<sym>\S)"
)


def pronounceable(word: str) -> bool:
    return _PRONOUNCEABLE.fullmatch(word.lower()) is not None


def _letters_only(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha())


_GLUED_CAPS_RE = re.compile(r"([A-Z]{2,})([A-Z][a-z]{3,})")


def speak_simple(token: str, lexicon: Lexicon) -> tuple[str, str | None]:
    """One word without hyphens -> (spoken, source of the decision or None for plain lower-case)."""
    entry = lexicon.lookup(token)
    if entry is None and token.endswith("."):
        token = token[:-1]
        entry = lexicon.lookup(token)
    if entry is not None:
        return entry.spoken, entry.source
    if not token:
        return "", None
    letters = token.replace("'", "").replace("’", "").replace("`", "")
    if len(letters) == 1:
        low = letters.lower()
        return LETTER_NAMES.get(low, _letters_only(low)), "letter"
    if letters.isupper() and letters.isascii():
        if len(letters) <= 3 or not pronounceable(letters):
            return spell_letters(letters), "acronym-spelled"
        return letters.lower(), None
    # e.g. MTsN, SMPN3: two leading capitals and no vowel pattern -> letters
    if letters[:2].isupper() and letters.isascii() and not pronounceable(letters):
        # an initialism glued to a capitalised word: BPJamsostek -> be pe jamsostek
        glued = _GLUED_CAPS_RE.fullmatch(letters)
        if glued is not None:
            head = speak_simple(glued.group(1), lexicon)[0]
            return f"{head} {speak_simple(glued.group(2), lexicon)[0]}", "acronym-spelled"
        return spell_letters(letters), "acronym-spelled"
    return _letters_only(letters), None


_GLUED_TITLES = {
    t.rstrip("."): t for t in ("Prof.", "Dr.", "Ir.", "Drs.", "Dra.", "dr.", "drg.", "Hj.")
} | {"DR": "Dr.", "PROF": "Prof."}


def speak_dotted(token: str, lexicon: Lexicon) -> tuple[str, str | None]:
    """S.H. -> es ha, M.Si. -> em si, a.n. (lexicon) -> atas nama."""
    entry = (
        lexicon.lookup(token) or lexicon.lookup(token.rstrip(".")) or lexicon.lookup(token + ".")
    )
    if entry is not None:
        return entry.spoken, entry.source
    parts = [p for p in token.split(".") if p]
    out: list[str] = []
    # glued titles before a name or a degree: Prof.Dr.Ir. -> profesor doktor insinyur
    while parts and parts[0] in _GLUED_TITLES:
        title = lexicon.lookup(_GLUED_TITLES[parts.pop(0)])
        if title is not None:
            out.append(title.spoken)
    if out and parts and parts[0] == "H":  # Drs.H.Ahmad: H. after a title is haji
        haji = lexicon.lookup(parts.pop(0) + ".")
        if haji is not None:
            out.append(haji.spoken)
    for p in parts:
        # an all-caps code of two or three letters is spelled: Sp.OT, Sp.KK, S.KM, M.AP
        if len(p) == 1 or not pronounceable(p) or (p.isupper() and len(p) <= 3):
            out.append(spell_letters(p))
        else:
            out.append(p.lower())
    return " ".join(out), "dotted-abbreviation"


# Written with a hyphen before a capital: se-Kabupaten, pasca-Pemilu, non-Muslim.
_AFFIXES = frozenset({"se", "ke", "non", "pra", "pasca", "antar", "anti", "eks", "sub", "semi"})


def _keep_hyphen(parts: list[str], spoken: list[str]) -> bool:
    """Reduplication and lower-case compounds keep the hyphen (anak-anak, bolak-balik)."""
    if any(s != p.lower() or not s for p, s in zip(parts, spoken, strict=True)):
        return False
    low = [p.lower() for p in parts]
    if all(p.islower() for p in parts) or low[0] in _AFFIXES:
        return True
    a, b = low[0], low[-1]
    return a == b or a.endswith(b) or b.startswith(a) or a in b


_MEMO_LIMIT = 50_000


def speak_word(token: str, lexicon: Lexicon) -> tuple[str, str | None]:
    """Memoised per lexicon: news text repeats the same few thousand words."""
    memo = lexicon.memo
    hit = memo.get(token)
    if hit is None:
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        hit = memo[token] = _speak_word(token, lexicon)
    return hit


def _speak_word(token: str, lexicon: Lexicon) -> tuple[str, str | None]:
    if "-" not in token:
        return speak_simple(token, lexicon)
    entry = lexicon.lookup(token) or lexicon.lookup(token.rstrip("."))
    if entry is not None:
        return entry.spoken, entry.source
    parts = [p for p in token.rstrip(".").split("-") if p]
    results = [speak_simple(p, lexicon) for p in parts]
    spoken = [s for s, _ in results]
    sources = [src for _, src in results if src]
    joiner = "-" if _keep_hyphen(parts, spoken) else " "
    return joiner.join(s for s in spoken if s), (sources[0] if sources else None)


def speak_text(text: str, lexicon: Lexicon) -> str:
    """Speak a short raw snippet (used by rules for hashtag words, URL labels, names)."""
    return " ".join(s for s, _ in _speak_tokens(text, lexicon) if s)


def _speak_tokens(text: str, lexicon: Lexicon) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup
        tok = m.group()
        if kind == "word":
            out.append(speak_word(tok, lexicon))
        elif kind == "dot":
            out.append(speak_dotted(tok, lexicon))
        elif kind == "num":
            out.append((integer(tok), "cardinal"))
        elif kind == "sym":
            sym = _SYMBOLS.get(tok)
            if sym is not None:
                out.append((sym, "symbol"))
    return out


_LOWER_RE = re.compile("[a-z]")
_CAPS_WORD_RE = re.compile(r"\b[A-Z]{3,}\b")


def shouting(text: str) -> bool:
    """A line written in capitals throughout (a shouting headline): no lower-case letter and at
    least three capitalised words of three letters or more."""
    return _LOWER_RE.search(text) is None and len(_CAPS_WORD_RE.findall(text)) >= 3


def _speak_shouted_part(part: str, lexicon: Lexicon) -> str:
    if lexicon.lookup(part) is not None or not part.isalpha() or not part.isascii():
        return speak_word(part, lexicon)[0]
    # Outside the dictionary a shouted word is a word (DI, TEMBUS, STRUKTUR); only a token
    # with at most one vowel and no Indonesian syllable shape is an initialism (BPKAD, DPRD).
    vowels = sum(c in "AEIOU" for c in part)
    if pronounceable(part) or vowels >= 2:
        return part.lower()
    return spell_letters(part)


def speak_shouted(token: str, lexicon: Lexicon) -> tuple[str, str | None]:
    """A word in a shouting headline: the lexicon still wins, the rest is read as words."""
    entry = lexicon.lookup(token) or lexicon.lookup(token.rstrip("."))
    if entry is not None:
        return entry.spoken, entry.source
    parts = [p for p in token.rstrip(".").split("-") if p]
    return " ".join(_speak_shouted_part(p, lexicon) for p in parts), "shouting"


def finish(work: Work) -> tuple[list[str], list[Change]]:
    """Turn the worked text into spoken words, and the list of changes in reading order."""
    words: list[str] = []
    changes: list[Change] = []
    lexicon = work.lexicon
    shout = shouting(work.text)
    for m in TOKEN_RE.finditer(work.text):
        kind = m.lastgroup
        tok = m.group()
        if kind == "ph":
            change = work.changes[ord(tok) - PH_BASE]
            if change.spoken:
                words.append(change.spoken)
            changes.append(change)
            continue
        if kind == "word":
            if shout and tok.isupper():
                spoken, source = speak_shouted(tok, lexicon)
            else:
                spoken, source = speak_word(tok, lexicon)
        elif kind == "dot":
            spoken, source = speak_dotted(tok, lexicon)
        elif kind == "num":
            spoken, source = integer(tok), "cardinal"
        else:
            sym = _SYMBOLS.get(tok)
            if sym is None:
                continue
            spoken, source = sym, "symbol"
        if spoken:
            words.append(spoken)
        if source is not None and spoken != tok.lower():
            changes.append(Change(tok, spoken, source))
    return words, changes
