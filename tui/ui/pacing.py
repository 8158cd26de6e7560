"""Work split over frames, for what would hold the UI thread too long at once.

A step runs after the next frame is drawn and after the event loop has had a
turn (a timer, not just `call_after_refresh`, whose callbacks run in the same
turn as the frame), so a key pressed meanwhile waits for one step at most.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump

STEP_GAP = 0.001  # seconds: only to leave the loop's turn


def after_frame(node: MessagePump, step: Callable[[], object]) -> None:
    """Run step on node's thread after the next frame, in a turn of its own."""
    node.call_after_refresh(node.set_timer, STEP_GAP, step)
