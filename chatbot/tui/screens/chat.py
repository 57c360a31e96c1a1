"""The conversation: bot and person messages, the answer widget, progress, and a re-ask line.

The screen keeps no answers of its own: the log is drawn from the Session's path, so
back, restart and jumps can never leave a stale message on screen.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, ProgressBar, SelectionList, Static

from ...commands import command
from ...engine import Session, Turn
from ..widgets.answers import WIDGETS, AnswerBox, AnswerValidator, MultiList, Picked, answer_widgets
from ..widgets.bubbles import Bubble


class ChatScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+b", "back", "Back"),
        Binding("ctrl+r", "restart", "Restart"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._question_id: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="status"):
            yield Label("", id="section", markup=False)
            yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
        with Horizontal(id="main"):
            with Vertical(id="conversation"):
                yield VerticalScroll(id="log")
                with Vertical(id="answer-area"):
                    yield Static("", id="reask", markup=False)
                    with Vertical(id="answer"):
                        yield from answer_widgets()
                    yield Static("", id="ticked", markup=False)
                    yield AnswerBox(placeholder="Type your answer here and press Enter", id="free",
                                    select_on_focus=False)
            panel = self.app.side_panel()  # type: ignore[attr-defined]
            if panel is not None:
                yield panel
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#log", VerticalScroll).anchor()
        self.show(self.session.turn)

    # --- drawing a turn ------------------------------------------------------------------

    def show(self, turn: Turn) -> None:
        """Draw whatever the session says comes next."""
        if turn.kind in ("crisis", "check_in"):
            self.app.show_crisis(turn)  # type: ignore[attr-defined]
            return
        if turn.kind == "result":
            self._sync_log()
            self.app.show_result(turn)  # type: ignore[attr-defined]
            return
        self._sync_log()
        reask = self.query_one("#reask", Static)
        reask.update(turn.message or "")
        reask.set_class(bool(turn.message), "visible")
        reask.set_class(turn.kind == "reask", "error")
        self._progress(turn)
        assert turn.question is not None
        key = f"confirm:{turn.question.id}" if turn.kind == "confirm" else turn.question.id
        if key != self._question_id or turn.kind == "confirm":
            self._answer_widget(turn, key)
        if turn.ticked:
            self._tick(turn)
        self.app.after_turn(turn)  # type: ignore[attr-defined]

    def _tick(self, turn: Turn) -> None:
        """Parts of a several-choice answer already understood stay ticked while the rest is asked."""
        assert turn.question is not None
        numbers = {o.number for o in turn.question.options if o.value in turn.ticked}
        for widget in self.query(MultiList):
            for number in numbers:
                widget.select(number)

    def _progress(self, turn: Turn) -> None:
        p = turn.progress
        left = f"about {p.left} question{'s' if p.left != 1 else ''} left"
        self.query_one("#section", Label).update(f"{p.section_title} \u00b7 {left}")
        self.query_one("#progress", ProgressBar).update(total=p.answered + p.left, progress=p.answered)

    def _answer_widget(self, turn: Turn, key: str) -> None:
        question = turn.question
        assert question is not None
        self._question_id = key
        ticked = self.query_one("#ticked", Static)
        ticked.update("")
        ticked.remove_class("visible")
        widget = None
        # a confirm turn is answered yes or no, whatever kind the question it checks
        kind, options = ("yes_no", self.session.engine.view_yes_no()) if turn.kind == "confirm" else \
            (question.kind, question.options)
        for candidate in self.query(".choices"):
            shown = isinstance(candidate, WIDGETS.get(kind, type(None)))
            candidate.set_class(shown, "shown")
            if shown:
                widget = candidate
                widget.fill(options)  # type: ignore[attr-defined]
        free = self.query_one("#free", Input)
        free.clear()
        spec = self.session.dialog.questions[question.id]
        free.validators = [] if turn.kind == "confirm" else [
            AnswerValidator(self.session.engine.parser, spec, self.session.other_person())]
        if turn.kind == "confirm":
            free.placeholder = "Type yes or no, or the right answer"
        elif question.kind == "number":
            free.placeholder = f"Type a number from {question.min} to {question.max}, then press Enter"
        elif question.kind == "multi":
            free.placeholder = "\u2191\u2193 move, Space ticks, Enter sends; or type numbers or words"
        elif widget is not None:
            free.placeholder = "\u2191\u2193 and Enter pick; or type a number or words"
        else:
            free.placeholder = "Type your answer here and press Enter"
        free.focus()

    def _log_entries(self) -> list[tuple[str, str, str]]:
        """(key, speaker, text) for everything the log should show now, from the session."""
        session = self.session
        engine = session.engine
        other = session.other_person()
        entries: list[tuple[str, str, str]] = []
        quotes = session.quotes  # the reading, with the person's words beside it
        for qid in session.path:
            entries.append((f"q:{qid}", "bot", engine.view(qid, other).text))
            entries.append((f"a:{qid}", "person", quotes.get(qid, "")))
        if session.state in session.dialog.questions and not session.finished:
            entries.append((f"q:{session.state}", "bot", engine.view(session.state, other).text))
            pending = session.pending
            if pending is not None:
                entries.append((f"w:{session.state}", "person", pending[2]))
                entries.append((f"c:{session.state}", "bot", session.confirm_prompt(session.state, pending[1])))
        return entries

    def _sync_log(self) -> None:
        """Append new messages; on back, restart or a jump, drop the ones no longer true."""
        log = self.query_one("#log", VerticalScroll)
        shown = list(log.query(Bubble))
        wanted = self._log_entries()
        keep = 0
        while keep < min(len(shown), len(wanted)) and (shown[keep].key, shown[keep].text) == \
                (wanted[keep][0], wanted[keep][2]):
            keep += 1
        for bubble in shown[keep:]:
            bubble.remove()
        new = [Bubble(speaker, text, key) for key, speaker, text in wanted[keep:]]
        if new:
            log.mount_all(new)
        if keep < len(shown):
            self._question_id = None  # the question on screen changed under us: rebuild its widget
        log.anchor()

    # --- input ---------------------------------------------------------------------------

    def submit(self, text: str) -> None:
        if command(text) == "help":
            self.app.action_help()  # type: ignore[attr-defined]
            return
        self.show(self.app.answer(text))  # type: ignore[attr-defined]

    @on(SelectionList.SelectedChanged)
    def _ticked(self, event: SelectionList.SelectedChanged) -> None:
        """Say in words what is ticked: the tick mark's colour alone is not enough."""
        event.stop()
        ticked = self.query_one("#ticked", Static)
        names = [str(event.selection_list.get_option_at_index(v - 1).prompt)
                 for v in sorted(event.selection_list.selected)]
        ticked.update(f"Ticked: {'; '.join(names)}" if names else "")
        ticked.set_class(bool(names), "visible")

    @on(Picked)
    def _picked(self, event: Picked) -> None:
        event.stop()
        self.submit(event.text)

    @on(Input.Submitted, "#free")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value
        if not text.strip() and self.query_one("#free", AnswerBox).pick():
            return
        event.input.clear()
        self.submit(text)

    def action_back(self) -> None:
        self.show(self.session.back())

    def action_restart(self) -> None:
        self.app.confirm_restart()  # type: ignore[attr-defined]

    def redraw(self) -> None:
        """Draw the session's current turn from scratch (after restart or a jump)."""
        self._question_id = None
        self.show(self.session.turn)
