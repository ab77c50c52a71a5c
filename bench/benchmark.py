"""``python -m bench``: our pipeline against the naive pyvis path, on synthetic data of growing size.

Run it as ``python -m bench`` (options: ``--help``). The measuring is :mod:`bench.pipeline` (what is
timed, and how: read its docstring); this module is the command line and what it prints: one table
of medians per stage and size, notes on how they were taken, and the targets met or missed. Figures
are printed, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from .pipeline import (
    BIG,
    DEFAULT_SIZES,
    DNF,
    TARGETS,
    ChromiumTimer,
    SizeResult,
    filter_change_ms,
    naive_network,
    run_size,
    run_worker,
    runs_for,
    say,
)

__all__ = [
    "DEFAULT_SIZES",
    "DNF",
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
    ours_big, naive_small, naive_big, draws = runs_for(BIG, runs)[0], runs_for(1, runs)[1], 1, runs_for(1, runs)[2]
    notes = [
        f"Medians of {runs} run(s) of ours below {BIG:,} actors and {ours_big} from {BIG:,}; "
        f"the naive baseline {naive_small} run(s) below {BIG:,} and {naive_big} from {BIG:,}; "
        f"browser draws {draws} page load(s) per size, the naive page 1; "
        f"PNG {runs_for(1, runs)[3]} run(s) below 1,000 actors and 1 from 1,000 (after the timed runs).",
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
    say("filter change on the bundled data")
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

        say("the running app in Chromium (bench.app_timing)")
        try:
            timings = run_all(args.runs, say=say)
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
