"""The data model: the three tables' columns, a loaded Dataset, and the Problem it reports.

Nothing here reads a file or checks a row; :mod:`network.io` reads, :mod:`network.validate`
checks, and both speak in these types.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = [
    "ACTOR_COLUMNS",
    "RELATION_COLUMNS",
    "SOURCE_COLUMNS",
    "ASSESSMENT_COLUMNS",
    "ENGAGEMENT_COLUMNS",
    "ENGAGEMENT_KINDS",
    "FILES",
    "OPTIONAL_FILES",
    "MAP_FILES",
    "KNOWN_COLUMNS",
    "REQUIRED",
    "EVIDENCE_MAX",
    "LABEL_MAX",
    "BASIS_VALUES",
    "Problem",
    "Table",
    "Dataset",
    "DataError",
    "parse_date",
    "claim_period",
    "claim_precision",
    "known_from",
    "parse_bool",
    "problem_rows",
]

# ``label``: an optional short name the map shows (issue 23); the full name stays in tooltips, profiles and exports.
ACTOR_COLUMNS = ("id", "name", "type", "country", "sector", "description", "aliases", "url", "status", "label")
# A map label longer than this does not fit on a projector beside its neighbours.
LABEL_MAX = 32
RELATION_COLUMNS = ("source", "target", "type", "directed", "date", "source_doc", "evidence", "basis", "note")
SOURCE_COLUMNS = ("id", "title", "date", "kind", "authors", "addressed_to", "file", "date_note")
# The team's own files beside the map (issue 14): dated scores for the power-interest grid, and
# the meeting log. engagements.csv is internal: no export, snapshot or link carries it unless asked.
ASSESSMENT_COLUMNS = ("actor", "ask", "influence", "interest", "stance", "date", "note")
ENGAGEMENT_COLUMNS = ("date", "actors", "kind", "ask", "summary", "outcome", "follow_up", "due", "owner", "done")
ENGAGEMENT_KINDS = ("meeting", "call", "letter", "event")
# What the map is drawn from: the data version is the hash of these files only, so editing the
# internal meeting log never changes the version a snapshot states.
MAP_FILES = ("actors.csv", "relations.csv", "sources.csv")
FILES = (*MAP_FILES, "assessments.csv", "engagements.csv")
OPTIONAL_FILES = ("sources.csv", "assessments.csv", "engagements.csv")
KNOWN_COLUMNS = {
    "actors.csv": ACTOR_COLUMNS,
    "relations.csv": RELATION_COLUMNS,
    "sources.csv": SOURCE_COLUMNS,
    "assessments.csv": ASSESSMENT_COLUMNS,
    "engagements.csv": ENGAGEMENT_COLUMNS,
}
REQUIRED = {
    "actors.csv": ("id", "name", "type"),
    "relations.csv": ("source", "target", "type"),
    "sources.csv": ("id",),
    "assessments.csv": ("actor", "date"),
    "engagements.csv": ("date", "actors", "kind"),
}
EVIDENCE_MAX = 250
# How a claim is known: the quote says it, or it is the curators' reading (``note`` says why).
BASIS_VALUES = ("stated", "inferred")

_TRUE = {"true", "yes", "1", "y", "ja", "j", "waar"}
_FALSE = {"false", "no", "0", "n", "nee", "onwaar"}
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# A claim may be dated only by what it precedes: "Op 8 december a.s." dates a letter before that day.
_BEFORE = "before "


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
    """Rows of one CSV file (or sheet) with the spreadsheet line each row starts on."""

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
    assessments: list[dict[str, str]] = field(default_factory=list)  # optional assessments.csv
    engagements: list[dict[str, str]] = field(default_factory=list)  # optional engagements.csv: internal

    @property
    def source_ids(self) -> list[str]:
        return [s["id"] for s in self.sources]


def problem_rows(problems: Sequence[Problem]) -> list[dict[str, object]]:
    """Problems as table rows (file, line, column, problem, severity): for the app and ``--format json``."""
    return [{"file": p.file, "line": p.line, "column": p.column, "problem": p.message, "severity": p.severity} for p in problems]


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


def _span(value: str) -> tuple[_dt.date, _dt.date] | None:
    start = parse_date(value)
    if start is None:
        return None
    parts = value.strip().split("-")
    if len(parts) == 1:
        return start, _dt.date(start.year, 12, 31)
    if len(parts) == 2:
        nxt = _dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start, nxt - _dt.timedelta(days=1)
    return start, start


def claim_period(value: str) -> tuple[_dt.date, _dt.date] | None:
    """First and last day a claim's date can mean; None if it is no date.

    A date is a year (``2025``), a month (``2025-02``), a day (``2025-02-14``), or ``before``
    one of those: any day before the first day it covers, as far back as is known (``date.min``).

    Examples
    --------
    >>> claim_period("2025-02")
    (datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))
    >>> claim_period("before 2020-12-08")[1]
    datetime.date(2020, 12, 7)
    >>> claim_period("before 2020-13") is None
    True
    """
    value = value.strip()
    if value[: len(_BEFORE)].casefold() == _BEFORE:
        bound = _span(value[len(_BEFORE) :].strip())
        if bound is None or bound[0] == _dt.date.min:
            return None
        return _dt.date.min, bound[0] - _dt.timedelta(days=1)
    return _span(value)


def claim_precision(value: str) -> str:
    """How precise a claim's date is: ``day``, ``month``, ``year``, ``before`` or "" (no date).

    Examples
    --------
    >>> [claim_precision(v) for v in ("2026-05-07", "2020-12", "2025", "before 2020-12-08", "soon")]
    ['day', 'month', 'year', 'before', '']
    """
    if claim_period(value) is None:
        return ""
    if value.strip()[: len(_BEFORE)].casefold() == _BEFORE:
        return "before"
    return ("year", "month", "day")[len(value.strip().split("-")) - 1]


def known_from(value: str) -> _dt.date | None:
    """The day from which the map through time shows a claim of this date.

    The first day of its year, month or day (the claim may be that old); for ``before D``,
    the day before D: the one day the document proves it existed, since how long before is
    not known.

    Examples
    --------
    >>> known_from("2025"), known_from("before 2020-12-08")
    (datetime.date(2025, 1, 1), datetime.date(2020, 12, 7))
    """
    p = claim_period(value)
    if p is None:
        return None
    return p[1] if p[0] == _dt.date.min else p[0]


def parse_bool(value: str) -> bool | None:
    """Read true/false, yes/no, ja/nee, 1/0; None when it is none of those."""
    v = value.strip().casefold()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    return None
