"""The doors in: a path the command line names, or the files a browser uploaded.

``load_any`` takes a data folder or an .xlsx workbook (ours or Kumu's); ``load_uploads``
takes (file name, bytes) pairs. Neither lets a file name reach a path, and nothing that
goes wrong while reading escapes as anything but a DataError naming the file.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path

from ..model import DataError, Dataset, Problem, Table
from ..rights import Access, require_editor
from ..text import shorten
from ..validate import ProblemLog, dataset_from_tables
from .csvfile import parse_table
from .folder import load_dataset
from .kumu import read_kumu
from .positions import POSITIONS_FILE, PositionsError, parse_positions, positions_text
from .xlsx import SHEETS, is_kumu, open_workbook, read_workbook

__all__ = ["MAX_UPLOAD_BYTES", "read_spreadsheet", "load_any", "load_uploads", "upload_positions", "write_dataset"]

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def read_spreadsheet(data_bytes: bytes, label: str) -> Dataset:
    """An .xlsx in our format or Kumu's, whichever it is; DataError naming ``label`` otherwise."""
    try:
        # Opened once: a big sheet is parsed on opening, and telling ours from Kumu's needs it open.
        book = open_workbook(data_bytes, label)
        try:
            if is_kumu(book):
                return read_kumu(data_bytes, label, book=book)
            return read_workbook(data_bytes, label, book=book)
        finally:
            book.close()
    except DataError:
        raise
    except Exception as exc:  # a damaged zip or XML part: openpyxl and zipfile raise many kinds
        raise _error(label, f"the workbook cannot be read ({type(exc).__name__}: {shorten(str(exc), 120)})") from None


def _error(file: str, message: str) -> DataError:
    return DataError([Problem(file, 0, "", message)])


def load_any(path: str | os.PathLike[str]) -> Dataset:
    """Load a data folder or an .xlsx workbook (ours or Kumu's), as the command line does.

    Examples
    --------
    >>> len(load_any(Path(__file__).parents[2] / "tests" / "data" / "good").actors)
    7
    """
    p = Path(path)
    if p.is_dir():
        return load_dataset(p)
    if not p.exists():
        raise _error(str(p), "not found; give a data folder or an .xlsx workbook")
    suffix = p.suffix.casefold()
    if suffix in (".xlsx", ".xlsm"):
        try:
            content = p.read_bytes()
        except OSError as exc:
            raise _error(str(p), f"cannot read the file: {exc.strerror}") from None
        return read_spreadsheet(content, str(p))
    if suffix == ".csv":
        raise _error(str(p), "give the folder that holds actors.csv and relations.csv, not one CSV file")
    if suffix == ".json":
        raise _error(str(p), "Kumu JSON blueprints are not supported; export the map from Kumu as .xlsx")
    raise _error(str(p), "not a data folder or an .xlsx workbook")


def _display_name(name: str) -> str:
    """A browser-sent file name, fit to show in a message (never used as a path)."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if ch.isprintable())
    return shorten(base or "(unnamed file)", 80)


def _wrong_kind(name: str) -> str:
    message = "not a spreadsheet: upload actors.csv and relations.csv (and sources.csv), or one .xlsx workbook"
    lowered = name.casefold()
    if lowered.endswith(".xls"):
        message += " (this is an old .xls file: save it as .xlsx)"
    elif lowered.endswith(".json"):
        message += " (Kumu JSON blueprints are not supported: export the map from Kumu as .xlsx)"
    return message


def load_uploads(files: Sequence[tuple[str, bytes]], max_bytes: int = MAX_UPLOAD_BYTES) -> Dataset:
    """Load what a user uploaded: actors.csv + relations.csv (+ sources.csv), or one .xlsx.

    ``files`` are (file name, content) pairs as the browser sent them. The names only
    choose how a file is read and appear in messages; they never reach a path.
    Raises DataError with a clear message for a too-big upload or a wrong kind of file.
    """
    limit_mb = max_bytes / (1024 * 1024)
    limit = f"{limit_mb:.0f} MB" if limit_mb >= 1 else f"{max_bytes} bytes"
    if not files:
        raise _error("upload", "no file was uploaded; upload actors.csv and relations.csv, or one .xlsx workbook")
    total = sum(len(content) for _, content in files)
    if total > max_bytes:
        raise _error(
            "upload",
            f"the upload is {total / (1024 * 1024):.1f} MB; the limit is {limit}. Upload the CSV files or a smaller workbook",
        )
    named = [(_display_name(name), content) for name, content in files]
    workbooks = [(n, c) for n, c in named if n.casefold().endswith((".xlsx", ".xlsm"))]
    csvs = [(n, c) for n, c in named if n.casefold().endswith(".csv")]
    wrong = [n for n, _ in named if not n.casefold().endswith((".xlsx", ".xlsm", ".csv"))]
    if wrong:
        raise DataError([Problem(n, 0, "", _wrong_kind(n)) for n in wrong])
    if workbooks:
        if len(workbooks) > 1 or csvs:
            raise _error("upload", "upload either the CSV files or one .xlsx workbook, not both or several workbooks")
        name, content = workbooks[0]
        return read_spreadsheet(content, name)
    problems = ProblemLog()
    tables: dict[str, Table | None] = {f: None for f in SHEETS.values()}
    shown: dict[str, str] = {}
    digest = hashlib.sha256()
    for name, content in csvs:
        canonical = name.casefold()
        if canonical == POSITIONS_FILE:
            continue  # where each actor sits: read by upload_positions, kept beside the tables
        if canonical not in tables:
            problems.append(
                Problem(
                    name,
                    0,
                    "",
                    "unexpected file name; the files must be called actors.csv, relations.csv, sources.csv and positions.csv",
                )
            )
            continue
        if canonical in shown:
            problems.append(Problem(name, 0, "", f"uploaded twice (also as {shown[canonical]})"))
            continue
        shown[canonical] = name
        digest.update(canonical.encode() + b"\0" + content + b"\0")
        table = parse_table(content, name, problems)
        if table is not None:
            table.name = canonical
        tables[canonical] = table
    for required in ("actors.csv", "relations.csv"):
        if required not in shown:
            problems.append(Problem(required, 0, "", "file is missing from the upload"))
    return dataset_from_tables(
        tables, problems.problems(), version=digest.hexdigest()[:12], label="upload", where=lambda n: shown.get(n, n)
    )


def upload_positions(
    files: Sequence[tuple[str, bytes]], dataset: Dataset
) -> tuple[dict[str, tuple[float, float]], list[Problem]]:
    """Where the upload says each actor sits: a positions.csv beside the CSVs, our workbook's positions
    sheet, or Kumu's X and Y; empty when it says nothing. A damaged one is a warning, never a refusal:
    the map is then laid out afresh.

    Examples
    --------
    >>> ds = Dataset(actors=[{"id": "fnv"}], relations=[], sources=[])
    >>> upload_positions([("positions.csv", b"id,x,y\\nfnv,10,20\\n")], ds)
    ({'fnv': (10.0, 20.0)}, [])
    """
    from .kumu import kumu_positions
    from .xlsx import workbook_positions

    known = {str(a.get("id", "")) for a in dataset.actors}
    named = [(_display_name(name), content) for name, content in files]
    try:
        for name, content in named:
            if name.casefold() == POSITIONS_FILE:
                return parse_positions(content.decode("utf-8-sig", errors="replace"), name, known)
            if name.casefold().endswith((".xlsx", ".xlsm")):
                book = open_workbook(content, name)
                try:
                    kumu = is_kumu(book)
                finally:
                    book.close()
                return (kumu_positions if kumu else workbook_positions)(content, name, known=known)
    except (PositionsError, DataError) as exc:
        problems = getattr(exc, "problems", [])
        return {}, [
            Problem(p.file, p.line, p.column, p.message + " (positions not read: laid out afresh)", "warning") for p in problems
        ]
    return {}, []


def write_dataset(
    folder: str | os.PathLike[str],
    dataset: Dataset,
    *,
    access: Access,
    positions: dict[str, tuple[float, float]] | None = None,
) -> Path:
    """Write a loaded dataset as a data folder (actors.csv, relations.csv, sources.csv if any,
    positions.csv when ``positions`` are given, so an upload opens laid out as it was sent).

    Every column is kept, the known ones first; each file is written atomically. Uploading is
    editing (a viewer writes nothing on the server), so ``access`` must be an editor's.
    """
    from ..model import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS

    require_editor(access, "keep an upload")
    from .csvfile import write_csv_atomic
    from .xlsx import column_order

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    write_csv_atomic(target / "actors.csv", column_order(dataset.actors, ACTOR_COLUMNS), dataset.actors)
    write_csv_atomic(target / "relations.csv", column_order(dataset.relations, RELATION_COLUMNS), dataset.relations)
    if dataset.sources:
        write_csv_atomic(target / "sources.csv", column_order(dataset.sources, SOURCE_COLUMNS), dataset.sources)
    if positions:
        from .atomic import write_bytes_atomic

        write_bytes_atomic(target / POSITIONS_FILE, positions_text(positions).encode("utf-8"))
    return target
