"""Big maps draw their edges in the page's own canvas layer: the lines, arrows, selection and tooltips work as with vis-network edges."""

from __future__ import annotations

import networkx as nx
import pytest
from playwright.sync_api import expect

from network import vocabulary as vocab
from network.presentation import render
from network.presentation.render import MapStyle, render_html

XSS = "<img src=x onerror=alert(1)>"
POSITIONS = {"a": (0.0, 0.0), "b": (400.0, 0.0), "c": (0.0, 400.0), "d": (400.0, 400.0)}


def _graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for n, t in [("a", "trade_union"), ("b", "ministry"), ("c", "company"), ("d", "ngo")]:
        G.add_node(n, name=f"Actor {n.upper()}", type=t)
    G.add_edge("a", "b", key="r0", type="addresses", directed=True, evidence="alpha quote")
    G.add_edge("b", "a", key="r1", type="advises", directed=True, evidence="back again")
    G.add_edge("a", "c", key="r2", type="funds", directed=True, evidence=XSS)
    G.add_edge("c", "d", key="r3", type="partners_with", directed=False, evidence="partners, " + "in a long quote " * 15)
    return G


@pytest.fixture
def layer_page(browser, tmp_path, monkeypatch):
    """The four-actor map, forced into the edge layer, open in Chromium; helpers for canvas pixels."""
    monkeypatch.setattr(render, "LIGHT_EDGES_ABOVE", 0)
    G = _graph()
    path = tmp_path / "map.html"
    # Every claim its own line: these tests follow single relations through the layer.
    path.write_text(render_html(G, POSITIONS, MapStyle(every_claim=True)), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_function('document.body.dataset.drawn === "true"', timeout=20_000)
    # Zoomed so that a line is more than a pixel wide, the way a reader looks at it.
    _redrawn_after(page, "window.network.moveTo({position: {x: 200, y: 200}, scale: 1.6, animation: false})")
    page.dialogs = dialogs
    yield page
    context.close()


def _redrawn_after(page, script: str) -> None:
    """Run ``script`` in the page and wait until the map has been drawn again."""
    page.evaluate(
        "(script) => new Promise((done) => { window.network.once('afterDrawing', () => done()); eval(script); window.network.redraw(); })",
        script,
    )


def _dom(page, x: float, y: float) -> tuple[float, float]:
    """Page coordinates of the canvas point (x, y)."""
    p = page.evaluate("([x, y]) => window.network.canvasToDOM({x: x, y: y})", [x, y])
    box = page.locator("#mynetwork").bounding_box()
    return box["x"] + p["x"], box["y"] + p["y"]


def _local(page, x: float, y: float) -> list[float]:
    """The canvas point (x, y) in the map's own pixels, as the edge layer's hit test takes it."""
    p = page.evaluate("([x, y]) => window.network.canvasToDOM({x: x, y: y})", [x, y])
    return [p["x"], p["y"]]


def _pixel(page, x: float, y: float) -> list[int]:
    """RGBA of the map canvas around the canvas point (x, y): the most opaque pixel within 3 px, alpha 0 if none."""
    return page.evaluate(
        """([x, y]) => {
            const p = window.network.canvasToDOM({x: x, y: y});
            const canvas = document.querySelector("#mynetwork canvas");
            const r = window.devicePixelRatio || 1;
            const d = canvas.getContext("2d").getImageData(Math.round(p.x * r) - 3, Math.round(p.y * r) - 3, 7, 7).data;
            let best = [0, 0, 0, 0];
            for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > best[3]) { best = Array.from(d.slice(i, i + 4)); } }
            return best;
        }""",
        [x, y],
    )


def _close(rgba: list[int], hex_color: str, tolerance: int = 40) -> bool:
    want = [int(hex_color[i : i + 2], 16) for i in (1, 3, 5)]
    return rgba[3] > 100 and all(abs(a - b) <= tolerance for a, b in zip(rgba, want))


def _empty(rgba: list[int]) -> bool:
    return rgba[3] == 0


def _tooltip(page) -> str:
    page.wait_for_function(
        "document.querySelector('.sne-edge-tooltip') && document.querySelector('.sne-edge-tooltip').style.visibility === 'visible'",
        timeout=5_000,
    )
    return page.inner_text(".sne-edge-tooltip")


def test_every_edge_is_drawn_by_the_layer_in_its_relation_colour(layer_page):
    page = layer_page
    assert page.evaluate("window.network.body.data.edges.length") == 0
    assert page.evaluate("window.mapData.edgeLayer.count") == 4
    assert _close(_pixel(page, 0, 200), vocab.relation_type("funds").color)  # a → c, midway
    assert _close(_pixel(page, 200, 400), vocab.relation_type("partners_with").color)  # c — d
    assert _empty(_pixel(page, 200, 200))  # nothing drawn between the edges


def test_hovering_an_edge_shows_its_quote_as_text_and_parallel_relations_together(layer_page):
    page = layer_page
    page.mouse.move(*_dom(page, 200, 0))
    text = _tooltip(page)
    assert "Actor A → Actor B" in text and "alpha quote" in text
    assert "Actor B → Actor A" in text and "back again" in text
    page.mouse.move(*_dom(page, 0, 200))
    assert XSS in _tooltip(page)
    assert page.locator("#mynetwork img").count() == 0 and page.dialogs == []
    page.mouse.move(*_dom(page, 200, 200))  # empty space: the tooltip goes away
    expect(page.locator(".sne-edge-tooltip")).to_be_hidden()
    # and comes back after the layer's pause only where it finds a line: here it finds none
    assert page.evaluate("([x, y]) => window.mapData.edgeLayer.at(x, y).length", _local(page, 200, 200)) == 0
    assert page.evaluate("([x, y]) => window.mapData.edgeLayer.at(x, y).length", _local(page, 0, 200)) == 1


def test_selecting_an_actor_darkens_its_edges_and_dragging_it_carries_them(layer_page):
    page = layer_page
    before = _pixel(page, 0, 200)
    _redrawn_after(page, "window.network.selectNodes(['c'])")
    assert _close(_pixel(page, 0, 200), "#000000", 60) and not _close(before, "#000000", 60)
    assert not _close(_pixel(page, 200, 0), "#000000", 60)  # a–b does not touch c
    _redrawn_after(page, "window.network.unselectAll(); window.network.moveNode('d', 400, 300)")
    assert _close(_pixel(page, 200, 350), vocab.relation_type("partners_with").color)  # c — d follows d
    assert _empty(_pixel(page, 200, 400))


def _ink(page, x: float, y: float, radius: int = 6) -> int:
    """How many pixels around the canvas point (x, y) are drawn on."""
    return page.evaluate(
        """([x, y, r]) => {
            const p = window.network.canvasToDOM({x: x, y: y});
            const canvas = document.querySelector("#mynetwork canvas");
            const k = window.devicePixelRatio || 1;
            const d = canvas.getContext("2d").getImageData(Math.round(p.x * k) - r, Math.round(p.y * k) - r, 2 * r + 1, 2 * r + 1).data;
            let n = 0;
            for (let i = 3; i < d.length; i += 4) { if (d[i] > 100) { n += 1; } }
            return n;
        }""",
        [x, y, radius],
    )


def test_directed_relations_get_an_arrow_head_at_the_target_and_mutual_ones_none(layer_page):
    page = layer_page
    assert _ink(page, 0, 373) > 2 * _ink(page, 0, 200)  # a → c: by c, line and arrow head; midway, the line
    assert _ink(page, 373, 400) <= _ink(page, 200, 400) + 2  # c — d: by d as midway, a line only


def test_over_an_actor_vis_networks_own_tooltip_shows_and_the_edge_tooltip_does_not(layer_page):
    page = layer_page
    page.mouse.move(*_dom(page, 0, 0))
    page.wait_for_function(
        "[...document.querySelectorAll('div.vis-tooltip:not(.sne-edge-tooltip)')].some(d => d.style.visibility === 'visible')",
        timeout=5_000,
    )
    # Lines meet at the actor (the layer would show them), and its pause is no longer than
    # vis-network's tooltip delay: had it not held back, its tooltip would be up by now.
    assert page.evaluate("([x, y]) => window.mapData.edgeLayer.at(x, y).length", _local(page, 0, 0)) > 0
    expect(page.locator(".sne-edge-tooltip")).to_be_hidden()


def test_the_edge_tooltip_stays_inside_the_map(layer_page):
    page = layer_page
    page.mouse.move(*_dom(page, 350, 400))  # c — d, at the bottom right of the map
    assert "partners, in a long quote" in _tooltip(page)
    tip = page.locator(".sne-edge-tooltip").bounding_box()
    area = page.locator("#mynetwork").bounding_box()
    assert tip["x"] >= area["x"] and tip["x"] + tip["width"] <= area["x"] + area["width"] + 1
    assert tip["y"] >= area["y"] and tip["y"] + tip["height"] <= area["y"] + area["height"] + 1
    assert tip["width"] > 300  # flipped to where there is room, not squeezed against the edge
