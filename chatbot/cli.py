"""Command line: one function per command, imports deferred so `--help` stays fast.

Nothing here imports Textual; the TUI module is imported only by commands that draw.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_FAIL, EXIT_BAD_FILE = 0, 1, 2


def _dialog_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dialog", metavar="FILE", help="dialog file (default: dialogs/intake.yaml)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intake",
        description="A private self-screening conversation about alcohol and drug use that ends with a "
                    "suggested level of care and why. It is a screening aid, not a diagnosis. "
                    "Run with no command to start the intake.",
    )
    _dialog_arg(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    chat = sub.add_parser("chat", help="start the intake conversation")
    chat.add_argument("--plain", action="store_true",
                      help="line-based mode over stdin/stdout (screen readers, SSH, scripts)")
    chat.add_argument("--json", metavar="FILE",
                      help="write the outcome as JSON to FILE at the end (owner-only, written atomically)")
    _dialog_arg(chat)

    validate = sub.add_parser("validate", help="check dialog files; exit 2 on any error")
    validate.add_argument("files", nargs="*", metavar="FILE", help="dialog files (default: dialogs/*.yaml)")

    graph = sub.add_parser("graph", help="print the dialog machine as a Mermaid stateDiagram-v2")
    _dialog_arg(graph)
    return parser


def _load_engine(path: str | None):  # noqa: ANN202 - returns chatbot.engine.Engine
    from .dialogs import DEFAULT_DIALOG
    from .engine import engine_for
    from .yamlsource import FileProblems

    try:
        return engine_for(path or DEFAULT_DIALOG)
    except FileProblems as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None


def cmd_chat(args: argparse.Namespace) -> int:
    engine = _load_engine(args.dialog)
    if engine is None:
        return EXIT_BAD_FILE
    from .console import run_plain

    # The Textual app is not built yet; until it is, every chat is the plain mode.
    return run_plain(engine, json_path=args.json)


def cmd_validate(args: argparse.Namespace) -> int:
    from . import dialogs
    from .yamlsource import FileProblems, display_name

    files = [Path(f) for f in args.files] or sorted(
        p for p in dialogs.DIALOG_DIR.glob("*.yaml") if p.is_file())
    if not files:
        print(f"no dialog files found in {dialogs.DIALOG_DIR}", file=sys.stderr)
        return EXIT_BAD_FILE
    failed = False
    for path in files:
        try:
            loaded = dialogs.load(path)
        except FileProblems as exc:
            failed = True
            for problem in exc.problems:
                print(problem)
            continue
        spec = loaded.spec
        print(f"{display_name(path)}: ok ({len(spec.questions)} questions, {len(spec.rules)} rules, "
              f"{len(spec.levels)} levels)")
    return EXIT_BAD_FILE if failed else EXIT_OK


def cmd_graph(args: argparse.Namespace) -> int:
    from . import dialogs
    from .graph import mermaid
    from .yamlsource import FileProblems

    try:
        loaded = dialogs.load(args.dialog or dialogs.DEFAULT_DIALOG)
    except FileProblems as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_FILE
    sys.stdout.write(mermaid(loaded))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        args.command, args.plain, args.json = "chat", True, None
    handler = {"chat": cmd_chat, "validate": cmd_validate, "graph": cmd_graph}[args.command]
    try:
        return handler(args)
    except BrokenPipeError:
        return EXIT_OK
