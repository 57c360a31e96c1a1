"""The crisis screen: shown the moment a crisis turn comes, from any question.

It cannot be dismissed with Escape: it closes only when the Session says the person may
go on (two "yes, I'm safe" answers) or shows the emergency result.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ...engine import Turn


class CrisisScreen(ModalScreen[None]):
    def __init__(self, turn: Turn) -> None:
        super().__init__()
        self.turn = turn

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="crisis-box"):
            yield Static("", id="crisis-title", markup=False)
            yield Static("", id="crisis-message", markup=False)
            yield Static("", id="crisis-resources", markup=False)
            yield Static("", id="crisis-reask", markup=False)
            yield Static("", id="crisis-prompt", markup=False)
            with Horizontal(id="crisis-buttons"):
                yield Button("Yes", id="crisis-yes", variant="success")
                yield Button("No, I need help now", id="crisis-no", variant="error")
            yield Input(placeholder="Or type here and press Enter", id="crisis-input")

    def on_mount(self) -> None:
        self.update(self.turn)
        self.query_one("#crisis-no", Button).focus()

    def update(self, turn: Turn) -> None:
        self.turn = turn
        crisis = turn.crisis
        assert crisis is not None
        self.query_one("#crisis-title", Static).update(f"!! {crisis.title} !!")
        self.query_one("#crisis-message", Static).update(crisis.message)
        self.query_one("#crisis-resources", Static).update("\n".join(f"\u2022 {r}" for r in crisis.resources))
        reask = self.query_one("#crisis-reask", Static)
        reask.update(turn.message or "")
        reask.set_class(bool(turn.message), "visible")
        self.query_one("#crisis-prompt", Static).update(crisis.prompt)

    def _send(self, text: str) -> None:
        turn = self.app.answer(text)  # type: ignore[attr-defined]
        if turn.kind == "crisis":
            self.update(turn)
            return
        self.dismiss(None)
        self.app.after_crisis(turn)  # type: ignore[attr-defined]

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._send("yes" if event.button.id == "crisis-yes" else "no")

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value
        event.input.clear()
        self._send(text)
