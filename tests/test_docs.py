"""The README and the manual in docs/ still work: every link leads somewhere, every command runs.

A command example is a line of a fenced ``sh`` block (or a ``$`` line of a ``console`` block). A
``python -m network`` example runs for real, on a copy of the bundled data in a temporary checkout,
when the files it reads are there; one that reads a file the reader brings (``letter.pdf``,
``old-data/``) is parsed by the command line's own parser. ``python -m network.auth hash`` runs;
a benchmark (``python -m bench…``) must exist and know its options; a ``make`` target must be in the
Makefile. The map of the code (docs/code-map.md) must name every module and no module that is gone.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from network.cli import build_parser

from .conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SEEDS = ROOT.parent / "shared" / "seeds"
SHELL_BLOCKS = {"", "sh", "shell", "bash", "console"}
TIMEOUT = 120  # seconds for one example; the slowest (a deck of every saved view) takes a few
FENCE = re.compile(r"^\s*(```|~~~)\s*([\w-]*)")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
CODE_SPAN = re.compile(r"`[^`]*`")


def _page_name(page: Path) -> str:
    return str(page.relative_to(ROOT)) if page.is_relative_to(ROOT) else page.name


def _prose_lines(page: Path) -> list[tuple[int, str]]:
    """The lines outside fenced code blocks, with inline code taken out (a link in code is an example)."""
    lines, fenced = [], False
    for number, line in enumerate(page.read_text("utf-8").splitlines(), start=1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            lines.append((number, CODE_SPAN.sub("", line)))
    return lines


def _slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    seen: dict[str, int] = {}
    anchors = set()
    for _, line in _prose_lines(page):
        m = re.match(r"#{1,6}\s+(.*)", line)
        if m:
            slug = _slug(m.group(1))
            anchors.add(slug if slug not in seen else f"{slug}-{seen[slug]}")
            seen[slug] = seen.get(slug, 0) + 1
    return anchors


def _links() -> list[tuple[str, int, str]]:
    found = []
    for page in PAGES:
        for number, line in _prose_lines(page):
            found += [(_page_name(page), number, target) for target in LINK.findall(line)]
    return found


def broken_link(page: Path, target: str) -> str | None:
    """Why a link of ``page`` leads nowhere, or None when it leads to a file (and heading) that exist."""
    if re.match(r"[a-z]+:", target):  # http(s), mailto: not followed, the tests run offline
        return None
    path, _, anchor = target.partition("#")
    file = (page.parent / path).resolve() if path else page
    if not file.exists():
        return f"{path}: no such file"
    if anchor and file.suffix == ".md" and anchor not in _anchors(file):
        return f"{path}#{anchor}: no such heading in {file.name}"
    return None


@pytest.mark.parametrize(("page", "line", "target"), _links(), ids=lambda v: str(v))
def test_every_link_in_the_readme_and_docs_leads_somewhere(page, line, target):
    assert broken_link(ROOT / page, target) is None, f"{page}:{line}: {broken_link(ROOT / page, target)}"


def test_a_link_to_a_missing_file_or_heading_is_caught(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Title\n\n## A section, with – punctuation\n", "utf-8")
    (tmp_path / "other.md").write_text("# Other\n", "utf-8")
    assert broken_link(page, "#a-section-with--punctuation") is None
    assert broken_link(page, "other.md#other") is None
    assert broken_link(page, "missing.md") == "missing.md: no such file"
    assert broken_link(page, "other.md#nowhere") == "other.md#nowhere: no such heading in other.md"
    assert broken_link(page, "#nowhere") is not None


def test_the_links_are_found():
    targets = {t for _, _, t in _links()}
    assert {"docs/user-guide.md", "docs/cli.md", "docs/data-format.md"} <= targets
    assert any(t.startswith("screenshots/") for t in targets)  # the pictures are links too


@dataclass(frozen=True)
class Example:
    page: str
    line: int
    text: str
    words: tuple[str, ...]  # the command, without variables set before it and without redirections

    def __str__(self) -> str:
        return f"{self.page}:{self.line}"


def examples_in(page: Path) -> list[Example]:
    """The command examples of a page's fenced shell blocks (a console block's ``$`` lines)."""
    found, language = [], None
    for number, line in enumerate(page.read_text("utf-8").splitlines(), start=1):
        fence = FENCE.match(line)
        if fence:
            language = fence.group(2) if language is None else None
            continue
        if language not in SHELL_BLOCKS:
            continue
        text = line.strip()
        if language == "console":
            if not text.startswith("$ "):
                continue  # what the command printed
            text = text[2:]
        try:
            words = shlex.split(text, comments=True)
        except ValueError:  # an unclosed quote: no shell would run it either
            found.append(Example(_page_name(page), number, text, ("(not a command: unclosed quote)",)))
            continue
        for i, word in enumerate(words):
            if word in {">", ">>", "<", "|", "&&", ";"}:
                words = words[:i]
                break
        while words and re.match(r"[A-Z_][A-Z0-9_]*=", words[0]):
            words = words[1:]
        if words:
            found.append(Example(_page_name(page), number, text, tuple(words)))
    return found


EXAMPLES = [e for page in PAGES for e in examples_in(page)]


def _module(example: Example) -> tuple[str, list[str]] | None:
    """``(module, arguments)`` of a ``python -m`` example, or None for any other command."""
    words = list(example.words)
    if len(words) >= 3 and words[0] in {"python", "python3", ".venv/bin/python"} and words[1] == "-m":
        return words[2], words[3:]
    return None


def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text("utf-8")
    return {m.group(1) for m in re.finditer(r"^([A-Za-z][\w.-]*)\s*:(?!=)", text, re.M)}


class UsageError(Exception):
    """argparse's message for an example the command line would refuse."""


def _refuse(message: str) -> None:
    raise UsageError(message)


def _parse(arguments: list[str]) -> argparse.Namespace:
    """The command line's own parsing of an example; a usage error fails with argparse's message."""
    parser = build_parser()
    for sub in [parser, *_subparsers(parser).values()]:
        sub.error = _refuse  # type: ignore[method-assign]  # instead of printing usage and exiting
    try:
        return parser.parse_args(arguments)
    except UsageError as exc:
        raise AssertionError(f"python -m network {shlex.join(arguments)}: {exc}") from None


def _inputs(namespace: argparse.Namespace) -> list[str]:
    """The files and folders an example reads: the reader's own (absent here) make it parse-only."""
    return [v for k in ("dir", "data", "old", "new", "file", "apply", "documents") if (v := getattr(namespace, k, None))]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A checkout of its own for the examples: the bundled data copied (layout writes positions.csv),
    and the source documents beside it as on the team's machines, when this machine has them."""
    base = tmp_path_factory.mktemp("docs")
    shutil.copytree(ROOT / "data", base / "checkout" / "data")
    if SEEDS.is_dir():
        (base / "shared").mkdir()
        (base / "shared" / "seeds").symlink_to(SEEDS, target_is_directory=True)
    return base / "checkout"


def _environment(checkout: Path) -> dict[str, str]:
    """The examples' environment: this checkout's code, the data copy, a cache of their own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETWORK_")}
    return env | {
        "PYTHONPATH": str(ROOT),
        "NETWORK_DATA_DIR": str(checkout / "data"),
        "NETWORK_CACHE_DIR": str(checkout.parent / "cache"),
    }


def _run(words: list[str], cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *words], cwd=cwd, env=_environment(cwd), input=stdin, capture_output=True, text=True, timeout=TIMEOUT
    )


# Runs each `python -m network` example in a process of its own, forked from one that has imported the
# command line and its libraries once: about 0.5 s less per example than a new interpreter, for the
# same process boundary (its own output, exit code, working folder and timeout).
RUNNER = """
import contextlib, json, os, signal, sys, tempfile, time
from network.cli import main
with contextlib.suppress(Exception):
    import network.presentation.export  # matplotlib, python-pptx: the exports' imports, paid once
timeout = float(sys.argv[1])
for line in sys.stdin:
    argv = json.loads(line)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            os.dup2(out.fileno(), 1)
            os.dup2(err.fileno(), 2)
            code = 1
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            except BaseException:
                import traceback
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        deadline = time.monotonic() + timeout
        while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        if done[0] == 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            code = f"timed out after {timeout:.0f} s"
        else:
            code = os.waitstatus_to_exitcode(done[1])
        out.seek(0)
        err.seek(0)
        result = {"code": code, "out": out.read().decode("utf-8", "replace"), "err": err.read().decode("utf-8", "replace")}
    print(json.dumps(result), flush=True)
"""


@pytest.fixture(scope="module")
def network_command(checkout: Path):
    """``python -m network ARGS`` in the checkout: the exit code (or a timeout) and what it printed."""
    runner = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(TIMEOUT)],
        cwd=checkout,
        env=_environment(checkout),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    ran: dict[tuple[str, ...], dict[str, object]] = {}

    def run(arguments: list[str]) -> dict[str, object]:
        key = tuple(arguments)
        if key not in ran:  # the README repeats some of the guide's examples: each runs once
            assert runner.stdin is not None and runner.stdout is not None
            runner.stdin.write(json.dumps(arguments) + "\n")
            runner.stdin.flush()
            ran[key] = json.loads(runner.stdout.readline() or '{"code": "the runner stopped", "out": "", "err": ""}')
        return ran[key]

    yield run
    runner.stdin.close()  # type: ignore[union-attr]
    runner.wait(timeout=30)


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_every_command_example_in_the_readme_and_docs_works(example, checkout, network_command):
    if example.words[0] == "make":
        targets = [w for w in example.words[1:] if "=" not in w and not w.startswith("-")]
        missing = sorted(set(targets or ["(none)"]) - _make_targets())
        assert missing == [], f"{example}: {example.text}: no make target {missing}"
        return
    module = _module(example)
    assert module is not None, f"{example}: {example.text}: neither python -m nor make; the test cannot check it"
    name, arguments = module
    if name == "network":
        namespace = _parse(arguments)
        absent = [p for p in _inputs(namespace) if not (checkout / p).exists()]
        if absent:
            return  # a file the reader brings: parsing is what can be checked here
        done = network_command(arguments)
        assert done["code"] == 0, (
            f"{example}: {example.text}\nexit {done['code']}\n{str(done['out'])[-2000:]}{str(done['err'])[-2000:]}"
        )
    elif name == "network.auth":
        done = _run(["-m", "network.auth", *arguments], checkout, stdin="a password of some length\n")
        assert done.returncode == 0 and done.stdout.startswith("scrypt$"), f"{example}: {done.stderr}"
    elif name == "bench" or name.startswith("bench."):
        source = ROOT / "bench" / ("benchmark.py" if name == "bench" else f"{name.split('.', 1)[1]}.py")
        assert source.is_file(), f"{example}: {example.text}: no module {name}"
        text = source.read_text("utf-8")
        unknown = [w for w in arguments if w.startswith("--") and f'"{w.split("=")[0]}"' not in text]
        assert unknown == [], f"{example}: {example.text}: {name} has no option {unknown}"
    else:
        pytest.fail(f"{example}: {example.text}: python -m {name} is not a command of this project")


def test_a_broken_command_example_is_caught(tmp_path, network_command):
    page = tmp_path / "page.md"
    page.write_text(
        "```sh\npython -m network focus FNV --hopz 2\nmake nowhere\n```\n\n```console\n$ python -m network rank\nrank printed\n```\n",
        "utf-8",
    )
    found = examples_in(page)
    assert [e.words[:4] for e in found] == [
        ("python", "-m", "network", "focus"),
        ("make", "nowhere"),
        ("python", "-m", "network", "rank"),
    ]
    with pytest.raises(AssertionError, match="unrecognized arguments: --hopz"):
        _parse(list(found[0].words[3:]))
    assert "nowhere" not in _make_targets()
    assert network_command(["focus", "nobody-at-all"])["code"] == 1  # a failing example fails through the runner too


def test_the_command_examples_are_found():
    commands = {e.words[3] for e in EXAMPLES if _module(e) and _module(e)[0] == "network" and len(e.words) > 3}
    subcommands = set(_subparsers())
    assert commands == subcommands, f"subcommands without an example in the docs: {sorted(subcommands - commands)}"
    assert {"run", "test"} <= {e.words[1] for e in EXAMPLES if e.words[0] == "make" and len(e.words) > 1}


def test_verify_without_the_documents_says_which_folder_is_missing(tmp_path, network_command):
    done = network_command(["verify", "--documents", str(tmp_path / "seeds")])
    assert done["code"] == 1
    said = str(done["out"]) + str(done.get("err", ""))
    assert f"{tmp_path / 'seeds'}" in said and "not found" in said and "not in this repository" in said


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents (../shared/seeds) are not beside this checkout")
def test_the_verify_example_finds_every_quote_where_the_documents_are_beside_the_checkout(network_command):
    done = network_command(["verify", "--documents", "../shared/seeds"])
    assert done["code"] == 0 and re.search(r"(\d+) of \1 quotes found in 5 document", str(done["out"])), done["out"]


def _subparsers(parser: argparse.ArgumentParser | None = None) -> dict[str, argparse.ArgumentParser]:
    parser = parser or build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))  # noqa: SLF001
    return dict(action.choices)


def test_the_cli_reference_has_a_section_for_every_subcommand_naming_each_option():
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    sections = dict(re.findall(r"^## (\S+)\n(.*?)(?=^## |\Z)", text, re.M | re.S))
    missing = []
    for name, sub in _subparsers().items():
        if name not in sections:
            missing.append(f"## {name}")
            continue
        options = {o for a in sub._actions for o in a.option_strings if o.startswith("--") and o != "--help"}  # noqa: SLF001
        missing += [
            f"{name} {o}" for o in sorted(options) if not re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", sections[name])
        ]
    assert missing == [], "docs/cli.md does not name these; add them there"


def test_each_page_says_how_commands_are_run_before_its_first_example():
    late = []
    for page in PAGES:
        found = examples_in(page)
        first = next((e for e in found if _module(e)), None)
        if first is None:
            continue
        before = "\n".join(page.read_text("utf-8").splitlines()[: first.line])
        if ".venv/bin/python -m" not in before:
            late.append(f"{first}: {first.text}")
    assert late == []


def _code_map() -> str:
    text = (ROOT / "docs" / "code-map.md").read_text("utf-8")
    start = text.index("```") + 3
    return text[start : text.index("```", start)]


def test_every_module_is_on_the_docs_map_of_the_code():
    listed = set(re.findall(r"[\w.]+\.py|[\w]+/", _code_map()))
    modules = {
        p.name
        for folder in ("network", "ui", "bench")
        for p in (ROOT / folder).rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py")
    }
    packages = {f"{p.name}/" for p in (ROOT / "network").iterdir() if (p / "__init__.py").is_file()}
    assert sorted(modules - listed) == [] and sorted(packages - listed) == [], "add them to docs/code-map.md"


def test_the_docs_map_of_the_code_names_no_module_that_is_gone():
    names = set(re.findall(r"\b([\w]+\.py)\b", _code_map())) - {"app.py"}
    present = {p.name for folder in ("network", "ui", "bench") for p in (ROOT / folder).rglob("*.py")}
    assert sorted(names - present) == [], "remove them from docs/code-map.md"
