"""The panes of the reader: which article goes where, focus, fitting the
width, following contradictions and the jump list.

A plain object the ReaderScreen owns (`screen.layout`); the screen's @on
handlers call it. It decides and mounts; each pane draws itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widget import Widget

from tui.core.document.jumps import JumpList, Place
from tui.core.model.annotations import Annotation, Link
from tui.ui.styles import safe
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.pane import ArticlePane

if TYPE_CHECKING:
    from tui.ui.reader import ReaderScreen

MAX_PANES = 4
MIN_TEXT = 40  # a pane narrower than this many characters of text is hard to read
PANE_CHROME = 5  # borders, padding and the scrollbar around a pane's text
SIDE_WIDTH, CORPUS_WIDTH = 44, 32
SIDE_AUTO = 120  # below this width the side panels start hidden
CORPUS_AUTO = 190  # from this width the articles list starts shown, a column of its own


class PaneManager:
    """Open panes left to right, which one has focus, and which was used when."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        self._panes: list[ArticlePane] = []
        self._next_id = 0
        self.current_pane = 0
        self._follow_index: dict[str, int] = {}
        self._used: dict[int, int] = {}  # pane id -> when it last had focus, for reuse
        self._tick = 0
        self.jumps = JumpList()
        self.side_choice: bool | None = None  # the user's choice with `\\`; None: by width
        self.list_in_side_room = False  # see show_corpus

    def make_pane(self, article_id: str) -> ArticlePane:
        """A new pane; its view starts with the suggestions already known."""
        screen = self.screen
        pane = ArticlePane(
            screen.corpus.articles[article_id],
            screen.corpus,
            self._next_id,
            screen.suggestions.spans(article_id),
        )
        self._next_id += 1
        return pane

    def first_panes(self, ids: list[str]) -> list[ArticlePane]:
        """The panes the screen composes with (before anything is mounted)."""
        self._panes = [self.make_pane(aid) for aid in ids[:MAX_PANES]]
        return list(self._panes)

    # ------------------------------------------------------------ panes

    @property
    def panes(self) -> list[ArticlePane]:
        """Open panes, left to right (the DOM may still hold panes being removed)."""
        return list(self._panes)

    @property
    def current_view(self) -> ArticleView | None:
        """The focused pane's view; None also while a new pane is composing."""
        panes = self._panes
        if not panes:
            return None
        views = panes[min(self.current_pane, len(panes) - 1)].query(ArticleView)
        return views.first() if views else None

    def pane_index(self, pane: ArticlePane) -> int:
        return self._panes.index(pane)

    def open_article(
        self, article_id: str, new_pane: bool = False, at: int | None = None
    ) -> ArticlePane | None:
        """Show an article in pane `at`, the focused pane, or a new pane."""
        screen = self.screen
        if article_id not in screen.corpus.articles:
            screen.notify(f"No article {article_id!r}", severity="error", markup=False)
            return None
        panes = self.panes
        shown = next((p for p in panes if p.article.id == article_id), None)
        if shown is not None:
            return shown  # the same article never sits in two panes by accident
        if new_pane or not panes:
            if len(panes) >= MAX_PANES:
                screen.notify(f"At most {MAX_PANES} panes; replacing the focused one.", markup=False)
            else:
                pane = self.make_pane(article_id)
                screen.query_one("#panes").mount(pane)
                self._panes.append(pane)
                screen.app.call_after_refresh(self.fit_panes)
                return pane
        index = self.current_pane if at is None else at
        index = max(0, min(index, len(panes) - 1))
        old = panes[index]
        pane = self.make_pane(article_id)
        pane.display = old.display  # a pane hidden for lack of width stays hidden
        screen.query_one("#panes").mount(pane, after=old)
        self._panes[index] = pane
        old.remove()
        screen.app.call_after_refresh(self.fit_panes)
        return pane

    def open_and_focus(self, article_id: str, new_pane: bool = False) -> None:
        pane = self.open_article(article_id, new_pane=new_pane)
        if pane is not None:
            self.screen.app.call_after_refresh(self.focus_after_mount, pane)

    def focus_after_mount(self, pane: ArticlePane, tries: int = 20) -> None:
        """Focus a pane once its view exists (a new pane composes after a refresh)."""
        if pane not in self._panes:
            return
        if not pane.query(ArticleView):
            if tries:
                self.screen.app.call_after_refresh(self.focus_after_mount, pane, tries - 1)
            return
        self.focus_pane(self._panes.index(pane))

    def focus_pane(self, index: int) -> None:
        panes = self._panes
        if panes:
            self.current_pane = index % len(panes)
            self.fit_panes()
            self.screen.focus_now(panes[self.current_pane].view)

    def step_focus(self, step: int) -> None:
        """tab / shift+tab: the next or previous pane, hidden ones included."""
        focused = self.screen.focused
        if isinstance(focused, ArticleView):
            start = self.pane_of(focused)
        else:
            start = self.current_pane - (1 if step > 0 else -1)
        self.focus_pane(start + step)

    def pane_of(self, widget: Widget) -> int:
        for index, pane in enumerate(self._panes):
            if widget in pane.walk_children():
                return index
        return self.current_pane

    def close_pane(self) -> None:
        panes = self.panes
        if len(panes) <= 1:
            self.screen.notify("The last pane stays open.", markup=False)
            return
        closing = panes[min(self.current_pane, len(panes) - 1)]
        self._panes.remove(closing)
        closing.remove()
        self.screen.app.call_after_refresh(self.fit_panes)
        self.screen.app.call_after_refresh(self.focus_pane, max(0, self.current_pane - 1))

    def focused(self, view: ArticleView) -> None:
        """A pane's view got focus: it is the current pane and the newest used."""
        self.current_pane = self.pane_of(view)
        self._tick += 1
        self._used[view.pane] = self._tick
        if not self._panes[self.current_pane].display:
            self.fit_panes()

    # ------------------------------------------------------------ fitting the width

    def toggle_side(self) -> None:
        side = self.screen.query_one("#side")
        self.side_choice = not side.display
        self._leave_side_room()
        self.fit_panes()

    def show_side(self) -> None:
        self._leave_side_room()
        if not self.screen.query_one("#side").display:
            self.side_choice = True
            self.fit_panes()

    def show_corpus(self, corpus: Widget, show: bool) -> None:
        """Show or hide the articles list. Under CORPUS_AUTO, with the side panels
        on screen, the list takes their room while it is shown: the panes keep
        their width and are not laid out and drawn again (a `t` took 65-80 ms at
        160 columns, and hid one of two panes to make room)."""
        side = self.screen.query_one("#side")
        self.list_in_side_room = show and side.display and self.screen.app.size.width < CORPUS_AUTO
        corpus.set_class(self.list_in_side_room, "in-side-room")
        corpus.display = show
        self.fit_panes()

    def _leave_side_room(self) -> None:
        """The side panels were asked for: the list that took their room goes."""
        if self.list_in_side_room:
            for corpus in self._list_as_column():
                corpus.display = False

    def _list_as_column(self) -> list[Widget]:
        """The articles list back at its own width; returns it (if it exists)."""
        self.list_in_side_room = False
        found = list(self.screen.query("#corpus"))
        for corpus in found:
            corpus.remove_class("in-side-room")
        return found

    def _shown(self, selector: str) -> bool:
        """Whether a side widget takes room (the articles list may not exist yet)."""
        return any(widget.display for widget in self.screen.query(selector))

    def _corpus_room(self) -> int:
        if not self._shown("#corpus"):
            return 0
        return SIDE_WIDTH if self.list_in_side_room else CORPUS_WIDTH

    def _room(self) -> int:
        width = self.screen.app.size.width
        side = SIDE_WIDTH if self._shown("#side") else 0
        return width - side - self._corpus_room()

    def fits(self, room: int | None = None) -> int:
        """How many panes fit side by side with MIN_TEXT characters each."""
        room = self._room() if room is None else room
        return max(1, room // (MIN_TEXT + PANE_CHROME))

    def fit_panes(self, width: int | None = None) -> None:
        """Keep article text readable: hide the side panels below a width (unless
        the user chose with `\\`), and show only as many panes side by side as
        leave each at least MIN_TEXT characters, always including the focused one.
        Hidden panes stay open; tab brings them back."""
        screen = self.screen
        width = screen.app.size.width if width is None else width
        if not width or not screen.app.is_running:
            return
        side = screen.query_one("#side")
        if self.list_in_side_room and width >= CORPUS_AUTO:  # wide now: the list is a column again
            self._list_as_column()
        by_width = self.side_choice if self.side_choice is not None else width >= SIDE_AUTO
        side.display = by_width and not (self.list_in_side_room and self._shown("#corpus"))
        room = width - (SIDE_WIDTH if side.display else 0) - self._corpus_room()
        panes = self._panes
        fits = self.fits(room)
        current = min(self.current_pane, max(0, len(panes) - 1))
        first = max(0, min(current - fits + 1, len(panes) - fits)) if current >= fits else 0
        for index, pane in enumerate(panes):
            pane.display = first <= index < first + fits

    @property
    def crowded(self) -> bool:
        """Not every pane is on screen side by side."""
        return not all(p.display for p in self._panes) or len(self._panes) > self.fits()

    # ------------------------------------------------------------ following and jumping

    def record_here(self) -> None:
        view = self.current_view
        if view is not None:
            self.jumps.record(Place(view.article.id, view.cursor))

    def reveal_annotation(self, a: Annotation) -> None:
        """An annotation chosen in a list: its article, in the focused pane."""
        self.record_here()
        pane = self.open_article(a.article)
        if pane is not None:
            pane.reveal(a, focus=True)

    def follow(self, source: Annotation, pane_id: int) -> Annotation | None:
        """enter on a contradicted claim: its next partner, on screen in another
        pane (or this one, within one article). Returns the partner shown."""
        corpus = self.screen.corpus
        targets: list[tuple[Link, str]] = [
            (link, ref)
            for link in corpus.links_of(source)
            if link.relation == "contradicts"
            for ref in link.members
            if ref != source.ref
        ]
        if not targets:
            return None
        turn = self._follow_index.get(source.ref, 0)
        self._follow_index[source.ref] = turn + 1
        link, ref = targets[turn % len(targets)]
        target = corpus.get(ref)
        if target is None or not target.resolution.resolved:
            self.screen.notify(f"{ref} could not be anchored.", severity="warning", markup=False)
            return None
        source_pane = self.pane_by_id(pane_id)
        if source_pane is None:
            return None
        pane = self.pane_for(target.article, source_pane)
        if pane is None:
            return None
        self.jumps.record(Place(source_pane.article.id, source_pane.view.cursor))
        status = Text.assemble(
            ("✗ ", "bold red"), (f"{turn % len(targets) + 1}/{len(targets)} ", "bold"), safe(link.summary)
        )
        source_pane.view.select(source, {target.ref})
        source_pane.set_status(status)
        # When not every pane fits side by side, the partner's pane comes to the
        # front (ctrl+o goes back); otherwise the focus stays where it was.
        pane.reveal(target, {source.ref}, status, focus=self.crowded and pane is not source_pane)
        return target

    def pane_for(self, article_id: str, origin: ArticlePane) -> ArticlePane | None:
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

    def pane_by_id(self, pane_id: int) -> ArticlePane | None:
        return next((p for p in self._panes if p.pane == pane_id), None)

    def jump_back(self) -> None:
        view = self.current_view
        if view is not None:
            self._go(self.jumps.back(Place(view.article.id, view.cursor)))

    def jump_forward(self) -> None:
        self._go(self.jumps.forward())

    def _go(self, place: Place | None) -> None:
        """Return to a place of the jump list, in its pane or the least used one."""
        if place is None:
            self.screen.app.bell()
            return
        origin = self._panes[min(self.current_pane, len(self._panes) - 1)] if self._panes else None
        pane = (
            self.pane_for(place.article, origin) if origin is not None else self.open_article(place.article)
        )
        if pane is not None:
            pane.go_to(place.offset)

    def show_link(self, link: Link) -> None:
        """Open the first two members of a link side by side, both highlighted."""
        corpus = self.screen.corpus
        members = [corpus.get(ref) for ref in link.members]
        resolved = [m for m in members if m is not None and m.resolution.resolved]
        if len(resolved) < 2:
            self.screen.notify("This link's claims are not all anchored.", severity="warning", markup=False)
            return
        first, second = resolved[0], resolved[1]
        left = self.open_article(first.article, at=0)
        if len(self._panes) < 2:
            right = self.open_article(second.article, new_pane=True)
        else:
            right = self.open_article(second.article, at=1)
        if left is None or right is None:
            return
        mark = "✗ " if link.relation == "contradicts" else "✓ "
        status = Text.assemble((mark, "bold"), safe(link.summary))
        left.reveal(first, {second.ref}, status, focus=True)
        right.reveal(second, {first.ref}, status)
