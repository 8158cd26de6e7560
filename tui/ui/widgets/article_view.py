"""The article body: a ScrollView that draws only the visible lines.

Layout (wrapping) comes from the pure core and is cached per width; each drawn
line is cached as a Strip until the highlights on it change. Highlights are
looked up per line in an interval index, so a frame costs the same for a
5 KB article and a 5 MB one with 50,000 annotations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.article import Article
from tui.core.intervals import IntervalIndex
from tui.core.layout import Line, layout_blocks, line_at, text_start
from tui.core.model import Annotation, Match
from tui.ui.styles import CELLS
from tui.ui.widgets.article_draw import ArticleDrawing
from tui.ui.widgets.article_nav import ArticleNavigation


@dataclass(frozen=True, slots=True)
class Mark:
    """What an annotation contributes to the look of the text it covers."""

    annotation: Annotation
    classes: tuple[str, ...]


class ArticleView(ArticleNavigation, ArticleDrawing, ScrollView, can_focus=True):
    """Scrollable, annotated article text with a caret.

    Component classes:
        article-view--claim: a claim.
        article-view--source: a source.
        article-view--contradiction: a claim that is part of a contradiction.
        article-view--note: text with a note on it.
        article-view--orphan: an annotation anchored only fuzzily.
        article-view--selection: the selected annotation (and its partners).
        article-view--cursor: the caret.
        article-view--search: a search match.
        article-view--mark: the claim marked for linking (m).
        article-view--suggestion: a span the analysis proposes to link (issue 15).
        article-view--heading, --title, --code, --quote, --table-header: block styles.
        article-view--link: a Markdown link.
        article-view--control: an escaped control character.
        article-view--prefix: list bullets and quote bars.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--claim", "article-view--source", "article-view--contradiction",
        "article-view--note", "article-view--orphan", "article-view--selection",
        "article-view--cursor", "article-view--search", "article-view--heading",
        "article-view--title", "article-view--code", "article-view--quote",
        "article-view--table-header", "article-view--link", "article-view--control",
        "article-view--prefix", "article-view--mark", "article-view--suggestion",
    }

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $cr-text;
        padding: 0 1;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
    }
    ArticleView > .article-view--claim {
        text-style: underline; color: $cr-claim-fg; background: $cr-claim-bg;
    }
    ArticleView > .article-view--source { text-style: bold italic; color: $cr-source; }
    ArticleView > .article-view--contradiction {
        text-style: bold underline; color: $cr-contradiction-fg; background: $cr-contradiction-bg;
    }
    ArticleView > .article-view--note {
        text-style: italic; color: $cr-note-fg; background: $cr-note-bg;
    }
    ArticleView > .article-view--orphan { text-style: strike; color: $cr-muted; }
    ArticleView > .article-view--selection { text-style: reverse; }
    ArticleView > .article-view--cursor { text-style: reverse bold; }
    ArticleView > .article-view--search {
        text-style: reverse italic; color: $cr-search-bg; background: $cr-search-fg;
    }
    ArticleView > .article-view--mark {
        text-style: bold italic underline; color: $cr-mark-fg; background: $cr-mark-bg;
    }
    ArticleView > .article-view--suggestion { text-style: overline; }
    ArticleView > .article-view--heading { text-style: bold; color: $cr-primary; }
    ArticleView > .article-view--title { text-style: bold; color: $cr-primary; }
    ArticleView > .article-view--code { color: $cr-muted; }
    ArticleView > .article-view--quote { text-style: italic; }
    ArticleView > .article-view--table-header { text-style: bold; }
    ArticleView > .article-view--link { text-style: underline; color: $cr-primary; }
    ArticleView > .article-view--control { text-style: reverse; color: $cr-muted; }
    ArticleView > .article-view--prefix { color: $cr-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", id="view.down", show=False),
        Binding("k,up", "cursor_up", "Up", id="view.up", show=False),
        Binding("pagedown,space", "page_down", "Page down", id="view.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="view.page_up", show=False),
        Binding("h,left", "cursor_left", "Left", id="view.left", show=False),
        Binding("l,right", "cursor_right", "Right", id="view.right", show=False),
        Binding("w", "word_right", "Next word", id="view.word_next", show=False),
        Binding("b", "word_left", "Previous word", id="view.word_previous", show=False),
        Binding("right_parenthesis", "sentence_right", "Next sentence", id="view.sentence_next",
                show=False),
        Binding("left_parenthesis", "sentence_left", "Previous sentence",
                id="view.sentence_previous", show=False),
        Binding("v", "toggle_selection", "Select", id="view.select"),
        Binding("escape", "clear", "Cancel selection/search", id="view.clear", show=False),
        Binding("g,home", "top", "Top", id="view.top", show=False),
        Binding("G,end", "bottom", "Bottom", id="view.bottom", show=False),
        Binding("right_square_bracket", "next_annotation", "Next annotation", id="view.next"),
        Binding("left_square_bracket", "previous_annotation", "Previous annotation",
                id="view.previous"),
        Binding("right_curly_bracket", "next_contradiction", "Next contradiction",
                id="view.next_contradiction", show=False),
        Binding("left_curly_bracket", "previous_contradiction", "Previous contradiction",
                id="view.previous_contradiction", show=False),
        Binding("f", "cycle_filter", "Jump filter", id="view.filter"),
        Binding("enter", "follow", "Follow contradiction", id="view.follow"),
        Binding("n", "note_or_next", "Note (next match while searching)", id="view.note"),
        Binding("N", "search_previous", "Previous match", id="view.search_previous",
                show=False),
        Binding("L", "open_link", "Open link", id="view.open_link", show=False),
        Binding("e", "app.edit_note", "Edit note", id="review.edit", show=False),
        Binding("d", "app.delete_note", "Delete note", id="review.delete", show=False),
        Binding("c", "app.new_claim", "New claim from selection", id="review.claim", show=False),
        Binding("s", "app.new_source", "New source from selection", id="review.source",
                show=False),
        Binding("m", "app.mark", "Mark claim for linking", id="review.mark", show=False),
        Binding("x", "app.link('contradicts')", "Link marked claim: contradicts",
                id="review.contradicts", show=False),
        Binding("equals_sign", "app.link('corroborates')", "Link marked claim: corroborates",
                id="review.corroborates", show=False),
        Binding("1", "app.verdict(1)", "Verdict: unreviewed", id="review.v1", show=False),
        Binding("2", "app.verdict(2)", "Verdict: supported", id="review.v2", show=False),
        Binding("3", "app.verdict(3)", "Verdict: disputed", id="review.v3", show=False),
        Binding("4", "app.verdict(4)", "Verdict: false", id="review.v4", show=False),
        Binding("5", "app.verdict(5)", "Verdict: unverifiable", id="review.v5", show=False),
        Binding("V", "app.verdict_comment", "Comment on verdict", id="review.comment",
                show=False),
        Binding("u", "app.next_unreviewed", "Next unreviewed claim", id="review.unreviewed"),
    ]

    cursor: reactive[int] = reactive(0, init=False, always_update=True)
    jump_filter: reactive[str] = reactive("all", init=False)

    @dataclass
    class Jumped(Message):
        """The caret is about to jump away from `offset`: the jump list records it."""

        article: str
        offset: int

    class JumpFilterChanged(Message):
        """`]` and `[` now jump to another kind: the legend says which."""

    class SearchCleared(Message):
        """esc ended the search: the pane's status line forgets it."""

    class Escaped(Message):
        """esc with nothing left to clear in the view: the mark goes too."""

    def validate_cursor(self, offset: int) -> int:
        """The caret stays off a hidden H1 (it repeats the header's title)."""
        return max(offset, text_start(self.article))

    def search(self, query: str) -> int:
        """As ArticleNavigation.search, without matches in a hidden H1."""
        count = super().search(query)
        first = text_start(self.article)
        if first and any(s < first for s, _ in self.search_matches):
            self.search_matches = [(s, e) for s, e in self.search_matches if s >= first]
            self._search_index = IntervalIndex([(s, e, i) for i, (s, e) in
                                                enumerate(self.search_matches)])
            self._invalidate()
            if self.search_matches:
                self.action_search_next(inclusive=True)
            count = len(self.search_matches)
        return count

    def watch_jump_filter(self) -> None:
        self.post_message(self.JumpFilterChanged())

    def __init__(self, article: Article, annotations: list[Annotation],
                 contradiction_refs: set[str], pane: int = 0, *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article = article
        self.pane = pane
        self.annotations = annotations
        self.selected: Annotation | None = None
        self.partners: set[str] = set()
        self.search_query = ""
        self.search_matches: list[tuple[int, int]] = []
        self._lines: list[Line] = []
        self._starts: list[int] = []
        self._layout_width = -1
        self._next_block = 0
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._center_pending = False
        self._reveal: tuple[int, int] | None = None
        self.marked_ref = ""
        self.painted = False
        self.selection_anchor: int | None = None
        self._dragging = False
        self._set_marks(annotations, contradiction_refs)
        self._suggest_index: IntervalIndex[Any] = IntervalIndex([])
        self.shown_suggestion = ""  # the id the review queue shows (drawn selected)

    # ------------------------------------------------------------ model

    def _set_marks(self, annotations: list[Annotation], contradiction_refs: set[str]) -> None:
        entries: list[tuple[int, int, Mark]] = []
        for a in annotations:
            r = a.resolution
            if not r.resolved or r.end <= r.start:
                continue
            classes = [a.kind]
            if a.ref in contradiction_refs:
                classes.append("contradiction")
            if r.match is Match.FUZZY:
                classes.append("orphan")
            entries.append((r.start, r.end, Mark(a, tuple(classes))))
        self._index: IntervalIndex[Mark] = IntervalIndex(entries)
        self._by_ref = {a.ref: a for a in annotations}
        self._contradiction_refs = contradiction_refs
        self._search_index: IntervalIndex[int] = IntervalIndex([])

    def refresh_marks(self) -> None:
        """Redraw after a change of look that is not a change of data (the mark)."""
        self._invalidate()

    def set_annotations(self, annotations: list[Annotation], contradiction_refs: set[str]) -> None:
        self.annotations = annotations
        self._set_marks(annotations, contradiction_refs)
        self._invalidate()

    def set_suggestions(self, entries: list[tuple[int, int, Any]], shown: str = "") -> None:
        """Spans the analysis proposes (tui/ui/suggestions.py), drawn in their own style."""
        self._suggest_index = IntervalIndex(entries)
        self.shown_suggestion = shown
        self._invalidate()

    def suggestions_at(self, offset: int) -> list[Any]:
        return [item for _, _, item in self._suggest_index.at(offset)]

    @property
    def lines(self) -> list[Line]:
        return self._lines

    def annotation_at(self, offset: int) -> Annotation | None:
        hits = self._index.at(offset)
        return hits[0][2].annotation if hits else None

    def marks_in_order(self) -> list[tuple[int, int, Mark]]:
        return self._index.ordered()

    def annotations_at(self, offset: int) -> list[Annotation]:
        """Every annotation covering offset, innermost first."""
        return [mark.annotation for _, _, mark in self._index.at(offset)]

    # ------------------------------------------------------------ layout

    def _ensure_layout(self) -> None:
        if not self.size.width:
            return  # not laid out yet; wrapping at a bogus width is wasted work
        width = max(10, self.scrollable_content_region.width - 1)
        if width == self._layout_width:
            return
        self._layout_width = width
        self._lines = []
        self._starts = []
        self._next_block = 0
        self._cache.clear()
        # Enough for the first screens now; the rest follows in small steps.
        self._extend_layout(self.size.height * 3 + 50)
        self._schedule_layout()

    def _extend_layout(self, min_lines: int = 0, upto_offset: int | None = None) -> None:
        if self._layout_width <= 0:
            return
        blocks = self.article.blocks
        step = 200
        while self._next_block < len(blocks):
            if upto_offset is None and len(self._lines) >= min_lines:
                break
            if upto_offset is not None and self._lines and self._lines[-1].end >= upto_offset \
                    and blocks[self._next_block].start > upto_offset:
                break
            stop = self._next_block + step
            new = layout_blocks(self.article, self._layout_width, self._next_block, stop,
                                CELLS)
            self._lines.extend(new)
            self._starts.extend(line.start for line in new)
            self._next_block = min(stop, len(blocks))
        self._update_virtual_size()

    def _update_virtual_size(self) -> None:
        height = len(self._lines)
        blocks = self.article.blocks
        if self._next_block < len(blocks) and self._lines:
            # Estimate the rest from the density of what is laid out so far.
            done_chars = max(1, self._lines[-1].end)
            rest = len(self.article.text) - done_chars
            height += int(rest * len(self._lines) / done_chars)
        self.virtual_size = Size(self._layout_width, max(1, height))

    @property
    def layout_complete(self) -> bool:
        return self._next_block >= len(self.article.blocks)

    def _schedule_layout(self) -> None:
        if not self.layout_complete:
            self.set_timer(0.02, self._layout_step)

    def _layout_step(self) -> None:
        if self.layout_complete:
            return
        self._extend_layout(len(self._lines) + 4000)
        self._schedule_layout()

    def complete_layout(self) -> None:
        self._ensure_layout()
        self._extend_layout(upto_offset=len(self.article.text))

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_layout()
        if self._reveal is not None:
            self._apply_reveal()
            return
        center, self._center_pending = self._center_pending, False
        self.scroll_to_offset(self.cursor, animate=False, center=center)

    def on_mount(self) -> None:
        self._ensure_layout()
        if self.cursor < text_start(self.article):
            self.cursor = text_start(self.article)  # not on a hidden H1
        provider = getattr(self.app, "suggestion_spans", None)
        if provider is not None:  # a pane opened after the analysis finished
            self.set_suggestions(provider(self.article.id))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def line_of(self, offset: int) -> int:
        self._ensure_layout()
        if self._layout_width > 0 and not self.layout_complete and (
                not self._lines or offset > self._lines[-1].end):
            self._extend_layout(upto_offset=offset)
        return line_at(self._starts, offset) if self._starts else 0

    # ------------------------------------------------------------ drawing

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"article-view--{name}")
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines) and not self.layout_complete:
            self._extend_layout(index + self.size.height + 50)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        key = (index, self._layout_width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._draw(index, base)
            self._cache[key] = strip
        if not self.painted and strip.cell_length:
            self.painted = True
            on_paint = getattr(self.app, "on_first_text_painted", None)
            if on_paint is not None:
                on_paint()
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, index)
