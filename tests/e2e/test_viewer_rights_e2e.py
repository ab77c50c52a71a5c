"""Issue 22 in headless Chromium: on a team server with an editor's login, an anonymous viewer who
opens every panel and every sidebar section sees no engagement data and no editor control, and
the data folder is byte-identical afterwards."""

from __future__ import annotations

import hashlib
import shutil
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import expect

from network import auth, store
from network.rights import LOCAL_EDITOR
from network.view import ViewState
from network.views import default_views_dir, save_view

from .conftest import start_streamlit
from .runs import after_run
from .test_map import map_frame

TEAM = Path(__file__).parents[1] / "data" / "stakeholder"
# What the engagement log holds (summaries, outcomes, follow-ups, owners) and what only editors are offered.
LOG_TEXT = ("Secret strategy meeting", "Budget talk", "Send updated figures", "Open to a pilot", "Thank-you letter")
EDITOR_WORDS = (
    "Follow-ups",
    "Edit data",
    "engagement log",
    "Log an engagement",
    "Undo",
    "Save view",
    "Keep these positions",
    "Re-arrange",
    "Check and open",
    "Last contact",
)


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def team_server(tmp_path_factory):
    """The app served as `make serve` would with one editor login, on a folder with an engagement log,
    a saved view and an editor's earlier save (so there is a backup an undo could restore)."""
    root = tmp_path_factory.mktemp("team")
    folder = root / "data"
    shutil.copytree(TEAM, folder)
    save_view(default_views_dir(folder), "Unions", ViewState(actor_types=["trade_union"]), access=LOCAL_EDITOR)
    ds, base = store.load(folder)
    store.save(folder, ds.actors, ds.relations, base=base, access=LOCAL_EDITOR)
    secrets = root / "secrets.toml"
    secrets.write_text(f'[editors]\nanna = "{auth.hash_password("anna has a long password")}"\n', encoding="utf-8")
    proc, url = start_streamlit(folder, {"STREAMLIT_SECRETS_FILES": str(secrets)})
    yield folder, url
    proc.terminate()
    proc.wait(10)


def _seen(page) -> str:
    """Everything the page holds as text, in every frame: a table's cells (drawn on a canvas) included."""
    return "\n".join(frame.evaluate(_TEXT) for frame in page.frames)


_TEXT = """() => {
    if (!document.body) return '';
    const copy = document.body.cloneNode(true);
    copy.querySelectorAll('script, style, template').forEach(e => e.remove());
    return copy.textContent;
}"""


def _no_internal_data_and_no_editor_control(page) -> None:
    text = _seen(page)
    for secret in LOG_TEXT:
        assert secret not in text, f"a viewer sees the engagement log: {secret!r}"
    for word in EDITOR_WORDS:
        assert word not in text, f"a viewer is offered an editor's control: {word!r}"
    assert page.locator("input[type=file]").count() == 0  # no upload
    assert page.locator("[data-testid=stDataFrameGlideDataEditor] [aria-readonly=false]").count() == 0


def test_an_anonymous_viewer_sees_no_engagement_data_and_no_editor_control_anywhere(page, team_server):
    folder, url = team_server
    before = _fingerprint(folder)
    # contact_by asks for the map by last contact: a link may carry it, a viewer still gets nothing of the log.
    page.goto(f"{url}/?{urllib.parse.urlencode({'contact_by': 'color', 'focus': 'minister'})}")
    map_frame(page)
    expect(page.get_by_text("Editor login").first).to_be_visible(timeout=20000)  # a login is set up
    _no_internal_data_and_no_editor_control(page)

    sections = page.locator("[data-testid=stSidebar] [data-testid=stExpander] summary")
    for i in range(sections.count()):
        sections.nth(i).click()
        expect(sections.nth(i).locator("xpath=..")).to_have_attribute("open", "")  # its <details>, opened
    map_frame(page)  # the runs the sections started are over: a panel clicked during one could be drawn anew under the click
    _no_internal_data_and_no_editor_control(page)

    # the panel selector under the map: the button group that offers Brokers
    panels = page.locator("[data-testid=stButtonGroup]", has=page.locator("button", has_text="Brokers")).locator("button")
    names = panels.all_inner_texts()
    assert "Follow-ups" not in names and "Edit data" not in names and len(names) >= 5
    for i in range(len(names)):
        button = panels.nth(i)
        if button.get_attribute("aria-checked") != "true":  # a click on the panel shown does nothing
            after_run(page, button.click)  # a choice reruns the page: read what that run showed
        expect(button).to_have_attribute("aria-checked", "true")
        map_frame(page)
        _no_internal_data_and_no_editor_control(page)
    assert _fingerprint(folder) == before, "an anonymous visit changed the data folder"


def test_the_same_server_shows_the_log_to_an_editor_once_logged_in(page, team_server):
    folder, url = team_server
    page.goto(url)
    map_frame(page)
    page.get_by_text("Editor login").first.click()
    page.get_by_label("User name").fill("anna")
    page.get_by_label("Password", exact=True).fill("anna has a long password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Logged in as anna").first).to_be_visible(timeout=20000)
    page.locator("[data-testid=stButtonGroup] button", has_text="Follow-ups").click()
    expect(page.get_by_text("Send updated figures").first).to_be_attached(timeout=20000)  # a cell of the log's table
    # The log's undo never takes back the earlier save of actors and relations; the Edit tab's does, and says so.
    expect(page.get_by_role("button", name="Nothing to undo")).to_be_disabled()
    page.locator("[data-testid=stButtonGroup] button", has_text="Edit data").click()
    expect(page.get_by_role("button", name="Undo: actors.csv, relations.csv, saved")).to_be_enabled(timeout=20000)
