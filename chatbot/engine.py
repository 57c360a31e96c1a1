"""The dialog machine and the Session: the one API every front end uses.

One `transitions` machine is built per loaded dialog and shared by every session
(`add_model` / `remove_model`), so starting a session costs microseconds. A session
keeps the answers of the questions on its current path only: going back forgets the
answer, so a changed branch can never leave a stale answer behind to fire a rule.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from pydantic import BaseModel
from transitions import EventData, Machine

from . import dialogs
from .answers import Parsed, Parser
from .conditions import AnswerValue, holds, rule_slots, slots_of
from .dialogs import LoadedDialog
from .recommend import Recommendation, emergency, fired_rules, leading_level, recommend
from .safety import Detector, Hit
from .terms import tokenize
from .spec import CHECK_IN_SLOT, CRISIS_SLOT, END, UNKNOWN, Condition, Option, Question


class OptionView(BaseModel):
    number: int
    value: str
    label: str


class QuestionView(BaseModel):
    id: str
    section: str
    section_title: str
    text: str
    help: str | None
    kind: str
    options: list[OptionView]
    min: int | None = None
    max: int | None = None
    unit: str = ""


class CrisisView(BaseModel):
    kinds: list[str]
    title: str
    message: str
    resources: list[str]
    prompt: str
    options: list[OptionView]
    stage: int


class CheckInView(BaseModel):
    """An indirect signal's direct question, with the numbers beside it (DESIGN.md, graded response)."""

    concepts: list[str]
    message: str
    prompt: str
    resources: list[str]
    options: list[OptionView]


class Progress(BaseModel):
    answered: int
    section: str
    section_title: str
    left: int


class Turn(BaseModel):
    """What a front end shows next: a question, a re-ask, a crisis, or the result.

    The engine builds turns with `model_construct` from values it made itself: a turn is
    made on every answer, and validating our own output again costs more than it checks.
    """

    kind: Literal["question", "reask", "confirm", "check_in", "crisis", "result"]
    question: QuestionView | None = None
    message: str | None = None
    crisis: CrisisView | None = None
    check_in: CheckInView | None = None
    result: Recommendation | None = None
    progress: Progress
    # how the last answer was read ("Got it: 18 to 64."), shown before what comes next
    understood: str | None = None
    # a confirm turn: the question to say yes or no to, about `question`'s reading
    confirm: str | None = None
    # several-choice options already understood while the rest is asked
    ticked: list[str] = []


@dataclass(frozen=True)
class Reading:
    """How an answer was read, and the words the person typed."""

    reading: str
    words: str


@dataclass(frozen=True)
class Exchange:
    """One thing typed (or back/restart) and where: the raw material of a transcript, in memory only."""

    at: str  # question id, "confirm", "check_in" or "crisis"
    shown: str
    typed: str
    outcome: str  # the Turn kind that followed
    command: str | None = None  # "back" or "restart" instead of typed text


class Outcome(BaseModel):
    """The machine-readable end of a session (`--json`, transcripts, tests)."""

    dialog: str
    dialog_version: int
    complete: bool
    level: str | None
    then_level: str | None
    urgent: bool
    modifiers: list[str]
    alternatives: list[dict[str, object]]
    rules: list[dict[str, str]]
    crisis: bool
    crisis_kinds: list[str]
    answers: dict[str, AnswerValue]
    readings: dict[str, dict[str, str]] = {}
    # what crisis detection found in the person's words (concept, grade, words), and the
    # check-ins they answered no to: for staff and the --json file, never logged
    signals: list[dict[str, str]] = []
    checked_in: list[str] = []


# the longest answer read, in characters; anything after it is not scanned (a pasted novel, or a
# 30 MB line, costs no more than this)
MAX_ANSWER = 10_000
CRISIS_AT = "crisis"
CONFIRM_AT = "confirm"
CHECK_IN_AT = "check_in"


class SharedMachine(Machine):
    """The dialog machine, shared by every session.

    Sessions do not use the per-state `is_<state>()` helpers or `on_enter_<state>` lookups
    that transitions binds into each model it adds, so they are skipped: with ~30 states,
    binding them was most of the cost of starting a session.
    """

    def _add_model_to_state(self, state, model):  # noqa: ANN001, ANN202 - transitions' hook
        return None


class Engine:
    """Everything built once per dialog: machine, parser, detector, question views."""

    def __init__(self, dialog: LoadedDialog):
        self.dialog = dialog
        spec = dialog.spec
        resources = {r.id: r.text for r in spec.safety.resources}
        # questions a rule's floor depends on: a reading inferred from free text is confirmed
        self.critical = frozenset(slot for rule in spec.rules if rule.floor
                                  for slot in rule_slots(rule.when, {r.id: r.when for r in spec.rules}))
        check = spec.safety.check_in
        # the check-in is read like any choice question, so "not sure" and hedges are understood
        self.check_in_question = Question(
            id="check_in", section=spec.questions[0].section, text=check.prompt, kind="choice", next=[],
            options=[Option(value="yes", label=spec.strings.get("yes_label", "Yes"), means="yes"),
                     Option(value="no", label=spec.strings.get("no_label", "No"), means="no"),
                     Option(value="unsure", label=check.unsure_label, means="unsure")])
        self.parser = Parser([*spec.questions, self.check_in_question], dialog.language, spec.strings,
                             critical=self.critical, help_now={
            kind: resources[k.resources[0]] for kind, k in spec.safety.kinds.items() if k.resources})
        self.detector = Detector(spec.safety)
        self.machine = SharedMachine(
            model=None,
            states=[q.id for q in spec.questions] + [END],
            initial=spec.dialog.start,
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=True,
        )
        for q in spec.questions:
            for edge in q.next:
                conditions = [] if edge.when is None else [_condition(edge.when)]
                self.machine.add_transition("advance", q.id, edge.goto, conditions=conditions)
        self.crisis_question = Question(id="crisis_check", section=spec.questions[0].section,
                                        text="crisis", kind="yes_no", next=[])
        self._views: dict[tuple[str, bool], QuestionView] = {}
        self._ahead = self._downstream_slots()
        self._left: dict[tuple[str, tuple[object, ...]], int] = {}
        self._yes_no = [OptionView(number=i, value=o.value, label=o.label)
                        for i, o in enumerate(self.parser.yes_no, 1)]
        self.check_in_options = [OptionView(number=i, value=o.value, label=o.label)
                                 for i, o in enumerate(self.check_in_question.options, 1)]
        self._lock = threading.Lock()

    def view_yes_no(self) -> list[OptionView]:
        return self._yes_no

    def _downstream_slots(self) -> dict[str, tuple[str, ...]]:
        """For each question, the slots that the branches still ahead of it test."""
        questions = self.dialog.questions
        memo: dict[str, frozenset[str]] = {}

        def slots(qid: str) -> frozenset[str]:
            if qid not in memo:
                found: set[str] = set()
                for edge in questions[qid].next:
                    if edge.when is not None:
                        found.update(slots_of(edge.when))
                    if edge.goto in questions:
                        found |= slots(edge.goto)
                memo[qid] = frozenset(found)
            return memo[qid]

        return {qid: tuple(sorted(slots(qid))) for qid in questions}

    def questions_left(self, state: str, answers: dict[str, AnswerValue]) -> int:
        """Questions ahead on the path these answers choose, worked out once per situation:
        the walk depends only on the answers the branches ahead test."""
        if state == END:
            return 0
        key = (state, tuple(answers.get(slot) for slot in self._ahead[state]))
        found = self._left.get(key)
        if found is None:
            count, qid = 0, state
            limit = len(self.dialog.spec.questions)
            while qid != END and count <= limit:
                count += 1
                qid = next((e.goto for e in self.dialog.questions[qid].next
                            if e.when is None or holds(e.when, answers)), END)
            if len(self._left) > 50_000:
                self._left.clear()
            found = self._left[key] = count
        return found

    def forget_answers(self) -> None:
        """Drop what is cached by answer values (the last session has closed)."""
        self._left.clear()

    def view(self, qid: str, other: bool) -> QuestionView:
        key = (qid, other)
        found = self._views.get(key)
        if found is None:
            q = self.dialog.questions[qid]
            found = QuestionView(
                id=q.id, section=q.section, section_title=self.dialog.sections[q.section],
                text=(q.text_other if other and q.text_other else q.text), help=q.help, kind=q.kind,
                options=[OptionView(number=i, value=o.value, label=o.label)
                         for i, o in enumerate(self.parser.options(q), 1)],
                min=q.number.min if q.number else None, max=q.number.max if q.number else None,
                unit=q.number.unit if q.number else "",
            )
            self._views[key] = found
        return found

    def session(self, recording: bool = False) -> Session:
        return Session(self, recording=recording)


def _condition(cond: Condition):  # noqa: ANN202 - a transitions condition callable
    def check(event: EventData) -> bool:
        return holds(cond, cast(Session, event.model).answers)  # sessions are the machine's only models
    return check


_ENGINES: dict[str, Engine] = {}


def engine_for(path: str | Path = dialogs.DEFAULT_DIALOG) -> Engine:
    """The shared engine of a dialog file, loaded and built on first use."""
    key = str(Path(path).resolve())
    found = _ENGINES.get(key)
    if found is None:
        found = _ENGINES[key] = Engine(dialogs.load(path))
    return found


class Session:
    """One person's conversation. Start it, feed it text, read the Turns; close it when done."""

    def __init__(self, engine: Engine, recording: bool = False):
        self.engine = engine
        # staff role-play and --record keep back/restart in the exchanges; a person's restart forgets all
        self.recording = recording
        self.dialog = engine.dialog
        self.state: str = self.dialog.spec.dialog.start
        self.answers: dict[str, AnswerValue] = {}
        self.readings: dict[str, Reading] = {}
        self.path: list[str] = []
        self.crisis_kinds: tuple[str, ...] = ()
        self.signals: list[Hit] = []  # what detection found, one per concept (staff, --json)
        self.checked_in: tuple[str, ...] = ()  # concepts asked about directly and answered no
        self.exchanges: list[Exchange] = []
        self._crisis_stage = 0
        self._check_in: tuple[tuple[str, ...], str, str] | None = None  # (concepts, question id, words)
        self._primary = ""
        self._resume: str | None = None
        self._result: Recommendation | None = None
        self._turn: Turn | None = None
        self._live = False
        self._pending: tuple[str, Parsed] | None = None  # a reading waiting for the person's yes
        self._partial: dict[str, tuple[str, ...]] = {}  # several-choice parts understood so far
        self._understood: str | None = None

    # --- lifecycle -------------------------------------------------------------------

    def start(self) -> Turn:
        if not self._live:
            with self.engine._lock:
                self.engine.machine.add_model(self, initial=self.dialog.spec.dialog.start)
            self._live = True
        return self._show(self._question_turn())

    def close(self) -> None:
        """Release the shared machine's hold on this session and forget the answers."""
        if self._live:
            with self.engine._lock:
                self.engine.machine.remove_model(self)
                if not self.engine.machine.models:
                    # "questions left" is cached by answer values: with no one answering, keep none
                    self.engine.forget_answers()
            self._live = False
        self._wipe()

    def __enter__(self) -> Session:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wipe(self) -> None:
        self.answers.clear()
        self.readings.clear()
        self._pending = None
        self._partial.clear()
        self._understood = None
        self.path.clear()
        self.exchanges.clear()
        self.crisis_kinds = ()
        self.signals.clear()
        self.checked_in = ()
        self._check_in = None
        self._crisis_stage = 0
        self._resume = None
        self._result = None
        self._turn = None

    # --- the API front ends use --------------------------------------------------------

    @property
    def turn(self) -> Turn:
        """The turn on screen now."""
        return self._turn if self._turn is not None else self.start()

    @property
    def finished(self) -> bool:
        return self._result is not None

    @property
    def in_crisis(self) -> bool:
        return self._crisis_stage > 0

    @property
    def checking_in(self) -> bool:
        """An indirect signal's direct question is on screen, waiting for an answer."""
        return self._check_in is not None

    @property
    def result(self) -> Recommendation | None:
        return self._result

    def answer(self, text: str) -> Turn:
        """Take what the person typed; every answer passes crisis detection first."""
        if not self._live:
            self.start()
        text = (text if isinstance(text, str) else str(text))[:MAX_ANSWER]  # capped before any scan
        question = self.dialog.questions.get(self.state)
        history = question is not None and question.history and not self._crisis_stage and self._check_in is None
        hits = self.engine.detector.detect(text, history=history)
        self._note(hits)
        kinds = self.engine.detector.kinds_now(hits)
        if self._crisis_stage:
            return self._log(CRISIS_AT, text, self._crisis_answer(text, kinds))
        if self._check_in is not None:
            return self._log(CHECK_IN_AT, text, self._check_in_answer(text, kinds))
        asked = tuple(h.concept for h in hits if h.grade == "check" and h.concept not in self.checked_in)
        if self._result is not None:
            if kinds:
                return self._log(CRISIS_AT, text, self._enter_crisis(kinds, resume=END))
            if asked:
                return self._log(CHECK_IN_AT, text, self._enter_check_in(asked, END, text))
            return self._show(self._result_turn())
        qid = self.state
        at = CONFIRM_AT if self._pending is not None else qid
        if kinds:
            self._pending = None
            return self._log(at, text, self._enter_crisis(kinds, resume=qid))
        if asked:
            self._pending = None
            return self._log(at, text, self._enter_check_in(asked, qid, text))
        if self._pending is not None:
            return self._log(at, text, self._confirm_answer(text))
        return self._log(qid, text, self._read(qid, text))

    def _read(self, qid: str, text: str) -> Turn:
        """Read an answer to the question on screen: accept it, confirm it, or ask again."""
        question = self.dialog.questions[qid]
        parsed = self.engine.parser.parse(question, text, other=self.other_person())
        kept = self._partial.get(qid, ())
        if parsed.reask is not None:
            if parsed.partial:
                self._partial[qid] = tuple(dict.fromkeys(kept + parsed.partial))
            return self._reask(parsed.reask)
        if kept and (isinstance(parsed.value, tuple) or parsed.value == UNKNOWN):
            # the parts understood before a follow-up stay, whatever the follow-up says of the rest
            parsed = self.engine.parser.merged(question, kept, parsed)
        if parsed.inferred and qid in self.engine.critical and parsed.value != UNKNOWN:
            self._pending = (qid, parsed)
            return self._confirm_turn()
        return self._accept(qid, parsed)

    def _accept(self, qid: str, parsed: Parsed) -> Turn:
        question = self.dialog.questions[qid]
        assert parsed.value is not None
        self._partial.pop(qid, None)
        self.answers[qid] = parsed.value
        self.readings[qid] = Reading(parsed.display, parsed.words)
        self._understood = self.dialog.s("understood", reading=parsed.display)
        self.path.append(qid)
        self.advance()  # type: ignore[attr-defined]  # bound by the shared machine
        chosen = parsed.value if isinstance(parsed.value, tuple) else (parsed.value,)
        option_kinds = tuple(o.crisis for o in question.options if o.crisis and o.value in chosen)
        if option_kinds:
            return self._enter_crisis(option_kinds, resume=self.state)
        return self._after_move()

    def _confirm_turn(self, message: str | None = None) -> Turn:
        assert self._pending is not None
        qid, parsed = self._pending
        return Turn.model_construct(
            kind="confirm", question=self.engine.view(qid, self.other_person()), message=message,
            progress=self.progress, confirm=self.confirm_prompt(qid, parsed.display),
            understood=None, ticked=[])

    def _confirm_answer(self, text: str) -> Turn:
        """Yes keeps the reading; no asks the question again; other words are a new answer."""
        assert self._pending is not None
        qid, parsed = self._pending
        said, rest = self.engine.parser.leading_polarity(text)
        if said == "yes" and not rest:
            self._pending = None
            return self._accept(qid, parsed)
        self._pending = None
        if said == "no" and not rest:
            return self._question_turn(message=self.dialog.s("confirm_again"))
        return self._read(qid, rest if said else text)

    def confirm_prompt(self, qid: str, reading: str) -> str:
        question = self.dialog.questions[qid]
        return self.dialog.s("confirm", reading=reading, asked=question.short or question.text)

    @property
    def pending(self) -> tuple[str, str, str] | None:
        """The question, reading and typed words waiting for a yes (a confirm turn is on screen)."""
        return (self._pending[0], self._pending[1].display, self._pending[1].words) if self._pending else None

    @property
    def quotes(self) -> dict[str, str]:
        """Each answer's reading, with the person's words beside it where they differ."""
        return {qid: self._said(r) for qid, r in self.readings.items()}

    def _said(self, r: Reading) -> str:
        if r.words and any(c.isalpha() for c in r.words) and r.words.casefold() != r.reading.casefold():
            return self.dialog.s("words_beside", reading=r.reading, words=r.words[:120])
        return r.reading

    def back(self) -> Turn:
        """Undo the last answer (or leave the result) and ask that question again."""
        if self.recording:
            return self._log(self._at(), "", self._back(), command="back")
        return self._back()

    def _at(self) -> str:
        if self._crisis_stage:
            return CRISIS_AT
        if self._check_in is not None:
            return CHECK_IN_AT
        return CONFIRM_AT if self._pending is not None else self.state

    def _back(self) -> Turn:
        if self._crisis_stage:
            return self._show(self._crisis_turn(self.dialog.s("crisis_still")))
        if self._check_in is not None:
            return self._show(self._check_in_turn(self.dialog.spec.safety.check_in.reask))
        if self._pending is not None:
            self._pending = None
            return self._show(self._question_turn())
        self._partial.clear()
        if self._result is not None and self._result.kind == "emergency":
            self._result = None
            self._crisis_stage = 1
            return self._show(self._crisis_turn())
        if not self.path:
            return self._show(self._question_turn(message=self.dialog.s("back_at_start")))
        self._result = None
        qid = self.path.pop()
        self.answers.pop(qid, None)
        self.readings.pop(qid, None)
        self.engine.machine.set_state(qid, model=self)
        return self._show(self._question_turn())

    def back_to(self, qid: str) -> Turn:
        """Jump back to an earlier question on the path (staff mode)."""
        if qid not in self.path:
            raise ValueError(f"{qid} is not an earlier question of this session")
        while self.path and self.path[-1] != qid:
            self.back()
        return self.back()

    def restart(self) -> Turn:
        """Forget everything, including crisis disclosures, and begin again."""
        kept = list(self.exchanges) if self.recording else []
        at = self._at()
        self._wipe()
        if self.recording:
            self.exchanges[:] = kept
            self.exchanges.append(Exchange(at=at, shown="", typed="", outcome="question", command="restart"))
        if self._live:
            self.engine.machine.set_state(self.dialog.spec.dialog.start, model=self)
        self.state = self.dialog.spec.dialog.start
        return self.start()

    @property
    def progress(self) -> Progress:
        qid = self.state if self.state != END else (self.path[-1] if self.path else self.dialog.spec.dialog.start)
        q = self.dialog.questions[qid]
        return Progress.model_construct(answered=len(self.path), section=q.section,
                                        section_title=self.dialog.sections[q.section], left=self.questions_left())

    def questions_left(self) -> int:
        """Follow the branches the answers so far choose; unknown answers take the default way."""
        return self.engine.questions_left(self.state, self.answers)

    def leading(self) -> tuple[str, list[str]]:
        """The level that leads now and the rules fired so far (staff inspector)."""
        fired = fired_rules(self.dialog, self._facts())
        return leading_level(self.dialog, fired), [r.id for r in fired]

    def outcome(self) -> Outcome:
        """What happened, for --json and transcripts. Ending in crisis counts as emergency."""
        result = self._result
        if result is None and self._crisis_stage:
            result = emergency(self.dialog, self.crisis_kinds)
        spec = self.dialog.spec.dialog
        return Outcome(
            dialog=spec.id,
            dialog_version=spec.version,
            complete=result is not None,
            level=result.level.id if result else None,
            then_level=result.then.id if result and result.then else None,
            urgent=result.urgent if result else False,
            modifiers=[m.id for m in result.modifiers] if result else [],
            alternatives=[{"level": a.level.id, "modifiers": [m.id for m in a.modifiers], "when": a.when}
                          for a in result.alternatives] if result else [],
            rules=[{"id": r.rule, "explanation": r.text} for r in result.reasons + result.notes] if result else [],
            crisis=bool(self.crisis_kinds),
            crisis_kinds=list(self.crisis_kinds),
            answers=dict(self.answers),
            readings={qid: {"reading": r.reading, "said": r.words} for qid, r in self.readings.items()},
            signals=[{"concept": h.concept, "kind": h.kind, "grade": h.grade, "words": h.words} for h in self.signals],
            checked_in=list(self.checked_in),
        )

    # --- internals -------------------------------------------------------------------------

    def _facts(self) -> dict[str, AnswerValue]:
        facts = dict(self.answers)
        if self.crisis_kinds:
            facts[CRISIS_SLOT] = self.crisis_kinds
        if self.checked_in:
            facts[CHECK_IN_SLOT] = self.checked_in
        return facts

    def other_person(self) -> bool:
        cond = self.dialog.spec.dialog.other_person_when
        return cond is not None and holds(cond, self.answers)

    def _show(self, turn: Turn) -> Turn:
        self._turn = turn
        return turn

    def _log(self, at: str, typed: str, turn: Turn, command: str | None = None) -> Turn:
        shown = self._shown_text()
        self.exchanges.append(Exchange(at=at, shown=shown, typed=typed, outcome=turn.kind, command=command))
        return self._show(turn)

    def _shown_text(self) -> str:
        turn = self._turn
        if turn is None:
            return ""
        if turn.crisis is not None:
            return turn.crisis.prompt
        if turn.check_in is not None:
            return turn.check_in.prompt
        if turn.confirm is not None:
            return turn.confirm
        if turn.question is not None:
            return turn.question.text
        return ""

    def _question_turn(self, message: str | None = None, kind: str = "question") -> Turn:
        if self.state == END:
            return self._result_turn()
        understood, self._understood = self._understood, None
        return Turn.model_construct(kind=kind, question=self.engine.view(self.state, self.other_person()),  # type: ignore[arg-type]
                                    message=message, progress=self.progress, understood=understood,
                                    confirm=None, ticked=list(self._partial.get(self.state, ())))

    def _reask(self, message: str) -> Turn:
        return self._question_turn(message=message, kind="reask")

    def _after_move(self) -> Turn:
        if self.state == END:
            self._result = recommend(self.dialog, self.answers, self.quotes, self.crisis_kinds, self.checked_in)
            return self._result_turn()
        return self._question_turn()

    def _result_turn(self) -> Turn:
        if self._result is None:
            self._result = recommend(self.dialog, self.answers, self.quotes, self.crisis_kinds, self.checked_in)
        understood, self._understood = self._understood, None
        return Turn.model_construct(kind="result", result=self._result, progress=self.progress,
                                    understood=understood, confirm=None, ticked=[])

    # --- crisis detection: the graded response -------------------------------------------------

    def _note(self, hits: tuple[Hit, ...]) -> None:
        """Keep what fired, one per concept, the most urgent (shown to staff and in --json only)."""
        for hit in hits:
            known = next((i for i, h in enumerate(self.signals) if h.concept == hit.concept), None)
            if known is None:
                self.signals.append(hit)
            elif hit.grade == "now" and self.signals[known].grade != "now":
                self.signals[known] = hit

    def _enter_check_in(self, concepts: tuple[str, ...], resume: str, text: str) -> Turn:
        """An indirect signal: ask directly, once per concept, before anything else."""
        self._check_in = (concepts, resume, text)
        return self._check_in_turn()

    def _check_in_turn(self, message: str | None = None) -> Turn:
        assert self._check_in is not None
        spec = self.dialog.spec.safety
        check = spec.check_in
        prompt = check.prompt_other if self.other_person() and check.prompt_other else check.prompt
        return Turn.model_construct(
            kind="check_in", message=message, progress=self.progress, understood=None, confirm=None, ticked=[],
            check_in=CheckInView(
                concepts=list(self._check_in[0]), message=check.message, prompt=prompt,
                resources=[r.text for r in spec.resources if r.id in check.resources],
                options=self.engine.check_in_options))

    def _check_in_answer(self, text: str, kinds: tuple[str, ...]) -> Turn:
        """Yes or not sure: the crisis screen. No: the concept is not asked again, and the words
        that raised it are read as the answer they were typed as."""
        assert self._check_in is not None
        concepts, resume, typed = self._check_in
        primary = self.dialog.spec.safety.concepts[concepts[0]].kind
        if kinds:
            self._check_in = None
            return self._enter_crisis(kinds, resume=resume)
        parsed = self.engine.parser.parse(self.engine.check_in_question, text)
        value = parsed.value if parsed.reask is None else None
        if value == "no" and tokenize(text, self.engine.parser.cues.contrast).contrast_at:
            value = "unsure"  # "no, but sometimes": not a plain no
        if value is None:
            return self._check_in_turn(self.dialog.spec.safety.check_in.reask)
        self._check_in = None
        if value != "no":
            return self._enter_crisis((primary,), resume=resume)
        self.checked_in = tuple(dict.fromkeys(self.checked_in + concepts))
        go_on = self.dialog.spec.safety.check_in.go_on
        if resume == END:
            self._result = recommend(self.dialog, self.answers, self.quotes, self.crisis_kinds, self.checked_in)
            return self._result_turn()
        turn = self._read(resume, typed)
        if turn.kind == "reask":
            return self._question_turn(message=go_on)
        return turn.model_copy(update={"message": " ".join(m for m in (go_on, turn.message) if m)})

    # --- crisis ------------------------------------------------------------------------------

    def _enter_crisis(self, kinds: tuple[str, ...], resume: str) -> Turn:
        self.crisis_kinds = tuple(dict.fromkeys(self.crisis_kinds + kinds))
        self._crisis_stage = 1
        self._resume = resume
        self._primary = kinds[0]
        if self._result is not None and self._result.kind == "plan":
            self._result = None
        return self._crisis_turn()

    def _crisis_turn(self, message: str | None = None) -> Turn:
        spec = self.dialog.spec.safety
        kind = spec.kinds[self._primary]
        wanted = {rid for k in self.crisis_kinds for rid in spec.kinds[k].resources}
        prompt = kind.check if self._crisis_stage == 1 else kind.confirm
        return Turn.model_construct(
            kind="crisis", message=message, progress=self.progress, understood=None, confirm=None, ticked=[],
            crisis=CrisisView(
                kinds=list(self.crisis_kinds), title=kind.title,
                message=" ".join(spec.kinds[k].message for k in self.crisis_kinds),
                resources=[r.text for r in spec.resources if r.id in wanted], prompt=prompt,
                options=self.engine.view_yes_no(), stage=self._crisis_stage,
            ),
        )

    def _crisis_answer(self, text: str, kinds: tuple[str, ...]) -> Turn:
        if kinds:
            self.crisis_kinds = tuple(dict.fromkeys(self.crisis_kinds + kinds))
            self._primary = kinds[0]
            self._crisis_stage = 1
            return self._crisis_turn(self.dialog.s("crisis_still"))
        parsed = self.engine.parser.parse(self.engine.crisis_question, text)
        if parsed.reask is not None or parsed.value not in ("yes", "no"):
            return self._crisis_turn(self.dialog.s("crisis_reask"))
        if parsed.value == "no":
            self._crisis_stage = 0
            self._result = emergency(self.dialog, self.crisis_kinds)
            return Turn.model_construct(kind="result", result=self._result, progress=self.progress,
                                        understood=None, confirm=None, ticked=[])
        if self._crisis_stage == 1:
            self._crisis_stage = 2
            return self._crisis_turn()
        self._crisis_stage = 0
        if self._resume == END:
            return self._result_turn()
        return self._question_turn(message=self.dialog.s("crisis_resume"))
