"""R1-R4: boilerplate and credits, dateline, URLs/e-mails/hashtags/handles, special brackets."""

from __future__ import annotations

import re

from bacakan.normalise.engine import PH_BASE, Rule, Work, const, rule
from bacakan.normalise.lexicon import spell_letters
from bacakan.normalise.numbers import cardinal, digits
from bacakan.normalise.words import pronounceable, speak_text

_LINE = re.M | re.I

SHARE_LINE = const(
    "boilerplate-share",
    r"^[ \t]*(?:(?:Facebook|Twitter|X|WhatsApp|Telegram|Share|Bagikan|Copy link|Salin tautan"
    r"|LinkedIn"
    r"|Pinterest|Line|E-?mail|Print|Cetak)[ \t]*)+$",
    "",
    _LINE,
    # anchored like the rule: a share line starts with a share word (fails fast mid-line)
    gate=r"(?im)^[ \t]*(?:facebook|twitter|x|whatsapp|telegram|share|bagikan|copy|salin|linkedin"
    r"|pinterest|line|e-?mail|print|cetak)\b",
)
_CREDIT_WORDS = 8


@rule(
    "boilerplate-line",
    r"(?im)^[ \t]*(?:Scroll to Top|Advertisement|Iklan|Tags?[ \t]*:.*|Baca[ \t]+Juga[ \t]*:.*"
    r"|Foto[ \t]*:.*"
    r"|(?P<label>Editor|Penulis|Pewarta|Reporter|Redaktur|Sumber|Penyunting)[ \t]*:(?P<rest>.*))$",
    gate=r"(?im)^[ \t]*(?:scroll|advert|iklan|tag|baca|editor|penulis|pewarta|reporter|redaktur"
    r"|sumber|foto|penyunting)",
)
def META_LINE(m: re.Match[str], w: Work) -> str | None:
    # A credit is a name or an office ("Sumber: Biro Adpim Setdaprov Kalsel", several joined by
    # '|'); a long line after "Sumber:" is a body sentence ("Sumber: warga mengatakan api …").
    rest = m.group("rest")
    if rest is not None and any(len(p.split()) > _CREDIT_WORDS for p in rest.split("|")):
        return None
    return ""


CAPTION_CREDIT = const(
    "caption-credit", r"\((?:Foto|Dok|Ilustrasi|Sumber|Photo)\s*[:.][^)]*\)", "", re.I, gate=r"\("
)


@rule(
    "credit",
    r"\((?P<c>[a-z]{2,}[0-9]*(?:[/-][a-z0-9]+)*)\)(?=[ \t]*(?:$|\n))"
    # a reporter's name or initials after the last full stop: "... di rumah. (Iren)"
    r"|(?<=[.!?\"”’])[ \t]*\((?P<n>[A-Z][A-Za-z]{1,11}(?:/[A-Za-z]{2,12})*)\)(?=[ \t]*(?:$|\n))",
    gate="\\(",
)
def CREDIT(m: re.Match[str], w: Work) -> str | None:
    # (ha) or (kg) right after a number is a unit gloss, not a credit.
    c = m.group("c")
    if c is not None and "/" not in c and re.search(r"[0-9]\s*$", m.string[: m.start()]):
        return None
    return ""


_CITY = r"(?P<city>[A-Z][A-Z'’]+(?:[ .-][A-Z][A-Z'’]+)*)"
_DOMAIN = r"[\w.-]+\.(?:co\.id|com|id|net|org|news)"


def _city(m: re.Match[str], w: Work) -> str:
    return m.group("city").lower().replace("-", " ").replace(".", " ")


@rule("dateline", rf"^\s*{_DOMAIN},?\s*{_CITY}\s*[-–—]+\s*")
def DATELINE_A(m: re.Match[str], w: Work) -> str:
    return _city(m, w)


@rule("dateline", rf"^\s*{_CITY}\s*,\s*{_DOMAIN}\s*[-–—]+\s*")
def DATELINE_B(m: re.Match[str], w: Work) -> str:
    return _city(m, w)


@rule("dateline", rf"^\s*{_CITY}\s*\((?:ANTARA|Antara|ANT|KOMPAS\.com|[A-Z][\w.]+)\)\s*[-–—]+\s*")
def DATELINE_C(m: re.Match[str], w: Work) -> str:
    return _city(m, w)


# "Sukabumi, Jabar (ANTARA) -": an agency dateline written in title case; the agency is not read.
@rule(
    "dateline",
    r"^\s*(?P<city>[A-Z][\w'’.]*(?:[ ,]+[A-Z][\w'’.]*){0,3})"
    r"\s*\((?:ANTARA|Antara|ANT)\)\s*[-–—]+\s*",
    gate=r"\((?:ANTARA|Antara|ANT)\)",
)
def DATELINE_D(m: re.Match[str], w: Work) -> str:
    return m.group("city").lower().replace(",", " ").replace(".", " ")


def _label(label: str, w: Work) -> str:
    """A domain label: known initialisms spelled (kpu), country code id -> i de, else a word."""
    if label == "id":
        return "i de"
    if label == "www":
        return "we we we"
    entry = w.lexicon.lookup(label.upper())
    if entry is not None and entry.mode == "spell":
        return entry.spoken
    parts = re.findall(r"[^\W\d_]+|[0-9]+", label)
    return " ".join(
        digits(p)
        if p.isdigit()
        else spell_letters(p)
        if len(p) <= 8 and sum(c in "aeiou" for c in p) <= 1 and not pronounceable(p)
        # bkn, sscasn, jdih: an unlisted initialism (gmail, with two vowels, is a word)
        else p.lower()
        for p in parts
    )


def _host(host: str, w: Work) -> str:
    return " titik ".join(_label(lbl, w) for lbl in host.split(".") if lbl)


_URL_END = r"(?<![.,;:!?)\]’”'\"])"


@rule("url", rf"(?i)\b(?:https?://|www\.)[^\s<>\"“”()\[\]]+{_URL_END}", gate="(?i)http|www\\.")
def URL(m: re.Match[str], w: Work) -> str:
    url = re.sub(r"(?i)^https?://", "", m.group())
    url = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    host, _, path = url.partition("/")
    spoken = [_host(host.lower(), w)]
    for seg in path.split("/"):
        if seg:
            spoken.append(
                "garis miring " + speak_text(seg.replace("-", " ").replace("_", " "), w.lexicon)
            )
    return " ".join(spoken)


@rule("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", gate="@")
def EMAIL(m: re.Match[str], w: Work) -> str:
    local, _, host = m.group().partition("@")
    local_spoken = " titik ".join(
        speak_text(p.replace("_", " ").replace("-", " "), w.lexicon) for p in local.split(".") if p
    )
    return f"{local_spoken} et {_host(host.lower(), w)}"


@rule(
    "domain",
    r"(?i)\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:co\.id|go\.id|ac\.id|or\.id|sch\.id|com|net|org|id)\b(?![\w-])",
    gate="(?i)\\.(?:co|go|ac|or|sch|com|net|org|id)\\b",
)
def DOMAIN(m: re.Match[str], w: Work) -> str:
    return _host(m.group().lower(), w)


def _split_tag(tag: str, w: Work) -> str:
    parts = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[^\W\d_]+", tag)
    return " ".join(
        cardinal(int(p)) if p.isdigit() and len(p) < 16 else speak_text(p, w.lexicon) for p in parts
    )


@rule("hashtag", r"(?i:\btagar\s+)?#(?P<t>\w+)", gate="#")
def HASHTAG(m: re.Match[str], w: Work) -> str:
    return "tagar " + _split_tag(m.group("t"), w)


@rule("handle", r"(?<![\w.])@(?P<t>\w+)", gate="@")
def HANDLE(m: re.Match[str], w: Work) -> str:
    return "et " + " ".join(_split_tag(p, w) for p in m.group("t").split("_") if p)


# Age after a name or suspect's initials: "Faisal (37)" / "HN (23)".
@rule(
    "age",
    r"\b(?!(?:Ayat|Pasal|Huruf|Angka|Butir|Poin|Nomor|No|Tahap|Bab|Lampiran)\b)(?:[A-Z][\w.'’]*|\b[A-Z]{1,4})\s*(?P<x>\((?P<n>[0-9]{1,3})\))",
    gate="\\([0-9]{1,3}\\)",
)
def AGE(m: re.Match[str], w: Work) -> str:
    n = cardinal(int(m.group("n")))
    # Standings: "di bawah Jepang (20), Australia (16)" near 'poin' are points, not ages.
    window = m.string[max(0, m.start() - 160) : m.end() + 160]
    if _STANDINGS.search(window):
        return n
    return f"{n} tahun"


_STANDINGS = re.compile(r"(?i)\b(?:poin|klasemen)\b[^.!?]*\([0-9]{1,3}\)[^.!?]*\([0-9]{1,3}\)")


# Initials like "pelaku berinisial HN" must not be read as a word even when pronounceable,
# nor as a dictionary title ("berinisial HM" is not "haji muhammad").
@rule("initials", r"(?<=inisial )(?P<x>[A-Z]{2,4})\b", gate="inisial")
def INITIALS(m: re.Match[str], w: Work) -> str:
    return spell_letters(m.group("x"))


# Capitals before an age bracket are a person's initials, even when the dictionary knows them
# as a title: "HM (58) dan KH (40)" -> ha em ..., ka ha ... (not haji muhammad, kiai haji).
@rule(
    "initials",
    r"(?<![\w.])(?P<x>[A-Z]{2,3})(?=\s*(?P<ph>[\U000f0000-\U000ffffd]))",
    gate="[A-Z]{2}\\s*[\U000f0000-\U000ffffd]",
)
def INITIALS_AGE(m: re.Match[str], w: Work) -> str | None:
    if w.changes[ord(m.group("ph")) - PH_BASE].rule != "age":
        return None
    return spell_letters(m.group("x"))


# "H" without its dot before a name is haji, as "H." is (R18): regional copy writes "Bupati
# Banjar H Saidi Mansyur". Not after a word that names a letter (Blok H, Kelas H, huruf H).
@rule("haji", r"(?<![\w.'’-])(?P<x>H)(?= [A-Z][a-z]{2,})", gate=r"\bH [A-Z][a-z]")
def HAJI(m: re.Match[str], w: Work) -> str | None:
    before = m.string[max(0, m.start() - 12) : m.start()].split()
    if before and before[-1].lower().strip(".,") in _LETTER_NOUNS:
        return None
    return "haji"


_LETTER_NOUNS = frozenset(
    "blok kelas tipe gedung ruang grup zona jalur pintu huruf nomor no paket vitamin lantai"
    " golongan kategori seri sektor pos gerbang terminal kode inisial berinisial".split()
)


# Official prose writes a number twice, digits and words: "paling lama 24 (dua puluh empat)
# bulan", "sebanyak lima (5) orang", "... tiga ratus ribu rupiah (Rp. 48.300.000)". A newsreader
# says it once, so the bracketed repeat is dropped.
_NUMWORD = (
    r"(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu"
    r"|belas|puluh|ratus|ribu|juta|miliar|milyar|triliun|koma|setengah|rupiah|persen)"
)


@rule(
    "number-gloss",
    rf"(?<=[0-9%])\s*\((?i:\s*{_NUMWORD}(?:[\s-]+{_NUMWORD})*\s*)\)"
    rf"|(?i:\b{_NUMWORD})(?P<x>\s*\((?:Rp\.?\s?)?[0-9][0-9.,]*(?:,-)?\s?(?:%|persen)?\))",
    gate=r"[0-9%]\s*\([a-zA-Z]|[a-z]\s*\((?:Rp|[0-9])",
)
def NUMBER_GLOSS(m: re.Match[str], w: Work) -> str:
    return ""


# s/d is one abbreviation (sampai dengan); the slash would otherwise split it into letters.
SAMPAI_DENGAN = const("abbreviation", r"(?<![\w/])[sS]\s?/\s?[dD]\b\.?", "sampai dengan", gate="/")

RULES: tuple[Rule, ...] = (
    SHARE_LINE,
    META_LINE,
    CAPTION_CREDIT,
    CREDIT,
    DATELINE_A,
    DATELINE_B,
    DATELINE_C,
    DATELINE_D,
    URL,
    EMAIL,
    HASHTAG,
    HANDLE,
    DOMAIN,
    NUMBER_GLOSS,
    AGE,
    INITIALS,
    INITIALS_AGE,
    HAJI,
)
