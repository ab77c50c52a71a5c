"""The bundled data set: loads cleanly, every claim sourced, quotes verbatim, no contact details."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from network import load_dataset
from network.vocabulary import ACTOR_TYPES, RELATION_TYPES

from .conftest import ROOT

DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def curated():
    return load_dataset(DATA)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def test_bundled_data_loads_without_warnings(curated):
    assert curated.warnings == []
    assert len(curated.actors) >= 50 and len(curated.relations) >= 100 and len(curated.sources) == 5


def test_every_type_is_from_the_vocabulary(curated):
    assert {a["type"] for a in curated.actors} <= set(ACTOR_TYPES)
    assert {r["type"] for r in curated.relations} <= set(RELATION_TYPES)


def test_every_relation_has_document_date_and_short_quote(curated):
    for i, r in enumerate(curated.relations, start=2):
        assert r["source_doc"] and r["date"] and r["evidence"], f"relations.csv:{i}"
        assert len(r["evidence"]) <= 250, f"relations.csv:{i}"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents (../shared/seeds) are not beside this checkout")
def test_every_quote_appears_verbatim_in_its_document(curated):
    files = {s["id"]: SEEDS / s["file"] for s in curated.sources}
    texts = {sid: _norm(path.read_text("utf-8")) for sid, path in files.items()}
    missing = [
        f"relations.csv:{i}: {r['source_doc']}: {r['evidence'][:60]}"
        for i, r in enumerate(curated.relations, start=2)
        if _norm(r["evidence"]) not in texts[r["source_doc"]]
    ]
    assert missing == []


def test_no_phone_numbers_or_email_addresses_anywhere_in_the_project():
    email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    phone = re.compile(r"(\+31|\b06)[\s-]?\d{1,3}[\s-]?\d{3,4}[\s-]?\d{2,4}")
    for path in [*DATA.glob("*.csv"), ROOT / "README.md", ROOT / "app.py", *Path(ROOT / "network").rglob("*.py")]:
        if path.exists():
            text = path.read_text("utf-8")
            assert not email.search(text), path
            assert not phone.search(text), path
