"""Save edits to a data folder safely: atomic, backed up, undoable, and aware of conflicts.

The rules, in the order ``save`` applies them:

1. **One writer at a time.** Saving holds an exclusive ``fcntl.flock`` on ``folder/.lock``;
   ``load`` holds a shared one, so it never reads a folder halfway through a save.
2. **No silent overwrite.** The caller passes ``base``: the hashes of the files as they
   were loaded (``load`` returns them with the data). If a file changed since then,
   another session saved in between, and ``save`` raises ConflictError naming the file.
3. **Never write a folder that does not load.** The new CSVs are written into a fresh
   staging folder inside the data folder and loaded with ``read_folder`` there; if
   that fails, DataError is raised and nothing in the folder changes.
4. **All files or none.** A ``COMMIT`` file (written atomically, fsynced) turns the staged
   files into a decision. Then the replaced files go to a backup, each staged file is
   renamed over its original (``os.replace``) and the folder is fsynced. A crash before
   ``COMMIT`` leaves the old files as they were (the staging folder is cleared away
   later); a crash after it is finished by the next ``load``, ``save`` or
   ``undo_last_save``, so readers never keep a mix of old and new files.
5. **Undo.** ``.backups/<UTC time>/`` keeps what each save replaced (the newest 20), with a
   record of which tables the save wrote and who saved (``SAVED.json``); ``undo_last_save``
   puts back the tables of the newest save of the tables asked for, by the same route, and
   drops that backup.
6. **Only editors write.** ``save``, ``save_tables`` and ``undo_last_save`` take the asking
   user's ``Access`` (:mod:`network.rights`) and raise ``NotAllowed`` for a viewer and
   ``ReadOnlyError`` on a read-only server, whatever the interface drew.

No name given by a user reaches a path: the files are always those of ``model.FILES``
(actors.csv, relations.csv, sources.csv and the team's optional assessments.csv and
engagements.csv), and staging and backup folders get generated names. ``save_tables``
writes any of them by the same route (the engagement log is saved on its own).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import math
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .io.atomic import fsync_dir, write_bytes_atomic
from .io.csvfile import parse_table, write_csv_atomic
from .io.folder import (
    BACKUP_DIR,
    COMMIT_NAME,
    KEEP_BACKUPS,
    STAGING_PREFIX,
    backups,
    locked,
    read_folder,
    read_only,
    reading,
    recover,
    roll_forward,
)
from .model import FILES, KNOWN_COLUMNS, REQUIRED, DataError, Dataset, Problem, Table
from .rights import Access, NotAllowed, ReadOnlyError, require_editor
from .validate import dataset_from_tables

__all__ = [
    "FILES",
    "ACTOR_KEY",
    "RELATION_KEY",
    "KEEP_BACKUPS",
    "ConflictError",
    "ReadOnlyError",
    "NotAllowed",
    "NothingToUndoError",
    "SaveRecord",
    "last_save",
    "SaveResult",
    "snapshot",
    "load",
    "diff",
    "save",
    "save_tables",
    "undo_last_save",
    "backups",
    "read_only",
    "is_curated",
    "check_curated",
    "check_edits",
    "review_edits",
    "Review",
]

ACTOR_KEY = "id"
# A relation has no id. It is keyed by what makes it the claim it is; what is said about
# it (date, evidence, note, directed) can then show as "changed". Two rows with the same
# key are told apart by their order (the 2nd such row is matched with the 2nd).
RELATION_KEY = ("source", "target", "type", "source_doc")


class ConflictError(Exception):
    """A file changed on disk since it was loaded: someone else saved in between."""

    def __init__(self, files: Sequence[str]):
        self.files = list(files)
        super().__init__(
            f"{', '.join(self.files)} changed since the data was loaded (another session saved); "
            "reload, redo your edits and save again"
        )


class NothingToUndoError(Exception):
    """There is no backup to restore."""


@dataclass
class SaveResult:
    """What a save (or undo) did: the new base for the next save, and the backup it made."""

    snapshot: dict[str, str]
    backup: str | None = None  # name of the backup folder under .backups/, if one was made
    dataset: Dataset | None = None  # the data as saved (None after an undo)
    warnings: list[Problem] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)  # after an undo: the tables put back
    record: SaveRecord | None = None  # after an undo: the save it undid


SAVED_NAME = "SAVED.json"  # in a backup: which tables that save wrote, who saved and when


@dataclass(frozen=True)
class SaveRecord:
    """One save that undo can take back: its backup, the tables it wrote, who saved and when (UTC)."""

    backup: str
    tables: tuple[str, ...]
    by: str = ""
    at: str = ""

    def describe(self) -> str:
        """ "relations.csv, saved 2026-12-07 14:02 UTC by anna" (what an undo button should say)."""
        when = self.at[:16].replace("T", " ") + " UTC" if self.at else self.backup
        return f"{', '.join(self.tables)}, saved {when}" + (f" by {self.by}" if self.by else "")


# -- small helpers -----------------------------------------------------------------------------


CURATED_MARK = ".curated"


def is_curated(folder: str | os.PathLike[str]) -> bool:
    """True for a curated folder (where every claim needs its source): one holding ``.curated``.

    The bundled ``data/`` holds the mark, reviewed in git like the data; a copy of it stays curated.
    """
    try:
        return (Path(folder) / CURATED_MARK).is_file()
    except OSError:
        return False


def check_curated(dataset: Dataset, curated: bool) -> list[Problem]:
    """Relations without a source document or a quote, or inferred without a note: errors when ``curated``, else warnings.

    ``line`` is the row's line in relations.csv as it is (or will be) written: row 1 of
    the list is line 2.
    """
    severity = "error" if curated else "warning"
    where = str(Path(dataset.directory) / "relations.csv") if dataset.directory else "relations.csv"
    problems = []
    for i, r in enumerate(dataset.relations):
        claim = f"{r.get('source', '')} → {r.get('target', '')} ({r.get('type', '')})"
        if not r.get("source_doc"):
            problems.append(Problem(where, i + 2, "source_doc", f"relation {claim} names no source document", severity))
        if not r.get("evidence"):
            problems.append(Problem(where, i + 2, "evidence", f"relation {claim} has no quote as evidence", severity))
        if r.get("basis") == "inferred" and not r.get("note", "").strip():
            problems.append(
                Problem(where, i + 2, "note", f"relation {claim} is inferred but its note does not say why", severity)
            )
    return problems


def check_edits(
    actors: Iterable[Mapping[str, Any]],
    relations: Iterable[Mapping[str, Any]],
    sources: Iterable[Mapping[str, Any]] | None = None,
    *,
    curated: bool = False,
) -> tuple[Dataset | None, list[Problem]]:
    """Validate edited rows as ``save`` would, without writing: for live feedback in a form.

    Returns the dataset (None when it would not load) and every problem, the
    source-and-quote check included. ``line`` is the row's position + 1, as the file
    will have it (the header is line 1).
    """
    rows = {"actors.csv": _clean(actors), "relations.csv": _clean(relations)}
    if sources is not None:
        rows["sources.csv"] = _clean(sources)
    tables = {name: Table(name, _columns(name, r, None), r, list(range(2, len(r) + 2))) for name, r in rows.items()}
    try:
        dataset = dataset_from_tables(tables, [], version="", label="edits")
    except DataError as exc:
        return None, exc.problems
    dataset.directory = ""  # not saved anywhere yet
    return dataset, dataset.warnings + check_curated(dataset, curated)


@dataclass
class Review:
    """What an edit changes and what is wrong with it, before anything is written."""

    changes: dict[str, dict[str, list[Any]]]  # "actors"/"relations" -> diff()
    problems: list[Problem]

    @property
    def count(self) -> int:
        return sum(len(items) for d in self.changes.values() for items in d.values())

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def review_edits(
    before: tuple[Sequence[Mapping[str, Any]], Sequence[Mapping[str, Any]]],
    actors: Sequence[Mapping[str, Any]],
    relations: Sequence[Mapping[str, Any]],
    sources: Sequence[Mapping[str, Any]] | None = None,
    *,
    curated: bool = False,
) -> Review:
    """The diff of edited actors and relations against ``before`` and every problem ``save`` would raise."""
    changes = {
        "actors": diff(before[0], actors, ACTOR_KEY),
        "relations": diff(before[1], relations, RELATION_KEY),
    }
    _, problems = check_edits(actors, relations, sources or None, curated=curated)
    return Review(changes, problems)


def _hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def snapshot(folder: str | os.PathLike[str]) -> dict[str, str]:
    """SHA-256 of each data file in ``folder`` (absent files are left out): the "base" of an edit.

    Take it under the same lock as the load (``load`` does), or a save in between goes unnoticed.
    """
    out = {}
    for name in FILES:
        digest = _hash(Path(folder) / name)
        if digest is not None:
            out[name] = digest
    return out


def _now_name(folder: Path) -> str:
    """A new backup name: the UTC time with microseconds, later than every existing one."""
    name = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    existing = backups(folder)
    if existing and name <= existing[-1]:
        last = _dt.datetime.strptime(existing[-1], "%Y%m%dT%H%M%S.%fZ")
        name = (last + _dt.timedelta(microseconds=1)).strftime("%Y%m%dT%H%M%S.%fZ")
    return name


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _clean(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Rows as the app may hand them (None, NaN, numbers) as plain text."""
    return [{str(k): _text(v) for k, v in row.items() if k is not None and str(k).strip()} for row in rows]


def _header(path: Path) -> list[str] | None:
    if not path.is_file():
        return None
    table = parse_table(path.read_bytes(), path.name, [])
    return table.columns if table is not None else None


def _columns(name: str, rows: Sequence[Mapping[str, str]], current: list[str] | None) -> list[str]:
    """Columns to write: the file's current header (a small git diff), plus what the rows need.

    A known column the file does not have yet is added only when some row fills it.
    """
    known = KNOWN_COLUMNS[name]
    columns = list(current) if current else list(known)
    for c in REQUIRED[name]:
        if c not in columns:
            columns.append(c)
    for c in known:
        if c not in columns and any(row.get(c) for row in rows):
            columns.append(c)
    for row in rows:
        for c in row:
            if c not in columns and c not in known:
                columns.append(c)
    return columns


def _check_base(folder: Path, base: Mapping[str, str]) -> dict[str, str]:
    current = snapshot(folder)
    changed = [name for name in FILES if current.get(name) != base.get(name)]
    if changed:
        raise ConflictError(changed)
    return current


# -- public API --------------------------------------------------------------------------------


def load(folder: str | os.PathLike[str]) -> tuple[Dataset, dict[str, str]]:
    """Load ``folder`` and the snapshot of exactly what was loaded: the base for ``save``.

    Reads as every reader does (an interrupted save finished first, then the shared lock
    held), so no save can slip in between reading and hashing.
    """
    path = Path(folder)
    if not path.is_dir():
        return read_folder(path), {}  # raises the loader's "not found" DataError
    with reading(path):
        base = snapshot(path)
        return read_folder(path), base


def diff(
    old_rows: Sequence[Mapping[str, Any]], new_rows: Sequence[Mapping[str, Any]], key: str | Sequence[str]
) -> dict[str, list[Any]]:
    """What changed between two versions of a table, for a "review before saving" view.

    ``key`` is the column (``ACTOR_KEY``) or columns (``RELATION_KEY``) that say which
    row is which. Rows whose key occurs more than once are matched in order. Returns
    ``{"added": [row], "removed": [row], "changed": [{"key", "old", "new", "columns"}]}``;
    values are compared as text, a missing column counts as empty.

    Examples
    --------
    >>> d = diff([{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], [{"id": "a", "name": "A2"}, {"id": "c", "name": "C"}], "id")
    >>> [r["id"] for r in d["added"]], [r["id"] for r in d["removed"]], d["changed"][0]["columns"]
    (['c'], ['b'], ['name'])
    """
    columns = (key,) if isinstance(key, str) else tuple(key)

    def keyed(rows: Sequence[Mapping[str, Any]]) -> dict[tuple[Any, ...], Mapping[str, Any]]:
        out: dict[tuple[Any, ...], Mapping[str, Any]] = {}
        counts: dict[tuple[str, ...], int] = {}
        for row in rows:
            k = tuple(_text(row.get(c)) for c in columns)
            counts[k] = counts.get(k, 0) + 1
            out[(*k, counts[k])] = row
        return out

    old, new = keyed(old_rows), keyed(new_rows)
    added = [row for k, row in new.items() if k not in old]
    removed = [row for k, row in old.items() if k not in new]
    changed = []
    for k, row in new.items():
        if k in old:
            before = old[k]
            cols = [c for c in dict.fromkeys([*before, *row]) if _text(before.get(c)) != _text(row.get(c))]
            if cols:
                shown = k[0] if len(columns) == 1 and k[-1] == 1 else k
                changed.append({"key": shown, "old": before, "new": row, "columns": cols})
    return {"added": added, "removed": removed, "changed": changed}


def save(
    folder: str | os.PathLike[str],
    actors: Iterable[Mapping[str, Any]],
    relations: Iterable[Mapping[str, Any]],
    sources: Iterable[Mapping[str, Any]] | None = None,
    *,
    base: Mapping[str, str],
    access: Access,
    curated: bool | None = None,
) -> SaveResult:
    """Write actors and relations (and sources, unless None: then sources.csv stays) to ``folder``.

    ``base`` is the snapshot from when the data was loaded (``load`` gives it). Raises
    ConflictError if a file changed since, DataError if the result would not load (or,
    for the curated folder, has a relation without source or quote), NotAllowed unless
    ``access`` is an editor's, ReadOnlyError in read-only mode. On success returns the new snapshot, the base for the next save.
    ``curated`` defaults to ``is_curated(folder)``.
    """
    tables: dict[str, Iterable[Mapping[str, Any]]] = {"actors.csv": actors, "relations.csv": relations}
    if sources is not None:
        tables["sources.csv"] = sources
    return save_tables(folder, tables, base=base, access=access, curated=curated)


def save_tables(
    folder: str | os.PathLike[str],
    tables: Mapping[str, Iterable[Mapping[str, Any]]],
    *,
    base: Mapping[str, str],
    access: Access,
    curated: bool | None = None,
) -> SaveResult:
    """Write the named files of ``FILES`` (name -> rows) to ``folder``; the others stay as they are.

    The same route as ``save``: lock, conflict check against ``base``, a staging folder that
    must load whole (every file checked against the others, e.g. an engagement naming an
    actor that is not there), a backup, and one commit. ``undo_last_save`` undoes it.

    Examples
    --------
    >>> import shutil, tempfile, pathlib
    >>> from network.io.folder import bundled_data_dir
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "data"
    >>> _ = shutil.copytree(bundled_data_dir().parent / "tests" / "data" / "good", folder)
    >>> from network.rights import LOCAL_EDITOR, VIEWER
    >>> _, base = load(folder)
    >>> row = {"date": "2026-01-05", "actors": "fnv", "kind": "call", "summary": "Agenda"}
    >>> result = save_tables(folder, {"engagements.csv": [row]}, base=base, access=LOCAL_EDITOR)
    >>> [e["summary"] for e in result.dataset.engagements]
    ['Agenda']
    >>> save_tables(folder, {"engagements.csv": []}, base=result.snapshot, access=VIEWER)
    Traceback (most recent call last):
      ...
    network.rights.NotAllowed: save engagements.csv needs an editor's right: log in as an editor (you are a viewer)
    """
    require_editor(access, f"save {', '.join(sorted(tables)) or 'the data'}")
    unknown = set(tables) - set(FILES)
    if unknown:
        raise ValueError(f"not a data file: {', '.join(sorted(unknown))}")
    path = Path(folder).resolve()
    if not path.is_dir():
        raise DataError([Problem(str(path), 0, "", "data folder not found")])
    curated = is_curated(path) if curated is None else curated
    new_rows = {name: _clean(rows) for name, rows in tables.items()}
    with locked(path, exclusive=True):
        recover(path)
        _check_base(path, base)
        with _staged(path) as staging:
            for name in FILES:
                target = path / name
                if name in new_rows:
                    write_csv_atomic(staging / name, _columns(name, new_rows[name], _header(target)), new_rows[name])
                    mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
                    os.chmod(staging / name, mode)  # mkstemp makes 0600; keep the file's mode
                elif target.is_file():
                    shutil.copyfile(target, staging / name)  # for the check only; not replaced
            try:
                dataset = read_folder(staging)
            except DataError as exc:
                raise DataError([_relabel(p, staging, path) for p in exc.problems]) from None
            dataset.directory = str(path)
            dataset.warnings = [_relabel(p, staging, path) for p in dataset.warnings]
            extra = check_curated(dataset, curated)
            if curated and any(p.severity == "error" for p in extra):
                raise DataError(extra)
            backup = _now_name(path)
            (staging / "backup").mkdir()
            for name in FILES:
                if (path / name).is_file():
                    _copy_synced(path / name, staging / "backup" / name)
            record = {"tables": [n for n in FILES if n in new_rows], "by": access.name, "at": _utc_now()}
            write_bytes_atomic(staging / "backup" / SAVED_NAME, json.dumps(record).encode("utf-8"))
            fsync_dir(staging / "backup")
            plan = {"backup": backup, "replace": list(new_rows), "delete": []}
            _commit(staging, plan)
        return SaveResult(snapshot(path), backup, dataset, dataset.warnings + [p for p in extra if p.severity == "warning"])


def _record(folder: Path, name: str) -> SaveRecord:
    """What backup ``name`` took back from; a backup from before records existed counts as every table it holds."""
    where = folder / BACKUP_DIR / name
    try:
        found = json.loads((where / SAVED_NAME).read_text(encoding="utf-8"))
        tables = tuple(t for t in FILES if t in found.get("tables", []))
        return SaveRecord(name, tables, str(found.get("by", ""))[:80], str(found.get("at", ""))[:40])
    except (OSError, ValueError, AttributeError):
        return SaveRecord(name, tuple(t for t in FILES if (where / t).is_file()))


def last_save(folder: str | os.PathLike[str], tables: Sequence[str] | None = None) -> SaveRecord | None:
    """The newest save that wrote any of ``tables`` (None: any table), which ``undo_last_save`` would take back.

    An undo button shows ``describe()`` of it, so an editor knows what will be put back.
    """
    path = Path(folder)
    wanted = set(FILES if tables is None else tables)
    for name in reversed(backups(path)):
        record = _record(path, name)
        if wanted & set(record.tables):
            return record
    return None


def undo_last_save(
    folder: str | os.PathLike[str], base: Mapping[str, str], *, access: Access, tables: Sequence[str] | None = None
) -> SaveResult:
    """Take back the newest save of ``tables`` (None: the newest save of any table), and drop its backup.

    Only the tables that save wrote are put back, as they were before it; a save of other
    tables made since stays (so undoing the engagement log never undoes an editor's save of
    relations). The result must load whole, as a save's must, or nothing changes. Same lock
    and conflict check as ``save``; raises NothingToUndoError without such a save, NotAllowed
    unless ``access`` is an editor's, ReadOnlyError on a read-only server. The result's
    ``record`` says which save was undone and ``restored`` which tables.
    """
    require_editor(access, "undo a save")
    unknown = set(tables or ()) - set(FILES)
    if unknown:
        raise ValueError(f"not a data file: {', '.join(sorted(unknown))}")
    path = Path(folder).resolve()
    with locked(path, exclusive=True):
        recover(path)
        _check_base(path, base)
        record = last_save(path, tables)
        if record is None:
            raise NothingToUndoError("there is no saved change to undo" + (f" in {', '.join(tables)}" if tables else ""))
        saved = path / BACKUP_DIR / record.backup
        with _staged(path) as staging:
            for name in FILES:
                if name in record.tables and (saved / name).is_file():
                    _copy_synced(saved / name, staging / name)
                elif name not in record.tables and (path / name).is_file():
                    shutil.copyfile(path / name, staging / name)  # for the check only; not replaced
            try:
                read_folder(staging)
            except DataError as exc:
                problems = [_relabel(p, staging, path) for p in exc.problems]
                raise DataError(
                    [Problem(str(path), 0, "", f"undoing {record.describe()} would leave data that does not load:")] + problems
                ) from None
            restore = [name for name in record.tables if (saved / name).is_file()]
            plan = {
                "backup": None,
                "replace": restore,
                # a table the undone save created goes again
                "delete": [name for name in record.tables if name not in restore and (path / name).exists()],
                "drop_backup": record.backup,
            }
            _commit(staging, plan)
        return SaveResult(snapshot(path), None, restored=list(record.tables), record=record)


def _utc_now() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@contextlib.contextmanager
def _staged(path: Path) -> Iterator[Path]:
    """A fresh staging folder in ``path``, rolled forward when the block ends.

    If the block fails before its commit marker is written, the folder goes and the data
    files are untouched; after the marker, it stays for ``_recover`` to finish.
    """
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=path))
    try:
        yield staging
    except BaseException:
        if not (staging / COMMIT_NAME).is_file():
            shutil.rmtree(staging, ignore_errors=True)
        raise
    roll_forward(path, staging)


def _commit(staging: Path, plan: Mapping[str, Any]) -> None:
    fsync_dir(staging)
    write_bytes_atomic(staging / COMMIT_NAME, json.dumps(plan).encode("utf-8"))
    fsync_dir(staging)


def _copy_synced(src: Path, dst: Path) -> None:
    shutil.copy2(src, dst)
    with open(dst, "rb+") as fh:
        os.fsync(fh.fileno())


def _relabel(p: Problem, staging: Path, folder: Path) -> Problem:
    """A problem found in the staging copy, named after the real file."""
    if p.file.startswith(str(staging)):
        return Problem(str(folder) + p.file[len(str(staging)) :], p.line, p.column, p.message, p.severity)
    return p
