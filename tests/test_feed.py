"""The podcast feeds built from real episodes (eSpeak -> bacakan.master MP3s), checked three ways:
the rule checker (tests/feedcheck.py) against the real files, feedparser as an app would read them,
and XPath for the details."""

from __future__ import annotations

import dataclasses
import locale
import random
import uuid
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from bacakan.models import Episode
from bacakan.publish import manifest, site
from bacakan.publish.feed import FeedSettings, SubFeed, build_feed, podcast_guid, rfc2822
from bacakan.synthesise import Voice, VoiceProfile
from tests.feedcheck import BASE_URL, NS, STORIES, check, mp3_seconds, write_episode

SETTINGS = FeedSettings(
    title="Berita Kalimantan dibacakan", base_url=BASE_URL, owner_email="redaksi@pod.example.id",
    feeds=(SubFeed("kalimantan", outlet="klikkalimantan.com"),
           SubFeed("olahraga", category="olahraga", itunes_category="Sports")),
)


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory, espeak_voice: Voice,
             espeak_profile: VoiceProfile) -> Path:
    out = tmp_path_factory.mktemp("feed-site")
    for story in STORIES:
        write_episode(out, story, espeak_voice, espeak_profile)
    assert site.rebuild(out, SETTINGS) == len(STORIES)
    return out


def _xml(out: Path, path: str = "feed.xml") -> etree._Element:
    return etree.fromstring((out / path).read_bytes())


def _items(root: etree._Element) -> list[etree._Element]:
    return list(root.findall("channel/item"))


def _by_guid(out: Path) -> dict[str, Episode]:
    return {e.guid: e for e in manifest.episodes(out)}


def test_main_feed_passes_every_rule_against_the_real_files(site_dir: Path) -> None:
    findings = check((site_dir / "feed.xml").read_bytes(), out=site_dir, base_url=BASE_URL,
                     feed_url=BASE_URL + "feed.xml", max_items=SETTINGS.max_items)
    assert findings == []


@pytest.mark.parametrize(("name", "slugs"), [
    ("kalimantan", {"banjir-paringin", "harga-beras"}),
    ("olahraga", {"timnas-menang"}),
])
def test_subfeeds_hold_their_outlet_or_category_and_pass(site_dir: Path, name: str,
                                                         slugs: set[str]) -> None:
    path = f"feeds/{name}.xml"
    data = (site_dir / path).read_bytes()
    assert check(data, out=site_dir, base_url=BASE_URL, feed_url=BASE_URL + path) == []
    root = etree.fromstring(data)
    links = {i.findtext("link").split("/")[-2] for i in _items(root)}
    assert links == slugs
    assert root.findtext("channel/podcast:guid", namespaces=NS) == podcast_guid(BASE_URL + path)
    assert root.find("channel/itunes:image", NS).get("href") == f"{BASE_URL}feeds/{name}.jpg"
    assert (site_dir / "feeds" / f"{name}.jpg").is_file()


def test_subfeed_overrides_apple_category(site_dir: Path) -> None:
    root = _xml(site_dir, "feeds/olahraga.xml")
    category = root.find("channel/itunes:category", NS)
    assert category is not None and category.get("text") == "Sports"
    assert category.find("itunes:category", NS) is None


def test_feedparser_reads_what_an_app_needs(site_dir: Path) -> None:
    parsed = feedparser.parse((site_dir / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.language == "id"
    assert parsed.feed.title == SETTINGS.title
    assert parsed.feed.image.href == BASE_URL + "cover.jpg"
    assert parsed.feed.author_detail.email == "redaksi@pod.example.id"
    assert parsed.feed.tags[0].term == "News"
    episodes = _by_guid(site_dir)
    assert [e.id for e in parsed.entries] == [
        e.guid for e in sorted(episodes.values(), key=lambda e: e.published, reverse=True)]
    for entry in parsed.entries:
        episode = episodes[entry.id]
        assert entry.title == episode.title
        audio = site_dir / episode.slug / episode.audio
        (enclosure,) = entry.enclosures
        assert enclosure.href == f"{BASE_URL}{episode.slug}/{episode.audio}"
        assert int(enclosure.length) == audio.stat().st_size
        assert enclosure.type == "audio/mpeg"
        assert abs(int(entry.itunes_duration) - mp3_seconds(audio)) <= 1.5
        assert entry.published_parsed is not None
        assert "<p>" in entry.content[0].value  # content:encoded is HTML


def test_transcript_and_chapters_only_when_the_file_exists(site_dir: Path) -> None:
    items = {i.findtext("link").split("/")[-2]: i for i in _items(_xml(site_dir))}
    with_files = items["banjir-paringin"]
    transcript = with_files.find("podcast:transcript", NS)
    chapters = with_files.find("podcast:chapters", NS)
    assert transcript is not None and chapters is not None
    assert transcript.attrib == {"url": f"{BASE_URL}banjir-paringin/banjir-paringin.vtt",
                                 "type": "text/vtt", "language": "id", "rel": "captions"}
    assert chapters.attrib == {"url": f"{BASE_URL}banjir-paringin/banjir-paringin.chapters.json",
                               "type": "application/json+chapters"}
    # timnas-menang names both files in its manifest, but they are not on disk.
    assert items["timnas-menang"].find("podcast:transcript", NS) is None
    assert items["timnas-menang"].find("podcast:chapters", NS) is None
    assert items["harga-beras"].find("podcast:transcript", NS) is None


def test_channel_tags(site_dir: Path) -> None:
    channel = _xml(site_dir).find("channel")
    assert channel is not None
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.findtext("itunes:type", namespaces=NS) == "episodic"
    locked = channel.find("podcast:locked", NS)
    assert locked is not None and locked.text == "yes"
    assert locked.get("owner") == "redaksi@pod.example.id"
    assert channel.findtext("podcast:medium", namespaces=NS) == "podcast"
    assert channel.findtext("podcast:guid", namespaces=NS) == podcast_guid(BASE_URL + "feed.xml")
    # lastBuildDate comes from the episodes (the newest correction), never from the clock.
    assert channel.findtext("lastBuildDate") == "Thu, 07 Mar 2024 09:00:00 +0700"


def test_correction_keeps_title_and_pubdate_and_says_ralat(site_dir: Path) -> None:
    items = {i.findtext("link").split("/")[-2]: i for i in _items(_xml(site_dir))}
    corrected = items["harga-beras"]
    assert corrected.findtext("title") == "Harga beras turun di Balangan"
    assert corrected.findtext("pubDate") == "Mon, 04 Mar 2024 10:00:00 +0700"
    assert corrected.findtext("description", "").startswith("Ralat: diperbarui 7 Maret 2024.")
    assert "Ralat" in corrected.findtext("content:encoded", "", NS)
    assert not items["banjir-paringin"].findtext("description", "").startswith("Ralat")


def test_special_characters_in_titles_survive(site_dir: Path) -> None:
    parsed = feedparser.parse((site_dir / "feed.xml").read_bytes())
    assert "Timnas menang 2-0 & lolos <final>" in [e.title for e in parsed.entries]


def test_podcast_guid_matches_the_spec_examples() -> None:
    # docs/tags/guid.md of the Podcasting 2.0 namespace.
    assert podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml") == (
        "917393e3-1b1e-5cef-ace4-edaa54e1f810")
    assert podcast_guid("http://podnews.net/rss/") == "9b024349-ccf0-5f69-a609-6b82873eab3c"
    assert uuid.UUID(podcast_guid("podnews.net/rss")).version == 5


def test_pubdate_is_english_rfc2822_whatever_the_locale() -> None:
    previous = locale.setlocale(locale.LC_TIME)
    for name in ("id_ID.UTF-8", "id_ID.utf8", "de_DE.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
            break
        except locale.Error:
            continue
    try:
        assert rfc2822("2023-11-20T08:00:00+08:00") == "Mon, 20 Nov 2023 08:00:00 +0800"
        assert rfc2822("2023-11-20") == "Mon, 20 Nov 2023 00:00:00 +0700"  # naive = WIB
    finally:
        locale.setlocale(locale.LC_TIME, previous)


def test_same_inputs_give_identical_bytes(site_dir: Path) -> None:
    episodes = manifest.episodes(site_dir)
    first = build_feed(episodes, SETTINGS, out=site_dir)
    shuffled = episodes[:]
    random.Random(4).shuffle(shuffled)
    assert build_feed(shuffled, SETTINGS, out=site_dir) == first
    assert (site_dir / "feed.xml").read_bytes() == first


def test_rebuild_leaves_unchanged_files_alone(site_dir: Path) -> None:
    files = ["feed.xml", "feeds/kalimantan.xml", "cover.jpg", "feeds/olahraga.jpg", "index.html"]
    before = {f: (site_dir / f).stat().st_mtime_ns for f in files}
    site.rebuild(site_dir, SETTINGS)
    assert {f: (site_dir / f).stat().st_mtime_ns for f in files} == before


def test_max_items_keeps_the_newest(site_dir: Path) -> None:
    settings = dataclasses.replace(SETTINGS, max_items=2)
    data = build_feed(manifest.episodes(site_dir), settings, out=site_dir)
    slugs = [i.findtext("link").split("/")[-2] for i in _items(etree.fromstring(data))]
    assert slugs == ["timnas-menang", "banjir-paringin"]
    assert check(data, out=site_dir, base_url=BASE_URL, max_items=2) == []


def test_newest_first_by_real_time_not_by_text() -> None:
    # 23:00 at +00:00 is later than 05:00 at +07:00 on the next day (22:00 UTC) though it sorts
    # earlier as text.
    base = Episode(title="a", slug="a", guid="g1", published="2024-01-01T23:00:00+00:00",
                   audio="a.mp3", audio_bytes=1, duration_s=1, html="index.html", voice="v",
                   engine="e", source="s")
    other = dataclasses.replace(base, slug="b", guid="g2", audio="b.mp3",
                                published="2024-01-02T05:00:00+07:00")
    root = etree.fromstring(build_feed([other, base], SETTINGS))
    assert [i.findtext("guid") for i in _items(root)] == ["g1", "g2"]


def test_empty_folder_gives_a_valid_feed_without_items(tmp_path: Path) -> None:
    site.rebuild(tmp_path, SETTINGS)
    codes = {f.code for f in check((tmp_path / "feed.xml").read_bytes(), out=tmp_path,
                                   base_url=BASE_URL)}
    assert codes == {"E01"}  # only "no episodes yet"
