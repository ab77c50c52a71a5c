"""The README is a landing page: short, the two commands, what they install, where the manual is."""

from __future__ import annotations

import re

from .conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
LINES = README.splitlines()


def _line_of(pattern: str) -> int:
    return next(i for i, line in enumerate(LINES) if re.search(pattern, line))


def test_the_readme_fits_on_a_page():
    assert len(LINES) <= 200, f"README.md has {len(LINES)} lines; move the detail to docs/"


def test_the_readme_gives_the_two_commands_as_blocks_to_paste():
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    assert "make run\n" in blocks and "make test\n" in blocks


def test_what_make_test_installs_is_said_before_the_command():
    before = "\n".join(LINES[: _line_of(r"^make test$")])
    said = before[before.index("## Test") :]
    for what in ("sudo apt-get", "chromium", "graphviz", "nodejs", "npm ci", ".venv"):
        assert what in said, f"the README says what make test does with {what!r} only after the command, or not at all"


def test_how_commands_are_run_is_said_where_the_first_command_example_is():
    first = _line_of(r"^(\.venv/bin/)?python -m ")
    note = _line_of(r"\.venv/bin/python -m network")
    assert note <= first and first - note < 10, "say that commands run in .venv right before the first example"


def test_the_verify_example_says_where_the_documents_come_from():
    example = _line_of(r"python -m network verify --documents")
    context = "\n".join(LINES[example - 5 : example + 5])
    assert "../shared/seeds" in context and "sources.csv" in context and "not in this repository" in context


def test_the_readme_links_every_page_of_the_manual():
    pages = {f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")}
    linked = set(re.findall(r"\]\((docs/[\w.-]+\.md)", README))
    assert sorted(pages - linked) == []


def test_the_readme_shows_a_screenshot():
    assert re.search(r"!\[[^\]]+\]\(docs/screenshots/[\w.-]+\.png\)", README)
