"""A correction may fix the headline: the file (or URL) is the article's identity, not its title."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from bacakan import pipeline
from bacakan.synthesise import Voice, VoiceProfile
from tests.conftest import EXAMPLES


def test_corrected_headline_keeps_guid_and_folder(
    tmp_path: Path, espeak_voice: Voice, espeak_profile: VoiceProfile
) -> None:
    article = tmp_path / "artikel.txt"
    text = next(p for p in EXAMPLES if p.suffix == ".txt").read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    settings = pipeline.RenderSettings(out=tmp_path / "out")
    first = pipeline.render(str(article), settings, voice=espeak_voice, profile=espeak_profile)
    first_page = (tmp_path / "out" / first.slug / first.html).read_text(encoding="utf-8")
    assert "Ralat" not in first_page
    title = first.title
    article.write_text(text.replace(title, f"Ralat: {title}", 1), encoding="utf-8")
    second = pipeline.render(str(article), settings, voice=espeak_voice, profile=espeak_profile)
    assert second.title == f"Ralat: {title}"
    assert (second.guid, second.slug) == (first.guid, first.slug)
    assert second.updated is not None
    assert [p.name for p in (tmp_path / "out").iterdir() if p.is_dir()] == [first.slug]
    items = list(ET.parse(tmp_path / "out" / "feed.xml").getroot().iter("item"))
    assert [i.findtext("title") for i in items] == [second.title]
    page = (tmp_path / "out" / second.slug / second.html).read_text(encoding="utf-8")
    assert f'Ralat, diperbarui</span> · <time datetime="{second.updated}">' in page


def test_same_text_from_another_file_is_another_episode(
    tmp_path: Path, espeak_voice: Voice, espeak_profile: VoiceProfile
) -> None:
    text = next(p for p in EXAMPLES if p.suffix == ".txt").read_text(encoding="utf-8")
    settings = pipeline.RenderSettings(out=tmp_path / "out")
    guids = set()
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        episode = pipeline.render(str(tmp_path / name), settings, voice=espeak_voice,
                                  profile=espeak_profile)
        guids.add(episode.guid)
    assert len(guids) == 2
    assert len(list(ET.parse(tmp_path / "out" / "feed.xml").getroot().iter("item"))) == 2
