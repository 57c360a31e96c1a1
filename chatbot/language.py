"""Language data for reading answers: cue words per locale, beside the dialog.

A dialog in locale `xx` reads answers with `language/xx.yaml` in its own folder (or the
shipped one), so a translated dialog brings its own negation and hedge cues, number words,
weekdays and units. Nothing here is clinical: it says how people phrase things, not what
they mean for care.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from . import yamlsource
from .yamlsource import FileProblems, Problem, Source

_CHECKOUT = Path(__file__).resolve().parent.parent / "dialogs" / "language"
# beside the checkout's dialogs, or (an installed wheel) in chatbot/bundled_dialogs
LANGUAGE_DIR = _CHECKOUT if _CHECKOUT.is_dir() else Path(__file__).resolve().parent / "bundled_dialogs" / "language"

Phrase = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Span = tuple[float, float]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SchoolYears(_Strict):
    """School years said instead of an age: a grade's number plus `age_from` is the youngest age
    in it ("8th grade": 13 to 14); a year's name counts only beside one of `places`."""

    grade: list[Phrase]
    ordinals: dict[Phrase, Annotated[int, Field(ge=1, le=20)]]
    age_from: Annotated[int, Field(ge=0, le=10)]
    years: dict[Phrase, Annotated[int, Field(ge=1, le=20)]] = {}
    places: list[Phrase] = []


class Units(_Strict):
    """Words for a period, and how many days it is."""

    day: list[Phrase]
    week: list[Phrase]
    month: list[Phrase]
    year: list[Phrase]
    hour: list[Phrase]
    minute: list[Phrase] = []  # less than a day, like hours; a sixtieth of one counting back
    fortnight: list[Phrase] = []


class Bounds(_Strict):
    """Words that bound a number: "at least 3", "over 65", "twice, maybe more"."""

    at_least: list[Phrase]
    at_most: list[Phrase]
    more_than: list[Phrase]
    less_than: list[Phrase]
    almost: list[Phrase]
    turning: list[Phrase]
    open_above: list[Phrase]


Sentence = Annotated[str, StringConstraints(min_length=1, max_length=400)]


class Interface(_Strict):
    """The app's own words: keys, boxes, placeholders and notices around the conversation.
    Every one must be given, so a translation that misses one is refused with its line."""

    app_title: Sentence
    key_help: Sentence
    key_help_short: Sentence
    key_quit: Sentence
    key_back: Sentence
    key_restart: Sentence
    key_save_summary: Sentence
    key_takehome: Sentence
    key_start_over: Sentence
    key_quick_exit: Sentence
    key_inspector: Sentence
    key_jump: Sentence
    key_save: Sentence
    key_cancel: Sentence
    key_close: Sentence
    key_start: Sentence
    key_tick: Sentence
    key_send_ticked: Sentence
    help_enter: Sentence
    help_arrows: Sentence
    help_space: Sentence
    help_tab: Sentence
    help_back: Sentence
    help_restart: Sentence
    help_save_summary: Sentence
    help_help: Sentence
    help_quit: Sentence
    help_quick_exit: Sentence
    help_inspector: Sentence
    help_jump: Sentence
    help_save_transcript: Sentence
    help_title: Sentence
    help_title_kiosk: Sentence
    welcome_keys: Sentence
    welcome_keys_kiosk: Sentence
    welcome_keys_staff: Sentence
    start: Sentence
    speaker_bot: Sentence
    speaker_person: Sentence
    type_here: Sentence
    type_yes_no_or_answer: Sentence
    type_number_then_enter: Sentence
    type_or_tick: Sentence
    type_or_pick: Sentence
    ticked: Sentence
    crisis_placeholder: Sentence
    crisis_safe: Sentence
    crisis_need_help: Sentence
    restart_ask: Sentence
    restart_yes: Sentence
    keep_going: Sentence
    quit_ask: Sentence
    quit_yes: Sentence
    replace_ask: Sentence
    replace_yes: Sentence
    cancel: Sentence
    save: Sentence
    save_summary: Sentence
    start_over: Sentence
    save_summary_what: Sentence
    save_path_problem: Sentence
    save_failed: Sentence
    saved_to: Sentence
    summary_download: Sentence
    idle_title: Sentence
    idle_countdown: Sentence
    idle_stay: Sentence
    consent_title: Sentence
    consent_text: Sentence
    consent_yes: Sentence
    consent_no: Sentence
    pin_prompt: Sentence
    pin_wrong: Sentence
    pin_locked: Sentence
    kiosk_error: Sentence
    kiosk_save_failed: Sentence
    kiosk_saved: Sentence
    takehome_button: Sentence
    takehome_caption: Sentence
    takehome_done: Sentence
    takehome_too_small: Sentence
    print_button: Sentence
    print_sent: Sentence
    print_failed: Sentence
    web_starting: Sentence
    web_ended: Sentence
    web_start_again: Sentence
    web_noscript: Sentence
    inspector_title: Sentence
    inspector_level: Sentence
    inspector_rules: Sentence
    inspector_answers: Sentence
    inspector_signals: Sentence
    inspector_crisis: Sentence
    inspector_check_in: Sentence
    inspector_section: Sentence
    inspector_result: Sentence
    inspector_none_yet: Sentence
    inspector_no_floor: Sentence
    inspector_then: Sentence
    inspector_urgent: Sentence
    inspector_modifiers: Sentence
    inspector_also: Sentence
    inspector_crisis_kinds: Sentence
    inspector_waiting: Sentence
    inspector_nothing_fired: Sentence
    inspector_grade_now: Sentence
    inspector_grade_check: Sentence
    inspector_checked_in: Sentence
    jump_ask: Sentence
    transcript_title: Sentence
    transcript_title_placeholder: Sentence
    transcript_notes_placeholder: Sentence
    transcript_file_placeholder: Sentence
    transcript_needs_title: Sentence
    transcript_exists: Sentence
    transcript_not_saved: Sentence
    transcript_saved: Sentence


class StoppedSince(_Strict):
    """Use denied since or for a time: a denial (`leads`), a verb or noun of use (`verbs`), a few
    words, then a key of `since` ("since", "for", "in"), read as `means` and that key's word ("no
    use in 60 days" is "stopped for 60 days": how long, not how often)."""
    leads: list[Phrase]
    verbs: list[Phrase]
    since: dict[Phrase, Phrase]
    means: Phrase
    # a day without, denied, is every day: "havent had a sober day in months", "a day off since june"
    unless: list[Phrase] = []


class Language(_Strict):
    locale: str
    # answers as a whole: yes, no (hedged negatives included), not sure
    yes: list[Phrase]
    no: list[Phrase]
    unsure: list[Phrase]
    # a negation cue negates the option words after it in the same clause
    negators: list[Phrase]
    # cues after a mention that negate it ("AA is not for me")
    negators_after: list[Phrase]
    # words a person says to soften an answer; dropped before reading yes or no
    hedges: list[Phrase]
    # clause breaks: what comes after them can qualify or replace what came before
    contrast: list[Phrase]
    # a yes that depends on something ("yes if ...") is asked about, not taken
    conditionals: list[Phrase]
    reported: list[Phrase]
    # a verb of saying without its -s, after a person ("she say", "my son claim"): a report too
    said_bare: list[Phrase] = []
    # doubt of an account reported ("she says she stopped, i dont believe her"): two accounts, asked
    disbelief: list[Phrase] = []
    # a yes or no word inside these is no answer ("no doubt he would relapse", "better off"):
    # what else is said decides
    not_polar: list[Phrase] = []
    list_pointers: list[Phrase] = []  # "none of those": the options on screen
    doubt_leads: list[Phrase] = []  # "not sure if ...": what follows is in doubt
    conclusion_joiners: list[Phrase] = []  # "then" before a yes or no: "if its paid then sure"
    clock_leads: list[Phrase] = []  # "at 4", "by 5": a time of day, not an option's number
    asked_about: list[Phrase] = []  # "tell me more about X": X is what is asked about, not the answer
    denied_frames: list[Phrase] = []  # "its not that ...": what follows, turned round
    # at "when did you last...?", none since a time is when: "not since yesterday" is yesterday
    since_denials: list[Phrase] = []
    # right before a no's own word, these deny it ("not healthy", "isnt fine"); other negations
    # beside a no ("no, never", "cant lose my job") do not
    state_denials: list[Phrase] = []
    # not able to stop, or not stopped ("i cant quit", "havent stopped"): still using, whatever the
    # "not" in it says
    unable_to_stop: list[Phrase] = []
    # meant, planned or waited for, not done ("supposed to go to detox"): what follows did not happen
    unrealized: list[Phrase] = []
    neutral: list[Phrase]
    intensifiers: list[Phrase]
    usual_markers: list[Phrase]
    indifferent: list[Phrase]
    auxiliary_families: list[list[Phrase]]
    fillers: list[Phrase]
    weakeners: list[Phrase]
    # beside a yes, these make it a yes in part: "kinda open" is a "maybe", "half safe" is asked
    # about with the help numbers
    partly: list[Phrase] = []
    # the question's own modal opening an answer answers it, its subject left out: "could take
    # time off" to "could you take time off?", "wouldnt help" to "would evenings help?"
    subjectless: list[Phrase] = []
    # after a subject, these answer "are you...?" only with the question's own word or a yes or
    # no word after them ("i am safe", "we are ok"), never with another ("i am scared")
    copulas: list[Phrase] = []
    preferring: list[Phrase] = []  # "i would prefer mornings": the modal is no yes
    # "have" with a thing after it is owning it: a yes only to a question of having ("i have kids"
    # does not answer "are you pregnant?"); a participle after it still answers ("i have had")
    possession: list[Phrase] = []
    participles: list[Phrase] = []
    participle_endings: list[Phrase] = []
    question_subjects: list[Phrase] = []  # "have you had...?": "have" before the question's subject
    animals: list[Phrase] = []  # "just me and the cat": a pet is not an option left unnamed
    joined_on: list[Phrase] = []  # "alone with my daughter": a person joined on to "alone"
    # after "never", what came of something begun: "never finished it" says it was begun
    begun: list[Phrase] = []
    # "the one who told me", "no one", "this one": "one" as a pronoun is no number
    pronoun_one_before: list[Phrase] = []
    pronoun_one_after: list[Phrase] = []
    relative_pronouns: list[Phrase] = []  # "..., which is a lot": not a question asked back mid-answer
    # "cant stop drinking", "cant stop worrying": the thing goes on; no negation of what follows
    not_negators: list[Phrase] = []
    # a negation does not reach past these: a statement opened after it ("not about me its my daughter")
    negation_stops: list[Phrase] = []
    # giving-up verbs among the negators ("quit school"): with no object after them ("when i quit i
    # had a seizure", "i quit and had a seizure") they deny nothing that follows
    giving_up: list[Phrase] = []
    # after a joiner, these open a statement of their own that a negation before does not reach
    # ("we havent been careful and im late": the lateness is not denied)
    joined_openers: list[Phrase] = []
    duration_leads: list[Phrase] = []  # "clean for 6 days": how long use has stopped, not how often
    # "unsafe" to "are you safe?" is "not safe": one of these before a word of the question's
    # options, where the whole word is not one the reader knows ("unsure" is)
    negating_prefixes: list[Phrase] = []
    # a condition that only says the question's own "if you needed to" again ("if needed")
    empty_conditions: list[Phrase] = []
    # after a second amount, the most it comes to: "two glasses, three on a rough day" is 2 to 3
    peak_markers: list[Phrase] = []
    # "8ish", "fortyish": about that number, read as the number with the suffix as a word beside it
    approximate_suffixes: list[Phrase] = []
    approximate_leads: list[Phrase] = []  # "about 65": a year either side, at an age
    degree_words: list[Phrase] = []
    comparatives: list[Phrase] = []
    # "varies a lot", "changes so much": how much after these is not an amount; read as the verb alone
    varying: list[Phrase] = []
    # at the end of an answer, after other words, these stress what was said ("id lose my job for
    # sure"), not a yes of their own; dropped before reading. Alone ("for sure") they are a yes
    trailing_emphasis: list[Phrase] = []
    # words before one of those that leave it a yes ("oh definitely", "id say for sure")
    stress_leads: list[Phrase] = []
    # set phrases whose words mean something else alone: "down" in "coming down" is not feeling down
    compounds: list[Phrase] = []
    # a negation before one of these and someone ("i never see him drink", "dont notice her using")
    # is of what the writer sees, not an answer of none
    witnessing: list[Phrase] = []
    # to "are you safe?" these anywhere make the yes a doubt: "safe for now", "safe i guess"
    doubts: list[Phrase] = []
    limiters: list[Phrase]
    # "I can", "he does": a subject and an auxiliary answer yes; with a negator, no
    subjects: list[Phrase]
    auxiliaries: list[Phrase]
    # words that join two numbers into a range: "3 or 4", "3 to 4"
    range_words: list[Phrase]
    # opening the last clause, what the answer comes to after the story before it ("..., so maybe")
    conclusions: list[Phrase] = []
    through: list[Phrase]
    bounds: Bounds
    every: list[Phrase]
    one: list[Phrase]
    joiners: list[Phrase]
    exceptions: list[Phrase]
    every_option: list[Phrase] = []
    highlights: list[Phrase] = []
    only_words: list[Phrase] = []
    nothing_words: list[Phrase] = []
    amount_words: list[Phrase] = []
    unknown_objects: list[Phrase] = []
    conversion_leads: list[Phrase] = []
    softeners: list[Phrase]
    denial_tails: list[Phrase]
    # how someone is now, not when something happened: "a few weeks ago, but I'm ok now"
    states: list[Phrase] = []
    # words that point at what an answer is about: "for my son", "its about me"
    pointers: list[Phrase] = []
    # after "I don't know", a question it is part of: "I don't know what to do" is not "not sure"
    embedded_questions: list[Phrase] = []
    # "not a day without it": the word for without, which a negation before it turns into every day
    without: list[Phrase] = []
    # a day without, said by what is skipped ("miss", "days off"): denied, it is every day
    absences: list[Phrase] = []
    # what is skipped, besides a day, that says a day without: "never misses a dose"
    absence_objects: list[Phrase] = []
    # what is done every day ("get out of bed"): not doing it without something is every day
    daily_acts: list[Phrase] = []
    # "my son made me do this", "my mom sent me": the one typing is who was made or sent
    causatives: list[Phrase] = []
    # between a sober count and "today", these say the count ended ("clean 2 days then drank today")
    sober_turns: list[Phrase] = []
    # the first is how option words are written ("my dad"); the others say the same of someone
    # else ("his dad", "her mom"), so an answer for another person is read with the same words
    possessives: list[Phrase] = []
    # the same for "myself": "by myself" in an option's words also reads "by himself", in the
    # possessives' order ("his", "himself")
    reflexives: list[Phrase] = []
    # "every other weekend", "every second friday": half as often
    alternate: list[Phrase] = []
    # "once in the last month", "twice over the past week": a count in a period is a rate
    within: list[Phrase] = []
    # corrections that need no comma or dash before them: "3 days no wait 5"
    bare_corrections: list[Phrase] = []
    correction_additions: list[Phrase] = []
    # a question asked back ("does that count?"): the answer is not taken, the question is asked again
    asking_back: list[Phrase] = []
    asking_openers: list[Phrase] = []
    asking_verbs: list[Phrase] = []
    question_openers: list[Phrase] = []
    # after "a" and a number, what holds that many drinks ("a 12 pack"); any other word after
    # them, or none, and the number names what is drunk ("a 40", "a 24 oz can"): asked
    count_holders: list[Phrase] = []
    # what joins a list a negation denies whole: "no meth, coke or weed"
    alternatives: list[Phrase] = []
    # a question by its shape anywhere in an answer: a question word, a helping verb, a subject
    # ("she took pills what should i do"): not an answer, whatever else it says
    question_words: list[Phrase] = []
    question_verbs: list[Phrase] = []
    asked_subjects: list[Phrase] = []
    # who else an answer can be about: "my roommate smokes weed, not me" names weed of the
    # roommate. `relations` are people ("dad", "roommate"), `third_persons` the pronouns for
    # someone else, `self_subjects` the answering person's own; `shared` says it is both of them
    # ("we both drink"); `perceives` turns to the person again ("my wife thinks i drink too much")
    relations: list[Phrase] = []
    third_persons: list[Phrase] = []
    self_subjects: list[Phrase] = []
    # "i want him to stop": an option's words after one of `wishing`, one of `wished` and "to" are
    # what someone wants of another, not an answer of theirs
    wishing: list[Phrase] = []
    wished: list[Phrase] = []
    # a list item that says how a named thing is had, not a thing of its own ("xanax, prescribed")
    asides: list[Phrase] = []
    shared: list[Phrase] = []
    perceives: list[Phrase] = []
    determiners: list[Phrase] = []
    # between someone and a thing of theirs: "my kids from school", "his job at the plant"
    belonging: list[Phrase] = []
    # numbers that are not the amount asked: "after my 12 hour shift", "20 bucks", "6 foot 4"
    # (a word after or before the number), and ages ("shes 72 and has 3 glasses": words before it)
    not_amounts: list[Phrase] = []
    # after a number and a unit of time, what the length is of: "a 28 day program" is no count of days
    measured: list[Phrase] = []
    age_leads: list[Phrase] = []
    # after a number, a time to come: "65 in march" is 64 now
    future_after: list[Phrase] = []
    # beside a denied age, a time it will be reached or a "quite": "not 18 till june", "not quite 65"
    # (one less now)
    not_yet: list[Phrase] = []
    age_reached: list[Phrase] = []
    either_year_after: list[Phrase] = []  # "65 this year": 64 or 65, the birthday may be still to come
    # an amount for a period, not a day ("20 beers a week"): the drinking days it spans (0: unknown)
    totals: dict[Phrase, Annotated[int, Field(ge=0)]] = {}
    # words that say no by themselves, so a negation before them says yes: "not impossible"
    negative_words: list[Phrase] = []
    # "no" before a thing: "no seizures" says there are none, not no to the question
    no_determiners: list[Phrase] = []
    label_prefixes: list[Phrase]
    # a phrase led by a verb form ending in a key ("seeing things") is also read with that ending
    # replaced by each of its forms ("see things", "sees things"; "shaking" -> "shake", "shakes")
    verb_forms: dict[Phrase, list[str]] = {}
    # a past-tense word that is also a present contraction without its apostrophe ("were": "we're"),
    # read as the present where it opens its clause
    apostrophe_dropped: list[Phrase] = []
    # a contraction in an option's words, as people also write it out ("hes my son": "he is my son")
    written_out: dict[Phrase, Phrase] = {}
    # an option phrase led by one of these ("very confused") is read led by any of the others
    degree_leads: list[Phrase] = []
    leading_no: list[Phrase]
    corrections: list[Phrase]
    dash_corrections: list[Phrase]
    past_markers: list[Phrase]
    # option words that are also measures or things, not what they name when used as one:
    # "a glass or two", "two glasses of wine", "on ice", "ice cream"
    measures: list[Phrase] = []
    measure_leads: list[Phrase] = []
    measure_tails: list[Phrase] = []
    # markers that lead what follows them ("i drink wine used to smoke weed"), not their whole clause
    past_leads: list[Phrase] = []
    # a clause that speaks of now is never one about the past ("depressed years ago and still am")
    present_markers: list[Phrase] = []
    # a clause that points back at the one before it ("hopeless after my divorce, but that was years ago")
    past_refers_back: list[Phrase] = []
    # words that, opening a clause, turn the one before it into the past ("every day for years, now weekends")
    now_openers: list[Phrase] = []
    # before a time, words that say it goes on from then ("every day since 2019", "from 2015 on")
    since: list[Phrase] = []
    # words that say something ended then, and so how it is now ("quit a while back")
    ended: list[Phrase] = []
    # verbs of a clause told in the past, which a later clause about now replaces ("was daily, lately weekends")
    past_tense: list[Phrase] = []
    # words that add to what was said rather than replace it ("and now xanax too")
    also: list[Phrase] = []
    # at a check ("Just to check. Age: 18 to 64. Is that right?"), words that say the reading is
    # right or wrong without a yes or no ("correct", "spot on", "wrong"). `check_subjects` may
    # stand before them ("thats right", "sounds about right"), and a negator just before one turns
    # it round ("thats not right", "not wrong"); `check_after_subject` say it only after a subject
    # ("thats it", "thats him"), as "it" alone says nothing
    # a container counted ("two bottles of wine") or a part of one ("half a fifth"): `parts` and
    # the word between a count and what it counts ("a couple of six packs")
    parts: dict[Phrase, Annotated[float, Field(gt=0, le=1)]] = {}
    partitives: list[Phrase] = []
    # words that join two numbers into an amount, never two option numbers: "2 or 3 beers"
    amount_joins: list[Phrase] = []
    option_places: dict[Phrase, Annotated[int, Field(ge=-1)]] = {}
    option_words: list[Phrase] = []
    pointing: list[Phrase] = []
    check_right: list[Phrase] = []
    check_wrong: list[Phrase] = []
    check_after_subject: list[Phrase] = []
    check_subjects: list[Phrase] = []
    check_leads: list[Phrase] = []
    # a number said without one, before a unit ("the past *few* weeks")
    some: list[Phrase] = []
    # an amount said without a number ("and some shots", "plus a bunch of beers")
    some_amount: list[Phrase] = []
    event_verbs: list[Phrase]
    time_prepositions: list[Phrase]
    verb_endings: list[Phrase]
    plural_endings: list[Phrase]
    not_plurals: list[Phrase] = []  # "this", "was": a plural's ending, not a plural
    numbers: dict[Phrase, int]
    tens: dict[Phrase, int]
    weekdays: Annotated[list[list[Phrase]], Field(min_length=7, max_length=7)]
    weekend: list[Phrase]
    weekdays_all: list[Phrase]
    units: Units
    # "every", "each", "a", "per": a count of times in a period
    per: list[Phrase]
    # "once in two months", "twice in 3 weeks": a count spread over a number of periods
    spread: list[Phrase] = []
    # "one day off", "weekends off": days a week not drinking or using
    off_words: list[Phrase] = []
    # said just before days named, they are days without: "stops for the weekend", "dry on sundays"
    pause_leads: list[Phrase] = []
    times: dict[Phrase, int]
    # "but nothing else": only what was said, not a playing down of it ("but nothing like that")
    nothing_else: list[Phrase] = []
    # a negated auxiliary on its own after a pronoun, ending a later clause, takes back what was
    # said ("i want to quit and i dont"); not an inability ("i cant")
    taking_back: list[Phrase] = []
    # opening a clause, going on with something: "quit the pills, keep the weed" is partly
    going_on: list[Phrase] = []
    # how much of something is done ("full time"): beside another thing said, they say how much of it
    extents: list[Phrase] = []
    # verbs of opinion a negation passes through ("i dont think i need to quit" denies the quitting)
    opinion_verbs: list[Phrase] = []
    # phrases that mean a rate, in times a week: "every day" 7, "most nights" [5, 6]
    frequencies: dict[Phrase, Span | float]
    # phrases that mean a count: "a couple" [2, 3], "too many to count" [5, inf]
    counts: dict[Phrase, Span | float]
    # a share of the amount said before them: "a 12 pack on a bad night, usually half that" is 6
    share_of_that: dict[Phrase, float] = {}
    # before a length of time, the amount said first is spread over it: "a handle lasts me 3 days"
    lasts: list[Phrase] = []
    # before a length of time, after times a period: "twice a year for the last five years" is 10
    over_a_length: list[Phrase] = []
    # phrases that mean a time ago, in days: "today" 0, "last night" 1
    times_ago: dict[Phrase, Span | float]
    ago: list[Phrase]
    last: list[Phrase]
    # ages: decades ("forties"), "early", "mid", "late", "years old"
    decades: dict[Phrase, int]
    decade_parts: dict[Phrase, Span]
    ages: dict[Phrase, Span]
    age_units: list[Phrase]
    # a year of birth after one of these is an age: "born in 1951", "dob 1990"
    born: list[Phrase] = []
    # a school year as an age: "8th grade", "grade 10", "a junior in high school"
    school: SchoolYears | None = None
    # texting and common misspellings, read as the word meant before anything else ("nite", "alot")
    spellings: dict[Phrase, Phrase] = {}
    # two negations that cancel, read as what they say ("never not" is "always")
    cancelling: dict[Phrase, Phrase] = {}
    # "havent touched them since january", "has not taken a pain pill since 2019": use denied since a
    # time is stopped since then, read as `stopped_since_means` (at questions of how often)
    stopped_since: StoppedSince | None = None
    # "not every day but close": a thing denied, then said to be near, is almost that thing; these
    # are the words that say near, read after "but" ("not daily but nearly" is "almost daily")
    near_after_denial: list[Phrase] = []
    near_means: Phrase = ""
    # an age after these is one something happened at ("since i was 14"), not the age now
    past_be: list[Phrase] = []
    # an age, then one of these and a time, is one to come ("65 in two weeks": 64 now)
    future_leads: list[Phrase] = []
    # "not a day goes by (that i dont...)": denying the exception, then the thing, says every time:
    # the phrase is read as `every_time_means` and the negation after it as its word without the not
    every_time: list[Phrase] = []
    every_time_means: Phrase = ""
    unnegated: dict[Phrase, str] = {}
    interface: Interface


def path_for(dialog_file: str | Path, locale: str) -> Path:
    """The language file of a dialog: beside it first, else the shipped one."""
    beside = Path(dialog_file).resolve().parent / "language" / f"{locale}.yaml"
    return beside if beside.is_file() else LANGUAGE_DIR / f"{locale}.yaml"


def load(dialog_file: str | Path, locale: str, locale_line: int = 1) -> Language:
    """Read and check the language file for a dialog; FileProblems names file and line."""
    path = path_for(dialog_file, locale)
    if not path.is_file():
        raise FileProblems([Problem(yamlsource.display_name(dialog_file), locale_line, "dialog",
                                    f"no language file for locale '{locale}': add language/{locale}.yaml"
                                    " beside the dialog (copy dialogs/language/en.yaml and translate it)")])
    source = yamlsource.read(path, "language file")
    lang = yamlsource.model_from(source, Language, "a language file must be a mapping with keys such as"
                                 " 'yes', 'no' and 'negators'", lambda loc: str(loc[0]) if loc else "")
    problems = list(check(lang, source))
    if problems:
        raise FileProblems(problems)
    return lang


def check(lang: Language, source: Source) -> Iterator[Problem]:
    """Spans run low to high; no phrase is both yes and no."""
    for key in ("frequencies", "counts", "times_ago", "decade_parts", "ages"):
        for phrase, span in getattr(lang, key).items():
            if isinstance(span, tuple) and span[0] > span[1]:
                yield Problem(source.file, source.line((key, phrase)), key,
                              f"'{phrase}' runs from {span[0]:g} down to {span[1]:g}; write the low value first")
    for word, meant in lang.spellings.items():
        if len(word.split()) != 1 or word == meant:
            yield Problem(source.file, source.line(("spellings", word)), "spellings",
                          f"'{word}': a spelling is one word read as another word or phrase")
    both = set(lang.yes) & set(lang.no)
    for phrase in sorted(both):
        yield Problem(source.file, source.line(("no",)), "no", f"'{phrase}' is listed under both yes and no")
