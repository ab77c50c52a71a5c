"""Where each actor sits on the map: ``positions.csv`` in the data folder (``id,x,y``), reviewed in git.

The reader sits beside the writer. Reading never trusts the file: a position of an actor
that is not in the data is a warning naming its line; a damaged file (no ``id,x,y``
header, a coordinate that is not a number, not text) raises :class:`PositionsError`
naming file, line and column. Writing is atomic, sorted by id and rounded to a tenth of a
pixel, so a diff in git shows exactly which actors moved.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Collection, Hashable, Mapping
from pathlib import Path
from typing import TypeVar

from ..model import Problem
from .atomic import write_bytes_atomic

__all__ = [
    "POSITIONS_FILE",
    "PositionsError",
    "parse_positions",
    "read_positions",
    "positions_text",
    "write_positions",
]

# Any kind of actor id: a Mapping is invariant in its keys, so Mapping[Hashable, …] would refuse a dict[str, …].
_Id = TypeVar("_Id", bound=Hashable)

POSITIONS_FILE = "positions.csv"
COLUMNS = ("id", "x", "y")
# A coordinate beyond this is not a place on a map anyone drew; refusing it keeps the layout sane.
MAX_COORDINATE = 1e7


class PositionsError(ValueError):
    """``positions.csv`` cannot be read; ``problems`` name file, line and column."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _number(text: str) -> float | None:
    try:
        value = float(text.strip().replace(",", "."))  # Dutch Excel writes 12,5
    except ValueError:
        return None
    return value if math.isfinite(value) and abs(value) <= MAX_COORDINATE else None


def parse_positions(
    text: str, name: str = POSITIONS_FILE, known: Collection[Hashable] | None = None
) -> tuple[dict[str, tuple[float, float]], list[Problem]]:
    """The positions in the CSV ``text`` and the warnings about it; PositionsError if it is damaged.

    Ids not in ``known`` (when given) and repeated ids are warnings naming the line; the
    first line of an id counts.

    Examples
    --------
    >>> pos, warnings = parse_positions("id,x,y\\nfnv,10,-20.5\\nghost,1,2\\n", known={"fnv"})
    >>> pos
    {'fnv': (10.0, -20.5)}
    >>> print(warnings[0])
    positions.csv:3: id: no actor 'ghost' in the data; this position is ignored
    """
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise PositionsError([Problem(name, 0, "", f"broken CSV quoting: {exc}")]) from None
    if not rows:
        raise PositionsError([Problem(name, 0, "", "the file is empty; expected the header id,x,y")])
    header = [c.strip().casefold() for c in rows[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise PositionsError([Problem(name, 1, missing[0], f"header has no column '{missing[0]}'; expected id,x,y")])
    at = {c: header.index(c) for c in COLUMNS}
    out: dict[str, tuple[float, float]] = {}
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {c: (row[i].strip() if i < len(row) else "") for c, i in at.items()}
        if not cells["id"]:
            errors.append(Problem(name, line, "id", "no actor id"))
            continue
        xy = []
        for c in ("x", "y"):
            value = _number(cells[c])
            if value is None:
                errors.append(Problem(name, line, c, f"'{cells[c][:40]}' is not a coordinate (a number)"))
            xy.append(value)
        if None in xy:
            continue
        ident = cells["id"]
        if known is not None and ident not in known:
            warnings.append(Problem(name, line, "id", f"no actor '{ident}' in the data; this position is ignored", "warning"))
            continue
        if ident in out:
            warnings.append(Problem(name, line, "id", f"'{ident}' is placed twice; the first line counts", "warning"))
            continue
        out[ident] = (float(xy[0]), float(xy[1]))  # type: ignore[arg-type]
    if errors:
        raise PositionsError(errors[:20])
    return out, warnings


def read_positions(
    folder: str | os.PathLike[str], known: Collection[Hashable] | None = None
) -> tuple[dict[str, tuple[float, float]], list[Problem]]:
    """The positions kept in ``folder/positions.csv`` ({} when there is none) and warnings about them."""
    path = Path(folder) / POSITIONS_FILE
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}, []
    except IsADirectoryError:
        raise PositionsError([Problem(name, 0, "", "is a folder, not a file")]) from None
    except OSError as exc:
        raise PositionsError([Problem(name, 0, "", f"cannot read the file: {exc.strerror}")]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PositionsError([Problem(name, 0, "", f"not UTF-8 text (byte {exc.start})")]) from None
    if "\x00" in text:
        raise PositionsError([Problem(name, 0, "", "this is not a text file (it contains NUL bytes)")])
    return parse_positions(text, name, known)


def positions_text(positions: Mapping[_Id, tuple[float, float]]) -> str:
    """``positions`` as the CSV text of positions.csv: sorted by id, a tenth of a pixel.

    >>> print(positions_text({"b": (1.04, 2.0), "a": (-3.0, 0.25)}), end="")
    id,x,y
    a,-3.0,0.2
    b,1.0,2.0
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for ident in sorted(positions, key=str):
        x, y = positions[ident]
        writer.writerow([ident, f"{float(x):.1f}", f"{float(y):.1f}"])
    return buf.getvalue()


def write_positions(folder: str | os.PathLike[str], positions: Mapping[_Id, tuple[float, float]]) -> Path:
    """Write ``positions`` to ``folder/positions.csv`` atomically (a reader sees the old or the new file)."""
    path = Path(folder) / POSITIONS_FILE
    write_bytes_atomic(path, positions_text(positions).encode("utf-8"))
    return path
