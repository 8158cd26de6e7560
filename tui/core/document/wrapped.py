"""An article wrapped to a width, a few screens at a time, and the caret's
motions over it: the document model the article view composes.

Like Textual's WrappedDocument and DocumentNavigator, these hold no widget
state; the view asks them where a line starts or where the caret goes next,
so the same answers can be tested without a terminal.
"""

from __future__ import annotations

from tui.core.document.layout import Cells, Line, layout_blocks, line_at, text_start
from tui.core.document.motions import next_sentence, next_word, previous_sentence, previous_word
from tui.core.files.article import Article

STEP = 200  # blocks laid out per step: enough for a screen, cheap for a 5 MB article


class WrappedArticle:
    """Display lines of an article at one width, laid out incrementally."""

    def __init__(self, article: Article, cells: Cells) -> None:
        self.article = article
        self.cells = cells
        self.width = -1
        self.lines: list[Line] = []
        self.starts: list[int] = []
        self.next_block = 0

    def rewrap(self, width: int) -> bool:
        """Start over at a new width; False when the width is unchanged."""
        if width == self.width:
            return False
        self.width = width
        self.lines = []
        self.starts = []
        self.next_block = 0
        return True

    @property
    def complete(self) -> bool:
        return self.next_block >= len(self.article.blocks)

    def extend(self, min_lines: int = 0, upto_offset: int | None = None) -> None:
        """Lay out more blocks: until `min_lines` lines, or past `upto_offset`."""
        if self.width <= 0:
            return
        blocks = self.article.blocks
        while self.next_block < len(blocks):
            if upto_offset is None and len(self.lines) >= min_lines:
                break
            if (
                upto_offset is not None
                and self.lines
                and self.lines[-1].end >= upto_offset
                and blocks[self.next_block].start > upto_offset
            ):
                break
            stop = self.next_block + STEP
            new = layout_blocks(self.article, self.width, self.next_block, stop, self.cells)
            self.lines.extend(new)
            self.starts.extend(line.start for line in new)
            self.next_block = min(stop, len(blocks))

    def finish(self) -> None:
        self.extend(upto_offset=len(self.article.text))

    def height(self) -> int:
        """Lines so far plus an estimate of the rest, from the density so far."""
        height = len(self.lines)
        if not self.complete and self.lines:
            done = max(1, self.lines[-1].end)
            height += int((len(self.article.text) - done) * len(self.lines) / done)
        return max(1, height)

    def line_of(self, offset: int) -> int:
        """Index of the line holding offset, laying out as far as needed."""
        if self.width > 0 and not self.complete and (not self.lines or offset > self.lines[-1].end):
            self.extend(upto_offset=offset)
        return line_at(self.starts, offset) if self.starts else 0

    def column_of(self, offset: int) -> int:
        if not self.lines:
            return 0
        line = self.lines[self.line_of(offset)]
        return self.cells.width(self.article.text[line.start : offset])

    def offset_at(self, index: int, column: int) -> int:
        """The text offset drawn at `column` cells into line `index`."""
        line = self.lines[index]
        return line.start + self.cells.index_at(self.article.text[line.start : line.end], column)

    def link_at(self, offset: int) -> str:
        if not self.lines:
            return ""
        line = self.lines[self.line_of(offset)]
        if line.block < 0:
            return ""
        for span in self.article.blocks[line.block].spans:
            if span.style == "link" and span.start <= offset < span.end:
                return span.href
        return ""


class ArticleNavigator:
    """Where the caret goes for each motion; never before the text's first offset."""

    def __init__(self, wrapped: WrappedArticle) -> None:
        self.wrapped = wrapped
        self.text = wrapped.article.text
        self.first = text_start(wrapped.article)

    def clamp(self, offset: int) -> int:
        return max(self.first, min(len(self.text), offset))

    def left(self, offset: int) -> int:
        return self.clamp(offset - 1)

    def right(self, offset: int) -> int:
        return self.clamp(offset + 1)

    def word_right(self, offset: int) -> int:
        return self.clamp(next_word(self.text, offset))

    def word_left(self, offset: int) -> int:
        return self.clamp(previous_word(self.text, offset))

    def sentence_right(self, offset: int) -> int:
        return self.clamp(next_sentence(self.text, offset))

    def sentence_left(self, offset: int) -> int:
        return self.clamp(previous_sentence(self.text, offset))

    def lines(self, offset: int, delta: int, lookahead: int = 50) -> int:
        """`delta` display lines down (or up), keeping the caret's column and
        stepping over the blank lines between blocks."""
        wrapped = self.wrapped
        if not wrapped.lines:
            return offset
        column = wrapped.column_of(offset)
        wanted = wrapped.line_of(offset) + delta
        if wanted >= len(wrapped.lines) and not wrapped.complete:
            wrapped.extend(wanted + lookahead)
        index = max(0, min(len(wrapped.lines) - 1, wanted))
        while 0 < index < len(wrapped.lines) - 1 and wrapped.lines[index].block < 0:
            index += 1 if delta > 0 else -1
        return self.clamp(wrapped.offset_at(index, column))

    def last_line(self) -> int:
        self.wrapped.finish()
        return self.clamp(self.wrapped.lines[-1].start if self.wrapped.lines else 0)
