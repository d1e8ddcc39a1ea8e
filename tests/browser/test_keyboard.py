"""Keyboard walk (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7, 2.4.11): skip link first, every control
reachable, visible focus, nothing obscured, and the skip link really lands in <main>."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser import a11y
from tests.browser.conftest import Site

ARTICLE_CONTROLS = {"kecepatan", "sorot", "gulir", "putar-dari-sini"}


def walk(page: Page, url: str) -> list[dict[str, object]]:
    page.emulate_media(reduced_motion="reduce")  # no smooth scrolling while measuring focus
    page.goto(url)
    stops = a11y.keyboard_walk(page)
    assert stops, "nothing on the page takes focus"
    return stops


def assert_every_stop_is_usable(stops: list[dict[str, object]]) -> None:
    for stop in stops:
        where = f"{stop['tag']}#{stop['id']} {stop['text']!r}"
        tabindex = stop["tabindex"]
        assert tabindex is None or int(str(tabindex)) <= 0, f"positive tabindex {where}"
        assert stop["name"], f"no accessible name: {where} ({stop['role']})"
        if stop["tag"] != "audio":  # the native controls draw their own ring inside the shadow DOM
            ring = float(str(stop["outline"])) >= 2 or stop["shadow"] != "none"
            assert ring, f"no focus ring {where}"
        assert stop["inViewport"], f"focused element off-screen: {where}"
        assert stop["unobscured"], f"focused element covered: {where}"


@pytest.mark.parametrize("key", ["hostile", "patroli"])
def test_article_keyboard_walk(page: Page, handmade_site: Site, key: str) -> None:
    stops = walk(page, handmade_site.url(key))
    first = stops[0]
    assert first["tag"] == "a" and first["href"] == "#isi", f"first Tab stop is {first}"
    assert_every_stop_is_usable(stops)
    ids = {str(s["id"]) for s in stops}
    assert ARTICLE_CONTROLS <= ids, f"unreachable: {ARTICLE_CONTROLS - ids}"
    names = [str(s["name"]) for s in stops]
    assert "Mundur 10 detik" in names and "Maju 10 detik" in names
    assert any(s["tag"] == "audio" for s in stops), "the audio controls are not reachable"
    assert any(str(s["name"]).startswith("Unduh MP3") for s in stops)
    # Sentences are not Tab stops until the reader asks for "play from here".
    assert not any("kalimat" in str(s["cls"]) for s in stops)


def test_play_from_here_mode_adds_sentence_stops(page: Page, handmade_site: Site) -> None:
    page.emulate_media(reduced_motion="reduce")
    page.goto(handmade_site.url("patroli"))
    page.get_by_label("Putar dari kalimat yang dipilih", exact=False).check()
    stops = a11y.keyboard_walk(page, max_stops=120)
    sentences = [s for s in stops if "kalimat" in str(s["cls"])]
    assert len(sentences) == page.locator(".kalimat[data-start]").count()
    assert all(s["role"] == "button" for s in sentences)
    assert_every_stop_is_usable(sentences)


def test_index_keyboard_walk(page: Page, handmade_site: Site) -> None:
    stops = walk(page, handmade_site.url("index"))
    assert stops[0]["href"] == "#isi"
    assert_every_stop_is_usable(stops)
    hrefs = {str(s["href"]) for s in stops}
    assert "feed.xml" in hrefs
    assert {"hostile/index.html", "hostile/hostile.mp3", "patroli/index.html"} <= hrefs
    order = [s["href"] for s in stops if str(s["href"]).endswith("/index.html")]
    assert order == ["patroli/index.html", "hostile/index.html"], "newest first"


@pytest.mark.parametrize("key", ["patroli", "index"])
def test_skip_link_moves_focus_into_main(page: Page, handmade_site: Site, key: str) -> None:
    page.emulate_media(reduced_motion="reduce")
    page.goto(handmade_site.url(key))
    page.keyboard.press("Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).left") != "-9999px"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")
