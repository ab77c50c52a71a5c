"""An actor's profile: everything the data says about one actor, assembled for the profile panel.

Its attributes, its metrics (a row of ``analysis.ranking``), its relations grouped by type
with their sources and quotes, and the documents it wrote or received: plain Python data,
so the app and the command line show the same profile.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx

from .analysis import metric_rows, node_order
from .vocabulary import RELATION_TYPES, label

__all__ = ["actor_profile"]


def _relation_order(key: str) -> tuple[int, str]:
    keys = list(RELATION_TYPES)
    return (keys.index(key), "") if key in RELATION_TYPES else (len(keys), key)


def actor_profile(G: nx.MultiDiGraph, actor: Hashable, lang: str = "en") -> dict[str, Any]:
    """Everything known about one actor: attributes, metrics, relations and documents.

    Parameters
    ----------
    G : nx.MultiDiGraph
        The actor graph; ``G.graph["sources"]`` (if present) gives document titles.
    actor : node id
        The actor to describe.
    lang : str
        ``"en"`` or ``"nl"`` for type labels.

    Returns
    -------
    dict
        ``id, name, type`` (key), ``type_label``, ``country, sector,
        description``, ``aliases`` (a list), ``metrics`` (this actor's row of
        ``ranking``: degree, degree_centrality, betweenness, eigenvector,
        pagerank, computed on the whole graph), ``relations`` (relation-type
        label → list of ``{key, direction, other, other_name, type, date,
        source_doc, document_title, evidence, basis, note}``, basis ``"stated"`` or
        ``"inferred"`` (then ``note`` says why), ``key`` the edge key (``r0`` …, what
        ``verify.verified_quotes`` returns), direction ``"out"``,
        ``"in"`` or ``"mutual"`` for an undirected relation; types in
        vocabulary order, relations by date (undated last), then other_name),
        ``documents_written`` (documents it addresses or co-signs) and
        ``documents_received`` (documents addressed to it), both sorted.

    Raises
    ------
    KeyError
        If ``actor`` is not a node of ``G``.

    Examples
    --------
    >>> G = nx.MultiDiGraph(sources={"d1": {"id": "d1", "title": "Letter"}})
    >>> G.add_nodes_from([("u", {"name": "Union", "type": "trade_union"}), ("m", {"name": "Minister", "type": "ministry"})])
    >>> G.add_edge("u", "m", key="r0", type="addresses", directed=True, date="2024", source_doc="d1")
    'r0'
    >>> p = actor_profile(G, "m", lang="nl")
    >>> p["type_label"], p["documents_received"], p["relations"]["richt zich tot"][0]["direction"]
    ('Ministerie / minister', ['d1'], 'in')
    """
    if actor not in G:
        raise KeyError(f"unknown actor {actor!r}: it is not in the graph")
    attrs = G.nodes[actor]
    sources = G.graph.get("sources") or {}
    written: set[str] = set()
    received: set[str] = set()
    grouped: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {}

    def add(direction: str, other: Hashable, key: Hashable, data: dict[str, Any]) -> None:
        kind = data.get("type", "")
        doc = data.get("source_doc") or ""
        other_name = G.nodes[other].get("name", str(other))
        row = {
            "key": key,
            "direction": direction,
            "other": other,
            "other_name": other_name,
            "type": kind,
            "date": data.get("date") or "",
            "source_doc": doc,
            "document_title": (sources.get(doc) or {}).get("title", "") if doc else "",
            "evidence": data.get("evidence") or "",
            "basis": data.get("basis") or "stated",
            "note": data.get("note") or "",
        }
        order = (not row["date"], row["date"], other_name, node_order(other), str(key))
        grouped.setdefault(kind, []).append((order, row))
        if doc and (kind == "co_signs" or (kind == "addresses" and direction == "out")):
            written.add(doc)
        if doc and kind == "addresses" and direction == "in":
            received.add(doc)

    for _, v, key, data in G.out_edges(actor, keys=True, data=True):
        add("out" if data.get("directed", True) else "mutual", v, key, data)
    for u, _, key, data in G.in_edges(actor, keys=True, data=True):
        if u != actor:  # a self-relation is already listed once, as "out"
            add("in" if data.get("directed", True) else "mutual", u, key, data)

    aliases = [a.strip() for a in (attrs.get("aliases") or "").split("|") if a.strip()]
    return {
        "id": actor,
        "name": attrs.get("name", str(actor)),
        "type": attrs.get("type", ""),
        "type_label": label(attrs.get("type", ""), lang),
        "country": attrs.get("country", ""),
        "sector": attrs.get("sector", ""),
        "description": attrs.get("description", ""),
        "aliases": aliases,
        "metrics": metric_rows(G, [actor])[actor],
        "relations": {
            label(kind, lang, kind="relation"): [row for _, row in sorted(grouped[kind], key=lambda item: item[0])]
            for kind in sorted(grouped, key=_relation_order)
        },
        "documents_written": sorted(written),
        "documents_received": sorted(received),
    }
