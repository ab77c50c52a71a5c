"""The commands that look after the data: ``validate``, ``verify``, ``layout``, ``diff`` and ``settings``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model import DataError
from ..settings import Settings
from .common import CommandError, data_folder, dataset, date_arg, emit, graph_of, load, where

__all__ = ["run_diff", "run_layout", "run_settings", "run_validate", "run_verify"]


def run_validate(args: argparse.Namespace) -> int:
    folder = where(args)
    try:
        ds = load(folder)
    except DataError as exc:
        for p in exc.problems:
            print(f"{p}" + (" (warning)" if p.severity == "warning" else ""), file=sys.stdout)
        print(
            f"{len(exc.errors)} error(s), {len(exc.problems) - len(exc.errors)} warning(s): {folder} did not load",
            file=sys.stderr,
        )
        return 1
    for p in ds.warnings:
        print(f"{p} (warning)")
    team = "".join(
        f", {len(rows)} {name}" for name, rows in (("assessments", ds.assessments), ("engagements", ds.engagements)) if rows
    )
    print(
        f"ok: {len(ds.actors)} actors, {len(ds.relations)} relations, {len(ds.sources)} documents{team}, "
        f"{len(ds.warnings)} warning(s), data version {ds.version} ({folder})"
    )
    return 0


def run_verify(args: argparse.Namespace) -> int:
    """Every evidence quote looked up in its document's text; exit 1 when any is missing or unchecked."""
    from ..verify import check_quotes

    documents = args.documents or (getattr(args, "settings", None) or Settings.from_env()).documents_dir
    if documents is None:
        raise CommandError("name the documents' folder: --documents DIR, or set NETWORK_DOCUMENTS_DIR")
    if not Path(documents).is_dir():
        # The documents are public but not part of the repository; sources.csv names each one.
        raise CommandError(
            f"documents folder {documents} not found: the source documents are not in this repository; "
            "data/sources.csv names each one (see docs/data-format.md#the-source-documents)"
        )
    v = check_quotes(dataset(args), documents)
    for p in v.problems:
        print(p)
    print(
        f"{len(v.found)} of {v.checked} quotes found in {v.documents} document(s)"
        + (f", {v.unchecked} not checked (no readable document)" if v.unchecked else "")
    )
    return 1 if v.missing or v.unchecked or v.problems else 0


def run_layout(args: argparse.Namespace) -> int:
    """Place actors missing from positions.csv (no one else moves), or re-arrange all with --reset."""
    from ..io.positions import PositionsError, write_positions
    from ..layout import place_missing
    from ..positions import check_writable
    from ..rights import LOCAL_EDITOR, ReadOnlyError  # a user with the files on this machine edits them

    folder = data_folder(args)
    name = folder.path.name
    if not folder.path.is_dir():
        raise CommandError(f"{name}: not a data folder; positions are kept beside actors.csv")
    G = graph_of(args)
    known = set(G.nodes)
    try:
        if args.reset:
            positions = folder.reset_positions(G, access=LOCAL_EDITOR)
            print(f"re-arranged: {len(positions)} actors placed afresh in {name}/positions.csv")
            return 0
        kept, problems = folder.kept_positions(known)
        for p in problems:
            print(f"{p} (warning)")
        placed = place_missing(G, kept)
        new = sorted(set(placed) - set(kept), key=str)
        if new or problems or not (folder.path / "positions.csv").exists():
            check_writable(LOCAL_EDITOR)
            with folder.writing():
                now, _ = folder.kept_positions(known)
                if now != kept:  # moved by someone else since it was read: place around their positions
                    kept, placed = now, place_missing(G, now)
                    new = sorted(set(placed) - set(kept), key=str)
                write_positions(folder.path, placed)
        print(f"{len(kept)} actors kept their place, {len(new)} placed next to their neighbours ({name}/positions.csv)")
    except PositionsError as exc:
        raise CommandError(f"{exc}\nfix the file, or re-arrange every actor with `python -m network layout --reset`") from None
    except ReadOnlyError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"cannot write positions.csv: {exc.strerror}") from None
    return 0


def run_diff(args: argparse.Namespace) -> int:
    """Actors and relations added and removed: between two dates of one map, or two data folders."""
    from ..i18n import t
    from ..timeline import as_of_notes, compare, compare_dates, compare_text

    lang = args.lang
    if args.old or args.new:
        if not (args.old and args.new) or args.date_from or args.date_to:
            raise CommandError("give two data folders (OLD_DIR NEW_DIR), or --from DATE and/or --to DATE, not both")
        args.data = args.old
        old = graph_of(args)
        args.data = args.new
        new = graph_of(args)
        d, what = compare(old, new), t("compare_what_versions", lang, a=args.old, b=args.new)
    else:
        a, b = date_arg("--from", args.date_from), date_arg("--to", args.date_to)
        if not (a or b):
            raise CommandError("give --from DATE and/or --to DATE (the other is the whole map), or two data folders")
        whole = t("whole_map", lang)
        G = graph_of(args)
        d = compare_dates(G, a, b)
        what = t("compare_what_dates", lang, a=a or whole, b=b or whole)
        # Dates as precise as the documents (issue 24): what either map cannot know to the day.
        notes = [
            f"{t('as_of_caption', lang, date=x)}: {line}" for x in dict.fromkeys((a, b)) if x for line in as_of_notes(G, x, lang)
        ]
        emit(args, {"compared": what, **d, "notes": notes}, "\n".join([compare_text(d, lang, what), *notes]))
        return 0
    emit(args, {"compared": what, **d}, compare_text(d, lang, what))
    return 0


def run_settings(args: argparse.Namespace) -> int:
    """The settings the environment gives, and what is wrong with the folders they name (exit 1 if anything)."""
    for line in args.settings.describe():
        print(line)
    problems = args.settings.check()
    for line in problems:
        print(f"problem: {line}", file=sys.stderr)
    return 1 if problems else 0
