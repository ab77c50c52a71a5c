"""The loader: what loads, what warns, what is rejected, and how problems are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from network import DataError, load_dataset
from network.io.csvfile import write_csv_atomic
from network.model import parse_date

ACTORS_HEADER = "id,name,type,country,sector,description,aliases\n"


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_dataset(folder)
    return [f"{Path(p.file).name}:{p.line}: {p.column}: {p.message}" for p in info.value.errors]


def test_good_folder_loads_with_counts_and_normalised_types(dataset):
    assert len(dataset.actors) == 7
    # the duplicate relation is dropped, the self-relation kept
    assert len(dataset.relations) == 7
    cnv = next(a for a in dataset.actors if a["id"] == "cnv")
    assert cnv["type"] == "trade_union"  # the Dutch label 'Vakbond' became the key
    assert dataset.version and len(dataset.version) == 12


def test_warnings_name_isolated_actor_self_relation_and_duplicate(dataset):
    text = "\n".join(str(w) for w in dataset.warnings)
    assert "actors.csv:8: id: actor 'lonely' has no relations (isolated)" in text
    assert "relations.csv:9: target: self-relation: 'ser'" in text
    assert "relations.csv:8: -: duplicate of the relation on line 5" in text
    assert all(w.severity == "warning" for w in dataset.warnings)


def test_undirected_default_comes_from_the_vocabulary(dataset):
    by_type = {r["type"]: r["directed"] for r in dataset.relations}
    assert by_type["co_signs"] == "false"
    assert by_type["addresses"] == "true"


def test_non_ascii_name_survives(dataset):
    assert "ünïcødé" in next(a for a in dataset.actors if a["id"] == "hukatan")["description"]


def test_relation_to_unknown_actor_is_rejected_naming_row_column_and_value(good_copy):
    with open(good_copy / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write("fnv,acme,funds,true,2024,doc1,quote,\n")
    assert problems_of(good_copy) == ["relations.csv:10: target: unknown actor 'acme'"]


def test_unknown_actor_suggests_close_matches(good_copy):
    with open(good_copy / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write("fnvv,cnv,funds,true,2024,doc1,quote,\n")
    assert problems_of(good_copy) == ["relations.csv:10: source: unknown actor 'fnvv' (did you mean: fnv?)"]


def test_every_problem_is_reported_not_just_the_first(good_copy):
    (good_copy / "actors.csv").write_text(ACTORS_HEADER + "a,A,company\na,A again,company\n,No id,company\nb,,company\n")
    (good_copy / "relations.csv").write_text("source,target,type,date,source_doc\na,b,funds,2023-02-30,doc1\na,zz,,2024,nodoc\n")
    assert problems_of(good_copy) == [
        "actors.csv:3: id: duplicate id 'a' (first on line 2)",
        "actors.csv:4: id: empty id",
        "actors.csv:5: name: empty name for actor 'b'",
        "relations.csv:2: date: impossible date '2023-02-30' (use YYYY, YYYY-MM or YYYY-MM-DD)",
        "relations.csv:3: target: unknown actor 'zz'",
        "relations.csv:3: type: empty relation type",
        "relations.csv:3: source_doc: unknown source document 'nodoc' (not in sources.csv)",
    ]


def test_missing_required_column_is_reported_on_the_header_line(good_copy):
    (good_copy / "actors.csv").write_text("id,naam,type\nfnv,FNV,trade_union\n")
    [problem] = problems_of(good_copy)
    assert problem.startswith("actors.csv:1: name: required column 'name' is missing")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02PNG", "not a text file"),
        (b"\xff\xfei\x00d\x00", "UTF-16"),
        (b'id,name,type\nfnv,"FNV,trade_union\n', "broken quoting"),
    ],
)
def test_unreadable_actor_files_are_clear_errors(good_copy, content, expected):
    (good_copy / "actors.csv").write_bytes(content)
    problems = problems_of(good_copy)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("actors.csv:") for p in problems)


def test_row_with_too_many_fields_is_an_error_naming_the_extra_value(good_copy):
    text = (
        (good_copy / "actors.csv")
        .read_text("utf-8")
        .replace("fnv,FNV,trade_union,NL,cross-sector,", "fnv,FNV,trade_union,NL,cross-sector,extra,")
    )
    (good_copy / "actors.csv").write_text(text, "utf-8")
    [problem] = problems_of(good_copy)
    assert problem.startswith("actors.csv:2: : row has 8 fields but the header has 7: extra value")


def test_missing_file_and_folder_are_errors(good_copy, tmp_path):
    (good_copy / "relations.csv").unlink()
    assert problems_of(good_copy) == ["relations.csv:0: : file is missing"]
    assert problems_of(tmp_path / "nowhere") == ["nowhere:0: : data folder not found"]


def test_sources_file_is_optional_for_a_users_folder(good_copy):
    (good_copy / "sources.csv").unlink()
    ds = load_dataset(good_copy)
    assert ds.sources == [] and len(ds.relations) == 7


def test_semicolon_bom_crlf_file_from_dutch_excel_loads(good_copy):
    text = (good_copy / "actors.csv").read_text("utf-8").replace(",", ";").replace("\n", "\r\n")
    (good_copy / "actors.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    ds = load_dataset(good_copy)
    assert [a["id"] for a in ds.actors][0] == "fnv"  # the BOM is not part of the first column name
    assert ds.actors[0]["name"] == "FNV"


def test_cp1252_file_loads_with_a_warning(good_copy):
    text = (good_copy / "actors.csv").read_text("utf-8").replace("ünïcødé", "één")
    (good_copy / "actors.csv").write_bytes(text.encode("cp1252"))
    ds = load_dataset(good_copy)
    assert "één" in next(a for a in ds.actors if a["id"] == "hukatan")["description"]
    assert any("Windows-1252" in w.message for w in ds.warnings)


def test_unknown_types_load_with_a_warning(good_copy):
    with open(good_copy / "actors.csv", "a", encoding="utf-8") as fh:
        fh.write("ufo,UFO Club,spaceship,,,,\n")
    with open(good_copy / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write("ufo,fnv,beams up,true,2024,doc1,q,\n")
    ds = load_dataset(good_copy)
    messages = [str(w) for w in ds.warnings]
    assert any("actors.csv:9: type: unknown actor type 'spaceship'" in m for m in messages)
    assert any("relations.csv:10: type: unknown relation type 'beams up'" in m for m in messages)


def test_bad_directed_value_is_an_error(good_copy):
    with open(good_copy / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write("fnv,cnv,funds,maybe,2024,doc1,q,\n")
    assert problems_of(good_copy) == ["relations.csv:10: directed: 'maybe' is not true or false"]


def test_line_numbers_count_multiline_cells_like_a_spreadsheet(good_copy):
    (good_copy / "actors.csv").write_text(ACTORS_HEADER + 'fnv,FNV,trade_union,,,"two\nlines",\n,x,company\n')
    (good_copy / "relations.csv").write_text("source,target,type\n")
    assert problems_of(good_copy) == ["actors.csv:4: id: empty id"]


@pytest.mark.parametrize(
    ("value", "ok"),
    [("2026", True), ("2026-05", True), ("2024-02-29", True), ("2023-02-29", False), ("26-05-2026", False), ("2026-13", False)],
)
def test_dates_are_checked_against_the_calendar(value, ok):
    assert (parse_date(value) is not None) is ok


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "actors.csv"
    target.write_text("old\n")
    write_csv_atomic(target, ["id", "name"], [{"id": "a", "name": 'Ä, "quoted"'}])
    assert target.read_text("utf-8") == 'id,name\na,"Ä, ""quoted"""\n'
    assert [p.name for p in tmp_path.iterdir()] == ["actors.csv"]


def test_failed_atomic_write_leaves_old_file_whole(tmp_path):
    target = tmp_path / "actors.csv"
    target.write_text("old\n")

    def rows():
        yield {"id": "a"}
        raise RuntimeError("crash mid-write")

    with pytest.raises(RuntimeError):
        write_csv_atomic(target, ["id"], rows())
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["actors.csv"]
