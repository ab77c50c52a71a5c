"""Slides that present: the title placeholder, actors as shapes with real text of readable size, relations as connectors."""

from __future__ import annotations

import datetime
import io

import networkx as nx
from pptx import Presentation
from pptx.util import Pt

from network.presentation import deck
from network.presentation.deck import export_deck
from network.presentation.snapshot import make_snapshot
from network.view import ViewState

DAY = datetime.date(2026, 1, 2)


def _graph(n: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(version="v", sources={"d1": {"title": "Letter", "date": "2026-05-07"}})
    G.add_node("fnv", name="FNV", type="trade_union")
    G.add_node("min", name="Minister voor Buitenlandse Handel", type="ministry")
    G.add_edge(
        "fnv", "min", key="r0", type="addresses", directed=True, source_doc="d1", date="2026-05-07", evidence="Wij vragen u"
    )
    for i in range(n - 2):
        G.add_node(f"a{i}", name=f"Organisatie {i}", type="company")
        G.add_edge("fnv", f"a{i}", key=f"r{i + 1}", type="partners_with", directed=False, source_doc="d1", evidence="q")
    return G


def _slides(snaps):
    return list(Presentation(io.BytesIO(export_deck(snaps))).slides)


def _shapes(slide):
    """Every shape on the slide, those inside groups (an actor with its label) included."""
    out = []
    for s in slide.shapes:
        out += list(s.shapes) if s.shape_type == 6 else [s]  # 6: a group
    return out


def _labels(slide):
    return [s for s in _shapes(slide) if s.name.startswith("Label: ")]


def test_the_slide_title_is_the_title_placeholder():
    title = "Around FNV " + "and a very long title that goes on " * 4
    (slide,) = _slides([make_snapshot(_graph(10), ViewState(), title=title, today=DAY)])
    assert slide.shapes.title is not None and slide.shapes.title.text == title
    # Nothing of the map starts above the title's bottom, whatever its length.
    bottom = slide.shapes.title.top + slide.shapes.title.height
    assert all(s.top >= bottom for s in slide.shapes if s.shape_id != slide.shapes.title.shape_id)


def test_every_actor_is_a_shape_with_its_name_as_real_text_of_at_least_12_pt():
    G = _graph(40)
    (slide,) = _slides([make_snapshot(G, ViewState(), today=DAY)])
    labels = _labels(slide)
    names = {s.text_frame.text.replace("\n", " ") for s in labels}
    assert names == {str(a["name"]) for _, a in G.nodes(data=True)}
    sizes = [run.font.size for s in labels for p in s.text_frame.paragraphs for run in p.runs]
    assert min(sizes) >= Pt(12)
    actors = [s for s in _shapes(slide) if s.name in names]
    assert len(actors) == G.number_of_nodes()
    connectors = [s for s in _shapes(slide) if s.shape_type == 14 or s.__class__.__name__ == "Connector"]
    assert len(connectors) >= G.number_of_edges()  # one per pair (plus any leader lines)


def test_labels_on_a_slide_do_not_overlap_each_other():
    (slide,) = _slides([make_snapshot(_graph(30), ViewState(), today=DAY)])
    boxes = [(s.left, s.top, s.left + s.width, s.top + s.height) for s in _labels(slide)]
    pad = Pt(2)  # the boxes carry a hair of padding around the measured text
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (
                a[0] + pad < b[2] - pad and b[0] + pad < a[2] - pad and a[1] + pad < b[3] - pad and b[1] + pad < a[3] - pad
            )


def test_bigger_maps_keep_labels_at_9_pt_and_huge_ones_become_a_picture_with_alt_text(monkeypatch):
    (slide,) = _slides([make_snapshot(_graph(90), ViewState(), today=DAY)])
    sizes = [run.font.size for s in _labels(slide) for p in s.text_frame.paragraphs for run in p.runs]
    assert sizes and min(sizes) >= Pt(9)
    monkeypatch.setattr(deck, "SHAPES_MAX", 5)
    (slide,) = _slides([make_snapshot(_graph(8), ViewState(), today=DAY)])
    pics = [s for s in slide.shapes if s.shape_type == 13]
    assert len(pics) == 1
    alt = pics[0]._element.nvPicPr.cNvPr.get("descr")
    assert alt.startswith("Network map: 8 actors") and "image.png" not in alt


def test_a_path_slide_lists_its_hops_with_their_quotes_in_the_notes():
    state = ViewState(path_from="fnv", path_to="min")
    (slide,) = _slides([make_snapshot(_graph(5), state, today=DAY)])
    notes = slide.notes_slide.notes_text_frame.text
    assert "FNV → Minister voor Buitenlandse Handel" in notes and "“Wij vragen u”" in notes and "d1" in notes


def test_the_deck_can_end_with_the_asks_table_against_first_at_12_pt_or_more():
    import io

    from pptx import Presentation
    from pptx.util import Pt

    from network import build_graph, load_dataset
    from network.presentation.export import views_deck

    from .conftest import ROOT

    G = build_graph(load_dataset(ROOT / "data"))
    deck, names = views_deck(G, ROOT / "data" / "views", lang="nl", with_asks=True)
    slides = list(Presentation(io.BytesIO(deck)).slides)
    tables = [s for s in slides if any(sh.has_table for sh in s.shapes)]
    assert len(slides) == len(names) + len(tables) and tables
    first = next(sh.table for sh in tables[0].shapes if sh.has_table)
    assert tables[0].shapes.title.text.startswith("Wie is voor en tegen wat")
    assert [first.cell(0, c).text for c in range(5)] == ["Eis", "voor", "tegen", "voorwaardelijk", "Documenten"]
    assert first.cell(1, 2).text not in ("", "–")  # an ask someone is against comes first
    sizes = [
        run.font.size
        for s in tables
        for sh in s.shapes
        if sh.has_table
        for row in sh.table.rows
        for cell in row.cells
        for p in cell.text_frame.paragraphs
        for run in p.runs
    ]
    assert sizes and min(sizes) >= Pt(12)


def test_each_actor_is_grouped_with_its_label_and_every_shape_has_alt_text():
    G = _graph(12)
    (slide,) = _slides([make_snapshot(G, ViewState(), today=DAY)])
    groups = [s for s in slide.shapes if s.shape_type == 6]
    assert len(groups) == G.number_of_nodes()
    for group in groups:  # moving the actor in PowerPoint moves its label
        inner = [s.name for s in group.shapes]
        assert len(inner) == 2 and " ".join(inner[1].split()) == f"Label: {inner[0]}"
    drawn = [s for s in _shapes(slide) if not s.has_text_frame or s.name.startswith("Label: ")]
    assert drawn and all(s._element.xpath("./*[1]/p:cNvPr")[0].get("descr") for s in drawn)
    assert "FNV (Trade union)" in {s._element.xpath("./*[1]/p:cNvPr")[0].get("descr") for s in _shapes(slide)}


def test_the_last_asks_slide_keeps_its_header_row_short():
    rows = [{"ask": f"Ask {i}", "for": "FNV", "against": "", "conditional": "", "documents": "d1"} for i in range(7)]
    prs = Presentation(io.BytesIO(export_deck([], (rows, "en"))))
    last = [s for s in prs.slides[-1].shapes if s.has_table][0].table
    assert len(last.rows) == 2 and last.rows[0].height < last.rows[1].height
