"""The dialog as a FHIR R4 `Questionnaire`, and a session as a `QuestionnaireResponse` with its
recommendation: plain dicts, ready for `json.dumps`, for a clinic's record system.

No FHIR library is imported here (the tests validate the output with fhir.resources' R4B models).

Questionnaire: one item per question, in the dialog's order (linkId = question id). A choice or a
yes/no question is a `choice` item, a several-choice one a `choice` that repeats, a number an
`integer`, a text question a `string`. Answer options are coded: the option's value is the code
(one code system per question, under `BASE`), its label the display. Where the dialog lets someone
answer for another person, choice items also offer data-absent-reason `asked-unknown`, the answer
"not known" the intake records for them. Each question has one read-only child item, `<id>.said`:
the person's own words where they said more than the option (the summary quotes the same).

enableWhen says when a question is asked, worked out from the route itself: every kind of answer
the branches tell apart is walked through `Route.next`, and a question gets the fewest tests,
all of them true (`all`) or any one true (`any`), that hold exactly on the walks that ask it.
A question asked in cases no such list can say (the branches combine `and` with `or`, or count on
earlier branches not taken) gets no enableWhen: the Questionnaire's description names them, and
a form built from it shows them to everyone. Those it does get match the intake exactly.

QuestionnaireResponse: the answers of the questions asked, in the dialog's order; `completed`
when the session reached a result (an intake ended by a crisis included, as in `--json`),
`stopped` when the person left before one. It goes in a Bundle of type `collection` with an
Observation of the recommendation (derived from the response; status `preliminary`: a screening
result no clinician has reviewed): the level as its value, and as components the level after
withdrawal management, urgency, each modifier, alternative, reason and note with its
explanation, each crisis kind disclosed, and each answer nobody knew that could raise the level.
No Patient: the intake asks no name, so nothing has a subject.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial, reduce
from itertools import combinations
from typing import Any
from uuid import uuid4

from .conditions import AnswerValue, holds, leaves
from .dialogs import LoadedDialog
from .engine import Engine, Reading, Session
from .recommend import LevelView, Recommendation
from .spec import UNKNOWN, Condition, DialogInfo, Question, Scalar

# Where the questionnaire and its code systems are named. `.example` is reserved for names that
# belong to no one (RFC 2606): a clinic that publishes the questionnaire puts it under its own.
BASE = "http://addiction-care-intake.example/fhir"
ASKED_UNKNOWN = {"system": "http://terminology.hl7.org/CodeSystem/data-absent-reason",
                 "code": "asked-unknown", "display": "Asked But Unknown"}
SURVEY = {"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey",
          "display": "Survey"}
SAID = "said"  # the child item holding the person's own words: `<question id>.said`
ITEM_TYPES = {"choice": "choice", "yes_no": "choice", "multi": "choice", "number": "integer", "text": "string"}
# the codes of the recommendation's parts (the Observation's code and its components)
RESULT_CODES = {
    "level-of-care": "Suggested level of care (a screening result, not a diagnosis)",
    "then-level": "Level of care after withdrawal management",
    "urgent": "Urgent",
    "modifier": "Look for a program with",
    "alternative": "What else could fit",
    "reason": "Reason for the level",
    "note": "Also good to know",
    "crisis": "Crisis disclosed during the intake",
    "unknown": "Not known; a doctor should ask",
}
Json = dict[str, Any]


def canonical(info: DialogInfo) -> str:
    """The questionnaire's canonical url: the same for every version of one dialog."""
    return f"{BASE}/Questionnaire/{info.id}"


def _system(info: DialogInfo, name: str) -> str:
    """A code system of the recommendation's parts: levels, modifiers, rules, crisis kinds."""
    return f"{BASE}/CodeSystem/{info.id}-{name}"  # ids have no '-': never an answers' system


def _answers_system(info: DialogInfo, qid: str) -> str:
    """The code system of one question's options (the same value means different things elsewhere)."""
    return f"{BASE}/CodeSystem/{info.id}/{qid}"


def dumps(resource: Json) -> str:
    return json.dumps(resource, indent=2, ensure_ascii=False) + "\n"


# --- the Questionnaire ----------------------------------------------------------------------------


def questionnaire(engine: Engine) -> Json:
    """The dialog as a Questionnaire: its questions, coded options and when each is asked."""
    dialog = engine.dialog
    info = dialog.spec.dialog
    enable, unsaid = _enable_when(engine)
    items = []
    for question in dialog.spec.questions:
        item: Json = {"linkId": question.id, "text": engine.view(question.id, False).text,
                      "type": ITEM_TYPES[question.kind]}
        if question.kind == "multi":
            item["repeats"] = True
        if question.id in enable:
            behavior, conditions = enable[question.id]
            item["enableWhen"] = conditions
            if behavior:
                item["enableBehavior"] = behavior
        if ITEM_TYPES[question.kind] == "choice":
            options = [{"valueCoding": _coding(engine, question.id, o.value)}
                       for o in engine.view(question.id, False).options]
            if info.other_person_when is not None:
                options.append({"valueCoding": dict(ASKED_UNKNOWN)})
            item["answerOption"] = options
        item["item"] = [{"linkId": f"{question.id}.{SAID}", "text": dialog.s("you_said"), "type": "string",
                         "readOnly": True}]
        items.append(item)
    resource: Json = {
        "resourceType": "Questionnaire",
        "id": info.id.replace("_", "-"),  # a FHIR id has no '_'
        "language": info.locale.replace("_", "-"),
        "url": canonical(info),
        "version": str(info.version),
        "title": info.title,
        "status": "active",
    }
    if unsaid:
        resource["description"] = (
            f"Asked only in cases enableWhen cannot express, so they have none: {', '.join(unsaid)}.")
    resource["item"] = items
    return resource


def _coding(engine: Engine, qid: str, value: str) -> Json:
    labels = {o.value: o.label for o in engine.view(qid, False).options}
    return {"system": _answers_system(engine.dialog.spec.dialog, qid), "code": value, "display": labels[value]}


@dataclass(frozen=True, eq=False)
class _Test:
    """A test on one question's answer, and the enableWhen entries that say it (several: any of them)."""

    slot: str
    entries: tuple[Json, ...]
    holds: Callable[[dict[str, AnswerValue]], bool]


def _enable_when(engine: Engine) -> tuple[dict[str, tuple[str | None, list[Json]]], list[str]]:
    """Each question asked only sometimes: (enableBehavior, or None for one entry; enableWhen);
    and the questions asked only sometimes that no enableWhen can say."""
    branches = [leaf for _, _, edge in engine.route.edges() if edge.when is not None for leaf in leaves(edge.when)]
    walks = _walks(engine, branches)
    everyone = (1 << len(walks)) - 1
    truth = {t: sum(1 << i for i, (answers, _) in enumerate(walks) if t.holds(answers))
             for t in _tests(engine, branches)}
    found: dict[str, tuple[str | None, list[Json]]] = {}
    unsaid: list[str] = []
    for qid in engine.dialog.questions:
        asked = sum(1 << i for i, (_, path) in enumerate(walks) if qid in path)
        if asked in (0, everyone):
            continue  # asked of everyone (or of no one, which `intake validate` refuses)
        before = {slot for _, path in walks if qid in path for slot in path[:path.index(qid)]}
        usable = [(t, mask) for t, mask in truth.items() if t.slot in before and mask]
        # any: tests each true only on walks that ask it, together true on all of them
        anyof = _fewest([(t, m) for t, m in usable if not m & ~asked], asked, lambda a, b: a | b, 0)
        # all: one-entry tests each true on every walk that asks it, together true on those alone
        allof = _fewest([(t, m) for t, m in usable if len(t.entries) == 1 and not asked & ~m], asked,
                        lambda a, b: a & b, everyone)
        ways = [(behavior, [e for t in chosen for e in t.entries])
                for behavior, chosen in (("any", anyof), ("all", allof)) if chosen]
        if not ways:
            unsaid.append(qid)
            continue
        behavior, entries = min(ways, key=lambda way: len(way[1]))
        found[qid] = (behavior if len(entries) > 1 else None, entries)
    return found, unsaid


def _fewest(tests: list[tuple[_Test, int]], goal: int, join: Callable[[int, int], int], start: int) -> list[_Test]:
    """The fewest of these tests that, joined, give `goal` (the earliest questions' kept first);
    [] when all of them together do not."""
    def joined(part: list[tuple[_Test, int]]) -> int:
        return reduce(join, (mask for _, mask in part), start)

    if not tests or joined(tests) != goal:
        return []
    kept = list(tests)
    for pair in reversed(tests):
        rest = [p for p in kept if p is not pair]
        if rest and joined(rest) == goal:
            kept = rest
    return [t for t, _ in kept]


COMPARE = {"gt": ">", "ge": ">=", "lt": "<", "le": "<="}


def _tests(engine: Engine, branches: list[Condition]) -> list[_Test]:
    """The branches' tests that enableWhen can say, 'answered' for every question, and 'not known'
    for every choice someone answering for another can leave unknown; ordered by question."""
    found: dict[str, _Test] = {}
    for cond in [*branches, *(Condition(slot=qid, op="answered") for qid in engine.dialog.questions)]:
        entries = _entries(engine, cond)
        if entries and cond.slot is not None:
            found.setdefault(f"{cond.slot} {cond.op} {json.dumps(cond.value)}",
                             _Test(cond.slot, entries, partial(holds, cond)))
    if engine.dialog.spec.dialog.other_person_when is not None:
        for q in engine.dialog.spec.questions:
            if ITEM_TYPES[q.kind] == "choice":
                entry = {"question": q.id, "operator": "=", "answerCoding": dict(ASKED_UNKNOWN)}
                found[f"{q.id} unknown"] = _Test(q.id, (entry,), partial(_not_known, q.id))
    index = engine.dialog.question_index
    return sorted(found.values(), key=lambda t: index[t.slot])


def _not_known(qid: str, answers: dict[str, AnswerValue]) -> bool:
    return answers.get(qid) == UNKNOWN


def _entries(engine: Engine, cond: Condition) -> tuple[Json, ...]:
    """The enableWhen entries that say this test (any of them), or () if none can."""
    question = engine.dialog.questions.get(cond.slot or "")
    if question is None:
        return ()  # the engine's own slots (crisis kinds) are no question of the form
    if cond.op == "answered":
        return ({"question": question.id, "operator": "exists", "answerBoolean": True},)
    several = question.kind == "multi"
    if cond.op in (("includes", "includes_any") if several else ("eq", "in")):
        operator = "="
    elif cond.op in COMPARE and question.kind == "number":
        operator = COMPARE[cond.op]
    else:
        return ()  # negative tests: FHIR's != is true of an unanswered question, the dialog's ne is not
    values = cond.value if isinstance(cond.value, list) else [cond.value]
    answers = [_answer(engine, question, value) for value in values]
    if any(a is None for a in answers):
        return ()
    return tuple({"question": question.id, "operator": operator, **a} for a in answers if a is not None)


def _answer(engine: Engine, question: Question, value: Scalar | None) -> Json | None:
    """The answer[x] of an enableWhen entry for a value a test names, if the question can hold it."""
    if question.kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            return None
        return {"answerInteger": int(value)}
    if not isinstance(value, str):
        return None
    if question.kind == "text":
        return {"answerString": value}
    known = {o.value for o in engine.view(question.id, False).options}
    return {"answerCoding": _coding(engine, question.id, value)} if value in known else None


Walk = tuple[dict[str, AnswerValue], list[str]]


def _walks(engine: Engine, branches: list[Condition]) -> list[Walk]:
    """Every way through the dialog, one answer of each kind the branches tell apart at each
    question, walked by the route: (the answers, the questions asked in order). 1,456 ways for
    the shipped dialog (about 20 ms); a several-choice question whose options the branches tell
    into k kinds multiplies them by up to 2^k."""
    tests: dict[str, list[Condition]] = defaultdict(list)
    for cond in branches:
        tests[cond.slot or ""].append(cond)
    route = engine.route
    unknown = engine.dialog.spec.dialog.other_person_when is not None  # else no answer is ever unknown
    kinds = {qid: _kinds(engine, q, tests[qid], unknown) for qid, q in route.questions.items()}
    walks: list[Walk] = []

    def walk(qid: str, answers: dict[str, AnswerValue], path: list[str]) -> None:
        if qid not in route.questions:  # the end
            walks.append((dict(answers), path))
            return
        for value in kinds[qid]:
            answers[qid] = value
            walk(route.next(qid, answers), answers, [*path, qid])
        del answers[qid]

    walk(route.start, {}, [])
    return walks


def _kinds(engine: Engine, question: Question, tests: list[Condition], unknown: bool) -> list[AnswerValue]:
    """One answer of each kind the branches' tests on this question tell apart (each kind gives
    every test the same result), with `unknown` an answer nobody knew among them."""
    values: list[AnswerValue]
    if question.kind == "number" and question.number is not None:
        lo, hi = question.number.min, question.number.max
        named = {int(v) + step for t in tests for v in (t.value if isinstance(t.value, list) else [t.value])
                 if isinstance(v, int | float) and not isinstance(v, bool) for step in (-1, 0, 1)}
        values = sorted({lo, hi} | {v for v in named if lo <= v <= hi})
    elif question.kind == "multi":
        # options a test tells apart, any of them together; an option that goes alone, alone
        apart: dict[tuple[bool, ...], str] = {}
        for o in question.options:
            if not o.exclusive:
                apart.setdefault(tuple(holds(t, {question.id: (o.value,)}) for t in tests), o.value)
        one = list(apart.values())
        values = [tuple(c) for n in range(1, len(one) + 1) for c in combinations(one, n)]
        values += [(o.value,) for o in question.options if o.exclusive]
    elif question.kind == "text":
        values = [*(v for t in tests for v in (t.value if isinstance(t.value, list) else [t.value])
                    if isinstance(v, str)), ""]
    else:
        values = [o.value for o in engine.view(question.id, False).options]
    found: dict[tuple[bool, ...], AnswerValue] = {}
    for value in [*values, UNKNOWN] if unknown else values:
        found.setdefault(tuple(holds(t, {question.id: value}) for t in tests), value)
    return list(found.values())


# --- the QuestionnaireResponse and the recommendation ---------------------------------------------


def response(session: Session, at: datetime | None = None) -> Json:
    """The session as a Bundle (collection): its QuestionnaireResponse and, once there is a
    result, an Observation of the recommendation derived from it."""
    engine = session.engine
    dialog = session.dialog
    info = dialog.spec.dialog
    result = session.ending
    when = (at or datetime.now(UTC)).isoformat(timespec="seconds")
    answered = [q for q in dialog.spec.questions if q.id in session.answers]
    filled: Json = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{canonical(info)}|{info.version}",
        "status": "completed" if result is not None else "stopped",
        "authored": when,
        "item": [_answered(engine, q, session.answers[q.id], session.readings.get(q.id)) for q in answered],
    }
    if not filled["item"]:
        del filled["item"]
    filled_url = f"urn:uuid:{uuid4()}"
    entries = [{"fullUrl": filled_url, "resource": filled}]
    if result is not None:
        entries.append({"fullUrl": f"urn:uuid:{uuid4()}", "resource": _observation(dialog, result, filled_url, when)})
    return {"resourceType": "Bundle", "type": "collection", "timestamp": when, "entry": entries}


def _answered(engine: Engine, question: Question, value: AnswerValue, reading: Reading | None) -> Json:
    """A question's item: its answers (one per choice), the person's own words under the first."""
    answers = [_value(engine, question, v) for v in (value if isinstance(value, tuple) else (value,))]
    words = reading.own_words if reading is not None else ""
    if words and answers:
        answers[0]["item"] = [{"linkId": f"{question.id}.{SAID}", "text": engine.dialog.s("you_said"),
                               "answer": [{"valueString": words}]}]
    return {"linkId": question.id, "text": engine.view(question.id, False).text, "answer": answers}


def _value(engine: Engine, question: Question, value: str | int) -> Json:
    if value == UNKNOWN:
        return {"valueCoding": dict(ASKED_UNKNOWN)}
    if question.kind == "number":
        return {"valueInteger": value}
    if question.kind == "text":
        return {"valueString": value}
    return {"valueCoding": _coding(engine, question.id, str(value))}


def _observation(dialog: LoadedDialog, rec: Recommendation, derived_from: str, when: str) -> Json:
    info = dialog.spec.dialog

    def code(name: str) -> Json:
        return {"coding": [{"system": _system(info, "result"), "code": name, "display": RESULT_CODES[name]}]}

    def coded(system: str, value: str, text: str, display: str | None = None) -> Json:
        coding = {"system": _system(info, system), "code": value} | ({"display": display} if display else {})
        return {"coding": [coding], "text": text}

    def level(view: LevelView) -> Json:
        return coded("level", view.id, f"{view.name} (ASAM {view.asam})" if view.asam else view.name, view.name)

    parts: list[Json] = []
    if rec.then is not None:
        parts.append({"code": code("then-level"), "valueCodeableConcept": level(rec.then)})
    parts.append({"code": code("urgent"), "valueBoolean": rec.urgent})
    parts += [{"code": code("modifier"), "valueCodeableConcept": coded("modifier", m.id, m.text, m.name)}
              for m in rec.modifiers]
    parts += [{"code": code("alternative"), "valueCodeableConcept": {
        **level(a.level), "text": f"{a.level.name}{''.join(f', {m.name}' for m in a.modifiers)}: {a.when}"}}
        for a in rec.alternatives]
    parts += [{"code": code(kind), "valueCodeableConcept": coded("rule", r.rule, r.text)}
              for kind, reasons in (("reason", rec.reasons), ("note", rec.notes)) for r in reasons]
    parts += [{"code": code("crisis"), "valueCodeableConcept": coded("crisis", k, k)} for k in rec.crisis_kinds]
    parts += [{"code": code("unknown"), "valueString": u} for u in rec.unknowns]
    return {
        "resourceType": "Observation",
        "status": "preliminary",
        "category": [{"coding": [dict(SURVEY)]}],
        "code": code("level-of-care"),
        "effectiveDateTime": when,
        "derivedFrom": [{"reference": derived_from}],
        "valueCodeableConcept": level(rec.level),
        "note": [{"text": rec.notice}],
        "component": parts,
    }
