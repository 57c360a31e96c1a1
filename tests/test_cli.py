"""The command line: fast help, graph output, and bad files named without a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=60, **kw)


def test_help_does_not_import_textual() -> None:
    code = ("import sys, contextlib, io\n"
            "from chatbot.cli import main\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['--help'])\n"
            "print('textual' in sys.modules)\n")
    proc = run("-c", code)
    assert proc.stdout.strip() == "False", proc.stderr


def test_help_lists_the_commands() -> None:
    proc = run("-m", "chatbot", "--help")
    assert proc.returncode == 0
    for command in ("chat", "validate", "graph"):
        assert command in proc.stdout


def test_validate_shipped_dialog() -> None:
    proc = run("-m", "chatbot", "validate")
    assert proc.returncode == 0
    assert "dialogs/intake.yaml: ok" in proc.stdout


def test_graph_is_mermaid_with_sections_and_every_question(engine) -> None:  # noqa: ANN001
    proc = run("-m", "chatbot", "graph")
    assert proc.returncode == 0
    out = proc.stdout
    assert out.startswith("stateDiagram-v2")
    assert 'state "Safety" as section_safety {' in out
    assert "[*] --> safety_now" in out
    assert "support_groups --> [*]" in out
    for qid in engine.dialog.questions:
        assert f"        {qid}\n" in out
    assert "substances --> alcohol_days : substances includes alcohol" in out


def test_chat_with_a_broken_dialog_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("dialog: [\n")
    proc = run("-m", "chatbot", "chat", "--plain", "--dialog", str(bad), input="")
    assert proc.returncode == 2
    assert "bad.yaml:" in proc.stderr and "not valid YAML" in proc.stderr
    assert "Traceback" not in proc.stderr
