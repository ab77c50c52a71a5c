"""Check parsed tables: declared column rules per file, then named cross-table checks.

Each column's rule is declared once in ``COLUMN_RULES`` (required, unique, a vocabulary,
a date, a yes/no, a reference to another table, a length limit, a set of values); the
checks that need more than one row or table are the named functions in ``CROSS_CHECKS``.
Every problem names file, line (as a spreadsheet shows it: the header is line 1) and
column. Work is bounded whatever the input: at most ``MAX_PROBLEMS`` problems are kept
per file (then one line says how many more there were) and "did you mean" is computed
for at most ``MAX_SUGGESTED`` distinct unknown values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from . import vocabulary as vocab
from .model import (
    ACTOR_COLUMNS,
    ASSESSMENT_COLUMNS,
    BASIS_VALUES,
    ENGAGEMENT_COLUMNS,
    ENGAGEMENT_KINDS,
    EVIDENCE_MAX,
    LABEL_MAX,
    RELATION_COLUMNS,
    REQUIRED,
    SOURCE_COLUMNS,
    DataError,
    Dataset,
    Problem,
    Table,
    claim_period,
    parse_bool,
    parse_date,
)
from .text import close_matches

__all__ = [
    "ColumnRule",
    "COLUMN_RULES",
    "CROSS_CHECKS",
    "TEAM_FILES",
    "ProblemLog",
    "ProblemSink",
    "validate",
    "validate_team_files",
    "dataset_from_tables",
    "MAX_PROBLEMS",
    "SCORE_RANGE",
    "STANCE_VALUES",
]

MAX_PROBLEMS = 200
# Scores in assessments.csv (influence, interest) are numbers on this scale; the grid's middle is 5.
SCORE_RANGE = (0.0, 10.0)
STANCE_VALUES = ("for", "against", "conditional", "neutral")
MAX_SUGGESTED = 50
_DATE_HINT = "(use YYYY, YYYY-MM or YYYY-MM-DD)"
# A relation's or document's date may also be "before" one of these; the hint names the common forms.
_CLAIM_DATE_HINT = _DATE_HINT


class ProblemSink(Protocol):
    """Where a reader reports problems: a plain list, or a ``ProblemLog`` that caps them per file."""

    def append(self, p: Problem, /) -> None: ...


class ProblemLog:
    """Problems of one load, capped per file so no input makes the list (or the work) explode.

    Examples
    --------
    >>> log = ProblemLog(limit=2)
    >>> for i in range(5):
    ...     log.add(Problem("a.csv", i + 2, "id", "bad"))
    >>> [str(p) for p in log.problems()][-1]
    'a.csv:0: -: … and 3 more problem(s) in this file'
    """

    def __init__(self, problems: Iterable[Problem] = (), limit: int = MAX_PROBLEMS):
        self.limit = limit
        self._kept: list[Problem] = []
        self._count: dict[str, int] = {}
        self._dropped: dict[str, list[int]] = {}  # file -> [errors, warnings] left out
        for p in problems:
            self.add(p)

    def add(self, p: Problem) -> None:
        n = self._count.get(p.file, 0)
        self._count[p.file] = n + 1
        if n < self.limit:
            self._kept.append(p)
        else:
            dropped = self._dropped.setdefault(p.file, [0, 0])
            dropped[0 if p.severity == "error" else 1] += 1

    append = add  # so a ProblemLog can stand where a list of problems is expected

    def full(self, file: str) -> bool:
        return self._count.get(file, 0) >= self.limit

    def problems(self) -> list[Problem]:
        out = list(self._kept)
        for file, (errors, warnings) in self._dropped.items():
            severity = "error" if errors else "warning"
            out.append(Problem(file, 0, "", f"… and {errors + warnings} more problem(s) in this file", severity))
        return out

    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self._kept) or any(e for e, _ in self._dropped.values())


class _Suggester:
    """'did you mean' for a bounded number of distinct unknown values, each computed once."""

    def __init__(self, known: Iterable[str]):
        self.known = list(known)
        self.cache: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        if value not in self.cache:
            if len(self.cache) >= MAX_SUGGESTED:
                return ""
            close = close_matches(value, self.known)
            self.cache[value] = f" (did you mean: {', '.join(close)}?)" if close else ""
        return self.cache[value]


@dataclass
class _Context:
    """What the column rules of one table can look up: the other tables' ids."""

    actor_ids: dict[str, int] | None = None
    source_ids: set[str] | None = None
    suggest_actor: _Suggester | None = None


@dataclass(frozen=True)
class ColumnRule:
    """How one column is checked. ``empty`` is the message for an empty required cell."""

    column: str
    required: bool = False
    empty: str = "empty {column}"
    unique: bool = False
    kind: str = ""  # "date", "claim_date" (a date or "before DATE"), "bool", "actor_type", "relation_type", "score" (0-10), "actor_list" (ids separated by |)
    refers_to: str = ""  # "actors" or "sources"
    choices: tuple[str, ...] = ()
    max_length: int = 0


COLUMN_RULES: dict[str, tuple[ColumnRule, ...]] = {
    "sources.csv": (
        ColumnRule("id", required=True, empty="empty id", unique=True),
        ColumnRule("date", kind="claim_date"),
    ),
    "actors.csv": (
        ColumnRule("id", required=True, empty="empty id", unique=True),
        ColumnRule("name", required=True, empty="empty name for actor '{id}'"),
        ColumnRule("type", required=True, empty="empty type for actor '{id}'", kind="actor_type"),
        ColumnRule("label", max_length=LABEL_MAX),
    ),
    "relations.csv": (
        ColumnRule("source", required=True, refers_to="actors"),
        ColumnRule("target", required=True, refers_to="actors"),
        ColumnRule("type", required=True, empty="empty relation type", kind="relation_type"),
        ColumnRule("directed", kind="bool"),
        ColumnRule("date", kind="claim_date"),
        ColumnRule("source_doc", refers_to="sources"),
        ColumnRule("evidence", max_length=EVIDENCE_MAX),
        ColumnRule("basis", choices=BASIS_VALUES),
    ),
    # The team's optional files (issue 14).
    "assessments.csv": (
        ColumnRule("actor", required=True, refers_to="actors"),
        ColumnRule("ask", refers_to="actors"),
        ColumnRule("influence", kind="score"),
        ColumnRule("interest", kind="score"),
        ColumnRule("stance", choices=STANCE_VALUES),
        ColumnRule("date", required=True, empty="empty date: an assessment is dated", kind="date"),
    ),
    "engagements.csv": (
        ColumnRule("date", required=True, empty="empty date", kind="date"),
        ColumnRule("actors", required=True, empty="empty actors (ids separated by |)", kind="actor_list"),
        ColumnRule("kind", required=True, empty="empty kind", choices=ENGAGEMENT_KINDS),
        ColumnRule("ask", refers_to="actors"),
        ColumnRule("due", kind="date"),
        ColumnRule("done", kind="bool"),
    ),
}
_COLUMNS = {
    "actors.csv": ACTOR_COLUMNS,
    "relations.csv": RELATION_COLUMNS,
    "sources.csv": SOURCE_COLUMNS,
    "assessments.csv": ASSESSMENT_COLUMNS,
    "engagements.csv": ENGAGEMENT_COLUMNS,
}
TEAM_FILES = ("assessments.csv", "engagements.csv")


def _check_cell(rule: ColumnRule, row: dict[str, str], ctx: _Context) -> tuple[str, str] | None:
    """Check one cell; normalise it in place. Returns (severity, message) for a problem."""
    value = row.get(rule.column, "")
    if not value:
        return ("error", rule.empty.format(column=rule.column, id=row.get("id", ""))) if rule.required else None
    if rule.kind == "date" and parse_date(value) is None:
        return "error", f"impossible date '{value}' {_DATE_HINT}"
    if rule.kind == "claim_date" and claim_period(value) is None:
        return "error", f"impossible date '{value}' {_CLAIM_DATE_HINT}"
    if rule.kind == "score":
        try:
            score = float(value.replace(",", "."))  # Dutch Excel writes 7,5
        except ValueError:
            return "error", f"'{value}' is not a number from {SCORE_RANGE[0]:g} to {SCORE_RANGE[1]:g}"
        if not SCORE_RANGE[0] <= score <= SCORE_RANGE[1]:
            return "error", f"{rule.column} {value} is out of range: use a number from {SCORE_RANGE[0]:g} to {SCORE_RANGE[1]:g}"
        row[rule.column] = f"{score:g}"
    if rule.kind == "actor_list":
        ids = [part.strip() for part in value.split("|") if part.strip()]
        if not ids:
            return "error", rule.empty.format(column=rule.column, id="")
        unknown = [i for i in ids if ctx.actor_ids is not None and i not in ctx.actor_ids]
        if unknown:
            hint = ctx.suggest_actor(unknown[0]) if ctx.suggest_actor else ""
            return "error", f"unknown actor '{unknown[0]}'{hint}"
        row[rule.column] = "|".join(dict.fromkeys(ids))
    if rule.kind == "bool":
        parsed = parse_bool(value)
        if parsed is None:
            return "error", f"'{value}' is not true or false"
        row[rule.column] = "true" if parsed else "false"
    if rule.kind in ("actor_type", "relation_type"):
        normalise = vocab.normalise_actor_type if rule.kind == "actor_type" else vocab.normalise_relation_type
        key = normalise(value)
        if key is None:
            what = "actor type" if rule.kind == "actor_type" else "relation type"
            # The same words at every door (folder, workbook, Kumu): the map gives such a type a colour of its own.
            return "warning", f"unknown {what} '{value}'; kept as it is, in a colour of its own"
        row[rule.column] = key
    if rule.refers_to == "actors" and ctx.actor_ids is not None and value not in ctx.actor_ids:
        hint = ctx.suggest_actor(value) if ctx.suggest_actor else ""
        return "error", f"unknown actor '{value}'{hint}"
    if rule.refers_to == "sources" and ctx.source_ids is not None and value not in ctx.source_ids:
        return "error", f"unknown source document '{value}' (not in sources.csv)"
    if rule.max_length and len(value) > rule.max_length:
        what = "quote" if rule.column == "evidence" else rule.column
        return "warning", f"{what} is {len(value)} characters; keep it to {rule.max_length}"
    if rule.choices:
        folded = value.strip().casefold()
        if folded not in rule.choices:
            return "error", f"'{value}' is not one of: {', '.join(rule.choices)}"
        row[rule.column] = folded
    return None


def _check_header(table: Table, log: ProblemLog) -> bool:
    missing = [c for c in REQUIRED[table.name] if c not in table.columns]
    for c in missing:
        log.add(Problem(table.name, 1, c, f"required column '{c}' is missing (header has: {', '.join(table.columns)})"))
    return not missing


@dataclass
class _Checked:
    """Rows of one table that passed their column rules, with the line each came from."""

    rows: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def _check_rows(table: Table, ctx: _Context, log: ProblemLog) -> _Checked:
    """Apply the table's column rules to every row; unique columns keep the first row."""
    rules = COLUMN_RULES[table.name]
    first: dict[str, dict[str, int]] = {r.column: {} for r in rules if r.unique}
    out = _Checked()
    for row, line in zip(table.rows, table.lines):
        ok = True
        for rule in rules:
            found = _check_cell(rule, row, ctx)
            if found is None and rule.unique:
                value = row[rule.column]
                if value in first[rule.column]:
                    found = ("error", f"duplicate {rule.column} '{value}' (first on line {first[rule.column][value]})")
                else:
                    first[rule.column][value] = line
            if found is not None:
                severity, message = found
                log.add(Problem(table.name, line, rule.column, message, severity))
                if severity == "error":
                    ok = False
                    if rule.unique or rule.column == "id":
                        break  # a row without its own id is not a row: check nothing else of it
        if ok:
            out.rows.append({c: row.get(c, "") for c in _COLUMNS[table.name]} | row)
            out.lines.append(line)
    return out


# -- cross-table checks: each takes the checked tables and adds problems -----------------------


def check_directions(relations: _Checked, log: ProblemLog) -> None:
    """A relation without ``directed`` takes its type's default."""
    for row in relations.rows:
        if not row.get("directed"):
            known = vocab.relation_type(row["type"])
            row["directed"] = "true" if (known.directed if known else True) else "false"


def check_inferred_notes(relations: _Checked, log: ProblemLog) -> None:
    """An inferred claim must say why in ``note`` (a warning here; an error in the curated data)."""
    for row, line in zip(relations.rows, relations.lines):
        if row.get("basis") == "inferred" and not row.get("note", "").strip():
            log.add(Problem("relations.csv", line, "note", "an inferred relation needs a note saying why", "warning"))


def check_self_relations(relations: _Checked, log: ProblemLog) -> None:
    for row, line in zip(relations.rows, relations.lines):
        if row["source"] == row["target"]:
            log.add(Problem("relations.csv", line, "target", f"self-relation: '{row['source']}' relates to itself", "warning"))


def check_duplicate_relations(relations: _Checked, log: ProblemLog) -> None:
    """The same claim twice (same ends, type, document and quote) is kept once."""
    seen: dict[tuple[str, ...], int] = {}
    keep = _Checked()
    for row, line in zip(relations.rows, relations.lines):
        ends = (row["source"], row["target"]) if row["directed"] == "true" else tuple(sorted((row["source"], row["target"])))
        key = (*ends, row["type"], row.get("source_doc", ""), row.get("evidence", ""))
        if key in seen:
            log.add(Problem("relations.csv", line, "", f"duplicate of the relation on line {seen[key]}; ignored", "warning"))
            continue
        seen[key] = line
        keep.rows.append(row)
        keep.lines.append(line)
    relations.rows, relations.lines = keep.rows, keep.lines


CROSS_CHECKS: tuple[Callable[[_Checked, ProblemLog], None], ...] = (
    check_directions,
    check_inferred_notes,
    check_self_relations,
    check_duplicate_relations,
)


def check_isolated_actors(actors: _Checked, relations: _Checked, log: ProblemLog) -> None:
    linked = {r["source"] for r in relations.rows} | {r["target"] for r in relations.rows}
    for row, line in zip(actors.rows, actors.lines):
        if row["id"] not in linked:
            log.add(Problem("actors.csv", line, "id", f"actor '{row['id']}' has no relations (isolated)", "warning"))


def check_assessment_duplicates(assessments: _Checked, log: ProblemLog) -> None:
    """Two assessments of one actor on one ask on the same date contradict each other."""
    seen: dict[tuple[str, str, str], int] = {}
    keep = _Checked()
    for row, line in zip(assessments.rows, assessments.lines):
        key = (row["actor"], row.get("ask", ""), row["date"])
        if key in seen:
            log.add(
                Problem(
                    "assessments.csv", line, "date", f"a second assessment of '{key[0]}' on {key[2]} (first on line {seen[key]})"
                )
            )
            continue
        seen[key] = line
        keep.rows.append(row)
        keep.lines.append(line)
    assessments.rows, assessments.lines = keep.rows, keep.lines


def check_follow_up_dates(engagements: _Checked, log: ProblemLog) -> None:
    """A follow-up due before the engagement it comes from is a typo in one of the two dates."""
    for row, line in zip(engagements.rows, engagements.lines):
        due, day = parse_date(row.get("due", "")), parse_date(row["date"])
        if due and day and due < day:
            log.add(
                Problem(
                    "engagements.csv", line, "due", f"due {row['due']} is before the engagement itself ({row['date']})", "warning"
                )
            )


TEAM_CHECKS: dict[str, Callable[[_Checked, ProblemLog], None]] = {
    "assessments.csv": check_assessment_duplicates,
    "engagements.csv": check_follow_up_dates,
}


def validate_team_files(
    tables: Mapping[str, Table | None], actors: Iterable[Mapping[str, str]], log: ProblemLog
) -> dict[str, list[dict[str, str]]]:
    """Check the optional assessments.csv and engagements.csv against the (checked) actors.

    Returns the checked rows of each file present; problems go to ``log``.
    """
    ids = {a["id"]: 0 for a in actors}
    ctx = _Context(actor_ids=ids, suggest_actor=_Suggester(ids))
    out: dict[str, list[dict[str, str]]] = {}
    for name in TEAM_FILES:
        table = tables.get(name)
        if table is None or not _check_header(table, log):
            continue
        checked = _check_rows(table, ctx, log)
        TEAM_CHECKS[name](checked, log)
        out[name] = checked.rows
    return out


def validate(
    actors: Table | None, relations: Table | None, sources: Table | None, problems: list[Problem] | ProblemLog
) -> tuple[list[dict[str, str]], list[dict[str, str]], list[dict[str, str]]]:
    """Check the three tables against each other and the vocabulary.

    Rows are normalised in place (type labels become keys, ``directed`` becomes
    "true"/"false", every known column exists). Problems are appended.
    """
    log = problems if isinstance(problems, ProblemLog) else ProblemLog()
    ctx = _Context()
    checked: dict[str, _Checked] = {}
    if sources is not None and _check_header(sources, log):
        checked["sources.csv"] = _check_rows(sources, ctx, log)
        ctx.source_ids = {r["id"] for r in checked["sources.csv"].rows}
    actors_ok = actors is not None and _check_header(actors, log)
    if actors is not None and actors_ok:
        ids: dict[str, int] = {}
        for row, line in zip(actors.rows, actors.lines):
            if row.get("id"):
                ids.setdefault(row["id"], line)
        ctx.actor_ids = ids
        ctx.suggest_actor = _Suggester(ids)
        checked["actors.csv"] = _check_rows(actors, ctx, log)
    relations_ok = relations is not None and _check_header(relations, log)
    if relations is not None and relations_ok:
        rel = checked["relations.csv"] = _check_rows(relations, ctx, log)
        for check in CROSS_CHECKS:
            check(rel, log)
    if actors_ok and relations_ok:
        check_isolated_actors(checked["actors.csv"], checked["relations.csv"], log)
    if not isinstance(problems, ProblemLog):
        problems.extend(log.problems())
    empty = _Checked()
    return (
        checked.get("actors.csv", empty).rows,
        checked.get("relations.csv", empty).rows,
        checked.get("sources.csv", empty).rows,
    )


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
    log = ProblemLog()
    actors, relations, sources = validate(tables.get("actors.csv"), tables.get("relations.csv"), tables.get("sources.csv"), log)
    team = validate_team_files(tables, actors, log) if any(tables.get(n) is not None for n in TEAM_FILES) else {}
    inner = [Problem(where(p.file), p.line, p.column, p.message, p.severity) for p in log.problems()]
    outer = ProblemLog(problems).problems()
    found = outer + inner
    if tables.get("actors.csv") is None or tables.get("relations.csv") is None or any(p.severity == "error" for p in found):
        if not any(p.severity == "error" for p in found):
            found.append(Problem(label, 0, "", "the data could not be read"))
        raise DataError(found)
    return Dataset(
        actors,
        relations,
        sources,
        found,
        version,
        label,
        assessments=team.get("assessments.csv", []),
        engagements=team.get("engagements.csv", []),
    )
