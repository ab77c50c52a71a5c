"""Snapshots: one view frozen for export, with what it says about itself.

A :class:`Snapshot` is one view frozen for export: the shown graph, the positions
the map uses, its style, and what it says about itself (title, caption with the
filters, date, data version and the documents its relations cite). Every format
is written from a snapshot, so a picture, a slide and a data file of the same
view agree with each other and with the map.

Pictures (PNG, SVG, PDF) are drawn with matplotlib on an explicit Agg canvas
(no pyplot, no GUI backend) from the vis-network elements ``encoding.map_elements``
gives the map, so colours, shapes, dashes and arrows match. matplotlib and
python-pptx are imported inside the functions that need them.

The data formats (GEXF, GraphML, JSON, CSV) are byte-stable: the same data and
view give the same bytes, whatever the day (the snapshot date is written, not
the clock) and whatever the order the data came in.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

import networkx as nx

from ..graph import Hop
from ..i18n import t
from ..positions import data_positions
from ..view import ViewState, apply_view
from .render import MapStyle

__all__ = ["Snapshot", "make_snapshot", "cited_sources", "source_text"]


@dataclass
class Snapshot:
    """One view, frozen for export: what it shows and what it says about itself."""

    graph: nx.MultiDiGraph
    positions: dict[Hashable, tuple[float, float]]
    style: MapStyle
    title: str
    caption: str
    lang: str = "en"
    date: str = ""  # ISO date the snapshot was taken
    version: str = ""  # data version (hash of the CSV files)
    sources: list[dict[str, str]] = field(default_factory=list)  # documents the shown relations cite
    paths: list[list[Hop]] = field(default_factory=list)  # a path view's shortest paths, hop by hop
    # The whole data's actors and relations: a data export says what the view left out (issue 25).
    whole: tuple[int, int] = (0, 0)
    overview: bool = False  # the graph holds groups of actors, not the actors themselves

    def sources_line(self, limit: int | None = None) -> str:
        """The cited documents as one line: ``Sources: [id] title (date); …``."""
        items = [source_text(s) for s in self.sources]
        if limit is not None and len(items) > limit:
            items = items[:limit] + [t("more_sources", self.lang, n=len(items) - limit)]
        return f"{t('sources', self.lang)}: " + ("; ".join(items) if items else "–")


def source_text(s: Mapping[str, str]) -> str:
    text = f"[{s.get('id', '')}]"
    if s.get("title"):
        text += f" {s['title']}"
    if s.get("date"):
        text += f" ({s['date']})"
    return text


def cited_sources(G_full: nx.MultiDiGraph, shown: nx.MultiDiGraph) -> list[dict[str, str]]:
    """The documents cited by the relations in ``shown``, oldest first, as id/title/date dicts."""
    table = G_full.graph.get("sources", {}) or {}
    ids = {str(e.get("source_doc")) for *_, e in shown.edges(data=True) if e.get("source_doc")}
    out = [{"id": d, "title": str(table.get(d, {}).get("title", "")), "date": str(table.get(d, {}).get("date", ""))} for d in ids]
    out.sort(key=lambda s: (s["date"] or "9999", s["id"]))
    return out


def make_snapshot(
    G_full: nx.MultiDiGraph,
    state: ViewState,
    title: str | None = None,
    today: _dt.date | None = None,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
) -> Snapshot:
    """Apply ``state`` to the full graph and freeze the result for export.

    Positions are the whole data set's (``positions``, or those kept in the data folder,
    ``positions.data_positions``), so a filtered picture keeps every actor where the whole
    map has it, the same at every meeting.

    Parameters
    ----------
    G_full : nx.MultiDiGraph
        The whole graph, as ``build_graph`` returns it.
    state : ViewState
        The filters, focus, path and style to apply.
    title : str, optional
        The title; default ``state.title`` or the app's title in the state's language.
    today : datetime.date, optional
        The date the snapshot states; default today.
    positions : mapping, optional
        Where every actor of ``G_full`` sits; default ``positions.data_positions(G_full)``.

    Returns
    -------
    Snapshot

    Examples
    --------
    >>> import datetime
    >>> G = nx.MultiDiGraph(version="abc", sources={})
    >>> G.add_node("a", name="A", type="trade_union"); G.add_node("b", name="B", type="company")
    >>> _ = G.add_edge("a", "b", key="r0", type="trains", directed=True)
    >>> s = make_snapshot(G, ViewState(lang="nl"), today=datetime.date(2026, 1, 2))
    >>> s.title, s.date, s.version, sorted(s.positions)
    ('Stakeholdernetwerk-verkenner', '2026-01-02', 'abc', ['a', 'b'])
    """
    day = today or _dt.date.today()
    result = apply_view(G_full, state, today=day)
    lang = state.lang
    title = title or state.title or t("app_title", lang)
    everywhere = result.positions if result.positions is not None else (positions or data_positions(G_full))
    shown = result.graph
    positions = {n: everywhere.get(n, (0.0, 0.0)) for n in shown.nodes}
    style = dataclasses.replace(result.style, title=title, caption=result.caption)
    return Snapshot(
        graph=shown,
        positions=positions,
        style=style,
        title=title,
        caption=result.caption,
        lang=lang,
        date=day.isoformat(),
        version=str(G_full.graph.get("version", "")),
        sources=cited_sources(G_full, shown),
        paths=result.paths,
        whole=(G_full.number_of_nodes(), G_full.number_of_edges()),
        overview=result.positions is not None,
    )
