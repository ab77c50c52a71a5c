"""The sidebar's view controls: filters (from the one filter registry), focus, path, appearance."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st

from network import vocabulary as vocab
from network.analysis import METRICS
from network.cache import per_graph
from network.filters import FILTERS, TOGGLE_FIELDS, TOGGLES, Filter, by_key
from network.i18n import t
from network.search import rank_actors
from network.stance import stance_targets
from network.view import CHOICES

from . import data, explore, keys, present, timeline
from .state import keep, section


@per_graph
def _options(G: nx.MultiDiGraph, key: str) -> list:
    # Worked out once per data version: each walks every actor or relation (0.4 s a run at 10,000).
    return by_key(key).options(G)


@per_graph
def _years(G: nx.MultiDiGraph) -> list[str]:
    return sorted({e.get("date", "")[:4] for *_, e in G.edges(data=True) if e.get("date")})


# The view's fields each section's widgets hold (every field but the language, which is on top).
FIELDS: dict[str, tuple[str, ...]] = {
    "filters": (*(f.key for f in FILTERS), "date_from", "date_to"),
    "as_of": ("as_of",),
    "focus": ("focus", "hops", "focus_mode"),
    "path": ("path_from", "path_to", "path_via_stances", "path_relation_types"),
    "appearance": (
        *("lens", "color_by", "stance_ask", "size_by", *TOGGLE_FIELDS),
        *("physics", "title", "overview", "expanded"),
    ),
}


def view_controls(G: nx.MultiDiGraph, lang: str) -> None:
    """The view's sections. A change in one reruns the page, as any Streamlit widget does."""
    _filters(G, lang)
    _as_of(G, lang)
    _focus(G, lang)
    _path(G, lang)
    _appearance(G, lang)


def _actor_label(G: nx.MultiDiGraph, names: dict, lang: str) -> Callable[[Any], str]:
    def label(n: Any) -> str:
        # The id too, so typing "min-buza" finds the minister (issue 23).
        return f"{names.get(n, n)} · {vocab.label(G.nodes[n].get('type', ''), lang)} · {n}" if n in G else str(n)

    return label


@per_graph
def _search_order(G: nx.MultiDiGraph) -> list:
    return rank_actors(G)


def _pick_many(key: str, options: list, format_func: Callable[[Any], str], box: Any, lang: str) -> None:
    # Nothing chosen means all of them. Checked against the data even while the section is shut.
    keep(keys.widget(key), options)
    if box.open:
        with box:
            st.multiselect(t(key, lang), options, format_func=format_func, key=keys.widget(key), placeholder=t("all", lang))


def _pick_actor(G: nx.MultiDiGraph, key: str, label: str, box: Any, lang: str) -> None:
    names, _ = data.actors(G)
    # The list keeps this order as it filters ("contains", not the browser's fuzzy score, which
    # put the shortest name first: "minister Kaag" before the minister): organisations before
    # people, the better connected first (network.search.rank_actors).
    ordered = _search_order(G)
    keep(keys.widget(key), [""] + ordered)
    if box.open:
        actor_label = _actor_label(G, names, lang)
        with box:
            st.selectbox(
                t(label, lang),
                [""] + ordered,
                format_func=lambda n: actor_label(n) if n else "—",
                key=keys.widget(key),
                filter_mode="contains",
            )


def _choice(key: str, label: str, label_of: Callable[[str], str], lang: str) -> None:
    st.radio(t(label, lang), list(CHOICES[key]), format_func=label_of, key=keys.widget(key), horizontal=True)


def _chosen(*fields: str) -> bool:
    return any(st.session_state.get(keys.widget(f)) for f in fields)


def _filters(G: nx.MultiDiGraph, lang: str) -> None:
    box = section("filters", t("filters", lang), holds=_chosen(*FIELDS["filters"]))
    for f in FILTERS:

        def label(v: str, f: Filter = f) -> str:  # this loop's filter, not the last one's
            return f.label(G, v, lang)

        _pick_many(f.key, _options(G, f.key), label, box, lang)
    if box.open:
        with box:
            _date_range(G, lang)


def _as_of(G: nx.MultiDiGraph, lang: str) -> None:
    timeline.controls(G, lang)  # the map "as of" a date, with play (issue 14)


def _focus(G: nx.MultiDiGraph, lang: str) -> None:
    box = section("focus", t("focus", lang), holds=_chosen("focus"))
    _pick_actor(G, "focus", "focus_actor", box, lang)
    if box.open:
        with box:
            st.slider(t("hops", lang), 1, 3, key=keys.widget("hops"))
            _choice("focus_mode", "others", lambda v: t(f"others_{v}", lang), lang)


def _path(G: nx.MultiDiGraph, lang: str) -> None:
    box = section("path", t("path", lang), holds=_chosen("path_from", "path_to"))
    _pick_actor(G, "path_from", "path_from", box, lang)
    _pick_actor(G, "path_to", "path_to", box, lang)
    explore.path_here(G, box, lang)  # the hops right under the pickers, and the Path panel opened
    types = by_key("relation_types")
    if box.open:
        with box:
            st.checkbox(t("path_via_stances", lang), key=keys.widget("path_via_stances"), help=t("path_via_stances_help", lang))
    _pick_many("path_relation_types", _options(G, "relation_types"), lambda v: types.label(G, v, lang), box, lang)


def _appearance(G: nx.MultiDiGraph, lang: str) -> None:
    targets: list[str] = []
    if st.session_state.get(keys.widget("color_by")) == "stance":
        targets = [str(n) for n in stance_targets(G)]  # ids as the widget and the view hold them: text
        keep(keys.widget("stance_ask"), [""] + targets)
    box = section("appearance", t("appearance", lang))
    if box.open:
        with box:
            _appearance_controls(G, lang, targets)


def _appearance_controls(G: nx.MultiDiGraph, lang: str, targets: list[str]) -> None:
    names, _ = data.actors(G)
    _choice("lens", "lens", lambda v: t(f"lens_{v}", lang), lang)
    _choice("color_by", "color_by", lambda v: t(f"color_{v}", lang), lang)
    if st.session_state.get(keys.widget("color_by")) == "stance":
        st.selectbox(
            t("stance_ask", lang),
            [""] + targets,
            format_func=lambda n: names.get(n, n) if n else "—",
            key=keys.widget("stance_ask"),
        )
    st.selectbox(
        t("size_by", lang),
        ["", *METRICS],
        format_func=lambda m: t(f"metric_{m}" if m else "size_none", lang),
        key=keys.widget("size_by"),
    )
    for option in TOGGLES:  # the appearance options' one registry (filters.TOGGLES)
        st.toggle(t(option.key, lang), key=keys.widget(option.key), help=t(f"{option.key}_help", lang))
    st.toggle(t("physics", lang), key=keys.widget("physics"), help=t("physics_help", lang))
    st.text_input(t("title", lang), key=keys.widget("title"), max_chars=120)
    st.selectbox(
        t("overview", lang),
        list(CHOICES["overview"]),
        format_func=lambda v: t(f"overview_{v or 'off'}", lang),
        key=keys.widget("overview"),
        help=t("overview_help", lang),
    )
    if st.session_state.get(keys.widget("overview")):
        st.multiselect(
            t("expanded", lang),
            st.session_state.get(keys.widget("expanded")) or [],
            key=keys.widget("expanded"),
            placeholder=t("expanded_hint", lang),
        )


def _date_range(G: nx.MultiDiGraph, lang: str) -> None:
    years = _years(G)
    if len(years) < 2:
        return
    lo = st.session_state.get(keys.widget("date_from")) or years[0]
    hi = st.session_state.get(keys.widget("date_to")) or years[-1]
    lo, hi = (lo[:4] if lo[:4] in years else years[0]), (hi[:4] if hi[:4] in years else years[-1])
    picked = st.select_slider(t("date_range", lang), options=years, value=(lo, hi), key=keys.DATE_SLIDER)
    st.session_state[keys.widget("date_from")] = "" if picked[0] == years[0] else picked[0]
    st.session_state[keys.widget("date_to")] = "" if picked[1] == years[-1] else picked[1]


_LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}


@functools.cache
def _language_control() -> Any:
    # Our own control, not Streamlit's: it tells the map of a choice at once (ui/components/language.js).
    here = Path(__file__).parent / "components"
    buttons = "".join(
        f'<button type="button" role="radio" aria-checked="false" data-code="{code}">{name}</button>'
        for code, name in _LANGUAGE_NAMES.items()
    )
    return st.components.v2.component(
        "sne_language",
        html=f'<div class="sne-language" role="radiogroup">{buttons}</div>',
        js=(here / "language.js").read_text("utf-8"),
        css=(here / "language.css").read_text("utf-8"),
    )


def _language_changed() -> None:
    chosen = (st.session_state.get(keys.LANGUAGE) or {}).get("lang")
    if chosen in vocab.LANGUAGES and chosen != st.session_state.get(keys.widget("lang")):
        st.session_state[keys.widget("lang")] = chosen
        st.session_state[keys.RELANG] = True


def top(lang: str) -> str:
    with st.sidebar:
        st.caption(t("language", lang))
        _language_control()(
            key=keys.LANGUAGE,
            data=[{"label": t("language", lang), "current": lang}],
            on_lang_change=_language_changed,
        )
    lang = st.session_state.get(keys.widget("lang")) or "en"
    st.session_state[keys.LANG] = lang
    st.sidebar.button(t("present", lang), key="present_on", on_click=present.start, icon=":material/slideshow:", width="stretch")
    return lang
