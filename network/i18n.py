"""The one string catalog: every interface, message and export string in English and Dutch.

Actor names stay as curated. An unknown key raises, so a typo fails a test instead of
showing the key to a user.
"""

from __future__ import annotations

__all__ = ["t", "STRINGS", "UnknownStringError"]

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
    "focus_on": ("focus: {name}, {hops} {unit}", "focus: {name}, {hops} {unit}"),
    "path_between": ("path: {a} → {b}", "pad: {a} → {b}"),
    "note_missing_actor": ("{what}: no actor named '{name}'{hint}", "{what}: geen actor met de naam '{name}'{hint}"),
    "did_you_mean": ("; did you mean: {names}?", "; bedoelt u: {names}?"),
    "hop_unit": ("hop", "stap"),
    "hops_unit": ("hops", "stappen"),
    "title": ("Title (for the map, slides and exports)", "Titel (voor kaart, dia's en exports)"),
    "path_via_stances": ("Also through themes and laws", "Ook via thema's en wetten"),
    "path_via_stances_help": (
        "Off: two actors that argue for the same ask are not treated as a channel between them.",
        "Uit: twee actoren die voor hetzelfde pleiten gelden niet als verbinding tussen hen.",
    ),
    "size": ("Size", "Omvang"),
    "overview": ("Overview: group actors", "Overzicht: groepeer actoren"),
    "overview_off": ("no, show every actor", "nee, toon elke actor"),
    "overview_type": ("by type", "naar soort"),
    "overview_community": ("by coalition", "naar coalitie"),
    "overview_country": ("by country", "naar land"),
    "overview_help": (
        "For big data sets: the map draws a few hundred groups; click a group to open it into its actors.",
        "Voor grote datasets: de kaart tekent enkele honderden groepen; klik op een groep om die te openen.",
    ),
    "expanded": ("Opened groups", "Geopende groepen"),
    "expanded_hint": ("click a group on the map", "klik op een groep op de kaart"),
    "route": ("Route {i}", "Route {i}"),
    "communities": (
        "Communities (seeded modularity; the colours of 'Colour by coalition')",
        "Gemeenschappen (modulariteit met vaste seed; de kleuren van 'Kleur naar coalitie')",
    ),
    "slide_missing": (
        "The link names a view '{name}' that does not exist; showing the first saved view.",
        "De link noemt een weergave '{name}' die niet bestaat; de eerste opgeslagen weergave wordt getoond.",
    ),
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
    "saved_views": ("Saved views", "Opgeslagen weergaven"),
    "view": ("View", "Weergave"),
    "load": ("Load", "Openen"),
    "no_views": ("No saved views yet.", "Nog geen opgeslagen weergaven."),
    "view_name": ("Save the current view as", "Huidige weergave opslaan als"),
    "save_view": ("Save view", "Weergave opslaan"),
    "rename_to": ("New name", "Nieuwe naam"),
    "rename": ("Rename", "Hernoemen"),
    "delete": ("Delete", "Verwijderen"),
    "view_loaded": ("Opened view '{name}'.", "Weergave '{name}' geopend."),
    "view_saved": ("Saved view '{name}'.", "Weergave '{name}' opgeslagen."),
    "view_renamed": ("Renamed to '{name}'.", "Hernoemd naar '{name}'."),
    "view_deleted": ("Deleted view '{name}'.", "Weergave '{name}' verwijderd."),
    "export": ("Export a snapshot", "Momentopname exporteren"),
    "format": ("Format", "Formaat"),
    "print_quality": ("Print quality (300 dpi)", "Drukkwaliteit (300 dpi)"),
    "download": ("Download", "Downloaden"),
    "download_deck": ("Slides of all {n} saved views (PPTX)", "Dia's van alle {n} opgeslagen weergaven (PPTX)"),
    "fmt_png": ("PNG picture", "PNG-afbeelding"),
    "fmt_svg": ("SVG picture", "SVG-afbeelding"),
    "fmt_pdf": ("PDF", "PDF"),
    "fmt_html": ("Interactive HTML (works offline)", "Interactieve HTML (werkt offline)"),
    "fmt_gexf": ("GEXF (Gephi)", "GEXF (Gephi)"),
    "fmt_graphml": ("GraphML", "GraphML"),
    "fmt_json": ("JSON (node-link)", "JSON (node-link)"),
    "fmt_csv": ("CSV (zip: actors and relations)", "CSV (zip: actoren en relaties)"),
    "fmt_pptx": ("PowerPoint slide (this view)", "PowerPoint-dia (deze weergave)"),
    "present": ("Present", "Presenteren"),
    "exit_present": ("Exit", "Stoppen"),
    "previous": ("Previous view (←)", "Vorige weergave (←)"),
    "next": ("Next view (→)", "Volgende weergave (→)"),
    "slide_n": ("View {i} of {n}: {name} — use ← → to step", "Weergave {i} van {n}: {name} — gebruik ← → om te bladeren"),
    "no_views_present": (
        "The current view. Save views to step through them like slides.",
        "De huidige weergave. Sla weergaven op om er als dia's doorheen te bladeren.",
    ),
    "data": ("Data", "Gegevens"),
    "using_upload": ("Exploring your upload: {name}", "U verkent uw upload: {name}"),
    "back_to_bundled": ("Back to the bundled data", "Terug naar de meegeleverde gegevens"),
    "upload": (
        "Upload actors.csv + relations.csv (+ sources.csv), or one .xlsx (ours or Kumu's); at most {mb} MB",
        "Upload actors.csv + relations.csv (+ sources.csv), of één .xlsx (van ons of Kumu); hoogstens {mb} MB",
    ),
    "upload_help": (
        "An .xlsx needs sheets actors, relations (and sources), or Kumu's Elements and Connections.",
        "Een .xlsx heeft de tabbladen actors, relations (en sources) nodig, of Kumu's Elements en Connections.",
    ),
    "load_upload": ("Check and open", "Controleren en openen"),
    "upload_ok": (
        "{name} loaded whole ({n} warning(s) below). You are now exploring it.",
        "{name} is volledig geladen ({n} waarschuwing(en) hieronder). U verkent nu deze gegevens.",
    ),
    "upload_failed": (
        "{name} did not load; nothing of it is shown. Fix these problems and upload again:",
        "{name} is niet geladen; er wordt niets van getoond. Los deze problemen op en upload opnieuw:",
    ),
    "dismiss": ("Dismiss", "Sluiten"),
    "edit_data": ("Edit data", "Gegevens bewerken"),
    "edit_intro": (
        "Edit, add (last row) or delete (select rows, then the bin) actors and relations. Changes are checked as you type and shown before saving.",
        "Bewerk, voeg toe (laatste rij) of verwijder (selecteer rijen, dan de prullenbak) actoren en relaties. Wijzigingen worden direct gecontroleerd en vóór het opslaan getoond.",
    ),
    "edit_intro_curated": (
        "This is the curated data set: every relation needs a source document and a verbatim quote. Saving keeps a backup; 'Undo last save' restores it.",
        "Dit is de gecureerde dataset: elke relatie heeft een brondocument en een letterlijk citaat nodig. Opslaan bewaart een reservekopie; 'Laatste opslag ongedaan maken' zet die terug.",
    ),
    "actors": ("Actors", "Actoren"),
    "relations": ("Relations", "Relaties"),
    "changes": ("Changes to save", "Op te slaan wijzigingen"),
    "table": ("Table", "Tabel"),
    "change": ("Change", "Wijziging"),
    "change_added": ("added", "toegevoegd"),
    "change_removed": ("removed", "verwijderd"),
    "change_changed": ("changed", "gewijzigd"),
    "row": ("Row", "Rij"),
    "check": ("Check", "Controle"),
    "save": ("Save {n} change(s)", "{n} wijziging(en) opslaan"),
    "undo_save": ("Undo last save", "Laatste opslag ongedaan maken"),
    "discard": ("Discard changes", "Wijzigingen weggooien"),
    "saved": (
        "Saved {n} change(s); the old files are kept as a backup.",
        "{n} wijziging(en) opgeslagen; de oude bestanden zijn als reservekopie bewaard.",
    ),
    "undone": ("The last save was undone.", "De laatste opslag is ongedaan gemaakt."),
    "nothing_to_undo": ("There is no save to undo.", "Er is geen opslag om ongedaan te maken."),
    "conflict": (
        "Not saved: {files} changed on disk since you opened it (someone else saved). Discard your changes to load theirs, then redo yours.",
        "Niet opgeslagen: {files} is op schijf gewijzigd sinds u het opende (iemand anders sloeg op). Gooi uw wijzigingen weg om die van de ander te laden, en doe de uwe opnieuw.",
    ),
    "download_workbook": ("Download as Excel workbook", "Downloaden als Excel-werkmap"),
    "download_kumu": ("Download for Kumu", "Downloaden voor Kumu"),
    "add_actor": ("Add an actor", "Actor toevoegen"),
    "add_relation": ("Add a relation", "Relatie toevoegen"),
    "add": ("Add to the changes", "Toevoegen aan de wijzigingen"),
    "description": ("Description", "Beschrijving"),
    "need_id_name": ("An actor needs an id and a name.", "Een actor heeft een id en een naam nodig."),
    "id_taken": ("The id '{id}' is taken.", "Het id '{id}' is al in gebruik."),
    # Saved views: asking first.
    "confirm_delete_view": (
        "Delete the view '{name}'? This cannot be undone here.",
        "De weergave '{name}' verwijderen? Dit is hier niet ongedaan te maken.",
    ),
    "confirm_overwrite_view": (
        "A view named '{name}' exists. Replace it with the current view?",
        "Er bestaat al een weergave '{name}'. Vervangen door de huidige weergave?",
    ),
    "yes_delete": ("Yes, delete", "Ja, verwijderen"),
    "yes_overwrite": ("Yes, replace", "Ja, vervangen"),
    "cancel": ("Cancel", "Annuleren"),
    "read_only_refused": (
        "The explorer runs read-only: nothing was saved.",
        "De verkenner is alleen-lezen: er is niets opgeslagen.",
    ),
    # How a claim is known.
    "basis": ("Basis", "Grondslag"),
    "basis_stated": ("stated in the document", "staat in het document"),
    "basis_inferred": ("inferred (a reading)", "afgeleid (een lezing)"),
    # Snapshots and exports.
    "more_sources": ("… and {n} more", "… en nog {n}"),
    "no_actors": ("No actors match this view.", "Geen actoren in deze weergave."),
    "csv_readme": (
        "actors.csv, relations.csv and sources.csv are a data folder the explorer loads as it is: "
        "UTF-8 with a byte-order mark, so Excel shows accented names right. "
        "Cells that start with =, +, - or @ are prefixed with an apostrophe so a spreadsheet "
        "shows them as text instead of running them as formulas; our loader takes that apostrophe "
        "off again, so this zip loads back to the same data.",
        "actors.csv, relations.csv en sources.csv vormen een gegevensmap die de verkenner zo inleest: "
        "UTF-8 met een byte-order mark, zodat Excel namen met accenten goed toont. "
        "Cellen die met =, +, - of @ beginnen krijgen een apostrof vooraan, zodat een "
        "spreadsheet ze als tekst toont in plaats van ze als formule uit te voeren; onze lader haalt "
        "die apostrof weer weg, zodat deze zip terugleest als dezelfde gegevens.",
    ),
    # The overview of a big map.
    "n_actors": ("{n} actors", "{n} actoren"),
    "n_inside": ("{n} relations inside the group", "{n} relaties binnen de groep"),
    "n_relations": ("{n} relations", "{n} relaties"),
    "no_country": ("No country", "Geen land"),
    "unknown_type": ("Unknown type", "Onbekend type"),
    "group_of": ("Group: {name}", "Groep: {name}"),
    # Issue 11: one line per pair, asks as a lens, positions kept in the data folder, slides.
    "several_relation_types": ("Several relation types", "Meerdere soorten relaties"),
    "pair_line_note": (
        "One line per pair of actors; a thicker line holds more claims.",
        "Eén lijn per paar actoren; een dikkere lijn bevat meer claims.",
    ),
    "n_claims": ("{n} claims", "{n} claims"),
    "positions_unknown_id": (
        "{file}:{line}: id: no actor '{id}' in the data; this position is ignored",
        "{file}:{line}: id: geen actor '{id}' in de gegevens; deze positie wordt genegeerd",
    ),
    "positions_read_only": (
        "Positions cannot be kept: this server is read-only.",
        "Posities kunnen niet worden bewaard: deze server is alleen-lezen.",
    ),
    "path_hops_title": ("The path, hop by hop", "Het pad, stap voor stap"),
    "map_alt_text": (
        "Network map: {n} actors and {e} relations. {caption}",
        "Netwerkkaart: {n} actoren en {e} relaties. {caption}",
    ),
    "asks_hidden": ("asks hidden", "eisen verborgen"),
    # The asks table and stance (issue 15)
    "asks": ("Asks", "Eisen"),
    "ask": ("Ask", "Eis"),
    "actor": ("Actor", "Actor"),
    "stance": ("Stance", "Standpunt"),
    "stance_for": ("for", "voor"),
    "stance_against": ("against", "tegen"),
    "stance_conditional": ("conditional", "voorwaardelijk"),
    "stance_none": ("no stance", "geen standpunt"),
    "stance_for_ask": ("for: {ask}", "voor: {ask}"),
    "stance_against_ask": ("against: {ask}", "tegen: {ask}"),
    "stance_conditional_ask": ("conditional: {ask}", "voorwaardelijk: {ask}"),
    "color_stance": ("stance on an ask", "standpunt over een eis"),
    "stance_ask": ("Stance on", "Standpunt over"),
    "note_choose_ask": (
        "Colour by stance: choose the ask whose supporters and opponents to colour.",
        "Kleur naar standpunt: kies de eis waarvan voor- en tegenstanders gekleurd worden.",
    ),
    "quotes": ("Quotes", "Citaten"),
    "inferred": ("inferred", "afgeleid"),
    "documents": ("Documents", "Documenten"),
    "everyone": ("everyone", "iedereen"),
    "nobody": ("nobody", "niemand"),
    "asks_intro": (
        "Who is for, against or conditional on each ask, read from the relations advocates for, "
        "opposes and has concerns about. Each cell names its documents. An actor with mixed "
        "relations on one ask is placed by its newest one.",
        "Wie voor, tegen of voorwaardelijk is over elke eis, gelezen uit de relaties pleit voor, "
        "is tegen en heeft bedenkingen bij. Elke cel noemt haar documenten. Een actor met "
        "wisselende relaties over één eis staat waar de nieuwste hem plaatst.",
    ),
    "asks_cell_hint": (
        "Click a cell, or choose an ask (and an actor), to read the quotes.",
        "Klik op een cel, of kies een eis (en een actor), om de citaten te lezen.",
    ),
    "asks_none": ("No actor takes a stance on anything in this data.", "Geen actor neemt in deze gegevens een standpunt in."),
    "asks_no_cell": ("{actor} takes no stance on {ask}.", "{actor} neemt geen standpunt in over {ask}."),
    "stance_mixed": (
        "mixed: placed by its newest relation ({date})",
        "wisselend: geplaatst naar de nieuwste relatie ({date})",
    ),
    "download_xlsx": ("Download as Excel workbook", "Downloaden als Excel-werkmap"),
}


class UnknownStringError(KeyError):
    """A string key that is not in the catalog: a typo in code, caught by the tests."""


def t(key: str, lang: str = "en", **values: object) -> str:
    """The interface string ``key`` in ``lang`` ("en" or "nl"), formatted with ``values``.

    Examples
    --------
    >>> t("legend", "nl")
    'Legenda'
    """
    try:
        en, nl = STRINGS[key]
    except KeyError:
        raise UnknownStringError(key) from None
    text = nl if lang == "nl" else en
    return text.format(**values) if values else text
