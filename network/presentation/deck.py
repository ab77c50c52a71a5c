"""Slides: a PPTX deck of snapshots, one slide each (python-pptx, imported when needed)."""

from __future__ import annotations

import datetime as _dt
import io
from typing import Any

from .figure import FIGSIZE, SCREEN_DPI, picture_bytes
from .snapshot import Snapshot

__all__ = ["export_deck"]


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
        png = picture_bytes(snap, "png", SCREEN_DPI, decorations=False)
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
