"""All YAML in crossread goes through here.

Loading walks the parser's event stream rather than constructing objects, so
that no tag is ever executed, aliases are refused where they appear, nesting
depth is capped before it can exhaust the stack, and every value keeps the
line and column it came from for error messages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 32
# No field holds a number this long; refusing it here also keeps Python's own
# 4,300-digit limit on int() from ever turning into a traceback.
MAX_INT_DIGITS = 30

Mark = tuple[int, int]  # 1-based line and column


@functools.cache
def _yaml() -> tuple[ModuleType, Any]:
    """PyYAML and its fastest safe loader, imported on the first parse.

    Importing yaml costs 12-24 ms at start, and a corpus served from the cache
    parses no YAML at all; writing goes through yamldump, which imports it itself.
    """
    import yaml

    try:  # libyaml is much faster when present
        from yaml import CSafeLoader as loader
    except ImportError:  # pragma: no cover - depends on the build of PyYAML
        from yaml import SafeLoader as loader  # type: ignore[assignment]
    return yaml, loader


class YamlError(Exception):
    def __init__(self, line: int, column: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint


class YMap(dict[str, Any]):
    """A mapping that remembers where it and each of its keys stood."""

    mark: Mark = (0, 0)

    def __init__(self) -> None:
        super().__init__()
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}

    def mark_of(self, key: str) -> Mark:
        return self.value_marks.get(key, self.key_marks.get(key, self.mark))


class YList(list[Any]):
    mark: Mark = (0, 0)

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[Mark] = []


def _mark(event: Any) -> Mark:
    return (event.start_mark.line + 1, event.start_mark.column + 1)


# YAML 1.2 core-schema flavour: only true/false are booleans, and numbers other
# than plain integers stay text, so "no", "on" and "1.10" keep what was typed.
_INT = re.compile(r"-?(0|[1-9][0-9]*)\Z")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_ALLOWED_TAGS = {
    None,
    "!",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class LongNumber(str):
    """An unquoted integer too long to be any field's value, kept as its text so
    the field that reads it reports it, and one bad value costs one record, not
    the whole file. `line` and `column` say where it stands."""

    line = 0
    column = 0

    @property
    def digits(self) -> int:
        return len(self.lstrip("-+"))


def _scalar(event: yaml.ScalarEvent, is_key: bool, long_numbers: bool = False) -> Any:
    value = event.value
    tag = event.tag
    if tag not in _ALLOWED_TAGS:
        line, col = _mark(event)
        raise YamlError(
            line,
            col,
            f"the tag {tag!r} is not allowed",
            "remove the tag; crossread reads plain YAML values only",
        )
    if is_key or tag in ("!", "tag:yaml.org,2002:str") or not event.implicit[0]:
        return value  # keys, quoted and explicit strings: exactly as typed
    if _INT.match(value):
        digits = len(value.lstrip("-"))
        if digits > MAX_INT_DIGITS:
            line, col = _mark(event)
            if long_numbers:
                found = LongNumber(value)
                found.line, found.column = line, col
                return found
            raise YamlError(
                line,
                col,
                f"a number of {digits} digits is too long (at most {MAX_INT_DIGITS})",
                "fix the number, or put it in quotes if it is text",
            )
        return int(value)
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return value


def load(text: str, long_numbers: bool = False) -> Any:
    """Parse one YAML document into plain values with marks.

    Raises YamlError with a 1-based position for every problem. With
    `long_numbers`, an over-long integer is a LongNumber for its field to report.
    """
    # A UTF-8 character is at most 4 bytes: only a long text needs the copy.
    if len(text) * 4 > MAX_BYTES and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise YamlError(
            0, 0, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB", "split it into several files"
        )
    stack: list[tuple[Any, str | None, Mark | None]] = []  # container, pending key, key mark
    root: Any = None
    documents = 0
    quoted: Any = None  # the last quoted scalar that ran over several lines
    # Dispatch on the exact event class: a chain of isinstance calls per event
    # was a third of loading a 50,000-annotation file.
    yaml, loader = _yaml()
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    starts: dict[type, type[YMap] | type[YList]] = {
        yaml.MappingStartEvent: YMap,
        yaml.SequenceStartEvent: YList,
    }
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    events: Iterator[Any] = yaml.parse(text, Loader=loader)  # dispatched by class below
    try:
        for event in events:
            kind = event.__class__
            if kind is scalar_event:
                if event.style in ("'", '"') and event.end_mark.line > event.start_mark.line:
                    quoted = event
                top = stack[-1] if stack else None
                is_key = top is not None and top[2] is None and top[0].__class__ is YMap
                value: Any = _scalar(event, is_key, long_numbers)
            elif kind in starts:
                if len(stack) >= MAX_DEPTH:
                    line, col = _mark(event)
                    raise YamlError(
                        line, col, f"nesting is deeper than {MAX_DEPTH} levels", "flatten the structure"
                    )
                container: YMap | YList = starts[kind]()
                if event.tag not in _ALLOWED_TAGS:
                    line, col = _mark(event)
                    raise YamlError(line, col, f"the tag {event.tag!r} is not allowed", "remove the tag")
                container.mark = _mark(event)
                stack.append((container, None, None))
                continue
            elif kind in ends:
                value, _, _ = stack.pop()
            elif kind is alias_event:
                line, col = _mark(event)
                raise YamlError(
                    line,
                    col,
                    f"aliases are not allowed (*{event.anchor})",
                    "write the value out in full instead of using &anchor/*alias",
                )
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    line, col = _mark(event)
                    raise YamlError(
                        line,
                        col,
                        "the file holds more than one YAML document",
                        "remove the extra '---' separator",
                    )
                continue
            else:
                continue
            if not stack:
                root = value
                continue
            _add(stack, value, event)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, quoted) from None
    except yaml.YAMLError as exc:
        raise YamlError(0, 0, f"YAML error: {exc}") from None
    return root


def _syntax_error(exc: yaml.MarkedYAMLError, quoted: Any) -> YamlError:
    """Place a syntax error where a person would look for it.

    An unclosed quote is noticed only where the stream ends (or where the next
    quote closes it by mistake), far below the line to fix, so name the start.
    """
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
        return YamlError(
            line,
            col,
            f"YAML syntax error: unterminated quoted string starting at {line}:{col}",
            "add the closing quote at the end of the text",
        )
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = exc.problem or exc.context or "invalid YAML"
    hint = "check indentation, colons and quotes around this position"
    if quoted is not None and quoted.end_mark.line + 1 >= line - 1:
        start = _mark(quoted)
        hint = (
            f"the quoted string starting at {start[0]}:{start[1]} runs over "
            f"{quoted.end_mark.line - quoted.start_mark.line + 1} lines; "
            "is its closing quote missing?"
        )
    return YamlError(line, col, f"YAML syntax error: {problem}", hint)


def _add(stack: list[tuple[Any, str | None, Mark | None]], value: Any, event: Any) -> None:
    container, key, key_mark = stack[-1]
    mark = value.mark if isinstance(value, YMap | YList) else _mark(event)
    if isinstance(container, YList):
        container.append(value)
        container.marks.append(mark)
        return
    if key_mark is None:
        if isinstance(value, YMap | YList):
            line, col = mark
            raise YamlError(line, col, "a mapping key must be a plain value", "use a simple word as the key")
        text_key = str(value) if value is not None else ""
        if text_key in container:
            line, col = mark
            first = container.key_marks[text_key][0]
            raise YamlError(
                line,
                col,
                f"duplicate key {text_key!r} (first on line {first})",
                "remove or rename one of them",
            )
        stack[-1] = (container, text_key, mark)
        return
    assert key is not None
    container[key] = value
    container.key_marks[key] = key_mark
    container.value_marks[key] = mark
    stack[-1] = (container, None, None)
