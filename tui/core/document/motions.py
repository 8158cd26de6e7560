"""Caret motions over plain text: words and sentences."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+|[^\w\s]+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"“”»’']*\s+|\n+")


def next_word(text: str, pos: int) -> int:
    for m in _WORD.finditer(text, pos):
        if m.start() > pos:
            return m.start()
    return len(text)


def previous_word(text: str, pos: int) -> int:
    starts = [m.start() for m in _WORD.finditer(text, max(0, pos - 200), pos)]
    return starts[-1] if starts else max(0, pos - 200)


def next_sentence(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos)
    return m.end() if m and m.end() < len(text) else len(text)


def previous_sentence(text: str, pos: int) -> int:
    begin = 0
    for m in _SENTENCE_END.finditer(text, max(0, pos - 2000), max(0, pos - 1)):
        begin = m.end()
    return begin


def trim_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """The words a caret selection means: [start, end) without edge whitespace,
    and without a lone first character of the next word, which an inclusive
    selection picks up when the caret stops on the start of the next word or
    sentence (`v w w`)."""
    if end - start > 1 and not text[end - 1].isspace() and text[end - 2].isspace():
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end
