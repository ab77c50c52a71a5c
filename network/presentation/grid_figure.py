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
from typing import TYPE_CHECKING, Any

from ..grid import GRID_COLORS, MIDDLE, QUADRANTS
from ..i18n import t
from .figure import LABEL_GID

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

__all__ = ["grid_figure", "grid_bytes", "grid_texts", "GRID_FIGSIZE", "SLIDE_FIGSIZE", "SCREEN_FIGSIZE", "SCREEN_LABEL_PT"]

GRID_FIGSIZE = (16.0, 9.0)
SLIDE_FIGSIZE = (13.333, 7.5)  # a 16:9 slide, so the slide's picture keeps its point sizes
# The app's picture, shown at its natural size (96 px to the inch): 806 px wide fits the main column
# beside the sidebar at 1280x720 (820 px), and labels of 11 pt are 14.7 px on screen (issue 23).
SCREEN_FIGSIZE = (8.4, 5.8)
SCREEN_LABEL_PT = 11.0
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


def _label(r: Mapping[str, Any], width: int = 24) -> str:
    marked = any(v == "assessment" for v in r["from"].values())
    name = str(r.get("label") or r["name"])  # the short label of actors.csv when there is one
    text = "\n".join(textwrap.wrap(name, width, break_long_words=False)) or name
    return text + ("*" if marked else "")


def _bounds(q: str, inset: float = 0.0) -> tuple[tuple[float, float], tuple[float, float]]:
    """(xlims, ylims) of a quadrant in data units, ``inset`` inside its edges."""
    lo, hi = (-0.3 + inset, MIDDLE - inset), (MIDDLE + inset, 10.3 - inset)
    x = hi if q in ("manage_closely", "keep_informed") else lo
    y = hi if q in ("manage_closely", "keep_satisfied") else lo
    return x, y


def _chars(width_in: float, size_pt: float) -> int:
    """About how many characters of DejaVu Sans at ``size_pt`` fit in ``width_in`` (a little to spare)."""
    return max(20, int(width_in * 72 / (0.6 * size_pt)))


def _footer_lines(lines: list[str], width_in: float, size_pt: float) -> list[str]:
    """The footer's lines wrapped to the figure's width (one long line was cut at the right edge)."""
    return [part for line in lines for part in textwrap.wrap(line, _chars(width_in, size_pt), break_long_words=False)]


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
    """The grid ``g`` (``grid.grid``) drawn on a matplotlib Figure (Agg canvas, no pyplot).

    Each label is placed inside its dot's quadrant (issue 23: a leader line took "Mondiaal FNV"
    into *Keep informed* while its dot was in *Manage closely*). On a figure narrower than
    12 inches (the app's), the stance legend is one row under the heading, not a column beside
    the grid, so the quadrants keep the width.
    """
    import textalloc
    from matplotlib.artist import Artist
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    fig = Figure(figsize=size, facecolor="white")
    FigureCanvasAgg(fig)
    W, H = size
    narrow = W < 12
    rows = list(g["actors"])
    heading = title or t("grid_heading", lang, ask=g["ask_name"])
    day = (today or _dt.date.today()).isoformat()
    footer_pt = 9.0
    facts = " · ".join(
        x
        for x in (
            t("grid_heading", lang, ask=g["ask_name"]),
            t("as_of_caption", lang, date=g["as_of"]) if g.get("as_of") else "",
            day,
            f"{t('data_version', lang)} {version}" if version else "",
        )
        if x
    )
    footer = [facts]
    if any(v == "assessment" for r in rows for v in r["from"].values()):
        footer.append(t("grid_assessed_mark", lang))  # only when a score did come from assessments.csv
    # Room for the footer as drawn now, plus two lines for the names left unlabelled (known later).
    line_in = footer_pt * 1.35 / 72
    footer_in = 0.15 + line_in * (len(_footer_lines(footer, W - 0.6, footer_pt)) + 2)
    bottom_in = footer_in + 0.75  # the bottom quadrants' names and the axis title
    top_in = 1.05 if narrow else 1.1
    right_in = 0.3 if narrow else 3.3
    fig.text(0.3 / W, 1 - 0.25 / H, heading, fontsize=14 if narrow else 18, weight="bold", va="top", ha="left")
    ax = fig.add_axes((0.75 / W, bottom_in / H, (W - 0.75 - right_in) / W, (H - bottom_in - top_in) / H))
    ax.set_xlim(-0.3, 10.3)
    ax.set_ylim(-0.3, 10.3)
    for q in QUADRANTS:
        (x0, _), (y0, _) = _bounds(q)
        ax.add_patch(
            Rectangle((x0, y0), 10.6 / 2, 10.6 / 2, facecolor=_QUADRANT_FILL[q], edgecolor="none", zorder=0, gid=f"quadrant-{q}")
        )
    ax.axvline(MIDDLE, color="#999999", lw=1, zorder=1)
    ax.axhline(MIDDLE, color="#999999", lw=1, zorder=1)
    ax.set_xlabel(t("interest", lang) + " →", fontsize=11, labelpad=26)  # room for the bottom quadrants' names
    ax.set_ylabel(t("influence", lang) + " →", fontsize=11, labelpad=2)
    ax.tick_params(labelsize=9)
    # Quadrant names outside the plotting area: above the top two, below the bottom two.
    below = -0.25 / ((H - bottom_in - top_in) or 1)  # under the tick labels, not on them
    for q, (x, y, va) in zip(
        QUADRANTS, ((0.75, 1.01, "bottom"), (0.25, 1.01, "bottom"), (0.75, below, "top"), (0.25, below, "top"))
    ):
        n = len(g["quadrants"][q])
        ax.text(
            x,
            y,
            f"{t('quadrant_' + q, lang)} ({n})",
            transform=ax.transAxes,
            ha="center",
            va=va,
            fontsize=12 if narrow else 14,
            weight="bold",
            color="#444444",
        )
    xs = _spread(rows)
    px, py = [xs[r["id"]] for r in rows], [float(r["influence"]) for r in rows]
    colors = [GRID_COLORS.get(r["stance"], GRID_COLORS["none"]) for r in rows]
    ax.scatter(px, py, s=90, c=colors, edgecolors="#333333", linewidths=0.6, zorder=3)
    dot_px = (90**0.5 / 2 + 1.5) * fig.dpi / 72  # s=90 is an area in pt², with a point and a half to spare
    unlabelled: list[str] = []
    if rows:
        sizes = [label_pt]
        while sizes[-1] - 0.5 >= min_pt - 1e-9:
            sizes.append(round(sizes[-1] - 0.5, 2))
        halo = {"boxstyle": "round,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
        # Then a longer reach: dots on the quadrant's edge (interest 10) have their room on one side.
        attempts = [(s, 0.12) for s in sizes] + [(sizes[-1], 0.4), (sizes[-1], 1.0)]
        wrap = 18 if narrow else 24
        placed_all: list[tuple[int, Any]] = []
        # Each quadrant's labels placed within that quadrant, so a label never reads as another's;
        # a quadrant whose labels do not all fit tries smaller sizes, then a longer reach.
        for q in QUADRANTS:
            mine = [k for k, r in enumerate(rows) if r["quadrant"] == q]
            xlims, ylims = _bounds(q, inset=0.15)  # textalloc measures a label a little short of its descenders
            # The longest reach only where few actors share the quadrant: in a crowd its leader lines
            # would cross the whole quadrant.
            tries = attempts if len(mine) <= 12 else attempts[:-1]
            for i, (size_pt, reach) in enumerate(tries if mine else []):
                before = len(ax.lines)
                with contextlib.redirect_stdout(io.StringIO()):  # textalloc prints when a label finds no spot
                    placed, _lines, objects, _ = textalloc.allocate(
                        ax,
                        [px[k] for k in mine],
                        [py[k] for k in mine],
                        [_label(rows[k], wrap) for k in mine],
                        x_scatter=px,
                        y_scatter=py,
                        # Half a dot's width in display pixels, which is how textalloc reads it (110
                        # there kept labels ~110 px from every dot, and a small picture got none).
                        scatter_sizes=[dot_px] * len(px),
                        textsize=size_pt,
                        xlims=xlims,
                        ylims=ylims,
                        # textalloc's distances are shares of the limits it is given: half the axis here
                        margin=0.008,
                        min_distance=0.012,
                        max_distance=2 * reach,
                        nbr_candidates=400 if len(mine) > 12 else 1500,
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
                if i == len(tries) - 1 or all(p is not None for p in placed):
                    for obj in objects:
                        if isinstance(obj, Artist):  # a label's Text; None where none was placed
                            obj.set_gid(LABEL_GID)
                    for leader in ax.lines[before:]:
                        leader.set_gid("leader-line")
                    placed_all += list(zip(mine, placed))
                    break
                for obj in [*objects, *ax.lines[before:]]:
                    if isinstance(obj, Artist):
                        obj.remove()
        unlabelled = [str(rows[k]["name"]) for k, p in sorted(placed_all, key=lambda kp: kp[0]) if p is None]
    present = [s for s in ("for", "against", "conditional", "mixed", "neutral", "none") if any(r["stance"] == s for r in rows)]
    handles = [
        Line2D(
            [], [], marker="o", ls="", markersize=9 if narrow else 10, markerfacecolor=GRID_COLORS[s], markeredgecolor="#333333"
        )
        for s in present
    ]
    labels = [t("grid_stance_" + s, lang) for s in present]
    if narrow:
        fig.legend(
            handles,
            labels,
            loc="upper left",
            bbox_to_anchor=(0.3 / W, 1 - 0.5 / H),
            ncol=max(1, len(present)),
            fontsize=11,
            frameon=False,
            handletextpad=0.3,
            columnspacing=1.2,
            borderaxespad=0,
        )
    else:
        fig.legend(
            handles,
            labels,
            loc="upper left",
            bbox_to_anchor=((W - 3.1) / W, 1 - 1.0 / H),
            title=t("stance", lang),
            fontsize=12,
            title_fontsize=12,
            frameon=False,
        )
    if unlabelled:  # at most the two lines kept for it
        room = 2 * _chars(W - 0.6, footer_pt) - len(t("grid_unlabelled", lang, n=len(unlabelled), names="")) - 12
        listed = textwrap.shorten(", ".join(unlabelled), max(room, 20), placeholder=" …")
        footer.append(t("grid_unlabelled", lang, n=len(unlabelled), names=listed))
    lines = _footer_lines(footer, W - 0.6, footer_pt)
    for i, line in enumerate(lines):
        y = 0.12 + line_in * (len(lines) - 1 - i)
        fig.text(0.3 / W, y / H, line, fontsize=footer_pt, color="#333333", ha="left", va="bottom")
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
    rc: dict[RcKeyType, Any] = {
        "svg.fonttype": "none",
        "svg.hashsalt": "stakeholder-grid",
        "pdf.fonttype": 42,
        "text.usetex": False,
    }
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
