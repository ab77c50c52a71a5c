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


# Issue 24: stances a meeting would not contest. Each correction of the review, tested on the bundled data.
FOUR = ("vno-ncw", "mkb-nederland", "fnv", "cnv")


@pytest.fixture(scope="module")
def graph(curated):
    from network import build_graph

    return build_graph(curated)


def _rows(curated, **match):
    return [r for r in curated.relations if all(r.get(k) == v for k, v in match.items())]


def test_the_four_social_partners_are_for_the_covenants_their_2020_letter_pleads_for(graph):
    from network.stance import stance

    s = stance(graph, "imvo-covenants")
    assert {e["id"] for e in s["for"]} >= set(FOUR)
    assert not {e["id"] for e in s["conditional"] + s["against"]} & set(FOUR)
    quotes = {r["evidence"] for e in s["for"] if e["id"] in FOUR for r in e["relations"]}
    assert any(q.startswith("Ondersteun de IMVO-Convenanten financieel en met overheidsinbreng") for q in quotes)


def test_the_covenant_parties_shared_worry_is_not_read_as_the_signatories_concern(curated):
    assert not [r for r in _rows(curated, target="imvo-covenants", type="has_concerns_about") if r["source"] in FOUR]
    # The worry stays where the letter puts it: in the KIT report.
    assert _rows(curated, source="kit", target="imvo-covenants", type="has_concerns_about")


def test_the_2020_letter_is_dated_before_the_debate_it_announces(curated):
    letter = next(s for s in curated.sources if s["id"] == "letter-imvo-debate-2020")
    assert letter["date"] == "before 2020-12-08"
    assert "or later" not in letter["date_note"].split("so it was written")[0]
    dated = {r["date"] for r in _rows(curated, source_doc="letter-imvo-debate-2020")}
    # Before the debate, the debate day itself, or the older advice the letter cites.
    assert dated <= {"before 2020-12-08", "2020-12-08", "2014"}


def test_the_2020_letter_makes_legislation_conditional_and_the_2026_letter_asks_for_an_effective_csddd(graph):
    from network.stance import stance

    s = stance(graph, "theme-effective-csddd")
    for actor in FOUR:
        [entry] = [e for k in ("for", "against", "conditional") for e in s[k] if e["id"] == actor]
        kinds = [(r["type"], r["date"]) for r in entry["relations"]]
        assert ("has_concerns_about", "before 2020-12-08") in kinds and ("advocates_for", "2026-05-07") in kinds
        assert entry in s["for"], "their newest letter asks for the CSDDD to be made a success"
