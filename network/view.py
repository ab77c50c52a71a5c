"""A view: everything that decides what the map shows, as one plain, serialisable state.

The app, the command line, saved views and shareable links all go through
``ViewState`` and ``apply_view``, so the same state always gives the same map.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from . import vocabulary as vocab
from .cache import per_graph
from .filters import DATE_FIELDS, FILTERS, LENSES, TOGGLE_FIELDS, VALUE_FILTERS
from .graph import Hop, UnknownActorError, filter_graph, neighbourhood, resolve_actor, shortest_paths
from .i18n import t
from .layout import compute_layout
from .overview import aggregate, group_sizes
from .style import COALITION_COLORS, MapStyle
from .timeline import as_of_notes, new_relations

__all__ = ["ViewState", "ViewResult", "apply_view", "initial_state", "describe", "COALITION_COLORS", "LIST_FIELDS", "CHOICES"]

LIST_FIELDS = (*VALUE_FILTERS, "path_relation_types", "expanded")
# Choices of the fields that take one of a few values: the view, the sidebar and the CLI read them here.
CHOICES: dict[str, tuple[str, ...]] = {
    "focus_mode": ("hide", "dim"),
    "color_by": ("type", "community", "stance"),
    "overview": ("", "type", "community", "country"),
    "contact_by": ("", "color", "size"),  # time since last contact (the internal engagement log; issue 14)
    "lens": ("map", "grid"),  # what the view shows: the network, or the power-interest grid of grid_ask
}

# One list field per declared filter (filters.FILTERS), the date range, and one switch per
# appearance option (filters.TOGGLES: show asks, show people, every claim its own line).
_Filters = dataclasses.make_dataclass(
    "_Filters",
    [(key, list[str], field(default_factory=list)) for key in VALUE_FILTERS]
    + [(name, str, field(default="")) for name in DATE_FIELDS]
    + [(name, bool, field(default=False)) for name in TOGGLE_FIELDS],
)


@dataclass
class ViewState(_Filters):  # type: ignore[valid-type,misc]
    """What the map shows. Empty lists mean "no filter"."""

    lang: str = "en"
    focus: str = ""
    hops: int = 1
    focus_mode: str = "hide"  # "hide" the rest, or "dim" it
    path_from: str = ""
    path_to: str = ""
    path_relation_types: list[str] = field(default_factory=list)
    path_via_stances: bool = False  # allow paths through themes and laws
    color_by: str = "type"  # "type", "community" or "stance" (on stance_ask)
    stance_ask: str = ""  # the ask (id or name) whose for / against / conditional actors "stance" colours
    size_by: str = ""  # "" or a metric name
    physics: bool = False
    title: str = ""
    overview: str = ""  # "", or group actors by "type", "community" or "country"
    expanded: list[str] = field(default_factory=list)  # overview groups opened into their actors
    # Issue 14: the power-interest grid's ask, the map by last contact, and two dates compared.
    grid_ask: str = ""  # "" = all asks
    lens: str = "map"  # "map" or "grid": a saved view (a slide) can be the power-interest grid
    contact_by: str = ""  # "", "color" or "size": by time since the last engagement (never in exports by default)
    stale_months: int = 0  # flag allies of grid_ask with no contact in this many months (0 = off)
    compare_from: str = ""
    compare_to: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Only what differs from the default: small, readable JSON and short links."""
        default = ViewState()
        return {
            f.name: getattr(self, f.name) for f in dataclasses.fields(self) if getattr(self, f.name) != getattr(default, f.name)
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ViewState:
        """Build a state from a dict, ignoring unknown keys and values of the wrong kind."""
        state = cls()
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name in LIST_FIELDS:
                if isinstance(value, str):
                    value = [v for v in value.split(",") if v]
                if isinstance(value, list | tuple):
                    setattr(state, f.name, [str(v) for v in value])
            elif f.name == "hops":
                try:
                    setattr(state, f.name, max(1, min(3, int(value))))
                except (TypeError, ValueError):
                    pass
            elif f.name == "stale_months":
                try:
                    setattr(state, f.name, max(0, min(120, int(value))))
                except (TypeError, ValueError):
                    pass
            elif f.name in ("physics", "path_via_stances", *TOGGLE_FIELDS):
                setattr(state, f.name, value in (True, "true", "1", 1))
            elif isinstance(value, str | int | float):
                setattr(state, f.name, str(value))
        if state.lang not in vocab.LANGUAGES:
            state.lang = "en"
        for name, allowed in CHOICES.items():
            if getattr(state, name) not in allowed:
                setattr(state, name, allowed[0])
        return state

    def to_query(self) -> dict[str, str | list[str]]:
        """URL query parameters for a shareable link; a list becomes a repeated parameter.

        (Not comma-joined: sector names such as "mining, palm oil" contain commas.)
        """
        out: dict[str, str | list[str]] = {}
        for k, v in self.to_dict().items():
            out[k] = [str(x) for x in v] if isinstance(v, list) else ("true" if v is True else str(v))
        return out

    @classmethod
    def from_query(cls, params: Mapping[str, str | list[str]]) -> ViewState:
        """The state in URL parameters; list fields take every value of a repeated parameter."""
        data: dict[str, Any] = {}
        for k, v in params.items():
            if k in LIST_FIELDS:
                data[k] = [v] if isinstance(v, str) else list(v)
            else:
                data[k] = v[-1] if isinstance(v, list) and v else v
        return cls.from_dict(data)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@dataclass
class ViewResult:
    """The graph to draw, how to draw it, and what to say about it."""

    graph: nx.MultiDiGraph
    style: MapStyle
    caption: str
    notes: list[str]  # things in the state that no longer exist, said plainly
    focus: Hashable | None = None
    path_ends: tuple[Hashable, Hashable] | None = None
    paths: list[list[Hop]] = field(default_factory=list)
    communities: dict[Hashable, int] = field(default_factory=dict)
    # Where to draw the nodes: None means the whole data set's layout (the same place in every view);
    # an overview has its own, since its nodes are groups.
    positions: dict[Hashable, tuple[float, float]] | None = None
    hidden: dict[str, int] = field(default_factory=dict)  # lens type -> actors the view leaves off


def _resolve(G: nx.MultiDiGraph, name: str, what: str, lang: str, notes: list[str]) -> Hashable | None:
    if not name:
        return None
    try:
        return resolve_actor(G, name)
    except UnknownActorError as exc:
        hint = t("did_you_mean", lang, names=", ".join(exc.matches)) if exc.matches else ""
        notes.append(t("note_missing_actor", lang, what=t(what, lang), name=name, hint=hint))
        return None


def lens_types(G: nx.MultiDiGraph) -> list[str]:
    """The lens types (``filters.LENSES``) that the opening map of ``G`` leaves off.

    A type is a lens only where the data makes it one: a minority of the actors, whose
    hiding leaves most relations on the map (our curated people in public roles and our
    asks). A map of people (a common Kumu map) opens showing them: hiding them would hide
    every connection (issue 25).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"type": "ngo"}), ("b", {"type": "ngo"}), ("p", {"type": "person"})])
    >>> _ = G.add_edge("a", "b"); _ = G.add_edge("p", "a")
    >>> lens_types(G)
    ['person']
    >>> H = nx.MultiDiGraph(G); _ = H.add_edge("p", "b"); lens_types(H)
    []
    """
    return list(_lens_types(G))


@per_graph
def _lens_types(G: nx.MultiDiGraph) -> tuple[str, ...]:
    types = {n: a.get("type") for n, a in G.nodes(data=True)}
    out = []
    for atype in LENSES:
        members = {n for n, ty in types.items() if ty == atype}
        if not members or 2 * len(members) >= len(types):
            continue
        touching = sum(1 for u, v in G.edges() if u in members or v in members)
        if 2 * touching <= G.number_of_edges():
            out.append(atype)
    return tuple(out)


def _lenses(
    G: nx.MultiDiGraph, H: nx.MultiDiGraph, state: ViewState, themes: list[str]
) -> tuple[nx.MultiDiGraph, dict[str, int]]:
    """``H`` without the lens types (asks, people) the state does not show, and how many of each went.

    The opening map shows organisations, programmes and laws; "who stands with us on X" is
    one click away (a theme filter or focus), and the people in public roles appear on demand.
    A filter by their type or a focus or path that names one shows them too.
    """
    named = set()
    for name in filter(None, [state.focus, state.path_from, state.path_to]):
        try:
            named.add(G.nodes[resolve_actor(G, name)].get("type"))
        except UnknownActorError:
            pass
    hidden = set()
    for atype in lens_types(G):
        shown = getattr(state, LENSES[atype].key) or atype in state.actor_types or atype in named
        if atype == "theme":
            shown = shown or bool(themes) or state.path_via_stances
        if not shown:
            hidden.add(atype)
    drop = {n for n, a in H.nodes(data=True) if a.get("type") in hidden}
    if not drop:
        return H, {}
    counts = {atype: sum(1 for n in drop if H.nodes[n].get("type") == atype) for atype in sorted(hidden)}
    # Built from the kept nodes and edges directly: nx.MultiDiGraph(H.subgraph(...)) walks a
    # filtered view and cost a second at 10,000 actors, and a view would slow every later pass.
    out: nx.MultiDiGraph = nx.MultiDiGraph()
    out.graph.update(H.graph)
    out.add_nodes_from((n, a) for n, a in H.nodes(data=True) if n not in drop)
    # The stubs know (u, v) and (u, v, data) edges only; a multigraph also takes (u, v, key, data).
    out.add_edges_from((u, v, k, e) for u, v, k, e in H.edges(keys=True, data=True) if u not in drop and v not in drop)  # type: ignore[misc]
    return out, {k: v for k, v in counts.items() if v}


def apply_view(
    G: nx.MultiDiGraph,
    state: ViewState,
    today: _dt.date | None = None,
    engagements: Sequence[Mapping[str, str]] | None = None,
) -> ViewResult:
    """Filter, focus, find paths and style ``G`` as ``state`` says.

    Anything the state names that is not in the data (an actor, a type, a document)
    is dropped with a note instead of an error, so old links and views still open.
    ``engagements`` is the internal engagement log, as ``rights.engagement_log`` hands it to an
    editor: with it, ``state.contact_by`` colours or sizes actors by their last contact and
    ``state.stale_months`` marks the allies of ``state.grid_ask`` not met for that long. Without
    it (a viewer, an export) those fields draw nothing.
    """
    lang = state.lang
    notes: list[str] = []
    lists: dict[str, list[str]] = {}
    for f in FILTERS:
        values = getattr(state, f.key)
        if not values:
            lists[f.key] = []
            continue
        known = set(G.nodes) if f.kind == "actor" else set(f.options(G))
        if f.kind == "actor_type":
            known |= set(vocab.ACTOR_TYPES)
        elif f.kind == "relation_type":
            known |= set(vocab.RELATION_TYPES)
        name = f.key
        missing = [v for v in values if v not in known]
        if missing:
            notes.append(t("note_missing_values", lang, what=t(name, lang), values=", ".join(missing)))
        lists[name] = [v for v in values if v in known]
        if values and not lists[name]:
            lists[name] = ["\0none"]  # everything named is gone: show nothing rather than everything
    H = filter_graph(G, date_from=state.date_from, date_to=state.date_to, as_of=state.as_of, **lists)
    if state.as_of:
        # Dates as precise as the documents (issue 24): say what the map on this date cannot know to the day.
        notes += as_of_notes(filter_graph(G, date_from=state.date_from, date_to=state.date_to, **lists), state.as_of, lang)

    H, lensed = _lenses(G, H, state, lists.get("themes", []))
    style = MapStyle(lang=lang, physics=state.physics, title=state.title, every_claim=state.every_claim)
    result = ViewResult(H, style, "", notes)
    # Paths are found on the filtered graph before a focus hides anything, and stay visible.
    a = _resolve(G, state.path_from, "path_from", lang, notes)
    b = _resolve(G, state.path_to, "path_to", lang, notes)
    on_path: set[Hashable] = set()
    if a is not None and b is not None:
        result.path_ends = (a, b)
        if a in H and b in H:
            result.paths = shortest_paths(H, a, b, state.path_relation_types, via_stances=state.path_via_stances)
        on_path = {n for p in result.paths for h in p for n in (h.source, h.target)}
        style.highlight_edges = frozenset((r["u"], r["v"], r["key"]) for p in result.paths for h in p for r in h.relations)

    if state.as_of and not style.highlight_edges:
        # The map through time: what appeared at this step stands out.
        style.highlight_edges = new_relations(H, state.as_of)
    focus = _resolve(G, state.focus, "focus", lang, notes)
    if focus is not None and focus not in H:
        notes.append(t("note_focus_filtered", lang, name=G.nodes[focus].get("name", focus)))
        focus = None
    if focus is not None:
        near = neighbourhood(H, focus, state.hops) | on_path
        if state.focus_mode == "hide":
            H = nx.MultiDiGraph(H.subgraph(near))
            H.graph.update(G.graph)
            result.graph = H
        else:
            style.dimmed = frozenset(set(H.nodes) - near)
    result.focus = focus
    style.highlight_nodes = frozenset(on_path | ({focus} if focus is not None else set()))

    if state.size_by:
        from .analysis import METRICS, centrality

        if state.size_by in METRICS:
            values = centrality(H, state.size_by)
            top = max(values.values(), default=0) or 1
            style.sizes = {n: round(10 + 40 * (v / top), 1) for n, v in values.items()}
        else:
            notes.append(t("note_missing_values", lang, what=t("size_by", lang), values=state.size_by))
    if state.color_by == "community":
        from .analysis import communities

        result.communities = communities(H)
        style.colors = {n: COALITION_COLORS[c] if c < len(COALITION_COLORS) else "#BBBBBB" for n, c in result.communities.items()}
        count = max(result.communities.values(), default=-1) + 1
        style.color_legend = [
            (t("coalition_n", lang, n=i + 1), COALITION_COLORS[i]) for i in range(min(count, len(COALITION_COLORS)))
        ]
        if count > len(COALITION_COLORS):
            style.color_legend.append((t("coalition_other", lang), "#BBBBBB"))
    if state.color_by == "stance":
        _stance_style(G, state, lists, style, notes)
    if engagements is not None:
        _contact_style(G, H, state, engagements, today, style)
    changes: dict[str, Any] = {k: [v for v in lists[k] if v != "\0none"] for k in lists}
    if result.path_ends:
        changes |= {"path_from": str(result.path_ends[0]), "path_to": str(result.path_ends[1])}
    shown = dataclasses.replace(state, **changes)
    result.hidden = lensed
    result.caption = describe(G, H, shown, focus=focus, today=today, hidden=lensed)
    style.caption = result.caption
    if state.overview:
        # Part of applying the view, so every export draws the groups the screen shows.
        groups = aggregate(H, state.overview, state.expanded, lang=lang, communities=result.communities or None)
        result.graph, result.positions = groups, compute_layout(groups)
        style.sizes = group_sizes(groups)
        style.colors, style.color_legend = None, []  # groups are coloured by their type
    return result


def _contact_style(
    G: nx.MultiDiGraph,
    H: nx.MultiDiGraph,
    state: ViewState,
    engagements: Sequence[Mapping[str, str]],
    today: _dt.date | None,
    style: MapStyle,
) -> None:
    """The map by last contact (issue 14): colour or size by the months since, and stale allies marked."""
    from .engagements import contact_colors, contact_legend, contact_sizes, stale_allies

    day = today or _dt.date.today()
    if state.contact_by == "color":
        style.colors, style.color_legend = contact_colors(H, engagements, day), contact_legend(state.lang)
    elif state.contact_by == "size":
        style.sizes = contact_sizes(H, engagements, day)
    if state.contact_by and state.stale_months and state.grid_ask in G:
        style.highlight_nodes = frozenset(r["id"] for r in stale_allies(G, engagements, state.grid_ask, state.stale_months, day))


def _stance_style(
    G: nx.MultiDiGraph, state: ViewState, lists: Mapping[str, list[str]], style: MapStyle, notes: list[str]
) -> None:
    """Colour actors by their stance on ``state.stance_ask`` (issue 15), read from the relations the filters keep.

    A relation filter (basis, documents, dates) changes which claims count: "stated only"
    colours by stated stances only. The ask itself need not be on the map.
    """
    from .stance import NO_STANCE_COLOR, stance_colors, stance_legend

    if not state.stance_ask:
        notes.append(t("note_choose_ask", state.lang))
        return
    ask = _resolve(G, state.stance_ask, "stance_ask", state.lang, notes)
    if ask is None:
        return
    relation_filters = {k: v for k, v in lists.items() if VALUE_FILTERS[k].on == "relation"}
    # The map through time (issue 14) counts too, where the state has it.
    as_of = {"as_of": state.as_of} if getattr(state, "as_of", "") else {}
    F = filter_graph(G, date_from=state.date_from, date_to=state.date_to, **as_of, **relation_filters)
    colors = stance_colors(F, ask) if ask in F else {}
    style.colors = {n: colors.get(n, NO_STANCE_COLOR) for n in G.nodes}
    style.color_legend = stance_legend(G, ask, state.lang)


def describe(
    G: nx.MultiDiGraph,
    H: nx.MultiDiGraph,
    state: ViewState,
    focus: Hashable | None = None,
    today: _dt.date | None = None,
    hidden: Mapping[str, int] | None = None,
) -> str:
    """One line that says what the map shows: counts, filters, lenses left off, focus, date and data version."""
    lang = state.lang
    parts = [
        t("showing", lang, n=H.number_of_nodes(), total=G.number_of_nodes(), e=H.number_of_edges(), etotal=G.number_of_edges())
    ]
    for f in FILTERS:
        values = getattr(state, f.key)
        if values:
            parts.append(f"{t(f.key, lang)}: {', '.join(f.label(G, v, lang) for v in values)}")
    for atype, n in (hidden or {}).items():
        parts.append(t("lens_hidden", lang, n=n, what=vocab.label(atype, lang), toggle=t(LENSES[atype].key, lang)))
    if state.date_from or state.date_to:
        parts.append(f"{t('date', lang)}: {state.date_from or '…'} – {state.date_to or '…'}")
    if state.as_of:
        parts.append(t("as_of_caption", lang, date=state.as_of))
    if focus is not None:
        parts.append(
            t(
                "focus_on",
                lang,
                name=G.nodes[focus].get("name", focus),
                hops=state.hops,
                unit=t("hop_unit" if state.hops == 1 else "hops_unit", lang),
            )
        )
    if state.path_from and state.path_to:
        a, b = (str(G.nodes[x].get("name", x)) if x in G else x for x in (state.path_from, state.path_to))
        parts.append(t("path_between", lang, a=a, b=b))
    day = (today or _dt.date.today()).isoformat()
    version = G.graph.get("version", "")
    parts.append(f"{day}" + (f" · {t('data_version', lang)} {version}" if version else ""))
    return " · ".join(parts)


def initial_state(
    G: nx.MultiDiGraph, params: Mapping[str, str | list[str]], overview_above: int | None = None
) -> tuple[ViewState, list[str]]:
    """The view a link opens: the state in its URL parameters, with notes on what it names that is gone.

    Actors named by name or alias become ids (an unknown one is dropped, with a note). A
    map bigger than ``overview_above`` actors opens on its overview unless the link says otherwise.
    """
    state = ViewState.from_query(params)
    notes = apply_view(G, state).notes
    if overview_above is not None and G.number_of_nodes() > overview_above and "overview" not in params:
        state.overview = "type"  # a very big map opens on its groups, which the browser draws quickly
    for key in ("focus", "path_from", "path_to", "stance_ask"):
        try:
            value = resolve_actor(G, getattr(state, key)) if getattr(state, key) else ""
        except UnknownActorError:
            value = ""
        setattr(state, key, value)
    return state, notes
