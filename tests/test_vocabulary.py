"""The vocabulary: one place, labels in both languages, documented in the README."""

from __future__ import annotations

from network import vocabulary as vocab

from .conftest import ROOT


def test_every_type_has_a_meaning_and_both_labels():
    for t in [*vocab.ACTOR_TYPES.values(), *vocab.RELATION_TYPES.values()]:
        assert t.en and t.nl and t.meaning and t.color.startswith("#")


def test_actor_types_are_told_apart_by_colour_and_shape_together():
    styles = [(t.color, t.shape) for t in vocab.ACTOR_TYPES.values()]
    assert len(set(styles)) == len(styles)


def test_labels_in_either_language_map_to_the_key():
    assert vocab.normalise_actor_type("werkgeversorganisatie") == "employers_organisation"
    assert vocab.normalise_relation_type("Pleit voor") == "advocates_for"
    assert vocab.normalise_relation_type("member of / part of") == "member_of"


def test_the_data_format_documents_every_type():
    reference = (ROOT / "docs" / "data-format.md").read_text("utf-8")
    for key in [*vocab.ACTOR_TYPES, *vocab.RELATION_TYPES]:
        assert f"`{key}`" in reference, key
