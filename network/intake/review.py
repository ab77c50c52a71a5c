"""The review as files: proposals out to a CSV an editor marks up, the accepted rows in through ``network.store``.

``proposals_csv(proposal)`` writes one row per proposal: the document, each actor, each claim,
with an empty ``accept`` column. The editor writes ``yes`` (or ``ja``, ``x``, ``1``) in it for what
is right, may correct any cell of an accepted row (a type, a target, a shorter quote, the document's
date, which its claims take unless one is dated on its own row), and may put
an existing actor's id in ``merge_into`` to use it for a proposed one. ``apply_proposals`` then adds
the accepted actors and claims, and registers the document in ``sources.csv``, in one save: the
same checks, atomic write, backup and undo as every edit. Rows not accepted are never written.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..io.atomic import write_bytes_atomic
from ..io.csvfile import csv_text, parse_table
from ..model import RELATION_COLUMNS, SOURCE_COLUMNS, DataError, Problem
from ..rights import Access, require_editor
from ..store import SaveResult, load, save
from ..verify import quote_in
from . import Proposal

__all__ = ["COLUMNS", "proposals_csv", "read_proposals", "apply_proposals", "Applied", "accepted", "keep_document"]

COLUMNS = (
    "accept",
    "record",
    "id",
    "name",
    "actor_type",
    "same_as",
    "merge_into",
    "source",
    "target",
    "type",
    "directed",
    "date",
    "evidence",
    "basis",
    "note",
    "page",
    "start",
    "end",
    "cue",
    "title",
    "kind",
    "authors",
    "addressed_to",
    "file",
    "date_note",
)
_YES = {"yes", "y", "ja", "j", "x", "1", "true", "accept", "accepted"}


def accepted(row: Mapping[str, str]) -> bool:
    return (row.get("accept") or "").strip().casefold() in _YES


def proposal_rows(proposal: Proposal) -> list[dict[str, Any]]:
    """The proposal as review rows: the document first, then the new actors, then the claims."""
    d = proposal.document
    rows: list[dict[str, Any]] = [{"record": "document", **{k: d.get(k, "") for k in SOURCE_COLUMNS}}]
    for a in proposal.actors:
        if not a.get("existing"):
            rows.append(
                {"record": "actor", "id": a["id"], "name": a["name"], "actor_type": a["type"], "same_as": a.get("same_as", "")}
            )
    for c in proposal.claims:
        rows.append(
            {
                "record": "claim",
                "source": c.source,
                "target": c.target,
                "type": c.type,
                "directed": "true" if c.directed else "false",
                "date": "",  # the document's date (its row above), unless the editor dates the claim
                "evidence": c.quote,
                "basis": c.basis,
                "note": c.note,
                "page": c.page,
                "start": c.start,
                "end": c.end,
                "cue": c.cue,
            }
        )
    return rows


def proposals_csv(proposal: Proposal) -> str:
    """The review file's text (cells a spreadsheet would run as formulas are neutralised)."""
    return csv_text(proposal_rows(proposal), COLUMNS)


def read_proposals(data: bytes, name: str = "proposals.csv") -> list[dict[str, str]]:
    """The rows of a review file; DataError naming the file when it is not one."""
    problems: list[Problem] = []
    table = parse_table(data, name, problems)
    if table is None or problems and any(p.severity == "error" for p in problems):
        raise DataError(problems or [Problem(name, 0, "", "not a proposals file")])
    missing = [c for c in ("accept", "record") if c not in table.columns]
    if missing:
        raise DataError([Problem(name, 1, missing[0], "not a proposals file: no such column (write it with intake --out)")])
    return [dict(r) for r in table.rows]


@dataclass
class Applied:
    """What an apply did: the rows added, the document registered, and the save (None when nothing was accepted)."""

    actors: list[str] = field(default_factory=list)
    relations: int = 0
    document: str = ""
    registered: bool = False
    result: SaveResult | None = None


def apply_proposals(
    folder: str | os.PathLike[str],
    rows: Sequence[Mapping[str, str]],
    *,
    access: Access,
    document_text: str | None = None,
    name: str = "proposals.csv",
) -> Applied:
    """Add the accepted rows to the data ``folder`` in one save; DataError (nothing written) when any is wrong.

    With ``document_text`` every accepted quote must appear in it, as ``verify`` will check.
    """
    ds, base = load(folder)
    doc_rows = [r for r in rows if r.get("record") == "document"]
    if len(doc_rows) != 1:
        raise DataError([Problem(name, 0, "record", "a proposals file holds exactly one document row")])
    doc = {k: (doc_rows[0].get(k) or "").strip() for k in SOURCE_COLUMNS}
    if not doc["id"]:
        raise DataError([Problem(name, 2, "id", "the document row needs an id")])
    known = {a["id"] for a in ds.actors}
    merges: dict[str, str] = {}
    new_actors: list[dict[str, str]] = []
    problems: list[Problem] = []
    for line, r in enumerate(rows, start=2):
        if r.get("record") != "actor":
            continue
        into = (r.get("merge_into") or "").strip()
        if into:
            if into not in known:
                problems.append(Problem(name, line, "merge_into", f"no actor '{into}' in the data to merge into"))
            merges[r["id"]] = into
        elif accepted(r) and r["id"] not in known:
            new_actors.append({"id": r["id"], "name": r.get("name", ""), "type": r.get("actor_type", "")})
    ids = known | {a["id"] for a in new_actors}
    relations: list[dict[str, str]] = []
    for line, r in enumerate(rows, start=2):
        if r.get("record") != "claim" or not accepted(r):
            continue
        rel = {k: (r.get(k) or "").strip() for k in RELATION_COLUMNS}
        rel["source"] = merges.get(rel["source"], rel["source"])
        rel["target"] = merges.get(rel["target"], rel["target"])
        rel["source_doc"] = doc["id"]
        if not rel["date"]:
            rel["date"] = doc["date"]  # a claim is dated by its document unless the editor dated it
        for end in ("source", "target"):
            if rel[end] not in ids:
                problems.append(
                    Problem(
                        name, line, end, f"'{rel[end]}' is neither in the data nor an accepted new actor (accept it, or merge it)"
                    )
                )
        if document_text is not None and not quote_in(rel["evidence"], document_text):
            problems.append(
                Problem(name, line, "evidence", "the quote is not in the document (edit it back to the document's words)")
            )
        relations.append(rel)
    if problems:
        raise DataError(problems)
    out = Applied(document=doc["id"])
    if not relations and not new_actors:
        return out
    sources = [dict(s) for s in ds.sources]
    if all(s.get("id") != doc["id"] for s in sources):
        sources.append(doc)
        out.registered = True
    out.actors = [a["id"] for a in new_actors]
    out.relations = len(relations)
    out.result = save(folder, [*ds.actors, *new_actors], [*ds.relations, *relations], sources, base=base, access=access)
    return out


def keep_document(documents: str | os.PathLike[str], name: str, payload: bytes, *, access: Access) -> str:
    """Put an accepted document in the documents folder under the name ``sources.csv`` gives it, so
    ``verify`` checks its quotes; returns that name. Never over another file: the same bytes are
    already kept, other bytes under that name raise FileExistsError (rename the file and add it again).

    Examples
    --------
    >>> import tempfile
    >>> from network.rights import LOCAL_EDITOR
    >>> folder = tempfile.mkdtemp()
    >>> keep_document(folder, "../brief.txt", b"Aan de minister", access=LOCAL_EDITOR)
    'brief.txt'
    """
    from pathlib import Path

    from .document import file_name

    require_editor(access, "keep a document")
    kept = file_name(name)
    target = Path(documents) / kept
    if target.exists():
        if target.is_file() and target.read_bytes() == payload:
            return kept
        raise FileExistsError(f"{kept} is already in the documents folder with other content; rename the file and add it again")
    write_bytes_atomic(target, payload)
    return kept
