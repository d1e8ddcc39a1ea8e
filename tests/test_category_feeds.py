"""The outlet's rubric (front matter ``category`` or HTML ``article:section``) reaches the
per-category feeds configured in the settings file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bacakan import config, ingest, pipeline
from bacakan.clean import clean
from bacakan.synthesise import Voice, VoiceProfile
from tests.conftest import ROOT

CASES = [
    pytest.param("hst-banjir.md", "Bencana", id="markdown-front-matter"),
    pytest.param("tabalong-pasar.html", "Ekonomi", id="html-article-section"),
    pytest.param("balangan-bhabinkamtibmas.txt", None, id="pasted-text-has-none"),
]


@pytest.mark.parametrize(("example", "category"), CASES)
def test_category_is_read_from_the_source(example: str, category: str | None) -> None:
    article = clean(ingest.read(str(ROOT / "examples" / example)))
    assert article.category == category


def test_category_feed_lists_only_its_rubric(
    tmp_path: Path, espeak_voice: Voice, espeak_profile: VoiceProfile
) -> None:
    settings_file = tmp_path / "bacakan.toml"
    settings_file.write_text('[feeds.bencana]\ncategory = "bencana"\n', encoding="utf-8")
    feed = config.load(settings_file).feed
    settings = pipeline.RenderSettings(out=tmp_path / "out", feed=feed)
    for example in ("hst-banjir.md", "tabalong-pasar.html"):
        pipeline.render(str(ROOT / "examples" / example), settings, voice=espeak_voice,
                        profile=espeak_profile)
    items = ET.parse(tmp_path / "out" / "feeds" / "bencana.xml").getroot().iter("item")
    assert [i.findtext("title") for i in items] == [
        "Banjir Rendam 1.200 Rumah di Hulu Sungai Tengah, Warga Mulai Mengungsi"
    ]
    everything = ET.parse(tmp_path / "out" / "feed.xml").getroot().iter("item")
    assert len(list(everything)) == 2
