"""Random walks through the real dialog: every conversation ends in a result or a crisis
turn, and nothing a person types, in any order, makes the engine raise."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatbot.engine import Engine, Session
from chatbot.turns import CheckInTurn, ConfirmTurn, CrisisTurn, QuestionTurn, ResultTurn, Turn

# 1,200 walks in CI (2,000 until the suite neared two minutes); INTAKE_WALKS=10000 (or more) for the full run
WALKS = int(os.environ.get("INTAKE_WALKS", "1200"))

JUNK = ["", "   ", "\x00", "a\x00b", "\x1b[31m", "\x1b]0;title\x07", "\r\n\r", "\u0645\u0631\u062d\u0628\u0627",
        "\u202e\u05e9\u05dc\u05d5\u05dd", "\U0001f937\u200d\u2642\ufe0f", "x" * 10_000,
        "1, 99", "-1", "yes no", "3 or 4", "\t\n", "none, 2", "NaN", "1e9", "\ud800".encode("utf-8", "surrogatepass")
        .decode("utf-8", "replace")]

actions = st.one_of(
    st.tuples(st.just("option"), st.integers(min_value=0, max_value=1000)),
    st.tuples(st.just("junk"), st.sampled_from(JUNK)),
    st.tuples(st.just("text"), st.text(max_size=40)),
    st.tuples(st.just("back"), st.none()),
    st.tuples(st.just("restart"), st.none()),
)


def valid_answer(turn: Turn, pick: int) -> str:
    if not isinstance(turn, QuestionTurn):
        return ["yes", "no"][pick % 2]
    q = turn.question
    if q.kind in ("choice", "multi", "yes_no"):
        return str(pick % len(q.options) + 1)
    if q.kind == "number":
        assert q.min is not None and q.max is not None
        return str(q.min + pick % (q.max - q.min + 1))
    return "some words"


def step(session: Session, turn: Turn, action: tuple[str, object]) -> Turn:
    kind, arg = action
    if turn.kind == "result":
        return session.back() if kind == "back" else session.restart() if kind == "restart" else session.answer("x")
    if kind == "option":
        return session.answer(valid_answer(turn, int(arg)))  # type: ignore[arg-type]
    if kind in ("junk", "text"):
        return session.answer(str(arg))
    if kind == "back":
        return session.back()
    return session.restart()


@settings(max_examples=WALKS, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions=st.lists(actions, max_size=60), picks=st.lists(st.integers(0, 50), min_size=1, max_size=8))
def test_random_walks_end_in_a_result_or_crisis(engine: Engine, actions: list, picks: list[int]) -> None:
    session = engine.session()
    turn = session.start()
    try:
        for action in actions:
            turn = step(session, turn, action)
            assert isinstance(turn, QuestionTurn | ConfirmTurn | CheckInTurn | CrisisTurn | ResultTurn)
            assert "Traceback" not in (turn.message or "")
            if isinstance(turn, QuestionTurn | ConfirmTurn):
                assert turn.question.id == session.state
                assert set(session.answers) == set(session.path)
        for i in range(200):
            if isinstance(turn, ResultTurn | CrisisTurn):
                break
            turn = session.answer(valid_answer(turn, picks[i % len(picks)]))
        assert isinstance(turn, ResultTurn | CrisisTurn)
        assert session.reading_faults == 0  # the reader never failed (it would be asked again, unseen)
        if isinstance(turn, ResultTurn):
            assert turn.result.level.id in engine.dialog.level_rank
            assert turn.result.reasons
    finally:
        session.close()
    assert session not in engine.open_sessions
