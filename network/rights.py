"""Who may do what, decided by the code that does it, not by which widgets are drawn.

Two roles. A **viewer** reads the map, its sources and the team's assessments. An **editor**
may also write the data folder (tables, positions, saved views, undo) and read the team's
internal engagement log. On a read-only server (``NETWORK_READ_ONLY``) everyone is a viewer.

Every function of ``network/`` that writes the data folder or reads the engagement log takes
an ``Access`` and asks it first (``require_editor``); without an editor's right it raises
``NotAllowed`` (or ``ReadOnlyError`` on a read-only server), whatever the interface drew. The
app passes who is asking; the command line is a local user with the files, so an editor.

Examples
--------
>>> require_editor(LOCAL_EDITOR, "save the data")
>>> require_editor(VIEWER, "save the data")
Traceback (most recent call last):
  ...
network.rights.NotAllowed: save the data needs an editor's right: log in as an editor (you are a viewer)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .model import Problem
from .settings import Settings

__all__ = [
    "Access",
    "VIEWER",
    "LOCAL_EDITOR",
    "NotAllowed",
    "ReadOnlyError",
    "read_only",
    "editor",
    "require_editor",
    "may_edit",
    "engagement_log",
    "visible_problems",
    "INTERNAL_FILES",
]

Role = Literal["viewer", "editor"]


class NotAllowed(PermissionError):
    """The asking user lacks the right to do this (a viewer asked for an editor's action)."""


class ReadOnlyError(NotAllowed):
    """The server is read-only (``NETWORK_READ_ONLY``): nobody writes, nobody reads internal data."""


def read_only() -> bool:
    """True when ``NETWORK_READ_ONLY`` is 1, true, yes or on: nothing is written, everyone is a viewer.

    Read afresh each time (``Settings.from_env``); a value it cannot read raises SettingsError
    rather than leaving the server writable.
    """
    return Settings.from_env().read_only


@dataclass(frozen=True)
class Access:
    """Who is asking: a role, and a name for the record of a save (never shown to viewers)."""

    role: Role = "viewer"
    name: str = ""

    @property
    def is_editor(self) -> bool:
        """An editor's right, on a server that is not read-only."""
        return self.role == "editor" and not read_only()


VIEWER = Access("viewer")
LOCAL_EDITOR = Access("editor", "local")  # the command line: a user with the files on this machine


def editor(name: str) -> Access:
    """The access of a logged-in editor (or of the local user of ``make run``)."""
    return Access("editor", str(name) or "editor")


def may_edit(access: Access) -> bool:
    """Whether ``access`` may write the data folder and read the engagement log."""
    return isinstance(access, Access) and access.is_editor


def require_editor(access: Access, action: str) -> None:
    """Raise unless ``access`` may do ``action`` (a few words: "save the data", "undo a save" …)."""
    if read_only():
        raise ReadOnlyError(f"{action}: the explorer runs read-only (NETWORK_READ_ONLY), where everyone is a viewer")
    if not isinstance(access, Access):
        raise NotAllowed(f"{action} needs to know who is asking (an Access), not {type(access).__name__}")
    if access.role != "editor":
        raise NotAllowed(f"{action} needs an editor's right: log in as an editor (you are a viewer)")


def engagement_log(dataset: Any, access: Access) -> list[dict[str, str]]:
    """The team's internal engagement log of ``dataset``: for editors only.

    Every panel, count, map colouring and export of the log reads it through here, so a
    viewer's session never holds it, whatever it asks for.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> ds = SimpleNamespace(engagements=[{"date": "2026-01-05", "actors": "fnv", "kind": "call"}])
    >>> len(engagement_log(ds, LOCAL_EDITOR))
    1
    >>> engagement_log(ds, VIEWER)
    Traceback (most recent call last):
      ...
    network.rights.NotAllowed: read the engagement log needs an editor's right: log in as an editor (you are a viewer)
    """
    require_editor(access, "read the engagement log")
    rows: Sequence[Mapping[str, str]] = getattr(dataset, "engagements", None) or []
    return [dict(r) for r in rows]


INTERNAL_FILES = ("engagements.csv",)


def visible_problems(problems: Sequence[Any], access: Access) -> list[Any]:
    """``problems`` as ``access`` may read them: a viewer gets no detail of the internal log's rows.

    A problem in ``engagements.csv`` quotes its rows (names, dates, summaries), so a viewer sees
    only how many there are. Problems are ``network.model.Problem`` (``file`` names the file).

    Examples
    --------
    >>> from network.model import Problem
    >>> found = [Problem("data/engagements.csv", 3, "actors", "unknown actor 'anna-call'", "warning")]
    >>> [p.message for p in visible_problems(found, VIEWER)]
    ['1 problem(s) in the internal engagement log (an editor can see them)']
    >>> visible_problems(found, LOCAL_EDITOR) == found
    True
    """
    if may_edit(access):
        return list(problems)
    kept = [p for p in problems if not str(getattr(p, "file", "")).endswith(INTERNAL_FILES)]
    hidden = [p for p in problems if str(getattr(p, "file", "")).endswith(INTERNAL_FILES)]
    if hidden:
        severity = "error" if any(getattr(p, "severity", "") == "error" for p in hidden) else "warning"
        kept.append(
            Problem(
                INTERNAL_FILES[0],
                0,
                "",
                f"{len(hidden)} problem(s) in the internal engagement log (an editor can see them)",
                severity,
            )
        )
    return kept
