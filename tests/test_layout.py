"""Positions: seeded, room for labels, and unconnected parts packed beside the main part."""

from __future__ import annotations

import json
import random
from pathlib import Path

import networkx as nx
import pytest

from network import layout
from network.layout import compute_layout


def _with_stragglers(n: int) -> nx.Graph:
    G = nx.barabasi_albert_graph(n, 2, seed=1)
    G.add_edge("pair-a", "pair-b")
    G.add_nodes_from(["alone-1", "alone-2", "alone-3"])
    return G


def test_the_layout_is_seeded_the_same_seed_gives_the_same_map_and_another_seed_another(graph):
    # Each layout is computed afresh: a second call would otherwise return the cached answer and
    # compare it with itself.
    layout.CACHE.clear()
    pos = compute_layout(graph)
    layout.CACHE.clear()
    random.random()  # the global generator moved on in between, as it does in a running app
    assert compute_layout(graph.copy()) == pos
    layout.CACHE.clear()
    assert compute_layout(graph, seed=layout.DEFAULT_SEED + 1) != pos  # the seed is what fixes the map
    assert len(set(pos.values())) == graph.number_of_nodes()  # and no two actors share a spot


@pytest.mark.parametrize("n", [60, 1500], ids=["small", "big (grid layout)"])
def test_unconnected_parts_sit_in_columns_just_beside_the_main_part(n, monkeypatch):
    monkeypatch.setenv("NETWORK_CACHE_DIR", "off")
    G = _with_stragglers(n)
    pos = compute_layout(G)
    main = [pos[v] for v in range(n)]
    xs, ys = [x for x, _ in main], [y for _, y in main]
    span = max(max(xs) - min(xs), max(ys) - min(ys))
    for v in ["pair-a", "pair-b", "alone-1", "alone-2", "alone-3"]:
        x, y = pos[v]
        assert x > max(xs), v  # beside the main part, never on top of it
        assert x - max(xs) < span / 2 and min(ys) <= y <= min(ys) + span, v  # and close by
    assert len(set(pos.values())) == G.number_of_nodes()
    layout.CACHE.clear()  # computed afresh, not read back
    assert pos == compute_layout(_with_stragglers(n))


def test_a_big_layout_is_kept_on_disk_and_a_restart_reads_it_back(tmp_path, monkeypatch):
    monkeypatch.setenv("NETWORK_CACHE_DIR", str(tmp_path))
    G = nx.relabel_nodes(nx.barabasi_albert_graph(layout.DISK_THRESHOLD, 2, seed=2), lambda v: ("actor", v))
    first = compute_layout(G)
    (kept,) = (tmp_path / "layout").iterdir()
    layout.CACHE.clear()  # as after a restart: only the disk remembers

    def no_layout(*args):
        raise AssertionError("computed again")

    monkeypatch.setattr(layout, "_layout", no_layout)
    assert compute_layout(G) == first  # tuple ids too: stored in node order, not as JSON keys
    # A damaged file costs the computation, never a wrong or half map.
    kept.write_text('[[1, 2], "x"]', "utf-8")
    layout.CACHE.clear()
    monkeypatch.undo()
    monkeypatch.setenv("NETWORK_CACHE_DIR", str(tmp_path))
    assert compute_layout(G) == first
    assert len(json.loads(kept.read_text("utf-8"))) == G.number_of_nodes()  # and written anew
    # Another way of laying out (a new version of this code) does not read the old file.
    layout.CACHE.clear()
    monkeypatch.setattr(layout, "LAYOUT_VERSION", layout.LAYOUT_VERSION + 1)
    compute_layout(G)
    assert len(list((tmp_path / "layout").iterdir())) == 2


@pytest.mark.parametrize("first", ["compute_layout(G)", "communities(G)"])
def test_igraph_comes_without_matplotlib_and_pictures_still_draw_after_it(first):
    # Issue 13: igraph's drawing code pulled in matplotlib.pyplot, 0.35 s of a first big layout
    # (or of communities above LOUVAIN_NX_MAX actors), whichever imports igraph first.
    import os
    import subprocess
    import sys

    code = (
        "import sys, networkx as nx\n"
        "from network.analysis import communities\n"
        "from network.layout import compute_layout\n"
        "from network.presentation.export import export_bytes, make_snapshot\n"
        "from network.view import ViewState\n"
        "G = nx.MultiDiGraph(nx.barabasi_albert_graph(3100, 2, seed=3))\n"
        f"done = {first}\n"
        "print('matplotlib' in sys.modules, 'igraph' in sys.modules, len(done))\n"
        "png = export_bytes(make_snapshot(nx.MultiDiGraph([('a', 'b')]), ViewState()), 'png')\n"
        "print('matplotlib' in sys.modules, png[:4] == bytes([137, 80, 78, 71]))\n"
    )
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "NETWORK_CACHE_DIR": "off"}
    run = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.splitlines() == ["False True 3100", "True True"]


def test_the_layout_is_wider_than_tall_and_leaves_room_for_labels():
    G = nx.barabasi_albert_graph(60, 2, seed=3)
    pos = compute_layout(G)
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    assert max(xs) - min(xs) > 1.2 * (max(ys) - min(ys))
    # No two actors closer than a label needs (an ellipse: more room across than down).
    pts = list(pos.values())
    for i, (x1, y1) in enumerate(pts):
        for x2, y2 in pts[i + 1 :]:
            assert ((x1 - x2) / (160 * layout.LABEL_ASPECT * 0.7)) ** 2 + ((y1 - y2) / (160 * 0.7)) ** 2 >= 1.0
