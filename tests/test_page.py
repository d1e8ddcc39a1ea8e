"""The article page as HTML (no browser): structure, hostile input, abbreviations at first use."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from typing import ClassVar

import pytest

from bacakan.models import Article, Block, Script, Sentence, Timing
from bacakan.publish import templating
from bacakan.publish.page import default_lexicon, page_blocks, render_page
from tests.browser.handmade import HOSTILE, LONG, script_for, timings_for


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def find(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]


class Glossary:
    TERMS: ClassVar[dict[str, str]] = {
        "Kapolres": "Kepala Kepolisian Resor", "AKBP": "Ajun Komisaris Besar Polisi",
        "Polres": "Kepolisian Resor", "dll.": "dan lain-lain"}

    def expansion(self, word: str) -> str | None:
        return self.TERMS.get(word)


def render(article: Article, **kw: object) -> str:
    script = script_for(article)
    args: dict[str, object] = {"audio": "a.mp3", "audio_bytes": 1_234_567, "duration_s": 125.0,
                               "voice": "eSpeak NG Indonesia", "lexicon": Glossary()}
    args.update(kw)
    return render_page(article, script, timings_for(script), **args)  # type: ignore[arg-type]


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def test_hostile_article_renders_no_markup() -> None:
    html = render(HOSTILE)
    tags = parse(html)
    assert len(tags.find("script")) == 1  # ours
    for tag, attrs in tags.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not re.match(r"\s*javascript:", value or "", re.I), (tag, name, value)
    assert not {"img", "svg", "iframe", "b", "i"} & {t for t, _ in tags.tags}
    assert "&lt;script&gt;alert(&#34;judul&#34;)&lt;/script&gt;" in html
    assert len(tags.find("main")) == 1 and len(tags.find("h1")) == 1
    assert "Sumber:" not in html  # a javascript: source is never linked


def test_structure() -> None:
    html = render(LONG, transcript="a.vtt")
    tags = parse(html)
    assert re.search(r'<html lang="id">', html)
    assert tags.tags[tags.tags.index(("body", {})) + 1] == ("a", {"class": "skip", "href": "#isi"})
    assert tags.find("main") == [{"id": "isi", "tabindex": "-1"}]
    assert f"<title>{LONG.title} – bacakan</title>" in html
    (audio,) = tags.find("audio")
    assert audio["controls"] is None and "controls" in audio and "autoplay" not in audio
    assert audio["preload"] == "metadata"
    assert audio["aria-labelledby"] == "dengarkan"
    assert audio["aria-describedby"] == "narasi-keterangan"
    assert '<h2 id="dengarkan">Dengarkan artikel ini</h2>' in html
    assert "Narasi suara sintetis dari teks artikel di bawah ini" in html
    assert "Durasi: 2 menit 5 detik" in html and "Suara: eSpeak NG Indonesia" in html
    assert ">Unduh MP3, 1,2 MB</a>" in html
    assert tags.find("track") == [{"kind": "captions", "srclang": "id", "label": "Bahasa Indonesia",
                                   "src": "a.vtt"}]
    assert tags.find("time") == [{"datetime": "2023-11-21T08:30:00+08:00"}]
    assert [a.get("id") for a in tags.find("h2")] == ["dengarkan", None, None]  # + two subheadings
    assert "aria-live" not in html and 'role="status"' not in html
    assert tags.find("div")[0] == {"class": "kontrol", "id": "kontrol", "hidden": None}


def test_no_track_without_transcript() -> None:
    assert "<track" not in render(LONG)


def test_csp_allows_exactly_our_script() -> None:
    tags = parse(render(LONG))
    (script,) = tags.scripts
    assert script == templating.render("_player.js")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    (csp,) = [m["content"] for m in tags.find("meta") if m.get("http-equiv")]
    assert csp and f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp


def test_player_script_has_no_single_key_shortcuts_or_live_regions() -> None:
    js = templating.render("_player.js")
    assert "aria-live" not in js and ".focus(" not in js
    assert "localStorage" in js and "bacakan.kecepatan" in js
    # Keys are handled only on a focused sentence: Enter and Space, nothing page-wide.
    assert re.findall(r'event\.key === "(\w+| )"', js) == ["Enter", " "]


def article(*paragraphs: str) -> tuple[Article, Script, list[Timing]]:
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    art = Article(title="Judul", blocks=blocks, source="x.txt")
    script = Script(tuple(Sentence(p, p.lower(), i) for i, p in enumerate(paragraphs)))
    return art, script, [Timing(i, i * 2.0, i * 2.0 + 1.5) for i in range(len(paragraphs))]


def texts(*paragraphs: str) -> list[str]:
    blocks = page_blocks(*article(*paragraphs), Glossary())
    return [s.text for b in blocks for s in b.sentences]


def test_abbreviation_expanded_at_first_use_only() -> None:
    assert texts("Kapolres AKBP Riza hadir.", "Kapolres lalu pulang.", "Polres siaga.") == [
        "Kepala Kepolisian Resor (Kapolres) Ajun Komisaris Besar Polisi (AKBP) Riza hadir.",
        "Kapolres lalu pulang.",
        "Kepolisian Resor (Polres) siaga.",  # our own "Kepala Kepolisian Resor" does not count
    ]


def test_abbreviation_already_written_out_is_left_alone() -> None:
    assert texts("Kepala Kepolisian Resor (Kapolres) Balangan hadir.", "Kapolres pulang.") == [
        "Kepala Kepolisian Resor (Kapolres) Balangan hadir.", "Kapolres pulang."]


def test_dotted_abbreviation_and_case() -> None:
    assert texts("Beras, gula, dll. dijual.", "kapolres tidak cocok.") == [
        "Beras, gula, dan lain-lain (dll). dijual.", "kapolres tidak cocok."]


def test_timings_are_kept_with_expansion() -> None:
    (block,) = page_blocks(*article("Kapolres hadir."), Glossary())
    assert (block.sentences[0].start, block.sentences[0].end) == (0.0, 1.5)


def test_shipped_lexicon_is_used_by_default() -> None:
    lexicon = default_lexicon()
    if lexicon is None or lexicon.expansion("Kapolres") is None:
        pytest.skip("the shipped lexicon has no entry for Kapolres yet")
    art, script, timings = article("Kapolres hadir.")
    html = render_page(art, script, timings, audio="a.mp3", audio_bytes=1, duration_s=1, voice="v")
    assert "(Kapolres) hadir." in html


def test_index_page_escapes_titles() -> None:
    html = templating.render("index.html.j2", title="Podcast <b>x</b>", episodes=[{
        "slug": "s", "title": '<img src=x onerror="alert(1)">', "audio": "s.mp3",
        "published": "2023-11-20", "published_words": "20 November 2023",
        "duration_words": "1 menit"}])
    tags = parse(html)
    assert not tags.find("img") and not tags.find("b") and not tags.find("script")
    assert {"href": "feed.xml"} in tags.find("a")
    assert "script-src 'none'" in html
