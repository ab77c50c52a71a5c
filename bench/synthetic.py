"""Synthetic, stakeholder-like data sets of any size, for benchmarks and tests.

``generate(n)`` returns actor, relation and source rows shaped like the bundled
``data/*.csv``: real vocabulary types in plausible proportions (many companies and
local unions abroad, some Dutch unions, NGOs, programmes, a handful of ministries),
countries and sectors, planted communities (a sector supply chain: its companies,
local unions, NGOs and programmes mostly relate to each other), a few hubs
(preferential attachment plus a few actors with a head start), relation types that
make sense for the two actor types, dates, and every relation citing a synthetic
document with a short evidence string.

Everything is drawn from one ``random.Random(seed)``: the same arguments give the
same rows, and ``write_synthetic`` the same bytes.
"""

from __future__ import annotations

import os
import random
from collections import defaultdict
from collections.abc import Hashable
from pathlib import Path

from network import vocabulary as vocab
from network.io.csvfile import write_csv_atomic
from network.model import ACTOR_COLUMNS, EVIDENCE_MAX, RELATION_COLUMNS, SOURCE_COLUMNS

__all__ = ["TYPE_SHARES", "TYPE_CAPS", "generate", "write_synthetic", "type_counts"]

Row = dict[str, str]

# Share of each actor type; the governmental types are capped (a country has a dozen ministries,
# not a hundred) and what the caps leave over goes to companies and local unions.
TYPE_SHARES: dict[str, float] = {
    "company": 0.44,
    "local_union": 0.25,
    "ngo": 0.08,
    "trade_union": 0.04,
    "programme": 0.045,
    "employers_organisation": 0.03,
    "knowledge_institute": 0.025,
    "international_organisation": 0.02,
    "government_agency": 0.02,
    "theme": 0.02,
    "law_policy": 0.02,
    "ministry": 0.01,
    "advisory_council": 0.005,
    "parliament": 0.005,
}
TYPE_CAPS: dict[str, int] = {
    "ministry": 12,
    "parliament": 4,
    "advisory_council": 8,
    "government_agency": 40,
    "international_organisation": 80,
    "theme": 60,
    "law_policy": 80,
}
_PREFIX = {
    "company": "co",
    "local_union": "lu",
    "ngo": "ngo",
    "trade_union": "tu",
    "programme": "prog",
    "employers_organisation": "emp",
    "knowledge_institute": "ki",
    "international_organisation": "io",
    "government_agency": "ga",
    "theme": "theme",
    "law_policy": "law",
    "ministry": "min",
    "advisory_council": "adv",
    "parliament": "parl",
}
# Who relates to whom, and how: (relation type, target types, weight) per source type.
RULES: dict[str, list[tuple[str, tuple[str, ...], float]]] = {
    "company": [
        ("implements", ("programme", "law_policy"), 3),
        ("member_of", ("employers_organisation", "programme"), 3),
        ("negotiates_with", ("local_union", "trade_union"), 3),
        ("partners_with", ("company", "ngo", "knowledge_institute"), 2),
        ("co_signs", ("company", "trade_union", "ngo"), 1),
        ("advocates_for", ("theme",), 1),
    ],
    "local_union": [
        ("partners_with", ("trade_union", "ngo", "local_union"), 3),
        ("negotiates_with", ("company",), 3),
        ("advocates_for", ("theme",), 1),
        ("implements", ("programme",), 1),
        ("member_of", ("international_organisation",), 0.5),
    ],
    "trade_union": [
        ("trains", ("local_union",), 4),
        ("co_signs", ("employers_organisation", "trade_union", "ngo"), 2),
        ("addresses", ("ministry", "parliament"), 2),
        ("advocates_for", ("theme", "law_policy"), 2),
        ("negotiates_with", ("employers_organisation", "company"), 1),
        ("implements", ("programme",), 1),
    ],
    "ngo": [
        ("monitors", ("company",), 3),
        ("advocates_for", ("theme", "law_policy"), 2),
        ("partners_with", ("local_union", "ngo", "trade_union"), 2),
        ("addresses", ("ministry", "parliament"), 1),
        ("implements", ("programme",), 1),
    ],
    "employers_organisation": [
        ("co_signs", ("trade_union", "employers_organisation"), 2),
        ("addresses", ("ministry", "parliament"), 2),
        ("advocates_for", ("theme", "law_policy"), 1),
        ("supports", ("programme",), 2),
    ],
    "ministry": [
        ("funds", ("programme", "ngo", "trade_union"), 4),
        ("issues", ("law_policy",), 1),
        ("addresses", ("parliament",), 1),
    ],
    "parliament": [("issues", ("law_policy",), 1), ("addresses", ("ministry",), 1)],
    "government_agency": [
        ("implements", ("programme", "law_policy"), 2),
        ("monitors", ("company",), 2),
        ("funds", ("programme",), 1),
    ],
    "advisory_council": [("advises", ("ministry", "parliament"), 2), ("supports", ("programme",), 1)],
    "international_organisation": [
        ("issues", ("law_policy",), 2),
        ("partners_with", ("ngo", "trade_union"), 1),
        ("funds", ("programme",), 1),
    ],
    "knowledge_institute": [
        ("advises", ("ministry", "programme"), 2),
        ("partners_with", ("ngo", "knowledge_institute"), 1),
        ("monitors", ("company",), 1),
    ],
    "programme": [
        ("funds", ("local_union", "ngo"), 2),
        ("supports", ("local_union", "company"), 2),
        ("trains", ("local_union",), 1),
    ],
    "theme": [],
    "law_policy": [],
}
# How an actor that only receives relations gets its first one: (source types, relation type).
_FIRST_IN = {
    "theme": (("trade_union", "ngo", "employers_organisation"), "advocates_for"),
    "law_policy": (("ministry", "parliament", "international_organisation"), "issues"),
}
# How likely a relation stays inside the source's community (its sector supply chain).
_LOCAL = {
    "company": 0.85,
    "local_union": 0.85,
    "ngo": 0.7,
    "programme": 0.75,
    "knowledge_institute": 0.6,
    "employers_organisation": 0.6,
    "trade_union": 0.6,
}
# Types whose actors are not tied to one supply chain.
_GLOBAL = {"ministry", "parliament", "advisory_council", "government_agency", "international_organisation", "theme", "law_policy"}
_ACTIVE = {"ministry": 4, "trade_union": 3, "employers_organisation": 3, "programme": 2, "ngo": 2}

SECTORS = [
    "garment",
    "cocoa",
    "metals",
    "electronics",
    "floriculture",
    "mining",
    "agriculture",
    "banking",
    "food",
    "natural stone",
    "sport",
    "timber",
    "insurance",
    "pensions",
    "tea",
    "coffee",
    "palm oil",
    "seafood",
]
PRODUCERS = ["BD", "IN", "PK", "KH", "VN", "ID", "PE", "CO", "GH", "CI", "UG", "KE", "ET", "TR", "MA", "BR", "PH", "MM"]
HOME = ["NL", "NL", "NL", "NL", "DE", "BE", "FR", "GB", "DK", "SE"]
_FORMS = {
    "NL": "B.V.",
    "DE": "GmbH",
    "BE": "NV",
    "FR": "SA",
    "GB": "Ltd",
    "DK": "A/S",
    "SE": "AB",
    "IN": "Pvt Ltd",
    "PE": "S.A.C.",
    "CO": "S.A.S.",
    "BR": "Ltda",
    "TR": "A.Ş.",
}
_SYL_A = ["Nor", "Vel", "Ka", "Ri", "Su", "Am", "Bel", "Cor", "Dan", "El", "Fa", "Ga", "Ho", "Ja", "Lu", "Ma", "Ne", "Or"]
_SYL_B = ["dex", "ton", "vara", "mond", "lia", "berg", "rix", "sol", "tera", "na", "veld", "wick", "ora", "ium", "ko", "lan"]
_MINISTRIES = [
    "Ministerie van Buitenlandse Zaken",
    "Minister voor Buitenlandse Handel en Ontwikkelingshulp",
    "Ministerie van Sociale Zaken en Werkgelegenheid",
    "Ministerie van Economische Zaken",
    "Ministerie van Financiën",
    "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur",
    "Ministerie van Infrastructuur en Waterstaat",
    "Ministerie van Justitie en Veiligheid",
    "Ministerie van Binnenlandse Zaken",
    "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "Ministerie van Klimaat en Groene Groei",
    "Ministerie van Volksgezondheid, Welzijn en Sport",
]
_PARLIAMENTS = ["Tweede Kamer", "Eerste Kamer", "Vaste commissie BHOS", "Europees Parlement"]
_COUNCILS = ["SER", "AIV", "Raad van State", "Adviesraad Internationale Vraagstukken", "RLI", "WRR", "CPB", "Adviescollege IMVO"]
_AGENCIES = ["RVO", "Inspectie SZW", "ILT", "NVWA", "Nationaal Contactpunt OESO", "FMO", "Invest International"]
_INTERNATIONAL = ["ILO", "OECD", "United Nations", "European Commission", "ITUC", "IndustriALL", "World Bank", "UNICEF"]
_LAWS = [
    "CSDDD",
    "EU Forced Labour Regulation",
    "OECD Guidelines for Multinational Enterprises",
    "UN Guiding Principles on Business and Human Rights",
    "ILO core conventions",
    "Wet verantwoord en duurzaam internationaal ondernemen",
    "EU Deforestation Regulation",
    "CSRD",
]
_THEMES = [
    "Continue VMP funding",
    "Scale up sector agreements via the SER",
    "An effective CSDDD",
    "The Dutch Diamond",
    "Decent work",
    "Living wage",
    "Freedom of association",
    "Social dialogue in supply chains",
]
_KINDS = ["letter", "position paper", "report", "covenant", "brochure", "press release"]
_EVIDENCE = {
    "co_signs": "{a} and {b} sign the joint statement on {topic}.",
    "addresses": "{a} calls on {b} to act on {topic}.",
    "advises": "{a} advises {b} on {topic}.",
    "funds": "{a} funds {b} for its work on {topic}.",
    "member_of": "{a} is a member of {b}.",
    "partners_with": "{a} works with {b} on {topic}.",
    "trains": "{a} trains {b} in {topic}.",
    "advocates_for": "{a} argues for {b}.",
    "implements": "{a} implements {b}.",
    "negotiates_with": "{a} negotiates with {b} about {topic}.",
    "supports": "{a} supports {b}.",
    "issues": "{a} adopts {b}.",
    "monitors": "{a} monitors {b} on {topic}.",
}
_TOPICS = ["living wages", "due diligence", "freedom of association", "health and safety", "child labour", "grievance mechanisms"]


def type_counts(n_actors: int) -> dict[str, int]:
    """How many actors of each type a data set of ``n_actors`` has (sums to ``n_actors``).

    Examples
    --------
    >>> c = type_counts(10_000)
    >>> sum(c.values()), c["ministry"], c["company"] > c["local_union"] > c["ngo"]
    (10000, 12, True)
    """
    if n_actors <= 0:
        return {}
    counts = {t: int(n_actors * s) for t, s in TYPE_SHARES.items()}
    if n_actors >= 2 * len(TYPE_SHARES):
        counts = {t: max(1, c) for t, c in counts.items()}
    counts = {t: min(c, TYPE_CAPS.get(t, c)) for t, c in counts.items()}
    spare = n_actors - sum(counts.values())
    # What is left over (or too much) goes to companies and local unions, 2:1.
    to_companies = spare - spare // 3
    counts["company"] += to_companies
    counts["local_union"] += spare - to_companies
    for t in ("company", "local_union"):
        if counts[t] < 0:
            other = "local_union" if t == "company" else "company"
            counts[other] += counts[t]
            counts[t] = 0
    return counts


class _Names:
    """Plausible names, unique within one data set (a number is added on a clash)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()
        self.fixed: dict[str, list[str]] = {
            "ministry": list(_MINISTRIES),
            "parliament": list(_PARLIAMENTS),
            "advisory_council": list(_COUNCILS),
            "government_agency": list(_AGENCIES),
            "international_organisation": list(_INTERNATIONAL),
            "law_policy": list(_LAWS),
            "theme": list(_THEMES),
        }

    def _word(self) -> str:
        return self.rng.choice(_SYL_A) + self.rng.choice(_SYL_B)

    def make(self, atype: str, sector: str, country: str) -> str:
        r = self.rng
        fixed = self.fixed.get(atype)
        if fixed:
            name = fixed.pop(0)
        elif atype == "company":
            name = f"{self._word()} {sector.title()} {_FORMS.get(country, 'Ltd')}"
        elif atype == "local_union":
            name = f"{self._word()} {sector.title()} Workers Union ({country})"
        elif atype == "trade_union":
            name = f"{r.choice(['FNV', 'CNV', 'AVV', 'Mondiaal FNV', 'CNV Internationaal'])} {sector.title()}"
        elif atype == "ngo":
            name = r.choice([f"{self._word()} Watch", f"Stichting {self._word()}", f"{sector.title()} Justice Network"])
        elif atype == "programme":
            name = r.choice(
                [f"{sector.title()} sector agreement", f"Fair {sector.title()} Programme", f"Vakbondsprogramma {sector}"]
            )
        elif atype == "employers_organisation":
            name = r.choice([f"Branchevereniging {sector.title()}", f"{sector.title()} Nederland", f"{self._word()} Employers"])
        elif atype == "knowledge_institute":
            name = r.choice([f"{self._word()} Institute", f"{self._word()} University", f"Centre for {sector.title()} Studies"])
        elif atype == "ministry":
            name = f"Ministry of {self._word()} Affairs"
        elif atype == "parliament":
            name = f"Committee on {sector.title()}"
        elif atype == "advisory_council":
            name = f"{self._word()} Council"
        elif atype == "government_agency":
            name = f"Agentschap {self._word()}"
        elif atype == "international_organisation":
            name = f"International {sector.title()} Federation"
        elif atype == "law_policy":
            name = f"{sector.title()} due-diligence guideline"
        else:  # theme
            name = f"{r.choice(_TOPICS).capitalize()} in {sector}"
        unique, k = name, 2
        while unique in self.used:
            unique, k = f"{name} {k}", k + 1
        self.used.add(unique)
        return unique


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)
    kind = rng.random()
    if kind < 0.4:
        return f"{year}-{month:02d}-{day:02d}"
    if kind < 0.7:
        return f"{year}-{month:02d}"
    return str(year)


def generate(n_actors: int, seed: int = 1, relations_per_actor: float = 3) -> tuple[list[Row], list[Row], list[Row]]:
    """Actor, relation and source rows of a stakeholder-like network of ``n_actors`` actors.

    About ``relations_per_actor * n_actors`` relations; every actor has at least one
    (from 28 actors up), no relation repeats or points at its own source, and every
    relation cites one of the generated documents. Deterministic in all its arguments.

    Examples
    --------
    >>> actors, relations, sources = generate(100, seed=3)
    >>> len(actors), len(relations), generate(100, seed=3)[1] == relations
    (100, 300, True)
    """
    rng = random.Random(seed)
    names = _Names(rng)
    counts = type_counts(n_actors)
    n_communities = max(2, round(n_actors / 60))
    community_sector = [SECTORS[i % len(SECTORS)] if i < len(SECTORS) else rng.choice(SECTORS) for i in range(n_communities)]
    community_country = [rng.choice(PRODUCERS) for _ in range(n_communities)]

    # Actors, type by type in vocabulary order; ids like "co-00042".
    actors: list[Row] = []
    atype_of: dict[str, str] = {}
    community: dict[str, int] = {}
    for atype in vocab.ACTOR_TYPES:
        for i in range(counts.get(atype, 0)):
            c = -1 if atype in _GLOBAL else rng.randrange(n_communities)
            sector = community_sector[c] if c >= 0 else rng.choice(SECTORS)
            if atype == "local_union":
                country = community_country[c]
            elif atype == "company":
                country = rng.choice(HOME) if rng.random() < 0.7 else community_country[c]
            elif atype in ("ngo", "knowledge_institute"):
                country = rng.choice(["NL", "NL", "INT", community_country[c] if c >= 0 else "NL"])
            elif atype == "international_organisation":
                country = rng.choice(["INT", "INT", "EU"])
            elif atype == "law_policy":
                country = rng.choice(["EU", "NL", "INT"])
            elif atype == "theme":
                country = ""
            else:
                country = "NL"
            aid = f"{_PREFIX[atype]}-{i + 1:05d}"
            name = names.make(atype, sector, country or "NL")
            label = vocab.label(atype)
            description = f"Synthetic {label.lower()}" + (f" in {sector}" if atype not in _GLOBAL else "") + "."
            actors.append(
                {
                    "id": aid,
                    "name": name,
                    "type": atype,
                    "country": country,
                    "sector": sector if atype not in _GLOBAL else "",
                    "description": description,
                    "aliases": "",
                    "url": "",
                }
            )
            atype_of[aid] = atype
            community[aid] = c
    name_of = {a["id"]: a["name"] for a in actors}

    # Urns for preferential attachment: an actor appears once, plus once per relation it gets.
    urn: dict[Hashable, list[str]] = defaultdict(list)
    for a in actors:
        urn[a["type"]].append(a["id"])
        if community[a["id"]] >= 0:
            urn[(a["type"], community[a["id"]])].append(a["id"])
    # A few hubs get a head start: big unions, employers, programmes and NGOs everyone deals with.
    candidates = [a["id"] for a in actors if a["type"] in ("trade_union", "employers_organisation", "programme", "ngo")]
    n_hubs = min(len(candidates), max(3, round(n_actors**0.5 / 4)))
    head_start = 1 + n_actors // 200
    for hub in rng.sample(candidates, n_hubs) if candidates else []:
        urn[atype_of[hub]].extend([hub] * head_start)
        if community[hub] >= 0:
            urn[(atype_of[hub], community[hub])].extend([hub] * head_start)

    # Documents: every relation cites one, and takes its date.
    n_sources = max(5, n_actors // 25)
    core = [a["name"] for a in actors if a["type"] in ("trade_union", "employers_organisation", "ngo", "advisory_council")]
    addressees = [a["name"] for a in actors if a["type"] in ("ministry", "parliament")]
    sources: list[Row] = []
    for i in range(n_sources):
        kind = rng.choice(_KINDS)
        date = _date(rng)
        topic = rng.choice(_TOPICS)
        authors = "; ".join(sorted(set(rng.sample(core, min(len(core), rng.randint(1, 3)))))) if core else ""
        sources.append(
            {
                "id": f"doc-{i + 1:04d}",
                "title": f"{kind.capitalize()} on {topic} ({date[:4]})",
                "date": date,
                "kind": kind,
                "authors": authors,
                "addressed_to": rng.choice(addressees) if addressees and kind == "letter" else "",
                "file": "",
                "date_note": "",
            }
        )

    relations: list[Row] = []
    seen: set[tuple[str, str, str]] = set()
    degree: dict[str, int] = defaultdict(int)

    def pick(target_type: str, c: int, local: float) -> str | None:
        pool = urn.get((target_type, c)) if c >= 0 and rng.random() < local else None
        pool = pool or urn.get(target_type)
        return pool[rng.randrange(len(pool))] if pool else None

    def add(src: str, dst: str, rtype: str) -> bool:
        if src == dst or (src, dst, rtype) in seen:
            return False
        directed = vocab.RELATION_TYPES[rtype].directed
        seen.add((src, dst, rtype))
        if not directed:
            seen.add((dst, src, rtype))
        doc = sources[rng.randrange(len(sources))]
        evidence = _EVIDENCE[rtype].format(a=name_of[src], b=name_of[dst], topic=rng.choice(_TOPICS))
        relations.append(
            {
                "source": src,
                "target": dst,
                "type": rtype,
                "directed": "true" if directed else "false",
                "date": doc["date"],
                "source_doc": doc["id"],
                "evidence": evidence[:EVIDENCE_MAX],
                "note": "",
            }
        )
        for x in (src, dst):
            degree[x] += 1
            urn[atype_of[x]].append(x)
            if community[x] >= 0:
                urn[(atype_of[x], community[x])].append(x)
        return True

    def relate(src: str, tries: int = 8) -> bool:
        rules = RULES[atype_of[src]]
        if not rules:
            return False
        weights = [w for *_, w in rules]
        for _ in range(tries):
            rtype, targets, _w = rng.choices(rules, weights)[0]
            dst = pick(rng.choice(targets), community[src], _LOCAL.get(atype_of[src], 0.0))
            if dst is not None and add(src, dst, rtype):
                return True
        return False

    target = round(n_actors * relations_per_actor)
    # 1. Themes and laws only receive relations: give each its first one.
    for a in actors:
        first = _FIRST_IN.get(a["type"])
        if first and len(relations) < target:
            for _ in range(8):
                src = pick(rng.choice(first[0]), -1, 0.0)
                if src is not None and add(src, a["id"], first[1]):
                    break
    # 2. Every other actor starts one relation.
    for a in actors:
        if len(relations) >= target:
            break
        if RULES[a["type"]] and not degree[a["id"]]:
            relate(a["id"])
    # 3. The rest from active sources: ministries, unions and employers speak more often.
    sources_urn = [a["id"] for a in actors for _ in range(_ACTIVE.get(a["type"], 1)) if RULES[a["type"]]]
    misses = 0
    while len(relations) < target and sources_urn and misses < 10 * target + 100:
        if not relate(sources_urn[rng.randrange(len(sources_urn))]):
            misses += 1
    return actors, relations, sources


def write_synthetic(folder: str | os.PathLike[str], n_actors: int, seed: int = 1, relations_per_actor: float = 3) -> Path:
    """Write ``actors.csv``, ``relations.csv`` and ``sources.csv`` of ``generate(...)`` into ``folder``.

    The folder is created when missing; files are written atomically. Returns the folder.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    actors, relations, sources = generate(n_actors, seed, relations_per_actor)
    write_csv_atomic(out / "actors.csv", ACTOR_COLUMNS, actors)
    write_csv_atomic(out / "relations.csv", RELATION_COLUMNS, relations)
    write_csv_atomic(out / "sources.csv", SOURCE_COLUMNS, sources)
    return out
