"""Keeping the UI thread's turns short: work split over frames, and text
updates that do not lay the whole screen out again.

A step runs after the next frame is drawn and after the event loop has had a
turn (a timer, not just `call_after_refresh`, whose callbacks run in the same
turn as the frame), so a key pressed meanwhile waits for one step at most, and
the driver's writer thread sends the frame before the step holds the GIL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.message_pump import MessagePump
from textual.visual import VisualType, visualize
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

STEP_GAP = 0.001  # seconds: only to leave the loop's turn


def after_frame(node: MessagePump, step: Callable[[], object]) -> None:
    """Run step on node's thread after the next frame, in a turn of its own."""
    node.call_after_refresh(node.set_timer, STEP_GAP, step)


def update_text(widget: Static, content: VisualType) -> None:
    """Static.update, but the screen is laid out again only when the new text
    takes another number of lines at the widget's width: that layout redraws
    every widget (a pane's status changed on each follow)."""
    width = widget.content_size.width
    same = False
    if widget.is_mounted and widget.display and width > 0:
        rules = cast("RulesMap", widget.styles)  # what Textual itself passes
        old = widget.visual.get_height(rules, width)
        same = visualize(widget, content).get_height(rules, width) == old
    widget.update(content, layout=not same)
