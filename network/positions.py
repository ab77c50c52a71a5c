"""Positions kept in the data folder: read, placed where missing, re-arranged and saved.

Positions belong to the data (issue 11): ``data_positions`` reads ``positions.csv``
from the data folder and places only the actors it does not list, each next to its
neighbours (``layout.place_missing``), so adding an actor moves no other.
``reset_positions`` re-arranges everything, explicitly; ``keep_positions`` saves
positions dragged in the app. Both write only for an editor on a writable server.
The file format itself is ``network.io.positions``'s.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Mapping
from pathlib import Path

import networkx as nx

from .io.folder import locked, reading
from .layout import label_layout, place_missing
from .rights import Access, ReadOnlyError, read_only, require_editor

__all__ = [
    "data_positions",
    "load_positions",
    "reset_positions",
    "keep_positions",
    "check_writable",
]


def load_positions(
    G: nx.Graph, folder: str | os.PathLike[str] | None = None
) -> tuple[dict[Hashable, tuple[float, float]], list[object]]:
    """Positions for every node of ``G`` from ``folder/positions.csv``, and the problems reading it.

    Kept positions are used as they are; actors the file does not list are placed next to
    their neighbours (``place_missing``). No file: the computed layout (``label_layout``). A damaged file: the
    computed layout too, and its error among the problems (the file is left as it is).
    """
    from .io.positions import PositionsError, read_positions

    where = _folder(G, folder)
    if where is None:
        return label_layout(G), []
    try:
        with reading(where):  # the data folder's shared lock: never a file halfway through a save
            kept, problems = read_positions(where, known=set(G.nodes))
    except PositionsError as exc:
        return label_layout(G), list(exc.problems)
    if not kept:
        return label_layout(G), list(problems)
    return place_missing(G, kept), list(problems)


def data_positions(G: nx.Graph, folder: str | os.PathLike[str] | None = None) -> dict[Hashable, tuple[float, float]]:
    """Positions for every node of ``G``: kept ones from the data folder, the rest placed (``load_positions``).

    ``folder`` defaults to ``G.graph["directory"]`` when the graph says where it came from,
    else the default data folder when its positions cover most of ``G``.
    """
    return load_positions(G, folder)[0]


def _folder(G: nx.Graph, folder: str | os.PathLike[str] | None) -> Path | None:
    if folder is not None:
        return Path(folder)
    if G.graph.get("directory"):
        return Path(G.graph["directory"])
    from .io.folder import default_data_dir
    from .io.positions import PositionsError, read_positions

    # A graph that does not say where it came from: the default folder's positions, when they
    # are this data's (most actors listed), not another data set's.
    base = default_data_dir()
    try:
        with reading(base):
            kept, _ = read_positions(base, known=set(G.nodes))
    except PositionsError:
        return None
    return base if kept and len(kept) * 2 >= G.number_of_nodes() else None


def reset_positions(G: nx.Graph, folder: str | os.PathLike[str], *, access: Access) -> dict[Hashable, tuple[float, float]]:
    """Re-arrange every actor (the seeded layout) and write it to ``folder/positions.csv`` (editors only)."""
    from .io.positions import write_positions

    check_writable(access)
    positions = label_layout(G)
    with locked(folder, exclusive=True):
        write_positions(folder, positions)
    return positions


def keep_positions(folder: str | os.PathLike[str], positions: Mapping[Hashable, tuple[float, float]], *, access: Access) -> Path:
    """Save ``positions`` (e.g. dragged in the app) in ``folder/positions.csv``, atomically.

    Actors not in ``positions`` keep the place the file gives them. Refused with
    NotAllowed for a viewer and ReadOnlyError on a read-only server; a damaged positions.csv raises PositionsError
    and is not overwritten (fix it, or re-arrange with ``reset_positions``).
    """
    from .io.positions import read_positions, write_positions

    check_writable(access)
    # Read, merge and write under the exclusive lock: two sessions dragging at once both keep their moves.
    with locked(folder, exclusive=True):
        kept, _ = read_positions(folder)
        kept.update({str(n): (float(x), float(y)) for n, (x, y) in positions.items()})
        return write_positions(folder, kept)


def check_writable(access: Access) -> None:
    """Raise ReadOnlyError on a read-only server (``NETWORK_READ_ONLY``), NotAllowed for a viewer."""
    from .i18n import t

    if read_only():
        raise ReadOnlyError(t("positions_read_only"))
    require_editor(access, "keep positions")
