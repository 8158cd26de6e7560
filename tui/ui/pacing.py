"""Keeping the UI thread's turns short: work split over frames, and text
updates that do not lay the whole screen out again.

A step runs after the next frame is drawn and after the event loop has had a
turn (a timer, not just `call_after_refresh`, whose callbacks run in the same
turn as the frame), so a key pressed meanwhile waits for one step at most, and
the driver's writer thread sends the frame before the step holds the GIL.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.visual import VisualType, visualize
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

STEP_GAP = 0.001  # seconds: only to leave the loop's turn
IDLE = 0.1  # seconds without a caret move before a due full collection runs
FULL_PASS_EVERY = 50  # middle-generation passes per full one (Python's default: 10)
FULL_PASS_DUE = 25  # middle-generation passes since the last full one: IdleCollector runs it


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


def fewer_full_passes() -> None:
    """Full passes rarer: each rescans what drawing keeps alive (Textual's
    caches, 50k objects, 17 ms), and Python's default made one every few keys;
    now one in about 50 keys, 40 ms with the garbage it frees, and most of them
    between keys (IdleCollector)."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_PASS_EVERY)


class IdleCollector:
    """Full collections between keys rather than inside one.

    Drawing leaves reference cycles behind (a Textual Strip caches itself when
    asked for its own length), 50,000 objects in some 50 keys at 16 MB, that
    only a full pass frees; one that falls inside a key held it for 80-170 ms.
    `poke` on each caret move: once the caret has rested IDLE seconds, a pass
    that is due (FULL_PASS_DUE) runs then, so Python's own rarely comes."""

    def __init__(self, node: MessagePump) -> None:
        self.node = node
        self._timer: Timer | None = None

    def poke(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.node.set_timer(IDLE, self._collect)

    def _collect(self) -> None:
        self._timer = None
        if gc.isenabled() and gc.get_count()[2] >= FULL_PASS_DUE:
            gc.collect()
