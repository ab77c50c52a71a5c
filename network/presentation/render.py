"""The map's page: draw a view as one self-contained HTML page with pyvis and vis-network.

The page loads nothing from the network: vis-network (bundled with pyvis) is
inlined, and our own template replaces pyvis's, which pulls Bootstrap from a
CDN and puts some titles and the heading in as markup. Everything from the
data reaches the page as JSON inside the script (with ``<``, ``>`` and ``&``
escaped) and is shown by vis-network or ``textContent`` as plain text.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Hashable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from ..i18n import t
from ..layout import LABEL_LAYOUT_MAX, LABEL_SIZE, NODE_SIZE
from ..style import MapStyle
from ..view import ViewResult
from .encoding import LEAN_ABOVE, STRAIGHT_EDGES_ABOVE, edge_layer, legend_entries, map_elements, vis_options
from .labels import MIN_LABEL_PX, PRESENT_ALL_LABELS_MAX, label_ranks

TEMPLATES = Path(__file__).parent / "templates"
_VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
# Above this many edges the page draws them itself, as plain canvas lines under vis-network's
# nodes: vis-network builds an object per edge, about 40 us each, which was most of a
# 10,000-actor map's first draw. Highlighted edges (a path) stay vis-network edges.
LIGHT_EDGES_ABOVE = STRAIGHT_EDGES_ABOVE


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    return (_VIS / "vis-network.min.js").read_text("utf-8"), (_VIS / "vis-network.css").read_text("utf-8")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    return env


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
) -> dict[str, Any]:
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
    net.options = vis_options(style, len(nodes), len(edges))
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
