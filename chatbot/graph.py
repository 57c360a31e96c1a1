"""The dialog machine as a Mermaid `stateDiagram-v2`, sections drawn as groups.

Our own writer rather than transitions' GraphMachine: it needs no extra packages and
can label each edge with its condition and group questions by section.
"""

from __future__ import annotations

from .conditions import describe
from .dialogs import LoadedDialog
from .route import Route
from .spec import END


def _label(text: str) -> str:
    return text.replace(":", " ").replace(";", ",").replace('"', "'").replace("\n", " ")


def mermaid(dialog: LoadedDialog) -> str:
    spec = dialog.spec
    lines = ["stateDiagram-v2", f"    %% {spec.dialog.id} v{spec.dialog.version} ({spec.dialog.locale})"]
    for section in spec.sections:
        members = [q for q in spec.questions if q.section == section.id]
        if not members:
            continue
        lines.append(f'    state "{_label(section.title)}" as section_{section.id} {{')
        for q in members:
            lines.append(f"        {q.id}")
        lines.append("    }")
    lines.append(f"    [*] --> {spec.dialog.start}")
    for q, _, edge in Route(dialog.questions, spec.dialog.start).edges():
        target = "[*]" if edge.goto == END else edge.goto
        label = f" : {_label(describe(edge.when))}" if edge.when is not None else ""
        lines.append(f"    {q.id} --> {target}{label}")
    return "\n".join(lines) + "\n"
