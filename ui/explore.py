"""The panels beside and under the map: actor profile, paths, brokers, coalitions."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import streamlit as st

from network.analysis import METRICS, community_groups, cosignature_coalitions, theme_support
from network.folder import DataFolder
from network.graph import Hop, path_rows, route_names
from network.i18n import t
from network.io.csvfile import csv_text
from network.profile import actor_profile
from network.standing import standing, standing_text
from network.view import ViewState

from . import data, engagements, keys, map_panel, state
from .messages import show, text


def metric_label(key: str, lang: str) -> str:
    # analysis calls the raw neighbour count "degree" and the normalised one "degree_centrality".
    return t({"degree": "metric_neighbours", "degree_centrality": "metric_degree"}.get(key, f"metric_{key}"), lang)


# A click on the map (or on the grid) opens the actor's profile in a drawer at the side, inside
# the viewport: under the map it opened ~540 px below the fold at 1280x720 and the click seemed
# to do nothing (issue 23).
OPEN_DRAWER = "_profile_drawer"  # open until its close button
DRAWER = "profile_drawer"  # the drawer's container
# On the left, over the sidebar: at 1280x720 it then covers 180 px of the map's 820 (on the right it
# covered 480, and often the actor just clicked). Wide enough for the relations table.
DRAWER_PX = 560
_LAST_PATH = "_last_path"  # the path's two ends the panels last saw: a new path opens its panel


def open_from_map() -> None:
    """The map's click callback: what the map does with it, and the profile's drawer for an actor."""
    map_panel.select_from_map()
    value = map_panel.value("selected")
    if value and not str(value).startswith("group:"):
        st.session_state[OPEN_DRAWER] = True


def open_drawer(actor: str) -> None:
    """Show ``actor``'s profile in the drawer on the next run; the panel under the map stays as it is."""
    st.session_state[keys.PROFILE_ACTOR] = actor
    st.session_state[OPEN_DRAWER] = True


def drawer_open() -> bool:
    return bool(st.session_state.get(OPEN_DRAWER))


def close_drawer() -> None:
    """Escape on the page (the map component tells), or the drawer's close button."""
    st.session_state[OPEN_DRAWER] = False


def drawer(G: nx.MultiDiGraph, lang: str, verified: frozenset[str] = frozenset()) -> bool:
    """The chosen actor's profile in a drawer on the left of the page, while it is open.

    Not a modal dialog: the map beside it takes the next click, which shows that actor here (a
    dialog caught it, and the click only closed the dialog).
    """
    actor: str = st.session_state.get(keys.PROFILE_ACTOR) or ""  # "" is no actor, as in the picker
    if not st.session_state.get(OPEN_DRAWER) or actor not in G:
        return False
    st.html(
        f"<style>.st-key-{DRAWER}{{position:fixed;top:0;left:0;bottom:0;width:min({DRAWER_PX}px,100vw);"
        "z-index:1000001;background:#fff;box-shadow:4px 0 18px rgba(0,0,0,.2);overflow-y:auto;"
        "padding:1rem 1.5rem 2rem;flex-wrap:nowrap}}</style>"
    )
    with st.container(key=DRAWER):
        name, close = st.columns([6, 1], vertical_alignment="center")
        name.subheader(text(G.nodes[actor].get("name", actor)), anchor=False)
        close.button("✕", key=f"{DRAWER}_close", on_click=close_drawer, help=t("close_profile", lang))
        _profile_body(G, actor, lang, verified)
    return True


def profile(G: nx.MultiDiGraph, lang: str, verified: frozenset[str] = frozenset(), *, in_drawer: bool = False) -> None:
    names, ordered = data.actors(G)
    options = ["", *ordered]
    if st.session_state.get(keys.PROFILE_ACTOR) not in options:
        st.session_state[keys.PROFILE_ACTOR] = ""
    actor = st.selectbox(
        t("profile_of", lang), options, format_func=lambda n: names.get(n, "—") if n else "—", key=keys.PROFILE_ACTOR
    )
    if not actor:
        st.caption(t("profile_hint", lang))
        return
    if in_drawer:  # drawn once per run: its tables have keys
        st.caption(t("profile_in_drawer", lang, name=text(names.get(actor, actor))))
        return
    st.subheader(text(names.get(actor, actor)), anchor=False)
    _profile_body(G, actor, lang, verified)


def _profile_body(G: nx.MultiDiGraph, actor: str, lang: str, verified: frozenset[str]) -> None:
    p = actor_profile(G, actor, lang=lang)
    facts = [(t("type", lang), p["type_label"]), (t("country", lang), p["country"]), (t("sector", lang), p["sector"])]
    if p["aliases"]:
        facts.append((t("aliases", lang), ", ".join(p["aliases"])))
    st.markdown("  \n".join(f"**{text(k)}:** {text(v)}" for k, v in facts if v))
    if p["description"]:
        st.text(p["description"])
    # Ranks in words: "degree 0.2292" meant nothing to a reader (issue 23).
    st.markdown(f"**{t('standing', lang)}**  \n" + "  \n".join(text(standing_text(s, lang)) for s in standing(G, actor)))
    engagements.profile_section(G, actor, lang)  # the grid's why and the engagement log (issue 14)
    sources = G.graph.get("sources", {})
    for key in ("documents_written", "documents_received"):
        if p[key]:
            st.markdown(f"**{t(key, lang)}**")
            st.dataframe(
                [
                    {t("document", lang): sources.get(d, {}).get("title", d), t("date", lang): sources.get(d, {}).get("date", "")}
                    for d in p[key]
                ],
                hide_index=True,
                width="stretch",
            )
    # One table of every relation, its type first: one table to sort and search, and one for the
    # browser to draw on each rerun instead of one per relation type (issue 13).
    relations = [(rel_label, r) for rel_label, rows in p["relations"].items() for r in rows]
    if relations:
        counts = " · ".join(f"{text(rel_label)} ({len(rows)})" for rel_label, rows in p["relations"].items())
        st.markdown(f"**{t('relations', lang)}:** {counts}")
        st.dataframe(
            [
                {
                    t("relation", lang): rel_label,
                    t("with", lang): r["other_name"],
                    "": {"out": "→", "in": "←", "mutual": "↔"}.get(r["direction"], ""),
                    t("date", lang): r["date"],
                    t("document", lang): r["document_title"] or r["source_doc"],
                    t("quote", lang): r["evidence"],
                    t("basis", lang): t(f"basis_{r.get('basis') or 'stated'}", lang),
                    **({t("verified", lang): "✓" if r.get("key") in verified else ""} if verified else {}),
                }
                for rel_label, r in relations
            ],
            hide_index=True,
            width="stretch",
        )


def follow_path(path_from: str, path_to: str) -> None:
    """A path newly asked for opens the Path panel under the map (it opened on the profile)."""
    pair = (path_from, path_to)
    if all(pair) and st.session_state.get(_LAST_PATH) != pair:
        st.session_state[keys.PANEL] = "path"
    st.session_state[_LAST_PATH] = pair


def path_here(G: nx.MultiDiGraph, box: Any, lang: str) -> None:
    """In the sidebar's Path section, under its pickers: the routes found, and the Path panel opened."""
    ends = [st.session_state.get(keys.widget(f)) or "" for f in ("path_from", "path_to")]
    follow_path(*ends)
    if not (box.open and all(ends)):
        return
    found = data.result(data.folder(), state.from_widgets().to_json()).paths
    with box:
        if found:
            route_lines(G, found, lang)
        else:
            st.caption(
                t("no_path", lang, a=text(G.nodes[ends[0]].get("name", ends[0])), b=text(G.nodes[ends[1]].get("name", ends[1])))
            )


def route_lines(G: nx.MultiDiGraph, found: list[list[Hop]], lang: str, limit: int = 3) -> None:
    """The routes found, hop by hop, where the path was asked for (the sidebar): the eye is there."""
    rows = path_rows(G, found[:limit], lang)

    def short(n: Hashable) -> str:  # the name the map shows (the short label), in a narrow sidebar
        return text(G.nodes[n].get("label") or G.nodes[n].get("name", n))

    for i, p in enumerate(found[:limit], 1):
        line = f"**{short(p[0].source)}**"
        for j, hop in enumerate(p, 1):
            r = next(r for r in rows if r["path"] == i and r["hop"] == j)  # the hop's first claim names it
            arrow = str(r["arrow"])
            line += f" {arrow} *{text(r['relation'])}* {arrow} **{short(hop.target)}**"
        st.markdown(f"{t('route', lang, i=i)}: {line}")
    if len(found) > limit:
        st.caption(t("routes_more", lang, n=len(found) - limit))


def paths(
    G: nx.MultiDiGraph, state: ViewState, found: list[list[Hop]], lang: str, verified: frozenset[str] = frozenset()
) -> None:
    if not (state.path_from and state.path_to):
        st.caption(t("path_hint", lang))
        return
    a, b = (text(G.nodes[n].get("name", n)) for n in (state.path_from, state.path_to))
    if not found:
        show("warning", t("no_path", lang, a=a, b=b))
        return
    show("success", t("paths_found", lang, n=len(found), hops=len(found[0]), a=a, b=b))
    for i, p in enumerate(found, 1):
        st.markdown(f"**{t('route', lang, i=i)}:** " + " → ".join(text(n) for n in route_names(G, p)))
    headers = {
        "path": t("path", lang),
        "hop": t("hop", lang),
        "from": t("from", lang),
        "arrow": "",
        "relation": t("relation", lang),
        "to": t("to", lang),
        "date": t("date", lang),
        "document": t("document", lang),
        "evidence": t("quote", lang),
        "basis": t("basis", lang),
    }
    rows = [{h: r[k] for k, h in headers.items()} for r in path_rows(G, found, lang)]
    for row, r in zip(rows, path_rows(G, found, lang)):
        row[headers["basis"]] = t(f"basis_{r['basis']}", lang)
        if verified:
            row[t("verified", lang)] = "✓" if r.get("key") in verified else ""
    st.dataframe(rows, hide_index=True, width="stretch")


def brokers(folder: DataFolder, state_json: str, lang: str) -> None:
    metric = st.selectbox(
        t("rank_by", lang), list(METRICS), index=1, format_func=lambda m: t(f"metric_{m}", lang), key=keys.RANK_METRIC
    )
    rows = data.ranked(folder, state_json, metric, lang)
    columns = ["id", "name", "type", "degree", "degree_centrality", "betweenness", "eigenvector", "pagerank"]
    headers = {c: metric_label(c, lang) if c not in ("id", "name", "type") else t(c, lang) for c in columns}
    st.dataframe([{headers[c]: r.get(c) for c in columns} for r in rows], hide_index=True, width="stretch", key="rank_table")
    # A byte-order mark, so Excel on Windows reads the accents right.
    data_bytes = csv_text(rows, columns).encode("utf-8-sig")
    st.download_button(t("download_csv", lang), data_bytes, file_name=f"ranking-{metric}.csv", mime="text/csv")


def coalitions(G: nx.MultiDiGraph, lang: str) -> None:
    names = {n: str(a.get("name", n)) for n, a in G.nodes(data=True)}
    st.markdown(f"**{t('communities', lang)}**")
    st.dataframe(
        [
            {"#": t("coalition_n", lang, n=i + 1), t("size", lang): len(m), t("members", lang): ", ".join(names[n] for n in m)}
            for i, m in enumerate(community_groups(G))
        ],
        hide_index=True,
        width="stretch",
    )
    sources = G.graph.get("sources", {})
    st.markdown(f"**{t('cosignature', lang)}**")
    st.dataframe(
        [
            {
                t("members", lang): ", ".join(c["names"]),
                t("source_docs", lang): "; ".join(sources.get(d, {}).get("title", d) for d in c["documents"]),
            }
            for c in cosignature_coalitions(G)
        ],
        hide_index=True,
        width="stretch",
    )
    st.markdown(f"**{t('theme_support', lang)}**")
    support = theme_support(G)
    st.dataframe(
        [
            {
                t("themes", lang): names[th],
                t("advocates", lang): len(actors),
                t("members", lang): ", ".join(names[a] for a in actors),
            }
            for th, actors in sorted(support.items(), key=lambda kv: (-len(kv[1]), names[kv[0]].casefold()))
        ],
        hide_index=True,
        width="stretch",
    )
