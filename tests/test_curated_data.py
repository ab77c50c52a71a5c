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


EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"(\+31|\b06)[\s-]?\d{1,3}[\s-]?\d{3,4}[\s-]?\d{2,4}")
# Addresses at the reserved example domains (RFC 2606) are test input, not anyone's contact details;
# "a@b.org" is a syntax example in a comment on what Markdown links.
SAMPLE_EMAIL = re.compile(r"@([\w-]+\.)*(example|test|invalid)(\.[\w.]+)?$")
SAMPLE_EMAILS = {"a@b.org"}


def _project_files() -> list[Path]:
    """Every file of the repository, tracked or not (ignored ones aside): the seeds live outside it."""
    import subprocess

    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [ROOT / name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def test_no_phone_numbers_or_email_addresses_anywhere_in_the_repository():
    files = _project_files()
    assert any(p.name == "relations.csv" for p in files) and any(p.suffix == ".py" for p in files)
    found = []
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        found += [f"{path.relative_to(ROOT)}: phone {m.group()!r}" for m in PHONE.finditer(text)]
        found += [
            f"{path.relative_to(ROOT)}: e-mail {m.group()!r}"
            for m in EMAIL.finditer(text)
            if not SAMPLE_EMAIL.search(m.group()) and m.group() not in SAMPLE_EMAILS
        ]
    assert found == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents (../shared/seeds) are not beside this checkout")
def test_the_documents_contact_details_and_contact_persons_are_nowhere_in_the_repository():
    emails, phones, people = set(), set(), set()
    for doc in SEEDS.glob("*.txt"):
        lines = doc.read_text("utf-8").splitlines()
        for i, line in enumerate(lines):
            for m in EMAIL.finditer(line):
                emails.add(m.group().casefold())
                # The person is named on the nearest line above, before the role: "Name, Role".
                above = next(x for x in reversed(lines[:i]) if x.strip())
                people.add(above.split(",")[0].strip())
            phones |= {re.sub(r"\D", "", m.group()) for m in re.finditer(r"\+?\d[\d ()-]{8,}\d", line) if "@" in line}
    assert emails and phones and people  # the brochure lists its contacts; the check has something to look for
    for path in _project_files():
        text = path.read_bytes().decode("utf-8", errors="replace")
        # A number in any spelling (spaces, dashes, brackets, a country code or not), compared by its last nine digits.
        numbers = {re.sub(r"\D", "", m.group()) for m in re.finditer(r"\d[\d ()+.-]{7,}\d", text)}
        assert not [e for e in emails if e in text.casefold()], path
        assert not [p for p in phones if any(p[-9:] in n for n in numbers)], path
    # Contact persons are not signatories or quoted people: the data names them nowhere.
    for path in DATA.glob("*.csv"):
        text = path.read_text("utf-8")
        assert not [p for p in people if p in text], path


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


def test_no_objection_or_concern_without_its_holder_named_in_the_quote_or_as_the_documents_author(curated):
    names = {a["id"]: [a["name"], *filter(None, a.get("aliases", "").split("|"))] for a in curated.actors}
    authors = {s["id"]: s["authors"] for s in curated.sources}
    unnamed = [
        f"{r['source']} {r['type']} {r['target']} [{r['source_doc']}]"
        for r in curated.relations
        if r["type"] in ("opposes", "has_concerns_about")
        and not any(n in r["evidence"] or n in authors[r["source_doc"]].split(". Signed by")[0] for n in names[r["source"]])
    ]
    assert unnamed == []


def test_the_ser_advises_on_the_initiatiefwet_rather_than_objecting(curated):
    [row] = _rows(curated, source="ser", target="initiatiefwet-imvo")
    assert row["type"] == "advises" and row["evidence"] == "De SER denkt hier graag verder over mee."


def test_welcoming_one_sentence_of_the_coalition_agreement_is_not_support_for_the_agreement(curated):
    assert not [r for r in _rows(curated, target="coalitieakkoord") if r["source"] in FOUR]
    welcomed = _rows(curated, target="theme-responsible-business", type="advocates_for")
    assert {r["source"] for r in welcomed} == set(FOUR)
    assert all(r["evidence"].startswith("Het is goed om in het coalitieakkoord te lezen") for r in welcomed)


def test_no_year_the_documents_do_not_give(curated):
    actors = {a["id"]: a for a in curated.actors}
    assert "2023" not in actors["subsidy-scheme-sector-cooperation"]["description"].split("round table of")[0]
    assert "a 2023 letter" not in actors["tweede-kamer"]["description"]
    [cited] = _rows(curated, source="ser", target="ser-advice-eu-due-diligence", type="issues")
    assert cited["date"] == "before 2023-01-18"


def test_types_and_status_the_documents_support(curated):
    actors = {a["id"]: a for a in curated.actors}
    assert actors["wba"]["type"] == "ngo"
    assert actors["ppp-metals-labour-risks"]["status"] == ""  # "leidde tot een nieuwe publiekprivate samenwerking"
    for who in ("xclusive-cuttings", "sjoerd-de-boer"):
        assert (
            actors[who]["country"] == "UG" and "where" in actors[who]["description"] and "operates" in actors[who]["description"]
        )


def test_claims_the_review_found_missing_are_recorded_with_their_quotes(curated):
    def quoted(doc, start, **match):
        return [r for r in _rows(curated, source_doc=doc, **match) if r["evidence"].startswith(start)]

    # 2026 letter: where the four scale up, what they ask of the minister and offer him.
    assert {r["source"] for r in _rows(curated, source_doc="letter-ser-scaling-2026", target="ser")} == set(FOUR)
    assert len(quoted("letter-ser-scaling-2026", "In deze brief willen we u graag informeren", target="min-buza-bhos")) == 4
    assert len(quoted("letter-ser-scaling-2026", "U kunt ook dit voortouw nemen, en daarin werken we graag met u samen.")) == 4
    # 2020 letter: a vision on sector cooperation.
    assert len(quoted("letter-imvo-debate-2020", "Ontwikkel een visie op de toekomst van sectorale samenwerking")) == 4
    # SER paper: the positive design asks beside "no safe harbour".
    for theme in ("theme-recognised-agreements", "theme-sme-attention", "theme-eu-level-playing-field"):
        assert _rows(curated, source="ser", target=theme, type="advocates_for"), theme
    assert quoted("paper-ser-roundtable-2023", "het vastleggen van minimumeisen", source="ser")
    # Brochure: collective bargaining in the cases, and the end of the programme's funding.
    assert len(_rows(curated, type="negotiates_with")) >= 2
    assert (
        len(
            quoted(
                "brochure-vakbondsprogramma-2025", "De huidige financiering van het Vakbondsprogramma", target="theme-vmp-funding"
            )
        )
        == 2
    )
    # Resilient chains, in three documents.
    docs = {r["source_doc"] for r in _rows(curated, target="theme-resilient-chains", type="advocates_for")}
    assert docs == {"letter-ser-scaling-2026", "brochure-vakbondsprogramma-2025", "paper-dutch-diamond-2026"}


COVERAGE = ROOT / "docs" / "coverage.md"


def _paragraphs(text: str) -> list[str]:
    """A document's paragraphs as docs/coverage.md counts them: blocks between blank lines.

    A PDF extraction (the SER paper) breaks every line with an empty line and ends a paragraph
    with a line of spaces; a bullet of the 2020 letter (U+F0B7) starts a paragraph of its own.
    """
    lines = text.splitlines()
    pdf = sum(1 for line in lines if line and not line.strip()) > 0 and text.count("\n\n") > 100
    out: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if pdf and line == "":
            continue
        if (line != "" and not line.strip()) if pdf else not line.strip():
            if current:
                out.append(current)
                current = []
            continue
        if line.lstrip().startswith("\uf0b7") and current:
            out.append(current)
            current = []
        current.append(line)
    if current:
        out.append(current)
    return [" ".join(" ".join(p).split()) for p in out]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text.replace("*", ""))


def _coverage() -> dict[str, list[tuple[int, str, str]]]:
    """file name → [(paragraph, opens with, claims recorded)] from docs/coverage.md."""
    tables: dict[str, list[tuple[int, str, str]]] = {}
    current = None
    for line in COVERAGE.read_text("utf-8").splitlines():
        found = re.search(r"file `([^`]+)`", line)
        if found:
            current = tables.setdefault(found.group(1), [])
        elif current is not None and re.match(r"\| \d+ \|", line):
            number, opens, claims = (cell.strip() for cell in line.strip("|").split(" | ", 2))
            current.append((int(number), opens, claims))
    return tables


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents (../shared/seeds) are not beside this checkout")
def test_the_coverage_table_lists_every_paragraph_of_the_five_documents(curated):
    tables = _coverage()
    assert set(tables) == {s["file"] for s in curated.sources}
    for source in curated.sources:
        paragraphs = _paragraphs((SEEDS / source["file"]).read_text("utf-8"))
        rows = tables[source["file"]]
        assert [n for n, _, _ in rows] == list(range(1, len(paragraphs) + 1)), source["file"]
        for (n, opens, claims), paragraph in zip(rows, paragraphs):
            where = f"{source['file']} ¶{n}"
            if opens == "(contact details)":
                assert EMAIL.search(paragraph), where
            else:
                shown = _words(opens)
                assert shown and shown == _words(paragraph)[: len(shown)], where
            assert claims and "TODO" not in claims, where
            if claims.startswith("nothing to record"):
                assert claims.startswith("nothing to record, because "), where


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents (../shared/seeds) are not beside this checkout")
def test_no_paragraph_a_quote_comes_from_is_marked_nothing_to_record(curated):
    tables = _coverage()
    for source in curated.sources:
        paragraphs = [_norm(p) for p in _paragraphs((SEEDS / source["file"]).read_text("utf-8"))]
        empty = {n for n, _, claims in tables[source["file"]] if claims.startswith("nothing to record")}
        for r in _rows(curated, source_doc=source["id"]):
            quote = _norm(r["evidence"])
            # A quote may run over two or three blocks (a signature set in columns): it starts in the first.
            start = next(
                i + 1 for size in (1, 2, 3) for i in range(len(paragraphs)) if quote in " ".join(paragraphs[i : i + size])
            )
            assert start not in empty, f"{source['file']} ¶{start}: {r['source']} {r['type']} {r['target']}"
