"""Exploring in real headless Chromium: focus, paths, click-to-profile, language, offline."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from network import load_dataset

from .conftest import ROOT
from .test_map import map_frame, node_point, opening_actors

N_ACTORS = len(opening_actors())  # what the opening map draws


def _settled(page, locator, timeout: float = 10.0) -> None:
    """Wait until ``locator`` stops moving (an expander's opening animation is over).

    The browser compares the element's box with the one it had at the previous poll, 150 ms before.
    """
    page.wait_for_function(
        """el => {
            const r = el.getBoundingClientRect(), box = [r.x, r.y, r.width, r.height].join();
            const same = el.__sneBox === box && r.width > 0;
            el.__sneBox = box;
            return same;
        }""",
        arg=locator.element_handle(timeout=timeout * 1000),
        timeout=timeout * 1000,
        polling=150,
    )


def drawn_count(page, exclude: int | None = None, timeout: float = 45.0) -> int:
    """Number of nodes in the drawn map, waiting until it differs from ``exclude``."""
    page.wait_for_function(
        "n => window.network && window.network.sneDrawn === true && window.network.body.data.nodes.length !== n",
        arg=exclude,
        timeout=timeout * 1000,
        polling=100,
    )
    return map_frame(page, timeout).evaluate("window.network.body.data.nodes.length")


def legend(page):
    """The map legend's title, to wait on with ``expect``."""
    return page.locator("#legend summary")


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
    map_frame(page)
    page.mouse.click(*node_point(page, "ser"))
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
    expect(legend(page)).to_have_text("Legend")
    expect(page.locator("#wrap")).to_have_attribute("lang", "en")
    page.get_by_role("radio", name="Nederlands").click()
    expect(page.get_by_role("heading", name="Stakeholdernetwerk-verkenner")).to_be_visible(timeout=20000)
    expect(legend(page)).to_have_text("Legenda", timeout=40000)
    frame = map_frame(page)
    expect(page.locator("#wrap")).to_have_attribute("lang", "nl")
    assert "Vakbond" in frame.evaluate("document.querySelector('#legend').textContent")
    assert "lang=nl" in page.url
    assert page.outside_requests == []


def test_switching_language_keeps_focus_and_colouring(page, bundled_app):
    page.goto(f"{bundled_app}/?focus=fnv&color_by=community")
    focused = drawn_count(page)
    assert focused < N_ACTORS
    page.get_by_role("radio", name="Nederlands").click()
    expect(page.get_by_role("heading", name="Stakeholdernetwerk-verkenner")).to_be_visible(timeout=20000)
    expect(legend(page)).to_have_text("Legenda", timeout=30000)
    frame = map_frame(page)
    assert frame.evaluate("window.network.body.data.nodes.length") == focused
    assert "Coalitie 1" in frame.evaluate("document.querySelector('#legend').textContent")
    expect(page).to_have_url(re.compile(r"(?=.*focus=fnv)(?=.*color_by=community)(?=.*lang=nl)"), timeout=10000)
    # the next control after the switch must not drop the rest of the view
    slider = page.get_by_role("slider", name="Stappen")
    if not slider.is_visible():
        page.get_by_text("Focus", exact=True).first.click()
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"(?=.*hops=2)(?=.*focus=fnv)(?=.*color_by=community)"), timeout=30000)
    assert drawn_count(page, exclude=focused) > focused


def test_clicking_a_group_in_the_overview_opens_it(page, bundled_app):
    page.goto(f"{bundled_app}/?overview=type")
    frame = map_frame(page)
    groups = frame.evaluate("window.network.body.data.nodes.length")
    assert groups < N_ACTORS
    gid = "group:type:trade_union"
    page.mouse.click(*node_point(page, gid))
    page.wait_for_function("window.network.sneDrawn && window.network.body.data.nodes.get('fnv') !== null", timeout=30000)
    ids = map_frame(page).evaluate("window.network.body.data.nodes.getIds()")
    assert {"fnv", "cnv", "mondiaal-fnv", "cnv-internationaal"} <= set(ids) and gid not in ids
