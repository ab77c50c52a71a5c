"""Presentation mode in headless Chromium: full-screen map, stepping through saved views."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from network.rights import LOCAL_EDITOR
from network.view import ViewState
from network.views import save_view

from .conftest import start_streamlit
from .test_map import map_frame


@pytest.fixture(scope="module")
def app_with_views(tmp_path_factory):
    """The app on fixture data with two saved views."""
    folder = tmp_path_factory.mktemp("present") / "data"
    shutil.copytree(Path(__file__).parents[1] / "data" / "good", folder)
    save_view(folder / "views", "FNV focus", ViewState(focus="fnv", hops=1, title="Around FNV"), access=LOCAL_EDITOR)
    save_view(folder / "views", "Unions", ViewState(actor_types=["trade_union"], title="The unions"), access=LOCAL_EDITOR)
    proc, url = start_streamlit(folder)
    yield url
    proc.terminate()
    proc.wait(10)


def heading_and_count(page, expected_heading: str, timeout_ms: int = 30000) -> int:
    """The number of actors on the map once it shows the slide headed ``expected_heading``."""
    try:
        page.wait_for_function(
            "h => window.network && window.network.sneDrawn === true && document.querySelector('#heading').textContent === h",
            arg=expected_heading,
            timeout=timeout_ms,
            polling=100,
        )
    except PlaywrightTimeoutError:
        shown = page.evaluate("(document.querySelector('#heading') || {}).textContent")
        raise AssertionError(f"the map never showed the heading {expected_heading!r} (it shows {shown!r})") from None
    return map_frame(page).evaluate("window.network.body.data.nodes.length")


def test_presentation_steps_through_two_views_with_keys_and_buttons(page, app_with_views):
    page.goto(app_with_views)
    map_frame(page)
    page.get_by_role("button", name="Present").click()
    assert heading_and_count(page, "Around FNV") == 4
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_text("View 1 of 2: FNV focus")).to_be_visible()
    page.keyboard.press("ArrowRight")
    assert heading_and_count(page, "The unions") == 2
    assert "slide=Unions" in page.url and "present=1" in page.url
    page.get_by_role("button", name="◀").click()
    assert heading_and_count(page, "Around FNV") == 4
    # the caption says what is shown, on the map itself
    assert "4 of 7 actors" in map_frame(page).evaluate("document.querySelector('#caption').textContent")
    page.get_by_role("button", name="Exit").click()
    expect(page.get_by_test_id("stSidebar")).to_be_visible(timeout=20000)
    assert page.outside_requests == []


def test_a_presentation_link_opens_on_its_slide(page, app_with_views):
    page.goto(f"{app_with_views}/?present=1&slide=Unions")
    assert heading_and_count(page, "The unions") == 2
