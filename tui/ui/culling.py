"""Frames draw, and cut up, only what they update.

Textual's compositor, for a partial update, asks every widget whose *clip*
(its container's visible area) touches the updated area to draw all its
lines, then cuts them up line by line. With side-by-side panes the clip of
nearly every widget is the whole screen, so a jump in the left article also
drew the right article, its scrollbar, the side panel and the key line, and
divided each of their lines at every cut: about a tenth of that frame, at
16 MB, for lines that are never sent. Here a widget is drawn only when its
visible part (its region within its clip) touches the updated area.

Then each drawn line is cut at every widget edge on its row (a Rich divide,
cell by cell through German text), though only the pieces that fall in an
updated span are sent, and only the front-most widget's piece of each. The
picker's box, shown over the reader, had every article line beneath it cut at
the box's edges: 52 of the 100 ms its first frame took over an archive. Here
a line is cut only when one of its pieces would be sent and is not yet taken
by a widget in front.

Safe by construction: a piece is sent only where an update span lies, and
the spans lie inside the updated area, so a widget outside it never fills
one that is sent, and a piece no span touches is never read. Full frames
(screenshots, a new layout) still draw every widget and keep Textual's own
cutting.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

TEXTUAL_RENDERS = Compositor._get_renders  # Textual's own, for comparisons


def _renders(self: Compositor, crop: Region | None = None) -> Iterator[tuple[Region, Region, list[Strip]]]:
    """Compositor._get_renders: each visible widget's lines, front-most first, but
    only of the widgets whose visible part touches `crop`."""
    for widget, (region, clip) in self.visible_widgets.items():
        shown = region.intersection(clip)
        if not shown.area or (crop is not None and not crop.overlaps(shown)):
            continue
        inside = Region(shown.x - region.x, shown.y - region.y, shown.width, shown.height)
        yield region, clip, widget.render_lines(inside)


def _partial_update(self: Compositor) -> ChopsUpdate | None:
    """Textual's partial update: the dirty regions as spans per line, and the
    pieces of each line the spans need, front-most widget first."""
    regions = self._dirty_regions.copy()
    self._dirty_regions.clear()
    if not regions:
        return None
    crop = Region.from_union(regions).intersection(self.size.region)
    spans = list(self._regions_to_spans(regions))
    wanted: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for y, x1, x2 in spans:
        wanted[y].append((x1, x2))
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(row[:-1]) for row in cuts]
    for region, clip, strips in self._get_renders(crop):
        shown = region.intersection(clip)
        left, right = shown.column_span
        for y, strip in zip(shown.line_range, strips, strict=False):
            ranges = wanted.get(y)
            if ranges is None:
                continue
            line = chops[y]
            edges = [cut for cut in cuts[y] if left <= cut <= right]
            if not any(
                line.get(start) is None and any(start < x2 and end > x1 for x1, x2 in ranges)
                for start, end in zip(edges, edges[1:], strict=False)
            ):
                continue  # every piece of it that is sent is taken already
            for start, piece in zip(edges, strip.divide([cut - left for cut in edges[1:]]), strict=False):
                if line.get(start) is None:
                    line[start] = piece
    return ChopsUpdate(chops, spans, [row[1:] for row in cuts])


def install() -> None:
    """Replace the compositor's widget drawing and cutting for every screen (idempotent)."""
    Compositor._get_renders = _renders  # type: ignore[method-assign]
    Compositor.render_partial_update = _partial_update  # type: ignore[method-assign]


def installed() -> bool:
    return Compositor._get_renders is _renders and Compositor.render_partial_update is _partial_update
