"""Settings: every environment variable read in one place, with its default and a clear message."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from network import rights
from network.diskcache import cache_dir
from network.io.folder import default_data_dir
from network.settings import ENVIRONMENT, Settings, SettingsError, bundled_data_dir

ROOT = Path(__file__).resolve().parents[1]


def test_nothing_set_gives_the_bundled_data_no_documents_the_users_cache_and_editors_may_write() -> None:
    s = Settings.from_env({"HOME": "/home/anna"})
    assert s.data_dir == ROOT / "data" == bundled_data_dir()
    assert s.documents_dir is None
    assert s.cache_dir == Path("/home/anna/.cache/stakeholder-network-explorer")
    assert s.read_only is False


def test_each_variable_sets_its_field() -> None:
    s = Settings.from_env(
        {
            "NETWORK_DATA_DIR": "/srv/map/data",
            "NETWORK_DOCUMENTS_DIR": "/srv/map/docs",
            "NETWORK_CACHE_DIR": "/var/cache/map",
            "NETWORK_READ_ONLY": "1",
        }
    )
    assert s == Settings(Path("/srv/map/data"), Path("/srv/map/docs"), Path("/var/cache/map"), True)


def test_the_cache_follows_xdg_and_off_keeps_nothing_on_disk() -> None:
    assert Settings.from_env({"XDG_CACHE_HOME": "/x"}).cache_dir == Path("/x/stakeholder-network-explorer")
    assert Settings.from_env({"NETWORK_CACHE_DIR": "OFF", "XDG_CACHE_HOME": "/x"}).cache_dir is None


@pytest.mark.parametrize("value", ["1", "true", "TRUE", "yes", " on "])
def test_read_only_is_switched_on_by_any_usual_yes(value: str) -> None:
    assert Settings.from_env({"NETWORK_READ_ONLY": value}).read_only is True


@pytest.mark.parametrize("value", ["", "0", "false", "No", "off"])
def test_read_only_is_off_for_any_usual_no(value: str) -> None:
    assert Settings.from_env({"NETWORK_READ_ONLY": value}).read_only is False


@pytest.mark.parametrize("value", ["ture", "2", "read-only", "y"])
def test_a_read_only_value_it_cannot_read_is_an_error_naming_variable_value_and_choices(value: str) -> None:
    # Taking a typo for "no" would leave a public server writable.
    with pytest.raises(SettingsError) as err:
        Settings.from_env({"NETWORK_READ_ONLY": value})
    message = str(err.value)
    assert f"NETWORK_READ_ONLY={value!r}" in message and "1, true, yes or on" in message


def test_a_server_with_a_misspelt_read_only_refuses_every_write(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORK_READ_ONLY", "ture")
    with pytest.raises(SettingsError):
        rights.require_editor(rights.LOCAL_EDITOR, "save the data")


def test_a_path_with_blanks_around_it_is_an_error_not_a_folder_named_so() -> None:
    with pytest.raises(SettingsError, match=r"NETWORK_DATA_DIR=' /srv/map' starts or ends with blanks"):
        Settings.from_env({"NETWORK_DATA_DIR": " /srv/map"})


def test_check_names_the_variable_of_a_folder_that_is_not_there(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    s = Settings.from_env({"NETWORK_DATA_DIR": str(tmp_path / "gone"), "NETWORK_DOCUMENTS_DIR": str(tmp_path / "file")})
    assert s.check() == [
        f"NETWORK_DATA_DIR: {tmp_path / 'gone'} does not exist",
        f"NETWORK_DOCUMENTS_DIR: {tmp_path / 'file'} is not a folder",
    ]
    assert Settings.from_env({"NETWORK_DATA_DIR": str(tmp_path)}).check() == []


def test_describe_lists_every_variable() -> None:
    lines = Settings.from_env({"NETWORK_CACHE_DIR": "off"}).describe()
    assert [line.split("=")[0] for line in lines] == list(ENVIRONMENT.values())
    assert "NETWORK_CACHE_DIR=off" in lines


def test_the_core_reads_the_settings_the_environment_gives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NETWORK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NETWORK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NETWORK_READ_ONLY", "on")
    assert default_data_dir() == tmp_path / "data"
    assert cache_dir() == tmp_path / "cache"
    assert rights.read_only() is True
    monkeypatch.setenv("NETWORK_CACHE_DIR", "off")
    monkeypatch.delenv("NETWORK_READ_ONLY")
    assert cache_dir() is None and rights.read_only() is False


def _reads_environment(path: Path) -> bool:
    return any(
        isinstance(n, ast.Attribute) and n.attr in {"environ", "getenv"} for n in ast.walk(ast.parse(path.read_text("utf-8")))
    )


def test_no_module_of_the_core_but_settings_reads_the_environment() -> None:
    readers = [
        str(p.relative_to(ROOT))
        for p in sorted((ROOT / "network").rglob("*.py"))
        if p.name != "settings.py" and _reads_environment(p)
    ]
    assert readers == []


def test_no_module_of_the_interface_reads_the_environment() -> None:
    # The app reads its settings through network.settings too, so a value it cannot use is one
    # message at start-up (app.py) and `make serve` refuses it (ui.auth check).
    readers = [str(p.relative_to(ROOT)) for p in [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py"))] if _reads_environment(p)]
    assert readers == []


# -- the command line --------------------------------------------------------------------------------


def test_the_settings_command_shows_each_variable_and_exits_0(
    good_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from network.cli import main

    monkeypatch.setenv("NETWORK_DATA_DIR", str(good_copy))
    monkeypatch.setenv("NETWORK_READ_ONLY", "yes")
    assert main(["settings"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"NETWORK_DATA_DIR={good_copy}" in out and "NETWORK_READ_ONLY=1 (nobody writes)" in out


def test_the_settings_command_names_a_folder_that_is_not_there_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from network.cli import main

    monkeypatch.setenv("NETWORK_DOCUMENTS_DIR", str(tmp_path / "nowhere"))
    assert main(["settings"]) == 1
    assert f"problem: NETWORK_DOCUMENTS_DIR: {tmp_path / 'nowhere'} does not exist" in capsys.readouterr().err


def test_every_command_refuses_a_read_only_value_it_cannot_read_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from network.cli import main

    monkeypatch.setenv("NETWORK_READ_ONLY", "ture")
    assert main(["validate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: NETWORK_READ_ONLY='ture' is not understood") and "Traceback" not in err


def test_verify_reads_the_documents_folder_from_the_settings(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from network.cli import main

    verify = ROOT / "tests" / "data" / "verify"
    monkeypatch.setenv("NETWORK_DOCUMENTS_DIR", str(verify / "documents"))
    assert main(["verify", "--data", str(verify / "data")]) == 1  # the fixture's PDF is written by test_verify, not kept
    assert capsys.readouterr().out.splitlines()[-1].startswith("2 of 3 quotes found in 2 document(s)")
    monkeypatch.delenv("NETWORK_DOCUMENTS_DIR")
    assert main(["verify", "--data", str(verify / "data")]) == 1
    assert "--documents DIR, or set NETWORK_DOCUMENTS_DIR" in capsys.readouterr().err
