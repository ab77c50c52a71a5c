"""Presentation mode on a 1280x720 projector: every actor on the canvas, every label readable."""

from __future__ import annotations

import pytest

from .test_map import map_frame

# Measured in the map's own page, as vis-network draws it: the label size on screen is the
# label's font size times the zoom; an actor's box (shape and label) must lie inside the canvas.
MEASURE = """() => {
  const net = window.network, scale = net.getScale(), c = document.querySelector('#mynetwork');
  const w = c.clientWidth, h = c.clientHeight;
  let smallest = Infinity, outside = [];
  for (const id of net.body.nodeIndices) {
    const node = net.body.nodes[id];
    smallest = Math.min(smallest, node.labelModule.fontOptions.size * scale);
    const box = node.shape.boundingBox, a = net.canvasToDOM({x: box.left, y: box.top}), b = net.canvasToDOM({x: box.right, y: box.bottom});
    if (a.x < 0 || a.y < 0 || b.x > w || b.y > h) { outside.push(id); }
  }
  return {smallest, outside, nodes: net.body.nodeIndices.length};
}"""


@pytest.mark.parametrize("slide", ["Around FNV", "Road to the minister"])
def test_presentation_at_1280x720_keeps_every_actor_on_the_canvas_and_labels_at_14_px(browser, bundled_app, slide):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        page.goto(f"{bundled_app}/?present=1&slide={slide.replace(' ', '+')}")
        # The slide's own view, drawn (its heading starts with the saved view's name), not the page's first map.
        page.wait_for_function(
            "name => window.network && window.network.sneDrawn === true && document.querySelector('#heading').textContent.startsWith(name + ':')",
            arg=slide,
            timeout=30000,
            polling=100,
        )
        frame = map_frame(page)
        found = frame.evaluate(MEASURE)
        assert found["nodes"] > 3
        assert found["outside"] == []
        assert found["smallest"] >= 14.0
    finally:
        context.close()
