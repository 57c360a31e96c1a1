"""Subprocess helper for `benchmarks/run.py`: TUI measurements that need a fresh process.

Run as a script; prints one JSON object on its last line of stdout.

    python benchmarks/tui_probe.py first {intake,minimal}
        Process start to the first screen that matters: for the intake, the chat screen
        showing its first question after Enter on the welcome screen; for the minimal app
        (one Static, one Input), its first render. "Process start" is the parent's
        CLOCK_MONOTONIC reading just before it spawned us (env BENCH_T0_NS), so the
        interpreter's own start-up is included; `script_s` is the same end point measured
        from the first line of this script.
    python benchmarks/tui_probe.py turns ROUNDS
        ROUNDS whole intakes (worked example W1), each in its own `run_test` session,
        alternating with ROUNDS rounds of the same press+pause cycle on the minimal app.
        Each turn also gives the time from the press to the last frame the app painted
        in that turn, and to the last frame that changed what the screen shows (press only,
        press+pause, last paint, last change), since `press()` and `pause()` sleep in 20 ms
        slices until the CPU is idle and so overstate the wait a person sees.
    python benchmarks/tui_probe.py rss {intake,minimal}
        Peak RSS (ru_maxrss) after one whole intake, or after the minimal app's first
        render and as many submits.
"""

from __future__ import annotations

import time

SCRIPT_START_NS = time.monotonic_ns()

import asyncio  # noqa: E402 - the clock above must start before any import
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MAX_PAUSES = 500  # a render that never comes is a bug, not a slow turn
PHASE = random.Random(12)  # where each turn's key press falls between two frames (seeded: repeatable)


def w1_answers() -> list[str]:
    """The typed answers of worked example W1 (tests/worked_examples.py)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from worked_examples import EXAMPLES

    return list(EXAMPLES[0].answers)


# --- the two apps ------------------------------------------------------------------------

def minimal_app():  # noqa: ANN201 - a textual App, imported lazily so the import is timed
    """The floor: one Static and one Input; a submit copies the text into the Static."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input, Static

    class MinimalApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello", id="text")
            yield Input(id="free")

        def on_input_submitted(self, event: Input.Submitted) -> None:
            self.query_one("#text", Static).update(event.value)

    return MinimalApp()


def intake_app():  # noqa: ANN201
    from chatbot.engine import engine_for
    from chatbot.tui.app import IntakeApp

    return IntakeApp(engine_for())


def first_question_shown(app) -> bool:  # noqa: ANN001
    from chatbot.tui.screens.chat import ChatScreen
    from chatbot.tui.widgets.conversation import ConversationLog

    screen = app.screen
    return isinstance(screen, ChatScreen) and bool(screen.query_one("#log", ConversationLog).entries)


def question_rendered(app) -> bool:  # noqa: ANN001
    """The session's current question is the last bubble of the log, or the summary is up."""
    from chatbot.tui.screens.chat import ChatScreen
    from chatbot.tui.screens.summary import SummaryScreen
    from chatbot.tui.widgets.conversation import ConversationLog

    screen = app.screen
    if isinstance(screen, SummaryScreen):
        return True
    if not isinstance(screen, ChatScreen):
        return False
    entries = screen.query_one("#log", ConversationLog).entries
    return bool(entries) and entries[-1].key == f"q:{app.session.state}"


async def pause_until(pilot, done: Callable[[], bool]) -> int:  # noqa: ANN001
    """`await pilot.pause()` until `done()`; returns how many pauses it took."""
    for count in range(1, MAX_PAUSES + 1):
        await pilot.pause()
        if done():
            return count
    raise RuntimeError("the expected screen never rendered")


# --- first screen --------------------------------------------------------------------------

async def first_render(which: str) -> dict[str, float]:
    t_import = time.monotonic_ns()
    app = intake_app() if which == "intake" else minimal_app()
    t_imported = time.monotonic_ns()
    async with app.run_test(size=(80, 24)) as pilot:
        t_ready = time.monotonic_ns()
        if which == "intake":
            await pilot.press("enter")  # Start: the button has the focus
            await pause_until(pilot, lambda: first_question_shown(app))
        else:
            await pause_until(pilot, lambda: bool(app.query("#text")) and bool(app.query("#free")))
        t_done = time.monotonic_ns()
    spawn = int(os.environ.get("BENCH_T0_NS", SCRIPT_START_NS))
    return {"spawn_s": (t_done - spawn) / 1e9, "script_s": (t_done - SCRIPT_START_NS) / 1e9,
            "build_s": (t_imported - t_import) / 1e9, "ready_s": (t_ready - SCRIPT_START_NS) / 1e9}


# --- turns ---------------------------------------------------------------------------------

def clock_paints(app) -> dict[str, Any]:  # noqa: ANN001
    """Record each frame the app hands to its (headless) driver, and when.

    Wraps this one instance's `_display`, which Textual calls with every compositor
    update. `settle()` then says when the turn's last frame came ("last paint") and when
    the last frame that changed what a terminal would show came ("last change"): a frame
    that repaints cells with what they already hold changes nothing a person can see.
    """
    state: dict[str, Any] = {"frames": [], "screen": {}}
    display = app._display

    def _display(screen, renderable) -> None:  # noqa: ANN001
        if renderable is not None:
            state["frames"].append((time.perf_counter(), renderable))
        display(screen, renderable)

    app._display = _display
    state["console"] = app.console
    return state


def settle(paints: dict[str, Any]) -> tuple[float, float]:
    """(last paint, last change) of the frames since the last call, applied in order to a copy
    of the screen's cells (after the clock stopped, so the copy costs the app nothing)."""
    from rich.segment import ControlType

    cells: dict[tuple[int, int], tuple[str, str]] = paints["screen"]
    console = paints["console"]
    last = changed = 0.0
    for when, update in paints["frames"]:
        last = when
        x = y = 0
        for segment in update.__rich_console__(console, console.options):
            if segment.control:
                for code in segment.control:
                    if code[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = code[1], code[2]
                continue
            style = str(segment.style) if segment.style is not None else ""
            for char in segment.text:
                if char == "\n":
                    x, y = 0, y + 1
                    continue
                if cells.get((x, y)) != (char, style):
                    cells[(x, y)] = (char, style)
                    changed = when
                x += 1
    paints["frames"] = []
    return last, changed


async def type_and_wait(app, pilot, text: str, done: Callable[[], bool],  # noqa: ANN001
                        paints: dict[str, Any]) -> tuple[float, float, float, float]:
    """Set the #free Input, press Enter, pause until `done()`.

    Returns seconds for (press only, press+pause, press to the last paint of the turn,
    press to the last frame that changed the screen).
    """
    from textual.widgets import Input

    box = app.screen.query_one("#free", Input)
    if app.focused is not box:
        box.focus()
    settle(paints)  # frames before the turn are the screen it starts from
    # a person's key press falls anywhere between two of Textual's frames (60 a second); the
    # Pilot's 20 ms idle slices would otherwise start every turn at a phase of the frame timer
    # fixed by the app's own frames, differently for each app
    await asyncio.sleep(PHASE.uniform(0, 1 / 60))
    start = time.perf_counter()
    box.value = text
    await pilot.press("enter")
    pressed = time.perf_counter()
    await pause_until(pilot, done)
    end = time.perf_counter()
    last, changed = settle(paints)
    return pressed - start, end - start, max(last - start, 0.0), max(changed - start, 0.0)


async def intake_round(answers: list[str]) -> list[tuple[float, float, float, float]]:
    app = intake_app()
    paints = clock_paints(app)
    out: list[tuple[float, float, float, float]] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pause_until(pilot, lambda: first_question_shown(app))
        for text in answers:
            out.append(await type_and_wait(app, pilot, text, lambda: question_rendered(app), paints))
        assert type(app.screen).__name__ == "SummaryScreen", "W1 must end on the summary"
    return out


async def minimal_round(answers: list[str]) -> list[tuple[float, float, float, float]]:
    from textual.widgets import Static

    app = minimal_app()
    paints = clock_paints(app)
    out: list[tuple[float, float, float, float]] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for text in answers:
            def shown(text: str = text) -> bool:
                return str(app.query_one("#text", Static).content) == text
            out.append(await type_and_wait(app, pilot, text, shown, paints))
    return out


async def turns(rounds: int) -> dict[str, object]:
    answers = w1_answers()
    intake: list[list[tuple[float, float, float, float]]] = []
    minimal: list[list[tuple[float, float, float, float]]] = []
    for _ in range(rounds):  # alternate, so drift hits both alike
        intake.append(await intake_round(answers))
        minimal.append(await minimal_round(answers))
    return {"answers": answers, "intake": intake, "minimal": minimal}


# --- memory --------------------------------------------------------------------------------

async def rss(which: str) -> dict[str, float]:
    answers = w1_answers()
    if which == "intake":
        await intake_round(answers)
    else:
        await minimal_round(answers)
    return {"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv: list[str]) -> int:
    mode, arg = argv[0], argv[1]
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    if mode == "first":
        result: object = asyncio.run(first_render(arg))
    elif mode == "turns":
        result = asyncio.run(turns(int(arg)))
    elif mode == "rss":
        result = asyncio.run(rss(arg))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
