"""The view state between the widgets, the URL and saved views."""

from __future__ import annotations

from typing import Any

import networkx as nx
import streamlit as st

from network.overview import OVERVIEW_THRESHOLD
from network.view import ViewState, initial_state

from . import keys


def query() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def init_from_url(G: nx.MultiDiGraph) -> list[str]:
    """On a new session, put the URL's view into the widgets once; return notes on what it named that is gone."""
    if st.session_state.get(keys.INITIALISED):
        return []
    state, notes = initial_state(G, query(), overview_above=OVERVIEW_THRESHOLD)
    put(state)
    st.session_state[keys.INITIALISED] = True
    return notes


def put(state: ViewState) -> None:
    """Put a state into the widgets (from a callback, before the widgets are built)."""
    for field, value in state.__dict__.items():
        st.session_state[keys.widget(field)] = value
    st.session_state.pop(keys.DATE_SLIDER, None)


def from_widgets() -> ViewState:
    data = {
        k[len(keys.WIDGET_PREFIX) :]: v
        for k, v in st.session_state.items()
        if isinstance(k, str) and k.startswith(keys.WIDGET_PREFIX)
    }
    return ViewState.from_dict({k: v for k, v in data.items() if v is not None})


def keep(key: str, options: list) -> None:
    """Drop widget values that are not among its options (data changed, or an old link)."""
    value = st.session_state.get(key)
    if isinstance(value, list):
        st.session_state[key] = [v for v in value if v in options]
    elif value is not None and value not in options:
        st.session_state[key] = options[0] if options else None


def section(name: str, label: str, *, holds: bool = False, icon: str | None = None) -> Any:
    """A sidebar section whose widgets are built only while it is open (``.open``).

    A shut section costs the browser nothing on a rerun: with every section's widgets built,
    redrawing them took about 150 ms of each change to the map (issue 13). Its widgets'
    values live on (``hold_values``). A section opens by itself when it comes to hold a
    choice (``holds``: a focus from a link, a path, a date the player steps), and otherwise
    stays as the user left it, whatever the language or the choices in it do.
    """
    assert name in keys.SECTIONS, name
    key = keys.section(name)
    opened: set[str] = st.session_state.setdefault(keys.OPEN_SECTIONS, set())
    held: set[str] = st.session_state.setdefault(keys.HELD_SECTIONS, set())
    if holds and name not in held:
        opened.add(name)
    (held.add if holds else held.discard)(name)
    # Set from our own record each run: the label (language) is part of the widget's identity,
    # and a new identity would otherwise start shut.
    st.session_state[key] = name in opened
    return st.sidebar.expander(label, key=key, on_change=_toggled, args=(name,), icon=icon)


def _toggled(name: str) -> None:
    opened: set[str] = st.session_state.setdefault(keys.OPEN_SECTIONS, set())
    (opened.add if st.session_state.get(keys.section(name)) else opened.discard)(name)


def hold_values() -> None:
    """Keep the view's values whose widgets were not built in this run (their section is shut).

    Streamlit forgets the value of a widget not built in a run; a value put back through the
    session state is the app's, not the widget's, and stays. Run at the end of a run: a widget
    built in it keeps its own value, and is not sent back to the browser as if the app had set
    it (which would overwrite what the user is typing there).
    """
    from streamlit.errors import StreamlitAPIException

    for k in [k for k in st.session_state if isinstance(k, str) and k.startswith(keys.WIDGET_PREFIX)]:
        try:
            st.session_state[k] = st.session_state[k]
        except StreamlitAPIException:
            pass  # its widget was built in this run


def sync_url(state: ViewState, extra: dict[str, str] | None = None) -> None:
    wanted = {**state.to_query(), **(extra or {})}
    current = {
        k: (v if len(v := st.query_params.get_all(k)) > 1 or isinstance(wanted.get(k), list) else v[0]) for k in st.query_params
    }
    if current != wanted:
        st.query_params.from_dict(wanted)
