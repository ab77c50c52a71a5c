"""Intake: a new document in, its actors and quoted claims proposed; nothing written until an editor accepts.

``propose(name, data, dataset)`` reads a .txt, .md, .pdf or .docx document and returns a
:class:`Proposal`: the document's ``sources.csv`` row, the actors it names (existing ids, or new
actors with a type and a "same as …?" hint) and the claims, each with a verbatim quote
(``text[start:end]`` of the document), its page, ``basis`` and ``note``, and the cue that proposed
it. Everything runs offline on rules (:mod:`network.intake.cues`) over the data's own names,
aliases and quotes; no model is downloaded or called. :mod:`network.intake.review` writes the
proposals to a CSV an editor marks up, and applies the accepted rows through ``network.store``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model import Dataset
from .actors import ActorIndex, Mention, NewActor
from .claims import extract
from .document import find_date, language, source_row
from .letter import ROUND_TABLE, ROUND_TABLE_NOTE, addressees, authors_and_signatures
from .quote import PRIVATE, Claim, Context, make_claim
from .read import MAX_BYTES, READABLE, IntakeError, read_document
from .segment import units
from .themes import ThemeMatcher

__all__ = ["READABLE", "MAX_BYTES", "IntakeError", "Proposal", "Claim", "NewActor", "propose"]


@dataclass
class Proposal:
    """What intake proposes for one document: its sources row, the actors it names, the claims."""

    document: dict[str, str]
    actors: list[dict[str, Any]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    text: str = ""
    messages: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "actors": self.actors,
            "claims": [c.row() for c in self.claims],
            "messages": self.messages,
        }


def _dedupe(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per (source, target, type): the first stated one, else the first."""
    best: dict[tuple[str, str, str], Claim] = {}
    for c in claims:
        if c.source == c.target:
            continue
        a, b = (c.source, c.target) if c.directed else sorted((c.source, c.target))
        key = (a, b, c.type)
        old = best.get(key)
        if old is None or (old.basis == "inferred" and c.basis == "stated"):
            best[key] = c
    return sorted(best.values(), key=lambda c: (c.start, c.source, c.target))


def propose(
    name: str, data: bytes, dataset: Dataset | None = None, relations: Iterable[Mapping[str, str]] | None = None
) -> Proposal:
    """Read one document and propose its sources row, actors and claims against ``dataset``.

    ``relations`` (default: the dataset's) are the quotes already filed, from which existing themes
    are recognised in new wording. IntakeError when the document cannot be read.

    Examples
    --------
    >>> from network.model import Dataset
    >>> ds = Dataset(actors=[{"id": "fnv", "name": "FNV", "type": "trade_union"},
    ...                      {"id": "vmp", "name": "Vakbondsprogramma", "type": "programme"}], relations=[], sources=[])
    >>> p = propose("brief.txt", "FNV pleit voor het Vakbondsprogramma, zo zeggen wij al jaren.".encode(), ds)
    >>> [(c.source, c.type, c.target, c.quote) for c in p.claims]
    [('fnv', 'advocates_for', 'vmp', 'FNV pleit voor het Vakbondsprogramma, zo zeggen wij al jaren.')]
    """
    doc = read_document(name, data)
    text = doc.text
    lang = language(text)
    actors = list(dataset.actors) if dataset else []
    relations = list(dataset.relations if dataset and relations is None else relations or [])
    if not lang:
        raise IntakeError(
            f"{name}: the text does not read as Dutch or English; intake's cues are Dutch and English, "
            "so it proposes nothing rather than guess"
        )
    index = ActorIndex(actors)
    mentions = index.find(text)
    # Organisations the data lacks take part in claims as proposed actors: accepted with them, or merged.
    new_orgs = [n for n in index.new_organisations(text, mentions) if not PRIVATE.search(n.name)]
    for n in new_orgs:
        index.actors[n.id] = {"id": n.id, "name": n.name, "type": n.type}
        mentions += [Mention(n.id, a, b, "organisation word") for a, b in n.mentions]
    mentions.sort(key=lambda m: m.start)
    proposed = {n.id for n in new_orgs}
    ctx = Context(text, units(text, lang), index, mentions, "", doc.page, themes=ThemeMatcher(actors, relations))
    ctx.date, _ = find_date(text)
    authors, signature_claims, signature_at = authors_and_signatures(ctx)
    ctx.authors = authors
    addressed, address_lines = addressees(ctx)
    ctx.addressees = addressed
    ctx.body_start = max((end for _, end, _ in address_lines), default=0)
    claims: list[Claim] = list(signature_claims)
    for start, end, cue in address_lines:
        here = {m.actor for m in ctx.in_span(start, end)}
        for target in addressed:
            if cue == ROUND_TABLE:
                claims += [
                    make_claim(ctx, a, target, "addresses", start, end, "inferred", ROUND_TABLE_NOTE, cue) for a in authors
                ]
            elif target in here:
                for a in authors:
                    claims.append(make_claim(ctx, a, target, "addresses", start, end, "stated", "", cue))
    claims += extract(ctx, signature_at)
    claims = [c for c in _dedupe(claims) if not PRIVATE.search(c.quote)]
    used = {c.source for c in claims} | {c.target for c in claims} | {m.actor for m in mentions}
    rows: list[dict[str, Any]] = []
    for m in mentions:
        if m.actor in used and m.actor not in proposed and not any(r["id"] == m.actor for r in rows):
            rows.append(
                {
                    "id": m.actor,
                    "name": index.name(m.actor),
                    "type": index.kind(m.actor),
                    "existing": True,
                    "found_as": text[m.start : m.end],
                    "how": m.how,
                    "same_as": "",
                }
            )
    for c in claims:
        for actor in (c.source, c.target):
            if actor in index.actors and actor not in proposed and not any(r["id"] == actor for r in rows):
                rows.append(
                    {
                        "id": actor,
                        "name": index.name(actor),
                        "type": index.kind(actor),
                        "existing": True,
                        "found_as": "",
                        "how": "theme words",
                        "same_as": "",
                    }
                )
    for person in ctx.new_people:
        rows.append(
            {
                "id": person.id,
                "name": person.name,
                "type": "person",
                "existing": False,
                "found_as": person.name,
                "how": "signature line",
                "same_as": person.same_as,
                "role": person.role,
            }
        )
    for new in new_orgs:
        rows.append(
            {
                "id": new.id,
                "name": new.name,
                "type": new.type,
                "existing": False,
                "found_as": new.name,
                "how": "organisation word",
                "same_as": new.same_as,
            }
        )
    names = {r["id"]: r["name"] for r in rows}
    signatories = [
        f"{names.get(c.source, c.source)} ({c.quote.split(',', 1)[1].strip() if ',' in c.quote else index.name(c.target)})"
        for c in claims
        if c.type == "holds_office_at" and c.cue == "signature line"
    ]
    row = source_row(
        name, text, [index.name(a) for a in authors], [index.name(a) for a in addressed], list(dict.fromkeys(signatories))
    )
    messages = []
    if not authors:
        messages.append(
            "no author found (no signature block, and no organisation speaks as the document): stances are not proposed"
        )
    return Proposal(row, rows, claims, text, messages)
