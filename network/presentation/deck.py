"""Slides: a PPTX deck of snapshots, one slide each, the map drawn as native shapes (python-pptx).

Each actor is a PowerPoint shape and its name real text beside it, each relation (one
line per pair of actors) a connector glued to its two actors, so a team can nudge a
label or an actor in PowerPoint. Labels are placed as in the pictures
(``figure.place_map``): none overlap, none sits under an actor, none leaves the map,
at 12 pt or more on maps up to 80 actors and 9 pt or more above. Above
``SHAPES_MAX`` actors the map is a picture with a real alt text.

The slide title is the title placeholder; the caption, legend and sources are sized
to fit whatever the title's length. A path slide lists its hops with their quotes in
the speaker notes.
"""

from __future__ import annotations

import datetime as _dt
import io
import textwrap
from typing import Any, cast

from .. import vocabulary as vocab
from ..i18n import t
from .encoding import legend_entries, map_elements
from .figure import SCREEN_DPI, MapPlacement, picture_bytes, place_map
from .snapshot import Snapshot, source_text

__all__ = ["export_deck", "SHAPES_MAX", "SLIDE_W", "SLIDE_H", "label_pt_for", "path_notes"]

SLIDE_W, SLIDE_H = 13.333, 7.5  # inches, 16:9
SHAPES_MAX = 200
MARGIN = 0.3
LEGEND_W = 2.5
FONT = "Arial"

# vis-network shapes as PowerPoint autoshapes (names in MSO_SHAPE).
_SHAPES = {
    "dot": "OVAL",
    "square": "RECTANGLE",
    "triangle": "ISOSCELES_TRIANGLE",
    "triangleDown": "FLOWCHART_MERGE",
    "diamond": "DIAMOND",
    "star": "STAR_5_POINT",
    "hexagon": "HEXAGON",
}
_GLYPHS = {"dot": "●", "square": "■", "triangle": "▲", "triangleDown": "▼", "diamond": "◆", "star": "★", "hexagon": "⬢"}


def label_pt_for(n_actors: int) -> tuple[float, float]:
    """(Preferred, smallest) label size on a slide: 12 pt at least up to 80 actors, 9 pt above."""
    return (14.0, 12.0) if n_actors <= 80 else (11.0, 9.0)


def _lines(text: str, size: float, width_in: float) -> int:
    """How many lines ``text`` takes at ``size`` pt in a box ``width_in`` wide (a generous estimate)."""
    per_line = max(10, int(width_in * 72 / (size * 0.55)))
    return max(1, sum(len(textwrap.wrap(p, per_line)) or 1 for p in text.split("\n")))


def _rgb(color: str) -> Any:
    from pptx.dml.color import RGBColor

    c = color.lstrip("#")[:6]
    return RGBColor.from_string(c.upper()) if len(c) == 6 else RGBColor(0x88, 0x88, 0x88)


def _text_box(slide: Any, left: float, top: float, width: float, height: float, text: str, size: float, **kw: Any) -> Any:
    from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
    from pptx.util import Inches, Pt

    shapes = kw.get("into") or slide.shapes  # a group's shapes, to keep a label with its actor
    shape = shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = shape.text_frame
    frame.word_wrap = kw.get("wrap", True)
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, 0)
    frame.text = text
    for para in frame.paragraphs:
        if kw.get("center"):
            para.alignment = PP_ALIGN.CENTER
        for run in para.runs:
            run.font.size = Pt(size)
            run.font.name = FONT
            run.font.bold = kw.get("bold", False)
            run.font.color.rgb = _rgb(kw.get("color", "#222222"))
    return shape


def _title(slide: Any, text: str) -> float:
    """Put ``text`` in the title placeholder, sized to its length; return where the title ends (in)."""
    from pptx.util import Inches, Pt

    width = SLIDE_W - 2 * MARGIN
    size = 28.0 if len(text) <= 60 else 22.0 if len(text) <= 120 else 16.0
    lines = _lines(text, size, width)
    height = lines * size * 1.25 / 72 + 0.1
    ph = slide.shapes.title
    ph.left, ph.top, ph.width, ph.height = Inches(MARGIN), Inches(0.2), Inches(width), Inches(height)
    ph.text = text
    frame = ph.text_frame
    frame.word_wrap = True
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, 0)
    for para in frame.paragraphs:
        for run in para.runs:
            run.font.size = Pt(size)
            run.font.bold = True
            run.font.name = FONT
    return 0.2 + height + 0.1


def _footer(slide: Any, snap: Snapshot) -> float:
    """Caption and sources at the bottom, small enough to fit three lines each; return their top (in)."""
    width = SLIDE_W - 2 * MARGIN
    caption = snap.caption
    sources = snap.sources_line(limit=8)
    size = 10.0
    while size > 7 and (_lines(caption, size, width) > 2 or _lines(sources, size - 1, width) > 3):
        size -= 0.5
    h_cap = _lines(caption, size, width) * size * 1.25 / 72
    h_src = _lines(sources, size - 1, width) * (size - 1) * 1.25 / 72
    top = SLIDE_H - 0.15 - h_src - h_cap - 0.05
    _text_box(slide, MARGIN, top, width, h_cap, caption, size)
    _text_box(slide, MARGIN, top + h_cap + 0.05, width, h_src, sources, size - 1, color="#444444")
    return top - 0.1


def _legend(slide: Any, snap: Snapshot, left: float, top: float, height: float) -> None:
    """Actor types and line styles this slide draws, as text with coloured glyphs."""
    from pptx.util import Pt

    actors, relations = legend_entries(snap.graph, snap.lang, snap.style.every_claim)
    rows: list[tuple[str, str, str, bool]] = []  # glyph, colour, text, bold
    if snap.style.color_legend:
        rows.append(("", "#000000", t("coalitions", snap.lang), True))
        rows += [("●", c, label, False) for label, c in snap.style.color_legend]
    rows.append(("", "#000000", t("actor_types", snap.lang), True))
    shapes = {at.label(snap.lang): at.shape for at in vocab.ACTOR_TYPES.values()}
    grey = bool(snap.style.colors)
    rows += [
        (_GLYPHS.get(shapes.get(a["label"], "dot"), "●"), "#999999" if grey else a["color"], a["label"], False) for a in actors
    ]
    rows.append(("", "#000000", t("relation_types", snap.lang), True))
    rows += [({"dashed": "┅", "dotted": "┈"}.get(r["dash"], "━"), r["color"], r["label"], False) for r in relations]
    size = 11.0
    while size > 7 and len(rows) * size * 1.2 / 72 > height:
        size -= 0.5
    box = _text_box(slide, left, top, LEGEND_W, height, "", size)
    frame = box.text_frame
    for i, (glyph, color, text, bold) in enumerate(rows):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.text = ""
        for piece, piece_color in ((f"{glyph} " if glyph else "", color), (text, "#222222")):
            if not piece:
                continue
            run = para.add_run()
            run.text = piece
            run.font.size = Pt(size)
            run.font.name = FONT
            run.font.bold = bold
            run.font.color.rgb = _rgb(piece_color)


def _map_shapes(slide: Any, snap: Snapshot, placed: MapPlacement, left: float, top: float) -> None:
    """Connectors (behind), then actors, then their labels, all native shapes."""
    from pptx.enum.dml import MSO_LINE
    from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
    from pptx.util import Inches, Pt

    # vis-network's element dicts, read as the map draws them: colour, arrows and dashes are nested dicts
    # that map_elements types as object until the map's elements get a type of their own (issue 26).
    nodes, edges = cast(tuple[list[dict[str, Any]], list[dict[str, Any]]], map_elements(snap.graph, snap.positions, snap.style))
    style = {n["id"]: n for n in nodes}
    connectors = []
    for e in edges:
        if e["from"] == e["to"]:
            continue
        (x1, y1), (x2, y2) = placed.nodes[e["from"]], placed.nodes[e["to"]]
        line = slide.shapes.add_connector(
            MSO_CONNECTOR.STRAIGHT, Inches(left + x1), Inches(top + y1), Inches(left + x2), Inches(top + y2)
        )
        line.line.color.rgb = _rgb(e["color"]["color"])
        line.line.width = Pt(max(0.75, float(e["width"]) * 0.6))
        if isinstance(e["dashes"], list):
            line.line.dash_style = MSO_LINE.ROUND_DOT  # every claim on the line is inferred
        elif e["dashes"]:
            line.line.dash_style = MSO_LINE.DASH
        _arrows(line, bool(e["arrows"]["to"]["enabled"]), bool(e["arrows"].get("from", {}).get("enabled")))
        connectors.append((line, e["from"], e["to"]))
    G = snap.graph
    lang = snap.lang

    def name(n: Any) -> str:
        return str(G.nodes[n].get("name") or n) if n in G else str(n)

    for line, u, v in connectors:
        # Alt text: a screen reader (and the selection pane) says which relation a line is.
        relation = next((str(e.get("title") or "") for e in edges if (e["from"], e["to"]) == (u, v)), "")
        _describe(line, f"{name(u)} – {name(v)}" + (f": {relation.splitlines()[0]}" if relation else ""))
    actor_shapes, groups = {}, {}
    for n, (x, y) in placed.nodes.items():
        item = style[n]
        r = placed.radius[n]
        # Actor and label in one group: moving the actor in PowerPoint takes its label along.
        group = slide.shapes.add_group_shape()
        shape = group.shapes.add_shape(
            getattr(MSO_SHAPE, _SHAPES.get(str(item["shape"]), "OVAL")),
            Inches(left + x - r),
            Inches(top + y - r),
            Inches(2 * r),
            Inches(2 * r),
        )
        shape.name = " ".join(str(item["label"]).split())[:200]  # the label on one line (the map may wrap it)
        group.name = f"Actor: {shape.name}"[:200]
        kind = vocab.label(str(G.nodes[n].get("type", "")), lang) if n in G else ""
        _describe(shape, f"{name(n)}" + (f" ({kind})" if kind else ""))
        _describe(group, f"{name(n)}" + (f" ({kind})" if kind else ""))
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(item["color"]["background"])
        shape.line.color.rgb = _rgb(item["color"]["border"])
        shape.line.width = Pt(float(item["borderWidth"]) * 0.75)
        shape.shadow.inherit = False
        actor_shapes[n], groups[n] = shape, group
    for line, u, v in connectors:
        # Glued to the actors: nudging an actor in PowerPoint drags its lines along.
        line.begin_connect(actor_shapes[u], _site(placed.nodes[u], placed.nodes[v]))
        line.end_connect(actor_shapes[v], _site(placed.nodes[v], placed.nodes[u]))
    for x1, y1, x2, y2 in placed.leaders:
        lead = slide.shapes.add_connector(
            MSO_CONNECTOR.STRAIGHT, Inches(left + x1), Inches(top + y1), Inches(left + x2), Inches(top + y2)
        )
        lead.line.color.rgb = _rgb("#999999")
        lead.line.width = Pt(0.5)
        _describe(lead, t("leader_alt", lang))
    for n, text, size, x, y, w, h in placed.labels:
        color = style[n]["font"]["color"] if n in style else "#111111"
        label = _text_box(
            slide,
            left + x - 0.02,
            top + y - 0.01,
            w + 0.04,
            h + 0.02,
            text,
            size,
            center=True,
            wrap=False,
            color=color,
            into=groups[n].shapes if n in groups else None,
        )
        label.name = f"Label: {text}"[:200]
        _describe(label, name(n))


def _describe(shape: Any, text: str) -> None:
    """The shape's alt text (``descr``, what PowerPoint's Alt Text pane shows and screen readers read)."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text[:1000])


def _site(a: tuple[float, float], b: tuple[float, float]) -> int:
    """The connection point of a shape at ``a`` facing ``b``: 0 top, 1 left, 2 bottom, 3 right."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    if abs(dx) >= abs(dy):
        return 3 if dx > 0 else 1
    return 2 if dy > 0 else 0


def _arrows(connector: Any, forward: bool, backward: bool) -> None:
    from pptx.oxml.ns import qn

    ln = connector.line._get_or_add_ln()
    for tag, on in (("a:headEnd", backward), ("a:tailEnd", forward)):
        if on:
            end = ln.makeelement(qn(tag), {"type": "triangle", "w": "med", "len": "med"})
            ln.append(end)


def _map_picture(slide: Any, snap: Snapshot, left: float, top: float, width: float, height: float) -> None:
    """Big maps: the map as a picture (its legend included), with an alt text that says what it shows."""
    from pptx.util import Inches

    png = picture_bytes(snap, "png", SCREEN_DPI, decorations=False)
    w = min(width, height * 16 / 9)
    pic = slide.shapes.add_picture(io.BytesIO(png), Inches(left + (width - w) / 2), Inches(top), Inches(w), Inches(w * 9 / 16))
    alt = t("map_alt_text", snap.lang, n=snap.graph.number_of_nodes(), e=snap.graph.number_of_edges(), caption=snap.caption)
    pic._element.nvPicPr.cNvPr.set("descr", alt)
    pic.name = snap.title[:200] or "map"


def path_notes(snap: Snapshot) -> str:
    """The path, hop by hop, each claim with its document, date and quote (for the speaker notes)."""
    G = snap.graph
    name = lambda n: str(G.nodes[n].get("name", n)) if n in G else str(n)  # noqa: E731
    out = [t("path_hops_title", snap.lang)]
    for i, path in enumerate(snap.paths, 1):
        out.append(f"\n{i}. " + " → ".join([name(path[0].source)] + [name(h.target) for h in path]))
        for hop in path:
            for r in hop.relations:
                kind = vocab.label(str(r.get("type", "")), snap.lang, "relation")
                out.append(
                    f"   {name(r.get('u', hop.source))} → {name(r.get('v', hop.target))}: {kind} "
                    f"[{r.get('source_doc', '')}, {r.get('date', '')}] “{r.get('evidence', '')}”"
                )
    return "\n".join(out)


def _notes(slide: Any, snap: Snapshot) -> None:
    parts = [snap.caption, f"{t('sources', snap.lang)}:"] + [f"- {source_text(s)}" for s in snap.sources]
    if snap.paths:
        parts = [path_notes(snap), ""] + parts
    slide.notes_slide.notes_text_frame.text = "\n".join(parts)


def _slide(prs: Any, snap: Snapshot) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only": the title is the placeholder
    map_top = _title(slide, snap.title)
    map_bottom = _footer(slide, snap)
    height = max(1.5, map_bottom - map_top)
    width = SLIDE_W - 2 * MARGIN - LEGEND_W - 0.2
    n = snap.graph.number_of_nodes()
    if n > SHAPES_MAX:
        _map_picture(slide, snap, MARGIN, map_top, SLIDE_W - 2 * MARGIN, height)
    else:
        _legend(slide, snap, SLIDE_W - MARGIN - LEGEND_W, map_top, height)
        if n:
            placed = place_map(snap, width, height, *label_pt_for(n))
            _map_shapes(slide, snap, placed, MARGIN, map_top)
        else:
            _text_box(slide, MARGIN, map_top + height / 2 - 0.3, width, 0.6, t("no_actors", snap.lang), 18, center=True)
    _notes(slide, snap)


ASKS_PER_SLIDE = 6


def _asks_order(row: dict[str, str]) -> tuple[int, str]:
    # A slide about opponents should not bury the few against-cells under the many for-cells.
    return (0 if row["against"] else 1 if row["conditional"] else 2, row["ask"].casefold())


def asks_slides(prs: Any, rows: list[dict[str, str]], lang: str = "en") -> int:
    """The asks table as native table slides (who is for, against, conditional on each ask); return the count.

    Rows with someone against come first, then conditional ones; six asks a slide at 12 pt and up,
    the stance headings in their colours and named in words (colour never carries it alone).
    """
    from pptx.util import Inches, Pt

    from ..stance import STANCE_COLORS

    ordered = sorted(rows, key=_asks_order)
    pages = [ordered[i : i + ASKS_PER_SLIDE] for i in range(0, len(ordered), ASKS_PER_SLIDE)]
    columns = [("ask", t("ask", lang), 3.2), ("for", t("stance_for", lang), 3.3), ("against", t("stance_against", lang), 2.3)]
    columns += [("conditional", t("stance_conditional", lang), 2.3), ("documents", t("documents", lang), 1.63)]
    for number, page in enumerate(pages, 1):
        slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
        suffix = f" ({number}/{len(pages)})" if len(pages) > 1 else ""
        top = _title(slide, t("asks_slide_title", lang) + suffix) + 0.15
        height = SLIDE_H - top - MARGIN
        shape = slide.shapes.add_table(
            len(page) + 1, len(columns), Inches(MARGIN), Inches(top), Inches(SLIDE_W - 2 * MARGIN), Inches(height)
        )
        table = shape.table
        # Rows as tall as on a full page: a last page of one ask got a header half the slide tall.
        row_h = (height - 0.5) / ASKS_PER_SLIDE
        table.rows[0].height = Inches(0.5)
        for r in range(1, len(page) + 1):
            table.rows[r].height = Inches(row_h)
        shape.height = Inches(0.5 + row_h * len(page))
        for c, (key, heading, width) in enumerate(columns):
            table.columns[c].width = Inches(width)
            cell = table.cell(0, c)
            cell.text = heading
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb("#F2F2F2")  # light, so the stance colours read
            run = cell.text_frame.paragraphs[0].runs[0]
            run.font.size, run.font.bold, run.font.name = Pt(14), True, FONT
            run.font.color.rgb = _rgb(STANCE_COLORS.get(key, "#222222"))
        for r, row in enumerate(page, 1):
            for c, (key, _, _) in enumerate(columns):
                cell = table.cell(r, c)
                cell.text = row.get(key, "") or "–"
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb("#FFFFFF" if r % 2 else "#F7F7F7")
                for para in cell.text_frame.paragraphs:
                    for run in para.runs:
                        run.font.size, run.font.name = Pt(12), FONT
    return len(pages)


def export_deck(snapshots: list[Snapshot], asks: tuple[list[dict[str, str]], str] | None = None) -> bytes:
    """A 16:9 PowerPoint deck, one slide per snapshot: title placeholder, map as shapes, legend, caption, sources.

    Everything on the slide is editable: actors are shapes, names and legend real text,
    relations connectors glued to their actors. ``asks`` (``stance.asks_table_rows`` and a
    language) adds the asks table at the end.
    """
    from pptx import Presentation
    from pptx.util import Emu

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)  # 13.333 x 7.5 in, 16:9 exactly
    for snap in snapshots:
        _slide(prs, snap)
    if asks is not None and asks[0]:
        asks_slides(prs, *asks)
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
