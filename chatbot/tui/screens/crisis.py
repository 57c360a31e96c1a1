"""The crisis box: the crisis screen, and the check-in that an indirect signal gets first.

Shown the moment a crisis or check-in turn comes, from any question. It cannot be
dismissed with Escape: the app closes it only when the Session says the person may go on
(two "yes, I'm safe" answers, or "no" to the check-in) or shows the emergency result. The
typing box has focus, so "yes im ok" goes where it is typed; `help` shows every number.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static
from textual.widgets.button import ButtonVariant

from ...commands import command
from ...turns import CheckInTurn, CrisisTurn
from ..messages import Answer, ShowHelp
from ..words import Words


class CrisisScreen(ModalScreen[None]):
    def __init__(self, ui: Words, turn: CrisisTurn | CheckInTurn) -> None:
        super().__init__()
        self.ui = ui
        self.turn = turn

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="crisis-box"):
            yield Static("", id="crisis-title", markup=False)
            yield Static("", id="crisis-message", markup=False)
            yield Static("", id="crisis-resources", markup=False)
            yield Static("", id="crisis-reask", markup=False)
            yield Static("", id="crisis-prompt", markup=False)
            yield Horizontal(id="crisis-buttons")
            yield Input(placeholder=self.ui("crisis_placeholder"), id="crisis-input")

    def on_mount(self) -> None:
        self.update(self.turn)
        self.query_one("#crisis-input", Input).focus()

    def update(self, turn: CrisisTurn | CheckInTurn) -> None:
        self.turn = turn
        buttons: list[tuple[str, str, ButtonVariant]]
        if isinstance(turn, CheckInTurn):
            check = turn.check_in
            title, message, resources, prompt = "", check.message, check.resources, check.prompt
            buttons = [(o.value, o.label, "primary" if o.value == "yes" else "default") for o in check.options]
        else:
            crisis = turn.crisis
            title, message, resources, prompt = crisis.title, crisis.message, crisis.resources, crisis.prompt
            # asking for help is the prominent button, never the "error" one
            buttons = [("yes", self.ui("crisis_safe"), "default"), ("no", self.ui("crisis_need_help"), "primary")]
        self.set_class(isinstance(turn, CheckInTurn), "check-in")
        heading = self.query_one("#crisis-title", Static)
        heading.update(title)
        heading.display = bool(title)
        self.query_one("#crisis-message", Static).update(message)
        self.query_one("#crisis-resources", Static).update("\n".join(f"\u2022 {r}" for r in resources))
        reask = self.query_one("#crisis-reask", Static)
        reask.update(turn.message or "")
        reask.set_class(bool(turn.message), "visible")
        self.query_one("#crisis-prompt", Static).update(prompt)
        prefix = "check-in" if isinstance(turn, CheckInTurn) else "crisis"
        row = self.query_one("#crisis-buttons", Horizontal)
        if [b.id for b in row.query(Button)] != [f"{prefix}-{value}" for value, _, _ in buttons]:
            row.remove_children()
            row.mount_all([Button(label, id=f"{prefix}-{value}", name=value, variant=variant)
                           for value, label, variant in buttons])

    def _send(self, text: str) -> None:
        self.post_message(ShowHelp() if command(text) == "help" else Answer(text))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._send(event.button.name or "")

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value
        event.input.clear()
        self._send(text)
