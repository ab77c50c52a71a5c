"""Issue 12: bounded work on hostile input, saves nobody sees half of, login for editors.

Each test is one failure the issue found. Work is checked by what it produces (the number of
problems, the summary line), never by a time: the figures are in ``python -m bench.hostile``.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import multiprocessing
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from bench.hostile import big_cell, mistyped_ids, repeated_header, wide_row
from network import DataError, auth, load_dataset, store
from network.cli import main as cli_main
from network.io.csvfile import MAX_COLUMNS
from network.io.uploads import load_uploads, read_spreadsheet
from network.io.xlsx import write_workbook
from network.rights import LOCAL_EDITOR
from network.validate import MAX_PROBLEMS, MAX_SUGGESTED
from network.view import ViewState
from network.views import default_views_dir, list_views, save_view

from .conftest import GOOD, ROOT, make_book, map_caption

APP = str(ROOT / "app.py")


@pytest.fixture(autouse=True)
def writable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving and editing are on unless a test says otherwise, whatever the shell says."""
    monkeypatch.delenv("NETWORK_READ_ONLY", raising=False)


def cli(*args: str) -> tuple[int, str]:
    """Run the command line in-process; its exit code and everything it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli_main(list(args))
    return code, out.getvalue()


def problems_of(folder: Path) -> list:
    with pytest.raises(DataError) as info:
        load_dataset(folder)
    return info.value.problems


# -- 1 and 2: bounded work ----------------------------------------------------------------------


def test_twenty_thousand_mistyped_ids_give_the_first_200_problems_and_a_summary_line(tmp_path: Path) -> None:
    problems = problems_of(mistyped_ids(tmp_path / "d", 20_000))
    relations = [p for p in problems if p.file.endswith("relations.csv")]
    assert len(relations) == MAX_PROBLEMS + 1
    assert relations[0].line == 2 and relations[0].column == "source" and "unknown actor 'actr-00000x'" in relations[0].message
    assert relations[-1].message == f"… and {20_000 - MAX_PROBLEMS} more problem(s) in this file"
    hinted = [p for p in relations if "did you mean" in p.message]
    assert 0 < len(hinted) <= MAX_SUGGESTED
    assert "did you mean: actor-00000" in hinted[0].message


def test_the_command_line_prints_the_capped_list_and_one_summary(tmp_path: Path) -> None:
    code, printed = cli("validate", str(mistyped_ids(tmp_path / "d", 20_000)))
    lines = printed.splitlines()
    assert code == 1 and "Traceback" not in printed
    assert sum("relations.csv" in line for line in lines) == MAX_PROBLEMS + 1
    assert any("… and 19800 more problem(s) in this file" in line for line in lines)
    assert lines[-1].endswith("did not load")


@pytest.mark.parametrize("size", [2**20, 10 * 2**20])
def test_a_header_of_repeated_columns_is_one_problem_not_millions(tmp_path: Path, size: int) -> None:
    problems = problems_of(repeated_header(tmp_path / "d", size))
    actors = [p for p in problems if p.file.endswith("actors.csv")]
    width = 3 + (size - 12) // 3
    assert [(p.line, p.message) for p in actors] == [(1, f"the header has {width:,} columns; at most {MAX_COLUMNS:,} are read")]


def test_a_line_of_millions_of_short_fields_is_refused_before_it_is_split(tmp_path: Path) -> None:
    problems = problems_of(wide_row(tmp_path / "d", 4 * 2**20))
    [actors] = [p for p in problems if p.file.endswith("actors.csv")]
    assert actors.line == 2 and actors.message.startswith("the line has 1,398,102 fields")
    assert actors.message.endswith(f"at most {MAX_COLUMNS:,} are read")


def test_a_long_line_with_few_fields_is_read_as_usual(good_copy: Path) -> None:
    with open(good_copy / "actors.csv", "a", encoding="utf-8") as fh:
        fh.write("long,Long,ngo," + ",".join(["x" * 90_000] * 12) + "\n")  # 1.1 MB in 15 fields, each under the cell limit
    problems = problems_of(good_copy)
    assert [
        p.message.split(":")[0] for p in problems if p.line == 9 and p.file.endswith("actors.csv") and p.severity == "error"
    ] == ["row has 15 fields but the header has 7"]


def test_a_10_mb_cell_is_named_as_a_long_cell_not_broken_quoting(tmp_path: Path) -> None:
    problems = problems_of(big_cell(tmp_path / "d"))
    [actors] = [p for p in problems if p.file.endswith("actors.csv")]
    assert actors.line == 2 and "a cell is longer than 100,000 characters" in actors.message
    assert "quoting" not in actors.message


def test_a_workbook_with_more_columns_than_are_read_is_refused_naming_the_sheet() -> None:
    wide = [["id", "name", "type", *(f"c{i}" for i in range(600))], ["fnv", "FNV", "trade_union", *(["v"] * 600)]]
    book = make_book({"actors": wide, "relations": [["source", "target", "type"], ["fnv", "fnv", "funds"]]})
    with pytest.raises(DataError) as info:
        read_spreadsheet(book, "wide.xlsx")
    assert [str(p) for p in info.value.errors] == [
        "wide.xlsx [sheet actors]:1: -: the sheet has 603 columns; at most 500 are read"
    ]


# -- 7: a damaged workbook is a DataError naming the file, in the CLI and the app ----------------


def _patched(book: bytes, entry: str, field: str, value: int) -> bytes:
    """``book`` with one central-directory field of ``entry`` set: "method" (compression) or "version" (needed)."""
    data = bytearray(book)
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        start, index = z.start_dir, z.namelist().index(entry)
    for _ in range(index):
        start = data.find(b"PK\x01\x02", start + 4)  # the central directory: one record per entry, in order
    name_len = struct.unpack_from("<H", data, start + 28)[0]
    assert data[start + 46 : start + 46 + name_len] == entry.encode()
    struct.pack_into("<H", data, start + (10 if field == "method" else 6), value)
    return bytes(data)


@pytest.fixture
def workbook(dataset) -> bytes:
    return write_workbook(dataset)


@pytest.mark.parametrize("entry", ["xl/workbook.xml", "xl/worksheets/sheet1.xml"])
@pytest.mark.parametrize(("field", "value"), [("method", 99), ("version", 99)])
def test_a_workbook_with_an_unsupported_zip_entry_is_a_data_error_naming_the_file(
    workbook: bytes, entry: str, field: str, value: int
) -> None:
    damaged = _patched(workbook, entry, field, value)
    with pytest.raises(NotImplementedError):
        zipfile.ZipFile(io.BytesIO(damaged)).read(entry)  # what escaped the loader before
    with pytest.raises(DataError) as info:
        load_uploads([("book.xlsx", damaged)])
    assert info.value.errors and all(p.file.startswith("book.xlsx") for p in info.value.errors)


def test_the_command_line_reports_a_damaged_workbook_without_a_traceback(workbook: bytes, tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(_patched(workbook, "xl/worksheets/sheet1.xml", "method", 99))
    run = subprocess.run([sys.executable, "-m", "network", "validate", str(path)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr and str(path) in run.stdout


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_damage_to_a_workbook_gives_data_or_a_data_error(workbook: bytes, data: st.DataObject) -> None:
    damaged = bytearray(workbook)
    for _ in range(data.draw(st.integers(1, 8))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    with contextlib.suppress(DataError):
        read_spreadsheet(bytes(damaged), "book.xlsx")


# -- 8: a view renamed in git ----------------------------------------------------------------------


def test_export_all_views_works_when_a_view_file_name_differs_from_its_stored_name(good_copy: Path, tmp_path: Path) -> None:
    views = default_views_dir(good_copy)
    save_view(views, "Coalition map", ViewState(title="Coalitions"), access=LOCAL_EDITOR)
    save_view(views, "Unions", ViewState(actor_types=["trade_union"]), access=LOCAL_EDITOR)
    (views / "coalition-map.json").rename(views / "renamed-in-git.json")  # git mv, the stored name stays
    out = tmp_path / "deck.pptx"
    code, printed = cli("export", "--format", "pptx", "--all-views", "--out", str(out), "--data", str(good_copy))
    assert code == 0, printed
    assert "2 slide(s)" in printed and out.stat().st_size > 0
    assert "Coalition map" in list_views(views)


# -- 9: what the loader says about files it cannot read ------------------------------------------


def test_a_folder_named_actors_csv_is_called_a_folder(good_copy: Path) -> None:
    (good_copy / "actors.csv").unlink()
    (good_copy / "actors.csv").mkdir()
    [p] = [p for p in problems_of(good_copy) if p.file.endswith("actors.csv")]
    assert p.message == "is a folder, not a file"


def test_a_fifo_named_actors_csv_is_refused_without_waiting_on_it(good_copy: Path) -> None:
    (good_copy / "actors.csv").unlink()
    os.mkfifo(good_copy / "actors.csv")  # opening it to read would block forever
    [p] = [p for p in problems_of(good_copy) if p.file.endswith("actors.csv")]
    assert p.message == "is not a regular file (a pipe or device?); refused"


def test_a_link_to_a_file_outside_the_data_folder_is_refused_and_its_lines_never_quoted(good_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("id,name,type\nroot-password-hunter2,x,ngo\n", encoding="utf-8")
    (good_copy / "actors.csv").unlink()
    (good_copy / "actors.csv").symlink_to(secret)
    problems = problems_of(good_copy)
    [p] = [p for p in problems if p.file.endswith("actors.csv")]
    assert p.message == "is a link to a file outside the data folder; refused"
    assert not any("hunter2" in str(q) for q in problems)


def test_a_link_inside_the_data_folder_is_followed(good_copy: Path) -> None:
    (good_copy / "actors.csv").rename(good_copy / "actors-2026.csv")
    (good_copy / "actors.csv").symlink_to("actors-2026.csv")
    assert len(load_dataset(good_copy).actors) == 7


# -- 3 and 4: kill -9 during saves, readers during saves -------------------------------------------


def _version_rows(base: store.Dataset, k: int) -> tuple[list[dict], list[dict]]:
    """Version ``k`` of the data: the base plus actor v<k> and a relation to it. Two versions never mix into one that loads."""
    actors = base.actors + [{"id": f"v{k}", "name": f"Version {k}", "type": "ngo"}]
    relations = base.relations + [
        {"source": "fnv", "target": f"v{k}", "type": "funds", "source_doc": "doc1", "evidence": f"version {k}"}
    ]
    return actors, relations


def _marker(ds: store.Dataset) -> int:
    """The version a loaded folder holds; fails on anything but exactly one whole version."""
    actors = [a["id"] for a in ds.actors if a["id"].startswith("v") and a["id"][1:].isdigit()]
    targets = [r["target"] for r in ds.relations if r["target"].startswith("v") and r["target"][1:].isdigit()]
    assert len(actors) <= 1 and actors == targets, (actors, targets)
    return int(actors[0][1:]) if actors else 0


def _save_forever(folder: str, ready: object) -> None:
    """In a child: save version after version until killed."""
    base = load_dataset(GOOD)
    ready.set()  # type: ignore[attr-defined]
    try:
        while True:
            ds, snap = store.load(folder)
            actors, relations = _version_rows(base, _marker(ds) + 1)
            store.save(folder, actors, relations, base=snap, curated=False, access=LOCAL_EDITOR)
    except BaseException:
        os._exit(1)


def test_kill_9_at_random_moments_of_saving_leaves_old_or_new_data_that_validate_and_the_app_open(
    good_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    ctx = multiprocessing.get_context("fork")
    kills, mid_save, interrupted = 0, 0, None
    before = 0
    for _ in range(32):
        ready = ctx.Event()
        child = ctx.Process(target=_save_forever, args=(str(good_copy), ready))
        child.start()
        assert ready.wait(30)
        time.sleep(rng.uniform(0.0, 0.12))
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        assert child.exitcode == -signal.SIGKILL, f"seed {seed}: the saver stopped by itself"
        kills += 1
        stagings = list(good_copy.glob(store.STAGING_PREFIX + "*"))
        mid_save += bool(stagings)
        if interrupted is None and any((s / store.COMMIT_NAME).is_file() for s in stagings):
            interrupted = tmp_path / "interrupted"
            shutil.copytree(good_copy, interrupted, symlinks=True)  # as the crash left it, for the app below
        code, printed = cli("validate", str(good_copy))  # finishes or rolls back what the kill interrupted
        now = _marker(load_dataset(good_copy))
        counts = "ok: 7 actors, 7 relations" if now == 0 else "ok: 8 actors, 8 relations"
        assert code == 0 and printed.splitlines()[-1].startswith(counts), f"seed {seed}: {printed}"
        assert now >= before, f"seed {seed}: a confirmed save was lost"
        before = now
        assert not [s for s in good_copy.glob(store.STAGING_PREFIX + "*") if (s / store.COMMIT_NAME).exists()]
    print(
        f"seed {seed}: {kills} kills, {mid_save} during a save, {before} versions saved, interrupted commit seen: {bool(interrupted)}"
    )
    assert kills >= 30 and mid_save >= 1 and before >= 1
    for folder in filter(None, [interrupted, good_copy]):
        monkeypatch.setenv("NETWORK_DATA_DIR", str(folder))
        at = AppTest.from_file(APP, default_timeout=60).run()
        assert not at.exception and not at.error, folder
        assert map_caption(at).startswith("8 of 8 actors")


def _interrupt_after_first_replace(folder: str, actors: list[dict], relations: list[dict]) -> None:
    """In a child: save, and die right after the first data file is renamed into place."""
    real, data = os.replace, Path(folder).resolve()

    def replace(src, dst):  # type: ignore[no-untyped-def]
        real(src, dst)
        if Path(dst).parent == data and Path(dst).name in store.FILES:
            os._exit(77)

    _, base = store.load(folder)
    os.replace = replace
    store.save(folder, actors, relations, base=base, curated=False, access=LOCAL_EDITOR)
    os._exit(1)


def test_after_a_crash_between_the_renames_of_a_save_the_app_opens_on_the_new_data(
    good_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = load_dataset(GOOD)
    store.save(good_copy, *_version_rows(base, 1), base=store.load(good_copy)[1], curated=False, access=LOCAL_EDITOR)
    actors, relations = _version_rows(base, 2)  # new actors beside old relations: a relation to the gone v1
    child = multiprocessing.get_context("fork").Process(
        target=_interrupt_after_first_replace, args=(str(good_copy), actors, relations)
    )
    child.start()
    child.join(60)
    assert child.exitcode == 77
    assert [s for s in good_copy.glob(store.STAGING_PREFIX + "*") if (s / store.COMMIT_NAME).is_file()]
    with pytest.raises(DataError):
        store.read_folder(good_copy)  # as the crash left it, the folder is a mix that does not load
    monkeypatch.setenv("NETWORK_DATA_DIR", str(good_copy))
    at = AppTest.from_file(APP, default_timeout=60).run()  # the app's first load finishes the save
    assert not at.exception and not at.error
    assert map_caption(at).startswith("8 of 8 actors") and _marker(load_dataset(good_copy)) == 2
    run = subprocess.run([sys.executable, "-m", "network", "validate", str(good_copy)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0 and "ok: 8 actors, 8 relations" in run.stdout


def _save_versions(folder: str, count: int, out: str) -> None:
    """In a child: save versions 1..count, writing the data version each produced."""
    base = load_dataset(GOOD)
    versions = []
    try:
        for k in range(1, count + 1):
            _, snap = store.load(folder)
            result = store.save(folder, *_version_rows(base, k), base=snap, curated=False, access=LOCAL_EDITOR)
            versions.append(result.dataset.version)
    finally:
        Path(out).write_text(json.dumps(versions), encoding="utf-8")


def _read_until(folder: str, stop: str, out: str) -> None:
    """In a child: load the folder again and again until ``stop`` exists; record what each load saw."""
    seen, failures = [], []
    while not Path(stop).exists():
        try:
            ds = load_dataset(folder)
            seen.append([ds.version, _marker(ds)])
        except (DataError, AssertionError) as exc:
            failures.append(str(exc)[:300])
    Path(out).write_text(json.dumps({"seen": seen, "failures": failures}), encoding="utf-8")


def test_a_reader_looping_during_saves_only_ever_sees_a_saved_version(good_copy: Path, tmp_path: Path) -> None:
    initial = load_dataset(good_copy).version
    ctx = multiprocessing.get_context("fork")
    stop = tmp_path / "stop"
    reader = ctx.Process(target=_read_until, args=(str(good_copy), str(stop), str(tmp_path / "reader.json")))
    writer = ctx.Process(target=_save_versions, args=(str(good_copy), 40, str(tmp_path / "writer.json")))
    reader.start()
    writer.start()
    writer.join(300)
    stop.touch()
    reader.join(60)
    assert (writer.exitcode, reader.exitcode) == (0, 0)
    saved = json.loads((tmp_path / "writer.json").read_text())
    got = json.loads((tmp_path / "reader.json").read_text())
    assert len(saved) == 40 and got["failures"] == []
    assert len(got["seen"]) >= 40  # the reader really ran alongside
    versions = [initial, *saved]
    for version, marker in got["seen"]:
        assert version in versions and versions.index(version) == marker


# -- 10: uploads go when replaced and when the session ends ----------------------------------------


def _upload_script() -> None:
    import json

    import streamlit as st

    from ui import keys, upload

    with open(st.session_state.get("_csvs", ""), "rb") as fh:
        files = json.load(fh)
    if st.button("upload", key="go"):
        upload.take([(name, content.encode()) for name, content in files.items()])
    st.write(st.session_state.get(keys.UPLOAD_DIR, ""))


def _upload_app(tmp_path: Path) -> AppTest:
    csvs = tmp_path / "files.json"
    csvs.write_text(json.dumps({n: (GOOD / n).read_text("utf-8") for n in ("actors.csv", "relations.csv")}))
    at = AppTest.from_function(_upload_script, default_timeout=60)
    at.session_state["_csvs"] = str(csvs)
    return at.run()


def _upload_dir(at: AppTest) -> Path:
    from ui import keys

    return Path(at.session_state[keys.UPLOAD_DIR])


def test_an_upload_replaced_by_the_next_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    at = _upload_app(tmp_path)
    at.button(key="go").click().run()
    first = _upload_dir(at)
    assert (first / "actors.csv").is_file()
    at.button(key="go").click().run()
    second = _upload_dir(at)
    assert second != first and second.is_dir() and not first.exists()


def test_an_upload_is_removed_when_its_session_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    at = _upload_app(tmp_path)
    at.button(key="go").click().run()
    folder = _upload_dir(at)
    assert folder.is_dir()
    del at  # Streamlit forgets a session's state when it ends: the folder goes with it
    gc.collect()
    assert not folder.exists()


def test_upload_folders_a_crashed_server_left_are_removed_once_a_day_old(tmp_path: Path) -> None:
    from ui.upload import sweep_stale_uploads

    old, fresh, other = tmp_path / "sne-upload-old", tmp_path / "sne-upload-fresh", tmp_path / "someone-else"
    for d in (old, fresh, other):
        d.mkdir()
        (d / "actors.csv").write_text("x")
    day_ago = time.time() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    os.utime(other, (day_ago, day_ago))
    (tmp_path / "sne-upload-link").symlink_to(other)
    assert sweep_stale_uploads(str(tmp_path)) == ["sne-upload-old"]
    assert fresh.is_dir() and other.is_dir() and not old.exists()


# -- 6: serving: localhost by default, a team server read-only or with editors' logins ------------


def test_make_run_binds_localhost_and_sends_no_usage_statistics() -> None:
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["browser"]["gatherUsageStats"] is False
    makefile = (ROOT / "Makefile").read_text("utf-8")
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "--server.address 127.0.0.1" in run


def test_make_serve_checks_first_and_shows_no_error_details() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    serve = makefile.split("\nserve:", 1)[1].split("\n\n", 1)[0]
    assert serve.index("-m ui.auth check") < serve.index("streamlit run")
    assert "--server.address 0.0.0.0" in serve and "--client.showErrorDetails none" in serve
    assert ".streamlit/secrets.toml" in (ROOT / ".gitignore").read_text("utf-8").splitlines()


@pytest.mark.parametrize(
    ("env", "secrets", "ok"),
    [
        ({}, "", False),
        ({"NETWORK_READ_ONLY": "1"}, "", True),
        ({"NETWORK_READ_ONLY": "ture"}, "", False),  # misspelt: refused, never taken for "writable"
        ({}, '[editors]\nanna = "HASH"\n', True),
        ({}, '[auth]\nclient_id = "x"\n', False),  # a provider, but nobody named who may edit
        ({}, 'editor_emails = ["@team.example"]\n[auth]\nclient_id = "x"\n', True),
    ],
)
def test_serving_a_team_is_refused_unless_read_only_or_editors_log_in(tmp_path: Path, env: dict, secrets: str, ok: bool) -> None:
    (tmp_path / ".streamlit").mkdir()
    if secrets:
        (tmp_path / ".streamlit" / "secrets.toml").write_text(secrets.replace("HASH", auth.hash_password("long enough pw")))
    clean = {k: v for k, v in os.environ.items() if k != "NETWORK_READ_ONLY"}
    run = subprocess.run(
        [sys.executable, "-m", "ui.auth", "check"],
        cwd=tmp_path,
        env={**clean, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
    )
    assert (run.returncode == 0) is ok, run.stdout + run.stderr
    assert ("refusing" in run.stderr) is (not ok)
    assert ("NETWORK_READ_ONLY='ture' is not understood" in run.stderr) is (env.get("NETWORK_READ_ONLY") == "ture")


def test_a_password_is_stored_as_a_salted_scrypt_hash() -> None:
    one, two = auth.hash_password("correct horse battery"), auth.hash_password("correct horse battery")
    assert one != two and one.startswith("scrypt$16384$8$1$")  # a new salt each time
    assert auth.verify_password("correct horse battery", one) and auth.verify_password("correct horse battery", two)
    assert not auth.verify_password("correct horse batterY", one)
    assert not auth.verify_password("x", "scrypt$1048576$64$1$AAAA$AAAA")  # too costly a hash is refused, not run


def test_the_hash_command_prints_a_hash_that_verifies() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "network.auth", "hash"], cwd=ROOT, input="a long password\n", capture_output=True, text=True
    )
    assert run.returncode == 0
    assert auth.verify_password("a long password", run.stdout.strip())


def _gate_script() -> None:
    import streamlit as st

    from ui import auth as ui_auth

    ui_auth.login_panel("en")
    st.write(f"can_edit={ui_auth.can_edit()}")


def _gate(secrets: dict | None = None) -> AppTest:
    from ui import keys

    at = AppTest.from_function(_gate_script, default_timeout=60)
    at.session_state[keys.OPEN_SECTIONS] = {"login"}  # as after a click on "Log in to edit"
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    return at.run()


def _can_edit(at: AppTest) -> bool:
    [shown] = [m.value for m in at.markdown if m.value.startswith("can_edit=")]
    return shown == "can_edit=True"


def test_with_no_login_configured_this_machine_may_edit_and_a_read_only_server_may_not(monkeypatch: pytest.MonkeyPatch) -> None:
    at = _gate()
    assert _can_edit(at) and not at.text_input  # no login box on make run
    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    assert not _can_edit(_gate({"editors": {"anna": auth.hash_password("anna's long pw")}}))


def test_with_editors_configured_only_a_logged_in_editor_may_edit() -> None:
    from ui import auth as ui_auth

    ui_auth._throttle.clear()
    at = _gate({"editors": {"anna": auth.hash_password("anna's long pw")}})
    assert not _can_edit(at)
    at.text_input(key="auth_user").input("anna")
    at.text_input(key="auth_password").input("wrong")
    at.button[0].click().run()
    assert not _can_edit(at) and "wrong password" in at.error[0].value
    at.text_input(key="auth_user").input("anna")
    at.text_input(key="auth_password").input("anna's long pw")
    at.button[0].click().run()
    assert _can_edit(at) and "Logged in as anna" in at.caption[0].value
    at.button(key="auth_logout").click().run()
    assert not _can_edit(at)


def test_wrong_passwords_pause_the_next_try_and_the_right_one_works_once_the_pause_has_passed(monkeypatch) -> None:
    from ui import auth as ui_auth

    now = [1000.0]
    monkeypatch.setattr(ui_auth, "_throttle", auth.LoginThrottle(free=3, first=1.0, clock=lambda: now[0]))
    at = _gate({"editors": {"anna": auth.hash_password("anna's long pw")}})
    for _ in range(4):
        at.text_input(key="auth_user").input("anna")
        at.text_input(key="auth_password").input("guess")
        at.button[0].click().run()
    at.text_input(key="auth_user").input("anna")
    at.text_input(key="auth_password").input("anna's long pw")
    at.button[0].click().run()
    assert not _can_edit(at) and "Too many failed logins" in at.error[0].value  # paused: not even checked
    now[0] += 1.0  # the pause after the 4th failure is one second: a pause, never a lock
    at.text_input(key="auth_user").input("anna")
    at.text_input(key="auth_password").input("anna's long pw")
    at.button[0].click().run()
    assert _can_edit(at)


def test_the_login_throttle_counts_sessions_and_names_caps_a_names_pause_and_stays_bounded(caplog) -> None:
    now = [0.0]
    throttle = auth.LoginThrottle(free=3, first=1.0, size=100, clock=lambda: now[0])
    # Someone else hammers anna's name: anna, in her own session, waits at most the name's cap (30 s).
    for _ in range(50):
        throttle.failed(["session:attacker", "name:anna"], "anna")
    assert throttle.wait(["session:anna", "name:anna"]) == 30.0
    assert throttle.wait(["session:attacker", "name:bob"]) == 300.0  # that session, whatever name it tries next
    # One password against many names from one session is slowed by the session's count.
    for i in range(5):
        throttle.failed(["session:sprayer", f"name:user{i}"], f"user{i}")
    assert throttle.wait(["session:sprayer", "name:someone-new"]) > 0
    # A million names take no more room than the table's size.
    for i in range(1000):
        throttle.failed([f"session:{i}", f"name:n{i}"], f"n{i}")
    assert len(throttle) <= 100
    # Every failure is logged with the name, never the password.
    with caplog.at_level("WARNING", logger="network.auth"):
        throttle.failed(["session:x", "name:eve"], "eve\nforged line")
    assert "failed editor login for name 'eve\\\\nforged line'" in caplog.text and "\nforged" not in caplog.text


def test_a_provider_login_edits_only_for_the_listed_addresses() -> None:
    assert auth.allowed_email("anna@team.example", ["@team.example"])
    assert not auth.allowed_email("anna@team.example.evil.org", ["@team.example"])
    assert not auth.allowed_email(None, ["@team.example"])
    at = _gate({"auth": {"client_id": "x", "client_secret": "y"}, "editor_emails": ["@team.example"]})
    assert not _can_edit(at)
    assert any("Log in with" in b.label for b in at.button)


# -- 5: markdown from a link or the data shows as text (the browser side is in e2e/) ----------------

MARKDOWN = "![x](http://evil.example/x.png) [here](http://evil.example)"


def test_values_from_a_link_are_shown_as_text_in_the_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORK_DATA_DIR", str(GOOD))
    at = AppTest.from_file(APP, default_timeout=60)
    for key in ("focus", "path_from", "path_to", "countries", "themes", "size_by"):
        at.query_params[key] = MARKDOWN
    at.run()
    notes = [n.value for n in at.info]
    assert len(notes) == 6
    for note in notes:
        assert "![x](" not in note and "[here](" not in note and "\\!\\[x\\]" in note, note


def test_actor_names_in_did_you_mean_notes_are_shown_as_text(good_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open(good_copy / "actors.csv", "a", encoding="utf-8") as fh:
        fh.write(f'evilorg,"{MARKDOWN}",ngo,NL,,,\n')
    with open(good_copy / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write("fnv,evilorg,funds,true,2026,doc1,q,\n")
    monkeypatch.setenv("NETWORK_DATA_DIR", str(good_copy))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["focus"] = "evilorgg"
    at.run()
    [note] = [n.value for n in at.info if "did you mean" in n.value]
    assert "evilorg" in note and "![x](" not in note and "\\!\\[x\\]" in note


# -- 22: big input is refused as soon as it passes a limit, and read in bounded memory ---------------


def test_a_csv_over_the_row_limit_is_refused_at_the_first_row_past_it(good_copy, monkeypatch: pytest.MonkeyPatch) -> None:
    from network.io import csvfile

    monkeypatch.setattr(csvfile, "MAX_ROWS", 3)
    rows = "".join(f"fnv,cnv,partners_with,true,2026,doc1,quote {i}\n" for i in range(6))
    (good_copy / "relations.csv").write_text("source,target,type,directed,date,source_doc,evidence\n" + rows, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_dataset(good_copy)
    [problem] = [p for p in err.value.problems if p.file.endswith("relations.csv")]
    assert problem.line == 5 and "more than 3 rows" in problem.message


def test_repeated_values_of_a_csv_share_one_string_so_a_big_file_takes_less_memory() -> None:
    from network.io.csvfile import parse_table

    data = b"source,target,type,evidence\n" + b"".join(b"fnv,cnv,partners_with,quote %d\n" % i for i in range(3))
    table = parse_table(data, "relations.csv", [])
    first, second = table.rows[0], table.rows[1]
    assert first["type"] is second["type"] and first["source"] is second["source"]
    assert first["evidence"] == "quote 0" and second["evidence"] == "quote 1"


def test_a_workbook_over_the_row_limit_is_refused_before_openpyxl_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    from network.io import xlsx
    from network.io.uploads import read_spreadsheet

    book = make_book(
        {
            "actors": [["id", "name", "type"], ["fnv", "FNV", "trade_union"], ["cnv", "CNV", "trade_union"]],
            "relations": [["source", "target", "type"]] + [["fnv", "cnv", "partners_with"]] * 6,
        }
    )
    monkeypatch.setattr(xlsx, "MAX_ROWS", 5)

    def never(*args, **kwargs):
        raise AssertionError("openpyxl opened a workbook over the row limit")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    with pytest.raises(DataError) as err:
        read_spreadsheet(book, "big.xlsx")
    assert [(p.file, p.message) for p in err.value.problems] == [
        ("big.xlsx [sheet relations]", "the sheet has more than 5 rows; at most 5 are read: split it")
    ]
