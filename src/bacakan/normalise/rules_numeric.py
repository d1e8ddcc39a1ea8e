"""R10-R17 and R21: ranges and scores, ordinals, Roman numerals, digit strings, legal references,
years, fractions, reduplication and finally plain cardinals (whatever numbers are left)."""

from __future__ import annotations

import re

from bacakan.normalise.data import table
from bacakan.normalise.engine import Rule, Work, const, rule
from bacakan.normalise.lexicon import LETTER_NAMES
from bacakan.normalise.numbers import NUMBER, cardinal, digits, integer, ordinal, spell_number

_NUM = rf"(?:{NUMBER})"
ROMAN_CONTEXTS = table("roman_contexts.tsv")
_ROMAN = r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
# Two or more of I, V, X outside a listed context (never an initial or a word such as MIX, DI).
_PLAIN_ROMAN = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_SCORE_WORDS = re.compile(
    r"(?i)\b(?:skor|menang|kalah|unggul|imbang|ditahan|kedudukan|tertinggal|hasil akhir|membantai"
    r"|mengalahkan|menaklukkan|dikalahkan|ditaklukkan|menundukkan|takluk|bermain|berakhir"
    r"|kalahkan|taklukkan|tundukkan|bantai|(?:me)?tekuk|ditekuk|(?:mem)?bungkam|dibungkam"
    r"|(?:me)?libas|dilibas|(?:menum|tum)bangkan|ditumbangkan|(?:meng)?gilas|digilas"
    r"|(?:mem)?benamkan|dibenamkan|(?:meng)?hajar|dihajar|agregat|versus|vs"
    r"|kemenangan|kekalahan|keunggulan|tumbang|(?:meng)?gasak|digasak|tersungkur)\b[^.;!?]{0,40}$"
)
_MONARCH_TITLE = re.compile(
    r"(?i)\b(?:sultan|raja|ratu|paus|kaisar|pangeran|sri)\b(?:\s+[A-Z][\w-]*){1,3}\s+$"
)


def roman_value(text: str) -> int:
    total = 0
    for ch, nxt in zip(text, [*text[1:], ""], strict=True):
        v = _ROMAN_VALUES[ch]
        total += -v if nxt and _ROMAN_VALUES[nxt] > v else v
    return total


@rule(
    "year-hijri",
    r"\b(?:(?P<y>1[34][0-9]{2})\s?(?P<e>H)|(?P<y2>1[5-9][0-9]{2}|20[0-9]{2})\s?(?P<e2>M))\b"
    r"(?!\.\s?[A-Z])",
    gate="[0-9]{4}\\s?[HM]\\b",
)
def YEAR_ERA(m: re.Match[str], w: Work) -> str:
    # 1445 H is a Hijri year; M after a Gregorian year (1445 H/2024 M) is masehi
    if m.group("e"):
        return f"{cardinal(int(m.group('y')))} hijriah"
    return f"{cardinal(int(m.group('y2')))} masehi"


@rule(
    "academic-year",
    r"\b(?P<a>(?:19|20)[0-9]{2})\s?/\s?(?P<b>(?:19|20)[0-9]{2})\b",
    gate="[0-9]{4}\\s?/",
)
def ACADEMIC_YEAR(m: re.Match[str], w: Work) -> str:
    return f"{cardinal(int(m.group('a')))} {cardinal(int(m.group('b')))}"


# "No. 4/2021", "UU 6/2023", "Perbup Nomor 12/2020": the slash before a year is "tahun".
@rule(
    "legal-number",
    r"(?i:\b(?:No\.?|Nomor|Nomer|UU|PP|Perpu|Perppu|Perda|Perbup|Pergub|Perwali|Perpres|Permen\w*"
    r"|Kepmen\w*|Keppres|Inpres|PKPU|Perkap|Perpol|SE)\s*)(?P<x>(?P<n>[0-9]{1,4})\s*/\s*(?P<y>(?:19|20)[0-9]{2}))\b",
    gate=r"[0-9]\s*/\s*[12][0-9]{3}",
)
def LEGAL(m: re.Match[str], w: Work) -> str:
    return f"{integer(m.group('n'))} tahun {cardinal(int(m.group('y')))}"


# Military unit codes are read digit by digit: Kodim 1002/Barabai, Yonif 623.
@rule(
    "military-unit-code",
    r"(?i:\b(?:Kodim|Dandim|Makodim|Koramil|Danramil|Yonif|Danyon|Yon|Brigif|Yonkav|Yonarmed|Yonzipur|Denpom|Yonmarhanlan)\s+)(?P<x>[0-9]{3,4}(?:-[0-9]{2})?)\b",
    gate=r"[a-zA-Z] [0-9]{3}",
)
def MILITARY(m: re.Match[str], w: Work) -> str:
    return digits(m.group("x"))


# After a house or block word, H-11 is an address (Blok H-11, Kavling H-3): letter, number.
_ADDRESS_BEFORE = re.compile(
    r"(?i)\b(?:blok|kavling|kav\.?|no\.?|nomor|gedung|tower|lantai|ruang|kamar|unit|tipe)\s*$"
)


# An aircraft type is a model name, not a range: "Boeing 737-800" -> boeing tujuh tiga tujuh
# delapan ratus (Boeing's 7x7 family is said digit by digit), "ATR 72-600" -> a te er tujuh
# puluh dua enam ratus.
@rule(
    "aircraft",
    r"\b(?P<maker>Boeing|Airbus|ATR|Bombardier|Embraer|CN|CASA|Cessna)\s+(?P<x>(?P<a>[0-9]{2,3})"
    r"(?:[-–](?P<b>[0-9]{2,4}))?\b)(?![.,][0-9])",
    gate="Boeing|Airbus|ATR|Bombardier|Embraer|CN|CASA|Cessna",
)
def AIRCRAFT(m: re.Match[str], w: Work) -> str | None:
    a, b = m.group("a"), m.group("b")
    boeing = m.group("maker") == "Boeing" and re.fullmatch("7[0-9]7", a) is not None
    if not b and not boeing:
        return None
    first = digits(a) if boeing else cardinal(int(a))
    return f"{first} {cardinal(int(b))}" if b else first


@rule("h-day", r"\bH\s?(?P<s>[-+–])\s?(?P<n>[0-9]{1,3})\b", gate=r"H\s?[-+–]")
def H_DAY(m: re.Match[str], w: Work) -> str:
    if m.group("s") != "+" and _ADDRESS_BEFORE.search(m.string, 0, m.start()):
        return f"ha {cardinal(int(m.group('n')))}"
    sign = "plus" if m.group("s") == "+" else "min"
    return f"ha {sign} {cardinal(int(m.group('n')))}"


# In a criminal-code citation ke-N numbers a clause: "ayat (1) ke-1", "ke-4 KUHP".
_LEGAL_KE_BEFORE = re.compile(r"(?i)\bayat\s*(?:\(\s*[0-9]+\s*\)|[0-9]+|[^\s\w]+)\s*$")
_LEGAL_KE_AFTER = re.compile(r"\s*(?:KUHP|KUHAP|KUHPidana|KUHPerdata)\b")


@rule(
    "ordinal",
    rf"\b[Kk][Ee]-(?:(?P<n>[0-9]{{1,3}}(?:\.[0-9]{{3}})+(?![.,]?[0-9])|[0-9]+)|(?P<r>{_ROMAN}))\b",
    gate="[Kk][Ee]-",
)
def ORDINAL(m: re.Match[str], w: Work) -> str | None:
    if m.group("n") is not None:
        digits_only = m.group("n").replace(".", "")  # ke-1.000 -> keseribu
        if len(digits_only) > 15:
            return None
        n = int(digits_only)
        if _LEGAL_KE_BEFORE.search(m.string, 0, m.start()) or _LEGAL_KE_AFTER.match(
            m.string, m.end()
        ):
            return f"ke {cardinal(n)}"  # Pasal 55 ayat (1) ke-1 KUHP: 'ke satu' (R14)
        return ordinal(n)
    return ordinal(roman_value(m.group("r"))) if m.group("r") else None


@rule("suffix-an", rf"(?<![\w.,])(?P<a>{_NUM})-?an\b", gate=r"[0-9]-?an\b")
def SUFFIX_AN(m: re.Match[str], w: Work) -> str:
    return spell_number(m.group("a")) + "an"


@rule(
    "range-or-score",
    rf"(?<![\w.,/-])(?P<a>{_NUM})\s?[-–]\s?(?P<b>{_NUM})(?![\w]|[-/][0-9])",
    gate="[0-9]\\s?[-–]\\s?[0-9]",
)
def RANGE(m: re.Match[str], w: Work) -> str:
    before = m.string[: m.start()]
    after = m.string[m.end() :]
    a, b = spell_number(m.group("a")), spell_number(m.group("b"))
    team_before = re.search(r"\b[A-Z][\w]*\s*$", before) is not None
    team_after = re.match(r"\s*[A-Z][a-z]", after) is not None
    if _SCORE_WORDS.search(before) or (team_before and team_after):
        return f"{a} {b}"
    return f"{a} sampai {b}"


@rule(
    "roman",
    rf"\b(?P<ctx>[A-Za-z]+)\.?\s+(?P<x>(?P<r>{_ROMAN})(?:/(?P<sub>[a-eA-E])\b|/(?=[A-Z]))?)(?![\w'’])",
    gate="\\b[IVXLCDM]+\\b",
)
def ROMAN(m: re.Match[str], w: Work) -> str | None:
    if m.group("r") in ("C", "D", "L", "M"):
        return None  # Blok C, RSUD tipe C, paket C, golongan C: a letter, not 100/500/50/1000
    ctx = m.group("ctx").lower()
    reading = ROMAN_CONTEXTS.get(ctx)
    before = m.string[: m.start()]
    if ctx == "dunia" and re.search(r"(?i)\bperang\s+$", before):
        reading = "ordinal"
    elif ctx == "alam" and re.search(r"(?i)\bpaku\s+$", before):
        reading = "ordinal"
    elif reading is None and re.search(r"(?i)\bdapil\s+$", before):
        reading = "cardinal"  # Dapil Balangan I
    elif (
        reading is None
        and ctx[0].isupper()
        and _MONARCH_TITLE.search(before + m.group("ctx") + " ")
    ):
        reading = "ordinal"
    if (
        reading is None
        and m.group("ctx")[:1].isupper()
        and _MONARCH_TITLE.search(before + m.group("ctx") + " ")
    ):
        reading = "ordinal"
    if reading is None and _PLAIN_ROMAN.fullmatch(m.group("r")):
        reading = "cardinal"  # Gg. Mawar II, Perumahan Griya III: letters 'i i' are never said
    if reading is None:
        return None
    value = roman_value(m.group("r"))
    spoken = ordinal(value) if reading == "ordinal" else cardinal(value)
    if m.group("sub"):
        spoken += " " + LETTER_NAMES[m.group("sub").lower()]  # golongan IV/b -> empat be
    return spoken


# A civil-service grade (golongan I-IV with a sub-grade a-e) needs no context word, bracketed or
# not: "Penata Tk. I (III/d)" -> ... tiga de, "Pembina IV/a" -> pembina empat a.
@rule(
    "roman",
    r"(?<![\w/])\(?(?P<r>I{1,3}|IV)/(?P<sub>[a-e])\b\)?(?!/)",
    gate="[IV]/[a-e]",
)
def ROMAN_GRADE(m: re.Match[str], w: Work) -> str:
    return f"{cardinal(roman_value(m.group('r')))} {LETTER_NAMES[m.group('sub')]}"


# A Roman numeral inside a register or case number, after a code and a hyphen and before the
# year: "Nomor 90/PUU-XXI/2023" -> ... pe u u dua puluh satu dua ribu dua puluh tiga.
@rule("roman", rf"(?<=[A-Z]-)(?P<r>{_ROMAN})(?=/[0-9])", gate="[A-Z]-[IVXLC]+/")
def ROMAN_REGISTER(m: re.Match[str], w: Work) -> str:
    return cardinal(roman_value(m.group("r")))


# A Roman numeral alone in brackets glosses a count or stage: "tahap kedelapan (VIII)".
@rule("roman-bracket", r"\((?P<r>[IVX]{2,5})\)", gate=r"\([IVX]")
def ROMAN_BRACKET(m: re.Match[str], w: Work) -> str | None:
    if not _PLAIN_ROMAN.fullmatch(m.group("r")):
        return None
    value = roman_value(m.group("r"))
    before = m.string[: m.start()].rstrip().lower()
    if before.endswith((ordinal(value), cardinal(value))):
        return ""  # "tahap kedelapan (VIII)": the words already said it
    return cardinal(value)


@rule(
    "phone",
    r"(?<![\w.,])(?:\+62[ -]?|62|0)[0-9]{1,4}(?:[ -]?[0-9]{3,4}){1,2}(?:[ -]?[0-9]{2,5})?"
    r"(?![\w]|[.,][0-9])",
    gate=r"\+62|\b62[0-9]|\b0[0-9]",
)
def PHONE(m: re.Match[str], w: Work) -> str | None:
    text = m.group()
    bare = re.sub(r"[^0-9]", "", text)
    if len(bare) < 8:
        return None
    return ("plus " if text.startswith("+") else "") + digits(bare)


@rule("phone-area", r"\(0[0-9]{2,3}\)\s?[0-9]{3,4}[ -]?[0-9]{2,5}\b", gate="\\(0[0-9]")
def PHONE_AREA(m: re.Match[str], w: Work) -> str:
    return digits(m.group())


# Leading zeros (nomor urut 02, RT 005) and long identifiers (NIK) are read digit by digit.
@rule(
    "digit-string", r"(?<![\w.,])(?:0[0-9]+|[0-9]{8,})(?![\w]|[.,][0-9])", gate="\\b0[0-9]|[0-9]{8}"
)
def DIGIT_STRING(m: re.Match[str], w: Work) -> str:
    return digits(m.group())


# A service or hotline number in dash groups after a calling word is dialled, not a range:
# "hotline pengaduan di nomor 1500-888" -> satu lima nol nol delapan delapan delapan.
@rule(
    "phone",
    r"(?i:\b(?:call\s+center|hotline|telepon|telp\.?|hubungi|menghubungi|dihubungi|whatsapp|wa)"
    r"\b[^.;!?0-9\n]{0,25}?\s)(?P<x>[0-9]{4,5}(?:-[0-9]{3,4})+)\b(?![.,][0-9])",
    gate=r"[0-9]{3}-[0-9]{3}",
)
def SERVICE_NUMBER(m: re.Match[str], w: Work) -> str | None:
    if re.fullmatch(r"(?:19|20)[0-9]{2}-(?:19|20)[0-9]{2}", m.group("x")):
        return None  # a period of years
    return digits(m.group("x"))


# Emergency and service numbers after a calling word are dialled digits: "hubungi 112".
@rule(
    "emergency-number",
    r"(?i:\b(?:call\s+center|hotline|layanan|telepon|telp|hubungi|menghubungi|dihubungi|darurat|pengaduan"
    r"|panggilan)\b[^.;!?0-9\n]{0,25}?\s)(?P<x>11[02-5]|119|129)\b(?![.,][0-9])",
    gate=r"\b1[12][0-9]\b",
)
def EMERGENCY(m: re.Match[str], w: Work) -> str:
    return digits(m.group("x"))


@rule(
    "fraction",
    r"(?<![\w/.,])(?P<a>[1-9])/(?P<b>[2-9]|10|100)(?![\w/]|[.,][0-9])",
    gate="[0-9]/[0-9]",
)
def FRACTION(m: re.Match[str], w: Work) -> str:
    a, b = int(m.group("a")), int(m.group("b"))
    if (a, b) == (1, 2):
        return "setengah"
    denominator = "per" + cardinal(b)
    return f"se{denominator}" if a == 1 else f"{cardinal(a)} {denominator}"


@rule("number-slash", rf"(?<![\w.,])(?P<a>{_NUM})/(?P<b>{_NUM})(?![\w/])", gate="[0-9]/[0-9]")
def NUMBER_SLASH(m: re.Match[str], w: Work) -> str:
    return f"{spell_number(m.group('a'))} per {spell_number(m.group('b'))}"


_PREFIXES = ("ber", "ter", "di")
# Words that look prefixed but are roots: the whole word is repeated (tersangka-tersangka).
_ROOTS = frozenset(
    {"menteri", "menara", "terminal", "tersangka", "terdakwa", "direktur", "diploma", "dinding"}
)
# A base word starts with at most one consonant (or ng/ny/sy/kh) before its first vowel.
_BASE_START = re.compile(r"(?:ng|ny|sy|kh|[bcdfghjklmnpqrstvwyz])?[aeiou]")
_NOT_REDUP = frozenset(
    {
        "km",
        "cm",
        "mm",
        "dm",
        "m",
        "kg",
        "ha",
        "co",
        "no",
        "mp",
        "ps",
        "covid",
        "level",
        "tipe",
        "kelas",
    }
)


def _is_base(rest: str) -> bool:
    return len(rest) >= 4 and _BASE_START.match(rest) is not None


def redup_base(word: str, suffix: str) -> str:
    """The part a reduplication repeats: the base after a prefix (bermain -> main, mencari ->
    cari), se-...-nya and ke-...-an confixes (sebanyak2nya, kemerah2an); else the whole word."""
    if word in _ROOTS:
        return word
    if (word.startswith("se") and suffix == "nya") or (word.startswith("ke") and suffix == "an"):
        return word[2:] if _is_base(word[2:]) else word
    for p in _PREFIXES:
        if word.startswith(p) and _is_base(word[len(p) :]):
            return word[len(p) :]
    if word.startswith("me"):
        rest = word[2:]
        if _is_base(rest):
            return rest  # menari -> nari, memukul -> mukul, menyapu -> nyapu
        for nasal in ("ng", "m", "n"):  # membawa -> bawa, mencari -> cari, menggali -> gali
            if rest.startswith(nasal) and _is_base(rest[len(nasal) :]):
                return rest[len(nasal) :]
    return word


@rule(
    "reduplication",
    r"\b(?P<w>[a-zA-Z]*[a-z][a-zA-Z]*)2(?P<suf>nya|an|lah|kah|pun|ku|mu)?\b",
    gate="[a-zA-Z]2",
)
def REDUP(m: re.Match[str], w: Work) -> str | None:
    word = m.group("w").lower()
    if len(word) < 2 or word in _NOT_REDUP or not re.search(r"[aeiou]", word):
        return None
    suffix = m.group("suf") or ""
    return f"{word}-{redup_base(word, suffix)}{suffix}"


@rule(
    "negative",
    r"(?:(?<=\s)(?<![\U000f0000-\U000ffffd]\s)|^)[-−](?=[0-9])(?P<a>" + _NUM + r")(?![\w])",
    gate="(?:^|\\s)[-−][0-9]",
)
def NEGATIVE(m: re.Match[str], w: Work) -> str:
    return "minus " + spell_number(m.group("a"))


@rule("cardinal", _NUM, gate="[0-9]")
def CARDINAL(m: re.Match[str], w: Work) -> str:
    return spell_number(m.group())


# R19: KM before a number is kilometre (Tim SAR menemukan korban di KM 12); before a ship's
# name it stays the initialism (KM Sabuk Nusantara -> ka em), left to the lexicon.
KM_NUMBER = const("km-number", r"\bKM\.?(?=\s?[0-9])", "kilometer", gate="KM")

# 'AS' after a prophet's name is the honorific alaihissalam, not Amerika Serikat.
NABI_AS = Rule(
    "nabi-as",
    re.compile(r"\b(?:Nabi|Nabiyullah|Rasul)\s+[A-Z][\w']+\s+(?P<x>AS|as\.?)(?![\w])"),
    lambda _m, _w: "alaihissalam",
    re.compile(r"Nabi|Rasul"),
)

RULES: tuple[Rule, ...] = (
    KM_NUMBER,
    NABI_AS,
    YEAR_ERA,
    ACADEMIC_YEAR,
    LEGAL,
    MILITARY,
    PHONE,
    PHONE_AREA,
    H_DAY,
    AIRCRAFT,
    SERVICE_NUMBER,
    ORDINAL,
    SUFFIX_AN,
    RANGE,
    ROMAN,
    ROMAN_GRADE,
    ROMAN_REGISTER,
    ROMAN_BRACKET,
    DIGIT_STRING,
    EMERGENCY,
    FRACTION,
    NUMBER_SLASH,
    REDUP,
    NEGATIVE,
    CARDINAL,
)
