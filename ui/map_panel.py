"""The map: one Streamlit component that owns the vis-network drawing (issue 26).

The component's data is a ``MapData``: the view to show whole (``network.presentation.update.MapView``)
and how the map sits on the page. Streamlit hands the component new data only when it
changed; the component then applies it to the map it keeps drawn (``templates/live.js``). What
the person does comes back as the component's trigger values: an actor clicked
(``selected``), actors dragged (``moved``), an arrow key while presenting (``step``).

Its JavaScript lives in .js files (``ui/components/map.js`` and the map's templates), put
together here once: the vis-network library that pyvis ships, wrapped so that it defines no
global, then the map's own scripts.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypedDict

import streamlit as st

from network import vocabulary as vocab
from network.folder import DataFolder
from network.presentation.render import TEMPLATES, vis_assets
from network.presentation.update import MapView
from network.view import ViewState

from . import data, keys

_HERE = Path(__file__).parent / "components"


class MapData(TypedDict):
    """The map component's data."""

    view: MapView | None  # None: no map (a grid slide), only the arrow keys
    presenting: bool
    min_height: int  # px: the map fills the window below it, but is never shorter
    bottom_gap: int  # px left free under the map
    escape: bool  # Escape is asked for (the profile's drawer is open)
    session: str  # this browser session's id: a tab that outlives its server gets the new one's
    # The same view in the other languages (small maps only): the map shows one the moment the
    # language control announces it ("sne:language"), before the app's run for it has come.
    others: dict[str, MapView]


@cache
def _component() -> Any:
    vis_js, vis_css = vis_assets()
    # pyvis's vis-network is a UMD bundle: given a CommonJS ``module`` it exports itself there
    # instead of as a global ``vis``.
    library = (
        "const vis = (() => { const module = { exports: {} }; const exports = module.exports;\n"
        + vis_js
        + "\nreturn module.exports; })();\n"
    )
    scripts = [(TEMPLATES / name).read_text("utf-8") for name in ("fit.js", "edge_layer.js", "live.js")]
    js = "\n".join([library, *scripts, (_HERE / "map.js").read_text("utf-8")])
    css = vis_css + "\n" + (TEMPLATES / "map.css").read_text("utf-8")
    # In the page itself, not a shadow root: the map's rules name its own ids only, and browser tests
    # reach its elements as in the exported page.
    return st.components.v2.component("sne_map", js=js, css=css, isolate_styles=False)


def _session() -> str:
    import uuid

    return str(st.session_state.setdefault(keys.MAP_SESSION, uuid.uuid4().hex))


def value(name: str) -> Any:
    """The component's latest ``name`` trigger value (``selected``, ``moved``, ``step``)."""
    return (st.session_state.get(keys.MAP) or {}).get(name)


def record_moves() -> None:
    """Keep where the user dragged actors to, until they keep or forget those positions."""
    moved = value("moved")
    pending = dict(st.session_state.get(keys.MOVED) or {})
    for actor, at in moved.items() if isinstance(moved, dict) else []:
        if isinstance(at, dict) and isinstance(at.get("x"), int | float) and isinstance(at.get("y"), int | float):
            pending[str(actor)] = (float(at["x"]), float(at["y"]))
    st.session_state[keys.MOVED] = pending


def select_from_map() -> None:
    selected = value("selected")
    if selected and str(selected).startswith("group:"):
        # Clicking a group in the overview opens it into its actors.
        opened = list(st.session_state.get(keys.widget("expanded")) or [])
        if selected not in opened:
            st.session_state[keys.widget("expanded")] = [*opened, selected]
    elif selected:
        st.session_state[keys.PROFILE_ACTOR] = selected
        st.session_state[keys.PANEL] = "profile"  # the panel under the map shows it


def show(
    view: MapView | None,
    *,
    presenting: bool = False,
    on_selected: Callable[[], None] = lambda: None,
    on_step: Callable[[], None] = lambda: None,
    on_escape: Callable[[], None] | None = None,
    others: dict[str, MapView] | None = None,
) -> None:
    """Draw ``view`` (None: no map, only the arrow keys of presentation mode); ``on_escape``: Escape is wanted."""
    # What the map shows, for the panels and for tests run without a browser (a reference to the
    # cached view, not a copy).
    st.session_state[keys.MAP_VIEW] = view
    st.session_state[keys.MAP_OTHERS] = others or {}
    payload: MapData = {
        "view": view,
        "presenting": presenting,
        "min_height": 320 if presenting else 420,
        "bottom_gap": 12,
        "escape": on_escape is not None,
        "session": _session(),
        "others": others or {},
    }
    _component()(
        key=keys.MAP,
        # In a list: Streamlit looks for data frames among a dict's values, which imports pandas
        # (0.8 s of the first start) to find none.
        data=[payload],
        on_selected_change=on_selected,
        on_step_change=on_step,
        on_moved_change=record_moves,
        on_escape_change=on_escape or (lambda: None),
    )


# Up to this many actors and relations the map is also handed the view in the other languages
# (doubling what a run sends); above, a language switch waits for the app's run.
OTHER_LANGUAGES_UP_TO = 4000


def live(folder: DataFolder, state_json: str, *, presenting: bool = False, **events: Any) -> None:
    """The map of the view ``state_json`` on the data ``folder``."""
    view = data.map_view(folder, state_json, presenting, data.log_access(state_json))
    others: dict[str, MapView] = {}
    if not presenting and len(view["nodes"]) + len(view["edges"]) <= OTHER_LANGUAGES_UP_TO:
        state = ViewState.from_dict(json.loads(state_json))
        for lang in vocab.LANGUAGES:
            if lang != state.lang:
                other = dataclasses.replace(state, lang=lang).to_json()
                others[lang] = data.map_view(folder, other, False, data.log_access(other))
    show(view, presenting=presenting, others=others, **events)
