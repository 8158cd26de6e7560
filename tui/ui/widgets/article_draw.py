"""Drawing one line of an article view as a Strip: block styles, highlight
layers, escaped controls and expanded tabs. Mixed into ArticleView."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.core.layout import Line
from tui.core.text import escape_controls
from tui.ui.styles import CELLS

if TYPE_CHECKING:
    from tui.core.intervals import IntervalIndex


class ArticleDrawing:
    """Expects ArticleView's article, lines, marks and search index."""

    article: Any
    _lines: list[Line]
    _index: IntervalIndex[Any]
    _search_index: IntervalIndex[int]
    _suggest_index: IntervalIndex[Any]
    shown_suggestion: str
    selected: Any
    marked_ref: str  # the claim marked for linking (m), drawn until linked or esc
    partners: set[str]
    cursor: int

    def _block_style(self, line: Line) -> Style:
        if line.block < 0:
            return Style()
        block = self.article.blocks[line.block]
        if block.kind == "title":
            return self._style("title")
        if block.kind == "heading":
            return self._style("heading")
        if block.kind == "code":
            return self._style("code")
        if block.kind == "table" and block.header:
            return self._style("table-header")
        if block.kind == "quote" or block.quote:
            return self._style("quote")
        return Style()

    def _draw(self, index: int, base: Style) -> Strip:
        line = self._lines[index]
        text = self.article.text
        start, end = line.start, line.end
        block_style = base + self._block_style(line)
        segments: list[Segment] = []
        if line.prefix:
            segments.append(Segment(line.prefix, base + self._style("prefix")))
        # Every position where the set of styles may change.
        layers: list[tuple[int, int, Style]] = []
        if line.block >= 0:
            for span in self.article.blocks[line.block].spans:
                if span.start < end and span.end > start:
                    name = "link" if span.style == "link" else None
                    style = self._style(name) if name else Style.parse(
                        {"bold": "bold", "italic": "italic", "code": "dim",
                         "strike": "strike"}.get(span.style, ""))
                    layers.append((span.start, span.end, style))
        for s, e, mark in self._index.overlapping(start, end) if end > start else ():
            style = Style()
            for name in mark.classes:
                style += self._style(name)
            layers.append((s, e, style))
            if self.selected is mark.annotation or mark.annotation.ref in self.partners:
                layers.append((s, e, self._style("selection")))
            if mark.annotation.ref == self.marked_ref:
                layers.append((s, e, self._style("mark")))
        for s, e, item in self._suggest_index.overlapping(start, end) if end > start else ():
            layers.append((s, e, self._style("suggestion")))
            if item.id == self.shown_suggestion:
                layers.append((s, e, self._style("selection")))
        for s, e, _ in self._search_index.overlapping(start, end) if end > start else ():
            layers.append((s, e, self._style("search")))
        chosen = self.selection
        if chosen is not None and chosen[0] < end and chosen[1] > start:
            layers.append((chosen[0], chosen[1], self._style("selection")))
        cursor = self.cursor
        show_cursor = self.has_focus and start <= cursor <= end and (
            cursor < end or index == self.line_of(cursor))
        if show_cursor and cursor < end:
            layers.append((cursor, cursor + 1, self._style("cursor")))
        if not CELLS.narrow(text[start:end]):
            # A style may not start inside a grapheme cluster: drawn in two
            # segments, a ZWJ sequence would be measured as two glyphs.
            line_text = text[start:end]
            layers = [(*CELLS.snap(line_text, max(start, s), min(end, e), start), layer)
                      for s, e, layer in layers]
        points = {start, end}
        for s, e, _ in layers:
            points.add(max(start, s))
            points.add(min(end, e))
        ordered = sorted(points)
        column = 0
        for a, b in zip(ordered, ordered[1:], strict=False):
            style = block_style
            for s, e, layer in layers:
                if s <= a and e >= b:
                    style += layer
            column = self._emit(segments, text[a:b], style, column)
        if show_cursor and cursor == end:
            segments.append(Segment(" ", block_style + self._style("cursor")))
        return Strip(segments)

    def _emit(self, segments: list[Segment], chunk: str, style: Style, column: int) -> int:
        """Append chunk as segments from `column`; return the column after it.

        Controls are drawn escaped and tabs as spaces to the next tab stop,
        each in a segment of its own, so every segment measures what the
        layout counted for it."""
        if "\t" not in chunk and escape_controls(chunk) == chunk:
            segments.append(Segment(CELLS.portable(chunk), style))
            return column + CELLS.width(chunk)
        control = style + self._style("control")
        run: list[str] = []

        def flush() -> int:
            if not run:
                return 0
            piece = "".join(run)
            run.clear()
            segments.append(Segment(CELLS.portable(piece), style))
            return CELLS.width(piece)

        for ch in chunk:
            if ch == "\t":
                column += flush()
                spaces = CELLS.tab_cells(column)
                segments.append(Segment(" " * spaces, style))
                column += spaces
                continue
            shown = escape_controls(ch)
            if shown == ch:
                run.append(ch)
            else:
                column += flush()
                segments.append(Segment(shown, control))
                column += len(shown)
        return column + flush()
