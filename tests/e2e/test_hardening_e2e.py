"""Issue 12 in headless Chromium: markdown from links, data, view names and file names stays text
(no image is fetched, no link appears), a damaged workbook gets a message, and an upload
goes when its browser tab does."""

from __future__ import annotations

import io
import re
import shutil
import time
import urllib.parse
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from network import load_dataset
from network.io.xlsx import write_workbook
from network.rights import LOCAL_EDITOR
from network.view import ViewState
from network.views import default_views_dir, save_view

from .conftest import start_streamlit
from .test_map import map_frame

GOOD = Path(__file__).parents[1] / "data" / "good"
EVIL = "![pwn](http://evil.example/x.png) [pwnlink](http://evil.example/)"  # an actor's and a view's name
LINK = "![pwn](http://evil.example/link.png) [pwnlink](http://evil.example/link)"  # in a URL, matching nothing
# What the page must not hold anywhere, in any frame: an image or a link made from the value.
_MARKUP = """() => document.querySelectorAll(
    'img[alt="pwn"], img[src*="evil.example"], a[href*="evil.example"], a[href*="pwn"]'
).length + [...document.querySelectorAll('a')].filter(a => a.textContent.includes('pwnlink')).length"""


def shows(locator, value: str, timeout: float = 20.0) -> None:
    """One of ``locator``'s elements shows ``value`` as typed (the invisible word joiners that break autolinks aside)."""
    typed = re.compile("\u2060*".join(re.escape(ch) for ch in value))
    expect(locator.filter(has_text=typed).first).to_be_visible(timeout=timeout * 1000)


def no_markup(page) -> None:
    """No <img> or <a> from the value in the page or its frames, and no request left localhost."""
    for frame in page.frames:
        assert frame.evaluate(_MARKUP) == 0, frame.url
    assert page.outside_requests == []


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    """The app on the fixture data plus an actor and a saved view whose names are markdown."""
    folder = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(GOOD, folder)
    with open(folder / "actors.csv", "a", encoding="utf-8") as fh:
        fh.write(f'evilorg,"{EVIL}",ngo,NL,,,\n')
    with open(folder / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write("fnv,evilorg,funds,true,2026,doc1,q,\n")
    save_view(default_views_dir(folder), EVIL, ViewState(), access=LOCAL_EDITOR)
    proc, url = start_streamlit(folder)
    yield url
    proc.terminate()
    proc.wait(10)


def _open(page, url: str, **query: str) -> None:
    page.goto(f"{url}/?{urllib.parse.urlencode(query)}")
    map_frame(page)


def test_markdown_in_link_values_shows_as_text(page, hostile_app):
    _open(page, hostile_app, **{k: LINK for k in ("focus", "path_from", "path_to", "countries", "themes", "size_by")})
    expect(page.get_by_text("Focus: no actor named").first).to_be_visible(timeout=20000)
    alerts = page.get_by_test_id("stAlert")
    expect(alerts).to_have_count(6)
    for i in range(6):
        shows(alerts.nth(i), LINK)  # the characters, as typed
    no_markup(page)


def test_markdown_in_an_actor_name_shows_as_text_in_the_did_you_mean_note_and_the_caption(page, hostile_app):
    _open(page, hostile_app, focus="evilorgg")
    expect(page.get_by_text("did you mean").first).to_be_visible(timeout=20000)
    shows(page.get_by_test_id("stAlert").first, EVIL)
    no_markup(page)
    _open(page, hostile_app, focus="evilorg")
    shows(map_frame(page).locator("#caption"), EVIL)  # the caption under the map
    no_markup(page)


def test_markdown_in_a_saved_view_name_shows_as_text_in_the_presentation_caption(page, hostile_app):
    _open(page, hostile_app, present="1")
    expect(page.get_by_text("View 1 of 1").first).to_be_visible(timeout=20000)
    shows(page.get_by_test_id("stCaptionContainer"), EVIL)
    no_markup(page)


def _upload(page, files: list[dict]) -> None:
    page.get_by_text("Data", exact=True).click()
    page.locator("[data-testid=stSidebar] input[type=file]").set_input_files(files)
    page.get_by_role("button", name="Check and open").click()


def test_markdown_in_an_upload_file_name_shows_as_text(page, hostile_app):
    _open(page, hostile_app)
    name = "![pwn](http:evil.example) [pwnlink](https:evil.example).csv"
    _upload(page, [{"name": name, "mimeType": "text/csv", "buffer": b"id,name\n"}])
    expect(page.get_by_text("did not load").first).to_be_visible(timeout=20000)
    shows(page.get_by_test_id("stAlert").first, "![pwn](http:evil.example)")
    no_markup(page)


def _damaged_workbook() -> bytes:
    """Our workbook with its sheet stored under a compression method zipfile does not know."""
    book = bytearray(write_workbook(load_dataset(GOOD)))
    with zipfile.ZipFile(io.BytesIO(bytes(book))) as z:
        at, index = z.start_dir, z.namelist().index("xl/worksheets/sheet1.xml")
    for _ in range(index):
        at = book.find(b"PK\x01\x02", at + 4)  # the central directory: one record per entry, in order
    book[at + 10 : at + 12] = (99).to_bytes(2, "little")
    return bytes(book)


def test_a_damaged_workbook_upload_gets_a_message_and_no_traceback(page, hostile_app):
    _open(page, hostile_app)
    _upload(page, [{"name": "book.xlsx", "mimeType": "application/octet-stream", "buffer": _damaged_workbook()}])
    expect(page.get_by_text("did not load").first).to_be_visible(timeout=20000)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert "Traceback" not in page.content() and "/site-packages/" not in page.content()


def test_an_upload_is_removed_when_its_browser_tab_is_closed(browser, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc, url = start_streamlit(GOOD, {"TMPDIR": str(tmp), "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": "1"})
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.outside_requests = []
        page.goto(url)
        map_frame(page)
        files = [{"name": n, "mimeType": "text/csv", "buffer": (GOOD / n).read_bytes()} for n in ("actors.csv", "relations.csv")]
        _upload(page, files)
        expect(page.get_by_text("loaded whole").first).to_be_visible(timeout=20000)
        [folder] = list(tmp.glob("sne-upload-*"))
        context.close()
        deadline = time.monotonic() + 60
        while folder.exists() and time.monotonic() < deadline:
            # Streamlit lets go of a closed tab's session once its TTL (1 s) is over and the session
            # store is next touched: another visitor does that, its page run whole before it leaves.
            other = browser.new_context()
            visitor = other.new_page()
            visitor.goto(url)
            map_frame(visitor)
            other.close()
        assert not folder.exists()
    finally:
        proc.terminate()
        proc.wait(10)
