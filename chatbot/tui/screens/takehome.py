"""The take-home at a kiosk: a QR code of the result to scan with a phone. Nothing is stored:
the code is drawn on the screen and gone when the person closes it."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..widgets.qr import qr_payload, qr_text
from ..words import Words

CAPTION_COLUMNS = 30  # the words beside the code
MARGIN = (1, 2)  # light rows and columns around the code (#takehome-code's margin): a wider quiet zone


class TakeHomeScreen(ModalScreen[None]):
    """The code as large as the screen allows, the words beside it; Enter or Done closes it."""

    BINDINGS = [Binding("enter", "done", show=False)]

    def __init__(self, ui: Words, lines: list[str]) -> None:
        super().__init__()
        self.ui = ui
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Horizontal(id="takehome"):
            yield Static(id="takehome-code")
            with Vertical(id="takehome-side"):
                yield Static(self.ui("takehome_caption"), id="takehome-caption", markup=False)
                yield Static("", id="takehome-text", markup=False)
                yield Button(self.ui("takehome_done"), id="takehome-done", variant="primary")

    def on_mount(self) -> None:
        self._draw()
        self.query_one("#takehome-done", Button).focus()

    def on_resize(self, _: events.Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        width, height = self.app.size
        payload = qr_payload(self.lines, rows=height - 2 * MARGIN[0], cols=width - CAPTION_COLUMNS - 2 * MARGIN[1])
        code = self.query_one("#takehome-code", Static)
        if payload is None:
            code.update(self.ui("takehome_too_small"))
            self.query_one("#takehome-text", Static).update("\n".join(self.lines))
            return
        code.update(qr_text(payload))
        self.query_one("#takehome-text", Static).update(payload)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_done()

    def action_done(self) -> None:
        self.dismiss(None)
