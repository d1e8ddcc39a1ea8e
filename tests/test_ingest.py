"""ingest.read: files of every kind, bad input, and URL fetching against a local HTTP server."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bacakan import fetch
from bacakan.clean import clean
from bacakan.errors import InputError
from bacakan.ingest import decode, read
from tests.seed import SEED, needs_seed

DATA = Path(__file__).parent / "data" / "clean"
PAGE = (DATA / "wp-regional.html").read_bytes()
UTF8_WRONG_META = (
    "<html><head><meta charset='windows-1252'><title>Harga Naik</title></head><body><article>"
    "<p>Harga cabai naik menjadi Rp90 ribu — “kata pedagang” di pasar Sentra Antasari"
    " pada pagi hari."
    " Pedagang lain mengatakan pasokan berkurang sejak pekan lalu karena cuaca buruk di Jawa.</p>"
    "<p>Dinas Perdagangan akan menggelar operasi pasar di tiga kecamatan untuk menahan harga.</p>"
    "</article></body></html>"
).encode()


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep pytest output quiet
        pass

    def _send(self, status: int, ctype: str, body: bytes, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self) -> None:
        p = self.path
        if p == "/article.html":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif p == "/redirect":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif p == "/404":
            self._send(404, "text/html", b"<h1>Not found</h1>")
        elif p == "/500":
            self._send(500, "text/html", b"<h1>Error</h1>")
        elif p == "/slow":
            time.sleep(3)
            self._send(200, "text/html", PAGE)
        elif p == "/doc.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 fake")
        elif p == "/image":
            self._send(200, "image/jpeg", b"\xff\xd8\xff\xe0 fake")
        elif p == "/huge":
            self._send(200, "text/html", b"<p>x</p>" * 10, length=20 * 1024 * 1024)
        elif p == "/huge-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(12):
                    self.wfile.write(b"<p>" + b"a" * (1024 * 1024) + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif p == "/wrong-meta":
            self._send(200, "text/html", UTF8_WRONG_META)
        else:
            self._send(404, "text/plain", b"no")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# --- files -----------------------------------------------------------------------------------


def test_text_file_title_is_first_line(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("\n\n  Judul Berita  \n\nIsi berita pertama.\n", encoding="utf-8")
    raw = read(str(f))
    assert (raw.kind, raw.metadata["title"]) == ("text", "Judul Berita")


def test_markdown_front_matter(tmp_path: Path) -> None:
    raw = read(str(DATA / "md-frontmatter.md"))
    assert raw.kind == "markdown"
    assert raw.metadata["title"] == "Sekolah Rusak di Tapin Mulai Diperbaiki"
    assert raw.metadata["published"] == "2023-11-30"
    assert raw.metadata["outlet"] == "wartabanua.com"
    assert not raw.text.startswith("---")


def test_markdown_date_key_and_bad_yaml(tmp_path: Path) -> None:
    f = tmp_path / "a.markdown"
    f.write_text("---\ndate: 2024-01-05T08:00:00+08:00\nauthor: Budi\n---\nIsi berita di sini.\n")
    raw = read(str(f))
    assert raw.metadata["published"].startswith("2024-01-05T08:00:00")
    assert raw.metadata["byline"] == "Budi"
    bad = tmp_path / "b.md"
    bad.write_text("---\ntitle: [unclosed\n---\nIsi.\n")
    with pytest.raises(InputError, match="front matter"):
        read(str(bad))


def test_html_by_suffix_and_sniffing(tmp_path: Path) -> None:
    assert read(str(DATA / "kompas.html")).kind == "html"
    f = tmp_path / "page.dat"
    f.write_bytes(PAGE)
    assert read(str(f)).kind == "html"
    g = tmp_path / "note"
    g.write_text("# Judul\n\nIsi.\n")
    assert read(str(g)).kind == "markdown"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "directory"),
        (lambda p: p.write_text(""), "empty"),
        (lambda p: p.write_text("  \n\t\n   "), "empty"),
        (lambda p: p.write_bytes(bytes(range(256)) * 40), "binary"),
        (lambda p: p.write_bytes(b"%PDF-1.7\n" + b"\x01\x02" * 100), "PDF"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100), "PNG"),
    ],
    ids=["missing", "directory", "empty", "whitespace", "binary", "pdf", "png"],
)
def test_bad_files(tmp_path: Path, setup: object, message: str) -> None:
    p = tmp_path / "article.txt"
    setup(p)  # type: ignore[operator]
    with pytest.raises(InputError, match=message) as err:
        read(str(p))
    assert "\n" not in str(err.value)


def test_oversize_file(tmp_path: Path) -> None:
    p = tmp_path / "big.html"
    with p.open("wb") as fh:
        fh.truncate(20 * 1024 * 1024)
    with pytest.raises(InputError, match="limit"):
        read(str(p))


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(
        "Judul\n\nKafe di Banjarmasin menjual café susu dengan harga Rp15 ribu.\n".encode("cp1252")
    )
    assert "café" in read(str(p)).text


def test_decode_prefers_utf8_over_wrong_meta() -> None:
    assert "“kata pedagang”" in decode(UTF8_WRONG_META, "x")


@needs_seed
def test_seed_reads_as_text() -> None:
    raw = read(str(SEED))
    assert raw.metadata["title"].startswith("Jelang Pemilu 2024")


# --- URLs ------------------------------------------------------------------------------------


def test_url_fetch_and_clean(server: str) -> None:
    raw = read(f"{server}/redirect")
    assert raw.kind == "html"
    assert raw.metadata["url"].endswith("/article.html")
    assert clean(raw).dateline == "Batulicin"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/404", "HTTP 404"),
        ("/500", "HTTP 500"),
        ("/doc.pdf", "application/pdf"),
        ("/image", "image/jpeg"),
        ("/huge", "limit"),
        ("/huge-chunked", "limit"),
    ],
)
def test_url_errors(server: str, path: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as err:
        read(f"{server}{path}")
    assert "\n" not in str(err.value)


def test_url_timeout(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "TIMEOUT_S", 0.5)
    with pytest.raises(InputError, match="timeout"):
        fetch.fetch(f"{server}/slow", timeout=0.5)


def test_url_connection_refused() -> None:
    with pytest.raises(InputError, match="cannot fetch"):
        read("http://127.0.0.1:9/x")


def test_url_charset_declared_wrong_in_meta(server: str) -> None:
    raw = read(f"{server}/wrong-meta")
    assert "“kata pedagang”" in raw.text
    assert "Rp90 ribu — " in clean(raw).paragraphs[0]
