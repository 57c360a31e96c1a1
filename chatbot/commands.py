"""The words that are commands at every prompt, in every front end ("help" is never an answer)."""

from __future__ import annotations

from .terms import normalize

COMMANDS = {"back": "back", "undo": "back", "go back": "back", "previous question": "back",
            "restart": "restart", "start over": "restart", "start again": "restart", "help": "help",
            "quit": "quit", "exit": "quit"}


def command(text: str) -> str | None:
    """The command these words are, or None when they are an answer."""
    return COMMANDS.get(normalize(text))
