"""The asks tab (ui.asks.panel), run in-process with AppTest on the bundled data and a hostile fixture."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.asks import ACTOR, ASK


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


def test_tab_lists_each_ask_as_a_row_with_who_stands_where_and_the_documents_by_title(tab):
    at = tab()
    assert not at.exception
    frame = at.table[0].value
    # Five columns, one row per ask: 31 asks as columns were cut off at 1280x720 (issue 23).
    assert list(frame.columns) == ["Ask", "✔ for", "✖ against", "◐ conditional", "Documents"]
    scheme = frame[frame["Ask"] == "subsidieregeling"].iloc[0]
    assert scheme["✖ against"] == "SER" and scheme["✔ for"] == ""
    # Documents by title and year, not by id.
    assert scheme["Documents"] == "Combinatie van wetgeving en sectorovereenkomsten (2023)"
    covenants = frame[frame["Ask"] == "IMVO-convenanten"].iloc[0]
    # Issue 24: the 2020 letter pleads for the covenants; the SER paper's unnamed "sociale partners" are nobody's stance.
    assert "CNV" in covenants["✔ for"].split(", ")
    assert "-20" not in " ".join(frame["Documents"])  # no document ids
    assert [b.label for b in at.get("download_button")] == ["Download as CSV", "Download as Excel workbook"]


def test_choosing_an_ask_shows_who_is_against_it_with_the_quotes(tab):
    at = tab()
    at.selectbox(key=ASK).set_value("subsidy-scheme-sector-cooperation").run()
    assert not at.exception
    headings = [m.value for m in at.markdown]
    assert any(h.startswith("**✖ against\\: subsidieregeling voor sectorale samenwerking** (1)") for h in headings)
    against = at.dataframe[0].value  # "for" is empty: a caption says nobody
    assert set(against["Actor"]) == {"SER"}
    assert against["Quote"].str.startswith("De nieuwe subsidieregeling").all()
    assert set(against["Basis"]) == {"stated in the document"}


def test_choosing_an_actor_opens_one_cell(tab):
    at = tab()
    at.selectbox(key=ASK).set_value("subsidy-scheme-sector-cooperation").run()
    at.selectbox(key=ACTOR).set_value("ser").run()
    assert not at.exception
    [quotes] = [d.value for d in at.dataframe]
    assert list(quotes["Relation"]) == ["opposes"] and list(quotes["Date"]) == ["2023-01-18"]


def test_tab_in_dutch(tab):
    at = tab(lang="nl")
    assert not at.exception
    frame = at.table[0].value
    assert frame[frame["Eis"] == "subsidieregeling"].iloc[0]["✖ tegen"] == "SER"
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
