"""Results kept on disk, so a restart (or the next CLI run) need not compute them again.

Big layouts and metrics cost seconds; they are kept as JSON files under ``cache_dir()``,
one folder per namespace, named by a key the caller makes from the graph's structure
(``cache.graph_key``) and whatever else decides the result.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .io.atomic import write_bytes_atomic
from .settings import Settings

__all__ = ["cache_dir", "disk_get"]


def cache_dir() -> Path | None:
    """Where results survive a restart: ``$NETWORK_CACHE_DIR``, else the user's cache folder; None if "off"."""
    return Settings.from_env().cache_dir


def disk_get(namespace: str, key: str, make: Callable[[], list[list[Any]]]) -> list[list[Any]]:
    """``make()``'s result (JSON-able pairs) kept on disk under ``key``, so a restart need not recompute it.

    A missing, damaged or unwritable cache only costs the computation: it never fails the caller.
    """
    folder = cache_dir()
    path = folder / namespace / f"{key}.json" if folder else None
    if path is not None:
        try:
            return json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            pass
    value = make()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(path, json.dumps(value).encode("utf-8"))
        except OSError:
            pass
    return value
