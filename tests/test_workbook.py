"""The workbook format (sheets actors, relations, sources) and the two doors in: load_any, load_uploads."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from network import DataError, load_dataset
from network.io.csvfile import write_csv_atomic
from network.io.uploads import load_any, load_uploads
from network.io.uploads import read_spreadsheet as read_workbook
from network.io.xlsx import MAX_WIDTH, MIN_WIDTH, NOT_A_WORKBOOK, column_order, write_workbook
from network.model import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS

from .conftest import GOOD, ROOT, make_book

ACTORS = [
    ["id", "name", "type"],
    ["fnv", "FNV", "trade_union"],
    ["cnv", "CNV", "Vakbond"],
]
RELATIONS = [
    ["source", "target", "type", "directed", "date"],
    ["fnv", "cnv", "co_signs", "false", "2026-05-07"],
]


def write_folder(ds, folder: Path) -> None:
    """The dataset as CSV files, every column included."""
    folder.mkdir()
    write_csv_atomic(folder / "actors.csv", column_order(ds.actors, ACTOR_COLUMNS), ds.actors)
    write_csv_atomic(folder / "relations.csv", column_order(ds.relations, RELATION_COLUMNS), ds.relations)
    if ds.sources:
        write_csv_atomic(folder / "sources.csv", column_order(ds.sources, SOURCE_COLUMNS), ds.sources)


@pytest.mark.parametrize("folder", [GOOD, ROOT / "data"], ids=["fixture", "bundled"])
def test_csv_to_xlsx_to_csv_keeps_every_column_and_value(folder: Path, tmp_path: Path) -> None:
    original = load_dataset(folder)
    book = write_workbook(original)
    from_book = read_workbook(book, "book.xlsx")
    write_folder(from_book, tmp_path / "again")
    again = load_dataset(tmp_path / "again")
    for ds in (from_book, again):
        assert ds.actors == original.actors
        assert ds.relations == original.relations
        assert ds.sources == original.sources


def test_extra_columns_and_awkward_text_survive_the_workbook(good_copy: Path) -> None:
    text = (good_copy / "actors.csv").read_text(encoding="utf-8").splitlines()
    text[0] += ",tags"
    text[1] += ',"=HYPERLINK(""http://x"")|+31 6|007|<b>bold</b>"'
    (good_copy / "actors.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    original = load_dataset(good_copy)
    back = read_workbook(write_workbook(original), "book.xlsx")
    assert back.actors == original.actors
    assert back.actors[0]["tags"] == '=HYPERLINK("http://x")|+31 6|007|<b>bold</b>'


def test_a_cell_starting_with_an_equals_sign_stays_text(dataset) -> None:
    dataset.actors[0]["description"] = "=1+1"
    book = write_workbook(dataset)
    ws = load_workbook(io.BytesIO(book))["actors"]
    column = list(dataset.actors[0]).index("description") + 1
    cell = ws.cell(row=2, column=column)
    assert (cell.value, cell.data_type) == ("=1+1", "s")
    assert read_workbook(book, "book.xlsx").actors[0]["description"] == "=1+1"


def test_cells_excel_typed_as_numbers_dates_and_booleans_read_as_csv_text() -> None:
    book = make_book(
        {
            "actors": [["id", "name", "type", "sector"], ["fnv", "FNV", "trade_union", 2.0], ["cnv", "CNV", "trade_union", 1.5]],
            "relations": [
                ["source", "target", "type", "directed", "date", "note"],
                ["fnv", "cnv", "co_signs", False, dt.datetime(2026, 5, 7), 2026],
            ],
        }
    )
    ds = read_workbook(book, "book.xlsx")
    assert [a["sector"] for a in ds.actors] == ["2", "1.5"]
    assert {k: ds.relations[0][k] for k in ("directed", "date", "note")} == {
        "directed": "false",
        "date": "2026-05-07",
        "note": "2026",
    }


def test_sheet_names_are_matched_whatever_their_case() -> None:
    ds = read_workbook(make_book({"Actors": ACTORS, "RELATIONS": RELATIONS}), "book.xlsx")
    assert [a["id"] for a in ds.actors] == ["fnv", "cnv"]
    assert ds.actors[1]["type"] == "trade_union"


def test_problems_name_the_sheet_and_the_spreadsheet_row() -> None:
    relations = RELATIONS + [[], ["fnv", "cnv", "co_signs"], [], [], ["fnv", "x", "co_signs"]]  # the bad row is row 7
    with pytest.raises(DataError) as info:
        read_workbook(make_book({"actors": ACTORS, "relations": relations}), "book.xlsx")
    assert [str(p) for p in info.value.errors] == ["book.xlsx [sheet relations]:7: target: unknown actor 'x'"]


def test_a_missing_sheet_is_named_with_the_sheets_the_workbook_has() -> None:
    with pytest.raises(DataError) as info:
        read_workbook(make_book({"actors": ACTORS, "Sheet1": [["a"]]}), "book.xlsx")
    message = str(info.value.errors[0])
    assert message.startswith("book.xlsx [sheet relations]:0:")
    assert "sheet 'relations' is missing" in message and "'Sheet1'" in message


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.mark.parametrize(
    "content",
    [b"id,name,type\nfnv,FNV,trade_union\n", b"\x89PNG\r\n\x1a\n" + bytes(64), docx_bytes(), b""],
    ids=["csv", "png", "docx", "empty"],
)
def test_a_file_that_is_not_a_workbook_gets_a_clear_error(content: bytes) -> None:
    with pytest.raises(DataError) as info:
        read_workbook(content, "book.xlsx")
    assert NOT_A_WORKBOOK in str(info.value.errors[0])


def test_an_old_xls_file_is_told_to_be_saved_as_xlsx() -> None:
    with pytest.raises(DataError, match=r"save it as \.xlsx"):
        read_workbook(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "old.xls")


def test_load_any_reads_a_folder_or_a_workbook(tmp_path: Path, dataset) -> None:
    book = tmp_path / "map.xlsx"
    book.write_bytes(write_workbook(dataset))
    assert load_any(GOOD).actors == dataset.actors
    assert load_any(book).relations == dataset.relations


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("actors.csv", "give the folder that holds actors.csv and relations.csv"),
        ("notes.txt", "not a data folder or an .xlsx workbook"),
        ("missing.xlsx", "not found"),
    ],
)
def test_load_any_explains_what_it_needs(tmp_path: Path, name: str, expected: str) -> None:
    if name != "missing.xlsx":
        (tmp_path / name).write_text("id,name\n", encoding="utf-8")
    with pytest.raises(DataError, match=expected):
        load_any(tmp_path / name)


def upload(folder: Path, names: dict[str, str]) -> list[tuple[str, bytes]]:
    return [(shown, (folder / real).read_bytes()) for real, shown in names.items()]


def test_uploaded_csv_files_are_recognised_by_name_in_any_case(dataset) -> None:
    files = upload(GOOD, {"actors.csv": "Actors.CSV", "relations.csv": "relations.csv", "sources.csv": "SOURCES.csv"})
    ds = load_uploads(files)
    assert (ds.actors, ds.relations, ds.sources) == (dataset.actors, dataset.relations, dataset.sources)


def test_problems_in_uploaded_csv_files_name_the_file_as_uploaded() -> None:
    files = [("Actors.csv", b"id,name,type\nfnv,FNV,trade_union\n"), ("relations.csv", b"source,target,type\nfnv,x,co_signs\n")]
    with pytest.raises(DataError) as info:
        load_uploads(files)
    assert [str(p) for p in info.value.errors] == ["relations.csv:2: target: unknown actor 'x'"]


def test_an_upload_with_an_unexpected_file_name_names_that_file() -> None:
    files = upload(GOOD, {"actors.csv": "actors.csv", "relations.csv": "relations (1).csv"})
    with pytest.raises(DataError) as info:
        load_uploads(files)
    files_named = {p.file for p in info.value.errors}
    assert files_named == {"relations (1).csv", "relations.csv"}
    assert "unexpected file name" in str(info.value)


def test_an_uploaded_workbook_loads(dataset) -> None:
    ds = load_uploads([("map.xlsx", write_workbook(dataset))])
    assert ds.relations == dataset.relations


@pytest.mark.parametrize("name", ["photo.png", "letter.docx", "old.xls", "map.json"])
def test_an_upload_that_is_no_spreadsheet_is_refused_clearly(name: str) -> None:
    with pytest.raises(DataError) as info:
        load_uploads([(name, b"\x89PNG\r\n\x1a\n")])
    problem = info.value.errors[0]
    assert problem.file == name
    assert "not a spreadsheet: upload actors.csv and relations.csv" in problem.message


def test_an_upload_over_the_limit_names_the_limit() -> None:
    with pytest.raises(DataError, match="the limit is 20 MB"):
        load_uploads([("map.xlsx", bytes(20 * 1024 * 1024 + 1))])
    with pytest.raises(DataError, match="the limit is 1 MB"):
        load_uploads([("actors.csv", bytes(600_000)), ("relations.csv", bytes(600_000))], max_bytes=1024 * 1024)


def test_csv_files_and_a_workbook_together_are_refused(dataset) -> None:
    with pytest.raises(DataError, match="either the CSV files or one .xlsx workbook"):
        load_uploads([("map.xlsx", write_workbook(dataset)), ("actors.csv", b"id\n")])


def test_a_file_name_from_the_browser_is_only_shown_never_followed(tmp_path: Path) -> None:
    shutil.copytree(GOOD, tmp_path / "data")
    files = upload(tmp_path / "data", {"actors.csv": "../../etc/actors.csv", "relations.csv": "C:\\x\\relations.csv"})
    ds = load_uploads(files)
    assert len(ds.actors) == 7


# "Billion laughs": each entity is ten of the one before, so &lol8; is 10**8 "lol"s, 300 MB from a few
# hundred bytes. Kept at 10**8 so that a parser that did expand it would show in the memory check
# below rather than take the machine down.
LAUGHS = (
    '<!DOCTYPE bomb [<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 9)) + "]>"
)


def _with_bomb(book: bytes, part: str, padding: int = 0) -> bytes:
    """The workbook with the bomb declared at the top of ``part`` and used in its first value or name."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == part:
                head, body = data.split(b"?>", 1) if data.startswith(b"<?xml") else (b"", data)
                head += b"?>" if head else b""
                body = body.replace(b"<v>", b"<v>&lol8;", 1).replace(b'name="actors"', b'name="&lol8;"', 1)
                body = body.replace(b'Extension="xml"', b'Extension="&lol8;"', 1)
                data = head + b"<!--" + b" " * padding + b"-->" + LAUGHS.encode() + body
            dst.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml"])
def test_an_uploaded_workbook_with_an_xml_bomb_is_refused_at_once_and_says_why(dataset, part: str) -> None:
    import resource
    import time

    bomb = _with_bomb(write_workbook(dataset), part)
    assert len(bomb) < 20_000 and LAUGHS.encode() in zipfile.ZipFile(io.BytesIO(bomb)).read(part)
    peak, start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.monotonic()
    with pytest.raises(DataError) as refused:
        load_uploads([("map.xlsx", bomb)])
    assert time.monotonic() - start < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 50_000  # KiB: nothing was expanded
    (problem,) = refused.value.problems
    assert problem.file == "map.xlsx"
    assert f"its part {part} declares XML entities" in problem.message and "XML bomb" in problem.message


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_a_bomb_hidden_below_a_long_comment_is_still_refused_by_the_parsers(dataset, part: str) -> None:
    import resource
    import time

    # Past the head that is looked at for a DTD: openpyxl's parsers (defusedxml, libxml2) must refuse it.
    bomb = _with_bomb(write_workbook(dataset), part, padding=200_000)
    peak, start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.monotonic()
    with pytest.raises(DataError, match="not a readable .xlsx workbook"):
        load_uploads([("map.xlsx", bomb)])
    assert time.monotonic() - start < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 50_000  # KiB


def test_a_written_workbook_opens_ready_to_read(dataset) -> None:
    dataset.actors[0]["description"] = "A very long description " * 20
    book = load_workbook(io.BytesIO(write_workbook(dataset)))
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2", ws.title  # the header row stays in view
        assert ws.auto_filter.ref == f"A1:{get_column_letter(ws.max_column)}{ws.max_row}", ws.title
        assert all(cell.font.bold for cell in ws[1]), ws.title
    ws = book["actors"]
    widths = {
        ws.cell(row=1, column=c).value: ws.column_dimensions[get_column_letter(c)].width for c in range(1, ws.max_column + 1)
    }
    assert widths["url"] == MIN_WIDTH  # an empty column: the narrowest
    assert widths["id"] == max(len(a["id"]) for a in dataset.actors) + 2
    assert widths["name"] >= len("Hukatan-KSBSI") + 2  # the longest name fits
    assert widths["description"] == MAX_WIDTH  # long text: as wide as allowed, no wider
    relations = book["relations"]
    evidence = [c.value for c in relations[1]].index("evidence") + 1
    longest = max(len(r["evidence"]) for r in dataset.relations)
    assert relations.column_dimensions[get_column_letter(evidence)].width >= longest + 2


def test_the_kumu_export_opens_ready_to_read_too(dataset) -> None:
    from network.io.kumu import write_kumu

    book = load_workbook(io.BytesIO(write_kumu(dataset)))
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref, ws.title
        assert ws.column_dimensions["B"].width >= MIN_WIDTH


def test_positions_travel_in_our_workbook_and_come_back_the_same(dataset) -> None:
    from network.io.xlsx import workbook_positions

    positions = {a["id"]: (i * 10.25 - 40, -i * 3.5) for i, a in enumerate(dataset.actors)}
    book = write_workbook(dataset, positions)
    got, problems = workbook_positions(book, "map.xlsx", known=[a["id"] for a in dataset.actors])
    assert problems == []
    assert got == {n: (round(x, 1), round(y, 1)) for n, (x, y) in positions.items()}
    assert read_workbook(book, "map.xlsx").actors == dataset.actors  # the extra sheet changes nothing else


def test_custom_column_names_keep_their_case_through_our_workbook() -> None:
    book = make_book(
        {
            "actors": [
                ["ID", "Name", "Type", "Influence Score"],
                ["fnv", "FNV", "trade_union", "7"],
                ["cnv", "CNV", "trade_union", ""],
            ],
            "relations": [["Source", "Target", "Type", "Strength"], ["fnv", "cnv", "co_signs", "3"]],
        }
    )
    ds = read_workbook(book, "book.xlsx")
    assert ds.actors[0]["Influence Score"] == "7" and ds.actors[0]["name"] == "FNV"
    assert ds.relations[0]["Strength"] == "3"
    again = read_workbook(write_workbook(ds), "again.xlsx")
    assert again.actors == ds.actors and "Influence Score" in again.actors[0]


def test_an_unknown_type_gets_one_message_at_every_door_with_the_same_words() -> None:
    from network.io.kumu import read_kumu, write_kumu

    book = make_book(
        {
            "actors": [["id", "name", "type"], *([f"v{i}", f"Volunteer {i}", "Volunteer"] for i in range(3))],
            "relations": [["source", "target", "type", "directed"], ["v0", "v1", "partners_with", "false"]],
        }
    )
    ours = read_workbook(book, "book.xlsx")
    said = [p.message for p in ours.warnings if "Volunteer" in p.message]
    assert said == ["unknown actor type 'Volunteer' on 3 rows (2, 3, 4); kept as it is, in a colour of its own"]
    kumu = read_kumu(write_kumu(ours), "kumu.xlsx")
    assert [p.message for p in kumu.warnings if "Volunteer" in p.message] == said
