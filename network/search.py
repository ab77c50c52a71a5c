"""Finding an actor by what a person types: its id, name, short label or an alias, best matches first.

The ranking (issue 23): an exact id, name or alias first; then names, ids or aliases that
start with the text; then those with a word that starts with it; then those that merely
contain it. Within each tier organisations come before people in public roles (who are
hidden on the opening map), and then the better connected first, then the name. So
"Minister" finds the minister (a ministry) before "minister Kaag" (a person), and
"min-buza" finds ``min-buza-bhos`` by its id.
"""

from __future__ import annotations

import re
from collections.abc import Hashable

import networkx as nx

from .graph import actor_names

__all__ = ["rank_actors", "PERSON_TYPES"]

PERSON_TYPES = frozenset({"person"})
_WORD = re.compile(r"[\s\-_/().,;:'\"]+")


def _tier(query: str, names: list[str]) -> int | None:
    """0 exact, 1 prefix, 2 a word's prefix, 3 contained; None: no match."""
    best = None
    for name in (x.casefold() for x in names):
        if name == query:
            return 0
        if name.startswith(query):
            tier = 1
        elif any(w.startswith(query) for w in _WORD.split(name) if w):
            tier = 2
        elif query in name:
            tier = 3
        else:
            continue
        best = tier if best is None else min(best, tier)
    return best


def rank_actors(G: nx.MultiDiGraph, query: str = "", limit: int | None = None) -> list[Hashable]:
    """The actors of ``G`` that match ``query`` (case-insensitive), best first; all of them for an empty query.

    Parameters
    ----------
    G : nx.MultiDiGraph
    query : str
        Part of an id, a name or an alias.
    limit : int, optional
        At most this many.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("kaag", {"name": "minister Kaag", "type": "person"}),
    ...                   ("min-buza", {"name": "Minister voor Handel", "type": "ministry"}),
    ...                   ("policy", {"name": "Beleid van minister Kaag", "type": "law_policy"})])
    >>> rank_actors(G, "Minister")
    ['min-buza', 'kaag', 'policy']
    >>> rank_actors(G, "min-bu")
    ['min-buza']
    """
    q = query.strip().casefold()
    degree = {n: len(set(G.predecessors(n)) | set(G.successors(n))) for n in G.nodes}
    found = []
    for n in G.nodes:
        short = str(G.nodes[n].get("label") or "")  # the map's short label (actors.csv) finds it too
        tier = _tier(q, [*actor_names(G, n), short] if short else actor_names(G, n)) if q else 0
        if tier is None:
            continue
        person = G.nodes[n].get("type") in PERSON_TYPES
        name = str(G.nodes[n].get("name", n))
        found.append(((tier, person, -degree[n], name.casefold(), str(n)), n))
    found.sort(key=lambda item: item[0])
    ranked = [n for _, n in found]
    return ranked[:limit] if limit is not None else ranked
