"""Measure crisis detection on the corpus in tests/data/crisis/, by part and by concept.

    python -m tests.crisis_corpus                 # figures, tuning and held-out side by side
    python -m tests.crisis_corpus --show-tuning   # also list the tuning part's misses and alarms

A must-trigger phrase counts when it raises the crisis screen or the check-in at once; a
must-not phrase counts as a false alarm when it raises either. The held-out part's failures
are never listed: they were written before tuning and are kept unseen (DEVELOPERS.md).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from chatbot.dialogs import load
from chatbot.safety import Detector

CORPUS = Path(__file__).parent / "data" / "crisis"


@dataclass
class Tally:
    """Counts for one part (tuning or held-out) of the corpus."""

    trigger: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    at_once: Counter[str] = field(default_factory=Counter)  # caught with the crisis screen, not the check-in
    quiet: Counter[str] = field(default_factory=Counter)
    alarms: Counter[str] = field(default_factory=Counter)
    screens: Counter[str] = field(default_factory=Counter)  # false alarms that raise the crisis screen
    misses: list[tuple[str, str]] = field(default_factory=list)
    false_alarms: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def screen_rate(self) -> float:
        """The false alarms that raise the crisis screen, not only the check-in question."""
        return sum(self.screens.values()) / max(sum(self.quiet.values()), 1)

    @property
    def recall(self) -> float:
        return sum(self.caught.values()) / max(sum(self.trigger.values()), 1)

    @property
    def alarm_rate(self) -> float:
        return sum(self.alarms.values()) / max(sum(self.quiet.values()), 1)


def load_parts() -> dict[str, list[dict]]:
    """Corpus files by part ("tuning" or "heldout"); each keeps its file name under "file"."""
    parts: dict[str, list[dict]] = {}
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["file"] = path.name
        parts.setdefault(data["part"], []).append(data)
    return parts


def by_file(detector: Detector, parts: dict[str, list[dict]]) -> str:
    """One line per corpus file: a held-out file's figures say how far the method carries."""
    lines = ["by file"]
    for files in parts.values():
        for data in files:
            t = measure(detector, [data])
            lines.append(f"  {data['file']:<18}{data['part']:<9}caught {sum(t.caught.values()):>3}/"
                         f"{sum(t.trigger.values()):<3} {t.recall:6.1%}   false alarms {sum(t.alarms.values()):>2}/"
                         f"{sum(t.quiet.values()):<3} {t.alarm_rate:5.1%}")
    return "\n".join(lines)


def measure(detector: Detector, files: list[dict]) -> Tally:
    tally = Tally()
    for group, kind, phrase in _phrases(files):
        hits = detector.detect(phrase)
        if group == "trigger":
            tally.trigger[kind] += 1
            tally.caught[kind] += bool(hits)
            tally.at_once[kind] += any(h.grade == "now" for h in hits)
            if not hits:
                tally.misses.append((kind, phrase))
        else:
            tally.quiet[kind] += 1
            tally.alarms[kind] += bool(hits)
            tally.screens[kind] += any(h.grade == "now" for h in hits)
            if hits:
                tally.false_alarms.append((kind, phrase, ", ".join(f"{h.concept}:{h.words}" for h in hits)))
    return tally


def _phrases(files: list[dict]) -> list[tuple[str, str, str]]:
    """(trigger or quiet, concept or class, phrase) for every phrase of these files."""
    return [(group, kind, str(phrase)) for data in files for group in ("trigger", "quiet")
            for kind, phrases in data[group].items() for phrase in phrases]


def report(tallies: dict[str, Tally]) -> str:
    names = list(tallies)
    lines = ["must trigger (caught / phrases; screen at once)   " + "   ".join(f"{n:>22}" for n in names)]
    concepts = list(dict.fromkeys(c for t in tallies.values() for c in t.trigger))
    for c in concepts:
        cells = [f"{t.caught[c]:>3}/{t.trigger[c]:<3} {t.caught[c] / max(t.trigger[c], 1):6.1%} ({t.at_once[c]:>3})"
                 for t in tallies.values()]
        lines.append(f"  {c:<46}" + "   ".join(f"{x:>22}" for x in cells))
    lines.append(f"  {'all':<46}" + "   ".join(
        f"{sum(t.caught.values()):>3}/{sum(t.trigger.values()):<3} {t.recall:6.1%}{'':>6}" for t in tallies.values()))
    lines.append("must not trigger (false alarms / phrases; crisis screen)")
    kinds = list(dict.fromkeys(k for t in tallies.values() for k in t.quiet))
    for k in kinds:
        cells = [f"{t.alarms[k]:>3}/{t.quiet[k]:<3} {t.alarms[k] / max(t.quiet[k], 1):6.1%} ({t.screens[k]:>3})"
                 for t in tallies.values()]
        lines.append(f"  {k:<46}" + "   ".join(f"{x:>22}" for x in cells))
    lines.append(f"  {'all':<46}" + "   ".join(
        f"{sum(t.alarms.values()):>3}/{sum(t.quiet.values()):<3} {t.alarm_rate:6.1%} ({sum(t.screens.values()):>3})"
        for t in tallies.values()))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    dialog = load()
    detector = Detector(dialog.spec.safety, dialog.grammar, dialog.model)
    parts = load_parts()
    tallies = {part: measure(detector, files) for part, files in sorted(parts.items(), reverse=True)}
    print(report(tallies))
    print(by_file(detector, parts))
    if "--show-tuning" in argv and "tuning" in tallies:
        tuning = tallies["tuning"]
        print("\ntuning misses:")
        for concept, phrase in tuning.misses:
            print(f"  [{concept}] {phrase}")
        print("tuning false alarms:")
        for kind, phrase, fired in tuning.false_alarms:
            print(f"  [{kind}] {phrase}  <- {fired}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
