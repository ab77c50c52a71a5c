"""The asks table: who is for, against or conditional on each ask; a cell opens its quotes (issue 15)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx
import streamlit as st

from network.i18n import t
from network.stance import STANCE_RELATIONS, STANCES, asks_csv, asks_xlsx, stance, stance_matrix
from network.vocabulary import label

from .messages import text

__all__ = ["panel", "cell_text", "matrix_rows"]

# Session keys of this panel (none starts with the view widgets' prefix: they are not part of the view).
TABLE = "asks_table"
ASK = "asks_ask"
ACTOR = "asks_actor"
LAST_CELL = "_asks_last_cell"
ACTOR_COLUMN = "_actor"

SYMBOLS = {"for": "✔", "against": "✖", "conditional": "◐"}
# Light tints of the stance colours: the word and the symbol carry the meaning, the tint helps the eye.
TINTS = {"for": "#D5EAD8", "against": "#F5D6CF", "conditional": "#F2EED5"}


def cell_text(cell: Mapping[str, Any], lang: str) -> str:
    """What a cell of the matrix shows: symbol, stance, "inferred" when it rests on readings only, and its documents."""
    inferred = all(r["basis"] == "inferred" for r in cell["relations"])
    words = f"{SYMBOLS[cell['stance']]} {t('stance_' + cell['stance'], lang)}"
    if inferred:
        words += f" ({t('inferred', lang)})"
    return f"{words} · {', '.join(cell['documents'])}" if cell["documents"] else words


def matrix_rows(G: nx.MultiDiGraph, m: Mapping[str, Any], lang: str) -> list[dict[str, str]]:
    """One row per actor: its name, then a cell per ask (column keyed by the ask's id)."""
    rows = []
    for actor in m["actors"]:
        row = {ACTOR_COLUMN: str(G.nodes[actor].get("name", actor))}
        for ask in m["asks"]:
            cell = m["cells"].get((actor, ask))
            row[str(ask)] = cell_text(cell, lang) if cell else ""
        rows.append(row)
    return rows


def _tint(value: object) -> str:
    for s, symbol in SYMBOLS.items():
        if isinstance(value, str) and value.startswith(symbol):
            return f"background-color: {TINTS[s]}; color: #222222"
    return ""


def _follow_cell(m: Mapping[str, Any], cells: list[Any]) -> None:
    """A newly clicked cell chooses its ask and actor in the pickers below the table."""
    if not cells:
        st.session_state.pop(LAST_CELL, None)
        return
    row, column = cells[0][0], cells[0][1]
    if st.session_state.get(LAST_CELL) == (row, column):
        return  # the same selection as last run: the pickers may have moved on since
    st.session_state[LAST_CELL] = (row, column)
    asks_by_key = {str(a): a for a in m["asks"]}
    if 0 <= row < len(m["actors"]):
        st.session_state[ACTOR] = m["actors"][row]
    if column in asks_by_key:
        st.session_state[ASK] = asks_by_key[column]


def _relation_rows(G: nx.MultiDiGraph, rels: list[Mapping[str, str]], lang: str, who: str = "") -> list[dict[str, str]]:
    rows = []
    for r in rels:
        row = {t("actor", lang): who} if who else {}
        row.update(
            {
                t("relation", lang): label(r["type"], lang, "relation"),
                t("basis", lang): t("basis_" + r["basis"], lang) if r["basis"] in ("stated", "inferred") else r["basis"],
                t("date", lang): r["date"],
                t("document", lang): r["document"],
                t("quote", lang): r["evidence"],
                t("note", lang): r["note"],
            }
        )
        rows.append(row)
    return rows


def _mixed(entry: Mapping[str, Any]) -> bool:
    return len({STANCE_RELATIONS[r["type"]] for r in entry["relations"]}) > 1


def _quotes(G: nx.MultiDiGraph, ask: Hashable, actor: Hashable | None, lang: str) -> None:
    s = stance(G, ask)
    if actor:
        entry, where = next(((e, k) for k in STANCES for e in s[k] if e["id"] == actor), (None, ""))
        name = text(G.nodes[actor].get("name", actor))
        if entry is None:
            st.caption(t("asks_no_cell", lang, actor=name, ask=text(s["name"])))
            return
        st.markdown(f"**{name}** · {text(t('stance_' + where + '_ask', lang, ask=s['name']))}")
        if _mixed(entry):
            st.caption(t("stance_mixed", lang, date=text(max(r["date"] for r in entry["relations"]))))
        st.dataframe(_relation_rows(G, entry["relations"], lang), hide_index=True, width="stretch")
        return
    for k in STANCES:
        st.markdown(f"**{SYMBOLS[k]} {text(t('stance_' + k + '_ask', lang, ask=s['name']))}** ({len(s[k])})")
        if not s[k]:
            st.caption(t("nobody", lang))
            continue
        rows = [row for e in s[k] for row in _relation_rows(G, e["relations"], lang, who=e["name"])]
        st.dataframe(rows, hide_index=True, width="stretch")


def panel(G: nx.MultiDiGraph, lang: str) -> None:
    """The asks table of ``G`` (pass the whole data's graph: the map's view hides the asks themselves)."""
    m = stance_matrix(G)
    if not m["asks"]:
        st.caption(t("asks_none", lang))
        return
    names = {n: str(G.nodes[n].get("name", n)) for n in [*m["asks"], *m["actors"]]}
    st.caption(t("asks_intro", lang))
    import pandas as pd

    frame = pd.DataFrame(matrix_rows(G, m, lang), columns=[ACTOR_COLUMN, *map(str, m["asks"])])
    config: dict[str, Any] = {ACTOR_COLUMN: st.column_config.TextColumn(t("actor", lang), pinned=True)}
    config.update({str(a): st.column_config.TextColumn(names[a], width="medium") for a in m["asks"]})
    event = st.dataframe(
        frame.style.map(_tint),
        hide_index=True,
        column_config=config,
        key=TABLE,
        on_select="rerun",
        selection_mode="single-cell",
        width="stretch",
    )
    _follow_cell(m, list(getattr(getattr(event, "selection", None), "cells", None) or []))
    st.caption(t("asks_cell_hint", lang))

    if st.session_state.get(ASK) not in m["asks"]:
        st.session_state[ASK] = m["asks"][0]
    left, right = st.columns(2)
    with left:
        ask = st.selectbox(t("ask", lang), m["asks"], format_func=lambda a: names.get(a, str(a)), key=ASK)
    here = [""] + [a for a in m["actors"] if (a, ask) in m["cells"]]
    if st.session_state.get(ACTOR) not in here:
        st.session_state[ACTOR] = ""
    with right:
        actor = st.selectbox(
            t("actor", lang), here, format_func=lambda a: names.get(a, str(a)) if a else t("everyone", lang), key=ACTOR
        )
    _quotes(G, ask, actor or None, lang)

    a, b = st.columns(2)
    a.download_button(
        t("download_csv", lang), asks_csv(G, lang), file_name="asks.csv", mime="text/csv", key="asks_csv", on_click="ignore"
    )
    b.download_button(
        t("download_xlsx", lang),
        lambda: asks_xlsx(G, lang),
        file_name="asks.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="asks_xlsx",
        on_click="ignore",
    )
