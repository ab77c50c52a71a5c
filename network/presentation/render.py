"""Draw the graph as one self-contained HTML page with pyvis and vis-network.

The page loads nothing from the network: vis-network (bundled with pyvis) is
inlined, and our own template replaces pyvis's, which pulls Bootstrap from a
CDN and puts some titles and the heading in as markup. Everything from the
data reaches the page as JSON inside the script (with ``<``, ``>`` and ``&``
escaped) and is shown by vis-network or ``textContent`` as plain text.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections import defaultdict
from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from .. import vocabulary as vocab
from ..cache import per_graph
from ..i18n import t
from ..layout import LABEL_LAYOUT_MAX, LABEL_LIFT, LABEL_SIZE, LINE_WIDTH, NODE_SIZE, compute_layout, display_label, wrap_label
from ..style import MapStyle
from ..view import ViewResult

__all__ = [
    "MapStyle",
    "render_view",
    "map_elements",
    "edge_layer",
    "render_html",
    "legend_entries",
    "node_tooltip",
    "edge_tooltip",
    "PairLine",
    "pair_lines",
    "pair_tooltip",
    "pair_width",
    "SEVERAL_TYPES_COLOR",
    "label_priority",
    "MIN_LABEL_PX",
]

TEMPLATES = Path(__file__).parent / "templates"
_VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
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
STRAIGHT_EDGES_ABOVE = 2000
# Above this many edges the page draws them itself, as plain canvas lines under vis-network's
# nodes: vis-network builds an object per edge, about 40 us each, which was most of a
# 10,000-actor map's first draw. Highlighted edges (a path) stay vis-network edges.
LIGHT_EDGES_ABOVE = STRAIGHT_EDGES_ABOVE
# Above this many actors each node and edge carries only what differs from the defaults:
# vis-network spends most of a big map's first draw setting up per-item options.
LEAN_ABOVE = 2000


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    return (_VIS / "vis-network.min.js").read_text("utf-8"), (_VIS / "vis-network.css").read_text("utf-8")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    return env


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
        color, dashes = _line_style(G, line, unknown)
        dashes = "dotted" if dashes == DOTTED else bool(dashes)
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


def _options(style: MapStyle, n_nodes: int, n_edges: int = 0) -> dict[str, object]:
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


def render_html(
    G: nx.MultiDiGraph,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    style: MapStyle | None = None,
) -> str:
    """One self-contained HTML page that draws ``G``: no request leaves the page.

    The drawn vis-network object is ``window.network``; ``document.body.dataset.drawn``
    becomes "true" after the first complete draw. Above ``LIGHT_EDGES_ABOVE`` edges the
    page draws the edges itself (``edge_layer``), with the same colours, dashes, arrows
    and tooltips; ``window.mapData.edgeLayer`` then answers for them.
    """
    return _environment().get_template("map.html").render(**map_context(G, positions, style))


def render_view(
    G_full: nx.MultiDiGraph,
    result: ViewResult,
    *,
    presenting: bool = False,
    positions: Mapping | None = None,
    viewport: tuple[float, float] = (1280, 720),
) -> str:
    """The page of an applied view, as the app shows it (``presenting``: as on a projector).

    Positions are the data folder's (``layout.data_positions``: every actor stays in place
    whatever the filter), or the overview's own when the view groups actors. Labels and shapes
    are drawn at the sizes the positions made room for, and the page fits the drawing to its
    frame (templates/fit.js), whatever its size: ``viewport`` is no longer needed and is kept
    for callers that pass it.
    """
    return render_html(*view_style(G_full, result, presenting=presenting, positions=positions, viewport=viewport))


def map_context(
    G: nx.MultiDiGraph,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    style: MapStyle | None = None,
) -> dict[str, object]:
    """Everything the page template (map.html) draws ``G`` from: nodes, edges, options, legend, texts.

    ``render_html`` is this context put into the template; ``map_update`` compares two of them.
    """
    style = style or MapStyle()
    # With physics on vis-network needs every edge as a spring; self-relations it draws as loops.
    light = G.number_of_edges() > LIGHT_EDGES_ABOVE and not style.physics
    heavy = (
        {(u, v, k) for u, v, k in style.highlight_edges if G.has_edge(u, v, k)} | set(nx.selfloop_edges(G, keys=True))
        if light
        else None
    )
    nodes, edges = map_elements(G, positions, style, lean=G.number_of_nodes() > LEAN_ABOVE, only_edges=heavy)
    layer, edge_tips = edge_layer(G, style, skip=heavy or frozenset()) if light else (None, [])
    net = Network(height=style.height, width="100%", directed=True, cdn_resources="in_line")
    # Direct assignment: pyvis's add_node/add_edge check membership in lists (quadratic).
    net.nodes, net.edges, net.node_ids = nodes, edges, [n["id"] for n in nodes]
    net.options = _options(style, len(nodes), len(edges))
    net.heading = style.title
    nodes_, edges_, heading, height, _width, options = net.get_network_data()
    legend_actors, legend_relations = legend_entries(G, style.lang, style.every_claim)
    if style.colors:
        # Colour now means coalition; the legend keeps the shapes, in neutral grey.
        legend_actors = [{**a, "color": "#666666"} for a in legend_actors]
    js, css = vis_assets()
    return dict(
        nodes=nodes_,
        edges=edges_,
        edge_layer=layer,
        edge_tips=edge_tips,
        options=json.loads(options),
        heading=heading,
        height=height,
        caption=style.caption,
        lang=style.lang,
        legend_actors=legend_actors,
        legend_relations=legend_relations,
        legend_colors=[{"label": lbl, "color": c} for lbl, c in style.color_legend],
        opening=list(style.opening) if style.opening else None,
        legend_open=style.legend_open,
        fit_nodes=sorted((n for n in style.highlight_nodes if n in G), key=str) if style.dimmed or style.highlight_edges else [],
        legend_title=t("legend", style.lang),
        zoom_texts=[t(k, style.lang) for k in ("zoom_in", "zoom_out", "zoom_fit", "map_controls", "map_label")],
        actor_types_title=t("actor_types", style.lang),
        relation_types_title=t("relation_types", style.lang),
        directed_note=t("directed_note", style.lang),
        pair_note="" if style.every_claim else t("pair_line_note", style.lang),
        vis_js=js,
        vis_css=css,
    )


def view_style(
    G_full: nx.MultiDiGraph,
    result: ViewResult,
    *,
    presenting: bool = False,
    positions: Mapping | None = None,
    viewport: tuple[float, float] = (1280, 720),
) -> tuple[nx.MultiDiGraph, Mapping, MapStyle]:
    """The graph, positions and style ``render_view`` draws an applied view with (see there)."""
    from ..positions import data_positions

    where = result.positions if result.positions is not None else (positions or data_positions(G_full))
    G = result.graph
    # Labels and shapes at the sizes the positions made room for (layout.label_box): no label lies
    # on another or on a shape at any zoom, and the page fits the drawing to its frame (map.html),
    # so it fills any screen. Up to PRESENT_ALL_LABELS_MAX actors every label is drawn (issue 23).
    # Above LABEL_LAYOUT_MAX actors the positions are igraph's, spaced for the default sizes; there the
    # shapes keep those (at a fitted zoom of 0.05, a 6-unit dot would vanish).
    small = G.number_of_nodes() <= LABEL_LAYOUT_MAX
    node_scale = NODE_SIZE / 18.0 if small else 1.0
    style = dataclasses.replace(
        result.style,
        height="100vh",
        label_size=LABEL_SIZE if small else result.style.label_size,
        node_size=NODE_SIZE if small else result.style.node_size,
        sizes=None if result.style.sizes is None else {n: v * node_scale for n, v in result.style.sizes.items()},
        opening=None,
        # On a projector the legend is open beside the map; in the app it starts folded (room is short).
        legend_open=presenting and result.style.legend_open,
    )
    if style.highlight_edges and not style.dimmed:
        # A path: its actors and lines stand out, everything else is drawn faintly (issue 23).
        style = dataclasses.replace(style, dimmed=frozenset(n for n in G.nodes if n not in style.highlight_nodes))
    if PRESENT_ALL_LABELS_MAX < G.number_of_nodes() <= LEAN_ABOVE:
        # Bigger maps: the less connected labels give way when small on screen (the caption says so);
        # the 20 best connected never do (label_priority).
        caption = " · ".join(part for part in (style.caption, t("labels_give_way", style.lang)) if part)
        style = dataclasses.replace(
            style, label_priority=label_ranks(G, style.highlight_nodes), label_min_px=MIN_LABEL_PX, caption=caption
        )
    return G, where, style
