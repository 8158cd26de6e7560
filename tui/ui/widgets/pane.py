"""One article pane: a header, the article view, a search box and a status line."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.core.files.article import Article
from tui.core.files.pinning import drift
from tui.core.model.annotations import Annotation
from tui.core.model.corpus import Corpus
from tui.ui.messages import CorpusChanged
from tui.ui.pacing import update_text
from tui.ui.styles import NO_CONTROLS, safe
from tui.ui.widgets.article_view import ArticleView


def header_text(article: Article, corpus: Corpus) -> Text:
    counts = corpus.counts(article.id)
    title = safe(article.title, "bold")
    meta = [x for x in (article.meta.outlet, article.meta.published) if x]
    details = " · ".join(meta or [article.id])
    line2 = (
        f"{details}\n{counts.claims} claims · {counts.sources} src · "
        f"{counts.contradictions} contra · {counts.notes} notes"
    )
    header = Text.assemble(title, "\n", safe(line2, "dim"))
    changed = drift(corpus, article.id)
    if changed is not None:  # the text is no longer the one annotated (issue 13)
        header.append_text(safe("\n" + changed.banner(), "bold reverse"))
    return header


class ArticlePane(Vertical):
    """Component classes: none; the look lives in app.tcss."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the box takes the focus when `/` arrives, before the keys typed
        # behind it (the query, in one burst) are passed to the article view.
        Binding("slash", "search", "Search", id="pane.search", priority=True),
    ]

    def __init__(
        self,
        article: Article,
        corpus: Corpus,
        pane: int,
        suggestions: list[tuple[int, int, Any]] | None = None,
    ) -> None:
        super().__init__(id=f"pane-{pane}", classes="pane data-view")
        self.article = article
        self.corpus = corpus
        self.pane = pane
        self._suggestions = suggestions
        self._pending: tuple[Annotation, set[str], Text | None, bool] | None = None

    # The border of the pane holding the focus is marked by a class set a frame
    # after the focus moved, not by :focus-within: Textual restyles the whole
    # pane (the view's dozen highlight styles among it) inside the key that
    # moved the focus, and the frame with the border joined the one of what
    # the key showed (half of a `t`).
    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def _focus_moved(self) -> None:
        self.call_after_refresh(self._mark_focus)

    def _mark_focus(self) -> None:
        focused = self.screen.focused if self.is_attached else None
        self.set_class(focused is not None and self in focused.ancestors, "-focused")

    def compose(self) -> ComposeResult:
        yield Static(header_text(self.article, self.corpus), classes="pane-header")
        yield ArticleView(
            self.article,
            self.corpus.annotations.get(self.article.id, []),
            self.corpus.contradiction_refs(),
            self.pane,
            self._suggestions,
            id=f"view-{self.pane}",
        )
        # Made with the pane, not on the first `/`: keys typed right after `/`
        # must land in it, and a box mounted then takes focus only later.
        search = Input(
            placeholder="Search this article (enter to find, esc to close)",
            classes="pane-search",
            compact=True,
            restrict=NO_CONTROLS,
        )
        search.display = False
        yield search
        yield Static("", classes="pane-status")

    @on(ArticleView.SearchCleared)
    def _search_cleared(self) -> None:
        self.set_status("")

    @on(CorpusChanged)
    def _data_changed(self, event: CorpusChanged) -> None:
        """Redraw highlights and counts only when this article's data changed."""
        if event.touches(self.article.id) and self.query(ArticleView):
            self.view.set_annotations(
                self.corpus.annotations.get(self.article.id, []),
                self.corpus.contradiction_refs(),
                event.highlights.get(self.article.id),
            )
            self.query_one(".pane-header", Static).update(header_text(self.article, self.corpus))

    def on_mount(self) -> None:
        if self._pending is not None and self.query(ArticleView):
            self._apply()

    def reveal(
        self,
        annotation: Annotation,
        partners: set[str] | None = None,
        status: Text | None = None,
        focus: bool = False,
    ) -> None:
        """Jump to an annotation now, or as soon as this pane is composed."""
        self._pending = (annotation, partners or set(), status, focus)
        if self.is_mounted and self.query(ArticleView):
            self._apply()

    def _apply(self) -> None:
        assert self._pending is not None
        annotation, partners, status, focus = self._pending
        self._pending = None
        self.view.jump_to(annotation, partners, record=False)
        if status is not None:
            self.set_status(status)
        if focus:
            self.view.focus()

    def go_to(self, offset: int) -> None:
        """Put the caret at offset (a place of the jump list) and focus the pane."""
        self._pending = None
        if not (self.is_mounted and self.query(ArticleView)):
            self.call_after_refresh(self.go_to, offset)
            return
        self.view.cursor = max(0, min(len(self.article.text), offset))
        self.view.reveal_span(self.view.cursor, self.view.cursor + 1)
        self.view.focus()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def set_status(self, text: str | Text) -> None:
        status = self.query_one(".pane-status", Static)
        update_text(status, text if isinstance(text, Text) else safe(text))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search" and isinstance(self.screen.focused, Input):
            return None  # a priority key: `/` typed into a box is a character
        return True

    def action_search(self) -> None:
        search = self.query_one(Input)
        search.display = True
        search.value = self.view.search_query
        self.screen.set_focus(search)  # now, not after queued keys: '/Kirby' typed in one burst

    @on(Input.Submitted, ".pane-search")
    def _run_search(self, event: Input.Submitted) -> None:
        event.stop()
        count = self.view.search(event.value)
        event.input.display = False
        self.view.focus()
        if event.value:
            found = f"{count} {'match' if count == 1 else 'matches'} for " if count else "No match for "
            self.set_status(
                Text.assemble(found, safe(repr(event.value)), " · n/N next/previous" if count else "")
            )

    def on_key(self, event: events.Key) -> None:
        search = self.query_one(Input)
        if event.key == "escape" and search.has_focus:
            event.stop()
            search.display = False
            self.view.focus()
