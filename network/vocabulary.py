"""Controlled vocabularies: actor types and relation types.

One place in code for every type the data may use, with a one-line meaning,
Dutch and English display labels, and the visual style the map uses for it.
The CSVs store the ``key`` (e.g. ``trade_union``); the loader also accepts
the English or Dutch label, case-insensitively, and normalises it to the key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypedDict

__all__ = [
    "ActorType",
    "RelationType",
    "ACTOR_TYPES",
    "RELATION_TYPES",
    "UNKNOWN_ACTOR_STYLE",
    "UNKNOWN_RELATION_STYLE",
    "actor_type",
    "relation_type",
    "normalise_actor_type",
    "normalise_relation_type",
    "label",
    "LANGUAGES",
    "UNKNOWN_TYPE_PALETTE",
    "unknown_type_colors",
]

LANGUAGES = ("en", "nl")


@dataclass(frozen=True)
class ActorType:
    key: str
    en: str
    nl: str
    meaning: str
    color: str
    shape: str

    def label(self, lang: str = "en") -> str:
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class RelationType:
    key: str
    en: str
    nl: str
    meaning: str
    directed: bool
    color: str
    dashes: bool

    def label(self, lang: str = "en") -> str:
        return self.nl if lang == "nl" else self.en


# Colours: Paul Tol's colour-blind-safe "muted" and "bright" schemes; every type
# also gets its own shape, so no distinction rests on hue alone.
_ACTOR_TYPES = [
    ActorType(
        "ministry",
        "Ministry / minister",
        "Ministerie / minister",
        "A ministry of the Dutch government or the minister who heads it.",
        "#332288",
        "square",
    ),
    ActorType(
        "parliament",
        "Parliament",
        "Parlement",
        "A parliament, one of its chambers or one of its committees.",
        "#882255",
        "square",
    ),
    ActorType(
        "government_agency",
        "Government agency",
        "Overheidsinstantie",
        "A public body that carries out government policy.",
        "#AA4499",
        "square",
    ),
    ActorType(
        "advisory_council",
        "Advisory council",
        "Adviesraad",
        "A body that advises the government, such as the SER.",
        "#44AA99",
        "hexagon",
    ),
    ActorType(
        "trade_union",
        "Trade union",
        "Vakbond",
        "A Dutch trade union, its confederation or its international arm.",
        "#CC6677",
        "dot",
    ),
    ActorType(
        "employers_organisation",
        "Employers' organisation",
        "Werkgeversorganisatie",
        "An association of employers or businesses.",
        "#0077BB",
        "dot",
    ),
    ActorType("company", "Company", "Bedrijf", "A business or group of businesses.", "#117733", "triangle"),
    ActorType(
        "local_union",
        "Local union abroad",
        "Lokale vakbond",
        "A trade union outside the Netherlands, partner of a Dutch union.",
        "#EE7733",
        "triangleDown",
    ),
    ActorType(
        "ngo", "NGO", "Maatschappelijke organisatie", "A civil-society organisation that is not a union.", "#999933", "dot"
    ),
    ActorType(
        "international_organisation",
        "International organisation",
        "Internationale organisatie",
        "An intergovernmental or international body (EU, ILO, OECD, UN).",
        "#88CCEE",
        "hexagon",
    ),
    ActorType(
        "knowledge_institute",
        "Knowledge institute",
        "Kennisinstelling",
        "A research or knowledge organisation.",
        "#DDCC77",
        "hexagon",
    ),
    ActorType(
        "programme", "Programme", "Programma", "A funded programme, sector agreement or joint initiative.", "#EE3377", "diamond"
    ),
    ActorType(
        "law_policy",
        "Law / policy / norm",
        "Wet / beleid / norm",
        "A law, regulation, policy or international norm.",
        "#555555",
        "star",
    ),
    ActorType(
        "theme",
        "Theme (ask)",
        "Thema (wens)",
        "An ask that actors argue for; who stands with it is its neighbourhood.",
        "#009988",
        "star",
    ),
    ActorType(
        "person",
        "Person (public role)",
        "Persoon (publieke functie)",
        "A person named in a public role (minister, signatory, director), by name and role only.",
        "#CCBB44",
        "diamond",
    ),
    ActorType(
        "publication",
        "Publication / report",
        "Publicatie / rapport",
        "A report, index or advice that the documents cite; its author issues it.",
        "#4477AA",
        "triangle",
    ),
]

_RELATION_TYPES = [
    RelationType(
        "co_signs", "co-signs with", "ondertekent samen met", "Both put their name to the same document.", False, "#CC6677", False
    ),
    RelationType(
        "addresses", "addresses", "richt zich tot", "Sends a letter, paper or appeal to the target.", True, "#332288", True
    ),
    RelationType("advises", "advises", "adviseert", "Gives (formal) advice to the target.", True, "#44AA99", False),
    RelationType("funds", "funds", "financiert", "Pays for the target or its work.", True, "#117733", False),
    RelationType(
        "member_of",
        "member of / part of",
        "lid van / onderdeel van",
        "Is a member, unit or part of the target.",
        True,
        "#777777",
        False,
    ),
    RelationType(
        "partners_with",
        "partners with",
        "werkt samen met",
        "Works together with the target on a shared activity.",
        False,
        "#0077BB",
        False,
    ),
    RelationType("trains", "trains", "traint", "Builds capacity of, or trains, the target.", True, "#EE7733", False),
    RelationType(
        "advocates_for",
        "advocates for",
        "pleit voor",
        "Argues publicly for the target (a theme, law or programme).",
        True,
        "#009988",
        True,
    ),
    RelationType(
        "implements",
        "implements",
        "voert uit",
        "Carries out or applies the target (programme, law, norm).",
        True,
        "#AA4499",
        False,
    ),
    RelationType(
        "negotiates_with",
        "negotiates with",
        "onderhandelt met",
        "Negotiates with the target, e.g. a collective agreement.",
        False,
        "#DDAA33",
        False,
    ),
    RelationType(
        "supports", "supports", "steunt", "Backs the target without funding or formally advising it.", True, "#88CCEE", True
    ),
    RelationType(
        "issues",
        "issues / adopts",
        "vaardigt uit / stelt vast",
        "Adopts or issues the target (a law, guideline or norm).",
        True,
        "#555555",
        False,
    ),
    RelationType(
        "monitors", "monitors", "monitort", "Checks or oversees the target's conduct or compliance.", True, "#882255", True
    ),
    RelationType(
        "opposes",
        "opposes",
        "is tegen",
        "Argues publicly against the target or objects to it (a theme, law or programme).",
        True,
        "#CC3311",
        True,
    ),
    RelationType(
        "has_concerns_about",
        "has concerns about",
        "heeft bedenkingen bij",
        "Voices concerns about the target, or backs it only on conditions.",
        True,
        "#EE7733",
        True,
    ),
    RelationType(
        "holds_office_at",
        "holds office at",
        "bekleedt functie bij",
        "Holds (or held) a public office or role at the target organisation.",
        True,
        "#999933",
        False,
    ),
    RelationType(
        "connected_to",
        "connected to",
        "verbonden met",
        "A connection whose kind the file does not say (an untyped Kumu connection).",
        False,
        "#8899AA",
        True,
    ),
]

ACTOR_TYPES: dict[str, ActorType] = {t.key: t for t in _ACTOR_TYPES}
RELATION_TYPES: dict[str, RelationType] = {t.key: t for t in _RELATION_TYPES}


class _LineStyle(TypedDict):
    color: str
    dashes: bool


# An unknown type still loads (with a warning) and is drawn in this neutral style.
UNKNOWN_ACTOR_STYLE = {"color": "#BBBBBB", "shape": "dot"}
UNKNOWN_RELATION_STYLE: _LineStyle = {"color": "#BBBBBB", "dashes": False}


def _lookup(table: dict[str, ActorType] | dict[str, RelationType]) -> dict[str, str]:
    names: dict[str, str] = {}
    for t in table.values():
        for name in (t.key, t.en, t.nl, t.key.replace("_", " ")):
            names[name.casefold()] = t.key
    return names


_ACTOR_NAMES = _lookup(ACTOR_TYPES)
_RELATION_NAMES = _lookup(RELATION_TYPES)


def normalise_actor_type(value: str) -> str | None:
    """Return the key for an actor type given as key or label, or None if unknown.

    Examples
    --------
    >>> normalise_actor_type("Vakbond")
    'trade_union'
    >>> normalise_actor_type("spaceship") is None
    True
    """
    return _ACTOR_NAMES.get(value.strip().casefold())


def normalise_relation_type(value: str) -> str | None:
    """Return the key for a relation type given as key or label, or None if unknown.

    Examples
    --------
    >>> normalise_relation_type("co-signs with")
    'co_signs'
    """
    return _RELATION_NAMES.get(value.strip().casefold())


def actor_type(key: str) -> ActorType | None:
    return ACTOR_TYPES.get(key)


def relation_type(key: str) -> RelationType | None:
    return RELATION_TYPES.get(key)


def label(key: str, lang: str = "en", kind: str = "actor") -> str:
    """Display label of a type key in ``lang``; an unknown key is shown as it is."""
    table: dict[str, ActorType] | dict[str, RelationType] = ACTOR_TYPES if kind == "actor" else RELATION_TYPES
    t = table.get(key)
    return t.label(lang) if t else key


# A type the vocabulary does not know (a Kumu map's "Person" or "Investor") keeps its own
# colour instead of the one neutral grey, so the map keeps the distinctions its authors made.
# Paul Tol's colour-blind-safe "light" scheme (less its grey): lighter than the muted and
# bright colours the known types use, and far from UNKNOWN_*_STYLE's grey.
UNKNOWN_TYPE_PALETTE = ("#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00")


def unknown_type_colors(keys: Iterable[str]) -> dict[str, str]:
    """A distinct, stable colour from ``UNKNOWN_TYPE_PALETTE`` for each unknown type in ``keys``.

    Each type starts at the slot its name hashes to (a stable hash, not Python's salted
    one) and takes the next free slot when that is taken, in sorted order of the names:
    so up to 8 unknown types never share a colour, and a type keeps its colour on every
    map that shows the same set of unknown types. Past 8 the colours repeat.

    Examples
    --------
    >>> colors = unknown_type_colors(["Person", "Company", "Investor"])
    >>> len(set(colors.values())), colors == unknown_type_colors(["Investor", "Person", "Company"])
    (3, True)
    >>> all(c in UNKNOWN_TYPE_PALETTE for c in colors.values())
    True
    """
    n = len(UNKNOWN_TYPE_PALETTE)
    out: dict[str, str] = {}
    taken: set[int] = set()
    for key in sorted(set(keys)):
        if len(taken) == n:
            taken = set()  # every colour is used: a second round, the colours repeat
        slot = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % n
        while slot in taken:
            slot = (slot + 1) % n
        taken.add(slot)
        out[key] = UNKNOWN_TYPE_PALETTE[slot]
    return out
