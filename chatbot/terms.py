"""Words in typed text: tokens with their clauses, phrase matching, and negation scope.

Shared by every reader of answers (options, frequencies, counts, times, ages): a phrase is
found with small typos allowed, and a mention is *negated* when a negation cue stands
shortly before it in the same clause ("not AA", "no drugs in the house", "I don't live
alone") or right after it ("AA is not for me"). Clauses end at punctuation and at contrast
words ("but", "except"), so "no seizures but the shakes" negates only the seizures.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "`": ""})
_NON_WORD = re.compile(r"[^\w.]+|(?<!\d)\.|\.(?!\d)|_")
_CLAUSE_BREAK = re.compile(r"[,;!?\n]|(?<!\d)\.|\.(?!\d)|\s-\s|\(|\)")
_DIGIT_RANGE = re.compile(r"(\d)\s*[-\u2013]\s*(\d)")
NEGATION_WINDOW = 3  # words that may stand between a negation cue and what it negates


def normalize(text: str) -> str:
    """Lower-case words and digits separated by single spaces; punctuation and controls dropped."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    return " ".join(_NON_WORD.sub(" ", text).split())


def word_set(phrases: Sequence[str]) -> frozenset[str]:
    """A language file's list of words or phrases, normalised, for membership tests."""
    return frozenset(normalize(p) for p in phrases)


@dataclass(frozen=True)
class Tokens:
    """The words of an answer and the clause each belongs to."""

    words: tuple[str, ...]
    clauses: tuple[int, ...]
    contrast_at: frozenset[int]  # indices of words that open a contrasting clause
    pieces: tuple[int, ...] = ()  # the stretch between punctuation each word is in: phrases never cross one
    # each word's typo variants, worked out once per answer and gone with it
    variants: dict[str, set[str]] = field(default_factory=dict, compare=False, repr=False)
    # what each table found in this answer: the reader asks the same table more than once
    found: dict[int, list[Any]] = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.words)

    @property
    def text(self) -> str:
        return " ".join(self.words)


@lru_cache(maxsize=8)
def _first_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(p[0] for p in phrases if p)


def tokenize(text: str, contrast: tuple[tuple[str, ...], ...]) -> Tokens:
    """Split into words; a new clause starts at punctuation and at each contrast phrase."""
    text = _DIGIT_RANGE.sub(r"\1 to \2", unicodedata.normalize("NFKC", text))
    words: list[str] = []
    clauses: list[int] = []
    pieces: list[int] = []
    opens: set[int] = set()
    clause = 0
    firsts = _first_words(contrast)  # most words open no contrast: look only at those that can
    for number, piece in enumerate(_CLAUSE_BREAK.split(text)):
        piece_words = normalize(piece).split()
        if not piece_words:
            continue
        i = 0
        while i < len(piece_words):
            hit = next((c for c in contrast if tuple(piece_words[i:i + len(c)]) == c), None) \
                if piece_words[i] in firsts else None
            if hit is not None and words:
                clause += 1
                opens.add(len(words))
            for word in piece_words[i:i + len(hit or (piece_words[i],))]:
                words.append(word)
                clauses.append(clause)
                pieces.append(number)
            i += len(hit) if hit else 1
        clause += 1
    return Tokens(tuple(words), tuple(clauses), frozenset(opens), tuple(pieces))


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance, giving up once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _token_matches(typed: str, wanted: str) -> bool:
    if typed == wanted:
        return True
    if len(wanted) < 5 or typed.isdecimal() or wanted.isdecimal() or typed[0] != wanted[0]:
        return False
    limit = 2 if len(wanted) >= 8 else 1
    return _distance(typed, wanted, limit) <= limit


def _limit(word: str) -> int:
    """Typos allowed in a word: none under 5 letters or in numbers, 1 up to 7 letters, then 2."""
    if len(word) < 5 or word.isdecimal():
        return 0
    return 2 if len(word) >= 8 else 1


def _deletions(word: str, depth: int) -> set[str]:
    """The word with up to `depth` letters taken out (itself included)."""
    found = {word}
    edge = {word}
    for _ in range(depth):
        edge = {w[:i] + w[i + 1:] for w in edge for i in range(len(w))} - found
        found |= edge
    return found


GAP = "..."  # in a phrase, where a few other words may stand
GAP_WORDS = 3


@dataclass(frozen=True)
class Match(Generic[T]):
    start: int
    end: int
    target: T
    exact: bool


class Phrases(Generic[T]):
    """Phrases with a target each, indexed by first word so only plausible ones are tried."""

    def __init__(self, pairs: list[tuple[str, T]], typos: bool = True, fillers: frozenset[str] = frozenset(),
                 gap_stops: frozenset[str] = frozenset()):
        self.by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for phrase, target in pairs:
            # "lost ... job": up to GAP_WORDS other words may stand at the "..." ("lost 2 jobs")
            parts = [normalize(part).split() for part in phrase.split(GAP)]
            words = tuple(w for i, part in enumerate(parts) for w in ([GAP] if i else []) + part)
            if words and words[0] != GAP and words[-1] != GAP and all(parts):
                self.by_first.setdefault(words[0], []).append((words, target))
        self.vocabulary = frozenset(w for entries in self.by_first.values() for words, _ in entries for w in words
                                    if w != GAP)
        # typo lookup by deletions (as SymSpell does): a typed word's deletions meet a known
        # word's; nothing typed is cached, so nothing a person wrote outlives their answer
        self.by_deletion: dict[str, set[str]] = {}
        if typos:
            for known in self.vocabulary:
                for variant in _deletions(known, _limit(known)):
                    self.by_deletion.setdefault(variant, set()).add(known)
        self.typos = typos
        self.fillers = fillers  # words that may stand inside a phrase: "never *really* tried"
        # words a gap never takes: "my liver is *not* bad" is no "liver ... bad", "me and my *wife* and
        # dog" no "me and ... dog"
        self.gap_stops = gap_stops

    def __bool__(self) -> bool:
        return bool(self.by_first)

    def _close(self, word: str, variants: dict[str, set[str]]) -> frozenset[str]:
        """The known words a typed word may stand for: itself, or one with a small typo."""
        if not self.typos or len(word) < 4 or word.isdecimal():
            return frozenset({word}) if word in self.vocabulary else frozenset()
        mine = variants.get(word)
        if mine is None:
            mine = variants[word] = _deletions(word, 2 if len(word) >= 7 else 1)
        candidates = {known for variant in mine for known in self.by_deletion.get(variant, ())}
        return frozenset(known for known in candidates if _token_matches(word, known))

    def find(self, text: Tokens | tuple[str, ...]) -> list[Match[T]]:
        """Non-overlapping matches, longest and exact first, in text order; with Tokens, no match
        runs across punctuation ("a week maybe, not more" holds no "maybe not")."""
        if isinstance(text, Tokens):
            known = text.found.get(id(self))
            if known is None:
                known = text.found[id(self)] = self._find(text.words, text.pieces, text.variants)
            return list(known)
        return self._find(text, (), {})

    def _find(self, words: tuple[str, ...], pieces: tuple[int, ...], variants: dict[str, set[str]]) -> list[Match[T]]:
        close = [self._close(w, variants) for w in words]
        found: list[tuple[int, int, bool, T]] = []
        for start in range(len(words)):
            for first in close[start]:
                for phrase, target in self.by_first.get(first, ()):
                    end = self._match_end(words, close, start, phrase)
                    if end is not None and (not pieces or pieces[start] == pieces[end - 1]):
                        found.append((start, end, words[start:end] == phrase, target))
        found.sort(key=lambda f: (-(f[1] - f[0]), not f[2], f[0]))
        taken: list[Match[T]] = []
        used: set[int] = set()
        spans: set[tuple[int, int, bool]] = set()
        for start, end, exact, target in found:
            if used.isdisjoint(range(start, end)) or (start, end, exact) in spans:
                # the same words listed under several targets ("pills") are kept for each
                used.update(range(start, end))
                spans.add((start, end, exact))
                if not any(m.start == start and m.target == target for m in taken):
                    taken.append(Match(start, end, target, exact))
        return sorted(taken, key=lambda m: m.start)

    def _match_end(self, words: tuple[str, ...], close: list[frozenset[str]], start: int,
                   phrase: tuple[str, ...]) -> int | None:
        """Where the phrase ends if it starts at `start`; one filler word may stand inside it, and
        up to GAP_WORDS words where it says "..." (the nearest that lets the rest follow)."""
        at, skipped = start + 1, False
        for k in range(1, len(phrase)):
            if phrase[k] == GAP:
                continue
            if phrase[k - 1] == GAP:
                end = next((j for j in range(at, min(at + GAP_WORDS + 1, len(words))) if phrase[k] in close[j]), -1)
                if end < 0 or not self.gap_stops.isdisjoint(words[at:end]):
                    return None
                at = end + 1
            elif at < len(words) and phrase[k] in close[at]:
                at += 1
            elif not skipped and at + 1 < len(words) and words[at] in self.fillers and phrase[k] in close[at + 1]:
                at, skipped = at + 2, True
            else:
                return None
        return at

    def whole(self, words: tuple[str, ...]) -> list[T]:
        """The targets of a phrase that is the whole text (several when the phrase is shared)."""
        return list(dict.fromkeys(target for phrase, target in self.by_first.get(words[0], ()) if phrase == words)) \
            if words else []


def without_after(tokens: Tokens, at: int, without: frozenset[str]) -> bool:
    """A "without" later in the clause of word `at`: "never drink *without* food" is a double
    negative, not a no (the reader's cues, its values and the crisis words all ask this)."""
    return any(w in without and tokens.clauses[j] == tokens.clauses[at]
               for j, w in enumerate(tokens.words) if j > at)


class Negation:
    """Which mentions a negation cue reaches: shortly before, same clause; or right after."""

    def __init__(self, before: list[str], after: list[str], exceptions: list[str], joined: Sequence[str] = (),
                 shields: Sequence[str] = (), stops: Sequence[str] = (), joined_openers: Sequence[str] = (),
                 object_only: Sequence[str] = (), subjects: Sequence[str] = (), raising: Sequence[str] = ()):
        self.joined = frozenset(normalize(w) for w in joined)  # "tried NA once *and* hated it"
        self.before: Phrases[str] = Phrases([(p, "neg") for p in before], typos=False)
        self.after: Phrases[str] = Phrases([(p, "neg") for p in after], typos=False)
        self.exceptions = frozenset(tuple(normalize(p).split()) for p in exceptions)
        # "cant stop drinking" says the drinking goes on: its "cant" negates nothing after it
        self.shields: Phrases[str] = Phrases([(p, "shield") for p in shields], typos=False)
        # "not about me its my daughter": a statement opened after the cue is out of its reach
        self.stops = frozenset(normalize(w) for w in stops)
        self.joined_openers = frozenset(normalize(w) for w in joined_openers)  # "... and im late"
        # giving-up verbs ("quit"): they deny their object only, not what a subject of its own says
        # after them ("when i quit last spring i had a seizure", "i quit and had a seizure")
        self.object_only = frozenset(normalize(w) for w in object_only)
        self.subjects = frozenset(normalize(w) for w in subjects)
        # "i dont think i need to quit": a negated verb of opinion denies what follows it, its own
        # subject and all ("i think i dont need to"), so the reach counts from after the two
        self.raising = frozenset(normalize(w) for w in raising)

    def _objectless(self, tokens: Tokens, cue: Match[str], match: Match[Any]) -> bool:
        """A giving-up verb with no object before the match: a joiner right after it, or a subject
        of its own between ("when i quit i had a seizure")."""
        words = tokens.words
        return " ".join(words[cue.start:cue.end]) in self.object_only and (
            cue.end < len(words) and words[cue.end] in self.joined
            or any(w in self.subjects for w in words[cue.end:match.start]))

    def _raised(self, words: tuple[str, ...], at: int) -> int:
        """How many words a verb of opinion and its clause's subject take right after a cue ("dont
        *think i* need to quit"): 0 where none stands there."""
        if at >= len(words) or words[at] not in self.raising:
            return 0
        return 2 if at + 1 < len(words) and words[at + 1] in self.subjects else 1

    def _opened_after_joiner(self, words: tuple[str, ...]) -> bool:
        """A statement of its own opened after a joiner ("... and im late")."""
        return any(w in self.joined_openers and words[k - 1] in self.joined for k, w in enumerate(words) if k)

    def cues(self, tokens: Tokens) -> list[Match[str]]:
        found = self.before.find(tokens)
        if not found:
            return found
        shielded = {i for m in self.shields.find(tokens) for i in range(m.start, m.end)}
        return [c for c in found if c.start not in shielded]

    def negated(self, tokens: Tokens, match: Match[Any], cues: list[Match[str]],
                covered: set[int]) -> bool:
        """True when a cue (not part of another mention) negates this mention.

        "Nothing but X" and "none except X" are double negatives: the exception cue after a
        negative word says X *is* the case.
        """
        clause = tokens.clauses[match.start]
        for cue in reversed(cues):  # nearest first
            if cue.end > match.start:
                continue
            if match.start - cue.end - self._raised(tokens.words, cue.end) > NEGATION_WINDOW \
                    or tokens.clauses[cue.end - 1] != clause \
                    or any(w in self.stops for w in tokens.words[cue.end:match.start]) \
                    or self._opened_after_joiner(tokens.words[cue.end:match.start + 1]):
                break
            if any(i in covered for i in range(cue.start, cue.end)) or self._objectless(tokens, cue, match):
                continue
            # negated, unless "nothing but X" (then X is the case)
            return not (tokens.words[cue.start:cue.end] in self.exceptions
                        and _negative_before(tokens, cue.start, cues))
        # (not a cue that is itself another mention: "done with it, never again" says it twice)
        after = [m for m in self.after.find(tokens.words[match.end:match.end + 4])
                 if not any(match.end + i in covered for i in range(m.start, m.end))]
        # right after the mention, or one word on when the cue is joined on ("tried NA once and hated it")
        near = bool(after) and (after[0].start == 0 or after[0].start == 1 and tokens.words[
            match.end + 1] in self.joined)
        if not near:
            return False
        at = min(match.end, len(tokens) - 1)
        if tokens.clauses[at] == clause:
            return True
        # a clause of the cue alone, right after the mention: "NA, not for me"
        end = match.end + after[0].end
        return after[0].start == 0 and tokens.clauses[at] == clause + 1 and (
            end >= len(tokens) or tokens.clauses[end] != tokens.clauses[at])


def _negative_before(tokens: Tokens, at: int, cues: list[Match[str]]) -> bool:
    return any(c.end <= at and at - c.end <= NEGATION_WINDOW + 1 for c in cues)
