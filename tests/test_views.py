"""Saved views: named states in small JSON files, with names that never reach a path as they are."""

from __future__ import annotations

import json

import pytest

from network.rights import LOCAL_EDITOR
from network.view import ViewState, apply_view
from network.views import (
    default_views_dir,
    delete_view,
    list_views,
    load_view,
    rename_view,
    save_view,
    slugify,
    view_path,
)

STATES = [
    ViewState(),
    ViewState(lang="nl", actor_types=["trade_union", "ministry"], date_from="2025", date_to="2026-05", title="Vakbonden"),
    ViewState(focus="fnv", hops=2, focus_mode="dim", relation_types=["co_signs"], physics=True),
    ViewState(path_from="hukatan", path_to="minister", path_relation_types=["trains", "addresses"], color_by="community"),
    ViewState(countries=["NL", "ID"], sectors=["palm oil"], source_docs=["doc2"], themes=["csddd"], size_by="degree"),
]


@pytest.fixture
def folder(tmp_path):
    """An empty folder for saved views."""
    return tmp_path / "views"


def test_save_list_load_rename_delete_round_trip(folder):
    state = STATES[1]
    path = save_view(folder, "Unions in 2025", state, access=LOCAL_EDITOR)
    assert path == folder / "unions-in-2025.json"
    save_view(folder, "another view", ViewState(lang="nl"), access=LOCAL_EDITOR)
    assert list_views(folder) == ["another view", "Unions in 2025"]
    assert load_view(folder, "Unions in 2025") == state

    rename_view(folder, "Unions in 2025", "Vakbonden 2025", access=LOCAL_EDITOR)
    assert list_views(folder) == ["another view", "Vakbonden 2025"]
    assert load_view(folder, "Vakbonden 2025") == state
    with pytest.raises(FileNotFoundError):
        load_view(folder, "Unions in 2025")

    delete_view(folder, "Vakbonden 2025", access=LOCAL_EDITOR)
    delete_view(folder, "another view", access=LOCAL_EDITOR)
    assert list_views(folder) == []
    with pytest.raises(FileNotFoundError):
        delete_view(folder, "another view", access=LOCAL_EDITOR)


def test_a_view_file_is_small_readable_json_with_sorted_keys(folder):
    path = save_view(folder, "Focus", STATES[2], access=LOCAL_EDITOR)
    text = path.read_text("utf-8")
    assert json.loads(text) == {"name": "Focus", "state": STATES[2].to_dict()}
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert [p.name for p in folder.iterdir()] == ["focus.json"]  # no temporary file left behind


@pytest.mark.parametrize("state", STATES)
def test_the_json_round_trip_gives_the_same_state(folder, state):
    save_view(folder, "v", state, access=LOCAL_EDITOR)
    assert load_view(folder, "v") == state
    assert ViewState.from_dict(json.loads(state.to_json())) == state


@pytest.mark.parametrize("state", STATES)
def test_the_query_round_trip_gives_the_same_state(state):
    assert ViewState.from_query(state.to_query()) == state


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("../x", "x"),
        ("/etc/passwd", "etc-passwd"),
        ("..\\..\\windows\\system32", "windows-system32"),
        ("Wie steunt de CSDDD?", "wie-steunt-de-csddd"),
        ("Één coalitie", "een-coalitie"),
        ("a" * 100, "a" * 60),
    ],
)
def test_names_become_safe_file_names(folder, name, slug):
    assert slugify(name) == slug
    path = view_path(folder, name)
    assert path.parent == folder and path.name == f"{slug}.json"


@pytest.mark.parametrize("name", ["", "   ", "..", "../..", "/", "a\0b", "tab\there", "???", 42])
def test_names_that_give_no_safe_file_name_are_refused(folder, name):
    with pytest.raises(ValueError):
        save_view(folder, name, ViewState(), access=LOCAL_EDITOR)
    assert not folder.exists() or list(folder.iterdir()) == []


def test_path_traversal_names_stay_inside_the_views_folder(tmp_path):
    folder = tmp_path / "data" / "views"
    save_view(folder, "../../evil", ViewState(), access=LOCAL_EDITOR)
    save_view(folder, "/etc/passwd", ViewState(), access=LOCAL_EDITOR)
    assert sorted(p.name for p in folder.iterdir()) == ["etc-passwd.json", "evil.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    assert list_views(folder) == ["../../evil", "/etc/passwd"]  # the name is kept as text in the file


def test_a_second_name_with_the_same_file_name_needs_overwrite(folder):
    save_view(folder, "CSDDD!", ViewState(themes=["csddd"]), access=LOCAL_EDITOR)
    with pytest.raises(FileExistsError, match="CSDDD!"):
        save_view(folder, "csddd", ViewState(), access=LOCAL_EDITOR)
    assert load_view(folder, "CSDDD!").themes == ["csddd"]
    save_view(folder, "csddd", ViewState(), overwrite=True, access=LOCAL_EDITOR)
    assert list_views(folder) == ["csddd"]


def test_saving_again_under_the_same_name_updates_the_view(folder):
    save_view(folder, "Mine", ViewState(), access=LOCAL_EDITOR)
    save_view(folder, "Mine", ViewState(lang="nl"), access=LOCAL_EDITOR)
    assert load_view(folder, "Mine").lang == "nl"


def test_renaming_onto_another_view_needs_overwrite(folder):
    save_view(folder, "one", ViewState(lang="nl"), access=LOCAL_EDITOR)
    save_view(folder, "two", ViewState(), access=LOCAL_EDITOR)
    with pytest.raises(FileExistsError):
        rename_view(folder, "one", "Two", access=LOCAL_EDITOR)
    rename_view(folder, "one", "Two", overwrite=True, access=LOCAL_EDITOR)
    assert list_views(folder) == ["Two"] and load_view(folder, "two").lang == "nl"


def test_a_broken_view_file_gives_a_clear_error_naming_the_file(folder):
    folder.mkdir()
    (folder / "broken.json").write_text('{"name": "broken", "state": {', "utf-8")
    (folder / "list.json").write_text("[1, 2]", "utf-8")
    assert list_views(folder) == ["broken", "list"]
    with pytest.raises(ValueError, match=r"broken\.json: broken JSON at line 1"):
        load_view(folder, "broken")
    with pytest.raises(ValueError, match=r"list\.json: not a saved view"):
        load_view(folder, "list")


def test_a_view_naming_an_actor_that_is_gone_loads_and_gets_a_note(folder, graph):
    save_view(folder, "old", ViewState(focus="acme-corp", actor_types=["trade_union", "spaceship"]), access=LOCAL_EDITOR)
    state = load_view(folder, "old")
    result = apply_view(graph, state)
    assert any("acme-corp" in note for note in result.notes)
    assert any("spaceship" in note for note in result.notes)
    assert set(result.graph.nodes) == {"fnv", "cnv"}


def test_listing_a_folder_that_does_not_exist_gives_no_views(tmp_path):
    assert list_views(tmp_path / "nowhere") == []
    assert default_views_dir(tmp_path) == tmp_path / "views"
