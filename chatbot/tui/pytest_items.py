"""Transcripts marked `tui: true`, replayed a second time through the real app.

A pytest plugin of its own (entry point `intake-tui`), so the transcript plugin and the
replay core never import the TUI. It collects only where the project opts in, like the
transcript plugin (`intake_transcripts = true`); a malformed file is reported there, once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ..pytest_plugin import TranscriptItem
from ..yamlsource import FileProblems

if TYPE_CHECKING:  # the app is imported only when an app replay runs, not by every pytest start
    from ..engine import Engine
    from ..replay import ReplayResult
    from ..transcript import Transcript
    from ..yamlsource import Source


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if not parent.config.getini("intake_transcripts"):
        return None
    if file_path.suffix == ".yaml" and "transcripts" in file_path.parts:
        return AppTranscriptFile.from_parent(parent, path=file_path)
    return None


class AppTranscriptFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        from ..transcript import load

        try:
            transcript, _ = load(self.path)
        except FileProblems:
            return  # the transcript plugin's item for this file says what is wrong
        if transcript.tui:
            yield AppTranscriptItem.from_parent(self, name=f"{self.path.name}[tui]")


class AppTranscriptItem(TranscriptItem):
    """The same comparison as the engine's item, with the answers typed into the app."""

    via = "tui"

    def replay(self, engine: Engine, transcript: Transcript, source: Source) -> ReplayResult:
        from .drive import replay_tui

        return asyncio.run(replay_tui(engine, transcript, source))
