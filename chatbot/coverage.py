"""What a set of transcripts exercises of a dialog, and what it never does.

Like Dialogflow CX's transition coverage: taken over declared, with the missed ones
listed by their line in the dialog file so whoever edits it knows what to add.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dialogs import LoadedDialog
from .replay import ReplayResult
from .route import Route
from .spec import END


@dataclass
class Measure:
    name: str
    declared: list[str]
    taken: set[str]
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def percent(self) -> float:
        if not self.declared:
            return 100.0
        return 100.0 * sum(1 for d in self.declared if d in self.taken) / len(self.declared)

    @property
    def missed(self) -> list[str]:
        return [d for d in self.declared if d not in self.taken]


def measure(dialog: LoadedDialog, results: list[ReplayResult],
            critical: frozenset[str] = frozenset()) -> list[Measure]:
    spec = dialog.spec
    lines = dialog.lines

    questions = Measure("questions", [q.id for q in spec.questions], set(),
                        {q.id: dialog.question_line(q.id) for q in spec.questions})
    options = Measure("options", [], set())
    transitions = Measure("transitions", [], set())
    for i, q in enumerate(spec.questions):
        for j, opt in enumerate(q.options):
            key = f"{q.id}={opt.value}"
            options.declared.append(key)
            options.lines[key] = lines.get(("questions", i, "options", j), 1)
        if q.kind == "yes_no":
            for value in ("yes", "no"):
                key = f"{q.id}={value}"
                options.declared.append(key)
                options.lines[key] = lines.get(("questions", i), 1)
    index = dialog.question_index
    for q, j, edge in Route(dialog.questions, spec.dialog.start).edges():
        key = f"{q.id} -> {edge.goto}"
        if key not in transitions.declared:
            transitions.declared.append(key)
            transitions.lines[key] = lines.get(("questions", index[q.id], "next", j), 1)
    rules = Measure("rules", [r.id for r in spec.rules], set(), {r.id: dialog.rule_line(r.id) for r in spec.rules})
    levels = Measure("levels", [lv.id for lv in spec.levels], set(),
                     {lv.id: lines.get(("levels", i), 1) for i, lv in enumerate(spec.levels)})
    modifiers = Measure("modifiers", [m.id for m in spec.modifiers], set(),
                        {m.id: lines.get(("modifiers", i), 1) for i, m in enumerate(spec.modifiers)})
    crisis = Measure("crisis paths", [], set())
    for kind in spec.safety.kinds:
        for end in ("resumed", "emergency"):
            key = f"{kind} -> {end}"
            crisis.declared.append(key)
            crisis.lines[key] = lines.get(("safety", "kinds", kind), 1)

    # crisis concepts that a transcript's words raised (the crisis screen or the check-in)
    concepts = Measure("crisis concepts", list(spec.safety.concepts), set(),
                       {c: lines.get(("safety", "concepts", c), 1) for c in spec.safety.concepts})

    # decision-critical questions whose reading from free words was confirmed by the person
    confirms = Measure("confirmations", [q.id for q in spec.questions if q.id in critical], set(),
                       {q.id: dialog.question_line(q.id) for q in spec.questions})

    for result in results:
        trace = result.trace
        confirms.taken.update(trace.confirms)
        concepts.taken.update(trace.concepts)
        questions.taken.update(trace.questions)
        options.taken.update(f"{q}={v}" for q, v in trace.options)
        transitions.taken.update(f"{a} -> {b if b != END else END}" for a, b in trace.transitions)
        crisis.taken.update(f"{k} -> {end}" for k, end in trace.crisis)
        outcome = result.outcome
        rules.taken.update(r["id"] for r in outcome.rules)
        for level in (outcome.level, outcome.then_level):
            if level:
                levels.taken.add(level)
        modifiers.taken.update(outcome.modifiers)
    return [questions, options, transitions, rules, levels, modifiers, crisis, concepts, confirms]


def report(dialog: LoadedDialog, measures: list[Measure], files: int) -> str:
    out = [f"coverage of {dialog.file} by {files} transcript{'s' if files != 1 else ''}", ""]
    for m in measures:
        taken = len(m.declared) - len(m.missed)
        out.append(f"  {m.name:<13} {m.percent:5.1f}%  ({taken} of {len(m.declared)})")
    for m in measures:
        if m.missed:
            out += ["", f"never exercised: {m.name}"]
            out += [f"  {dialog.file}:{m.lines.get(d, 1)}: {d}" for d in m.missed]
    return "\n".join(out)


def parse_thresholds(text: str) -> dict[str, float]:
    """'rules=100,levels=100,transitions=90' -> {name: percent}."""
    wanted: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, value = part.partition("=")
        wanted[name.strip().replace("_", " ")] = float(value)
    return wanted


def below(measures: list[Measure], thresholds: dict[str, float]) -> list[str]:
    by_name = {m.name: m for m in measures}
    failures = []
    for name, need in thresholds.items():
        m = by_name.get(name)
        if m is None:
            failures.append(f"unknown measure '{name}'; measures are: {', '.join(by_name)}")
        elif m.percent < need:
            failures.append(f"{name} {m.percent:.1f}% is below {need:g}%")
    return failures
