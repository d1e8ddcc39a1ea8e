"""Table-driven tests for each clean rule; a new quirk is a new row."""

from __future__ import annotations

import pytest

from bacakan.clean import clean, clean_snippet
from bacakan.clean.credits import caption_text, credit_line, split_signoff
from bacakan.clean.dateline import parse
from bacakan.clean.text_rules import is_furniture, is_share_row
from bacakan.errors import InputError
from bacakan.models import RawArticle


@pytest.mark.parametrize(
    ("text", "place", "outlet", "rest"),
    [
        ("JAKARTA, KOMPAS.com — Presiden meninjau", "Jakarta", "KOMPAS.com", "Presiden meninjau"),
        (
            "REPUBLIKA.CO.ID, JAKARTA -- Menteri Agama",
            "Jakarta",
            "REPUBLIKA.CO.ID",
            "Menteri Agama",
        ),
        ("jpnn.com - ROKAN HILIR - Polisi menyita", "Rokan Hilir", "jpnn.com", "Polisi menyita"),
        ("Mataram (ANTARA) - Pemerintah provinsi", "Mataram", "ANTARA", "Pemerintah provinsi"),
        (
            "klikkalimantan.com, PARINGIN-Dalam rangka",
            "Paringin",
            "klikkalimantan.com",
            "Dalam rangka",
        ),
        ("PARINGIN, klikkalimantan.com –", "Paringin", "klikkalimantan.com", ""),
        ("Jakarta, CNN Indonesia -- Badan Pangan", "Jakarta", "CNN Indonesia", "Badan Pangan"),
        ("Liputan6.com, Jakarta - Polisi", "Jakarta", "Liputan6.com", "Polisi"),
        ("TEMPO.CO, Jakarta - Komisi", "Jakarta", "TEMPO.CO", "Komisi"),
        ("Suara.com - Video warga", None, "Suara.com", "Video warga"),
        ("BANJARMASIN - Pemerintah kota", "Banjarmasin", None, "Pemerintah kota"),
        ("KUALA KAPUAS – Bupati", "Kuala Kapuas", None, "Bupati"),
        ("Jakarta - Presiden", "Jakarta", None, "Presiden"),
    ],
)
def test_dateline_forms(text: str, place: str | None, outlet: str | None, rest: str) -> None:
    found = parse(text)
    assert found is not None
    assert (found.place, found.outlet, found.rest) == (place, outlet, rest)


@pytest.mark.parametrize(
    "text",
    [
        "KPU Kabupaten Balangan menetapkan daftar calon tetap.",
        "BMKG memprakirakan hujan lebat.",
        "AKBP Riza Muttaqin memberikan arahan.",
        "Warga Jakarta - Bogor memadati stasiun.",
    ],
)
def test_not_a_dateline(text: str) -> None:
    assert parse(text) is None


@pytest.mark.parametrize(
    ("text", "body", "code"),
    [
        (
            "“Upaya ini penting,” tukas Riza.(pr/klik)",
            "“Upaya ini penting,” tukas Riza.",
            "pr/klik",
        ),
        ("Acara berjalan lancar. (fyk/ash)", "Acara berjalan lancar.", "fyk/ash"),
        ("Ia menambahkan hal itu. [martino]", "Ia menambahkan hal itu.", "martino"),
        ("Kegiatan selesai pukul 12.00.(aulia)", "Kegiatan selesai pukul 12.00.", "aulia"),
        ("Lahan yang terbakar seluas 20 (ha)", "Lahan yang terbakar seluas 20 (ha)", None),
        ("Warga bertanya (kenapa)", "Warga bertanya (kenapa)", None),
    ],
)
def test_signoff(text: str, body: str, code: str | None) -> None:
    assert split_signoff(text) == (body, code)


@pytest.mark.parametrize(
    ("text", "byline", "credit"),
    [
        ("Editor: Rina Wati", [], ["Editor: Rina Wati"]),
        ("Pewarta: Budi Santoso | Editor: Rina", ["Budi Santoso"], ["Editor: Rina"]),
        ("Reporter : Dedi", ["Dedi"], []),
        ("Penulis: A. Rahman Editor: Siti", ["A. Rahman"], ["Editor: Siti"]),
        ("Sumber: ANTARA", [], ["Sumber: ANTARA"]),
        ("Red: Joko", [], ["Red: Joko"]),
        ("Editor | Rina Wati", [], ["Editor: Rina Wati"]),
        ("Laporan Wartawan Tribunnews.com, Reza Deni", ["Reza Deni"], []),
        ("Penulis Kontributor Kotabaru, Hendra | Editor Putra", ["Hendra"], ["Editor: Putra"]),
    ],
)
def test_credit_lines(text: str, byline: list[str], credit: list[str]) -> None:
    line = credit_line(text)
    assert line is not None
    assert (line.byline, line.credit) == (byline, credit)


def test_sentence_starting_with_label_word_is_not_a_credit() -> None:
    assert (
        credit_line("Sumber: warga mengatakan banjir datang sejak malam dan belum surut pagi ini")
        is None
    )


@pytest.mark.parametrize(
    "line",
    [
        "Facebook",
        "Twitter",
        "WhatsApp",
        "Telegram",
        "Share on Facebook",
        "Tweet",
        "copy link",
        "Bagikan: Facebook Twitter",
        "Scroll to Top",
        "Advertisement",
        "Lebih baru Lebih lama",
        "0 Komentar",
        "Tinggalkan Balasan",
        "Batalkan balasan",
        "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
        "Artikel ini telah tayang di Tribunnews.com dengan judul X",
        "Halaman 1 2 3",
        "Selanjutnya",
        "Copyright © 2023 klikkalimantan.com",
        "Beranda » Daerah » Balangan",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Lihat juga video: banjir di Kalsel",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Video itu ramai dibagikan di Facebook dan WhatsApp.",
        "Warga melapor lewat Telegram kepada petugas.",
        "Selanjutnya, petugas memeriksa kendaraan.",
    ],
)
def test_body_sentences_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)
    assert not is_share_row(line)


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Foto: Warga antre beras (dok. ist)", "Warga antre beras"),
        (
            "Petugas memeriksa kendaraan, Senin (20/11). KOMPAS.COM/RIZAL",
            "Petugas memeriksa kendaraan, Senin (20/11).",
        ),
        ("Warga memadati pasar. ANTARA FOTO/Budi Candra", "Warga memadati pasar."),
        (
            "DUDUK-Kapolres duduk lesehan di halaman.(diskominfosan/klik)",
            "Kapolres duduk lesehan di halaman.",
        ),
    ],
)
def test_captions(text: str, caption: str) -> None:
    assert caption_text(text, before_dateline=True) == caption


@pytest.mark.parametrize(
    ("snippet", "out"),
    [
        (
            "klikkalimantan.com, PARINGIN-Dalam rangka persiapan Pemilu.",
            "Paringin, Dalam rangka persiapan Pemilu.",
        ),
        ("Facebook\nTwitter\nWarga berkumpul di balai desa.", "Warga berkumpul di balai desa."),
        (
            "Ia menegaskan hal itu.(pr/klik)\nBACA JUGA :\nJudul Berita Lain\nScroll to Top",
            "Ia menegaskan hal itu.",
        ),
        ("Mataram (ANTARA) - Harga beras stabil.\nEditor: Budi", "Mataram, Harga beras stabil."),
        ("KPU Balangan menetapkan DCT.", "KPU Balangan menetapkan DCT."),
        ("Baca juga: Harga Cabai Naik\nHarga bawang turun.", "Harga bawang turun."),
    ],
)
def test_clean_snippet(snippet: str, out: str) -> None:
    assert clean_snippet(snippet) == out
    assert clean_snippet(out) == out


def _text(body: str) -> RawArticle:
    return RawArticle(
        source="t.txt", kind="text", text=body, metadata={"title": body.split("\n")[0]}
    )


def test_sentence_broken_across_blocks_is_rejoined() -> None:
    a = clean(
        _text(
            "Judul\n\nPolisi memeriksa kendaraan yang melintas di\n\njalan utama pada Senin pagi."
        )
    )
    assert a.paragraphs == (
        "Polisi memeriksa kendaraan yang melintas di jalan utama pada Senin pagi.",
    )


def test_subheading_becomes_heading_block() -> None:
    a = clean(
        _text("Judul\n\nParagraf pertama selesai.\n\nKronologi Kejadian\n\nParagraf kedua selesai.")
    )
    assert [(b.kind, b.text) for b in a.blocks][1] == ("heading", "Kronologi Kejadian")


def test_related_headline_list_after_marker_is_dropped() -> None:
    a = clean(
        _text("Judul\n\nIsi berita pertama.\n\nBerita Terkait\nJudul Satu\nJudul Dua\n\nIsi kedua.")
    )
    assert a.paragraphs == ("Isi berita pertama.", "Isi kedua.")


def test_date_widget_sets_published() -> None:
    a = clean(_text("Judul\nSenin, 20 November 2023 09:15 WITA\n\nIsi berita hari ini."))
    assert a.published == "2023-11-20T09:15:00+08:00"


def test_nothing_left_raises() -> None:
    with pytest.raises(InputError, match="nothing left after cleaning"):
        clean(_text("Judul\n\nFacebook\nTwitter\nScroll to Top"))


def test_html_without_article_raises() -> None:
    raw = RawArticle(
        source="x.html", kind="html", text="<html><body><nav>Beranda</nav></body></html>"
    )
    with pytest.raises(InputError):
        clean(raw)
