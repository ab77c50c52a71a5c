"""Stance: who is for, against or conditional on each ask, with the quotes it rests on.

An *ask* is an actor of a type in ``ASK_TYPES`` (a theme). A *stance* is a relation of a type
in ``STANCE_RELATIONS`` from an actor to what it takes a position on: ``advocates_for`` is
*for*, ``opposes`` *against*, ``has_concerns_about`` *conditional*. An undirected stance
relation counts for whichever end is not the ask.

Actors also take positions on things that are not themes: the SER opposes the subsidy scheme
(a law / policy), CNV Internationaal has concerns about the Dutch Diamond (a programme).
``stance`` answers for any actor; the asks table (``stance_matrix``) has a column for every
ask and, after them, for every other actor someone takes a stance on, so no objection drops
out of the table.

Mixed positions (issue 24: a stance a meeting would not contest). An actor with relations of
more than one stance on the same ask is placed by its *newest* ones (dates compare by the day
from which ``model.known_from`` shows them, so ``before 2020-12-08`` comes before ``2026``;
undated relations are oldest). Among the newest:

- support and concern together read as *for, with concerns* (placed under *for*, ``label``
  ``for_with_concerns``), not as *conditional*: a document that pleads for something and
  names a worry about it is for it;
- concern alone is *conditional*; opposition (with or without concern) is *against*;
- support and opposition on one date contradict each other: *conditional*, with both listed.

Each placement also says whether the actor *states* it (``basis`` ``stated``: at least one of
the newest relations behind it is stated) or whether it is only *read* into the text
(``inferred``), e.g. a worry others voice that the document takes up. Every entry lists all
its stance relations, oldest first, and every quote, so a change of position stays visible.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from .i18n import t
from .model import known_from

__all__ = [
    "ASK_TYPES",
    "STANCE_LABELS",
    "READ_COLORS",
    "STANCE_RELATIONS",
    "STANCES",
    "STANCE_COLORS",
    "NO_STANCE_COLOR",
    "asks",
    "stance_targets",
    "stance",
    "stance_matrix",
    "stance_colors",
    "stance_legend",
    "asks_rows",
    "asks_csv",
    "asks_xlsx",
    "asks_table_rows",
    "cell_words",
]

ASK_TYPES = ("theme",)
STANCE_RELATIONS = {"advocates_for": "for", "opposes": "against", "has_concerns_about": "conditional"}
STANCES = ("for", "against", "conditional")
# Paul Tol's colour-blind-safe "vibrant"/"bright" colours that read as such: green for, red against,
# yellow conditional; the light grey of "no stance" is the one the map uses for the unknown.
STANCE_COLORS = {"for": "#228833", "against": "#CC3311", "conditional": "#CCBB44"}
NO_STANCE_COLOR = "#BBBBBB"
# What a placement says in words: the three stances, and "for" that names a concern in the same document.
STANCE_LABELS = ("for", "for_with_concerns", "against", "conditional")
# Tol's "pear" sits between the green of for and the yellow of conditional.
LABEL_COLORS = {**STANCE_COLORS, "for_with_concerns": "#BBCC33"}
# A stance only read into the text (every relation behind it inferred) is drawn in a pale tint of its colour.
READ_COLORS = {"for": "#A6D1AC", "for_with_concerns": "#DDE699", "against": "#E6998A", "conditional": "#E6DDA2"}


def _name(G: nx.MultiDiGraph, n: Hashable) -> str:
    return str(G.nodes[n].get("name", n))


def _by_name(G: nx.MultiDiGraph, nodes: Iterable[Hashable]) -> list[Hashable]:
    return sorted(nodes, key=lambda n: (_name(G, n).casefold(), str(n)))


def asks(G: nx.MultiDiGraph) -> list[Hashable]:
    """The asks (actors of a type in ``ASK_TYPES``), sorted by name.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("t2", {"name": "Decent work", "type": "theme"}), ("t1", {"name": "Access to remedy", "type": "theme"}),
    ...                   ("u", {"name": "Union", "type": "trade_union"})])
    >>> asks(G)
    ['t1', 't2']
    """
    return _by_name(G, (n for n, kind in G.nodes(data="type") if kind in ASK_TYPES))


def _pair(G: nx.MultiDiGraph, u: Hashable, v: Hashable, d: Mapping[str, Any]) -> tuple[Hashable, Hashable]:
    """(actor, target) of a stance relation: source to target; an undirected one points at its ask end."""
    if d.get("directed") is False and G.nodes[u].get("type") in ASK_TYPES and G.nodes[v].get("type") not in ASK_TYPES:
        return v, u
    return u, v


def _stance_edges(
    G: nx.MultiDiGraph, around: Hashable | None = None
) -> Iterable[tuple[Hashable, Hashable, Hashable, dict[str, Any]]]:
    """(actor, target, key, data) of every stance relation (of those touching ``around``, if given)."""
    if around is None:
        edges: Iterable[tuple[Hashable, Hashable, Hashable, dict[str, Any]]] = G.edges(keys=True, data=True)
    else:
        edges = [*G.in_edges(around, keys=True, data=True), *G.out_edges(around, keys=True, data=True)]
    for u, v, k, d in edges:
        if u != v and d.get("type") in STANCE_RELATIONS:
            yield (*_pair(G, u, v, d), k, d)


def stance_targets(G: nx.MultiDiGraph) -> list[Hashable]:
    """The columns of the asks table: every ask (by name), then every other actor someone takes a stance on (by name).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("t", {"name": "Quiet ask", "type": "theme"}), ("law", {"name": "A law", "type": "law_policy"}),
    ...                   ("u", {"name": "Union", "type": "trade_union"})])
    >>> _ = G.add_edge("u", "law", type="opposes", directed=True)
    >>> stance_targets(G)
    ['t', 'law']
    """
    themes = asks(G)
    others = {target for _, target, _, _ in _stance_edges(G)} - set(themes)
    return themes + _by_name(G, others)


def _relation(G: nx.MultiDiGraph, d: Mapping[str, Any]) -> dict[str, str]:
    sources = G.graph.get("sources") or {}
    doc = str(d.get("source_doc") or "")
    return {
        "type": str(d.get("type", "")),
        "date": str(d.get("date") or ""),
        "source_doc": doc,
        "document": str((sources.get(doc) or {}).get("title", doc)) if doc else "",
        "evidence": str(d.get("evidence") or ""),
        "basis": str(d.get("basis") or "stated"),
        "note": str(d.get("note") or ""),
    }


def _when(date: str) -> _dt.date:
    """The day a relation's date counts from when positions are compared; undated is oldest."""
    return known_from(date) or _dt.date.min


def _placed(relations: Sequence[Mapping[str, str]]) -> dict[str, str]:
    """Where an actor's relations on one ask put it: ``stance`` (the column), ``label`` and ``basis``.

    Read from its newest relations (see the module docstring).
    """
    newest = max(_when(r["date"]) for r in relations)
    latest = [r for r in relations if _when(r["date"]) == newest]
    found = {STANCE_RELATIONS[r["type"]] for r in latest}
    if found == {"for", "conditional"}:
        where, label = "for", "for_with_concerns"
    elif "for" in found and "against" in found:
        where = label = "conditional"
    elif "against" in found:
        where = label = "against"
    else:
        where = label = found.pop()
    behind = {"for_with_concerns": {"for"}, "conditional": found or {"conditional"}}.get(label, {where})
    stated = any(r["basis"] != "inferred" for r in latest if STANCE_RELATIONS[r["type"]] in behind)
    return {"stance": where, "label": label, "basis": "stated" if stated else "inferred"}


def _positions(G: nx.MultiDiGraph, ask: Hashable) -> dict[Hashable, tuple[dict[str, str], list[dict[str, str]]]]:
    """actor → (placement, relations) on ``ask``; relations by date, then document and type."""
    found: dict[Hashable, list[dict[str, str]]] = {}
    for actor, target, k, d in _stance_edges(G, ask):
        if target == ask:
            found.setdefault(actor, []).append({"key": str(k), **_relation(G, d)})
    out = {}
    for actor, rels in found.items():
        rels.sort(key=lambda r: (_when(r["date"]), r["date"], r["source_doc"], r["type"], r["key"]))
        out[actor] = (_placed(rels), [{k: v for k, v in r.items() if k != "key"} for r in rels])
    return out


def _changed(rels: Sequence[Mapping[str, str]]) -> bool:
    """Whether older relations put the actor somewhere else than its newest ones do."""
    newest = max(_when(r["date"]) for r in rels)
    older = {STANCE_RELATIONS[r["type"]] for r in rels if _when(r["date"]) < newest}
    latest = {STANCE_RELATIONS[r["type"]] for r in rels if _when(r["date"]) == newest}
    return bool(older - latest)


def stance(G: nx.MultiDiGraph, ask: Hashable) -> dict[str, Any]:
    """Who is for, against and conditional on ``ask``, each with the relations (quotes) it rests on.

    Parameters
    ----------
    G : nx.MultiDiGraph
        The actor graph; ``G.graph["sources"]`` (if present) gives document titles.
    ask : node id
        A theme, or any actor others take a stance on (a law, a programme).

    Returns
    -------
    dict
        ``{"ask": id, "name": ..., "for": [entry], "against": [entry], "conditional": [entry]}``;
        each entry ``{"id", "name", "type", "label", "basis", "changed", "quotes", "relations":
        [{"type", "date", "source_doc", "document", "evidence", "basis", "note"}]}``, entries by
        name, relations oldest first. ``type`` of an entry is the actor's type; of a relation,
        the relation's. ``label`` is one of ``STANCE_LABELS`` (``for_with_concerns`` sits under
        "for"); ``basis`` says whether the actor states the stance or it is read into the text;
        ``changed`` whether older relations placed it elsewhere; ``quotes`` every quote, in the
        relations' order. An actor with mixed relations is placed by its newest ones (see the
        module docstring) and lists them all.

    Raises
    ------
    KeyError
        If ``ask`` is not a node of ``G``.

    Examples
    --------
    >>> G = nx.MultiDiGraph(sources={"d": {"title": "Paper"}})
    >>> G.add_nodes_from([("s", {"name": "Scheme", "type": "law_policy"}), ("ser", {"name": "SER", "type": "advisory_council"}),
    ...                   ("u", {"name": "Union", "type": "trade_union"})])
    >>> _ = G.add_edge("ser", "s", type="opposes", date="2023", source_doc="d", evidence="niet geschikt")
    >>> _ = G.add_edge("u", "s", type="advocates_for", date="2020", source_doc="d", evidence="steun")
    >>> _ = G.add_edge("u", "s", type="has_concerns_about", date="2024", source_doc="d", evidence="zorg")
    >>> s = stance(G, "s")
    >>> [e["name"] for e in s["against"]], [e["name"] for e in s["conditional"]], s["for"]
    (['SER'], ['Union'], [])
    >>> u = s["conditional"][0]
    >>> [r["type"] for r in u["relations"]], u["quotes"], u["changed"]
    (['advocates_for', 'has_concerns_about'], ['steun', 'zorg'], True)
    >>> _ = G.add_edge("u", "s", type="advocates_for", date="2024", source_doc="d", evidence="toch steun")
    >>> [(e["name"], e["label"], e["basis"]) for e in stance(G, "s")["for"]]
    [('Union', 'for_with_concerns', 'stated')]
    """
    if ask not in G:
        raise KeyError(f"unknown actor {ask!r}: it is not in the graph")
    out: dict[str, Any] = {"ask": ask, "name": _name(G, ask), "for": [], "against": [], "conditional": []}
    positions = _positions(G, ask)
    for actor in _by_name(G, positions):
        placed, rels = positions[actor]
        out[placed["stance"]].append(
            {
                "id": actor,
                "name": _name(G, actor),
                "type": str(G.nodes[actor].get("type", "")),
                "label": placed["label"],
                "basis": placed["basis"],
                "changed": _changed(rels),
                "quotes": [r["evidence"] for r in rels],
                "relations": rels,
            }
        )
    return out


def stance_matrix(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The asks table: every actor's stance on every ask (``stance_targets``), naming the documents.

    Returns
    -------
    dict
        ``{"asks": [ids], "actors": [ids], "cells": {(actor, ask): {"stance", "label", "basis",
        "changed", "documents", "quotes", "relations"}}}``: asks as ``stance_targets`` orders
        them, only those someone takes a stance on; actors who take a stance on at least one, by
        name; a cell for each pair that has one, ``documents`` the sorted ids of the documents its
        relations cite, ``quotes`` every quote (the other keys as in ``stance``).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("t", {"name": "Ask", "type": "theme"}), ("u", {"name": "Union", "type": "trade_union"})])
    >>> _ = G.add_edge("u", "t", type="advocates_for", source_doc="d1", date="2025")
    >>> m = stance_matrix(G)
    >>> m["asks"], m["actors"], m["cells"][("u", "t")]["stance"], m["cells"][("u", "t")]["documents"]
    (['t'], ['u'], 'for', ['d1'])
    """
    cells: dict[tuple[Hashable, Hashable], dict[str, Any]] = {}
    columns = []
    for ask in stance_targets(G):
        positions = _positions(G, ask)
        if positions:
            columns.append(ask)
        for actor, (placed, rels) in positions.items():
            docs = sorted({r["source_doc"] for r in rels if r["source_doc"]})
            cells[(actor, ask)] = {
                **placed,
                "changed": _changed(rels),
                "documents": docs,
                "quotes": [r["evidence"] for r in rels],
                "relations": rels,
            }
    return {"asks": columns, "actors": _by_name(G, {a for a, _ in cells}), "cells": cells}


def stance_colors(G: nx.MultiDiGraph, ask: Hashable) -> dict[Hashable, str]:
    """A colour for every actor of ``G`` by its stance on ``ask``, or ``NO_STANCE_COLOR``.

    A stated stance has its full colour (``STANCE_COLORS``, and Tol's pear for *for, with
    concerns*); one only read into the text has the pale tint of ``READ_COLORS``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["t", "u", "v"])
    >>> _ = G.add_edge("u", "t", type="opposes")
    >>> stance_colors(G, "t")
    {'t': '#BBBBBB', 'u': '#CC3311', 'v': '#BBBBBB'}
    """
    positions = _positions(G, ask) if ask in G else {}
    out = {}
    for n in G.nodes:
        placed = positions[n][0] if n in positions else None
        if placed is None:
            out[n] = NO_STANCE_COLOR
        else:
            out[n] = (LABEL_COLORS if placed["basis"] == "stated" else READ_COLORS)[placed["label"]]
    return out


def stance_legend(G: nx.MultiDiGraph, ask: Hashable, lang: str = "en") -> list[tuple[str, str]]:
    """(label, colour) of the three stances on ``ask`` and of "no stance", for the map's legend.

    *For, with concerns* and the pale "read, not stated" tints are listed only when some
    actor on ``ask`` is placed so: a legend names what the map shows.
    """
    name = _name(G, ask) if ask in G else str(ask)
    placed = [p for p, _ in _positions(G, ask).values()] if ask in G else []
    shown = {p["label"] for p in placed}
    read = {p["label"] for p in placed if p["basis"] == "inferred"}
    legend = []
    for s in ("for", "for_with_concerns", "against", "conditional"):
        if s in STANCES or s in shown:
            legend.append((t(f"stance_{s}_ask", lang, ask=name), LABEL_COLORS[s]))
    for s in STANCE_LABELS:
        if s in read:
            legend.append((t("stance_read_ask", lang, stance=t(f"stance_{s}", lang), ask=name), READ_COLORS[s]))
    return legend + [(t("stance_none", lang), NO_STANCE_COLOR)]


def cell_words(cell: Mapping[str, Any], lang: str = "en") -> str:
    """What a placement says in words: its label, and "read, not stated" when no relation behind it is stated.

    Examples
    --------
    >>> cell_words({"label": "for_with_concerns", "basis": "stated"}), cell_words({"label": "against", "basis": "inferred"})
    ('for, with concerns', 'against (read, not stated)')
    """
    words = t("stance_" + cell.get("label", cell.get("stance", "")), lang)
    return words + (f" ({t('stance_read', lang)})" if cell.get("basis") == "inferred" else "")


def _cell_text(cell: Mapping[str, Any], lang: str) -> str:
    return f"{cell_words(cell, lang)} ({'; '.join(cell['documents'])})"


def asks_rows(G: nx.MultiDiGraph, lang: str = "en") -> tuple[list[str], list[dict[str, str]]]:
    """The asks table as (columns, rows): one row per actor, one column per ask, cells like ``for (doc-id)``."""
    m = stance_matrix(G)
    names = [_name(G, a) for a in m["asks"]]
    # Two asks with one name would share a column: the id tells them apart.
    counts = {n: names.count(n) for n in names}
    headers = [f"{n} ({a})" if counts[n] > 1 else n for n, a in zip(names, m["asks"])]
    columns = [t("actor", lang), "id", *headers]
    rows = []
    for actor in m["actors"]:
        row = {columns[0]: _name(G, actor), "id": str(actor)}
        for ask, header in zip(m["asks"], headers):
            cell = m["cells"].get((actor, ask))
            row[header] = _cell_text(cell, lang) if cell else ""
        rows.append(row)
    return columns, rows


def _quote_rows(G: nx.MultiDiGraph, lang: str) -> tuple[list[str], list[dict[str, str]]]:
    columns = [
        t("ask", lang),
        "ask_id",
        t("stance", lang),
        t("actor", lang),
        "actor_id",
        t("relation", lang),
        t("basis", lang),
        t("date", lang),
        "source_doc",
        t("document", lang),
        t("quote", lang),
        t("note", lang),
    ]
    from .vocabulary import label

    m = stance_matrix(G)
    rows = []
    for ask in m["asks"]:
        for actor in m["actors"]:
            cell = m["cells"].get((actor, ask))
            for r in cell["relations"] if cell else []:
                values = [
                    _name(G, ask),
                    str(ask),
                    cell_words(cell, lang),
                    _name(G, actor),
                    str(actor),
                    label(r["type"], lang, "relation"),
                    t("basis_" + r["basis"], lang) if r["basis"] in ("stated", "inferred") else r["basis"],
                    r["date"],
                    r["source_doc"],
                    r["document"],
                    r["evidence"],
                    r["note"],
                ]
                rows.append(dict(zip(columns, values)))
    return columns, rows


def asks_csv(G: nx.MultiDiGraph, lang: str = "en") -> bytes:
    """The asks table (``asks_rows``) as CSV bytes: UTF-8 with a byte-order mark, so Excel shows accents right.

    Cells a spreadsheet would run as a formula are prefixed with an apostrophe.
    """
    from .io.csvfile import csv_text

    columns, rows = asks_rows(G, lang)
    return ("\ufeff" + csv_text(rows, columns)).encode("utf-8")


def asks_xlsx(G: nx.MultiDiGraph, lang: str = "en") -> bytes:
    """The asks table as a workbook: the matrix, and every quote it rests on (one row per relation)."""
    from .io.xlsx import sheets_to_xlsx

    columns, rows = asks_rows(G, lang)
    qcolumns, qrows = _quote_rows(G, lang)
    return sheets_to_xlsx([(t("asks", lang)[:31], columns, rows), (t("quotes", lang)[:31], qcolumns, qrows)])


def asks_table_rows(G: nx.MultiDiGraph, lang: str = "en") -> list[dict[str, str]]:
    """One row per ask someone takes a stance on, for a slide: names for / against / conditional and the documents.

    Keys: ``ask``, ``for``, ``against``, ``conditional`` (actor names joined by ", ", an actor
    whose stance rests only on inferred claims marked as such, one for with concerns marked so)
    and ``documents`` (ids). The
    column headings are ``t("ask")``, ``t("stance_for")``, ``t("stance_against")``,
    ``t("stance_conditional")`` and ``t("documents")``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("t", {"name": "Ask", "type": "theme"}), ("u", {"name": "Union"}), ("v", {"name": "Council"})])
    >>> _ = G.add_edge("u", "t", type="advocates_for", source_doc="d1")
    >>> _ = G.add_edge("v", "t", type="opposes", source_doc="d2", basis="inferred")
    >>> asks_table_rows(G)
    [{'ask': 'Ask', 'for': 'Union', 'against': 'Council (inferred)', 'conditional': '', 'documents': 'd1, d2'}]
    """
    rows = []
    for ask in stance_targets(G):
        s = stance(G, ask)
        if not any(s[k] for k in STANCES):
            continue
        row = {"ask": s["name"]}
        docs: set[str] = set()
        for k in STANCES:
            names = []
            for e in s[k]:
                docs |= {r["source_doc"] for r in e["relations"] if r["source_doc"]}
                marks = [t("stance_for_with_concerns", lang)] if e["label"] == "for_with_concerns" else []
                marks += [t("inferred", lang)] if e["basis"] == "inferred" else []
                names.append(e["name"] + (f" ({'; '.join(marks)})" if marks else ""))
            row[k] = ", ".join(names)
        row["documents"] = ", ".join(sorted(docs))
        rows.append(row)
    return rows
