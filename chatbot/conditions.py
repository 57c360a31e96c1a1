"""Evaluate dialog conditions against the answers so far.

An unanswered slot makes every test false except `unanswered`: a branch or rule never
fires on something the person was not asked.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

from .spec import UNKNOWN, Condition

AnswerValue = str | int | tuple[str, ...]


def _leaf(cond: Condition, answers: Mapping[str, AnswerValue]) -> bool:
    op, want, slot = cond.op, cond.value, cond.slot
    present = slot in answers
    if op == "answered":
        return present
    if op == "unanswered":
        return not present
    if slot is None or not present:  # a slot test always names its slot (spec.Condition)
        return False
    got = answers[slot]
    if op == "eq":
        return got == want
    if op == "ne":
        return got != want
    if op == "in":
        return got in want  # type: ignore[operator]  # a list: dialogs.Checker refuses a scalar for in
    if op == "not_in":
        return got not in want  # type: ignore[operator]  # a list, as for in
    if op == "includes":
        return isinstance(got, tuple) and want in got
    if op == "includes_any":
        return isinstance(got, tuple) and any(v in got for v in want)  # type: ignore[union-attr]  # a list, as for in
    if op == "excludes":
        return isinstance(got, tuple) and want not in got
    if isinstance(got, (int, float)) and isinstance(want, (int, float)):
        if op == "gt":
            return got > want
        if op == "ge":
            return got >= want
        if op == "lt":
            return got < want
        if op == "le":
            return got <= want
    return False


def holds(cond: Condition, answers: Mapping[str, AnswerValue], fired: Collection[str] = ()) -> bool:
    """True when the condition holds for these answers and rules fired so far.

    An answer nobody knew ("I don't know" for someone else) makes a test unknown, not
    false: `not` of an unknown stays unknown, so no rule or branch fires on it.
    """
    return _holds(cond, answers, fired) is True


def _holds(cond: Condition, answers: Mapping[str, AnswerValue], fired: Collection[str]) -> bool | None:
    if cond.slot is not None:
        if answers.get(cond.slot) == UNKNOWN and cond.op not in ("answered", "unanswered"):
            return None
        return _leaf(cond, answers)
    if cond.all is not None:
        parts = [_holds(c, answers, fired) for c in cond.all]
        return False if False in parts else None if None in parts else True
    if cond.any is not None:
        parts = [_holds(c, answers, fired) for c in cond.any]
        return True if True in parts else None if None in parts else False
    if cond.not_ is not None:
        inner = _holds(cond.not_, answers, fired)
        return None if inner is None else not inner
    return cond.rule in fired


def rule_slots(cond: Condition, rules: Mapping[str, Condition]) -> Iterator[str]:
    """Every slot a condition reads, through the rules it refers to."""
    if cond.slot is not None:
        yield cond.slot
    for sub in (cond.all or []) + (cond.any or []) + ([cond.not_] if cond.not_ is not None else []):
        yield from rule_slots(sub, rules)
    if cond.rule is not None and cond.rule in rules:
        yield from rule_slots(rules[cond.rule], rules)


def true_slots(cond: Condition, answers: Mapping[str, AnswerValue], fired: Collection[str] = ()) -> Iterator[str]:
    """Slots of the positive tests that made this condition true: the answers worth quoting."""
    if cond.slot is not None:
        if cond.op != "unanswered" and _leaf(cond, answers):
            yield cond.slot
    elif cond.all is not None:
        for c in cond.all:
            yield from true_slots(c, answers, fired)
    elif cond.any is not None:
        for c in cond.any:
            if holds(c, answers, fired):
                yield from true_slots(c, answers, fired)


def leaves(cond: Condition) -> Iterator[Condition]:
    """Every test on a slot inside a condition, under all, any and not alike."""
    if cond.slot is not None:
        yield cond
    for sub in (cond.all or []) + (cond.any or []) + ([cond.not_] if cond.not_ is not None else []):
        yield from leaves(sub)


def slots_of(cond: Condition) -> Iterator[str]:
    """Every slot a condition reads, for validation and the graph."""
    return (leaf.slot for leaf in leaves(cond) if leaf.slot is not None)


def describe(cond: Condition) -> str:
    """A short readable form, for the Mermaid graph and error messages."""
    if cond.slot is not None:
        if cond.op in ("answered", "unanswered"):
            return f"{cond.slot} {cond.op}"
        value = cond.value
        if isinstance(value, list):
            value = "[" + ", ".join(str(v) for v in value) + "]"
        return f"{cond.slot} {cond.op} {value}"
    if cond.all is not None:
        return " and ".join(_wrap(c) for c in cond.all)
    if cond.any is not None:
        return " or ".join(_wrap(c) for c in cond.any)
    if cond.not_ is not None:
        return f"not {_wrap(cond.not_)}"
    return f"rule {cond.rule}"


def _wrap(cond: Condition) -> str:
    text = describe(cond)
    return f"({text})" if cond.all is not None or cond.any is not None else text
