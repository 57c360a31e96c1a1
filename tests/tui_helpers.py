"""Driving the Textual app in tests: answers go in through the same widgets a person uses."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input


async def type_answer(pilot: Pilot, text: str, selector: str = "#free") -> None:
    """Put text in the answer box and press Enter, as a person typing would."""
    box = pilot.app.screen.query_one(selector, Input)
    box.focus()
    box.value = text
    await pilot.press("enter")
    await pilot.pause()


async def start(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.press("enter")  # the Start button has focus on the welcome screen
    await pilot.pause()


def screen_text(app: App[Any]) -> str:
    """Every piece of text the app's widgets hold, on every screen: what a next person could see."""
    from textual.widgets import Input, OptionList, Static

    parts: list[str] = []
    for screen in app.screen_stack:
        for widget in screen.walk_children(with_self=True):
            if isinstance(widget, Static):
                parts.append(str(widget.content))
            elif isinstance(widget, Input):
                parts.append(widget.value)
            elif isinstance(widget, OptionList):
                parts.extend(str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count))
    return "\n".join(parts)


def footer_text(app: App[Any]) -> str:
    """The footer's row as painted: the last line of a screenshot."""
    import html
    import re

    rows: dict[float, list[str]] = {}
    for y, text in re.findall(r'<text[^>]*y="([0-9.]+)"[^>]*>(.*?)</text>', app.export_screenshot()):
        rows.setdefault(float(y), []).append(html.unescape(re.sub("<[^>]+>", "", text)))
    return "".join(rows[max(rows)]).replace("\xa0", " ")
