"""Snapshots of the main screens at 80x24, compared as Textual's own SVG export.

pytest-textual-snapshot pins a syrupy that needs pytest 8, so we compare the SVG
ourselves. Accept intended changes with `pytest tests/test_snapshots.py --snapshot-update`
and look at the new SVGs before committing them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from chatbot.engine import Engine
from chatbot.tui.app import IntakeApp
from tui_helpers import start, to_summary, type_answer
from worked_examples import EXAMPLES

SNAPSHOTS = Path(__file__).parent / "__snapshots__"


async def welcome(pilot: Pilot) -> None:
    await pilot.pause()


async def choice_question(pilot: Pilot) -> None:
    await start(pilot)


async def multi_select(pilot: Pilot) -> None:
    await start(pilot)
    for a in ["1", "me", "2"]:
        await type_answer(pilot, a)
    await pilot.press("space", "down", "down")


async def crisis(pilot: Pilot) -> None:
    await start(pilot)
    for a in ["1", "me", "2", "i want to die"]:
        await type_answer(pilot, a)


async def summary(pilot: Pilot) -> None:
    await to_summary(pilot, EXAMPLES[0].answers)


SCREENS: dict[str, Callable[[Pilot], Awaitable[None]]] = {
    "welcome": welcome, "choice_question": choice_question, "multi_select": multi_select, "crisis": crisis,
    "summary": summary,
}


def screenshot(engine: Engine, drive: Callable[[Pilot], Awaitable[None]]) -> str:
    async def run() -> str:
        app = IntakeApp(engine)
        async with app.run_test(size=(80, 24)) as pilot:
            await drive(pilot)
            for box in app.screen.query(Input):
                box.cursor_blink = False
            await pilot.pause()
            return app.export_screenshot()
    return asyncio.run(run())


@pytest.mark.parametrize("name", list(SCREENS))
def test_screen_snapshot(engine: Engine, name: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    actual = screenshot(engine, SCREENS[name])
    expected_file = SNAPSHOTS / f"{name}.svg"
    if request.config.getoption("--snapshot-update") or not expected_file.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
        if not request.config.getoption("--snapshot-update"):
            pytest.fail(f"no snapshot for {name} yet: wrote {expected_file}; look at it and commit it")
        return
    if actual != expected_file.read_text(encoding="utf-8"):
        got = tmp_path / f"{name}.svg"
        got.write_text(actual, encoding="utf-8")
        pytest.fail(f"the {name} screen changed: compare {expected_file} with {got}; if the change is "
                    "intended, run pytest --snapshot-update")
