"""Crisis detection by concept, and the graded response (issue 10).

The phrases here are the classes the issue names (each a member of a class the corpus
measures); what is checked is what the person sees: the crisis screen, the direct
check-in question with 988 beside it, or nothing.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from chatbot.console import run_plain
from chatbot.engine import Engine, Session

MISSED_BEFORE = {  # issue 10, "Missed, by concept"
    "hopelessness": "what's the use of going on like this",
    "burden": "I'm just dragging everyone down",
    "wish_to_die": "i wish i could go to sleep and not wake up",
    "plan_means": "I've got my dad's pistol and I'm done",
    "self_harm": "I scratched my wrists till they bled",
    "overdose": "I just took my whole bottle of sleeping pills",
    "withdrawal_danger": "he's shaking all over and talking to people who aren't there",
}
CLEAR_DANGER = ["plan_means", "overdose", "withdrawal_danger"]
FALSE_ALARMS_BEFORE = [  # issue 10, "False alarms, by class"
    "The patient denies suicidal ideation.",  # a denial as staff write it (was the crisis screen)
    "she denied overdosing",
    "my landlord is going to murder me",
    "I lost a cousin to fentanyl in 2019",
    "I want to end my lease",
    "my rent is overdue",
    "overdue",
    "suicide has never crossed my mind",
]


@pytest.mark.parametrize("concept, phrase", MISSED_BEFORE.items(), ids=list(MISSED_BEFORE))
def test_concepts_phrased_without_our_keywords_are_caught(engine: Engine, concept: str, phrase: str) -> None:
    hits = engine.detector.detect(phrase)
    assert concept in {h.concept for h in hits}
    if concept in CLEAR_DANGER:
        assert any(h.grade == "now" for h in hits), "clear danger now goes straight to the crisis screen"


@pytest.mark.parametrize("phrase", FALSE_ALARMS_BEFORE)
def test_idioms_old_events_other_topics_near_words_and_denials_raise_nothing(engine: Engine, phrase: str) -> None:
    assert engine.detector.detect(phrase) == ()


def test_a_past_attempt_is_asked_about_and_an_old_overdose_is_not(engine: Engine) -> None:
    past = engine.detector.detect("I tried to kill myself when I was 16")
    assert [h.grade for h in past] and all(h.grade == "check" for h in past)
    assert engine.detector.detect("I overdosed years ago") == ()
    assert any(h.grade == "now" for h in engine.detector.detect("I overdosed an hour ago"))


def test_a_typo_finds_a_crisis_word_but_never_turns_a_real_word_into_one(engine: Engine) -> None:
    assert engine.detector.detect("i feel sucidal")
    assert engine.detector.detect("he overdoesd") or engine.detector.detect("he overdossed")
    for everyday in ("he overdoes it on weekends", "my bill is overdue", "the police seized his car"):
        assert engine.detector.detect(everyday) == ()


def walk(session: Session, *answers: str) -> None:
    session.start()
    for a in answers:
        session.answer(a)


def test_an_indirect_signal_gets_a_direct_question_with_988_beside_it(session: Session) -> None:
    walk(session, "1", "me")
    turn = session.answer("honestly i feel like a burden to everyone")
    assert turn.kind == "check_in" and turn.check_in is not None
    assert turn.check_in.prompt == "Are you having thoughts of killing yourself right now?"
    assert any("988" in r for r in turn.check_in.resources)
    assert [o.label for o in turn.check_in.options] == ["Yes", "No", "Not sure"]


@pytest.mark.parametrize("reply", ["yes", "not sure", "no, but sometimes"])
def test_yes_or_not_sure_to_the_check_in_opens_the_crisis_screen(session: Session, reply: str) -> None:
    walk(session, "1", "me", "2")
    session.answer("nothing is ever going to get better")
    turn = session.answer(reply)
    assert turn.kind == "crisis" and turn.crisis is not None and "suicide" in turn.crisis.kinds


def test_no_to_the_check_in_goes_on_keeps_988_and_is_not_asked_twice(session: Session) -> None:
    walk(session, "1", "me", "2")                      # at "which substances"
    session.answer("beer mostly, i feel so hopeless")
    turn = session.answer("no")
    assert "988" in (turn.message or "")
    assert turn.kind == "confirm" and session.pending is not None and "alcohol" in session.pending[1].lower()
    session.answer("yes")                              # the words still count as the answer
    assert session.answers["substances"] == ("alcohol",)
    assert session.answer("every day, still hopeless").kind != "check_in"  # once per concept
    outcome = session.outcome()
    assert outcome.checked_in == ["hopelessness"]
    assert outcome.signals[0]["concept"] == "hopelessness" and "hopeless" in outcome.signals[0]["words"]


def test_words_that_raised_the_check_in_are_not_read_as_no_to_thoughts_of_ending_ones_life(
        session: Session) -> None:
    """ "sometimes i think it would be easier not to wake up" at "have you had thoughts of ending
    your life?" asked the check-in, and after its "no" was put back as "Thoughts of ending your
    life: No. Is that right?": the "not" is the wish's own. The question is asked again."""
    walk(session, "1", "me", "2", "1", "7", "10", "1", "1", "2", "2", "none of those")
    assert session.state == "suicidal_thoughts"
    assert session.answer("sometimes i think it would be easier not to wake up").kind == "check_in"
    turn = session.answer("no")
    assert turn.kind == "question" and session.state == "suicidal_thoughts" and session.pending is None
    assert "988" in (turn.message or "") and "suicidal_thoughts" not in session.answers
    session.answer("yes, a few times last week")
    session.answer("yes")
    assert session.answers["suicidal_thoughts"] == "recent"


def test_the_summary_keeps_988_after_a_check_in_answered_no(session: Session) -> None:
    walk(session, "1", "me", "2", "cannabis", "less", "no", "none", "no", "never", "family", "yes", "none",
         "private", "stop")
    assert session.turn.kind == "question"
    session.answer("what's the point of anything")
    turn = session.answer("no")
    turn = session.answer("no preference") if turn.kind != "result" else turn
    assert turn.kind == "result" and turn.result is not None
    assert any("988" in step for step in turn.result.next_steps)


def test_clear_danger_skips_the_check_in(session: Session) -> None:
    walk(session, "1", "me")
    turn = session.answer("i took all my pills an hour ago")
    assert turn.kind == "crisis"


# Whose danger: a crisis about someone else is asked about them and the person typing, so a
# "yes, I am safe" about oneself cannot close it; the person's own words keep the direct question.
FOR_A_BROTHER = ("1", "my brother", "hes 30", "yes")


def test_someone_elses_danger_is_asked_about_them_and_a_yes_about_oneself_does_not_end_it(session: Session) -> None:
    walk(session, *FOR_A_BROTHER)
    turn = session.answer("last night he told me hes going to end it, he has his gun out")
    assert turn.kind == "crisis" and turn.crisis is not None
    assert turn.crisis.prompt == "Are they safe right now, and are you?"
    assert "If they or you are in danger right now, call 911" in turn.crisis.message
    turn = session.answer("yes")
    assert turn.kind == "crisis" and "both" in turn.shown
    turn = session.answer("no, hes still got it")
    assert turn.kind == "result" and turn.result is not None and turn.result.kind == "emergency"
    assert any("If they or you are in danger" in r.text for r in turn.result.reasons)


@pytest.mark.parametrize("said, shown", [
    ("honestly some days i wish i was dead myself", "Are you having thoughts"),  # the parent's own words
    ("no reason to live anymore", "Is anyone, you or the person you told us about"),  # whose: not said
    ("he says he wishes he was dead", "Is anyone, you or the person you told us about"),
])
def test_in_an_intake_for_someone_else_the_question_follows_whose_words_they_are(
        session: Session, said: str, shown: str) -> None:
    walk(session, *FOR_A_BROTHER)
    assert session.answer(said).shown.startswith(shown)


def test_in_ones_own_intake_a_named_persons_danger_is_theirs_and_ones_own_is_ones_own(session: Session) -> None:
    walk(session, "1", "me")
    assert session.answer("my dad had a seizure an hour ago and is seeing bugs").shown.startswith("Are they safe")
    session.close()
    session.start()
    walk(session, "1", "me")
    assert session.answer("i had a seizure an hour ago and im seeing bugs").shown.startswith("Are you safe")


def plain(engine: Engine, lines: list[str], json_path: str | None = None) -> str:
    out = io.StringIO()
    run_plain(engine, json_path=json_path, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
    return out.getvalue()


def test_help_during_a_crisis_shows_every_number_and_is_not_an_answer(engine: Engine) -> None:
    text = plain(engine, ["1", "me", "i want to kill myself", "help", "yes"])
    after_help = text.split("> help", 1)[1]
    assert "741741" in after_help and "1-800-662-4357" in after_help
    assert "Please answer yes or no" not in after_help.split("> yes")[0]


def test_quitting_during_a_crisis_leaves_the_numbers_on_screen(engine: Engine) -> None:
    text = plain(engine, ["1", "me", "my friend is not breathing", "quit"])
    after_quit = text.split("> quit", 1)[1]
    assert "911" in after_quit and "988" in after_quit


def test_the_json_file_says_what_fired(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    plain(engine, ["1", "me", "im such a burden", "no", "quit"], json_path=str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["signals"] == [{"concept": "burden", "kind": "suicide", "grade": "check", "words": "im such a burden"}]
    assert data["checked_in"] == ["burden"]


def test_at_a_question_about_history_undated_signs_are_history_but_now_is_now(engine: Engine) -> None:
    # withdrawal_signs asks what happens when the person stops: "the dts, hallucinations" answers it
    to_signs = ["1", "me", "2", "vodka", "every day", "12"]
    with engine.session() as session:
        walk(session, *to_signs)
        assert session.state == "withdrawal_signs"
        assert session.answer("the dts, hallucinations").kind != "crisis"
    for now in ("im having a seizure right now", "i want to kill myself"):
        with engine.session() as session:
            walk(session, *to_signs)
            assert session.answer(now).kind == "crisis", now


def test_a_denial_word_denies_only_its_own_clause(engine: Engine) -> None:
    """"denies" reads as a denial ("patient denies suicidal ideation" raises nothing), and
    stops where other negations stop."""
    assert engine.detector.detect("i was denied treatment, now i want to kill myself")
    assert engine.detector.detect("they denied my claim and i want to die")


@pytest.mark.parametrize("phrase", ["took 2 bottles of benadryl. seeing stuff. scared",
                                    "I take all my pills now. All of them. I feel sleepy.",
                                    "i took a lot. not saying how many. its starting to kick in",
                                    "trying to quit drinking on my own, temperature is 103 and my pulse is like 140"])
def test_an_overdose_or_withdrawal_told_across_sentences_or_by_numbers_opens_the_screen(engine: Engine,
                                                                                      phrase: str) -> None:
    assert any(hit.grade == "now" for hit in engine.detector.detect(phrase))


@pytest.mark.parametrize("phrase", ["i took a lot of notes. the coffee is kicking in",
                                    "took 2 bottles of water to the gym, was dizzy",
                                    "I take all my pills every morning like the doctor says",
                                    "So it's 1998, I'm in county detox, and I have a seizure on the floor. "
                                    "That was my last drink, 26 years ago."])
def test_the_same_words_about_something_harmless_or_long_ago_open_nothing(engine: Engine, phrase: str) -> None:
    assert not any(hit.grade == "now" for hit in engine.detector.detect(phrase))


@pytest.mark.parametrize("last, kind", [
    ("took my last pill this morning", "question"),  # the last dose: no check-in
    ("took the last of them a couple hours ago", "question"),
    ("took a whole bottle of my pills an hour ago and i feel weird", "crisis"),  # the patterns still read
])
def test_the_last_dose_told_at_when_did_you_last_use_is_no_crisis(session: Session, last: str, kind: str) -> None:
    """ "took my last one this morning" to "when did you last drink or use?" asked whether the
    person was thinking of killing themselves (the crisis model, 88%; walking W4's kind of person)."""
    walk(session, "1", "me", "2", "pain pills", "every day", "sick", "twice")
    assert session.state == "last_use"
    assert session.answer(last).kind == kind
