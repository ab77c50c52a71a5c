"""Which labels the map draws, and how big: every label up to 80 actors, by rank above (issue 23)."""

from __future__ import annotations

from collections.abc import Collection, Hashable

import networkx as nx

# Every label at least this big on screen at the fitted zoom, for maps up to PRESENT_ALL_LABELS_MAX
# actors (issues 11 and 23); above, labels give way by rank (label_ranks).
MIN_LABEL_PX = 14.0
PRESENT_ALL_LABELS_MAX = 80


def label_priority(G: nx.MultiDiGraph) -> dict[Hashable, float]:
    """How much each actor's label matters when not all fit: its number of neighbours."""
    return {n: float(len(set(G.predecessors(n)) | set(G.successors(n)))) for n in G.nodes}


# Above PRESENT_ALL_LABELS_MAX actors these many best-connected actors are always named (issue 23).
ALWAYS_LABELLED = 20
# A rank at or above this: the label is drawn whatever else it meets (fit.js reads the same number).
MUST_LABEL = 1000.0


def label_ranks(G: nx.MultiDiGraph, first: Collection[Hashable] = ()) -> dict[Hashable, float]:
    """The order labels are drawn in when not all fit: ``first`` (a path's or focus's actors), then
    the ``ALWAYS_LABELLED`` best connected (both at least ``MUST_LABEL``: always drawn), then by
    number of neighbours.

    >>> G = nx.MultiDiGraph([("hub", n) for n in "abc"] + [("a", "b")])
    >>> ranks = label_ranks(G, first={"c"})
    >>> ranks["c"] > ranks["hub"] >= MUST_LABEL
    True
    """
    degree = label_priority(G)
    top = sorted(G.nodes, key=lambda n: (-degree[n], str(G.nodes[n].get("name") or n).casefold()))[:ALWAYS_LABELLED]
    ranks = {n: degree[n] for n in G.nodes}
    ranks.update({n: MUST_LABEL + degree[n] for n in top})
    ranks.update({n: 2 * MUST_LABEL + degree[n] for n in first if n in ranks})
    return ranks
