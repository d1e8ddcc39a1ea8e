"""The narration player: synchronised highlight (visual only), speed, ±10 s, play from here,
opt-in auto-scroll, and a page that still works without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import PIPELINE_SOURCES, Site, Sites

READY = "() => document.getElementById('narasi').readyState >= 1"
SPANS = """() => [...document.querySelectorAll('.kalimat[data-start]')].map((e, i) =>
  ({i, start: +e.dataset.start, end: +e.dataset.end}))"""
HIGHLIGHTED = """() => [...document.querySelectorAll('.kalimat')].flatMap((e, i) =>
  e.classList.contains('dibaca') ? [i] : [])"""


def seek_and_check_highlight(page: Page, url: str) -> int:
    page.goto(url)
    page.wait_for_function(READY)
    speed = page.locator("#kecepatan")
    speed.focus()  # any control: the highlight must never move focus away from it
    spans = page.evaluate(SPANS)
    assert spans, "no timed sentences on the page"
    for span in spans:
        middle = (span["start"] + span["end"]) / 2
        page.evaluate("t => { document.getElementById('narasi').currentTime = t; }", middle)
        page.wait_for_function(
            "i => document.querySelectorAll('.kalimat')[i].classList.contains('dibaca')",
            arg=span["i"], timeout=5000)
        assert page.evaluate(HIGHLIGHTED) == [span["i"]], f"at {middle:.2f}s"
        assert page.evaluate("document.activeElement.id") == "kecepatan", "focus moved"
    live = page.locator("[aria-live], [role=status], [role=alert], [role=log]").count()
    assert live == 0, "the highlight must not talk over the screen reader"
    return len(spans)


def test_highlight_follows_seeks_handmade(page: Page, handmade_site: Site) -> None:
    assert seek_and_check_highlight(page, handmade_site.url("patroli")) >= 10


@pytest.mark.parametrize("key", list(PIPELINE_SOURCES))
def test_highlight_follows_seeks_pipeline(page: Page, pipeline_site: Sites, key: str) -> None:
    assert seek_and_check_highlight(page, pipeline_site.url(key)) >= 3


def test_highlight_is_more_than_colour_and_survives_forced_colours(
        browser: Browser, handmade_site: Site) -> None:
    for forced in ("none", "active"):
        context = browser.new_context(forced_colors=forced)
        page = context.new_page()
        page.goto(handmade_site.url("patroli"))
        page.wait_for_function(READY)
        page.evaluate("document.getElementById('narasi').currentTime = 0.5 + "
                      "+document.querySelector('.kalimat[data-start]').dataset.start")
        lit = page.locator(".kalimat.dibaca")
        lit.wait_for()
        style = lit.evaluate("e => { const s = getComputedStyle(e); return "
                             "[s.textDecorationLine, s.backgroundColor]; }")
        plain = page.evaluate("getComputedStyle(document.querySelector('.kalimat:not(.dibaca)'))"
                              ".backgroundColor")
        assert "underline" in style[0], forced
        assert style[1] != plain, f"highlight has no background in forced-colors={forced}"
        context.close()


def test_highlight_can_be_switched_off(page: Page, handmade_site: Site) -> None:
    page.goto(handmade_site.url("patroli"))
    page.wait_for_function(READY)
    page.get_by_label("Sorot kalimat yang sedang dibacakan").uncheck()
    page.evaluate("document.getElementById('narasi').currentTime = 3")
    page.wait_for_timeout(300)
    assert page.locator(".dibaca").count() == 0


def test_speed_is_remembered_across_articles(page: Page, handmade_site: Site) -> None:
    page.goto(handmade_site.url("patroli"))
    page.wait_for_function(READY)
    options = page.locator("#kecepatan option").evaluate_all("os => os.map(o => +o.value)")
    assert min(options) <= 0.75 and max(options) >= 2
    page.select_option("#kecepatan", "1.5")
    assert page.evaluate("document.getElementById('narasi').playbackRate") == 1.5
    page.goto(handmade_site.url("hostile"))
    page.wait_for_function(READY)
    assert page.input_value("#kecepatan") == "1.5"
    assert page.evaluate("document.getElementById('narasi').playbackRate") == 1.5
    # A rate set elsewhere (the browser's own media menu) shows up in the select too.
    page.evaluate("document.getElementById('narasi').playbackRate = 1.75")
    page.wait_for_function("() => document.getElementById('kecepatan').value === '1.75'")


def test_back_and_forward_ten_seconds(page: Page, handmade_site: Site) -> None:
    page.goto(handmade_site.url("patroli"))
    page.wait_for_function(READY)
    page.get_by_role("button", name="Maju 10 detik").click()
    page.wait_for_function(
        "() => Math.abs(document.getElementById('narasi').currentTime - 10) < 0.01")
    page.get_by_role("button", name="Mundur 10 detik").click()
    page.get_by_role("button", name="Mundur 10 detik").click()  # clamps at 0
    page.wait_for_function("() => document.getElementById('narasi').currentTime === 0")


def test_play_from_here_with_the_keyboard_keeps_focus(page: Page, handmade_site: Site) -> None:
    page.goto(handmade_site.url("patroli"))
    page.wait_for_function(READY)
    page.get_by_label("Putar dari kalimat yang dipilih", exact=False).check()
    sentence = page.locator(".kalimat[data-start]").nth(4)
    start = float(sentence.get_attribute("data-start") or "nan")
    sentence.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("t => document.getElementById('narasi').currentTime >= t", arg=start)
    assert not page.evaluate("document.getElementById('narasi').paused")
    assert sentence.evaluate("e => e === document.activeElement")
    page.evaluate("document.getElementById('narasi').pause()")
    # Off again: the text is plain text, no roles, no Tab stops.
    page.get_by_label("Putar dari kalimat yang dipilih", exact=False).uncheck()
    assert page.locator(".kalimat[role], .kalimat[tabindex]").count() == 0


def test_auto_scroll_is_opt_in_and_stops_when_the_reader_scrolls(
        browser: Browser, handmade_site: Site) -> None:
    context = browser.new_context(viewport={"width": 800, "height": 400}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(handmade_site.url("patroli"))
    page.wait_for_function(READY)
    last = page.locator(".kalimat[data-start]").last
    seek_to_last = ("() => { const s = "
                    "[...document.querySelectorAll('.kalimat[data-start]')].pop();"
                    " document.getElementById('narasi').currentTime = +s.dataset.start + 0.5; }")
    page.evaluate(seek_to_last)
    page.wait_for_function("() => document.querySelector('.dibaca') !== null")
    assert page.evaluate("scrollY") == 0, "auto-scroll must be off by default"
    page.get_by_label("Gulir otomatis ke kalimat yang dibacakan").check()
    page.evaluate("document.getElementById('narasi').currentTime = 0")
    page.evaluate(seek_to_last)
    page.wait_for_function("() => scrollY > 0")
    assert last.evaluate("e => { const r = e.getBoundingClientRect(); "
                         "return r.top >= 0 && r.bottom <= innerHeight; }")
    page.mouse.wheel(0, -200)
    page.wait_for_function("() => !document.getElementById('gulir').checked")
    context.close()


def test_page_works_without_javascript(browser: Browser, handmade_site: Site) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(handmade_site.url("patroli"))
    audio = page.locator("audio#narasi")
    assert audio.get_attribute("controls") is not None
    assert audio.get_attribute("autoplay") is None
    assert audio.get_attribute("preload") == "metadata"
    assert not page.locator("#kontrol").is_visible(), "JS-only controls must stay hidden"
    assert page.get_by_role("link", name="Unduh MP3", exact=False).is_visible()
    assert len(page.locator("#teks").inner_text()) > 200
    context.close()


def test_no_autoplay(page: Page, handmade_site: Site) -> None:
    page.goto(handmade_site.url("patroli"))
    page.wait_for_function(READY)
    page.wait_for_timeout(300)
    assert page.evaluate("(() => { const a = document.getElementById('narasi');"
                         " return !a.autoplay && a.paused && a.currentTime === 0; })()")


@pytest.mark.parametrize("key", list(PIPELINE_SOURCES)[:1])
def test_captions_track_loads_under_the_page_policy(page: Page, pipeline_site: Sites,
                                                   key: str) -> None:
    page.goto(pipeline_site.url(key))
    track = page.locator("audio track")
    assert track.get_attribute("kind") == "captions" and track.get_attribute("srclang") == "id"
    page.evaluate("() => { document.getElementById('narasi').textTracks[0].mode = 'hidden'; }")
    page.wait_for_function(
        "() => (document.getElementById('narasi').textTracks[0].cues || []).length > 0")
