"""Corpus-wide search (`F`): one query over every article and the words written
about them (notes, comments, link summaries, source names).

Results are grouped by article, each match shown in its context with the
match highlighted and the annotation it falls in. `enter` opens a result in
a pane at the match; the app keeps the result, so `n` / `N` in the article
go on through every result, across articles (see `CrossreadApp.corpus_step`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.views.refresh import stale_views
from tui.core.views.search import Hit, SearchResult, search_corpus
from tui.ui.messages import CorpusChanged
from tui.ui.styles import NO_CONTROLS, one_line, safe_line
from tui.ui.widgets.lists import ReaderList


def hit_prompt(hit: Hit) -> Text:
    """'  …nach Kursk verlegt…   in claim troops-11k' with the match reversed.

    The snippet is escaped already (its mark offsets count escaped text), so it
    goes in as plain Text without another escape."""
    text = Text("  ")
    text.append(hit.snippet, "")
    start, end = hit.mark
    text.stylize("bold reverse", 2 + start, 2 + end)
    where = hit.where
    if where:
        text.append_text(safe_line(f"   {where}", "dim italic"))
    if hit.start < 0:
        text.append("  (not anchored)", "dim")
    return text


class CorpusSearchScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close the search", id="search.close"),
        Binding("slash", "edit_query", "Edit the query", id="search.query"),
    ]
    DEFAULT_CSS = """
    CorpusSearchScreen { layout: vertical; }
    CorpusSearchScreen #search-title { height: 1; background: $boost; padding: 0 1; }
    CorpusSearchScreen #search-input { margin: 0 1; }
    CorpusSearchScreen #search-results { height: 1fr; }
    """

    def __init__(self, corpus, on_open) -> None:
        super().__init__(classes="data-view")
        self.corpus = corpus
        self.on_open = on_open  # called with (result, hit) when a result is chosen
        self.result = SearchResult("")
        self._hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Search every article, note, summary and source name", "bold"), id="search-title")
        yield Input(
            placeholder="Search the corpus (case, spacing and „typography“ ignored)",
            id="search-input",
            restrict=NO_CONTROLS,
        )
        yield ReaderList(id="search-results")

    def on_mount(self) -> None:
        self.query_one("#search-input").focus()

    def on_screen_resume(self) -> None:
        if self.result.query:  # the corpus may have changed while it was closed
            self.run_search(self.result.query, keep=True)

    @on(CorpusChanged)
    def _data_changed(self, event: CorpusChanged) -> None:
        if self.result.query and (event.changes is None or "search" in stale_views(event.changes)):
            self.run_search(self.result.query, keep=True)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.run_search(event.value)
        results = self.query_one("#search-results", OptionList)
        if self._hits:
            results.focus()

    def run_search(self, query: str, keep: bool = False) -> None:
        results = self.query_one("#search-results", OptionList)
        was = results.highlighted if keep else None
        self.result = search_corpus(self.corpus, query) if query.strip() else SearchResult("")
        results.clear_options()
        self._hits = []
        options: list[Option] = []
        for group in self.result.groups:
            article = self.corpus.articles[group.article]
            meta = " · ".join(x for x in (article.meta.outlet, article.meta.published) if x)
            head = Text.assemble(
                safe_line(one_line(group.title, 70), "bold"),
                "  ",
                safe_line(f"{group.article[:3]} {meta}", "dim"),
                (f"  ({len(group.hits)})", "dim"),
            )
            options.append(Option(head, disabled=True))
            for hit in group.hits:
                options.append(Option(hit_prompt(hit), id=str(len(self._hits))))
                self._hits.append(hit)
        results.add_options(options)
        title = self.result.describe() if query.strip() else "Type a query, then enter"
        results.border_title = safe_line(title)
        self.query_one("#search-title", Static).update(
            Text.assemble(safe_line(title, "bold"), ("  ⏎ open, then n/N · / edit · esc close", "dim"))
        )
        if options:
            first = next(i for i, o in enumerate(options) if not o.disabled)
            results.highlighted = (
                was if was is not None and was < len(options) and not options[was].disabled else first
            )

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        hit = self._hits[int(event.option.id or 0)]
        if hit.start < 0:
            self.notify(
                "This result belongs to an annotation that is not anchored in its article.",
                severity="warning",
                markup=False,
            )
            return
        self.app.pop_screen()
        self.on_open(self.result, hit)

    def action_edit_query(self) -> None:
        self.query_one("#search-input").focus()

    def action_close(self) -> None:
        box = self.query_one("#search-input", Input)
        if box.has_focus and self._hits:
            self.query_one("#search-results").focus()
            return
        self.app.pop_screen()
