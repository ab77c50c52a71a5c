"""``python -m network intake``: propose a document's claims, write them for review, apply the accepted ones."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..model import DataError
from ..rights import LOCAL_EDITOR, NotAllowed
from ..settings import Settings
from . import IntakeError, Proposal, propose

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "intake",
        help="propose a document's actors and quoted claims (nothing is written); --out for review, --apply to add the accepted",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="the document: .txt, .md, .pdf or .docx")
    p.add_argument("--data", metavar="DIR", help="data folder (default: $NETWORK_DATA_DIR or data/)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--out", metavar="CSV", help="write the proposals to this CSV for review (mark accepted rows 'yes')")
    p.add_argument(
        "--apply",
        metavar="CSV",
        help="add the accepted rows of a reviewed proposals CSV to the data folder (with FILE: every quote is checked in it)",
    )
    p.set_defaults(func=run)


def _err(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def _dataset(folder: str) -> Any:
    from ..io.uploads import load_any

    return load_any(folder)


def run(args: argparse.Namespace) -> int:
    # The settings main read (network.cli), or the environment's for a caller of this function alone.
    folder = args.data or str((getattr(args, "settings", None) or Settings.from_env()).data_dir)
    if args.apply:
        return _apply(args, folder)
    if not args.file:
        return _err("name the document to read (intake FILE), or a reviewed CSV to apply (intake --apply CSV)")
    path = Path(args.file)
    if not path.is_file():
        return _err(f"{args.file}: no such file")
    try:
        ds = _dataset(folder)
    except DataError as exc:
        return _err(f"{folder} did not load; run `python -m network validate {folder}`:\n" + "\n".join(map(str, exc.errors)))
    try:
        from .read import MAX_BYTES

        if path.stat().st_size > MAX_BYTES:
            return _err(f"{path.name}: is {path.stat().st_size / 2**20:.0f} MB; at most {MAX_BYTES // 2**20} MB is read")
        proposal = propose(path.name, path.read_bytes(), ds)
    except IntakeError as exc:
        return _err(str(exc))
    if args.out:
        from .review import proposals_csv

        Path(args.out).write_text(proposals_csv(proposal), encoding="utf-8")
        print(
            f"{len(proposal.claims)} claims and {sum(not a['existing'] for a in proposal.actors)} new actors written to {args.out}; "
            f"mark the right ones 'yes' in its accept column, then: python -m network intake --apply {args.out}"
            + (f" --data {args.data}" if args.data else ""),
            file=sys.stderr,
        )
    if args.format == "json":
        print(json.dumps(proposal.as_json(), ensure_ascii=False, indent=2))
    elif not args.out:
        print(text_report(proposal))
    return 0


def text_report(p: Proposal) -> str:
    """The proposals as a reader goes through them: the document, the actors, then the claims by actor."""
    d = p.document
    names = {a["id"]: a["name"] for a in p.actors}
    lines = [
        f"document: {d['title']}",
        f"  id {d['id']} · {d['kind']} · date {d['date'] or '(none)'}" + (f" ({d['date_note']})" if d["date_note"] else ""),
        f"  authors: {d['authors'] or '(none found)'}",
        f"  addressed to: {d['addressed_to'] or '(none found)'}",
        "",
        "actors:",
    ]
    for a in p.actors:
        if a["existing"]:
            how = "" if a["how"] in ("name", "alias", "label") else f" (found as '{a['found_as']}', {a['how']})"
            lines.append(f"  {a['id']}: {a['name']}{how}")
        else:
            hint = f"; same as {a['same_as']}?" if a["same_as"] else ""
            lines.append(f"  NEW {a['id']}: {a['name']} ({a['type']}{hint})")
    lines += ["", f"claims ({len(p.claims)}):"]
    by_source: dict[str, list[Any]] = {}
    for c in p.claims:
        by_source.setdefault(c.source, []).append(c)
    for source, claims in by_source.items():
        lines.append(f"  {names.get(source, source)}")
        for c in claims:
            lines.append(f"    {c.type.replace('_', ' ')} {names.get(c.target, c.target)}  [{c.basis}; {c.cue}; p. {c.page}]")
            lines.append(f"      “{' '.join(c.quote.split())}”")
            if c.note:
                lines.append(f"      note: {c.note}")
    lines += [f"note: {m}" for m in p.messages]
    return "\n".join(lines)


def _apply(args: argparse.Namespace, folder: str) -> int:
    from .read import read_document
    from .review import apply_proposals, read_proposals

    path = Path(args.apply)
    if not path.is_file():
        return _err(f"{args.apply}: no such file")
    text = None
    if args.file:
        try:
            text = read_document(Path(args.file).name, Path(args.file).read_bytes()).text
        except (IntakeError, OSError) as exc:
            return _err(str(exc))
    try:
        rows = read_proposals(path.read_bytes(), path.name)
        done = apply_proposals(folder, rows, access=LOCAL_EDITOR, document_text=text, name=path.name)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return _err(f"nothing was written to {folder}")
    except NotAllowed as exc:
        return _err(str(exc))
    if done.result is None:
        print(f"no row of {path.name} is accepted (write 'yes' in the accept column): nothing written")
        return 0
    print(
        f"added {done.relations} relation(s) and {len(done.actors)} actor(s) from {done.document}"
        + (f"; registered {done.document} in sources.csv" if done.registered else "")
        + f"; backup {done.result.backup} (undo restores it)"
    )
    return 0
