"""Regenerate `safety.typos.real_words` in a dialog file: every common English word one typo
away from a typo-tolerant crisis word, so typo tolerance never turns an everyday word into a
crisis word ("overdoes" is not "overdose", "seizing" the day is not a seizure).

Dev-time only (needs `pip install wordfreq`); nothing downloads at run time. Usage:

    python tools/crisis_near_words.py [dialogs/intake.yaml]

It prints each candidate with its frequency. A person then keeps the words with another
meaning (overdoes, homeless, sizing, names) for `real_words`, and leaves out misspellings and
inflections of the crisis word itself (withdrawl, unconcious, burdens), which should still be
corrected. The file is not rewritten, so its comments and layout stay as they are.

    python tools/crisis_near_words.py --common [dialogs/intake.yaml]

prints `common_words` as YAML to paste in its place: every common English word one typo away
from a word the patterns use of `pattern_words_from` letters or more. These are never changed,
with no review: the grammar reads a long word one typo away only where it is no word at all.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from wordfreq import zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from chatbot.safety import TYPO_MIN_LENGTH, _one_edit

# a word seen at least about once in 30 million words of English text (Zipf 1.5) is a real
# word; misspellings people make ("sucidal", "overdossed") are far rarer than that
ZIPF_REAL = 1.5


def near_words(crisis_words: list[str]) -> list[str]:
    near: set[str] = set()
    for word in crisis_words:
        near |= {w for w in _one_edit(word)
                 if len(w) >= TYPO_MIN_LENGTH and zipf_frequency(w, "en", wordlist="large") >= ZIPF_REAL}
    return sorted(near - set(crisis_words))


def common_near(path: Path) -> list[str]:
    """The common words one typo away from a long word of the grammar, not themselves its words."""
    from chatbot.dialogs import load
    from chatbot.safety import _PATTERN_WORD, _one_apart, _written

    safety = load(path, model=False).spec.safety
    known = set(_PATTERN_WORD.findall(_written(safety)))
    least = safety.typos.pattern_words_from
    long_words = [w for w in known if least and len(w) >= least]
    near: set[str] = set()
    for word in long_words:
        near |= {w for w in _one_edit(word) if len(w) >= least and w not in known and _one_apart(w, word)}
    return sorted(w for w in near if zipf_frequency(w, "en", wordlist="large") >= ZIPF_REAL)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--common"]:
        words = common_near(Path(argv[1] if len(argv) > 1 else "dialogs/intake.yaml"))
        lines, line = [], "    common_words: ["
        for word in words:
            if len(line) + len(word) + 2 > 110:
                lines.append(line.rstrip())
                line = " " * 18
            line += word + ", "
        print("\n".join([*lines, line.rstrip(", ") + "]"]))
        return 0
    path = Path(argv[0] if argv else "dialogs/intake.yaml")
    words = yaml.safe_load(path.read_text(encoding="utf-8"))["safety"]["typos"]["words"]
    for word in near_words(words):
        print(f"{word:20} zipf {zipf_frequency(word, 'en', wordlist='large'):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
