"""Every session-state key the interface uses, in one place.

View widgets are keyed ``w_<field>`` after the ViewState field they hold (``widget``), so the
view state is read back from them with one loop; everything else has a name here.
"""

from __future__ import annotations

WIDGET_PREFIX = "w_"


def section(name: str) -> str:
    """The key of a sidebar section's open-or-shut state."""
    return SECTION_PREFIX + name


def widget(field: str) -> str:
    """The widget key of a ViewState field."""
    return WIDGET_PREFIX + field


INITIALISED = "_initialised"  # the URL's view was put into the widgets
LANG = "_lang"  # the language of the last run
LANGUAGE = "language"  # the language control (a component): its trigger value "lang"
RELANG = "_relang"  # the language just changed: put the view back
LAST_STATE = "_last_state"  # the view of the last run, for a language switch
FLASH = "_flash"  # {panel: (kind, text)}: a message shown once, after a rerun

# Uploads
UPLOAD_DIR = "_upload_dir"
UPLOAD_NAME = "_upload_name"
UPLOADS = "_uploads"  # counter: a new uploader widget after each upload
UPLOAD_REPORT = "upload_report"

# Editing
EDIT_GEN = "_edit_gen"  # counter: new editor widgets after a save, undo or discard
EDIT_BASE = "_edit_base"  # the data as it was when editing began
PENDING_ACTORS = "_pending_actors"
PENDING_RELATIONS = "_pending_relations"

# Add a document (intake)
INTAKE_GEN = "_intake_gen"  # counter: a fresh uploader and fresh decisions after a save
INTAKE_PROPOSAL = "_intake_proposal"  # (upload and data version, proposals): made once per upload

# Saved views
VIEW_PICK = "view_pick"
VIEW_NEW_NAME = "view_new_name"
VIEW_RENAME_TO = "view_rename_to"
VIEW_CONFIRM = "_view_confirm"  # ("delete"|"overwrite", name) awaiting a yes

# Presentation
PRESENTING = "presenting"
SLIDES = "_slides"
SLIDE = "slide"
PRESENT_STATE = "_present_state"
EXPLORE_STATE = "_explore_state"
SLIDE_NOTE = "_slide_note"

# The map and the profile
MAP = "map"  # the map component: its trigger values (selected, moved, step, escape)
MAP_SESSION = "_map_session"  # this session's id, handed to the map (network.sneSession in the page)
LINK_NOTES = "_link_notes"  # notes on what the link named that is gone, kept through the one redraw
REDRAWN = "_redrawn"  # the page ran again because the sidebar changed the view the map was drawn with
MAP_OTHERS = "_map_others"  # the same view in the other languages, handed with it
MAP_VIEW = "_map_view"  # the view the map was last handed (network.presentation.update.MapView)
PROFILE_ACTOR = "profile_actor"
DATE_SLIDER = "date_slider"
RANK_METRIC = "rank_metric"
PANEL = "panel"  # which panel under the map is drawn
OPEN_SECTIONS = "_open_sections"  # the sidebar sections the user has open
HELD_SECTIONS = "_held_sections"  # sections that hold a choice (a focus, a path, a date …)
SECTION_PREFIX = "_section_"  # + name: the open-or-shut state of a sidebar section
# Every sidebar section, top to bottom.
SECTIONS = ("login", "filters", "as_of", "focus", "path", "appearance", "views", "export", "layout", "data")
MOVED = "_moved"  # {actor: (x, y)} dragged on the map and not yet kept
