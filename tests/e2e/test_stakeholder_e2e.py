"""Issue 14 in headless Chromium: play steps the map through the documents' dates, the grid lens opens a profile."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import start_streamlit
from .test_map import map_frame

TEAM = Path(__file__).parents[1] / "data" / "stakeholder"


@pytest.fixture(scope="module")
def team_app(tmp_path_factory):
    """The app on the stakeholder fixture (asks, stances, assessments, an engagement log)."""
    folder = tmp_path_factory.mktemp("team") / "data"
    shutil.copytree(TEAM, folder)
    proc, url = start_streamlit(folder)
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def team_page(tmp_path_factory):
    """The panels of issue 14 (grid, comparison, follow-ups) on the page that wires them as app.py is asked to."""
    folder = tmp_path_factory.mktemp("team_page") / "data"
    shutil.copytree(TEAM, folder)
    proc, url = start_streamlit(folder, script=Path(__file__).with_name("stakeholder_page.py"))
    yield url
    proc.terminate()
    proc.wait(10)


def test_play_steps_the_map_through_the_documents_dates_by_itself(page, team_app):
    page.goto(team_app)
    map_frame(page)
    page.get_by_text("As of", exact=True).first.click()  # open the sidebar's "As of" expander
    page.get_by_role("button", name="▶", exact=True).click()
    caption = map_frame(page).locator("#caption")  # under the map
    expect(caption).to_contain_text("as of 2020-12", timeout=20_000)
    # No click: the timer takes it to the next document's date, the sidebar counting what is new.
    expect(caption).to_contain_text("as of 2023-01-18", timeout=20_000)
    expect(page.get_by_test_id("stSidebar")).to_contain_text("3 relation(s) new at 2023-01-18")
    # After the last date it is the whole map again, and the player stops.
    expect(caption).not_to_contain_text("as of", timeout=30_000)
    expect(page.get_by_role("button", name="▶", exact=True)).to_be_visible()
    assert page.outside_requests == [] and page.dialogs == []


def test_a_link_with_as_of_draws_only_what_had_appeared_and_highlights_the_new(page, team_app):
    page.goto(f"{team_app}/?as_of=2023-01-18")
    frame = map_frame(page)
    drawn = set(frame.evaluate("window.network.body.data.nodes.getIds()"))
    assert drawn == {"fnv", "cnv", "kamer", "ser", "vno"}
    expect(frame.locator("#caption")).to_contain_text("as of 2023-01-18")


def test_the_grid_lens_shows_the_picture_and_a_pick_opens_the_profile(page, team_page):
    page.goto(f"{team_page}/?grid_ask=vmp")
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
    expect(page.locator(".sne-grid svg").first).to_be_visible(timeout=60_000)  # the grid, drawn as the page shows it
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Open the profile of")
    picker.scroll_into_view_if_needed()
    picker.locator("input").click()
    page.keyboard.type("Minister BHO")
    page.keyboard.press("Enter")
    expect(page.get_by_text("On the grid (Continue VMP funding):")).to_be_visible(timeout=20_000)
    expect(page.get_by_text(SECRET := "Secret strategy meeting on VMP")).to_be_attached(timeout=20_000)
    assert SECRET and page.outside_requests == [] and page.dialogs == []
