"""Network analysis: centrality, rankings, communities, coalitions and theme support.

Every function takes the ``nx.MultiDiGraph`` built by ``network.graph.build_graph``
and returns plain Python data, so the app only has to show it.

Centrality is computed on the undirected simple graph of who is connected to
whom (the graph ``network.graph.undirected_view`` returns: direction ignored,
parallel edges merged, self-loops dropped), with igraph's C code for speed.
The values are normalised as networkx does, so they can be checked against
networkx's own functions. Results are kept in a small LRU cache keyed on a hash
of the graph's structure (``cache.graph_key``), so drawing a ranking and then a
profile (``network.profile``) of an unchanged graph computes each metric once.

Betweenness is exact up to ``BETWEENNESS_EXACT_MAX`` nodes. Above that it is
estimated from ``BETWEENNESS_SAMPLES`` source nodes drawn with a fixed seed
(``BETWEENNESS_SEED``) and scaled up by ``n / k``, as networkx's
``betweenness_centrality(k=...)`` does: the estimate is unbiased and the same
graph always gives the same numbers.
"""

from __future__ import annotations

import math
import random
import warnings
from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:  # igraph takes half a second to import: only where it is used
    import igraph

from .cache import LRUCache, graph_key
from .diskcache import disk_get
from .graph import undirected_view
from .igraph_bridge import import_igraph, to_igraph
from .vocabulary import label

__all__ = [
    "METRICS",
    "BETWEENNESS_EXACT_MAX",
    "BETWEENNESS_SAMPLES",
    "BETWEENNESS_SEED",
    "LOUVAIN_NX_MAX",
    "CACHE",
    "clear_cache",
    "centrality",
    "ranking",
    "communities",
    "community_groups",
    "cosignature_coalitions",
    "coauthors_by_document",
    "theme_support",
    "metric_rows",
    "node_order",
]

METRICS = ("degree", "betweenness", "eigenvector", "pagerank")

BETWEENNESS_EXACT_MAX = 2000
"""Up to this many nodes betweenness is exact; above it, it is estimated from a seeded sample."""
BETWEENNESS_SAMPLES = 500
"""How many source nodes the betweenness estimate uses above ``BETWEENNESS_EXACT_MAX``."""
BETWEENNESS_SEED = 42
"""Seed for drawing those source nodes, so the estimate is the same every time."""
LOUVAIN_NX_MAX = 3000
"""Up to this many nodes communities come from networkx's Louvain; above it from igraph's."""

# Metrics of the last graphs analysed, by structure; ``CACHE.misses`` counts computations.
CACHE: LRUCache[dict[str, dict[Hashable, float]]] = LRUCache(8)
# Communities of the last graphs asked for, by structure and seed; ``COMMUNITIES.misses`` counts computations.
COMMUNITIES: LRUCache[dict[Hashable, int]] = LRUCache(16)
_NEIGHBOURS = "_neighbours"  # cache slot for the raw number of distinct neighbours


def _check_metric(metric: str) -> None:
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; choose one of: {', '.join(METRICS)}")


def node_order(node: Hashable) -> tuple[str, Any]:
    """Sort key for node ids: ids of one type compare natively, mixed types by type name first.

    >>> sorted(["b", 2, "a", 1], key=node_order)
    [1, 2, 'a', 'b']
    """
    return (type(node).__name__, node)


def clear_cache() -> None:
    """Forget every cached metric and community (after changing the sampling constants)."""
    CACHE.clear()
    COMMUNITIES.clear()


def _betweenness(g: igraph.Graph) -> list[float]:
    n = g.vcount()
    if n <= 2 or g.ecount() == 0:
        return [0.0] * n
    if n <= BETWEENNESS_EXACT_MAX:
        raw = g.betweenness(directed=False)  # each unordered pair once
    else:
        k = min(BETWEENNESS_SAMPLES, n)
        sources = sorted(random.Random(BETWEENNESS_SEED).sample(range(n), k))
        # igraph's subset betweenness (undirected) counts each (source, target) pair half,
        # so summed over all sources it equals the exact value; n/k scales the sample up.
        raw = [b * n / k for b in g.betweenness(directed=False, sources=sources)]
    scale = 2.0 / ((n - 1) * (n - 2))  # networkx: normalized=True, undirected
    return [b * scale for b in raw]


def _leading_eigenvector(g: igraph.Graph) -> tuple[list[float], float]:
    with warnings.catch_warnings():
        # igraph warns on disconnected graphs; they are handled below.
        warnings.filterwarnings("ignore", message=".*not meaningful for disconnected graphs", category=RuntimeWarning)
        values, eigenvalue = g.eigenvector_centrality(return_eigenvalue=True)
    return [abs(v) for v in values], eigenvalue


def _eigenvector(g: igraph.Graph) -> list[float]:
    """Eigenvector centrality, max 1, 0 for isolated nodes, defined on disconnected graphs.

    On a disconnected graph the leading eigenvector lives in the component(s)
    with the largest eigenvalue; everything else is 0. Components that tie
    (e.g. two equal cliques) are combined as networkx's power iteration from
    an all-ones start combines them, so equal components get equal scores.
    """
    n = g.vcount()
    if g.ecount() == 0:
        return [0.0] * n
    values, eigenvalue = _leading_eigenvector(g)
    components = g.connected_components()
    if len(components) > 1:
        values = [0.0] * n
        tolerance = 1e-9 * max(eigenvalue, 1.0)
        for members in components:
            # A component's leading eigenvalue is at most its size - 1.
            if len(members) < 2 or len(members) - 1 < eigenvalue - tolerance:
                continue
            vector, own = _leading_eigenvector(g.induced_subgraph(members))
            if own < eigenvalue - tolerance:
                continue
            norm = math.sqrt(sum(x * x for x in vector))
            weight = sum(vector) / norm  # projection of the all-ones start vector
            for i, x in zip(members, vector):
                values[i] = weight * x / norm
    top = max(values)
    return [v / top for v in values] if top > 0 else [0.0] * n


def _compute(g: igraph.Graph, metric: str) -> list[float]:
    n = g.vcount()
    if metric == "degree":
        if n <= 1:
            return [1.0] * n  # as nx.degree_centrality
        return [d / (n - 1) for d in g.degree()]
    if metric == "betweenness":
        return _betweenness(g)
    if metric == "eigenvector":
        return _eigenvector(g)
    if metric == "pagerank":
        return list(g.pagerank(directed=False, damping=0.85))
    if metric == _NEIGHBOURS:
        return [float(d) for d in g.degree()]
    raise ValueError(metric)  # pragma: no cover - _check_metric runs first


def _metrics(G: nx.Graph, names: Iterable[str]) -> dict[str, dict[Hashable, float]]:
    """The named metrics of G, from the cache where possible (each computed at most once)."""
    key = graph_key(G)
    entry = CACHE.get(key, dict)
    missing = [m for m in names if m not in entry]
    converted: list = []

    def compute(metric: str) -> list[list[Any]]:
        if not converted:
            converted.extend(to_igraph(G))
        nodes, g = converted
        return [[n, v] for n, v in zip(nodes, _compute(g, metric))]

    # On disk by structure and the sampling settings, so a restart (or the next CLI call) reads them back.
    settings = f"{BETWEENNESS_EXACT_MAX}-{BETWEENNESS_SAMPLES}-{BETWEENNESS_SEED}"
    for metric in missing:

        def work(metric: str = metric) -> list[list[Any]]:
            return compute(metric)

        pairs = disk_get("metrics", f"{key[:32]}-{metric}-{settings}", work)
        entry[metric] = {_node(n): v for n, v in pairs}
    return entry


def _node(n: Any) -> Hashable:
    # JSON gives lists back for tuples; node ids are str or int here, tuples only in tests.
    return tuple(n) if isinstance(n, list) else n


def centrality(G: nx.Graph, metric: str) -> dict[Hashable, float]:
    """Centrality of every node on the undirected simple graph.

    Parameters
    ----------
    G : nx.Graph
        Any networkx graph, usually the ``MultiDiGraph`` from ``build_graph``.
        Direction is ignored, parallel edges are merged and self-loops dropped.
    metric : str
        One of ``METRICS``:

        - ``degree``: neighbours / (n - 1), as ``nx.degree_centrality``.
        - ``betweenness``: normalised as ``nx.betweenness_centrality``; exact up
          to ``BETWEENNESS_EXACT_MAX`` nodes, a seeded sample estimate above.
        - ``eigenvector``: scaled so the largest is 1; 0 for isolated nodes.
        - ``pagerank``: damping 0.85, sums to 1.

    Returns
    -------
    dict
        ``{node: value}`` in the graph's node order; ``{}`` for an empty graph.

    Raises
    ------
    ValueError
        For a metric not in ``METRICS``.

    Examples
    --------
    >>> centrality(nx.path_graph(3), "betweenness")
    {0: 0.0, 1: 1.0, 2: 0.0}
    >>> centrality(nx.path_graph(3), "degree")
    {0: 0.5, 1: 1.0, 2: 0.5}
    """
    _check_metric(metric)
    if G.number_of_nodes() == 0:
        return {}
    return dict(_metrics(G, [metric])[metric])


def metric_rows(G: nx.Graph, nodes: Iterable[Hashable] | None = None) -> dict[Hashable, dict[str, float | int]]:
    """Per node (all of ``G``'s, or ``nodes``): raw neighbour count as ``degree`` and every metric, rounded to 4 decimals.

    >>> metric_rows(nx.path_graph(3), [1])
    {1: {'degree': 2, 'degree_centrality': 1.0, 'betweenness': 1.0, 'eigenvector': 1.0, 'pagerank': 0.4865}}
    """
    values = _metrics(G, (*METRICS, _NEIGHBOURS))
    return {
        n: {
            "degree": int(values[_NEIGHBOURS][n]),
            "degree_centrality": round(values["degree"][n], 4),
            "betweenness": round(values["betweenness"][n], 4),
            "eigenvector": round(values["eigenvector"][n], 4),
            "pagerank": round(values["pagerank"][n], 4),
        }
        for n in (G.nodes if nodes is None else nodes)
    }


def ranking(G: nx.MultiDiGraph, metric: str = "betweenness", lang: str = "en") -> list[dict[str, Any]]:
    """One row per actor with its metrics, the most central first.

    Parameters
    ----------
    G : nx.MultiDiGraph
        The actor graph.
    metric : str
        The metric to sort by, one of ``METRICS``.
    lang : str
        ``"en"`` or ``"nl"``, for the actor type label.

    Returns
    -------
    list of dict
        Keys ``id, name, type`` (the type's label in ``lang``), ``degree`` (the
        number of distinct neighbours), ``degree_centrality`` (that number over
        n - 1), ``betweenness``, ``eigenvector`` and ``pagerank``, rounded to 4
        decimals. Sorted by the rounded metric, highest first, then by name and id.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"name": "A", "type": "trade_union"}), ("b", {"name": "B", "type": "ministry"}),
    ...                   ("c", {"name": "C", "type": "company"})])
    >>> _ = G.add_edges_from([("a", "b", {"type": "addresses"}), ("b", "c", {"type": "funds"})])
    >>> [(r["id"], r["type"], r["degree"], r["betweenness"]) for r in ranking(G)]
    [('b', 'Ministry / minister', 2, 1.0), ('a', 'Trade union', 1, 0.0), ('c', 'Company', 1, 0.0)]
    """
    _check_metric(metric)
    if G.number_of_nodes() == 0:
        return []
    sort_on = "degree_centrality" if metric == "degree" else metric
    rows = []
    for node, values in metric_rows(G).items():
        attrs = G.nodes[node]
        rows.append({"id": node, "name": attrs.get("name", str(node)), "type": label(attrs.get("type", ""), lang), **values})
    rows.sort(key=lambda r: (-r[sort_on], r["name"], node_order(r["id"])))
    return rows


def _numbered(groups: Iterable[Iterable[Hashable]]) -> dict[Hashable, int]:
    """Number groups 0, 1, 2 … by size (largest first), then by their smallest member id."""
    ordered = sorted((sorted(g, key=node_order) for g in groups), key=lambda g: (-len(g), node_order(g[0])))
    return {node: i for i, group in enumerate(ordered) for node in group}


def communities(G: nx.Graph, seed: int = 42) -> dict[Hashable, int]:
    """Modularity communities of the undirected simple graph, the same for the same seed.

    Up to ``LOUVAIN_NX_MAX`` nodes networkx's ``louvain_communities(seed=seed)``;
    above it igraph's multilevel (Louvain) algorithm, seeded with
    ``random.Random(seed)`` for the call and reset to Python's ``random`` after.

    Parameters
    ----------
    G : nx.Graph
        The actor graph (direction, parallel edges and self-loops are ignored).
    seed : int
        Seed for the node order Louvain visits.

    Returns
    -------
    dict
        ``{node: community}``. Communities are numbered 0, 1, 2 … from the
        largest down, ties broken by their smallest member id; an isolated
        node is a community of its own.

    Examples
    --------
    >>> G = nx.barbell_graph(4, 0)  # two 4-cliques joined by one edge
    >>> sorted(communities(G).items())
    [(0, 0), (1, 0), (2, 0), (3, 0), (4, 1), (5, 1), (6, 1), (7, 1)]
    """
    if G.number_of_nodes() == 0:
        return {}
    # By structure: a view's graph is built anew on every run, and the same view in the other
    # language (or a view seen before) asks for the same communities again.
    return dict(COMMUNITIES.get(graph_key(G, "communities", seed), lambda: _communities(G, seed)))


def _communities(G: nx.Graph, seed: int) -> dict[Hashable, int]:
    if G.number_of_nodes() <= LOUVAIN_NX_MAX:
        groups: list[Iterable[Hashable]] = list(nx.community.louvain_communities(undirected_view(G), seed=seed))
    else:
        igraph = import_igraph()

        nodes, g = to_igraph(G)
        igraph.set_random_number_generator(random.Random(seed))
        try:
            clustering = g.community_multilevel()
        finally:
            igraph.set_random_number_generator(random)
        groups = [[nodes[i] for i in members] for members in clustering]
    return _numbered(groups)


def community_groups(G: nx.Graph, seed: int = 42) -> list[list[Hashable]]:
    """The communities as lists of members (sorted by name), largest first as ``communities`` numbers them."""
    groups: dict[int, list[Hashable]] = {}
    for n, c in communities(G, seed=seed).items():
        groups.setdefault(c, []).append(n)
    return [sorted(groups[c], key=lambda n: str(G.nodes[n].get("name", n)).casefold()) for c in sorted(groups)]


def _co_signs(G: nx.MultiDiGraph) -> list[tuple[Hashable, Hashable, str]]:
    return [(u, v, d.get("source_doc") or "") for u, v, d in G.edges(data=True) if d.get("type") == "co_signs"]


def cosignature_coalitions(G: nx.MultiDiGraph) -> list[dict[str, list[Any]]]:
    """Groups of actors that co-sign documents together (connected by ``co_signs``).

    Returns
    -------
    list of dict
        ``{"members": sorted ids, "names": their names in the same order,
        "documents": sorted ids of the documents of those co_signs relations}``,
        the largest coalition first, then by first member.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("b", {"name": "B"}), ("a", {"name": "A"}), ("c", {"name": "C"})])
    >>> _ = G.add_edges_from([("b", "a", {"type": "co_signs", "source_doc": "d1"}), ("a", "c", {"type": "funds"})])
    >>> cosignature_coalitions(G)
    [{'members': ['a', 'b'], 'names': ['A', 'B'], 'documents': ['d1']}]
    """
    H: nx.Graph = nx.Graph()
    docs: dict[Hashable, set[str]] = {}
    for u, v, doc in _co_signs(G):
        H.add_edge(u, v)
        for end in (u, v):
            docs.setdefault(end, set())
            if doc:
                docs[end].add(doc)
    coalitions = []
    for component in nx.connected_components(H):
        members = sorted(component, key=node_order)
        coalitions.append(
            {
                "members": members,
                "names": [G.nodes[m].get("name", str(m)) for m in members],
                "documents": sorted(set().union(*(docs[m] for m in members))),
            }
        )
    coalitions.sort(key=lambda c: (-len(c["members"]), node_order(c["members"][0])))
    return coalitions


def coauthors_by_document(G: nx.MultiDiGraph) -> dict[str, list[Hashable]]:
    """For every document named on a ``co_signs`` relation, the sorted ids of its co-signers.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edges_from([("b", "a", {"type": "co_signs", "source_doc": "d1"}),
    ...                       ("c", "a", {"type": "co_signs", "source_doc": "d1"})])
    >>> coauthors_by_document(G)
    {'d1': ['a', 'b', 'c']}
    """
    authors: dict[str, set[Hashable]] = {}
    for u, v, doc in _co_signs(G):
        if doc:
            authors.setdefault(doc, set()).update((u, v))
    return {doc: sorted(authors[doc], key=node_order) for doc in sorted(authors)}


def theme_support(G: nx.MultiDiGraph) -> dict[Hashable, list[Hashable]]:
    """For every node of type ``theme``, the actors that advocate for it, sorted by name.

    An actor supports a theme when it has an ``advocates_for`` relation to it
    (an undirected one counts from either end). Themes nobody advocates for
    are included with ``[]``. Themes are in the graph's node order.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("t", {"name": "Decent work", "type": "theme"}), ("u", {"name": "Union", "type": "trade_union"}),
    ...                   ("q", {"name": "Quiet ask", "type": "theme"})])
    >>> G.add_edge("u", "t", key="r0", type="advocates_for", directed=True)
    'r0'
    >>> theme_support(G)
    {'t': ['u'], 'q': []}
    """
    support: dict[Hashable, list[Hashable]] = {}
    for theme, kind in G.nodes(data="type"):
        if kind != "theme":
            continue
        backers: set[Hashable] = {
            u for u, _, d in G.in_edges(theme, data=True) if d.get("type") == "advocates_for" and u != theme
        }
        backers |= {
            v
            for _, v, d in G.out_edges(theme, data=True)
            if d.get("type") == "advocates_for" and d.get("directed") is False and v != theme
        }
        support[theme] = sorted(backers, key=lambda a: (G.nodes[a].get("name", str(a)), node_order(a)))
    return support
