"""Hostile inputs: how long validating each takes, and how much memory, in a fresh process.

Run it as ``python -m bench.hostile`` (``--keep DIR`` keeps the generated files). Each case
is written to a temporary folder and validated with ``python -m network validate`` in its
own subprocess; the table gives the wall time, the subprocess's peak resident memory
(``ru_maxrss`` from ``os.wait4``, imports included) and the first and last lines it printed.
The goals (issue 12): under 5 s and under 300 MB each, with a clear message. Figures are
printed, never asserted; a case that runs longer than ``--timeout`` is killed.

The cases are those the issue probed with:

* ``mistyped-ids``: 20,000 relations whose source is a mistyped actor id (20,000 actors),
  so every unknown id could be compared with every known one for "did you mean";
* ``header-10mb`` and ``header-1mb``: an actors.csv header of one column name repeated to
  10 MB (and 1 MB);
* ``cell-10mb``: one 10 MB description cell;
* ``row-10mb``: a data line of 3.5 million short fields under a three-column header;
* ``wide-workbook``: an .xlsx whose actors sheet has 16,000 columns;
* ``relations-1m`` and ``relations-200k``: a relations.csv of 1,000,000 rows (89 MB, over the
  200,000-row limit) and of 200,000 rows (18 MB, at it), beside 1,000 actors (issue 22);
* ``long-workbook``: an .xlsx whose relations sheet has 250,000 rows (over the limit);
* ``upload-19mb``: actors.csv and relations.csv of 19 MB together, taken as the app takes an
  upload (``load_uploads``, then written to a folder of its own) in a fresh process.

``--app-upload`` also sends the 19 MB upload through the running app in headless Chromium (the
Data section, *Check and open*) and prints the server's memory before, at its peak, when the
map of the upload is drawn, and a minute after the tab is closed.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CASES", "Outcome", "run_case", "format_table", "main"]

ROOT = Path(__file__).resolve().parents[1]
GOAL_SECONDS = 5.0
GOAL_MB = 300.0

_RELATIONS_HEAD = "source,target,type,directed,date,source_doc,evidence\n"
_ACTORS_HEAD = "id,name,type,country\n"


def _actors(n: int) -> str:
    return _ACTORS_HEAD + "".join(f"actor-{i:05d},Actor {i},company,NL\n" for i in range(n))


def mistyped_ids(folder: Path, n: int = 20_000) -> Path:
    """``n`` actors and ``n`` relations whose source is a near miss of an actor id."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.csv").write_text(_actors(n), encoding="utf-8")
    rows = "".join(f"actr-{i:05d}x,actor-{(i + 1) % n:05d},partners_with,false,2026,,\n" for i in range(n))
    (folder / "relations.csv").write_text(_RELATIONS_HEAD + rows, encoding="utf-8")
    return folder


def repeated_header(folder: Path, size: int) -> Path:
    """An actors.csv whose header is ``id,name,type`` and then ``id`` repeated to ``size`` bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    head = "id,name,type" + ",id" * ((size - 12) // 3)
    (folder / "actors.csv").write_text(head + "\nfnv,FNV,trade_union\n", encoding="utf-8")
    (folder / "relations.csv").write_text(_RELATIONS_HEAD + "fnv,fnv,partners_with,false,2026,,\n", encoding="utf-8")
    return folder


def big_cell(folder: Path, size: int = 10 * 2**20) -> Path:
    """An actors.csv with one quoted description of ``size`` characters."""
    folder.mkdir(parents=True, exist_ok=True)
    actors = "id,name,type,description\n" + f'fnv,FNV,trade_union,"{"x" * size}"\ncnv,CNV,trade_union,\n'
    (folder / "actors.csv").write_text(actors, encoding="utf-8")
    (folder / "relations.csv").write_text(_RELATIONS_HEAD + "fnv,cnv,partners_with,false,2026,,\n", encoding="utf-8")
    return folder


def wide_row(folder: Path, size: int = 10 * 2**20) -> Path:
    """An actors.csv whose second line is ``ab,`` repeated to ``size`` bytes (a narrow header)."""
    folder.mkdir(parents=True, exist_ok=True)
    actors = "id,name,type\n" + "ab," * (size // 3) + "\ncnv,CNV,trade_union\n"
    (folder / "actors.csv").write_text(actors, encoding="utf-8")
    (folder / "relations.csv").write_text(_RELATIONS_HEAD + "cnv,cnv,partners_with,false,2026,,\n", encoding="utf-8")
    return folder


def wide_workbook(folder: Path, columns: int = 16_000, rows: int = 20) -> Path:
    """An .xlsx with actors (``columns`` columns, the known three first) and relations sheets."""
    from openpyxl import Workbook

    folder.mkdir(parents=True, exist_ok=True)
    book = Workbook(write_only=True)
    ws = book.create_sheet("actors")
    ws.append(["id", "name", "type", *(f"extra{i}" for i in range(columns - 3))])
    for i in range(rows):
        ws.append([f"a{i}", f"Actor {i}", "company", *(["v"] * (columns - 3))])
    rel = book.create_sheet("relations")
    rel.append(["source", "target", "type"])
    rel.append(["a0", "a1", "partners_with"])
    out = io.BytesIO()
    book.save(out)
    path = folder / "wide.xlsx"
    path.write_bytes(out.getvalue())
    return path


def many_relations(folder: Path, n: int, actors: int = 1000, quote: str = "A short quote") -> Path:
    """``actors`` actors and ``n`` relations among them, each with a date, a document and a short quote."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.csv").write_text(_actors(actors), encoding="utf-8")
    with open(folder / "relations.csv", "w", encoding="utf-8") as fh:
        fh.write(_RELATIONS_HEAD)
        for i in range(n):
            source, target = f"actor-{i % actors:05d}", f"actor-{(i * 7 + 1) % actors:05d}"
            fh.write(f"{source},{target},partners_with,false,2026-01-{i % 28 + 1:02d},doc{i % 50},{quote} number {i}\n")
    return folder


def long_workbook(folder: Path, rows: int = 250_000) -> Path:
    """An .xlsx with 1,000 actors and a relations sheet of ``rows`` rows."""
    from openpyxl import Workbook

    folder.mkdir(parents=True, exist_ok=True)
    book = Workbook(write_only=True)
    ws = book.create_sheet("actors")
    ws.append(["id", "name", "type"])
    for i in range(1000):
        ws.append([f"actor-{i:05d}", f"Actor {i}", "company"])
    rel = book.create_sheet("relations")
    rel.append(["source", "target", "type"])
    for i in range(rows):
        rel.append([f"actor-{i % 1000:05d}", f"actor-{(i * 7 + 1) % 1000:05d}", "partners_with"])
    path = folder / "long.xlsx"
    book.save(path)
    return path


def upload(folder: Path, size: int = 19 * 2**20) -> Path:
    """actors.csv and relations.csv of ``size`` bytes together (just under the 20 MB a browser may send)."""
    # rows of about 150 bytes: 20 MB is about 140,000 relations, within the row limit
    many_relations(
        folder, size // 140, quote="A longer quote as the evidence of a relation in a letter or a position paper usually is"
    )
    while (folder / "actors.csv").stat().st_size + (folder / "relations.csv").stat().st_size > size:
        lines = (folder / "relations.csv").read_text(encoding="utf-8").splitlines(keepends=True)
        (folder / "relations.csv").write_text("".join(lines[: int(len(lines) * 0.99)]), encoding="utf-8")
    return folder


def _take_upload(folder: str) -> int:
    """What the app does with an upload, in this process: the files as the browser sends them, loaded and kept."""
    from network.io.uploads import load_uploads, write_dataset
    from network.model import DataError
    from network.rights import LOCAL_EDITOR

    files = [(p.name, p.read_bytes()) for p in sorted(Path(folder).glob("*.csv"))]
    try:
        ds = load_uploads(files)
    except DataError as exc:
        print("\n".join(str(p) for p in exc.problems))
        return 1
    del files
    with tempfile.TemporaryDirectory(prefix="sne-upload-bench-") as out:
        write_dataset(out, ds, access=LOCAL_EDITOR)
    print(f"ok: {len(ds.actors)} actors, {len(ds.relations)} relations taken from the upload")
    return 0


CASES: dict[str, Callable[[Path], Path]] = {
    "mistyped-ids (20,000)": mistyped_ids,
    "header-10mb": lambda d: repeated_header(d, 10 * 2**20),
    "header-1mb": lambda d: repeated_header(d, 2**20),
    "cell-10mb": big_cell,
    "row-10mb (short fields)": wide_row,
    "wide-workbook (16,000 columns)": wide_workbook,
    "relations-1m (1,000,000 rows, 89 MB)": lambda d: many_relations(d, 1_000_000),
    "relations-200k (200,000 rows, 18 MB)": lambda d: many_relations(d, 200_000),
    "long-workbook (250,000 rows)": long_workbook,
    "upload-19mb (through load_uploads)": upload,
}


@dataclass
class Outcome:
    """One case: seconds, peak MB, exit code, the lines worth showing, and how many problem lines."""

    name: str
    seconds: float
    peak_mb: float
    returncode: int | None  # None: killed at the timeout
    first: str
    last: str
    lines: int

    @property
    def ok(self) -> bool:
        return self.returncode is not None and self.seconds < GOAL_SECONDS and self.peak_mb < GOAL_MB


# Runs in a small intermediate process: Linux carries a process's peak RSS over fork and exec, so
# a child forked by this (larger) benchmark would report at least the benchmark's own peak.
_MEASURE = """
import json, os, subprocess, sys, time
timeout, out, cmd = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
with open(out, "wb") as fh:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT)
    killed = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > timeout:
            proc.kill()
            killed = True
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
print(json.dumps({"seconds": time.perf_counter() - start, "maxrss_kb": usage.ru_maxrss,
                  "code": None if killed else os.waitstatus_to_exitcode(status)}))
"""


def _first_last_count(path: Path) -> tuple[str, str, int]:
    """The first and last line of a file and how many lines it has, without holding it in memory."""
    first, tail, count = b"", b"", 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            if not count and not first:
                first = chunk.split(b"\n", 1)[0]
            count += chunk.count(b"\n")
            tail = (tail + chunk)[-4096:]
    lines = tail.rstrip(b"\n").rsplit(b"\n", 1)
    return first.decode("utf-8", "replace"), lines[-1].decode("utf-8", "replace"), count


def run_case(name: str, target: Path, timeout: float = 120.0, project: Path = ROOT) -> Outcome:
    """Validate ``target`` in a fresh ``python -m network validate`` (of ``project``) and measure it.

    An ``upload`` case is instead taken as the app takes an upload, in a fresh process.
    """
    command = ["-m", "network", "validate", str(target)]
    if name.startswith("upload"):
        command = ["-m", "bench.hostile", "--take-upload", str(target)]
    with tempfile.TemporaryDirectory(prefix="sne-hostile-out-") as tmp:
        out = Path(tmp) / "out.txt"
        run = subprocess.run(
            [sys.executable, "-c", _MEASURE, str(timeout), str(out), sys.executable, *command],
            cwd=project,
            capture_output=True,
            text=True,
            check=True,
        )
        measured = json.loads(run.stdout)
        first, last, lines = _first_last_count(out)
    return Outcome(name, measured["seconds"], measured["maxrss_kb"] / 1024, measured["code"], first, last, lines)


def _cut(value: str, limit: int) -> str:
    value = value.replace("|", "\\|")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def format_table(outcomes: list[Outcome], root: str = "") -> str:
    """A markdown table of the outcomes; server paths in messages shortened to the file name."""
    lines = [
        f"| case | time (s) | peak RSS (MB) | goal (< {GOAL_SECONDS:.0f} s, < {GOAL_MB:.0f} MB) | lines printed | first line | last line |",
        "|---|---:|---:|---|---:|---|---|",
    ]
    for o in outcomes:
        first, last = (s.replace(root, "…") if root else s for s in (o.first, o.last))
        goal = "met" if o.ok else ("killed at timeout" if o.returncode is None else "MISSED")
        lines.append(
            f"| {o.name} | {o.seconds:.2f} | {o.peak_mb:.0f} | {goal} | {o.lines} | {_cut(first, 110)} | {_cut(last, 110)} |"
        )
    return "\n".join(lines)


def app_upload(settle: float = 60.0) -> str:
    """The 19 MB upload through the app: the server's resident memory before, at peak, drawn, and after."""
    from playwright.sync_api import sync_playwright

    from .pipeline import CHROMIUM, LAUNCH_ARGS
    from .soak import _rss_mb, start_server

    with tempfile.TemporaryDirectory(prefix="sne-app-upload-") as tmp:
        files = upload(Path(tmp) / "upload")
        size = sum(f.stat().st_size for f in files.glob("*.csv"))
        proc, url = start_server(ROOT / "data")  # as make serve starts it (jemalloc where installed)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 720})
                page.goto(url)
                page.wait_for_selector("iframe", timeout=60000)
                idle, _ = _rss_mb(proc.pid)
                page.get_by_text("Data", exact=True).click()
                page.locator("[data-testid=stSidebar] input[type=file]").set_input_files(
                    [str(files / "actors.csv"), str(files / "relations.csv")]
                )
                start = time.perf_counter()
                page.get_by_role("button", name="Check and open").click()
                page.get_by_text("You are now exploring it", exact=False).first.wait_for(timeout=300000)
                page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=300000)
                seconds = time.perf_counter() - start
                drawn, peak = _rss_mb(proc.pid)
                browser.close()
            time.sleep(settle)
            after, peak = _rss_mb(proc.pid)
        finally:
            proc.terminate()
            proc.wait(20)
    return (
        f"upload of {size / 2**20:.1f} MB through the app: shown in {seconds:.1f} s; server RSS {idle:.0f} MB idle, "
        f"{drawn:.0f} MB with the upload's map drawn (peak {peak:.0f} MB), {after:.0f} MB {settle:.0f} s after the tab closed"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile", description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=120.0, help="kill a case after this many seconds (default 120)")
    parser.add_argument("--only", default="", help="run only the cases whose name contains this text")
    parser.add_argument("--keep", default="", help="write the inputs into this folder and keep them")
    parser.add_argument("--project", default=str(ROOT), help="validate with the checkout in this folder (e.g. an older release)")
    parser.add_argument("--take-upload", default="", help=argparse.SUPPRESS)  # one upload case, in its own process
    parser.add_argument("--app-upload", action="store_true", help="send the 19 MB upload through the running app as well")
    args = parser.parse_args(argv)
    if args.take_upload:
        return _take_upload(args.take_upload)
    if args.app_upload:
        print(app_upload(), flush=True)
    with tempfile.TemporaryDirectory(prefix="sne-hostile-") as tmp:
        root = Path(args.keep or tmp)
        outcomes = []
        for i, (name, make) in enumerate(CASES.items()):
            if args.only and args.only not in name:
                continue
            target = make(root / f"case{i}")
            outcome = run_case(name, target, args.timeout, Path(args.project))
            outcomes.append(outcome)
            print(f"{name}: {outcome.seconds:.2f} s, {outcome.peak_mb:.0f} MB", file=sys.stderr, flush=True)
        print(format_table(outcomes, str(root)))
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
