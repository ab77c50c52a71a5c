"""Exports: every format is made from the fixture data, reads back, states what it shows, and is safe."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import html
import io
import json
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from network import build_graph, load_dataset
from network.presentation.export import FORMATS, export_bytes, export_deck, export_file, make_snapshot
from network.presentation.figure import PRINT_DPI, figure_texts
from network.view import ViewState

from .conftest import GOOD, ROOT

DAY = datetime.date(2026, 5, 10)
XSS = "<img src=x onerror=alert(1)>"
# Attributes the data formats add to every node: its name as label and its map position.
ADDED_NODE_ATTRS = {"label", "x", "y"}


def _rewrite_actor(folder: Path, actor_id: str, **values: str) -> None:
    """Change one actor's columns in a copied fixture folder."""
    path = folder / "actors.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        columns, rows = list(reader.fieldnames or []), list(reader)
    for row in rows:
        if row["id"] == actor_id:
            row.update(values)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture
def snapshot(graph):
    """A snapshot of the whole fixture map on a fixed day."""
    return make_snapshot(graph, ViewState(title="Fixture map"), today=DAY)


@pytest.fixture
def tricky_graph(good_copy):
    """The fixture data with a formula, markup and dollar signs in actor names."""
    _rewrite_actor(good_copy, "fnv", name="=cmd()")
    _rewrite_actor(good_copy, "cnv", name=XSS)
    _rewrite_actor(good_copy, "vno", name="Costs $5 and $\\notacommand{", description="@SUM(A1)")
    return build_graph(load_dataset(good_copy))


def _text_in(data: bytes, fmt: str) -> str:
    """The text a data or page export holds, read as a whole file of its kind (markup stripped)."""
    if fmt == "json":
        return json.dumps(json.loads(data), ensure_ascii=False)
    if fmt == "html":
        page, marker = data.decode("utf-8"), "var nodeItems = "  # the actors the page hands vis-network
        nodes, _ = json.JSONDecoder().raw_decode(page, page.index(marker) + len(marker))
        return " ".join(str(n["label"]) for n in nodes)
    if data[:4] == b"PK\x03\x04":  # csv, gephi (zips of CSV files), xlsx, kumu, pptx
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            assert zf.testzip() is None, fmt  # every part whole
            parts = [zf.read(n).decode("utf-8-sig") for n in zf.namelist() if n.endswith((".xml", ".csv", ".txt"))]
        return html.unescape(re.sub(r"<[^>]+>", "", "".join(parts)))
    root = ET.fromstring(data)  # svg, gexf, graphml: one well-formed XML document
    return html.unescape(" ".join(root.itertext()) + " " + data.decode("utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_a_whole_file_of_its_kind_with_every_actor_of_the_view(snapshot, fmt):
    names = [str(a["name"]) for _, a in snapshot.graph.nodes(data=True)]
    assert len(names) == 7  # the fixture's actors, the lonely one included
    data = export_bytes(snapshot, fmt)
    if fmt == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")  # its last chunk
        return  # the labels are drawn: the picture tests read them
    if fmt == "pdf":
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        return
    # Labels may be wrapped ("Hukatan-" / "KSBSI"), so names are compared without white space.
    text = "".join(_text_in(data, fmt).replace("\\n", " ").split())
    assert [n for n in names if "".join(n.split()) not in text] == [], fmt


def test_an_unknown_format_is_rejected(snapshot):
    with pytest.raises(ValueError, match="unknown export format 'bmp'"):
        export_bytes(snapshot, "bmp")


def _same_nodes_and_edges(H, snapshot):
    G = snapshot.graph
    assert set(H.nodes) == set(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()
    for n, attrs in G.nodes(data=True):
        got = H.nodes[n]
        assert got["label"] == (attrs.get("label") or attrs["name"])  # the short label the map shows, else the name
        assert (got["x"], got["y"]) == pytest.approx(snapshot.positions[n])
        for key, value in attrs.items():
            if key not in ("id", "label"):  # GEXF stores the id as the node id itself
                assert got[key] == value, (n, key)
    return G


@pytest.fixture
def one_way(graph):
    """The fixture map without its undirected co-signatures: a graph networkx's GEXF and GraphML readers read.

    They refuse mixed graphs; tests/test_interop.py reads the whole map with graphology and igraph.
    """
    return make_snapshot(
        graph, ViewState(title="Fixture map", relation_types=["addresses", "member_of", "trains", "advises"]), today=DAY
    )


def test_graphml_reads_back_with_the_same_nodes_edges_and_attributes(one_way):
    snapshot = one_way
    H = nx.read_graphml(io.BytesIO(export_bytes(snapshot, "graphml")), force_multigraph=True)
    G = _same_nodes_and_edges(H, snapshot)
    assert set(H.edges(keys=True)) == set(G.edges(keys=True))
    for u, v, k, attrs in G.edges(keys=True, data=True):
        # The edge's own ends are its source and target: no data keys repeat them.
        assert {**H.edges[u, v, k], "source": u, "target": v} == attrs
    assert H.graph["version"] == snapshot.version and H.graph["date"] == "2026-05-10"
    assert json.loads(H.graph["sources"]) == snapshot.sources


def test_gexf_reads_back_with_the_same_nodes_edges_and_attributes(one_way):
    snapshot = one_way
    data = export_bytes(snapshot, "gexf")
    H = nx.read_gexf(io.BytesIO(data))
    G = snapshot.graph
    assert set(H.nodes) == set(G.nodes) and H.number_of_edges() == G.number_of_edges()
    for n, attrs in G.nodes(data=True):
        got = H.nodes[n]
        assert got["label"] == (attrs.get("label") or attrs["name"])  # the short label the map shows, else the name
        assert {k: got[k] for k in attrs if k not in ("id", "label")} == {
            k: v for k, v in attrs.items() if k not in ("id", "label")
        }
        x, y = snapshot.positions[n]
        # viz:position holds the map position, y flipped: Gephi's y axis points up, the map's down.
        assert (got["viz"]["position"]["x"], got["viz"]["position"]["y"]) == pytest.approx((x, -y))
    # The reader makes a simple DiGraph when no pair has two relations; the key is then the edge id.
    for u, v, k, attrs in G.edges(keys=True, data=True):
        got = H.edges[u, v, k] if H.is_multigraph() else H.edges[u, v]
        assert got["id"] == k
        # GEXF reserves an edge's `type` for its direction: the relation type travels as `relation_type`.
        assert got["relation_type"] == attrs["type"]
        skip = ("type", "source", "target")
        assert {a: got[a] for a in attrs if a not in skip} == {a: b for a, b in attrs.items() if a not in skip}
    assert sorted(H.edges()) == sorted(G.edges())
    assert b'lastmodifieddate="2026-05-10"' in data


def test_json_reads_back_with_node_link_graph_and_carries_the_meta_block(snapshot):
    data = json.loads(export_bytes(snapshot, "json"))
    H = nx.node_link_graph(data, edges="edges")
    G = _same_nodes_and_edges(H, snapshot)
    for u, v, k, attrs in G.edges(keys=True, data=True):
        # node-link's own `source`/`target` keys are the relation's source and target columns.
        assert {**H.edges[u, v, k], "source": u, "target": v} == attrs
    meta = data["meta"]
    assert meta["title"] == "Fixture map" and meta["date"] == "2026-05-10"
    assert meta["version"] == snapshot.version and meta["lang"] == "en"
    assert meta["caption"] == snapshot.caption
    assert [s["id"] for s in meta["sources"]] == ["doc2", "doc1"]  # oldest first


def test_png_is_at_least_1920_wide_on_an_opaque_white_background(snapshot):
    from PIL import Image

    data = export_bytes(snapshot, "png")
    width, height = _png_size(data)
    assert width >= 1920 and height >= 1080
    image = Image.open(io.BytesIO(data)).convert("RGBA")
    assert image.getpixel((0, 0)) == (255, 255, 255, 255)
    assert image.getpixel((width - 1, height - 1)) == (255, 255, 255, 255)


def test_print_resolution_gives_a_bigger_png_of_the_same_shape(snapshot):
    screen = _png_size(export_bytes(snapshot, "png"))
    print_ = _png_size(export_bytes(snapshot, "png", dpi=PRINT_DPI))
    assert print_[0] >= 3000 and print_[0] > screen[0]
    assert print_[0] / print_[1] == pytest.approx(screen[0] / screen[1], rel=0.01)


def test_pdf_opens_as_one_page_that_carries_the_title(snapshot):
    data = export_bytes(snapshot, "pdf")
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    assert b"(Fixture map)" in data  # the document title


def test_svg_parses_and_shows_the_title_and_labels_as_text(snapshot):
    root = ET.fromstring(export_bytes(snapshot, "svg"))
    texts = {"".join(el.itertext()).strip() for el in root.iter("{http://www.w3.org/2000/svg}text")}
    assert "Fixture map" in texts
    joined = {"".join(x.split()) for x in texts}  # a long name may wrap onto two lines ("Hukatan-\nKSBSI")
    assert "MinisterBHO" in joined and "Hukatan-KSBSI" in joined


def test_pptx_has_one_slide_per_snapshot_with_title_map_shapes_and_caption(graph, snapshot):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    other = make_snapshot(graph, ViewState(actor_types=["trade_union"], title="Unions"), today=DAY)
    deck = Presentation(io.BytesIO(export_deck([snapshot, other])))
    slides = list(deck.slides)
    assert len(slides) == 2
    assert deck.slide_width * 9 == deck.slide_height * 16
    for slide, snap in zip(slides, (snapshot, other)):
        # The map is native shapes (each actor a shape with its name as text), not a picture.
        assert not any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slide.shapes)
        # Compared without white space: a long name wraps onto two lines.
        names = {"".join(str(a.get("name")).split()) for _, a in snap.graph.nodes(data=True)}
        grouped = [c for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP for c in s.shapes]  # actor + label
        assert names <= {"".join(s.text_frame.text.split()) for s in grouped if s.has_text_frame}
        assert slide.shapes.title is not None and slide.shapes.title.text == snap.title
        text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert snap.title in text and snap.caption in text and "Sources:" in text
    single = Presentation(io.BytesIO(export_bytes(snapshot, "pptx")))
    assert len(single.slides) == 1


def test_csv_zip_holds_the_three_tables_with_formula_cells_neutralised(tricky_graph):
    snap = make_snapshot(tricky_graph, ViewState(), today=DAY)
    with zipfile.ZipFile(io.BytesIO(export_bytes(snap, "csv"))) as zf:
        assert sorted(zf.namelist()) == ["README.txt", "actors.csv", "positions.csv", "relations.csv", "sources.csv"]
        actors = list(csv.DictReader(io.StringIO(zf.read("actors.csv").decode("utf-8-sig"))))
        relations = list(csv.DictReader(io.StringIO(zf.read("relations.csv").decode("utf-8-sig"))))
        readme = zf.read("README.txt").decode("utf-8-sig")
    by_id = {a["id"]: a for a in actors}
    assert by_id["fnv"]["name"] == "'=cmd()"
    assert by_id["vno"]["description"] == "'@SUM(A1)"
    assert list(actors[0])[:3] == ["id", "name", "type"]
    assert list(relations[0])[:4] == ["source", "target", "type", "directed"]
    assert len(relations) == tricky_graph.number_of_edges()
    assert {r["directed"] for r in relations} == {"true", "false"}
    assert snap.caption in readme and "2026-05-10" in readme and "[doc1] Letter on scaling up" in readme
    assert "sources.csv" in readme and "apostrophe" in readme


def test_the_same_state_twice_gives_byte_identical_data_exports(dataset):
    a = make_snapshot(build_graph(dataset), ViewState(countries=["NL"]), today=DAY)
    b = make_snapshot(build_graph(load_dataset(dataset.directory)), ViewState(countries=["NL"]), today=DAY)
    for fmt in ("gexf", "graphml", "json", "csv"):
        assert export_bytes(a, fmt) == export_bytes(b, fmt), fmt


def test_data_exports_do_not_depend_on_the_hash_seed():
    script = (
        "import datetime, hashlib\n"
        "from network import build_graph, load_dataset\n"
        "from network.presentation.export import export_bytes, make_snapshot\n"
        "from network.view import ViewState\n"
        f"s = make_snapshot(build_graph(load_dataset({str(GOOD)!r})), ViewState(), today=datetime.date(2026, 5, 10))\n"
        "print([hashlib.sha256(export_bytes(s, f)).hexdigest() for f in ('gexf', 'graphml', 'json', 'csv')])\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env={"PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_markup_in_names_is_escaped_in_svg_and_html(tricky_graph):
    snap = make_snapshot(tricky_graph, ViewState(title=XSS), today=DAY)
    svg = export_bytes(snap, "svg").decode("utf-8")
    html = export_bytes(snap, "html").decode("utf-8")
    for page in (svg, html):
        assert XSS not in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
    root = ET.fromstring(svg)
    assert not list(root.iter("{http://www.w3.org/2000/svg}image"))  # no element made from the name


def test_dollar_signs_in_names_are_drawn_as_plain_text(tricky_graph):
    snap = make_snapshot(tricky_graph, ViewState(), today=DAY)
    # mathtext would fail on `$\notacommand{`; as plain text the picture draws.
    assert _png_size(export_bytes(snap, "png"))[0] >= 1920
    assert "Costs $5 and\n$\\notacommand{" in figure_texts(snap)
    assert "$\\notacommand{" in export_bytes(snap, "svg").decode("utf-8")


def _node_count(snap, fmt: str) -> int:
    data = export_bytes(snap, fmt)
    if fmt == "json":
        return len(json.loads(data)["nodes"])
    return sum(1 for el in ET.fromstring(data).iter() if el.tag.endswith("}node"))


def test_filters_leave_fewer_actors_in_every_data_export(graph):
    whole = make_snapshot(graph, ViewState(), today=DAY)
    unions = make_snapshot(graph, ViewState(actor_types=["trade_union"]), today=DAY)
    assert set(unions.graph.nodes) == {"fnv", "cnv"}
    for fmt in ("graphml", "gexf", "json"):
        assert _node_count(unions, fmt) == 2 < _node_count(whole, fmt), fmt
    assert "Actor types: Trade union" in unions.caption
    assert unions.positions["fnv"] == whole.positions["fnv"]  # positions come from the whole map


def test_the_picture_states_title_caption_date_version_and_sources(graph):
    snap = make_snapshot(graph, ViewState(relation_types=["trains"], title="Training"), today=DAY)
    texts = figure_texts(snap)
    joined = "\n".join(texts)
    assert "Training" in texts
    assert "Relation types: trains" in joined and "2026-05-10" in joined and f"data version {snap.version}" in joined
    assert "[doc2] Brochure (2025)" in joined and "doc1" not in joined  # only the documents shown relations cite
    assert "Local union abroad" in texts and "trains" in texts  # legend of what is shown
    assert "Ministry / minister" not in texts


def test_the_picture_speaks_the_chosen_language(graph):
    texts = figure_texts(make_snapshot(graph, ViewState(lang="nl"), today=DAY))
    assert "Stakeholdernetwerk-verkenner" in texts
    assert "Soorten actoren" in texts and "Vakbond" in texts and "ondertekent samen met" in texts


def test_the_legend_lists_coalitions_when_the_map_is_coloured_by_them(snapshot):
    style = dataclasses.replace(
        snapshot.style, colors={n: "#CC6677" for n in snapshot.graph}, color_legend=[("Coalition 1", "#CC6677")]
    )
    texts = figure_texts(dataclasses.replace(snapshot, style=style))
    assert "Coalitions" in texts and "Coalition 1" in texts


def test_an_empty_view_still_exports_a_picture_that_says_so(graph):
    snap = make_snapshot(graph, ViewState(countries=["XX"]), today=DAY)
    assert snap.graph.number_of_nodes() == 0
    assert "No actors match this view." in figure_texts(snap)
    assert _png_size(export_bytes(snap, "png"))[0] >= 1920


def test_export_file_replaces_the_file_whole_and_leaves_no_temporary_file(snapshot, tmp_path):
    target = tmp_path / "map.json"
    target.write_text("old", "utf-8")
    assert export_file(snapshot, "json", target) == target
    assert json.loads(target.read_text("utf-8"))["meta"]["title"] == "Fixture map"
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]


def test_the_html_export_is_one_page_that_says_what_it_shows(snapshot):
    html = export_bytes(snapshot, "html").decode("utf-8")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
    assert "Fixture map" in html and "2026-05-10" in html and "Letter on scaling up" in html


# -- issue 25: the appearance options in the one registry, lenses that fit the data -------------


def test_every_appearance_flag_the_cli_reference_names_is_a_command_line_flag(graph):
    from network.cli import build_parser
    from network.commands.exports import state_from_args
    from network.filters import TOGGLES

    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    flags = [o.flag for o in TOGGLES]
    assert all(flag in reference for flag in flags)
    args = build_parser().parse_args(["export", "--format", "json", "--out", "x.json", *flags])
    state = state_from_args(args, graph)
    assert all(getattr(state, o.key) is True for o in TOGGLES)
    back = ViewState.from_query(state.to_query())  # the URL and saved views carry them too
    assert all(getattr(back, o.key) is True for o in TOGGLES)


def test_the_caption_names_the_asks_and_people_a_view_leaves_off():
    from network.view import apply_view

    G = nx.MultiDiGraph(version="v")
    for i in range(6):
        G.add_node(f"o{i}", name=f"Org {i}", type="ngo")
    G.add_node("ask", name="Ask", type="theme")
    G.add_node("p", name="Person P", type="person")
    for i in range(5):
        G.add_edge(f"o{i}", f"o{i + 1}", type="partners_with")
    G.add_edge("o0", "ask", type="advocates_for")
    G.add_edge("p", "o1", type="member_of")
    r = apply_view(G, ViewState(), today=DAY)
    assert set(r.graph.nodes) == {f"o{i}" for i in range(6)}
    assert "Theme (ask): 1 not shown (turn on “Show asks”)" in r.caption
    assert "Person (public role): 1 not shown (turn on “Show people in public roles”)" in r.caption
    assert apply_view(G, ViewState(show_asks=True, show_people=True)).graph.number_of_nodes() == 8


def test_a_map_of_people_opens_showing_them_with_every_connection():
    from network.view import apply_view

    G = nx.MultiDiGraph(version="v")
    for i in range(4):
        G.add_node(f"p{i}", name=f"Person {i}", type="person")
        G.add_node(f"o{i}", name=f"Org {i}", type="ngo")
        G.add_edge(f"p{i}", f"o{i}", type="member_of")
    r = apply_view(G, ViewState(), today=DAY)
    assert r.graph.number_of_nodes() == 8 and r.graph.number_of_edges() == 4
    assert "not shown" not in r.caption


STAKEHOLDER = ROOT / "tests" / "data" / "stakeholder"


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json", "csv"])
def test_a_data_export_says_what_the_view_left_out_and_all_gives_everything(fmt, tmp_path):
    from network.cli import main

    view, whole = tmp_path / f"view.{fmt}", tmp_path / f"all.{fmt}"
    assert main(["export", "--data", str(STAKEHOLDER), "--format", fmt, "--out", str(view)]) == 0
    assert main(["export", "--data", str(STAKEHOLDER), "--format", fmt, "--out", str(whole), "--all"]) == 0

    def text(path: Path) -> str:
        if fmt == "csv":
            return zipfile.ZipFile(path).read("README.txt").decode("utf-8-sig")
        return path.read_text(encoding="utf-8")

    assert "8 of 10 actors and 8 of 15 relations" in text(view) and "--all" in text(view)
    assert "--all" not in text(whole)
    if fmt == "json":
        data = json.loads(whole.read_text(encoding="utf-8"))
        assert len(data["nodes"]) == 10 and len(data["edges"]) == 15
    if fmt == "csv":
        with zipfile.ZipFile(whole) as zf:
            assert len(zf.read("actors.csv").decode("utf-8-sig").strip().splitlines()) == 11
            assert len(zf.read("relations.csv").decode("utf-8-sig").strip().splitlines()) == 16


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_command_line_writes_every_export_format(fmt, tmp_path, monkeypatch):
    from network import cli
    from network.presentation import export

    asked = []

    def exporter(snap, f, **options):  # stands in for the drawing, which the tests above check
        asked.append((snap.graph.number_of_nodes(), f))
        return f"the {f} file".encode()

    monkeypatch.setattr(export, "export_bytes", exporter)
    out = tmp_path / f"map.{fmt}"
    assert cli.main(["export", "--data", str(GOOD), "--format", fmt, "--out", str(out)]) == 0
    assert asked == [(7, fmt)] and out.read_bytes() == f"the {fmt} file".encode()


def test_the_csv_zip_readme_tells_calc_users_to_choose_utf8(snapshot):
    readme = zipfile.ZipFile(io.BytesIO(export_bytes(snapshot, "csv"))).read("README.txt").decode("utf-8-sig")
    assert "LibreOffice Calc" in readme and "UTF-8" in readme and "positions.csv" in readme


def test_a_damaged_workbook_is_called_damaged_and_the_command_line_does_not_say_upload(tmp_path, capsys):
    from network.cli import main

    book = tmp_path / "map.xlsx"
    book.write_bytes(b"PK\x03\x04 not a whole zip")
    assert main(["validate", str(book)]) == 1
    said = capsys.readouterr()
    message = said.out + said.err
    assert "damaged" in message and "upload" not in message
