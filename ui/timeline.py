"""The map through time: an "as of" slider with a play button, and the comparison of two dates or data versions."""

from __future__ import annotations

import networkx as nx
import streamlit as st

from network import build_graph
from network import vocabulary as vocab
from network.folder import DataFolder
from network.i18n import t
from network.model import DataError
from network.timeline import compare, compare_dates, new_relations, steps

from . import keys
from .messages import show, text
from .state import keep, section

PLAYING = "_as_of_playing"  # the play button is on: a timer steps the "as of" date
PLAY_SECONDS = 2.0
COMPARE_MODE = "compare_mode"
COMPARE_BACKUP = "compare_backup"


def _step(G: nx.MultiDiGraph, delta: int) -> None:
    """Move the "as of" date one document date on (or back); past the last it is the whole map again."""
    dates = steps(G)
    current = st.session_state.get(keys.widget("as_of")) or ""
    i = dates.index(current) if current in dates else len(dates)
    j = i + delta
    if delta > 0 and current == "":
        j = 0  # from the whole map, play starts at the first date
    if j >= len(dates):
        st.session_state[keys.widget("as_of")] = ""
        st.session_state[PLAYING] = False
    else:
        st.session_state[keys.widget("as_of")] = dates[max(j, 0)]


def _toggle_play(G: nx.MultiDiGraph) -> None:
    playing = not st.session_state.get(PLAYING, False)
    st.session_state[PLAYING] = playing
    if playing:
        _step(G, 1)


FRESH = "_as_of_fresh"  # the player was just drawn by a whole run (its slider is on the page): wait for the timer


@st.fragment(run_every=PLAY_SECONDS)
def _player(G: nx.MultiDiGraph) -> None:
    # Only drawn while playing: every few seconds (a rerun of this fragment alone, so the
    # slider is not on the page yet) one date on, and then the whole page follows.
    if st.session_state.pop(FRESH, False):
        return
    if st.session_state.get(PLAYING):
        _step(G, 1)
        st.rerun()


def player(G: nx.MultiDiGraph) -> None:
    """The timer that steps the "as of" date while playing, with its section open or shut.

    Drawn by the whole page, not by the view's fragment: a timed fragment inside it, written
    to the sidebar, broke Streamlit's page ("Bad delta path").
    """
    if st.session_state.get(PLAYING, False):
        st.session_state[FRESH] = True
        with st.sidebar:
            _player(G)


def controls(G: nx.MultiDiGraph, lang: str) -> None:
    """The "as of" slider over the documents' dates, ◀ ▶ and play (in the sidebar)."""
    dates = steps(G)
    key = keys.widget("as_of")
    options = [*dates, ""]  # the last position is today: everything
    keep(key, options)  # before anything returns: data without dates must not keep an old date
    if not dates:
        return
    playing = st.session_state.get(PLAYING, False)
    box = section("as_of", t("as_of", lang), holds=bool(st.session_state.get(key)))
    if box.open:
        with box:
            st.select_slider(
                t("as_of", lang),
                options=options,
                format_func=lambda d: d or t("as_of_all", lang),
                key=key,
                help=t("as_of_help", lang),
            )
            c1, c2, c3 = st.columns(3)
            c1.button("◀", key="as_of_back", on_click=_step, args=(G, -1), help=t("step_back", lang), width="stretch")
            c2.button(
                "⏸" if playing else "▶",
                key="as_of_play",
                on_click=_toggle_play,
                args=(G,),
                help=t("pause" if playing else "play", lang),
                width="stretch",
            )
            c3.button("▶▶", key="as_of_forward", on_click=_step, args=(G, 1), help=t("step_forward", lang), width="stretch")
            current = st.session_state.get(key) or ""
            if current:
                st.caption(t("new_at_step", lang, n=len(new_relations(G, current)), date=current))


def _tables(d: dict[str, list[dict[str, str]]], lang: str) -> None:
    show("info", text(t("diff_counts", lang, **{k: len(v) for k, v in d.items()})))
    for key in ("actors_added", "actors_removed"):
        if d[key]:
            st.markdown(f"**{t(key, lang)}**")
            st.dataframe(
                [{t("name", lang): r["name"], "id": r["id"], t("type", lang): vocab.label(r["type"], lang)} for r in d[key]],
                hide_index=True,
                width="stretch",
            )
    for key in ("relations_added", "relations_removed"):
        if d[key]:
            st.markdown(f"**{t(key, lang)}**")
            st.dataframe(
                [
                    {
                        t("from", lang): r["source_name"],
                        t("relation", lang): vocab.label(r["type"], lang, "relation"),
                        t("to", lang): r["target_name"],
                        t("date", lang): r["date"],
                        t("document", lang): r["source_doc"],
                    }
                    for r in d[key]
                ],
                hide_index=True,
                width="stretch",
            )


def _backup_graph(folder: DataFolder, name: str) -> nx.MultiDiGraph:
    # A backup never changes once written: keyed by the folder alone, whatever its version.
    return _backup_graph_of(folder.only(), name)


@st.cache_resource(show_spinner=False, max_entries=4)
def _backup_graph_of(folder: DataFolder, name: str) -> nx.MultiDiGraph:
    return build_graph(folder.load_backup(name))


def compare_panel(folder: DataFolder, G: nx.MultiDiGraph, lang: str) -> None:
    """Two dates of this map, or this data and a backup from before a save: actors and relations added and removed."""
    mode = st.radio(
        t("compare", lang),
        ["dates", "versions"],
        format_func=lambda m: t(f"compare_{m}", lang),
        key=COMPARE_MODE,
        horizontal=True,
    )
    if mode == "dates":
        dates = ["", *steps(G)]
        c1, c2 = st.columns(2)
        for col, field in ((c1, "compare_from"), (c2, "compare_to")):
            keep(keys.widget(field), dates)
            col.selectbox(t(field, lang), dates, format_func=lambda d: d or t("whole_map", lang), key=keys.widget(field))
        a = st.session_state.get(keys.widget("compare_from")) or ""
        b = st.session_state.get(keys.widget("compare_to")) or ""
        st.caption(text(t("compare_what_dates", lang, a=a or t("whole_map", lang), b=b or t("whole_map", lang))))
        _tables(compare_dates(G, a, b), lang)
        return
    backups = folder.backups()
    if not backups:
        st.caption(t("compare_none", lang))
        return
    name = st.selectbox(t("compare_backup", lang), backups[::-1], key=COMPARE_BACKUP)
    try:
        old = _backup_graph(folder, name)
    except DataError as exc:
        show("error", text("; ".join(str(p) for p in exc.errors[:3])))
        return
    except FileNotFoundError as exc:  # an undo in another session took this backup back meanwhile
        show("error", text(exc))
        return
    st.caption(text(t("compare_what_versions", lang, a=name, b=t("data_version", lang) + " " + str(G.graph.get("version", "")))))
    _tables(compare(old, G), lang)
