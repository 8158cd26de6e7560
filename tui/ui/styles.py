"""Turn file text into Rich Text safely: never markup, controls made visible."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from tui.core.layout import Cells
from tui.core.text import escape_controls, escape_line

CELLS = Cells(cell_len)
"""Cell widths measured exactly as Textual measures what it draws."""


def safe(text: str, style: Style | str = "") -> Text:
    """A Text that shows exactly the characters of `text`, controls escaped.

    Every string from a file reaches a widget through here (or escape_line):
    a Text is never parsed as markup, and no raw control is left in it."""
    return Text(escape_controls(text), style=style, no_wrap=False, end="")


def safe_line(text: str, style: Style | str = "") -> Text:
    """safe() for one-line places such as border titles: tab and newline too."""
    return Text(escape_line(text), style=style, no_wrap=True, end="")


def one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


NO_CONTROLS = "[^\x00-\x08\x0b-\x1f\x7f-\x9f]*"
"""One-line inputs refuse control characters outright (they have no use there)."""
