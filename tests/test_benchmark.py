"""The benchmark: it runs end to end, and our pipeline draws what the naive one draws.

Correctness only: no timing is asserted anywhere here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.benchmark import format_table, main
from bench.pipeline import DNF, SizeResult, naive_network, run_worker
from bench.synthetic import write_synthetic
from network import build_graph, load_dataset
from network.presentation.encoding import map_elements
from network.presentation.render import MapStyle

# The naive baseline draws every claim as its own edge; compare with the same setting.
EVERY_CLAIM = MapStyle(every_claim=True)

STAGES = [
    "load + validate",
    "build graph",
    "layout (cold cache)",
    "layout (cached)",
    "HTML (render_html)",
    "CSV → HTML total",
    "HTML size",
    "PNG export",
    "peak RSS, CSV → HTML",
    "first draw in Chromium",
    "naive: Network.from_nx",
    "naive: spring_layout",
    "naive: generate_html",
    "naive: CSV → HTML total",
    "naive: peak RSS",
    "naive: stabilised in Chromium",
    "speed-up, naive / ours",
]


def _drawn(nodes, edges):
    return sorted(n["id"] for n in nodes), Counter((e["from"], e["to"]) for e in edges)


@pytest.mark.parametrize("n", [150, 600])
def test_the_fast_pipeline_draws_the_same_nodes_and_edges_as_the_naive_one(tmp_path, n):
    G = build_graph(load_dataset(write_synthetic(tmp_path, n, seed=5)))
    ours = _drawn(*map_elements(G, positions={}, style=EVERY_CLAIM))
    net = naive_network(G)
    naive = _drawn(net.nodes, net.edges)
    assert ours == naive
    assert len(ours[0]) == n and sum(ours[1].values()) == G.number_of_edges()


def test_the_fast_pipeline_draws_the_same_as_the_naive_one_on_the_fixture_data(graph):
    net = naive_network(graph)
    assert _drawn(*map_elements(graph, positions={}, style=EVERY_CLAIM)) == _drawn(net.nodes, net.edges)


def test_the_naive_baseline_leaves_the_callers_graph_alone(graph):
    before = [(n, dict(a)) for n, a in graph.nodes(data=True)], [(u, v, dict(e)) for u, v, e in graph.edges(data=True)]
    naive_network(graph)
    after = [(n, dict(a)) for n, a in graph.nodes(data=True)], [(u, v, dict(e)) for u, v, e in graph.edges(data=True)]
    assert before == after


def test_the_benchmark_prints_every_stage_as_markdown_without_a_browser(tmp_path, capsys):
    assert main(["--sizes", "60", "--runs", "1", "--no-browser", "--markdown", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    table = out.split("\n\n")[0]
    assert table.startswith("| stage (median) | 60 |")
    for stage in STAGES:
        assert stage in table, stage
    assert DNF not in table
    assert "n/a (--no-browser)" in table
    assert "filter change ≤ 100 ms on the bundled data" in out
    assert {p.name for p in (tmp_path / "actors-60").iterdir()} >= {"actors.csv", "relations.csv", "sources.csv", "ours.html"}


def test_a_case_over_its_timeout_is_killed_and_reported_as_did_not_finish(tmp_path):
    folder = write_synthetic(tmp_path, 50)
    naive = run_worker("naive", folder, 1, tmp_path / "naive.html", timeout=0.01)
    assert not naive.finished and naive.error == ""
    table = format_table([SizeResult(50, naive=naive, timeout=0.01, browser=False)])
    assert f"{DNF} (> 0.01 s)" in table


def test_a_usage_error_returns_2(capsys):
    assert main(["--sizes", "ten"]) == 2
    assert main(["--sizes", "100", "--runs", "0"]) == 2


@pytest.mark.e2e
def test_the_benchmark_runs_end_to_end_at_the_smallest_size_with_the_browser(tmp_path):
    import subprocess
    import sys

    # As a user runs it, and in its own process: playwright's sync API cannot start inside
    # the event loop that the browser tests' session-wide Chromium keeps running.
    r = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "100", "--runs", "1", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert r.returncode == 0, r.stderr
    out = r.stdout
    table = out.split("\n\n")[0]
    rows = {line.split("  ")[0].strip(): line for line in table.splitlines() if "  " in line}
    for stage in STAGES:
        assert stage in rows, stage
        assert DNF not in rows[stage], rows[stage]
        assert "failed" not in rows[stage], rows[stage]
    assert "n/a (--no-browser)" not in out
    assert rows["first draw in Chromium"].rstrip().endswith(("ms", " s"))
    assert rows["naive: stabilised in Chromium"].rstrip().endswith(("ms", " s"))
    assert rows["speed-up, naive / ours"].rstrip().endswith("×")
    assert "Targets:" in out
