"""Interface strings in English and Dutch. Actor names stay as curated."""

from __future__ import annotations

__all__ = ["t", "STRINGS"]

STRINGS: dict[str, tuple[str, str]] = {
    # key: (English, Dutch)
    "app_title": ("Stakeholder Network Explorer", "Stakeholdernetwerk-verkenner"),
    "type": ("Type", "Type"),
    "id": ("Id", "Id"),
    "name": ("Name", "Naam"),
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
    "countries": ("Countries", "Landen"),
    "sectors": ("Sectors", "Sectoren"),
    "source_docs": ("Documents", "Documenten"),
    "themes": ("Themes", "Thema's"),
    "focus": ("Focus", "Focus"),
    "path_from": ("Path from", "Pad van"),
    "path_to": ("Path to", "Pad naar"),
    "size_by": ("Size by", "Grootte naar"),
    "coalition_n": ("Coalition {n}", "Coalitie {n}"),
    "coalition_other": ("Other coalitions", "Overige coalities"),
    "showing": ("{n} of {total} actors, {e} of {etotal} relations", "{n} van {total} actoren, {e} van {etotal} relaties"),
    "focus_on": ("focus: {name} ({hops} hops)", "focus: {name} ({hops} stappen)"),
    "path_between": ("path: {a} → {b}", "pad: {a} → {b}"),
    "note_missing_actor": ("{what}: {error}", "{what}: {error}"),
    "note_missing_values": ("{what}: no longer in the data: {values}", "{what}: niet meer in de gegevens: {values}"),
    "note_focus_filtered": ("The focus actor {name} is hidden by the filters.", "De focusactor {name} valt buiten de filters."),
    "filters": ("Filters", "Filters"),
    "all": ("all", "alle"),
    "date_range": ("Years", "Jaren"),
    "focus_actor": ("Actor (type to search)", "Actor (typ om te zoeken)"),
    "hops": ("Hops", "Stappen"),
    "others": ("Everyone else", "De rest"),
    "others_hide": ("hide", "verbergen"),
    "others_dim": ("dim", "dimmen"),
    "path": ("Path", "Pad"),
    "path_relation_types": ("Only over these relation types", "Alleen via deze relatietypen"),
    "appearance": ("Appearance", "Weergave"),
    "color_by": ("Colour by", "Kleur naar"),
    "color_type": ("actor type", "soort actor"),
    "color_community": ("coalition", "coalitie"),
    "size_none": ("same size", "even groot"),
    "metric": ("Metric", "Maat"),
    "value": ("Value", "Waarde"),
    "metric_degree": ("degree", "aantal verbindingen"),
    "metric_betweenness": ("betweenness (broker)", "tussenpositie (makelaar)"),
    "metric_eigenvector": ("eigenvector (well connected)", "eigenvector (goed verbonden)"),
    "metric_pagerank": ("PageRank", "PageRank"),
    "metric_neighbours": ("neighbours", "buren"),
    "physics": ("Physics (let the map settle)", "Fysica (laat de kaart bewegen)"),
    "physics_help": (
        "Off: fixed, seeded positions (the same picture every time).",
        "Uit: vaste posities met vaste seed (elke keer hetzelfde beeld).",
    ),
    "profile_of": ("Actor profile (or click a node)", "Actorprofiel (of klik op een knoop)"),
    "profile_hint": (
        "Click an actor on the map, or choose one above.",
        "Klik op een actor op de kaart, of kies er hierboven een.",
    ),
    "documents_written": ("Documents it wrote or signed", "Documenten die het schreef of tekende"),
    "documents_received": ("Documents it received", "Documenten die het ontving"),
    "with": ("With", "Met"),
    "quote": ("Quote", "Citaat"),
    "path_hint": ("Choose two actors under Path in the sidebar.", "Kies twee actoren onder Pad in de zijbalk."),
    "no_path": ("There is no path between {a} and {b} with these filters.", "Er is geen pad tussen {a} en {b} met deze filters."),
    "paths_found": (
        "{n} shortest path(s) of {hops} hop(s) from {a} to {b}",
        "{n} kortste pad(en) van {hops} stap(pen) van {a} naar {b}",
    ),
    "hop": ("Hop", "Stap"),
    "from": ("From", "Van"),
    "to": ("To", "Naar"),
    "cosignature": ("Co-signature coalitions: who signs documents together", "Medeondertekenaars: wie tekent samen documenten"),
    "members": ("Actors", "Actoren"),
    "theme_support": ("Who advocates for which theme", "Wie pleit voor welk thema"),
    "advocates": ("Advocates", "Pleiters"),
    "brokers": ("Brokers and influence", "Makelaars en invloed"),
    "coalitions": ("Coalitions", "Coalities"),
    "rank_by": ("Rank by", "Rangschik naar"),
    "download_csv": ("Download as CSV", "Download als CSV"),
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
