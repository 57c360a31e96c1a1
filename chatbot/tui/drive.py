"""Replay a transcript through the real app with the Pilot: the same answers typed into the
same widgets a person uses, compared the same way as `chatbot.replay`."""

from __future__ import annotations

from textual.widgets import Input

from ..engine import Engine
from ..replay import Before, Mismatch, ReplayResult, Trace, check_turn, compare_outcome
from ..transcript import Transcript
from ..yamlsource import Source
from .app import IntakeApp
from .screens.crisis import CrisisScreen
from .screens.modals import ConfirmScreen
from .screens.summary import SummaryScreen


async def replay_tui(engine: Engine, transcript: Transcript, source: Source, strict: bool = False) -> ReplayResult:
    app = IntakeApp(engine)
    mismatches: list[Mismatch] = []
    trace = Trace()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")                       # Start
        await pilot.pause()
        session = app.session
        assert session is not None
        trace.start(session)
        for index, turn in enumerate(transcript.turns):
            found = check_turn(index, turn, session, source, strict, via=", via tui")
            mismatches.extend(found)
            if any(m.stops for m in found):
                break
            line = source.line(("turns", index))
            if turn.command == "back":
                await pilot.press("ctrl+b")
                await pilot.pause()
            elif turn.command == "restart":
                await pilot.press("ctrl+r")
                await pilot.pause()
                if isinstance(app.screen, ConfirmScreen):
                    await pilot.click("#confirm-yes")
                    await pilot.pause()
            elif isinstance(app.screen, SummaryScreen):
                mismatches.append(Mismatch(line, f"turn {index + 1} (via tui): the summary has no answer box",
                                           f"somewhere to type {turn.answer!r}", "the summary screen"))
                break
            else:
                before = Before.of(session)
                selector = "#crisis-input" if isinstance(app.screen, CrisisScreen) else "#free"
                box = app.screen.query_one(selector, Input)
                box.focus()
                box.value = turn.answer or ""
                await pilot.press("enter")
                await pilot.pause()
                trace.answered(before, session.turn, session)  # what the app's answer did, as replay records it
        outcome = session.outcome()
        mismatches.extend(compare_outcome(transcript.expected, outcome, source))
    return ReplayResult(source.file, transcript.title, mismatches, outcome, trace, via="tui")
