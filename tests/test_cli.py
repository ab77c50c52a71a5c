"""`python -m network validate`: summary, every problem as FILE:LINE: column: message, exit codes."""

from __future__ import annotations

import subprocess
import sys

from network.cli import main
from network.rights import LOCAL_EDITOR

from .conftest import GOOD, ROOT


def test_validate_good_folder_prints_summary_and_exits_0(capsys):
    assert main(["validate", str(GOOD)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("ok: 7 actors, 7 relations, 2 documents, 3 warning(s)")


def test_validate_broken_folder_lists_every_problem_and_exits_1(good_copy, capsys):
    with open(good_copy / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write("fnv,acme,funds,true,2024-13,doc1,q,\n")
    assert main(["validate", str(good_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{good_copy}/relations.csv:10: target: unknown actor 'acme'" in out
    assert f"{good_copy}/relations.csv:10: date: impossible date '2024-13' (use YYYY, YYYY-MM or YYYY-MM-DD)" in out


def test_usage_error_exits_2_and_garbage_never_tracebacks(tmp_path):
    r = subprocess.run([sys.executable, "-m", "network", "validate", "--nope"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and "usage:" in r.stderr
    (tmp_path / "actors.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "relations.csv").write_bytes(b'"unterminated')
    r = subprocess.run([sys.executable, "-m", "network", "validate", str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 1
    assert "Traceback" not in r.stdout + r.stderr
    assert "actors.csv:0: -: this is not a text file" in r.stdout


def test_bundled_data_validates():
    r = subprocess.run([sys.executable, "-m", "network", "validate"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.splitlines()[-1].startswith("ok: ")


def test_focus_lists_neighbours_by_hops_as_text_and_json(capsys):
    assert main(["focus", "Federatie Nederlandse Vakbeweging", "--hops", "2", "--data", str(GOOD)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("FNV (fnv): 5 actors within 2 hop(s)")
    assert main(["focus", "fnv", "--data", str(GOOD), "--format", "json"]) == 0
    data = __import__("json").loads(capsys.readouterr().out)
    assert {a["id"] for a in data["actors"]} == {"fnv", "cnv", "vno", "minister"}


def test_path_lists_every_hop_with_its_evidence(capsys):
    assert main(["path", "hukatan-ksbsi", "Minister BHO", "--data", str(GOOD)]) == 0
    out = capsys.readouterr().out
    assert "1 shortest path(s) of 3 hop(s) from Hukatan-KSBSI to Minister BHO" in out
    assert "FNV → Minister BHO: addresses [doc1, 2026-05-07] “Aan de minister”" in out


def test_path_restricted_to_relation_types_says_there_is_none(capsys):
    assert (
        main(
            [
                "path",
                "hukatan",
                "minister",
                "--relation-type",
                "trains",
                "--relation-type",
                "ondertekent samen met",
                "--data",
                str(GOOD),
            ]
        )
        == 0
    )
    assert "No path between Hukatan-KSBSI and Minister BHO over trains, co_signs." in capsys.readouterr().out


def test_unknown_actor_is_exit_1_with_close_matches(capsys):
    assert main(["path", "hukatn", "minister", "--data", str(GOOD)]) == 1
    err = capsys.readouterr().err
    assert "no actor named 'hukatn'" in err and "Hukatan-KSBSI (hukatan)" in err


def test_rank_puts_the_broker_first(capsys):
    assert main(["rank", "--metric", "betweenness", "--data", str(GOOD), "--format", "json"]) == 0
    rows = __import__("json").loads(capsys.readouterr().out)
    # fnv, cnv and vno each broker for one outlier; the outliers broker nothing
    assert {r["id"] for r in rows[:3]} == {"fnv", "cnv", "vno"}
    assert rows[-1]["betweenness"] == 0


def test_coalitions_lists_communities_cosigners_and_themes(capsys):
    assert main(["coalitions", "--data", str(GOOD)]) == 0
    out = capsys.readouterr().out
    assert "CNV, FNV, VNO-NCW  [documents: doc1]" in out
    assert "Communities (modularity, seeded):" in out


def test_export_writes_each_format_with_filters(tmp_path, capsys):
    import networkx as nx

    out = tmp_path / "unions.graphml"
    assert main(["export", "--format", "graphml", "--out", str(out), "--data", str(GOOD), "--actor-type", "Vakbond"]) == 0
    assert set(nx.read_graphml(out).nodes) == {"fnv", "cnv"}
    png = tmp_path / "map.png"
    assert main(["export", "--format", "png", "--out", str(png), "--data", str(GOOD), "--focus", "FNV", "--title", "FNV"]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "wrote" in capsys.readouterr().out


def test_export_from_a_saved_view_and_a_deck_of_all_views(good_copy, tmp_path, capsys):
    from pptx import Presentation

    from network.view import ViewState
    from network.views import save_view

    save_view(good_copy / "views", "Unions", ViewState(actor_types=["trade_union"]), access=LOCAL_EDITOR)
    save_view(good_copy / "views", "All", ViewState(), access=LOCAL_EDITOR)
    out = tmp_path / "u.json"
    assert main(["export", "--format", "json", "--out", str(out), "--data", str(good_copy), "--view", "Unions"]) == 0
    assert len(__import__("json").loads(out.read_text())["nodes"]) == 2
    deck = tmp_path / "deck.pptx"
    assert main(["export", "--format", "pptx", "--all-views", "--out", str(deck), "--data", str(good_copy)]) == 0
    assert len(Presentation(str(deck)).slides) == 2
    assert main(["export", "--format", "png", "--out", str(out), "--data", str(good_copy), "--view", "Nope"]) == 1
    assert "view 'Nope'" in capsys.readouterr().err
