"""The commands that read the map: ``focus``, ``path``, ``rank``, ``coalitions``, ``asks``, ``stance`` and ``grid``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import networkx as nx

from .. import vocabulary as vocab
from ..graph import neighbourhood, path_rows, route_names, shortest_paths
from .common import CommandError, actor_of, date_arg, emit, graph_of, loaded, name_of, relation_types

__all__ = ["grid_of", "run_asks", "run_coalitions", "run_focus", "run_grid", "run_path", "run_rank", "run_stance"]


def run_focus(args: argparse.Namespace) -> int:
    G = graph_of(args)
    center = actor_of(G, args.actor)
    from ..graph import undirected_view

    dist = nx.single_source_shortest_path_length(undirected_view(G), center, cutoff=args.hops)
    near = neighbourhood(G, center, args.hops)
    rows = sorted(
        ({"id": n, "name": name_of(G, n), "type": G.nodes[n].get("type", ""), "hops": dist[n]} for n in near),
        key=lambda r: (r["hops"], r["name"].casefold()),
    )
    sub = G.subgraph(near)
    data = {"actor": center, "hops": args.hops, "actors": rows, "relations": sub.number_of_edges()}
    lines = [
        f"{name_of(G, center)} ({center}): {len(rows) - 1} actors within {args.hops} hop(s), {sub.number_of_edges()} relations"
    ]
    lines += [f"  {r['hops']}  {r['name']} ({r['id']}, {vocab.label(r['type'], args.lang)})" for r in rows[1:]]
    emit(args, data, "\n".join(lines))
    return 0


def run_path(args: argparse.Namespace) -> int:
    G = graph_of(args)
    a, b = actor_of(G, args.source), actor_of(G, args.target)
    types = relation_types(args.relation_type or [])
    paths = shortest_paths(G, a, b, types, cap=args.max_paths, via_stances=args.via_themes)
    data = {
        "from": a,
        "to": b,
        "relation_types": types,
        "paths": [
            [
                {
                    "from": h.source,
                    "to": h.target,
                    "relations": [{k: v for k, v in r.items() if k not in ("source", "target")} for r in h.relations],
                }
                for h in p
            ]
            for p in paths
        ],
    }
    if not paths:
        restricted = f" over {', '.join(types)}" if types else ""
        emit(args, data, f"No path between {name_of(G, a)} and {name_of(G, b)}{restricted}.")
        return 0
    lines = [f"{len(paths)} shortest path(s) of {len(paths[0])} hop(s) from {name_of(G, a)} to {name_of(G, b)}:"]
    rows = path_rows(G, paths, args.lang)
    for i, p in enumerate(paths, 1):
        lines.append(f"\n{i}. " + " → ".join(route_names(G, p)))
        for r in (r for r in rows if r["path"] == i):
            inferred = " (inferred)" if r["basis"] == "inferred" else ""
            lines.append(
                f"   {r['from']} {r['arrow']} {r['to']}: {r['relation']}{inferred} [{r['source_doc']}, {r['date']}] “{r['evidence']}”"
            )
    emit(args, data, "\n".join(lines))
    return 0


def run_rank(args: argparse.Namespace) -> int:
    from ..analysis import ranking

    G = graph_of(args)
    rows = ranking(G, args.metric, lang=args.lang)[: args.top or None]
    lines = [f"{'#':>3}  {args.metric:>11}  {'degree':>6}  name (type)"]
    lines += [f"{i:>3}  {r[args.metric]:>11.4f}  {r['degree']:>6}  {r['name']} ({r['type']})" for i, r in enumerate(rows, 1)]
    emit(args, rows, "\n".join(lines))
    return 0


def run_coalitions(args: argparse.Namespace) -> int:
    from ..analysis import community_groups, cosignature_coalitions, theme_support

    G = graph_of(args)
    groups = community_groups(G)
    cos = cosignature_coalitions(G)
    themes = theme_support(G)
    data = {"communities": groups, "cosignature_coalitions": cos, "themes": themes}
    lines = ["Communities (modularity, seeded):"]
    for i, members in enumerate(groups, 1):
        lines.append(f"  {i}. " + ", ".join(name_of(G, n) for n in members))
    lines.append("\nCo-signature coalitions (who co-signs documents together):")
    for co in cos:
        lines.append(f"  {', '.join(co['names'])}  [documents: {', '.join(co['documents'])}]")
    lines.append("\nThemes and who advocates for them:")
    for th, actors in sorted(themes.items(), key=lambda kv: name_of(G, kv[0]).casefold()):
        lines.append(f"  {name_of(G, th)}: {', '.join(name_of(G, n) for n in actors) or '—'}")
    emit(args, data, "\n".join(lines))
    return 0


def _stance_relation_text(r: dict[str, str], lang: str) -> str:
    inferred = " (inferred)" if r["basis"] == "inferred" else ""
    note = f"\n        note: {r['note']}" if r["note"] else ""
    return f"      {vocab.label(r['type'], lang, 'relation')}{inferred} [{r['source_doc']}, {r['date'] or 'undated'}] “{r['evidence']}”{note}"


def _stance_marks(placed: dict[str, Any], lang: str) -> str:
    """What a placement adds to the camp it sits in, e.g. " (for, with concerns; inferred)"."""
    from ..stance import cell_words

    marks = [cell_words({"label": placed["label"]}, lang)] if placed["label"] != placed.get("stance", placed["label"]) else []
    marks += ["inferred"] if placed["basis"] == "inferred" else []
    marks += ["changed"] if placed.get("changed") else []
    return f" ({'; '.join(marks)})" if marks else ""


def run_asks(args: argparse.Namespace) -> int:
    """The asks table: every actor's stance on every ask, each cell naming its documents."""
    from ..io.csvfile import csv_text
    from ..stance import STANCES, asks_rows, stance_matrix

    G = graph_of(args)
    m = stance_matrix(G)
    if args.format == "csv":
        columns, rows = asks_rows(G, args.lang)
        sys.stdout.write(csv_text(rows, columns))
        return 0

    def node(n: Any) -> dict[str, str]:
        return {"id": n, "name": name_of(G, n), "type": G.nodes[n].get("type", "")}

    cells = [
        {
            "actor": a,
            "ask": ask,
            "stance": c["stance"],
            # "for_with_concerns" under "for": support and concern in the same (newest) document.
            "label": c["label"],
            "documents": c["documents"],
            # "inferred" when no relation behind the placement is stated: a reading, not the actor's words.
            "basis": c["basis"],
            "quotes": c["quotes"],
        }
        for ask in m["asks"]
        for a in m["actors"]
        if (c := m["cells"].get((a, ask)))
    ]
    data = {"asks": [node(n) for n in m["asks"]], "actors": [node(n) for n in m["actors"]], "cells": cells}
    counts = {s: sum(c["stance"] == s for c in cells) for s in STANCES}
    with_concerns = sum(c["label"] == "for_with_concerns" for c in cells)
    lines = [
        f"{len(m['asks'])} asks, {len(m['actors'])} actors, {len(cells)} stances: "
        + ", ".join(
            f"{counts[s]} {s}" + (f" ({with_concerns} with concerns)" if s == "for" and with_concerns else "") for s in STANCES
        )
    ]
    for ask in m["asks"]:
        lines.append(f"\n{name_of(G, ask)} ({ask})")
        for s in STANCES:
            here = [c for c in cells if c["ask"] == ask and c["stance"] == s]
            if here:
                lines.append(
                    f"  {s}: "
                    + ", ".join(
                        f"{name_of(G, c['actor'])}{_stance_marks(c, args.lang)} [{', '.join(c['documents'])}]" for c in here
                    )
                )
    emit(args, data, "\n".join(lines))
    return 0


def run_stance(args: argparse.Namespace) -> int:
    """Who is for, against and conditional on one ask, with the quotes."""
    from ..stance import STANCES, stance

    G = graph_of(args)
    ask = actor_of(G, args.ask)
    s = stance(G, ask)
    data = {"ask": ask, **{k: s[k] for k in STANCES}}
    lines = [f"{s['name']} ({ask})"]
    for k in STANCES:
        lines.append(f"{k} ({len(s[k])}):" + ("" if s[k] else " nobody"))
        for e in s[k]:
            lines.append(f"  {e['name']} ({e['id']}){_stance_marks({**e, 'stance': k}, args.lang)}")
            lines += [_stance_relation_text(r, args.lang) for r in e["relations"]]
    emit(args, data, "\n".join(lines))
    return 0


def grid_of(args: argparse.Namespace) -> tuple[Any, dict[str, Any]]:
    from ..grid import grid, grid_asks
    from ..timeline import as_of

    ds, G = loaded(args)
    ask = actor_of(G, args.ask) if args.ask else None
    if ask is not None and ask not in grid_asks(G):
        raise CommandError(f"nobody takes a stance on '{name_of(G, ask)}'; asks: {', '.join(map(str, grid_asks(G)))}")
    date = date_arg("--as-of", getattr(args, "as_of", None))
    since = date_arg("--since", getattr(args, "since", None))
    lang = args.lang or "en"
    return G, grid(as_of(G, date) if date else G, ask, ds.assessments, as_of=date, since=since, lang=lang)


def run_grid(args: argparse.Namespace) -> int:
    """The power-interest grid of one ask (or all) as text or JSON."""
    from ..grid import grid_text

    _, g = grid_of(args)
    emit(args, g, grid_text(g, args.lang))
    return 0
