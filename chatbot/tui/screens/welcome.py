"""What this is, how long it takes, that it is automated and saves nothing, and the help numbers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from ..messages import StartIntake
from ..widgets.footer import KeysFooter
from ..words import Words, localize


class WelcomeScreen(Screen[None]):
    BINDINGS = [Binding("enter", "start", "key_start", show=True)]

    def __init__(self, ui: Words, title: str, text: str, warning: str, resources: str, note: str) -> None:
        super().__init__()
        localize(self, ui)
        self.ui = ui
        self.title_text, self.text, self.warning, self.resources, self.note = title, text, warning, resources, note

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome"):
            yield Static(self.title_text, id="welcome-title", markup=False)
            yield Static(self.text, classes="welcome-text", markup=False)
            yield Static(self.warning, classes="welcome-text warning", markup=False)
            yield Static(self.resources, id="welcome-help", markup=False)
            with Horizontal(id="welcome-start"):
                yield Button(self.ui("start"), id="start", variant="primary")
                yield Static(self.note, id="welcome-keys", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            event.stop()
            self.action_start()

    def action_start(self) -> None:
        self.post_message(StartIntake())
