"""Kumu's spreadsheet import format: read a Kumu workbook, write one Kumu imports.

Kumu (kumu.io) reads an .xlsx with an element sheet and a connection sheet:

- **Elements**: ``Label`` (in A1), ``Type``, ``Description``, ``Tags`` (values separated
  by ``|``) and any other column as a custom field. With ``ID`` as the first column,
  Kumu matches elements by ID instead of by label, so two elements may share a label.
- **Connections**: ``From`` and ``To`` (A1, B1), ``Type``, ``Direction``
  (``directed``, ``undirected`` or ``mutual``), ``Description``, ``Tags`` and custom fields.
  When the elements have IDs, From and To must name IDs, not labels.

How our data maps onto that:

- An actor is an element. ``write_kumu`` puts our actor id in Kumu's ``ID`` column (the
  first column, as Kumu's guide on duplicate labels asks) and the name in ``Label``, so
  From/To hold actor ids. Two actors that share a name therefore stay two elements, and
  ids survive the round trip. Type is the type's display label; country, sector, aliases,
  url and status are custom fields (left out when empty everywhere); other columns follow.
- A relation is a connection. Its ``note`` is the connection's Description; date,
  source_doc, evidence and basis are custom fields; ``directed`` becomes Direction.
- The documents go to a sheet called ``Sources (ignore)``, which Kumu skips by name
  and ``read_kumu`` reads back.

``read_kumu`` reads a workbook made by Kumu or by hand: without an ID column, an
actor id is the slug of the label (``-2``, ``-3`` on a clash) and From/To are matched
against labels (then case-insensitively). A ``To`` cell naming several elements
separated by ``|`` gives one relation per element, as in Kumu. Kumu's ``mutual`` is an
undirected relation with the extra column ``direction`` = ``mutual``, so it is written
back as mutual. Types are mapped through the vocabulary; unknown types are kept as
given, with one warning per type that counts its rows. A connection without a type (no
Type column, or an empty cell, as Kumu allows) is ``connected_to``, a neutral undirected
relation, unless its Direction says otherwise.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from .. import vocabulary as vocab
from ..model import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS, DataError, Dataset, Problem, Table
from ..text import slugify
from ..validate import dataset_from_tables
from .xlsx import column_order, kumu_sheets, open_workbook, sheet_table, sheets_to_xlsx

__all__ = ["SOURCES_SHEET", "read_kumu", "write_kumu", "kumu_positions", "one_warning_per_type"]

SOURCES_SHEET = "Sources (ignore)"
UNTYPED = "connected_to"  # the relation type of a connection without one
_SHOWN_LINES = 5  # rows listed in the one warning about an unknown type
# Our columns that Kumu has no place for travel as custom fields under their own name:
# every known column but those Kumu's own columns hold, so a column added to the model is kept.
# Our ``label`` (the short name the map shows) would read as Kumu's Label: it travels as "Short label".
_ACTOR_FIELDS = tuple(c for c in ACTOR_COLUMNS if c not in ("id", "name", "type", "description", "label"))
SHORT_LABEL = "Short label"
# Where each element sits on our map: X and Y on the Elements sheet (issue 25). Kumu's spreadsheet
# import has no position columns of its own, so Kumu keeps them as fields; our reader reads them back.
_XY = ("X", "Y")
_RELATION_FIELDS = tuple(c for c in RELATION_COLUMNS if c not in ("source", "target", "type", "directed", "note"))
_DIRECTIONS = {"directed": "true", "undirected": "false", "mutual": "false"}


def _lookup(table: Table) -> dict[str, str]:
    """Column name as written, by its case-folded name (the first one wins)."""
    cols: dict[str, str] = {}
    for c in table.columns:
        cols.setdefault(c.strip().casefold(), c)
    return cols


def _custom_name(header: str, taken: Sequence[str]) -> str:
    """A custom Kumu column as a column of ours; one that would hide ours gets a suffix."""
    return f"{header} (kumu)" if header.casefold() in taken else header


def _read_elements(
    table: Table, where: str, problems: list[Problem]
) -> tuple[Table, dict[str, str], dict[str, str], set[str], bool]:
    cols = _lookup(table)
    id_col, label_col = cols.get("id"), cols.get("label")
    builtin = {"id", "label", "type", "description", "tags", SHORT_LABEL.casefold(), "x", "y", *_ACTOR_FIELDS}
    ids_given = {row.get(id_col, "") for row in table.rows} - {""} if id_col else set()
    taken: set[str] = set(ids_given)
    by_label: dict[str, str] = {}
    by_folded: dict[str, str] = {}
    label_line: dict[str, int] = {}
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    for row, line in zip(table.rows, table.lines):
        label = row.get(label_col, "") if label_col else ""
        aid = row.get(id_col, "") if id_col else ""
        if not label and not aid:
            problems.append(Problem(where, line, "Label", "empty Label"))
            continue
        if not aid:
            base = slugify(label, "actor")
            aid, n = base, 1
            while aid in taken:
                n += 1
                aid = f"{base}-{n}"
            taken.add(aid)
        if label in by_label and not id_col:
            problems.append(
                Problem(
                    where,
                    line,
                    "Label",
                    f"label '{label}' is also on row {label_line[label]}; they become separate actors "
                    f"'{by_label[label]}' and '{aid}', and a connection naming '{label}' goes to the first "
                    "(add an ID column to tell them apart)",
                    "warning",
                )
            )
        by_label.setdefault(label, aid)
        by_folded.setdefault(label.casefold(), aid)
        label_line.setdefault(label, line)
        actor = {"id": aid, "name": label}
        for kumu_name, ours in (("type", "type"), ("description", "description"), ("tags", "tags")):
            if kumu_name in cols:
                actor[ours] = row.get(cols[kumu_name], "")
        for field in _ACTOR_FIELDS:
            if field in cols:
                actor[field] = row.get(cols[field], "")
        if SHORT_LABEL.casefold() in cols:
            actor["label"] = row.get(cols[SHORT_LABEL.casefold()], "")
        for c in table.columns:
            if c.strip().casefold() not in builtin:
                actor[_custom_name(c, ACTOR_COLUMNS)] = row.get(c, "")
        rows.append(actor)
        lines.append(line)
    columns = column_order(rows, ("id", "name", "type"))
    return Table("actors.csv", columns, rows, lines), by_label, by_folded, {r["id"] for r in rows}, id_col is not None


def _read_connections(
    table: Table,
    where: str,
    problems: list[Problem],
    by_label: Mapping[str, str],
    by_folded: Mapping[str, str],
    ids: set[str],
    ids_first: bool,
) -> tuple[Table, bool]:
    cols = _lookup(table)
    from_col, to_col = cols.get("from"), cols.get("to")
    if from_col is None or to_col is None:
        missing = [name for name, col in (("From", from_col), ("To", to_col)) if col is None]
        for name in missing:
            problems.append(
                Problem(where, 1, name, f"required column '{name}' is missing (header has: {', '.join(table.columns)})")
            )
        return Table("relations.csv", list(RELATION_COLUMNS), [], []), False
    note_col = cols.get("note")
    desc_col = cols.get("description")
    builtin = {"id", "from", "to", "type", "direction", "description", "tags", "note", *_RELATION_FIELDS}

    def resolve(value: str) -> str | None:
        if ids_first and value in ids:
            return value
        if value in by_label:
            return by_label[value]
        if value.casefold() in by_folded:
            return by_folded[value.casefold()]
        return value if value in ids else None

    rows: list[dict[str, str]] = []
    lines: list[int] = []
    for row, line in zip(table.rows, table.lines):
        source_raw, target_raw = row.get(from_col, ""), row.get(to_col, "")
        source = resolve(source_raw) or source_raw
        whole = resolve(target_raw)
        if whole is None and "|" in target_raw:
            targets = [resolve(t.strip()) or t.strip() for t in target_raw.split("|") if t.strip()]
        else:
            targets = [whole or target_raw]
        base: dict[str, str] = {"source": source}
        if "id" in cols:
            base["id"] = row.get(cols["id"], "")
        # Kumu allows untyped connections (no Type column, or an empty cell): a neutral type.
        base["type"] = (row.get(cols["type"], "") if "type" in cols else "") or UNTYPED
        direction = row.get(cols["direction"], "") if "direction" in cols else ""
        base["directed"] = _DIRECTIONS.get(direction.casefold(), direction)
        if direction.casefold() == "mutual":
            base["direction"] = "mutual"
        for field in _RELATION_FIELDS:
            if field in cols:
                base[field] = row.get(cols[field], "")
        if note_col is not None:
            base["note"] = row.get(note_col, "")
            base["description"] = row.get(desc_col, "") if desc_col else ""
        elif desc_col is not None:
            base["note"] = row.get(desc_col, "")
        if "tags" in cols:
            base["tags"] = row.get(cols["tags"], "")
        for c in table.columns:
            if c.strip().casefold() not in builtin:
                base[_custom_name(c, RELATION_COLUMNS)] = row.get(c, "")
        for target in targets:
            rows.append({**base, "target": target})
            lines.append(line)
    columns = column_order(rows, ("source", "target", "type"))
    return Table("relations.csv", columns, rows, lines), note_col is None and desc_col is not None


def _unknown_types(table: Table | None, kind: str) -> dict[str, list[int]]:
    """Each type value of ``table`` the vocabulary does not know, with the rows that use it."""
    normalise = vocab.normalise_actor_type if kind == "actor" else vocab.normalise_relation_type
    found: dict[str, list[int]] = {}
    for row, line in zip(table.rows, table.lines) if table is not None else ():
        value = row.get("type", "")
        if value and normalise(value) is None:
            found.setdefault(value, []).append(line)
    return found


def _one_warning_per_type(
    problems: Sequence[Problem], unknown: Mapping[str, Mapping[str, list[int]]], where: Mapping[str, str]
) -> list[Problem]:
    """The validator's warning per row for an unknown type, as one warning per type with its row count.

    A Kumu map with its own types ("Person", "Investor") would otherwise print one line per
    row. The counts come from the sheets themselves, so they are whole even where the
    validator stopped listing problems; its "... and N more" line loses the ones counted here.
    """

    def one_each(kind: str) -> list[Problem]:
        found = []
        for value, lines in unknown[kind].items():
            shown = ", ".join(map(str, lines[:_SHOWN_LINES])) + (", …" if len(lines) > _SHOWN_LINES else "")
            rows = f"{len(lines)} row" if len(lines) == 1 else f"{len(lines)} rows"
            message = f"unknown {kind} type '{value}' on {rows} ({shown}); kept as it is, in a colour of its own"
            found.append(Problem(where[kind], lines[0], "type", message, "warning"))
        return found

    out: list[Problem] = []
    kept: dict[str, int] = {}
    for p in problems:
        kind = next((k for k in unknown if p.file == where[k]), None)
        if kind is not None and p.column == "type" and p.severity == "warning" and p.message.startswith(f"unknown {kind} type '"):
            if not kept.get(kind):
                out += one_each(kind)  # where the first of the per-row warnings was
            kept[kind] = kept.get(kind, 0) + 1
            continue
        out.append(p)
    for kind, types in unknown.items():
        dropped = sum(len(lines) for lines in types.values()) - kept.get(kind, 0)
        if not dropped:
            continue
        if not kept.get(kind):
            out += one_each(kind)
        # The validator's cap left some out: take them out of its "... and N more" line too.
        for i, p in enumerate(out):
            more = re.fullmatch(r"… and (\d+) more problem\(s\) in this file", p.message)
            if p.file == where[kind] and p.line == 0 and more:
                rest = int(more.group(1)) - dropped
                out[i : i + 1] = [replace(p, message=f"… and {rest} more problem(s) in this file")] if rest > 0 else []
                break
    return out


def _why_duplicate(p: Problem, where: str, missing: Sequence[str]) -> Problem:
    """A connection dropped as a duplicate, said with why: the sheet has no Type (or Direction) to tell it apart."""
    if p.file != where or not p.message.startswith("duplicate of the relation"):
        return p
    what = " or ".join(missing)
    return replace(
        p,
        message=f"{p.message}: the sheet has no {what} column, so two connections between the same elements "
        f"are the same claim (add a {what} column to keep them apart)",
    )


def one_warning_per_type(
    problems: Sequence[Problem], actors: Table | None, relations: Table | None, where: Mapping[str, str]
) -> list[Problem]:
    """The per-row warnings about unknown types as one per type with its row count, for any door (ours or Kumu's)."""
    unknown = {"actor": _unknown_types(actors, "actor"), "relation": _unknown_types(relations, "relation")}
    return _one_warning_per_type(problems, unknown, where)


def _rename_columns(
    problems: Sequence[Problem], where: Mapping[str, str], names: Mapping[str, Mapping[str, str]]
) -> list[Problem]:
    """Name the Kumu column in a problem the validator reported for our column."""
    out = []
    for p in problems:
        for kind, file in where.items():
            if p.file == file and p.column in names[kind]:
                p = replace(p, column=names[kind][p.column])
                break
        out.append(p)
    return out


def read_kumu(
    source: bytes | Mapping[str, Table | None],
    label: str = "kumu.xlsx",
    *,
    version: str | None = None,
    problems: list[Problem] | None = None,
    book: Any = None,
) -> Dataset:
    """Load a Kumu workbook (bytes) or its sheets as Tables, keyed "elements" and "connections".

    ``book`` is the workbook already opened from those bytes (its caller closes it).

    Raises DataError listing every problem; each names the Kumu sheet, row and column.

    Examples
    --------
    >>> from pathlib import Path
    >>> from network.io.folder import read_folder
    >>> ds = read_folder(Path(__file__).parents[2] / "tests" / "data" / "good")
    >>> back = read_kumu(write_kumu(ds), "map.xlsx")
    >>> back.actors == ds.actors and back.relations == ds.relations
    True
    """
    problems = list(problems or [])
    sources_table: Table | None = None
    sources_where = f"{label} [sheet {SOURCES_SHEET}]"
    if isinstance(source, bytes | bytearray):
        version = version or hashlib.sha256(source).hexdigest()[:12]
        own = book is None
        book = open_workbook(bytes(source), label) if own else book
        try:
            sheets = kumu_sheets(book)
            tables: dict[str, Table | None] = {
                kind: sheet_table(ws, ws.title, f"{label} [sheet {ws.title}]", problems) for kind, ws in sheets.items()
            }
            for ws in book.worksheets:
                if ws.title.strip().casefold() == SOURCES_SHEET.casefold():
                    sources_where = f"{label} [sheet {ws.title}]"
                    sources_table = sheet_table(ws, "sources.csv", sources_where, problems)
                    break
        finally:
            if own:
                book.close()
    else:
        tables = {k.casefold(): v for k, v in source.items()}
        sources_table = tables.pop(SOURCES_SHEET.casefold(), None) or tables.pop("sources", None)
        if version is None:
            digest = hashlib.sha256()
            for key in sorted(tables):
                t = tables[key]
                digest.update(repr((key, t.columns, t.rows) if t else key).encode())
            version = digest.hexdigest()[:12]
    if sources_table is not None:
        sources_table.name = "sources.csv"
        sources_table.columns = [c.lower() for c in sources_table.columns]
        sources_table.rows = [{c.lower(): v for c, v in row.items()} for row in sources_table.rows]

    elements, connections = tables.get("elements"), tables.get("connections")
    el_where = f"{label} [sheet {elements.name if elements else 'Elements'}]"
    co_where = f"{label} [sheet {connections.name if connections else 'Connections'}]"
    if elements is None and not any(p.file == el_where for p in problems):
        problems.append(Problem(el_where, 0, "", "no Elements sheet (a sheet with Label in cell A1)"))
    if connections is None and not any(p.file == co_where for p in problems):
        problems.append(Problem(co_where, 0, "", "no Connections sheet (a sheet with From and To in cells A1 and B1)"))

    actors: Table | None = None
    relations: Table | None = None
    note_from_description = False
    has_id = False
    if elements is not None:
        if "label" not in _lookup(elements) and "id" not in _lookup(elements):
            problems.append(
                Problem(el_where, 1, "Label", f"required column 'Label' is missing (header has: {', '.join(elements.columns)})")
            )
        else:
            actors, by_label, by_folded, ids, has_id = _read_elements(elements, el_where, problems)
            if connections is not None:
                relations, note_from_description = _read_connections(
                    connections, co_where, problems, by_label, by_folded, ids, ids_first=has_id
                )
    names = {
        "actors": {
            "id": "ID" if has_id else "Label",
            "name": "Label",
            "type": "Type",
            "description": "Description",
            "tags": "Tags",
        },
        "relations": {
            "source": "From",
            "target": "To",
            "type": "Type",
            "directed": "Direction",
            "note": "Description" if note_from_description else "note",
            "tags": "Tags",
        },
    }
    where = {"actors": el_where, "relations": co_where, "sources": sources_where}
    by_file = {"actors.csv": el_where, "relations.csv": co_where, "sources.csv": sources_where}
    unknown = {"actor": _unknown_types(actors, "actor"), "relation": _unknown_types(relations, "relation")}

    co_cols = _lookup(connections) if connections is not None else {}
    missing = [name for name in ("Type", "Direction") if name.casefold() not in co_cols]

    def tidy(found: Sequence[Problem]) -> list[Problem]:
        found = _one_warning_per_type(found, unknown, {"actor": el_where, "relation": co_where})
        if missing:
            found = [_why_duplicate(p, co_where, missing) for p in found]
        return _rename_columns(found, where, names | {"sources": {}})

    try:
        ds = dataset_from_tables(
            {"actors.csv": actors, "relations.csv": relations, "sources.csv": sources_table},
            problems,
            version=version,
            label=label,
            where=lambda name: by_file.get(name, name),
        )
    except DataError as exc:
        raise DataError(tidy(exc.problems)) from None
    ds.warnings = tidy(ds.warnings)
    return ds


def _extra_columns(rows: Sequence[Mapping[str, Any]], skip: set[str], used: set[str]) -> list[tuple[str, str]]:
    """(our column, Kumu header) for every column not written otherwise, in order of first use."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for row in rows:
        for c in row:
            if c in seen or c in skip:
                continue
            seen.add(c)
            header = c[: -len(" (kumu)")] if c.endswith(" (kumu)") else c
            while header.casefold() in used:
                header += " (extra)"
            used.add(header.casefold())
            out.append((c, header))
    return out


def write_kumu(dataset: Dataset, lang: str = "en", positions: Mapping[Any, tuple[float, float]] | None = None) -> bytes:
    """The dataset as an .xlsx that Kumu imports (sheets Elements, Connections, Sources (ignore)).

    Types are written as display labels in ``lang``; see the module docstring for how
    ids, names and the other columns are laid out. ``positions`` (where each actor sits on
    our map) go in columns X and Y, which ``kumu_positions`` reads back.
    """
    actors, relations = dataset.actors, dataset.relations

    el_columns = ["ID", "Label", "Type", "Description"]
    if any("tags" in a for a in actors):
        el_columns.append("Tags")
    fields = [c for c in _ACTOR_FIELDS if any(a.get(c) for a in actors)]
    el_columns += fields
    if any(a.get("label") for a in actors):
        el_columns.append(SHORT_LABEL)
    if positions:
        el_columns += list(_XY)
    used = {c.casefold() for c in el_columns} | {"id", "label", "type", "description", "tags", "x", "y", *_ACTOR_FIELDS}
    used.add(SHORT_LABEL.casefold())
    extras = _extra_columns(actors, {*ACTOR_COLUMNS, "tags"}, used)
    el_columns += [header for _, header in extras]
    el_rows = []
    for a in actors:
        row = {
            "ID": a.get("id", ""),
            "Label": a.get("name", ""),
            "Type": vocab.label(a.get("type", ""), lang, "actor"),
            "Description": a.get("description", ""),
            "Tags": a.get("tags", ""),
        }
        row |= {c: a.get(c, "") for c in fields}
        row[SHORT_LABEL] = a.get("label", "")
        if positions and a.get("id") in positions:
            x, y = positions[a["id"]]
            row |= {"X": f"{x:.1f}", "Y": f"{y:.1f}"}
        row |= {header: a.get(c, "") for c, header in extras}
        el_rows.append(row)

    has_description = any("description" in r for r in relations)
    co_columns = ["ID"] if any("id" in r for r in relations) else []
    co_columns += ["From", "To", "Type", "Direction", "Description"]
    if any("tags" in r for r in relations):
        co_columns.append("Tags")
    fields_r = [c for c in _RELATION_FIELDS if any(r.get(c) for r in relations)]
    co_columns += fields_r
    if has_description:
        co_columns.append("note")
    used = {c.casefold() for c in co_columns} | {"id", "from", "to", "type", "direction", "description", "tags", "note"}
    used |= set(_RELATION_FIELDS)
    extras_r = _extra_columns(relations, {*RELATION_COLUMNS, "id", "tags", "description", "direction"}, used)
    co_columns += [header for _, header in extras_r]
    co_rows = []
    for r in relations:
        directed = r.get("directed", "") == "true"
        mutual = not directed and r.get("direction", "").casefold() == "mutual"
        row = {
            "ID": r.get("id", ""),
            "From": r.get("source", ""),
            "To": r.get("target", ""),
            "Type": vocab.label(r.get("type", ""), lang, "relation"),
            "Direction": "mutual" if mutual else ("directed" if directed else "undirected"),
            "Description": r.get("description", "") if has_description else r.get("note", ""),
            "Tags": r.get("tags", ""),
            "note": r.get("note", ""),
        }
        row |= {c: r.get(c, "") for c in fields_r}
        row |= {header: r.get(c, "") for c, header in extras_r}
        co_rows.append(row)

    sheets: list[tuple[str, Sequence[str], Sequence[Mapping[str, object]]]] = [
        ("Elements", el_columns, el_rows),
        ("Connections", co_columns, co_rows),
    ]
    if dataset.sources:
        sheets.append((SOURCES_SHEET, column_order(dataset.sources, SOURCE_COLUMNS), dataset.sources))
    return sheets_to_xlsx(sheets)


def kumu_positions(
    data_bytes: bytes, label: str, known: Iterable[Any] | None = None
) -> tuple[dict[str, tuple[float, float]], list[Problem]]:
    """The X and Y of a Kumu workbook's elements, by actor id as ``read_kumu`` gives it; empty without them.

    Read as positions.csv is (``io.positions.parse_positions``): an unknown id is a warning,
    a coordinate that is not a number raises ``PositionsError`` naming the sheet and row.
    """
    import csv
    import io

    from .positions import parse_positions

    problems: list[Problem] = []
    book = open_workbook(data_bytes, label)
    try:
        ws = kumu_sheets(book).get("elements")
        if ws is None:
            return {}, []
        where = f"{label} [sheet {ws.title}]"
        table = sheet_table(ws, ws.title, where, problems)
    finally:
        book.close()
    if table is None:
        return {}, []
    cols = _lookup(table)
    if "x" not in cols or "y" not in cols:
        return {}, []
    elements, *_ = _read_elements(table, "", [])
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(["id", "x", "y"])
    ids = dict(zip(elements.lines, (a["id"] for a in elements.rows)))  # rows without a label were skipped
    for row, line in zip(table.rows, table.lines):
        if line in ids and (row.get(cols["x"], "") or row.get(cols["y"], "")):
            out.writerow([ids[line], row.get(cols["x"], ""), row.get(cols["y"], "")])
    return parse_positions(buf.getvalue(), where, known=set(map(str, known)) if known is not None else None)
