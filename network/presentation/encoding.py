"""How the map encodes the data: tooltips, one line per pair of actors, node and edge items, the edge layer, the legend, vis-network's options.

Shared by the exported page (``render``), the app's map (``update``) and nothing else: every
colour, dash, glyph and tooltip of the map is decided here, once.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass, field

import networkx as nx

from .. import vocabulary as vocab
from ..cache import per_graph
from ..i18n import t
from ..layout import LABEL_LIFT, LABEL_SIZE, LINE_WIDTH, compute_layout, display_label, wrap_label
from ..style import MapStyle

_GLYPHS = {
    "dot": "●",
    "square": "■",
    "triangle": "▲",
    "triangleDown": "▼",
    "diamond": "◆",
    "star": "★",
    "hexagon": "⬢",
}
# Above this many edges curves cost more than they tell; draw straight lines.
# Above this many edges curves cost more than they tell; draw straight lines.
STRAIGHT_EDGES_ABOVE = 2000
# Above this many actors each node and edge carries only what differs from the defaults:
# vis-network spends most of a big map's first draw setting up per-item options.
LEAN_ABOVE = 2000


def node_tooltip(G: nx.MultiDiGraph, n: Hashable, lang: str = "en") -> str:
    """Plain-text tooltip of an actor: name, type, country, sector, description."""
    a = G.nodes[n]
    lines = [str(a.get("name") or n), f"{t('type', lang)}: {vocab.label(a.get('type', ''), lang)}"]
    for col in ("country", "sector"):
        if a.get(col):
            lines.append(f"{t(col, lang)}: {a[col]}")
    if a.get("aliases"):
        lines.append(f"{t('aliases', lang)}: {a['aliases'].replace('|', ', ')}")
    if a.get("description"):
        lines += ["", a["description"]]
    return "\n".join(lines)


def edge_tooltip(G: nx.MultiDiGraph, u: Hashable, v: Hashable, k: Hashable, lang: str = "en") -> str:
    """Plain-text tooltip of a relation: who, type, date, document and the quote."""
    e = G.edges[u, v, k]
    arrow = "→" if e.get("directed", True) else "—"
    names = (G.nodes[u].get("name", u), G.nodes[v].get("name", v))
    lines = [f"{names[0]} {arrow} {names[1]}", f"{t('relation', lang)}: {vocab.label(e.get('type', ''), lang, 'relation')}"]
    if e.get("date"):
        lines.append(f"{t('date', lang)}: {e['date']}")
    doc = e.get("source_doc", "")
    if doc:
        title = G.graph.get("sources", {}).get(doc, {}).get("title", "")
        lines.append(f"{t('document', lang)}: {title} [{doc}]" if title else f"{t('document', lang)}: {doc}")
    if e.get("evidence"):
        lines += ["", f"“{e['evidence']}”"]
    if e.get("basis") == "inferred":
        lines += ["", f"{t('basis_inferred', lang)}: {e.get('note') or '–'}"]
    elif e.get("note"):
        lines += ["", f"{t('note', lang)}: {e['note']}"]
    return "\n".join(lines)


# One line per pair of actors (issue 11). Why one line whose width grows with the number of
# claims rather than one line per relation type: the parallel lines per type were what made
# the picture a hairball (the four social partners' joint letters alone gave a dozen lines),
# and a thicker line says "more evidence here" at a glance. A pair whose claims are of
# several types is drawn in this neutral grey (legend: "several relation types"), never in
# the colour of just one of them, so the line does not claim more than the data says.
SEVERAL_TYPES_COLOR = "#555555"


@dataclass
class PairLine:
    """All the claims between two actors, drawn as one line (or one claim, with ``every_claim``)."""

    u: Hashable  # the ends as the first claim names them
    v: Hashable
    claims: list[tuple[Hashable, Hashable, Hashable]] = field(default_factory=list)  # (source, target, key)
    type: str = ""  # the relation type all claims share; "" when they are of several types
    forward: bool = False  # some claim is directed u → v
    backward: bool = False  # some claim is directed v → u

    @property
    def id(self) -> str:
        """Stable id: the claim's ``u\x01v\x01key`` for one claim, the keys joined by ``+`` for more."""
        return f"{self.u}\u0001{self.v}\u0001" + "+".join(str(k) for *_, k in self.claims)


def pair_lines(G: nx.MultiDiGraph, every_claim: bool = False) -> list[PairLine]:
    """The lines the map draws (``_pair_lines``), worked out once per graph object and mode:
    one page asks three times (nodes and edges, the edge layer, the legend)."""
    return _pair_lines_kept(G, every_claim)


@per_graph
def _pair_lines_kept(G: nx.MultiDiGraph, every_claim: bool) -> list[PairLine]:
    return _pair_lines(G, every_claim)


def _pair_lines(G: nx.MultiDiGraph, every_claim: bool = False) -> list[PairLine]:
    """The lines the map draws: one per pair of actors, or one per claim with ``every_claim``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="r0", type="co_signs", directed=False)
    >>> _ = G.add_edge("b", "a", key="r1", type="co_signs", directed=False)
    >>> [(line.u, line.v, len(line.claims), line.type) for line in pair_lines(G)]
    [('a', 'b', 2, 'co_signs')]
    >>> len(pair_lines(G, every_claim=True))
    2
    """
    lines: dict[object, PairLine] = {}
    types: dict[object, set[str]] = defaultdict(set)
    for u, v, k, e in G.edges(keys=True, data=True):
        pair: object = (u, v, k) if every_claim else frozenset((u, v))
        line = lines.get(pair)
        if line is None:
            line = lines[pair] = PairLine(u, v)
        line.claims.append((u, v, k))
        types[pair].add(str(e.get("type", "")))
        if e.get("directed", True):
            if (u, v) == (line.u, line.v):
                line.forward = True
            else:
                line.backward = True
    for pair, line in lines.items():
        line.type = next(iter(types[pair])) if len(types[pair]) == 1 else ""
    return list(lines.values())


def pair_width(claims: int) -> float:
    """Line width (map pixels) for a pair with ``claims`` claims: 1.5, then wider, at most 6.

    >>> pair_width(1), pair_width(2), pair_width(20)
    (1.5, 3.2, 6.0)
    """
    return round(min(6.0, 1.5 + 1.7 * math.log2(claims)), 1) if claims > 1 else 1.5


def pair_tooltip(G: nx.MultiDiGraph, line: PairLine, lang: str = "en") -> str:
    """Plain-text tooltip of a line: every claim with its type, date, document and quote."""
    if len(line.claims) == 1:
        return edge_tooltip(G, *line.claims[0], lang=lang)
    names = (G.nodes[line.u].get("name", line.u), G.nodes[line.v].get("name", line.v))
    parts = [f"{names[0]} — {names[1]}: {t('n_claims', lang, n=len(line.claims))}"]
    for i, (u, v, k) in enumerate(line.claims, 1):
        parts.append(f"{i}. " + edge_tooltip(G, u, v, k, lang))
    return "\n\n".join(parts)


# A line whose claims are all inferred (a reading of the text, not what the quote says) is dotted.
DOTTED = [2, 6]


@per_graph  # asked by the nodes, the edge layer and the legend of one page
def _unknown_relation_colors(G: nx.MultiDiGraph) -> dict[str, str]:
    return vocab.unknown_type_colors({str(e.get("type", "")) for *_, e in G.edges(data=True)} - set(vocab.RELATION_TYPES))


@per_graph
def _unknown_actor_colors(G: nx.MultiDiGraph) -> dict[str, str]:
    return vocab.unknown_type_colors({str(a.get("type", "")) for _, a in G.nodes(data=True)} - set(vocab.ACTOR_TYPES))


def _line_style(G: nx.MultiDiGraph, line: PairLine, unknown: Mapping[str, str] | None = None) -> tuple[str, bool | list[int]]:
    """Colour and dash of a line: its type's (several types: neutral); dotted when every claim is inferred."""
    if line.type or len(line.claims) == 1:
        color, dashes = _relation_style(G.edges[line.claims[0]], unknown)
    else:
        color, dashes = SEVERAL_TYPES_COLOR, False
    if all(G.edges[c].get("basis") == "inferred" for c in line.claims):
        return color, DOTTED
    return color, dashes


def _faint(color: str) -> str:
    return color + "33" if color.startswith("#") and len(color) == 7 else color


def map_elements(
    G: nx.MultiDiGraph,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    style: MapStyle | None = None,
    lean: bool = False,
    only_edges: Collection[tuple[Hashable, Hashable, Hashable]] | None = None,
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """vis-network node and edge dicts for ``G``: colours, shapes, positions, tooltips.

    Built as plain lists (not ``Network.add_node``/``from_nx``, which are quadratic).
    ``lean`` leaves out what equals the page's defaults (for big maps in the browser);
    picture exports want the full dicts. ``only_edges`` limits the edges to those
    ``(u, v, key)`` (the rest are drawn by ``edge_layer``).
    """
    style = style or MapStyle()
    positions = positions if positions is not None else compute_layout(G)
    lang = style.lang
    nodes: list[dict[str, object]] = []
    # Types the vocabulary does not know (a Kumu map's own) each keep a colour of their own.
    unknown_actor, unknown_relation = _unknown_actor_colors(G), _unknown_relation_colors(G)
    for n, a in G.nodes(data=True):
        at = vocab.actor_type(a.get("type", ""))
        fallback = unknown_actor.get(str(a.get("type", "")), vocab.UNKNOWN_ACTOR_STYLE["color"])
        color = (style.colors or {}).get(n) or (at.color if at else fallback)
        shape = at.shape if at else vocab.UNKNOWN_ACTOR_STYLE["shape"]
        size = (style.sizes or {}).get(n, style.node_size)
        dim = n in style.dimmed
        hl = n in style.highlight_nodes
        x, y = positions.get(n, (0.0, 0.0))
        text = display_label(a, n)
        node: dict[str, object] = {
            "id": n,
            # Wrapped here, at spaces (or after a hyphen), as the layout measured it: vis-network
            # itself would cut a long word anywhere (issue 23). Big maps keep one line.
            "label": text if lean else "\n".join(wrap_label(text, LINE_WIDTH * style.label_size, style.label_size)),
            "title": node_tooltip(G, n, lang),
            "shape": shape,
            "size": size,
            "x": x,
            "y": y,
        }
        if style.label_priority is not None:
            # Bigger maps: the page shows labels in this order where they find room (fit.js, sneLabels).
            node["rank"] = float(style.label_priority.get(n, 0.0))
        if lean and not dim and not hl:
            node["color"] = color
            nodes.append(node)
            continue
        node |= {
            "color": {
                "background": _faint(color) if dim else color,
                "border": "#000000" if hl else (_faint("#333333") if dim else "#333333"),
                "highlight": {"background": color, "border": "#000000"},
            },
            "borderWidth": 4 if hl else 1,
            "font": {"size": style.label_size, "color": "#bbbbbb" if dim else "#111111"},
            "group_type": a.get("type", ""),
        }
        nodes.append(node)
    edges: list[dict[str, object]] = []
    parallel: dict[frozenset[Hashable], int] = defaultdict(int)
    straight = G.number_of_edges() > STRAIGHT_EDGES_ABOVE
    for line in pair_lines(G, style.every_claim):
        if only_edges is not None and not any(c in only_edges for c in line.claims):
            continue
        u, v = line.u, line.v
        color, dashes = _line_style(G, line, unknown_relation)
        hl = any(c in style.highlight_edges for c in line.claims)
        dim = (u in style.dimmed or v in style.dimmed) or (bool(style.highlight_edges) and not hl)
        width = pair_width(len(line.claims))
        tip = pair_tooltip(G, line, lang)
        if lean and not hl and not dim:
            item: dict[str, object] = {"from": u, "to": v, "title": tip, "color": color}
            if dashes:
                item["dashes"] = dashes
            arrows = ",".join(end for end, on in (("to", line.forward), ("from", line.backward)) if on)
            if arrows:
                item["arrows"] = arrows
            if width != 1.5:
                item["width"] = width
            edges.append(item)
            continue
        pair = frozenset((u, v))
        nth = parallel[pair]
        parallel[pair] += 1
        edge: dict[str, object] = {
            "id": line.id,
            "from": u,
            "to": v,
            "title": tip,
            "color": {"color": "#000000" if hl else (_faint(color) if dim else color), "highlight": "#000000"},
            "dashes": dashes,
            "width": max(5.0, width) if hl else width,
            "arrows": {
                "to": {"enabled": line.forward, "scaleFactor": 0.6},
                "from": {"enabled": line.backward, "scaleFactor": 0.6},
            },
            "rel_type": line.type,
            "claims": len(line.claims),
        }
        if straight:
            edge["smooth"] = False
        elif nth:
            # Parallel relations between one pair (every claim shown) fan out instead of overlapping.
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if nth % 2 else "curvedCCW",
                "roundness": 0.15 * ((nth + 1) // 2),
            }
        edges.append(edge)
    return nodes, edges


def _relation_style(e: Mapping[str, object], unknown: Mapping[str, str] | None = None) -> tuple[str, bool]:
    rt = vocab.relation_type(str(e.get("type", "")))
    if rt:
        return rt.color, rt.dashes
    return (unknown or {}).get(str(e.get("type", "")), vocab.UNKNOWN_RELATION_STYLE["color"]), False


def edge_layer(
    G: nx.MultiDiGraph,
    style: MapStyle | None = None,
    skip: Collection[tuple[Hashable, Hashable, Hashable]] = frozenset(),
) -> tuple[dict[str, list[object]], list[str]]:
    """The edges of ``G`` (but ``skip``) as the page's own canvas layer draws them, and their tooltips.

    One entry per line (``pair_lines``: one per pair of actors unless ``style.every_claim``).
    ``edges`` is flat: source index, target index, style index per line, indices into
    ``G.nodes`` order (the order ``map_elements`` lists nodes in); ``styles`` holds
    colour, dashes, arrow (towards the target), back (towards the source) and width per
    style; the i-th tooltip belongs to the i-th line and lists every claim it holds.
    """
    style = style or MapStyle()
    index = {n: i for i, n in enumerate(G.nodes)}
    styles: dict[tuple[str, bool | str, bool, bool, float], int] = {}
    flat: list[object] = []
    tips: list[str] = []
    unknown = _unknown_relation_colors(G)
    for line in pair_lines(G, style.every_claim):
        if any(c in skip for c in line.claims):
            continue
        u, v = line.u, line.v
        color, pattern = _line_style(G, line, unknown)
        dashes: bool | str = "dotted" if pattern == DOTTED else bool(pattern)
        dim = u in style.dimmed or v in style.dimmed or bool(style.highlight_edges)
        key = (_faint(color) if dim else color, dashes, line.forward, line.backward, pair_width(len(line.claims)))
        flat += (index[u], index[v], styles.setdefault(key, len(styles)))
        tips.append(pair_tooltip(G, line, style.lang))
    return {
        "edges": flat,
        "styles": [{"color": c, "dashes": d, "arrow": a, "back": b, "width": w} for c, d, a, b, w in styles],
    }, tips


def legend_entries(
    G: nx.MultiDiGraph, lang: str = "en", every_claim: bool = False
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Actor types and line styles the map of ``G`` draws, in vocabulary order, with their styles.

    Relation types are those a line is drawn in; lines holding claims of several types add
    one "several relation types" entry (unless ``every_claim`` draws each claim on its own).
    """
    present_a = {a.get("type", "") for _, a in G.nodes(data=True)}
    lines = pair_lines(G, every_claim)
    present_r = {str(G.edges[line.claims[0]].get("type", "")) for line in lines if line.type or len(line.claims) == 1}
    several = any(not line.type and len(line.claims) > 1 for line in lines)
    actors = [
        {"label": at.label(lang), "color": at.color, "glyph": _GLYPHS.get(at.shape, "●")}
        for at in vocab.ACTOR_TYPES.values()
        if at.key in present_a
    ]
    unknown_actor, unknown_relation = _unknown_actor_colors(G), _unknown_relation_colors(G)
    actors += [
        {"label": k, "color": unknown_actor.get(k, vocab.UNKNOWN_ACTOR_STYLE["color"]), "glyph": "●"}
        for k in sorted(present_a - set(vocab.ACTOR_TYPES))
    ]
    rels = [
        {"label": rt.label(lang), "color": rt.color, "dash": "dashed" if rt.dashes else "solid"}
        for rt in vocab.RELATION_TYPES.values()
        if rt.key in present_r
    ]
    rels += [
        {"label": k, "color": unknown_relation.get(k, vocab.UNKNOWN_RELATION_STYLE["color"]), "dash": "solid"}
        for k in sorted(present_r - set(vocab.RELATION_TYPES))
    ]
    if several:
        rels.append({"label": t("several_relation_types", lang), "color": SEVERAL_TYPES_COLOR, "dash": "solid"})
    if any(all(G.edges[c].get("basis") == "inferred" for c in line.claims) for line in lines):
        rels.append({"label": t("legend_inferred", lang), "color": "#555555", "dash": "dotted"})
    return actors, rels


def _scaling(style: MapStyle) -> dict[str, object]:
    if style.label_priority is None:
        # Hide labels only when they would be unreadably small (big maps, zoomed out).
        return {"label": {"drawThreshold": 5}}
    # Bigger maps (label_priority): the page itself decides which labels are drawn, at least
    # 14 px, in the order of their rank (fit.js, sneLabels); vis-network hides none.
    return {"label": {"drawThreshold": 1}}


def vis_options(style: MapStyle, n_nodes: int, n_edges: int = 0) -> dict[str, object]:
    return {
        "physics": {
            "enabled": style.physics,
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": style.physics, "iterations": 150 if n_nodes < 1000 else 50, "fit": True},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": n_nodes > 1000,
            "navigationButtons": False,
            "keyboard": False,
            # The wheel scrolls the page; the map zooms with its buttons, Ctrl + wheel, or the wheel
            # once clicked into (map.html turns this on then, issue 23).
            "zoomView": False,
        },
        "nodes": {
            "font": {
                "face": "Arial, Helvetica, sans-serif",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                # Labels sit close under their shape, as the layout made room for (layout.label_box).
                "vadjust": -round(LABEL_LIFT * style.label_size / LABEL_SIZE, 2),
            },
            "scaling": _scaling(style),
        },
        "edges": {
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3} if n_edges <= STRAIGHT_EDGES_ABOVE else False,
            "selectionWidth": 2,
            **({"arrows": {"to": {"scaleFactor": 0.6}}} if n_nodes > LEAN_ABOVE else {}),
        },
        "layout": {"improvedLayout": False, "randomSeed": 42},
    }
