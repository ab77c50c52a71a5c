"""The one string catalog: every interface, message and export string in English and Dutch.

Actor names stay as curated. An unknown key raises, so a typo fails a test instead of
showing the key to a user.

Long (over 600 lines) because it is one table of strings: one place to look up, translate and
check every string; split by screen, a key would have to be searched for in several files.
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
    "zoom_in": ("Zoom in", "Inzoomen"),
    "zoom_out": ("Zoom out", "Uitzoomen"),
    "zoom_fit": ("Show the whole view", "Hele weergave tonen"),
    "map_controls": ("Zoom (or Ctrl + wheel, or click into the map first)", "Zoomen (of Ctrl + wiel, of klik eerst in de kaart)"),
    "map_label": ("Network map", "Netwerkkaart"),
    "labels_give_way": (
        "over 80 actors: the less connected labels appear as you zoom in",
        "meer dan 80 actoren: de labels van minder verbonden actoren verschijnen als u inzoomt",
    ),
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
    "routes_more": (
        "… and {n} more route(s): see the Path panel under the map",
        "… en nog {n} route(s): zie het paneel Pad onder de kaart",
    ),
    "close_profile": ("Close the profile", "Profiel sluiten"),
    "profile_in_drawer": ("{name}'s profile is open on the left.", "Het profiel van {name} staat links open."),
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
    # An actor's standing in words (network/standing.py): ranks, not raw centrality values.
    "standing": ("Standing", "Positie"),
    "standing_degree": ("{n} neighbours: {rank} most connected of {of}", "{n} buren: {rank} meest verbonden van {of}"),
    "standing_degree_none": ("no relations", "geen relaties"),
    "standing_betweenness": (
        "{rank} of {of} as a broker (on the short routes between others)",
        "{rank} van {of} als makelaar (op de korte routes tussen anderen)",
    ),
    "standing_betweenness_none": ("lies between no others", "ligt tussen niemand anders in"),
    "standing_eigenvector": (
        "{rank} of {of} by well-connected neighbours",
        "{rank} van {of} naar goed verbonden buren",
    ),
    "standing_eigenvector_none": ("no well-connected neighbours", "geen goed verbonden buren"),
    "standing_pagerank": (
        "{rank} of {of} by PageRank (reach through the network)",
        "{rank} van {of} naar PageRank (bereik via het netwerk)",
    ),
    "standing_pagerank_none": ("no PageRank", "geen PageRank"),
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
    "fmt_xlsx": ("Excel workbook (loads back)", "Excel-werkmap (laadt terug)"),
    "fmt_kumu": ("Kumu workbook", "Kumu-werkmap"),
    "fmt_gephi": ("Gephi spreadsheets (zip: nodes and edges)", "Gephi-spreadsheets (zip: knopen en randen)"),
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
    "add_document": ("Add a document", "Document toevoegen"),
    "intake_intro": (
        "Upload a letter, position paper or brochure (.txt, .md, .pdf, .docx). Its actors and claims are proposed with quotes; "
        "nothing is added until you accept it. With a documents folder set (NETWORK_DOCUMENTS_DIR) the file is kept there, "
        "so verify checks its quotes; otherwise put it there yourself.",
        "Upload een brief, position paper of brochure (.txt, .md, .pdf, .docx). De actoren en claims erin worden met citaten "
        "voorgesteld; niets wordt toegevoegd tot u het accepteert. Met een documentenmap (NETWORK_DOCUMENTS_DIR) wordt het bestand "
        "daar bewaard, zodat verify de citaten controleert; zet het er anders zelf in.",
    ),
    "intake_upload": ("Document", "Document"),
    "intake_document": ("The document (its row in sources.csv)", "Het document (de regel in sources.csv)"),
    "intake_title": ("Title", "Titel"),
    "intake_kind": ("Kind", "Soort"),
    "intake_authors": ("Authors", "Auteurs"),
    "intake_addressed": ("Addressed to", "Gericht aan"),
    "intake_new_actors": (
        "New actors (accept, or merge into an existing one)",
        "Nieuwe actoren (accepteren, of samenvoegen met een bestaande)",
    ),
    "intake_same_as": ("same as {name}?", "dezelfde als {name}?"),
    "intake_merge_into": ("Merge into", "Samenvoegen met"),
    "intake_decision": ("Decision", "Besluit"),
    "intake_accept": ("Accept", "Accepteren"),
    "intake_reject": ("Reject", "Afwijzen"),
    "intake_claims": ("Proposed claims ({n}), by actor", "Voorgestelde claims ({n}), per actor"),
    "intake_quote": ("Quote (verbatim, as in the document)", "Citaat (letterlijk, zoals in het document)"),
    "intake_apply": ("Add {n} accepted claim(s)", "{n} geaccepteerde claim(s) toevoegen"),
    "intake_kept": (
        "{file} is kept in the documents folder: verify checks its quotes.",
        "{file} staat nu in de documentenmap: verify controleert de citaten.",
    ),
    "intake_not_kept": (
        "{file} was not put in the documents folder ({why}); put it there for verify to check its quotes.",
        "{file} is niet in de documentenmap gezet ({why}); zet het er zelf in, zodat verify de citaten controleert.",
    ),
    "intake_applied": (
        "Added {n} relation(s) and {m} actor(s) from {doc}; undo takes them back.",
        "{n} relatie(s) en {m} actor(en) uit {doc} toegevoegd; ongedaan maken haalt ze terug.",
    ),
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
    "undone_what": ("Undone: {what}.", "Ongedaan gemaakt: {what}."),
    "undo_what": ("Undo: {what}", "Ongedaan maken: {what}"),
    "undo_none": ("Nothing to undo", "Niets om ongedaan te maken"),
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
    # Appearance: lenses and lines.
    "show_asks": ("Show asks", "Toon standpunten"),
    "show_asks_help": (
        "Draw the asks (themes) and who argues for or against them. A theme filter or focus shows them too.",
        "Teken de standpunten (thema's) en wie ervoor of ertegen pleit. Een themafilter of focus toont ze ook.",
    ),
    "show_people": ("Show people in public roles", "Toon personen in publieke functies"),
    "show_people_help": (
        "Ministers, signatories and quoted directors, by name and role only.",
        "Ministers, ondertekenaars en geciteerde directeuren, alleen met naam en functie.",
    ),
    "every_claim": ("Every claim its own line", "Elke bewering een eigen lijn"),
    "every_claim_help": (
        "By default all relations between two actors are one line; this draws each claim separately.",
        "Standaard zijn alle relaties tussen twee actoren één lijn; dit tekent elke bewering apart.",
    ),
    "lens_hidden": ("{what}: {n} not shown (turn on “{toggle}”)", "{what}: {n} niet getoond (zet “{toggle}” aan)"),
    # Positions.
    "layout_panel": ("Map layout", "Indeling van de kaart"),
    "layout_intro": (
        "Positions are kept in the data folder (positions.csv), so the map looks the same at every meeting; a new actor is placed beside its neighbours.",
        "Posities staan in de gegevensmap (positions.csv), zodat de kaart er bij elk overleg hetzelfde uitziet; een nieuwe actor komt naast zijn buren.",
    ),
    "rearrange": ("Re-arrange the whole map", "Hele kaart opnieuw indelen"),
    "rearrange_confirm": (
        "This moves every actor and overwrites positions.csv. Saved views and slides will look different.",
        "Dit verplaatst elke actor en overschrijft positions.csv. Opgeslagen weergaven en dia's zien er dan anders uit.",
    ),
    "yes_rearrange": ("Yes, re-arrange", "Ja, opnieuw indelen"),
    "moved_actors": ("You moved {n} actor(s) on the map.", "U hebt {n} actor(en) op de kaart verplaatst."),
    "keep_positions": ("Keep these positions", "Deze posities bewaren"),
    "forget_moves": ("Forget the moves", "Verplaatsingen vergeten"),
    "positions_kept": (
        "The positions of {n} actor(s) were saved to positions.csv.",
        "De posities van {n} actor(en) zijn in positions.csv opgeslagen.",
    ),
    "rearranged": (
        "The map was re-arranged and its positions saved.",
        "De kaart is opnieuw ingedeeld en de posities zijn opgeslagen.",
    ),
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
    "legend_inferred": ("dotted: inferred (a reading of the text)", "stippellijn: afgeleid (een lezing van de tekst)"),
    "verified": ("Quote found", "Citaat gevonden"),
    "panels": ("Show", "Toon"),
    "lens": ("Lens", "Lens"),
    "lens_map": ("Network map", "Netwerkkaart"),
    "lens_grid": ("Power–interest grid", "Invloed–belangmatrix"),
    "asks_slide_title": ("Who is for and against what", "Wie is voor en tegen wat"),
    "profile": ("Actor profile", "Actorprofiel"),
    # How a claim is known.
    "basis": ("Basis", "Grondslag"),
    "basis_stated": ("stated in the document", "staat in het document"),
    "basis_inferred": ("inferred (a reading)", "afgeleid (een lezing)"),
    # Snapshots and exports.
    "more_sources": ("… and {n} more", "… en nog {n}"),
    "no_actors": ("No actors match this view.", "Geen actoren in deze weergave."),
    "left_out_note": (
        "This file holds the view: {n} of {total} actors and {e} of {etotal} relations. "
        "For everything in the data, export with --all (command line) or tick “Everything in the data” (app).",
        "Dit bestand bevat de weergave: {n} van {total} actoren en {e} van {etotal} relaties. "
        "Voor alles in de gegevens: exporteer met --all (opdrachtregel) of vink “Alles in de gegevens” aan (app).",
    ),
    "gephi_readme": (
        "For Gephi: in the Data Laboratory choose Import Spreadsheet, first nodes.csv (as a nodes table), "
        "then edges.csv (as an edges table, appended to the same workspace). Type says Directed or Undirected; "
        "the claims between two actors in one direction are one edge whose Weight is their number. "
        "The files are UTF-8: choose that encoding if asked.",
        "Voor Gephi: kies in het Data Laboratory Import Spreadsheet, eerst nodes.csv (als knopentabel), "
        "dan edges.csv (als randentabel, in dezelfde werkruimte). Type zegt Directed of Undirected; "
        "de beweringen tussen twee actoren in één richting zijn één rand met als Weight hun aantal. "
        "De bestanden zijn UTF-8: kies die codering als daarom gevraagd wordt.",
    ),
    "leader_alt": ("Line from a label to its actor", "Lijn van een label naar zijn actor"),
    "export_everything": ("Everything in the data", "Alles in de gegevens"),
    "export_everything_help": (
        "Data formats: every actor and relation, whatever the view's filters and lenses.",
        "Gegevensformaten: elke actor en relatie, wat de filters en lenzen van de weergave ook zijn.",
    ),
    "csv_readme": (
        "actors.csv, relations.csv, sources.csv and positions.csv are a data folder the explorer loads as it is, "
        "laid out as it was. UTF-8 with a byte-order mark, so Excel shows accented names right; "
        "in LibreOffice Calc choose Character set: Unicode (UTF-8) and Separated by: Comma. "
        "Cells that start with =, +, - or @ are prefixed with an apostrophe so a spreadsheet "
        "shows them as text instead of running them as formulas; our loader takes that apostrophe "
        "off again, so this zip loads back to the same data.",
        "actors.csv, relations.csv, sources.csv en positions.csv vormen een gegevensmap die de verkenner zo inleest, "
        "met de indeling zoals die was. UTF-8 met een byte-order mark, zodat Excel namen met accenten goed toont; "
        "kies in LibreOffice Calc Tekenset: Unicode (UTF-8) en Gescheiden door: Komma. "
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
    # Issue 24: support and concern from one document read as what they are, not as "conditional".
    "stance_for_with_concerns": ("for, with concerns", "voor, met bedenkingen"),
    "stance_for_with_concerns_ask": ("for, with concerns: {ask}", "voor, met bedenkingen: {ask}"),
    "stance_read": ("read, not stated", "afgeleid, niet uitgesproken"),
    "stance_read_ask": ("{stance} (read, not stated): {ask}", "{stance} (afgeleid, niet uitgesproken): {ask}"),
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
        "opposes and has concerns about, with the documents they rest on. An actor with mixed "
        "relations on one ask is placed by its newest ones; support and concern in one document "
        "read as for, with concerns.",
        "Wie voor, tegen of voorwaardelijk is over elke eis, gelezen uit de relaties pleit voor, "
        "is tegen en heeft bedenkingen bij, met de documenten waarop ze rusten. Een actor met "
        "wisselende relaties over één eis staat waar de nieuwste hem plaatsen; steun en "
        "bedenkingen in één document lezen als voor, met bedenkingen.",
    ),
    "asks_cell_hint": (
        "Choose an ask (and an actor) below to read the quotes.",
        "Kies hieronder een eis (en een actor) om de citaten te lezen.",
    ),
    "asks_none": ("No actor takes a stance on anything in this data.", "Geen actor neemt in deze gegevens een standpunt in."),
    "asks_no_cell": ("{actor} takes no stance on {ask}.", "{actor} neemt geen standpunt in over {ask}."),
    "stance_mixed": (
        "mixed: placed by its newest relation ({date})",
        "wisselend: geplaatst naar de nieuwste relatie ({date})",
    ),
    "download_xlsx": ("Download as Excel workbook", "Downloaden als Excel-werkmap"),
    # Editors' login (issue 12): a served explorer is read-only for viewers.
    "login_title": ("Editor login", "Inloggen voor redacteuren"),
    "login_user": ("User name", "Gebruikersnaam"),
    "login_password": ("Password", "Wachtwoord"),
    "login_button": ("Log in", "Inloggen"),
    "login_failed": ("Unknown user name or wrong password.", "Onbekende gebruikersnaam of verkeerd wachtwoord."),
    "login_paused": (
        "Too many failed logins; try again in {seconds} s (nothing was checked).",
        "Te vaak verkeerd ingelogd; probeer het over {seconds} s opnieuw (er is niets gecontroleerd).",
    ),
    "login_wait": ("The next try is possible in {seconds} s.", "Een volgende poging kan over {seconds} s."),
    "login_with": ("Log in with {provider}", "Inloggen met {provider}"),
    "login_provider": ("your organisation's account", "het account van uw organisatie"),
    "login_not_editor": (
        "{name} is logged in but is not one of the editors.",
        "{name} is ingelogd maar is geen redacteur.",
    ),
    "logged_in_as": ("Logged in as {name}: you can edit.", "Ingelogd als {name}: u kunt bewerken."),
    "logout": ("Log out", "Uitloggen"),
    "login_why": (
        "Everyone can explore and export; uploading, editing, saving and changing saved views need a login.",
        "Iedereen kan verkennen en exporteren; uploaden, bewerken, opslaan en opgeslagen weergaven wijzigen vraagt om inloggen.",
    ),
    # Issue 14: the power-interest grid, the engagement log, and the map through time.
    "as_of": ("As of", "Stand op"),
    "as_of_caption": ("as of {date}", "stand op {date}"),
    "as_of_all": ("today (everything)", "vandaag (alles)"),
    "as_of_help": (
        "The map as it stood on a date: each relation appears when its document does; the newest are highlighted. "
        "A document dated only by year or month appears on its first day; one dated 'before' a day appears the day before.",
        "De kaart zoals die op een datum was: elke relatie verschijnt met haar document; de nieuwste zijn gemarkeerd. "
        "Een document met alleen een jaar of maand verschijnt op de eerste dag daarvan; een document 'voor' een dag de dag ervoor.",
    ),
    # Issue 24: dates as precise as the documents, and the map through time says what it cannot know.
    "precision_year": ("year", "jaar"),
    "precision_month": ("month", "maand"),
    "as_of_imprecise_shown": (
        "{n} relation(s) dated only to the {precision} ({date}) are shown: they may be from after {as_of}",
        "{n} relatie(s) met alleen een {precision} als datum ({date}) staan erop: ze kunnen van na {as_of} zijn",
    ),
    "as_of_before_hidden": (
        "{n} relation(s) dated '{date}' are not shown: they appear on {shown}, the one day they are known to exist, "
        "and may be older",
        "{n} relatie(s) gedateerd '{date}' staan er niet op: ze verschijnen op {shown}, de enige dag dat ze zeker "
        "bestonden, en kunnen ouder zijn",
    ),
    "play": ("Play", "Afspelen"),
    "pause": ("Pause", "Pauzeren"),
    "step_back": ("Previous date", "Vorige datum"),
    "step_forward": ("Next date", "Volgende datum"),
    "new_at_step": ("{n} relation(s) new at {date}", "{n} relatie(s) nieuw op {date}"),
    "compare": ("Compare", "Vergelijken"),
    "compare_from": ("From", "Van"),
    "compare_to": ("To", "Tot"),
    "compare_dates": ("two dates", "twee datums"),
    "compare_versions": ("this data and a backup", "deze gegevens en een back-up"),
    "compare_backup": ("Backup (before a save)", "Back-up (van vóór een opslag)"),
    "compare_none": ("No backups yet: saving an edit makes one.", "Nog geen back-ups: een bewerking opslaan maakt er een."),
    "compare_what_dates": ("The map as of {a} compared with as of {b}", "De kaart per {a} vergeleken met per {b}"),
    "compare_what_versions": ("{a} compared with {b}", "{a} vergeleken met {b}"),
    "diff_counts": (
        "{actors_added} actor(s) added, {actors_removed} removed; {relations_added} relation(s) added, {relations_removed} removed",
        "{actors_added} actor(en) erbij, {actors_removed} eraf; {relations_added} relatie(s) erbij, {relations_removed} eraf",
    ),
    "actors_added": ("Actors added", "Actoren erbij"),
    "actors_removed": ("Actors removed", "Actoren eraf"),
    "relations_added": ("Relations added", "Relaties erbij"),
    "relations_removed": ("Relations removed", "Relaties eraf"),
    "whole_map": ("the whole map", "de hele kaart"),
    "grid": ("Power–interest grid", "Invloed–belangmatrix"),
    "grid_heading": ("Power–interest grid: {ask}", "Invloed–belangmatrix: {ask}"),
    "grid_ask": ("Grid for", "Matrix voor"),
    "all_asks": ("all asks", "alle eisen"),
    "influence": ("Influence", "Invloed"),
    "interest": ("Interest", "Belang"),
    "quadrant": ("Quadrant", "Kwadrant"),
    "quadrant_manage_closely": ("Manage closely", "Nauw betrekken"),
    "quadrant_keep_satisfied": ("Keep satisfied", "Tevreden houden"),
    "quadrant_keep_informed": ("Keep informed", "Op de hoogte houden"),
    "quadrant_monitor": ("Monitor", "In de gaten houden"),
    "grid_stance_for": ("for", "voor"),
    "grid_stance_against": ("against", "tegen"),
    "grid_stance_conditional": ("conditional", "voorwaardelijk"),
    "grid_stance_mixed": ("mixed (for and against)", "wisselend (voor en tegen)"),
    "grid_stance_neutral": ("neutral", "neutraal"),
    "grid_stance_none": ("no stance", "geen standpunt"),
    "why_influence": (
        "{type} (weight {weight} of 10) and {share}% of the best-connected actor's PageRank",
        "{type} (gewicht {weight} van 10) en {share}% van de PageRank van de best verbonden actor",
    ),
    "why_interest_stance": ("{n} relation(s) on this ask: {relations}", "{n} relatie(s) over deze eis: {relations}"),
    "why_interest_asks": ("a stance on {n} ask(s): {asks}", "een standpunt over {n} eis(en): {asks}"),
    "why_interest_none": (
        "no stance on this ask; {n} of its partners take one",
        "geen standpunt over deze eis; {n} van zijn partners nemen er een in",
    ),
    "why_stance_none": ("no relation for, against or with concerns about it", "geen relatie voor, tegen of met bedenkingen"),
    "why_assessed": (
        "assessed by the team on {date} (the data says: {data})",
        "door het team beoordeeld op {date} (de gegevens zeggen: {data})",
    ),
    "changed_since": ("changed since {date}: {what}", "veranderd sinds {date}: {what}"),
    "changed_since_label": ("Changed since", "Veranderd sinds"),
    "grid_assessed_mark": (
        "* from assessments.csv (the team's dated scores); the rest from the data.",
        "* uit assessments.csv (de gedateerde scores van het team); de rest uit de gegevens.",
    ),
    "grid_intro": (
        "Influence from actor type and PageRank, interest and stance from the relations on the ask; "
        "the team's assessments (assessments.csv) override them. Pick an actor, or a row of the table below, to open its profile.",
        "Invloed uit soort actor en PageRank, belang en standpunt uit de relaties over de eis; "
        "de beoordelingen van het team (assessments.csv) gaan voor. Kies een actor, of een rij in de tabel hieronder, om het profiel te openen.",
    ),
    "grid_open_profile": ("Open the profile of", "Profiel openen van"),
    "grid_in_profile": ("On the grid ({ask})", "In de matrix ({ask})"),
    "grid_trend": ("Assessments over time", "Beoordelingen door de tijd"),
    "from_data": ("from the data", "uit de gegevens"),
    "from_assessment": ("assessed", "beoordeeld"),
    "why": ("Why", "Waarom"),
    "engagements": ("Engagements", "Contacten"),
    "engagements_internal": (
        "The team's internal meeting log: not part of the map, its exports or shared links.",
        "Het interne contactlogboek van het team: geen deel van de kaart, de exports of gedeelde links.",
    ),
    "engagements_none": ("No engagements with {name} logged.", "Geen contacten met {name} vastgelegd."),
    "engagement_kind_meeting": ("meeting", "overleg"),
    "engagement_kind_call": ("call", "telefoongesprek"),
    "engagement_kind_letter": ("letter", "brief"),
    "engagement_kind_event": ("event", "evenement"),
    "summary": ("Summary", "Samenvatting"),
    "outcome": ("Outcome", "Uitkomst"),
    "follow_up": ("Follow-up", "Vervolgactie"),
    "due": ("Due", "Uiterlijk"),
    "owner": ("Owner", "Eigenaar"),
    "done": ("Done", "Gedaan"),
    "kind": ("Kind", "Soort"),
    "with_actors": ("With", "Met"),
    "follow_ups": ("Follow-ups", "Vervolgacties"),
    "follow_ups_open": ("Open follow-ups ({n})", "Openstaande vervolgacties ({n})"),
    "follow_ups_none": ("No open follow-ups.", "Geen openstaande vervolgacties."),
    "overdue": ("overdue", "te laat"),
    "add_engagement": ("Log an engagement", "Contact vastleggen"),
    "engagement_need": ("Give a date and at least one actor.", "Geef een datum en minstens één actor."),
    "engagement_added": ("Engagement added; save to keep it.", "Contact toegevoegd; sla op om het te bewaren."),
    "engagements_saved": ("Engagement log saved ({n} rows).", "Contactlogboek opgeslagen ({n} rijen)."),
    "save_engagements": ("Save the engagement log", "Contactlogboek opslaan"),
    "contact_by": ("Last contact", "Laatste contact"),
    "contact_by_": ("off", "uit"),
    "contact_by_color": ("colour by time since last contact", "kleur naar tijd sinds laatste contact"),
    "contact_by_size": ("size by time since last contact", "grootte naar tijd sinds laatste contact"),
    "contact_map_above": (
        "The map above shows it; stale allies of the grid's ask are drawn highlighted.",
        "De kaart hierboven toont het; bondgenoten van de vraag van het raster zonder recent contact zijn gemarkeerd.",
    ),
    "contact_within_3": ("contact in the last 3 months", "contact in de laatste 3 maanden"),
    "contact_within_6": ("3–6 months ago", "3–6 maanden geleden"),
    "contact_within_12": ("6–12 months ago", "6–12 maanden geleden"),
    "contact_longer": ("more than a year ago", "meer dan een jaar geleden"),
    "contact_never": ("no contact logged", "geen contact vastgelegd"),
    "stale_months": ("Allies without contact for (months)", "Bondgenoten zonder contact sinds (maanden)"),
    "stale_allies": (
        "For {ask}, no contact in {months} months: {names}",
        "Voor {ask}, geen contact in {months} maanden: {names}",
    ),
    "stale_allies_none": (
        "Every ally of {ask} was contacted in the last {months} months.",
        "Alle bondgenoten van {ask} zijn de laatste {months} maanden gesproken.",
    ),
    "stale_need_ask": (
        "Choose the ask (Grid for) whose allies to check.",
        "Kies de eis (Matrix voor) waarvan de bondgenoten gecontroleerd worden.",
    ),
    "include_engagements": ("Include the engagement log (internal)", "Contactlogboek meesturen (intern)"),
    "include_engagements_help": (
        "Off by default: the log is the team's internal notes. On, the CSV, JSON, HTML and PPTX download add the engagements with the shown actors.",
        "Standaard uit: het logboek is voor intern gebruik. Aan, dan voegen de CSV-, JSON-, HTML- en PPTX-download de contacten met de getoonde actoren toe.",
    ),
    "download_with_engagements": ("Download this view with the engagement log", "Deze weergave met contactlogboek downloaden"),
    "grid_unlabelled": (
        "Not labelled ({n}, no free spot; the table lists every actor): {names}",
        "Zonder label ({n}, geen vrije plek; de tabel noemt elke actor): {names}",
    ),
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
