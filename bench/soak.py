"""Soak: the app on 127.0.0.1 under 10 sessions changing views while an editor saves every 5 s.

Run it as ``python -m bench.soak`` (``--minutes``, ``--pages``, ``--every``). It copies the
bundled data to a temporary folder, starts ``streamlit run app.py`` on it, and then for the
given time:

* ``--pages`` headless Chromium pages (one browser, Playwright's async API) each open one
  view after another: a link with a random focus, filter, colouring, overview or language,
  as a person following shared links does. Each open is a new Streamlit session; its
  response time runs from navigation to the map drawn and the script run finished;
* one editor adds an actor every ``--every`` seconds through ``network.store`` (load, then
  save against that base), as the edit panel does.

It prints the errors (page errors, exceptions shown in the app, timeouts, requests leaving
localhost, failed saves), the rows lost (confirmed saves missing at the end), the server's
resident memory at start, at the end of the soak (and its peak), and ``--settle`` seconds
(default 60) after every page has closed, and the p50/p95 response time. Figures
are printed, never asserted (issue 12).
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from network.rights import LOCAL_EDITOR

from . import server
from .pipeline import CHROMIUM, LAUNCH_ARGS

__all__ = ["main", "Figures"]

ROOT = Path(__file__).resolve().parents[1]
_DRAWN = "() => [...document.querySelectorAll('iframe')].some(f => { try { return f.contentDocument.body.dataset.drawn === 'true' } catch (e) { return false } })"
_DONE = "[data-testid=stApp][data-test-script-state=notRunning]"


@dataclass
class Figures:
    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    saved: list[str] = field(default_factory=list)
    save_errors: list[str] = field(default_factory=list)


def _rss_mb(pid: int) -> tuple[float, float]:
    """(resident, peak resident) MB of a process, from /proc."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def start_server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """The app as `make serve` starts it (on jemalloc where Debian's libjemalloc2 is installed, else
    glibc with two arenas), on this machine only. ``--malloc glibc`` measures without jemalloc."""
    extra = {"MALLOC_ARENA_MAX": "2"}
    found = sorted(glob.glob("/usr/lib/*/libjemalloc.so.2"))
    if found and os.environ.get("SNE_SOAK_MALLOC", "jemalloc") == "jemalloc":
        extra.update(LD_PRELOAD=found[0], MALLOC_CONF="background_thread:true,dirty_decay_ms:5000,muzzy_decay_ms:5000")
    return server.start_streamlit(folder, extra)


KINDS = 7


def _views(ids: list[str], types: list[str], rng: random.Random, choice: int | None = None) -> dict[str, str]:
    """A random link, as people share them (``choice``: one kind of link, 0 to KINDS - 1)."""
    choice = rng.randrange(KINDS) if choice is None else choice
    if choice == 0:
        return {"focus": rng.choice(ids)}
    if choice == 1:
        return {"actor_types": rng.choice(types)}
    if choice == 2:
        return {"color_by": "community"}
    if choice == 3:
        return {"lang": "nl", "focus": rng.choice(ids), "hops": "2"}
    if choice == 4:
        return {"path_from": rng.choice(ids), "path_to": rng.choice(ids)}
    if choice == 5:
        return {"lens": "grid"}  # the power-interest grid with its table
    return {}


def _editor(folder: Path, every: float, stop: threading.Event, figures: Figures) -> None:
    """Add one actor every ``every`` seconds, as the edit panel saves."""
    from network import store

    n = 0
    while not stop.wait(every):
        n += 1
        actor = f"soak-{n}"
        try:
            ds, base = store.load(folder)
            store.save(
                folder,
                ds.actors + [{"id": actor, "name": f"Soak {n}", "type": "ngo"}],
                ds.relations,
                base=base,
                access=LOCAL_EDITOR,
            )
            figures.saved.append(actor)
        except Exception as exc:  # counted and printed: a soak reports, it does not stop
            figures.save_errors.append(f"{actor}: {type(exc).__name__}: {exc}")


async def _session(
    browser: object, url: str, ids: list[str], types: list[str], until: float, seed: int, figures: Figures, warm: bool = False
) -> None:
    rng = random.Random(seed)
    context = await browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]

    async def route(r: object) -> None:
        target = r.request.url  # type: ignore[attr-defined]
        if target.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            await r.continue_()  # type: ignore[attr-defined]
        else:
            figures.outside.append(target)
            await r.abort()  # type: ignore[attr-defined]

    await context.route("**/*", route)
    page = await context.new_page()
    page.on("pageerror", lambda exc: figures.errors.append(f"page error: {exc}"))
    kinds = iter(range(KINDS))
    while True:  # at least one open, so a warm-up of no time still opens the app once
        kind = next(kinds, None) if warm else None
        query = urllib.parse.urlencode(_views(ids, types, rng, kind))
        start = time.perf_counter()
        try:
            await page.goto(f"{url}/?{query}", wait_until="domcontentloaded", timeout=60000)
            await page.wait_for_function(_DRAWN, timeout=60000, polling=100)
            await page.wait_for_selector(_DONE, timeout=60000)
            figures.times.append(time.perf_counter() - start)
            if await page.locator("[data-testid=stException]").count():
                figures.errors.append(f"exception shown for ?{query}")
        except Exception as exc:
            figures.errors.append(f"?{query}: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
        if (warm and kind == KINDS - 1) or (not warm and time.monotonic() >= until):
            break
        await asyncio.sleep(rng.uniform(0.2, 1.0))  # a person reads the map before the next link
    await context.close()


async def _drive(
    url: str, pages: int, seconds: float, ids: list[str], types: list[str], figures: Figures, warm: bool = False
) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        until = time.monotonic() + seconds
        await asyncio.gather(*(_session(browser, url, ids, types, until, i, figures, warm) for i in range(pages)))
        await browser.close()


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--pages", type=int, default=10, help="simulated sessions (headless Chromium pages)")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between the editor's saves")
    parser.add_argument("--settle", type=float, default=60.0, help="seconds after the sessions close to measure memory again")
    parser.add_argument(
        "--malloc", choices=("jemalloc", "glibc"), default="jemalloc", help="the server's allocator (as make serve)"
    )
    args = parser.parse_args(argv)
    os.environ["SNE_SOAK_MALLOC"] = args.malloc

    from network import load_dataset
    from network.io.folder import bundled_data_dir

    os.environ.pop("NETWORK_READ_ONLY", None)
    with tempfile.TemporaryDirectory(prefix="sne-soak-") as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(bundled_data_dir(), folder)
        before = load_dataset(folder)
        ids = [a["id"] for a in before.actors if a["type"] not in ("theme", "person")]
        types = sorted({a["type"] for a in before.actors})
        proc, url = start_server(folder)
        figures = Figures()
        try:
            # Warm-up: one link of each kind, so the libraries a view loads on first use (a table loads
            # pandas and pyarrow, about 65 MB) are in the idle figure, as on a server that has been used.
            asyncio.run(_drive(url, 1, 0.0, ids, types, Figures(), warm=True))
            rss_start, _ = _rss_mb(proc.pid)
            stop = threading.Event()
            editor = threading.Thread(target=_editor, args=(folder, args.every, stop, figures), daemon=True)
            editor.start()
            started = time.monotonic()
            asyncio.run(_drive(url, args.pages, args.minutes * 60, ids, types, figures))
            stop.set()
            editor.join(30)
            elapsed = time.monotonic() - started
            rss_end, rss_peak = _rss_mb(proc.pid)
            time.sleep(args.settle)  # every page is closed: the server should give back what the sessions took
            rss_settled, _ = _rss_mb(proc.pid)
        finally:
            proc.terminate()
            proc.wait(20)
        after = load_dataset(folder)
        present = {a["id"] for a in after.actors}
        lost = [a for a in figures.saved if a not in present]
        lost += [a["id"] for a in before.actors if a["id"] not in present]
    times = figures.times
    print(
        f"soak: {args.pages} sessions (headless Chromium pages) for {elapsed:.0f} s, one editor saving every {args.every:g} s"
        f" (server on {args.malloc})"
    )
    print(f"opens: {len(times)}, errors: {len(figures.errors)}, requests leaving localhost: {len(figures.outside)}")
    for e in figures.errors[:10]:
        print(f"  error: {e}")
    print(f"saves: {len(figures.saved)} confirmed, {len(figures.save_errors)} failed; rows lost: {len(lost)}")
    for e in figures.save_errors[:5]:
        print(f"  save error: {e}")
    print(
        f"server RSS: {rss_start:.0f} MB at start, {rss_end:.0f} MB at end (peak {rss_peak:.0f} MB), "
        f"{rss_settled:.0f} MB {args.settle:.0f} s after the sessions closed"
    )
    if times:
        print(
            f"response (navigation to map drawn and run finished): p50 {statistics.median(times):.2f} s, "
            f"p95 {_percentile(times, 0.95):.2f} s, max {max(times):.2f} s"
        )
    return 0 if not figures.errors and not lost and not figures.save_errors and not figures.outside else 1


if __name__ == "__main__":
    sys.exit(main())
