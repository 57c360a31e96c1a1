"""A QR code drawn in the terminal, two modules to a character cell (half blocks), dark on light.

Square modules need half blocks: a cell is about twice as tall as it is wide. The code is as large
as the space allows; a bigger code holds more of the take-home lines (`takehome.fit`).
"""

from __future__ import annotations

import segno
from rich.text import Text

from ...takehome import fit

BORDER = 1  # light modules around the code; the light screen around it widens the quiet zone
MAX_VERSION = 40
_CELL = {(True, True): "\u2588", (True, False): "\u2580", (False, True): "\u2584", (False, False): " "}


def _version_for(rows: int, cols: int) -> int:
    """The largest QR version whose code (with its border) fits in rows x cols cells, or 0."""
    best = 0
    for version in range(1, MAX_VERSION + 1):
        modules = 17 + 4 * version + 2 * BORDER
        if modules <= cols and (modules + 1) // 2 <= rows:
            best = version
    return best


def _encodes(text: str, version: int) -> bool:
    try:
        segno.make(text, error="l", version=version, micro=False, boost_error=False)
    except segno.DataOverflowError:
        return False
    return True


def qr_payload(lines: list[str], rows: int, cols: int) -> str | None:
    """The take-home text the largest code that fits in rows x cols can hold (None if none can)."""
    version = _version_for(rows, cols)
    if not version:
        return None
    return fit(lines, lambda text: _encodes(text, version))


def qr_rows(text: str) -> list[str]:
    """The code for `text` as lines of half blocks: each line is two rows of modules."""
    matrix = [[bool(m) for m in row] for row in segno.make(text, error="l", micro=False).matrix_iter(
        scale=1, border=BORDER)]
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    return ["".join(_CELL[(top, bottom)] for top, bottom in zip(matrix[i], matrix[i + 1], strict=True))
            for i in range(0, len(matrix), 2)]


def qr_text(text: str) -> Text:
    """The code, black on white whatever the theme: phones read dark modules on a light ground."""
    return Text("\n".join(qr_rows(text)), style="#000000 on #ffffff", no_wrap=True, overflow="crop")
