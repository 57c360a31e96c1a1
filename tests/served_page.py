"""`intake serve` in Debian's Chromium, driven by playwright: the browser test
(tests/test_browser.py), the benchmark's browser row (benchmarks/run.py) and the screenshots in
docs/ (tools/served_screenshots.py) all use these.

Chromium is Debian's package (`apt-get install chromium`), not playwright's own build: here
`playwright install` cannot download a browser, so playwright is pointed at /usr/bin/chromium.

The terminal in the page is xterm.js drawing on a canvas, so its text is not in the DOM. The
page's script (textual-serve's textual.js) keeps its xterm Terminal to itself; as the page loads
it, `Page` adds one statement that hands the Terminal to `window` (nothing else changes), and
reads the screen from xterm's own buffer: the characters on screen, row by row.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Route

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NO_CHROMIUM = (f"Chromium is not installed at {CHROMIUM}. Install Debian's package: apt-get install -y chromium "
               "(.ci/run does; playwright's own browser download cannot work here).")
VIEWPORT = {"width": 1000, "height": 700}  # about 111 x 38 cells

# the statement in textual-serve 1.1.3's textual.js that makes the page's terminal; the hook
# follows it. If textual-serve changes it, `Page` says so at once instead of timing out.
TERMINAL_MADE = "const t=new w(e,{ping:r});"
HOOK = "window.__intakeTerminal=t.terminal;"
SCREEN_TEXT = """() => {
  const terminal = window.__intakeTerminal;
  if (!terminal) return null;
  const buffer = terminal.buffer.active, rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
}"""
# borders, bars and scrollbars Textual draws around text, which split a wrapped sentence
DECORATION = re.compile(r"[\u2500-\u259f\u2800-\u28ff]")


def flat(text: str) -> str:
    """Text without the drawing around it, every run of spaces and line breaks one space: a
    sentence that wraps across rows of a box reads as it was written."""
    return " ".join(DECORATION.sub(" ", text).split())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
           timeout: float = 20.0) -> Iterator[str]:
    """`intake serve --port P ARGS` in its own process while the block runs; yields the page's URL.
    Stopped with SIGTERM at the end, as a service manager would."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "chatbot", "serve", "--port", str(port), *args],
                              cwd=cwd or ROOT, env={**os.environ, **(env or {})}, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                out, err = server.communicate()
                raise RuntimeError(f"intake serve exited with {server.returncode}:\n{out}\n{err}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"intake serve did not listen on port {port} in {timeout:.0f} s") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, through playwright; RuntimeError(NO_CHROMIUM) if it is missing."""
    if not CHROMIUM.exists():
        raise RuntimeError(NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _hook_terminal(route: Route) -> None:
    response = route.fetch()
    script = response.text()
    if TERMINAL_MADE not in script:
        raise RuntimeError(f"textual.js no longer contains {TERMINAL_MADE!r}: update TERMINAL_MADE in {__file__}")
    route.fulfill(response=response, body=script.replace(TERMINAL_MADE, TERMINAL_MADE + HOOK, 1))


class Page:
    """One browser tab on the served intake: one connection, so one app process of its own.
    Records every request and websocket the page opens, and the browser console's errors."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.url = url
        self.context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)  # its own cookies, cache
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/static/js/textual.js", _hook_terminal)
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page.on("websocket", lambda socket: self.requests.append(socket.url))
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self) -> None:
        self.page.goto(self.url)

    def screen(self) -> str:
        """The characters on the terminal's screen, row by row ("" before the terminal exists)."""
        return self.page.evaluate(SCREEN_TEXT) or ""

    def wait_for(self, *texts: str, timeout: float = 10.0, poll: float = 0.03) -> str:
        """Wait until the screen shows every one of `texts` (compared `flat`), looking every
        `poll` seconds; return the screen."""
        wanted = [flat(t) for t in texts]
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if all(w in flat(screen) for w in wanted):
                return screen
            if time.monotonic() > deadline:
                missing = [t for t, w in zip(texts, wanted, strict=True) if w not in flat(screen)]
                raise AssertionError(f"after {timeout:.0f} s the screen does not show {missing}; it shows:\n{screen}")
            self.page.wait_for_timeout(poll * 1000)

    def type(self, text: str) -> None:
        """Type `text` and press Enter, as a person would: into whatever has the keyboard focus."""
        self.page.keyboard.type(text)
        self.page.keyboard.press("Enter")

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def focused(self) -> str:
        """The class of the element with the keyboard focus."""
        return str(self.page.evaluate("() => document.activeElement ? document.activeElement.className : ''"))

    def outside(self, host: str = "127.0.0.1") -> list[str]:
        """Every request or websocket of this page that went anywhere but `host`."""
        return [url for url in self.requests if urlsplit(url).scheme not in ("data", "blob")
                and urlsplit(url).hostname != host]

    def save(self, path: Path) -> Path:
        self.page.screenshot(path=str(path))
        return path

    def close(self) -> None:
        self.context.close()


def first_question(engine: Any) -> str:
    """The text of the question an intake starts with (after Start on the welcome screen)."""
    session = engine.session()
    try:
        return str(session.start().shown)
    finally:
        session.close()


def expected_screens(engine: Any, answers: list[str]) -> list[tuple[str, list[str]]]:
    """What the screen must show after each answer, worked out by the same dialog in a headless
    session: (the answer typed, the texts to wait for). In the conversation, the last two entries
    of the session's log: the reading of the answer with the words typed beside it ("Yes, I am
    safe right now (you said "yeah im ok")") and the next question, or the words and the "just
    to check"; else the crisis screen or check-in with 988, or the summary's level."""
    from chatbot.turns import CheckInTurn, CrisisTurn, ResultTurn

    session = engine.session()
    session.start()
    steps: list[tuple[str, list[str]]] = []
    try:
        for text in answers:
            turn = session.answer(text)
            match turn:
                case CrisisTurn():
                    shown = [turn.crisis.title, "988"]
                case CheckInTurn():
                    shown = [turn.check_in.prompt, "988"]
                case ResultTurn():
                    shown = [turn.result.level.name]
                case _:
                    shown = [entry.text for entry in session.log()[-2:]]
            steps.append((text, shown))
    finally:
        session.close()
    return steps
