"""Turn file text into Rich Text safely: never markup, controls made visible."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from tui.core.text import escape_controls


def safe(text: str, style: Style | str = "") -> Text:
    """A Text that shows exactly the characters of `text`, controls escaped."""
    return Text(escape_controls(text), style=style, no_wrap=False, end="")


def one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


NO_CONTROLS = "[^\x00-\x08\x0b-\x1f\x7f-\x9f]*"
"""One-line inputs refuse control characters outright (they have no use there)."""
