"""The data formats of a snapshot: GEXF, GraphML, node-link JSON and a CSV zip.

Byte-stable: the same data and view give the same bytes, whatever the day (the snapshot
date is written, not the clock) and whatever the order the data came in.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from .. import vocabulary as vocab
from ..i18n import t
from ..io.csvfile import csv_text
from ..model import ACTOR_COLUMNS, RELATION_COLUMNS
from .render import map_elements
from .snapshot import Snapshot, source_text

__all__ = ["export_graph", "gexf_bytes", "graphml_bytes", "json_bytes", "csv_zip_bytes"]

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed ZIP entry times: the same data gives the same bytes


def _natural(value: object) -> tuple[Any, ...]:
    """Sort key that puts r2 before r10."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", str(value)))


def _plain(value: object) -> str | int | float | bool:
    """A value every writer accepts: str, int, float or bool; None becomes ""."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def meta(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "title": snapshot.title,
        "caption": snapshot.caption,
        "date": snapshot.date,
        "version": snapshot.version,
        "lang": snapshot.lang,
        "sources": snapshot.sources,
    }


def export_graph(snapshot: Snapshot) -> nx.MultiDiGraph:
    """The shown graph as the data formats write it: sorted, plain values, ``label`` and x/y.

    Nodes are sorted by id and edges by (source, target, key); every attribute is a
    str, int, float or bool; each node gets ``label`` (its name) and ``x``/``y`` (the
    map's screen position, y growing downward). The graph-level ``sources`` holds
    the cited documents as a JSON string.
    """
    G = snapshot.graph
    H = nx.MultiDiGraph()
    H.graph.update(
        {
            "title": snapshot.title,
            "caption": snapshot.caption,
            "date": snapshot.date,
            "version": snapshot.version,
            "lang": snapshot.lang,
            "sources": json.dumps(snapshot.sources, sort_keys=True, ensure_ascii=False),
        }
    )
    for n in sorted(G.nodes, key=_natural):
        attrs = {str(k): _plain(v) for k, v in sorted(G.nodes[n].items())}
        x, y = snapshot.positions.get(n, (0.0, 0.0))
        attrs.update(label=str(G.nodes[n].get("name") or n), x=float(x), y=float(y))
        H.add_node(n, **attrs)
    for u, v, k in sorted(G.edges(keys=True), key=lambda e: (_natural(e[0]), _natural(e[1]), _natural(e[2]))):
        H.add_edge(u, v, key=k, **{str(a): _plain(b) for a, b in sorted(G.edges[u, v, k].items())})
    return H


def _rgb(color: str) -> dict[str, int]:
    c = color.lstrip("#")
    if not re.fullmatch(r"[0-9a-fA-F]{6}([0-9a-fA-F]{2})?", c):
        return {"r": 187, "g": 187, "b": 187}
    return {"r": int(c[0:2], 16), "g": int(c[2:4], 16), "b": int(c[4:6], 16)}


def gexf_bytes(snapshot: Snapshot) -> bytes:
    from networkx.readwrite.gexf import GEXFWriter

    H = export_graph(snapshot)
    H.graph = {"name": snapshot.title}
    nodes, _edges = map_elements(snapshot.graph, snapshot.positions, snapshot.style)
    look = {n["id"]: n for n in nodes}
    for n, a in H.nodes(data=True):
        el = look[n]
        color = el["color"]["background"]  # type: ignore[index]
        # Gephi's y axis points up, the map's down: flip it so the picture is not mirrored.
        a["viz"] = {
            "position": {"x": a["x"], "y": -a["y"], "z": 0.0},
            "color": _rgb(str(color)),
            "size": float(el["size"]),  # type: ignore[arg-type]
        }
    for _u, _v, k, e in H.edges(keys=True, data=True):
        # GEXF reserves an edge's `type` for directed/undirected, so the relation type goes
        # in `relation_type`; the edge `id` is the relation's key, `label` its type label.
        e["relation_type"] = e.pop("type", "")
        e["id"] = str(k)
        e["label"] = vocab.label(str(e["relation_type"]), snapshot.lang, "relation")
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.set("lastmodifieddate", snapshot.date)  # not the clock: byte-stable
        desc = meta.makeelement("description", {})
        desc.text = f"{snapshot.caption}\n{snapshot.sources_line()}"
        meta.append(desc)
    writer.add_graph(H)
    return str(writer).encode("utf-8")


def graphml_bytes(snapshot: Snapshot) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(export_graph(snapshot), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def json_bytes(snapshot: Snapshot) -> bytes:
    # node-link's `source`/`target` keys carry the relation's source and target columns.
    data = nx.node_link_data(export_graph(snapshot), edges="edges")
    data["meta"] = meta(snapshot)
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _columns(base: Iterable[str], rows: Iterable[Mapping[str, object]]) -> list[str]:
    cols = list(base)
    extra = sorted({str(k) for r in rows for k in r} - set(cols))
    return cols + extra


def csv_zip_bytes(snapshot: Snapshot) -> bytes:
    H = export_graph(snapshot)
    actors = []
    for n, a in H.nodes(data=True):
        row = {k: v for k, v in a.items() if k not in ("label", "x", "y")}
        row.setdefault("id", n)
        actors.append(row)
    relations = []
    for u, v, _k, e in H.edges(keys=True, data=True):
        row = dict(e)
        row.update(source=row.get("source", u), target=row.get("target", v))
        if isinstance(row.get("directed"), bool):
            row["directed"] = "true" if row["directed"] else "false"
        relations.append(row)
    readme = "\n".join(
        [
            snapshot.title,
            "",
            snapshot.caption,
            f"{t('date', snapshot.lang)}: {snapshot.date}",
            f"{t('data_version', snapshot.lang)}: {snapshot.version}",
            "",
            f"{t('sources', snapshot.lang)}:",
            *[f"- {source_text(s)}" for s in snapshot.sources],
            "",
            t("csv_readme", snapshot.lang),
            "",
        ]
    )
    files = {
        "actors.csv": csv_text(actors, _columns(ACTOR_COLUMNS, actors)),
        "relations.csv": csv_text(relations, _columns(RELATION_COLUMNS, relations)),
        "README.txt": readme,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()
