"""Foundation: each bundled example rendered end to end with the real eSpeak voice."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pyloudnorm
import pytest
import soundfile
from mutagen.mp3 import MP3, BitrateMode

from bacakan import pipeline
from bacakan.models import Episode
from bacakan.synthesise import Voice, VoiceProfile
from tests.conftest import EXAMPLES

BOILERPLATE = ["Facebook", "Twitter", "WhatsApp", "Telegram", "BACA JUGA", "Baca Juga",
               "Scroll to Top", "pr/klik", "Komentar", "Tinggalkan Balasan"]
pytestmark = pytest.mark.parametrize("example", [p.name for p in EXAMPLES])


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in {"style", "script"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "script"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chunks.append(data)


def _parse_page(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _episode(rendered: tuple[Path, dict[str, Episode]], example: str) -> tuple[Path, Episode]:
    out, episodes = rendered
    episode = episodes[example]
    return out / episode.slug, episode


def test_mp3_decodes_with_duration_consistent_with_words(rendered_examples, example: str) -> None:
    folder, episode = _episode(rendered_examples, example)
    data, rate = soundfile.read(folder / episode.audio, dtype="float32")
    assert rate == 44100 and data.ndim == 1
    script = pipeline.make_script(pipeline.prepare(episode.source))
    words = sum(len(p.split()) for p in script.paragraphs())
    seconds = len(data) / rate
    # Indonesian newsreading runs at roughly 100-220 spoken words a minute, pauses included.
    assert words / 220 * 60 < seconds < words / 100 * 60, (words, seconds)


def test_loudness_within_one_lu_of_mono_target(rendered_examples, example: str) -> None:
    folder, episode = _episode(rendered_examples, example)
    data, rate = soundfile.read(folder / episode.audio, dtype="float64")
    assert pyloudnorm.Meter(rate).integrated_loudness(data) == pytest.approx(-19.0, abs=1.0)
    info = MP3(folder / episode.audio).info
    assert info.bitrate_mode == BitrateMode.CBR and info.sample_rate == 44100


def test_manifest_matches_files(rendered_examples, example: str) -> None:
    folder, _ = _episode(rendered_examples, example)
    data = json.loads((folder / "episode.json").read_text(encoding="utf-8"))
    for key in ("title", "slug", "guid", "published", "audio", "audio_bytes", "duration_s", "html",
                "voice", "engine", "source"):
        assert key in data
    assert data["audio_bytes"] == (folder / data["audio"]).stat().st_size
    assert data["duration_s"] == pytest.approx(MP3(folder / data["audio"]).info.length, abs=0.01)
    assert (folder / data["html"]).is_file()
    assert data["engine"] == "espeak" and data["voice"] == "id-espeak"


def test_page_is_semantic_and_free_of_boilerplate(rendered_examples, example: str) -> None:
    folder, episode = _episode(rendered_examples, example)
    page = _parse_page(folder / episode.html)
    html = (folder / episode.html).read_text(encoding="utf-8")
    assert re.search(r'<html lang="id"', html)
    assert [t for t, _ in page.tags].count("h1") == 1
    audio = [a for t, a in page.tags if t == "audio"]
    assert audio and "controls" in audio[0] and audio[0].get("aria-labelledby")
    assert any(t == "a" and a.get("href") == episode.audio for t, a in page.tags)
    text = " ".join(page.chunks)
    for word in BOILERPLATE:
        assert word not in text, word


def test_script_is_spoken_words_without_boilerplate(rendered_examples, example: str) -> None:
    _folder, episode = _episode(rendered_examples, example)
    script = pipeline.make_script(pipeline.prepare(episode.source))
    spoken = " ".join(script.paragraphs())
    assert not re.search(r"\d", spoken), "digits must be spelled out"
    for word in BOILERPLATE:
        assert word.lower() not in spoken, word


def test_feed_lists_each_episode_once_with_real_length(rendered_examples, example: str) -> None:
    out, _episodes = rendered_examples
    folder, episode = _episode(rendered_examples, example)
    root = ET.parse(out / "feed.xml").getroot()
    items = [i for i in root.iter("item") if i.findtext("guid") == episode.guid]
    assert len(items) == 1
    enclosure = items[0].find("enclosure")
    assert enclosure is not None
    assert int(enclosure.get("length", "0")) == (folder / episode.audio).stat().st_size
    assert enclosure.get("type") == "audio/mpeg"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{episode.slug}/index.html"' in index


def test_rerender_replaces_episode_in_place(
    tmp_path: Path, espeak_voice: Voice, espeak_profile: VoiceProfile, example: str
) -> None:
    source = str(next(p for p in EXAMPLES if p.name == example))
    settings = pipeline.RenderSettings(out=tmp_path)
    first = pipeline.render(source, settings, voice=espeak_voice, profile=espeak_profile)
    second = pipeline.render(source, settings, voice=espeak_voice, profile=espeak_profile)
    assert (first.slug, first.guid) == (second.slug, second.guid)
    assert [p.name for p in tmp_path.iterdir() if p.is_dir()] == [first.slug]
    root = ET.parse(tmp_path / "feed.xml").getroot()
    assert len(list(root.iter("item"))) == 1
    leftovers = [p.name for p in tmp_path.rglob("*") if ".tmp" in p.name]
    assert leftovers == []
    assert np.isfinite(second.duration_s)

