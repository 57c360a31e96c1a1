"""The result: the level in large plain words, then why, then, alternatives and next steps."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Static

from ...summary import Part
from ..messages import Back, PrintSummary, Restart, SaveSummary
from ..widgets.footer import KeysFooter
from ..words import Words, localize


class SummaryScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+b", "back", "key_back"),
        Binding("ctrl+s", "save", "key_save_summary"),
        Binding("ctrl+r", "restart", "key_start_over"),
        Binding("ctrl+t", "takehome", "key_takehome"),
    ]

    def __init__(self, ui: Words, title: str, parts: list[Part], emergency: bool, can_save: bool = True,
                 side_panel: Widget | None = None, takehome: list[str] | None = None,
                 can_print: bool = False) -> None:
        super().__init__()
        localize(self, ui)
        self.ui = ui
        self.title_text, self.parts, self.emergency = title, parts, emergency
        self.can_save = can_save
        self.takehome = takehome  # the lines of a kiosk's QR code take-home
        self.can_print = can_print
        self._side_panel = side_panel  # the staff inspector, explaining the level

    def compose(self) -> ComposeResult:
        with Horizontal(id="summary-main"):
            yield from self._summary()
            if self._side_panel is not None:
                yield self._side_panel
        yield KeysFooter()

    def _summary(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            yield Static(self.title_text, id="summary-kicker", markup=False)
            for part in self.parts:
                yield from self._part(part, self.emergency)
            with Horizontal(id="summary-buttons"):
                if self.can_save:
                    yield Button(self.ui("save_summary"), id="summary-save", variant="primary")
                if self.takehome:
                    yield Button(self.ui("takehome_button"), id="summary-takehome", variant="primary")
                if self.can_print:
                    yield Button(self.ui("print_button"), id="summary-print")
                yield Button(self.ui("start_over"), id="summary-restart")  # asks first; not the most prominent

    @staticmethod
    def _part(part: Part, emergency: bool):  # noqa: ANN205 - yields widgets
        """Plain Static widgets: the summary must appear at once, and Markdown is slow to lay out."""
        if part.major:
            yield Static(part.heading, id="summary-level", classes="emergency" if emergency else "", markup=False)
            yield Static(part.text, id="summary-involves", markup=False)
            return
        if part.then:
            yield Static(part.heading, id="summary-then", markup=False)
            yield Static(part.text, classes="summary-text", markup=False)
            return
        if part.heading:
            yield Static(part.heading, classes="summary-heading summary-alert" if part.alert else "summary-heading",
                         markup=False)
        if part.text:
            yield Static(part.text, classes="summary-text summary-notice" if not part.heading else "summary-text",
                         markup=False)
        if part.items:
            lines = []
            for item, subs in part.items:
                lines.append(f"\u2022 {item}")
                lines.extend(f"    \u25aa {sub}" for sub in subs)
            yield Static("\n".join(lines), classes="summary-items", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Where the summary cannot be saved (a kiosk), Save is not offered in the footer at all; the
        take-home only where there is one (a kiosk)."""
        if action == "takehome":
            return bool(self.takehome)
        return self.can_save if action == "save" else True

    def on_mount(self) -> None:
        self.query_one("#summary", VerticalScroll).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "summary-save":
            self.action_save()
        elif event.button.id == "summary-takehome":
            self.action_takehome()
        elif event.button.id == "summary-print":
            self.post_message(PrintSummary())
        elif event.button.id == "summary-restart":
            self.action_restart()

    def action_back(self) -> None:
        self.post_message(Back())

    def action_save(self) -> None:
        if self.can_save:
            self.post_message(SaveSummary())

    def action_takehome(self) -> None:
        if self.takehome:
            from .takehome import TakeHomeScreen  # a kiosk's QR code only: segno is not imported before

            self.app.push_screen(TakeHomeScreen(self.ui, self.takehome))

    def action_restart(self) -> None:
        self.post_message(Restart())
