"""The conversation log: every message so far, drawn line by line in one scrolling widget.

One widget rather than one per message, so a turn is laid out in a single pass: the log's
size never changes when a message is added (only what it scrolls over), and the newest
message is in view in the first frame that shows it. Messages are told apart by more than
colour: each starts with who speaks ("Intake:", "You:"), the person's are indented, and
each has a bar down its left side. Where the conversation is longer than the log, a marker
in its last column shows where the view is (the wheel scrolls it); it is drawn with the
lines, not by Textual's scroll bar, which cost a third of a turn's drawing.
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
MARK = "\u2588"  # a block in the last column, where the view is (as a scroll bar's thumb)
PERSON_INDENT = 8  # the person's messages sit to the right, as in a chat


class ConversationLog(ScrollView, can_focus=False):
    """The messages, newest at the bottom; it follows the newest unless the person scrolled up."""

    COMPONENT_CLASSES = {"conversation--bot", "conversation--person",
                         "conversation--bot-bar", "conversation--person-bar", "conversation--mark"}
    DEFAULT_CSS = """
    ConversationLog {
        padding: 0;  /* drawn with the lines */
        scrollbar-size-vertical: 0;  /* the marker in the last column stands for it */
        & > .conversation--mark {
            color: $scrollbar;
        }
    }
    """

    def __init__(self, names: dict[str, str], *, id: str | None = None) -> None:
        """`names`: who speaks, in words, by speaker ("bot" -> "Intake", "person" -> "You")."""
        super().__init__(id=id)
        self._names = names
        self._entries: list[LogEntry] = []
        self._wrapped: dict[int, list[Strip]] = {}  # entry index -> its lines, at self._width
        self._width = 0  # of the messages' lines: the log's, less the marker's column
        self._lines: list[Strip] | None = None
        self._follow = True  # keep the newest line in view (until the person scrolls up)
        self._laid_out: tuple[Size, Size] | None = None  # (size, virtual size) at the last layout
        self._styles: dict[str, Style] = {}
        self._drawn: dict[tuple[int, bool], Strip] = {}  # (line, marked) -> as drawn, with its last column

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
        unchanged = sum(len(lines) for lines in self._wrapped.values())  # lines drawn as before
        self._drawn = {key: line for key, line in self._drawn.items() if key[0] < unchanged}
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
        #   refresh itself again on every pass, which costs a frame after each turn);
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
            self._follow = True  # ScrollView's clamp of the old position above may have cleared it
        return changed

    def on_resize(self) -> None:
        if self._line_width() != self._width:
            self._update_size()

    # --- drawing ------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_drawing()
        self._styles.clear()

    def _forget_drawing(self) -> None:
        """Wrap and draw every message again (a new width or new colours)."""
        self._wrapped.clear()
        self._lines = None
        self._drawn.clear()

    def _style(self, name: str) -> Style:
        """A part's colours over the log's own (worked out once: Textual walks every ancestor
        to find them)."""
        if name not in self._styles:
            base = self._styles.setdefault("", self.rich_style)
            self._styles[name] = base + self.get_component_rich_style(name, partial=True) if name else base
        return self._styles[name]

    def _line_width(self) -> int:
        """The messages' width: the log's, less a space each side and the marker's column (the
        log draws its own margins: Textual's padding would copy every line again each frame)."""
        return max(self.scrollable_content_region.width - 3, 0)

    def _update_size(self) -> None:
        width = self._line_width()
        if width != self._width:
            self._width = width
            self._forget_drawing()
        self.virtual_size = Size(width + 3, len(self._all_lines()))
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
        base = self._style("")
        person = entry.speaker == "person"
        indent = PERSON_INDENT if person and width > PERSON_INDENT + 12 else 0
        bar = self._style(f"conversation--{entry.speaker}-bar")
        words = self._style(f"conversation--{entry.speaker}")
        text = Text(f"{self._names.get(entry.speaker, entry.speaker)}: {entry.text}")
        lines = [] if person else [Strip.blank(width, base)]
        for line in text.wrap(self.app.console, max(width - indent - 3, 1)):
            segments = [Segment(" " * indent, base), Segment(BAR, bar), Segment(" ", words),
                        Segment(line.plain.rstrip(), words)]
            lines.append(Strip(segments).extend_cell_length(width, base))
        return lines

    def render_line(self, y: int) -> Strip:
        lines = self._all_lines()
        index = self.scroll_offset.y + y
        marked = self._marked(y, len(lines))
        key = (index, marked)
        found = self._drawn.get(key)
        if found is None:
            base = self._style("")
            line = lines[index] if 0 <= index < len(lines) else Strip.blank(self._width, base)
            mark = Segment(MARK, self._style("conversation--mark")) if marked else Segment(" ", base)
            found = self._drawn[key] = Strip([Segment(" ", base), *line, mark, Segment(" ", base)],
                                             self._width + 3)
        return found

    def _marked(self, y: int, total: int) -> bool:
        """Whether row y of the last column shows the marker: where the view is, when there is
        more to see than fits."""
        height = self.size.height
        if total <= height or height <= 0:
            return False
        size = max(1, round(height * height / total))
        top = round(self.scroll_offset.y * (height - size) / max(total - height, 1))
        return top <= y < top + size
