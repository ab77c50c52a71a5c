"""A change in one sidebar section reruns that section alone, and sends the map what changed (issue 13).

Each of the view's sidebar sections (Filters, As of, Focus, Path, Appearance) is a
fragment: a change in it reruns its own widgets, and ``section_ran`` works out the view,
puts it in the link and posts the map's update from there. The rest of the page — the
other sections, the header, the panel under the map — stays as it is: the browser then
redraws a handful of widgets instead of the whole page (with a profile open, about half the
work of a change). The caption is part of the map's page, so it follows with the map.

Where a change shows beyond the map (the panel under the map works on the view, the saved
views or export section is open, the lens, language or notes change, the data changed on
disk, a callback asked for it), the whole page runs instead, as before.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager

import streamlit as st

from network.view import ViewResult, ViewState

from . import data, keys, map_panel, state

# Panels under the map, and sidebar sections, that show something of the view itself.
VIEW_PANELS = frozenset({"path", "brokers", "coalitions", "follow_ups"})
VIEW_SECTIONS = frozenset({"views", "export"})


def whole_page_shows(
    view: ViewState, notes: list[str], stamp: object, panel: str | None = None, sections: frozenset[str] = frozenset()
) -> tuple[object, ...]:
    """What the page outside the map was drawn from: when it differs, a change runs the whole page.

    >>> a, b = ViewState(actor_types=["company"]), ViewState(actor_types=["ngo"])
    >>> whole_page_shows(a, [], 1, "profile") == whole_page_shows(b, [], 1, "profile")  # a profile shows the data
    True
    >>> whole_page_shows(a, [], 1, "path") == whole_page_shows(b, [], 1, "path")  # the path panel shows the view
    False
    >>> whole_page_shows(a, [], 1, "profile", frozenset({"export"})) == whole_page_shows(b, [], 1, "profile", frozenset({"export"}))
    False
    >>> whole_page_shows(a, [], 1) == whole_page_shows(ViewState(actor_types=["company"], lang="nl"), [], 1)
    False
    >>> whole_page_shows(a, [], 1, "profile") == whole_page_shows(ViewState(actor_types=["company"], as_of="2025"), [], 1, "profile")
    False
    """
    shows_view = panel in VIEW_PANELS or bool(sections & VIEW_SECTIONS) or view.lens == "grid"
    # The "as of" date shows in the profile too (where the actor was on the grid at that date).
    return (stamp, view.lang, view.lens, view.as_of, panel, tuple(notes), view.to_json() if shows_view else None)


def _open_sections() -> frozenset[str]:
    return frozenset(st.session_state.get(keys.OPEN_SECTIONS) or ())


@contextmanager
def whole_run() -> Iterator[None]:
    """Mark the sections' runs inside it as part of the whole page's run (which draws the map itself)."""
    st.session_state[keys.WHOLE_RUN] = True
    try:
        yield
    finally:
        st.session_state.pop(keys.WHOLE_RUN, None)


def drawn(view: ViewState, result: ViewResult, stamp: object) -> None:
    """Note what the whole page was drawn from (after the panel under the map is chosen)."""
    st.session_state[keys.PAGE_DRAWN] = whole_page_shows(
        view, result.notes, stamp, st.session_state.get(keys.PANEL), _open_sections()
    )


def section_ran(name: str, fields: Collection[str]) -> None:
    """At the end of the section ``name``'s own run: the map follows, or the whole page runs.

    ``fields`` are the view's fields the section's widgets hold.
    """
    if st.session_state.get(keys.WHOLE_RUN):
        return
    try:
        folder = st.session_state[keys.FOLDER]
        stamp = data.stamp(folder)
        drawn = st.session_state.get(keys.PAGE_DRAWN)
        if st.session_state.pop(keys.WANTS_WHOLE_RUN, False) or not drawn or drawn[0] != stamp:
            # A callback asked for it, or the data changed on disk: the whole page loads it (and
            # shows its problems if it no longer loads) before anything here reads it.
            st.rerun()
        view = state.from_widgets()
        view_json = view.to_json()
        result = data.result(folder, stamp, view_json)
        shows = whole_page_shows(view, result.notes, stamp, st.session_state.get(keys.PANEL), _open_sections())
        if shows != drawn:
            st.rerun()
        st.session_state[keys.LAST_STATE] = view
        state.sync_url(view)
        if view.lens != "grid":  # the grid lens has no map to update
            map_panel.push(name, data.update(folder, stamp, view_json, False, map_panel.shell_lang_of(view.lang)))
            map_panel.offer_languages(name, folder, stamp, view_json, view.lang)
    finally:
        # The whole page's run keeps the values of the widgets it did not build; a section's own
        # run keeps those of its own widgets it did not build (it was folded shut).
        state.hold_values(fields)
