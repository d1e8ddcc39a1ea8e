"""Credits, bylines and photo captions: text about the article, kept as metadata, not spoken.

- label lines: ``Editor: …``, ``Pewarta: … | Editor: …``, ``Reporter : …``, credit tables
- sign-offs glued to the last sentence: ``(pr/klik)``, ``(fyk/ash)``, ``[martino]``, ``.(aulia)``
- captions: ``Foto: …``, lines ending in ``(dok. ist)`` / ``KOMPAS.COM/NAMA``, and the regional
  style ``DUDUK-Kapolres … Balangan.(diskominfosan/klik)`` (all-caps word + dash + credit)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bacakan.clean import dateline
from bacakan.clean.draft import Draft, Piece, credit_labels, ends_sentence
from bacakan.clean.text_rules import line_date

# (pr/klik) (diskominfosan/klik) (fyk/ash) (ant) (jpnn) (*): lower-case codes with a slash are
# always credits; a single lower-case word only when it follows the sentence's end, because
# "20 (ha)" after a number is a unit gloss (normalization-rules.md R1).
# Tribun network: "(tmy/tribun-medan.com)", "(Surya/Galih Lintartika)" (real Tribun copies).
_SLASH_CODE = r"\(\s*[A-Za-z][\w.-]*(?:\s*/\s*[A-Za-z0-9][\w.-]*(?:\s[A-Z][\w.'’-]*){0,3})+\s*\)"
_WORD_CODE = r"\(\s*(?:[a-z][a-z0-9.]{1,20}|ANT|Antara|ANTARA|\*)\s*\)"
_BRACKET_CODE = r"\[\s*[A-Za-z][\w .]{0,30}\]"
SIGNOFF = re.compile(
    rf"(?:(?P<slash>{_SLASH_CODE})|(?<=[.!?”\"’])\s*(?P<word>{_WORD_CODE}|{_BRACKET_CODE}))\s*$"
)
_ONLY_CODE = re.compile(rf"^\s*(?:{_SLASH_CODE}|{_WORD_CODE}|{_BRACKET_CODE})\s*$")

# Caption signals.
_PHOTO_CREDIT = re.compile(
    r"(?:\((?i:foto|dok|doc|ist|istimewa|ilustrasi|sumber foto)\b[^)]*\)"
    r"|(?:(?i:kompas\.com)|ANTARA FOTO|ANTARA|TRIBUNNEWS\.COM|TRIBUN[A-Z]+\.COM|TEMPO"
    r"|DOK\.|(?i:dok\.))\s*/\s*[A-Z][\w .]*\)?"
    r"|\([A-Z][\w.]*\.(?:com|id|co)\s*/\s*[A-Z][\w .]+\)"
    # "(CNN Indonesia/Adhi Wicaksono)", "(Liputan6.com/Herman Zakharia)" (held-out pastes)
    r"|\([A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*/\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3}\)\.?"
    r"|\b(?i:foto|sumber foto)\s*:\s*[^:]{2,40})\s*$"
)
# "Foto: …", "Foto | …", "Foto - …"; not "Foto-foto kegiatan …" (a body sentence, held-out 2).
_CAPTION_LABEL = re.compile(
    # "FOTO Ilustrasi : …" (real Tribun Sumsel copy)
    r"^(?:foto(?: ilustrasi)?|ilustrasi|gambar|caption|keterangan foto)"
    r"\s*(?:[:|]|\s[-–—]|[-–—]\s)\s*",
    re.I,
)
# Regional caption: an all-caps "what happens in the photo" word, a dash, text, then a credit.
_CAPS_LEAD = re.compile(r"^[A-Z]{3,}(?:\s[A-Z]{3,}){0,2}\s*[-–—]+\s*(?=\S)")


@dataclass(frozen=True)
class CreditLine:
    byline: list[str]
    credit: list[str]
    caption: list[str]


def _label_rx() -> re.Pattern[str]:
    labels = "|".join(label for label, _ in credit_labels())
    return re.compile(rf"^(?P<label>{labels})\b\s*[:|]\s*(?P<value>\S.*)$", re.I)


def _field_of(label: str) -> str:
    for rx, field in credit_labels():
        if re.fullmatch(rx, label, re.I):
            return field
    return "credit"


_LAPORAN = re.compile(
    r"^Laporan\s+(?:Wartawan|Reporter|Jurnalis)\s+[\w.]+(?:\s+[\w.]+)?(?:,|\s+/)\s*(.+)$", re.I
)
# A quote closed by its speech verb: "“…,” urainya. (Surya/Galih Lintartika)" is the last body
# paragraph with the reporter's sign-off (real Tribun/Surya copy), not a photo caption.
_SPEECH = re.compile(
    r"[”\"]\s*,?\s*(?:\S+\s+){0,3}?(?:ujar|kata|ucap|urai|terang|jelas|tutur|tegas|ungkap|imbuh"
    r"|pungkas|tambah|sebut|papar|tandas)(?:nya)?\b",
    re.I,
)


# "Muhammad Aminudin - detikJatim" (Detik), "Rizky Pradita Ananda, Jurnalis · Selasa 21 November
# 2023 13:40 WIB" (Okezone): the reporter line under a pasted headline (held-out pastes).
_NAME = r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,4}"
_BYLINE_LINES = (
    re.compile(rf"^(?P<name>{_NAME})\s+[-–—]\s+(?:detik[A-Za-z]*|CNN Indonesia|kumparan[A-Z]*)$"),
    re.compile(
        rf"^(?P<name>{_NAME}),\s*(?:Jurnalis|Wartawan|Reporter|Kontributor)(?:\s*[·|–—-].*)?$"
    ),
)


def credit_line(text: str) -> CreditLine | None:
    """``Penulis: A | Editor: B`` or a table row ``Editor | B`` -> fields; None otherwise."""
    m = _LAPORAN.match(text)
    if m and len(m.group(1).split()) <= 6:
        return CreditLine([m.group(1).strip()], [], [])
    for brx in _BYLINE_LINES:
        bm = brx.match(text)
        if bm:
            return CreditLine([bm.group("name")], [], [])
    rx = _label_rx()
    labels = "|".join(label for label, _ in credit_labels())
    if "|" in text and ":" not in text:
        # Kompas header style "Penulis Kontributor Kotabaru, Nama | Editor Nama": no colons.
        text = re.sub(rf"(?:^|(?<=\|))\s*({labels})\s+(?=\S)", r"\1: ", text, flags=re.I)
    # Split "Penulis: A | Editor: B" and "Penulis: A Editor: B" into one segment per label.
    segments = re.split(rf"\s*[|•·]\s*(?=(?:{labels})\b)|\s+(?=(?:{labels})\s*:)", text, flags=re.I)
    out = CreditLine([], [], [])
    for seg in segments:
        seg = seg.strip(" |•·/")  # Republika "Rep: Fuji E Permana/ Red: Ani Nursalikah"
        sm = rx.match(seg)
        if not sm:
            return None
        value = sm.group("value").strip(" |/")
        # A long value is a sentence ("Sumber: warga mengatakan ..."), not a credit.
        if len(value.split()) > 8 or not value:
            return None
        value = re.sub(r"^Kontributor\s+[\w ]+?,\s*", "", value)  # "Kontributor Kotabaru, Nama"
        field = _field_of(sm.group("label"))
        if field == "credit":
            out.credit.append(f"{sm.group('label').strip().capitalize()}: {value}")
        else:
            getattr(out, field).append(value)
    return out


def split_signoff(text: str) -> tuple[str, str | None]:
    """Cut a trailing sign-off off a paragraph: ``…ujar Riza.(pr/klik)`` -> (text, "pr/klik")."""
    m = SIGNOFF.search(text)
    if not m:
        return text, None
    code = re.sub(r"\s*/\s*", "/", m.group(0).strip().strip("()[] "))  # "Surya/Galih Lintartika"
    if code == "*":
        code = "*"
    body = text[: m.start()].rstrip()
    if not body:
        return text, None
    return body, code


def only_code(text: str) -> str | None:
    """A line that is nothing but a credit code, e.g. ``(pr/klik)`` on its own line."""
    if _ONLY_CODE.match(text):
        return re.sub(r"\s*/\s*", "/", text.strip().strip("()[] "))
    return None


def clean_caption(text: str) -> str:
    """A caption without its label and photo credit."""
    label = _CAPTION_LABEL.match(text)
    if label:
        text = text[label.end() :]
    photo = _PHOTO_CREDIT.search(text)
    text = text[: photo.start()] if photo else text
    code = SIGNOFF.search(text)
    return _strip_caption(text[: code.start()] if code else text) or text.strip()


def caption_text(text: str, *, before_dateline: bool = False) -> str | None:
    """The caption (without label and photo credit) when ``text`` is a photo caption, else None."""
    label = _CAPTION_LABEL.match(text)
    if label:
        text = text[label.end() :].strip()
        photo = _PHOTO_CREDIT.search(text)
        return _strip_caption(text[: photo.start()] if photo else text) or text
    photo = _PHOTO_CREDIT.search(text)
    lead = _CAPS_LEAD.match(text)
    slash = SIGNOFF.search(text)
    if photo and (len(text.split()) <= 60) and not _SPEECH.search(text[: photo.start()]):
        return _strip_caption(text[: photo.start()])
    if lead and slash and slash.group("slash") and before_dateline:
        return _strip_caption(text[lead.end() : slash.start()])
    return None


def _strip_caption(text: str) -> str:
    text = _CAPS_LEAD.sub("", text.strip())
    return text.strip(" -–—|")


# --- cleaners (Draft -> Draft) --------------------------------------------------------------


def _join(old: str | None, new: list[str], sep: str) -> str | None:
    parts = [old] if old else []
    parts += [n for n in new if n and n not in parts]
    return sep.join(parts) if parts else None


_GLUED_LABEL = re.compile(
    r"(?<=[.!?\"”’])\s+(?=(?:Pewarta|Editor|Redaktur|Reporter|Penulis|Penyunting)\s*:\s*[A-Z])"
)


def _split_glued_labels(pieces: tuple[Piece, ...]) -> list[Piece]:
    """``… hingga musim hujan tiba. Pewarta: Nur Imansyah``: extraction glued ANTARA's credit
    block to the last paragraph (held-out antara-ntb); split it off to be read as a credit."""
    out: list[Piece] = []
    for p in pieces:
        parts = _GLUED_LABEL.split(p.text) if p.kind == "paragraph" else [p.text]
        if len(parts) > 1 and all(credit_line(x) is not None for x in parts[1:]):
            out.append(replace(p, text=parts[0]))
            out.extend(Piece("paragraph", x) for x in parts[1:])
        else:
            out.append(p)
    return out


def take_credit_lines(d: Draft) -> Draft:
    """``Editor:``/``Penulis:``/``Pewarta:`` lines and lone ``(pr/klik)`` lines -> byline/credit."""
    out: list[Piece] = []
    byline, credit, caption, published = d.byline, d.credit, d.caption, d.published
    tail = False  # after a lone sign-off code below the body: only sentences are still body
    sentences = 0
    for p in _split_glued_labels(d.pieces):
        code = only_code(p.text)
        if code:
            credit = _join(credit, [code], "; ")
            # Detik/CNN/Okezone pastes: "(abq/iwd)" on its own line closes the story; the tag
            # list, video box and "Berita Terkait" titles under it are furniture (held-out 2).
            tail = tail or sentences >= 2
            continue
        # Tempo puts "Reporter: …" / "Editor: …" in <h4>, so headings are credit lines too.
        line = credit_line(p.text)
        if line is None:
            if tail and not ends_sentence(p.text) and len(p.text.split()) <= 15:
                continue
            sentences += ends_sentence(p.text) and len(p.text.split()) >= 5
            out.append(p)
            continue
        byline = _join(byline, line.byline, ", ")
        credit = _join(credit, line.credit, "; ")
        # Okezone "Nama, Jurnalis · Kamis 30 November 2023 15:20 WIB": the date rides along.
        if "·" in p.text and published is None:
            published = line_date(p.text.split("·", 1)[1].strip())[1]
        caption = caption or _join(None, [clean_caption(c) for c in line.caption], " | ")
    return replace(
        d, pieces=tuple(out), byline=byline, credit=credit, caption=caption, published=published
    )


def take_captions(d: Draft) -> Draft:
    """Photo captions (``Foto: …``, ``… (dok. ist)``, ``DUDUK-… (x/klik)``) -> caption."""
    pieces = list(d.pieces)
    strong = next(
        (i for i, p in enumerate(pieces[:6]) if (dl := dateline.parse(p.text)) and dl.strong),
        None,
    )
    paragraphs = [i for i, p in enumerate(pieces) if p.kind == "paragraph"]
    last = paragraphs[-1] if paragraphs else -1
    out: list[Piece] = []
    captions: list[str] = []
    for i, p in enumerate(pieces):
        top = i < strong if strong is not None else i in paragraphs[:2]
        top = top and i != last  # the caps-word style needs body after it
        cap = caption_text(p.text, before_dateline=top) if p.kind == "paragraph" else None
        if cap is not None and (i != last or len(paragraphs) > 1):
            captions.append(cap)
            continue
        out.append(p)
    caption = d.caption or _join(None, captions, " | ")
    return replace(d, pieces=tuple(out), caption=caption)


# A last line that is only a short parenthesised source: "(Humas Polres Tabalong)",
# "(Banjarmasinpost.co.id/Muhammad Syahbani)" (held-out polres and Tribun pastes).
_PAREN_SOURCE = re.compile(r"^[(\[](?P<code>[A-Za-z][\w.]*(?:\s*[ /]\s*[\w.]+){0,5})[)\]]$")


def take_signoff(d: Draft) -> Draft:
    """The reporter/editor code glued to the last paragraph: ``…tukas Riza.(pr/klik)``."""
    pieces = list(d.pieces)
    paras = [i for i, p in enumerate(pieces) if p.kind == "paragraph"]
    if len(paras) > 1 and (m := _PAREN_SOURCE.match(pieces[paras[-1]].text)):
        del pieces[paras[-1]]
        code = m.group("code")
        d = replace(d, pieces=tuple(pieces), credit=code if not d.credit else f"{code}; {d.credit}")
    for i in range(len(pieces) - 1, -1, -1):
        if pieces[i].kind != "paragraph":
            continue
        body, code = split_signoff(pieces[i].text)
        if code is None:
            return d
        pieces[i] = replace(pieces[i], text=body)
        credit = code if not d.credit else f"{code}; {d.credit}"
        return replace(d, pieces=tuple(pieces), credit=credit)
    return d
