"""Wrap an article into display lines for a given width, without any UI.

Lines keep offsets into `Article.text`, so the widget can map a screen cell to
a text offset (clicks, the caret) and draw highlights per visible line only.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import NamedTuple

from tui.core.document.text import escape_controls
from tui.core.files.article import Article, Block

TAB_SIZE = 4
"""Tab stops every four cells, counted from the start of the line's text."""

Measure = Callable[[str], int]
"""Cells of one grapheme cluster. The UI passes the measure Textual renders
with, so that a line laid out here fills exactly the cells it is drawn in."""

# Characters one cell wide under every Unicode version Textual's measure knows
# (a test checks each one against it); text made only of these skips the
# per-cluster walk.
_WIDE_OR_SPECIAL = re.compile(
    "[^ -~\xa0-\xac\xae-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e\u2500-\u25fc\u2800-\u28ff]"
)
_ZWJ, _VS16 = "\u200d", "\ufe0f"
_EMOJI_PARTS = re.compile("[\u200d\ufe0f\U0001f3fb-\U0001f3ff]")
_BASE, _JOINS, _ALONE = 0, 1, 2  # starts a cluster; joins the one before; a cluster alone


def is_control(ch: str) -> bool:
    """Drawn escaped (see escape_controls), never raw; a cluster of its own."""
    code = ord(ch)
    return code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000


def approximate_cells(cluster: str) -> int:
    """The core's own guess from the Unicode database, for use without a UI."""
    first = cluster[0]
    if unicodedata.combining(first) or unicodedata.category(first) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(first) in "WF":
        return 2
    return 2 if _VS16 in cluster and ord(first) >= 0x2000 else 1


class Cells:
    """Splits text into what occupies cells: grapheme clusters (a base with
    its combining marks, skin tones, variation selectors and ZWJ partners), a
    tab, or one control character (as wide as its escaped form)."""

    def __init__(self, measure: Measure = approximate_cells, tab: int = TAB_SIZE) -> None:
        self.measure = measure
        self.tab = tab
        self._kinds: dict[str, int] = {}  # per character: _BASE, _JOINS or _ALONE
        self._widths: dict[str, int] = {}  # clusters of one character

    @staticmethod
    def narrow(text: str) -> bool:
        """True when every character is exactly one cell (no walk needed)."""
        return _WIDE_OR_SPECIAL.search(text) is None

    def _kind(self, ch: str) -> int:
        kind = self._kinds.get(ch)
        if kind is None:
            if ch == "\t" or is_control(ch):
                kind = _ALONE
            elif ch == _VS16 or (_WIDE_OR_SPECIAL.match(ch) and self.measure(ch) == 0):
                kind = _JOINS
            else:
                kind = _BASE
            self._kinds[ch] = kind
        return kind

    def portable(self, text: str) -> str:
        """What to draw for text so every terminal agrees on its width.

        Terminals disagree on emoji sequences (tmux 3.3a draws a skin-toned
        thumb 4 cells wide and a heart with VS16 as 1), which shifts pane
        borders. A cluster with a skin tone, VS16 or ZWJ is drawn as its base
        character, padded with spaces to the width the layout counted for it;
        the text itself, offsets and search are unchanged."""
        if self.narrow(text) or not _EMOJI_PARTS.search(text):
            return text
        pieces: list[str] = []
        for start, end, cells in self.split(text):
            cluster = text[start:end]
            if end - start > 1 and _EMOJI_PARTS.search(cluster):
                base = self.measure(cluster[0])
                if 0 < base <= cells:
                    cluster = cluster[0] + " " * (cells - base)
            pieces.append(cluster)
        return "".join(pieces)

    def split(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, cells) per cluster; cells is -1 for a tab (it depends
        on the column). Clusters end where the measure of the whole string
        is the sum of its parts' (a ZWJ takes the next character, as in rich)."""
        if self.narrow(text):
            return [(i, i + 1, 1) for i in range(len(text))]
        out: list[tuple[int, int, int]] = []
        kind, widths = self._kind, self._widths
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if kind(ch) == _ALONE:
                out.append((i, i + 1, -1 if ch == "\t" else len(escape_controls(ch))))
                i += 1
                continue
            j = i + 1
            if ch == _ZWJ and j < n and kind(text[j]) != _ALONE:
                j += 1
            while j < n:
                if text[j] == _ZWJ:
                    j += 1
                    if j < n and kind(text[j]) != _ALONE:
                        j += 1
                elif kind(text[j]) == _JOINS:
                    j += 1
                else:
                    break
            if j == i + 1:
                width = widths.get(ch)
                if width is None:
                    width = widths[ch] = self.measure(ch)
            else:
                width = self.measure(text[i:j])
            out.append((i, j, width))
            i = j
        return out

    def tab_cells(self, column: int) -> int:
        return self.tab - column % self.tab

    def width(self, text: str, column: int = 0) -> int:
        """Cells text takes when drawn from `column` of its line."""
        if "\t" not in text and self.narrow(text):
            return len(text)
        used = column
        for _, _, cells in self.split(text):
            used += self.tab_cells(used) if cells < 0 else cells
        return used - column

    def index_at(self, text: str, column: int) -> int:
        """Index of the cluster drawn at `column` (len(text) past the end)."""
        used = 0
        for start, _, cells in self.split(text):
            used += self.tab_cells(used) if cells < 0 else cells
            if used > column:
                return start
        return len(text)

    def snap(self, text: str, start: int, end: int, base: int = 0) -> tuple[int, int]:
        """[start, end) widened to whole clusters; offsets are base + index."""
        if self.narrow(text):
            return start, end
        bounds = [base + s for s, _, _ in self.split(text)] + [base + len(text)]
        lo = bounds[max(0, bisect_right(bounds, start) - 1)]
        hi = bounds[min(len(bounds) - 1, bisect_left(bounds, end))]
        return min(lo, start), max(hi, end)


DEFAULT_CELLS = Cells()


def display_width(text: str, cells: Cells = DEFAULT_CELLS) -> int:
    return cells.width(text)


class Line(NamedTuple):
    """One display row: text[start:end] of block `block`, after `prefix`.

    A NamedTuple, not a dataclass: a 5 MB article has 100,000 of them and
    tuples are several times cheaper to build.
    """

    block: int  # index into Article.blocks; -1 for the blank row between blocks
    start: int
    end: int
    prefix: str = ""


def block_prefix(block: Block, first: bool) -> str:
    quote = "▎ " * block.quote
    indent = "  " * max(0, block.indent - 1)
    if block.kind == "item":
        marker = (block.marker + " ") if first else " " * (len(block.marker) + 1)
        return quote + indent + marker
    if block.kind == "code":
        return quote + indent + "  "
    return quote + indent


def _wrap(text: str, offset: int, width: int, cells: Cells = DEFAULT_CELLS) -> list[tuple[int, int]]:
    """Greedy word wrap of one hard line; returns (start, end) text offsets."""
    width = max(1, width)
    if "\t" not in text and cells.narrow(text):
        return _wrap_narrow(text, offset, width)
    out: list[tuple[int, int]] = []
    spans = cells.split(text)
    i, n = 0, len(spans)
    while i < n:
        used, j, last_space = 0, i, -1
        while j < n:
            start, _, w = spans[j]
            if w < 0:
                w = cells.tab_cells(used)
            if used + w > width and j > i:
                break
            if text[start] in " \t":
                last_space = j
            used += w
            j += 1
        if j >= n:
            out.append((offset + spans[i][0], offset + len(text)))
            break
        if last_space > i:
            j, following = last_space, last_space + 1
        else:
            following = j
        out.append((offset + spans[i][0], offset + spans[j][0]))
        i = following
    return out or [(offset, offset)]


def _wrap_narrow(text: str, offset: int, width: int) -> list[tuple[int, int]]:
    """The common case, one cell per character: cut at the last space that fits."""
    out: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while pos < n:
        if n - pos <= width:
            out.append((offset + pos, offset + n))
            break
        cut = text.rfind(" ", pos, pos + width + 1)
        if cut <= pos:
            end, nxt = pos + width, pos + width  # a word longer than the line
        else:
            end, nxt = cut, cut + 1
        out.append((offset + pos, offset + end))
        pos = nxt
        while pos < n and text[pos] == " ":
            pos += 1
    return out or [(offset, offset)]


TIGHT = ("item", "table")
TABLE_SEPARATOR = " | "  # between the padded cells of a row (tui/core/files/markdown.py add_table)
CELL_INDENT = "  "  # before the second and later cells of a row too wide to stay one line


def hidden_heading(article: Article) -> int:
    """The block not laid out: the article's own H1 when the header already
    shows it as the title (issue 13), else -1. Its text stays, so quotes of it
    still anchor."""
    blocks = article.blocks
    if len(blocks) > 1 and blocks[0].kind == "heading" and article.meta.repeats_title:
        return 0
    return -1


def text_start(article: Article) -> int:
    """The first offset on screen: the caret and search stay at or after it."""
    return article.blocks[1].start if hidden_heading(article) == 0 else 0


def table_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of each cell of a table row, its padding left out."""
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        cut = text.find(TABLE_SEPARATOR, pos, end)
        a, b = pos, end if cut == -1 else cut
        while a < b and text[a] == " ":
            a += 1
        while b > a and text[b - 1] == " ":
            b -= 1
        out.append((a, b))
        if cut == -1:
            return out
        pos = cut + len(TABLE_SEPARATOR)


def _stacked_row(text: str, number: int, block: Block, width: int, prefix: str, cells: Cells) -> list[Line]:
    """A table row wider than the pane: one cell under the other, each wrapped
    to the width, so no line overflows and no cell is cut mid-column."""
    lines: list[Line] = []
    inner = prefix + CELL_INDENT
    avail = max(8, width - cells.width(inner))
    for index, (a, b) in enumerate(table_cells(text, block.start, block.end)):
        lead = prefix if index == 0 else inner
        for start, end in _wrap(text[a:b], a, avail, cells):
            lines.append(Line(number, start, end, lead))
            lead = inner
    return lines


def layout(article: Article, width: int, cells: Cells = DEFAULT_CELLS) -> list[Line]:
    return layout_blocks(article, width, 0, len(article.blocks), cells)


def layout_blocks(
    article: Article, width: int, first: int, stop: int, cells: Cells = DEFAULT_CELLS
) -> list[Line]:
    """Lines for blocks [first, stop), so a long article can be laid out in parts.

    No line's text is wider than `width` minus its prefix, as `cells` measures."""
    lines: list[Line] = []
    text = article.text
    blocks = article.blocks
    hidden = hidden_heading(article)
    for number in range(first, min(stop, len(blocks))):
        if number == hidden:
            continue
        block = blocks[number]
        previous = blocks[number - 1] if number else None
        tight = previous is not None and previous.kind == block.kind and block.kind in TIGHT
        if number and not tight and number - 1 != hidden:
            lines.append(Line(-1, block.start, block.start))
        first_prefix = block_prefix(block, True)
        rest_prefix = block_prefix(block, False)
        avail = max(8, width - max(cells.width(first_prefix), cells.width(rest_prefix)))
        if block.kind == "table" and cells.width(text[block.start : block.end]) > avail:
            if tight:  # stacked rows apart, or their cells would run together
                lines.append(Line(-1, block.start, block.start))
            lines.extend(_stacked_row(text, number, block, width, first_prefix, cells))
            continue
        prefix = first_prefix
        pos = block.start
        for hard in text[block.start : block.end].split("\n"):
            for start, end in _wrap(hard, pos, avail, cells):
                lines.append(Line(number, start, end, prefix))
                prefix = rest_prefix
            pos += len(hard) + 1
    return lines


def line_at(starts: list[int], offset: int) -> int:
    """Index of the line holding a text offset, given each line's start."""
    return max(0, bisect_right(starts, offset) - 1)
