"""Snapshots of the main screens at 80x24 and 120x40, compared as Textual's own SVG export:
the welcome, a question, the crisis box, the summary's first screen for oneself, at a kiosk and
for someone else, and the staff inspector on the summary.

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


async def summary_w9(pilot: Pilot) -> None:
    await to_summary(pilot, next(e for e in EXAMPLES if e.name == "W9").answers)


async def summary_for_a_son(pilot: Pilot) -> None:
    w3 = next(e for e in EXAMPLES if e.name == "W3").answers
    await to_summary(pilot, [w3[0], "for my son", *w3[2:]])


Drive = Callable[[Pilot], Awaitable[None]]
BIG = (120, 40)
SMALL = (80, 24)
# name -> (app, size, how to get there); the 80x24 names are the first snapshots' own
SCREENS: dict[str, tuple[str, tuple[int, int], Drive]] = {
    "welcome": ("intake", SMALL, welcome), "choice_question": ("intake", SMALL, choice_question),
    "multi_select": ("intake", SMALL, multi_select), "crisis": ("intake", SMALL, crisis),
    "summary": ("intake", SMALL, summary),
    "summary_kiosk": ("kiosk", SMALL, summary_w9), "summary_for_a_son": ("intake", SMALL, summary_for_a_son),
    "welcome_120x40": ("intake", BIG, welcome), "choice_question_120x40": ("intake", BIG, choice_question),
    "crisis_120x40": ("intake", BIG, crisis), "summary_120x40": ("intake", BIG, summary),
    "summary_kiosk_120x40": ("kiosk", BIG, summary_w9), "summary_for_a_son_120x40": ("intake", BIG, summary_for_a_son),
    "staff_summary_120x40": ("staff", BIG, summary_w9),
}


def make_app(engine: Engine, kind: str) -> IntakeApp:
    from chatbot.tui.kiosk import KioskApp
    from chatbot.tui.staff import StaffApp

    if kind == "kiosk":
        return KioskApp(engine, pin="2468")
    return StaffApp(engine) if kind == "staff" else IntakeApp(engine)


def screenshot(engine: Engine, kind: str, size: tuple[int, int], drive: Drive) -> str:
    async def run() -> str:
        app = make_app(engine, kind)
        async with app.run_test(size=size) as pilot:
            await drive(pilot)
            for box in app.screen.query(Input):
                box.cursor_blink = False
            await pilot.pause()
            return app.export_screenshot()
    return asyncio.run(run())


@pytest.mark.parametrize("name", list(SCREENS))
def test_screen_snapshot(engine: Engine, name: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    actual = screenshot(engine, *SCREENS[name])
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
