"""Graph operations: finding actors, filters, neighbourhoods and paths, on the fixture graph."""

from __future__ import annotations

import pytest

from network.graph import UnknownActorError, filter_graph, neighbourhood, resolve_actor, shortest_paths


def test_graph_keeps_every_attribute_and_traces_edges_to_rows(graph):
    assert graph.nodes["hukatan"]["country"] == "ID"
    e = graph.edges["fnv", "minister", "r3"]
    assert e["evidence"] == "Aan de minister" and e["source_doc"] == "doc1" and e["directed"] is True


@pytest.mark.parametrize(
    "query", ["fnv", "FNV", "  fnv ", "Federatie Nederlandse Vakbeweging", "federatie nederlandse vakbeweging"]
)
def test_actor_is_found_by_id_name_or_alias_ignoring_case(graph, query):
    assert resolve_actor(graph, query) == "fnv"


def test_unknown_actor_error_lists_close_matches(graph):
    assert resolve_actor(graph, "Hukatan-KSBSI") == "hukatan"
    with pytest.raises(UnknownActorError) as info:
        resolve_actor(graph, "hukatn-ksbsi")
    assert "Hukatan-KSBSI (hukatan)" in str(info.value)


def test_actor_type_filter_drops_actors_and_their_relations(graph):
    H = filter_graph(graph, actor_types=["trade_union"])
    assert set(H.nodes) == {"fnv", "cnv"}
    assert [e["type"] for *_, e in H.edges(data=True)] == ["co_signs"]


def test_relation_filter_drops_actors_left_without_relations(graph):
    H = filter_graph(graph, relation_types=["co_signs"])
    assert set(H.nodes) == {"fnv", "cnv", "vno"}


def test_date_filter_keeps_relations_whose_period_overlaps(graph):
    # 2025 (trains) overlaps 2025-06; 2026 and 2023 do not
    H = filter_graph(graph, date_from="2025-06", date_to="2025-06")
    assert sorted(H.nodes) == ["cnv", "hukatan"]
    assert filter_graph(graph, date_from="2026").number_of_edges() == 5


def test_country_and_document_filters(graph):
    assert set(filter_graph(graph, countries=["ID"]).nodes) == {"hukatan"}
    assert set(filter_graph(graph, source_docs=["doc2"]).nodes) == {"cnv", "hukatan", "ser"}


def test_theme_filter_keeps_the_theme_and_its_advocates(graph):
    graph.add_node("vmp-ask", name="Keep VMP", type="theme")
    graph.add_edge("cnv", "vmp-ask", key="t1", type="advocates_for", directed=True)
    graph.add_edge("hukatan", "vmp-ask", key="t2", type="advocates_for", directed=True)
    H = filter_graph(graph, themes=["vmp-ask"])
    assert set(H.nodes) == {"vmp-ask", "cnv", "hukatan"}
    assert H.has_edge("cnv", "hukatan")  # relations among those who stand together stay


def test_neighbourhood_grows_with_hops_ignoring_direction(graph):
    assert neighbourhood(graph, "fnv", 1) == {"fnv", "cnv", "vno", "minister"}
    assert neighbourhood(graph, "fnv", 2) == {"fnv", "cnv", "vno", "minister", "hukatan", "ser"}
    assert neighbourhood(graph, "minister", 1) == {"minister", "fnv"}  # against the arrow too


def test_shortest_path_can_be_counted_by_hand(graph):
    [path] = shortest_paths(graph, "hukatan", "minister")
    assert [(h.source, h.target) for h in path] == [("hukatan", "cnv"), ("cnv", "fnv"), ("fnv", "minister")]
    assert [r["type"] for r in path[0].relations] == ["trains"]
    assert path[2].relations[0]["evidence"] == "Aan de minister"


def test_all_shortest_paths_of_equal_length_are_listed(graph):
    graph.add_edge("hukatan", "lonely", key="x1", type="partners_with", directed=False)
    graph.add_edge("lonely", "fnv", key="x2", type="partners_with", directed=False)
    paths = shortest_paths(graph, "hukatan", "minister")
    assert len(paths) == 2 and all(len(p) == 3 for p in paths)


def test_path_restricted_to_relation_types_or_missing_is_empty(graph):
    assert shortest_paths(graph, "hukatan", "minister", ["trains", "co_signs"]) == []
    assert shortest_paths(graph, "lonely", "fnv") == []
    assert len(shortest_paths(graph, "hukatan", "minister", ["trains", "co_signs", "addresses"])) == 1


def test_paths_do_not_run_through_themes_or_laws_unless_asked(graph):
    # two actors who argue for the same ask are not a channel between them
    graph.add_node("ask", name="An ask", type="theme")
    graph.add_edge("hukatan", "ask", key="t1", type="advocates_for", directed=True)
    graph.add_edge("minister", "ask", key="t2", type="advocates_for", directed=True)
    assert len(shortest_paths(graph, "hukatan", "minister")[0]) == 3
    assert [h.target for h in shortest_paths(graph, "hukatan", "minister", via_stances=True)[0]] == ["ask", "minister"]
    assert [h.target for h in shortest_paths(graph, "hukatan", "ask")[0]] == ["ask"]  # a theme may be an end
