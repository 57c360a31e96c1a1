"""Small modal screens: confirm, help, save the summary."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ..words import Words, localize


class ConfirmScreen(ModalScreen[bool]):
    """Yes/no before anything that loses the person's place (restart, quit, overwrite)."""

    BINDINGS = [Binding("escape", "cancel", "key_cancel", show=True)]

    def __init__(self, ui: Words, question: str, yes: str, no: str) -> None:
        super().__init__()
        localize(self, ui)
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(self.question, classes="modal-text", markup=False)
            with Horizontal(classes="modal-buttons"):
                yield Button(self.yes, id="confirm-yes", variant="warning")
                yield Button(self.no, id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_cancel(self) -> None:
        self.dismiss(False)


class HelpScreen(ModalScreen[None]):
    """What each key does, and the help numbers, reachable from every screen."""

    BINDINGS = [Binding("escape,f1,enter", "close", "key_close", show=True)]

    def __init__(self, ui: Words, title: str, keys: list[tuple[str, str]], resources: str) -> None:
        super().__init__()
        localize(self, ui)
        self.title_text, self.keys, self.resources = title, keys, resources

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box", id="help-box"):
            yield Static(self.title_text, classes="modal-title", id="help-title")
            yield Static("\n".join(f"{key:>7}  {what}" for key, what in self.keys), id="help-keys", markup=False)
            yield Static(self.resources, id="help-numbers", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)


class SaveScreen(ModalScreen[Path | None]):
    """Ask where to save the summary; the person must confirm the path before anything is written."""

    BINDINGS = [Binding("escape", "cancel", "key_cancel", show=True)]

    def __init__(self, ui: Words, default: Path, what: str) -> None:
        super().__init__()
        localize(self, ui)
        self.ui = ui
        self.default, self.what = default, what

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(self.what, classes="modal-text", markup=False)
            yield Input(str(self.default), id="save-path")
            yield Static("", id="save-error", markup=False)
            with Horizontal(classes="modal-buttons"):
                yield Button(self.ui("save"), id="save-ok", variant="primary")
                yield Button(self.ui("cancel"), id="save-cancel")

    def on_mount(self) -> None:
        self.query_one("#save-path", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save-ok":
            self._save()
        else:
            self.dismiss(None)

    def _save(self) -> None:
        raw = self.query_one("#save-path", Input).value.strip()
        path = Path(raw).expanduser() if raw else None
        if path is None or path.is_dir() or not path.parent.is_dir():
            self.query_one("#save-error", Static).update(self.ui("save_path_problem"))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
