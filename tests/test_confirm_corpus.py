"""Replies to "Is that right?" (tests/data/confirms/): how well a check's answer is understood.

People agree with a reading read back to them in their own words ("thats right", "yep thats
him", "yeah, 34") and refuse or correct it the same way ("not quite", "no, more like 4").
The tuning parts are what the reader was developed against; the held-out part was written
sealed, from the checks alone, and is never tuned on: only its figures are printed.
Before this reader (the first yes or no word only): tuning 59.1% read as expected, 1.8%
misread; held-out 47.4% and 9.7%.
"""

from __future__ import annotations

import pytest

from chatbot.engine import Engine
from confirm_corpus import figures, load, score

TUNING = ("tuning", "tuning2")
# floors against sliding back, below what the held-out part measured when it was first read
# (90.9% read as expected, 1.3% misread)
HELD_OUT_FLOOR_CORRECT = 0.88
HELD_OUT_CEILING_MISREAD = 0.02


def test_every_context_is_a_real_check_and_a_third_is_held_out(engine: Engine) -> None:
    sizes = {part: sum(len(c["replies"]) for c in load(part)) for part in (*TUNING, "heldout")}
    assert sizes["heldout"] * 3 >= sum(sizes.values()), sizes
    for part in sizes:
        for context in load(part):
            assert context["question"] in engine.critical, context["question"]


@pytest.mark.parametrize("part", TUNING)
def test_no_tuning_reply_is_misread(engine: Engine, part: str) -> None:
    scored = score(engine, part)
    misread = [s for s in scored if s.verdict == "misread"]
    assert not misread, "\n".join(f"{s.question}: {s.say!r} read as {s.got!r}, expected {s.expect!r}"
                                  for s in misread)
    f = figures(scored)
    assert f["correct"] / f["replies"] >= 0.9, f


def test_held_out_figures(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    f = figures(score(engine, "heldout"))
    n = f["replies"]
    line = (f"confirms heldout: {n} replies, {f['correct'] / n:.1%} read as expected, "
            f"{f['reasked'] / n:.1%} asked again, {f['misread'] / n:.1%} misread")
    # counts only: the held-out failures themselves are never shown
    assert f["correct"] / n >= HELD_OUT_FLOOR_CORRECT, line
    assert f["misread"] / n <= HELD_OUT_CEILING_MISREAD, line
    with capsys.disabled():
        print("\n" + line)
