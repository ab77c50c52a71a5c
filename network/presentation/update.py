"""What the app's map component is handed for a view: one typed structure, defined here only.

The component (``ui/map_panel.py`` and its JavaScript, ``templates/live.js``) keeps one
vis-network drawn and applies each ``MapView`` to it in place: the actors and relations
that differ from what it shows, the options, the texts, the legend and what to frame. A
view arrives whole, not as a difference from an earlier one: the map can be mounted anew at
any time (a new session, presentation mode) and then needs one message, not a history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any, TypedDict

import networkx as nx

from ..view import ViewResult
from .render import map_context, view_style

__all__ = ["MapView", "Legend", "EdgeLayer", "LegendEntry", "map_view"]


class LegendEntry(TypedDict, total=False):
    label: str
    color: str
    glyph: str  # actor types: the shape's glyph
    dash: str  # relation types: the CSS border style of the line


class Legend(TypedDict):
    title: str
    colors: list[LegendEntry]  # what colour means, when it means coalition, contact or stance
    actors_title: str
    actors: list[LegendEntry]
    relations_title: str
    relations: list[LegendEntry]
    note: str


class EdgeLayer(TypedDict):
    """A big map's relations drawn by the page itself (``encoding.edge_layer``)."""

    edges: list[int]  # flat: source index, target index, style index, per line
    styles: list[dict[str, Any]]
    nodes: list[Any]  # the actor ids the indices point into
    tips: list[str]  # each line's tooltip


class MapView(TypedDict):
    """One view as the map component draws it. Every field is JSON."""

    nodes: list[dict[str, Any]]  # vis-network node items, each with an id
    edges: list[dict[str, Any]]  # vis-network edge items, each with an id
    layer: EdgeLayer | None
    options: dict[str, Any]  # vis-network options
    heading: str
    caption: str
    lang: str
    legend: Legend
    legend_open: bool
    controls: list[str]  # names of the zoom in, zoom out and fit buttons, their group, and the map
    opening: list[float] | None  # x, y, scale to open at, instead of fitting
    fit: list[Any]  # the actors to frame (a path, a focus); empty: everything


def map_view(
    G_full: nx.MultiDiGraph, result: ViewResult, *, presenting: bool = False, positions: Mapping | None = None
) -> MapView:
    """The view ``result`` as the app's map draws it: as ``render_view`` draws it, with an id on every relation.

    >>> from network.view import ViewState, apply_view
    >>> G = nx.MultiDiGraph([("a", "b", {"type": "funds"})])
    >>> view = map_view(G, apply_view(G, ViewState()), positions={"a": (0.0, 0.0), "b": (100.0, 0.0)})
    >>> sorted(n["id"] for n in view["nodes"]), [e["id"] for e in view["edges"]], view["layer"]
    (['a', 'b'], ['a\\x01b\\x010'], None)
    """
    ctx = map_context(*view_style(G_full, result, presenting=presenting, positions=positions))
    edges: list[dict[str, Any]] = ctx["edges"]
    seen: dict[tuple[object, object], int] = defaultdict(int)
    for e in edges:  # big maps leave ids out of their plain edges; a map updated in place needs them
        if "id" not in e:
            pair = (e["from"], e["to"])
            e["id"] = f"{e['from']}\u0001{e['to']}\u0001#{seen[pair]}"
            seen[pair] += 1
    nodes: list[dict[str, Any]] = ctx["nodes"]
    layer: EdgeLayer | None = None
    if ctx["edge_layer"] is not None:
        drawn = ctx["edge_layer"]
        layer = {"edges": drawn["edges"], "styles": drawn["styles"], "nodes": [n["id"] for n in nodes], "tips": ctx["edge_tips"]}
    return {
        "nodes": nodes,
        "edges": edges,
        "layer": layer,
        "options": ctx["options"],
        "heading": ctx["heading"] or "",
        "caption": ctx["caption"] or "",
        "lang": ctx["lang"],
        "legend": {
            "title": ctx["legend_title"],
            "colors": ctx["legend_colors"],
            "actors_title": ctx["actor_types_title"],
            "actors": ctx["legend_actors"],
            "relations_title": ctx["relation_types_title"],
            "relations": ctx["legend_relations"],
            "note": ctx["directed_note"] + (f" {ctx['pair_note']}" if ctx["pair_note"] else ""),
        },
        "legend_open": bool(ctx["legend_open"]),
        "controls": ctx["zoom_texts"],
        "opening": ctx["opening"],
        "fit": ctx["fit_nodes"],
    }
