"""Transcripts: record, replay, diff, update, the pytest plugin, and coverage.

`intake replay`, `coverage` and `chat --plain` run in this process (the `intake` fixture,
tests/cli_helpers.py), except one real-process test each for replay and coverage here (and for
chat --plain in tests/test_hardening.py)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from chatbot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "transcripts"
BROKEN = ROOT / "tests" / "fixtures" / "transcripts_broken"


def intake_process(*args: str, cwd: Path = ROOT, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`python -m chatbot ARGS`: a real process, for the one smoke test per command."""
    return subprocess.run([sys.executable, "-m", "chatbot", *args], capture_output=True, text=True, cwd=cwd,
                          input=stdin, timeout=300)


def test_the_corpus_replays_green() -> None:
    """`replay`'s real-process test."""
    proc = intake_process("replay", "transcripts")
    assert proc.returncode == 0, proc.stdout
    count = len(list(CORPUS.glob("*.yaml")))
    assert proc.stdout.strip().splitlines()[-1] == f"{count} passed, 0 failed"


def test_the_corpus_is_big_enough_and_marks_tui_cases() -> None:
    files = list(CORPUS.glob("*.yaml"))
    assert len(files) >= 30
    assert sum(1 for f in files if yaml.safe_load(f.read_text()).get("tui")) >= 5


def test_coverage_meets_the_ci_thresholds() -> None:
    """`coverage`'s real-process test."""
    proc = intake_process("coverage", "transcripts", "--fail-under", "rules=100,levels=100,transitions=90")
    assert proc.returncode == 0, proc.stdout
    assert re.search(r"rules\s+100\.0%", proc.stdout) and re.search(r"levels\s+100\.0%", proc.stdout)


def test_coverage_lists_what_was_never_exercised_with_its_line(intake) -> None:  # noqa: ANN001
    proc = intake("coverage", "transcripts/w5-cannabis-most-weekends-just.yaml", "--fail-under", "rules=100")
    assert proc.returncode == 1
    assert "never exercised: rules" in proc.stdout
    assert re.search(r"dialogs/intake\.yaml:\d+: alcohol_or_benzo_daily", proc.stdout)
    assert "FAIL rules" in proc.stdout


@pytest.mark.parametrize("name, line, message", [
    ("empty", 1, "the transcript is empty"),
    ("not_yaml", 7, "not valid YAML"),
    ("unknown_key", 7, "unknown key 'nots'"),
    ("answer_and_command", 10, "turn 1: a turn has either an answer or a command"),
    ("missing_expected", 1, "'expected' is missing"),
    ("wrong_format", 1, "format 7 is not supported"),
])
def test_malformed_transcript_is_named_with_exit_2(name: str, line: int, message: str,
                                                   intake) -> None:  # noqa: ANN001
    rel = f"tests/fixtures/transcripts_broken/{name}.yaml"
    proc = intake("replay", rel)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    assert f"{rel}:{line}: " in proc.stdout and message in proc.stdout


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A temporary copy of the dialog and the corpus, safe to break."""
    shutil.copy(ROOT / "dialogs" / "intake.yaml", tmp_path / "intake.yaml")
    shutil.copy(ROOT / "dialogs" / "crisis_model.tsv", tmp_path / "crisis_model.tsv")
    shutil.copytree(CORPUS, tmp_path / "transcripts")
    return tmp_path


def test_changing_one_floor_fails_exactly_the_dependent_transcripts_and_update_accepts(workspace: Path,
                                                                                        intake) -> None:  # noqa: ANN001
    dialog = workspace / "intake.yaml"
    text = dialog.read_text()
    old = "  - id: step_down\n    when: {slot: treatment_history, op: includes, value: just_left}\n    floor: iop\n"
    assert old in text
    dialog.write_text(text.replace(old, old.replace("floor: iop", "floor: php")))

    depends = set()
    for path in (workspace / "transcripts").glob("*.yaml"):
        expected = yaml.safe_load(path.read_text())["expected"]
        if "step_down" in expected["rules"] and expected["level"] == "iop":
            depends.add(path.name)
    assert depends  # the corpus has step-down cases

    proc = intake("replay", "--dialog", str(dialog), "transcripts", cwd=workspace)
    assert proc.returncode == 1
    failed = {Path(m).name for m in re.findall(r"^FAIL (\S+):", proc.stdout, re.M)}
    assert failed == depends
    assert "outcome level" in proc.stdout and "expected: iop" in proc.stdout and "actual:   php" in proc.stdout
    assert re.search(r"transcripts/\S+\.yaml:\d+: outcome level", proc.stdout)
    passing = len(list((workspace / "transcripts").glob("*.yaml"))) - len(depends)
    assert proc.stdout.strip().splitlines()[-1] == f"{passing} passed, {len(depends)} failed"

    before = {n: yaml.safe_load((workspace / "transcripts" / n).read_text()) for n in depends}
    proc = intake("replay", "--dialog", str(dialog), "--update", "transcripts", cwd=workspace)
    assert proc.returncode == 0, proc.stdout
    proc = intake("replay", "--dialog", str(dialog), "transcripts", cwd=workspace)
    assert proc.returncode == 0, proc.stdout
    for name, old_data in before.items():
        new = yaml.safe_load((workspace / "transcripts" / name).read_text())
        assert new["title"] == old_data["title"] and new["notes"] == old_data["notes"]
        assert new["expected"]["level"] == "php"


def test_a_changed_question_is_reported_at_its_turn_and_line(workspace: Path, intake) -> None:  # noqa: ANN001
    path = workspace / "transcripts" / "w5-cannabis-most-weekends-just.yaml"
    text = path.read_text()
    path.write_text(text.replace("- question: age_group", "- question: how_old", 1))
    line = next(i for i, row in enumerate(path.read_text().splitlines(), 1) if "how_old" in row)
    proc = intake("replay", str(path), cwd=workspace)
    assert proc.returncode == 1
    assert f"transcripts/{path.name}:{line}: turn 3: a different question is asked" in proc.stdout
    assert "expected: how_old" in proc.stdout and "actual:   age_group" in proc.stdout


def test_strict_compares_the_text_shown(workspace: Path, intake) -> None:  # noqa: ANN001
    path = workspace / "transcripts" / "w5-cannabis-most-weekends-just.yaml"
    path.write_text(path.read_text().replace("shown: How old are you?", "shown: What is your age?", 1))
    assert intake("replay", str(path), cwd=workspace).returncode == 0
    proc = intake("replay", "--strict", str(path), cwd=workspace)
    assert proc.returncode == 1 and "the text shown changed" in proc.stdout
    assert "expected: What is your age?" in proc.stdout and "actual:   How old are you?" in proc.stdout


def test_record_from_the_plain_mode(tmp_path: Path, intake) -> None:  # noqa: ANN001
    out = tmp_path / "recorded.yaml"
    lines = "\n".join(["1", "me", "banana", "2", "weed", "back", "weed", "weekends", "no", "none", "no", "never",
                       "family", "yes", "school", "yes", "no", "1", "cut down", "no preference"]) + "\n"
    proc = intake("chat", "--plain", "--record", str(out), stdin=lines)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    data = yaml.safe_load(out.read_text())
    assert data["mode"] == "plain" and data["expected"]["level"] == "iop"
    assert {"question": "other_freq", "command": "back"} in data["turns"]
    assert intake("replay", str(out)).returncode == 0

    again = intake("chat", "--plain", "--record", str(out), stdin="1\n")
    assert again.returncode == 2 and "already exists; use --force" in again.stderr
    assert yaml.safe_load(out.read_text()) == data
    forced = intake("chat", "--plain", "--record", str(out), "--force", stdin="1\n")
    assert forced.returncode == 0 and yaml.safe_load(out.read_text())["expected"]["level"] is None


def test_replay_via_the_tui(intake) -> None:  # noqa: ANN001
    proc = intake("replay", "--via", "tui", "transcripts/crisis-withdrawal-typed-not-safe.yaml")
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.strip().splitlines()[-1] == "1 passed, 0 failed"


def test_pytest_plugin_reports_the_diff_and_updates(workspace: Path, pytester: pytest.Pytester) -> None:
    """The plugin in a pytest run of its own (in this process: `pytester`)."""
    folder = workspace / "transcripts"
    for path in folder.glob("*.yaml"):
        if path.name not in ("w6-finished-a-28-day-residential.yaml", "w7-three-years-sober-drinking.yaml"):
            path.unlink()
    w6 = folder / "w6-finished-a-28-day-residential.yaml"
    w6.write_text(w6.read_text().replace("  level: iop", "  level: residential", 1))
    shutil.copytree(workspace, pytester.path, dirs_exist_ok=True)
    args = ["-q", "-p", "no:cacheprovider", "-p", "no:asyncio", "-o", "intake_transcripts=true", "transcripts"]
    run = pytester.runpytest_inprocess(*args)
    assert run.ret == 1, run.outlines
    run.assert_outcomes(failed=1, passed=1)
    out = run.stdout.str()
    assert "outcome level" in out and "expected: residential" in out
    assert "Traceback" not in out
    assert pytester.runpytest_inprocess(*args, "--update-transcripts").ret == 0
    run = pytester.runpytest_inprocess(*args)
    assert run.ret == 0
    run.assert_outcomes(passed=2)


@pytest.mark.parametrize("key, value", [("dialog", "other"), ("dialog_version", 99), ("locale", "es")])
def test_a_transcript_for_another_dialog_version_or_locale_is_refused_with_one_line(tmp_path: Path, key: str,
                                                                                    value: object,
                                                                                    intake) -> None:  # noqa: ANN001
    data = yaml.safe_load((ROOT / "transcripts" / "w5-cannabis-most-weekends-just.yaml").read_text())
    data[key] = value
    path = tmp_path / "elsewhere.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    proc = intake("replay", str(path))
    assert proc.returncode == 2
    line = next(line for line in proc.stdout.splitlines() if "elsewhere.yaml" in line)
    assert f"recorded with {key} {value!r}" in line and "Traceback" not in proc.stderr


@pytest.mark.parametrize("ini, collected", [("", 0), ("[pytest]\nintake_transcripts = true\n", 1)],
                         ids=["another project", "opted in"])
def test_the_plugin_collects_transcripts_only_where_a_project_asks(pytester: pytest.Pytester, ini: str,
                                                                  collected: int) -> None:
    """The plugin is installed for every project in the environment; only ours opts in."""
    (pytester.path / "transcripts").mkdir()
    shutil.copy(CORPUS / "caregiver-evening.yaml", pytester.path / "transcripts")
    (pytester.path / "pytest.ini").write_text(ini or "[pytest]\n")
    run = pytester.runpytest_inprocess("--collect-only", "-q", "-p", "no:cacheprovider", "-p", "no:asyncio")
    found = [line for line in run.outlines if "caregiver-evening.yaml" in line]
    assert len(found) == collected, run.outlines


def test_update_keeps_hand_written_comments_and_the_file_mode(tmp_path: Path, engine: Engine) -> None:
    from chatbot.replay import update

    text = (CORPUS / "caregiver-evening.yaml").read_text()
    data = yaml.safe_load(text)
    stale_shown = data["turns"][2]["shown"]
    stale_level = data["expected"]["level"]
    text = text.replace(f"level: {stale_level}\n", "level: outpatient\n", 1)
    text = text.replace(str(stale_shown)[:30], "An old wording of the question ", 1)
    lines = text.splitlines()
    third = [i for i, line in enumerate(lines) if line.startswith("- question:")][2]
    lines.insert(third, "# the parent answers in her own words from here on")
    answer = next(i for i in range(third + 1, len(lines)) if lines[i].startswith("  answer:"))
    lines[answer] += "  # the reader must take this as a range"
    lines.insert(0, "# Walked by Dana, March")
    lines.insert(lines.index("expected:"), "# level checked with the clinical lead")
    path = tmp_path / "caregiver.yaml"
    path.write_text("\n".join(lines) + "\n# end of file note\n")
    path.chmod(0o644)

    assert update(engine, path)
    new = path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert yaml.safe_load(new)["expected"]["level"] == stale_level
    assert "An old wording" not in new
    new_lines = new.splitlines()
    assert new_lines[0] == "# Walked by Dana, March"
    at = new_lines.index("# the parent answers in her own words from here on")
    assert new_lines[at + 1] == f"- question: {data['turns'][2]['question']}"
    assert any(line.startswith("  answer:") and line.endswith("  # the reader must take this as a range")
               for line in new_lines)
    assert new_lines[new_lines.index("# level checked with the clinical lead") + 1] == "expected:"
    assert new_lines[-1] == "# end of file note"


def test_a_comment_whose_key_is_gone_moves_to_the_next_one() -> None:
    from chatbot.yamlcomments import carry_comments

    old = "a: 1\n# about b\nb: 2  # two\nc: |\n  # not a comment\n  text\n"
    new = "a: 1\nc: |\n  # not a comment\n  text\n"
    assert carry_comments(old, new) == "a: 1\n# about b\n# two\nc: |\n  # not a comment\n  text\n"


def test_a_replay_through_the_app_traces_what_the_engine_replay_traces(engine) -> None:  # noqa: ANN001
    """Coverage can count app replays: the trace comes from the turns, whichever front end sent the answers."""
    import asyncio

    from chatbot.replay import replay
    from chatbot.transcript import load
    from chatbot.tui.drive import replay_tui

    transcript, source = load(CORPUS / "crisis-midway-then-continues.yaml")
    by_engine = replay(engine, transcript, source)
    by_app = asyncio.run(replay_tui(engine, transcript, source))
    assert by_engine.passed and by_app.passed, by_app.report()
    assert by_app.via == "tui" and by_app.label.endswith("(via tui)")
    assert by_app.trace == by_engine.trace
    assert by_app.trace.transitions and by_app.trace.crisis


@pytest.mark.parametrize("change", ["a confirmation no longer asked", "a confirmation asked now"])
def test_update_keeps_answers_with_their_questions_when_confirmations_come_and_go(
        tmp_path: Path, engine: Engine, change: str) -> None:
    from chatbot.replay import replay, update
    from chatbot.transcript import load

    original = CORPUS / "own-words-daily-drinker.yaml"
    data = yaml.safe_load(original.read_text())
    turns = data["turns"]
    confirm = next(i for i, t in enumerate(turns) if t["question"] == "confirm")
    if change == "a confirmation no longer asked":
        # as if the reader used to confirm the answer before "safety_now"'s: a yes now left over
        turns.insert(1, {"question": "confirm", "shown": "Just to check. Safe right now: Yes. Is that right?",
                         "answer": "yes"})
    else:
        del turns[confirm]  # as if the reader used to take "im 52" without asking
    path = tmp_path / "drinker.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))

    assert update(engine, path)
    updated, source = load(path)
    result = replay(engine, updated, source)
    assert not result.mismatches, result.mismatches
    assert [t.answer for t in updated.turns if t.question != "confirm"] == [
        t["answer"] for t in yaml.safe_load(original.read_text())["turns"] if t["question"] != "confirm"]
    assert updated.expected.level == yaml.safe_load(original.read_text())["expected"]["level"]
