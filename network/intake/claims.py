"""The rules that turn a document's sentences into proposed claims, each with its verbatim quote.

The cues (:mod:`network.intake.cues`) drive them: a stance cue makes its speaker for, against or
concerned about the asks the sentence names (asks in the data's words, or an existing theme whose
words the sentence shares, :mod:`network.intake.themes`); a relation cue links the actor named
before it to those after it. Bylines and publications named after their makers add a few more.
Who signs the document and whom it addresses is read by :mod:`network.intake.letter`; the claim and
its quote are :mod:`network.intake.quote`.
"""

from __future__ import annotations

import re

from ..model import EVIDENCE_MAX
from .actors import ASK_TYPES, Mention, is_org
from .cues import CUES, FIRST_PERSON, IMPERATIVES, Cue
from .quote import PRIVATE, Claim, Context, fit, make_claim, trimmed
from .segment import Unit

__all__ = ["TOPIC_SCORE", "extract"]


def _speaker(ctx: Context, unit: Unit, cue_at: int, mentions: list[Mention]) -> tuple[list[str], str, str]:
    """Who speaks in a sentence: a named subject before the cue, or the authors ("we", an order); with basis and note."""
    text = ctx.text
    before = [m for m in mentions if m.end <= cue_at and is_org(ctx.index, m.actor)]
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
    orgs = [m for m in mentions[1:] if m.end <= role_end and is_org(ctx.index, m.actor)]
    return [make_claim(ctx, person.actor, m.actor, "holds_office_at", unit.start, unit.end, "stated", "", "byline") for m in orgs]


def _issued(ctx: Context, unit: Unit, mentions: list[Mention]) -> list[Claim]:
    out = []
    for m in mentions:
        # "ITUC Global Rights Index": a publication whose name opens with its maker's.
        head = re.match(r"[\w&]+", ctx.text[m.start : m.end])
        maker = ctx.index.acronym(head.group(0)) if head and ctx.index.kind(m.actor) == "publication" else None
        if maker and maker != m.actor and is_org(ctx.index, maker):
            s, e = trimmed(ctx.text, m.start, m.end)
            note = "the publication carries its maker's name; read as issued by it"
            out.append(make_claim(ctx, maker, m.actor, "issues", s, e, "inferred", note, "maker in the name"))
    for a, b in zip(mentions, mentions[1:]):
        gap = ctx.text[a.end : b.start]
        if ctx.index.kind(a.actor) == "programme" and ctx.index.kind(b.actor) in ("ministry", "government_agency"):
            if re.fullmatch(r"\s+van\s+(?:het\s+|de\s+)?", gap):
                s, e = trimmed(ctx.text, a.start, b.end)
                note = "a programme 'of' a ministry ('het programma van het ministerie'); read as funded by it"
                out.append(make_claim(ctx, b.actor, a.actor, "funds", s, e, "inferred", note, "programme of a ministry"))
        if (
            is_org(ctx.index, a.actor)
            and ctx.index.kind(b.actor) == "publication"
            and _ISSUED_BY.match(ctx.text[a.end : b.start])
        ):
            s, e = fit(ctx.text, unit.start, unit.end, [a, b])
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
        s, e = fit(ctx.text, unit.start, unit.end, [m, *named], span)
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
            s, e = fit(ctx.text, unit.start, unit.end, [Mention(theme, c_start, c_end, "theme"), *named], span)
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
        s, e = fit(ctx.text, unit.start, unit.end, [], target=EVIDENCE_MAX)
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
        not any(is_org(ctx.index, m.actor) for m in before)
        and cue.type != "member_of"
        and not FIRST_PERSON.search(ctx.text[unit.start : span[0]])  # "werken wij samen met X": the subject is "wij"
    ):
        # "Op verzoek van … ondersteunden FNV en Mondiaal FNV de sector": the subject right after the verb.
        first = next((m for m in after if is_org(ctx.index, m.actor) or ctx.index.kind(m.actor) == "programme"), None)
        if first is not None and re.fullmatch(r"[\s\w]{0,12}", ctx.text[span[1] : first.start]):
            before, after = before + [first], [m for m in after if m is not first]
    if cue.type == "member_of":
        members = [m for m in before if is_org(ctx.index, m.actor) or _is_ask(ctx, m.actor)]
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
                s, e = fit(ctx.text, unit.start, unit.end, [src, dst], span)
                out.append(make_claim(ctx, src.actor, dst.actor, cue.type, s, e, cue.basis, cue.note, cue.name))
            return out
        return []
    doers = [m for m in before if is_org(ctx.index, m.actor) or ctx.index.kind(m.actor) == "programme"]
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
        party = list(dict.fromkeys(m.actor for m in mentions if is_org(ctx.index, m.actor)))
        if 3 <= len(party) <= 6:
            s, e = fit(ctx.text, unit.start, unit.end, [m for m in mentions if m.actor in party], span)
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
    joint = [m for m in before if m.actor in sources and is_org(ctx.index, m.actor)]
    if cue.type not in ("partners_with", "co_signs") and len(joint) == 2:
        a, b = joint
        if re.fullmatch(r"\s*(?:,|en|and|&)\s*", ctx.text[a.end : b.start]):
            s, e = fit(ctx.text, unit.start, unit.end, joint, span)
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
        s, e = fit(ctx.text, unit.start, unit.end, [t, *[m for m in before if m.actor in sources][-1:]], span)
        for source in sources:
            if source != t.actor:
                out.append(make_claim(ctx, source, t.actor, cue.type, s, e, basis, note, cue.name))
    return out
