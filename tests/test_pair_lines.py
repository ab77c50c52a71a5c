"""One line per pair of actors: every claim between two actors on one line, listed in its tooltip."""

from __future__ import annotations

import json
import re

import networkx as nx

from network import vocabulary as vocab
from network.presentation import render
from network.presentation.encoding import SEVERAL_TYPES_COLOR, edge_layer, legend_entries, map_elements, pair_lines, pair_tooltip
from network.presentation.render import MapStyle, render_html

XSS = "<img src=x onerror=alert(1)>"


def _letters() -> nx.MultiDiGraph:
    """Two joint letters of the same actors, a mutual pair of advice and a pair of mixed types."""
    G = nx.MultiDiGraph(sources={"doc1": {"title": "Letter one"}, "doc2": {"title": "Letter two"}})
    for n, kind in [("a", "trade_union"), ("b", "employers_organisation"), ("c", "ministry"), ("d", "company")]:
        G.add_node(n, name=f"Actor {n.upper()}", type=kind)
    G.add_edge("a", "b", key="r0", type="co_signs", directed=False, date="2026-05-07", source_doc="doc1", evidence="first letter")
    G.add_edge("b", "a", key="r1", type="co_signs", directed=False, date="2026-06-01", source_doc="doc2", evidence=XSS)
    G.add_edge("a", "c", key="r2", type="advises", directed=True, source_doc="doc1", evidence="a advises c")
    G.add_edge("c", "a", key="r3", type="advises", directed=True, source_doc="doc2", evidence="c advises a")
    G.add_edge("a", "d", key="r4", type="partners_with", directed=False, source_doc="doc1", evidence="partners")
    G.add_edge("d", "a", key="r5", type="funds", directed=True, source_doc="doc2", evidence="d funds a")
    return G


def test_relations_between_the_same_two_actors_are_one_line():
    G = _letters()
    lines = pair_lines(G)
    assert [(line.u, line.v, len(line.claims)) for line in lines] == [("a", "b", 2), ("a", "c", 2), ("a", "d", 2)]
    _, edges = map_elements(G)
    assert len(edges) == 3
    assert [e["claims"] for e in edges] == [2, 2, 2]
    assert all(e["width"] > 1.5 for e in edges)  # wider than a single claim


def test_every_claim_toggle_draws_each_relation_on_its_own():
    G = _letters()
    _, edges = map_elements(G, style=MapStyle(every_claim=True))
    assert len(edges) == G.number_of_edges()
    assert all(e["width"] == 1.5 for e in edges)


def test_a_line_carries_the_arrows_of_its_claims_both_ways():
    G = _letters()
    by_pair = {frozenset((e["from"], e["to"])): e for e in map_elements(G)[1]}
    mutual = by_pair[frozenset("ac")]["arrows"]
    assert mutual["to"]["enabled"] and mutual["from"]["enabled"]
    undirected = by_pair[frozenset("ab")]["arrows"]
    assert not undirected["to"]["enabled"] and not undirected["from"]["enabled"]
    funds = by_pair[frozenset("ad")]["arrows"]  # d funds a: the arrow points at a, the line's source end
    assert not funds["to"]["enabled"] and funds["from"]["enabled"]


def test_a_line_of_several_relation_types_is_neutral_grey_and_the_legend_says_so():
    G = _letters()
    by_pair = {frozenset((e["from"], e["to"])): e for e in map_elements(G)[1]}
    assert by_pair[frozenset("ad")]["color"]["color"] == SEVERAL_TYPES_COLOR
    assert by_pair[frozenset("ab")]["color"]["color"] == vocab.relation_type("co_signs").color
    _, rels = legend_entries(G, "en")
    labels = [r["label"] for r in rels]
    assert "Several relation types" in labels
    assert vocab.relation_type("funds").label("en") not in labels  # no line is drawn in its colour
    _, every = legend_entries(G, "en", every_claim=True)
    assert "Several relation types" not in [r["label"] for r in every]


def test_the_tooltip_lists_every_claim_with_document_date_and_quote_as_text():
    G = _letters()
    line = pair_lines(G)[0]
    tip = pair_tooltip(G, line, "en")
    assert tip.startswith("Actor A — Actor B: 2 claims")
    for piece in ("first letter", XSS, "Letter one [doc1]", "Letter two [doc2]", "2026-05-07", "2026-06-01"):
        assert piece in tip
    html = render_html(G)
    assert "<img src=x" not in html  # the quote reaches the page as escaped JSON text only


def test_the_page_edge_layer_draws_one_line_per_pair_with_all_claims_in_its_tooltip(monkeypatch):
    G = _letters()
    layer, tips = edge_layer(G)
    assert len(layer["edges"]) == 3 * 3 and len(tips) == 3
    assert "first letter" in tips[0] and XSS in tips[0]
    styles = layer["styles"]
    mutual = styles[layer["edges"][5]]
    assert mutual["arrow"] and mutual["back"] and mutual["width"] > 1.5
    monkeypatch.setattr(render, "LIGHT_EDGES_ABOVE", 0)
    page = render_html(G)
    raw = re.search(r'<script type="application/json" id="edge-tips">(.*?)</script>', page, re.S).group(1)
    assert len(json.loads(raw)) == 3 and "<img" not in raw


def test_a_highlighted_claim_highlights_its_whole_line():
    G = _letters()
    _, edges = map_elements(G, style=MapStyle(highlight_edges=frozenset({("b", "a", "r1")})))
    hl = [e for e in edges if e["color"]["color"] == "#000000"]
    assert [(e["from"], e["to"]) for e in hl] == [("a", "b")]
