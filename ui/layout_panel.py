"""The map's positions belong to the data: re-arranging is an explicit, confirmed action."""

from __future__ import annotations

import streamlit as st

from network.i18n import t
from network.layout import ReadOnlyError, reset_positions

from . import data
from .messages import flash, show_flash, text

PANEL = "layout"
CONFIRM = "_layout_confirm"


def panel(folder: str, stamp: data.Stamp, lang: str, can_edit: bool) -> None:
    with st.sidebar.expander(t("layout_panel", lang), expanded=bool(st.session_state.get(CONFIRM))):
        show_flash(PANEL)
        st.caption(t("layout_intro", lang))
        problems = data.placed(folder, stamp)[1]
        for p in problems:
            st.warning(text(f"positions.csv:{p.line}: {p.message}"))
        if not can_edit:
            return
        if not st.session_state.get(CONFIRM):
            if st.button(t("rearrange", lang), key="layout_reset", width="stretch"):
                st.session_state[CONFIRM] = True
                st.rerun()
            return
        st.warning(t("rearrange_confirm", lang))
        c1, c2 = st.columns(2)
        if c1.button(t("yes_rearrange", lang), key="layout_reset_yes", type="primary"):
            st.session_state.pop(CONFIRM, None)
            try:
                reset_positions(data.graph(folder, stamp), folder)
                flash(PANEL, "success", t("rearranged", lang))
            except (ReadOnlyError, OSError) as exc:
                flash(PANEL, "error", text(exc))
            st.rerun()
        if c2.button(t("cancel", lang), key="layout_reset_no"):
            st.session_state.pop(CONFIRM, None)
            st.rerun()
