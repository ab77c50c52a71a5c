"""Build the networkx graph from a loaded data set.

Every actor is a node and every relation an edge of a ``nx.MultiDiGraph``
carrying all CSV columns as attributes. An undirected relation (``directed``
is "false") is stored once, from ``source`` to ``target``, with
``directed=False``; analyses that ignore direction use ``undirected_view``.
"""

from __future__ import annotations

import networkx as nx

from .data import Dataset

__all__ = ["build_graph", "undirected_view"]


def build_graph(dataset: Dataset) -> nx.MultiDiGraph:
    """Return a MultiDiGraph with one node per actor and one edge per relation.

    Edge keys are the relation's position in relations.csv (``r0``, ``r1`` …),
    so an edge can always be traced back to its row.

    Examples
    --------
    >>> from network.data import Dataset
    >>> ds = Dataset(
    ...     actors=[{"id": "a", "name": "A", "type": "trade_union"},
    ...             {"id": "b", "name": "B", "type": "company"}],
    ...     relations=[{"source": "a", "target": "b", "type": "partners_with", "directed": "false"}],
    ...     sources=[])
    >>> G = build_graph(ds)
    >>> G.number_of_nodes(), G.number_of_edges(), G.edges["a", "b", "r0"]["directed"]
    (2, 1, False)
    """
    G = nx.MultiDiGraph(version=dataset.version, sources={s["id"]: dict(s) for s in dataset.sources})
    G.add_nodes_from((a["id"], dict(a)) for a in dataset.actors)
    G.add_edges_from(
        (r["source"], r["target"], f"r{i}", {**r, "directed": r.get("directed", "true") == "true"})
        for i, r in enumerate(dataset.relations)
    )
    return G


def undirected_view(G: nx.MultiDiGraph) -> nx.Graph:
    """A simple undirected graph of who is connected to whom (parallel edges merged)."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return H
