"""Take the screenshots of the served kiosk in docs/: its first question, and the crisis screen.

Starts `intake serve --kiosk` on a free local port and drives Debian's Chromium with playwright,
as the browser test does (tests/served_page.py). Usage, from the checkout:

    python tools/served_screenshots.py [FOLDER]    # default: docs/

writes served-kiosk-question.png and served-crisis.png (1000 x 700, the test's window).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from chatbot.engine import engine_for  # noqa: E402 - after the path above
from served_page import Page, chromium, expected_screens, first_question, served  # noqa: E402


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    engine = engine_for()
    with served("--kiosk", env={"INTAKE_KIOSK_PIN": "screenshots"}) as url, chromium() as browser:
        page = Page(browser, url)
        page.open()
        page.wait_for(engine.dialog.s("welcome_title"))
        page.press("Enter")
        page.wait_for(first_question(engine))
        print(page.save(folder / "served-kiosk-question.png"))
        for typed, shown in expected_screens(engine, ["yeah im ok", "i want to kill myself"]):
            page.type(typed)
            page.wait_for(*shown)
        print(page.save(folder / "served-crisis.png"))
        outside = page.outside()
        page.close()
    if outside:
        print(f"requests left 127.0.0.1: {outside}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
