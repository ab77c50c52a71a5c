"""Browser-test fixtures: a Streamlit server on the fixture data and headless Debian Chromium."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# One definition of how Debian's Chromium is started, shared with the benchmark.
from bench import server  # noqa: E402
from bench.pipeline import CHROMIUM, LAUNCH_ARGS  # noqa: E402


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def start_streamlit(
    data_dir: Path, extra_env: dict[str, str] | None = None, script: Path = ROOT / "app.py", port: int | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """Start `streamlit run app.py` (or ``script``) on ``port`` (default: a free one) and wait until /_stcore/health says ok."""
    return server.start_streamlit(data_dir, extra_env, script=script, port=port)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium (Debian's) for the whole session."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page that records every request leaving localhost in ``page.outside_requests``; the
    test fails if the app shows a Python exception."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    pg = context.new_page()
    outside: list[str] = []

    def _route(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", _route)
    pg.outside_requests = outside  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    yield pg
    try:  # a test passes only if the app never showed a Python exception on its way
        errors = pg.locator("[data-testid=stException]").all_inner_texts()  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - the page is gone: nothing to read
        errors = []
    context.close()
    assert not errors, f"the app showed an exception: {errors[0][:1000]}"


@pytest.fixture(scope="module")
def bundled_app() -> Iterator[str]:
    """The app on the bundled data/."""
    proc, url = start_streamlit(ROOT / "data")
    yield url
    proc.terminate()
    proc.wait(10)
