"""`intake kiosk`: strangers at a shared terminal.

Quit keys do nothing, Escape wipes to the welcome screen at once, an idle person gets a
countdown and then a wipe, the summary resets itself, and the operator leaves with F10
plus a PIN. Nothing is written unless the operator enabled saving and the person agreed.
Lockdown of the machine itself (auto-login, the app as the shell) is the operating
system's job; the README says how.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ..engine import Engine
from ..fhir import dumps, response
from ..fileio import write_private
from ..recommend import Recommendation
from ..summary import result_text
from ..takehome import offered, takehome_lines
from ..transcript import from_session, save
from ..turns import ResultTurn, Turn
from .app import IntakeApp
from .messages import PrintSummary, StartIntake
from .screens.summary import SummaryScreen
from .screens.welcome import WelcomeScreen
from .words import Words

COUNTDOWN = 30


class IdleScreen(ModalScreen[bool]):
    """Are you still there? Any key or click keeps the session."""

    def __init__(self, ui: Words, seconds: int) -> None:
        super().__init__()
        self.ui = ui
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(self.ui("idle_title"), classes="modal-title")
            yield Static("", id="idle-count", classes="modal-text", markup=False)
            yield Button(self.ui("idle_stay"), id="idle-stay", variant="primary")

    def on_mount(self) -> None:
        self.set_left(self.seconds)
        self.query_one("#idle-stay", Button).focus()

    def set_left(self, seconds: int) -> None:
        for count in self.query("#idle-count").results(Static):  # none once the screen is wiped
            count.update(self.ui("idle_countdown", seconds=max(seconds, 0)))

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.dismiss(True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(True)


class ConsentScreen(ModalScreen[bool]):
    """Saving needs the operator's switch and this yes, on screen, from the person."""

    def __init__(self, ui: Words) -> None:
        super().__init__()
        self.ui = ui

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(self.ui("consent_title"), classes="modal-title")
            yield Static(self.ui("consent_text"), classes="modal-text")
            with Horizontal(classes="modal-buttons"):
                yield Button(self.ui("consent_yes"), id="consent-yes")
                yield Button(self.ui("consent_no"), id="consent-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#consent-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "consent-yes")


PIN_LOCKOUT = 30.0  # seconds after the first three wrong PINs; it doubles each time
MAX_ERROR_WIPES = 20  # errors wiped and survived before the kiosk gives up and stops


class PinScreen(ModalScreen[bool]):
    """The operator's way out: the PIN set with --pin or INTAKE_KIOSK_PIN."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, ui: Words, pin: str) -> None:
        super().__init__()
        self.ui = ui
        self.pin = pin
        self.tries = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(self.ui("pin_prompt"), classes="modal-text")
            yield Input(password=True, id="pin")
            yield Static("", id="pin-error")
            with Horizontal(classes="modal-buttons"):
                # Esc is the kiosk's quick exit (it wipes the person): closing this box is a button
                yield Button(self.ui("cancel"), id="pin-cancel", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Button.Pressed, "#pin-cancel")
    def _cancelled(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value == self.pin:
            self.dismiss(True)
            return
        self.tries += 1
        event.input.clear()
        if self.tries >= 3:
            self.dismiss(False)
        else:
            self.query_one("#pin-error", Static).update(self.ui("pin_wrong"))

    def action_cancel(self) -> None:
        self.dismiss(None)  # a cancel is not a wrong PIN


class KioskApp(IntakeApp, inherit_bindings=False):
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("escape", "quick_exit", "key_quick_exit", priority=True),
        Binding("f1", "help", "key_help", priority=True),
        Binding("f10", "staff_exit", show=False, priority=True),
        Binding("ctrl+c,ctrl+q,ctrl+p,ctrl+z,ctrl+backslash", "nothing", show=False, priority=True),
    ]
    KEYS_HELP = [("Esc", "help_quick_exit")] + [
        (key, what) for key, what in IntakeApp.KEYS_HELP if key not in ("Ctrl+S", "Ctrl+Q")]

    def __init__(self, engine: Engine, pin: str, idle: float = 120, linger: float = 60, countdown: int = COUNTDOWN,
                 save_dir: Path | None = None, fhir: bool = False, theme_name: str | None = None,
                 clock: Callable[[], float] = time.monotonic, printer: str | None = None) -> None:
        super().__init__(engine, theme_name=theme_name)
        self.pin = pin
        self.printer = printer  # a printer the operator named (CUPS `lp -d`): the summary can be printed
        self.idle = idle
        self.linger = linger
        self.countdown = countdown
        self.save_dir = save_dir
        self.fhir = fhir  # with save_dir: the FHIR form is saved beside each transcript
        self.clock = clock
        self.last_activity = clock()
        self.countdown_started: float | None = None
        self.sessions_started = 0
        self.pin_failures = 0  # rounds of three wrong PINs
        self.locked_until = float("-inf")
        self.errors_wiped = 0

    def on_mount(self) -> None:
        if self.is_web:
            self.save_dir = None  # served in a browser (`intake serve`): nothing is kept on the server
        super().on_mount()
        self.set_interval(1.0, self.tick_idle)

    def signal_exit(self, signum: int) -> None:
        """SIGTERM or SIGHUP (shutdown, a closed terminal): wipe the person, then leave cleanly."""
        self.wipe()
        self.exit(return_code=128 + signum)

    @property
    def recording(self) -> bool:
        return self.save_dir is not None

    def privacy_key(self) -> str:
        """With saving enabled, the welcome says a copy is kept only if the person agrees."""
        return "privacy_consent" if self.save_dir is not None else "privacy"

    WELCOME_KEYS = "welcome_keys_kiosk"
    HELP_TITLE = "help_title_kiosk"

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseEvent)):
            self.last_activity = self.clock()
        await super().on_event(event)

    async def on_start_intake(self, message: StartIntake) -> None:
        self.sessions_started += 1
        await super().on_start_intake(message)

    # --- idle, linger and wipe ---------------------------------------------------------------

    def tick_idle(self) -> None:
        """Called every second (and by tests with a fake clock). The countdown runs whatever is
        on top of it (the PIN box, help): a person who walked away is wiped all the same."""
        now = self.clock()
        idle_screens = [s for s in self.screen_stack if isinstance(s, IdleScreen)]
        if idle_screens:
            if self.countdown_started is None:
                self.countdown_started = now  # never trust the bookkeeping over the screen
            left = self.countdown - (now - self.countdown_started)
            if left <= 0:
                self.wipe()
            else:
                idle_screens[-1].set_left(int(left + 0.999))
            return
        if self.session is None:
            return  # on the welcome screen nothing of anyone is shown
        on_summary = any(isinstance(s, SummaryScreen) for s in self.screen_stack)
        limit = self.linger if on_summary else self.idle
        if now - self.last_activity >= limit:
            self.countdown_started = now

            def keep(_: bool | None) -> None:
                self.countdown_started = None
                self.last_activity = self.clock()
            self.push_screen(IdleScreen(self.ui, self.countdown), keep)

    def wipe(self) -> None:
        """Forget the person: close the session and drop every screen that showed them."""
        self.end_session()
        self.countdown_started = None
        while len(self.screen_stack) > 1 and not isinstance(self.screen, WelcomeScreen):
            self.pop_screen()
        if not isinstance(self.screen, WelcomeScreen):
            self.push_screen(self.welcome_screen())
        self.last_activity = self.clock()

    def action_quick_exit(self) -> None:
        self.wipe()

    def action_nothing(self) -> None:
        """ctrl+c, ctrl+q, ctrl+p and ctrl+z do nothing at a kiosk."""

    def action_staff_exit(self) -> None:
        wait = self.locked_until - self.clock()
        if wait > 0:
            self.notify(self.ui("pin_locked", seconds=int(wait + 0.999)), severity="warning")
            return

        def done(ok: bool | None) -> None:
            if ok:
                self.pin_failures = 0
                self.end_session()
                self.exit()
            elif ok is False:
                # three wrong PINs: locked for 30 s, then 60, 120, ... (guessing gets slow fast)
                self.pin_failures += 1
                self.locked_until = self.clock() + PIN_LOCKOUT * 2 ** (self.pin_failures - 1)
        if not any(isinstance(s, PinScreen) for s in self.screen_stack):
            self.push_screen(PinScreen(self.ui, self.pin), done)

    async def _on_message(self, message: Message) -> None:
        """An error in one of the app's own handlers (an answer, Back, ...) is handled here, where
        Textual would stop the app's message loop after it: the kiosk wipes and keeps running."""
        try:
            await super()._on_message(message)
        except Exception as error:  # noqa: BLE001 - any error: wipe, never exit (see _handle_exception)
            self._handle_exception(error)

    def _handle_exception(self, error: Exception) -> None:
        """Any error at a kiosk wipes the person and returns to the welcome screen; the kiosk never
        exits without the PIN and never shows a traceback to the next person."""
        self.errors_wiped += 1
        if self.errors_wiped > MAX_ERROR_WIPES:
            super()._handle_exception(error)  # something is broken for good: stop, with the error
            return
        try:
            self.wipe()
            self.notify(self.ui("kiosk_error"),
                        severity="error")
        except Exception:  # noqa: BLE001 - the wipe itself failed: stop rather than loop
            super()._handle_exception(error)

    def action_request_quit(self) -> None:
        """No quitting at a kiosk; the quick exit wipes instead."""

    # --- summary: no file export; saving only with consent -----------------------------------------

    SAVES_SUMMARY = False
    PRINT_SECONDS = 20  # a printer that does not answer is given up on, and the kiosk goes on

    def takehome(self, result: Recommendation) -> list[str] | None:
        """The kiosk's take-home: a QR code of the result, drawn on screen and stored nowhere."""
        return takehome_lines(self.dialog, result) if offered(self.dialog) else None

    @property
    def can_print(self) -> bool:
        return self.printer is not None

    def on_print_summary(self, _: PrintSummary) -> None:
        result = self.session.result if self.session is not None else None
        if self.printer is None or result is None:
            return
        self.run_worker(partial(self._send_to_printer, result_text(self.dialog, result)), thread=True, exclusive=True,
                        group="print")

    def _send_to_printer(self, text: str) -> None:
        """Send the summary to the operator's printer; a failure is said, never raised."""
        try:
            done = subprocess.run(["lp", "-d", str(self.printer), "-t", "Intake summary"], input=text.encode(),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  timeout=self.PRINT_SECONDS, check=False)
            ok = done.returncode == 0
        except (OSError, subprocess.SubprocessError):
            ok = False
        self.call_from_thread(self.notify, self.ui("print_sent" if ok else "print_failed"),
                              severity="information" if ok else "error")

    def show(self, turn: Turn, fresh: bool = False) -> None:
        super().show(turn, fresh)
        if self.save_dir is not None and isinstance(turn, ResultTurn):
            self.push_screen(ConsentScreen(self.ui), self._consented)

    def _consented(self, yes: bool | None) -> None:
        if not yes or self.session is None or self.save_dir is None:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        transcript = from_session(self.session, title=f"Kiosk intake {stamp}", mode="kiosk")
        name = f"kiosk-{stamp}-{self.sessions_started}"
        try:
            save(transcript, self.save_dir / f"{name}.yaml")
            if self.fhir:
                write_private(self.save_dir / f"{name}.fhir.json", dumps(response(self.session)), replace=False)
        except OSError:
            self.notify(self.ui("kiosk_save_failed"), severity="error")
            return
        self.notify(self.ui("kiosk_saved"))
