"""What the commands share: where the data is, loading it, naming actors, and printing text or JSON.

A :class:`CommandError` is a problem the user can fix; :func:`network.cli.main` prints it as one line and
exits 1.
"""

from __future__ import annotations

import argparse
import gc
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from .. import vocabulary as vocab
from ..folder import DataFolder
from ..graph import UnknownActorError, build_graph, resolve_actor
from ..model import DataError, parse_date
from ..settings import Settings

__all__ = [
    "CommandError",
    "actor_of",
    "built",
    "data_folder",
    "dataset",
    "date_arg",
    "emit",
    "graph_of",
    "load",
    "loaded",
    "name_of",
    "relation_types",
    "where",
]


class CommandError(Exception):
    """A problem the user can fix; printed as one line, exit 1."""


def load(path: Path) -> Any:
    # A folder of CSVs (read through its DataFolder, under its lock), an .xlsx workbook of ours, or a Kumu spreadsheet.
    from ..io.uploads import load_any

    return DataFolder(path).load() if path.is_dir() else load_any(path)


def where(args: argparse.Namespace) -> Path:
    """What the command reads: ``--data`` (a folder or a workbook), else the settings' data folder."""
    given = getattr(args, "dir", None) or args.data
    if given:
        return Path(given)
    settings = getattr(args, "settings", None) or Settings.from_env()  # set by main; a caller of a command function may not
    return settings.data_dir


def data_folder(args: argparse.Namespace) -> DataFolder:
    """The data folder the command reads and writes (its tables, positions and saved views)."""
    return DataFolder(where(args))


def dataset(args: argparse.Namespace) -> Any:
    """The data the command reads (``--data`` or the default folder); CommandError when it does not load."""
    folder = where(args)
    try:
        return load(folder)
    except DataError as exc:
        lines = [str(p) for p in exc.errors]
        raise CommandError(f"{folder} did not load; run `python -m network validate {folder}`:\n" + "\n".join(lines)) from None


def graph_of(args: argparse.Namespace) -> nx.MultiDiGraph:
    return built(dataset(args))


def built(ds: Any) -> nx.MultiDiGraph:
    G = build_graph(ds)
    # The data lives until the command ends: the garbage collector need not scan it again on each
    # collection that laying out and drawing set off (0.25 s of a 10,000-actor export; issue 13).
    gc.freeze()
    return G


def loaded(args: argparse.Namespace) -> tuple[Any, nx.MultiDiGraph]:
    """The data set (with the team's assessments and engagement log) and its graph."""
    ds = dataset(args)
    return ds, built(ds)


def actor_of(G: nx.MultiDiGraph, name: str) -> Any:
    try:
        return resolve_actor(G, name)
    except UnknownActorError as exc:
        raise CommandError(str(exc)) from None


def relation_types(values: Sequence[str]) -> list[str]:
    out = []
    for v in values:
        key = vocab.normalise_relation_type(v)
        if key is None:
            raise CommandError(f"unknown relation type '{v}'; known: {', '.join(vocab.RELATION_TYPES)}")
        out.append(key)
    return out


def date_arg(flag: str, value: str | None) -> str:
    if value and parse_date(value) is None:
        raise CommandError(f"{flag} '{value}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return value or ""


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


def name_of(G: nx.MultiDiGraph, n: Any) -> str:
    return str(G.nodes[n].get("name", n))
