"""Quotes checked against the documents: `python -m network verify` and `network.verify`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from network import load_dataset
from network.cli import main
from network.verify import DocumentError, check_quotes, document_text, quote_in, verified_quotes

from .conftest import DATA, ROOT

VERIFY = DATA / "verify"
SEEDS = ROOT.parent / "shared" / "seeds"


def write_pdf(path: Path, lines: list[str]) -> None:
    """A one-page PDF with real (extractable) text, as a word processor would save it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    with plt.rc_context({"pdf.fonttype": 42}):
        fig = plt.figure(figsize=(8.27, 11.69))
        for i, line in enumerate(lines):
            fig.text(0.1, 0.9 - 0.03 * i, line)
        with PdfPages(path) as pdf:
            pdf.savefig(fig)
        plt.close(fig)


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    """The fixture documents plus paper.pdf, written here: its last quote breaks over a hyphen."""
    folder = tmp_path / "documents"
    shutil.copytree(VERIFY / "documents", folder)
    write_pdf(folder / "paper.pdf", ["Sociale dialoog is essentieel voor een goed investe-", "ringsklimaat. Dat zei hij."])
    return folder


def test_quote_found_across_line_breaks_hyphenation_and_emphasis():
    assert quote_in("een sterke sociale dialoog", "een sterke\nsociale dia-\nloog")
    assert quote_in("De regeling is niet geschikt", "De regeling is **niet** geschikt")
    assert quote_in("de _kleine_ lettertjes", "de kleine lettertjes")
    # A hyphen that is part of the word survives a line break too.
    assert quote_in("de OESO-richtlijnen", "de OESO-\nrichtlijnen")


def test_quote_must_be_verbatim_apart_from_layout():
    assert not quote_in("Wij pleiten tegen", "Wij pleiten voor")
    assert not quote_in("wij pleiten", "Wij pleiten")  # case counts
    assert not quote_in("", "anything")


def test_every_fixture_quote_is_found_except_the_invented_one(documents):
    ds = load_dataset(VERIFY / "data")
    v = check_quotes(ds, documents)
    assert v.documents == 3 and v.checked == 4
    assert v.found == {"r0", "r1", "r3"}
    assert [str(p) for p in v.problems] == ["relations.csv:4: evidence: not found in letter.txt"]
    assert verified_quotes(ds, documents) == {"r0", "r1", "r3"}


def test_verify_command_lists_each_missing_quote_and_exits_1(documents, capsys):
    assert main(["verify", "--documents", str(documents), "--data", str(VERIFY / "data")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == ["relations.csv:4: evidence: not found in letter.txt", "3 of 4 quotes found in 3 document(s)"]


def test_a_clone_without_the_documents_is_told_where_they_come_from(tmp_path, capsys):
    # The five source documents are public but not in the repository: a clone gets one line that
    # says so and where they are named, not a count of 0 quotes found.
    assert main(["verify", "--documents", str(tmp_path / "seeds"), "--data", str(VERIFY / "data")]) == 1
    err = capsys.readouterr().err
    assert "not in this repository" in err and "sources.csv" in err and str(tmp_path / "seeds") in err


def test_unreadable_document_is_named_with_the_reason_and_no_traceback(tmp_path):
    folder = tmp_path / "documents"
    shutil.copytree(VERIFY / "documents", folder)
    (folder / "paper.pdf").write_bytes(b"%PDF-1.4 this is not really a PDF")
    r = subprocess.run(
        [sys.executable, "-m", "network", "verify", "--documents", str(folder), "--data", str(VERIFY / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1
    assert "Traceback" not in r.stdout + r.stderr
    assert "sources.csv:4: file: cannot read paper.pdf: not a readable PDF" in r.stdout
    assert r.stdout.splitlines()[-1] == "2 of 3 quotes found in 2 document(s), 1 not checked (no readable document)"


def test_missing_document_and_unknown_kind_are_named(tmp_path):
    (tmp_path / "letter.odt").write_bytes(b"PK")
    (tmp_path / "letter.docx").write_bytes(b"PK")
    with pytest.raises(DocumentError, match="no such file"):
        document_text(tmp_path / "absent.txt")
    with pytest.raises(DocumentError, match=r"only \.txt, \.md, \.pdf, \.docx files are read"):
        document_text(tmp_path / "letter.odt")
    with pytest.raises(DocumentError, match=r"not a readable \.docx"):
        document_text(tmp_path / "letter.docx")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00")
    with pytest.raises(DocumentError, match="not a text file"):
        document_text(tmp_path / "binary.txt")


def test_file_outside_the_documents_folder_is_refused(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(VERIFY / "data", data)
    sources = (data / "sources.csv").read_text("utf-8").replace("letter.txt", "../../etc/passwd.txt")
    (data / "sources.csv").write_text(sources, "utf-8")
    v = check_quotes(load_dataset(data), VERIFY / "documents")
    assert "sources.csv:2: file: ../../etc/passwd.txt is outside the documents folder; refused" in [str(p) for p in v.problems]


def test_line_numbers_skip_a_duplicate_the_loader_dropped(tmp_path, documents):
    data = tmp_path / "data"
    shutil.copytree(VERIFY / "data", data)
    rows = (data / "relations.csv").read_text("utf-8").splitlines()
    # Line 2 repeated as line 3: the loader drops it, so the invented quote moves to line 5.
    (data / "relations.csv").write_text("\n".join([rows[0], rows[1], rows[1], *rows[2:]]) + "\n", "utf-8")
    v = check_quotes(load_dataset(data), documents)
    assert [str(p) for p in v.problems] == ["relations.csv:5: evidence: not found in letter.txt"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents (../shared/seeds) are not beside this checkout")
def test_every_bundled_quote_is_found_in_the_real_documents():
    ds = load_dataset(ROOT / "data")
    v = check_quotes(ds, SEEDS)
    assert v.problems == [] and v.documents == 5
    assert len(v.found) == v.checked == len(ds.relations)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents (../shared/seeds) are not beside this checkout")
def test_verify_command_on_the_bundled_data_exits_0():
    r = subprocess.run(
        [sys.executable, "-m", "network", "verify", "--documents", str(SEEDS)], cwd=ROOT, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.splitlines()[-1].endswith("quotes found in 5 document(s)")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents (../shared/seeds) are not beside this checkout")
def test_a_changed_quote_in_the_bundled_data_is_caught(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("views", ".*"))
    text = (data / "relations.csv").read_text("utf-8")
    quote = "is volwaardige voortzetting en versterking van het Vakbondsprogramma essentieel."
    assert quote in text
    (data / "relations.csv").write_text(text.replace(quote, quote.replace("essentieel", "overbodig"), 1), "utf-8")
    line = 1 + text[: text.index(quote)].count("\n")
    v = check_quotes(load_dataset(data), SEEDS)
    assert [str(p) for p in v.problems] == [f"relations.csv:{line}: evidence: not found in 003_a8b62f79a042e78f.txt"]
