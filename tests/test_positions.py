"""Positions belong to the data: kept in positions.csv, new actors placed beside their neighbours, no one else moves."""

from __future__ import annotations

import math
import os

import pytest

from network import build_graph, load_dataset
from network.cli import main
from network.io.positions import PositionsError, parse_positions, positions_text, read_positions, write_positions
from network.layout import place_missing
from network.positions import keep_positions, load_positions
from network.rights import LOCAL_EDITOR, ReadOnlyError


def test_positions_round_trip_through_the_file(tmp_path):
    pos = {"fnv": (10.0, -20.5), "cnv": (300.25, 4.0)}
    write_positions(tmp_path, pos)
    back, warnings = read_positions(tmp_path)
    assert back == {"fnv": (10.0, -20.5), "cnv": (300.2, 4.0)} and warnings == []
    assert (tmp_path / "positions.csv").read_text().splitlines()[0] == "id,x,y"


def test_unknown_ids_are_a_warning_naming_the_line():
    pos, warnings = parse_positions("id,x,y\na,1,2\nghost,3,4\n", "positions.csv", known={"a"})
    assert pos == {"a": (1.0, 2.0)}
    assert [(w.line, w.column, w.severity) for w in warnings] == [(3, "id", "warning")] and "ghost" in warnings[0].message


@pytest.mark.parametrize(
    "text, line, column",
    [
        ("id,x\na,1\n", 1, "y"),
        ("id,x,y\na,1,2\nb,left,3\n", 3, "x"),
        ("id,x,y\na,1,nan\n", 2, "y"),
        ("", 0, ""),
    ],
    ids=["no y column", "a word for a number", "not a finite number", "empty"],
)
def test_a_damaged_file_is_a_clear_error_naming_line_and_column(text, line, column):
    with pytest.raises(PositionsError) as err:
        parse_positions(text, "positions.csv")
    p = err.value.problems[0]
    assert (p.line, p.column) == (line, column) and str(p).startswith("positions.csv:")


def test_dutch_excel_semicolons_and_decimal_commas_are_read():
    assert parse_positions("id;x;y\na;1,5;-2\n")[0] == {"a": (1.5, -2.0)}


def test_a_new_actor_is_placed_next_to_its_neighbours_and_no_one_else_moves(graph):
    before = place_missing(graph, {})  # nothing kept: the computed layout
    G = graph.copy()
    G.add_node("newcomer", name="Newcomer", type="ngo")
    anchor = next(iter(graph.nodes))
    G.add_edge("newcomer", anchor, key="rX", type="partners_with", directed=False)
    after = place_missing(G, before)
    assert {n: after[n] for n in before} == before
    ax, ay = before[anchor]
    nx_, ny = after["newcomer"]
    others = [before[n] for n in before]
    # Among the map's actors near its neighbour (where its label box is free: the layout is
    # compact), not beside the map, and on a spot of its own.
    reach = max(math.dist(p, (ax, ay)) for p in others)
    assert math.dist((nx_, ny), (ax, ay)) < reach
    assert (nx_, ny) not in others


def test_the_data_folder_positions_are_used_and_missing_actors_placed(good_copy):
    G = build_graph(load_dataset(good_copy))
    first = next(iter(G.nodes))
    write_positions(good_copy, {first: (1234.0, 567.0), "gone": (0.0, 0.0)})
    pos, problems = load_positions(G, good_copy)
    assert pos[first] == (1234.0, 567.0) and set(pos) == set(G.nodes)
    assert [p.line for p in problems] == [2] or [p.line for p in problems] == [3]
    assert "gone" in problems[0].message


def test_a_damaged_positions_file_falls_back_to_the_layout_and_is_never_overwritten(good_copy):
    G = build_graph(load_dataset(good_copy))
    broken = "id,x,y\nfnv,12,oops\n"
    (good_copy / "positions.csv").write_text(broken)
    pos, problems = load_positions(G, good_copy)
    assert set(pos) == set(G.nodes) and problems[0].column == "y"
    with pytest.raises(PositionsError):
        keep_positions(good_copy, {"fnv": (1.0, 1.0)}, access=LOCAL_EDITOR)
    assert (good_copy / "positions.csv").read_text() == broken


def test_keep_positions_saves_dragged_actors_and_keeps_the_rest(good_copy):
    write_positions(good_copy, {"a": (1.0, 1.0), "b": (2.0, 2.0)})
    keep_positions(good_copy, {"b": (50.0, 60.0)}, access=LOCAL_EDITOR)
    assert read_positions(good_copy)[0] == {"a": (1.0, 1.0), "b": (50.0, 60.0)}
    assert not [p for p in os.listdir(good_copy) if p.endswith(".tmp")]


def test_keep_positions_is_refused_in_read_only_mode(good_copy, monkeypatch):
    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    with pytest.raises(ReadOnlyError):
        keep_positions(good_copy, {"a": (1.0, 1.0)}, access=LOCAL_EDITOR)
    assert not (good_copy / "positions.csv").exists()


def test_layout_command_places_new_actors_and_reset_rearranges(good_copy, capsys):
    assert main(["layout", "--data", str(good_copy)]) == 0
    kept = read_positions(good_copy)[0]
    G = build_graph(load_dataset(good_copy))
    assert set(kept) == set(G.nodes)
    moved = {n: (x + 1000, y) for n, (x, y) in kept.items()}
    write_positions(good_copy, moved)
    assert main(["layout", "--data", str(good_copy)]) == 0  # nothing new: nothing moves
    assert read_positions(good_copy)[0] == moved
    assert main(["layout", "--data", str(good_copy), "--reset"]) == 0
    assert read_positions(good_copy)[0] == kept
    (good_copy / "positions.csv").write_text("id,x,y\nfnv,1\n")
    assert main(["layout", "--data", str(good_copy)]) == 1
    err = capsys.readouterr().err
    assert "positions.csv:2: y:" in err and "Traceback" not in err
    assert parse_positions(positions_text(moved))[0] == moved  # the writer is the reader's inverse
