"""Kumu's spreadsheet format, both ways: ours -> Kumu -> ours and Kumu -> ours -> Kumu."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from network import DataError, Dataset, load_dataset
from network.io.kumu import SOURCES_SHEET, read_kumu, write_kumu
from network.io.uploads import read_spreadsheet as read_workbook

from .conftest import GOOD, ROOT, make_book

# A workbook as someone would make it for Kumu by hand: labels, no ids.
ELEMENTS = [
    ["Label", "Type", "Description", "Tags", "Organization size"],
    ["FNV", "Trade union", "Largest Dutch union confederation.", "union|NL", "large"],
    ["Mondiaal FNV", "Trade union", "FNV's international arm.", "union", ""],
    ["Ministry of Foreign Affairs", "Ministry / minister", "", "", ""],
    ["Jane Doe", "Person", "A person: not one of our types.", "", ""],
    ["Hukatan-KSBSI", "Local union abroad", "Indonesian union.", "", "small"],
]
CONNECTIONS = [
    ["From", "To", "Type", "Direction", "Description", "Tags", "Strength"],
    ["Mondiaal FNV", "FNV", "member of / part of", "directed", "", "", "strong"],
    ["FNV", "Ministry of Foreign Affairs", "addresses", "directed", "A letter to the minister.", "letter", ""],
    ["Mondiaal FNV", "Hukatan-KSBSI", "partners with", "mutual", "", "", ""],
    ["Jane Doe", "FNV", "supports", "undirected", "", "", "weak"],
]


def sheet_rows(xlsx: bytes, title: str) -> list[dict[str, str]]:
    ws = load_workbook(io.BytesIO(xlsx))[title]
    rows = [[c if c is not None else "" for c in row] for row in ws.iter_rows(values_only=True)]
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def kumu_view(xlsx: bytes) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Elements and connections as Kumu draws them: From/To as labels, no ID column, no empty cells."""
    elements = sheet_rows(xlsx, "Elements")
    label_of = {e["ID"]: e["Label"] for e in elements if e.get("ID")}
    shown_elements = [{k: v for k, v in e.items() if v and k != "ID"} for e in elements]
    connections = []
    for c in sheet_rows(xlsx, "Connections"):
        c = {k: v for k, v in c.items() if v}
        c["From"], c["To"] = label_of.get(c["From"], c["From"]), label_of.get(c["To"], c["To"])
        connections.append(c)
    return shown_elements, connections


def same_data(a: Dataset, b: Dataset) -> bool:
    return (a.actors, a.relations, a.sources) == (b.actors, b.relations, b.sources)


@pytest.mark.parametrize("folder", [GOOD, ROOT / "data"], ids=["fixture", "bundled"])
def test_ours_to_kumu_to_ours_keeps_every_actor_and_relation_with_its_id(folder: Path) -> None:
    original = load_dataset(folder)
    back = read_workbook(write_kumu(original), "map.xlsx")
    assert same_data(back, original)


def test_a_hand_made_kumu_workbook_loads() -> None:
    elements = [row[:] for row in ELEMENTS]
    elements[2][1], elements[5][1] = "Vakbond", "local union"  # Dutch labels and keys are understood too
    ds = read_workbook(make_book({"Elements": elements, "Connections": CONNECTIONS}), "kumu.xlsx")
    actors = {a["id"]: a for a in ds.actors}
    assert list(actors) == ["fnv", "mondiaal-fnv", "ministry-of-foreign-affairs", "jane-doe", "hukatan-ksbsi"]
    assert [actors[i]["type"] for i in actors] == ["trade_union", "trade_union", "ministry", "Person", "local_union"]
    assert actors["fnv"]["tags"] == "union|NL" and actors["fnv"]["Organization size"] == "large"
    edges = [(r["source"], r["target"], r["type"], r["directed"]) for r in ds.relations]
    assert edges == [
        ("mondiaal-fnv", "fnv", "member_of", "true"),
        ("fnv", "ministry-of-foreign-affairs", "addresses", "true"),
        ("mondiaal-fnv", "hukatan-ksbsi", "partners_with", "false"),
        ("jane-doe", "fnv", "supports", "false"),
    ]
    assert ds.relations[1]["note"] == "A letter to the minister."
    assert ds.relations[2]["direction"] == "mutual"
    assert ["kumu.xlsx [sheet Elements]:5: Type: unknown actor type 'Person'; drawn in a neutral style"] == [
        str(p) for p in ds.warnings if "Person" in p.message
    ]


def test_kumu_to_ours_to_kumu_gives_the_same_elements_and_connections() -> None:
    book = make_book({"Elements": ELEMENTS, "Connections": CONNECTIONS})
    again = write_kumu(read_workbook(book, "kumu.xlsx"))
    assert kumu_view(again) == kumu_view(book)


def test_the_kumu_export_follows_kumus_import_layout(dataset: Dataset) -> None:
    xlsx = write_kumu(dataset)
    book = load_workbook(io.BytesIO(xlsx))
    assert book.sheetnames == ["Elements", "Connections", SOURCES_SHEET]
    elements, connections = sheet_rows(xlsx, "Elements"), sheet_rows(xlsx, "Connections")
    assert list(elements[0])[:4] == ["ID", "Label", "Type", "Description"]
    assert list(connections[0])[:5] == ["From", "To", "Type", "Direction", "Description"]
    assert {"country", "sector", "aliases", "date", "source_doc", "evidence"} <= set(elements[0]) | set(connections[0])
    fnv = next(e for e in elements if e["ID"] == "fnv")
    assert (fnv["Label"], fnv["Type"]) == ("FNV", "Trade union")
    assert {c["Direction"] for c in connections} == {"directed", "undirected"}
    assert {c["Type"] for c in connections} >= {"co-signs with", "addresses"}
    ids = {e["ID"] for e in elements}
    assert all(c["From"] in ids and c["To"] in ids for c in connections)


def test_the_kumu_export_can_use_dutch_type_labels(dataset: Dataset) -> None:
    xlsx = write_kumu(dataset, lang="nl")
    assert next(e for e in sheet_rows(xlsx, "Elements") if e["ID"] == "fnv")["Type"] == "Vakbond"
    assert same_data(read_kumu(xlsx, "nl.xlsx"), dataset)


def test_actors_that_share_a_name_stay_two_elements(dataset: Dataset) -> None:
    dataset.actors[1]["name"] = dataset.actors[0]["name"]  # cnv is now called "FNV" too
    xlsx = write_kumu(dataset)
    elements = sheet_rows(xlsx, "Elements")
    assert [e["ID"] for e in elements if e["Label"] == "FNV"] == ["fnv", "cnv"]
    assert same_data(read_kumu(xlsx, "map.xlsx"), dataset)


def test_equal_labels_without_ids_become_separate_actors_with_a_warning() -> None:
    elements = [["Label", "Type"], ["SER", "advisory council"], ["SER", "ngo"], ["S.E.R.", "ngo"], ["FNV", "trade union"]]
    connections = [["From", "To", "Type"], ["FNV", "SER", "addresses"], ["FNV", "S.E.R.", "addresses"]]
    ds = read_workbook(make_book({"Elements": elements, "Connections": connections}), "kumu.xlsx")
    assert [a["id"] for a in ds.actors] == ["ser", "ser-2", "s-e-r", "fnv"]
    assert [r["target"] for r in ds.relations] == ["ser", "s-e-r"]
    assert any(p.line == 3 and p.column == "Label" and "also on row 2" in p.message for p in ds.warnings)


def test_a_to_cell_naming_several_elements_gives_one_relation_each() -> None:
    elements = [["Label", "Type"], ["A", "ngo"], ["B", "ngo"], ["C", "ngo"]]
    connections = [["From", "To", "Type"], ["A", "B | C", "supports"]]
    ds = read_workbook(make_book({"Elements": elements, "Connections": connections}), "kumu.xlsx")
    assert [(r["source"], r["target"]) for r in ds.relations] == [("a", "b"), ("a", "c")]


def test_kumu_problems_name_the_kumu_sheet_row_and_column() -> None:
    connections = [
        ["From", "To", "Type", "Direction"],
        ["FNV", "Nobody", "addresses", "directed"],
        ["FNV", "FNV", "", "sideways"],
    ]
    book = make_book({"Elements": ELEMENTS, "Connections": connections})
    with pytest.raises(DataError) as info:
        read_workbook(book, "kumu.xlsx")
    assert [str(p) for p in info.value.errors] == [
        "kumu.xlsx [sheet Connections]:2: To: unknown actor 'Nobody'",
        "kumu.xlsx [sheet Connections]:3: Type: empty relation type",
        "kumu.xlsx [sheet Connections]:3: Direction: 'sideways' is not true or false",
    ]


def test_sheets_are_found_by_their_first_columns_when_not_named_elements_and_connections() -> None:
    book = make_book({"People": ELEMENTS, "Ties": CONNECTIONS, "Notes (ignore)": [["Label"], ["x"]]})
    ds = read_workbook(book, "kumu.xlsx")
    assert len(ds.actors) == 5 and len(ds.relations) == 4


def test_a_kumu_workbook_without_a_connections_sheet_says_so() -> None:
    with pytest.raises(DataError, match="no Connections sheet"):
        read_kumu(make_book({"Elements": ELEMENTS}), "kumu.xlsx")
