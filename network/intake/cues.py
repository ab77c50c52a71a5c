"""The words that propose a claim, in Dutch and English, one table for every rule.

Each cue has a name (shown with every proposal it makes, so an editor sees why it was proposed),
the relation type it suggests, whether the quote then *states* the claim or the claim is a reading
(``inferred``, with the note saying what was read into it), and how its source is found:

- ``stance``: the speaker (a named subject, or the document's authors when the sentence speaks as
  "we" or gives an order) is for, against or worried about the asks the sentence names;
- ``relation``: the actor named before the cue does it to the actors named after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Cue", "CUES", "IMPERATIVES", "FIRST_PERSON", "CLOSINGS", "SALUTATIONS", "ADDRESS_LINES"]


@dataclass(frozen=True)
class Cue:
    name: str
    type: str
    kind: str  # "stance" or "relation"
    basis: str  # "stated" or "inferred"
    pattern: re.Pattern[str]
    note: str = ""


def _c(name: str, type_: str, kind: str, basis: str, pattern: str, note: str = "") -> Cue:
    return Cue(name, type_, kind, basis, re.compile(pattern, re.IGNORECASE), note)


_NEED = "a need or a duty ('is nodig', 'moet') read as the speaker's ask"
CUES: tuple[Cue, ...] = (
    # -- for an ask: said outright
    _c("pleiten voor", "advocates_for", "stance", "stated", r"\bpleit(?:en|te|ten)?\b(?:\s+\w+){0,3}?\s+voor\b"),
    _c("verzoeken", "advocates_for", "stance", "stated", r"\bverzoek(?:en|t)?\b"),
    _c("vragen aandacht", "advocates_for", "stance", "stated", r"\bvrag(?:en|t)\b.{0,60}\baandacht\b"),
    _c("een beroep doen", "advocates_for", "stance", "stated", r"\b(?:doen|doet) een beroep\b"),
    _c("oproepen", "advocates_for", "stance", "stated", r"\broep(?:en|t)?\b.{0,40}\bop\b(?= om|\s+tot)"),
    _c("onderschrijven", "advocates_for", "stance", "stated", r"\bonderschrij(?:ft|ven)\b"),
    _c("voorstel", "advocates_for", "stance", "stated", r"\b(?:onze|ons|één van onze) voorstel(?:len)?\b"),
    _c("aanbevelen", "advocates_for", "stance", "stated", r"\bbevel(?:en|t)\b.{0,40}\baan\b|\baanbeveling(?:en)?\b"),
    _c("zich inzetten voor", "advocates_for", "stance", "stated", r"\bzet(?:ten)?\b.{0,40}\bin(?:\s+\w+){0,2}\s+voor\b"),
    _c("call for", "advocates_for", "stance", "stated", r"\b(?:call(?:s|ed)? (?:on|for)|urge[sd]?|advocat(?:e|es|ed|ing) for)\b"),
    _c("we ask / recommend / support", "advocates_for", "stance", "stated", r"\bwe (?:ask|recommend|support|endorse|welcome)\b"),
    # -- for an ask: a need, a duty, a condition
    _c(
        "is essentieel / nodig",
        "advocates_for",
        "stance",
        "inferred",
        r"\b(?:is|zijn)\b(?:\s+\w+){0,3}?\s+(?:essentieel|nodig|noodzakelijk|cruciaal|onmisbaar|een voorwaarde)\b",
        _NEED,
    ),
    _c(
        "het is van belang",
        "advocates_for",
        "stance",
        "inferred",
        r"\b(?:het is|is het)\s+(?:\w+\s+){0,3}?(?:van belang|belangrijk|zaak|zinvol|tijd)\b",
        _NEED,
    ),
    _c(
        "moet / zou moeten",
        "advocates_for",
        "stance",
        "inferred",
        r"\b(?:moet(?:en)?|zou(?:den)?\b.{0,120}?\bmoeten|behoort)\b",
        _NEED,
    ),
    _c(
        "u kunt",
        "advocates_for",
        "stance",
        "inferred",
        r"^(?:\w+\s+){0,2}?(?:kunt u|u kunt|kan uw \w+)\b|\byou (?:can|could)\b",
        "what the letter says its addressee can do, read as its ask",
    ),
    _c(
        "vraagt om / prioriteit",
        "advocates_for",
        "stance",
        "inferred",
        r"\bvrag(?:en|t)\s+(?:om|verdere)\b|\b(?:een|de) prioriteit\b|\b(?:meer|extra) aandacht voor\b",
        _NEED,
    ),
    _c(
        "should / must / is essential",
        "advocates_for",
        "stance",
        "inferred",
        r"\b(?:should|must|is (?:essential|necessary|needed|crucial|vital))\b",
        _NEED,
    ),
    # -- against an ask
    _c("zijn tegen", "opposes", "stance", "stated", r"\b(?:zijn|is|staan|staat) (?:\w+ )?tegen\b"),
    _c(
        "wijzen af", "opposes", "stance", "stated", r"\bwijz(?:en|t)\b.{0,60}\baf\b|\bafwijz\w*\b|\bverzet(?:ten)? (?:ons|zich)\b"
    ),
    _c("is niet geschikt", "opposes", "stance", "stated", r"\b(?:niet geschikt|ongeschikt|onwenselijk|niet wenselijk)\b"),
    _c("oppose / reject", "opposes", "stance", "stated", r"\b(?:oppose[sd]?|reject(?:s|ed)?|is not (?:fit|suitable))\b"),
    # -- concerns, conditions
    _c(
        "maken ons zorgen",
        "has_concerns_about",
        "stance",
        "stated",
        r"\bmak(?:en|t) (?:ons|zich) zorgen\b|\bmet zorg\b|\bbezorgd\b|\bzorg(?:en)? (?:over|om)\b|\bbedenking(?:en)?\b",
    ),
    _c("een zorg die", "has_concerns_about", "relation", "stated", r"\been zorg die\b"),
    _c(
        "alleen … zinvol",
        "has_concerns_about",
        "stance",
        "inferred",
        r"\balleen\b(?:\s+\S+){0,6}?\s+(?:zinvol|effectief|als|wanneer|mits)\b|\bonder (?:de )?voorwaarde\b|\bmits\b",
        "a condition ('alleen … als', 'mits') read as backing with concerns",
    ),
    _c(
        "concerned / only if",
        "has_concerns_about",
        "stance",
        "stated",
        r"\b(?:concern(?:s|ed)?|worr(?:y|ies|ied)|only if|provided that)\b",
    ),
    # -- who does what to whom
    _c(
        "financieren",
        "funds",
        "relation",
        "stated",
        r"\bfinancier(?:t|en|de|den)\b|\bgefinancierd\b|\bsubsidieer\w*\b|\bstelt\b.{0,80}\bin staat\b|\bfund(?:s|ed)\b|\bfinanced by\b",
    ),
    _c(
        "trainen",
        "trains",
        "relation",
        "stated",
        r"\btrain(?:t|en|de|den|s|ed)\b|\bgetraind\b|\btraining(?:en)?\b|\bcoach(?:t|en|ing)\b|\bopgeleid\b",
    ),
    _c(
        "samenwerken met",
        "partners_with",
        "relation",
        "stated",
        r"\bsamen met\b|\bsamenwerking\b(?:\s+\w+){0,2}?\s+(?:tussen|met)\b|\bwerk(?:t|en) samen\b|\bsamenwerken\b|\bin partnership with\b|\btogether with\b|\bpartners? (?:van|of)\b"
        r"|^Met\b(?=[^.]{0,120}\b(?:heeft|hebben|zijn|werd|werden)\b)",
    ),
    _c(
        "ingediend bij",
        "addresses",
        "relation",
        "stated",
        r"\b(?:ingediend|gestuurd|verstuurd|aangeboden|voorgelegd) (?:bij|aan)\b|\bbrief aan\b|\bsubmitted to\b|\bwrote to\b",
    ),
    _c("onderhandelen", "negotiates_with", "relation", "stated", r"\bonderhandel\w*\b|\bcao-onderhandeling\w*\b|\bnegotiat\w+\b"),
    _c("adviseren", "advises", "relation", "stated", r"\badviseer(?:t|de)\b|\badvies aan\b|\badvise[sd]\b"),
    _c(
        "uitvoeren",
        "implements",
        "relation",
        "stated",
        r"\bvoer(?:t|en|de|den)\b(?:\s+\w+){0,9}?\s+uit\b|\buitgevoerd door\b|\bimplement(?:s|ed)\b|\bcarr(?:y|ies|ied) out\b",
    ),
    _c(
        "lid van",
        "member_of",
        "relation",
        "stated",
        r"\b(?:lid|onderdeel|deel|lidstaat)\s+(?:\w+\s+)?van\b|\bmaakt?e?n?\s+deel\s+uit\s+van\b|\baangesloten bij\b|\b(?:ontwikkeld|opgezet|ondergebracht)\s+binnen\b|\bbinnen\s+(?:het|de)\b"
        r"|\bmember of\b|\bpart of\b",
    ),
    _c(
        "steunen",
        "supports",
        "relation",
        "stated",
        r"\b(?:onder)?steun(?:t|en|de|den)\b|\bomarmd\b|\bsupport(?:s|ed)\b|\bsteun vanuit\b"
        r"|\b(?:draagt|dragen|droeg|droegen)\b(?:\s+\w+){0,3}?\s+bij aan\b|\bcontribut(?:es|ed) to\b",
    ),
    _c(
        "uitbrengen",
        "issues",
        "relation",
        "stated",
        r"\bformuleerde\b|\bgepubliceerd\b|\bpubliceer\w*\b|\bbracht\b.{0,40}\buit\b|\bpublishe[sd]\b",
    ),
)

# Orders at the head of a sentence: an ask of the document's authors ("Investeer in …").
IMPERATIVES = re.compile(
    r"^(?:Ondersteun|Zorg|Ontwikkel|Blijf|Houd|Geef|Zet|Stimuleer|Rol|Investeer|Maak|Neem|Breng|Pak|Borg|Versterk|"
    r"Erken|Help|Kies|Verhoog|Voer|Werk|Betrek|Start|Stop|Creëer|Bied|Financier|Behoud|Continueer|Verleng|Schrap|"
    r"Ensure|Support|Develop|Invest|Continue|Fund|Provide|Make|Keep|Include|Adopt|Strengthen|Protect|Involve)\b"
)
FIRST_PERSON = re.compile(r"\b(?:we|wij|ons|onze|our|us)\b", re.IGNORECASE)
# Where a letter ends and its signatures begin; a brochure's contact block names its makers.
CLOSINGS = re.compile(
    r"^[ \t]*(?:met (?:vriendelijke|hartelijke) groet(?:en)?|hoogachtend|namens\b|kind regards|yours sincerely|"
    r"sincerely|best regards|on behalf of|neem contact met ons op|contact\b)",
    re.IGNORECASE | re.MULTILINE,
)
SALUTATIONS = re.compile(r"^[ \t]*(?:geachte|beste|dear)\b[^\n]*", re.IGNORECASE | re.MULTILINE)
ADDRESS_LINES = re.compile(
    r"^[ \t#*_]*(?:(?:aan\s|to:?\s|t\.a\.v\.)[^\n]*|(?:position paper|positie ?paper)[^\n]*(?:\n(?![ \t]*\n)[^\n]*)?)",
    re.IGNORECASE | re.MULTILINE,
)
