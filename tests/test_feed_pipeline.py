"""The feed through the pipeline: publish (stages 5-6) and render (all stages) with the real eSpeak
voice, including the correction ("Ralat") workflow: same guid, new length and duration, marked."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import feedparser

from bacakan import pipeline
from bacakan.models import Article, Block, Episode, Script, Sentence
from bacakan.publish.feed import FeedSettings
from bacakan.synthesise import Voice, VoiceProfile
from tests.feedcheck import BASE_URL, check, mp3_seconds

FEED = FeedSettings(base_url=BASE_URL, owner_email="redaksi@pod.example.id")


def _publish(out: Path, body: str, voice: Voice, profile: VoiceProfile) -> Episode:
    article = Article(title="Jalan rusak di Paringin", blocks=(Block("paragraph", body),),
                      source="https://klikkalimantan.com/jalan-rusak", outlet="klikkalimantan.com",
                      published="2024-03-05T08:30:00+08:00")
    script = Script((Sentence(article.title, article.title, -1), Sentence(body, body, 0)))
    clips = pipeline.synthesise(script, voice, profile)
    return pipeline.publish(article, script, clips, profile, voice.engine,
                            pipeline.RenderSettings(out=out, feed=FEED))


def test_correction_keeps_guid_updates_facts_and_says_ralat(
        tmp_path: Path, espeak_voice: Voice, espeak_profile: VoiceProfile) -> None:
    first = _publish(tmp_path, "Jalan rusak.", espeak_voice, espeak_profile)
    before = feedparser.parse((tmp_path / "feed.xml").read_bytes()).entries
    assert not before[0].summary.startswith("Ralat")
    second = _publish(tmp_path, "Jalan di desa itu rusak parah sepanjang dua kilometer dan "
                      "warga meminta perbaikan segera.", espeak_voice, espeak_profile)
    assert second.guid == first.guid and second.slug == first.slug
    assert second.updated is not None

    data = (tmp_path / "feed.xml").read_bytes()
    assert check(data, out=tmp_path, base_url=BASE_URL) == []
    (entry,) = feedparser.parse(data).entries
    audio = tmp_path / second.slug / second.audio
    assert entry.id == first.guid
    assert entry.title == before[0].title
    assert entry.published == before[0].published  # not announced as a new episode
    assert int(entry.enclosures[0].length) == audio.stat().st_size != first.audio_bytes
    assert abs(int(entry.itunes_duration) - mp3_seconds(audio)) <= 1.5
    assert int(entry.itunes_duration) > int(before[0].itunes_duration)
    assert entry.summary.startswith("Ralat: diperbarui ")


def test_rendered_article_feed_passes(tmp_path: Path, espeak_voice: Voice,
                                      espeak_profile: VoiceProfile) -> None:
    source = tmp_path / "artikel.txt"
    source.write_text("Banjir rendam ratusan rumah di Paringin\n\n"
                      "PARINGIN - Banjir merendam ratusan rumah warga di Kecamatan Paringin, "
                      "Selasa pagi.\n\nWarga berharap pemerintah segera membantu.\n",
                      encoding="utf-8")
    out = tmp_path / "out"
    settings = pipeline.RenderSettings(out=out, feed=dataclasses.replace(FEED, max_items=5))
    episode = pipeline.render(str(source), settings, voice=espeak_voice, profile=espeak_profile)
    data = (out / "feed.xml").read_bytes()
    assert check(data, out=out, base_url=BASE_URL, feed_url=BASE_URL + "feed.xml",
                 max_items=5) == []
    assert feedparser.parse(data).entries[0].id == episode.guid


def test_unchanged_rerender_is_not_a_correction(
        tmp_path: Path, espeak_voice: Voice, espeak_profile: VoiceProfile) -> None:
    """Rendering the same text again (new voice, lexicon fix, crash retry) is not a "Ralat"; a
    later edit is, and an earlier correction stays marked through identical re-renders."""
    _publish(tmp_path, "Jalan rusak.", espeak_voice, espeak_profile)
    again = _publish(tmp_path, "Jalan rusak.", espeak_voice, espeak_profile)
    assert again.updated is None
    (entry,) = feedparser.parse((tmp_path / "feed.xml").read_bytes()).entries
    assert not entry.summary.startswith("Ralat")
    edited = _publish(tmp_path, "Jalan rusak parah.", espeak_voice, espeak_profile)
    assert edited.updated is not None
    assert _publish(tmp_path, "Jalan rusak parah.", espeak_voice, espeak_profile).updated == (
        edited.updated)
    (entry,) = feedparser.parse((tmp_path / "feed.xml").read_bytes()).entries
    assert entry.summary.startswith("Ralat: diperbarui ")
