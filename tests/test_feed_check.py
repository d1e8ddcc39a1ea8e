"""Mutation test of the feed checker: a good feed, broken one requirement at a time, must fail
exactly the rule that guards that requirement (design/feeds-audio.md §1f)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

import pytest
from lxml import etree
from PIL import Image

from bacakan.publish import site
from bacakan.publish.feed import FeedSettings
from bacakan.synthesise import Voice, VoiceProfile
from tests.feedcheck import BASE_URL, NS, STORIES, check, errors, write_episode

FEED_URL = BASE_URL + "feed.xml"
SETTINGS = FeedSettings(base_url=BASE_URL, owner_email="redaksi@pod.example.id", max_items=10)
Tree: TypeAlias = etree._Element
Mutation = Callable[[bytes, Path], bytes]


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory, espeak_voice: Voice,
         espeak_profile: VoiceProfile) -> Path:
    out = tmp_path_factory.mktemp("feed-good")
    for story in STORIES:
        write_episode(out, story, espeak_voice, espeak_profile)
    site.rebuild(out, SETTINGS)
    return out


@pytest.fixture
def site_copy(good: Path, tmp_path: Path) -> Path:
    """A private copy, so mutations of files on disk do not leak into other cases."""
    copy = tmp_path / "site"
    shutil.copytree(good, copy)
    return copy


def _tree(edit: Callable[[Tree], None]) -> Mutation:
    """Edit the parsed feed; keep the original XML declaration so only ``edit`` changes."""
    def mutate(data: bytes, _out: Path) -> bytes:
        root = etree.fromstring(data)
        edit(root)
        head = data.split(b"\n", 1)[0]
        return head + b"\n" + bytes(etree.tostring(root, encoding="utf-8"))
    return mutate


def _text(path: str, value: str) -> Mutation:
    def edit(root: Tree) -> None:
        node = root.find(path, NS)
        assert node is not None, path
        node.text = value
    return _tree(edit)


def _attr(path: str, name: str, value: str | None) -> Mutation:
    def edit(root: Tree) -> None:
        node = root.find(path, NS)
        assert node is not None, path
        if value is None:
            del node.attrib[name]
        else:
            node.set(name, value)
    return _tree(edit)


def _remove(path: str) -> Mutation:
    def edit(root: Tree) -> None:
        for node in root.findall(path, NS):
            parent = node.getparent()
            assert parent is not None
            parent.remove(node)
    return _tree(edit)


def _bytes(old: bytes, new: bytes) -> Mutation:
    def mutate(data: bytes, _out: Path) -> bytes:
        assert old in data, old
        return data.replace(old, new, 1)
    return mutate


def _file(edit: Callable[[Path], None]) -> Mutation:
    def mutate(data: bytes, out: Path) -> bytes:
        edit(out)
        return data
    return mutate


def _duplicate_guid(root: Tree) -> None:
    items = root.findall("channel/item")
    items[1].find("guid").text = items[0].findtext("guid")


def _swap_items(root: Tree) -> None:
    channel = root.find("channel")
    assert channel is not None
    first = channel.findall("item")[0]
    channel.remove(first)
    channel.append(first)


def _small_cover(out: Path) -> None:
    Image.new("RGB", (1000, 1000), (10, 20, 30)).save(out / "cover.jpg", format="JPEG")


def _grow_mp3(out: Path) -> None:
    with open(out / "banjir-paringin" / "banjir-paringin.mp3", "ab") as handle:
        handle.write(b"\0" * 10)


def _add_items(root: Tree) -> None:
    channel = root.find("channel")
    assert channel is not None
    for n in range(9):
        copy = etree.fromstring(etree.tostring(channel.findall("item")[-1]))
        copy.find("guid").text = f"extra-{n}"
        copy.find("enclosure").set("url", f"{BASE_URL}x{n}.mp3")
        channel.append(copy)


PODNEWS_GUID = "9b024349-ccf0-5f69-a609-6b82873eab3c"
FIRST = "channel/item[1]"
ITEM_WITH_FILES = "channel/item[2]"  # banjir-paringin: 2024-03-05, after timnas-menang (03-06)

MUTATIONS: list[tuple[str, Mutation, str]] = [
    ("no XML declaration", _bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n', b""), "F01"),
    ("content namespace missing", _bytes(b' xmlns:content="http://purl.org/rss/1.0/modules/content/"',
                                         b""), "F01"),
    ("unescaped ampersand", _bytes(b"&amp;", b"&"), "F02"),
    ("not RSS 2.0", _attr(".", "version", "0.91"), "F03"),
    ("no items", _remove("channel/item"), "E01"),
    ("empty channel title", _text("channel/title", ""), "C01"),
    ("description over 4000 bytes", _text("channel/description", "x" * 4001), "C02"),
    ("cover .webp", _attr("channel/itunes:image", "href", BASE_URL + "cover.webp"), "C03"),
    ("cover 1000 px", _file(_small_cover), "C03"),
    ("language ind", _text("channel/language", "ind"), "C04"),
    ("category Berita", _attr("channel/itunes:category", "text", "Berita"), "C05"),
    ("subcategory daily news", _attr("channel/itunes:category/itunes:category", "text",
                                     "daily news"), "C05"),
    ("category missing", _remove("channel/itunes:category"), "C05"),
    ("explicit no", _text("channel/itunes:explicit", "no"), "C06"),
    ("author missing", _remove("channel/itunes:author"), "C07"),
    ("link missing", _remove("channel/link"), "C08"),
    ("itunes:type weekly", _text("channel/itunes:type", "weekly"), "C10"),
    ("self link missing", _remove("channel/atom:link"), "C11"),
    ("lastBuildDate ISO", _text("channel/lastBuildDate", "2024-03-07T09:00:00+07:00"), "C12"),
    ("podcast:guid of another URL", _text("channel/podcast:guid", PODNEWS_GUID), "P01"),
    ("locked maybe", _text("channel/podcast:locked", "maybe"), "P02"),
    ("medium radio", _text("channel/podcast:medium", "radio"), "P03"),
    ("item title empty", _text(f"{FIRST}/title", ""), "I01"),
    ("enclosure without type", _attr(f"{FIRST}/enclosure", "type", None), "I02"),
    ("enclosure length off by one", _tree(lambda r: r.find(f"{FIRST}/enclosure", NS).set(
        "length", str(int(r.find(f"{FIRST}/enclosure", NS).get("length")) + 1))), "I02"),
    ("MP3 changed on disk", _file(_grow_mp3), "I02"),
    ("duplicate guid", _tree(_duplicate_guid), "I03"),
    ("guid without isPermaLink", _attr(f"{FIRST}/guid", "isPermaLink", None), "I03"),
    ("pubDate Indonesian names", _text(f"{FIRST}/pubDate", "Rab, 06 Mar 2024 00:00:00 +0700"),
     "I04"),
    ("pubDate ISO", _text(f"{FIRST}/pubDate", "2024-03-06T00:00:00+07:00"), "I04"),
    ("HTML in description", _text(f"{FIRST}/description", "<p>Tim nasional</p>"), "I05"),
    ("content:encoded missing", _remove(f"{FIRST}/content:encoded"), "I05"),
    ("duration 10.5", _text(f"{FIRST}/itunes:duration", "10.5"), "I06"),
    ("duration wrong by 10 s", _text(f"{FIRST}/itunes:duration", "15"), "I06"),
    ("item explicit yes", _text(f"{FIRST}/itunes:explicit", "yes"), "I07"),
    ("episodeType episode", _text(f"{FIRST}/itunes:episodeType", "episode"), "I08"),
    ("transcript text/plain", _attr(f"{ITEM_WITH_FILES}/podcast:transcript", "type", "text/plain"),
     "P10"),
    ("transcript language ind", _attr(f"{ITEM_WITH_FILES}/podcast:transcript", "language", "ind"),
     "P10"),
    ("transcript file missing", _file(lambda o: (o / "banjir-paringin" / "banjir-paringin.vtt")
                                      .unlink()), "P10"),
    ("chapters type json", _attr(f"{ITEM_WITH_FILES}/podcast:chapters", "type",
                                 "application/json"), "P11"),
    ("chapters URL elsewhere", _attr(f"{ITEM_WITH_FILES}/podcast:chapters", "url",
                                     BASE_URL + "nope.json"), "P11"),
    ("oldest first", _tree(_swap_items), "O01"),
    ("more than max_items", _tree(_add_items), "O02"),
    ("relative enclosure URL", _attr(f"{FIRST}/enclosure", "url", "timnas-menang/x.mp3"), "U01"),
]


def _findings(data: bytes, out: Path) -> set[str]:
    return errors(check(data, out=out, base_url=BASE_URL, feed_url=FEED_URL,
                        max_items=SETTINGS.max_items))


def test_the_good_feed_has_no_findings(good: Path) -> None:
    data = (good / "feed.xml").read_bytes()
    assert check(data, out=good, base_url=BASE_URL, feed_url=FEED_URL, max_items=10) == []
    # The mutation harness itself (parse + serialise) changes nothing the checker sees.
    assert _findings(_tree(lambda root: None)(data, good), good) == set()


@pytest.mark.parametrize(("mutation", "code"), [pytest.param(m, c, id=name)
                                                for name, m, c in MUTATIONS])
def test_each_broken_requirement_is_caught(site_copy: Path, mutation: Mutation, code: str) -> None:
    data = mutation((site_copy / "feed.xml").read_bytes(), site_copy)
    assert code in _findings(data, site_copy)


def test_owner_email_missing_is_a_warning(good: Path) -> None:
    data = _remove("channel/itunes:owner/itunes:email")((good / "feed.xml").read_bytes(), good)
    findings = check(data, out=good, base_url=BASE_URL, feed_url=FEED_URL)
    assert [(f.code, f.level) for f in findings] == [("C09", "warning")]


def test_http_urls_are_a_warning(good: Path) -> None:
    data = (good / "feed.xml").read_bytes().replace(b"https://pod.example.id", b"http://pod.example.id")
    findings = check(data)
    assert errors(findings) <= {"P01"}  # the guid is of the https URL
    assert any(f.code == "U01" and f.level == "warning" for f in findings)


def test_every_rule_code_is_exercised() -> None:
    covered = {code for _name, _m, code in MUTATIONS} | {"C09"}
    documented = {"F01", "F02", "F03", "E01", "C01", "C02", "C03", "C04", "C05", "C06", "C07",
                  "C08", "C09", "C10", "C11", "C12", "I01", "I02", "I03", "I04", "I05", "I06",
                  "I07", "I08", "P01", "P02", "P03", "P10", "P11", "O01", "O02", "U01"}
    assert covered == documented
