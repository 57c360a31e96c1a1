"""Command line: one function per command, imports deferred so `--help` stays fast.

Nothing here imports Textual; the TUI module is imported only by commands that draw.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for annotations only: the commands import these when they run
    from .engine import Engine
    from .replay import ReplayResult

EXIT_OK, EXIT_FAIL, EXIT_BAD_FILE = 0, 1, 2
EXIT_USAGE = 2  # a bad argument: said before any question is asked, as argparse does
MIN_SECONDS = 5  # shorter kiosk timers wipe a person's answers while they read


def _seconds(text: str) -> float:
    """A kiosk timer: a finite number of seconds, at least MIN_SECONDS (0, -5 and nan are refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value < MIN_SECONDS:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of seconds, {MIN_SECONDS} or more")
    return value


def _port(text: str) -> int:
    """A TCP port to listen on: a whole number from 1 to 65535."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r}: give a port from 1 to 65535")
    return value


def _usage(message: str) -> int:
    print(f"intake: {message}", file=sys.stderr)
    return EXIT_USAGE


def _unwritable(option: str, path: Path) -> str | None:
    """Why a file could not be written at the end of a session, found before the first question."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return f"{option} {path}: is a folder; give a file name"
    if not folder.is_dir():
        return f"{option} {path}: the folder {folder} does not exist"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{option} {path}: the folder {folder} is not writable"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{option} {path}: the file is not writable"
    return None


def _dialog_arg(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # subcommands suppress their default so `intake --dialog X chat` keeps X
    parser.add_argument("--dialog", metavar="FILE", default=None if top else argparse.SUPPRESS,
                        help="dialog file (default: dialogs/intake.yaml)")


def _theme_arg(parser: argparse.ArgumentParser, top: bool = False) -> None:
    parser.add_argument("--theme", metavar="NAME", default=None if top else argparse.SUPPRESS,
                        help="colour theme of the app: default, high-contrast, or any of Textual's themes, like "
                             "textual-light for a bright room (NO_COLOR in the environment is honoured too)")


DISTRIBUTION = "addiction-care-intake"


class _VersionAction(argparse.Action):
    """--version, looked up only when asked: importlib.metadata costs ~35 ms, on every start."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "(not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intake",
        description="A private self-screening conversation about alcohol and drug use that ends with a "
                    "suggested level of care and why. It is a screening aid, not a diagnosis. "
                    "Run with no command to start the intake.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="print the version and exit")
    _dialog_arg(parser, top=True)
    _theme_arg(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    chat = sub.add_parser("chat", help="start the intake conversation (the Textual app unless --plain)")
    chat.add_argument("--plain", action="store_true",
                      help="line-based mode over stdin/stdout (screen readers, SSH, scripts)")
    chat.add_argument("--json", metavar="FILE",
                      help="write the outcome as JSON to FILE at the end (owner-only, written atomically)")
    chat.add_argument("--record", metavar="FILE",
                      help="save the conversation as a transcript in FILE at the end (with --plain)")
    chat.add_argument("--fhir", metavar="FILE",
                      help="write the session as FHIR R4 JSON to FILE at the end: a QuestionnaireResponse and the "
                           "recommendation (with --plain; owner-only; never replaces a file without --force)")
    chat.add_argument("--title", help="title of the recorded transcript (default: the file name)")
    chat.add_argument("--force", action="store_true", help="let --record and --fhir replace an existing file")
    _dialog_arg(chat)
    _theme_arg(chat)

    kiosk = sub.add_parser("kiosk", help="the intake for a shared public terminal (cannot be quit without the PIN)")
    kiosk.add_argument("--pin", help="staff PIN to leave the kiosk (F10, then the PIN); "
                                     "or set INTAKE_KIOSK_PIN")
    kiosk.add_argument("--idle", type=_seconds, default=120, metavar="SECONDS",
                       help="seconds without a key or click before the 30-second clear countdown (default 120)")
    kiosk.add_argument("--linger", type=_seconds, default=60, metavar="SECONDS",
                       help="seconds the summary stays before the countdown (default 60)")
    kiosk.add_argument("--save-dir", metavar="DIR",
                       help="allow saving: a person who agrees on screen gets a transcript saved in DIR")
    kiosk.add_argument("--fhir", action="store_true",
                       help="with --save-dir: save the FHIR R4 form (.fhir.json) beside each transcript")
    kiosk.add_argument("--printer", metavar="NAME",
                       help="offer Print on the summary, sent to this CUPS printer with lp (nothing is kept)")
    _dialog_arg(kiosk)
    _theme_arg(kiosk)

    serve = sub.add_parser("serve", help="serve the intake in web browsers: one app per connection (textual-serve)",
                           description="Serve the intake to web browsers. Each browser that opens the page gets "
                                       "its own app process, ended when the page closes; nothing is shared between "
                                       "people and nothing is kept. No login, no TLS: it listens on 127.0.0.1 unless "
                                       "told otherwise; put a TLS reverse proxy in front (README).")
    serve.add_argument("--kiosk", action="store_true",
                       help="serve `intake kiosk` (for a browser at a shared public place) instead of `intake`")
    serve.add_argument("--pin", help="the kiosk's staff PIN (with --kiosk; or set INTAKE_KIOSK_PIN, which `ps` "
                                     "does not show); the apps get it in their environment")
    serve.add_argument("--idle", type=_seconds, default=None, metavar="SECONDS",
                       help="with --kiosk: seconds without a key or click before the clear countdown (default 120)")
    serve.add_argument("--linger", type=_seconds, default=None, metavar="SECONDS",
                       help="with --kiosk: seconds the summary stays before the countdown (default 60)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1; any other prints a warning)")
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    _dialog_arg(serve)
    _theme_arg(serve)

    staff = sub.add_parser("staff", help="role-play intakes with an inspector; save them as transcripts")
    staff.add_argument("--transcripts", metavar="DIR", default="transcripts",
                       help="where Ctrl+S saves transcripts (default: transcripts/)")
    _dialog_arg(staff)
    _theme_arg(staff)

    replay = sub.add_parser("replay", help="replay transcripts and compare questions and outcomes")
    replay.add_argument("paths", nargs="*", metavar="PATH", help="transcript files or folders (default: transcripts/)")
    replay.add_argument("--strict", action="store_true", help="also compare the text shown at each turn")
    replay.add_argument("--update", action="store_true",
                        help="rewrite the expected parts of failing transcripts from the current dialog")
    replay.add_argument("--via", choices=["engine", "tui"], default="engine",
                        help="drive the engine directly (default) or the real Textual app")
    _dialog_arg(replay)

    coverage = sub.add_parser("coverage", help="what the transcripts exercise of the dialog")
    coverage.add_argument("paths", nargs="*", metavar="PATH",
                          help="transcript files or folders (default: transcripts/)")
    coverage.add_argument("--fail-under", metavar="SPEC", default="",
                          help="e.g. rules=100,levels=100,transitions=90: exit 1 when a measure is lower")
    _dialog_arg(coverage)

    validate = sub.add_parser("validate", help="check dialog files; exit 2 on any error")
    validate.add_argument("files", nargs="*", metavar="FILE",
                          help="dialog files (default: the --dialog file, else dialogs/*.yaml)")
    _dialog_arg(validate)

    graph = sub.add_parser("graph", help="print the dialog machine as a Mermaid stateDiagram-v2")
    _dialog_arg(graph)

    fhir = sub.add_parser("fhir", help="the dialog in FHIR R4 form, for a clinic's record system")
    forms = fhir.add_subparsers(dest="form", metavar="FORM", required=True)
    questionnaire = forms.add_parser("questionnaire", help="write the dialog as a FHIR Questionnaire (JSON)")
    questionnaire.add_argument("-o", "--output", metavar="FILE", help="write it to FILE (default: standard output)")
    _dialog_arg(questionnaire)
    return parser


def _load_engine(path: str | None) -> Engine | None:
    from .dialogs import DEFAULT_DIALOG
    from .engine import engine_for
    from .yamlsource import FileProblems

    try:
        return engine_for(path or DEFAULT_DIALOG)
    except FileProblems as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None


def _chat_usage(args: argparse.Namespace) -> str | None:
    """What is wrong with chat's options, before anything is loaded or asked."""
    if (args.json or args.record or args.fhir) and not args.plain:
        return ("--json, --record and --fhir work with --plain; the app saves summaries and staff mode saves "
                "transcripts")
    if args.title and not args.record:
        return "--title goes with --record FILE"
    if args.force and not (args.record or args.fhir):
        return "--force goes with --record FILE or --fhir FILE"
    for option, value in (("--json", args.json), ("--record", args.record), ("--fhir", args.fhir)):
        problem = _unwritable(option, Path(value)) if value else None
        if problem:
            return problem
    for value in (args.record, args.fhir):
        if value and Path(value).exists() and not args.force:
            return f"{value} already exists; use --force to replace it"
    return None


def cmd_chat(args: argparse.Namespace) -> int:
    problem = _chat_usage(args) or (None if args.plain else _theme_problem(args))
    if problem:
        return _usage(problem)
    engine = _load_engine(args.dialog)
    if engine is None:
        return EXIT_BAD_FILE
    if args.plain:
        from .console import run_plain

        title = args.title or Path(args.record).stem.replace("-", " ").replace("_", " ") if args.record else ""
        return run_plain(engine, json_path=args.json, record=args.record, title=title, force=args.force,
                         fhir_path=args.fhir)
    from .tui.app import IntakeApp

    app = IntakeApp(engine, theme_name=_theme(args))
    app.run()
    return app.return_code or EXIT_OK


def _theme(args: argparse.Namespace) -> str | None:
    theme = getattr(args, "theme", None)
    return None if theme in (None, "default") else theme


def _theme_problem(args: argparse.Namespace) -> str | None:
    """An unknown --theme is a usage error, said before anything is loaded or asked."""
    theme = _theme(args)
    if theme is None:
        return None
    from .tui.themes import THEME_NAMES

    return None if theme in THEME_NAMES else f"--theme {theme}: no such theme; pick one of: {', '.join(THEME_NAMES)}"


def cmd_kiosk(args: argparse.Namespace) -> int:
    pin = args.pin or os.environ.get("INTAKE_KIOSK_PIN")
    if not pin:
        return _usage("intake kiosk needs a staff PIN: --pin PIN or INTAKE_KIOSK_PIN=PIN")
    problem = _theme_problem(args)
    if problem:
        return _usage(problem)
    save_dir = Path(args.save_dir) if args.save_dir else None
    if save_dir is not None and not save_dir.is_dir():
        return _usage(f"--save-dir {save_dir}: not a folder")
    if save_dir is not None and not os.access(save_dir, os.W_OK | os.X_OK):
        return _usage(f"--save-dir {save_dir}: the folder is not writable")
    if args.fhir and save_dir is None:
        return _usage("--fhir goes with --save-dir DIR: the kiosk saves nothing without it")
    if args.printer is not None and (not args.printer.strip() or args.printer.startswith("-")):
        return _usage(f"--printer {args.printer!r}: give the name of a printer (lpstat -p lists them)")
    if args.printer is not None and shutil.which("lp") is None:
        return _usage("--printer needs the lp command (CUPS); install cups-client, or leave --printer out")
    engine = _load_engine(args.dialog)
    if engine is None:
        return EXIT_BAD_FILE
    from .tui.kiosk import KioskApp

    app = KioskApp(engine, pin=pin, idle=args.idle, linger=args.linger, save_dir=save_dir, fhir=args.fhir,
                   theme_name=_theme(args), printer=args.printer)
    app.run()
    return app.return_code or EXIT_OK


def _serve_usage(args: argparse.Namespace) -> str | None:
    """What is wrong with serve's options, before anything is loaded or served."""
    if not args.kiosk and (args.pin or args.idle is not None or args.linger is not None):
        return "--pin, --idle and --linger go with --kiosk"
    if args.kiosk and not (args.pin or os.environ.get("INTAKE_KIOSK_PIN")):
        return "intake serve --kiosk needs a staff PIN: INTAKE_KIOSK_PIN=PIN (or --pin PIN)"
    from .tui.serve import address_problem

    return _theme_problem(args) or address_problem(args.host, args.port)


def _app_argv(args: argparse.Namespace) -> list[str]:
    """The command line of the app each browser connection gets (never with the PIN on it)."""
    argv = [sys.executable, "-m", "chatbot"]
    if args.dialog:
        argv += ["--dialog", str(Path(args.dialog).resolve())]
    if _theme(args):
        argv += ["--theme", str(_theme(args))]
    if not args.kiosk:
        return [*argv, "chat"]
    argv.append("kiosk")
    for option, value in (("--idle", args.idle), ("--linger", args.linger)):
        if value is not None:
            argv += [option, f"{value:g}"]
    return argv


def cmd_serve(args: argparse.Namespace) -> int:
    problem = _serve_usage(args)
    if problem:
        return _usage(problem)
    engine = _load_engine(args.dialog)  # a broken dialog is said here, not in every browser
    if engine is None:
        return EXIT_BAD_FILE
    from .tui.serve import exposure_warning, serve

    warning = exposure_warning(args.host, args.port)
    if warning:
        print(warning, file=sys.stderr)
    pin = (args.pin or os.environ["INTAKE_KIOSK_PIN"]) if args.kiosk else None
    serve(_app_argv(args), args.host, args.port, engine.dialog, pin=pin)
    return EXIT_OK


def cmd_staff(args: argparse.Namespace) -> int:
    problem = _theme_problem(args)
    if problem:
        return _usage(problem)
    engine = _load_engine(args.dialog)
    if engine is None:
        return EXIT_BAD_FILE
    from .tui.staff import StaffApp

    app = StaffApp(engine, transcripts=Path(args.transcripts), theme_name=_theme(args))
    app.run()
    return app.return_code or EXIT_OK


def _replay_all(engine: Engine, files: list[Path], strict: bool, via: str) -> tuple[list[ReplayResult], list[str]]:
    from .replay import replay
    from .transcript import load, other_dialog
    from .yamlsource import FileProblems

    results: list[ReplayResult] = []
    malformed: list[str] = []
    for path in files:
        try:
            transcript, source = load(path)
        except FileProblems as exc:
            malformed.extend(str(p) for p in exc.problems)
            continue
        elsewhere = other_dialog(transcript, source, engine.dialog.spec.dialog)
        if elsewhere is not None:
            malformed.append(str(elsewhere))
            continue
        if via == "tui":
            import asyncio

            from .tui.drive import replay_tui

            results.append(asyncio.run(replay_tui(engine, transcript, source, strict)))
        else:
            results.append(replay(engine, transcript, source, strict))
    return results, malformed


def _no_transcripts(paths: list[str]) -> str | None:
    """Transcripts default to ./transcripts: say so plainly when it is not here."""
    if not paths and not Path("transcripts").is_dir():
        return "no transcripts/ folder here; give transcript files or folders, like: intake replay path/to/transcripts"
    return None


def cmd_replay(args: argparse.Namespace) -> int:
    from .replay import update
    from .transcript import find

    problem = _no_transcripts(args.paths)
    if problem:
        return _usage(problem)
    files = find(args.paths or ["transcripts"])
    if not files:
        print("no transcripts found", file=sys.stderr)
        return EXIT_BAD_FILE
    engine = _load_engine(args.dialog)
    if engine is None:
        return EXIT_BAD_FILE
    results, malformed = _replay_all(engine, files, args.strict, args.via)
    passed = failed = updated = 0
    for result in results:
        if result.passed:
            passed += 1
        elif args.update:
            update(engine, result.file)
            print(f"updated {result.file}")
            updated += 1
            passed += 1
        else:
            failed += 1
            print(result.report())
    for line in malformed:
        print(line)
    if updated:
        print(f"{updated} updated")
    print(f"{passed} passed, {failed + len(malformed)} failed")
    if malformed:
        return EXIT_BAD_FILE
    return EXIT_FAIL if failed else EXIT_OK


def cmd_coverage(args: argparse.Namespace) -> int:
    from .coverage import below, measure, parse_thresholds, report
    from .transcript import find

    try:
        thresholds = parse_thresholds(args.fail_under)
    except ValueError:
        return _usage(f"--fail-under {args.fail_under!r}: use name=percent pairs, like rules=100,transitions=90")
    problem = _no_transcripts(args.paths)
    if problem:
        return _usage(problem)
    files = find(args.paths or ["transcripts"])
    engine = _load_engine(args.dialog)
    if engine is None:
        return EXIT_BAD_FILE
    results, malformed = _replay_all(engine, files, strict=False, via="engine")
    for line in malformed:
        print(line)
    measures = measure(engine.dialog, results, engine.critical)
    print(report(engine.dialog, measures, len(results)))
    failures = below(measures, thresholds)
    for failure in failures:
        print(f"FAIL {failure}")
    if malformed:
        return EXIT_BAD_FILE
    return EXIT_FAIL if failures else EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from . import dialogs
    from .yamlsource import FileProblems, display_name

    named = [args.dialog] if getattr(args, "dialog", None) else []
    files = [Path(f) for f in args.files or named] or sorted(
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


def cmd_fhir(args: argparse.Namespace) -> int:
    problem = _unwritable("--output", Path(args.output)) if args.output else None
    if problem:
        return _usage(problem)
    engine = _load_engine(args.dialog)
    if engine is None:
        return EXIT_BAD_FILE
    from .fhir import dumps, questionnaire
    from .fileio import write_private

    text = dumps(questionnaire(engine))
    if args.output:
        write_private(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # bare `intake` (with any top-level options) is `intake chat`
        args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "chat"])
    handler = {"chat": cmd_chat, "kiosk": cmd_kiosk, "serve": cmd_serve, "staff": cmd_staff, "replay": cmd_replay,
               "coverage": cmd_coverage, "validate": cmd_validate, "graph": cmd_graph, "fhir": cmd_fhir}[args.command]
    try:
        return handler(args)
    except BrokenPipeError:
        return EXIT_OK
