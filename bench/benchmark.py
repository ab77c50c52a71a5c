"""Benchmark: our pipeline against the naive pyvis path, on synthetic data of growing size.

Run it as ``python -m bench`` (options: ``--help``). For each size it
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
``render_html`` with the layout cached), as the app does it, and prints the
targets met or missed. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = [
    "DEFAULT_SIZES",
    "CHROMIUM",
    "SizeResult",
    "naive_network",
    "run_worker",
    "ChromiumTimer",
    "run_size",
    "filter_change_ms",
    "format_table",
    "target_lines",
    "main",
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
    code = "import sys; from bench.benchmark import _worker_main; sys.exit(_worker_main(sys.argv[1:]))"
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


def _runs_for(size: int, runs: int) -> tuple[int, int, int, int]:
    """Runs of ours, of the naive baseline, of the browser draw and of the PNG export for one size."""
    png = min(runs, 3) if size < 1000 else 1
    if size >= BIG:
        return min(runs, 3), 1, min(runs, 3), png
    return runs, min(runs, 3), min(runs, 3), png


def _say(message: str) -> None:
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
    ours_runs, naive_runs, draw_runs, png_runs = _runs_for(size, runs)
    result.planned_runs = ours_runs
    ours_html, naive_html, overview_html = folder / "ours.html", folder / "naive.html", folder / "overview.html"
    _say(f"{size:,} actors: ours, {ours_runs} run(s), PNG {png_runs}")
    result.ours = run_worker("ours", folder, ours_runs, ours_html, timeout, png_runs=png_runs)
    if browser is not None and ours_html.exists():
        _say(f"{size:,} actors: first draw in Chromium, {draw_runs} run(s)")
        result.draws = [browser.first_draw(ours_html, browser_timeout) for _ in range(draw_runs)]
    if browser is not None and overview_html.exists():
        result.overview_draws = [browser.first_draw(overview_html, browser_timeout) for _ in range(draw_runs)]
    if naive:
        _say(f"{size:,} actors: naive baseline, {naive_runs} run(s), timeout {timeout:g} s")
        result.naive = run_worker("naive", folder, naive_runs, naive_html, timeout)
        if browser is not None and naive_html.exists() and result.naive.finished:
            _say(f"{size:,} actors: naive page stabilising in Chromium (cap {browser_timeout:g} s)")
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


# --------------------------------------------------------------------------- output


def _secs(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _naive_cell(r: SizeResult, stage: str, order: Sequence[str]) -> str:
    if not r.naive.runs and r.naive.error == "skipped":
        return "–"
    value = r.naive.median(stage)
    if value is not None:
        return _secs(value)
    # Not reported: the stage running when the worker was killed did not finish; later ones never started.
    done = r.naive.runs[0] if r.naive.runs else {}
    first_missing = next((s for s in order if s not in done), None)
    if not r.naive.finished and stage == first_missing:
        return f"{DNF} (> {r.timeout:g} s)" if not r.naive.error else f"failed: {r.naive.error}"
    return "–"


def _speedup(r: SizeResult) -> tuple[str, float | None, bool]:
    """The naive / ours ratio of CSV → HTML as text, its value and whether it is only a lower bound."""
    ours = r.ours.median("total")
    if not ours:
        return "–", None, False
    naive = r.naive.median("total")
    if naive is not None:
        ratio = naive / ours
        return f"{ratio:.0f}×" if ratio >= 10 else f"{ratio:.1f}×", ratio, False
    if not r.naive.finished and not r.naive.error:
        bound = r.naive.seconds / ours
        return f"> {bound:.0f}× (naive {DNF})", bound, True
    return "–", None, False


def _draw_cell(values: list[float | None], measured: bool) -> str:
    if not measured:
        return "n/a (--no-browser)"
    if not values:
        return "–"
    done = [v for v in values if v is not None]
    if len(done) < len(values):
        return DNF
    return _secs(statistics.median(done))


def _rows(results: Sequence[SizeResult]) -> list[tuple[str, list[str]]]:
    naive_order = ("load_build", "from_nx", "spring_layout", "generate_html")
    rows: list[tuple[str, Callable[[SizeResult], str]]] = [
        ("actors / relations", lambda r: f"{r.actors:,} / {r.relations:,}"),
        ("runs: ours / naive / browser", _runs_cell),
        ("load + validate", lambda r: _secs(r.ours.median("load")) if r.ours.runs else _ours_failed(r)),
        ("build graph", lambda r: _secs(r.ours.median("build"))),
        ("layout (cold cache)", lambda r: _secs(r.ours.median("layout"))),
        ("layout (cached)", lambda r: _secs(r.ours.median("layout_cached"))),
        ("HTML (render_html)", lambda r: _secs(r.ours.median("html"))),
        ("**CSV → HTML total**", lambda r: _secs(r.ours.median("total"))),
        ("HTML size", lambda r: f"{r.ours.extra['html_bytes'] / 1e6:.1f} MB" if "html_bytes" in r.ours.extra else "–"),
        ("PNG export", _png_cell),
        ("peak RSS, CSV → HTML", lambda r: f"{r.ours.extra['rss_mb']:.0f} MB" if "rss_mb" in r.ours.extra else "–"),
        ("peak RSS, + PNG", lambda r: f"{r.ours.extra['rss_png_mb']:.0f} MB" if "rss_png_mb" in r.ours.extra else "n/a"),
        ("**first draw in Chromium**", lambda r: _draw_cell(r.draws, r.browser)),
        (
            "overview by community: groups / edges",
            lambda r: (
                f"{r.ours.extra['overview_groups']:,} / {r.ours.extra['overview_edges']:,}"
                if "overview_groups" in r.ours.extra
                else "–"
            ),
        ),
        ("overview: graph → HTML", lambda r: _secs(r.ours.extra.get("overview_s"))),
        ("overview: first draw in Chromium", lambda r: _draw_cell(r.overview_draws, r.browser)),
        ("naive: Network.from_nx", lambda r: _naive_cell(r, "from_nx", naive_order)),
        ("naive: spring_layout", lambda r: _naive_cell(r, "spring_layout", naive_order)),
        ("naive: generate_html", lambda r: _naive_cell(r, "generate_html", naive_order)),
        (
            "naive: CSV → HTML total",
            lambda r: _secs(r.naive.median("total")) if r.naive.median("total") is not None else _naive_total_dnf(r),
        ),
        ("naive: peak RSS", lambda r: f"{r.naive.extra['rss_mb']:.0f} MB" if "rss_mb" in r.naive.extra else "–"),
        ("naive: stabilised in Chromium", _naive_draw_cell),
        ("**speed-up, naive / ours**", lambda r: _speedup(r)[0]),
    ]
    return [(label, [fn(r) for r in results]) for label, fn in rows]


def _runs_cell(r: SizeResult) -> str:
    ours = str(len(r.ours.runs))
    if len([x for x in r.ours.runs if "total" in x]) < r.planned_runs:
        ours = f"{len([x for x in r.ours.runs if 'total' in x])} of {r.planned_runs} ({DNF})"
    naive = str(len([x for x in r.naive.runs if "total" in x]))
    return f"{ours} / {naive} / {len(r.draws) if r.browser else 0}"


def _ours_failed(r: SizeResult) -> str:
    if not r.ours.finished:
        return f"failed: {r.ours.error}" if r.ours.error else f"{DNF} (> {r.timeout:g} s)"
    return "–"


def _naive_total_dnf(r: SizeResult) -> str:
    if r.naive.error == "skipped":
        return "–"
    if not r.naive.finished:
        return f"failed: {r.naive.error}" if r.naive.error else f"{DNF} (> {r.timeout:g} s)"
    return "–"


def _naive_draw_cell(r: SizeResult) -> str:
    if not r.browser:
        return "n/a (--no-browser)"
    if r.naive_draw == "n/a":
        return "– (no naive page)"
    if r.naive_draw is None:
        return f"{DNF} (> {r.browser_timeout:g} s)"
    return _secs(float(r.naive_draw))


def _png_cell(r: SizeResult) -> str:
    value = r.ours.median("png")
    if value is not None:
        return _secs(value)
    return "n/a"


def format_table(results: Sequence[SizeResult], markdown: bool = False) -> str:
    """The results as a table: one row per stage, one column per size (medians)."""
    header = ["stage (median)"] + [f"{r.size:,}" for r in results]
    rows = [[label, *cells] for label, cells in _rows(results)]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * len(results)) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    rows = [[cell.replace("**", "") for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    fmt = lambda row: "  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(row))  # noqa: E731
    return "\n".join([fmt(header), "  ".join("-" * w for w in widths), *(fmt(row) for row in rows)])


def target_lines(results: Sequence[SizeResult], filter_samples: Sequence[float] | None) -> list[str]:
    """One line per target: met, missed or not measured, with the figure."""

    def verdict(ok: bool | None) -> str:
        return "not measured" if ok is None else ("met" if ok else "MISSED")

    big = next((r for r in results if r.size == 10000), None)
    lines = []
    if big is None:
        lines.append("10,000-actor targets: not measured (add 10000 to --sizes)")
    else:
        total = big.ours.median("total")
        lines.append(
            f"CSV → HTML ≤ {TARGETS['total_s']:g} s at 10,000: {verdict(None if total is None else total <= TARGETS['total_s'])} ({_secs(total)})"
        )
        text, ratio, bound = _speedup(big)
        ok = None if ratio is None else ratio >= TARGETS["speedup"]
        lines.append(f"≥ {TARGETS['speedup']:g}× faster than naive at 10,000: {verdict(ok)} ({text})")
        done = [d for d in big.draws if d is not None]
        draw = statistics.median(done) if done and len(done) == len(big.draws) else None
        ok = None if not big.browser else (draw is not None and draw <= TARGETS["draw_s"])
        lines.append(f"first draw ≤ {TARGETS['draw_s']:g} s at 10,000: {verdict(ok)} ({_draw_cell(big.draws, big.browser)})")
        rss = big.ours.extra.get("rss_mb")
        lines.append(
            f"peak memory ≤ {TARGETS['rss_mb']:g} MB at 10,000: {verdict(None if rss is None else rss <= TARGETS['rss_mb'])} "
            f"({'–' if rss is None else f'{rss:.0f} MB'} RSS of the worker process, CSV → HTML, imports included)"
        )
    if filter_samples:
        med = statistics.median(filter_samples)
        lines.append(
            f"filter change ≤ {TARGETS['filter_ms']:g} ms on the bundled data: {verdict(med <= TARGETS['filter_ms'])} "
            f"(median {med:.0f} ms of {len(filter_samples)}: apply_view + render_html, layout cached)"
        )
    return lines


def _notes(runs: int, timeout: float, browser_timeout: float, sizes: Sequence[int]) -> list[str]:
    ours_big, naive_small, naive_big, draws = _runs_for(BIG, runs)[0], _runs_for(1, runs)[1], 1, _runs_for(1, runs)[2]
    notes = [
        f"Medians of {runs} run(s) of ours below {BIG:,} actors and {ours_big} from {BIG:,}; "
        f"the naive baseline {naive_small} run(s) below {BIG:,} and {naive_big} from {BIG:,}; "
        f"browser draws {draws} page load(s) per size, the naive page 1; "
        f"PNG {_runs_for(1, runs)[3]} run(s) below 1,000 actors and 1 from 1,000 (after the timed runs).",
        "Overview: the same graph grouped by community (overview.aggregate), laid out and rendered; "
        f"the app should open on it above {_overview_threshold():,} actors.",
        "Ours and the naive baseline each run in a fresh worker process per size; peak RSS is that process's "
        "ru_maxrss (imports included). Layout is timed with the layout cache emptied before every run.",
        "CSV → HTML = load + validate + build graph + layout + HTML, for both (the naive total includes the same "
        "load + build). Naive = Network.from_nx + networkx spring_layout + generate_html, vis physics on.",
        f'Each worker is killed after {timeout:g} s and each page after {browser_timeout:g} s: "{DNF}"; '
        "a speed-up against an unfinished baseline is a lower bound.",
    ]
    return notes


def _overview_threshold() -> int:
    from network.overview import OVERVIEW_THRESHOLD

    return OVERVIEW_THRESHOLD


# --------------------------------------------------------------------------- command line


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m bench",
        description="Time CSV → validated graph → layout → HTML (and PNG, browser draw) on synthetic data, "
        "against the naive pyvis path.",
    )
    p.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES), help="actor counts, comma-separated")
    p.add_argument("--runs", type=int, default=5, help="runs per case (fewer from 5,000 actors and for the naive path)")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds per case before it is killed (default 120)")
    p.add_argument("--browser-timeout", type=float, default=60.0, help="seconds a page may take to draw (default 60)")
    p.add_argument("--no-browser", action="store_true", help="skip the headless Chromium measurements")
    p.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    p.add_argument("--out", metavar="DIR", help="where the synthetic CSVs and pages go (default: a temporary folder)")
    p.add_argument("--seed", type=int, default=1, help="seed of the synthetic data")
    p.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    p.add_argument(
        "--app", action="store_true", help="also time the running app in Chromium: start, reload, each change (bench.app_timing)"
    )
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table and the targets; 0 when it ran, 2 on a usage error."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.print_usage(sys.stderr)
        print("--sizes takes whole numbers, e.g. 100,1000,5000,10000", file=sys.stderr)
        return 2
    if not sizes or min(sizes) < 2 or args.runs < 1:
        print("--sizes must be at least 2 and --runs at least 1", file=sys.stderr)
        return 2
    tmp = None if args.out else tempfile.TemporaryDirectory(prefix="sne-benchmark-")
    out = Path(args.out) if args.out else Path(tmp.name)  # type: ignore[union-attr]
    browser: ChromiumTimer | None = None
    browser_note = ""
    if not args.no_browser:
        try:
            browser = ChromiumTimer()
        except Exception as exc:  # noqa: BLE001
            browser_note = (
                f"Chromium could not start ({type(exc).__name__}: {str(exc).splitlines()[0][:120]}); browser stages skipped."
            )
    results: list[SizeResult] = []
    try:
        for size in sizes:
            results.append(
                run_size(
                    size,
                    out / f"actors-{size}",
                    runs=args.runs,
                    timeout=args.timeout,
                    browser=browser,
                    browser_timeout=args.browser_timeout,
                    seed=args.seed,
                    naive=not args.no_naive,
                )
            )
    finally:
        if browser is not None:
            browser.close()
    _say("filter change on the bundled data")
    try:
        samples: list[float] | None = filter_change_ms(runs=args.runs)
    except Exception as exc:  # noqa: BLE001 - the bundled data may be mid-edit; say so
        samples = None
        browser_note += f" Filter change not measured: {type(exc).__name__}: {exc}"

    print(format_table(results, args.markdown))
    print()
    for note in _notes(args.runs, args.timeout, args.browser_timeout, sizes):
        print(f"- {note}" if args.markdown else note)
    png_errors = {r.ours.extra["png_error"] for r in results if "png_error" in r.ours.extra}
    for err in sorted(png_errors):
        print(f"- PNG export n/a: {err}" if args.markdown else f"PNG export n/a: {err}")
    if browser_note.strip():
        print(f"- {browser_note.strip()}" if args.markdown else browser_note.strip())
    if samples:
        line = f"Filter change on the bundled data (apply_view + render_html, layout cached): median {statistics.median(samples):.0f} ms over {len(samples)} changes."
        print(f"- {line}" if args.markdown else line)
    print()
    print("Targets:")
    for line in target_lines(results, samples):
        print(f"- {line}")
    if args.app and not args.no_browser:
        # The app as a person uses it: cold start, reload, each change on screen (issue 13).
        from .app_timing import format_app_table, run_all

        _say("the running app in Chromium (bench.app_timing)")
        try:
            timings = run_all(args.runs, say=_say)
        except Exception as exc:  # noqa: BLE001 - say why, keep the pipeline table
            print(f"\nApp timings not measured: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
        else:
            print("\nThe running app, in headless Chromium (median of each change; bundled data unless said):\n")
            print(format_app_table(timings, args.markdown))
    if tmp is not None:
        tmp.cleanup()
    else:
        print(f"\nData and pages are in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
