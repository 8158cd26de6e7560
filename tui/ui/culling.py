"""Frames draw only the widgets they update.

Textual's compositor, for a partial update, asks every widget whose *clip*
(its container's visible area) touches the updated area to draw all its
lines, then cuts them up line by line. With side-by-side panes the clip of
nearly every widget is the whole screen, so a jump in the left article also
drew the right article, its scrollbar, the side panel and the key line, and
divided each of their lines at every cut: about a tenth of that frame, at
16 MB, for lines that are never sent. Here a widget is drawn only when its
visible part (its region within its clip) touches the updated area.

Safe by construction: a chop is sent only where an update span lies, and the
spans lie inside the updated area, so a widget outside it never fills one
that is sent. Full frames (no crop) draw everything, as before.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip

TEXTUAL_RENDERS = Compositor._get_renders  # Textual's own, for comparisons


def _renders(self: Compositor, crop: Region | None = None) -> Iterator[tuple[Region, Region, list[Strip]]]:
    for widget, (region, clip) in self.visible_widgets.items():
        shown = region.intersection(clip)
        if not shown.area or (crop is not None and not crop.overlaps(shown)):
            continue
        inside = Region(shown.x - region.x, shown.y - region.y, shown.width, shown.height)
        yield region, clip, widget.render_lines(inside)


def install() -> None:
    """Replace the compositor's widget drawing for every screen (idempotent)."""
    Compositor._get_renders = _renders  # type: ignore[method-assign]


def installed() -> bool:
    return Compositor._get_renders is _renders
