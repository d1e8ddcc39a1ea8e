"""Cover art: the drawn default, configured files and URLs, redrawn only when inputs change."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from bacakan.errors import ConfigError
from bacakan.publish import cover, site
from bacakan.publish.feed import FeedSettings, SubFeed
from tests.feedcheck import NS

SETTINGS = FeedSettings(title="Klik Kalimantan dibacakan", base_url="https://pod.example.id/")


def _href(out: Path, path: str = "feed.xml") -> str:
    image = etree.fromstring((out / path).read_bytes()).find("channel/itunes:image", NS)
    assert image is not None
    return str(image.get("href", ""))


def test_default_cover_is_apple_sized_rgb_jpeg(tmp_path: Path) -> None:
    site.rebuild(tmp_path, SETTINGS)
    path = tmp_path / "cover.jpg"
    with Image.open(path) as image:
        assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (3000, 3000))
    assert cover.problems(path) == []
    assert _href(tmp_path) == "https://pod.example.id/cover.jpg"


def test_default_cover_redrawn_only_when_its_inputs_change(tmp_path: Path) -> None:
    site.rebuild(tmp_path, SETTINGS)
    path = tmp_path / "cover.jpg"
    first = path.stat().st_mtime_ns, path.read_bytes()
    site.rebuild(tmp_path, dataclasses.replace(SETTINGS, description="lain"))  # not an input
    assert (path.stat().st_mtime_ns, path.read_bytes()) == first
    site.rebuild(tmp_path, dataclasses.replace(SETTINGS, title="Kabar Balangan"))
    assert path.read_bytes() != first[1]


def test_each_subfeed_gets_a_cover_with_its_own_name(tmp_path: Path) -> None:
    settings = dataclasses.replace(SETTINGS, feeds=(SubFeed("balangan", outlet="x.id"),))
    site.rebuild(tmp_path, settings)
    assert _href(tmp_path, "feeds/balangan.xml") == "https://pod.example.id/feeds/balangan.jpg"
    assert (tmp_path / "feeds/balangan.jpg").read_bytes() != (tmp_path / "cover.jpg").read_bytes()


def test_configured_cover_is_checked_and_copied(tmp_path: Path) -> None:
    source = tmp_path / "art" / "logo.png"
    source.parent.mkdir()
    Image.new("RGB", (1400, 1400), (200, 30, 30)).save(source)
    out = tmp_path / "out"
    site.rebuild(out, dataclasses.replace(SETTINGS, cover=str(source)))
    assert (out / "cover.png").read_bytes() == source.read_bytes()
    assert _href(out) == "https://pod.example.id/cover.png"
    assert not (out / "cover.jpg").exists()


def test_cover_url_is_used_as_given(tmp_path: Path) -> None:
    site.rebuild(tmp_path, dataclasses.replace(SETTINGS, cover="https://cdn.example.id/art.jpg"))
    assert _href(tmp_path) == "https://cdn.example.id/art.jpg"


@pytest.mark.parametrize(("size", "mode", "name", "problem"), [
    ((1000, 1000), "RGB", "a.jpg", "1400-3000"),
    ((1500, 1400), "RGB", "a.jpg", "square"),
    ((1400, 1400), "RGBA", "a.png", "RGB"),
    ((1400, 1400), "RGB", "a.webp", ".jpg"),
])
def test_bad_configured_cover_is_one_clear_error(tmp_path: Path, size: tuple[int, int], mode: str,
                                                 name: str, problem: str) -> None:
    source = tmp_path / name
    Image.new(mode, size).save(source)
    with pytest.raises(ConfigError) as caught:
        site.rebuild(tmp_path / "out", dataclasses.replace(SETTINGS, cover=str(source)))
    assert problem in str(caught.value)
    assert "\n" not in str(caught.value)


def test_jpeg_named_png_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "a.png"
    Image.new("RGB", (1400, 1400)).save(source, format="JPEG")
    assert cover.problems(source) == ["cover is JPEG but named .png"]
