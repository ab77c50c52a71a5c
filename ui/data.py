"""The data behind every panel, cached: loading, the graph, positions, applied views, pages, exports."""

from __future__ import annotations

import json
from collections.abc import Hashable
from pathlib import Path

import networkx as nx
import streamlit as st

from network import build_graph, load_dataset, rights, store
from network.analysis import ranking
from network.cache import per_graph
from network.io.folder import default_data_dir
from network.model import FILES, Dataset
from network.positions import load_positions
from network.presentation.export import export_bytes, make_snapshot, views_deck
from network.presentation.update import MapView
from network.presentation.update import map_view as _map_view
from network.view import ViewResult, ViewState, apply_view
from network.views import default_views_dir

from . import keys

Stamp = tuple[tuple[str, float, int], ...]


@per_graph
def actors(G: nx.MultiDiGraph) -> tuple[dict[Hashable, str], list[Hashable]]:
    """Each actor's name, and the actors sorted by name: worked out once per graph, though the
    sidebar and the profile panel ask on every rerun (10,000 names sorted each time, otherwise)."""
    names = {n: str(a.get("name", n)) for n, a in G.nodes(data=True)}
    return names, sorted(G.nodes, key=lambda n: names[n].casefold())


def data_dir() -> str:
    """An upload lives in a folder this session made; otherwise $NETWORK_DATA_DIR or data/."""
    uploaded = st.session_state.get(keys.UPLOAD_DIR)
    if uploaded and Path(uploaded).is_dir():
        return uploaded
    return str(default_data_dir())


def stamp(folder: str) -> Stamp:
    """Reload when a CSV changes on disk, even though loading is cached."""
    out = []
    for name in (*FILES, "positions.csv"):
        p = Path(folder) / name
        s = p.stat() if p.exists() else None
        out.append((name, s.st_mtime if s else 0.0, s.st_size if s else -1))
    return tuple(out)


@st.cache_resource(show_spinner=False, max_entries=8)
def dataset(folder: str, stamp: Stamp) -> Dataset:
    # Shared, read-only (as the graph): a copy per call, as st.cache_data makes, cost 35 ms a run at 10,000 actors.
    return load_dataset(folder)


@st.cache_resource(show_spinner=False, max_entries=8)
def graph(folder: str, stamp: Stamp) -> nx.MultiDiGraph:
    # Shared, read-only: nothing below mutates the full graph.
    return build_graph(dataset(folder, stamp))


@st.cache_resource(show_spinner=False, max_entries=8)
def placed(folder: str, stamp: Stamp) -> tuple[dict, list]:
    # The data folder's positions (positions.csv; new actors beside their neighbours), and
    # the problems reading that file: the same map at every meeting, whatever the filter.
    return load_positions(graph(folder, stamp), folder)


def positions(folder: str, stamp: Stamp) -> dict:
    return placed(folder, stamp)[0]


@st.cache_resource(show_spinner=False, max_entries=64)
def result(folder: str, stamp: Stamp, state_json: str, log_for: rights.Access | None = None) -> ViewResult:
    """One filter/focus/path computation per distinct view; shared, read-only.

    ``log_for``: an editor's access, for a view drawn by last contact (``ViewState.contact_by``):
    the engagement log is read through ``network.rights``, which refuses anyone else.
    """
    state = ViewState.from_dict(json.loads(state_json))
    log = rights.engagement_log(dataset(folder, stamp), log_for) if log_for is not None and state.contact_by else None
    return apply_view(graph(folder, stamp), state, engagements=log)


def log_access(state_json: str) -> rights.Access | None:
    """The session's access when the view is drawn by last contact and the session may read the log, else None."""
    from .auth import access

    if not json.loads(state_json).get("contact_by"):
        return None
    who = access()
    return who if rights.may_edit(who) else None


@st.cache_resource(show_spinner=False, max_entries=64)
def map_view(folder: str, stamp: Stamp, state_json: str, presenting: bool, log_for: rights.Access | None = None) -> MapView:
    """The view ``state_json`` as the map component draws it (``log_for``: see ``result``); shared, read-only."""
    return _map_view(
        graph(folder, stamp),
        result(folder, stamp, state_json, log_for),
        presenting=presenting,
        positions=positions(folder, stamp),
    )


@st.cache_data(show_spinner=False, max_entries=16)
def snapshot_bytes(folder: str, stamp: Stamp, state_json: str, fmt: str, dpi: int | None) -> bytes:
    snap = make_snapshot(graph(folder, stamp), ViewState.from_dict(json.loads(state_json)), positions=positions(folder, stamp))
    return export_bytes(snap, fmt, dpi=dpi)


@st.cache_data(show_spinner=False, max_entries=4)
def deck_bytes(folder: str, stamp: Stamp, names: tuple[str, ...], lang: str) -> bytes:
    # The deck ends with the asks table: who is for and against what, in the same language.
    deck, _ = views_deck(
        graph(folder, stamp), default_views_dir(folder), names, lang=lang, positions=positions(folder, stamp), with_asks=True
    )
    return deck


@st.cache_data(show_spinner=False, max_entries=4)
def editable(folder: str, stamp: Stamp) -> tuple[list[dict], list[dict], list[dict], dict[str, str]]:
    # store.load returns the base a save checks against, read under the same lock.
    ds, base = store.load(folder)
    return ds.actors, ds.relations, ds.sources, base


@st.cache_data(show_spinner=False, max_entries=32)
def ranked(folder: str, stamp: Stamp, state_json: str, metric: str, lang: str) -> list[dict]:
    return ranking(result(folder, stamp, state_json).graph, metric, lang=lang)


def documents_dir() -> str | None:
    """``$NETWORK_DOCUMENTS_DIR``: where the source documents are, to mark the quotes found in them."""
    import os

    folder = os.environ.get("NETWORK_DOCUMENTS_DIR")
    return folder if folder and Path(folder).is_dir() else None


@st.cache_data(show_spinner=False, max_entries=4)
def verified(folder: str, stamp: Stamp, documents: str | None) -> frozenset[str]:
    """Keys of the relations whose quote was found in its document (empty without documents)."""
    if not documents:
        return frozenset()
    from network.verify import verified_quotes

    return frozenset(verified_quotes(dataset(folder, stamp), documents))
