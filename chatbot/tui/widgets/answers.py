"""Answer widgets fitted to the question kind. Each only turns a pick into the text a
person could have typed ("2", "1, 3", "yes"); the Session parses it like any other text."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, SelectionList
from textual.widgets.option_list import Option

from ...turns import OptionView
from ..words import Words, localize


class Picked(Message):
    """The person picked an answer with a widget: `text` goes to the session, `shown` to the log."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


def no_stale_scroll_bar(options: OptionList) -> None:
    """Adding options measures them against the list's old height (the last question's), so a
    list that grows showed a scroll bar for one frame; the next layout, at the new height,
    shows one only where the options do not fit."""
    options.show_vertical_scrollbar = False


class ChoiceList(OptionList):
    """One of several options: arrows and Enter from the answer box or here, or a click."""

    def __init__(self, options: Sequence[OptionView], *, name: str | None = None, id: str | None = None,
                 classes: str | None = None, disabled: bool = False) -> None:
        super().__init__(*(Option(f"{o.number}. {o.label}", id=str(o.number)) for o in options),
                         name=name, id=id, classes=classes, disabled=disabled)

    def fill(self, options: Sequence[OptionView]) -> None:
        """New options in place: cheaper than mounting a new list every question."""
        self.clear_options()
        self.add_options([Option(f"{o.number}. {o.label}", id=str(o.number)) for o in options])
        self.highlighted = None  # nothing until the person moves: a stray Enter must not pick option 1
        no_stale_scroll_bar(self)

    def pick_highlighted(self) -> bool:
        if self.highlighted is None:
            return False
        self.post_message(Picked(str(self.highlighted + 1)))
        return True

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(Picked(str(event.option.id)))


class MultiList(SelectionList[int]):
    """Several options: Space ticks, Enter sends the ticked ones (or the highlighted one)."""

    BINDINGS = [
        Binding("space", "select", "key_tick", show=True),
        Binding("enter", "send", "key_send_ticked", show=True, priority=True),
    ]

    def __init__(self, options: Sequence[OptionView], *, name: str | None = None, id: str | None = None,
                 classes: str | None = None, disabled: bool = False) -> None:
        super().__init__(*((f"{o.number}. {o.label}", o.number) for o in options),
                         name=name, id=id, classes=classes, disabled=disabled)

    def fill(self, options: Sequence[OptionView]) -> None:
        self.clear_options()
        self.add_options([(f"{o.number}. {o.label}", o.number) for o in options])
        self.highlighted = None
        no_stale_scroll_bar(self)

    def tick_highlighted(self) -> None:
        if self.highlighted is None:
            self.highlighted = 0  # the first Space shows where ticking starts; it ticks nothing unseen
            return
        self.toggle(self.get_option_at_index(self.highlighted).value)

    def pick_highlighted(self) -> bool:
        return self.action_send()

    def action_send(self) -> bool:
        picked = sorted(self.selected)
        if not picked and self.highlighted is not None:
            picked = [self.get_option_at_index(self.highlighted).value]
        if picked:
            self.post_message(Picked(", ".join(str(p) for p in picked)))
        return bool(picked)


class YesNo(Horizontal):
    """Two buttons; Tab or the arrow keys move between them, Enter presses."""

    BINDINGS = [Binding("left", "app.focus_previous", show=False), Binding("right", "app.focus_next", show=False)]

    def __init__(self, options: Sequence[OptionView], *, name: str | None = None, id: str | None = None,
                 classes: str | None = None, disabled: bool = False) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._options = options
        self.highlighted: int | None = None

    def fill(self, options: Sequence[OptionView]) -> None:
        """The turn's own yes and no, with the dialog's labels (mounted again only if they change)."""
        self._options = options
        self.highlighted = None
        buttons = list(self.query(Button))
        if [(b.id, str(b.label)) for b in buttons] == [(f"yn-{o.value}", o.label) for o in options]:
            for button in buttons:
                button.remove_class("-highlighted")
            return
        self.remove_children()
        self.mount_all([Button(o.label, id=f"yn-{o.value}", classes="yes-no") for o in options])

    def compose(self) -> ComposeResult:
        for o in self._options:
            yield Button(o.label, id=f"yn-{o.value}", classes="yes-no")

    def move(self, step: int) -> None:
        """Arrows from the answer box highlight Yes or No."""
        count = len(self._options)
        self.highlighted = 0 if self.highlighted is None else (self.highlighted + step) % count
        for i, button in enumerate(self.query(Button)):
            button.set_class(i == self.highlighted, "-highlighted")

    def pick_highlighted(self) -> bool:
        if self.highlighted is None:
            return False
        self.post_message(Picked(self._options[self.highlighted].value))
        return True

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        value = (event.button.id or "").removeprefix("yn-")
        self.post_message(Picked(value))



class AnswerBox(Input):
    """The typing box, which keeps the focus: with it empty, the arrows move through the
    options, Space ticks (several allowed), and Enter picks the highlighted one.

    Keeping the focus here means a fast typist's keys never race a focus change.
    """

    BINDINGS = [
        Binding("up", "choices(-1)", show=False),
        Binding("down", "choices(1)", show=False),
    ]

    def _choices(self) -> Widget | None:
        return next((w for w in self.screen.query(".choices") if w.display), None)

    def action_choices(self, step: int) -> None:
        choices = self._choices()
        if isinstance(choices, OptionList):
            choices.action_cursor_down() if step > 0 else choices.action_cursor_up()
        elif isinstance(choices, YesNo):
            choices.move(step)

    def on_key(self, event: events.Key) -> None:
        if event.key != "space" or self.value:
            return
        choices = self._choices()
        if isinstance(choices, MultiList):
            event.prevent_default()
            event.stop()
            choices.tick_highlighted()

    def pick(self) -> bool:
        """Enter on an empty box: pick what the options highlight (or tick). False when nothing
        is, so the empty answer goes on and is asked again in words."""
        choices = self._choices()
        if isinstance(choices, (ChoiceList, MultiList, YesNo)):
            return choices.pick_highlighted()
        return False


ChoiceWidget = ChoiceList | MultiList | YesNo  # the widgets refilled with each question's options
WIDGETS: dict[str, type[Widget]] = {"choice": ChoiceList, "multi": MultiList, "yes_no": YesNo}


def answer_widgets(ui: Words) -> list[Widget]:
    """One widget per option kind, mounted once and refilled per question; numbers and text
    use the answer box alone. (The yes/no buttons are refilled with each turn's own labels.)"""
    several = MultiList([], classes="choices", id="multi-list")
    localize(several, ui)
    yes_no: list[OptionView] = []
    return [ChoiceList([], classes="choices", id="choice-list"), several,
            YesNo(yes_no, classes="choices", id="yes-no")]
