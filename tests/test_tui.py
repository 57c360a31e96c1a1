"""The Textual app through the Pilot: whole intakes, back, restart, crisis, kiosk and staff."""

from __future__ import annotations

import gc
import os
import stat
import weakref
from pathlib import Path

import pytest
import yaml
from textual.widgets import OptionList, Static

from chatbot.engine import Engine
from chatbot.replay import replay
from chatbot.transcript import load
from chatbot.tui.app import IntakeApp
from chatbot.tui.kiosk import ConsentScreen, IdleScreen, KioskApp
from chatbot.tui.screens.chat import ChatScreen
from chatbot.tui.screens.crisis import CrisisScreen
from chatbot.tui.screens.modals import ConfirmScreen
from chatbot.tui.screens.summary import SummaryScreen
from chatbot.tui.screens.welcome import WelcomeScreen
from chatbot.tui.staff import StaffApp
from tui_helpers import FakeClock, later, log_texts, screen_text, start, to_summary, type_answer
from worked_examples import EXAMPLES

SIZE = (80, 24)
BY_NAME = {e.name: e for e in EXAMPLES}


@pytest.fixture(autouse=True)
def instant_buttons(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pressed button ignores presses for 0.2 s (its press effect); tests press faster than people."""
    from textual.widgets import Button

    monkeypatch.setattr(Button, "_start_active_affect", lambda self: None)


@pytest.mark.parametrize("name", ["W1", "W3", "W9"])
async def test_the_summary_shows_the_level_reached(engine: Engine, name: str) -> None:
    # typed in full through the app by the w1, w3 and w9 transcripts (tui: true), which check the outcome
    example = BY_NAME[name]
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot, example.answers)
        assert isinstance(app.screen, SummaryScreen)
        level = app.screen.query_one("#summary-level", Static)
        assert str(level.content) == engine.dialog.levels[example.level].name
        outcome = app.session.outcome()
        assert outcome.level == example.level and set(outcome.modifiers) == example.modifiers


async def test_options_can_be_picked_by_keyboard(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("down", "enter")      # safety: the first Down highlights option 1
        await pilot.pause()
        await pilot.press("down", "down", "enter")      # for someone I care about
        await pilot.pause()
        assert app.session.answers == {"safety_now": "safe", "for_whom": "other"}
        await pilot.press("down", "down", "enter")      # age: 18 to 64
        await pilot.pause()
        await pilot.press("down", "space", "down", "down", "space", "enter")   # alcohol + opioids
        await pilot.pause()
        assert app.session.answers["substances"] == ("alcohol", "opioids")
        assert "How old are they?" in log_texts(app)     # wording for someone else


async def test_reask_shows_next_to_the_input_not_as_a_new_question(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        before = len(log_texts(app))
        await type_answer(pilot, "banana")
        reask = app.screen.query_one("#reask", Static)
        assert "1. Yes, I am safe right now" in str(reask.content) and reask.display
        assert len(log_texts(app)) == before


async def test_back_undoes_the_last_answer(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for a in ["1", "me", "2"]:
            await type_answer(pilot, a)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.session.state == "age_group" and "age_group" not in app.session.answers
        texts = log_texts(app)
        assert texts[-1] == "How old are you?" and "18 to 64" not in texts
        await type_answer(pilot, "2")
        await type_answer(pilot, "back")  # typed, as in the plain mode: undoes, not "I did not get that"
        assert app.session.state == "age_group" and "age_group" not in app.session.answers
        assert not app.screen.query_one("#reask", Static).display


async def test_restart_asks_first(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for a in ["1", "me"]:
            await type_answer(pilot, a)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")               # "Keep going" has focus
        await pilot.pause()
        assert app.session.answers == {"safety_now": "safe", "for_whom": "self"}
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen) and app.session.answers == {}
        assert log_texts(app) == ["Before we start: are you safe right now?"]


async def test_crisis_at_a_middle_question(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for a in ["1", "me", "2"]:
            await type_answer(pilot, a)
        await type_answer(pilot, "honestly i want to kill myself")
        assert isinstance(app.screen, CrisisScreen)
        assert "988" in str(app.screen.query_one("#crisis-resources", Static).content)
        await pilot.click("#crisis-yes")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)          # one yes is not enough
        assert "To be sure" in str(app.screen.query_one("#crisis-prompt", Static).content)
        await pilot.click("#crisis-yes")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen) and app.session.state == "substances"


async def test_check_in_box_asks_directly_with_988_and_goes_on_after_no(engine: Engine, tmp_path: Path) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")
        await type_answer(pilot, "me, but honestly i feel like a burden to everyone")
        assert isinstance(app.screen, CrisisScreen)
        assert "killing yourself right now" in str(app.screen.query_one("#crisis-prompt", Static).content)
        assert "988" in str(app.screen.query_one("#crisis-resources", Static).content)
        assert app.screen.focused is app.screen.query_one("#crisis-input")  # typing goes where it is typed
        await type_answer(pilot, "help", "#crisis-input")                  # help is never an answer
        assert "741741" in screen_text(app) and app.session.checking_in
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#check-in-no")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert "988" in str(app.screen.query_one("#reask", Static).content)    # the way on keeps 988 in view
        app.save_screenshot(str(tmp_path / "after-check-in.svg"))


async def test_quitting_in_a_crisis_leaves_the_numbers_behind(engine: Engine) -> None:
    app = IntakeApp(engine)
    said: list[object] = []
    real_exit = app.exit
    app.exit = lambda *a, **k: (said.append(k.get("message")), real_exit(*a, **k))[1]  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, "my brother is not breathing")
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
    assert any("911" in str(m) and "988" in str(m) and "741741" in str(m) for m in said)


async def test_crisis_no_shows_the_emergency_summary(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, "my friend took a bunch of pills and won't wake up")
        await pilot.click("#crisis-no")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "emergency" in str(app.screen.query_one("#summary-level", Static).content).lower()


async def test_help_key_shows_the_numbers_anywhere(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert "741741" in str(app.screen.query_one("#help-numbers", Static).content)


async def test_summary_can_be_saved_to_a_confirmed_path(engine: Engine, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot, BY_NAME["W5"].answers)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await type_answer(pilot, str(tmp_path / "mine.md"), "#save-path")
        saved = tmp_path / "mine.md"
        assert "Intensive outpatient program" in saved.read_text()
        assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600


async def test_quit_asks_first(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#confirm-yes")
        await pilot.pause()
    assert app.return_code == 0


# --- kiosk -------------------------------------------------------------------------------------

async def test_kiosk_quit_keys_do_nothing(engine: Engine) -> None:
    app = KioskApp(engine, pin="2468")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")
        for key in ("ctrl+c", "ctrl+q", "ctrl+p", "ctrl+z"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ChatScreen) and app.is_running
        assert app.session.answers == {"safety_now": "safe"}


async def test_kiosk_quick_exit_wipes_at_once(engine: Engine) -> None:
    app = KioskApp(engine, pin="2468")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for a in ["1", "me", "2", "beer"]:
            await type_answer(pilot, a)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and app.session is None
        assert "beer" not in screen_text(app)


async def test_kiosk_idle_countdown_then_wipe(engine: Engine) -> None:
    clock = FakeClock()
    app = KioskApp(engine, pin="2468", idle=5, countdown=30, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")
        await later(app, pilot, clock, 4)
        assert isinstance(app.screen, ChatScreen)
        await later(app, pilot, clock, 2)
        assert isinstance(app.screen, IdleScreen)
        await pilot.press("x")                                # still here
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen) and app.session is not None
        await later(app, pilot, clock, 6)
        await later(app, pilot, clock, 31)
        assert isinstance(app.screen, WelcomeScreen) and app.session is None


async def test_kiosk_summary_resets_after_linger(engine: Engine) -> None:
    clock = FakeClock()
    app = KioskApp(engine, pin="2468", idle=100, linger=10, countdown=5, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot, BY_NAME["W5"].answers)
        assert isinstance(app.screen, SummaryScreen)
        assert not app.screen.query("#summary-save")             # no file export at a kiosk
        await later(app, pilot, clock, 11)
        assert isinstance(app.screen, IdleScreen)
        await later(app, pilot, clock, 6)
        assert isinstance(app.screen, WelcomeScreen)


async def test_kiosk_saves_nothing_without_consent(engine: Engine, tmp_path: Path) -> None:
    app = KioskApp(engine, pin="2468", save_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot, BY_NAME["W5"].answers)
        assert isinstance(app.screen, ConsentScreen)
        await pilot.press("enter")                               # "No" has focus
        await pilot.pause()
        assert list(tmp_path.iterdir()) == []
        await pilot.press("escape")
        await pilot.pause()
        await to_summary(pilot, BY_NAME["W5"].answers)
        await pilot.click("#consent-yes")
        await pilot.pause()
    files = list(tmp_path.iterdir())
    assert len(files) == 1 and stat.S_IMODE(os.stat(files[0]).st_mode) == 0o600
    saved = yaml.safe_load(files[0].read_text())
    assert saved["expected"]["level"] == "iop" and saved["mode"] == "kiosk"


async def test_kiosk_with_fhir_saves_the_fhir_form_beside_the_transcript(engine: Engine, tmp_path: Path) -> None:
    from fhir.resources.R4B.bundle import Bundle

    app = KioskApp(engine, pin="2468", save_dir=tmp_path, fhir=True)
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot, BY_NAME["W5"].answers)
        await pilot.click("#consent-yes")
        await pilot.pause()
    transcript, = tmp_path.glob("*.yaml")
    form = tmp_path / f"{transcript.stem}.fhir.json"
    assert stat.S_IMODE(os.stat(form).st_mode) == 0o600
    bundle = Bundle.model_validate_json(form.read_text())
    assert bundle.entry[1].resource.valueCodeableConcept.coding[0].code == "iop"


async def test_kiosk_without_saving_never_asks_for_consent(engine: Engine) -> None:
    app = KioskApp(engine, pin="2468")
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot, BY_NAME["W5"].answers)
        assert isinstance(app.screen, SummaryScreen)


async def test_kiosk_staff_exit_needs_the_pin(engine: Engine) -> None:
    app = KioskApp(engine, pin="2468")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        await type_answer(pilot, "1111", "#pin")
        assert app.is_running
        await type_answer(pilot, "2468", "#pin")
    assert app.return_code == 0


async def test_kiosk_pin_box_during_the_countdown_never_crashes_and_still_wipes(engine: Engine) -> None:
    # issue 11: countdown started, F10, PIN box left open past the idle time, a key, three
    # wrong PINs: this raised an AssertionError, showed a traceback and exited 0
    clock = FakeClock()
    app = KioskApp(engine, pin="2468", idle=5, countdown=30, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")
        await later(app, pilot, clock, 6)
        assert isinstance(app.screen, IdleScreen)
        await pilot.press("f10")
        await pilot.pause()
        for _ in range(3):
            await later(app, pilot, clock, 6)
        await pilot.press("x")
        for wrong in ("1111", "2222", "3333"):
            if app.screen.query("#pin"):
                await type_answer(pilot, wrong, "#pin")
        await later(app, pilot, clock, 31)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, WelcomeScreen) and app.session is None


async def test_kiosk_pin_lockout_grows(engine: Engine) -> None:
    clock = FakeClock()
    app = KioskApp(engine, pin="2468", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for round_, locked in enumerate((30, 60)):
            await pilot.press("f10")
            await pilot.pause()
            for wrong in ("1111", "2222", "3333"):
                await type_answer(pilot, wrong, "#pin")
            assert not app.screen.query("#pin")
            await pilot.press("f10")                              # at once: locked
            await pilot.pause()
            assert not app.screen.query("#pin")
            clock.now += locked - 1
            await pilot.press("f10")                              # still locked
            await pilot.pause()
            assert not app.screen.query("#pin"), round_
            clock.now += 2
        await pilot.press("f10")
        await pilot.pause()
        await type_answer(pilot, "2468", "#pin")
    assert app.return_code == 0


async def test_an_error_at_the_kiosk_wipes_and_returns_to_the_welcome(engine: Engine,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    app = KioskApp(engine, pin="2468")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")

        def broken(self: object, message: object) -> None:
            raise RuntimeError("a bug")
        monkeypatch.setattr(KioskApp, "on_answer", broken)
        await type_answer(pilot, "me")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, WelcomeScreen) and app.session is None
        monkeypatch.undo()
        await start(pilot)                                        # the next person can begin
        await type_answer(pilot, "1")
        assert isinstance(app.screen, ChatScreen)


async def test_kiosk_sessions_leave_nothing_behind(engine: Engine) -> None:
    """Person after person at one kiosk, wiped each way a person can be (quick exit; idle, the
    countdown, then the wipe): nothing of the one before stays on screen, in the app or in the
    shared machine. Fifty sessions the same way without the app:
    tests/test_hardening.py::test_fifty_kiosk_intakes_release_every_session_and_answer."""
    clock = FakeClock()
    app = KioskApp(engine, pin="2468", idle=5, countdown=30, clock=clock)
    models_before = len(engine.open_sessions)
    sessions = []
    async with app.run_test(size=SIZE) as pilot:
        for person, leaves in enumerate(["quick exit", "walks away", "quick exit", "walks away"]):
            await start(pilot)
            marker = f"beer for person {person}"
            for a in ["1", "me", "2", marker]:
                await type_answer(pilot, a)
            assert marker in screen_text(app)                  # it was on screen for this person
            sessions.append(weakref.ref(app.session))
            if leaves == "quick exit":
                await pilot.press("escape")
                await pilot.pause()
            else:
                await later(app, pilot, clock, 6)              # idle: "Are you still there?"
                assert isinstance(app.screen, IdleScreen)
                await later(app, pilot, clock, 31)             # the countdown ran out
            assert isinstance(app.screen, WelcomeScreen)
            text = screen_text(app)
            assert "person" not in text and "beer" not in text
            assert app.session is None
            assert len(engine.open_sessions) == models_before
        assert app.sessions_started == 4
    gc.collect()
    assert [ref() for ref in sessions] == [None] * 4          # nothing in the app holds a wiped session


# --- staff -------------------------------------------------------------------------------------

async def test_staff_inspector_shows_what_the_engine_knows(engine: Engine) -> None:
    app = StaffApp(engine)
    async with app.run_test(size=(110, 30)) as pilot:
        await start(pilot)
        for a in ["1", "me", "2", "beer", "every day"]:
            await type_answer(pilot, a)
        screen = app.screen
        assert str(screen.query_one("#inspector-question", Static).content).startswith("alcohol_drinks")
        assert str(screen.query_one("#inspector-level", Static).content) == "inpatient_withdrawal, then iop"
        rules = str(screen.query_one("#inspector-rules", Static).content)
        assert "alcohol_or_benzo_daily \u2192 inpatient_withdrawal" in rules
        assert "\u201c7 days a week (you said \u201cevery day\u201d)\u201d" in rules   # the answer that fired it
        assert "alcohol_days: 7" in str(screen.query_one("#inspector-answers", Static).content)
        await type_answer(pilot, "honestly im just a burden to everyone")
        assert isinstance(app.screen, CrisisScreen)             # the check-in; the inspector says why
        signals = screen.query_one("#inspector-signals", Static)
        assert "burden \u2192 check-in: \u201c" in str(signals.content)
        await pilot.click("#check-in-no")
        await pilot.pause()
        assert "answered no: burden" in str(signals.content)
        await pilot.press("f2")
        await pilot.pause()
        assert screen.query_one("#inspector").has_class("hidden")


async def test_staff_jump_back(engine: Engine) -> None:
    app = StaffApp(engine)
    async with app.run_test(size=(110, 30)) as pilot:
        await start(pilot)
        for a in ["1", "me", "2", "beer"]:
            await type_answer(pilot, a)
        await pilot.press("f3")
        await pilot.pause()
        second = str(app.screen.query_one("#jump-list", OptionList).get_option_at_index(1).prompt)
        assert "Are you filling this in for yourself" in second and "For myself" in second   # not ids alone
        await pilot.press("down", "enter")                      # the second question: for_whom
        await pilot.pause()
        assert app.session.state == "for_whom" and list(app.session.answers) == ["safety_now"]


async def test_staff_saves_a_transcript(engine: Engine, tmp_path: Path) -> None:
    app = StaffApp(engine, transcripts=tmp_path)
    async with app.run_test(size=(110, 30)) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")
        await type_answer(pilot, "banana")
        await pilot.press("ctrl+b")
        await pilot.pause()
        await to_summary(pilot, BY_NAME["W9"].answers, press_start=False)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await type_answer(pilot, "Cocaine, cannot stay clean at home", "#t-title")   # Enter: on to Notes
        assert not list(tmp_path.glob("*.yaml")) and app.focused is app.screen.query_one("#t-notes")
        await type_answer(pilot, "role-play of W9", "#t-notes")                          # on to the file name
        await pilot.press("enter")                                                    # the last field saves
        await pilot.pause()
    saved = tmp_path / "cocaine-cannot-stay-clean-at-home.yaml"
    data = yaml.safe_load(saved.read_text())
    assert data["title"] == "Cocaine, cannot stay clean at home" and data["notes"] == "role-play of W9"
    assert data["expected"]["level"] == "residential"
    assert {"question": "for_whom", "command": "back"} in data["turns"]
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    transcript, source = load(saved)
    assert replay(engine, transcript, source, strict=True).passed   # replays green without edits


@pytest.mark.parametrize("answer", ["no", "half safe"])
async def test_a_question_back_with_the_help_numbers_leaves_the_answer_box_on_screen(engine: Engine,
                                                                                    answer: str) -> None:
    """ "no" to "are you safe right now?" at 80x24 brought the help numbers and the options, and
    pushed the answer box below the screen's last row: the person could not see where to type."""
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, answer)
        assert "988" in str(app.screen.query_one("#reask", Static).content)
        box = app.screen.query_one("#free").region
        assert box.height and box.bottom <= SIZE[1] - 1  # above the key bar
        shown = [w for w in app.screen.query(".choices") if w.display]
        assert len(shown) == 1 and shown[0].region.height >= 4  # the four options
        assert shown[0].region.bottom <= box.y  # every option above the box, none under it
