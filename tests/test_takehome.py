"""The kiosk's take-home lines: the level and the help numbers always, the rest as room allows."""

from __future__ import annotations

from chatbot.engine import Engine
from chatbot.takehome import fit, takehome_lines
from worked_examples import EXAMPLES


def _result(engine: Engine, name: str):  # noqa: ANN202 - a Recommendation
    with engine.session() as session:
        for answer in next(e for e in EXAMPLES if e.name == name).answers:
            session.answer(answer)
        assert session.result is not None
        return session.result


def test_lines_say_the_level_the_help_numbers_and_why(engine: Engine) -> None:
    lines = takehome_lines(engine.dialog, _result(engine, "W1"))
    assert lines[0] == "Suggested: Supervised detox, then Intensive outpatient (IOP)"
    assert "988" in lines[1] and "1-800-662-4357" in lines[1]
    assert lines[2] == "Why: Do not stop suddenly on your own."  # a reason in one line: its first sentence
    assert lines[-1].startswith("A screening, not a diagnosis")


def test_what_does_not_fit_goes_from_the_reasons_first(engine: Engine) -> None:
    lines = ["level", "help", "why 1", "why 2", "reminder"]
    assert fit(lines, lambda text: True) == "level\nhelp\nwhy 1\nwhy 2\nreminder"
    assert fit(lines, lambda text: len(text) <= 27) == "level\nhelp\nwhy 1\nreminder"
    assert fit(lines, lambda text: len(text) <= 19) == "level\nhelp\nreminder"
    assert fit(lines, lambda text: len(text) <= 10) == "level\nhelp"
    assert fit(lines, lambda text: len(text) <= 5) is None  # not even the level and the numbers: no code
