"""Plain-text renderings of turns and results, shared by the plain mode and exports.

Pure string building: no terminal I/O here, so the TUI can export the same summary.
"""

from __future__ import annotations

import textwrap

from .dialogs import LoadedDialog
from .engine import CrisisView, OptionView, QuestionView, Turn
from .recommend import Recommendation

WIDTH = 78


def wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  " if indent else "")


def _options(options: list[OptionView]) -> list[str]:
    return [wrap(f"{o.number}. {o.label}", "  ") for o in options]


def question_lines(dialog: LoadedDialog, turn: Turn) -> list[str]:
    q: QuestionView = turn.question  # type: ignore[assignment]
    p = turn.progress
    lines = [f"[{dialog.s('progress', section=p.section_title, answered=p.answered, left=p.left)}]", wrap(q.text)]
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


def crisis_lines(dialog: LoadedDialog, crisis: CrisisView) -> list[str]:
    lines = [f"!! {crisis.title} !!", wrap(crisis.message), "", dialog.s("crisis_resources_title") + ":"]
    lines += [wrap(f"- {r}", "  ") for r in crisis.resources]
    lines += ["", wrap(crisis.prompt)]
    lines += _options(crisis.options)
    return lines


def result_text(dialog: LoadedDialog, rec: Recommendation) -> str:
    """The whole summary as plain text: level, reasons, then, alternatives, next steps."""
    out: list[str] = []
    if rec.crisis:
        out += [dialog.s("crisis_resources_title") + ":"] + [wrap(f"- {r}", "  ") for r in rec.resources] + [""]
    out += [f"== {dialog.s('result_title')} ==", "", rec.level.name.upper(), wrap(rec.level.involves)]
    if rec.urgent and rec.kind == "plan":
        out.append(dialog.s("result_urgent"))
    if rec.then is not None:
        out += ["", f"{dialog.s('result_then')}: {rec.then.name}", wrap(rec.then.involves)]
    if rec.modifiers:
        out += ["", dialog.s("modifiers_title") + ":"]
        out += [wrap(f"- {m.name}: {m.text}", "  ") for m in rec.modifiers]
    if rec.reasons:
        out += ["", dialog.s("because") + ":"]
        for reason in rec.reasons:
            out.append(wrap(f"- {reason.text}", "  "))
            for quote in reason.quotes:
                out.append(wrap(f"{dialog.s('you_said')} \u201c{quote.answer}\u201d ({quote.asked.lower()}).", "    "))
    if rec.notes:
        out += ["", dialog.s("also_noted") + ":"]
        out += [wrap(f"- {n.text}", "  ") for n in rec.notes]
    if rec.alternatives:
        out += ["", dialog.s("alternatives") + ":"]
        for alt in rec.alternatives:
            mods = "".join(f", {m.name}" for m in alt.modifiers)
            out.append(wrap(f"- {alt.level.name}{mods}: {alt.when}.", "  "))
    if rec.next_steps:
        out += ["", dialog.s("next_steps") + ":"]
        out += [wrap(f"- {s}", "  ") for s in rec.next_steps]
    if rec.checklist:
        out += ["", dialog.s("checklist") + ":"]
        out += [wrap(f"- {c}", "  ") for c in rec.checklist]
    if not rec.crisis:
        out += ["", dialog.s("crisis_resources_title") + ":"] + [wrap(f"- {r}", "  ") for r in rec.resources]
    out += ["", wrap(rec.notice)]
    return "\n".join(out)
