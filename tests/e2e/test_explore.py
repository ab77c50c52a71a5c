"""Exploring in real headless Chromium: focus, paths, click-to-profile, language, offline."""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from network import load_dataset

from .conftest import ROOT
from .test_map import map_frame, opening_actors

N_ACTORS = len(opening_actors())  # what the opening map draws


def _settled(page, locator, timeout: float = 10.0) -> None:
    """Wait until ``locator`` stops moving (an expander's opening animation is over)."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        box = locator.bounding_box()
        if box is not None and box == last:
            return
        last = box
        page.wait_for_timeout(150)
    raise AssertionError("the widget kept moving")


def drawn_count(page, exclude: int | None = None, timeout: float = 45.0) -> int:
    """Number of nodes in the drawn map, waiting until it differs from ``exclude``."""
    deadline = page.evaluate("Date.now()") + timeout * 1000
    while True:
        frame = map_frame(page)
        try:
            n = frame.evaluate("window.network.body.data.nodes.length")
        except Exception:
            n = None
        if n is not None and n != exclude:
            return n
        if page.evaluate("Date.now()") > deadline:
            raise AssertionError(f"map still draws {exclude} nodes")
        page.wait_for_timeout(300)


def test_choosing_a_focus_changes_the_drawn_node_count(page, bundled_app):
    page.goto(bundled_app)
    assert drawn_count(page) == N_ACTORS
    page.get_by_text("Focus", exact=True).first.click()
    box = page.get_by_role("combobox", name="Actor (type to search)")
    _settled(page, box)  # a list opened while the expander still slides open closes again
    box.click()
    box.fill("Hukatan")
    # Chosen with the keyboard, as the list re-renders while it filters (a click could hit a detached option).
    expect(page.get_by_role("option", name=re.compile("^Hukatan")).first).to_be_visible()
    box.press("Enter")
    n = drawn_count(page, exclude=N_ACTORS)
    assert 1 < n < N_ACTORS
    assert "focus=hukatan" in page.url
    assert page.outside_requests == []


def test_a_path_is_highlighted_and_listed_hop_by_hop(page, bundled_app):
    page.goto(f"{bundled_app}/?path_from=hukatan&path_to=min-buza-bhos")
    frame = map_frame(page)
    bold = frame.evaluate("window.network.body.data.edges.get({filter: e => e.width === 5}).length")
    assert bold >= 3
    on_path = frame.evaluate("window.network.body.data.nodes.get({filter: n => n.borderWidth === 4}).map(n => n.id)")
    assert {"hukatan", "min-buza-bhos"} <= set(on_path)
    expect(page.get_by_text(re.compile(r"shortest path\(s\) of 3 hop\(s\) from Hukatan"))).to_be_visible(timeout=20000)
    assert page.outside_requests == []


def test_clicking_a_node_opens_its_profile(page, bundled_app):
    page.goto(bundled_app)
    frame = map_frame(page)
    pos = frame.evaluate("window.network.canvasToDOM(window.network.getPositions(['ser']).ser)")
    box = frame.frame_element().bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    expect(page.get_by_role("heading", name="SER", exact=True)).to_be_visible(timeout=20000)
    from network import build_graph
    from network.profile import actor_profile

    first_group = next(iter(actor_profile(build_graph(load_dataset(ROOT / "data")), "ser")["relations"]))
    # Every relation in one table, its type first; a line above it counts them by type.
    expect(page.get_by_text(re.compile(rf"Relations: .*{re.escape(first_group)} \(\d+\)")).first).to_be_visible()
    # the selector follows the click
    expect(page.get_by_role("combobox", name="Actor profile (or click a node)")).to_have_value(re.compile("^SER"))


def test_dutch_switch_changes_interface_and_map_labels(page, bundled_app):
    page.goto(bundled_app)
    frame = map_frame(page)
    assert "Legend" in frame.evaluate("document.querySelector('#legend summary').textContent")
    page.get_by_role("radio", name="Nederlands").click()
    expect(page.get_by_role("heading", name="Stakeholdernetwerk-verkenner")).to_be_visible(timeout=20000)
    deadline = 40
    for _ in range(deadline * 4):
        frame = map_frame(page)
        if frame.evaluate("document.querySelector('#legend summary').textContent") == "Legenda":
            break
        page.wait_for_timeout(250)
    assert frame.evaluate("document.querySelector('#legend summary').textContent") == "Legenda"
    assert "Vakbond" in frame.evaluate("document.querySelector('#legend').textContent")
    assert "lang=nl" in page.url
    assert page.outside_requests == []


def test_switching_language_keeps_focus_and_colouring(page, bundled_app):
    page.goto(f"{bundled_app}/?focus=fnv&color_by=community")
    focused = drawn_count(page)
    assert focused < N_ACTORS
    page.get_by_role("radio", name="Nederlands").click()
    expect(page.get_by_role("heading", name="Stakeholdernetwerk-verkenner")).to_be_visible(timeout=20000)
    for _ in range(120):
        frame = map_frame(page)
        if frame.evaluate("document.querySelector('#legend summary').textContent") == "Legenda":
            break
        page.wait_for_timeout(250)
    assert frame.evaluate("window.network.body.data.nodes.length") == focused
    assert "Coalitie 1" in frame.evaluate("document.querySelector('#legend').textContent")
    page.wait_for_timeout(1000)
    assert "focus=fnv" in page.url and "color_by=community" in page.url and "lang=nl" in page.url
    # the next control after the switch must not drop the rest of the view
    slider = page.get_by_role("slider", name="Stappen")
    if not slider.is_visible():
        page.get_by_text("Focus", exact=True).first.click()
    slider.focus()
    page.keyboard.press("ArrowRight")
    for _ in range(120):
        if "hops=2" in page.url:
            break
        page.wait_for_timeout(250)
    assert "hops=2" in page.url and "focus=fnv" in page.url and "color_by=community" in page.url
    assert drawn_count(page, exclude=focused) > focused


def test_clicking_a_group_in_the_overview_opens_it(page, bundled_app):
    page.goto(f"{bundled_app}/?overview=type")
    frame = map_frame(page)
    groups = frame.evaluate("window.network.body.data.nodes.length")
    assert groups < N_ACTORS
    gid = "group:type:trade_union"
    pos = frame.evaluate(f"window.network.canvasToDOM(window.network.getPositions(['{gid}'])['{gid}'])")
    box = frame.frame_element().bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    for _ in range(120):
        ids = map_frame(page).evaluate("window.network.body.data.nodes.getIds()")
        if "fnv" in ids:
            break
        page.wait_for_timeout(250)
    assert {"fnv", "cnv", "mondiaal-fnv", "cnv-internationaal"} <= set(ids) and gid not in ids
