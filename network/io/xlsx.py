"""Excel workbooks: our one-sheet-per-file format, and the sheet reading Kumu's reader shares.

Our workbook has one sheet per CSV file: ``actors``, ``relations`` and (optionally)
``sources``, with the same columns. Every cell is read as text, so a workbook and the CSV
folder it came from load to the same rows, and problems name the sheet and the
spreadsheet row (``book.xlsx [sheet relations]:7: target: unknown actor 'x'``).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..model import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS, DataError, Dataset, Problem, Table
from ..text import shorten
from ..validate import dataset_from_tables

__all__ = [
    "SHEETS",
    "cell_text",
    "column_order",
    "open_workbook",
    "sheet_table",
    "kumu_sheets",
    "is_kumu",
    "read_workbook",
    "sheets_to_xlsx",
    "write_workbook",
    "workbook_positions",
    "POSITIONS_SHEET",
    "NOT_A_WORKBOOK",
]

# Our sheet name -> the CSV file it stands for (what data.validate calls it).
SHEETS = {"actors": "actors.csv", "relations": "relations.csv", "sources": "sources.csv"}
# Where each actor sits on the map (id, x, y), as positions.csv in a data folder: a map sent as a
# workbook re-opens laid out as it was (issue 25).
POSITIONS_SHEET = "positions"
# Our own columns, matched whatever their case; any other column keeps its name as written.
_KNOWN = {"actors.csv": ACTOR_COLUMNS, "relations.csv": RELATION_COLUMNS, "sources.csv": SOURCE_COLUMNS}

# Said by the command line and the app alike: no "upload", and a damaged workbook is not told it is no workbook.
NOT_A_WORKBOOK = "not a readable .xlsx workbook (damaged, or another kind of file); save it again as .xlsx, or use the CSV files"
# Guards against a small upload that unpacks to something huge (a "zip bomb").
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_ROWS = 200_000
# A DTD (and so an entity declaration) sits before the root element, at the top of an XML part.
_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!ENTITY".encode("utf-16-le"))
_DTD_HEAD = 64 * 1024
MAX_COLUMNS = 500
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and password-protected .xlsx
# Characters an .xlsx cell cannot hold (openpyxl refuses them).
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
# Column widths of a written sheet, in characters: wide enough for the longest value, within bounds.
MIN_WIDTH, MAX_WIDTH = 8, 60

# openpyxl warns about parts of a workbook it does not read, such as Excel's data validation
# and conditional formatting extensions or a missing stylesheet ("Unknown extension is not
# supported and will be removed"; Kumu's own exports have them). None of them changes a
# cell's value, and "will be removed" is about saving, which we never do to a read file: the
# raw text would only reach the terminal. A filter rather than catch_warnings, which swaps
# process-wide state and is not safe while the app serves several sessions in threads.
warnings.filterwarnings(
    "ignore",
    category=UserWarning,
    module=r"openpyxl\.(reader|worksheet\._reader|worksheet\.header_footer|styles\.stylesheet|packaging)(\.|$)",
)


def cell_text(value: Any) -> str:
    """A spreadsheet cell as the text a CSV file would hold.

    Dates become ISO ``YYYY-MM-DD``, whole numbers lose their ``.0``, an empty cell is "".

    Examples
    --------
    >>> cell_text(2026.0), cell_text(_dt.datetime(2026, 5, 7)), cell_text(None), cell_text(" FNV ")
    ('2026', '2026-05-07', '', 'FNV')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    return str(value).strip()


def column_order(rows: Iterable[Mapping[str, object]], known: Sequence[str]) -> list[str]:
    """The known columns in their usual order, then every other column in order of first use.

    Examples
    --------
    >>> column_order([{"name": "FNV", "id": "fnv", "tags": "union"}], ("id", "name", "type"))
    ['id', 'name', 'type', 'tags']
    """
    columns = list(known)
    seen = set(columns)
    for row in rows:
        for c in row:
            if c not in seen:
                seen.add(c)
                columns.append(c)
    return columns


# -- reading -------------------------------------------------------------------------------


def open_workbook(data_bytes: bytes, label: str) -> Any:
    """Open xlsx bytes with openpyxl (read-only, cached values); DataError if it is not one."""
    from openpyxl import load_workbook

    def fail(message: str) -> DataError:
        return DataError([Problem(label, 0, "", message)])

    if data_bytes.startswith(_OLE_MAGIC):
        raise fail("an old Excel 97-2003 .xls file or a password-protected workbook; save it as .xlsx without a password")
    if not zipfile.is_zipfile(io.BytesIO(data_bytes)):
        raise fail(NOT_A_WORKBOOK)
    try:
        with zipfile.ZipFile(io.BytesIO(data_bytes)) as archive:
            names = archive.namelist()
            unpacked = sum(i.file_size for i in archive.infolist())
            if unpacked <= MAX_UNPACKED_BYTES:
                too_long = long_sheets(archive)
                with_dtd = _declares_entities(archive)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise fail(NOT_A_WORKBOOK) from None
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        kind = " (it looks like a Word document)" if any(n.startswith("word/") for n in names) else ""
        raise fail(NOT_A_WORKBOOK + kind)
    if unpacked > MAX_UNPACKED_BYTES:
        raise fail(f"the workbook unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB; split it or upload CSV files")
    if with_dtd:
        raise fail(
            f"its part {with_dtd} declares XML entities (<!DOCTYPE>), which spreadsheet programs never write and which"
            " can expand to gigabytes (an XML bomb); refused: save it again as .xlsx, or use the CSV files"
        )
    if too_long:
        raise DataError(
            [
                Problem(
                    f"{label} [sheet {name}]",
                    0,
                    "",
                    f"the sheet has more than {MAX_ROWS:,} rows; at most {MAX_ROWS:,} are read: split it",
                )
                for name in too_long
            ]
        )
    try:
        return load_workbook(io.BytesIO(data_bytes), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise fail(f"{NOT_A_WORKBOOK} ({type(exc).__name__}: {exc})") from None


_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")


def _count_rows(source: Any, limit: int) -> int:
    """How many row elements a sheet's XML stream holds, counted up to just over ``limit``, no cell read."""
    count, tail = 0, b""
    while chunk := source.read(1 << 20):
        data = tail + chunk
        cut = max(0, len(data) - 64)  # a tag split between two reads is counted in the next
        count += len(_ROW_TAG.findall(data, 0, cut))
        tail = data[cut:]
        if count > limit:
            return count
    return count + len(_ROW_TAG.findall(tail))


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's XML part -> the sheet's name, read from the workbook and its relationships."""
    from defusedxml.ElementTree import fromstring

    try:
        book = fromstring(archive.read("xl/workbook.xml"))
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # no such part, or not XML: openpyxl says what is wrong
        return {}
    targets = {r.get("Id"): (r.get("Target") or "") for r in rels}
    parts = {}
    for sheet in book.iter():
        if sheet.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        rid = next((v for k, v in sheet.attrib.items() if k.rsplit("}", 1)[-1] == "id"), None)
        target = targets.get(rid, "")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        parts[part] = sheet.get("name") or part
    return parts


def _declares_entities(archive: zipfile.ZipFile) -> str | None:
    """The first XML part that opens with a DTD, or None.

    Excel, LibreOffice and openpyxl never write one; in an upload it is an entity-expansion attack
    (a "billion laughs"). The parsers refuse it too (defusedxml for sheets, libxml2's amplification
    limit for the rest), but with an internal error; this says what it is. Only each part's head is
    read: a prolog padded past it is still left to the parsers.
    """
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        with archive.open(info) as part:
            head = part.read(_DTD_HEAD)
        if any(mark in head for mark in _DTD_MARKS):
            return info.filename
    return None


def long_sheets(archive: zipfile.ZipFile, limit: int | None = None) -> list[str]:
    """Names of the sheets whose XML holds more than ``limit`` rows (a header and MAX_ROWS rows).

    openpyxl parses a whole sheet on opening when the sheet states no size, about 30 µs a row,
    and then reads cells at about 0.2 ms a row; the XML is scanned here at hundreds of MB a
    second, so a workbook over the limit is refused at once, before openpyxl opens it.
    """
    limit = MAX_ROWS + 1 if limit is None else limit
    found = []
    for part, name in _sheet_parts(archive).items():
        try:
            with archive.open(part) as source:
                if _count_rows(source, limit) > limit:
                    found.append(name)
        except (KeyError, zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
            continue  # openpyxl reports a part it cannot read
    return found


def sheet_table(ws: Any, name: str, where: str, problems: list[Problem]) -> Table | None:
    """One worksheet as a Table: the first non-empty row is the header, ``lines`` are row numbers.

    Headers are kept as written (stripped); the caller decides whether case matters.
    """
    ws.reset_dimensions()  # some writers store wrong dimensions; read every row there is
    columns: list[str] = []
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    try:
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if not columns and len(values) > MAX_COLUMNS and any(v is not None for v in values[MAX_COLUMNS:]):
                problems.append(
                    Problem(where, number, "", f"the sheet has {len(values):,} columns; at most {MAX_COLUMNS} are read")
                )
                return None
            cells = [cell_text(v) for v in values[:MAX_COLUMNS]]
            if not any(cells):
                continue
            if not columns:
                columns = cells
                seen: set[str] = set()
                for c in columns:
                    if c and c.casefold() in seen:
                        problems.append(Problem(where, number, c, f"column '{c}' appears twice in the header"))
                    seen.add(c.casefold())
                continue
            if len(rows) >= MAX_ROWS:
                problems.append(Problem(where, number, "", f"the sheet has more than {MAX_ROWS} rows; split it"))
                return None
            for i, cell in enumerate(cells):
                if cell and (i >= len(columns) or not columns[i]):
                    problems.append(
                        Problem(where, number, "", f"value '{shorten(cell)}' is in a column without a header; ignored", "warning")
                    )
                    break
            rows.append({c: (cells[i] if i < len(cells) else "") for i, c in enumerate(columns) if c})
            lines.append(number)
    except Exception as exc:  # a damaged sheet part
        problems.append(Problem(where, 0, "", f"the sheet cannot be read ({type(exc).__name__}: {exc})"))
        return None
    if not columns:
        problems.append(Problem(where, 0, "", "the sheet is empty"))
        return None
    return Table(name, [c for c in columns if c], rows, lines)


def first_row(ws: Any) -> list[str]:
    ws.reset_dimensions()
    for values in ws.iter_rows(max_row=1, values_only=True):
        return [cell_text(v).casefold() for v in values[:3]]
    return []


def kumu_sheets(book: Any) -> dict[str, Any]:
    """Kumu's element and connection sheets, by name or else by their first columns."""
    found: dict[str, Any] = {}
    usable = [ws for ws in book.worksheets if "(ignore)" not in ws.title.casefold()]
    for ws in usable:
        title = ws.title.strip().casefold()
        if title in ("elements", "connections"):
            found.setdefault(title, ws)
    if len(found) == 2:
        return found
    by_header: dict[str, list[Any]] = {"elements": [], "connections": []}
    for ws in usable:
        head = first_row(ws)
        if head[:1] == ["label"] or head[:2] == ["id", "label"]:
            by_header["elements"].append(ws)
        elif head[:2] == ["from", "to"] or head[:3] == ["id", "from", "to"]:
            by_header["connections"].append(ws)
    for kind, sheets in by_header.items():
        if kind not in found and len(sheets) == 1:
            found[kind] = sheets[0]
    return found


def is_kumu(book: Any) -> bool:
    """A workbook without our actors/relations sheets but with Kumu's elements and connections."""
    titles = {ws.title.strip().casefold() for ws in book.worksheets}
    return "actors" not in titles and "relations" not in titles and bool(kumu_sheets(book))


def read_workbook(data_bytes: bytes, label: str, *, book: Any = None) -> Dataset:
    """Load a workbook with sheets actors, relations (and sources), or a Kumu workbook.

    Sheet names are matched case-insensitively. Raises DataError listing every problem;
    each names the sheet and the spreadsheet row.

    Examples
    --------
    >>> from network.io.folder import bundled_data_dir, read_folder
    >>> ds = read_folder(bundled_data_dir().parent / "tests" / "data" / "good")
    >>> read_workbook(write_workbook(ds), "book.xlsx").actors == ds.actors
    True
    """
    version = hashlib.sha256(data_bytes).hexdigest()[:12]
    own = book is None  # a caller that opened the workbook already (to tell ours from Kumu's) closes it
    book = open_workbook(data_bytes, label) if own else book
    try:
        titles = {ws.title.strip().casefold(): ws for ws in book.worksheets}
        problems: list[Problem] = []
        tables_by_file: dict[str, Table | None] = {}
        sheet_of: dict[str, str] = {}
        for sheet, file in SHEETS.items():
            ws = titles.get(sheet)
            sheet_of[file] = ws.title if ws is not None else sheet
            where = f"{label} [sheet {sheet_of[file]}]"
            if ws is None:
                tables_by_file[file] = None
                if file != "sources.csv":
                    found = ", ".join(repr(w.title) for w in book.worksheets) or "none"
                    problems.append(
                        Problem(
                            where,
                            0,
                            "",
                            f"sheet '{sheet}' is missing (the workbook has: {found}); "
                            "use sheets actors, relations and sources, or Kumu's Elements and Connections",
                        )
                    )
                continue
            table = sheet_table(ws, file, where, problems)
            if table is not None:
                # Our columns whatever their case ("Name"), custom ones as written (a Kumu field "Influence").
                known = {c.casefold(): c for c in _KNOWN[file]}
                name = {c: known.get(c.casefold(), c) for c in table.columns}
                table.columns = [name[c] for c in table.columns]
                table.rows = [{name.get(c, c): v for c, v in row.items()} for row in table.rows]
            tables_by_file[file] = table
    finally:
        if own:
            book.close()
    from .kumu import one_warning_per_type  # imported here: the Kumu reader reads its sheets through this module

    kinds = {"actor": f"{label} [sheet {sheet_of['actors.csv']}]", "relation": f"{label} [sheet {sheet_of['relations.csv']}]"}

    def per_type(found: list[Problem]) -> list[Problem]:
        # One warning per unknown type with its rows, as the Kumu door says it (not one per row).
        return one_warning_per_type(found, tables_by_file.get("actors.csv"), tables_by_file.get("relations.csv"), kinds)

    try:
        ds = dataset_from_tables(
            tables_by_file,
            problems,
            version=version,
            label=label,
            where=lambda name: f"{label} [sheet {sheet_of.get(name, name)}]",
        )
    except DataError as exc:
        raise DataError(per_type(exc.problems)) from None
    ds.warnings = per_type(ds.warnings)
    return ds


# -- writing -------------------------------------------------------------------------------


def _safe_cell_text(value: object) -> str:
    text = "" if value is None else str(value)
    return _ILLEGAL.sub("\ufffd", text)


def _longest_line(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def sheets_to_xlsx(sheets: Sequence[tuple[str, Sequence[str], Iterable[Mapping[str, object]]]]) -> bytes:
    """Write (title, columns, rows) sheets to xlsx bytes; every cell is stored as text.

    A value such as ``=1+1`` stays the text ``=1+1``: the cell type is set to string, so
    neither openpyxl nor Excel treats it as a formula. Characters a cell cannot hold
    (ASCII control characters other than tab and line breaks) become U+FFFD.

    Each sheet opens ready to read: the header row bold and frozen, a filter on it, and
    every column as wide as its longest value (between MIN_WIDTH and MAX_WIDTH characters).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook opens with
    bold = Font(bold=True)
    for title, columns, rows in sheets:
        ws = book.create_sheet(title)
        longest = [0] * len(columns)
        for col, name in enumerate(columns, start=1):
            cell = ws.cell(row=1, column=col, value=_safe_cell_text(name))
            cell.data_type = "s"
            cell.font = bold
            longest[col - 1] = _longest_line(str(cell.value)) + 2  # room for the filter button
        last_row = 1
        for r, row in enumerate(rows, start=2):
            last_row = r
            for col, name in enumerate(columns, start=1):
                value = _safe_cell_text(row.get(name, ""))
                if value:
                    cell = ws.cell(row=r, column=col, value=value)
                    cell.data_type = "s"  # never a formula, never a number
                    longest[col - 1] = max(longest[col - 1], _longest_line(value))
        for col, chars in enumerate(longest, start=1):
            ws.column_dimensions[get_column_letter(col)].width = float(min(MAX_WIDTH, max(MIN_WIDTH, chars + 2)))
        ws.freeze_panes = "A2"
        if columns:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last_row}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_workbook(dataset: Dataset, positions: Mapping[Any, tuple[float, float]] | None = None) -> bytes:
    """The dataset as an xlsx workbook: sheets actors, relations, (if any) sources and positions.

    Every column is written, extra ones included, and every cell as text, so
    ``read_workbook(write_workbook(ds))`` gives the same rows and ``workbook_positions``
    the same positions (to a tenth of a pixel, as positions.csv keeps them).
    """
    sheets: list[tuple[str, Sequence[str], Iterable[Mapping[str, object]]]] = [
        ("actors", column_order(dataset.actors, ACTOR_COLUMNS), dataset.actors),
        ("relations", column_order(dataset.relations, RELATION_COLUMNS), dataset.relations),
    ]
    if dataset.sources:
        sheets.append(("sources", column_order(dataset.sources, SOURCE_COLUMNS), dataset.sources))
    if positions:
        rows = [
            {"id": str(n), "x": f"{x:.1f}", "y": f"{y:.1f}"} for n, (x, y) in sorted(positions.items(), key=lambda p: str(p[0]))
        ]
        sheets.append((POSITIONS_SHEET, ["id", "x", "y"], rows))
    return sheets_to_xlsx(sheets)


def workbook_positions(
    data_bytes: bytes, label: str, known: Iterable[Any] | None = None
) -> tuple[dict[str, tuple[float, float]], list[Problem]]:
    """The positions sheet of our workbook (id, x, y) and the warnings about it; empty when there is none.

    Read as positions.csv is (``io.positions.parse_positions``): an unknown or repeated id is a
    warning, a damaged sheet raises ``PositionsError`` naming the sheet, row and column.
    """
    import csv

    from .positions import parse_positions

    book = open_workbook(data_bytes, label)
    try:
        ws = {w.title.strip().casefold(): w for w in book.worksheets}.get(POSITIONS_SHEET)
        if ws is None:
            return {}, []
        rows = [[cell_text(v) for v in row[:3]] for row in ws.iter_rows(max_row=MAX_ROWS, values_only=True)]
    finally:
        book.close()
    if not rows:
        return {}, []
    # Plain CSV, not csv_text: that one guards cells against formulas, and "-12.5" would gain an apostrophe.
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([[h.strip().casefold() for h in rows[0]], *(r for r in rows[1:] if any(r))])
    text = buf.getvalue()
    return parse_positions(text, f"{label} [sheet {POSITIONS_SHEET}]", known=set(map(str, known)) if known is not None else None)
