"""Who a document names: the data's actors found by name, alias or a close spelling, and new ones.

Exact names and aliases are looked up in one pass (longest first, so "Mondiaal FNV" is not read as
"FNV"); an acronym such as "SER" only in capitals, so "ser" inside a word never counts. A phrase a
letter or two away from a known name of several words ("de minister van Buitenlandse Handel"
for "Minister voor Buitenlandse Handel") is found with rapidfuzz. Names the data does not know
are proposed as new actors when the text marks them as organisations, with the closest existing
actor as a "same as …?" hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..text import slugify

__all__ = ["Mention", "NewActor", "ActorIndex", "ORGANISATION_TYPES", "ASK_TYPES", "guess_type", "is_org"]

# Who can sign, speak, fund or train; the rest are what they argue about.
ORGANISATION_TYPES = frozenset(
    {
        "ministry",
        "parliament",
        "government_agency",
        "advisory_council",
        "trade_union",
        "employers_organisation",
        "company",
        "local_union",
        "ngo",
        "international_organisation",
        "knowledge_institute",
    }
)
ASK_TYPES = frozenset({"theme", "law_policy", "programme", "publication"})
_FUZZY_CUTOFF = 88.0
_ACRONYM = re.compile(r"^[A-Z0-9&][A-Z0-9&.\-]{1,9}$")

# Words that make a capitalised phrase an organisation, and the type they suggest.
_TYPE_WORDS = (
    (r"ministerie|ministry|minister\b", "ministry"),
    (r"ambassade|embassy|rijksdienst|agentschap|agency|inspectie|autoriteit", "government_agency"),
    (r"kamer\b|parlement|parliament|commissie\b|committee", "parliament"),
    (r"\braad\b|council", "advisory_council"),
    (r"vakbond|vakcentrale|trade union|\bunion\b|confederation|federatie van vakbonden", "trade_union"),
    (r"werkgevers|employers|brancheorganisatie|branche", "employers_organisation"),
    (r"\bb\.?v\.?$|\bn\.?v\.?$|\bltd\b|\binc\b|\bgroep\b|\bgroup\b|company|bedrijf", "company"),
    (r"stichting|foundation|vereniging|association|alliance|netwerk|network|\bngo\b", "ngo"),
    (r"universiteit|university|instituut|institute|kenniscentrum", "knowledge_institute"),
    (r"programma|programme|program\b|project\b|fonds|fund\b", "programme"),
    (r"\bwet\b|richtlijn|directive|regulation|verordening|\bact\b", "law_policy"),
)
_ORG_PHRASE = re.compile(
    r"\b(?:[A-Z][\w'’&-]*|van|voor|de|der|het|en|of|for|the|and)(?:[ \t]+(?:[A-Z][\w'’&-]*|van|voor|de|der|het|en|of|for|the|and))*",
)


@dataclass(frozen=True)
class Mention:
    """Actor ``actor`` named at ``start:end`` of the text, found by ``how`` (name, alias, label or fuzzy)."""

    actor: str
    start: int
    end: int
    how: str


@dataclass
class NewActor:
    """An actor the data does not have yet, as the document names it."""

    id: str
    name: str
    type: str
    same_as: str = ""  # id of a resembling existing actor, for the editor to merge into
    role: str = ""  # a person's public role as the document gives it
    mentions: list[tuple[int, int]] = field(default_factory=list)


def guess_type(name: str) -> str:
    """The actor type a name suggests, or '' when it suggests none.

    Examples
    --------
    >>> guess_type("Ministerie van Financiën"), guess_type("Stichting Eerlijk Werk"), guess_type("Jan")
    ('ministry', 'ngo', '')
    """
    folded = name.casefold()
    for pattern, kind in _TYPE_WORDS:
        if re.search(pattern, folded):
            return kind
    return ""


def _surfaces(actor: Mapping[str, str]) -> list[tuple[str, str]]:
    out = [(actor.get("name", ""), "name")]
    out += [(a, "alias") for a in (actor.get("aliases") or "").split("|")]
    out.append((actor.get("label", ""), "label"))
    # "Kansen pakken en risico's beheersen (SER, 2019)": the text names it without the bracket.
    bare = re.sub(r"\s*\([^)]*\)$", "", actor.get("name", ""))
    if bare != actor.get("name", "") and (len(bare.split()) >= 2 or len(bare) >= 12):
        out.append((bare, "name"))
    return [(s.strip(), how) for s, how in out if len(s.strip()) >= 2]


class ActorIndex:
    """The data's actors, ready to be found in a text.

    Examples
    --------
    >>> idx = ActorIndex([{"id": "fnv", "name": "FNV", "type": "trade_union"},
    ...                   {"id": "mfnv", "name": "Mondiaal FNV", "type": "trade_union"}])
    >>> [(m.actor, m.how) for m in idx.find("Mondiaal FNV en FNV; fnv-leden")]
    [('mfnv', 'name'), ('fnv', 'name')]
    """

    def __init__(self, actors: Iterable[Mapping[str, str]]):
        self.actors: dict[str, dict[str, str]] = {a["id"]: dict(a) for a in actors if a.get("id")}
        exact: dict[str, tuple[str, str]] = {}
        folded: dict[str, tuple[str, str]] = {}
        for aid, actor in self.actors.items():
            for surface, how in _surfaces(actor):
                if _ACRONYM.match(surface):
                    exact.setdefault(surface, (aid, how))
                else:
                    folded.setdefault(surface.casefold(), (aid, how))
        self._exact = exact
        self._folded = folded
        self._exact_re = self._compile(exact, 0)
        self._folded_re = self._compile(folded, re.IGNORECASE)
        # Names of two words or more, by word count: the candidates for a close spelling.
        self._multi: dict[int, list[str]] = {}
        for surface in folded:
            n = len(surface.split())
            if n >= 2 and len(surface) >= 10:
                self._multi.setdefault(n, []).append(surface)

    @staticmethod
    def _compile(table: Mapping[str, object], flags: int) -> re.Pattern[str] | None:
        if not table:
            return None
        names = sorted(table, key=len, reverse=True)
        body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", flags)

    def acronym(self, word: str) -> str | None:
        """The actor an acronym ("ITUC", "SER") names, or None."""
        hit = self._exact.get(word)
        return hit[0] if hit else None

    def kind(self, actor: str) -> str:
        return self.actors.get(actor, {}).get("type", "")

    def name(self, actor: str) -> str:
        return self.actors.get(actor, {}).get("name", actor)

    def find(self, text: str, fuzzy: bool = True) -> list[Mention]:
        """Every actor named in ``text``, left to right, no two overlapping (the longer wins)."""
        found: list[Mention] = []
        if self._exact_re:
            for m in self._exact_re.finditer(text):
                aid, how = self._exact[m.group(0)]
                found.append(Mention(aid, m.start(), m.end(), how))
        if self._folded_re:
            for m in self._folded_re.finditer(text):
                key = re.sub(r"\s+", " ", m.group(0)).casefold()
                if key in self._folded:
                    aid, how = self._folded[key]
                    found.append(Mention(aid, m.start(), m.end(), how))
        chosen = _non_overlapping(found)
        if fuzzy:
            chosen = _non_overlapping(chosen + self._fuzzy(text, chosen))
        return chosen

    def _fuzzy(self, text: str, taken: list[Mention]) -> list[Mention]:
        from rapidfuzz import fuzz, process

        words = [(m.start(), m.end()) for m in re.finditer(r"[\w'’&-]+", text)]
        # One flag per character: whether a name already covers it (a list of spans made this quadratic).
        busy = bytearray(len(text))
        for m in taken:
            busy[m.start : m.end] = b"\1" * (m.end - m.start)
        out = []
        for n, names in self._multi.items():
            # A close spelling keeps its first word close too (see _word_by_word): its first two letters
            # rule out almost every window before rapidfuzz is asked.
            heads = {name[:2] for name in names}
            for i in range(len(words) - n + 1):
                start, end = words[i][0], words[i + n - 1][1]
                if text[start : start + 2].casefold() not in heads or busy.find(1, start, end) >= 0:
                    continue
                window = re.sub(r"\s+", " ", text[start:end]).casefold()
                hit = process.extractOne(window, names, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
                if hit and _word_by_word(window, hit[0]):
                    aid, _ = self._folded[hit[0]]
                    out.append(Mention(aid, start, end, "fuzzy"))
                    busy[start:end] = b"\1" * (end - start)
        return out

    def closest(self, name: str) -> str:
        """The id of the existing actor whose name or alias most resembles ``name``, or ''."""
        from rapidfuzz import fuzz, process

        table = {s.casefold(): aid for s, (aid, _) in self._folded.items()}
        table.update({s.casefold(): aid for s, (aid, _) in self._exact.items()})
        hit = process.extractOne(name.casefold(), list(table), scorer=fuzz.token_set_ratio, score_cutoff=80)
        return table[hit[0]] if hit else ""

    def new_organisations(self, text: str, known: list[Mention]) -> list[NewActor]:
        """Organisations the text names that the data lacks: capitalised phrases with an organisation word."""
        busy = bytearray(len(text))
        for k in known:
            busy[k.start : k.end] = b"\1" * (k.end - k.start)
        out: dict[str, NewActor] = {}
        for m in _ORG_PHRASE.finditer(text):
            phrase = m.group(0).strip(" .,;:-")
            words = phrase.split()
            while words and not words[0][:1].isupper():
                words.pop(0)
            while words and not words[-1][:1].isupper():
                words.pop()
            phrase = " ".join(words)
            if len(words) < 2 or busy.find(1, m.start(), m.end()) >= 0:
                continue
            kind = guess_type(phrase)
            if kind not in ORGANISATION_TYPES:
                continue
            aid = slugify(phrase, "actor")
            if aid in self.actors:
                continue
            start = text.find(phrase, m.start())
            entry = out.setdefault(aid, NewActor(aid, phrase, kind, same_as=self.closest(phrase)))
            entry.mentions.append((start, start + len(phrase)))
        return list(out.values())


def _word_by_word(window: str, name: str) -> bool:
    """A close spelling differs in letters, or in one small word of a long name ("van" for "voor"), not in a name's word."""
    from rapidfuzz import fuzz

    misses = [b for a, b in zip(window.split(), name.split()) if fuzz.ratio(a, b) < 80]
    return not misses or (len(misses) == 1 and len(name.split()) >= 3 and len(misses[0]) <= 4)


def _non_overlapping(found: list[Mention]) -> list[Mention]:
    """Longest first, each kept where no kept one covers a character of it (a flag per character: linear)."""
    if not found:
        return []
    taken = bytearray(max(m.end for m in found))
    out: list[Mention] = []
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if taken.find(1, m.start, m.end) < 0:
            taken[m.start : m.end] = b"\1" * (m.end - m.start)
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def is_org(index: ActorIndex, actor: str) -> bool:
    """Whether ``actor`` is an organisation: one that can sign, speak, fund or train."""
    return index.kind(actor) in ORGANISATION_TYPES
