"""Intake (issue 27): a document in, its actors and quoted claims proposed; nothing written until accepted.

The documents under tests/data/intake are hand-written: a letter with signatories and an addressee,
an English position paper with for and against sentences, a two-page PDF, a Word letter and a
French text; the bad inputs (a scan, an encrypted PDF, a huge file) are made here.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from network.intake import IntakeError, propose
from network.intake.read import MAX_BYTES, read_document
from network.intake.review import apply_proposals, proposals_csv, read_proposals
from network.io.folder import load_dataset
from network.rights import LOCAL_EDITOR, VIEWER, NotAllowed
from network.verify import check_quotes, quote_in

HERE = Path(__file__).parent / "data" / "intake"
DATA = HERE / "data"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def dataset():
    """The small intake data set: unions, an employers' organisation, a minister, a law, a programme, two themes."""
    return load_dataset(DATA)


def _propose(name: str, dataset):
    return propose(name, (HERE / name).read_bytes(), dataset)


def _claims(p):
    return {(c.source, c.type, c.target) for c in p.claims}


def test_every_quote_is_the_documents_own_text_at_its_offsets(dataset):
    for name in ("letter.txt", "position-paper.md", "letter.pdf", "letter.docx"):
        p = _propose(name, dataset)
        assert p.claims, name
        for c in p.claims:
            assert p.text[c.start : c.end] == c.quote
            assert quote_in(c.quote, read_document(name, (HERE / name).read_bytes()).text)
            assert c.basis in ("stated", "inferred") and c.cue
            assert c.basis == "stated" or c.note


def test_a_letter_proposes_signatories_addressee_stances_and_its_sources_row(dataset):
    p = _propose("letter.txt", dataset)
    claims = _claims(p)
    assert {("fnv", "addresses", "min-szw"), ("vno-ncw", "addresses", "min-szw")} <= claims
    assert ("fnv", "co_signs", "vno-ncw") in claims or ("vno-ncw", "co_signs", "fnv") in claims
    assert {("fnv", "advocates_for", "wet-loontransparantie"), ("vno-ncw", "has_concerns_about", "vakbondsschool")} <= claims
    # People the data lacks are proposed in the role the letter gives them, linked to their organisation.
    new = {a["id"]: a for a in p.actors if not a["existing"]}
    assert new["jan-jansen"]["type"] == "person" and new["jan-jansen"]["role"] == "voorzitter FNV"
    assert ("jan-jansen", "holds_office_at", "fnv") in claims
    # An organisation the data lacks is proposed with a type, and takes part in the claims.
    assert new["stichting-eerlijk-loon"]["type"] == "ngo"
    assert ("fnv", "partners_with", "stichting-eerlijk-loon") in claims
    # The existing minister is found by a close spelling ("minister van" for "Minister van").
    assert any(a["id"] == "min-szw" and a["existing"] for a in p.actors)
    doc = p.document
    assert (doc["date"], doc["kind"], doc["addressed_to"]) == (
        "2027-03-03",
        "letter",
        "Minister van Sociale Zaken en Werkgelegenheid",
    )
    assert doc["authors"].startswith("FNV; VNO-NCW") and doc["file"] == "letter.txt"


def test_contact_details_are_never_proposed(dataset):
    p = _propose("letter.txt", dataset)
    everything = json.dumps(p.as_json()["claims"] + p.as_json()["actors"] + [p.document], ensure_ascii=False)
    assert "example.org" not in everything and "3456789" not in everything
    assert "example.org" not in proposals_csv(p)


def test_a_position_paper_in_english_is_read_for_and_against(dataset):
    p = _propose("position-paper.md", dataset)
    claims = _claims(p)
    assert p.document["kind"] == "position paper" and p.document["date"] == "2027-04-12"
    assert ("mondiaal-fnv", "advocates_for", "leefbaar-loon") in claims
    assert ("mondiaal-fnv", "opposes", "meldplicht") in claims
    assert ("mondiaal-fnv", "addresses", "tweede-kamer") in claims
    # "trains … together with FNV": FNV is a partner in the training, not its object.
    assert ("mondiaal-fnv", "partners_with", "fnv") in claims and ("mondiaal-fnv", "trains", "fnv") not in claims


def test_a_pdf_gives_each_quote_its_page(dataset):
    p = _propose("letter.pdf", dataset)
    pages = {(c.source, c.type, c.target): c.page for c in p.claims}
    assert pages[("fnv", "addresses", "tweede-kamer")] == 1
    assert pages[("fnv", "advocates_for", "wet-loontransparantie")] == 2


def test_a_word_letter_asking_to_postpone_a_law_is_read_as_concern_not_support(dataset):
    p = _propose("letter.docx", dataset)
    claims = _claims(p)
    assert ("vno-ncw", "has_concerns_about", "wet-loontransparantie") in claims
    assert ("vno-ncw", "advocates_for", "wet-loontransparantie") not in claims
    assert ("karin-de-vries", "holds_office_at", "vno-ncw") in claims


def test_a_document_in_another_language_gets_no_proposals(dataset):
    with pytest.raises(IntakeError, match="does not read as Dutch or English"):
        _propose("foreign.txt", dataset)


def _pdf_bytes(writer) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_scanned_pdf_without_text_is_refused_with_a_reason(dataset):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with pytest.raises(IntakeError, match="no text layer"):
        propose("scan.pdf", _pdf_bytes(writer), dataset)


def test_an_encrypted_pdf_is_refused_with_a_reason(dataset):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(HERE / "letter.pdf"))
    writer.encrypt("secret")
    with pytest.raises(IntakeError, match="encrypted"):
        propose("locked.pdf", _pdf_bytes(writer), dataset)


def test_a_huge_or_broken_file_is_refused_before_it_is_read(dataset):
    with pytest.raises(IntakeError, match="at most 20 MB"):
        propose("huge.txt", b"a" * (MAX_BYTES + 1), dataset)
    with pytest.raises(IntakeError, match="characters of text"):
        propose("long.txt", ("Wij pleiten voor meer. " * 30_000).encode(), dataset)
    with pytest.raises(IntakeError, match="not a readable .docx"):
        propose("broken.docx", b"PK\x03\x04 not a zip", dataset)
    with pytest.raises(IntakeError, match="only .txt, .md, .pdf, .docx"):
        propose("photo.jpg", b"\xff\xd8", dataset)


def _data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def _review(p, accept: set[tuple[str, str, str]]) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(proposals_csv(p))))
    for r in rows:
        if r["record"] == "claim" and (r["source"], r["type"], r["target"]) in accept:
            r["accept"] = "yes"
    return rows


def test_apply_writes_exactly_the_accepted_claims_and_registers_the_document(tmp_path, dataset):
    folder = _data_copy(tmp_path)
    p = _propose("letter.txt", dataset)
    keep = ("fnv", "advocates_for", "wet-loontransparantie")
    rows = _review(p, {keep})
    assert any(r["record"] == "claim" and not r["accept"] for r in rows)  # others stay unaccepted
    done = apply_proposals(folder, rows, access=LOCAL_EDITOR, document_text=p.text)
    assert done.relations == 1 and done.registered and done.result is not None
    ds = load_dataset(folder)
    new = [r for r in ds.relations if r["source_doc"] == p.document["id"]]
    assert [(r["source"], r["type"], r["target"]) for r in new] == [keep]
    assert new[0]["evidence"] == "Wij pleiten voor een snelle invoering van de Wet loontransparantie."
    assert any(s["id"] == p.document["id"] and s["file"] == "letter.txt" for s in ds.sources)
    # verify finds the quote in the registered document
    documents = tmp_path / "documents"
    documents.mkdir()
    shutil.copy(HERE / "letter.txt", documents)
    (documents / "old-note.txt").write_text("FNV en Mondiaal FNV werken samen.", "utf-8")
    v = check_quotes(load_dataset(folder), documents)
    assert not v.problems and v.missing == 0 and v.checked == 2


def test_apply_adds_an_accepted_new_person_and_merges_a_proposed_one_into_an_existing_actor(tmp_path, dataset):
    folder = _data_copy(tmp_path)
    p = _propose("letter.txt", dataset)
    new = {a["id"]: a for a in p.actors if not a["existing"]}
    assert new["karin-de-vries"]["same_as"] == "k-de-vries"  # the "same as …?" hint
    rows = _review(p, {("jan-jansen", "holds_office_at", "fnv"), ("karin-de-vries", "holds_office_at", "vno-ncw")})
    for r in rows:
        if r["record"] == "actor" and r["id"] == "jan-jansen":
            r["accept"] = "yes"
        if r["record"] == "actor" and r["id"] == "karin-de-vries":
            r["merge_into"] = "k-de-vries"
    for r in rows:  # a new organisation accepted with the claim that names it
        if r["record"] == "actor" and r["id"] == "stichting-eerlijk-loon":
            r["accept"] = "yes"
        if r["record"] == "claim" and (r["source"], r["type"], r["target"]) == ("fnv", "partners_with", "stichting-eerlijk-loon"):
            r["accept"] = "yes"
    done = apply_proposals(folder, rows, access=LOCAL_EDITOR)
    ds = load_dataset(folder)
    assert done.actors == ["jan-jansen", "stichting-eerlijk-loon"]
    assert any(a["id"] == "jan-jansen" and a["type"] == "person" for a in ds.actors)
    assert not any(a["id"] == "karin-de-vries" for a in ds.actors)
    added = {(r["source"], r["type"], r["target"]) for r in ds.relations if r["source_doc"] == p.document["id"]}
    assert added == {
        ("jan-jansen", "holds_office_at", "fnv"),
        ("k-de-vries", "holds_office_at", "vno-ncw"),
        ("fnv", "partners_with", "stichting-eerlijk-loon"),
    }


def test_apply_refuses_an_edited_quote_that_is_not_in_the_document_and_writes_nothing(tmp_path, dataset):
    from network.model import DataError

    folder = _data_copy(tmp_path)
    before = (folder / "relations.csv").read_bytes()
    p = _propose("letter.txt", dataset)
    rows = _review(p, {("fnv", "advocates_for", "wet-loontransparantie")})
    for r in rows:
        if r["accept"]:
            r["evidence"] = "Wij pleiten voor het afschaffen van de wet."
    with pytest.raises(DataError, match="not in the document"):
        apply_proposals(folder, rows, access=LOCAL_EDITOR, document_text=p.text)
    assert (folder / "relations.csv").read_bytes() == before


def test_a_viewer_cannot_apply(tmp_path, dataset):
    folder = _data_copy(tmp_path)
    p = _propose("letter.txt", dataset)
    with pytest.raises(NotAllowed):
        apply_proposals(folder, _review(p, {("fnv", "advocates_for", "wet-loontransparantie")}), access=VIEWER)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "network", *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_command_line_proposes_json_then_applies_a_reviewed_file(tmp_path):
    folder = _data_copy(tmp_path)
    r = _cli("intake", str(HERE / "letter.txt"), "--data", str(folder), "--format", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) >= {"document", "actors", "claims"}
    ids = {a["id"] for a in out["actors"]}
    assert all(c["source"] in ids and c["target"] in ids for c in out["claims"])
    proposals = tmp_path / "proposals.csv"
    r = _cli("intake", str(HERE / "letter.txt"), "--data", str(folder), "--out", str(proposals))
    assert r.returncode == 0 and proposals.is_file()
    rows = read_proposals(proposals.read_bytes())
    for row in rows:
        if row["record"] == "claim" and row["type"] == "addresses" and row["source"] == "fnv":
            row["accept"] = "ja"
    with proposals.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    r = _cli("intake", str(HERE / "letter.txt"), "--apply", str(proposals), "--data", str(folder))
    assert r.returncode == 0, r.stderr
    assert "added 1 relation(s)" in r.stdout
    assert [x["type"] for x in load_dataset(folder).relations if x["source_doc"] != "old-note"] == ["addresses"]


def test_command_line_says_why_a_document_is_refused(tmp_path):
    r = _cli("intake", str(HERE / "foreign.txt"), "--data", str(DATA))
    assert r.returncode == 1 and "does not read as Dutch or English" in r.stderr and not r.stdout
    r = _cli("intake", str(tmp_path / "absent.pdf"), "--data", str(DATA))
    assert r.returncode == 1 and "no such file" in r.stderr


@pytest.mark.parametrize("suffix", [".txt", ".md", ".pdf", ".docx"])
def test_any_bytes_give_proposals_or_a_reason_never_a_traceback(dataset, suffix):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.binary(max_size=2000) | st.text(max_size=400).map(lambda s: s.encode("utf-8")))
    def check(payload: bytes) -> None:
        try:
            p = propose(f"doc{suffix}", payload, dataset)
        except IntakeError as exc:
            assert str(exc).startswith(f"doc{suffix}: ")
        else:
            assert all(p.text[c.start : c.end] == c.quote for c in p.claims)

    check()


def test_claims_take_the_date_the_editor_gives_the_document(tmp_path, dataset):
    folder = _data_copy(tmp_path)
    p = _propose("letter.docx", dataset)  # the Word letter gives no date
    assert p.document["date"] == "" and "no date" in p.document["date_note"]
    rows = _review(p, {("vno-ncw", "has_concerns_about", "wet-loontransparantie")})
    rows[0]["date"] = "2027-03"
    apply_proposals(folder, rows, access=LOCAL_EDITOR)
    ds = load_dataset(folder)
    assert [r["date"] for r in ds.relations if r["source_doc"] == p.document["id"]] == ["2027-03"]
    assert [s["date"] for s in ds.sources if s["id"] == p.document["id"]] == ["2027-03"]


def test_a_paper_for_a_round_table_is_read_as_addressed_to_the_tweede_kamer_with_a_note(dataset):
    text = (
        "Positiepaper rondetafelgesprek loontransparantie, 4 februari 2027\n\n"
        "In dit positiepaper pleit FNV voor de Wet loontransparantie. Wij pleiten voor invoering in 2028."
    )
    p = propose("rondetafel.txt", text.encode(), dataset)
    addressed = [c for c in p.claims if c.type == "addresses"]
    assert [(c.source, c.target, c.basis) for c in addressed] == [("fnv", "tweede-kamer", "inferred")]
    assert "round table" in addressed[0].note and p.text[addressed[0].start : addressed[0].end].startswith("Positiepaper")
    assert ("fnv", "advocates_for", "wet-loontransparantie") in _claims(p)
    assert p.document["date"] == "2027-02-04" and p.document["kind"] == "position paper"


def test_a_passive_without_an_agent_is_read_as_the_authors_doing_and_says_so(dataset):
    text = (
        "Geachte minister,\n\nDe Vakbondsschool groeit. Vertegenwoordigers van Mondiaal FNV worden daar getraind.\n\n"
        "Met vriendelijke groet,\n\nJan Jansen, voorzitter FNV\n"
    )
    p = propose("brief.txt", text.encode(), dataset)
    trains = [c for c in p.claims if c.type == "trains"]
    assert [(c.source, c.target, c.basis) for c in trains] == [("fnv", "mondiaal-fnv", "inferred")]
    assert "passive" in trains[0].note
    # with an agent named ("door …") the authors are not read into it
    named = text.replace("worden daar getraind", "worden daar getraind door VNO-NCW")
    assert not [c for c in propose("brief.txt", named.encode(), dataset).claims if c.type == "trains" and c.source == "fnv"]


def test_what_a_letter_says_its_addressee_can_do_is_read_as_an_ask(dataset):
    text = (
        "Geachte minister,\n\nOok kunt u de Vakbondsschool behouden.\n\nMet vriendelijke groet,\n\nJan Jansen, voorzitter FNV\n"
    )
    asks = [c for c in propose("brief.txt", text.encode(), dataset).claims if c.target == "vakbondsschool"]
    assert [(c.source, c.type, c.basis) for c in asks] == [("fnv", "advocates_for", "inferred")]
    assert "addressee can do" in asks[0].note and asks[0].quote == "Ook kunt u de Vakbondsschool behouden."


def test_an_accepted_document_is_kept_in_the_documents_folder_never_over_another_file_and_never_by_a_viewer(tmp_path):
    from network.intake.review import keep_document
    from network.rights import LOCAL_EDITOR, VIEWER, NotAllowed

    documents = tmp_path / "documents"
    documents.mkdir()
    assert keep_document(documents, "C:\\Users\\anna\\brief.txt", b"Aan de minister", access=LOCAL_EDITOR) == "brief.txt"
    assert (documents / "brief.txt").read_bytes() == b"Aan de minister"
    assert keep_document(documents, "brief.txt", b"Aan de minister", access=LOCAL_EDITOR) == "brief.txt"  # the same: fine
    with pytest.raises(FileExistsError, match="other content"):
        keep_document(documents, "brief.txt", b"Another letter", access=LOCAL_EDITOR)
    with pytest.raises(NotAllowed):
        keep_document(documents, "new.txt", b"x", access=VIEWER)
    assert sorted(p.name for p in documents.iterdir()) == ["brief.txt"]
