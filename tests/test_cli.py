"""`python -m network validate`: summary, every problem as FILE:LINE: column: message, exit codes."""

from __future__ import annotations

import subprocess
import sys

from network.__main__ import main

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
