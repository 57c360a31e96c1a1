"""Benchmarks of the intake chatbot: one command, one table, one JSON file.

    python benchmarks/run.py [--quick] [--json PATH] [--only SECTION,...]

Method
------
* Every figure is the MEDIAN of repeated samples (the `n` column); a p95 is given where
  a tail matters (TUI turns).
* Every comparison is a RATIO of two things measured in the same run, with their samples
  interleaved (A, B, A, B, ...) so drift in machine load hits both alike. The baseline
  is named in the `vs` column; `ratio` is figure / baseline.
* Whole-process figures come from fresh subprocesses (one untimed warm-up each, so the
  page cache is hot, as it is for a person's second launch; the package's bytecode is
  written first, as installing it would, see `compile_package`):
  - cold start: wall time of `subprocess.run` for each command against `python -c pass`;
  - time to first question: `benchmarks/tui_probe.py first`, a fresh process per sample,
    from the parent's CLOCK_MONOTONIC reading just before the spawn to the chat screen
    showing its first question (Enter pressed on the welcome screen, then
    `await pilot.pause()` until `#log` holds a Bubble), against a minimal Textual app
    (one Static, one Input) from spawn to its first render, both in `run_test(size=(80, 24))`;
  - TUI turns: `tui_probe.py turns`, whole intakes of worked example W1 in `run_test`,
    each turn started after a random pause of up to 1/60 s (a person's key press falls
    anywhere between two of Textual's frames; the Pilot's 20 ms idle slices would fix
    the phase, differently for each app), and timed from setting `#free` and
    `await pilot.press("enter")` through
    `await pilot.pause()` until the next question is rendered (the last answer, which
    leads to the summary, is its own row), against the same press+pause cycle on the
    minimal app: the Pilot's own floor, since `press()` and `pause()` sleep in 20 ms
    slices until one passes with under 1 ms of CPU, three times in all, so no turn
    measured this way is under ~60 ms. The same turns also give the time from the press
    to the last frame the app painted (a wrapper on the app instance's `_display`),
    which those idle slices do not pad, and to the last frame that changed what the
    screen shows (each frame applied in order to a copy of the terminal's cells once the
    turn is over, so the copy costs the app nothing): a frame that repaints cells with
    what they hold is a paint a person cannot see;
  - peak RSS of the TUI through one whole intake (`tui_probe.py rss`, ru_maxrss);
  - RSS growth over 10,000 headless sessions (`benchmarks/rss_probe.py`, /proc/self/statm
    after gc.collect(), before and after, following a warm-up);
  - the first question in a browser: `intake serve` on a free local port and Debian's
    Chromium driven by playwright (tests/served_page.py, the browser test's helpers), from
    `page.goto` to the first question's text in xterm's buffer (the welcome's text seen,
    then Enter), each sample a new page and so a new app process, against the terminal's
    spawn to first question (`tui_probe.py first intake`, as above) interleaved with it.
    The browser is started once, before the samples, as a kiosk's browser would be.
* In-process figures (headless engine, replays, load) use time.perf_counter_ns around
  each call: Session.answer per turn against one trigger of a bare `transitions.Machine`
  with as many states and a one-condition transition; 1,000 transcript replays per
  sample, against the same turns fed to plain sessions (so the replay's own overhead shows);
  dialogs.load and its parts (YAML parse, pydantic validation, whole-file checks).

TUI subprocesses run with TEXTUAL_ANIMATIONS=none. Progress goes to stderr; the table to
stdout; the JSON (every row, its raw samples' medians and the run's metadata) to
benchmarks/results.json unless --json says otherwise.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_JSON = HERE / "results.json"
SECTIONS = ("cold", "first", "turns", "headless", "crisis", "replay", "load", "memory", "browser")


# --- plan and results ----------------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    """How many samples each measurement takes."""

    cold_runs: int = 10
    first_runs: int = 10
    turn_rounds: int = 5
    headless_intakes: int = 300
    replay_batches: int = 5
    replays: int = 1000
    load_runs: int = 30
    tui_rss_runs: int = 3
    rss_runs: int = 3
    rss_sessions: int = 10_000
    rss_answers: int = 6
    browser_runs: int = 10


FULL = Plan()
QUICK = Plan(cold_runs=3, first_runs=3, turn_rounds=1, headless_intakes=50, replay_batches=1, load_runs=5,
             tui_rss_runs=1, rss_runs=1, browser_runs=3)


@dataclass(frozen=True)
class Target:
    limit: float
    on: str  # "value" or "ratio"
    text: str


@dataclass
class Row:
    section: str
    label: str
    value: float
    unit: str  # "s" (shown scaled), "MB", "/s"
    n: int
    vs: str | None = None
    baseline: float | None = None
    target: Target | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        return None if not self.baseline else self.value / self.baseline

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        measured = self.ratio if self.target.on == "ratio" else self.value
        return measured is not None and measured <= self.target.limit

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["target"] = self.target.text if self.target else None
        out["ratio"], out["met"] = self.ratio, self.met
        return out


# --- statistics and helpers ----------------------------------------------------------------

def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def tui_env() -> dict[str, str]:
    return {**os.environ, "TEXTUAL_ANIMATIONS": "none"}


def run_probe(script: str, *args: str) -> dict[str, Any]:
    """Run a helper in benchmarks/ in a fresh interpreter; its last stdout line is JSON."""
    env = tui_env()
    env["BENCH_T0_NS"] = str(time.monotonic_ns())
    done = subprocess.run([sys.executable, str(HERE / script), *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{script} {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def interleaved(samplers: dict[str, Callable[[], float]], runs: int, warmup: int = 1) -> dict[str, list[float]]:
    """Call each sampler in turn, `runs` times round-robin, after `warmup` untimed rounds."""
    for _ in range(warmup):
        for sample in samplers.values():
            sample()
    out: dict[str, list[float]] = {name: [] for name in samplers}
    for _ in range(runs):
        for name, sample in samplers.items():
            out[name].append(sample())
    return out


def w1_answers() -> list[str]:
    sys.path.insert(0, str(ROOT / "tests"))
    from worked_examples import EXAMPLES

    return list(EXAMPLES[0].answers)


# --- 1. cold start -------------------------------------------------------------------------

def intake_script() -> str | None:
    sibling = Path(sys.executable).parent / "intake"
    return str(sibling) if sibling.exists() else shutil.which("intake")


def timed_command(argv: list[str]) -> Callable[[], float]:
    def sample() -> float:
        start = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        return time.perf_counter() - start
    return sample


def bench_cold(plan: Plan) -> list[Row]:
    py = sys.executable
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "python -m chatbot --help": [py, "-m", "chatbot", "--help"],
        "python -m chatbot validate": [py, "-m", "chatbot", "validate"],
    }
    script = intake_script()
    if script is not None:
        commands["intake --help"] = [script, "--help"]
    times = interleaved({name: timed_command(argv) for name, argv in commands.items()}, plan.cold_runs)
    base = median(times["python -c pass"])
    rows = [Row("cold", "cold: python -c pass", base, "s", plan.cold_runs)]
    for name in list(commands)[1:]:
        target = Target(0.15, "value", "<= 150 ms") if name == "intake --help" else None
        rows.append(Row("cold", f"cold: {name}", median(times[name]), "s", plan.cold_runs,
                        vs="python -c pass", baseline=base, target=target))
    return rows


# --- 2. time to first question -------------------------------------------------------------

def bench_first(plan: Plan) -> list[Row]:
    samples: dict[str, list[dict[str, float]]] = {"intake": [], "minimal": []}

    def sampler(which: str) -> Callable[[], float]:
        def sample() -> float:
            result = run_probe("tui_probe.py", "first", which)
            samples[which].append(result)
            return result["spawn_s"]
        return sample

    times = interleaved({w: sampler(w) for w in samples}, plan.first_runs)
    for kept in samples.values():
        del kept[0]  # the warm-up
    base = median(times["minimal"])

    def extra(which: str) -> dict[str, float]:
        return {key: median([s[key] for s in samples[which]]) for key in ("script_s", "build_s", "ready_s")}

    return [
        Row("first", "TUI: minimal app, spawn to first render", base, "s", plan.first_runs, extra=extra("minimal")),
        Row("first", "TUI: intake, spawn to first question", median(times["intake"]), "s", plan.first_runs,
            vs="minimal app first render", baseline=base, target=Target(1.5, "ratio", "<= 1.5x minimal"),
            extra=extra("intake")),
    ]


# --- 3. TUI turn latency -------------------------------------------------------------------

def bench_turns(plan: Plan) -> list[Row]:
    data = run_probe("tui_probe.py", "turns", str(plan.turn_rounds))
    press, total, paint, change = 0, 1, 2, 3  # fields of a turn sample
    intake = [turn for one in data["intake"] for turn in one]
    floor = [turn for one in data["minimal"] for turn in one]  # the minimal app has no summary: all turns

    def col(turns: list[list[float]], field: int) -> list[float]:
        return [t[field] for t in turns]

    base, paint_base, change_base = median(col(floor, total)), median(col(floor, paint)), median(col(floor, change))
    to_question = [turn for one in data["intake"] for turn in one[:-1]]  # the last answer leads to the summary
    to_summary = [one[-1] for one in data["intake"]]
    return [
        Row("turns", "TUI: minimal app, press+pause (floor)", base, "s", len(floor),
            extra={"press_only_s": median(col(floor, press))}),
        Row("turns", "TUI: turn to next question, press+pause, median", median(col(to_question, total)), "s",
            len(to_question), vs="floor", baseline=base, target=Target(0.030, "value", "<= 30 ms"),
            extra={"press_only_s": median(col(to_question, press)),
                   "median_all_turns_s": median(col(intake, total))}),
        Row("turns", "TUI: turn to next question, press+pause, p95", p95(col(to_question, total)), "s",
            len(to_question), vs="floor", baseline=base),
        Row("turns", "TUI: last turn to summary, press+pause", median(col(to_summary, total)), "s",
            len(to_summary), vs="floor", baseline=base, extra={"last_paint_s": median(col(to_summary, paint))}),
        Row("turns", "TUI: minimal app, press to last paint", paint_base, "s", len(floor)),
        Row("turns", "TUI: turn to next question, press to last paint", median(col(to_question, paint)), "s",
            len(to_question), vs="minimal last paint", baseline=paint_base,
            extra={"p95_s": p95(col(to_question, paint))}),
        Row("turns", "TUI: minimal app, press to last change", change_base, "s", len(floor)),
        Row("turns", "TUI: turn to next question, press to last change", median(col(to_question, change)), "s",
            len(to_question), vs="minimal last change", baseline=change_base,
            target=Target(1.5, "ratio", "<= 1.5x minimal"), extra={"p95_s": p95(col(to_question, change))}),
    ]


# --- 4. headless engine and replays --------------------------------------------------------

def bare_machine(n_states: int):  # noqa: ANN201 - a transitions.Machine
    """The engine's machine with nothing of ours: a chain of states, one trigger, one condition."""
    from transitions import Machine

    states = [f"s{i}" for i in range(n_states)]
    machine = Machine(model=None, states=states, initial=states[0], auto_transitions=False,
                      send_event=True, ignore_invalid_triggers=True)
    for source, dest in itertools.pairwise(states):
        machine.add_transition("advance", source, dest, conditions=[_always])
    return machine


def _always(event: object) -> bool:
    return True


class BareModel:
    """A model for the bare machine: the trigger is bound onto it by add_model."""


def engine_intake(engine, answers: list[str], out: list[float]) -> None:  # noqa: ANN001
    """One whole intake; a confirmation ("just to check") is answered yes, and timed as a turn."""
    session = engine.session()
    turn = session.start()
    pending = list(answers)
    while pending and turn.kind != "result":
        text = "yes" if turn.kind == "confirm" else pending.pop(0)
        start = time.perf_counter_ns()
        turn = session.answer(text)
        out.append((time.perf_counter_ns() - start) / 1e9)
    session.close()


def natural_answers() -> list[str]:
    sys.path.insert(0, str(ROOT / "tests"))
    from natural_intakes import NATURAL

    return NATURAL["a daily drinker"]


def bare_intake(machine, steps: int, out: list[float]) -> None:  # noqa: ANN001
    model = BareModel()
    machine.add_model(model, initial="s0")
    for _ in range(steps):
        start = time.perf_counter_ns()
        model.advance()  # type: ignore[attr-defined]
        out.append((time.perf_counter_ns() - start) / 1e9)
    machine.remove_model(model)


def bench_headless(plan: Plan) -> list[Row]:
    from chatbot.engine import engine_for

    engine = engine_for()
    answers = w1_answers()
    n_states = len(engine.dialog.spec.questions) + 1  # + the end state
    assert len(answers) < n_states, "the bare chain must be long enough for every turn"
    machine = bare_machine(n_states)
    natural = natural_answers()
    turns: list[float] = []
    spoken: list[float] = []
    bare: list[float] = []
    for _ in range(10):  # warm-up: caches of views, typo matching and regexes
        engine_intake(engine, answers, [])
        engine_intake(engine, natural, [])
        bare_intake(machine, len(answers), [])
    for _ in range(plan.headless_intakes):
        engine_intake(engine, answers, turns)
        engine_intake(engine, natural, spoken)
        bare_intake(machine, len(answers), bare)
    base = median(bare)
    return [
        Row("headless", f"headless: bare transitions trigger ({n_states} states)", base, "s", len(bare)),
        Row("headless", "headless: Session.answer per turn", median(turns), "s", len(turns),
            vs="bare transitions trigger", baseline=base, target=Target(10, "ratio", "<= 10x bare"),
            extra={"p95_s": p95(turns)}),
        Row("headless", "headless: Session.answer per turn, own words", median(spoken), "s", len(spoken),
            vs="bare transitions trigger", baseline=base, extra={"p95_s": p95(spoken)}),
    ]


# everyday and hostile answers for crisis detection: the first must take under 1 ms at 500
# characters; the others must stay linear in their length (no pattern backtracks)
CRISIS_INPUTS = {
    "500-character answer": ("about six beers most nights and more on weekends, i get the shakes in the morning "
                             "and my wife says i should cut back, i tried to quit last spring but it only lasted "
                             "two weeks, work is stressful and i sleep badly, ") * 2,
    # the same answer written in short sentences: the crisis model also reads each sentence
    "500 characters in 16 sentences": ("about six beers most nights. more on weekends. i get the shakes in the "
                                       "morning. my wife says i should cut back. i tried to quit last spring. it "
                                       "only lasted two weeks. work is stressful. i sleep badly. ") * 2,
    "100 kB of everyday words": "i drink most days and feel tired " * 3000,
    "100 kB of half-matches": "i want to i want to not not no one would " * 2500,
    "100 kB of one letter": "a" * 100_000,
    "100 kB without spaces": "wanttodie" * 11_000,
}


def bench_crisis(plan: Plan) -> list[Row]:
    from chatbot.engine import engine_for

    detector = engine_for().detector
    rows: list[Row] = []
    for name, text in CRISIS_INPUTS.items():
        text = text[:500] if name.startswith("500") else text  # (both 500-character answers)
        runs = 200 if len(text) <= 1000 else 5
        detector.detect(text)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            detector.detect(text)
            times.append(time.perf_counter() - start)
        target = Target(0.001, "value", "<= 1 ms") if name.startswith("500") else None
        rows.append(Row("crisis", f"crisis: detect, {name}", median(times), "s", runs, target=target,
                        extra={"chars": len(text)}))
    return rows


def answer_only(engine, transcript) -> None:  # noqa: ANN001
    """A transcript's turns through a session with none of replay's comparing and tracing."""
    session = engine.session(recording=True)
    session.start()
    for turn in transcript.turns:
        if turn.command == "back":
            session.back()
        elif turn.command == "restart":
            session.restart()
        else:
            session.answer(turn.answer or "")
    session.outcome()
    session.close()


def bench_replay(plan: Plan) -> list[Row]:
    from chatbot.engine import engine_for
    from chatbot.replay import replay
    from chatbot.transcript import load

    engine = engine_for()
    loaded = [load(path) for path in sorted((ROOT / "transcripts").glob("*.yaml"))]
    failed = [src.file for tr, src in loaded if not replay(engine, tr, src).passed]  # warm-up and sanity
    if failed:
        raise RuntimeError(f"transcripts fail to replay: {failed}")

    def batch(run_one: Callable[[int], object]) -> Callable[[], float]:
        def sample() -> float:
            start = time.perf_counter()
            for i in range(plan.replays):
                run_one(i % len(loaded))
            return time.perf_counter() - start
        return sample

    times = interleaved({
        "replay": batch(lambda k: replay(engine, *loaded[k])),
        "answers": batch(lambda k: answer_only(engine, loaded[k][0])),
    }, plan.replay_batches, warmup=0)
    scale = 1000 / plan.replays
    per_1000, answers_1000 = median(times["replay"]) * scale, median(times["answers"]) * scale
    turns = sum(len(tr.turns) for tr, _ in loaded) / len(loaded)
    return [
        Row("replay", "replay: same turns, Session calls only", answers_1000, "s", plan.replay_batches),
        Row("replay", f"replay: 1,000 transcripts ({len(loaded)} files cycled)", per_1000, "s", plan.replay_batches,
            vs="Session calls only", baseline=answers_1000, target=Target(2.0, "value", "<= 2 s"),
            extra={"mean_turns_per_transcript": turns}),
        Row("replay", "replay: transcripts per second", 1000 / per_1000, "/s", plan.replay_batches),
    ]


# --- 5. load -------------------------------------------------------------------------------

def bench_load(plan: Plan) -> list[Row]:
    from chatbot import dialogs, yamlsource
    from chatbot.spec import Dialog

    path = dialogs.DEFAULT_DIALOG
    source = yamlsource.read(path, "dialog")
    spec = Dialog.model_validate(source.data)

    def check() -> None:
        problems = list(dialogs.Checker(spec, source).run())
        assert not problems, problems

    parts: dict[str, Callable[[], object]] = {
        "dialogs.load (whole)": lambda: dialogs.load(path),
        "YAML parse (yamlsource.read)": lambda: yamlsource.read(path, "dialog"),
        "pydantic validation": lambda: Dialog.model_validate(source.data),
        "whole-file checks (Checker.run)": check,
    }

    def timer(call: Callable[[], object]) -> Callable[[], float]:
        def sample() -> float:
            start = time.perf_counter_ns()
            call()
            return (time.perf_counter_ns() - start) / 1e9
        return sample

    times = interleaved({name: timer(call) for name, call in parts.items()}, plan.load_runs, warmup=2)
    whole = median(times["dialogs.load (whole)"])
    rows = [Row("load", "load: dialogs.load (parse+validate+check)", whole, "s", plan.load_runs,
                target=Target(0.050, "value", "<= 50 ms"))]
    for name in list(parts)[1:]:
        rows.append(Row("load", f"load: {name}", median(times[name]), "s", plan.load_runs,
                        vs="dialogs.load", baseline=whole))
    return rows


# --- 6. memory -----------------------------------------------------------------------------

def bench_memory(plan: Plan) -> list[Row]:
    peaks = interleaved({which: lambda which=which: run_probe("tui_probe.py", "rss", which)["maxrss_mb"]
                         for which in ("minimal", "intake")}, plan.tui_rss_runs, warmup=0)
    growth = [run_probe("rss_probe.py", str(plan.rss_sessions), str(plan.rss_answers)) for _ in range(plan.rss_runs)]
    base = median(peaks["minimal"])
    return [
        Row("memory", "memory: minimal app peak RSS (same submits)", base, "MB", plan.tui_rss_runs),
        Row("memory", "memory: TUI peak RSS, one whole intake", median(peaks["intake"]), "MB", plan.tui_rss_runs,
            vs="minimal app peak RSS", baseline=base),
        Row("memory", f"memory: RSS growth, {plan.rss_sessions:,} headless sessions", median(
            [g["growth_mb"] for g in growth]), "MB", plan.rss_runs, target=Target(5, "value", "<= 5 MB"),
            extra={key: median([g[key] for g in growth]) for key in ("before_mb", "after_mb", "seconds",
                                                                      "live_models")}),
    ]


# --- 7. the first question in a browser ----------------------------------------------------

def bench_browser(plan: Plan) -> list[Row]:
    sys.path.insert(0, str(ROOT / "tests"))
    from chatbot.engine import engine_for
    from served_page import Page, chromium, first_question, served

    engine = engine_for()
    question, welcome = first_question(engine), engine.dialog.s("welcome_title")
    to_welcome: list[float] = []
    with served() as url, chromium() as browser:
        def in_browser() -> float:
            page = Page(browser, url)
            start = time.perf_counter()
            page.open()
            page.wait_for(welcome, timeout=30, poll=0.005)
            shown = time.perf_counter()
            page.press("Enter")
            page.wait_for(question, timeout=30, poll=0.005)
            done = time.perf_counter()
            page.close()  # the app's process ends with its page, untimed
            to_welcome.append(shown - start)
            return done - start

        times = interleaved({"terminal": lambda: run_probe("tui_probe.py", "first", "intake")["spawn_s"],
                             "browser": in_browser}, plan.browser_runs)
    del to_welcome[0]  # the warm-up
    base = median(times["terminal"])
    return [
        Row("browser", "terminal: intake, spawn to first question", base, "s", plan.browser_runs),
        Row("browser", "browser: open page to welcome shown", median(to_welcome), "s", plan.browser_runs),
        Row("browser", "browser: open page to first question", median(times["browser"]), "s", plan.browser_runs,
            vs="terminal first question", baseline=base),
    ]


BENCHES: dict[str, Callable[[Plan], list[Row]]] = {
    "cold": bench_cold, "first": bench_first, "turns": bench_turns, "headless": bench_headless, "crisis": bench_crisis,
    "replay": bench_replay, "load": bench_load, "memory": bench_memory, "browser": bench_browser,
}


# --- output --------------------------------------------------------------------------------

def fmt_value(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "s":
        if value >= 1:
            return f"{value:.2f} s"
        if value >= 1e-3:
            return f"{value * 1e3:.1f} ms"
        return f"{value * 1e6:.1f} us"
    if unit == "/s":
        return f"{value:,.0f} /s"
    return f"{value:.1f} {unit}"


def table(rows: list[Row]) -> str:
    header = ("measure", "median", "n", "vs", "baseline", "ratio", "target", "status")
    lines = [header]
    for r in rows:
        status = "" if r.met is None else ("met" if r.met else "MISSED")
        lines.append((r.label, fmt_value(r.value, r.unit), str(r.n), r.vs or "", fmt_value(r.baseline, r.unit),
                      f"{r.ratio:.2f}x" if r.ratio is not None else "", r.target.text if r.target else "", status))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    right = {1, 2, 4, 5}
    out = []
    for k, line in enumerate(lines):
        out.append("  ".join(cell.rjust(w) if i in right else cell.ljust(w)
                             for i, (cell, w) in enumerate(zip(line, widths, strict=True))).rstrip())
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def write_json(path: Path, rows: list[Row], plan: Plan, quick: bool, seconds: float) -> None:
    data = {
        "meta": {"python": sys.version.split()[0], "executable": sys.executable, "platform": platform.platform(),
                 "cpus": os.cpu_count(), "quick": quick, "plan": asdict(plan),
                 "commit": git("rev-parse", "--short", "HEAD") or None,
                 "chatbot_modified": bool(git("status", "--porcelain", "--", "chatbot", "dialogs")),
                 "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "wall_seconds": seconds,
                 "loadavg_at_end": os.getloadavg()},
        "rows": [r.as_json() for r in rows],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer samples (about 55 s instead of about 2.5 min)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, metavar="PATH",
                        help=f"where to write the results (default: {DEFAULT_JSON.relative_to(ROOT)})")
    parser.add_argument("--only", default=",".join(SECTIONS), metavar="SECTION,...",
                        help=f"run only these sections: {', '.join(SECTIONS)}")
    args = parser.parse_args(argv)
    args.sections = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(args.sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    return args


def compile_package() -> None:
    """Write the package's bytecode, as installing it does (pip compiles a wheel's modules), so a
    spawned process measures what an installed `intake` starts with: an editable checkout under
    PYTHONDONTWRITEBYTECODE (set on this project's machine) would compile every module on every
    start, which no installed copy does. Textual and the minimal app's modules are compiled
    already, by their install."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "chatbot")], check=True,
                   stdout=subprocess.DEVNULL)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    plan = QUICK if args.quick else FULL
    os.chdir(ROOT)
    compile_package()
    started = time.perf_counter()
    rows: list[Row] = []
    for name in args.sections:
        progress(f"{name} ...")
        section_start = time.perf_counter()
        rows.extend(BENCHES[name](plan))
        progress(f"{name} done in {time.perf_counter() - section_start:.1f} s")
    seconds = time.perf_counter() - started
    print(table(rows))
    missed = [r.label for r in rows if r.met is False]
    print(f"\n{len(rows)} figures, {sum(r.met is not None for r in rows)} with targets, {len(missed)} missed;"
          f" run time {seconds:.0f} s ({'quick' if args.quick else 'full'})")
    write_json(args.json, rows, plan, args.quick, seconds)
    print(f"written {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
