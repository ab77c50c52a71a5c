"""The engagement log: checked like the other files, saved with backups and undo, and never exported unless asked."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from network import build_graph, load_dataset, store
from network.cli import main
from network.engagements import (
    NEVER_COLOR,
    contact_colors,
    contact_sizes,
    for_actor,
    for_shown,
    include_in_export,
    last_contact,
    open_follow_ups,
    stale_allies,
)
from network.model import DataError
from network.presentation.export import FORMATS, export_bytes, make_snapshot
from network.rights import LOCAL_EDITOR
from network.view import ViewState

from .conftest import DATA

TEAM = DATA / "stakeholder"
BAD = DATA / "bad_team"
SECRET = "Secret strategy meeting on VMP"  # a summary in tests/data/stakeholder/engagements.csv
TODAY = dt.date(2026, 5, 1)


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A writable copy of the stakeholder fixture folder (with assessments and engagements)."""
    folder = tmp_path / "data"
    shutil.copytree(TEAM, folder)
    return folder


def _problems(folder: Path) -> list[str]:
    with pytest.raises(DataError) as err:
        load_dataset(folder)
    return [str(p) for p in err.value.errors]


def test_the_loader_reads_the_engagement_log_when_it_is_there():
    ds = load_dataset(TEAM)
    assert len(ds.engagements) == 4 and ds.engagements[0]["actors"] == "minister|kamer"
    assert ds.engagements[0]["done"] == "true"


def test_a_folder_without_the_team_files_loads_with_empty_logs(dataset):
    assert dataset.engagements == [] and dataset.assessments == []


def test_the_engagement_log_does_not_change_the_data_version(team):
    before = load_dataset(team).version
    (team / "engagements.csv").write_text("date,actors,kind\n2026-01-01,fnv,call\n", encoding="utf-8")
    assert load_dataset(team).version == before


def test_an_engagement_with_an_unknown_actor_names_file_line_and_column(team):
    shutil.copy(BAD / "engagements_unknown_actor.csv", team / "engagements.csv")
    [problem] = _problems(team)
    assert problem.startswith(f"{team / 'engagements.csv'}:2: actors: unknown actor 'acmee'")
    assert "did you mean: acme" in problem


def test_impossible_dates_unknown_kinds_and_bad_booleans_in_the_log_are_each_named(team):
    shutil.copy(BAD / "engagements_bad_dates.csv", team / "engagements.csv")
    problems = _problems(team)
    where = str(team / "engagements.csv")
    assert any(p.startswith(f"{where}:2: date: impossible date '2026-02-30'") for p in problems)
    assert any(p.startswith(f"{where}:3: kind: 'phone' is not one of: meeting, call, letter, event") for p in problems)
    assert any(p.startswith(f"{where}:3: due: impossible date '2026-13-01'") for p in problems)
    assert any(p.startswith(f"{where}:3: done: 'maybe' is not true or false") for p in problems)


def test_a_broken_log_loads_nothing_rather_than_half(team):
    shutil.copy(BAD / "engagements_unknown_actor.csv", team / "engagements.csv")
    with pytest.raises(DataError):
        load_dataset(team)


def test_a_follow_up_due_before_its_engagement_is_a_warning(team):
    (team / "engagements.csv").write_text("date,actors,kind,follow_up,due\n2026-03-10,fnv,call,x,2026-03-01\n", encoding="utf-8")
    [w] = [p for p in load_dataset(team).warnings if p.column == "due"]
    assert w.line == 2 and "before the engagement" in w.message


def test_an_actor_s_engagements_come_newest_first():
    log = load_dataset(TEAM).engagements
    assert [e["date"] for e in for_actor(log, "minister")] == ["2026-03-10", "2025-11-20"]
    assert for_actor(log, "acme") == []


def test_open_follow_ups_leave_out_the_done_ones_and_flag_the_overdue():
    rows = open_follow_ups(load_dataset(TEAM).engagements, TODAY)
    assert [(r["follow_up"], r["overdue"]) for r in rows] == [
        ("Send updated figures", True),
        ("Invite to the round table", False),
    ]


def test_the_map_colours_and_sizes_actors_by_time_since_last_contact(graph):
    G = build_graph(load_dataset(TEAM))
    log = load_dataset(TEAM).engagements
    assert last_contact(log, TODAY)["minister"] == dt.date(2026, 3, 10)
    colors = contact_colors(G, log, TODAY)
    assert colors["minister"] != colors["kamer"] and colors["fnv"] == NEVER_COLOR
    sizes = contact_sizes(G, log, TODAY)
    assert sizes["minister"] > sizes["kamer"] > sizes["fnv"]


def test_allies_on_an_ask_without_recent_contact_are_flagged():
    ds = load_dataset(TEAM)
    G = build_graph(ds)
    stale = stale_allies(G, ds.engagements, "vmp", 6, TODAY)
    # All four are for VMP: cnv was last written to in February 2025, fnv and hukatan never; vno was called in April.
    assert {r["id"] for r in stale} == {"cnv", "fnv", "hukatan"}
    assert stale[-1]["id"] == "cnv" and stale[-1]["months"] == 15


def test_an_engagement_is_added_saved_backed_up_and_undone(team):
    ds, base = store.load(team)
    row = {"date": "2026-04-20", "actors": "fnv|cnv", "kind": "meeting", "summary": "Joint plan", "owner": "Anna"}
    result = store.save_tables(team, {"engagements.csv": [*ds.engagements, row]}, base=base, access=LOCAL_EDITOR)
    assert [e["summary"] for e in result.dataset.engagements][-1] == "Joint plan"
    assert "Joint plan" in (team / "engagements.csv").read_text(encoding="utf-8")
    assert (team / "actors.csv").read_bytes() == (TEAM / "actors.csv").read_bytes()  # nothing else rewritten
    store.undo_last_save(team, result.snapshot, access=LOCAL_EDITOR)
    assert (team / "engagements.csv").read_bytes() == (TEAM / "engagements.csv").read_bytes()


def test_saving_an_engagement_with_an_unknown_actor_is_refused_and_nothing_changes(team):
    ds, base = store.load(team)
    bad = {"date": "2026-04-20", "actors": "nobody", "kind": "meeting"}
    with pytest.raises(DataError) as err:
        store.save_tables(team, {"engagements.csv": [*ds.engagements, bad]}, base=base, access=LOCAL_EDITOR)
    assert "unknown actor 'nobody'" in str(err.value)
    assert (team / "engagements.csv").read_bytes() == (TEAM / "engagements.csv").read_bytes()


def test_a_first_engagement_creates_the_file_and_undo_removes_it(good_copy):
    ds, base = store.load(good_copy)
    result = store.save_tables(
        good_copy, {"engagements.csv": [{"date": "2026-01-02", "actors": "fnv", "kind": "call"}]}, base=base, access=LOCAL_EDITOR
    )
    assert (good_copy / "engagements.csv").is_file()
    store.undo_last_save(good_copy, result.snapshot, access=LOCAL_EDITOR)
    assert not (good_copy / "engagements.csv").exists()


def test_a_log_saved_by_someone_else_meanwhile_is_a_conflict(team):
    _, base = store.load(team)
    (team / "engagements.csv").write_text("date,actors,kind\n2026-01-01,fnv,call\n", encoding="utf-8")
    with pytest.raises(store.ConflictError) as err:
        store.save_tables(team, {"engagements.csv": []}, base=base, access=LOCAL_EDITOR)
    assert err.value.files == ["engagements.csv"]


def test_read_only_refuses_to_save_the_log(team, monkeypatch):
    _, base = store.load(team)
    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    with pytest.raises(store.ReadOnlyError):
        store.save_tables(team, {"engagements.csv": []}, base=base, access=LOCAL_EDITOR)


def _texts(data: bytes, fmt: str) -> str:
    """Everything an export holds as text: a zip's or a deck's members unpacked."""
    if fmt in ("csv", "pptx"):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "\n".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist())
    return data.decode("utf-8", "replace") if fmt not in ("png",) else data.decode("latin-1")


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_export_format_holds_an_engagement_unless_asked(fmt):
    G = build_graph(load_dataset(TEAM))
    data = export_bytes(make_snapshot(G, ViewState(show_asks=True, contact_by="color")), fmt)
    assert SECRET not in _texts(data, fmt) and "Anna" not in _texts(data, fmt)


@pytest.mark.parametrize("fmt", ["csv", "json", "html", "pptx"])
def test_an_export_holds_the_log_of_the_shown_actors_when_included(fmt):
    ds = load_dataset(TEAM)
    snap = make_snapshot(build_graph(ds), ViewState(show_asks=True))
    data = include_in_export(export_bytes(snap, fmt), fmt, for_shown(ds.engagements, snap.graph.nodes))
    assert SECRET in _texts(data, fmt)
    if fmt == "json":
        assert json.loads(data)["engagements"][0]["summary"] == "Thank-you letter"


def test_included_engagements_are_text_in_the_html_export():
    log = [{"date": "2026-01-01", "actors": "fnv", "kind": "call", "summary": "<script>alert(1)</script>"}]
    page = include_in_export(b"<html><body></body></html>", "html", log).decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_the_command_line_includes_the_log_only_with_its_flag(tmp_path, capsys):
    out = tmp_path / "map.json"
    assert main(["export", "--data", str(TEAM), "--format", "json", "--out", str(out)]) == 0
    assert SECRET not in out.read_text(encoding="utf-8")
    assert main(["export", "--data", str(TEAM), "--format", "json", "--out", str(out), "--include-engagements"]) == 0
    assert SECRET in out.read_text(encoding="utf-8")


# -- in the app ------------------------------------------------------------------------------


@pytest.fixture
def page(run_app):
    def run(data_dir=TEAM, **query):
        return run_app(data_dir, "tests/e2e/stakeholder_page.py", **query)

    return run


def _table_with(at, column):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_the_profile_lists_an_actor_s_engagements_newest_first(page):
    at = page()
    at.selectbox(key="profile_actor").set_value("minister").run()
    assert not at.exception
    assert list(_table_with(at, "Summary")["Summary"]) == [SECRET, "Budget talk with the minister's staff"]


def test_read_only_hides_the_log_everywhere(page, monkeypatch):
    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    at = page()
    at.selectbox(key="profile_actor").set_value("minister").run()
    assert not at.exception
    assert not any("Summary" in d.value.columns for d in at.dataframe)
    assert [tab.label for tab in at.tabs] == ["Power–interest grid", "Compare"]


def test_open_follow_ups_and_stale_allies_are_listed(page):
    at = page(grid_ask="vmp", stale_months="6")
    follow = _table_with(at, "Follow-up")
    assert list(follow["Follow-up"])[:2] == ["Send updated figures", "Invite to the round table"]
    assert "no contact in 6 months" in at.warning[0].value


def test_the_map_by_last_contact_is_the_one_map_and_only_for_an_editor(run_app, monkeypatch):
    # One map path (issue 26): the view's own map is coloured by last contact through apply_view,
    # with the log read through network.rights; a viewer's session with the same link gets no colours.
    from .conftest import shown_map

    at = run_app(TEAM, contact_by="color")
    assert not at.exception
    view = shown_map(at)
    assert "no contact logged" in str(view["legend"]["colors"])
    import json

    expected = contact_colors(build_graph(load_dataset(TEAM)), load_dataset(TEAM).engagements)
    drawn = {n["id"]: json.dumps(n).lower() for n in view["nodes"]}
    assert drawn and all(expected[actor].lower() in drawn[actor] for actor in drawn)
    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    at = run_app(TEAM, contact_by="color")
    assert not at.exception
    assert "no contact logged" not in str(shown_map(at)["legend"]) and SECRET not in str(shown_map(at))


def test_an_engagement_logged_in_the_form_is_saved_with_a_backup(page, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(TEAM, folder)
    at = page(data_dir=folder)
    at.multiselect(key="fe_actors").set_value(["fnv"])
    at.text_input(key="fe_summary").set_value("Lunch on the covenant")
    next(b for b in at.button if b.label == "Log an engagement").click().run()
    assert not at.exception
    at.button(key="engagements_save").click().run()
    assert not at.exception and "Lunch on the covenant" in (folder / "engagements.csv").read_text(encoding="utf-8")
    assert store.backups(folder)


def test_the_export_checkbox_is_off_by_default(page):
    at = page()
    assert at.checkbox(key="include_engagements").value is False
    assert not any(b.proto.label == "Download this view with the engagement log" for b in at.get("download_button"))
