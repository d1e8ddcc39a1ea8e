"""Real-markup set (tests/data/clean/real.json): fixtures written in our own words that copy the
STRUCTURE of real saved pages and real scraped/pasted text found in public repositories (markup
classes, furniture strings, where things are glued), one fixture per failure class found there:
Detik's loose ``<strong>Jakarta</strong> -`` dateline and ``para_caption`` ad labels, Tribun
reporter lines and ``(Outlet/Full Name)`` / ``(code/tribun-x.com)`` sign-offs, one-line copies
with the Kompas WhatsApp banner and syndication note glued on, Detik/detikTravel furniture,
Tempo's glued "Pilihan Editor:" and contributor line, ANTARA's AdSense loader text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bacakan.clean import clean_snippet
from tests import clean_golden

DATA = Path(__file__).parent / "data" / "clean"
REAL = clean_golden.load("real.json")


@pytest.mark.parametrize("name", sorted(REAL), ids=sorted(REAL))
def test_real_fixture(name: str) -> None:
    clean_golden.check(REAL[name])


@pytest.mark.parametrize(
    "line",
    [
        "SCROLL TO RESUME CONTENT",
        "ADVERTISEMENT SCROLL TO RESUME CONTENT",
        "Scroll ke bawah untuk melanjutkan membaca",
        "Selengkapnya di halaman selanjutnya.",
        "Lanjut ke sebelah...",
        "BREAKING NEWS CNN Indonesia",
        "Kompascom+ baca berita tanpa iklan",
        "(adsbygoogle = window.adsbygoogle || []).push({});",
        "Rani Wijaya berkontribusi dalam penulisan artikel ini.",
    ],
)
def test_real_furniture_line_dropped(line: str) -> None:
    assert clean_snippet(f"Harga beras naik lagi pekan ini.\n{line}\nPedagang mengeluh.") == (
        "Harga beras naik lagi pekan ini.\nPedagang mengeluh."
    )


@pytest.mark.parametrize(
    "line",
    [
        # body sentences that share words with the furniture above
        "Warga diminta scroll ke bawah aplikasi untuk mengisi formulir pendaftaran bantuan.",
        "Sebanyak tiga wartawan berkontribusi dalam penulisan buku sejarah kota itu.",
        "“Saya sudah lapor ke desa,” katanya. (Foto/Andi Saputra)",
    ],
)
def test_real_lookalike_body_kept(line: str) -> None:
    text = f"Harga beras naik lagi pekan ini.\n{line}\nPedagang mengeluh."
    assert line.split(" (")[0] in clean_snippet(text)
