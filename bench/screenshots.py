"""The pictures in docs/screenshots, made again: ``python -m bench.screenshots``.

Starts the app on the bundled data (as the benchmarks do, :mod:`bench.server`), opens each view in
headless Chromium at the size it is shown at, and saves the page once the map has drawn and stopped
changing. Then the "Around FNV" view is exported as a slide and rendered by LibreOffice, when
``soffice`` is installed (otherwise the slide's picture is left as it is).

The map is found by its one documented handle: the vis-network instance as ``network`` on the
window of the document that draws it, whichever frame of the page that is (the app's own page for
a component drawn in it, an inner frame for an embedded page). Nothing here depends on how the app
embeds the map.

Options: ``--out DIR`` (default docs/screenshots), ``--only NAME`` (repeatable, e.g.
``--only present-1280x720.png``), ``--no-slide``, ``--data DIR`` (default the bundled data).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import server
from bench.pipeline import CHROMIUM

__all__ = ["SHOTS", "SLIDE", "wait_for_map", "take", "render_slide", "main"]

ROOT = server.ROOT
OUT = ROOT / "docs" / "screenshots"
# The launch of the design notes: headless Debian Chromium, nothing fetched from the network.
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-component-update"]

# file name, the app's path (the view's state in the query, as the app writes it), viewport
SHOTS = (
    ("explore-1280x720.png", "/", (1280, 720)),
    ("explore-1920x1080.png", "/", (1920, 1080)),
    ("focus-fnv-1280x720.png", "/?focus=fnv", (1280, 720)),
    ("present-1280x720.png", "/?present=1", (1280, 720)),
)
SLIDE = ("slide-around-fnv.png", "Around FNV")

# Resolves once the map has not drawn for `quiet` ms: a view's update, a refit after the first draw
# or a late rerun each draw again, and a picture taken between them shows a map on its way.
_SETTLED_JS = """
async (quiet) => {
  const net = window.network;
  if (!net) return false;
  let last = performance.now();
  net.on("afterDrawing", () => { last = performance.now(); });
  net.redraw();
  while (performance.now() - last < quiet) {
    await new Promise((r) => setTimeout(r, 50));
    if (window.network !== net) return false;
  }
  return window.network === net;
}
"""


def wait_for_map(page: object, timeout: float = 90.0, quiet_ms: int = 800) -> object:
    """The frame whose window holds the drawn map, once the app's run is over and the map is still.

    Polls every frame of the page, the main frame included, for ``window.network``; a frame that is
    replaced while it is asked (a rerun) is simply asked again on the next round.
    """
    from playwright.sync_api import Error as PlaywrightError

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:  # type: ignore[attr-defined]
            try:
                if not frame.evaluate("() => !!window.network"):
                    continue
                _wait_for_the_run(page, deadline)
                if frame.evaluate(_SETTLED_JS, quiet_ms):
                    return frame
            except PlaywrightError:  # the frame went away while it was asked
                continue
        page.wait_for_timeout(200)  # type: ignore[attr-defined]
    raise TimeoutError(f"no frame of the page drew a map within {timeout:.0f} s")


def _wait_for_the_run(page: object, deadline: float) -> None:
    """Until Streamlit says its script is not running (a view's update may come at the run's end)."""
    from playwright.sync_api import Error as PlaywrightError

    left = max(1000, int((deadline - time.monotonic()) * 1000))
    try:
        page.wait_for_selector("[data-test-script-state=notRunning]", timeout=left)  # type: ignore[attr-defined]
    except PlaywrightError:
        pass  # no such marker in this Streamlit: the quiet period after the last draw still holds


def take(url: str, out: Path, only: set[str] | None = None) -> list[Path]:
    """Each of SHOTS (or those named in ``only``) as a PNG in ``out``; return the files written."""
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            for name, path, (width, height) in SHOTS:
                if only and name not in only:
                    continue
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(url + path)
                wait_for_map(page)
                page.mouse.move(width - 1, height - 1)  # no tooltip or hover in the picture
                page.screenshot(path=str(out / name))
                page.close()
                written.append(out / name)
                print(f"{out / name}: {width}x{height}, {path}", flush=True)
        finally:
            browser.close()
    return written


def render_slide(data: Path, out: Path) -> Path | None:
    """The first slide of a deck of the SLIDE view, as LibreOffice draws it; None without soffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: the slide's picture is left as it is", file=sys.stderr)
        return None
    name, view = SLIDE
    with tempfile.TemporaryDirectory() as tmp:
        deck = Path(tmp) / "deck.pptx"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "network", "export", "--data", str(data), "--view", view]
        subprocess.run([*command, "--format", "pptx", "--out", str(deck)], check=True, env=env, cwd=ROOT)
        # A profile of its own, so a LibreOffice the user has open is neither used nor changed.
        profile = f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}"
        subprocess.run(
            [soffice, profile, "--headless", "--convert-to", "png", "--outdir", tmp, str(deck)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.copyfile(Path(tmp) / "deck.png", out / name)
    print(f"{out / name}: the '{view}' slide in LibreOffice", flush=True)
    return out / name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the pictures (default: docs/screenshots)")
    parser.add_argument("--only", action="append", metavar="NAME", help="only this picture (repeatable)")
    parser.add_argument("--no-slide", action="store_true", help="leave the slide's picture as it is")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data folder (default: the bundled data)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    only = set(args.only or ())
    if not only or only - {SLIDE[0]}:
        # A cache of its own: the pictures show what the app works out, not what an older version kept.
        with tempfile.TemporaryDirectory() as cache:
            proc, url = server.start_streamlit(args.data, {"NETWORK_CACHE_DIR": cache, "NETWORK_READ_ONLY": "0"})
            try:
                take(url, args.out, only or None)
            finally:
                proc.terminate()
                proc.wait(timeout=30)
    if not args.no_slide and (not only or SLIDE[0] in only):
        render_slide(args.data, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
