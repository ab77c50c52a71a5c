"""Deterministic node positions, computed once in Python.

The browser gets fixed x/y coordinates, so the same data and settings always
give the same picture and vis-network needs no physics to settle. igraph's
Fruchterman-Reingold (C code) is used with a seeded random generator; above
``GRID_THRESHOLD`` nodes its grid variant keeps it near-linear. Unconnected parts
are laid out one by one and packed in rows under the biggest.
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable

import igraph
import networkx as nx
import numpy as np

from .cache import LRUCache, graph_key, to_igraph

__all__ = ["compute_layout", "DEFAULT_SEED", "CACHE"]

DEFAULT_SEED = 42
GRID_THRESHOLD = 1000
# Above this size FR runs fewer iterations and overlap removal (quadratic) is skipped;
# measured: at 1,000 nodes both together cost about 20 s, below 200 well under a second.
DETAIL_THRESHOLD = 200
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
    return CACHE.get(graph_key(G, seed, spacing), lambda: _layout(G, seed, spacing))


def _layout(G: nx.Graph, seed: int, spacing: float) -> dict[Hashable, tuple[float, float]]:
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
                positions = _separate(positions, min_distance=spacing * 0.9)
            placed.append(positions)
    finally:
        igraph.set_random_number_generator(random)
    return _pack(placed, spacing)


def _force_layout(g: igraph.Graph, total: int) -> list[list[float]]:
    """FR for one part, with the effort chosen by the size of the whole graph, so splitting never costs more."""
    if g.vcount() <= 2:
        return [[float(i), 0.0] for i in range(g.vcount())]
    if total > GRID_THRESHOLD:
        return g.layout_fruchterman_reingold(niter=500, grid=True).coords
    if total > DETAIL_THRESHOLD:
        return g.layout_fruchterman_reingold(niter=300).coords
    return g.layout_fruchterman_reingold(niter=1500).coords


def _pack(parts: list[dict[Hashable, tuple[float, float]]], spacing: float) -> dict[Hashable, tuple[float, float]]:
    """The first (biggest) part where it is; the others in rows beneath it, as wide as it, biggest first."""
    if not parts:
        return {}
    out = dict(parts[0])
    xs = [x for x, _ in out.values()]
    ys = [y for _, y in out.values()]
    # Rows about as wide as the biggest part, or as a square holding every node would be.
    left, width = min(xs), max(max(xs) - min(xs), spacing * math.sqrt(sum(map(len, parts))))
    cursor_x, row_y, row_h = left, max(ys) + spacing * 1.5, 0.0
    for part in parts[1:]:
        px = [x for x, _ in part.values()]
        py = [y for _, y in part.values()]
        w, h = max(px) - min(px), max(py) - min(py)
        if cursor_x > left and cursor_x + w > left + width:
            cursor_x, row_y, row_h = left, row_y + row_h + spacing, 0.0
        for n, (x, y) in part.items():
            out[n] = (round(cursor_x + x - min(px), 1), round(row_y + y - min(py), 1))
        cursor_x += w + spacing
        row_h = max(row_h, h)
    return out


def _scale(nodes: list[Hashable], coords: list[list[float]], spacing: float) -> dict[Hashable, tuple[float, float]]:
    if not nodes:
        return {}
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    # Room for about sqrt(n) labels across the picture.
    factor = spacing * math.sqrt(len(nodes)) / extent
    return {n: (round((x - cx) * factor, 1), round((y - cy) * factor, 1)) for n, (x, y) in zip(nodes, coords)}


def _separate(
    positions: dict[Hashable, tuple[float, float]], min_distance: float, rounds: int = 200
) -> dict[Hashable, tuple[float, float]]:
    """Push apart nodes closer than ``min_distance`` so labels do not pile up in a dense core.

    Force layouts pack hubs and their many leaves into a small disc; this spreads
    them just enough to read, without changing who sits next to whom.
    """
    nodes = list(positions)
    xy = np.array([positions[n] for n in nodes], dtype=float)
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
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, xy)}
