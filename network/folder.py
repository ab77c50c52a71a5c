"""The data folder as one object: every read and write of it, under its one lock, with one change stamp.

A data folder holds the tables (actors.csv, relations.csv, sources.csv and the team's
assessments.csv and engagements.csv), ``positions.csv`` and the saved views in ``views/``.
:class:`DataFolder` is the way in for all of them:

- **One lock.** Reads hold the folder's shared lock (``.lock``, as ``load_dataset`` does),
  writes its exclusive one, so a reader never sees a view or positions file halfway
  through a change, and a read-modify-write (keeping dragged positions, renaming a view)
  is not interleaved with another session's. Building on :mod:`network.io.folder`'s
  ``locked``, which a thread may nest.
- **One change stamp.** ``stamp()`` is what the folder looks like on disk, from ``stat``
  calls only (no file is read): every table, ``positions.csv`` and each view file. A
  save, an undo, dragged positions, a view saved, renamed or deleted, or a ``git pull``
  changes it. A ``DataFolder`` carries the stamp it was opened at (``version``), so the
  one object can key a cache where a ``(folder, stamp)`` pair did.
- **Rights as before.** Every write takes the asking user's ``Access`` (:mod:`network.rights`)
  and is refused (``NotAllowed``, ``ReadOnlyError``) before the folder is touched; the
  engagement log is read only for an editor.

The module-level functions it calls (``store.save``, ``views.save_view``,
``positions.keep_positions`` …) stay for callers not yet moved; they take no lock of
their own for views.

Examples
--------
>>> import shutil, tempfile, pathlib
>>> from network.rights import LOCAL_EDITOR
>>> from network.settings import bundled_data_dir
>>> from network.view import ViewState
>>> path = pathlib.Path(tempfile.mkdtemp()) / "data"
>>> _ = shutil.copytree(bundled_data_dir().parent / "tests" / "data" / "good", path)
>>> folder = DataFolder.open(path)
>>> len(folder.load().actors)
7
>>> _ = folder.save_view("Coalitie", ViewState(themes=["csddd"]), access=LOCAL_EDITOR)
>>> folder.changed(), folder.list_views()
(True, ['Coalitie'])
>>> folder = folder.current()
>>> folder.changed()
False
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from . import positions as _positions
from . import store, views
from .io.folder import BACKUP_DIR, load_dataset, locked, read_folder, reading
from .io.positions import POSITIONS_FILE, read_positions
from .model import FILES, Dataset, Problem
from .rights import Access, engagement_log, require_editor
from .settings import Settings
from .view import ViewState

__all__ = ["DataFolder", "Stamp", "PARTS", "VIEWS_DIR", "stamp"]

VIEWS_DIR = "views"
ENGAGEMENTS = "engagements.csv"

# One entry per file: (name relative to the folder, mtime in ns, size, inode); a missing
# file is (name, 0, -1, 0). The inode tells an atomic replace (every save here is one)
# from the file it replaced even when both have the same size within one clock tick.
Stamp = tuple[tuple[str, int, int, int], ...]


PARTS = ("tables", "positions", "views")


def _part(name: str) -> str:
    return "views" if name.startswith(VIEWS_DIR + "/") else "positions" if name == POSITIONS_FILE else "tables"


def _entry(name: str, info: os.stat_result | None) -> tuple[str, int, int, int]:
    if info is None:
        return (name, 0, -1, 0)
    return (name, info.st_mtime_ns, info.st_size, info.st_ino)


def stamp(path: str | os.PathLike[str]) -> Stamp:
    """What the data folder ``path`` looks like on disk now, from ``stat`` calls only.

    Covers every table, ``positions.csv`` and each ``views/*.json``; equal stamps mean
    nothing a reader sees has changed. Taken without the lock: a stamp taken during a save
    only costs one more reload, as long as the caller takes it *before* reading.
    """
    base = Path(path)
    out = []
    for name in (*FILES, POSITIONS_FILE):
        try:
            info: os.stat_result | None = os.stat(base / name)
        except OSError:
            info = None
        out.append(_entry(name, info))
    try:
        with os.scandir(base / VIEWS_DIR) as found:
            entries = sorted((e for e in found if e.name.endswith(".json") and not e.name.startswith(".")), key=lambda e: e.name)
            for e in entries:
                try:
                    info = e.stat()
                except OSError:
                    info = None  # gone between the listing and the stat: it still counts as a change
                out.append(_entry(f"{VIEWS_DIR}/{e.name}", info))
    except OSError:
        pass  # no views folder: no saved views
    return tuple(out)


@dataclass(frozen=True)
class DataFolder:
    """One data folder, and the stamp it had when opened (``version``).

    Frozen and hashable: two objects are equal when they name the same folder at the same
    version, so the object itself is a cache key that changes when the folder does.
    """

    path: Path
    version: Stamp = ()

    # -- where, and which version ------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, settings: Settings | None = None) -> DataFolder:
        """The folder at ``path`` (default: the settings' data folder), stamped as it is now."""
        where = Path(path) if path is not None else (settings or Settings.from_env()).data_dir
        return cls(where, stamp(where))

    def stamp(self) -> Stamp:
        """The folder's stamp now (``stat`` calls only; see :func:`stamp`)."""
        return stamp(self.path)

    def changed(self) -> bool:
        """Whether anything in the folder changed on disk since this object's version."""
        return self.stamp() != self.version

    def current(self) -> DataFolder:
        """This folder at its version now: ``self`` when nothing changed, else a new object."""
        now = self.stamp()
        return self if now == self.version else dataclasses.replace(self, version=now)

    def only(self, *parts: str) -> DataFolder:
        """This folder with a version of some parts only: "tables", "positions", "views".

        A cache of the graph keyed by ``folder.only("tables")`` is not thrown away when a
        view is saved or an actor dragged; the full ``version`` changes with any of them.
        """
        unknown = set(parts) - set(PARTS)
        if unknown:
            raise ValueError(f"not a part of a data folder: {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
        return dataclasses.replace(self, version=tuple(e for e in self.version if _part(e[0]) in parts))

    @property
    def views_dir(self) -> Path:
        """Where saved views live: ``<folder>/views``."""
        return self.path / VIEWS_DIR

    @property
    def curated(self) -> bool:
        """Whether every claim saved here needs its source (``store.is_curated``)."""
        return store.is_curated(self.path)

    # -- the lock ----------------------------------------------------------------------------

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Hold the shared lock (after finishing a save a crash interrupted): no write gets in."""
        with reading(self.path):
            yield

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the exclusive lock: no reader or other writer gets in. Check the user's right first."""
        with locked(self.path, exclusive=True):
            yield

    # -- tables ------------------------------------------------------------------------------

    def load(self) -> Dataset:
        """Load and validate the tables; DataError lists every problem (``load_dataset``)."""
        return load_dataset(self.path)

    def load_for_edit(self) -> tuple[Dataset, dict[str, str]]:
        """The tables and the base a save checks against, read under one lock (``store.load``)."""
        return store.load(self.path)

    def save(
        self,
        actors: Iterable[Mapping[str, Any]],
        relations: Iterable[Mapping[str, Any]],
        sources: Iterable[Mapping[str, Any]] | None = None,
        *,
        base: Mapping[str, str],
        access: Access,
        curated: bool | None = None,
    ) -> store.SaveResult:
        """Write actors and relations (and sources): ``store.save``, with its checks and backup."""
        return store.save(self.path, actors, relations, sources, base=base, access=access, curated=curated)

    def save_tables(
        self,
        tables: Mapping[str, Iterable[Mapping[str, Any]]],
        *,
        base: Mapping[str, str],
        access: Access,
        curated: bool | None = None,
    ) -> store.SaveResult:
        """Write the named tables (name -> rows): ``store.save_tables``."""
        return store.save_tables(self.path, tables, base=base, access=access, curated=curated)

    def undo_last_save(self, base: Mapping[str, str], *, access: Access, tables: Sequence[str] | None = None) -> store.SaveResult:
        """Take back the newest save of ``tables``: ``store.undo_last_save``."""
        return store.undo_last_save(self.path, base, access=access, tables=tables)

    def last_save(self, tables: Sequence[str] | None = None) -> store.SaveRecord | None:
        """The save an undo of ``tables`` would take back (``store.last_save``), read under the lock."""
        with self.reading():
            return store.last_save(self.path, tables)

    def backups(self) -> list[str]:
        """The names of the backups of earlier saves, oldest first."""
        with self.reading():
            return store.backups(self.path)

    def load_backup(self, name: str) -> Dataset:
        """The tables as backup ``name`` (one of ``backups()``) keeps them, read under the lock.

        Under the lock because an undo drops the backup it restores; a name that is not a
        backup raises FileNotFoundError, so no name reaches a path unchecked.
        """
        with self.reading():
            if name not in store.backups(self.path):
                raise FileNotFoundError(f"no backup named {name!r}")
            return read_folder(self.path / BACKUP_DIR / name)

    # -- the engagement log (internal: editors only) -----------------------------------------

    def engagements(self, access: Access) -> list[dict[str, str]]:
        """The team's engagement log; NotAllowed for a viewer, before anything is read."""
        require_editor(access, "read the engagement log")
        return engagement_log(self.load(), access)

    def save_engagements(self, rows: Iterable[Mapping[str, Any]], *, base: Mapping[str, str], access: Access) -> store.SaveResult:
        """Write the engagement log on its own (the other tables stay): ``store.save_tables``."""
        return self.save_tables({ENGAGEMENTS: rows}, base=base, access=access)

    # -- positions ---------------------------------------------------------------------------

    def kept_positions(self, known: Collection[Hashable] | None = None) -> tuple[dict[str, tuple[float, float]], list[Problem]]:
        """What ``positions.csv`` keeps ({} without it) and warnings; PositionsError when it is damaged."""
        with self.reading():
            return read_positions(self.path, known)

    def positions(self, G: nx.Graph) -> tuple[dict[Hashable, tuple[float, float]], list[object]]:
        """Where every actor of ``G`` sits: kept ones from ``positions.csv``, the rest placed (``positions.load_positions``)."""
        return _positions.load_positions(G, self.path)

    def keep_positions(self, moved: Mapping[Hashable, tuple[float, float]], *, access: Access) -> Path:
        """Save positions dragged in the app; the others stay as the file has them (editors only)."""
        return _positions.keep_positions(self.path, moved, access=access)

    def reset_positions(self, G: nx.Graph, *, access: Access) -> dict[Hashable, tuple[float, float]]:
        """Re-arrange every actor (the seeded layout) and save it (editors only)."""
        return _positions.reset_positions(G, self.path, access=access)

    # -- saved views -------------------------------------------------------------------------

    def list_views(self) -> list[str]:
        """Names of the saved views, sorted ([] when there is none)."""
        with self.reading():
            return views.list_views(self.views_dir)

    def load_view(self, name: str) -> ViewState:
        """The state saved as view ``name``; FileNotFoundError, or ValueError naming a damaged file."""
        with self.reading():
            return views.load_view(self.views_dir, name)

    def load_views(self, names: Sequence[str] | None = None) -> dict[str, ViewState]:
        """Several saved views (default: all) read under one lock, so they are of one moment."""
        with self.reading():
            chosen = list(names) if names is not None else views.list_views(self.views_dir)
            return {name: views.load_view(self.views_dir, name) for name in chosen}

    def save_view(self, name: str, state: ViewState, *, access: Access, overwrite: bool = False) -> Path:
        """Save ``state`` as view ``name`` (editors only): ``views.save_view``."""
        require_editor(access, "save a view")
        with self.writing():
            return views.save_view(self.views_dir, name, state, access=access, overwrite=overwrite)

    def rename_view(self, old: str, new: str, *, access: Access, overwrite: bool = False) -> Path:
        """Rename view ``old`` to ``new`` (editors only): ``views.rename_view``."""
        require_editor(access, "rename a view")
        with self.writing():
            return views.rename_view(self.views_dir, old, new, access=access, overwrite=overwrite)

    def delete_view(self, name: str, *, access: Access) -> None:
        """Delete view ``name`` (editors only): ``views.delete_view``."""
        require_editor(access, "delete a view")
        with self.writing():
            views.delete_view(self.views_dir, name, access=access)
