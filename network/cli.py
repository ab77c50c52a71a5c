"""Command line: ``python -m network validate [DIR]`` and friends.

This module is the parser and :func:`main`, which dispatches; the commands themselves live in
:mod:`network.commands`, one module per topic (and ``intake`` in :mod:`network.intake.command`).

Exit codes: 0 fine, 1 the data (or a named actor) is wrong, 2 usage error.
No input, however broken, produces a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import vocabulary as vocab
from .analysis import METRICS
from .commands import explore, exports, upkeep
from .commands.common import CommandError
from .filters import DATE_FILTERS, FILTERS, TOGGLES
from .rights import NotAllowed
from .settings import Settings, SettingsError
from .view import CHOICES

# presentation.export.FORMATS, written out: importing the exporters costs half a second on every command.
EXPORT_FORMATS = ("png", "svg", "pdf", "html", "gexf", "graphml", "json", "csv", "xlsx", "kumu", "gephi", "pptx")

__all__ = ["build_parser", "main"]


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
    p.set_defaults(func=upkeep.run_validate)

    p = sub.add_parser("focus", help="actors within K hops of an actor")
    p.add_argument("actor", help="id, name or alias (case-insensitive)")
    p.add_argument("--hops", type=int, choices=(1, 2, 3), default=1)
    _common(p)
    p.set_defaults(func=explore.run_focus)

    p = sub.add_parser("path", help="shortest paths between two actors, hop by hop with evidence")
    p.add_argument("source")
    p.add_argument("target")
    p.add_argument("--relation-type", action="append", metavar="T", help="only these relation types (repeatable)")
    p.add_argument("--max-paths", type=int, default=10)
    p.add_argument("--via-themes", action="store_true", help="also run through themes and laws (shared asks)")
    _common(p)
    p.set_defaults(func=explore.run_path)

    p = sub.add_parser("rank", help="actors ranked by a centrality metric")
    p.add_argument("--metric", choices=METRICS, default="betweenness")
    p.add_argument("--top", type=int, default=0, help="only the first N")
    _common(p)
    p.set_defaults(func=explore.run_rank)

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
    p.set_defaults(func=exports.run_export)

    p = sub.add_parser("layout", help="keep the map in place: place new actors in positions.csv, or --reset all")
    p.add_argument("--data", metavar="DIR", help="data folder (default: $NETWORK_DATA_DIR or data/)")
    p.add_argument("--reset", action="store_true", help="re-arrange every actor (the seeded layout), overwriting positions.csv")
    p.set_defaults(func=upkeep.run_layout)

    p = sub.add_parser("grid", help="the power-interest grid: actors by influence and interest on an ask")
    p.add_argument("--ask", metavar="ACTOR", help="id, name or alias of the ask (default: all asks)")
    p.add_argument("--as-of", metavar="YYYY[-MM[-DD]]", help="the map and the assessments as they stood on this date")
    p.add_argument("--since", metavar="YYYY[-MM[-DD]]", help="say what the assessments changed after this date")
    _common(p)
    p.set_defaults(func=explore.run_grid)

    p = sub.add_parser("diff", help="actors and relations added and removed: between two dates, or two data folders")
    p.add_argument("old", nargs="?", metavar="OLD_DIR")
    p.add_argument("new", nargs="?", metavar="NEW_DIR")
    p.add_argument("--from", dest="date_from", metavar="YYYY[-MM[-DD]]", help="the map as of this date (default: the whole map)")
    p.add_argument("--to", dest="date_to", metavar="YYYY[-MM[-DD]]", help="compared with the map as of this date")
    _common(p)
    p.set_defaults(func=upkeep.run_diff)

    p = sub.add_parser("coalitions", help="communities, co-signature coalitions and theme support")
    _common(p)
    p.set_defaults(func=explore.run_coalitions)
    p = sub.add_parser("asks", help="the asks table: who is for, against or conditional on each ask, naming the documents")
    p.add_argument("--data", metavar="DIR", help="data folder (default: $NETWORK_DATA_DIR or data/)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.add_argument("--lang", choices=vocab.LANGUAGES, default="en")
    p.set_defaults(func=explore.run_asks)

    p = sub.add_parser("stance", help="who is for, against or conditional on one ask, with the quotes")
    p.add_argument("ask", help="id, name or alias of the ask (a theme, or a law or programme)")
    _common(p)
    p.set_defaults(func=explore.run_stance)

    p = sub.add_parser("verify", help="check that every evidence quote appears in its document")
    p.add_argument(
        "--documents",
        metavar="DIR",
        help="folder of the documents named in sources.csv's file column (default: $NETWORK_DOCUMENTS_DIR)",
    )
    p.add_argument("--data", metavar="DIR", help="data folder (default: $NETWORK_DATA_DIR or data/)")
    p.set_defaults(func=upkeep.run_verify)

    p = sub.add_parser("settings", help="show the settings the environment gives (NETWORK_*) and what is wrong with them")
    p.set_defaults(func=upkeep.run_settings)

    from .intake.command import add_parser as add_intake

    add_intake(sub)
    return parser


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
