"""The map through time: the dates in the data, what appeared when, and what changed between two maps.

A relation appears on the map when its document does (``filters.appears``: the document's
date, else the relation's own). Dates are as precise as the documents (issue 24): a year, a
month, a day, or ``before`` a day (a letter that announces "8 december a.s."). A year or month
enters on its first day; ``before D`` on the day before D, the one day it is known to exist.
``as_of_notes`` says what a map as of a date cannot know to the day. ``steps`` are the dates a play button steps through: the
documents' dates. ``new_relations`` are those that appeared at a step (the map highlights
them). ``compare`` lists the actors and relations added and removed between two graphs:
the map at two dates (``compare_dates``) or two versions of the data (two folders, or a
folder and one of its backups).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx

from .cache import per_graph
from .filters import appears, apply_filters, period
from .i18n import t
from .model import claim_precision, known_from

__all__ = [
    "data_dates",
    "steps",
    "step_before",
    "new_relations",
    "as_of",
    "as_of_notes",
    "relation_key",
    "compare",
    "compare_dates",
    "compare_text",
]


def data_dates(G: nx.MultiDiGraph) -> list[str]:
    """Every date the map can be shown as of: the documents' dates and the relations' own, sorted.

    Examples
    --------
    >>> G = nx.MultiDiGraph(sources={"d": {"date": "2026-05-07"}, "e": {"date": "before 2020-12-08"}})
    >>> _ = G.add_edge("a", "b", date="2021", source_doc="d")
    >>> data_dates(G)
    ['before 2020-12-08', '2021', '2026-05-07']
    """
    found = {str(s.get("date", "")) for s in (G.graph.get("sources") or {}).values()}
    found |= {str(e.get("date", "")) for *_, e in G.edges(data=True)}
    return sorted((d for d in found if period(d)), key=lambda d: (known_from(d), d))


@per_graph  # the app's sidebar asks on every rerun; at 10,000 actors a walk costs 0.16 s
def steps(G: nx.MultiDiGraph) -> list[str]:
    """The dates a relation appears on (``filters.appears``), oldest first: what the play button steps through.

    Examples
    --------
    >>> G = nx.MultiDiGraph(sources={"d": {"date": "2026-05-07"}, "old": {"date": "2020"}})
    >>> _ = G.add_edge("a", "b", date="2019", source_doc="d")
    >>> _ = G.add_edge("a", "c", date="2018")
    >>> steps(G)
    ['2018', '2026-05-07']
    """
    sources = G.graph.get("sources") or {}
    out: dict[_dt.date, str] = {}
    for *_, e in G.edges(data=True):
        seen = appears(G, e)
        if seen is None:
            continue
        doc = sources.get(e.get("source_doc")) or {}
        written = str(doc.get("date", "")) if period(str(doc.get("date", ""))) else str(e.get("date", ""))
        out.setdefault(seen[0], written)
    return [out[d] for d in sorted(out)]


def step_before(G: nx.MultiDiGraph, date: str) -> str:
    """The step before the last one on or before ``date`` ("" when there is none)."""
    until = period(date)
    if until is None:
        return ""
    passed = [s for s in steps(G) if known_from(s) <= until[1]]  # type: ignore[operator]
    return passed[-2] if len(passed) > 1 else ""


def new_relations(G: nx.MultiDiGraph, date: str) -> frozenset[tuple[Hashable, Hashable, Hashable]]:
    """The relations of ``G`` that appeared at the last step on or before ``date``: the ones the map highlights.

    Examples
    --------
    >>> G = nx.MultiDiGraph(sources={})
    >>> _ = G.add_edge("a", "b", key="r0", date="2020")
    >>> _ = G.add_edge("a", "c", key="r1", date="2024")
    >>> sorted(new_relations(G, "2025")), sorted(new_relations(G, "2020"))
    ([('a', 'c', 'r1')], [('a', 'b', 'r0')])
    """
    until = period(date)
    if until is None:
        return frozenset()
    appeared = {(u, v, k): appears(G, e) for u, v, k, e in G.edges(keys=True, data=True)}
    starts = [p[0] for p in appeared.values() if p is not None and p[0] <= until[1]]
    if not starts:
        return frozenset()
    latest = max(starts)
    return frozenset(edge for edge, p in appeared.items() if p is not None and p[0] == latest)


def as_of(G: nx.MultiDiGraph, date: str) -> nx.MultiDiGraph:
    """The map as it stood on ``date`` (every relation that had appeared by then); ``G`` itself for no date."""
    return apply_filters(G, {}, as_of=date)


def _written(G: nx.MultiDiGraph, e: Mapping[str, Any]) -> str:
    """The date a relation enters the map by, as written: its document's, else its own (as ``filters.appears``)."""
    doc = (G.graph.get("sources") or {}).get(e.get("source_doc")) or {}
    return str(doc.get("date", "")) if period(str(doc.get("date", ""))) else str(e.get("date", ""))


def as_of_notes(G: nx.MultiDiGraph, date: str, lang: str = "en") -> list[str]:
    """What the map as of ``date`` cannot know to the day, from how precise the dates behind it are.

    Relations dated only to a year or month that has not ended by ``date`` are on the map but
    may be later; relations dated ``before D`` with ``date`` before the day before D are not on
    it but may already have existed. One line per such date, with the number of relations.

    Examples
    --------
    >>> G = nx.MultiDiGraph(sources={"brochure": {"date": "2025"}, "letter": {"date": "before 2020-12-08"}})
    >>> _ = G.add_edge("a", "b", source_doc="brochure")
    >>> _ = G.add_edge("a", "c", source_doc="letter")
    >>> for line in as_of_notes(G, "2020-11"): print(line)
    1 relation(s) dated 'before 2020-12-08' are not shown: they appear on 2020-12-07, the one day they are known to exist, and may be older
    >>> as_of_notes(G, "2025-06")
    ['1 relation(s) dated only to the year (2025) are shown: they may be from after 2025-06']
    >>> as_of_notes(G, "2026")
    []
    """
    until = period(date)
    if until is None:
        return []
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for *_, e in G.edges(data=True):
        written = _written(G, e)
        span, start = period(written), known_from(written)
        if span is None or start is None:
            continue
        if claim_precision(written) == "before":
            if until[1] < start:
                hidden[written] = hidden.get(written, 0) + 1
        elif start <= until[1] < span[1]:
            shown[written] = shown.get(written, 0) + 1
    lines = [
        t("as_of_imprecise_shown", lang, n=n, date=d, as_of=date, precision=t("precision_" + claim_precision(d), lang))
        for d, n in sorted(shown.items())
    ]
    lines += [
        t("as_of_before_hidden", lang, n=n, date=d, shown=known_from(d).isoformat())  # type: ignore[union-attr]
        for d, n in sorted(hidden.items())
    ]
    return lines


def relation_key(G: nx.MultiDiGraph, u: Hashable, v: Hashable, e: Mapping[str, Any]) -> tuple[str, str, str, str]:
    """What makes a relation the claim it is, across two versions of the data (its row number is not)."""
    a, b = str(u), str(v)
    if e.get("directed") is False:
        a, b = sorted((a, b))
    return (a, b, str(e.get("type", "")), str(e.get("source_doc", "")))


def _relation_row(G: nx.MultiDiGraph, u: Hashable, v: Hashable, e: Mapping[str, Any]) -> dict[str, str]:
    return {
        "source": str(u),
        "source_name": str(G.nodes[u].get("name", u)),
        "target": str(v),
        "target_name": str(G.nodes[v].get("name", v)),
        "type": str(e.get("type", "")),
        "date": str(e.get("date", "")),
        "source_doc": str(e.get("source_doc", "")),
    }


def compare(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> dict[str, list[dict[str, str]]]:
    """Actors and relations added and removed from ``old`` to ``new``.

    Relations are matched by ``relation_key`` (ends, type, document), counted, so the second
    of two identical claims is matched with the second. Lists are sorted by name.

    Examples
    --------
    >>> old = nx.MultiDiGraph(); old.add_node("a", name="A"); old.add_node("b", name="B")
    >>> _ = old.add_edge("a", "b", type="funds")
    >>> new = nx.MultiDiGraph(); new.add_node("a", name="A"); new.add_node("c", name="C")
    >>> _ = new.add_edge("a", "c", type="funds")
    >>> d = compare(old, new)
    >>> [r["id"] for r in d["actors_added"]], [r["id"] for r in d["actors_removed"]], len(d["relations_added"])
    (['c'], ['b'], 1)
    """

    def actor_row(G: nx.MultiDiGraph, n: Hashable) -> dict[str, str]:
        return {"id": str(n), "name": str(G.nodes[n].get("name", n)), "type": str(G.nodes[n].get("type", ""))}

    def keyed(G: nx.MultiDiGraph) -> dict[tuple[Any, ...], dict[str, str]]:
        out: dict[tuple[Any, ...], dict[str, str]] = {}
        counts: dict[tuple[str, ...], int] = {}
        for u, v, _k, e in sorted(G.edges(keys=True, data=True), key=lambda x: tuple(map(str, x[:3]))):
            key = relation_key(G, u, v, e)
            counts[key] = counts.get(key, 0) + 1
            out[(*key, counts[key])] = _relation_row(G, u, v, e)
        return out

    def by_name(rows: list[dict[str, str]], name: str) -> list[dict[str, str]]:
        return sorted(rows, key=lambda r: (r[name].casefold(), str(r)))

    a, b = keyed(old), keyed(new)
    return {
        "actors_added": by_name([actor_row(new, n) for n in new if n not in old], "name"),
        "actors_removed": by_name([actor_row(old, n) for n in old if n not in new], "name"),
        "relations_added": by_name([row for k, row in b.items() if k not in a], "source_name"),
        "relations_removed": by_name([row for k, row in a.items() if k not in b], "source_name"),
    }


def compare_dates(G: nx.MultiDiGraph, date_from: str, date_to: str) -> dict[str, list[dict[str, str]]]:
    """What changed on the map from ``date_from`` to ``date_to`` (each "as of"; an empty date is the whole map)."""
    return compare(as_of(G, date_from), as_of(G, date_to))


def compare_text(d: Mapping[str, list[dict[str, str]]], lang: str = "en", what: str = "") -> str:
    """A comparison as lines of text, for the command line (``what`` says which two maps)."""
    from .vocabulary import label

    lines = [what] if what else []
    counts = {k: len(v) for k, v in d.items()}
    lines.append(t("diff_counts", lang, **counts))
    for key, sign in (("actors_added", "+"), ("actors_removed", "-")):
        for r in d[key]:
            lines.append(f"  {sign} {r['name']} ({r['id']}, {label(r['type'], lang)})")
    for key, sign in (("relations_added", "+"), ("relations_removed", "-")):
        for r in d[key]:
            doc = f" [{r['source_doc']}, {r['date']}]" if r["source_doc"] or r["date"] else ""
            lines.append(f"  {sign} {r['source_name']} → {r['target_name']}: {label(r['type'], lang, 'relation')}{doc}")
    return "\n".join(lines)
