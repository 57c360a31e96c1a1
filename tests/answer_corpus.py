"""Score the answer reader on the natural-answer corpus (tests/data/answers/).

Each answer is read as it would be at its question (for someone else when marked so) and
counted as correct, re-asked (a question back when a reading was expected) or misread (a
reading other than the expected one, or a reading where a person would ask); a misread is
silent when it would go in without the person being asked to confirm it first.
`python -m tests.answer_corpus` prints the figures for both parts, and re-asks per question.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from chatbot.answers import Parser
from chatbot.dialogs import LoadedDialog

DATA = Path(__file__).resolve().parent / "data" / "answers"
# held-out parts are never used to tune
PARTS = ("tuning", "tuning2", "tuning3", "tuning4", "tuning5", "tuning6", "tuning7", "tuning8", "tuning9",
         "tuning10", "tuning11", "tuning12", "tuning13", "tuning14", "tuning15", "tuning16", "tuning17", "tuning18",
         "tuning19", "tuning20", "tuning21", "tuning22", "tuning23", "tuning24", "tuning25", "tuning26", "tuning27",
         "tuning28", "tuning29", "tuning30", "tuning31", "tuning32", "tuning33", "tuning34", "tuning35", "tuning36",
         "tuning37", "tuning38", "tuning39", "tuning40", "tuning41",
         "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout8", "heldout9", "heldout10",
         "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18",
         "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "heldout24", "heldout25",
         "heldout26", "heldout27", "heldout28", "heldout29", "heldout30", "heldout31", "heldout32", "heldout33",
         "heldout34", "heldout35", "heldout36", "heldout37", "heldout38", "heldout39", "heldout40", "heldout41",
         "heldout42")


@dataclass(frozen=True)
class Scored:
    question: str
    say: str
    other: bool
    expect: object
    got: object  # the value read, or "ask"
    verdict: str  # correct | reasked | misread
    confirmed: bool = False  # the reading would be put to the person ("Just to check") before it counts


def load(part: str) -> dict[str, list[dict[str, object]]]:
    return yaml.safe_load((DATA / f"{part}.yaml").read_text(encoding="utf-8"))


def _matches(kind: str, expect: object, got: object) -> bool:
    if kind == "multi" and isinstance(expect, list):
        return isinstance(got, tuple) and set(got) == set(expect)
    if kind == "number" and isinstance(expect, list):
        return isinstance(got, int) and expect[0] <= got <= expect[1]
    return got == expect


def score(dialog: LoadedDialog, parser: Parser, part: str, critical: frozenset[str] = frozenset()) -> list[Scored]:
    out = []
    for qid, answers in load(part).items():
        question = dialog.questions[qid]
        for item in answers:
            other = item.get("for") == "other"
            parsed = parser.parse(question, str(item["say"]), other=other)
            got: object = "ask" if parsed.reask is not None else parsed.value
            expect = item["expect"]
            if _matches(question.kind, expect, got):
                verdict = "correct"
            elif got == "ask":
                verdict = "reasked"
            else:
                verdict = "misread"
            confirmed = parsed.reask is None and parsed.inferred and qid in critical and got != "unknown"
            out.append(Scored(qid, str(item["say"]), other, expect, got, verdict, confirmed))
    return out


def figures(scored: list[Scored]) -> dict[str, int]:
    counts = Counter(s.verdict for s in scored)
    return {"answers": len(scored), "correct": counts["correct"], "reasked": counts["reasked"],
            "misread": counts["misread"],
            "misread_unconfirmed": sum(1 for s in scored if s.verdict == "misread" and not s.confirmed)}


def main() -> None:
    from chatbot.engine import engine_for

    engine = engine_for()
    show = sys.argv[1:] == ["--show-tuning"]
    for part in PARTS:
        scored = score(engine.dialog, engine.parser, part, engine.critical)
        f = figures(scored)
        n = f["answers"]
        print(f"{part:8} {n:4} answers: correct {f['correct']} ({100 * f['correct'] / n:.1f}%), "
              f"re-asked {f['reasked']} ({100 * f['reasked'] / n:.1f}%), "
              f"misread {f['misread']} ({100 * f['misread'] / n:.1f}%; "
              f"{f['misread_unconfirmed']} of them silently, not put to the person first)")
        per_q = Counter(s.question for s in scored if s.verdict == "reasked")
        total = Counter(s.question for s in scored)
        print("  re-asks per question: " + ", ".join(f"{q} {per_q[q]}/{total[q]}" for q in total if per_q[q]))
        if show and not part.startswith("heldout"):  # never for held-out parts: they must not be tuned on
            for s in scored:
                if s.verdict != "correct":
                    print(f"  {s.verdict:8} {s.question:20} {'(other) ' if s.other else ''}{s.say!r}"
                          f" expect {s.expect!r} got {s.got!r}")


if __name__ == "__main__":
    main()
