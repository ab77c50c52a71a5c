"""Rights are decided by the code that writes or reads internal data, whatever the interface draws."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from network import build_graph, store
from network.io.uploads import write_dataset
from network.model import DataError, Problem
from network.positions import check_writable, keep_positions, reset_positions
from network.rights import LOCAL_EDITOR, VIEWER, NotAllowed, ReadOnlyError, editor, engagement_log, visible_problems
from network.view import ViewState
from network.views import delete_view, rename_view, save_view

from .conftest import DATA

TEAM = DATA / "stakeholder"


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A writable copy of the fixture folder that holds the team's assessments and engagement log."""
    folder = tmp_path / "data"
    shutil.copytree(TEAM, folder)
    save_view(folder / "views", "Unions", ViewState(actor_types=["trade_union"]), access=LOCAL_EDITOR)
    return folder


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file under the folder (backups and views included) and its hash."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _writes(folder: Path):
    """Every function of network/ that writes the data folder, as (what, call) pairs taking an access."""
    ds, base = store.load(folder)
    G = build_graph(ds)
    row = {"date": "2026-04-20", "actors": "fnv", "kind": "call", "summary": "Plan"}
    return [
        ("save", lambda a: store.save(folder, ds.actors, ds.relations, base=base, access=a)),
        ("save_tables", lambda a: store.save_tables(folder, {"engagements.csv": [*ds.engagements, row]}, base=base, access=a)),
        ("undo_last_save", lambda a: store.undo_last_save(folder, base, access=a)),
        ("save_view", lambda a: save_view(folder / "views", "Mine", ViewState(), access=a)),
        ("rename_view", lambda a: rename_view(folder / "views", "Unions", "Bonden", access=a)),
        ("delete_view", lambda a: delete_view(folder / "views", "Unions", access=a)),
        ("keep_positions", lambda a: keep_positions(folder, {"fnv": (1.0, 2.0)}, access=a)),
        ("reset_positions", lambda a: reset_positions(G, folder, access=a)),
        ("check_writable", lambda a: check_writable(a)),
        ("write_dataset", lambda a: write_dataset(folder / "upload", ds, access=a)),
    ]


def test_every_write_of_the_data_folder_is_refused_to_a_viewer_and_changes_nothing(team):
    store.save_tables(team, {"engagements.csv": store.load(team)[0].engagements}, base=store.load(team)[1], access=LOCAL_EDITOR)
    before = _fingerprint(team)  # with a backup in it, so undo has something it could restore
    for what, call in _writes(team):
        with pytest.raises(NotAllowed, match="editor's right"):
            call(VIEWER)
        assert _fingerprint(team) == before, f"{what} changed the folder for a viewer"


def test_on_a_read_only_server_even_an_editor_writes_nothing(team, monkeypatch):
    before = _fingerprint(team)
    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    for what, call in _writes(team):
        with pytest.raises(ReadOnlyError):
            call(editor("anna"))
        assert _fingerprint(team) == before, what


def test_a_write_that_does_not_say_who_asks_is_refused(team):
    ds, base = store.load(team)
    with pytest.raises(TypeError):
        store.save(team, ds.actors, ds.relations, base=base)  # type: ignore[call-arg]  # access is required
    with pytest.raises(NotAllowed, match="who is asking"):
        store.save(team, ds.actors, ds.relations, base=base, access="editor")  # type: ignore[arg-type]


def test_the_engagement_log_is_read_by_editors_only(team):
    ds, _ = store.load(team)
    assert len(engagement_log(ds, LOCAL_EDITOR)) == len(ds.engagements) > 0
    with pytest.raises(NotAllowed):
        engagement_log(ds, VIEWER)


def test_a_viewer_learns_how_many_problems_the_log_has_but_not_what_they_say():
    found = [
        Problem("data/actors.csv", 4, "type", "unknown type 'spaceship'", "warning"),
        Problem("data/engagements.csv", 3, "actors", "unknown actor 'secret-contact'", "warning"),
    ]
    shown = visible_problems(found, VIEWER)
    assert [p.message for p in shown][0] == "unknown type 'spaceship'"
    assert "secret-contact" not in repr(shown) and "1 problem(s)" in shown[1].message
    assert visible_problems(found, editor("anna")) == found


def test_undo_of_the_log_takes_back_the_log_only_not_an_editors_save_of_relations(team):
    ds, base = store.load(team)
    saved_relations = store.save(team, ds.actors, ds.relations[:-1], base=base, access=editor("anna"))
    ds, base = store.load(team)
    row = {"date": "2026-04-20", "actors": "fnv", "kind": "call", "summary": "Plan"}
    store.save_tables(team, {"engagements.csv": [*ds.engagements, row]}, base=base, access=editor("bob"))
    relations_now = (team / "relations.csv").read_bytes()
    # The newest save of actors/relations is anna's, even though bob saved the log after it.
    assert store.last_save(team, ("relations.csv",)).by == "anna"
    assert store.last_save(team, ("engagements.csv",)).by == "bob"

    undone = store.undo_last_save(team, store.load(team)[1], access=editor("bob"), tables=("engagements.csv",))
    assert undone.restored == ["engagements.csv"] and undone.record.by == "bob"
    assert "engagements.csv" in undone.record.describe() and "by bob" in undone.record.describe()
    assert (team / "engagements.csv").read_bytes() == (TEAM / "engagements.csv").read_bytes()
    assert (team / "relations.csv").read_bytes() == relations_now  # anna's save stands

    undone = store.undo_last_save(team, store.load(team)[1], access=editor("anna"), tables=("actors.csv", "relations.csv"))
    assert undone.record.backup == saved_relations.backup
    assert (team / "relations.csv").read_bytes() == (TEAM / "relations.csv").read_bytes()
    with pytest.raises(store.NothingToUndoError):
        store.undo_last_save(team, store.load(team)[1], access=editor("anna"), tables=("relations.csv",))


def test_an_undo_that_would_leave_data_that_does_not_load_is_refused_and_changes_nothing(team):
    ds, base = store.load(team)
    newcomer = {"id": "newcomer", "name": "Newcomer", "type": "ngo"}
    store.save(team, [*ds.actors, newcomer], ds.relations, base=base, access=LOCAL_EDITOR)
    ds, base = store.load(team)
    row = {"date": "2026-04-20", "actors": "newcomer", "kind": "call"}
    store.save_tables(team, {"engagements.csv": [*ds.engagements, row]}, base=base, access=LOCAL_EDITOR)
    before = _fingerprint(team)
    with pytest.raises(DataError, match="would leave data that does not load"):
        # taking the actor back out would leave the log naming an actor that is gone
        store.undo_last_save(team, store.load(team)[1], access=LOCAL_EDITOR, tables=("actors.csv",))
    assert _fingerprint(team) == before


def test_a_backup_from_before_save_records_counts_as_every_table_it_holds(team):
    ds, base = store.load(team)
    result = store.save(team, ds.actors, ds.relations[:-1], base=base, access=LOCAL_EDITOR)
    record = team / ".backups" / result.backup / "SAVED.json"
    assert json.loads(record.read_text())["tables"] == ["actors.csv", "relations.csv"]
    record.unlink()
    old = store.last_save(team)
    assert "relations.csv" in old.tables and "engagements.csv" in old.tables and old.by == ""
    store.undo_last_save(team, result.snapshot, access=LOCAL_EDITOR)
    assert (team / "relations.csv").read_bytes() == (TEAM / "relations.csv").read_bytes()


def test_the_command_line_refuses_the_log_on_a_read_only_server_with_a_message_and_writes_nothing(
    team, tmp_path, monkeypatch, capsys
):
    from network.cli import main

    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    out = tmp_path / "with-log.zip"
    args = ["export", "--data", str(team), "--format", "csv", "--include-engagements", "--out", str(out)]
    assert main(args) == 1
    assert "read the engagement log" in capsys.readouterr().err and not out.exists()
    monkeypatch.delenv("NETWORK_READ_ONLY")
    assert main(args) == 0 and out.exists()  # the local user with the files is an editor
