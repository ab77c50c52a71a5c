"""Shared fixtures: the small hand-written data set under tests/data/good."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import Workbook

from network import Dataset, build_graph, load_dataset

DATA = Path(__file__).parent / "data"
GOOD = DATA / "good"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Results cached on disk go to a folder of this test run, not the user's cache."""
    import os

    os.environ["NETWORK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def dataset() -> Dataset:
    """The good fixture folder, loaded."""
    return load_dataset(GOOD)


@pytest.fixture
def graph(dataset: Dataset) -> nx.MultiDiGraph:
    """The good fixture folder as a graph."""
    return build_graph(dataset)


@pytest.fixture
def good_copy(tmp_path: Path) -> Path:
    """A writable copy of the good fixture folder, to break one file at a time."""
    dst = tmp_path / "data"
    shutil.copytree(GOOD, dst)
    return dst


@pytest.fixture
def run_app(monkeypatch: pytest.MonkeyPatch):
    """Run a Streamlit script (app.py unless told) in-process on a data folder, with URL parameters.

    A shut sidebar section builds no widgets (``ui.state.section``): tests open them all unless told.
    """
    from streamlit.testing.v1 import AppTest

    def run(data_dir: Path, script: str = "app.py", timeout: float = 120, sections: Iterable[str] | None = None, **query: str):
        from ui import keys

        monkeypatch.setenv("NETWORK_DATA_DIR", str(data_dir))
        at = AppTest.from_file(str(ROOT / script), default_timeout=timeout)
        # Every sidebar section open, as if the user had clicked each title (``sections``: only those).
        at.session_state[keys.OPEN_SECTIONS] = set(keys.SECTIONS if sections is None else sections)
        for k, v in query.items():
            at.query_params[k] = v
        return at.run()

    return run


def page_data(page: str) -> tuple[list[dict], list[dict]]:
    """The nodes and edges an exported map page hands vis-network, read from its JSON (not by counting text)."""
    import json

    decoder = json.JSONDecoder()
    nodes, _ = decoder.raw_decode(page[page.index("var nodeItems = ") + len("var nodeItems = ") :])
    marker = "var edges = new vis.DataSet("
    edges, _ = decoder.raw_decode(page[page.index(marker) + len(marker) :])
    return nodes, edges


def shown_map(at) -> dict:
    """The view the app handed its map component in the last run (``ui.map_panel.show``)."""
    from ui import keys

    view = at.session_state[keys.MAP_VIEW] if keys.MAP_VIEW in at.session_state else None
    assert view, "no map on the page"
    return view


def map_data(at) -> tuple[list[dict], list[dict]]:
    """The actors and relations the map was handed in the last run."""
    view = shown_map(at)
    return view["nodes"], view["edges"]


def map_caption(at) -> str:
    """The caption under the map, in the map component (it changes with each view together with the map)."""
    return shown_map(at)["caption"]


def make_book(sheets: dict[str, list[list[object]]]) -> bytes:
    """An .xlsx built cell by cell, as a user's spreadsheet program would leave it."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
