"""Long text with a caret: a ScrollView that draws only the visible lines.

The wrapping and the caret's motions come from the pure core (WrappedArticle,
ArticleNavigator); this widget keeps them in step with its size and scroll
position, caches drawn lines as Strips, and turns keys and the mouse into
caret moves. ArticleView adds the annotations on top.
"""

from __future__ import annotations

from time import perf_counter

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from tui.core.document.layout import Line, text_start
from tui.core.document.motions import trim_selection
from tui.core.document.wrapped import ArticleNavigator, WrappedArticle
from tui.core.files.article import Article
from tui.ui.styles import CELLS
from tui.ui.widgets import focus_marks, steady
from tui.ui.widgets.quick_draw import PaddedStylesCache, quick_vertical_scrollbar

STEP_BUDGET = 0.01  # seconds of wrapping per step of the background layout (with a frame, under 50 ms)
LOADING_PAUSE = 0.25  # seconds between those steps while annotations load
CACHED_LINES = 256  # drawn lines kept per view (their segments), about 7 screens


@steady.scrollbars
class ArticleText(ScrollView, can_focus=True):
    """An article laid out to the widget's width, with a caret and a selection."""

    ALLOW_SELECT = False  # its own selection (v, the mouse); Textual's finds no text in a ScrollView
    cursor: reactive[int] = reactive(0, init=False, always_update=True)

    def __init__(self, article: Article, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._styles_cache = PaddedStylesCache()  # quick_draw: redrawn whole on every jump
        self.article = article
        self.wrapped = WrappedArticle(article, CELLS)
        self.navigator = ArticleNavigator(self.wrapped)
        # (line, wrap width) -> (segments, cells, (scroll x, view width) they were cut for)
        self._cache: LRUCache[tuple[int, int], tuple[list[Segment], int, tuple[int, int]]]
        self._cache = LRUCache(CACHED_LINES)
        self._center_pending = False
        self._reveal: tuple[int, int] | None = None
        self._reveal_tries = 0
        self.selection_anchor: int | None = None
        self._dragging = False
        self._drag_start = 0
        self._frame: tuple[Style, int] | None = None  # (base style, text width) while drawing

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """Drawn straight to strips (quick_draw): it is redrawn on every scroll."""
        return quick_vertical_scrollbar(self)

    def validate_cursor(self, offset: int) -> int:
        """The caret stays off a hidden H1 (it repeats the header's title)."""
        return max(0, min(len(self.article.text), max(offset, text_start(self.article))))

    # ------------------------------------------------------------ layout

    @property
    def lines(self) -> list[Line]:
        return self.wrapped.lines

    @property
    def layout_complete(self) -> bool:
        return self.wrapped.complete

    def _ensure_layout(self) -> None:
        if not self.size.width:
            return  # not laid out yet; wrapping at a bogus width is wasted work
        if self.wrapped.rewrap(max(10, self.scrollable_content_region.width - 1)):
            self._cache.clear()
            # Enough for the first screens now; the rest follows in small steps.
            self._extend(self.size.height * 3 + 50)
            self._schedule_layout()

    def _extend(self, min_lines: int = 0, upto_offset: int | None = None) -> None:
        self.wrapped.extend(min_lines, upto_offset)
        self._sync_size()

    def _sync_size(self) -> None:
        """Tell the scroll view how tall the text is, only when that changed:
        line_of runs on every key and drawn line, and a new virtual size
        costs a layout pass."""
        size = Size(max(0, self.wrapped.width), self.wrapped.height())
        if size != self.virtual_size:
            self.virtual_size = size

    def _schedule_layout(self) -> None:
        if not self.wrapped.complete:
            # While the app's worker loads the annotations, wrap far less often: both
            # share one core (the GIL), and the annotations are what the reader waits for.
            loading = getattr(self.app, "loading", False)
            self.set_timer(LOADING_PAUSE if loading else 0.02, self._layout_step)

    def _layout_step(self) -> None:
        """Wrap more of a long article between frames, never for more than
        STEP_BUDGET seconds at a time: keys wait for this."""
        deadline = perf_counter() + STEP_BUDGET
        while not self.wrapped.complete and perf_counter() < deadline:
            self.wrapped.extend(len(self.wrapped.lines) + 400)
        self._sync_size()
        self._schedule_layout()

    def complete_layout(self) -> None:
        self._ensure_layout()
        self._extend(upto_offset=len(self.article.text))

    def line_of(self, offset: int) -> int:
        self._ensure_layout()
        index = self.wrapped.line_of(offset)
        self._sync_size()
        return index

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_layout()
        if self._reveal is not None:
            self._apply_reveal()
            return
        center, self._center_pending = self._center_pending, False
        self.scroll_to_offset(self.cursor, animate=False, center=center)

    def on_mount(self) -> None:
        self._ensure_layout()
        self.cursor = self.cursor  # validated: not on a hidden H1

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def _refresh_offsets(self, start: int, end: int) -> None:
        """Redraw only the lines holding text[start:end] (inclusive of end)."""
        if not self.wrapped.starts:
            self.refresh()
            return
        first, last = self.line_of(min(start, end)), self.line_of(max(start, end))
        for y in range(first, last + 1):
            self._cache.discard((y, self.wrapped.width))
        self.refresh_lines(first, last - first + 1)

    # ------------------------------------------------------------ drawing

    def draw_line(self, index: int) -> Strip:
        """One display line as plain text; ArticleView paints its highlights."""
        line = self.wrapped.lines[index]
        shown = line.prefix + CELLS.portable(self.article.text[line.start : line.end])
        return Strip([Segment(shown, self.base_style())])

    def base_style(self) -> Style:
        """The widget's own style: looked up once per frame while one is drawn
        (the property walks every ancestor; a scrolled frame asked 70 times)."""
        return self._frame[0] if self._frame is not None else self.rich_style

    def render_lines(self, crop: Region) -> list[Strip]:
        self._ensure_layout()
        self._frame = (self.rich_style, self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        if self._frame is None:  # asked for one line, outside a frame
            self._ensure_layout()
            base, width = self.rich_style, self.scrollable_content_region.width
        else:
            base, width = self._frame
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        if index >= len(self.wrapped.lines) and not self.wrapped.complete:
            self._extend(index + self.size.height + 50)
        if index >= len(self.wrapped.lines):
            return Strip.blank(width, base)
        key = (index, self.wrapped.width)
        drawn = self._cache.get(key)
        if drawn is None or (scroll_x, width) != drawn[2]:
            # Kept as shown: cut or filled out to the view's width. No offsets
            # are added for Textual's text selection: the view has its own
            # (ALLOW_SELECT), and they cost a style per piece of every line.
            strip = self.draw_line(index).crop_extend(scroll_x, scroll_x + width, base)
            drawn = self._cache[key] = (list(strip), strip.cell_length, (scroll_x, width))
        # A new Strip per frame: a kept one keeps what is derived from it in
        # caches of its own, and cycles (a crop that is the strip itself) that
        # only a full collection frees, 25-100 ms each at 16 MB.
        return Strip(drawn[0], drawn[1])

    # ------------------------------------------------------------ caret and scrolling

    def watch_cursor(self, old: int, new: int) -> None:
        if self.selection_anchor is not None:
            self._refresh_offsets(min(old, new, self.selection_anchor), max(old, new, self.selection_anchor))
        else:
            self._refresh_offsets(old, old)
            self._refresh_offsets(new, new)

    # Textual's own focus handlers redraw the whole widget; here only the caret
    # shows the focus, so only its line is drawn again (a whole view was a
    # third of the frame when `t` moved the focus to the articles list), and
    # in the frame after the key's: a line at the far side of the screen from
    # what the key shows made Textual draw every widget between the two.
    def _on_focus(self, event: events.Focus) -> None:
        focus_marks.moved(self, event, True, self._refresh_caret)

    def _on_blur(self, event: events.Blur) -> None:
        focus_marks.moved(self, event, False, self._refresh_caret)

    def _refresh_caret(self) -> None:
        self._refresh_offsets(self.cursor, self.cursor)

    def watch_has_focus(self, _has_focus: bool) -> None:
        """Not restyled on focus: no style of an article view depends on it
        (only the caret, above), and Textual's restyle redid the view's dozen
        highlight styles on every focus change. A `:focus` rule for the view
        would need this removed."""

    def move_cursor(self, offset: int, center: bool = False) -> None:
        self.cursor = offset
        self.scroll_to_offset(self.cursor, center=center)

    def scroll_to_offset(self, offset: int, animate: bool = False, center: bool = False) -> None:
        if not self.is_mounted or not self.size.height:
            self._center_pending = self._center_pending or center
            return
        y = self.line_of(offset)
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if center:
            self.scroll_to(y=max(0, y - height // 3), animate=animate, immediate=True)
        elif y < top + 2:
            self.scroll_to(y=max(0, y - 2), animate=animate, immediate=True)
        elif y >= top + height - 2:
            self.scroll_to(y=y - height + 3, animate=animate, immediate=True)

    def reveal_span(self, start: int, end: int) -> None:
        """Scroll so text[start:end] is fully visible with a few lines above it;
        kept pending until the view has a size and its lines are laid out."""
        self._reveal = (start, end)
        self._reveal_tries = 0
        self._apply_reveal()

    def _apply_reveal(self) -> None:
        if self._reveal is None or not self.is_mounted or not self.size.height:
            return
        self._ensure_layout()
        if self.wrapped.width <= 0:
            return
        start, end = self._reveal
        first, last = self.line_of(start), self.line_of(end - 1)
        height = self.scrollable_content_region.height
        context = max(0, min(3, (height - (last - first + 1)) // 3))
        # Near the end of the article the top is as far down as it can go.
        top = min(max(0, first - context), max(0, self.virtual_size.height - height))
        self.scroll_to(y=top, animate=False, immediate=True, force=True)
        if self.scroll_offset.y == top:
            self._reveal = None
        elif self._reveal_tries < 10:  # the scroll range catches up on refresh
            self._reveal_tries += 1
            self.call_after_refresh(self._apply_reveal)

    def _move_lines(self, delta: int) -> None:
        self._ensure_layout()
        self.move_cursor(self.navigator.lines(self.cursor, delta, self.size.height + 50))
        self._sync_size()

    def action_cursor_down(self) -> None:
        self._move_lines(1)

    def action_cursor_up(self) -> None:
        self._move_lines(-1)

    def action_cursor_left(self) -> None:
        self.move_cursor(self.navigator.left(self.cursor))

    def action_cursor_right(self) -> None:
        self.move_cursor(self.navigator.right(self.cursor))

    def action_word_right(self) -> None:
        self.move_cursor(self.navigator.word_right(self.cursor))

    def action_word_left(self) -> None:
        self.move_cursor(self.navigator.word_left(self.cursor))

    def action_sentence_right(self) -> None:
        self.move_cursor(self.navigator.sentence_right(self.cursor))

    def action_sentence_left(self) -> None:
        self.move_cursor(self.navigator.sentence_left(self.cursor))

    def action_page_down(self) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_offset.y + page, animate=False, immediate=True)
        self._move_lines(page)

    def action_page_up(self) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=max(0, self.scroll_offset.y - page), animate=False, immediate=True)
        self._move_lines(-page)

    def action_top(self) -> None:
        self.move_cursor(0)
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.complete_layout()
        self.move_cursor(self.navigator.last_line())
        self.scroll_end(animate=False, immediate=True)

    # ------------------------------------------------------------ selection and mouse

    @property
    def selection(self) -> tuple[int, int] | None:
        """The selected words: [start, end) from the anchor to the caret
        inclusive, without edge spaces or a lone first letter of the next word."""
        if self.selection_anchor is None:
            return None
        lo = min(self.selection_anchor, self.cursor)
        hi = min(max(self.selection_anchor, self.cursor) + 1, len(self.article.text))
        lo, hi = trim_selection(self.article.text, lo, hi)
        return (lo, hi) if hi > lo else None

    def action_toggle_selection(self) -> None:
        self.selection_anchor = None if self.selection_anchor is not None else self.cursor
        self._invalidate()

    def clear_selection(self) -> None:
        self.selection_anchor = None
        self._invalidate()

    def offset_at(self, event: events.MouseEvent) -> int | None:
        """The text offset under the mouse, or None outside the text."""
        self._ensure_layout()
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        index = self.scroll_offset.y + offset.y
        if not 0 <= index < len(self.wrapped.lines):
            return None
        column = offset.x + self.scroll_offset.x - CELLS.width(self.wrapped.lines[index].prefix)
        return self.wrapped.offset_at(index, max(0, column))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        target = self.offset_at(event)
        if target is not None:
            self._dragging = True
            self.selection_anchor = None
            self._drag_start = target
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self._dragging:
            return
        target = self.offset_at(event)
        if target is not None and target != self._drag_start:
            self.selection_anchor = self._drag_start
            self.cursor = target

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
