"""The Session API every front end uses: turns, back, restart, progress, crisis handling."""

from __future__ import annotations

import pytest

from chatbot.engine import Engine, Session, Turn
from chatbot.turns import ConfirmTurn, QuestionTurn


def walk(session: Session, *answers: str) -> Turn:
    turn = session.turn
    for a in answers:
        turn = session.answer(a)
    return turn


def test_first_turn_is_the_safety_question(session: Session) -> None:
    turn = session.turn
    assert turn.kind == "question" and turn.question is not None
    assert turn.question.id == "safety_now"
    assert turn.progress.answered == 0 and turn.progress.section_title == "Safety"
    assert turn.progress.left > 10


def test_answers_move_forward_and_progress_counts(session: Session) -> None:
    turn = walk(session, "1", "me", "2")
    assert turn.question is not None and turn.question.id == "substances"
    assert turn.progress.answered == 3
    assert session.answers == {"safety_now": "safe", "for_whom": "self", "age_group": "adult"}


def test_questions_left_follows_the_branches(engine: Engine) -> None:
    """Several substances mean more follow-up questions than one does."""
    left = {}
    for used in ("weed", "alcohol, xanax, oxy, weed"):
        session = engine.session()
        session.start()
        walk(session, "1", "me", "2", used)
        left[used] = session.progress.left
        session.close()
    assert left["alcohol, xanax, oxy, weed"] > left["weed"]


def test_junk_is_reasked_with_a_message_and_nothing_moves(session: Session) -> None:
    turn = walk(session, "1", "banana")
    assert turn.kind == "reask" and turn.question is not None and turn.question.id == "for_whom"
    assert "1. For myself; 2. For someone I care about" in (turn.message or "")
    assert session.path == ["safety_now"]


def test_back_undoes_the_last_answer(session: Session) -> None:
    walk(session, "1", "me", "2")
    turn = session.back()
    assert turn.question is not None and turn.question.id == "age_group"
    assert "age_group" not in session.answers
    turn = session.back()
    assert turn.question is not None and turn.question.id == "for_whom"


def test_back_at_the_start_says_so(session: Session) -> None:
    turn = session.back()
    assert turn.question is not None and turn.question.id == "safety_now"
    assert "first question" in (turn.message or "")


def test_changing_a_branch_forgets_answers_of_the_old_branch(session: Session) -> None:
    walk(session, "1", "me", "2", "alcohol", "7", "6")
    session.back()
    session.back()
    session.back()  # back at substances
    walk(session, "weed", "weekends")
    assert "alcohol_days" not in session.answers and "alcohol_drinks" not in session.answers


def test_restart_forgets_everything(session: Session) -> None:
    walk(session, "1", "me", "2", "beer")
    turn = session.restart()
    assert turn.question is not None and turn.question.id == "safety_now"
    assert session.answers == {} and session.path == [] and session.exchanges == []


def test_back_to_an_earlier_question(session: Session) -> None:
    walk(session, "1", "me", "2", "beer", "3")
    turn = session.back_to("for_whom")
    assert turn.question is not None and turn.question.id == "for_whom"
    assert list(session.answers) == ["safety_now"]


def test_wording_adapts_when_answering_for_someone_else(session: Session) -> None:
    turn = walk(session, "1", "for my son")
    assert turn.question is not None and turn.question.text == "How old are they?"


def test_crisis_words_at_a_middle_question_interrupt_at_once(session: Session) -> None:
    walk(session, "1", "me", "2")
    turn = session.answer("honestly I want to kill myself")
    assert turn.kind == "crisis" and turn.crisis is not None
    assert any("988" in r for r in turn.crisis.resources)
    assert "substances" not in session.answers


def test_one_yes_does_not_dismiss_a_crisis(session: Session) -> None:
    walk(session, "1", "me", "2", "i want to die")
    turn = session.answer("yes")
    assert turn.kind == "crisis" and turn.crisis is not None and turn.crisis.stage == 2
    turn = session.answer("yes")
    assert turn.kind == "question" and turn.question is not None and turn.question.id == "substances"
    assert "go on" in (turn.message or "")


def test_not_safe_ends_in_emergency(session: Session) -> None:
    walk(session, "1", "me", "i want to die")
    turn = session.answer("no")
    assert turn.kind == "result" and turn.result is not None and turn.result.level.id == "emergency"
    assert session.outcome().level == "emergency" and session.outcome().crisis


def test_junk_during_crisis_is_reasked_and_stays_in_crisis(session: Session) -> None:
    walk(session, "1", "i want to die")
    turn = session.answer("banana")
    assert turn.kind == "crisis" and "yes or no" in (turn.message or "")


def test_new_crisis_words_during_the_check_restart_the_check(session: Session) -> None:
    walk(session, "1", "i want to die", "yes")
    turn = session.answer("my friend overdosed and is not breathing")
    assert turn.kind == "crisis" and turn.crisis is not None and turn.crisis.stage == 1
    assert turn.crisis.kinds == ("suicide", "overdose")


def test_back_cannot_skip_a_crisis_check(session: Session) -> None:
    walk(session, "1", "me", "kms")
    turn = session.back()
    assert turn.kind == "crisis"


def test_crisis_option_records_the_answer_then_checks(session: Session) -> None:
    turn = session.answer("2")
    assert turn.kind == "crisis" and turn.crisis is not None and turn.crisis.kinds == ("suicide",)
    assert session.answers["safety_now"] == "suicidal"
    turn = walk(session, "yes", "yes")
    assert turn.question is not None and turn.question.id == "for_whom"


def test_continuing_after_a_crisis_keeps_the_flag_and_resources(session: Session) -> None:
    answers = ["1", "me", "2", "cannabis", "less", "no", "none", "no", "never", "family", "yes", "none",
               "private", "stop", "no preference"]
    walk(session, *answers[:5])
    walk(session, "I've been thinking about suicide", "yes", "yes")
    turn = walk(session, *answers[5:])
    assert turn.kind == "result" and turn.result is not None
    assert turn.result.crisis and "suicidal_thoughts_recent" in turn.result.fired
    assert any("988" in r for r in turn.result.resources)


def test_result_then_back_returns_to_last_question(session: Session) -> None:
    answers = ["1", "me", "2", "cannabis", "less", "no", "none", "no", "never", "family", "yes", "none",
               "private", "stop", "no preference"]
    turn = walk(session, *answers)
    assert turn.kind == "result"
    turn = session.back()
    assert turn.question is not None and turn.question.id == "support_groups" and not session.finished


def test_outcome_of_unfinished_session(session: Session) -> None:
    walk(session, "1", "me")
    outcome = session.outcome()
    assert not outcome.complete and outcome.level is None and outcome.answers == {"safety_now": "safe",
                                                                                   "for_whom": "self"}


def test_the_level_so_far_for_staff(session: Session) -> None:
    walk(session, "1", "me", "2", "beer", "most days", "yes")  # "about 6 days a week": confirmed
    so_far = session.so_far()
    assert so_far.level.id == "inpatient_withdrawal" and "alcohol_or_benzo_daily" in [r.rule for r in so_far.reasons]
    assert not session.finished                                 # asking never ends the intake


def test_sessions_share_one_engine_and_close_releases_it(engine: Engine) -> None:
    before = len(engine.open_sessions)
    sessions = [engine.session() for _ in range(20)]
    for s in sessions:
        s.start()
    assert len(engine.open_sessions) == before + 20
    walk(sessions[0], "1", "me")
    assert sessions[1].state == "safety_now"  # one session's answers never move another
    for s in sessions:
        s.close()
    assert len(engine.open_sessions) == before
    assert sessions[0].answers == {}


def test_exchanges_record_what_was_asked_and_typed(session: Session) -> None:
    walk(session, "1", "banana", "me")
    assert [(e.at, e.typed, e.outcome) for e in session.exchanges] == [
        ("safety_now", "1", "question"), ("for_whom", "banana", "reask"), ("for_whom", "me", "question")]
    assert session.exchanges[1].shown.startswith("Are you filling this in")


def test_someone_answering_for_another_person_is_shown_their_wording(engine: Engine) -> None:
    """A parent saw "I live alone" as an option and was told "Carry naloxone and do not use alone"."""
    session = engine.session()
    session.start()
    walk(session, "1", "for my son", "2", "fentanyl", "every day", "none", "today", "no", "no", "no", "no",
         "no", "no")
    while session.state != "home" and not session.finished:
        turn = session.answer("1")
    turn = session.turn
    assert turn.question.id == "home"
    labels = [o.label for o in turn.question.options]
    assert "They live alone" in labels and "I live alone" not in labels
    turn = session.answer("he lives alone")                 # decides a level: put to the parent first
    assert turn.kind == "confirm" and "They live alone" in turn.confirm and "I live alone" not in turn.confirm
    turn = session.answer("yes")
    assert turn.understood == engine.dialog.s("understood", reading="They live alone")
    while not session.finished:
        turn = session.answer("1")
    result = session.result
    assert result is not None
    said = " ".join([*result.next_steps, *(m.text for m in result.modifiers), *(r.text for r in result.reasons)])
    assert "they should not use alone" in said and "Carry naloxone" not in said, said
    session.close()


def test_a_held_down_letter_is_read_as_the_word_and_the_words_shown_as_typed(session: Session) -> None:
    turn = walk(session, "yesss", "for my sonnn", "hes sixtyyy")
    assert session.answers["safety_now"] == "safe" and session.answers["for_whom"] == "other"
    assert turn.kind == "confirm" and turn.confirm == "Just to check. Age: 18 to 64. Is that right?"
    turn = session.answer("yesss thats righttt")
    assert turn.kind == "question" and session.answers["age_group"] == "adult"
    assert any(e.text == "For someone I care about (you said “for my sonnn”)" for e in session.log())


def test_a_place_after_a_question_back_counts_down_the_options_it_listed(engine: Engine) -> None:
    """ "Which of these fits best? 3. Worry, anxiety or panic attacks; 1. None of these." Then
    "the first one" is the first listed (3), while a number is still the option's own."""
    for reply, meant in [("the first one", ("anxiety",)), ("the last one", ("none",)), ("1", ("none",))]:
        session = engine.session()
        session.start()
        walk(session, "1", "me", "34", "yes", "weed", "yes", "weekends", "no")
        assert session.state == "mental_health"
        turn = session.answer("i get anxious sometimes")
        assert turn.kind == "reask" and turn.message.startswith("Which of these fits best? 3. Worry")
        turn = session.answer(reply)
        if turn.kind == "confirm":  # the app shows the whole list beside the short one: a place is checked
            assert not reply.isdigit()
            turn = session.answer("yes")
        assert session.answers["mental_health"] == meant, reply
    session = engine.session()
    session.start()
    walk(session, "1", "me", "34", "yes")
    turn = session.answer("weed and pills")
    assert turn.message.startswith("By “pills”, which do you mean? 2. Benzos")
    turn = session.answer("the second one")  # 3. Opioids, the second listed
    assert turn.kind == "confirm" and turn.confirm.endswith(
        "Opioids (heroin, fentanyl, pain pills), Cannabis (weed). Is that right?")


def _at_age_check(engine: Engine, typed: str = "hes 52") -> Session:
    session = engine.session()
    session.start()
    turn = walk(session, "1", "for my husband", typed)
    assert turn.kind == "confirm" and turn.confirm == "Just to check. Age: 18 to 64. Is that right?"
    return session


@pytest.mark.parametrize("reply", ["right", "thats right", "yep thats him", "exactly", "mhm", "sounds about right"])
def test_agreeing_in_a_person_s_own_words_keeps_the_reading(engine: Engine, reply: str) -> None:
    """A wife answered "right" to "Age: 18 to 64. Is that right?" and was sent back to "How old
    are they?", her "hes 52" gone from the log."""
    session = _at_age_check(engine)
    turn = session.answer(reply)
    assert turn.kind == "question" and turn.question.id == "substances"
    assert turn.understood == "Got it: 18 to 64." and session.answers["age_group"] == "adult"
    assert any(e.text == "18 to 64 (you said “hes 52”)" for e in session.log())


@pytest.mark.parametrize("reply", ["thats not right", "wrong", "not quite", "nope thats wrong"])
def test_refusing_in_words_asks_the_question_again(engine: Engine, reply: str) -> None:
    session = _at_age_check(engine)
    turn = session.answer(reply)
    assert turn.kind == "question" and turn.question.id == "age_group"
    assert turn.message == engine.dialog.s("confirm_again") and "age_group" not in session.answers


@pytest.mark.parametrize("reply", ["what?", "why does that matter", "yes but no", "not sure"])
def test_a_reply_that_says_neither_keeps_the_check_on_screen(engine: Engine, reply: str) -> None:
    session = _at_age_check(engine)
    turn = session.answer(reply)
    assert turn.kind == "confirm" and turn.confirm == "Just to check. Age: 18 to 64. Is that right?"
    assert turn.message == engine.dialog.s("reask_yes_no")
    turn = session.answer("yes")
    assert turn.kind == "question" and session.answers["age_group"] == "adult"


def test_a_number_at_a_check_is_the_check_s_own_option(engine: Engine) -> None:
    """ "1. Yes  2. No" stand under a check; a person who typed 1 for yes was read as option 1 of
    the age question, "17 or younger", for a man of 52."""
    session = _at_age_check(engine)
    turn = session.answer("1")
    assert turn.kind == "question" and session.answers["age_group"] == "adult"
    session = _at_age_check(engine)
    turn = session.answer("2")
    assert turn.kind == "question" and turn.question.id == "age_group" and "age_group" not in session.answers
    turn = session.answer("3")  # at the question again: its own option 3
    assert session.answers["age_group"] == "over_65"


def test_the_reading_said_again_is_a_yes_not_a_second_check(engine: Engine) -> None:
    session = _at_age_check(engine, "im 34")
    turn = session.answer("yeah 34")
    assert turn.kind == "question" and session.answers["age_group"] == "adult"


def test_a_correction_at_a_check_is_read_as_the_answer(engine: Engine) -> None:
    session = _at_age_check(engine)
    turn = session.answer("no he is 70")
    assert turn.kind == "confirm" and turn.confirm == "Just to check. Age: 65 or older. Is that right?"
    turn = session.answer("should be 65 or older")  # said again, in other words
    assert turn.kind == "question" and session.answers["age_group"] == "over_65"


def test_an_addition_at_a_several_choice_check_joins_the_reading(session: Session) -> None:
    turn = walk(session, "1", "me", "34", "yes")
    assert turn.question.id == "substances"
    turn = session.answer("fentanyl, i smoke it")
    assert turn.kind == "confirm" and turn.confirm.endswith("Opioids (heroin, fentanyl, pain pills). Is that right?")
    turn = session.answer("and weed")
    assert set(session.answers["substances"]) == {"opioids", "cannabis"}
    assert turn.understood == "Got it: Opioids (heroin, fentanyl, pain pills), Cannabis (weed)."
    # the words beside the reading are all it was read from, not the addition alone
    assert session.quotes["substances"].endswith("(you said “fentanyl, i smoke it / and weed”)")


def test_a_reading_joined_from_a_follow_up_quotes_both_answers(session: Session) -> None:
    walk(session, "1", "me", "34", "yes")
    turn = session.answer("beer and pills")
    assert turn.message.startswith("By “pills”, which do you mean?")
    turn = session.answer("pain pills")
    assert set(session.answers["substances"]) == {"alcohol", "opioids"}
    assert session.quotes["substances"].endswith("(you said “beer and pills / pain pills”)")


def test_a_parent_s_confirms_and_re_asks_name_things_their_way(engine: Engine) -> None:
    """A parent was asked "Thoughts of ending your life: No. Is that right?" and re-asked with
    "1. I live with people who support me"."""
    session = engine.session()
    session.start()
    walk(session, "1", "for my son", "2", "yes", "fentanyl")
    turn = session.answer("most days i think")
    assert turn.kind == "confirm" and turn.confirm.startswith("Just to check. How often they use opioids:")
    session.answer("yes")
    while session.state != "home" and not session.finished:
        session.answer("1")
    turn = session.answer("banana")
    assert turn.kind == "reask" and "They live alone" in turn.message and "I live" not in turn.message
    session.close()


def test_a_parent_is_told_what_the_level_involves_for_their_son(engine: Engine) -> None:
    session = engine.session()
    session.start()
    walk(session, "1", "for my son", "2", "yes", "cocaine")
    while not session.finished:
        session.answer("1")
    result = session.result
    assert result is not None and result.level.involves == (
        engine.dialog.levels[result.level.id].involves_other or engine.dialog.levels[result.level.id].involves)
    assert " you " not in f" {result.level.involves.lower()} "
    session.close()


def test_questions_left_never_rises_as_a_person_answers(engine: Engine) -> None:
    """It went 12, 13, 15 (the default way was counted, then the answers added branches)."""
    from worked_examples import EXAMPLES

    for example in EXAMPLES:
        session = engine.session()
        seen = [session.start().progress.left]
        for answer in example.answers:
            seen.append(session.answer(answer).progress.left)
        assert all(later <= earlier for earlier, later in zip(seen, seen[1:], strict=False)), (example.name, seen)
        session.close()


# --- a question answered by words said earlier (issue 13: a son is not asked about pregnancy) ---

TO_PREGNANT = ["2", "beer", "every day", "8", "shakes", "2", "today", "no"]  # age_group .. serious_illness


def _for_whom(engine: Engine, who: str) -> Session:
    session = engine.session()
    session.start()
    for answer in ["1", who, *TO_PREGNANT]:
        session.answer(answer)
    return session


def test_a_son_is_not_asked_about_pregnancy_and_is_told_why(engine: Engine) -> None:
    session = _for_whom(engine, "my son")
    turn = session.turn
    assert isinstance(turn, QuestionTurn) and turn.question.id == "mental_health"
    assert turn.understood is not None and "does not apply" in turn.understood and "son" in turn.understood
    assert session.answers["pregnant"] == "no"
    # Back goes past the question nobody was asked, to the one before it
    back = session.back()
    assert isinstance(back, QuestionTurn) and back.question.id == "serious_illness"
    assert "pregnant" not in session.answers


def test_an_age_said_with_who_it_is_for_is_put_to_the_person_not_asked_again(engine: Engine) -> None:
    """ "for my daughter, shes 20" at "who is this for?" was asked "How old are they?" next (left
    seen in the ninth round): the age question reads those words and asks only for a yes."""
    session = engine.session()
    session.start()
    session.answer("1")
    turn = session.answer("for my daughter, shes 20")
    assert isinstance(turn, ConfirmTurn) and turn.question.id == "age_group"
    assert turn.message is not None and "for my daughter, shes 20" in turn.message and "18 to 64" in turn.confirm
    assert turn.understood is not None and "someone" in turn.understood  # who it is for, said back too
    assert turn.accepted is not None and turn.accepted.question == "for_whom"  # and told as taken (replay)
    # the log does not put the earlier words in the person's mouth again under "How old are they?"
    said = [e.text for e in session.log() if e.speaker == "person"]
    assert len(said) == 2 and sum("shes 20" in t for t in said) == 1, said
    nxt = session.answer("yes")
    assert session.answers["age_group"] == "adult" and isinstance(nxt, QuestionTurn)
    assert "shes 20" in session.quotes["age_group"]  # the words it came from, beside the reading


def test_a_no_to_an_age_read_from_earlier_words_asks_the_question(engine: Engine) -> None:
    session = engine.session()
    session.start()
    session.answer("1")
    assert isinstance(session.answer("my son, hes 17"), ConfirmTurn)
    asked = session.answer("no")
    assert isinstance(asked, QuestionTurn) and asked.question.id == "age_group" and "age_group" not in session.answers
    assert isinstance(session.answer("hes 18"), ConfirmTurn)  # then read as typed there
    # Back from the question shows the question before it, and the age is not put again from its words
    session.back()
    again = session.back()
    assert isinstance(again, QuestionTurn) and again.question.id == "for_whom"


def _to_substances(engine: Engine) -> Session:
    session = engine.session()
    session.start()
    walk(session, "1", "me", "34", "yes")
    return session


@pytest.mark.parametrize("said, question, reading", [
    ("just beer, like 4 nights a week", "alcohol_days", "4 days a week"),
    ("fentanyl, every day", "opioid_freq", "Every day or almost every day"),
])
def test_how_often_said_with_the_one_thing_used_is_put_to_the_person(engine: Engine, said: str, question: str,
                                                                     reading: str) -> None:
    """ "just beer, like 4 nights a week" at "what do you use?" was asked "on how many days do you
    drink?" next (eleventh round, found walking for a son): read, and put as a confirm."""
    session = _to_substances(engine)
    turn = session.answer(said)
    if isinstance(turn, ConfirmTurn) and turn.question.id == "substances":
        turn = session.answer("yes")
    assert isinstance(turn, ConfirmTurn) and turn.question.id == question
    assert turn.message is not None and said in turn.message and reading in turn.confirm


@pytest.mark.parametrize("said", ["weed every day, beer sometimes", "beer on weekends and some weed", "1, 6"])
def test_how_often_said_with_several_things_is_asked(engine: Engine, said: str) -> None:
    """Whose how-often is whose is not known: the question is asked (read ahead, "weed every
    day, beer sometimes" was 7 days of drinking)."""
    session = _to_substances(engine)
    turn = session.answer(said)
    while isinstance(turn, ConfirmTurn) and turn.question.id == "substances":
        turn = session.answer("yes")
    assert isinstance(turn, QuestionTurn) and turn.question.id == "alcohol_days", turn


@pytest.mark.parametrize("who", ["2", "my son", "myself", "my son, 2 years clean then relapsed"])
def test_no_age_in_the_words_before_asks_the_age(engine: Engine, who: str) -> None:
    """An option picked by its number says no age ("2" is not two years old), nor a length of time."""
    session = engine.session()
    session.start()
    session.answer("1")
    turn = session.answer(who)
    assert isinstance(turn, QuestionTurn) and turn.question.id == "age_group", who


@pytest.mark.parametrize("who", ["my daughter", "for my son and his wife", "my partner", "2"])
def test_pregnancy_is_asked_when_a_woman_may_be_meant(engine: Engine, who: str) -> None:
    session = _for_whom(engine, who)
    assert isinstance(session.turn, QuestionTurn) and session.turn.question.id == "pregnant", who


@pytest.mark.parametrize("reply, meant", [("just the anxiety one", ("anxiety",)), ("3", ("anxiety",)),
                                          ("none of them", ("none",))])
def test_a_pick_after_a_question_back_about_none_and_another_is_that_pick(engine: Engine, reply: str,
                                                                          meant: tuple[str, ...]) -> None:
    """ "none of those really, maybe a little anxious": "By 'a little anxious', which do you mean? 3.
    Worry, anxiety or panic attacks; 1. None of these." The "none" read first and the pick could
    not go together, and the Session stopped with an error (the app closed; found walking it)."""
    session = engine.session()
    session.start()
    walk(session, "1", "me", "34", "yes", "weed", "yes", "weekends", "no")
    assert session.state == "mental_health"
    turn = session.answer("none of those really, maybe a little anxious when im sick")
    assert turn.kind == "reask" and "which do you mean?" in turn.message
    turn = session.answer(reply)
    if turn.kind == "confirm":
        turn = session.answer("yes")
    assert session.answers["mental_health"] == meant


def test_an_answer_the_reader_fails_on_is_asked_again_and_nothing_is_lost(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fault in reading one answer must not end the intake (it closed the app once)."""
    session = engine.session()
    session.start()
    walk(session, "1", "me")
    before = dict(session.answers)

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a reader fault")
    monkeypatch.setattr(engine.parser, "parse", broken)
    turn = session.answer("34")
    assert turn.kind == "reask" and turn.message.startswith("I did not quite get that")
    assert session.answers == before and session.state == "age_group" and session.reading_faults == 1
    monkeypatch.undo()
    assert session.answer("34").kind in ("question", "confirm")


def test_what_was_said_without_a_doubt_stays_ticked_while_the_doubt_is_asked(engine: Engine) -> None:
    """ "weed and some pills, i cant tell if its xanax or percs" asked about weed too (found in
    review, walking as a grandmother): weed stays understood, only xanax or percs is asked."""
    session = engine.session()
    session.start()
    for answer in ["1", "for my grandson, hes 16", "yes"]:
        session.answer(answer)
    turn = session.answer("weed and some pills, i cant tell if its xanax or percs")
    assert isinstance(turn, QuestionTurn) and turn.kind == "reask" and turn.ticked == ("cannabis",)
    assert turn.message is not None and "Benzos" in turn.message and "Opioids" in turn.message
    assert "Cannabis" not in turn.message and "Something else" not in turn.message
    confirm = session.answer("the xanax i think")
    assert isinstance(confirm, ConfirmTurn) and "Cannabis" in confirm.confirm and "Benzos" in confirm.confirm


@pytest.mark.parametrize("typed", ["option 1", "1, for me", "the first one, its for me", "1, para mi"])
def test_the_number_that_picked_an_option_is_no_age_read_ahead(engine: Engine, typed: str) -> None:
    """ "1, para mi" at "who is this for?" was put back as "Age: 17 or younger. Is that right?" (the
    1 read ahead as an age; found walking the kiosk at 80x24, and there since the read-ahead)."""
    session = engine.session()
    session.start()
    session.answer("1")
    turn = session.answer(typed)
    assert session.answers["for_whom"] == "self"
    assert isinstance(turn, QuestionTurn) and turn.question.id == "age_group"


def test_words_beside_the_number_that_picked_an_option_are_still_read_ahead(engine: Engine) -> None:
    session = engine.session()
    session.start()
    session.answer("1")
    turn = session.answer("option 2, my son, hes 17")
    assert isinstance(turn, ConfirmTurn) and "17 or younger" in turn.confirm
    # shown and kept as typed, the pointer too (not "my son, hes 17"; found reading the change again)
    assert turn.message is not None and "“option 2, my son, hes 17”" in turn.message
    session.answer("yes")
    assert "option 2, my son, hes 17" in session.quotes["age_group"]
