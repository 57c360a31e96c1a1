"""The result: the level in large plain words, then why, then, alternatives and next steps."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Markdown, Static

from ...engine import Turn
from ...summary import result_markdown


class SummaryScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+b", "back", "Back"),
        Binding("ctrl+s", "save", "Save summary"),
        Binding("ctrl+r", "restart", "Start over"),
    ]

    def __init__(self, turn: Turn, can_save: bool = True) -> None:
        super().__init__()
        self.turn = turn
        self.can_save = can_save

    def compose(self) -> ComposeResult:
        rec = self.turn.result
        assert rec is not None
        dialog = self.app.dialog  # type: ignore[attr-defined]
        with VerticalScroll(id="summary"):
            yield Static(dialog.s("result_title"), id="summary-kicker", markup=False)
            yield Static(rec.level.name, id="summary-level", classes="emergency" if rec.kind == "emergency" else "",
                         markup=False)
            if rec.then is not None:
                yield Static(f"{dialog.s('result_then')}: {rec.then.name}", id="summary-then", markup=False)
            body = result_markdown(dialog, rec).split("\n", 1)[1]  # the title is drawn above
            yield Markdown(body, id="summary-body")
            with Horizontal(id="summary-buttons"):
                if self.can_save:
                    yield Button("Save summary", id="summary-save")
                yield Button("Start over", id="summary-restart", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#summary", VerticalScroll).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "summary-save":
            self.action_save()
        elif event.button.id == "summary-restart":
            self.action_restart()

    def action_back(self) -> None:
        self.app.back_from_summary()  # type: ignore[attr-defined]

    def action_save(self) -> None:
        if self.can_save:
            self.app.save_summary()  # type: ignore[attr-defined]

    def action_restart(self) -> None:
        self.app.confirm_restart()  # type: ignore[attr-defined]
