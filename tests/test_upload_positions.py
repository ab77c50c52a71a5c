"""Positions travel through the app's upload too: a workbook, a Kumu map or CSVs with positions.csv
open laid out as they were sent (issue 25)."""

from __future__ import annotations

from pathlib import Path

import pytest

from network import load_dataset
from network.io.kumu import write_kumu
from network.io.positions import positions_text, read_positions
from network.io.uploads import load_uploads, upload_positions, write_dataset
from network.io.xlsx import write_workbook
from network.rights import LOCAL_EDITOR

from .conftest import GOOD

PLACES = {"fnv": (120.0, -40.0), "cnv": (300.5, 80.0), "ser": (-200.0, 10.0)}


def _take(files: list[tuple[str, bytes]], folder: Path) -> tuple[dict, list]:
    """What the app does with an upload: load it whole, read its positions, keep both in a folder."""
    ds = load_uploads(files)
    kept, warnings = upload_positions(files, ds)
    write_dataset(folder, ds, access=LOCAL_EDITOR, positions=kept)
    return read_positions(folder)[0], warnings


@pytest.mark.parametrize("kind", ["workbook", "kumu", "csv"])
def test_an_upload_that_says_where_its_actors_sit_opens_laid_out_so(kind, tmp_path):
    ds = load_dataset(GOOD)
    if kind == "workbook":
        files = [("map.xlsx", write_workbook(ds, PLACES))]
    elif kind == "kumu":
        files = [("kumu.xlsx", write_kumu(ds, positions=PLACES))]
    else:
        files = [(name, (GOOD / name).read_bytes()) for name in ("actors.csv", "relations.csv", "sources.csv")]
        files.append(("positions.csv", positions_text(PLACES).encode("utf-8")))
    kept, warnings = _take(files, tmp_path / "upload")
    assert kept == PLACES and warnings == []
    assert len(load_dataset(tmp_path / "upload").actors) == len(ds.actors)


def test_a_damaged_positions_file_in_an_upload_is_a_warning_and_the_map_is_laid_out_afresh(tmp_path):
    files = [(name, (GOOD / name).read_bytes()) for name in ("actors.csv", "relations.csv")]
    files.append(("positions.csv", b"id,x,y\nfnv,left,20\n"))
    kept, warnings = _take(files, tmp_path / "upload")
    assert kept == {} and not (tmp_path / "upload" / "positions.csv").exists()
    assert warnings and "laid out afresh" in warnings[0].message and warnings[0].severity == "warning"
