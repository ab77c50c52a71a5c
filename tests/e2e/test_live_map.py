"""The map stays mounted (issue 13): a change updates the drawn page in place, in real headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from network import build_graph, load_dataset
from network.view import ViewState, apply_view

from .conftest import ROOT, start_streamlit
from .test_explore import N_ACTORS, _settled, drawn_count
from .test_map import XSS_NAME, map_frame, xss_app  # noqa: F401 - xss_app is a fixture

MARK = "window.__sneMark"


def _focus(page, typed: str, option: str) -> None:
    box = page.get_by_role("combobox", name="Actor (type to search)")
    if not box.is_visible():
        page.get_by_text("Focus", exact=True).first.click()
    _settled(page, box)
    box.click()
    box.fill(typed)
    expect(page.get_by_role("option", name=re.compile(f"^{re.escape(option)}")).first).to_be_visible()
    box.press("Enter")


def _views(frame) -> int:
    return int(frame.evaluate("Number(document.body.dataset.view || 0)"))


def test_a_focus_change_updates_the_drawn_map_without_reloading_its_frame(page, bundled_app):
    page.goto(bundled_app)
    assert drawn_count(page) == N_ACTORS
    frame = map_frame(page)
    frame.evaluate(f"{MARK} = 'still here'")
    before = _views(frame)
    _focus(page, "Hukatan", "Hukatan")
    n = drawn_count(page, exclude=N_ACTORS)
    assert 1 < n < N_ACTORS
    frame = map_frame(page)
    # The same window (the marker survives): the page was updated, not loaded anew.
    assert frame.evaluate(MARK) == "still here"
    assert _views(frame) > before
    assert set(frame.evaluate("window.network.body.data.nodes.getIds()")) == set(
        frame.evaluate("Object.keys(window.network.getPositions())")
    )
    # The language too: the legend changes in place.
    page.get_by_role("radio", name="Nederlands").click()
    for _ in range(120):
        if map_frame(page).evaluate("document.querySelector('#legend summary').textContent") == "Legenda":
            break
        page.wait_for_timeout(250)
    frame = map_frame(page)
    assert frame.evaluate("document.querySelector('#legend summary').textContent") == "Legenda"
    assert frame.evaluate("window.network.body.data.nodes.length") == n
    assert frame.evaluate(MARK) == "still here"
    assert page.outside_requests == []


def _legend_reads(page, text: str) -> None:
    for _ in range(120):
        if map_frame(page).evaluate("document.querySelector('#legend summary').textContent") == text:
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"the legend never read {text!r}")


def test_a_language_switch_retitles_every_actor_and_relation_from_the_page_itself(page, bundled_app):
    page.goto(bundled_app)
    frame = map_frame(page)
    frame.evaluate(f"{MARK} = 'still here'")
    tips = "[window.network.body.data.nodes.get('fnv').title, window.network.body.data.edges.get().map(e => e.title || '')]"
    fnv, edges = frame.evaluate(tips)
    assert "Type: Trade union" in fnv and any("Relation:" in e for e in edges)
    page.get_by_role("radio", name="Nederlands").click()
    _legend_reads(page, "Legenda")
    frame = map_frame(page)
    fnv, edges = frame.evaluate(tips)
    assert "Type: Vakbond" in fnv
    assert all("Relation:" not in e for e in edges) and sum("Relatie:" in e for e in edges) >= len(edges) // 2
    # The page had the Dutch tooltips with it: the update brought no actor or relation.
    sent = page.evaluate("window.__sneMapUpdate")
    assert sent["titles"] == "nl" and sent["nodes"] == [] and sent["edges"] == []
    page.get_by_role("radio", name="English").click()
    _legend_reads(page, "Legend")
    frame = map_frame(page)
    assert "Type: Trade union" in frame.evaluate(tips)[0]
    assert frame.evaluate(MARK) == "still here"
    assert page.outside_requests == []


# What the map shows: every actor and relation as vis-network holds them, and the page's texts.
_SHOWN = """JSON.stringify([
  window.network.body.data.nodes.get({fields: ["id", "title", "label", "color", "size", "hidden"]}),
  window.network.body.data.edges.get({fields: ["id", "title", "color", "hidden"]}),
  document.documentElement.lang,
  ["heading", "caption", "legend"].map((id) => (document.getElementById(id) || {}).textContent)
])"""


def _held_answers(page) -> dict:
    """Hold what the app's server sends the page while ``held["on"]``; ``release`` hands it over."""
    held: dict = {"on": False, "queue": [], "client": None}

    def route(ws) -> None:
        server = ws.connect_to_server()
        held["client"] = ws

        def down(message) -> None:
            if held["on"]:
                held["queue"].append(message)
            else:
                ws.send(message)

        server.on_message(down)
        ws.on_message(server.send)

    def release() -> None:
        held["on"] = False
        for message in held["queue"]:
            held["client"].send(message)
        held["queue"].clear()

    held["release"] = release
    page.route_web_socket(re.compile(r"/_stcore/stream"), route)
    return held


def _idle(page) -> None:
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60000)


def _languages_held(page) -> None:
    """Wait until the app's page holds the map's other language for the update the map holds."""
    page.wait_for_function("window.__sneMapAlt && window.__sneMapAlt[1] === window.__sneMapSeq", timeout=30000, polling=50)


def test_a_language_chosen_shows_on_the_map_before_the_app_has_answered(page, bundled_app):
    held = _held_answers(page)
    page.goto(f"{bundled_app}/?focus=fnv&hops=2&focus_mode=dim")
    frame = map_frame(page)
    _idle(page)
    _languages_held(page)
    english = frame.evaluate(_SHOWN)
    assert "Type: Trade union" in english and '"en"' in english
    held["on"] = True
    page.get_by_role("radio", name="Nederlands").click()
    _legend_reads(page, "Legenda")
    # The app has not answered yet (its sidebar still reads English), and the map is Dutch throughout.
    assert page.get_by_test_id("stSidebar").get_by_text("Language", exact=True).is_visible()
    frame = map_frame(page)
    dutch = frame.evaluate(_SHOWN)
    assert "Type: Vakbond" in dutch and "Type: Trade union" not in dutch and "Relation:" not in dutch
    assert "focus: FNV, 2 stappen" in dutch
    views = _views(frame)
    held["release"]()
    expect(page.get_by_test_id("stSidebar").get_by_text("Taal", exact=True)).to_be_visible(timeout=20000)
    _idle(page)
    for _ in range(80):
        if _views(map_frame(page)) > views:
            break
        page.wait_for_timeout(250)
    frame = map_frame(page)
    assert _views(frame) > views, "the app's own update for the new language never reached the map"
    # The app's update for Dutch found the map as it wanted it.
    assert frame.evaluate(_SHOWN) == dutch
    # And back, by the keyboard this time (the control marks the choice; no click).
    _languages_held(page)
    held["on"] = True
    page.get_by_role("radio", name="English").focus()
    page.keyboard.press("Space")
    _legend_reads(page, "Legend")
    assert map_frame(page).evaluate(_SHOWN) == english
    held["release"]()
    # After a change that reran only its own section (the map's update came from there), too.
    expect(page.get_by_test_id("stSidebar").get_by_text("Language", exact=True)).to_be_visible(timeout=20000)
    _idle(page)
    slider = page.get_by_role("slider", name="Hops")
    slider.focus()
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".st-key-map_languages_focus")).to_have_count(1, timeout=20000)  # the section's own run
    caption = "document.getElementById('caption').textContent"
    frame = map_frame(page)
    frame.wait_for_function(f"{caption}.includes('FNV, 1 hop')", timeout=20000, polling=100)
    _idle(page)
    _languages_held(page)
    held["on"] = True
    page.get_by_role("radio", name="Nederlands").click()
    _legend_reads(page, "Legenda")
    assert "FNV, 1 stap " in map_frame(page).evaluate("document.getElementById('caption').textContent")
    held["release"]()
    assert page.outside_requests == []


def test_a_click_on_the_updated_map_reaches_python(page, bundled_app):
    page.goto(f"{bundled_app}/?focus=ser")
    frame = map_frame(page)
    frame.evaluate(f"{MARK} = 1")
    _focus(page, "FNV", "FNV")
    drawn_count(page, exclude=frame.evaluate("window.network.body.data.nodes.length"))
    frame = map_frame(page)
    assert frame.evaluate(MARK) == 1
    pos = frame.evaluate("window.network.canvasToDOM(window.network.getPositions(['fnv']).fnv)")
    box = frame.frame_element().bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    expect(page.get_by_role("heading", name="FNV", exact=True)).to_be_visible(timeout=20000)
    assert map_frame(page).evaluate(MARK) == 1


def test_markup_in_an_updated_name_and_title_stays_text(page, xss_app):  # noqa: F811
    page.goto(xss_app)
    frame = map_frame(page)
    frame.evaluate(f"{MARK} = 1")
    page.get_by_text("Appearance", exact=True).first.click()
    title = page.get_by_role("textbox", name="Title")
    _settled(page, title)
    title.fill(XSS_NAME)
    title.press("Enter")
    for _ in range(120):
        if map_frame(page).evaluate("(document.querySelector('#heading') || {}).textContent") == XSS_NAME:
            break
        page.wait_for_timeout(250)
    frame = map_frame(page)
    assert frame.evaluate("document.querySelector('#heading').textContent") == XSS_NAME
    assert frame.evaluate(MARK) == 1
    assert frame.evaluate("window.network.body.data.nodes.get('fnv').label").replace("\n", " ") == XSS_NAME
    assert frame.evaluate("document.querySelectorAll('#wrap img, #wrap script, #wrap a').length") == 0
    assert frame.evaluate("window.__xss === undefined") and page.evaluate("window.__xss === undefined")
    assert page.dialogs == []


_LABEL_PX = """() => {
  const n = window.network, scale = n.getScale();
  return n.body.data.nodes.getIds().map(id => n.body.nodes[id].options.font.size * scale);
}"""


def test_a_link_with_a_focus_opens_with_labels_sized_for_the_focused_map(page, bundled_app):
    # The page is drawn for the whole map; the focus arrives as an update. Its label sizes
    # must be the focus's (about 14–30 px on screen), not the whole map's at the focus's zoom.
    page.goto(f"{bundled_app}/?focus=fnv&hops=1")
    assert drawn_count(page, exclude=N_ACTORS) < N_ACTORS
    frame = map_frame(page)
    for _ in range(40):  # until the update is applied and drawn
        if frame.evaluate("document.body.dataset.view") and frame.evaluate("document.body.dataset.drawn") == "true":
            break
        page.wait_for_timeout(250)
    sizes = frame.evaluate(_LABEL_PX)
    assert sizes and max(sizes) <= 32, sorted(round(s) for s in sizes)
    assert min(sizes) >= 8, sorted(round(s) for s in sizes)


def _colours(frame) -> list:
    return frame.evaluate("window.network.body.data.nodes.get({fields: ['id', 'color']})")


def _colour_by_coalition(page, before: list):
    """Colour by coalition in the sidebar (opening Appearance if shut); the map frame once its colours differ from ``before``."""
    sidebar = page.get_by_test_id("stSidebar")
    coalition = sidebar.get_by_text("coalition", exact=True)
    if not coalition.is_visible():
        sidebar.get_by_text("Appearance", exact=True).click()
    _settled(page, coalition)
    coalition.click()
    expect(page).to_have_url(re.compile("color_by=community"), timeout=20000)
    for _ in range(80):
        if _colours(map_frame(page)) != before:
            break
        page.wait_for_timeout(250)
    frame = map_frame(page)
    assert _colours(frame) != before
    return frame


def test_a_change_in_a_sidebar_section_reruns_that_section_and_the_map_only(page, tmp_path):
    # Issue 13: the rest of the page (other sections, the panel under the map) is left as it is.
    count = tmp_path / "runs"
    proc, url = start_streamlit(ROOT / "data", {"SNE_RUN_COUNT": str(count)}, script=Path(__file__).with_name("counting_page.py"))
    try:
        page.goto(url)
        frame = map_frame(page)
        sidebar = page.get_by_test_id("stSidebar")
        runs = int(count.read_text())
        before = _colours(frame)
        top = frame.frame_element().bounding_box()["y"]
        frame = _colour_by_coalition(page, before)  # the map shows the new colouring
        G = build_graph(load_dataset(ROOT / "data"))  # the opening view's counts, whatever the data holds today
        opening = f"{apply_view(G, ViewState()).graph.number_of_nodes()} of {G.number_of_nodes()} actors"
        assert opening in frame.evaluate("document.getElementById('caption').textContent")
        assert int(count.read_text()) == runs  # the whole page did not run
        assert frame.frame_element().bounding_box()["y"] == top  # and the map did not move
        # A click on an actor opens its profile under the map: that runs the whole page.
        pos = frame.evaluate("window.network.canvasToDOM(window.network.getPositions(['fnv']).fnv)")
        box = frame.frame_element().bounding_box()
        page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
        expect(page.get_by_role("heading", name="FNV", exact=True)).to_be_visible(timeout=20000)
        assert int(count.read_text()) > runs
        page.keyboard.press("Escape")  # the profile's drawer lies over the page's left side (issue 23)
        # With the Path panel under the map (it shows the view), a change there runs the whole page too.
        page.get_by_test_id("stMain").get_by_role("radio", name="Path", exact=True).click()
        expect(page.get_by_test_id("stMain")).to_contain_text("Choose two actors", timeout=20000)
        runs = int(count.read_text())
        map_frame(page)
        sidebar.get_by_text("actor type", exact=True).click()
        expect(page).not_to_have_url(re.compile("color_by=community"), timeout=20000)
        map_frame(page)
        assert int(count.read_text()) > runs
        assert page.outside_requests == []
    finally:
        proc.terminate()
        proc.wait(10)


def test_the_map_follows_the_sidebar_after_a_server_restart_under_an_open_tab(page):
    # The tab keeps its page; the new server's session counts its map updates from 1 again, and
    # the page must not take them for older than the last session's.
    from bench.server import free_port

    port = free_port()
    proc, url = start_streamlit(ROOT / "data", port=port)
    try:
        page.goto(url)
        by_type = _colours(map_frame(page))
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_text("Appearance", exact=True).click()
        for label in ("coalition", "actor type", "coalition", "actor type"):  # the first session's count goes up
            option = sidebar.get_by_text(label, exact=True)
            _settled(page, option)
            option.click()
            expect(page).to_have_url(re.compile("community" if label == "coalition" else r"^[^?]*$"), timeout=20000)
        for _ in range(80):  # the last change is on the map before the server stops
            if _colours(map_frame(page)) == by_type:
                break
            page.wait_for_timeout(250)
    finally:
        proc.terminate()
        proc.wait(10)
    old_session = page.evaluate("window.__sneMapSession")
    views = _views(map_frame(page))
    proc, url = start_streamlit(ROOT / "data", port=port)
    try:
        # The tab reconnects by itself, and the new session's first run sends the map its view.
        page.wait_for_function(f"window.__sneMapSession && window.__sneMapSession !== {old_session!r}", timeout=30000)
        for _ in range(80):
            if _views(map_frame(page)) > views:
                break
            page.wait_for_timeout(250)
        frame = map_frame(page)
        before = _colours(frame)
        _colour_by_coalition(page, before)  # a new session starts with its sections shut: it opens Appearance
    finally:
        proc.terminate()
        proc.wait(10)


def test_the_panels_under_the_map_follow_right_after_it(page, bundled_app):
    # The frame is sized to the screen by CSS; its element must shrink with it (it kept st.iframe's
    # 740 px, an empty band of about 180 px at 1280x720 between the map and the panels).
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(bundled_app)
    frame = map_frame(page)
    bottom = frame.frame_element().bounding_box()
    picker = page.get_by_test_id("stMain").get_by_text("Show", exact=True).first.bounding_box()
    assert 0 <= picker["y"] - (bottom["y"] + bottom["height"]) < 60
