"""Crisis detection on every typed answer, by concept, with a graded response.

Deterministic on purpose (CLINICAL.md section 3). Each concept in the dialog file (a wish
to die, hopelessness, a plan or means, an overdose now, ...) is a few patterns in a small
word grammar (`crisis_grammar`), split by grade: `now` is clear danger (the crisis screen
at once), `check` an indirect signal (a direct, kind question first). Around a match the
detector reads three things the patterns leave out:

- negation: a cue shortly before the match in the same clause ("I'm not suicidal"), or right
  after it ("suicide has never crossed my mind"), clears it;
- time: the nearest time cue in the same sentence; long ago ("when I was 15") turns the
  disclosure into the concept's `past` grade (a check-in for a past attempt, nothing for an
  overdose years ago).

Who it is about is in the patterns themselves: "kill myself" and "kill himself" are
reflexive, "is hurting me" needs someone doing it, "my boss will kill me" matches nothing;
a completed loss ("my uncle killed himself") is a concept's `unless`.

Typos are corrected before matching, one edit away from a listed crisis word, never for a
real word ("overdue" stays overdue). Every step is linear in the length of the text.

Where the patterns find nothing and clear nothing, the dialog's crisis model
(`crisis_model`) may find a concept the patterns have no words for: it only ever asks the
check-in, never opens the crisis screen, and is not asked at questions about history.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from .crisis_grammar import ANYWHERE, STEM_LIMIT, Compiled, Grammar, Pair, Single
from .crisis_model import CrisisModel, ModelReading
from .spec import Safety

Grade = Literal["now", "check"]

_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "`": "", "\u02bc": ""})
_SENTENCE = re.compile(r"[.!?;\n]+|\s-\s")
_CLAUSE = re.compile(r"[,:()\"]+|\u2014|\s--\s")
_NON_WORD = re.compile(r"[^a-z0-9.,]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_FINAL_REPEATS = re.compile(r"([a-z])\1{2,}\b")  # "dieeee", "nooo": a stretched last letter is one letter
# "od'd", "o.d.'ing": an apostrophe before the ending, which dropping apostrophes would turn into "odd"
_OD = re.compile(r"\bo\.?d\.?[\u2019'`](d|ed|ing|in|s)\b")
_PATTERN_WORD = re.compile(r"[a-z]+")
_AFTER_NOT = re.compile(r"\bnot \(?([a-z |]+)")
_WITHOUT = re.compile(r"\bw/o\b|\bw/out\b")  # "better off w/o me": the slash would split the word
_OD_ENDINGS = {"d": "ed", "in": "ing"}
# a contrast word opens a new clause: "I'm not suicidal but I want to die" negates only the first
_CONTRAST = frozenset({"but", "though", "although", "however", "except", "yet"})
# "nothing but a burden": after these, "but" says "only", not a turn
_ONLY = frozenset({"nothing", "nothin", "anything", "everything", "all", "none", "nobody", "anyone", "everyone"})
NEGATION_BEFORE = 3  # words between a negation cue and the match it clears
SUBJECT_GROUP = 3  # and a negative subject's group besides ("none of my kids have", "nobody in this house has")
NEGATION_AFTER = 1
INTENT_BEFORE = 3  # words before a match an intent ("want to", "gonna") may stand and date it as now
TYPO_MIN_LENGTH = 6


About = Literal["self", "other"] | None


@dataclass(frozen=True)
class Hit:
    """One concept found in an answer: what fired, how urgent, and the words that fired it."""

    concept: str
    kind: str  # the crisis screen it leads to
    grade: Grade
    words: str
    # whose danger: "self" (the person typing), "other" (someone they name), None (not said)
    about: About = None


@dataclass(frozen=True)
class Reading:
    """What the grammar made of one answer."""

    hits: tuple[Hit, ...]
    cleared: bool  # a pattern matched and its scope cleared it: the words were read, and said no


@dataclass(frozen=True)
class _Span:
    start: int  # first word index
    end: int  # one past the last word index
    lead: int | None = None  # where an `A ~ B` match begins, when B comes first: a negation reaches it too
    partner: int | None = None  # where B of an `A & B` match starts (a context a clearing names)


class _Text:
    """An answer prepared for matching: words with clause and sentence marks, and their positions."""

    def __init__(self, words: list[str]):
        self.words = words
        self.padded = " " + " ".join(words) + " "
        self.vocabulary = frozenset(words)
        # the patterns whose anchor words this text has, by the list (id) they belong to
        self.chosen: dict[int, list[Single | Pair]] = {}
        self.starts: list[int] = []
        self.clause: list[int] = []
        self.sentence: list[int] = []
        offset, clause, sentence = 1, 0, 0
        for word in words:
            self.starts.append(offset)
            offset += len(word) + 1
            if word in (".", ","):
                clause += 1
                sentence += word == "."
            self.clause.append(clause)
            self.sentence.append(sentence)

    def spans(self, compiled: Compiled) -> list[_Span]:
        return [span for span, _ in self.matches(compiled)]

    def matches(self, compiled: Compiled) -> list[tuple[_Span, str]]:
        """Where the patterns match, with the words that matched (both parts of an `A & B`)."""
        found: list[tuple[_Span, str]] = []
        if compiled.union is not None:
            found += [(self.span(m), m.group().strip()) for m in compiled.union.finditer(self.padded)]
        chosen = self.chosen.get(id(compiled), ())  # its patterns whose anchor word is here, in order
        for single in chosen:
            if isinstance(single, Single):
                found += [(self.span(m), m.group().strip()) for m in single.regex.finditer(self.padded)]
        for pair in chosen:
            if not isinstance(pair, Pair):
                continue
            firsts = list(pair.first.finditer(self.padded))
            if not firsts:
                continue
            seconds = [(self.span(m), m.group().strip()) for m in pair.second.finditer(self.padded)]
            for m in firsts if seconds else ():
                span = self.span(m)
                partner = next(((s, w) for s, w in seconds if self._together(span, s, pair.near)), None)
                if partner is not None:
                    if pair.near not in (None, ANYWHERE) and partner[0].start < span.start:
                        # `A ~ B` is one phrase: a negation just before it reaches it ("never talked
                        # about wanting to die"), as one just before A does; one between them is the pattern's
                        span = _Span(span.start, span.end, lead=partner[0].start)
                    else:
                        span = _Span(span.start, span.end, partner=partner[0].start)
                    found.append((span, f"{m.group().strip()} ... {partner[1]}"))
        return found

    def _together(self, a: _Span, b: _Span, near: int | None) -> bool:
        if near == ANYWHERE:
            return True
        if near is None:
            return self.sentence[a.start] == self.sentence[b.start]
        return self.clause[a.start] == self.clause[b.start] and max(a.start - b.end, b.start - a.end) <= near

    def span(self, match: re.Match[str]) -> _Span:
        start = bisect_right(self.starts, match.start()) - 1
        end = bisect_right(self.starts, match.end() - 1)
        return _Span(start, max(end, start + 1))


def prepare(text: str) -> list[str]:
    """Lower-case ASCII words, stretched letters squeezed, with "." between sentences and "," between clauses."""
    text = _OD.sub(lambda m: "od" + _OD_ENDINGS.get(m.group(1), m.group(1)),
                   unicodedata.normalize("NFKC", text).casefold())
    text = _WITHOUT.sub("without", text)
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SENTENCE.sub(" . ", text)
    text = _CLAUSE.sub(" , ", text)
    text = _REPEATS.sub(r"\1\1", _FINAL_REPEATS.sub(r"\1", _NON_WORD.sub(" ", text)))
    words: list[str] = []
    for word in text.split():
        word = word.strip(".,") or word[:1]
        if word in (".", ",") and (not words or words[-1] in (".", ",")):
            if words and word == ".":
                words[-1] = "."
            continue
        if word in _CONTRAST and words and words[-1] not in (".", ",") and words[-1] not in _ONLY:
            words.append(",")
        words.append(word)
    return words


def _written(safety: Safety) -> str:
    """The crisis grammar's patterns and word sets, as one lower-case text."""
    scope = safety.scope
    texts = [p for c in safety.concepts.values()
             for group in (c.now, c.check, c.unless, c.signs_with, c.signs_not_with, *c.signs.values())
             for p in group]
    texts += [*scope.negation, *scope.not_negation, *scope.negation_after, *scope.resolved, *scope.now]
    texts += [w for words in safety.words.values() for w in words]
    return " ".join(texts).casefold()


def _negated_forms(safety: Safety, written: str) -> dict[str, tuple[str, str]]:
    """A prefix's word for a word the patterns negate, read as "not" and that word: "unsafe" is
    "not safe" wherever a pattern says "not safe". The words are those the patterns say "not"
    before, so "unless" is never "not less"; a word the patterns use as it is ("unalive",
    "unresponsive", "unsure") keeps its own meaning."""
    prefixes = safety.scope.negating_prefixes
    if not prefixes:
        return {}
    scope = safety.scope
    used = frozenset(_PATTERN_WORD.findall(written))
    # "not safe", and each first word of a "not (safe|ok ...)"; not a word that says when ("just")
    cues = frozenset(_PATTERN_WORD.findall(" ".join([*scope.now, *scope.past]).casefold()))
    stems = {alt.split()[0] for group in _AFTER_NOT.findall(written) for alt in group.split("|") if alt.strip()}
    return {prefix + stem: ("not", stem) for prefix in prefixes for stem in stems - cues
            if len(stem) >= 3 and prefix + stem not in used}


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_apart(typed: str, word: str) -> bool:
    """One typo between them: a letter dropped, added or changed, or two side by side swapped."""
    if typed == word or abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and typed[diff[0]] == word[diff[1]] and typed[diff[1]] == word[diff[0]])
    short, long = sorted((typed, word), key=len)
    i = next((i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    return short[i:] == long[i + 1:]


def _one_edit(word: str) -> set[str]:
    """Every string one typo away: a letter dropped, added, changed, or two swapped."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    return {w for w in out if w[:1] == word[:1]}


class Detector:
    """Built once per dialog; `detect` runs on every answer, so everything is compiled here."""

    def __init__(self, safety: Safety, grammar: Grammar | None = None, model: CrisisModel | None = None):
        """`grammar`: the one `dialogs.Checker` checked every pattern of this `safety` with (a
        loaded dialog's), so each concept pattern's regex is written out when it first runs;
        without it every pattern is compiled here, and a bad one raises PatternError.
        `model`: the dialog's crisis model, asked where the grammar finds nothing."""
        self.model = model
        self.concept_kinds = {cid: c.kind for cid, c in safety.concepts.items()}
        scope = safety.scope
        self.fillers = frozenset(scope.fillers)
        checked = grammar is not None
        grammar = grammar or Grammar(safety.words, self.fillers)
        self.negation = grammar.compile(scope.negation)
        self.not_negation = grammar.compile(scope.not_negation)
        self.negation_after = grammar.compile(scope.negation_after)
        self.past = grammar.compile(scope.past)
        self.now = grammar.compile(scope.now)
        self.habitual = grammar.compile(scope.habitual)
        self.resolved = grammar.compile(scope.resolved)
        self.stops = frozenset(scope.negation_stops)
        self.intent_now = frozenset(scope.intent_now)
        self.alternatives = frozenset(scope.alternatives)
        self.negative_subjects = grammar.compile(scope.negative_subjects)
        self.every_time = grammar.compile(scope.every_time)
        self.thing_denials = grammar.compile(scope.thing_denials)
        self.again_now = grammar.compile(scope.again_now)
        self.not_past = grammar.compile(scope.not_past)
        self.own_subjects = grammar.compile(scope.own_subjects)
        self.blockers = grammar.compile(scope.negation_blockers)
        self.echo_denials = grammar.compile(scope.echo_denials)
        self.question_openers = frozenset(scope.question_openers)
        self.echo_turns = frozenset(scope.echo_turns)
        self.stories = grammar.compile(scope.stories)
        self.story_stops = frozenset(scope.story_stops) or self.stops
        self.first_person = frozenset(scope.first_person)
        self.someone_else = grammar.compile(scope.someone_else)
        self.concepts = [
            _Concept(cid, c.kind, c.past, c.past_resolved or c.past,
                     grammar.compile(c.now, anchored=True, checked=checked),
                     grammar.compile(c.check, anchored=True, checked=checked),
                     grammar.compile(c.unless, anchored=True, checked=checked))
            for cid, c in safety.concepts.items()
        ]
        self.signs = [
            _Signs(cid, c.kind, tuple((name, grammar.compile(p)) for name, p in c.signs.items()),
                   grammar.compile(c.signs_with), grammar.compile(c.signs_not_with), c.signs_needed)
            for cid, c in safety.concepts.items() if c.signs
        ]
        self.kinds = list(safety.kinds)
        self._safety = safety
        self._exact: dict[str, list[Single | Pair]] = {}
        self._stems: dict[str, list[Single | Pair]] = {}
        self._always: list[Single | Pair] = []
        self._owner: dict[int, int] = {}  # pattern -> the list it belongs to (both by id; both live as long as this)
        self._position: dict[int, int] = {}  # pattern -> its place among all patterns
        for concept in self.concepts:
            for compiled in (concept.now, concept.check, concept.unless):
                items: list[Single | Pair] = [*compiled.singles, *compiled.pairs]
                for item in items:
                    self._owner[id(item)] = id(compiled)
                    self._position[id(item)] = len(self._position)
                    anchor = item.anchor
                    if anchor is None:
                        self._always.append(item)
                        continue
                    for word in anchor.exact:
                        self._exact.setdefault(word, []).append(item)
                    for stem in anchor.stems:
                        self._stems.setdefault(stem[:STEM_LIMIT], []).append(item)
        self._near_from = safety.typos.pattern_words_from or 10 ** 6
        self._kept = frozenset([*safety.typos.real_words, *safety.typos.common_words])
        real = set(safety.typos.real_words)
        self.typos: dict[str, str] = {}
        for crisis_word in safety.typos.words:
            for near in _one_edit(crisis_word):
                if len(near) >= TYPO_MIN_LENGTH and near not in real:
                    self.typos.setdefault(near, crisis_word)
        for crisis_word in safety.typos.words:
            self.typos.pop(crisis_word, None)

    @cached_property
    def _near_index(self) -> tuple[frozenset[str], dict[str, tuple[str, ...]], int]:
        """Every word the grammar uses, the long ones by each of their one-letter-short forms, and
        the longest: built the first time a long word not among them is read, not at start."""
        known = frozenset(_PATTERN_WORD.findall(self._written))
        index: dict[str, list[str]] = {}
        for word in known:
            if len(word) >= self._near_from:
                for key in (word, *_deletions(word)):
                    index.setdefault(key, []).append(word)
        return known, {key: tuple(words) for key, words in index.items()}, max(map(len, known), default=0)

    def _near(self, typed: str) -> str:
        """A long word one typo from exactly one word the patterns use (same first letter), read
        as that word; a word the grammar knows, or a common English word, stays itself."""
        known, index, longest = self._near_index
        if len(typed) > longest + 1 or typed in self._kept or not typed.isalpha():
            return typed  # (a word longer than any it could be is never taken apart: 100 kB of letters)
        if typed in known:
            return typed
        found = {word for key in (typed, *_deletions(typed)) for word in index.get(key, ())
                 if word[0] == typed[0] and _one_apart(typed, word)}
        return found.pop() if len(found) == 1 else typed

    @cached_property
    def _written(self) -> str:
        return _written(self._safety)

    @cached_property
    def negated(self) -> dict[str, tuple[str, str]]:
        """"unsafe" as "not safe": worked out the first time an answer is read, not at start."""
        return _negated_forms(self._safety, self._written)

    def detect(self, text: str, history: bool = False, model: bool = True) -> tuple[Hit, ...]:
        """Every concept this text discloses (one hit each, the most urgent), in the dialog's order.

        `history`: the question asks what usually happens or happened before, so a disclosure
        with no time of its own is history ("I had seizures"), unless it says now.

        Where the grammar found nothing and cleared nothing, the crisis model may find a concept:
        a check-in, never the crisis screen; not at a question about history, nor where `model` is
        false (a question whose answers it misreads).
        """
        reading = self.read(text, history)
        if reading.hits or history or not model or self.model is None:
            return reading.hits
        # a long answer is read whole and sentence by sentence: one sentence of crisis buried among
        # ordinary ones weighs little in the whole ("like 12 beers a night. i just want this life
        # to be over"); a sentence the grammar read and cleared stays cleared, alone or by the one
        # after it ("am i having thoughts of killing myself? no")
        sentences = [s for s in _SENTENCE.split(text) if s.strip()]
        read: list[ModelReading] = [] if reading.cleared else [r for r in (self.model.read(text),) if r is not None]
        for i, sentence in enumerate(sentences if len(sentences) > 1 else ()):
            said = self.model.read(sentence)  # (the model first: it is cheap, and most sentences say nothing)
            if said is not None and not self.read(sentence, history).cleared and not (
                    reading.cleared and i + 1 < len(sentences)
                    and self.read(f"{sentence}. {sentences[i + 1]}", history).cleared
                    and not self.read(sentences[i + 1], history).cleared):
                read.append(said)
        found = max(read, key=lambda r: r.chance, default=None)
        if found is None:
            return ()
        return (Hit(found.concept, self.concept_kinds[found.concept], "check",
                    f"{found.words} (model, {found.chance:.0%})"),)

    def read(self, text: str, history: bool = False) -> Reading:
        """`detect`, and whether a pattern matched that its scope cleared (denied, long ago, or
        its concept's `unless`): the grammar has read those words, and nothing overrules it."""
        words = [w for w in (self.typos.get(w) or (self._near(w) if len(w) >= self._near_from else w)
                             for w in prepare(text)) if w not in self.fillers]
        if self.negated and not self.negated.keys().isdisjoint(words):
            words = [part for w in words for part in self.negated.get(w, (w,))]
        if not words:
            return Reading((), False)
        prepared = _Text(words)
        prepared.chosen = self._chosen(prepared.vocabulary)
        hits: list[Hit] = []
        cues: list[_Cues] = []  # read around a match only once something matched: most answers match nothing
        cleared: list[bool] = []
        active = prepared.chosen
        for concept in self.concepts:
            if id(concept.now) not in active and id(concept.check) not in active:
                continue  # no pattern of this concept has its anchor word in the text
            hit = self._concept(prepared, cues, concept, history, cleared)
            if hit is not None:
                hits.append(hit)
        if not any(h.grade == "now" for h in hits):
            for signs in self.signs:
                hit = self._signs(prepared, cues, signs, history)
                if hit is not None:
                    hits.append(hit)
                    break
        return Reading(tuple(hits), bool(cleared))

    def _signs(self, text: _Text, cues: list[_Cues], signs: _Signs, history: bool) -> Hit | None:
        """Different signs that add up, with what was taken said anywhere in the answer: each
        sign, and what was taken, neither denied nor long ago."""
        taken_at = text.matches(signs.with_) if len(text.words) >= 4 else []
        if not taken_at:
            return None  # two signs and what was taken need a few words; most answers have neither

        def said(matches: list[tuple[_Span, str]]) -> str | None:
            """The words of the first match neither denied nor long ago."""
            if matches and not cues:
                cues.append(self._cues(text, history))  # read around a match only once one matched
            return next((w for span, w in matches if self._grade(text, cues[0], span, "now", "none")), None)

        found = [w for w in (said(text.matches(compiled)) for _, compiled in signs.signs) if w is not None]
        if len(found) < signs.needed:
            return None
        taken = said(taken_at)
        if taken is None or said(text.matches(signs.not_with)) is not None:
            return None
        return Hit(signs.id, signs.kind, "now", f"{' + '.join(found)} ... {taken}")

    def _chosen(self, vocabulary: frozenset[str]) -> dict[int, list[Single | Pair]]:
        """The patterns that can match, by the list they belong to, in their written order: those
        without an anchor, and those whose anchor (a whole word, or the beginning of one for
        `word*`) is among these words, and every other required word of which is here too. A
        dictionary lookup per word beginning, however many patterns there are."""
        runnable: set[Single | Pair] = set(self._always)
        prefixes: set[str] = set()
        for word in vocabulary:
            runnable.update(self._exact.get(word, ()))
            for end in range(1, min(len(word), STEM_LIMIT) + 1):
                prefix = word[:end]
                prefixes.add(prefix)
                runnable.update(self._stems.get(prefix, ()))
        chosen: dict[int, list[Single | Pair]] = {}
        for item in sorted(runnable, key=lambda i: self._position[id(i)]):
            if all(not anchor.exact.isdisjoint(vocabulary) or not anchor.stem_keys.isdisjoint(prefixes)
                   for anchor in item.requires):
                chosen.setdefault(self._owner[id(item)], []).append(item)
        return chosen

    def _cues(self, text: _Text, history: bool) -> _Cues:
        shielded = text.spans(self.not_negation)
        not_past = text.spans(self.not_past)
        resolved = text.spans(self.resolved)
        subjects = text.spans(self.negative_subjects)
        every = text.spans(self.every_time)
        # a negative subject is read as one, never as a plain "no" before a match
        plain = [s for s in text.spans(self.negation) if not any(n.start <= s.start < n.end for n in shielded)
                 and not any(q.start <= s.start < q.end for q in [*subjects, *every])]
        if every:
            # "not a day goes by that i dont...": a negation after one in its sentence cancels with it
            cancelled = {s.start for s in plain for e in every
                         if e.end <= s.start and text.sentence[e.start] == text.sentence[s.start]}
            plain = [s for s in plain if s.start not in cancelled]
            subjects = [*subjects, *(e for e in every if not any(
                e.end <= c and text.sentence[e.start] == text.sentence[c] for c in cancelled))]
        return _Cues(
            negation=plain, subjects=subjects, blocked={b.start for b in text.spans(self.blockers)},
            things={s.start for s in text.spans(self.thing_denials)},
            own={s.start for s in text.spans(self.own_subjects)},
            after=text.spans(self.negation_after),
            past=[s for s in text.spans(self.past) if not any(n.start <= s.start < n.end for n in not_past)],
            again=text.spans(self.again_now), stops=self.stops, story_stops=self.story_stops, intent=self.intent_now,
            alternatives=self.alternatives, history=history,
            resolved=bool(resolved),
            told=text.spans(self.stories),
            # the "now" of "im fine now" says how things are, not when the disclosure happened
            now=[s for s in text.spans(self.now) if not any(r.start <= s.start < r.end for r in resolved)],
            habitual=text.spans(self.habitual),
        )

    def _concept(self, text: _Text, cues: list[_Cues], concept: _Concept, history: bool,
                 cleared: list[bool]) -> Hit | None:
        """The most urgent ungated match of one concept, or None; a match its scope cleared
        adds to `cleared`."""
        excluded: list[_Span] | None = None
        best: Hit | None = None
        grades: tuple[tuple[Grade, Compiled], ...] = (("now", concept.now), ("check", concept.check))
        for grade, compiled in grades:
            for span, words in text.matches(compiled):
                if excluded is None:
                    excluded = text.spans(concept.unless)
                if any(e.start <= span.start < e.end and not self._context_denied(text, cues, history, e)
                       for e in excluded) or self._echoed_then_denied(text, span):
                    cleared.append(True)
                    continue
                if not cues:
                    cues.append(self._cues(text, history))
                found = self._grade(text, cues[0], span, grade, concept.past, concept.past_resolved)
                if found == "now" and cues[0].told_before(text, span) \
                        and self.first_person.isdisjoint(text.words[span.start:span.end]):
                    found = "check"  # "just watched a movie where the main guy ODs": asked, not the screen
                if found == "now":
                    return Hit(concept.id, concept.kind, "now", words, self._about(text, span))
                if found is None:
                    cleared.append(True)
                elif best is None:
                    best = Hit(concept.id, concept.kind, found, words, self._about(text, span))
        return best

    def _context_denied(self, text: _Text, cues: list[_Cues], history: bool, clearing: _Span) -> bool:
        """A clearing's context is itself denied ("a razor on my legs, and not to shave"; "my heart
        is pounding and its not the coffee"): it clears nothing. (The cues around the words are read
        only for a clearing with a context, as for a match: most clearings have none.)"""
        if clearing.partner is None:
            return False
        if not cues:
            cues.append(self._cues(text, history))
        return cues[0].negated(text, _Span(clearing.partner, clearing.partner + 1))

    def _echoed_then_denied(self, text: _Text, span: _Span) -> bool:
        """The match is its whole sentence, and the next one opens with a denial: the question
        echoed, then answered ("suicide? no. never crossed my mind"); or the match opens its
        sentence and a plain denial ends it, the question mark left out ("self harm no.")."""
        words, sentence = text.words, text.sentence[span.start]
        own = [i for i, w in enumerate(words) if text.sentence[i] == sentence and w not in (".", ",")]
        # (a bare topic only, the denial all that follows it: not "cut myself no big deal", "want to
        # die no matter what")
        if own[0] == span.start and span.end < len(words) and text.sentence[span.end] == sentence \
                and self.first_person.isdisjoint(words[span.start:span.end + 1]) \
                and any(m.start == span.end and (m.end == len(words) or words[m.end] in (".", ","))
                        for m in text.spans(self.echo_denials)):
            return True
        # the whole sentence, or a question put back in its own words ending with the match ("has
        # anyone in my family tried to kill themselves? no")
        # (a question put back may end one word past the match: "am i having thoughts of killing myself? no")
        asked = words[own[0]] in self.question_openers
        if own[-1] - (span.end - 1) > (1 if asked else 0) or own[0] != span.start and not asked:
            return False
        if not self.echo_turns.isdisjoint(words[own[0]:span.end]):
            return False  # "do i ever stop wanting to die? no": the no says the danger is so
        nxt = next((i for i in range(own[-1] + 1, len(words)) if words[i] not in (".", ",")), None)
        if nxt is None or text.sentence[nxt] != sentence + 1:
            return False
        ends = next((i for i in range(nxt, len(words)) if text.sentence[i] != sentence + 1 or words[i] in (".", ",")),
                    len(words))
        # "no, ...", "nope": a denial opening the answer; "i dont.": a bare one, ending its sentence
        return any(m.start == nxt and (words[nxt] not in self.first_person or m.end == ends)
                   for m in text.spans(self.echo_denials))

    def _about(self, text: _Text, span: _Span) -> About:
        """Whose danger a match tells of: the person's own words in it ("kill myself"), else
        someone named in it ("wishes he was dead"), else the nearest of either before it in its
        sentence ("my son says he wants to die"; "he hits me and i want to die"). None when
        nothing says, as in "no reason to live"."""
        others = {i for s in text.spans(self.someone_else) for i in range(s.start, s.end)}
        inside = range(span.start, span.end)
        if any(text.words[i] in self.first_person for i in inside):
            return "self"
        if any(i in others for i in inside):
            return "other"
        sentence = text.sentence[span.start]
        for i in range(span.start - 1, -1, -1):
            if text.sentence[i] != sentence:
                break
            if text.words[i] in self.first_person:
                return "self"
            if i in others:
                return "other"
        return None

    def kinds_now(self, hits: tuple[Hit, ...]) -> tuple[str, ...]:
        """The crisis screens that clear danger in these hits leads to, in the dialog's order."""
        wanted = {h.kind for h in hits if h.grade == "now"}
        return tuple(k for k in self.kinds if k in wanted)

    def _grade(self, text: _Text, cues: _Cues, span: _Span, grade: Grade, past_grade: Literal["check", "none"],
               resolved_grade: Literal["check", "none"] | None = None) -> Grade | None:
        if cues.negated(text, span):
            return None
        if cues.long_ago(text, span, past_grade):
            if cues.resolved and resolved_grade is not None:
                past_grade = resolved_grade  # "that was 15 years ago, im fine now"
            return None if past_grade == "none" else "check"
        return grade


@dataclass(frozen=True)
class _Concept:
    id: str
    kind: str
    past: Literal["check", "none"]
    past_resolved: Literal["check", "none"]
    now: Compiled
    check: Compiled
    unless: Compiled


@dataclass(frozen=True)
class _Signs:
    id: str
    kind: str
    signs: tuple[tuple[str, Compiled], ...]
    with_: Compiled
    not_with: Compiled
    needed: int


@dataclass(frozen=True)
class _Cues:
    negation: list[_Span]
    subjects: list[_Span]  # "nobody", "none of us": they negate the clause they are the subject of
    blocked: set[int]  # where a verb stands that a negative subject does not reach past ("knows")
    things: set[int]  # where a "no" denies the thing after it ("no job"), not what follows
    own: set[int]  # where a subject of the person's own starts a statement ("im", "i")
    after: list[_Span]
    past: list[_Span]
    again: list[_Span]  # "and again last night": the sentence is about now
    now: list[_Span]
    habitual: list[_Span]  # how often ("all the time"): now where nothing dates the sentence
    stops: frozenset[str]  # words a negation does not reach past ("not sad and want to die")
    story_stops: frozenset[str]  # words a story told does not reach past ("im a nurse and my husband...")
    intent: frozenset[str]  # a wish or intent said in the present: only its own clause can date it
    alternatives: frozenset[str]  # "or", "nor": a negation reaches every item of the list they join
    history: bool = False  # no time cue means long ago (a question about history)
    resolved: bool = False  # the answer says a disclosure of long ago is over
    told: list[_Span] = field(default_factory=list)  # a film, the news, a class, a job told of

    def told_before(self, text: _Text, span: _Span) -> bool:
        """A story is told before this match, in its clause, with nothing between them that starts
        another ("im a nurse and my husband is not breathing" tells no story)."""
        return any(s.end <= span.start and text.clause[s.start] == text.clause[span.start]
                   and not any(w in self.story_stops for w in text.words[s.end:span.start]) for s in self.told)

    def negated(self, text: _Text, span: _Span) -> bool:
        """Denied, at the match or at the start of an `A ~ B` match that B begins, unless a stop
        word stands between the two ("not one neighbor came when he choked me")."""
        lead = span.lead
        return self._negated(text, span) or lead is not None and not any(
            w in self.stops for w in text.words[lead:span.start]) and self._negated(text, _Span(lead, lead + 1))

    def _negated(self, text: _Text, span: _Span) -> bool:
        clause = text.clause[span.start]
        # a stop word between, or opening the match, starts another clause ("felt nothing after you...")
        upto = span.start + 1
        # "nobody (in my house) has passed out or stopped breathing": each item of the list; not past
        # a verb the subject does before the list ("nobody knows hes passed out or not breathing")
        for cue, group in [*((c, 0) for c in self.negation), *((c, SUBJECT_GROUP) for c in self.subjects)]:
            if cue.end <= span.start and text.clause[cue.start] == clause \
                    and self._listed(text, cue.end, span.start, group) \
                    and not any(cue.end <= i < self._first_join(text, cue.end) for i in self.blocked):
                return True
        # "no job no girl no reason to keep going": a match that opens with the same "no" as the one
        # before it is an item of a list of them, not what that "no" denies ("no thoughts of not
        # waking up" is still denied)
        opening = text.words[span.start] if any(c.start == span.start for c in self.negation) else None
        for cue in self.negation:
            if cue.end <= span.start and span.start - cue.end <= NEGATION_BEFORE and text.clause[cue.start] == clause \
                    and not (cue.end < span.start and text.words[cue.start] == opening) \
                    and not any(w in self.stops for w in text.words[cue.end:upto]) \
                    and not (cue.start in self.things  # "no job im done": the subject is past the thing
                             and any(i in self.own for i in range(cue.end + 1, span.start + 1))):
                return True
        for cue in self.subjects:
            if cue.end <= span.start and span.start - cue.end <= NEGATION_BEFORE + SUBJECT_GROUP \
                    and text.clause[cue.start] == clause \
                    and not any(w in self.stops for w in text.words[cue.end:upto]) \
                    and not any(cue.end <= i < span.start for i in self.blocked):
                return True
        for cue in self.after:
            if span.end <= cue.start <= span.end + NEGATION_AFTER - 1 and text.clause[cue.start] == clause:
                return True
        return False

    def _first_join(self, text: _Text, start: int) -> int:
        return next((i for i in range(start, len(text.words)) if text.words[i] in self.alternatives), start)

    def _listed(self, text: _Text, start: int, at: int, group: int = 0) -> bool:
        """The words from `start` (just after a negation) to `at` are items of a list joined by "or",
        the last of them beginning at `at`'s item, each a few words, none with a subject or a stop;
        the first may be longer by `group` words (a negative subject's: "no one in my house has")."""
        words = text.words[start:at]
        joins = [i for i, w in enumerate(words) if w in self.alternatives]
        if not joins or any(w in self.stops for w in words) or any(start < i <= at for i in self.own):
            return False
        gaps = [b - a - 1 for a, b in zip([-1, *joins], [*joins, len(words)], strict=True)]
        allowed = [NEGATION_BEFORE + 2 + (group if i == 0 else 0) for i in range(len(gaps) - 1)]
        return all(g <= a for g, a in zip(gaps[:-1], allowed, strict=True)) \
            and gaps[-1] <= NEGATION_BEFORE + (group if len(gaps) == 1 else 0)

    def long_ago(self, text: _Text, span: _Span, past_grade: str) -> bool:
        """The nearest time cue in the sentence says long ago. With no cue it is now, the safer
        reading; at a question about history, an undated sign or overdose ("I had seizures") is
        history, but a wish, plan or attempt is still taken as now."""
        sentence, clause = text.sentence[span.start], text.clause[span.start]
        if any(text.sentence[cue.start] == sentence for cue in self.again):
            return False
        # "i want to kill myself, i tried years ago": the time is the attempt's, not the wish's (an
        # intent said just before the match or in it; "going through a divorce" says none)
        words = text.words
        present = any((words[i] in self.intent or " ".join(words[i:i + 2]) in self.intent) and text.clause[i] == clause
                      for i in range(max(0, span.start - INTENT_BEFORE), span.end))
        nearest: tuple[int, bool] | None = None
        for cues, is_past in ((self.past, True), (self.now, False)):
            for cue in cues:
                if text.sentence[cue.start] != sentence or present and text.clause[cue.start] != clause:
                    continue
                distance = span.start - cue.end if cue.end <= span.start else max(cue.start - span.end, 0)
                if nearest is None or distance < nearest[0] or (distance == nearest[0] and not is_past):
                    nearest = (distance, is_past)
        if nearest is not None:
            return nearest[1]
        if any(text.sentence[cue.start] == sentence for cue in self.habitual):
            return False  # "i want to die all the time": now
        return self.history and past_grade == "none"
