"""Focus changes that draw their mark a frame later.

Textual's own focus and blur handlers refresh the whole widget, and its
`has_focus` watcher restyles it, inside the key that moved the focus. Where
a widget's focus mark is small (a caret) or a class set afterwards (a list's
cursor row, a border), that whole redraw landed in the key's frame, beside
what the key itself shows. Widgets that opt in call `moved` from their
`_on_focus`/`_on_blur` and no-op `watch_has_focus`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widget import Widget


def moved(widget: Widget, event: events.Focus | events.Blur, focused: bool, mark: Callable[[], None]) -> None:
    """Record the focus, tell the parent as Textual does, and `mark` after the frame."""
    event.prevent_default()  # Textual's handlers: a whole-widget refresh now
    widget.has_focus = focused
    widget.call_after_refresh(mark)
    if widget.parent is not None:
        told = events.DescendantFocus(widget) if focused else events.DescendantBlur(widget)
        widget.parent.post_message(told)
