"""Normalise stage: written Indonesian news text -> what a newsreader says (lower-case words).

Rules are small pure functions run in the order of the rule catalogue (§0 of
``normalization-rules.md``); every finished span is protected from the later rules. The last pass
(``words.finish``) applies the lexicon, the acronym heuristic and lower-casing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bacakan.normalise import rules_datetime, rules_money, rules_numeric, rules_text
from bacakan.normalise.engine import PLACEHOLDER_RE, Change, Rule, Work
from bacakan.normalise.lexicon import Entry, Lexicon, load_lexicon
from bacakan.normalise.sentences import split_sentences
from bacakan.normalise.words import finish

__all__ = [
    "RULES",
    "Change",
    "Entry",
    "Lexicon",
    "explain",
    "load_lexicon",
    "normalise_text",
    "split_sentences",
]

RULES: tuple[Rule, ...] = (
    *rules_text.RULES,  # R1-R4 boilerplate, dateline, web addresses, age brackets
    *rules_datetime.RULES,  # R5-R6 dates, times
    *rules_money.RULES,  # R7-R9 currency, percent, units
    rules_text.SAMPAI_DENGAN,  # s/d after times and money ranges had their chance
    *rules_numeric.RULES,  # R10-R17, R21 ranges ... cardinals
)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped base lexicon, loaded once per process."""
    return load_lexicon()


# Unicode hyphens are the ASCII hyphen; an em dash glued between two digits ("5—7 km") is a
# range dash like the en dash (a spaced em dash stays a parenthetical pause).
_HYPHENS_RE = re.compile("[\u2010\u2011\u2212]")
_NUM_DASH_RE = re.compile("(?<=[0-9])\u2014(?=[0-9])")
# Letters of other scripts (Han, Arabic, Cyrillic …) cannot be read by the Indonesian voice.
_NON_LATIN_RE = re.compile("[^\x00-\x7f]+")
# "30o C", "32oC": a letter o glued to a temperature stands for the degree sign.
_DEGREE_O_RE = re.compile(r"(?<=[0-9])o ?C\b")


def _drop_non_latin(m: re.Match[str]) -> str:
    run = m.group()
    if not any(c.isalnum() for c in run):
        return run
    kept = "".join(c for c in run if not c.isalnum() or unicodedata.name(c, "").startswith("LATIN"))
    return kept if kept == run else f" {kept} "


# Vulgar fractions are words before NFKC turns them into digits ("1½" would become "11/2",
# "½ kg" a "2 kg" for the unit rule): "1½ tahun" -> satu setengah tahun (R17: 3 2/3 = tiga dua
# pertiga), "½ kg" -> setengah kg.
_VULGAR = {"½": "setengah", "¼": "seperempat", "¾": "tiga perempat", "⅓": "sepertiga"}
_VULGAR_RE = re.compile("[½¼¾⅓]")


def _prepare(text: str) -> str:
    if not text.isascii() and _VULGAR_RE.search(text):
        text = _VULGAR_RE.sub(lambda m: f" {_VULGAR[m.group()]} ", text)
    # NFKC folds full-width digits, superscripts (m² -> m2) and ligatures; accents are then
    # stripped so 'café' is read 'cafe'. Our placeholder code points are removed from input.
    text = unicodedata.normalize("NFKC", text).replace("⁄", "/")
    if "oC" in text or "o C" in text:
        text = _DEGREE_O_RE.sub("°C", text)
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
        text = PLACEHOLDER_RE.sub(" ", text)
        text = _NON_LATIN_RE.sub(_drop_non_latin, _HYPHENS_RE.sub("-", text))
        text = _NUM_DASH_RE.sub("–", text)
    return text


def _run(text: str, lexicon: Lexicon | None) -> tuple[list[str], list[Change]]:
    work = Work(_prepare(text), lexicon if lexicon is not None else default_lexicon())
    for r in RULES:
        r.apply(work)
    return finish(work)


def normalise_text(text: str, lexicon: Lexicon | None = None) -> str:
    """Written snippet -> spoken form: lower-case words separated by single spaces.

    No punctuation is kept except the hyphen in reduplications (``anak-anak``). Never raises
    on any str input; unknown symbols are dropped.
    """
    words, _ = _run(text, lexicon)
    return " ".join(" ".join(words).split())


def explain(text: str, lexicon: Lexicon | None = None) -> list[Change]:
    """Every change the normaliser makes, in reading order: written span, spoken form, and the
    rule name or lexicon entry (``file:line``) responsible. Pure lower-casing is not listed."""
    _, changes = _run(text, lexicon)
    return changes
