"""The transcript format: a saved conversation and the outcome it is expected to reach.

YAML a person can read and write by hand. Saved only when someone chose to: staff in
role-play, a kiosk operator with the person's consent, or `--record`. Replay and the
pytest plugin build on this format.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from . import yamlsource
from .engine import Session
from .fileio import write_private
from .spec import DialogInfo
from .yamlsource import FileProblems, Problem, Source

FORMAT_VERSION = 1
Mode = Literal["staff", "kiosk", "plain", "self", "hand"]
Command = Literal["back", "restart"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TranscriptTurn(Strict):
    """One step: an answer typed at a question (or at a crisis check), or back / restart."""

    question: str | None = None
    shown: str | None = None
    answer: str | None = None
    command: Command | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> TranscriptTurn:
        if (self.answer is None) == (self.command is None):
            raise ValueError("a turn has either an answer or a command (back or restart)")
        return self


class Expected(Strict):
    level: str | None
    then_level: str | None = None
    modifiers: list[str] = []
    rules: list[str] = []
    crisis: bool = False


class Transcript(Strict):
    format: int = FORMAT_VERSION
    dialog: str
    dialog_version: int
    locale: str
    mode: Mode
    title: str
    notes: str = ""
    tui: bool = False
    turns: list[TranscriptTurn]
    expected: Expected


def expected_from(session: Session) -> Expected:
    outcome = session.outcome()
    return Expected(level=outcome.level, then_level=outcome.then_level, modifiers=outcome.modifiers,
                    rules=[r["id"] for r in outcome.rules], crisis=outcome.crisis)


def _command(name: str) -> Command:
    """The session logs its commands as plain strings; a transcript names only these two."""
    if name == "back":
        return "back"
    if name == "restart":
        return "restart"
    raise ValueError(f"not a transcript command: {name!r}")


def from_session(session: Session, title: str, notes: str = "", mode: Mode = "staff") -> Transcript:
    info = session.dialog.spec.dialog
    turns = [
        TranscriptTurn(question=e.at, command=_command(e.command)) if e.command else
        TranscriptTurn(question=e.at, shown=e.shown, answer=e.typed)
        for e in session.exchanges
    ]
    return Transcript(dialog=info.id, dialog_version=info.version, locale=info.locale, mode=mode, title=title,
                      notes=notes, turns=turns, expected=expected_from(session))


def to_yaml(transcript: Transcript) -> str:
    data = transcript.model_dump(mode="json")
    data["turns"] = [{k: v for k, v in t.items() if v is not None} for t in data["turns"]]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def save(transcript: Transcript, path: str | Path, force: bool = False) -> Path:
    """Write atomically, owner-only; never replace an existing file unless `force`."""
    target = Path(path)
    if target.exists() and not force:
        raise FileExistsError(f"{target} already exists; use --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_private(target, to_yaml(transcript), replace=force)  # another writer's file is never replaced
    return target


def load(path: str | Path) -> tuple[Transcript, Source]:
    """Read and check a transcript; FileProblems names the file, the line and the fix."""
    source = yamlsource.read(path, "transcript")
    transcript = yamlsource.model_from(
        source, Transcript, "a transcript must be a mapping with 'title', 'turns' and 'expected'",
        lambda loc: f"turn {loc[1] + 1}" if len(loc) > 1 and loc[0] == "turns" and isinstance(loc[1], int) else "")
    if transcript.format != FORMAT_VERSION:
        raise FileProblems([Problem(source.file, source.line(("format",)), "",
                                    f"format {transcript.format} is not supported; this program reads format "
                                    f"{FORMAT_VERSION}")])
    return transcript, source


def other_dialog(transcript: Transcript, source: Source, dialog: DialogInfo) -> Problem | None:
    """A transcript recorded with another dialog, version or locale: one line, never a silent pass."""
    for key, theirs, ours in (("dialog", transcript.dialog, dialog.id),
                              ("dialog_version", transcript.dialog_version, dialog.version),
                              ("locale", transcript.locale, dialog.locale)):
        if theirs != ours:
            return Problem(source.file, source.line((key,)), "",
                           f"recorded with {key} {theirs!r}, but the dialog is {ours!r}; replay it with that dialog"
                           " (--dialog), or record it again")
    return None


def find(paths: list[str | Path]) -> list[Path]:
    """Transcript files named, or found under the folders named, in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.yaml") if p.is_file()))
        else:
            found.append(path)
    return found
