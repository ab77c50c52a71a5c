"""Where the app's answers show, at a projector's 1280 x 720 and at 1920 x 1080 (issue 23):
``python -m bench.answers``.

Prints, measured in headless Chromium on the bundled data:
- a click on FNV on the map: whether its profile (the drawer's heading and its standing) is inside
  the viewport without scrolling, and how long after the click it showed;
- the path UHISPAWU -> min-buza-bhos from a link: whether the hops are listed inside the viewport
  and which panel under the map is open;
- the power-interest grid lens: labels drawn, the smallest on screen in px, labels and leader lines
  outside their quadrant, actors left unlabelled, whether the picture fits its column;
- the asks table: whether it fits the viewport's width, whether it names a document by id, and
  how long after choosing the panel it showed (no empty grey box before it).
Goals: profile and hops in view, grid labels >= 14 px and 0 outside their quadrant, the table
within the width and no ids.
"""

from __future__ import annotations

import re
import sys
import time

from bench.legibility import settled
from bench.pipeline import CHROMIUM, LAUNCH_ARGS
from bench.server import start_streamlit
from network.io.folder import bundled_data_dir

SIZES = ((1280, 720), (1920, 1080))

_GRID = """() => {
  const host = Array.from(document.querySelectorAll('*')).find(e => e.shadowRoot && e.shadowRoot.querySelector('.sne-grid svg'));
  if (!host) return null;
  const svg = host.shadowRoot.querySelector('.sne-grid svg'), rect = (e) => e.getBoundingClientRect();
  const quadrants = Array.from(svg.querySelectorAll('g[id^=quadrant-]')).map(rect);
  const inside = (r) => quadrants.some(q => r.left >= q.left - 1 && r.right <= q.right + 1 && r.top >= q.top - 1 && r.bottom <= q.bottom + 1);
  const labels = Array.from(svg.querySelectorAll('g[id=actor-label] text'));
  const note = Array.from(svg.querySelectorAll('text')).map(t => t.textContent).find(t => /^Not labelled \\(\\d+/.test(t)) || '';
  return {
    labels: labels.length,
    smallest: Math.min(...labels.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)),
    outside: labels.filter(t => !inside(rect(t))).length,
    leaders: Array.from(svg.querySelectorAll('g[id=leader-line] path')).filter(l => !inside(rect(l))).length,
    unlabelled: note ? parseInt(note.match(/\\((\\d+)/)[1]) : 0,
    fits: rect(svg).right <= rect(host).right + 1,
  };
}"""


# How far the page is scrolled: the window, or Streamlit's main column, which scrolls instead.
_SCROLLED = "Math.max(window.scrollY, (document.querySelector('[data-testid=stMain]') || document.scrollingElement).scrollTop)"


def _actor_point(page, actor: str) -> tuple[float, float]:
    """Where ``actor`` is drawn on the page (CSS px): the map's canvas plus the actor's place on it."""
    at = page.evaluate("id => window.network.canvasToDOM(window.network.getPositions([id])[id])", actor)
    box = page.locator("#mynetwork").bounding_box()
    return box["x"] + at["x"], box["y"] + at["y"]


def _in_view(box: dict | None, w: int, h: int) -> bool:
    return bool(box) and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= w and box["y"] + box["height"] <= h


def measure(url: str, browser, w: int, h: int) -> list[str]:
    from playwright.sync_api import expect

    out = [f"{w} x {h}"]
    page = browser.new_page(viewport={"width": w, "height": h})
    try:
        page.goto(url)
        settled(page)
        at = _actor_point(page, "fnv")
        start = time.monotonic()
        page.mouse.click(*at)
        drawer = page.locator(".st-key-profile_drawer")
        heading = drawer.get_by_role("heading", name="FNV", exact=True)
        heading.wait_for(timeout=30000)
        try:  # where it settles: the drawer's style can follow its content by a moment
            expect(heading).to_be_in_viewport(ratio=1, timeout=5000)
        except AssertionError:
            pass  # reported below as not in view
        shown = time.monotonic() - start
        standing = drawer.get_by_text(re.compile(r"most connected of"))
        out.append(
            f"  click on FNV: profile heading in view {_in_view(heading.bounding_box(), w, h)}, standing in view "
            f"{_in_view(standing.bounding_box(), w, h)}, page scrolled {page.evaluate(_SCROLLED)} px, shown after {shown:.1f} s"
        )

        page.goto(f"{url}/?path_from=uhispawu&path_to=min-buza-bhos")
        settled(page)
        route = page.locator("[data-testid=stSidebar]").get_by_text(re.compile(r"^Route 1: "))
        route.wait_for(timeout=30000)
        panel = page.locator(".st-key-panel [aria-checked=true]").first.inner_text()
        out.append(f"  path UHISPAWU -> minister: hops in view {_in_view(route.bounding_box(), w, h)}, panel open: {panel}")

        page.goto(f"{url}/?lens=grid")
        page.wait_for_function(
            "() => Array.from(document.querySelectorAll('*')).some(e => e.shadowRoot && e.shadowRoot.querySelector('.sne-grid svg'))",
            timeout=120000,
        )
        g = page.evaluate(_GRID)
        out.append(
            f"  grid lens: {g['labels']} labels, smallest {g['smallest']:.1f} px, {g['outside']} outside their quadrant, "
            f"{g['leaders']} leader lines crossing one, {g['unlabelled']} unlabelled, fits its column {g['fits']}"
        )

        page.goto(url)
        settled(page)
        start = time.monotonic()
        page.get_by_role("radio", name="Asks").click()
        table = page.locator("[data-testid=stTable]").first
        table.wait_for(timeout=30000)
        shown = time.monotonic() - start
        text, tbox, rows = table.inner_text(), table.bounding_box(), table.locator("tbody tr").count()
        ids = bool(re.search(r"\b[a-z]+(-[a-z0-9]+)+-20\d\d\b", text))
        out.append(
            f"  asks table: {rows} asks as rows, within the width {tbox['x'] + tbox['width'] <= w}, "
            f"document ids shown {ids}, shown {shown:.1f} s after choosing the panel"
        )
    finally:
        page.close()
    return out


def main() -> int:
    from playwright.sync_api import sync_playwright

    proc, url = start_streamlit(bundled_data_dir())
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            for w, h in SIZES:
                print("\n".join(measure(url, browser, w, h)))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
