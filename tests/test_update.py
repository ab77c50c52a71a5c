"""What the app's map component is handed for a view (network/presentation/update.py)."""

from __future__ import annotations

import json
import typing

import networkx as nx

from network.positions import data_positions
from network.presentation import render
from network.presentation.render import render_view
from network.presentation.update import MapView, map_view
from network.view import ViewState, apply_view

from .test_render import _embedded


def _view(G: nx.MultiDiGraph, **state: object) -> MapView:
    return map_view(G, apply_view(G, ViewState(**state)), positions=data_positions(G))


def test_the_map_is_handed_what_the_exported_page_draws_for_the_same_view(graph):
    # One drawing for the app and the exports: the same actors, styles and positions, whatever the view.
    for state in ({}, {"focus": "fnv", "focus_mode": "dim"}, {"color_by": "community", "lang": "nl"}, {"overview": "type"}):
        view = _view(graph, **state)
        page = render_view(graph, apply_view(graph, ViewState(**state)), positions=data_positions(graph))
        assert view["nodes"] == _embedded(page, "nodes"), state
        drawn = [{k: v for k, v in e.items() if k != "id"} for e in view["edges"]]
        assert drawn == [{k: v for k, v in e.items() if k != "id"} for e in _embedded(page, "edges")], state


def test_every_item_has_an_id_of_its_own_so_the_map_can_update_it_in_place(graph):
    view = _view(graph, every_claim=True, show_asks=True, show_people=True)
    for kind in ("nodes", "edges"):
        ids = [item["id"] for item in view[kind]]
        assert len(ids) == len(set(ids)) == len(view[kind]) > 0, kind


def test_the_view_is_json_with_every_field_the_component_reads(graph):
    view = _view(graph, focus="fnv", lang="nl")
    assert set(view) == set(typing.get_type_hints(MapView))
    assert json.loads(json.dumps(view)) == view
    assert view["lang"] == "nl" and view["legend"]["title"] == "Legenda" and "FNV" in view["caption"]


def test_a_language_switch_changes_texts_and_tooltips_but_not_what_is_drawn(graph):
    en, nl = _view(graph, color_by="community"), _view(graph, color_by="community", lang="nl")
    assert [n["id"] for n in en["nodes"]] == [n["id"] for n in nl["nodes"]]
    assert [e["id"] for e in en["edges"]] == [e["id"] for e in nl["edges"]]
    assert en["legend"] != nl["legend"] and en["controls"] != nl["controls"]
    assert any(a.get("title") != b.get("title") for a, b in zip(en["edges"], nl["edges"], strict=True))


def test_a_big_map_hands_its_edge_layer_with_the_actors_it_points_into_and_every_tooltip(graph, monkeypatch):
    monkeypatch.setattr(render, "LIGHT_EDGES_ABOVE", 0)
    view = _view(graph)
    layer = view["layer"]
    assert layer is not None and layer["nodes"] == [n["id"] for n in view["nodes"]]
    lines = len(layer["edges"]) // 3
    assert lines == len(layer["tips"]) > 0
    assert max(layer["edges"][0::3] + layer["edges"][1::3]) < len(layer["nodes"])
