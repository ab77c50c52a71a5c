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
from collections import defaultdict
from collections.abc import Collection, Hashable, Mapping
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from .. import vocabulary as vocab
from ..i18n import t
from ..layout import compute_layout
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
]

_TEMPLATES = Path(__file__).parent / "templates"
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
def _vis_assets() -> tuple[str, str]:
    return (_VIS / "vis-network.min.js").read_text("utf-8"), (_VIS / "vis-network.css").read_text("utf-8")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(default=True))
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
    if e.get("note"):
        lines += ["", f"{t('note', lang)}: {e['note']}"]
    return "\n".join(lines)


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
    for n, a in G.nodes(data=True):
        at = vocab.actor_type(a.get("type", ""))
        color = (style.colors or {}).get(n) or (at.color if at else vocab.UNKNOWN_ACTOR_STYLE["color"])
        shape = at.shape if at else vocab.UNKNOWN_ACTOR_STYLE["shape"]
        size = (style.sizes or {}).get(n, style.node_size)
        dim = n in style.dimmed
        hl = n in style.highlight_nodes
        x, y = positions.get(n, (0.0, 0.0))
        node: dict[str, object] = {
            "id": n,
            "label": str(a.get("name") or n),
            "title": node_tooltip(G, n, lang),
            "shape": shape,
            "size": size,
            "x": x,
            "y": y,
        }
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
    for u, v, k, e in G.edges(keys=True, data=True):
        if only_edges is not None and (u, v, k) not in only_edges:
            continue
        color, dashes = _relation_style(e)
        hl = (u, v, k) in style.highlight_edges
        dim = (u in style.dimmed or v in style.dimmed) or (bool(style.highlight_edges) and not hl)
        if lean and not hl and not dim:
            item: dict[str, object] = {"from": u, "to": v, "title": edge_tooltip(G, u, v, k, lang), "color": color}
            if dashes:
                item["dashes"] = True
            if e.get("directed", True):
                item["arrows"] = "to"
            edges.append(item)
            continue
        pair = frozenset((u, v))
        nth = parallel[pair]
        parallel[pair] += 1
        edge: dict[str, object] = {
            "id": f"{u}\u0001{v}\u0001{k}",
            "from": u,
            "to": v,
            "title": edge_tooltip(G, u, v, k, lang),
            "color": {"color": "#000000" if hl else (_faint(color) if dim else color), "highlight": "#000000"},
            "dashes": dashes,
            "width": 5 if hl else 1.5,
            "arrows": {"to": {"enabled": bool(e.get("directed", True)), "scaleFactor": 0.6}},
            "rel_type": e.get("type", ""),
        }
        if straight:
            edge["smooth"] = False
        elif nth:
            # Parallel relations between one pair fan out instead of overlapping.
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if nth % 2 else "curvedCCW",
                "roundness": 0.15 * ((nth + 1) // 2),
            }
        edges.append(edge)
    return nodes, edges


def _relation_style(e: Mapping[str, object]) -> tuple[str, bool]:
    rt = vocab.relation_type(str(e.get("type", "")))
    return (rt.color, rt.dashes) if rt else (vocab.UNKNOWN_RELATION_STYLE["color"], False)


def edge_layer(
    G: nx.MultiDiGraph,
    style: MapStyle | None = None,
    skip: Collection[tuple[Hashable, Hashable, Hashable]] = frozenset(),
) -> tuple[dict[str, list[object]], list[str]]:
    """The edges of ``G`` (but ``skip``) as the page's own canvas layer draws them, and their tooltips.

    ``edges`` is flat: source index, target index, style index per edge, indices into
    ``G.nodes`` order (the order ``map_elements`` lists nodes in); ``styles`` holds
    colour, dashes and arrow per style; the i-th tooltip belongs to the i-th edge.
    """
    style = style or MapStyle()
    index = {n: i for i, n in enumerate(G.nodes)}
    styles: dict[tuple[str, bool, bool], int] = {}
    flat: list[object] = []
    tips: list[str] = []
    for u, v, k, e in G.edges(keys=True, data=True):
        if (u, v, k) in skip:
            continue
        color, dashes = _relation_style(e)
        dim = u in style.dimmed or v in style.dimmed or bool(style.highlight_edges)
        key = (_faint(color) if dim else color, dashes, bool(e.get("directed", True)))
        flat += (index[u], index[v], styles.setdefault(key, len(styles)))
        tips.append(edge_tooltip(G, u, v, k, style.lang))
    return {"edges": flat, "styles": [{"color": c, "dashes": d, "arrow": a} for c, d, a in styles]}, tips


def legend_entries(G: nx.MultiDiGraph, lang: str = "en") -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Actor and relation types present in ``G``, in vocabulary order, with their styles."""
    present_a = {a.get("type", "") for _, a in G.nodes(data=True)}
    present_r = {e.get("type", "") for *_, e in G.edges(data=True)}
    actors = [
        {"label": at.label(lang), "color": at.color, "glyph": _GLYPHS.get(at.shape, "●")}
        for at in vocab.ACTOR_TYPES.values()
        if at.key in present_a
    ]
    actors += [
        {"label": k, "color": vocab.UNKNOWN_ACTOR_STYLE["color"], "glyph": "●"}
        for k in sorted(present_a - set(vocab.ACTOR_TYPES))
    ]
    rels = [
        {"label": rt.label(lang), "color": rt.color, "dash": "dashed" if rt.dashes else "solid"}
        for rt in vocab.RELATION_TYPES.values()
        if rt.key in present_r
    ]
    rels += [
        {"label": k, "color": vocab.UNKNOWN_RELATION_STYLE["color"], "dash": "solid"}
        for k in sorted(present_r - set(vocab.RELATION_TYPES))
    ]
    return actors, rels


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
        },
        "nodes": {
            "font": {"face": "Arial, Helvetica, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            **({"widthConstraint": {"maximum": 180}} if n_nodes <= LEAN_ABOVE else {}),
            # Hide labels only when they would be unreadably small (big maps, zoomed out).
            "scaling": {"label": {"drawThreshold": 5}},
        },
        "edges": {
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3} if n_edges <= STRAIGHT_EDGES_ABOVE else False,
            "selectionWidth": 2,
            **({"arrows": {"to": {"scaleFactor": 0.6}}} if n_nodes > LEAN_ABOVE else {}),
        },
        "layout": {"improvedLayout": False, "randomSeed": 42},
    }


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
    legend_actors, legend_relations = legend_entries(G, style.lang)
    if style.colors:
        # Colour now means coalition; the legend keeps the shapes, in neutral grey.
        legend_actors = [{**a, "color": "#666666"} for a in legend_actors]
    js, css = _vis_assets()
    return (
        _environment()
        .get_template("map.html")
        .render(
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
            fit_nodes=sorted((n for n in style.highlight_nodes if n in G), key=str)
            if style.dimmed or style.highlight_edges
            else [],
            legend_title=t("legend", style.lang),
            actor_types_title=t("actor_types", style.lang),
            relation_types_title=t("relation_types", style.lang),
            directed_note=t("directed_note", style.lang),
            vis_js=js,
            vis_css=css,
        )
    )


def render_view(
    G_full: nx.MultiDiGraph, result: ViewResult, *, presenting: bool = False, positions: Mapping | None = None
) -> str:
    """The page of an applied view, as the app shows it (``presenting``: as on a projector).

    Positions are the whole data set's (every actor stays in place whatever the filter),
    or the overview's own when the view groups actors.
    """
    where = result.positions if result.positions is not None else (positions or compute_layout(G_full))
    if presenting:
        # Projector: bigger labels, the title and caption on the map itself.
        style = dataclasses.replace(result.style, height="100vh", label_size=24, node_size=22)
    else:
        # The page shows the caption above the map already.
        style = dataclasses.replace(result.style, height="720px", caption="")
    return render_html(result.graph, where, style)
