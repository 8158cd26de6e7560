"""Wrap an article into display lines for a given width, without any UI.

Lines keep offsets into `Article.text`, so the widget can map a screen cell to
a text offset (clicks, the caret) and draw highlights per visible line only.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import NamedTuple

from tui.core.article import Article, Block
from tui.core.text import escape_controls

# Characters whose display width is not one cell: controls (shown escaped),
# combining marks, zero-width and wide East Asian characters.
_NOT_NARROW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0300-\u036f\u200b-\u200f\u1100-\u115f"
    "\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U0001f000-\U0010ffff]"
)


def char_width(ch: str) -> int:
    code = ord(ch)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return len(escape_controls(ch))
    if unicodedata.combining(ch) or ch in "\u00ad\u200b\u200c\u200d\u200e\u200f":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def display_width(text: str) -> int:
    if not _NOT_NARROW.search(text):
        return len(text)
    return sum(char_width(c) for c in text)


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


def _wrap(text: str, offset: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of one hard line; returns (start, end) text offsets."""
    width = max(1, width)
    out: list[tuple[int, int]] = []
    narrow = _NOT_NARROW.search(text) is None
    pos, n = 0, len(text)
    while pos < n:
        if narrow:
            if n - pos <= width:
                out.append((offset + pos, offset + n))
                break
            cut = text.rfind(" ", pos, pos + width + 1)
            if cut <= pos:
                end, nxt = pos + width, pos + width  # a word longer than the line
            else:
                end, nxt = cut, cut + 1
        else:
            used, end = 0, pos
            last_space = -1
            while end < n:
                w = char_width(text[end])
                if used + w > width and end > pos:
                    break
                if text[end] == " ":
                    last_space = end
                used += w
                end += 1
            if end >= n:
                out.append((offset + pos, offset + n))
                break
            if last_space > pos:
                end, nxt = last_space, last_space + 1
            else:
                nxt = end
        out.append((offset + pos, offset + end))
        pos = nxt
        while pos < n and text[pos] == " " and narrow:
            pos += 1
    return out or [(offset, offset)]


TIGHT = ("item", "table")


def layout(article: Article, width: int) -> list[Line]:
    return layout_blocks(article, width, 0, len(article.blocks))


def layout_blocks(article: Article, width: int, first: int, stop: int) -> list[Line]:
    """Lines for blocks [first, stop), so a long article can be laid out in parts."""
    lines: list[Line] = []
    text = article.text
    blocks = article.blocks
    for number in range(first, min(stop, len(blocks))):
        block = blocks[number]
        previous = blocks[number - 1] if number else None
        tight = previous is not None and previous.kind == block.kind and block.kind in TIGHT
        if number and not tight:
            lines.append(Line(-1, block.start, block.start))
        first_prefix = block_prefix(block, True)
        rest_prefix = block_prefix(block, False)
        avail = max(8, width - max(display_width(first_prefix), display_width(rest_prefix)))
        prefix = first_prefix
        pos = block.start
        for hard in text[block.start:block.end].split("\n"):
            for start, end in _wrap(hard, pos, avail):
                lines.append(Line(number, start, end, prefix))
                prefix = rest_prefix
            pos += len(hard) + 1
    return lines


def line_at(starts: list[int], offset: int) -> int:
    """Index of the line holding a text offset, given each line's start."""
    return max(0, bisect_right(starts, offset) - 1)
