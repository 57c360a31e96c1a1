"""The self-screen app, and the base the kiosk and staff apps build on.

The app alone holds the Session. Screens post messages (`Answer`, `Back`, `Restart`, ...);
the app answers through the Session and hands the turn that comes back to `show`, the one
router, which puts it on the screen that shows it. Kiosk and staff override handlers.
"""

from __future__ import annotations

import asyncio
import io
import signal
from functools import partial
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.widget import Widget

from ..engine import Engine, Session
from ..fileio import write_private
from ..recommend import Recommendation
from ..summary import progress_line, result_markdown, result_parts
from ..turns import BOX_TURNS, ResultTurn, Turn
from .messages import Answer, Back, Restart, SaveSummary, ShowHelp, StartIntake
from .screens.chat import ChatScreen
from .screens.crisis import CrisisScreen
from .screens.modals import ConfirmScreen, HelpScreen, SaveScreen
from .screens.summary import SummaryScreen
from .screens.welcome import WelcomeScreen
from .themes import HIGH_CONTRAST
from .words import localize

# a service stop or a closed terminal: the app leaves through its normal exit, which restores the
# terminal (main screen, cursor, no mouse reporting) and ends the session
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class IntakeApp(App[None]):
    """`intake`: one person at their own terminal."""

    CSS_PATH = "intake.tcss"
    ENABLE_COMMAND_PALETTE = False
    # descriptions name the locale's words (chatbot/tui/words.py)
    BINDINGS = [
        Binding("f1", "help", "key_help", priority=True),
        Binding("ctrl+q", "request_quit", "key_quit", priority=True),
    ]
    # (the key's own name, the word that says what it does)
    KEYS_HELP = [
        ("Enter", "help_enter"), ("Up/Down", "help_arrows"), ("Space", "help_space"), ("Tab", "help_tab"),
        ("Ctrl+B", "help_back"), ("Ctrl+R", "help_restart"), ("Ctrl+S", "help_save_summary"),
        ("F1", "help_help"), ("Ctrl+Q", "help_quit"),
    ]
    HELP_TITLE = "help_title"
    WELCOME_KEYS = "welcome_keys"

    def __init__(self, engine: Engine, theme_name: str | None = None) -> None:
        super().__init__()
        self.engine = engine
        self.dialog = engine.dialog
        self.ui = engine.dialog.ui
        self.title = self.ui("app_title")
        localize(self, self.ui)
        self.session: Session | None = None
        self._chat: ChatScreen | None = None  # the conversation screen of the session, while it lasts
        self._theme_name = theme_name

    # --- lifecycle -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        if self._theme_name:
            self.theme = self._theme_name
        loop = asyncio.get_running_loop()
        for sig in STOP_SIGNALS:
            loop.add_signal_handler(sig, self.signal_exit, sig)
        self.push_screen(self.welcome_screen())

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
        self._chat = None

    def parting_numbers(self) -> str | None:
        """Every help number, left on the terminal after the app closes, when a crisis or
        check-in was on screen or disclosed in this session; otherwise nothing."""
        session = self.session
        if session is None or not (session.in_crisis or session.checking_in or session.crisis_kinds
                                   or session.checked_in):
            return None
        return self.resources_text()

    def resources_text(self) -> str:
        title = self.dialog.s("crisis_resources_title")
        return title + ":\n" + "\n".join(f"\u2022 {r.text}" for r in self.dialog.spec.safety.resources)

    def welcome_screen(self) -> WelcomeScreen:
        s = self.dialog.s
        privacy = self.dialog.spec.strings.get(self.privacy_key(), "")
        text = f"{s('welcome')} {privacy}".strip()
        return WelcomeScreen(self.ui, s("welcome_title"), text, s("not_for_emergencies"), self.resources_text(),
                             self.ui(self.WELCOME_KEYS))

    def privacy_key(self) -> str:
        """Which of the dialog's privacy sentences this mode says on the welcome screen."""
        return "privacy"

    @property
    def recording(self) -> bool:
        """Keep back/restart steps for a transcript (staff, or a kiosk that may save)."""
        return False

    # whether the summary offers Save (a kiosk has no file for the person to take)
    SAVES_SUMMARY = True

    def side_panel(self) -> Widget | None:
        """A widget beside the conversation (the staff inspector), or None."""
        return None

    @property
    def can_print(self) -> bool:
        """Whether the summary can be printed (a kiosk with a printer the operator named)."""
        return False

    def takehome(self, result: Recommendation) -> list[str] | None:
        """The lines of a take-home QR code (a kiosk's), or None where the summary can be saved."""
        return None

    # --- messages from the screens ---------------------------------------------------------

    async def on_start_intake(self, _: StartIntake) -> None:
        self.end_session()
        self.session = self.engine.session(recording=self.recording)
        self._chat = ChatScreen(self.ui, partial(progress_line, self.dialog, answered=False), self.side_panel(),
                                self.session.preview)
        await self.push_screen(self._chat)  # mounted, so the first turn has somewhere to go
        self.show(self.session.start(), fresh=True)

    def on_answer(self, message: Answer) -> None:
        if self.session is not None:
            self.show(self.session.answer(message.text))

    def on_back(self, _: Back) -> None:
        if self.session is not None:
            self.show(self.session.back(), fresh=True)

    def on_restart(self, _: Restart) -> None:
        def done(yes: bool | None) -> None:
            if yes and self.session is not None:
                self.show(self.session.restart(), fresh=True)
        if not isinstance(self.screen, ConfirmScreen):
            self.push_screen(ConfirmScreen(self.ui, self.ui("restart_ask"), self.ui("restart_yes"),
                                           self.ui("keep_going")), done)

    def on_save_summary(self, _: SaveSummary) -> None:
        if self.SAVES_SUMMARY:
            self.save_summary()

    def on_show_help(self, _: ShowHelp) -> None:
        self.action_help()

    # --- the one router: every turn the Session gives goes to the screen that shows it -----------

    def show(self, turn: Turn, fresh: bool = False) -> None:
        """Show `turn`: the crisis box for a crisis or check-in, else the conversation, and the
        summary over it for a result. `fresh` redraws the answer widget (back, restart, a jump)."""
        session, chat = self.session, self._chat
        if session is None or chat is None:
            return
        if isinstance(turn, BOX_TURNS):
            if isinstance(self.screen, CrisisScreen):
                self.screen.update(turn)
                return
            self._back_to_chat()
            self.push_screen(CrisisScreen(self.ui, turn))
            return
        self._back_to_chat()
        chat.show(turn, session.log(), fresh=fresh)
        if isinstance(turn, ResultTurn):
            result = turn.result
            self.push_screen(SummaryScreen(self.ui, self.dialog.s("result_title"), result_parts(self.dialog, result),
                                           emergency=result.kind == "emergency", can_save=self.SAVES_SUMMARY,
                                           side_panel=self.side_panel(), takehome=self.takehome(result),
                                           can_print=self.can_print))

    def _back_to_chat(self) -> None:
        while self._chat is not None and self.screen is not self._chat and len(self.screen_stack) > 1:
            self.pop_screen()

    # --- saving the summary -----------------------------------------------------------------

    SUMMARY_FILE = "intake-summary.md"

    def save_summary(self) -> None:
        if self.session is None or self.session.result is None:
            return
        markdown = result_markdown(self.dialog, self.session.result)
        if self.is_web:
            # served in a browser (`intake serve`): the summary goes to the person's browser as a
            # download, from memory; nothing is written on the server
            self.deliver_text(io.StringIO(markdown), save_filename=self.SUMMARY_FILE, mime_type="text/markdown")
            self.notify(self.ui("summary_download", name=self.SUMMARY_FILE))
            return

        def write(path: Path | None) -> None:
            if path is None:
                return
            if path.exists():
                def overwrite(yes: bool | None) -> None:
                    if yes:
                        self._write(path, markdown)
                self.push_screen(ConfirmScreen(self.ui, self.ui("replace_ask", path=path), self.ui("replace_yes"),
                                               self.ui("cancel")), overwrite)
            else:
                self._write(path, markdown)

        self.push_screen(SaveScreen(self.ui, Path.cwd() / self.SUMMARY_FILE, self.ui("save_summary_what")), write)

    def _write(self, path: Path, text: str) -> None:
        try:
            write_private(path, text)
        except OSError as exc:
            self.notify(self.ui("save_failed", error=exc.strerror or exc), severity="error")
            return
        self.notify(self.ui("saved_to", path=path))

    # --- keys --------------------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            keys = [(key, self.ui(word)) for key, word in self.KEYS_HELP]
            self.push_screen(HelpScreen(self.ui, self.ui(self.HELP_TITLE), keys, self.resources_text()))

    def action_request_quit(self) -> None:
        def done(yes: bool | None) -> None:
            if yes:
                self.exit(message=self.parting_numbers())
                self.end_session()
        if not isinstance(self.screen, ConfirmScreen):
            self.push_screen(ConfirmScreen(self.ui, self.ui("quit_ask"), self.ui("quit_yes"), self.ui("keep_going")),
                             done)
