"""Positions: seeded, and unconnected parts kept close instead of flung to the edge of the map."""

from __future__ import annotations

import networkx as nx
import pytest

from network import layout
from network.layout import compute_layout


def _with_stragglers(n: int) -> nx.Graph:
    G = nx.barabasi_albert_graph(n, 2, seed=1)
    G.add_edge("pair-a", "pair-b")
    G.add_nodes_from(["alone-1", "alone-2", "alone-3"])
    return G


@pytest.mark.parametrize("n", [60, 1500], ids=["small", "big (grid layout)"])
def test_unconnected_parts_sit_in_rows_just_under_the_main_part(n):
    G = _with_stragglers(n)
    pos = compute_layout(G)
    main = [pos[v] for v in range(n)]
    xs, ys = [x for x, _ in main], [y for _, y in main]
    span = max(max(xs) - min(xs), max(ys) - min(ys))
    for v in ["pair-a", "pair-b", "alone-1", "alone-2", "alone-3"]:
        x, y = pos[v]
        assert y > max(ys), v  # beneath the main part, never on top of it
        assert y - max(ys) < span / 2 and min(xs) <= x <= min(xs) + span, v  # and close by
    assert len(set(pos.values())) == G.number_of_nodes()
    layout.CACHE.clear()  # computed afresh, not read back
    assert pos == compute_layout(_with_stragglers(n))
