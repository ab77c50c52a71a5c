"""The README's map of the code matches the tree."""

from __future__ import annotations

import re

from .conftest import ROOT


def _layout_block() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text[text.index("## Layout of the code") :]
    return section[section.index("```") + 3 : section.index("```", section.index("```") + 3)]


def test_every_module_is_on_the_readme_map_of_the_code():
    listed = set(re.findall(r"[\w.]+\.py|[\w]+/", _layout_block()))
    modules = {
        p.name
        for folder in ("network", "ui", "bench")
        for p in (ROOT / folder).rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py")
    }
    packages = {f"{p.name}/" for p in (ROOT / "network").iterdir() if (p / "__init__.py").is_file()}
    assert sorted(modules - listed) == [] and sorted(packages - listed) == []


def test_the_readme_map_names_no_module_that_is_gone():
    names = set(re.findall(r"\b([\w]+\.py)\b", _layout_block())) - {"app.py"}
    present = {p.name for folder in ("network", "ui", "bench") for p in (ROOT / folder).rglob("*.py")}
    assert sorted(names - present) == []
