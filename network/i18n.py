"""Interface strings in English and Dutch. Actor names stay as curated."""

from __future__ import annotations

__all__ = ["t", "STRINGS"]

STRINGS: dict[str, tuple[str, str]] = {
    # key: (English, Dutch)
    "app_title": ("Stakeholder Network Explorer", "Stakeholdernetwerk-verkenner"),
    "type": ("Type", "Type"),
    "country": ("Country", "Land"),
    "sector": ("Sector", "Sector"),
    "aliases": ("Also known as", "Ook bekend als"),
    "relation": ("Relation", "Relatie"),
    "date": ("Date", "Datum"),
    "document": ("Document", "Document"),
    "note": ("Note", "Opmerking"),
    "legend": ("Legend", "Legenda"),
    "actor_types": ("Actor types", "Soorten actoren"),
    "relation_types": ("Relation types", "Soorten relaties"),
    "directed_note": (
        "Arrows point from actor to target; lines without arrows are mutual.",
        "Pijlen wijzen van actor naar doel; lijnen zonder pijl zijn wederzijds.",
    ),
    "data_problems": (
        "The data did not load. Fix these problems and reload the page:",
        "De gegevens zijn niet geladen. Los deze problemen op en herlaad de pagina:",
    ),
    "data_warnings": ("Loaded with warnings", "Geladen met waarschuwingen"),
    "counts": (
        "{actors} actors, {relations} relations, {sources} documents",
        "{actors} actoren, {relations} relaties, {sources} documenten",
    ),
    "data_version": ("data version", "dataversie"),
    "language": ("Language", "Taal"),
    "sources": ("Sources", "Bronnen"),
}


def t(key: str, lang: str = "en", **values: object) -> str:
    """The interface string ``key`` in ``lang`` ("en" or "nl"), formatted with ``values``.

    Examples
    --------
    >>> t("legend", "nl")
    'Legenda'
    """
    en, nl = STRINGS.get(key, (key, key))
    text = nl if lang == "nl" else en
    return text.format(**values) if values else text
