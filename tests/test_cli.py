"""The command line: fast help, graph output, and bad files named without a traceback.

Most commands run in this process (`in_process`, tests/cli_helpers.py); `validate` and `graph`
keep one real-process test each here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chatbot.engine import Engine
from cli_helpers import in_process

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=60, **kw)


def test_help_does_not_import_textual() -> None:
    code = ("import sys, contextlib, io\n"
            "from chatbot.cli import main\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['--help'])\n"
            "print('textual' in sys.modules)\n")
    proc = run("-c", code)
    assert proc.stdout.strip() == "False", proc.stderr


def test_help_lists_the_commands(capsys) -> None:  # noqa: ANN001
    code, out, _ = in_process(["--help"], capsys)
    assert code == 0
    for command in ("chat", "validate", "graph"):
        assert command in out


def test_validate_shipped_dialog() -> None:
    """`validate`'s real-process test: `python -m chatbot`, its exit code and output."""
    proc = run("-m", "chatbot", "validate")
    assert proc.returncode == 0
    assert "dialogs/intake.yaml: ok" in proc.stdout


def test_graph_is_mermaid_with_sections_and_every_question(engine: Engine) -> None:
    """`graph`'s real-process test."""
    proc = run("-m", "chatbot", "graph")
    assert proc.returncode == 0
    out = proc.stdout
    assert out.startswith("stateDiagram-v2")
    assert 'state "Safety" as section_safety {' in out
    assert "[*] --> safety_now" in out
    assert "support_groups --> [*]" in out
    for qid in engine.dialog.questions:
        assert f"        {qid}\n" in out
    assert "substances --> alcohol_days : substances includes alcohol" in out


def test_chat_with_a_broken_dialog_names_the_file(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    bad = tmp_path / "bad.yaml"
    bad.write_text("dialog: [\n")
    code, _, err = in_process(["chat", "--plain", "--dialog", str(bad)], capsys)
    assert code == 2
    assert "bad.yaml:" in err and "not valid YAML" in err
    assert "Traceback" not in err


# --- usage errors: said before any question, exit 2 (issue 11) ---------------------------------

def test_dialog_option_is_honoured_by_validate(capsys: pytest.CaptureFixture[str]) -> None:
    broken = str(ROOT / "tests" / "fixtures" / "broken" / "unknown_goto.yaml")
    code, out, _ = in_process(["--dialog", broken, "validate"], capsys)
    assert code == 2 and "unknown_goto.yaml:" in out and "intake.yaml: ok" not in out
    code, out, _ = in_process(["validate", "--dialog", broken], capsys)
    assert code == 2 and "unknown_goto.yaml:" in out


@pytest.fixture
def no_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """A usage error must come before any app starts: starting one fails the test at once."""
    from textual.app import App

    def started(self: App, *a: object, **k: object) -> None:
        raise AssertionError(f"{type(self).__name__} started despite a usage error")
    monkeypatch.setattr(App, "run", started)


@pytest.mark.parametrize("value", ["0", "-5", "nan", "inf", "abc", "2"])
def test_kiosk_timers_must_be_real_seconds(value: str, capsys: pytest.CaptureFixture[str], no_app: None) -> None:
    code, _, err = in_process(["kiosk", "--pin", "1234", "--idle", value], capsys)
    assert code == 2 and "--idle" in err
    code, _, err = in_process(["kiosk", "--pin", "1234", "--linger", value], capsys)
    assert code == 2 and "--linger" in err


def test_kiosk_without_a_pin_is_a_usage_error(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                              no_app: None) -> None:
    monkeypatch.delenv("INTAKE_KIOSK_PIN", raising=False)
    code, _, err = in_process(["kiosk"], capsys)
    assert code == 2 and "needs a staff PIN" in err


@pytest.mark.parametrize("where, says", [
    ("missing/out.json", "does not exist"),
    (".", "is a folder"),
])
def test_an_unwritable_output_is_refused_before_the_first_question(tmp_path: Path, where: str, says: str,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for option in ("--json", "--record"):
        code, out, err = in_process(["chat", "--plain", option, where], capsys, stdin="1\nme\n")
        assert code == 2 and option in err and says in err
        assert "are you safe" not in out  # nothing was asked


def test_a_read_only_folder_is_refused_before_the_first_question(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root): the folder cannot be made read-only")
        code, out, err = in_process(["chat", "--plain", "--json", str(locked / "out.json")], capsys, stdin="1\n")
        assert code == 2 and "not writable" in err and "are you safe" not in out
    finally:
        locked.chmod(0o700)


@pytest.mark.parametrize("argv", [["chat", "--plain", "--title", "x"], ["chat", "--plain", "--force"],
                                  ["chat", "--json", "out.json"]])
def test_options_that_do_nothing_alone_are_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str],
                                                        no_app: None) -> None:
    code, out, err = in_process(argv, capsys, stdin="1\n")
    assert code == 2 and err.startswith("intake: ") and "are you safe" not in out


def test_a_bad_fail_under_is_said_before_replaying(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = in_process(["coverage", "--fail-under", "rules=abc"], capsys)
    assert code == 2 and "--fail-under" in err and "coverage of" not in out


def test_replay_and_coverage_away_from_a_checkout_say_where_transcripts_go(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for command in ("replay", "coverage"):
        code, _, err = in_process([command], capsys)
        assert code == 2 and "no transcripts/ folder here" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = in_process(["--version"], capsys)
    assert code == 0 and out.startswith("intake ") and out.strip() != "intake"


@pytest.mark.parametrize("argv", [[], ["--theme", "high-contrast"], ["--dialog", "dialogs/intake.yaml"]])
def test_bare_intake_starts_the_app(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`intake` alone, or with only top-level options, is the intake in the app."""
    from textual.app import App

    started: list[App] = []
    monkeypatch.setattr(App, "run", lambda self, *a, **k: started.append(self))
    from chatbot.cli import main

    assert main(argv) == 0
    assert [type(app).__name__ for app in started] == ["IntakeApp"]
    if "high-contrast" in argv:
        assert started[0]._theme_name == "high-contrast"  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", [[], ["kiosk", "--pin", "1234"], ["staff"]])
def test_any_textual_theme_is_offered_and_a_wrong_name_is_a_usage_error(command: list[str], capsys,  # noqa: ANN001
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.app import App

    started: list[App] = []
    monkeypatch.setattr(App, "run", lambda self, *a, **k: started.append(self))
    from chatbot.cli import main

    assert main(["--theme", "textual-light", *command]) == 0              # a light theme for a bright room
    assert started and started[0]._theme_name == "textual-light"  # type: ignore[attr-defined]
    code, _, err = in_process(["--theme", "neon", *command], capsys)
    assert code == 2 and "no such theme" in err and "textual-light" in err and len(started) == 1
