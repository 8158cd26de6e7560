"""The articles list: one fixed-height row per article, drawn only where seen.

An OptionList measured every row (wrapping its title) before its first frame
and again for each batch of rows added: over a 2,000-article archive the first
`t` spent 40 ms drawing 40 rows. Here a row is three lines whatever its text
(tui.core.views.rows), so the list knows its height without measuring, holds
every article at once, and a frame draws the visible lines from a small cache.
"""

from __future__ import annotations

from itertools import pairwise
from typing import ClassVar

from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events, on
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.document.text import escape_line
from tui.core.model.corpus import Corpus
from tui.core.views.rows import ROW_LINES, ArticleRow, article_row
from tui.ui.messages import ArticleChosen, CorpusChanged

CACHED_LINES = 300  # drawn lines kept, about six screens of rows
BOLD = Style(bold=True)
FIRST_ROWS = 25  # rows made with the list: more than a tall screen shows


class CorpusList(ScrollView, can_focus=True):
    """Every article of the corpus; enter opens the one under the cursor.

    Component classes:
    - `corpus-list--title`: an article's title (first line of its row, always bold);
    - `corpus-list--detail`: its outlet and date, and its counts;
    - `corpus-list--cursor`: the row under the cursor (stronger while focused).
    """

    DEFAULT_CSS = """
    CorpusList { padding: 0 1; }
    CorpusList > .corpus-list--detail { color: $text-muted; }
    CorpusList > .corpus-list--cursor { background: $block-cursor-blurred-background; }
    CorpusList:focus > .corpus-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "corpus-list--title",
        "corpus-list--detail",
        "corpus-list--cursor",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next article", id="corpus.down", show=False),
        Binding("up,k", "move(-1)", "Previous article", id="corpus.up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="corpus.page_down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="corpus.page_up", show=False),
        Binding("home", "to_end(0)", "First article", id="corpus.first", show=False),
        Binding("end", "to_end(1)", "Last article", id="corpus.last", show=False),
        Binding("enter", "open", "Open here", id="corpus.open"),
        Binding("p", "open_new_pane", "Open in new pane", id="corpus.new_pane"),
    ]

    highlighted: reactive[int] = reactive(0, init=False)

    def __init__(self, corpus: Corpus, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.add_class("data-view")
        self.corpus = corpus
        self.border_title = "Articles"
        self.ids: list[str] = list(corpus.articles)
        self._rows: dict[str, ArticleRow] = {}  # made when first drawn
        self._wrapped: LRUCache[tuple[str, int], tuple[list[str], int]] = LRUCache(CACHED_LINES)
        self._lines: LRUCache[tuple[int, int, bool, bool], list[Segment]] = LRUCache(CACHED_LINES)
        self._frame: tuple[Style, Style, Style, Style, int] | None = None  # per frame
        self.virtual_size = Size(0, len(self.ids) * ROW_LINES)
        for article_id in self.ids[:FIRST_ROWS]:
            self.row(article_id)  # made now (it is made hidden): not on the key that shows it

    # ------------------------------------------------------------ what is shown

    @property
    def option_count(self) -> int:
        return len(self.ids)

    @property
    def highlighted_id(self) -> str | None:
        return self.ids[self.highlighted] if self.ids else None

    def row(self, article_id: str) -> ArticleRow:
        made = self._rows.get(article_id)
        if made is None:
            made = self._rows[article_id] = article_row(self.corpus, article_id)
        return made

    @on(CorpusChanged)
    def _data_changed(self, event: CorpusChanged) -> None:
        if event.changes is None:  # a whole load: articles may have come or gone
            current = self.highlighted_id
            self.ids = list(self.corpus.articles)
            self._rows.clear()
            self._wrapped.clear()
            self.virtual_size = Size(0, len(self.ids) * ROW_LINES)
            self.highlighted = self.ids.index(current) if current in self.ids else 0
        else:
            for article_id in [a for a in self._rows if event.touches(a)]:
                del self._rows[article_id]
            self._wrapped.clear()
        self._lines.clear()
        self.refresh()

    def validate_highlighted(self, index: int) -> int:
        return max(0, min(index, len(self.ids) - 1))

    def _refresh_row(self, index: int) -> None:
        self.refresh(Region(0, index * ROW_LINES - self.scroll_offset.y, self.size.width, ROW_LINES))

    def watch_highlighted(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self.scroll_to_region(Region(0, new * ROW_LINES, 1, ROW_LINES), animate=False, immediate=True)

    def on_focus(self) -> None:
        self._refresh_row(self.highlighted)  # only the cursor's colour follows the focus

    def on_blur(self) -> None:
        self._refresh_row(self.highlighted)

    # ------------------------------------------------------------ drawing

    def _frame_styles(self) -> tuple[Style, Style, Style, Style, int]:
        """Styles and width, looked up once per frame: each lookup walks the
        widget's ancestors."""
        part = self.get_component_rich_style
        return (
            self.rich_style,
            part("corpus-list--title"),
            part("corpus-list--detail"),
            part("corpus-list--cursor"),
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
        index, part = divmod(line, ROW_LINES)
        if index >= len(self.ids) or width <= 0:
            return Strip.blank(width, base)
        on_cursor = index == self.highlighted
        key = (line, width, on_cursor, self.has_focus)
        segments = self._lines.get(key)
        if segments is None:
            lines, title_lines = self._row_lines(self.ids[index], width)
            shown = lines[part]
            style = cursor if on_cursor else (title if part < title_lines else detail)
            if part < title_lines:
                style += BOLD
            segments = self._lines[key] = [Segment(set_cell_size(shown, width), style)]
        return Strip(segments, width).crop_extend(0, width, base).apply_offsets(0, line)

    def _row_lines(self, article_id: str, width: int) -> tuple[list[str], int]:
        """The row's lines at this width, and how many hold the title: wrapped
        on two lines at most (the second cut with an ellipsis), then outlet
        and date, then the counts."""
        kept = self._wrapped.get((article_id, width))
        if kept is not None:
            return kept
        row = self.row(article_id)
        title = escape_line(row.title)
        breaks = [0, *divide_line(title, width, fold=True), len(title)]
        lines = [title[a:b].rstrip() for a, b in pairwise(breaks) if b > a]
        if len(lines) > 2:
            lines = [lines[0], " ".join(lines[1:])]
        title_lines = len(lines)
        counts = row.short if cell_len(row.counts) > width else row.counts
        lines += [escape_line(row.meta), escape_line(counts)]
        for index, line in enumerate(lines):
            if cell_len(line) > width:
                lines[index] = set_cell_size(line, width - 1) + "…"
        kept = self._wrapped[(article_id, width)] = ([*lines, *[""] * (ROW_LINES - len(lines))], title_lines)
        return kept

    # ------------------------------------------------------------ keys and mouse

    def action_move(self, step: int) -> None:
        self.highlighted += step

    def action_page(self, step: int) -> None:
        self.highlighted += step * max(1, self.scrollable_content_region.height // ROW_LINES)

    def action_to_end(self, last: int) -> None:
        self.highlighted = len(self.ids) - 1 if last else 0

    def action_open(self) -> None:
        if self.ids:
            self.post_message(ArticleChosen(self.ids[self.highlighted]))

    def action_open_new_pane(self) -> None:
        if self.ids:
            self.post_message(ArticleChosen(self.ids[self.highlighted], new_pane=True))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (self.scroll_offset.y + offset.y) // ROW_LINES
        if index < len(self.ids):
            self.highlighted = index
            self.action_open()
