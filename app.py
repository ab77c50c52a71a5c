"""Streamlit page: widgets and layout only; every graph operation lives in network/."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from network import DataError, build_graph, load_dataset
from network.data import Dataset, default_data_dir
from network.i18n import t
from network.layout import compute_layout
from network.render import MapStyle, render_html


def _data_dir() -> str:
    return str(Path(os.environ["NETWORK_DATA_DIR"]) if os.environ.get("NETWORK_DATA_DIR") else default_data_dir())


def _stamp(folder: str) -> tuple[tuple[str, float, int], ...]:
    # Reload when a CSV changes on disk, even though loading is cached.
    out = []
    for name in ("actors.csv", "relations.csv", "sources.csv"):
        p = Path(folder) / name
        st_ = p.stat() if p.exists() else None
        out.append((name, st_.st_mtime if st_ else 0.0, st_.st_size if st_ else -1))
    return tuple(out)


@st.cache_data(show_spinner=False, max_entries=8)
def _load(folder: str, stamp: tuple[tuple[str, float, int], ...]) -> Dataset:
    return load_dataset(folder)


@st.cache_data(show_spinner=False, max_entries=32)
def _map_html(folder: str, stamp: tuple[tuple[str, float, int], ...], lang: str) -> str:
    G = build_graph(_load(folder, stamp))
    return render_html(G, compute_layout(G), MapStyle(lang=lang, height="740px"))


def _language() -> str:
    lang = st.query_params.get("lang", "en")
    lang = lang if lang in ("en", "nl") else "en"
    choice = st.sidebar.segmented_control(
        t("language", lang),
        ["en", "nl"],
        default=lang,
        format_func=lambda v: {"en": "English", "nl": "Nederlands"}[v],
        key="lang",
    )
    lang = choice or lang
    st.query_params["lang"] = lang
    return lang


def _show_problems(exc: DataError, lang: str) -> None:
    st.error(t("data_problems", lang))
    st.dataframe(
        [
            {"file": p.file, "line": p.line, "column": p.column, "problem": p.message, "severity": p.severity}
            for p in exc.problems
        ],
        hide_index=True,
        width="stretch",
    )


def main() -> None:
    st.set_page_config(page_title="Stakeholder Network Explorer", layout="wide")
    lang = _language()
    st.title(t("app_title", lang))
    folder = _data_dir()
    stamp = _stamp(folder)
    try:
        ds = _load(folder, stamp)
    except DataError as exc:
        _show_problems(exc, lang)
        return
    st.caption(
        t("counts", lang, actors=len(ds.actors), relations=len(ds.relations), sources=len(ds.sources))
        + f" · {t('data_version', lang)} {ds.version}"
    )
    if ds.warnings:
        with st.expander(f"{t('data_warnings', lang)} ({len(ds.warnings)})"):
            st.dataframe(
                [{"file": p.file, "line": p.line, "column": p.column, "warning": p.message} for p in ds.warnings],
                hide_index=True,
            )
    st.iframe(_map_html(folder, stamp, lang), height=760)


main()
