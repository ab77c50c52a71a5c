"""Finding an actor by what a person types, and an actor's standing in words (issue 23)."""

from __future__ import annotations

import networkx as nx

from network.search import rank_actors
from network.standing import standing, standing_text

from .conftest import ROOT


def _bundled() -> nx.MultiDiGraph:
    from network import build_graph, load_dataset

    return build_graph(load_dataset(ROOT / "data"))


def test_the_minister_comes_before_people_and_policies_named_after_a_minister():
    G = _bundled()
    found = rank_actors(G, "Minister")
    assert found[0] == "min-buza-bhos"
    assert found.index("kaag") > found.index("min-buza-bhos")


def test_an_actor_is_found_by_part_of_its_id():
    assert rank_actors(_bundled(), "min-buza") == ["min-buza-bhos"]


def test_an_exact_name_comes_before_names_that_start_with_it():
    G = nx.MultiDiGraph()
    G.add_nodes_from([("a", {"name": "CNV Internationaal"}), ("b", {"name": "CNV"}), ("c", {"name": "Pro-CNV"})])
    G.add_edges_from([("a", "c"), ("a", "c")])  # the better connected would win a tie, not an exact match
    assert rank_actors(G, "cnv") == ["b", "a", "c"]


def test_an_alias_finds_its_actor_in_any_case():
    G = nx.MultiDiGraph()
    G.add_nodes_from([("fnv", {"name": "FNV", "aliases": "Federatie Nederlandse Vakbeweging"}), ("x", {"name": "Other"})])
    assert rank_actors(G, "federatie") == ["fnv"]
    assert rank_actors(G, "nothing like it") == []


def test_standing_ranks_the_best_connected_first_and_says_so_in_words():
    G = _bundled()
    rows = {s["metric"]: s for s in standing(G, "fnv")}
    assert rows["degree"]["rank"] == 1 and rows["degree"]["of"] == G.number_of_nodes()
    assert standing_text(rows["degree"]).startswith(f"{rows['degree']['neighbours']} neighbours: 1st most connected of ")
    assert "0." not in " ".join(standing_text(s) for s in rows.values())  # no raw centrality values


def test_ties_share_a_rank_and_a_zero_is_no_rank():
    G = nx.MultiDiGraph()
    G.add_edges_from([("hub", "a"), ("hub", "b")])
    a, b = standing(G, "a"), standing(G, "b")
    assert a[0]["rank"] == b[0]["rank"] == 2
    assert a[1]["rank"] is None and standing_text(a[1]) == "lies between no others"
