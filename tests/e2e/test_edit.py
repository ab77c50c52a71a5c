"""Editing a cell in the data table in headless Chromium: the change is listed before saving, and saved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import start_streamlit
from .test_map import map_frame

GOOD = Path(__file__).parents[1] / "data" / "good"


@pytest.fixture
def editable_app(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(GOOD, folder)
    proc, url = start_streamlit(folder)
    yield url, folder
    proc.terminate()
    proc.wait(10)


def test_a_cell_typed_into_the_actors_table_is_shown_as_a_change_and_saved(page, editable_app):
    url, folder = editable_app
    page.goto(url)
    map_frame(page)
    page.locator("[data-testid=stButtonGroup] button", has_text="Edit data").click()
    expect(page.get_by_text("Changes to save")).to_have_count(0)
    # The actors table: the edit panel's first grid drawn. A grid draws its canvas after it is shown,
    # with a copy of its cells inside the canvas for assistive technology (glide's cell ids):
    # once that holds the first row's id, the canvas takes clicks.
    grid = page.locator("[data-testid=stDataFrame]:visible", has=page.locator("td[role=gridcell]")).first
    first = grid.get_by_test_id("glide-cell-1-0")
    expect(first).to_have_text("fnv")
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    # First body row, first column (id); one step right is the name cell; Enter opens its editor.
    page.mouse.click(box["x"] + 40, box["y"] + 35 + 17)
    expect(first).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    editor = page.locator("textarea.gdg-input")  # the grid's cell editor, over the canvas
    expect(editor).to_be_visible()
    editor.fill("FNV federatie")
    editor.press("Enter")
    expect(page.get_by_text("Changes to save")).to_be_visible(timeout=15_000)
    changes = page.get_by_test_id("stDataFrame").filter(has_text="changed")
    expect(changes.get_by_text("fnv · FNV federatie")).to_be_attached()
    page.get_by_role("button", name="Save 1 change(s)").click()
    expect(page.get_by_text("Saved 1 change(s)")).to_be_visible(timeout=15_000)
    assert "fnv,FNV federatie,trade_union" in (folder / "actors.csv").read_text(encoding="utf-8")
