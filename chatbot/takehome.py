"""What a person can take home from a kiosk without anything being stored: a few short lines
(the level, the help numbers, why, what next), most important first, cut to what fits.

The lines go into a QR code the person scans with their phone; how much fits depends on the
screen (a bigger code holds more), so the caller says how many bytes it can hold and the lines
that do not fit are left out from the end. Plain ASCII where the dialog allows, since every
byte counts. Nothing here draws: the TUI turns the text into the code (`tui/widgets/qr.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .dialogs import LoadedDialog
from .recommend import Recommendation

_SENTENCE = re.compile(r"(?<=[.!?])\s")
STRINGS = ("takehome_level", "takehome_then", "takehome_help", "takehome_why", "takehome_next")


def offered(dialog: LoadedDialog) -> bool:
    """A dialog (or translation) without the take-home's strings offers no take-home."""
    return all(key in dialog.spec.strings for key in STRINGS)


def first_sentence(text: str) -> str:
    """"Do not stop suddenly on your own." of a reason's explanation: its one line."""
    return _SENTENCE.split(text.strip(), maxsplit=1)[0]


def takehome_lines(dialog: LoadedDialog, result: Recommendation) -> list[str]:
    """The lines in the order they matter: the level, the help numbers, each reason in one line,
    then the reminder that this is a screening to show a doctor."""
    short = {level.id: level.short or level.name for level in dialog.spec.levels}
    level = short.get(result.level.id, result.level.name)
    first = (dialog.s("takehome_then", level=level, then=short.get(result.then.id, result.then.name))
             if result.then is not None else dialog.s("takehome_level", level=level))
    # the numbers worth keeping on a phone: those the dialog gives a short form (988, treatment help)
    numbers = "; ".join(r.short for r in dialog.spec.safety.resources if r.short and r.text in result.resources)
    lines = [first, dialog.s("takehome_help", numbers=numbers)]
    lines += [dialog.s("takehome_why", reason=first_sentence(r.text)) for r in result.reasons]
    lines.append(dialog.s("takehome_next"))
    return lines


def fit(lines: list[str], fits: Callable[[str], bool]) -> str | None:
    """The text of as many lines as `fits` allows, or None if even the level and the help numbers
    do not fit. The reasons go first, from the last, then the closing reminder; the level and the
    help numbers (the first two lines) always stay."""
    kept = list(lines)
    while not fits("\n".join(kept)):
        if len(kept) <= 2:
            return None
        # the reasons sit between the help numbers and the closing reminder
        del kept[-2 if len(kept) > 3 else -1]
    return "\n".join(kept)
