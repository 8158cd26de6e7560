"""Corpus-wide search: one query over every article's text and annotations.

Matching folds exactly as in-article search does (`Folded`, then lower
case), so a result found here is found again by `/` in the pane it opens in.
Besides the article text, the words people wrote about it are searched too:
note texts and comments, link summaries, and source names; each such hit
says which field it came from and points at the annotation it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.core.document.intervals import IntervalIndex
from tui.core.document.text import escape_line
from tui.core.document.text import find_folded as find_all
from tui.core.model.annotations import Annotation, Link, split_ref
from tui.core.model.corpus import Corpus
from tui.core.views.filters import text_order

CONTEXT = 30  # characters of context on each side of a match
MAX_HITS = 2000  # enough to read; a one-letter query on a 5 MB corpus stops here
TEXT, NOTE, COMMENT, SUMMARY, SOURCE_NAME = "text", "note", "comment", "summary", "source name"


def snippet(text: str, start: int, end: int, context: int = CONTEXT) -> tuple[str, int, int]:
    """The match with some words around it, on one line and escaped for a
    terminal, and where the match lies in it (for highlighting)."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    if left > 0 and " " in text[left:start]:
        left = text.index(" ", left, start) + 1  # start on a word
    if right < len(text) and " " in text[end:right]:
        right = text.rindex(" ", end, right)
    head = ("…" if left > 0 else "") + escape_line(" ".join(text[left:start].split()))
    if text[left:start][-1:].isspace() and head:
        head += " "
    match = escape_line(" ".join(text[start:end].split()))
    tail_words = " ".join(text[end:right].split())
    tail = (" " if text[end:right][:1].isspace() and tail_words else "") + escape_line(tail_words)
    tail += "…" if right < len(text) else ""
    return head + match + tail, len(head), len(head) + len(match)


@dataclass(frozen=True)
class Hit:
    """One match. `start`/`end` are offsets in the article text to jump to: the
    match itself for a text hit, the annotation's span for a field hit (-1
    when that annotation is not anchored)."""

    article: str
    start: int
    end: int
    field: str  # TEXT, NOTE, COMMENT, SUMMARY or SOURCE_NAME
    snippet: str
    mark: tuple[int, int]  # the match within the snippet
    annotation: Annotation | None = None  # the annotation it falls in, or whose field matched
    link: Link | None = None  # for SUMMARY hits

    @property
    def where(self) -> str:
        """'in claim troops-11k', 'note on kcna', 'link summary', ''."""
        if self.field == SUMMARY and self.link is not None:
            return f"summary of link {self.link.id}"
        if self.annotation is None:
            return ""
        a = self.annotation
        return {
            TEXT: f"in {a.kind} {a.id}",
            NOTE: f"note {a.id}",
            COMMENT: f"comment on {a.kind} {a.id}",
            SOURCE_NAME: f"name of source {a.id}",
        }.get(self.field, f"{self.field} {a.id}")


@dataclass(frozen=True)
class ArticleHits:
    article: str
    title: str
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class SearchResult:
    query: str
    groups: tuple[ArticleHits, ...] = ()
    truncated: bool = False  # stopped at MAX_HITS
    hits: tuple[Hit, ...] = field(default=())  # every hit, in group order: n/N walk this

    @property
    def count(self) -> int:
        return len(self.hits)

    def describe(self) -> str:
        """A title: '"Kursk": 23 matches in 4 articles'."""
        if not self.hits:
            return f"“{escape_line(self.query)}”: no matches"
        more = "+" if self.truncated else ""
        plural = "es" if self.count != 1 else ""
        return (
            f"“{escape_line(self.query)}”: {self.count}{more} match{plural} in "
            f"{len(self.groups)} article{'s' if len(self.groups) != 1 else ''}"
        )

    def next_after(self, article: str, offset: int, backwards: bool = False) -> Hit | None:
        """The hit after (or before) a place in an article, wrapping across articles:
        what n / N go to once a result is open."""
        if not self.hits:
            return None
        order = [g.article for g in self.groups]
        rank = order.index(article) if article in order else -1

        def key(h: Hit) -> tuple[int, int]:
            return order.index(h.article), h.start if h.start >= 0 else 1 << 60

        here = (rank, offset)
        ahead = [h for h in self.hits if (key(h) < here if backwards else key(h) > here)]
        if not ahead:
            return self.hits[-1] if backwards else self.hits[0]
        return max(ahead, key=key) if backwards else min(ahead, key=key)


def _innermost(index: IntervalIndex[Annotation], start: int, end: int) -> Annotation | None:
    """The smallest annotation covering the whole match (claims before sources and notes
    of the same size), or None."""
    found = [a for s, e, a in index.overlapping(start, end) if s <= start and end <= e]
    rank = {"claim": 0, "source": 1, "note": 2}
    return min(found, key=lambda a: (a.end - a.start, rank.get(a.kind, 3)), default=None)


def _field_hits(
    text: str,
    query: str,
    article: str,
    fieldname: str,
    annotation: Annotation | None,
    link: Link | None = None,
    place: tuple[int, int] | None = None,
) -> list[Hit]:
    if place is None:
        place = (
            (annotation.start, annotation.end)
            if annotation is not None and annotation.resolution.resolved
            else (-1, -1)
        )
    hits = []
    for s, e in find_all(text, query):
        shown, a, b = snippet(text, s, e)
        hits.append(Hit(article, place[0], place[1], fieldname, shown, (a, b), annotation, link))
    return hits


def search_corpus(
    corpus: Corpus,
    query: str,
    article_ids: list[str] | None = None,
    fields: bool = True,
    limit: int = MAX_HITS,
) -> SearchResult:
    """Every match of `query` across the articles (all by default), grouped by
    article in corpus order and, within one, in text order; with `fields`, the
    annotations' own words are searched too."""
    ids = [a for a in (article_ids if article_ids is not None else corpus.articles) if a in corpus.articles]
    summaries: dict[str, list[tuple[Link, str]]] = {}
    if fields:
        for link in corpus.links:
            if link.summary and link.members:
                first = split_ref(link.members[0])[0]
                summaries.setdefault(first, []).append((link, link.members[0]))
    groups: list[ArticleHits] = []
    every: list[Hit] = []
    truncated = False
    for aid in ids:
        article = corpus.articles[aid]
        items = corpus.annotations.get(aid, [])
        index = IntervalIndex(
            (a.start, a.end, a) for a in items if a.resolution.resolved and a.anchor is not None
        )
        found: list[tuple[tuple[int, int, int], Hit]] = []
        for s, e in find_all(article.text, query):
            shown, lo, hi = snippet(article.text, s, e)
            hit = Hit(aid, s, e, TEXT, shown, (lo, hi), _innermost(index, s, e))
            found.append(((s, 0, e), hit))
        if fields:
            for a in sorted(items, key=text_order):
                order = text_order(a)
                if a.kind == "note" or (a.text and a.kind in ("claim", "source")):
                    name = NOTE if a.kind == "note" else COMMENT
                    found += [((order[0], 1, order[1]), h) for h in _field_hits(a.text, query, aid, name, a)]
                if a.kind == "source" and a.name:
                    found += [
                        ((order[0], 1, order[1]), h) for h in _field_hits(a.name, query, aid, SOURCE_NAME, a)
                    ]
            for link, ref in summaries.get(aid, []):
                member = corpus.get(ref)
                place = (
                    (member.start, member.end)
                    if member is not None and member.resolution.resolved
                    else (-1, -1)
                )
                found += [
                    (((place[0] if place[0] >= 0 else 1 << 60), 2, place[1]), h)
                    for h in _field_hits(link.summary, query, aid, SUMMARY, member, link, place)
                ]
        found.sort(key=lambda pair: pair[0])
        hits = [h for _, h in found]
        if len(every) + len(hits) > limit:
            hits = hits[: max(0, limit - len(every))]
            truncated = True
        if hits:
            groups.append(ArticleHits(aid, article.title, tuple(hits)))
            every += hits
        if truncated:
            break
    return SearchResult(query, tuple(groups), truncated, tuple(every))
