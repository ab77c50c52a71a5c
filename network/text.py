"""Small text helpers shared by every layer: shortening, slugs, bounded "did you mean".

One definition each, so a message, a file name and a suggestion read the same wherever
they are made.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

__all__ = ["shorten", "slugify", "close_matches", "SUGGEST_CANDIDATES_MAX"]

# difflib compares a value with every candidate; above this many candidates only those
# sharing the value's first character are compared, so one lookup stays cheap on any data.
SUGGEST_CANDIDATES_MAX = 2000


def shorten(value: str, limit: int = 60) -> str:
    """One line of at most ``limit`` characters, with an ellipsis when cut.

    Examples
    --------
    >>> shorten("a\\nb"), shorten("x" * 10, 5)
    ('a b', 'xxxx…')
    """
    value = value.replace("\r", " ").replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def slugify(text: str, fallback: str = "") -> str:
    """A lower-case slug of letters, digits and '-': accents dropped, other runs become one '-'.

    Examples
    --------
    >>> slugify("Mondiaal FNV"), slugify("Ünïcödé Naam!"), slugify("../../etc/passwd"), slugify("!!", "x")
    ('mondiaal-fnv', 'unicode-naam', 'etc-passwd', 'x')
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    slug = re.sub(r"[\W_]+", "-", plain).strip("-")
    return slug or fallback


def close_matches(value: str, known: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to ``n`` known values close to ``value``, at a bounded cost per call.

    Examples
    --------
    >>> close_matches("fnvv", ["fnv", "cnv", "ser"])
    ['fnv']
    """
    candidates = list(known)
    if len(candidates) > SUGGEST_CANDIDATES_MAX:
        head = value[:1].casefold()
        candidates = [c for c in candidates if c[:1].casefold() == head][:SUGGEST_CANDIDATES_MAX]
    return difflib.get_close_matches(value, candidates, n=n, cutoff=cutoff)
