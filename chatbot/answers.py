"""Turn typed text into an answer, or a re-ask that says what is accepted.

Accepts option numbers, labels, synonyms, yes/no variants, numbers in digits or words,
any case and spacing, and small typos. When the text fits more than one option it asks
instead of guessing: a wrong guess here can send someone to the wrong level of care.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .conditions import AnswerValue
from .spec import Option, Question, Words

MAX_ANSWER_CHARS = 500

_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "`": ""})
_NON_WORD = re.compile(r"[^\w.]+|(?<!\d)\.|\.(?!\d)|_")
_LIST_SEPARATORS = re.compile(r"\s*(?:,|;|/|&|\+|\band\b|\bplus\b|\balso\b)\s*")


def normalize(text: str) -> str:
    """Lower-case words and digits separated by single spaces; punctuation and controls dropped."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class Parsed:
    """A value with how to quote it, or the re-ask message to show instead."""

    value: AnswerValue | None = None
    display: str = ""
    reask: str | None = None


@dataclass(frozen=True)
class Term:
    tokens: tuple[str, ...]
    target: str | int  # option value, or a number for number words


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
    if len(wanted) < 5 or typed.isdigit() or wanted.isdigit():
        return False
    limit = 2 if len(wanted) >= 8 else 1
    return _distance(typed, wanted, limit) <= limit


@lru_cache(maxsize=50_000)
def _close_words(typed: str, vocabulary: frozenset[str]) -> frozenset[str]:
    """The words of a vocabulary a typed token may stand for (itself, or with a small typo).

    Cached: the same words are typed again and again, and this is the costly part of parsing.
    """
    return frozenset(w for w in vocabulary if _token_matches(typed, w))


class Terms:
    """A question's terms, indexed by first word so only plausible terms are tried."""

    def __init__(self, terms: tuple[Term, ...]):
        self.terms = terms
        self.vocabulary = frozenset(t for term in terms for t in term.tokens)
        self.by_first: dict[str, list[Term]] = {}
        for term in terms:
            self.by_first.setdefault(term.tokens[0], []).append(term)


def find_terms(tokens: list[str], terms: Terms) -> list[tuple[int, int, Term]]:
    """Non-overlapping (start, end, term) matches, longest and exact first."""
    close = [_close_words(t, terms.vocabulary) for t in tokens]
    found: list[tuple[int, int, bool, Term]] = []
    for start in range(len(tokens)):
        for first in close[start]:
            for term in terms.by_first.get(first, ()):
                end = start + len(term.tokens)
                if end <= len(tokens) and all(term.tokens[k] in close[start + k] for k in range(1, len(term.tokens))):
                    found.append((start, end, tuple(tokens[start:end]) == term.tokens, term))
    found.sort(key=lambda f: (-(f[1] - f[0]), not f[2], f[0]))
    taken: list[tuple[int, int, Term]] = []
    used: set[int] = set()
    for start, end, _, term in found:
        if used.isdisjoint(range(start, end)):
            used.update(range(start, end))
            taken.append((start, end, term))
    return sorted(taken, key=lambda t: t[0])


def option_terms(options: tuple[Option, ...]) -> Terms:
    terms: list[Term] = []
    for opt in options:
        for phrase in (opt.label, opt.value.replace("_", " "), *opt.synonyms):
            tokens = tuple(normalize(phrase).split())
            if tokens:
                terms.append(Term(tokens, opt.value))
    return Terms(tuple(terms))


class Parser:
    """One parser per dialog: option terms are normalised once, not per answer."""

    def __init__(self, questions: list[Question], words: Words, strings: dict[str, str]):
        self.words = words
        self.strings = strings
        self.number_words = {normalize(k): v for k, v in words.numbers.items()}
        self.yes_no = (
            Option(value="yes", label=strings.get("yes_label", "Yes"), synonyms=words.yes),
            Option(value="no", label=strings.get("no_label", "No"), synonyms=words.no),
        )
        self.terms = {q.id: self._build_terms(q) for q in questions}

    def options(self, question: Question) -> tuple[Option, ...]:
        return self.yes_no if question.kind == "yes_no" else tuple(question.options)

    def _terms(self, question: Question) -> Terms:
        found = self.terms.get(question.id)
        return found if found is not None else self._build_terms(question)

    def _build_terms(self, question: Question) -> Terms:
        if question.kind == "number" and question.number is not None:
            return Terms(tuple(Term(tuple(normalize(k).split()), v) for k, v in question.number.words.items()
                               if normalize(k)))
        return option_terms(self.options(question))

    def _s(self, key: str, **values: object) -> str:
        return self.strings[key].format(**values)

    def parse(self, question: Question, text: str) -> Parsed:
        if len(text) > MAX_ANSWER_CHARS:
            return Parsed(reask=self._s("reask_text_too_long", limit=MAX_ANSWER_CHARS))
        norm = normalize(text)
        if not norm:
            return Parsed(reask=self._s("reask_empty"))
        if question.kind == "text":
            cleaned = " ".join("".join(c for c in text if c.isprintable()).split())
            return Parsed(value=cleaned, display=cleaned)
        if question.kind == "number":
            return self._number(question, norm, text)
        if question.kind == "multi":
            return self._multi(question, norm, text)
        return self._choice(question, norm, text)

    # --- choice and yes/no -----------------------------------------------------------

    def _as_index(self, token: str) -> int | None:
        if token.isdigit():
            return int(token) if len(token) < 6 else None
        return self.number_words.get(token)

    def _choice(self, question: Question, norm: str, raw: str) -> Parsed:
        options = self.options(question)
        reask_key = "reask_yes_no" if question.kind == "yes_no" else "reask_choice"
        tokens = norm.split()
        values = []
        if not (len(tokens) == 1 and tokens[0].isdigit()):
            for _, _, term in find_terms(tokens, self._terms(question)):
                if term.target not in values:
                    values.append(term.target)
        if not values and len(tokens) == 1 and (index := self._as_index(tokens[0])) is not None:
            # digits always mean the option's number; a number word only when no option uses it
            if 1 <= index <= len(options):
                opt = options[index - 1]
                return Parsed(value=opt.value, display=opt.label)
            return Parsed(reask=self._s(reask_key, n=len(options)))
        if len(values) == 1:
            opt = next(o for o in options if o.value == values[0])
            return Parsed(value=opt.value, display=_quote(raw, opt.label))
        if len(values) > 1:
            listed = [f"{i}. {o.label}" for i, o in enumerate(options, 1) if o.value in values]
            return Parsed(reask=self._s("reask_ambiguous", options="; ".join(listed)))
        return Parsed(reask=self._s(reask_key, n=len(options)))

    # --- several options ---------------------------------------------------------------

    def _multi(self, question: Question, norm: str, raw: str) -> Parsed:
        options = self.options(question)
        terms = self._terms(question)
        # match on the whole text first, so a phrase like "in and out" is not cut at its "and"
        whole = find_terms(norm.split(), terms)
        chosen: list[str] = []
        for _, _, term in whole:
            if term.target not in chosen:
                chosen.append(str(term.target))
        matched = [f" {' '.join(term.tokens)} " for _, _, term in whole]
        unknown: list[str] = []
        raw_parts = [p for p in _LIST_SEPARATORS.split(unicodedata.normalize("NFKC", raw).casefold()) if p.strip()]
        for part in (normalize(p) for p in raw_parts):
            if not part:
                continue
            tokens = part.split()
            indices = [self._as_index(t) for t in tokens]
            if all(i is not None for i in indices) and (
                    not find_terms(tokens, terms) or all(t.isdigit() for t in tokens)):
                for index in indices:
                    if not 1 <= index <= len(options):  # type: ignore[operator]
                        return Parsed(reask=self._s("reask_multi", n=len(options)))
                    value = options[index - 1].value  # type: ignore[operator]
                    if value not in chosen:
                        chosen.append(value)
                continue
            inside_a_match = any(f" {part} " in m for m in matched)
            if not inside_a_match and not find_terms(tokens, terms):
                unknown.append(part)
        if unknown and chosen:
            labels = ", ".join(o.label for o in options if o.value in chosen)
            return Parsed(reask=self._s("reask_multi_unknown", understood=labels, unknown=", ".join(unknown)))
        if not chosen:
            return Parsed(reask=self._s("reask_multi", n=len(options)))
        exclusive = [o for o in options if o.exclusive and o.value in chosen]
        if exclusive and len(chosen) > 1:
            return Parsed(reask=self._s("reask_exclusive", option=exclusive[0].label))
        ordered = tuple(o.value for o in options if o.value in chosen)
        labels = ", ".join(o.label for o in options if o.value in chosen)
        return Parsed(value=ordered, display=_quote(raw, labels))

    # --- numbers -------------------------------------------------------------------------

    def _number(self, question: Question, norm: str, raw: str) -> Parsed:
        spec = question.number
        assert spec is not None  # guaranteed by the dialog checks
        tokens = norm.split()
        found: list[int] = []
        covered: set[int] = set()
        for start, end, term in find_terms(tokens, self._terms(question)):
            found.append(int(term.target))
            covered.update(range(start, end))
        pending: int | None = None
        for i, token in enumerate(tokens):
            if i in covered:
                continue
            value: float | None = None
            if re.fullmatch(r"\d+(?:\.\d+)?", token):
                value = float(token)
            elif token in self.number_words:
                value = self.number_words[token]
            if value is None:
                if pending is not None:
                    found.append(pending)
                    pending = None
                continue
            if value != int(value):
                return Parsed(reask=self._s("reask_number", min=spec.min, max=spec.max))
            # "twenty five" -> 25
            if pending is not None and pending % 10 == 0 and pending >= 20 and 0 < value < 10:
                pending += int(value)
                found.append(pending)
                pending = None
            else:
                if pending is not None:
                    found.append(pending)
                pending = int(value)
        if pending is not None:
            found.append(pending)
        distinct = sorted(set(found))
        if not distinct:
            return Parsed(reask=self._s("reask_number", min=spec.min, max=spec.max))
        if len(distinct) > 1:
            return Parsed(reask=self._s("reask_number_many", min=spec.min, max=spec.max))
        number = distinct[0]
        if not spec.min <= number <= spec.max:
            return Parsed(reask=self._s("reask_number_range", min=spec.min, max=spec.max, number=number))
        return Parsed(value=number, display=_quote(raw, str(number)))


def _quote(raw: str, fallback: str) -> str:
    """The person's own words when they typed words, else the label they picked."""
    cleaned = " ".join("".join(c for c in raw if c.isprintable()).split())
    if not any(c.isalpha() for c in cleaned) or len(cleaned) > 120:
        return fallback
    return cleaned
