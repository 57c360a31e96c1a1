"""Shared fixtures: the shipped dialog, loaded once, and fresh sessions on it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]  # the transcript plugin's tests run pytest in this process

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")  # no animation timing in TUI tests and snapshots
sys.path.insert(0, str(Path(__file__).resolve().parent))

from chatbot.engine import Engine, Session, engine_for  # noqa: E402 - imported once the environment above is set
from cli_helpers import Intake  # noqa: E402 - as above


@pytest.fixture(scope="session")
def engine() -> Engine:
    return engine_for(ROOT / "dialogs" / "intake.yaml")


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    s = engine.session()
    s.start()
    yield s
    s.close()


@pytest.fixture
def intake(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Intake:
    """`intake ARGS` in this process, from the checkout unless cwd= says otherwise; returns what
    subprocess.run would (returncode, stdout, stderr)."""
    return Intake(capsys, monkeypatch, ROOT)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--snapshot-update", action="store_true",
                     help="accept the current TUI screenshots as the new snapshots")
