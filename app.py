"""The Streamlit app: wires the panels of ``ui/`` together. Every graph operation lives in network/.

The whole view (filters, focus, path, colouring, language …) is a ``ViewState`` kept in
the URL, so a link reproduces what is on the screen.
"""

from __future__ import annotations

import dataclasses

import streamlit as st

from network import DataError
from network import vocabulary as vocab
from network.folder import DataFolder
from network.i18n import t
from network.settings import Settings, SettingsError
from network.view import ViewResult, ViewState
from ui import (
    asks,
    auth,
    data,
    edit,
    engagements,
    explore,
    export_panel,
    grid,
    keys,
    layout_panel,
    map_panel,
    memory,
    notes,
    present,
    sidebar,
    state,
    timeline,
    upload,
    views_panel,
)
from ui.messages import show, text


def main() -> None:
    st.set_page_config(page_title="Stakeholder Network Explorer", layout="wide")
    memory.touch()  # an idle server gives back what its caches took (ui/memory.py)
    lang = st.session_state.get(keys.widget("lang")) or st.query_params.get("lang", "en")
    lang = lang if lang in vocab.LANGUAGES else "en"
    try:
        settings = Settings.from_env()
    except SettingsError as exc:  # a value that cannot mean anything (NETWORK_READ_ONLY=ture): nothing is served
        show("error", text(exc))
        return
    for problem in settings.check():
        show("warning", text(problem))
    folder = data.folder(settings)
    try:
        ds = data.dataset(folder)
    except DataError as exc:
        upload.problems_page(exc, lang)
        return
    G = data.graph(folder)
    link_notes = notes.from_link(state.init_from_url(G))
    if st.session_state.pop(keys.RELANG, False) and st.session_state.get(keys.LAST_STATE):
        # Labels change with the language, which makes Streamlit rebuild the widgets; put the view back.
        state.put(dataclasses.replace(st.session_state[keys.LAST_STATE], lang=lang))
    st.session_state.setdefault(keys.PRESENTING, st.query_params.get("present") == "1")
    st.session_state[keys.LANG] = lang
    if st.session_state[keys.PRESENTING]:
        present.page(folder, lang)
        return

    # The map first: the browser gets its update before the rest of the page is built, and a change
    # shows on the map that much sooner (the view is in the widgets' values the browser sent).
    shown = state.from_widgets()
    notes_box = st.container()  # above the map, filled once the view is applied
    if shown.lens != "grid":
        shown_json = shown.to_json()
        map_panel.live(
            folder,
            shown_json,
            on_selected=explore.open_from_map,
            on_escape=explore.close_drawer if explore.drawer_open() else None,
        )
    # The title heads the sidebar: in the main column it took 90 px of a 720 px projector from the map.
    st.sidebar.subheader(t("app_title", lang), anchor=False)
    lang = sidebar.top(lang)
    auth.login_panel(lang)
    sidebar.view_controls(G, lang)
    timeline.player(G)
    view = state.from_widgets()
    redrawn = st.session_state.pop(keys.REDRAWN, False)
    if view != shown and view.lens != "grid" and not redrawn:
        st.session_state[keys.REDRAWN] = True  # once: a value the sidebar keeps changing must not loop
        st.rerun()  # the sidebar dropped a value that is no longer in the data: draw the map without it
    st.session_state.pop(keys.LINK_NOTES, None)  # shown in this run (link_notes), not again
    st.session_state[keys.LAST_STATE] = view
    state.sync_url(view)
    views_panel.panel(folder, view, lang)
    export_panel.panel(folder, view, lang)
    layout_panel.panel(folder, lang, can_edit=auth.can_edit())
    upload.panel(lang)
    view_json = view.to_json()
    result = data.result(folder, view_json, data.log_access(view_json))

    with notes_box:
        notes.show_all(ds, view, result, link_notes, lang)

    # The map takes the whole width (at 1280x720 a column beside it leaves it too narrow for
    # readable labels); a click on an actor opens its profile in a drawer over the map's left side.
    if view.lens == "grid":  # the power-interest grid as the lens next to the map (a view, a slide)
        grid.panel(G, lang)
    _panels(folder, G, view, result, lang)


def _panels(folder: DataFolder, G: data.Graph, view: ViewState, result: ViewResult, lang: str) -> None:
    """The panels under the map. Only the chosen one is drawn: a rerun then costs one panel, not eight."""
    documents = data.verified(folder, data.documents_dir())
    in_drawer = explore.drawer(G, lang, documents)  # a click's answer, where the person looks
    panels = {
        "profile": lambda: explore.profile(G, lang, documents, in_drawer=in_drawer),
        "path": lambda: explore.paths(G, view, result.paths, lang, documents),
        "asks": lambda: asks.panel(G, lang),  # the whole graph: the opening map leaves the asks out
        "brokers": lambda: explore.brokers(folder, view.to_json(), lang),
        "coalitions": lambda: explore.coalitions(result.graph, lang),
        "compare": lambda: timeline.compare_panel(folder, G, lang),
    }
    if view.lens != "grid":  # with the grid as the lens it is drawn in the map's place already
        panels["grid"] = lambda: grid.panel(G, lang)
    if engagements.visible():
        panels["follow_ups"] = lambda: engagements.panel(folder, view, lang)
    if auth.can_edit():
        panels.update(edit.panels(folder, lang))  # the data editor, and Add a document (issue 27)
    labels = {"profile": "profile", "brokers": "brokers", "edit": "edit_data"}
    if st.session_state.get(keys.PANEL) not in panels:
        # A link with a path opens on its hops; otherwise on the profile a click fills.
        st.session_state[keys.PANEL] = "path" if view.path_from and view.path_to else "profile"

    def label(k: str) -> str:  # typed: in a lambda, the widget's Any made labels.get(k, k) "str | None"
        return t(labels.get(k, k), lang)

    st.segmented_control(t("panels", lang), list(panels), format_func=label, key=keys.PANEL, required=True)
    panels[st.session_state[keys.PANEL]]()


try:
    main()
finally:
    state.hold_values()  # a shut sidebar section builds no widgets: keep their values
