"""The power-interest grid as a picture (PNG, SVG, PDF) or a slide (PPTX).

Four labelled quadrants (manage closely, keep satisfied, keep informed, monitor), each
actor a dot coloured by its stance, placed by interest (across) and influence (up), as
``grid.grid`` computes them. The quadrant names sit just outside the plotting area, above
the top two quadrants and below the bottom two, so no actor label can cover them.

Labels are placed with textalloc, as the map's pictures are (``figure``): none overlaps
another or a dot, none is cut at the edge. A label that finds no free spot even at the
smallest size is left off, never drawn over another, and the footer names those actors.
Actors with the same interest are spread sideways a little so their dots do not hide
each other (within a quarter point of the scale: the quadrant never changes).
matplotlib and python-pptx are imported inside the functions that need them.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
import textwrap
from collections.abc import Mapping
from typing import Any

from ..grid import GRID_COLORS, MIDDLE, QUADRANTS
from ..i18n import t
from .figure import LABEL_GID

__all__ = ["grid_figure", "grid_bytes", "grid_texts", "GRID_FIGSIZE", "SLIDE_FIGSIZE"]

GRID_FIGSIZE = (16.0, 9.0)
SLIDE_FIGSIZE = (13.333, 7.5)  # a 16:9 slide, so the slide's picture keeps its point sizes
_QUADRANT_FILL = {"manage_closely": "#FBE9E7", "keep_satisfied": "#FFF8E1", "keep_informed": "#E8F5E9", "monitor": "#F5F5F5"}
_SPREAD = 0.25  # at most this far sideways from its interest score


def _spread(rows: list[Mapping[str, Any]]) -> dict[Any, float]:
    """x of each actor: its interest; actors on the same spot (same scores) fanned out sideways, in id order."""
    groups: dict[tuple[float, float], list[Any]] = {}
    for r in sorted(rows, key=lambda r: str(r["id"])):
        groups.setdefault((float(r["interest"]), round(float(r["influence"]), 1)), []).append(r["id"])
    out = {}
    for (x, _), ids in groups.items():
        step = min(0.12, 2 * _SPREAD / max(len(ids) - 1, 1))
        for i, n in enumerate(ids):
            dx = (i + 1) // 2 * step * (1 if i % 2 else -1)  # 0, +1, -1, +2, -2 … steps
            if (x < MIDDLE) != (x + dx < MIDDLE):  # never across the middle
                dx = -dx
            out[n] = min(10.0, max(0.0, x + dx))
    return out


def _label(r: Mapping[str, Any]) -> str:
    marked = any(v == "assessment" for v in r["from"].values())
    text = "\n".join(textwrap.wrap(str(r["name"]), 24, break_long_words=False)) or str(r["name"])
    return text + ("*" if marked else "")


def grid_figure(
    g: Mapping[str, Any],
    *,
    title: str = "",
    version: str = "",
    lang: str = "en",
    today: _dt.date | None = None,
    size: tuple[float, float] = GRID_FIGSIZE,
    label_pt: float = 10.0,
    min_pt: float = 8.0,
) -> Any:
    """The grid ``g`` (``grid.grid``) drawn on a matplotlib Figure (Agg canvas, no pyplot)."""
    import textalloc
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    fig = Figure(figsize=size, facecolor="white")
    FigureCanvasAgg(fig)
    W, H = size
    heading = title or t("grid_heading", lang, ask=g["ask_name"])
    fig.text(0.3 / W, 1 - 0.3 / H, heading, fontsize=18, weight="bold", va="top", ha="left")
    ax = fig.add_axes((0.9 / W, 1.75 / H, (W - 4.2) / W, (H - 2.85) / H))
    ax.set_xlim(-0.3, 10.3)
    ax.set_ylim(-0.3, 10.3)
    for q, (x0, y0) in zip(QUADRANTS, ((MIDDLE, MIDDLE), (-0.3, MIDDLE), (MIDDLE, -0.3), (-0.3, -0.3))):
        ax.add_patch(Rectangle((x0, y0), 10.6 / 2, 10.6 / 2, facecolor=_QUADRANT_FILL[q], edgecolor="none", zorder=0))
    ax.axvline(MIDDLE, color="#999999", lw=1, zorder=1)
    ax.axhline(MIDDLE, color="#999999", lw=1, zorder=1)
    ax.set_xlabel(t("interest", lang) + " →", fontsize=12, labelpad=30)  # room for the bottom quadrants' names
    ax.set_ylabel(t("influence", lang) + " →", fontsize=12)
    ax.tick_params(labelsize=10)
    # Quadrant names outside the plotting area: above the top two, below the bottom two.
    for q, (x, y, va) in zip(
        QUADRANTS, ((0.75, 1.01, "bottom"), (0.25, 1.01, "bottom"), (0.75, -0.06, "top"), (0.25, -0.06, "top"))
    ):
        n = len(g["quadrants"][q])
        ax.text(
            x,
            y,
            f"{t('quadrant_' + q, lang)} ({n})",
            transform=ax.transAxes,
            ha="center",
            va=va,
            fontsize=14,
            weight="bold",
            color="#444444",
        )
    rows = list(g["actors"])
    xs = _spread(rows)
    px, py = [xs[r["id"]] for r in rows], [float(r["influence"]) for r in rows]
    colors = [GRID_COLORS.get(r["stance"], GRID_COLORS["none"]) for r in rows]
    ax.scatter(px, py, s=90, c=colors, edgecolors="#333333", linewidths=0.6, zorder=3)
    unlabelled: list[str] = []
    if rows:
        texts = [_label(r) for r in rows]
        sizes = [label_pt]
        while sizes[-1] - 0.5 >= min_pt - 1e-9:
            sizes.append(round(sizes[-1] - 0.5, 2))
        halo = {"boxstyle": "round,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
        attempts = [(s, 0.12) for s in sizes] + [(sizes[-1], 0.3)]
        for i, (size_pt, reach) in enumerate(attempts):
            last = i == len(attempts) - 1
            with contextlib.redirect_stdout(io.StringIO()):  # textalloc prints when a label finds no spot
                placed, _lines, objects, _ = textalloc.allocate(
                    ax,
                    px,
                    py,
                    texts,
                    x_scatter=px,
                    y_scatter=py,
                    scatter_sizes=[90 + 20] * len(px),
                    textsize=size_pt,
                    margin=0.004,
                    min_distance=0.006,
                    max_distance=reach,
                    nbr_candidates=600,
                    draw_lines=True,
                    linecolor="#999999",
                    linewidth=0.5,
                    draw_all=False,
                    avoid_label_lines_overlap=True,
                    verbose=False,
                    bbox=halo,
                    zorder=4,
                    linespacing=1.05,
                )
            if last or all(p is not None for p in placed):
                for obj in objects:
                    if obj is not None:
                        obj.set_gid(LABEL_GID)
                unlabelled = [str(r["name"]) for r, p in zip(rows, placed) if p is None]
                break
            for obj in [*objects, *ax.lines]:
                if obj is not None:
                    obj.remove()
    present = [s for s in ("for", "against", "conditional", "mixed", "neutral", "none") if any(r["stance"] == s for r in rows)]
    handles = [
        Line2D([], [], marker="o", ls="", markersize=10, markerfacecolor=GRID_COLORS[s], markeredgecolor="#333333")
        for s in present
    ]
    fig.legend(
        handles,
        [t("grid_stance_" + s, lang) for s in present],
        loc="upper left",
        bbox_to_anchor=((W - 3.1) / W, 1 - 1.0 / H),
        title=t("stance", lang),
        fontsize=12,
        title_fontsize=12,
        frameon=False,
    )
    day = (today or _dt.date.today()).isoformat()
    footer = [
        " · ".join(
            x
            for x in (
                t("grid_heading", lang, ask=g["ask_name"]),
                t("as_of_caption", lang, date=g["as_of"]) if g.get("as_of") else "",
                day,
                f"{t('data_version', lang)} {version}" if version else "",
            )
            if x
        ),
        t("grid_assessed_mark", lang),
    ]
    if unlabelled:
        footer.append(textwrap.shorten(t("grid_unlabelled", lang, names=", ".join(unlabelled)), 250))
    for i, line in enumerate(footer):
        fig.text(0.3 / W, (0.15 + 0.2 * (len(footer) - 1 - i)) / H, line, fontsize=9, color="#333333", ha="left", va="bottom")
    return fig


def grid_texts(g: Mapping[str, Any], **kw: Any) -> list[str]:
    """Every text the picture of ``g`` shows (title, quadrant names, labels, legend, footer)."""
    from matplotlib.text import Text

    fig = grid_figure(g, **kw)
    return [str(x.get_text()) for x in fig.findobj(Text) if x.get_text()]


def _slide(g: Mapping[str, Any], title: str, version: str, lang: str) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    picture = grid_bytes(
        g, "png", title=title, version=version, lang=lang, dpi=200, size=SLIDE_FIGSIZE, label_pt=12.0, min_pt=12.0
    )
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_FIGSIZE[0]), Inches(SLIDE_FIGSIZE[1])
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    slide.shapes.add_picture(io.BytesIO(picture), 0, 0, width=prs.slide_width, height=prs.slide_height)
    slide.notes_slide.notes_text_frame.text = "\n".join(
        f"{t('quadrant_' + q, lang)}: {', '.join(str(r['name']) for r in g['actors'] if r['quadrant'] == q)}" for q in QUADRANTS
    )
    prs.core_properties.title = title or t("grid_heading", lang, ask=g["ask_name"])
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def grid_bytes(
    g: Mapping[str, Any],
    fmt: str,
    *,
    title: str = "",
    version: str = "",
    lang: str = "en",
    dpi: float | None = None,
    today: _dt.date | None = None,
    size: tuple[float, float] = GRID_FIGSIZE,
    label_pt: float = 10.0,
    min_pt: float = 8.0,
) -> bytes:
    """The grid in ``fmt``: ``png``, ``svg``, ``pdf`` (pictures) or ``pptx`` (one slide; labels at 12 pt).

    Examples
    --------
    >>> g = {"ask_name": "Ask", "as_of": "", "actors": [], "quadrants": {q: [] for q in QUADRANTS}}
    >>> grid_bytes(g, "svg")[:5]
    b'<?xml'
    """
    import matplotlib

    if fmt == "pptx":
        return _slide(g, title, version, lang)
    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(f"the grid is a picture or a slide (png, svg, pdf, pptx), not {fmt}")
    rc = {"svg.fonttype": "none", "svg.hashsalt": "stakeholder-grid", "pdf.fonttype": 42, "text.usetex": False}
    heading = title or t("grid_heading", lang, ask=g["ask_name"])
    metadata: dict[str, str | None]
    if fmt == "png":
        metadata = {"Title": heading, "Software": None}
    elif fmt == "svg":
        metadata = {"Title": heading, "Date": None, "Creator": None}
    else:
        metadata = {"Title": heading, "CreationDate": None, "Creator": None}
    with matplotlib.rc_context(rc):
        fig = grid_figure(g, title=title, version=version, lang=lang, today=today, size=size, label_pt=label_pt, min_pt=min_pt)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=dpi or 120, metadata=metadata, facecolor="white")
    return buf.getvalue()
