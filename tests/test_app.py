"""The Streamlit page, run in-process with AppTest."""

from __future__ import annotations

import pytest

from network.rights import LOCAL_EDITOR

from .conftest import GOOD, ROOT, map_caption, map_data, shown_map


@pytest.fixture
def app(run_app):
    def run(data_dir, **query):
        return run_app(data_dir, timeout=60, **query)

    return run


def _shown(at) -> str:
    """The view the map was handed, as JSON text (for the checks that look for a legend's or option's words)."""
    import json

    return json.dumps(shown_map(at), ensure_ascii=False)


def test_page_runs_on_the_bundled_data_and_draws_every_organisation(app):
    from network import load_dataset

    at = app(ROOT / "data")
    assert not at.exception
    actors = load_dataset(ROOT / "data").actors
    n, lenses = len(actors), sum(a["type"] in ("theme", "person") for a in actors)
    # The opening map shows organisations, programmes and laws; asks and people are lenses of their own.
    assert map_caption(at).startswith(f"{n - lenses} of {n} actors")
    nodes, _ = _map(at)
    assert len(nodes) == n - lenses and not any(node["id"].startswith("theme-") for node in nodes)
    at.toggle(key="w_show_asks").set_value(True).run()
    at.toggle(key="w_show_people").set_value(True).run()
    assert len(_map(at)[0]) == n and at.query_params["show_people"] == "true"


def test_broken_data_is_shown_as_a_problem_table_not_a_crash(app, good_copy):
    with open(good_copy / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write("fnv,acme,funds,true,2024,doc1,q,\n")
    at = app(good_copy)
    assert not at.exception
    assert at.error and "did not load" in at.error[0].value
    table = at.dataframe[0].value
    assert "unknown actor 'acme'" in " ".join(table["problem"].astype(str))
    assert keys_map_view(at) is None


def test_a_setting_the_app_cannot_use_is_one_message_and_no_page(app, monkeypatch):
    monkeypatch.setenv("NETWORK_READ_ONLY", "ture")
    at = app(GOOD)
    assert not at.exception
    [error] = [e.value.replace("\\", "") for e in at.error]  # shown as text: markdown characters escaped
    assert error.startswith("NETWORK_READ_ONLY='ture' is not understood")
    assert keys_map_view(at) is None and not at.button


def test_a_documents_folder_that_is_not_there_is_a_warning_and_the_map_still_opens(app, monkeypatch, tmp_path):
    monkeypatch.setenv("NETWORK_DOCUMENTS_DIR", str(tmp_path / "nowhere"))
    at = app(GOOD)
    assert not at.exception
    assert f"NETWORK_DOCUMENTS_DIR: {tmp_path / 'nowhere'} does not exist" in [w.value.replace("\\", "") for w in at.warning]
    assert _nodes(at) == 7


def test_dutch_from_the_url_translates_the_page(app):
    at = app(GOOD, lang="nl")
    assert at.sidebar.subheader[0].value == "Stakeholdernetwerk-verkenner"
    assert "Legenda" in _shown(at)


def _caption(at) -> str:
    return map_caption(at)


def _panel(at, name: str):
    """Open one of the panels under the map (only the chosen one is drawn)."""
    return at.button_group(key="panel").set_value(name).run()


def _map(at) -> tuple[list[dict], list[dict]]:
    return map_data(at)


def keys_map_view(at):
    from ui import keys

    return at.session_state[keys.MAP_VIEW] if keys.MAP_VIEW in at.session_state else None


def _nodes(at) -> int:
    return len(_map(at)[0])


def test_actor_type_filter_changes_the_node_count_and_the_url(app):
    at = app(GOOD)
    at.multiselect(key="w_actor_types").set_value(["trade_union"]).run()
    assert not at.exception
    assert _caption(at).startswith("2 of 7 actors") and _nodes(at) == 2
    assert at.query_params["actor_types"] == "trade_union"


def test_every_field_of_the_view_is_held_by_one_sidebar_section_or_the_page(app):
    # A shut section builds no widgets (state.section) and its fields are held by hold_values: a field
    # no section names would be forgotten when its section is folded shut in such a run.
    import dataclasses

    from network.view import ViewState
    from ui.sidebar import FIELDS

    named = [f for fields in FIELDS.values() for f in fields]
    assert len(named) == len(set(named))  # one section each
    # The language is on top of the sidebar; the rest belong to the panels under the map, drawn by the whole page.
    outside = {"lang", "compare_from", "compare_to", "contact_by", "grid_ask", "stale_months"}
    assert set(named) | outside == {f.name for f in dataclasses.fields(ViewState)}
    at = app(GOOD)  # every section open: each one builds the widgets of the fields it names
    built = {w.key[2:] for w in at.sidebar if getattr(w, "key", None) and str(w.key).startswith("w_")}
    for section, fields in FIELDS.items():
        assert built & set(fields), section
    assert built <= set(named) | {"lang"}


def test_a_shut_section_builds_no_widgets_and_its_choices_still_hold(app):
    from ui import keys

    at = app(GOOD, sections=())
    assert not at.sidebar.multiselect and not at.sidebar.selectbox  # nothing to redraw on a change
    at.session_state[keys.OPEN_SECTIONS] = {"filters", "appearance"}  # the user opens two sections
    at.run().multiselect(key="w_actor_types").set_value(["trade_union"]).run()
    at.radio(key="w_color_by").set_value("community").run()
    at.session_state[keys.OPEN_SECTIONS] = set()  # and shuts them again
    at.run().run()
    assert not at.exception and not at.sidebar.multiselect and not at.sidebar.radio
    assert _caption(at).startswith("2 of 7 actors") and at.query_params["actor_types"] == "trade_union"
    assert at.query_params["color_by"] == "community"
    at.session_state[keys.OPEN_SECTIONS] = {"filters", "appearance"}
    assert at.run().multiselect(key="w_actor_types").value == ["trade_union"]
    assert at.radio(key="w_color_by").value == "community"
    # Switching the language rebuilds every section: the open one stays open.
    _switch_language(at, "nl").run()
    assert not at.exception and at.multiselect(key="w_actor_types").value == ["trade_union"]


def test_a_change_does_not_send_the_open_sections_values_back_over_what_the_user_types(app):
    # Keeping the shut sections' values must not touch the widgets that are built: a value the
    # app sets is pushed to the browser over the field, even while someone is typing in it.
    at = app(GOOD, sections=("appearance", "focus"))
    at.radio(key="w_color_by").set_value("community").run()
    assert not at.exception
    assert not at.text_input(key="w_title").proto.set_value and not at.slider(key="w_hops").proto.set_value


def test_relation_country_sector_document_and_theme_filters_change_what_is_drawn(app, good_copy):
    with open(good_copy / "actors.csv", "a", encoding="utf-8") as fh:
        fh.write("theme-x,Decent work,theme,,,An ask.,\n")
    with open(good_copy / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write("fnv,theme-x,advocates_for,true,2026,doc1,decent work,\n")
    at = app(good_copy)
    assert _nodes(at) == 7  # the ask itself is not on the opening map
    for key, value, expected in [
        ("w_relation_types", ["co_signs"], {"fnv", "cnv", "vno"}),
        ("w_countries", ["ID"], {"hukatan"}),
        ("w_sectors", ["palm oil"], {"hukatan"}),
        ("w_source_docs", ["doc2"], {"cnv", "hukatan", "ser"}),
        ("w_themes", ["theme-x"], {"theme-x", "fnv"}),
        ("w_basis", ["inferred"], set()),
    ]:
        at.multiselect(key=key).set_value(value).run()
        assert not at.exception, key
        assert {n["id"] for n in _map(at)[0]} == expected, key
        assert at.query_params[key[2:]] == value[0], key
        at.multiselect(key=key).set_value([]).run()
    assert _nodes(at) == 7


def test_year_slider_limits_relations_by_date(app):
    at = app(GOOD)
    at.select_slider(key="date_slider").set_range("2025", "2025").run()
    assert not at.exception and _caption(at).startswith("2 of 7 actors, 1 of 7 relations")


def test_focus_hops_and_dim_controls(app):
    at = app(GOOD)
    at.selectbox(key="w_focus").set_value("fnv").run()
    assert _nodes(at) == 4
    at.slider(key="w_hops").set_value(2).run()
    assert _nodes(at) == 6
    at.radio(key="w_focus_mode").set_value("dim").run()
    assert _nodes(at) == 7 and "#bbbbbb" in _shown(at)
    assert at.query_params["focus"] == "fnv" and at.query_params["hops"] == "2"


def test_path_controls_list_the_hops_or_say_there_is_none(app):
    at = _panel(app(GOOD), "path")
    at.selectbox(key="w_path_from").set_value("hukatan").run()
    at.selectbox(key="w_path_to").set_value("minister").run()
    assert "1 shortest path(s) of 3 hop(s) from Hukatan-KSBSI to Minister BHO" in at.success[0].value
    at.multiselect(key="w_path_relation_types").set_value(["trains"]).run()
    assert "There is no path between Hukatan-KSBSI and Minister BHO" in at.warning[0].value


def test_colour_size_and_physics_controls_change_the_map(app):
    at = app(GOOD)
    by_type = {n["id"]: n["color"] for n in _map(at)[0]}
    at.radio(key="w_color_by").set_value("community").run()
    by_coalition = {n["id"]: n["color"] for n in _map(at)[0]}
    assert "Coalition 1" in _shown(at) and by_coalition != by_type
    sizes = {n["id"]: n.get("size") for n in _map(at)[0]}
    at.selectbox(key="w_size_by").set_value("betweenness").run()
    sized = {n["id"]: n.get("size") for n in _map(at)[0]}
    assert sized != sizes and sized["vno"] > sized["lonely"]  # VNO-NCW brokers; the isolated actor does not
    at.toggle(key="w_physics").set_value(True).run()
    assert '"physics": {"enabled": true' in _shown(at)
    assert not at.exception


def test_ranking_metric_and_profile_selector(app, graph):
    from network.analysis import ranking

    at = app(GOOD)
    at = _panel(at, "brokers")
    at.selectbox(key="rank_metric").set_value("pagerank").run()
    assert not at.exception
    [table] = [d.value for d in at.dataframe if "PageRank" in d.value.columns and "Name" in d.value.columns]
    expected = ranking(graph, "pagerank")
    assert list(table["Name"]) == [r["name"] for r in expected]  # ordered by PageRank, as the analysis ranks
    assert list(table["PageRank"]) == sorted(table["PageRank"], reverse=True)
    at = _panel(at, "profile")
    at.selectbox(key="profile_actor").set_value("fnv").run()
    assert any(h.value == "FNV" for h in at.subheader)
    assert not at.exception


def test_link_naming_a_missing_actor_opens_with_a_note(app):
    at = app(GOOD, focus="Acme Corp", hops="2")
    assert not at.exception
    assert any("no actor named 'Acme Corp'" in i.value for i in at.info)
    assert _nodes(at) == 7


def test_saved_views_can_be_saved_loaded_renamed_and_deleted(app, good_copy):
    at = app(good_copy)
    at.selectbox(key="w_focus").set_value("fnv").run()
    at.text_input(key="view_new_name").input("Around FNV").run()
    at.button(key="view_save").click().run()
    assert not at.exception
    assert (good_copy / "views" / "around-fnv.json").is_file()
    at.selectbox(key="w_focus").set_value("").run()
    assert _nodes(at) == 7
    at.selectbox(key="view_pick").set_value("Around FNV").run()
    at.button(key="view_load").click().run()
    assert _nodes(at) == 4 and at.selectbox(key="w_focus").value == "fnv"
    at.text_input(key="view_rename_to").input("FNV circle").run()
    at.button(key="view_rename").click().run()
    assert [p.name for p in (good_copy / "views").iterdir()] == ["fnv-circle.json"]
    at.button(key="view_delete").click().run()
    assert [p.name for p in (good_copy / "views").iterdir()] == ["fnv-circle.json"]  # asked first, nothing gone yet
    at.button(key="view_confirm_no").click().run()
    assert [p.name for p in (good_copy / "views").iterdir()] == ["fnv-circle.json"]
    at.button(key="view_delete").click().run()
    at.button(key="view_confirm_yes").click().run()
    assert list((good_copy / "views").iterdir()) == []
    assert not at.exception


def _save_view_elsewhere(folder, name: str, focus: str) -> None:
    """Save a view as another process would: a separate Python writing the folder, not this app."""
    import subprocess
    import sys

    code = (
        "import sys; from network.folder import DataFolder; from network.rights import LOCAL_EDITOR; "
        "from network.view import ViewState; "
        "DataFolder.open(sys.argv[1]).save_view(sys.argv[2], ViewState(focus=sys.argv[3]), access=LOCAL_EDITOR)"
    )
    subprocess.run([sys.executable, "-c", code, str(folder), name, focus], cwd=ROOT, check=True)


def test_a_view_saved_by_another_process_is_listed_on_the_next_run(app, good_copy):
    # The list of saved views is cached by the views' part of the folder's change stamp: a view
    # file written elsewhere must change that stamp, or the app would keep listing none.
    at = app(good_copy)
    assert "view_pick" not in {w.key for w in at.selectbox} and "No saved views yet." in [c.value for c in at.caption]
    _save_view_elsewhere(good_copy, "Around FNV", "fnv")
    at.run()
    assert not at.exception
    assert at.selectbox(key="view_pick").options == ["Around FNV"]
    at.button(key="view_load").click().run()
    assert _nodes(at) == 4 and at.selectbox(key="w_focus").value == "fnv"


def test_a_presentation_takes_up_a_view_saved_by_another_process_while_it_runs(app, good_copy):
    at = app(good_copy, present="1")
    assert "Save views to step through them" in " ".join(c.value for c in at.caption)
    _save_view_elsewhere(good_copy, "Around FNV", "fnv")
    at.run()
    assert not at.exception
    assert "View 1 of 1: Around FNV" in " ".join(c.value for c in at.caption)
    assert len(shown_map(at)["nodes"]) == 4


def test_read_only_mode_hides_view_editing(app, good_copy, monkeypatch):
    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    at = app(good_copy)
    keys = {w.key for w in at.button} | {w.key for w in at.text_input}
    assert "view_save" not in keys and "view_new_name" not in keys and "view_delete" not in keys


def test_presentation_mode_from_a_link_hides_the_controls(app, good_copy):
    at = app(good_copy, present="1")
    assert not at.exception
    assert not at.multiselect and not at.sidebar.selectbox
    assert "Exit" in [b.label for b in at.button]


def _table_with(at, column: str):
    """The first table on the page that has ``column``."""
    return next(d.value for d in at.dataframe if column in list(d.value.columns))


def _add_actor(at, aid: str, name: str):
    at.text_input(key="fa_id").input(aid)
    at.text_input(key="fa_name").input(name)
    at.selectbox(key="fa_type").set_value("ngo")
    form_buttons = [b for b in at.button if b.label == "Add to the changes"]
    form_buttons[0].click().run()
    return at


def test_an_edit_is_shown_before_saving_then_saved_with_a_backup_and_undone(app, good_copy):
    at = app(good_copy)
    at = _panel(at, "edit")
    _add_actor(at, "oxfam", "Oxfam Novib")
    assert not at.exception
    changes = _table_with(at, "Change")
    assert list(changes.iloc[0]) == ["Actors", "added", "oxfam · Oxfam Novib"]
    assert "oxfam" not in (good_copy / "actors.csv").read_text()  # nothing written yet
    at.button(key="edit_save").click().run()
    assert not at.exception
    assert any("Saved 1 change(s)" in s.value for s in at.success)
    assert "oxfam,Oxfam Novib,ngo" in (good_copy / "actors.csv").read_text()
    assert len(list((good_copy / ".backups").iterdir())) == 1
    assert _caption(at).startswith("8 of 8 actors")
    at.button(key="edit_undo").click().run()
    # it says which save it took back (the message is shown as text: markdown escaped)
    assert any("Undone: actors.csv, relations.csv" in s.value.replace("\\", "") and "by local" in s.value for s in at.success)
    assert "oxfam" not in (good_copy / "actors.csv").read_text()
    assert _caption(at).startswith("7 of 7 actors")


def test_a_taken_id_is_refused_in_the_form(app, good_copy):
    at = _add_actor(_panel(app(good_copy), "edit"), "fnv", "Another FNV")
    assert any("The id 'fnv' is taken." in e.value for e in at.error)


def test_saving_over_someone_elses_save_is_a_conflict_not_a_silent_loss(app, good_copy):
    at = app(good_copy)
    at = _panel(at, "edit")
    _add_actor(at, "oxfam", "Oxfam Novib")
    with open(good_copy / "actors.csv", "a", encoding="utf-8") as fh:  # another session saves meanwhile
        fh.write("amnesty,Amnesty,ngo,,,,\n")
    at.button(key="edit_save").click().run()
    assert any("changed on disk since you opened it" in e.value for e in at.error)
    text = (good_copy / "actors.csv").read_text()
    assert "amnesty" in text and "oxfam" not in text


def test_a_relation_without_source_and_quote_cannot_be_saved_to_the_curated_data(app, tmp_path, monkeypatch):
    import shutil

    from network import store

    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    assert store.is_curated(folder)  # the copy carries the curated mark
    at = app(folder)
    at = _panel(at, "edit")
    at.selectbox(key="fr_source").set_value("fnv")
    at.selectbox(key="fr_target").set_value("ser")
    at.selectbox(key="fr_type").set_value("supports")
    [b for b in at.button if b.label == "Add to the changes"][1].click().run()
    problems = _table_with(at, "severity")
    assert any(p == "error" for p in problems["severity"])
    assert at.button(key="edit_save").disabled


def test_read_only_mode_shows_no_editing_control(app, good_copy, monkeypatch):
    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    at = app(good_copy)
    assert "edit" not in at.button_group(key="panel").options
    keys = {w.key for w in at.button} | {w.key for w in at.text_input}
    assert not keys & {"edit_save", "edit_undo", "edit_discard", "fa_id", "view_save", "view_delete", "view_rename"}


def test_switching_language_keeps_the_view(app):
    at = app(GOOD)
    at.selectbox(key="w_focus").set_value("fnv").run()
    at.radio(key="w_color_by").set_value("community").run()
    _switch_language(at, "nl").run()
    assert not at.exception
    assert at.sidebar.subheader[0].value == "Stakeholdernetwerk-verkenner"
    assert _nodes(at) == 4 and "Coalitie 1" in _shown(at)
    at.slider(key="w_hops").set_value(2).run()
    assert _nodes(at) == 6
    assert at.query_params["focus"] == "fnv" and at.query_params["lang"] == "nl" and at.query_params["color_by"] == "community"


def test_a_language_switch_hands_the_map_the_same_view_in_the_other_language(app):
    # The map is handed the view in the other language with each view (it shows it the moment the
    # language control announces the choice); the run for the new language hands it that view.
    at = app(GOOD, focus="fnv", color_by="community")
    english = shown_map(at)
    handed = _others(at)["nl"]
    _switch_language(at, "nl").run()
    assert not at.exception
    dutch = shown_map(at)
    assert handed == dutch and set(_others(at)) == {"en"} and _others(at)["en"] == english
    assert dutch["lang"] == "nl" and "Coalitie 1" in str(dutch["legend"]) and "Coalition 1" in str(english["legend"])
    assert [n["id"] for n in dutch["nodes"]] == [n["id"] for n in english["nodes"]]
    assert any("Relatie:" in e.get("title", "") for e in dutch["edges"])


def _switch_language(at, lang: str):
    """What the language control's trigger does (the control itself is clicked in the browser tests)."""
    from ui import keys

    at.session_state[keys.widget("lang")] = lang
    at.session_state[keys.RELANG] = True
    return at


def _others(at) -> dict:
    from ui import keys

    return at.session_state[keys.MAP_OTHERS]


def test_a_big_map_is_not_handed_its_other_language(app, monkeypatch):
    from ui import map_panel

    monkeypatch.setattr(map_panel, "OTHER_LANGUAGES_UP_TO", 5)
    assert _others(app(GOOD)) == {}


def test_a_presentation_has_no_language_control(app, good_copy):
    at = app(good_copy, present="1")
    assert not at.exception
    assert shown_map(at) and not at.get("button_group")


def test_overview_groups_actors_and_a_click_on_a_group_opens_it(app):
    at = app(GOOD)
    at.selectbox(key="w_overview").set_value("type").run()
    assert not at.exception
    html = _shown(at)
    assert "group:type:trade_union" in html and '"id": "fnv"' not in html
    at.multiselect(key="w_expanded").set_value(["group:type:trade_union"]).run()
    html = _shown(at)
    assert '"id": "fnv"' in html and '"id": "cnv"' in html
    assert "group:type:employers_organisation" in html  # the other groups stay closed
    assert at.query_params["overview"] == "type"


def test_profile_facts_show_markup_as_text(app, good_copy):
    text = (
        (good_copy / "actors.csv")
        .read_text("utf-8")
        .replace("cross-sector,Largest", "**bold** [x](javascript:alert(1)),Largest", 1)
    )
    (good_copy / "actors.csv").write_text(text, "utf-8")
    at = app(good_copy)
    at.selectbox(key="profile_actor").set_value("fnv").run()
    facts = next(m.value for m in at.markdown if "Sector:" in m.value)
    assert r"\*\*bold\*\* \[x\]\(javascript\:alert\(1\)\)" in facts


def test_saving_a_view_under_a_name_that_exists_asks_before_replacing_it(app, good_copy):
    at = app(good_copy)
    at.selectbox(key="w_focus").set_value("fnv").run()
    at.text_input(key="view_new_name").input("Around FNV").run()
    at.button(key="view_save").click().run()
    first = (good_copy / "views" / "around-fnv.json").read_text("utf-8")
    at.selectbox(key="w_focus").set_value("cnv").run()
    at.text_input(key="view_new_name").input("around fnv").run()  # the same name in another case
    at.button(key="view_save").click().run()
    assert any("exists" in w.value for w in at.warning)
    assert (good_copy / "views" / "around-fnv.json").read_text("utf-8") == first
    assert not any(str(good_copy) in m.value for m in [*at.error, *at.warning, *at.success])  # no server path
    at.button(key="view_confirm_yes").click().run()
    assert '"focus": "cnv"' in (good_copy / "views" / "around-fnv.json").read_text("utf-8")
    assert not at.exception


def test_re_arranging_the_map_asks_first_and_then_rewrites_positions(app, good_copy):
    from network.io.positions import read_positions
    from network.positions import keep_positions

    keep_positions(good_copy, {"fnv": (0.0, 0.0), "cnv": (500.0, 0.0)}, access=LOCAL_EDITOR)
    at = app(good_copy)
    at.button(key="layout_reset").click().run()
    assert read_positions(good_copy)[0]["fnv"] == (0.0, 0.0)  # nothing moved before the yes
    at.button(key="layout_reset_yes").click().run()
    kept, _ = read_positions(good_copy)
    assert set(kept) == {"fnv", "cnv", "vno", "ser", "minister", "hukatan", "lonely"} and kept["cnv"] != (500.0, 0.0)
    assert not at.exception


def test_read_only_mode_offers_no_re_arranging(app, monkeypatch):
    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    at = app(GOOD)
    assert not [b for b in at.button if b.key == "layout_reset"]


def test_with_the_documents_at_hand_the_profile_marks_each_quote_found(app, good_copy, tmp_path, monkeypatch):
    (good_copy / "sources.csv").write_text(
        "id,title,date,kind,authors,file\ndoc1,Letter,2026-05-07,letter,FNV,letter.txt\ndoc2,Brochure,2025,brochure,CNV,brochure.txt\n",
        "utf-8",
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    # The letter holds its quotes; the brochure holds none of its own.
    (docs / "letter.txt").write_text("CNV, FNV, VNO-NCW en MKB-Nederland samen bij de SER. Aan de minister.", "utf-8")
    (docs / "brochure.txt").write_text("Iets anders.", "utf-8")
    monkeypatch.setenv("NETWORK_DOCUMENTS_DIR", str(docs))
    at = app(good_copy)
    at.selectbox(key="profile_actor").set_value("cnv").run()
    tables = [d.value for d in at.dataframe if "Quote found" in d.value.columns]
    marks = {(row["With"], row["Quote found"]) for table in tables for _, row in table.iterrows()}
    assert ("FNV", "✓") in marks and ("Hukatan-KSBSI", "") in marks
    assert not at.exception


def test_every_panel_under_the_map_opens_in_the_app(app):
    at = app(ROOT / "data")
    options = at.button_group(key="panel").options
    for name in ("path", "asks", "grid", "brokers", "coalitions", "compare", "edit"):
        at = _panel(at, name)
        assert not at.exception, name
    assert at.button_group(key="panel").value == "edit" and len(options) >= 7


def test_actors_dragged_on_the_map_are_kept_only_when_asked(app, good_copy):
    from network.io.positions import read_positions
    from ui import keys

    at = app(good_copy)
    at.session_state[keys.MOVED] = {"fnv": (1234.5, -99.0)}  # as the map's bridge records a drag
    at.run()
    assert not (good_copy / "positions.csv").exists() or "fnv" not in read_positions(good_copy)[0]
    at.button(key="layout_keep").click().run()
    assert read_positions(good_copy)[0]["fnv"] == (1234.5, -99.0)
    assert not at.session_state[keys.MOVED] if keys.MOVED in at.session_state else True
    assert not at.exception


def test_read_only_mode_keeps_no_dragged_positions(app, good_copy, monkeypatch):
    from ui import keys

    monkeypatch.setenv("NETWORK_READ_ONLY", "1")
    at = app(good_copy)
    at.session_state[keys.MOVED] = {"fnv": (1.0, 2.0)}
    at.run()
    assert not [b for b in at.button if b.key == "layout_keep"]
    assert not (good_copy / "positions.csv").exists()


def test_the_grid_can_be_the_lens_of_a_view_and_of_a_slide(app, good_copy):
    from network.view import ViewState
    from network.views import save_view

    at = app(ROOT / "data", lens="grid")
    assert not at.exception
    assert [c.proto.component_name for c in at.get("bidi_component")].count("sne_grid_picture") == 1  # where the map was
    assert keys_map_view(at) is None
    save_view(good_copy / "views", "The grid", ViewState(lens="grid", title="Who matters on what"), access=LOCAL_EDITOR)
    at = app(good_copy, present="1")
    assert not at.exception and keys_map_view(at) is None
    assert [c.proto.component_name for c in at.get("bidi_component")].count("sne_grid_picture") == 1  # the grid as a slide


def test_the_first_page_imports_nothing_heavy():
    # Issue 13: the start-up path stays light; pandas came in through the map's bridge data once.
    import subprocess
    import sys

    heavy = ("pandas", "pyarrow", "matplotlib", "igraph", "pptx", "openpyxl")
    code = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({str(ROOT / 'app.py')!r}, default_timeout=60).run()\n"
        "assert not at.exception, at.exception\n"
        f"print(' '.join(m for m in {heavy!r} if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == []
