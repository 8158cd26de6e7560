"""Opening a claim or a search hit from a cross-article view (matrix, search,
history) in a pane, without closing any pane that is not in the way.

A pane already showing the article is used; else a new pane while there is
room; else the least recently used pane that is not focused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from tui.core.model.annotations import Annotation
from tui.ui.panes import MAX_PANES
from tui.ui.styles import safe

if TYPE_CHECKING:
    from textual.app import App

    from tui.ui.reader import ReaderScreen
    from tui.ui.widgets.pane import ArticlePane


def reader_of(app: App[object]) -> ReaderScreen:
    """The reader under the cross-article screens (the bottom of the stack)."""
    from tui.ui.reader import ReaderScreen

    screen = app.screen_stack[0]
    assert isinstance(screen, ReaderScreen)
    return screen


def pane_for(reader: ReaderScreen, article_id: str) -> ArticlePane | None:
    manager = reader.pane_manager
    panes = manager.panes
    shown = next((p for p in panes if p.article.id == article_id), None)
    if shown is not None:
        return shown
    if len(panes) < MAX_PANES or not panes:
        return manager.open_article(article_id, new_pane=True)
    return manager.pane_for(article_id, panes[min(manager.current_pane, len(panes) - 1)])


def open_annotation(reader: ReaderScreen, annotation: Annotation) -> None:
    """Show an annotation selected in its article and focus that pane."""
    if not annotation.resolution.resolved:
        reader.notify(
            f"{annotation.id} is an orphan: its quote is not in the article.",
            severity="warning",
            markup=False,
        )
        return
    reader.pane_manager.record_here()
    pane = pane_for(reader, annotation.article)
    if pane is not None:
        pane.reveal(annotation, focus=True)
        reader.app.call_after_refresh(_focus, reader, pane)


def open_at(
    reader: ReaderScreen, article_id: str, start: int, end: int, query: str = "", status: Text | None = None
) -> None:
    """Put the caret on a span (a search match), searching `query` in that pane
    so the match is highlighted and n / N know the query."""
    reader.pane_manager.record_here()
    pane = pane_for(reader, article_id)
    # Keys typed fast (n n n) open several results before the first pane is
    # ready: only the newest request may move the caret and the focus.
    reader.steps.request += 1
    if pane is not None:
        _go(reader, reader.steps.request, pane, start, end, query, status)


def _go(
    reader: ReaderScreen,
    request: int,
    pane: ArticlePane,
    start: int,
    end: int,
    query: str,
    status: Text | None,
    tries: int = 20,
) -> None:
    if request != reader.steps.request:
        return
    if not (pane.is_mounted and pane.query("ArticleView")):
        if tries:
            reader.app.call_after_refresh(_go, reader, request, pane, start, end, query, status, tries - 1)
        else:
            reader.steps.pending = False
        return
    view = pane.view
    reader.steps.pending = False
    if query and view.search_query != query:
        view.search(query)
    view.cursor = max(0, min(len(pane.article.text), start))
    view.reveal_span(view.cursor, max(view.cursor + 1, end))
    if status is not None:
        pane.set_status(status)
    elif query:
        pane.set_status(
            Text.assemble("Corpus search ", safe(repr(query)), " · n/N next/previous result in any article")
        )
    _focus(reader, pane)


def _focus(reader: ReaderScreen, pane: ArticlePane) -> None:
    reader.pane_manager.focus_after_mount(pane)
