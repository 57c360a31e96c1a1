"""Turn typed text into a reading of it, a specific question back, or a re-ask.

The reader works on structure, not on a list of sentences:
- an option number, an option's words, or a value the question declares it reads
  (an age, how often, how many times, how long ago) that options cover by range;
- negation has scope: a mention negated in its clause never selects its option;
- yes, no and "not sure" come from the language cues (`cues.py`), hedges included;
- "but" and "except" start a clause that qualifies what came before;
- words that could mean options with different care get a question naming them.
Every reading says whether it was *inferred* from free text (the engine confirms those
on decision-critical questions) and carries the words the person typed.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from .conditions import AnswerValue
from .cues import Cues
from .language import Language
from .spec import UNKNOWN, Option, Question
from .terms import Match, Phrases, Tokens, normalize, tokenize, without_after
from .values import INF, Found, Span, Values

MAX_ANSWER_CHARS = 500

__all__ = ["MAX_ANSWER_CHARS", "CheckReply", "Parsed", "Parser", "normalize"]


@dataclass(frozen=True)
class Parsed:
    """A reading (value and how to say it back), or the question to ask instead."""

    value: AnswerValue | None = None
    display: str = ""  # the reading in words: "18 to 64", "6 days a week"
    reask: str | None = None
    inferred: bool = False  # read from free text, not an option number or an exact answer
    partial: tuple[str, ...] = ()  # several-choice parts understood while the rest is asked
    words: str = ""  # what the person typed, cleaned of control characters
    # a question back that lists some options only ("Which of these fits best? 3. ...; 1. ..."):
    # their values as listed, so "the first one" in the next answer means the first listed
    shown: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckReply:
    """A reply to "Is that right?": what it says of the reading, and what else it says."""

    said: str | None  # "yes", "no", "unsure", or None when it says nothing of the reading
    rest: str  # the words besides the yes or no (all of it when it says neither, or is unsure)
    adds: bool  # the words add to the reading ("and weed", "depressed too") rather than replace it
    bare: bool  # nothing besides them but cue words ("yes it is", "yeah i do"): no more is said


_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
_STRETCHED_WORD = re.compile(r"[^\W\d_]*([^\W\d_])\1{2,}[^\W\d_]*")
_DOUBLED = re.compile(r"\b([^\W\d_]{2,})(?:\s+\1\b)+", re.IGNORECASE)  # "quit quit": said twice for stress
UNREALIZED_REACH = 3  # words between "supposed to" and what was not done ("go to the" detox)


def _squeezed(word: str, runs: list[re.Match[str]], sizes: Sequence[int]) -> str:
    """`word` with each run of one letter cut to its size (runs past the sizes given: two)."""
    out, at = [], 0
    for i, run in enumerate(runs):
        out += [word[at:run.start()], run.group(1) * (sizes[i] if i < len(sizes) else 2)]
        at = run.end()
    return "".join(out) + word[at:]


# a number marked as one at the start of an answer ("#3 my brother..."): a piece of its own
_MARKED_NUMBER = re.compile(r"^\s*#\s*(\d+)\b")


def _clean(raw: str) -> str:
    return " ".join("".join(c for c in raw if c.isprintable()).split())


def _overlaps(span: Span, rng: tuple[float, float]) -> bool:
    return span[0] <= rng[1] and span[1] >= rng[0]


def _fmt(x: float) -> str:
    return str(int(x)) if math.isfinite(x) and x == int(x) else f"{x:g}"


_NO_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "`": ""})


class Parser:
    """One reader per dialog: option phrases and language cues are indexed once."""

    def __init__(self, questions: list[Question], lang: Language, strings: dict[str, str],
                 help_now: dict[str, str] | None = None, critical: frozenset[str] = frozenset()):
        self.critical = critical  # questions where a value between two options is asked about, not split
        self.strings = strings
        self.help_now = help_now or {}  # crisis kind -> its first help number, for "I am not safe"
        self.cues = Cues(lang)
        self.spellings = {k.casefold(): v for k, v in lang.spellings.items()}
        spelled = "|".join(re.escape(k) for k in sorted(self.spellings, key=len, reverse=True))
        self._spelled = re.compile(rf"\b({spelled})\b", re.IGNORECASE) if self.spellings else None
        self.unnegated = {normalize(k): v for k, v in lang.unnegated.items()}
        self.every_time_means = lang.every_time_means
        self.list_pointers = frozenset(normalize(w) for w in lang.list_pointers)
        self.asked_about = frozenset(normalize(w) for w in lang.asked_about)
        self.clock_leads = frozenset(normalize(w) for w in lang.clock_leads)
        every = "|".join(re.escape(normalize(p)) for p in sorted(lang.every_time, key=len, reverse=True))
        self._every_time = re.compile(rf"\b(?:{every})\b") if every and self.unnegated else None
        unneg = "|".join(re.escape(k) for k in sorted(self.unnegated, key=len, reverse=True))
        self._unnegated = re.compile(rf"\b(?:{unneg})\b") if unneg else None
        denials = "|".join(re.escape(normalize(p)) for p in sorted(lang.since_denials, key=len, reverse=True))
        self._since_denial = re.compile(rf"\b(?:{denials})\b", re.IGNORECASE) if denials else None
        self._since = normalize(lang.since[0]) if lang.since else ""
        self.cancelling = {normalize(k): v for k, v in lang.cancelling.items()}
        cancelling = "|".join(re.escape(k) for k in sorted(self.cancelling, key=len, reverse=True))
        self._cancelling = re.compile(rf"\b({cancelling})\b", re.IGNORECASE) if self.cancelling else None
        stopped = lang.stopped_since
        self._stopped_since = re.compile(
            rf"\b(?:{'|'.join(re.escape(normalize(w)) for w in stopped.leads)})\s+"
            rf"(?:{'|'.join(re.escape(normalize(w)) for w in stopped.verbs)})\b(?:\s+[a-z0-9]+){{0,4}}?"
            rf"\s+({'|'.join(re.escape(normalize(w)) for w in stopped.since)})\b", re.IGNORECASE) if stopped else None
        self._stopped_since_means = stopped.means if stopped else ""
        self._stopped_since_words = {normalize(k): v for k, v in stopped.since.items()} if stopped else {}
        self._stopped_since_unless = frozenset(normalize(w) for w in stopped.unless) if stopped else frozenset()
        near = "|".join(re.escape(normalize(p)) for p in sorted(lang.near_after_denial, key=len, reverse=True))
        denials = "|".join(re.escape(w) for w in sorted(self.cues.negator_words, key=len, reverse=True))
        contrast = "|".join(re.escape(normalize(w)) for w in lang.contrast)
        self._near_denied = re.compile(
            rf"\b(?:{denials})\s+((?:[a-z0-9]+\s+){{0,3}}?[a-z0-9]+)[\s,.]*(?:{contrast})\s+(?:{near})\b",
            re.IGNORECASE) if near and denials and contrast and lang.near_means else None
        self._near_means = lang.near_means
        prefixes = "|".join(re.escape(normalize(p)) for p in lang.negating_prefixes)
        self._prefixed = re.compile(rf"\b({prefixes})([a-z]{{3,}})\b", re.IGNORECASE) if prefixes else None
        self._option_words: dict[str, frozenset[str]] = {}
        # "i never see him drink", "so i never see it", "i never noticed": a negation of what the
        # writer sees, not of the drinking
        seen = "|".join(re.escape(normalize(w)) for w in lang.witnessing)
        negators = "|".join(re.escape(w) for w in sorted(self.cues.negator_words, key=len, reverse=True))
        objects = "|".join(re.escape(normalize(w)) for w in ["him", "her", "them", "it", *lang.possessives])
        self._unseen = re.compile(rf"\b(?:{negators})\s+(?=(?:{seen})(?:\s+(?:{objects})\b|\s*(?:[,.;!?]|$)))",
                                  re.IGNORECASE) if seen and negators else None
        # "way better": the comparative is what answers ("would be better"), not how much
        degree = "|".join(re.escape(normalize(p)) for p in sorted(lang.degree_words, key=len, reverse=True))
        comparative = "|".join(re.escape(normalize(p)) for p in lang.comparatives)
        self._degree = re.compile(rf"\b(?:{degree})\s+(?=(?:{comparative})\b)", re.IGNORECASE) \
            if degree and comparative else None
        stress = "|".join(re.escape(normalize(p)) for p in sorted(lang.trailing_emphasis, key=len, reverse=True))
        self._stressed = re.compile(rf"(?<=[^\W_])[\s,;.!-]+(?:{stress})[\s.!]*$", re.IGNORECASE) if stress else None
        self.varying_words = frozenset(normalize(p) for p in lang.varying if len(p.split()) == 1)  # "depends"
        varying = "|".join(re.escape(normalize(p)) for p in sorted(lang.varying, key=len, reverse=True))
        self._varying = re.compile(rf"\b({varying})\s+(?:{degree})\b", re.IGNORECASE) \
            if degree and varying else None
        # "8ish", "fortyish": about that number
        suffixes = "|".join(re.escape(normalize(p)) for p in lang.approximate_suffixes)
        self._approximate = re.compile(rf"\b([a-z0-9]+?)-?({suffixes})\b", re.IGNORECASE) if suffixes else None
        self.values = Values(lang, self.cues.negation)
        self.asks_with: dict[str, frozenset[str]] = {q.id: self.cues.family(q.text) for q in questions}
        self.asks_having = frozenset(q.id for q in questions if self.cues.owning(q.text))
        # what each question is about, in its own and its options' words: "no problems" answers
        # "do you have a health problem?", "no seizures" does not answer "how often do you use?";
        # not the words of its no ("against it": "not against it" says yes to the question)
        self.topics: dict[str, frozenset[str]] = {q.id: self.cues.stems(" ".join(
            [q.text, q.text_other or "", *(t for o in q.options if o.means != "no" for t in (o.label, *o.synonyms))]))
            for q in questions}
        self.yes_no = (
            Option(value="yes", label=strings.get("yes_label", "Yes"), means="yes"),
            Option(value="no", label=strings.get("no_label", "No"), means="no"),
        )
        possessives = [normalize(p) for p in lang.possessives]
        self.own, self.others_own = (possessives[0], possessives[1:]) if possessives else ("", [])
        self.verb_forms = {normalize(k): [normalize(f) if f else "" for f in v] for k, v in lang.verb_forms.items()}
        self.written_out = {normalize(k): normalize(v) for k, v in lang.written_out.items()}
        self.degree_leads = [normalize(w) for w in lang.degree_leads]
        # "3x a day", "detox x4": a count with a one-letter times mark on either side, read as "3 x"
        marks = "|".join(re.escape(k) for k in (normalize(t) for t in lang.times) if len(k) == 1 and k.isalpha())
        self._times_mark = re.compile(rf"\b(?:(\d+)({marks})|({marks})(\d+))\b", re.IGNORECASE) if marks else None
        # "mon-fri", "thurs - sun": a range of days, as "3-4" is a range of numbers
        day_names = (re.escape(normalize(w)) for names in lang.weekdays for w in names)
        days = "|".join(sorted(day_names, key=len, reverse=True))
        self._through = normalize(lang.through[0]) if lang.through else "to"
        self._day_range = re.compile(rf"\b({days})\s*[-\u2013]\s*({days})\b", re.IGNORECASE) if days else None
        # "by myself" said of someone else: "by himself", "by herself", in the possessives' order
        reflexives = [normalize(p) for p in lang.reflexives]
        self.own_self, self.others_self = (reflexives[0], reflexives[1:]) if reflexives else ("", [])
        self.terms = {q.id: self._build_terms(q) for q in questions}
        self.cores = {q.id: self._negated_cores(q) for q in questions}
        # what may stand between a negation and the rest of an option it negates (`_negated_cores`)
        self._loose = self.cues.negation.raising | self.cues.subjects | self.cues.fillers | self.cues.hedge_words
        # a unit of time or age written onto its number ("16yo", "16y/o", "48hrs", "2wks")
        units = [normalize(u) for u in lang.age_units] + list(self.values.unit_days)
        # (a unit's first letter alone where the rest is its own word: "y o" written "y/o")
        glued = sorted({u.split()[0] for u in units if " " not in u or len(u.split()[0]) == 1}, key=len, reverse=True)
        self._glued_unit = re.compile(rf"(?<![\w.])(\d+)(?=(?:{'|'.join(map(re.escape, glued))})(?:\b|/))",
                                      re.IGNORECASE)
        self.alone: dict[str, Phrases[str]] = {
            q.id: Phrases(self._said_of_others([(w, o.value) for o in q.options for w in o.alone])) for q in questions}
        self._lang, self._questions = lang, questions
        self._sizes: dict[str, tuple[dict[tuple[str, ...], float], frozenset[tuple[str, ...]]]] = {}

    @cached_property
    def _vocabulary(self) -> frozenset[str]:
        """Every word the reader knows (cue words, values, the questions and their options), so a
        held-down letter is read as the word it makes: "alll" is all, "nooo" is no. Built the
        first time an answer holds one."""
        words: set[str] = set()

        def add(item: object) -> None:
            if isinstance(item, str):
                words.update(normalize(item).split())
            elif isinstance(item, dict):
                for key, value in item.items():
                    add(key)
                    add(value)
            elif isinstance(item, (list, tuple)):
                for value in item:
                    add(value)

        add(self._lang.model_dump())
        add([q.model_dump() for q in self._questions])
        return frozenset(words)

    def _respelled(self, text: str) -> str:
        """Texting, misspellings and mixed-in words as the words meant ("nite", "si")."""
        if self._spelled is None:
            return text
        return self._spelled.sub(lambda m: self.spellings[m.group().casefold()], text)

    def unstretched(self, text: str) -> str:
        """ "yesss", "every dayyy", "weeeed": a letter held down three times or more is the word it
        makes with two of it, else with one ("alll" all, "sooo" so); in a word the reader does
        not know, a held last letter is one and any other two, as crisis detection reads them."""
        return _STRETCHED_WORD.sub(lambda m: self._unstretch(m.group()), text) if _STRETCHED.search(text) else text

    def _unstretch(self, word: str) -> str:
        runs = list(_STRETCHED.finditer(word))
        if not runs:
            return word
        for sizes in itertools.product((2, 1), repeat=min(len(runs), 3)):
            candidate = _squeezed(word, runs, sizes)
            if candidate.casefold() in self._vocabulary:
                return candidate
        return _squeezed(word, runs, [1 if r.end() == len(word) else 2 for r in runs])

    def _about(self, m: re.Match[str]) -> str:
        """ "8ish" is "8 ish", a number and a word beside it (so read, and shown back, as about 8);
        "selfish" stays itself (no number before the suffix)."""
        return f"{m.group(1)} {m.group(2)}" if self.values.numbers((m.group(1).casefold(),)) else m.group()

    def _unprefixed(self, question: Question, m: re.Match[str]) -> str:
        """ "unsafe" to "are you safe?" is "not safe": a negating prefix before a word of the
        question's options, where the whole word is not one the reader knows ("unsure" is)."""
        words = self._option_words.get(question.id)
        if words is None:
            words = self._option_words[question.id] = frozenset(
                w for o in self.options(question) for t in (o.label, *o.synonyms) for w in normalize(t).split())
        stem = m.group(2).casefold()
        if stem in words and m.group().casefold() not in self._vocabulary:
            return f"not {stem}"
        return m.group()

    def _topic(self, question: Question) -> frozenset[str]:
        return self.topics.get(question.id, frozenset())  # the engine's own questions have none

    def _family(self, question: Question) -> frozenset[str]:
        return self.asks_with.get(question.id, frozenset())

    def _polarity(self, question: Question, tokens: Tokens, skip: set[int]) -> str | None:
        """Yes, no, unsure or mixed, as said to this question (its verb, topic, and whether it
        asks about having something)."""
        return self.cues.polarity(tokens, skip, self._family(question), self._topic(question),
                                  owning=question.id in self.asks_having,
                                  crisis=any(o.crisis for o in self.options(question)))

    def options(self, question: Question) -> tuple[Option, ...]:
        return self.yes_no if question.kind == "yes_no" else tuple(question.options)

    def _build_terms(self, question: Question) -> Phrases[str]:
        pairs: list[tuple[str, str]] = []
        if question.kind == "number" and question.number is not None:
            return Phrases([(k, str(v)) for k, v in question.number.words.items()])
        for opt in self.options(question):
            label = normalize(opt.label).split()
            # "someone i care about" for the label "For someone I care about"
            short = [" ".join(label[1:])] if len(label) > 2 and label[0] in self.cues.label_prefixes else []
            others = (opt.label_other,) if opt.label_other else ()
            for phrase in (opt.label, *others, *short, opt.value.replace("_", " ")):
                pairs.append((phrase, opt.value))
        synonyms = self._verb_forms([(phrase, opt.value) for opt in self.options(question) for phrase in opt.synonyms])
        return Phrases(self._said_of_others(pairs) + self._said_of_others(synonyms, anywhere=True),
                       fillers=self.cues.fillers, gap_stops=self.cues.negator_words | self.cues.relations)

    def _negated_cores(self, question: Question) -> Phrases[str]:
        """An option said with a negation ("never tried", "not working") is also said where the
        negation stands apart from the rest: "i dont think she's ever tried", "he isnt really
        working". The rest of each such phrase, read where a negation reaches it."""
        pairs = []
        for opt in self.options(question):
            for phrase in opt.synonyms:
                first, _, rest = normalize(phrase).partition(" ")
                if rest and first in self.cues.negator_words and rest.split()[0] not in self.cues.negator_words:
                    pairs.append((rest, opt.value))
        return Phrases(self._verb_forms(pairs), typos=False, fillers=self.cues.fillers)

    def _verb_forms(self, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """"seeing things" is also "sees things" and "see things": a phrase of two words or more
        led by a verb form is read with that verb's other forms (the language's `verb_forms`);
        "very confused" is also "real confused" (its `degree_leads`); "hes my son" is also "he is
        my son" (its `written_out`)."""
        extra = []
        for phrase, value in pairs:
            first, _, rest = normalize(phrase).partition(" ")
            if not rest:
                continue
            if first in self.degree_leads:
                extra += [(f"{lead} {rest}", value) for lead in self.degree_leads]
            for ending, forms in self.verb_forms.items():
                if first.endswith(ending) and len(first) > len(ending) + 2:
                    stem = first[:-len(ending)]
                    extra += [(f"{stem}{form} {rest}", value) for form in forms]
        for phrase, value in pairs:  # "hes my son" is also "he is my son"
            words = normalize(phrase).split()
            if len(words) > 1 and any(w in self.written_out for w in words):
                extra.append((" ".join(self.written_out.get(w, w) for w in words), value))
        known = {normalize(p) for p, _ in pairs}
        return pairs + [(p, v) for p, v in dict.fromkeys(extra) if p not in known]

    def _said_of_others(self, pairs: list[tuple[str, str]], anywhere: bool = False) -> list[tuple[str, str]]:
        """"my dad" is also "his dad" and "her dad": the same words said of someone else. With
        `anywhere` (an option's own words, not its label: "For myself" stays the person's own),
        also "on my own" and "by myself": "on her own", "by himself"."""
        extra = []
        for phrase, value in pairs:
            words = normalize(phrase).split()
            if len(words) < 2 or not (words[0] == self.own or anywhere and (
                    self.own in words or self.own_self in words)):
                continue
            for other, other_self in zip(self.others_own, self.others_self or self.others_own, strict=False):
                said = [other if w == self.own and (anywhere or at == 0) else
                        other_self if anywhere and w == self.own_self else w for at, w in enumerate(words)]
                extra.append((" ".join(said), value))
        known = {normalize(p) for p, _ in pairs}
        return pairs + [(p, v) for p, v in dict.fromkeys(extra) if p not in known]

    def _alone(self, question: Question, words: tuple[str, ...]) -> list[str]:
        found = self.alone.get(question.id)
        return found.whole(words) if found is not None else []

    def _weak(self, question: Question, tokens: Tokens) -> list[str]:
        """Options named only by their weak words ("with my mom"), none of them negated."""
        table = self.alone.get(question.id)
        if table is None:
            return []
        cues = self.cues.negation.cues(tokens)
        return list(dict.fromkeys(m.target for m in table.find(tokens)
                                  if not self.cues.negation.negated(tokens, m, cues, set())))

    def _terms(self, question: Question) -> Phrases[str]:
        found = self.terms.get(question.id)
        if found is None:
            found = self.terms[question.id] = self._build_terms(question)
        return found

    def _s(self, key: str, **values: object) -> str:
        return self.strings[key].format(**values)

    @staticmethod
    def _listed(options: list[tuple[int, Option]]) -> str:
        return "; ".join(f"{n}. {o.label}" for n, o in options)

    # --- entry ------------------------------------------------------------------------

    def parse(self, question: Question, text: str, other: bool = False, shown: tuple[str, ...] = ()) -> Parsed:
        """Read an answer to `question`; `other` when answering for someone else; `shown`: the
        options a question back listed, in its order (what "the first one" then points at)."""
        if len(text) > MAX_ANSWER_CHARS:
            return Parsed(reask=self._s("reask_text_too_long", limit=MAX_ANSWER_CHARS))
        words = _clean(text)
        text = self.unstretched(text).translate(_NO_APOSTROPHES)  # "wouldn't" as the phrases spell it
        text = _DOUBLED.sub(r"\1", text)  # "i cant quit quit": a word said twice for stress is said once
        text = self._glued_unit.sub(r"\1 ", text)  # "16yo", "48hrs", "2wks": the number and its unit
        text = _MARKED_NUMBER.sub(r"\1,", text)  # "#3 my brother wont wake up": option 3, then the rest
        text = self.cues.adding_on.sub(" ", text)  # "beer, wait also weed": both
        corrected = [m.end() for m in self.cues.correction.finditer(text)]
        if corrected and text[corrected[-1]:].strip():
            text = text[corrected[-1]:]  # the person corrected themselves: read what they settled on
        text = self._respelled(text)  # "every nite": the word meant, before any reading
        if self._every_time is not None and question.kind != "text":
            text = self._denied_exception(text)
        if self._since_denial is not None and question.reads == "time_ago":  # "not since yesterday": yesterday
            text = self._since_denial.sub(self._since, text)
        if self._stopped_since is not None and question.reads == "frequency":  # "havent touched them since"
            # (not "havent had a day off since june": a day without, denied, is every day)
            text = self._stopped_since.sub(
                lambda m: f"{self._stopped_since_means} {self._stopped_since_words[normalize(m[1])]}"
                if self._stopped_since_unless.isdisjoint(normalize(m.group()).split()) else m.group(), text)
        if self._near_denied is not None and question.kind != "text":  # "not every day but close": "almost every day"
            text = self._near_denied.sub(lambda m: f"{self._near_means} {m[1]}", text)
        if self._cancelling is not None and question.kind != "text":  # "never not": "always"
            text = self._cancelling.sub(lambda m: self.cancelling[normalize(m.group())], text)
        if self._unseen is not None and question.kind != "text":
            text = self._unseen.sub("", text)
        if self._degree is not None and question.kind != "text":
            text = self._degree.sub("", text)
        if self._varying is not None and question.kind != "text":
            text = self._varying.sub(r"\1", text)
        if self._stressed is not None and question.kind != "text" and self._stressed.search(text):
            # "id lose my job for sure": the job, stressed; read without the stress where that is
            # an answer ("oh definitely" is not, and stays a yes)
            before = self._stressed.sub("", text)
            unstressed = self.parse(question, before, other, shown)
            if unstressed.value is not None and unstressed.reask is None:
                return replace(unstressed, words=words)
            if not set(normalize(before).split()) <= self.cues.stress_leads:
                return self._general_reask(question)  # "he'd relapse for sure": not a yes
        if self._day_range is not None and question.kind != "text":
            text = self._day_range.sub(lambda m: f"{m[1]} {self._through} {m[2]}", text)
        if self._times_mark is not None and question.kind != "text":
            text = self._times_mark.sub(lambda m: f"{m[1] or m[4]} {m[2] or m[3]}", text)
        if self._approximate is not None and question.kind != "text":
            text = self._approximate.sub(self._about, text)
        if self._prefixed is not None and question.kind != "text":
            text = self._prefixed.sub(lambda m: self._unprefixed(question, m), text)
        tokens = tokenize(text, self.cues.contrast)
        if not tokens.words:
            return Parsed(reask=self._s("reask_empty"))
        if question.kind == "text":
            return Parsed(value=words, display=words, words=words)
        placed = self._by_place(question, tokens.words, shown) if question.kind != "number" else None
        apart = self._pointed_apart(question, tokens, shown) if placed is None and question.kind != "number" else None
        if placed is not None:  # "the second one", "option 3": read as the numbers typed
            tokens = tokenize(" ".join(map(str, placed[0])), self.cues.contrast)
        if placed is not None and len(placed[0]) > 1 and question.kind != "multi":
            # "the first or the second" where one is asked for: which of them
            parsed = self._which(question, [self.options(question)[i - 1].value for i in placed[0]])
        elif apart is not None:
            # "option 2, had my tubes tied", "I reside alone. Option two.": the option pointed at,
            # with what the rest says
            parsed = self._with_the_rest(question, apart, other)
        elif (tokens.contrast_at or self.cues.disbelief.find(tokens)) and any(
                tokens.words[m.end:m.end + 1] != ("to",) for m in self.cues.reported.find(tokens)):
            # "he says he stopped, but I found foil in his room", "she say she stop, i dont believe
            # her": two accounts; the person says which ("told me to cut back" is what was asked of them)
            parsed = self._accounts_reask(question)
        elif question.kind == "multi":
            parsed = self._multi(question, tokens, other)
        else:
            parsed = self._present(question, tokens, other)
        if parsed.reask is not None and parsed.reask == self._general_reask(question).reask:
            # "he did it for a month last spring, so maybe": a story, then what it comes to;
            # "i think so but im not sure": a doubt after a contrast takes the yes back
            parsed = self._concluded(question, tokens, other) or self._doubted_after(question, tokens, other) \
                or self._guessed_after_doubt(question, tokens, other) or parsed
        elif parsed.reask is None and parsed.value is not None and question.kind in ("choice", "number"):
            # "he cant come during the day, so yeah evenings": what it comes to, said last, is the
            # answer where the whole was read otherwise (the "cant" was about the day)
            concluded = self._concluded(question, tokens, other)
            if concluded is not None and concluded.value != parsed.value:
                # said plainly, it is the answer; read from its drift ("so that's not an issue"), ask
                parsed = concluded if self._plainly_said(question, concluded) else self._general_reask(question)
        if parsed.reask is None and self._reads_none(question, parsed.value) and self.cues.unable.find(tokens):
            # "i cant quit", "never been able to stop": still using, whatever the "not" in it says
            parsed = self._unable_reask(question)
        elif parsed.reask is None and isinstance(parsed.value, str) \
                and self._read_from_unable(question, tokens, parsed.value):
            # "i cant quit" at "what would you like to change?": what cannot be done is no choice of it
            parsed = self._general_reask(question)
        elif parsed.reask is None and self._read_from_unrealized(question, tokens, parsed.value):
            # "i was supposed to go to detox but didnt": what did not happen is not a yes to it
            parsed = self._general_reask(question)
        elif parsed.reask is None and question.reads == "frequency" and self._reads_none(question, parsed.value) \
                and self.values.days_without(tokens):
            # "i dont drink mondays", "never on sundays": which days not, so not how often or how many
            parsed = self._general_reask(question)
        unsure = {o.value for o in self.options(question) if o.means == "unsure"}
        if parsed.value is not None and parsed.value not in unsure and self.cues.asks_back(tokens):
            # "high blood pressure, does that count?": not sure it fits. An answer and a question of
            # the person's own beside it ("im safe, is this private?", "what counts as a drink? 3
            # beers and 2 shots"): the answer, put to the person to confirm
            parsed = self._answered_after_asking(question, text, other) \
                or self._answered_before_asking(question, tokens, other) or self._general_reask(question)
        crisis_no = [o for o in self.options(question) if o.means == "no" and o.crisis]
        if parsed.reask is None and isinstance(parsed.value, str) and self._doubted(question, tokens, parsed.value,
                                                                                  bool(crisis_no)):
            parsed = self._doubted_yes(question, other, crisis_no) or replace(parsed, inferred=True)
        elif parsed.reask is not None and crisis_no and any(self._doubted(question, tokens, o.value, True)
                                                            for o in self.options(question) if o.means == "yes"):
            # "kinda safe i guess", not understood as a whole: to "are you safe?" still the help numbers
            parsed = self._doubted_yes(question, other, crisis_no) or parsed
        if parsed.reask is not None and crisis_no and self.cues.negation.cues(tokens):
            # any "no" to "are you safe?" brings the help numbers, whatever else it says; said with
            # "not sure" ("not sure what counts as safe, im not in danger i guess"), every option too
            doubted = self._doubted_yes(question, other, crisis_no) if self._a_doubt_not_a_no(
                question, tokens, other) else None
            parsed = doubted or self._polar_answer(question, "no", other, self.options(question), inferred=True)
        reask = self.for_other(question, parsed.reask) if other and parsed.reask else parsed.reask
        hedged = placed is not None and placed[1]  # "maybe the second one": put to the person first
        return Parsed(parsed.value, parsed.display, reask, parsed.inferred or hedged, parsed.partial, words,
                      parsed.shown)

    def _part(self, question: Question, text: str, other: bool) -> Parsed | None:
        """A part of an answer read on its own: its reading, as one of the person's words (put to
        them where it matters), when it is an answer; else None."""
        parsed = self.parse(question, text, other) if text.strip() else None
        if parsed is None or parsed.value is None or parsed.reask is not None:
            return None
        return replace(parsed, inferred=True)

    def _answered_after_asking(self, question: Question, text: str, other: bool) -> Parsed | None:
        """What follows the last question mark, read on its own, when it answers without asking."""
        _, mark, tail = text.rpartition("?")
        return self._part(question, tail, other) if mark else None

    def _concluded(self, question: Question, tokens: Tokens, other: bool) -> Parsed | None:
        """The last clause opened by a conclusion word ("..., so maybe"), read on its own, where the
        whole was not understood: the person told why, then said what it comes to."""
        words = tokens.words
        for i in range(len(words) - 1, 0, -1):
            if tokens.clauses[i] == tokens.clauses[i - 1]:
                continue
            lead = next((c for c in self.cues.conclusions if words[i:i + len(c)] == c), None)
            if lead is not None:
                return self._part(question, " ".join(words[i + len(lead):]), other)
        return None

    def _guessed_after_doubt(self, question: Question, tokens: Tokens, other: bool) -> Parsed | None:
        """A doubt in a clause of its own first, then a guess read on its own ("i dont know, probably
        not with his friends around"): where the question has a "not sure" option, which of the two;
        else the guess, put to the person."""
        if question.kind != "choice" or question.reads is not None:
            return None  # (how often, how long ago: read with the value, `_choice`)
        unsure_at = self.cues.unsure_cover(tokens)
        if not unsure_at or min(unsure_at) > 2 or not self.varying_words.isdisjoint(tokens.words):
            return None
        clause = tokens.clauses[max(unsure_at)]
        if any(c == clause and i not in unsure_at and w not in self.cues.fillers and w not in self.cues.subjects
               for i, (w, c) in enumerate(zip(tokens.words, tokens.clauses, strict=True))):
            return None  # the doubt is not a clause of its own ("a week maybe, not more than that")
        rest = [w for w, c in zip(tokens.words, tokens.clauses, strict=True) if c > clause]
        if not rest:
            return None
        guess = self._part(question, " ".join(rest), other)
        unsure = [o.value for o in self.options(question) if o.means == "unsure"]
        if guess is None or not isinstance(guess.value, str) or guess.value in unsure:
            return None
        order = [o.value for o in self.options(question)]
        return self._which(question, sorted([unsure[0], guess.value], key=order.index)) if unsure \
            else replace(guess, inferred=True)

    def _doubted_after(self, question: Question, tokens: Tokens, other: bool) -> Parsed | None:
        """After the last contrast, a doubt read on its own as the question's "not sure" option
        ("i'd like to think so but im not sure"): the person took back what came before."""
        unsure = {o.value for o in self.options(question) if o.means == "unsure"}
        if not tokens.contrast_at or not unsure:
            return None
        parsed = self._part(question, " ".join(tokens.words[max(tokens.contrast_at) + 1:]), other)
        return parsed if parsed is not None and parsed.value in unsure else None

    def _answered_before_asking(self, question: Question, tokens: Tokens, other: bool) -> Parsed | None:
        """What comes before a question of the person's own, read on its own ("im safe, is this
        private?"); not before a doubt about the answer itself ("does that count?")."""
        at = self.cues.question_at(tokens)
        if not at or self.cues.asking_back.find(tokens):
            return None
        return self._part(question, " ".join(tokens.words[:at]), other)

    def _doubted(self, question: Question, tokens: Tokens, value: str, crisis: bool) -> bool:
        """A yes said only in part ("kinda open", "half safe", "safe-ish"), or, to "are you safe?",
        with a doubt anywhere ("safe for now", "safe i guess")."""
        options = self.options(question)
        if not any(o.value == value and o.means == "yes" for o in options) or len(options) < 2:
            return False
        doubt = crisis and bool(self.cues.doubts.find(tokens))
        partly = self.cues.partly.find(tokens)
        if not doubt and not partly:
            return False  # most answers: nothing to look for
        said = [m for m in self._terms(question).find(tokens) if m.target == value]
        said += [m for m in self.cues.polar_found(tokens) if m.target == "yes"]
        if doubt and said:
            return True
        # the part-word is the yes's own: just before it, or just after ("safe-ish", "safe mostly")
        return any(p.end <= m.start <= p.end + 1 or m.end <= p.start <= m.end + 1 for p in partly for m in said)

    def _doubted_yes(self, question: Question, other: bool, crisis_no: list[Option]) -> Parsed | None:
        """A yes in part is a "not sure" where the question has one; to "are you safe?", the help
        numbers and every option, so the person says which fits; elsewhere (None) it stays a yes,
        read from free text, so a question a level depends on puts it to the person."""
        options = self.options(question)
        if any(o.means == "unsure" for o in options):
            return self._unsure(question, other, options)
        if crisis_no:
            listed = self._listed(list(enumerate(options, 1)))
            return Parsed(reask=self._s("reask_not_safe", resources=self._help_numbers(crisis_no), options=listed),
                          shown=tuple(o.value for o in options))
        return None

    def _a_doubt_not_a_no(self, question: Question, tokens: Tokens, other: bool) -> bool:
        """Not-sure words, and no negation of the yes option's own words outside them: "i dont
        know if im safe" doubts; "not sure, im not safe" says no."""
        unsure = self.cues.unsure_cover(tokens)
        if not unsure:
            return False
        yes = {o.value for o in self.options(question) if o.means == "yes"}
        words = tokens.words
        return not any(m.target in yes and any(words[i] in self.cues.negator_words and i not in unsure
                                               for i in range(max(0, m.start - 2), m.start))
                       for m in self._mentions(question, tokens, other)[1])

    def _help_numbers(self, options: Sequence[Option]) -> str:
        """The first help number of each crisis these options lead to, once each."""
        return " ".join(dict.fromkeys(self.help_now[o.crisis] for o in options if o.crisis in self.help_now))

    def _present(self, question: Question, tokens: Tokens, other: bool) -> Parsed:
        """A number, or a value read into options, from what is said of now and of the person
        when the answer also speaks of the past or of someone else."""
        read = self._number if question.kind == "number" else self._choice
        # (not where the past is the answer: a question of when, or one about what happened before)
        if len(tokens.words) > 2 and question.reads != "time_ago" and not question.history:
            keep, past = self._of_now_and_the_person(question, tokens, other)
            if keep:
                now = read(question, tokenize(_rejoined(tokens, keep), self.cues.contrast), other)
                if now.reask is None and now.value is not None:
                    return Parsed(now.value, now.display, None, True)
            # (a question with no value table takes a past said alone as its answer: "had a heart
            # attack 2 years ago" is a yes; but not over what is said of now: "lungs are fine now")
            if past and (question.kind == "number" or question.reads is not None or keep):
                whole = read(question, tokens, other)
                kept = set(keep or ())
                rest = [i for i in range(len(tokens.words)) if i not in kept]
                then = read(question, tokenize(_rejoined(tokens, rest), self.cues.contrast), other)
                if whole.value is not None and whole.value == then.value:
                    # only the past gives the value ("used to be every day"; "havent had a drink
                    # since march, it used to be daily"): the past is not the answer
                    return self._ask_now(question)
                return whole
        return read(question, tokens, other)

    def _ask_now(self, question: Question) -> Parsed:
        if question.kind == "number" and question.number is not None:
            ask = self._s("reask_number", min=question.number.min, max=question.number.max)
        else:  # not "I did not quite get that": it was understood, as the past
            ask = self._s("reask_which", options=self._listed(list(enumerate(self.options(question), 1))))
        return Parsed(reask=self._s("reask_now", ask=ask) if "reask_now" in self.strings else ask)

    def _of_now_and_the_person(self, question: Question, tokens: Tokens, other: bool) -> tuple[list[int] | None, bool]:
        """The words left when clauses about the past go ("used to be every day, now 2 or 3") and
        so do numbers said of someone else ("im 40 and my son is 17": with their clause, unless
        the person's own number shares it), None when nothing goes; and whether a past went."""
        past = self.values.past_clauses(tokens, ages=question.reads == "age")
        spans = [(s, e) for s, e, _ in self.values.number_spans(tokens.words)]
        theirs = [(s, e) for s, e in spans if self.cues.said_of_someone_else(tokens, s, other)]
        drop: set[int] = set()
        if len(theirs) < len(spans):
            mine = {tokens.clauses[s] for s, e in spans if (s, e) not in theirs}
            for s, e in theirs:
                clause = tokens.clauses[s]
                drop |= set(range(s, e)) if clause in mine else {i for i, c in enumerate(tokens.clauses) if c == clause}
        if not past and not drop:
            return None, False
        return [i for i, c in enumerate(tokens.clauses) if c not in past and i not in drop], bool(past)

    def for_other(self, question: Question, message: str) -> str:
        """A re-ask or a reading names the options as they were shown: in the other-person wording
        when someone answers for another ("2. They live alone", not "2. I live alone")."""
        for option in sorted(self.options(question), key=lambda o: -len(o.label)):
            if option.label_other:
                message = message.replace(option.label, option.label_other)
        return message

    # --- shared pieces -------------------------------------------------------------------

    def _mentions(self, question: Question, tokens: Tokens,
                  other: bool = False) -> tuple[list[Match[str]], list[Match[str]], set[int]]:
        """Option mentions in the text: (affirmed, negated, indices covered). Words said of someone
        else ("my dad has heart problems") cover their place but select nothing, except where the
        option is about others ("someone I live with drinks") or a crisis (anyone's overdose)."""
        unsure = self.cues.unsure_cover(tokens)
        # "no" in "no problem", "down" in "coming down": a word inside a set phrase is not itself
        compounds = self.cues.compounds.find(tokens)
        phrases = [p for p in self.cues.polar.find(tokens) if p.end - p.start > 1] + compounds \
            + self.cues.not_polar.find(tokens)  # "no" in "no doubt"
        matches = [m for m in self._terms(question).find(tokens)
                   if not any(p.start <= m.start and m.end <= p.end and p.end - p.start > m.end - m.start
                              for p in phrases)]  # "no" in "no problem"
        matches = [m for m in matches
                   if (not any(i in unsure for i in range(m.start, m.end)) or self.cues.holds_unsure(tokens, m))
                   and not (m.start and tokens.words[m.start - 1] in self.cues.time_prepositions)]  # "after school"
        # "a glass or two of wine" is not glass (meth): understood, as a measure, not an option
        measures = [m for m in matches if self.cues.a_measure(tokens, m)]
        matches = [m for m in matches if m not in measures]
        negative = {o.value for o in self.options(question) if o.means == "no"}
        # "no im suicidal": a no that answers the question, then a subject, negates nothing after it
        # (a giving-up verb with no object, "when i quit i had a seizure", neither: `Negation`)
        cues = [c for c in self.cues.negation.cues(tokens) if not (
            tokens.words[c.start] in self.cues.plain_no and c.end < len(tokens.words)
            and tokens.words[c.end] in self.cues.subjects)]
        # a negative option's words ("no", "none") before another mention are a negation cue
        as_cue = [m for k, m in enumerate(matches) if m.target in negative and k + 1 < len(matches)
                  and matches[k + 1].start - m.end <= 2 and matches[k + 1].target not in negative
                  and tokens.clauses[matches[k + 1].start] == tokens.clauses[m.end - 1]]
        matches = [m for m in matches if m not in as_cue]
        if other:
            # "my son works at target", typed for the son: the writer's own relation opening the
            # answer is the person it is about, not a child of theirs ("he has two kids" is)
            words = tokens.words
            matches = [m for m in matches if not (
                m.end - m.start == 1 and words[m.start] in self.cues.relations and m.start >= 1
                and words[m.start - 1] == self.own
                and (m.start == 1 or tokens.clauses[m.start - 2] != tokens.clauses[m.start]))]
        covered = {i for m in matches + measures + compounds for i in range(m.start, m.end)}
        for m in measures:  # "a glass or two": the count that goes with it too
            covered |= {i for s, e, _ in self.values.number_spans(tokens.words) if s in (m.end, m.end + 1)
                        for i in range(m.end, e)}
        affirmed: list[Match[str]] = []
        negated: list[Match[str]] = []
        denied_clauses = self.cues.denied_clauses(tokens)
        about_others = {o.value for o in self.options(question) if o.about == "others"}
        dated = {o.value: o.within_days for o in self.options(question) if o.within_days is not None}
        if dated:
            # "a 28 day program years ago" is not "left rehab in the past 30 days"; a time in a clause
            # of its own is when something else was ("left 10 days ago, clean 2 years before that")
            times = [f for f in self.values.times(tokens) if not f.negated]

            def when(m: Match[str]) -> list[float]:
                own = [f.span[0] for f in times if tokens.clauses[f.start] == tokens.clauses[m.start]]
                return own or [f.span[0] for f in times]
            matches = [m for m in matches if m.target not in dated or all(lo <= dated[m.target] for lo in when(m))]
        by_value = {o.value: o for o in self.options(question)}
        matches = [m for m in matches if by_value[m.target].about == "others" or by_value[m.target].crisis
                   or not (self.cues.said_of_someone_else(tokens, m.start, other)
                           or question.wish and self.cues.wished_of(tokens, m.start))]
        for m in matches:
            own = set(range(m.start, m.end))
            # "no, never" and "nothing really" do not negate a no; "not suicidal" denies a crisis
            # option (a "no" to "are you safe?" named by the danger it is in)
            # "no, never", "nothing really", "cant lose my job" do not deny a no; "not healthy",
            # "isnt fine" (a state denied right before it) do
            saying_no = m.target in negative and not by_value[m.target].crisis and not (
                self._denied_before(tokens.words, m.start) and not self._says_no(tokens.words[m.start:m.end]))
            denied = not saying_no and (self.cues.negation.negated(tokens, m, cues, covered - own) or (
                tokens.clauses[m.start] in denied_clauses and m.target not in about_others)
                or by_value[m.target].crisis is not None and self._echoed_then_no(tokens, m))
            (negated if denied else affirmed).append(m)
        cores = self.cores.get(question.id)
        for m in cores.find(tokens) if cores is not None else ():
            if not covered & set(range(m.start, m.end)) and self._negated_apart(tokens, m, cues, unsure, covered) \
                    and not self.cues.said_of_someone_else(tokens, m.start, other):
                affirmed.append(Match(m.start, m.end, m.target, False))  # "never tried", said apart
                covered |= set(range(m.start, m.end))
        listed = self._denied_with_the_list(tokens, affirmed, negated, negative)
        return [m for m in affirmed if m not in listed], negated + listed, covered

    def _negated_apart(self, tokens: Tokens, m: Match[str], cues: list[Match[str]], unsure: set[int],
                       covered: set[int]) -> bool:
        """The rest of a negated option ("tried" of "never tried") negated where it stands: "i dont
        think she's ever tried to stop". A verb's negation, with only a verb of opinion, its subject
        and small words between; not "no" before a thing ("no substances in home" is no "no home"),
        not another verb ("never told me what happens"), not a not knowing ("i dont know what happens")."""
        before = [c for c in cues if c.end <= m.start and tokens.clauses[c.start] == tokens.clauses[m.start]]
        if not before or tokens.words[before[-1].start] not in self.unnegated:
            return False
        cue = before[-1]
        return all(w in self._loose for w in tokens.words[cue.end:m.start]) \
            and not any(i in unsure for i in range(cue.start, m.start)) \
            and self.cues.negation.negated(tokens, m, cues, covered)

    def _denied_with_the_list(self, tokens: Tokens, affirmed: list[Match[str]], negated: list[Match[str]],
                              negative: set[str]) -> list[Match[str]]:
        """Mentions in a list joined by "or" that a negation opens ("no meth, coke or weed",
        "no drugs like meth or coke"): the negation denies the whole list, however long."""
        words = tokens.words
        ordered = sorted(affirmed + negated, key=lambda m: m.start)
        out: list[Match[str]] = []
        k = 0
        while k < len(ordered):
            if ordered[k] not in negated:
                k += 1
                continue
            chain, alternatives = [ordered[k]], False
            while k + 1 < len(ordered) and all(w in self.cues.alternatives
                                               for w in words[ordered[k].end:ordered[k + 1].start]):
                alternatives |= bool(words[ordered[k].end:ordered[k + 1].start])
                k += 1
                chain.append(ordered[k])
            last = chain[-1].end  # "no seizures, dts or anything": the list goes on with "or"
            if alternatives or len(chain) > 1 and last < len(words) and words[last] in self.cues.alternatives:
                out += [m for m in chain if m in affirmed and m.target not in negative]
            k += 1
        return out

    def _echoed_then_no(self, tokens: Tokens, m: Match[str]) -> bool:
        """The question's word put back in a clause of its own, then answered no ("suicide? no.
        never crossed my mind", as the crisis detector reads it too)."""
        return m.start == 0 and len(tokens.words) > m.end and tokens.clauses[m.end] != tokens.clauses[0] \
            and tokens.words[m.end] in self.cues.plain_no

    def _now_after(self, tokens: Tokens, clause: int) -> bool:
        """Whether a clause after `clause` speaks of now ("nowadays", "not anymore", "not since")."""
        later = {i for i, c in enumerate(tokens.clauses) if c > clause}
        return any(m.start in later for m in self.values.present.find(tokens)) or any(
            c.start in later for c in self.cues.negation.cues(tokens))

    def _pointed(self, tokens: Tokens, m: Match[str]) -> bool:
        """A mention that is the answer itself: one word alone before the first comma, or right after
        a word that points at what the answer is about ("for my son", "its about me")."""
        # one word, then a comma: "me, my daughter is typing" (not "drink less, but stop the coke")
        # (or several words, a clause of their own: "for myself. my daughter showed me this website")
        first = m.start == 0 and len(tokens.words) > m.end and tokens.clauses[m.end] != tokens.clauses[0] \
            and m.end not in tokens.contrast_at \
            and tokens.words[m.end] not in self.cues.plain_no  # "daily but i stopped", "cut down? no, all the way"
        before = tokens.words[max(0, m.start - 2):m.start]
        if m.end < len(tokens.words) and tokens.words[m.end] in self.cues.alternatives \
                or self.cues.alternatives & set(tokens.words[max(0, m.start - 4):m.start]):
            return False  # "its private or medicaid", "the state one? or maybe its my job": one of two
        return first or any(" ".join(before[k:]) in self.cues.pointers for k in range(len(before)))

    @staticmethod
    def _names(option: Option, words: tuple[str, ...]) -> bool:
        """The words are the option's own name or a plain synonym of its state ("safe"), not one
        example of it ("not methadone" is not "not open to medicine")."""
        text = " ".join(words)
        return text in (normalize(option.label), normalize(option.value.replace("_", " "))) or (
            len(words) == 1 and text in {normalize(s) for s in option.synonyms[:1]})

    def _by_value(self, question: Question, value: str) -> tuple[int, Option]:
        options = self.options(question)
        i = next(i for i, o in enumerate(options) if o.value == value)
        return i + 1, options[i]

    def _pick(self, question: Question, value: str, inferred: bool) -> Parsed:
        return Parsed(value=value, display=self._by_value(question, value)[1].label, inferred=inferred)

    def _which(self, question: Question, values: list[str], words: str = "") -> Parsed:
        listed = self._listed([self._by_value(question, v) for v in values])
        if words:
            return Parsed(reask=self._s("reask_pick_for", words=words, options=listed), shown=tuple(values))
        return Parsed(reask=self._s("reask_which", options=listed), shown=tuple(values))

    def _unsure(self, question: Question, other: bool, options: tuple[Option, ...], inferred: bool = True) -> Parsed:
        unsure = [o for o in options if o.means == "unsure"]
        if unsure:
            return self._pick(question, unsure[0].value, inferred)
        if other:
            return Parsed(value=UNKNOWN, display=self._s("unknown_reading"), inferred=True)
        return Parsed(reask=self._s("reask_unsure", options=self._listed(list(enumerate(options, 1)))))

    def ask_again(self, question: Question, other: bool = False) -> str:
        """The plain question back ("I did not quite get that. Please pick one..."), for a reading
        that could not be made at all."""
        reask = self._general_reask(question).reask or ""
        return self.for_other(question, reask) if other else reask

    def _general_reask(self, question: Question) -> Parsed:
        options = self.options(question)
        if question.kind == "yes_no":
            return Parsed(reask=self._s("reask_yes_no", n=len(options)))
        if question.kind == "number" and question.number is not None:  # no options to list
            return Parsed(reask=self._s("reask_number", min=question.number.min, max=question.number.max))
        key = "reask_multi" if question.kind == "multi" else "reask_choice"
        return Parsed(reask=self._s(key, n=len(options), options=self._listed(list(enumerate(options, 1)))))

    def _depends_reask(self, question: Question) -> Parsed:
        """A yes on a condition was understood as one: say so when asking which holds as things
        are, rather than "I did not quite get that"."""
        return self._said_reask(question, "reask_depends")

    def _accounts_reask(self, question: Question) -> Parsed:
        """Two accounts were read (what someone says, and a doubt of it): say so, and ask which."""
        return self._said_reask(question, "reask_accounts")

    def _said_reask(self, question: Question, key: str) -> Parsed:
        """A choice asked again with a string that says what was understood (where the dialog has it)."""
        if key not in self.strings or question.kind != "choice":
            return self._general_reask(question)
        return Parsed(reask=self._s(key, options=self._listed(list(enumerate(self.options(question), 1)))))

    def _denied_exception(self, text: str) -> str:
        """ "not a day goes by it doesnt get in the way": the exception denied, then the thing denied
        again in its sentence, is every time: read as "every day it does get in the way"."""
        assert self._every_time is not None and self._unnegated is not None
        low = text.casefold()  # (apostrophes are already gone)
        found = self._every_time.search(low)
        if found is None:
            return text
        rest = low[found.end():]
        negated = self._unnegated.search(rest)
        if negated is None or re.search(r"[.!?;]", rest[:negated.start()]):
            return text  # "not a day without a drink": nothing denied after it (read elsewhere)
        return (low[:found.start()] + self.every_time_means + rest[:negated.start()]
                + self.unnegated[negated.group()] + rest[negated.end():])

    def _turned(self, tokens: Tokens, denied: Match[str], affirmed: list[Match[str]]) -> bool:
        """A mention denied, then another of the same option said after a contrast that follows it."""
        return any(m.target == denied.target and m.start > denied.end and any(
            denied.end <= c <= m.start for c in tokens.contrast_at) for m in affirmed)

    def _plainly_said(self, question: Question, part: Parsed) -> bool:
        """A part of an answer that names an option or opens with a plain yes or no ("so yeah
        evenings", "so evenings"), not one read from its drift ("so that's not an issue")."""
        tokens = tokenize(part.words, self.cues.contrast)
        if question.kind == "number":
            return bool(self.values.number_spans(tokens.words))  # "..., so like 6"
        return bool(self._terms(question).find(tokens)) or any(
            m.start == 0 and m.target in ("yes", "no") for m in self.cues.polar.find(tokens))

    def _goes_on_after(self, question: Question, tokens: Tokens, contrast: int, values: list[str],
                       other: bool) -> bool:
        """What follows the contrast goes on with the one answer rather than qualifying it: a plain
        yes to an option that is a yes ("no god stuff, but a group would be good for him"), or the
        same answer said again ("no insurance, my parents have aetna but im not on it")."""
        if len(values) != 1:
            return False
        rest = " ".join(tokens.words[contrast + 1:])
        if self._by_value(question, values[0])[1].means not in ("no", "unsure"):
            after = tokenize(rest, self.cues.contrast)
            if not self._mentions(question, after)[2] and self._polarity(question, after, set()) == "yes":
                return True
        again = self._part(question, rest, other)
        return again is not None and again.value == values[0]

    def _denied_before(self, words: tuple[str, ...], at: int) -> bool:
        """A state denied right before ("not healthy"), or a verb denied right before ("cant come
        during the day"): that denies the words of a no too. A negation right before them does not
        ("cant lose my job", "no, never"), nor one of a wish ("doesnt want any groups")."""
        cues = self.cues
        return at > 0 and words[at - 1] in cues.state_denials or at > 1 and words[at - 2] in cues.negator_words \
            and words[at - 1] not in cues.negator_words and words[at - 1] not in cues.plain_no \
            and words[at - 1] not in cues.fillers and words[at - 1] not in cues.wishing and words[at - 1].isalpha()

    def _one_thing_denied(self, words: tuple[str, ...]) -> bool:
        """A none said by denying one thing ("no job"), not a none of everything ("none of those")."""
        cues = self.cues
        return len(words) > 1 and any(w in cues.negator_words or w in cues.plain_no for w in words) \
            and not any(w in cues.nothing_words for w in words) and not cues.polar.whole(words)

    def _says_no(self, words: tuple[str, ...]) -> bool:
        cues = self.cues
        return any(w in cues.negator_words or w in cues.plain_no or w in cues.nothing_words for w in words) \
            or bool(cues.polar.whole(words))

    def _denying(self, tokens: Tokens, negated: list[Match[str]]) -> set[int]:
        """Where the negations stand that deny these mentions (just before each, in its clause)."""
        words = tokens.words
        return {i for m in negated for i in range(max(0, m.start - 4), m.start)
                if tokens.clauses[i] == tokens.clauses[m.start] and words[i] in self.cues.negator_words}

    def _reads_none(self, question: Question, value: AnswerValue | None) -> bool:
        """The reading says none or stopped, at a question of how much or how often (or of what
        happens when one stops): an option that means no, or zero. ("cant stop" to "could you stay
        clean at home?" is the no it says.)"""
        if question.reads is None and question.kind == "choice":
            return False
        noes = {o.value for o in self.options(question) if o.means == "no"}
        if isinstance(value, tuple):
            return bool(noes & set(value))
        return value == 0 or value in noes

    def _read_from_unable(self, question: Question, tokens: Tokens, value: str) -> bool:
        """The option was read only from words that say it cannot be done ("i cant quit": stop)."""
        unable = self.cues.unable.find(tokens)
        # (not where the option's own words say it: "havent stopped" is a no to "did you have a break?")
        return bool(unable) and self._only_named_where(question, tokens, value, lambda m: any(
            u.start <= m.start and m.end <= u.end and m.end - m.start < u.end - u.start for u in unable))

    def _read_from_unrealized(self, question: Question, tokens: Tokens, value: AnswerValue | None) -> bool:
        """An option read was only meant, planned or waited for ("i almost went to detox", "on the
        waitlist for rehab"), at a question of what is or was (a wish's own words are its answer)."""
        if question.wish or question.kind not in ("choice", "multi") or question.reads is not None or value is None:
            return False
        unrealized = self.cues.unrealized.find(tokens)
        return bool(unrealized) and self._only_named_where(question, tokens, value, lambda m: any(
            u.end <= m.start <= u.end + UNREALIZED_REACH and tokens.clauses[u.start] == tokens.clauses[m.start]
            for u in unrealized))

    def _only_named_where(self, question: Question, tokens: Tokens, value: AnswerValue,
                          where: Callable[[Match[str]], bool]) -> bool:
        """Some value read (one of several) is named in the answer only where `where` holds."""
        found = self._terms(question).find(tokens)
        for v in set(value) if isinstance(value, tuple) else {value}:
            named = [m for m in found if m.target == v]
            if named and all(where(m) for m in named):
                return True
        return False

    def _unable_reask(self, question: Question) -> Parsed:
        """Not able to stop: the options that say none are left out of the question back."""
        options = self.options(question)
        noes = [o.value for o in options if o.means == "no"]
        if question.kind != "choice" or not noes:
            return self._general_reask(question)
        return self._not_these(question, noes)

    def _not_these(self, question: Question, excluded: list[str]) -> Parsed:
        """ "Got it: not X. Which of these fits, then?", with the other options listed."""
        rest = [(n, o) for n, o in enumerate(self.options(question), 1) if o.value not in excluded]
        return Parsed(reask=self._s("reask_not", excluded=", ".join(
            self._by_value(question, v)[1].label for v in excluded), options=self._listed(rest)),
            shown=tuple(o.value for _, o in rest))

    def _more_added(self, words: tuple[str, ...], end: int) -> bool:
        """An amount with no number added after the one read ("and couple shots", "plus some")."""
        return any(w in self.cues.joiners and w != "or" and any(
            x in self.values.some or x in self.values.some_amount for x in words[i + 1:i + 3])
            for i, w in enumerate(words[end:], end))

    def _range_options(self, question: Question, span: Span) -> list[str]:
        return [o.value for o in self.options(question) if o.range is not None and _overlaps(span, o.range)]

    def _by_place(self, question: Question, words: tuple[str, ...],
                  shown: tuple[str, ...] = ()) -> tuple[list[int], bool] | None:
        """The options an answer points at by place or number ("the second one", "option 3", "1st
        and 6th", "the last one"), when it says nothing else, and whether to put the reading to
        the person like any inferred one (hedged: "maybe the second one"; or counted down a
        question back's short list); None otherwise ("the first time i drank", "second hand
        smoke", a plain "2" already read as option 2)."""
        options, cues = self.options(question), self.cues
        if not any(w in cues.option_places or w in cues.option_words or w.isdecimal() for w in words):
            return None  # (most answers: nothing to count)
        # places count down the list on screen: the question's, or the few a question back listed
        listed = [n for v in shown for n, o in enumerate(options, 1) if o.value == v] \
            or list(range(1, len(options) + 1))
        count = len(listed)
        picks: list[int] = []
        placed = hedged = False
        i = 0
        while i < len(words):
            word = words[i]
            ahead = words[i + 1] if i + 1 < len(words) else ""
            many = int(ahead) if ahead.isdecimal() else int(self.values.number_words.get(ahead, 0) or 0)
            if word in cues.option_places and cues.option_places[word] in (1, -1) and 1 < many <= count:
                # "the first two", "the last 3": that many places from the top or the bottom
                picks += listed[:many] if cues.option_places[word] == 1 else listed[-many:]
                placed = True
                i += 2
                continue
            if word in self.values.through and picks and question.kind == "multi" and ahead.isdecimal() \
                    and words[i - 1].isdecimal() and picks[-1] < int(ahead) <= len(options):
                # "2 through 5", "3-5": the options from one to the other, where several may be picked
                picks += range(picks[-1] + 1, int(ahead) + 1)
                placed = True
                i += 2
                continue
            if word in cues.option_places:
                place = cues.option_places[word]
                if place == 0 and count % 2 == 0:
                    return None  # no middle one of an even number
                at = count if place == -1 else (count + 1) // 2 if place == 0 else place
                if not 1 <= at <= count:
                    return None
                picks.append(listed[at - 1])
                placed = True
            elif word.isdecimal():
                picks.append(int(word))
            elif word in self.values.number_words and any(w in cues.option_words for w in words[:i]):
                picks.append(int(self.values.number_words[word]))  # "options one and six"; "two" alone counts
            elif word in cues.option_words:
                placed = True
            elif size := next((len(p) for p in cues.pointing if words[i:i + len(p)] == p), 0):
                i += size  # "ill go with", "pick"
                continue
            elif hedge := next((len(h) for h in cues.hedges if words[i:i + len(h)] == h), 0):
                hedged = True  # "i guess", "maybe"
                i += hedge
                continue
            elif not (word in cues.joiners or word in cues.determiners):
                return None  # anything else ("all but the first", "not the last one"): read as words
            i += 1
        if not (placed or hedged) or not picks or not all(1 <= p <= len(options) for p in picks):
            return None  # (a number with a hedge, "4 i guess", counts like "maybe the fourth")
        # after a question back, its short list and the whole list may both be on screen: a place
        # counted down the short one is put to the person too
        counted = any(w in cues.option_places for w in words)
        return list(dict.fromkeys(picks)), hedged or (bool(shown) and counted)

    def besides_pointing(self, question: Question, text: str) -> str:
        """What an answer to `question` says besides the options it points at ("2, my son, hes 17":
        "my son, hes 17"; "option 1": nothing): a later question read from these words never
        takes the pointer's number for its own ("1, for me" is no age of 1)."""
        if question.kind == "number":
            return text
        tokens = tokenize(_MARKED_NUMBER.sub(r"\1,", self.unstretched(text).translate(_NO_APOSTROPHES)),
                          self.cues.contrast)
        if self._by_place(question, tokens.words) is not None:
            return ""
        apart = self._pointed_apart(question, tokens, ())
        return apart[2] if apart is not None else text

    def _pointed_apart(self, question: Question, tokens: Tokens,
                       shown: tuple[str, ...]) -> tuple[list[str], bool, str] | None:
        """An answer that points at options in one stretch of its own and says more in the rest
        ("option 2, had my tubes tied", "I reside alone. Option two.", "the top one plus theres
        beer in the fridge", "2. i dont want to be here anymore"): the values pointed at, whether
        hedged, and the rest; None otherwise. A stretch is a piece between punctuation, or the
        start of one up to a joiner or to the end of a pointer ("the last one for now"); bare
        numbers count only as the first piece, with no number after it."""
        words, pieces, cues = tokens.words, tokens.pieces, self.cues
        if not words or not any(w in cues.option_places or w in cues.option_words or w.isdecimal() for w in words):
            return None
        options = self.options(question)
        starts = [i for i in range(len(words)) if i == 0 or pieces[i] != pieces[i - 1]]
        spans = list(zip(starts, [*starts[1:], len(words)], strict=True))
        def named(j: int) -> bool:  # a pointer ends before j: "the last one| for now", "option 2| obviously"
            if words[j] in cues.auxiliaries:
                return False  # "the last one was bad": a pronoun, the subject of what follows
            word, before = words[j - 1], words[j - 2] if j > 1 else ""
            if word in cues.option_words:  # "option", "ones"; "one" after a place ("the last one")
                return word not in self.values.number_words or before in cues.option_places
            return (word.isdecimal() or word in self.values.number_words) and before in cues.option_words
        for start, end in spans:
            ends = [j for j in range(start + 1, end) if words[j] in cues.joiners or named(j)] + [end]
            for cut in ends:
                stretch = words[start:cut]
                if stretch == words:
                    return None
                if start == 0 and cut == end and any(w.isdecimal() for w in stretch) \
                        and all(w.isdecimal() or w in cues.joiners for w in stretch) \
                        and not any(w.isdecimal() or w in self.values.number_words for w in words[end:]):
                    # numbers alone in the first piece: "2. i dont want to be here", "1 or 2, depends"
                    # (not "2, maybe 3": an amount said twice)
                    picks = [int(w) for w in stretch if w.isdecimal()]
                    found: tuple[list[int], bool] | None = (picks, False) \
                        if all(1 <= at <= len(options) for at in picks) else None
                elif self._plainly_pointing(stretch):
                    found = self._by_place(question, stretch, shown)
                else:
                    found = None
                if found is None:
                    continue
                after = cut + 1 if cut < end and words[cut] in cues.joiners else cut  # (a joiner: neither's)
                rest = [" ".join(words[a:b]) for a, b in spans if b <= start or a >= end]
                if after < end:
                    rest.insert(sum(1 for a in starts if a < start), " ".join(words[after:end]))
                if not rest:
                    return None
                return [options[i - 1].value for i in found[0]], found[1], ", ".join(rest)
        return None

    def _plainly_pointing(self, stretch: tuple[str, ...]) -> bool:
        """A stretch that can only point at an option: "option 2", "the last one", "the first",
        "2nd one"; not a place word alone ("first, i want to say") nor a count ("one or two")."""
        cues = self.cues
        for i, w in enumerate(stretch):
            if w in cues.option_words and w not in self.values.number_words:
                return True  # "option", "number", "ones"
            if w in cues.option_places and (i and stretch[i - 1] in cues.determiners
                                            or stretch[i + 1:i + 2] and stretch[i + 1] in cues.option_words):
                return True
        return False

    def _with_the_rest(self, question: Question, apart: tuple[list[str], bool, str], other: bool) -> Parsed:
        """The options pointed at, read beside the rest of the answer: one reading where both say
        the same or the rest adds to a list; which of them where they differ; the option, put to
        the person, where the rest is no answer to the question."""
        values, hedged, rest_text = apart
        rest = self.parse(question, rest_text, other)
        said = [] if rest.value is None or rest.reask is not None else \
            list(rest.value) if isinstance(rest.value, tuple) else [str(rest.value)]
        listed = {o.value for o in self.options(question)}
        if not set(said) <= listed:  # "3, depends", "2, no idea": not known, beside an option
            said, hedged = [], True
        if question.kind == "multi":  # (an option that excludes the rest, beside them: asked)
            # words that name more than the numbers may mean other options than the numbers ("1 and
            # 4, my job and my dog", 4 not the dog): the whole list is put to the person
            return self._several(question, [*values, *said],
                                 hedged or not said or rest.inferred or not set(said) <= set(values))
        if len(values) > 1:
            return self._which(question, values)
        if said and said != values:
            return self._which(question, list(dict.fromkeys([*values, *said])))
        if rest.reask is not None and not said and rest.shown and values[0] not in rest.shown:
            return rest  # the rest asks among other options than the one pointed at
        return self._pick(question, values[0], hedged or not said)  # (both saying it is no guess)

    # --- one option -----------------------------------------------------------------------

    def _choice(self, question: Question, tokens: Tokens, other: bool) -> Parsed:
        options = self.options(question)
        words = tokens.words
        # an option number, typed alone
        if len(words) == 1 and words[0].isdecimal() and len(words[0]) < 6:
            index = int(words[0])
            if 1 <= index <= len(options):
                return self._pick(question, options[index - 1].value, False)
            if question.reads is None:
                return self._general_reask(question)
        terms = self._terms(question)
        exact = terms.whole(words) or self._alone(question, words)
        polar_exact = self.cues.polar.whole(words)
        if len(exact) == 1 and polar_exact and polar_exact[0] in ("yes", "no"):
            meant = [o.value for o in options if o.means == polar_exact[0]]
            if meant and exact[0] not in meant:
                return self._which(question, [exact[0], *meant], " ".join(words))  # "na": NA, or no?
        if len(exact) == 1:
            return self._pick(question, exact[0], False)
        if len(exact) > 1:
            return self._which(question, exact, " ".join(words))
        if polar_exact == ["yes"] and self.cues.topical_no(words, self._topic(question)):
            polar_exact = ["no"]  # "no problem" to "do you have a serious health problem?"
        if polar_exact:
            return self._polar_answer(question, polar_exact[0], other, options, inferred=False,
                                      hedged=self.cues.hedged(tokens))
        last_contrast = max(tokens.contrast_at, default=-1)
        if question.within_days is not None:
            # "in the past month, did you...?": "6 months ago" is a no; "back in january" may be either
            when = self.values.time_ago(tokens)
            no_options = [o.value for o in self.options(question) if o.means == "no"]
            if when is not None and not when.negated and no_options:
                if when.span[0] > question.within_days:
                    return self._pick(question, no_options[0], True)
                leading = self.cues.polar_found(tokens)
                said_yes = bool(leading) and leading[0].start == 0 and leading[0].target == "yes"
                if when.span[1] > question.within_days and not (said_yes and when.span[1] <= 2 * question.within_days):
                    return self._general_reask(question)  # ("yes, last month": a plain yes first says which)
        # a value the options cover by range
        if question.reads == "count" and self._a_number_naming_a_thing(words):
            return self._general_reask(question)  # "he had a 40": a bottle, not 40 times
        if question.reads is not None:
            found = self.values.extract(question.reads, tokens)
            if question.reads == "count":  # how many times: "twice a year for 5 years" is 10
                found = self.values.times_over(tokens) or found
            unsure = self.cues.unsure_cover(tokens)
            # "not sure, probably every day", "no idea, most days from what i see": a doubt said first,
            # in a clause of its own, then a guess: the guess, put to the person
            # (how often or how many only: a time in a reason, "not sure, he hasnt been home since
            # sunday", is not when; nor a guess with a "not" in it, or after "it depends")
            guessed = found is not None and bool(unsure) and question.reads in ("frequency", "count") \
                and max(unsure) < found.start and tokens.clauses[max(unsure)] < tokens.clauses[found.start] \
                and not any(w in self.cues.negator_words and tokens.clauses[i] == tokens.clauses[found.start]
                            for i, w in enumerate(words)) \
                and self.varying_words.isdisjoint(words)
            if found is not None and unsure and not any(i in unsure for i in range(found.start, found.end)) \
                    and not self.cues.hedge_only(tokens, unsure) and not guessed:
                return self._general_reask(question)  # "last night, dont know about today"
            # a "maybe" before a value inside what was read ("now and then, maybe twice a month") is
            # an estimate, not "I don't know"
            inside = {i for i in unsure if found is not None and found.start <= i < found.end}
            stopped_for = self._stopped_for(question, tokens, found, other) if found is not None else None
            if stopped_for is not None:
                return self._pick(question, stopped_for, True)  # "clean 6 days": how long, not how often
            # "a few weeks back, but not anymore" still says when; "every day, but not anymore" no
            # longer says how often it is now
            denial_only = question.reads != "frequency" and self.cues.only_denial(tokens, last_contrast)
            if found is not None and not found.negated and (found.end > last_contrast or denial_only
                                                            or self._how_much_after(tokens, last_contrast)) \
                    and (not inside or self.cues.hedge_only(tokens, inside)):
                fits = self._range_options(question, found.span)
                lo, hi = found.span
                if len(fits) > 1 and question.id not in self.critical and hi <= 3 * max(lo, 1):
                    # where it matters less, a narrow span goes to the option holding its middle;
                    # a vague one ("a while ago") is asked about
                    middle = (lo + hi) / 2
                    fits = [v for v in fits if _overlaps((middle, middle), self._by_value(question, v)[1].range
                                                         or (0, 0))] or fits
                # "used daily for years, clean since march": stopped, said after how often, unless denied
                stopped = {o.value for o in options if o.means == "no"} - set(fits)
                cues = self.cues.negation.cues(tokens)
                if fits and any(m.target in stopped and m.start >= found.end
                                and not self.cues.negation.negated(tokens, m, cues, set())
                                for m in self._mentions(question, tokens, other)[0]):
                    return self._general_reask(question)
                if len(fits) == 1:
                    return self._pick(question, fits[0], guessed or not self.values.exact(question.reads, words))
                if len(fits) > 1:
                    return self._which(question, fits)
            if question.reads == "frequency" and found is not None and found.negated and found.span[1] > 0 \
                    and found.end > last_contrast \
                    and not inside and (denied := self._range_options(question, found.span)):
                # "not every day", "she doesnt drink daily": not that one (was read as a plain no:
                # stopped); which, then?
                return self._not_these(question, denied)
        affirmed, negated, covered = self._mentions(question, tokens, other)
        affirmed = self._not_what_is_asked_about(question, tokens, affirmed)

        def by_means(value: str) -> str | None:
            return self._by_value(question, value)[1].means
        values = list(dict.fromkeys(m.target for m in affirmed))
        # "not methadone, but suboxone yes": one thing of an option denied, then another of it said
        # after a contrast, is that option; "she hates the god stuff in AA" is for it or against it?
        denials = negated
        negated = [n for n in negated if not self._turned(tokens, n, affirmed)]
        pointed_first = list(dict.fromkeys(m.target for m in affirmed if self._pointed(tokens, m)))
        denied_targets = {m.target for m in negated}
        if len(pointed_first) == 1 and pointed_first[0] not in denied_targets and set(values) & denied_targets:
            # "its for me. my mom made me come here but its my problem not hers": the answer said
            # first, on its own; the others, named and denied, are the story
            values = pointed_first
        if set(values) & denied_targets:
            return self._general_reask(question)
        if len(values) > 1:
            # an option whose words contain another's ("yes, but not right now") is the one meant
            values = [v for v in values if not any(m.target == v and any(
                o.start >= m.start and o.end <= m.end and o is not m for o in affirmed) for m in affirmed)] or values
        if len(values) == 2:
            # "no, just cirrhosis", "none besides high blood pressure": a no, then what is left after
            # "just" or "besides", which is the answer (the thing the question asks about)
            noes = [m for m in affirmed if by_means(m.target) == "no"]
            left = [m for m in affirmed if by_means(m.target) == "yes"
                    and any(self._left_after(tokens, n.end, m.start) for n in noes if n.end <= m.start)]
            if noes and left:
                values = [left[0].target]
        if len(values) > 1 and len(pointed_first) == 1:
            # "myself, my sister is typing", "its about me, my wife made me do it": the one said
            # first on its own, or pointed at ("for", "about"), is the answer; the others are the story
            values = pointed_first
        # "he's not healthy, hep C and a bad liver": the "not" denies an option named, so it is not
        # the answer's own no beside the option said
        polarity = self._polarity(question, tokens, covered | self._denying(tokens, denials) if values else covered)
        if not values and polarity == "no" and self._the_thing_then_nothing(question, tokens):
            return self._general_reask(question)  # "fleeting thoughts, nothing i would act on": had them
        if not values and polarity in ("yes", "no") and last_contrast > 0:
            # "she says she's not, but she's been sick in the mornings": the later clause decides
            later = tokenize(" ".join(words[last_contrast:]), self.cues.contrast)
            said_later = self._polarity(question, later, set())
            if said_later != polarity and (said_later is not None or len(words) - last_contrast >= 3):
                return self._general_reask(question)
        if values and last_contrast > max(m.end - 1 for m in affirmed) and \
                sum(1 for i in range(last_contrast + 1, len(words)) if i not in covered) >= 2 and \
                not self._goes_on_after(question, tokens, last_contrast, values, other):
            return self._general_reask(question)  # "I stopped, but ...": what follows qualifies it
        if len(values) == 1:
            opt = self._by_value(question, values[0])[1]
            if opt.means == "yes" and self.cues.conditional(tokens):
                return self._depends_reask(question)  # "yes if my husband stops drinking"
            softened = any(w in self.cues.softeners for m in affirmed for w in words[max(0, m.start - 2):m.start])
            if opt.means == "yes" and softened and any(o.means == "unsure" for o in options):
                return self._unsure(question, other, options)  # "maybe the suboxone"
            if polarity in ("yes", "no", "mixed") and opt.means in ("yes", "no") and opt.means != polarity:
                return self._polar_answer(question, "mixed", other, options, inferred=True)
            unsure_beside = [i for i in self.cues.unsure_cover(tokens)
                             if not any(m.start <= i < m.end for m in affirmed)]
            if unsure_beside and not self.cues.hedge_only(tokens, set(unsure_beside)) and opt.means != "unsure":
                return self._general_reask(question)  # "he was locked up for a bit, not sure when"
            if tokens.contrast_at and max(tokens.contrast_at) > max(m.start for m in affirmed) \
                    and polarity == "mixed":
                return self._general_reask(question)
            if tokens.contrast_at and question.reads is None and opt.means in ("yes", "no") and any(
                    0 < f.target[1] < 7 and all(tokens.clauses[f.start] != tokens.clauses[m.start] for m in affirmed)
                    for f in self.values.frequencies.find(tokens)):
                return self._general_reask(question)  # "some days, but mostly i manage": partly, so which?
            if opt.means is None and self._kept_on(tokens, affirmed):
                return self._general_reask(question)  # "quit the pills, keep the weed": partly, so which?
            if opt.means in (None, "yes") and self._then_unsaid(tokens, affirmed):
                # "part of me wants to quit and part of me doesnt": both said, so not sure yet
                has_unsure = any(o.means == "unsure" for o in options)
                return self._unsure(question, other, options) if has_unsure else self._general_reask(question)
            return self._pick(question, values[0], True)
        if len(values) > 1:
            return self._which(question, values)
        excluded = list(dict.fromkeys(m.target for m in negated))
        # "not safe", "i dont feel safe": the one yes option, negated by name, is a no (wherever
        # the "no" answers are crisis answers, that brings the help numbers)
        yes_options = [o for o in options if o.means == "yes"]
        if len(yes_options) == 1 and polarity in (None, "no") and any(
                m.target == yes_options[0].value and self._names(yes_options[0], words[m.start:m.end])
                for m in negated):
            return self._polar_answer(question, "no", other, options, inferred=True)
        if excluded and polarity in (None, "no"):
            # "I don't want to stop", "not AA": not that one; which, then?
            rest = [(n, o) for n, o in enumerate(options, 1) if o.value not in excluded]
            if len(rest) == 1 and len(options) == 2 and {o.means for o in options} == {"yes", "no"}:
                return self._pick(question, rest[0][1].value, True)  # "not hard", of yes or no: no
            return self._not_these(question, excluded)
        if polarity == "unsure" and self._an_estimate(tokens):
            return self._general_reask(question)  # "3 times, maybe 4" to "when?": not "I don't know"
        if polarity == "mixed" and self.cues.conditional(tokens):
            return self._depends_reask(question)  # "probably, if i keep an eye on him"
        if polarity is not None:
            return self._polar_answer(question, polarity, other, options, inferred=True,
                                      hedged=self.cues.hedged(tokens))
        if len(yes_options) == 1 and self._only_the_questions_condition(tokens):
            return self._pick(question, yes_options[0].value, True)  # "if i had to": yes, if needed, as asked
        return self._general_reask(question)

    def _not_what_is_asked_about(self, question: Question, tokens: Tokens,
                                 affirmed: list[Match[str]]) -> list[Match[str]]:
        """A thing named after a wish to know more ("tell me more about vivitrol") is what the
        person asks about, not their answer: "Maybe, I want to know more", not yes."""
        unsure = {o.value for o in self.options(question) if o.means == "unsure"}
        asking = [m for m in affirmed if m.target in unsure]
        return [m for m in affirmed if not any(
            a.end < m.start and all(w in self.asked_about for w in tokens.words[a.end:m.start]) for a in asking)]

    def _extent_of_another(self, tokens: Tokens, m: Match[str], affirmed: list[Match[str]]) -> bool:
        """"full time", "part time" next to another thing said, in its clause, say how much of that
        ("school full time", "part time student", "my granddaughter with me full time"); alone
        they name a job."""
        words, clauses = tokens.words, tokens.clauses
        if words[m.start:m.end] not in self.cues.extents:
            return False
        near = [m.end] if m.end < len(words) and clauses[m.end] == clauses[m.start] else []
        for i in range(m.start - 1, max(-1, m.start - 4), -1):  # back to a joiner ("student and part time")
            if clauses[i] != clauses[m.start] or words[i] in self.cues.joiners:
                break
            near.append(i)
        return any(o.target != m.target and any(o.start <= i < o.end for i in near) for o in affirmed) \
            or any(words[i] in self.cues.relations for i in near)

    def _kept_on(self, tokens: Tokens, affirmed: list[Match[str]]) -> bool:
        """A later clause opened by going on with something ("..., keep the weed")."""
        words, clauses = tokens.words, tokens.clauses
        said = max(m.end for m in affirmed)
        return any(w in self.cues.going_on and i > said and clauses[i] != clauses[i - 1] for i, w in enumerate(words))

    def _then_unsaid(self, tokens: Tokens, affirmed: list[Match[str]]) -> bool:
        """A negated auxiliary on its own, ending a later clause, takes back what was said ("i want
        to quit and i dont", "part of me wants to, part of me doesnt")."""
        words, clauses = tokens.words, tokens.clauses
        said = max(m.end for m in affirmed)
        # said by a pronoun, not another person ("my wife doesnt"); a will, not a means ("i cant")
        who = self.cues.self_subjects | self.cues.third_persons
        return any(w in self.cues.taking_back and i >= said + 2 and words[i - 1] in who
                   and (i + 1 == len(words) or clauses[i + 1] != clauses[i])
                   for i, w in enumerate(words))

    def _only_the_questions_condition(self, tokens: Tokens) -> bool:
        """The whole answer is a condition that only says the question's own again ("if i had
        to", "only if i needed to"): a yes, as asked."""
        said = {i for m in self.cues.empty_conditions.find(tokens) for i in range(m.start, m.end)}
        said |= {i for m in self.cues.limiters.find(tokens) for i in range(m.start, m.end)}  # "only"
        return bool(said) and all(i in said or w in self.cues.fillers for i, w in enumerate(tokens.words))

    def _how_much_after(self, tokens: Tokens, at: int) -> bool:
        """What follows a contrast tells how much, not how often or whether ("every day, but i take
        3", "daily but more than prescribed"): it does not undo the how-often said before it."""
        rest = tokenize(" ".join(tokens.words[at + 1:]), self.cues.contrast)
        words = rest.words
        if not words or any(w in self.cues.negator_words or w in self.values.ended for w in words):
            return False
        if self.values.frequencies.find(rest) or self.values.times(rest):
            return False
        return any(w.isdecimal() or w in self.cues.amount_words for w in words) or bool(self.values.number_spans(words))

    def _stopped_for(self, question: Question, tokens: Tokens, found: Found, other: bool) -> str | None:
        """The option that says use has stopped, when it is said right beside the value read
        ("clean 6 days", "6 days sober", "off it for 3 weeks"): the value is how long, not how often."""
        stopped = {o.value for o in self.options(question) if o.means == "no"}
        words, clause = tokens.words, tokens.clauses[found.start]
        if any(self.values.per_at(words, i) for i in range(found.start, found.end)):
            return None  # "6 days a week" is how often
        if found.span[0] <= 0:
            return None  # no time said ("i stopped"): nothing to be how long
        for m in self._mentions(question, tokens, other)[0]:
            overlaps = m.start < found.end and found.start < m.end
            if m.target not in stopped or tokens.clauses[m.start] != clause or overlaps:
                continue
            between = words[m.end:found.start] if m.end <= found.start else words[found.end:m.start]
            if all(w in self.cues.duration_leads for w in between) and len(between) <= 2:
                return m.target
        return None

    def _negates_another_verb(self, question: Question, tokens: Tokens, m: Match[str]) -> bool:
        """A "no" option named by one negating word ("never") before a verb that says the thing
        was begun: "rehab once, never finished it", "never stayed sober long", "never stopped
        using" say what came of it, not that there was none."""
        words = tokens.words
        if m.end - m.start != 1 or words[m.start] not in self.cues.negator_words \
                or self._by_value(question, m.target)[1].means != "no":
            return False
        nxt = m.end
        return nxt < len(words) and tokens.clauses[nxt] == tokens.clauses[m.start] and words[nxt] in self.cues.begun

    def _an_estimate(self, tokens: Tokens) -> bool:
        """The only not-sure words soften a number ("3 times, maybe 4", "maybe takes one day off"):
        an estimate of something, which is not "I don't know"."""
        unsure_at = self.cues.unsure_cover(tokens)
        return bool(unsure_at) and self.cues.hedge_only(tokens, unsure_at) \
            and bool(self.values.number_spans(tokens.words))

    def _polar_answer(self, question: Question, polarity: str, other: bool, options: tuple[Option, ...],
                      inferred: bool, hedged: bool = False) -> Parsed:
        if polarity == "no" and hedged and question.reads == "frequency":
            # "not really": hardly ever, or not at all? The person says which
            rare = [o.value for o in options if o.range is not None and 0 < o.range[1] < 1]
            stopped = [o.value for o in options if o.means == "no"]
            if rare and stopped:
                return self._which(question, rare + stopped)
        if polarity == "unsure":
            return self._unsure(question, other, options, inferred)
        if polarity == "mixed":
            return self._general_reask(question)
        meant = [o for o in options if o.means == polarity]
        if len(meant) == 1:
            return self._pick(question, meant[0].value, inferred)
        if len(meant) > 1:
            listed = self._listed([self._by_value(question, o.value) for o in meant])
            if polarity == "no" and any(o.crisis for o in meant):
                return Parsed(reask=self._s("reask_not_safe", resources=self._help_numbers(meant), options=listed),
                              shown=tuple(o.value for o in meant))
            return Parsed(reask=self._s("reask_which", options=listed), shown=tuple(o.value for o in meant))
        return self._general_reask(question)

    # --- several options -------------------------------------------------------------------

    def _multi(self, question: Question, tokens: Tokens, other: bool) -> Parsed:
        options = self.options(question)
        words = tokens.words
        if all(w.isdecimal() and len(w) < 4 for w in words):
            indices = [int(w) for w in words]
            if not all(1 <= i <= len(options) for i in indices):
                return self._general_reask(question)
            return self._several(question, [options[i - 1].value for i in indices], inferred=False)
        terms = self._terms(question)
        exact = terms.whole(words) or self._alone(question, words)
        if len(exact) == 1:
            return self._several(question, exact, inferred=False)
        if len(exact) > 1:
            return self._which(question, exact, " ".join(words))
        if self.cues.polar.whole(words) == ["no"] and any(o.means == "no" for o in options):
            return self._several(question, [next(o.value for o in options if o.means == "no")], inferred=False)
        every = self._every_option(question, tokens, other)
        if every is not None:
            return every
        affirmed, negated, covered = self._mentions(question, tokens, other)
        affirmed = [m for m in affirmed if not self._negates_another_verb(question, tokens, m)]
        affirmed = [m for m in affirmed if not self._extent_of_another(tokens, m, affirmed)]
        # "i used to smoke weed but i quit that, now its fentanyl": a clause about the past gives
        # way to the rest when the rest names something too
        # ("wine mostly and i used to smoke weed": what comes after "used to" in its clause)
        # ("depressed back in college, these days just worried": the whole clause of a time long
        # past, and the one before "but that was years ago")
        # Not where the past is the answer ("counseling a few years back really helped").
        markers = [] if question.history else self.values.past.find(tokens)
        past_clauses = set() if question.history else self.values.past_clauses(tokens, leads=False)

        def of_the_past(m: Match[str]) -> bool:
            return tokens.clauses[m.start] in past_clauses or any(
                p.start < m.start and tokens.clauses[p.start] == tokens.clauses[m.start] for p in markers)

        if (markers or past_clauses) and any(not of_the_past(m) for m in affirmed):
            affirmed = [m for m in affirmed if not of_the_past(m)]
        elif (markers or past_clauses) and affirmed and all(of_the_past(m) for m in affirmed) and (
                tokens.contrast_at or self._now_after(tokens, max(tokens.clauses[m.start] for m in affirmed))):
            # "used to work but got laid off": only the past is named, and then taken back
            affirmed = []
        elif (markers or past_clauses) and affirmed and all(of_the_past(m) for m in affirmed) and not negated \
                and not any(o.means == "no" for o in options if o.value in {m.target for m in affirmed}) \
                and all(self.values.told_as_past(tokens, tokens.clauses[m.start]) for m in affirmed):
            # "my wife took painkillers after her surgery years ago": only the past is told
            return self._ask_now(question)
        doubted = list(dict.fromkeys(m.target for m in affirmed if self.cues.in_doubt(tokens, m.start)))
        if doubted:
            # "i dont know if its meth or coke": asked which; "not sure if its anxiety or just
            # stress": asked, all the options listed (a "which" of one is no question); what was
            # said without a doubt stays understood ("weed, and i cant tell if its xanax or percs")
            # (not a word of several options, "pills": that is asked with the rest)
            spans = [(m.start, m.end) for m in affirmed]
            sure = tuple(dict.fromkeys(m.target for m in affirmed
                                       if m.target not in doubted and spans.count((m.start, m.end)) == 1))
            ask = self._which(question, doubted) if len(doubted) > 1 else self._general_reask(question)
            return replace(ask, partial=sure)
        # "nothing except the sweats": only the sweats
        negative_values = {o.value for o in options if o.means == "no"}
        # "none of those, just stressed": none of the options on screen, then one of them
        none_of_those = [m.target for m in affirmed if m.target in negative_values
                         and self.list_pointers & set(words[m.start:m.end])]
        affirmed = [m for m in affirmed if not (m.target in negative_values and any(
            words[m.end:m.end + len(e)] == e for e in self.cues.negation.exceptions))]
        # option numbers typed among words ("1, 3 and weed"), not counts ("2 kids") nor amounts
        # given as a range ("beer, 2 or 3 a night", "2 or 3 beers")
        ranged = {k for j in range(len(words) - 2) if words[j].isdecimal() and words[j + 2].isdecimal()
                  and words[j + 1] in self.cues.amount_joins for k in (j, j + 1, j + 2)}
        covered.update(ranged)  # understood: an amount, not a list item to ask about
        chosen: list[str] = []
        for i, w in enumerate(words):
            if i in ranged:
                continue
            follows = words[i + 1] if i + 1 < len(words) else ""
            if follows and not follows.isdecimal() and follows not in ("and", "or", "plus"):
                continue
            if i and words[i - 1] in self.values.through or follows in self.values.through \
                    or i and words[i - 1] in self.clock_leads:
                continue  # "6 to 2", "9 till 5", "pick up my kids at 4": hours, not option numbers
            if i and words[i - 1] in self.cues.partitives:
                continue  # "single parent of 2": how many, not option 2
            if w.isdecimal() and i not in covered and 1 <= int(w) <= len(options):
                chosen.append(options[int(w) - 1].value)
                covered.add(i)
        ambiguous: list[tuple[str, list[str]]] = []
        by_span: dict[tuple[int, int], list[str]] = {}
        for m in affirmed:
            by_span.setdefault((m.start, m.end), []).append(m.target)
        # a phrase listed under several options ("pills") needs a question, the rest is kept
        weak = {m.end: m.start for m in self.cues.weakeners.find(tokens)}
        weakened: list[tuple[str, list[str]]] = []
        for (start, end), targets in by_span.items():
            targets = list(dict.fromkeys(targets))
            first = weak.get(start, weak.get(start - 1))
            after = [m for m in self.cues.weakeners.find(tokens) if end <= m.start <= end + 2
                     and tokens.clauses[m.start] == tokens.clauses[start]]
            if first is None and after:
                first = start  # "stressed out i guess"
            if negative_values and targets[0] not in negative_values and first is not None:
                # "kinda down": this option, or none of them? The person says which
                weakened.append((" ".join(words[first:end]), targets + sorted(negative_values)))
            elif len(targets) > 1:
                ambiguous.append((" ".join(words[start:end]), targets))
            else:
                chosen.append(targets[0])
        chosen = list(dict.fromkeys(chosen))
        # "pills, she says xanax": a word that could mean several is settled by what else was said
        settled = len(ambiguous)
        ambiguous = [(term, targets) for term, targets in ambiguous if not set(targets) & set(chosen)]
        settled -= len(ambiguous)
        negative = [o.value for o in options if o.means == "no"]
        last = max(tokens.contrast_at, default=-1)
        # below, a "none" said in words beside what is so gives way to it; a "none" picked by its
        # number beside others ("1 and 6") is asked about (reask_exclusive)
        none_said = any(m.target in negative for m in affirmed)
        if none_said and any(v in negative for v in chosen) and any(v not in negative for v in chosen) \
                and last > 0 and all(m.start < last for m in affirmed if m.target in negative) and all(
                m.start > last for m in affirmed if m.target not in negative):
            chosen = [v for v in chosen if v not in negative]  # "not working right now, but i care for my mom"
        if none_said and any(v in negative for v in chosen) and any(v not in negative for v in chosen):
            said_none = max((m.end for m in affirmed if m.target in negative), default=0)
            said_some = min((m.start for m in affirmed if m.target not in negative), default=0)
            if said_none <= said_some and self._left_after(tokens, said_none, said_some):
                chosen = [v for v in chosen if v not in negative]  # "none of that, just her cat"
        if none_said and any(v in negative for v in chosen) and any(v not in negative for v in chosen) and all(
                self._one_thing_denied(words[m.start:m.end]) for m in affirmed if m.target in negative):
            # "in community college, no job": the none said is one thing denied, beside what is so
            chosen = [v for v in chosen if v not in negative]
        if not chosen and not ambiguous:
            chosen = self._weak(question, tokens)  # "i live with my wife": only that was said
        last = max(tokens.contrast_at, default=-1)
        limited = [m for m in self.cues.limiters.find(tokens) if last >= 0 and m.start > last]
        if chosen and limited and all(m.end <= last for m in affirmed):
            return self._general_reask(question)  # "i hear voices, but only when im high"
        first_polar = next(iter(self.cues.polar.find(tokens)), None)
        if chosen and not negated and first_polar is not None and first_polar.start == 0 \
                and first_polar.target == "no" \
                and not any(m.start <= first_polar.start < m.end for m in affirmed) \
                and not any(o.means == "no" for o in options if o.value in chosen) \
                and tokens.clauses[first_polar.start] != tokens.clauses[min(m.start for m in affirmed)] \
                and not (words[first_polar.start] in self.cues.nothing_words
                         and self._left_after(tokens, first_polar.end, min(m.start for m in affirmed))) if affirmed \
                else False:
            return self._general_reask(question)  # "not really, just stressed about money"
        if weakened and not ambiguous and not chosen:
            term, targets = weakened[0]
            return self._which(question, targets)
        ambiguous += weakened
        if ambiguous:
            term, targets = ambiguous[0]
            partial = tuple(o.value for o in options if o.value in chosen)
            listed = self._listed([self._by_value(question, v) for v in targets])
            return Parsed(reask=self._s("reask_pick_for", words=term, options=listed), partial=partial,
                          shown=tuple(targets))
        if not chosen:
            polarity = self._polarity(question, tokens, covered)
            if polarity == "unsure" and not self._an_estimate(tokens):
                return self._unsure(question, other, options)
            said_no = any(m.target == "no" for m in self.cues.polar.find(tokens))
            if polarity == "no" and said_no and not negated and negative:
                return self._several(question, [negative[0]], inferred=True)
            if negated:
                excluded = list(dict.fromkeys(m.target for m in negated))
                if negative and all(self._by_value(question, v)[1].means != "no" for v in excluded) \
                        and len(excluded) == len([o for o in options if o.means is None]):
                    return self._several(question, [negative[0]], inferred=True)
                return self._not_these(question, excluded)
            return self._general_reask(question)
        # words of how often or when ("every week", "now and then") are not list items to ask about
        for table in (self.values.frequencies, self.values.times_ago, self.values.counts, self.cues.intensifiers,
                      self.alone.get(question.id) or self.values.counts):  # known words, not list items
            covered.update(i for m in table.find(tokens) for i in range(m.start, m.end))
        # nor are the times of day or week something is done ("works construction, days", "nights")
        covered.update(i for i, w in enumerate(words) if w in self.values.unit_days or w in self.values.weekdays)
        covered.update(i for m in [*self.values.weekend.find(tokens), *self.values.weekdays_all.find(tokens)]
                       for i in range(m.start, m.end))
        if set(chosen) <= set(negative) and any(
                w in self.cues.relations and not self.cues.opens_clause(tokens, i)
                for i, w in enumerate(words) if i not in covered):
            return self._general_reask(question)  # "retired, just my husband who had a stroke": none, or him?
        if self._someone_joined_on(question, tokens, affirmed):
            return self._general_reask(question)  # "just me and my son": alone, or with him?
        last = max(tokens.contrast_at, default=-1)
        if negative and chosen and not set(chosen) & set(negative) and 0 < last < len(words) - 1 \
                and all(m.end <= last for m in affirmed) and words[last + 1] in self.cues.nothing_words \
                and not any(m.start == last + 1 for m in self.cues.nothing_else.find(tokens)) \
                and not any(m.start > last and m.target not in chosen for m in negated):
            # "some stress from work but nothing like that": played down after, so which? (not "...
            # but nothing like seeing things": another option denied)
            return self._which(question, [*chosen, negative[0]])
        if none_of_those and chosen and not set(chosen) & set(negative):
            return self._which(question, [*none_of_those[:1], *chosen])  # which, then?
        unknown = self._unread_parts(tokens, covered)
        if unknown:
            labels = ", ".join(o.label for o in options if o.value in chosen)
            return Parsed(reask=self._s("reask_multi_unknown", understood=labels, unknown=", ".join(unknown)),
                          partial=tuple(o.value for o in options if o.value in chosen))
        inferred = bool(settled) or not all(m.exact for m in affirmed) or bool(negated) or len(words) > sum(
            m.end - m.start for m in affirmed) + len(words) // 2
        return self._several(question, chosen, inferred=inferred)

    def _the_thing_then_nothing(self, question: Question, tokens: Tokens) -> bool:
        """At a question whose options include a crisis (where a no closes it), the question's own
        thing said first, with no negation before it, then a "nothing" that plays it down
        ("passing thoughts, nothing serious"): it was there, so not a plain no."""
        if not any(o.crisis for o in self.options(question)):
            return False
        words = tokens.words
        nothing = next((i for i, w in enumerate(words) if w in self.cues.nothing_words), None)
        if nothing is None or nothing == 0:
            return False
        topic = self._topic(question)
        return any(not self.cues.stems(w).isdisjoint(topic) and tokens.clauses[i] != tokens.clauses[nothing]
                   and not any(words[j] in self.cues.negator_words for j in range(max(0, i - 2), i))
                   for i, w in enumerate(words[:nothing]))

    def _left_after(self, tokens: Tokens, none_end: int, some_start: int) -> bool:
        """ "nothing ..., just her cat": "just", "only" or "but" between "nothing" and what is named
        says what is left, so the named thing is the answer."""
        return any(none_end <= m.start < some_start for m in self.cues.only_words.find(tokens))

    def _every_option(self, question: Question, tokens: Tokens, other: bool) -> Parsed | None:
        """ "all of them", "everything but the voices": every option that says something is so (not
        "none", not "not sure"), less those named after the exception; shown back before it counts."""
        words = tokens.words
        found = [m for m in self.cues.every_option.find(tokens) if m.start == 0]
        if not found:
            return None
        end = max(m.end for m in found)
        rest = words[end:]
        every = [o.value for o in self.options(question) if not o.exclusive and o.means not in ("no", "unsure")]
        if not rest:
            return self._several(question, every, inferred=True)
        exception = next((e for e in sorted(self.cues.negation.exceptions, key=len, reverse=True)
                          if rest[:len(e)] == e), None)
        if exception is None or len(rest) == len(exception):
            return None
        if rest[len(exception)] in self.cues.highlights:
            return self._several(question, every, inferred=True)  # "all of them but mostly anxiety"
        named = rest[len(exception):]
        placed = self._by_place(question, named)
        if placed is not None:  # "all of them except the last one": the options at those places
            left_out_values = tuple(self.options(question)[i - 1].value for i in placed[0])
        else:
            left_out = self._multi(question, tokenize(" ".join(named), self.cues.contrast), other)
            if left_out.reask is not None or not isinstance(left_out.value, tuple):
                return self._general_reask(question)
            left_out_values = left_out.value
        kept = [v for v in every if v not in left_out_values]
        return self._several(question, kept, inferred=True) if kept else self._general_reask(question)

    def _someone_joined_on(self, question: Question, tokens: Tokens, affirmed: list[Match[str]]) -> bool:
        """A person joined on to an option that says no one else is there, in its clause: "just me
        and my son", "alone with my daughter" (not "alone since my wife passed", "my mom lives
        alone", "i live alone, my son visits")."""
        words = tokens.words
        ends = [m.end for m in affirmed if self._by_value(question, m.target)[1].no_others]
        return any(w in self.cues.relations and end < i and tokens.clauses[i] == tokens.clauses[end - 1]
                   and all(x in self.cues.joins or x in self.cues.openers or x in self.cues.joined_on
                           for x in words[end:i])
                   for i, w in enumerate(words) for end in ends)

    def _unread_parts(self, tokens: Tokens, covered: set[int]) -> list[str]:
        """List items ("beer, kratom") with no word understood: worth asking about by name."""
        parts: list[list[int]] = [[]]
        for i, w in enumerate(tokens.words):
            joins = w in self.cues.joiners and i not in covered  # not the "and" of "now and then"
            if joins or (i and tokens.clauses[i] != tokens.clauses[i - 1]):
                parts.append([])
            if not joins:
                parts[-1].append(i)
        out = []
        for k, part in enumerate(parts):
            if not part or any(i in covered for i in part):
                continue
            text = [tokens.words[i] for i in part]
            named = tokens.words[parts[k - 1][-1]] if k and parts[k - 1] else ""
            if len(text) == 1 and (named in self.cues.animals or named in self.cues.relations):
                continue  # "my dog, Max", "my son, Luis": a name
            if all(w in self.cues.fillers or (w,) in self.cues.contrast for w in text):
                continue  # "..., not on school nights though": a word that only turns the sentence
            # people ("two kids", "with me": the one typing for someone else) and pets ("the cat") are
            # who the answer is about, not an option left unnamed
            if len(text) <= 2 and not any(w in self.cues.negator_words or w in self.cues.subjects for w in text) \
                    and text[-1] not in self.cues.relations and text[-1] not in self.cues.animals \
                    and text[-1] not in self.cues.self_subjects \
                    and not any(tuple(text) == h for h in self.cues.hedges) and tuple(text) not in self.cues.asides \
                    and not all(w.isdecimal() or w in self.values.number_words for w in text):  # "a night or two"
                out.append(" ".join(text))
        return out

    def _several(self, question: Question, values: list[str], inferred: bool) -> Parsed:
        options = self.options(question)
        chosen = set(values)
        exclusive = [o for o in options if o.exclusive and o.value in chosen]
        if exclusive and len(chosen) > 1:
            return Parsed(reask=self._s("reask_exclusive", option=exclusive[0].label))
        ordered = tuple(o.value for o in options if o.value in chosen)
        return Parsed(value=ordered, display=", ".join(o.label for o in options if o.value in chosen),
                      inferred=inferred)

    # --- numbers -------------------------------------------------------------------------------

    def _number(self, question: Question, tokens: Tokens, other: bool) -> Parsed:
        spec = question.number
        assert spec is not None  # guaranteed by the dialog checks
        words = tokens.words
        if len(words) == 1 and words[0].isdecimal() and len(words[0]) < 6:
            return self._number_value(question, (float(words[0]),) * 2, inferred=False)
        share = self.values.share_of_that.find(tokens)
        if share and share[-1].start > 0:
            # "a 12 pack on a bad night, but usually about half that": that share of the amount before
            before = self._number(question, tokenize(" ".join(words[:share[-1].start]), self.cues.contrast), other)
            amount_end = max((e for _, e, _ in self.values.number_spans(words[:share[-1].start])), default=0)
            # "6, my husband twice that": someone else's share
            someone = any(w in self.cues.relations for w in words[amount_end:share[-1].start])
            if isinstance(before.value, int) and not someone:
                amount = before.value * share[-1].target
                return self._number_value(question, (amount, amount), inferred=True)
            return self._general_reask(question)
        lasting = self.values.lasting(tokens) if question.reads == "count" else None
        if lasting is not None and lasting[0] > 0:
            # "a handle lasts me 3 days": the amount said first, spread over the days it lasts
            before = self._number(question, tokenize(" ".join(words[:lasting[0]]), self.cues.contrast), other)
            if isinstance(before.value, int) and before.value > 0:
                amount = before.value / lasting[1]
                return self._number_value(question, (amount, amount), inferred=True)
            return self._general_reask(question)
        converted = self._converted(question, tokens)
        if converted is not None:  # "its a fifth, so like 15 shots": the person's own count
            return self._number_value(question, converted, inferred=True)
        contained = self._containers(question, tokens) if question.reads == "count" else None
        if contained is not None and math.isnan(contained.span[0]):  # "2 bottles of vodka": not 2
            return self._general_reask(question)
        if contained is not None:  # "two bottles of wine": 10, shown back before it counts
            return self._number_value(question, contained.span, inferred=True)
        if question.reads == "count" and self._a_number_naming_a_thing(words):
            return self._general_reask(question)  # "a 40": not 40 drinks
        spans = self.values.number_spans(words)
        if len(spans) > 1:
            # "4 beers after my 12 hour shift", "shes 72 and has 3 glasses": the other numbers measure something else
            others = [(s, e) for s, e, _ in spans if self.values.not_amount(words, s, e)]
            if others:
                kept = " ".join(w for i, w in enumerate(words) if not any(s <= i < e for s, e in others))
                rest = self._number(question, tokenize(kept, self.cues.contrast), other)
                if rest.reask is None:
                    return Parsed(rest.value, rest.display, None, True)
        if len(spans) > 1:
            # "20 on a bad night but usually around 8": the usual one; "sometimes 2 sometimes 12": ask
            usual = [m.end for m in self.cues.usual.find(tokens)]
            # (the number right after the marker, not the next one too: "usually 8, sometimes 12")
            marked = list({next(sp for sp in spans if sp[0] >= e) for e in usual
                           if any(0 <= sp[0] - e <= 2 for sp in spans)})
            if len(marked) == 1:
                return self._number_value(question, marked[0][2], inferred=True)
            if len(spans) == 2 and not usual:
                # "3 times, maybe 4", "two glasses, three on a rough day": one amount and the most it
                # comes to, a range shown back before it counts
                (_, first_end, first), (second_start, second_end, second) = spans
                between = words[first_end:second_start]
                joined = 0 < len(between) <= 2 and between[-1] in self.cues.amount_joins
                peaks = self.cues.peaks.find(tokens)
                # "three on a rough day", or a clause of its own: "two glasses, occasionally three"
                peak = len(between) <= 1 and any(m.start == second_end for m in peaks) or any(
                    m.end == second_start and tokens.clauses[m.start] != tokens.clauses[first_end - 1] for m in peaks)
                # "like 10 12 beers": two numbers in a row, the second a little higher, as typed in a hurry
                in_a_row = not between and tokens.clauses[second_start] == tokens.clauses[first_end - 1] \
                    and second[0] > first[1] and second[1] <= 2 * max(first[1], 1)
                if (joined or peak or in_a_row) and second[1] > first[1]:
                    return self._number_value(question, (first[0], second[1]), inferred=True)
            added = any(w in self.cues.joiners and w != "or" for w in words[spans[0][1]:spans[-1][0]])
            if len({sp[2] for sp in spans}) == 1 and not self.values.counts.find(tokens) and not added:
                # "a 12 pack, so about 12"; but "2 beers and 2 shots" is two amounts, asked for the total
                return self._number_value(question, spans[0][2], inferred=True)
            return Parsed(reask=self._s("reask_number_many", min=spec.min, max=spec.max))
        found: Found | None = None
        terms = self._terms(question).find(tokens)
        inside = {i for m in terms for i in range(m.start, m.end)}
        outside = [span for s, e, span in spans if not any(i in inside for i in range(s, e))]
        if terms and (len(terms) > 1 or outside or any(m.start not in inside for m in self.values.counts.find(tokens))):
            said = {(float(m.target), float(m.target)) for m in terms} | set(outside)
            if len(terms) == 1 and len(said) == 1 and not self.values.counts.find(tokens):
                # "a bottle of wine, so maybe 5 glasses": one amount said twice, both the same
                return self._number_value(question, said.pop(), inferred=True)
            after = [(s, span) for s, e, span in spans
                     if s >= terms[0].end and not any(i in inside for i in range(s, e))]
            if len(terms) == 1 and len(outside) == 1 and len(after) == 1 \
                    and not any(m.start not in inside for m in self.values.counts.find(tokens)):
                # "a couple beers, maybe three": an amount and the most it comes to, as with numbers
                (at, (lo, hi)), least = after[0], float(terms[0].target)
                joining = [w for w in words[terms[0].end:at] if w not in self.cues.fillers and w.isalnum()]
                if 0 < len(joining) <= 2 and joining[-1] in self.cues.amount_joins and lo > least:
                    return self._number_value(question, (least, hi), inferred=True)
            # "a six pack and a couple shots": more than one amount to add up; ask for the total
            return Parsed(reask=self._s("reask_number_many", min=spec.min, max=spec.max))
        if terms:
            found = Found((float(min(int(m.target) for m in terms)), float(max(int(m.target) for m in terms))),
                          False, terms[0].start, terms[-1].end)
        if found is None and question.reads is not None:
            found = self.values.extract(question.reads, tokens)
        unsure = self.cues.unsure_cover(tokens)
        inside = {i for i in unsure if found is not None and found.start <= i < found.end}
        if inside and not self.cues.hedge_only(tokens, inside):
            found = None  # "i dont know": not "i dont" (none); but "at parties, maybe twice a month" is an estimate
        if found is None:
            spans = self.values.number_spans(words)
            if len(spans) == 1:  # ("almost 7": 6, "over 4": 5 or more, asked again)
                start, end, span = spans[0]
                found = Found(self.values.bounded(tokens, start, end, span), False, start, end)
            elif len(spans) > 1:
                return Parsed(reask=self._s("reask_number_many", min=spec.min, max=spec.max))
        if found is not None and not found.negated and self._more_added(words, found.end):
            # "4 beers and couple shots", "6 beers plus some shots": the number is one of two amounts
            return Parsed(reask=self._s("reask_number_many", min=spec.min, max=spec.max))
        if found is not None and found.negated:
            return Parsed(reask=self._s("reask_fewer", excluded=self._span_words(question, found.span),
                                        min=spec.min, max=spec.max))
        if found is None:
            polarity = self._polarity(question, tokens, set())
            if polarity == "unsure":
                if other:
                    return self._unsure(question, other, ())
                # no options to pick the closest of: a best guess ("depends on the week")
                key = "reask_unsure_number" if "reask_unsure_number" in self.strings else "reask_number"
                return Parsed(reask=self._s(key, min=spec.min, max=spec.max))
            negators = self.cues.negation.cues(tokens)
            if polarity == "no" and spec.min == 0 and not (negators and without_after(
                    tokens, negators[0].start, self.cues.without)):  # "never without food" is not none
                return self._number_value(question, (0.0, 0.0), inferred=True)
            return self._general_reask(question)
        exact = words[0].isdecimal() and len(words) == 1 or bool(self._terms(question).whole(words)) or (
            question.reads is not None and self.values.exact(question.reads, words))
        if question.reads == "count":
            # "20 beers a week", "a 30 rack over the weekend": a total for the days in it, not a day's
            days = self.values.days_in_total(tokens)
            if days is not None:
                if not days:  # the dialog may say so in its own words; the plain number re-ask if not
                    key = "reask_per_day" if "reask_per_day" in self.strings else "reask_number"
                    return Parsed(reask=self._s(key, min=spec.min, max=spec.max))
                lo, hi = found.span
                return self._number_value(question, (lo / days, hi / days), inferred=True)
        return self._number_value(question, found.span, inferred=not exact)

    def _a_number_naming_a_thing(self, words: tuple[str, ...]) -> bool:
        """A number used as the name of what is drunk, not a count of it: "a 40", "two 40s", "a 24
        oz can" (but "a 12 pack": what holds a count of drinks)."""
        spans = self.values.number_spans(words)
        ends = {e for _, e, _ in spans}
        if any(i in ends and w[:-len(e)].isdecimal() for i, w in enumerate(words) for e in self.cues.plural_endings
               if w.endswith(e) and len(w) > len(e)):
            return True  # "two 40s" (not "since his 20s")
        return any(s > 0 and words[s - 1] in self.values.one and words[s].isdecimal()
                   and not (e < len(words) and words[e] in self.cues.count_holders)
                   and not self.values.not_amount(words, s, e) for s, e, _ in spans)  # "a 10 hour shift"

    def _converted(self, question: Question, tokens: Tokens) -> Span | None:
        """A last number the person worked out from an amount said before it ("a fifth, so like
        15", "a 12 pack, thats 12"): after "so" or "thats", it is their own count."""
        spans = self.values.number_spans(tokens.words)
        if not spans:
            return None
        start = spans[-1][0]
        before = len(spans) > 1 or any(m.end <= start for m in self._terms(question).find(tokens))
        leads = [m for m in self.cues.conversion_leads.find(tokens) if 0 <= start - m.end <= 2]
        return spans[-1][2] if before and leads else None

    def _container_sizes(self, words: Mapping[str, int]) -> tuple[dict[tuple[str, ...], float],
                                                                  frozenset[tuple[str, ...]]]:
        """A number question's own containers ("a bottle": 5) by their words, plurals too, and
        those said bare that could be several sizes ("bottle": 5, but "bottle of beer": 1)."""
        sizes: dict[tuple[str, ...], float] = {}
        for phrase, value in words.items():
            key = tuple(normalize(phrase).split())
            if self.values.counts.whole(key):
                continue  # "a couple", "a few": a count, not something counted
            key = key[1:] if len(key) > 1 and key[0] in self.values.one else key  # "a bottle": bottle
            sizes[key] = float(value)
            for i, ending in itertools.product(range(len(key)), self.cues.plural_endings):
                sizes.setdefault(key[:i] + (key[i] + ending,) + key[i + 1:], float(value))  # "bottles of wine"
        unsized = frozenset(k for k in sizes if any(
            len(o) > len(k) and o[:len(k)] == k and sizes[o] != sizes[k] for o in sizes))
        return sizes, unsized

    def _containers(self, question: Question, tokens: Tokens) -> Found | None:
        """ "two bottles of wine", "3 pints", "a couple of six packs", "half a fifth": a count or a
        part of a container the question counts in its own words ("a bottle": 5), multiplied
        out; None unless exactly one such amount is said; NaN where a container holds something
        the question does not size ("2 bottles of vodka": neither 2 nor 10, asked)."""
        words, one = tokens.words, self.values.one
        if question.number is None or not question.number.words:
            return None
        if question.id not in self._sizes:
            self._sizes[question.id] = self._container_sizes(question.number.words)
        sizes, unsized = self._sizes[question.id]
        by_length = sorted(sizes, key=len, reverse=True)

        def container(at: int) -> tuple[int, float] | None:
            at += 1 if at < len(words) and words[at] in self.cues.partitives else 0  # "a couple of six packs"
            key = next((k for k in by_length if words[at:at + len(k)] == k), None)
            if key is None:
                return None
            end = at + len(key)
            if key in unsized or end < len(words) and words[end] in self.cues.partitives:
                return end, math.nan  # "3 pints", "bottles of vodka": of something not sized here
            return end, sizes[key]

        counted = [(s, e, span) for s, e, span in self.values.number_spans(words)]
        counted += [(m.start, m.end, m.target) for m in self.values.counts.find(tokens)]
        found: list[Found] = []
        for start, end, (lo, hi) in counted:
            size = container(end)
            if size is not None:
                found.append(Found((lo * size[1], hi * size[1]), False, start, size[0]))
        for i, word in enumerate(words):  # "half a bottle", "a quarter of a handle"
            if word in self.cues.parts and i + 1 < len(words):
                at = i + 1 + (words[i + 1] in self.cues.partitives)
                size = container(at + 1) if at < len(words) and words[at] in one else None
                if size is not None:
                    part = self.cues.parts[word] * size[1]
                    found.append(Found((part, part), False, i, size[0]))
        if any(math.isnan(f.span[0]) for f in found):
            return Found((math.nan, math.nan), False, 0, 0)  # counted, but not in drinks: asked
        return found[0] if len(found) == 1 else None

    def _span_words(self, question: Question, span: Span) -> str:
        unit = question.number.unit if question.number else ""
        lo, hi = span
        text = _fmt(lo) if lo == hi else f"{_fmt(lo)} or more" if hi == INF else f"{_fmt(lo)} to {_fmt(hi)}"
        return f"{text} {unit}".strip()

    def _number_value(self, question: Question, span: Span, inferred: bool) -> Parsed:
        """A span at its safer (higher) end; below one a week counts as 0 days in a usual week."""
        spec = question.number
        assert spec is not None
        lo, hi = span
        if hi == INF:
            return self._general_reask(question)
        if 0 < hi < 1:
            value = 0
            display = self._s("less_than_weekly") if question.reads == "frequency" else "0"
        else:
            value = int(math.floor(hi + 0.5))
            display = f"{value} {spec.unit_one if value == 1 and spec.unit_one else spec.unit}".strip()
            if lo != span[1] or hi != span[1]:
                display = self._s("about", value=display)
        if not spec.min <= value <= spec.max:
            return Parsed(reask=self._s("reask_number_range", min=spec.min, max=spec.max, number=value))
        return Parsed(value=value, display=display, inferred=inferred or lo != hi)

    # --- used by the engine ------------------------------------------------------------------

    def merged(self, question: Question, kept: tuple[str, ...], parsed: Parsed) -> Parsed:
        """A several-choice answer joined with the parts understood before its follow-up question."""
        if not isinstance(parsed.value, tuple):  # "I don't know" about the rest: keep what was understood
            kept_only = self._several(question, list(kept), inferred=True)
            return Parsed(kept_only.value, kept_only.display, None, True, (), parsed.words)
        if any(o.exclusive and o.value in kept for o in self.options(question)):
            return parsed  # "none of these" kept, and a question back of which was meant: this is the pick
        if any(o.exclusive and o.value in parsed.value for o in self.options(question)):
            if all(o.means == "no" for o in self.options(question) if o.value in parsed.value):
                # "none of these" about the part that was asked: the parts understood stay
                kept_only = self._several(question, list(kept), inferred=parsed.inferred)
                return Parsed(kept_only.value, kept_only.display, None, kept_only.inferred, (), parsed.words)
            return parsed
        joined = self._several(question, list(kept) + list(parsed.value), inferred=parsed.inferred)
        return Parsed(joined.value, joined.display, joined.reask, joined.inferred, (), parsed.words)

    def check_reply(self, text: str, about: str = "") -> CheckReply:
        """Read a reply to "Is that right?": a yes or no word, or words that say the reading is
        right or wrong ("thats right", "not quite"), and the words besides them, which may be an
        answer ("no, 4 days") or the reading said again ("yeah, 34"). Both a yes and a no, a
        "not sure", or a yes with a "but" or a negation besides it is "unsure". `about`: the
        question and the reading, whose own words said again add nothing ("yep, my liver")."""
        tokens = tokenize(self.unstretched(self._respelled(text)), self.cues.contrast)  # ("si": as any answer)
        words, pieces, negators = tokens.words, tokens.pieces, self.cues.negator_words
        if len(words) == 1 and words[0].isdecimal() and 1 <= int(words[0]) <= len(self.yes_no):
            # the check's own numbered options (1. Yes, 2. No), not the question's
            return CheckReply(self.yes_no[int(words[0]) - 1].value, "", False, True)
        found: list[Match[str]] = []
        for m in self.cues.polar_found(tokens):
            if m.target == "yes" and m.start > 0 and words[m.start - 1] in negators \
                    and pieces[m.start - 1] == pieces[m.start]:
                m = Match(m.start - 1, m.end, "no", m.exact)  # "not true", "not ok"
            found.append(m)
        said_by_words = {m.target for m in found}
        if len(said_by_words) == 1 and said_by_words <= {"yes", "no"} \
                and sum(m.end - m.start for m in found) == len(words):
            return CheckReply(found[0].target, "", False, True)  # "yes", "nope": most replies, read at once
        # words that say the reading is right or wrong ("off", "not quite") count where they lead the
        # reply, not inside the answer after it: "no, hes been off them 5 days now", "no, she is right here"
        polar_at = {i for m in found for i in range(m.start, m.end)}
        checks = self.cues.check_found(tokens)
        check_at = {i for m in checks for i in range(m.start, m.end)}
        answer_at = next((i for i, w in enumerate(words)
                          if i not in polar_at and i not in check_at and w not in self.cues.fillers), len(words))
        if polar_at:
            checks = [m for m in checks if m.start < answer_at]
        found += checks  # (with a yes or no word against it, "unsure": asked)
        covered = {i for m in found for i in range(m.start, m.end)}
        left = [i for i in range(len(words)) if i not in covered and words[i] not in self.cues.fillers]
        lead = next((len(p) for p in self.cues.check_leads
                     if tuple(words[i] for i in left[:len(p)]) == p and len(left) > len(p)), 0)
        left = left[lead:]  # "should be 65 or older": the answer, not a time to come
        hedges = {j for i in left for hedge in self.cues.hedges if words[i:i + len(hedge)] == hedge
                  for j in range(i, i + len(hedge))}
        rest = [words[i] for i in left if i not in hedges]
        adds = bool(rest) and (rest[0] in self.cues.joiners or any(w in self.values.also for w in rest))
        # "thats it", "just that" close a list: they say nothing of the reading either way; "i dont
        # know what kind" after a no doubts something else, not the reading
        objects = {m.start for m in self.cues.unknown_objects.find(tokens)}
        said = {m.target if m.target in ("yes", "no") else "unsure" for m in found if m.target != "neutral"
                and not (m.target == "unsure" and m.end in objects and m.start > 0)}
        own = self.cues.stems(about) if rest else frozenset()
        bare = all(self.cues.says_how(w) or self.cues.stems(w) <= own for w in rest)
        if not said:
            return CheckReply(None, " ".join(rest) if lead else text, adds, bare)
        if said == {"yes"} and (tokens.contrast_at or any(w in negators for w in rest)):
            said = {"unsure"}  # "yes but not every day", "right, except weekends"
        if len(said) > 1 or said == {"unsure"}:
            return CheckReply("unsure", text, adds, False)
        return CheckReply(said.pop(), " ".join(rest), adds, bare)


def _rejoined(tokens: Tokens, kept: Sequence[int]) -> str:
    """Some of an answer's words as text again, a comma where a clause ends: "not anymore" and
    "stopped 2 weeks ago" stay apart ("not anymore stopped" would be a double negative)."""
    out: list[str] = []
    for n, i in enumerate(kept):
        if n and tokens.clauses[i] != tokens.clauses[kept[n - 1]]:
            out[-1] += ","
        out.append(tokens.words[i])
    return " ".join(out)
