"""Chat bubbles: what the bot asked and what the person answered, told apart by more than colour."""

from __future__ import annotations

from textual.widgets import Static


class Bubble(Static):
    """One message in the conversation log."""

    def __init__(self, speaker: str, text: str, key: str) -> None:
        prefix = "Intake: " if speaker == "bot" else "You: "
        super().__init__(f"{prefix}{text}", classes=f"bubble {speaker}", markup=False)
        self.key = key
        self.text = text
