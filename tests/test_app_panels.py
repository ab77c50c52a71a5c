"""Where a click's answer shows (issue 23): the profile in a drawer, a path's hops in the sidebar."""

from __future__ import annotations

import pytest

from .conftest import GOOD


@pytest.fixture
def app(run_app):
    def run(data_dir, **query):
        return run_app(data_dir, timeout=60, **query)

    return run


def _drawer(node):
    """The drawer's container (keyed ``profile_drawer``), or None."""
    if str(getattr(node, "_block_id", "")).endswith("-profile_drawer"):
        return node
    for child in getattr(node, "children", {}).values():
        found = _drawer(child)
        if found is not None:
            return found
    return None


def _drawer_text(at) -> str:
    d = _drawer(at.main)
    return "" if d is None else "\n".join([*(h.value for h in d.subheader), *(m.value for m in d.markdown)])


def test_a_click_on_an_actor_opens_its_profile_in_the_drawer_until_it_is_closed(app):
    from ui import explore, keys

    at = app(GOOD)
    assert not _drawer_text(at)  # nothing clicked yet
    # What the map's click callback leaves behind (the browser test clicks for real).
    at.session_state[keys.PROFILE_ACTOR] = "fnv"
    at.session_state[explore.OPEN_DRAWER] = True
    at.run()
    assert not at.exception
    shown = _drawer_text(at)
    assert "FNV" in shown and "Trade union" in shown and "most connected of 7" in shown
    # Drawn once: the panel under the map points to the drawer instead of repeating it.
    assert any("profile is open on the left" in c.value for c in at.caption)
    at.session_state[keys.PROFILE_ACTOR] = "ser"  # the next click shows the next actor in it
    at.run()
    assert "Advisory council" in _drawer_text(at)
    at.button(key="profile_drawer_close").click().run()
    assert not _drawer_text(at) and any(h.value == "SER" for h in at.subheader)  # now under the map


def test_profile_metrics_are_ranks_in_words_not_raw_values(app):
    at = app(GOOD)
    at.button_group(key="panel").set_value("profile").run()
    at.selectbox(key="profile_actor").set_value("ser").run()
    standing = next(m.value for m in at.markdown if m.value.startswith("**Standing**"))
    assert "of 7" in standing and "0." not in standing


def test_choosing_a_path_opens_its_panel_and_lists_the_hops_in_the_sidebar(app):
    at = app(GOOD)
    assert at.button_group(key="panel").value == "profile"
    at.selectbox(key="w_path_from").set_value("hukatan").run()
    at.selectbox(key="w_path_to").set_value("minister").run()
    assert not at.exception
    assert at.button_group(key="panel").value == "path"
    [route] = [m.value for m in at.sidebar.markdown if m.value.startswith("Route 1")]
    assert route.startswith("Route 1: **Hukatan-KSBSI**") and route.endswith("**Minister BHO**")
    assert "*addresses*" in route  # each hop names its relation
    # Going back to the profile is the user's choice: the same path does not pull the panel back.
    at.button_group(key="panel").set_value("profile").run()
    at.run()
    assert at.button_group(key="panel").value == "profile"


def test_the_path_picker_finds_an_actor_by_its_id(app):
    at = app(GOOD)
    box = at.selectbox(key="w_path_to")
    assert box.format_func("minister").endswith("· minister")  # the id is part of what the list filters on
