"""The asks table: who is for, against or conditional on each ask, one row per ask; a row opens its quotes (issues 15, 23)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx
import streamlit as st

from network.i18n import t
from network.stance import STANCE_RELATIONS, STANCES, asks_csv, asks_xlsx, cell_words, stance, stance_matrix
from network.vocabulary import label

from .messages import text

__all__ = ["panel", "ask_rows", "short_title"]

# Session keys of this panel (none starts with the view widgets' prefix: they are not part of the view).
ASK = "asks_ask"
ACTOR = "asks_actor"

SYMBOLS = {"for": "✔", "against": "✖", "conditional": "◐"}
COLUMNS = ("ask", "for", "against", "conditional", "documents")


def short_title(source: Mapping[str, Any], limit: int = 60) -> str:
    """A document as a table cell names it: its title up to a colon or a gloss in brackets, and its year.

    Examples
    --------
    >>> short_title({"title": "Brief over opschaling via de SER (letter on scaling up)", "date": "2026-05-07"})
    'Brief over opschaling via de SER (2026)'
    >>> short_title({"title": "De kracht van de Dutch Diamond: investeren in sterke partners", "date": "2026"})
    'De kracht van de Dutch Diamond (2026)'
    >>> short_title({"title": "Brief", "date": "before 2020-12-08"})
    'Brief (2020)'
    """
    import re
    import textwrap

    title = re.split(r": | \(", str(source.get("title", "")), maxsplit=1)[0].strip() or str(source.get("id", ""))
    year = re.search(r"\d{4}", str(source.get("date", "")))
    title = textwrap.shorten(title, limit, placeholder=" …")
    return f"{title} ({year.group(0)})" if year else title


def _who(entry: Mapping[str, Any], lang: str) -> str:
    marks = [t("stance_for_with_concerns", lang)] if entry.get("label") == "for_with_concerns" else []
    marks += [t("stance_read", lang)] if entry.get("basis") == "inferred" else []
    return str(entry["name"]) + (f" ({'; '.join(marks)})" if marks else "")


def ask_rows(G: nx.MultiDiGraph, m: Mapping[str, Any], lang: str) -> list[dict[str, str]]:
    """One row per ask (the 31 asks were 31 columns, cut off at 1280x720): who is for, against,
    conditional, and the documents by title (issue 23).

    Keys ``COLUMNS``; an actor for it with concerns, or whose stance is only read into the text,
    is marked so, as the command line marks it.
    """
    sources = G.graph.get("sources") or {}
    rows = []
    for ask in m["asks"]:
        s = stance(G, ask)
        docs = sorted({r["source_doc"] for k in STANCES for e in s[k] for r in e["relations"] if r["source_doc"]})
        row = {"ask": str(G.nodes[ask].get("label") or s["name"])}
        row.update({k: ", ".join(_who(e, lang) for e in s[k]) for k in STANCES})
        row["documents"] = "; ".join(short_title(sources.get(d) or {"title": d}) for d in docs)
        rows.append(row)
    return rows


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
    return bool(entry.get("changed", len({STANCE_RELATIONS[r["type"]] for r in entry["relations"]}) > 1))


def _quotes(G: nx.MultiDiGraph, ask: Hashable, actor: Hashable | None, lang: str) -> None:
    s = stance(G, ask)
    if actor:
        entry, where = next(((e, k) for k in STANCES for e in s[k] if e["id"] == actor), (None, ""))
        name = text(G.nodes[actor].get("name", actor))
        if entry is None:
            st.caption(t("asks_no_cell", lang, actor=name, ask=text(s["name"])))
            return
        st.markdown(f"**{name}** · {text(cell_words(entry, lang))} · {text(s['name'])}")
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
    # A plain table, one row per ask: it wraps long names and titles to the column's width and
    # is on screen at once (the styled grid of 31 ask columns was cut off at 1280x720 and sat
    # as an empty grey box for seconds before it drew). The quotes are one pick away below it.
    headers = {
        "ask": t("ask", lang),
        "for": f"{SYMBOLS['for']} {t('stance_for', lang)}",
        "against": f"{SYMBOLS['against']} {t('stance_against', lang)}",
        "conditional": f"{SYMBOLS['conditional']} {t('stance_conditional', lang)}",
        "documents": t("documents", lang),
    }
    st.table([{headers[k]: r[k] for k in COLUMNS} for r in ask_rows(G, m, lang)], hide_index=True, border="horizontal")
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
