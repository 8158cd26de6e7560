"""The naive peers: Textual's TextArea (read-only) and Markdown widget on one file.

Each exits right after the first frame that shows the article's text.
"""

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Markdown, TextArea


class Peer(App[None]):
    def __init__(self, kind: str, path: Path) -> None:
        super().__init__()
        self.kind = kind
        self.text = path.read_text(encoding="utf-8")

    def compose(self) -> ComposeResult:
        if self.kind == "textarea":
            yield TextArea(self.text, read_only=True)
        else:
            yield Markdown(self.text)

    def on_ready(self) -> None:
        if self.kind == "textarea":
            self.call_after_refresh(self.exit)
        else:
            self.set_interval(0.01, self._check)

    def _check(self) -> None:
        if self.query_one(Markdown).children:  # the blocks are mounted: text is on screen
            self.call_after_refresh(self.exit)


if __name__ == "__main__":
    from peak import report_peak_memory

    Peer(sys.argv[1], Path(sys.argv[2])).run(headless=True)
    report_peak_memory()
