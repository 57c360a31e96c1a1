"""Answer widgets fitted to the question kind. Each only turns a pick into the text a
person could have typed ("2", "1, 3", "yes"); the Session parses it like any other text."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Button, OptionList, SelectionList
from textual.widgets.option_list import Option

from ...answers import Parser
from ...engine import OptionView, QuestionView
from ...spec import Question


class Picked(Message):
    """The person picked an answer with a widget: `text` goes to the session, `shown` to the log."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class ChoiceList(OptionList):
    """One of several options: arrows and Enter, a click, or the option's number."""

    def __init__(self, options: list[OptionView], **kw: object) -> None:
        super().__init__(*(Option(f"{o.number}. {o.label}", id=str(o.number)) for o in options), **kw)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(Picked(str(event.option.id)))


class MultiList(SelectionList[int]):
    """Several options: Space ticks, Enter sends the ticked ones (or the highlighted one)."""

    BINDINGS = [
        Binding("space", "select", "Tick", show=True),
        Binding("enter", "send", "Send ticked", show=True, priority=True),
    ]

    def __init__(self, options: list[OptionView], **kw: object) -> None:
        super().__init__(*((f"{o.number}. {o.label}", o.number) for o in options), **kw)

    def action_send(self) -> None:
        picked = sorted(self.selected)
        if not picked and self.highlighted is not None:
            picked = [self.get_option_at_index(self.highlighted).value]
        if picked:
            self.post_message(Picked(", ".join(str(p) for p in picked)))


class YesNo(Horizontal):
    """Two buttons; Tab or the arrow keys move between them, Enter presses."""

    BINDINGS = [Binding("left", "app.focus_previous", show=False), Binding("right", "app.focus_next", show=False)]

    def __init__(self, options: list[OptionView], **kw: object) -> None:
        super().__init__(**kw)
        self._options = options

    def compose(self):  # noqa: ANN201
        for o in self._options:
            yield Button(o.label, id=f"yn-{o.value}", classes="yes-no")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        value = (event.button.id or "").removeprefix("yn-")
        self.post_message(Picked(value))


class AnswerValidator(Validator):
    """Live feedback in the input; the Session still gets whatever is sent (crisis checks)."""

    def __init__(self, parser: Parser, question: Question) -> None:
        super().__init__()
        self.parser = parser
        self.question = question

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        parsed = self.parser.parse(self.question, value)
        return self.success() if parsed.reask is None else self.failure(parsed.reask)


def widget_for(question: QuestionView) -> Widget | None:
    """The answer widget for a question kind; numbers and text use the input alone."""
    if question.kind == "choice":
        return ChoiceList(question.options, classes="choices")
    if question.kind == "multi":
        return MultiList(question.options, classes="choices")
    if question.kind == "yes_no":
        return YesNo(question.options, classes="choices")
    return None
