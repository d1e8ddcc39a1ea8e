"""`bacakan render|clean|script` through the real CLI.

Output, one-line errors, exit codes, nothing half-written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bacakan.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()
TEXT_EXAMPLE = next(p for p in EXAMPLES if p.suffix == ".txt")


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


BAD_INPUTS = [
    pytest.param(lambda d: d / "tidak-ada.txt", "no such file", id="missing-file"),
    pytest.param(lambda d: d, "directory", id="directory"),
    pytest.param(lambda d: _write(d / "kosong.txt", b""), "empty", id="empty"),
    pytest.param(lambda d: _write(d / "spasi.txt", b"  \n\t\n  "), "empty", id="whitespace-only"),
    pytest.param(lambda d: _write(d / "biner.txt", os.urandom(2048)), "", id="binary-garbage"),
    pytest.param(lambda d: _write(d / "boiler.txt", b"Facebook\nTwitter\nScroll to Top\n"),
                 "", id="cleans-to-nothing"),
]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("make", "fragment"), BAD_INPUTS)
def test_bad_input_one_line_error_and_nothing_written(tmp_path: Path, make, fragment: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    bad = make(inputs)
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(bad), "--out", str(out)])
    assert result.exit_code != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("bacakan:")]
    assert len(errors) == 1 and fragment in errors[0].lower(), result.stderr
    assert not out.exists() or not any(p.suffix in {".mp3", ".json"} for p in out.rglob("*"))


def test_bad_input_does_not_stop_the_good_article(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(tmp_path / "hilang.txt"), str(TEXT_EXAMPLE),
                                 "--out", str(out)])
    assert result.exit_code == 1
    assert "hilang.txt" in result.stderr
    manifests = list(out.glob("*/episode.json"))
    assert len(manifests) == 1
    assert (out / "feed.xml").is_file() and (out / "index.html").is_file()


def test_unknown_voice_is_a_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", str(TEXT_EXAMPLE), "--out", str(tmp_path / "o"),
                                 "--voice", "suara-tak-ada"])
    assert result.exit_code != 0
    assert "suara-tak-ada" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere: permissions untestable")
def test_unwritable_out_is_a_one_line_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = runner.invoke(app, ["render", str(TEXT_EXAMPLE), "--out", str(locked / "x")])
    assert result.exit_code != 0 and "cannot write" in result.stderr


def test_unwritable_out_when_out_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    result = runner.invoke(app, ["render", str(TEXT_EXAMPLE), "--out", str(blocker)])
    assert result.exit_code != 0 and "cannot write" in result.stderr
    assert "it is a file" in result.stderr  # not the bare "File exists" of mkdir
    assert blocker.read_text() == "bukan folder"


def test_a_missing_lexicon_is_one_error_before_any_article(tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", str(TEXT_EXAMPLE), str(TEXT_EXAMPLE), "--out",
                                 str(tmp_path / "out"), "--lexicon", str(tmp_path / "tidak.tsv")])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "tidak.tsv" in result.stderr
    assert not (tmp_path / "out").exists()


def test_script_lines_reads_latin1_like_an_article_and_rejects_binary(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Kafe 10 meja, café.\n".encode("latin-1"))
    result = runner.invoke(app, ["script", "--lines", str(latin)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("kafe sepuluh meja")
    binary = tmp_path / "sampah.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(app, ["script", "--lines", str(binary)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "sampah.txt" in result.stderr and "codec" not in result.stderr


def test_render_prints_summary(tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", str(TEXT_EXAMPLE), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    manifest = json.loads(next(tmp_path.glob("*/episode.json")).read_text(encoding="utf-8"))
    assert manifest["title"] in result.stderr and "id-espeak" in result.stderr


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_clean_json_schema(example: Path) -> None:
    result = runner.invoke(app, ["clean", str(example), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"title", "dateline", "outlet", "published", "byline", "credit", "caption",
                         "paragraphs"}
    assert data["title"] and data["paragraphs"]
    assert all(isinstance(p, str) and p for p in data["paragraphs"])


def test_script_lines_one_output_per_input(tmp_path: Path) -> None:
    snippets = tmp_path / "potongan.txt"
    text = "Sebanyak 1.500 warga hadir.\n\nRapat digelar Senin (20/11).\n"
    snippets.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["script", "--lines", str(snippets)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.split("\n")[:-1]
    assert lines == ["sebanyak seribu lima ratus warga hadir", "",
                     "rapat digelar senin dua puluh november"]


def test_script_prints_one_paragraph_per_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["script", str(TEXT_EXAMPLE)])
    assert result.exit_code == 0, result.stderr
    cleaned = json.loads(runner.invoke(app, ["clean", str(TEXT_EXAMPLE), "--json"]).stdout)
    headings = 0
    assert len(result.stdout.strip().splitlines()) == 1 + len(cleaned["paragraphs"]) + headings


@pytest.mark.parametrize("url", ["radio.example.id/bacakan/", "ftp://radio.example.id/"])
def test_a_base_url_that_is_not_http_is_refused_like_the_settings_file(
        tmp_path: Path, url: str) -> None:
    result = runner.invoke(app, ["render", str(TEXT_EXAMPLE), "--out", str(tmp_path / "out"),
                                 "--base-url", url])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "--base-url must start with https://" in result.stderr
    assert not (tmp_path / "out").exists()
