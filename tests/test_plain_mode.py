"""`intake chat --plain` as a person or a script uses it: typed lines in, through
`chatbot.cli.main` (what the `intake` command runs) in this process, tests/cli_helpers.py.
Its real-process test, stdin piped in and stderr read, is
tests/test_hardening.py::test_answers_never_reach_stderr_logs_or_stray_files."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from chatbot.engine import Engine
from worked_examples import EXAMPLES, Example


@pytest.fixture
def chat(intake):  # noqa: ANN001, ANN201
    """chat(lines, *args): `intake chat --plain ARGS` with the lines typed in, from the checkout."""
    def run(lines: list[str], *args: str):  # noqa: ANN202
        return intake("chat", "--plain", *args, stdin="".join(line + "\n" for line in lines))
    return run


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_worked_example(example: Example, tmp_path: Path, chat) -> None:  # noqa: ANN001
    out = tmp_path / "outcome.json"
    proc = chat(example.answers, "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    outcome = json.loads(out.read_text())
    assert outcome["level"] == example.level, example.person
    assert outcome["then_level"] == example.then_level
    assert set(outcome["modifiers"]) == example.modifiers
    assert {a["level"] for a in outcome["alternatives"]} == example.alternatives
    assert outcome["urgent"] == example.urgent
    assert outcome["crisis"] == example.crisis
    assert example.rules <= {r["id"] for r in outcome["rules"]}
    assert all(r["explanation"] for r in outcome["rules"])
    if example.level == "emergency":
        assert "911" in proc.stdout
    else:
        assert outcome["complete"]
        assert isinstance(outcome["answers"]["safety_now"], str)


def test_a_check_says_the_right_answer_may_be_typed_and_reads_agreement(chat) -> None:  # noqa: ANN001
    proc = chat(["1", "me", "im 34", "thats right"])
    out = proc.stdout
    assert "Just to check. Age: 18 to 64. Is that right?" in out
    assert "Type yes or no, or the right answer." in out
    assert "Got it: 18 to 64." in out and "Which of these do you use?" in out


def test_going_back_in_words(chat) -> None:  # noqa: ANN001
    proc = chat(["1", "me", "go back", "for my son"])
    assert "Got it: For myself." in proc.stdout and "Got it: For someone I care about" in proc.stdout
    assert "I did not quite get that" not in proc.stdout


def test_quit_that_is_also_an_answer_is_asked_about_first(chat) -> None:  # noqa: ANN001
    """ "quit" to "How often do you take benzos?" may mean "I quit": it ended the screening."""
    start = ["1", "me", "34", "yes", "xanax"]
    proc = chat([*start, "quit", "no"])
    assert "Quit now? Nothing you typed is saved. Type yes or no." in proc.stdout
    assert "Got it: Not right now; I have stopped for now." in proc.stdout
    assert "When you cut down or stop, what happens to your body?" in proc.stdout
    proc = chat([*start, "quit", "yes", "1"])
    assert "Got it: Not right now" not in proc.stdout and "Got it: Every day" not in proc.stdout
    proc = chat(["1", "quit", "me"])  # not an answer to "for yourself, or for someone?": ends at once
    assert "Quit now?" not in proc.stdout and "Got it: For myself" not in proc.stdout


def test_questions_print_numbered_options_and_a_prompt_at_line_start(chat) -> None:  # noqa: ANN001
    proc = chat([])
    assert proc.returncode == 0
    assert "  1. Yes, I am safe right now" in proc.stdout
    assert "\n> " in proc.stdout


def test_the_recommendation_is_printed_as_plain_text(chat) -> None:  # noqa: ANN001
    proc = chat(EXAMPLES[0].answers)
    text = proc.stdout
    assert "MEDICALLY SUPERVISED DETOX (INPATIENT)" in text
    assert "Then: Intensive outpatient program (IOP)" in text
    assert "Why we suggest this" in text
    assert "\u201cevery day\u201d" in text  # the person's own words
    assert "not a diagnosis" in text
    assert "no suggestion yet" not in text


def test_help_back_restart_and_quit_work_at_every_prompt(tmp_path: Path, chat) -> None:  # noqa: ANN001
    out = tmp_path / "o.json"
    proc = chat(["1", "help", "me", "back", "me", "2", "restart", "1", "quit", "1"], "--json", str(out))
    assert proc.returncode == 0
    assert "Commands: back" in proc.stdout          # help
    assert "988" in proc.stdout
    assert "Starting over" in proc.stdout             # restart
    outcome = json.loads(out.read_text())
    assert outcome["answers"] == {"safety_now": "safe"}  # quit stopped reading; restart wiped the rest
    assert "there is no suggestion yet" in proc.stdout      # leaving early is said plainly


def test_junk_is_reasked_with_what_is_accepted(chat) -> None:  # noqa: ANN001
    proc = chat(["1", "\x1b[2J", "", "x" * 10_000, "\u202e\u05d0", "\U0001f600"])
    assert proc.returncode == 0
    said = " ".join(proc.stdout.split())
    assert "Please pick one, by number or in your own words: 1. For myself; 2. For someone I care about" in said
    assert "Please type an answer" in proc.stdout
    assert "shorter answer" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def test_invalid_utf8_input_does_not_crash(intake) -> None:  # noqa: ANN001
    proc = intake("chat", "--plain", stdin=b"1\n\xff\xfe\n")  # stdin decodes as UTF-8, as a pipe's does
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert "> \ufffd\ufffd\nPlease type an answer" in proc.stdout  # read as replacement characters, re-asked


def test_json_file_is_private(tmp_path: Path, chat) -> None:  # noqa: ANN001
    out = tmp_path / "o.json"
    chat(["1"], "--json", str(out))
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["o.json"]  # no temporary file left behind


def test_nothing_is_written_without_json(tmp_path: Path, intake) -> None:  # noqa: ANN001
    proc = intake("chat", "--plain", stdin="1\nme\n", cwd=tmp_path)
    assert proc.returncode == 0
    assert list(tmp_path.iterdir()) == []


def test_crisis_mid_intake_then_continue(tmp_path: Path, chat) -> None:  # noqa: ANN001
    out = tmp_path / "o.json"
    lines = ["1", "me", "2", "i might overdose on purpose tonight", "yes", "yes", "cannabis", "less", "no", "none",
             "no", "never", "family", "yes", "none", "private", "stop", "no preference"]
    proc = chat(lines, "--json", str(out))
    flat = " ".join(proc.stdout.split())  # the plain mode wraps at 78 columns
    assert "Call 911 now" in flat and "You can talk to someone right now" in flat
    outcome = json.loads(out.read_text())
    assert outcome["complete"] and outcome["crisis"] and outcome["level"] == "residential"


def test_the_last_question_says_one_question_left(engine: Engine) -> None:
    from chatbot.summary import question_lines

    session = engine.session()
    session.start()
    for answer in ["1", "me", "2", "weed", "weekends", "no", "none", "no", "never", "alone", "yes", "school", "no",
                   "no", "private", "cut down"]:
        turn = session.answer(answer)
        if turn.progress.left == 1:
            break
    assert turn.progress.left == 1
    shown = "\n".join(question_lines(engine.dialog, turn, progress=True))
    assert "1 question left" in shown and "1 questions" not in shown
    session.close()


def test_the_plain_mode_says_the_section_when_it_changes_not_before_every_question(engine: Engine) -> None:
    """A screen reader read the progress line aloud before every question."""
    import io

    from chatbot.console import run_plain

    out = io.StringIO()
    answers = ["1", "me", "2", "weed", "weekends", "no", "none", "no", "never", "alone", "yes", "school", "no", "no",
               "private", "cut down"]
    run_plain(engine, stdin=io.StringIO("\n".join(answers) + "\n"), stdout=out)
    said = [line for line in out.getvalue().splitlines() if " answered \u00b7 " in line]
    sections = [line.split(" \u00b7 ")[0] for line in said]
    asked = out.getvalue().count("\n> ")
    assert 3 <= len(said) < asked                                           # not before every question
    assert all(a != b for a, b in zip(sections, sections[1:], strict=False))  # only when the section changes
    assert not any(line.startswith(("!!", "==")) for line in out.getvalue().splitlines())
