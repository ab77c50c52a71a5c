"""The data behind every panel, cached: loading, the graph, positions, applied views, pages, exports."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Hashable
from pathlib import Path

import networkx as nx
import streamlit as st

from network import build_graph, load_dataset, store
from network import vocabulary as vocab
from network.analysis import ranking
from network.cache import per_graph
from network.io.folder import default_data_dir
from network.model import FILES, Dataset
from network.overview import OVERVIEW_THRESHOLD
from network.positions import load_positions
from network.presentation.export import export_bytes, make_snapshot, views_deck
from network.presentation.render import (
    ALT_TITLES_UP_TO,
    language_alternative,
    live_context,
    live_page,
    map_update,
    with_alt_titles,
)
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
def result(folder: str, stamp: Stamp, state_json: str) -> ViewResult:
    # Shared, read-only: one filter/focus/path computation per distinct view.
    return apply_view(graph(folder, stamp), ViewState.from_dict(json.loads(state_json)))


# The map that stays mounted (issue 13): one page per data version, mode and language (the
# shell, drawn from the view a new session opens on), and per view what differs from it.


def _base_state(G: nx.MultiDiGraph, lang: str) -> str:
    # What a session opens on without a link: the whole map, or its groups when it is very big.
    return ViewState(lang=lang, overview="type" if G.number_of_nodes() > OVERVIEW_THRESHOLD else "").to_json()


@st.cache_resource(show_spinner=False, max_entries=8)
def shell(folder: str, stamp: Stamp, presenting: bool, lang: str) -> tuple[str, dict, str]:
    """(id, context, page) of the map page that later views are applied to; shared, read-only."""
    G = graph(folder, stamp)

    def base_in(lang: str) -> dict:
        return live_context(
            G, result(folder, stamp, _base_state(G, lang)), presenting=presenting, positions=positions(folder, stamp)
        )

    # The page switches language by itself (the other languages are built only for a page that carries them).
    base = with_alt_titles(base_in(lang), (base_in(other) for other in vocab.LANGUAGES if other != lang))
    shell_id = f"{hashlib.sha1(repr((folder, stamp)).encode()).hexdigest()[:12]}-{'present' if presenting else 'explore'}-{lang}"
    return shell_id, base, live_page(base, shell_id)


@st.cache_resource(show_spinner=False, max_entries=64)
def update(folder: str, stamp: Stamp, state_json: str, presenting: bool, lang: str) -> dict:
    """What the shell (in ``lang``) needs to show the view ``state_json``: plain JSON data; shared, read-only."""
    shell_id, base, _ = shell(folder, stamp, presenting, lang)
    view = live_context(
        graph(folder, stamp), result(folder, stamp, state_json), presenting=presenting, positions=positions(folder, stamp)
    )
    return map_update(base, view, shell_id)


# Up to this many actors and relations in a view's update its other language is worked out (the
# same bound as the page's carried tooltips): above it, a switch would send every tooltip again.
LANGUAGES_OFFERED_UP_TO = ALT_TITLES_UP_TO


@st.cache_resource(show_spinner=False, max_entries=32)
def alternatives(folder: str, stamp: Stamp, state_json: str, lang: str) -> dict:
    """What the explore map's view ``state_json`` changes in each other language (``language_alternative``).

    The map's page (in ``lang``) switches language with it by itself. Empty where that would
    not be small: a page that does not carry the other language's tooltips, a map that draws
    its own edge layer (every tooltip of it would go again), or a view far from the page's
    base (the overview of a very big map opened into its actors).
    """
    main = update(folder, stamp, state_json, False, lang)
    carried = shell(folder, stamp, False, lang)[1].get("alt_titles")
    if not carried or main["layer"] is not None or len(main["nodes"]) + len(main["edges"]) > LANGUAGES_OFFERED_UP_TO:
        return {}
    view = ViewState.from_dict(json.loads(state_json))
    return {
        other: language_alternative(main, update(folder, stamp, dataclasses.replace(view, lang=other).to_json(), False, lang))
        for other in vocab.LANGUAGES
        if other != view.lang and (other in carried or other == lang)
    }


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
