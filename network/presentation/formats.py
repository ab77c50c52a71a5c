"""The data formats of a snapshot: GEXF, GraphML, node-link JSON and a CSV zip.

Each is written for the programs people open it with (issue 16): GEXF 1.3 for Gephi and
Gephi Lite (graphology-gexf), GraphML for igraph, yEd and Cytoscape, node-link JSON for
networkx, the CSV zip for spreadsheets and for loading back. A map mixes directed and
undirected relations, and every format keeps each relation's direction: GEXF and GraphML
per edge, JSON and CSV in the ``directed`` column. networkx's GEXF and GraphML readers refuse
mixed graphs; it reads the JSON, the GEXF and GraphML of a view in one direction, or the
GraphML written with each mutual relation as two arcs (``graphml_bytes(arcs=True)``).

Byte-stable: the same data and view give the same bytes, whatever the day (the snapshot
date is written, not the clock) and whatever the order the data came in.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from .. import vocabulary as vocab
from ..i18n import t
from ..io.csvfile import csv_text, neutralise
from ..model import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS, Dataset
from .encoding import map_elements
from .snapshot import Snapshot, source_text

__all__ = [
    "export_graph",
    "gexf_bytes",
    "graphml_bytes",
    "json_bytes",
    "csv_zip_bytes",
    "workbook_bytes",
    "kumu_bytes",
    "gephi_zip_bytes",
    "data_rows",
    "snapshot_dataset",
    "left_out",
]

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


def left_out(snapshot: Snapshot) -> str:
    """What the view left out of the data and how to get it, said inside a data file; "" when nothing.

    A data export holds the view (issue 25): without this, a file of 63 of 97 actors reads as the whole map.
    """
    n, e = snapshot.graph.number_of_nodes(), snapshot.graph.number_of_edges()
    total, etotal = snapshot.whole
    if snapshot.overview or not total or (n, e) == (total, etotal):
        return ""
    return t("left_out_note", snapshot.lang, n=n, total=total, e=e, etotal=etotal)


def meta(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "left_out": left_out(snapshot),
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
    H: nx.MultiDiGraph = nx.MultiDiGraph()
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
    if left_out(snapshot):
        H.graph["left_out"] = left_out(snapshot)
    for n in sorted(G.nodes, key=_natural):
        attrs = {str(k): _plain(v) for k, v in sorted(G.nodes[n].items())}
        x, y = snapshot.positions.get(n, (0.0, 0.0))
        # The label the map shows: the actor's short label where it has one (issue 23), else its name.
        label = G.nodes[n].get("label") or G.nodes[n].get("name") or n
        attrs.update(label=str(label), x=float(x), y=float(y))
        H.add_node(n, **attrs)
    for u, v, k in sorted(G.edges(keys=True), key=lambda e: (_natural(e[0]), _natural(e[1]), _natural(e[2]))):
        H.add_edge(u, v, key=k, **{str(a): _plain(b) for a, b in sorted(G.edges[u, v, k].items())})
    return H


_NUMBER = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?")


def _typed(H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``H`` with custom columns whose every value is a number as numbers (a Kumu "Influence" of 7, not "7").

    For GEXF and GraphML, which declare a type per column: Gephi and igraph then sort and size by it.
    Our own columns stay text (a date "2026" is not a number), and so does "007" (a code, not 7).
    A value left empty is left out, as those formats mean by a missing value.
    """
    for known, items in (
        (set(ACTOR_COLUMNS) | {"label", "x", "y"}, [a for _, a in H.nodes(data=True)]),
        (set(RELATION_COLUMNS) | {"directed", "weight"}, [e for *_, e in H.edges(data=True)]),
    ):
        columns = {k for row in items for k in row} - known
        for c in columns:
            values = [row[c] for row in items if c in row and row[c] != ""]
            if not values or not all(isinstance(v, str) and _NUMBER.fullmatch(v) for v in values):
                continue
            kind = float if any("." in v for v in values) else int  # one type per column, as both formats declare it
            for row in items:
                if c in row:
                    if row[c] == "":
                        del row[c]
                    else:
                        row[c] = kind(row[c])
    return H


def _rgb(color: str) -> dict[str, str]:
    c = color.lstrip("#")
    if not re.fullmatch(r"[0-9a-fA-F]{6}([0-9a-fA-F]{2})?", c):
        c = "BBBBBB"
    return {"r": str(int(c[0:2], 16)), "g": str(int(c[2:4], 16)), "b": str(int(c[4:6], 16))}


# Characters XML 1.0 cannot hold (a CSV cell can): shown as U+FFFD instead of a file no reader opens.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The attribute types GEXF and GraphML share, by the Python type of every value of a column.
_XML_TYPES = {str: "string", bool: "boolean", int: "long", float: "double"}
# A relation's own ``id`` column (Kumu connections have one) would clash with the reader's
# edge id (igraph refuses an ``id`` attribute beside its own; Gephi reserves the column).
_RENAMED = {("edge", "id"): "relation_id"}


def _xml_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _XML_ILLEGAL.sub("\ufffd", str(value))


def _xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _declare(rows: Iterable[Mapping[str, object]], skip: Collection[str]) -> dict[str, type]:
    """Attribute name -> one Python type for all its values (str when they differ), in order of first use."""
    kinds: dict[str, type] = {}
    for row in rows:
        for k, v in row.items():
            if k in skip:
                continue
            kind = type(v)
            if kinds.setdefault(k, kind) is not kind:
                kinds[k] = str
    return kinds


def _edge_direction(H: nx.MultiDiGraph) -> str:
    """The file's default edge type: undirected when every relation is, else directed."""
    flags = [bool(e.get("directed", True)) for *_, e in H.edges(data=True)]
    return "undirected" if flags and not any(flags) else "directed"


_GEXF_NS = "http://gexf.net/1.3"
# Node data that GEXF holds in its own places: the id, the label and viz:position.
_GEXF_NODE_SKIP = ("id", "label", "x", "y")
# Edge data the GEXF edge element holds itself: its ends, and its type (as relation_type).
_EDGE_SKIP = ("source", "target", "type")


def _gexf_attributes(graph: ET.Element, cls: str, kinds: Mapping[str, type], first: int = 0) -> dict[str, str]:
    # Numeric ids, as Gephi writes them: graphology-gexf takes a column's name from its
    # title only when the id is a number (else the id is the name).
    block = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
    ids = {}
    for i, (name, kind) in enumerate(kinds.items(), start=first):
        ids[name] = str(i)
        title = _xml_text(_RENAMED.get((cls, name), name))
        ET.SubElement(block, "attribute", {"id": ids[name], "title": title, "type": _XML_TYPES[kind]})
    return ids


def _attvalues(parent: ET.Element, data: Mapping[str, object], ids: Mapping[str, str]) -> None:
    values = [(ids[k], v) for k, v in data.items() if k in ids]
    if values:
        block = ET.SubElement(parent, "attvalues")
        for key, v in values:
            ET.SubElement(block, "attvalue", {"for": key, "value": _xml_text(v)})


def gexf_bytes(snapshot: Snapshot) -> bytes:
    """The shown map as GEXF 1.3, the format Gephi and Gephi Lite open.

    Only what the GEXF 1.3 schema defines. Each relation keeps its direction as the
    edge's own ``type`` (``directed`` or ``undirected``: a mixed graph, which Gephi and
    graphology read as such); the graph's ``defaultedgetype`` is ``undirected`` only when
    every relation is. GEXF reserves an edge's ``type`` for that, so the relation type
    travels as the attribute ``relation_type`` and as the edge's ``label`` (its display
    label). The edge id is the relation's key. Nodes carry the map's colour, size and
    position (y flipped: Gephi's y axis points up, the map's down).
    """
    H = _typed(export_graph(snapshot))
    nodes, _edges = map_elements(snapshot.graph, snapshot.positions, snapshot.style)
    look = {n["id"]: n for n in nodes}
    root = ET.Element(
        "gexf",
        {
            "xmlns": _GEXF_NS,
            "xmlns:viz": f"{_GEXF_NS}/viz",
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:schemaLocation": f"{_GEXF_NS} {_GEXF_NS}/gexf.xsd",
            "version": "1.3",
        },
    )
    # The snapshot date, not the clock: the same data and view give the same bytes.
    meta_el = ET.SubElement(root, "meta", {"lastmodifieddate": snapshot.date} if snapshot.date else {})
    ET.SubElement(meta_el, "creator").text = t("app_title", snapshot.lang)
    description = "\n".join(x for x in (snapshot.title, snapshot.caption, left_out(snapshot), snapshot.sources_line()) if x)
    ET.SubElement(meta_el, "description").text = _xml_text(description)
    graph = ET.SubElement(root, "graph", {"defaultedgetype": _edge_direction(H), "mode": "static"})
    node_ids = _gexf_attributes(graph, "node", _declare((a for _, a in H.nodes(data=True)), _GEXF_NODE_SKIP))
    edge_rows = []
    for *_, e in H.edges(keys=True, data=True):
        row = {"relation_type": e.get("type", "")}
        row.update((k, v) for k, v in e.items() if k not in _EDGE_SKIP)
        edge_rows.append(row)
    edge_ids = _gexf_attributes(graph, "edge", _declare(edge_rows, ()), first=len(node_ids))
    nodes_el = ET.SubElement(graph, "nodes")
    for n, a in H.nodes(data=True):
        node = ET.SubElement(nodes_el, "node", {"id": _xml_text(n), "label": _xml_text(a["label"])})
        _attvalues(node, a, node_ids)
        el = look[n]
        ET.SubElement(node, "viz:color", _rgb(str(el["color"]["background"])))  # type: ignore[index]
        ET.SubElement(node, "viz:position", {"x": repr(float(a["x"])), "y": repr(-float(a["y"])), "z": "0.0"})
        ET.SubElement(node, "viz:size", {"value": repr(float(el["size"]))})  # type: ignore[arg-type]
    edges_el = ET.SubElement(graph, "edges")
    for (u, v, k, e), row in zip(H.edges(keys=True, data=True), edge_rows):
        relation = str(e.get("type", ""))
        edge = ET.SubElement(
            edges_el,
            "edge",
            {
                "id": _xml_text(k),
                "source": _xml_text(u),
                "target": _xml_text(v),
                "type": "directed" if e.get("directed", True) else "undirected",
                "label": _xml_text(vocab.label(relation, snapshot.lang, "relation")),
            },
        )
        weight = e.get("weight")
        if isinstance(weight, int | float) and not isinstance(weight, bool):
            edge.set("weight", repr(float(weight)))  # an overview's relation count: Gephi's line width
        _attvalues(edge, row, edge_ids)
        rt = vocab.relation_type(relation)
        ET.SubElement(edge, "viz:color", _rgb(rt.color if rt else vocab.UNKNOWN_RELATION_STYLE["color"]))
    return _xml_bytes(root)


_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def graphml_bytes(snapshot: Snapshot, arcs: bool = False) -> bytes:
    """The shown map as GraphML (yEd, Cytoscape, igraph, networkx, graphology).

    A map mixes directed and undirected relations. By default ``edgedefault`` is
    ``undirected`` when any relation is, and every edge says ``directed="true"`` or
    ``"false"``: graphology's reader honours only ``directed="true"`` on an edge and
    otherwise the default, so each relation reads right there (issue 25); the ``directed``
    data column says it for readers of one direction (igraph). networkx refuses a mixed
    file; ``arcs=True`` writes a file of one direction every reader takes: each mutual
    (undirected) relation as two arcs, ``<key>`` and ``<key>~back``, both with
    ``directed`` false, so a reader can pair them again.

    Nothing repeats what the elements hold themselves, so no reader's own ids clash: the
    node id is the actor id (no ``id`` data key, which igraph would refuse beside its own),
    the edge id is the relation's key, and the edge's ``source``/``target`` are its ends
    (no data keys for them). Node data has ``label`` (the name) and the map's ``x``/``y``.
    """
    H = _typed(export_graph(snapshot))
    root = ET.Element(
        "graphml",
        {
            "xmlns": _GRAPHML_NS,
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:schemaLocation": f"{_GRAPHML_NS} {_GRAPHML_NS}/1.0/graphml.xsd",
        },
    )
    blocks = {
        "graph": _declare([H.graph], ()),
        "node": _declare((a for _, a in H.nodes(data=True)), ("id",)),
        "edge": _declare((e for *_, e in H.edges(data=True)), ("source", "target")),
    }
    ids: dict[str, dict[str, str]] = {}
    for cls, kinds in blocks.items():
        ids[cls] = {}
        for i, (name, kind) in enumerate(kinds.items()):
            ids[cls][name] = f"{cls[0]}{i}"
            shown = _RENAMED.get((cls, name), name)
            attrs = {"id": ids[cls][name], "for": cls, "attr.name": _xml_text(shown), "attr.type": _XML_TYPES[kind]}
            ET.SubElement(root, "key", attrs)

    def data(parent: ET.Element, values: Mapping[str, object], cls: str) -> None:
        for k, v in values.items():
            if k in ids[cls]:
                ET.SubElement(parent, "data", {"key": ids[cls][k]}).text = _xml_text(v)

    # Undirected when any relation is: graphology takes the default for every edge not marked directed="true".
    mutual_any = any(not e.get("directed", True) for *_, e in H.edges(data=True))
    default = "undirected" if mutual_any and not arcs else "directed"
    graph = ET.SubElement(root, "graph", {"id": "G", "edgedefault": default})
    data(graph, H.graph, "graph")
    for n, a in H.nodes(data=True):
        data(ET.SubElement(graph, "node", {"id": _xml_text(n)}), a, "node")
    for u, v, k, e in H.edges(keys=True, data=True):
        mutual = not e.get("directed", True)
        ends = [(u, v, k), (v, u, f"{k}~back")] if arcs and mutual else [(u, v, k)]
        for a, b, key in ends:
            attrs = {"id": _xml_text(key), "source": _xml_text(a), "target": _xml_text(b)}
            if not arcs:
                attrs["directed"] = "false" if mutual else "true"
            data(ET.SubElement(graph, "edge", attrs), e, "edge")
    return _xml_bytes(root)


def json_bytes(snapshot: Snapshot) -> bytes:
    # node-link's `source`/`target` keys carry the relation's source and target columns.
    data = nx.node_link_data(export_graph(snapshot), edges="edges")
    data["meta"] = meta(snapshot)
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _columns(base: Iterable[str], rows: Iterable[Mapping[str, object]]) -> list[str]:
    cols = list(base)
    extra = sorted({str(k) for r in rows for k in r} - set(cols))
    return cols + extra


def _sources_rows(snapshot: Snapshot) -> list[dict[str, object]]:
    """Every document of the data (the graph's ``sources`` table), by id; else the cited ones."""
    table = snapshot.graph.graph.get("sources")
    if isinstance(table, Mapping) and table:
        rows = [{"id": d, **dict(row)} for d, row in table.items()]
    else:
        rows = [dict(s) for s in snapshot.sources]
    return sorted(({str(k): _plain(v) for k, v in r.items()} for r in rows), key=lambda r: _natural(r.get("id", "")))


def data_rows(snapshot: Snapshot) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The shown actors and relations as rows of actors.csv and relations.csv: every column, sorted."""
    H = export_graph(snapshot)
    G = snapshot.graph
    actors = []
    for n, a in H.nodes(data=True):
        row = {k: v for k, v in a.items() if k not in ("label", "x", "y")}
        if "label" in G.nodes[n]:  # the actor's own short label column, not the name the formats add as label
            row["label"] = _plain(G.nodes[n]["label"])
        row.setdefault("id", n)
        actors.append(row)
    relations = []
    for u, v, _k, e in H.edges(keys=True, data=True):
        row = dict(e)
        row.update(source=row.get("source", u), target=row.get("target", v))
        if isinstance(row.get("directed"), bool):
            row["directed"] = "true" if row["directed"] else "false"
        relations.append(row)
    return actors, relations


def snapshot_dataset(snapshot: Snapshot) -> Dataset:
    """The shown map as a data set (every value as text), for the workbooks."""
    actors, relations = data_rows(snapshot)

    def text(rows: Iterable[Mapping[str, object]]) -> list[dict[str, str]]:
        return [{k: "" if v is None else str(v) for k, v in r.items()} for r in rows]

    return Dataset(
        actors=text(actors),
        relations=text(relations),
        sources=text(_sources_rows(snapshot)),
        version=snapshot.version,
    )


def _readme(snapshot: Snapshot, how: str) -> str:
    """What a zip says about itself: title, caption, what the view left out, date, version, sources, and ``how``."""
    return "\n".join(
        [
            snapshot.title,
            "",
            snapshot.caption,
            *([left_out(snapshot)] if left_out(snapshot) else []),
            f"{t('date', snapshot.lang)}: {snapshot.date}",
            f"{t('data_version', snapshot.lang)}: {snapshot.version}",
            "",
            f"{t('sources', snapshot.lang)}:",
            *[f"- {source_text(s)}" for s in snapshot.sources],
            "",
            how,
            "",
        ]
    )


def _zip(files: Mapping[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            # utf-8-sig: the byte-order mark tells Excel the text is UTF-8 (else it guesses cp1252).
            zf.writestr(info, text.encode("utf-8-sig"))
    return buf.getvalue()


def csv_zip_bytes(snapshot: Snapshot) -> bytes:
    """The shown map as a ZIP of actors.csv, relations.csv, sources.csv, positions.csv and README.txt.

    A data folder the explorer loads back to the same data (``load_dataset`` on the
    unpacked folder; exporting that again gives the same bytes), laid out as it was:
    positions.csv holds where each actor sits (issue 25). Each CSV is UTF-8 with a
    byte-order mark, so Excel shows accented names right; every column is kept; a cell
    that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-`` or ``@``)
    gets an apostrophe in front, which the loader takes off again (``csvfile.restore``).
    sources.csv holds every document of the data, so the relations' ``source_doc`` still
    resolve.
    """
    from ..io.positions import positions_text

    actors, relations = data_rows(snapshot)
    sources = _sources_rows(snapshot)
    files = {
        "actors.csv": csv_text(actors, _columns(ACTOR_COLUMNS, actors)),
        "relations.csv": csv_text(relations, _columns(RELATION_COLUMNS, relations)),
        "sources.csv": csv_text(sources, _columns(SOURCE_COLUMNS, sources)),
        "README.txt": _readme(snapshot, t("csv_readme", snapshot.lang)),
    }
    if not snapshot.overview:  # an overview's positions are its groups', not the actors'
        files["positions.csv"] = positions_text(snapshot.positions)
    return _zip(files)


def workbook_bytes(snapshot: Snapshot) -> bytes:
    """The shown map as our workbook: sheets actors, relations, sources, positions and about.

    ``about`` says what the map shows and what the view left out; the loader reads only
    the sheets it knows, so the workbook loads back to the same data, laid out as it was.
    """
    from ..io.xlsx import write_workbook

    positions = None if snapshot.overview else snapshot.positions
    return _with_about(write_workbook(snapshot_dataset(snapshot), positions), snapshot)


def kumu_bytes(snapshot: Snapshot) -> bytes:
    """The shown map as a workbook Kumu imports, with X and Y, and an "About (ignore)" sheet Kumu skips."""
    from ..io.kumu import write_kumu

    positions = None if snapshot.overview else snapshot.positions
    return _with_about(write_kumu(snapshot_dataset(snapshot), snapshot.lang, positions), snapshot, "About (ignore)")


def _with_about(book: bytes, snapshot: Snapshot, title: str = "about") -> bytes:
    """``book`` with one more sheet of what the map shows and what the view left out."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(book))
    ws = wb.create_sheet(title)
    for line in (snapshot.title, snapshot.caption, left_out(snapshot), snapshot.sources_line()):
        if line:
            ws.append([_XML_ILLEGAL.sub("\ufffd", line)])
            ws.cell(row=ws.max_row, column=1).data_type = "s"
    ws.column_dimensions["A"].width = 120
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# Gephi's spreadsheet import (Data Laboratory, "Import Spreadsheet"): nodes need Id (and Label);
# edges Source and Target, with Type = Directed or Undirected and a numeric Weight. Any other
# column becomes an attribute, so our own columns must not be called Type, Id or Weight there.
GEPHI_NODE_COLUMNS = ("Id", "Label")
GEPHI_EDGE_COLUMNS = ("Source", "Target", "Type", "Weight", "Label")


def gephi_rows(snapshot: Snapshot) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Gephi's nodes and edges: the claims between two actors in one direction merged into one edge.

    Gephi draws one line per pair and adds up parallel edges' weights anyway; merging here
    keeps what each claim was: ``Weight`` is the number of claims, ``Label`` and
    ``Relation types`` name their types, ``Claims`` counts them and ``Documents`` cites them.
    A mutual (undirected) claim and a directed one between the same actors stay two edges.
    """
    H = export_graph(snapshot)
    lang = snapshot.lang
    nodes = []
    for n, a in H.nodes(data=True):
        row: dict[str, Any] = {"Id": n, "Label": a["label"], "Actor type": vocab.label(str(a.get("type", "")), lang)}
        row |= {k: v for k, v in a.items() if k not in ("id", "label", "name", "type")}
        row["Name"] = a.get("name", "")
        nodes.append(row)
    merged: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for u, v, e in H.edges(data=True):
        directed = bool(e.get("directed", True))
        ends = (u, v) if directed or _natural(u) <= _natural(v) else (v, u)
        merged.setdefault((*ends, directed), []).append(e)
    edges = []
    for (u, v, directed), claims in merged.items():
        types = list(dict.fromkeys(str(c.get("type", "")) for c in claims))
        docs = list(dict.fromkeys(str(c.get("source_doc", "")) for c in claims if c.get("source_doc")))
        edges.append(
            {
                "Source": u,
                "Target": v,
                "Type": "Directed" if directed else "Undirected",
                "Weight": len(claims),
                "Label": "; ".join(vocab.label(ty, lang, "relation") for ty in types),
                "Relation types": "|".join(types),
                "Claims": len(claims),
                "Documents": "|".join(docs),
                "Evidence": " | ".join(str(c.get("evidence", "")) for c in claims if c.get("evidence")),
            }
        )
    return nodes, edges


def _typed_csv(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """CSV whose numbers stay numbers (Gephi types a column by its values); text is guarded against formulas."""
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        cells = [row.get(c, "") for c in columns]
        writer.writerow([v if isinstance(v, int | float) and not isinstance(v, bool) else neutralise(v) for v in cells])
    return buf.getvalue()


def gephi_zip_bytes(snapshot: Snapshot) -> bytes:
    """The shown map as a ZIP of nodes.csv and edges.csv in Gephi's spreadsheet import columns, and README.txt."""
    nodes, edges = gephi_rows(snapshot)
    files = {
        "nodes.csv": _typed_csv(nodes, _columns(GEPHI_NODE_COLUMNS, nodes)),
        "edges.csv": _typed_csv(edges, _columns(GEPHI_EDGE_COLUMNS, edges)),
        "README.txt": _readme(snapshot, t("gephi_readme", snapshot.lang)),
    }
    return _zip(files)
