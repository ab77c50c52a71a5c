"""The engagement log in the app: in the profile, the open follow-ups, the map by last contact, and editing.

The log is internal: only an editor sees it (never a viewer of a served explorer, nor anyone
on a read-only one), and an export carries it only when the editor ticks the box for it here.
Every read and write goes through ``network.rights`` with the session's access, so a panel
drawn by mistake would still get nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import networkx as nx
import streamlit as st

from network import DataError, rights, store
from network.engagements import (
    check_rows,
    for_actor,
    for_shown,
    include_in_export,
    open_follow_ups,
    stale_allies,
)
from network.folder import DataFolder
from network.i18n import t
from network.model import ENGAGEMENT_COLUMNS, ENGAGEMENT_KINDS, problem_rows
from network.presentation.export import MEDIA_TYPES
from network.view import CHOICES, ViewState

from . import data, grid, keys
from .auth import access
from .messages import flash, show, show_flash, text

if TYPE_CHECKING:  # for the annotations only: pandas is imported when an editor opens the log
    import pandas as pd

__all__ = ["visible", "profile_section", "panel"]

PANEL = "engagements"
GEN = "_engagements_gen"  # counter: a fresh editor after a save or undo
PENDING = "_engagements_pending"  # rows added with the form, not yet saved
INCLUDE = "include_engagements"
LOG = "engagements.csv"


def visible() -> bool:
    """The log is shown to editors only (a viewer, or anyone on a read-only server, never sees it)."""
    return rights.may_edit(access())


def _log(folder: DataFolder) -> list[dict]:
    # The loaded data is cached; the log is handed out of it through network.rights, to editors only.
    return rights.engagement_log(data.dataset(folder), access())


def _kind(value: str, lang: str) -> str:
    return t(f"engagement_kind_{value}", lang) if value in ENGAGEMENT_KINDS else value


def _names(G: nx.MultiDiGraph, ids: str) -> str:
    return ", ".join(str(G.nodes[a].get("name", a)) if a in G else a for a in ids.split("|") if a)


def profile_section(G: nx.MultiDiGraph, actor: str, lang: str) -> None:
    """Under an actor's profile: its place on the grid (with why), then its engagements, newest first."""
    grid.explain(G, actor, lang)
    if not visible():
        return
    rows = for_actor(_log(data.folder()), actor)
    st.markdown(f"**{t('engagements', lang)}** ({len(rows)})")
    if not rows:
        st.caption(t("engagements_none", lang, name=text(G.nodes[actor].get("name", actor))))
        return
    st.dataframe(
        [
            {
                t("date", lang): e["date"],
                t("kind", lang): _kind(e.get("kind", ""), lang),
                t("with_actors", lang): _names(G, e.get("actors", "")),
                t("summary", lang): e.get("summary", ""),
                t("outcome", lang): e.get("outcome", ""),
                t("follow_up", lang): e.get("follow_up", ""),
                t("due", lang): e.get("due", ""),
            }
            for e in rows
        ],
        hide_index=True,
        width="stretch",
        key=f"profile_engagements_{actor}",
    )


def _contact_map(folder: DataFolder, view: ViewState, log: list[dict], lang: str) -> None:
    st.radio(
        t("contact_by", lang),
        list(CHOICES["contact_by"]),
        format_func=lambda v: t(f"contact_by_{v}", lang),
        key=keys.widget("contact_by"),
        horizontal=True,
    )
    st.number_input(t("stale_months", lang), min_value=0, max_value=120, step=1, key=keys.widget("stale_months"))
    G = data.graph(folder)
    today = dt.date.today()
    if view.stale_months:
        if not view.grid_ask or view.grid_ask not in G:
            st.caption(t("stale_need_ask", lang))
        else:
            stale = stale_allies(G, log, view.grid_ask, view.stale_months, today)
            ask = G.nodes[view.grid_ask].get("name", view.grid_ask)
            if stale:
                show(
                    "warning",
                    text(t("stale_allies", lang, ask=ask, months=view.stale_months, names=", ".join(r["name"] for r in stale))),
                )
            else:
                show("success", text(t("stale_allies_none", lang, ask=ask, months=view.stale_months)))
    if view.contact_by:
        # One map: the view's own, drawn above by last contact (network.view.apply_view with the log).
        st.caption(t("contact_map_above", lang))


def _follow_ups(G: nx.MultiDiGraph, log: list[dict], lang: str) -> None:
    rows = open_follow_ups(log)
    st.markdown(f"**{t('follow_ups_open', lang, n=len(rows))}**")
    if not rows:
        st.caption(t("follow_ups_none", lang))
        return
    st.dataframe(
        [
            {
                t("due", lang): r.get("due", "") + (f" ({t('overdue', lang)})" if r["overdue"] else ""),
                t("follow_up", lang): r.get("follow_up", ""),
                t("owner", lang): r.get("owner", ""),
                t("with_actors", lang): _names(G, r.get("actors", "")),
                t("date", lang): r.get("date", ""),
                t("summary", lang): r.get("summary", ""),
            }
            for r in rows
        ],
        hide_index=True,
        width="stretch",
        key="follow_ups_table",
    )


def _frame(rows: list[dict]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        [{c: r.get(c, "") for c in ENGAGEMENT_COLUMNS} for r in rows], columns=list(ENGAGEMENT_COLUMNS), dtype="string"
    )


def _rows(df: pd.DataFrame) -> list[dict[str, str]]:
    return [
        {str(k): ("" if v is None or (isinstance(v, float) and v != v) else str(v)) for k, v in r.items()}
        for r in df.to_dict("records")
    ]


def _reset(gen: int) -> None:
    st.session_state[GEN] = gen + 1
    st.session_state[PENDING] = []


def _add_form(G: nx.MultiDiGraph, lang: str) -> None:
    names, actors = data.actors(G)
    asks = [""] + [n for n, a in G.nodes(data=True) if a.get("type") == "theme"]
    with st.form("add_engagement", clear_on_submit=True, border=True):
        st.markdown(f"**{t('add_engagement', lang)}**")
        c1, c2, c3 = st.columns(3)
        day = c1.date_input(t("date", lang), value=dt.date.today(), key="fe_date")
        kind = c2.selectbox(t("kind", lang), list(ENGAGEMENT_KINDS), format_func=lambda k: _kind(k, lang), key="fe_kind")
        ask = c3.selectbox(t("ask", lang), asks, format_func=lambda n: names.get(n, "—") if n else "—", key="fe_ask")
        who = st.multiselect(t("with_actors", lang), actors, format_func=lambda n: names[n], key="fe_actors")
        summary = st.text_input(t("summary", lang), key="fe_summary", max_chars=500)
        outcome = st.text_input(t("outcome", lang), key="fe_outcome", max_chars=500)
        d1, d2, d3 = st.columns(3)
        follow_up = d1.text_input(t("follow_up", lang), key="fe_follow_up", max_chars=300)
        due = d2.date_input(t("due", lang), value=None, key="fe_due")
        owner = d3.text_input(t("owner", lang), key="fe_owner", max_chars=80)
        if st.form_submit_button(t("add_engagement", lang)):
            if not day or not who:
                st.error(t("engagement_need", lang))
            else:
                row = {
                    "date": day.isoformat(),
                    "actors": "|".join(who),
                    "kind": kind,
                    "ask": ask,
                    "summary": summary.strip(),
                    "outcome": outcome.strip(),
                    "follow_up": follow_up.strip(),
                    "due": due.isoformat() if due else "",
                    "owner": owner.strip(),
                }
                st.session_state.setdefault(PENDING, []).append(row)
                st.success(t("engagement_added", lang))


def _editor(folder: DataFolder, G: nx.MultiDiGraph, log: list[dict], lang: str) -> None:
    gen = st.session_state.get(GEN, 0)
    edited = st.data_editor(_frame(log), num_rows="dynamic", width="stretch", hide_index=True, key=f"engagements_editor_{gen}")
    _add_form(G, lang)
    rows = _rows(edited) + st.session_state.get(PENDING, [])
    changed = rows != [{c: r.get(c, "") for c in ENGAGEMENT_COLUMNS} for r in log]
    problems = check_rows(rows, data.dataset(folder).actors) if changed else []
    if problems:
        st.dataframe(problem_rows(problems), hide_index=True, width="stretch", key="engagement_problems")
    c1, c2 = st.columns(2)
    errors = [p for p in problems if p.severity == "error"]
    if c1.button(t("save_engagements", lang), key="engagements_save", type="primary", disabled=not changed or bool(errors)):
        _, _, _, base = data.editable(folder)
        try:
            folder.save_engagements(rows, base=base, access=access())
        except store.ConflictError as exc:
            flash(PANEL, "error", text(t("conflict", lang, files=", ".join(exc.files))))
        except store.NotAllowed:
            flash(PANEL, "error", t("read_only_refused", lang))
        except DataError as exc:
            flash(PANEL, "error", text("; ".join(f"{p.line}: {p.column}: {p.message}" for p in exc.errors[:5])))
        else:
            flash(PANEL, "success", t("engagements_saved", lang, n=len(rows)))
            _reset(gen)
        st.rerun()
    # Undo here takes back the newest save of the log only, never an editor's save of the map's tables.
    last = folder.last_save((LOG,))
    label = t("undo_what", lang, what=last.describe()) if last else t("undo_none", lang)
    if c2.button(text(label), key="engagements_undo", disabled=last is None):
        _, _, _, base = data.editable(folder)
        try:
            done = folder.undo_last_save(base, access=access(), tables=(LOG,))
            flash(PANEL, "success", text(t("undone_what", lang, what=done.record.describe() if done.record else LOG)))
            _reset(gen)
        except (store.ConflictError, store.NothingToUndoError, store.NotAllowed, DataError) as exc:
            flash(PANEL, "error", text(exc))
        st.rerun()
    show_flash(PANEL)


def _export(folder: DataFolder, view: ViewState, log: list[dict], lang: str) -> None:
    if not st.checkbox(t("include_engagements", lang), key=INCLUDE, value=False, help=t("include_engagements_help", lang)):
        return
    fmt = st.selectbox(
        t("format", lang), ["csv", "json", "html", "pptx"], format_func=lambda f: t(f"fmt_{f}", lang), key="engagements_format"
    )
    view_json = view.to_json()

    def build() -> bytes:
        shown = data.result(folder, view_json).graph.nodes
        return include_in_export(data.snapshot_bytes(folder, view_json, fmt, None), fmt, for_shown(log, shown), lang)

    st.download_button(
        t("download_with_engagements", lang),
        data=build,
        file_name=f"stakeholder-map-with-engagements.{'zip' if fmt == 'csv' else fmt}",
        mime=MEDIA_TYPES.get(fmt),
        on_click="ignore",
        key="engagements_download",
    )


def panel(folder: DataFolder, view: ViewState, lang: str) -> None:
    """The engagements tab: open follow-ups, allies not contacted lately, the map by last contact, the log to edit."""
    if not visible():
        return
    st.caption(t("engagements_internal", lang))
    G = data.graph(folder)
    log = _log(folder)
    _follow_ups(G, log, lang)
    _contact_map(folder, view, log, lang)
    st.markdown(f"**{t('engagements', lang)}**")
    _editor(folder, G, log, lang)
    _export(folder, view, log, lang)
