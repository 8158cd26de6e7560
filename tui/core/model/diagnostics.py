"""Problems found in user files, reported as file:line:col with a fix hint."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: Path
    line: int  # 1-based; 0 when the problem is about the whole file
    column: int  # 1-based; 0 when unknown
    level: Level
    message: str
    hint: str = ""

    def format(self, root: Path | None = None) -> str:
        shown = self.path
        if root is not None:
            try:
                shown = self.path.relative_to(root)
            except ValueError:
                pass
        where = f"{shown}:{self.line}" if self.line else f"{shown}"
        if self.line and self.column:
            where += f":{self.column}"
        text = f"{where}: {self.level.value}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR


class Problems(list[Diagnostic]):
    """A collector that knows the file it reports for."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def error(self, line: int, column: int, message: str, hint: str = "") -> None:
        self.append(Diagnostic(self.path, line, column, Level.ERROR, message, hint))

    def warning(self, line: int, column: int, message: str, hint: str = "") -> None:
        self.append(Diagnostic(self.path, line, column, Level.WARNING, message, hint))
