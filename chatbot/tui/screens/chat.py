"""The conversation: bot and person messages, the answer widget, progress, and a re-ask line.

The screen keeps no answers of its own and never sees the Session: the app hands it each
turn with the Session's log, so back, restart and jumps can never leave a stale message on
screen. What the person sends goes to the app as a message.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, ProgressBar, SelectionList, Static

from ...commands import command
from ...turns import ConfirmTurn, LogEntry, Progress, QuestionTurn, ResultTurn
from ..messages import Answer, Back, Restart, ShowHelp
from ..widgets.answers import WIDGETS, AnswerBox, ChoiceWidget, MultiList, Picked, answer_widgets
from ..widgets.bubbles import Bubble
from ..widgets.footer import KeysFooter
from ..words import Words, localize


class ChatScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+b", "back", "key_back"),
        Binding("ctrl+r", "restart", "key_restart"),
    ]

    def __init__(self, ui: Words, progress: Callable[[Progress], str], side_panel: Widget | None,
                 preview: Callable[[str], str | None]) -> None:
        super().__init__()
        localize(self, ui)
        self.ui = ui
        self._progress_text = progress  # the dialog's words for the section and questions left
        self._side_panel = side_panel
        self._preview = preview  # what a typed text would be re-asked with, for live feedback
        self._preview_timer: Timer | None = None
        self._question_id: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="status"):
            yield Label("", id="section", markup=False)
            yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
        with Horizontal(id="main"):
            with Vertical(id="conversation"):
                # the log holds its lines in a column at least as tall as itself, so that anchoring it
                # to its end (Textual's anchor) can scroll no further up than the top: a short
                # conversation starts at the top, a long one shows its newest message
                with VerticalScroll(id="log"):
                    yield Vertical(id="lines")
                with Vertical(id="answer-area"):
                    yield Static("", id="hint", markup=False)  # the question's own help, from the dialog
                    yield Static("", id="reask", markup=False)
                    with Vertical(id="answer"):
                        yield from answer_widgets(self.ui)
                    yield Static("", id="ticked", markup=False)
                    yield Static("", id="preview", markup=False)  # would this be understood? in words
                    yield AnswerBox(placeholder=self.ui("type_here"), id="free",
                                    select_on_focus=False)
            if self._side_panel is not None:
                yield self._side_panel
        yield KeysFooter()

    def on_mount(self) -> None:
        log = self.query_one("#log", VerticalScroll)
        log.can_focus = False  # Tab goes from the typing box to the options and buttons, never the log
        log.anchor()

    # --- drawing a turn ------------------------------------------------------------------

    def show(self, turn: QuestionTurn | ConfirmTurn | ResultTurn, log: tuple[LogEntry, ...],
             fresh: bool = False) -> None:
        """Draw the log, and the question with its answer widget (a result only updates the log:
        the summary goes over this screen)."""
        self._sync_log(log)
        if fresh:
            self._question_id = None
        if isinstance(turn, ResultTurn):
            return
        reask = self.query_one("#reask", Static)
        reask.update(turn.message or "")
        reask.set_class(bool(turn.message), "visible")
        reask.set_class(turn.kind == "reask", "error")
        self._progress(turn)
        hint = self.query_one("#hint", Static)
        help_text = turn.question.help if isinstance(turn, QuestionTurn) else None
        hint.update(help_text or "")
        hint.set_class(bool(help_text), "visible")
        key = f"confirm:{turn.question.id}" if isinstance(turn, ConfirmTurn) else turn.question.id
        if key != self._question_id or isinstance(turn, ConfirmTurn):
            self._answer_widget(turn, key)
        if isinstance(turn, QuestionTurn) and turn.ticked:
            self._tick(turn)

    def _tick(self, turn: QuestionTurn) -> None:
        """Parts of a several-choice answer already understood stay ticked while the rest is asked."""
        numbers = {o.number for o in turn.question.options if o.value in turn.ticked}
        for widget in self.query(MultiList):
            for number in numbers:
                widget.select(number)

    def _progress(self, turn: QuestionTurn | ConfirmTurn) -> None:
        p = turn.progress
        self.query_one("#section", Label).update(self._progress_text(p))
        self.query_one("#progress", ProgressBar).update(total=p.answered + p.left, progress=p.answered)

    def _answer_widget(self, turn: QuestionTurn | ConfirmTurn, key: str) -> None:
        question = turn.question
        self._question_id = key
        ticked = self.query_one("#ticked", Static)
        ticked.update("")
        ticked.remove_class("visible")
        widget = None
        # a confirm turn is answered yes or no, whatever kind the question it checks
        kind, options = ("yes_no", turn.options) if isinstance(turn, ConfirmTurn) else \
            (question.kind, question.options)
        for candidate in self.query(".choices"):
            shown = isinstance(candidate, WIDGETS.get(kind, type(None)))
            candidate.set_class(shown, "shown")
            if shown and isinstance(candidate, ChoiceWidget):
                widget = candidate
                widget.fill(options)
        free = self.query_one("#free", Input)
        free.clear()
        self._hide_preview()
        if isinstance(turn, ConfirmTurn):
            free.placeholder = self.ui("type_yes_no_or_answer")
        elif question.kind == "number":
            free.placeholder = self.ui("type_number_then_enter", min=question.min, max=question.max)
        elif question.kind == "multi":
            free.placeholder = self.ui("type_or_tick")
        elif widget is not None:
            free.placeholder = self.ui("type_or_pick")
        else:
            free.placeholder = self.ui("type_here")
        free.focus()

    def _sync_log(self, wanted: tuple[LogEntry, ...]) -> None:
        """Append new messages; on back, restart or a jump, drop the ones no longer true."""
        log = self.query_one("#log", VerticalScroll)
        shown = list(log.query(Bubble))
        keep = 0
        while keep < min(len(shown), len(wanted)) and (shown[keep].key, shown[keep].text) == \
                (wanted[keep].key, wanted[keep].text):
            keep += 1
        for bubble in shown[keep:]:
            bubble.remove()
        speakers = {"bot": self.ui("speaker_bot"), "person": self.ui("speaker_person")}
        new = [Bubble(speakers[e.speaker], e.speaker, e.text, e.key) for e in wanted[keep:]]
        if new:
            self.query_one("#lines", Vertical).mount_all(new)
            # the newest message in view, laid out in the same frame as it (and again when the
            # options panel shrinks the log), even after the person scrolled up to reread
            log.anchor()
        if keep < len(shown):
            self._question_id = None  # the question on screen changed under us: rebuild its widget

    # --- input ---------------------------------------------------------------------------

    def submit(self, text: str) -> None:
        self.post_message(ShowHelp() if command(text) == "help" else Answer(text))

    @on(SelectionList.SelectedChanged)
    def _ticked(self, event: SelectionList.SelectedChanged) -> None:
        """Say in words what is ticked: the tick mark's colour alone is not enough."""
        event.stop()
        ticked = self.query_one("#ticked", Static)
        names = [str(event.selection_list.get_option_at_index(v - 1).prompt)
                 for v in sorted(event.selection_list.selected)]
        ticked.update(self.ui("ticked", names="; ".join(names)) if names else "")
        ticked.set_class(bool(names), "visible")

    # --- live feedback: in words, once the person pauses (never a colour while they type) --------

    PREVIEW_AFTER = 1.0  # seconds without a key before saying whether the words would be understood

    @on(Input.Changed, "#free")
    def _typing(self, event: Input.Changed) -> None:
        event.stop()
        self._hide_preview()
        if event.value.strip():
            self._preview_timer = self.set_timer(self.PREVIEW_AFTER, lambda: self._show_preview(event.value))

    def _show_preview(self, value: str) -> None:
        if self.query_one("#free", Input).value != value:
            return
        reask = self._preview(value)
        line = self.query_one("#preview", Static)
        line.update(reask or "")
        line.set_class(bool(reask), "visible")

    def _hide_preview(self) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        line = self.query_one("#preview", Static)
        line.update("")
        line.remove_class("visible")

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
        self.post_message(Back())

    def action_restart(self) -> None:
        self.post_message(Restart())
