"""Subprocess helper for `benchmarks/run.py`: RSS growth over many headless sessions.

    python benchmarks/rss_probe.py SESSIONS ANSWERS

Builds the engine, runs a warm-up of sessions (so the engine's caches and the
interpreter's free lists are filled), then reads the resident set from /proc/self/statm
after a gc.collect(), runs SESSIONS sessions (start, the first ANSWERS answers of worked
example W1, close), collects again and reads it again. Prints one JSON object.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARMUP_SESSIONS = 200
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    """Resident set size now, from /proc/self/statm (second field, in pages)."""
    gc.collect()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / 2**20


def run_sessions(engine, answers: list[str], count: int) -> None:  # noqa: ANN001
    for _ in range(count):
        session = engine.session()
        session.start()
        for text in answers:
            session.answer(text)
        session.close()


def main(argv: list[str]) -> int:
    sessions, n_answers = int(argv[0]), int(argv[1])
    sys.path.insert(0, str(ROOT / "tests"))
    from worked_examples import EXAMPLES

    from chatbot.engine import engine_for

    engine = engine_for()
    answers = list(EXAMPLES[0].answers[:n_answers])
    run_sessions(engine, answers, WARMUP_SESSIONS)
    before = rss_mb()
    start = time.perf_counter()
    run_sessions(engine, answers, sessions)
    seconds = time.perf_counter() - start
    after = rss_mb()
    live_models = len(engine.open_sessions)
    print(json.dumps({"before_mb": before, "after_mb": after, "growth_mb": after - before,
                      "seconds": seconds, "live_models": live_models}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
