"""Chat bubbles: what the bot asked and what the person answered, told apart by more than colour."""

from __future__ import annotations

from textual.widgets import Static


class Bubble(Static):
    """One message in the conversation log."""

    def __init__(self, name: str, speaker: str, text: str, key: str) -> None:
        """`name`: who speaks, in words ("Intake", "You"); `speaker`: "bot" or "person", for the look."""
        super().__init__(f"{name}: {text}", classes=f"bubble {speaker}", markup=False)
        self.key = key
        self.text = text
