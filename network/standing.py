"""An actor's standing on the map in words: where it ranks among all actors on each metric.

A profile that says "degree 0.2292" asks the reader to know what the number means and what
is high; "19 neighbours, 2nd of 63" does not (issue 23). The ranks are taken on the whole
graph, as the metrics are (``analysis.ranking``); actors with the same value share a rank.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx

from .analysis import METRICS, ranking
from .i18n import t

__all__ = ["standing", "standing_text"]


def standing(G: nx.MultiDiGraph, actor: Hashable) -> list[dict[str, Any]]:
    """Per metric of ``analysis.METRICS``: the actor's value, its rank (1 is highest) and out of how many.

    Actors with the same rounded value share the better rank, so a tie never reads as a lead.

    Parameters
    ----------
    G : nx.MultiDiGraph
        The whole graph: ranks are among all its actors.
    actor : node id

    Returns
    -------
    list of dict
        ``{"metric", "value", "rank", "of", "neighbours"}`` in ``METRICS`` order; ``rank`` is
        None when the value is 0 (nobody is "63rd as a broker": it is not one).

    Raises
    ------
    KeyError
        If ``actor`` is not a node of ``G``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edges_from([("hub", "a"), ("hub", "b"), ("hub", "c"), ("a", "b")])
    >>> [(s["metric"], s["rank"], s["of"]) for s in standing(G, "a")][:2]
    [('degree', 2, 4), ('betweenness', None, 4)]
    """
    if actor not in G:
        raise KeyError(f"unknown actor {actor!r}: it is not in the graph")
    rows = ranking(G, "degree")
    mine = next(r for r in rows if r["id"] == actor)
    out = []
    for metric in METRICS:
        column = "degree_centrality" if metric == "degree" else metric
        value = mine[column]
        rank = 1 + sum(1 for r in rows if r[column] > value) if value > 0 else None
        out.append({"metric": metric, "value": value, "rank": rank, "of": len(rows), "neighbours": mine["degree"]})
    return out


def standing_text(row: dict[str, Any], lang: str = "en") -> str:
    """One ``standing`` row in words.

    Examples
    --------
    >>> standing_text({"metric": "degree", "value": 0.5, "rank": 2, "of": 63, "neighbours": 19})
    '19 neighbours: 2nd most connected of 63'
    >>> standing_text({"metric": "betweenness", "value": 0.0, "rank": None, "of": 63, "neighbours": 1}, "nl")
    'ligt tussen niemand anders in'
    """
    if row["rank"] is None:
        return t(f"standing_{row['metric']}_none", lang)
    return t(f"standing_{row['metric']}", lang, rank=_ordinal(row["rank"], lang), of=row["of"], n=row["neighbours"])


def _ordinal(n: int, lang: str) -> str:
    if lang == "nl":
        return f"{n}e"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
