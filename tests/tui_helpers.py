"""Driving the Textual app in tests: answers go in through the same widgets a person uses."""

from __future__ import annotations

from collections.abc import Sequence
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


async def to_summary(pilot: Pilot, answers: Sequence[str], *, press_start: bool = True) -> None:
    """A whole intake to its summary in few Pilot steps, for tests about the summary, not the typing.

    Start is pressed in the app; every answer but the last goes to the app's own Session
    in-process (`session.answer`, the engine API a typed answer ends in); the last is typed in
    the answer box, so the summary is shown by the same path as for a person. The log is drawn
    from the Session, so the screens match a typed intake. Typing every answer through the app
    stays checked by the `tui: true` transcripts (W1 among them). With press_start=False the
    intake is already on screen, at the question the first answer is for.
    """
    if press_start:
        await start(pilot)
    session = pilot.app.session  # type: ignore[attr-defined]
    assert session is not None, "Start did not begin an intake"
    for text in answers[:-1]:
        session.answer(text)
    await type_answer(pilot, answers[-1])


class FakeClock:
    """The kiosk's clock in tests: time passes only when `later` says."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def later(app: Any, pilot: Pilot, clock: FakeClock, seconds: float) -> None:
    """Let `seconds` pass on the kiosk's clock and its once-a-second idle check run. The one
    place the tests call the kiosk's tick_idle (what its interval timer calls) themselves."""
    clock.now += seconds
    app.tick_idle()
    await pilot.pause()


def log_texts(app: App[Any]) -> list[str]:
    """The messages of the conversation on screen, oldest first (without who said them)."""
    from chatbot.tui.widgets.conversation import ConversationLog

    return [entry.text for entry in app.screen.query_one("#log", ConversationLog).entries]


def log_lines(app: App[Any]) -> list[str]:
    """The conversation's lines as drawn now, top to bottom: what a person sees of it (less the
    margins and the column where the scroll marker goes)."""
    from chatbot.tui.widgets.conversation import ConversationLog

    log = app.screen.query_one("#log", ConversationLog)
    return [log.render_line(y).text[1:-2].rstrip() for y in range(log.size.height)]


def screen_text(app: App[Any]) -> str:
    """Every piece of text the app's widgets hold, on every screen: what a next person could see."""
    from textual.widgets import Input, OptionList, Static

    from chatbot.tui.widgets.conversation import ConversationLog
    from chatbot.tui.widgets.status import TextLine

    parts: list[str] = []
    for screen in app.screen_stack:
        for widget in screen.walk_children(with_self=True):
            if isinstance(widget, Static):
                parts.append(str(widget.content))
            elif isinstance(widget, ConversationLog):
                parts.extend(entry.text for entry in widget.entries)
            elif isinstance(widget, TextLine):
                parts.append(widget.text)
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
