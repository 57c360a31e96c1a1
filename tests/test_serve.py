"""`intake serve` without a browser: its arguments, the command each connection runs, the page
and its headers, and the app's web ways (the summary as a download, a served kiosk keeping
nothing). The browser itself: tests/test_browser.py."""

from __future__ import annotations

import io
import os
import re
import shlex
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from chatbot.engine import Engine
from chatbot.tui import serve
from chatbot.tui.app import IntakeApp
from chatbot.tui.kiosk import KioskApp
from cli_helpers import in_process
from served_page import free_port
from tui_helpers import to_summary
from worked_examples import EXAMPLES

ROOT = Path(__file__).resolve().parent.parent
W5 = next(e for e in EXAMPLES if e.name == "W5")


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[serve.IntakeServer]:
    """Servers that `intake serve` would start, recorded instead of started."""
    started: list[serve.IntakeServer] = []
    monkeypatch.setattr(serve.IntakeServer, "serve", lambda self, *a, **k: started.append(self))
    monkeypatch.delenv(serve.PIN_VARIABLE, raising=False)  # restored after the test, if the shell had it
    return started


@pytest.mark.parametrize("argv, says", [
    (["--pin", "1234"], "go with --kiosk"),
    (["--idle", "30"], "go with --kiosk"),
    (["--kiosk"], "needs a staff PIN"),
    (["--port", "0"], "--port"),
    (["--port", "65536"], "--port"),
    (["--port", "http"], "--port"),
    (["--host", "not a host"], "--host not a host: not an address or a host name"),
    (["--host", "http://example.org"], "not an address or a host name"),
    (["--theme", "neon"], "no such theme"),
    (["--kiosk", "--pin", "1", "--idle", "2"], "--idle"),
])
def test_bad_arguments_are_usage_errors_before_anything_is_served(argv: list[str], says: str,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  served: list[serve.IntakeServer]) -> None:
    code, _, err = in_process(["serve", *argv], capsys)
    assert code == 2 and says in err and served == []


def test_a_port_in_use_is_said_before_serving(capsys: pytest.CaptureFixture[str],
                                              served: list[serve.IntakeServer]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = in_process(["serve", "--port", str(port)], capsys)
    assert code == 2 and "cannot listen there" in err and served == []


def test_a_broken_dialog_is_named_before_serving(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 served: list[serve.IntakeServer]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("dialog: [\n")
    code, _, err = in_process(["serve", "--dialog", str(broken), "--port", str(free_port())], capsys)
    assert code == 2 and "broken.yaml" in err and served == []


def test_each_connection_runs_the_app_and_a_kiosk_pin_is_on_no_command_line(
        capsys: pytest.CaptureFixture[str], served: list[serve.IntakeServer], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()
    assert in_process(["serve", "--port", str(port)], capsys)[0] == 0
    chat = shlex.split(served[-1].command)
    assert chat[:4] == [sys.executable, "-m", "chatbot", "chat"] and chat[-1] == "2>/dev/null"
    assert (served[-1].host, served[-1].port) == ("127.0.0.1", port)

    dialog = ROOT / "dialogs" / "intake.yaml"
    monkeypatch.chdir(tmp_path)
    code, _, err = in_process(["serve", "--kiosk", "--pin", "2468", "--idle", "30", "--theme", "high-contrast",
                               "--dialog", str(os.path.relpath(dialog, tmp_path)), "--port", str(port)], capsys)
    assert code == 0 and err == ""
    kiosk = served[-1].command
    assert shlex.split(kiosk)[3:-1] == ["--dialog", str(dialog), "--theme", "high-contrast", "kiosk", "--idle", "30"]
    assert "2468" not in kiosk and os.environ[serve.PIN_VARIABLE] == "2468"  # the apps get it from the environment


@pytest.mark.parametrize("host, local", [("127.0.0.1", True), ("localhost", True), ("127.0.0.2", True),
                                         ("::1", True), ("0.0.0.0", False), ("192.0.2.10", False),
                                         ("::", False)])
def test_anything_but_loopback_is_warned_about(host: str, local: bool) -> None:
    assert serve.is_local(host) is local
    warning = serve.exposure_warning(host, 8000)
    assert (warning is None) is local
    if warning:
        assert "no login and no encryption" in warning and "TLS reverse proxy" in warning


def test_the_warning_goes_to_stderr(capsys: pytest.CaptureFixture[str], served: list[serve.IntakeServer],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "address_problem", lambda host, port: None)  # 0.0.0.0 is never bound in tests
    code, out, err = in_process(["serve", "--host", "0.0.0.0"], capsys)
    assert code == 0 and "WARNING" in err and "WARNING" not in out and served


async def test_the_page_asks_nothing_of_another_host_and_nothing_is_cached(engine: Engine) -> None:
    server = serve.IntakeServer("true", "127.0.0.1", 8000, serve.page_words(engine.dialog))
    async with TestClient(TestServer(await server._make_app())) as client:
        page = await client.get("/")
        html = await page.text()
        assert page.status == 200 and page.headers["Cache-Control"] == "no-store"
        assert page.headers["X-Frame-Options"] == "DENY"
        assert "default-src 'none'" in html and "script-src 'self'" in html   # the CSP: this server only
        assert "988" in html and engine.dialog.ui("web_ended") in html      # shown when the app ends
        assert not re.search(r"(src|href)=\"(https?:)?//", html), "the page names another host"
        links = re.findall(r"(?:src|href)=\"([^\"]+)\"", html)
        for link in links:
            if not link.startswith("data:"):
                answer = await client.get("/" + link)
                assert answer.status == 200 and answer.headers["Cache-Control"] == "no-store", link
                body = await answer.read()
                assert not re.search(rb"url\(\s*[\"']?(https?:)?//", body), f"{link} loads from another host"
        assert {"static/js/textual.js", "intake-static/intake.js"} <= set(links)


async def test_served_the_summary_is_a_download_and_nothing_is_written(engine: Engine, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    delivered: list[dict[str, Any]] = []

    def deliver_text(self: IntakeApp, file: io.StringIO, **options: Any) -> str:
        delivered.append({"text": file.getvalue(), **options})
        return "key"
    monkeypatch.setattr(IntakeApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(IntakeApp, "deliver_text", deliver_text)
    app = IntakeApp(engine)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await to_summary(pilot, W5.answers)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [d["save_filename"] for d in delivered] == ["intake-summary.md"]
        assert "Intensive outpatient program" in delivered[0]["text"]
        assert delivered[0]["mime_type"] == "text/markdown"
        assert any("downloading" in str(n.message) for n in app._notifications)
    assert list(tmp_path.iterdir()) == []


async def test_a_served_kiosk_keeps_nothing_even_with_a_save_dir(engine: Engine, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(KioskApp, "is_web", property(lambda self: True))
    app = KioskApp(engine, pin="2468", save_dir=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_summary(pilot, W5.answers)
        assert app.save_dir is None and not app.recording
        assert not app.screen.query("#summary-save") and not app.screen.query("#consent-yes")
    assert list(tmp_path.iterdir()) == []
