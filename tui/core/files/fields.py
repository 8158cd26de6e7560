"""Typed, positioned access to the YAML of user files.

Each accessor reports a wrong value where it stands (file:line:col with a hint)
and returns an empty value, so the schema can go on and find every problem.
"""

from __future__ import annotations

import datetime
import difflib
import re
from pathlib import Path
from typing import Any

from tui.core.files import yamlio
from tui.core.files.article import MAX_ARTICLE_BYTES, ArticleError, decode_text, read_bytes
from tui.core.files.records import conflict_marker_line
from tui.core.model.diagnostics import Problems

MAX_NUMBER = MAX_ARTICLE_BYTES  # no offset or count in an article can be larger
DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?\Z")  # YAML keeps 48.3 as text
DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")


def unknown_keys(problems: Problems, data: yamlio.YMap, allowed: tuple[str, ...], what: str) -> None:
    for key in data:
        if key not in allowed:
            line, col = data.key_marks[key]
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(allowed)}"
            problems.warning(line, col, f"unknown key {key!r} in {what}; it is ignored", hint)


class Fields:
    """Typed access to one mapping, reporting wrong types where they stand."""

    def __init__(self, data: yamlio.YMap, problems: Problems, what: str) -> None:
        self.data, self.problems, self.what = data, problems, what
        self.ok = True

    def _bad(self, key: str, message: str, hint: str) -> None:
        line, col = self.data.mark_of(key)
        self.problems.error(line, col, message, hint)
        self.ok = False

    def text(self, key: str, required: bool = False, hint: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                line, col = self.data.mark
                self.problems.error(line, col, f"{self.what} has no {key!r}", hint or f"add '{key}: ...'")
                self.ok = False
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self._bad(key, f"{key!r} must be text, not {type_name(value)}", "write it as a quoted string")
            return ""
        return str(value)

    def integer(self, key: str, minimum: int, maximum: int = MAX_NUMBER) -> int | None:
        """A whole number in range: offsets and counts past any article are mistakes."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, yamlio.LongNumber):
            self.problems.error(
                value.line,
                value.column,
                f"a number of {value.digits} digits is too long (at most {yamlio.MAX_INT_DIGITS})",
                "fix the number, or put it in quotes if it is text",
            )
            self.ok = False
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            shown = _short(repr(value))
            self._bad(
                key,
                f"{key!r} must be a whole number of at least {minimum}, got {shown}",
                f"write e.g. '{key}: {max(minimum, 1)}'",
            )
            return None
        if value > maximum:
            self._bad(
                key,
                f"{key!r} is {_short(str(value))}, more than any article holds (at most {maximum})",
                "give the offset or count of the quote in the article, or remove it",
            )
            return None
        return value

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            self._bad(key, f"{key!r} must be a list of text values", f"write '{key}: [a, b]'")
            return ()
        return tuple(str(v) for v in value)

    def value(self, key: str) -> tuple[float, float] | None:
        """A number, or [low, high] for a range such as 'bis zu' or '11.000 bis 12.000'."""
        raw = self.data.get(key)
        if raw is None:
            return None
        hint = f"write e.g. '{key}: 10000', '{key}: 48.3' or '{key}: [10000, 12000]'"
        if isinstance(raw, list):
            marks = getattr(raw, "marks", [self.data.mark_of(key)] * len(raw))
            if len(raw) != 2:
                self._bad(key, f"a range in {key!r} needs two numbers, [low, high], not {len(raw)}", hint)
                return None
            numbers = [_number(item) for item in raw]
            for item, number, (line, col) in zip(raw, numbers, marks, strict=False):
                if number is None:
                    self.problems.error(
                        line, col, f"{key!r} must hold numbers, got {_short(repr(item))}", hint
                    )
                    self.ok = False
            if None in numbers:
                return None
            low, high = numbers[0], numbers[1]
            assert low is not None and high is not None
            if low > high:
                self._bad(
                    key,
                    f"the range in {key!r} runs backwards: {raw[0]} is more than {raw[1]}",
                    f"write the lower bound first: [{raw[1]}, {raw[0]}]",
                )
                return None
            return (low, high)
        number = _number(raw)
        if number is None:
            self._bad(key, f"{key!r} must be a number or [low, high], got {_short(repr(raw))}", hint)
            return None
        return (number, number)

    def date(self, key: str) -> str:
        """A calendar date as precise as the text is: YYYY, YYYY-MM or YYYY-MM-DD."""
        raw = self.data.get(key)
        if raw is None:
            return ""
        text = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw
        found = DATE.match(text) if isinstance(text, str) else None
        if found is None:
            self._bad(
                key,
                f"{key!r} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, got {_short(repr(raw))}",
                f"write e.g. '{key}: 2024-10-24' or '{key}: 2024-10' when the text gives only the month",
            )
            return ""
        year, month, day = (int(part) if part else 1 for part in found.groups())
        try:
            datetime.date(year, month, day)
        except ValueError:
            self._bad(
                key,
                f"{key!r} {text} is not a day of the calendar",
                "check the month and day against the text",
            )
            return ""
        return text


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return float(value)
    if isinstance(value, str) and DECIMAL.match(value):
        return float(value)
    return None


def _short(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}...{text[-10:]} ({len(text)} characters)"


def type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "empty"
    return type(value).__name__


def load_yaml_file(
    path: Path, problems: Problems, root: Path | None = None, data: bytes | None = None
) -> Any:
    """The YAML tree of one file, or None with the reason in problems.

    `data` is the file's bytes when the caller already read them (for the cache
    key); otherwise the file is read capped, regular files only, inside root.
    """
    try:
        if data is None:
            data = read_bytes(path, yamlio.MAX_BYTES, root)
        text = decode_text(path, data)
    except ArticleError as exc:
        problems.append(exc.diagnostic)
        return None
    marker = conflict_marker_line(text)
    if marker:
        problems.error(
            marker,
            1,
            "the file holds an unresolved git conflict",
            "resolve the git conflict (keep the records of both sides), then reopen",
        )
        return None
    try:
        return yamlio.load(text, long_numbers=True)
    except yamlio.YamlError as exc:
        problems.error(exc.line, exc.column, exc.message, exc.hint)
        return None
