"""The picker's list: one line per article, its title and where it is from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from tui.core.document.text import escape_line
from tui.ui.widgets.row_list import Piece, RowList


class PickList(RowList):
    """Rows of (id, title, detail); choosing one posts `PickList.Picked`."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "choose", "Open", id="picker.open")]

    @dataclass
    class Picked(Message):
        pick_list: PickList
        article_id: str

        @property
        def control(self) -> PickList:
            """For `@on(PickList.Picked, "#id")`."""
            return self.pick_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[tuple[str, str]] = []  # (title, detail), escaped

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        """Show these (id, title, detail) rows, the first under the cursor."""
        self._rows = [
            (escape_line(" ".join(title.split())), escape_line(detail)) for _, title, detail in rows
        ]
        self.set_ids([article_id for article_id, _, _ in rows])

    def row_lines(self, index: int, width: int) -> list[list[Piece]]:
        title, detail = self._rows[index]
        return [[(title, True), ("  ", False), (detail, False)]]

    def choose(self, index: int) -> None:
        self.post_message(self.Picked(self, self.ids[index]))
