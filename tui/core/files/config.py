"""The user's config file, `config.toml` in the user config folder.

Read leniently (a broken file is reported and ignored, never fatal), and
written by changing one `key = "value"` line, so the user's other keys,
comments and layout stay as they wrote them. Writes are atomic.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from tui.core.files.atomic import atomic_write
from tui.core.files.safeio import UnsafeFile, read_capped

CONFIG_LIMIT = 1 << 20
"""A config file is a few lines; anything bigger is not one."""

_TABLE = re.compile(r"\s*\[")
_STRING = r"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'"


def config_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("crossread", appauthor=False)) / "config.toml"


@dataclass(frozen=True, slots=True)
class Config:
    """What the file says; `problem` says why it was ignored ('' when read)."""

    values: dict[str, object]
    problem: str = ""

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        return value if isinstance(value, str) else None


def load_config(path: Path | None = None) -> Config:
    """The file's top-level values; a missing file is an empty config."""
    import tomllib  # 2 ms at import; the reader asks for the config only when remembering

    path = path or config_path()
    try:
        data = read_capped(path, CONFIG_LIMIT).decode("utf-8")
        return Config(tomllib.loads(data))
    except FileNotFoundError:
        return Config({})
    except UnsafeFile as exc:
        return Config({}, f"{exc.message}")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config({}, str(exc))


def with_value(text: str, key: str, value: str) -> str:
    """`text` with the top-level `key` set to the string `value`.

    An existing top-level `key = ...` line gets the new value (a comment
    after it stays); otherwise the line goes before the first [table], where
    TOML still reads it as top-level, or at the end."""
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"
    lines = text.splitlines(keepends=True)
    assignment = re.compile(rf"(\s*{re.escape(key)}\s*=\s*)({_STRING}|[^#\n]*?)(\s*(#.*)?)$")
    first_table = len(lines)
    for index, raw in enumerate(lines):
        if _TABLE.match(raw):
            first_table = index
            break
        found = assignment.match(raw.rstrip("\r\n"))
        if found:
            ending = raw[len(raw.rstrip("\r\n")) :]
            lines[index] = (
                f"{found.group(1)}{json.dumps(value, ensure_ascii=False)}{found.group(3)}{ending or chr(10)}"
            )
            return "".join(lines)
    if lines and not lines[-1].endswith("\n") and first_table == len(lines):
        lines[-1] += "\n"
    lines.insert(first_table, line + "\n")
    return "".join(lines)


def save_value(key: str, value: str, path: Path | None = None) -> str:
    """Set `key` in the config file atomically; '' on success, else why not.

    A file that does not parse is left alone: rewriting it could lose what
    the user meant. The result is parsed again before it replaces the old."""
    import tomllib

    path = path or config_path()
    try:
        old = read_capped(path, CONFIG_LIMIT).decode("utf-8")
    except FileNotFoundError:
        old = ""
    except UnsafeFile as exc:
        return f"{path}: {exc.message}"
    except (OSError, UnicodeDecodeError) as exc:
        return f"{path}: {exc}"
    try:
        tomllib.loads(old)
    except tomllib.TOMLDecodeError as exc:
        return f"{path} has an error ({exc}); it was not changed"
    new = with_value(old, key, value)
    try:
        if tomllib.loads(new).get(key) != value:
            return f"{path}: could not set {key} without changing its meaning"
    except tomllib.TOMLDecodeError:
        return f"{path}: could not set {key} without breaking the file"
    if new == old:
        return ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, new.encode("utf-8"))
    except OSError as exc:
        return f"{path}: {exc.strerror or exc}"
    return ""
