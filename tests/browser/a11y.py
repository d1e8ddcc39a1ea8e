"""Browser checks from design/accessibility.md §4.3: axe, keyboard walk, reflow, text spacing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--autoplay-policy=no-user-gesture-required"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# WCAG 1.4.12 text-spacing overrides, injected as a user stylesheet would be.
TEXT_SPACING_CSS = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""


def chromium_path() -> str | None:
    """$BACAKAN_CHROMIUM (CI sets it), else Debian's chromium; never a Playwright download."""
    for candidate in (os.environ.get("BACAKAN_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def axe_path() -> Path | None:
    """axe.min.js: $BACAKAN_AXE_JS, else the copy inside the axe-playwright-python wheel."""
    env = os.environ.get("BACAKAN_AXE_JS")
    if env and Path(env).is_file():
        return Path(env)
    try:
        import axe_playwright_python  # type: ignore[import-untyped]
    except ImportError:
        return None
    bundled = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    return bundled if bundled.is_file() else None


def run_axe(page: Page, axe_js: str, tags: list[str] | None = None,
            rules: list[str] | None = None) -> list[dict[str, Any]]:
    """Violations as ``{"id", "impact", "targets"}``; axe is injected on demand."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_js)
    options: dict[str, Any] = {"runOnly": {"type": "rule", "values": rules} if rules
                               else {"type": "tag", "values": tags or AXE_TAGS}}
    result: dict[str, Any] = page.evaluate("o => axe.run(document, o)", options)
    return [{"id": v["id"], "impact": v["impact"],
             "targets": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


FOCUS_FACTS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  const hit = document.elementFromPoint(cx, cy);
  const main = document.querySelector('main');
  return {
    tag: el.tagName.toLowerCase(), id: el.id, cls: el.className || '',
    text: (el.textContent || '').trim().slice(0, 60),
    href: el.getAttribute('href'), tabindex: el.getAttribute('tabindex'),
    outline: cs.outlineStyle !== 'none' ? parseFloat(cs.outlineWidth) : 0, shadow: cs.boxShadow,
    width: r.width, height: r.height,
    inViewport: r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1
      && r.right <= innerWidth + 1,
    unobscured: !!hit && (hit === el || el.contains(hit) || hit.contains(el)),
    inMain: !!main && main.contains(el),
  };
}"""


def focused_ax(page: Page) -> tuple[str, str]:
    """Role and name that Chromium's accessibility tree gives the focused node (even in <audio>)."""
    cdp = page.context.new_cdp_session(page)
    try:
        tree = cdp.send("Accessibility.getFullAXTree")
    finally:
        cdp.detach()
    found = ("", "")
    for node in tree["nodes"]:
        props = {p["name"]: p.get("value", {}).get("value") for p in node.get("properties", [])}
        role = str(node.get("role", {}).get("value", ""))
        if props.get("focused") and role != "RootWebArea":  # the document itself is "focused" too
            found = (role, str(node.get("name", {}).get("value", "")))
    return found


def keyboard_walk(page: Page, max_stops: int = 80) -> list[dict[str, Any]]:
    """Tab from the top of the page until focus wraps; one fact dict per stop."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); "
                  "window.scrollTo(0, 0); }")
    stops: list[dict[str, Any]] = []
    for _ in range(max_stops):
        page.keyboard.press("Tab")
        page.wait_for_timeout(30)  # let scroll-into-view settle before measuring
        facts = page.evaluate(FOCUS_FACTS)
        if facts is None:
            break
        facts["role"], facts["name"] = focused_ax(page)
        keys = ("tag", "id", "href", "role", "name")
        if stops and [facts[k] for k in keys] == [stops[0][k] for k in keys]:
            break  # wrapped round to the first stop
        stops.append(facts)
    return stops


def overflow(page: Page) -> dict[str, Any]:
    """Horizontal scroll facts and the widest offenders."""
    result: dict[str, Any] = page.evaluate("""() => {
      const w = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > w + 1)
        .slice(0, 5)
        .map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
      return {scrollWidth: document.documentElement.scrollWidth, width: w, wide};
    }""")
    return result
