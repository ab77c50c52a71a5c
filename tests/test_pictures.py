"""Pictures whose labels never collide: no two overlap, none under an actor, none cut at the edge."""

from __future__ import annotations

import datetime

import networkx as nx
import pytest

from network.presentation import figure
from network.presentation.figure import label_collisions, place_map
from network.presentation.snapshot import make_snapshot
from network.view import ViewState

DAY = datetime.date(2026, 1, 2)


def _crowd(n: int = 40) -> nx.MultiDiGraph:
    """A hub with many long-named neighbours: the case that piled labels on each other."""
    G = nx.MultiDiGraph(version="v", sources={"d": {"title": "Doc"}})
    G.add_node("hub", name="Internationale Vakbondsfederatie", type="trade_union")
    for i in range(n):
        G.add_node(f"a{i}", name=f"Organisatie nummer {i} met een lange naam", type="company" if i % 2 else "ngo")
        G.add_edge("hub", f"a{i}", key=f"r{i}", type="partners_with", directed=False, source_doc="d", evidence="q")
    G.add_node("alone", name="Alleen", type="programme")
    return G


@pytest.fixture
def crowd_snapshot():
    return make_snapshot(_crowd(), ViewState(), today=DAY)


def test_labels_in_a_crowded_picture_never_overlap_hide_under_actors_or_leave_the_picture(crowd_snapshot):
    c = label_collisions(figure.draw_figure(crowd_snapshot))
    assert c.labels == crowd_snapshot.graph.number_of_nodes()
    assert (c.overlapping_pairs, c.covered, c.cut) == (0, 0, 0)
    assert c.smallest_pt >= figure.LABEL_MIN_PT


def test_the_collision_counter_sees_labels_drawn_on_top_of_each_other(crowd_snapshot):
    fig = figure.draw_figure(crowd_snapshot)
    ax = fig.axes[0]
    for _ in range(2):
        ax.text(0, 0, "Piled up", gid=figure.LABEL_GID, fontsize=10)
    assert label_collisions(fig).overlapping_pairs >= 1


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_every_picture_format_draws_the_placed_labels(crowd_snapshot, fmt):
    data = figure.picture_bytes(crowd_snapshot, fmt)
    assert data
    if fmt == "svg":
        assert b"Vakbondsfederatie" in data  # real text, not outlines


def test_a_map_placed_for_a_slide_keeps_labels_apart_and_inside(crowd_snapshot):
    placed = place_map(crowd_snapshot, 9.0, 5.0, 12.0, 9.0)
    assert len(placed.labels) == crowd_snapshot.graph.number_of_nodes()
    boxes = [(x, y, x + w, y + h) for *_, x, y, w, h in placed.labels]
    for i, a in enumerate(boxes):
        assert a[0] >= -0.05 and a[1] >= -0.05 and a[2] <= 9.05 and a[3] <= 5.05  # inside, to a hair of halo
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    assert placed.font_pt >= 9.0


def test_the_bundled_map_and_focus_fnv_have_no_colliding_labels():
    """The one smoke test on the curated data: the figures bench/legibility.py reports."""
    from network import build_graph, load_dataset
    from network.io.folder import bundled_data_dir

    G = build_graph(load_dataset(bundled_data_dir()))
    for state in (ViewState(), ViewState(focus="fnv", hops=2)):
        c = label_collisions(figure.draw_figure(make_snapshot(G, state, today=DAY)))
        # At most one label of the dense full map finds no free spot at the smallest size.
        assert (c.overlapping_pairs, c.cut) == (0, 0) and c.covered <= 1, state
