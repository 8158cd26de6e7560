"""The cross-article views over the reader (matrix, corpus search, history)
and n / N through the results of a corpus search, across articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget

from tui.ui.styles import safe_line
from tui.ui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from tui.core.views.search import Hit, SearchResult
    from tui.ui.reader import ReaderScreen


class CorpusSteps:
    """The last corpus search opened with enter (F): what n / N walk through."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        self.result: SearchResult | None = None
        self.at: tuple[int, str, int] = (-1, "", 0)  # the result shown: index, article, offset
        self.pending = False  # until the pane shows it (keys may come first)
        self.request = 0  # only the newest opening may move the caret

    def show_view(self, name: str) -> None:
        """Push one of the cross-article screens, installed once so that it keeps
        its filter and position between visits."""
        app = self.screen.app
        if not self.screen.ready_for_changes() or (
            app.is_screen_installed(name) and app.screen is app.get_screen(name)
        ):
            return
        if not app.is_screen_installed(name):
            app.install_screen(self._make(name), name)
        app.push_screen(name)

    def _make(self, name: str) -> Screen[Any]:
        """The cross-article screens (issue 16), loaded when first used."""
        corpus, author = self.screen.corpus, self.screen.host.author
        if name == "matrix":
            from tui.ui.screens.matrix import MatrixScreen

            return MatrixScreen(corpus, author)
        if name == "history":
            from tui.ui.screens.history import HistoryScreen

            return HistoryScreen(corpus, author)
        from tui.ui.screens.corpus_search import CorpusSearchScreen

        return CorpusSearchScreen(corpus, self.open_hit)

    def open_hit(self, result: SearchResult, hit: Hit) -> None:
        """Open a corpus-search hit at its match; n / N then walk every hit."""
        self.result = result
        number = result.hits.index(hit) + 1 if hit in result.hits else 0
        self.at = (number - 1, hit.article, max(0, hit.start))
        self.pending = True
        where = f" · {hit.where}" if hit.where else ""
        status = Text.assemble(
            ("Corpus search ", "bold"),
            safe_line(repr(result.query)),
            f" · result {number}/{result.count}",
            safe_line(where),
            (" · n/N: next/previous in any article", "dim"),
        )
        from tui.ui.screens.opening import open_at

        self.screen.app.call_after_refresh(
            open_at, self.screen, hit.article, hit.start, hit.end, result.query, status
        )

    def active(self, focused: Widget | None) -> bool:
        """n / N are ours only while the focused pane shows this search."""
        result = self.result
        return (
            isinstance(focused, ArticleView)
            and result is not None
            and bool(result.hits)
            and focused.selection_anchor is None
            and focused.search_query == result.query
        )

    def step(self, backwards: bool = False) -> None:
        view = self.screen.current_view
        result = self.result
        if view is None or result is None:
            return
        index, article, offset = self.at
        here = self.pending or (view.article.id, view.cursor) == (article, offset)
        if here and 0 <= index < result.count:
            # Still on the result n / N last went to: the next one in the list,
            # even when several results share one place (notes on one claim).
            hit: Hit | None = result.hits[(index + (-1 if backwards else 1)) % result.count]
        else:
            hit = result.next_after(view.article.id, view.cursor, backwards)
        if hit is not None:
            self.open_hit(result, hit)
