"""Every label has room (issue 23): short map labels, wrapping at spaces, and a layout whose
actor boxes (shape and label) never meet."""

from __future__ import annotations

import csv
import itertools

import networkx as nx
import pytest

from network import build_graph, layout, load_dataset
from network.layout import (
    label_box,
    label_layout,
    neato_available,
    place_missing,
    text_width,
    wrap_label,
)
from network.presentation.encoding import map_elements
from network.presentation.render import view_style
from network.view import ViewState, apply_view


def _boxes(G: nx.Graph, pos: dict) -> dict:
    out = {}
    for n in G.nodes:
        w, h, top = label_box(str(G.nodes[n].get("label") or G.nodes[n].get("name") or n))
        x, y = pos[n]
        out[n] = (x - w / 2, y - top, x + w / 2, y - top + h)
    return out


def _meeting(boxes: dict) -> list[tuple]:
    # Boxes keep BOX_MARGIN apart; half a unit of rounding is allowed.
    return [
        (a, b)
        for (a, p), (b, q) in itertools.combinations(boxes.items(), 2)
        if p[0] < q[2] - 0.5 and q[0] < p[2] - 0.5 and p[1] < q[3] - 0.5 and q[1] < p[3] - 0.5
    ]


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("textielprogramma binnen het VMP", ["textielprogramma", "binnen het", "VMP"]),
        ("Vakbondsprogramma", ["Vakbondsprogramma"]),  # one long word stays whole
        ("IMVO-convenanten", ["IMVO-", "convenanten"]),  # too long: cut after its hyphen
        ("VNO-NCW", ["VNO-NCW"]),  # fits: not cut
    ],
)
def test_long_names_wrap_at_spaces_or_after_a_hyphen_never_inside_a_word(name, lines):
    assert wrap_label(name) == lines
    assert "".join(lines).replace(" ", "") == name.replace(" ", "")  # every character kept


def test_label_widths_are_arial_metrics():
    # As Chromium measures "textielprogramma" in 14 px Arial (Liberation Sans): 108.15 px.
    assert text_width("textielprogramma", 14.0) == pytest.approx(108.15, abs=0.1)


@pytest.mark.skipif(not neato_available(), reason="Graphviz's neato is not installed")
def test_the_label_layout_leaves_no_actor_box_on_another():
    G = nx.les_miserables_graph()
    for n in G.nodes:
        G.nodes[n]["name"] = f"{n} of the {n} committee"
    pos = label_layout(G)
    assert set(pos) == set(G.nodes)
    assert _meeting(_boxes(G, pos)) == []
    layout.CACHE.clear()  # laid out again, not the cached answer compared with itself
    assert label_layout(G) == pos  # seeded: the same every time


def test_an_added_actor_goes_where_its_label_box_is_free_and_moves_no_one():
    G = nx.MultiDiGraph()
    names = ["Ministerie van Buitenlandse Zaken", "FNV", "CNV", "Sociaal-Economische Raad"]
    for i, name in enumerate(names):
        G.add_node(i, name=name, type="ngo")
    G.add_edges_from([(0, 1), (1, 2), (2, 3)])
    kept = {0: (0.0, 0.0), 1: (200.0, 0.0), 2: (0.0, 80.0), 3: (200.0, 80.0)}
    G.add_node("new", name="A newcomer with a long name", type="ngo")
    G.add_edge("new", 1)
    G.add_edge("new", 2)
    pos = place_missing(G, kept)
    assert {n: pos[n] for n in kept} == kept
    assert _meeting(_boxes(G, pos)) == []


def test_the_map_shows_the_short_label_and_keeps_the_full_name_in_the_tooltip():
    G = nx.MultiDiGraph()
    full = "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"
    G.add_node("min", name=full, label="Minister BHO", type="ministry")
    G.add_node("fnv", name="FNV", type="trade_union")
    nodes, _ = map_elements(G, {"min": (0.0, 0.0), "fnv": (100.0, 0.0)})
    by_id = {n["id"]: n for n in nodes}
    assert by_id["min"]["label"] == "Minister BHO"
    assert by_id["min"]["title"].splitlines()[0] == full
    assert by_id["fnv"]["label"] == "FNV"


def test_a_path_is_drawn_strong_and_every_actor_off_it_faint():
    from network.io.folder import bundled_data_dir

    G = build_graph(load_dataset(bundled_data_dir()))
    result = apply_view(G, ViewState(path_from="uhispawu", path_to="min-buza-bhos"))
    H, _, style = view_style(G, result)
    on_path = set(style.highlight_nodes)
    assert {"uhispawu", "fnv", "min-buza-bhos"} <= on_path
    assert set(style.dimmed) == set(H.nodes) - on_path


def test_a_label_longer_than_32_characters_is_a_warning_naming_the_column(good_copy):
    path = good_copy / "actors.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    fields = [*rows[0].keys(), "label"]
    rows[0]["label"] = "x" * 40
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    data = load_dataset(good_copy)
    found = [p for p in data.warnings if p.column == "label"]
    assert found and found[0].severity == "warning" and "40 characters" in found[0].message
    assert build_graph(data).nodes[rows[0]["id"]]["label"] == "x" * 40  # still shown: a warning, not an error


def test_a_failing_graphviz_falls_back_to_the_igraph_layout(monkeypatch):
    import subprocess

    from network import layout

    def broken(*args, **kwargs):
        raise subprocess.CalledProcessError(1, "neato")

    monkeypatch.setattr(layout, "neato_available", lambda: True)
    monkeypatch.setattr(subprocess, "run", broken)
    G = nx.path_graph(5)
    layout.CACHE.clear()
    assert layout.label_layout(G) == layout.compute_layout(G)
