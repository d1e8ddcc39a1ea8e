"""Datelines at the start of an article body: ``JAKARTA, KOMPAS.com —``, ``Mataram (ANTARA) -``.

The narration speaks the place, so it is pulled out as ``Article.dateline`` (title case) and the
outlet as ``Article.outlet``; the rest of the paragraph stays in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bacakan.clean.draft import Draft

_DASH = r"\s*(?:[-–—]{1,2}|\u2012|\u2015)\s*"
_DASH_OR_END = rf"(?:{_DASH}|\s*$)"
# klikkalimantan.com, KOMPAS.com, REPUBLIKA.CO.ID, jpnn.com, TEMPO.CO, Liputan6.com, Suara.com
_DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,4}){1,2}"
# Outlets that sign datelines without a domain.
_NAMED = (
    r"CNN Indonesia|ANTARA(?: News)?|Antara(?:news)?"
    r"|detik(?:com|News|Finance|Sport|Jateng|Jatim|Bali)?"
    r"|kumparan(?:NEWS)?|Okezone|iNews(?:\.id)?|Tribunnews|Kompas TV|KOMPAS TV|VIVA|Bisnis"
)
_CAPS_PLACE = r"[A-Z][A-Z'’.]*[A-Z.](?:\s+[A-Z][A-Z'’.]*[A-Z.]){0,3}"
_ANY_PLACE = r"[A-Z][A-Za-z'’.]*[A-Za-z.](?:\s+[A-Z][A-Za-z'’.]*[A-Za-z.]){0,3}"
_TITLE_PLACE = r"[A-Z][a-z]+"  # one word: "Warga Jakarta - Bogor" is not a dateline

# Order matters: outlet-bearing forms first, bare place forms last.
_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # klikkalimantan.com, PARINGIN-  |  REPUBLIKA.CO.ID, JAKARTA --  |  Liputan6.com, Jakarta -
    ("strong", re.compile(rf"^(?P<outlet>{_DOMAIN})\s*,\s*(?P<place>{_ANY_PLACE}){_DASH_OR_END}")),
    # jpnn.com - ROKAN HILIR -
    ("strong", re.compile(rf"^(?P<outlet>{_DOMAIN}){_DASH}(?P<place>{_CAPS_PLACE}){_DASH}")),
    # JAKARTA, KOMPAS.com —  |  Jakarta, CNN Indonesia --  |  MARABAHAN, klikkalimantan.com –
    (
        "strong",
        re.compile(rf"^(?P<place>{_ANY_PLACE})\s*,\s*(?P<outlet>{_NAMED}|{_DOMAIN}){_DASH_OR_END}"),
    ),
    # Mataram (ANTARA) -  |  PELAIHARI (ANTARA News) -  |  Jakarta (Beritasatu) -
    (
        "strong",
        re.compile(
            rf"^(?P<place>{_ANY_PLACE})\s*\((?P<outlet>{_NAMED}|{_DOMAIN}|[A-Z][\w.]+)\)"
            rf"{_DASH_OR_END}"
        ),
    ),
    # Suara.com - Presiden ...
    ("strong", re.compile(rf"^(?P<outlet>{_DOMAIN}){_DASH}")),
    # JAKARTA -  (Okezone, Sindonews, regional sites): a spaced dash
    (
        "weak",
        re.compile(
            rf"^(?P<place>{_CAPS_PLACE})(?:\s+[-–—]{{1,2}}\s*|\s*[-–—]{{1,2}}\s+)"
            rf"(?=[A-Z“\"'‘])"
        ),
    ),
    # BANJARMASIN-Pemerintah ...: an unspaced dash only before a Title-case word and after a place
    # of 5+ letters, so "TNI-Polri siaga", "PDI-P meraih" and "POLRI-TNI" stay sentences.
    (
        "weak",
        re.compile(
            r"^(?P<place>[A-Z][A-Z'’.]{4,}(?:\s+[A-Z][A-Z'’.]*[A-Z.]){0,3})[-–—]{1,2}"
            r"(?=[A-Z][a-z])"
        ),
    ),
    # Jakarta -  (Detik)
    ("weak", re.compile(rf"^(?P<place>{_TITLE_PLACE})\s+[-–—]{{1,2}}\s+(?=[A-Z“\"'‘])")),
)


_GLUED_LAPORAN = re.compile(
    r"^Laporan\s+(?:Wartawan|Reporter|Jurnalis|Koresponden)\s+[^,]{2,40},\s*"
    rf"(?P<name>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,4}}?)\s+(?={_DOMAIN}\s*,)",
    re.I,
)
# A place and a dash with nothing after it: "Jakarta -", "SURABAYA –".
_BARE = re.compile(rf"^{_ANY_PLACE}\s*[-–—]{{1,2}}$")


@dataclass(frozen=True)
class Dateline:
    place: str | None
    outlet: str | None
    rest: str  # the paragraph without its dateline
    strong: bool  # an outlet was named, so this is certainly a dateline


def title_case(place: str) -> str:
    """PARINGIN -> Paringin, ROKAN HILIR -> Rokan Hilir; already mixed-case names are kept."""
    place = re.sub(r"\s+", " ", place).strip(" .,")
    if place != place.upper():
        return place
    words = (w[:1].upper() + w[1:].lower() for w in place.split(" "))
    return " ".join(words)


def parse(text: str) -> Dateline | None:
    """Find a dateline at the start of ``text`` or return None."""
    for strength, rx in _FORMS:
        m = rx.match(text)
        if not m:
            continue
        place = m.group("place") if "place" in m.re.groupindex else None
        outlet = m.group("outlet") if "outlet" in m.re.groupindex else None
        if outlet and place and place.upper() == outlet.upper():
            continue
        rest = text[m.end() :].lstrip()
        if strength == "weak" and not rest:
            continue
        return Dateline(
            place=title_case(place) if place else None,
            outlet=outlet,
            rest=rest,
            strong=strength == "strong",
        )
    return None


def take_dateline(d: Draft) -> Draft:
    """Pull the dateline off the first body paragraph (or a dateline line of its own)."""
    pieces = list(d.pieces)
    paragraphs = [i for i, p in enumerate(pieces) if p.kind == "paragraph"][:3]
    byline = d.byline
    if paragraphs and (glued := _GLUED_LAPORAN.match(pieces[paragraphs[0]].text)):
        # "Laporan wartawan Tribunnews.com, Fahdi Fahlevi TRIBUNNEWS.COM, JAKARTA - …": the
        # reporter line glued in front of the dateline (real Tribunnews copy).
        byline = byline or glued.group("name")
        pieces[paragraphs[0]] = replace(
            pieces[paragraphs[0]], text=pieces[paragraphs[0]].text[glued.end() :]
        )
        d = replace(d, pieces=tuple(pieces), byline=byline)
    for n, i in enumerate(paragraphs):
        found = parse(pieces[i].text)
        nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        if found is None and n == 0 and nxt is not None and _BARE.match(pieces[i].text):
            # Detik writes "<strong>Jakarta</strong> -" loose in the body container before the
            # first <p>, so extraction gives the dateline a block of its own (real detikFinance
            # page): read it together with the paragraph after it.
            joined = parse(f"{pieces[i].text} {pieces[nxt].text}")
            if joined is not None and joined.rest == pieces[nxt].text:
                del pieces[i]
                return replace(
                    d,
                    pieces=tuple(pieces),
                    dateline=d.dateline or joined.place,
                    outlet=d.outlet or joined.outlet,
                )
        if found is None or (not found.strong and n > 0):
            continue
        if found.rest:
            pieces[i] = replace(pieces[i], text=found.rest)
        else:
            del pieces[i]
        return replace(
            d,
            pieces=tuple(pieces),
            dateline=d.dateline or found.place,
            outlet=d.outlet or found.outlet,
        )
    return d
