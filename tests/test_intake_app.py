"""The *Add a document* panel (issue 27), run in-process with AppTest: accept one claim, reject one."""

from __future__ import annotations

import shutil
from pathlib import Path

from network.intake import propose
from network.io.folder import load_dataset
from network.verify import check_quotes

HERE = Path(__file__).parent / "data" / "intake"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(HERE / "data", folder)
    return folder


def test_an_editor_accepts_one_claim_and_rejects_another_and_only_the_accepted_one_is_saved(run_app, tmp_path):
    folder = _copy(tmp_path)
    payload = (HERE / "letter.txt").read_bytes()
    claims = propose("letter.txt", payload, load_dataset(folder)).claims
    keys = [(c.source, c.type, c.target) for c in claims]
    accept = keys.index(("fnv", "advocates_for", "wet-loontransparantie"))
    reject = keys.index(("vno-ncw", "has_concerns_about", "vakbondsschool"))

    at = run_app(folder, timeout=90)
    at = at.button_group(key="panel").set_value("add_document").run()
    assert not at.exception
    at = at.file_uploader(key="intake_file_0").set_value(("letter.txt", payload, "text/plain")).run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.button(key="intake_apply").disabled  # nothing accepted yet, nothing to add
    at.button_group(key=f"intake_c0_{accept}").set_value("accept")
    at.button_group(key=f"intake_c0_{reject}").set_value("reject")
    at = at.run()
    assert (folder / "relations.csv").read_text("utf-8").count("\n") == 2  # still nothing written
    at = at.button(key="intake_apply").click().run()
    assert not at.exception
    assert any("Added 1 relation(s)" in s.value.replace("\\", "") for s in at.success)  # shown as text: markdown escaped
    ds = load_dataset(folder)
    added = [r for r in ds.relations if r["source_doc"] != "old-note"]
    assert [(r["source"], r["type"], r["target"], r["evidence"]) for r in added] == [
        ("fnv", "advocates_for", "wet-loontransparantie", "Wij pleiten voor een snelle invoering van de Wet loontransparantie.")
    ]
    assert any(s["file"] == "letter.txt" for s in ds.sources)
    documents = tmp_path / "documents"
    documents.mkdir()
    shutil.copy(HERE / "letter.txt", documents)
    (documents / "old-note.txt").write_text("FNV en Mondiaal FNV werken samen.", "utf-8")
    v = check_quotes(ds, documents)
    assert not v.problems and v.missing == 0 and v.checked == 2


def test_a_viewer_is_not_offered_the_panel(run_app, tmp_path, monkeypatch):
    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    at = run_app(_copy(tmp_path), timeout=90)
    assert "add_document" not in at.button_group(key="panel").options
