"""The rules that read a document as a letter: who signs it and whom it is addressed to.

- **signatures**: the organisations in the signature (or contact) block are the document's authors;
  they co-sign with one another, and a signatory holds office at the organisations on their line;
  without a signature block, the organisations that speak as the document;
- **addresses**: the authors address whom the "Aan …", "Geachte …" or position-paper line names.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import EVIDENCE_MAX
from ..text import slugify
from .actors import ASK_TYPES, Mention, NewActor, is_org
from .cues import ADDRESS_LINES, CLOSINGS, SALUTATIONS
from .quote import PRIVATE, Claim, Context, fit, make_claim, trimmed

__all__ = ["ROUND_TABLE", "ROUND_TABLE_NOTE", "addressees", "authors_and_signatures"]


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
        authors = list(dict.fromkeys(m.actor for m in block if is_org(index, m.actor)))
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
                signed += [m.actor for m in ctx.in_span(start, first_role_end) if is_org(index, m.actor)]
            authors = list(dict.fromkeys(signed)) or authors
            for line in re.finditer(r"[^\n]+", text[block_start:]):
                start, end = block_start + line.start(), block_start + line.end()
                here = ctx.in_span(start, end)
                people = [m for m in here if index.kind(m.actor) == "person"]
                people += _new_person(ctx, start, end, people)
                orgs = list(dict.fromkeys(m.actor for m in here if is_org(index, m.actor)))
                if len(people) == 1 and orgs:
                    s, e = trimmed(text, start, end)
                    for org in orgs:
                        claims.append(
                            make_claim(ctx, people[0].actor, org, "holds_office_at", s, e, "stated", "", "signature line")
                        )
                elif len(people) >= 2 and not orgs:
                    claims += _signature_columns(ctx, people, end)
        if len(authors) >= 2 and not contact:
            s, e = trimmed(text, block_start, len(text))
            s, e = fit(text, s, e, [m for m in ctx.mentions if m.start >= s], target=EVIDENCE_MAX)
            for i, a in enumerate(authors):
                for b in authors[i + 1 :]:
                    claims.append(make_claim(ctx, a, b, "co_signs", s, e, "stated", "", "signature block"))
        elif len(authors) >= 2:
            # A contact block lists people and their numbers between the organisations: the quote is
            # the block's opening and its first organisation only, so no contact detail is quoted.
            first = next(m for m in block if m.actor == authors[0])
            s, e = trimmed(text, closing.start(), first.end)
            note = "the contact block names these organisations as the document's makers; read as co-authors"
            for i, a in enumerate(authors):
                for b in authors[i + 1 :]:
                    claims.append(make_claim(ctx, a, b, "co_signs", s, e, "inferred", note, "contact block"))
        if authors:
            return authors, claims, closing.start()
    # No signatures: the organisations that speak as the document ("FNV, CNV … vragen", "deelt de SER", "X onderschrijft")
    speakers: Counter[str] = Counter()
    for u in ctx.units:
        here = [m for m in ctx.in_span(u.start, u.end) if is_org(index, m.actor)]
        sentence = text[u.start : u.end]
        if here and re.search(
            r"\b(?:dit|deze) (?:positie ?paper|position paper|brief|notitie|brochure)\b|\bonderschrij", sentence, re.I
        ):
            speakers.update(m.actor for m in here)
        if len(here) >= 3 and re.search(r"\b(?:vragen|verzoeken|doen een beroep|werken)\b", sentence):
            speakers.update(m.actor for m in here)
        # "Mondiaal FNV supports …", "CNV Internationaal onderschrijft …": an organisation opening a sentence with a position.
        lead = [m for m in ctx.in_span(u.start, u.end) if m.start == u.start]
        if lead and is_org(index, lead[0].actor) and _SPEAKS.match(text, lead[0].end, u.end):
            speakers[lead[0].actor] += 1
    if speakers:
        top = max(speakers.values())
        authors = [a for a, c in speakers.items() if c == top]
    else:
        counts = Counter(m.actor for m in ctx.mentions if is_org(index, m.actor))
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
                roles[i] += [m.actor for m in ctx.in_span(a, b) if is_org(index, m.actor)]
        elif len(cells) < len(people):
            # A role that runs onto the next line belongs to the first column still without an organisation.
            for a, b in cells:
                orgs = [m.actor for m in ctx.in_span(a, b) if is_org(index, m.actor)]
                gap = next((i for i, r in enumerate(roles) if not r), None)
                if orgs and gap is not None:
                    roles[gap] += orgs
        else:
            break
        end = start + len(line.group(0))
    s, e = trimmed(text, people[0].start, end)
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
            s, e = trimmed(ctx.text, start, end)
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
            s, e = trimmed(ctx.text, hearing.start(), hearing.end())
            spans.append((s, e, ROUND_TABLE))
            found.append(kamer)
    return list(dict.fromkeys(found)), spans


ROUND_TABLE = "round table of the Tweede Kamer"


ROUND_TABLE_NOTE = (
    "the paper is for a round table (rondetafelgesprek) or hearing, which the Tweede Kamer holds; the text does not name it"
)
