"""Kumu's spreadsheet format, both ways: ours -> Kumu -> ours and Kumu -> ours -> Kumu."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from network import DataError, Dataset, load_dataset
from network import vocabulary as vocab
from network.io.kumu import SOURCES_SHEET, read_kumu, write_kumu
from network.io.uploads import read_spreadsheet as read_workbook

from .conftest import GOOD, ROOT, make_book

# A workbook as someone would make it for Kumu by hand: labels, no ids.
ELEMENTS = [
    ["Label", "Type", "Description", "Tags", "Organization size"],
    ["FNV", "Trade union", "Largest Dutch union confederation.", "union|NL", "large"],
    ["Mondiaal FNV", "Trade union", "FNV's international arm.", "union", ""],
    ["Ministry of Foreign Affairs", "Ministry / minister", "", "", ""],
    ["Jane Doe", "Volunteer", "A volunteer: not one of our types.", "", ""],
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
    assert [actors[i]["type"] for i in actors] == ["trade_union", "trade_union", "ministry", "Volunteer", "local_union"]
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
    assert [str(p) for p in ds.warnings if "Volunteer" in p.message] == [
        "kumu.xlsx [sheet Elements]:5: Type: unknown actor type 'Volunteer' on 1 row (5); kept as it is, in a colour of its own"
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
        "kumu.xlsx [sheet Connections]:3: Direction: 'sideways' is not true or false",
    ]


def test_a_kumu_workbook_without_a_type_column_loads_its_connections_as_connected_to() -> None:
    # Kumu draws untyped connections; we load them as a neutral undirected relation.
    connections = [
        ["From", "To", "Direction", "Description"],
        ["FNV", "Mondiaal FNV", "", "Same family."],
        ["FNV", "Ministry of Foreign Affairs", "directed", ""],
        ["Jane Doe", "Hukatan-KSBSI", "", ""],
    ]
    ds = read_workbook(make_book({"Elements": ELEMENTS, "Connections": connections}), "kumu.xlsx")
    assert [(r["source"], r["target"], r["type"], r["directed"]) for r in ds.relations] == [
        ("fnv", "mondiaal-fnv", "connected_to", "false"),
        ("fnv", "ministry-of-foreign-affairs", "connected_to", "true"),  # its Direction says so
        ("jane-doe", "hukatan-ksbsi", "connected_to", "false"),
    ]
    assert ds.relations[0]["note"] == "Same family."
    assert not [p for p in ds.warnings if "relation type" in p.message]
    rt = vocab.relation_type("connected_to")
    assert rt is not None and (rt.en, rt.nl, rt.directed) == ("connected to", "verbonden met", False)
    assert rt.color not in (vocab.UNKNOWN_RELATION_STYLE["color"], *vocab.UNKNOWN_TYPE_PALETTE)


def test_an_empty_type_cell_is_an_untyped_connection_too() -> None:
    connections = [["From", "To", "Type"], ["FNV", "Mondiaal FNV", ""], ["FNV", "Jane Doe", "supports"]]
    ds = read_workbook(make_book({"Elements": ELEMENTS, "Connections": connections}), "kumu.xlsx")
    assert [r["type"] for r in ds.relations] == ["connected_to", "supports"]


def test_unknown_kumu_types_give_one_warning_per_type_with_its_row_count() -> None:
    elements = [["Label", "Type"], ["Acme", "Organization"]] + [[f"Angel {i}", "Volunteer"] for i in range(50)]
    connections = [["From", "To", "Type"]] + [[f"Angel {i}", "Acme", "Investor"] for i in range(50)]
    connections += [["Angel 1", "Angel 2", "Mentor"]]
    ds = read_workbook(make_book({"Elements": elements, "Connections": connections}), "kumu.xlsx")
    assert [str(p) for p in ds.warnings if "unknown" in p.message] == [
        "kumu.xlsx [sheet Elements]:2: Type: unknown actor type 'Organization' on 1 row (2); kept as it is, in a colour of its own",
        "kumu.xlsx [sheet Elements]:3: Type: unknown actor type 'Volunteer' on 50 rows (3, 4, 5, 6, 7, …); "
        "kept as it is, in a colour of its own",
        "kumu.xlsx [sheet Connections]:2: Type: unknown relation type 'Investor' on 50 rows (2, 3, 4, 5, 6, …); "
        "kept as it is, in a colour of its own",
        "kumu.xlsx [sheet Connections]:52: Type: unknown relation type 'Mentor' on 1 row (52); kept as it is, in a colour of its own",
    ]
    colours = vocab.unknown_type_colors(["Organization", "Volunteer"]) | vocab.unknown_type_colors(["Investor", "Mentor"])
    assert len(set(vocab.unknown_type_colors(["Organization", "Volunteer"]).values())) == 2
    assert len(set(vocab.unknown_type_colors(["Investor", "Mentor"]).values())) == 2
    assert vocab.UNKNOWN_ACTOR_STYLE["color"] not in colours.values()


def test_the_row_count_is_whole_where_the_loader_stops_listing_problems() -> None:
    elements = [["Label", "Type"], ["Acme", "ngo"]] + [[f"Angel {i}", "Volunteer"] for i in range(300)]
    connections = [["From", "To"]] + [[f"Angel {i}", "Acme"] for i in range(300)]
    ds = read_workbook(make_book({"Elements": elements, "Connections": connections}), "kumu.xlsx")
    messages = [p.message for p in ds.warnings]
    assert [m for m in messages if "Volunteer" in m] == [
        "unknown actor type 'Volunteer' on 300 rows (3, 4, 5, 6, 7, …); kept as it is, in a colour of its own"
    ]
    assert not [m for m in messages if "more problem" in m]  # only the type warnings were left out


def book_with_an_excel_extension(sheets: dict[str, list[list[object]]]) -> bytes:
    """A workbook whose sheets carry an extension list, as Kumu's and Excel's own files do."""
    source = zipfile.ZipFile(io.BytesIO(make_book(sheets)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                ext = b'<extLst><ext uri="{00000000-0000-0000-0000-00000000ABCD}"><x/></ext></extLst>'
                data = data.replace(b"</worksheet>", ext + b"</worksheet>")
            book.writestr(item, data)
    return out.getvalue()


def test_openpyxl_warnings_about_unread_excel_features_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "kumu.xlsx"
    path.write_bytes(book_with_an_excel_extension({"Elements": ELEMENTS, "Connections": CONNECTIONS}))
    plain = "import sys, openpyxl; b = openpyxl.load_workbook(sys.argv[1], read_only=True); [list(ws.values) for ws in b]"
    ours = "import sys; from network.io.uploads import load_any; print(len(load_any(sys.argv[1]).relations))"
    run = [sys.executable, "-W", "default", "-c"]
    raw = subprocess.run([*run, plain, str(path)], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "extension is not supported" in raw.stderr  # the file does make openpyxl warn
    done = subprocess.run([*run, ours, str(path)], capture_output=True, text=True, cwd=ROOT, check=True)
    assert (done.stdout.strip(), done.stderr) == ("4", "")


def test_sheets_are_found_by_their_first_columns_when_not_named_elements_and_connections() -> None:
    book = make_book({"People": ELEMENTS, "Ties": CONNECTIONS, "Notes (ignore)": [["Label"], ["x"]]})
    ds = read_workbook(book, "kumu.xlsx")
    assert len(ds.actors) == 5 and len(ds.relations) == 4


def test_a_kumu_workbook_without_a_connections_sheet_says_so() -> None:
    with pytest.raises(DataError, match="no Connections sheet"):
        read_kumu(make_book({"Elements": ELEMENTS}), "kumu.xlsx")


def test_positions_travel_in_the_kumu_export_and_come_back_the_same(dataset: Dataset) -> None:
    from network.io.kumu import kumu_positions

    positions = {a["id"]: (i * 10.25 - 40, -i * 3.5) for i, a in enumerate(dataset.actors)}
    book = write_kumu(dataset, positions=positions)
    assert {"X", "Y"} <= set(sheet_rows(book, "Elements")[0])
    got, problems = kumu_positions(book, "map.xlsx", known=[a["id"] for a in dataset.actors])
    assert problems == []
    assert got == {n: (round(x, 1), round(y, 1)) for n, (x, y) in positions.items()}
    assert read_workbook(book, "map.xlsx").actors == dataset.actors  # X and Y are not custom fields


def test_our_short_label_column_is_not_mistaken_for_kumus_label() -> None:
    ds = read_kumu(
        make_book(
            {
                "Elements": [["Label", "Type", "Short label"], ["Ministerie van Buitenlandse Zaken", "ministry", "BZ"]],
                "Connections": [["From", "To"]],
            }
        ),
        "kumu.xlsx",
    )
    assert ds.actors[0]["name"] == "Ministerie van Buitenlandse Zaken" and ds.actors[0]["label"] == "BZ"
    back = read_workbook(write_kumu(ds), "again.xlsx")
    assert back.actors == ds.actors


def test_a_kumu_map_of_people_loads_and_exports_with_every_element_and_connection(tmp_path: Path) -> None:
    from network.cli import main

    people = [f"Person {i}" for i in range(17)]
    orgs = [f"Organisation {i}" for i in range(17)]
    elements = [["Label", "Type"], *([p, "Person"] for p in people), *([o, "Organization"] for o in orgs)]
    connections = [["From", "To", "Type", "Direction"]]
    for i in range(49):  # every connection touches a person, as in a map of people; no two alike
        a, round_ = people[i % 17], i // 17
        b = orgs[(i + 3 * round_) % 17] if round_ < 2 else people[(i + 1) % 17]
        connections.append([a, b, "member of / part of" if b in orgs else "partners with", "directed" if b in orgs else "mutual"])
    book = tmp_path / "people.xlsx"
    book.write_bytes(make_book({"Elements": elements, "Connections": connections}))
    out = tmp_path / "people.json"
    assert main(["export", "--data", str(book), "--format", "json", "--out", str(out)]) == 0
    import json

    data = json.loads(out.read_text("utf-8"))
    assert len(data["nodes"]) == 34 and len(data["edges"]) == 49
    assert "not shown" not in data["meta"]["caption"] and data["meta"]["left_out"] == ""


def test_connections_dropped_as_duplicates_say_the_sheet_has_no_type_column() -> None:
    ds = read_kumu(
        make_book(
            {"Elements": [["Label", "Type"], ["A", "NGO"], ["B", "NGO"]], "Connections": [["From", "To"], ["A", "B"], ["A", "B"]]}
        ),
        "k.xlsx",
    )
    assert len(ds.relations) == 1
    (said,) = [p.message for p in ds.warnings if "duplicate" in p.message]
    assert "no Type or Direction column" in said and "add a Type or Direction column" in said
