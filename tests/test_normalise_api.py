"""Public API of bacakan.normalise: lexicon loading, explain(), split_sentences(), and the
property that normalise_text never raises and always returns lower-case words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bacakan.errors import ConfigError
from bacakan.normalise import Change, explain, load_lexicon, normalise_text, split_sentences

WORDS_RE = re.compile(r"(?:[^\W\d_]+(?:-[^\W\d_]+)*(?: |$))*")


# --- lexicon ---------------------------------------------------------------------------------


def test_base_lexicon_is_large_and_has_expansions() -> None:
    lex = load_lexicon()
    assert len(lex) >= 300
    assert lex.expansion("AKBP") == "Ajun Komisaris Besar Polisi"
    assert lex.expansion("Kapolres") == "Kepala Kepolisian Resor"
    assert lex.expansion("tidak-ada") is None
    assert any(e.written == "Polri" for e in lex.entries())


def test_outlet_file_overrides_and_adds(tmp_path: Path) -> None:
    extra = tmp_path / "outlet.tsv"
    extra.write_text(
        "# outlet words\nMurakata\tsay:mura kata\tMurakata\nHSU\texpand\tHulu Sungai Utara\n"
        "AKBP\texpand\tAjun Komisaris Besar Polisi\n",
        encoding="utf-8",
    )
    lex = load_lexicon(extra=[extra])
    assert normalise_text("Bupati HSU di Murakata.", lex) == "bupati hulu sungai utara di mura kata"
    assert normalise_text("AKBP Riza", lex) == "ajun komisaris besar polisi riza"
    assert normalise_text("AKBP Riza") == "a ka be pe riza"  # the default lexicon is untouched


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param("AKBP\n", "expected 2 or 3", id="one-column"),
        pytest.param("AKBP\tshout\n", "unknown mode", id="bad-mode"),
        pytest.param("AKBP\tsay:\n", "needs the text", id="empty-say"),
        pytest.param("AKBP\texpand\n", "needs an expansion", id="expand-without-text"),
        pytest.param("A B\tword\n", "one token", id="space-in-written"),
        pytest.param("X\tword\ta\tb\n", "expected 2 or 3", id="four-columns"),
    ],
)
def test_bad_tsv_names_file_and_line(tmp_path: Path, content: str, problem: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("# header\n" + content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_lexicon(extra=[bad])
    message = str(err.value)
    assert "bad.tsv:2" in message and problem in message and "\n" not in message


def test_missing_lexicon_file_is_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_lexicon(extra=[tmp_path / "nope.tsv"])


def test_lexicon_case_rules() -> None:
    lex = load_lexicon()
    assert lex.lookup("POLRI") is not None  # shouted headline finds 'Polri'
    assert lex.lookup("as") is None  # the word 'as' never hits the entry 'AS'
    assert lex.lookup("Dll.") is not None  # sentence-initial capital of a lower-case entry


# --- explain ---------------------------------------------------------------------------------


def test_explain_lists_rules_and_lexicon_lines() -> None:
    changes = explain("Kapolres Balangan, AKBP Riza Muttaqin, Senin (20/11) pukul 09.00 WITA.")
    assert Change("Senin (20/11)", "senin dua puluh november", "date-bracket") in changes
    assert Change("pukul 09.00 WITA", "pukul sembilan wita", "time") in changes
    akbp = next(c for c in changes if c.written == "AKBP")
    assert akbp.spoken == "a ka be pe"
    assert re.fullmatch(r"id-police-military\.tsv:\d+", akbp.rule)
    assert all(c.written != "Kapolres" for c in changes)  # lower-casing alone is not a change


def test_explain_reports_dropped_credit_and_heuristic() -> None:
    changes = explain("Ketua LPMK hadir. Warga menyambut baik.(pr/klik)")
    assert Change("(pr/klik)", "", "credit") in changes
    assert Change("LPMK", "el pe em ka", "acronym-spelled") in changes
    assert normalise_text("Warga menyambut baik.(pr/klik) Ketua LPMK hadir.") == (
        "warga menyambut baik pr klik ketua el pe em ka hadir"  # mid-paragraph: not a credit
    )


def test_explain_is_in_reading_order() -> None:
    changes = explain("Rp1.500 dan 20% pada 1 Januari 2024")
    assert [c.rule for c in changes] == ["currency", "percent", "date-month-name"]


def test_change_is_frozen() -> None:
    change = Change("a", "b", "c")
    with pytest.raises(AttributeError):
        change.spoken = "x"  # type: ignore[misc]


# --- split_sentences -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param("Ia datang. Kami pulang.", ["Ia datang.", "Kami pulang."], id="simple"),
        pytest.param(
            "Harga naik 1.500 rupiah. Warga mengeluh.",
            ["Harga naik 1.500 rupiah.", "Warga mengeluh."],
            id="thousands-dot",
        ),
        pytest.param(
            "Apel pukul 09.00 WITA. Semua hadir.",
            ["Apel pukul 09.00 WITA.", "Semua hadir."],
            id="time-dot",
        ),
        pytest.param(
            "Kantornya di Jl. Ahmad Yani No. 4 Paringin.",
            ["Kantornya di Jl. Ahmad Yani No. 4 Paringin."],
            id="jl-no",
        ),
        pytest.param(
            "Pasien ditangani dr. Rina. Kondisinya stabil.",
            ["Pasien ditangani dr. Rina.", "Kondisinya stabil."],
            id="dr",
        ),
        pytest.param(
            "Kuasa hukum Andi, S.H. M.H. hadir.",
            ["Kuasa hukum Andi, S.H. M.H. hadir."],
            id="degrees",
        ),
        pytest.param(
            "Kuasa hukumnya Andi Saputra, S.H. Ia hadir.",
            ["Kuasa hukumnya Andi Saputra, S.H.", "Ia hadir."],
            id="degree-ends-sentence",
        ),
        pytest.param(
            "Transfer a.n. Budi. Lalu konfirmasi.",
            ["Transfer a.n. Budi.", "Lalu konfirmasi."],
            id="atas-nama",
        ),
        pytest.param(
            "Situs kpu.go.id. Cek di sana.", ["Situs kpu.go.id.", "Cek di sana."], id="domain"
        ),
        pytest.param(
            "Cek https://kpu.go.id/dpt sekarang. Mudah.",
            ["Cek https://kpu.go.id/dpt sekarang.", "Mudah."],
            id="url",
        ),
        pytest.param(
            "Harga Rp1.500,- per ikat. Murah.",
            ["Harga Rp1.500,- per ikat.", "Murah."],
            id="rupiah-dash",
        ),
        pytest.param(
            "“Kami siap,” ujar Riza. Ia tersenyum.",
            ["“Kami siap,” ujar Riza.", "Ia tersenyum."],
            id="quote-comma",
        ),
        pytest.param(
            "“Kami siap.” Ia tersenyum.", ["“Kami siap.”", "Ia tersenyum."], id="quote-after-dot"
        ),
        pytest.param(
            "Apa benar? Ya! Tentu.", ["Apa benar?", "Ya!", "Tentu."], id="question-exclaim"
        ),
        pytest.param("Bupati H. Abdul Hadi hadir.", ["Bupati H. Abdul Hadi hadir."], id="haji"),
        pytest.param("Kepala desa M. Yusuf hadir.", ["Kepala desa M. Yusuf hadir."], id="initial"),
        pytest.param(
            "Dibangun tahun 2023. 50 orang bekerja.",
            ["Dibangun tahun 2023.", "50 orang bekerja."],
            id="digit-start",
        ),
        pytest.param("tukas Riza.(pr/klik)", ["tukas Riza.(pr/klik)"], id="credit-stays"),
        pytest.param("Baris satu\nBaris dua.", ["Baris satu", "Baris dua."], id="lines"),
        pytest.param("  ", [], id="blank"),
        pytest.param(
            "Bantuan beras, minyak, dll. Semua dibagikan.",
            ["Bantuan beras, minyak, dll.", "Semua dibagikan."],
            id="dll-ends",
        ),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


# --- properties ------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_and_returns_lower_case_words(text: str) -> None:
    spoken = normalise_text(text)
    assert spoken == spoken.lower()
    assert WORDS_RE.fullmatch(spoken), spoken
    assert "  " not in spoken and spoken == spoken.strip()


_NEWSY = st.text(
    alphabet="0123456789.,/-:()%$ RpWIBTAkgmsdnx²³°#@“”'\"KPUAKBPIVXabc\n", max_size=60
)


@settings(max_examples=400, deadline=None)
@given(_NEWSY)
def test_never_raises_on_number_punctuation_soup(text: str) -> None:
    spoken = normalise_text(text)
    assert WORDS_RE.fullmatch(spoken), spoken
    assert not re.search(r"[0-9]", spoken)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_split_sentences_keeps_all_text(text: str) -> None:
    pieces = split_sentences(text)
    assert all(p and p == p.strip() for p in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_explain_never_raises(text: str) -> None:
    for change in explain(text):
        assert isinstance(change, Change)
