"""The FHIR R4 export (chatbot/fhir.py): the dialog as a Questionnaire, a session as a
QuestionnaireResponse with its recommendation, validated with fhir.resources' R4B models, read
back, and checked against the intake itself; `intake fhir questionnaire` and `chat --plain --fhir`."""

from __future__ import annotations

import json
import os
import random
import stat
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from chatbot.conditions import AnswerValue
from chatbot.engine import Engine, Session
from chatbot.fhir import canonical, dumps, questionnaire, response
from chatbot.turns import Turn
from cli_helpers import in_process
from natural_intakes import NATURAL
from worked_examples import EXAMPLES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = next(e for e in EXAMPLES if e.name == "W1")  # the intake behind examples/response.fhir.json


@pytest.fixture(scope="module")
def form(engine: Engine) -> dict[str, Any]:
    return questionnaire(engine)


def finish(engine: Engine, answers: list[str]) -> Session:
    """A session given these answers in order, "yes" to every "just to check"."""
    session = engine.session()
    turn = session.start()
    typed = iter(answers)
    while not session.finished and (text := "yes" if turn.kind == "confirm" else next(typed, None)) is not None:
        turn = session.answer(text)
    return session


def sessions(engine: Engine) -> Iterator[Session]:
    """Every worked example and natural intake; closed after use, so iterate lazily."""
    for answers in [e.answers for e in EXAMPLES] + list(NATURAL.values()):
        session = finish(engine, answers)
        yield session
        session.close()


def bundle_of(session: Session) -> Bundle:
    """Exported, written as JSON, read back and parsed: what a clinic's system would get."""
    return Bundle.model_validate(json.loads(dumps(response(session))))


def answers_of(filled: QuestionnaireResponse, form: dict[str, Any]) -> dict[str, AnswerValue]:
    """The answers read back from a QuestionnaireResponse, as the session holds them (a repeating
    item's as a tuple)."""
    repeats = {i["linkId"] for i in form["item"] if i.get("repeats")}
    read: dict[str, AnswerValue] = {}
    for item in filled.item or []:
        values = [a.valueInteger if a.valueInteger is not None else a.valueCoding.code for a in item.answer]
        if values == ["asked-unknown"]:
            read[item.linkId] = "unknown"
        else:
            read[item.linkId] = tuple(values) if item.linkId in repeats else values[0]
    return read


# --- the Questionnaire ---------------------------------------------------------------------------


def test_the_questionnaire_validates_and_holds_every_question_and_option(engine: Engine, form: dict) -> None:
    parsed = Questionnaire.model_validate(json.loads(dumps(form)))
    info = engine.dialog.spec.dialog
    assert (parsed.url, parsed.version, parsed.status) == (canonical(info), str(info.version), "active")
    assert [i.linkId for i in parsed.item] == [q.id for q in engine.dialog.spec.questions]
    for item, question in zip(parsed.item, engine.dialog.spec.questions, strict=True):
        assert item.text == question.text
        assert item.type == {"number": "integer", "text": "string"}.get(question.kind, "choice")
        assert bool(item.repeats) == (question.kind == "multi")
        if item.type == "choice":
            codes = [o.valueCoding.code for o in item.answerOption]
            assert codes == [o.value for o in engine.view(question.id, False).options] + ["asked-unknown"]
        assert [child.linkId for child in item.item] == [f"{question.id}.said"]


def test_enable_when_says_the_dialogs_branches(form: dict) -> None:
    items = {i["linkId"]: i for i in form["item"]}
    # alcohol_days: {when: alcohol_days ge 1, goto: alcohol_drinks}
    assert items["alcohol_drinks"]["enableWhen"] == [
        {"question": "alcohol_days", "operator": ">=", "answerInteger": 1}]
    assert "enableBehavior" not in items["alcohol_drinks"]
    # obligations: work or school -> time_off -> evening; children, caregiving or pets -> evening
    evening = items["evening"]
    assert evening["enableBehavior"] == "any"
    assert [(w["question"], w["operator"], w["answerCoding"]["code"]) for w in evening["enableWhen"]] == [
        ("obligations", "=", code) for code in ("work", "school", "children", "caregiving", "pets")]
    # the first questions are asked of everyone
    assert not any("enableWhen" in items[q] for q in ("safety_now", "for_whom", "substances", "readiness"))
    # withdrawal_signs: asked after any daily or weekly use, which the branches say with and and or
    assert "enableWhen" not in items["withdrawal_signs"] and "withdrawal_signs" in form["description"]


def enabled(item: dict, given: dict[str, list[dict]]) -> bool:
    """FHIR R4's enableWhen, read as the spec says, against the answers of a response."""
    if "enableWhen" not in item:
        return True

    def one(cond: dict) -> bool:
        answers = given.get(cond["question"], [])
        if cond["operator"] == "exists":
            return bool(answers) == cond["answerBoolean"]
        if "answerCoding" in cond:
            want = cond["answerCoding"]
            return any(a.get("valueCoding", {}).get("code") == want["code"]
                       and a["valueCoding"].get("system") == want["system"] for a in answers)
        number = cond["answerInteger"]
        compare = {">=": int.__ge__, ">": int.__gt__, "<=": int.__le__, "<": int.__lt__, "=": int.__eq__}
        return any("valueInteger" in a and compare[cond["operator"]](a["valueInteger"], number) for a in answers)

    results = [one(c) for c in item["enableWhen"]]
    return any(results) if item.get("enableBehavior") == "any" else all(results)


def random_intakes(engine: Engine, count: int) -> Iterator[Session]:
    """Sessions answered with option numbers at random (no crisis option), to the result; closed
    after use, so iterate lazily."""
    pick = random.Random(14)
    for _ in range(count):
        session = engine.session()
        turn: Turn = session.start()
        while not session.finished:
            question = turn.question
            assert question is not None, turn
            if turn.kind == "confirm":
                text = "yes"
            elif question.kind == "number":
                text = str(pick.randint(question.min or 0, question.max or 0))
            else:
                crisis = {o.value for o in engine.dialog.questions[question.id].options if o.crisis}
                text = str(pick.choice([o.number for o in question.options if o.value not in crisis]))
            turn = session.answer(text)
        yield session
        session.close()


def test_enable_when_shows_exactly_the_questions_the_intake_asked(engine: Engine, form: dict) -> None:
    """Read by FHIR's rules against each exported response: every question asked is enabled, and
    every question with an enableWhen that was not asked is not (intakes that end in a plan)."""
    unsaid = {i["linkId"] for i in form["item"]} - {i["linkId"] for i in form["item"] if "enableWhen" in i}
    checked = 0
    for session in chain(sessions(engine), random_intakes(engine, 150)):
        filled = response(session)["entry"][0]["resource"]
        given = {i["linkId"]: i["answer"] for i in filled.get("item", [])}
        for item in form["item"]:
            if item["linkId"] in given:
                assert enabled(item, given), (item["linkId"], session.answers)
            elif session.result is not None and session.result.kind == "plan" and item["linkId"] not in unsaid:
                assert not enabled(item, given), (item["linkId"], session.answers)
                checked += 1
    assert checked > 500


# --- the QuestionnaireResponse and the recommendation ---------------------------------------------


def test_a_session_round_trips_through_fhir_json(engine: Engine, form: dict) -> None:
    """Exported, loaded, parsed: the same answers, and the recommendation a clinician reads."""
    for session in sessions(engine):
        bundle = bundle_of(session)
        assert bundle.type == "collection"
        filled = bundle.entry[0].resource
        assert isinstance(filled, QuestionnaireResponse)
        assert filled.questionnaire == f"{canonical(engine.dialog.spec.dialog)}|1"
        assert filled.status == "completed"
        assert answers_of(filled, form) == session.answers
        outcome = session.outcome()
        found = bundle.entry[1].resource
        assert isinstance(found, Observation)
        assert found.derivedFrom[0].reference == bundle.entry[0].fullUrl
        assert found.valueCodeableConcept.coding[0].code == outcome.level
        parts: dict[str, list[Any]] = {}
        for c in found.component:
            parts.setdefault(c.code.coding[0].code, []).append(c)
        assert [c.valueCodeableConcept.coding[0].code for c in parts.get("then-level", [])] == (
            [outcome.then_level] if outcome.then_level else [])
        assert [c.valueCodeableConcept.coding[0].code for c in parts.get("modifier", [])] == outcome.modifiers
        assert [c.valueCodeableConcept.coding[0].code for c in parts.get("alternative", [])] == [
            a["level"] for a in outcome.alternatives]
        rules = [c.valueCodeableConcept for c in parts.get("reason", []) + parts.get("note", [])]
        assert [(r.coding[0].code, r.text) for r in rules] == [(r["id"], r["explanation"]) for r in outcome.rules]
        assert parts["urgent"][0].valueBoolean is outcome.urgent
        assert [c.valueCodeableConcept.coding[0].code for c in parts.get("crisis", [])] == outcome.crisis_kinds


def test_own_words_are_kept_beside_the_coded_answer(engine: Engine) -> None:
    session = finish(engine, EXAMPLE.answers)
    items = {i["linkId"]: i for i in response(session)["entry"][0]["resource"]["item"]}
    said = items["alcohol_days"]["answer"][0]
    assert said["valueInteger"] == 7
    assert said["item"] == [{"linkId": "alcohol_days.said", "text": "You said",
                             "answer": [{"valueString": "every day"}]}]
    assert "item" not in items["age_group"]["answer"][0]  # "2" is the option's number, not words
    session.close()


def test_answers_nobody_knew_are_asked_unknown(engine: Engine) -> None:
    session = finish(engine, NATURAL["a parent for a son"])
    unknown = [qid for qid, value in session.answers.items() if value == "unknown"]
    assert unknown
    filled = bundle_of(session).entry[0].resource
    for item in filled.item:
        if item.linkId in unknown:
            assert [a.valueCoding.code for a in item.answer] == ["asked-unknown"]
    session.close()


def test_a_session_left_early_is_stopped_with_no_recommendation(engine: Engine, form: dict) -> None:
    session = finish(engine, ["1", "me", "2"])
    bundle = bundle_of(session)
    assert [type(e.resource).__name__ for e in bundle.entry] == ["QuestionnaireResponse"]
    assert bundle.entry[0].resource.status == "stopped"
    assert answers_of(bundle.entry[0].resource, form) == {"safety_now": "safe", "for_whom": "self",
                                                          "age_group": "adult"}
    session.close()


# --- the commands ----------------------------------------------------------------------------------


def normalized(bundle: Any) -> Any:
    """A bundle with its ids and times made the same each run (they are new on every export)."""
    text = json.dumps(bundle)
    for n, resource in enumerate(bundle["entry"]):
        text = text.replace(resource["fullUrl"], f"urn:uuid:{n}")
    found = json.loads(text)
    for key, value in [("timestamp", found), *(("authored", e["resource"]) for e in found["entry"]),
                       *(("effectiveDateTime", e["resource"]) for e in found["entry"])]:
        value.pop(key, None)
    return found


def test_the_examples_are_what_the_commands_write_now(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """examples/ are regenerated with the commands in the README; this says when they are stale."""
    monkeypatch.chdir(ROOT)
    code, out, _ = in_process(["fhir", "questionnaire"], capsys)
    assert code == 0 and out == (ROOT / "examples" / "questionnaire.fhir.json").read_text()
    written = tmp_path / "response.fhir.json"
    code, _, err = in_process(["chat", "--plain", "--fhir", str(written)], capsys,
                              stdin="".join(f"{a}\n" for a in EXAMPLE.answers))
    assert code == 0, err
    assert stat.S_IMODE(os.stat(written).st_mode) == 0o600
    example = json.loads((ROOT / "examples" / "response.fhir.json").read_text())
    assert normalized(json.loads(written.read_text())) == normalized(example)
    Bundle.model_validate(example)


def test_the_questionnaire_command_writes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 engine: Engine) -> None:
    written = tmp_path / "q.json"
    code, out, _ = in_process(["fhir", "questionnaire", "-o", str(written)], capsys)
    assert code == 0 and out == ""
    assert json.loads(written.read_text()) == questionnaire(engine)
    code, _, err = in_process(["fhir", "questionnaire", "-o", str(tmp_path / "missing" / "q.json")], capsys)
    assert code == 2 and "does not exist" in err


@pytest.mark.parametrize("argv, says", [
    (["--fhir", "missing/out.json"], "does not exist"),
    (["--fhir", "."], "is a folder"),
    (["--fhir", "taken.json"], "already exists"),
])
def test_a_bad_fhir_path_is_refused_before_the_first_question(tmp_path: Path, argv: list[str], says: str,
                                                              capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken.json").write_text("someone's answers\n")
    code, out, err = in_process(["chat", "--plain", *argv], capsys, stdin="1\nme\n")
    assert code == 2 and says in err and "are you safe" not in out
    assert (tmp_path / "taken.json").read_text() == "someone's answers\n"


def test_force_lets_fhir_replace_a_file_and_fhir_needs_plain(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "taken.json"
    taken.write_text("old\n")
    code, _, _ = in_process(["chat", "--plain", "--fhir", str(taken), "--force"], capsys, stdin="1\nme\n")
    assert code == 0 and json.loads(taken.read_text())["entry"][0]["resource"]["status"] == "stopped"
    code, out, err = in_process(["chat", "--fhir", str(tmp_path / "x.json")], capsys)
    assert code == 2 and "--plain" in err and "are you safe" not in out


def test_the_kiosks_fhir_needs_a_save_dir(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = in_process(["kiosk", "--pin", "2468", "--fhir"], capsys)
    assert code == 2 and "--save-dir" in err
