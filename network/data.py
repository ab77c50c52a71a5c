"""Read, validate and write the data folder: actors.csv, relations.csv, sources.csv.

Parsing is kept apart from file access: ``parse_table`` turns bytes into rows,
``validate`` checks rows, and ``load_dataset`` reads a folder and calls both.
Every problem is collected (not just the first) and names file, line
(as a spreadsheet shows it: the header is line 1) and column.
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import vocabulary as vocab

__all__ = [
    "ACTOR_COLUMNS",
    "RELATION_COLUMNS",
    "SOURCE_COLUMNS",
    "Problem",
    "Table",
    "Dataset",
    "DataError",
    "parse_table",
    "parse_date",
    "parse_bool",
    "validate",
    "load_dataset",
    "dataset_from_tables",
    "default_data_dir",
    "write_csv_atomic",
    "write_bytes_atomic",
]

ACTOR_COLUMNS = ("id", "name", "type", "country", "sector", "description", "aliases", "url")
RELATION_COLUMNS = ("source", "target", "type", "directed", "date", "source_doc", "evidence", "note")
SOURCE_COLUMNS = ("id", "title", "date", "kind", "authors", "addressed_to", "file", "date_note")
REQUIRED = {
    "actors.csv": ("id", "name", "type"),
    "relations.csv": ("source", "target", "type"),
    "sources.csv": ("id",),
}
EVIDENCE_MAX = 250

_TRUE = {"true", "yes", "1", "y", "ja", "j", "waar"}
_FALSE = {"false", "no", "0", "n", "nee", "onwaar"}
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in a data file."""

    file: str
    line: int  # 0 = the file as a whole, 1 = header
    column: str  # "" when the problem is not about one column
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column or '-'}: {self.message}"


class DataError(Exception):
    """The data folder did not load whole; ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in the data:\n" + "\n".join(str(p) for p in errors))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


@dataclass
class Table:
    """Rows of one CSV file with the spreadsheet line each row starts on."""

    name: str
    columns: list[str]
    rows: list[dict[str, str]]
    lines: list[int]
    delimiter: str = ","
    encoding: str = "utf-8"


@dataclass
class Dataset:
    """A data folder that loaded whole. ``warnings`` lists what loaded with a caveat."""

    actors: list[dict[str, str]]
    relations: list[dict[str, str]]
    sources: list[dict[str, str]]
    warnings: list[Problem] = field(default_factory=list)
    version: str = ""
    directory: str = ""

    @property
    def source_ids(self) -> list[str]:
        return [s["id"] for s in self.sources]


def _problem(file: str, line: int, column: str, message: str, severity: str = "error") -> Problem:
    return Problem(file, line, column, message, severity)


def _decode(data: bytes, name: str, problems: list[Problem]) -> tuple[str, str] | None:
    if not data.strip():
        problems.append(_problem(name, 0, "", "the file is empty"))
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(_problem(name, 0, "", "the file is UTF-16 text; save it as 'CSV UTF-8' instead"))
        return None
    if b"\x00" in data:
        problems.append(_problem(name, 0, "", "this is not a text file (it contains NUL bytes)"))
        return None
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        problems.append(_problem(name, 0, "", f"the file is neither UTF-8 nor Windows-1252 text (byte {exc.start})"))
        return None
    problems.append(_problem(name, 0, "", "the file is Windows-1252 (Excel) text, not UTF-8; it was converted", "warning"))
    return text, "cp1252"


def _guess_delimiter(text: str) -> str:
    # Dutch Excel writes ';'. Decide on the header line, outside quotes.
    header = text.splitlines()[0] if text else ""
    header = re.sub(r'"[^"]*"', "", header)
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_table(data: bytes, name: str, problems: list[Problem]) -> Table | None:
    """Decode and split one CSV file; append problems and return None when it cannot be read.

    Examples
    --------
    >>> probs = []
    >>> t = parse_table(b"id;name\\r\\nfnv;FNV\\r\\n", "actors.csv", probs)
    >>> t.rows, t.delimiter, probs
    ([{'id': 'fnv', 'name': 'FNV'}], ';', [])
    """
    decoded = _decode(data, name, problems)
    if decoded is None:
        return None
    text, encoding = decoded
    delimiter = _guess_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    columns: list[str] = []
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    next_line = 1
    try:
        for record in reader:
            start, next_line = next_line, reader.line_num + 1
            if not columns:
                columns = [c.strip().lower() for c in record]
                seen: set[str] = set()
                for c in columns:
                    if c and c in seen:
                        problems.append(_problem(name, start, c, f"column '{c}' appears twice in the header"))
                    seen.add(c)
                if not any(columns):
                    problems.append(_problem(name, 1, "", "the header line is empty"))
                    return None
                continue
            if not any(cell.strip() for cell in record):
                continue  # blank line
            if len(record) > len(columns):
                extra = [c for c in record[len(columns) :] if c.strip()]
                if extra:
                    problems.append(
                        _problem(
                            name,
                            start,
                            "",
                            f"row has {len(record)} fields but the header has {len(columns)}: "
                            f"extra value '{_short(extra[0])}' (a stray '{delimiter}' or quote?)",
                        )
                    )
                    # Keep the row: its id still counts, so relations to it do not cascade into more errors.
            row = {c: (record[i].strip() if i < len(record) else "") for i, c in enumerate(columns) if c}
            rows.append(row)
            lines.append(start)
    except csv.Error as exc:
        problems.append(_problem(name, next_line, "", f"broken quoting: {exc}"))
        return None
    if not columns:
        problems.append(_problem(name, 0, "", "the file is empty"))
        return None
    return Table(name, [c for c in columns if c], rows, lines, delimiter, encoding)


def _short(value: str, limit: int = 60) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def parse_date(value: str) -> _dt.date | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD to the first day it covers; None if impossible.

    Examples
    --------
    >>> parse_date("2026-05-07")
    datetime.date(2026, 5, 7)
    >>> parse_date("2023-02-30") is None
    True
    """
    m = _DATE_RE.match(value.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def parse_bool(value: str) -> bool | None:
    """Read true/false, yes/no, ja/nee, 1/0; None when it is none of those."""
    v = value.strip().casefold()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    return None


def _check_columns(table: Table, problems: list[Problem]) -> bool:
    missing = [c for c in REQUIRED[table.name] if c not in table.columns]
    for c in missing:
        problems.append(_problem(table.name, 1, c, f"required column '{c}' is missing (header has: {', '.join(table.columns)})"))
    return not missing


def validate(
    actors: Table | None, relations: Table | None, sources: Table | None, problems: list[Problem]
) -> tuple[list[dict[str, str]], list[dict[str, str]], list[dict[str, str]]]:
    """Check the three tables against each other and the vocabulary.

    Rows are normalised in place (type labels become keys, ``directed`` becomes
    "true"/"false", every known column exists). Problems are appended.
    """
    source_rows: list[dict[str, str]] = []
    source_ids: set[str] | None = None
    if sources is not None and _check_columns(sources, problems):
        source_ids = set()
        first: dict[str, int] = {}
        for row, line in zip(sources.rows, sources.lines):
            sid = row.get("id", "")
            if not sid:
                problems.append(_problem(sources.name, line, "id", "empty id"))
                continue
            if sid in first:
                problems.append(_problem(sources.name, line, "id", f"duplicate id '{sid}' (first on line {first[sid]})"))
                continue
            first[sid] = line
            if row.get("date") and parse_date(row["date"]) is None:
                problems.append(
                    _problem(sources.name, line, "date", f"impossible date '{row['date']}' (use YYYY, YYYY-MM or YYYY-MM-DD)")
                )
            source_ids.add(sid)
            source_rows.append({c: row.get(c, "") for c in SOURCE_COLUMNS} | row)

    actor_rows: list[dict[str, str]] = []
    actor_ids: dict[str, int] = {}
    actors_ok = actors is not None and _check_columns(actors, problems)
    if actors is not None and actors_ok:
        for row, line in zip(actors.rows, actors.lines):
            aid = row.get("id", "")
            ok = True
            if not aid:
                problems.append(_problem(actors.name, line, "id", "empty id"))
                continue
            if aid in actor_ids:
                problems.append(_problem(actors.name, line, "id", f"duplicate id '{aid}' (first on line {actor_ids[aid]})"))
                continue
            actor_ids[aid] = line
            if not row.get("name"):
                problems.append(_problem(actors.name, line, "name", f"empty name for actor '{aid}'"))
                ok = False
            raw_type = row.get("type", "")
            if not raw_type:
                problems.append(_problem(actors.name, line, "type", f"empty type for actor '{aid}'"))
                ok = False
            else:
                key = vocab.normalise_actor_type(raw_type)
                if key is None:
                    problems.append(
                        _problem(
                            actors.name, line, "type", f"unknown actor type '{raw_type}'; drawn in a neutral style", "warning"
                        )
                    )
                else:
                    row["type"] = key
            if ok:
                actor_rows.append({c: row.get(c, "") for c in ACTOR_COLUMNS} | row)

    relation_rows: list[dict[str, str]] = []
    relations_ok = relations is not None and _check_columns(relations, problems)
    if relations is not None and relations_ok:
        seen_edges: dict[tuple[str, ...], int] = {}
        for row, line in zip(relations.rows, relations.lines):
            ok = True
            for col in ("source", "target"):
                value = row.get(col, "")
                if not value:
                    problems.append(_problem(relations.name, line, col, f"empty {col}"))
                    ok = False
                elif actors_ok and value not in actor_ids:
                    problems.append(_problem(relations.name, line, col, f"unknown actor '{value}'{_suggest(value, actor_ids)}"))
                    ok = False
            raw_type = row.get("type", "")
            rtype = None
            if not raw_type:
                problems.append(_problem(relations.name, line, "type", "empty relation type"))
                ok = False
            else:
                rtype = vocab.normalise_relation_type(raw_type)
                if rtype is None:
                    problems.append(
                        _problem(
                            relations.name,
                            line,
                            "type",
                            f"unknown relation type '{raw_type}'; drawn in a neutral style",
                            "warning",
                        )
                    )
                else:
                    row["type"] = rtype
            raw_directed = row.get("directed", "")
            if raw_directed:
                directed = parse_bool(raw_directed)
                if directed is None:
                    problems.append(_problem(relations.name, line, "directed", f"'{raw_directed}' is not true or false"))
                    ok = False
            else:
                known = vocab.relation_type(rtype) if rtype else None
                directed = known.directed if known else True
            date = row.get("date", "")
            if date and parse_date(date) is None:
                problems.append(
                    _problem(relations.name, line, "date", f"impossible date '{date}' (use YYYY, YYYY-MM or YYYY-MM-DD)")
                )
                ok = False
            doc = row.get("source_doc", "")
            if doc and source_ids is not None and doc not in source_ids:
                problems.append(
                    _problem(relations.name, line, "source_doc", f"unknown source document '{doc}' (not in sources.csv)")
                )
                ok = False
            if len(row.get("evidence", "")) > EVIDENCE_MAX:
                problems.append(
                    _problem(
                        relations.name,
                        line,
                        "evidence",
                        f"quote is {len(row['evidence'])} characters; keep it to {EVIDENCE_MAX}",
                        "warning",
                    )
                )
            if not ok:
                continue
            src, dst = row["source"], row["target"]
            if src == dst:
                problems.append(_problem(relations.name, line, "target", f"self-relation: '{src}' relates to itself", "warning"))
            ends = (src, dst) if directed else tuple(sorted((src, dst)))
            key = (*ends, row["type"], doc, row.get("evidence", ""))
            if key in seen_edges:
                problems.append(
                    _problem(relations.name, line, "", f"duplicate of the relation on line {seen_edges[key]}; ignored", "warning")
                )
                continue
            seen_edges[key] = line
            row["directed"] = "true" if directed else "false"
            relation_rows.append({c: row.get(c, "") for c in RELATION_COLUMNS} | row)

    if actors_ok and relations_ok:
        linked = {r["source"] for r in relation_rows} | {r["target"] for r in relation_rows}
        for row in actor_rows:
            if row["id"] not in linked:
                problems.append(
                    _problem(
                        actors.name, actor_ids[row["id"]], "id", f"actor '{row['id']}' has no relations (isolated)", "warning"
                    )
                )
    return actor_rows, relation_rows, source_rows


def _suggest(value: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, list(known), n=3)
    return f" (did you mean: {', '.join(close)}?)" if close else ""


def default_data_dir() -> Path:
    """The folder the app and CLI read: ``$NETWORK_DATA_DIR`` or the bundled ``data/``."""
    env = os.environ.get("NETWORK_DATA_DIR")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "data"


def load_dataset(directory: str | os.PathLike[str] | None = None) -> Dataset:
    """Load and validate a data folder; raise DataError listing every problem.

    This is the one loader the app and the command line share.
    """
    folder = Path(directory) if directory is not None else default_data_dir()
    problems: list[Problem] = []
    tables: dict[str, Table | None] = {}
    digest = hashlib.sha256()
    if not folder.is_dir():
        raise DataError([_problem(str(folder), 0, "", "data folder not found")])
    for name in ("actors.csv", "relations.csv", "sources.csv"):
        path = folder / name
        label = str(path)
        if not path.is_file():
            if name != "sources.csv":
                problems.append(_problem(label, 0, "", "file is missing"))
            tables[name] = None
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(_problem(label, 0, "", f"cannot read the file: {exc.strerror}"))
            tables[name] = None
            continue
        digest.update(name.encode() + b"\0" + data + b"\0")
        table = parse_table(data, label, problems)
        if table is not None:
            table.name = name
        tables[name] = table
    return dataset_from_tables(tables, problems, digest.hexdigest()[:12], str(folder), lambda name: str(folder / name))


def dataset_from_tables(
    tables: Mapping[str, Table | None],
    problems: list[Problem],
    version: str,
    label: str,
    where: Callable[[str], str] = lambda name: name,
) -> Dataset:
    """Validate parsed tables (from CSV files, a workbook or an upload) into a Dataset.

    ``tables`` maps "actors.csv", "relations.csv" and "sources.csv" to a Table or None
    (missing); ``where`` turns such a name into what problems should call it (a path,
    or a workbook sheet). Raises DataError listing every problem when anything is wrong.
    """
    inner: list[Problem] = []
    actors, relations, sources = validate(tables.get("actors.csv"), tables.get("relations.csv"), tables.get("sources.csv"), inner)
    problems = problems + [Problem(where(p.file), p.line, p.column, p.message, p.severity) for p in inner]
    if tables.get("actors.csv") is None or tables.get("relations.csv") is None or any(p.severity == "error" for p in problems):
        if not any(p.severity == "error" for p in problems):
            problems.append(_problem(label, 0, "", "the data could not be read"))
        raise DataError(problems)
    return Dataset(actors, relations, sources, problems, version, label)


def write_csv_atomic(path: str | os.PathLike[str], columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> None:
    """Write a CSV so that readers only ever see the old or the new whole file.

    Writes a temporary file in the same folder, fsyncs it, then renames it over ``path``.
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    write_bytes_atomic(path, buf.getvalue().encode("utf-8"))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` so that readers see the old or the new whole file, never a part.

    Writes a temporary file in the same folder, fsyncs it, then renames it over ``path``.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.fchmod(fd, target.stat().st_mode & 0o777 if target.exists() else 0o644)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
