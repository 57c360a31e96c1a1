"""The Engine (built once per dialog) and the Session: the one API every front end uses.

The dialog graph is walked by `route.Route`, shared by every session: a session is its
answers and its current question id, so starting one costs microseconds. A session
keeps the answers of the questions on its current path only: going back forgets the
answer, so a changed branch can never leave a stale answer behind to fire a rule.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel

from . import dialogs
from .answers import Parsed, Parser
from .conditions import AnswerValue, holds, rule_slots
from .dialogs import LoadedDialog
from .recommend import Recommendation, crisis_message, emergency, recommend, short_name
from .route import Route
from .safety import Detector, Hit
from .spec import CHECK_IN_SLOT, CRISIS_SLOT, END, UNKNOWN, Option, Question
from .terms import normalize, tokenize
from .turns import (
    Accepted,
    CheckInTurn,
    CheckInView,
    ConfirmTurn,
    CrisisStage,
    CrisisTurn,
    CrisisView,
    LogEntry,
    OptionView,
    Progress,
    QuestionTurn,
    QuestionView,
    ResultTurn,
    Turn,
)


@dataclass(frozen=True)
class Reading:
    """How an answer was read, and the words the person typed."""

    reading: str
    words: str

    @property
    def own_words(self) -> str:
        """The words typed, where they say more than the reading (not an option number): kept
        beside it in the summary and the FHIR export."""
        words = self.words
        return words if any(c.isalpha() for c in words) and words.casefold() != self.reading.casefold() else ""


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


def _joined(first: str, then: str) -> str:
    """The words of an answer and of what the person said after it, as one quote."""
    return f"{first} / {then}" if first and then else first or then


def _same(a: AnswerValue | None, b: AnswerValue | None) -> bool:
    """The same reading: several choices in any order."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return set(a) == set(b)
    return a == b


class Engine:
    """Everything built once per dialog: route, parser, detector, question views."""

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
        self.detector = Detector(spec.safety, dialog.grammar, dialog.model)
        self.route = Route(dialog.questions, spec.dialog.start)
        # sessions started and not yet closed; weak, so a session dropped without close() is not kept
        self.open_sessions: weakref.WeakSet[Session] = weakref.WeakSet()
        self.crisis_question = Question(id="crisis_check", section=spec.questions[0].section,
                                        text="crisis", kind="yes_no", next=[])
        self._views: dict[tuple[str, bool], QuestionView] = {}
        self._yes_no = tuple(OptionView(number=i, value=o.value, label=o.label)
                             for i, o in enumerate(self.parser.yes_no, 1))
        self.check_in_options = tuple(OptionView(number=i, value=o.value, label=o.label)
                                      for i, o in enumerate(self.check_in_question.options, 1))

    def view_yes_no(self) -> tuple[OptionView, ...]:
        return self._yes_no

    def view(self, qid: str, other: bool) -> QuestionView:
        key = (qid, other)
        found = self._views.get(key)
        if found is None:
            q = self.dialog.questions[qid]
            found = QuestionView(
                id=q.id, section=q.section, section_title=self.dialog.sections[q.section],
                text=(q.text_other if other and q.text_other else q.text), help=q.help, kind=q.kind,
                options=tuple(OptionView(number=i, value=o.value,
                                         label=o.label_other if other and o.label_other else o.label)
                              for i, o in enumerate(self.parser.options(q), 1)),
                min=q.number.min if q.number else None, max=q.number.max if q.number else None,
                unit=q.number.unit if q.number else "",
            )
            self._views[key] = found
        return found

    def session(self, recording: bool = False) -> Session:
        return Session(self, recording=recording)


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
        self._crisis_stage = CrisisStage.NONE
        self._check_in: tuple[tuple[str, ...], str, str] | None = None  # (concepts, question id, words)
        self._primary = ""
        self._about_other = False  # the danger on screen is someone else's (DESIGN.md, graded response)
        self._resume: str | None = None
        self._result: Recommendation | None = None
        self._turn: Turn | None = None
        self._live = False
        self._pending: tuple[str, Parsed] | None = None  # a reading waiting for the person's yes
        self._partial: dict[str, tuple[str, ...]] = {}  # several-choice parts understood so far
        self._partial_said: dict[str, str] = {}  # the words those parts were read from
        # answers the reader failed on (asked again instead): a count only, for tests and staff
        self.reading_faults = 0
        self._shown: tuple[str, tuple[str, ...]] | None = None  # (question, options a question back listed)
        self._understood: str | None = None
        self._accepted: Accepted | None = None  # the answer just taken, told on the next turn
        self._auto: set[str] = set()  # questions answered by words said earlier (answered_by)
        self._read_ahead: set[tuple[str, str]] = set()  # (question, words) put to the person (read_from)

    # --- lifecycle -------------------------------------------------------------------

    def start(self) -> Turn:
        if not self._live:
            self.engine.open_sessions.add(self)
            self._live = True
        return self._show(self._question_turn())

    def close(self) -> None:
        """Forget the answers; the last session to close also empties the caches keyed by answers."""
        if self._live:
            self.engine.open_sessions.discard(self)
            if not self.engine.open_sessions:
                # "questions left" is cached by answer values: with no one answering, keep none
                self.engine.route.forget_answers()
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
        self._partial_said.clear()
        self._shown = None
        self._understood = None
        self._accepted = None
        self._auto.clear()
        self._read_ahead.clear()
        self.path.clear()
        self.exchanges.clear()
        self.crisis_kinds = ()
        self.signals.clear()
        self.checked_in = ()
        self._check_in = None
        self._crisis_stage = CrisisStage.NONE
        self._about_other = False
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

    @property
    def position(self) -> str:
        """Where the session stands: a question id, `crisis`, `check_in` (an indirect signal is
        asked about), `confirm` (a reading waits for a yes), or `end` once there is a result."""
        if self._crisis_stage:
            return CRISIS_AT
        if self._check_in is not None:
            return CHECK_IN_AT
        if self._pending is not None:
            return CONFIRM_AT
        return END if self._result is not None else self.state

    @property
    def shown(self) -> str:
        """The question or prompt on screen now, as worded for this person."""
        return self._turn.shown if self._turn is not None else ""

    def preview(self, text: str) -> str | None:
        """What the question on screen would be re-asked with if `text` were sent now, or None if
        it would be read: live feedback while typing. Nothing is kept or changed, and nothing
        is decided by it; what is sent still goes through `answer` and its crisis check."""
        question = self.dialog.questions.get(self.state)
        if question is None or self._pending is not None or self._crisis_stage or self._check_in is not None:
            return None
        return self.engine.parser.parse(question, text[:MAX_ANSWER], other=self.other_person()).reask

    def log(self) -> tuple[LogEntry, ...]:
        """The conversation so far, for a chat log: each question asked and the reading of its
        answer (with the person's words beside it), then the question on screen and any reading
        waiting for a yes. Drawn from the path, so back, restart and jumps leave nothing stale."""
        other = self.other_person()
        quotes = self.quotes
        entries: list[LogEntry] = []
        for qid in self.path:
            entries.append(LogEntry(f"q:{qid}", "bot", self.engine.view(qid, other).text))
            entries.append(LogEntry(f"a:{qid}", "person", quotes.get(qid, "")))
        if self.state in self.dialog.questions and self._result is None:
            entries.append(LogEntry(f"q:{self.state}", "bot", self.engine.view(self.state, other).text))
            if self._pending is not None:
                qid, parsed = self._pending
                if (qid, parsed.words) not in self._read_ahead:  # words said earlier are not said again
                    entries.append(LogEntry(f"w:{qid}", "person", parsed.words))
                entries.append(LogEntry(f"c:{qid}", "bot", self.confirm_prompt(qid, parsed.display)))
        return tuple(entries)

    def answer(self, text: str) -> Turn:
        """Take what the person typed; every answer passes crisis detection first."""
        if not self._live:
            self.start()
        text = (text if isinstance(text, str) else str(text))[:MAX_ANSWER]  # capped before any scan
        question = self.dialog.questions.get(self.state)
        answering = question if not self._crisis_stage and self._check_in is None else None
        hits = self.engine.detector.detect(text, history=answering is not None and answering.history,
                                           model=answering is None or answering.crisis_model)
        self._note(hits)
        kinds = self.engine.detector.kinds_now(hits)
        if self._crisis_stage:
            return self._log(CRISIS_AT, text, self._crisis_answer(text, hits, kinds))
        if self._check_in is not None:
            return self._log(CHECK_IN_AT, text, self._check_in_answer(text, kinds))
        asked = tuple(h.concept for h in hits if h.grade == "check" and h.concept not in self.checked_in)
        if self._result is not None:
            if kinds:
                return self._log(CRISIS_AT, text, self._enter_crisis(kinds, END, self._someone_else(hits, kinds[0])))
            if asked:
                return self._log(CHECK_IN_AT, text, self._enter_check_in(asked, END, text, hits))
            return self._show(self._result_turn())
        qid = self.state
        at = CONFIRM_AT if self._pending is not None else qid
        if kinds:
            self._pending = None
            return self._log(at, text, self._enter_crisis(kinds, qid, self._someone_else(hits, kinds[0])))
        if asked:
            self._pending = None
            return self._log(at, text, self._enter_check_in(asked, qid, text, hits))
        if self._pending is not None:
            return self._log(at, text, self._confirm_answer(text))
        return self._log(qid, text, self._read(qid, text))

    def _read(self, qid: str, text: str) -> Turn:
        """Read an answer to the question on screen: accept it, confirm it, or ask again."""
        question = self.dialog.questions[qid]
        shown = self._shown[1] if self._shown is not None and self._shown[0] == qid else ()
        try:
            parsed = self.engine.parser.parse(question, text, other=self.other_person(), shown=shown)
        except Exception:  # noqa: BLE001 - an answer that cannot be read is asked again; the intake goes on
            self.reading_faults += 1
            return self._reask(self.engine.parser.ask_again(question, self.other_person()))
        self._shown = (qid, parsed.shown) if parsed.reask is not None and parsed.shown else None
        kept = self._partial.get(qid, ())
        if parsed.reask is not None:
            if parsed.partial:
                self._partial[qid] = tuple(dict.fromkeys(kept + parsed.partial))
                self._partial_said[qid] = _joined(self._partial_said.get(qid, ""), parsed.words)
            return self._reask(parsed.reask)
        if kept and (isinstance(parsed.value, tuple) or parsed.value == UNKNOWN):
            # the parts understood before a follow-up stay, whatever the follow-up says of the rest;
            # the words shown beside the reading are all it was read from
            parsed = replace(self.engine.parser.merged(question, kept, parsed),
                             words=_joined(self._partial_said.get(qid, ""), parsed.words))
            if parsed.reask is not None or parsed.value is None:  # the two cannot go together: asked
                return self._reask(parsed.reask or self.engine.parser.ask_again(question, self.other_person()))
        return self._take(qid, self._worded(question, parsed))

    def _take(self, qid: str, parsed: Parsed) -> Turn:
        """A reading of free text on a question a level depends on is put to the person first."""
        if parsed.inferred and qid in self.engine.critical and parsed.value != UNKNOWN:
            self._pending = (qid, parsed)
            return self._confirm_turn()
        return self._accept(qid, parsed)

    def _worded(self, question: Question, parsed: Parsed) -> Parsed:
        """For someone answering for another person, the reading in the options' other wording
        ("They live alone", not "I live alone"), as the options were shown (after any merge of
        parts read earlier, which builds the reading again)."""
        if not self.other_person() or parsed.value is None:
            return parsed
        return replace(parsed, display=self.engine.parser.for_other(question, parsed.display))

    def _accept(self, qid: str, parsed: Parsed) -> Turn:
        question = self.dialog.questions[qid]
        assert parsed.value is not None
        self._partial.pop(qid, None)
        self._partial_said.pop(qid, None)
        self.answers[qid] = parsed.value
        self.readings[qid] = Reading(parsed.display, parsed.words)
        self._understood = self.dialog.s("understood", reading=parsed.display)
        self.path.append(qid)
        self.state = self.engine.route.next(qid, self.answers)
        self._accepted = Accepted(question=qid, value=parsed.value, next=self.state)
        chosen = parsed.value if isinstance(parsed.value, tuple) else (parsed.value,)
        option_kinds = tuple(o.crisis for o in question.options if o.crisis and o.value in chosen)
        if option_kinds:
            # the safety options are worded for the person answering ("I am thinking about...")
            return self._enter_crisis(option_kinds, self.state, about_other=False)
        return self._after_move()

    def _confirm_turn(self, message: str | None = None) -> Turn:
        assert self._pending is not None
        qid, parsed = self._pending
        return ConfirmTurn(question=self.engine.view(qid, self.other_person()), message=message,
                           progress=self.progress, confirm=self.confirm_prompt(qid, parsed.display),
                           options=self.engine.view_yes_no())

    def _confirm_answer(self, text: str) -> Turn:
        """Yes keeps the reading and no asks the question again. An answer in the reply is read
        as the answer ("no, 4 days"), added to the reading where it says so ("and weed"), and
        the reading said again is a yes ("yeah, 34"). A reply that says none of these is asked
        for a yes or no, the reading still waiting: nothing typed is dropped on a guess."""
        assert self._pending is not None
        qid, parsed = self._pending
        if not text.strip():
            return self._confirm_turn(self.dialog.s("reask_empty"))  # nothing said: the question stays
        question = self.dialog.questions[qid]
        shown = self.engine.view(qid, self.other_person()).text
        reply = self.engine.parser.check_reply(text, about=f"{shown} {parsed.display}")
        answer = self.engine.parser.parse(question, reply.rest, other=self.other_person()) if reply.rest else None
        if answer is not None and answer.reask is None and answer.value not in (None, UNKNOWN):
            if reply.adds and isinstance(parsed.value, tuple) and isinstance(answer.value, tuple):
                answer = replace(self.engine.parser.merged(question, parsed.value, answer),
                                 words=_joined(parsed.words, " ".join(text.split())))
            self._pending = None
            if _same(answer.value, parsed.value) and reply.said != "no":
                return self._accept(qid, parsed)  # the reading said again in the person's words
            # a new answer, or after a "no" the same one in other words ("not quite, more like every
            # day"): taken, or put to the person in turn
            return self._take(qid, self._worded(question, answer))
        if reply.said == "yes" and reply.bare:  # (more said beside a yes, and not understood: asked)
            self._pending = None
            return self._accept(qid, parsed)
        if reply.said == "no":
            self._pending = None
            return self._question_turn(message=self.dialog.s("confirm_again"))
        return self._confirm_turn(self.dialog.s("reask_yes_no"))

    def confirm_prompt(self, qid: str, reading: str) -> str:
        question = self.dialog.questions[qid]
        return self.dialog.s("confirm", reading=reading, asked=short_name(question, self.other_person()))

    @property
    def pending(self) -> tuple[str, str, str] | None:
        """The question, reading and typed words waiting for a yes (a confirm turn is on screen)."""
        return (self._pending[0], self._pending[1].display, self._pending[1].words) if self._pending else None

    @property
    def quotes(self) -> dict[str, str]:
        """Each answer's reading, with the person's words beside it where they differ."""
        return {qid: self._said(r) for qid, r in self.readings.items()}

    def _said(self, r: Reading) -> str:
        if r.own_words:
            return self.dialog.s("words_beside", reading=r.reading, words=r.own_words[:120])
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
        self._partial_said.clear()
        self._shown = None
        if self._result is not None and self._result.kind == "emergency":
            self._result = None
            self._crisis_stage = CrisisStage.ASKED
            return self._show(self._crisis_turn())
        if not self.path:
            return self._show(self._question_turn(message=self.dialog.s("back_at_start")))
        self._result = None
        qid = self.path.pop()
        self.answers.pop(qid, None)
        self.readings.pop(qid, None)
        while qid in self._auto and self.path:  # answered from earlier words: Back goes past it
            self._auto.discard(qid)
            qid = self.path.pop()
            self.answers.pop(qid, None)
            self.readings.pop(qid, None)
        self.state = qid
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
        self.state = self.dialog.spec.dialog.start
        return self.start()

    @property
    def progress(self) -> Progress:
        qid = self.state if self.state != END else (self.path[-1] if self.path else self.dialog.spec.dialog.start)
        q = self.dialog.questions[qid]
        return Progress(answered=len(self.path), section=q.section, section_title=self.dialog.sections[q.section],
                        left=self.questions_left())

    def questions_left(self) -> int:
        """Follow the branches the answers so far choose; unknown answers take the default way."""
        return self.engine.route.questions_left(self.state, self.answers)

    def so_far(self) -> Recommendation:
        """The recommendation the answers so far would give, with every reason and the answers
        that fired it: for staff watching a role-play, never shown to the person."""
        return self._result or recommend(self.dialog, self.answers, self.quotes, self.crisis_kinds, self.checked_in)

    @property
    def ending(self) -> Recommendation | None:
        """The result to export: the one reached, or the emergency one when the session stopped
        during a crisis check (it counts as emergency); None when it stopped before a result."""
        if self._result is None and self._crisis_stage:
            return emergency(self.dialog, self.crisis_kinds, self._about_other)
        return self._result

    def outcome(self) -> Outcome:
        """What happened, for --json and transcripts. Ending in crisis counts as emergency."""
        result = self.ending
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
        shown = self.shown
        self.exchanges.append(Exchange(at=at, shown=shown, typed=typed, outcome=turn.kind, command=command))
        return self._show(turn)


    def _question_turn(self, message: str | None = None, reask: bool = False) -> Turn:
        self._answer_from_words()
        if self.state == END:
            return self._result_turn()
        understood, self._understood = self._understood, None
        accepted, self._accepted = self._accepted, None
        earlier = self._read_earlier_words() if message is None and not reask else None
        if earlier is not None:  # the answer just taken is told on this turn, as on a question
            return replace(self._confirm_turn(self.dialog.s("read_ahead", words=earlier)),
                           understood=understood, accepted=accepted)
        return QuestionTurn(kind="reask" if reask else "question",
                            question=self.engine.view(self.state, self.other_person()), message=message,
                            progress=self.progress, understood=understood, accepted=accepted,
                            ticked=self._partial.get(self.state, ()))

    def _answer_from_words(self) -> None:
        """Questions the person already answered in their own words ("my son" answers "could they
        be pregnant?"): taken, said back in the next "Got it" line, and gone past by Back."""
        while self.state != END:
            question = self.dialog.questions[self.state]
            by = question.answered_by
            said = self._words_said(by.slot, by.words) if by is not None else None
            if by is None or said is None or self._words_said(by.slot, by.not_words) is not None:
                return
            reading = by.reading.format(words=said)
            self.answers[question.id] = by.value
            self.readings[question.id] = Reading(reading, "")
            self.path.append(question.id)
            self._auto.add(question.id)
            short = (question.short_other if self.other_person() else None) or question.short or question.id
            line = self.dialog.s("understood", reading=f"{short}: {reading}")
            self._understood = f"{self._understood} {line}" if self._understood else line
            self.state = self.engine.route.next(question.id, self.answers)

    def _read_earlier_words(self) -> str | None:
        """The question on screen read from what was typed at an earlier one (`read_from`: "my son,
        hes 20" says the age): a reading is put to the person as a confirm, once for those words.
        Returns the earlier words when a reading waits for a yes."""
        question = self.dialog.questions[self.state]
        earlier = self.readings.get(question.read_from) if question.read_from is not None else None
        typed = earlier.own_words if earlier is not None else ""  # an option picked ("2") says no more
        # read from what was said besides the options pointed at ("1, for me": the 1 was that
        # question's), but shown and kept as typed
        words = self.engine.parser.besides_pointing(self.dialog.questions[question.read_from], typed) \
            if typed and question.read_from is not None else ""
        if not words or (question.id, typed) in self._read_ahead:
            return None
        said = self.answers.get(question.read_from or "")
        if isinstance(said, tuple) and len(said) != 1:
            return None  # "weed every day, beer sometimes": whose how-often is whose is not known
        self._read_ahead.add((question.id, typed))
        try:
            parsed = replace(self.engine.parser.parse(question, words, other=self.other_person()), words=typed)
        except Exception:  # noqa: BLE001 - a reading that fails here only means the question is asked
            self.reading_faults += 1
            return None
        if parsed.reask is not None or parsed.value in (None, UNKNOWN):
            return None
        self._pending = (question.id, replace(self._worded(question, parsed), inferred=True))
        return typed

    def _words_said(self, slot: str, words: list[str]) -> str | None:
        """The first of these words (whole words) in what was typed at `slot`, or None."""
        reading = self.readings.get(slot)
        if reading is None:
            return None
        typed = normalize(reading.words).split()
        for phrase in words:
            wanted = normalize(phrase).split()
            if any(typed[i:i + len(wanted)] == wanted for i in range(len(typed))):
                return " ".join(wanted)
        return None

    def _reask(self, message: str) -> Turn:
        return self._question_turn(message=message, reask=True)

    def _after_move(self) -> Turn:
        if self.state == END:
            self._result = recommend(self.dialog, self.answers, self.quotes, self.crisis_kinds, self.checked_in)
            return self._result_turn()
        return self._question_turn()

    def _result_turn(self) -> Turn:
        if self._result is None:
            self._result = recommend(self.dialog, self.answers, self.quotes, self.crisis_kinds, self.checked_in)
        understood, self._understood = self._understood, None
        accepted, self._accepted = self._accepted, None
        return ResultTurn(result=self._result, progress=self.progress, understood=understood, accepted=accepted)

    # --- crisis detection: the graded response -------------------------------------------------

    def _note(self, hits: tuple[Hit, ...]) -> None:
        """Keep what fired, one per concept, the most urgent (shown to staff and in --json only)."""
        for hit in hits:
            known = next((i for i, h in enumerate(self.signals) if h.concept == hit.concept), None)
            if known is None:
                self.signals.append(hit)
            elif hit.grade == "now" and self.signals[known].grade != "now":
                self.signals[known] = hit

    def _someone_else(self, hits: tuple[Hit, ...], kind: str | None = None, concept: str | None = None) -> bool:
        """Whether the danger asked about is someone else's: the words say so ("he has his gun
        out"), or they do not say whose and the intake is for someone else. The questions then
        ask about them and the person typing alike, so a yes about oneself cannot close it."""
        hit = next((h for h in hits if (kind is None or h.kind == kind and h.grade == "now")
                    and (concept is None or h.concept == concept)), None)
        about = hit.about if hit is not None else None
        return about == "other" or about is None and self.other_person()

    def _enter_check_in(self, concepts: tuple[str, ...], resume: str, text: str, hits: tuple[Hit, ...]) -> Turn:
        """An indirect signal: ask directly, once per concept, before anything else."""
        self._check_in = (concepts, resume, text)
        self._about_other = self._someone_else(hits, concept=concepts[0])
        return self._check_in_turn()

    def _check_in_turn(self, message: str | None = None) -> Turn:
        assert self._check_in is not None
        spec = self.dialog.spec.safety
        check = spec.check_in
        prompt = check.prompt_other if self._about_other and check.prompt_other else check.prompt
        resources = check.resources
        by_kind = check.kinds.get(spec.concepts[self._check_in[0][0]].kind)
        if by_kind is not None:  # an overdose, withdrawal or danger the model asks about
            prompt, resources = by_kind.prompt, by_kind.resources
        return CheckInTurn(
            message=message, progress=self.progress,
            check_in=CheckInView(
                concepts=self._check_in[0], message=check.message, prompt=prompt,
                resources=tuple(r.text for r in spec.resources if r.id in resources),
                options=self.engine.check_in_options))

    def _check_in_answer(self, text: str, kinds: tuple[str, ...]) -> Turn:
        """Yes or not sure: the crisis screen. No: the concept is not asked again, and the words
        that raised it are read as the answer they were typed as."""
        assert self._check_in is not None
        concepts, resume, typed = self._check_in
        primary = self.dialog.spec.safety.concepts[concepts[0]].kind
        if kinds:
            self._check_in = None
            return self._enter_crisis(kinds, resume, self._about_other)
        parsed = self.engine.parser.parse(self.engine.check_in_question, text)
        value = parsed.value if parsed.reask is None else None
        if value == "no" and tokenize(text, self.engine.parser.cues.contrast).contrast_at:
            value = "unsure"  # "no, but sometimes": not a plain no
        if value is None:
            return self._check_in_turn(self.dialog.spec.safety.check_in.reask)
        self._check_in = None
        if value != "no":
            return self._enter_crisis((primary,), resume, self._about_other)
        self.checked_in = tuple(dict.fromkeys(self.checked_in + concepts))
        go_on = self.dialog.spec.safety.check_in.go_on
        if resume == END:
            self._result = recommend(self.dialog, self.answers, self.quotes, self.crisis_kinds, self.checked_in)
            return self._result_turn()
        if self._denies_what_raised(resume, typed, primary):
            # "easier not to wake up" at "have you had thoughts of ending your life?" read as No:
            # the words that raised the concern cannot deny it, so the question is asked again
            return self._question_turn(message=go_on)
        turn = self._read(resume, typed)
        if isinstance(turn, QuestionTurn) and turn.kind == "reask":
            return self._question_turn(message=go_on)
        return replace(turn, message=" ".join(m for m in (go_on, turn.message) if m))

    def _denies_what_raised(self, qid: str, typed: str, kind: str) -> bool:
        """Whether the words a check-in was raised by read as the plain "no" of a question that asks
        about that very crisis (it has an option of that kind)."""
        question = self.dialog.questions[qid]
        options = self.engine.parser.options(question)
        if not any(o.crisis == kind for o in options):
            return False
        parsed = self.engine.parser.parse(question, typed, other=self.other_person())
        return parsed.reask is None and any(o.value == parsed.value and o.means == "no" and o.crisis is None
                                            for o in options)

    # --- crisis ------------------------------------------------------------------------------

    def _enter_crisis(self, kinds: tuple[str, ...], resume: str, about_other: bool) -> Turn:
        self.crisis_kinds = tuple(dict.fromkeys(self.crisis_kinds + kinds))
        self._about_other = about_other
        self._crisis_stage = CrisisStage.ASKED
        self._resume = resume
        self._primary = kinds[0]
        if self._result is not None and self._result.kind == "plan":
            self._result = None
        return self._crisis_turn()

    def _crisis_turn(self, message: str | None = None) -> Turn:
        spec = self.dialog.spec.safety
        kind = spec.kinds[self._primary]
        wanted = {rid for k in self.crisis_kinds for rid in spec.kinds[k].resources}
        other = self._about_other
        if self._crisis_stage == CrisisStage.ASKED:
            prompt = kind.check_other if other and kind.check_other else kind.check
        else:
            prompt = kind.confirm_other if other and kind.confirm_other else kind.confirm
        accepted, self._accepted = self._accepted, None  # an answer whose option is a crisis
        return CrisisTurn(
            message=message, progress=self.progress, accepted=accepted,
            crisis=CrisisView(
                kinds=self.crisis_kinds, title=kind.title,
                message=" ".join(crisis_message(spec.kinds[k], other) for k in self.crisis_kinds),
                resources=tuple(r.text for r in spec.resources if r.id in wanted), prompt=prompt,
                options=self.engine.view_yes_no(), stage=self._crisis_stage,
            ),
        )

    def _crisis_answer(self, text: str, hits: tuple[Hit, ...], kinds: tuple[str, ...]) -> Turn:
        if kinds:
            self.crisis_kinds = tuple(dict.fromkeys(self.crisis_kinds + kinds))
            self._primary = kinds[0]
            self._about_other = self._about_other or self._someone_else(hits, kinds[0])
            self._crisis_stage = CrisisStage.ASKED
            return self._crisis_turn(self.dialog.s("crisis_still"))
        parsed = self.engine.parser.parse(self.engine.crisis_question, text)
        if parsed.reask is not None or parsed.value not in ("yes", "no"):
            return self._crisis_turn(self.dialog.s("crisis_reask"))
        if parsed.value == "no":
            self._crisis_stage = CrisisStage.NONE
            self._result = emergency(self.dialog, self.crisis_kinds, self._about_other)
            return ResultTurn(result=self._result, progress=self.progress)
        if self._crisis_stage == CrisisStage.ASKED:
            self._crisis_stage = CrisisStage.MAKING_SURE
            return self._crisis_turn()
        self._crisis_stage = CrisisStage.NONE
        if self._resume == END:
            return self._result_turn()
        return self._question_turn(message=self.dialog.s("crisis_resume"))
