"""The status line's two parts: where the person is in words, and a bar of how far along.

Both are one line of a fixed size, drawn directly: a new question changes what they show,
never their size, so they never make the screen lay itself out again.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

BAR_CELL = "\u2501"  # heavy horizontal line, as Textual's own progress bar draws it


class _OneLine(Widget, can_focus=False):
    """A widget one line high that draws that line itself."""

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        style = self.rich_style
        return self.line(width, style) if y == 0 else Strip.blank(width, style)

    def line(self, width: int, style: Style) -> Strip:
        raise NotImplementedError


class TextLine(_OneLine):
    """One line of words, cut to the width it is given (the section and questions left)."""

    DEFAULT_CSS = """
    TextLine {
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = ""

    @property
    def text(self) -> str:
        return self._text

    def say(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.refresh()

    def line(self, width: int, style: Style) -> Strip:
        words = Text(self._text, no_wrap=True)
        words.truncate(width, overflow="ellipsis", pad=True)
        return Strip([Segment(words.plain, style)], width)


class ProgressLine(_OneLine):
    """How far along, as a bar: the words beside it say the numbers."""

    COMPONENT_CLASSES = {"progress--done", "progress--left"}
    DEFAULT_CSS = """
    ProgressLine {
        height: 1;
        width: 30;
        &> .progress--done {
            color: $primary;
        }
        &> .progress--left {
            color: $surface;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.done = 0
        self.total = 0

    def show_progress(self, done: int, total: int) -> None:
        if (done, total) != (self.done, self.total):
            self.done, self.total = done, total
            self.refresh()

    def line(self, width: int, style: Style) -> Strip:
        filled = round(width * self.done / self.total) if self.total > 0 else 0
        filled = max(0, min(width, filled))
        done = style + self.get_component_rich_style("progress--done", partial=True)
        left = style + self.get_component_rich_style("progress--left", partial=True)
        return Strip([Segment(BAR_CELL * filled, done), Segment(BAR_CELL * (width - filled), left)], width)
