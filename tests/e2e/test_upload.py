"""Uploading data in headless Chromium: a broken file gets a report, a good one is explored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import start_streamlit
from .test_map import map_frame

GOOD = Path(__file__).parents[1] / "data" / "good"


@pytest.fixture(scope="module")
def app_on_fixture(tmp_path_factory):
    folder = tmp_path_factory.mktemp("upload") / "data"
    shutil.copytree(GOOD, folder)
    proc, url = start_streamlit(folder)
    yield url
    proc.terminate()
    proc.wait(10)


def _upload(page, files: list[dict]) -> None:
    page.get_by_text("Data", exact=True).click()
    page.locator("[data-testid=stSidebar] input[type=file]").set_input_files(files)
    page.get_by_role("button", name="Check and open").click()


def test_uploading_a_broken_file_shows_the_report_and_keeps_the_map(page, app_on_fixture):
    page.goto(app_on_fixture)
    map_frame(page)
    broken = (GOOD / "relations.csv").read_bytes() + b"fnv,acme,funds,true,2024-13,doc1,q,\n"
    _upload(
        page,
        [
            {"name": "actors.csv", "mimeType": "text/csv", "buffer": (GOOD / "actors.csv").read_bytes()},
            {"name": "relations.csv", "mimeType": "text/csv", "buffer": broken},
        ],
    )
    expect(page.get_by_text("did not load; nothing of it is shown")).to_be_visible(timeout=20000)
    report = page.get_by_test_id("stDataFrame").first
    expect(report).to_be_visible()
    # the grid draws on a canvas but keeps an accessible copy of its cells in the page
    expect(report.get_by_text("unknown actor 'acme'")).to_be_attached()
    expect(report.get_by_text("impossible date '2024-13' (use YYYY, YYYY-MM or YYYY-MM-DD)")).to_be_attached()
    assert page.outside_requests == []
    # the bundled map is still there, whole
    assert map_frame(page).evaluate("window.network.body.data.nodes.length") == 7


def test_uploading_a_workbook_switches_to_it(page, app_on_fixture, tmp_path):
    from network import load_dataset
    from network.io.xlsx import write_workbook

    ds = load_dataset(GOOD)
    ds.actors = [a for a in ds.actors if a["id"] != "lonely"]
    page.goto(app_on_fixture)
    map_frame(page)
    _upload(page, [{"name": "ours.xlsx", "mimeType": "application/octet-stream", "buffer": write_workbook(ds)}])
    expect(page.get_by_text("loaded whole")).to_be_visible(timeout=20000)
    # The map is handed the workbook's view: six actors, drawn.
    page.wait_for_function("window.network.body.data.nodes.length === 6 && window.network.sneDrawn === true", timeout=20000)
    assert map_frame(page).evaluate("window.network.body.data.nodes.getIds().includes('lonely')") is False


def test_a_file_that_is_not_a_spreadsheet_gets_a_clear_message(page, app_on_fixture):
    page.goto(app_on_fixture)
    map_frame(page)
    _upload(page, [{"name": "notes.xlsx", "mimeType": "application/octet-stream", "buffer": b"%PDF-1.4 not a workbook"}])
    expect(page.get_by_text("did not load")).to_be_visible(timeout=20000)
