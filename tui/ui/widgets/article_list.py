"""The articles list: one four-line row per article (title, outlet and date,
counts), every article at once, drawn only where seen (RowList).

An OptionList measured every row before its first frame and for each batch of
rows added: over a 2,000-article archive the first `t` spent 40 ms drawing 40
rows, and rows kept coming for seconds.
"""

from __future__ import annotations

from itertools import pairwise
from typing import ClassVar

from rich._wrap import divide_line
from rich.cells import cell_len
from textual import on
from textual.binding import Binding, BindingType
from textual.cache import LRUCache

from tui.core.document.text import escape_line
from tui.core.model.corpus import Corpus
from tui.core.views.rows import ROW_LINES, ArticleRow, article_row
from tui.ui.messages import ArticleChosen, CorpusChanged
from tui.ui.widgets.row_list import CACHED_LINES, Piece, RowList

FIRST_ROWS = 25  # rows made with the list: more than a tall screen shows


class CorpusList(RowList):
    """Every article of the corpus; enter or a click opens the one under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Open here", id="corpus.open"),
        Binding("p", "open_new_pane", "Open in new pane", id="corpus.new_pane"),
    ]
    row_height = ROW_LINES

    def __init__(self, corpus: Corpus, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.add_class("data-view")
        self.corpus = corpus
        self.border_title = "Articles"
        self._rows: dict[str, ArticleRow] = {}  # made when first drawn
        self._wrapped: LRUCache[tuple[str, int], list[list[Piece]]] = LRUCache(CACHED_LINES)
        self.set_ids(list(corpus.articles))
        for article_id in self.ids[:FIRST_ROWS]:
            self.row(article_id)  # made now (it is made hidden): not on the key that shows it

    def row(self, article_id: str) -> ArticleRow:
        made = self._rows.get(article_id)
        if made is None:
            made = self._rows[article_id] = article_row(self.corpus, article_id)
        return made

    def forget_lines(self) -> None:
        super().forget_lines()
        self._wrapped.clear()

    @on(CorpusChanged)
    def _data_changed(self, event: CorpusChanged) -> None:
        if event.changes is None:  # a whole load: articles may have come or gone
            current = self.highlighted_id
            self._rows.clear()
            ids = list(self.corpus.articles)
            self.set_ids(ids, ids.index(current) if current in ids else 0)
        else:
            for article_id in [a for a in self._rows if event.touches(a)]:
                del self._rows[article_id]
            self.forget_lines()
            self.refresh()

    def row_lines(self, index: int, width: int) -> list[list[Piece]]:
        """The title wrapped on two lines at most (the second cut with an
        ellipsis by `fit`), then outlet and date, then the counts."""
        article_id = self.ids[index]
        kept = self._wrapped.get((article_id, width))
        if kept is not None:
            return kept
        row = self.row(article_id)
        title = escape_line(row.title)
        breaks = [0, *divide_line(title, width, fold=True), len(title)]
        lines = [title[a:b].rstrip() for a, b in pairwise(breaks) if b > a]
        if len(lines) > 2:
            lines = [lines[0], " ".join(lines[1:])]
        counts = row.short if cell_len(row.counts) > width else row.counts
        drawn: list[list[Piece]] = [[(line, True)] for line in lines]
        drawn += [[(escape_line(row.meta), False)], [(escape_line(counts), False)]]
        drawn += [[] for _ in range(ROW_LINES - len(drawn))]
        self._wrapped[(article_id, width)] = drawn
        return drawn

    def choose(self, index: int) -> None:
        self.post_message(ArticleChosen(self.ids[index]))

    def action_open_new_pane(self) -> None:
        if self.ids:
            self.post_message(ArticleChosen(self.ids[self.highlighted], new_pane=True))
