"""The power-interest grid: every actor placed by influence (vertical) and interest (horizontal) on an ask.

Defaults come from the data, and each says where it comes from:

- **influence** (0-10) = half from the actor's type (``TYPE_WEIGHT``: a ministry can decide,
  a publication cannot) and half from its PageRank on the whole map, relative to the
  best-connected actor (``analysis.centrality``);
- **stance** on the ask from its stance relations (``stance.stance``: advocates for, opposes,
  has concerns about, the newest placing it);
- **interest** (0-10) from those relations: 8 for a clear stance, 6 for a conditional one,
  one more per further relation (at most 10); without a stance, 1 plus one per partner that
  has one (at most 4, under the middle). Over all asks, interest grows with the number of
  asks the actor takes a stance on.

The team overrides any of them in ``assessments.csv`` (actor, ask, influence, interest,
stance, date, note). An assessment is dated: the newest on or before ``as_of`` counts, the
older ones are the trend, and ``since`` says what changed after a date. An assessment with
no ask holds for every ask (an actor's influence seldom depends on the ask).

Quadrants split at the middle (5): manage closely (high influence, high interest), keep
satisfied (high, low), keep informed (low, high), monitor (low, low).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from . import vocabulary as vocab
from .analysis import centrality
from .i18n import t
from .model import parse_date
from .stance import ASK_TYPES, STANCE_COLORS, stance, stance_targets

__all__ = [
    "QUADRANTS",
    "MIDDLE",
    "TYPE_WEIGHT",
    "GRID_COLORS",
    "quadrant",
    "influence_defaults",
    "grid",
    "grid_text",
    "grid_asks",
]

MIDDLE = 5.0
# Top right, top left, bottom right, bottom left as the picture draws them.
QUADRANTS = ("manage_closely", "keep_satisfied", "keep_informed", "monitor")
# How much an actor of this type can decide on an ask by itself, 0-10.
TYPE_WEIGHT = {
    "ministry": 10,
    "parliament": 9,
    "government_agency": 7,
    "advisory_council": 7,
    "employers_organisation": 6,
    "trade_union": 6,
    "international_organisation": 6,
    "person": 5,
    "company": 5,
    "law_policy": 5,
    "ngo": 4,
    "knowledge_institute": 4,
    "programme": 3,
    "local_union": 3,
    "publication": 1,
}
DEFAULT_WEIGHT = 3
# The stance colours of the asks table, plus "mixed" (for one ask, against another) and "neutral".
GRID_COLORS = {**STANCE_COLORS, "mixed": "#AA3377", "neutral": "#4477AA", "none": "#BBBBBB"}


def quadrant(influence: float, interest: float) -> str:
    """The quadrant of a point.

    Examples
    --------
    >>> quadrant(8, 9), quadrant(8, 2), quadrant(2, 9), quadrant(2, 2)
    ('manage_closely', 'keep_satisfied', 'keep_informed', 'monitor')
    """
    high, keen = influence >= MIDDLE, interest >= MIDDLE
    return QUADRANTS[0 if high and keen else 1 if high else 2 if keen else 3]


def grid_asks(G: nx.MultiDiGraph) -> list[Hashable]:
    """The asks a grid can be drawn for: every ask, then every other actor someone takes a stance on."""
    return stance_targets(G)


def _placed(G: nx.MultiDiGraph) -> list[Hashable]:
    """The actors a grid places: everyone but the asks themselves."""
    return [n for n, kind in G.nodes(data="type") if kind not in ASK_TYPES]


def influence_defaults(G: nx.MultiDiGraph, lang: str = "en") -> dict[Hashable, tuple[float, str]]:
    """Influence from the data for every actor a grid places: (score 0-10, why).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("m", {"type": "ministry"}), ("u", {"type": "trade_union"}), ("p", {"type": "publication"})])
    >>> _ = G.add_edge("u", "m", type="addresses"); _ = G.add_edge("p", "u", type="addresses")
    >>> {n: v for n, (v, _) in influence_defaults(G).items()}
    {'m': 7.6, 'u': 8.0, 'p': 3.1}
    """
    actors = _placed(G)
    ranks = centrality(G, "pagerank") if G.number_of_edges() else {}
    top = max((ranks.get(n, 0.0) for n in actors), default=0.0) or 1.0
    out = {}
    for n in actors:
        kind = str(G.nodes[n].get("type", ""))
        weight = TYPE_WEIGHT.get(kind, DEFAULT_WEIGHT)
        share = ranks.get(n, 0.0) / top
        score = round(0.5 * weight + 5 * share, 1)
        why = t("why_influence", lang, type=vocab.label(kind, lang), weight=weight, share=round(100 * share))
        out[n] = (score, why)
    return out


def _relation_text(r: Mapping[str, str], lang: str) -> str:
    where = ", ".join(x for x in (r.get("source_doc", ""), r.get("date", "")) if x)
    return vocab.label(r["type"], lang, "relation") + (f" ({where})" if where else "")


def _stance_defaults(G: nx.MultiDiGraph, ask: Hashable, lang: str) -> dict[Hashable, tuple[str, float, str]]:
    """actor -> (stance, interest, why) on one ask, from the stance relations."""
    s = stance(G, ask)
    out: dict[Hashable, tuple[str, float, str]] = {}
    for where in ("for", "against", "conditional"):
        for e in s[where]:
            base = 6.0 if where == "conditional" else 8.0
            interest = min(10.0, base + len(e["relations"]) - 1)
            rels = "; ".join(_relation_text(r, lang) for r in e["relations"])
            out[e["id"]] = (where, interest, t("why_interest_stance", lang, n=len(e["relations"]), relations=rels))
    return out


def _all_asks_defaults(G: nx.MultiDiGraph, lang: str) -> dict[Hashable, tuple[str, float, str]]:
    """actor -> (stance, interest, why) over every ask: interest by how many asks it takes a stance on."""
    found: dict[Hashable, dict[str, list[str]]] = {}
    for ask in grid_asks(G):
        for where, entries in ((w, stance(G, ask)[w]) for w in ("for", "against", "conditional")):
            for e in entries:
                found.setdefault(e["id"], {}).setdefault(where, []).append(str(G.nodes[ask].get("name", ask)))
    out: dict[Hashable, tuple[str, float, str]] = {}
    for actor, by in found.items():
        n = sum(len(v) for v in by.values())
        kinds = set(by)
        overall = kinds.pop() if len(kinds) == 1 else ("mixed" if {"for", "against"} <= set(by) else "conditional")
        parts = "; ".join(f"{t('grid_stance_' + w, lang)}: {', '.join(names)}" for w, names in sorted(by.items()))
        out[actor] = (overall, min(10.0, 4.0 + 2 * n), t("why_interest_asks", lang, n=n, asks=parts))
    return out


def _partners_with_stance(G: nx.MultiDiGraph, actor: Hashable, with_stance: set[Hashable]) -> int:
    others = {v for _, v in G.out_edges(actor)} | {u for u, _ in G.in_edges(actor)}
    return len((others - {actor}) & with_stance)


def _matching(
    assessments: Iterable[Mapping[str, str]], actor: Hashable, ask: Hashable | None, as_of: str
) -> list[dict[str, str]]:
    """The assessments of ``actor`` that hold for ``ask`` (its own, and those with no ask), dated by ``as_of``, oldest first."""
    until = parse_date(as_of) if as_of else None
    rows = []
    for a in assessments:
        if a.get("actor") != str(actor):
            continue
        if a.get("ask") and (ask is None or a.get("ask") != str(ask)):
            continue
        day = parse_date(a.get("date", ""))
        if day is None or (until is not None and day > until):
            continue
        rows.append(dict(a))
    return sorted(rows, key=lambda a: (parse_date(a["date"]), a["date"], bool(a.get("ask"))))


def _value_at(rows: Sequence[Mapping[str, str]], column: str, date: str | None = None) -> tuple[str, str] | None:
    """(value, date) of the newest row (on or before ``date``) that fills ``column``."""
    until = parse_date(date) if date else None
    for a in reversed(rows):
        if a.get(column) and (until is None or (parse_date(a["date"]) or until) <= until):
            return a[column], a["date"]
    return None


def grid(
    G: nx.MultiDiGraph,
    ask: Hashable | None = None,
    assessments: Iterable[Mapping[str, str]] = (),
    *,
    as_of: str = "",
    since: str = "",
    lang: str = "en",
) -> dict[str, Any]:
    """Every actor on the power-interest grid of ``ask`` (None: all asks), with why each value is what it is.

    Parameters
    ----------
    G : nx.MultiDiGraph
        The whole map (or the map as of a date, ``timeline.as_of``).
    ask : node id, optional
        An ask (``grid_asks``); None places actors by all asks together.
    assessments : rows of assessments.csv
        The team's overrides; the newest on or before ``as_of`` counts.
    as_of : str
        Ignore assessments dated after this (YYYY[-MM[-DD]]).
    since : str
        Report what changed after this date (``changed``).
    lang : str
        ``"en"`` or ``"nl"`` for the explanations.

    Returns
    -------
    dict
        ``{"ask", "ask_name", "as_of", "since", "actors": [row], "quadrants": {quadrant: [ids]}}``;
        each row ``{"id", "name", "label" (the short one, else the name), "type", "influence", "interest", "stance", "quadrant",
        "from": {value: "data" | "assessment"}, "why": {value: text}, "assessed" (date or ""),
        "trend": [assessment rows, oldest first], "changed": [{"value", "old", "new", "date"}]}``;
        rows by quadrant, then influence (highest first), then name.

    Raises
    ------
    KeyError
        If ``ask`` is given and is not a node of ``G``.

    Examples
    --------
    >>> G = nx.MultiDiGraph(sources={})
    >>> G.add_nodes_from([("t", {"name": "Ask", "type": "theme"}), ("m", {"name": "Minister", "type": "ministry"}),
    ...                   ("u", {"name": "Union", "type": "trade_union"})])
    >>> _ = G.add_edge("u", "t", type="advocates_for", date="2025"); _ = G.add_edge("u", "m", type="addresses")
    >>> g = grid(G, "t", [{"actor": "m", "ask": "t", "interest": "7", "stance": "against", "date": "2026-01-05"}])
    >>> [(r["id"], r["quadrant"], r["stance"], r["from"]["interest"]) for r in g["actors"]]
    [('u', 'manage_closely', 'for', 'data'), ('m', 'manage_closely', 'against', 'assessment')]
    """
    if ask is not None and ask not in G:
        raise KeyError(f"unknown ask {ask!r}: it is not in the graph")
    assessments = list(assessments)
    influence = influence_defaults(G, lang)
    stances = _stance_defaults(G, ask, lang) if ask is not None else _all_asks_defaults(G, lang)
    with_stance = set(stances)
    rows = []
    for n in influence:
        if n == ask:
            continue
        inf, inf_why = influence[n]
        if n in stances:
            where, interest, int_why = stances[n]
            stance_why = int_why
        else:
            partners = _partners_with_stance(G, n, with_stance)
            where, interest = "none", float(min(4, 1 + partners))
            int_why = t("why_interest_none", lang, n=partners)
            stance_why = t("why_stance_none", lang)
        values: dict[str, Any] = {"influence": inf, "interest": interest, "stance": where}
        why = {"influence": inf_why, "interest": int_why, "stance": stance_why}
        source = {k: "data" for k in values}
        matching = _matching(assessments, n, ask, as_of)
        for column in ("influence", "interest", "stance"):
            found = _value_at(matching, column)
            if found:
                value, day = found
                values[column] = float(value) if column != "stance" else value
                source[column] = "assessment"
                note = next((a.get("note", "") for a in reversed(matching) if a["date"] == day and a.get(column)), "")
                why[column] = t("why_assessed", lang, date=day, data=why[column]) + (f" — {note}" if note else "")
        changed = []
        # Only a readable date has changes after it (every matching row is dated: see _matching).
        since_day = parse_date(since) if since else None
        if since_day is not None:
            for column in ("influence", "interest", "stance"):
                before = _value_at(matching, column, since)
                now = _value_at(matching, column)
                if now and (before is None or before[0] != now[0]) and (parse_date(now[1]) or since_day) > since_day:
                    changed.append({"value": column, "old": before[0] if before else "", "new": now[0], "date": now[1]})
        rows.append(
            {
                "id": n,
                "name": str(G.nodes[n].get("name", n)),
                # the short label of actors.csv, for pictures (the full name stays in tables and text)
                "label": str(G.nodes[n].get("label") or G.nodes[n].get("name", n)),
                "type": str(G.nodes[n].get("type", "")),
                **values,
                "quadrant": quadrant(values["influence"], values["interest"]),
                "from": source,
                "why": why,
                "assessed": matching[-1]["date"] if matching else "",
                "trend": [
                    {k: a.get(k, "") for k in ("date", "ask", "influence", "interest", "stance", "note")} for a in matching
                ],
                "changed": changed,
            }
        )
    rows.sort(key=lambda r: (QUADRANTS.index(r["quadrant"]), -r["influence"], r["name"].casefold(), str(r["id"])))
    return {
        "ask": ask,
        "ask_name": str(G.nodes[ask].get("name", ask)) if ask is not None else t("all_asks", lang),
        "as_of": as_of,
        "since": since,
        "actors": rows,
        "quadrants": {q: [r["id"] for r in rows if r["quadrant"] == q] for q in QUADRANTS},
    }


def grid_text(g: Mapping[str, Any], lang: str = "en") -> str:
    """The grid as text: one block per quadrant, one line per actor (assessed values marked with *)."""
    lines = [
        t("grid_heading", lang, ask=g["ask_name"]) + (f" · {t('as_of_caption', lang, date=g['as_of'])}" if g["as_of"] else "")
    ]
    by_id = {r["id"]: r for r in g["actors"]}
    for q in QUADRANTS:
        ids = g["quadrants"][q]
        lines.append(f"\n{t('quadrant_' + q, lang)} ({len(ids)}):")
        for n in ids:
            r = by_id[n]

            def mark(column: str, r: Mapping[str, Any] = r) -> str:
                return "*" if r["from"][column] == "assessment" else ""

            line = (
                f"  {r['name']} ({r['id']}): {t('influence', lang).lower()} {r['influence']:g}{mark('influence')}, "
                f"{t('interest', lang).lower()} {r['interest']:g}{mark('interest')}, {t('grid_stance_' + r['stance'], lang)}{mark('stance')}"
            )
            if r["changed"]:
                line += " · " + t(
                    "changed_since",
                    lang,
                    date=g["since"],
                    what=", ".join(f"{c['value']} {c['old'] or '–'} → {c['new']}" for c in r["changed"]),
                )
            lines.append(line)
    lines.append("\n" + t("grid_assessed_mark", lang))
    return "\n".join(lines)
