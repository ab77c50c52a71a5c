"""`python -m network asks` and `python -m network stance ASK`: who is for and against what, with the quotes."""

from __future__ import annotations

import csv
import io
import json

from network.cli import main

from .conftest import ROOT

DATA = str(ROOT / "data")


def test_stance_json_prints_exactly_the_four_keys_with_quotes(capsys):
    assert main(["stance", "subsidy-scheme-sector-cooperation", "--data", DATA, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["ask", "for", "against", "conditional"]
    assert data["ask"] == "subsidy-scheme-sector-cooperation"
    ser = next(e for e in data["against"] if e["id"] == "ser")
    assert ser["name"] == "SER"
    [rel] = ser["relations"]
    assert rel["document"].startswith("Combinatie van wetgeving") and rel["date"] == "2023-01-18"
    assert rel["evidence"].startswith("De nieuwe subsidieregeling voor sectorale samenwerking is niet geschikt")


def test_stance_finds_the_ask_by_name_and_prints_who_is_against_it(capsys):
    assert main(["stance", "Subsidieregeling voor sectorale samenwerking", "--data", DATA]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "subsidieregeling voor sectorale samenwerking (subsidy-scheme-sector-cooperation)"
    assert out[1] == "for (0): nobody"
    assert "  SER (ser)" in out
    assert any(line.strip().startswith("opposes [paper-ser-roundtable-2023, 2023-01-18] “De nieuwe") for line in out)
    assert any(line.strip().startswith("opposes (inferred) [") for line in out)


def test_unknown_ask_exits_1_with_close_matches(capsys):
    assert main(["stance", "subsidy", "--data", DATA]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: no actor named 'subsidy'; did you mean:")
    assert "(subsidy-scheme-sector-cooperation)" in err


def test_asks_text_lists_each_ask_with_its_camps_and_documents(capsys):
    assert main(["asks", "--data", DATA]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert " asks, " in first and " stances: " in first and " against" in first
    block = out.split("\n\nSafe harbour for members of sector agreements (theme-safe-harbour)\n")[1].split("\n\n")[0]
    assert block == "  against: SER [paper-ser-roundtable-2023]"
    assert "  against: CNV (inferred) [paper-ser-roundtable-2023]" in out


def test_asks_json_cells_name_their_documents(capsys):
    assert main(["asks", "--data", DATA, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {a["id"] for a in data["asks"]} >= {"theme-vmp-funding", "subsidy-scheme-sector-cooperation"}
    cell = next(c for c in data["cells"] if c["actor"] == "ser" and c["ask"] == "subsidy-scheme-sector-cooperation")
    assert cell == {
        "actor": "ser",
        "ask": "subsidy-scheme-sector-cooperation",
        "stance": "against",
        "documents": ["paper-ser-roundtable-2023"],
        "basis": "stated",
    }


def test_asks_csv_is_the_actors_by_asks_matrix(capsys):
    assert main(["asks", "--data", DATA, "--format", "csv", "--lang", "nl"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    ser = next(r for r in rows if r["id"] == "ser")
    assert ser["subsidieregeling voor sectorale samenwerking"] == "tegen (paper-ser-roundtable-2023)"
    assert list(rows[0])[:2] == ["Actor", "id"]
