"""What the articles list says about one article: four fixed lines.

Kept apart from the widget so that the text of a row can be tested without a
terminal, and so that every row has the same height: the list then knows where
any row is without measuring the others (2,000 wrapped rows took 40 ms).
"""

from __future__ import annotations

from typing import NamedTuple

from tui.core.model.corpus import Corpus

ROW_LINES = 4  # the title on up to two lines, outlet and date, counts (blank lines last)


class ArticleRow(NamedTuple):
    title: str
    meta: str  # outlet · published, or the id when neither is known
    counts: str
    short: str  # shown when `counts` does not fit (C, S, N as in the annotations list)


def article_row(corpus: Corpus, article_id: str) -> ArticleRow:
    """The row of an article; its strings are raw file text, escaped by the widget."""
    article = corpus.articles[article_id]
    counts = corpus.counts(article_id)
    meta = " · ".join(x for x in (article.meta.outlet, article.meta.published) if x)
    return ArticleRow(
        " ".join(article.title.split()),
        meta or article_id,
        f"{counts.claims} claims {counts.sources} src {counts.contradictions} contra {counts.notes} notes",
        f"{counts.claims} C  {counts.sources} S  {counts.contradictions} contra  {counts.notes} N",
    )
