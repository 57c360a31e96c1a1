"""Holding up against the unplanned: signals, resizes, junk in the app, huge files, torn
writes, answers leaking into logs or stderr, and thousands of sessions."""

from __future__ import annotations

import gc
import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
import weakref
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from chatbot.engine import Engine
from chatbot.tui.app import IntakeApp
from chatbot.tui.kiosk import KioskApp
from tui_helpers import screen_text, start, type_answer

ROOT = Path(__file__).resolve().parent.parent
SIZE = (80, 24)
JUNK = ["\x00\x00", "\x1b[2J\x1b[31m", "\u202e\u05e9\u05dc\u05d5\u05dd", "\U0001f937\u200d\u2642\ufe0f", "x" * 10_000,
        "\x07\x08\x7f"]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
async def test_kiosk_signals_wipe_and_exit_cleanly(engine: Engine, sig: signal.Signals) -> None:
    before = len(engine.open_sessions)
    app = KioskApp(engine, pin="2468")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_answer(pilot, "1")
        await type_answer(pilot, "for me")
        assert len(engine.open_sessions) == before + 1
        os.kill(os.getpid(), sig)
        await pilot.pause()
        await pilot.pause()
        assert app.session is None and "For myself" not in screen_text(app)
    assert app.return_code == 128 + sig  # the shell's code for a process ended by a signal
    assert len(engine.open_sessions) == before


async def test_resize_mid_question_loses_nothing(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for a in ["1", "me", "2"]:
            await type_answer(pilot, a)
        box = app.screen.query_one("#free", Input)
        box.value = "beer and xan"
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.screen.query_one("#free", Input).value == "beer and xan"
        assert app.session.state == "substances" and len(app.session.answers) == 3
        await type_answer(pilot, "beer and xanax")
        assert app.session.answers["substances"] == ("alcohol", "benzos")


async def test_junk_in_the_app_is_reasked(engine: Engine) -> None:
    app = IntakeApp(engine)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for junk in JUNK:
            await type_answer(pilot, junk)
            reask = str(app.screen.query_one("#reask", Static).content)
            assert "Please" in reask and "Traceback" not in reask
            assert app.session.state == "safety_now"


def test_huge_files_are_refused_with_one_line(tmp_path: Path, intake) -> None:  # noqa: ANN001
    for command, name in (("validate", "dialog"), ("replay", "transcript")):
        big = tmp_path / f"big-{name}.yaml"
        big.write_text("# padding\n" * 300_000)
        proc = intake(command, str(big), cwd=tmp_path)
        assert proc.returncode == 2 and "Traceback" not in proc.stdout + proc.stderr
        assert f"big-{name}.yaml:1: the {name} is 3,000,000 bytes, more than the 2,000,000 allowed" in proc.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big-dialog.yaml", "big-transcript.yaml"]  # nothing written


def test_answers_never_reach_stderr_logs_or_stray_files(tmp_path: Path) -> None:
    """`chat --plain`'s real-process test: typed lines piped into `python -X dev -m chatbot`."""
    secret = ["zanzibar beer", "I took xanax at the quarry", "seventeen"]
    lines = ["1", "me", "2", secret[0], secret[2], secret[1], "7", "help", "back", "7", "quit"]
    env = {**os.environ, "PYTHONWARNINGS": "always"}
    proc = subprocess.run([sys.executable, "-X", "dev", "-m", "chatbot", "chat", "--plain"], input="\n".join(lines),
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert proc.returncode == 0
    assert proc.stderr == ""
    assert list(tmp_path.iterdir()) == []


def test_answers_never_reach_python_logging(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    session = engine.session()
    session.start()
    for a in ["1", "me", "2", "gin and tonic 4 me", "every day", "quarry12", "kms"]:
        session.answer(a)
    session.close()
    for word in ("tonic", "quarry12", "kms"):
        assert word not in caplog.text


WRITER = textwrap.dedent("""
    import sys
    from chatbot.fileio import write_private
    target = sys.argv[1]
    a, b = "A" * 400_000 + "\\n", "B" * 600_000 + "\\n"
    i = 0
    while True:
        write_private(target, a if i % 2 else b)
        i += 1
        if i == 2:
            print("ready", flush=True)
""")


def test_sigkill_while_saving_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    target = tmp_path / "saved.txt"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    for attempt in range(15):
        proc = subprocess.Popen([sys.executable, str(script), str(target)], stdout=subprocess.PIPE, cwd=ROOT,
                                text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        # let it write for a varying while, then kill it mid-write
        deadline = time.monotonic() + 0.01 * (attempt % 5 + 1)
        while time.monotonic() < deadline:
            pass
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        content = target.read_text()
        assert content in ("A" * 400_000 + "\n", "B" * 600_000 + "\n")
        assert oct(target.stat().st_mode & 0o777) == "0o600"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 1  # only the last killed writer's; the next save clears it


def test_ten_thousand_sessions_are_released(engine: Engine) -> None:
    before = len(engine.open_sessions)
    refs = []
    for i in range(10_000):
        session = engine.session()
        session.start()
        session.answer("1")
        session.answer("me" if i % 2 else "for my son")
        session.close()
        if i % 1000 == 0:
            refs.append(weakref.ref(session))
    del session
    gc.collect()
    assert len(engine.open_sessions) == before
    assert all(r() is None for r in refs)  # nothing holds a finished session (or its answers)


def test_fifty_kiosk_intakes_release_every_session_and_answer(engine: Engine) -> None:
    """The shared machine after a day at a kiosk, without the app: fifty people on the one engine,
    each closed as the kiosk's wipe closes them (half mid-question, half on the summary). The
    app does the same in tests/test_tui.py::test_kiosk_sessions_leave_nothing_behind."""
    from worked_examples import EXAMPLES

    token = "".join(["qv", "zp", "kiosk"])  # built here, so no constant in this file holds it
    summary = EXAMPLES[4].answers  # W5: an intake to its summary
    before = len(engine.open_sessions)
    refs = []
    for person in range(50):
        session = engine.session()
        session.start()
        # what they type about their use is held by the session: the reading, the words, the re-ask
        for typed in ["1", "me", "2", f"weed and {token}{person}"] + (summary[3:] if person % 2 else []):
            session.answer(typed)
        assert session.finished == bool(person % 2) and len(engine.open_sessions) == before + 1
        session.close()
        assert len(engine.open_sessions) == before
        refs.append(weakref.ref(session))
    del session
    gc.collect()
    assert all(r() is None for r in refs)  # nothing holds a closed session
    held = [type(obj).__name__ for obj in gc.get_objects() if isinstance(obj, (dict, list, tuple, set))
            and any(isinstance(x, str) and token in x and x is not token
                    for x in (list(obj.keys()) + list(obj.values()) if isinstance(obj, dict) else obj))]
    assert held == []  # nor anything a person typed


# --- two writers, one name (issue 11, in part) ---------------------------------------------------

def test_a_live_writers_temporary_file_is_not_swept_but_a_killed_ones_is(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    from chatbot.fileio import STALE_AFTER, write_private

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    live = tmp_path / f".out.json.{os.getppid()}.abc.tmp"  # a live process (pytest's parent) mid-save
    dead = tmp_path / f".out.json.{gone.stdout.strip()}.def.tmp"  # its writer has exited
    old_style = tmp_path / ".out.json.ghi.tmp"
    for f in (live, dead, old_style):
        f.write_text("answers")
    old = time.time() - STALE_AFTER - 5
    os.utime(old_style, (old, old))
    write_private(tmp_path / "out.json", "{}")
    assert live.exists() and not dead.exists() and not old_style.exists()


def test_a_leftover_named_with_a_digit_like_sign_does_not_stop_a_save(tmp_path: Path) -> None:
    """ ".out.json.❶.tmp" in the folder made every save fail ("❶" passed isdigit(), not int())."""
    from chatbot.fileio import write_private

    (tmp_path / ".out.json.\u2776.tmp").write_text("x")
    write_private(tmp_path / "out.json", "{}")
    assert (tmp_path / "out.json").read_text() == "{}"


def test_no_replace_never_clobbers_a_file_another_writer_made(tmp_path: Path) -> None:
    import pytest

    from chatbot.fileio import write_private

    target = tmp_path / "t.yaml"
    target.write_text("theirs")
    with pytest.raises(FileExistsError):
        write_private(target, "mine", replace=False)
    assert target.read_text() == "theirs" and not list(tmp_path.glob(".t.yaml.*.tmp"))


def test_a_record_name_taken_during_the_session_is_kept_and_ours_saved_beside_it(
        engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from chatbot.console import run_plain

    record = tmp_path / "same.yaml"
    record.write_text("written by another intake meanwhile\n")
    code = run_plain(engine, stdin=io.StringIO("1\nme\n"), stdout=io.StringIO(), record=str(record))
    assert code == 0 and record.read_text() == "written by another intake meanwhile\n"
    assert (tmp_path / "same-2.yaml").exists() and "saved as" in capsys.readouterr().err


def test_thirty_writers_to_one_json_all_finish(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from chatbot.fileio import write_private

    target = tmp_path / "same.json"
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: write_private(target, f'{{"writer": {i}}}\\n'), range(30)))
    assert target.read_text().startswith('{"writer": ') and not list(tmp_path.glob(".same.json.*.tmp"))


# --- hostile files (issue 11, in part): refused with one line, before they cost anything -------

BOMB = "a: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
    f"{b}: &{b} [" + ",".join([f"*{a}"] * 9) + "]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True))


@pytest.mark.parametrize("name, content, says", [
    ("bomb.yaml", BOMB, "once aliases (*name) are expanded"),
    ("loop.yaml", "a: &a [*a]\n", "used inside the value it names"),
    ("deep.yaml", "[" * 100_000 + "]" * 100_000 + "\n", "nest more than"),
])
def test_hostile_yaml_is_refused_with_one_line(tmp_path: Path, name: str, content: str, says: str) -> None:
    # a real process each: what these files did before was a segfault, a hang or a MemoryError,
    # which in-process would take the whole test run down instead of failing one test
    path = tmp_path / name
    path.write_text(content)
    proc = subprocess.run([sys.executable, "-m", "chatbot", "validate", str(path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=30)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and says in lines[0] and "Traceback" not in proc.stderr


def test_files_that_are_not_regular_or_too_big_are_refused_without_reading(tmp_path: Path) -> None:
    import os

    from chatbot.yamlsource import FileProblems, read

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # reading it would block for ever
    sparse = tmp_path / "huge.yaml"
    with open(sparse, "wb") as handle:
        handle.truncate(3_000_000_000)  # 3 GB that take no disk
    for path, says in ((fifo, "not a regular file"), (Path("/dev/zero"), "not a regular file"),
                       (tmp_path, "not a regular file"), (sparse, "more than the")):
        with pytest.raises(FileProblems) as caught:
            read(path, "dialog")
        assert says in str(caught.value)


def test_the_shipped_dialog_still_uses_aliases_for_shared_options(engine: Engine) -> None:
    # the frequency options are written once (&freq) and used three times: aliases stay allowed
    assert [o.value for o in engine.dialog.questions["opioid_freq"].options] == \
        [o.value for o in engine.dialog.questions["benzo_freq"].options]


def test_a_30_mb_line_is_cut_and_the_next_line_is_the_next_answer(engine: Engine) -> None:
    import io

    from chatbot.console import run_plain

    out = io.StringIO()
    lines = "x" * 30_000_000 + "\n1\nme\n"
    code = run_plain(engine, stdin=io.StringIO(lines), stdout=out)
    text = out.getvalue()
    assert code == 0 and "Got it: For myself." in text   # "1" and "me" still answer the next questions
    assert len(text) < 200_000                           # the long line is never echoed whole


def test_answers_are_capped_before_any_scan(engine: Engine) -> None:
    from chatbot.engine import MAX_ANSWER

    with engine.session() as session:
        session.answer("1")
        session.answer("a" * (MAX_ANSWER + 5) + " i want to kill myself")  # past the cap: not read
        assert session.turn.kind != "crisis"
        session.answer("me " + "b" * 100 + " i want to kill myself")      # within it: read
        assert session.turn.kind == "crisis"


def test_nothing_typed_or_answered_is_held_after_the_session_closes(engine: Engine) -> None:
    engine = Engine(engine.dialog)  # its own, so no other test's open session keeps the caches

    def intake(word: str) -> None:
        with engine.session() as session:
            for typed in ["1", "me " + word, "2", "beer and " + word + "ish", word + " most days",
                          "hopeless " + word, "no", "5"]:
                session.answer(typed)

    intake("".join(["zqx", "jkpl", "orbinth"]))  # built here, so no constant in this file holds it
    gc.collect()
    word = "".join(["zqx", "jkpl", "orbinth"])
    held = []
    for obj in gc.get_objects():
        if isinstance(obj, dict):
            items = [*obj.keys(), *obj.values()]
        elif isinstance(obj, (list, tuple, set, frozenset)):
            items = list(obj)
        else:
            continue
        if any(isinstance(x, str) and word in x and x is not word for x in items):
            held.append(type(obj).__name__)
    assert held == []
    assert engine.route._left == {}  # nor the "questions left" cache, keyed by answer values
