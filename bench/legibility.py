"""Legibility figures of the bundled map (issue 11): ``python -m bench.legibility``.

Prints, for the bundled data:
- overlapping label pairs (and labels under an actor or cut at the edge) in the picture
  of the full map and of focus FNV, 2 hops — the PNG, SVG and PDF are drawn from one figure;
- the smallest label and any overlapping label pairs on the slides of the shipped views
  and of the full map;
- how many actors move when one actor with one relation is added (kept positions);
- the smallest label on screen and the actors outside the canvas in presentation mode at
  1280 x 720, measured in headless Chromium (skipped when Chromium is not there).
Goal: 0 overlapping pairs, 0 moved, 0 outside, labels >= 14 px on screen and >= 12 pt on slides.
"""

from __future__ import annotations

import datetime
import io
import sys
import tempfile
from pathlib import Path

import networkx as nx

from network import build_graph, load_dataset
from network.io.folder import bundled_data_dir
from network.layout import data_positions, place_missing
from network.presentation.deck import export_deck
from network.presentation.figure import draw_figure, label_collisions
from network.presentation.render import render_view
from network.presentation.snapshot import make_snapshot
from network.view import ViewState, apply_view
from network.views import default_views_dir, list_views, load_view

DAY = datetime.date(2026, 1, 1)
VIEWPORT = (1280, 720)


def pictures(G: nx.MultiDiGraph) -> None:
    for name, state in (("full map", ViewState()), ("focus FNV, 2 hops", ViewState(focus="fnv", hops=2))):
        snap = make_snapshot(G, state, today=DAY)
        c = label_collisions(draw_figure(snap))
        print(
            f"picture, {name}: {c.labels} labels, {c.overlapping_pairs} overlapping pairs, "
            f"{c.covered} under an actor, {c.cut} cut at the edge, smallest {c.smallest_pt:g} pt"
        )


def slides(G: nx.MultiDiGraph, folder: Path) -> None:
    from pptx import Presentation

    views = [(n, load_view(default_views_dir(folder), n)) for n in list_views(default_views_dir(folder))]
    snaps = [make_snapshot(G, s, title=s.title or n, today=DAY) for n, s in views]
    snaps.append(make_snapshot(G, ViewState(title="Full map"), today=DAY))
    prs = Presentation(io.BytesIO(export_deck(snaps)))
    for snap, slide in zip(snaps, prs.slides):
        labels = [s for s in slide.shapes if s.name.startswith("Label: ")]
        sizes = [r.font.size.pt for s in labels for p in s.text_frame.paragraphs for r in p.runs if r.font.size]
        boxes = [(s.left, s.top, s.left + s.width, s.top + s.height) for s in labels]
        pad = 25400 * 2 // 72 * 1  # 2 pt of the boxes' padding
        pairs = sum(
            1
            for i, a in enumerate(boxes)
            for b in boxes[i + 1 :]
            if a[0] + pad < b[2] - pad and b[0] + pad < a[2] - pad and a[1] + pad < b[3] - pad and b[1] + pad < a[3] - pad
        )
        print(
            f"slide '{snap.title[:40]}': {snap.graph.number_of_nodes()} actors, smallest label "
            f"{min(sizes, default=0):g} pt, {pairs} overlapping label pairs"
        )


def moved_when_one_is_added(G: nx.MultiDiGraph, folder: Path) -> None:
    before = data_positions(G, folder)
    H = G.copy()
    H.add_node("bench-newcomer", name="Newcomer", type="ngo")
    H.add_edge("bench-newcomer", "fnv", key="bench", type="partners_with", directed=False)
    after = place_missing(H, before)
    moved = sum(1 for n in before if after[n] != before[n])
    source = "positions.csv" if (folder / "positions.csv").exists() else "computed layout (no positions.csv)"
    print(f"actors moved when one actor is added: {moved} of {len(before)} ({source})")


def presentation(G: nx.MultiDiGraph) -> None:
    try:
        from playwright.sync_api import sync_playwright

        from bench.benchmark import CHROMIUM, LAUNCH_ARGS
    except ImportError:
        print("presentation mode: playwright not installed; skipped")
        return
    if not Path(CHROMIUM).exists():
        print(f"presentation mode: no Chromium at {CHROMIUM}; skipped")
        return
    measure = """() => {
      const net = window.network, scale = net.getScale(), c = document.querySelector('#mynetwork');
      const w = c.clientWidth, h = c.clientHeight;
      let smallest = Infinity, outside = 0, hidden = 0;
      for (const id of net.body.nodeIndices) {
        const node = net.body.nodes[id];
        const px = node.labelModule.fontOptions.size * scale;
        if (px < (net.body.nodes[id].options.scaling.label.drawThreshold || 0)) { hidden++; } else { smallest = Math.min(smallest, px); }
        const box = node.shape.boundingBox, a = net.canvasToDOM({x: box.left, y: box.top}), b = net.canvasToDOM({x: box.right, y: box.bottom});
        if (a.x < 0 || a.y < 0 || b.x > w || b.y > h) { outside++; }
      }
      return {smallest, outside, hidden, nodes: net.body.nodeIndices.length};
    }"""
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            for name, state in (("full map", ViewState()), ("focus FNV, 2 hops", ViewState(focus="fnv", hops=2))):
                page_path = Path(tmp) / "present.html"
                page_path.write_text(render_view(G, apply_view(G, state, today=DAY), presenting=True, viewport=VIEWPORT), "utf-8")
                page = browser.new_page(viewport={"width": VIEWPORT[0], "height": VIEWPORT[1]})
                page.goto(page_path.as_uri())
                page.wait_for_function('document.body.dataset.drawn === "true"', timeout=30_000)
                r = page.evaluate(measure)
                print(
                    f"presentation mode {VIEWPORT[0]}x{VIEWPORT[1]}, {name}: {r['nodes']} actors, smallest label "
                    f"{r['smallest']:.1f} px, {r['outside']} outside the canvas, {r['hidden']} labels hidden"
                )
                page.close()
        finally:
            browser.close()


def main() -> int:
    folder = bundled_data_dir()
    G = build_graph(load_dataset(folder))
    pictures(G)
    slides(G, folder)
    moved_when_one_is_added(G, folder)
    presentation(G)
    return 0


if __name__ == "__main__":
    sys.exit(main())
