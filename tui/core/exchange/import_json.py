"""Reading a JSON file for import: size-capped, strict UTF-8, and checked for
what parses but would crash or poison later steps (nesting that exhausts the
stack, lone surrogates that cannot be saved, integers Python will not convert).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any


class ImportError_(Exception):
    """The file as a whole cannot be imported."""


MAX_IMPORT_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64  # Web Annotations nest about 8 deep; deeper is not one, and
# would exhaust the stack of json.dumps and of everything that walks it.
_LONG_NUMBER = re.compile(r"-?\d{4301,}")
_HIGH, _LOW = r"\\u[dD][89abAB][0-9a-fA-F]{2}", r"\\u[dD][c-fC-F][0-9a-fA-F]{2}"
_LONE_SURROGATE = re.compile(f"{_HIGH}(?!{_LOW})|(?<!{_HIGH}){_LOW}")  # where, for the message
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_json(path: Path) -> Any:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportError_(f"{path}: cannot read: {exc.strerror or exc}") from None
    if size > MAX_IMPORT_BYTES:
        raise ImportError_(
            f"{path}: the file is {size / 1048576:.0f} MiB, over the "
            f"{MAX_IMPORT_BYTES // 1048576} MiB import limit; split it"
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportError_(f"{path}: invalid UTF-8 at byte {exc.start}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportError_(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise ImportError_(
            f"{path}: JSON nested too deeply (more than {MAX_DEPTH} "
            "levels); this is not a Web Annotation file"
        ) from None
    except ValueError:  # Python refuses to convert integers of over 4,300 digits
        found = _LONG_NUMBER.search(text)
        where = _line_col(text, found.start()) if found else ""
        raise ImportError_(
            f"{path}{where}: a number of more than 4,300 digits; no field of a Web Annotation holds one"
        ) from None
    _check_structure(path, text, data)
    return data


def _line_col(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    return f":{line}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def _check_structure(path: Path, text: str, data: Any) -> None:
    """Refuse nesting deeper than MAX_DEPTH and lone surrogates ("\\ud800"),
    which are valid JSON but no valid text: saving one would fail half-way.
    Walks with a list, not recursion, so depth itself cannot crash it."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise ImportError_(
                    f"{path}: JSON nested more than {MAX_DEPTH} levels deep; "
                    "this is not a Web Annotation file"
                )
            if isinstance(value, dict):
                stack.extend((key, depth) for key in value)
                value = value.values()
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, str) and _has_surrogate(value):
            found = _LONE_SURROGATE.search(text)
            where = _line_col(text, found.start()) if found else ""
            raise ImportError_(
                f"{path}{where}: a string holds a lone surrogate escape "
                "(such as \\ud800), which is not a character; fix the "
                "exporting tool or remove it"
            )


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None
