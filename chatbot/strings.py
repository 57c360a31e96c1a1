"""Every user-visible string of a dialog, by a stable key.

Keys name where a string lives (`questions.age_group.text_other`,
`questions.substances.options.alcohol.label`, `strings.welcome`), so a translation can
supply the same keys and a reviewer can check every sentence a person may read
(phone numbers, reading level) without walking the dialog by hand.
"""

from __future__ import annotations

from .spec import Dialog


def string_table(spec: Dialog) -> dict[str, str]:
    table: dict[str, str] = {"dialog.title": spec.dialog.title}
    for section in spec.sections:
        table[f"sections.{section.id}.title"] = section.title
    for q in spec.questions:
        base = f"questions.{q.id}"
        for name in ("text", "text_other", "help", "short", "short_other"):
            value = getattr(q, name)
            if value:
                table[f"{base}.{name}"] = value
        for opt in q.options:
            table[f"{base}.options.{opt.value}.label"] = opt.label
            if opt.label_other:
                table[f"{base}.options.{opt.value}.label_other"] = opt.label_other
    for level in spec.levels:
        table[f"levels.{level.id}.name"] = level.name
        if level.short:
            table[f"levels.{level.id}.short"] = level.short
        table[f"levels.{level.id}.involves"] = level.involves
        if level.involves_other:
            table[f"levels.{level.id}.involves_other"] = level.involves_other
    for mod in spec.modifiers:
        table[f"modifiers.{mod.id}.name"] = mod.name
        table[f"modifiers.{mod.id}.text"] = mod.text
        if mod.text_other:
            table[f"modifiers.{mod.id}.text_other"] = mod.text_other
    for rule in spec.rules:
        table[f"rules.{rule.id}.explain"] = rule.explain
        if rule.explain_other:
            table[f"rules.{rule.id}.explain_other"] = rule.explain_other
        if rule.alternative is not None:
            table[f"rules.{rule.id}.alternative.when"] = rule.alternative.when
            if rule.alternative.when_other:
                table[f"rules.{rule.id}.alternative.when_other"] = rule.alternative.when_other
    table["fallback.explain"] = spec.fallback.explain
    for step in spec.next_steps:
        table[f"next_steps.{step.id}.text"] = step.text
        if step.text_other:
            table[f"next_steps.{step.id}.text_other"] = step.text_other
    for i, item in enumerate(spec.checklist):
        table[f"checklist.{i}"] = item
    for res in spec.safety.resources:
        table[f"safety.resources.{res.id}.text"] = res.text
        if res.short:
            table[f"safety.resources.{res.id}.short"] = res.short
    for kind_id, kind in spec.safety.kinds.items():
        for name in ("title", "message", "check", "confirm", "message_other", "check_other", "confirm_other"):
            if getattr(kind, name):
                table[f"safety.kinds.{kind_id}.{name}"] = getattr(kind, name)
    check = spec.safety.check_in
    for name in ("message", "prompt", "prompt_other", "unsure_label", "reask", "go_on"):
        if getattr(check, name):
            table[f"safety.check_in.{name}"] = getattr(check, name)
    for key, value in spec.strings.items():
        table[f"strings.{key}"] = value
    return table
