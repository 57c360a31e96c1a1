"""Load a dialog file, check it whole, and index it for the engine.

Every fault is reported as one line naming the file, the line and the id, so a clinician
who edits `dialogs/intake.yaml` can act on it without reading Python.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import crisis_model, language, yamlsource
from .crisis_grammar import Grammar, PatternError
from .crisis_model import CrisisModel
from .language import Language
from .route import Route
from .safety import TYPO_MIN_LENGTH
from .spec import (
    CHECK_IN_SLOT,
    CRISIS_SLOT,
    END,
    REQUIRED_STRINGS,
    RESERVED_IDS,
    STRING_FIELDS,
    UNKNOWN,
    Condition,
    Dialog,
    Question,
)
from .terms import GAP
from .yamlsource import FileProblems, Path_, Problem, Source

# the checkout's dialogs/ (an editable install, or running from source); an installed wheel
# carries the same files as chatbot/bundled_dialogs
_CHECKOUT_DIALOGS = Path(__file__).resolve().parent.parent / "dialogs"
DIALOG_DIR = _CHECKOUT_DIALOGS if _CHECKOUT_DIALOGS.is_dir() else Path(__file__).resolve().parent / "bundled_dialogs"
DEFAULT_DIALOG = DIALOG_DIR / "intake.yaml"

_SECTIONS = ("questions", "rules", "levels", "modifiers", "sections", "next_steps")


@dataclass(frozen=True)
class LoadedDialog:
    """A checked dialog with the indexes the engine needs; shared by every session."""

    spec: Dialog
    file: str
    lines: dict[Path_, int] = field(repr=False, compare=False)
    language: Language = field(repr=False, compare=False)
    # the crisis word sets as the Checker compiled them, every pattern checked against them: the
    # detector reuses it and writes a pattern's regex out only when it first runs
    grammar: Grammar | None = field(default=None, repr=False, compare=False)
    # the crisis model named by `safety.model`, read and checked with the dialog
    model: CrisisModel | None = field(default=None, repr=False, compare=False)

    @cached_property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for q in self.spec.questions}

    @cached_property
    def question_index(self) -> dict[str, int]:
        return {q.id: i for i, q in enumerate(self.spec.questions)}

    @cached_property
    def level_rank(self) -> dict[str, int]:
        """Higher is more intensive; levels are listed most intensive first."""
        n = len(self.spec.levels)
        return {lv.id: n - i for i, lv in enumerate(self.spec.levels)}

    @cached_property
    def levels(self) -> dict[str, Any]:
        return {lv.id: lv for lv in self.spec.levels}

    @cached_property
    def modifiers(self) -> dict[str, Any]:
        return {m.id: m for m in self.spec.modifiers}

    @cached_property
    def sections(self) -> dict[str, str]:
        return {s.id: s.title for s in self.spec.sections}

    def s(self, key: str, **values: Any) -> str:
        """A user-visible string by key, filled in."""
        text = self.spec.strings[key]
        return text.format(**values) if values else text

    def ui(self, key: str, **values: Any) -> str:
        """One of the app's own words (the locale's `interface:`), filled in."""
        text: str = getattr(self.language.interface, key)
        return text.format(**values) if values else text

    def question_line(self, qid: str) -> int:
        return self.lines.get(("questions", self.question_index[qid]), 1)

    def rule_line(self, rule_id: str) -> int:
        for i, rule in enumerate(self.spec.rules):
            if rule.id == rule_id:
                return self.lines.get(("rules", i), 1)
        return 1


def load(path: str | Path = DEFAULT_DIALOG, model: bool = True) -> LoadedDialog:
    """Read, parse, validate. Raises FileProblems with every fault found. `model=False`: leave
    out the crisis model (the tool that trains it)."""
    source = yamlsource.read(path, "dialog")
    return from_source(source, path, model)


def from_source(source: Source, path: str | Path | None = None, model: bool = True) -> LoadedDialog:
    spec = yamlsource.model_from(
        source, Dialog, "a dialog file must be a mapping with keys such as 'dialog', 'questions' and 'rules'",
        lambda loc: _where(source.data, loc))
    checker = Checker(spec, source)
    problems = list(checker.run())
    if problems:
        raise FileProblems(problems)
    lang = language.load(path if path is not None else source.file, spec.dialog.locale,
                         source.line(("dialog", "locale")))
    return LoadedDialog(spec, source.file, source.lines, lang, checker.grammar,
                        _model(spec, source, path) if model else None)


def _model(spec: Dialog, source: Source, path: str | Path | None) -> CrisisModel | None:
    """The crisis model beside the dialog file; a missing or broken one names its file and line."""
    name = spec.safety.model
    if name is None:
        return None
    where = Path(path if path is not None else source.file).parent / name
    try:
        return crisis_model.load(where, set(spec.safety.concepts))
    except crisis_model.ModelError as error:
        raise FileProblems([Problem(error.file, error.line, "crisis model", error.message)]) from None


# --- schema errors -------------------------------------------------------------------

def _where(data: Any, loc: Path_) -> str:
    """'question alcohol_days' for a location inside the questions list, and so on."""
    if len(loc) >= 2 and loc[0] in _SECTIONS and isinstance(loc[1], int):
        items = data.get(loc[0]) if isinstance(data, dict) else None
        kind = str(loc[0]).rstrip("s").replace("next_step", "next step")
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            ident = items[loc[1]].get("id")
            if ident is not None:
                return f"{kind} '{ident}'"
        return f"{kind} #{loc[1] + 1}"
    return str(loc[0]) if loc else ""


# --- whole-file checks ---------------------------------------------------------------

class Checker:
    """Cross-reference and graph checks that need the whole dialog."""

    def __init__(self, spec: Dialog, source: Source):
        self.spec = spec
        self.src = source
        self.questions = {q.id: q for q in spec.questions}
        self.levels = {lv.id for lv in spec.levels}
        self.modifiers = {m.id for m in spec.modifiers}
        self.kinds = set(spec.safety.kinds)
        self.grammar: Grammar | None = None  # set by run(): the crisis word sets, compiled

    def problem(self, path: Path_, where: str, message: str) -> Problem:
        return Problem(self.src.file, self.src.line(path), where, message)

    def run(self) -> Iterator[Problem]:
        yield from self._duplicates()
        yield from self._questions()
        yield from self._graph()
        yield from self._rules()
        yield from self._levels_and_steps()
        yield from self._safety()
        yield from self._strings()

    def _duplicates(self) -> Iterator[Problem]:
        for section in _SECTIONS:
            first: dict[str, int] = {}
            for i, item in enumerate(getattr(self.spec, section)):
                if item.id in first:
                    yield self.problem((section, i, "id"), f"{section.rstrip('s')} '{item.id}'",
                                       f"id '{item.id}' is used twice (first on line"
                                       f" {self.src.line((section, first[item.id]))}); give each its own id")
                else:
                    first[item.id] = i

    def _questions(self) -> Iterator[Problem]:
        sections = {s.id for s in self.spec.sections}
        if self.spec.dialog.start not in self.questions:
            yield self.problem(("dialog", "start"), "dialog",
                               f"start question '{self.spec.dialog.start}' does not exist")
        for i, q in enumerate(self.spec.questions):
            at, where = ("questions", i), f"question '{q.id}'"
            if q.section not in sections:
                yield self.problem(at + ("section",), where, f"unknown section '{q.section}'; add it under 'sections'"
                                   f" or use one of: {', '.join(sorted(sections))}")
            if q.kind in ("choice", "multi") and len(q.options) < 2:
                yield self.problem(at + ("options",), where, f"a {q.kind} question needs at least two options")
            if q.kind not in ("choice", "multi") and q.options:
                yield self.problem(at + ("options",), where, f"a {q.kind} question takes no options; remove them"
                                   " or make it a choice")
            if q.id in RESERVED_IDS:
                yield self.problem(at + ("id",), where, f"'{q.id}' is reserved by the program; pick another id")
            if q.kind == "number" and q.number is None:
                yield self.problem(at, where, "a number question needs 'number: {min: ..., max: ...}'")
            if q.number is not None:
                for word, value in q.number.words.items():
                    if not q.number.min <= value <= q.number.max:
                        yield self.problem(at + ("number", "words", word), where,
                                           f"the word '{word}' means {value}, outside {q.number.min} to"
                                           f" {q.number.max}")
            if q.kind != "number" and q.number is not None:
                yield self.problem(at + ("number",), where, "'number' belongs only to number questions")
            seen: set[str] = set()
            for j, opt in enumerate(q.options):
                if opt.value in seen:
                    yield self.problem(at + ("options", j, "value"), where,
                                       f"option value '{opt.value}' is used twice in this question")
                seen.add(opt.value)
                for k, synonym in enumerate(opt.synonyms):
                    if GAP in synonym and not all(part.strip() for part in synonym.split(GAP)):
                        yield self.problem(at + ("options", j, "synonyms", k), where,
                                           f"synonym '{synonym}': '{GAP}' stands between words, not at an end")
                if opt.value == UNKNOWN:
                    yield self.problem(at + ("options", j, "value"), where,
                                       f"'{UNKNOWN}' is reserved for answers nobody knows; pick another value")
                if opt.range is not None and q.reads is None:
                    yield self.problem(at + ("options", j, "range"), where,
                                       "an option 'range' needs the question to say what it 'reads'"
                                       " (age, frequency, count or time_ago)")
                if opt.range is not None and opt.range[0] > opt.range[1]:
                    yield self.problem(at + ("options", j, "range"), where,
                                       f"range runs from {opt.range[0]:g} down to {opt.range[1]:g};"
                                       " write the low value first")
                if opt.crisis is not None and opt.crisis not in self.kinds:
                    yield self.problem(at + ("options", j, "crisis"), where,
                                       f"unknown crisis kind '{opt.crisis}'; known: {', '.join(sorted(self.kinds))}")
            if q.reads is not None and q.kind == "choice" and not any(o.range for o in q.options):
                yield self.problem(at + ("reads",), where, f"the question reads {q.reads}, but no option has a"
                                   " 'range' to put the value in")
            if q.reads is not None and q.kind not in ("choice", "number"):
                yield self.problem(at + ("reads",), where, f"'reads' belongs to choice and number questions,"
                                   f" not {q.kind}")
            if q.within_days is not None and not (q.kind == "yes_no" or any(o.means == "no" for o in q.options)):
                yield self.problem(at + ("within_days",), where, "'within_days' needs an option with"
                                   " 'means: no' (a time outside the days is read as that option)")
            if q.answered_by is not None:
                by = q.answered_by
                if by.slot not in self.questions or by.slot == q.id:
                    yield self.problem(at + ("answered_by", "slot"), where,
                                       f"'answered_by' reads the words of an earlier question; '{by.slot}' is not one")
                if by.value not in {o.value for o in q.options} | ({"yes", "no"} if q.kind == "yes_no" else set()):
                    yield self.problem(at + ("answered_by", "value"), where,
                                       f"'answered_by' answers with '{by.value}', which is not an option here")
                if not by.words:
                    yield self.problem(at + ("answered_by", "words"), where, "'answered_by' needs the words it reads")
            if q.read_from is not None and (q.read_from not in self.questions or q.read_from == q.id):
                yield self.problem(at + ("read_from",), where,
                                   f"'read_from' reads the words of an earlier question; '{q.read_from}' is not one")
            unsure = [o.value for o in q.options if o.means == "unsure"]
            if len(unsure) > 1:
                yield self.problem(at + ("options",), where, f"only one option can mean 'unsure'"
                                   f" (found {', '.join(unsure)})")
            for j, edge in enumerate(q.next):
                if edge.goto != END and edge.goto not in self.questions:
                    yield self.problem(at + ("next", j, "goto"), where,
                                       f"goes to unknown question '{edge.goto}'")
                if edge.when is not None:
                    yield from self._condition(edge.when, at + ("next", j, "when"), where, None)

    def _graph(self) -> Iterator[Problem]:
        for i, q in enumerate(self.spec.questions):
            at, where = ("questions", i, "next"), f"question '{q.id}'"
            unconditional = [j for j, e in enumerate(q.next) if e.when is None]
            if not q.next:
                yield self.problem(("questions", i), where,
                                   f"has no way out; add 'next: [{{goto: ...}}]' (use '{END}' to finish)")
            elif not unconditional:
                yield self.problem(at, where, "has no way out when none of its conditions hold; add a last"
                                   " '- goto: ...' with no 'when'")
            elif len(unconditional) > 1:
                yield self.problem(at + (unconditional[1],), where,
                                   "has two ways out with no condition; only the first would ever be taken")
            elif unconditional[0] != len(q.next) - 1:
                yield self.problem(at + (unconditional[0] + 1,), where,
                                   "a way out listed after the one with no condition is never taken;"
                                   " move the unconditional one last")
        start = self.spec.dialog.start
        if start not in self.questions:
            return
        reached = Route(self.questions, start).reachable()
        for i, q in enumerate(self.spec.questions):
            if q.id not in reached:
                yield self.problem(("questions", i), f"question '{q.id}'",
                                   f"is never reached from the start question '{start}'; link to it or remove it")
        yield from self._cycles()

    def _cycles(self) -> Iterator[Problem]:
        state: dict[str, int] = {}  # 1 on the current path, 2 finished
        reported: set[frozenset[str]] = set()

        def visit(qid: str, path: list[str]) -> Iterator[Problem]:
            state[qid] = 1
            path.append(qid)
            for edge in self.questions[qid].next:
                nxt = edge.goto
                if nxt not in self.questions:
                    continue
                if state.get(nxt) == 1:
                    loop = path[path.index(nxt):] + [nxt]
                    if frozenset(loop) not in reported:
                        reported.add(frozenset(loop))
                        i = list(self.questions).index(nxt)
                        yield self.problem(("questions", i), f"question '{nxt}'",
                                           "questions form a loop: " + " -> ".join(loop)
                                           + "; a dialog must always move forward (back is built in)")
                elif nxt not in state:
                    yield from visit(nxt, path)
            path.pop()
            state[qid] = 2

        for qid in self.questions:
            if qid not in state:
                yield from visit(qid, [])

    def _condition(self, cond: Condition, at: Path_, where: str, rules_before: set[str] | None) -> Iterator[Problem]:
        if cond.rule is not None:
            known = {r.id for r in self.spec.rules}
            if rules_before is None:
                yield self.problem(at + ("rule",), where, "a question's branches cannot test rules (they are"
                                   " worked out at the end); test the answers instead")
            elif cond.rule not in known:
                yield self.problem(at + ("rule",), where, f"unknown rule '{cond.rule}'; rules are: "
                                   + ", ".join(sorted(known)))
            elif cond.rule not in rules_before:
                yield self.problem(at + ("rule",), where,
                                   f"refers to rule '{cond.rule}', which is defined below this one; move it up")
            return
        for key, subs in (("all", cond.all), ("any", cond.any)):
            for k, sub in enumerate(subs or []):
                yield from self._condition(sub, at + (key, k), where, rules_before)
        if cond.not_ is not None:
            yield from self._condition(cond.not_, at + ("not",), where, rules_before)
        if cond.slot is None:
            return
        yield from self._leaf(cond, at, where)

    def _leaf(self, cond: Condition, at: Path_, where: str) -> Iterator[Problem]:
        slot, op, value = cond.slot, cond.op, cond.value
        allowed: set[str] | None
        if slot == CRISIS_SLOT:
            allowed, kind = self.kinds, "multi"
        elif slot == CHECK_IN_SLOT:
            allowed, kind = set[str](self.spec.safety.concepts), "multi"
        elif slot in self.questions:
            q = self.questions[slot]
            kind = q.kind
            allowed = ({"yes", "no"} if kind == "yes_no" else {o.value for o in q.options}
                       if kind in ("choice", "multi") else None)
        else:
            yield self.problem(at + ("slot",), where, f"unknown slot '{slot}'; a slot is a question id,"
                               f" '{CRISIS_SLOT}' or '{CHECK_IN_SLOT}'")
            return
        if op in ("answered", "unanswered"):
            return
        if op in ("includes", "includes_any", "excludes") and kind != "multi":
            yield self.problem(at + ("op",), where, f"'{op}' works only on multi questions; '{slot}' is {kind}")
            return
        if op in ("gt", "ge", "lt", "le") and kind != "number":
            yield self.problem(at + ("op",), where, f"'{op}' works only on number questions; '{slot}' is {kind}")
            return
        listy = op in ("in", "not_in", "includes_any")
        if listy != isinstance(value, list):
            yield self.problem(at + ("value",), where,
                               f"'{op}' needs {'a list of values' if listy else 'a single value'}")
            return
        values = value if isinstance(value, list) else [value]
        if allowed is not None:
            for v in values:
                if isinstance(v, bool):
                    yield self.problem(at + ("value",), where, f"'{slot}' has no option {v}: YAML reads a bare"
                                       " yes/no as true/false; write \"yes\" or \"no\" in quotes")
                elif v not in allowed:
                    yield self.problem(at + ("value",), where, f"'{slot}' has no option '{v}'; options are: "
                                       + ", ".join(sorted(allowed)))
        elif kind == "number":
            spec = self.questions[slot].number
            for v in values:
                if not isinstance(v, (int, float)) or isinstance(v, bool):
                    yield self.problem(at + ("value",), where, f"'{slot}' is a number; compare it with a number,"
                                       f" not {v!r}")
                    return
            if spec is not None and not self._number_possible(op, values, spec.min, spec.max):
                yield self.problem(at, where, f"can never be true: '{slot}' is between {spec.min} and {spec.max},"
                                   f" so '{op} {value}' never holds")

    @staticmethod
    def _number_possible(op: str | None, values: list[Any], lo: int, hi: int) -> bool:
        v = values[0]
        return {
            "eq": lo <= v <= hi, "gt": v < hi, "ge": v <= hi, "lt": v > lo, "le": v >= lo,
            "in": any(lo <= x <= hi for x in values),
        }.get(op or "", True)

    def _contradiction(self, cond: Condition, at: Path_, where: str) -> Iterator[Problem]:
        """An `all` that asks one single-answer slot to equal two values can never fire."""
        for key, subs in (("all", cond.all), ("any", cond.any)):
            for k, sub in enumerate(subs or []):
                yield from self._contradiction(sub, at + (key, k), where)
        if cond.all is None:
            return
        wanted: dict[str, Any] = {}
        for sub in cond.all:
            if sub.slot is not None and sub.op == "eq":
                if sub.slot in wanted and wanted[sub.slot] != sub.value:
                    yield self.problem(at, where, f"can never fire: '{sub.slot}' cannot be both"
                                       f" '{wanted[sub.slot]}' and '{sub.value}'")
                wanted[sub.slot] = sub.value

    def _rules(self) -> Iterator[Problem]:
        before: set[str] = set()
        slots = set(self.questions) | {CRISIS_SLOT, CHECK_IN_SLOT}
        for i, rule in enumerate(self.spec.rules):
            at, where = ("rules", i), f"rule '{rule.id}'"
            yield from self._condition(rule.when, at + ("when",), where, before)
            yield from self._contradiction(rule.when, at + ("when",), where)
            if rule.floor is not None and rule.floor not in self.levels:
                yield self.problem(at + ("floor",), where, f"unknown level '{rule.floor}'; levels are: "
                                   + ", ".join(lv.id for lv in self.spec.levels))
            for j, mod in enumerate(rule.modifiers):
                if mod not in self.modifiers:
                    yield self.problem(at + ("modifiers", j), where, f"unknown modifier '{mod}'; modifiers are: "
                                       + ", ".join(sorted(self.modifiers)))
            for j, lv in enumerate(rule.levels or []):
                if lv not in self.levels:
                    yield self.problem(at + ("levels", j), where, f"unknown level '{lv}'; levels are: "
                                       + ", ".join(x.id for x in self.spec.levels))
            if rule.levels is not None and (rule.floor or rule.modifiers):
                yield self.problem(at + ("levels",), where, "'levels' limits where a note is shown; a rule with a"
                                   " floor or modifiers always counts, so remove 'levels' or the floor")
            if rule.alternative is not None:
                alt = rule.alternative
                if alt.level not in self.levels:
                    yield self.problem(at + ("alternative", "level"), where,
                                       f"alternative names unknown level '{alt.level}'")
                for j, mod in enumerate(alt.modifiers):
                    if mod not in self.modifiers:
                        yield self.problem(at + ("alternative", "modifiers", j), where,
                                           f"alternative names unknown modifier '{mod}'")
            yield from self._template(rule.explain, at + ("explain",), where, slots)
            if rule.explain_other:
                yield from self._template(rule.explain_other, at + ("explain_other",), where, slots)
            before.add(rule.id)

    def _template(self, text: str, at: Path_, where: str, slots: set[str]) -> Iterator[Problem]:
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
        except ValueError as exc:
            yield self.problem(at, where, f"the text has a broken placeholder ({exc}); use {{question_id}}")
            return
        for name in fields:
            if name not in slots:
                yield self.problem(at, where, f"placeholder '{{{name}}}' is not a question id")

    def _levels_and_steps(self) -> Iterator[Problem]:
        if self.spec.fallback.level not in self.levels:
            yield self.problem(("fallback", "level"), "fallback", f"unknown level '{self.spec.fallback.level}'")
        for i, level in enumerate(self.spec.levels):
            if level.then_at_least is not None and level.then_at_least not in self.levels:
                yield self.problem(("levels", i, "then_at_least"), f"level '{level.id}'",
                                   f"unknown level '{level.then_at_least}'")
        if self.spec.dialog.other_person_when is not None:
            yield from self._condition(self.spec.dialog.other_person_when, ("dialog", "other_person_when"),
                                       "dialog", None)
        for i, mod in enumerate(self.spec.modifiers):
            for j, lv in enumerate(mod.levels or []):
                if lv not in self.levels:
                    yield self.problem(("modifiers", i, "levels", j), f"modifier '{mod.id}'", f"unknown level '{lv}'")
        for i, step in enumerate(self.spec.next_steps):
            where = f"next step '{step.id}'"
            for key in ("min_level", "max_level"):
                lv = getattr(step, key)
                if lv is not None and lv not in self.levels:
                    yield self.problem(("next_steps", i, key), where, f"unknown level '{lv}'")
            if step.when is not None:
                yield from self._condition(step.when, ("next_steps", i, "when"), where,
                                           {r.id for r in self.spec.rules})

    def _safety(self) -> Iterator[Problem]:
        resources: set[str] = set()
        for i, res in enumerate(self.spec.safety.resources):
            if res.id in resources:
                yield self.problem(("safety", "resources", i, "id"), f"resource '{res.id}'",
                                   f"id '{res.id}' is used twice; give each its own id")
            resources.add(res.id)
        for kind, spec in self.spec.safety.kinds.items():
            at, where = ("safety", "kinds", kind), f"crisis '{kind}'"
            for j, rid in enumerate(spec.resources):
                if rid not in resources:
                    yield self.problem(at + ("resources", j), where, f"unknown resource '{rid}'")
        yield from self._crisis_patterns(resources)

        if "emergency" not in self.levels:
            yield self.problem(("levels",), "levels", "a level with id 'emergency' is needed for crisis results")

    def _crisis_patterns(self, resources: set[str]) -> Iterator[Problem]:
        """Every word set and pattern compiles; a concept leads to a crisis screen that exists."""
        safety = self.spec.safety
        grammar = self.grammar = Grammar(safety.words, frozenset(safety.scope.fillers))
        for name in safety.words:
            try:
                grammar.set_regex(name)
            except PatternError as exc:
                yield self.problem(("safety", "words", name), f"word set '{name}'", str(exc))
        for j, rid in enumerate(safety.check_in.resources):
            if rid not in resources:
                yield self.problem(("safety", "check_in", "resources", j), "check_in", f"unknown resource '{rid}'")
        for kind, asked in safety.check_in.kinds.items():
            at: tuple[str | int, ...] = ("safety", "check_in", "kinds", kind)
            if kind not in safety.kinds:
                yield self.problem(at, "check_in", f"unknown crisis kind '{kind}'; kinds are: "
                                   + ", ".join(safety.kinds))
            for j, rid in enumerate(asked.resources):
                if rid not in resources:
                    yield self.problem(at + ("resources", j), "check_in", f"unknown resource '{rid}'")
        lists: list[tuple[tuple[str | int, ...], str, list[str]]] = [
            (("safety", "scope", key), f"scope '{key}'", getattr(safety.scope, key))
            for key in type(safety.scope).model_fields if key not in type(safety.scope).WORD_LISTS]
        for cid, concept in safety.concepts.items():
            here: tuple[str | int, ...] = ("safety", "concepts", cid)
            where = f"concept '{cid}'"
            if concept.kind not in safety.kinds:
                yield self.problem(here + ("kind",), where, f"unknown crisis kind '{concept.kind}'; kinds are: "
                                   + ", ".join(safety.kinds))
            if not concept.now and not concept.check:
                yield self.problem(here, where, "a concept needs at least one 'now' or 'check' pattern")
            lists += [(here + (key,), where, getattr(concept, key))
                      for key in ("now", "check", "unless", "signs_with", "signs_not_with")]
            lists += [(here + ("signs", name), where, patterns) for name, patterns in concept.signs.items()]
            if concept.signs and not concept.signs_with:
                yield self.problem(here + ("signs",), where, "signs need 'signs_with': what was taken, said with them")
            if concept.signs and concept.signs_needed > len(concept.signs):
                yield self.problem(here + ("signs_needed",), where, f"signs_needed is {concept.signs_needed}"
                                   f" but there are {len(concept.signs)} kinds of sign; list more or need fewer")
        for at, where, patterns in lists:
            for j, pattern in enumerate(patterns):
                try:
                    grammar.check(pattern)
                except PatternError as exc:
                    yield self.problem(at + (j,), where, str(exc))
        if 0 < safety.typos.pattern_words_from < TYPO_MIN_LENGTH:
            yield self.problem(("safety", "typos", "pattern_words_from"), "typos",
                               f"pattern_words_from is {safety.typos.pattern_words_from}: typo tolerance starts"
                               f" at {TYPO_MIN_LENGTH} letters (or 0, for only the listed words)")
        for j, word in enumerate(safety.typos.words):
            if len(word) < TYPO_MIN_LENGTH or not word.isalpha():
                yield self.problem(("safety", "typos", "words", j), "typos",
                                   f"'{word}': typo-tolerant words are single words"
                                   f" of {TYPO_MIN_LENGTH} letters or more")

    def _strings(self) -> Iterator[Problem]:
        for key in REQUIRED_STRINGS:
            if not self.spec.strings.get(key, "").strip():
                yield self.problem(("strings",), "strings", f"missing string '{key}'; add it under 'strings'")
        for key, text in self.spec.strings.items():
            allowed = STRING_FIELDS.get(key, frozenset())
            try:
                names = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
            except ValueError as exc:
                yield self.problem(("strings", key), "strings", f"'{key}' has a broken placeholder ({exc});"
                                   " write a literal brace as {{ or }}")
                continue
            for name in sorted(names - allowed):
                can = ", ".join(f"{{{a}}}" for a in sorted(allowed)) or "none"
                yield self.problem(("strings", key), "strings",
                                   f"'{key}' uses the placeholder {{{name}}}, which is never filled in;"
                                   f" it can use: {can}")
