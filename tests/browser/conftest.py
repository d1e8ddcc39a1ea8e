"""Real headless Chromium (Debian's, via Playwright's ``executable_path``) + axe-core.

Every test here is marked ``browser`` and skips with a reason when no Chromium or no axe.min.js
is found. Pages are served by ``bacakan serve``'s handler, so seeking uses real HTTP ranges.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page, sync_playwright

from bacakan.models import Episode
from bacakan.synthesise import Voice, VoiceProfile
from tests.browser import a11y


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def axe_js() -> str:
    path = a11y.axe_path()
    if path is None:
        pytest.skip("axe.min.js not found: pip install '.[test]' (axe-playwright-python) "
                    "or set BACAKAN_AXE_JS")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    exe = a11y.chromium_path()
    if exe is None:
        pytest.skip("no Chromium: apt-get install chromium, or set BACAKAN_CHROMIUM")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, headless=True, args=a11y.LAUNCH_ARGS)
        yield browser
        browser.close()


DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _articles(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".html"})


#: Rendered by the real pipeline: our browser fixtures and the bundled examples (by file name).
PIPELINE_SOURCES = {p.name: p for p in _articles(DATA) + _articles(EXAMPLES)}
PIPELINE_INDEXES = ["index", "examples-index"]


class Site:
    """An output folder served on 127.0.0.1; ``pages`` maps a test id to a URL path."""

    def __init__(self, out: Path, pages: dict[str, str]) -> None:
        from bacakan.cli.serve import start_background

        self.out = out
        self.pages = pages
        self.server, self._thread = start_background(out)
        host, port = self.server.server_address[:2]
        self.base = f"http://{host!s}:{port}"

    def url(self, key: str) -> str:
        return f"{self.base}/{self.pages[key]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def handmade_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Pages from hand-made Article/Script objects (hostile strings, known timings) + the index."""
    from bacakan.publish import site as site_module
    from bacakan.publish.feed import FeedSettings
    from tests.browser import handmade

    out = tmp_path_factory.mktemp("handmade")
    slugs = handmade.build(out)
    site_module.rebuild(out, FeedSettings())
    built = Site(out, {**{s: f"{s}/index.html" for s in slugs}, "index": "index.html"})
    yield built
    built.close()


class Sites:
    """Several served folders behind one ``url(key)``."""

    def __init__(self, sites: list[Site]) -> None:
        self.sites = sites

    def url(self, key: str) -> str:
        for site in self.sites:
            if key in site.pages:
                return site.url(key)
        raise KeyError(key)


@pytest.fixture(scope="session")
def pipeline_site(tmp_path_factory: pytest.TempPathFactory, espeak_voice: Voice,
                  espeak_profile: VoiceProfile,
                  rendered_examples: tuple[Path, dict[str, Episode]]) -> Iterator[Sites]:
    """The real pipeline (ingest ... publish, eSpeak voice): the bundled examples (rendered once
    for the whole session by tests/conftest.py) and tests/browser/data, each with its index."""
    from bacakan import pipeline

    out = tmp_path_factory.mktemp("pipeline")
    settings = pipeline.RenderSettings(out=out)
    pages = {"index": "index.html"}
    for source in _articles(DATA):
        episode = pipeline.render(str(source), settings, voice=espeak_voice, profile=espeak_profile)
        pages[source.name] = f"{episode.slug}/{episode.html}"
    examples_out, episodes = rendered_examples
    example_pages = {"examples-index": "index.html"}
    example_pages.update({name: f"{e.slug}/{e.html}" for name, e in episodes.items()})
    built = [Site(out, pages), Site(examples_out, example_pages)]
    yield Sites(built)
    for site in built:
        site.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    yield page
    context.close()
    assert not dialogs, f"a script ran and opened a dialog: {dialogs}"
