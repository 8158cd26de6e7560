"""The article body with its annotations: highlights, jumps, search, follow.

ArticleText draws only the visible lines of the wrapped article; this widget
composes what it highlights (Highlights, Matches from the core) and a
LinePainter that draws them, so a frame costs the same for a 5 KB article and
a 5 MB one with 50,000 annotations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from tui.core.document.highlights import JUMP_FILTERS, Highlights, Mark, Matches
from tui.core.document.intervals import IntervalIndex
from tui.core.document.layout import text_start
from tui.core.files.article import Article
from tui.core.model.annotations import Annotation
from tui.ui.widgets.article_draw import LinePainter
from tui.ui.widgets.article_text import ArticleText

__all__ = ["JUMP_FILTERS", "ArticleView", "Mark"]


class ArticleView(ArticleText):
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
        "article-view--claim",
        "article-view--source",
        "article-view--contradiction",
        "article-view--note",
        "article-view--orphan",
        "article-view--selection",
        "article-view--cursor",
        "article-view--search",
        "article-view--heading",
        "article-view--title",
        "article-view--code",
        "article-view--quote",
        "article-view--table-header",
        "article-view--link",
        "article-view--control",
        "article-view--prefix",
        "article-view--mark",
        "article-view--suggestion",
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
        Binding("right_parenthesis", "sentence_right", "Next sentence", id="view.sentence_next", show=False),
        Binding(
            "left_parenthesis", "sentence_left", "Previous sentence", id="view.sentence_previous", show=False
        ),
        Binding("v", "toggle_selection", "Select", id="view.select"),
        Binding("escape", "clear", "Cancel selection/search", id="view.clear", show=False),
        Binding("g,home", "top", "Top", id="view.top", show=False),
        Binding("G,end", "bottom", "Bottom", id="view.bottom", show=False),
        Binding("right_square_bracket", "next_annotation", "Next annotation", id="view.next"),
        Binding("left_square_bracket", "previous_annotation", "Previous annotation", id="view.previous"),
        Binding(
            "right_curly_bracket",
            "next_contradiction",
            "Next contradiction",
            id="view.next_contradiction",
            show=False,
        ),
        Binding(
            "left_curly_bracket",
            "previous_contradiction",
            "Previous contradiction",
            id="view.previous_contradiction",
            show=False,
        ),
        Binding("f", "cycle_filter", "Jump filter", id="view.filter"),
        Binding("enter", "follow", "Follow contradiction", id="view.follow"),
        Binding("n", "note_or_next", "Note (next match while searching)", id="view.note"),
        Binding("N", "search_previous", "Previous match", id="view.search_previous", show=False),
        Binding("L", "open_link", "Open link", id="view.open_link", show=False),
        Binding("e", "screen.edit_note", "Edit note", id="review.edit", show=False),
        Binding("d", "screen.delete_note", "Delete note", id="review.delete", show=False),
        Binding("c", "screen.new_claim", "New claim from selection", id="review.claim", show=False),
        Binding("s", "screen.new_source", "New source from selection", id="review.source", show=False),
        Binding("m", "screen.mark", "Mark claim for linking", id="review.mark", show=False),
        Binding(
            "x",
            "screen.link('contradicts')",
            "Link marked claim: contradicts",
            id="review.contradicts",
            show=False,
        ),
        Binding(
            "equals_sign",
            "screen.link('corroborates')",
            "Link marked claim: corroborates",
            id="review.corroborates",
            show=False,
        ),
        Binding("1", "screen.verdict(1)", "Verdict: unreviewed", id="review.v1", show=False),
        Binding("2", "screen.verdict(2)", "Verdict: supported", id="review.v2", show=False),
        Binding("3", "screen.verdict(3)", "Verdict: disputed", id="review.v3", show=False),
        Binding("4", "screen.verdict(4)", "Verdict: false", id="review.v4", show=False),
        Binding("5", "screen.verdict(5)", "Verdict: unverifiable", id="review.v5", show=False),
        Binding("V", "screen.verdict_comment", "Comment on verdict", id="review.comment", show=False),
        Binding("u", "screen.next_unreviewed", "Next unreviewed claim", id="review.unreviewed"),
    ]

    jump_filter: reactive[str] = reactive("all", init=False)

    @dataclass
    class CursorMoved(Message):
        """The caret moved; `annotation` is the one under it, if any.

        Coalesces: of several moves still queued for one pane only the newest
        matters, so a held-down key does not queue an inspector redraw per step.
        """

        pane: int
        offset: int
        annotation: Annotation | None

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleView.CursorMoved) and message.pane == self.pane

    @dataclass
    class FollowRequested(Message):
        """Show the other members of a contradiction the annotation belongs to."""

        pane: int
        annotation: Annotation

    @dataclass
    class Jumped(Message):
        """The caret is about to jump away from `offset`: the jump list records it."""

        article: str
        offset: int

    class NoteRequested(Message):
        """n with no search running: a note on the selection or the annotation here."""

    @dataclass
    class LinkRequested(Message):
        """L on a link: the app asks before opening it."""

        href: str

    class FirstPainted(Message):
        """The first line of text is drawn: work that waits for it may start."""

    class JumpFilterChanged(Message):
        """`]` and `[` now jump to another kind: the legend says which."""

    class SearchCleared(Message):
        """esc ended the search: the pane's status line forgets it."""

    class Escaped(Message):
        """esc with nothing left to clear in the view: the mark goes too."""

    def watch_jump_filter(self) -> None:
        self.tell(self.JumpFilterChanged())

    def __init__(
        self,
        article: Article,
        annotations: list[Annotation],
        contradiction_refs: set[str],
        pane: int = 0,
        suggestions: list[tuple[int, int, Any]] | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(article, id=id, classes=classes)
        self.pane = pane
        self.annotations = annotations
        self.highlights = Highlights(annotations, contradiction_refs)
        self.matches = Matches()
        self.suggested: IntervalIndex[Any] = IntervalIndex(suggestions or [])
        self.shown_suggestion = ""  # the id the review queue shows (drawn selected)
        self.selected: Annotation | None = None
        self.partners: set[str] = set()
        self.marked_ref = ""  # the claim marked for linking (m)
        self.painter = LinePainter(self)
        self.painted = False

    def tell(self, message: Message) -> None:
        """Post one of this view's messages as sent by the view itself: Textual
        stops a message after the widget that was active when it was made, so
        one made while the pane or the screen handles something (a search, a
        follow) would never reach the screen."""
        self.post_message(message.set_sender(self))

    # ------------------------------------------------------------ what is highlighted

    def set_annotations(
        self, annotations: list[Annotation], contradiction_refs: set[str], built: Highlights | None = None
    ) -> None:
        """New data; `built` is the same index made off the UI thread (a big load)."""
        self.annotations = annotations
        self.highlights = built if built is not None else Highlights(annotations, contradiction_refs)
        self._invalidate()

    def refresh_marks(self) -> None:
        """Redraw after a change of look that is not a change of data (the mark)."""
        self._invalidate()

    def set_suggestions(self, entries: list[tuple[int, int, Any]], shown: str = "") -> None:
        """Spans the analysis proposes (tui/ui/suggestions.py), drawn in their own style."""
        self.suggested = IntervalIndex(entries)
        self.shown_suggestion = shown
        self._invalidate()

    def suggestions_at(self, offset: int) -> list[Any]:
        return [item for _, _, item in self.suggested.at(offset)]

    def annotation_at(self, offset: int) -> Annotation | None:
        return self.highlights.at(offset)

    def annotations_at(self, offset: int) -> list[Annotation]:
        """Every annotation covering offset, innermost first."""
        return self.highlights.all_at(offset)

    def marks_in_order(self) -> list[tuple[int, int, Mark]]:
        return self.highlights.ordered()

    def current_annotation(self) -> Annotation | None:
        if self.selected is not None and self.selected.start <= self.cursor < max(
            self.selected.end, self.selected.start + 1
        ):
            return self.selected
        return self.annotation_at(self.cursor)

    # ------------------------------------------------------------ drawing

    def draw_line(self, index: int) -> Strip:
        strip = self.painter.draw(index, self.base_style())
        if not self.painted and strip.cell_length:
            self.painted = True
            self.app.post_message(self.FirstPainted())  # from inside a render: straight to the app
        return strip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.painter.forget_styles()
        self._cache.clear()

    def watch_cursor(self, old: int, new: int) -> None:
        super().watch_cursor(old, new)
        self.tell(self.CursorMoved(self.pane, new, self.annotation_at(new)))

    # ------------------------------------------------------------ selecting and jumping

    def select(self, annotation: Annotation | None, partners: set[str] | None = None) -> None:
        touched = [a for a in (self.selected, annotation) if a is not None]
        for ref in self.partners | (partners or set()):
            partner = self.highlights.by_ref.get(ref)
            if partner is not None:
                touched.append(partner)
        self.selected = annotation
        self.partners = partners or set()
        if len(touched) > 8:
            self._invalidate()
            return
        for a in touched:
            if a.resolution.resolved:
                self._refresh_offsets(a.start, max(a.start, a.end - 1))

    def jump_to(self, annotation: Annotation, partners: set[str] | None = None, record: bool = True) -> None:
        """Select an annotation and bring all of it on screen, with context above."""
        if record:
            self.tell(self.Jumped(self.article.id, self.cursor))
        self.select(annotation, partners)
        self.cursor = annotation.start
        self.reveal_span(annotation.start, max(annotation.start + 1, annotation.end))

    def _jump(self, forward: bool, kind: str) -> None:
        target = self.highlights.jump(self.cursor, forward, kind)
        if target is None:
            self.app.bell()
        else:
            self.jump_to(target)

    def action_next_annotation(self) -> None:
        self._jump(True, self.jump_filter)

    def action_previous_annotation(self) -> None:
        self._jump(False, self.jump_filter)

    def action_next_contradiction(self) -> None:
        self._jump(True, "contradiction")

    def action_previous_contradiction(self) -> None:
        self._jump(False, "contradiction")

    def action_cycle_filter(self) -> None:
        position = JUMP_FILTERS.index(self.jump_filter)
        self.jump_filter = JUMP_FILTERS[(position + 1) % len(JUMP_FILTERS)]
        self.notify(f"[ and ] now jump to: {self.jump_filter}", timeout=2, markup=False)

    def action_follow(self) -> None:
        annotation = self.current_annotation()
        if annotation is None or annotation.ref not in self.highlights.contradiction_refs:
            self.notify("No contradiction here. Use } to jump to the next one.", timeout=3, markup=False)
            return
        self.tell(self.FollowRequested(self.pane, annotation))

    def on_click(self, event: events.Click) -> None:
        if self.selection_anchor is not None:
            self.focus()
            return  # the end of a drag, not a click on a highlight
        target = self.offset_at(event)
        if target is None:
            return
        self.focus()
        self.cursor = target
        self.select(self.annotation_at(target))

    # ------------------------------------------------------------ search

    @property
    def search_query(self) -> str:
        return self.matches.query

    @property
    def search_matches(self) -> list[tuple[int, int]]:
        return self.matches.spans

    def search(self, query: str) -> int:
        """Find every match of query, ignoring case, spacing and typography
        (none inside a heading that is not shown)."""
        self.matches = Matches(self.article.text, query, text_start(self.article))
        self._invalidate()
        if self.matches.spans:
            self.action_search_next(inclusive=True)
        return len(self.matches.spans)

    def _go_to_match(self, target: int | None) -> None:
        if target is None:
            self.app.bell()
            return
        self.tell(self.Jumped(self.article.id, self.cursor))
        self.move_cursor(target, center=True)

    def action_search_next(self, inclusive: bool = False) -> None:
        self._go_to_match(self.matches.next(self.cursor, inclusive))

    def action_search_previous(self) -> None:
        self._go_to_match(self.matches.previous(self.cursor))

    def action_clear(self) -> None:
        """esc undoes the innermost thing: a selection, then a search, then the
        selected highlight and the mark for linking."""
        if self.selection_anchor is not None:
            self.clear_selection()
        elif self.matches.spans or self.matches.query:
            self.search("")
            self.tell(self.SearchCleared())
        else:
            self.select(None)
            self.tell(self.Escaped())

    def action_note_or_next(self) -> None:
        if self.selection_anchor is None and self.matches.spans:
            self.action_search_next()
            return
        self.tell(self.NoteRequested())

    # ------------------------------------------------------------ links

    def link_at_cursor(self) -> str:
        self._ensure_layout()
        return self.wrapped.link_at(self.cursor)

    def action_open_link(self) -> None:
        href = self.link_at_cursor()
        if not href:
            self.notify("No link under the cursor.", timeout=2, markup=False)
            return
        self.tell(self.LinkRequested(href))
