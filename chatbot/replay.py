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

from .engine import CHECK_IN_AT, CONFIRM_AT, CRISIS_AT, Engine, Outcome, Session
from .fileio import write_private
from .spec import END
from .transcript import Expected, Transcript, TranscriptTurn, expected_from, load, to_yaml
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
    at = position(session)
    if turn.question is not None and turn.question != at:
        return [Mismatch(line, f"turn {index + 1}{via}: a different question is asked", turn.question, at,
                         stops=True)]
    if strict and turn.answer is not None and turn.shown is not None and turn.shown != shown(session):
        return [Mismatch(line, f"turn {index + 1} ({at}{via}): the text shown changed", turn.shown, shown(session))]
    return []


@dataclass
class Trace:
    """What a replay exercised, for coverage."""

    questions: list[str] = field(default_factory=list)
    options: list[tuple[str, str]] = field(default_factory=list)
    transitions: list[tuple[str, str]] = field(default_factory=list)
    crisis: list[tuple[str, str]] = field(default_factory=list)  # (kind, "resumed" | "emergency")
    confirms: list[str] = field(default_factory=list)  # questions whose reading was put to the person
    concepts: list[str] = field(default_factory=list)  # crisis concepts that fired (screen or check-in)


@dataclass
class ReplayResult:
    file: str
    title: str
    mismatches: list[Mismatch]
    outcome: Outcome
    trace: Trace

    @property
    def passed(self) -> bool:
        return not self.mismatches

    def report(self) -> str:
        """The diff a person reads: turn, expected against actual, file and line."""
        lines = [f"FAIL {self.file}: {self.title}"]
        for m in self.mismatches:
            lines.append(f"  {self.file}:{m.line}: {m.what}")
            lines.append(f"      expected: {m.expected}")
            lines.append(f"      actual:   {m.actual}")
        return "\n".join(lines)


def position(session: Session) -> str:
    """Where the session stands: a question id, `crisis`, `check_in` (an indirect signal is asked
    about), `confirm` (a reading waits for a yes), or `end` once there is a result."""
    if session.in_crisis:
        return CRISIS_AT
    if session.checking_in:
        return CHECK_IN_AT
    if session.pending is not None:
        return CONFIRM_AT
    if session.finished:
        return END
    return session.state


def shown(session: Session) -> str:
    turn = session.turn
    if turn.crisis is not None:
        return turn.crisis.prompt
    if turn.check_in is not None:
        return turn.check_in.prompt
    if turn.confirm is not None:
        return turn.confirm
    return turn.question.text if turn.question is not None else ""


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
        before_path = len(session.path)
        before_crisis = session.in_crisis
        kinds_before = session.crisis_kinds
        at = session.state
        if session.pending is not None:
            self.trace.confirms.append(session.pending[0])
        turn = session.answer(answer or "")
        if len(session.path) > before_path:
            qid = session.path[-1]
            value = session.answers[qid]
            for v in value if isinstance(value, tuple) else (value,):
                self.trace.options.append((qid, str(v)))
            self.trace.transitions.append((at, session.state))
        if before_crisis and not session.in_crisis:
            outcome = "emergency" if turn.kind == "result" and turn.result and turn.result.kind == "emergency" \
                else "resumed"
            for kind in kinds_before:
                self.trace.crisis.append((kind, outcome))
        if not session.in_crisis and turn.question is not None:
            self.trace.questions.append(turn.question.id)
        self.trace.concepts.extend(h.concept for h in session.signals if h.concept not in self.trace.concepts)


def replay(engine: Engine, transcript: Transcript, source: Source, strict: bool = False) -> ReplayResult:
    session = engine.session(recording=True)
    trace = Trace()
    mismatches: list[Mismatch] = []
    try:
        session.start()
        trace.questions.append(session.state)
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

    Returns True when the file changed.
    """
    transcript, _ = load(path)
    session = engine.session(recording=True)
    try:
        session.start()
        turns = []
        for turn in transcript.turns:
            at = position(session)
            if turn.command is not None:
                turns.append(turn.model_copy(update={"question": at}))
                Step(session, Trace()).apply(None, turn.command)
            else:
                turns.append(turn.model_copy(update={"question": at, "shown": shown(session)}))
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
