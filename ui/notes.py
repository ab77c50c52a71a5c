"""What the page says above the map: an upload's report, notes on the view, the data's warnings."""

from __future__ import annotations

import streamlit as st

from network.i18n import t
from network.model import Dataset, problem_rows
from network.rights import visible_problems
from network.view import ViewResult, ViewState

from . import auth, keys, upload
from .messages import show, text


def from_link(notes: list[str]) -> list[str]:
    """The notes on what a link named that is gone, kept for the run after a redraw (they come once)."""
    if notes:
        st.session_state[keys.LINK_NOTES] = notes
    return st.session_state.get(keys.LINK_NOTES, [])


def show_all(ds: Dataset, view: ViewState, result: ViewResult, link_notes: list[str], lang: str) -> None:
    upload.report(lang)
    for note in link_notes + [n for n in result.notes if n not in link_notes]:
        show("info", text(note))  # notes carry values from the link and names from the data
    if view.lens == "grid":  # the map's component shows the caption; the grid has none of its own
        st.caption(text(result.caption))
    warnings = visible_problems(ds.warnings, auth.access())  # no detail of the internal log for a viewer
    if warnings:
        with st.expander(f"{t('data_warnings', lang)} ({len(warnings)})"):
            st.dataframe(problem_rows(warnings), hide_index=True)
