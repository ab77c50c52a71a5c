"""The data folder on disk: where it is, reading it whole, and never reading half a save.

A folder holds actors.csv, relations.csv and (optionally) sources.csv, assessments.csv and
engagements.csv (the team's own scores and meeting log). Every reader (the
app, the command line, exports) goes through ``load_dataset``: it first finishes or
rolls back a save that a crash interrupted, then reads under the folder's shared lock, so
it sees the old or the new data of a save, never a mix. Writers (:mod:`network.store`)
take the same lock exclusively and stage their files as this module's recovery expects:
a ``.staging-*`` folder that counts only once its ``COMMIT`` plan is written.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import FILES, MAP_FILES, OPTIONAL_FILES, DataError, Dataset, Problem, Table
from ..rights import read_only as _read_only
from ..settings import Settings, bundled_data_dir
from ..validate import ProblemLog, dataset_from_tables
from .atomic import fsync_dir
from .csvfile import parse_table

__all__ = [
    "default_data_dir",
    "read_only",
    "bundled_data_dir",
    "read_folder",
    "load_dataset",
    "locked",
    "holds_lock",
    "recover",
    "reading",
    "stagings",
    "roll_forward",
    "backups",
    "LOCK_NAME",
    "BACKUP_DIR",
    "STAGING_PREFIX",
    "COMMIT_NAME",
    "KEEP_BACKUPS",
    "MAX_FILE_BYTES",
]

LOCK_NAME = ".lock"
BACKUP_DIR = ".backups"
STAGING_PREFIX = ".staging-"
COMMIT_NAME = "COMMIT"
KEEP_BACKUPS = 20
MAX_FILE_BYTES = 200 * 1024 * 1024
_BACKUP_RE = re.compile(r"^\d{8}T\d{6}\.\d{6}Z$")


def read_only() -> bool:
    """True when ``NETWORK_READ_ONLY`` is 1, true or yes: nothing is written, and the app hides editing."""
    return _read_only()


def default_data_dir() -> Path:
    """The folder the app and CLI read: ``$NETWORK_DATA_DIR`` or the bundled ``data/`` (``Settings.data_dir``)."""
    return Settings.from_env().data_dir


def _check_member(folder: Path, name: str, log: ProblemLog) -> Path | None:
    """The path of one data file fit to read, or None with a problem saying why it cannot be read."""
    path = folder / name
    label = str(path)
    try:
        info = path.lstat()
    except FileNotFoundError:
        if name not in OPTIONAL_FILES:
            log.add(Problem(label, 0, "", "file is missing"))
        return None
    except OSError as exc:
        log.add(Problem(label, 0, "", f"cannot read the file: {exc.strerror}"))
        return None
    if stat.S_ISLNK(info.st_mode):
        try:
            inside = path.resolve(strict=True).is_relative_to(folder.resolve())
        except OSError:
            inside = False
        if not inside:
            log.add(Problem(label, 0, "", "is a link to a file outside the data folder; refused"))
            return None
        info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        log.add(Problem(label, 0, "", "is a folder, not a file"))
        return None
    if not stat.S_ISREG(info.st_mode):
        log.add(Problem(label, 0, "", "is not a regular file (a pipe or device?); refused"))
        return None
    if info.st_size > MAX_FILE_BYTES:
        log.add(Problem(label, 0, "", f"is {info.st_size / 2**20:.0f} MB; at most {MAX_FILE_BYTES // 2**20} MB is read"))
        return None
    return path


def read_folder(directory: str | os.PathLike[str]) -> Dataset:
    """Read and validate a folder as it is, without its lock; raise DataError listing every problem.

    Use ``load_dataset``: this is for a folder nobody else writes (a save's staging folder).
    """
    folder = Path(directory)
    log = ProblemLog()
    tables: dict[str, Table | None] = {}
    digest = hashlib.sha256()
    if not folder.is_dir():
        raise DataError([Problem(str(folder), 0, "", "data folder not found")])
    for name in FILES:
        path = _check_member(folder, name, log)
        tables[name] = None
        if path is None:
            continue
        try:
            # Read from the open file in steps, never held whole: a big file costs its rows, not its bytes too.
            with open(path, "rb") as fh:
                if name in MAP_FILES:  # the team's own files do not change the map's data version
                    digest.update(name.encode() + b"\0")
                    while chunk := fh.read(1 << 22):
                        digest.update(chunk)
                    digest.update(b"\0")
                table = parse_table(fh, str(folder / name), log)
        except OSError as exc:
            log.add(Problem(str(path), 0, "", f"cannot read the file: {exc.strerror}"))
            continue
        if table is not None:
            table.name = name
        tables[name] = table
    return dataset_from_tables(tables, log.problems(), digest.hexdigest()[:12], str(folder), lambda name: str(folder / name))


# The folder locks this thread holds: realpath -> [exclusive, fd or None, depth]. A second
# flock on a new fd of the same file would wait for the first (per open file, even in one
# thread), so a nested ``locked`` reuses the lock held; other threads open their own fd and
# so wait for this one, as other processes do.
_held = threading.local()


def _locks() -> dict[str, list[Any]]:
    found: dict[str, list[Any]] | None = getattr(_held, "locks", None)
    if found is None:
        found = _held.locks = {}
    return found


def holds_lock(folder: str | os.PathLike[str], exclusive: bool = False) -> bool:
    """Whether this thread holds ``folder``'s lock (exclusively, when ``exclusive``)."""
    entry = _locks().get(os.path.realpath(folder))
    return entry is not None and (entry[0] or not exclusive)


@contextlib.contextmanager
def locked(folder: str | os.PathLike[str], exclusive: bool) -> Iterator[int | None]:
    """Hold ``folder/.lock`` (flock). Yields the fd, or None when the folder is not writable.

    Nested in a lock this thread already holds on the folder, it holds that one (a shared
    lock inside an exclusive one is the exclusive one); asking for the exclusive lock
    inside a shared one raises RuntimeError, as waiting for it would wait for ourselves.
    """
    key = os.path.realpath(folder)
    held = _locks()
    entry = held.get(key)
    if entry is not None:
        if exclusive and not entry[0]:
            raise RuntimeError(f"{folder}: cannot take the exclusive lock while this thread holds the shared one")
        entry[2] += 1
        try:
            yield entry[1]
        finally:
            entry[2] -= 1
        return
    try:
        fd = os.open(Path(folder) / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        if exclusive:
            raise
        fd = -1  # a read-only folder: nobody can save there, so nothing to wait for
    try:
        if fd >= 0:
            fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        held[key] = [exclusive, fd if fd >= 0 else None, 1]
        try:
            yield fd if fd >= 0 else None
        finally:
            del held[key]
    finally:
        if fd >= 0:
            os.close(fd)  # closing releases the lock


def backups(folder: str | os.PathLike[str]) -> list[str]:
    """Names of the backups in ``folder/.backups``, oldest first."""
    root = Path(folder) / BACKUP_DIR
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and _is_backup_name(p.name))


def _is_backup_name(name: str) -> bool:
    return bool(_BACKUP_RE.match(name))


def stagings(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob(STAGING_PREFIX + "*") if p.is_dir())


def roll_forward(folder: Path, staging: Path) -> None:
    """Carry out a committed staging folder (again): every step may already be done."""
    plan = json.loads((staging / COMMIT_NAME).read_text(encoding="utf-8"))
    backup = plan.get("backup")
    if backup and _is_backup_name(backup) and (staging / "backup").is_dir():
        (folder / BACKUP_DIR).mkdir(exist_ok=True)
        os.replace(staging / "backup", folder / BACKUP_DIR / backup)
        fsync_dir(folder / BACKUP_DIR)
    for name in plan.get("replace", []):
        if name in FILES and (staging / name).is_file():
            os.replace(staging / name, folder / name)
    for name in plan.get("delete", []):
        if name in FILES:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(folder / name)
    fsync_dir(folder)
    drop = plan.get("drop_backup")
    if drop and _is_backup_name(drop):
        shutil.rmtree(folder / BACKUP_DIR / drop, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)
    for old in backups(folder)[:-KEEP_BACKUPS]:
        shutil.rmtree(folder / BACKUP_DIR / old, ignore_errors=True)


def recover(folder: str | os.PathLike[str]) -> None:
    """Under the exclusive lock: finish committed saves, clear away uncommitted ones."""
    path = Path(folder)
    for staging in stagings(path):
        if (staging / COMMIT_NAME).is_file():
            roll_forward(path, staging)
        else:
            shutil.rmtree(staging, ignore_errors=True)


def _interrupted(folder: Path) -> bool:
    return any((s / COMMIT_NAME).is_file() for s in stagings(folder))


@contextlib.contextmanager
def reading(folder: str | os.PathLike[str]) -> Iterator[None]:
    """A consistent moment to read ``folder``: an interrupted save finished, then the shared lock."""
    path = Path(folder)
    if holds_lock(path):  # nested: whoever took the outer lock finished an interrupted save first
        yield
        return
    if path.is_dir() and _interrupted(path):
        with contextlib.suppress(OSError), locked(path, exclusive=True):
            recover(path)
    with locked(path, exclusive=False) if path.is_dir() else contextlib.nullcontext():
        yield


def load_dataset(directory: str | os.PathLike[str] | None = None) -> Dataset:
    """Load and validate a data folder; raise DataError listing every problem.

    This is the one loader every reader shares: it never sees half of a save.

    Examples
    --------
    >>> len(load_dataset(bundled_data_dir().parent / "tests" / "data" / "good").actors)
    7
    """
    folder = Path(directory) if directory is not None else default_data_dir()
    with reading(folder):
        return read_folder(folder)
