"""bacakan.toml: defaults, file, environment and CLI layers; one-line errors; docs per setting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bacakan import config
from bacakan.cli import app
from bacakan.errors import ConfigError
from bacakan.publish.feed import FeedSettings, SubFeed

ROOT = Path(__file__).resolve().parents[1]
GOOD = """
[feed]
title = "Klik Kalimantan dibacakan"
base_url = "https://pod.example.id/"
owner_email = "redaksi@klikkalimantan.com"
cover = "art/cover.png"
itunes_category = "News"
itunes_subcategory = "Politics"
max_items = 50
locked = false

[feeds.kalimantan]
outlet = "klikkalimantan.com"

[feeds.olahraga]
category = "Olahraga"
itunes_category = "Sports"
max_items = 20
"""


def _write(folder: Path, text: str) -> Path:
    path = folder / "bacakan.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path: Path) -> None:
    loaded = config.load(env={}, cwd=tmp_path)
    assert loaded.feed == FeedSettings()
    assert loaded.source is None


def test_file_in_the_current_folder(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    loaded = config.load(env={}, cwd=tmp_path)
    feed = loaded.feed
    assert loaded.source == path
    assert (feed.title, feed.max_items, feed.locked) == ("Klik Kalimantan dibacakan", 50, False)
    assert feed.cover == str(tmp_path / "art" / "cover.png")  # relative to the file
    assert feed.feeds == (
        SubFeed("kalimantan", outlet="klikkalimantan.com"),
        SubFeed("olahraga", category="Olahraga", itunes_category="Sports", max_items=20),
    )
    sports = feed.for_subfeed(feed.feeds[1])
    assert (sports.itunes_category, sports.itunes_subcategory) == ("Sports", "")
    assert sports.max_items == 20
    assert sports.title == "Klik Kalimantan dibacakan – olahraga"


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    _write(tmp_path, GOOD)
    env = {"BACAKAN_FEED_TITLE": "Dari env", "BACAKAN_FEED_MAX_ITEMS": "7",
           "BACAKAN_FEED_LOCKED": "yes"}
    feed = config.load(env=env, cwd=tmp_path).feed
    assert (feed.title, feed.max_items, feed.locked) == ("Dari env", 7, True)
    assert feed.base_url == "https://pod.example.id/"  # untouched values stay from the file


def test_explicit_file_and_bacakan_config_variable(tmp_path: Path) -> None:
    other = tmp_path / "lain.toml"
    other.write_text('[feed]\ntitle = "Lain"\n', encoding="utf-8")
    _write(tmp_path, GOOD)
    assert config.load(other, env={}, cwd=tmp_path).feed.title == "Lain"
    assert config.load(env={"BACAKAN_CONFIG": str(other)}, cwd=tmp_path).feed.title == "Lain"


BAD = [
    ("[feed\ntitle = 1", "invalid TOML"),
    ("[fed]\ntitle = 'x'", "unknown section 'fed'"),
    ("[feed]\ntitel = 'x'", "unknown setting 'titel'"),
    ("[feed]\nmax_items = 'banyak'", "max_items must be a whole number"),
    ("[feed]\nmax_items = 0", "max_items must be a whole number"),
    ("[feed]\nlocked = 'kadang'", "locked must be true or false"),
    ("[feed]\ntitle = 3", "title must be a text string"),
    ("[feed]\nbase_url = 'ftp://x'", "base_url must start with https://"),
    ("[feed]\nowner_email = 'redaksi'", "owner_email is not an email address"),
    ("[feed]\nitunes_category = 'Berita'", "not an Apple Podcasts category"),
    ("[feed]\nitunes_subcategory = 'daily news'", "is not in 'News'"),
    ("[feed]\nmedium = 'radio'", "medium must be one of"),
    ("[feed]\ncover = 'logo.webp'", "cover must be a .jpg"),
    ("[feeds.kalimantan]\ntitle = 'x'", "set exactly one of outlet or category"),
    ("[feeds.k]\noutlet = 'a'\ncategory = 'b'", "set exactly one of outlet or category"),
    ("[feeds.Kali_mantan]\noutlet = 'a'", "lower-case letters"),
    ("[feeds.k]\noutlet = 'a'\nitunes_category = 'Olahraga'", "[feeds.k]"),
    ("feed = 3", "must be a table"),
]


@pytest.mark.parametrize(("text", "fragment"), BAD, ids=[f for _t, f in BAD])
def test_invalid_file_is_one_line_naming_file_and_problem(tmp_path: Path, text: str,
                                                          fragment: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        config.load(env={}, cwd=tmp_path)
    message = str(caught.value)
    assert str(path) in message and fragment in message
    assert "\n" not in message


def test_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="BACAKAN_FEED_MAX_ITEMS"):
        config.load(env={"BACAKAN_FEED_MAX_ITEMS": "x"}, cwd=tmp_path)


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="settings file not found"):
        config.load(tmp_path / "tidak-ada.toml", env={}, cwd=tmp_path)


def test_render_with_bad_config_exits_with_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "[feed]\nmax_items = -1\n")
    result = CliRunner().invoke(app, ["render", "--config", str(path), "--out",
                                      str(tmp_path / "out"), str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and str(path) in lines[0] and "max_items" in lines[0]
    assert not (tmp_path / "out").exists()


def test_render_uses_the_config_and_base_url_overrides_it(tmp_path: Path) -> None:
    path = _write(tmp_path, '[feed]\ntitle = "Judul dari file"\n'
                            'base_url = "https://dari-file.example.id/"\n')
    article = tmp_path / "a.txt"
    article.write_text("Jalan rusak di Paringin\n\nJalan di desa itu rusak parah.\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["render", "--config", str(path), "--out", str(out),
                                      "--base-url", "https://cli.example.id/", str(article)])
    assert result.exit_code == 0, result.output
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "<title>Judul dari file</title>" in feed
    assert "https://cli.example.id/feed.xml" in feed and "dari-file" not in feed


def _readme_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Configuration\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, "README.md needs a '## Configuration' section"
    return match.group(1)


ALL_SETTINGS = config.SETTINGS + config.SUBFEED_SETTINGS + config.NARRATION_SETTINGS


@pytest.mark.parametrize("setting", [s.name for s in ALL_SETTINGS])
def test_every_setting_is_documented(setting: str) -> None:
    assert f"`{setting}`" in _readme_section()


def test_every_setting_has_help() -> None:
    assert all(s.help for s in ALL_SETTINGS)
    assert {s.name for s in config.SETTINGS} <= {f.name for f in
                                                  FeedSettings.__dataclass_fields__.values()}


def test_narration_lexicons_reach_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """[narration] lexicons in ./bacakan.toml override the shipped lexicon in `bacakan script`."""
    lexicon = tmp_path / "redaksi.tsv"
    lexicon.write_text("Balangan\tsay:balangan kabupaten\n", encoding="utf-8")
    (tmp_path / "bacakan.toml").write_text('[narration]\nlexicons = ["redaksi.tsv"]\n',
                                           encoding="utf-8")
    snippet = tmp_path / "baris.txt"
    snippet.write_text("Polres Balangan siaga.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BACAKAN_CONFIG", raising=False)
    result = CliRunner().invoke(app, ["script", "--lines", str(snippet)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "polres balangan kabupaten siaga"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        pytest.param('[narration]\nlexicons = "a.tsv"\n', "must be a list", id="not-a-list"),
        pytest.param('[narration]\nlexicons = ["hilang.tsv"]\n', "not found", id="missing-file"),
        pytest.param('[narration]\nsuara = "x"\n', "unknown setting 'suara'", id="unknown-key"),
    ],
)
def test_bad_narration_settings_are_one_line(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "bacakan.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=fragment) as info:
        config.load(path, env={})
    assert str(path) in str(info.value) and "\n" not in str(info.value)
