"""The Streamlit page, run in-process with AppTest."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from .conftest import GOOD, ROOT

APP = str(ROOT / "app.py")


@pytest.fixture
def app(monkeypatch):
    def run(data_dir, **query):
        monkeypatch.setenv("NETWORK_DATA_DIR", str(data_dir))
        at = AppTest.from_file(APP, default_timeout=60)
        for k, v in query.items():
            at.query_params[k] = v
        return at.run()

    return run


def _iframe_html(at) -> str:
    [frame] = at.get("iframe")
    return frame.proto.srcdoc or frame.proto.src


def test_page_runs_on_the_bundled_data_and_draws_every_actor(app):
    from network import load_dataset

    at = app(ROOT / "data")
    assert not at.exception
    n = len(load_dataset(ROOT / "data").actors)
    assert at.caption[0].value.startswith(f"{n} actors")
    assert _iframe_html(at).count('"shape"') == n


def test_broken_data_is_shown_as_a_problem_table_not_a_crash(app, good_copy):
    with open(good_copy / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write("fnv,acme,funds,true,2024,doc1,q,\n")
    at = app(good_copy)
    assert not at.exception
    assert at.error and "did not load" in at.error[0].value
    table = at.dataframe[0].value
    assert "unknown actor 'acme'" in " ".join(table["problem"].astype(str))
    assert not at.get("iframe")


def test_dutch_from_the_url_translates_the_page(app):
    at = app(GOOD, lang="nl")
    assert at.title[0].value == "Stakeholdernetwerk-verkenner"
    assert "Legenda" in _iframe_html(at)
