"""DataFolder: every read and write of a data folder under its one lock, with one change stamp."""

from __future__ import annotations

import builtins
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from network import build_graph
from network.folder import DataFolder, stamp
from network.io.folder import holds_lock, locked
from network.rights import LOCAL_EDITOR, VIEWER, Access, NotAllowed, ReadOnlyError
from network.view import ViewState

WAIT = 0.3  # long enough for an unblocked read of a tiny folder to finish many times over


@pytest.fixture(autouse=True)
def writable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Most tests here write, so read-only mode must be off whatever the shell says."""
    monkeypatch.delenv("NETWORK_READ_ONLY", raising=False)


@pytest.fixture
def folder(good_copy: Path) -> DataFolder:
    """The good fixture folder (a copy), with one saved view."""
    f = DataFolder.open(good_copy)
    f.save_view("Coalitie", ViewState(themes=["csddd"]), access=LOCAL_EDITOR)
    return f.current()


def tree(path: Path) -> dict[str, bytes | None]:
    """Every entry under ``path`` (hidden ones too) with its bytes; None for a folder."""
    return {str(p.relative_to(path)): (None if p.is_dir() else p.read_bytes()) for p in sorted(path.rglob("*"))}


def in_thread(fn: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    """Run ``fn`` in another thread (its own lock, as another session's); give it WAIT seconds."""
    out: list[Any] = []
    thread = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    thread.start()
    thread.join(WAIT)
    return thread, out


# -- the change stamp --------------------------------------------------------------------------------


def test_the_stamp_stays_while_nothing_changes(folder: DataFolder) -> None:
    folder.load()
    folder.list_views()
    assert not folder.changed()
    assert folder.current() is folder


def test_saving_a_view_changes_the_stamp(folder: DataFolder) -> None:
    folder.save_view("Tweede", ViewState(), access=LOCAL_EDITOR)
    assert folder.changed()


def test_renaming_a_view_changes_the_stamp(folder: DataFolder) -> None:
    folder.rename_view("Coalitie", "Bondgenoten", access=LOCAL_EDITOR)
    assert folder.changed()


def test_deleting_a_view_changes_the_stamp(folder: DataFolder) -> None:
    folder.delete_view("Coalitie", access=LOCAL_EDITOR)
    assert folder.changed()


def test_a_view_changed_on_disk_by_hand_or_git_changes_the_stamp(folder: DataFolder) -> None:
    path = folder.views_dir / "coalitie.json"
    text = path.read_text("utf-8")
    path.write_text(text.replace("csddd", "vmp"), "utf-8")  # in place: same inode, same size
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))  # even within one clock tick
    assert folder.changed()


def test_a_view_file_appearing_or_going_on_disk_changes_the_stamp(folder: DataFolder) -> None:
    (folder.views_dir / "pulled.json").write_text('{"name": "Pulled", "state": {}}', "utf-8")
    pulled = folder.current()
    assert pulled != folder
    (folder.views_dir / "pulled.json").unlink()
    assert pulled.changed()


def test_keeping_positions_changes_the_stamp(folder: DataFolder) -> None:
    folder.keep_positions({"fnv": (10.0, 20.0)}, access=LOCAL_EDITOR)
    moved = folder.current()
    assert moved != folder
    folder.keep_positions({"fnv": (11.0, 20.0)}, access=LOCAL_EDITOR)  # same size of file, new file
    assert moved.changed()


def test_saving_a_table_or_the_engagement_log_changes_the_stamp(folder: DataFolder) -> None:
    _, base = folder.load_for_edit()
    row = {"date": "2026-01-05", "actors": "fnv", "kind": "call", "summary": "Agenda"}
    folder.save_engagements([row], base=base, access=LOCAL_EDITOR)
    assert folder.changed()


def test_the_stamp_reads_no_file(folder: DataFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    # The app takes it on every run: stat calls only, whatever the size of the data.
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"opened {args[0]!r}")

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(os, "open", refuse)
    assert stamp(folder.path) == folder.version


def test_a_folder_object_is_a_cache_key_that_changes_with_the_folder(folder: DataFolder) -> None:
    cache = {folder: "old"}
    assert DataFolder.open(folder.path) in cache
    folder.save_view("Tweede", ViewState(), access=LOCAL_EDITOR)
    assert DataFolder.open(folder.path) not in cache


def test_a_part_of_the_folder_keeps_its_version_while_another_part_changes(folder: DataFolder) -> None:
    tables, views = folder.only("tables"), folder.only("views")
    folder.save_view("Tweede", ViewState(), access=LOCAL_EDITOR)
    now = folder.current()
    assert now.only("tables") == tables and now.only("views") != views
    folder.keep_positions({"fnv": (5.0, 5.0)}, access=LOCAL_EDITOR)
    assert folder.current().only("tables", "views") == now.only("tables", "views")
    with pytest.raises(ValueError, match="not a part of a data folder: layout"):
        folder.only("layout")


def test_open_without_a_path_is_the_settings_data_folder(good_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORK_DATA_DIR", str(good_copy))
    assert DataFolder.open().path == good_copy


# -- one lock --------------------------------------------------------------------------------------


READS: dict[str, Callable[[DataFolder, Any], object]] = {
    "list_views": lambda f, G: f.list_views(),
    "load_view": lambda f, G: f.load_view("Coalitie"),
    "load_views": lambda f, G: f.load_views(),
    "kept_positions": lambda f, G: f.kept_positions(),
    "positions": lambda f, G: f.positions(G),
    "load": lambda f, G: f.load(),
    "backups": lambda f, G: f.backups(),
}


@pytest.mark.parametrize("name", READS)
def test_a_read_waits_for_a_writer_holding_the_lock_and_sees_what_it_wrote(folder: DataFolder, name: str) -> None:
    G = build_graph(folder.load())  # built before the lock is taken: what is under test is the read of the files
    with folder.writing():
        thread, out = in_thread(lambda: READS[name](folder, G))
        assert thread.is_alive(), "the read did not wait for the writer"
        folder.keep_positions({"fnv": (1.0, 2.0)}, access=LOCAL_EDITOR)  # nested in our own lock: no wait
        folder.save_view("Coalitie", ViewState(themes=["vmp"]), access=LOCAL_EDITOR)
    thread.join(10)
    assert out, "the read never finished"
    seen = {"load_view": lambda r: r.themes, "load_views": lambda r: r["Coalitie"].themes}
    if name in seen:
        assert seen[name](out[0]) == ["vmp"]
    if name in ("kept_positions", "positions"):
        assert out[0][0]["fnv"] == (1.0, 2.0)


@pytest.mark.parametrize(
    "write",
    [
        lambda f: f.save_view("Nieuw", ViewState(), access=LOCAL_EDITOR),
        lambda f: f.rename_view("Coalitie", "Anders", access=LOCAL_EDITOR),
        lambda f: f.delete_view("Coalitie", access=LOCAL_EDITOR),
        lambda f: f.keep_positions({"fnv": (3.0, 4.0)}, access=LOCAL_EDITOR),
    ],
    ids=["save_view", "rename_view", "delete_view", "keep_positions"],
)
def test_a_write_waits_for_a_reader_holding_the_lock(folder: DataFolder, write: Callable) -> None:
    with folder.reading():
        before = folder.stamp()
        thread, _ = in_thread(lambda: write(folder))
        assert thread.is_alive(), "the write did not wait for the reader"
        assert folder.stamp() == before
    thread.join(10)
    assert not thread.is_alive() and folder.changed()


def test_two_sessions_keeping_positions_at_once_both_keep_theirs(folder: DataFolder) -> None:
    barrier = threading.Barrier(8)

    def drag(actor: str) -> None:
        barrier.wait()
        folder.keep_positions({actor: (float(len(actor)), 1.0)}, access=LOCAL_EDITOR)

    actors = ["fnv", "cnv", "ser", "vno", "min-bz", "tk", "lonely", "a8"]
    threads = [threading.Thread(target=drag, args=(a,)) for a in actors]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    kept, _ = folder.kept_positions()
    assert set(actors) <= set(kept)


def test_the_lock_nests_in_one_thread_but_never_upgrades(folder: DataFolder) -> None:
    with locked(folder.path, exclusive=True):
        with locked(folder.path, exclusive=False):
            assert holds_lock(folder.path, exclusive=True)
        assert holds_lock(folder.path)
    assert not holds_lock(folder.path)
    with locked(folder.path, exclusive=False):
        with pytest.raises(RuntimeError, match="exclusive lock while this thread holds the shared one"):
            with locked(folder.path, exclusive=True):
                pass


# -- rights ----------------------------------------------------------------------------------------


def _writes(graph: Any, access: Access) -> dict[str, Callable[[DataFolder, dict[str, str]], object]]:
    row = {"date": "2026-01-05", "actors": "fnv", "kind": "call", "summary": "Agenda"}
    return {
        "save_view": lambda f, b: f.save_view("Nieuw", ViewState(), access=access),
        "rename_view": lambda f, b: f.rename_view("Coalitie", "Anders", access=access),
        "delete_view": lambda f, b: f.delete_view("Coalitie", access=access),
        "keep_positions": lambda f, b: f.keep_positions({"fnv": (3.0, 4.0)}, access=access),
        "reset_positions": lambda f, b: f.reset_positions(graph, access=access),
        "save_engagements": lambda f, b: f.save_engagements([row], base=b, access=access),
        "save_tables": lambda f, b: f.save_tables({"actors.csv": []}, base=b, access=access),
        "undo_last_save": lambda f, b: f.undo_last_save(b, access=access),
    }


WRITES = list(_writes(None, VIEWER))


@pytest.mark.parametrize("name", WRITES)
def test_a_viewer_writes_nothing_not_even_the_lock_file(good_copy: Path, graph: Any, name: str) -> None:
    (good_copy / "views").mkdir()
    (good_copy / "views" / "coalitie.json").write_text('{"name": "Coalitie", "state": {}}', "utf-8")
    (good_copy / ".lock").unlink(missing_ok=True)  # copied from the fixture folder, which other tests read
    before = tree(good_copy)
    with pytest.raises(NotAllowed):
        _writes(graph, VIEWER)[name](DataFolder(good_copy), {})  # the right is checked before the base
    assert tree(good_copy) == before


@pytest.mark.parametrize("name", WRITES)
def test_on_a_read_only_server_an_editor_writes_nothing(
    folder: DataFolder, graph: Any, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, base = folder.load_for_edit()
    before = tree(folder.path)
    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    with pytest.raises(ReadOnlyError):
        _writes(graph, LOCAL_EDITOR)[name](folder, base)
    assert tree(folder.path) == before


def test_the_engagement_log_is_read_for_an_editor_only(folder: DataFolder) -> None:
    _, base = folder.load_for_edit()
    row = {"date": "2026-01-05", "actors": "fnv", "kind": "call", "summary": "Agenda"}
    folder.save_engagements([row], base=base, access=LOCAL_EDITOR)
    assert [r["summary"] for r in folder.engagements(LOCAL_EDITOR)] == ["Agenda"]
    with pytest.raises(NotAllowed):
        folder.engagements(VIEWER)


def test_a_backup_is_loaded_by_its_name_only(folder: DataFolder) -> None:
    ds, base = folder.load_for_edit()
    folder.save_tables({"actors.csv": ds.actors[:-1]}, base=base, access=LOCAL_EDITOR, curated=False)
    [name] = folder.backups()
    assert len(folder.load_backup(name).actors) == len(ds.actors)
    with pytest.raises(FileNotFoundError):
        folder.load_backup("../../data")
