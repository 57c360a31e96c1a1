"""What people really type, read by structure: the readings that moved care in version 1
are now read right or asked about, every reading is shown back, and decision-critical
readings from free words are confirmed before the intake goes on."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatbot.answers import Parsed
from chatbot.engine import Engine, Session, Turn
from chatbot.spec import UNKNOWN
from chatbot.summary import result_text
from natural_intakes import NATURAL


def read(engine: Engine, qid: str, text: str, other: bool = False) -> Parsed:
    return engine.parser.parse(engine.dialog.questions[qid], text, other=other)


@pytest.mark.parametrize("qid, typed, not_read_as", [
    ("safety_now", "not safe", "safe"),
    ("safety_now", "i dont feel safe", "safe"),
    ("safety_now", "no", "safe"),
    ("stay_clean_home", "probably not honestly", "yes"),
    ("readiness", "i dont want to stop", "stop"),
    ("support_groups", "not AA", "twelve_step"),
    ("support_groups", "anything but 12 step", "twelve_step"),
    ("suicidal_thoughts", "not right now", "recent"),
    ("suicidal_thoughts", "not right now", "now"),
])
def test_a_negated_mention_never_selects_its_option(engine: Engine, qid: str, typed: str, not_read_as: str) -> None:
    assert read(engine, qid, typed).value != not_read_as


@pytest.mark.parametrize("qid, typed, absent", [
    ("home", "i dont live alone, i live with my wife", "alone"),
    ("home", "no drugs in the house, i live with my mom who supports me", "substances_at_home"),
    ("mental_health", "he seems depressed and paranoid", "voices"),
    ("withdrawal_signs", "no seizures but i get the shakes", "seizure"),
])
def test_several_choices_keep_what_was_said_and_drop_what_was_denied(engine: Engine, qid: str, typed: str,
                                                                      absent: str) -> None:
    parsed = read(engine, qid, typed)
    assert absent not in (parsed.value or ()) and absent not in parsed.partial


def test_safety_no_shows_the_help_numbers_and_asks_which_no(engine: Engine) -> None:
    for typed in ("no", "not safe", "i dont feel safe", "not really", "not ok",
                  "my wife says im not safe but im ok"):
        parsed = read(engine, "safety_now", typed)
        assert parsed.value is None
        assert "988" in parsed.reask and "911" in parsed.reask  # type: ignore[operator]
        assert "2. No. I am thinking about ending my life" in parsed.reask  # type: ignore[operator]


@pytest.mark.parametrize("typed, band", [
    ("52", "adult"), ("im 52", "adult"), ("he's 19", "adult"), ("70", "over_65"), ("early 20s", "adult"),
    ("sixty two", "adult"), ("in his 40s", "adult"), ("shes 15", "under_18"), ("67 years old", "over_65"),
])
def test_typed_ages_fall_in_their_band(engine: Engine, typed: str, band: str) -> None:
    parsed = read(engine, "age_group", typed)
    assert parsed.value == band and parsed.inferred


def test_a_bare_digit_stays_an_option_number(engine: Engine) -> None:
    assert read(engine, "age_group", "3").value == "over_65"
    assert read(engine, "withdrawal_times", "2").value == "many"     # option 2, not "twice"
    assert read(engine, "withdrawal_times", "2 times").value == "few"  # a number with a unit is a value


def test_an_age_that_spans_two_bands_is_asked_about(engine: Engine) -> None:
    parsed = read(engine, "age_group", "late teens")
    assert parsed.value is None and "17 or younger" in parsed.reask and "18 to 64" in parsed.reask  # type: ignore[operator]


@pytest.mark.parametrize("typed, days", [
    ("every single day", 7), ("3 or 4 times a week", 4), ("most nights", 6), ("twice a month", 0),
    ("monday to friday", 5), ("every day but sunday", 6), ("weekends", 2), ("fridays and saturdays", 2),
    ("5 nights a week", 5), ("not quite every day", 6), ("every other day", 4), ("once a week", 1),
])
def test_days_a_week_from_how_people_say_it(engine: Engine, typed: str, days: int) -> None:
    assert read(engine, "alcohol_days", typed).value == days


def test_a_negated_frequency_asks_how_many(engine: Engine) -> None:
    parsed = read(engine, "alcohol_days", "i dont drink every day")
    assert parsed.value is None and "not 7 days a week" in parsed.reask  # type: ignore[operator]


@pytest.mark.parametrize("qid, typed, option", [
    ("opioid_freq", "every single day", "daily"), ("opioid_freq", "3 or 4 times a week", "weekly"),
    ("benzo_freq", "twice a month", "less"), ("other_freq", "most weekends", "weekly"),
    ("last_use", "last friday", "week"), ("last_use", "2 months ago", "longer"), ("last_use", "this morning", "today"),
    ("last_use", "3 weeks ago", "month"), ("withdrawal_times", "more times than i can count", "many"),
])
def test_values_fall_in_the_option_whose_range_holds_them(engine: Engine, qid: str, typed: str, option: str) -> None:
    assert read(engine, qid, typed).value == option


def test_stopped_but_back_on_them_is_asked_not_read_as_stopped(engine: Engine) -> None:
    assert read(engine, "benzo_freq", "i stopped but im back on them").value is None


def test_pills_gets_a_question_naming_the_kinds_and_keeps_the_rest(engine: Engine, session: Session) -> None:
    parsed = read(engine, "substances", "beer and pills")
    assert parsed.value is None and parsed.partial == ("alcohol",)
    for label in ("Benzos", "Opioids", "Something else"):
        assert label in parsed.reask  # type: ignore[operator]
    walk(session, "1", "me", "2")
    turn = session.answer("beer and pills")
    assert turn.kind == "reask" and turn.ticked == ("alcohol",)
    turn = session.answer("pain pills")
    assert session.answers["substances"] == ("alcohol", "opioids")


@pytest.mark.parametrize("qid, typed, unsure", [
    ("stay_clean_home", "not sure", "unsure"), ("stay_clean_home", "i dont know honestly", "unsure"),
    ("medication_open", "maybe", "unsure"), ("insurance", "no idea", "unsure"),
])
def test_not_sure_is_the_unsure_option_never_yes_or_no(engine: Engine, qid: str, typed: str, unsure: str) -> None:
    assert read(engine, qid, typed).value == unsure


def test_not_sure_with_no_unsure_option_asks_for_oneself_and_is_unknown_for_someone_else(engine: Engine) -> None:
    assert read(engine, "serious_illness", "i dont know").value is None
    assert read(engine, "serious_illness", "i dont know, she wont see a doctor", other=True).value == UNKNOWN
    assert read(engine, "alcohol_days", "no idea, he hides it", other=True).value == UNKNOWN


def walk(session: Session, *answers: str) -> Turn:
    turn = session.turn
    for a in answers:
        turn = session.answer(a)
    return turn


def test_a_critical_reading_from_free_words_is_confirmed_before_going_on(session: Session) -> None:
    turn = walk(session, "1", "me", "2", "beer", "pretty much every night")
    assert turn.kind == "confirm" and turn.question is not None and turn.question.id == "alcohol_days"
    assert "7 days a week" in (turn.confirm or "")
    assert "alcohol_days" not in session.answers
    turn = session.answer("yes")
    assert session.answers["alcohol_days"] == 7 and turn.understood == "Got it: 7 days a week."


def test_no_at_a_confirm_asks_the_question_again_and_new_words_are_a_new_answer(session: Session) -> None:
    walk(session, "1", "me", "2", "beer", "pretty much every night")
    turn = session.answer("no")
    assert turn.kind == "question" and turn.question.id == "alcohol_days" and "alcohol_days" not in session.answers
    walk(session, "pretty much every night")
    turn = session.answer("no, 4 days")
    assert turn.kind == "confirm" and "4 days a week" in (turn.confirm or "")


def test_a_number_or_exact_words_need_no_confirmation(session: Session) -> None:
    turn = walk(session, "1", "me", "2", "beer", "every day")
    assert turn.kind == "question" and session.answers["alcohol_days"] == 7


def test_back_at_a_confirm_returns_to_the_question(session: Session) -> None:
    walk(session, "1", "me", "2", "beer", "pretty much every night")
    turn = session.back()
    assert turn.kind == "question" and turn.question.id == "alcohol_days" and session.pending is None


def test_an_unknown_that_could_raise_the_level_is_named_in_the_summary(engine: Engine) -> None:
    session = engine.session()
    walk(session, "1", "my son", "2", "beer", "i dont know, he hides it")
    assert session.answers["alcohol_days"] == UNKNOWN
    for a in ["no", "no", "none", "no", "never", "supportive family", "yes", "yes", "work", "yes", "no",
              "through work", "stop", "no preference"]:
        turn = session.answer(a)
        if turn.kind == "confirm":
            turn = session.answer("yes")
    assert turn.kind == "result" and turn.result is not None
    assert "alcohol_or_benzo_daily" not in turn.result.fired  # no rule fires on an unknown
    text = result_text(engine.dialog, turn.result)
    assert "Days a week drinking: not known. A doctor should ask" in " ".join(text.split())
    assert "Medically supervised detox" in " ".join(text.split())
    session.close()


# --- whole intakes in natural words: at most two re-asks, every reading shown before the result

@pytest.mark.parametrize("who", list(NATURAL))
def test_a_whole_intake_in_natural_words(engine: Engine, who: str) -> None:
    session = engine.session()
    turn = session.start()
    reasks, readings = 0, 0
    said_back = engine.dialog.s("understood", reading="").split(".")[0].strip()  # "Got it:"
    answers = iter(NATURAL[who])
    for _ in range(60):
        if turn.kind == "result":
            break
        turn = session.answer("yes") if turn.kind == "confirm" else session.answer(next(answers))
        reasks += turn.kind == "reask"
        readings += (turn.understood or "").count(said_back)  # "my son": pregnancy said back unasked
    assert turn.kind == "result", (who, turn)
    assert reasks <= 2, who
    # every answer was said back as a reading (the last one on the result turn)
    assert readings == len(session.path)
    session.close()


# --- no answer, however it is put together, breaks the reader

CUES = ["not", "no", "never", "dont", "every", "day", "days", "a", "week", "month", "ago", "last", "3", "4", "or",
        "to", "twice", "many", "more", "than", "at", "least", "but", "except", "monday", "friday", "weekends",
        "maybe", "sure", "yes", "im", "52", "40s", "early", "he", "could", "if", "kinda", "pills", "beer", "none",
        "nothing", "unknown", "0", "7", "99999", "1.5", "-", ",", "?", "late", "teens", "several", "times"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(CUES), min_size=1, max_size=12), other=st.booleans())
def test_any_mix_of_cue_words_gives_a_reading_or_a_question(engine: Engine, words: list[str], other: bool) -> None:
    text = " ".join(words)
    for question in engine.dialog.spec.questions:
        parsed = engine.parser.parse(question, text, other=other)
        assert (parsed.value is None) != (parsed.reask is None), (question.id, text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lead=st.sampled_from(["", "honestly ", "um ", "well ", "to be honest "]),
       denial=st.sampled_from(["not", "i dont feel", "im not", "i am not", "not really", "no not", "never",
                               "i dont think im", "i wouldnt say im", "no im not"]),
       state=st.sampled_from(["safe", "ok", "fine", "alright", "safe right now", "safe at home"]),
       tail=st.sampled_from(["", " right now", " at all", " here", ", sorry", " tbh"]))
def test_a_denied_safety_is_never_read_as_safe(engine: Engine, lead: str, denial: str, state: str,
                                                tail: str) -> None:
    parsed = read(engine, "safety_now", f"{lead}{denial} {state}{tail}")
    assert parsed.value != "safe"


@pytest.mark.parametrize("qid, typed", [
    ("pregnant", "no, but shes been sick in the mornings a lot"),
    ("time_off", "yes but my boss might not like it"),
    ("benzo_freq", "i stopped but im back on them"),
])
def test_a_later_clause_that_changes_the_answer_is_asked_about(engine: Engine, qid: str, typed: str) -> None:
    assert read(engine, qid, typed).value is None


def test_a_word_that_could_mean_several_is_settled_by_the_rest(engine: Engine) -> None:
    parsed = read(engine, "substances", "pills, she says xanax", other=True)
    assert parsed.value == ("benzos",) and parsed.inferred  # so it is confirmed before it counts


def test_not_knowing_the_rest_keeps_what_was_understood(engine: Engine) -> None:
    session = engine.session()
    walk(session, "1", "my son", "2")
    turn = session.answer("beer and pills")
    assert turn.kind == "reask" and turn.ticked == ("alcohol",)
    turn = session.answer("i dont know, he hides it")
    if turn.kind == "confirm":
        assert "Alcohol" in (turn.confirm or "")
        turn = session.answer("yes")
    assert session.answers["substances"] == ("alcohol",)
    session.close()


# Reading classes of round 10 (on tuning10), of the walks through the worked examples, and of
# the walk as a parent in the app: sentences written for the class, not taken from a corpus.
READINGS_BY_CLASS = [
    # option words said of someone else select nothing; the person's own part is read
    ("substances", "wine, my brother is the one on pills not me", False, ("alcohol",)),
    ("withdrawal_signs", "my mom had seizures when she quit, i just sweat", False, ("shakes",)),
    ("serious_illness", "my husband has liver disease, i dont", False, "no"),
    ("substances", "she drinks, her boyfriend deals meth", True, ("alcohol",)),
    ("obligations", "3 kids at home and my wife works", False, ("children",)),
    # ... unless the option is about the household, or it is both of them
    ("home", "my roommate drinks and keeps vodka in the freezer", False, ("someone_uses", "substances_at_home")),
    ("substances", "my wife thinks i drink too much", False, ("alcohol",)),
    # a negative word denied is a yes, alone a no
    ("pregnant", "its not impossible", False, "yes"),
    ("pregnant", "very unlikely", False, "no"),
    # "i dont" answers whatever the question asked with
    ("serious_illness", "i dont", False, "no"),
    # numbers that are not the answer: a time, money, a height, an age, a year
    ("alcohol_drinks", "6 cans after a 10 hour shift", False, 6),
    ("alcohol_drinks", "hes 58 and has 9 or 10 beers a night", True, 10),
    ("withdrawal_times", "once, back in 2016", False, "few"),
    # a time to come: "65 in june" is 64 now; "6 weeks ago" is six weeks
    ("age_group", "65 in june", False, "adult"),
    ("age_group", "im 38 and my daughter is 15", False, "adult"),
    ("last_use", "7 weeks ago", False, "longer"),
    # the past gives way to now; a correction after "no" is the answer
    ("alcohol_days", "used to be daily, these days 3 or 4", False, 4),
    ("alcohol_days", "5, no 6", False, 6),
    ("alcohol_days", "3 days a week, usually before dinner", False, 3),
    # found walking the worked examples in own words: swearing is emphasis, "or so" is about,
    # "would be good" is a yes, indifference picks "no preference", people are not unnamed options
    ("alcohol_days", "every damn day", False, 7),
    ("alcohol_drinks", "probably 12 or so", False, 12),
    ("evening", "after work would be great", False, "yes"),
    ("support_groups", "dont care either way", False, "no_preference"),
    ("home", "husband and three kids, hes supportive", False, ("supportive",)),
    # found walking a parent for a son in the app: "no" before a thing the question is not about
    # answers nothing; "no problem(s)" where the question asks about a problem is a no
    ("other_freq", "no seizures", True, None),
    ("alcohol_drinks", "beer, no hard liquor", False, None),
    ("serious_illness", "no problems", False, "no"),
    ("serious_illness", "no problem", False, "no"),
    ("time_off", "no problem", False, "yes"),
    ("opioid_freq", "no opioids now", False, "stopped"),
    # round 11 (on tuning11, answers with a story): something lost or quit is not had; Spanish
    # words; a total for the weekend is spread over its days; someone's school is theirs; the
    # one typing for someone else is not that person; hours are not option numbers
    ("obligations", "nothing since i got laid off from the plant", False, ("none",)),
    ("insurance", "none, lost my job in april", False, "none"),
    ("substances", "cervezas and some weed", False, ("alcohol", "cannabis")),
    ("last_use", "hoy in the morning", False, "today"),
    ("alcohol_drinks", "a 24 pack over the weekend, friday and saturday", False, 12),
    ("obligations", "i drive a bus and then get my daughter from school", False, ("work", "children")),
    ("obligations", "my mom watches her kids while i work", True, ("children",)),
    ("obligations", "my shift is 7 to 3 at the hospital", False, ("work",)),
    ("age_group", "well im 71 now, my shift used to be 7 to 3", False, "over_65"),  # the clock is not an age
    # a past said to be over, before or after the option, or pointed back at ("but that was"),
    # gives way to now: at several-choice questions too, but not where the past is the answer
    ("mental_health", "I felt hopeless after my divorce but that was 15 years ago, im fine now", False, ("none",)),
    ("mental_health", "depressed back in college, these days just worried a lot", False, ("anxiety",)),
    ("mental_health", "anxiety, and i was depressed years ago but not now", False, ("anxiety",)),
    ("mental_health", "depressed years ago and still am", False, ("depression",)),
    ("substances", "heroin back in 2015, now just weed", False, ("cannabis",)),
    ("substances", "i drink wine used to smoke weed", False, ("alcohol",)),
    ("treatment_history", "counseling a few years back really helped", False, ("helped",)),
    ("alcohol_days", "i drank every day for 2 years, now weekends", False, 2),
    ("alcohol_days", "every day, now and then more", False, 7),
    # round 12 (on tuning12, answers about the past and now): a past that goes on is now ("since
    # 2019", "never stopped"); a past something comes from is not over; "quit a while back" tells
    # how it is now; now in a clause that turns against the one before; a time of life; not since
    ("alcohol_days", "every day since 2019", False, 7),
    ("substances", "started on pain pills in high school and never stopped, and xanax now too", False,
     ("opioids", "benzos")),
    ("mental_health", "flashbacks from when i was a kid, and i feel hopeless a lot of days", False,
     ("trauma", "depression")),
    ("other_freq", "quit a while back", False, "stopped"),
    ("age_group", "started drinking at 15 but im 34 now", False, "adult"),
    ("benzo_freq", "weekends only now, when he was married it was every day", True, "weekly"),
    ("mental_health", "used to hear voices when i was on meth, not since i quit", False, ("none",)),
    ("suicidal_thoughts", "no. years ago when i was a teenager, but not lately", False, "no"),
    # a clause told in the past gives way to one that speaks of now, in either order ("clean since
    # june" says now: it was asked about before round 12; the corpus's readers take it as stopped)
    ("opioid_freq", "used every day for years, clean since june", True, "stopped"),
    ("serious_illness", "he had pneumonia last winter, lungs are fine now", True, None),  # asked, not yes
    ("alcohol_days", "since he moved back with us maybe 2 nights, in texas it was every night", True, 2),
    ("substances", "my wife took painkillers after her surgery years ago", True, None),
    ("serious_illness", "i had a heart attack 2 years ago", False, "yes"),  # where the past is the answer
    ("obligations", "im in college", False, ("school",)),
    # found walking a parent for a son in `intake chat --plain`: "started" tells the past too
    ("age_group", "hes 19 now, started using at 15", True, "adult"),
    # found in the kiosk: "a glass or two" of wine was read as glass, slang for meth; a word that
    # is also a measure or a thing is not the option when used as one
    ("substances", "wine, a glass or two, used to be vodka every night", False, ("alcohol",)),
    ("substances", "whiskey on ice mostly", False, ("alcohol",)),
    ("substances", "just ice", False, ("meth",)),
    ("substances", "smokes glass", False, ("meth",)),
    # this round, found walking a grandmother for a grandson: a subject saying it is not sure
    # ("i am not sure", "we have no idea") was read as a yes and a no, and asked again; "have"
    # with a thing after it owns the thing, which answers only a question of having
    ("time_off", "i am not sure", True, "unknown"),
    ("other_freq", "i have no idea", True, "unknown"),
    ("stay_clean_home", "honestly i have no clue", False, "unsure"),
    ("time_off", "i can, not sure when", False, None),  # a yes, then a doubt: asked
    ("other_freq", "i have no idea what she does at night", True, "unknown"),  # what follows it is the reason
    ("pregnant", "i have kids", False, None),
    ("suicidal_thoughts", "no, i have too much to live for", False, "no"),
    ("suicidal_thoughts", "no, i have had thoughts", False, None),
    ("serious_illness", "i have diabetes", False, "yes"),
    # ... and the person it is for, named by a pronoun
    ("for_whom", "yes for him, Jayden", False, "other"),
    ("for_whom", "hes 16", False, "other"),
    ("for_whom", "its for me, he doesnt know", False, "self"),
    # on tuning22: a time beside "clean" or "sober" is how long, not how often ("clean 6 days"
    # was every day); a number inside a vague how-often says which; "all week"; two numbers in a
    # row, or a second one after a comma with "occasionally", are a range; a question asked back
    # after a first clause
    ("opioid_freq", "been clean for 6 days, in detox", False, "stopped"),
    ("opioid_freq", "6 days clean", False, "stopped"),
    ("opioid_freq", "6 days a week", False, "daily"),
    ("opioid_freq", "i stopped but im back on them", False, None),
    ("alcohol_days", "most days, perhaps five", False, 5),
    ("alcohol_days", "most days, 5 beers", False, 6),
    ("alcohol_days", "all week except mondays", False, 6),
    ("alcohol_drinks", "like 10 12 beers", False, 12),
    ("alcohol_drinks", "two glasses of wine, occasionally three", False, 3),
    ("alcohol_drinks", "2 12 packs", False, None),
    # a question of one's own after the answer: the answer, put to the person ("Maybe, I want to know more")
    ("medication_open", "maybe, what does vivitrol do", False, "unsure"),
    ("serious_illness", "high blood pressure, does that count?", False, None),  # a doubt about the answer: asked
    ("withdrawal_times", "every time i try to quit, which is a lot", False, "many"),
    # "cant stop" says the thing goes on: "i cant stop drinking" was "not Alcohol"
    ("substances", "i cant stop drinking", False, ("alcohol",)),
    ("mental_health", "cant stop worrying", False, ("anxiety",)),
    ("readiness", "i think he just wants to cut back, not stop", True, "cut_down"),
    ("stay_clean_home", "no, i cant stop drinking at home", False, "no"),
    # "never" before what came of something begun is not "No, never" (walking a wife for her
    # husband: "he did detox twice, never stayed sober long" was checked as "No, never")
    ("treatment_history", "he did detox twice, never stayed sober long", True, None),
    ("treatment_history", "court ordered outpatient classes, never stopped using", False, ("outpatient_failed",)),
    ("treatment_history", "never went to rehab", True, ("never",)),
    # a pet beside an answer is not an option left unnamed ("just me and the cat" asked about "the cat")
    ("home", "just me and the cat", False, ("alone",)),
    ("obligations", "work, and the cat", False, ("work", "pets")),
    # a person joined on to "alone" is asked about ("just me and my son" was "I live alone")
    ("home", "just me and my son", False, None),
    ("home", "alone with my daughter", False, None),
    ("home", "i live alone since my wife passed", False, ("alone",)),
    ("home", "i live alone, my son visits on weekends", False, ("alone",)),
    # a roommate is not a user by being named ("my roommate" was a synonym of "someone I live with
    # drinks or uses drugs"); one who drinks still is
    ("home", "my roommate drinks every night", False, ("someone_uses",)),
    # "with me" typed for someone else is the one typing, not an option left unnamed (walking a
    # father for his son: "with me and his mom, we support him" asked about "with me")
    ("home", "with me and his mom, we support him", True, ("supportive",)),
    # "X better than Y" is X (walking a student in chat --plain: "smart sounds better than aa" was asked)
    ("support_groups", "smart sounds better than aa", False, "smart"),
    # feeling down in other words (walking a son for his mother: "cries a lot" was asked again)
    ("mental_health", "shes lonely since dad died, cries a lot", True, ("depression",)),
    # the body's signs in other forms: "tremble", "shook", "everything hurts", "things that werent there"
    ("withdrawal_signs", "I get very nervous and my hands tremble.", False, ("shakes",)),
    ("withdrawal_signs", "she saw people in the room who werent there", True, ("hallucinations",)),
]


@pytest.mark.parametrize("qid, typed, other, expected", READINGS_BY_CLASS)
def test_reading_classes(engine: Engine, qid: str, typed: str, other: bool, expected: object) -> None:
    parsed = read(engine, qid, typed, other)
    assert (set(parsed.value) == set(expected) if isinstance(expected, tuple) else parsed.value == expected), parsed


@pytest.mark.parametrize("qid, typed, other", [
    ("safety_now", "not suicidal, just want help", False),  # never "suicidal", and the help numbers are shown
    ("obligations", "used to work but i got fired", False),  # only the past, taken back
    ("opioid_break", "does urgent care count? i was there a night last week", False),  # a question back
    ("support_groups", "what is smart recovery", False),
    ("alcohol_drinks", "20 beers a week", False),  # a week's total: how many on one day?
    ("obligations", "im retired, just my wife since her surgery", False),  # none, or her?
    # only the past gives a value, or now is said in words that give none: and now?
    ("alcohol_days", "used to be every day", False),
    ("alcohol_days", "it was every day before my divorce, now idk it changes", False),
    ("obligations", "used to have a job and the kids, things are complicated now", False),
])
def test_round_10_answers_that_are_asked_about(engine: Engine, qid: str, typed: str, other: bool) -> None:
    parsed = read(engine, qid, typed, other)
    assert parsed.value is None and parsed.reask


def test_an_answer_only_about_the_past_is_asked_about_now(engine: Engine) -> None:
    """"used to be every day" was read as 7 days a week now."""
    parsed = read(engine, "alcohol_days", "used to be every day", False)
    assert parsed.value is None and parsed.reask is not None and "now" in parsed.reask


@pytest.mark.parametrize("today, typed, expected", [
    ((2026, 11, 26), "saturday", "week"),  # a Thursday: last Saturday was 5 days ago
    ((2026, 11, 26), "last friday", "week"),
    ((2026, 11, 28), "saturday", None),  # said on a Saturday: today, or a week ago? asked
    ((2026, 11, 28), "last saturday", "week"),
])
def test_a_weekday_named_is_counted_back_from_today(engine: Engine, monkeypatch: pytest.MonkeyPatch,
                                                    today: tuple[int, int, int], typed: str,
                                                    expected: str | None) -> None:
    """"saturday" at "when did you last use?" was asked about every day of the week: it may be today."""
    import datetime

    import chatbot.values

    class Day(datetime.date):
        @classmethod
        def today(cls) -> Day:
            return cls(*today)

    monkeypatch.setattr(chatbot.values, "date", Day)
    assert read(engine, "last_use", typed).value == expected


@pytest.mark.parametrize("reply, said, rest", [
    # a word that says a reading is wrong ("off") inside the answer after the "no" is the answer's:
    # it was dropped, and "no, hes been off them 5 days now" read as "hes been them 5 days now"
    ("no, hes been off them 5 days now", "no", "hes been off them 5 days now"),
    ("no hes off the pills since monday", "no", "hes off the pills since monday"),
    ("thats off, its 5", "no", "5"),  # leading the reply, it still says the reading is wrong
])
def test_a_word_of_the_check_inside_the_answer_stays_in_the_answer(engine: Engine, reply: str, said: str,
                                                                   rest: str) -> None:
    got = engine.parser.check_reply(reply)
    assert (got.said, got.rest) == (said, rest)


def test_a_correction_at_a_check_is_read_whole(engine: Engine) -> None:
    """Walking a wife for her husband: "no, hes been off them 5 days now" at "Just to check...
    Every day" was read without its "off", as every day again."""
    with engine.session() as session:
        for answer in ["yes", "for my husband", "47", "yes", "vodka and xanax", "yes", "6", "yes", "8"]:
            session.answer(answer)
        assert session.state == "benzo_freq"
        turn = session.answer("most days i guess")
        assert turn.kind == "confirm"
        turn = session.answer("no, hes been off them 5 days now")
        assert turn.kind == "confirm" and "stopped for now" in (turn.confirm or ""), turn  # put to the person


@pytest.mark.parametrize("typed, safe_listed", [
    # walking `intake chat --plain`: a doubt with a "not" in it listed only the "No" answers, so a
    # person who meant "safe, i think" could not pick it from the list
    ("i am not sure what counts as safe, im not in danger i guess", True),
    ("i dont know if im safe", True),
    ("not sure, im not safe", False),  # "not safe" said: the no answers, with the numbers
    ("no", False),
])
def test_a_doubt_at_the_safety_question_lists_every_answer_with_the_numbers(engine: Engine, typed: str,
                                                                             safe_listed: bool) -> None:
    parsed = read(engine, "safety_now", typed)
    assert parsed.value is None and "988" in (parsed.reask or "")
    assert ("safe" in parsed.shown) == safe_listed and "suicidal" in parsed.shown


def test_a_no_at_a_check_with_something_else_not_known_is_a_no(engine: Engine) -> None:
    """Walking a grandmother for her grandson: "no, the pills too, i dont know what kind" at "Just
    to check. What they use: Alcohol" was answered with "Please answer yes or no": the not
    knowing was of the kind of pills, not a doubt about the reading."""
    with engine.session() as session:
        for answer in ["yes", "my grandson", "he turned 19 in october", "yes"]:
            session.answer(answer)
        assert session.answer("beer and the hard stuff, and i found some pills").kind == "reask"  # which pills?
        session.answer("i have no idea what they were")
        assert session.pending is not None  # "Just to check. What they use: Alcohol"
        turn = session.answer("no, and the pills, i dont know which kind")
        assert turn.kind == "question" and session.pending is None  # the question again, not "yes or no?"
    assert engine.parser.check_reply("no, i dont know").said == "unsure"  # a plain doubt still asks
