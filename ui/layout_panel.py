"""The map's positions belong to the data: re-arranging is an explicit, confirmed action."""

from __future__ import annotations

import streamlit as st

from network.folder import DataFolder
from network.i18n import t
from network.io.positions import PositionsError
from network.rights import NotAllowed

from . import data, keys
from .auth import access
from .messages import flash, show_flash, text
from .state import section

PANEL = "layout"
CONFIRM = "_layout_confirm"


def panel(folder: DataFolder, lang: str, can_edit: bool) -> None:
    box = section(
        "layout", t("layout_panel", lang), holds=bool(st.session_state.get(CONFIRM) or st.session_state.get(keys.MOVED))
    )
    if not box.open:
        return
    with box:
        show_flash(PANEL)
        st.caption(t("layout_intro", lang))
        problems = data.placed(folder)[1]
        for p in problems:
            st.warning(text(f"positions.csv:{p.line}: {p.message}"))
        if not can_edit:
            return
        moved = st.session_state.get(keys.MOVED) or {}
        if moved:
            st.caption(t("moved_actors", lang, n=len(moved)))
            c1, c2 = st.columns(2)
            if c1.button(t("keep_positions", lang), key="layout_keep", type="primary"):
                try:
                    folder.keep_positions(moved, access=access())
                    st.session_state.pop(keys.MOVED, None)
                    flash(PANEL, "success", t("positions_kept", lang, n=len(moved)))
                except (NotAllowed, PositionsError, OSError) as exc:
                    flash(PANEL, "error", text(exc))
                st.rerun()
            if c2.button(t("forget_moves", lang), key="layout_forget"):
                st.session_state.pop(keys.MOVED, None)
                st.rerun()
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
                folder.reset_positions(data.graph(folder), access=access())
                flash(PANEL, "success", t("rearranged", lang))
            except (NotAllowed, OSError) as exc:
                flash(PANEL, "error", text(exc))
            st.rerun()
        if c2.button(t("cancel", lang), key="layout_reset_no"):
            st.session_state.pop(CONFIRM, None)
            st.rerun()
