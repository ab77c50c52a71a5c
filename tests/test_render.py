"""The map page: self-contained, deterministic, styled by type, and data shown as text."""

from __future__ import annotations

import json
import re

import networkx as nx

from network import build_graph, load_dataset
from network import vocabulary as vocab
from network.presentation import render
from network.presentation.encoding import edge_layer, edge_tooltip, map_elements
from network.presentation.render import MapStyle, render_html

XSS = "<img src=x onerror=alert(1)>"


def _embedded(html: str, name: str) -> list[dict]:
    var = "nodeItems" if name == "nodes" else name
    m = re.search(rf"var {var} = (?:new vis\.DataSet\()?(.*?)\)?;\n", html)
    assert m, name
    return json.loads(m.group(1))


def test_page_references_nothing_on_the_internet(graph):
    html = render_html(graph)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "bootstrap" not in html.lower()
    assert "vis.Network" in html and len(html) > 400_000  # vis-network is inlined


def test_same_data_gives_the_same_page(dataset):
    a = render_html(build_graph(dataset))
    b = render_html(build_graph(load_dataset(dataset.directory)))
    assert a == b


def test_markup_in_data_is_escaped_in_the_page(dataset):
    dataset.actors[0]["name"] = XSS
    dataset.relations[0]["evidence"] = "</script><script>alert(2)</script>"
    html = render_html(build_graph(dataset), style=MapStyle(title=XSS, caption=XSS))
    assert XSS not in html
    assert "<script>alert(2)" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # heading and caption as text
    nodes = _embedded(html, "nodes")
    assert nodes[0]["label"].replace("\n", " ") == XSS  # the JSON still carries the exact characters (wrapped at spaces)


def test_nodes_carry_type_style_positions_and_tooltips(graph):
    nodes, edges = map_elements(graph)
    by_id = {n["id"]: n for n in nodes}
    assert by_id["minister"]["shape"] == "square" and by_id["fnv"]["shape"] == "dot"
    assert by_id["fnv"]["color"]["background"] != by_id["vno"]["color"]["background"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    assert "Type: Trade union" in by_id["fnv"]["title"]
    arrows = {(e["from"], e["to"]): e["arrows"]["to"]["enabled"] for e in edges}
    assert arrows[("fnv", "minister")] is True
    assert arrows[("fnv", "cnv")] is False


def test_edge_tooltip_shows_type_date_document_and_quote(graph):
    text = edge_tooltip(graph, "fnv", "minister", "r3")
    assert "FNV → Minister BHO" in text
    assert "Relation: addresses" in text and "Date: 2026-05-07" in text
    assert "Letter on scaling up [doc1]" in text and "“Aan de minister”" in text
    assert "richt zich tot" in edge_tooltip(graph, "fnv", "minister", "r3", "nl")


def test_legend_lists_present_types_in_the_chosen_language(graph):
    en = render_html(graph)
    nl = render_html(graph, style=MapStyle(lang="nl"))
    assert "Employers&#39; organisation" in en and "Werkgeversorganisatie" in nl
    assert "Legenda" in nl and "ondertekent samen met" in nl
    assert "Company" not in en  # no company in the fixture, so none in the legend


def test_parallel_relations_fan_out_when_every_claim_is_shown(dataset):
    dataset.relations.append({**dataset.relations[0], "type": "partners_with"})
    G = build_graph(dataset)
    _, edges = map_elements(G, style=MapStyle(every_claim=True))
    pair = [e for e in edges if {e["from"], e["to"]} == {"fnv", "cnv"}]
    assert len(pair) == 2 and "smooth" in pair[1] and "smooth" not in pair[0]
    _, edges = map_elements(G)
    assert len([e for e in edges if {e["from"], e["to"]} == {"fnv", "cnv"}]) == 1


def test_lean_elements_for_big_maps_draw_the_same_nodes_and_edges(graph):
    full_nodes, full_edges = map_elements(graph)
    lean_nodes, lean_edges = map_elements(graph, lean=True)
    assert [n["id"] for n in lean_nodes] == [n["id"] for n in full_nodes]
    assert [(n["x"], n["y"], n["shape"]) for n in lean_nodes] == [(n["x"], n["y"], n["shape"]) for n in full_nodes]
    assert [(e["from"], e["to"]) for e in lean_edges] == [(e["from"], e["to"]) for e in full_edges]
    assert [e.get("arrows") == "to" for e in lean_edges] == [e["arrows"]["to"]["enabled"] for e in full_edges]


def test_edge_layer_encodes_every_edge_once_with_its_style_and_tooltip(graph):
    layer, tips = edge_layer(graph)
    order = list(graph.nodes)
    triples = [layer["edges"][i : i + 3] for i in range(0, len(layer["edges"]), 3)]
    assert len(triples) == len(tips) == graph.number_of_edges()
    expected = [(u, v, e["type"], e.get("directed", True)) for u, v, e in graph.edges(data=True)]
    drawn = [(order[a], order[b], layer["styles"][s]) for a, b, s in triples]
    for (u, v, rtype, directed), (a, b, st) in zip(expected, drawn):
        assert (a, b) == (u, v)
        assert st["color"] == vocab.relation_type(rtype).color and st["arrow"] is directed
        assert st["dashes"] is vocab.relation_type(rtype).dashes
    assert tips == [edge_tooltip(graph, u, v, k) for u, v, k in graph.edges(keys=True)]


def test_edge_layer_fades_edges_outside_a_path_and_leaves_the_path_to_vis_network(graph):
    path = next(iter(graph.edges(keys=True)))
    style = MapStyle(highlight_edges=frozenset({path}), highlight_nodes=frozenset(path[:2]))
    layer, tips = edge_layer(graph, style, skip={path})
    assert len(tips) == graph.number_of_edges() - 1
    assert all(s["color"].endswith("33") for s in layer["styles"])  # faint


def test_big_maps_draw_edges_in_the_page_layer_and_keep_tooltips_as_escaped_text(dataset, monkeypatch):
    dataset.relations[0]["evidence"] = XSS
    G = build_graph(dataset)
    small = render_html(G)
    assert len(_embedded(small, "edges")) == G.number_of_edges() and 'id="edge-tips"' not in small
    monkeypatch.setattr(render, "LIGHT_EDGES_ABOVE", 0)
    path = next(iter(G.edges(keys=True)))
    big = render_html(G)
    loops = [(u, v) for u, v, _ in nx.selfloop_edges(G, keys=True)]  # vis-network draws those (as loops)
    assert [(e["from"], e["to"]) for e in _embedded(big, "edges")] == loops
    tips = re.search(r'<script type="application/json" id="edge-tips">(.*?)</script>', big, re.S).group(1)
    assert len(json.loads(tips)) == G.number_of_edges() - len(loops) and XSS in "".join(json.loads(tips))
    assert "<img" not in tips
    # A highlighted path stays a vis-network edge (thick, with its own tooltip); the rest go to the layer.
    hl = render_html(G, style=MapStyle(highlight_edges=frozenset({path}), highlight_nodes=frozenset(path[:2])))
    assert [(e["from"], e["to"], e["width"]) for e in _embedded(hl, "edges") if e["from"] != e["to"]] == [(path[0], path[1], 5)]


def test_big_maps_leave_self_relations_and_physics_to_vis_network(dataset, monkeypatch):
    monkeypatch.setattr(render, "LIGHT_EDGES_ABOVE", 0)
    G = build_graph(dataset)
    loops = [(u, v) for u, v, _ in nx.selfloop_edges(G, keys=True)]
    assert loops  # the fixture has SER advising itself
    html = render_html(G)
    assert [(e["from"], e["to"]) for e in _embedded(html, "edges")] == loops
    # With physics on every edge must be a vis-network spring.
    assert len(_embedded(render_html(G, style=MapStyle(physics=True)), "edges")) == G.number_of_edges()


def test_unknown_types_each_get_a_colour_and_legend_line_of_their_own():
    from network.presentation.encoding import legend_entries, map_elements

    G = nx.MultiDiGraph()
    G.add_node("a", name="A", type="Volunteer")
    G.add_node("b", name="B", type="Organization")
    G.add_node("c", name="C", type="Organization")
    G.add_edge("a", "b", key="r0", type="Investor", directed=True)
    G.add_edge("b", "c", key="r1", type="Mentor", directed=True)
    actors, relations = legend_entries(G)
    colours = [e["color"] for e in actors + relations]
    assert len(actors) == 2 and len(relations) == 2
    assert len(set(colours)) == 4 and "#BBBBBB" not in colours
    nodes, edges = map_elements(G, {n: (0.0, 0.0) for n in G})
    by_type = {n["group_type"]: n["color"]["background"] for n in nodes}
    assert by_type["Volunteer"] != by_type["Organization"]


def test_inferred_claims_are_dotted_said_so_in_the_tooltip_and_in_the_legend():
    from network.presentation.encoding import legend_entries, map_elements

    G = nx.MultiDiGraph()
    for n in "abc":
        G.add_node(n, name=n.upper(), type="trade_union")
    G.add_edge("a", "b", key="r0", type="supports", directed=True, basis="inferred", note="praise, not a pledge")
    G.add_edge("b", "c", key="r1", type="supports", directed=True, basis="stated")
    _, edges = map_elements(G, {n: (0.0, 0.0) for n in G})
    by_pair = {(e["from"], e["to"]): e for e in edges}
    assert isinstance(by_pair["a", "b"]["dashes"], list) and not isinstance(by_pair["b", "c"]["dashes"], list)
    assert "praise, not a pledge" in by_pair["a", "b"]["title"] and "inferred" in by_pair["a", "b"]["title"]
    assert any(r["dash"] == "dotted" for r in legend_entries(G)[1])


def _page_shows(base: dict, update: dict) -> dict[str, dict[str, dict]]:
    """What live.js draws after ``update``: the base (in the update's language when the page
    carries it), the update's items put over it, its dropped ids taken out."""
    titles = (base.get("alt_titles") or {}).get(update["titles"]) if update["titles"] else None
    shown = {}
    for kind in ("nodes", "edges"):
        items = {i["id"]: dict(i, title=titles[kind][i["id"]]) if titles and i["id"] in titles[kind] else i for i in base[kind]}
        for dropped in update[f"drop_{kind}"]:
            items.pop(dropped)
        items.update({i["id"]: i for i in update[kind]})
        shown[kind] = items
    return shown
