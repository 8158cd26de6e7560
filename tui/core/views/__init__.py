"""Cross-article views (issue 16), pure: no textual, no rich.

    matrix.build_matrix(corpus, article_ids=None, reviewer=None) -> Matrix
        Matrix.rows / .columns / .filtered(query) / .row(label) / .describe()
    matrix_export.matrix_export(corpus, "csv" | "md") -> str
    search.search_corpus(corpus, query, article_ids=None, fields=True) -> SearchResult
        SearchResult.groups / .hits / .next_after(article, offset, backwards) / .describe()
    filters.Filter.of(kinds=, topics=, tags=, sources=, verdicts=, authors=,
                      unsourced=, contradicted=, since=, until=)
        Filter.apply(corpus, article_ids=None, reviewer=None) / .matches(...) / .describe(count)
    filters.claims_resting_on(corpus, source) -> SourceUse (grouped by article)
    history.history(corpus, author, day=None, kinds=()) -> list[Event]
    refresh.stale_views(changes) -> which of the above a ChangeSet makes stale

Each view is rebuilt from the corpus, which the change seam keeps current;
`stale_views` says which ones a change touched. Strings are raw file text
(escape them on the way to a screen), except search snippets, which are
escaped already so that their match offsets hold on screen.
"""
