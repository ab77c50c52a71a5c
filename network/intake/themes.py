"""The asks a sentence argues about, in the data's own words: each theme known by its name, description
and the quotes already filed for it, matched on the word stems a sentence shares with it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from .glossary import DUTCH

__all__ = ["ThemeMatcher"]


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
