"""Build the networkx graph from a loaded data set.

Every actor is a node and every relation an edge of a ``nx.MultiDiGraph``
carrying all CSV columns as attributes. An undirected relation (``directed``
is "false") is stored once, from ``source`` to ``target``, with
``directed=False``; analyses that ignore direction use ``undirected_view``.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import networkx as nx

from .filters import apply_filters
from .model import Dataset
from .text import close_matches

__all__ = [
    "build_graph",
    "undirected_view",
    "UnknownActorError",
    "actor_names",
    "resolve_actor",
    "filter_graph",
    "path_rows",
    "route_names",
    "neighbourhood",
    "Hop",
    "shortest_paths",
    "STANCE_TYPES",
]


def build_graph(dataset: Dataset) -> nx.MultiDiGraph:
    """Return a MultiDiGraph with one node per actor and one edge per relation.

    Edge keys are the relation's position in relations.csv (``r0``, ``r1`` …),
    so an edge can always be traced back to its row.

    Examples
    --------
    >>> from network.model import Dataset
    >>> ds = Dataset(
    ...     actors=[{"id": "a", "name": "A", "type": "trade_union"},
    ...             {"id": "b", "name": "B", "type": "company"}],
    ...     relations=[{"source": "a", "target": "b", "type": "partners_with", "directed": "false"}],
    ...     sources=[])
    >>> G = build_graph(ds)
    >>> G.number_of_nodes(), G.number_of_edges(), G.edges["a", "b", "r0"]["directed"]
    (2, 1, False)
    """
    G: nx.MultiDiGraph = nx.MultiDiGraph(version=dataset.version, sources={s["id"]: dict(s) for s in dataset.sources})
    G.add_nodes_from((a["id"], dict(a)) for a in dataset.actors)
    # The stubs know (u, v) and (u, v, data) edges only; a multigraph also takes (u, v, key, data).
    G.add_edges_from(
        (r["source"], r["target"], f"r{i}", {**r, "directed": r.get("directed", "true") == "true"})  # type: ignore[misc]
        for i, r in enumerate(dataset.relations)
    )
    return G


def undirected_view(G: nx.Graph) -> nx.Graph:
    """A simple undirected graph of who is connected to whom (parallel edges merged)."""
    H: nx.Graph = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return H


# Actor types that stand for a position rather than an organisation: not a channel on a path.
STANCE_TYPES = frozenset({"theme", "law_policy"})


class UnknownActorError(KeyError):
    """A name or id that matches no actor; ``matches`` lists close candidates."""

    def __init__(self, query: str, matches: list[str]):
        self.query, self.matches = query, matches
        hint = f"; did you mean: {', '.join(matches)}?" if matches else ""
        super().__init__(f"no actor named '{query}'{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


def actor_names(G: nx.MultiDiGraph, n: Hashable) -> list[str]:
    """The id, name and aliases an actor can be found by."""
    a = G.nodes[n]
    names = [str(n), str(a.get("name", ""))]
    names += [x.strip() for x in str(a.get("aliases", "")).split("|") if x.strip()]
    return [x for x in names if x]


def resolve_actor(G: nx.MultiDiGraph, query: str) -> Hashable:
    """Find an actor by id, name or alias (case-insensitive); raise UnknownActorError otherwise.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("fnv", name="FNV", aliases="Federatie Nederlandse Vakbeweging")
    >>> resolve_actor(G, "federatie nederlandse vakbeweging")
    'fnv'
    """
    q = query.strip().casefold()
    if query in G:
        return query
    index: dict[str, Hashable] = {}
    for n in G.nodes:
        for name in actor_names(G, n):
            index.setdefault(name.casefold(), n)
    if q in index:
        return index[q]
    close = close_matches(q, index, n=5, cutoff=0.5)
    close += [k for k in index if q and q in k and k not in close][:5]
    shown: list[str] = []
    for k in close:
        n = index[k]
        label = f"{G.nodes[n].get('name', n)} ({n})"
        if label not in shown:
            shown.append(label)
    raise UnknownActorError(query, shown[:5])


def filter_graph(G: nx.MultiDiGraph, *, date_from: str = "", date_to: str = "", **chosen: Iterable[str]) -> nx.MultiDiGraph:
    """The part of ``G`` that passes every filter; an empty filter lets everything through.

    ``chosen`` maps a filter of ``filters.FILTERS`` (``actor_types``, ``relation_types``,
    ``countries``, ``sectors``, ``source_docs``, ``basis``, ``themes``) to the values to keep.
    Actor filters drop actors with their relations. Relation filters (types, documents,
    basis, dates) drop relations, and then the actors left with none. A date filter keeps
    relations whose date overlaps the range (a ``2025`` relation overlaps ``2025-06``);
    undated relations drop out while it is on. Themes keep the chosen theme actors and
    everyone who advocates for one of them. With no filter, ``G`` itself comes back.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"type": "trade_union"}), ("b", {"type": "company"})])
    >>> _ = G.add_edge("a", "b", type="trains", date="2025")
    >>> sorted(filter_graph(G, actor_types=["trade_union"]).nodes)
    ['a']
    >>> filter_graph(G, date_from="2026").number_of_nodes()
    0
    """
    return apply_filters(G, chosen, date_from, date_to)


def neighbourhood(G: nx.MultiDiGraph, center: Hashable, hops: int = 1) -> set[Hashable]:
    """Actors within ``hops`` relations of ``center``, ignoring direction (``center`` included)."""
    lengths = nx.single_source_shortest_path_length(undirected_view(G), center, cutoff=hops)
    return set(lengths)


@dataclass
class Hop:
    """One step of a path: from ``source`` to ``target`` over ``relations`` (edge dicts with key, u, v)."""

    source: Hashable
    target: Hashable
    relations: list[dict[str, object]]


def shortest_paths(
    G: nx.MultiDiGraph,
    source: Hashable,
    target: Hashable,
    relation_types: Iterable[str] = (),
    cap: int = 10,
    via_stances: bool = False,
) -> list[list[Hop]]:
    """All shortest paths (up to ``cap``) between two actors, ignoring direction.

    Each path is a list of hops; a hop lists every relation (of the allowed types)
    between its two actors, so each step shows all the evidence it rests on.
    Returns [] when there is no path. Unless ``via_stances``, a path does not pass
    *through* a theme or a law (two actors arguing for the same ask are not a
    channel between them); either may still be an end of the path.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", type="funds"); _ = G.add_edge("b", "c", type="trains")
    >>> [[(h.source, h.target) for h in p] for p in shortest_paths(G, "a", "c")]
    [[('a', 'b'), ('b', 'c')]]
    """
    types = set(relation_types)
    blocked = set() if via_stances else {n for n, a in G.nodes(data=True) if a.get("type") in STANCE_TYPES} - {source, target}
    U: nx.Graph = nx.Graph()
    U.add_nodes_from(n for n in G.nodes if n not in blocked)
    U.add_edges_from(
        (u, v)
        for u, v, e in G.edges(data=True)
        if u != v and u not in blocked and v not in blocked and (not types or e.get("type") in types)
    )
    if source not in U or target not in U or source == target:
        return []
    try:
        found = list(itertools.islice(nx.all_shortest_paths(U, source, target), cap))
    except nx.NetworkXNoPath:
        return []
    # A stable order: by the names along the path.
    found.sort(key=lambda p: [str(G.nodes[n].get("name", n)).casefold() for n in p])
    paths = []
    for nodes in found:
        hops = []
        for a, b in zip(nodes, nodes[1:]):
            rels = []
            for u, v in ((a, b), (b, a)):
                for k, e in (G.get_edge_data(u, v) or {}).items():
                    if not types or e.get("type") in types:
                        rels.append({"u": u, "v": v, "key": k, **e})
            hops.append(Hop(a, b, rels))
        paths.append(hops)
    return paths


def path_rows(G: nx.MultiDiGraph, paths: list[list[Hop]], lang: str = "en") -> list[dict[str, object]]:
    """Every claim along the paths, hop by hop in the path's order, as rows for a table or JSON.

    ``arrow`` says which way the relation itself points along the route: ``→`` with it,
    ``←`` against it, ``—`` for a mutual one. ``document`` is the document's title.
    """
    from . import vocabulary as vocab

    sources = G.graph.get("sources", {})
    rows: list[dict[str, object]] = []
    for i, p in enumerate(paths, 1):
        for j, h in enumerate(p, 1):
            for r in h.relations:
                arrow = "—" if not r.get("directed", True) else ("→" if r["u"] == h.source else "←")
                rows.append(
                    {
                        "path": i,
                        "hop": j,
                        "from": str(G.nodes[h.source].get("name", h.source)),
                        "arrow": arrow,
                        "relation": vocab.label(str(r.get("type", "")), lang, "relation"),
                        "to": str(G.nodes[h.target].get("name", h.target)),
                        "date": r.get("date", ""),
                        "source_doc": r.get("source_doc", ""),
                        "document": sources.get(r.get("source_doc", ""), {}).get("title", r.get("source_doc", "")),
                        "evidence": r.get("evidence", ""),
                        "basis": r.get("basis") or "stated",
                        "note": r.get("note", ""),
                        "key": r.get("key", ""),  # the edge key, as verify.verified_quotes names it
                    }
                )
    return rows


def route_names(G: nx.MultiDiGraph, path: list[Hop]) -> list[str]:
    """The actors a path passes, in order, by name."""
    return [str(G.nodes[n].get("name", n)) for n in [path[0].source] + [h.target for h in path]]
