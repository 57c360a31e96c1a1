"""What the language cues say about an answer, whatever the question: yes, no or not sure
(with hedges, negations and the question's own verb), clauses taken back, softeners, and
self-corrections. Built once per language from `dialogs/language/<locale>.yaml`; the answer
reader asks it, and it knows nothing of options.
"""

from __future__ import annotations

import re
from functools import cached_property

from .language import Language
from .terms import Match, Negation, Phrases, Tokens, normalize, without_after, word_set


class Cues:
    """The cue words of one language, indexed once."""

    def __init__(self, lang: Language):
        # "without" after a negation is a double negative like "nothing but": "cant live without my
        # xanax", "never without a beer" say the thing is used
        self.negation = Negation(lang.negators, lang.negators_after, lang.exceptions + lang.without,
                                 lang.joiners + lang.contrast, lang.not_negators, lang.negation_stops,
                                 lang.joined_openers, lang.giving_up, lang.subjects, lang.opinion_verbs)
        self.contrast = tuple(tuple(normalize(c).split()) for c in lang.contrast)
        self.extents = frozenset(tuple(normalize(p).split()) for p in lang.extents)
        self.going_on = word_set(lang.going_on)
        self.taking_back = word_set(lang.taking_back)
        self.conclusions = sorted({tuple(normalize(c).split()) for c in lang.conclusions}, key=len, reverse=True)
        self.fillers = word_set(lang.fillers)
        # "i dont *really* know" is "i dont know": fillers may stand inside these phrases too
        self.polar: Phrases[str] = Phrases([(p, "unsure") for p in lang.unsure] + [(p, "no") for p in lang.no]
                                           + [(p, "yes") for p in lang.yes] + [(p, "indifferent") for p in
                                                                               lang.indifferent]
                                           + [(p, "neutral") for p in lang.neutral], fillers=self.fillers)
        self.hedge_words = frozenset(normalize(h) for h in lang.hedges if len(normalize(h).split()) == 1)
        self.softeners = word_set(lang.softeners)
        self.denial_tails = word_set(lang.denial_tails)
        self.states = word_set(lang.states)
        self.pointers = word_set(lang.pointers)
        self.embedded = tuple(tuple(normalize(p).split()) for p in lang.embedded_questions)
        self.without = word_set(lang.without)
        self.asking_back: Phrases[str] = Phrases([(p, "asks") for p in lang.asking_back], typos=False)
        self.asking_openers = word_set(lang.asking_openers)
        self.asking_verbs = word_set(lang.asking_verbs)
        self.question_openers: dict[str, list[tuple[str, ...]]] = {}  # by first word
        for phrase in lang.question_openers:
            words = tuple(normalize(phrase).split())
            self.question_openers.setdefault(words[0], []).append(words)
        self.question_words = word_set(lang.question_words)
        self.question_verbs = word_set(lang.question_verbs)
        self.asked_subjects = word_set(lang.asked_subjects)
        self.plural_endings = tuple(lang.plural_endings)
        self.count_holders = word_set(lang.count_holders)
        self.alternatives = word_set(lang.alternatives)
        self.no_determiners = word_set(lang.no_determiners)
        self.measures = word_set(lang.measures)
        self.measure_leads = word_set(lang.measure_leads)
        self.measure_tails = word_set(lang.measure_tails)
        self.negative_words = word_set(lang.negative_words)
        self.relations = word_set(lang.relations)
        self.others_own = frozenset(normalize(w) for w in lang.possessives[1:])  # "his", "her", "their"
        # words that join two clauses ("and", "but"), and those that may stand before a subject too
        self.joins = frozenset(normalize(w) for w in lang.joiners + [c for c in lang.contrast if len(c.split()) == 1])
        self.determiners = word_set(lang.determiners)
        self.openers = self.joins | word_set(lang.possessives) | self.determiners
        self.third_persons = word_set(lang.third_persons)
        self.self_subjects = word_set(lang.self_subjects)
        self.causatives = word_set(lang.causatives)
        self.wishing = word_set(lang.wishing)
        self.wished = word_set(lang.wished)
        self.asides = frozenset(tuple(normalize(p).split()) for p in lang.asides)
        self.stress_leads = word_set(lang.stress_leads)
        self.compounds: Phrases[str] = Phrases([(p, "compound") for p in lang.compounds], typos=False)
        self.shared: Phrases[str] = Phrases([(p, "shared") for p in lang.shared], typos=False)
        self.perceives = word_set(lang.perceives)
        self.belonging = word_set(lang.belonging)
        self.joiners = word_set(lang.joiners)
        # a word before a yes or no that joins it to what was said ("if its paid then sure")
        self.answer_joiners = self.joiners | word_set(lang.conclusion_joiners)
        self.label_prefixes = word_set(lang.label_prefixes)
        self.verb_endings = tuple(lang.verb_endings)
        self.time_prepositions = word_set(lang.time_prepositions)
        self.weakeners: Phrases[str] = Phrases([(w, "weak") for w in lang.weakeners], typos=False)
        self.subjectless = word_set(lang.subjectless)
        self.copulas = word_set(lang.copulas)
        self.preferring = word_set(lang.preferring)
        self.possession = word_set(lang.possession)
        self.participles = word_set(lang.participles)
        self.participle_endings = tuple(lang.participle_endings)
        self.question_subjects = word_set(lang.question_subjects)
        self.duration_leads = word_set(lang.duration_leads)
        self.relative_pronouns = word_set(lang.relative_pronouns)
        self.begun = word_set(lang.begun)
        self.animals = word_set(lang.animals)
        self.joined_on = word_set(lang.joined_on)
        self.partly: Phrases[str] = Phrases([(w, "partly") for w in lang.partly], typos=False)
        self.doubts: Phrases[str] = Phrases([(w, "doubt") for w in lang.doubts], typos=False)
        self.limiters: Phrases[str] = Phrases([(w, "only") for w in lang.limiters], typos=False)
        self.families = [frozenset(normalize(w) for w in family) for family in lang.auxiliary_families]
        self.hedges = frozenset(tuple(normalize(h).split()) for h in lang.hedges)
        self.conditionals: Phrases[str] = Phrases([(p, "if") for p in lang.conditionals], typos=False)
        self.empty_conditions: Phrases[str] = Phrases([(p, "as asked") for p in lang.empty_conditions], typos=False,
                                                      fillers=self.fillers)  # "if i *really* needed to"
        # "she say she stop", "my daughter say": a report as people write it in a second language
        said_bare = [f"{who} {verb}" for who in [*lang.relations, *lang.third_persons] for verb in lang.said_bare]
        self.reported: Phrases[str] = Phrases([(p, "says") for p in [*lang.reported, *said_bare]], typos=False)
        self.disbelief: Phrases[str] = Phrases([(p, "doubt") for p in lang.disbelief], typos=False)
        self.unable: Phrases[str] = Phrases([(p, "unable") for p in lang.unable_to_stop], typos=False)
        self.unrealized: Phrases[str] = Phrases([(p, "unrealized") for p in lang.unrealized], typos=False)
        self.not_polar: Phrases[str] = Phrases([(p, "not_polar") for p in lang.not_polar], typos=False)
        self.denied_frames: Phrases[str] = Phrases([(p, "frame") for p in lang.denied_frames], typos=False)
        self.doubt_leads: Phrases[str] = Phrases([(p, "doubt") for p in lang.doubt_leads], typos=False)
        self.state_denials = word_set(lang.state_denials)
        self.intensifiers: Phrases[str] = Phrases([(p, "so") for p in lang.intensifiers], typos=False)
        self.usual: Phrases[str] = Phrases([(p, "usual") for p in lang.usual_markers], typos=False)
        self.peaks: Phrases[str] = Phrases([(p, "peak") for p in lang.peak_markers], typos=False)
        self.every_option: Phrases[str] = Phrases([(p, "every") for p in lang.every_option], typos=False)
        self.highlights = word_set(lang.highlights)
        self.only_words: Phrases[str] = Phrases([(p, "only") for p in lang.only_words], typos=False)
        self.nothing_words = word_set(lang.nothing_words)
        self.nothing_else: Phrases[str] = Phrases([(p, "only") for p in lang.nothing_else], typos=False)
        self.amount_words = word_set(lang.amount_words)
        self.conversion_leads: Phrases[str] = Phrases([(p, "so") for p in lang.conversion_leads], typos=False)
        self.unknown_objects: Phrases[str] = Phrases([(p, "object") for p in lang.unknown_objects], typos=False)
        after_comma = "|".join(re.escape(c) for c in sorted(lang.corrections, key=len, reverse=True))
        after_dash = "|".join(re.escape(c) for c in sorted(lang.corrections + lang.dash_corrections, key=len,
                                                            reverse=True))
        # "64 - no wait, i turned 65": what follows the last correction is the answer
        # and with no mark at all, where the words cannot be anything but a correction ("3 days no wait 5")
        bare = "|".join(re.escape(c) for c in sorted(lang.bare_corrections, key=len, reverse=True)) or "(?!)"
        # "twice, no 3 times": a "no" after a comma, before a number, is a correction too
        numbers = "|".join(re.escape(w) for w in sorted(lang.numbers, key=len, reverse=True))
        number_no = "|".join(re.escape(c) for c in lang.dash_corrections if c == "no") or "(?!)"
        # "wait also weed", "oh and xanax": an addition, not a correction
        adding = "|".join(re.escape(c) for c in sorted(lang.correction_additions, key=len, reverse=True)) or "(?!)"
        not_adding = rf"(?!(?:{adding})\b)"
        said_before = "|".join(re.escape(c) for c in sorted(
            [*lang.corrections, *(c for c in lang.dash_corrections if c != "no")], key=len, reverse=True))
        # the correction word itself is dropped where what follows adds on: "beer, wait also weed"
        self.adding_on = re.compile(rf"(?:\b(?:{said_before})\b[\s,.!-]*+)++(?=(?:{adding})\b)", re.IGNORECASE)
        # and between two numbers without a mark ("5 no 6", "1... no 2")
        self.correction = re.compile(rf"(?:[,;]\s*)(?:{number_no})\s+(?=(?:\d|(?:{numbers})\b))"
                                     rf"|(?<=\d)(?:\s*(?:\.{{2,}}|\u2026))?\s+(?:{number_no})\b[\s,.!]*+(?=\d)"
                                     rf"|(?:[,;.!?]\s*|\s[-\u2013\u2014]+\s*)(?:{after_comma})\b[\s,.!-]*+{not_adding}"
                                     rf"|\s[-\u2013\u2014]+\s*(?:{after_dash})\b[\s,.!-]*+{not_adding}"
                                     rf"|\s(?:{bare})\b[\s,.!-]*+{not_adding}", re.IGNORECASE)
        self.subjects = word_set(lang.subjects)
        self.auxiliaries = word_set(lang.auxiliaries)
        self.negator_words = frozenset(normalize(p) for p in lang.negators if len(normalize(p).split()) == 1)
        # one-word answers that say no by themselves ("not in the past month"), unlike "cant ..."
        self.plain_no = frozenset(normalize(p) for p in lang.no + lang.leading_no if len(normalize(p).split()) == 1)
        # a reply to "Is that right?": "thats right", "not quite", "thats him" (see `check_found`)
        self.check: Phrases[str] = Phrases([(p, "right") for p in lang.check_right]
                                           + [(p, "wrong") for p in lang.check_wrong]
                                           + [(p, "after") for p in lang.check_after_subject], fillers=self.fillers)
        self.option_places = {normalize(k): v for k, v in lang.option_places.items()}
        self.option_words = word_set(lang.option_words)
        self.amount_joins = word_set(lang.amount_joins)
        self.partitives = word_set(lang.partitives)
        self.parts = {normalize(k): v for k, v in lang.parts.items()}
        self.pointing = sorted({tuple(normalize(p).split()) for p in lang.pointing}, key=len, reverse=True)
        self.no_words = frozenset(normalize(p) for p in lang.no if len(normalize(p).split()) == 1)
        self.check_subjects = frozenset(tuple(normalize(p).split()) for p in lang.check_subjects)
        self._longest_subject = max(map(len, self.check_subjects), default=0)
        self.check_leads = sorted({tuple(normalize(p).split()) for p in lang.check_leads}, key=len, reverse=True)

    def family(self, question_text: str) -> frozenset[str]:
        """The family of the question's own verb ("Could you ...?" -> can, could, cant, ...): the
        last one before the question mark ("Do you think you could...?" asks with "could")."""
        found: frozenset[str] = frozenset()
        for word in normalize(question_text.split("?")[0]).split():
            for family in self.families:
                if word in family:
                    found = family
        return found

    def owning(self, question_text: str) -> bool:
        """The question asks about having something ("Do you have a serious health problem?"),
        not with "have" as a helper verb ("Have you had thoughts...?": "have" before its subject)."""
        words = normalize(question_text.split("?")[0]).split()
        return self.possession <= self.family(question_text) and not any(
            w in self.possession and i + 1 < len(words) and words[i + 1] in self.question_subjects
            for i, w in enumerate(words))

    def unsure_cover(self, tokens: Tokens) -> set[int]:
        """Words of "not sure", "no idea" and the like: never read as an option or a value."""
        return {i for m in self.polar_found(tokens) if m.target == "unsure" for i in range(m.start, m.end)}

    def polar_found(self, tokens: Tokens) -> list[Match[str]]:
        """Yes, no and not-sure phrases; "i dont know what to do" tells of a state, it is not an
        "I don't know" answer, and "never ... without" is not a no."""
        words = tokens.words
        return [m for m in self.polar.find(tokens) if not (m.target == "unsure" and any(
            words[m.end:m.end + len(e)] == e for e in self.embedded)) and not (
            m.target == "no" and without_after(tokens, m.end - 1, self.without))]  # "never without my doctor knowing"


    def check_found(self, tokens: Tokens) -> list[Match[str]]:
        """What a reply to "Is that right?" says of the reading without a yes or no word: "yes" for
        "thats right", "sounds about right", "thats him", "nothing wrong"; "no" for "wrong", "thats
        not right", "that doesnt sound right". Each match takes in the subjects and the one negator
        before it, within the same stretch between punctuation."""
        words, pieces = tokens.words, tokens.pieces

        def subject_before(at: int, piece: int) -> int:
            """The length of the subject ending at `at` ("thats", "sounds about"), or 0."""
            if at == 0 or pieces[at - 1] != piece:
                return 0
            return next((n for n in range(min(self._longest_subject, at), 0, -1)
                         if words[at - n:at] in self.check_subjects), 0)

        found = []
        for m in self.check.find(tokens):
            start, negated, subject = m.start, False, False
            while True:
                size = subject_before(start, pieces[m.start])
                if size:
                    start, subject = start - size, True
                # a negator right before the words, or before a subject ("that doesnt sound right",
                # "not quite right"); a no of its own before a subject answers apart ("no thats wrong")
                elif not negated and start > 0 and pieces[start - 1] == pieces[m.start] \
                        and words[start - 1] in self.negator_words \
                        and (start == m.start or words[start - 1] not in self.no_words):
                    start, negated = start - 1, True
                else:
                    break
            if m.target == "after" and not subject:
                continue  # "it", "him" alone say nothing of the reading
            right = (m.target != "wrong") != negated
            found.append(Match(start, m.end, "yes" if right else "no", m.exact))
        return found

    def holds_unsure(self, tokens: Tokens, match: Match[str]) -> bool:
        """An option's own words that hold a "not sure" phrase whole ("might be" at "could you be
        pregnant?") are that option's words."""
        return any(match.start <= m.start and m.end <= match.end for m in self.polar.find(tokens)
                   if m.target == "unsure")


    @cached_property
    def _function_words(self) -> frozenset[str]:
        """Cue words, which say how something is said, not what about."""
        return (self.subjects | self.negator_words | self.plain_no | self.auxiliaries | self.fillers
                | self.hedge_words | self.joiners | self.softeners | self.denial_tails)

    def says_how(self, word: str) -> bool:
        """A cue word, which says how something is said ("i", "do", "so"), not what about."""
        return word in self._function_words

    def stems(self, text: str) -> frozenset[str]:
        """The content words of a text (four letters or more, no cue words), without their plural
        ending, to compare with what was typed."""
        return frozenset(self._stem(w) for w in normalize(text).split()
                         if len(w) >= 4 and w not in self._function_words)

    def _stem(self, word: str) -> str:
        return next((word[:-len(e)] for e in self.plural_endings if word.endswith(e) and len(word) > len(e) + 2), word)

    def _determiner_no(self, tokens: Tokens, m: Match[str], topic: frozenset[str]) -> bool:
        """ "no seizures" at "how often do you use?": a "no" before a thing the question is not
        about says there is none of it, not no to the question ("no problems" answers "do you
        have a health problem?")."""
        return m.target == "no" and m.end - m.start == 1 and self._no_before_a_thing(tokens, m.start, topic)

    def _no_before_a_thing(self, tokens: Tokens, i: int, topic: frozenset[str]) -> bool:
        words, at = tokens.words, i + 1
        if not topic or words[i] not in self.no_determiners or at >= len(words) \
                or tokens.clauses[at] != tokens.clauses[i]:
            return False
        after = words[at]
        return after not in self._function_words and not after.isdecimal() and self._stem(after) not in topic

    def topical_no(self, words: tuple[str, ...], topic: frozenset[str]) -> bool:
        """A yes phrase made of a negation and the question's own thing ("no problem" to "do you
        have a health problem?") says there is none of it."""
        said = [w for w in words if w not in self.negator_words and w not in self.plain_no]
        return bool(topic) and len(said) < len(words) and any(self._stem(w) in topic for w in said)

    def _after_subject(self, tokens: Tokens, m: Match[str]) -> bool:
        """The word follows a subject that opens its clause and ends it ("never asked, *i dunno*"),
        not a sentence of its own ("he never sees a doctor")."""
        at, clauses = m.start, tokens.clauses
        return at > 0 and tokens.words[at - 1] in self.subjects and (at == 1 or clauses[at - 2] != clauses[at]) \
            and (m.end == len(tokens.words) or clauses[m.end] != clauses[at])

    def in_doubt(self, tokens: Tokens, at: int) -> bool:
        """A doubt opens the clause before this word: "not sure if (its anxiety)"."""
        return any(m.end <= at and tokens.clauses[m.end - 1] == tokens.clauses[at]
                   for m in self.doubt_leads.find(tokens))

    def polarity(self, tokens: Tokens, skip: set[int], family: frozenset[str] = frozenset(),
                 topic: frozenset[str] = frozenset(), owning: bool = False, crisis: bool = False) -> str | None:
        """yes, no, unsure or mixed from the words outside option mentions; None when none is said.
        `owning`: the question asks about having something (see `owning`), so "i have X" answers it.
        `crisis`: the question has crisis options, where "he is" after a question word ("does not
        know where he is") is not read as "he is (safe)"; elsewhere that cost the held-out parts
        one more misread, so it is kept where a wrong yes is worst."""
        # (a clause follows, its subject first: "its not that bad" is a degree, not a frame)
        frame = next((m for m in self.denied_frames.find(tokens) if m.start == 0 and not skip & set(range(m.end))
                      and m.end < len(tokens.words) and tokens.words[m.end] in self.subjects), None)
        if frame is not None:
            # "its not that it wouldnt help": the rest read and turned round; with more said after
            # it ("..., its just i cant get there") it is asked
            if any(c != tokens.clauses[0] for c in tokens.clauses):
                return "mixed"
            said = self.polarity(tokens, skip | set(range(frame.end)), family, topic, owning, crisis)
            return {"yes": "no", "no": "yes"}.get(said or "", said)
        words = tokens.words
        # one word like "right" or "sure" answers only near the start of a clause, not inside a
        # story ("not with the liquor store right across the street")
        # "if i had to yeah": a condition that only says the question's own again opens a clause
        opened = {m.end for m in self.empty_conditions.find(tokens)}
        found = [m for m in self.polar_found(tokens) if not any(i in skip for i in range(m.start, m.end))
                 and m.target != "neutral" and not self._determiner_no(tokens, m, topic)
                 and (m.end - m.start > 1 or m.start == 0 or len(words) <= 3
                      or words[m.start - 1] in self.answer_joiners
                      or tokens.clauses[m.start] != tokens.clauses[m.start - 1] or m.start in opened
                      or self._after_subject(tokens, m))]
        # "no problem" is a yes, except where the question asks about a problem ("no problems" to
        # "do you have a serious health problem?"): there it says none
        found = [Match(m.start, m.end, "no", m.exact) if m.target == "yes" and self.topical_no(
            words[m.start:m.end], topic) else m for m in found]
        # "absolutely not", "not ok": a yes word with a negation right after or before it is a no
        clauses = tokens.clauses  # ("boss wouldnt mind, no problem": the "no" opens the next clause)
        found = [Match(m.start, m.end + 1, "no", m.exact) if m.target == "yes" and m.end < len(words)
                 and words[m.end] in self.negator_words and clauses[m.end] == clauses[m.end - 1]
                 else Match(m.start - 1, m.end, "no", m.exact) if m.target == "yes" and m.start > 0
                 and words[m.start - 1] in self.negator_words and clauses[m.start - 1] == clauses[m.start]
                 else m for m in found]
        not_polar = {i for m in self.not_polar.find(tokens) for i in range(m.start, m.end)}
        # "no doubt": no "no"; "would be better off": no "would be better"
        found = [m for m in found if not not_polar & set(range(m.start, m.end))]
        kinds = [m.target for m in found]
        covered = {i for m in found for i in range(m.start, m.end)} | skip | not_polar
        unsure_at = {i for m in found if m.target == "unsure" for i in range(m.start, m.end)}

        def past_hedges(i: int) -> int:
            k = i + 2
            while k < len(words) - 1 and words[k] in self.hedge_words:
                k += 1
            return k

        # "i am not sure", "we have no idea": a subject saying it is not sure, not a yes or a no
        unsure_subjects = {i for i, w in enumerate(words[:-1])
                           if w in self.subjects and words[i + 1] in self.auxiliaries
                           and past_hedges(i) in unsure_at and tokens.clauses[past_hedges(i)] == tokens.clauses[i]}
        # the first thing said, at the start or after such a subject ("i have no idea, ...")
        first = found[0] if found and (found[0].start <= 1 or 0 in unsure_subjects
                                       and found[0].start == past_hedges(0)) else None
        if first is not None and first.target == "unsure":
            return "unsure"  # "i dont know, he never tells me": the reason does not change it
        leading = first.target if first is not None and first.target in ("yes", "no") else None
        if "indifferent" in kinds:
            return "mixed"  # "doesnt matter to me"
        explicit = set(kinds) - {"unsure"}
        # "i can", "he does": yes; "i could not": no; "i have to ask": neither
        for i, w in enumerate(words[:-1]):
            if w in self.subjects and words[i + 1] in self.auxiliaries and i not in covered | unsure_subjects:
                # "i would rather not", "i could honestly not": the word that says yes or no, past hedges
                k = past_hedges(i)
                after = words[k] if k < len(words) else ""
                # "i dont", "he does not": an auxiliary on its own answers whatever it asked with
                # ("do you have...?" "i dont"); with a verb after it, only the question's own
                bare = words[i + 1] not in self.softeners and all(
                    tokens.clauses[k] != tokens.clauses[i] or words[k] in self.negator_words
                    for k in range(i + 2, len(words)))
                if bare and crisis and self._embedded(tokens, i):
                    continue  # "does not know where he is": said of him, not "he is (safe)"
                if after == "to" or family and words[i + 1] not in family and len(words) > 4 and not bare:
                    continue
                if after in self.negator_words and k in skip:
                    continue  # "i am not in danger": the "not" is the option's own ("not in danger")
                if not bare and after not in self.negator_words and any(
                        w in self.preferring for w in words[i + 2:k + 1]):
                    continue  # "i would prefer mornings": what is preferred answers, not "i would"
                if not bare and words[i + 1] in self.copulas and not self._says_the_topic(words, i + 2, topic):
                    continue  # "i am scared", "she is with him again" to "are you safe?": not a yes
                if not bare and not owning and words[i + 1] in self.possession \
                        and not (after in self.participles or after.endswith(self.participle_endings)) \
                        and not self._says_the_topic(words, i + 2, topic):
                    continue  # "i have kids" to "are you pregnant?": owning something, not a yes
                explicit.add("no" if after in self.negator_words else "yes")
                covered.update(set(range(i, k + 1)) if after in self.negator_words else {i, i + 1})
        # "could take time off", "couldnt stay away from it": the question's own modal opening the
        # answer, its subject left out ("could you...?" asked back is a question, read elsewhere)
        if words and words[0] in family and words[0] in self.subjectless and 0 not in covered and (
                len(words) == 1 or words[1] not in self.subjects and words[1] not in self.preferring):
            explicit.add("no" if words[0] in self.negator_words else "yes")
            covered.add(0)
        # "not impossible", "not unlikely": a negative word denied is a (careful) yes; alone, a no
        for i, w in enumerate(words):
            if w in self.negative_words and i not in covered:
                denied = i > 0 and words[i - 1] in self.negator_words and i - 1 not in covered
                explicit.add("yes" if denied else "no")  # "impossible", "unlikely": no
                covered.update({i - 1, i} if denied else {i})
        # a bare "not", "can't": in a short answer, at the start, or answering the question's own
        # verb ("could you?" "i couldnt"), not a sentence about something else ("he hasnt worked")
        for i, w in enumerate(words):
            verb_next = i + 1 < len(words) and words[i + 1].endswith(self.verb_endings)
            # "i dont work" does not answer "could you take time off?": another verb is negated
            other_verb = bool(family) and w not in family and any(w in f for f in self.families)
            double = w in self.without or without_after(tokens, i, self.without)  # "never without"
            # "i dont", "she doesnt": a negated auxiliary ending its clause after a subject
            bare = bool(i) and words[i - 1] in self.subjects and (
                i + 1 == len(words) or tokens.clauses[i + 1] != tokens.clauses[i])
            if w in self.negator_words and i not in covered and not double \
                    and not self._no_before_a_thing(tokens, i, topic) and (
                    len(words) <= 4 and not verb_next and not other_verb
                    or i == 0 and w in self.plain_no and not verb_next
                    or i and words[i - 1] in self.subjects and (not family or w in family) or bare):
                explicit.add("no")
        if "unsure" in kinds:
            # "not sure" with a yes or no beside it ("i think he was, not sure when") is asked about
            asserted = any(w in self.subjects and words[i + 1] in self.auxiliaries and i not in unsure_subjects
                           for i, w in enumerate(words[:-1]))
            return "mixed" if explicit or asserted else "unsure"
        if not explicit:
            return None
        if explicit == {"yes", "no"}:
            if leading is not None and not tokens.contrast_at and \
                    ("yes" if leading == "no" else "no") not in kinds:
                return leading
            return "mixed"
        polarity = explicit.pop()
        if polarity == "yes" and self.conditional(tokens):
            return "mixed"  # "yes if my husband stops drinking"
        if polarity == "yes" and any(not any(f.start <= m.start < f.end for f in found)
                                     for m in self.weakeners.find(tokens)):
            return "mixed"  # "sometimes i guess": partly, which is not a yes yet
        return polarity


    def _embedded(self, tokens: Tokens, i: int) -> bool:
        """A subject just after a question word in its clause ("where he is", "what day it is")."""
        words = tokens.words
        return any(words[k] in self.question_words and tokens.clauses[k] == tokens.clauses[i]
                   for k in range(max(0, i - 3), i))

    def _says_the_topic(self, words: tuple[str, ...], at: int, topic: frozenset[str]) -> bool:
        """After "i am", "she is": the question's own word ("i am safe"), a yes or no word ("we
        are ok"), or a negation; anything else is another statement ("i am scared", "she is with
        him again"). Without a topic (the engine's own questions), any word."""
        rest = [w for w in words[at:] if w not in self.hedge_words and w not in self.fillers
                and w not in self.softeners]
        if not topic or not rest:
            return True
        first = rest[0]
        return first in self.negator_words or self._stem(first) in topic or bool(self.polar.whole((first,)))

    def conditional(self, tokens: Tokens) -> bool:
        """A yes with a condition ("yes if my husband stops drinking"), not one that only says the
        question's own condition again ("she could miss school if needed")."""
        empty = {i for m in self.empty_conditions.find(tokens) for i in range(m.start, m.end)}
        return any(m.start not in empty for m in self.conditionals.find(tokens))

    def asks_back(self, tokens: Tokens) -> bool:
        """A question asked back ("does that count?", "does the er count?", "what is smart
        recovery"): the answer is not taken, the question is asked again."""
        words = tokens.words
        if len(words) < 2:
            return False
        if self.asking_back.find(tokens) or self.question_at(tokens) is not None:
            return True
        return any((w in self.asking_openers or w in self.question_words)
                   and any(v in self.asking_verbs for v in words[i + 1:i + 5]) for i, w in enumerate(words))

    def question_at(self, tokens: Tokens) -> int | None:
        """Where a question of the person's own starts, by its shape: opening the answer or one of
        its clauses ("maybe, what does vivitrol do", "im safe, is this private?"), or anywhere as a
        question word, a helping verb and a subject ("help what do i do"); None if there is none."""
        words = tokens.words
        if len(words) < 2:
            return None
        for i, word in enumerate(words):
            opens = i == 0 or tokens.clauses[i] != tokens.clauses[i - 1] and word not in self.relative_pronouns
            if opens and any(words[i:i + len(q)] == q for q in self.question_openers.get(word, ())):
                return i
            if i + 2 < len(words) and word in self.question_words and words[i + 1] in self.question_verbs \
                    and words[i + 2] in self.asked_subjects:
                return i
        return None

    def a_measure(self, tokens: Tokens, m: Match[str]) -> bool:
        """A word that is also a measure or a thing, used as one: "a glass or two", "two glasses
        of wine", "whiskey on ice" (slang for meth in "smokes glass", "just ice")."""
        words = tokens.words
        if m.end - m.start != 1 or words[m.start] not in self.measures:
            return False
        before = words[m.start - 1] if m.start else ""
        after = words[m.end] if m.end < len(words) else ""
        return before in self.measure_leads or before.isdecimal() or after in self.measure_tails

    def said_of_someone_else(self, tokens: Tokens, at: int, other: bool) -> bool:
        """The words at `at` are said of someone other than the person the intake is about: the
        nearest subject before them in their clause is another person ("my roommate smokes weed",
        "her dad was the one on heroin"), with nothing saying it is both of them ("we both drink")
        and no turn back to the person ("my wife thinks i drink"). For someone else, only "his"
        or "her" someone is another person ("my son" and "he" are who the answer is about)."""
        words, clause = tokens.words, tokens.clauses[at]
        if any(tokens.clauses[m.start] == clause for m in self.shared.find(tokens)):
            return False
        if at > 1 and words[at - 1] in self.belonging and words[at - 2] in self.relations:
            # "pick up my kids from school": the kids' school
            return not other or words[at - 3 if at > 2 else at - 2] in self.others_own
        if other and (words[at] in self.self_subjects or at and words[at - 1] in self.self_subjects):
            return True  # answering for someone else, "while i work" is the one typing
        if at and words[at - 1] in self.causatives and words[at] in self.self_subjects:
            return False  # "my son made me do this": the one made to is the one typing
        for i in range(at - 1, -1, -1):
            if tokens.clauses[i] != clause:
                return False
            word = words[i]
            if word in self.perceives or word in self.self_subjects:
                return False
            if word in self.third_persons:
                return not other
            if word in self.relations and self.opens_clause(tokens, i):
                owner = words[i - 1] if i and tokens.clauses[i - 1] == clause else ""
                return not other or owner in self.others_own
        return False

    def wished_of(self, tokens: Tokens, at: int) -> bool:
        """The words at `at` are what someone wants of another ("i want him to stop", "my wife
        told me to cut down"): that one's wish, not the answer of the one it is wanted of."""
        words = tokens.words
        return at >= 3 and words[at - 1] == "to" and words[at - 2] in self.wished and words[at - 3] in self.wishing \
            and len({tokens.clauses[i] for i in range(at - 3, at + 1)}) == 1

    def opens_clause(self, tokens: Tokens, at: int) -> bool:
        """The word at `at` is a subject: it begins its clause, or follows "and" or "but", with only
        "my", "the" ... between ("my dad drinks", "im 40 and my son is 17"), not a verb ("i take
        care of my mom")."""
        i = at - 1
        while i >= 0 and tokens.clauses[i] == tokens.clauses[at] and tokens.words[i] in self.openers:
            if tokens.words[i] in self.joins:
                # "im 40 and my son is 17"; not "me and my dad drink", which is both of them
                return not (i and tokens.words[i - 1] in self.self_subjects)
            i -= 1
        return i < 0 or tokens.clauses[i] != tokens.clauses[at]

    def denied_clauses(self, tokens: Tokens) -> set[int]:
        """Clauses taken back by a short one after a contrast: "my mom drinks, but I don't"."""
        out: set[int] = set()
        words = tokens.words
        for at in tokens.contrast_at:
            rest = [w for i, w in enumerate(words) if i > at and tokens.clauses[i] == tokens.clauses[at]]
            if 2 <= len(rest) <= 3 and rest[0] in self.subjects and rest[1] in self.negator_words:
                out.add(tokens.clauses[at] - 1)
        # "had tricare when i was in, not anymore": a clause that only denies takes the last one back
        for clause in sorted(set(tokens.clauses))[1:]:
            said = [w for w, c in zip(words, tokens.clauses, strict=True) if c == clause]
            if said and said[0] in self.negator_words and all(
                    w in self.negator_words or w in self.denial_tails or w in self.plain_no for w in said) \
                    and any(w in self.denial_tails or w in ("longer", "more") for w in said):
                out.add(clause - 1)
        return out


    def hedged(self, tokens: Tokens) -> bool:
        """A softened answer: "not really", "probably not", "not much"."""
        return any(w in self.hedge_words for w in tokens.words)


    def hedge_only(self, tokens: Tokens, unsure: set[int]) -> bool:
        """"maybe 3" or "i think, maybe": a softener before a value, not "I don't know"."""
        said = [tokens.words[i] for i in sorted(unsure)]
        after = tokens.words[max(unsure) + 1:max(unsure) + 2] if unsure else ()
        # "not sure exactly, mid forties": an estimate, as "maybe" is
        return " ".join(said) in self.softeners or " ".join([*said, *after]) in self.softeners


    def only_denial(self, tokens: Tokens, at: int) -> bool:
        """What follows a contrast is only "not anymore", "not now", or how the person is now
        ("but I'm ok now", "seems fine now"): it does not undo a value said before it."""
        rest = tokens.words[at + 1:]
        denial = all(w in self.negator_words or w in self.plain_no or w in self.denial_tails for w in rest)
        state = any(w in self.states for w in rest) and all(
            w in self.states or w in self.subjects or w in self.auxiliaries or w in self.denial_tails
            or w in self.negator_words for w in rest)
        return bool(rest) and (denial or state)
