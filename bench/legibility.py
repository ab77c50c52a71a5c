"""Legibility figures of the bundled map (issue 11): ``python -m bench.legibility``.

Prints, for the bundled data:
- overlapping label pairs (and labels under an actor or cut at the edge) in the picture
  of the full map and of focus FNV, 2 hops — the PNG, SVG and PDF are drawn from one figure;
- the smallest label and any overlapping label pairs on the slides of the shipped views
  and of the full map;
- how many actors move when one actor with one relation is added (kept positions);
- the smallest label on screen and the actors outside the canvas in presentation mode at
  1280 x 720, measured in headless Chromium (skipped when Chromium is not there);
- in the app itself, in headless Chromium (issue 23): the opening map at 1280 x 720 and
  1920 x 1080, focus FNV, the path UHISPAWU -> min-buza-bhos and each presentation slide: actors
  shown and labelled, the smallest label in px, label-label and label-shape overlaps, how much of
  the frame the drawing spans, actors outside the canvas; and whether the wheel over the map
  scrolls the page (and leaves the map's zoom alone).
Goal: 0 overlapping pairs, 0 moved, 0 outside, labels >= 14 px on screen and >= 12 pt on slides,
every shown actor labelled, the drawing spanning >= 80 % of the frame's width or height, the wheel
scrolling the page. ``python -m bench.legibility --app`` prints only the app's figures.
"""

from __future__ import annotations

import datetime
import io
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote_plus

import networkx as nx

from network import build_graph, load_dataset
from network.io.folder import bundled_data_dir
from network.layout import place_missing
from network.positions import data_positions
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
        labels = [s for s in _all_shapes(slide.shapes) if s.name.startswith("Label: ")]
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


def _all_shapes(shapes: object) -> list:
    """Every shape, those inside groups too (an actor is grouped with its label)."""
    out = []
    for shape in shapes:  # type: ignore[attr-defined]
        out.append(shape)
        if shape.shape_type == 6:  # MSO_SHAPE_TYPE.GROUP
            out += _all_shapes(shape.shapes)
    return out


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

        from bench.pipeline import CHROMIUM, LAUNCH_ARGS
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


# Measured in the page that draws the map, as vis-network draws it (issue 23; since issue 26 the
# app's own page). A label's box is where its text is drawn (vis-network's box moved by
# font.vadjust); a shape's box is the shape's own square. Boxes are in CSS pixels on screen;
# overlaps of less than one pixel are not counted (anti-aliasing). The frame is the part of the
# map's canvas inside the browser's window: a canvas taller than the window (or scrolled) is
# measured as far as a person sees it. Actors counted are those the view frames (the path's when
# it names them, sneFit) and any other in sight; "outside" counts framed actors not wholly in the
# frame.
MEASURE_JS = """() => {
  const net = window.network, scale = net.getScale(), c = document.querySelector('#mynetwork');
  const rect = c.getBoundingClientRect(), vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
  // The visible part of the canvas, in the canvas's own DOM coordinates.
  const x0 = Math.max(0, -rect.left), y0 = Math.max(0, -rect.top);
  const x1 = Math.min(c.clientWidth, vw - rect.left), y1 = Math.min(c.clientHeight, vh - rect.top);
  const w = Math.max(0, x1 - x0), h = Math.max(0, y1 - y0);
  const framed = new Set((net.sneFramed && net.sneFramed.length > 1) ? net.sneFramed : net.body.nodeIndices);
  const labels = [], shapes = [];
  let smallest = Infinity, labelled = 0, shown = 0, outside = [];
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  const dom = (x, y) => net.canvasToDOM({x, y});
  const onScreen = (b) => b[2] > x0 && b[0] < x1 && b[3] > y0 && b[1] < y1;
  for (const id of net.body.nodeIndices) {
    const node = net.body.nodes[id], lm = node.labelModule, r = node.options.size || 0;
    const a = dom(node.x - r, node.y - r), b = dom(node.x + r, node.y + r);
    let box = [a.x, a.y, b.x, b.y], label = null;
    const px = lm.fontOptions.size * scale;
    const threshold = (node.options.scaling && node.options.scaling.label && node.options.scaling.label.enabled)
      ? node.options.scaling.label.drawThreshold : 0;
    if (lm.elementOptions.label && lm.size.width > 0 && px >= threshold) {
      const t = lm.size.top + (lm.fontOptions.vadjust || 0);
      const p = dom(lm.size.left, t), q = dom(lm.size.left + lm.size.width, t + lm.size.height);
      label = [id, p.x, p.y, q.x, q.y];
      box = [Math.min(box[0], p.x), Math.min(box[1], p.y), Math.max(box[2], q.x), Math.max(box[3], q.y)];
    }
    if (framed.has(id) && (box[0] < x0 - 0.5 || box[1] < y0 - 0.5 || box[2] > x1 + 0.5 || box[3] > y1 + 0.5)) { outside.push(id); }
    // Counted: the actors the view frames, and any other in sight (a path's surroundings).
    if (!framed.has(id) && !onScreen(box)) { continue; }
    shown += 1;
    shapes.push([id, a.x, a.y, b.x, b.y]);
    if (label) { labelled += 1; smallest = Math.min(smallest, px); labels.push(label); }
    left = Math.min(left, Math.max(box[0], x0)); top = Math.min(top, Math.max(box[1], y0));
    right = Math.max(right, Math.min(box[2], x1)); bottom = Math.max(bottom, Math.min(box[3], y1));
  }
  const meet = (a, b) => a[1] < b[3] - 1 && b[1] < a[3] - 1 && a[2] < b[4] - 1 && b[2] < a[4] - 1;
  const pairs = [], onShapes = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) { if (meet(labels[i], labels[j])) { pairs.push([labels[i][0], labels[j][0]]); } }
    for (const s of shapes) { if (s[0] !== labels[i][0] && meet(labels[i], s)) { onShapes.push([labels[i][0], s[0]]); } }
  }
  return {shown, framed: framed.size, labelled, smallest: smallest === Infinity ? 0 : smallest, label_label: pairs,
          label_shape: onShapes, span: Math.max((right - left) / w, (bottom - top) / h), outside,
          width: Math.round(w), height: Math.round(h), canvas_height: c.clientHeight, scale};
}"""

# What the app shows, by URL (the view's state in the query, as the app writes it).
APP_VIEWS = (
    ("opening map", "/", (1280, 720)),
    ("opening map", "/", (1920, 1080)),
    ("focus FNV", "/?focus=fnv", (1280, 720)),
    ("focus FNV", "/?focus=fnv", (1920, 1080)),
    ("path UHISPAWU -> min-buza-bhos", "/?path_from=uhispawu&path_to=min-buza-bhos", (1280, 720)),
    ("path UHISPAWU -> min-buza-bhos", "/?path_from=uhispawu&path_to=min-buza-bhos", (1920, 1080)),
    # Over 80 actors: labels give way by rank (the 20 best connected never do).
    ("every actor (asks and people shown)", "/?show_asks=true&show_people=true", (1280, 720)),
    ("every actor (asks and people shown)", "/?show_asks=true&show_people=true", (1920, 1080)),
)


def app_figures(folder: Path, screenshots: Path | None = None) -> list[dict[str, object]]:
    """The app's map in headless Chromium, as ``MEASURE_JS`` finds it, for each view and each slide."""
    from playwright.sync_api import sync_playwright

    from bench import server
    from bench.pipeline import CHROMIUM, LAUNCH_ARGS

    names = list_views(default_views_dir(folder)) if default_views_dir(folder).is_dir() else []
    views = list(APP_VIEWS) + [
        (f"slide '{n}'", f"/?present=1&slide={quote_plus(n)}", size) for n in names for size in ((1280, 720), (1920, 1080))
    ]
    rows: list[dict[str, object]] = []
    proc, url = server.start_streamlit(folder)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            try:
                for name, path, (vw, vh) in views:
                    page = browser.new_page(viewport={"width": vw, "height": vh})
                    page.goto(url + path)
                    frame = settled(page)
                    row: dict[str, object] = {"view": name, "size": f"{vw}x{vh}", **frame.evaluate(MEASURE_JS)}
                    if screenshots is not None:
                        slug = "-".join("".join(ch if ch.isalnum() else " " for ch in name.lower()).split())
                        page.screenshot(path=str(screenshots / f"{slug}-{vw}x{vh}.png"))
                    if name == "opening map":
                        row["wheel_scrolls_page"] = wheel_scrolls_page(page)
                    rows.append(row)
                    page.close()
            finally:
                browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return rows


# True once the map has drawn its newest view, the app's run is over and the drawing has held still
# between two polls: the map is framed again when its frame settles (the app's layout, the legend),
# and a person reads what they see once it has stopped changing. The last look is kept on the
# window under a name of the benchmark's own.
SETTLED_JS = """() => {
  const net = window.network, app = document.querySelector('[data-testid=stApp]');
  if (!net || net.sneDrawn !== true || !app || app.dataset.testScriptState !== 'notRunning') { return false; }
  const r = document.querySelector('#mynetwork').getBoundingClientRect(), at = net.getViewPosition();
  const look = JSON.stringify([net.sneView, net.getScale(), at.x, at.y, r.left, r.top, r.width, r.height]);
  const same = window.__sneBenchLook === look;
  window.__sneBenchLook = look;
  return same;
}"""


def settled(page: object, timeout: float = 60.0) -> object:
    """The frame that draws the map (the app's page), once its newest view is drawn and holds still."""
    page.wait_for_function(SETTLED_JS, timeout=timeout * 1000, polling=300)  # type: ignore[attr-defined]
    return page.main_frame  # type: ignore[attr-defined]


def wheel_scrolls_page(page: object) -> bool:
    """Whether the wheel over the map scrolls the app's page and leaves the map's zoom as it was."""
    scroller = (
        "(() => { const m = document.querySelector('[data-testid=stMain]') || document.scrollingElement; return m.scrollTop; })()"
    )
    box = page.locator("#mynetwork").bounding_box()  # type: ignore[attr-defined]
    before_scale = page.evaluate("window.network.getScale()")  # type: ignore[attr-defined]
    before = page.evaluate(scroller)  # type: ignore[attr-defined]
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # type: ignore[attr-defined]
    page.mouse.wheel(0, 400)  # type: ignore[attr-defined]
    try:  # smooth scrolling takes a few frames; a page that does not scroll is waited for this long
        page.wait_for_function(f"{scroller} > {before}", timeout=3000)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - playwright's TimeoutError: it did not scroll
        return False
    return bool(page.evaluate("window.network.getScale()") == before_scale)  # type: ignore[attr-defined]


def print_app_figures(rows: list[dict[str, object]]) -> None:
    for r in rows:
        hidden = int(r.get("canvas_height", r["height"])) - int(r["height"])  # type: ignore[call-overload]
        below = f" ({hidden} px of the map's canvas out of the window)" if hidden > 0 else ""
        wheel = f", wheel scrolls the page: {'yes' if r['wheel_scrolls_page'] else 'NO'}" if "wheel_scrolls_page" in r else ""
        print(
            f"app {r['size']}, {r['view']}: {r['shown']} actors in sight ({r['framed']} framed), {r['labelled']} labelled, smallest label "
            f"{r['smallest']:.1f} px, {len(r['label_label'])} label-label and {len(r['label_shape'])} label-shape overlaps, "
            f"drawing spans {100 * float(r['span']):.0f} % of the {r['width']}x{r['height']} frame{below}, "
            f"{len(r['outside'])} outside the canvas{wheel}"
        )


def main() -> int:
    folder = bundled_data_dir()
    if "--app" in sys.argv[1:]:
        # --screenshots DIR: a PNG of each view as measured, to look at.
        shots = Path(sys.argv[sys.argv.index("--screenshots") + 1]) if "--screenshots" in sys.argv else None
        print_app_figures(app_figures(folder, shots))
        return 0
    G = build_graph(load_dataset(folder))
    pictures(G)
    slides(G, folder)
    moved_when_one_is_added(G, folder)
    presentation(G)
    try:
        import playwright  # noqa: F401
    except ImportError:
        print("app: playwright not installed; skipped")
        return 0
    print_app_figures(app_figures(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
