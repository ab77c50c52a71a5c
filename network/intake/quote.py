"""A proposed claim and the quote that carries it.

A claim's quote is always ``text[start:end]`` of the document: the sentence that carries it, or,
when the sentence is longer than a quote may be, the shortest run of its clauses that holds the
cue and the actors (:func:`fit`). :class:`Context` is what the rules (:mod:`network.intake.letter`,
:mod:`network.intake.claims`) know about the document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

from ..model import EVIDENCE_MAX
from ..vocabulary import RELATION_TYPES
from .actors import ActorIndex, Mention, NewActor
from .segment import Unit
from .themes import ThemeMatcher

__all__ = ["Claim", "Context", "PRIVATE", "QUOTE_TARGET", "fit", "make_claim", "trimmed"]


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


_EDGE = " \t\r\n*_#>-•\u2022\uf0b7"


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


# A sentence longer than this is cut down to the clauses that carry the claim (the cue, the actors):
# a quote should be the shortest text that says it, and a short one is read at a glance.
QUOTE_TARGET = 160


def fit(
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
        return trimmed(text, start, min(end, _word_end(text, start + EVIDENCE_MAX, start)))
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
    return trimmed(text, left, right)


def _word_end(text: str, limit: int, floor: int) -> int:
    cut = text.rfind(" ", floor, limit)
    return cut if cut > floor else limit


def make_claim(
    ctx: Context, source: str, target: str, type_: str, start: int, end: int, basis: str, note: str, cue: str
) -> Claim:
    """A claim quoting ``text[start:end]``, dated by the document, with the page its quote starts on."""
    directed = RELATION_TYPES[type_].directed
    return Claim(source, target, type_, directed, ctx.date, ctx.text[start:end], start, end, ctx.page_of(start), basis, note, cue)
