"""Command line: ``python -m network validate [DIR]`` and friends.

Exit codes: 0 fine, 1 the data (or a named actor) is wrong, 2 usage error.
No input, however broken, produces a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .data import DataError, default_data_dir, load_dataset

__all__ = ["main"]


def _validate(args: argparse.Namespace) -> int:
    folder = args.dir or args.data or str(default_data_dir())
    try:
        ds = load_dataset(folder)
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
    print(
        f"ok: {len(ds.actors)} actors, {len(ds.relations)} relations, {len(ds.sources)} documents, "
        f"{len(ds.warnings)} warning(s), data version {ds.version} ({folder})"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m network", description="Stakeholder Network Explorer")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check a data folder and list every problem")
    p.add_argument("dir", nargs="?", help="data folder (default: $NETWORK_DATA_DIR or data/)")
    p.add_argument("--data", help="data folder (same as DIR)")
    p.set_defaults(func=_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
