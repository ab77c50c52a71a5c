"""How the map is drawn beyond the graph itself: one plain record the view fills in.

It sits below both the view (which decides sizes, colours, dimming and highlights) and
presentation (which draws them), so neither has to import the other.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

__all__ = ["MapStyle", "COALITION_COLORS"]

# Paul Tol's colour-blind-safe "muted" scheme, for coalitions; grey after that.
COALITION_COLORS = ["#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499"]


@dataclass
class MapStyle:
    """What the map shows beyond the graph itself."""

    lang: str = "en"
    title: str = ""
    caption: str = ""
    physics: bool = False
    label_size: float = 20
    node_size: float = 18.0
    sizes: Mapping[Hashable, float] | None = None  # per-node size, e.g. by a centrality metric
    colors: Mapping[Hashable, str] | None = None  # per-node colour, e.g. by coalition
    color_legend: list[tuple[str, str]] = field(default_factory=list)  # (label, colour) when colors is set
    dimmed: frozenset[Hashable] = frozenset()  # nodes drawn faintly (outside a focus)
    highlight_nodes: frozenset[Hashable] = frozenset()
    highlight_edges: frozenset[tuple[Hashable, Hashable, Hashable]] = frozenset()
    height: str = "100vh"
    every_claim: bool = False  # draw every relation as its own line, instead of one line per pair of actors
    label_priority: Mapping[Hashable, float] | None = None  # bigger maps: labels of higher priority stay longest when zoomed out
    label_min_px: float = 0.0  # with label_priority: labels smaller than this on screen are not drawn
    legend_open: bool = True  # the legend starts open (presentation) or folded away (the explore map, where room is short)
    # (x, y, zoom[, width, height]) the page opens at, instead of fitting the map, and the canvas
    # size it was worked out for.
    opening: tuple[float, ...] | None = None  # (x, y, zoom) the page opens at, instead of fitting the map
