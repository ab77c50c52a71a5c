"""Every data export read by the programs our users open it with, and compared with the CSVs.

GEXF goes through graphology-gexf (the parser Gephi Lite uses, run by Node), GraphML
through graphology-graphml and python-igraph, every format through networkx where networkx
can read it, the CSV zip and the workbooks through our own loader and back out again (with
their positions), and the Gephi zip against Gephi's spreadsheet import columns.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import shutil
import subprocess
import warnings
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from network import build_graph, load_dataset
from network.presentation.export import export_bytes, make_snapshot
from network.view import ViewState

from .conftest import GOOD, ROOT

DAY = datetime.date(2026, 5, 10)
JS = Path(__file__).parent / "js"
GEXF = "{http://gexf.net/1.3}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
# The relation types of the fixture: co_signs is undirected, the others directed.
DIRECTED_TYPES = ["addresses", "member_of", "trains", "advises"]
# Cells a spreadsheet would run as a formula, and accented Dutch text.
TRICKY = {
    "fnv": {"name": '=HYPERLINK("http://x")', "description": "-Minus Org, coöperatie"},
    "cnv": {"name": "+31 6 1234", "sector": "@home"},
    "vno": {"name": "'s-Hertogenbosch Één", "aliases": "''=own apostrophe"},
    "hukatan": {"description": "Hukatan-KSBSI: ünïcødé, café, België, Curaçao"},
}


def snapshot_of(folder: Path = GOOD, **view: object):
    return make_snapshot(build_graph(load_dataset(folder)), ViewState(**view), today=DAY)  # type: ignore[arg-type]


def zipped_csv(data: bytes) -> dict[str, list[dict[str, str]]]:
    """The CSV zip's tables as a spreadsheet would see them (BOM taken off, no apostrophe undone)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {
            name[:-4]: list(csv.DictReader(io.StringIO(zf.read(name).decode("utf-8-sig"))))
            for name in zf.namelist()
            if name.endswith(".csv")
        }


def relation_rows(snapshot) -> list[dict[str, str]]:
    """The relations of the snapshot as the CSV zip writes them, apostrophes and all."""
    return zipped_csv(export_bytes(snapshot, "csv"))["relations"]


def relations_as_data(snapshot) -> Counter:
    """Each shown relation as (source, target, type, directed, date, evidence), from the data."""
    return Counter(
        (u, v, e["type"], bool(e["directed"]), e.get("date", ""), e.get("evidence", ""))
        for u, v, e in snapshot.graph.edges(data=True)
    )


def run_graphology(path: Path) -> dict:
    """What graphology's reader of the file's kind (graphology-gexf or graphology-graphml) reads."""
    kind = path.suffix.lstrip(".")
    node = shutil.which("node")
    if node is None or not (JS / "node_modules" / f"graphology-{kind}").is_dir():
        message = f"graphology-{kind} is not installed: run `make js` (npm ci --prefix tests/js)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run([node, str(JS / f"read_{kind}.js"), str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def mixed():
    """The whole fixture map: three undirected co-signatures, the rest directed."""
    return snapshot_of()


@pytest.fixture
def tricky_folder(good_copy: Path) -> Path:
    """The fixture data with formula-like and accented cells."""
    path = good_copy / "actors.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        columns, rows = list(reader.fieldnames or []), list(reader)
    for row in rows:
        row.update(TRICKY.get(row["id"], {}))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    relations = (good_copy / "relations.csv").read_text("utf-8").replace("Aan de minister", '"=Aan de minister, één"')
    (good_copy / "relations.csv").write_text(relations, "utf-8")
    return good_copy


# -- GEXF: graphology-gexf, as Gephi Lite reads it ---------------------------------------------


def test_graphology_reads_the_gexf_as_a_mixed_graph_with_each_relations_direction(mixed, tmp_path):
    path = tmp_path / "map.gexf"
    path.write_bytes(export_bytes(mixed, "gexf"))
    got = run_graphology(path)
    assert got["type"] == "mixed"
    assert sorted(n["id"] for n in got["nodes"]) == sorted(mixed.graph.nodes)
    edges = Counter(
        (
            e["source"],
            e["target"],
            e["attrs"]["relation_type"],
            not e["undirected"],
            e["attrs"]["date"],
            e["attrs"]["evidence"],
        )
        for e in got["edges"]
    )
    assert edges == relations_as_data(mixed)
    # The same relations, directions and claims as the CSV zip's relations.csv.
    rows = Counter(
        (r["source"], r["target"], r["type"], r["directed"] == "true", r["date"], r["evidence"]) for r in relation_rows(mixed)
    )
    assert edges == rows
    assert Counter(e["undirected"] for e in got["edges"]) == {True: 3, False: mixed.graph.number_of_edges() - 3}


def test_graphology_reads_node_columns_by_name_with_colour_size_and_position(mixed, tmp_path):
    path = tmp_path / "map.gexf"
    path.write_bytes(export_bytes(mixed, "gexf"))
    got = run_graphology(path)
    actors = {a["id"]: a for a in zipped_csv(export_bytes(mixed, "csv"))["actors"]}
    for node in got["nodes"]:
        attrs, row = node["attrs"], actors[node["id"]]
        assert attrs["label"] == row["name"]
        assert {k: attrs[k] for k in ("name", "type", "country", "sector")} == {
            k: row[k] for k in ("name", "type", "country", "sector")
        }
        assert attrs["color"].startswith("rgb(") and attrs["size"] > 0
        x, y = mixed.positions[node["id"]]
        assert (attrs["x"], attrs["y"]) == pytest.approx((x, -y))  # Gephi's y axis points up
    by_id = {e["id"]: e for e in got["edges"]}
    assert by_id["r0"]["attrs"]["label"] == "co-signs with" and by_id["r0"]["undirected"]
    assert got["attributes"]["lastModifiedDate"] == "2026-05-10"
    assert "Letter on scaling up" in got["attributes"]["description"]


def test_graphology_reads_the_bundled_map_with_as_many_undirected_relations_as_the_data(tmp_path):
    snap = snapshot_of(ROOT / "data")
    path = tmp_path / "bundled.gexf"
    path.write_bytes(export_bytes(snap, "gexf"))
    got = run_graphology(path)
    undirected = sum(1 for *_, e in snap.graph.edges(data=True) if not e["directed"])
    assert undirected > 0
    assert Counter(e["undirected"] for e in got["edges"]) == {True: undirected, False: snap.graph.number_of_edges() - undirected}


def test_the_gexf_holds_only_what_the_gexf_13_schema_defines(mixed):
    root = ET.fromstring(export_bytes(mixed, "gexf"))
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{GEXF}graph")
    assert graph is not None
    # graph/@name (networkx's writer adds it) is not in the schema.
    assert set(graph.attrib) <= {
        "defaultedgetype",
        "mode",
        "idtype",
        "timeformat",
        "timerepresentation",
        "timezone",
        "start",
        "end",
    }
    assert {el.tag for el in root.find(f"{GEXF}meta")} <= {f"{GEXF}creator", f"{GEXF}keywords", f"{GEXF}description"}
    edge_attrs = {"id", "source", "target", "type", "label", "weight", "kind", "start", "end", "startopen", "endopen"}
    for edge in graph.iter(f"{GEXF}edge"):
        assert set(edge.attrib) <= edge_attrs
        assert edge.get("type") in ("directed", "undirected")
    for node in graph.iter(f"{GEXF}node"):
        assert set(node.attrib) <= {"id", "label", "pid", "start", "end", "startopen", "endopen"}
    titles = {a.get("title") for a in graph.iter(f"{GEXF}attribute")}
    assert "networkx_key" not in titles and "key" not in titles
    types = {a.get("type") for a in graph.iter(f"{GEXF}attribute")}
    assert types <= {"string", "boolean", "long", "double", "integer", "float"}


# -- GraphML: python-igraph ---------------------------------------------------------------------


def read_igraph(data: bytes, tmp_path: Path):
    import igraph

    path = tmp_path / "map.graphml"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # igraph's "Could not add vertex ids" is a RuntimeWarning
        return igraph.Graph.Read_GraphML(str(path))


def test_igraph_reads_the_graphml_without_a_warning_and_keeps_every_relation(mixed, tmp_path):
    g = read_igraph(export_bytes(mixed, "graphml"), tmp_path)
    # igraph has no mixed graphs: it reads the file's default (undirected) for all, and the
    # `directed` attribute says which are which; the two-arc file below keeps each direction.
    assert sorted(g.vs["id"]) == sorted(mixed.graph.nodes)
    assert g.vcount() == mixed.graph.number_of_nodes() and g.ecount() == mixed.graph.number_of_edges()
    ids = g.vs["id"]
    edges = Counter((frozenset((ids[e.source], ids[e.target])), e["type"], e["directed"], e["date"], e["evidence"]) for e in g.es)
    assert edges == Counter((frozenset(r[:2]), *r[2:]) for r in relations_as_data(mixed).elements())
    assert "source" not in g.es.attributes() and "target" not in g.es.attributes()
    assert g["version"] == mixed.version and json.loads(g["sources"]) == mixed.sources


def test_the_graphml_says_each_edges_direction_and_repeats_no_element_id(mixed):
    root = ET.fromstring(export_bytes(mixed, "graphml"))
    keys = {(k.get("for"), k.get("attr.name")) for k in root.iter(f"{GRAPHML}key")}
    assert ("node", "id") not in keys
    assert ("edge", "source") not in keys and ("edge", "target") not in keys
    graph = root.find(f"{GRAPHML}graph")
    # Undirected by default, directed="true" where a relation is: graphology reads only that mark.
    assert graph.get("edgedefault") == "undirected"
    directed = {e.get("id"): e.get("directed") for e in graph.iter(f"{GRAPHML}edge")}
    assert directed == {k: ("true" if e["directed"] else "false") for *_, k, e in mixed.graph.edges(keys=True, data=True)}


def test_a_view_of_only_mutual_relations_is_an_undirected_graph_everywhere(tmp_path):
    snap = snapshot_of(relation_types=["co_signs"])
    assert not read_igraph(export_bytes(snap, "graphml"), tmp_path).is_directed()
    assert not nx.read_graphml(io.BytesIO(export_bytes(snap, "graphml"))).is_directed()
    assert not nx.read_gexf(io.BytesIO(export_bytes(snap, "gexf"))).is_directed()
    path = tmp_path / "mutual.gexf"
    path.write_bytes(export_bytes(snap, "gexf"))
    assert run_graphology(path)["type"] == "undirected"


def test_a_relation_id_column_does_not_clash_with_igraphs_edge_id(good_copy, tmp_path):
    path = good_copy / "relations.csv"
    lines = path.read_text("utf-8").splitlines()
    lines = [lines[0] + ",id"] + [f"{line},kumu-{i}" for i, line in enumerate(lines[1:])]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    g = read_igraph(export_bytes(snapshot_of(good_copy), "graphml"), tmp_path)
    assert sorted(g.es["relation_id"])[:2] == ["kumu-0", "kumu-1"]


# -- networkx -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_networkx_reads_a_one_direction_view_with_its_direction_and_every_column(fmt):
    snap = snapshot_of(relation_types=DIRECTED_TYPES)
    data = io.BytesIO(export_bytes(snap, fmt))
    H = nx.read_gexf(data) if fmt == "gexf" else nx.read_graphml(data, force_multigraph=True)
    assert H.is_directed() and set(H.nodes) == set(snap.graph.nodes)
    rows = {(r["source"], r["target"], r["evidence"]): r for r in relation_rows(snap)}
    assert len(rows) == H.number_of_edges() == snap.graph.number_of_edges()
    for u, v, e in H.edges(data=True):
        row = rows[(u, v, e["evidence"])]
        assert (e["relation_type"] if fmt == "gexf" else e["type"]) == row["type"]
        assert e["directed"] is True and row["directed"] == "true"
        assert e["source_doc"] == row["source_doc"] and e["date"] == row["date"]


def test_networkx_reads_the_json_with_each_relations_direction(mixed):
    H = nx.node_link_graph(json.loads(export_bytes(mixed, "json")), edges="edges")
    got = Counter((u, v, e["type"], e["directed"], e["date"], e["evidence"]) for u, v, e in H.edges(data=True))
    assert got == relations_as_data(mixed)


def test_networkx_refuses_a_mixed_gexf_or_graphml_so_the_readme_points_to_the_json(mixed):
    # networkx's readers do not read mixed graphs ("does not support mixed graphs" in their
    # docs); the files are right for Gephi, graphology and igraph, and networkx reads the JSON.
    with pytest.raises(nx.NetworkXError, match="Undirected edge found in directed graph"):
        nx.read_gexf(io.BytesIO(export_bytes(mixed, "gexf")))
    with pytest.raises(nx.NetworkXError, match="directed=true edge found in undirected graph"):
        nx.read_graphml(io.BytesIO(export_bytes(mixed, "graphml")))


def test_graphology_reads_the_graphml_with_each_relations_direction(mixed, tmp_path):
    path = tmp_path / "map.graphml"
    path.write_bytes(export_bytes(mixed, "graphml"))
    got = run_graphology(path)
    assert got["type"] == "mixed"
    assert sorted(n["id"] for n in got["nodes"]) == sorted(mixed.graph.nodes)
    edges = Counter(
        (e["source"], e["target"], e["attrs"]["type"], not e["undirected"], e["attrs"]["date"], e["attrs"]["evidence"])
        for e in got["edges"]
    )
    assert edges == relations_as_data(mixed)


def _arcs(mixed) -> Counter:
    """The relations as a file of one direction holds them: each mutual one as two arcs."""
    out: Counter = Counter()
    for u, v, e in mixed.graph.edges(data=True):
        for a, b in [(u, v)] + ([] if e["directed"] else [(v, u)]):
            out[(a, b, e["type"], bool(e["directed"]))] += 1
    return out


def test_the_graphml_with_mutual_relations_as_two_arcs_reads_right_in_networkx_igraph_and_graphology(mixed, tmp_path):
    data = export_bytes(mixed, "graphml", arcs=True)
    H = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert H.is_directed() and set(H.nodes) == set(mixed.graph.nodes)
    assert Counter((u, v, e["type"], e["directed"]) for u, v, e in H.edges(data=True)) == _arcs(mixed)
    g = read_igraph(data, tmp_path)
    ids = g.vs["id"]
    assert g.is_directed() and Counter((ids[e.source], ids[e.target], e["type"], e["directed"]) for e in g.es) == _arcs(mixed)
    path = tmp_path / "arcs.graphml"
    path.write_bytes(data)
    got = run_graphology(path)
    assert got["type"] == "directed"
    assert Counter((e["source"], e["target"], e["attrs"]["type"], e["attrs"]["directed"]) for e in got["edges"]) == _arcs(mixed)


# -- The CSV zip: a data folder that loads back to the same data -------------------------------


def unpack(data: bytes, folder: Path) -> Path:
    folder.mkdir()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zf.extractall(folder)
    return folder


def rows_by_key(rows, *key):
    return sorted(rows, key=lambda r: tuple(r[k] for k in key))


def test_the_csv_zip_is_a_whole_data_folder_in_utf8_with_a_bom(mixed):
    data = export_bytes(mixed, "csv")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert sorted(zf.namelist()) == ["README.txt", "actors.csv", "positions.csv", "relations.csv", "sources.csv"]
        for name in ("actors.csv", "relations.csv", "sources.csv", "positions.csv"):
            assert zf.read(name).startswith(b"\xef\xbb\xbf"), name
    tables = zipped_csv(data)
    assert [s["id"] for s in tables["sources"]] == ["doc1", "doc2"]
    assert tables["sources"][0]["authors"] == "FNV; CNV; VNO-NCW"
    assert len(tables["relations"]) == mixed.graph.number_of_edges()


def test_export_load_export_through_the_csv_zip_gives_the_same_data_and_bytes(tricky_folder, tmp_path):
    original = load_dataset(tricky_folder)
    first = export_bytes(snapshot_of(tricky_folder), "csv")
    back = load_dataset(unpack(first, tmp_path / "back"))
    assert rows_by_key(back.actors, "id") == rows_by_key(original.actors, "id")
    assert rows_by_key(back.relations, "source", "target", "type", "note") == rows_by_key(
        original.relations, "source", "target", "type", "note"
    )
    assert back.sources == original.sources
    names = {a["id"]: a for a in back.actors}
    assert names["fnv"]["name"] == '=HYPERLINK("http://x")' and names["fnv"]["description"] == "-Minus Org, coöperatie"
    assert names["cnv"]["name"] == "+31 6 1234" and names["cnv"]["sector"] == "@home"
    assert names["vno"]["name"] == "'s-Hertogenbosch Één" and names["vno"]["aliases"] == "'=own apostrophe"
    second = export_bytes(snapshot_of(tmp_path / "back"), "csv")
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
        for name in ("actors.csv", "relations.csv", "sources.csv"):
            assert a.read(name) == b.read(name), name


def test_a_spreadsheet_sees_formula_cells_as_text_behind_an_apostrophe(tricky_folder):
    tables = zipped_csv(export_bytes(snapshot_of(tricky_folder), "csv"))
    actors = {a["id"]: a for a in tables["actors"]}
    assert actors["fnv"]["name"] == '\'=HYPERLINK("http://x")'
    assert actors["fnv"]["description"] == "'-Minus Org, coöperatie"
    assert actors["cnv"]["name"] == "'+31 6 1234" and actors["cnv"]["sector"] == "'@home"
    assert actors["vno"]["name"] == "'s-Hertogenbosch Één"  # not a formula: left as it is
    assert actors["vno"]["aliases"] == "''=own apostrophe"  # ours in front of the data's own
    assert actors["hukatan"]["description"] == "Hukatan-KSBSI: ünïcødé, café, België, Curaçao"
    assert {r["evidence"] for r in tables["relations"]} >= {"'=Aan de minister, één"}


def test_an_overview_exports_its_groups_with_the_relation_count_as_gexf_weight(tmp_path):
    snap = snapshot_of(overview="type")
    path = tmp_path / "overview.gexf"
    path.write_bytes(export_bytes(snap, "gexf"))
    got = run_graphology(path)
    assert len(got["nodes"]) == snap.graph.number_of_nodes()
    weights = {(e["source"], e["target"]): e["attrs"]["weight"] for e in got["edges"]}
    assert weights == {(u, v): e["weight"] for u, v, e in snap.graph.edges(data=True)}
    assert read_igraph(export_bytes(snap, "graphml"), tmp_path).vcount() == snap.graph.number_of_nodes()


def test_a_control_character_in_the_data_still_gives_xml_every_reader_opens(graph, tmp_path):
    graph.nodes["fnv"]["name"] = "FNV\x01\x0b"  # a CSV cell can hold it, XML 1.0 cannot
    snap = make_snapshot(graph, ViewState(), today=DAY)
    path = tmp_path / "map.gexf"
    path.write_bytes(export_bytes(snap, "gexf"))
    assert {n["id"]: n["attrs"]["label"] for n in run_graphology(path)["nodes"]}["fnv"] == "FNV\ufffd\ufffd"
    g = read_igraph(export_bytes(snap, "graphml"), tmp_path)
    assert g.vs.find(id="fnv")["name"] == "FNV\ufffd\ufffd"


# -- Positions travel; workbooks and Gephi's spreadsheets from the command line (issue 25) -------


def _shown_positions(snapshot) -> dict:
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in snapshot.positions.items()}


def test_the_csv_zip_holds_positions_and_reopens_laid_out_as_it_was(mixed, tmp_path):
    from network.positions import data_positions

    folder = unpack(export_bytes(mixed, "csv"), tmp_path / "unpacked")
    G = build_graph(load_dataset(folder))
    again = data_positions(G, folder)
    assert {n: (round(x, 1), round(y, 1)) for n, (x, y) in again.items()} == _shown_positions(mixed)


@pytest.mark.parametrize("fmt", ["xlsx", "kumu"])
def test_a_workbook_from_the_command_line_loads_back_with_every_actor_relation_and_position(fmt, good_copy, tmp_path):
    from openpyxl import load_workbook

    from network.cli import main
    from network.io.positions import positions_text
    from network.io.uploads import load_any

    ids = [a["id"] for a in load_dataset(good_copy).actors]
    # Places no layout would choose, so a workbook that lost them cannot pass by laying out afresh.
    placed = {n: (-1000.0 + 111.1 * i, 77.7 * i * i) for i, n in enumerate(ids)}
    (good_copy / "positions.csv").write_text(positions_text(placed), "utf-8")
    book, first, again = tmp_path / f"map.{fmt}.xlsx", tmp_path / "first.json", tmp_path / "again.json"
    assert main(["export", "--data", str(good_copy), "--format", fmt, "--out", str(book), "--all"]) == 0
    assert main(["export", "--data", str(good_copy), "--format", "json", "--out", str(first), "--all"]) == 0
    original = load_dataset(good_copy)
    back = load_any(str(book))
    assert len(back.actors) == len(original.actors) and len(back.relations) == len(original.relations)
    assert Counter((r["source"], r["target"], r["type"], r["directed"]) for r in back.relations) == Counter(
        (r["source"], r["target"], r["type"], r["directed"]) for r in original.relations
    )
    assert "about" in {ws.title.split(" ")[0].casefold() for ws in load_workbook(book).worksheets}
    # Exported from the workbook, every actor is where the first export had it.
    assert main(["export", "--data", str(book), "--format", "json", "--out", str(again), "--all"]) == 0

    def places(path: Path) -> dict:
        return {n["id"]: (round(n["x"], 1), round(n["y"], 1)) for n in json.loads(path.read_text("utf-8"))["nodes"]}

    assert places(again) == places(first) == {n: (round(x, 1), round(y, 1)) for n, (x, y) in placed.items()}


def test_the_gephi_zip_has_gephis_import_columns_and_merges_parallel_claims_into_a_weighted_edge(mixed):
    tables = zipped_csv(export_bytes(mixed, "gephi"))
    nodes, edges = tables["nodes"], tables["edges"]
    # Gephi's spreadsheet import: Id and Label for nodes; Source, Target, Type, Weight for edges.
    assert list(nodes[0])[:2] == ["Id", "Label"] and list(edges[0])[:5] == ["Source", "Target", "Type", "Weight", "Label"]
    assert sorted(n["Id"] for n in nodes) == sorted(mixed.graph.nodes)
    assert {e["Type"] for e in edges} == {"Directed", "Undirected"}
    assert sum(int(e["Weight"]) for e in edges) == mixed.graph.number_of_edges()
    want = Counter()
    for u, v, e in mixed.graph.edges(data=True):
        want[(u, v) if e["directed"] else tuple(sorted((u, v))), "Directed" if e["directed"] else "Undirected"] += 1
    got = Counter(
        {
            (
                (e["Source"], e["Target"]) if e["Type"] == "Directed" else tuple(sorted((e["Source"], e["Target"]))),
                e["Type"],
            ): int(e["Weight"])
            for e in edges
        }
    )
    assert got == want and len(edges) == len(want)  # one edge per pair and direction
    x = {n["Id"]: float(n["x"]) for n in nodes}  # numbers stay numbers (no apostrophe before a minus)
    assert x == pytest.approx({n: p[0] for n, p in mixed.positions.items()})


def test_custom_number_columns_stay_numbers_in_gexf_and_graphml(good_copy, tmp_path):
    path = good_copy / "actors.csv"
    lines = path.read_text("utf-8").splitlines()
    scores = ["7", "2.5", "", "10", "0", "3", "1"]
    lines = [lines[0] + ",influence,code"] + [f"{line},{s},00{i}" for i, (line, s) in enumerate(zip(lines[1:], scores))]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    snap = snapshot_of(good_copy, relation_types=DIRECTED_TYPES)
    H = nx.read_graphml(io.BytesIO(export_bytes(snap, "graphml")), force_multigraph=True)
    shown = dict(zip([a["id"] for a in load_dataset(good_copy).actors], scores))
    want = sorted(float(shown[n]) for n in snap.graph.nodes if shown[n])
    got = {n: a.get("influence") for n, a in H.nodes(data=True)}
    assert sorted(v for v in got.values() if v is not None) == want
    assert all(isinstance(v, float) for v in got.values() if v is not None)
    assert {type(a["code"]) for _, a in H.nodes(data=True)} == {str}  # "001" is a code, not 1
    gexf = tmp_path / "map.gexf"
    gexf.write_bytes(export_bytes(snap, "gexf"))
    nodes = run_graphology(gexf)["nodes"]
    assert sorted(n["attrs"]["influence"] for n in nodes if "influence" in n["attrs"]) == want
