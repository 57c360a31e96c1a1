"""What this is, how long it takes, that it is automated and saves nothing, and the help numbers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Static


class WelcomeScreen(Screen[None]):
    BINDINGS = [Binding("enter", "start", "Start", show=True)]

    def compose(self) -> ComposeResult:
        app = self.app
        s = app.dialog.s  # type: ignore[attr-defined]
        with VerticalScroll(id="welcome"):
            yield Static(s("welcome_title"), id="welcome-title", markup=False)
            yield Static(s("welcome"), classes="welcome-text", markup=False)
            yield Static(s("not_for_emergencies"), classes="welcome-text warning", markup=False)
            yield Static(app.resources_text(), id="welcome-help", markup=False)  # type: ignore[attr-defined]
            with Horizontal(id="welcome-start"):
                yield Button("Start", id="start", variant="primary")
                yield Static(app.welcome_note(), id="welcome-keys", markup=False)  # type: ignore[attr-defined]
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            event.stop()
            self.action_start()

    def action_start(self) -> None:
        self.app.start_intake()  # type: ignore[attr-defined]
