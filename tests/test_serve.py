"""``bacakan serve``: byte ranges over real HTTP requests (browsers need them to seek audio)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from bacakan.cli import app
from bacakan.cli.serve import parse_range, start_background

BODY = bytes(range(256)) * 40  # 10 240 bytes, every offset recognisable


@pytest.fixture()
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("BACAKAN_SERVE_QUIET", "1")
    (tmp_path / "ep").mkdir()
    (tmp_path / "ep" / "ep.mp3").write_bytes(BODY)
    (tmp_path / "ep" / "ep.vtt").write_text("WEBVTT\n", encoding="utf-8")
    (tmp_path / "ep" / "episode.json").write_text("{}", encoding="utf-8")
    (tmp_path / "feed.xml").write_text("<rss/>", encoding="utf-8")
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    server, thread = start_background(tmp_path)
    host, port = server.server_address[:2]
    yield f"http://{host!s}:{port}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def get(url: str, **headers: str) -> httpx.Response:
    return httpx.get(url, headers=headers, timeout=5)


def test_whole_file_advertises_ranges(base: str) -> None:
    r = get(f"{base}/ep/ep.mp3")
    assert r.status_code == 200
    assert r.content == BODY
    assert r.headers["accept-ranges"] == "bytes"
    assert r.headers["content-type"] == "audio/mpeg"


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [("bytes=0-9", 0, 9), ("bytes=100-", 100, len(BODY) - 1), ("bytes=-16", len(BODY) - 16,
     len(BODY) - 1), ("bytes=10000-99999", 10000, len(BODY) - 1), ("bytes=5-5", 5, 5)],
)
def test_satisfiable_range_is_206(base: str, header: str, first: int, last: int) -> None:
    r = get(f"{base}/ep/ep.mp3", Range=header)
    assert r.status_code == 206
    assert r.headers["content-range"] == f"bytes {first}-{last}/{len(BODY)}"
    assert int(r.headers["content-length"]) == last - first + 1
    assert r.content == BODY[first:last + 1]
    assert r.headers["content-type"] == "audio/mpeg"


@pytest.mark.parametrize("header", [f"bytes={len(BODY)}-", "bytes=500-100", "bytes=-0"])
def test_unsatisfiable_range_is_416(base: str, header: str) -> None:
    r = get(f"{base}/ep/ep.mp3", Range=header)
    assert r.status_code == 416
    assert r.headers["content-range"] == f"bytes */{len(BODY)}"
    assert r.content == b""


@pytest.mark.parametrize("header", ["bytes=0-1,5-6", "items=0-5", "bytes=-", "nonsense"])
def test_range_we_do_not_understand_serves_whole_file(base: str, header: str) -> None:
    r = get(f"{base}/ep/ep.mp3", Range=header)
    assert r.status_code == 200
    assert r.content == BODY


def test_head_with_range(base: str) -> None:
    r = httpx.head(f"{base}/ep/ep.mp3", headers={"Range": "bytes=0-99"}, timeout=5)
    assert r.status_code == 206
    assert r.headers["content-length"] == "100"


def test_range_on_missing_file_is_404(base: str) -> None:
    assert get(f"{base}/ep/nope.mp3", Range="bytes=0-1").status_code == 404


@pytest.mark.parametrize(
    ("path", "mime"),
    [("ep/ep.vtt", "text/vtt"), ("ep/episode.json", "application/json"),
     ("feed.xml", "application/xml"), ("index.html", "text/html"), ("", "text/html")],
)
def test_mime_types(base: str, path: str, mime: str) -> None:
    r = get(f"{base}/{path}")
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == mime


def test_no_escape_from_the_folder(base: str) -> None:
    r = httpx.get(f"{base}/../../etc/passwd", timeout=5)
    assert b"root:" not in r.content


def test_parse_range_edges() -> None:
    assert parse_range("bytes=0-0", 1) == (0, 0)
    assert parse_range("bytes=-5", 3) == (0, 2)
    assert parse_range("bytes=0-", 0) is None
    with pytest.raises(ValueError):
        parse_range("bytes=1-2,4-5", 10)


def test_cli_serve_is_registered_and_rejects_missing_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    assert "--port" in runner.invoke(app, ["serve", "--help"]).output
    result = runner.invoke(app, ["serve", str(tmp_path / "missing")])
    assert result.exit_code == 2
