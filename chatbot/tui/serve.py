"""`intake serve`: the intake in a web browser, one app process per connection.

textual-serve runs a shell command for every browser that connects and relays that process's
screen and keys over a websocket (xterm.js draws it in the page). Each person gets their own
`intake` (or `intake kiosk`) process, started when the page opens and ended when it closes;
nothing is shared between two people but this server. What this module adds to textual-serve:

- **Its own page** (`web/intake.html`, `web/static/`). textual-serve's page asks Google Fonts for
  a font; ours asks nothing of any other host (the terminal uses the machine's monospace font),
  and a Content-Security-Policy keeps it so. Its URLs are relative to the page, so it works
  behind a reverse proxy without knowing the public address. It puts the keyboard in the
  terminal as soon as the app is connected (textual-serve's page needs a click first), and when
  the app ends it hides the last screen and shows the help numbers and a way to start again.
- **Nothing about a person on the server.** No access log (each line would say that someone at
  an address used an addiction screening, and when); `Cache-Control: no-store` on every response
  (the summary download too, so no proxy or browser cache keeps it); each app's stderr is
  discarded, since textual-serve copies a child's stderr to the server's output and a crash
  report there shows local variables, which can hold what the person typed. The summary is
  delivered to the browser (`IntakeApp.save_summary`), never written here; a served kiosk keeps
  nothing (`KioskApp.on_mount`).

textual-serve has no authentication and no TLS: bind to localhost (the default) and put a TLS
reverse proxy in front (README, "In a browser"). It passes its whole environment to each app,
which is how the kiosk PIN reaches them without appearing on their command lines.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import re
import shlex
import socket
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

from ..dialogs import LoadedDialog

WEB = Path(__file__).resolve().parent / "web"
PIN_VARIABLE = "INTAKE_KIOSK_PIN"  # read by `intake kiosk` (chatbot/cli.py)


def app_command(argv: list[str]) -> str:
    """The shell command textual-serve runs for each connection: `argv`, stderr discarded."""
    return f"{shlex.join(argv)} 2>/dev/null"


# a host name (RFC 1123 labels), checked before any lookup so that a mistyped host is said at once
HOST_NAME = re.compile(r"(?=.{1,253}\.?$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?",
                       re.IGNORECASE)


def _well_formed(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return HOST_NAME.fullmatch(host) is not None
    return True


def address_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, found before it starts (None if it can)."""
    if not _well_formed(host):
        return f"--host {host}: not an address or a host name"
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        return f"--host {host}: not an address or a name this machine can resolve"
    for family, kind, proto, _, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
            try:
                probe.bind(address)
            except OSError as exc:
                return f"--host {host} --port {port}: cannot listen there ({exc.strerror or exc})"
    return None


def is_local(host: str) -> bool:
    """Does every address `host` names belong to this machine's loopback (127.0.0.0/8, ::1)?"""
    try:
        addresses = {str(info[4][0]) for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)}
    except (socket.gaierror, UnicodeError):
        return False
    return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)


def exposure_warning(host: str, port: int) -> str | None:
    """The warning printed when the server listens beyond this machine (None on loopback)."""
    if is_local(host):
        return None
    return (f"intake serve: WARNING: listening on {host}, port {port}: anyone who can reach this address can "
            "open an intake. There is no login and no encryption (answers would cross the network in clear "
            "text). Listen on 127.0.0.1 and put a TLS reverse proxy in front (see the README, \"In a browser\").")


def page_words(dialog: LoadedDialog) -> dict[str, Any]:
    """What the page says around the terminal, in the dialog's language."""
    resources = dialog.spec.safety.resources
    return {
        "lang": dialog.spec.dialog.locale,
        "title": dialog.ui("app_title"),
        "starting": dialog.ui("web_starting"),
        "ended": dialog.ui("web_ended"),
        "start_again": dialog.ui("web_start_again"),
        "noscript": dialog.ui("web_noscript"),
        "not_for_emergencies": dialog.s("not_for_emergencies"),
        "resources_title": dialog.s("crisis_resources_title"),
        "resources": [r.text for r in resources],
    }


# every response: never stored by the browser or a proxy (the page shows a person's answers, the
# download is their summary), never framed by another site, no referrer sent anywhere
PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


async def _private_headers(_: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(PRIVATE_HEADERS)


class IntakeServer(Server):
    """textual-serve's server with the intake's page, no access log and private headers."""

    def __init__(self, command: str, host: str, port: int, words: dict[str, Any], kiosk: bool = False) -> None:
        super().__init__(command, host=host, port=port, title=words["title"], templates_path=WEB)
        self.words = words
        self.kiosk = kiosk
        self.connections: set[asyncio.Task[Any]] = set()

    def initialize_logging(self) -> None:
        super().initialize_logging()
        logging.getLogger("aiohttp.access").disabled = True  # who came, and when: not ours to keep

    async def _make_app(self) -> web.Application:
        # textual-serve's routes (/, /ws, /download/{key}, /static), plus the page's own files; the
        # method is private in textual-serve, whose version is pinned (pyproject.toml)
        app = await super()._make_app()
        app.router.add_static("/intake-static", WEB / "static")
        app.on_response_prepare.append(_private_headers)
        return app

    async def on_startup(self, app: web.Application) -> None:
        mode = "kiosk" if self.kiosk else "self-screen"
        host = f"[{self.host}]" if ":" in self.host else self.host  # an IPv6 address in a URL
        self.console.print(f"intake serve: the {mode} intake on http://{host}:{self.port}/ (one app per browser "
                           "connection); Ctrl+C stops", highlight=False)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser connection: its app lives as long as this. Tracked so that a stop ends them."""
        task = asyncio.current_task()
        assert task is not None
        self.connections.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self.connections.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C or SIGTERM: end every connection now, which tells each app to quit (it ends its
        session as a quit would); aiohttp alone would wait for the browsers to go (20 s and more)."""
        for task in self.connections:
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*self.connections, return_exceptions=True)

    @aiohttp_jinja2.template("intake.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        return dict(self.words)  # the template's context, a copy for each request


def serve(argv: list[str], host: str, port: int, dialog: LoadedDialog, pin: str | None = None) -> None:
    """Serve `argv` (the app's command line) until Ctrl+C or SIGTERM. A kiosk PIN goes to each
    app in the environment, not on its command line, where `ps` would show it."""
    if pin is not None:
        os.environ[PIN_VARIABLE] = pin
    IntakeServer(app_command(argv), host, port, page_words(dialog), kiosk=pin is not None).serve()
