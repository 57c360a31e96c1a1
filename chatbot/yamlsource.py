"""Read a YAML file into plain data plus the line of every node.

Errors in dialog and transcript files must name a line a clinician can open, so we
keep a map from each data path (("questions", 3, "next", 0)) to its 1-based line.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

_Loader: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
try:  # the C loader is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_BYTES = 2_000_000
CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"  # as spec.CONTROL_CHARACTERS
MAX_DEPTH = 64  # nested mappings and lists; a dialog needs fewer than ten
_DEPTH_CHARS = re.compile(r"[\n\"'\[\]{}]")  # the characters _too_deep counts or reads quotes by
MAX_NODES = 200_000  # values once aliases are expanded; the shipped dialog has about 20,000

Path_ = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)
_UNION_TAGS = frozenset({"str", "int", "float", "bool", "list", "dict"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, printed as `file:line: where: message`."""

    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.file}:{self.line}:{where} {self.message}"


class FileProblems(Exception):
    """Raised with every problem found; the CLI prints them one per line."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class Source:
    """Parsed data and where each part of it came from."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int:
        """The line of the deepest known node on this path."""
        for end in range(len(path), -1, -1):
            found = self.lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return 1


def read(path: str | Path, what: str = "file") -> Source:
    """Read and parse; raise FileProblems naming the file and line on any fault."""
    name = display_name(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise FileProblems([Problem(name, 1, "", f"the {what} is not a regular file (a folder, a device or a"
                                        " pipe); give the path of a .yaml file")])
        if info.st_size > MAX_BYTES:
            raise FileProblems([Problem(name, 1, "", f"the {what} is {info.st_size:,} bytes, more than the"
                                        f" {MAX_BYTES:,} allowed; split it or check that it is the right file")])
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # a file that grows while read is still cut at the limit
    except OSError as exc:
        raise FileProblems([Problem(name, 1, "", f"cannot read the {what}: {exc.strerror or exc}")]) from None
    return parse(raw, name, what)


def display_name(path: str | Path) -> str:
    """The path as the person would type it: relative to the current folder when inside it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        return str(path)


def parse(raw: bytes, name: str, what: str = "file") -> Source:
    if len(raw) > MAX_BYTES:
        raise FileProblems([Problem(
            name, 1, "", f"the {what} is {len(raw):,} bytes, more than the {MAX_BYTES:,} allowed;"
            " split it or check that it is the right file")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileProblems([Problem(
            name, line, "", f"byte {raw[exc.start]:#04x} is not UTF-8; save the {what} as UTF-8")]) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise FileProblems([Problem(name, line, "", f"the {what} contains a NUL byte; is it a text file?")])
    if not text.strip():
        raise FileProblems([Problem(name, 1, "", f"the {what} is empty")])
    deep = _too_deep(text)
    if deep is not None:
        raise FileProblems([Problem(name, deep, "", f"brackets nest more than {MAX_DEPTH} deep; a {what} needs"
                                    " only a few levels")])
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise FileProblems([Problem(name, 1, "", f"the {what} holds no data")])
        lines: dict[Path_, int] = {}
        problems: list[Problem] = []
        _walk(node, (), lines, problems, name, set(), [MAX_NODES])
        if problems:
            raise FileProblems(problems)
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and start is not None and start.line + 1 != line:
            reason += f" ({context.removeprefix('while ')} that starts on line {start.line + 1})"
        raise FileProblems([Problem(name, line, "", f"not valid YAML: {reason}")]) from None
    finally:
        loader.dispose()
    return Source(name, data, lines)


def _too_deep(text: str) -> int | None:
    """The line where flow brackets first nest deeper than MAX_DEPTH (checked before the YAML
    parser sees them: 100,000 nested brackets crash it), or None."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth, line, quote = 0, 1, ""
    for found in _DEPTH_CHARS.finditer(text):  # every other character leaves the count as it is
        char = found.group()
        if char == "\n":
            line += 1
            quote = ""  # flow scalars in our files never span lines; a stray quote ends here
        elif quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
    return None


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], problems: list[Problem], name: str,
          ancestors: set[int], budget: list[int]) -> None:
    """Record each node's line. Aliases (*name) are allowed, but an alias inside itself, nesting
    deeper than MAX_DEPTH and more than MAX_NODES values once aliases are expanded are refused,
    so a few hundred bytes can never expand into gigabytes (the "billion laughs")."""
    line = node.start_mark.line + 1
    budget[0] -= 1
    if id(node) in ancestors:
        problems.append(Problem(name, line, "", "an alias (*name) is used inside the value it names; it would"
                                " never end"))
        raise FileProblems(problems)
    if budget[0] < 0:
        problems.append(Problem(name, line, "", f"more than {MAX_NODES:,} values once aliases (*name) are"
                                " expanded; write the values out, or use fewer aliases"))
        raise FileProblems(problems)
    if len(path) > MAX_DEPTH:
        problems.append(Problem(name, line, "", f"nesting is more than {MAX_DEPTH} levels deep; a file like this"
                                " needs only a few"))
        raise FileProblems(problems)
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        ancestors.add(id(node))
        try:
            _walk_children(node, path, lines, problems, name, ancestors, budget)
        finally:
            ancestors.discard(id(node))
    lines.setdefault(path, line)


def _walk_children(node: yaml.Node, path: Path_, lines: dict[Path_, int], problems: list[Problem], name: str,
                   ancestors: set[int], budget: list[int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(Problem(
                    name, line, "", f"key '{key}' appears twice in one mapping (first on line {seen[key]});"
                    " keep one"))
            seen[key] = line
            # the key's line reads better than the value's for block mappings
            _walk(value_node, path + (key,), lines, problems, name, ancestors, budget)
            lines[path + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, problems, name, ancestors, budget)


def model_from(source: Source, model: type[M], hint: str, where: Callable[[Path_], str]) -> M:
    """Validate parsed data against a pydantic model; schema errors become file:line problems.

    `where` names the item a location is in ("question 'x'", "turn 3") for the message.
    """
    if not isinstance(source.data, dict):
        raise FileProblems([Problem(source.file, 1, "", hint)])
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        raise FileProblems(schema_problems(exc, source, where)) from None


def schema_problems(exc: ValidationError, source: Source, where: Callable[[Path_], str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[int, str]] = set()
    for err in exc.errors():
        loc = tuple("not" if p == "not_" else p for p in err["loc"]
                    if not (isinstance(p, str) and ("[" in p or p.startswith("function") or p in _UNION_TAGS)))
        # the field inside the item: what follows a list index, else what follows the top key
        index = next((i for i, p in enumerate(loc) if isinstance(p, int)), None)
        tail = loc[index + 1:] if index is not None else loc[1:]
        field_name = ".".join(str(p) for p in tail if not isinstance(p, int))
        prefix = f"{field_name}: " if field_name else ""
        kind, msg = err["type"], err["msg"]
        if kind == "extra_forbidden":
            message = f"unknown key '{loc[-1]}'; check its spelling or remove it"
        elif kind == "missing":
            message = f"'{loc[-1]}' is missing; add it"
        elif kind == "literal_error":
            message = f"{prefix}{msg.replace('Input should be', 'must be')}, not {err['input']!r}"
        elif kind == "string_pattern_mismatch" and re.search(CONTROL, str(err["input"])):
            message = (f"{prefix}contains a control character ({_first_control(str(err['input']))}), such as a"
                       " terminal escape code; remove it")
        elif kind == "string_pattern_mismatch":
            message = (f"{prefix}{err['input']!r} is not a valid id; use lower-case letters, digits and"
                       " underscores, starting with a letter")
        else:
            message = prefix + msg.removeprefix("Value error, ").replace("Input should be", "should be")
        if isinstance(err.get("input"), bool):
            message += "; YAML reads a bare yes/no as true/false: write \"yes\" or \"no\" in quotes"
        line = source.line(loc)
        # one line per place: a value that fits none of a union's types is one fault, not five
        if (line, field_name) not in seen:
            seen.add((line, field_name))
            problems.append(Problem(source.file, line, where(loc), message))
    return problems


def _first_control(text: str) -> str:
    found = re.search(CONTROL, text)
    return f"U+{ord(found.group()):04X}" if found else "?"
