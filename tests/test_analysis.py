"""Analysis: known answers on tiny graphs, agreement with networkx, and the fixture's coalitions and profiles."""

from __future__ import annotations

import networkx as nx
import pytest

# networkx's public pagerank needs scipy, which is not installed; this is the same power iteration in pure Python.
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

from network import analysis, build_graph, load_dataset
from network.analysis import (
    METRICS,
    centrality,
    coauthors_by_document,
    communities,
    cosignature_coalitions,
    ranking,
    theme_support,
)
from network.graph import undirected_view
from network.profile import actor_profile

from .conftest import ROOT


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts without cached metrics, so one test's graph cannot answer another's."""
    analysis.clear_cache()
    yield
    analysis.clear_cache()


def make_graph(nodes, edges) -> nx.MultiDiGraph:
    """A MultiDiGraph like build_graph makes: nodes as (id, type) or id, edges as (u, v, type[, directed, extra])."""
    G = nx.MultiDiGraph(sources={})
    for node in nodes:
        node_id, kind = node if isinstance(node, tuple) else (node, "company")
        G.add_node(node_id, name=node_id.upper(), type=kind)
    for i, (u, v, kind, *rest) in enumerate(edges):
        directed = rest[0] if rest else True
        extra = rest[1] if len(rest) > 1 else {}
        G.add_edge(u, v, key=f"r{i}", type=kind, directed=directed, **extra)
    return G


def path_abc() -> nx.MultiDiGraph:
    return make_graph("abc", [("a", "b", "partners_with", False), ("b", "c", "funds")])


def star(leaves: int = 5) -> nx.MultiDiGraph:
    spokes = [f"leaf{i}" for i in range(leaves)]
    return make_graph(["hub", *spokes], [("hub", s, "funds") for s in spokes])


def two_cliques() -> nx.MultiDiGraph:
    """Two 5-cliques, a0..a4 and b0..b4, joined by the single edge a0-b0."""
    left, right = [f"a{i}" for i in range(5)], [f"b{i}" for i in range(5)]
    edges = [(u, v, "partners_with", False) for side in (left, right) for i, u in enumerate(side) for v in side[i + 1 :]]
    return make_graph(left + right, [*edges, ("a0", "b0", "negotiates_with", False)])


@pytest.fixture
def bundled() -> nx.MultiDiGraph:
    """The curated data shipped in data/."""
    return build_graph(load_dataset(ROOT / "data"))


# --- centrality: known answers -------------------------------------------------------------------


def test_the_middle_of_a_path_is_the_only_broker():
    assert centrality(path_abc(), "betweenness") == {"a": 0.0, "b": 1.0, "c": 0.0}


def test_degree_centrality_is_neighbours_over_n_minus_one():
    assert centrality(path_abc(), "degree") == {"a": 0.5, "b": 1.0, "c": 0.5}


@pytest.mark.parametrize("metric", METRICS)
def test_the_hub_of_a_star_ranks_first_in_every_metric(metric):
    rows = ranking(star(), metric=metric)
    column = "degree_centrality" if metric == "degree" else metric  # "degree" in a row is the raw count
    assert rows[0]["id"] == "hub"
    assert all(rows[0][column] > r[column] for r in rows[1:])


def test_star_hub_has_full_betweenness_and_degree():
    G = star()
    assert centrality(G, "betweenness")["hub"] == 1.0
    assert centrality(G, "degree")["hub"] == 1.0
    assert centrality(G, "eigenvector")["hub"] == pytest.approx(1.0)


def test_parallel_edges_self_loops_and_direction_do_not_change_centrality():
    plain = path_abc()
    noisy = make_graph(
        "abc",
        [("b", "a", "funds"), ("a", "b", "co_signs", False), ("c", "b", "advises"), ("b", "b", "advises"), ("b", "c", "trains")],
    )
    for metric in METRICS:
        assert centrality(noisy, metric) == pytest.approx(centrality(plain, metric))
    assert [r["degree"] for r in ranking(noisy)] == [2, 1, 1]


def test_bridge_ends_between_two_cliques_have_the_highest_betweenness():
    values = centrality(two_cliques(), "betweenness")
    top_two = sorted(values, key=values.get, reverse=True)[:2]
    assert sorted(top_two) == ["a0", "b0"]
    assert values["a0"] == values["b0"] > max(v for n, v in values.items() if n not in ("a0", "b0"))


def test_pagerank_sums_to_one_even_with_an_isolated_actor(graph):
    assert sum(centrality(graph, "pagerank").values()) == pytest.approx(1.0)


def test_eigenvector_is_scaled_to_one_and_zero_for_isolated_actors(graph):
    values = centrality(graph, "eigenvector")
    assert max(values.values()) == pytest.approx(1.0)
    assert values["lonely"] == 0.0


def test_eigenvector_works_on_a_disconnected_graph_and_treats_equal_parts_alike():
    G = make_graph("abcdxyz", [("a", "b", "funds"), ("c", "d", "funds"), ("x", "y", "funds"), ("y", "z", "funds")])
    values = centrality(G, "eigenvector")
    # the 3-path has the larger leading eigenvalue (sqrt 2 > 1), so the pairs get 0
    assert values["y"] == pytest.approx(1.0)
    assert values["x"] == pytest.approx(values["z"]) == pytest.approx(2**-0.5)
    assert values["a"] == values["b"] == values["c"] == values["d"] == 0.0
    pairs = centrality(make_graph("abcd", [("a", "b", "funds"), ("c", "d", "funds")]), "eigenvector")
    assert pairs == pytest.approx({"a": 1.0, "b": 1.0, "c": 1.0, "d": 1.0})


def test_a_graph_without_edges_gives_zero_eigenvector_and_betweenness():
    G = make_graph("ab", [])
    assert centrality(G, "eigenvector") == {"a": 0.0, "b": 0.0}
    assert centrality(G, "betweenness") == {"a": 0.0, "b": 0.0}
    assert centrality(G, "pagerank") == pytest.approx({"a": 0.5, "b": 0.5})


def test_an_empty_graph_has_no_centrality_ranking_or_communities():
    G = nx.MultiDiGraph()
    assert all(centrality(G, m) == {} for m in METRICS)
    assert ranking(G) == []
    assert communities(G) == {}
    assert cosignature_coalitions(G) == [] and coauthors_by_document(G) == {} and theme_support(G) == {}


def test_unknown_metric_is_rejected_naming_it_and_the_allowed_ones(graph):
    with pytest.raises(ValueError, match=r"unknown metric 'closeness'.*degree, betweenness, eigenvector, pagerank"):
        centrality(graph, "closeness")
    with pytest.raises(ValueError, match="'closeness'"):
        ranking(graph, metric="closeness")


# --- agreement with networkx ---------------------------------------------------------------------


def networkx_reference(H: nx.Graph) -> dict[str, dict]:
    eigen = nx.eigenvector_centrality(H, max_iter=10_000, tol=1e-10)
    top = max(eigen.values())
    return {
        "degree": nx.degree_centrality(H),
        "betweenness": nx.betweenness_centrality(H, normalized=True),
        "eigenvector": {n: v / top for n, v in eigen.items()},
        "pagerank": _pagerank_python(H, alpha=0.85, tol=1e-12, max_iter=10_000),
    }


TOLERANCE = {"degree": 1e-12, "betweenness": 1e-9, "eigenvector": 1e-3, "pagerank": 1e-4}


@pytest.mark.parametrize("metric", METRICS)
def test_metrics_agree_with_networkx_on_the_fixture_graph(graph, metric):
    expected = networkx_reference(undirected_view(graph))[metric]
    got = centrality(graph, metric)
    assert list(got) == list(graph.nodes)
    assert all(abs(got[n] - expected[n]) <= TOLERANCE[metric] for n in graph), (got, expected)


@pytest.mark.parametrize("metric", METRICS)
def test_metrics_agree_with_networkx_on_a_random_graph(metric):
    H = nx.gnm_random_graph(200, 600, seed=1)
    expected = networkx_reference(H)[metric]
    got = centrality(H, metric)
    assert max(abs(got[n] - expected[n]) for n in H) <= TOLERANCE[metric]


def test_betweenness_above_the_exact_limit_is_a_repeatable_sampled_estimate(monkeypatch):
    H = nx.gnm_random_graph(200, 600, seed=1)
    exact = nx.betweenness_centrality(H)
    monkeypatch.setattr(analysis, "BETWEENNESS_EXACT_MAX", 100)
    monkeypatch.setattr(analysis, "BETWEENNESS_SAMPLES", 100)
    first = centrality(H, "betweenness")
    analysis.clear_cache()
    assert centrality(H, "betweenness") == first  # same seed, same sample
    assert first != exact
    # an unbiased estimate from half the nodes: close to the exact values, total and each
    assert sum(first.values()) == pytest.approx(sum(exact.values()), rel=0.1)
    assert max(abs(first[n] - exact[n]) for n in H) < 0.02
    # sampling every node is the exact answer
    monkeypatch.setattr(analysis, "BETWEENNESS_SAMPLES", 200)
    analysis.clear_cache()
    got = centrality(H, "betweenness")
    assert max(abs(got[n] - exact[n]) for n in H) <= 1e-9


# --- caching -------------------------------------------------------------------------------------


def test_metrics_are_computed_once_for_an_unchanged_graph_and_again_after_a_change(graph):
    analysis.clear_cache()
    misses = analysis.CACHE.misses
    first = ranking(graph)
    assert analysis.CACHE.misses == misses + 1
    ranking(graph, metric="pagerank", lang="nl")
    actor_profile(graph, "fnv")
    centrality(graph, "degree")
    assert analysis.CACHE.misses == misses + 1  # the same structure: every metric read back
    graph.add_edge("lonely", "fnv", key="r99", type="supports", directed=True)
    assert actor_profile(graph, "lonely")["metrics"]["degree"] == 1
    assert analysis.CACHE.misses == misses + 2
    assert ranking(graph) != first


def test_changing_a_returned_dict_does_not_change_the_cache(graph):
    centrality(graph, "degree")["fnv"] = 99.0
    assert centrality(graph, "degree")["fnv"] == 0.5


# --- ranking -------------------------------------------------------------------------------------


def test_ranking_has_one_row_per_actor_with_labels_raw_degree_and_rounded_metrics(graph):
    rows = ranking(graph, metric="betweenness")
    assert len(rows) == 7
    assert set(rows[0]) == {"id", "name", "type", "degree", "degree_centrality", "betweenness", "eigenvector", "pagerank"}
    # fnv, cnv and vno tie on betweenness: name order breaks the tie
    assert [r["id"] for r in rows[:3]] == ["cnv", "fnv", "vno"]
    fnv = next(r for r in rows if r["id"] == "fnv")
    assert fnv["type"] == "Trade union"
    assert fnv["degree"] == 3  # cnv, vno, minister (the duplicate letter does not count twice)
    assert fnv["betweenness"] == round(4 / 15, 4)
    ser = next(r for r in rows if r["id"] == "ser")
    assert ser["degree"] == 1  # its self-relation does not count


def test_ranking_shows_types_in_dutch_and_is_the_same_every_time(graph):
    rows = ranking(graph, metric="pagerank", lang="nl")
    assert next(r for r in rows if r["id"] == "cnv")["type"] == "Vakbond"
    assert rows == ranking(graph, metric="pagerank", lang="nl")
    values = [r["pagerank"] for r in rows]
    assert values == sorted(values, reverse=True)


# --- communities ---------------------------------------------------------------------------------


def test_two_cliques_joined_by_one_edge_are_exactly_two_communities():
    assert communities(two_cliques()) == {**{f"a{i}": 0 for i in range(5)}, **{f"b{i}": 1 for i in range(5)}}


def test_communities_are_numbered_by_size_and_an_isolated_actor_is_its_own(graph):
    found = communities(graph)
    sizes = [list(found.values()).count(c) for c in range(max(found.values()) + 1)]
    assert sizes == sorted(sizes, reverse=True)
    assert list(found.values()).count(found["lonely"]) == 1
    assert found["lonely"] == max(found.values())


def test_the_same_seed_gives_the_same_communities_on_the_bundled_data(bundled):
    first = communities(bundled, seed=7)
    again = communities(build_graph(load_dataset(ROOT / "data")), seed=7)
    assert first == again
    assert set(first) == set(bundled.nodes)
    assert sorted(set(first.values())) == list(range(len(set(first.values()))))


def test_large_graphs_use_seeded_igraph_louvain_with_the_same_answers(monkeypatch):
    monkeypatch.setattr(analysis, "LOUVAIN_NX_MAX", 5)
    G = two_cliques()
    G.add_node("alone", name="ALONE", type="ngo")
    found = communities(G, seed=3)
    assert found == communities(G, seed=3)
    assert found == {**{f"a{i}": 0 for i in range(5)}, **{f"b{i}": 1 for i in range(5)}, "alone": 2}


# --- coalitions and themes -----------------------------------------------------------------------


def test_the_cosigners_of_doc1_are_one_coalition(graph):
    assert cosignature_coalitions(graph) == [
        {"members": ["cnv", "fnv", "vno"], "names": ["CNV", "FNV", "VNO-NCW"], "documents": ["doc1"]}
    ]
    assert coauthors_by_document(graph) == {"doc1": ["cnv", "fnv", "vno"]}


def test_separate_cosigning_groups_are_separate_coalitions_largest_first():
    doc = {"source_doc": "d2"}
    G = make_graph(
        "abcdef",
        [
            ("e", "f", "co_signs", False, {"source_doc": "d1"}),
            ("a", "b", "co_signs", False, doc),
            ("b", "c", "co_signs", False, {"source_doc": "d3"}),
            ("a", "d", "partners_with", False, doc),
        ],
    )
    assert [c["members"] for c in cosignature_coalitions(G)] == [["a", "b", "c"], ["e", "f"]]
    assert cosignature_coalitions(G)[0]["documents"] == ["d2", "d3"]
    assert coauthors_by_document(G) == {"d1": ["e", "f"], "d2": ["a", "b"], "d3": ["b", "c"]}


def test_theme_support_lists_advocates_by_name_and_themes_without_any():
    G = make_graph(
        [("vmp", "theme"), ("csddd", "theme"), ("zeta", "trade_union"), ("alpha", "ngo"), ("mid", "company")],
        [
            ("zeta", "vmp", "advocates_for"),
            ("alpha", "vmp", "advocates_for"),
            ("alpha", "vmp", "advocates_for"),  # a second source for the same claim
            ("mid", "vmp", "supports"),  # support is not advocacy
            ("vmp", "mid", "advocates_for"),  # a theme does not advocate for an actor
        ],
    )
    assert theme_support(G) == {"vmp": ["alpha", "zeta"], "csddd": []}


# --- actor profile -------------------------------------------------------------------------------


def test_profile_of_fnv_has_its_attributes_metrics_relations_and_documents(graph):
    p = actor_profile(graph, "fnv")
    assert (p["id"], p["name"], p["type"], p["type_label"], p["country"]) == ("fnv", "FNV", "trade_union", "Trade union", "NL")
    assert p["aliases"] == ["Federatie Nederlandse Vakbeweging"]
    assert {k: p["metrics"][k] for k in ("degree", "degree_centrality", "eigenvector")} == {
        "degree": 3,
        "degree_centrality": 0.5,
        "eigenvector": 1.0,
    }
    assert list(p["relations"]) == ["co-signs with", "addresses"]
    cosigns = p["relations"]["co-signs with"]
    assert [(r["direction"], r["other"], r["other_name"]) for r in cosigns] == [
        ("mutual", "cnv", "CNV"),
        ("mutual", "vno", "VNO-NCW"),
    ]
    letter = p["relations"]["addresses"]
    assert len(letter) == 1  # the duplicate row was dropped by the loader
    assert letter[0] == {
        "key": "r3",
        "direction": "out",
        "other": "minister",
        "other_name": "Minister BHO",
        "type": "addresses",
        "date": "2026-05-07",
        "source_doc": "doc1",
        "document_title": "Letter on scaling up",
        "evidence": "Aan de minister",
        "basis": "stated",
        "note": "",
    }
    assert p["documents_written"] == ["doc1"]
    assert p["documents_received"] == []


def test_profile_rows_say_how_each_claim_is_known():
    G = make_graph("ab", [("a", "b", "advises", True, {"basis": "inferred", "note": "a reading of the text"})])
    [row] = actor_profile(G, "a")["relations"]["advises"]
    assert (row["basis"], row["note"]) == ("inferred", "a reading of the text")


def test_path_hops_say_how_each_claim_is_known():
    from network.graph import path_rows, shortest_paths

    G = make_graph("abc", [("a", "b", "advises", True, {"basis": "inferred", "note": "why"}), ("b", "c", "funds")])
    rows = path_rows(G, shortest_paths(G, "a", "c"))
    assert [(r["basis"], r["note"], r["key"]) for r in rows] == [("inferred", "why", "r0"), ("stated", "", "r1")]


def test_profile_metrics_match_the_ranking_row(graph):
    row = next(r for r in ranking(graph) if r["id"] == "fnv")
    assert actor_profile(graph, "fnv")["metrics"] == {k: v for k, v in row.items() if k not in ("id", "name", "type")}


def test_profile_in_dutch_uses_dutch_labels(graph):
    p = actor_profile(graph, "fnv", lang="nl")
    assert p["type_label"] == "Vakbond"
    assert p["type"] == "trade_union"
    assert list(p["relations"]) == ["ondertekent samen met", "richt zich tot"]


def test_profile_of_the_addressee_shows_incoming_letters_and_documents_received(graph):
    p = actor_profile(graph, "minister")
    assert [(r["direction"], r["other"]) for r in p["relations"]["addresses"]] == [("in", "fnv")]
    assert p["documents_received"] == ["doc1"]
    assert p["documents_written"] == []


def test_profile_lists_a_self_relation_once_and_sorts_by_date_then_name():
    G = make_graph(
        "sxy",
        [
            ("s", "s", "advises", True, {"date": "2023"}),
            ("y", "s", "advises", True, {"date": "2021"}),
            ("s", "x", "advises", True, {"date": "2021"}),
            ("s", "y", "advises", True, {"date": ""}),
        ],
    )
    rows = actor_profile(G, "s")["relations"]["advises"]
    assert [(r["date"], r["direction"], r["other"]) for r in rows] == [
        ("2021", "out", "x"),
        ("2021", "in", "y"),
        ("2023", "out", "s"),
        ("", "out", "y"),
    ]
    assert rows[0]["document_title"] == ""


def test_profile_of_an_unknown_actor_raises_a_key_error_naming_it(graph):
    with pytest.raises(KeyError, match="unknown actor 'acme'"):
        actor_profile(graph, "acme")


def test_profile_of_an_isolated_actor_has_no_relations(graph):
    p = actor_profile(graph, "lonely")
    assert p["relations"] == {} and p["aliases"] == []
    assert p["metrics"]["degree"] == 0 and p["metrics"]["eigenvector"] == 0.0


def test_communities_are_found_once_per_structure_and_each_caller_gets_its_own(graph):
    # A view's graph is built anew on every run (and once more for the map's other language): the
    # same structure must not run Louvain again.
    analysis.clear_cache()
    misses = analysis.COMMUNITIES.misses
    first = analysis.communities(graph)
    again = analysis.communities(graph.copy())
    assert again == first and analysis.COMMUNITIES.misses == misses + 1
    again["fnv"] = 99  # a caller's change stays its own
    assert analysis.communities(graph)["fnv"] == first["fnv"] != 99
    assert analysis.communities(graph) == analysis._communities(graph, 42)
    analysis.communities(graph, seed=7)
    graph.add_edge("lonely", "fnv", key="r99", type="supports", directed=True)
    assert "lonely" in analysis.communities(graph) and analysis.COMMUNITIES.misses == misses + 3
