"""Running `intake ARGS` in this process: `chatbot.cli.main`, the function the `intake` command
calls, with stdin given and stdout and stderr captured. A fraction of a second cheaper than a
new Python each time; each command keeps one real-process test (tests/test_cli.py,
tests/test_transcripts.py, tests/test_hardening.py; the apps in tests/test_signals.py)."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest


def in_process(argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str | bytes = "") -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `intake *argv`. stdin is a text stream over bytes, as a
    real process's is (so invalid UTF-8 reaches the program as it would from a pipe)."""
    from chatbot import cli

    raw = stdin if isinstance(stdin, bytes) else stdin.encode("utf-8")
    real = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    capsys.readouterr()  # only what this command writes
    try:
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse's own usage errors and --help
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    finally:
        sys.stdin = real
    out = capsys.readouterr()
    return code, out.out, out.err


class Intake:
    """`intake(*args, cwd=..., stdin=...)` like subprocess.run, answered in-process."""

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cwd: object) -> None:
        self.capsys = capsys
        self.monkeypatch = monkeypatch
        self.cwd = cwd

    def __call__(self, *args: str, cwd: object = None, stdin: str | bytes = "") -> subprocess.CompletedProcess[str]:
        self.monkeypatch.chdir(cwd or self.cwd)
        code, out, err = in_process(list(args), self.capsys, stdin)
        return subprocess.CompletedProcess(["intake", *args], code, out, err)
