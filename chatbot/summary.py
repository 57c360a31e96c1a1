"""Plain-text renderings of turns and results, shared by the plain mode and exports.

Pure string building: no terminal I/O here, so the TUI can export the same summary.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from .dialogs import LoadedDialog
from .recommend import Reason, Recommendation
from .turns import CheckInView, CrisisView, OptionView, Progress, QuestionTurn

WIDTH = 78


def wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  " if indent else "")


def _options(options: tuple[OptionView, ...]) -> list[str]:
    return [wrap(f"{o.number}. {o.label}", "  ") for o in options]


def progress_line(dialog: LoadedDialog, p: Progress, answered: bool = True) -> str:
    """The section and about how many questions are left ("1 question", not "1 questions");
    without `answered`, the short form the app's status line fits in 50 columns."""
    base = "progress" if answered or "progress_short" not in dialog.spec.strings else "progress_short"
    key = f"{base}_one" if p.left == 1 and f"{base}_one" in dialog.spec.strings else base
    return dialog.s(key, section=p.section_title, answered=p.answered, left=p.left)


def question_lines(dialog: LoadedDialog, turn: QuestionTurn, progress: bool = True) -> list[str]:
    """The question, its options and how to answer; with `progress`, the section and how many
    questions are left first (the plain mode says it when the section changes, not every time:
    a screen reader reads it aloud before each question)."""
    q = turn.question
    lines = [f"{progress_line(dialog, turn.progress)}."] if progress else []
    lines.append(wrap(q.text))
    lines += _options(q.options)
    if q.kind == "choice":
        lines.append(dialog.s("choose_one"))
    elif q.kind == "multi":
        lines.append(dialog.s("choose_many"))
    elif q.kind == "yes_no":
        lines.append(dialog.s("type_yes_no"))
    elif q.kind == "number":
        lines.append(dialog.s("type_number", min=q.min, max=q.max))
    else:
        lines.append(dialog.s("type_text"))
    return lines


def confirm_lines(dialog: LoadedDialog, options: tuple[OptionView, ...]) -> list[str]:
    """The yes/no options under a "just to check" question, and that the right answer may be
    typed instead (as the app's answer box says)."""
    return [*_options(options), f"{dialog.language.interface.type_yes_no_or_answer.rstrip('.')}."]


def crisis_lines(dialog: LoadedDialog, crisis: CrisisView) -> list[str]:
    lines = [crisis.title.upper(), wrap(crisis.message), "", dialog.s("crisis_resources_title") + ":"]
    lines += [wrap(f"- {r}", "  ") for r in crisis.resources]
    lines += ["", wrap(crisis.prompt)]
    lines += _options(crisis.options)
    return lines


def check_in_lines(dialog: LoadedDialog, check_in: CheckInView) -> list[str]:
    """The direct question an indirect signal gets, with the numbers right above it."""
    lines = [wrap(check_in.message), "", dialog.s("crisis_resources_title") + ":"]
    lines += [wrap(f"- {r}", "  ") for r in check_in.resources]
    lines += ["", wrap(check_in.prompt)]
    lines += _options(check_in.options)
    return lines


def resource_lines(dialog: LoadedDialog) -> list[str]:
    """Every help number, under its title: shown by `help`, and on the way out of a crisis."""
    return [dialog.s("crisis_resources_title") + ":",
            *(wrap(f"- {r.text}", "  ") for r in dialog.spec.safety.resources)]


@dataclass(frozen=True)
class Part:
    """One block of the summary: a heading, a paragraph, and bullet items (with sub-items)."""

    heading: str
    text: str = ""
    items: tuple[tuple[str, tuple[str, ...]], ...] = ()
    major: bool = False  # the recommended level
    then: bool = False  # the treatment after withdrawal management
    alert: bool = False  # the help numbers at the top of an emergency result: not just another heading


def _string(dialog: LoadedDialog, key: str, fallback: str) -> str:
    """An optional string of the dialog, or a required one that says nearly the same."""
    return dialog.s(key) if key in dialog.spec.strings else dialog.s(fallback)


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def _glance(dialog: LoadedDialog, rec: Recommendation, toward: list[Reason]) -> Part:
    """What fits the first screen under the level (80x24): one line of why, the first step, and
    where help is; the detail follows it."""
    items: list[str] = []
    if toward:
        items.append(f"{_string(dialog, 'glance_why', 'because')}: {_first_sentence(toward[0].text)}")
    if rec.next_steps:
        items.append(f"{_string(dialog, 'glance_next', 'next_steps')}: {_first_sentence(rec.next_steps[0])}")
    if "glance_help" in dialog.spec.strings:
        items.append(dialog.s("glance_help"))
    return Part("", items=tuple((item, ()) for item in items))


def result_parts(dialog: LoadedDialog, rec: Recommendation) -> list[Part]:
    """The summary in reading order; the text, Markdown and TUI renderings all use it."""
    s = dialog.s
    resources = Part(s("crisis_resources_title"), items=tuple((r, ()) for r in rec.resources), alert=rec.crisis)
    parts: list[Part] = [resources] if rec.crisis else []
    urgent = f" {s('result_urgent')}" if rec.urgent and rec.kind == "plan" else ""
    parts.append(Part(rec.level.name, rec.level.involves + urgent, major=True))
    # reasons whose floor is below the level chosen argue for less care: under a heading of their own,
    # so "why we suggest residential care" never lists reasons for care at home
    rank = dialog.level_rank
    chosen = max([rank[rec.level.id], *([rank[rec.then.id]] if rec.then else [])])
    toward = [r for r in rec.reasons if not (r.floor and r.floor in rank and rank[r.floor] < chosen)]
    less = [r for r in rec.reasons if r not in toward]
    if rec.kind == "plan":
        parts.append(_glance(dialog, rec, toward))
    for heading, reasons in ((s("because"), toward), (_string(dialog, "because_less", "also_noted"), less)):
        if reasons:
            parts.append(Part(heading, items=tuple(
                (r.text, tuple(f"{q.asked}: {q.answer}" for q in r.quotes)) for r in reasons)))
    if rec.then is not None:
        parts.append(Part(f"{s('result_then')}: {rec.then.name}", rec.then.involves, then=True))
    if rec.modifiers:
        parts.append(Part(s("modifiers_title"), items=tuple((f"{m.name}: {m.text}", ()) for m in rec.modifiers)))
    if rec.alternatives:
        parts.append(Part(s("alternatives"), items=tuple(
            (f"{a.level.name}{''.join(f', {m.name}' for m in a.modifiers)}: {a.when}.", ()) for a in rec.alternatives)))
    if rec.notes:
        parts.append(Part(s("also_noted"), items=tuple((n.text, ()) for n in rec.notes)))
    if rec.next_steps:
        parts.append(Part(s("next_steps"), items=tuple((step, ()) for step in rec.next_steps)))
    if rec.checklist:
        parts.append(Part(s("checklist"), items=tuple((c, ()) for c in rec.checklist)))
    if rec.unknowns:
        parts.append(Part(s("unknown_title"), items=tuple((u, ()) for u in rec.unknowns)))
    if rec.answers:
        parts.append(Part(s("you_told_us"), items=tuple((f"{a.asked}: {a.answer}", ()) for a in rec.answers)))
    if not rec.crisis:
        parts.append(resources)
    parts.append(Part("", rec.notice))
    return parts


def result_text(dialog: LoadedDialog, rec: Recommendation) -> str:
    """The whole summary as plain text for the line mode."""
    out: list[str] = [dialog.s("result_title").upper()]
    for part in result_parts(dialog, rec):
        out.append("")
        if part.heading:
            out.append(part.heading.upper() if part.major else f"{part.heading}:" if part.items else part.heading)
        if part.text:
            out.append(wrap(part.text))
        for item, subs in part.items:
            out.append(wrap(f"- {item}", "  "))
            out += [wrap(sub, "    ") for sub in subs]
    return "\n".join(out)


def result_markdown(dialog: LoadedDialog, rec: Recommendation) -> str:
    """The summary as Markdown: exported to a file the person chose."""
    return f"# {dialog.s('result_title')}\n\n" + parts_markdown(result_parts(dialog, rec))


def parts_markdown(parts: list[Part]) -> str:
    out: list[str] = []
    for part in parts:
        if part.heading:
            out += [f"{'##' if part.major else '###'} {part.heading}", ""]
        if part.text:
            out += [part.text if part.heading else f"_{part.text}_", ""]
        for item, subs in part.items:
            out.append(f"- {item}")
            out += [f"  - {sub}" for sub in subs]
        if part.items:
            out.append("")
    return "\n".join(out)
