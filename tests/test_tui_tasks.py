"""Issue 13's "blocks a task" items: each is something a person at the app could not do, or did
by accident, and now can (or cannot)."""

from __future__ import annotations

from textual.widgets import Button, Static

from chatbot.engine import Engine
from chatbot.tui.app import IntakeApp
from tui_helpers import log_lines, start, to_summary, type_answer
from worked_examples import EXAMPLES

SIZE = (80, 24)
BY_NAME = {e.name: e for e in EXAMPLES}


async def test_a_stray_enter_on_an_empty_box_picks_nothing_and_says_so(engine: Engine) -> None:
    """It once recorded a son as "17 or younger": Enter picked the option highlighted by default."""
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")
        await type_answer(pilot, "for my son")
        assert app.session is not None and app.session.state == "age_group"
        await pilot.press("enter")                       # nothing typed, nothing highlighted
        await pilot.pause()
        assert app.session.state == "age_group" and "age_group" not in app.session.answers
        reask = app.screen.query_one("#reask", Static)
        assert reask.display and str(reask.content).strip()   # said in words
        await pilot.press("down", "down", "enter")       # moving first, then Enter, picks
        await pilot.pause()
        assert app.session.answers["age_group"] == "adult"


async def test_enter_on_an_empty_yes_no_box_is_answered_in_words(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for answer in ["1", "me", "2", "beer", "most days"]:      # a reading put to the person: yes or no
            await type_answer(pilot, answer)
        session = app.session
        assert session is not None and session.pending is not None
        await pilot.press("enter")
        await pilot.pause()
        reask = app.screen.query_one("#reask", Static)
        assert reask.display and str(reask.content).strip()
        assert session.pending is not None and "alcohol_days" not in session.answers   # nothing taken
        await pilot.press("down", "enter")               # Yes, once highlighted
        await pilot.pause()
        assert session.answers["alcohol_days"] == 6


async def test_the_question_s_own_help_is_shown_in_the_app(engine: Engine) -> None:
    """The dialog's help ("'Every day' counts as 7") was shown only in the plain mode."""
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for answer in ["1", "me", "2", "beer"]:
            await type_answer(pilot, answer)
        assert app.session is not None and app.session.state == "alcohol_days"
        hint = app.screen.query_one("#hint", Static)
        wanted = engine.dialog.questions["alcohol_days"].help
        assert wanted and hint.display and str(hint.content) == wanted
        await type_answer(pilot, "3")                     # the next question's own help, never a stale one
        now = engine.dialog.questions[app.session.state].help
        assert (str(hint.content), hint.display) == ((now, True) if now else ("", False))


async def test_one_tab_from_the_typing_box_reaches_the_answer_buttons(engine: Engine) -> None:
    """The first Tab used to land, invisibly, on the conversation log; typing then went nowhere."""
    from textual.widgets import Button, OptionList

    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, OptionList) and app.focused.id == "choice-list"
        for answer in ["1", "me", "2", "beer", "most days"]:      # a yes/no: just to check
            await type_answer(pilot, answer)
        await pilot.press("tab")
        assert isinstance(app.focused, Button) and app.focused.id == "yn-yes"
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None and app.session.answers["alcohol_days"] == 6


async def test_kiosk_help_closes_the_way_it_says_and_keeps_the_intake(engine: Engine) -> None:
    """Kiosk help said "press Esc to close", but Esc is the quick exit: closing it wiped the person."""
    from chatbot.tui.kiosk import KioskApp
    from chatbot.tui.screens.chat import ChatScreen
    from chatbot.tui.screens.modals import HelpScreen

    app = KioskApp(engine, pin="2468")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        title = str(app.screen.query_one("#help-title", Static).content)
        assert "Esc" not in title.split("(")[0] and "Enter" in title     # Esc is never offered to close
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen) and app.session is not None
        assert app.session.answers == {"safety_now": "safe"}


async def test_kiosk_pin_box_can_be_left_without_esc(engine: Engine) -> None:
    """The PIN box could only be cancelled with Esc, which also wiped the person's intake."""
    from chatbot.tui.kiosk import KioskApp, PinScreen
    from chatbot.tui.screens.chat import ChatScreen

    app = KioskApp(engine, pin="2468")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        await pilot.click("#pin-cancel")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen) and app.session is not None
        assert app.session.answers == {"safety_now": "safe"} and app.pin_failures == 0


async def test_kiosk_summary_offers_no_save_it_cannot_do(engine: Engine) -> None:
    from chatbot.tui.kiosk import KioskApp
    from chatbot.tui.screens.summary import SummaryScreen

    app = KioskApp(engine, pin="2468")
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot, BY_NAME["W5"].answers)
        assert isinstance(app.screen, SummaryScreen)
        footer = [b.binding.description for b in app.screen.active_bindings.values() if b.binding.show]
        assert footer and not any("Save" in d for d in footer), footer
        assert not app.screen.query("#summary-save")


async def test_every_staff_key_fits_the_footer_at_80_columns(engine: Engine) -> None:
    from chatbot.tui.staff import StaffApp
    from tui_helpers import footer_text

    app = StaffApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        footer = footer_text(app)
        for key in ("^b", "^r", "^q", "f1", "f2", "f3", "^s Save"):
            assert key in footer, footer


async def test_staff_inspector_on_the_summary_explains_the_level(engine: Engine) -> None:
    """The inspector was missing on the summary, exactly when staff want to know why a level was chosen."""
    from chatbot.tui.screens.summary import SummaryScreen
    from chatbot.tui.staff import StaffApp

    app = StaffApp(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_summary(pilot, BY_NAME["W9"].answers)
        assert isinstance(app.screen, SummaryScreen)
        level = str(app.screen.query_one("#inspector-level", Static).content)
        rules = str(app.screen.query_one("#inspector-rules", Static).content)
        result = app.session.result if app.session else None
        assert result is not None and level.startswith(result.level.id)
        first = result.reasons[0]
        assert f"{first.rule} \u2192 {first.floor or 'no floor'}" in rules
        assert all(f"\u201c{q.answer}\u201d" in rules for q in first.quotes)    # the answers that fired it


async def test_a_kiosk_that_may_save_does_not_say_nothing_is_saved(engine: Engine, tmp_path) -> None:  # noqa: ANN001
    from chatbot.tui.kiosk import KioskApp

    for save_dir, says in ((None, "privacy"), (tmp_path, "privacy_consent")):
        app = KioskApp(engine, pin="2468", save_dir=save_dir)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            text = " ".join(str(w.content) for w in app.screen.query(".welcome-text").results(Static))
            assert engine.dialog.s(says) in text
            if save_dir is not None:
                assert engine.dialog.s("privacy") not in text          # "Nothing you type is saved." is not said


async def test_live_feedback_is_words_after_a_pause_not_a_colour_while_typing(engine: Engine,
                                                                               monkeypatch) -> None:  # noqa: ANN001
    """The answer box turned red from the first key, with no words. (The pause is the screen's
    PREVIEW_AFTER, a second in the app; half of one here, so the test waits less.)"""
    from textual.widgets import Input

    from chatbot.tui.screens.chat import ChatScreen

    monkeypatch.setattr(ChatScreen, "PREVIEW_AFTER", 0.5)
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        box = app.screen.query_one("#free", Input)
        preview = app.screen.query_one("#preview", Static)
        await pilot.press(*"banana")
        assert not box.has_class("-invalid") and not preview.display     # nothing while typing
        await pilot.pause(0.8)
        assert preview.display and "1. Yes, I am safe right now" in str(preview.content)
        assert not box.has_class("-invalid")
        await pilot.press(*["backspace"] * 6, "1")                                    # typing again hides it
        assert not preview.display
        await pilot.pause(0.8)
        assert not preview.display                                      # "1" would be understood


async def test_start_over_on_the_summary_asks_before_erasing_the_result(engine: Engine) -> None:
    from textual.widgets import Button

    from chatbot.tui.screens.modals import ConfirmScreen
    from chatbot.tui.screens.summary import SummaryScreen

    app = IntakeApp(engine)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_summary(pilot, BY_NAME["W5"].answers)
        assert isinstance(app.screen, SummaryScreen)
        app.screen.query_one("#summary-restart", Button).press()    # below the fold: pressed, not clicked
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#confirm-no")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and app.session is not None and app.session.result is not None


async def test_help_right_now_stands_out_on_the_emergency_summary(engine: Engine) -> None:
    """On the emergency result, "Help right now" looked like any other heading."""
    from chatbot.tui.screens.summary import SummaryScreen

    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")
        await type_answer(pilot, "my friend took a bunch of pills and won't wake up")
        await type_answer(pilot, "no", "#crisis-input")
        assert isinstance(app.screen, SummaryScreen)
        first = app.screen.query(".summary-heading").first(Static)
        assert first.has_class("summary-alert") and str(first.content) == engine.dialog.s("crisis_resources_title")


async def test_on_a_tall_wide_screen_the_conversation_starts_at_the_top_in_a_readable_column(engine: Engine) -> None:
    """At 120x40 the first question sat under 25 blank lines, and lines ran the whole width."""
    app = IntakeApp(engine)
    async with app.run_test(size=(160, 40)) as pilot:
        await start(pilot)
        lines = log_lines(app)
        first = next(i for i, line in enumerate(lines) if "Before we start: are you safe right now?" in line)
        assert first <= 2
        assert app.screen.query_one("#conversation").region.width <= 100
        for answer in ["1", "me", "2", "beer", "3", "4", "shakes", "today", "no", "no", "no", "no"]:
            await type_answer(pilot, answer)
        newest = app.session.shown.split("\n")[0][:40]  # type: ignore[union-attr]
        assert any(newest in line for line in log_lines(app)), (newest, log_lines(app))  # the newest in view


async def test_the_summary_s_first_screen_at_80x24_has_the_level_why_first_step_and_help(engine: Engine) -> None:
    """At 80x24 the summary was five screens, and "What to do next" two PageDowns away."""
    from chatbot.tui.screens.summary import SummaryScreen

    for name in ("W3", "W9"):
        app = IntakeApp(engine)
        async with app.run_test(size=SIZE) as pilot:
            await to_summary(pilot, BY_NAME[name].answers)
            assert isinstance(app.screen, SummaryScreen)
            footer_row = SIZE[1] - 1
            seen = " ".join(str(w.content) for w in app.screen.query(Static)
                            if w.region.height and w.region.bottom <= footer_row)
            result = app.session.result if app.session else None
            assert result is not None
            for words in (result.level.name, engine.dialog.s("glance_why"), engine.dialog.s("glance_next"), "988"):
                assert words in seen, (name, words)


# --- the kiosk's take-home: a QR code of the result, and printing where the operator set a printer ---

def _modules(rows: list[str]) -> list[list[bool]]:
    """The drawn code read back into modules: each character is two (upper, lower)."""
    top = {"\u2588": True, "\u2580": True, "\u2584": False, " ": False}
    bottom = {"\u2588": True, "\u2580": False, "\u2584": True, " ": False}
    out: list[list[bool]] = []
    for row in rows:
        out.append([top[c] for c in row])
        out.append([bottom[c] for c in row])
    return out


async def test_kiosk_take_home_draws_a_code_of_the_result_that_a_phone_can_read(engine: Engine) -> None:
    import segno

    from chatbot.tui.kiosk import KioskApp
    from chatbot.tui.screens.summary import SummaryScreen
    from chatbot.tui.screens.takehome import TakeHomeScreen
    from chatbot.tui.widgets.qr import BORDER

    app = KioskApp(engine, pin="2468")
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot, BY_NAME["W1"].answers)
        assert isinstance(app.screen, SummaryScreen)
        assert not app.screen.query("#summary-print")  # no printer set: no Print
        await pilot.press("ctrl+t")  # the footer's key: the button may be below the first screen
        await pilot.pause()
        assert isinstance(app.screen, TakeHomeScreen)
        payload = str(app.screen.query_one("#takehome-text", Static).content)
        assert payload.startswith("Suggested: Supervised detox") and "988" in payload  # level and help, at least
        drawn = str(app.screen.query_one("#takehome-code", Static).content).split("\n")
        assert len(drawn) <= SIZE[1], "the code must fit the screen"
        expected = [[bool(m) for m in row] for row in segno.make(payload, error="l", micro=False).matrix_iter(
            scale=1, border=BORDER)]
        assert _modules(drawn)[:len(expected)] == expected  # the code on screen is the code of the payload
        await pilot.press("enter")  # closes it (Esc would be the quick exit)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and app.session is not None


async def test_kiosk_prints_the_summary_on_the_operators_printer(engine: Engine, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from chatbot.tui.kiosk import KioskApp

    printed = tmp_path / "printed.txt"
    lp = tmp_path / "bin" / "lp"
    lp.parent.mkdir()
    lp.write_text(f'#!/bin/sh\necho "$@" > {printed}.args\ncat > {printed}\n')
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{lp.parent}:{__import__('os').environ['PATH']}")
    app = KioskApp(engine, pin="2468", printer="front-desk")
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot, BY_NAME["W1"].answers)
        app.screen.query_one("#summary-print", Button).press()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "-d front-desk" in (tmp_path / "printed.txt.args").read_text()
        assert "MEDICALLY SUPERVISED DETOX" in printed.read_text()  # the plain summary, as on screen
        assert not app.screen.query("#summary-save")  # printing is not saving: nothing is kept


async def test_the_newest_question_is_whole_in_view_when_its_options_appear(engine: Engine) -> None:
    """At 81 columns the options panel shrank the log after it had scrolled, hiding the question's
    last line ("for example: 1, 3")."""
    app = IntakeApp(engine)
    async with app.run_test(size=(81, 24)) as pilot:
        await start(pilot)
        for answer in ["1", "me", "2"]:
            await type_answer(pilot, answer)
        await pilot.pause()
        lines = [line for line in log_lines(app) if line.strip()]
        assert "pick more than one" in " ".join(lines[-2:]) and lines[-1].endswith("1, 3"), lines

async def test_the_log_says_who_speaks_and_sets_the_person_s_answers_apart(engine: Engine) -> None:
    """The conversation is drawn line by line in one widget: who speaks is said in words, each
    message has a bar down its side, and the person's answers sit indented under the question."""
    app = IntakeApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")
        lines = log_lines(app)
        question = next(i for i, line in enumerate(lines) if "Intake: Before we start: are you safe right now?" in line)
        assert lines[question].startswith("█ Intake:")
        assert lines[question + 1] == " " * 8 + "█ You: Yes, I am safe right now"
        assert any(line.startswith("█ Intake: Are you filling this in") for line in lines)


async def test_the_person_can_scroll_up_to_reread_and_the_next_answer_brings_the_newest_back(
        engine: Engine) -> None:
    """The wheel scrolls the log back; a marker in its last column shows where the view is."""
    from textual import events

    from chatbot.tui.widgets.conversation import MARK, ConversationLog

    def marker_rows() -> list[int]:
        return [y for y, line in enumerate(log_lines_raw()) if line.rstrip().endswith(MARK)]

    def log_lines_raw() -> list[str]:
        return [log.render_line(y).text for y in range(log.size.height)]

    app = IntakeApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        log = app.screen.query_one("#log", ConversationLog)
        assert marker_rows() == []                          # all of it fits: no marker
        for answer in ["1", "me", "2", "beer", "every day", "8"]:
            await type_answer(pilot, answer)
        assert log.max_scroll_y > 0 and log.scroll_y == log.max_scroll_y
        assert marker_rows() and marker_rows()[-1] == log.size.height - 1   # at the end
        for _ in range(30):
            log.post_message(events.MouseScrollUp(log, 2, 2, 0, -1, 0, False, False, False))
        await pilot.pause()
        assert log.scroll_y == 0 and marker_rows()[0] == 0
        assert any("Before we start" in line for line in log_lines(app))
        await type_answer(pilot, "banana")  # asked again beside the box: the log does not move
        await pilot.pause()
        assert log.scroll_y == 0
        await type_answer(pilot, "shakes")
        await pilot.pause()
        assert log.scroll_y == log.max_scroll_y
        assert any("You: Shakes" in line or "you said “shakes”" in line for line in log_lines(app)), log_lines(app)


async def test_a_narrower_terminal_wraps_the_log_again(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        for answer in ["1", "me"]:
            await type_answer(pilot, answer)
        await pilot.resize_terminal(50, 24)
        await pilot.pause()
        lines = log_lines(app)
        assert max(len(line) for line in lines) <= 50 - 4
        words = " ".join(line.strip().lstrip("█").strip() for line in lines if line.strip())
        assert "Are you filling this in for yourself, or for someone you care about?" in words


async def test_the_options_show_a_scroll_bar_only_where_they_do_not_fit(engine: Engine) -> None:
    """A list that grew from one question to the next showed a scroll bar for a frame; a list
    whose options wrap past its nine lines on a narrow screen still gets one."""
    from chatbot.tui.widgets.answers import ChoiceList
    from chatbot.turns import OptionView

    app = IntakeApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")            # the list holds two options, two lines high
        choices = app.screen.query_one(ChoiceList)
        assert choices.size.height == 2
        choices.fill([OptionView(number=n, value=str(n), label=f"option {n}") for n in (1, 2, 3)])
        assert not choices.show_vertical_scrollbar   # the frame before the list grows to three lines
    app = IntakeApp(engine)
    async with app.run_test(size=(30, 40)) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")            # two options, then the safety question again
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.pause()
        safety = app.screen.query_one(ChoiceList)  # four options, wrapped at 30 columns past nine lines
        assert safety.virtual_size.height > safety.size.height and safety.show_vertical_scrollbar


async def test_the_longest_section_line_is_whole_beside_the_progress_bar_at_80_columns(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        for answer in ["1", "me", "2", "beer", "every day", "8"]:
            await type_answer(pilot, answer)
        section = app.screen.query_one("#section")
        shown = section.render_line(0).text.rstrip()
        assert shown.startswith("Stopping and withdrawal") and shown.endswith("questions left"), shown
