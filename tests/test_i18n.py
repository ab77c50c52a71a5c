"""The one string catalog: every key in both languages, every key the code asks for present."""

from __future__ import annotations

import re
import string

import pytest

from network.i18n import STRINGS, UnknownStringError, t

from .conftest import ROOT

_LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["'][,)]""")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_string_has_an_english_and_a_dutch_text_with_the_same_placeholders():
    for key, (en, nl) in STRINGS.items():
        assert en.strip() and nl.strip(), key
        assert _fields(en) == _fields(nl), key


def test_every_key_the_code_asks_for_is_in_the_catalog():
    sources = [ROOT / "app.py", *(ROOT / "network").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
    used = {key for path in sources for key in _LITERAL_KEY.findall(path.read_text("utf-8"))}
    assert used, "the scan found no t() call at all"
    assert sorted(used - set(STRINGS)) == []


def test_an_unknown_key_fails_instead_of_showing_the_key():
    with pytest.raises(UnknownStringError):
        t("no_such_key_anywhere")
    assert t("legend", "nl") == "Legenda"
