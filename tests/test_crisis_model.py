"""The crisis model (chatbot/crisis_model.py): what it asks, where it stays quiet, its file.

The mechanism is tested with a small hand-written model, so these tests say what the engine
does with any model; the shipped model's reach is measured by the crisis corpus
(tests/test_crisis_corpus.py, README) and checked here on a few sentences of our own.
"""

from __future__ import annotations

import base64
import shutil
from array import array
from pathlib import Path

import pytest

from chatbot import crisis_model
from chatbot.cli import main
from chatbot.engine import Engine, engine_for

ROOT = Path(__file__).resolve().parent.parent
LABELS = ("none", "wish_to_die", "overdose", "danger")


def model_text(weights: dict[str, dict[str, float]], threshold: float = 0.9, min_words: int = 3) -> str:
    """A model file: each word's weight for each label it names; every label starts far below none."""
    names = list(weights)
    rows = array("h", (int(weights[f].get(label, 0) * 100) for f in names for label in LABELS))
    return "\n".join([
        "# a hand-written model for the tests",
        "labels\t" + "\t".join(LABELS), f"threshold\t{threshold}", f"min_words\t{min_words}",
        "negations\tnot\tnever", "intercepts\t0\t-6\t-6\t-6", "scale\t0.01",
        "words\t" + "\t".join(names), "word_idf\t" + packed(array("f", [1.0] * len(names))),
        "runs\tzzzz", "run_idf\t" + packed(array("f", [1.0])),
        "weights\t" + packed(rows + array("h", [0] * len(LABELS))),
    ]) + "\n"


def packed(values: array) -> str:
    return base64.b64encode(values.tobytes()).decode("ascii")


# neutral words stand for what a trained model weighs, so the patterns never fire on them
SMALL = {"purple": {"wish_to_die": 12}, "umbrella": {"danger": 12}, "trombone": {"overdose": 12}}


@pytest.fixture
def small(tmp_path: Path) -> Engine:
    shutil.copy(ROOT / "dialogs" / "intake.yaml", tmp_path / "intake.yaml")
    (tmp_path / "crisis_model.tsv").write_text(model_text(SMALL), encoding="utf-8")
    return engine_for(tmp_path / "intake.yaml")


def at_substances(engine: Engine):  # noqa: ANN201
    session = engine.session()
    for answer in ("1", "me", "2"):
        session.answer(answer)
    assert session.state == "substances"
    return session


def test_the_model_asks_the_check_in_and_never_raises_the_crisis_screen_itself(small: Engine) -> None:
    session = at_substances(small)
    turn = session.answer("beer, and some days purple")
    assert turn.kind == "check_in" and turn.check_in.concepts == ("wish_to_die",)
    assert turn.check_in.prompt == "Are you having thoughts of killing yourself right now?"
    assert any("988" in r for r in turn.check_in.resources)
    turn = session.answer("no")
    assert "We will go on" in (turn.message or "")
    assert turn.kind == "confirm" and "Alcohol" in turn.shown  # the words are read as the answer they were
    assert session.checked_in == ("wish_to_die",)


def test_a_check_in_for_an_overdose_or_danger_asks_about_that_and_yes_leads_to_its_screen(small: Engine) -> None:
    session = at_substances(small)
    turn = session.answer("beer. my brother and the trombone")
    assert turn.kind == "check_in" and "overdosing" in turn.check_in.prompt
    assert any("911" in r for r in turn.check_in.resources)
    turn = session.answer("yes")
    assert turn.kind == "crisis" and turn.crisis.kinds == ("overdose",)

    session = at_substances(small)
    turn = session.answer("wine and an umbrella")
    assert turn.kind == "check_in" and "danger" in turn.check_in.prompt
    assert session.answer("not sure").kind == "crisis"


def test_staff_see_that_the_model_fired_and_on_which_words(small: Engine) -> None:
    session = at_substances(small)
    session.answer("wine, and then purple")
    (signal,) = session.signals
    assert signal.concept == "wish_to_die" and signal.grade == "check"
    assert "purple" in signal.words and "model" in signal.words


@pytest.mark.parametrize("answer, why", [
    ("i never liked purple much", "the negation marks the word, which the model has no weight for"),
    ("so purple", "too short to say much"),
    ("im not suicidal, i just like purple", "the patterns read a denial"),
    ("i overdosed in 2009, my purple phase", "the patterns read long ago"),
])
def test_where_the_model_stays_quiet(small: Engine, answer: str, why: str) -> None:
    assert small.detector.detect(answer) == (), why


def test_at_a_question_about_history_the_model_stays_quiet(small: Engine) -> None:
    assert small.detector.detect("he played the trombone after using once", history=True) == ()
    assert small.detector.detect("he played the trombone after using once") != ()


@pytest.mark.parametrize("phrase", [
    # our own sentences, by concept, that the patterns have no pattern for (checked below)
    "sometimes i wonder if anyone would even notice if i was gone",
    "my boyfriend said if i leave hes going to make sure i never leave again",
    "i just feel like everyone would breathe easier if i was out of the picture",
])
def test_the_shipped_model_asks_where_the_patterns_are_silent(engine: Engine, phrase: str) -> None:
    hits = engine.detector.detect(phrase)
    assert engine.detector.read(phrase).hits == () or hits[0].grade == "check"
    assert hits and hits[0].grade == "check"


# --- the file: a fault names the file and its line -------------------------------------------

@pytest.mark.parametrize("change, line, says", [
    (lambda t: t.replace("word_idf\t", "word_idf\t!"), 9, "base64"),
    (lambda t: t.replace("labels\tnone", "labels\tnothing"), 2, "labels must start with none"),
    (lambda t: t.replace("\tdanger\n", "\tdangers\n"), 2, "not among the dialog's crisis concepts: dangers"),
    (lambda t: t.replace("threshold\t0.9", "threshold\t1.5"), 3, "between 0 and 1"),
    (lambda t: t.replace("\ttrombone\n", "\n"), 9, "an idf for each of the 2 words, found 3"),
    (lambda t: t.replace("scale\t0.01\n", ""), 1, "missing line(s): scale"),
    (lambda t: t + "bogus\tline\n", 13, "unknown line 'bogus'"),
])
def test_a_broken_model_file_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            change, line: int, says: str) -> None:  # noqa: ANN001
    shutil.copy(ROOT / "dialogs" / "intake.yaml", tmp_path / "intake.yaml")
    (tmp_path / "crisis_model.tsv").write_text(change(model_text(SMALL)), encoding="utf-8")
    code = main(["validate", "--dialog", str(tmp_path / "intake.yaml")])
    out = capsys.readouterr()
    text = out.out + out.err
    assert code == 2 and f"crisis_model.tsv:{line}:" in text and says in text, text
    assert "Traceback" not in text


def test_a_missing_model_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(ROOT / "dialogs" / "intake.yaml", tmp_path / "intake.yaml")
    code = main(["validate", "--dialog", str(tmp_path / "intake.yaml")])
    text = "".join(capsys.readouterr())
    assert code == 2 and "crisis_model.tsv:1:" in text and "tools/train_crisis_model.py" in text


def test_the_same_answer_reads_the_same_every_time(engine: Engine) -> None:
    phrase = "sometimes i wonder if anyone would even notice if i was gone"
    assert len({engine.detector.detect(phrase) for _ in range(3)}) == 1


def test_the_shipped_model_reads_a_long_hostile_answer(engine: Engine) -> None:
    assert engine.dialog.model is not None
    assert engine.dialog.model.read("a" * 100_000) is None  # one long word: no concept, and no error
    assert engine.dialog.model.read("x " * 50_000) is None


def test_model_features_are_words_pairs_and_letter_runs() -> None:
    present, plain = crisis_model.features("I don't want to vanish, really", frozenset({"dont"}))
    assert plain == ["i", "dont", "want", "to", "vanish", "really"]
    assert {"dont", "n_want", "dont n_want", "n_vanish", "really"} <= present  # "really" is past the comma
    assert crisis_model.letter_runs(["vanish", "od"]) == {" van", "vani", "anis", "nish", "ish ", " od "}


@pytest.mark.parametrize("old, new, says", [
    ("      overdose:\n        prompt: \"Is someone overdosing",
     "      overdoses:\n        prompt: \"Is someone overdosing", "unknown crisis kind 'overdoses'"),
    ("        resources: [r911, samhsa]\n      danger:", "        resources: [r911, helpline]\n      danger:",
     "unknown resource 'helpline'"),
])
def test_a_check_in_for_a_kind_names_what_it_does_not_know(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          old: str, new: str, says: str) -> None:
    text = (ROOT / "dialogs" / "intake.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    (tmp_path / "intake.yaml").write_text(text.replace(old, new), encoding="utf-8")
    shutil.copy(ROOT / "dialogs" / "crisis_model.tsv", tmp_path / "crisis_model.tsv")
    code = main(["validate", "--dialog", str(tmp_path / "intake.yaml")])
    text = "".join(capsys.readouterr())
    assert code == 2 and "intake.yaml:" in text and says in text, text
