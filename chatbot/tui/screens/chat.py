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
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, SelectionList, Static

from ...commands import command
from ...turns import ConfirmTurn, LogEntry, Progress, QuestionTurn, ResultTurn
from ..messages import Answer, Back, Restart, ShowHelp
from ..widgets.answers import WIDGETS, AnswerBox, ChoiceWidget, MultiList, Picked, answer_widgets
from ..widgets.conversation import ConversationLog
from ..widgets.footer import KeysFooter
from ..widgets.status import ProgressLine, TextLine
from ..words import Words, localize


def say(line: Static, text: str | None) -> None:
    """Show a line of words under the question, or hide it; untouched when it already says
    them (an update lays the screen out again). Shown and hidden by its `display`, not a CSS
    class: a class change makes Textual match the whole stylesheet against it again."""
    if str(line.content) != (text or ""):
        line.update(text or "")
    line.display = bool(text)


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
            yield TextLine(id="section")
            yield ProgressLine(id="progress")
        with Horizontal(id="main"):
            with Vertical(id="conversation"):
                # a short conversation starts at the top, a long one shows its newest message
                yield ConversationLog({"bot": self.ui("speaker_bot"), "person": self.ui("speaker_person")},
                                      id="log")
                with Vertical(id="answer-area"):
                    yield Static("", id="hint", markup=False)  # the question's own help, from the dialog
                    yield Static("", id="reask", markup=False)
                    yield from answer_widgets(self.ui)
                    yield Static("", id="ticked", markup=False)
                    yield Static("", id="preview", markup=False)  # would this be understood? in words
                    yield AnswerBox(placeholder=self.ui("type_here"), id="free",
                                    select_on_focus=False)
            if self._side_panel is not None:
                yield self._side_panel
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#log", ConversationLog).follow()

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
        say(reask, turn.message)
        reask.set_class(turn.kind == "reask", "error")
        self._progress(turn)
        # a question back says what to do now; the question's own help would push the answer
        # box off a small screen beneath it ("no" to "are you safe?" at 80x24)
        say(self.query_one("#hint", Static),
            turn.question.help if isinstance(turn, QuestionTurn) and not turn.message else None)
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
        self.query_one("#section", TextLine).say(self._progress_text(p))
        self.query_one("#progress", ProgressLine).show_progress(p.answered, p.answered + p.left)

    def _answer_widget(self, turn: QuestionTurn | ConfirmTurn, key: str) -> None:
        question = turn.question
        self._question_id = key
        say(self.query_one("#ticked", Static), None)
        widget = None
        # a confirm turn is answered yes or no, whatever kind the question it checks
        kind, options = ("yes_no", turn.options) if isinstance(turn, ConfirmTurn) else \
            (question.kind, question.options)
        for candidate in self.query(".choices"):
            shown = isinstance(candidate, WIDGETS.get(kind, type(None)))
            candidate.display = shown
            if shown and isinstance(candidate, ChoiceWidget):
                widget = candidate
                widget.fill(options)
        free = self.query_one("#free", Input)
        if free.value:
            free.clear()
        self._hide_preview()
        if isinstance(turn, ConfirmTurn):
            placeholder = self.ui("type_yes_no_or_answer")
        elif question.kind == "number":
            placeholder = self.ui("type_number_then_enter", min=question.min, max=question.max)
        elif question.kind == "multi":
            placeholder = self.ui("type_or_tick")
        elif widget is not None:
            placeholder = self.ui("type_or_pick")
        else:
            placeholder = self.ui("type_here")
        if free.placeholder != placeholder:
            free.placeholder = placeholder
        if not free.has_focus:
            free.focus()

    def _sync_log(self, wanted: tuple[LogEntry, ...]) -> None:
        """Append new messages; on back, restart or a jump, drop the ones no longer true."""
        log = self.query_one("#log", ConversationLog)
        shown = log.entries
        if shown == wanted:
            return
        log.set_entries(wanted)
        log.follow()  # the newest message in view, even after the person scrolled up to reread
        if wanted[:len(shown)] != shown:
            self._question_id = None  # the question on screen changed under us: rebuild its widget

    # --- input ---------------------------------------------------------------------------

    def submit(self, text: str) -> None:
        """Typed words go to the app as an answer, or as the command they are: "back" undoes here
        as in the plain mode (and as Ctrl+B does), "restart" asks first as Ctrl+R does. ("quit"
        stays an answer, "I quit"; Ctrl+Q quits.)"""
        typed = {"help": ShowHelp, "back": Back, "restart": Restart}.get(command(text) or "")
        self.post_message(typed() if typed is not None else Answer(text))

    @on(SelectionList.SelectedChanged)
    def _ticked(self, event: SelectionList.SelectedChanged) -> None:
        """Say in words what is ticked: the tick mark's colour alone is not enough."""
        event.stop()
        names = [str(event.selection_list.get_option_at_index(v - 1).prompt)
                 for v in sorted(event.selection_list.selected)]
        say(self.query_one("#ticked", Static), self.ui("ticked", names="; ".join(names)) if names else None)

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
        say(self.query_one("#preview", Static), self._preview(value))

    def _hide_preview(self) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        say(self.query_one("#preview", Static), None)

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
