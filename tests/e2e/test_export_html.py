"""The exported HTML map opened from file:// in headless Chromium: it draws offline and asks nothing of the network."""

from __future__ import annotations

import datetime

import pytest

from network.presentation.export import export_file, make_snapshot
from network.view import ViewState

LOCAL = ("file://", "data:", "about:", "blob:")


@pytest.fixture
def offline_page(browser):
    """A page whose every request outside file://, data: and about: is aborted and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []

    def _route(route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", _route)
    page = context.new_page()
    page.outside_requests = outside
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


@pytest.mark.parametrize(
    "state",
    [ViewState(title="Whole map"), ViewState(actor_types=["trade_union", "ministry"], title="Unions and the minister")],
    ids=["whole", "filtered"],
)
def test_exported_html_draws_every_shown_actor_from_file_without_the_network(offline_page, graph, tmp_path, state):
    snap = make_snapshot(graph, state, today=datetime.date(2026, 5, 10))
    path = export_file(snap, "html", tmp_path / "map.html")
    offline_page.goto(path.as_uri())
    offline_page.wait_for_function('document.body.dataset.drawn === "true"', timeout=20_000)
    assert offline_page.evaluate("window.network.body.data.nodes.length") == snap.graph.number_of_nodes()
    assert offline_page.evaluate("window.network.body.data.edges.length") == snap.graph.number_of_edges()
    assert snap.title in offline_page.inner_text("#heading")
    assert offline_page.outside_requests == []
    assert offline_page.dialogs == []
