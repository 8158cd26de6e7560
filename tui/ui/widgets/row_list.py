"""Lists of fixed-height rows drawn by render_line: the articles list, the picker.

Textual's OptionList measures every option (wrapping its prompt) before its
first frame and again when options are added, and draws each through its
content machinery: 40 ms of a `t` over a 2,000-article archive, 6-9 ms of an
`o`. Rows of a fixed height need no measuring: the list knows its height and
where each row is, and a frame draws the visible lines from a small cache.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.ui.widgets import focus_marks, steady

CACHED_LINES = 300  # drawn lines kept, about six screens of rows
BOLD = Style(bold=True)

Piece = tuple[str, bool]  # text (escaped, one line) and whether it is the row's title
"""A run of one line of a row."""


def fit(pieces: list[Piece], width: int) -> list[Piece]:
    """The pieces cut to `width` cells, the last one kept with an ellipsis."""
    shown: list[Piece] = []
    room = width
    for text, title in pieces:
        cells = cell_len(text)
        if cells > room:
            if room > 0:
                shown.append((set_cell_size(text, room - 1) + "…", title))
            return shown
        shown.append((text, title))
        room -= cells
    return shown


@steady.scrollbars
class RowList(ScrollView, can_focus=True):
    """Rows of `row_height` lines each; a subclass says what a row's lines are
    (`row_lines`) and what choosing one does (`choose`).

    Component classes:
    - `row-list--title`: a row's title (always bold);
    - `row-list--detail`: the rest of a row;
    - `row-list--cursor`: the row under the cursor (stronger while focused).

    Its focus shows a frame after the focus moves, as the class `-focused`
    (not `:focus`): Textual restyles and redraws a whole widget inside the key
    that moves the focus, so an `o` pressed on the articles list drew the
    list's 48 lines and border in the same frame as the picker's box.
    """

    DEFAULT_CSS = """
    RowList { padding: 0 1; }
    RowList > .row-list--detail { color: $text-muted; }
    RowList > .row-list--cursor { background: $block-cursor-blurred-background; }
    RowList.-focused > .row-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--title", "row-list--detail", "row-list--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next row", id="rows.down", show=False),
        Binding("up,k", "move(-1)", "Previous row", id="rows.up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="rows.page_down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="rows.page_up", show=False),
        Binding("home,g", "to_end(0)", "First row", id="rows.first", show=False),
        Binding("end,G", "to_end(1)", "Last row", id="rows.last", show=False),
    ]
    row_height: ClassVar[int] = 1

    highlighted: reactive[int] = reactive(0, init=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.ids: list[str] = []
        self._lines: LRUCache[tuple[int, int, bool, bool], list[Segment]] = LRUCache(CACHED_LINES)
        self._frame: tuple[Style, Style, Style, Style, int] | None = None  # per frame

    # ------------------------------------------------------------ rows

    def row_lines(self, index: int, width: int) -> list[list[Piece]]:
        """The `row_height` lines of row `index` at this width."""
        raise NotImplementedError

    def choose(self, index: int) -> None:
        """Row `index` was chosen (enter or a click)."""

    @property
    def option_count(self) -> int:
        return len(self.ids)

    @property
    def highlighted_id(self) -> str | None:
        return self.ids[self.highlighted] if self.ids else None

    def set_ids(self, ids: list[str], highlighted: int = 0) -> None:
        """Show these rows; their lines are asked for again."""
        self.ids = ids
        self.forget_lines()
        self.virtual_size = Size(0, len(ids) * self.row_height)
        self.set_reactive(RowList.highlighted, self.validate_highlighted(highlighted))
        self._show_row(self.highlighted)
        self.refresh()

    def forget_lines(self) -> None:
        self._lines.clear()

    def validate_highlighted(self, index: int) -> int:
        return max(0, min(index, len(self.ids) - 1))

    def _refresh_row(self, index: int) -> None:
        height = self.row_height
        self.refresh(Region(0, index * height - self.scroll_offset.y, self.size.width, height))

    def _show_row(self, index: int) -> None:
        height = self.row_height
        self.scroll_to_region(Region(0, index * height, 1, height), animate=False, immediate=True)

    def watch_highlighted(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._show_row(new)

    # ------------------------------------------------------------ drawing

    def _frame_styles(self) -> tuple[Style, Style, Style, Style, int]:
        """Styles and width, looked up once per frame: each lookup walks the
        widget's ancestors."""
        part = self.get_component_rich_style
        return (
            self.rich_style,
            part("row-list--title") + BOLD,
            part("row-list--detail"),
            part("row-list--cursor"),
            self.scrollable_content_region.width,
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame = self._frame_styles()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        base, title, detail, cursor, width = self._frame or self._frame_styles()
        line = self.scroll_offset.y + y
        index, part = divmod(line, self.row_height)
        if index >= len(self.ids) or width <= 0:
            return Strip.blank(width, base)
        on_cursor = index == self.highlighted
        key = (line, width, on_cursor, self.has_class("-focused"))
        segments = self._lines.get(key)
        if segments is None:
            pieces = fit(self.row_lines(index, width)[part], width)
            if on_cursor:
                title, detail = cursor + BOLD, cursor
            segments = [Segment(text, title if is_title else detail) for text, is_title in pieces]
            used = sum(cell_len(text) for text, _ in pieces)
            if used < width:
                segments.append(Segment(" " * (width - used), cursor if on_cursor else base))
            self._lines[key] = segments
        return Strip(segments, width).apply_offsets(0, line)

    # ------------------------------------------------------------ focus

    def _on_focus(self, event: events.Focus) -> None:
        focus_marks.moved(self, event, True, self._mark_focus)

    def _on_blur(self, event: events.Blur) -> None:
        focus_marks.moved(self, event, False, self._mark_focus)

    def _mark_focus(self) -> None:
        self.set_class(self.has_focus, "-focused")

    def watch_has_focus(self, _has_focus: bool) -> None:
        """No restyle here: the look follows the class `-focused` (above)."""

    # ------------------------------------------------------------ keys and mouse

    def action_move(self, step: int) -> None:
        self.highlighted += step

    def action_page(self, step: int) -> None:
        self.highlighted += step * max(1, self.scrollable_content_region.height // self.row_height)

    def action_to_end(self, last: int) -> None:
        self.highlighted = len(self.ids) - 1 if last else 0

    def action_choose(self) -> None:
        if self.ids:
            self.choose(self.highlighted)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (self.scroll_offset.y + offset.y) // self.row_height
        if index < len(self.ids):
            self.highlighted = index
            self.choose(index)
