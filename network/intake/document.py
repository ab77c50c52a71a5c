"""The document itself as a ``sources.csv`` row: title, date as precise as the text gives it, kind, authors, addressee."""

from __future__ import annotations

import re

from ..text import slugify

__all__ = ["find_date", "find_kind", "find_title", "source_row", "language", "file_name"]


def file_name(name: str) -> str:
    r"""The document's file name as ``sources.csv`` names it and the documents folder keeps it:
    the last part of what the browser or the command line gave, printable, never a path.

    Examples
    --------
    >>> file_name("C:\\Users\\anna\\brief.pdf"), file_name("../../etc/passwd"), file_name("..")
    ('brief.pdf', 'passwd', 'document')
    """
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base if base and base.strip(".") else "document"


_MONTHS = {
    **{
        m: i
        for i, m in enumerate(
            "januari februari maart april mei juni juli augustus september oktober november december".split(), 1
        )
    },
    **{
        m: i
        for i, m in enumerate("january february march april may june july august september october november december".split(), 1)
    },
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# "Op 8 december a.s." (aanstaande): the document was written before that day of a year it does not give.
_COMING = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+a\.?s\.?", re.IGNORECASE)


def find_date(text: str) -> tuple[str, str]:
    """The document's date as precise as its opening gives it, and a note saying where it came from.

    Examples
    --------
    >>> find_date("Aan de minister\\n7 mei 2026\\n\\nGeachte heer,")
    ('2026-05-07', '')
    >>> find_date("Op 8 december a.s. voert de commissie een overleg")[1]
    "the text dates itself only by '8 december a.s.' (the coming 8 December, no year): set the year by hand"
    """
    head = text[:1500]
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_ISO, "iso")):
        m = pattern.search(head)
        if m:
            if order == "dmy":
                d, mo, y = int(m.group(1)), _MONTHS[m.group(2).casefold()], int(m.group(3))
            elif order == "mdy":
                mo, d, y = _MONTHS[m.group(1).casefold()], int(m.group(2)), int(m.group(3))
            else:
                y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}", ""
    m = _MONTH_YEAR.search(head)
    if m:
        return f"{int(m.group(2)):04d}-{_MONTHS[m.group(1).casefold()]:02d}", ""
    m = _COMING.search(head)
    if m:
        return "", (
            f"the text dates itself only by '{m.group(0)}' (the coming {int(m.group(1))} {m.group(2).capitalize()}, no year): "
            "set the year by hand"
        )
    return "", "the text gives no date: set it by hand (a year at least)"


def find_kind(text: str) -> str:
    """letter, position paper, brochure, report or document, by the words the text uses for itself.

    Examples
    --------
    >>> find_kind("Geachte Kamerleden,\\n\\n…\\n\\nMet vriendelijke groeten,"), find_kind("Position paper ten behoeve van")
    ('letter', 'position paper')
    """
    folded = text.casefold()
    head = folded[:1500]
    if re.search(r"positi(?:e|on) ?paper|positiepaper", head):
        return "position paper"
    if re.search(r"^\s*(?:geachte|dear)\b", folded, re.MULTILINE) or re.search(r"met (?:vriendelijke|hartelijke) groet", folded):
        return "letter"
    if re.search(r"\brapport\b|\breport\b|\bonderzoek\b", head):
        return "report"
    if re.search(r"neem contact met ons op|contact us", folded) or folded.count("\n\n") > 60:
        return "brochure"
    return "document"


def find_title(text: str) -> str:
    """The first paragraph that reads as a title: not an address, salutation or date line; markup stripped.

    A cover's title broken over short lines is read as one ("Investeren in / vakbonden is / …"). In a
    letter only what stands above the salutation is looked at: its first paragraph is no title.

    Examples
    --------
    >>> find_title("\\n\\nInvesteren in\\nvakbonden is\\n**loont**\\n\\nDe tekst.")
    'Investeren in vakbonden is loont'
    """
    salutation = re.search(r"^[ \t]*(?:geachte|beste|dear)\b", text, re.IGNORECASE | re.MULTILINE)
    head = text[: salutation.start()] if salutation else text
    for paragraph in re.split(r"\n[ \t]*\n", head):
        lines = [re.sub(r"[#*_>]+", "", line).strip() for line in paragraph.splitlines()]
        lines = [
            x for x in lines if x and not re.match(r"(?i)(aan|to|geachte|dear|beste)\b", x) and not _DAY_MONTH_YEAR.fullmatch(x)
        ]
        # Short lines are a title broken over lines; a long first line is a title (or a paragraph) of its own.
        clean = " ".join(lines) if lines and all(len(x) <= 40 for x in lines) else (lines[0] if lines else "")
        if 8 <= len(clean) <= 200:
            return clean
    return ""


_NL = frozenset("de het een en van voor dat met zijn niet ook als wordt worden bij naar deze wij onze".split())
_EN = frozenset("the and of to for that with is are not also as be by this we our which".split())
# French, German and Spanish share "de" or "die" with the two; their own commonest words tell them apart.
_OTHER = frozenset(
    "le la les des et est nous vous pour une du que au der und ist nicht das mit el los las y por con para".split()
)


def language(text: str) -> str:
    """'nl', 'en', or '' when the text reads as neither (too few of either's commonest words).

    Examples
    --------
    >>> language("Wij pleiten voor een sterke rol van de overheid en de SER."), language("Nous demandons au ministre de la République de soutenir les syndicats.")
    ('nl', '')
    """
    words = re.findall(r"[^\W\d_]+", text[:50_000].casefold())
    if not words:
        return ""
    nl = sum(w in _NL for w in words) / len(words)
    en = sum(w in _EN for w in words) / len(words)
    other = sum(w in _OTHER for w in words) / len(words)
    if max(nl, en) < 0.08 or other >= max(nl, en):
        return ""
    return "nl" if nl >= en else "en"


def source_row(name: str, text: str, authors: list[str], addressed: list[str], signatories: list[str]) -> dict[str, str]:
    """The ``sources.csv`` row the document would get; ``authors`` and ``addressed`` are names."""
    title = find_title(text) or (f"Brief aan {addressed[0]}" if addressed else name)
    date, note = find_date(text)
    year = date[:4]
    authors_text = "; ".join(authors)
    if signatories:
        authors_text += (". " if authors_text else "") + "Signed by " + ", ".join(signatories)
    return {
        "id": slugify(f"{title[:60]} {year}".strip(), "document"),
        "title": title,
        "date": date,
        "kind": find_kind(text),
        "authors": authors_text,
        "addressed_to": "; ".join(addressed),
        "file": file_name(name),
        "date_note": note,
    }
