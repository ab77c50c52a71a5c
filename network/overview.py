"""Overview of a big map: one node per group of actors instead of one per actor.

Above ``OVERVIEW_THRESHOLD`` actors the browser should draw groups — by actor
type, by community (coalition) or by country — so it handles hundreds of nodes
instead of tens of thousands. ``aggregate`` turns the actor graph into a group
graph: one node per group (its size is the member count), one edge per pair of
groups that have relations between them (its ``weight`` is how many, its tooltip
lists them by type). A group named in ``expanded`` is opened: its member actors
take its place, with their real relations to each other (and to the members of
other opened groups) and aggregated edges to the groups that stay closed.

The result is an ordinary ``nx.MultiDiGraph`` with the attributes
``render.render_html`` reads (``name``, ``type``, ``country``, ``description`` on
nodes; ``type``, ``directed``, ``note`` on edges), so it is drawn, exported and
laid out like any other view. ``render_overview`` does all of that in one call.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping

import networkx as nx

from . import vocabulary as vocab
from .i18n import t
from .style import MapStyle

__all__ = [
    "OVERVIEW_THRESHOLD",
    "overview_threshold",
    "GROUP_BY",
    "group_id",
    "parse_group_id",
    "membership",
    "aggregate",
    "group_sizes",
    "overview_style",
]

# Above this many actors the app opens on the overview instead of every actor: up to 10,000
# the full map draws within 2 s (see the benchmark), beyond that the browser draws groups.
OVERVIEW_THRESHOLD = 10_000
overview_threshold = OVERVIEW_THRESHOLD
GROUP_BY = ("type", "community", "country")
_NO_VALUE = "none"


def _num(n: int, lang: str) -> str:
    """1234 → "1,234" (English) or "1.234" (Dutch)."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "nl" else text


def group_id(by: str, key: str) -> str:
    """The node id of a group: ``group:<by>:<key>``.

    >>> group_id("type", "company")
    'group:type:company'
    """
    return f"group:{by}:{key}"


def parse_group_id(node: Hashable) -> tuple[str, str] | None:
    """``(by, key)`` of a group node id, or None for an actor.

    >>> parse_group_id("group:country:NL"), parse_group_id("fnv")
    (('country', 'NL'), None)
    """
    if isinstance(node, str) and node.startswith("group:"):
        parts = node.split(":", 2)
        if len(parts) == 3 and parts[1] in GROUP_BY:
            return parts[1], parts[2]
    return None


def membership(G: nx.MultiDiGraph, by: str = "type", communities: Mapping[Hashable, int] | None = None) -> dict[Hashable, str]:
    """The group key of every actor: its type, its country, or its community number (from 1).

    Communities come from ``analysis.communities`` unless given.
    """
    if by not in GROUP_BY:
        raise ValueError(f"cannot group by {by!r}; choose one of {', '.join(GROUP_BY)}")
    if by == "community":
        if communities is None:
            from .analysis import communities as find_communities

            communities = find_communities(G)
        found = communities
        return {n: str(found[n] + 1) if n in found else _NO_VALUE for n in G.nodes}
    column = "type" if by == "type" else "country"
    return {n: str(a.get(column) or _NO_VALUE) for n, a in G.nodes(data=True)}


def _group_order(by: str, sizes: Counter[str]) -> list[str]:
    if by == "type":
        known = [k for k in vocab.ACTOR_TYPES if k in sizes]
        return known + sorted(k for k in sizes if k not in vocab.ACTOR_TYPES)
    if by == "community":
        return sorted(sizes, key=lambda k: (k == _NO_VALUE, int(k) if k.isdigit() else 0, k))
    return sorted(sizes, key=lambda k: (k == _NO_VALUE, -sizes[k], k))


def _group_label(by: str, key: str, lang: str) -> str:
    if by == "type":
        return vocab.label(key, lang) if key != _NO_VALUE else t("unknown_type", lang)
    if by == "community":
        return t("coalition_n", lang, n=key) if key != _NO_VALUE else "–"
    return key if key != _NO_VALUE else t("no_country", lang)


def _type_order(key: str) -> tuple[int, str]:
    keys = list(vocab.RELATION_TYPES)
    return (keys.index(key) if key in keys else len(keys), key)


def _counts_text(counts: Counter[str], lang: str, kind: str, limit: int = 8) -> str:
    items = sorted(counts.items(), key=lambda kv: (-kv[1], _type_order(kv[0]) if kind == "relation" else kv[0]))
    parts = [f"{vocab.label(k, lang, kind) if k != _NO_VALUE else '–'} {_num(c, lang)}" for k, c in items[:limit]]
    if len(items) > limit:
        parts.append("…")
    return ", ".join(parts)


def aggregate(
    G: nx.MultiDiGraph,
    by: str = "type",
    expanded: Iterable[str] = (),
    *,
    lang: str = "en",
    communities: Mapping[Hashable, int] | None = None,
) -> nx.MultiDiGraph:
    """The group graph of ``G``: one node per group, one edge per pair of related groups.

    Parameters
    ----------
    G : nx.MultiDiGraph
        The actor graph (``build_graph``, possibly filtered).
    by : str
        ``"type"``, ``"community"`` or ``"country"``.
    expanded : iterable of str
        Groups to open, as group ids (``group:type:company``) or keys (``company``).
        Their members replace them, with their real relations.
    lang : str
        Language of the group names and tooltips.
    communities : mapping, optional
        ``{actor: community}`` to group by; default ``analysis.communities(G)``.

    Returns
    -------
    nx.MultiDiGraph
        Group nodes have ``name`` ("Company (4,210)"), ``type`` (the actor type when
        grouping by type, otherwise the most common type among the members),
        ``size`` and ``members`` (member count), ``internal`` (relations inside the
        group), ``group_by``, ``group_key`` and ``description`` (the mix of types).
        Aggregated edges join two groups (or an opened actor and a group), are
        undirected, and carry ``weight``/``count`` (how many relations), ``type``
        (the most common relation type), ``relation_counts`` and ``note`` (the counts
        per type, shown in the tooltip). Relations between opened actors are copied
        as they are, with their keys.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"type": "company"}), ("b", {"type": "company"}), ("u", {"type": "trade_union"})])
    >>> _ = G.add_edge("u", "a", type="negotiates_with"); _ = G.add_edge("u", "b", type="negotiates_with")
    >>> H = aggregate(G)
    >>> sorted(H.nodes), H.nodes["group:type:company"]["name"]
    (['group:type:company', 'group:type:trade_union'], 'Company (2)')
    >>> [d["weight"] for *_, d in H.edges(data=True)]
    [2]
    >>> sorted(aggregate(G, expanded=["company"]).nodes)
    ['a', 'b', 'group:type:trade_union']
    """
    group_of = membership(G, by, communities)
    sizes: Counter[str] = Counter(group_of.values())
    order = _group_order(by, sizes)
    opened = {g[1] if (g := parse_group_id(x)) else str(x) for x in expanded} & set(sizes)

    members: dict[str, list[Hashable]] = defaultdict(list)
    for n in G.nodes:
        members[group_of[n]].append(n)

    def rep(n: Hashable) -> Hashable:
        g = group_of[n]
        return n if g in opened else group_id(by, g)

    H: nx.MultiDiGraph = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.graph.update(overview_by=by, overview_expanded=sorted(opened))
    position: dict[Hashable, int] = {}
    for key in order:
        if key in opened:
            for n in members[key]:
                position[n] = len(position)
                H.add_node(n, **G.nodes[n], overview_group=group_id(by, key))
            continue
        gid = group_id(by, key)
        position[gid] = len(position)
        types = Counter(str(G.nodes[n].get("type") or _NO_VALUE) for n in members[key])
        main_type = (
            key
            if by == "type"
            else min(types, key=lambda k: (-types[k], list(vocab.ACTOR_TYPES).index(k) if k in vocab.ACTOR_TYPES else 99, k))
        )
        label = _group_label(by, key, lang)
        H.add_node(
            gid,
            name=f"{label} ({_num(sizes[key], lang)})",
            type=main_type if main_type != _NO_VALUE else "",
            country=key if by == "country" and key != _NO_VALUE else "",
            sector="",
            size=sizes[key],
            members=sizes[key],
            internal=0,
            group_by=by,
            group_key=key,
            description="",
        )

    pair_counts: dict[tuple[Hashable, Hashable], Counter[str]] = defaultdict(Counter)
    for u, v, k, e in G.edges(keys=True, data=True):
        a, b = rep(u), rep(v)
        if a == u and b == v:  # both ends opened: the real relation
            H.add_edge(u, v, key=k, **e)
        elif a == b:
            H.nodes[a]["internal"] += 1
        else:
            pair = (a, b) if position[a] <= position[b] else (b, a)
            pair_counts[pair][str(e.get("type", ""))] += 1
    for (a, b), counts in sorted(pair_counts.items(), key=lambda item: (position[item[0][0]], position[item[0][1]])):
        total = sum(counts.values())
        main = min(counts, key=lambda k: (-counts[k], _type_order(k)))
        text = f"{t('n_relations', lang, n=_num(total, lang))}: {_counts_text(counts, lang, 'relation')}"
        H.add_edge(
            a,
            b,
            key=f"agg:{a}|{b}",
            type=main,
            directed=False,
            weight=total,
            count=total,
            relation_counts=dict(sorted(counts.items(), key=lambda kv: _type_order(kv[0]))),
            note=text,
            title=text,
        )

    for key in order:
        if key in opened:
            continue
        gid = group_id(by, key)
        node = H.nodes[gid]
        types = Counter(str(G.nodes[n].get("type") or _NO_VALUE) for n in members[key])
        lines = [t("n_actors", lang, n=_num(sizes[key], lang))]
        if by != "type":
            lines.append(_counts_text(types, lang, "actor"))
        if node["internal"]:
            lines.append(t("n_inside", lang, n=_num(node["internal"], lang)))
        node["description"] = " · ".join(lines)
    return H


def group_sizes(H: nx.MultiDiGraph, smallest: float = 14.0, largest: float = 60.0, actor: float = 12.0) -> dict[Hashable, float]:
    """Drawing sizes for ``MapStyle.sizes``: a group's area grows with its member count; actors are small."""
    top = max((int(a.get("members", 0)) for _, a in H.nodes(data=True)), default=0) or 1
    sizes: dict[Hashable, float] = {}
    for n, a in H.nodes(data=True):
        count = a.get("members")
        sizes[n] = round(smallest + (largest - smallest) * math.sqrt(int(count) / top), 1) if count else actor
    return sizes


def overview_style(H: nx.MultiDiGraph, style: MapStyle | None = None) -> MapStyle:
    """A copy of ``style`` with the group sizes set."""
    return dataclasses.replace(style or MapStyle(), sizes=group_sizes(H))
