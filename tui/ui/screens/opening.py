"""Opening a claim or a search hit from a cross-article view (matrix, search,
history) in a pane, without closing any pane that is not in the way.

A pane already showing the article is used; else a new pane while there is
room; else the least recently used pane that is not focused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from tui.core.document.jumps import Place
from tui.core.model.annotations import Annotation
from tui.ui.panes import MAX_PANES
from tui.ui.styles import safe

if TYPE_CHECKING:
    from tui.ui.app import CrossreadApp
    from tui.ui.widgets.pane import ArticlePane


def pane_for(app: CrossreadApp, article_id: str) -> ArticlePane | None:
    panes = app.panes
    shown = next((p for p in panes if p.article.id == article_id), None)
    if shown is not None:
        return shown
    if len(panes) < MAX_PANES or not panes:
        return app.open_article(article_id, new_pane=True)
    return app._pane_for(article_id, panes[min(app.current_pane, len(panes) - 1)])


def _record_jump(app: CrossreadApp) -> None:
    view = app.current_view
    if view is not None:
        app.jumps.record(Place(view.article.id, view.cursor))


def open_annotation(app: CrossreadApp, annotation: Annotation) -> None:
    """Show an annotation selected in its article and focus that pane."""
    if not annotation.resolution.resolved:
        app.notify(
            f"{annotation.id} is an orphan: its quote is not in the article.",
            severity="warning",
            markup=False,
        )
        return
    _record_jump(app)
    pane = pane_for(app, annotation.article)
    if pane is not None:
        pane.reveal(annotation, focus=True)
        app.call_after_refresh(_focus, app, pane)


def open_at(
    app: CrossreadApp, article_id: str, start: int, end: int, query: str = "", status: Text | None = None
) -> None:
    """Put the caret on a span (a search match), searching `query` in that pane
    so the match is highlighted and n / N know the query."""
    _record_jump(app)
    pane = pane_for(app, article_id)
    # Keys typed fast (n n n) open several results before the first pane is
    # ready: only the newest request may move the caret and the focus.
    request = getattr(app, "_open_request", 0) + 1
    app._open_request = request  # type: ignore[attr-defined]
    if pane is not None:
        _go(app, request, pane, start, end, query, status)


def _go(
    app: CrossreadApp,
    request: int,
    pane: ArticlePane,
    start: int,
    end: int,
    query: str,
    status: Text | None,
    tries: int = 20,
) -> None:
    if request != getattr(app, "_open_request", 0):
        return
    if not (pane.is_mounted and pane.query("ArticleView")):
        if tries:
            app.call_after_refresh(_go, app, request, pane, start, end, query, status, tries - 1)
        else:
            app._corpus_pending = False
        return
    view = pane.view
    app._corpus_pending = False
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
    _focus(app, pane)


def _focus(app: CrossreadApp, pane: ArticlePane) -> None:
    if pane in app.panes:
        app._focus_pane(app.pane_index(pane))
