"""Text helpers shared by the core and the UI: escaping and folding.

`escape_controls` is the one gate between text from files (names, front
matter, YAML fields, imported JSON) and a terminal; `json_text` is its
counterpart for JSON output.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from typing import Any

# C0 but tab and newline, DEL, C1, and lone surrogates (which no terminal
# encoding can carry: writing one would crash the output, not just garble it).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_OR_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return "^" + chr(code + 0x40)  # caret notation, e.g. ESC -> ^[
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """Make C0, C1, DEL and lone surrogates visible so no escape sequence
    reaches a terminal.

    Tab and newline pass through; the result never contains a raw control.
    """
    return _CONTROL.sub(_escape_char, text)


def escape_line(text: str) -> str:
    """escape_controls for one-line places (titles, list rows, CLI reports):
    tab and newline are escaped too, so a field cannot start a fake line."""
    return _CONTROL_OR_LINE.sub(_escape_char, text)


_JSON_RAW = re.compile("[\x7f-\x9f\ud800-\udfff]")


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON in which every C0, DEL and C1 control and lone surrogate is a
    \\uXXXX escape. Raw C1 is legal JSON, but `cat` of the file would still
    send it to a terminal; json.dumps escapes only C0 when not forcing ASCII.
    Outside strings JSON is ASCII, so the substitution only touches strings."""
    out = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


_PICTURES = {code: chr(0x2400 + code) for code in range(0x20) if code not in (9, 10)}
_PICTURES[0x7F] = "\u2421"
_PICTURES.update({code: "\u2426" for code in range(0x80, 0xA0)})
_PICTURES.update({code: "\ufffd" for code in range(0xD800, 0xE000)})


def picture_controls(text: str) -> str:
    """One visible symbol per control character (␛ for ESC), keeping offsets.

    Used where the caret maps characters one to one, as in the note editor.
    """
    return text.translate(_PICTURES)


def has_controls(text: str) -> bool:
    return _CONTROL.search(text) is not None


# Folding makes typographic and whitespace variants compare equal, so a quote
# typed with ASCII quotes still finds „this“ in an article.
_FOLD_TABLE: dict[int, str] = {}
for _ch in "„“”‟″〝〞＂«»":
    _FOLD_TABLE[ord(_ch)] = '"'
for _ch in "‚‘’‛′‹›`´":
    _FOLD_TABLE[ord(_ch)] = "'"
for _ch in "‐‑‒–—―−":
    _FOLD_TABLE[ord(_ch)] = "-"
_SPACE_CLASS = " \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000\u2028\u2029\x85"
_DROP_CLASS = "\u00ad\u200b\u200c\u200d\ufeff"
# Runs that change under folding: two or more space/drop characters, or one
# that is not a plain space. A lone ASCII space (most word gaps) is left alone,
# which keeps folding of a large article cheap.
_RUN = re.compile(f"[{_SPACE_CLASS}{_DROP_CLASS}]{{2,}}|[{_SPACE_CLASS[1:]}{_DROP_CLASS}]")
_HAS_SPACE = re.compile(f"[{_SPACE_CLASS}]")
# The same runs found by two scans that the regex engine runs at C speed: a
# class without the plain space (rare characters; `_SITE` below) and a literal
# double space. One pattern starting at every space costs 0.14 s on 5 MB.
_SPACES = re.compile("  +")


def _runs(source: str) -> list[tuple[int, int]]:
    """The spans _RUN.finditer(source) would give, in order."""
    return _sites(source)[0]


def _sites(source: str) -> tuple[list[tuple[int, int]], set[str]]:
    """The runs folding replaces and the characters that fold one to one,
    found by one scan of the rarer characters plus one for double spaces."""
    spans = []
    chars = set()
    for match in _SITE.finditer(source):
        start, end = match.span()
        if ord(source[start]) in _FOLD_TABLE:  # a character that folds, never part of a run
            chars.add(source[start])
            start += 1  # what follows it is a run only if not all plain spaces
            if source.count(" ", start, end) == end - start:
                continue
            spans.append((start, end))
            continue
        while start > 0 and source[start - 1] == " ":
            start -= 1
        spans.append((start, end))
    if "  " in source:
        spans += [m.span() for m in _SPACES.finditer(source)]
        spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:  # touching runs are one run
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged, chars


# str.translate walks a non-ASCII text char by char through a dict (0.7 s for
# 5 MB); Folded swaps the few distinct characters that fold with str.replace.
# This pattern and `_fold_chars` remain as the plain reference for tests.
_FOLD_CHAR = re.compile("[" + "".join(map(chr, _FOLD_TABLE)) + "]")


# Anything folding changes: a character that folds, one of the rarer spaces, a
# character that is dropped, or two spaces in a row.
_FOLDS = re.compile(f"[{_SPACE_CLASS[1:]}{_DROP_CLASS}" + "".join(map(chr, _FOLD_TABLE)) + "]|  ")


# The rarer run characters and the characters that fold, found in one scan
# (0.02 s on 5 MB): one character class, so the regex engine skips through the
# text at C speed; an alternation here would take five times as long. A match
# opened by a folding character carries the spaces after it.
_SITE = re.compile(
    "[" + "".join(map(chr, _FOLD_TABLE)) + f"{_SPACE_CLASS[1:]}{_DROP_CLASS}][{_SPACE_CLASS}{_DROP_CLASS}]*"
)


def _fold_chars(text: str) -> str:
    return _FOLD_CHAR.sub(lambda m: _FOLD_TABLE[ord(m.group())], text)


class Folded:
    """Folded text plus a sparse map back to offsets in the source text."""

    __slots__ = ("text", "_folded_at", "_source_at")

    def __init__(self, source: str) -> None:
        if _FOLDS.search(source) is None:  # most quotes and windows: nothing to fold
            self.text, self._folded_at, self._source_at = source, [0], [0]
            return
        pieces: list[str] = []
        folded_at = [0]
        source_at = [0]
        last = 0
        length = 0
        runs, chars = _sites(source)
        for start, end in runs:
            pieces.append(source[last:start])
            length += start - last
            if _HAS_SPACE.search(source, start, end):
                folded_at.append(length)
                source_at.append(start)
                pieces.append(" ")
                length += 1
            folded_at.append(length)
            source_at.append(end)
            last = end
        pieces.append(source[last:])
        text = "".join(pieces)
        for char in chars:  # a few distinct ones: a C scan each beats a callback per match
            text = text.replace(char, _FOLD_TABLE[ord(char)])
        self.text = text
        self._folded_at = folded_at
        self._source_at = source_at

    def to_source(self, index: int) -> int:
        """Source offset of the folded character at index."""
        k = bisect_right(self._folded_at, index) - 1
        return self._source_at[k] + (index - self._folded_at[k])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.to_source(start), self.to_source(end - 1) + 1

    def to_folded(self, offset: int) -> int:
        k = bisect_right(self._source_at, offset) - 1
        return self._folded_at[k] + max(0, offset - self._source_at[k])


def fold(text: str) -> str:
    return Folded(text).text


def _lower_keeping_length(text: str) -> str:
    """Lower case that never changes the length (offsets must map back)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(low := ch.lower()) != 1 else low for ch in text)


def find_folded(text: str, query: str) -> list[tuple[int, int]]:
    """Spans of `text` matching `query` with case, spacing and typography folded:
    the one search both the article view (`/`) and the corpus search (`F`) use."""
    needle = _lower_keeping_length(Folded(query).text)
    if not needle.strip():
        return []
    folded = Folded(text)
    haystack = _lower_keeping_length(folded.text)
    spans: list[tuple[int, int]] = []
    pos = haystack.find(needle)
    while pos != -1:
        spans.append(folded.span_to_source(pos, pos + len(needle)))
        pos = haystack.find(needle, pos + max(1, len(needle)))
    return spans
