"""`intake staff`: role-play intakes with an inspector, jump back, and save as a transcript."""

from __future__ import annotations

import re
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..engine import Engine, Session
from ..recommend import Recommendation
from ..transcript import from_session, save
from ..turns import CheckInTurn, ConfirmTurn, CrisisTurn, QuestionTurn, ResultTurn, Turn
from .app import IntakeApp


class Inspector(VerticalScroll):
    """What the engine knows now: question, answers, rules fired with floors, the leading level."""

    def compose(self) -> ComposeResult:
        yield Static("Inspector (F2 hides)", classes="inspector-head")
        yield Static("", id="inspector-question", markup=False)
        yield Static("Leading level", classes="inspector-head")
        yield Static("", id="inspector-level", markup=False)
        yield Static("Rules fired", classes="inspector-head")
        yield Static("", id="inspector-rules", markup=False)
        yield Static("Answers so far", classes="inspector-head")
        yield Static("", id="inspector-answers", markup=False)
        yield Static("Crisis detection", classes="inspector-head")
        yield Static("", id="inspector-signals", markup=False)

    def refresh_from(self, session: Session, turn: Turn) -> None:
        dialog = session.dialog
        match turn:
            case CrisisTurn():
                where = f"crisis check ({', '.join(turn.crisis.kinds)}), stage {turn.crisis.stage}"
            case CheckInTurn():
                where = f"check-in ({', '.join(turn.check_in.concepts)})"
            case QuestionTurn() | ConfirmTurn():
                where = f"{turn.question.id}\nsection: {turn.question.section}"
            case ResultTurn():
                where = "result"
        self.query_one("#inspector-question", Static).update(where)
        level, rules = session.leading()
        floors = {r.id: r.floor for r in dialog.spec.rules}
        if isinstance(turn, ResultTurn):
            self.query_one("#inspector-level", Static).update(level_lines(turn.result))
            self.query_one("#inspector-rules", Static).update(reason_lines(turn.result) or "none")
        else:
            self.query_one("#inspector-level", Static).update(level)
            self.query_one("#inspector-rules", Static).update(
                "\n".join(f"{r} \u2192 {floors.get(r) or 'no floor'}" for r in rules) or "none yet")
        answers = [f"{qid}: {', '.join(v) if isinstance(v, tuple) else v}" for qid, v in session.answers.items()]
        if session.crisis_kinds:
            answers.append(f"crisis: {', '.join(session.crisis_kinds)}")
        if session.pending is not None:
            qid, reading, words = session.pending
            answers.append(f"{qid}: waiting for a yes to \u201c{reading}\u201d (typed \u201c{words}\u201d)")
        self.query_one("#inspector-answers", Static).update("\n".join(answers) or "none yet")
        self.query_one("#inspector-signals", Static).update(signal_lines(session) or "nothing fired")


def level_lines(result: Recommendation) -> str:
    """The level chosen, what comes after it, the modifiers and what else could fit."""
    lines = [f"{result.level.id}" + (f", then {result.then.id}" if result.then else "")
             + (" (urgent)" if result.urgent else "")]
    if result.modifiers:
        lines.append("modifiers: " + ", ".join(m.id for m in result.modifiers))
    lines.extend(f"also: {a.level.id} \u2014 {a.when}" for a in result.alternatives)
    return "\n".join(lines)


def reason_lines(result: Recommendation) -> str:
    """Each fired rule with its floor and the answers that fired it, as the person gave them."""
    lines: list[str] = []
    for reason in result.reasons + result.notes:
        lines.append(f"{reason.rule} \u2192 {reason.floor or 'no floor'}")
        lines.extend(f"    {q.question}: \u201c{q.answer}\u201d" for q in reason.quotes)
    return "\n".join(lines)


def signal_lines(session: Session) -> str:
    """Which concept fired, how urgently, on which words; and the check-ins answered no."""
    grades = {"now": "crisis screen", "check": "check-in"}
    lines = [f"{h.concept} \u2192 {grades[h.grade]}: \u201c{h.words}\u201d" for h in session.signals]
    if session.checked_in:
        lines.append(f"asked directly, answered no: {', '.join(session.checked_in)}")
    return "\n".join(lines)


class JumpScreen(ModalScreen[str | None]):
    """Pick an earlier question to go back to; later answers are forgotten."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=True)]

    def __init__(self, asked: list[tuple[str, str, str]]) -> None:
        """`asked`: (question id, the question as shown, the answer as read) along the path."""
        super().__init__()
        self.asked = asked

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static("Jump back to which question? Later answers are cleared.", classes="modal-text")
            yield OptionList(*(Option(f"{text}\n    \u2192 {answer}  ({qid})", id=qid)
                               for qid, text, answer in self.asked), id="jump-list")

    def on_mount(self) -> None:
        self.query_one("#jump-list", OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "transcript"


class SaveTranscriptScreen(ModalScreen[tuple[str, str, Path] | None]):
    """Title, notes and file name; the expected outcome is taken from the session."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=True)]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static("Save this session as a transcript", classes="modal-title")
            yield Input(placeholder="Title (required)", id="t-title")
            yield Input(placeholder="Notes (optional)", id="t-notes")
            yield Input(placeholder=f"File name in {self.folder}/ (from the title if empty)", id="t-file")
            yield Static("", id="t-error", markup=False)
            with Horizontal(classes="modal-buttons"):
                yield Button("Save", id="t-save", variant="primary")
                yield Button("Cancel", id="t-cancel")

    def on_mount(self) -> None:
        self.query_one("#t-title", Input).focus()

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        """Enter goes to the next field, as in a form; on the last one it saves."""
        event.stop()
        if event.input.id == "t-file":
            self._save()
        else:
            self.focus_next()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "t-save":
            self._save()
        else:
            self.dismiss(None)

    def _save(self) -> None:
        title = self.query_one("#t-title", Input).value.strip()
        if not title:
            self.query_one("#t-error", Static).update("Please give the transcript a title.")
            self.query_one("#t-title", Input).focus()
            return
        name = self.query_one("#t-file", Input).value.strip() or slug(title)
        if not name.endswith(".yaml"):
            name += ".yaml"
        path = self.folder / name
        if path.exists():
            self.query_one("#t-error", Static).update(f"{path} already exists; pick another file name.")
            self.query_one("#t-file", Input).focus()
            return
        self.dismiss((title, self.query_one("#t-notes", Input).value.strip(), path))

    def action_cancel(self) -> None:
        self.dismiss(None)


class StaffApp(IntakeApp):
    BINDINGS = [
        # short words: at 80 columns every key must fit in the footer (Ctrl+S used to be cut off)
        Binding("f1", "help", "Help", priority=True),
        Binding("f2", "toggle_inspector", "Inspector", priority=True),
        Binding("f3", "jump", "Jump", priority=True),
        Binding("ctrl+s", "save_transcript", "Save", priority=True),
    ]
    KEYS_HELP = IntakeApp.KEYS_HELP + [
        ("F2", "show or hide the inspector"),
        ("F3", "jump back to any earlier question"),
        ("Ctrl+S", "save the session as a transcript"),
    ]

    def __init__(self, engine: Engine, transcripts: Path = Path("transcripts"), theme_name: str | None = None) -> None:
        super().__init__(engine, theme_name=theme_name)
        self.transcripts = transcripts
        self.last_saved: Path | None = None

    @property
    def recording(self) -> bool:
        return True

    def welcome_note(self) -> str:
        return "Staff role-play. F2 inspector, F3 jump back, Ctrl+S save as a transcript, F1 help."

    def side_panel(self) -> Inspector:
        return Inspector(id="inspector")

    def show(self, turn: Turn, fresh: bool = False) -> None:
        super().show(turn, fresh)
        # after the refresh: a summary pushed just now has mounted its own inspector by then
        self.call_after_refresh(self._inspect, turn)

    def _inspect(self, turn: Turn) -> None:
        if self.session is None:
            return
        for inspector in self._inspectors():
            inspector.refresh_from(self.session, turn)

    def _inspectors(self) -> list[Inspector]:
        return [inspector for screen in self.screen_stack for inspector in screen.query(Inspector)]

    def action_toggle_inspector(self) -> None:
        for inspector in self._inspectors():
            inspector.toggle_class("hidden")

    def action_jump(self) -> None:
        if self.session is None or not self.session.path or self.session.in_crisis:
            return

        def jump(qid: str | None) -> None:
            if qid is not None and self.session is not None:
                self.show(self.session.back_to(qid), fresh=True)
        log = {entry.key: entry.text for entry in self.session.log()}
        asked = [(qid, log.get(f"q:{qid}", qid), log.get(f"a:{qid}", "")) for qid in self.session.path]
        self.push_screen(JumpScreen(asked), jump)

    def action_save_transcript(self) -> None:
        if self.session is None:
            return

        def write(choice: tuple[str, str, Path] | None) -> None:
            if choice is None or self.session is None:
                return
            title, notes, path = choice
            try:
                self.last_saved = save(from_session(self.session, title, notes, mode="staff"), path)
            except (OSError, FileExistsError) as exc:
                self.notify(f"Not saved: {exc}", severity="error")
                return
            self.notify(f"Saved {path}")
        self.push_screen(SaveTranscriptScreen(self.transcripts), write)
