"""Stance: who is for, against or conditional on each ask; the asks table and its downloads."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from openpyxl import load_workbook

from network import build_graph, load_dataset
from network.stance import (
    NO_STANCE_COLOR,
    READ_COLORS,
    STANCE_COLORS,
    STANCES,
    asks,
    asks_csv,
    asks_table_rows,
    asks_xlsx,
    stance,
    stance_colors,
    stance_legend,
    stance_matrix,
    stance_targets,
)

from .conftest import ROOT


@pytest.fixture(scope="module")
def bundled() -> nx.MultiDiGraph:
    """The curated data set as a graph."""
    return build_graph(load_dataset(ROOT / "data"))


@pytest.fixture
def small() -> nx.MultiDiGraph:
    """Two asks, a law, a union that changed its mind, a council torn on one day, and a quiet ask."""
    G = nx.MultiDiGraph(sources={"d1": {"title": "Letter 2020"}, "d2": {"title": "Paper 2024"}})
    G.add_nodes_from(
        [
            ("ask", {"name": "Decent work", "type": "theme"}),
            ("quiet", {"name": "A quiet ask", "type": "theme"}),
            ("law", {"name": "Subsidy scheme", "type": "law_policy"}),
            ("union", {"name": "Union", "type": "trade_union"}),
            ("council", {"name": "Council", "type": "advisory_council"}),
            ("ngo", {"name": '=HYPERLINK("http://x")', "type": "ngo"}),
            ("firm", {"name": "Firm", "type": "company"}),
        ]
    )
    G.add_edge("union", "ask", type="advocates_for", date="2020-12", source_doc="d1", evidence="wij pleiten voor")
    G.add_edge(
        "union", "ask", type="opposes", date="2024", source_doc="d2", evidence="wij zijn tegen", basis="inferred", note="why"
    )
    G.add_edge("council", "law", type="opposes", date="2024-03", source_doc="d2", evidence="niet geschikt")
    G.add_edge("council", "law", type="advocates_for", date="2024-03", source_doc="d2", evidence="wel nodig")
    G.add_edge("ask", "ngo", type="advocates_for", directed=False, date="2024", source_doc="d2", evidence="samen")
    G.add_edge("firm", "union", type="partners_with", date="2024", source_doc="d2", evidence="partners")
    return G


def test_who_is_against_the_subsidy_scheme_gives_the_ser(bundled):
    s = stance(bundled, "subsidy-scheme-sector-cooperation")
    against = {e["id"]: e for e in s["against"]}
    assert "ser" in against and s["for"] == [] and s["conditional"] == []
    [rel] = against["ser"]["relations"]
    assert rel["type"] == "opposes" and rel["basis"] == "stated" and rel["source_doc"] == "paper-ser-roundtable-2023"
    assert rel["document"].startswith("Combinatie van wetgeving en sectorovereenkomsten")
    assert "niet geschikt" in rel["evidence"] and rel["date"] == "2023-01-18"
    # The paper's "zoals ook door sociale partners" names nobody: no social partner is drawn against it (issue 24).
    assert [e["id"] for e in s["against"]] == ["ser"]
    assert "names neither those social partners" in bundled.nodes["subsidy-scheme-sector-cooperation"]["description"]


def test_asks_are_the_themes_by_name(bundled):
    themes = [n for n, t in bundled.nodes(data="type") if t == "theme"]
    found = asks(bundled)
    assert sorted(found) == sorted(themes)
    names = [bundled.nodes[n]["name"].casefold() for n in found]
    assert names == sorted(names)


def test_who_stands_for_vmp_funding_on_the_bundled_data(bundled):
    s = stance(bundled, "theme-vmp-funding")
    assert {"mondiaal-fnv", "cnv-internationaal"} <= {e["id"] for e in s["for"]}
    assert s["against"] == []


def test_every_stance_relation_in_the_bundled_data_lands_in_one_cell(bundled):
    m = stance_matrix(bundled)
    stance_edges = [(u, v) for u, v, t in bundled.edges(data="type") if t in ("advocates_for", "opposes", "has_concerns_about")]
    assert sum(len(c["relations"]) for c in m["cells"].values()) == len(stance_edges)
    assert set(m["cells"]) == set(stance_edges)
    themes = set(asks(bundled))
    assert [a for a in m["asks"] if a in themes] == [a for a in asks(bundled) if any(stance(bundled, a)[k] for k in STANCES)]
    assert m["cells"][("ser", "subsidy-scheme-sector-cooperation")]["stance"] == "against"
    assert m["cells"][("ser", "subsidy-scheme-sector-cooperation")]["documents"] == ["paper-ser-roundtable-2023"]


def test_newest_relation_decides_and_all_relations_stay_listed(small):
    s = stance(small, "ask")
    assert [e["id"] for e in s["against"]] == ["union"] and [e["id"] for e in s["for"]] == ["ngo"]
    union = s["against"][0]
    assert [(r["type"], r["date"]) for r in union["relations"]] == [("advocates_for", "2020-12"), ("opposes", "2024")]
    assert union["relations"][1] == {
        "type": "opposes",
        "date": "2024",
        "source_doc": "d2",
        "document": "Paper 2024",
        "evidence": "wij zijn tegen",
        "basis": "inferred",
        "note": "why",
    }
    assert union["type"] == "trade_union" and union["name"] == "Union"


def test_newest_relations_that_disagree_make_the_actor_conditional(small):
    s = stance(small, "law")
    assert [e["id"] for e in s["conditional"]] == ["council"] and s["for"] == s["against"] == []


def test_an_undirected_stance_counts_for_the_end_that_is_not_the_ask(small):
    assert [e["id"] for e in stance(small, "ask")["for"]] == ["ngo"]
    assert stance(small, "ngo") == {"ask": "ngo", "name": small.nodes["ngo"]["name"], "for": [], "against": [], "conditional": []}


def test_stance_on_an_unknown_actor_raises():
    with pytest.raises(KeyError, match="nope"):
        stance(nx.MultiDiGraph(), "nope")


def test_matrix_columns_are_asks_then_other_targets_and_skip_quiet_asks(small):
    assert stance_targets(small) == ["quiet", "ask", "law"]
    m = stance_matrix(small)
    assert m["asks"] == ["ask", "law"]
    assert m["actors"] == ["ngo", "council", "union"]  # by name: "=HYPERLINK…" sorts first
    assert m["cells"][("union", "ask")]["stance"] == "against"
    assert m["cells"][("union", "ask")]["documents"] == ["d1", "d2"]
    assert ("firm", "union") not in m["cells"]


def test_stance_colours_read_as_for_against_conditional_and_grey(small):
    colors = stance_colors(small, "ask")
    # The union's newest relation is a reading, not its words: the pale tint of "against".
    assert colors["union"] == READ_COLORS["against"] != STANCE_COLORS["against"]
    assert colors["ngo"] == STANCE_COLORS["for"] == "#228833"
    assert colors["firm"] == colors["ask"] == NO_STANCE_COLOR
    assert stance_colors(small, "law")["council"] == STANCE_COLORS["conditional"]
    assert set(colors) == set(small.nodes)
    legend = stance_legend(small, "ask", "nl")
    assert [c for _, c in legend] == ["#228833", "#CC3311", "#CCBB44", READ_COLORS["against"], NO_STANCE_COLOR]
    assert legend[1][0] == "tegen: Decent work"
    assert legend[3][0] == "tegen (afgeleid, niet uitgesproken): Decent work"


def test_asks_csv_is_the_matrix_with_formulas_neutralised(small):
    data = asks_csv(small)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Actor,id,Decent work,Subsidy scheme"
    assert lines[1] == '"\'=HYPERLINK(""http://x"")",ngo,for (d2),'
    assert lines[3] == 'Union,union,"against (read, not stated) (d1; d2)",'
    assert (
        asks_csv(small, "nl").decode("utf-8-sig").splitlines()[3] == 'Union,union,"tegen (afgeleid, niet uitgesproken) (d1; d2)",'
    )


def test_asks_xlsx_holds_the_matrix_and_every_quote_as_text(small):
    book = load_workbook(io.BytesIO(asks_xlsx(small)))
    assert book.sheetnames == ["Asks", "Quotes"]
    matrix = [[c.value for c in row] for row in book["Asks"].iter_rows()]
    assert matrix[0] == ["Actor", "id", "Decent work", "Subsidy scheme"]
    assert matrix[1][0] == '=HYPERLINK("http://x")' and book["Asks"]["A2"].data_type == "s"
    quotes = [[c.value for c in row] for row in book["Quotes"].iter_rows()]
    assert len(quotes) == 1 + 5  # a row per stance relation
    union_rows = [r for r in quotes if r[4] == "union"]
    assert [r[5] for r in union_rows] == ["advocates for", "opposes"]
    assert union_rows[1][6] == "inferred (a reading)" and union_rows[1][10] == "wij zijn tegen" and union_rows[1][11] == "why"


def test_asks_table_rows_give_a_slide_its_rows(small, bundled):
    rows = asks_table_rows(small, "nl")
    assert rows == [
        {
            "ask": "Decent work",
            "for": '=HYPERLINK("http://x")',
            "against": "Union (afgeleid)",
            "conditional": "",
            "documents": "d1, d2",
        },
        {"ask": "Subsidy scheme", "for": "", "against": "", "conditional": "Council", "documents": "d2"},
    ]
    scheme = next(r for r in asks_table_rows(bundled) if r["ask"] == "subsidieregeling voor sectorale samenwerking")
    assert scheme["against"] == "SER"
    diamond = next(r for r in asks_table_rows(bundled) if r["ask"] == "Dutch Diamond")
    assert diamond["for"] == "CNV Internationaal (for, with concerns)" and diamond["conditional"] == ""


def test_map_coloured_by_stance_on_a_chosen_ask(bundled):
    from network.view import CHOICES, ViewState, apply_view

    assert "stance" in CHOICES["color_by"]
    state = ViewState(color_by="stance", stance_ask="subsidieregeling voor sectorale samenwerking")
    style = apply_view(bundled, state).style
    against = {n for n, c in style.colors.items() if c == STANCE_COLORS["against"]}
    assert against == {"ser"}
    assert style.colors["fnv"] == style.colors["mondiaal-fnv"] == NO_STANCE_COLOR
    assert [c for _, c in style.color_legend] == [*STANCE_COLORS.values(), NO_STANCE_COLOR]
    # "Stated claims only" drops what is only read into the text: the SER's vote stays.
    style = apply_view(
        bundled, ViewState(color_by="stance", stance_ask="subsidy-scheme-sector-cooperation", basis=["stated"])
    ).style
    assert {n for n, c in style.colors.items() if c == STANCE_COLORS["against"]} == {"ser"}
    assert ViewState.from_query(state.to_query()) == state


def test_stance_colouring_without_a_known_ask_says_so_and_keeps_type_colours(bundled):
    from network.view import ViewState, apply_view

    result = apply_view(bundled, ViewState(color_by="stance"))
    assert result.style.colors is None and result.notes == [
        "Colour by stance: choose the ask whose supporters and opponents to colour."
    ]
    result = apply_view(bundled, ViewState(color_by="stance", stance_ask="no such ask"))
    assert result.style.colors is None and result.notes[0].startswith("Stance on: no actor named 'no such ask'")


def test_a_link_may_name_the_ask_by_name(bundled):
    from network.view import initial_state

    state, notes = initial_state(bundled, {"color_by": "stance", "stance_ask": "Safe harbour for members of sector agreements"})
    assert state.stance_ask == "theme-safe-harbour" and notes == []


# Issue 24: support and concern in one document are "for, with concerns"; a stance read into a text says so.


def test_support_and_concern_in_one_document_read_as_for_with_concerns_not_conditional(small):
    small.add_edge("council", "ask", type="advocates_for", date="2024-03", source_doc="d2", evidence="voor")
    small.add_edge("council", "ask", type="has_concerns_about", date="2024-03", source_doc="d2", evidence="maar zorg")
    s = stance(small, "ask")
    [council] = [e for e in s["for"] if e["id"] == "council"]
    assert council["label"] == "for_with_concerns" and council["basis"] == "stated" and not council["changed"]
    assert council["quotes"] == ["voor", "maar zorg"]
    assert not [e for e in s["conditional"] if e["id"] == "council"]
    cell = stance_matrix(small)["cells"][("council", "ask")]
    assert (cell["stance"], cell["label"]) == ("for", "for_with_concerns")
    assert stance_colors(small, "ask")["council"] == "#BBCC33"
    assert ("voor, met bedenkingen: Decent work", "#BBCC33") in stance_legend(small, "ask", "nl")
    assert asks_csv(small).decode("utf-8-sig").splitlines()[2].startswith('Council,council,"for, with concerns (d2)"')


def test_a_stance_only_read_into_a_shared_concern_is_marked_read_not_stated(small):
    small.add_edge(
        "firm",
        "quiet",
        type="has_concerns_about",
        date="2024",
        source_doc="d2",
        evidence="een zorg van anderen",
        basis="inferred",
    )
    [firm] = stance(small, "quiet")["conditional"]
    assert firm["basis"] == "inferred"
    assert asks_table_rows(small)[0] == {
        "ask": "A quiet ask",
        "for": "",
        "against": "",
        "conditional": "Firm (inferred)",
        "documents": "d2",
    }


def test_an_older_concern_gives_way_to_a_newer_plea_and_stays_listed(small):
    small.add_edge(
        "firm", "quiet", type="has_concerns_about", date="before 2020-12-08", source_doc="d1", evidence="alleen zinvol als"
    )
    small.add_edge("firm", "quiet", type="advocates_for", date="2026-05-07", source_doc="d2", evidence="een succes maken")
    [firm] = stance(small, "quiet")["for"]
    # "before 2020-12-08" compares as the day before that date, not as text (which would sort it after "2026").
    assert [r["date"] for r in firm["relations"]] == ["before 2020-12-08", "2026-05-07"]
    assert firm["label"] == "for" and firm["changed"]


def test_support_and_opposition_on_one_date_stay_conditional_with_both_quotes(small):
    [council] = stance(small, "law")["conditional"]
    assert council["label"] == "conditional" and sorted(council["quotes"]) == ["niet geschikt", "wel nodig"]
