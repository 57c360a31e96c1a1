"""Carry hand-written comments from an old YAML text into a newly dumped one.

`intake replay --update` rewrites a transcript from the current dialog; PyYAML drops comments,
and staff write them to say why a transcript exists. Each comment is tied to the key or list
item it sits on or above (by its path in the data, not its line number), and put back at the
same path in the new text. A comment whose path is gone goes before the next path that is
still there, so nothing a person wrote is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

Key = tuple[object, ...]
END: Key = ("<end>",)


@dataclass(frozen=True)
class Layout:
    """Where each path starts and ends in a YAML text (0-based lines)."""

    order: list[Key]
    start: dict[Key, int]
    end: dict[Key, int]
    in_scalar: frozenset[int]  # lines inside a multi-line scalar, where '#' is text
    token_end: dict[int, int]  # line -> column after the last token on it


def layout(text: str) -> Layout:
    order: list[Key] = []
    start: dict[Key, int] = {}
    end: dict[Key, int] = {}

    def last_line(node: yaml.Node) -> int:
        mark = node.end_mark
        return mark.line - 1 if mark.column == 0 and mark.line > node.start_mark.line else mark.line

    def walk(node: yaml.Node, path: Key, line: int) -> None:
        if path:
            order.append(path)
            start[path] = line
            end[path] = last_line(node)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, key.value), key.start_mark.line)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*path, index), item.start_mark.line)

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root, (), 0)
    in_scalar: set[int] = set()
    token_end: dict[int, int] = {}
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        first, last = token.start_mark.line, token.end_mark.line
        if isinstance(token, yaml.ScalarToken):
            in_scalar.update(range(first + 1, last + 1))
        if not isinstance(token, yaml.StreamEndToken):
            token_end[last] = max(token_end.get(last, 0), token.end_mark.column)
    return Layout(order, start, end, frozenset(in_scalar), token_end)


def _outermost_starting(lay: Layout, line: int) -> Key | None:
    found = [path for path in lay.order if lay.start[path] == line]
    return min(found, key=len) if found else None


def _innermost(lay: Layout, line: int) -> tuple[Key, str] | None:
    ending = [path for path in lay.order if lay.end[path] == line]
    if ending:
        return max(ending, key=len), "end"
    starting = [path for path in lay.order if lay.start[path] == line]
    return (max(starting, key=len), "start") if starting else None


def carry_comments(old: str, new: str) -> str:
    """`new` with the comments of `old` at the same paths."""
    before = layout(old)
    above: dict[Key, list[str]] = {}  # full-line comments above a path
    trailing: dict[tuple[Key, str], str] = {}  # a comment after a value on its line
    pending: list[str] = []
    for number, line in enumerate(old.splitlines()):
        if number in before.in_scalar:
            continue
        stripped = line.strip()
        if stripped.startswith("#"):
            pending.append(line.rstrip())
            continue
        if not stripped:
            continue
        rest = line[before.token_end.get(number, 0):]
        if rest.lstrip().startswith("#"):
            anchor = _innermost(before, number)
            if anchor is not None:
                trailing[anchor] = rest.strip()
        if pending:
            path = _outermost_starting(before, number)
            if path is not None:
                above.setdefault(path, []).extend(pending)
                pending = []
    if pending:
        above.setdefault(END, []).extend(pending)
    if not above and not trailing:
        return new

    after = layout(new)
    lines = new.splitlines()
    insert: dict[int, list[str]] = {}
    append: dict[int, str] = {}

    def place(path: Key) -> int:
        """The line above which a comment for `path` goes: its own, or the next surviving one."""
        if path in after.start:
            return after.start[path]
        later = before.order[before.order.index(path) + 1:] if path in before.start else []
        for other in later:
            if other in after.start:
                return after.start[other]
        return len(lines)

    for path, comments in above.items():
        insert.setdefault(len(lines) if path == END else place(path), []).extend(comments)
    for (path, side), comment in trailing.items():
        if path in after.start:
            at = after.end[path] if side == "end" else after.start[path]
            append[at] = f"{append[at]} {comment}" if at in append else comment
        else:
            insert.setdefault(place(path), []).append(comment)
    out: list[str] = []
    for number, line in enumerate(lines):
        out.extend(insert.get(number, []))
        out.append(f"{line}  {append[number]}" if number in append else line)
    out.extend(insert.get(len(lines), []))
    return "\n".join(out) + "\n"
