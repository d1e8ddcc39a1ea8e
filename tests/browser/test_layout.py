"""Visual presentation: reflow at 320 px, text spacing, line length/height, no justify, target
sizes, reduced motion, print, and hostile article text rendered as text only."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import a11y
from tests.browser.conftest import Site

PAGES = ["hostile", "patroli", "index"]


@pytest.mark.parametrize("spacing", [False, True], ids=["plain", "text-spacing"])
@pytest.mark.parametrize("width", [320, 640])
@pytest.mark.parametrize("key", PAGES)
def test_reflow_without_horizontal_scroll(browser: Browser, handmade_site: Site, key: str,
                                          width: int, spacing: bool) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(handmade_site.url(key))
    if spacing:
        page.add_style_tag(content=a11y.TEXT_SPACING_CSS)
    facts = a11y.overflow(page)
    context.close()
    assert facts["scrollWidth"] <= facts["width"], facts


@pytest.mark.parametrize("key", PAGES)
def test_line_length_height_and_alignment(page: Page, handmade_site: Site, key: str) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(handmade_site.url(key))
    facts = page.evaluate("""() => [...document.querySelectorAll('main p, main li, main h2')]
    .map(e => {
      const s = getComputedStyle(e);
      const probe = document.createElement('span');
      probe.textContent = '0'.repeat(100);
      probe.style.whiteSpace = 'nowrap';
      e.appendChild(probe);
      const ch = probe.getBoundingClientRect().width / 100;
      probe.remove();
      return {chars: e.clientWidth / ch, lh: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
              align: s.textAlign, tag: e.tagName};
    })""")
    assert facts
    for f in facts:
        assert f["chars"] <= 80, f
        assert f["align"] not in ("justify",), f
        if f["tag"] != "H2":
            assert f["lh"] >= 1.5, f


def test_targets_are_at_least_44px(page: Page, handmade_site: Site) -> None:
    page.goto(handmade_site.url("patroli"))
    page.wait_for_selector("#kontrol:not([hidden])")
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        'button, select, header a, .unduh a, .pilihan label')].map(e => {
      const r = e.getBoundingClientRect();
      return {what: e.tagName + ' ' + e.textContent.trim().slice(0, 30), w: r.width, h: r.height};
    })""")
    assert len(sizes) >= 8
    for s in sizes:
        assert s["w"] >= 44 and s["h"] >= 44, s


def test_reduced_motion_turns_off_smooth_scrolling(browser: Browser, handmade_site: Site) -> None:
    for motion, expected in (("no-preference", "smooth"), ("reduce", "auto")):
        context = browser.new_context(reduced_motion=motion)  # type: ignore[arg-type]
        page = context.new_page()
        page.goto(handmade_site.url("patroli"))
        behaviour = page.evaluate("getComputedStyle(document.documentElement).scrollBehavior")
        assert behaviour == expected
        context.close()


def test_print_hides_the_player_and_keeps_the_text(page: Page, handmade_site: Site) -> None:
    page.goto(handmade_site.url("patroli"))
    page.emulate_media(media="print")
    assert not page.locator(".player").is_visible()
    assert page.locator("#teks").is_visible()
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"


def test_hostile_text_stays_text(page: Page, handmade_site: Site) -> None:
    page.goto(handmade_site.url("hostile"))
    page.wait_for_selector("#kontrol:not([hidden])")
    scripts = page.locator("script").count()
    assert scripts == 1, "only the player script may be on the page"
    injected = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(e =>
      [...e.attributes].filter(a => a.name.startsWith('on') ||
        /^\\s*javascript:/i.test(a.value)).map(a => e.tagName + ' ' + a.name))""")
    assert injected == []
    markup = "img, svg, iframe, b, i, #teks a, h1 *, figcaption *, footer a"
    assert page.locator(markup).count() == 0
    assert "<script>" in page.locator("h1").inner_text()  # shown, not run
    assert page.locator("main").count() == 1 and page.locator("footer").count() == 1
