"""The overview of a big map: groups instead of actors, opened on demand."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from bench.synthetic import write_synthetic
from network import build_graph, load_dataset
from network.overview import (
    OVERVIEW_THRESHOLD,
    aggregate,
    group_id,
    membership,
    parse_group_id,
)
from network.presentation.render import render_view
from network.view import ViewState, apply_view

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> nx.MultiDiGraph:
    return build_graph(load_dataset(write_synthetic(tmp_path_factory.mktemp("synthetic"), 1500, seed=2)))


def _pair(a, b):
    return tuple(sorted((a, b)))


@pytest.mark.parametrize("by", ["type", "community", "country"])
def test_group_counts_add_up_to_the_actor_count(big, by):
    H = aggregate(big, by)
    assert all(parse_group_id(n) is not None for n in H.nodes)
    assert sum(a["members"] for _, a in H.nodes(data=True)) == big.number_of_nodes()
    assert H.number_of_nodes() < big.number_of_nodes() / 10


@pytest.mark.parametrize("by", ["type", "community", "country"])
def test_edge_counts_between_groups_match_the_relations(big, by):
    group = membership(big, by)
    expected = Counter(_pair(group_id(by, group[u]), group_id(by, group[v])) for u, v in big.edges() if group[u] != group[v])
    inside = Counter(group_id(by, group[u]) for u, v in big.edges() if group[u] == group[v])
    H = aggregate(big, by)
    got = Counter()
    for u, v, e in H.edges(data=True):
        got[_pair(u, v)] += e["weight"]
        assert sum(e["relation_counts"].values()) == e["weight"]
        assert e["directed"] is False
    assert got == expected
    assert max(Counter(_pair(u, v) for u, v in H.edges()).values()) == 1  # one edge per pair of groups
    assert {n: a["internal"] for n, a in H.nodes(data=True) if a["internal"]} == dict(inside)
    assert sum(got.values()) + sum(inside.values()) == big.number_of_edges()


def test_a_group_by_type_is_named_and_drawn_as_its_type(big):
    H = aggregate(big, "type")
    companies = sum(1 for _, a in big.nodes(data=True) if a["type"] == "company")
    node = H.nodes["group:type:company"]
    assert node["type"] == "company"
    assert node["name"] == f"Company ({companies:,})"
    assert node["size"] == companies
    assert aggregate(big, "type", lang="nl").nodes["group:type:company"]["name"] == f"Bedrijf ({companies:,})".replace(",", ".")


def test_expanding_one_group_shows_its_members_and_keeps_the_others_collapsed(big):
    H = aggregate(big, "type", expanded=["group:type:trade_union"])
    unions = {n for n, a in big.nodes(data=True) if a["type"] == "trade_union"}
    others = {a["type"] for n, a in big.nodes(data=True)} - {"trade_union"}
    assert unions <= set(H.nodes)
    assert "group:type:trade_union" not in H
    assert {n for n in H.nodes if parse_group_id(n)} == {group_id("type", t) for t in others}
    assert set(H.nodes) == unions | {group_id("type", t) for t in others}
    for n in unions:
        assert H.nodes[n]["name"] == big.nodes[n]["name"]  # the real actor, with its attributes
    # Real relations between the opened members, each with its own key.
    real = {(u, v, k) for u, v, k in big.edges(keys=True) if u in unions and v in unions}
    assert {(u, v, k) for u, v, k in H.edges(keys=True) if u in unions and v in unions} == real
    # Each member's relations to a closed group are counted on one edge.
    types = membership(big, "type")
    expected = Counter()
    for u, v in big.edges():
        if (u in unions) != (v in unions):
            member, other = (u, v) if u in unions else (v, u)
            expected[(member, group_id("type", types[other]))] += 1
    got = Counter()
    for u, v, e in H.edges(data=True):
        if (u in unions) != (v in unions):
            got[(u, v) if u in unions else (v, u)] += e["weight"]
    assert got == expected


def test_a_group_can_be_opened_by_its_key_too(big):
    assert set(aggregate(big, "country", expanded=["NL"]).nodes) == set(
        aggregate(big, "country", expanded=["group:country:NL"]).nodes
    )


def test_the_overview_is_deterministic(big):
    def dump(H):
        return list(H.nodes(data=True)), list(H.edges(keys=True, data=True))

    assert dump(aggregate(big, "community")) == dump(aggregate(big.copy(), "community"))
    assert render_view(big, apply_view(big, ViewState(overview="type"))) == render_view(
        big.copy(), apply_view(big.copy(), ViewState(overview="type"))
    )


def test_an_unknown_grouping_is_refused(big):
    with pytest.raises(ValueError, match="cannot group by"):
        aggregate(big, "colour")


def _opens_on(actors: int, params: dict[str, str] | None = None) -> str:
    """The overview a link opens a map of ``actors`` unconnected actors on, as the app asks ('' for every actor)."""
    from network.view import initial_state

    G = nx.MultiDiGraph(version="v", sources={})
    G.add_nodes_from((f"a{i}", {"name": f"Actor {i}", "type": "ngo"}) for i in range(actors))
    return initial_state(G, params or {}, overview_above=OVERVIEW_THRESHOLD)[0].overview


def test_a_map_opens_on_every_actor_up_to_10000_and_on_its_groups_above_the_threshold():
    # 10,000 actors is the benchmark's biggest map, drawn actor by actor within 2 s (make benchmark).
    assert _opens_on(10_000) == ""
    assert _opens_on(OVERVIEW_THRESHOLD + 1) == "type"
    assert _opens_on(OVERVIEW_THRESHOLD + 1, {"overview": ""}) == ""  # unless the link says otherwise
    assert _opens_on(OVERVIEW_THRESHOLD + 1, {"overview": "country"}) == "country"


@pytest.mark.e2e
def test_the_overview_draws_in_headless_chromium(big, tmp_path):
    from bench.pipeline import ChromiumTimer

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    page = tmp_path / "overview.html"
    page.write_text(render_view(big, apply_view(big, ViewState(overview="community", expanded=["1"]))), encoding="utf-8")

    def draw() -> float | None:
        timer = ChromiumTimer(str(CHROMIUM))
        try:
            return timer.first_draw(page, timeout=60)
        finally:
            timer.close()

    # Its own thread: playwright's sync API cannot start inside the event loop that the
    # browser tests' session-wide Chromium keeps running in this one.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(draw).result() is not None
