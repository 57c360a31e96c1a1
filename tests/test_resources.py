"""Every phone number the dialog shows is one of CLINICAL.md's, shown exactly as there."""

from __future__ import annotations

import re
from pathlib import Path

from chatbot.engine import Engine
from chatbot.strings import string_table

ROOT = Path(__file__).resolve().parent.parent
# CLINICAL.md section 3, verbatim: the only numbers a person may be shown.
ALLOWED = {"911", "988", "741741", "1-800-662-4357", "1-800-487-4889"}


def numbers_in(text: str) -> set[str]:
    found = set()
    for match in re.finditer(r"\b1-\d{3}-\d{3}-\d{4}\b|\(\d{3}\)\s*\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b|\b\d{3,}\b",
                             text):
        found.add(match.group())
    return found


def all_user_strings(engine: Engine) -> list[str]:
    return list(string_table(engine.dialog.spec).values())


def test_every_number_shown_is_an_allowed_one(engine: Engine) -> None:
    shown = set().union(*(numbers_in(t) for t in all_user_strings(engine)))
    # numbers that are not phone numbers: ages, hours, days, drink counts, "24/7", "28 days"
    not_phones = {n for n in shown if len(n) <= 3 and n not in {"911", "988"}}
    assert shown - not_phones <= ALLOWED, sorted(shown - not_phones - ALLOWED)


def test_crisis_resources_are_exactly_as_in_clinical(engine: Engine) -> None:
    text = " ".join(r.text for r in engine.dialog.spec.safety.resources)
    for exact in ("911", "call or text 988", "988lifeline.org", "Press 1 for veterans", "press 2 for Spanish",
                  "text HOME to 741741", "1-800-662-4357", "TTY 1-800-487-4889"):
        assert exact in text


def test_no_seed_page_phone_numbers_leak_in(engine: Engine) -> None:
    seeds = ROOT.parent / "shared" / "seeds"
    commercial = set()
    for seed in seeds.glob("*.txt") if seeds.is_dir() else []:
        commercial |= {n for n in numbers_in(seed.read_text(errors="replace")) if "-" in n or "(" in n}
    shown = set().union(*(numbers_in(t) for t in all_user_strings(engine)))
    assert not (shown & (commercial - ALLOWED))


def test_every_user_visible_string_has_a_key(engine: Engine) -> None:
    table = string_table(engine.dialog.spec)
    spec = engine.dialog.spec
    assert table["questions.age_group.text_other"] == "How old are they?"
    assert table["questions.substances.options.alcohol.label"] == "Alcohol"
    assert table["strings.welcome"] == spec.strings["welcome"]
    expected = (len(spec.questions) + sum(len(q.options) for q in spec.questions) + len(spec.rules)
                + len(spec.next_steps) + len(spec.strings) + len(spec.checklist))
    assert len(table) > expected
