"""Every export format behind one call: ``export_bytes(snapshot, fmt)``."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from ..filters import TOGGLES
from ..io.atomic import write_bytes_atomic
from ..view import ViewState
from .deck import export_deck
from .figure import picture_bytes
from .formats import csv_zip_bytes, gephi_zip_bytes, gexf_bytes, graphml_bytes, json_bytes, kumu_bytes, workbook_bytes
from .render import render_html
from .snapshot import Snapshot, make_snapshot

__all__ = [
    "FORMATS",
    "DATA_FORMATS",
    "EXTENSIONS",
    "MEDIA_TYPES",
    "export_bytes",
    "export_file",
    "everything",
    "views_deck",
    "Snapshot",
    "make_snapshot",
    "export_deck",
]

FORMATS = ("png", "svg", "pdf", "html", "gexf", "graphml", "json", "csv", "xlsx", "kumu", "gephi", "pptx")
# The formats that carry the data (not a picture of it): --all gives everything in them.
DATA_FORMATS = ("gexf", "graphml", "json", "csv", "xlsx", "kumu", "gephi")
# A file's name ending, where it is not the format's own name.
EXTENSIONS = {"csv": "zip", "gephi": "gephi.zip", "kumu": "kumu.xlsx"}
MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "gexf": "application/xml",
    "graphml": "application/xml",
    "json": "application/json",
    "csv": "application/zip",
    "gephi": "application/zip",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "kumu": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def everything(state: ViewState) -> ViewState:
    """The view of ``--all``: every actor and relation of the data, in ``state``'s language, title and lines.

    No filter, focus, path or overview, and every lens shown (``filters.TOGGLES``).

    Examples
    --------
    >>> sorted(everything(ViewState(actor_types=["ngo"], lang="nl")).to_dict().items())
    [('lang', 'nl'), ('show_asks', True), ('show_people', True)]
    """
    # Any: the keys are known only at run time, so mypy would hold each value to every field's type.
    lenses: dict[str, Any] = {o.key: True for o in TOGGLES if o.lens}
    return ViewState(lang=state.lang, title=state.title, every_claim=state.every_claim, **lenses)


def _html(snapshot: Snapshot) -> bytes:
    caption = f"{snapshot.caption} · {snapshot.sources_line()}"
    style = dataclasses.replace(snapshot.style, title=snapshot.title, caption=caption, lang=snapshot.lang)
    return render_html(snapshot.graph, snapshot.positions, style).encode("utf-8")


def export_bytes(snapshot: Snapshot, fmt: str, *, dpi: float | None = None, arcs: bool = False) -> bytes:
    """The snapshot in format ``fmt`` (one of ``FORMATS``) as bytes.

    Parameters
    ----------
    snapshot : Snapshot
    fmt : str
        ``png``, ``svg``, ``pdf`` (pictures), ``html`` (the interactive map, one
        self-contained file), ``gexf``, ``graphml``, ``json`` (graph data), ``csv``
        (a ZIP of actors.csv, relations.csv, sources.csv, positions.csv and README.txt),
        ``xlsx`` (our workbook), ``kumu`` (a workbook Kumu imports), ``gephi`` (a ZIP of
        nodes.csv and edges.csv for Gephi's spreadsheet import) or ``pptx`` (one slide).
    dpi : float, optional
        PNG resolution: default 120 (1920 x 1080 px); ``PRINT_DPI`` (300) gives
        4800 x 2700 px of the same 16 x 9 inch picture, for print.
    arcs : bool
        GraphML: each mutual relation as two arcs, a file of one direction that networkx
        and igraph read right (``formats.graphml_bytes``).

    Returns
    -------
    bytes

    Examples
    --------
    >>> import datetime, json
    >>> import networkx as nx
    >>> from network.view import ViewState
    >>> G = nx.MultiDiGraph(version="abc", sources={})
    >>> G.add_node("a", name="A", type="ngo")
    >>> s = make_snapshot(G, ViewState(), today=datetime.date(2026, 1, 2))
    >>> json.loads(export_bytes(s, "json"))["nodes"][0]["label"]
    'A'
    """
    fmt = fmt.lower().lstrip(".")
    if fmt in ("png", "svg", "pdf"):
        return picture_bytes(snapshot, fmt, dpi)
    if fmt == "html":
        return _html(snapshot)
    if fmt == "gexf":
        return gexf_bytes(snapshot)
    if fmt == "graphml":
        return graphml_bytes(snapshot, arcs=arcs)
    if fmt == "json":
        return json_bytes(snapshot)
    if fmt == "csv":
        return csv_zip_bytes(snapshot)
    if fmt == "xlsx":
        return workbook_bytes(snapshot)
    if fmt == "kumu":
        return kumu_bytes(snapshot)
    if fmt == "gephi":
        return gephi_zip_bytes(snapshot)
    if fmt == "pptx":
        return export_deck([snapshot])
    raise ValueError(f"unknown export format '{fmt}' (choose from: {', '.join(FORMATS)})")


def export_file(snapshot: Snapshot, fmt: str, path: str | os.PathLike[str], *, dpi: float | None = None) -> Path:
    """Write the snapshot in format ``fmt`` to ``path`` atomically; return the path.

    The bytes go to a temporary file in the same folder, which is fsynced and then
    renamed over ``path``, so a reader never sees half a file.
    """
    target = Path(path)
    write_bytes_atomic(target, export_bytes(snapshot, fmt, dpi=dpi))
    return target


def views_deck(
    G_full: nx.MultiDiGraph,
    folder: str | os.PathLike[str],
    names: Sequence[str] | None = None,
    lang: str | None = None,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    with_asks: bool = False,
) -> tuple[bytes, list[str]]:
    """A deck of saved views, one slide each (all views in ``folder`` unless ``names``).

    ``lang`` puts every slide in one language (the interface's), whatever each view was
    saved in; ``with_asks`` ends the deck with the asks table. Returns the PPTX bytes and the
    names of the views on the slides; raises
    FileNotFoundError when there is no view.
    """
    from ..views import list_views, load_view

    chosen = list(names) if names is not None else list_views(folder)
    if not chosen:
        raise FileNotFoundError("there are no saved views")
    snaps = []
    for name in chosen:
        state = load_view(folder, name)
        if lang:
            state = dataclasses.replace(state, lang=lang)
        snaps.append(make_snapshot(G_full, state, title=state.title or name, positions=positions))
    asks = None
    if with_asks:
        from ..stance import asks_table_rows

        asks = (asks_table_rows(G_full, lang or "en"), lang or "en")
    return export_deck(snaps, asks), chosen
