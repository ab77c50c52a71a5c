"""Issue 23 at 1280x720 (a meeting-room projector): what a click asks for shows where the person
looks, and the grid lens and the asks table read without scrolling sideways or squinting."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from network import load_dataset

from .conftest import ROOT
from .runs import after_run
from .test_explore import _settled
from .test_map import map_frame, node_point

W, H = 1280, 720


@pytest.fixture
def projector(browser) -> Iterator[object]:
    """A 1280x720 page; the test fails if the app shows a Python exception or anything leaves localhost."""
    context = browser.new_context(viewport={"width": W, "height": H})
    page = context.new_page()
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:"))
            else (outside.append(route.request.url), route.abort())
        ),
    )
    yield page
    errors = page.locator("[data-testid=stException]").all_inner_texts()
    context.close()
    assert not errors, errors[0][:1000]
    assert outside == []


def _in_view(box) -> bool:
    return box is not None and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= W and box["y"] <= H - 40


# The actor drawn furthest right on the map (away from the drawer).
RIGHTMOST = """(() => {
  const pos = window.network.getPositions();
  return Object.keys(pos).sort((a, b) => pos[b].x - pos[a].x)[0];
})()"""


def _scrolled(page) -> float:
    """How far the page is scrolled: the window, or Streamlit's main column, which scrolls instead."""
    return page.evaluate(
        "Math.max(window.scrollY, (document.querySelector('[data-testid=stMain]') || document.scrollingElement).scrollTop)"
    )


def test_a_clicked_actor_shows_its_profile_inside_the_viewport(projector, bundled_app):
    page = projector
    page.goto(bundled_app)
    frame = map_frame(page)
    fnv = node_point(page, "fnv")
    page.mouse.click(*fnv)
    drawer = page.locator(".st-key-profile_drawer")
    heading = drawer.get_by_role("heading", name="FNV", exact=True)
    # The drawer's content can arrive a moment before the style that lays it over the sidebar (it
    # is then under the map, below the fold): what counts is where it settles, without scrolling.
    expect(heading).to_be_in_viewport(ratio=1, timeout=20000)
    assert _in_view(heading.bounding_box())  # no scrolling to find the answer
    standing = drawer.get_by_text(re.compile(r"neighbours: 1st most connected of \d+"))
    assert _in_view(standing.bounding_box())  # in words, not "degree 0.2292"
    # The drawer covers the sidebar and a strip of the map: the actor clicked stays in view beside
    # its profile, and the map takes the next click.
    edge = drawer.bounding_box()["x"] + drawer.bounding_box()["width"]
    assert edge <= 600 and fnv[0] > edge
    other = frame.evaluate(RIGHTMOST)
    page.mouse.click(*node_point(page, other))
    name = next(a["name"] for a in load_dataset(ROOT / "data").actors if a["id"] == other)
    expect(drawer.get_by_role("heading", name=name, exact=True)).to_be_visible(timeout=20000)
    page.keyboard.press("Escape")  # closes it, as it would a dialog
    expect(drawer).to_have_count(0, timeout=20000)
    assert _scrolled(page) == 0


def test_a_path_opens_its_panel_and_lists_its_hops_under_the_pickers(projector, bundled_app):
    page = projector
    page.goto(f"{bundled_app}/?path_from=uhispawu&path_to=min-buza-bhos")
    map_frame(page)
    route = page.locator("[data-testid=stSidebar]").get_by_text(re.compile(r"^Route 1: UHISPAWU"))
    expect(route).to_be_visible(timeout=20000)
    assert route.inner_text().rstrip().endswith("Minister BHO")  # the short label the map shows
    assert _in_view(route.bounding_box())
    expect(page.get_by_role("radio", name="Path", checked=True)).to_be_attached()


# Measured in the grid's SVG as the browser shows it: a label's size on screen is its font size
# times the SVG's scale; each label and leader line must lie inside one quadrant.
GRID = """() => {
  const host = Array.from(document.querySelectorAll('*')).find(e => e.shadowRoot && e.shadowRoot.querySelector('.sne-grid svg'));
  const svg = host.shadowRoot.querySelector('.sne-grid svg');
  const rect = (e) => e.getBoundingClientRect();
  const quadrants = Array.from(svg.querySelectorAll('g[id^=quadrant-]')).map(rect);
  const inside = (r) => quadrants.some(q => r.left >= q.left - 1 && r.right <= q.right + 1 && r.top >= q.top - 1 && r.bottom <= q.bottom + 1);
  const labels = Array.from(svg.querySelectorAll('g[id=actor-label] text'));
  const px = labels.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
  const svgBox = rect(svg);
  return {
    labels: labels.length,
    smallest: Math.min(...px),
    outside: labels.filter(t => !inside(rect(t))).map(t => t.textContent),
    leaders: Array.from(svg.querySelectorAll('g[id=leader-line] path')).filter(l => !inside(rect(l))).length,
    quadrants: quadrants.length,
    right: svgBox.right,
    columnRight: rect(host).right,
    texts: Array.from(svg.querySelectorAll('text')).map(t => t.textContent).join(' '),
  };
}"""


def test_the_grid_lens_labels_are_14_px_and_inside_their_quadrants(projector, bundled_app):
    page = projector
    page.goto(f"{bundled_app}/?lens=grid")
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('*')).some(e => e.shadowRoot && e.shadowRoot.querySelector('.sne-grid svg'))",
        timeout=60000,
    )
    found = page.evaluate(GRID)
    assert found["quadrants"] == 4 and found["labels"] >= 20
    assert found["smallest"] >= 14.0
    assert found["outside"] == [] and found["leaders"] == 0
    assert found["right"] <= found["columnRight"] + 1 <= W  # nothing cut at the right edge
    assert "assessments.csv" not in found["texts"]  # the bundled data has none


def test_the_asks_table_names_documents_by_title_and_fits_the_column(projector, bundled_app):
    page = projector
    page.goto(bundled_app)
    map_frame(page)
    page.get_by_role("radio", name="Asks").click()
    table = page.locator("[data-testid=stTable]").first
    expect(table).to_be_visible(timeout=20000)
    text = table.inner_text()
    assert "Combinatie van wetgeving en sectorovereenkomsten (2023)" in text
    assert "paper-ser-roundtable-2023" not in text  # titles, not ids
    box = table.bounding_box()
    assert box["x"] + box["width"] <= W  # every column on screen: no sideways scrolling


def test_the_keyboard_reaches_the_map_and_shows_that_it_is_there(projector, bundled_app):
    page = projector
    page.goto(bundled_app)
    map_frame(page)
    for _ in range(40):  # the sidebar's controls first, then the page's main part, then the map
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#mynetwork')"):
            break
    else:
        raise AssertionError("Tab never reached the map")
    # The ring is drawn round the map's own element (vis-network's frame) while it has the keyboard.
    expect(page.locator("#mynetwork .vis-network")).to_be_focused()
    expect(page.locator("#mynetwork .vis-network")).to_have_css("outline-style", "solid")
    assert page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)") >= 2


def test_the_path_picker_finds_the_minister_by_id_and_lists_it_first_for_minister(projector, bundled_app):
    page = projector
    page.goto(bundled_app)
    map_frame(page)
    # Opening the section is a run of the app: typed before it ends, the list would be drawn anew under the typing.
    after_run(page, lambda: page.get_by_text("Path", exact=True).first.click())
    box = page.get_by_role("combobox", name="Path to")
    expect(box).to_be_visible(timeout=20000)
    _settled(page, box)  # the section opens with a slide: a list opened while it moves closes again
    box.click()
    box.fill("Minister")
    first = page.get_by_role("option").first
    expect(first).to_contain_text("Minister voor Buitenlandse Handel")  # not "minister Kaag"
    box.fill("min-buza")
    expect(page.get_by_role("option")).to_have_count(1)
    expect(page.get_by_role("option").first).to_contain_text("min-buza-bhos")


def test_a_path_picked_in_the_sidebar_opens_its_panel_in_place_of_the_profile(projector, bundled_app):
    page = projector
    page.goto(bundled_app)
    map_frame(page)
    expect(page.get_by_role("radio", name="Actor profile", checked=True)).to_be_attached()
    page.get_by_text("Path", exact=True).first.click()
    for label, typed in (("Path from", "UHISPAWU"), ("Path to", "min-buza")):
        box = page.get_by_role("combobox", name=label)
        expect(box).to_be_visible(timeout=20000)
        box.click()  # once it has stopped moving: the section opens with a slide
        box.fill(typed)
        expect(page.get_by_role("option").first).to_be_visible()
        after_run(page, lambda box=box: box.press("Enter"))  # the pick reruns the page
    route = page.locator("[data-testid=stSidebar]").get_by_text(re.compile(r"^Route 1: UHISPAWU"))
    expect(route).to_be_visible(timeout=20000)
    assert _in_view(route.bounding_box())
    expect(page.get_by_role("radio", name="Path", checked=True)).to_be_attached(timeout=20000)
