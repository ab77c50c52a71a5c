"""A document cut into units a claim can be quoted from: paragraphs, list items and their sentences.

Sentences come from pysbd's Dutch or English rules; each unit keeps its character offsets in the
document, so a quote is always ``text[start:end]`` and never retyped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Unit", "units"]

_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n\s*")
# A list item starts a unit of its own, even without a blank line before it (PDFs rarely have one).
_ITEM = re.compile(r"\n(?=[ \t]*(?:[-*•\u2022\uf0b7\uf0a7]|\d{1,2}[.)])[ \t])")
# So does the line after a short one that ends in no full stop: a heading, an address or a salutation
# ("Aan de Tweede Kamer", "Geachte Kamerleden,"), where a PDF has no blank line to tell them apart.
_SHORT_LINE = re.compile(r"^[^\n]{0,40}[^\s.;!?-][ \t]*\n(?=[ \t]*\S)", re.MULTILINE)
# A paragraph whose last line ends mid-sentence (a long line ending in a word, or a comma) runs on past the blank line.
_RUNS_ON = re.compile(
    # a heading is shorter and ends in no comma; a salutation or closing ends in a comma but stands alone
    r"^(?:[^\n]{60,}\w|(?![ \t]*(?:geachte|beste|dear|met\s+\w+\s+groet|hoogachtend|kind|yours|best)\b)[^\n]+,)[ \t]*\Z",
    re.IGNORECASE | re.MULTILINE,
)
# Markup and list marks at a unit's edges are not part of what it says.
_LEAD = re.compile(r"^(?:[#>*_\s]+|[-•\u2022\uf0b7\uf0a7]\s+|\d{1,2}[.)]\s+)+")
_TRAIL = re.compile(r"[*_#\s]+$")


@dataclass(frozen=True)
class Unit:
    """One sentence (or heading, or list item) at ``start:end`` of the text, in paragraph ``paragraph``."""

    start: int
    end: int
    paragraph: int
    block_start: int
    block_end: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = _LEAD.match(piece)
    if lead:
        start += lead.end()
    trail = _TRAIL.search(text[start:end])
    if trail:
        end = start + trail.start()
    return start, end


def _blocks(text: str) -> list[tuple[int, int, int]]:
    out = []
    paragraph = 0
    pos = 0
    for m in [*_PARAGRAPH.finditer(text), None]:
        end = m.start() if m else len(text)
        if m is not None and _RUNS_ON.search(text, pos, end):
            continue  # a PDF's blank line inside a sentence: the paragraph goes on after it
        if text[pos:end].strip():
            paragraph += 1
            item_pos = pos
            cuts = sorted(
                {m.start() for m in _ITEM.finditer(text, pos, end)} | {m.end() - 1 for m in _SHORT_LINE.finditer(text, pos, end)}
            )
            for item_end in [*cuts, end]:
                if text[item_pos:item_end].strip():
                    out.append((item_pos, item_end, paragraph))
                item_pos = item_end
        pos = m.end() if m else len(text)
    return out


# pysbd takes about 0.1 ms a character (its abbreviation rules); past this length a plain rule splits
# sentences, so a long document still takes seconds, not minutes.
PYSBD_MAX_CHARS = 60_000
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:o\.a|e\.d|bijv|d\.w\.z|t\.a\.v|a\.s|nr|mr|dhr|mevr|drs|dr|prof|ir|ca|etc|e\.g|i\.e|vs|no|art|blz|p)|\b[A-Z])$",
    re.IGNORECASE,
)
_END = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9À-Ý])")


class _PlainSegmenter:
    """Sentence ends at '.', '!' or '?' before a capital, except after a common abbreviation."""

    def segment(self, block: str) -> list[str]:
        out, start = [], 0
        for m in _END.finditer(block):
            if _ABBREVIATIONS.search(block[start : m.start()]):
                continue
            out.append(block[start : m.end()])
            start = m.end()
        out.append(block[start:])
        return out


def units(text: str, language: str = "nl") -> list[Unit]:
    """The sentences of ``text`` in order, each with its offsets and its paragraph.

    Examples
    --------
    >>> text = "Aan de minister\\n\\nWij pleiten voor meer steun. Dat helpt.\\n- een punt"
    >>> [text[u.start:u.end] for u in units(text)]
    ['Aan de minister', 'Wij pleiten voor meer steun.', 'Dat helpt.', 'een punt']
    """
    import pysbd

    segmenter: Any = (
        pysbd.Segmenter(language=language if language in ("nl", "en") else "en", clean=False)
        if len(text) <= PYSBD_MAX_CHARS
        else _PlainSegmenter()
    )
    out: list[Unit] = []
    for b_start, b_end, paragraph in _blocks(text):
        # pysbd ends a sentence at every line break; a PDF or a wrapped .txt breaks lines mid-sentence.
        # Spaces keep the length, so offsets in this copy are offsets in the text.
        block = text[b_start:b_end].replace("\r", " ").replace("\n", " ")
        cursor = 0
        for sentence in segmenter.segment(block):
            core = sentence.strip()
            if not core:
                continue
            at = block.find(core, cursor)
            if at < 0:  # pysbd changed the text after all: keep the rest of the block whole
                at, core = cursor, block[cursor:].rstrip()
            start, end = _trim(text, b_start + at, b_start + at + len(core))
            cursor = at + len(core)
            if end > start and any(ch.isalnum() for ch in text[start:end]):
                out.append(Unit(start, end, paragraph, b_start, b_end))
    return out
