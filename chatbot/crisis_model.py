"""A second reader of crisis statements, for what the concept grammar has no pattern for.

The grammar (`safety.Detector`) catches what its patterns say and reads their scope; it
carried to unseen phrasing only so far (README, "Crisis detection"): people say a wish to
die, a burden or a plan in more ways than patterns can list. This is a linear model over the
words of an answer (one and two at a time, a negation marking the words after it) and the
letter runs inside them (so inflections and misspellings share weight), trained on the
tuning part of the crisis corpus and on everyday intake answers by
`tools/train_crisis_model.py`, and shipped as data beside the dialog.

It only ever asks: when it is sure enough that an answer says a concept, the engine asks the
direct check-in question for it; it never raises the crisis screen by itself, and it stays
quiet where the grammar has read the words and cleared them (a denial, long ago), at
questions about history, and on answers too short to say much. The same text gives the same
reading every time, and the words that weighed most are shown to staff like the grammar's.

The file is text, a line per part, its cells separated by tabs, so a fault names its line:

    labels      none wish_to_die hopelessness ...   `none` first
    threshold   0.85        the chance of any concept above which the check-in is asked
    min_words   4           fewer words than this: not read
    negations   not never no ...
    intercepts  -1.2 0.4 ...                        one per label
    scale       0.0003      a weight is its stored whole number times this
    words       better off  feel like ...           the word features (a word, or two)
    word_idf    <base64>    their idf, 32-bit floats
    runs        " bu" "urd" ...                     the letter-run features
    run_idf     <base64>
    weights     <base64>    16-bit whole numbers, a row per feature (words, then runs), one per
                            label: the weight times the idf

Loading it is a few base64 decodes, not a parse of 300,000 numbers.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
import sys
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "`": "", "\u02bc": ""})
_TOKENS = re.compile(r"[^\W_]+|[.,!?;:()]")
NEGATION_REACH = 3  # words after a negation that it marks ("not" + "want to die")
RUN_SIZES = (4,)  # letter runs of a word, padded with a space at each end (3 to 5 read no better, README)
WORD, CHAR = "w:", "c:"
REWRITE = "write the file again with tools/train_crisis_model.py"
LINES = ("labels", "threshold", "min_words", "negations", "intercepts", "scale", "words", "word_idf", "runs", "run_idf",
         "weights")


def words(text: str) -> list[str]:
    """Lower-case words and punctuation marks; apostrophes dropped ("don't" -> "dont")."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_APOSTROPHES)
    return _TOKENS.findall(text)


def features(text: str, negations: frozenset[str]) -> tuple[set[str], list[str]]:
    """The word features of one answer (`WORD` left off: one word, or two in a row, a word
    after a negation marked `n_`), and its words. Present or not: a count adds nothing."""
    present: set[str] = set()
    plain: list[str] = []
    last = ""  # the marked word before, in the same stretch between punctuation marks
    marking = 0
    for token in words(text):
        if not token[0].isalnum():
            last, marking = "", 0
            continue
        marked = "n_" + token if marking else token
        marking = NEGATION_REACH if token in negations else max(marking - 1, 0)
        present.add(marked)
        if last:
            present.add(f"{last} {marked}")
        last = marked
        plain.append(token)
    return present, plain


def letter_runs(plain: list[str]) -> set[str]:
    """The letter runs of these words (`CHAR` left off), each word padded with a space."""
    padded = [f" {token} " for token in plain]
    return {word[i:i + n] for word in padded for n in RUN_SIZES for i in range(len(word) - n + 1)}


@dataclass(frozen=True)
class ModelReading:
    """The concept the model found most likely, how likely any concept is, and why."""

    concept: str
    chance: float  # 1 - the chance of `none`
    words: str  # the word features that weighed most for the concept, for staff


class ModelError(ValueError):
    """A fault in the model file, with its line."""

    def __init__(self, file: str, line: int, message: str):
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line, self.message = file, line, message


class CrisisModel:
    """Loaded once per dialog; `read` runs on answers the grammar found nothing in."""

    def __init__(self, labels: tuple[str, ...], threshold: float, min_words: int, negations: frozenset[str],
                 intercepts: tuple[float, ...], words: dict[str, tuple[float, int]],
                 runs: dict[str, tuple[float, int]], weights: array[int], scale: float):
        self.labels = labels
        self.threshold = threshold
        self.min_words = min_words
        self.negations = negations
        self.intercepts = intercepts
        self.words = words  # feature -> (idf, where its row of weights starts)
        self.runs = runs
        self.weights = weights  # a row per feature, a weight (times the idf, over `scale`) per label
        self.scale = scale

    def read(self, text: str) -> ModelReading | None:
        """The concept this answer most likely says, when the chance of any is above the
        threshold and the answer has enough words to say it; else None."""
        present, plain = features(text, self.negations)
        if len(plain) < self.min_words:
            return None
        logits = list(self.intercepts)
        for block, table in ((present, self.words), (letter_runs(plain), self.runs)):
            sums = self._block(block, table)
            for label, value in enumerate(sums):
                logits[label] += value
        top = max(logits)
        exps = [math.exp(x - top) for x in logits]
        chance = 1.0 - exps[0] / sum(exps)
        if chance < self.threshold:
            return None
        best = max(range(1, len(self.labels)), key=lambda i: logits[i])
        return ModelReading(self.labels[best], round(chance, 2), self._why(present, best))

    def _block(self, present: Iterable[str], table: dict[str, tuple[float, int]]) -> list[float]:
        """One block's share of each label's score: its idf vector, of unit length, times the
        weights; the rows found are summed a label at a time in C (`zip`)."""
        size = len(self.labels)
        weights = self.weights
        found: list[array[int]] = []
        squares = 0.0
        for feature in present:
            entry = table.get(feature)
            if entry is not None:
                found.append(weights[entry[1]:entry[1] + size])
                squares += entry[0] * entry[0]
        if not found:
            return [0.0] * size
        factor = self.scale / math.sqrt(squares)
        return [sum(column) * factor for column in zip(*found, strict=True)]

    def _why(self, present: set[str], best: int) -> str:
        """The (at most three) word features that weighed most for `best` over `none`."""
        weighed = []
        for feature in present:
            entry = self.words.get(feature)
            if entry is not None:
                start = entry[1]
                weighed.append((self.weights[start + best] - self.weights[start], feature.replace("n_", "")))
        return ", ".join(f for w, f in sorted(weighed, reverse=True)[:3] if w > 0)


def load(path: Path, concepts: set[str] | None = None) -> CrisisModel:
    """Read a model file; raises ModelError naming the line of the first fault. `concepts`:
    the dialog's, which every label but `none` must be."""
    file = str(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ModelError(file, 1, f"cannot read the model file ({error}); {REWRITE}") from None
    cells: dict[str, list[str]] = {}
    at: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        key, _, rest = line.partition("\t")
        if key not in LINES:
            raise ModelError(file, number, f"unknown line '{key[:40]}'; {REWRITE}")
        cells[key], at[key] = rest.split("\t"), number
    missing = [k for k in LINES if k not in cells]
    if missing:
        raise ModelError(file, 1, f"missing line(s): {', '.join(missing)}; {REWRITE}")
    labels = tuple(cells["labels"])
    if labels[0] != "none" or len(set(labels)) != len(labels):
        raise ModelError(file, at["labels"], "labels must start with none and name each concept once")
    if concepts is not None and set(labels[1:]) - concepts:
        raise ModelError(file, at["labels"], "labels not among the dialog's crisis concepts: "
                         + ", ".join(sorted(set(labels[1:]) - concepts)))
    try:
        threshold = float(cells["threshold"][0])
        min_words = int(cells["min_words"][0])
        intercepts = tuple(float(x) for x in cells["intercepts"])
        scale = float(cells["scale"][0])
    except ValueError:
        raise ModelError(file, at["threshold"], "threshold, min_words, scale and intercepts must be numbers") from None
    if not 0 < threshold < 1 or len(intercepts) != len(labels):
        raise ModelError(file, at["threshold"], "threshold must be between 0 and 1, with one intercept per label")
    size = len(labels)
    tables = []
    offset = 0
    for names, idf in (("words", "word_idf"), ("runs", "run_idf")):
        values = _packed(file, at[idf], cells[idf][0], "f")
        if len(values) != len(cells[names]):
            raise ModelError(file, at[idf], f"expected an idf for each of the {len(cells[names])} {names}, "
                                            f"found {len(values)}; {REWRITE}")
        starts = range(offset, offset + len(values) * size, size)
        tables.append(dict(zip(cells[names], zip(values, starts, strict=True), strict=True)))
        offset += len(values) * size
    weights = _packed(file, at["weights"], cells["weights"][0], "h")
    if len(weights) != offset:
        raise ModelError(file, at["weights"], f"expected {offset // size} features x {size} labels weights, "
                                              f"found {len(weights)}; {REWRITE}")
    return CrisisModel(labels, threshold, min_words, frozenset(cells["negations"]), intercepts, tables[0],
                       tables[1], weights, scale)


def _packed(file: str, line: int, text: str, kind: str) -> array[Any]:
    """Numbers stored as base64 of little-endian machine values (`kind` as in `array`)."""
    try:
        values = array(kind, base64.b64decode(text, validate=True))
    except (ValueError, binascii.Error):
        raise ModelError(file, line, f"expected base64 of {array(kind).itemsize}-byte numbers; {REWRITE}") from None
    if sys.byteorder != "little":
        values.byteswap()
    return values
