"""Panes and the messages between them: opening articles, focus, following
contradictions, showing links side by side. Mixed into the app."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget

from tui.core.document.jumps import JumpList, Place
from tui.core.model.annotations import Annotation, Link
from tui.ui.messages import AnnotationChosen, ArticleChosen
from tui.ui.styles import safe
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.inspector import Inspector
from tui.ui.widgets.lists import AnnotationList
from tui.ui.widgets.pane import ArticlePane

MAX_PANES = 4
MIN_TEXT = 40  # a pane narrower than this many characters of text is hard to read
PANE_CHROME = 5  # borders, padding and the scrollbar around a pane's text
SIDE_WIDTH, CORPUS_WIDTH = 44, 32
SIDE_AUTO = 120  # below this width the side panels start hidden


class PanesMixin:
    """Message handlers here use on_<message> names: Textual collects @on
    decorators only from classes it builds, not from plain mixins.

    Expects the app's `corpus`, `_panes`, `current_pane` and `_next_pane_id`."""

    corpus: Any
    _panes: list[ArticlePane]
    current_pane: int
    _next_pane_id: int
    _follow_index: dict[str, int]
    _used: dict[int, int]  # pane id -> when it last had focus, for reuse
    _tick: int
    jumps: JumpList

    # ------------------------------------------------------------ panes

    @property
    def panes(self) -> list[ArticlePane]:
        """Open panes, left to right (the DOM may still hold panes being removed)."""
        return list(self._panes)

    @property
    def current_view(self) -> ArticleView | None:
        panes = self.panes
        if not panes:
            return None
        index = min(self.current_pane, len(panes) - 1)
        return panes[index].view

    def pane_index(self, pane: ArticlePane) -> int:
        return self.panes.index(pane)

    def open_article(
        self, article_id: str, new_pane: bool = False, at: int | None = None
    ) -> ArticlePane | None:
        """Show an article in pane `at`, the focused pane, or a new pane."""
        article = self.corpus.articles.get(article_id)
        if article is None:
            self.notify(f"No article {article_id!r}", severity="error", markup=False)
            return None
        panes = self.panes
        if new_pane or not panes:
            if len(panes) >= MAX_PANES:
                self.notify(f"At most {MAX_PANES} panes; replacing the focused one.", markup=False)
            else:
                pane = ArticlePane(article, self.corpus, self._next_pane_id)
                self._next_pane_id += 1
                self.query_one("#panes").mount(pane)
                self._panes.append(pane)
                self.call_after_refresh(self.fit_panes)
                return pane
        index = self.current_pane if at is None else at
        index = max(0, min(index, len(panes) - 1))
        old = panes[index]
        if old.article.id == article_id:
            return old
        shown = next((p for p in panes if p.article.id == article_id), None)
        if shown is not None:
            return shown  # the same article never sits in two panes by accident
        pane = ArticlePane(article, self.corpus, self._next_pane_id)
        self._next_pane_id += 1
        pane.display = old.display  # a pane hidden for lack of width stays hidden
        self.query_one("#panes").mount(pane, after=old)
        self._panes[index] = pane
        old.remove()
        self.call_after_refresh(self.fit_panes)
        return pane

    def _focus_pane(self, index: int) -> None:
        panes = self.panes
        if panes:
            self.current_pane = index % len(panes)
            self.fit_panes()
            panes[self.current_pane].view.focus()

    def action_next_pane(self) -> None:
        if not isinstance(self.screen, Screen) or self.screen is not self.screen_stack[0]:
            self.screen.focus_next()
            return
        view = self.focused if isinstance(self.focused, ArticleView) else None
        start = self._pane_of(view) if view else self.current_pane - 1
        self._focus_pane(start + 1)

    def action_previous_pane(self) -> None:
        if self.screen is not self.screen_stack[0]:
            self.screen.focus_previous()
            return
        view = self.focused if isinstance(self.focused, ArticleView) else None
        start = self._pane_of(view) if view else self.current_pane + 1
        self._focus_pane(start - 1)

    def _pane_of(self, widget: Widget) -> int:
        for index, pane in enumerate(self.panes):
            if widget in pane.walk_children():
                return index
        return self.current_pane

    def action_close_pane(self) -> None:
        panes = self.panes
        if len(panes) <= 1:
            self.notify("The last pane stays open.", markup=False)
            return
        closing = panes[min(self.current_pane, len(panes) - 1)]
        self._panes.remove(closing)
        closing.remove()
        self.call_after_refresh(self.fit_panes)
        self.call_after_refresh(self._focus_pane, max(0, self.current_pane - 1))

    def on_descendant_focus(self, event) -> None:
        widget = event.widget if hasattr(event, "widget") else self.focused
        if isinstance(widget, ArticleView):
            self.current_pane = self._pane_of(widget)
            self._tick += 1
            self._used[widget.pane] = self._tick
            if not self.panes[self.current_pane].display:
                self.fit_panes()
            self.query_one(AnnotationList).show_article(widget.article.id)
            self._inspect(widget.current_annotation())
            self.update_legend()

    # ------------------------------------------------------------ fitting the width

    _side_choice: bool | None = None  # the user's choice with the backslash key; None: by width

    def on_resize(self, event) -> None:
        self.fit_panes(event.size.width)

    def action_toggle_side(self) -> None:
        side = self.query_one("#side")
        self._side_choice = not side.display
        self.fit_panes(self.size.width)

    def _fits(self, room: int | None = None) -> int:
        """How many panes fit side by side with MIN_TEXT characters each."""
        if room is None:
            room = self.size.width - sum(
                w
                for name, w in (("#side", SIDE_WIDTH), ("#corpus", CORPUS_WIDTH))
                if self.query_one(name).display
            )
        return max(1, room // (MIN_TEXT + PANE_CHROME))

    def fit_panes(self, width: int | None = None) -> None:
        """Keep article text readable: hide the side panels below a width (unless
        the user chose with `\\`), and show only as many panes side by side as
        leave each at least MIN_TEXT characters, always including the focused one.
        Hidden panes stay open; tab brings them back."""
        width = self.size.width if width is None else width
        if not width or not self.is_running:
            return
        side = self.query_one("#side")
        side.display = self._side_choice if self._side_choice is not None else width >= SIDE_AUTO
        corpus = self.query_one("#corpus")
        room = width - (SIDE_WIDTH if side.display else 0) - (CORPUS_WIDTH if corpus.display else 0)
        panes = self.panes
        fits = self._fits(room)
        current = min(self.current_pane, max(0, len(panes) - 1))
        first = max(0, min(current - fits + 1, len(panes) - fits)) if current >= fits else 0
        for index, pane in enumerate(panes):
            pane.display = first <= index < first + fits

    def on_article_view_cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        view = self.current_view
        if view is not None and view.pane == event.pane:
            self._inspect(view.current_annotation())

    def _inspect(self, annotation: Annotation | None, force: bool = False) -> None:
        self.query_one(Inspector).show(annotation, force)

    def on_article_chosen(self, event: ArticleChosen) -> None:
        self._open_and_focus(event.article_id, event.new_pane)

    def on_annotation_chosen(self, event: AnnotationChosen) -> None:
        a = event.annotation
        if not a.resolution.resolved:
            self.notify(
                f"{a.id} is an orphan: its quote is not in the article.", severity="warning", markup=False
            )
            self._inspect(a)
            return
        view = self.current_view
        if view is not None:
            self.jumps.record(Place(view.article.id, view.cursor))
        pane = self.open_article(a.article)
        if pane is not None:
            pane.reveal(a, focus=True)

    def on_article_view_follow_requested(self, event: ArticleView.FollowRequested) -> None:
        source = event.annotation
        targets: list[tuple[Link, str]] = [
            (link, ref)
            for link in self.corpus.links_of(source)
            if link.relation == "contradicts"
            for ref in link.members
            if ref != source.ref
        ]
        if not targets:
            return
        turn = self._follow_index.get(source.ref, 0)
        self._follow_index[source.ref] = turn + 1
        link, ref = targets[turn % len(targets)]
        target = self.corpus.get(ref)
        if target is None or not target.resolution.resolved:
            self.notify(f"{ref} could not be anchored.", severity="warning", markup=False)
            return
        source_pane = self._pane_by_id(event.pane)
        if source_pane is None:
            return
        pane = self._pane_for(target.article, source_pane)
        if pane is None:
            return
        self.jumps.record(Place(source_pane.article.id, source_pane.view.cursor))
        status = Text.assemble(
            ("✗ ", "bold red"), (f"{turn % len(targets) + 1}/{len(targets)} ", "bold"), safe(link.summary)
        )
        source_pane.view.select(source, {target.ref})
        source_pane.set_status(status)
        # When not every pane fits side by side, the partner's pane comes to the
        # front (ctrl+o goes back); otherwise the focus stays where it was.
        crowded = not all(p.display for p in self.panes) or len(self.panes) > self._fits()
        pane.reveal(target, {source.ref}, status, focus=crowded and pane is not source_pane)
        self._inspect(source)

    def _pane_for(self, article_id: str, origin: ArticlePane) -> ArticlePane | None:
        """Where a followed claim goes: a pane already showing its article (the
        origin itself for a contradiction within one article), else the least
        recently used other pane, else a new pane. Never replaces the origin."""
        panes = self.panes
        shown = next((p for p in panes if p.article.id == article_id), None)
        if shown is not None:
            return shown
        others = [p for p in panes if p is not origin]
        if not others:
            return self.open_article(article_id, new_pane=True)
        oldest = min(others, key=lambda p: self._used.get(p.pane, -1))
        return self.open_article(article_id, at=panes.index(oldest))

    def _pane_by_id(self, pane_id: int) -> ArticlePane | None:
        return next((p for p in self.panes if p.pane == pane_id), None)

    def on_article_view_jumped(self, event: ArticleView.Jumped) -> None:
        self.jumps.record(Place(event.article, event.offset))

    def action_jump_back(self) -> None:
        view = self.current_view
        if view is None:
            return
        self._go(self.jumps.back(Place(view.article.id, view.cursor)))

    def action_jump_forward(self) -> None:
        self._go(self.jumps.forward())

    def _go(self, place: Place | None) -> None:
        """Return to a place of the jump list, in its pane or the least used one."""
        if place is None:
            self.bell()
            return
        view = self.current_view
        origin = self.panes[self.current_pane] if view is not None else None
        pane = (
            self._pane_for(place.article, origin) if origin is not None else self.open_article(place.article)
        )
        if pane is None:
            return
        pane.go_to(place.offset)

    def show_link(self, link: Link) -> None:
        """Open the first two members of a link side by side, both highlighted."""
        members = [self.corpus.get(ref) for ref in link.members]
        resolved = [m for m in members if m is not None and m.resolution.resolved]
        if len(resolved) < 2:
            self.notify("This link's claims are not all anchored.", severity="warning", markup=False)
            return
        first, second = resolved[0], resolved[1]
        left = self.open_article(first.article, at=0)
        if len(self.panes) < 2:
            right = self.open_article(second.article, new_pane=True)
        else:
            right = self.open_article(second.article, at=1)
        if left is None or right is None:
            return
        mark = "✗ " if link.relation == "contradicts" else "✓ "
        status = Text.assemble((mark, "bold"), safe(link.summary))
        left.reveal(first, {second.ref}, status, focus=True)
        right.reveal(second, {first.ref}, status)
