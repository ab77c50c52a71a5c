"""The synthetic data generator: deterministic, valid, and shaped like the curated data."""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import pytest

from bench.synthetic import TYPE_SHARES, generate, type_counts, write_synthetic
from network import build_graph, load_dataset
from network import vocabulary as vocab
from network.model import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS

FILES = ("actors.csv", "relations.csv", "sources.csv")


def _bytes(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FILES}


def test_the_same_seed_writes_byte_identical_csvs(tmp_path):
    a = _bytes(write_synthetic(tmp_path / "a", 300, seed=7))
    b = _bytes(write_synthetic(tmp_path / "b", 300, seed=7))
    assert a == b


def test_a_different_seed_gives_different_data(tmp_path):
    a = _bytes(write_synthetic(tmp_path / "a", 300, seed=7))
    b = _bytes(write_synthetic(tmp_path / "b", 300, seed=8))
    assert a["actors.csv"] != b["actors.csv"]
    assert a["relations.csv"] != b["relations.csv"]


@pytest.mark.parametrize("n", [30, 100, 1000])
def test_the_generated_data_loads_without_errors_or_warnings(tmp_path, n):
    ds = load_dataset(write_synthetic(tmp_path, n))
    assert ds.warnings == []
    assert len(ds.actors) == n


def test_the_files_have_the_same_columns_as_the_bundled_data(tmp_path):
    folder = write_synthetic(tmp_path, 100)
    for name, columns in zip(FILES, (ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS)):
        header = (folder / name).read_text("utf-8").splitlines()[0]
        assert header == ",".join(columns)


@pytest.mark.parametrize("n", [100, 1000, 5000])
def test_there_are_as_many_actors_as_asked_and_about_three_relations_each(n):
    actors, relations, _ = generate(n)
    assert len(actors) == n
    assert len(relations) == 3 * n
    assert len(generate(n, relations_per_actor=2)[1]) == 2 * n


def test_types_come_from_the_vocabulary_in_plausible_proportions():
    actors, relations, _ = generate(1000)
    types = Counter(a["type"] for a in actors)
    assert set(types) == set(TYPE_SHARES) <= set(vocab.ACTOR_TYPES)  # every modelled type occurs, all from the vocabulary
    assert types.most_common(2) == [("company", types["company"]), ("local_union", types["local_union"])]
    assert types["ngo"] > types["trade_union"] > types["ministry"] > 0
    assert types["ministry"] <= 12 and type_counts(10_000)["ministry"] == 12  # a country has a dozen ministries
    assert {r["type"] for r in relations} <= set(vocab.RELATION_TYPES)


def test_relation_types_make_sense_for_the_actor_types():
    actors, relations, _ = generate(1000)
    kind = {a["id"]: a["type"] for a in actors}
    for r in relations:
        src, dst = kind[r["source"]], kind[r["target"]]
        assert src not in ("theme", "law_policy"), r  # themes and laws are argued about, they do not act
        if r["type"] == "advocates_for":
            assert dst in ("theme", "law_policy"), r
        if r["type"] == "issues":
            assert dst == "law_policy", r
        if r["type"] == "trains":
            assert dst == "local_union", r
        if r["type"] == "funds":
            assert src in ("ministry", "government_agency", "international_organisation", "programme"), r
        assert r["directed"] == ("true" if vocab.RELATION_TYPES[r["type"]].directed else "false")


def test_every_relation_cites_a_listed_document_with_its_date_and_a_short_quote():
    _, relations, sources = generate(500)
    docs = {s["id"]: s for s in sources}
    for r in relations:
        assert r["source_doc"] in docs
        assert r["date"] == docs[r["source_doc"]]["date"]
        assert 0 < len(r["evidence"]) <= 250


def test_supply_chains_form_communities_and_a_few_actors_are_hubs(tmp_path):
    actors, relations, _ = generate(2000)
    sector = {a["id"]: a["sector"] for a in actors}
    both = [r for r in relations if sector[r["source"]] and sector[r["target"]]]
    same = sum(sector[r["source"]] == sector[r["target"]] for r in both)
    assert same / len(both) > 0.5  # most relations stay inside a sector's supply chain

    G = build_graph(load_dataset(write_synthetic(tmp_path, 2000)))
    degrees = sorted((d for _, d in G.degree()), reverse=True)
    assert degrees[0] >= 10 * statistics.median(degrees)  # hubs
    assert min(degrees) >= 1  # and nobody is left out


def test_every_actor_has_a_unique_id_and_name():
    actors, _, _ = generate(3000)
    assert len({a["id"] for a in actors}) == len(actors)
    assert len({a["name"] for a in actors}) == len(actors)
    assert all(a["name"] and a["description"] for a in actors)
