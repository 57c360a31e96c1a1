"""The conversation log: every message so far, drawn line by line in one scrolling widget.

One widget rather than one per message, so a turn is laid out in a single pass: the log's
size never changes when a message is added (only what it scrolls over), and the newest
message is in view in the first frame that shows it. Messages are told apart by more than
colour: each starts with who speaks ("Intake:", "You:"), the person's are indented, and
each has a bar down its left side.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...turns import LogEntry

BAR = "\u2588"  # a full block: the left side of Textual's "thick" border
PERSON_INDENT = 8  # the person's messages sit to the right, as in a chat


class ConversationLog(ScrollView, can_focus=False):
    """The messages, newest at the bottom; it follows the newest unless the person scrolled up."""

    COMPONENT_CLASSES = {"conversation--bot", "conversation--person",
                         "conversation--bot-bar", "conversation--person-bar"}

    def __init__(self, names: dict[str, str], *, id: str | None = None) -> None:
        """`names`: who speaks, in words, by speaker ("bot" -> "Intake", "person" -> "You")."""
        super().__init__(id=id)
        self._names = names
        self._entries: list[LogEntry] = []
        self._wrapped: dict[int, list[Strip]] = {}  # entry index -> its lines, at self._width
        self._width = 0
        self._lines: list[Strip] | None = None
        self._follow = True  # keep the newest line in view (until the person scrolls up)
        self._laid_out: tuple[Size, Size] | None = None  # (size, virtual size) at the last layout
        self._base: Style | None = None
        self._styles: dict[str, tuple[Style, Style]] = {}

    # --- what it shows ------------------------------------------------------------------------

    @property
    def entries(self) -> tuple[LogEntry, ...]:
        return tuple(self._entries)

    def set_entries(self, entries: Sequence[LogEntry]) -> None:
        """Show these messages; those already shown keep their lines (on back, restart or a
        jump, the ones no longer true go)."""
        keep = 0
        while keep < min(len(self._entries), len(entries)) and self._entries[keep] == entries[keep]:
            keep += 1
        self._entries = list(entries)
        self._wrapped = {i: lines for i, lines in self._wrapped.items() if i < keep}
        self._lines = None
        self._update_size()

    def follow(self) -> None:
        """Show the newest line now, and keep it in view as the log's height changes."""
        self._follow = True
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._follow = new >= self.max_scroll_y  # scrolled up to reread: stay there

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # Two private hooks of ScrollView's, with textual pinned exactly in pyproject.toml:
        # - a layout pass that leaves the log as it was does nothing here (ScrollView would
        #   refresh its scroll bar on every pass, which costs a frame after each turn);
        # - when the options below change the log's height, it stays at its end in the frame
        #   that draws the new height, not a frame later (Textual's own anchor uses the old one).
        if (size, self.virtual_size) == self._laid_out:
            return False
        self._laid_out = (size, self.virtual_size)
        follow = self._follow
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if follow:
            self.set_reactive(ScrollView.scroll_y, self.max_scroll_y)
            self.set_reactive(ScrollView.scroll_target_y, self.max_scroll_y)
            self.vertical_scrollbar.position = self.max_scroll_y
            self._follow = True
        return changed

    # --- drawing ------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._wrapped.clear()
        self._lines = None
        self._base = None
        self._styles.clear()

    def _speaker_styles(self, speaker: str) -> tuple[Style, Style]:
        """(bar, words) of a speaker's messages, over the log's colours."""
        if speaker not in self._styles:
            base = self.base_style
            self._styles[speaker] = (
                base + self.get_component_rich_style(f"conversation--{speaker}-bar", partial=True),
                base + self.get_component_rich_style(f"conversation--{speaker}", partial=True))
        return self._styles[speaker]

    @property
    def base_style(self) -> Style:
        """The log's own colours (worked out once: Textual walks every ancestor to find them)."""
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def on_resize(self) -> None:
        if self._content_width() != self._width:
            self._update_size()

    def _content_width(self) -> int:
        return self.scrollable_content_region.width

    def _update_size(self) -> None:
        width = self._content_width()
        if width != self._width:
            self._width = width
            self._wrapped.clear()
            self._lines = None
        self.virtual_size = Size(width, len(self._all_lines()))
        self.refresh()

    def _all_lines(self) -> list[Strip]:
        if self._lines is None:
            lines: list[Strip] = []
            for index, entry in enumerate(self._entries):
                if index not in self._wrapped:
                    self._wrapped[index] = self._wrap(entry)
                lines.extend(self._wrapped[index])
            self._lines = lines
        return self._lines

    def _wrap(self, entry: LogEntry) -> list[Strip]:
        """The message: indent, bar, a space, the words wrapped, and a blank line before each of
        the bot's (the person's answer follows its question closely, as in a chat)."""
        width = self._width
        if width <= 0:
            return []
        base = self.base_style
        person = entry.speaker == "person"
        indent = PERSON_INDENT if person and width > PERSON_INDENT + 12 else 0
        bar, words = self._speaker_styles(entry.speaker)
        inner = max(width - indent - 3, 1)
        text = Text(f"{self._names.get(entry.speaker, entry.speaker)}: {entry.text}")
        lines = [] if person else [Strip.blank(width, base)]
        for line in text.wrap(self.app.console, inner):
            segments = [Segment(" " * indent, base), Segment(BAR, bar), Segment(" ", words),
                        Segment(line.plain.rstrip(), words)]
            lines.append(Strip(segments).extend_cell_length(width, base))
        return lines

    def render_line(self, y: int) -> Strip:
        lines = self._all_lines()
        index = self.scroll_offset.y + y
        if 0 <= index < len(lines):
            return lines[index]  # each is as wide as the log: the log never scrolls sideways
        return Strip.blank(self._width, self.base_style)

    def newest_in_view(self) -> bool:
        """Whether the last line of the newest message is on screen."""
        return self.scroll_y >= self.max_scroll_y
