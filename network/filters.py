"""Every filter of the map, declared once.

A :class:`Filter` says which view field (and URL parameter) holds it, which command-line
flag sets it, what it compares, which values the data offers and how a value reads.
The view state's fields, ``graph.filter_graph``, the caption, the sidebar and the
command line all read ``FILTERS``: adding a filter is one entry here (plus its label in
the string catalog) and a test.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from . import vocabulary as vocab
from .i18n import t
from .model import claim_period, known_from

__all__ = [
    "Filter",
    "FILTERS",
    "VALUE_FILTERS",
    "RANGE_FIELDS",
    "DateFilter",
    "DATE_FILTERS",
    "DATE_FIELDS",
    "by_key",
    "period",
    "appears",
    "apply_filters",
    "Toggle",
    "TOGGLES",
    "TOGGLE_FIELDS",
    "LENSES",
]


def _node_values(attribute: str) -> Callable[[nx.MultiDiGraph], list[str]]:
    def options(G: nx.MultiDiGraph) -> list[str]:
        return sorted({str(a.get(attribute, "")) for _, a in G.nodes(data=True)} - {""}, key=str.casefold)

    return options


def _actor_types(G: nx.MultiDiGraph) -> list[str]:
    present = {a.get("type") for _, a in G.nodes(data=True)}
    return [k for k in vocab.ACTOR_TYPES if k in present] + sorted(str(k) for k in present - set(vocab.ACTOR_TYPES) if k)


def _relation_types(G: nx.MultiDiGraph) -> list[str]:
    present = {e.get("type") for *_, e in G.edges(data=True)}
    return [k for k in vocab.RELATION_TYPES if k in present] + sorted(str(k) for k in present - set(vocab.RELATION_TYPES) if k)


def _documents(G: nx.MultiDiGraph) -> list[str]:
    known = list(G.graph.get("sources", {}))
    used = sorted({str(e.get("source_doc")) for *_, e in G.edges(data=True) if e.get("source_doc")} - set(known))
    return known + used


def _themes(G: nx.MultiDiGraph) -> list[str]:
    themes = [n for n, a in G.nodes(data=True) if a.get("type") == "theme"]
    return sorted(themes, key=lambda n: str(G.nodes[n].get("name", n)).casefold())


def _document_label(G: nx.MultiDiGraph, doc: str, lang: str) -> str:
    s = G.graph.get("sources", {}).get(doc)
    return f"{s.get('title') or doc} ({s.get('date', '')})" if s else doc


def _actor_name(G: nx.MultiDiGraph, n: Hashable, lang: str) -> str:
    return str(G.nodes[n].get("name", n)) if n in G else str(n)


def _basis(e: Mapping[str, object]) -> str:
    return str(e.get("basis") or "stated")


@dataclass(frozen=True)
class Filter:
    """One filter: a list of values, of which a node or relation must match one.

    ``on`` is "actor" (actors that do not match go, with their relations), "relation"
    (relations that do not match go, then the actors left with none) or "theme" (the
    chosen themes and who advocates for them stay).
    """

    key: str  # the ViewState field, the URL parameter and the string catalog's label
    flag: str  # the command-line option, repeatable
    on: str
    help: str
    options: Callable[[nx.MultiDiGraph], list[str]]
    value: Callable[[Mapping[str, object]], str] | None = None  # what a node or relation is compared by
    label: Callable[[nx.MultiDiGraph, str, str], str] = lambda G, v, lang: str(v)
    kind: str = ""  # "actor_type" / "relation_type" values accept their labels; "actor" values any name

    def matches(self, attrs: Mapping[str, object], chosen: set[str]) -> bool:
        assert self.value is not None
        return self.value(attrs) in chosen


FILTERS: tuple[Filter, ...] = (
    Filter(
        "actor_types",
        "--actor-type",
        "actor",
        "only these actor types",
        _actor_types,
        lambda a: str(a.get("type", "")),
        lambda G, v, lang: vocab.label(v, lang),
        kind="actor_type",
    ),
    Filter(
        "relation_types",
        "--relation-type",
        "relation",
        "only these relation types",
        _relation_types,
        lambda e: str(e.get("type", "")),
        lambda G, v, lang: vocab.label(v, lang, "relation"),
        kind="relation_type",
    ),
    Filter(
        "countries",
        "--country",
        "actor",
        "only actors from these countries",
        _node_values("country"),
        lambda a: str(a.get("country", "")),
    ),
    Filter(
        "sectors", "--sector", "actor", "only actors in these sectors", _node_values("sector"), lambda a: str(a.get("sector", ""))
    ),
    Filter(
        "source_docs",
        "--source-doc",
        "relation",
        "only relations from these documents (ids)",
        _documents,
        lambda e: str(e.get("source_doc", "")),
        _document_label,
    ),
    Filter(
        "basis",
        "--basis",
        "relation",
        "only claims known this way: stated (the quote says it) or inferred",
        lambda G: ["stated", "inferred"],
        _basis,
        lambda G, v, lang: t(f"basis_{v}", lang),
    ),
    Filter(
        "themes",
        "--theme",
        "theme",
        "only these themes (asks) and who advocates for them",
        _themes,
        None,
        _actor_name,
        kind="actor",
    ),
)
VALUE_FILTERS = {f.key: f for f in FILTERS}


@dataclass(frozen=True)
class DateFilter:
    """A filter that is one date (YYYY, YYYY-MM or YYYY-MM-DD), not a list of values."""

    key: str  # the ViewState field, the URL parameter and the string catalog's label
    flag: str  # the command-line option
    help: str


DATE_FILTERS: tuple[DateFilter, ...] = (
    DateFilter("date_from", "--date-from", "only relations dated in or after this period"),
    DateFilter("date_to", "--date-to", "only relations dated in or before this period"),
    # The map through time (issue 14): a relation appears when its document does.
    DateFilter("as_of", "--as-of", "the map as it stood on this date: each relation appears when its document does"),
)
DATE_FIELDS = tuple(d.key for d in DATE_FILTERS)
# The date range: the relation's own date overlaps it.
RANGE_FIELDS = ("date_from", "date_to")


@dataclass(frozen=True)
class Toggle:
    """An appearance option that is on or off: what the map shows or how it draws it.

    Declared here beside the filters so the view state, the URL, saved views, the caption,
    the sidebar and the command line read one list (issue 25: the README's flags and the
    CLI had drifted apart). ``lens`` names the actor type the option shows, when it is one.
    """

    key: str  # the ViewState field, the URL parameter and the string catalog's label (and key + "_help")
    flag: str  # the command-line switch
    help: str
    lens: str = ""


TOGGLES: tuple[Toggle, ...] = (
    Toggle("show_asks", "--show-asks", "show the asks (themes) and who argues for or against them", lens="theme"),
    Toggle("show_people", "--show-people", "show people in public roles (ministers, signatories)", lens="person"),
    Toggle("every_claim", "--every-claim", "draw every relation as its own line (default: one line per pair of actors)"),
)
TOGGLE_FIELDS = tuple(o.key for o in TOGGLES)
# Actor types that are a lens of their own (off the opening map where the data makes them one), by type.
LENSES = {o.lens: o for o in TOGGLES if o.lens}


def by_key(key: str) -> Filter:
    return VALUE_FILTERS[key]


def period(value: str) -> tuple[_dt.date, _dt.date] | None:
    """First and last day a YYYY, YYYY-MM or YYYY-MM-DD date covers.

    Examples
    --------
    >>> period("2025-02")
    (datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))

    ``before DATE`` (a claim dated only by what it precedes) runs from ``date.min`` to the
    day before DATE (``model.claim_period``).
    """
    return claim_period(value) if value else None


def appears(G: nx.MultiDiGraph, e: Mapping[str, object]) -> tuple[_dt.date, _dt.date] | None:
    """When a relation enters the map through time: its document's date, else its own; None if undated.

    Examples
    --------
    >>> G = nx.MultiDiGraph(sources={"d": {"date": "2025-06"}})
    >>> appears(G, {"source_doc": "d", "date": "2019"})[0], appears(G, {"date": "2019"})[0]
    (datetime.date(2025, 6, 1), datetime.date(2019, 1, 1))
    >>> appears(G, {"date": "before 2020-12-08"})
    (datetime.date(2020, 12, 7), datetime.date(2020, 12, 7))
    """
    doc = e.get("source_doc")
    source = (G.graph.get("sources") or {}).get(doc) if doc else None
    date = str(source.get("date", "")) if source and period(str(source.get("date", ""))) else str(e.get("date", ""))
    p = period(date)
    # A claim dated "before D" enters the day before D, the one day it is known to exist.
    return (known_from(date), p[1]) if p else None  # type: ignore[return-value]


def apply_filters(
    G: nx.MultiDiGraph, chosen: Mapping[str, Iterable[str]], date_from: str = "", date_to: str = "", as_of: str = ""
) -> nx.MultiDiGraph:
    """The part of ``G`` that passes every chosen filter (``graph.filter_graph`` documents the rules).

    ``as_of`` keeps the relations that had appeared by the end of that period (``appears``):
    the map as it stood then. Undated relations drop out while it is on, as with the range.
    A date field may also come in ``chosen`` (as ``graph.filter_graph`` passes it on).

    Examples
    --------
    >>> G = nx.MultiDiGraph(sources={"d": {"date": "2026-05-07"}})
    >>> _ = G.add_edge("a", "b", type="trains", date="2020", source_doc="d")
    >>> _ = G.add_edge("a", "c", type="trains", date="2020")
    >>> sorted(apply_filters(G, {}, as_of="2025").nodes), apply_filters(G, {}, as_of="2026-05").number_of_edges()
    (['a', 'c'], 2)
    """
    chosen = dict(chosen)
    as_of = as_of or str(chosen.pop("as_of", "") or "")
    unknown = set(chosen) - set(VALUE_FILTERS)
    if unknown:
        raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
    sets = {k: set(v) for k, v in chosen.items() if v}
    as_of_span, from_span, to_span = period(as_of), period(date_from), period(date_to)
    until = as_of_span[1] if as_of_span else None
    if not sets and not from_span and not to_span and until is None:
        return G  # nothing to filter: no copy (callers never change the graph they are given)
    actor_filters = [(VALUE_FILTERS[k], s) for k, s in sets.items() if VALUE_FILTERS[k].on == "actor"]
    relation_filters = [(VALUE_FILTERS[k], s) for k, s in sets.items() if VALUE_FILTERS[k].on == "relation"]
    keep = [n for n, a in G.nodes(data=True) if all(f.matches(a, s) for f, s in actor_filters)]
    lo = from_span[0] if from_span else None
    hi = to_span[1] if to_span else None
    H = G.subgraph(keep)
    if relation_filters or lo or hi or until:
        edges = []
        for u, v, k, e in H.edges(keys=True, data=True):
            if not all(f.matches(e, s) for f, s in relation_filters):
                continue
            if lo or hi:
                p = period(str(e.get("date", "")))
                if p is None or (lo and p[1] < lo) or (hi and p[0] > hi):
                    continue
            if until:
                seen = appears(G, e)
                if seen is None or seen[0] > until:
                    continue
            edges.append((u, v, k))
        # The stubs type edge_subgraph's edges as (u, v); a multigraph's are (u, v, key).
        H = G.edge_subgraph(edges)  # type: ignore[arg-type]
    out: nx.MultiDiGraph = nx.MultiDiGraph(H)
    out.graph.update(G.graph)
    themes = {th for th in sets.get("themes", ()) if th in out}
    if themes:
        members = set(themes)
        for u, v, e in out.edges(data=True):
            if v in themes and e.get("type") == "advocates_for":
                members.add(u)
        out = nx.MultiDiGraph(out.subgraph(members))
        out.graph.update(G.graph)
    return out
