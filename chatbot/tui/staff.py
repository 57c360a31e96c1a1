"""`intake staff`: role-play intakes with an inspector, jump back, and save as a transcript."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

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
from .words import Words, localize


class Inspector(VerticalScroll):
    """What the engine knows now: question, answers, rules fired with floors, the leading level."""

    def __init__(self, ui: Words, **kw: Any) -> None:
        super().__init__(**kw)
        self.ui = ui

    def compose(self) -> ComposeResult:
        ui = self.ui
        yield Static(ui("inspector_title"), classes="inspector-head")
        yield Static("", id="inspector-question", markup=False)
        yield Static(ui("inspector_level"), classes="inspector-head")
        yield Static("", id="inspector-level", markup=False)
        yield Static(ui("inspector_rules"), classes="inspector-head")
        yield Static("", id="inspector-rules", markup=False)
        yield Static(ui("inspector_answers"), classes="inspector-head")
        yield Static("", id="inspector-answers", markup=False)
        yield Static(ui("inspector_signals"), classes="inspector-head")
        yield Static("", id="inspector-signals", markup=False)

    def refresh_from(self, session: Session, turn: Turn) -> None:
        ui = self.ui
        match turn:
            case CrisisTurn():
                where = ui("inspector_crisis", kinds=", ".join(turn.crisis.kinds), stage=int(turn.crisis.stage))
            case CheckInTurn():
                where = ui("inspector_check_in", concepts=", ".join(turn.check_in.concepts))
            case QuestionTurn() | ConfirmTurn():
                where = f"{turn.question.id}\n{ui('inspector_section', section=turn.question.section)}"
            case ResultTurn():
                where = ui("inspector_result")
        self.query_one("#inspector-question", Static).update(where)
        # the level the answers so far lead to, each fired rule with its floor and the answers
        # that fired it, the then-level, modifiers and alternatives: during the intake and after
        result = turn.result if isinstance(turn, ResultTurn) else session.so_far()
        self.query_one("#inspector-level", Static).update(level_lines(ui, result))
        self.query_one("#inspector-rules", Static).update(reason_lines(ui, result) or ui("inspector_none_yet"))
        answers = [f"{qid}: {', '.join(v) if isinstance(v, tuple) else v}" for qid, v in session.answers.items()]
        if session.crisis_kinds:
            answers.append(ui("inspector_crisis_kinds", kinds=", ".join(session.crisis_kinds)))
        if session.pending is not None:
            qid, reading, words = session.pending
            answers.append(ui("inspector_waiting", question=qid, reading=reading, words=words))
        self.query_one("#inspector-answers", Static).update("\n".join(answers) or ui("inspector_none_yet"))
        self.query_one("#inspector-signals", Static).update(signal_lines(ui, session) or ui("inspector_nothing_fired"))


def level_lines(ui: Words, result: Recommendation) -> str:
    """The level chosen, what comes after it, the modifiers and what else could fit."""
    first = [result.level.id]
    if result.then:
        first.append(ui("inspector_then", level=result.then.id))
    if result.urgent:
        first.append(ui("inspector_urgent"))
    lines = [", ".join(first)]
    if result.modifiers:
        lines.append(ui("inspector_modifiers", modifiers=", ".join(m.id for m in result.modifiers)))
    lines.extend(ui("inspector_also", level=a.level.id, when=a.when) for a in result.alternatives)
    return "\n".join(lines)


def reason_lines(ui: Words, result: Recommendation) -> str:
    """Each fired rule with its floor and the answers that fired it, as the person gave them."""
    lines: list[str] = []
    for reason in result.reasons + result.notes:
        lines.append(f"{reason.rule} \u2192 {reason.floor or ui('inspector_no_floor')}")
        lines.extend(f"    {q.question}: \u201c{q.answer}\u201d" for q in reason.quotes)
    return "\n".join(lines)


def signal_lines(ui: Words, session: Session) -> str:
    """Which concept fired, how urgently, on which words; and the check-ins answered no."""
    grades = {"now": ui("inspector_grade_now"), "check": ui("inspector_grade_check")}
    lines = [f"{h.concept} \u2192 {grades[h.grade]}: \u201c{h.words}\u201d" for h in session.signals]
    if session.checked_in:
        lines.append(ui("inspector_checked_in", concepts=", ".join(session.checked_in)))
    return "\n".join(lines)


class JumpScreen(ModalScreen[str | None]):
    """Pick an earlier question to go back to; later answers are forgotten."""

    BINDINGS = [Binding("escape", "cancel", "key_cancel", show=True)]

    def __init__(self, ui: Words, asked: list[tuple[str, str, str]]) -> None:
        """`asked`: (question id, the question as shown, the answer as read) along the path."""
        super().__init__()
        localize(self, ui)
        self.ui = ui
        self.asked = asked

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(self.ui("jump_ask"), classes="modal-text")
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

    BINDINGS = [Binding("escape", "cancel", "key_cancel", show=True)]

    def __init__(self, ui: Words, folder: Path) -> None:
        super().__init__()
        localize(self, ui)
        self.ui = ui
        self.folder = folder

    def compose(self) -> ComposeResult:
        ui = self.ui
        with Vertical(classes="modal-box"):
            yield Static(ui("transcript_title"), classes="modal-title")
            yield Input(placeholder=ui("transcript_title_placeholder"), id="t-title")
            yield Input(placeholder=ui("transcript_notes_placeholder"), id="t-notes")
            yield Input(placeholder=ui("transcript_file_placeholder", folder=self.folder), id="t-file")
            yield Static("", id="t-error", markup=False)
            with Horizontal(classes="modal-buttons"):
                yield Button(ui("save"), id="t-save", variant="primary")
                yield Button(ui("cancel"), id="t-cancel")

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
            self.query_one("#t-error", Static).update(self.ui("transcript_needs_title"))
            self.query_one("#t-title", Input).focus()
            return
        name = self.query_one("#t-file", Input).value.strip() or slug(title)
        if not name.endswith(".yaml"):
            name += ".yaml"
        path = self.folder / name
        if path.exists():
            self.query_one("#t-error", Static).update(self.ui("transcript_exists", path=path))
            self.query_one("#t-file", Input).focus()
            return
        self.dismiss((title, self.query_one("#t-notes", Input).value.strip(), path))

    def action_cancel(self) -> None:
        self.dismiss(None)


class StaffApp(IntakeApp):
    BINDINGS = [
        # short words: at 80 columns every key must fit in the footer (Ctrl+S used to be cut off)
        Binding("f1", "help", "key_help_short", priority=True),
        Binding("f2", "toggle_inspector", "key_inspector", priority=True),
        Binding("f3", "jump", "key_jump", priority=True),
        Binding("ctrl+s", "save_transcript", "key_save", priority=True),
    ]
    KEYS_HELP = [*IntakeApp.KEYS_HELP,
                 ("F2", "help_inspector"), ("F3", "help_jump"), ("Ctrl+S", "help_save_transcript")]
    WELCOME_KEYS = "welcome_keys_staff"

    def __init__(self, engine: Engine, transcripts: Path = Path("transcripts"), theme_name: str | None = None) -> None:
        super().__init__(engine, theme_name=theme_name)
        self.transcripts = transcripts
        self.last_saved: Path | None = None

    @property
    def recording(self) -> bool:
        return True

    def side_panel(self) -> Inspector:
        return Inspector(self.ui, id="inspector")

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
        self.push_screen(JumpScreen(self.ui, asked), jump)

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
                self.notify(self.ui("transcript_not_saved", error=exc), severity="error")
                return
            self.notify(self.ui("transcript_saved", path=path))
        self.push_screen(SaveTranscriptScreen(self.ui, self.transcripts), write)
