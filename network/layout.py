"""Deterministic node positions, computed once in Python, and kept in the data folder.

The browser gets fixed x/y coordinates, so the same data and settings always
give the same picture and vis-network needs no physics to settle. igraph's
Fruchterman-Reingold (C code) is used with a seeded random generator; above
``GRID_THRESHOLD`` nodes its grid variant keeps it near-linear. Each part is
stretched to the shape of a label (wider than tall) and spread so labels have room;
unconnected parts are packed in columns beside the biggest, so the map fills a
wide screen or slide.

Positions belong to the data (issue 11): ``data_positions`` reads ``positions.csv``
from the data folder and places only the actors it does not list, each next to its
neighbours, so adding an actor moves no other. ``reset_positions`` re-arranges
everything, explicitly; ``keep_positions`` saves positions dragged in the app.
"""

from __future__ import annotations

import math
import os
import random
from collections.abc import Hashable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:  # igraph takes half a second to import: only where it is used
    import igraph
import numpy as np

from .cache import LRUCache, cache_dir, disk_get, graph_key, import_igraph, to_igraph
from .rights import Access, ReadOnlyError, read_only, require_editor

__all__ = [
    "compute_layout",
    "place_missing",
    "data_positions",
    "load_positions",
    "reset_positions",
    "keep_positions",
    "ReadOnlyError",
    "check_writable",
    "DEFAULT_SEED",
    "CACHE",
]

DEFAULT_SEED = 42
GRID_THRESHOLD = 1000
# Above this size FR runs fewer iterations and overlap removal (quadratic) is skipped;
# measured: at 1,000 nodes both together cost about 20 s, below 200 well under a second.
DETAIL_THRESHOLD = 200
# Labels are wider than tall: parts are stretched and spread by this much more across than down.
LABEL_ASPECT = 1.8
# Layouts of the last graphs drawn, by structure: redrawing an unchanged graph is free.
CACHE: LRUCache[dict[Hashable, tuple[float, float]]] = LRUCache(32)


def compute_layout(G: nx.Graph, seed: int = DEFAULT_SEED, spacing: float = 160.0) -> dict[Hashable, tuple[float, float]]:
    """Return ``{node: (x, y)}`` in screen pixels, the same for the same graph and seed.

    Results are cached by the graph's structure (``cache.graph_key``), so redrawing an
    unchanged graph is free.

    Examples
    --------
    >>> G = nx.path_graph(4)
    >>> compute_layout(G) == compute_layout(nx.path_graph(4))
    True
    """
    key = graph_key(G, seed, spacing)
    return CACHE.get(key, lambda: _layout_kept(G, key, seed, spacing))


# Below this many actors a layout takes well under a second: not worth a file on disk.
DISK_THRESHOLD = 500
# Raise when _layout, _pack or their thresholds change: layouts kept on disk are then made anew.
LAYOUT_VERSION = 2


@lru_cache(maxsize=1)
def _igraph_release() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("igraph")
    except PackageNotFoundError:
        return "none"


def _layout_kept(G: nx.Graph, key: str, seed: int, spacing: float) -> dict[Hashable, tuple[float, float]]:
    """The layout, kept on disk for big graphs: a restart (or the next CLI run) on the same data reads it back.

    Stored as coordinates in node order (the key covers the node order), so any hashable id
    survives the round trip through JSON.
    """
    if G.number_of_nodes() < DISK_THRESHOLD:
        return _layout(G, seed, spacing)
    nodes = list(G.nodes)

    def make() -> list[list[Any]]:
        positions = _layout(G, seed, spacing)
        return [list(positions[n]) for n in nodes]

    # The file name says which layout this is: the graph's structure, seed and spacing (``key``),
    # this code's way of laying out and the igraph release, so an upgrade lays the map out anew.
    name = f"{key[:40]}-v{LAYOUT_VERSION}-igraph{_igraph_release()}"
    coords = disk_get("layout", name, make)
    if not _coordinates(coords, len(nodes)):
        # A damaged file: compute it again (and write it anew) rather than draw half a map.
        folder = cache_dir()
        if folder is not None:
            (folder / "layout" / f"{name}.json").unlink(missing_ok=True)
        coords = disk_get("layout", name, make)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, coords, strict=True)}


def _coordinates(value: object, count: int) -> bool:
    return (
        isinstance(value, list)
        and len(value) == count
        and all(isinstance(c, list) and len(c) == 2 and all(isinstance(v, int | float) for v in c) for c in value)
    )


def _layout(G: nx.Graph, seed: int, spacing: float) -> dict[Hashable, tuple[float, float]]:
    igraph = import_igraph()

    nodes, g = to_igraph(G)
    # Each connected part is laid out on its own and the parts are packed under the biggest:
    # force layouts push unconnected parts far out, and the map then fits to a dot and a corner.
    parts = sorted((sorted(c) for c in g.connected_components()), key=lambda c: (-len(c), c[0]))
    placed: list[dict[Hashable, tuple[float, float]]] = []
    # igraph draws from a global generator; seed it for this call only.
    igraph.set_random_number_generator(random.Random(seed))
    try:
        for part in parts:
            members = [nodes[i] for i in part]
            positions = _scale(members, _force_layout(g.induced_subgraph(part), len(nodes)), spacing)
            if len(nodes) <= DETAIL_THRESHOLD:
                positions = _separate(positions, min_distance=spacing * 0.75, aspect=LABEL_ASPECT)
            placed.append(positions)
    finally:
        igraph.set_random_number_generator(random)
    return _pack(placed, spacing)


def _force_layout(g: igraph.Graph, total: int) -> list[list[float]]:
    """FR for one part, with the effort chosen by the size of the whole graph, so splitting never costs more."""
    if g.vcount() <= 2:
        return [[float(i), 0.0] for i in range(g.vcount())]
    if total > GRID_THRESHOLD:
        # 300 sweeps, not 500: at 10,000 actors 0.45 s instead of 0.75 s, and linked actors sit
        # as close (mean link length / mean distance 0.439 against 0.434; issue 13).
        return g.layout_fruchterman_reingold(niter=300, grid=True).coords
    if total > DETAIL_THRESHOLD:
        return g.layout_fruchterman_reingold(niter=300).coords
    return g.layout_fruchterman_reingold(niter=1500).coords


def _pack(parts: list[dict[Hashable, tuple[float, float]]], spacing: float) -> dict[Hashable, tuple[float, float]]:
    """The first (biggest) part where it is; the others in columns beside it, as tall as it, biggest first.

    Beside rather than under: maps are shown on wide screens and slides, so stragglers fill
    the width next to the main part instead of a band under it.
    """
    if not parts:
        return {}
    out = dict(parts[0])
    xs = [x for x, _ in out.values()]
    ys = [y for _, y in out.values()]
    # Columns about as tall as the biggest part, or as a square holding every node would be.
    top, height = min(ys), max(max(ys) - min(ys), spacing * math.sqrt(sum(map(len, parts))) / 2)
    gap_x = spacing * LABEL_ASPECT * 0.9
    cursor_x, cursor_y, col_w = max(xs) + gap_x, top, 0.0
    for part in parts[1:]:
        px = [x for x, _ in part.values()]
        py = [y for _, y in part.values()]
        w, h = max(px) - min(px), max(py) - min(py)
        if cursor_y > top and cursor_y + h > top + height:
            cursor_x, cursor_y, col_w = cursor_x + col_w + gap_x, top, 0.0
        for n, (x, y) in part.items():
            out[n] = (round(cursor_x + x - min(px), 1), round(cursor_y + y - min(py), 1))
        cursor_y += h + spacing * 0.75
        col_w = max(col_w, w)
    return out


def _scale(nodes: list[Hashable], coords: list[list[float]], spacing: float) -> dict[Hashable, tuple[float, float]]:
    if not nodes:
        return {}
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    # Room for about sqrt(n) labels across the picture; wider than tall, as labels are.
    factor = spacing * math.sqrt(len(nodes)) / extent
    stretch = math.sqrt(LABEL_ASPECT)
    return {n: (round((x - cx) * factor * stretch, 1), round((y - cy) * factor / stretch, 1)) for n, (x, y) in zip(nodes, coords)}


def _separate(
    positions: dict[Hashable, tuple[float, float]], min_distance: float, rounds: int = 200, aspect: float = 1.0
) -> dict[Hashable, tuple[float, float]]:
    """Push apart nodes closer than ``min_distance`` so labels do not pile up in a dense core.

    Force layouts pack hubs and their many leaves into a small disc; this spreads
    them just enough to read, without changing who sits next to whom. Distance across
    counts ``aspect`` times less than distance down: a label needs more room sideways.
    """
    nodes = list(positions)
    xy = np.array([positions[n] for n in nodes], dtype=float)
    xy[:, 0] /= aspect
    n = len(nodes)
    if n < 2:
        return positions
    for _ in range(rounds):
        diff = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((diff**2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        close = dist < min_distance
        if not close.any():
            break
        # Coincident points get a fixed, index-based direction so the result stays deterministic.
        safe = np.where(dist == 0, 1.0, dist)
        unit = diff / safe[:, :, None]
        same = dist == 0
        if same.any():
            i, j = np.nonzero(same)
            unit[i, j] = np.stack([np.cos(i - j), np.sin(i - j)], axis=1)
        push = np.where(close, (min_distance - np.minimum(dist, min_distance)) / 2, 0.0)
        xy += (unit * push[:, :, None]).sum(axis=1) * 0.5
    xy[:, 0] *= aspect
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, xy)}


# -- positions kept in the data folder -------------------------------------------------------


def place_missing(
    G: nx.Graph, kept: Mapping[Hashable, tuple[float, float]], spacing: float = 160.0
) -> dict[Hashable, tuple[float, float]]:
    """Positions for every node of ``G``: those in ``kept`` unchanged, the others placed near their neighbours.

    An actor with placed neighbours goes to the free spot nearest their centre; one
    without goes beside the map, as unconnected parts do. Actors with the most placed
    neighbours are placed first; the result depends only on the graph and ``kept``.

    Examples
    --------
    >>> G = nx.path_graph(3)
    >>> pos = place_missing(G, {0: (0.0, 0.0), 1: (300.0, 0.0)})
    >>> pos[0], pos[1], 2 in pos
    ((0.0, 0.0), (300.0, 0.0), True)
    """
    out: dict[Hashable, tuple[float, float]] = {n: (float(x), float(y)) for n, (x, y) in kept.items() if n in G}
    if not out:
        return compute_layout(G, spacing=spacing)
    missing = [n for n in G.nodes if n not in out]
    if not missing:
        return out
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    order = {n: i for i, n in enumerate(G.nodes)}
    pending = set(missing)
    while pending:
        # The actor with the most already-placed neighbours next (ties: data order).
        n = min(pending, key=lambda m: (-sum(1 for v in H[m] if v in out), order[m]))
        pending.discard(n)
        near = [out[v] for v in H[n] if v in out and v != n]
        if near:
            start = (sum(x for x, _ in near) / len(near), sum(y for _, y in near) / len(near))
        else:
            xs = [x for x, _ in out.values()]
            ys = [y for _, y in out.values()]
            start = (max(xs) + spacing * LABEL_ASPECT, min(ys))
        out[n] = _free_spot(start, out, spacing)
    return out


def _free_spot(start: tuple[float, float], taken: Mapping[Hashable, tuple[float, float]], spacing: float) -> tuple[float, float]:
    """The point nearest ``start`` on a spiral of candidates where no placed actor's label is in the way."""
    xy = np.array(list(taken.values()), dtype=float)
    need_x, need_y = spacing * LABEL_ASPECT * 0.75, spacing * 0.75

    def free(p: tuple[float, float]) -> bool:
        return bool(((((xy[:, 0] - p[0]) / need_x) ** 2 + ((xy[:, 1] - p[1]) / need_y) ** 2) >= 1.0).all())

    for ring in range(0, 60):
        steps = max(1, ring * 8)
        for i in range(steps):
            angle = 2 * math.pi * i / steps + math.pi / 2  # below first: labels hang under nodes
            p = (start[0] + math.cos(angle) * ring * need_x * 0.5, start[1] + math.sin(angle) * ring * need_y * 0.5)
            if free(p):
                return (round(p[0], 1), round(p[1], 1))
    return (round(start[0], 1), round(start[1] + spacing, 1))


def load_positions(
    G: nx.Graph, folder: str | os.PathLike[str] | None = None
) -> tuple[dict[Hashable, tuple[float, float]], list[object]]:
    """Positions for every node of ``G`` from ``folder/positions.csv``, and the problems reading it.

    Kept positions are used as they are; actors the file does not list are placed next to
    their neighbours (``place_missing``). No file: the computed layout. A damaged file: the
    computed layout too, and its error among the problems (the file is left as it is).
    """
    from .io.positions import PositionsError, read_positions

    where = _folder(G, folder)
    if where is None:
        return compute_layout(G), []
    try:
        kept, problems = read_positions(where, known=set(G.nodes))
    except PositionsError as exc:
        return compute_layout(G), list(exc.problems)
    if not kept:
        return compute_layout(G), list(problems)
    return place_missing(G, kept), list(problems)


def data_positions(G: nx.Graph, folder: str | os.PathLike[str] | None = None) -> dict[Hashable, tuple[float, float]]:
    """Positions for every node of ``G``: kept ones from the data folder, the rest placed (``load_positions``).

    ``folder`` defaults to ``G.graph["directory"]`` when the graph says where it came from,
    else the default data folder when its positions cover most of ``G``.
    """
    return load_positions(G, folder)[0]


def _folder(G: nx.Graph, folder: str | os.PathLike[str] | None) -> Path | None:
    if folder is not None:
        return Path(folder)
    if G.graph.get("directory"):
        return Path(G.graph["directory"])
    from .io.folder import default_data_dir
    from .io.positions import PositionsError, read_positions

    # A graph that does not say where it came from: the default folder's positions, when they
    # are this data's (most actors listed), not another data set's.
    base = default_data_dir()
    try:
        kept, _ = read_positions(base, known=set(G.nodes))
    except PositionsError:
        return None
    return base if kept and len(kept) * 2 >= G.number_of_nodes() else None


def reset_positions(G: nx.Graph, folder: str | os.PathLike[str], *, access: Access) -> dict[Hashable, tuple[float, float]]:
    """Re-arrange every actor (the seeded layout) and write it to ``folder/positions.csv`` (editors only)."""
    from .io.positions import write_positions

    check_writable(access)
    positions = compute_layout(G)
    write_positions(folder, positions)
    return positions


def keep_positions(folder: str | os.PathLike[str], positions: Mapping[Hashable, tuple[float, float]], *, access: Access) -> Path:
    """Save ``positions`` (e.g. dragged in the app) in ``folder/positions.csv``, atomically.

    Actors not in ``positions`` keep the place the file gives them. Refused with
    NotAllowed for a viewer and ReadOnlyError on a read-only server; a damaged positions.csv raises PositionsError
    and is not overwritten (fix it, or re-arrange with ``reset_positions``).
    """
    from .io.positions import read_positions, write_positions

    check_writable(access)
    kept, _ = read_positions(folder)
    kept.update({str(n): (float(x), float(y)) for n, (x, y) in positions.items()})
    return write_positions(folder, kept)


def check_writable(access: Access) -> None:
    """Raise ReadOnlyError on a read-only server (``NETWORK_READ_ONLY``), NotAllowed for a viewer."""
    from .i18n import t

    if read_only():
        raise ReadOnlyError(t("positions_read_only"))
    require_editor(access, "keep positions")
