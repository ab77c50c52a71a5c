"""Rules that turn a document's sentences into proposed claims, each with its verbatim quote.

A claim's quote is always ``text[start:end]`` of the document: the sentence that carries it, or,
when the sentence is longer than a quote may be, the shortest run of its clauses that holds the
cue and the actors. The rules:

- **signatures**: the organisations in the signature (or contact) block are the document's authors;
  they co-sign with one another, and a signatory holds office at the organisations on their line;
- **addresses**: the authors address whom the "Aan …", "Geachte …" or position-paper line names;
- **cues** (:mod:`network.intake.cues`): a stance cue makes its speaker for, against or concerned
  about the asks the sentence names (asks in the data's words, or an existing theme whose words
  the sentence shares); a relation cue links the actor named before it to those after it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

from ..model import EVIDENCE_MAX
from ..text import slugify
from ..vocabulary import RELATION_TYPES
from .actors import ASK_TYPES, ORGANISATION_TYPES, ActorIndex, Mention, NewActor
from .cues import ADDRESS_LINES, CLOSINGS, CUES, FIRST_PERSON, IMPERATIVES, SALUTATIONS, Cue
from .glossary import DUTCH
from .segment import Unit

__all__ = ["Claim", "Context", "make_claim", "ThemeMatcher", "authors_and_signatures", "addressees", "extract", "PRIVATE"]

# Contact details are never data: a quote or a name holding one is not proposed.
PRIVATE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?:\+\d{1,3}[\s-]?)?(?:\(?\d{2,4}\)?[\s-]?){2,}\d{2,}|www\.|https?://")


@dataclass
class Claim:
    source: str
    target: str
    type: str
    directed: bool
    date: str
    quote: str
    start: int
    end: int
    page: int
    basis: str
    note: str
    cue: str

    def row(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class Context:
    """What the rules know about the document: its text, units, actors named, authors and addressees."""

    text: str
    units: Sequence[Unit]
    index: ActorIndex
    mentions: list[Mention]
    date: str
    page_of: Callable[[int], int]  # offset -> page
    authors: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    themes: ThemeMatcher | None = None
    new_people: list[NewActor] = field(default_factory=list)
    body_start: int = 0  # where a letter's body begins: after its address lines and salutation
    _starts: list[int] = field(default_factory=list, repr=False)

    def in_span(self, start: int, end: int) -> list[Mention]:
        # The mentions are in text order: a bisection finds the first, so a long document stays linear.
        if len(self._starts) != len(self.mentions):
            self._starts = [m.start for m in self.mentions]
        i = bisect.bisect_left(self._starts, start)
        out = []
        for m in self.mentions[i:]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out


# -- the asks a sentence argues about, in the data's own words ------------------------------------

_STOP = frozenset(
    "de het een en of van voor in op met aan te om door bij als dat die dit deze zijn is wordt worden ook niet maar "
    "nog meer naar uit over tot hun haar zij wij we ons onze u uw er zo dan kan kunnen moet moeten zou zullen "
    "the a an and or of for in on with to by at as that this these those is are be been not but more from their "
    "our we us it its into than which who "
    "alleen alle echter zoals onder andere waar wanneer wel geen veel hebben heeft steeds goed goede zowel daarbij "
    "daarmee hierbij hiervoor tijden voldoende houden stelt maken gaat nieuwe nieuw komen kunt willen graag "
    "via ziet zien daarnaast bijvoorbeeld zodat realiseren realiseert structurele structureel verbeteren verbeteringen "
    "daadwerkelijk daadwerkelijke only all such other when where have has very good both".split()
)
_WORD = re.compile(r"[^\W\d_]{3,}")


def _stems(text: str) -> set[str]:
    # Six letters: "samenwerking" and "samenwerken", "financiële" and "financiering" meet; Dutch compounds
    # share their head that way too. Crude, and cheap enough to run on every sentence.
    return {w.casefold()[:6] for w in _WORD.findall(text) if w.casefold() not in _STOP}


class ThemeMatcher:
    """The themes (asks) of the data, each known by its name, description and the quotes already filed for it."""

    def __init__(self, actors: Iterable[Mapping[str, str]], relations: Iterable[Mapping[str, str]], min_score: float = 3.5):
        self.min_score = min_score
        words: dict[str, set[str]] = {}
        core: dict[str, set[str]] = {}
        for a in actors:
            if a.get("type") == "theme":
                own = " ".join(a.get(k, "") for k in ("name", "description", "aliases", "label"))
                dutch = " ".join(" ".join(DUTCH.get(w.casefold(), ())) for w in re.findall(r"[\w-]+", own))
                core[a["id"]] = _stems(own) | _stems(dutch)
                words[a["id"]] = set(core[a["id"]])
        for r in relations:
            for end in (r.get("target", ""), r.get("source", "")):
                if end in words:
                    words[end] |= _stems(r.get("evidence", ""))
        self.words = words
        # A word of the theme's own name or description tells more than one from a quote filed for it.
        self.core = core
        df = Counter(s for ws in words.values() for s in ws)
        n = max(len(words), 1)
        self.idf = {s: math.log((n + 1) / (c + 0.5)) for s, c in df.items()}

    def match(self, text: str, limit: int = 2) -> list[tuple[str, float, list[str]]]:
        """The themes ``text`` shares the most telling words with: (id, score, shared words), best first."""
        mine = _stems(text)
        out = []
        for theme, ws in self.words.items():
            shared = mine & ws
            score = sum(self.idf.get(s, 0.0) * (1.0 if s in self.core[theme] else 0.6) for s in shared)
            if score >= self.min_score and len(shared) >= 2 and shared & self.core[theme]:
                out.append((theme, score, sorted(shared)))
        out.sort(key=lambda t: -t[1])
        return out[:limit]


# -- document-level rules -----------------------------------------------------------------------


def _is_org(index: ActorIndex, actor: str) -> bool:
    return index.kind(actor) in ORGANISATION_TYPES


def authors_and_signatures(ctx: Context) -> tuple[list[str], list[Claim], int | None]:
    """The authors, the claims the signature block carries, and where that block starts (None: no block)."""
    text, index = ctx.text, ctx.index
    closing = None
    for m in CLOSINGS.finditer(text):
        if m.start() > len(text) * 0.5:
            closing = m
            break
    claims: list[Claim] = []
    authors: list[str] = []
    if closing is not None:
        newline = text.find("\n", closing.end())
        block_start = newline + 1 if newline >= 0 else len(text)
        block = [m for m in ctx.mentions if m.start >= block_start]
        authors = list(dict.fromkeys(m.actor for m in block if _is_org(index, m.actor)))
        contact = "contact" in closing.group(0).casefold()
        if not contact:
            # A signatory signs for the organisations of the first role on their line ("Bestuurslid CNV,
            # Voorzitter CNV Internationaal" signs for CNV); their other offices are no authorship.
            signed: list[str] = []
            for line in re.finditer(r"[^\n]+", text[block_start:]):
                start = block_start + line.start()
                first_role_end = start + len(line.group(0))
                people = [m for m in ctx.in_span(start, first_role_end) if index.kind(m.actor) == "person"]
                people += _new_person(ctx, start, first_role_end, people)
                if people:
                    comma = text.find(",", people[0].end + 1, first_role_end)
                    first_role_end = comma if comma >= 0 else first_role_end
                signed += [m.actor for m in ctx.in_span(start, first_role_end) if _is_org(index, m.actor)]
            authors = list(dict.fromkeys(signed)) or authors
            for line in re.finditer(r"[^\n]+", text[block_start:]):
                start, end = block_start + line.start(), block_start + line.end()
                here = ctx.in_span(start, end)
                people = [m for m in here if index.kind(m.actor) == "person"]
                people += _new_person(ctx, start, end, people)
                orgs = list(dict.fromkeys(m.actor for m in here if _is_org(index, m.actor)))
                if len(people) == 1 and orgs:
                    s, e = _trimmed(text, start, end)
                    for org in orgs:
                        claims.append(
                            make_claim(ctx, people[0].actor, org, "holds_office_at", s, e, "stated", "", "signature line")
                        )
                elif len(people) >= 2 and not orgs:
                    claims += _signature_columns(ctx, people, end)
        if len(authors) >= 2 and not contact:
            s, e = _trimmed(text, block_start, len(text))
            s, e = _fit(text, s, e, [m for m in ctx.mentions if m.start >= s], target=EVIDENCE_MAX)
            for i, a in enumerate(authors):
                for b in authors[i + 1 :]:
                    claims.append(make_claim(ctx, a, b, "co_signs", s, e, "stated", "", "signature block"))
        elif len(authors) >= 2:
            # A contact block lists people and their numbers between the organisations: the quote is
            # the block's opening and its first organisation only, so no contact detail is quoted.
            first = next(m for m in block if m.actor == authors[0])
            s, e = _trimmed(text, closing.start(), first.end)
            note = "the contact block names these organisations as the document's makers; read as co-authors"
            for i, a in enumerate(authors):
                for b in authors[i + 1 :]:
                    claims.append(make_claim(ctx, a, b, "co_signs", s, e, "inferred", note, "contact block"))
        if authors:
            return authors, claims, closing.start()
    # No signatures: the organisations that speak as the document ("FNV, CNV … vragen", "deelt de SER", "X onderschrijft")
    speakers: Counter[str] = Counter()
    for u in ctx.units:
        here = [m for m in ctx.in_span(u.start, u.end) if _is_org(index, m.actor)]
        sentence = text[u.start : u.end]
        if here and re.search(
            r"\b(?:dit|deze) (?:positie ?paper|position paper|brief|notitie|brochure)\b|\bonderschrij", sentence, re.I
        ):
            speakers.update(m.actor for m in here)
        if len(here) >= 3 and re.search(r"\b(?:vragen|verzoeken|doen een beroep|werken)\b", sentence):
            speakers.update(m.actor for m in here)
        # "Mondiaal FNV supports …", "CNV Internationaal onderschrijft …": an organisation opening a sentence with a position.
        lead = [m for m in ctx.in_span(u.start, u.end) if m.start == u.start]
        if lead and _is_org(index, lead[0].actor) and _SPEAKS.match(text, lead[0].end, u.end):
            speakers[lead[0].actor] += 1
    if speakers:
        top = max(speakers.values())
        authors = [a for a, c in speakers.items() if c == top]
    else:
        counts = Counter(m.actor for m in ctx.mentions if _is_org(index, m.actor))
        if counts and counts.most_common(1)[0][1] >= 3:
            authors = [counts.most_common(1)[0][0]]
    return authors, claims, None


_PERSON_LINE = re.compile(r"[ \t]*((?:[A-Z][\w'’.-]+)(?:[ \t]+(?:van|de|der|den|ter|te|von|da|di|[A-Z][\w'’.-]+)){1,4}),[ \t]")


def _new_person(ctx: Context, start: int, end: int, people: list[Mention]) -> list[Mention]:
    """A signatory the data lacks ("Jan Jansen, voorzitter FNV"): proposed as a person with the role the line gives."""
    if people:
        return []
    m = _PERSON_LINE.match(ctx.text, start, end)
    if m is None or ctx.in_span(m.start(1), m.end(1)) or PRIVATE.search(ctx.text[start:end]):
        return []
    name = m.group(1)
    aid = slugify(name, "person")
    if aid not in ctx.index.actors and all(p.id != aid for p in ctx.new_people):
        role = ctx.text[m.end() : end].strip()
        ctx.new_people.append(
            NewActor(aid, name, "person", same_as=ctx.index.closest(name), role=role, mentions=[(m.start(1), m.end(1))])
        )
    return [Mention(aid, m.start(1), m.end(1), "new person")]


_SPEAKS = re.compile(
    r"\s+(?:onderschrijft|steunt|pleit|vraagt|verzoekt|roept|vindt|wil|is van mening|maakt zich zorgen|"
    r"supports|endorses|calls|urges|asks|welcomes|believes|wants|is concerned)\b",
    re.IGNORECASE,
)


def _signature_columns(ctx: Context, people: list[Mention], names_end: int) -> list[Claim]:
    """Names side by side on one line, their roles in the same order on the lines below (a PDF's columns)."""
    text, index = ctx.text, ctx.index
    roles: list[list[str]] = [[] for _ in people]
    end = names_end
    for line in list(re.finditer(r"[^\n]+", text[names_end:]))[:4]:
        if not line.group(0).strip():
            continue
        start = names_end + line.start()
        cells = [(start + c.start(), start + c.end()) for c in re.finditer(r"\S+(?: \S+)*", line.group(0))]
        if len(cells) == len(people):
            for i, (a, b) in enumerate(cells):
                roles[i] += [m.actor for m in ctx.in_span(a, b) if _is_org(index, m.actor)]
        elif len(cells) < len(people):
            # A role that runs onto the next line belongs to the first column still without an organisation.
            for a, b in cells:
                orgs = [m.actor for m in ctx.in_span(a, b) if _is_org(index, m.actor)]
                gap = next((i for i, r in enumerate(roles) if not r), None)
                if orgs and gap is not None:
                    roles[gap] += orgs
        else:
            break
        end = start + len(line.group(0))
    s, e = _trimmed(text, people[0].start, end)
    note = "names and roles stand in columns; each name is read with the role below it, in order"
    return [
        make_claim(ctx, person.actor, org, "holds_office_at", s, e, "inferred", note, "signature columns")
        for person, orgs in zip(people, roles)
        for org in dict.fromkeys(orgs)
    ]


def addressees(ctx: Context) -> tuple[list[str], list[tuple[int, int, str]]]:
    """Whom the document is addressed to, and the lines that say so (start, end, cue)."""
    head = ctx.text[: max(600, len(ctx.text) // 5)]
    lines = [(m.start(), m.end(), "salutation") for m in SALUTATIONS.finditer(head)]
    lines += [(m.start(), m.end(), "address line") for m in ADDRESS_LINES.finditer(head)]
    found, spans = [], []
    for start, end, cue in sorted(lines):
        here = [
            m.actor for m in ctx.in_span(start, end) if m.actor not in ctx.authors and ctx.index.kind(m.actor) not in ASK_TYPES
        ]
        if here:
            s, e = _trimmed(ctx.text, start, end)
            spans.append((s, e, cue))
            found += here
    if not found:
        # "Positie paper rondetafelgesprek …": a round table (or hearing) is held by the Tweede Kamer.
        hearing = re.search(r"[^\n]*\b(?:rondetafelgesprek|hoorzitting)\b[^\n]*", head, re.IGNORECASE)
        kamer = next(
            (
                a
                for a, row in ctx.index.actors.items()
                if row.get("type") == "parliament" and row.get("name", "").casefold() == "tweede kamer"
            ),
            None,
        )
        if hearing and kamer and kamer not in ctx.authors:
            s, e = _trimmed(ctx.text, hearing.start(), hearing.end())
            spans.append((s, e, ROUND_TABLE))
            found.append(kamer)
    return list(dict.fromkeys(found)), spans


ROUND_TABLE = "round table of the Tweede Kamer"
ROUND_TABLE_NOTE = (
    "the paper is for a round table (rondetafelgesprek) or hearing, which the Tweede Kamer holds; the text does not name it"
)


# -- helpers ------------------------------------------------------------------------------------

_EDGE = " \t\r\n*_#>-•\u2022\uf0b7"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


# A sentence longer than this is cut down to the clauses that carry the claim (the cue, the actors):
# a quote should be the shortest text that says it, and a short one is read at a glance.
QUOTE_TARGET = 160


def _fit(
    text: str, start: int, end: int, keep: Sequence[Mention], anchor: tuple[int, int] | None = None, target: int = QUOTE_TARGET
) -> tuple[int, int]:
    """The shortest run of clauses of ``text[start:end]`` holding ``keep`` and ``anchor``, at most EVIDENCE_MAX long.

    A sentence up to ``target`` characters is quoted whole.
    """
    if end - start <= target:
        return start, end
    need = [(m.start, m.end) for m in keep]
    if anchor:
        need.append(anchor)
    if not need:
        return _trimmed(text, start, min(end, _word_end(text, start + EVIDENCE_MAX, start)))
    lo, hi = min(s for s, _ in need), max(e for _, e in need)
    # Widen to clause edges (a comma, semicolon, colon or dash) where there is room.
    bounds = [start] + [m.end() for m in re.finditer(r"[,;:–]\s", text[start:end]) if True] + [end]
    bounds = sorted({start + b if b != start and b != end else b for b in bounds})
    left = max((b for b in bounds if b <= lo), default=start)
    right = min((b for b in bounds if b >= hi), default=end)
    if right - left > EVIDENCE_MAX:
        left, right = lo, hi
        if right - left > EVIDENCE_MAX:
            right = _word_end(text, left + EVIDENCE_MAX, left)
    return _trimmed(text, left, right)


def _word_end(text: str, limit: int, floor: int) -> int:
    cut = text.rfind(" ", floor, limit)
    return cut if cut > floor else limit


def make_claim(
    ctx: Context, source: str, target: str, type_: str, start: int, end: int, basis: str, note: str, cue: str
) -> Claim:
    """A claim quoting ``text[start:end]``, dated by the document, with the page its quote starts on."""
    directed = RELATION_TYPES[type_].directed
    return Claim(source, target, type_, directed, ctx.date, ctx.text[start:end], start, end, ctx.page_of(start), basis, note, cue)


def _speaker(ctx: Context, unit: Unit, cue_at: int, mentions: list[Mention]) -> tuple[list[str], str, str]:
    """Who speaks in a sentence: a named subject before the cue, or the authors ("we", an order); with basis and note."""
    text = ctx.text
    before = [m for m in mentions if m.end <= cue_at and _is_org(ctx.index, m.actor)]
    if before:
        # "FNV, CNV, VNO-NCW en MKB-Nederland vragen": the run of names just before the cue.
        run = [before[-1]]
        for m in reversed(before[:-1]):
            gap = text[m.end : run[0].start]
            if re.fullmatch(r"\s*(?:,|en|and|&)?\s*(?:,|en|and|&)?\s*", gap):
                run.insert(0, m)
            else:
                break
        if not FIRST_PERSON.search(text[unit.start : cue_at]) or any(m.actor in ctx.authors for m in run):
            return [m.actor for m in run], "stated", ""
    if not ctx.authors:
        return [], "", ""
    names = ", ".join(ctx.index.name(a) for a in ctx.authors)
    sentence = text[unit.start : unit.end]
    if IMPERATIVES.match(sentence):
        return list(ctx.authors), "stated", ""
    if FIRST_PERSON.search(sentence):
        return list(ctx.authors), "stated", ""
    return list(ctx.authors), "inferred", f"the sentence names no speaker; read as the authors' ({names})"


_BYLINE = re.compile(r",\s+(?:[\w'’-]+\s+){0,8}?")
# "SER-advies Kansen pakken …", "SER (2019) Kansen pakken …": an author's name right before its publication.
_ISSUED_BY = re.compile(r"^\s*(?:-?\s*(?:advies|rapport|report|advice)|\(\d{4}\)|['’]s)?\s*[‘'\"“]?$", re.IGNORECASE)


def _bylines(ctx: Context, unit: Unit, mentions: list[Mention]) -> list[Claim]:
    """ "Luis Salazar, voorheen voorzitter werkgeversorganisatie": a person, a comma, a role at an organisation."""
    if not mentions or ctx.index.kind(mentions[0].actor) != "person" or mentions[0].start != unit.start:
        return []
    person = mentions[0]
    if unit.end - unit.start > 160 or ctx.text[person.end : person.end + 1] != ",":
        return []
    cut = ctx.text.find(",", person.end + 1, unit.end)
    role_end = cut if cut >= 0 else unit.end
    orgs = [m for m in mentions[1:] if m.end <= role_end and _is_org(ctx.index, m.actor)]
    return [make_claim(ctx, person.actor, m.actor, "holds_office_at", unit.start, unit.end, "stated", "", "byline") for m in orgs]


def _issued(ctx: Context, unit: Unit, mentions: list[Mention]) -> list[Claim]:
    out = []
    for m in mentions:
        # "ITUC Global Rights Index": a publication whose name opens with its maker's.
        head = re.match(r"[\w&]+", ctx.text[m.start : m.end])
        maker = ctx.index.acronym(head.group(0)) if head and ctx.index.kind(m.actor) == "publication" else None
        if maker and maker != m.actor and _is_org(ctx.index, maker):
            s, e = _trimmed(ctx.text, m.start, m.end)
            note = "the publication carries its maker's name; read as issued by it"
            out.append(make_claim(ctx, maker, m.actor, "issues", s, e, "inferred", note, "maker in the name"))
    for a, b in zip(mentions, mentions[1:]):
        gap = ctx.text[a.end : b.start]
        if ctx.index.kind(a.actor) == "programme" and ctx.index.kind(b.actor) in ("ministry", "government_agency"):
            if re.fullmatch(r"\s+van\s+(?:het\s+|de\s+)?", gap):
                s, e = _trimmed(ctx.text, a.start, b.end)
                note = "a programme 'of' a ministry ('het programma van het ministerie'); read as funded by it"
                out.append(make_claim(ctx, b.actor, a.actor, "funds", s, e, "inferred", note, "programme of a ministry"))
        if (
            _is_org(ctx.index, a.actor)
            and ctx.index.kind(b.actor) == "publication"
            and _ISSUED_BY.match(ctx.text[a.end : b.start])
        ):
            s, e = _fit(ctx.text, unit.start, unit.end, [a, b])
            note = "the publication is named after its maker ('SER-advies …'); read as issued by it"
            out.append(make_claim(ctx, a.actor, b.actor, "issues", s, e, "inferred", note, "maker before publication"))
    return out


def extract(ctx: Context, signature_at: int | None = None) -> list[Claim]:
    """Every claim the cue rules propose, in the order of the text."""
    text = ctx.text
    out: list[Claim] = []
    for unit in ctx.units:
        if signature_at is not None and unit.start >= signature_at:
            break
        mentions = ctx.in_span(unit.start, unit.end)
        out += _bylines(ctx, unit, mentions) + _issued(ctx, unit, mentions)
        sentence = text[unit.start : unit.end]
        if PRIVATE.search(sentence) and len(sentence) < 60:
            continue
        hits: list[tuple[Cue, re.Match[str]]] = [(c, m) for c in CUES if (m := c.pattern.search(sentence))]
        if IMPERATIVES.match(sentence) and not any(c.kind == "stance" for c, _ in hits):
            out += _stance(ctx, unit, mentions, None, None)
        elif not any(c.kind == "stance" for c, _ in hits) and ctx.themes is not None and ctx.authors:
            out += _topic(ctx, unit)
        for cue, m in hits:
            at = unit.start + m.start()
            if cue.kind == "stance":
                out += _stance(ctx, unit, mentions, cue, (at, unit.start + m.end()))
            else:
                out += _relation(ctx, unit, mentions, cue, (at, unit.start + m.end()))
    return out


def _stance(ctx: Context, unit: Unit, mentions: list[Mention], cue: Cue | None, span: tuple[int, int] | None) -> list[Claim]:
    cue_at = span[0] if span else unit.start
    if cue is not None and cue.basis == "inferred" and cue.type == "advocates_for":
        # "De toezichthouder zou … moeten": the subject of a need is who should act, not who asks.
        cue_at = unit.start
    speakers, basis, note = _speaker(ctx, unit, cue_at, mentions)
    if not speakers:
        return []
    type_ = cue.type if cue else "advocates_for"
    name = cue.name if cue else "an order at the head of the sentence"
    if cue and cue.basis == "inferred":
        basis, note = "inferred", "; ".join(n for n in (cue.note, note) if n)
    asks = [m for m in mentions if index_kind(ctx, m.actor) in ASK_TYPES and m.actor not in speakers]
    # "… om de implementatie van de OESO-richtlijnen zeker te stellen": a norm named as the yardstick of
    # the ask is its context, not the ask.
    context: list[Mention] = []
    for m in asks:
        gap_before = ctx.text[max(unit.start, m.start - 45) : m.start]
        follows = context and re.fullmatch(r"\s*(?:,|en|and)\s*(?:de|het|the)?\s*", ctx.text[context[-1].end : m.start])
        if _CONTEXT.search(gap_before) or follows:
            context.append(m)
    asks = [m for m in asks if m not in context]
    named = [m for m in mentions if m.actor in speakers]  # a speaker the sentence names stays in its quote
    verdict = span if cue is not None and cue.name == "is niet geschikt" else None
    judged = verdict is not None
    if verdict is not None:
        # "De nieuwe subsidieregeling … is niet geschikt om …": what is judged stands before the verdict.
        cue_at = verdict[0]
        asks = [m for m in asks if m.end <= cue_at][-1:]
        if not asks:
            return []
    out = []
    for m in asks:
        s, e = _fit(ctx.text, unit.start, unit.end, [m, *named], span)
        kind, why = type_, note
        turn = _TURNED.search(ctx.text, m.end, min(unit.end, m.end + 60)) if type_ == "advocates_for" else None
        if turn:
            # "verzoekt u de wet uit te stellen": asked for, but asked to be put off or dropped
            kind = "has_concerns_about" if turn.group("delay") else "opposes"
            why = "; ".join(n for n in (note, f"asks for it to be '{turn.group(0)}': read as against it, not for it") if n)
        for sp in speakers:
            out.append(make_claim(ctx, sp, m.actor, kind, s, e, "inferred" if turn else basis, why, name))
    if ctx.themes is not None and not judged:
        for (c_start, c_end), (theme, _score, shared) in _theme_clauses(ctx, unit):
            if any(m.actor == theme for m in asks):
                continue
            s, e = _fit(ctx.text, unit.start, unit.end, [Mention(theme, c_start, c_end, "theme"), *named], span)
            why = f"the ask is read as this theme from the words it shares with it ({', '.join(shared[:5])}…)"
            for sp in speakers:
                out.append(make_claim(ctx, sp, theme, type_, s, e, "inferred", "; ".join(n for n in (note, why) if n), name))
    return out


# How strongly a sentence without a cue must share a theme's words before it is read as the authors'
# position, and how many themes a whole sentence may be read as (its clauses each add their best).
# Chosen with bench.intake on the five source documents: both trade recall against precision.
TOPIC_SCORE = 4.0
WHOLE_LIMIT = 1
TOPIC_CORE = 1


def _topic(ctx: Context, unit: Unit) -> list[Claim]:
    """A sentence with no cue that is plainly about one of the data's asks: the authors are read as arguing for it."""
    assert ctx.themes is not None
    sentence = ctx.text[unit.start : unit.end]
    if FIRST_PERSON.search(sentence) is None and len(ctx.authors) == 0:
        return []
    if len(sentence.split()) < 6 or unit.start < ctx.body_start:
        return []  # an address, a date line or a short heading is about nobody's position
    out = []
    for theme, score, shared in ctx.themes.match(sentence, limit=1):
        # Without a cue the theme's own words must carry it, not only words of quotes filed for it.
        if score < TOPIC_SCORE or len(shared) < 3 or len(ctx.themes.core[theme] & set(shared)) < TOPIC_CORE:
            continue
        s, e = _fit(ctx.text, unit.start, unit.end, [], target=EVIDENCE_MAX)
        names = ", ".join(ctx.index.name(a) for a in ctx.authors)
        note = (
            f"no cue: the sentence argues about this ask in its words ({', '.join(shared[:5])}…); "
            f"read as the position of the document's authors ({names})"
        )
        out += [
            make_claim(ctx, a, theme, "advocates_for", s, e, "inferred", note, "an ask in the document's words")
            for a in ctx.authors
        ]
    return out


_WITH = re.compile(r"\b(?:samen met|together with|with|met)\s+(?:de |het |the )?$", re.IGNORECASE)
_CONTEXT = re.compile(
    r"(?:\b(?:implementatie|uitvoering|naleving|uitwerking|inhoud|aanbevelingen|implementation|application)\s+(?:\w+\s+){0,2}?"
    r"(?:van|of)|\baan\s+bij|\baansluiten\s+bij|\bvoldoen\s+aan|\bin\s+lijn\s+met|\bin\s+line\s+with)\s+(?:de|het|the)?\s*$",
    re.IGNORECASE,
)
_TURNED = re.compile(
    r"\b(?:(?P<delay>uit te stellen|uitstellen|te vertragen|postpone[sd]?|delay(?:ed)?)|te schrappen|schrappen|in te trekken|"
    r"intrekken|te stoppen|af te schaffen|scrap(?:ped)?|withdraw(?:n)?|abolish(?:ed)?)\b",
    re.IGNORECASE,
)


def _theme_clauses(ctx: Context, unit: Unit) -> list[tuple[tuple[int, int], tuple[str, float, list[str]]]]:
    """The best theme of each clause of a sentence (a list of asks names several), one per theme."""
    assert ctx.themes is not None
    text = ctx.text
    cuts = [unit.start] + [
        unit.start + m.end()
        for m in re.finditer(r"[;:]\s|,\s(?=(?:en\s|and\s)?(?:het|de|een|meer|the|more)\b)", text[unit.start : unit.end])
    ]
    cuts.append(unit.end)
    best: dict[str, tuple[tuple[int, int], tuple[str, float, list[str]]]] = {}
    whole = ctx.themes.match(text[unit.start : unit.end], limit=WHOLE_LIMIT)
    for theme in whole:
        best[theme[0]] = ((unit.start, unit.end), theme)
    if len(cuts) > 2:
        for a, b in zip(cuts, cuts[1:]):
            for theme in ctx.themes.match(text[a:b], limit=1):
                if theme[0] not in best or best[theme[0]][1][1] < theme[1]:
                    best[theme[0]] = ((a, b), theme)
    return list(best.values())


def _is_ask(ctx: Context, actor: str) -> bool:
    return ctx.index.kind(actor) in ASK_TYPES


def index_kind(ctx: Context, actor: str) -> str:
    return ctx.index.kind(actor)


def _relation(ctx: Context, unit: Unit, mentions: list[Mention], cue: Cue, span: tuple[int, int]) -> list[Claim]:
    # A name inside the cue ("voerde CNV Internationaal … uit") is its subject, after the verb as Dutch puts it.
    before = [m for m in mentions if m.end <= span[1] and not (m.start >= span[0] and _is_ask(ctx, m.actor))]
    after = [m for m in mentions if m.start >= span[1] or (m.start >= span[0] and _is_ask(ctx, m.actor))]
    if re.search(r"\bin staat\b", ctx.text[span[0] : span[1]]):
        # "Het programma stelt CNV Internationaal in staat …": who is enabled stands inside the cue.
        before = [m for m in mentions if m.end <= span[0]]
        after = [m for m in mentions if m.start >= span[0]]
    # "Het programma van het ministerie …": the ministry qualifies the programme; the programme is the subject.
    while len(before) >= 2 and re.fullmatch(r"\s+van\s+(?:het\s+|de\s+)?", ctx.text[before[-2].end : before[-1].start]):
        before = before[:-1]
    if (
        not any(_is_org(ctx.index, m.actor) for m in before)
        and cue.type != "member_of"
        and not FIRST_PERSON.search(ctx.text[unit.start : span[0]])  # "werken wij samen met X": the subject is "wij"
    ):
        # "Op verzoek van … ondersteunden FNV en Mondiaal FNV de sector": the subject right after the verb.
        first = next((m for m in after if _is_org(ctx.index, m.actor) or ctx.index.kind(m.actor) == "programme"), None)
        if first is not None and re.fullmatch(r"[\s\w]{0,12}", ctx.text[span[1] : first.start]):
            before, after = before + [first], [m for m in after if m is not first]
    if cue.type == "member_of":
        members = [m for m in before if _is_org(ctx.index, m.actor) or _is_ask(ctx, m.actor)]
        if ctx.text[span[0] : span[1]].casefold().startswith("binnen"):
            # "Een textielprogramma binnen het VMP": the part stands right before "binnen", or it is not named
            members = [m for m in members if span[0] - m.end <= 3]
        if members and after:
            src = members[-1]
            wholes = [after[0]]
            for m in after[1:]:  # "lidstaat van de OESO en de VN": every whole named in the list
                if re.fullmatch(r"\s*(?:,|en|and)\s*(?:de|het|the)?\s*", ctx.text[wholes[-1].end : m.start]):
                    wholes.append(m)
                else:
                    break
            out = []
            for dst in wholes:
                s, e = _fit(ctx.text, unit.start, unit.end, [src, dst], span)
                out.append(make_claim(ctx, src.actor, dst.actor, cue.type, s, e, cue.basis, cue.note, cue.name))
            return out
        return []
    doers = [m for m in before if _is_org(ctx.index, m.actor) or ctx.index.kind(m.actor) == "programme"]
    run = doers[-1:]
    for m in reversed(doers[:-1]):  # "FNV, CNV, VNO-NCW en MKB-Nederland …": every name of the list
        if re.fullmatch(r"\s*(?:,|en|and|&)?\s*(?:,|en|and|&)?\s*", ctx.text[m.end : run[0].start]):
            run.insert(0, m)
        else:
            break
    sources = [m.actor for m in run]
    passive = bool(
        ctx.authors
        and cue.type in ("trains", "funds", "supports", "advises")
        and re.search(r"\b(?:word(?:t|en)|werd(?:en)?)\s+(?:\w+\s+){0,2}?$", ctx.text[unit.start : span[0]])
        and not re.search(r"\bdoor\b", ctx.text[span[1] : unit.end])
        and not FIRST_PERSON.search(ctx.text[unit.start : span[0]])
    )
    if passive:
        # "Vakbonden in productielanden worden getraind …" with no "door …": the subject undergoes it;
        # in a document about its authors' work, read as the authors' doing, and said so.
        sources = list(ctx.authors)
    elif not sources and FIRST_PERSON.search(ctx.text[unit.start : span[0]]):
        sources = list(ctx.authors)
    if cue.type == "partners_with":
        # Partners named in one breath all work together ("Met Stedin, … en IUCN heeft CNV Internationaal …").
        party = list(dict.fromkeys(m.actor for m in mentions if _is_org(ctx.index, m.actor)))
        if 3 <= len(party) <= 6:
            s, e = _fit(ctx.text, unit.start, unit.end, [m for m in mentions if m.actor in party], span)
            return [
                make_claim(ctx, a, b, cue.type, s, e, cue.basis, cue.note, cue.name)
                for i, a in enumerate(party)
                for b in party[i + 1 :]
            ]
    targets = [m for m in after if m.actor not in sources]
    if cue.type not in ("partners_with", "negotiates_with"):
        # "traint … samen met FNV": FNV is a partner in the act, not its object
        targets = [m for m in targets if not _WITH.search(ctx.text, max(unit.start, m.start - 16), m.start)]
    if cue.type in ("partners_with", "negotiates_with") and not targets:
        # "Samenwerking tussen A en B": both after the cue
        names = [m for m in after]
        if len(names) >= 2:
            sources, targets = [names[0].actor], names[1:]
    out = []
    basis, note = cue.basis, cue.note
    # "FNV en Mondiaal FNV ondersteunden …": organisations named together as the subject of one act work together.
    joint = [m for m in before if m.actor in sources and _is_org(ctx.index, m.actor)]
    if cue.type not in ("partners_with", "co_signs") and len(joint) == 2:
        a, b = joint
        if re.fullmatch(r"\s*(?:,|en|and|&)\s*", ctx.text[a.end : b.start]):
            s, e = _fit(ctx.text, unit.start, unit.end, joint, span)
            why = "named together as the subject of one act; read as working together"
            out.append(make_claim(ctx, a.actor, b.actor, "partners_with", s, e, "inferred", why, "joint subject"))
    if cue.type == "issues":
        # "die de SER formuleerde in 2014": what is issued follows the verb closely, or it is not named.
        targets = [t for t in targets if t.start - span[1] <= 30]
    if passive:
        targets = [m for m in mentions if m.end <= span[0] and not _is_ask(ctx, m.actor) and m.actor not in sources][-1:]
        authors = ", ".join(ctx.index.name(a) for a in sources)
        note = f"said in the passive with no one named as doing it; read as the authors' doing ({authors})"
        basis = "inferred"
    for t in targets[:3]:
        s, e = _fit(ctx.text, unit.start, unit.end, [t, *[m for m in before if m.actor in sources][-1:]], span)
        for source in sources:
            if source != t.actor:
                out.append(make_claim(ctx, source, t.actor, cue.type, s, e, basis, note, cue.name))
    return out
