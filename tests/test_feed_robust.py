"""Whatever an article's title or summary holds, the feed stays well-formed XML apps can read."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from bacakan.models import Episode
from bacakan.publish.feed import FeedSettings, build_feed, clean_text
from tests.feedcheck import check, errors

NASTY = ["]]>", "<![CDATA[", "&", "&amp;", "<script>", "\x00", "\x0b", "\x1b", "\ud800", "\ufffe",
         "\u202e", "שלום", "مرحبا", "😀🇮🇩", "\r\n", "\u0085", "--", "<!--", "\"'", "\t"]
TEXT = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=20)), max_size=8).map("".join)
FEED = FeedSettings(base_url="https://pod.example.id/")


def _episode(title: str, summary: str) -> Episode:
    return Episode(title=title or "x", slug="artikel", guid="g-1", published="2024-03-05",
                   audio="artikel.mp3", audio_bytes=1234, duration_s=12.3, html="index.html",
                   voice="id-espeak", engine="espeak", source="s", summary=summary,
                   updated="2024-03-06" if "!" in summary else None)


def _expected(text: str) -> str:
    # XML parsers turn CR and CRLF into LF; that is all that may change besides removed controls.
    kept = clean_text(text) if clean_text(text).strip() else "Tanpa judul"
    return kept.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, summary=TEXT, channel_title=TEXT)
def test_any_text_gives_well_formed_xml(title: str, summary: str, channel_title: str) -> None:
    data = build_feed([_episode(title, summary)],
                      FeedSettings(title=channel_title or "t", base_url="https://pod.example.id/"))
    root = ET.fromstring(data)
    etree.fromstring(data)  # a second, stricter parser
    assert root.findtext("channel/item/title") == _expected(title or "x")
    assert not errors(check(data)) & {"F02", "I01", "I05"}
    assert not feedparser.parse(data).bozo


def test_cdata_terminator_and_emoji_round_trip() -> None:
    title = "Banjir ]]> <b>Paringin</b> 😀 \u202eمرحبا"
    data = build_feed([_episode(title, "Ringkasan ]]> & <i>lain</i>")], FEED)
    parsed = feedparser.parse(data)
    assert parsed.entries[0].title == title
    assert parsed.entries[0].summary == "Ringkasan ]]> & lain"  # plain text: tags dropped
    assert "&lt;i&gt;lain" in parsed.entries[0].content[0].value  # shown as text in the HTML


def test_control_characters_are_dropped() -> None:
    data = build_feed([_episode("Satu\x00Dua\x1bTiga\x7f", "ok")], FEED)
    assert ET.fromstring(data).findtext("channel/item/title") == "SatuDuaTiga"


def test_long_summary_is_cut_to_4000_bytes() -> None:
    data = build_feed([_episode("x", "kata " * 2000)], FEED)
    description = ET.fromstring(data).findtext("channel/item/description") or ""
    assert len(description.encode()) <= 4000
    assert description.endswith(" …")


def test_thousand_episodes_build_within_budget(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location(
        "feed_benchmark", Path(__file__).resolve().parents[1] / "benchmarks" / "feed.py")
    assert spec is not None and spec.loader is not None
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    shm = Path("/dev/shm")  # making 3,000 files is slow on some disks; the build is what counts
    root = shm if shm.is_dir() else None
    assert benchmark.main(1000, root=root, rebuild_too=False) == 0, capsys.readouterr().out
