"""The self-screen app, and the base the kiosk and staff apps build on.

The app owns one Session at a time and routes every typed or picked answer through it;
screens ask the app to move on and never decide anything themselves.
"""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from ..engine import Engine, Session, Turn
from ..fileio import write_private
from ..summary import result_markdown
from .screens.chat import ChatScreen
from .screens.crisis import CrisisScreen
from .screens.modals import ConfirmScreen, HelpScreen, SaveScreen
from .screens.summary import SummaryScreen
from .screens.welcome import WelcomeScreen
from .themes import HIGH_CONTRAST

# a service stop or a closed terminal: the app leaves through its normal exit, which restores the
# terminal (main screen, cursor, no mouse reporting) and ends the session
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class IntakeApp(App[None]):
    """`intake`: one person at their own terminal."""

    CSS_PATH = "intake.tcss"
    TITLE = "Intake"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("f1", "help", "Help & numbers", priority=True),
        Binding("ctrl+q", "request_quit", "Quit", priority=True),
    ]
    KEYS_HELP = [
        ("Enter", "send your answer, or pick the highlighted option"),
        ("Up/Down", "move through the options (with the typing box empty)"),
        ("Space", "tick an option when you can pick several"),
        ("Tab", "move between the typing box, the options and buttons"),
        ("Ctrl+B", "back: undo your last answer"),
        ("Ctrl+R", "restart: start over (asks first)"),
        ("Ctrl+S", "save the summary to a file (on the summary)"),
        ("F1", "this help and the help numbers"),
        ("Ctrl+Q", "quit (asks first); nothing is saved"),
    ]

    def __init__(self, engine: Engine, theme_name: str | None = None) -> None:
        super().__init__()
        self.engine = engine
        self.dialog = engine.dialog
        self.session: Session | None = None
        self._theme_name = theme_name

    # --- lifecycle -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        if self._theme_name:
            self.theme = self._theme_name
        loop = asyncio.get_running_loop()
        for sig in STOP_SIGNALS:
            loop.add_signal_handler(sig, self.signal_exit, sig)
        self.push_screen(WelcomeScreen())

    def on_unmount(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in STOP_SIGNALS:
            loop.remove_signal_handler(sig)
        self.end_session()

    def signal_exit(self, signum: int) -> None:
        """Leave as a quit would, with the shell's code for a signal (128 + its number); the
        help numbers stay on the terminal if a crisis was on screen (not after a hang-up)."""
        numbers = self.parting_numbers() if signum != signal.SIGHUP else None
        self.exit(return_code=128 + signum, message=numbers)

    def end_session(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None

    def parting_numbers(self) -> str | None:
        """Every help number, left on the terminal after the app closes, when a crisis or
        check-in was on screen or disclosed in this session; otherwise nothing."""
        session = self.session
        if session is None or not (session.in_crisis or session.turn.kind == "check_in" or session.crisis_kinds
                                   or session.checked_in):
            return None
        return self.resources_text()

    def resources_text(self) -> str:
        title = self.dialog.s("crisis_resources_title")
        return title + ":\n" + "\n".join(f"\u2022 {r.text}" for r in self.dialog.spec.safety.resources)

    def welcome_note(self) -> str:
        return "Keys: Enter to answer, Ctrl+B to go back, F1 for help and the help numbers, Ctrl+Q to quit."

    @property
    def recording(self) -> bool:
        """Keep back/restart steps for a transcript (staff, or a kiosk that may save)."""
        return False

    def side_panel(self):  # noqa: ANN201 - a widget beside the chat, or None
        return None

    def start_intake(self) -> None:
        self.end_session()
        self.session = self.engine.session(recording=self.recording)
        self.session.start()
        self.push_screen(ChatScreen(self.session))

    # --- the conversation ----------------------------------------------------------------

    @property
    def chat(self) -> ChatScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ChatScreen):
                return screen
        return None

    def answer(self, text: str) -> Turn:
        assert self.session is not None
        return self.session.answer(text)

    def after_turn(self, turn: Turn) -> None:
        """Hook for modes that show more after every turn (the staff inspector)."""

    def show_crisis(self, turn: Turn) -> None:
        if isinstance(self.screen, CrisisScreen):
            self.screen.update(turn)
        else:
            self.push_screen(CrisisScreen(turn))
        self.after_turn(turn)

    def after_crisis(self, turn: Turn) -> None:
        chat = self.chat
        if chat is not None:
            chat.show(turn)

    def show_result(self, turn: Turn) -> None:
        if isinstance(self.screen, SummaryScreen):
            self.pop_screen()
        self.push_screen(SummaryScreen(turn, can_save=self.can_save_summary()))
        self.after_turn(turn)

    def can_save_summary(self) -> bool:
        return True

    def back_from_summary(self) -> None:
        if isinstance(self.screen, SummaryScreen) and self.session is not None:
            self.pop_screen()
            chat = self.chat
            if chat is not None:
                chat.show(self.session.back())

    def confirm_restart(self) -> None:
        def done(yes: bool | None) -> None:
            if yes:
                self.restart()
        self.push_screen(ConfirmScreen("Start over? Your answers so far will be cleared.", "Start over", "Keep going"),
                         done)

    def restart(self) -> None:
        if self.session is None:
            return
        self.session.restart()
        while not isinstance(self.screen, ChatScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        chat = self.chat
        if chat is not None:
            chat.redraw()

    # --- saving the summary -----------------------------------------------------------------

    def save_summary(self) -> None:
        if self.session is None or self.session.result is None:
            return
        markdown = result_markdown(self.dialog, self.session.result)

        def write(path: Path | None) -> None:
            if path is None:
                return
            if path.exists():
                def overwrite(yes: bool | None) -> None:
                    if yes:
                        self._write(path, markdown)
                self.push_screen(ConfirmScreen(f"{path} already exists. Replace it?", "Replace", "Cancel"), overwrite)
            else:
                self._write(path, markdown)

        what = ("Save the summary as a Markdown file. It holds your answers, so pick a private place. "
                "Only you will be able to read the file.")
        self.push_screen(SaveScreen(Path.cwd() / "intake-summary.md", what), write)

    def _write(self, path: Path, text: str) -> None:
        try:
            write_private(path, text)
        except OSError as exc:
            self.notify(f"Could not save: {exc.strerror or exc}", severity="error")
            return
        self.notify(f"Saved to {path}")

    # --- keys --------------------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.KEYS_HELP, self.resources_text()))

    def action_request_quit(self) -> None:
        def done(yes: bool | None) -> None:
            if yes:
                self.exit(message=self.parting_numbers())
                self.end_session()
        if not isinstance(self.screen, ConfirmScreen):
            self.push_screen(ConfirmScreen("Quit now? Nothing you typed is saved.", "Quit", "Keep going"), done)
