"""Deterministic node positions, computed once in Python; actors without a kept place set beside their neighbours.

The browser gets fixed x/y coordinates, so the same data and settings always
give the same picture and vis-network needs no physics to settle. igraph's
Fruchterman-Reingold (C code) is used with a seeded random generator; above
``GRID_THRESHOLD`` nodes its grid variant keeps it near-linear. Each part is
stretched to the shape of a label (wider than tall) and spread so labels have room;
unconnected parts are packed in columns beside the biggest, so the map fills a
wide screen or slide.

Positions belong to the data (issue 11): ``place_missing`` places only the actors the
kept positions do not list, each next to its neighbours, so adding an actor moves no
other. Reading and writing ``positions.csv`` is ``network.positions``'s job.
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:  # igraph takes half a second to import: only where it is used
    import igraph
import numpy as np

from .cache import LRUCache, graph_key
from .diskcache import cache_dir, disk_get
from .igraph_bridge import import_igraph, to_igraph

__all__ = [
    "compute_layout",
    "label_layout",
    "display_label",
    "wrap_label",
    "label_box",
    "text_width",
    "LABEL_SIZE",
    "NODE_SIZE",
    "place_missing",
    "DEFAULT_SEED",
    "CACHE",
]

DEFAULT_SEED = 42
GRID_THRESHOLD = 1000
# Above this size FR runs fewer iterations and overlap removal (quadratic) is skipped;
# measured: at 1,000 nodes both together cost about 20 s, below 200 well under a second.
DETAIL_THRESHOLD = 200
# Labels are wider than tall: parts are stretched and spread by this much more across than down.
LABEL_ASPECT = 1.8
# Layouts of the last graphs drawn, by structure: redrawing an unchanged graph is free.
CACHE: LRUCache[dict[Hashable, tuple[float, float]]] = LRUCache(32)


def compute_layout(G: nx.Graph, seed: int = DEFAULT_SEED, spacing: float = 160.0) -> dict[Hashable, tuple[float, float]]:
    """Return ``{node: (x, y)}`` in screen pixels, the same for the same graph and seed.

    Results are cached by the graph's structure (``cache.graph_key``), so redrawing an
    unchanged graph is free.

    Examples
    --------
    >>> G = nx.path_graph(4)
    >>> compute_layout(G) == compute_layout(nx.path_graph(4))
    True
    """
    key = graph_key(G, seed, spacing)
    return CACHE.get(key, lambda: _layout_kept(G, key, seed, spacing))


# Below this many actors a layout takes well under a second: not worth a file on disk.
DISK_THRESHOLD = 500
# Raise when _layout, _pack or their thresholds change: layouts kept on disk are then made anew.
LAYOUT_VERSION = 2


@lru_cache(maxsize=1)
def _igraph_release() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("igraph")
    except PackageNotFoundError:
        return "none"


def _layout_kept(G: nx.Graph, key: str, seed: int, spacing: float) -> dict[Hashable, tuple[float, float]]:
    """The layout, kept on disk for big graphs: a restart (or the next CLI run) on the same data reads it back.

    Stored as coordinates in node order (the key covers the node order), so any hashable id
    survives the round trip through JSON.
    """
    if G.number_of_nodes() < DISK_THRESHOLD:
        return _layout(G, seed, spacing)
    nodes = list(G.nodes)

    def make() -> list[list[Any]]:
        positions = _layout(G, seed, spacing)
        return [list(positions[n]) for n in nodes]

    # The file name says which layout this is: the graph's structure, seed and spacing (``key``),
    # this code's way of laying out and the igraph release, so an upgrade lays the map out anew.
    name = f"{key[:40]}-v{LAYOUT_VERSION}-igraph{_igraph_release()}"
    coords = disk_get("layout", name, make)
    if not _coordinates(coords, len(nodes)):
        # A damaged file: compute it again (and write it anew) rather than draw half a map.
        folder = cache_dir()
        if folder is not None:
            (folder / "layout" / f"{name}.json").unlink(missing_ok=True)
        coords = disk_get("layout", name, make)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, coords, strict=True)}


def _coordinates(value: object, count: int) -> bool:
    return (
        isinstance(value, list)
        and len(value) == count
        and all(isinstance(c, list) and len(c) == 2 and all(isinstance(v, int | float) for v in c) for c in value)
    )


def _layout(G: nx.Graph, seed: int, spacing: float) -> dict[Hashable, tuple[float, float]]:
    igraph = import_igraph()

    nodes, g = to_igraph(G)
    # Each connected part is laid out on its own and the parts are packed under the biggest:
    # force layouts push unconnected parts far out, and the map then fits to a dot and a corner.
    parts = sorted((sorted(c) for c in g.connected_components()), key=lambda c: (-len(c), c[0]))
    placed: list[dict[Hashable, tuple[float, float]]] = []
    # igraph draws from a global generator; seed it for this call only.
    igraph.set_random_number_generator(random.Random(seed))
    try:
        for part in parts:
            members = [nodes[i] for i in part]
            positions = _scale(members, _force_layout(g.induced_subgraph(part), len(nodes)), spacing)
            if len(nodes) <= DETAIL_THRESHOLD:
                positions = _separate(positions, min_distance=spacing * 0.75, aspect=LABEL_ASPECT)
            placed.append(positions)
    finally:
        igraph.set_random_number_generator(random)
    return _pack(placed, spacing)


def _force_layout(g: igraph.Graph, total: int) -> list[list[float]]:
    """FR for one part, with the effort chosen by the size of the whole graph, so splitting never costs more."""
    if g.vcount() <= 2:
        return [[float(i), 0.0] for i in range(g.vcount())]
    if total > GRID_THRESHOLD:
        # 300 sweeps, not 500: at 10,000 actors 0.45 s instead of 0.75 s, and linked actors sit
        # as close (mean link length / mean distance 0.439 against 0.434; issue 13).
        return g.layout_fruchterman_reingold(niter=300, grid=True).coords
    if total > DETAIL_THRESHOLD:
        return g.layout_fruchterman_reingold(niter=300).coords
    return g.layout_fruchterman_reingold(niter=1500).coords


def _pack(parts: list[dict[Hashable, tuple[float, float]]], spacing: float) -> dict[Hashable, tuple[float, float]]:
    """The first (biggest) part where it is; the others in columns beside it, as tall as it, biggest first.

    Beside rather than under: maps are shown on wide screens and slides, so stragglers fill
    the width next to the main part instead of a band under it.
    """
    if not parts:
        return {}
    out = dict(parts[0])
    xs = [x for x, _ in out.values()]
    ys = [y for _, y in out.values()]
    # Columns about as tall as the biggest part, or as a square holding every node would be.
    top, height = min(ys), max(max(ys) - min(ys), spacing * math.sqrt(sum(map(len, parts))) / 2)
    gap_x = spacing * LABEL_ASPECT * 0.9
    cursor_x, cursor_y, col_w = max(xs) + gap_x, top, 0.0
    for part in parts[1:]:
        px = [x for x, _ in part.values()]
        py = [y for _, y in part.values()]
        w, h = max(px) - min(px), max(py) - min(py)
        if cursor_y > top and cursor_y + h > top + height:
            cursor_x, cursor_y, col_w = cursor_x + col_w + gap_x, top, 0.0
        for n, (x, y) in part.items():
            out[n] = (round(cursor_x + x - min(px), 1), round(cursor_y + y - min(py), 1))
        cursor_y += h + spacing * 0.75
        col_w = max(col_w, w)
    return out


def _scale(nodes: list[Hashable], coords: list[list[float]], spacing: float) -> dict[Hashable, tuple[float, float]]:
    if not nodes:
        return {}
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    # Room for about sqrt(n) labels across the picture; wider than tall, as labels are.
    factor = spacing * math.sqrt(len(nodes)) / extent
    stretch = math.sqrt(LABEL_ASPECT)
    return {n: (round((x - cx) * factor * stretch, 1), round((y - cy) * factor / stretch, 1)) for n, (x, y) in zip(nodes, coords)}


def _separate(
    positions: dict[Hashable, tuple[float, float]], min_distance: float, rounds: int = 200, aspect: float = 1.0
) -> dict[Hashable, tuple[float, float]]:
    """Push apart nodes closer than ``min_distance`` so labels do not pile up in a dense core.

    Force layouts pack hubs and their many leaves into a small disc; this spreads
    them just enough to read, without changing who sits next to whom. Distance across
    counts ``aspect`` times less than distance down: a label needs more room sideways.
    """
    nodes = list(positions)
    xy = np.array([positions[n] for n in nodes], dtype=float)
    xy[:, 0] /= aspect
    n = len(nodes)
    if n < 2:
        return positions
    for _ in range(rounds):
        diff = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((diff**2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        close = dist < min_distance
        if not close.any():
            break
        # Coincident points get a fixed, index-based direction so the result stays deterministic.
        safe = np.where(dist == 0, 1.0, dist)
        unit = diff / safe[:, :, None]
        same = dist == 0
        if same.any():
            i, j = np.nonzero(same)
            unit[i, j] = np.stack([np.cos(i - j), np.sin(i - j)], axis=1)
        push = np.where(close, (min_distance - np.minimum(dist, min_distance)) / 2, 0.0)
        xy += (unit * push[:, :, None]).sum(axis=1) * 0.5
    xy[:, 0] *= aspect
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, xy)}


# -- room for every label (issue 23) ----------------------------------------------------------
#
# The map draws each actor as a shape with its label under it. Positions leave room for that
# whole box: Graphviz's neato lays the actors out (stress majorization, seeded) and its "prism"
# pass removes every overlap of the boxes (each actor's shape plus its wrapped label, at
# LABEL_SIZE), so at any zoom no label lies on another label or another actor's shape. Graphviz
# is a maintained layout engine; without it (``neato`` not on the PATH) the igraph layout is used.

# The size, in map units, the positions make room for: the page draws labels and shapes at these
# sizes, so what is apart here is apart on screen at every zoom.
LABEL_SIZE = 14.0
NODE_SIZE = 6.0
# A label line is at most this many label sizes wide; longer names wrap at spaces or after a hyphen.
LINE_WIDTH = 7.0
# vis-network puts the top of a label half a label size and 4 units under its shape, and draws its
# lines one label size apart (measured in Chromium); the map moves labels up by LABEL_LIFT (vis-network's
# font.vadjust) so they sit close under their shape.
LINE_HEIGHT = 1.0
LABEL_LIFT = 5.0
# Clear space kept around each actor's box, in map units.
BOX_MARGIN = 2.0
# Above this many actors the label-aware layout is not used (neato's overlap removal grows fast).
LABEL_LAYOUT_MAX = DETAIL_THRESHOLD


def display_label(attrs: Mapping[str, Any], node: Hashable) -> str:
    """The name the map shows: the short ``label`` when the data gives one, else the name.

    >>> display_label({"name": "Minister voor Buitenlandse Handel", "label": "Minister BHO"}, "m")
    'Minister BHO'
    >>> display_label({}, "fnv")
    'fnv'
    """
    return str(attrs.get("label") or attrs.get("name") or node)


@lru_cache(maxsize=1)
def _glyph_widths() -> dict[str, float]:
    """Helvetica's advance widths (Arial has the same), in thousandths of the font size.

    Read from the Adobe metrics file matplotlib ships, so label boxes are measured, not guessed.
    """
    from importlib.util import find_spec

    # Found without importing matplotlib (half a second): the app's first page stays light.
    spec = find_spec("matplotlib")
    assert spec is not None and spec.origin is not None, "matplotlib (a requirement) is not installed"
    widths: dict[str, float] = {}
    text = (Path(spec.origin).parent / "mpl-data" / "fonts" / "afm" / "phvr8a.afm").read_text("latin-1")
    for line in text.splitlines():
        if not line.startswith("C "):
            continue
        fields = dict(part.strip().split(" ", 1) for part in line.split(";") if part.strip().count(" ") >= 1)
        code, width, name = int(fields.get("C", "-1")), float(fields.get("WX", "556")), fields.get("N", "")
        if 32 <= code < 127:
            widths[chr(code)] = width
        elif name == "quoteright":
            widths["\u2019"] = width
    return widths


def text_width(text: str, size: float = LABEL_SIZE) -> float:
    """Width of ``text`` in Arial at ``size`` (same units).

    >>> round(text_width("FNV", 10.0), 1)
    20.0
    """
    import unicodedata

    widths = _glyph_widths()
    total = 0.0
    for ch in text:
        w = widths.get(ch)
        if w is None:
            base = unicodedata.normalize("NFKD", ch)[:1]
            w = widths.get(base, 556.0)
        total += w
    return total * size / 1000.0


def wrap_label(text: str, width: float = LINE_WIDTH * LABEL_SIZE, size: float = LABEL_SIZE) -> list[str]:
    """``text`` in lines no wider than ``width``, broken at spaces or after a hyphen, never inside a word.

    A word wider than ``width`` is cut after its hyphens, if it has any; else it keeps a line of its own.

    >>> wrap_label("textielprogramma binnen het VMP")
    ['textielprogramma', 'binnen het', 'VMP']
    >>> wrap_label("IMVO-convenanten en sectorafspraken", 100)
    ['IMVO-', 'convenanten en', 'sectorafspraken']
    """
    import re

    # A word wider than a line is cut after its hyphens (never elsewhere); lines break at spaces.
    pieces: list[str] = []
    for word in text.split():
        parts = re.findall(r"[^-]*-+|[^-]+", word) if text_width(word, size) > width else [word]
        pieces += [p + ("" if p.endswith("-") else " ") for p in parts[:-1]] + [parts[-1] + " "]
    lines: list[str] = []
    line = ""
    for piece in pieces:
        if line and text_width((line + piece).rstrip(), size) > width:
            lines.append(line.rstrip())
            line = piece
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines or [text]


def label_box(label: str, size: float = LABEL_SIZE, node_size: float | None = None) -> tuple[float, float, float]:
    """Room an actor takes on the map: (width, height, how far its shape's centre is below the box's top).

    The shape (``node_size`` from its centre to its edge) on top, its wrapped label under it.
    """
    node_size = NODE_SIZE if node_size is None else node_size
    lines = wrap_label(label, LINE_WIDTH * size, size)
    label_w = max(text_width(line, size) for line in lines)
    width = max(2 * node_size, label_w)
    height = 2 * node_size + 0.5 * size + 4 - LABEL_LIFT + len(lines) * size * LINE_HEIGHT
    return width, height, node_size


def first_shown(G: nx.Graph) -> list[Hashable]:
    """The actors the opening map shows: those not of a type the map opens without (people, asks).

    Laid out first, so the opening map is compact; the others are placed around them.
    """
    from .filters import LENSES

    types = {n: G.nodes[n].get("type") for n in G.nodes}
    hidden = set()
    for atype in LENSES:
        members = sum(1 for ty in types.values() if ty == atype)
        # A type is left off only when it is a minority (as the view decides; see view.lens_types).
        if members and 2 * members < len(types):
            hidden.add(atype)
    return [n for n in G.nodes if types[n] not in hidden]


def neato_available() -> bool:
    """Whether Graphviz's ``neato`` is installed (``make`` installs it)."""
    import shutil

    return shutil.which("neato") is not None


def label_layout(G: nx.Graph, seed: int = DEFAULT_SEED) -> dict[Hashable, tuple[float, float]]:
    """Positions with room for every label: no actor's box (shape and label) meets another's.

    The actors of the opening map (``first_shown``) are laid out together by neato with
    overlap removal (``overlap=prism``) on their label boxes; the others are then placed near
    their neighbours where their box is free (``place_missing``). Without Graphviz, or above
    ``LABEL_LAYOUT_MAX`` actors: ``compute_layout``.
    """
    if G.number_of_nodes() > LABEL_LAYOUT_MAX or not neato_available() or G.number_of_nodes() < 2:
        return compute_layout(G, seed=seed)
    # Labels and types are part of the key: they decide the boxes and which actors come first.
    texts = tuple((display_label(G.nodes[n], n), str(G.nodes[n].get("type", ""))) for n in G.nodes)
    key = graph_key(G, seed, "labels", LAYOUT_VERSION, texts)
    return CACHE.get(key, lambda: _label_layout(G, seed))


def _label_layout(G: nx.Graph, seed: int) -> dict[Hashable, tuple[float, float]]:
    import subprocess

    core = first_shown(G)
    if len(core) < 2:
        core = list(G.nodes)
    try:
        kept = _neato(G.subgraph(core), seed)
    except (OSError, subprocess.SubprocessError, KeyError, ValueError):
        # Graphviz failed (a broken install, a timeout): the map still opens, laid out by igraph.
        return compute_layout(G, seed=seed)
    return place_missing(G, kept)


def _box_of(G: nx.Graph, n: Hashable) -> tuple[float, float, float]:
    return label_box(display_label(G.nodes[n], n))


def _neato(G: nx.Graph, seed: int) -> dict[Hashable, tuple[float, float]]:
    """neato's layout of ``G`` with no two boxes overlapping, then made compact.

    Compact: the map must fill a screen with its labels at 14 px, so the empty space neato
    leaves between boxes is taken out in a few rounds: shrink towards the centre (more down
    than across, for wide screens), and let ``overlap=prism`` push apart what now overlaps. The
    round whose drawing fits ``REFERENCE_CANVAS`` at the biggest zoom is kept.
    """
    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    boxes = [_box_of(G, n) for n in nodes]
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in H.edges() if u != v})
    best: list[tuple[float, float]] = []
    best_zoom = 0.0
    # neato's stress layout depends on where it starts: a few seeded starts, the most compact wins.
    for start in range(seed, seed + STARTS):
        centres = _run_neato(
            boxes, pairs, f'overlap=prism, overlap_scaling=0.5, sep="+{BOX_MARGIN:g}", start={start}, pack=true, packmode="graph"'
        )
        for round_ in range(COMPACT_ROUNDS + 1):
            if round_:
                mx = sum(x for x, _ in centres) / len(centres)
                my = sum(y for _, y in centres) / len(centres)
                shrunk = [((x - mx) * COMPACT_X, (y - my) * COMPACT_Y) for x, y in centres]
                centres = _run_neato(boxes, pairs, f'overlap=prism, overlap_scaling=0, sep="+{BOX_MARGIN:g}"', shrunk)
            zoom = _fit_zoom(centres, boxes)
            if zoom > best_zoom:
                best, best_zoom = centres, zoom
    positions: dict[Hashable, tuple[float, float]] = {}
    for n, (cx, cy), (_, h, shape_from_top) in zip(nodes, best, boxes):
        # The box's centre is where neato put it; the shape sits at the top of the box (y downwards).
        positions[n] = (round(cx, 1), round(-cy - h / 2 + shape_from_top, 1))
    return positions


# The screen the compaction aims at: the app's map at 1280x720 (820 x 557 px), as measured.
REFERENCE_CANVAS = (820.0, 557.0)
COMPACT_ROUNDS = 4
STARTS = 6
COMPACT_X, COMPACT_Y = 0.9, 0.85


def _fit_zoom(centres: list[tuple[float, float]], boxes: list[tuple[float, float, float]]) -> float:
    left = min(x - w / 2 for (x, _), (w, _, _) in zip(centres, boxes))
    right = max(x + w / 2 for (x, _), (w, _, _) in zip(centres, boxes))
    low = min(y - h / 2 for (_, y), (_, h, _) in zip(centres, boxes))
    high = max(y + h / 2 for (_, y), (_, h, _) in zip(centres, boxes))
    return min(REFERENCE_CANVAS[0] / max(right - left, 1.0), REFERENCE_CANVAS[1] / max(high - low, 1.0))


def _run_neato(
    boxes: list[tuple[float, float, float]],
    pairs: list[tuple[int, int]],
    attrs: str,
    start: list[tuple[float, float]] | None = None,
) -> list[tuple[float, float]]:
    """Box centres (points, y upwards) from one neato run; with ``start`` only overlaps are removed (``-n``)."""
    import subprocess

    # Coordinates in points: a box of w points is w/72 inches, so one map unit is one point.
    lines = ["graph G {", f"graph [{attrs}, splines=false];", 'node [shape=box, fixedsize=true, label=""];']
    for i, (w, h, _) in enumerate(boxes):
        pos = f', pos="{start[i][0] / 72:.5f},{start[i][1] / 72:.5f}"' if start else ""
        lines.append(f"n{i} [width={w / 72:.4f}, height={h / 72:.4f}{pos}];")
    lines += [f"n{a} -- n{b};" for a, b in pairs]
    lines.append("}")
    command = ["neato", "-n", "-Tplain"] if start else ["neato", "-Tplain"]
    out = subprocess.run(command, input="\n".join(lines), capture_output=True, text=True, check=True, timeout=120).stdout
    centres: dict[int, tuple[float, float]] = {}
    for row in out.splitlines():
        parts = row.split()
        if parts and parts[0] == "node":
            centres[int(parts[1][1:])] = (float(parts[2]) * 72, float(parts[3]) * 72)
    return [centres[i] for i in range(len(boxes))]


# -- actors the kept positions do not list -------------------------------------------------


def place_missing(
    G: nx.Graph, kept: Mapping[Any, tuple[float, float]], spacing: float = 160.0
) -> dict[Hashable, tuple[float, float]]:
    """Positions for every node of ``G``: those in ``kept`` unchanged, the others placed near their neighbours.

    An actor with placed neighbours goes to the free spot nearest their centre; one
    without goes beside the map, as unconnected parts do. Actors with the most placed
    neighbours are placed first; the result depends only on the graph and ``kept``.

    Examples
    --------
    >>> G = nx.path_graph(3)
    >>> pos = place_missing(G, {0: (0.0, 0.0), 1: (300.0, 0.0)})
    >>> pos[0], pos[1], 2 in pos
    ((0.0, 0.0), (300.0, 0.0), True)
    """
    out: dict[Hashable, tuple[float, float]] = {n: (float(x), float(y)) for n, (x, y) in kept.items() if n in G}
    if not out:
        return label_layout(G)
    missing = [n for n in G.nodes if n not in out]
    if not missing:
        return out
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    order = {n: i for i, n in enumerate(G.nodes)}
    # Each actor's box (shape and label, as label_layout makes room for): a newcomer goes where
    # its box meets no placed actor's box, so it lies on no label and none lies on it.
    boxes = {n: _box_of(G, n) for n in G.nodes}
    placed = _Boxes()
    for n, p in out.items():
        placed.add(p, boxes[n])
    pending = set(missing)
    while pending:
        # The actor with the most already-placed neighbours next (ties: data order).
        n = min(pending, key=lambda m: (-sum(1 for v in H[m] if v in out), order[m]))
        pending.discard(n)
        near = [out[v] for v in H[n] if v in out and v != n]
        if near:
            start = (sum(x for x, _ in near) / len(near), sum(y for _, y in near) / len(near))
        else:
            xs = [x for x, _ in out.values()]
            ys = [y for _, y in out.values()]
            start = (max(xs) + spacing * LABEL_ASPECT, min(ys))
        out[n] = placed.free_spot(start, boxes[n], spacing)
        placed.add(out[n], boxes[n])
    return out


class _Boxes:
    """Placed actors' boxes (left, top, right, bottom), for finding a free spot for one more."""

    def __init__(self) -> None:
        self.rows: list[tuple[float, float, float, float]] = []

    @staticmethod
    def around(p: tuple[float, float], box: tuple[float, float, float]) -> tuple[float, float, float, float]:
        w, h, top = box
        m = BOX_MARGIN / 2
        return (p[0] - w / 2 - m, p[1] - top - m, p[0] + w / 2 + m, p[1] - top + h + m)

    def add(self, p: tuple[float, float], box: tuple[float, float, float]) -> None:
        self.rows.append(self.around(p, box))

    def free_spot(self, start: tuple[float, float], box: tuple[float, float, float], spacing: float) -> tuple[float, float]:
        """The point nearest ``start`` on a spiral of candidates where the box meets no placed box."""
        xy = np.array(self.rows, dtype=float).reshape(-1, 4)
        w, h = box[0] + BOX_MARGIN, box[1] + BOX_MARGIN
        step_x, step_y = max(w, spacing * 0.3) * 0.5, max(h, spacing * 0.2) * 0.5

        def free(p: tuple[float, float]) -> bool:
            b = self.around(p, box)
            return bool(((xy[:, 2] <= b[0]) | (b[2] <= xy[:, 0]) | (xy[:, 3] <= b[1]) | (b[3] <= xy[:, 1])).all())

        for ring in range(0, 80):
            steps = max(1, ring * 8)
            for i in range(steps):
                angle = 2 * math.pi * i / steps + math.pi / 2  # below first: labels hang under nodes
                p = (start[0] + math.cos(angle) * ring * step_x, start[1] + math.sin(angle) * ring * step_y)
                if free(p):
                    return (round(p[0], 1), round(p[1], 1))
        return (round(start[0], 1), round(float(xy[:, 3].max()) + h, 1))
