"""The problems panel: long lines wrapped by the panel and drawn only where seen.

A Static in a scroll container wrapped all of its text at two widths for its
height and once more to draw it: 60 ms of a big load's handover for the 200
problems shown. Here the lines are divided once per width and a frame draws
the few rows that are visible.
"""

from __future__ import annotations

from rich._wrap import divide_line
from rich.segment import Segment
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.ui.widgets import steady


@steady.scrollbars
class ProblemsText(ScrollView):
    """Scrollable, wrapped text whose height is its number of wrapped rows."""

    DEFAULT_CSS = """
    ProblemsText { scrollbar-gutter: stable; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: list[Text] = []
        self._rows: list[tuple[int, int, int]] = []  # (line, start, end) per display row
        self._width = -1
        self._wrapped: dict[int, list[tuple[int, int, int]]] = {}
        self._strips: dict[int, Strip] = {}

    def update(self, text: Text) -> None:
        """Show new text; it is wrapped at the next layout."""
        self._lines = list(text.split("\n", allow_blank=True))
        self._wrapped.clear()
        self._strips.clear()
        self._width = -1
        self.refresh(layout=True)

    def _rows_at(self, width: int) -> list[tuple[int, int, int]]:
        """(line, start, end) per display row at this width, kept per width."""
        rows = self._wrapped.get(width)
        if rows is None:
            rows = self._wrapped[width] = []
            for index, line in enumerate(self._lines):
                plain = line.plain
                start = 0
                for end in [*divide_line(plain, max(1, width), fold=True), len(plain)]:
                    rows.append((index, start, end))
                    start = end
        return rows

    def _wrap(self, width: int) -> None:
        if width != self._width:
            self._width = width
            self._strips.clear()
            self._rows = self._rows_at(width)
            self.virtual_size = Size(width, len(self._rows))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # The width given includes the scrollbar's room, which is always kept.
        return len(self._rows_at(width - self.styles.scrollbar_size_vertical))

    def on_resize(self) -> None:
        self._wrap(self.scrollable_content_region.width)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        self._wrap(width)
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        base = self.rich_style
        if index >= len(self._rows):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            line, start, end = self._rows[index]
            whole = self._lines[line]
            piece = whole[start:end]
            if end < len(whole):
                piece.rstrip()  # the space a row was broken at is not drawn
            piece.rstrip_end(width)
            segments = piece.render(self.app.console)
            strip = self._strips[index] = Strip(Segment.apply_style(segments, base))
        return strip.crop_extend(scroll_x, scroll_x + width, base)
