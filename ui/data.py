"""The data behind every panel, cached: loading, the graph, positions, applied views, pages, exports."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import streamlit as st

from network import build_graph, rights
from network.analysis import ranking
from network.cache import per_graph
from network.folder import DataFolder
from network.model import Dataset
from network.presentation.export import export_bytes, make_snapshot, views_deck
from network.presentation.update import MapView
from network.presentation.update import map_view as _map_view
from network.settings import Settings
from network.view import ViewResult, ViewState, apply_view

from . import keys

Graph = nx.MultiDiGraph  # the data's graph, as the panels are handed it


@per_graph
def actors(G: nx.MultiDiGraph) -> tuple[dict[str, str], list[str]]:
    """Each actor's name, and the actors sorted by name: worked out once per graph, though the
    sidebar and the profile panel ask on every rerun (10,000 names sorted each time, otherwise).

    Keyed by the id as text: ids come from the tables, so ``str`` changes none, and the widgets
    and session state that hold them hold text.
    """
    names = {str(n): str(a.get("name", n)) for n, a in G.nodes(data=True)}
    return names, sorted(names, key=lambda n: names[n].casefold())


def folder(settings: Settings | None = None) -> DataFolder:
    """This session's data folder at its version now: an upload lives in a folder the session made;
    otherwise the settings' data folder ($NETWORK_DATA_DIR or data/). ``stat`` calls only, so every
    panel may ask again rather than a folder be kept in the session state.
    """
    uploaded = st.session_state.get(keys.UPLOAD_DIR)
    if uploaded and Path(uploaded).is_dir():
        return DataFolder.open(uploaded)
    return DataFolder.open(settings=settings)


# Each cached function is keyed by the parts of the folder its answer depends on (DataFolder.only):
# saving a view or dragging an actor then rebuilds neither the data nor the graph.


def dataset(folder: DataFolder) -> Dataset:
    return _dataset(folder.only("tables"))


@st.cache_resource(show_spinner=False, max_entries=8)
def _dataset(folder: DataFolder) -> Dataset:
    # Shared, read-only (as the graph): a copy per call, as st.cache_data makes, cost 35 ms a run at 10,000 actors.
    return folder.load()


def graph(folder: DataFolder) -> nx.MultiDiGraph:
    return _graph(folder.only("tables"))


@st.cache_resource(show_spinner=False, max_entries=8)
def _graph(folder: DataFolder) -> nx.MultiDiGraph:
    # Shared, read-only: nothing below mutates the full graph.
    return build_graph(dataset(folder))


def placed(folder: DataFolder) -> tuple[dict, list]:
    """The data folder's positions (positions.csv; new actors beside their neighbours), and the problems
    reading that file: the same map at every meeting, whatever the filter."""
    return _placed(folder.only("tables", "positions"))


@st.cache_resource(show_spinner=False, max_entries=8)
def _placed(folder: DataFolder) -> tuple[dict, list]:
    return folder.positions(graph(folder))


def positions(folder: DataFolder) -> dict:
    return placed(folder)[0]


def result(folder: DataFolder, state_json: str, log_for: rights.Access | None = None) -> ViewResult:
    """One filter/focus/path computation per distinct view; shared, read-only.

    ``log_for``: an editor's access, for a view drawn by last contact (``ViewState.contact_by``):
    the engagement log is read through ``network.rights``, which refuses anyone else.
    """
    return _result(folder.only("tables"), state_json, log_for)


@st.cache_resource(show_spinner=False, max_entries=64)
def _result(folder: DataFolder, state_json: str, log_for: rights.Access | None) -> ViewResult:
    state = ViewState.from_dict(json.loads(state_json))
    log = rights.engagement_log(dataset(folder), log_for) if log_for is not None and state.contact_by else None
    return apply_view(graph(folder), state, engagements=log)


def log_access(state_json: str) -> rights.Access | None:
    """The session's access when the view is drawn by last contact and the session may read the log, else None."""
    from .auth import access

    if not json.loads(state_json).get("contact_by"):
        return None
    who = access()
    return who if rights.may_edit(who) else None


def map_view(folder: DataFolder, state_json: str, presenting: bool, log_for: rights.Access | None = None) -> MapView:
    """The view ``state_json`` as the map component draws it (``log_for``: see ``result``); shared, read-only."""
    return _map_view_of(folder.only("tables", "positions"), state_json, presenting, log_for)


@st.cache_resource(show_spinner=False, max_entries=64)
def _map_view_of(folder: DataFolder, state_json: str, presenting: bool, log_for: rights.Access | None) -> MapView:
    return _map_view(graph(folder), result(folder, state_json, log_for), presenting=presenting, positions=positions(folder))


def snapshot_bytes(folder: DataFolder, state_json: str, fmt: str, dpi: int | None) -> bytes:
    return _snapshot_bytes(folder.only("tables", "positions"), state_json, fmt, dpi)


@st.cache_data(show_spinner=False, max_entries=16)
def _snapshot_bytes(folder: DataFolder, state_json: str, fmt: str, dpi: int | None) -> bytes:
    snap = make_snapshot(graph(folder), ViewState.from_dict(json.loads(state_json)), positions=positions(folder))
    return export_bytes(snap, fmt, dpi=dpi)


def view_names(folder: DataFolder) -> list[str]:
    """The names of the saved views, sorted: a new list each call, read again when a view file changes."""
    return list(_view_names(folder.only("views")))


@st.cache_data(show_spinner=False, max_entries=8)
def _view_names(folder: DataFolder) -> tuple[str, ...]:
    return tuple(folder.list_views())


@st.cache_data(show_spinner=False, max_entries=4)
def deck_bytes(folder: DataFolder, names: tuple[str, ...], lang: str) -> bytes:
    # The deck ends with the asks table: who is for and against what, in the same language. The
    # views are read under the folder's lock, so none is caught halfway through a save.
    with folder.reading():
        deck, _ = views_deck(graph(folder), folder.views_dir, names, lang=lang, positions=positions(folder), with_asks=True)
    return deck


def editable(folder: DataFolder) -> tuple[list[dict], list[dict], list[dict], dict[str, str]]:
    return _editable(folder.only("tables"))


@st.cache_data(show_spinner=False, max_entries=4)
def _editable(folder: DataFolder) -> tuple[list[dict], list[dict], list[dict], dict[str, str]]:
    # The base a save checks against, read under the same lock as the tables.
    ds, base = folder.load_for_edit()
    return ds.actors, ds.relations, ds.sources, base


def ranked(folder: DataFolder, state_json: str, metric: str, lang: str) -> list[dict]:
    return _ranked(folder.only("tables"), state_json, metric, lang)


@st.cache_data(show_spinner=False, max_entries=32)
def _ranked(folder: DataFolder, state_json: str, metric: str, lang: str) -> list[dict]:
    return ranking(result(folder, state_json).graph, metric, lang=lang)


def documents_dir() -> Path | None:
    """Where the source documents are (``Settings.documents_dir``), to mark the quotes found in them; None
    unless it is a folder."""
    folder = Settings.from_env().documents_dir
    return folder if folder is not None and folder.is_dir() else None


def verified(folder: DataFolder, documents: Path | None) -> frozenset[str]:
    """Keys of the relations whose quote was found in its document (empty without documents)."""
    return _verified(folder.only("tables"), documents)


@st.cache_data(show_spinner=False, max_entries=4)
def _verified(folder: DataFolder, documents: Path | None) -> frozenset[str]:
    if not documents:
        return frozenset()
    from network.verify import verified_quotes

    return frozenset(verified_quotes(dataset(folder), documents))
