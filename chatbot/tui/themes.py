"""The themes `--theme` offers: Textual's own (light ones for a bright kiosk among them) and a
high-contrast one, which Textual does not ship."""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES, Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffffff",
    warning="#ffff00",
    error="#ff5555",
    success="#55ff55",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    dark=True,
)

# "default" is the app's own look; every other name is a Textual theme or ours
THEME_NAMES = ("default", HIGH_CONTRAST.name, *sorted(BUILTIN_THEMES))
