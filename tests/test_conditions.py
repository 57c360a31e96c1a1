"""Conditions are data: every operator, nesting, rule references, and unanswered slots."""

from __future__ import annotations

import pytest

from chatbot.conditions import describe, holds, slots_of, true_slots
from chatbot.spec import Condition

ANSWERS = {"days": 5, "subs": ("alcohol", "benzos"), "home": "alone", "ok": "yes"}


def c(**kw: object) -> Condition:
    return Condition.model_validate(kw)


@pytest.mark.parametrize("cond, expected", [
    ({"slot": "days", "op": "eq", "value": 5}, True),
    ({"slot": "days", "op": "ne", "value": 5}, False),
    ({"slot": "days", "op": "gt", "value": 4}, True),
    ({"slot": "days", "op": "gt", "value": 5}, False),
    ({"slot": "days", "op": "ge", "value": 5}, True),
    ({"slot": "days", "op": "lt", "value": 5}, False),
    ({"slot": "days", "op": "le", "value": 5}, True),
    ({"slot": "home", "op": "in", "value": ["alone", "shelter"]}, True),
    ({"slot": "home", "op": "not_in", "value": ["alone"]}, False),
    ({"slot": "subs", "op": "includes", "value": "benzos"}, True),
    ({"slot": "subs", "op": "includes", "value": "opioids"}, False),
    ({"slot": "subs", "op": "includes_any", "value": ["opioids", "alcohol"]}, True),
    ({"slot": "subs", "op": "excludes", "value": "opioids"}, True),
    ({"slot": "ok", "op": "answered"}, True),
    ({"slot": "missing", "op": "unanswered"}, True),
])
def test_operators(cond: dict, expected: bool) -> None:
    assert holds(c(**cond), ANSWERS) is expected


@pytest.mark.parametrize("op, value", [("eq", "x"), ("ne", "x"), ("not_in", ["x"]), ("excludes", "x"),
                                       ("gt", 0), ("lt", 100)])
def test_an_unanswered_slot_never_fires_a_test(op: str, value: object) -> None:
    assert holds(c(slot="missing", op=op, value=value), ANSWERS) is False


def test_all_any_not_and_rule() -> None:
    cond = c(all=[{"any": [{"slot": "days", "op": "ge", "value": 7}, {"slot": "ok", "op": "eq", "value": "yes"}]},
                  {"not": {"slot": "home", "op": "eq", "value": "shelter"}},
                  {"rule": "earlier"}])
    assert holds(cond, ANSWERS, {"earlier"})
    assert not holds(cond, ANSWERS, set())


def test_true_slots_name_only_the_answers_that_made_it_true() -> None:
    cond = c(any=[{"slot": "days", "op": "ge", "value": 7}, {"slot": "subs", "op": "includes", "value": "benzos"}])
    assert list(true_slots(cond, ANSWERS)) == ["subs"]


def test_slots_and_description() -> None:
    cond = c(all=[{"slot": "days", "op": "ge", "value": 5}, {"not": {"slot": "home", "op": "in", "value": ["a", "b"]}}])
    assert list(slots_of(cond)) == ["days", "home"]
    assert describe(cond) == "days ge 5 and not home in [a, b]"


@pytest.mark.parametrize("bad", [
    {},
    {"slot": "days"},
    {"slot": "days", "op": "eq"},
    {"slot": "days", "op": "eq", "value": 1, "rule": "x"},
    {"all": []},
    {"op": "eq", "value": 1},
])
def test_malformed_conditions_are_rejected(bad: dict) -> None:
    with pytest.raises(ValueError):
        Condition.model_validate(bad)
