"""CSV files: decoding what spreadsheets write, splitting into rows, and writing them back.

Reading accepts what people's tools produce (``,`` or ``;`` as Dutch Excel writes, a BOM,
CRLF, Windows-1252 with a warning) and reports every problem with file, line and column.
Writing neutralises cells a spreadsheet would run as a formula (an apostrophe in front),
and ``restore`` takes that apostrophe off again when such a file is read back, so an
export loads to the same data.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO

from ..model import Problem, Table
from ..text import shorten
from ..validate import ProblemSink
from .atomic import write_bytes_atomic

__all__ = [
    "parse_table",
    "neutralise",
    "restore",
    "csv_text",
    "write_csv_atomic",
    "MAX_CELL",
    "MAX_COLUMNS",
    "MAX_LINE",
    "MAX_ROWS",
]

# A cell longer than this is not data anyone curates by hand; say so instead of "broken quoting".
MAX_CELL = 100_000
MAX_COLUMNS = 1000
# The csv module splits a line into a list of every field it holds before a row can be checked:
# a line longer than this is looked at first and refused if it has more than MAX_COLUMNS
# fields, so a few MB of "a,a,a,…" cannot become hundreds of MB of strings.
MAX_LINE = 1_000_000
# Rows read from one file: a map of more is not one a team curates by hand, and at this size a
# file is read in about 2 s and 200 MB. The 200,001st row stops the reading (the same limit as a sheet).
MAX_ROWS = 200_000
_SHARED_UP_TO = 64
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
csv.field_size_limit(MAX_CELL)


_CHUNK = 4 << 20  # bytes read at a time: more than MAX_LINE, so a long line lies in at most two reads


def _guess_delimiter(header: str) -> str:
    # Dutch Excel writes ';'. Decide on the header line, outside quotes.
    header = re.sub(r'"[^"]*"', "", header)
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header_width(header: str, delimiter: str) -> int:
    """How many columns the first line has, counted without splitting it (quoted delimiters aside)."""
    return re.sub(r'"[^"]*"', "", header).count(delimiter) + 1


def _long_lines(data: bytes, limit: int = MAX_LINE) -> Iterator[tuple[int, int, int]]:
    """(line number, start, end) of each line longer than ``limit`` bytes.

    Looks at windows of ``limit // 2`` bytes: a window without a line break lies inside
    a line at least that long, and every line over ``limit`` holds such a window. So a file
    of ordinary lines costs a few ``find`` calls per MB, not one Python step per line.

    Examples
    --------
    >>> list(_long_lines(b"ab\\n" + b"x" * 12 + b"\\ncd", limit=10)), list(_long_lines(b"ab\\n" * 50, limit=10))
    ([(2, 3, 15)], [])
    """
    window = max(1, limit // 2)
    pos = 0
    while pos < len(data):
        if data.find(b"\n", pos, pos + window) >= 0 or pos + window > len(data):
            pos += window
            continue
        start = data.rfind(b"\n", 0, pos) + 1
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        if end - start > limit:
            yield data.count(b"\n", 0, start) + 1, start, end
        pos = end + 1


def _valid(stream: BinaryIO, encoding: str) -> int | None:
    """None when the whole stream decodes in ``encoding``; else the offset of the first bad byte."""
    stream.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    at = 0
    try:
        while chunk := stream.read(_CHUNK):
            decoder.decode(chunk)
            at += len(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        return at + exc.start
    return None


def _scan(stream: BinaryIO, name: str, problems: ProblemSink) -> tuple[str, str, str] | None:
    """One pass in 4 MB steps: (encoding, header line, delimiter), or None with the problem that stops the file.

    It holds one step of the file at a time: what it checks (NUL bytes, the encoding, the
    header's width, a line of more fields than a header may have) needs no copy of the whole.
    """
    stream.seek(0)
    head = stream.read(2)
    if head in (b"\xff\xfe", b"\xfe\xff"):
        problems.append(Problem(name, 0, "", "the file is UTF-16 text; save it as 'CSV UTF-8' instead"))
        return None
    stream.seek(0)
    header, header_done, blank = b"", False, True
    delimiter, mark = ",", b","
    line, carry_len, carry_fields = 1, 0, 0  # the line open at the end of the last step: its number, bytes, delimiters
    utf8: Any = codecs.getincrementaldecoder("utf-8-sig")()  # checked in the same pass; None once it fails
    while chunk := stream.read(_CHUNK):
        if utf8 is not None:
            try:
                utf8.decode(chunk)
            except UnicodeDecodeError:
                utf8 = None  # read again as Windows-1252 below, the one case that takes a second pass
        if b"\x00" in chunk:
            problems.append(Problem(name, 0, "", "this is not a text file (it contains NUL bytes)"))
            return None
        blank = blank and not chunk.strip()
        pos = 0
        if not header_done:
            end = chunk.find(b"\n")
            header += chunk[: end if end >= 0 else len(chunk)][: MAX_LINE + 1 - len(header)]
            carry_len += end if end >= 0 else len(chunk)
            carry_fields += sum(chunk.count(d, 0, end if end >= 0 else len(chunk)) for d in (b",", b";", b"\t"))
            if end < 0:
                continue
            header_done = True
            delimiter = _guess_delimiter(header.decode("latin-1"))
            mark = delimiter.encode("ascii")
            if carry_len > MAX_LINE and carry_fields >= MAX_COLUMNS:
                problems.append(
                    Problem(name, 1, "", f"the header has {carry_fields + 1:,} columns; at most {MAX_COLUMNS:,} are read")
                )
                return None
            line, carry_len, carry_fields, pos = 2, 0, 0, end + 1
        first = chunk.find(b"\n", pos)
        if first < 0:
            carry_len += len(chunk) - pos
            carry_fields += chunk.count(mark, pos)
            continue
        fields = carry_fields + chunk.count(mark, pos, first) + 1
        if carry_len + first - pos > MAX_LINE and fields > MAX_COLUMNS:
            problems.append(_fields_problem(name, line, fields, carry_len + first - pos))
            return None
        last = chunk.rfind(b"\n")
        inner = chunk[first + 1 : last + 1]
        for number, start, stop in _long_lines(inner):
            fields = inner.count(mark, start, stop) + 1
            if fields > MAX_COLUMNS:
                problems.append(_fields_problem(name, line + number, fields, stop - start))
                return None
        line += chunk.count(b"\n", pos)
        carry_len, carry_fields = len(chunk) - last - 1, chunk.count(mark, last + 1)
    if blank:
        problems.append(Problem(name, 0, "", "the file is empty"))
        return None
    if header_done and carry_len > MAX_LINE and carry_fields + 1 > MAX_COLUMNS:
        problems.append(_fields_problem(name, line, carry_fields + 1, carry_len))
        return None
    if not header_done and carry_len > MAX_LINE and carry_fields >= MAX_COLUMNS:
        problems.append(Problem(name, 1, "", f"the header has {carry_fields + 1:,} columns; at most {MAX_COLUMNS:,} are read"))
        return None
    encoding = "utf-8-sig"
    if utf8 is not None:
        try:
            utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = None
    if utf8 is None:
        encoding = "cp1252"
        bad = _valid(stream, "cp1252")
        if bad is not None:
            problems.append(Problem(name, 0, "", f"the file is neither UTF-8 nor Windows-1252 text (byte {bad})"))
            return None
        problems.append(Problem(name, 0, "", "the file is Windows-1252 (Excel) text, not UTF-8; it was converted", "warning"))
    text = header.decode(encoding, errors="replace")
    return encoding, text, _guess_delimiter(text)


def _fields_problem(name: str, line: int, fields: int, length: int) -> Problem:
    return Problem(name, line, "", f"the line has {fields:,} fields ({length:,} characters); at most {MAX_COLUMNS:,} are read")


def _header(record: list[str], name: str, problems: ProblemSink) -> list[str] | None:
    if len(record) > MAX_COLUMNS:
        problems.append(Problem(name, 1, "", f"the header has {len(record):,} columns; at most {MAX_COLUMNS:,} are read"))
        return None
    columns = [c.strip().lower() for c in record]
    seen: set[str] = set()
    for c in columns:
        if c and c in seen:
            problems.append(Problem(name, 1, c, f"column '{c}' appears twice in the header"))
        seen.add(c)
    if not any(columns):
        problems.append(Problem(name, 1, "", "the header line is empty"))
        return None
    return columns


def parse_table(data: bytes | BinaryIO, name: str, problems: ProblemSink) -> Table | None:
    """Decode and split one CSV file; append problems and return None when it cannot be read.

    Examples
    --------
    >>> probs = []
    >>> t = parse_table(b"id;name\\r\\nfnv;FNV\\r\\n", "actors.csv", probs)
    >>> t.rows, t.delimiter, probs
    ([{'id': 'fnv', 'name': 'FNV'}], ';', [])
    """
    source = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
    scanned = _scan(source, name, problems)
    if scanned is None:
        return None
    encoding, header_line, delimiter = scanned
    width = _header_width(header_line, delimiter)
    if width > MAX_COLUMNS:
        problems.append(Problem(name, 1, "", f"the header has {width:,} columns; at most {MAX_COLUMNS:,} are read"))
        return None
    # Decoded as it is read, one buffer at a time: an open file is never held whole, bytes never
    # as a second, wider copy of text; rows are counted as they come and the reading stops at the limit.
    source.seek(0)
    stream = io.TextIOWrapper(source, encoding=encoding, newline="")
    try:
        encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        return _rows(csv.reader(stream, delimiter=delimiter, strict=True), name, encoding, delimiter, problems)
    finally:
        stream.detach()  # the caller's file stays open (and is closed) as the caller says


def _rows(reader: Any, name: str, encoding: str, delimiter: str, problems: ProblemSink) -> Table | None:
    columns: list[str] = []
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    same: dict[str, str] = {}  # one string object per repeated short value (ids, types, dates): a third of the memory
    next_line = 1
    try:
        for record in reader:
            start, next_line = next_line, reader.line_num + 1
            if not columns:
                header = _header(record, name, problems)
                if header is None:
                    return None
                columns = header
                continue
            if not any(cell.strip() for cell in record):
                continue  # blank line
            if len(record) > len(columns):
                extra = [c for c in record[len(columns) :] if c.strip()]
                if extra:
                    problems.append(
                        Problem(
                            name,
                            start,
                            "",
                            f"row has {len(record)} fields but the header has {len(columns)}: "
                            f"extra value '{shorten(extra[0])}' (a stray '{delimiter}' or quote?)",
                        )
                    )
                    # Keep the row: its id still counts, so relations to it do not cascade into more errors.
            if len(rows) >= MAX_ROWS:
                problems.append(
                    Problem(name, start, "", f"the file has more than {MAX_ROWS:,} rows; at most {MAX_ROWS:,} are read: split it")
                )
                return None
            row = {}
            for i, c in enumerate(columns):
                if c:
                    value = restore(record[i].strip()) if i < len(record) else ""
                    row[c] = same.setdefault(value, value) if len(value) <= _SHARED_UP_TO else value
            rows.append(row)
            lines.append(start)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            problems.append(
                Problem(name, next_line, "", f"a cell is longer than {MAX_CELL:,} characters; is this the right file?")
            )
        else:
            problems.append(Problem(name, next_line, "", f"broken quoting: {exc}"))
        return None
    if not columns:
        problems.append(Problem(name, 0, "", "the file is empty"))
        return None
    return Table(name, [c for c in columns if c], rows, lines, delimiter, encoding)


def _needs_prefix(text: str) -> bool:
    # An apostrophe followed by what we would neutralise is prefixed too, so that
    # ``restore`` can tell our apostrophe from one the data had (``'s-Hertogenbosch`` stays).
    while text.startswith("'"):
        text = text[1:]
    return text.startswith(_FORMULA_START)


def neutralise(value: object) -> str:
    """Prefix a cell that a spreadsheet would run as a formula with an apostrophe.

    Examples
    --------
    >>> neutralise("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise("FNV"), neutralise("'s-Hertogenbosch")
    ('FNV', "'s-Hertogenbosch")
    """
    text = "" if value is None else str(value)
    return "'" + text if _needs_prefix(text) else text


def restore(value: str) -> str:
    """Undo ``neutralise``: our loader reads an exported CSV back to the data it came from.

    Examples
    --------
    >>> [restore(neutralise(v)) for v in ("-Minus Org", "'=x", "'s-Hertogenbosch", "@home")]
    ['-Minus Org', "'=x", "'s-Hertogenbosch", '@home']
    """
    return value[1:] if value.startswith("'") and _needs_prefix(value[1:]) else value


def csv_text(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """CSV (comma, LF, UTF-8 text) of ``rows`` with every cell neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise(row.get(c, "")) for c in columns])
    return buf.getvalue()


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
