"""The asks tab (ui.asks.panel), run in-process with AppTest on the bundled data and a hostile fixture."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.asks import ACTOR, ASK, TABLE


def _script() -> None:
    import os

    import streamlit as st

    from network import build_graph, load_dataset
    from network.io.folder import bundled_data_dir
    from ui import asks

    G = build_graph(load_dataset(os.environ.get("ASKS_TEST_DATA") or bundled_data_dir()))
    asks.panel(G, st.session_state.get("test_lang", "en"))


@pytest.fixture
def tab(monkeypatch):
    def run(data: Path | None = None, lang: str = "en") -> AppTest:
        if data is not None:
            monkeypatch.setenv("ASKS_TEST_DATA", str(data))
        else:
            monkeypatch.delenv("ASKS_TEST_DATA", raising=False)
        at = AppTest.from_function(_script, default_timeout=60)
        at.session_state["test_lang"] = lang
        return at.run()

    return run


def test_tab_shows_the_actors_by_asks_matrix(tab):
    at = tab()
    assert not at.exception
    frame = at.dataframe[0].value
    ser = frame[frame["_actor"] == "SER"].iloc[0]
    assert ser["subsidy-scheme-sector-cooperation"] == "✖ against · paper-ser-roundtable-2023"
    cnv = frame[frame["_actor"] == "CNV"].iloc[0]
    # Issue 24: the SER paper's unnamed "sociale partners" are nobody's stance; the 2020 letter pleads for the covenants.
    assert cnv["subsidy-scheme-sector-cooperation"] == ""
    assert cnv["imvo-covenants"] == "✔ for · letter-imvo-debate-2020"
    assert [b.label for b in at.get("download_button")] == ["Download as CSV", "Download as Excel workbook"]


def test_choosing_an_ask_shows_who_is_against_it_with_the_quotes(tab):
    at = tab()
    at.selectbox(key=ASK).set_value("subsidy-scheme-sector-cooperation").run()
    assert not at.exception
    headings = [m.value for m in at.markdown]
    assert any(h.startswith("**✖ against\\: subsidieregeling voor sectorale samenwerking** (1)") for h in headings)
    against = at.dataframe[1].value  # after the matrix; "for" is empty: a caption says nobody
    assert set(against["Actor"]) == {"SER"}
    assert against["Quote"].str.startswith("De nieuwe subsidieregeling").all()
    assert set(against["Basis"]) == {"stated in the document"}


def test_choosing_an_actor_opens_one_cell(tab):
    at = tab()
    at.selectbox(key=ASK).set_value("subsidy-scheme-sector-cooperation").run()
    at.selectbox(key=ACTOR).set_value("ser").run()
    assert not at.exception
    [quotes] = [d.value for d in at.dataframe][1:]
    assert list(quotes["Relation"]) == ["opposes"] and list(quotes["Date"]) == ["2023-01-18"]


def test_a_clicked_cell_chooses_its_ask_and_actor(tab):
    at = tab()
    frame = at.dataframe[0].value
    row = int(frame.index[frame["_actor"] == "SER"][0])
    at.session_state[TABLE] = {"selection": {"rows": [], "columns": [], "cells": [[row, "theme-safe-harbour"]]}}
    at.run()
    assert not at.exception
    assert at.selectbox(key=ASK).value == "theme-safe-harbour" and at.selectbox(key=ACTOR).value == "ser"


def test_tab_in_dutch(tab):
    at = tab(lang="nl")
    assert not at.exception
    frame = at.dataframe[0].value
    assert frame[frame["_actor"] == "SER"].iloc[0]["theme-safe-harbour"] == "✖ tegen · paper-ser-roundtable-2023"
    assert at.selectbox(key=ACTOR).label == "Actor" and at.selectbox(key=ASK).label == "Eis"


def test_names_from_the_data_show_as_text(tab, tmp_path):
    (tmp_path / "actors.csv").write_text(
        "id,name,type\n"
        "evil,<img src=x onerror=alert(1)> **bold** [link](http://evil.example),ngo\n"
        'ask,"![x](http://evil.example/x.png) ask",theme\n',
        "utf-8",
    )
    (tmp_path / "relations.csv").write_text(
        "source,target,type,directed,date,source_doc,evidence\nevil,ask,opposes,true,2025,d,*quote*\n", "utf-8"
    )
    (tmp_path / "sources.csv").write_text("id,title,date\nd,Doc,2025\n", "utf-8")
    at = tab(tmp_path)
    at.selectbox(key=ACTOR).set_value("evil").run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert "<img" not in shown.replace("\\<img", "") and "](http" not in shown
    from ui.messages import text

    assert text("![x](http://evil.example/x.png) ask") in shown
