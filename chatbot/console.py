"""The plain line mode: stdin/stdout for screen readers, SSH and scripts.

Each question is printed with numbered options, then a `> ` prompt at the start of a
line. `back`, `restart`, `help` and `quit` work at every prompt. Piped input works; the
end of the input ends the session with exit status 0.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from .commands import command as command_of
from .engine import Engine, Session
from .fileio import write_private
from .summary import check_in_lines, confirm_lines, crisis_lines, question_lines, resource_lines, result_text, wrap
from .terms import normalize
from .turns import CheckInTurn, ConfirmTurn, CrisisTurn, QuestionTurn, ResultTurn, Turn

MAX_LINE = 20_000  # characters read of one line; the Session reads at most MAX_ANSWER of them


class Console:
    def __init__(self, engine: Engine, stdin: TextIO, stdout: TextIO):
        self.engine = engine
        self.dialog = engine.dialog
        self.stdin = stdin
        self.out = stdout
        self.echo = not _isatty(stdin)
        self._section: str | None = None  # the section last announced

    def say(self, *lines: str) -> None:
        for line in lines:
            self.out.write(line + "\n")
        self.out.flush()

    def show(self, turn: Turn) -> None:
        if turn.understood:
            self.say(wrap(turn.understood))
        match turn:
            case ConfirmTurn():
                if turn.message:  # what the reading came from, or why it is put again
                    self.say(wrap(turn.message))
                self.say(wrap(turn.confirm), *confirm_lines(self.dialog, turn.options))
            case CheckInTurn():
                self.say("")
                if turn.message:
                    self.say(wrap(turn.message))
                self.say(*check_in_lines(self.dialog, turn.check_in))
            case CrisisTurn():
                self.say("")
                if turn.message:
                    self.say(wrap(turn.message))
                self.say(*crisis_lines(self.dialog, turn.crisis))
            case ResultTurn():
                self.say("", result_text(self.dialog, turn.result), "", wrap(self.dialog.s("commands")))
            case QuestionTurn(kind="reask"):
                self.say(wrap(turn.message or ""))
            case QuestionTurn():
                self.say("")
                if turn.message:
                    self.say(wrap(turn.message))
                section_changed = turn.progress.section != self._section
                self._section = turn.progress.section
                self.say(*question_lines(self.dialog, turn, progress=section_changed))

    def read(self) -> str | None:
        self.out.write("> ")
        self.out.flush()
        line = self.stdin.readline(MAX_LINE)
        if not line:
            self.say("")
            return None
        if len(line) == MAX_LINE and not line.endswith("\n"):
            # an answer this long is not typed: keep its start, skip the rest of the line unread
            while (rest := self.stdin.readline(MAX_LINE)) and not rest.endswith("\n"):
                pass
        line = line.rstrip("\r\n")
        if self.echo:
            self.say(line)
        return line

    def run(self, session: Session) -> None:
        welcome = f"{self.dialog.s('welcome')} {self.dialog.spec.strings.get('privacy', '')}".strip()
        self.say(self.dialog.s("welcome_title"), "", wrap(welcome),
                 wrap(self.dialog.s("not_for_emergencies")), wrap(self.dialog.s("commands")))
        self.show(session.start())
        while (line := self.read()) is not None:
            command = command_of(line)
            if command == "quit" and self._is_an_answer(session, line):
                # "quit" to "How often do you take benzos?" may mean "I quit": asked first, and
                # read as the answer if the person goes on
                self.say(wrap(f"{self.dialog.ui('quit_ask')} {self.dialog.s('type_yes_no')}"))
                reply = self.read()
                if reply is None or self._says_yes(reply):
                    break
                self.show(session.answer(line))
                continue
            if command == "quit":
                break
            if command == "help":
                self.say(wrap(self.dialog.s("help")))
                self.say(*resource_lines(self.dialog))
                turn = session.turn
                if isinstance(turn, QuestionTurn | ConfirmTurn) and turn.question.help:
                    self.say(wrap(turn.question.help))
                self.show(replace(turn, kind="question") if isinstance(turn, QuestionTurn) else turn)
            elif command == "back":
                self.show(session.back())
            elif command == "restart":
                self.say(wrap(self.dialog.s("restarted")))
                self.show(session.restart())
            else:
                self.show(session.answer(line))
        if session.in_crisis or session.checking_in or session.crisis_kinds or session.checked_in:
            self.say("", *resource_lines(self.dialog))  # leaving mid-crisis: the numbers stay on screen
        elif not session.finished:
            self.say(wrap(self.dialog.s("incomplete")))
        self.say(wrap(self.dialog.s("bye")))

    @staticmethod
    def _is_an_answer(session: Session, line: str) -> bool:
        """The command word reads as an answer to the question on screen."""
        return isinstance(session.turn, QuestionTurn) and session.preview(line) is None

    def _says_yes(self, reply: str) -> bool:
        said = normalize(reply)
        return said in {normalize(w) for w in self.dialog.language.yes} or said == "1" or command_of(reply) == "quit"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def run_plain(engine: Engine, json_path: str | None = None, stdin: TextIO | None = None,
              stdout: TextIO | None = None, record: str | None = None, title: str = "",
              force: bool = False, fhir_path: str | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    if hasattr(stdin, "reconfigure"):
        stdin.reconfigure(errors="replace")
    session = engine.session(recording=record is not None)
    try:
        try:
            Console(engine, stdin, stdout).run(session)
        except KeyboardInterrupt:
            stdout.write("\n")
            return 130
        if json_path:
            outcome = session.outcome().model_dump(mode="json")
            write_private(json_path, json.dumps(outcome, indent=2, ensure_ascii=False) + "\n")
        # transcripts and the FHIR form are imported only when a session is saved that way
        saves: list[tuple[str, Callable[[Path, bool], object]]] = []
        if record:
            from .transcript import from_session, save

            transcript = from_session(session, title=title or "Recorded intake", mode="plain")
            saves.append((record, lambda path, replace: save(transcript, path, force=replace)))
        if fhir_path:
            from .fhir import dumps, response

            text = dumps(response(session))
            saves.append((fhir_path, lambda path, replace: write_private(path, text, replace=replace)))
        for wanted, write in saves:
            saved = _save_unclobbered(write, wanted, force)
            if str(saved) != wanted:
                print(f"intake: {wanted} was written by someone else during this session; "
                      f"this one is saved as {saved}", file=sys.stderr)
        return 0
    finally:
        session.close()


def _save_unclobbered(write: Callable[[Path, bool], object], wanted: str, force: bool) -> Path:
    """Write under `wanted` (`write(path, replace)` raises FileExistsError on a taken name), or,
    when another writer took the name meanwhile (and `force` was not given), under the first free
    `name-2.yaml`, `name-3.yaml`: nothing is lost, nothing replaced."""
    path = Path(wanted)
    for n in range(1, 1000):
        candidate = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        try:
            write(candidate, force and n == 1)
            return candidate
        except FileExistsError:
            continue
    raise FileExistsError(f"{wanted}: no free name next to it")
