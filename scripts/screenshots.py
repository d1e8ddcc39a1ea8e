"""Screenshots of an output folder for a person to look at: light, dark and 320 px wide.

    PYTHONPATH=src python scripts/screenshots.py [DIR] [--out shots]

Without DIR, the hand-made test episodes (hostile strings, long words) are built in a temp folder.
Pages are served with ``bacakan serve``'s Range-capable handler and loaded in Debian's Chromium
($BACAKAN_CHROMIUM or /usr/bin/chromium; never a Playwright browser download). On each article
the middle sentence is highlighted, as during playback.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.browser import a11y  # noqa: E402

from bacakan.cli.serve import start_background  # noqa: E402

VIEWS = {  # name: (width, colour scheme)
    "terang": (1280, "light"),
    "gelap": (1280, "dark"),
    "320px": (320, "light"),
}
HIGHLIGHT_MIDDLE = """() => {
  const spans = [...document.querySelectorAll('.kalimat[data-start]')];
  const audio = document.getElementById('narasi');
  if (!spans.length || !audio) return;
  const s = spans[Math.floor(spans.length / 2)];
  audio.currentTime = (+s.dataset.start + +s.dataset.end) / 2;
}"""


def pages(folder: Path) -> list[str]:
    found = ["index.html"] if (folder / "index.html").is_file() else []
    return found + sorted(str(p.relative_to(folder)) for p in folder.glob("*/index.html"))


def shoot(browser: Browser, base: str, path: str, out: Path) -> list[Path]:
    written: list[Path] = []
    stem = path.replace("/index.html", "").replace(".html", "").replace("/", "_")
    for name, (width, scheme) in VIEWS.items():
        context = browser.new_context(viewport={"width": width, "height": 900},
                                      color_scheme=scheme)  # type: ignore[arg-type]
        page = context.new_page()
        page.goto(f"{base}/{path}")
        page.wait_for_load_state("networkidle")
        page.evaluate(HIGHLIGHT_MIDDLE)
        page.wait_for_timeout(300)
        target = out / f"{stem}-{name}.png"
        page.screenshot(path=str(target), full_page=True)
        written.append(target)
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, help="output folder (default: test pages)")
    parser.add_argument("--out", type=Path, default=Path("shots"), help="where the PNGs go")
    args = parser.parse_args(argv)
    exe = a11y.chromium_path()
    if exe is None:
        print("screenshots: no Chromium (apt-get install chromium or set BACAKAN_CHROMIUM)",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder: Path = args.folder or Path(tmp)
        if args.folder is None:
            from tests.browser import handmade

            from bacakan.publish import site
            from bacakan.publish.feed import FeedSettings

            handmade.build(folder)
            site.rebuild(folder, FeedSettings())
        args.out.mkdir(parents=True, exist_ok=True)
        server, _ = start_background(folder)
        host, port = server.server_address[:2]
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=exe, headless=True,
                                            args=a11y.LAUNCH_ARGS)
                for path in pages(folder):
                    for shot in shoot(browser, f"http://{host!s}:{port}", path, args.out):
                        print(shot)
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
