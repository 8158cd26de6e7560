"""Text helpers shared by the core and the UI: escaping and folding."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return "^" + chr(code + 0x40)  # caret notation, e.g. ESC -> ^[
    return f"\\x{code:02x}"


def escape_controls(text: str) -> str:
    """Make C0, C1 and DEL visible so no escape sequence reaches a terminal.

    Tab and newline pass through; the result never contains a raw control.
    """
    return _CONTROL.sub(_escape_char, text)


def has_controls(text: str) -> bool:
    return _CONTROL.search(text) is not None


# Folding makes typographic and whitespace variants compare equal, so a quote
# typed with ASCII quotes still finds „this“ in an article.
_FOLD_MAP: dict[int, str] = {}
for _ch in "„“”‟″〝〞＂«»":
    _FOLD_MAP[ord(_ch)] = '"'
for _ch in "‚‘’‛′‹›`´":
    _FOLD_MAP[ord(_ch)] = "'"
for _ch in "‐‑‒–—―−":
    _FOLD_MAP[ord(_ch)] = "-"
_SPACES = set(" \t\n\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
              "\u200a\u202f\u205f\u3000\u2028\u2029\x85")
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold text and return, for each folded character, its source offset.

    The map has one extra entry at the end (the source length) so a folded
    span [a, b) maps back to [map[a], map[b-1] + 1).
    """
    out: list[str] = []
    offsets: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        if ch in _SPACES:
            if not in_space:
                out.append(" ")
                offsets.append(i)
                in_space = True
            continue
        in_space = False
        out.append(_FOLD_MAP.get(ord(ch), ch))
        offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


def fold(text: str) -> str:
    return fold_with_map(text)[0]


def normalise_name(name: str) -> str:
    """A comparison key for source names: case, accents and spacing folded."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())
