"""Saving edits: diff, atomic save with backup and undo, conflicts, concurrency, crashes."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from network import DataError, Dataset, load_dataset, store
from network.rights import LOCAL_EDITOR

from .conftest import GOOD, ROOT

CRASHED = 77


@pytest.fixture(autouse=True)
def writable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test here saves, so read-only mode must be off whatever the shell says."""
    monkeypatch.delenv("NETWORK_READ_ONLY", raising=False)


def files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in store.FILES if (folder / name).exists()}


def with_new_actor(ds: Dataset, actor_id: str) -> list[dict[str, str]]:
    return ds.actors + [{"id": actor_id, "name": f"Actor {actor_id}", "type": "ngo"}]


# -- diff ----------------------------------------------------------------------------------------


def test_diff_lists_added_changed_and_removed_actors(dataset: Dataset) -> None:
    new = [dict(a) for a in dataset.actors if a["id"] != "lonely"]
    new[0]["description"] = "Changed."
    new.append({"id": "newbie", "name": "Newbie", "type": "ngo"})
    d = store.diff(dataset.actors, new, store.ACTOR_KEY)
    assert [a["id"] for a in d["added"]] == ["newbie"]
    assert [a["id"] for a in d["removed"]] == ["lonely"]
    assert [(c["key"], c["columns"]) for c in d["changed"]] == [("fnv", ["description"])]


def test_diff_keys_relations_by_claim_so_a_new_quote_is_a_change_and_a_new_target_is_not(dataset: Dataset) -> None:
    new = [dict(r) for r in dataset.relations]
    new[0]["evidence"] = "A better quote."
    new[1]["target"] = "ser"
    d = store.diff(dataset.relations, new, store.RELATION_KEY)
    assert [c["columns"] for c in d["changed"]] == [["evidence"]]
    assert [(r["source"], r["target"]) for r in d["added"]] == [("fnv", "ser")]
    assert [(r["source"], r["target"]) for r in d["removed"]] == [("fnv", "vno")]


def test_diff_tells_rows_with_the_same_key_apart_by_their_order() -> None:
    old = [{"source": "a", "target": "b", "type": "funds", "source_doc": "d", "evidence": "one"}] * 2
    new = old[:1]
    d = store.diff(old, new, store.RELATION_KEY)
    assert (len(d["added"]), len(d["removed"]), d["changed"]) == (0, 1, [])


def test_unchanged_rows_give_an_empty_diff_even_when_values_differ_only_in_form() -> None:
    old = [{"id": "a", "name": "A", "url": ""}]
    new = [{"id": "a", "name": "A", "url": None}]
    assert store.diff(old, new, "id") == {"added": [], "removed": [], "changed": []}


# -- save, backup, undo ------------------------------------------------------------------------------


def test_load_returns_the_snapshot_of_what_it_loaded(good_copy: Path) -> None:
    ds, base = store.load(good_copy)
    assert len(ds.actors) == 7
    assert base == store.snapshot(good_copy)
    assert set(base) == {"actors.csv", "relations.csv", "sources.csv"}


def test_save_writes_the_rows_and_returns_the_base_for_the_next_save(good_copy: Path) -> None:
    ds, base = store.load(good_copy)
    result = store.save(good_copy, with_new_actor(ds, "newbie"), ds.relations, base=base, access=LOCAL_EDITOR)
    again, new_base = store.load(good_copy)
    assert [a["id"] for a in again.actors][-1] == "newbie"
    assert result.snapshot == new_base != base
    assert result.dataset is not None and result.dataset.actors == again.actors
    store.save(good_copy, again.actors[:-1], again.relations, base=result.snapshot, access=LOCAL_EDITOR)  # the new base works


def test_save_keeps_the_file_header_so_a_git_diff_shows_only_the_change(good_copy: Path) -> None:
    header = (good_copy / "actors.csv").read_text(encoding="utf-8").splitlines()[0]
    ds, base = store.load(good_copy)
    store.save(good_copy, with_new_actor(ds, "newbie"), ds.relations, base=base, access=LOCAL_EDITOR)
    lines = (good_copy / "actors.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == header  # no empty "url" column appears
    assert lines[-1] == "newbie,Actor newbie,ngo,,,,"


def test_saving_the_curated_data_unchanged_rewrites_no_byte(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    ds, base = store.load(folder)
    result = store.save(folder, ds.actors, ds.relations, ds.sources, base=base, curated=True, access=LOCAL_EDITOR)
    assert result.snapshot == base
    assert files(folder) == files(ROOT / "data")


def test_save_keeps_a_backup_that_undo_restores_and_then_drops(good_copy: Path) -> None:
    before = files(good_copy)
    ds, base = store.load(good_copy)
    result = store.save(good_copy, with_new_actor(ds, "newbie"), ds.relations, base=base, access=LOCAL_EDITOR)
    assert store.backups(good_copy) == [result.backup]
    assert files(good_copy / ".backups" / result.backup) == before
    undone = store.undo_last_save(good_copy, result.snapshot, access=LOCAL_EDITOR)
    assert files(good_copy) == before
    assert undone.snapshot == base
    assert store.backups(good_copy) == []
    with pytest.raises(store.NothingToUndoError):
        store.undo_last_save(good_copy, undone.snapshot, access=LOCAL_EDITOR)


def test_undo_removes_a_sources_file_that_the_save_created(good_copy: Path) -> None:
    (good_copy / "sources.csv").unlink()
    ds, base = store.load(good_copy)
    result = store.save(good_copy, ds.actors, ds.relations, [{"id": "doc1"}, {"id": "doc2"}], base=base, access=LOCAL_EDITOR)
    assert (good_copy / "sources.csv").exists()
    store.undo_last_save(good_copy, result.snapshot, access=LOCAL_EDITOR)
    assert not (good_copy / "sources.csv").exists()


def test_only_the_newest_backups_are_kept(good_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from network.io import folder

    monkeypatch.setattr(folder, "KEEP_BACKUPS", 3)
    made = []
    for i in range(5):
        ds, base = store.load(good_copy)
        made.append(store.save(good_copy, with_new_actor(ds, f"a{i}"), ds.relations, base=base, access=LOCAL_EDITOR).backup)
    assert store.backups(good_copy) == made[-3:]
    assert all(len(name) == len("20260101T000000.000000Z") for name in made)


def test_a_save_over_a_file_changed_since_loading_is_a_conflict_that_names_the_file(good_copy: Path) -> None:
    ds, base = store.load(good_copy)
    with (good_copy / "relations.csv").open("a", encoding="utf-8") as fh:
        fh.write("cnv,fnv,co_signs,false,2026,doc1,another session's row,\n")
    changed = files(good_copy)
    with pytest.raises(store.ConflictError) as info:
        store.save(good_copy, with_new_actor(ds, "newbie"), ds.relations, base=base, access=LOCAL_EDITOR)
    assert info.value.files == ["relations.csv"]
    assert "relations.csv changed since the data was loaded" in str(info.value)
    assert files(good_copy) == changed
    with pytest.raises(store.ConflictError):
        store.undo_last_save(good_copy, base, access=LOCAL_EDITOR)


def test_a_save_that_would_not_load_writes_nothing(good_copy: Path) -> None:
    before = files(good_copy)
    ds, base = store.load(good_copy)
    relations = ds.relations + [{"source": "fnv", "target": "ghost", "type": "funds"}]
    with pytest.raises(DataError) as info:
        store.save(good_copy, ds.actors, relations, base=base, access=LOCAL_EDITOR)
    assert [str(p) for p in info.value.errors] == [f"{good_copy.resolve()}/relations.csv:9: target: unknown actor 'ghost'"]
    assert files(good_copy) == before
    assert store.backups(good_copy) == []
    assert not list(good_copy.glob(".staging-*"))


def test_curated_data_needs_a_source_and_a_quote_for_every_relation(good_copy: Path, dataset: Dataset) -> None:
    dataset.relations[0]["evidence"] = ""
    for curated, severity in ((True, "error"), (False, "warning")):
        problems = store.check_curated(dataset, curated)
        assert [(p.line, p.column, p.severity) for p in problems] == [(2, "evidence", severity)]
    ds, base = store.load(good_copy)
    ds.relations[0]["evidence"] = ""
    before = files(good_copy)
    with pytest.raises(DataError, match="has no quote as evidence"):
        store.save(good_copy, ds.actors, ds.relations, base=base, curated=True, access=LOCAL_EDITOR)
    assert files(good_copy) == before
    result = store.save(good_copy, ds.actors, ds.relations, base=base, access=LOCAL_EDITOR)  # user data: a warning
    assert any("has no quote" in p.message for p in result.warnings)


def test_only_the_bundled_folder_counts_as_curated(good_copy: Path) -> None:
    assert store.is_curated(ROOT / "data")
    assert not store.is_curated(good_copy)


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("TRUE", True), ("yes", True), ("0", False), ("", False)])
def test_read_only_mode_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv("NETWORK_READ_ONLY", value)
    assert store.read_only() is expected


def test_nothing_is_saved_in_read_only_mode(good_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ds, base = store.load(good_copy)
    before = files(good_copy)
    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    with pytest.raises(store.ReadOnlyError):
        store.save(good_copy, with_new_actor(ds, "newbie"), ds.relations, base=base, access=LOCAL_EDITOR)
    assert files(good_copy) == before


# -- two processes, and crashes -------------------------------------------------------------------------


def _save_many(folder: str, tag: str, count: int, out: str) -> None:
    """Add ``count`` actors one save at a time, retrying on a conflict; record the confirmed ones."""
    confirmed: list[str] = []
    conflicts = 0
    try:
        for i in range(count):
            while True:
                ds, base = store.load(folder)  # raises if any file is torn or mixed
                try:
                    store.save(folder, with_new_actor(ds, f"{tag}-{i}"), ds.relations, base=base, access=LOCAL_EDITOR)
                except store.ConflictError:
                    conflicts += 1
                    continue
                confirmed.append(f"{tag}-{i}")
                break
    finally:
        Path(out).write_text(json.dumps({"confirmed": confirmed, "conflicts": conflicts}), encoding="utf-8")


def test_two_processes_saving_at_once_never_tear_a_file_or_lose_a_confirmed_row(good_copy: Path, tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    count = 50
    workers = [
        ctx.Process(target=_save_many, args=(str(good_copy), tag, count, str(tmp_path / f"{tag}.json")))
        for tag in ("left", "right")
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=300)  # a guard against a hang, not a timing check
    assert [w.exitcode for w in workers] == [0, 0]
    confirmed = [i for tag in ("left", "right") for i in json.loads((tmp_path / f"{tag}.json").read_text())["confirmed"]]
    assert len(confirmed) == 2 * count
    ds = load_dataset(good_copy)  # every file parses
    ids = [a["id"] for a in ds.actors]
    assert set(confirmed) <= set(ids)
    assert len(ids) == 7 + 2 * count
    assert len(store.backups(good_copy)) == store.KEEP_BACKUPS


def _save_and_crash(folder: str, actors: list[dict[str, str]], relations: list[dict[str, str]], crash_at: int) -> None:
    """In a child: save, but die (no clean-up, like a kill) just before the ``crash_at``-th os.replace."""
    real_replace = os.replace
    calls = 0

    def replace(src, dst):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == crash_at:
            os._exit(CRASHED)
        real_replace(src, dst)

    try:
        _, base = store.load(folder)
        os.replace = replace
        store.save(folder, actors, relations, base=base, access=LOCAL_EDITOR)
    except BaseException:
        os._exit(1)
    os._exit(0)


def _an_edit(ds: Dataset) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Remove hukatan (and its relation) and add an actor: old relations with new actors do not load."""
    actors = [a for a in ds.actors if a["id"] != "hukatan"] + [{"id": "newbie", "name": "Newbie", "type": "ngo"}]
    relations = [r for r in ds.relations if "hukatan" not in (r["source"], r["target"])]
    return actors, relations


def _replace_calls(folder: Path, actors, relations) -> list[str]:  # type: ignore[no-untyped-def]
    """The names each os.replace of a normal save writes to, in order."""
    seen: list[str] = []
    real = os.replace

    def spy(src, dst):  # type: ignore[no-untyped-def]
        seen.append(Path(dst).name)
        real(src, dst)

    _, base = store.load(folder)
    os.replace = spy
    try:
        store.save(folder, actors, relations, base=base, access=LOCAL_EDITOR)
    finally:
        os.replace = real
    return seen


def test_a_crash_between_writing_and_renaming_leaves_the_old_file_whole(good_copy: Path) -> None:
    old = load_dataset(good_copy)
    before = files(good_copy)
    child = multiprocessing.get_context("fork").Process(target=_save_and_crash, args=(str(good_copy), *_an_edit(old), 1))
    child.start()
    child.join(timeout=120)
    assert child.exitcode == CRASHED
    assert files(good_copy) == before
    ds = load_dataset(good_copy)  # the temp file left behind is not read as data
    assert (ds.actors, ds.relations) == (old.actors, old.relations)
    leftovers = [p.name for p in good_copy.rglob("*.tmp")]
    assert leftovers  # the crash really came after the write
    ds, base = store.load(good_copy)
    store.save(good_copy, *_an_edit(ds), base=base, access=LOCAL_EDITOR)  # the next save works and clears the debris
    assert not list(good_copy.rglob("*.tmp")) and not list(good_copy.glob(".staging-*"))


def test_a_crash_at_any_point_of_a_save_leaves_the_old_or_the_new_data_whole(good_copy: Path, tmp_path: Path) -> None:
    old = load_dataset(good_copy)
    old_files = files(good_copy)
    reference = tmp_path / "reference"
    shutil.copytree(GOOD, reference)
    calls = _replace_calls(reference, *_an_edit(old))
    new_files = files(reference)
    new = load_dataset(reference)
    commit = calls.index(store.COMMIT_NAME) + 1  # dying before this call leaves no commit
    ctx = multiprocessing.get_context("fork")
    for crash_at in range(1, len(calls) + 1):
        folder = tmp_path / f"crash-{crash_at}"
        shutil.copytree(GOOD, folder)
        child = ctx.Process(target=_save_and_crash, args=(str(folder), *_an_edit(old), crash_at))
        child.start()
        child.join(timeout=120)
        assert child.exitcode == CRASHED, crash_at
        for name, content in files(folder).items():
            assert content in (old_files[name], new_files[name]), (crash_at, name)  # never torn
        if crash_at <= commit:
            assert files(folder) == old_files, crash_at
        ds, _ = store.load(folder)  # finishes a committed save
        expected = old if crash_at <= commit else new
        assert (ds.actors, ds.relations) == (expected.actors, expected.relations), crash_at
        assert files(folder) == (old_files if crash_at <= commit else new_files), crash_at


def test_edits_are_checked_live_without_writing(dataset: Dataset) -> None:
    actors = dataset.actors + [{"id": "fnv", "name": "FNV again", "type": "trade_union"}]
    relations = dataset.relations + [{"source": "fnv", "target": "ghost", "type": "funds"}]
    ds, problems = store.check_edits(actors, relations, dataset.sources)
    assert ds is None
    errors = [str(p) for p in problems if p.severity == "error"]
    assert errors == [
        "actors.csv:9: id: duplicate id 'fnv' (first on line 2)",
        "relations.csv:9: target: unknown actor 'ghost'",
    ]
    ds, problems = store.check_edits(
        dataset.actors, dataset.relations[:1] + [{"source": "fnv", "target": "cnv", "type": "funds"}]
    )
    assert ds is not None
    assert [(p.line, p.column, p.severity) for p in problems if p.file == "relations.csv"] == [
        (3, "source_doc", "warning"),
        (3, "evidence", "warning"),
    ]
