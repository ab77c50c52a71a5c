"""The panels beside and under the map: actor profile, paths, brokers, coalitions."""

from __future__ import annotations

import networkx as nx
import streamlit as st

from network.analysis import METRICS, actor_profile, community_groups, cosignature_coalitions, theme_support
from network.graph import Hop, path_rows, route_names
from network.i18n import t
from network.io.csvfile import csv_text
from network.view import ViewState

from . import data, engagements, keys
from .messages import show, text


def metric_label(key: str, lang: str) -> str:
    # analysis calls the raw neighbour count "degree" and the normalised one "degree_centrality".
    return t({"degree": "metric_neighbours", "degree_centrality": "metric_degree"}.get(key, f"metric_{key}"), lang)


def profile(G: nx.MultiDiGraph, lang: str, verified: frozenset[str] = frozenset()) -> None:
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
    p = actor_profile(G, actor, lang=lang)
    st.subheader(text(p["name"]), anchor=False)
    facts = [(t("type", lang), p["type_label"]), (t("country", lang), p["country"]), (t("sector", lang), p["sector"])]
    if p["aliases"]:
        facts.append((t("aliases", lang), ", ".join(p["aliases"])))
    st.markdown("  \n".join(f"**{text(k)}:** {text(v)}" for k, v in facts if v))
    if p["description"]:
        st.text(p["description"])
    st.dataframe(
        [{t("metric", lang): metric_label(k, lang), t("value", lang): v} for k, v in p["metrics"].items()],
        hide_index=True,
        width="stretch",
    )
    engagements.profile_section(G, actor, lang)  # the grid's why and the engagement log (issue 14)
    sources = G.graph.get("sources", {})
    for key in ("documents_written", "documents_received"):
        if p[key]:
            st.markdown(f"**{t(key, lang)}**")
            st.dataframe(
                [{"id": d, t("document", lang): sources.get(d, {}).get("title", d)} for d in p[key]],
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
                    t("document", lang): r["source_doc"],
                    t("quote", lang): r["evidence"],
                    t("basis", lang): t(f"basis_{r.get('basis') or 'stated'}", lang),
                    **({t("verified", lang): "✓" if r.get("key") in verified else ""} if verified else {}),
                }
                for rel_label, r in relations
            ],
            hide_index=True,
            width="stretch",
        )


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


def brokers(folder: str, stamp: data.Stamp, state_json: str, lang: str) -> None:
    metric = st.selectbox(
        t("rank_by", lang), list(METRICS), index=1, format_func=lambda m: t(f"metric_{m}", lang), key=keys.RANK_METRIC
    )
    rows = data.ranked(folder, stamp, state_json, metric, lang)
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
