"""Crisis detection on every typed answer.

Deterministic on purpose: patterns and keywords from the dialog file, with negation
handling ("I'm not suicidal") and tolerance for common misspellings. Missing a crisis is
worse than a false alarm, so only a negation right before a negatable pattern clears it;
`firm_patterns` (e.g. "don't want to live") are never negated.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .terms import _distance
from .spec import Safety

_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "`": "", "\u02bc": ""})
_NON_WORD = re.compile(r"[^a-z0-9.]+")
_BREAKS = re.compile(r"[.,;:!?\n]+")
_REPEATS = re.compile(r"(.)\1{2,}")
NEGATION_WINDOW = 3  # words before a match that a negator may stand in


def normalize(text: str) -> str:
    """Lower-case ASCII words; accents, emoji and stretched letters removed; clause breaks kept as "."."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _REPEATS.sub(r"\1\1", text)
    text = _BREAKS.sub(" . ", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


class Detector:
    """Built once per dialog; `detect` is called on every answer, so patterns are precompiled."""

    def __init__(self, safety: Safety):
        self.negators = frozenset(normalize(n) for n in safety.negators)
        self.kinds = list(safety.kinds)
        # one alternation per kind: a few regex scans per answer instead of one per pattern
        self.firm = [(k, _union(spec.firm_patterns)) for k, spec in safety.kinds.items() if spec.firm_patterns]
        self.negatable = [(k, _union(spec.patterns)) for k, spec in safety.kinds.items() if spec.patterns]
        self.keywords = tuple((k, normalize(w)) for k, spec in safety.kinds.items() for w in spec.keywords)

    def detect(self, text: str) -> tuple[str, ...]:
        """The crisis kinds this text discloses, in the dialog's order; empty when none."""
        norm = normalize(text)
        if not norm:
            return ()
        found: set[str] = set()
        for kind, pattern in self.firm:
            if kind not in found and pattern.search(norm):
                found.add(kind)
        for kind, pattern in self.negatable:
            if kind in found:
                continue
            for match in pattern.finditer(norm):
                if not self._negated(norm, match.start()):
                    found.add(kind)
                    break
        if len(found) < len(self.kinds):
            found.update(self._fuzzy_keywords(norm, found))
        return tuple(k for k in self.kinds if k in found)

    def _negated(self, norm: str, start: int) -> bool:
        return self._negator_before(norm[:start].split())

    def _negator_before(self, words: list[str]) -> bool:
        """A negator among the last few words of the same clause ("." marks a clause break)."""
        for word in reversed(words[-NEGATION_WINDOW:]):
            if word == ".":
                return False
            if word in self.negators:
                return True
        return False

    def _fuzzy_keywords(self, norm: str, found: set[str]) -> set[str]:
        hits: set[str] = set()
        words = norm.split()
        for index, word in enumerate(words):
            if len(word) < 6:
                continue
            for kind in _keyword_kinds(word, self.keywords):
                if kind not in found and not self._negator_before(words[:index]):
                    hits.add(kind)
        return hits


def _union(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=20_000)
def _keyword_kinds(word: str, keywords: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """Crisis kinds whose keyword this word is, give or take a typo (cached per word)."""
    kinds = []
    for kind, keyword in keywords:
        limit = 2 if len(keyword) >= 9 else 1
        if kind not in kinds and (word == keyword or _distance(word, keyword, limit) <= limit):
            kinds.append(kind)
    return tuple(kinds)
