"""Snapshots of a view as files: pictures, an interactive page, data and slides.

A :class:`Snapshot` is one view frozen for export: the shown graph, the positions
the map uses, its style, and what it says about itself (title, caption with the
filters, date, data version and the documents its relations cite). Every format
is written from a snapshot, so a picture, a slide and a data file of the same
view agree with each other and with the map.

Pictures (PNG, SVG, PDF) are drawn with matplotlib on an explicit Agg canvas
(no pyplot, no GUI backend) from the vis-network elements ``render.map_elements``
gives the map, so colours, shapes, dashes and arrows match. matplotlib and
python-pptx are imported inside the functions that need them.

The data formats (GEXF, GraphML, JSON, CSV) are byte-stable: the same data and
view give the same bytes, whatever the day (the snapshot date is written, not
the clock) and whatever the order the data came in.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import io
import json
import math
import os
import re
import textwrap
import zipfile
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from . import vocabulary as vocab
from .data import ACTOR_COLUMNS, RELATION_COLUMNS, write_bytes_atomic
from .i18n import t
from .layout import compute_layout
from .render import STRAIGHT_EDGES_ABOVE, MapStyle, legend_entries, map_elements, render_html
from .tabular import csv_text
from .view import ViewState, apply_view

__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "FIGSIZE",
    "SCREEN_DPI",
    "PRINT_DPI",
    "Snapshot",
    "make_snapshot",
    "export_bytes",
    "export_file",
    "export_deck",
    "export_graph",
    "cited_sources",
    "figure_texts",
]

LABEL_ALL_MAX = 300
FORMATS = ("png", "svg", "pdf", "html", "gexf", "graphml", "json", "csv", "pptx")
MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "gexf": "application/xml",
    "graphml": "application/xml",
    "json": "application/json",
    "csv": "application/zip",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
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
_STRINGS = {
    # Export-only strings, (English, Dutch); the interface strings live in i18n.
    "coalitions": ("Coalitions", "Coalities"),
    "more_sources": ("… and {n} more", "… en nog {n}"),
    "no_actors": ("No actors match this view.", "Geen actoren in deze weergave."),
    "csv_readme": (
        "Cells that start with =, +, - or @ are prefixed with an apostrophe so a spreadsheet "
        "shows them as text instead of running them as formulas.",
        "Cellen die met =, +, - of @ beginnen krijgen een apostrof vooraan, zodat een "
        "spreadsheet ze als tekst toont in plaats van ze als formule uit te voeren.",
    ),
}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed ZIP entry times: the same data gives the same bytes


def _s(key: str, lang: str, **values: object) -> str:
    en, nl = _STRINGS[key]
    text = nl if lang == "nl" else en
    return text.format(**values) if values else text


@dataclass
class Snapshot:
    """One view, frozen for export: what it shows and what it says about itself."""

    graph: nx.MultiDiGraph
    positions: dict[Hashable, tuple[float, float]]
    style: MapStyle
    title: str
    caption: str
    lang: str = "en"
    date: str = ""  # ISO date the snapshot was taken
    version: str = ""  # data version (hash of the CSV files)
    sources: list[dict[str, str]] = field(default_factory=list)  # documents the shown relations cite

    def sources_line(self, limit: int | None = None) -> str:
        """The cited documents as one line: ``Sources: [id] title (date); …``."""
        items = [_source_text(s) for s in self.sources]
        if limit is not None and len(items) > limit:
            items = items[:limit] + [_s("more_sources", self.lang, n=len(items) - limit)]
        return f"{t('sources', self.lang)}: " + ("; ".join(items) if items else "–")


def _source_text(s: Mapping[str, str]) -> str:
    text = f"[{s.get('id', '')}]"
    if s.get("title"):
        text += f" {s['title']}"
    if s.get("date"):
        text += f" ({s['date']})"
    return text


def cited_sources(G_full: nx.MultiDiGraph, shown: nx.MultiDiGraph) -> list[dict[str, str]]:
    """The documents cited by the relations in ``shown``, oldest first, as id/title/date dicts."""
    table = G_full.graph.get("sources", {}) or {}
    ids = {str(e.get("source_doc")) for *_, e in shown.edges(data=True) if e.get("source_doc")}
    out = [{"id": d, "title": str(table.get(d, {}).get("title", "")), "date": str(table.get(d, {}).get("date", ""))} for d in ids]
    out.sort(key=lambda s: (s["date"] or "9999", s["id"]))
    return out


def make_snapshot(G_full: nx.MultiDiGraph, state: ViewState, title: str | None = None, today: _dt.date | None = None) -> Snapshot:
    """Apply ``state`` to the full graph and freeze the result for export.

    Positions are computed on the full graph, so a filtered picture keeps every
    actor where the whole map has it.

    Parameters
    ----------
    G_full : nx.MultiDiGraph
        The whole graph, as ``build_graph`` returns it.
    state : ViewState
        The filters, focus, path and style to apply.
    title : str, optional
        The title; default ``state.title`` or the app's title in the state's language.
    today : datetime.date, optional
        The date the snapshot states; default today.

    Returns
    -------
    Snapshot

    Examples
    --------
    >>> import datetime
    >>> G = nx.MultiDiGraph(version="abc", sources={})
    >>> G.add_node("a", name="A", type="trade_union"); G.add_node("b", name="B", type="company")
    >>> _ = G.add_edge("a", "b", key="r0", type="trains", directed=True)
    >>> s = make_snapshot(G, ViewState(lang="nl"), today=datetime.date(2026, 1, 2))
    >>> s.title, s.date, s.version, sorted(s.positions)
    ('Stakeholdernetwerk-verkenner', '2026-01-02', 'abc', ['a', 'b'])
    """
    day = today or _dt.date.today()
    result = apply_view(G_full, state, today=day)
    lang = state.lang
    title = title or state.title or t("app_title", lang)
    everywhere = compute_layout(G_full)
    shown = result.graph
    positions = {n: everywhere.get(n, (0.0, 0.0)) for n in shown.nodes}
    style = dataclasses.replace(result.style, title=title, caption=result.caption)
    return Snapshot(
        graph=shown,
        positions=positions,
        style=style,
        title=title,
        caption=result.caption,
        lang=lang,
        date=day.isoformat(),
        version=str(G_full.graph.get("version", "")),
        sources=cited_sources(G_full, shown),
    )


# --------------------------------------------------------------------------- data formats


def _natural(value: object) -> tuple[Any, ...]:
    """Sort key that puts r2 before r10."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", str(value)))


def _plain(value: object) -> str | int | float | bool:
    """A value every writer accepts: str, int, float or bool; None becomes ""."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _meta(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "title": snapshot.title,
        "caption": snapshot.caption,
        "date": snapshot.date,
        "version": snapshot.version,
        "lang": snapshot.lang,
        "sources": snapshot.sources,
    }


def export_graph(snapshot: Snapshot) -> nx.MultiDiGraph:
    """The shown graph as the data formats write it: sorted, plain values, ``label`` and x/y.

    Nodes are sorted by id and edges by (source, target, key); every attribute is a
    str, int, float or bool; each node gets ``label`` (its name) and ``x``/``y`` (the
    map's screen position, y growing downward). The graph-level ``sources`` holds
    the cited documents as a JSON string.
    """
    G = snapshot.graph
    H = nx.MultiDiGraph()
    H.graph.update(
        {
            "title": snapshot.title,
            "caption": snapshot.caption,
            "date": snapshot.date,
            "version": snapshot.version,
            "lang": snapshot.lang,
            "sources": json.dumps(snapshot.sources, sort_keys=True, ensure_ascii=False),
        }
    )
    for n in sorted(G.nodes, key=_natural):
        attrs = {str(k): _plain(v) for k, v in sorted(G.nodes[n].items())}
        x, y = snapshot.positions.get(n, (0.0, 0.0))
        attrs.update(label=str(G.nodes[n].get("name") or n), x=float(x), y=float(y))
        H.add_node(n, **attrs)
    for u, v, k in sorted(G.edges(keys=True), key=lambda e: (_natural(e[0]), _natural(e[1]), _natural(e[2]))):
        H.add_edge(u, v, key=k, **{str(a): _plain(b) for a, b in sorted(G.edges[u, v, k].items())})
    return H


def _rgb(color: str) -> dict[str, int]:
    c = color.lstrip("#")
    if not re.fullmatch(r"[0-9a-fA-F]{6}([0-9a-fA-F]{2})?", c):
        return {"r": 187, "g": 187, "b": 187}
    return {"r": int(c[0:2], 16), "g": int(c[2:4], 16), "b": int(c[4:6], 16)}


def _gexf(snapshot: Snapshot) -> bytes:
    from networkx.readwrite.gexf import GEXFWriter

    H = export_graph(snapshot)
    H.graph = {"name": snapshot.title}
    nodes, _edges = map_elements(snapshot.graph, snapshot.positions, snapshot.style)
    look = {n["id"]: n for n in nodes}
    for n, a in H.nodes(data=True):
        el = look[n]
        color = el["color"]["background"]  # type: ignore[index]
        # Gephi's y axis points up, the map's down: flip it so the picture is not mirrored.
        a["viz"] = {
            "position": {"x": a["x"], "y": -a["y"], "z": 0.0},
            "color": _rgb(str(color)),
            "size": float(el["size"]),  # type: ignore[arg-type]
        }
    for _u, _v, k, e in H.edges(keys=True, data=True):
        # GEXF reserves an edge's `type` for directed/undirected, so the relation type goes
        # in `relation_type`; the edge `id` is the relation's key, `label` its type label.
        e["relation_type"] = e.pop("type", "")
        e["id"] = str(k)
        e["label"] = vocab.label(str(e["relation_type"]), snapshot.lang, "relation")
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.set("lastmodifieddate", snapshot.date)  # not the clock: byte-stable
        desc = meta.makeelement("description", {})
        desc.text = f"{snapshot.caption}\n{snapshot.sources_line()}"
        meta.append(desc)
    writer.add_graph(H)
    return str(writer).encode("utf-8")


def _graphml(snapshot: Snapshot) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(export_graph(snapshot), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _json(snapshot: Snapshot) -> bytes:
    # node-link's `source`/`target` keys carry the relation's source and target columns.
    data = nx.node_link_data(export_graph(snapshot), edges="edges")
    data["meta"] = _meta(snapshot)
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _columns(base: Iterable[str], rows: Iterable[Mapping[str, object]]) -> list[str]:
    cols = list(base)
    extra = sorted({str(k) for r in rows for k in r} - set(cols))
    return cols + extra


def _csv_zip(snapshot: Snapshot) -> bytes:
    H = export_graph(snapshot)
    actors = []
    for n, a in H.nodes(data=True):
        row = {k: v for k, v in a.items() if k not in ("label", "x", "y")}
        row.setdefault("id", n)
        actors.append(row)
    relations = []
    for u, v, _k, e in H.edges(keys=True, data=True):
        row = dict(e)
        row.update(source=row.get("source", u), target=row.get("target", v))
        if isinstance(row.get("directed"), bool):
            row["directed"] = "true" if row["directed"] else "false"
        relations.append(row)
    readme = "\n".join(
        [
            snapshot.title,
            "",
            snapshot.caption,
            f"{t('date', snapshot.lang)}: {snapshot.date}",
            f"{t('data_version', snapshot.lang)}: {snapshot.version}",
            "",
            f"{t('sources', snapshot.lang)}:",
            *[f"- {_source_text(s)}" for s in snapshot.sources],
            "",
            _s("csv_readme", snapshot.lang),
            "",
        ]
    )
    files = {
        "actors.csv": csv_text(actors, _columns(ACTOR_COLUMNS, actors)),
        "relations.csv": csv_text(relations, _columns(RELATION_COLUMNS, relations)),
        "README.txt": readme,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


# --------------------------------------------------------------------------- pictures


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
        ax.text(0.5, 0.5, _s("no_actors", lang), ha="center", va="center", transform=ax.transAxes, fontsize=14, color="#555555")

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
        header(_s("coalitions", lang))
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


def _picture(snapshot: Snapshot, fmt: str, dpi: float | None = None, decorations: bool = True) -> bytes:
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


# --------------------------------------------------------------------------- slides


def export_deck(snapshots: list[Snapshot]) -> bytes:
    """A 16:9 PowerPoint deck, one slide per snapshot: title, picture, caption and sources.

    The title, caption and sources are editable slide text; the picture holds the map
    and its legend.
    """
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Emu, Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)  # 13.333 x 7.5 in, 16:9
    blank = prs.slide_layouts[6]
    slide_w = int(prs.slide_width)

    def box(slide: Any, top: float, height: float, text: str, size: int, bold: bool = False) -> None:
        shape = slide.shapes.add_textbox(Inches(0.4), Inches(top), Emu(slide_w - int(Inches(0.8))), Inches(height))
        frame = shape.text_frame
        frame.word_wrap = True
        frame.text = text
        for para in frame.paragraphs:
            for run in para.runs:
                run.font.size = Pt(size)
                run.font.bold = bold
                run.font.color.rgb = RGBColor(0x22, 0x22, 0x22)

    for snap in snapshots:
        slide = prs.slides.add_slide(blank)
        box(slide, 0.25, 0.75, snap.title, 26, bold=True)
        png = _picture(snap, "png", SCREEN_DPI, decorations=False)
        height = Inches(5.0)
        width = int(height * FIGSIZE[0] / FIGSIZE[1])
        slide.shapes.add_picture(io.BytesIO(png), Emu((slide_w - width) // 2), Inches(1.05), Emu(width), height)
        box(slide, 6.1, 0.45, snap.caption, 11)
        box(slide, 6.55, 0.8, snap.sources_line(limit=8), 9)
    props = prs.core_properties
    if snapshots:
        props.title = snapshots[0].title
        try:
            stamp = _dt.datetime.fromisoformat(snapshots[0].date)
        except ValueError:
            stamp = None
        if stamp is not None:
            props.created = props.modified = stamp
    props.last_modified_by = "Stakeholder Network Explorer"
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- entry points


def _html(snapshot: Snapshot) -> bytes:
    caption = f"{snapshot.caption} · {snapshot.sources_line()}"
    style = dataclasses.replace(snapshot.style, title=snapshot.title, caption=caption, lang=snapshot.lang)
    return render_html(snapshot.graph, snapshot.positions, style).encode("utf-8")


def export_bytes(snapshot: Snapshot, fmt: str, *, dpi: float | None = None) -> bytes:
    """The snapshot in format ``fmt`` (one of ``FORMATS``) as bytes.

    Parameters
    ----------
    snapshot : Snapshot
    fmt : str
        ``png``, ``svg``, ``pdf`` (pictures), ``html`` (the interactive map, one
        self-contained file), ``gexf``, ``graphml``, ``json`` (graph data), ``csv``
        (a ZIP of actors.csv, relations.csv and README.txt) or ``pptx`` (one slide).
    dpi : float, optional
        PNG resolution: default 120 (1920 x 1080 px); ``PRINT_DPI`` (300) gives
        4800 x 2700 px of the same 16 x 9 inch picture, for print.

    Returns
    -------
    bytes

    Examples
    --------
    >>> import datetime
    >>> G = nx.MultiDiGraph(version="abc", sources={})
    >>> G.add_node("a", name="A", type="ngo")
    >>> s = make_snapshot(G, ViewState(), today=datetime.date(2026, 1, 2))
    >>> json.loads(export_bytes(s, "json"))["nodes"][0]["label"]
    'A'
    """
    fmt = fmt.lower().lstrip(".")
    if fmt in ("png", "svg", "pdf"):
        return _picture(snapshot, fmt, dpi)
    if fmt == "html":
        return _html(snapshot)
    if fmt == "gexf":
        return _gexf(snapshot)
    if fmt == "graphml":
        return _graphml(snapshot)
    if fmt == "json":
        return _json(snapshot)
    if fmt == "csv":
        return _csv_zip(snapshot)
    if fmt == "pptx":
        return export_deck([snapshot])
    raise ValueError(f"unknown export format '{fmt}' (choose from: {', '.join(FORMATS)})")


def export_file(snapshot: Snapshot, fmt: str, path: str | os.PathLike[str], *, dpi: float | None = None) -> Path:
    """Write the snapshot in format ``fmt`` to ``path`` atomically; return the path.

    The bytes go to a temporary file in the same folder, which is fsynced and then
    renamed over ``path``, so a reader never sees half a file.
    """
    target = Path(path)
    write_bytes_atomic(target, export_bytes(snapshot, fmt, dpi=dpi))
    return target
