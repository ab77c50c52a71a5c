"""The power-interest grid as a lens next to the map: the picture, the table, and a click that opens the profile."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import networkx as nx
import streamlit as st

from network.folder import DataFolder
from network.grid import QUADRANTS, grid, grid_asks
from network.i18n import t
from network.presentation.grid_figure import SCREEN_FIGSIZE, SCREEN_LABEL_PT, grid_bytes
from network.timeline import as_of
from network.view import ViewState

from . import data, keys
from .messages import text
from .state import keep

GRID_TABLE = "grid_table"
GRID_PICK = "grid_pick"


@st.cache_data(show_spinner=False, max_entries=16)
def _grid(folder: DataFolder, ask: str, date: str, lang: str) -> dict:
    # Keyed by the tables only (the caller passes folder.only("tables")): a view saved or an actor
    # dragged does not redraw the grid.
    G = data.graph(folder)
    return grid(as_of(G, date) if date else G, ask or None, data.dataset(folder).assessments, as_of=date, lang=lang)


@st.cache_data(show_spinner=False, max_entries=16)
def _picture(folder: DataFolder, ask: str, date: str, lang: str, fmt: str) -> bytes:
    G = data.graph(folder)
    return grid_bytes(_grid(folder, ask, date, lang), fmt, version=str(G.graph.get("version", "")), lang=lang)


@st.cache_data(show_spinner=False, max_entries=16)
def _screen(folder: DataFolder, ask: str, date: str, lang: str) -> str:
    """The grid for the page: an SVG drawn at the size it is shown, so its labels are 14 px or more.

    Inline rather than a picture: the text stays text (sharp at any zoom, found by the browser's
    search) and a browser test can measure each label.
    """
    G = data.graph(folder)
    svg = grid_bytes(
        _grid(folder, ask, date, lang),
        "svg",
        version=str(G.graph.get("version", "")),
        lang=lang,
        size=SCREEN_FIGSIZE,
        label_pt=SCREEN_LABEL_PT,
        min_pt=SCREEN_LABEL_PT,
    ).decode("utf-8")
    return svg[svg.index("<svg") :]  # no XML declaration or doctype inside the page


# The page's grid: our own matplotlib SVG (its texts escaped by matplotlib), put in as it is:
# st.html's sanitiser removes SVG. Never smaller than its natural size (unless the column is
# narrower): shrunk, its labels would no longer be the 14 px the picture was laid out for. In a
# shadow root, so the SVG's own style sheet stays inside it.
_svg_view = st.components.v2.component(
    "sne_grid_picture",
    html='<div class="sne-grid" role="img"></div>',
    # Its natural size (557 px tall) at least; on a taller screen as tall as the screen leaves it
    # (data[1]: the page's own height above and below it): at 1920x1080 the natural size filled a
    # third of the frame.
    css=".sne-grid svg{display:block;width:auto;max-width:100%;height:max(557px, calc(100vh - var(--sne-chrome, 230px)))}",
    js=(Path(__file__).parent / "components" / "grid.js").read_text("utf-8"),
)


def _open(actor: str) -> None:
    if actor:
        from . import explore  # here: explore's profile imports this module

        explore.open_drawer(actor)  # where the person looks, as a click on the map does


def _open_from_table(ids: list[str]) -> None:
    rows = (st.session_state.get(GRID_TABLE) or {}).get("selection", {}).get("rows", [])
    if rows:
        _open(ids[rows[0]])


def _open_from_pick() -> None:
    _open(st.session_state.get(GRID_PICK) or "")


def panel(G: nx.MultiDiGraph, lang: str) -> None:
    """The grid of the ask chosen (``grid_ask`` in the view, so in the link and saved views), as of the map's date."""
    folder = data.folder().only("tables")
    names, _ = data.actors(G)
    asks = ["", *map(str, grid_asks(G))]  # ids as the widget and the view hold them: text
    keep(keys.widget("grid_ask"), asks)
    ask = st.selectbox(
        t("grid_ask", lang),
        asks,
        format_func=lambda n: names.get(n, n) if n else t("all_asks", lang),
        key=keys.widget("grid_ask"),
    )
    date = st.session_state.get(keys.widget("as_of")) or ""
    g = _grid(folder, ask or "", date, lang)
    _svg_view(key="grid_picture", data=[_screen(folder, ask or "", date, lang), 230], height="content")
    st.caption(t("grid_intro", lang))
    ids = [str(r["id"]) for r in g["actors"]]
    st.selectbox(
        t("grid_open_profile", lang),
        ["", *ids],
        format_func=lambda n: names.get(n, n) if n else "—",
        key=GRID_PICK,
        on_change=_open_from_pick,
    )
    mark = {"data": t("from_data", lang), "assessment": t("from_assessment", lang)}
    st.dataframe(
        [
            {
                t("quadrant", lang): t("quadrant_" + r["quadrant"], lang),
                t("name", lang): r["name"],
                t("influence", lang): r["influence"],
                t("interest", lang): r["interest"],
                t("stance", lang): t("grid_stance_" + r["stance"], lang),
                t("why", lang): " · ".join(f"{mark[r['from'][k]]}: {r['why'][k]}" for k in ("influence", "interest")),
            }
            for r in g["actors"]
        ],
        hide_index=True,
        width="stretch",
        key=GRID_TABLE,
        on_select=lambda: _open_from_table(ids),
        selection_mode="single-row",
    )
    st.caption(" · ".join(f"{t('quadrant_' + q, lang)}: {len(g['quadrants'][q])}" for q in QUADRANTS))
    cols = st.columns(4)
    for col, fmt in zip(cols, ("png", "svg", "pdf", "pptx")):
        col.download_button(
            fmt.upper(),
            data=partial(_picture, folder, ask or "", date, lang, fmt),  # drawn when clicked, not on every rerun
            file_name=f"power-interest-grid.{fmt}",
            on_click="ignore",
            key=f"grid_download_{fmt}",
            width="stretch",
        )


def explain(G: nx.MultiDiGraph, actor: str, lang: str) -> None:
    """For the profile: where the actor sits on the grid of the chosen ask, and why (the data or the team's assessment)."""
    folder = data.folder().only("tables")
    ask = st.session_state.get(keys.widget("grid_ask")) or ""
    if ask and ask not in G:
        ask = ""
    date = st.session_state.get(keys.widget("as_of")) or ""
    g = _grid(folder, ask, date, lang)
    row = next((r for r in g["actors"] if r["id"] == actor), None)
    if row is None:
        return
    st.markdown(f"**{text(t('grid_in_profile', lang, ask=g['ask_name']))}:** {text(t('quadrant_' + row['quadrant'], lang))}")
    mark = {"data": t("from_data", lang), "assessment": t("from_assessment", lang)}
    st.dataframe(
        [
            {
                "": t(k, lang),
                t("value", lang): t("grid_stance_" + row[k], lang) if k == "stance" else f"{row[k]:g}",
                t("why", lang): f"{mark[row['from'][k]]}: {row['why'][k]}",
            }
            for k in ("influence", "interest", "stance")
        ],
        hide_index=True,
        width="stretch",
    )
    if len(row["trend"]) > 1:
        st.markdown(f"**{t('grid_trend', lang)}**")
        st.dataframe([{k: str(v) for k, v in a.items()} for a in row["trend"]], hide_index=True, width="stretch")


def slide(G: nx.MultiDiGraph, view: ViewState, lang: str) -> None:
    """The grid of the view's ask as a presentation slide: the picture alone, as big as the screen allows."""
    folder = data.folder().only("tables")
    # Drawn as the lens is (labels at 14 px or more at 1280x720): a 16:9 picture shrunk to the screen
    # had labels of about 8 px.
    picture = _screen(folder, view.grid_ask or "", view.as_of or "", lang)
    _svg_view(key="grid_slide", data=[picture, 90], height="content")  # under the slide's buttons only
