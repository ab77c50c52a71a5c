"""The panels of issue 14 wired as the report asks app.py to wire them: the app's sidebar and profile,
then the grid lens, the follow-ups and the comparison as tabs. Unit (AppTest) and browser tests run it."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, as for app.py

from network import DataError  # noqa: E402
from network.i18n import t  # noqa: E402
from network.model import problem_rows  # noqa: E402
from ui import data, engagements, explore, grid, sidebar, state, timeline  # noqa: E402

st.set_page_config(page_title="Stakeholder analysis", layout="wide")
lang = st.query_params.get("lang", "en")
lang = lang if lang in ("en", "nl") else "en"
folder = data.folder()
try:
    data.dataset(folder)
except DataError as exc:
    st.error(t("data_problems", lang))
    st.dataframe(problem_rows(exc.problems), hide_index=True)
    st.stop()
G = data.graph(folder)
state.init_from_url(G)
sidebar.view_controls(G, lang)
view = state.from_widgets()
state.sync_url(view)
result = data.result(folder, view.to_json())
st.caption(result.caption)
with st.container(height=500, border=False):
    explore.profile(G, lang)
tabs = {"grid": t("grid", lang), "compare": t("compare", lang)}
if engagements.visible():
    tabs["follow_ups"] = t("follow_ups", lang)
panels = dict(zip(tabs, st.tabs(list(tabs.values()))))
with panels["grid"]:
    grid.panel(G, lang)
with panels["compare"]:
    timeline.compare_panel(folder, G, lang)
if "follow_ups" in panels:
    with panels["follow_ups"]:
        engagements.panel(folder, view, lang)
