"""A service stop or a closed terminal leaves the terminal as it was, in every app mode.

Each app runs on a real pseudo-terminal (the only way to see what it writes to one); once it
has switched to the alternate screen it gets the signal, and what it writes last must switch
back, show the cursor and turn mouse reporting off.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time

import pytest

ALTERNATE_ON = b"\x1b[?1049h"
RESTORED = (b"\x1b[?1049l", b"\x1b[?25h", b"\x1b[?1000l")  # main screen, cursor shown, no mouse


def read_until(fd: int, wanted: bytes, seconds: float, quiet: float | None = None) -> bytes:
    """What the app writes until `wanted` is in it, `seconds` pass, the terminal closes, or
    (with `quiet`) it has written nothing for `quiet` seconds."""
    seen = b""
    end = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], quiet or 0.1)
        if not ready and quiet is not None:
            break
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    return seen


@pytest.mark.parametrize("argv, sig", [
    ([], signal.SIGTERM),
    (["staff"], signal.SIGHUP),
    (["kiosk", "--pin", "1234"], signal.SIGTERM),
], ids=["intake-TERM", "staff-HUP", "kiosk-TERM"])
def test_a_signal_restores_the_terminal(argv: list[str], sig: signal.Signals) -> None:
    main, child = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    process = subprocess.Popen([sys.executable, "-m", "chatbot", *argv], stdin=child, stdout=child,
                               stderr=child, env=env, start_new_session=True)
    os.close(child)
    try:
        started = read_until(main, ALTERNATE_ON, 30)
        assert ALTERNATE_ON in started, started[-300:]
        read_until(main, b"\x00never", 10, quiet=0.3)  # the first screen painted: nothing more to write
        process.send_signal(sig)
        code = process.wait(timeout=20)
        tail = read_until(main, b"\x00never", 1)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    assert code == 128 + sig
    for sequence in RESTORED:
        assert sequence in tail, (sequence, tail[-300:])
    assert b"Traceback" not in tail
