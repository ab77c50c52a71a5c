"""Presentation mode: the map full screen; buttons or arrow keys step through the saved views."""

from __future__ import annotations

import dataclasses

import streamlit as st

from network.folder import DataFolder
from network.i18n import t
from network.view import ViewState

from . import data, keys, map_panel
from .messages import show, text
from .state import from_widgets, put, query, sync_url


def _lang() -> str:
    return st.session_state.get(keys.LANG) or "en"


def step(delta: int) -> None:
    names = st.session_state.get(keys.SLIDES) or []
    if not names:
        return
    i = (st.session_state.get(keys.SLIDE, 0) + delta) % len(names)
    st.session_state[keys.SLIDE] = i
    try:
        state = data.folder().load_view(names[i])
    except (FileNotFoundError, ValueError):
        state = ViewState(title=names[i])
    # Every slide in the language the interface is in, whatever the view was saved in.
    st.session_state[keys.PRESENT_STATE] = dataclasses.replace(state, lang=_lang())


def _on_key() -> None:
    value = map_panel.value("step")
    if value in ("next", "prev") and st.session_state.get(keys.PRESENTING):
        step(1 if value == "next" else -1)


def start() -> None:
    names = data.view_names(data.folder())
    st.session_state[keys.SLIDES] = names
    # Widgets that are not drawn lose their values, so the views live outside widget keys here.
    st.session_state[keys.EXPLORE_STATE] = from_widgets()
    st.session_state[keys.PRESENT_STATE] = st.session_state[keys.EXPLORE_STATE]
    st.session_state[keys.PRESENTING] = True
    if names:
        st.session_state[keys.SLIDE] = -1
        step(1)


def stop() -> None:
    st.session_state[keys.PRESENTING] = False
    st.session_state.pop(keys.SLIDES, None)
    st.session_state.pop(keys.PRESENT_STATE, None)
    put(st.session_state.pop(keys.EXPLORE_STATE, None) or ViewState(lang=_lang()))


def _open_from_link(folder: DataFolder, lang: str) -> None:
    """Opened from a link with present=1: the slide it names, or the first."""
    names = data.view_names(folder)
    st.session_state[keys.SLIDES] = names
    url_state = ViewState.from_query(query())
    st.session_state[keys.EXPLORE_STATE] = url_state
    st.session_state[keys.PRESENT_STATE] = url_state
    wanted = st.query_params.get("slide")
    if not names:
        return
    if wanted in names:
        st.session_state[keys.SLIDE] = names.index(wanted) - 1
    else:
        if wanted:
            st.session_state[keys.SLIDE_NOTE] = t("slide_missing", lang, name=text(wanted))
        st.session_state[keys.SLIDE] = -1
    step(1)


def _follow(names: list[str]) -> None:
    """The saved views changed on disk while presenting (saved, renamed or deleted, here or in another
    session): the slides follow, on the slide shown if it is still there, else on the one in its place."""
    old = st.session_state.get(keys.SLIDES) or []
    i = st.session_state.get(keys.SLIDE, 0)
    shown = old[i] if 0 <= i < len(old) else None
    st.session_state[keys.SLIDES] = names
    if shown in names:
        st.session_state[keys.SLIDE] = names.index(shown)
    elif names:
        st.session_state[keys.SLIDE] = min(max(i, 0), len(names) - 1) - 1
        step(1)


def page(folder: DataFolder, lang: str) -> None:
    if keys.SLIDES not in st.session_state:
        _open_from_link(folder, lang)
    elif data.view_names(folder) != st.session_state[keys.SLIDES]:
        _follow(data.view_names(folder))
    names = st.session_state[keys.SLIDES]
    state = st.session_state.get(keys.PRESENT_STATE) or ViewState(lang=lang)
    slide = st.session_state.get(keys.SLIDE, 0) if names else 0
    title = state.title or (names[slide] if names else t("app_title", lang))
    state = dataclasses.replace(state, title=title, lang=lang)
    sync_url(state, {"present": "1", **({"slide": names[slide]} if names else {})})
    c1, c2, c3, c4 = st.columns([1, 1, 6, 1.2], vertical_alignment="center")
    c1.button("◀", key="slide_prev", on_click=step, args=(-1,), disabled=len(names) < 2, help=t("previous", lang))
    c2.button("▶", key="slide_next", on_click=step, args=(1,), disabled=len(names) < 2, help=t("next", lang))
    c3.caption(t("slide_n", lang, i=slide + 1, n=len(names), name=text(names[slide])) if names else t("no_views_present", lang))
    c4.button(t("exit_present", lang), key="present_off", on_click=stop)
    note = st.session_state.pop(keys.SLIDE_NOTE, None)
    if note:
        show("info", note)
    if state.lens == "grid":
        # A slide that is the power-interest grid: its picture instead of the map; arrow keys still step.
        from . import grid

        grid.slide(data.graph(folder), state, lang)
        map_panel.show(None, presenting=True, on_step=_on_key)
        return
    map_panel.live(folder, state.to_json(), presenting=True, on_step=_on_key)
