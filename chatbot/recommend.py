"""Rules -> an explained recommendation.

The highest floor wins (ASAM: the dimension of greatest need drives placement); a
withdrawal-management level is a first step followed by treatment; alternatives (lighter
or heavier) are offered only where they stay at or above every other rule's floor. Deterministic: the
same answers always give the same result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel

from .conditions import AnswerValue, holds, true_slots
from .dialogs import LoadedDialog
from .spec import CHECK_IN_SLOT, CRISIS_SLOT, UNKNOWN, CrisisKind, Level, Question, Rule


class LevelView(BaseModel):
    id: str
    name: str
    involves: str
    asam: str


class ModifierView(BaseModel):
    id: str
    name: str
    text: str


class Quote(BaseModel):
    question: str
    asked: str
    answer: str


class Reason(BaseModel):
    rule: str
    text: str
    quotes: list[Quote]
    floor: str | None
    urgent: bool


class AlternativeView(BaseModel):
    level: LevelView
    modifiers: list[ModifierView]
    when: str


class Recommendation(BaseModel):
    """What the person sees at the end; every front end renders this same object."""

    kind: Literal["plan", "emergency"]
    level: LevelView
    then: LevelView | None
    urgent: bool
    modifiers: list[ModifierView]
    reasons: list[Reason]
    notes: list[Reason]
    alternatives: list[AlternativeView]
    next_steps: list[str]
    checklist: list[str]
    notice: str
    crisis: bool
    crisis_kinds: list[str]
    resources: list[str]
    answers: list[Quote] = []
    # answers nobody knew that could raise the level: "a doctor should ask"
    unknowns: list[str] = []

    @property
    def fired(self) -> list[str]:
        return [r.rule for r in self.reasons + self.notes]


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "\u2014"


def _level(level: Level, other: bool = False) -> LevelView:
    involves = level.involves_other if other and level.involves_other else level.involves
    return LevelView(id=level.id, name=level.name, involves=involves, asam=level.asam)


def _facts(answers: Mapping[str, AnswerValue], crisis_kinds: tuple[str, ...],
           checked_in: tuple[str, ...] = ()) -> dict[str, AnswerValue]:
    facts = dict(answers)
    if crisis_kinds:
        facts[CRISIS_SLOT] = crisis_kinds
    if checked_in:
        facts[CHECK_IN_SLOT] = checked_in
    return facts


def fired_rules(dialog: LoadedDialog, facts: Mapping[str, AnswerValue]) -> list[Rule]:
    """Rules whose conditions hold, in file order; later rules may test earlier ones."""
    fired: list[Rule] = []
    names: set[str] = set()
    for rule in dialog.spec.rules:
        if holds(rule.when, facts, names):
            fired.append(rule)
            names.add(rule.id)
    if any(r.floor for r in fired if not r.only_if_no_other_floor):
        fired = [r for r in fired if not r.only_if_no_other_floor]
    return fired


def leading_level(dialog: LoadedDialog, fired: list[Rule]) -> str:
    """The highest floor among these rules, or the fallback; staff see it change live."""
    rank = dialog.level_rank
    floors = [r.floor for r in fired if r.floor]
    return max(floors, key=rank.__getitem__) if floors else dialog.spec.fallback.level


def recommend(
    dialog: LoadedDialog,
    answers: Mapping[str, AnswerValue],
    quotes: Mapping[str, str],
    crisis_kinds: tuple[str, ...] = (),
    checked_in: tuple[str, ...] = (),
) -> Recommendation:
    spec = dialog.spec
    rank = dialog.level_rank
    facts = _facts(answers, crisis_kinds, checked_in)
    # someone answering for another person is told what *they* can do (other wording, where written)
    other = spec.dialog.other_person_when is not None and holds(spec.dialog.other_person_when, answers)
    fired = fired_rules(dialog, facts)
    names = {r.id for r in fired}
    floored = [r for r in fired if r.floor]

    level_id = leading_level(dialog, fired)
    level = dialog.levels[level_id]
    then_id: str | None = None
    if level.then_at_least is not None:
        others = [r.floor for r in floored if r.floor and dialog.levels[r.floor].then_at_least is None]
        then_id = max([level.then_at_least, *others], key=rank.__getitem__)
    treatment = then_id or level_id
    plan = {level_id, treatment}

    modifiers: list[str] = []
    for rule in fired:
        for mod in rule.modifiers:
            allowed = dialog.modifiers[mod].levels
            if mod not in modifiers and (allowed is None or treatment in allowed):
                modifiers.append(mod)

    alternatives = []
    for rule in fired:
        alt = rule.alternative
        if alt is None or alt.level == level_id:
            continue
        other_floors = [rank[r.floor] for r in floored if r is not rule and r.floor]
        if other_floors and rank[alt.level] < max(other_floors):
            continue
        alternatives.append(AlternativeView(
            level=_level(dialog.levels[alt.level], other),
            modifiers=[_modifier(dialog, m, other) for m in alt.modifiers],
            when=alt.when_other if other and alt.when_other else alt.when,
        ))

    fill = _Blank({k: quotes.get(k, "") for k in answers})
    reasons: list[Reason] = []
    notes: list[Reason] = []
    for rule in fired:
        reason = Reason(
            rule=rule.id,
            text=(rule.explain_other if other and rule.explain_other else rule.explain).format_map(fill),
            quotes=_quotes(dialog, rule, facts, names, quotes, other),
            floor=rule.floor,
            urgent=rule.urgent,
        )
        if rule.floor or rule.modifiers:
            reasons.append(reason)
        elif rule.levels is None or level_id in rule.levels:
            notes.append(reason)
    if not floored:
        reasons.insert(0, Reason(rule="fallback", text=spec.fallback.explain, quotes=[], floor=spec.fallback.level,
                                 urgent=False))

    steps = []
    for step in spec.next_steps:
        if step.when is not None and not holds(step.when, facts, names):
            continue
        lo = rank[step.min_level] if step.min_level else 0
        hi = rank[step.max_level] if step.max_level else len(rank) + 1
        if any(lo <= rank[lv] <= hi for lv in plan):
            steps.append(step.text_other if other and step.text_other else step.text)

    return Recommendation(
        kind="plan",
        level=_level(level, other),
        then=_level(dialog.levels[then_id], other) if then_id else None,
        urgent=any(r.urgent and r.floor == level_id for r in fired),
        modifiers=[_modifier(dialog, m, other) for m in modifiers],
        reasons=reasons,
        notes=notes,
        alternatives=alternatives,
        next_steps=steps,
        checklist=list(spec.checklist),
        notice=spec.strings["notice"],
        crisis=bool(crisis_kinds),
        crisis_kinds=list(crisis_kinds),
        resources=[r.text for r in spec.safety.resources],
        answers=[_quote(dialog, qid, quotes[qid], other) for qid in dialog.questions if qid in quotes],
        unknowns=_unknowns(dialog, facts, level_id, other),
    )


def _unknowns(dialog: LoadedDialog, answers: Mapping[str, AnswerValue], level_id: str,
              other: bool = False) -> list[str]:
    """Each answer nobody knew that, had it been known, could have raised the level: the
    highest level any possible answer to it would lead to, with every other answer as given."""
    rank = dialog.level_rank
    out = []
    for qid, value in answers.items():
        if value != UNKNOWN:
            continue
        question = dialog.questions[qid]
        top = level_id
        for possible in _possible_values(dialog, qid):
            fired = fired_rules(dialog, {**answers, qid: possible})
            could = leading_level(dialog, fired)
            if rank[could] > rank[top]:
                top = could
        if top != level_id:
            out.append(dialog.s("unknown_matters", asked=short_name(question, other),
                                level=dialog.levels[top].name))
    return out


def _possible_values(dialog: LoadedDialog, qid: str) -> list[AnswerValue]:
    question = dialog.questions[qid]
    if question.kind == "number" and question.number is not None:
        return list(range(question.number.min, question.number.max + 1))
    if question.kind == "yes_no":
        return ["yes", "no"]
    if question.kind == "multi":
        return [(o.value,) for o in question.options]
    return [o.value for o in question.options]


def crisis_message(kind: CrisisKind, about_other: bool) -> str:
    """What a crisis screen says: to the person, or about someone else they told of."""
    return kind.message_other if about_other and kind.message_other else kind.message


def emergency(dialog: LoadedDialog, crisis_kinds: tuple[str, ...], about_other: bool = False) -> Recommendation:
    """The result when someone in crisis says they are not safe: get help now, nothing else."""
    spec = dialog.spec
    kinds = [spec.safety.kinds[k] for k in crisis_kinds]
    wanted = {rid for kind in kinds for rid in kind.resources}
    return Recommendation(
        kind="emergency",
        level=_level(dialog.levels["emergency"]),
        then=None,
        urgent=True,
        modifiers=[],
        reasons=[Reason(rule=f"crisis_{k}", quotes=[], floor="emergency", urgent=True,
                        text=f"{spec.strings['emergency_reason']} {crisis_message(spec.safety.kinds[k], about_other)}")
                 for k in crisis_kinds],
        notes=[],
        alternatives=[],
        next_steps=[],
        checklist=[],
        notice=spec.strings["notice"],
        crisis=True,
        crisis_kinds=list(crisis_kinds),
        resources=[r.text for r in spec.safety.resources if r.id in wanted],
    )


def _modifier(dialog: LoadedDialog, mod_id: str, other: bool = False) -> ModifierView:
    mod = dialog.modifiers[mod_id]
    return ModifierView(id=mod.id, name=mod.name, text=mod.text_other if other and mod.text_other else mod.text)


def _quotes(dialog: LoadedDialog, rule: Rule, facts: Mapping[str, AnswerValue], names: set[str],
            quotes: Mapping[str, str], other: bool = False) -> list[Quote]:
    seen: list[str] = []
    for slot in true_slots(rule.when, facts, names):
        if slot not in (CRISIS_SLOT, CHECK_IN_SLOT) and slot not in seen and slot in quotes:
            seen.append(slot)
    return [_quote(dialog, slot, quotes[slot], other) for slot in seen]


def short_name(question: Question, other: bool = False) -> str:
    """How a question is named in a summary or a "just to check", for this person."""
    if other:
        return question.short_other or question.short or question.text_other or question.text
    return question.short or question.text


def _quote(dialog: LoadedDialog, qid: str, answer: str, other: bool = False) -> Quote:
    return Quote(question=qid, asked=short_name(dialog.questions[qid], other), answer=answer)
