"""The benchmark's measurements: our pipeline against the naive pyvis path, on synthetic data of growing size.

:mod:`bench.benchmark` runs them (``python -m bench``) and prints the table. For each size it
writes a synthetic data set (``bench.synthetic``) as CSVs and measures, as the
median of several runs:

* ours, in a fresh worker process per size: load + validate, build the graph,
  layout (the layout cache is emptied before every run, so this is the cold cost;
  the cached re-layout is reported apart), the self-contained HTML page, the PNG
  export, and the peak resident memory of that process (``ru_maxrss``, after the
  first CSV → HTML pass, imports included; and again after the PNG);
* the first complete draw of our page in headless Chromium, from navigation start
  to ``document.body.dataset.drawn === "true"`` (the template sets it on the first
  ``afterDrawing``);
* the naive baseline on the same data, in its own worker: ``Network.from_nx`` on a
  copy of the graph with the same labels, tooltips and colours, networkx
  ``spring_layout`` positions, ``generate_html`` with vis physics on, and in
  Chromium the time until vis reports ``stabilizationIterationsDone``.

Every case runs under a timeout: a worker that takes longer is killed and its
cell reads "did not finish" (with the stages it did finish). Finally it measures
the server-side work of a filter change on the bundled data (``apply_view`` +
``render_html`` with the layout cached), as the app does it.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = [
    "BIG",
    "CHROMIUM",
    "DEFAULT_SIZES",
    "DNF",
    "LAUNCH_ARGS",
    "TARGETS",
    "ChromiumTimer",
    "SizeResult",
    "WorkerResult",
    "filter_change_ms",
    "naive_network",
    "run_size",
    "run_worker",
    "runs_for",
    "say",
]

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = (100, 1000, 5000, 10000)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BIG = 5000  # from this size on, ours runs at most 3 times and the naive baseline once
TARGETS = {"total_s": 3.0, "speedup": 20.0, "draw_s": 2.0, "rss_mb": 500.0, "filter_ms": 100.0}
DNF = "did not finish"

# Records the time the page first says it is drawn, relative to navigation start.
_DRAWN_HOOK = """
window.__drawnAt = null;
new MutationObserver(function (records, observer) {
  if (window.__drawnAt === null && document.body && document.body.dataset.drawn === "true") {
    window.__drawnAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-drawn"]});
"""
# Put into the naive page just before it draws: records vis-network's events as they happen.
_NAIVE_HOOK = """<script>
(function () {
  window.__events = {};
  var proto = vis.Network.prototype, emit = proto.emit;
  proto.emit = function (name) {
    if (!(name in window.__events)) { window.__events[name] = performance.now(); }
    return emit.apply(this, arguments);
  };
})();
</script>
"""


# --------------------------------------------------------------------------- the naive baseline


def naive_network(G: nx.MultiDiGraph, lang: str = "en") -> Any:
    """The naive pyvis path: ``Network.from_nx`` on a copy of ``G`` with the same labels, tooltips and colours.

    ``from_nx`` changes the graph it is given, so it gets a copy. Physics is on.
    """
    from pyvis.network import Network

    from network import vocabulary as vocab
    from network.presentation.encoding import edge_tooltip, node_tooltip

    S = nx.MultiDiGraph()
    for n, a in G.nodes(data=True):
        at = vocab.actor_type(a.get("type", ""))
        S.add_node(
            n,
            label=str(a.get("name") or n),
            title=node_tooltip(G, n, lang),
            color=at.color if at else vocab.UNKNOWN_ACTOR_STYLE["color"],
            shape=at.shape if at else vocab.UNKNOWN_ACTOR_STYLE["shape"],
        )
    for u, v, k, e in G.edges(keys=True, data=True):
        rt = vocab.relation_type(e.get("type", ""))
        S.add_edge(
            u,
            v,
            key=k,
            title=edge_tooltip(G, u, v, k, lang),
            color=rt.color if rt else vocab.UNKNOWN_RELATION_STYLE["color"],
            arrows={"to": {"enabled": bool(e.get("directed", True))}},
        )
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    net.from_nx(S)
    net.toggle_physics(True)
    return net


# --------------------------------------------------------------------------- worker processes


def _emit(**record: Any) -> None:
    print(json.dumps(record), flush=True)


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def _worker_ours(folder: str, runs: int, html_path: str, png_runs: int) -> None:
    from network import layout
    from network.graph import build_graph
    from network.io.folder import load_dataset
    from network.overview import aggregate, overview_style  # noqa: F401
    from network.presentation.render import render_html

    # 1. The pipeline, cold layout cache every run. These figures come first: a timeout later keeps them.
    G = nx.MultiDiGraph()
    for run in range(runs):
        layout.CACHE.clear()
        gc.collect()
        t0 = time.perf_counter()
        ds = load_dataset(folder)
        t1 = time.perf_counter()
        G = build_graph(ds)
        t2 = time.perf_counter()
        positions = layout.compute_layout(G)
        t3 = time.perf_counter()
        html = render_html(G, positions)
        t4 = time.perf_counter()
        _emit(run=run, load=t1 - t0, build=t2 - t1, layout=t3 - t2, html=t4 - t3, total=t4 - t0)
        if run == 0:
            _emit(rss_mb=_rss_mb(), html_bytes=len(html.encode("utf-8")))
            Path(html_path).write_text(html, encoding="utf-8")
        del html
        t5 = time.perf_counter()
        layout.compute_layout(G)
        _emit(run=run, layout_cached=time.perf_counter() - t5)
    # 2. The overview (groups by community) of the same graph, once.
    t6 = time.perf_counter()
    H = aggregate(G, "community")
    page = render_html(H, layout.compute_layout(H), overview_style(H))
    _emit(overview_s=time.perf_counter() - t6, overview_groups=H.number_of_nodes(), overview_edges=H.number_of_edges())
    Path(html_path).with_name("overview.html").write_text(page, encoding="utf-8")
    # 3. The PNG export (the export module may still be in the works: report, do not crash).
    try:
        from network.presentation import export
        from network.view import ViewState
    except Exception as exc:  # noqa: BLE001
        if png_runs:
            _emit(png_error=f"{type(exc).__name__}: {exc}"[:200])
        return
    for run in range(png_runs):
        try:
            t7 = time.perf_counter()
            data = export.export_bytes(export.make_snapshot(G, ViewState()), "png")
            _emit(run=run, png=time.perf_counter() - t7, png_bytes=len(data))
        except Exception as exc:  # noqa: BLE001
            _emit(png_error=f"{type(exc).__name__}: {exc}"[:200])
            return
        if run == 0:
            _emit(rss_png_mb=_rss_mb())


def _worker_naive(folder: str, runs: int, html_path: str) -> None:
    import pyvis.network  # noqa: F401 - imported before the clock starts, as ours is

    from network.graph import build_graph
    from network.io.folder import load_dataset
    from network.presentation import render  # noqa: F401

    for run in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        G = build_graph(load_dataset(folder))
        t1 = time.perf_counter()
        _emit(run=run, load_build=t1 - t0)
        net = naive_network(G)
        t2 = time.perf_counter()
        _emit(run=run, from_nx=t2 - t1)
        if G.number_of_nodes() >= 500:
            try:
                import scipy  # noqa: F401
            except ImportError:
                raise SystemExit("networkx spring_layout needs scipy from 500 nodes on: pip install scipy") from None
        pos = nx.spring_layout(G, seed=42)
        scale = 160.0 * max(1.0, len(pos) ** 0.5) / 2
        for node in net.nodes:
            x, y = pos[node["id"]]
            node["x"], node["y"] = float(x) * scale, float(y) * scale
        t3 = time.perf_counter()
        _emit(run=run, spring_layout=t3 - t2)
        html = net.generate_html()
        t4 = time.perf_counter()
        _emit(run=run, generate_html=t4 - t3, total=t4 - t0)
        if run == 0:
            _emit(rss_mb=_rss_mb(), html_bytes=len(html.encode("utf-8")))
            Path(html_path).write_text(html, encoding="utf-8")


def _worker_main(argv: Sequence[str]) -> int:
    kind, folder, runs, html_path, png_runs = argv[0], argv[1], int(argv[2]), argv[3], int(argv[4])
    if kind == "ours":
        _worker_ours(folder, runs, html_path, png_runs)
    else:
        _worker_naive(folder, runs, html_path)
    return 0


@dataclass
class WorkerResult:
    """What a worker reported: one dict per run of stage → seconds, plus the one-off figures."""

    runs: list[dict[str, float]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    finished: bool = True
    seconds: float = 0.0
    error: str = ""

    def median(self, stage: str) -> float | None:
        values = [r[stage] for r in self.runs if stage in r]
        return statistics.median(values) if values else None

    def count(self, stage: str) -> int:
        return sum(1 for r in self.runs if stage in r)


def run_worker(kind: str, folder: Path, runs: int, html_path: Path, timeout: float, png_runs: int = 0) -> WorkerResult:
    """Run ``ours`` or ``naive`` on ``folder`` in a fresh Python process, killed after ``timeout`` seconds.

    ``ours`` also renders the overview and, ``png_runs`` times, the PNG export, after its timed runs.
    """
    code = "import sys; from bench.pipeline import _worker_main; sys.exit(_worker_main(sys.argv[1:]))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    cmd = [sys.executable, "-c", code, kind, str(folder), str(runs), str(html_path), str(png_runs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    result = WorkerResult()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        result.finished = False
    result.seconds = time.perf_counter() - start
    if result.finished and proc.returncode != 0:
        result.finished = False
        lines = (err or "").strip().splitlines()
        result.error = lines[-1][:200] if lines else f"exit status {proc.returncode}"
    for line in (out or "").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if "run" in record:
            run = record.pop("run")
            while len(result.runs) <= run:
                result.runs.append({})
            result.runs[run].update(record)
        else:
            result.extra.update(record)
    return result


# --------------------------------------------------------------------------- the browser


class ChromiumTimer:
    """Headless Debian Chromium (through playwright) that times how long pages take to draw."""

    def __init__(self, executable: str = CHROMIUM):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        try:
            self.browser = self._pw.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        except Exception:
            self._pw.stop()
            raise

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.browser.close()
        with contextlib.suppress(Exception):
            self._pw.stop()

    @contextlib.contextmanager
    def _page(self) -> Iterator[Any]:
        context = self.browser.new_context(viewport={"width": 1400, "height": 900})
        # Nothing may leave the machine: pyvis's own page asks a CDN for Bootstrap, refuse at once.
        context.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort()
        )
        try:
            yield context.new_page()
        finally:
            context.close()

    def first_draw(self, path: Path, timeout: float) -> float | None:
        """Seconds from navigation start to our page's first complete draw; None after ``timeout``."""
        with self._page() as page:
            page.add_init_script(_DRAWN_HOOK)
            try:
                page.goto(path.resolve().as_uri(), wait_until="commit", timeout=timeout * 1000)
                page.wait_for_function("window.__drawnAt !== null", timeout=timeout * 1000, polling=50)
            except Exception:  # noqa: BLE001 - a timeout, or the page died: it did not draw
                return None
            return float(page.evaluate("window.__drawnAt")) / 1000

    def naive_stabilised(self, path: Path, timeout: float) -> float | None:
        """Seconds from navigation start until vis-network finished stabilising the naive page; None after ``timeout``."""
        html = path.read_text("utf-8")
        at = html.rfind("drawGraph();")
        if at < 0:
            return None
        hooked = path.with_name(path.stem + "-hooked.html")
        hooked.write_text(html[:at] + "</script>" + _NAIVE_HOOK + "<script>" + html[at:], encoding="utf-8")
        with self._page() as page:
            try:
                page.goto(hooked.resolve().as_uri(), wait_until="commit", timeout=timeout * 1000)
                page.wait_for_function(
                    "window.__events && ('stabilizationIterationsDone' in window.__events)",
                    timeout=timeout * 1000,
                    polling=100,
                )
            except Exception:  # noqa: BLE001
                return None
            return float(page.evaluate("window.__events.stabilizationIterationsDone")) / 1000


# --------------------------------------------------------------------------- one size


@dataclass
class SizeResult:
    size: int
    actors: int = 0
    relations: int = 0
    ours: WorkerResult = field(default_factory=WorkerResult)
    naive: WorkerResult = field(default_factory=WorkerResult)
    draws: list[float | None] = field(default_factory=list)
    overview_draws: list[float | None] = field(default_factory=list)
    planned_runs: int = 0
    naive_draw: float | None | str = "n/a"  # seconds, None (did not finish) or "n/a" (not measured)
    timeout: float = 0.0
    browser_timeout: float = 0.0
    browser: bool = True


def runs_for(size: int, runs: int) -> tuple[int, int, int, int]:
    """Runs of ours, of the naive baseline, of the browser draw and of the PNG export for one size."""
    png = min(runs, 3) if size < 1000 else 1
    if size >= BIG:
        return min(runs, 3), 1, min(runs, 3), png
    return runs, min(runs, 3), min(runs, 3), png


def say(message: str) -> None:
    print(f"[benchmark] {message}", file=sys.stderr, flush=True)


def run_size(
    size: int,
    folder: Path,
    *,
    runs: int = 5,
    timeout: float = 120.0,
    browser: ChromiumTimer | None = None,
    browser_timeout: float = 60.0,
    seed: int = 1,
    naive: bool = True,
) -> SizeResult:
    """Generate ``size`` actors into ``folder`` and measure ours, the naive baseline and the browser."""
    from .synthetic import write_synthetic

    folder = Path(folder)
    write_synthetic(folder, size, seed=seed)
    result = SizeResult(size, timeout=timeout, browser_timeout=browser_timeout, browser=browser is not None)
    with open(folder / "actors.csv", encoding="utf-8") as fh:
        result.actors = sum(1 for _ in fh) - 1
    with open(folder / "relations.csv", encoding="utf-8") as fh:
        result.relations = sum(1 for _ in fh) - 1  # no quoted newlines in synthetic data
    ours_runs, naive_runs, draw_runs, png_runs = runs_for(size, runs)
    result.planned_runs = ours_runs
    ours_html, naive_html, overview_html = folder / "ours.html", folder / "naive.html", folder / "overview.html"
    say(f"{size:,} actors: ours, {ours_runs} run(s), PNG {png_runs}")
    result.ours = run_worker("ours", folder, ours_runs, ours_html, timeout, png_runs=png_runs)
    if browser is not None and ours_html.exists():
        say(f"{size:,} actors: first draw in Chromium, {draw_runs} run(s)")
        result.draws = [browser.first_draw(ours_html, browser_timeout) for _ in range(draw_runs)]
    if browser is not None and overview_html.exists():
        result.overview_draws = [browser.first_draw(overview_html, browser_timeout) for _ in range(draw_runs)]
    if naive:
        say(f"{size:,} actors: naive baseline, {naive_runs} run(s), timeout {timeout:g} s")
        result.naive = run_worker("naive", folder, naive_runs, naive_html, timeout)
        if browser is not None and naive_html.exists() and result.naive.finished:
            say(f"{size:,} actors: naive page stabilising in Chromium (cap {browser_timeout:g} s)")
            result.naive_draw = browser.naive_stabilised(naive_html, browser_timeout)
    else:
        result.naive = WorkerResult(finished=False, error="skipped")
    return result


# --------------------------------------------------------------------------- filter change on the bundled data


def filter_change_ms(data_dir: Path | None = None, runs: int = 5) -> list[float]:
    """Milliseconds of the server-side work of a filter change on ``data_dir`` (default: the bundled data).

    As the app does it: ``apply_view`` on the full graph with a new state, then
    ``render_html`` with the full graph's (cached) positions. One sample per run and state.
    """
    from network.graph import build_graph
    from network.io.folder import default_data_dir, load_dataset
    from network.layout import compute_layout
    from network.presentation.render import render_html
    from network.view import ViewState, apply_view

    G = build_graph(load_dataset(data_dir or default_data_dir()))
    positions = compute_layout(G)
    types = sorted({str(a.get("type")) for _, a in G.nodes(data=True)})
    relations = sorted({str(e.get("type")) for *_, e in G.edges(data=True)})
    countries = sorted({str(a.get("country")) for _, a in G.nodes(data=True) if a.get("country")})
    states = [
        ViewState(actor_types=types[: max(1, len(types) // 2)]),
        ViewState(relation_types=relations[:2]),
        ViewState(countries=countries[:1]),
        ViewState(date_from="2023"),
        ViewState(),
    ]
    render_html(G, positions)  # warm the template and the inlined vis-network once, as a running app has
    samples = []
    for _ in range(runs):
        for state in states:
            t0 = time.perf_counter()
            view = apply_view(G, state)
            render_html(view.graph, positions, view.style)
            samples.append((time.perf_counter() - t0) * 1000)
    return samples
