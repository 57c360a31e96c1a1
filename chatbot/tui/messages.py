"""What screens ask of the app. Screens post these and never touch the Session: the app
alone holds it, answers through it, and routes the turn that comes back (`IntakeApp.show`)."""

from __future__ import annotations

from textual.message import Message


class StartIntake(Message):
    """The person pressed Start on the welcome screen."""


class Answer(Message):
    """Something to answer the turn on screen with: typed text, or a pick turned into text."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class Back(Message):
    """Undo the last answer (or leave the summary)."""


class Restart(Message):
    """Start over; the app asks first."""


class SaveSummary(Message):
    """Save the summary to a file (where the mode allows it)."""


class PrintSummary(Message):
    """Print the summary on the kiosk's printer (where the operator set one)."""


class ShowHelp(Message):
    """Show the keys and every help number (also what typing `help` does)."""
