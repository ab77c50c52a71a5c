"""The map through time: the "as of" filter, the steps a play button takes, new relations highlighted, and diff."""

from __future__ import annotations

import json
import shutil

import pytest

from network import build_graph, load_dataset
from network.cli import main
from network.filters import DATE_FIELDS, DATE_FILTERS, apply_filters
from network.rights import LOCAL_EDITOR
from network.timeline import as_of_notes, compare, compare_dates, new_relations, step_before, steps
from network.view import ViewState, apply_view
from network.views import load_view, save_view

from .conftest import DATA, map_caption

TEAM = DATA / "stakeholder"


@pytest.fixture
def G():
    return build_graph(load_dataset(TEAM))


def test_as_of_is_one_entry_of_the_filter_registry_and_a_view_field():
    assert "as_of" in DATE_FIELDS and any(d.flag == "--as-of" for d in DATE_FILTERS)
    assert ViewState().as_of == "" and ViewState.from_query({"as_of": "2025"}).as_of == "2025"


def test_a_relation_appears_when_its_document_does_not_at_its_own_date(G):
    # cnv trains hukatan since 2019, but the brochure that says so is of 2025.
    assert not apply_filters(G, {}, as_of="2024").has_edge("cnv", "hukatan")
    assert apply_filters(G, {}, as_of="2025").has_edge("cnv", "hukatan")


def test_actors_appear_with_their_first_relation(G):
    H = apply_filters(G, {}, as_of="2020-12")
    assert set(H) == {"fnv", "cnv", "kamer", "csddd"}
    assert "minister" not in apply_filters(G, {}, as_of="2026-05-06") and "minister" in apply_filters(G, {}, as_of="2026-05-07")


def test_the_play_button_steps_through_the_documents_dates(G):
    assert steps(G) == ["2020-12", "2023-01-18", "2025", "2026-05-07"]
    assert step_before(G, "2025") == "2023-01-18" and step_before(G, "2020-12") == ""


def test_the_relations_new_at_a_step_are_highlighted_on_the_map(G):
    result = apply_view(G, ViewState(as_of="2025", show_asks=True))
    highlighted = {(u, v) for u, v, _ in result.style.highlight_edges}
    assert highlighted == {("cnv", "hukatan"), ("cnv", "vmp"), ("hukatan", "vmp")}
    assert {(u, v) for u, v, _ in new_relations(G, "2023-06")} == {("ser", "csddd"), ("vno", "csddd"), ("ser", "kamer")}
    assert "as of 2025" in result.caption


def test_as_of_is_kept_in_links_and_saved_views(tmp_path):
    state = ViewState(as_of="2023-01-18", lang="nl", grid_ask="vmp", contact_by="color", stale_months=6)
    assert ViewState.from_query(state.to_query()) == state
    save_view(tmp_path, "Through time", state, access=LOCAL_EDITOR)
    assert load_view(tmp_path, "Through time") == state
    assert ViewState.from_dict({"stale_months": "999", "contact_by": "bogus"}).stale_months == 120
    assert ViewState.from_dict({"contact_by": "bogus"}).contact_by == ""


def test_the_caption_says_as_of_in_dutch(G):
    assert "stand op 2025" in apply_view(G, ViewState(as_of="2025", lang="nl")).caption


def test_export_as_of_draws_the_map_as_it_stood(tmp_path, capsys):
    out = tmp_path / "map.json"
    assert main(["export", "--data", str(TEAM), "--format", "json", "--out", str(out), "--as-of", "2020-12"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(n["id"] for n in data["nodes"]) == ["cnv", "fnv", "kamer"]  # the ask is a lens of its own
    assert "as of 2020-12" in data["meta"]["caption"]


def test_export_refuses_an_impossible_as_of_date(tmp_path, capsys):
    assert (
        main(["export", "--data", str(TEAM), "--format", "json", "--out", str(tmp_path / "m.json"), "--as-of", "2025-02-30"]) == 1
    )
    assert "--as-of '2025-02-30' is not a date" in capsys.readouterr().err


def test_comparing_two_dates_lists_what_was_added(G):
    d = compare_dates(G, "2023-01-18", "2025")
    assert [r["name"] for r in d["actors_added"]] == ["Continue VMP funding", "Hukatan-KSBSI"]
    assert len(d["relations_added"]) == 3 and d["actors_removed"] == [] and d["relations_removed"] == []


def test_comparing_two_versions_of_the_data_lists_added_and_removed(tmp_path):
    new = tmp_path / "new"
    shutil.copytree(TEAM, new)
    lines = (new / "relations.csv").read_text(encoding="utf-8").splitlines()
    (new / "relations.csv").write_text("\n".join(line for line in lines if not line.startswith("acme,")) + "\n", encoding="utf-8")
    with open(new / "actors.csv", "a", encoding="utf-8") as fh:
        fh.write("ilo,ILO,international_organisation,,,\n")
    d = compare(build_graph(load_dataset(TEAM)), build_graph(load_dataset(new)))
    assert [r["id"] for r in d["actors_added"]] == ["ilo"]
    assert [(r["source"], r["target"], r["type"]) for r in d["relations_removed"]] == [("acme", "ser", "member_of")]
    assert d["relations_added"] == [] and d["actors_removed"] == []


def test_the_diff_command_compares_dates_or_folders(tmp_path, capsys):
    assert main(["diff", "--data", str(TEAM), "--from", "2023", "--to", "2025"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The map as of 2023 compared with as of 2025") and "+ CNV → Hukatan-KSBSI: trains" in out
    assert main(["diff", str(DATA / "good"), str(TEAM), "--format", "json", "--lang", "nl"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (
        "vergeleken met" in data["compared"]
        and {"id": "acme", "name": "<img src=x onerror=alert(1)>", "type": "company"} in data["actors_added"]
    )


def test_the_diff_command_needs_dates_or_two_folders(capsys):
    assert main(["diff", "--data", str(TEAM)]) == 1
    assert main(["diff", str(TEAM)]) == 1
    assert main(["diff", "--data", str(TEAM), "--from", "2025-13"]) == 1
    assert "is not a date" in capsys.readouterr().err


# -- in the app ------------------------------------------------------------------------------


# Issue 24: dates as precise as the documents: a year, a month, a day, or "before" a day.
BUNDLED = DATA.parent.parent / "data"


@pytest.fixture(scope="module")
def bundled():
    return build_graph(load_dataset(BUNDLED))


def test_a_letter_written_before_the_debate_it_announces_enters_the_map_the_day_before(bundled):
    letter = [(u, v) for u, v, d in bundled.edges(data=True) if d["source_doc"] == "letter-imvo-debate-2020"]
    assert steps(bundled)[0] == "before 2020-12-08"
    assert apply_filters(bundled, {}, as_of="2020-12-06").number_of_edges() == 0
    on_the_day_before = apply_filters(bundled, {}, as_of="2020-12-07")
    assert on_the_day_before.number_of_edges() == len(letter) and all(on_the_day_before.has_edge(u, v) for u, v in letter)
    assert step_before(bundled, "2023-01-18") == "before 2020-12-08"


def test_the_map_as_of_a_date_says_what_it_cannot_know_to_the_day(bundled):
    n_letter = sum(1 for *_, d in bundled.edges(data=True) if d["source_doc"] == "letter-imvo-debate-2020")
    n_brochure = sum(1 for *_, d in bundled.edges(data=True) if d["source_doc"] == "brochure-vakbondsprogramma-2025")
    assert as_of_notes(bundled, "2020-11") == [
        f"{n_letter} relation(s) dated 'before 2020-12-08' are not shown: they appear on 2020-12-07, "
        "the one day they are known to exist, and may be older"
    ]
    assert as_of_notes(bundled, "2025-06", "nl") == [
        f"{n_brochure} relatie(s) met alleen een jaar als datum (2025) staan erop: ze kunnen van na 2025-06 zijn"
    ]
    assert as_of_notes(bundled, "2026-05-07") == []  # the brochure's year is over: nothing uncertain
    assert as_of_notes(bundled, "2025-06")[0] in apply_view(bundled, ViewState(as_of="2025-06")).notes


def test_export_and_diff_say_what_a_date_cannot_know(tmp_path, capsys):
    out = tmp_path / "map.json"
    assert main(["export", "--format", "json", "--out", str(out), "--as-of", "2025-06"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[-1].startswith("note: ") and printed[-1].endswith("(2025) are shown: they may be from after 2025-06")
    assert main(["diff", "--from", "2020-11", "--to", "2025-06"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[-2].startswith("as of 2020-11: ") and "dated 'before 2020-12-08' are not shown" in text[-2]
    assert text[-1].startswith("as of 2025-06: ") and "dated only to the year (2025)" in text[-1]


def test_relation_and_document_dates_may_be_before_a_day_and_nothing_looser(good_copy):
    from network.model import DataError

    relations = good_copy / "relations.csv"
    text = relations.read_text("utf-8")
    relations.write_text(text.replace("2026-05-07", "before 2026-05-07", 1), "utf-8")
    assert load_dataset(good_copy).relations[0]["date"] == "before 2026-05-07"
    for bad in ("before 2026-13", "voor 2026-05-07", "before", "2026-05-07 or later"):
        relations.write_text(text.replace("2026-05-07", bad, 1), "utf-8")
        with pytest.raises(DataError) as info:
            load_dataset(good_copy)
        assert [p.message for p in info.value.errors] == [f"impossible date '{bad}' (use YYYY, YYYY-MM or YYYY-MM-DD)"]


@pytest.fixture
def app(run_app):
    def run(script: str = "app.py", data_dir=TEAM, **query):
        return run_app(data_dir, script, **query)

    return run


def test_the_as_of_slider_puts_the_date_in_the_caption_and_the_link(app):
    at = app()
    slider = at.select_slider(key="w_as_of")
    assert slider.options[:4] == ["2020-12", "2023-01-18", "2025", "2026-05-07"]
    slider.set_value("2023-01-18").run()
    assert not at.exception and "as of 2023-01-18" in map_caption(at)
    assert at.query_params["as_of"] == "2023-01-18"


def test_play_steps_to_the_next_document_date_and_stops_after_the_last(app):
    at = app(as_of="2025", sections=())  # every section shut: "As of" opens by itself on the link's date
    at.button(key="as_of_play").click().run()
    assert not at.exception and at.session_state["w_as_of"] == "2026-05-07" and at.session_state["_as_of_playing"]
    at.button(key="as_of_forward").click().run()
    assert at.session_state["w_as_of"] == "" and not at.session_state["_as_of_playing"]
    # Past the last date the section stays open, its ▶ under the user's hand to play again.
    (section,) = [e for e in at.sidebar.expander if e.label == "As of"]
    assert section.proto.expanded and section.button(key="as_of_play").label == "▶"


def test_a_cleared_focus_leaves_its_sidebar_section_open(app):
    at = app(focus="fnv", sections=())
    focus = lambda: [e for e in at.sidebar.expander if e.label == "Focus"][0]  # noqa: E731
    assert focus().proto.expanded
    at.session_state["w_focus"] = ""
    at.run()
    assert not at.exception and focus().proto.expanded


def test_a_link_with_as_of_opens_the_map_as_it_stood_in_dutch(app):
    at = app(as_of="2020-12", lang="nl")
    assert not at.exception and "stand op 2020-12" in map_caption(at) and map_caption(at).startswith("3 van 10 actoren")


def test_the_comparison_tab_lists_what_two_dates_add(app):
    at = app("tests/e2e/stakeholder_page.py")
    at.selectbox(key="w_compare_from").set_value("2023-01-18").run()
    at.selectbox(key="w_compare_to").set_value("2025").run()
    assert not at.exception and "2 actor\\(s\\) added" in at.info[0].value
    assert at.query_params["compare_from"] == "2023-01-18"


def test_the_comparison_with_a_backup_shows_a_saved_edit(app, tmp_path):
    from network import store

    folder = tmp_path / "data"
    shutil.copytree(TEAM, folder)
    ds, base = store.load(folder)
    store.save(
        folder,
        [*ds.actors, {"id": "ilo", "name": "ILO", "type": "international_organisation"}],
        ds.relations,
        base=base,
        access=LOCAL_EDITOR,
    )
    at = app("tests/e2e/stakeholder_page.py", data_dir=folder)
    at.radio(key="compare_mode").set_value("versions").run()
    assert not at.exception and "1 actor\\(s\\) added, 0 removed" in at.info[0].value


def test_data_without_dates_drops_an_old_as_of_date_even_with_its_section_shut(app, tmp_path):
    import csv
    import shutil

    from ui import keys

    at = app(as_of="2025", sections=())
    assert "as of 2025" in map_caption(at)
    undated = tmp_path / "undated"
    shutil.copytree(TEAM, undated)
    for name in ("relations.csv", "sources.csv"):
        with (undated / name).open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        with (undated / name).open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows({**r, "date": ""} for r in rows)
    at.session_state[keys.UPLOAD_DIR] = str(undated)  # as an upload of the same data, undated
    at.run()
    assert not at.exception and "as of" not in map_caption(at)
    assert map_caption(at).startswith("8 of 10 actors") and "as_of" not in at.query_params  # the whole opening map
