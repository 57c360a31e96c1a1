"""The intake served in a real browser: `intake serve` in its own process, Debian's Chromium
driven by playwright (tests/served_page.py). Chromium missing is a failure that says how to
install it, never a skip: CI installs it (.ci/run)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from chatbot.engine import Engine
from served_page import CHROMIUM, NO_CHROMIUM, Page, chromium, expected_screens, first_question, served
from worked_examples import EXAMPLES

if TYPE_CHECKING:
    from playwright.sync_api import Browser

KIOSK_PIN = "pin-5581-not-on-any-command-line"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(NO_CHROMIUM, pytrace=False)
    with chromium() as launched:
        yield launched


@contextmanager
def screenshots_on_failure(pages: list[Page], folder: Path) -> Iterator[None]:
    """A failure names the screenshots of every page still open, taken as it failed."""
    try:
        yield
    except Exception as failure:
        shots = []
        for number, page in enumerate(pages, 1):
            try:
                shots.append(str(page.save(folder / f"page-{number}.png")))
            except Exception as error:  # noqa: BLE001 - a page that cannot be shot must not hide the failure
                shots.append(f"page {number}: no screenshot ({error})")
        raise AssertionError(f"{failure}\n\nScreenshots of the pages: {', '.join(shots)}") from failure


def open_intake(page: Page, engine: Engine) -> None:
    """Open the page and start the intake with Enter, without a click: the page gives the app
    the keyboard when it connects."""
    page.open()
    page.wait_for(engine.dialog.s("welcome_title"), engine.dialog.ui("start"))
    assert "xterm-helper-textarea" in page.focused(), "the terminal should have the keyboard without a click"
    page.press("Enter")
    page.wait_for(first_question(engine))


def answer_all(page: Page, engine: Engine, answers: list[str]) -> None:
    for typed, shown in expected_screens(engine, answers):
        page.type(typed)
        page.wait_for(*shown)


def test_two_people_in_chromium_each_with_their_own_app(browser: Browser, engine: Engine, tmp_path: Path) -> None:
    """One person answers in their own words, sees each reading shown back, then says they want
    to kill themself and gets the crisis screen with 988; meanwhile another person, on another
    connection, goes through a whole intake, sees the level and downloads the summary. Nothing
    leaves 127.0.0.1, and the server writes nothing, in its folder or its home."""
    where, home = tmp_path / "server", tmp_path / "home"
    where.mkdir()
    home.mkdir()
    pages: list[Page] = []
    with served(cwd=where, env={"HOME": str(home)}) as url, screenshots_on_failure(pages, tmp_path):
        first = Page(browser, url)
        pages.append(first)
        open_intake(first, engine)
        answer_all(first, engine, ["yeah im ok", "its for me", "im 34", "yes", "i want to kill myself"])
        first.wait_for("988")

        second = Page(browser, url)
        pages.append(second)
        open_intake(second, engine)
        w8 = next(e for e in EXAMPLES if e.name == "W8")
        answer_all(second, engine, ["yes im safe", "for me", *w8.answers[2:]])
        level = engine.dialog.levels[w8.level].name
        second.wait_for(level)
        with second.page.expect_download(timeout=10_000) as download:
            second.press("Control+s")
        assert download.value.suggested_filename == "intake-summary.md"
        summary = Path(download.value.path()).read_text(encoding="utf-8")
        assert level in summary and "meth" in summary.lower()

        first.wait_for("988", timeout=2)  # the first person's screen is still their own crisis screen
        for page in pages:
            assert page.outside() == [], f"requests left 127.0.0.1: {page.outside()}"
            assert page.errors == [], f"errors in the browser console: {page.errors}"
            page.close()
    assert list(where.iterdir()) == [] and list(home.iterdir()) == [], "the server wrote something"


def test_served_kiosk_quick_exit_and_no_pin_on_a_command_line(browser: Browser, engine: Engine,
                                                               tmp_path: Path) -> None:
    pages: list[Page] = []
    with served("--kiosk", cwd=tmp_path, env={"INTAKE_KIOSK_PIN": KIOSK_PIN}) as url, \
            screenshots_on_failure(pages, tmp_path):
        page = Page(browser, url)
        pages.append(page)
        open_intake(page, engine)
        page.wait_for(engine.dialog.ui("key_quick_exit"))
        answer_all(page, engine, ["yeah im ok", "its for my brother"])
        command_lines = [_command_line(p) for p in Path("/proc").glob("[0-9]*/cmdline")]
        assert any(b"kiosk" in line for line in command_lines), "the kiosk app should be running"
        assert not any(KIOSK_PIN.encode() in line for line in command_lines), "the PIN is on a command line"
        page.press("Escape")  # the quick exit: back to the welcome, the answers gone from the screen
        screen = page.wait_for(engine.dialog.s("welcome_title"))
        assert "brother" not in screen
        assert page.outside() == [] and page.errors == []
        page.close()


def _command_line(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # a process that ended meanwhile
        return b""
