"""Pictures of a snapshot (PNG, SVG, PDF), drawn with matplotlib on an explicit Agg canvas.

No pyplot and no GUI backend; the same vis-network elements the map uses
(``encoding.map_elements``), so colours, shapes, dashes, arrows and the one line per pair
of actors match. matplotlib is imported inside the functions that need it.

Labels are placed by textalloc (issue 11): each goes to a free spot near its actor, so no
two labels overlap, none is covered by an actor and none is cut at the edge; a label
that has to sit away from its actor gets a thin leader line. Where not every label fits
at the chosen size, the size steps down to a floor; ``label_collisions`` counts what is
left, from the rendered text extents, for the tests and ``bench/legibility.py``.

The drawing is a series of steps, each a short function: frame the map, draw the
relations, the actors, the labels, the legend, the title and footer.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import vocabulary as vocab
from ..i18n import t
from .encoding import STRAIGHT_EDGES_ABOVE, legend_entries, map_elements
from .snapshot import Snapshot

if TYPE_CHECKING:
    from matplotlib.typing import LineStyleType, RcKeyType

__all__ = [
    "FIGSIZE",
    "SCREEN_DPI",
    "PRINT_DPI",
    "LABEL_ALL_MAX",
    "picture_bytes",
    "figure_texts",
    "draw_figure",
    "label_collisions",
    "Collisions",
    "MapPlacement",
    "place_map",
]

LABEL_ALL_MAX = 300
# Pictures are 16:9 inches at any resolution: the screen default gives 1920 x 1080 px,
# ``dpi=300`` (print) gives 4800 x 2700 px of the same picture.
FIGSIZE = (16.0, 9.0)
SCREEN_DPI = 120
PRINT_DPI = 300
# Label sizes on a picture: start here, step down to the floor while labels do not all fit.
LABEL_PT = 10.0
LABEL_MIN_PT = 7.0
LABEL_GID = "actor-label"
_LABEL_CHARS = 22

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
# A relation type's dash in the legend as a matplotlib line style (solid otherwise).
_LINESTYLES: dict[str, LineStyleType] = {"dashed": "--", "dotted": ":"}


@dataclass
class _Geometry:
    """Where things go on the figure, in inches from the bottom left."""

    title_lines: list[str]
    footer_lines: list[str]
    top: float  # map area top
    bottom: float  # map area bottom
    legend_width: float = 3.3


@dataclass
class _Frame:
    """The map's axes and how map pixels become points on the figure."""

    ax: Any
    scale: float  # points per map pixel
    pos: dict[Hashable, tuple[float, float]]  # map pixels, y up (matplotlib's way)
    radius: dict[Hashable, float]  # points
    legend_left: float  # inches


@dataclass
class MapPlacement:
    """A map laid out on a ``width`` x ``height`` inch area, for drawing it elsewhere (slides).

    Coordinates are inches from the area's top left; ``labels`` are (node id, text, font
    size in pt, left, top, width, height) of each placed label's box.
    """

    width: float
    height: float
    nodes: dict[Hashable, tuple[float, float]] = field(default_factory=dict)  # centre
    radius: dict[Hashable, float] = field(default_factory=dict)
    labels: list[tuple[Hashable, str, float, float, float, float, float]] = field(default_factory=list)
    leaders: list[tuple[float, float, float, float]] = field(default_factory=list)  # x1, y1, x2, y2
    font_pt: float = 0.0


@dataclass(frozen=True)
class Collisions:
    """What goes wrong with the labels of a rendered figure (all zero on a legible one)."""

    labels: int  # labels drawn
    overlapping_pairs: int  # pairs of labels whose text extents overlap
    covered: int  # labels an actor's marker overlaps
    cut: int  # labels not wholly inside the figure
    smallest_pt: float  # the smallest label's font size


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
    if not snapshot.style.every_claim:
        footer.append(t("pair_line_note", snapshot.lang))
    top = FIGSIZE[1] - 0.2 - 0.36 * len(title_lines) - 0.1
    bottom = 0.15 + 0.175 * len(footer) + 0.1
    return _Geometry(title_lines, footer, top, bottom)


def _clamp(value: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, value))


def _new_figure(size: tuple[float, float]) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, facecolor="white", edgecolor="white")
    FigureCanvasAgg(fig)  # explicit Agg backend, no pyplot
    return fig


def _frame(fig: Any, nodes: list[dict[str, Any]], box: tuple[float, float, float, float], label_pt: float) -> _Frame:
    """Axes filling ``box`` (left, bottom, width, height in inches), the map scaled to fill it.

    Room is left around the outer actors for their labels (in points, so it does not
    shrink with the map), and the map is centred in what is left.
    """
    W, H = fig.get_size_inches()
    left, bottom, width, height = box
    ax = fig.add_axes((left / W, bottom / H, width / W, height / H))
    ax.set_axis_off()
    ax.set_facecolor("white")
    pos = {n["id"]: (float(n["x"]), -float(n["y"])) for n in nodes}  # y up
    pad_x, pad_y = label_pt * 6.5, label_pt * 2.6  # half a label across, a label down (points)
    room_w, room_h = max(width * 72 - 2 * pad_x, 36.0), max(height * 72 - 2 * pad_y, 36.0)
    if pos:
        xs = [x for x, _ in pos.values()]
        ys = [y for _, y in pos.values()]
        dx, dy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    else:
        dx, dy, cx, cy = 400.0, 300.0, 0.0, 0.0
    scale = min(room_w / dx, room_h / dy, 1.2)  # points per map pixel, the same on both axes
    half_w, half_h = width * 72 / scale / 2, height * 72 / scale / 2
    ax.set_xlim(cx - half_w, cx + half_w)
    ax.set_ylim(cy - half_h, cy + half_h)
    radius = {n["id"]: _clamp(float(n["size"]) * scale, 3.0, 14.0) for n in nodes}
    return _Frame(ax, scale, pos, radius, left + width + 0.1)


def _line_style(e: dict[str, Any]) -> tuple[str, float, Any]:
    color = e["color"]["color"]
    width = float(e["width"]) * 0.6
    # Dotted (a list of dash lengths): every claim on the line is inferred; dashed: the type's own style.
    return color, width, ((0, (1, 2)) if isinstance(e["dashes"], list) else (0, (4, 3)) if e["dashes"] else "solid")


def _draw_relations(frame: _Frame, edges: list[dict[str, Any]]) -> None:
    """One line per pair (or per claim): straight segments on big maps, arrows and curves on small ones."""
    from matplotlib.collections import LineCollection

    ax, pos = frame.ax, frame.pos
    if len(edges) > STRAIGHT_EDGES_ABOVE:
        # As on the map: straight lines for big graphs (and no arrowheads, which would be noise).
        styles = [_line_style(e) for e in edges]
        ax.add_collection(
            LineCollection(
                [[pos[e["from"]], pos[e["to"]]] for e in edges],
                colors=[s[0] for s in styles],
                linestyles=[s[2] for s in styles],
                linewidths=[s[1] * 0.8 for s in styles],
                zorder=1,
            )
        )
        return
    for e in edges:
        if e["from"] == e["to"]:
            _draw_loop(frame, e)
        else:
            _draw_line(frame, e)


def _draw_loop(frame: _Frame, e: dict[str, Any]) -> None:
    from matplotlib.patches import Circle

    color, width, style = _line_style(e)
    r = frame.radius[e["from"]] / frame.scale
    x, y = frame.pos[e["from"]]
    frame.ax.add_artist(Circle((x + r, y + r), r * 0.9, fill=False, edgecolor=color, linewidth=width, linestyle=style, zorder=1))


def _draw_line(frame: _Frame, e: dict[str, Any]) -> None:
    from matplotlib.patches import FancyArrowPatch

    color, width, style = _line_style(e)
    u, v = e["from"], e["to"]
    forward, backward = bool(e["arrows"]["to"]["enabled"]), bool(e["arrows"].get("from", {}).get("enabled"))
    smooth = e.get("smooth")
    rad = 0.0
    if isinstance(smooth, dict):
        # y is flipped against the map, so clockwise there is counter-clockwise here.
        rad = float(smooth.get("roundness", 0.0)) * (-1 if smooth.get("type") == "curvedCW" else 1)
    (x1, y1), (x2, y2) = frame.pos[u], frame.pos[v]
    shrink = (frame.radius[u] + 1, frame.radius[v] + 1)
    length = math.hypot(x2 - x1, y2 - y1)
    if not rad and length:
        # Straight: cut the line at the actors' edges here, cheaper than matplotlib's path clipping.
        a, b = shrink[0] / frame.scale / length, shrink[1] / frame.scale / length
        if a + b < 1:
            x1, y1, x2, y2 = x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x2 - (x2 - x1) * b, y2 - (y2 - y1) * b
            shrink = (0.0, 0.0)
    arrow = {(True, True): "<|-|>", (True, False): "-|>", (False, True): "<|-", (False, False): "-"}[(forward, backward)]
    # add_artist, not add_patch: the limits are fixed, no need to update them per edge.
    frame.ax.add_artist(
        FancyArrowPatch(
            (x1, y1),
            (x2, y2),
            arrowstyle=arrow,
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


def _draw_actors(frame: _Frame, nodes: list[dict[str, Any]]) -> None:
    """Actors, one scatter per shape."""
    by_shape: dict[str, list[dict[str, Any]]] = {}
    for n in nodes:
        by_shape.setdefault(str(n["shape"]), []).append(n)
    for shape, group in sorted(by_shape.items()):
        marker, factor = _MARKERS.get(shape, ("o", 1.0))
        frame.ax.scatter(
            [frame.pos[n["id"]][0] for n in group],
            [frame.pos[n["id"]][1] for n in group],
            s=[(2 * frame.radius[n["id"]]) ** 2 * factor for n in group],
            marker=marker,
            c=[n["color"]["background"] for n in group],
            edgecolors=[n["color"]["border"] for n in group],
            linewidths=[float(n["borderWidth"]) * 0.6 for n in group],
            zorder=3,
        )


def _label_text(label: str) -> str:
    return "\n".join(textwrap.wrap(label, _LABEL_CHARS, break_long_words=False)) or label


def _labelled(nodes: list[dict[str, Any]], snapshot: Snapshot) -> list[dict[str, Any]]:
    """The actors to name, most connected first (they get the best spots)."""
    G = snapshot.graph
    ranked = sorted(nodes, key=lambda n: (-float(n["size"]), -G.degree(n["id"]), str(n["id"])))
    # Thousands of labels on one picture are unreadable and cost most of the drawing time:
    # on big maps only the largest actors (hubs, or those sized by a metric) are named.
    return ranked[:LABEL_ALL_MAX]


def _draw_labels(frame: _Frame, labelled: list[dict[str, Any]], sizes: Sequence[float]) -> float:
    """Place the labels with textalloc at the first size in ``sizes`` where all fit; return that size.

    At the last size, labels that found no free spot are drawn at their actor all the
    same (``label_collisions`` then counts them): a missing name would be worse.
    """
    import textalloc
    from matplotlib.artist import Artist

    if not labelled:
        return 0.0
    ax, fig = frame.ax, frame.ax.get_figure()
    px = fig.dpi / 72
    xs = [frame.pos[n["id"]][0] for n in labelled]
    ys = [frame.pos[n["id"]][1] for n in labelled]
    texts = [_label_text(str(n["label"])) for n in labelled]
    colors = [n["font"]["color"] for n in labelled]
    every = list(frame.pos)
    scatter_x = [frame.pos[n][0] for n in every]
    scatter_y = [frame.pos[n][1] for n in every]
    factor = {n["id"]: _MARKERS.get(str(n["shape"]), ("o", 1.0))[1] ** 0.5 for n in labelled}
    scatter_sizes = [frame.radius[n] * px * factor.get(n, 1.0) + 1.0 for n in every]
    halo = {"boxstyle": "round,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.75}
    # Each size with labels near their actors; at the floor also farther out (with a leader line).
    attempts = [(size, 0.1) for size in sizes] + [(sizes[-1], 0.25), (sizes[-1], 0.6)]
    for i, (size, reach) in enumerate(attempts):
        last = i == len(attempts) - 1
        placed, _lines, objects, _ = textalloc.allocate(
            ax,
            xs,
            ys,
            texts,
            x_scatter=scatter_x,
            y_scatter=scatter_y,
            scatter_sizes=scatter_sizes,
            textsize=size,
            textcolor=colors,
            margin=0.004,
            min_distance=0.005,
            max_distance=reach,
            nbr_candidates=800 if reach > 0.25 else 300,
            draw_lines=True,
            linecolor="#999999",
            linewidth=0.5,
            draw_all=last,
            avoid_label_lines_overlap=True,
            verbose=False,
            bbox=halo,
            zorder=4,
            gid=LABEL_GID,
            linespacing=1.05,
        )
        if last or all(p is not None for p in placed):
            for obj in objects:
                if isinstance(obj, Artist):  # a label's Text; None where none was placed
                    obj.set_gid(LABEL_GID)
            for line in ax.lines:
                line.set_zorder(0.9)
            return size
        for obj in [*objects, *ax.lines]:
            if isinstance(obj, Artist):
                obj.remove()
    return sizes[-1]  # pragma: no cover (the last attempt always returns)


def _label_sizes(start: float, floor: float) -> list[float]:
    out, size = [], start
    while size > floor + 1e-9:
        out.append(round(size, 2))
        size -= 0.5
    return out + [floor]


def _legend_handles(snapshot: Snapshot) -> tuple[list[Any], list[str], list[int]]:
    """Legend entries: coalitions (when coloured by them), actor types and line styles present."""
    from matplotlib.lines import Line2D

    lang = snapshot.lang
    actor_items, relation_items = legend_entries(snapshot.graph, lang, snapshot.style.every_claim)
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
        handles.append(Line2D([], [], color=item["color"], linewidth=2, linestyle=_LINESTYLES.get(item["dash"], "-")))
        labels.append(item["label"])
    return handles, labels, headers


def _draw_legend(fig: Any, snapshot: Snapshot, geo: _Geometry, left: float) -> None:
    W, H = fig.get_size_inches()
    lax = fig.add_axes((left / W, geo.bottom / H, (geo.legend_width - 0.1) / W, (geo.top - geo.bottom) / H))
    lax.set_axis_off()
    handles, labels, headers = _legend_handles(snapshot)
    size = 9.0 if len(labels) <= 30 else 7.0
    legend = lax.legend(
        handles, labels, loc="upper left", frameon=False, fontsize=size, handlelength=2.2, labelspacing=0.45, borderaxespad=0.0
    )
    for i, text in enumerate(legend.get_texts()):
        if i in headers:
            text.set_fontweight("bold")


def _draw_title_and_footer(fig: Any, geo: _Geometry) -> None:
    W, H = fig.get_size_inches()
    fig.text(
        0.5, (H - 0.2) / H, "\n".join(geo.title_lines), ha="center", va="top", fontsize=20, fontweight="bold", color="#111111"
    )
    fig.text(0.2 / W, 0.15 / H, "\n".join(geo.footer_lines), ha="left", va="bottom", fontsize=8, color="#333333", linespacing=1.5)


def _plain_text(fig: Any) -> None:
    """Text from the data is text: no mathtext for ``$…$``, no TeX."""
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        text.set_parse_math(False)
        text.set_usetex(False)


def _draw_map(
    fig: Any, snapshot: Snapshot, box: tuple[float, float, float, float], label_pt: float, min_pt: float
) -> tuple[_Frame, float]:
    """Relations, actors and placed labels of ``snapshot`` in ``box``; the frame and the label size used."""
    nodes, edges = map_elements(snapshot.graph, snapshot.positions, snapshot.style)
    frame = _frame(fig, nodes, box, label_pt)
    _draw_relations(frame, edges)
    _draw_actors(frame, nodes)
    if not nodes:
        frame.ax.text(
            0.5,
            0.5,
            t("no_actors", snapshot.lang),
            ha="center",
            va="center",
            transform=frame.ax.transAxes,
            fontsize=14,
            color="#555555",
        )
        return frame, 0.0
    _plain_text(fig)  # before placing: textalloc measures the labels as they will be drawn
    used = _draw_labels(frame, _labelled(nodes, snapshot), _label_sizes(label_pt, min_pt))
    return frame, used


def draw_figure(snapshot: Snapshot, decorations: bool = True) -> Any:
    """Draw ``snapshot`` on a new 16 x 9 inch matplotlib Figure with an Agg canvas."""
    W, _H = FIGSIZE
    geo = _geometry(snapshot, decorations)
    fig = _new_figure(FIGSIZE)
    box = (0.2, geo.bottom, W - geo.legend_width - 0.4, geo.top - geo.bottom)
    frame, _ = _draw_map(fig, snapshot, box, LABEL_PT, LABEL_MIN_PT)
    _draw_legend(fig, snapshot, geo, frame.legend_left)
    if decorations:
        _draw_title_and_footer(fig, geo)
    _plain_text(fig)
    return fig


def place_map(snapshot: Snapshot, width: float, height: float, label_pt: float, min_pt: float) -> MapPlacement:
    """Lay the map of ``snapshot`` out on a ``width`` x ``height`` inch area with labels placed, for slides.

    The same steps as a picture (frame, actors, textalloc labels at ``label_pt`` stepping
    down to ``min_pt``), measured instead of saved.
    """
    fig = _new_figure((width, height))
    frame, used = _draw_map(fig, snapshot, (0.0, 0.0, width, height), label_pt, min_pt)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    to_in = 1 / fig.dpi
    out = MapPlacement(width, height, font_pt=used)
    for n, (x, y) in frame.pos.items():
        dx, dy = frame.ax.transData.transform((x, y))
        out.nodes[n] = (dx * to_in, height - dy * to_in)
        out.radius[n] = frame.radius[n] / 72
    # A drawn label is matched to its actor whatever line breaks wrapping put in it ("Hukatan-\nKSBSI"),
    # by the name or the short label: a slide groups each label with its actor.
    ids: dict[str, Any] = {}
    for n, a in snapshot.graph.nodes(data=True):
        for shown in (a.get("label"), a.get("name") or n):
            if shown:
                ids.setdefault("".join(_label_text(str(shown)).split()), n)
    for text in frame.ax.texts:
        if text.get_gid() != LABEL_GID:
            continue
        bb = text.get_window_extent(renderer)
        out.labels.append(
            (
                ids.get("".join(text.get_text().split())),
                text.get_text(),
                float(text.get_fontsize()),
                bb.x0 * to_in,
                height - bb.y1 * to_in,
                bb.width * to_in,
                bb.height * to_in,
            )
        )
    for line in frame.ax.lines:
        (x1, y1), (x2, y2) = frame.ax.transData.transform(line.get_xydata()[[0, -1]])
        out.leaders.append((x1 * to_in, height - y1 * to_in, x2 * to_in, height - y2 * to_in))
    return out


def label_collisions(fig: Any) -> Collisions:
    """Count label problems in a drawn figure from matplotlib's text extents.

    Overlapping pairs of actor labels, labels an actor marker overlaps, labels not wholly
    inside the figure, and the smallest label size. Works on any figure this module
    draws (``_figure``); labels are the texts with gid ``actor-label``.
    """
    from matplotlib.collections import PathCollection

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [x for ax in fig.axes for x in ax.texts if x.get_gid() == LABEL_GID and x.get_text()]
    boxes = [x.get_window_extent(renderer) for x in texts]
    pairs = sum(1 for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if _overlap(boxes[i], boxes[j]))
    markers = []
    for ax in fig.axes:
        for coll in ax.collections:
            if isinstance(coll, PathCollection):
                offsets = ax.transData.transform(coll.get_offsets())
                sizes = coll.get_sizes()
                for k, (x, y) in enumerate(offsets):
                    r = math.sqrt(sizes[k % len(sizes)]) / 2 * fig.dpi / 72 * 0.85  # inside the marker's square
                    markers.append((x - r, y - r, x + r, y + r))
    covered = sum(1 for b in boxes if any(b.x0 < m[2] and m[0] < b.x1 and b.y0 < m[3] and m[1] < b.y1 for m in markers))
    W, H = fig.get_size_inches() * fig.dpi
    cut = sum(1 for b in boxes if b.x0 < 0 or b.y0 < 0 or b.x1 > W or b.y1 > H)
    smallest = min((float(x.get_fontsize()) for x in texts), default=0.0)
    return Collisions(len(texts), pairs, covered, cut, smallest)


def _overlap(a: Any, b: Any) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def figure_texts(snapshot: Snapshot, decorations: bool = True) -> list[str]:
    """Every text the picture of ``snapshot`` shows (title, labels, legend, caption, sources)."""
    from matplotlib.text import Text

    fig = draw_figure(snapshot, decorations)
    return [str(x.get_text()) for x in fig.findobj(Text) if x.get_text()]


def picture_bytes(snapshot: Snapshot, fmt: str, dpi: float | None = None, decorations: bool = True) -> bytes:
    import matplotlib

    metadata: dict[str, str | None]
    if fmt == "png":
        metadata = {"Title": snapshot.title, "Software": None}
    elif fmt == "svg":
        metadata = {"Title": snapshot.title, "Date": None, "Creator": None}
    else:
        metadata = {"Title": snapshot.title, "Subject": snapshot.caption, "CreationDate": None, "Creator": None}
    rc: dict[RcKeyType, Any] = {
        "svg.fonttype": "none",
        "svg.hashsalt": "stakeholder-network",
        "pdf.fonttype": 42,
        "text.usetex": False,
    }
    with matplotlib.rc_context(rc):
        fig = draw_figure(snapshot, decorations)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=dpi or SCREEN_DPI, facecolor="white", edgecolor="white", metadata=metadata)
    return buf.getvalue()
