"""Values in typed words: numbers, ages, how often, how many times, how long ago.

Each extractor returns a span (low, high) and whether the mention was negated, or None:
"3 or 4 days a week" is (3, 4); "every day but Sunday" is (6, 6); "in my 40s" is (40, 49);
"last Saturday" is (1, 7) days ago. A span, not a guess: the caller decides whether it
fits one option, needs a question, or is taken at its safer end and confirmed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from .language import Language
from .terms import Match, Negation, Phrases, Tokens, normalize, without_after, word_set

Span = tuple[float, float]
ValueKind = Literal["age", "frequency", "count", "time_ago"]
INF = math.inf


@dataclass(frozen=True)
class Found:
    span: Span
    negated: bool
    start: int
    end: int


def _span(value: tuple[float, float] | float) -> Span:
    return (float(value[0]), float(value[1])) if isinstance(value, tuple) else (float(value), float(value))


class Values:
    """The extractors of one language, built once per dialog."""

    def __init__(self, lang: Language, negation: Negation):
        self.negation = negation
        self.number_words = {normalize(k): v for k, v in lang.numbers.items()}
        self.pronoun_one_before = word_set(lang.pronoun_one_before)
        self.pronoun_one_after = word_set(lang.pronoun_one_after)
        self.tens = {normalize(k): v for k, v in lang.tens.items()}
        self.unit_days: dict[str, float] = {}
        for unit, days in (("day", 1.0), ("week", 7.0), ("fortnight", 14.0), ("month", 30.0), ("year", 365.0),
                           ("hour", 0.0), ("minute", 0.0)):
            for word in getattr(lang.units, unit):
                self.unit_days[normalize(word)] = days
        # less than a day, counted back by the clock: how many hours each is
        self.approximate = word_set(lang.approximate_leads) | word_set(lang.approximate_suffixes)
        self.hours_in = {normalize(w): 1.0 for w in lang.units.hour} | {normalize(w): 1 / 60 for w in lang.units.minute}
        self.per = word_set(lang.per)
        # "in a week", "out of seven": a per of several words, longest first
        self._per_phrases = sorted({tuple(normalize(p).split()) for p in lang.per}, key=len, reverse=True)
        self.spread = word_set(lang.spread)
        self.off_words = word_set(lang.off_words)
        self.pause_leads = [tuple(normalize(p).split()) for p in lang.pause_leads]
        self.times_words = {normalize(k): v for k, v in lang.times.items()}
        self.range_words = word_set(lang.range_words)
        self.weekdays = {normalize(w): i for i, names in enumerate(lang.weekdays) for w in names}
        self.weekend = Phrases([(p, 2) for p in lang.weekend], typos=False)
        self.weekdays_all = Phrases([(p, 5) for p in lang.weekdays_all], typos=False)
        # "every *damn* day"; not a hedge ("not *really* anymore" is hedged, and asked about)
        fillers = word_set(lang.fillers) - word_set(lang.hedges)
        self.frequencies: Phrases[Span] = Phrases([(k, _span(v)) for k, v in lang.frequencies.items()], fillers=fillers)
        self.counts: Phrases[Span] = Phrases([(k, _span(v)) for k, v in lang.counts.items()], fillers=fillers)
        self.times_ago: Phrases[Span] = Phrases([(k, _span(v)) for k, v in lang.times_ago.items()], fillers=fillers)
        self.share_of_that: Phrases[float] = Phrases(list(lang.share_of_that.items()), typos=False)
        self.lasts: Phrases[str] = Phrases([(p, "lasts") for p in lang.lasts], typos=False)
        self.over_a_length: Phrases[str] = Phrases([(p, "over") for p in lang.over_a_length], typos=False)
        self.ages: Phrases[Span] = Phrases([(k, _span(v)) for k, v in lang.ages.items()], fillers=fillers)
        self.born = [tuple(normalize(p).split()) for p in lang.born]
        school = lang.school
        self.grade_words = word_set(school.grade) if school else frozenset()
        self.ordinals = {normalize(k): v for k, v in school.ordinals.items()} if school else {}
        self.age_from = school.age_from if school else 0
        self.school_years = {normalize(k): v for k, v in school.years.items()} if school else {}
        self.school_places: Phrases[int] = Phrases([(p, 1) for p in school.places], typos=False) \
            if school else Phrases([])
        self.ago = word_set(lang.ago)
        self.last: Phrases[int] = Phrases([(p, 1) for p in lang.last], typos=False)
        self.decades = {normalize(k): v for k, v in lang.decades.items()}
        self.decade_parts = {normalize(k): v for k, v in lang.decade_parts.items()}
        b = lang.bounds
        self.before: Phrases[str] = Phrases(
            [(p, "at_least") for p in b.at_least] + [(p, "at_most") for p in b.at_most]
            + [(p, "more_than") for p in b.more_than] + [(p, "less_than") for p in b.less_than]
            + [(p, "almost") for p in b.almost] + [(p, "turning") for p in b.turning], typos=False)
        self.open_above: Phrases[str] = Phrases([(p, "open") for p in b.open_above], typos=False)
        self.through = word_set(lang.through)
        self.every = word_set(lang.every)
        self.one = word_set(lang.one)
        self.past: Phrases[str] = Phrases([(p, "past") for p in lang.past_markers], typos=False)
        self.past_leads = word_set(lang.past_leads)
        self.present: Phrases[str] = Phrases([(p, "now") for p in lang.present_markers], typos=False)
        self.past_tense = word_set(lang.past_tense)
        self.apostrophe_dropped = word_set(lang.apostrophe_dropped)
        self.some = word_set(lang.some)
        self.some_amount = word_set(lang.some_amount)
        self.also = word_set(lang.also)
        self.ended = word_set(lang.ended)
        self.sober_turns = word_set(lang.sober_turns)
        self.since = word_set(lang.since)
        self.now_openers = word_set(lang.now_openers)
        self.refers_back = tuple(tuple(normalize(p).split()) for p in lang.past_refers_back)
        self.clause_openers = word_set(lang.joiners + lang.contrast)
        self.amount_joins = word_set(lang.amount_joins)
        self.duration_leads = word_set(lang.duration_leads)
        self.past_be = word_set(lang.past_be)
        self.future_leads = word_set(lang.future_leads)
        self.plural = tuple(lang.plural_endings)
        self.not_plurals = word_set(lang.not_plurals)
        self.event_verbs = word_set(lang.event_verbs)
        self.age_unit_words = frozenset(w for p in lang.age_units for w in normalize(p).split())
        self.states = word_set(lang.states)
        self.without = word_set(lang.without)
        self.absences = word_set(lang.absences)
        self.absence_objects = word_set(lang.absence_objects)
        self.daily_acts = Phrases([(p, "daily") for p in lang.daily_acts], typos=False)
        self.last_words = frozenset(normalize(w) for w in lang.last if len(normalize(w).split()) == 1)
        self.alternate = word_set(lang.alternate)  # "every other week"
        self.within = tuple(tuple(normalize(w).split()) for w in lang.within)  # "in the (last month)"
        self.time_prepositions = word_set(lang.time_prepositions)
        self.not_amounts = word_set(lang.not_amounts)
        self.measured = word_set(lang.measured)
        self.future: Phrases[str] = Phrases([(p, "future") for p in lang.future_after], typos=False)
        self.not_yet = word_set(lang.not_yet)
        self.age_reached = word_set(lang.age_reached)
        self.either_year: Phrases[str] = Phrases([(p, "either") for p in lang.either_year_after], typos=False)
        self.totals: Phrases[int] = Phrases([(p, days) for p, days in lang.totals.items()], typos=False)
        self.age_leads = tuple(tuple(normalize(p).split()) for p in lang.age_leads)

    # --- numbers ----------------------------------------------------------------------

    def numbers(self, words: tuple[str, ...]) -> list[tuple[int, int, float]]:
        """(start, end, value) for digits, number words and "twenty five"."""
        out: list[tuple[int, int, float]] = []
        i = 0
        while i < len(words):
            word = words[i]
            value: float | None = None
            end = i + 1
            if word.replace(".", "", 1).isdecimal() and len(word) < 7:
                value = float(word)
            elif word in self.tens:
                value = float(self.tens[word])
                if end < len(words) and words[end] in self.number_words and 0 < self.number_words[words[end]] < 10:
                    value += self.number_words[words[end]]
                    end += 1
            elif word in self.number_words and not (word == "one" and self._pronoun_one(words, i)):
                value = float(self.number_words[word])
            if value is not None:
                out.append((i, end, value))
            i = end
        return out

    def _pronoun_one(self, words: tuple[str, ...], i: int) -> bool:
        """"the one who told me", "no one", "this one": a pronoun, not the number."""
        after = words[i + 1] if i + 1 < len(words) else ""
        return (i > 0 and words[i - 1] in self.pronoun_one_before) or after in self.pronoun_one_after \
            or (i > 0 and words[i - 1] == "the" and after.endswith("ing"))  # "she is the one drinking"

    def number_spans(self, words: tuple[str, ...]) -> list[tuple[int, int, Span]]:
        """Numbers, with "3 or 4" and "3 to 4" joined into one span."""
        nums = self.numbers(words)
        out: list[tuple[int, int, Span]] = []
        k = 0
        while k < len(nums):
            start, end, value = nums[k]
            if (k + 1 < len(nums) and nums[k + 1][0] == end + 1 and words[end] in self.range_words
                    and nums[k + 1][2] > value):
                out.append((start, nums[k + 1][1], (value, nums[k + 1][2])))
                k += 2
                continue
            out.append((start, end, (value, value)))
            k += 1
        return out

    def lasting(self, tokens: Tokens) -> tuple[int, float] | None:
        """Where an amount is said to last a length of time, and how many days: "a handle lasts me
        3 days" (1, 3.0), "a case lasts him a week" (1, 7.0); None when none is said."""
        words = tokens.words
        for m in self.lasts.find(tokens):
            at = m.end + 1 if m.end < len(words) and words[m.end] in self.duration_leads else m.end  # "about 3"
            n, unit = self._count_before_unit(words, at)
            if n and unit < len(words) and self.unit_days.get(words[unit], 0) >= 1:
                return m.start, n * self.unit_days[words[unit]]
            if any(w.start == m.end for w in self.weekend.find(tokens)):
                return m.start, 2.0  # "a 12 pack lasts me the weekend"
        return None

    def _count_before_unit(self, words: tuple[str, ...], at: int) -> tuple[float | None, int]:
        """The number at `at` ("3", "three", or "a" as one; None when neither) and where the unit
        after it would stand: "3 days", "a week", "years"."""
        amount = self.numbers(words[at:at + 1])
        if amount:
            return amount[0][2], at + 1
        if at < len(words) and words[at] in self.one:
            return 1.0, at + 1
        return None, at

    def times_over(self, tokens: Tokens) -> Found | None:
        """Times a period said over a length of time, as a count: "twice a year for the last five
        years" is 10, "every few months for years" at least several (a length without a number
        is taken as two of its unit, the least it can mean)."""
        words = tokens.words
        for m in self.over_a_length.find(tokens):
            i, at = m.start, m.end
            if i == 0:
                continue
            n, unit = self._count_before_unit(words, at)
            if unit >= len(words) or self.unit_days.get(words[unit], 0) < 7:
                continue
            if n is None:
                n = 2.0 if words[unit].endswith(self.plural) else 1.0  # "for years": two at least
            before = Tokens(words[:i], tokens.clauses[:i], frozenset(c for c in tokens.contrast_at if c < i))
            rate = self.frequency(before)
            if rate is None or rate.negated or not 0 < rate.span[1] < 7:
                return None  # "daily for 10 years": how often, not a count of times
            days = n * self.unit_days[words[unit]]
            return Found((rate.span[0] * days / 7, rate.span[1] * days / 7), False, rate.start, unit + 1)
        return None

    def days_in_total(self, tokens: Tokens) -> int | None:
        """How many drinking days an amount said "over the weekend" or "a week" is spread over:
        the days named ("just friday and saturday"), else the period's own (a weekend: 2), or 0
        when the period does not say (a week); None when no such period is said."""
        found = self.totals.find(tokens)
        if not found:
            return None
        named = {self.weekdays[w] for w in tokens.words if w in self.weekdays}
        return len(named) if named and found[0].target else found[0].target

    def not_amount(self, words: tuple[str, ...], start: int, end: int) -> bool:
        """A number that measures something else or is an age ("shes 72", "since he was 16"): not
        the count or days a question asks for."""
        return self.measures_else(words, start, end) or any(
            lead and words[max(0, start - len(lead)):start] == lead for lead in self.age_leads)

    def measures_else(self, words: tuple[str, ...], start: int, end: int,
                      unit: frozenset[str] = frozenset()) -> bool:
        """A number of something else: "a 12 hour shift", "20 bucks", "6 foot 4", or the clock
        ("7 to 3": a range that goes down is hours); `unit`: words that are the asked thing's
        own ("58 years old" is an age)."""
        beside = {words[end] if end < len(words) else "", words[start - 1] if start else ""}
        if (beside - unit) & self.not_amounts:
            return True
        if self.length_of_something(words, end):
            return True
        if not beside & self.through:
            return False
        nums = self.numbers(words)
        starts, ends = {s: v for s, _, v in nums}, {e: v for _, e, v in nums}
        value = starts.get(start)
        after = starts.get(end + 1) if end < len(words) and words[end] in self.through else None
        before = ends.get(start - 1) if start > 1 and words[start - 1] in self.through else None
        return value is not None and (after is not None and after < value or before is not None and before > value)

    def length_of_something(self, words: tuple[str, ...], end: int) -> bool:
        """A number, then a unit of time, then what lasted that long: "a 28 day program", "a 3 day
        weekend" tell how long that was, not how many days or times."""
        return end + 1 < len(words) and words[end] in self.unit_days and words[end + 1] in self.measured

    # --- helpers ----------------------------------------------------------------------

    def _negated(self, tokens: Tokens, start: int, end: int, covered: set[int]) -> bool:
        cues = self.negation.cues(tokens)
        return self.negation.negated(tokens, Match(start, end, None, True), cues, covered)

    def _phrases(self, tokens: Tokens, table: Phrases[Span], zero_is_none: bool = True) -> list[Found]:
        """Phrases of a table; where zero means none ("never", "i dont"), a zero phrase is a
        negation cue for what follows and is not negated itself."""
        found = []
        matches = table.find(tokens)
        negative = [m for m in matches if zero_is_none and m.target == (0.0, 0.0)]
        covered = {i for m in matches if m not in negative for i in range(m.start, m.end)}
        for m in matches:
            negated = m not in negative and self._negated(tokens, m.start, m.end, covered - set(range(m.start, m.end)))
            found.append(Found(m.target, negated, m.start, m.end))
        return found

    @staticmethod
    def _merge(found: list[Found]) -> Found | None:
        """One span for several mentions: what is said is kept and what is denied only excludes
        ("a few times a week but not every day"); denied alone stands alone; zeros give way."""
        if not found:
            return None
        said = [f for f in found if not f.negated]
        if not said or all(f.span == (0.0, 0.0) for f in said) and any(f.negated for f in found):
            return next(f for f in found if f.negated)
        nonzero = [f for f in said if f.span != (0.0, 0.0)]
        use = nonzero or said
        return Found((min(f.span[0] for f in use), max(f.span[1] for f in use)), False,
                     min(f.start for f in use), max(f.end for f in use))

    # --- how often: times a week -------------------------------------------------------

    def _days_off(self, tokens: Tokens) -> tuple[int, int, float] | None:
        """ "one day off", "2 nights off", "a day off", "weekends off": (start, end, days off a week)."""
        words = tokens.words
        if any(w in self.weekdays for w in words):
            return None  # "mon to thurs, weekend off": the days named say which, not a week less two
        for j, w in enumerate(words):
            if w not in self.off_words or j == 0:
                continue
            unit = words[j - 1]
            if self.weekend.whole((unit,)):
                return j - 1, j + 1, 2.0
            if self.unit_days.get(unit) == 1.0 and j >= 2:
                count = self.numbers((words[j - 2],))
                if count and 0 < count[0][2] < 7:
                    return j - 2, j + 1, count[0][2]
                if words[j - 2] in self.one:
                    return j - 2, j + 1, 1.0
        return None

    def per_at(self, words: tuple[str, ...], at: int) -> int:
        """How many words of a "per" phrase start here ("a", "per", "in a", "out of"), or 0."""
        return next((len(p) for p in self._per_phrases if words[at:at + len(p)] == p), 0)

    def frequency(self, tokens: Tokens) -> Found | None:
        words = tokens.words
        # "3 or 4, no more than that": a bound ("no more than") is not the "no more" of none
        bounds = {m.start for m in self.before.find(tokens)}
        found = [g for g in (self._double_negative(tokens, f) for f in self._phrases(tokens, self.frequencies)
                             if not (f.span == (0.0, 0.0) and f.start in bounds)) if g is not None]
        found = [self._rate_bounded(tokens, f) for f in found]  # "less than weekly", "more than once a month"
        found += self._not_a_day_without(tokens)
        said_off = self._days_off(tokens)
        if said_off is not None and self._negated(tokens, said_off[0], said_off[1], set()):
            said_off = None  # "i dont take a day off": every day (`_not_a_day_without`)
        if said_off is not None:
            # "every day, maybe takes one day off", "weekends off": a week less the days off
            start, end, days = said_off
            found = [f for f in found if f.span != (7.0, 7.0) and not (f.start < end and start < f.end)]
            found.append(Found((7.0 - days,) * 2, False, start, end))
        used = {i for f in found for i in range(f.start, f.end)}
        # a zero phrase's words ("i dont") still negate what follows ("i dont drink weekends")
        cues_free = {i for f in found if f.span != (0.0, 0.0) for i in range(f.start, f.end)}
        # "3 days a week", "twice a month", "4 or 5 nights", "2 times a day", "several times a day"
        zeros = [f.end for f in found if f.span == (0.0, 0.0) and not f.negated]
        for start, end, span in self.number_spans(words) + self._times_words(words) + self._counted(tokens, used):
            if any(i in used for i in range(start, end)) or self.length_of_something(words, end):
                continue  # "a 28 day program": how long the program was
            if any(0 <= start - z <= 3 and all(w in self.duration_leads for w in words[z:start]) for z in zeros):
                continue  # "clean for 3 days", "sober 3 weeks": how long use has stopped, not how often
            j = end
            if j < len(words) and words[j] in self.times_words:
                j += 1
            unit_at = j
            if j < len(words) and words[j] in self.unit_days and self.unit_days[words[j]] == 1.0 \
                    and not (j + 1 < len(words) and words[j + 1] in self.ago):
                # "3 days" or "3 nights": days in a week, unless "a month" follows
                if j + 2 < len(words) and words[j + 1] in self.per and words[j + 2] in self.unit_days:
                    unit_at = j + 2
                else:  # ("almost 7 days": 6; "over 4 nights": 5 or more)
                    found.append(Found(self.bounded(tokens, start, end, span),
                                       self._negated(tokens, start, j + 1, cues_free), start, j + 1))
                    used.update(range(start, j + 1))
                    continue
            elif (k := self.per_at(words, j)) and j + k < len(words) and words[j + k] in self.unit_days:
                unit_at = j + k  # "twice a month", "2 or 3 times in a week"
            elif j + 2 < len(words) and words[j] in self.spread and words[j + 2] in self.unit_days \
                    and (spread := self.numbers((words[j + 1],))) and spread[0][2] > 0 and self.unit_days[words[j + 2]]:
                # "once in two months", "twice in 3 weeks"
                days = self.unit_days[words[j + 2]] * spread[0][2]
                found.append(Found((span[0] * 7 / days, span[1] * 7 / days), False, start, j + 3))
                used.update(range(start, j + 3))
                continue
            elif j < len(words) and words[j] in self.since and words[j - 1] in self.times_words \
                    and (since := self._since_when(tokens, j + 1)) is not None:
                # "two or three times since summer", "twice since christmas": times over the days since
                days = max(since, 7.0)
                found.append(Found((span[0] * 7 / days, span[1] * 7 / days), False, start, j + 1))
                used.update(range(start, j + 1))
                continue
            elif any(words[j:j + len(w)] == w and j + len(w) + 1 < len(words)
                     and words[j + len(w)] in self.last_words and words[j + len(w) + 1] in self.unit_days
                     for w in self.within):
                unit_at = next(j + len(w) + 1 for w in self.within if words[j:j + len(w)] == w)  # once a month
            elif start > 0 and words[start - 1] in self.every and j < len(words) and words[j] in self.unit_days:
                days = self.unit_days[words[j]] * span[1]  # "every 2 weeks", "every couple of weeks"
                if words[j] in self.hours_in:  # "every 4 hours": each day, many times; "every 48 hours"
                    days = max(1.0, span[1] * self.hours_in[words[j]] / 24)
                if days:
                    found.append(Found((7 / days, 7 / days), self._negated(tokens, start - 1, j + 1, cues_free),
                                       start - 1, j + 1))
                    used.update(range(start - 1, j + 1))
                continue
            elif unit_at == end and end - start == 1 and len(words) <= 2 and span[1] <= 7:
                # a number alone: days a week ("almost 7": 6)
                found.append(Found(self.bounded(tokens, start, end, span), False, start, end))
                used.update(range(start, end))
                continue
            if unit_at < len(words) and words[unit_at] in self.unit_days and unit_at != end:
                days = self.unit_days[words[unit_at]]
                if days == 0:
                    continue
                bounded = self.bounded(tokens, start, end, span)  # "no more than 3 days a week": 0 to 3
                span = bounded if bounded[1] != INF else span  # (an open bound as before: "at least 2 a week")
                per_week = (min(7.0, span[0] * 7 / days), min(7.0, span[1] * 7 / days))
                if days == 1.0:
                    per_week = (7.0, 7.0) if span[0] >= 1 else per_week
                denied = self._negated(tokens, start, unit_at + 1, cues_free) and not self.bound_denied(tokens, start)
                found.append(Found(per_week, denied, start, unit_at + 1))
                used.update(range(start, unit_at + 1))
        # a rate said ("twice a month", "3 or 4 days a week"): days named beside it say when
        counted = [f for f in found if f.span[0] > 0 and f.span[1] < 7 and f.span[1] - f.span[0] <= 1]
        # "4 days a week, always after 5pm": a how-often word before "after" or "before" says when
        # it happens, beside a count that says how often
        when = [f for f in found
                if f.span == (7.0, 7.0) and f.end < len(words) and words[f.end] in self.time_prepositions]
        if when and len(when) < len(found):
            found = [f for f in found if f not in when]
        # "every other weekend": one or both days, every two weeks; "every other friday": half a day a week
        for i in range(len(words) - 2):
            if words[i] in self.every and words[i + 1] in self.alternate and i + 2 not in used:
                weekend = [m for m in self.weekend.find(tokens) if m.start == i + 2]
                if weekend or words[i + 2] in self.weekdays:
                    stop = weekend[0].end if weekend else i + 3
                    found.append(Found((0.5, 1.0) if weekend else (0.5, 0.5), False, i, stop))
                    used.update(range(i, stop))
        # weekdays named: "monday to friday", "fri and sat", "every day but sunday", "not on weekends"
        on, off, start, end = self._weekdays(tokens, used, cues_free)
        if on or off:
            # "every day but sunday", "pretty much every day except sundays": a week less the days named
            base = next((f for f in found if f.span[1] >= 6.0 and not f.negated), None)  # ("most days")
            excepted = base is not None and any(base.start < i <= start for i in tokens.contrast_at)
            ranged = any(words[i] in self.through and words[i - 1] in self.weekdays and words[i + 1] in self.weekdays
                         for i in range(max(1, start), min(end, len(words) - 1)))
            if base is not None and (off or excepted):
                days_off = len(off | (on if excepted else set()))
                found = [f for f in found if f is not base]
                found.append(Found((7.0 - days_off,) * 2, False, base.start, end))
            elif base is not None and ranged and 1 < len(on) < 7:
                # "every night after work, so mon thru fri": a run of days named says which nights
                found = [f for f in found if f is not base]
                found.append(Found((float(len(on)),) * 2, False, min(base.start, start), max(base.end, end)))
            elif on and (not counted or any(words[i - 1] in self.every for i in range(max(1, start), end))):
                # ("twice a month, payday weekends": the days say when, not how often; "every saturday" how often)
                found.append(Found((float(len(on)),) * 2, False, start, end))
        # "most days, perhaps five": a number on its own (nothing after it in its clause) inside
        # the span of the one vague how-often said says which
        if len(found) == 1 and found[0].span[0] < found[0].span[1]:
            vague = found[0]
            bare = [(s, e, sp) for s, e, sp in self.number_spans(words)
                    if not any(i in used for i in range(s, e)) and vague.span[0] <= sp[0] <= sp[1] <= vague.span[1]
                    and (e == len(words) or tokens.clauses[e] != tokens.clauses[s])]
            if len(bare) == 1:
                s, e, sp = bare[0]
                found = [Found(sp, vague.negated, min(s, vague.start), max(e, vague.end))]
        # "only at parties, maybe twice a month", "once in a while, maybe twice a month": a how-often
        # inside the span of a vaguer one says which, as a number does (not a "dont", which is a bound's)
        if len(found) == 2 and not any(f.negated for f in found):
            vague, sharp = sorted(found, key=lambda f: f.span[1] - f.span[0], reverse=True)
            if vague.span[0] < vague.span[1] and vague.span != sharp.span and sharp.span[1] > 0 \
                    and vague.span[0] <= sharp.span[0] <= sharp.span[1] <= vague.span[1]:
                found = [Found(sharp.span, False, min(vague.start, sharp.start), max(vague.end, sharp.end))]
        if not found:  # "3 beers a day, weekends only": the days said are how often
            found = self._amount_per_day(tokens, used, cues_free)
        return self._merge(found)

    def _double_negative(self, tokens: Tokens, f: Found) -> Found | None:
        """A stopped word negated ("not had a sober day", "never clean", "havent stopped") is
        still using: every day, the safer reading, which the person is asked to confirm."""
        if f.span != (0.0, 0.0):
            return f
        cues = self.negation.cues(tokens)
        if any(f.start <= c.start < f.end for c in cues):
            if without_after(tokens, f.start, self.without):
                return None  # "never drink without food": not a zero, and says nothing of how often
            return f  # "never", "no more", "havent used since": the phrase is the negation
        if self.negation.negated(tokens, Match(f.start, f.end, None, True), cues, set()):
            return Found((7.0, 7.0), False, f.start, f.end)
        return f

    def _not_a_day_without(self, tokens: Tokens) -> list[Found]:
        """"not a day goes by without", "can't go one day without": a day without it, negated, is
        every day."""
        words = tokens.words
        cues = self.negation.cues(tokens)
        out = []
        for i, w in enumerate(words):
            if self.unit_days.get(w) != 1.0:
                continue
            ahead = [j for j in range(i + 1, min(i + 5, len(words))) if words[j] in self.without
                     and tokens.clauses[j] == tokens.clauses[i]]
            before = [c for c in cues if c.end <= i and i - c.end <= 4 and tokens.clauses[c.start] == tokens.clauses[i]
                      and words[c.start] not in self.without]
            if ahead and before:
                out.append(Found((7.0, 7.0), False, before[-1].start, ahead[0] + 1))
        # "i dont get out of bed without it": what is done every day, not done without it
        for act in self.daily_acts.find(tokens):
            ahead = [j for j in range(act.end, min(act.end + 3, len(words))) if words[j] in self.without
                     and tokens.clauses[j] == tokens.clauses[act.start]]
            before = [c for c in cues if c.end <= act.start and act.start - c.end <= 2
                      and tokens.clauses[c.start] == tokens.clauses[act.start] and words[c.start] not in self.without]
            if ahead and before:
                out.append(Found((7.0, 7.0), False, before[-1].start, ahead[0] + 1))
        # "never miss a day", "no days off", "i dont skip", "never go without": a day without, denied
        for i, w in enumerate(words):
            if w not in self.absences:
                continue
            rest = [j for j in range(i + 1, min(i + 4, len(words))) if tokens.clauses[j] == tokens.clauses[i]]
            day = next((j for j in rest if self.unit_days.get(words[j]) == 1.0 or words[j] in self.absence_objects),
                       None)
            if rest and day is None and not (i and self.unit_days.get(words[i - 1]) == 1.0):
                continue  # "never miss work": something else is missed ("no days off from it" is a day)
            before = [c for c in cues if c.end <= i and i - c.end <= 4 and tokens.clauses[c.start] == tokens.clauses[i]]
            if before:
                out.append(Found((7.0, 7.0), False, before[-1].start, (day if day is not None else i) + 1))
        return out

    def _amount_per_day(self, tokens: Tokens, used: set[int], cues_free: set[int]) -> list[Found]:
        """An amount of something each day ("a gram a day", "2 pills a day", "half a bottle a
        night"): used every day, however much. Only a day: "2 bags a week" does not say on how
        many days."""
        words = tokens.words
        found = []
        for k in range(2, len(words) - 1):
            per = self.per_at(words, k)  # "a day", "per day", "in a day"
            if not per or k + per >= len(words) or self.unit_days.get(words[k + per]) != 1.0 \
                    or any(i in used for i in range(k, k + per + 1)):
                continue
            for size in (1, 2):  # the thing counted: "pills", "xanax bars"
                lead = k - size - 1
                things = words[lead + 1:k]
                if lead < 0 or any(w in self.per or w in self.unit_days or w in self.times_words
                                   or self.numbers((w,)) for w in things):
                    continue
                if words[lead] in self.one or any(e == lead + 1 for _, e, _ in self.number_spans(words[:lead + 1])):
                    if not self._negated(tokens, lead, k + per + 1, cues_free):  # "not a gram a day": how much, then?
                        found.append(Found((7.0, 7.0), False, lead, k + per + 1))
                        used.update(range(lead, k + per + 1))
                    break
        return found

    def _counted(self, tokens: Tokens, used: set[int]) -> list[tuple[int, int, Span]]:
        """Amounts said in words ("a few", "several") that a period can follow: "a few weeks"."""
        return [(m.start, m.end, m.target) for m in self.counts.find(tokens) if m.target != (0.0, 0.0)
                and m.target[1] != INF and not any(i in used for i in range(m.start, m.end))]

    def _times_words(self, words: tuple[str, ...]) -> list[tuple[int, int, Span]]:
        """"once", "twice" as counts that a period can follow."""
        return [(i, i + 1, (float(self.times_words[w]),) * 2) for i, w in enumerate(words)
                if w in self.times_words and self.times_words[w] > 1 or w == "once"]

    def _weekdays(self, tokens: Tokens, used: set[int], cues_free: set[int]) -> tuple[set[int], set[int], int, int]:
        """Days named (Monday is 0), with and without a negation: (on, off, first word, end)."""
        words = tokens.words
        mentions: list[tuple[int, int, set[int]]] = []  # (start, end, days)
        once = {m.end for m in self.last.find(tokens)}  # "last friday" is one day, not every friday
        i = 0
        while i < len(words):
            day = self.weekdays.get(words[i])
            ranged = i + 2 < len(words) and words[i + 1] in self.through or i > 1 and words[i - 1] in self.through
            habitual = (words[i].endswith(self.plural) or ranged or len(words[i]) <= 4  # "fridays", "mon to fri"
                        or i > 0 and words[i - 1] in self.every)
            if day is not None and not habitual and self._past_event(tokens, i):
                once.add(i)  # "slipped up friday and saturday": those days, not every week
            if day is None or i in used or i in once:
                i += 1
                continue
            j = i + 1
            if j + 1 < len(words) and words[j] in self.through \
                    and words[j + 1] in self.weekdays:
                last = self.weekdays[words[j + 1]]
                mentions.append((i, j + 2, {(day + n) % 7 for n in range(((last - day) % 7) + 1)}))
                i = j + 2
                continue
            mentions.append((i, j, {day}))
            i = j
        named = set().union(*(d for _, _, d in mentions)) if mentions else set()
        for m in self.weekend.find(tokens):
            if not any(k in used for k in range(m.start, m.end)):
                # "weekends, fri and sat": the days named say which two
                days = named if named and named <= {4, 5, 6} and len(named) >= 2 else {5, 6}
                mentions.append((m.start, m.end, days))
        for m in self.weekdays_all.find(tokens):
            if not any(k in used for k in range(m.start, m.end)):
                mentions.append((m.start, m.end, {0, 1, 2, 3, 4}))
        on: set[int] = set()
        off: set[int] = set()
        for start, end, days in mentions:
            without = self._negated(tokens, start, end, cues_free) or self._paused(words, start, end)
            (off if without else on).update(days)
        if not mentions:
            return set(), set(), 0, 0
        return on - off, off, min(m[0] for m in mentions), max(m[1] for m in mentions)

    def days_without(self, tokens: Tokens) -> bool:
        """Days named as days without, and none as days with ("i dont drink mondays", "not on
        weekends"): it says which days are not, so not how many are."""
        on, off, _, _ = self._weekdays(tokens, set(), set())
        return bool(off) and not on

    def _paused(self, words: tuple[str, ...], start: int, end: int) -> bool:
        """Days named as days without: "the weekend off", "stops for the weekend", "dry on sundays"."""
        if end < len(words) and words[end] in self.off_words:
            return True
        return any(start >= len(p) and words[start - len(p):start] == p for p in self.pause_leads)

    def _past_event(self, tokens: Tokens, at: int) -> bool:
        """A day named in a clause that tells of something that happened ("slipped up friday")."""
        clause = tokens.clauses[at]
        return any(tokens.clauses[i] == clause and w in self.event_verbs for i, w in enumerate(tokens.words))

    # --- how many times ------------------------------------------------------------------

    def count(self, tokens: Tokens) -> Found | None:
        words = tokens.words
        found = [Found(self.bounded(tokens, f.start, f.end, f.span), f.negated, f.start, f.end)
                 for f in self._phrases(tokens, self.counts)]
        used = {i for f in found for i in range(f.start, f.end)}
        spans = self.number_spans(words)
        # "twice, hes 45", "in 2018": an age or a year beside a count is not one
        amounts = [sp for sp in spans if not (self.not_amount(words, sp[0], sp[1]) or 1900 < sp[2][0] < 2100)]
        if found or amounts:
            spans = amounts
        for start, end, span in spans:
            if any(i in used for i in range(start, end)):
                continue
            denied = self._negated(tokens, start, end, used) and not self.bound_denied(tokens, start)
            found.append(Found(self.bounded(tokens, start, end, span), denied, start, end))
            used.update(range(start, end))
        return self._occasions(tokens, found) or self._merge(found)

    def _occasions(self, tokens: Tokens, found: list[Found]) -> Found | None:
        """Times on separate occasions, added up: "twice at home and once in detox" is 3 ("once or
        twice" is a range, and read as one span before this)."""
        words = tokens.words
        said = sorted((f for f in found if not f.negated and f.span[0] > 0), key=lambda f: f.start)
        if len(said) < 2 or len(said) != len(found):
            return None
        occasion = [any(w in self.times_words for w in words[f.start:min(f.end + 1, len(words))]) for f in said]
        # each with words of its own (where, when), then "and" or a new clause: "once, twice tops" is not
        joined = [(any(w in self.clause_openers for w in words[a.end:b.start])
                   or tokens.clauses[a.end - 1] != tokens.clauses[b.start])
                  and any(w not in self.clause_openers and w not in self.times_words for w in words[a.end:b.start])
                  and not any(w in self.amount_joins for w in words[a.end:b.start])
                  for a, b in zip(said, said[1:], strict=False)]
        if not (all(occasion) and all(joined)):
            return None
        return Found((sum(f.span[0] for f in said), sum(f.span[1] for f in said)), False, said[0].start, said[-1].end)

    def _bound_before(self, tokens: Tokens, start: int) -> str | None:
        """The bound right before a number; "more than" denied ("i have not gone through it more than
        once", "i do not take more than one") is at most, "less than" denied at least."""
        bound = self._bound_at(tokens, start)
        if bound is None:
            return None
        return _DENIED_BOUNDS[bound.target] if self.bound_denied(tokens, start) else bound.target

    def bound_denied(self, tokens: Tokens, start: int) -> bool:
        """The number's bound is what a negation before it denies (so the number itself is not)."""
        bound = self._bound_at(tokens, start)
        return bound is not None and bound.target in _DENIED_BOUNDS \
            and self._negated(tokens, bound.start, bound.end, set())

    def _bound_at(self, tokens: Tokens, start: int) -> Match[str] | None:
        return next((m for m in self.before.find(tokens) if m.end == start), None)

    def bounded(self, tokens: Tokens, start: int, end: int, span: Span) -> Span:
        """A number with the words that bound it: "at least twice" is 2 or more, "over 65" 66 or
        more, "almost 18" 17, "turns 18 next month" 17 now, "twice, maybe more" 2 or more."""
        lo, hi = span
        bound = self._bound_before(tokens, start)
        if bound == "at_least" or any(m.start >= end for m in self.open_above.find(tokens)):
            return lo, INF
        if bound == "at_most":
            return 0.0, hi
        if bound == "more_than":
            return lo + 1, INF
        if bound == "less_than":
            return 0.0, max(0.0, lo - 1)
        if bound in ("almost", "turning"):
            return max(0.0, lo - 1), max(0.0, hi - 1)
        return lo, hi

    # --- how long ago, in days -------------------------------------------------------------

    def time_ago(self, tokens: Tokens) -> Found | None:
        """How long ago, all times named taken together (those denied left out)."""
        found = self.times(tokens)
        said = [f for f in found if not f.negated]  # "a few weeks ago, not now"
        # "but I'm ok now": how the person is now, not when it happened (when another time is said)
        stated = [f for f in said if f.span == (0.0, 0.0) and any(
            tokens.clauses[i] == tokens.clauses[f.start] and w in self.states for i, w in enumerate(tokens.words))]
        if stated and len(stated) < len(said):
            said = [f for f in said if f not in stated]
        # "today is day 45 without a drink", "90 days sober as of today": today is when the count is
        # made, not when the person last used (a sober count said beside it)
        counted = self._sober_count(tokens)
        # (today in the count's own clause only, and no use said after it: not "clean 2 days, then drank today")
        if counted is not None and self.sober_turns.isdisjoint(tokens.words[counted.start:]):
            said = [f for f in said if f.span != (0.0, 0.0) or tokens.clauses[f.start] != tokens.clauses[counted.start]]
            said += [counted] if counted not in said else []
        if not said:
            return found[0] if found else None
        # "its been 3 months, since christmas": a time inside a vaguer one said beside it says which
        inner = [f for f in said if all(g is f or g.span != f.span and g.span[0] <= f.span[0] <= f.span[1] <= g.span[1]
                                        for g in said)]
        if len(said) > 1 and len(inner) == 1 and inner[0].span[0] > 0:  # (not "its july now": the present)
            said = inner
        return Found((min(f.span[0] for f in said), max(f.span[1] for f in said)), False,
                     min(f.start for f in said), max(f.end for f in said))

    def _sober_count(self, tokens: Tokens) -> Found | None:
        """A count of days without, said with a stopped word: "day 45 without a drink", "90 days
        sober", "3 weeks clean": that long since; None where no such count is said."""
        words = tokens.words
        for i, w in enumerate(words):
            if w == "day" and i + 1 < len(words) and words[i + 1].isdecimal() and int(words[i + 1]) > 1 \
                    and any(x in self.ended or x in self.without for x in words[i + 2:i + 5]):
                n = float(words[i + 1])
                return Found((n - 1, n), False, i, i + 2)
        for start, end, (lo, hi) in self.number_spans(words):
            unit = self.unit_days.get(words[end]) if end < len(words) else None
            if unit and lo > 0 and any(x in self.ended for x in words[end + 1:end + 3]):
                return Found((lo * unit, hi * unit), False, start, end + 1)
        return None

    def _rate_bounded(self, tokens: Tokens, f: Found) -> Found:
        """A how-often phrase after "less than" or "more than": below or above it, not it ("less
        than weekly" is less than once a week, not weekly); a rate, so not one less or one more."""
        bound = self._bound_before(tokens, f.start)
        lo, hi = f.span
        if bound == "less_than" and lo > 0:
            return Found((lo / 100, lo * 0.99), f.negated, f.start, f.end)
        if bound == "more_than" and 0 < hi < 7:  # "more than once a week": a few times, not every day
            return Found((hi * 1.01, min(7.0, hi * 3)), f.negated, f.start, f.end)
        return f

    def _since_when(self, tokens: Tokens, at: int) -> float | None:
        """How many days ago the time said from `at` on began ("summer", "christmas", "june"), at the
        far end of its span when that is known (a month named is somewhere in the past year), when
        one is said right there; else None."""
        rest = Tokens(tokens.words[at:], tokens.clauses[at:], frozenset())
        found = [f for f in self.times(rest) if f.start == 0 and not f.negated]
        if not found:
            return None
        lo, hi = found[0].span
        return hi if hi != INF else lo or None

    def _window_lead(self, words: tuple[str, ...], start: int) -> int | None:
        """Where a window before an amount of time begins ("in the past", "over the last", "past"),
        or None (not "since": "since 2 weeks" is a point)."""
        if start == 0 or words[start - 1] not in self.last_words or words[start - 1] in self.since:
            return None
        lead = start - 1
        return next((lead - len(w) for w in self.within if words[max(0, lead - len(w)):lead] == w), lead)

    def times(self, tokens: Tokens) -> list[Found]:
        """Each time named, in days ago: "2 weeks ago", "last saturday", "in 2019"."""
        words = tokens.words
        # "6 weeks ago" is six weeks, not the phrase "weeks ago" (some weeks) with a 6 before it
        counted = {end for _, end, _ in self.number_spans(words)}
        found = [f for f in self._phrases(tokens, self.times_ago, zero_is_none=False)
                 if not (f.start in counted and words[f.start] in self.unit_days)]
        used = {i for f in found for i in range(f.start, f.end)}
        amounts = self.number_spans(words) + self._counted(tokens, used) + [
            (i, i + 1, (1.0, 1.0)) for i, w in enumerate(words) if w in self.one and i not in used]
        for start, end, span in amounts:
            if end < len(words) and words[end] in self.unit_days and not any(i in used for i in range(start, end + 1)):
                days = self.unit_days[words[end]]
                half = words[end + 1:end + 4] == ("and", "a", "half")  # "a month and a half": 45 days
                after = end + 1 + (3 if half else 0)
                stop = after + (1 if after < len(words) and words[after] in self.ago else 0)
                extra = days / 2 if half else 0.0
                lead = self._window_lead(words, start)
                if words[end] in self.hours_in:  # "48 hrs ago": the days on the calendar, by the clock
                    hours = self.hours_in[words[end]]
                    lo, hi = _days_since_hours(span[0] * hours), _days_since_hours(span[1] * hours)
                    first = lead if lead is not None and stop == after else None  # "in the last 24 hours"
                    found.append(Found((lo if first is None else 0.0, hi),
                                       first is not None and self._negated(tokens, first, stop, set()),
                                       start if first is None else first, stop))
                    used.update(range(start if first is None else first, stop))
                    continue
                if lead is not None and stop == after:
                    # "in the past 30 days", "not in the last 2 weeks": some time within the window
                    # (denied, none in it), not 30 days ago
                    found.append(Found((min(1.0, span[1] * days), span[1] * days + extra),
                                       self._negated(tokens, lead, stop, set()), lead, stop))
                    used.update(range(lead, stop))
                    continue
                found.append(Found((span[0] * days + extra, span[1] * days + extra), False, start, stop))
                used.update(range(start, stop))
        before_day = {m.end for m in self.last.find(tokens)}
        weekday = date.today().weekday()  # the language lists its weekdays from Monday, as Python counts them
        for i, w in enumerate(words):
            if i in used:
                continue
            day = self.weekdays.get(w)
            if day is not None:
                # "saturday" said on a Thursday was 5 days ago; today's own name may be today or a
                # week ago, and "last" says a week ago
                back = float((weekday - day) % 7)
                span = (back or 7.0, back or 7.0) if i in before_day else ((back, back) if back else (0.0, 7.0))
                found.append(Found(span, False, i - (1 if i in before_day else 0), i + 1))
        this_year = date.today().year
        for start, end, span in self.number_spans(words):
            year = int(span[0])
            if span[0] == span[1] and 1900 < year < this_year and not any(i in used for i in range(start, end)):
                # "in 2019": at least the whole years between then and now
                found.append(Found((max(1.0, (this_year - year - 1) * 365.0), 36500.0), False, start, end))
        return found

    # --- age, in years ------------------------------------------------------------------------

    def age(self, tokens: Tokens) -> Found | None:
        words = tokens.words
        found = self._phrases(tokens, self.ages, zero_is_none=False)
        used = {i for f in found for i in range(f.start, f.end)}
        for i, w in enumerate(words):
            decade = None
            if w in self.decades:
                decade = self.decades[w]
            elif w.endswith(self.plural) and w.rstrip("".join(self.plural)).isdecimal() and len(w) in (3, 4):
                digits = w.rstrip("".join(self.plural))
                decade = int(digits) % 100 if len(digits) == 3 else int(digits)
            if decade is None or i in used:
                continue
            part = self.decade_parts.get(words[i - 1]) if i > 0 else None
            lo, hi = (decade + part[0], decade + part[1]) if part else (decade, decade + 9)
            if decade == 10:
                lo, hi = (max(lo, 13), hi) if part else (13, 19)
            found = [f for f in found if not (f.start <= i < f.end)]
            found.append(Found((lo, hi), False, i - (1 if part else 0), i + 1))
            used.update(range(i - (1 if part else 0), i + 1))
        school = self._school_and_birth(tokens)
        if school:
            # a birth year or a school year says the age: other age words beside it ("senior",
            # "in high school") only name the school
            found = [Found((lo, hi), False, start, end) for lo, hi, start, end in school]
            used = {i for f in found for i in range(f.start, f.end)} | {
                i for m in self.school_places.find(tokens) for i in range(m.start, m.end)}
        numeric: list[Found] = []
        past_ages: list[Found] = []  # an age something happened at: "been drinking since i was 14"
        for start, end, span in self.number_spans(words):
            if any(i in used for i in range(start, end)) or span[1] > 120 \
                    or self.measures_else(words, start, end, self.age_unit_words):
                continue  # "my shift is 7 to 3": hours, not an age
            after = words[end] if end < len(words) else ""
            if after.endswith(self.plural) and after not in self.age_unit_words | self.not_plurals \
                    and not after.isdecimal():
                continue  # "i have 2 kids": not an age
            if self._time_after(words, start, self.ago) or self._how_long(words, start, end):
                continue  # "i retired two years ago", "2 years clean": a time, not an age
            lo, hi = self.bounded(tokens, start, end, span)
            if self.approximate & {words[start - 1] if start else "", words[end] if end < len(words) else ""}:
                lo, hi = max(0.0, lo - 1), hi + 1  # "about 65", "65ish": 64 to 66
            reached = start > 0 and words[start - 1] in self.age_reached  # "turned 18 in june": 18
            denied = not reached and self._negated(tokens, start, end, set())
            if denied and (after in self.not_yet or start > 0 and words[start - 1] in self.not_yet
                           or any(m.start == 0 for m in self.future.find(words[end:end + 4]))):
                lo, hi = max(0.0, lo - 1), max(0.0, hi - 1)  # "not 18 till next summer", "not 65 yet": younger
                denied = False
            elif not reached and (any(m.start == 0 for m in self.future.find(words[end:end + 4]))
                                  or end < len(words) and words[end] in self.future_leads
                                  and self._time_after(words, end + 1, frozenset())):
                lo, hi = max(0.0, lo - 1), max(0.0, hi - 1)  # "65 in march", "65 in two weeks": one less now
            elif not reached and any(m.start == 0 for m in self.either_year.find(words[end:end + 3])):
                lo = max(0.0, lo - 1)  # "65 this year": 64 or 65
            if any(w in self.past_be for w in words[max(0, start - 3):start]):
                past_ages.append(Found((lo, min(hi, 120.0)), denied, start, end))  # "since i was 14"
            else:
                numeric.append(Found((lo, min(hi, 120.0)), denied, start, end))  # "hes not 18": not that age
            used.update(range(start, end))
        if past_ages and not numeric and not found:
            return None  # only the age something began at ("i was 14 when i started"): asked
        # "67 years old": the number, not the word "old"; "im 42, not 24": the age said, not the one denied
        found = [f for f in numeric if not f.negated] or numeric or found
        if not found:
            return None
        return Found((min(f.span[0] for f in found), max(f.span[1] for f in found)), any(f.negated for f in found),
                     min(f.start for f in found), max(f.end for f in found))

    def _how_long(self, words: tuple[str, ...], start: int, end: int) -> bool:
        """A number that says how long, not how old: weeks, months or days ("3 months sober"), or
        years after a word that leads a length or before a word of having stopped ("for 20 years",
        "2 years clean"); "20 years old", "16 years of age" and "hes 16 years" stay ages."""
        unit = words[end] if end < len(words) else ""
        if unit not in self.unit_days:
            return False
        if unit not in self.age_unit_words:
            return True
        after = words[end + 1] if end + 1 < len(words) else ""
        return after in self.ended or start > 0 and words[start - 1] in self.duration_leads

    def _time_after(self, words: tuple[str, ...], at: int, then: frozenset[str]) -> bool:
        """A number of days, weeks, months or years from `at` ("two years", "3 months"), followed by
        one of `then` when it is given ("two years ago")."""
        amount = bool(self.numbers(words[at:at + 1])) or at < len(words) and words[at] in self.one
        unit = at + 1
        if not amount or unit >= len(words) or words[unit] not in self.unit_days:
            return False
        return not then or unit + 1 < len(words) and words[unit + 1] in then

    def _school_and_birth(self, tokens: Tokens) -> list[tuple[float, float, int, int]]:
        """Ages said as a year of birth ("born in 1951": 74 or 75 this year) or a school year
        ("in 8th grade": 13 or 14; "a junior in high school", a year's name beside a school)."""
        words = tokens.words
        out: list[tuple[float, float, int, int]] = []
        this_year = date.today().year
        for at, year, end in self._birth_years(words):
            if 1900 < year <= this_year:
                out.append((max(0.0, this_year - year - 1), this_year - year, at, end))
        at_school = bool(self.school_places.find(tokens))
        for i, w in enumerate(words):
            grade = None
            if i + 1 < len(words) and words[i + 1] in self.grade_words:  # "8th grade", "eighth grade"
                grade = self.ordinals.get(w) or _ordinal_digits(w)
            elif w in self.grade_words and i + 1 < len(words):  # "grade 8"
                grade = _ordinal_digits(words[i + 1]) or self.ordinals.get(words[i + 1])
            elif at_school and w in self.school_years:  # "a junior in high school"
                grade = self.school_years[w]
                out.append((float(grade + self.age_from), float(grade + self.age_from + 1), i, i + 1))
                continue
            if grade:
                out.append((float(grade + self.age_from), float(grade + self.age_from + 1), i, i + 2))
        return out

    def _birth_years(self, words: tuple[str, ...]) -> list[tuple[int, float, int]]:
        """(start, year, end) of each year of birth after a `born` word: the year alone ("born in
        1989"), written short ("born in 89", "born in 05": the century that makes an age over
        ten), or the last of a date's three numbers ("dob 03/14/1957", "born 3-14-57")."""
        nums = self.numbers(words)
        out: list[tuple[int, float, int]] = []
        for k, (start, _, _) in enumerate(nums):
            lead = next((b for b in self.born if words[max(0, start - len(b)):start] == b), None)
            if lead is None:
                continue
            run = [nums[k]]  # a date's numbers, next to each other or split by a dash ("to")
            while len(run) < 3 and k + len(run) < len(nums):
                gap = words[run[-1][1]:nums[k + len(run)][0]]
                if len(gap) > 1 or gap and gap[0] not in self.range_words:
                    break
                run.append(nums[k + len(run)])
            if len(run) == 2:
                continue  # "born 3 14": not a year
            last_end, year = run[-1][1], run[-1][2]
            if year != int(year) or len(words[run[-1][0]]) not in (2, 4):
                continue
            if year < 100:
                year += 2000 if 2000 + year <= date.today().year - 10 else 1900
            out.append((start - len(lead), year, last_end))
        return out

    def exact(self, kind: ValueKind, words: tuple[str, ...]) -> bool:
        """The whole answer is one known phrase of a single value ("every day", "yesterday")."""
        table = {"age": self.ages, "frequency": self.frequencies, "count": self.counts,
                 "time_ago": self.times_ago}[kind]
        spans = table.whole(words)
        if kind == "frequency" and (self.weekend.whole(words) or self.weekdays_all.whole(words)):
            return True
        return len(spans) == 1 and spans[0][0] == spans[0][1]

    def past_clauses(self, tokens: Tokens, leads: bool = True, ages: bool = False) -> set[int]:
        """The clauses about a past said to be over: one with a past marker ("in my 20s", "back
        in college") or a time long ago ("15 years ago", "in 2015"), and the clause before one
        that points back at it ("hopeless after my divorce, but that was years ago"); never a
        clause that also speaks of now ("still", "these days"). `leads`: whether a marker that
        leads what follows it ("used to") marks its whole clause too; `ages`: the question asks an
        age, so a decade of life ("in her twenties") is the answer, not a time gone by."""
        words = tokens.words
        # not a past something comes from ("flashbacks from when i was a kid")
        past = {tokens.clauses[m.start] for m in self.past.find(tokens)
                if (leads or " ".join(words[m.start:m.end]) not in self.past_leads)
                and not (m.start and words[m.start - 1] in self.since) and not self._window(words, m.end)
                and not (ages and (any(w in self.decades or w.rstrip("s").isdecimal() for w in words[m.start:m.end])
                                   or self.ages.whole(words[m.start:m.end])))}
        now_found = self.present.find(tokens)
        starts: dict[int, int] = {}
        for i, c in enumerate(tokens.clauses):
            starts.setdefault(c, i)
        marked_now = {tokens.clauses[m.start] for m in now_found}
        adding = {c for i, c in enumerate(tokens.clauses) if words[i] in self.also}
        if marked_now - adding:
            # a clause told in the past tense gives way to one that speaks of now ("had pneumonia
            # last winter, lungs are fine now"; "since he moved back 2 nights, in texas it was every
            # night"), unless now only adds to it ("and now xanax too")
            # ("were on his side" opening its clause is "we're", its apostrophe dropped: now)
            past |= {c for i, c in enumerate(tokens.clauses)
                     if words[i] in self.past_tense and c not in marked_now
                     and not (words[i] in self.apostrophe_dropped and starts[c] == i)}
        for m in now_found:
            # "every day for 2 years, now weekends": a clause that opens with now turns the one
            # before it into the past (not "now and then", "now that i work nights")
            clause = tokens.clauses[m.start]
            first = starts[clause]
            while first < m.start and words[first] in self.clause_openers:
                first += 1
            opens = m.start == first and " ".join(words[m.start:m.end]) in self.now_openers
            # "started drinking at 15 but im 34 now": now, in a clause that turns against the one before
            turns = any(i in tokens.contrast_at for i in range(starts[clause], m.start))
            if (opens or turns) and clause - 1 in starts and words[m.end:m.end + 1] not in (("and",), ("that",)):
                past.add(clause - 1)
        if not past and not any(w in self.ago or (w.isdecimal() and len(w) == 4) for w in words):
            return past
        for found in self.times(tokens):
            said_ago = words[found.end - 1] in self.ago or (
                found.end - found.start == 1 and words[found.start].isdecimal())
            # "every day since 2019", "since his divorce 3 years ago": it goes on from then
            since = any(words[i] in self.since for i in range(found.start)
                        if tokens.clauses[i] == tokens.clauses[found.start])
            # "born in 1951": at an age question, the age itself, not a time gone by
            born = ages and any(start <= found.start < end for start, _, end in self._birth_years(words))
            if found.span[0] >= 365 and said_ago and not found.negated and not since and not born:
                past.add(tokens.clauses[found.start])
        if not past:
            return past
        for clause, start in starts.items():
            while start < len(words) and words[start] in self.clause_openers:
                start += 1
            if clause in past and clause - 1 in starts and any(
                    words[start:start + len(r)] == r for r in self.refers_back):
                past.add(clause - 1)
        now = {tokens.clauses[m.start] for m in now_found}
        # "quit a while back": what ended then is how it is now
        now |= {tokens.clauses[i] for i, w in enumerate(words) if w in self.ended}
        return past - now

    def told_as_past(self, tokens: Tokens, clause: int) -> bool:
        """Whether a clause is told in the past tense or dated long ago ("she used every day during
        covid", "painkillers after her surgery years ago"), not only placed in a time of life that
        may be now ("im in college")."""
        words = [w for w, c in zip(tokens.words, tokens.clauses, strict=True) if c == clause]
        return any(w in self.past_tense or w in self.ago for w in words) or "used to" in " ".join(words)

    def _window(self, words: tuple[str, ...], at: int) -> bool:
        """Whether a time window follows ("in the past *month*", "the past *2 weeks*"): it says
        how far back the answer looks, not that it is over."""
        following = words[at:at + 2]
        return bool(following) and (following[0] in self.unit_days or following[0].isdecimal()
                                    or following[0] in self.number_words or following[0] in self.some)

    def extract(self, kind: ValueKind, tokens: Tokens) -> Found | None:
        """The value in the answer; a clause about the past ("used to be every day, but now
        twice a week") gives way to the rest when the rest has a value too."""
        read = {"age": self.age, "frequency": self.frequency, "count": self.count, "time_ago": self.time_ago}[kind]
        past = self.past_clauses(tokens) if kind != "time_ago" else set()
        if past and kind != "time_ago":
            keep = [i for i, c in enumerate(tokens.clauses) if c not in past]
            if keep:
                now = read(Tokens(tuple(tokens.words[i] for i in keep), tuple(tokens.clauses[i] for i in keep),
                                  frozenset(), tuple(tokens.pieces[i] for i in keep) if tokens.pieces else ()))
                if now is not None:
                    return Found(now.span, now.negated, keep[now.start], keep[now.end - 1] + 1)
        return read(tokens)


_DENIED_BOUNDS = {"more_than": "at_most", "less_than": "at_least"}


def _ordinal_digits(word: str) -> int | None:
    """ "8th", "10", "1st": the number, where a word is digits with or without an ordinal ending."""
    digits = word.rstrip("stndrh") if word[:1].isdecimal() else ""
    return int(digits) if digits.isdecimal() and word[len(digits):] in ("", "st", "nd", "rd", "th") else None


def _days_since_hours(hours: float) -> float:
    """How many days back on the calendar a number of hours ago falls: "12 hours ago" said at
    9 in the morning was yesterday, at 3 in the afternoon today (as a weekday is counted back)."""
    if hours == INF:
        return INF
    now = datetime.now()
    return float((now.date() - (now - timedelta(hours=min(hours, 24.0 * 36500))).date()).days)
