"""Replay a transcript in a fresh session and say, in ten seconds' reading, what changed.

Compares the question asked at each turn (and with `strict`, the text shown), then the
outcome: level, then-level, modifiers, fired rules, crisis. The first turn that asks a
different question is reported with the transcript's file and line; later turns would
only repeat the same divergence.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .engine import CONFIRM_AT, Engine, Outcome, Session
from .fileio import write_private
from .transcript import Expected, Transcript, TranscriptTurn, expected_from, load, to_yaml
from .turns import CrisisTurn, QuestionTurn, ResultTurn, Turn
from .yamlcomments import carry_comments
from .yamlsource import Source


@dataclass(frozen=True)
class Mismatch:
    line: int
    what: str
    expected: str
    actual: str
    stops: bool = False  # a different question: later turns would only repeat the divergence


def check_turn(index: int, turn: TranscriptTurn, session: Session, source: Source, strict: bool,
               via: str = "") -> list[Mismatch]:
    """Compare the question asked now (and with `strict`, the text shown) with the transcript."""
    line = source.line(("turns", index))
    at = session.position
    if turn.question is not None and turn.question != at:
        return [Mismatch(line, f"turn {index + 1}{via}: a different question is asked", turn.question, at,
                         stops=True)]
    if strict and turn.answer is not None and turn.shown is not None and turn.shown != session.shown:
        return [Mismatch(line, f"turn {index + 1} ({at}{via}): the text shown changed", turn.shown, session.shown)]
    return []


@dataclass(frozen=True)
class Before:
    """What a replay needs to know about a session just before an answer is sent."""

    in_crisis: bool
    crisis_kinds: tuple[str, ...]
    confirming: str | None  # the question whose reading waits for a yes

    @classmethod
    def of(cls, session: Session) -> Before:
        pending = session.pending
        return cls(session.in_crisis, session.crisis_kinds, pending[0] if pending else None)


@dataclass
class Trace:
    """What a replay exercised, for coverage."""

    questions: list[str] = field(default_factory=list)
    options: list[tuple[str, str]] = field(default_factory=list)
    transitions: list[tuple[str, str]] = field(default_factory=list)
    crisis: list[tuple[str, str]] = field(default_factory=list)  # (kind, "resumed" | "emergency")
    confirms: list[str] = field(default_factory=list)  # questions whose reading was put to the person
    concepts: list[str] = field(default_factory=list)  # crisis concepts that fired (screen or check-in)

    def start(self, session: Session) -> None:
        self.questions.append(session.state)

    def answered(self, before: Before, turn: Turn, session: Session) -> None:
        """Record what one answer did, from the turn that came back (whatever front end sent it)."""
        if before.confirming is not None:
            self.confirms.append(before.confirming)
        self.record(turn)
        if before.in_crisis and not isinstance(turn, CrisisTurn):
            outcome = "emergency" if isinstance(turn, ResultTurn) and turn.result.kind == "emergency" else "resumed"
            for kind in before.crisis_kinds:
                self.crisis.append((kind, outcome))
        self.concepts.extend(h.concept for h in session.signals if h.concept not in self.concepts)

    def record(self, turn: Turn) -> None:
        """What a turn says happened: the answer taken and where it led, the question now asked."""
        taken = turn.accepted
        if taken is not None:
            for v in taken.value if isinstance(taken.value, tuple) else (taken.value,):
                self.options.append((taken.question, str(v)))
            self.transitions.append((taken.question, taken.next))
        if isinstance(turn, QuestionTurn):
            self.questions.append(turn.question.id)


@dataclass
class ReplayResult:
    file: str
    title: str
    mismatches: list[Mismatch]
    outcome: Outcome
    trace: Trace
    via: Literal["engine", "tui"] = "engine"

    @property
    def label(self) -> str:
        """The file, and the front end when it was not the engine alone."""
        return self.file if self.via == "engine" else f"{self.file} (via {self.via})"

    @property
    def passed(self) -> bool:
        return not self.mismatches

    def report(self) -> str:
        """The diff a person reads: turn, expected against actual, file and line."""
        lines = [f"FAIL {self.label}: {self.title}"]
        for m in self.mismatches:
            lines.append(f"  {self.file}:{m.line}: {m.what}")
            lines.append(f"      expected: {m.expected}")
            lines.append(f"      actual:   {m.actual}")
        return "\n".join(lines)


def _fmt(values: list[str] | None) -> str:
    return "[" + ", ".join(values or []) + "]"


def compare_outcome(expected: Expected, outcome: Outcome, source: Source) -> list[Mismatch]:
    out: list[Mismatch] = []
    pairs = [
        ("level", expected.level, outcome.level),
        ("then_level", expected.then_level, outcome.then_level),
        ("crisis", expected.crisis, outcome.crisis),
    ]
    for name, want, got in pairs:
        if want != got:
            out.append(Mismatch(source.line(("expected", name)), f"outcome {name}", str(want), str(got)))
    actual_rules = [r["id"] for r in outcome.rules]
    for name, want_list, got_list in (("modifiers", expected.modifiers, outcome.modifiers),
                                      ("rules", expected.rules, actual_rules)):
        if sorted(want_list) != sorted(got_list):
            missing = sorted(set(want_list) - set(got_list))
            extra = sorted(set(got_list) - set(want_list))
            detail = "; ".join(x for x in (f"no longer {_fmt(missing)}" if missing else "",
                                           f"now also {_fmt(extra)}" if extra else "") if x)
            out.append(Mismatch(source.line(("expected", name)), f"outcome {name} ({detail})",
                                _fmt(sorted(want_list)), _fmt(sorted(got_list))))
    return out


class Step:
    """One transcript turn applied to a session, recording what it exercised."""

    def __init__(self, session: Session, trace: Trace):
        self.session = session
        self.trace = trace

    def apply(self, answer: str | None, command: str | None) -> None:
        session = self.session
        if command == "back":
            session.back()
            return
        if command == "restart":
            session.restart()
            return
        before = Before.of(session)
        self.trace.answered(before, session.answer(answer or ""), session)


def replay(engine: Engine, transcript: Transcript, source: Source, strict: bool = False) -> ReplayResult:
    session = engine.session(recording=True)
    trace = Trace()
    mismatches: list[Mismatch] = []
    try:
        session.start()
        trace.start(session)
        step = Step(session, trace)
        for index, turn in enumerate(transcript.turns):
            found = check_turn(index, turn, session, source, strict)
            mismatches.extend(found)
            if any(m.stops for m in found):
                break
            step.apply(turn.answer, turn.command)
        outcome = session.outcome()
        mismatches.extend(compare_outcome(transcript.expected, outcome, source))
        return ReplayResult(source.file, transcript.title, mismatches, outcome, trace)
    finally:
        session.close()


def update(engine: Engine, path: str | Path) -> bool:
    """Rewrite the expected parts from the current dialog, keeping title, notes and answers.

    Answers stay with the questions they were typed at: a confirmation the reader no longer asks
    for is dropped, and one it now asks for is answered yes (the reading the answer got before).
    Returns True when the file changed.
    """
    transcript, _ = load(path)
    session = engine.session(recording=True)
    yes = engine.dialog.s("yes_label").casefold()
    try:
        session.start()
        turns = []
        for turn in transcript.turns:
            at = session.position
            if turn.command is not None:
                turns.append(turn.model_copy(update={"question": at}))
                Step(session, Trace()).apply(None, turn.command)
                continue
            if turn.question == CONFIRM_AT and at != CONFIRM_AT:
                continue  # the reading is no longer put to the person: its yes would answer the next question
            while at == CONFIRM_AT and turn.question not in (None, CONFIRM_AT):
                # a reading now put to the person that was taken as read before: it is accepted
                turns.append(TranscriptTurn(question=at, shown=session.shown, answer=yes))
                session.answer(yes)
                at = session.position
            turns.append(turn.model_copy(update={"question": at, "shown": session.shown}))
            session.answer(turn.answer or "")
        info = engine.dialog.spec.dialog
        new = transcript.model_copy(update={
            "turns": turns, "expected": expected_from(session), "dialog": info.id,
            "dialog_version": info.version, "locale": info.locale,
        })
    finally:
        session.close()
    if new == transcript:
        return False
    target = Path(path)
    kept = stat.S_IMODE(target.stat().st_mode)  # the file stays as shared (or private) as it was
    text = carry_comments(target.read_text(encoding="utf-8"), to_yaml(new))
    write_private(target, text, mode=kept)
    return True
