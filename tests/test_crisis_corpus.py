"""The crisis corpus (tests/data/crisis_phrases.yaml): every must-trigger phrase raises a
crisis at every kind of question, and the false-positive rate stays at or below 5%."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from chatbot.engine import Engine

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "crisis_phrases.yaml").read_text(encoding="utf-8"))
TRIGGER = [(kind, phrase) for kind, phrases in CORPUS["trigger"].items() for phrase in phrases]
# the answers that reach one question of each kind
KINDS_OF_QUESTION = {
    "choice": [],                        # safety_now
    "multi": ["1", "me", "2"],           # substances
    "number": ["1", "me", "2", "beer"],  # alcohol_days
    "yes_no": ["1", "me", "2", "weed", "2", "no", "none", "no", "never", "alone", "yes", "work"],  # time_off
}
MAX_FALSE_POSITIVE_RATE = 0.05


def test_corpus_size() -> None:
    assert len(TRIGGER) >= 150 and len(CORPUS["quiet"]) >= 100


@pytest.mark.parametrize("kind, phrase", TRIGGER, ids=[f"{k}-{i}" for i, (k, _) in enumerate(TRIGGER)])
def test_every_trigger_phrase_interrupts_at_every_kind_of_question(engine: Engine, kind: str, phrase: str) -> None:
    assert kind in engine.detector.detect(phrase)
    for question_kind, answers in KINDS_OF_QUESTION.items():
        session = engine.session()
        session.start()
        for a in answers:
            session.answer(a)
        assert session.turn.question is not None and session.turn.question.kind == question_kind
        turn = session.answer(phrase)
        assert turn.kind == "crisis", (question_kind, phrase)
        session.close()


def test_false_positive_rate(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    alarms = [p for p in CORPUS["quiet"] if engine.detector.detect(str(p))]
    rate = len(alarms) / len(CORPUS["quiet"])
    with capsys.disabled():
        print(f"\ncrisis corpus: {len(TRIGGER)} must-trigger phrases, recall 100%; "
              f"{len(alarms)} of {len(CORPUS['quiet'])} everyday phrases raise a false alarm "
              f"({rate:.1%}): {alarms}")
    assert rate <= MAX_FALSE_POSITIVE_RATE, alarms


@pytest.mark.parametrize("item", CORPUS["negations"], ids=lambda i: i["text"])
def test_negations_behave_as_decided(engine: Engine, item: dict) -> None:
    assert bool(engine.detector.detect(item["text"])) is item["triggers"]
