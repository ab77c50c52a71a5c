"""The view state between the widgets, the URL and saved views."""

from __future__ import annotations

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


def stays_open(section: str, holds_something: bool) -> bool:
    """Whether a sidebar section is drawn open: while it holds a choice, and after that too.

    A section opened because it held a focus, a path or a date must not fold shut under the
    user's hand the moment that choice is cleared (or the player runs past its last date).
    """
    opened: set[str] = st.session_state.setdefault(keys.OPENED, set())
    if holds_something:
        opened.add(section)
    return section in opened


def sync_url(state: ViewState, extra: dict[str, str] | None = None) -> None:
    wanted = {**state.to_query(), **(extra or {})}
    current = {
        k: (v if len(v := st.query_params.get_all(k)) > 1 or isinstance(wanted.get(k), list) else v[0]) for k in st.query_params
    }
    if current != wanted:
        st.query_params.from_dict(wanted)
