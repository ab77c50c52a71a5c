"""``python -m network export``: a view (from flags or a saved view) written as a picture, a page, data or slides.

Also the view state the flags describe (:func:`state_from_args`) and the positions kept with the data.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import networkx as nx

from .. import vocabulary as vocab
from ..filters import DATE_FILTERS, FILTERS, TOGGLES, Filter
from ..folder import DataFolder
from ..model import DataError, parse_date
from .common import CommandError, actor_of, data_folder, graph_of, loaded, relation_types, where
from .explore import grid_of

__all__ = ["run_export", "state_from_args"]


def _filter_value(G: nx.MultiDiGraph, f: Filter, value: str) -> str:
    """A filter value as typed on the command line, as the view state keeps it; CommandError if unknown."""
    if f.kind == "actor":
        return str(actor_of(G, value))
    if f.kind == "relation_type":
        return relation_types([value])[0]
    if f.kind == "actor_type":
        key = vocab.normalise_actor_type(value)
        if key is None:
            raise CommandError(f"unknown actor type '{value}'; known: {', '.join(vocab.ACTOR_TYPES)}")
        return key
    options = f.options(G)
    if f.key == "basis" and value not in options:
        raise CommandError(f"unknown {f.flag} '{value}'; choose from: {', '.join(options)}")
    return value


def state_from_args(args: argparse.Namespace, G: nx.MultiDiGraph) -> Any:
    from ..view import ViewState

    if args.view:
        try:
            state = data_folder(args).load_view(args.view)
        except (FileNotFoundError, ValueError) as exc:
            raise CommandError(f"view '{args.view}': {exc}") from None
    else:
        state = ViewState()
    for f in FILTERS:
        values = getattr(args, f.key, None)
        if values:
            setattr(state, f.key, [_filter_value(G, f, v) for v in values])
    if getattr(args, "expanded", None):
        state.expanded = list(args.expanded)
    for option in TOGGLES:
        if getattr(args, option.key, False):
            setattr(state, option.key, True)
    for d in DATE_FILTERS:
        value = getattr(args, d.key, None)
        if value:
            if parse_date(value) is None:
                raise CommandError(f"{d.flag} '{value}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
            setattr(state, d.key, value)
    for name in ("color_by", "size_by", "title", "overview"):
        if getattr(args, name, None):
            setattr(state, name, getattr(args, name))
    for name in ("focus", "path_from", "path_to", "stance_ask"):
        if getattr(args, name, None):
            setattr(state, name, actor_of(G, getattr(args, name)))
    if args.hops:
        state.hops = args.hops
    if args.lang:
        state.lang = args.lang
    return state


def _positions(args: argparse.Namespace, G: nx.MultiDiGraph) -> dict:
    """The positions kept with the data the command reads: the folder's positions.csv, or a workbook's
    own (our positions sheet, Kumu's X and Y); actors without one are placed beside their neighbours."""
    from ..layout import compute_layout, place_missing

    folder = where(args)
    if folder.is_dir():
        return DataFolder(folder).positions(G)[0]
    kept = _workbook_positions(folder, G)
    return place_missing(G, kept) if kept else compute_layout(G)


def _workbook_positions(path: Any, G: nx.MultiDiGraph) -> dict:
    from ..io.kumu import kumu_positions
    from ..io.positions import PositionsError
    from ..io.xlsx import is_kumu, open_workbook, workbook_positions

    if path.suffix.casefold() not in (".xlsx", ".xlsm") or not path.is_file():
        return {}
    data = path.read_bytes()
    try:
        book = open_workbook(data, path.name)
        try:
            kumu = is_kumu(book)
        finally:
            book.close()
        kept, problems = (kumu_positions if kumu else workbook_positions)(data, path.name, known=G.nodes)
    except (PositionsError, DataError) as exc:
        print(f"{exc} (warning: positions not read; the map is laid out afresh)", file=sys.stderr)
        return {}
    for p in problems:
        print(f"{p} (warning)", file=sys.stderr)
    return {n: kept[str(n)] for n in G.nodes if str(n) in kept}


def _slide_count(deck: bytes) -> int:
    """The slides a .pptx holds (its ppt/slides/slideN.xml parts)."""
    import io
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(deck)) as zf:
        return sum(1 for n in zf.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))


def run_export(args: argparse.Namespace) -> int:
    from ..io.atomic import write_bytes_atomic
    from ..presentation.export import everything, export_bytes, make_snapshot, views_deck

    if args.lens == "grid":
        return _export_grid(args)
    G = graph_of(args)
    if args.format == "pptx" and args.all_views:
        folder = data_folder(args)
        positions = _positions(args, G)
        try:
            # views_deck reads the view files itself: under the folder's lock, so no save is seen half done.
            with folder.reading():
                deck, names = views_deck(G, folder.views_dir, lang=args.lang, positions=positions, with_asks=args.asks_slide)
        except FileNotFoundError:
            raise CommandError(f"no saved views in {folder.views_dir}") from None
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        write_bytes_atomic(args.out, deck)
        slides = _slide_count(deck)
        asks = f", then {slides - len(names)} of the asks table" if args.asks_slide else ""
        print(f"wrote {args.out}: {slides} slide(s): one per saved view ({len(names)}){asks}")
        return 0
    state = state_from_args(args, G)
    if args.all:
        state = everything(state)
    snap = make_snapshot(G, state, title=args.title or None, positions=_positions(args, G))
    data = export_bytes(snap, args.format, dpi=args.dpi, arcs=args.mutual_as_arcs)
    if args.include_engagements:  # the team's internal log: only when asked for (issue 14)
        from ..engagements import for_shown, include_in_export
        from ..rights import LOCAL_EDITOR, engagement_log

        data = include_in_export(
            data, args.format, for_shown(engagement_log(loaded(args)[0], LOCAL_EDITOR), snap.graph.nodes), snap.lang
        )
    try:
        write_bytes_atomic(args.out, data)
    except OSError as exc:
        raise CommandError(f"cannot write {args.out}: {exc.strerror}") from None
    print(
        f"wrote {args.out}: {args.format}, {snap.graph.number_of_nodes()} actors, {snap.graph.number_of_edges()} relations — {snap.caption}"
    )
    if state.as_of:  # what the map on that date cannot know to the day (issue 24)
        from ..timeline import as_of_notes

        for line in as_of_notes(G, state.as_of, snap.lang):
            print(f"note: {line}")
    return 0


def _export_grid(args: argparse.Namespace) -> int:
    from ..io.atomic import write_bytes_atomic
    from ..presentation.grid_figure import grid_bytes

    if args.format not in ("png", "svg", "pdf", "pptx"):
        raise CommandError(f"--lens grid writes png, svg, pdf or pptx, not {args.format}")
    G, g = grid_of(args)
    data = grid_bytes(
        g, args.format, title=args.title or "", version=str(G.graph.get("version", "")), lang=args.lang or "en", dpi=args.dpi
    )
    try:
        write_bytes_atomic(args.out, data)
    except OSError as exc:
        raise CommandError(f"cannot write {args.out}: {exc.strerror}") from None
    print(f"wrote {args.out}: {args.format}, power-interest grid of {g['ask_name']}, {len(g['actors'])} actors")
    return 0
