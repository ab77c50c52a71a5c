"""Tables as CSV text for spreadsheets, safe against formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["neutralise", "csv_text"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """Prefix a cell that a spreadsheet would run as a formula with an apostrophe.

    Examples
    --------
    >>> neutralise("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise("FNV")
    'FNV'
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """CSV (comma, LF, UTF-8 text) of ``rows`` with every cell neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise(row.get(c, "")) for c in columns])
    return buf.getvalue()
