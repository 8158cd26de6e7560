"""One browser tab's reader, started by `crossread serve` through textual-serve.

It talks over pipes with Textual's web driver, so it bypasses `crossread`'s own entry
point, which rightly refuses to run the terminal reader without a terminal.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def main(argv: list[str]) -> int:
    if os.environ.get("TEXTUAL_DRIVER") != WEB_DRIVER or len(argv) != 2:
        print("usage: started by 'crossread serve' (textual-serve), with CORPUS AUTHOR", file=sys.stderr)
        return 2
    from tui.ui.app import CrossreadApp

    root, author = Path(argv[0]), argv[1]
    CrossreadApp(root, author=author).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
