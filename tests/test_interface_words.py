"""The app's own words come from the locale's `interface:` block: none is hard-coded in tui/,
every word there is used, and a translation's words are what the screens show."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import yaml

from chatbot.engine import engine_for
from chatbot.language import Interface
from chatbot.tui.app import IntakeApp
from tui_helpers import footer_text, log_lines, start, type_answer

ROOT = Path(__file__).resolve().parent.parent
TUI = ROOT / "chatbot" / "tui"
WORDS = set(Interface.model_fields)


def literals() -> set[str]:
    found: set[str] = set()
    for path in TUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_word_the_app_names_exists_and_every_word_is_used() -> None:
    named = {s for s in literals() if s.startswith(("key_", "help_", "welcome_keys")) and " " not in s} - {"key_"}
    assert named <= WORDS, named - WORDS
    assert literals() >= WORDS, WORDS - literals()          # no word in the file that nothing shows


async def test_a_translation_s_words_are_what_the_app_shows(tmp_path: Path) -> None:
    shutil.copy(ROOT / "dialogs" / "intake.yaml", tmp_path / "intake.yaml")
    shutil.copy(ROOT / "dialogs" / "crisis_model.tsv", tmp_path / "crisis_model.tsv")
    language = yaml.safe_load((ROOT / "dialogs" / "language" / "en.yaml").read_text(encoding="utf-8"))
    language["interface"] = {key: f"<{key}>" + ("{" + "}{".join(_fields(text)) + "}" if _fields(text) else "")
                             for key, text in language["interface"].items()}
    (tmp_path / "language").mkdir()
    (tmp_path / "language" / "en.yaml").write_text(yaml.safe_dump(language, allow_unicode=True), encoding="utf-8")
    engine = engine_for(tmp_path / "intake.yaml")
    app = IntakeApp(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert str(app.screen.query_one("#start").label) == "<start>"
        await start(pilot)
        assert "<key_back>" in footer_text(app) and "<key_help>" in footer_text(app)
        assert app.screen.query_one("#free").placeholder == "<type_or_pick>"
        assert any(line.startswith("█ <speaker_bot>: ") for line in log_lines(app))
        await type_answer(pilot, "i want to die")
        assert app.screen.query_one("#crisis-input").placeholder == "<crisis_placeholder>"
        assert str(app.screen.query_one("#crisis-no").label) == "<crisis_need_help>"


def _fields(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]
