"""Command line: ``python -m network validate [DIR]`` and friends.

Exit codes: 0 fine, 1 the data (or a named actor) is wrong, 2 usage error.
No input, however broken, produces a traceback.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from . import vocabulary as vocab
from .analysis import METRICS
from .filters import DATE_FILTERS, FILTERS, TOGGLES, Filter
from .folder import DataFolder
from .graph import UnknownActorError, build_graph, neighbourhood, path_rows, resolve_actor, route_names, shortest_paths
from .model import DataError, parse_date
from .rights import NotAllowed
from .settings import Settings, SettingsError
from .view import CHOICES

# presentation.export.FORMATS, written out: importing the exporters costs half a second on every command.
EXPORT_FORMATS = ("png", "svg", "pdf", "html", "gexf", "graphml", "json", "csv", "xlsx", "kumu", "gephi", "pptx")

__all__ = ["main"]


def _load(path: Path) -> Any:
    # A folder of CSVs (read through its DataFolder, under its lock), an .xlsx workbook of ours, or a Kumu spreadsheet.
    from .io.uploads import load_any

    return DataFolder(path).load() if path.is_dir() else load_any(path)


def _where(args: argparse.Namespace) -> Path:
    """What the command reads: ``--data`` (a folder or a workbook), else the settings' data folder."""
    given = getattr(args, "dir", None) or args.data
    if given:
        return Path(given)
    settings = getattr(args, "settings", None) or Settings.from_env()  # set by main; a caller of a command function may not
    return settings.data_dir


def _folder(args: argparse.Namespace) -> DataFolder:
    """The data folder the command reads and writes (its tables, positions and saved views)."""
    return DataFolder(_where(args))


def _validate(args: argparse.Namespace) -> int:
    folder = _where(args)
    try:
        ds = _load(folder)
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


class CommandError(Exception):
    """A problem the user can fix; printed as one line, exit 1."""


def _dataset(args: argparse.Namespace) -> Any:
    """The data the command reads (``--data`` or the default folder); CommandError when it does not load."""
    folder = _where(args)
    try:
        return _load(folder)
    except DataError as exc:
        lines = [str(p) for p in exc.errors]
        raise CommandError(f"{folder} did not load; run `python -m network validate {folder}`:\n" + "\n".join(lines)) from None


def _graph(args: argparse.Namespace) -> nx.MultiDiGraph:
    return _built(_dataset(args))


def _built(ds: Any) -> nx.MultiDiGraph:
    G = build_graph(ds)
    # The data lives until the command ends: the garbage collector need not scan it again on each
    # collection that laying out and drawing set off (0.25 s of a 10,000-actor export; issue 13).
    gc.freeze()
    return G


def _actor(G: nx.MultiDiGraph, name: str) -> Any:
    try:
        return resolve_actor(G, name)
    except UnknownActorError as exc:
        raise CommandError(str(exc)) from None


def _relation_types(values: Sequence[str]) -> list[str]:
    out = []
    for v in values:
        key = vocab.normalise_relation_type(v)
        if key is None:
            raise CommandError(f"unknown relation type '{v}'; known: {', '.join(vocab.RELATION_TYPES)}")
        out.append(key)
    return out


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


def _name(G: nx.MultiDiGraph, n: Any) -> str:
    return str(G.nodes[n].get("name", n))


def _focus(args: argparse.Namespace) -> int:
    G = _graph(args)
    center = _actor(G, args.actor)
    from .graph import undirected_view

    dist = nx.single_source_shortest_path_length(undirected_view(G), center, cutoff=args.hops)
    near = neighbourhood(G, center, args.hops)
    rows = sorted(
        ({"id": n, "name": _name(G, n), "type": G.nodes[n].get("type", ""), "hops": dist[n]} for n in near),
        key=lambda r: (r["hops"], r["name"].casefold()),
    )
    sub = G.subgraph(near)
    data = {"actor": center, "hops": args.hops, "actors": rows, "relations": sub.number_of_edges()}
    lines = [
        f"{_name(G, center)} ({center}): {len(rows) - 1} actors within {args.hops} hop(s), {sub.number_of_edges()} relations"
    ]
    lines += [f"  {r['hops']}  {r['name']} ({r['id']}, {vocab.label(r['type'], args.lang)})" for r in rows[1:]]
    _emit(args, data, "\n".join(lines))
    return 0


def _path(args: argparse.Namespace) -> int:
    G = _graph(args)
    a, b = _actor(G, args.source), _actor(G, args.target)
    types = _relation_types(args.relation_type or [])
    paths = shortest_paths(G, a, b, types, cap=args.max_paths, via_stances=args.via_themes)
    data = {
        "from": a,
        "to": b,
        "relation_types": types,
        "paths": [
            [
                {
                    "from": h.source,
                    "to": h.target,
                    "relations": [{k: v for k, v in r.items() if k not in ("source", "target")} for r in h.relations],
                }
                for h in p
            ]
            for p in paths
        ],
    }
    if not paths:
        restricted = f" over {', '.join(types)}" if types else ""
        _emit(args, data, f"No path between {_name(G, a)} and {_name(G, b)}{restricted}.")
        return 0
    lines = [f"{len(paths)} shortest path(s) of {len(paths[0])} hop(s) from {_name(G, a)} to {_name(G, b)}:"]
    rows = path_rows(G, paths, args.lang)
    for i, p in enumerate(paths, 1):
        lines.append(f"\n{i}. " + " → ".join(route_names(G, p)))
        for r in (r for r in rows if r["path"] == i):
            inferred = " (inferred)" if r["basis"] == "inferred" else ""
            lines.append(
                f"   {r['from']} {r['arrow']} {r['to']}: {r['relation']}{inferred} [{r['source_doc']}, {r['date']}] “{r['evidence']}”"
            )
    _emit(args, data, "\n".join(lines))
    return 0


def _rank(args: argparse.Namespace) -> int:
    from .analysis import ranking

    G = _graph(args)
    rows = ranking(G, args.metric, lang=args.lang)[: args.top or None]
    lines = [f"{'#':>3}  {args.metric:>11}  {'degree':>6}  name (type)"]
    lines += [f"{i:>3}  {r[args.metric]:>11.4f}  {r['degree']:>6}  {r['name']} ({r['type']})" for i, r in enumerate(rows, 1)]
    _emit(args, rows, "\n".join(lines))
    return 0


def _coalitions(args: argparse.Namespace) -> int:
    from .analysis import community_groups, cosignature_coalitions, theme_support

    G = _graph(args)
    groups = community_groups(G)
    cos = cosignature_coalitions(G)
    themes = theme_support(G)
    data = {"communities": groups, "cosignature_coalitions": cos, "themes": themes}
    lines = ["Communities (modularity, seeded):"]
    for i, members in enumerate(groups, 1):
        lines.append(f"  {i}. " + ", ".join(_name(G, n) for n in members))
    lines.append("\nCo-signature coalitions (who co-signs documents together):")
    for co in cos:
        lines.append(f"  {', '.join(co['names'])}  [documents: {', '.join(co['documents'])}]")
    lines.append("\nThemes and who advocates for them:")
    for th, actors in sorted(themes.items(), key=lambda kv: _name(G, kv[0]).casefold()):
        lines.append(f"  {_name(G, th)}: {', '.join(_name(G, n) for n in actors) or '—'}")
    _emit(args, data, "\n".join(lines))
    return 0


def _filter_value(G: nx.MultiDiGraph, f: Filter, value: str) -> str:
    """A filter value as typed on the command line, as the view state keeps it; CommandError if unknown."""
    if f.kind == "actor":
        return str(_actor(G, value))
    if f.kind == "relation_type":
        return _relation_types([value])[0]
    if f.kind == "actor_type":
        key = vocab.normalise_actor_type(value)
        if key is None:
            raise CommandError(f"unknown actor type '{value}'; known: {', '.join(vocab.ACTOR_TYPES)}")
        return key
    options = f.options(G)
    if f.key == "basis" and value not in options:
        raise CommandError(f"unknown {f.flag} '{value}'; choose from: {', '.join(options)}")
    return value


def _state_from_args(args: argparse.Namespace, G: nx.MultiDiGraph) -> Any:
    from .view import ViewState

    if args.view:
        try:
            state = _folder(args).load_view(args.view)
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
            setattr(state, name, _actor(G, getattr(args, name)))
    if args.hops:
        state.hops = args.hops
    if args.lang:
        state.lang = args.lang
    return state


def _positions(args: argparse.Namespace, G: nx.MultiDiGraph) -> dict:
    """The positions kept with the data the command reads: the folder's positions.csv, or a workbook's
    own (our positions sheet, Kumu's X and Y); actors without one are placed beside their neighbours."""
    from .layout import compute_layout, place_missing

    folder = _where(args)
    if folder.is_dir():
        return DataFolder(folder).positions(G)[0]
    kept = _workbook_positions(folder, G)
    return place_missing(G, kept) if kept else compute_layout(G)


def _workbook_positions(path: Any, G: nx.MultiDiGraph) -> dict:
    from .io.kumu import kumu_positions
    from .io.positions import PositionsError
    from .io.xlsx import is_kumu, open_workbook, workbook_positions

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


def _export(args: argparse.Namespace) -> int:
    from .io.atomic import write_bytes_atomic
    from .presentation.export import everything, export_bytes, make_snapshot, views_deck

    if args.lens == "grid":
        return _export_grid(args)
    G = _graph(args)
    if args.format == "pptx" and args.all_views:
        folder = _folder(args)
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
    state = _state_from_args(args, G)
    if args.all:
        state = everything(state)
    snap = make_snapshot(G, state, title=args.title or None, positions=_positions(args, G))
    data = export_bytes(snap, args.format, dpi=args.dpi, arcs=args.mutual_as_arcs)
    if args.include_engagements:  # the team's internal log: only when asked for (issue 14)
        from .engagements import for_shown, include_in_export
        from .rights import LOCAL_EDITOR, engagement_log

        data = include_in_export(
            data, args.format, for_shown(engagement_log(_loaded(args)[0], LOCAL_EDITOR), snap.graph.nodes), snap.lang
        )
    try:
        write_bytes_atomic(args.out, data)
    except OSError as exc:
        raise CommandError(f"cannot write {args.out}: {exc.strerror}") from None
    print(
        f"wrote {args.out}: {args.format}, {snap.graph.number_of_nodes()} actors, {snap.graph.number_of_edges()} relations — {snap.caption}"
    )
    if state.as_of:  # what the map on that date cannot know to the day (issue 24)
        from .timeline import as_of_notes

        for line in as_of_notes(G, state.as_of, snap.lang):
            print(f"note: {line}")
    return 0


def _loaded(args: argparse.Namespace) -> tuple[Any, nx.MultiDiGraph]:
    """The data set (with the team's assessments and engagement log) and its graph."""
    ds = _dataset(args)
    return ds, _built(ds)


def _date_arg(flag: str, value: str | None) -> str:
    if value and parse_date(value) is None:
        raise CommandError(f"{flag} '{value}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return value or ""


def _grid_of(args: argparse.Namespace) -> tuple[Any, dict[str, Any]]:
    from .grid import grid, grid_asks
    from .timeline import as_of

    ds, G = _loaded(args)
    ask = _actor(G, args.ask) if args.ask else None
    if ask is not None and ask not in grid_asks(G):
        raise CommandError(f"nobody takes a stance on '{_name(G, ask)}'; asks: {', '.join(map(str, grid_asks(G)))}")
    date = _date_arg("--as-of", getattr(args, "as_of", None))
    since = _date_arg("--since", getattr(args, "since", None))
    lang = args.lang or "en"
    return G, grid(as_of(G, date) if date else G, ask, ds.assessments, as_of=date, since=since, lang=lang)


def _grid(args: argparse.Namespace) -> int:
    """The power-interest grid of one ask (or all) as text or JSON."""
    from .grid import grid_text

    _, g = _grid_of(args)
    _emit(args, g, grid_text(g, args.lang))
    return 0


def _export_grid(args: argparse.Namespace) -> int:
    from .io.atomic import write_bytes_atomic
    from .presentation.grid_figure import grid_bytes

    if args.format not in ("png", "svg", "pdf", "pptx"):
        raise CommandError(f"--lens grid writes png, svg, pdf or pptx, not {args.format}")
    G, g = _grid_of(args)
    data = grid_bytes(
        g, args.format, title=args.title or "", version=str(G.graph.get("version", "")), lang=args.lang or "en", dpi=args.dpi
    )
    try:
        write_bytes_atomic(args.out, data)
    except OSError as exc:
        raise CommandError(f"cannot write {args.out}: {exc.strerror}") from None
    print(f"wrote {args.out}: {args.format}, power-interest grid of {g['ask_name']}, {len(g['actors'])} actors")
    return 0


def _diff(args: argparse.Namespace) -> int:
    """Actors and relations added and removed: between two dates of one map, or two data folders."""
    from .i18n import t
    from .timeline import as_of_notes, compare, compare_dates, compare_text

    lang = args.lang
    if args.old or args.new:
        if not (args.old and args.new) or args.date_from or args.date_to:
            raise CommandError("give two data folders (OLD_DIR NEW_DIR), or --from DATE and/or --to DATE, not both")
        args.data = args.old
        old = _graph(args)
        args.data = args.new
        new = _graph(args)
        d, what = compare(old, new), t("compare_what_versions", lang, a=args.old, b=args.new)
    else:
        a, b = _date_arg("--from", args.date_from), _date_arg("--to", args.date_to)
        if not (a or b):
            raise CommandError("give --from DATE and/or --to DATE (the other is the whole map), or two data folders")
        whole = t("whole_map", lang)
        G = _graph(args)
        d = compare_dates(G, a, b)
        what = t("compare_what_dates", lang, a=a or whole, b=b or whole)
        # Dates as precise as the documents (issue 24): what either map cannot know to the day.
        notes = [
            f"{t('as_of_caption', lang, date=x)}: {line}" for x in dict.fromkeys((a, b)) if x for line in as_of_notes(G, x, lang)
        ]
        _emit(args, {"compared": what, **d, "notes": notes}, "\n".join([compare_text(d, lang, what), *notes]))
        return 0
    _emit(args, {"compared": what, **d}, compare_text(d, lang, what))
    return 0


def _layout(args: argparse.Namespace) -> int:
    """Place actors missing from positions.csv (no one else moves), or re-arrange all with --reset."""
    from .io.positions import PositionsError, write_positions
    from .layout import place_missing
    from .positions import check_writable
    from .rights import LOCAL_EDITOR, ReadOnlyError  # a user with the files on this machine edits them

    folder = _folder(args)
    name = folder.path.name
    if not folder.path.is_dir():
        raise CommandError(f"{name}: not a data folder; positions are kept beside actors.csv")
    G = _graph(args)
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


def _stance_relation_text(r: dict[str, str], lang: str) -> str:
    inferred = " (inferred)" if r["basis"] == "inferred" else ""
    note = f"\n        note: {r['note']}" if r["note"] else ""
    return f"      {vocab.label(r['type'], lang, 'relation')}{inferred} [{r['source_doc']}, {r['date'] or 'undated'}] “{r['evidence']}”{note}"


def _stance_marks(placed: dict[str, Any], lang: str) -> str:
    """What a placement adds to the camp it sits in, e.g. " (for, with concerns; inferred)"."""
    from .stance import cell_words

    marks = [cell_words({"label": placed["label"]}, lang)] if placed["label"] != placed.get("stance", placed["label"]) else []
    marks += ["inferred"] if placed["basis"] == "inferred" else []
    marks += ["changed"] if placed.get("changed") else []
    return f" ({'; '.join(marks)})" if marks else ""


def _asks(args: argparse.Namespace) -> int:
    """The asks table: every actor's stance on every ask, each cell naming its documents."""
    from .io.csvfile import csv_text
    from .stance import STANCES, asks_rows, stance_matrix

    G = _graph(args)
    m = stance_matrix(G)
    if args.format == "csv":
        columns, rows = asks_rows(G, args.lang)
        sys.stdout.write(csv_text(rows, columns))
        return 0

    def node(n: Any) -> dict[str, str]:
        return {"id": n, "name": _name(G, n), "type": G.nodes[n].get("type", "")}

    cells = [
        {
            "actor": a,
            "ask": ask,
            "stance": c["stance"],
            # "for_with_concerns" under "for": support and concern in the same (newest) document.
            "label": c["label"],
            "documents": c["documents"],
            # "inferred" when no relation behind the placement is stated: a reading, not the actor's words.
            "basis": c["basis"],
            "quotes": c["quotes"],
        }
        for ask in m["asks"]
        for a in m["actors"]
        if (c := m["cells"].get((a, ask)))
    ]
    data = {"asks": [node(n) for n in m["asks"]], "actors": [node(n) for n in m["actors"]], "cells": cells}
    counts = {s: sum(c["stance"] == s for c in cells) for s in STANCES}
    with_concerns = sum(c["label"] == "for_with_concerns" for c in cells)
    lines = [
        f"{len(m['asks'])} asks, {len(m['actors'])} actors, {len(cells)} stances: "
        + ", ".join(
            f"{counts[s]} {s}" + (f" ({with_concerns} with concerns)" if s == "for" and with_concerns else "") for s in STANCES
        )
    ]
    for ask in m["asks"]:
        lines.append(f"\n{_name(G, ask)} ({ask})")
        for s in STANCES:
            here = [c for c in cells if c["ask"] == ask and c["stance"] == s]
            if here:
                lines.append(
                    f"  {s}: "
                    + ", ".join(
                        f"{_name(G, c['actor'])}{_stance_marks(c, args.lang)} [{', '.join(c['documents'])}]" for c in here
                    )
                )
    _emit(args, data, "\n".join(lines))
    return 0


def _stance(args: argparse.Namespace) -> int:
    """Who is for, against and conditional on one ask, with the quotes."""
    from .stance import STANCES, stance

    G = _graph(args)
    ask = _actor(G, args.ask)
    s = stance(G, ask)
    data = {"ask": ask, **{k: s[k] for k in STANCES}}
    lines = [f"{s['name']} ({ask})"]
    for k in STANCES:
        lines.append(f"{k} ({len(s[k])}):" + ("" if s[k] else " nobody"))
        for e in s[k]:
            lines.append(f"  {e['name']} ({e['id']}){_stance_marks({**e, 'stance': k}, args.lang)}")
            lines += [_stance_relation_text(r, args.lang) for r in e["relations"]]
    _emit(args, data, "\n".join(lines))
    return 0


def _verify(args: argparse.Namespace) -> int:
    """Every evidence quote looked up in its document's text; exit 1 when any is missing or unchecked."""
    from .verify import check_quotes

    documents = args.documents or (getattr(args, "settings", None) or Settings.from_env()).documents_dir
    if documents is None:
        raise CommandError("name the documents' folder: --documents DIR, or set NETWORK_DOCUMENTS_DIR")
    v = check_quotes(_dataset(args), documents)
    for p in v.problems:
        print(p)
    print(
        f"{len(v.found)} of {v.checked} quotes found in {v.documents} document(s)"
        + (f", {v.unchecked} not checked (no readable document)" if v.unchecked else "")
    )
    return 1 if v.missing or v.unchecked or v.problems else 0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", metavar="DIR", help="data folder (default: $NETWORK_DATA_DIR or data/)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=vocab.LANGUAGES, default="en")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m network", description="Stakeholder Network Explorer")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check a data folder and list every problem")
    p.add_argument("dir", nargs="?", help="data folder or .xlsx workbook (ours or Kumu's) (default: $NETWORK_DATA_DIR or data/)")
    p.add_argument("--data", help="data folder (same as DIR)")
    p.set_defaults(func=_validate)

    p = sub.add_parser("focus", help="actors within K hops of an actor")
    p.add_argument("actor", help="id, name or alias (case-insensitive)")
    p.add_argument("--hops", type=int, choices=(1, 2, 3), default=1)
    _common(p)
    p.set_defaults(func=_focus)

    p = sub.add_parser("path", help="shortest paths between two actors, hop by hop with evidence")
    p.add_argument("source")
    p.add_argument("target")
    p.add_argument("--relation-type", action="append", metavar="T", help="only these relation types (repeatable)")
    p.add_argument("--max-paths", type=int, default=10)
    p.add_argument("--via-themes", action="store_true", help="also run through themes and laws (shared asks)")
    _common(p)
    p.set_defaults(func=_path)

    p = sub.add_parser("rank", help="actors ranked by a centrality metric")
    p.add_argument("--metric", choices=METRICS, default="betweenness")
    p.add_argument("--top", type=int, default=0, help="only the first N")
    _common(p)
    p.set_defaults(func=_rank)

    p = sub.add_parser("export", help="write a snapshot: picture, interactive HTML, graph data or slides")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("--out", required=True, metavar="PATH")
    p.add_argument("--data", metavar="DIR", help="data folder (default: $NETWORK_DATA_DIR or data/)")
    p.add_argument("--view", metavar="NAME", help="start from a saved view (data/views/)")
    p.add_argument("--all-views", action="store_true", help="pptx: one slide per saved view")
    p.add_argument(
        "--asks-slide", action="store_true", help="pptx with --all-views: end with the asks table (who is for and against what)"
    )
    p.add_argument("--title")
    p.add_argument("--lang", choices=vocab.LANGUAGES)
    p.add_argument("--dpi", type=int, help="png: 300 for print")
    p.add_argument(
        "--mutual-as-arcs",
        action="store_true",
        help="graphml: each mutual relation as two arcs, a file of one direction networkx and igraph read right",
    )
    for f in FILTERS:
        p.add_argument(f.flag, dest=f.key, action="append", metavar="VALUE", help=f"{f.help} (repeatable)")
    for d in DATE_FILTERS:
        p.add_argument(d.flag, dest=d.key, metavar="YYYY[-MM[-DD]]", help=d.help)
    for option in TOGGLES:
        p.add_argument(option.flag, dest=option.key, action="store_true", help=option.help)
    p.add_argument(
        "--all",
        action="store_true",
        help="everything in the data, whatever the view: every actor and relation (without it a data file holds the view and says what it left out)",
    )
    p.add_argument("--lens", choices=("map", "grid"), default="map", help="grid: the power-interest grid (png, svg, pdf, pptx)")
    p.add_argument("--ask", metavar="ACTOR", help="--lens grid: the ask (default: all asks)")
    p.add_argument("--since", metavar="YYYY[-MM[-DD]]", help="--lens grid: mark what the assessments changed after this date")
    p.add_argument(
        "--include-engagements",
        action="store_true",
        help="add the internal engagement log of the shown actors (csv, json, html, pptx); off by default",
    )
    p.add_argument("--focus", metavar="ACTOR")
    p.add_argument("--hops", type=int, choices=(1, 2, 3))
    p.add_argument("--path-from", metavar="ACTOR")
    p.add_argument("--path-to", metavar="ACTOR")
    p.add_argument("--color-by", choices=CHOICES["color_by"])
    p.add_argument("--stance-ask", metavar="ASK", help="--color-by stance: the ask (id, name or alias)")
    p.add_argument("--size-by", choices=METRICS)
    p.add_argument(
        "--overview", choices=CHOICES["overview"][1:], help="group actors by type, community or country, as the app's overview"
    )
    p.add_argument(
        "--expand", dest="expanded", action="append", metavar="GROUP", help="overview: open this group into its actors"
    )
    p.set_defaults(func=_export)

    p = sub.add_parser("layout", help="keep the map in place: place new actors in positions.csv, or --reset all")
    p.add_argument("--data", metavar="DIR", help="data folder (default: $NETWORK_DATA_DIR or data/)")
    p.add_argument("--reset", action="store_true", help="re-arrange every actor (the seeded layout), overwriting positions.csv")
    p.set_defaults(func=_layout)

    p = sub.add_parser("grid", help="the power-interest grid: actors by influence and interest on an ask")
    p.add_argument("--ask", metavar="ACTOR", help="id, name or alias of the ask (default: all asks)")
    p.add_argument("--as-of", metavar="YYYY[-MM[-DD]]", help="the map and the assessments as they stood on this date")
    p.add_argument("--since", metavar="YYYY[-MM[-DD]]", help="say what the assessments changed after this date")
    _common(p)
    p.set_defaults(func=_grid)

    p = sub.add_parser("diff", help="actors and relations added and removed: between two dates, or two data folders")
    p.add_argument("old", nargs="?", metavar="OLD_DIR")
    p.add_argument("new", nargs="?", metavar="NEW_DIR")
    p.add_argument("--from", dest="date_from", metavar="YYYY[-MM[-DD]]", help="the map as of this date (default: the whole map)")
    p.add_argument("--to", dest="date_to", metavar="YYYY[-MM[-DD]]", help="compared with the map as of this date")
    _common(p)
    p.set_defaults(func=_diff)

    p = sub.add_parser("coalitions", help="communities, co-signature coalitions and theme support")
    _common(p)
    p.set_defaults(func=_coalitions)
    p = sub.add_parser("asks", help="the asks table: who is for, against or conditional on each ask, naming the documents")
    p.add_argument("--data", metavar="DIR", help="data folder (default: $NETWORK_DATA_DIR or data/)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.add_argument("--lang", choices=vocab.LANGUAGES, default="en")
    p.set_defaults(func=_asks)

    p = sub.add_parser("stance", help="who is for, against or conditional on one ask, with the quotes")
    p.add_argument("ask", help="id, name or alias of the ask (a theme, or a law or programme)")
    _common(p)
    p.set_defaults(func=_stance)

    p = sub.add_parser("verify", help="check that every evidence quote appears in its document")
    p.add_argument(
        "--documents",
        metavar="DIR",
        help="folder of the documents named in sources.csv's file column (default: $NETWORK_DOCUMENTS_DIR)",
    )
    p.add_argument("--data", metavar="DIR", help="data folder (default: $NETWORK_DATA_DIR or data/)")
    p.set_defaults(func=_verify)

    p = sub.add_parser("settings", help="show the settings the environment gives (NETWORK_*) and what is wrong with them")
    p.set_defaults(func=_settings)

    from .intake.command import add_parser as add_intake

    add_intake(sub)
    return parser


def _settings(args: argparse.Namespace) -> int:
    """The settings the environment gives, and what is wrong with the folders they name (exit 1 if anything)."""
    for line in args.settings.describe():
        print(line)
    problems = args.settings.check()
    for line in problems:
        print(f"problem: {line}", file=sys.stderr)
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.settings = Settings.from_env()
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except CommandError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except NotAllowed as exc:  # e.g. the engagement log asked for on a read-only server
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
