"""The small pattern language crisis concepts are written in, compiled to word-level regexes.

A pattern is a row of elements separated by spaces, matched against whole words:

    word        the word itself; `word*` also its longer forms (kill* = kills, killing)
    a|b|c       any one of these words (or {sets})
    (a b|c)     any one of these word rows; (...)? optional
    {name}      any entry of the named word set (entries may be several words, or use {other})
    x?          the element is optional
    !x          the next word is not x (nothing is consumed)
    ...         up to three other words, within the same clause
    A & B       both parts, anywhere in the same sentence (a means and an intent)
    A && B      both parts, anywhere in the answer (what was taken, and in the next sentence
                what it is doing: "I stopped Friday. Now I'm hearing voices")
    A ~ B       both parts, in either order, at most six words apart in one clause

There are no regex quantifiers, groups or classes to write, so a pattern can neither
match the empty string unnoticed (`PatternError`) nor backtrack catastrophically: every
element consumes whole words, and gaps are bounded.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial

GAP = "..."
ANYWHERE = -1  # a Pair's `near` for `A && B`: both parts anywhere in the answer
_JOIN = re.compile(r"\s(?:&&|&|~)\s")
_JOINS = ("&&", "&", "~")
_ONE_JOIN = "write 'A & B', 'A && B' or 'A ~ B', one join between two patterns"
STEM_LIMIT = 16  # word beginnings looked up for `word*` anchors (longer stems are cut to this)
GAP_WORDS = 3
_WORD = re.compile(r"^[a-z0-9#]+\*?$")
_FOREIGN = re.compile(r"[^a-z0-9#*?!|(){}_. ]")  # anything else is regex syntax (or upper case)
_SET = re.compile(r"^\{([a-z0-9_]+)\}$")
# a word in the text: no spaces, and not a clause or sentence mark
_ANY_WORD = r"[^ .,]+ "


class PatternError(ValueError):
    """A pattern (or word set) that cannot be compiled; the message says how to fix it."""


def _word(word: str) -> str:
    if not _WORD.match(word):
        raise PatternError(f"'{word}' is not a plain lower-case word; write words, a|b, {{set}}, word?, word*,"
                           " !word or ... (regular-expression syntax is not allowed)")
    return _spell(word) + " "


def _spell(word: str) -> str:
    """The word's regex, its everyday spellings (`_forms`) folded in without alternation:
    "cutting" is `cuttin(?:g)?`, `slice*` is `slic(?:e|ing?)[a-z0-9]*` (one path to try, not two)."""
    star = word.endswith("*")
    stem = word.rstrip("*")
    if star and stem.endswith("e") and len(stem) > 3:
        return _escape(stem[:-1]) + "(?:e|ing?)[a-z0-9]*"
    if not star and stem.endswith("ing") and len(stem) > 4:
        return _escape(stem[:-1]) + "(?:g)?"
    return _escape(stem) + ("[a-z0-9]*" if star else "")


def _escape(text: str) -> str:
    return re.escape(text).replace("\\#", "#").replace("#", r"\d")


def _forms(word: str) -> list[str]:
    """The ways people write one word: `slice*` also as "slicing" (the e dropped before -ing and
    -ed), and any -ing word also with the g dropped ("cuttin", "seein")."""
    forms = [word]
    stem = word.rstrip("*")
    if word.endswith("*") and stem.endswith("e") and len(stem) > 3:
        forms.append(stem[:-1] + "ing*")
    for form in list(forms):
        base = form.rstrip("*")
        if base.endswith("ing") and len(base) > 4:
            forms.append(base[:-1])  # "cuttin": only the bare form; "cuttins" is not a word
    return forms


@lru_cache(maxsize=8192)
def _items(pattern: str) -> tuple[str, ...]:
    """Split a pattern into elements: words, sets and whole groups "(go on|carry on)".

    Cached: compiling a pattern and finding its anchor split the same text (a fault is raised
    again each time, as exceptions are not cached)."""
    if "(" not in pattern and ")" not in pattern:
        return tuple(pattern.split())
    items: list[str] = []
    depth = 0
    current = ""
    for char in pattern:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise PatternError(f"'{pattern}': a ')' without its '('")
        if char.isspace() and depth == 0:
            if current:
                items.append(current)
            current = ""
        else:
            current += char
    if depth:
        raise PatternError(f"'{pattern}': a '(' without its ')'")
    if current:
        items.append(current)
    return tuple(items)


class Grammar:
    """Word sets and the compiler that expands them; sets are compiled once and cached."""

    def __init__(self, sets: Mapping[str, list[str]], fillers: frozenset[str] = frozenset()):
        self.sets = sets
        self.fillers = fillers  # dropped from answers before matching, so dropped from patterns too
        self._compiled: dict[str, str] = {}
        self._open: set[str] = set()
        self._set_anchors: dict[str, Anchor | None] = {}
        # the same groups and set entries recur across patterns: each is worked out once
        self._sequences: dict[str, str] = {}
        self._checked: dict[str, str] = {}  # patterns checked without building their regex
        self._elements: dict[str, tuple[str, bool]] = {}
        self._dry_elements: dict[str, tuple[str, bool]] = {}
        self._dry = False
        self._anchors: dict[str, Anchor | None] = {}
        self._element_anchors: dict[str, Anchor | None] = {}
        self._lock = threading.Lock()  # regexes built on first use may be wanted by two sessions at once

    def set_regex(self, name: str) -> str:
        if name in self._compiled:
            return self._compiled[name]
        if name not in self.sets:
            raise PatternError(f"unknown word set '{{{name}}}'; sets are: " + ", ".join(sorted(self.sets)))
        if name in self._open:
            raise PatternError(f"word set '{{{name}}}' contains itself")
        self._open.add(name)
        try:
            entries = [self.sequence(entry, where=f"word set '{name}'") for entry in self.sets[name]]
        finally:
            self._open.discard(name)
        if not entries:
            raise PatternError(f"word set '{{{name}}}' is empty")
        regex = "(?:" + "|".join(entries) + ")"
        self._compiled[name] = regex
        return regex

    def element(self, item: str) -> tuple[str, bool]:
        """(regex, consumes): one element's regex, and whether it must consume words."""
        cache = self._dry_elements if self._dry else self._elements
        found = cache.get(item)
        if found is None:
            found = cache[item] = self._element(item)
        return found

    def _element(self, item: str) -> tuple[str, bool]:
        if item == GAP:
            return f"(?:{_ANY_WORD}){{0,{GAP_WORDS}}}", False
        if item.startswith("!"):
            inner, _ = self.element(item[1:])
            return f"(?!{inner})", False
        optional = item.endswith("?")
        core = item[:-1] if optional else item
        if not core:
            raise PatternError("a lone '?' or '!' has nothing to apply to")
        if core.startswith("("):
            if not core.endswith(")") or "(" in core[1:]:
                raise PatternError(f"'{item}': a group is (words|other words), not nested, closed with ')'")
            choices = [self.sequence(c, where=f"group '{item}'") for c in core[1:-1].split("|")]
            # an alternative of fillers alone is never in an answer: it drops out of the group
            choices = [c for c in choices if c]
            if not choices:
                return "", False
            regex = "(?:" + "|".join(choices) + ")"
            return (f"(?:{regex})?", False) if optional else (regex, True)
        choices = [c for c in (self._choice(c) for c in core.split("|")) if c]  # fillers drop out
        if not choices:
            return "", False
        regex = choices[0] if len(choices) == 1 else "(?:" + "|".join(choices) + ")"
        return (f"(?:{regex})?", False) if optional else (regex, True)

    def _choice(self, item: str) -> str:
        if item in self.fillers:
            return ""
        found = _SET.match(item)
        if found is None and self._dry:  # checking only: a plain word is all it must be
            if not _WORD.match(item):
                _word(item)  # raises, saying why
            return "w"
        if found is None:
            return _word(item)
        if self._dry:  # checking only: the set exists (its entries are checked once, on their own)
            if found.group(1) not in self.sets:
                raise PatternError(f"unknown word set '{item}'; sets are: " + ", ".join(sorted(self.sets)))
            return "{}"
        return self.set_regex(found.group(1))

    def sequence(self, pattern: str, where: str = "pattern") -> str:
        cache = self._checked if self._dry else self._sequences
        found = cache.get(pattern)
        if found is None:
            found = cache[pattern] = self._sequence(pattern, where)
        return found

    def _sequence(self, pattern: str, where: str) -> str:
        odd = sorted(set(_FOREIGN.findall(pattern)))
        if odd:
            raise PatternError(f"'{pattern}': {' '.join(odd)} is regular-expression syntax, which is not allowed;"
                               " write words, a|b, (several words|others), {set}, word?, word*, !word or ...")
        written = _items(pattern)
        if not written:
            raise PatternError(f"{where}: an empty pattern would match every answer")
        items = [i for i in written if i not in self.fillers]
        if not items:
            if where.startswith("group"):
                return ""  # "(honestly|really)?": the alternative is there to be skipped
            raise PatternError(f"'{pattern}' is filler words only ({', '.join(written)}), which are dropped from"
                               " answers before matching; write the words that carry the meaning")
        parts: list[str] = []
        consumes = False
        for i, item in enumerate(items):
            if item == GAP and (i == 0 or i == len(items) - 1 or items[i - 1] == GAP):
                raise PatternError(f"{where}: '...' belongs between two words, once")
            regex, needs = self.element(item)
            parts.append(regex)
            consumes = consumes or needs
        if not consumes:
            raise PatternError(f"'{pattern}' can match without any word (every part is optional); make one"
                               " word required")
        return "".join(parts)

    def check(self, pattern: str) -> None:
        """Raise PatternError if the pattern cannot be compiled (what `intake validate` needs,
        without building the regex engine's program for every pattern)."""
        self._dry = True
        try:
            if len([w for w in pattern.split() if w in _JOINS]) > 1:
                raise PatternError(f"'{pattern}': {_ONE_JOIN}")
            for part in _JOIN.split(pattern):
                if part.strip() in _JOINS or not part.strip():
                    raise PatternError(f"'{pattern}': {_ONE_JOIN}")
                self.sequence(part.strip())
        finally:
            self._dry = False

    def compile(self, patterns: list[str], anchored: bool = False, checked: bool = False) -> Compiled:
        """One regex for the plain patterns, and a pair of regexes for each `A & B` pattern.

        `anchored`: also keep each plain pattern alone with its anchor, the words one of which
        must be in the text for it to match, so long lists run only the patterns that can.
        `checked` (with `anchored`): every pattern passed `check` against these word sets
        already (the dialog's Checker did it), so each regex is written out the first time its
        pattern runs rather than here: most patterns never run in a session.
        """
        lazy = anchored and checked
        plain: list[str] = []
        singles: list[Single] = []
        pairs: list[Pair] = []
        for pattern in patterns:
            joins = [w for w in pattern.split() if w in _JOINS]
            if joins:
                parts = [p.strip() for p in _JOIN.split(f" {pattern} ".strip())]
                if len(joins) != 1 or len(parts) != 2 or not all(parts):
                    raise PatternError(f"'{pattern}': {_ONE_JOIN}")
                first, second = ((partial(self.regex, p) if lazy else self.regex(p)) for p in parts)
                near = {"~": NEAR_WORDS, "&&": ANYWHERE}.get(joins[0])
                pairs.append(Pair(first, second, near, self.anchor(parts[0]),
                                  self.requires(parts[0]) + self.requires(parts[1])))
            elif lazy:
                singles.append(Single(partial(self.regex, pattern), self.anchor(pattern), self.requires(pattern)))
            else:
                regex = self.sequence(pattern)
                plain.append(regex)
                if anchored:
                    singles.append(Single(_AT_WORD + regex, self.anchor(pattern), self.requires(pattern)))
        union = _AT_WORD + "(?:" + "|".join(plain) + ")" if plain and not anchored else None
        return Compiled(union, tuple(pairs), tuple(singles))

    def regex(self, pattern: str) -> str:
        """The regex source of one plain pattern, matched at a word's start."""
        with self._lock:
            return _AT_WORD + self.sequence(pattern)

    # --- anchors: words one of which a match must contain --------------------------------------

    def anchor(self, pattern: str) -> Anchor | None:
        """The most selective required element's words (longest shortest word), or None if every
        required element can match digits only."""
        if pattern not in self._anchors:
            self._anchors[pattern] = self._anchor(pattern)
        return self._anchors[pattern]

    def requires(self, pattern: str) -> tuple[Anchor, ...]:
        """One anchor per required element: each must have a word in the text for the pattern to
        match, so a pattern is run only where all of them do (most answers have the rarest one
        of a pattern's words, few have every one)."""
        out = []
        cache = self._element_anchors
        for item in _items(pattern):
            if item == GAP or item.startswith("!") or item.endswith("?"):
                continue
            # the same elements ("{me}", "kill*|end") recur across patterns: each is worked out once
            found = cache[item] if item in cache else cache.setdefault(item, self._element_anchor(item))
            if found is not None:
                out.append(found)
        return tuple(out)

    def _anchor(self, pattern: str) -> Anchor | None:
        """The most selective required element (the first of the best, by `Anchor.score`)."""
        return max(self.requires(pattern), key=lambda a: a.score, default=None)

    def _element_anchor(self, core: str) -> Anchor | None:
        """The words one of which a match of this element contains. Filler words are dropped from
        answers before matching, so they are never an element's words; an element of fillers
        alone matches nothing and requires nothing (None)."""
        if core.startswith("("):
            alts = [alt for alt in core[1:-1].split("|") if not all(w in self.fillers for w in alt.split())]
            parts = [self.anchor(alt) for alt in alts]
        else:
            parts = []
            for choice in core.split("|"):
                if choice in self.fillers:
                    continue
                found = _SET.match(choice)
                parts.append(self._set_anchor(found.group(1)) if found else _word_anchor(choice))
        if not parts or any(p is None for p in parts):
            return None
        return Anchor(frozenset().union(*(p.exact for p in parts if p)),
                      frozenset().union(*(p.stems for p in parts if p)))

    def _set_anchor(self, name: str) -> Anchor | None:
        if name not in self._set_anchors:
            self._set_anchors[name] = None  # a set that contains itself was refused when compiled
            parts = [self.anchor(entry) for entry in self.sets[name]]
            self._set_anchors[name] = None if any(p is None for p in parts) else Anchor(
                frozenset().union(*(p.exact for p in parts if p)), frozenset().union(*(p.stems for p in parts if p)))
        return self._set_anchors[name]


_AT_WORD = "(?<= )"
NEAR_WORDS = 6


@dataclass(frozen=True)
class Anchor:
    """Whole words, and word beginnings (from `word*`), at least one of which is in any match."""

    exact: frozenset[str]
    stems: frozenset[str]
    # longer words are rarer in what people type: prefer the element whose shortest word is longest
    score: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "score", min(map(len, self.exact | self.stems), default=0))

    @cached_property
    def stem_keys(self) -> frozenset[str]:
        """The word beginnings as looked up in a text's (`STEM_LIMIT`-long) beginnings of words."""
        return frozenset(s[:STEM_LIMIT] for s in self.stems)


def _word_anchor(word: str) -> Anchor | None:
    if "#" in word:
        return None
    forms = _forms(word)
    return Anchor(frozenset(f for f in forms if not f.endswith("*")),
                  frozenset(f[:-1] for f in forms if f.endswith("*")))


Source = str | Callable[[], str]  # a regex, or how to write it out when first needed


def _written(source: Source) -> str:
    return source if isinstance(source, str) else source()


class Single:
    """One plain pattern, run only when its anchor is in the text; compiled the first time it
    runs, so the many patterns whose words an answer never has cost nothing at start."""

    __slots__ = ("anchor", "requires", "_source", "_regex")

    def __init__(self, source: Source, anchor: Anchor | None, requires: tuple[Anchor, ...] = ()):
        self._source = source
        self.anchor = anchor
        self.requires = requires  # every required element's words: all must be in the text
        self._regex: re.Pattern[str] | None = None

    @property
    def source(self) -> str:
        return _written(self._source)

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.source)
        return self._regex


class Pair:
    """`A & B` (same sentence, `near` None), `A && B` (anywhere in the answer, `near` ANYWHERE) or
    `A ~ B` (same clause, at most `near` words apart, either order).
    Compiled the first time it runs, like `Single`."""

    __slots__ = ("_sources", "near", "anchor", "requires", "_first", "_second")

    def __init__(self, first: Source, second: Source, near: int | None, anchor: Anchor | None = None,
                 requires: tuple[Anchor, ...] = ()):
        self._sources = (first, second)
        self.near = near
        self.anchor = anchor  # of the first part
        self.requires = requires  # every required element's words, of both parts
        self._first: re.Pattern[str] | None = None
        self._second: re.Pattern[str] | None = None

    @property
    def sources(self) -> tuple[str, str]:
        return _written(self._sources[0]), _written(self._sources[1])

    @property
    def first(self) -> re.Pattern[str]:
        if self._first is None:
            self._first = re.compile(_written(self._sources[0]))
        return self._first

    @property
    def second(self) -> re.Pattern[str]:
        """Compiled apart from the first: it is needed only once the first part matched."""
        if self._second is None:
            self._second = re.compile(_written(self._sources[1]))
        return self._second


class Compiled:
    """A list of patterns ready to match: `union` finds the plain ones at once (short lists, like
    the scope cues), or `singles` holds each with its anchor (concepts); `pairs` the `A & B` ones.
    The union is compiled when first used: the scope cues are read only around a match."""

    __slots__ = ("_union_source", "_union", "pairs", "singles")

    def __init__(self, union: str | None, pairs: tuple[Pair, ...] = (), singles: tuple[Single, ...] = ()):
        self._union_source = union
        self._union: re.Pattern[str] | None = None
        self.pairs = pairs
        self.singles = singles

    @property
    def union(self) -> re.Pattern[str] | None:
        if self._union is None and self._union_source is not None:
            self._union = re.compile(self._union_source)
        return self._union
