"""Scrollbars drawn again only when their widget's size changed.

Textual hands every scrolling widget its size at each layout of the screen,
and compares the virtual size it passes (the widget's room) with the
widget's own (its text): for a `ScrollView` they always differ, so each of
them redrew its scrollbars on every layout, anywhere on the screen. Showing
the picker or the articles list redrew the articles' scrollbars, 42 lines
each, below the box: 5 of the 15 ms that frame took over an archive.
"""

from __future__ import annotations

from typing import TypeVar

from textual.geometry import Size
from textual.widget import Widget

W = TypeVar("W", bound=type[Widget])
_KEY = "_steady_size_key"


def unchanged(widget: Widget, size: Size, virtual_size: Size, container_size: Size) -> bool:
    """True when the layout brings nothing new since the last call: same room,
    and the widget's own virtual size as it was. Otherwise remember this one."""
    key = (size, virtual_size, container_size, widget.virtual_size)
    if getattr(widget, _KEY, None) == key:
        return True
    setattr(widget, _KEY, key)
    return False


def scrollbars(cls: W) -> W:
    """Class decorator: the widget skips Textual's size update (and with it
    the scrollbars' redraw) on a layout that changed nothing for it."""
    textual_update = cls._size_updated

    def _size_updated(
        self: Widget, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        if unchanged(self, size, virtual_size, container_size):
            return False
        return textual_update(self, size, virtual_size, container_size, layout)

    setattr(cls, "_size_updated", _size_updated)  # noqa: B010 (Textual's private hook)
    return cls
