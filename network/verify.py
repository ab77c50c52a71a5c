"""Quotes checked against the documents: does every evidence quote appear in its document's text?

``sources.csv``'s ``file`` column names each document's file in a documents folder; ``.txt``,
``.md``, ``.pdf`` and ``.docx`` files are read (PDF text through pypdf, Word through python-docx). A quote counts as found when it
appears in the text once both are compared without whitespace (line breaks, double spaces),
markdown emphasis (``*`` and ``_``) and line-end hyphenation: ``OESO-`` at a line end followed
by ``richtlijnen`` matches both ``OESO-richtlijnen`` and ``OESOrichtlijnen``. Letters, case and
punctuation must be as in the document: the quote is verbatim or it is not found.

Every problem is a :class:`~network.model.Problem` naming the data file, line and column, e.g.
``relations.csv:12: evidence: not found in 001_paper.txt``; a document that cannot be read is
named once, with the reason, and the quotes resting on it count as not checked.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .model import Dataset, Problem

__all__ = [
    "READABLE",
    "MAX_DOCUMENT_BYTES",
    "DocumentError",
    "document_text",
    "quote_in",
    "Verification",
    "check_quotes",
    "verified_quotes",
]

READABLE = (".txt", ".md", ".pdf", ".docx")
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
_SOFT = "\u00ad"  # a line-end hyphen, or the document's own soft hyphen: may or may not be in the quote
_EMPHASIS = re.compile(r"[*_]+")
_LINE_END_HYPHEN = re.compile(r"(?<=\w)[-\u00ad][ \t]*\r?\n\s*")
_SPACE = re.compile(r"\s+")


class DocumentError(Exception):
    """A document that cannot be read; the message says why."""


def document_text(path: str | os.PathLike[str]) -> str:
    """The text of a .txt, .md or .pdf file; raise DocumentError saying why it cannot be read.

    Examples
    --------
    >>> document_text("missing.txt")
    Traceback (most recent call last):
    ...
    network.verify.DocumentError: no such file
    """
    p = Path(path)
    suffix = p.suffix.casefold()
    if suffix not in READABLE:
        raise DocumentError(f"only {', '.join(READABLE)} files are read")
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise DocumentError("is not a file")
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentError(f"is {size / 2**20:.0f} MB; at most {MAX_DOCUMENT_BYTES // 2**20} MB is read")
        data = p.read_bytes()
    except FileNotFoundError:
        raise DocumentError("no such file") from None
    except OSError as exc:
        raise DocumentError(exc.strerror or type(exc).__name__) from None
    if suffix == ".pdf":
        return _pdf_text(data)
    if suffix == ".docx":  # a document intake registered (issue 27); the same text intake quoted from
        from .io.docx import docx_text

        try:
            return docx_text(data)
        except Exception as exc:  # python-docx, zipfile and lxml raise many kinds on a damaged file
            raise DocumentError(f"not a readable .docx ({type(exc).__name__})") from None
    if b"\0" in data:
        raise DocumentError("is not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Dutch Windows text; a wrong byte then simply fails to match


def _pdf_text(data: bytes) -> str:
    import io
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf logs recoverable oddities of real-world PDFs
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError("the PDF is encrypted")
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except DocumentError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a broken file; none may become a traceback
        raise DocumentError(f"not a readable PDF ({type(exc).__name__}: {str(exc)[:120]})") from None


def _canonical_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _EMPHASIS.sub("", text)
    text = _LINE_END_HYPHEN.sub(_SOFT, text)
    return _SPACE.sub("", text)


def _pattern(quote: str) -> re.Pattern[str] | None:
    q = _SPACE.sub("", _EMPHASIS.sub("", unicodedata.normalize("NFKC", quote))).replace(_SOFT, "")
    if not q:
        return None
    parts = ["[-\u00ad]" if c == "-" else re.escape(c) for c in q]
    return re.compile(f"{_SOFT}?".join(parts))


def quote_in(quote: str, text: str) -> bool:
    """True when ``quote`` appears in ``text``, ignoring whitespace, markdown emphasis and line-end hyphens.

    Examples
    --------
    >>> quote_in("de OESO-richtlijnen en UN Guiding Principles", "van de OESO-\\nrichtlijnen en *UN*  Guiding\\nPrinciples")
    True
    >>> quote_in("samenwerking", "samen-\\nwerking"), quote_in("Samenwerking", "samen-\\nwerking")
    (True, False)
    """
    pattern = _pattern(quote)
    return pattern is not None and pattern.search(_canonical_text(text)) is not None


@dataclass
class Verification:
    """What ``check_quotes`` found: quotes found (relation keys), problems, and counts."""

    found: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    checked: int = 0  # quotes looked for in a readable document
    unchecked: int = 0  # quotes with no readable document to look in
    documents: int = 0  # documents read

    @property
    def missing(self) -> int:
        return self.checked - len(self.found)


def _row_lines(dataset: Dataset, name: str, rows: Sequence[Mapping[str, str]], match: Sequence[str]) -> list[int]:
    """The line of each row in the data folder's file (the header is line 1).

    The loader drops duplicate relations, so rows are matched to the file's rows in order
    on the ``match`` columns; without a readable folder, row ``i`` is taken to be line ``i + 2``.
    """
    fallback = list(range(2, len(rows) + 2))
    path = Path(dataset.directory) / name if dataset.directory else None
    if path is None or not path.is_file():
        return fallback
    from .io.csvfile import parse_table

    try:
        table = parse_table(path.read_bytes(), name, [])
    except OSError:
        return fallback
    if table is None:
        return fallback
    lines, j = [], 0
    for row in rows:
        want = tuple(row.get(c, "") for c in match)
        while j < len(table.rows) and tuple(table.rows[j].get(c, "") for c in match) != want:
            j += 1
        if j == len(table.rows):
            return fallback
        lines.append(table.lines[j])
        j += 1
    return lines


def _inside(folder: Path, path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def check_quotes(dataset: Dataset, documents_dir: str | os.PathLike[str]) -> Verification:
    """Look for every relation's evidence quote in its document; relation keys are ``r0``, ``r1`` … as in the graph.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = Path(folder, "letter.md").write_text("Wij **pleiten** voor een sterke SER.", "utf-8")
    >>> ds = Dataset(actors=[], sources=[{"id": "d", "file": "letter.md"}],
    ...              relations=[{"source_doc": "d", "evidence": "Wij pleiten voor"}, {"source_doc": "d", "evidence": "Wij pleiten tegen"}])
    >>> v = check_quotes(ds, folder)
    >>> sorted(v.found), [str(p) for p in v.problems]
    (['r0'], ['relations.csv:3: evidence: not found in letter.md'])
    """
    folder = Path(documents_dir)
    out = Verification()
    if not folder.is_dir():
        out.problems.append(Problem(str(folder), 0, "", "documents folder not found"))
        out.unchecked = sum(1 for r in dataset.relations if r.get("evidence"))
        return out
    source_lines = _row_lines(dataset, "sources.csv", dataset.sources, ("id",))
    texts: dict[str, str | None] = {}
    files: dict[str, str] = {}
    for source, line in zip(dataset.sources, source_lines):
        sid, name = source.get("id", ""), (source.get("file") or "").strip()
        files[sid] = name
        if not name:
            out.problems.append(
                Problem("sources.csv", line, "file", "no file named for this document; its quotes are not checked")
            )
            texts[sid] = None
            continue
        path = folder / name
        if not _inside(folder, path):
            out.problems.append(Problem("sources.csv", line, "file", f"{name} is outside the documents folder; refused"))
            texts[sid] = None
            continue
        try:
            texts[sid] = _canonical_text(document_text(path))
            out.documents += 1
        except DocumentError as exc:
            out.problems.append(Problem("sources.csv", line, "file", f"cannot read {name}: {exc}"))
            texts[sid] = None
    relation_lines = _row_lines(dataset, "relations.csv", dataset.relations, ("source", "source_doc", "evidence"))
    for i, (r, line) in enumerate(zip(dataset.relations, relation_lines)):
        quote, doc = r.get("evidence") or "", r.get("source_doc") or ""
        pattern = _pattern(quote)
        if pattern is None:
            continue  # no quote to check (the loader reports a missing one)
        text = texts.get(doc)
        if text is None:
            out.unchecked += 1
            if doc not in texts:
                what = f"no document '{doc}' in sources.csv" if doc else "no document to check the quote against"
                out.problems.append(Problem("relations.csv", line, "source_doc", what))
            continue
        out.checked += 1
        if pattern.search(text):
            out.found.add(f"r{i}")
        else:
            out.problems.append(Problem("relations.csv", line, "evidence", f"not found in {files[doc]}"))
    return out


def verified_quotes(dataset: Dataset, documents_dir: str | os.PathLike[str]) -> set[str]:
    """The keys (``r0``, ``r1`` …, the graph's edge keys) of the relations whose quote is in its document."""
    return check_quotes(dataset, documents_dir).found
