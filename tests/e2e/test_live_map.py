"""The map stays mounted (issue 13): a change updates the drawn map in place, in real headless Chromium.

The map is one component in the app's page (issue 26): "in place" means the same vis-network
instance (``window.network``) draws the next view, so a mark set on it survives the change.
"""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from network import build_graph, load_dataset
from network.view import ViewState, apply_view

from .conftest import ROOT, start_streamlit
from .test_explore import N_ACTORS, _settled, drawn_count, legend
from .test_map import XSS_NAME, map_box, map_frame, node_point, xss_app  # noqa: F401 - xss_app is a fixture

# A mark on the drawn vis-network: it is gone if the map was made anew instead of updated.
MARK = "window.network.sneMark"


def _focus(page, typed: str, option: str) -> None:
    box = page.get_by_role("combobox", name="Actor (type to search)")
    # Open or shut as the section says, not as its content shows yet (an open section draws it a moment later).
    section = page.get_by_test_id("stSidebar").locator("details", has=page.get_by_text("Focus", exact=True))
    if section.get_attribute("open") is None:
        page.get_by_text("Focus", exact=True).first.click()
    expect(box).to_be_visible(timeout=20000)
    _settled(page, box)
    box.click()
    box.fill(typed)
    expect(page.get_by_role("option", name=re.compile(f"^{re.escape(option)}")).first).to_be_visible()
    box.press("Enter")


def _views(frame) -> int:
    return int(frame.evaluate("Number(window.network.sneView || 0)"))


def _legend_reads(page, text: str) -> None:
    """Wait until the drawn map's legend is titled ``text`` (the view's language)."""
    expect(legend(page)).to_have_text(text, timeout=30000)
    map_frame(page)


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
    # The same vis-network (the mark survives): the map was updated, not drawn anew.
    assert frame.evaluate(MARK) == "still here"
    assert _views(frame) > before
    assert set(frame.evaluate("window.network.body.data.nodes.getIds()")) == set(
        frame.evaluate("Object.keys(window.network.getPositions())")
    )
    # The language too: the legend changes in place.
    page.get_by_role("radio", name="Nederlands").click()
    _legend_reads(page, "Legenda")
    frame = map_frame(page)
    assert frame.evaluate("window.network.body.data.nodes.length") == n
    assert frame.evaluate(MARK) == "still here"
    assert page.outside_requests == []


# Where the map stands: its zoom, its centre and every actor's place.
_STANDING = "JSON.stringify([window.network.getScale(), window.network.getViewPosition(), window.network.getPositions()])"


def test_a_language_switch_retitles_every_actor_and_relation_on_the_drawn_map(page, bundled_app):
    page.goto(bundled_app)
    frame = map_frame(page)
    frame.evaluate(f"{MARK} = 'still here'")
    standing = frame.evaluate(_STANDING)
    tips = "[window.network.body.data.nodes.get('fnv').title, window.network.body.data.edges.get().map(e => e.title || '')]"
    fnv, edges = frame.evaluate(tips)
    assert "Type: Trade union" in fnv and any("Relation:" in e for e in edges)
    page.get_by_role("radio", name="Nederlands").click()
    _legend_reads(page, "Legenda")
    frame = map_frame(page)
    fnv, edges = frame.evaluate(tips)
    assert "Type: Vakbond" in fnv
    assert all("Relation:" not in e for e in edges) and sum("Relatie:" in e for e in edges) >= len(edges) // 2
    # Only the words changed: no actor moved and the zoom is where it was.
    assert frame.evaluate(_STANDING) == standing
    page.get_by_role("radio", name="English").click()
    _legend_reads(page, "Legend")
    frame = map_frame(page)
    assert "Type: Trade union" in frame.evaluate(tips)[0]
    assert frame.evaluate(MARK) == "still here"
    assert page.outside_requests == []


# What the map shows: every actor and relation as vis-network holds them, and the map's texts.
_SHOWN = """JSON.stringify([
  window.network.body.data.nodes.get({fields: ["id", "title", "label", "color", "size", "hidden"]}),
  window.network.body.data.edges.get({fields: ["id", "title", "color", "hidden"]}),
  document.getElementById("wrap").lang,
  ["heading", "caption", "legend"].map((id) => (document.getElementById(id) || {}).textContent)
])"""


def test_a_language_chosen_shows_on_the_whole_map_and_back_again(page, bundled_app):
    # Was: the map showed the language before the app answered (the page held both languages);
    # a switch is now one run of the app, so what is left to check is what the person sees after it.
    page.goto(f"{bundled_app}/?focus=fnv&hops=2&focus_mode=dim")
    frame = map_frame(page)
    english = frame.evaluate(_SHOWN)
    assert "Type: Trade union" in english and '"en"' in english
    page.get_by_role("radio", name="Nederlands").click()
    _legend_reads(page, "Legenda")
    expect(page.get_by_test_id("stSidebar").get_by_text("Taal", exact=True)).to_be_visible(timeout=20000)
    dutch = map_frame(page).evaluate(_SHOWN)
    assert "Type: Vakbond" in dutch and "Type: Trade union" not in dutch and "Relation:" not in dutch
    assert '"nl"' in dutch and "focus: FNV, 2 stappen" in dutch
    # And back, by the keyboard this time (the control marks the choice; no click): the map is as it was.
    page.get_by_role("radio", name="English").focus()
    page.keyboard.press("Space")
    _legend_reads(page, "Legend")
    assert map_frame(page).evaluate(_SHOWN) == english
    # After another change, the next switch still reaches the caption.
    slider = page.get_by_role("slider", name="Hops")
    slider.focus()
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#caption")).to_contain_text("FNV, 1 hop", timeout=20000)
    map_frame(page)
    page.get_by_role("radio", name="Nederlands").click()
    _legend_reads(page, "Legenda")
    expect(page.locator("#caption")).to_contain_text("FNV, 1 stap ")
    assert page.outside_requests == []


def test_a_click_on_the_updated_map_reaches_python(page, bundled_app):
    page.goto(f"{bundled_app}/?focus=ser")
    frame = map_frame(page)
    frame.evaluate(f"{MARK} = 1")
    _focus(page, "FNV", "FNV")
    drawn_count(page, exclude=frame.evaluate("window.network.body.data.nodes.length"))
    frame = map_frame(page)
    assert frame.evaluate(MARK) == 1
    page.mouse.click(*node_point(page, "fnv"))
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
    expect(page.locator("#heading")).to_have_text(XSS_NAME, timeout=30000)
    frame = map_frame(page)
    assert frame.evaluate(MARK) == 1
    assert frame.evaluate("window.network.body.data.nodes.get('fnv').label").replace("\n", " ") == XSS_NAME
    assert frame.evaluate("document.querySelectorAll('#wrap img, #wrap script, #wrap a').length") == 0
    assert page.evaluate("window.__xss === undefined")
    assert page.dialogs == []


_LABEL_PX = """() => {
  const n = window.network, scale = n.getScale();
  return n.body.data.nodes.getIds().map(id => n.body.nodes[id].options.font.size * scale);
}"""


def test_a_link_with_a_focus_opens_with_labels_sized_for_the_focused_map(page, bundled_app):
    # The focus's label sizes must be the focus's (about 14–30 px on screen), not the whole map's
    # at the focus's zoom.
    page.goto(f"{bundled_app}/?focus=fnv&hops=1")
    assert drawn_count(page, exclude=N_ACTORS) < N_ACTORS
    sizes = map_frame(page).evaluate(_LABEL_PX)
    assert sizes and max(sizes) <= 32, sorted(round(s) for s in sizes)
    assert min(sizes) >= 8, sorted(round(s) for s in sizes)


def _colours(frame) -> list:
    return frame.evaluate("window.network.body.data.nodes.get({fields: ['id', 'color']})")


def _colour_by_coalition(page, before: list):
    """Colour by coalition in the sidebar (opening Appearance if shut); the map's frame once its colours differ from ``before``."""
    sidebar = page.get_by_test_id("stSidebar")
    coalition = sidebar.get_by_text("coalition", exact=True)
    if not coalition.is_visible():
        sidebar.get_by_text("Appearance", exact=True).click()
    _settled(page, coalition)
    coalition.click()
    expect(page).to_have_url(re.compile("color_by=community"), timeout=20000)
    page.wait_for_function(
        "before => window.network.sneDrawn && JSON.stringify(window.network.body.data.nodes.get({fields: ['id', 'color']})) !== before",
        arg=_json(before),
        timeout=20000,
        polling=100,
    )
    frame = map_frame(page)
    assert _colours(frame) != before
    return frame


def _json(value) -> str:
    """``value`` as the page's JSON.stringify writes it (no spaces)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def test_a_change_in_the_sidebar_recolours_the_map_in_place_and_the_panels_keep_up(page, bundled_app):
    # Was: the change reran only its sidebar section (a fragment). Sections are no longer fragments
    # (each change reruns the page); what the person sees must stay: the map changes where it
    # stands, and a click or a panel under it still works after it.
    page.goto(bundled_app)
    frame = map_frame(page)
    frame.evaluate(f"{MARK} = 1")
    sidebar = page.get_by_test_id("stSidebar")
    before = _colours(frame)
    top = map_box(page)["y"]
    frame = _colour_by_coalition(page, before)  # the map shows the new colouring
    G = build_graph(load_dataset(ROOT / "data"))  # the opening view's counts, whatever the data holds today
    opening = f"{apply_view(G, ViewState()).graph.number_of_nodes()} of {G.number_of_nodes()} actors"
    expect(page.locator("#caption")).to_contain_text(opening)
    assert map_box(page)["y"] == top  # the map did not move
    assert frame.evaluate(MARK) == 1  # nor was it drawn anew
    # A click on an actor opens its profile under the map.
    page.mouse.click(*node_point(page, "fnv"))
    drawer = page.locator(".st-key-profile_drawer")  # the app's own key for the profile's drawer
    expect(drawer.get_by_role("heading", name="FNV", exact=True)).to_be_visible(timeout=20000)
    map_frame(page)  # the map hears Escape once the run that opened the drawer has told it so
    page.keyboard.press("Escape")  # the profile's drawer lies over the page's left side (issue 23)
    expect(drawer).to_have_count(0, timeout=20000)
    # With the Path panel under the map (it shows the view), a sidebar change reaches the map and the panel stays.
    page.get_by_test_id("stMain").get_by_role("radio", name="Path", exact=True).click()
    expect(page.get_by_test_id("stMain")).to_contain_text("Choose two actors", timeout=20000)
    by_coalition = _colours(map_frame(page))
    sidebar.get_by_text("actor type", exact=True).click()
    expect(page).not_to_have_url(re.compile("color_by=community"), timeout=20000)
    page.wait_for_function(
        "before => window.network.sneDrawn && JSON.stringify(window.network.body.data.nodes.get({fields: ['id', 'color']})) !== before",
        arg=_json(by_coalition),
        timeout=20000,
    )
    assert _colours(map_frame(page)) == before
    expect(page.get_by_test_id("stMain")).to_contain_text("Choose two actors")
    assert page.outside_requests == []


def test_the_map_follows_the_sidebar_after_a_server_restart_under_an_open_tab(page):
    # The tab keeps its page and its mounted map; the new server's session must still reach it.
    from bench.server import free_port

    port = free_port()
    app = page.locator("[data-testid=stApp]")
    proc, url = start_streamlit(ROOT / "data", port=port)
    try:
        page.goto(url)
        by_type = _colours(map_frame(page))
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_text("Appearance", exact=True).click()
        for label in ("coalition", "actor type", "coalition", "actor type"):
            option = sidebar.get_by_text(label, exact=True)
            _settled(page, option)
            option.click()
            expect(page).to_have_url(re.compile("community" if label == "coalition" else r"^[^?]*$"), timeout=20000)
        map_frame(page)
        assert _colours(map_frame(page)) == by_type  # the last change is on the map before the server stops
    finally:
        proc.terminate()
        proc.wait(10)
    expect(app).not_to_have_attribute("data-test-connection-state", "CONNECTED", timeout=30000)
    old_session = page.evaluate("window.network.sneSession")
    proc, url = start_streamlit(ROOT / "data", port=port)
    try:
        # The tab reconnects by itself. Streamlit runs nothing until the person does something: here
        # Appearance is folded and opened again, and that run of the new session reaches the map the
        # tab kept; then a change in the sidebar does too. (The new session's first run opens the view
        # its link names: a change made as the very first thing after a restart gives way to the link.)
        expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=30000)
        appearance = page.get_by_test_id("stSidebar").get_by_text("Appearance", exact=True)
        appearance.click()
        page.wait_for_function(
            "s => window.network.sneSession && window.network.sneSession !== s", arg=old_session, timeout=30000
        )
        frame = map_frame(page)
        assert _colours(frame) == by_type
        _colour_by_coalition(page, by_type)  # a new session may start with its sections shut: it opens Appearance
    finally:
        proc.terminate()
        proc.wait(10)


def test_the_panels_under_the_map_follow_right_after_it(page, bundled_app):
    # The map is sized to the screen; the panels must follow right under it (st.iframe kept its
    # 740 px, an empty band of about 180 px at 1280x720 between the map and the panels).
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(bundled_app)
    map_frame(page)
    bottom = page.locator("#wrap").bounding_box()
    picker = page.get_by_test_id("stMain").get_by_text("Show", exact=True).first.bounding_box()
    assert 0 <= picker["y"] - (bottom["y"] + bottom["height"]) < 60
