"""The map in real headless Chromium: it draws, stays offline, and runs no markup from the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from network import load_dataset

from .conftest import ROOT, start_streamlit

XSS_NAME = "<img src=x onerror=\"window.__xss=1;alert('xss')\">"


def map_frame(page, timeout: float = 45.0):
    """The frame that draws the map (the app's page itself), once its newest view is on screen and the app's run has finished.

    The map component keeps the vis-network instance as ``window.network``; ``network.sneDrawn``
    is true once the newest view it was handed is drawn. The map draws before the script has
    rendered the panels below it; a widget used while the run goes on can be re-rendered under
    the pointer (an open list closes).
    """
    page.wait_for_function("window.network && window.network.sneDrawn === true", timeout=timeout * 1000, polling=100)
    # The map is the first thing a run draws and the panel picker under it the last: once the picker
    # is there, the sidebar drawn between them is too.
    if page.locator("[data-testid=stSidebar]").count():
        expect(page.locator(".st-key-panel")).to_be_visible(timeout=timeout * 1000)
    expect(page.locator("[data-testid=stApp]")).to_have_attribute("data-test-script-state", "notRunning", timeout=timeout * 1000)
    return page.main_frame


def map_box(page) -> dict:
    """Where the map's canvas lies on the page (CSS px): x, y, width, height."""
    return page.locator("#mynetwork").bounding_box()


def node_point(page, node: str) -> tuple[float, float]:
    """Where the actor ``node`` is drawn on the page (CSS px), to click or hover it."""
    at = page.evaluate("id => window.network.canvasToDOM(window.network.getPositions([id])[id])", node)
    box = map_box(page)
    return box["x"] + at["x"], box["y"] + at["y"]


def opening_actors() -> set[str]:
    """The bundled actors the opening map draws: asks (themes) and people are lenses of their own."""
    return {a["id"] for a in load_dataset(ROOT / "data").actors if a["type"] not in ("theme", "person")}


def test_map_draws_every_bundled_organisation_without_leaving_localhost(page, bundled_app):
    page.goto(bundled_app)
    frame = map_frame(page)
    expected = opening_actors()
    drawn = set(frame.evaluate("window.network.body.data.nodes.getIds()"))
    assert drawn == expected
    on_canvas = frame.evaluate("Object.keys(window.network.getPositions()).length")
    assert on_canvas == len(expected)
    assert frame.evaluate("document.querySelector('#mynetwork canvas') !== null")
    assert page.outside_requests == []


@pytest.fixture(scope="module")
def xss_app(tmp_path_factory):
    """The app on fixture data whose names, quotes and descriptions carry markup."""
    folder = tmp_path_factory.mktemp("xss") / "data"
    shutil.copytree(Path(__file__).parents[1] / "data" / "good", folder)
    actors = (folder / "actors.csv").read_text("utf-8")
    actors = actors.replace("fnv,FNV,", f'fnv,"{XSS_NAME.replace(chr(34), chr(34) * 2)}",')
    actors = actors.replace(
        "Christian trade union confederation.", '"<a href=""javascript:alert(1)"">href</a><script>window.__xss=2</script>"'
    )
    (folder / "actors.csv").write_text(actors, "utf-8")
    proc, url = start_streamlit(folder)
    yield url
    proc.terminate()
    proc.wait(10)


def test_markup_in_a_name_shows_as_text_and_runs_nothing(page, xss_app):
    page.goto(xss_app)
    frame = map_frame(page)
    label = frame.evaluate("window.network.body.data.nodes.get('fnv').label")
    assert label.replace("\n", " ") == XSS_NAME  # wrapped at spaces, every character kept
    # hover the node so its tooltip is built, then check it holds text, not elements
    page.mouse.move(*node_point(page, "fnv"))
    tip = page.locator("div.vis-tooltip").first
    expect(tip).to_be_visible(timeout=10_000)
    tooltip = frame.evaluate(
        "(() => { const t = document.querySelector('div.vis-tooltip'); return [t.textContent, t.querySelectorAll(':not(br)').length] })()"
    )
    # vis-network turns line breaks into <br>; nothing else may become an element
    assert XSS_NAME in tooltip[0] and tooltip[1] == 0
    cnv_tip = frame.evaluate("window.network.body.data.nodes.get('cnv').title")
    assert "<script>" in cnv_tip  # still the literal characters
    assert page.evaluate("window.__xss === undefined")
    assert page.dialogs == []
    assert frame.evaluate("document.querySelectorAll('#wrap img, #wrap script, #wrap a').length") == 0
