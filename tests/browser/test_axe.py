"""axe-core: zero violations (WCAG 2.0/2.1/2.2 A+AA + best-practice, plus 7:1 contrast) in the
light and dark schemes, on the hand-made pages, the pipeline's pages and both index pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser import a11y
from tests.browser.conftest import PIPELINE_INDEXES, PIPELINE_SOURCES, Site, Sites

SCHEMES = ["light", "dark"]
HANDMADE = ["hostile", "patroli", "index"]


def check(browser: Browser, url: str, scheme: str, axe_js: str, *, play_mode: bool = False) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.goto(url)
        if play_mode:  # "play from here" turns every sentence into a button: still clean?
            page.get_by_label("Putar dari kalimat yang dipilih", exact=False).check()
        violations = a11y.run_axe(page, axe_js)
        # 1.4.6 AAA: axe's enhanced rule only flags 4.5-7:1, the AA rule owns < 4.5 (both run).
        violations += a11y.run_axe(page, axe_js, rules=["color-contrast-enhanced"])
        assert violations == [], f"{url} ({scheme}): {violations}"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("key", HANDMADE)
def test_handmade_pages_pass_axe(browser: Browser, handmade_site: Site, axe_js: str, key: str,
                                 scheme: str) -> None:
    check(browser, handmade_site.url(key), scheme, axe_js)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_play_from_here_mode_passes_axe(browser: Browser, handmade_site: Site, axe_js: str,
                                        scheme: str) -> None:
    check(browser, handmade_site.url("patroli"), scheme, axe_js, play_mode=True)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("key", [*PIPELINE_SOURCES, *PIPELINE_INDEXES])
def test_pipeline_pages_pass_axe(browser: Browser, pipeline_site: Sites, axe_js: str, key: str,
                                 scheme: str) -> None:
    check(browser, pipeline_site.url(key), scheme, axe_js)
