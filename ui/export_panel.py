"""Snapshot downloads: the current view in any format, and a deck of the saved views."""

from __future__ import annotations

import streamlit as st

from network.folder import DataFolder
from network.i18n import t
from network.presentation.export import EXTENSIONS, FORMATS, MEDIA_TYPES, everything
from network.presentation.figure import PRINT_DPI
from network.view import ViewState

from . import data
from .state import section


def panel(folder: DataFolder, state: ViewState, lang: str) -> None:
    box = section("export", t("export", lang))
    if not box.open:
        return
    with box:
        fmt = st.selectbox(t("format", lang), list(FORMATS), format_func=lambda f: t(f"fmt_{f}", lang), key="export_format")
        dpi = PRINT_DPI if fmt == "png" and st.checkbox(t("print_quality", lang), key="export_print") else None
        if st.checkbox(t("export_everything", lang), key="export_everything", help=t("export_everything_help", lang)):
            state = everything(state)  # as the command line's --all; without it the file says what the view left out
        state_json = state.to_json()
        st.download_button(
            t("download", lang),
            data=lambda: data.snapshot_bytes(folder, state_json, fmt, dpi),
            file_name=f"stakeholder-map.{EXTENSIONS.get(fmt, fmt)}",
            mime=MEDIA_TYPES.get(fmt),
            on_click="ignore",
            key="export_download",
            width="stretch",
        )
        names = tuple(data.view_names(folder))
        if names:
            st.download_button(
                t("download_deck", lang, n=len(names)),
                data=lambda: data.deck_bytes(folder, names, lang),
                file_name="stakeholder-views.pptx",
                mime=MEDIA_TYPES.get("pptx"),
                on_click="ignore",
                key="export_deck",
                width="stretch",
            )
