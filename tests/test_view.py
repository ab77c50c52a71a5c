"""apply_view: the one pipeline from a view state to what the map shows and says."""

from __future__ import annotations

import datetime as dt

from network.view import ViewState, apply_view

DAY = dt.date(2026, 11, 23)


def test_default_view_shows_everything_and_says_so(graph):
    r = apply_view(graph, ViewState(), today=DAY)
    assert r.graph.number_of_nodes() == 7
    assert r.caption.startswith("7 of 7 actors, 7 of 7 relations")
    assert "2026-11-23" in r.caption and graph.graph["version"] in r.caption
    assert r.notes == []


def test_focus_hides_or_dims_everyone_beyond_the_hops(graph):
    hidden = apply_view(graph, ViewState(focus="FNV", hops=1))
    assert set(hidden.graph.nodes) == {"fnv", "cnv", "vno", "minister"}
    dimmed = apply_view(graph, ViewState(focus="fnv", hops=1, focus_mode="dim"))
    assert dimmed.graph.number_of_nodes() == 7
    assert dimmed.style.dimmed == {"hukatan", "ser", "lonely"}
    assert "focus: FNV, 1 hop" in dimmed.caption


def test_path_is_highlighted_and_stays_visible_under_a_focus(graph):
    r = apply_view(graph, ViewState(path_from="hukatan", path_to="minister", focus="minister", hops=1))
    assert len(r.paths) == 1
    assert {"hukatan", "cnv", "fnv", "minister"} <= set(r.graph.nodes)
    assert r.style.highlight_edges == {("cnv", "hukatan", "r5"), ("fnv", "cnv", "r0"), ("fnv", "minister", "r3")}


def test_names_that_no_longer_exist_become_notes_not_errors(graph):
    r = apply_view(graph, ViewState(focus="Acme Corp", actor_types=["trade_union", "spaceship"], path_from="fnv", path_to="gone"))
    assert any("no actor named 'Acme Corp'" in n for n in r.notes)
    assert any("spaceship" in n for n in r.notes)
    assert any("'gone'" in n for n in r.notes)
    assert set(r.graph.nodes) == {"fnv", "cnv"}


def test_a_filter_naming_only_missing_values_shows_nothing_rather_than_everything(graph):
    r = apply_view(graph, ViewState(countries=["XX"]))
    assert r.graph.number_of_nodes() == 0


def test_caption_and_legend_follow_the_language(graph):
    r = apply_view(graph, ViewState(lang="nl", actor_types=["trade_union"]))
    assert r.caption.startswith("2 van 7 actoren") and "Vakbond" in r.caption


def test_state_survives_json_and_url_round_trips():
    s = ViewState(
        lang="nl", themes=["a", "b"], focus="fnv", hops=3, focus_mode="dim", physics=True, color_by="community", date_from="2024"
    )
    assert ViewState.from_dict(__import__("json").loads(s.to_json())) == s
    assert ViewState.from_query(s.to_query()) == s


def test_bad_url_values_fall_back_to_defaults():
    s = ViewState.from_query({"hops": "99", "lang": "fr", "focus_mode": "explode", "color_by": "<b>", "bogus": "1"})
    assert (s.hops, s.lang, s.focus_mode, s.color_by) == (3, "en", "hide", "type")


def test_values_with_commas_survive_the_url():
    s = ViewState(sectors=["mining, palm oil", "textile"])
    q = s.to_query()
    assert q["sectors"] == ["mining, palm oil", "textile"]
    assert ViewState.from_query(q) == s


def test_notes_about_missing_actors_follow_the_language(graph):
    r = apply_view(graph, ViewState(lang="nl", focus="Acme"))
    assert r.notes == ["Focus: geen actor met de naam 'Acme'"]


def test_asks_and_people_are_lenses_off_the_opening_map_and_on_when_asked(curated_graph=None):
    from network import build_graph, load_dataset

    from .conftest import ROOT

    G = build_graph(load_dataset(ROOT / "data"))
    types = {n: a.get("type") for n, a in G.nodes(data=True)}
    opening = set(apply_view(G, ViewState()).graph)
    assert not {types[n] for n in opening} & {"theme", "person"}
    assert {types[n] for n in apply_view(G, ViewState(show_people=True)).graph} >= {"person"}
    assert {types[n] for n in apply_view(G, ViewState(show_asks=True)).graph} >= {"theme"}
    minister = next(n for n, t in types.items() if t == "person")
    assert minister in apply_view(G, ViewState(focus=minister)).graph  # naming one shows it
    assert "theme-vmp-funding" in apply_view(G, ViewState(themes=["theme-vmp-funding"])).graph
