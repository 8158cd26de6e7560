"""Drawing one line of an article view as a Strip: block styles, highlight
layers, escaped controls and expanded tabs. ArticleView owns one painter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.core.document.layout import Line
from tui.core.document.text import escape_controls
from tui.ui.styles import CELLS

if TYPE_CHECKING:
    from tui.ui.widgets.article_view import ArticleView


class LinePainter:
    """Turns a display line and what the view highlights into segments.

    It reads the view's state (highlights, search matches, selection, caret)
    and its component styles; it keeps none of its own but the style cache.
    """

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self._styles: dict[str, Style] = {}

    def forget_styles(self) -> None:
        """The CSS changed (a theme): look every component style up again."""
        self._styles.clear()

    def style(self, name: str) -> Style:
        """The rich Style of a component class, such as "claim"."""
        return self._style(name)

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.view.get_component_rich_style(f"article-view--{name}")
            self._styles[name] = style
        return style

    def _block_style(self, line: Line) -> Style:
        if line.block < 0:
            return Style()
        block = self.view.article.blocks[line.block]
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

    def draw(self, index: int, base: Style) -> Strip:
        view = self.view
        line = view.wrapped.lines[index]
        text = view.article.text
        start, end = line.start, line.end
        block_style = base + self._block_style(line)
        segments: list[Segment] = []
        if line.prefix:
            segments.append(Segment(line.prefix, base + self._style("prefix")))
        # Every position where the set of styles may change.
        layers: list[tuple[int, int, Style]] = []
        if line.block >= 0:
            for span in view.article.blocks[line.block].spans:
                if span.start < end and span.end > start:
                    name = "link" if span.style == "link" else None
                    style = (
                        self._style(name)
                        if name
                        else Style.parse(
                            {"bold": "bold", "italic": "italic", "code": "dim", "strike": "strike"}.get(
                                span.style, ""
                            )
                        )
                    )
                    layers.append((span.start, span.end, style))
        for s, e, mark in view.highlights.index.overlapping(start, end) if end > start else ():
            style = Style()
            for name in mark.classes:
                style += self._style(name)
            layers.append((s, e, style))
            if view.selected is mark.annotation or mark.annotation.ref in view.partners:
                layers.append((s, e, self._style("selection")))
            if mark.annotation.ref == view.marked_ref:
                layers.append((s, e, self._style("mark")))
        for s, e, item in view.suggested.overlapping(start, end) if end > start else ():
            layers.append((s, e, self._style("suggestion")))
            if item.id == view.shown_suggestion:
                layers.append((s, e, self._style("selection")))
        for s, e, _ in view.matches.index.overlapping(start, end) if end > start else ():
            layers.append((s, e, self._style("search")))
        chosen = view.selection
        if chosen is not None and chosen[0] < end and chosen[1] > start:
            layers.append((chosen[0], chosen[1], self._style("selection")))
        cursor = view.cursor
        show_cursor = (
            view.has_focus and start <= cursor <= end and (cursor < end or index == view.line_of(cursor))
        )
        if show_cursor and cursor < end:
            layers.append((cursor, cursor + 1, self._style("cursor")))
        if not CELLS.narrow(text[start:end]):
            # A style may not start inside a grapheme cluster: drawn in two
            # segments, a ZWJ sequence would be measured as two glyphs.
            line_text = text[start:end]
            layers = [
                (*CELLS.snap(line_text, max(start, s), min(end, e), start), layer) for s, e, layer in layers
            ]
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
