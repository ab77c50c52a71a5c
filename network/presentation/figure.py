"""Pictures of a snapshot (PNG, SVG, PDF), drawn with matplotlib on an explicit Agg canvas.

No pyplot and no GUI backend; the same vis-network elements the map uses
(``render.map_elements``), so colours, shapes, dashes and arrows match. matplotlib is
imported inside the functions that need it.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from .. import vocabulary as vocab
from ..i18n import t
from .render import STRAIGHT_EDGES_ABOVE, legend_entries, map_elements
from .snapshot import Snapshot

__all__ = ["FIGSIZE", "SCREEN_DPI", "PRINT_DPI", "LABEL_ALL_MAX", "picture_bytes", "figure_texts"]

LABEL_ALL_MAX = 300
# Pictures are 16:9 inches at any resolution: the screen default gives 1920 x 1080 px,
# ``dpi=300`` (print) gives 4800 x 2700 px of the same picture.
FIGSIZE = (16.0, 9.0)
SCREEN_DPI = 120
PRINT_DPI = 300

# vis-network shapes as matplotlib markers, with a factor that evens out their visible area.
_MARKERS = {
    "dot": ("o", 1.0),
    "square": ("s", 0.85),
    "triangle": ("^", 1.3),
    "triangleDown": ("v", 1.3),
    "diamond": ("D", 0.75),
    "star": ("*", 2.0),
    "hexagon": ("h", 1.05),
}


@dataclass
class _Geometry:
    """Where things go on the figure, in inches from the bottom left."""

    title_lines: list[str]
    footer_lines: list[str]
    top: float  # map area top
    bottom: float  # map area bottom
    legend_width: float = 3.3


def _geometry(snapshot: Snapshot, decorations: bool) -> _Geometry:
    if not decorations:
        return _Geometry([], [], FIGSIZE[1] - 0.15, 0.15)
    title_lines = textwrap.wrap(snapshot.title, 90) or [""]
    footer = textwrap.wrap(snapshot.caption, 260)
    sources = textwrap.wrap(snapshot.sources_line(limit=12), 260)
    if len(sources) > 5:
        sources = sources[:5]
        sources[-1] = sources[-1][:256] + " …"
    footer += sources + [t("directed_note", snapshot.lang)]
    top = FIGSIZE[1] - 0.2 - 0.36 * len(title_lines) - 0.1
    bottom = 0.15 + 0.175 * len(footer) + 0.1
    return _Geometry(title_lines, footer, top, bottom)


def _clamp(value: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, value))


def _figure(snapshot: Snapshot, decorations: bool = True) -> Any:
    """Draw ``snapshot`` on a new matplotlib Figure with an Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle, FancyArrowPatch
    from matplotlib.text import Text

    W, H = FIGSIZE
    geo = _geometry(snapshot, decorations)
    fig = Figure(figsize=FIGSIZE, facecolor="white", edgecolor="white")
    FigureCanvasAgg(fig)  # explicit Agg backend, no pyplot
    lang = snapshot.lang

    # The map: equal scale on both axes, y growing downward as in vis-network.
    nodes, edges = map_elements(snapshot.graph, snapshot.positions, snapshot.style)
    room_w, room_h = (W - geo.legend_width - 0.4) * 72, (geo.top - geo.bottom) * 72  # points
    if nodes:
        xs = [float(n["x"]) for n in nodes]  # type: ignore[arg-type]
        ys = [float(n["y"]) for n in nodes]  # type: ignore[arg-type]
        pad_x, pad_y = 110.0, 70.0  # room for labels around the outer actors (map pixels)
        dx, dy = max(xs) - min(xs) + 2 * pad_x, max(ys) - min(ys) + 2 * pad_y
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    else:
        dx, dy, cx, cy = 400.0, 300.0, 0.0, 0.0
    scale = min(room_w / dx, room_h / dy)  # points per map pixel, the same on both axes
    ax_w = max(dx * scale, room_w * 0.5)
    # Map and legend side by side, the pair centred on the page.
    left = max(0.2, (W - ax_w / 72 - geo.legend_width) / 2)
    ax = fig.add_axes((left / W, geo.bottom / H, ax_w / 72 / W, (geo.top - geo.bottom) / H))
    ax.set_axis_off()
    ax.set_facecolor("white")
    half_w, half_h = ax_w / scale / 2, room_h / scale / 2
    ax.set_xlim(cx - half_w, cx + half_w)
    ax.set_ylim(cy + half_h, cy - half_h)  # inverted: vis-network's y grows downward
    legend_left = left + ax_w / 72 + 0.1

    radius: dict[Hashable, float] = {}
    pos: dict[Hashable, tuple[float, float]] = {}
    for n in nodes:
        radius[n["id"]] = _clamp(float(n["size"]) * scale, 3.0, 30.0)  # type: ignore[arg-type]
        pos[n["id"]] = (float(n["x"]), float(n["y"]))  # type: ignore[arg-type]

    # Relations.
    if len(edges) > STRAIGHT_EDGES_ABOVE:
        # As on the map: straight lines for big graphs (and no arrowheads, which would be noise).
        segs, colors, styles, widths = [], [], [], []
        for e in edges:
            segs.append([pos[e["from"]], pos[e["to"]]])
            colors.append(e["color"]["color"])  # type: ignore[index]
            styles.append((0, (4, 3)) if e["dashes"] else "solid")
            widths.append(float(e["width"]) * 0.5)  # type: ignore[arg-type]
        ax.add_collection(LineCollection(segs, colors=colors, linestyles=styles, linewidths=widths, zorder=1))
    else:
        for e in edges:
            u, v = e["from"], e["to"]
            color = e["color"]["color"]  # type: ignore[index]
            width = float(e["width"]) * 0.6  # type: ignore[arg-type]
            style = (0, (4, 3)) if e["dashes"] else "solid"
            if u == v:
                r = radius[u] / scale
                x, y = pos[u]
                ax.add_artist(
                    Circle((x + r, y - r), r * 0.9, fill=False, edgecolor=color, linewidth=width, linestyle=style, zorder=1)
                )
                continue
            directed = bool(e["arrows"]["to"]["enabled"])  # type: ignore[index]
            smooth = e.get("smooth")
            rad = 0.0
            if isinstance(smooth, dict):
                rad = float(smooth.get("roundness", 0.0)) * (1 if smooth.get("type") == "curvedCW" else -1)
            (x1, y1), (x2, y2), shrink = pos[u], pos[v], (radius[u] + 1, radius[v] + 1)
            length = math.hypot(x2 - x1, y2 - y1)
            if not rad and length:
                # Straight: cut the line at the actors' edges here, cheaper than matplotlib's path clipping.
                a, b = shrink[0] / scale / length, shrink[1] / scale / length
                if a + b < 1:
                    x1, y1, x2, y2 = x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x2 - (x2 - x1) * b, y2 - (y2 - y1) * b
                    shrink = (0.0, 0.0)
            # add_artist, not add_patch: the limits are fixed, no need to update them per edge.
            ax.add_artist(
                FancyArrowPatch(
                    (x1, y1),
                    (x2, y2),
                    arrowstyle="-|>" if directed else "-",
                    mutation_scale=9 + width * 2,
                    connectionstyle=f"arc3,rad={rad}",
                    shrinkA=shrink[0],
                    shrinkB=shrink[1],
                    color=color,
                    linewidth=width,
                    linestyle=style,
                    zorder=1,
                )
            )

    # Actors, one scatter per shape.
    by_shape: dict[str, list[dict[str, Any]]] = {}
    for n in nodes:
        by_shape.setdefault(str(n["shape"]), []).append(n)
    for shape, group in sorted(by_shape.items()):
        marker, factor = _MARKERS.get(shape, ("o", 1.0))
        ax.scatter(
            [pos[n["id"]][0] for n in group],
            [pos[n["id"]][1] for n in group],
            s=[(2 * radius[n["id"]]) ** 2 * factor for n in group],
            marker=marker,
            c=[n["color"]["background"] for n in group],
            edgecolors=[n["color"]["border"] for n in group],
            linewidths=[float(n["borderWidth"]) * 0.6 for n in group],
            zorder=2,
        )
    # Labels below the actors, as on the map, on a faint white box (the map's white halo;
    # a path effect would turn SVG and PDF text into outlines that cannot be searched).
    font = _clamp(float(snapshot.style.label_size) * scale * 0.9, 7.0, 11.0)
    halo = {"boxstyle": "round,pad=0.08", "facecolor": "white", "edgecolor": "none", "alpha": 0.7}
    # Thousands of labels on one picture are unreadable and cost most of the drawing time:
    # on big maps only the largest actors (hubs, or those sized by a metric) are named.
    labelled = (
        nodes
        if len(nodes) <= LABEL_ALL_MAX
        else sorted(nodes, key=lambda n: (-float(n["size"]), -snapshot.graph.degree(n["id"])))[:LABEL_ALL_MAX]
    )
    for n in labelled:
        label = "\n".join(textwrap.wrap(str(n["label"]), 24, break_long_words=False)) or str(n["label"])
        ax.annotate(
            label,
            xy=pos[n["id"]],
            xytext=(0, -radius[n["id"]] - 1.5),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=font,
            color=n["font"]["color"],
            bbox=halo,
            zorder=1.5,  # over the lines, under the actors: a label never hides an actor
            annotation_clip=False,
        )
    if not nodes:
        ax.text(0.5, 0.5, t("no_actors", lang), ha="center", va="center", transform=ax.transAxes, fontsize=14, color="#555555")

    # Legend: coalitions (when coloured by them), actor types and relation types present.
    lax = fig.add_axes((legend_left / W, geo.bottom / H, (geo.legend_width - 0.1) / W, (geo.top - geo.bottom) / H))
    lax.set_axis_off()
    actor_items, relation_items = legend_entries(snapshot.graph, lang)
    handles: list[Any] = []
    labels: list[str] = []
    headers: list[int] = []

    def header(text: str) -> None:
        headers.append(len(labels))
        handles.append(Line2D([], [], linestyle="none"))
        labels.append(text)

    if snapshot.style.color_legend:
        header(t("coalitions", lang))
        for text, color in snapshot.style.color_legend:
            handles.append(
                Line2D([], [], marker="o", linestyle="none", markersize=9, markerfacecolor=color, markeredgecolor="#333333")
            )
            labels.append(text)
    shapes = {at.label(lang): at.shape for at in vocab.ACTOR_TYPES.values()}
    header(t("actor_types", lang))
    for item in actor_items:
        marker, factor = _MARKERS.get(shapes.get(item["label"], "dot"), ("o", 1.0))
        # Coloured by coalition, the type is told by shape alone: draw the shape in grey.
        color = "#BBBBBB" if snapshot.style.colors else item["color"]
        handles.append(
            Line2D(
                [],
                [],
                marker=marker,
                linestyle="none",
                markersize=9 * factor**0.5,
                markerfacecolor=color,
                markeredgecolor="#333333",
            )
        )
        labels.append(item["label"])
    header(t("relation_types", lang))
    for item in relation_items:
        handles.append(Line2D([], [], color=item["color"], linewidth=2, linestyle="--" if item["dash"] == "dashed" else "-"))
        labels.append(item["label"])
    size = 9.0 if len(labels) <= 30 else 7.0
    legend = lax.legend(
        handles, labels, loc="upper left", frameon=False, fontsize=size, handlelength=2.2, labelspacing=0.45, borderaxespad=0.0
    )
    for i, text in enumerate(legend.get_texts()):
        if i in headers:
            text.set_fontweight("bold")

    if decorations:
        fig.text(
            0.5,
            (H - 0.2) / H,
            "\n".join(geo.title_lines),
            ha="center",
            va="top",
            fontsize=20,
            fontweight="bold",
            color="#111111",
        )
        fig.text(
            0.2 / W, 0.15 / H, "\n".join(geo.footer_lines), ha="left", va="bottom", fontsize=8, color="#333333", linespacing=1.5
        )
    # Text from the data is text: no mathtext for `$…$`, no TeX.
    for text in fig.findobj(Text):
        text.set_parse_math(False)
        text.set_usetex(False)
    return fig


def figure_texts(snapshot: Snapshot, decorations: bool = True) -> list[str]:
    """Every text the picture of ``snapshot`` shows (title, labels, legend, caption, sources)."""
    from matplotlib.text import Text

    fig = _figure(snapshot, decorations)
    return [str(x.get_text()) for x in fig.findobj(Text) if x.get_text()]


def picture_bytes(snapshot: Snapshot, fmt: str, dpi: float | None = None, decorations: bool = True) -> bytes:
    import matplotlib

    rc = {"svg.fonttype": "none", "svg.hashsalt": "stakeholder-network", "pdf.fonttype": 42, "text.usetex": False}
    metadata: dict[str, str | None]
    if fmt == "png":
        metadata = {"Title": snapshot.title, "Software": None}
    elif fmt == "svg":
        metadata = {"Title": snapshot.title, "Date": None, "Creator": None}
    else:
        metadata = {"Title": snapshot.title, "Subject": snapshot.caption, "CreationDate": None, "Creator": None}
    with matplotlib.rc_context(rc):
        fig = _figure(snapshot, decorations)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=dpi or SCREEN_DPI, facecolor="white", edgecolor="white", metadata=metadata)
    return buf.getvalue()
