"""Streamlit page: widgets and layout only; every graph operation lives in network/.

The whole view (filters, focus, path, colouring, language …) is a ``ViewState``
kept in the URL, so a link reproduces what is on the screen.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st

from network import DataError, build_graph, load_dataset, store
from network import vocabulary as vocab
from network.analysis import METRICS, actor_profile, cosignature_coalitions, ranking, theme_support
from network.graph import Hop, UnknownActorError, resolve_actor
from network.i18n import t
from network.io.csvfile import csv_text, write_csv_atomic
from network.io.folder import default_data_dir
from network.io.kumu import write_kumu
from network.io.uploads import MAX_UPLOAD_BYTES, load_uploads
from network.io.xlsx import write_workbook
from network.layout import compute_layout
from network.model import ACTOR_COLUMNS, RELATION_COLUMNS, Dataset
from network.overview import OVERVIEW_THRESHOLD
from network.presentation.export import FORMATS, MEDIA_TYPES, export_bytes, export_deck, make_snapshot
from network.presentation.render import render_view
from network.view import ViewResult, ViewState, apply_view
from network.views import default_views_dir, delete_view, list_views, load_view, rename_view, save_view

Stamp = tuple[tuple[str, float, int], ...]

# Forwards a click on a map node (posted by the map's iframe) to Python as a trigger value.
# Also forwards arrow keys (from the page or the map) as "next"/"prev" for presentation mode.
_BRIDGE_JS = """
export default function (component) {
  const { setTriggerValue } = component;
  const step = (key) => {
    if (key === "ArrowRight" || key === "PageDown") setTriggerValue("step", "next");
    if (key === "ArrowLeft" || key === "PageUp") setTriggerValue("step", "prev");
  };
  if (window.__sneBridge) window.removeEventListener("message", window.__sneBridge);
  if (window.__sneKeys) window.removeEventListener("keydown", window.__sneKeys);
  window.__sneBridge = (event) => {
    const msg = event.data;
    if (msg && msg.type === "sne-select" && typeof msg.id === "string") setTriggerValue("selected", msg.id);
    if (msg && msg.type === "sne-key") step(msg.key);
  };
  window.__sneKeys = (event) => {
    const tag = (event.target && event.target.tagName) || "";
    if (tag !== "INPUT" && tag !== "TEXTAREA") step(event.key);
  };
  window.addEventListener("message", window.__sneBridge);
  window.addEventListener("keydown", window.__sneKeys);
}
"""
_bridge = st.components.v2.component("sne_map_bridge", js=_BRIDGE_JS)


def _data_dir() -> str:
    # An upload lives in a folder this session made; otherwise $NETWORK_DATA_DIR or data/.
    uploaded = st.session_state.get("_upload_dir")
    if uploaded and Path(uploaded).is_dir():
        return uploaded
    return str(Path(os.environ["NETWORK_DATA_DIR"]) if os.environ.get("NETWORK_DATA_DIR") else default_data_dir())


def _stamp(folder: str) -> Stamp:
    # Reload when a CSV changes on disk, even though loading is cached.
    out = []
    for name in ("actors.csv", "relations.csv", "sources.csv"):
        p = Path(folder) / name
        s = p.stat() if p.exists() else None
        out.append((name, s.st_mtime if s else 0.0, s.st_size if s else -1))
    return tuple(out)


@st.cache_data(show_spinner=False, max_entries=8)
def _load(folder: str, stamp: Stamp) -> Dataset:
    return load_dataset(folder)


@st.cache_resource(show_spinner=False, max_entries=8)
def _graph(folder: str, stamp: Stamp) -> nx.MultiDiGraph:
    # Shared, read-only: nothing below mutates the full graph.
    return build_graph(_load(folder, stamp))


@st.cache_resource(show_spinner=False, max_entries=8)
def _positions(folder: str, stamp: Stamp) -> dict:
    # Positions of the whole graph, so a filter or focus never moves anyone.
    return compute_layout(_graph(folder, stamp))


@st.cache_resource(show_spinner=False, max_entries=64)
def _result(folder: str, stamp: Stamp, state_json: str) -> ViewResult:
    # Shared, read-only: one filter/focus/path computation per distinct view.
    return apply_view(_graph(folder, stamp), ViewState.from_dict(json.loads(state_json)))


@st.cache_data(show_spinner=False, max_entries=64)
def _html(folder: str, stamp: Stamp, state_json: str, presenting: bool = False) -> str:
    result = _result(folder, stamp, state_json)
    return render_view(_graph(folder, stamp), result, presenting=presenting, positions=_positions(folder, stamp))


@st.cache_data(show_spinner=False, max_entries=16)
def _snapshot_bytes(folder: str, stamp: Stamp, state_json: str, fmt: str, dpi: int | None) -> bytes:
    snap = make_snapshot(_graph(folder, stamp), ViewState.from_dict(json.loads(state_json)))
    return export_bytes(snap, fmt, dpi=dpi)


@st.cache_data(show_spinner=False, max_entries=4)
def _deck_bytes(folder: str, stamp: Stamp, views_key: tuple[str, ...]) -> bytes:
    vdir = default_views_dir(folder)
    snaps = []
    for name in views_key:
        state = load_view(vdir, name)
        snaps.append(make_snapshot(_graph(folder, stamp), state, title=state.title or name))
    return export_deck(snaps)


def _read_only() -> bool:
    return store.read_only()


@st.cache_data(show_spinner=False, max_entries=4)
def _editable(folder: str, stamp: Stamp) -> tuple[list[dict], list[dict], list[dict], dict[str, str]]:
    # store.load finishes a save a crash interrupted, and returns the base a save checks against.
    ds, base = store.load(folder)
    return ds.actors, ds.relations, ds.sources, base


# ---------------------------------------------------------------- data upkeep


def _problem_rows(problems: list) -> list[dict]:
    return [{"file": p.file, "line": p.line, "column": p.column, "problem": p.message, "severity": p.severity} for p in problems]


def _upload_panel(lang: str) -> None:
    with st.sidebar.expander(t("data", lang), expanded=bool(st.session_state.get("upload_report"))):
        if st.session_state.get("_upload_dir"):
            st.caption(t("using_upload", lang, name=st.session_state.get("_upload_name", "")))
            if st.button(t("back_to_bundled", lang), key="upload_reset", width="stretch"):
                st.session_state.pop("_upload_dir", None)
                st.session_state.pop("upload_report", None)
                st.session_state["_initialised"] = False
                st.rerun()
        files = st.file_uploader(
            t("upload", lang, mb=MAX_UPLOAD_BYTES // (1024 * 1024)),
            type=["csv", "xlsx"],
            accept_multiple_files=True,
            key=f"uploader_{st.session_state.get('_uploads', 0)}",
            help=t("upload_help", lang),
        )
        if files and st.button(t("load_upload", lang), key="upload_load", width="stretch", type="primary"):
            _take_upload([(f.name, f.getvalue()) for f in files], lang)


def _take_upload(files: list[tuple[str, bytes]], lang: str) -> None:
    import tempfile

    names = ", ".join(name for name, _ in files)
    try:
        ds = load_uploads(files)
    except DataError as exc:
        st.session_state["upload_report"] = (names, _problem_rows(exc.problems), False)
        return
    # A folder of our own (never a user's value in the path): the app then works on it as on data/.
    folder = Path(tempfile.mkdtemp(prefix="sne-upload-"))
    extra_a = [c for c in dict.fromkeys(k for r in ds.actors for k in r) if c not in ACTOR_COLUMNS]
    extra_r = [c for c in dict.fromkeys(k for r in ds.relations for k in r) if c not in RELATION_COLUMNS]
    write_csv_atomic(folder / "actors.csv", [*ACTOR_COLUMNS, *extra_a], ds.actors)
    write_csv_atomic(folder / "relations.csv", [*RELATION_COLUMNS, *extra_r], ds.relations)
    if ds.sources:
        write_csv_atomic(folder / "sources.csv", list(dict.fromkeys(k for r in ds.sources for k in r)), ds.sources)
    st.session_state["_upload_dir"] = str(folder)
    st.session_state["_upload_name"] = names
    st.session_state["_uploads"] = st.session_state.get("_uploads", 0) + 1
    st.session_state["upload_report"] = (names, _problem_rows(ds.warnings), True)
    st.session_state["_initialised"] = False
    st.rerun()


def _upload_report(lang: str) -> None:
    report = st.session_state.get("upload_report")
    if not report:
        return
    names, rows, ok = report
    if ok:
        st.success(t("upload_ok", lang, name=names, n=len(rows)))
    else:
        st.error(t("upload_failed", lang, name=names))
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch", key="upload_table")
    if st.button(t("dismiss", lang), key="upload_dismiss"):
        st.session_state.pop("upload_report", None)
        st.rerun()


def _frame(rows: list[dict], columns: list[str]):
    import pandas as pd

    return pd.DataFrame([{c: r.get(c, "") for c in columns} for r in rows], columns=columns, dtype="string")


def _rows(df) -> list[dict]:
    return [
        {k: ("" if v is None or (isinstance(v, float) and v != v) else str(v)) for k, v in r.items()}
        for r in df.to_dict("records")
    ]


def _edit_panel(folder: str, stamp: Stamp, lang: str) -> None:
    gen = st.session_state.get("_edit_gen", 0)
    # Edits stay against the data as it was when editing began: a save by someone else
    # meanwhile is then a conflict the user is told about, not a silent re-base.
    held = st.session_state.get("_edit_base")
    if not held or held[0] != (folder, gen):
        actors0, relations0, sources0, base = _editable(folder, stamp)
        a_cols = list(dict.fromkeys([*ACTOR_COLUMNS, *(k for r in actors0 for k in r)]))
        r_cols = list(dict.fromkeys([*RELATION_COLUMNS, *(k for r in relations0 for k in r)]))
        # The tables as the editors show them, built once per editing round, not on every rerun.
        held = ((folder, gen), (actors0, relations0, sources0, base), (_frame(actors0, a_cols), _frame(relations0, r_cols)))
        st.session_state["_edit_base"] = held
    (actors0, relations0, sources0, base), (frame_a, frame_r) = held[1], held[2]
    curated = store.is_curated(folder)
    st.caption(t("edit_intro_curated" if curated else "edit_intro", lang))
    st.markdown(f"**{t('actors', lang)}**")
    actors_df = st.data_editor(frame_a, num_rows="dynamic", width="stretch", hide_index=True, key=f"edit_actors_{gen}")
    st.markdown(f"**{t('relations', lang)}**")
    relations_df = st.data_editor(frame_r, num_rows="dynamic", width="stretch", hide_index=True, key=f"edit_relations_{gen}")
    pending_a = st.session_state.setdefault("_pending_actors", [])
    pending_r = st.session_state.setdefault("_pending_relations", [])
    _add_forms(actors0, sources0, lang)
    changes: dict[str, dict[str, list]] = {}
    problems: list = []
    actors, relations = actors0, relations0
    # Diffing and checking every row costs seconds on a big data set: only when something was edited.
    if pending_a or pending_r or not actors_df.equals(frame_a) or not relations_df.equals(frame_r):
        actors, relations = _rows(actors_df) + pending_a, _rows(relations_df) + pending_r
        changes = {
            t("actors", lang): store.diff(_rows(frame_a), actors, store.ACTOR_KEY),
            t("relations", lang): store.diff(_rows(frame_r), relations, store.RELATION_KEY),
        }
        _, problems = store.check_edits(actors, relations, sources0 or None, curated=curated)
    n_changes = sum(len(v) for d in changes.values() for v in d.values())
    errors = [p for p in problems if p.severity == "error"]
    if n_changes:
        st.markdown(f"**{t('changes', lang)}**")
        st.dataframe(
            [
                {t("table", lang): table, t("change", lang): t(f"change_{kind}", lang), t("row", lang): _describe_row(item)}
                for table, d in changes.items()
                for kind, items in d.items()
                for item in items
            ],
            hide_index=True,
            width="stretch",
            key="edit_changes",
        )
    if problems and n_changes:
        st.markdown(f"**{t('check', lang)}**")
        st.dataframe(_problem_rows(problems), hide_index=True, width="stretch", key="edit_problems")
    c1, c2, c3 = st.columns(3)
    if c1.button(t("save", lang, n=n_changes), key="edit_save", type="primary", disabled=not n_changes or bool(errors)):
        try:
            store.save(folder, actors, relations, base=base, curated=curated)
        except store.ConflictError as exc:
            st.session_state["edit_msg"] = (
                "error",
                t("conflict", lang, files=", ".join(getattr(exc, "files", []) or []) or str(exc)),
            )
        except DataError as exc:
            st.session_state["edit_msg"] = ("error", "; ".join(str(p) for p in exc.errors[:5]))
        else:
            st.session_state["edit_msg"] = ("success", t("saved", lang, n=n_changes))
            _reset_edits(gen)
        st.rerun()
    if c2.button(t("undo_save", lang), key="edit_undo", disabled=not store.backups(folder)):
        try:
            store.undo_last_save(folder, base)
            st.session_state["edit_msg"] = ("success", t("undone", lang))
            _reset_edits(gen)
        except store.ConflictError as exc:
            st.session_state["edit_msg"] = (
                "error",
                t("conflict", lang, files=", ".join(getattr(exc, "files", []) or []) or str(exc)),
            )
        except store.NothingToUndoError:
            st.session_state["edit_msg"] = ("error", t("nothing_to_undo", lang))
        st.rerun()
    if c3.button(t("discard", lang), key="edit_discard", disabled=not n_changes):
        _reset_edits(gen)
        st.rerun()
    msg = st.session_state.pop("edit_msg", None)
    if msg:
        (st.success if msg[0] == "success" else st.error)(msg[1])
    ds = _load(folder, stamp)
    d1, d2 = st.columns(2)
    d1.download_button(
        t("download_workbook", lang),
        data=lambda: write_workbook(ds),
        file_name="stakeholder-data.xlsx",
        on_click="ignore",
        key="dl_workbook",
    )
    d2.download_button(
        t("download_kumu", lang),
        data=lambda: write_kumu(ds, lang=lang),
        file_name="stakeholder-data-kumu.xlsx",
        on_click="ignore",
        key="dl_kumu",
    )


def _reset_edits(gen: int) -> None:
    # A new editor key starts the tables afresh from the files on disk.
    st.session_state["_edit_gen"] = gen + 1
    st.session_state["_pending_actors"] = []
    st.session_state["_pending_relations"] = []


def _add_forms(actors: list[dict], sources: list[dict], lang: str) -> None:
    """Forms that add one actor or one relation to the pending changes (for those who prefer forms to tables)."""
    ids = [a["id"] for a in actors] + [a["id"] for a in st.session_state["_pending_actors"]]
    f1, f2 = st.columns(2)
    with f1.form("add_actor", clear_on_submit=True, border=True):
        st.markdown(f"**{t('add_actor', lang)}**")
        aid = st.text_input("id", key="fa_id")
        name = st.text_input(t("name", lang), key="fa_name")
        atype = st.selectbox(t("type", lang), list(vocab.ACTOR_TYPES), format_func=lambda k: vocab.label(k, lang), key="fa_type")
        country = st.text_input(t("country", lang), key="fa_country")
        description = st.text_input(t("description", lang), key="fa_description")
        if st.form_submit_button(t("add", lang)):
            if not aid.strip() or not name.strip():
                st.error(t("need_id_name", lang))
            elif aid.strip() in ids:
                st.error(t("id_taken", lang, id=aid.strip()))
            else:
                row = {
                    "id": aid.strip(),
                    "name": name.strip(),
                    "type": atype,
                    "country": country.strip(),
                    "description": description.strip(),
                }
                st.session_state["_pending_actors"].append(row)
    with f2.form("add_relation", clear_on_submit=True, border=True):
        st.markdown(f"**{t('add_relation', lang)}**")
        src = st.selectbox(t("from", lang), ids, key="fr_source")
        dst = st.selectbox(t("to", lang), ids, key="fr_target")
        rtype = st.selectbox(
            t("relation", lang), list(vocab.RELATION_TYPES), format_func=lambda k: vocab.label(k, lang, "relation"), key="fr_type"
        )
        date = st.text_input(t("date", lang) + " (YYYY[-MM[-DD]])", key="fr_date")
        doc = st.selectbox(t("document", lang), [""] + [s["id"] for s in sources], key="fr_doc")
        evidence = st.text_input(t("quote", lang), key="fr_evidence", max_chars=250)
        if st.form_submit_button(t("add", lang)):
            row = {
                "source": src,
                "target": dst,
                "type": rtype,
                "date": date.strip(),
                "source_doc": doc,
                "evidence": evidence.strip(),
            }
            st.session_state["_pending_relations"].append(row)


def _describe_row(item: dict) -> str:
    row = item.get("new", item)
    if "id" in row:
        return f"{row.get('id', '')} · {row.get('name', '')}" + (f" ({', '.join(item['columns'])})" if "columns" in item else "")
    text = f"{row.get('source', '')} → {row.get('target', '')} · {row.get('type', '')}"
    return text + (f" ({', '.join(item['columns'])})" if "columns" in item else "")


@st.cache_data(show_spinner=False, max_entries=32)
def _ranking(folder: str, stamp: Stamp, state_json: str, metric: str, lang: str) -> list[dict]:
    return ranking(_result(folder, stamp, state_json).graph, metric, lang=lang)


# ---------------------------------------------------------------- widgets


def _init_from_url(G: nx.MultiDiGraph) -> list[str]:
    """On a new session, put the URL's view into the widgets once; return notes on what it named that is gone."""
    if st.session_state.get("_initialised"):
        return []
    state = ViewState.from_query({k: st.query_params.get_all(k) for k in st.query_params})
    notes = apply_view(G, state).notes
    if G.number_of_nodes() > OVERVIEW_THRESHOLD and "overview" not in st.query_params:
        state.overview = "type"  # a very big map opens on its groups, which the browser draws quickly
    for key in ("focus", "path_from", "path_to"):
        try:
            value = resolve_actor(G, getattr(state, key)) if getattr(state, key) else ""
        except UnknownActorError:
            value = ""
        setattr(state, key, value)
    for key, value in state.__dict__.items():
        st.session_state[f"w_{key}"] = value
    st.session_state["_initialised"] = True
    return notes


def _keep(key: str, options: list) -> None:
    """Drop widget values that are not among its options (data changed, or an old link)."""
    value = st.session_state.get(key)
    if isinstance(value, list):
        st.session_state[key] = [v for v in value if v in options]
    elif value is not None and value not in options:
        st.session_state[key] = options[0] if options else None


def _state_from_widgets() -> ViewState:
    data = {k[2:]: v for k, v in st.session_state.items() if isinstance(k, str) and k.startswith("w_")}
    return ViewState.from_dict({k: v for k, v in data.items() if v is not None})


def _sync_url(state: ViewState, extra: dict[str, str] | None = None) -> None:
    wanted = {**state.to_query(), **(extra or {})}
    current = {
        k: (v if len(v := st.query_params.get_all(k)) > 1 or isinstance(wanted.get(k), list) else v[0]) for k in st.query_params
    }
    if current != wanted:
        st.query_params.from_dict(wanted)


def _sidebar(G: nx.MultiDiGraph, ds: Dataset, lang: str) -> None:
    sb = st.sidebar
    names = {n: str(a.get("name", n)) for n, a in G.nodes(data=True)}
    actors_sorted = sorted(G.nodes, key=lambda n: names[n].casefold())

    def actor_label(n: str) -> str:
        return f"{names.get(n, n)} · {vocab.label(G.nodes[n].get('type', ''), lang)}" if n in G else n

    def pick_many(key: str, options: list, format_func: Callable[[Any], str] = str) -> None:
        # Nothing chosen means all of them.
        _keep(f"w_{key}", options)
        st.multiselect(t(key, lang), options, format_func=format_func, key=f"w_{key}", placeholder=t("all", lang))

    def pick_actor(key: str, label: str) -> None:
        _keep(f"w_{key}", [""] + actors_sorted)
        st.selectbox(t(label, lang), [""] + actors_sorted, format_func=lambda n: actor_label(n) if n else "—", key=f"w_{key}")

    edge_types = {e.get("type") for *_, e in G.edges(data=True)}
    present_r = [k for k in vocab.RELATION_TYPES if k in edge_types]
    with sb.expander(t("filters", lang), expanded=False):
        node_types = {a.get("type") for _, a in G.nodes(data=True)}
        pick_many("actor_types", [k for k in vocab.ACTOR_TYPES if k in node_types], lambda k: vocab.label(k, lang))
        pick_many("relation_types", present_r, lambda k: vocab.label(k, lang, "relation"))
        pick_many("countries", sorted({a.get("country", "") for _, a in G.nodes(data=True)} - {""}))
        pick_many("sectors", sorted({a.get("sector", "") for _, a in G.nodes(data=True)} - {""}))
        titles = {s["id"]: f"{s.get('title') or s['id']} ({s.get('date', '')})" for s in ds.sources}
        pick_many("source_docs", list(titles), lambda d: titles.get(d, d))
        years = sorted({e.get("date", "")[:4] for *_, e in G.edges(data=True) if e.get("date")})
        if len(years) > 1:
            lo, hi = st.session_state.get("w_date_from") or years[0], st.session_state.get("w_date_to") or years[-1]
            lo, hi = (lo[:4] if lo[:4] in years else years[0]), (hi[:4] if hi[:4] in years else years[-1])
            picked = st.select_slider(t("date_range", lang), options=years, value=(lo, hi), key="date_slider")
            st.session_state["w_date_from"] = "" if picked[0] == years[0] else picked[0]
            st.session_state["w_date_to"] = "" if picked[1] == years[-1] else picked[1]
        themes = sorted((n for n, a in G.nodes(data=True) if a.get("type") == "theme"), key=lambda n: names[n].casefold())
        pick_many("themes", themes, lambda n: names.get(n, n))

    with sb.expander(t("focus", lang), expanded=bool(st.session_state.get("w_focus"))):
        pick_actor("focus", "focus_actor")
        st.slider(t("hops", lang), 1, 3, key="w_hops")
        st.radio(
            t("others", lang), ["hide", "dim"], format_func=lambda v: t(f"others_{v}", lang), key="w_focus_mode", horizontal=True
        )

    with sb.expander(t("path", lang), expanded=bool(st.session_state.get("w_path_from"))):
        pick_actor("path_from", "path_from")
        pick_actor("path_to", "path_to")
        st.checkbox(t("path_via_stances", lang), key="w_path_via_stances", help=t("path_via_stances_help", lang))
        pick_many("path_relation_types", present_r, lambda k: vocab.label(k, lang, "relation"))

    with sb.expander(t("appearance", lang), expanded=False):
        st.radio(
            t("color_by", lang),
            ["type", "community"],
            format_func=lambda v: t(f"color_{v}", lang),
            key="w_color_by",
            horizontal=True,
        )
        st.selectbox(
            t("size_by", lang),
            ["", *METRICS],
            format_func=lambda m: t(f"metric_{m}" if m else "size_none", lang),
            key="w_size_by",
        )
        st.toggle(t("physics", lang), key="w_physics", help=t("physics_help", lang))
        st.text_input(t("title", lang), key="w_title", max_chars=120)
        st.selectbox(
            t("overview", lang),
            ["", "type", "community", "country"],
            format_func=lambda v: t(f"overview_{v or 'off'}", lang),
            key="w_overview",
            help=t("overview_help", lang),
        )
        if st.session_state.get("w_overview"):
            st.multiselect(
                t("expanded", lang),
                st.session_state.get("w_expanded") or [],
                key="w_expanded",
                placeholder=t("expanded_hint", lang),
            )


def _apply_state(state: ViewState) -> None:
    """Put a state into the widgets (used as a callback, before widgets are built)."""
    for key, value in state.__dict__.items():
        st.session_state[f"w_{key}"] = value
    for key in ("date_slider",):
        st.session_state.pop(key, None)


def _load_view_cb(folder: str) -> None:
    name = st.session_state.get("view_pick")
    if not name:
        return
    try:
        _apply_state(load_view(default_views_dir(folder), name))
        st.session_state["view_msg"] = ("success", t("view_loaded", st.session_state.get("w_lang") or "en", name=name))
    except (FileNotFoundError, ValueError) as exc:
        st.session_state["view_msg"] = ("error", str(exc))


def _views_panel(folder: str, state: ViewState, lang: str) -> None:
    vdir = default_views_dir(folder)
    names = list_views(vdir) if vdir.is_dir() else []
    with st.sidebar.expander(t("saved_views", lang), expanded=False):
        msg = st.session_state.pop("view_msg", None)
        if msg:
            (st.success if msg[0] == "success" else st.error)(msg[1])
        if names:
            st.selectbox(t("view", lang), names, key="view_pick")
            st.button(t("load", lang), on_click=_load_view_cb, args=(folder,), key="view_load", width="stretch")
        else:
            st.caption(t("no_views", lang))
        if _read_only():
            return
        new = st.text_input(t("view_name", lang), key="view_new_name", max_chars=80)
        if st.button(t("save_view", lang), key="view_save", disabled=not new.strip(), width="stretch"):
            try:
                save_view(
                    vdir,
                    new.strip(),
                    dataclasses.replace(state, title=state.title or new.strip()),
                    overwrite=new.strip() in names,
                )
                st.session_state["view_msg"] = ("success", t("view_saved", lang, name=new.strip()))
            except (ValueError, FileExistsError, OSError) as exc:
                st.session_state["view_msg"] = ("error", str(exc))
            st.rerun()
        if names:
            renamed = st.text_input(t("rename_to", lang), key="view_rename_to", max_chars=80)
            c1, c2 = st.columns(2)
            if c1.button(t("rename", lang), key="view_rename", disabled=not renamed.strip()):
                try:
                    rename_view(vdir, st.session_state["view_pick"], renamed.strip())
                    st.session_state["view_msg"] = ("success", t("view_renamed", lang, name=renamed.strip()))
                except (ValueError, FileExistsError, FileNotFoundError, OSError) as exc:
                    st.session_state["view_msg"] = ("error", str(exc))
                st.rerun()
            if c2.button(t("delete", lang), key="view_delete"):
                try:
                    delete_view(vdir, st.session_state["view_pick"])
                    st.session_state["view_msg"] = ("success", t("view_deleted", lang, name=st.session_state["view_pick"]))
                except (ValueError, FileNotFoundError, OSError) as exc:
                    st.session_state["view_msg"] = ("error", str(exc))
                st.rerun()


def _export_panel(folder: str, stamp: Stamp, state: ViewState, lang: str) -> None:
    with st.sidebar.expander(t("export", lang), expanded=False):
        fmt = st.selectbox(t("format", lang), list(FORMATS), format_func=lambda f: t(f"fmt_{f}", lang), key="export_format")
        dpi = 300 if fmt == "png" and st.checkbox(t("print_quality", lang), key="export_print") else None
        state_json = state.to_json()
        st.download_button(
            t("download", lang),
            data=lambda: _snapshot_bytes(folder, stamp, state_json, fmt, dpi),
            file_name=f"stakeholder-map.{'zip' if fmt == 'csv' else fmt}",
            mime=MEDIA_TYPES.get(fmt),
            on_click="ignore",
            key="export_download",
            width="stretch",
        )
        vdir = default_views_dir(folder)
        names = tuple(list_views(vdir)) if vdir.is_dir() else ()
        if names:
            st.download_button(
                t("download_deck", lang, n=len(names)),
                data=lambda: _deck_bytes(folder, stamp, names),
                file_name="stakeholder-views.pptx",
                mime=MEDIA_TYPES.get("pptx"),
                on_click="ignore",
                key="export_deck",
                width="stretch",
            )


def _step_slide(delta: int) -> None:
    names = st.session_state.get("_slides") or []
    if not names:
        return
    i = (st.session_state.get("slide", 0) + delta) % len(names)
    st.session_state["slide"] = i
    try:
        st.session_state["_present_state"] = load_view(default_views_dir(st.session_state.get("_folder", "")), names[i])
    except (FileNotFoundError, ValueError):
        st.session_state["_present_state"] = ViewState(title=names[i])


def _bridge_event() -> None:
    value = (st.session_state.get("map_bridge") or {}).get("step")
    if value in ("next", "prev") and st.session_state.get("presenting"):
        _step_slide(1 if value == "next" else -1)


def _select_from_map() -> None:
    value = (st.session_state.get("map_bridge") or {}).get("selected")
    if value and str(value).startswith("group:"):
        # Clicking a group in the overview opens it into its actors.
        opened = list(st.session_state.get("w_expanded") or [])
        if value not in opened:
            st.session_state["w_expanded"] = [*opened, value]
    elif value:
        st.session_state["profile_actor"] = value


def _profile(G: nx.MultiDiGraph, lang: str) -> None:
    names = {n: str(a.get("name", n)) for n, a in G.nodes(data=True)}
    options = [""] + sorted(G.nodes, key=lambda n: names[n].casefold())
    if st.session_state.get("profile_actor") not in options:
        st.session_state["profile_actor"] = ""
    actor = st.selectbox(
        t("profile_of", lang), options, format_func=lambda n: names.get(n, "—") if n else "—", key="profile_actor"
    )
    if not actor:
        st.caption(t("profile_hint", lang))
        return
    p = actor_profile(G, actor, lang=lang)
    st.subheader(p["name"], anchor=False)
    facts = [(t("type", lang), p["type_label"]), (t("country", lang), p["country"]), (t("sector", lang), p["sector"])]
    if p["aliases"]:
        facts.append((t("aliases", lang), ", ".join(p["aliases"])))
    st.markdown("  \n".join(f"**{_md(k)}:** {_md(str(v))}" for k, v in facts if v))
    if p["description"]:
        st.text(p["description"])
    st.dataframe(
        [{t("metric", lang): _metric_label(k, lang), t("value", lang): v} for k, v in p["metrics"].items()],
        hide_index=True,
        width="stretch",
    )
    sources = G.graph.get("sources", {})
    for label, key in (
        (t("documents_written", lang), "documents_written"),
        (t("documents_received", lang), "documents_received"),
    ):
        if p[key]:
            st.markdown(f"**{label}**")
            st.dataframe(
                [{"id": d, t("document", lang): sources.get(d, {}).get("title", d)} for d in p[key]],
                hide_index=True,
                width="stretch",
            )
    for rel_label, rows in p["relations"].items():
        st.markdown(f"**{_md(rel_label)}** ({len(rows)})")
        st.dataframe(
            [
                {
                    t("with", lang): r["other_name"],
                    "": {"out": "→", "in": "←", "mutual": "↔"}.get(r["direction"], ""),
                    t("date", lang): r["date"],
                    t("document", lang): r["source_doc"],
                    t("quote", lang): r["evidence"],
                }
                for r in rows
            ],
            hide_index=True,
            width="stretch",
        )


def _metric_label(key: str, lang: str) -> str:
    # analysis calls the raw neighbour count "degree" and the normalised one "degree_centrality".
    return t({"degree": "metric_neighbours", "degree_centrality": "metric_degree"}.get(key, f"metric_{key}"), lang)


def _md(text: str) -> str:
    """Escape markdown so data shows as the characters it is."""
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!|<>~$" else c for c in text)


def _show_problems(exc: DataError, lang: str) -> None:
    st.error(t("data_problems", lang))
    st.dataframe(
        [
            {"file": p.file, "line": p.line, "column": p.column, "problem": p.message, "severity": p.severity}
            for p in exc.problems
        ],
        hide_index=True,
        width="stretch",
    )


def _paths_panel(G: nx.MultiDiGraph, state: ViewState, paths: list[list[Hop]], lang: str) -> None:
    if not (state.path_from and state.path_to):
        st.caption(t("path_hint", lang))
        return
    a, b = G.nodes[state.path_from].get("name", state.path_from), G.nodes[state.path_to].get("name", state.path_to)
    if not paths:
        st.warning(t("no_path", lang, a=a, b=b))
        return
    st.success(t("paths_found", lang, n=len(paths), hops=len(paths[0]), a=a, b=b))
    sources = G.graph.get("sources", {})
    rows = []
    name = lambda n: str(G.nodes[n].get("name", n))  # noqa: E731
    for i, p in enumerate(paths, 1):
        st.markdown(f"**{t('route', lang, i=i)}:** " + " → ".join(_md(name(n)) for n in [p[0].source] + [h.target for h in p]))
        for j, h in enumerate(p, 1):
            for r in h.relations:
                # Listed in the path's order; the arrow says which way the relation itself points.
                if not r.get("directed", True):
                    arrow = "—"
                else:
                    arrow = "→" if r["u"] == h.source else "←"
                rows.append(
                    {
                        t("path", lang): i,
                        t("hop", lang): j,
                        t("from", lang): name(h.source),
                        "": arrow,
                        t("relation", lang): vocab.label(str(r.get("type", "")), lang, "relation"),
                        t("to", lang): name(h.target),
                        t("date", lang): r.get("date", ""),
                        t("document", lang): sources.get(r.get("source_doc", ""), {}).get("title", r.get("source_doc", "")),
                        t("quote", lang): r.get("evidence", ""),
                    }
                )
    st.dataframe(rows, hide_index=True, width="stretch")


def _coalitions_panel(G: nx.MultiDiGraph, lang: str) -> None:
    from network.analysis import communities

    names = {n: str(a.get("name", n)) for n, a in G.nodes(data=True)}
    groups: dict[int, list[str]] = {}
    for n, c in communities(G).items():
        groups.setdefault(c, []).append(names[n])
    st.markdown(f"**{t('communities', lang)}**")
    st.dataframe(
        [
            {
                "#": t("coalition_n", lang, n=c + 1),
                t("size", lang): len(m),
                t("members", lang): ", ".join(sorted(m, key=str.casefold)),
            }
            for c, m in sorted(groups.items())
        ],
        hide_index=True,
        width="stretch",
    )
    sources = G.graph.get("sources", {})
    st.markdown(f"**{t('cosignature', lang)}**")
    st.dataframe(
        [
            {
                t("members", lang): ", ".join(c["names"]),
                t("source_docs", lang): "; ".join(sources.get(d, {}).get("title", d) for d in c["documents"]),
            }
            for c in cosignature_coalitions(G)
        ],
        hide_index=True,
        width="stretch",
    )
    st.markdown(f"**{t('theme_support', lang)}**")
    support = theme_support(G)
    st.dataframe(
        [
            {
                t("themes", lang): names[th],
                t("advocates", lang): len(actors),
                t("members", lang): ", ".join(names[a] for a in actors),
            }
            for th, actors in sorted(support.items(), key=lambda kv: (-len(kv[1]), names[kv[0]].casefold()))
        ],
        hide_index=True,
        width="stretch",
    )


def _language_changed() -> None:
    st.session_state["_relang"] = True


def _start_presenting(folder: str) -> None:
    vdir = default_views_dir(folder)
    names = list_views(vdir) if vdir.is_dir() else []
    st.session_state["_slides"] = names
    # Widgets that are not drawn lose their values, so the views live outside widget keys here.
    st.session_state["_explore_state"] = _state_from_widgets()
    st.session_state["_present_state"] = st.session_state["_explore_state"]
    st.session_state["presenting"] = True
    if names:
        st.session_state["slide"] = -1
        _step_slide(1)


def _stop_presenting() -> None:
    st.session_state["presenting"] = False
    st.session_state.pop("_slides", None)
    st.session_state.pop("_present_state", None)
    _apply_state(st.session_state.pop("_explore_state", None) or ViewState(lang=st.session_state.get("_lang", "en")))


def _present(folder: str, stamp: Stamp, G: nx.MultiDiGraph, lang: str) -> None:
    """Full-screen map for a projector; arrow keys or buttons step through the saved views."""
    st.html(
        "<style>[data-testid=stSidebar],[data-testid=stSidebarCollapsedControl],header,[data-testid=stToolbar]{display:none !important}"
        ".block-container,[data-testid=stMainBlockContainer]{padding:0.5rem 1rem 0 1rem !important;max-width:100% !important}"
        # The map takes the rest of the screen, whatever the projector's resolution.
        "iframe{height:calc(100vh - 70px) !important}</style>"
    )
    if "_slides" not in st.session_state:
        # Opened from a link with present=1.
        vdir = default_views_dir(folder)
        names = list_views(vdir) if vdir.is_dir() else []
        st.session_state["_slides"] = names
        url_state = ViewState.from_query({k: st.query_params.get_all(k) for k in st.query_params})
        st.session_state["_explore_state"] = url_state
        st.session_state["_present_state"] = url_state
        wanted = st.query_params.get("slide")
        if names and wanted in names:
            st.session_state["slide"] = names.index(wanted) - 1
            _step_slide(1)
        elif names and wanted:
            st.session_state["_slide_note"] = t("slide_missing", lang, name=wanted)
            st.session_state["slide"] = -1
            _step_slide(1)
    names = st.session_state["_slides"]
    state = st.session_state.get("_present_state") or ViewState(lang=lang)
    slide = st.session_state.get("slide", 0) if names else 0
    title = state.title or (names[slide] if names else t("app_title", state.lang))
    state = dataclasses.replace(state, title=title)
    lang = state.lang
    _sync_url(state, {"present": "1", **({"slide": names[slide]} if names else {})})
    c1, c2, c3, c4 = st.columns([1, 1, 6, 1.2], vertical_alignment="center")
    c1.button("◀", key="slide_prev", on_click=_step_slide, args=(-1,), disabled=len(names) < 2, help=t("previous", lang))
    c2.button("▶", key="slide_next", on_click=_step_slide, args=(1,), disabled=len(names) < 2, help=t("next", lang))
    c3.caption(t("slide_n", lang, i=slide + 1, n=len(names), name=names[slide]) if names else t("no_views_present", lang))
    c4.button(t("exit_present", lang), key="present_off", on_click=_stop_presenting)
    if st.session_state.get("_slide_note"):
        st.info(st.session_state.pop("_slide_note"))
    st.iframe(_html(folder, stamp, state.to_json(), presenting=True), height=820)
    _bridge(key="map_bridge", on_selected_change=lambda: None, on_step_change=_bridge_event, height=0)


def main() -> None:
    st.set_page_config(page_title="Stakeholder Network Explorer", layout="wide")
    lang = st.session_state.get("w_lang") or st.query_params.get("lang", "en")
    lang = lang if lang in vocab.LANGUAGES else "en"
    folder = _data_dir()
    stamp = _stamp(folder)
    try:
        ds = _load(folder, stamp)
    except DataError as exc:
        st.title(t("app_title", lang), anchor=False)
        _upload_report(lang)
        _show_problems(exc, lang)
        _upload_panel(lang)
        return
    G = _graph(folder, stamp)
    url_notes = _init_from_url(G)
    if st.session_state.pop("_relang", False) and st.session_state.get("_last_state"):
        # Labels change with the language, which makes Streamlit rebuild the widgets; put the view back.
        _apply_state(dataclasses.replace(st.session_state["_last_state"], lang=lang))
    if "presenting" not in st.session_state:
        st.session_state["presenting"] = st.query_params.get("present") == "1"
    st.session_state["_lang"] = lang
    st.session_state["_folder"] = folder
    if st.session_state["presenting"]:
        _present(folder, stamp, G, lang)
        return
    st.sidebar.segmented_control(
        t("language", lang),
        list(vocab.LANGUAGES),
        format_func=lambda v: {"en": "English", "nl": "Nederlands"}[v],
        key="w_lang",
        required=True,
        on_change=_language_changed,
    )
    lang = st.session_state.get("w_lang") or "en"
    st.sidebar.button(
        t("present", lang),
        key="present_on",
        on_click=_start_presenting,
        args=(folder,),
        icon=":material/slideshow:",
        width="stretch",
    )
    st.title(t("app_title", lang), anchor=False)
    _sidebar(G, ds, lang)
    state = _state_from_widgets()
    st.session_state["_last_state"] = state
    _sync_url(state)
    _views_panel(folder, state, lang)
    _export_panel(folder, stamp, state, lang)
    _upload_panel(lang)
    _upload_report(lang)
    state_json = state.to_json()
    result = _result(folder, stamp, state_json)

    for note in url_notes + [n for n in result.notes if n not in url_notes]:
        st.info(note)
    st.caption(result.caption)
    if ds.warnings:
        with st.expander(f"{t('data_warnings', lang)} ({len(ds.warnings)})"):
            st.dataframe(
                [{"file": p.file, "line": p.line, "column": p.column, "warning": p.message} for p in ds.warnings], hide_index=True
            )

    map_col, side_col = st.columns([3, 1], gap="small")
    with map_col:
        st.iframe(_html(folder, stamp, state_json), height=740)
        _bridge(key="map_bridge", on_selected_change=_select_from_map, on_step_change=lambda: None, height=0)
    with side_col, st.container(height=740, border=False):
        _profile(G, lang)

    labels = [t("path", lang), t("brokers", lang), t("coalitions", lang)] + ([] if _read_only() else [t("edit_data", lang)])
    tab_path, tab_rank, tab_coal, *tab_edit = st.tabs(labels)
    if tab_edit:
        with tab_edit[0]:
            _edit_panel(folder, stamp, lang)
    with tab_path:
        _paths_panel(G, state, result.paths, lang)
    with tab_rank:
        metric = st.selectbox(
            t("rank_by", lang), list(METRICS), index=1, format_func=lambda m: t(f"metric_{m}", lang), key="rank_metric"
        )
        rows = _ranking(folder, stamp, state_json, metric, lang)
        columns = ["id", "name", "type", "degree", "degree_centrality", "betweenness", "eigenvector", "pagerank"]
        headers = {c: _metric_label(c, lang) if c not in ("id", "name", "type") else t(c, lang) for c in columns}
        st.dataframe([{headers[c]: r.get(c) for c in columns} for r in rows], hide_index=True, width="stretch")
        st.download_button(t("download_csv", lang), csv_text(rows, columns), file_name=f"ranking-{metric}.csv", mime="text/csv")
    with tab_coal:
        _coalitions_panel(result.graph, lang)


main()
