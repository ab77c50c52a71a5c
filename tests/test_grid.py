"""The power-interest grid: defaults from the data (explained), the team's dated assessments, picture, CLI."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from network import build_graph, load_dataset
from network.cli import main
from network.grid import QUADRANTS, grid, grid_text, quadrant
from network.model import DataError
from network.presentation.figure import label_collisions
from network.presentation.grid_figure import grid_bytes, grid_figure, grid_texts

from .conftest import DATA, ROOT

TEAM = DATA / "stakeholder"
BAD = DATA / "bad_team"


@pytest.fixture
def team_grid():
    ds = load_dataset(TEAM)
    return build_graph(ds), ds.assessments


def _row(g, actor):
    return next(r for r in g["actors"] if r["id"] == actor)


def test_quadrants_split_at_the_middle():
    assert [quadrant(9, 9), quadrant(9, 1), quadrant(1, 9), quadrant(1, 1)] == list(QUADRANTS)
    assert quadrant(5, 5) == "manage_closely"


def test_every_actor_but_the_asks_is_placed_with_each_default_explained(team_grid):
    G, _ = team_grid
    g = grid(G, "vmp")
    ids = {r["id"] for r in g["actors"]}
    assert ids == set(G) - {"vmp", "csddd"}
    fnv = _row(g, "fnv")
    assert (
        fnv["stance"] == "for"
        and fnv["interest"] >= 8
        and fnv["from"] == {"influence": "data", "interest": "data", "stance": "data"}
    )
    assert "Trade union" in fnv["why"]["influence"] and "PageRank" in fnv["why"]["influence"]
    assert "letter2026" in fnv["why"]["interest"]
    assert _row(g, "acme")["stance"] == "none" and _row(g, "acme")["quadrant"] == "monitor"


def test_a_ministry_outweighs_a_local_union_of_equal_standing(team_grid):
    G, _ = team_grid
    g = grid(G, "vmp")
    assert _row(g, "minister")["influence"] > _row(g, "hukatan")["influence"]


def test_stance_against_and_conditional_come_from_the_relations_on_the_ask(team_grid):
    G, _ = team_grid
    g = grid(G, "csddd")
    assert (_row(g, "vno")["stance"], _row(g, "ser")["stance"], _row(g, "fnv")["stance"]) == ("against", "conditional", "for")


def test_the_newest_assessment_overrides_the_defaults_and_says_so(team_grid):
    G, assessments = team_grid
    m = _row(grid(G, "vmp", assessments), "minister")
    assert (m["influence"], m["interest"], m["stance"]) == (9.0, 7.0, "conditional")
    assert m["from"] == {"influence": "assessment", "interest": "assessment", "stance": "assessment"}
    assert "2026-03-15" in m["why"]["interest"] and "Asked for figures" in m["why"]["interest"]
    assert [a["date"] for a in m["trend"]] == ["2025-06-01", "2026-03-15"]


def test_an_assessment_without_an_ask_holds_for_every_ask(team_grid):
    G, assessments = team_grid
    for ask in ("vmp", "csddd", None):
        assert _row(grid(G, ask, assessments), "kamer")["influence"] == 8.0


def test_assessments_after_the_as_of_date_do_not_count(team_grid):
    G, assessments = team_grid
    m = _row(grid(G, "vmp", assessments, as_of="2025-12"), "minister")
    assert (m["interest"], m["stance"]) == (3.0, "none") and m["quadrant"] == "keep_satisfied"


def test_changed_since_a_date_names_the_old_and_new_value(team_grid):
    G, assessments = team_grid
    m = _row(grid(G, "vmp", assessments, since="2026-01-01"), "minister")
    assert {c["value"]: (c["old"], c["new"]) for c in m["changed"]} == {"interest": ("3", "7"), "stance": ("", "conditional")}
    assert _row(grid(G, "vmp", assessments, since="2026-04-01"), "minister")["changed"] == []


def test_all_asks_together_mark_an_actor_for_one_and_against_another_as_mixed(team_grid):
    G, _ = team_grid
    g = grid(G, None)
    assert g["ask"] is None and _row(g, "vno")["stance"] == "mixed" and _row(g, "fnv")["stance"] == "for"
    assert _row(g, "fnv")["interest"] > _row(g, "hukatan")["interest"]


def test_the_grid_as_text_groups_actors_by_quadrant_in_dutch(team_grid):
    G, assessments = team_grid
    text = grid_text(grid(G, "vmp", assessments, lang="nl"), "nl")
    assert text.startswith("Invloed–belangmatrix: Continue VMP funding")
    assert "Nauw betrekken (4):" in text and "Minister BHO (minister): invloed 9*, belang 7*, voorwaardelijk*" in text


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_grid_command_prints_text_or_json(fmt, capsys):
    assert main(["grid", "--data", str(TEAM), "--ask", "Continue VMP funding", "--format", fmt, "--since", "2026-01"]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        g = json.loads(out)
        assert g["ask"] == "vmp" and g["quadrants"]["manage_closely"][0] == "minister"
    else:
        assert "Manage closely (4):" in out and "changed since 2026-01" in out


def test_the_grid_command_refuses_an_actor_nobody_takes_a_stance_on(capsys):
    assert main(["grid", "--data", str(TEAM), "--ask", "fnv"]) == 1
    assert "nobody takes a stance on 'FNV'" in capsys.readouterr().err


def test_the_grid_picture_labels_never_overlap_or_cover_a_dot(team_grid):
    G, assessments = team_grid
    fig = grid_figure(grid(G, "vmp", assessments))
    c = label_collisions(fig)
    assert c.labels == 8 and (c.overlapping_pairs, c.covered, c.cut) == (0, 0, 0)


def test_the_grid_picture_of_the_bundled_data_has_no_overlapping_labels():
    G = build_graph(load_dataset(ROOT / "data"))
    c = label_collisions(grid_figure(grid(G, None)))
    assert c.labels > 20 and (c.overlapping_pairs, c.covered, c.cut) == (0, 0, 0)


def test_the_picture_names_the_four_quadrants_and_shows_names_as_text(team_grid):
    G, assessments = team_grid
    texts = grid_texts(grid(G, "vmp", assessments, lang="nl"), lang="nl")
    for name in ("Nauw betrekken (4)", "Tevreden houden (2)", "Op de hoogte houden (1)", "In de gaten houden (1)"):
        assert name in texts
    assert any("<img src=x" in x for x in texts) and "Minister BHO*" in texts


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "pptx"])
def test_export_lens_grid_writes_every_picture_format(fmt, tmp_path, capsys):
    out = tmp_path / f"grid.{fmt}"
    assert main(["export", "--lens", "grid", "--data", str(TEAM), "--ask", "vmp", "--format", fmt, "--out", str(out)]) == 0
    data = out.read_bytes()
    magic = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF", "pptx": b"PK"}[fmt]
    assert data.startswith(magic) and "power-interest grid of Continue VMP funding" in capsys.readouterr().out
    if fmt == "svg":
        assert "Manage closely (4)" in data.decode() and "&lt;img src=x" in data.decode()
    if fmt == "pptx":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            notes = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("ppt/notesSlides/"))
        assert "Manage closely: Minister BHO, FNV, CNV, VNO-NCW" in notes


def test_the_grid_lens_writes_no_data_formats(tmp_path, capsys):
    assert main(["export", "--lens", "grid", "--data", str(TEAM), "--format", "csv", "--out", str(tmp_path / "g.zip")]) == 1
    assert "png, svg, pdf or pptx" in capsys.readouterr().err


def test_the_grid_picture_is_the_same_every_time(team_grid):
    import datetime as dt

    G, assessments = team_grid
    g = grid(G, "vmp", assessments)
    assert grid_bytes(g, "svg", today=dt.date(2026, 1, 1)) == grid_bytes(g, "svg", today=dt.date(2026, 1, 1))


def _load_problems(folder: Path) -> list[str]:
    with pytest.raises(DataError) as err:
        load_dataset(folder)
    return [str(p) for p in err.value.errors]


def test_bad_assessments_name_file_line_and_column(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(TEAM, folder)
    shutil.copy(BAD / "assessments_out_of_range.csv", folder / "assessments.csv")
    where = str(folder / "assessments.csv")
    problems = _load_problems(folder)
    assert f"{where}:2: influence: influence 11 is out of range: use a number from 0 to 10" in problems
    assert f"{where}:3: influence: 'high' is not a number from 0 to 10" in problems
    assert any(p.startswith(f"{where}:4: actor: unknown actor 'ministr' (did you mean: minister") for p in problems)
    assert f"{where}:5: stance: 'sideways' is not one of: for, against, conditional, neutral" in problems
    assert any(p.startswith(f"{where}:5: date: impossible date '2025-6-40'") for p in problems)


def test_two_assessments_of_one_actor_on_one_day_are_refused(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(TEAM, folder)
    (folder / "assessments.csv").write_text(
        "actor,ask,influence,date\nminister,vmp,5,2025-06-01\nminister,vmp,7,2025-06-01\n", encoding="utf-8"
    )
    [problem] = _load_problems(folder)
    assert problem == f"{folder / 'assessments.csv'}:3: date: a second assessment of 'minister' on 2025-06-01 (first on line 2)"


def test_dutch_excel_scores_with_a_decimal_comma_load(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(TEAM, folder)
    (folder / "assessments.csv").write_text('actor;ask;influence;date\nminister;vmp;"7,5";2025-06-01\n', encoding="utf-8")
    assert load_dataset(folder).assessments[0]["influence"] == "7.5"


# -- in the app ------------------------------------------------------------------------------


@pytest.fixture
def page(run_app):
    def run(data_dir=TEAM, **query):
        return run_app(data_dir, "tests/e2e/stakeholder_page.py", **query)

    return run


def test_the_grid_lens_follows_the_ask_in_the_link_and_opens_a_profile(page):
    at = page(grid_ask="vmp")
    assert not at.exception and at.selectbox(key="w_grid_ask").value == "vmp"
    table = next(d.value for d in at.dataframe if "Quadrant" in d.value.columns)
    assert list(table["Name"])[:4] == ["Minister BHO", "FNV", "CNV", "VNO-NCW"]
    at.selectbox(key="grid_pick").set_value("minister").run()
    assert not at.exception and at.selectbox(key="profile_actor").value == "minister"
    shown = " ".join(m.value for m in at.markdown)
    assert "On the grid \\(Continue VMP funding\\)" in shown and "Manage closely" in shown


def test_the_profile_explains_each_grid_value_in_dutch(page):
    at = page(grid_ask="vmp", lang="nl")
    at.selectbox(key="profile_actor").set_value("fnv").run()
    why = next(d.value for d in at.dataframe if "Waarom" in d.value.columns)
    assert list(why["Waarde"]) == ["8", "8", "voor"] and "PageRank" in why["Waarom"].iloc[0]


def test_a_broken_assessments_file_shows_the_problems_not_a_half_grid(page, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(TEAM, folder)
    shutil.copy(BAD / "assessments_out_of_range.csv", folder / "assessments.csv")
    at = page(data_dir=folder)
    assert not at.exception and at.error
    problems = " ".join(at.dataframe[0].value["problem"].astype(str))
    assert "out of range" in problems and not at.selectbox
