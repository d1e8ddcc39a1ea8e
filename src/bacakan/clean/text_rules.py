"""Line and block rules that trafilatura lacks for Indonesian news: furniture, related links,
comment forms, date widgets, duplicated titles and paragraph structure. Each is ``Draft -> Draft``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bacakan.clean.draft import (
    Draft,
    Piece,
    ends_sentence,
    full_match,
    norm_key,
    patterns,
    words,
)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7,
    "agu": 8, "agt": 8, "ags": 8, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11,
    "des": 12, "dec": 12,
}  # fmt: skip
_ZONES = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00"}
_DAY = r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)"
# A line that is only a date/time: the date widget under a headline ("Senin, 20 November 2023
# 09:15 WITA", Kompas "Kompas.com - 21/11/2023, 09:00 WIB", "Diperbarui: ...").
_DATE_LINE = re.compile(
    rf"^(?P<pre>(?:[\w.]+\.com\s*-\s*|(?:diterbitkan|dipublikasikan|diperbarui|update[d]?|"
    rf"published|posted(?: on)?|tanggal|terbit|pada)\s*:?\s*))?(?:{_DAY},?\s*)?"
    r"(?:(?P<d>\d{1,2})\s+(?P<mon>[a-z]{3})[a-z]*\.?\s+(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4})"
    # Blogger / WordPress top bar "Desember 07, 2023", "Senin, Desember 4, 2023" (held-out 2)
    r"|(?P<mon3>[a-z]{3})[a-z]*\.?\s+(?P<d3>\d{1,2}),\s*(?P<y3>\d{4}))"
    r"(?:\s*[,|·–—-]?\s*(?:pukul\s*)?(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:\s*(?P<tz>wib|wita|wit))?)?"
    r"(?:\s+(?:by|oleh)\s+\S.{0,40})?\s*$",  # JPNN "… 2023 – 16:25 WIB"; WordPress "… by admin"
    re.I,
)
_LIST_BULLET = re.compile(r"^(?:[-*•·›»]|\d{1,2}[.)])\s+")
# A list item: bullet or number in front, a "label: value" pair, or an amount/score.
_LIST_ITEM = re.compile(r"^(?:[-*•·›»]|\d{1,2}[.)]|[a-z][.)])\s+|\S:\s+\S|\d")
_SHARE_SPLIT = re.compile(r"[\s,|/·•:]+")


def line_date(text: str) -> tuple[bool, str | None]:
    """(is a date widget line, ISO date if it is the publication date)."""
    m = _DATE_LINE.match(text)
    if not m:
        return False, None
    try:
        if m.group("d"):
            day, month, year = int(m.group("d")), _MONTHS[m.group("mon").lower()], int(m.group("y"))
        elif m.group("d3"):
            day, year = int(m.group("d3")), int(m.group("y3"))
            month = _MONTHS[m.group("mon3").lower()]
        else:
            day, month, year = int(m.group("d2")), int(m.group("m2")), int(m.group("y2"))
    except KeyError:
        return False, None
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False, None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if m.group("H") and int(m.group("H")) < 24 and int(m.group("M")) < 60:
        iso += f"T{int(m.group('H')):02d}:{m.group('M')}:00"
        if m.group("tz"):
            iso += _ZONES[m.group("tz").lower()]
    updated = (m.group("pre") or "").lower().startswith(("diperbarui", "update"))
    return True, None if updated else iso


def is_date_line(text: str) -> bool:
    return line_date(text)[0]


def is_share_row(text: str) -> bool:
    """Every word is a share-button word ("Facebook", "Share on Facebook", "Tweet", "0 shares")."""
    toks = [t.casefold() for t in _SHARE_SPLIT.split(text) if t]
    vocab = words("share_words.txt")
    named = [t for t in toks if not t.isdigit()]
    return bool(named) and all(t in vocab for t in named) and len(toks) <= 12


def is_furniture(text: str) -> bool:
    return is_share_row(text) or full_match(patterns("boilerplate.txt"), text)


def _headline_like(text: str) -> bool:
    """A related-article title: short, no sentence end (headlines carry no full stop)."""
    text = _LIST_BULLET.sub("", text)
    if re.match(r"^[\"“‘']", text) or re.search(r"[.!?][\"”’]?\s+[A-Z\"“]", text):
        return False  # a quote or two sentences: body text, not a link title (held-out JPNN)
    if re.search(r"[.!?][\"”’]?\s*[(\[][^()\[\]]{1,40}[)\]]\s*$", text):
        return False  # a sentence with its sign-off "(mcr12/jpnn)"
    return len(text.split()) <= 20 and not re.search(r"[.!]\s*$", text)


def _related(text: str) -> tuple[bool, bool]:
    """(drop this line, it is a bare marker so the headline lines after it go too)."""
    for rx in patterns("related.txt"):
        m = rx.match(text)
        if not m:
            continue
        rest = text[m.end() :]
        sep = re.match(r"^\s*[:：\-–—!»>]+\s*", rest)
        tail = rest[sep.end() :] if sep else rest
        if not tail.strip():
            return True, True
        # "Baca juga ..." without a colon is still a link; other markers ("Populer", "Terkini")
        # are ordinary words unless a separator follows them.
        # Without one only a headline follows: "Lihat juga status pendaftaran … di aplikasi." and
        # "Baca juga buku panduan …, pesan kepala sekolah." are sentences (held-out 2 body-loss).
        if sep or (re.match(r"(?i)(baca|simak|lihat)\b", text) and _headline_like(tail)):
            return True, False
        if rest[:1] in ("", " ") and not rest.strip():
            return True, True
    return False, False


def drop_related(d: Draft) -> Draft:
    """"Baca juga: …" anywhere; "BACA JUGA :" / "Berita Terkait" + the headline list under it."""
    out: list[Piece] = []
    skipping = 0  # headline lines still allowed to be swallowed after a bare marker
    tight = False  # pasted list whose first headline sat right under the marker
    for i, p in enumerate(d.pieces):
        drop, bare = _related(p.text)
        if drop:
            skipping = 10 if bare else 0
            tight = False
            continue
        # In pasted text a list written line under line ends at the first blank line; what
        # follows is a sub-heading of the body (held-out Liputan6 paste: "Evakuasi Warga Lansia").
        if skipping and skipping < 10 and tight and not p.joined and d.kind != "html":
            skipping = 0
        # Without blank lines, a short title after at least one listed headline and right above a
        # body sentence is the next sub-heading (held-out 2 Liputan6 select-all: "Baca Juga",
        # two headlines, "Warga Mengungsi ke Masjid", then the body). Related titles are longer.
        nxt = d.pieces[i + 1].text if i + 1 < len(d.pieces) else ""
        if (
            skipping
            and skipping < 10
            and d.kind != "html"
            and len(p.text.split()) <= 4
            and ends_sentence(nxt)
            and len(nxt.split()) >= 8
        ):
            skipping = 0
        # Only headline-like lines go: trafilatura sometimes already removed the link list, and
        # then the line after the marker is body text (seen on the Suara fixture).
        if skipping and p.kind == "paragraph" and _headline_like(p.text):
            tight = tight or (skipping == 10 and p.joined)
            skipping -= 1
            continue
        skipping = 0
        out.append(p)
    return d.with_pieces(out)


# "… singkat. Baca juga: Polisi Tangkap Pembobol Rekening" — a related link glued to the end of a
# paragraph (an <a> in the <p>, held-out Kompas/JPNN): cut when nothing but a headline follows.
# Tempo glues "Pilihan Editor: <headline>" the same way (real scraped Tempo text).
_TRAILING_RELATED = re.compile(
    r"(?<=[.!?\"”’])\s*(?:(?:baca|lihat|simak)\s+(?:juga|pula)\s*[:：\-–—]?|pilihan editor\s*:)"
    r"\s*(?P<head>[^.!?]{3,160})$",
    re.I,
)


def drop_inline(d: Draft) -> Draft:
    """Furniture glued inside a paragraph: data/inline_drop.txt phrases, a trailing related link."""
    pats = patterns("inline_drop.txt")
    out: list[Piece] = []
    for p in d.pieces:
        text = p.text
        for rx in pats:
            text = rx.sub(" ", text)
        m = _TRAILING_RELATED.search(text)
        if m and _headline_like(m.group("head")):
            text = text[: m.start()]
        text = re.sub(r"\s{2,}", " ", text).strip()
        if text:
            out.append(replace(p, text=text))
    return d.with_pieces(out)


def cut_at_end_markers(d: Draft) -> Draft:
    """Comment forms and "Lebih baru Lebih lama": all that follows is comments and footer."""
    seen_body = False
    for i, p in enumerate(d.pieces):
        if seen_body and full_match(patterns("end_markers.txt"), p.text):
            return d.with_pieces(d.pieces[:i])
        seen_body = seen_body or (ends_sentence(p.text) and len(p.text.split()) >= 8)
    return d


def drop_furniture(d: Draft) -> Draft:
    """Share rows, ads, breadcrumbs, pagination, copyright, widgets; date widget -> published."""
    out: list[Piece] = []
    published = d.published
    for p in d.pieces:
        is_date, iso = line_date(p.text)
        if is_date:
            published = published or iso
            continue
        if is_furniture(p.text):
            continue
        out.append(p)
    return replace(d, pieces=tuple(out), published=published)


def drop_title_copies(d: Draft) -> Draft:
    """The headline repeated in the body (pasted text's first line, an <h1> kept by extraction)."""
    key = norm_key(d.title)
    if not key:
        return d
    return d.with_pieces([p for p in d.pieces if norm_key(p.text) != key])


def words_of(p: Piece) -> list[str]:
    return p.text.split()


def drop_orphan_tail(d: Draft) -> Draft:
    """Short unpunctuated lines after the last sentence are leftover link titles or tag lists."""
    pieces = list(d.pieces)
    end = len(pieces)
    while end and not ends_sentence(pieces[end - 1].text) and len(words_of(pieces[end - 1])) <= 15:
        end -= 1
    # A last paragraph ending in ":" introduces a list that ends the article ("Berikut rincian
    # harga emas Antam hari ini:" + "0,5 gram: Rp 620.000" …, held-out 2 CNN paste): its items
    # stay; what follows the first line that is not list-shaped goes.
    if 0 < end < len(pieces) and pieces[end - 1].text.rstrip().endswith(":"):
        while end < len(pieces) and _LIST_ITEM.search(pieces[end].text):
            end += 1
    while len(pieces) > end:
        if not any(p.kind == "paragraph" and ends_sentence(p.text) for p in pieces[:-1]):
            break
        pieces.pop()
    while pieces and pieces[-1].kind == "heading":
        pieces.pop()
    return d.with_pieces(pieces)


def _wrapped_run(run: list[Piece]) -> bool:
    """Lines hard-wrapped at a fixed width (e-mail, some CMS exports) form one paragraph."""
    if len(run) < 2:
        return False
    widths = [len(p.text) for p in run]
    longest = max(widths)
    return 40 <= longest <= 100 and all(w >= 0.6 * longest for w in widths[:-1])


def join_broken(d: Draft) -> Draft:
    """Re-join a paragraph split mid-sentence (across lines or blocks) or hard-wrapped lines."""
    pieces = list(d.pieces)
    # 1. hard-wrapped runs of joined lines
    runs: list[list[Piece]] = []
    for p in pieces:
        if runs and p.joined and p.kind == "paragraph" and runs[-1][-1].kind == "paragraph":
            runs[-1].append(p)
        else:
            runs.append([p])
    merged: list[Piece] = []
    for run in runs:
        if _wrapped_run(run):
            merged.append(Piece("paragraph", " ".join(p.text for p in run)))
        else:
            merged.extend(replace(p, joined=p.joined and i > 0) for i, p in enumerate(run))
    # 2. a sentence that stops without punctuation and continues in the next piece
    out: list[Piece] = []
    for p in merged:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "paragraph"
            and p.kind == "paragraph"
            and not ends_sentence(prev.text)
            and (
                p.text[:1].islower()
                or prev.text.endswith(",")
                or (p.joined and len(prev.text) >= 40)  # a wrapped line, not a short label
            )
        ):
            out[-1] = Piece("paragraph", f"{prev.text} {p.text}", prev.joined)
        else:
            out.append(p)
    return d.with_pieces(out)


def mark_headings(d: Draft) -> Draft:
    """A short unpunctuated line between paragraphs is a sub-heading (pasted text loses <h2>)."""
    pieces = list(d.pieces)
    out: list[Piece] = []
    for i, p in enumerate(pieces):
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if (
            p.kind == "paragraph"
            and 0 < i
            and nxt is not None
            and nxt.kind == "paragraph"
            and ends_sentence(nxt.text)
            and not ends_sentence(p.text)
            and not p.text.endswith(",")
            and len(p.text.split()) <= 12
            and p.text[:1].isupper()
        ):
            out.append(Piece("heading", p.text))
        else:
            out.append(p)
    return d.with_pieces(out)
