"""Hypothesis properties: clean never raises anything but InputError, and is idempotent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bacakan.clean import clean, clean_snippet
from bacakan.errors import InputError
from bacakan.models import Article, RawArticle

# Lines drawn from the furniture we strip plus ordinary words, so the rules actually fire.
_LINES = st.sampled_from(
    [
        "Facebook",
        "Twitter",
        "BACA JUGA :",
        "Scroll to Top",
        "Editor: Budi",
        "(pr/klik)",
        "klikkalimantan.com, PARINGIN-Warga berkumpul di balai desa.",
        "Berita Terkait",
        "KPU Balangan menetapkan daftar calon.",
        "Harga cabai naik tajam pekan ini.",
        "Kronologi Kejadian",
        "Mataram (ANTARA) - Harga beras stabil.",
        "",
        "Tinggalkan Balasan",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_LINES, st.text(max_size=60)), max_size=12).map("\n".join),
)


def _reclean(a: Article) -> Article:
    parts = [a.title] + [b.text for b in a.blocks]
    return clean(
        RawArticle(
            source="again.txt", kind="text", text="\n\n".join(parts), metadata={"title": a.title}
        )
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, st.sampled_from(["text", "markdown", "html"]))
def test_clean_raises_only_input_error(text: str, kind: str) -> None:
    raw = RawArticle(source="x", kind=kind, text=text, metadata={})  # type: ignore[arg-type]
    try:
        clean(raw)
    except InputError:
        pass


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_snippet_is_idempotent(text: str) -> None:
    once = clean_snippet(text)
    assert clean_snippet(once) == once


_DATELINES = (
    "klikkalimantan.com, PARINGIN-Warga berkumpul di balai desa.",
    "Mataram (ANTARA) - Harga beras stabil.",
)
# A dateline only counts at the top of the body, so the generated body has at most one, first.
_BODY = st.tuples(
    st.sampled_from(("", *_DATELINES)),
    st.lists(_LINES.filter(lambda line: line not in _DATELINES), min_size=1, max_size=10),
).map(lambda t: "\n\n".join([t[0], *t[1]]))


@settings(max_examples=150, deadline=None)
@given(_BODY)
def test_clean_is_idempotent(text: str) -> None:
    raw = RawArticle(
        source="x.txt",
        kind="text",
        text="Judul Berita\n\n" + text,
        metadata={"title": "Judul Berita"},
    )
    try:
        first = clean(raw)
    except InputError:
        return
    second = _reclean(first)
    assert second.blocks == first.blocks
