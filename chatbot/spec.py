"""Pydantic models of a dialog file.

The dialog file is the clinical content; these models are its contract. They check
shape and types only; cross-references (unknown ids, reachability, dead ends) are
checked by `chatbot.dialogs`, which knows the whole file and its line numbers.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
# text a person reads: no control characters (a terminal escape code in the dialog would
# clear or rewrite the screen in plain mode); tabs and newlines are fine
CONTROL_CHARACTERS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
Text = Annotated[str, StringConstraints(min_length=1, pattern=rf"^[^{CONTROL_CHARACTERS[1:-1]}]*$")]

QuestionKind = Literal["choice", "multi", "yes_no", "number", "text"]
Operator = Literal[
    "eq", "ne", "in", "not_in", "includes", "includes_any", "excludes",
    "gt", "ge", "lt", "le", "answered", "unanswered",
]
Scalar = str | int | float | bool

# Answer slot that the engine fills itself with the kinds of crisis disclosed so far.
CRISIS_SLOT = "crisis"
# Answer slot the engine fills with the crisis concepts asked about directly and answered no.
CHECK_IN_SLOT = "check_in"
# Edge target that ends the questions and gives the recommendation.
END = "end"

# Placeholders each string is filled with; any other {name} in it would crash at run time.
STRING_FIELDS: dict[str, frozenset[str]] = {
    "reask_choice": frozenset({"n", "options"}), "reask_multi": frozenset({"n", "options"}),
    "reask_yes_no": frozenset({"n"}), "reask_which": frozenset({"options"}),
    "reask_pick_for": frozenset({"words", "options"}),
    "reask_not": frozenset({"excluded", "options"}), "reask_unsure": frozenset({"options"}),
    "reask_depends": frozenset({"options"}), "reask_accounts": frozenset({"options"}),
    "reask_not_safe": frozenset({"resources", "options"}), "reask_fewer": frozenset({"excluded", "min", "max"}),
    "understood": frozenset({"reading"}), "confirm": frozenset({"reading", "asked"}), "about": frozenset({"value"}),
    "read_ahead": frozenset({"words"}),
    "unknown_matters": frozenset({"asked", "level"}), "words_beside": frozenset({"reading", "words"}),
    "reask_number": frozenset({"min", "max"}), "reask_unsure_number": frozenset({"min", "max"}),
    "reask_number_range": frozenset({"min", "max", "number"}),
    "reask_per_day": frozenset({"min", "max"}), "reask_now": frozenset({"ask"}),
    "reask_number_many": frozenset({"min", "max"}), "reask_ambiguous": frozenset({"options"}),
    "reask_exclusive": frozenset({"option"}), "reask_multi_unknown": frozenset({"understood", "unknown"}),
    "reask_text_too_long": frozenset({"limit"}), "progress": frozenset({"section", "answered", "left"}),
    "progress_one": frozenset({"section", "answered", "left"}),
    "progress_short": frozenset({"section", "answered", "left"}),
    "progress_short_one": frozenset({"section", "answered", "left"}),
    "type_number": frozenset({"min", "max"}),
    "takehome_level": frozenset({"level"}), "takehome_then": frozenset({"level", "then"}),
    "takehome_help": frozenset({"numbers"}), "takehome_why": frozenset({"reason"}),
}
# Ids the engine gives a meaning of its own.
RESERVED_IDS = frozenset({"crisis", "end", "confirm", "check_in"})

# Strings the front ends and engine need; a dialog (or its translation) must supply each.
REQUIRED_STRINGS: tuple[str, ...] = (
    "welcome_title", "welcome", "notice", "not_for_emergencies",
    "reask_empty", "reask_choice", "reask_multi", "reask_number", "reask_number_range",
    "reask_number_many", "reask_yes_no", "reask_ambiguous", "reask_exclusive",
    "reask_multi_unknown", "reask_text_too_long",
    "crisis_reask", "crisis_resume", "crisis_still",
    "yes_label", "no_label",
    "progress", "result_title", "result_then", "result_urgent", "because",
    "also_noted", "alternatives", "modifiers_title", "next_steps", "checklist",
    "crisis_resources_title", "help", "commands", "choose_one", "choose_many",
    "type_number", "type_yes_no", "type_text", "bye", "back_at_start", "restarted",
    "you_said", "incomplete", "emergency_reason", "you_told_us",
    "reask_which", "reask_pick_for", "reask_not", "reask_unsure", "reask_not_safe", "reask_fewer",
    "understood", "confirm", "confirm_again", "read_ahead", "about", "unknown_reading", "unknown_title",
    "unknown_matters",
    "words_beside", "less_than_weekly",
)


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a dialog file must not pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(Strict):
    """One of: a test on a slot, all/any of conditions, not a condition, or a rule that fired."""

    slot: Ident | None = None
    op: Operator | None = None
    value: Scalar | list[Scalar] | None = None
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")
    rule: Ident | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [
            name for name, present in (
                ("slot", self.slot is not None), ("all", self.all is not None),
                ("any", self.any is not None), ("not", self.not_ is not None),
                ("rule", self.rule is not None),
            ) if present
        ]
        if len(forms) != 1:
            raise ValueError(
                "a condition needs exactly one of slot/op/value, all, any, not or rule"
                f" (found {', '.join(forms) or 'none'})"
            )
        if self.slot is not None:
            if self.op is None:
                raise ValueError("a slot condition needs an op")
            if self.op not in ("answered", "unanswered") and self.value is None:
                raise ValueError(f"op '{self.op}' needs a value")
        elif self.op is not None or self.value is not None:
            raise ValueError("op and value go only with slot")
        if self.all is not None and not self.all or self.any is not None and not self.any:
            raise ValueError("all/any need at least one condition")
        return self


ValueKind = Literal["age", "frequency", "count", "time_ago"]
Polarity = Literal["yes", "no", "unsure"]
# The value recorded when someone answering for another person does not know.
UNKNOWN = "unknown"


class Option(Strict):
    value: Ident
    label: Text
    # the label when someone answers for another person ("They live alone"); also read as an answer
    label_other: Text | None = None
    synonyms: list[Text] = []
    crisis: Ident | None = None
    exclusive: bool = False
    # what a plain yes, no or "not sure" means at this question
    means: Polarity | None = None
    # the values this option covers, in the unit of the question's `reads` (inclusive)
    range: tuple[float, float] | None = None
    # words that are this answer only when nothing else is said: "with my partner" alone is home
    # with a partner, but "my partner drinks too" is not support
    alone: list[Text] = []
    # an option about the past N days ("left rehab in the past 30 days"): its words with a time
    # named outside them ("a 28 day program years ago") do not select it
    within_days: Annotated[int, Field(gt=0)] | None = None
    # whom the option's words are about: "others" ("someone I live with drinks") are not taken
    # back by "...but I don't"
    about: Literal["person", "others"] = "person"
    # the option says no one else is there ("I live alone"): a person named beside it ("just me
    # and my son") makes the answer one to ask about
    no_others: bool = False


class NumberSpec(Strict):
    min: int
    max: int
    unit: str = ""
    unit_one: str = ""  # the unit after the number 1 ("1 day a week", not "1 days a week")
    words: dict[str, int] = {}

    @model_validator(mode="after")
    def _range(self) -> NumberSpec:
        if self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


class Edge(Strict):
    goto: Ident
    when: Condition | None = None


class AnsweredBy(Strict):
    """A question the person already answered in their own words: "my son" at "who is this for?"
    answers "could they be pregnant?". Taken only from words said, never guessed; the reading is
    shown to the person like any other, and Back goes past it."""

    slot: Ident  # the earlier question whose typed words are read
    words: list[Text]  # any of these, as whole words, in what was typed there
    not_words: list[Text] = []  # unless any of these is there too: then the question is asked
    value: Ident  # the option this answers with
    reading: Text  # how the reading is said back, with {words}: the words that answered it


class Question(Strict):
    id: Ident
    section: Ident
    text: Text
    text_other: Text | None = None
    help: Text | None = None
    kind: QuestionKind
    options: list[Option] = []
    number: NumberSpec | None = None
    short: Text | None = None
    short_other: Text | None = None  # the short name when someone answers for another ("What they use")
    # the kind of value typed words may give ("im 52", "most nights"): options cover it by `range`
    reads: ValueKind | None = None
    # a yes/no question about the past N days: a time named outside them ("6 months ago") is a no,
    # one that may be outside ("back in january") is asked about
    within_days: Annotated[int, Field(gt=0)] | None = None
    # answers here tell what usually happens or happened before ("what happens when you stop?"):
    # crisis words with no time of their own are read as history, not as happening now
    history: bool = False
    # the crisis model reads answers here too (the patterns always do). Where answers tell of the
    # last dose ("took my last one this morning" to "when did you last use?") it takes them for an
    # overdose; the patterns still read every answer there
    crisis_model: bool = True
    # the question asks what the person wants: what others want of them ("i want him to stop",
    # "my wife told me to cut down") is not their answer
    wish: bool = False
    answered_by: AnsweredBy | None = None
    # an earlier question whose words may already answer this one ("my son, hes 20" at "who is
    # this for?" says the age): read with this question's reader and put to the person to confirm,
    # never taken without their yes; a "no" asks the question
    read_from: Ident | None = None
    next: list[Edge] = []


class Section(Strict):
    id: Ident
    title: Text


class Level(Strict):
    id: Ident
    name: Text
    short: Text | None = None  # the few words a take-home QR code has room for
    asam: str = ""
    involves: Text
    involves_other: Text | None = None  # said to someone answering for another person
    # a withdrawal-management level is a first step; treatment at this level or higher follows it
    then_at_least: Ident | None = None


class Modifier(Strict):
    id: Ident
    name: Text
    text: Text
    text_other: Text | None = None  # said to someone answering for another person
    levels: list[Ident] | None = None


class Alternative(Strict):
    level: Ident
    modifiers: list[Ident] = []
    when: Text
    when_other: Text | None = None  # said to someone answering for another person


class Rule(Strict):
    id: Ident
    when: Condition
    floor: Ident | None = None
    urgent: bool = False
    modifiers: list[Ident] = []
    alternative: Alternative | None = None
    only_if_no_other_floor: bool = False
    explain: Text
    explain_other: Text | None = None  # said to someone answering for another person
    # a note (no floor, no modifiers) shown only when the level chosen is one of these: a note
    # comparing IOP's cost with inpatient care means nothing to someone sent to residential care
    levels: list[Ident] | None = None


class Fallback(Strict):
    level: Ident
    explain: Text


class NextStep(Strict):
    id: Ident
    text: Text
    text_other: Text | None = None  # said to someone answering for another person
    when: Condition | None = None
    min_level: Ident | None = None
    max_level: Ident | None = None


class Resource(Strict):
    id: Ident
    text: Text
    short: Text | None = None  # the few words a take-home QR code has room for ("988: call or text")


class CrisisKind(Strict):
    """A crisis screen: what it says, which numbers it shows, and the two safety questions."""

    title: Text
    message: Text
    resources: list[Ident]
    check: Text
    confirm: Text
    # said instead when the danger is someone else's (a son's gun, a father's seizure): the
    # questions then ask about them and the person typing, so a yes about oneself alone
    # cannot close the screen
    message_other: Text | None = None
    check_other: Text | None = None
    confirm_other: Text | None = None


class CrisisConcept(Strict):
    """One crisis concept as patterns (crisis_grammar), by grade: `now` is clear danger, `check` an
    indirect signal asked about directly. `past`: what the person's own disclosure of long ago becomes."""

    kind: Ident
    now: list[Text] = []
    check: list[Text] = []
    past: Literal["check", "none"] = "none"
    # what a disclosure of long ago becomes when the answer says it is over ("havent in decades");
    # unset, the same as `past` (a past attempt keeps its check-in, CLINICAL.md section 3)
    past_resolved: Literal["check", "none"] | None = None
    # matches inside one of these are about something else ("died by suicide" is a loss, not a crisis now)
    unless: list[Text] = []
    # signs that add up (SAMHSA overdose signs): at least `signs_needed` different ones in one
    # answer ("throwing up", "can barely stand"), with one of `signs_with` anywhere in it (what
    # was taken) and none of `signs_not_with` (a withdrawal, which its own concept reads), are
    # this concept now, when no pattern has already fired
    signs: dict[Ident, list[Text]] = {}
    signs_with: list[Text] = []
    signs_not_with: list[Text] = []
    signs_needed: Annotated[int, Field(ge=2)] = 2


class CrisisScope(Strict):
    """Cue patterns read around every match: negation, time and subject."""

    # lists of plain words; every other list here is patterns, compiled and checked as such
    WORD_LISTS: ClassVar[frozenset[str]] = frozenset({"negation_stops", "fillers", "negating_prefixes",
                                                      "first_person", "intent_now", "alternatives",
                                                      "question_openers", "story_stops", "echo_turns"})

    negation: list[Text]
    not_negation: list[Text] = []
    negation_after: list[Text] = []
    past: list[Text] = []
    now: list[Text] = []
    # how often, not when ("all the time", "every day"): now, unless a time long ago in the
    # sentence dates it ("back in the 90s i wanted to die all the time")
    habitual: list[Text] = []
    # a wish or intent said in the present ("i want to", "im going to"): a time cue in another
    # clause ("i want to kill myself, i tried years ago") tells of that clause, not of this one
    intent_now: list[Text] = []
    # "or", "nor": a negation reaches every item of a list they join ("nobody has passed out or
    # stopped breathing", "never had a seizure or the dts"), unless an item has a subject of its own
    alternatives: list[Text] = []
    # said with a disclosure of long ago, it is over: "that was 15 years ago, im fine now"
    resolved: list[Text] = []
    negation_stops: list[Text] = []
    # words that look like a time long ago but are not one ("thinks its 1995")
    not_past: list[Text] = []
    # a time long ago does not make a disclosure history when the sentence says it happened again lately
    again_now: list[Text] = []
    # a plain "no" before a thing (`thing_denials`) does not reach a match that has a subject of
    # its own (`own_subjects`) after that thing: "no job, no place, im done with life"
    thing_denials: list[Text] = []
    own_subjects: list[Text] = []
    # "nobody", "none of us": a negation of the clause they are the subject of, however long
    # their group ("nobody in this house has ever tried to..."), unless another verb stands
    # between them and the match ("nobody knows i cut myself": a disclosure, not a denial)
    negative_subjects: list[Text] = []
    negation_blockers: list[Text] = []
    # a question echoed and answered no in the next sentence ("suicide? no. never crossed my mind"):
    # a match that is its whole sentence, then one of these opening the next, is denied
    echo_denials: list[Text] = []
    question_openers: list[Text] = []  # words a question opens with ("has anyone ever...?"): plain words
    echo_turns: list[Text] = []  # in such a question, words that turn what its "no" answers ("ever stop")
    # "not a day goes by", "hardly a night": denying the exception says "every time". With a
    # negation after it in its sentence the two cancel ("not a single day i dont wish i was
    # dead"); alone it denies its clause like a negative subject ("not one time have i tried")
    every_time: list[Text] = []
    # words that add emphasis, not meaning ("honestly", "even"): dropped from answers and
    # patterns alike before matching, so a pattern need not list every place one can go
    fillers: list[Text] = []
    # a word made of one of these and a word the patterns use reads as "not" and that word
    # ("unsafe" is "not safe"); a word the patterns use as it is ("unalive") stays itself
    negating_prefixes: list[Text] = []
    # a film, the news, a class, a job told of ("watched a movie where the guy ODs"): clear danger
    # after one in its clause (not past a `negation_stops` word), said with no word of the
    # person's own (`first_person`), is asked about with the check-in, not the crisis screen;
    # never cleared
    stories: list[Text] = []
    # what a story does not reach past: a statement of its own after "and", "so", "when" (not
    # "after", which goes on with the story: "as an er nurse i had a teen come in after ..."); the
    # `negation_stops` where none are given
    story_stops: list[Text] = []
    first_person: list[Text] = []
    # who a disclosure is about: the nearest of these or a `first_person` word (in the match,
    # else before it in its sentence) says whether the danger is someone else's
    someone_else: list[Text] = []


class CrisisTypos(Strict):
    """Crisis words recognised one typo away, and the real words near them that never are."""

    words: list[Text] = []
    real_words: list[Text] = []
    # every word the patterns use, of this many letters or more, is read one typo away too ("i
    # swalowed the whole bottle", "i want to disapear"); 0: only `words`. `common_words`: the common English words
    # one typo away from one of those, never changed (written by tools/crisis_near_words.py)
    pattern_words_from: int = 0
    common_words: list[Text] = []


class CheckInKind(Strict):
    prompt: Text
    resources: list[Ident]


class CheckIn(Strict):
    """The direct question an indirect signal gets, with the numbers beside it."""

    message: Text
    prompt: Text
    prompt_other: Text | None = None
    resources: list[Ident]
    unsure_label: Text
    reask: Text
    go_on: Text
    # the question for a crisis kind other than suicide (a check-in the model raised for an
    # overdose, withdrawal or danger): yes leads to that kind's crisis screen
    kinds: dict[Ident, CheckInKind] = {}


class Safety(Strict):
    resources: list[Resource]
    kinds: dict[Ident, CrisisKind]
    check_in: CheckIn
    words: dict[Ident, list[Text]] = {}
    scope: CrisisScope
    typos: CrisisTypos = CrisisTypos()
    concepts: dict[Ident, CrisisConcept]
    # the crisis model beside the dialog file (chatbot/crisis_model.py): asks the check-in
    # where the grammar found nothing; none, and only the grammar reads
    model: str | None = None


class DialogInfo(Strict):
    id: Ident
    version: int
    locale: Ident
    title: Text
    start: Ident
    # when this holds, questions show their `text_other` wording (answering for someone else)
    other_person_when: Condition | None = None


class Dialog(Strict):
    dialog: DialogInfo
    sections: list[Section]
    questions: list[Question]
    levels: list[Level]
    modifiers: list[Modifier]
    rules: list[Rule]
    fallback: Fallback
    next_steps: list[NextStep]
    checklist: list[Text]
    safety: Safety
    strings: dict[Ident, Text]
