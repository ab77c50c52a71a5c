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
    # The paper's unnamed "sociale partners" are nobody's stance (issue 24).
    assert out[out.index("  SER (ser)") - 1] == "against (1):"


def test_stance_on_the_covenants_gives_the_four_social_partners_for_with_their_plea(capsys):
    assert main(["stance", "imvo-covenants", "--data", DATA]) == 0
    out = capsys.readouterr().out
    camps = out.split("\nagainst (")[0]
    assert camps.splitlines()[1] == "for (4):"
    for name in ("  CNV (cnv)", "  FNV (fnv)", "  MKB-Nederland (mkb-nederland)", "  VNO-NCW (vno-ncw)"):
        assert name in camps.splitlines()
    assert camps.count("“Ondersteun de IMVO-Convenanten financieel en met overheidsinbreng; pak daar de regie”") == 4
    assert "[letter-imvo-debate-2020, before 2020-12-08]" in camps


def test_stance_shows_support_and_concern_as_for_with_concerns_with_every_quote(capsys):
    assert main(["stance", "dutch-diamond", "--data", DATA]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "for (1):" and out[2] == "  CNV Internationaal (cnv-internationaal) (for, with concerns)"
    assert "conditional (0): nobody" in out
    quotes = [line.strip() for line in out if line.strip().startswith(("advocates for", "has concerns about"))]
    assert [q.split(" [")[0] for q in quotes] == ["advocates for", "has concerns about"]


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
    assert " for (1 with concerns), " in first  # CNV Internationaal on the Dutch Diamond
    block = out.split("\n\nSafe harbour for members of sector agreements (theme-safe-harbour)\n")[1].split("\n\n")[0]
    assert block == "  against: SER [paper-ser-roundtable-2023]"
    assert "  for: CNV Internationaal (for, with concerns) [paper-dutch-diamond-2026]" in out
    assert "  against: CNV" not in out


def test_asks_json_cells_name_their_documents(capsys):
    assert main(["asks", "--data", DATA, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {a["id"] for a in data["asks"]} >= {"theme-vmp-funding", "subsidy-scheme-sector-cooperation"}
    cell = next(c for c in data["cells"] if c["actor"] == "ser" and c["ask"] == "subsidy-scheme-sector-cooperation")
    assert cell == {
        "actor": "ser",
        "ask": "subsidy-scheme-sector-cooperation",
        "stance": "against",
        "label": "against",
        "documents": ["paper-ser-roundtable-2023"],
        "basis": "stated",
        "quotes": [
            "De nieuwe subsidieregeling voor sectorale samenwerking is niet geschikt om de convenantenaanpak op deze punten "
            "te verbeteren, zoals ook door sociale partners is aangegeven in hun recente brief aan de Tweede Kamer."
        ],
    }


def test_asks_csv_is_the_actors_by_asks_matrix(capsys):
    assert main(["asks", "--data", DATA, "--format", "csv", "--lang", "nl"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    ser = next(r for r in rows if r["id"] == "ser")
    assert ser["subsidieregeling voor sectorale samenwerking"] == "tegen (paper-ser-roundtable-2023)"
    assert list(rows[0])[:2] == ["Actor", "id"]
