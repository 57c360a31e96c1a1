"""Private, atomic file writes: the only way this program puts anything on disk.

A temporary file in the same folder (mode 0600 from the start), flushed and synced,
then renamed over the target: a crash leaves the old file or the new one, never half.
With `replace=False` the last step is a hard link, which fails if the target exists, so
two writers racing for one name never clobber each other.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

# a temporary file is named after its writer's process id: one whose writer is gone was left
# by a writer killed mid-save and may hold answers, so it is cleared; a live writer's never is.
# (One without a process id in its name is cleared once it is older than this.)
STALE_AFTER = 60.0


def write_private(path: str | Path, text: str, replace: bool = True, mode: int = 0o600) -> None:
    """Write `text` to `path`, owner-only and atomically; FileExistsError if `replace` is
    False and the file exists (even if another writer made it a moment ago). `mode` is for
    rewriting a file that was already shared (a transcript kept in git), never new data."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    _clear_stale(folder, target.name)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if replace:
            os.replace(tmp, target)
        else:
            os.link(tmp, target)  # no-replace: fails if the name is taken
            os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _clear_stale(folder: Path, name: str) -> None:
    """Remove temporary files of `name` left by killed writers; never a live writer's."""
    now = time.time()
    for stale in folder.glob(f".{name}.*.tmp"):
        writer = stale.name[len(name) + 2:].split(".", 1)[0]
        try:
            if writer.isascii() and writer.isdecimal():  # not "❶": a digit to isdigit(), no int
                if int(writer) == os.getpid() or _alive(int(writer)):
                    continue  # this process's other threads, or another live writer
            elif now - stale.stat().st_mtime <= STALE_AFTER:
                continue
            stale.unlink()
        except FileNotFoundError:
            pass  # its writer finished (or another sweep got it) meanwhile


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True
