"""Score how a reply to "Is that right?" is read (tests/data/confirms/).

Each context is a question and a first answer whose reading the Session puts to the person
("Just to check. Age: 18 to 64. Is that right?"); each reply is then read by a real Session,
as it would be in the app. A reply is counted as
- correct: "yes" kept the reading, "no" asked the question again, a corrected answer was read
  as that answer (taken, or itself put to the person), "ask" was asked about again;
- reasked: asked again where the reply said yes, no or an answer;
- misread: taken as something it did not say: a reading kept that the person refused, a
  refusal of a reading they agreed to, or a different answer read.
`python -m tests.confirm_corpus` prints the figures of each part; `--show-tuning` also lists
the tuning part's failures (never the held-out part's, which must not be tuned on).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from chatbot.engine import Engine

DATA = Path(__file__).resolve().parent / "data" / "confirms"
PARTS = ("tuning", "tuning2", "heldout")


@dataclass(frozen=True)
class Scored:
    question: str
    say: str
    expect: object
    got: object  # "yes", "no", "ask" or the answer read
    verdict: str  # correct | reasked | misread


def load(part: str) -> list[dict[str, Any]]:
    return yaml.safe_load((DATA / f"{part}.yaml").read_text(encoding="utf-8"))


def reply(engine: Engine, qid: str, typed: str, other: bool, say: str) -> object:
    """What a Session made of `say` at the check of `typed`: "yes", "no", "ask" or a value."""
    session = engine.session()
    session.start()
    if other:
        session.answers["for_whom"] = "other"
    session.state = qid
    first = session.answer(typed)
    assert first.kind == "confirm", f"{qid}: {typed!r} is not put to the person ({first.kind})"
    assert session._pending is not None
    reading = session._pending[1].value
    turn = session.answer(say)
    try:
        if session._pending is not None and session._pending[0] == qid:
            new = session._pending[1].value  # a new reading, put to the person in turn
            return "ask" if new == reading else new
        if qid in session.answers:
            return "yes" if session.answers[qid] == reading and session.state != qid else session.answers[qid]
        if turn.kind == "question" and turn.message == engine.dialog.s("confirm_again"):
            return "no"
        return "ask"
    finally:
        session.close()


def _same(expect: object, got: object) -> bool:
    if isinstance(expect, list):
        return isinstance(got, tuple) and set(got) == set(expect)
    return got == expect


def score(engine: Engine, part: str) -> list[Scored]:
    out = []
    for context in load(part):
        qid, typed, other = context["question"], str(context["typed"]), context.get("for") == "other"
        for item in context["replies"]:
            expect, say = item["expect"], str(item["say"])
            got = reply(engine, qid, typed, other, say)
            if _same(expect, got):
                verdict = "correct"
            elif got == "ask":
                verdict = "reasked"
            elif expect == "ask" or (expect not in ("yes", "no") and got == "no"):
                verdict = "reasked"  # asked again, in other words: nothing taken
            else:
                verdict = "misread"
            out.append(Scored(qid, say, expect, got, verdict))
    return out


def figures(scored: list[Scored]) -> dict[str, int]:
    counts = Counter(s.verdict for s in scored)
    return {"replies": len(scored), "correct": counts["correct"], "reasked": counts["reasked"],
            "misread": counts["misread"]}


def main() -> None:
    from chatbot.engine import engine_for

    engine = engine_for()
    show = sys.argv[1:] == ["--show-tuning"]
    for part in PARTS:
        scored = score(engine, part)
        f = figures(scored)
        n = f["replies"]
        print(f"{part:8} {n:4} replies: correct {f['correct']} ({100 * f['correct'] / n:.1f}%), "
              f"re-asked {f['reasked']} ({100 * f['reasked'] / n:.1f}%), "
              f"misread {f['misread']} ({100 * f['misread'] / n:.1f}%)")
        by_kind = Counter(str(s.expect) if s.expect in ("yes", "no", "ask") else "answer" for s in scored)
        right = Counter(str(s.expect) if s.expect in ("yes", "no", "ask") else "answer"
                        for s in scored if s.verdict == "correct")
        print("  correct by kind: " + ", ".join(f"{k} {right[k]}/{by_kind[k]}" for k in sorted(by_kind)))
        if show and part != "heldout":  # never the held-out part: it must not be tuned on
            for s in scored:
                if s.verdict != "correct":
                    print(f"  {s.verdict:8} {s.question:18} {s.say!r} expect {s.expect!r} got {s.got!r}")


if __name__ == "__main__":
    main()
