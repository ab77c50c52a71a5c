"""The layering of DESIGN.md holds, and every module of the core has its place in it."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from .conftest import ROOT


def _contract() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]


def test_the_import_contract_holds():
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-3000:]


def test_every_module_of_the_core_has_a_layer():
    [layers] = [c["layers"] for c in _contract()["contracts"] if c["type"] == "layers"]
    placed = {name.strip() for layer in layers for name in layer.replace(":", "|").split("|")}
    modules = {p.stem for p in (ROOT / "network").glob("*.py")} | {
        p.name for p in (ROOT / "network").iterdir() if (p / "__init__.py").is_file()
    }
    assert modules - {"__init__", "__main__"} - placed == set()


def test_nothing_under_network_imports_streamlit():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "network").rglob("*.py")
        if any(line.lstrip().startswith(("import streamlit", "from streamlit")) for line in p.read_text("utf-8").splitlines())
    ]
    assert offenders == []


def test_app_py_only_wires_the_panels_together():
    source = (ROOT / "app.py").read_text("utf-8")
    assert len(source.splitlines()) < 150
    # Everything a user can do is a function in network/ or a panel in ui/, not code in app.py.
    assert "import networkx" not in source and "def _" not in source.replace("def _panels", "")
