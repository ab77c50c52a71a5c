"""Saved views: save the current view under a name, open, rename or delete one (asking first)."""

from __future__ import annotations

import dataclasses

import streamlit as st

from network.folder import DataFolder
from network.i18n import t
from network.view import ViewState

from . import data, keys
from .auth import access, can_edit
from .messages import flash, show_flash, text
from .state import put, section

PANEL = "views"
_ERRORS = (ValueError, FileExistsError, FileNotFoundError, OSError)


def _load(folder: DataFolder) -> None:
    name = st.session_state.get(keys.VIEW_PICK)
    lang = st.session_state.get(keys.widget("lang")) or "en"
    if not name:
        return
    try:
        state = folder.load_view(name)
        put(dataclasses.replace(state, lang=lang))  # the view in the language the interface is in
        flash(PANEL, "success", t("view_loaded", lang, name=text(name)))
    except _ERRORS as exc:
        flash(PANEL, "error", text(exc))


def _save(folder: DataFolder, name: str, state: ViewState, lang: str, overwrite: bool) -> None:
    try:
        folder.save_view(
            name,
            dataclasses.replace(state, title=state.title or name),
            access=access(),
            overwrite=overwrite,
        )
        flash(PANEL, "success", t("view_saved", lang, name=text(name)))
    except _ERRORS as exc:
        flash(PANEL, "error", text(exc))


def panel(folder: DataFolder, state: ViewState, lang: str) -> None:
    names = data.view_names(folder)  # read again whenever a view file changes, by this session or another
    box = section("views", t("saved_views", lang), holds=bool(st.session_state.get(keys.VIEW_CONFIRM)))
    if not box.open:
        return
    with box:
        show_flash(PANEL)
        if names:
            st.selectbox(t("view", lang), names, key=keys.VIEW_PICK)
            st.button(t("load", lang), on_click=_load, args=(folder,), key="view_load", width="stretch")
        else:
            st.caption(t("no_views", lang))
        if not can_edit():  # read-only, or editors must log in
            return
        pending = st.session_state.get(keys.VIEW_CONFIRM)
        if pending:
            _confirm(folder, state, pending, lang)
            return
        new = st.text_input(t("view_name", lang), key=keys.VIEW_NEW_NAME, max_chars=80).strip()
        if st.button(t("save_view", lang), key="view_save", disabled=not new, width="stretch"):
            taken = {n.casefold() for n in names}
            if new.casefold() in taken:
                st.session_state[keys.VIEW_CONFIRM] = ("overwrite", new)
            else:
                _save(folder, new, state, lang, overwrite=False)
            st.rerun()
        if names:
            renamed = st.text_input(t("rename_to", lang), key=keys.VIEW_RENAME_TO, max_chars=80).strip()
            c1, c2 = st.columns(2)
            if c1.button(t("rename", lang), key="view_rename", disabled=not renamed):
                try:
                    folder.rename_view(st.session_state[keys.VIEW_PICK], renamed, access=access())
                    flash(PANEL, "success", t("view_renamed", lang, name=text(renamed)))
                except _ERRORS as exc:
                    flash(PANEL, "error", text(exc))
                st.rerun()
            if c2.button(t("delete", lang), key="view_delete"):
                st.session_state[keys.VIEW_CONFIRM] = ("delete", st.session_state[keys.VIEW_PICK])
                st.rerun()


def _confirm(folder: DataFolder, state: ViewState, pending: tuple[str, str], lang: str) -> None:
    """Ask before a view is deleted or saved over; nothing happens until the user says yes."""
    action, name = pending
    st.warning(t(f"confirm_{action}_view", lang, name=text(name)))
    c1, c2 = st.columns(2)
    if c1.button(t(f"yes_{action}", lang), key="view_confirm_yes", type="primary"):
        st.session_state.pop(keys.VIEW_CONFIRM, None)
        if action == "delete":
            try:
                folder.delete_view(name, access=access())
                flash(PANEL, "success", t("view_deleted", lang, name=text(name)))
            except _ERRORS as exc:
                flash(PANEL, "error", text(exc))
        else:
            _save(folder, name, state, lang, overwrite=True)
        st.rerun()
    if c2.button(t("cancel", lang), key="view_confirm_no"):
        st.session_state.pop(keys.VIEW_CONFIRM, None)
        st.rerun()
