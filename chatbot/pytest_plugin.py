"""Every `transcripts/**/*.yaml` is a pytest item named after its file, in projects that ask.

Installing the package installs this plugin in every pytest run of the environment, so it
collects nothing unless the project's pytest settings say `intake_transcripts = true`.

A failure reports the replay diff, not a traceback. `--update-transcripts` accepts the
current behaviour (like syrupy's `--snapshot-update`). Transcripts marked `tui: true` get
a second item that replays through the real Textual app: that one comes from
`chatbot.tui.pytest_items`, a plugin of its own, so this module never imports the TUI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .yamlsource import FileProblems, Source

if TYPE_CHECKING:
    from .engine import Engine
    from .replay import ReplayResult
    from .transcript import Transcript

if TYPE_CHECKING:
    # the types of pytest's own repr_failure signature, which pytest does not re-export
    from _pytest._code.code import TerminalRepr, TracebackStyle


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("intake transcripts")
    group.addoption("--update-transcripts", action="store_true",
                    help="rewrite the expected parts of failing transcripts from the current dialog")
    group.addoption("--intake-dialog", default=None, help="dialog file to replay transcripts against")
    parser.addini("intake_transcripts", type="bool", default=False,
                  help="collect transcripts/**/*.yaml as intake replay tests (off unless set)")


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if not parent.config.getini("intake_transcripts"):
        return None
    if file_path.suffix == ".yaml" and "transcripts" in file_path.parts:
        return TranscriptFile.from_parent(parent, path=file_path)
    return None


class TranscriptFailure(Exception):
    def __init__(self, report: str):
        super().__init__(report)
        self.report = report


class TranscriptFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        from .transcript import load

        try:
            transcript, _ = load(self.path)
        except FileProblems as exc:
            yield BrokenTranscript.from_parent(self, name=self.path.name, problems=str(exc))
            return
        yield TranscriptItem.from_parent(self, name=self.path.name)


class BrokenTranscript(pytest.Item):
    # **kw: pytest's cooperative-constructor protocol, whatever from_parent passes on to Node
    def __init__(self, *, problems: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.problems = problems

    def runtest(self) -> None:
        raise TranscriptFailure(self.problems)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: TracebackStyle | None = None) -> str:
        return f"malformed transcript:\n{self.problems}"

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"transcript {self.name} (malformed)"


class TranscriptItem(pytest.Item):
    """Replays one transcript through the engine."""

    via = "engine"

    def replay(self, engine: Engine, transcript: Transcript, source: Source) -> ReplayResult:
        from .replay import replay

        return replay(engine, transcript, source)

    def runtest(self) -> None:
        from . import dialogs
        from .engine import engine_for
        from .replay import update
        from .transcript import load, other_dialog

        config = self.config
        engine = engine_for(config.getoption("--intake-dialog") or dialogs.DEFAULT_DIALOG)
        transcript, source = load(self.path)
        elsewhere = other_dialog(transcript, source, engine.dialog.spec.dialog)
        if elsewhere is not None:
            raise TranscriptFailure(str(elsewhere))
        result = self.replay(engine, transcript, source)
        if result.passed:
            return
        if config.getoption("--update-transcripts") and self.via == "engine":
            update(engine, self.path)
            return
        raise TranscriptFailure(result.report())

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: TracebackStyle | None = None) -> str | TerminalRepr:
        if isinstance(excinfo.value, TranscriptFailure):
            return excinfo.value.report + "\n(accept an intended change with: pytest --update-transcripts)"
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"transcript {self.name}"
