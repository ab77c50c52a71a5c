"""Add a document in headless Chromium (issue 27): upload a letter, accept one claim, reject one, add."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from network.io.folder import load_dataset
from network.verify import check_quotes

from .conftest import start_streamlit
from .runs import after_run
from .test_map import map_frame

INTAKE = Path(__file__).parents[1] / "data" / "intake"


@pytest.fixture
def intake_app(tmp_path):
    """The app on a small data folder, with a documents folder that holds the one document it cites."""
    folder = tmp_path / "data"
    shutil.copytree(INTAKE / "data", folder)
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "old-note.txt").write_text("FNV en Mondiaal FNV werken samen.", "utf-8")
    proc, url = start_streamlit(folder, {"NETWORK_DOCUMENTS_DIR": str(documents)})
    yield url, folder
    proc.terminate()
    proc.wait(10)


def _claim_row(page, actor: str, claim: str):
    """The row of one proposed claim, inside its actor's group (opened first)."""
    title = page.locator("summary p").get_by_text(re.compile(rf"^{re.escape(actor)} \(\d+\)$"))
    group = page.get_by_test_id("stExpander").filter(has=title).first
    if not group.locator("details[open]").count():
        group.locator("summary").click()
    return group.get_by_test_id("stHorizontalBlock").filter(has_text=claim).first


def test_an_editor_accepts_one_proposed_claim_rejects_another_and_only_the_accepted_is_saved(page, intake_app, tmp_path):
    url, folder = intake_app
    page.goto(url)
    map_frame(page)
    page.locator("[data-testid=stButtonGroup] button", has_text="Add a document").click()
    page.locator("input[type=file]").set_input_files(str(INTAKE / "letter.txt"))
    expect(page.get_by_text("Proposed claims (", exact=False)).to_be_visible(timeout=30_000)
    # the quote is shown marked in its paragraph
    expect(
        page.locator("mark", has_text="Wij pleiten voor een snelle invoering van de Wet loontransparantie.").first
    ).to_be_attached()
    _claim_row(page, "FNV", "advocates for → Wet loontransparantie").get_by_role("radio", name="Accept").click()
    expect(page.get_by_role("button", name="Add 1 accepted claim(s)")).to_be_enabled(timeout=15_000)
    reject = _claim_row(page, "VNO-NCW", "has concerns about → Vakbondsschool").get_by_role("radio", name="Reject")
    after_run(page, reject.click)  # the run the choice started is over: it had its chance to write
    expect(reject).to_be_checked()
    assert (folder / "relations.csv").read_text("utf-8").count("\n") == 2  # nothing written before the button
    page.get_by_role("button", name="Add 1 accepted claim(s)").click()
    expect(page.get_by_text("Added 1 relation(s)", exact=False)).to_be_visible(timeout=15_000)
    expect(page.get_by_text("is kept in the documents folder", exact=False)).to_be_visible()
    ds = load_dataset(folder)
    added = [(r["source"], r["type"], r["target"], r["evidence"]) for r in ds.relations if r["source_doc"] != "old-note"]
    assert added == [
        ("fnv", "advocates_for", "wet-loontransparantie", "Wij pleiten voor een snelle invoering van de Wet loontransparantie.")
    ]
    documents = tmp_path / "documents"
    assert (documents / "letter.txt").read_bytes() == (INTAKE / "letter.txt").read_bytes()  # kept by the app
    v = check_quotes(ds, documents)
    assert not v.problems and v.missing == 0
