"""What a W3C target's selectors say about where in the text it is.

Selectors come alone, as alternatives (a list), or refined (`refinedBy`): a
FragmentSelector, XPathSelector or RangeSelector narrowed by a text quote or
position. A quote is found in the whole article wherever it sits in a chain.
A position counts from the start of the document only at the top level, or
under a parent whose offset is known (a text position, or an RFC 5147
`char=` fragment); under an XPath or HTML fragment it counts from an element
crossread cannot see, so it is not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

MAX_OFFSET = 2**31 - 1
MAX_CHAIN = 16  # refinedBy chains in real files are 2-3 deep
_CHAR_FRAGMENT = re.compile(r"char=(\d{1,10})(?:,(\d{1,10}))?\Z")


def is_offset(value: Any) -> bool:
    """A text position: an int (not a bool, which Python counts as one) that fits."""
    return type(value) is int and 0 <= value <= MAX_OFFSET


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


@dataclass
class Located:
    """The text selectors of one target, gathered from every chain."""

    quote: str = ""
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    other: set[str] = field(default_factory=set)

    @property
    def usable(self) -> bool:
        return bool(self.quote) or (self.start is not None and self.end is not None)


def locate(target: dict[str, Any]) -> Located:
    found = Located()
    for selector in as_list(target.get("selector")):
        _walk(selector, 0, found, 0)
    return found


def _walk(selector: Any, base: int | None, found: Located, depth: int) -> None:
    """One selector and its refinements; `base` is the absolute offset its
    positions count from, None when that is unknown."""
    if depth > MAX_CHAIN:
        found.other.add("refinedBy chain too deep")
        return
    if not isinstance(selector, dict):
        found.other.add("invalid" if not isinstance(selector, str) else "selector by reference")
        return
    kind = str(selector.get("type") or "unknown")
    child_base: int | None = None
    if kind == "TextQuoteSelector" and isinstance(selector.get("exact"), str) and selector["exact"]:
        if not found.quote:
            found.quote = selector["exact"]
            found.prefix = _text(selector.get("prefix"))
            found.suffix = _text(selector.get("suffix"))
    elif (
        kind == "TextPositionSelector"
        and is_offset(selector.get("start"))
        and is_offset(selector.get("end"))
        and selector["start"] <= selector["end"]
    ):
        if base is not None:
            child_base = base + selector["start"]
            if found.start is None or depth > 0:  # the innermost known span wins
                found.start, found.end = child_base, base + selector["end"]
    elif kind == "FragmentSelector":
        match = _CHAR_FRAGMENT.match(str(selector.get("value", "")))
        if match and base is not None:
            child_base = base + int(match.group(1))
            if match.group(2) and found.start is None:
                found.start, found.end = child_base, base + int(match.group(2))
        elif not match:
            found.other.add(kind)
    elif kind == "RangeSelector":
        _range(selector, base, found, depth)
    else:
        found.other.add(kind)
    for refinement in as_list(selector.get("refinedBy")):
        _walk(refinement, child_base, found, depth + 1)


def _range(selector: dict[str, Any], base: int | None, found: Located, depth: int) -> None:
    """A range whose ends are text positions (or quotes, found later) spans them."""
    ends: list[Located] = []
    for key in ("startSelector", "endSelector"):
        part = Located()
        _walk(selector.get(key), base, part, depth + 1)
        ends.append(part)
    first, last = ends
    if first.start is not None and last.end is not None and first.start <= last.end and found.start is None:
        found.start, found.end = first.start, last.end
    elif not (first.quote or last.quote):
        found.other.add("RangeSelector")
        found.other |= first.other | last.other


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
