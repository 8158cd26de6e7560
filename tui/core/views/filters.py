"""A combinable filter of annotations, and sources as one across articles.

Facets combine with AND; the values within one facet with OR, so "claims by
the Pentagon or KCNA, disputed, since Monday" is one `Filter`. Source names
are compared by `source_key`: case, typography and spacing folded, then a
small explicit alias table, so "Pentagon" in one article and "US Department
of Defense" in another are the same source. The alias table is deliberately
short: a wrong alias silently merges two sources, so only names that always
mean the same body belong in it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TypedDict, Unpack

from tui.core.document.text import fold
from tui.core.model.annotations import KINDS, VERDICTS, Annotation
from tui.core.model.corpus import Corpus
from tui.core.views.days import record_day

# folded alias -> folded canonical name. Keep it small and unambiguous.
SOURCE_ALIASES: dict[str, str] = {
    "pentagon": "us department of defense",
    "das pentagon": "us department of defense",
    "us-verteidigungsministerium": "us department of defense",
    "us verteidigungsministerium": "us department of defense",
    "department of defense": "us department of defense",
    "u.s. department of defense": "us department of defense",
    "russisches verteidigungsministerium": "russian ministry of defence",
    "russian ministry of defense": "russian ministry of defence",
    "kremlin": "russian government",
    "kreml": "russian government",
}


def source_key(name: str) -> str:
    """The one spelling a source name is compared by across articles."""
    key = " ".join(fold(name).casefold().split()).strip(" .,;:'\"")
    return SOURCE_ALIASES.get(key, key)


def short_name(name: str, width: int = 24) -> str:
    """A source name short enough for a table cell: 'HUR (Ukrainian ...)' -> 'HUR'."""
    flat = " ".join(name.split())
    head = flat.split(" (", 1)[0] if " (" in flat and not flat.startswith("(") else flat
    return head if len(head) <= width else head[: width - 1] + "…"


def source_of(corpus: Corpus, claim: Annotation) -> Annotation | None:
    """The source annotation a claim rests on (same article or `<article>#<id>`)."""
    if not claim.source:
        return None
    found = corpus.get(claim.source, claim.article)
    return found if found is not None and found.kind == "source" else None


def source_label(source: Annotation) -> str:
    """A source's name: its normalised `name`, else its quoted words."""
    return source.name or (source.anchor.quote if source.anchor else source.id)


def claim_source_name(corpus: Corpus, claim: Annotation) -> str:
    source = source_of(corpus, claim)
    return source_label(source) if source is not None else ""


def verdict_value(corpus: Corpus, claim: Annotation, reviewer: str | None = None) -> str:
    verdict = corpus.verdict_of(claim.ref, reviewer or None)
    return verdict.value if verdict is not None else "unreviewed"


def review_day(corpus: Corpus, a: Annotation, reviewer: str | None = None) -> date | None:
    """The day an annotation was last worked on: a claim's verdict, else its own stamp."""
    if a.kind == "claim":
        verdict = corpus.verdict_of(a.ref, reviewer or None)
        if verdict is not None:
            return record_day(verdict.modified or verdict.created)
    return record_day(a.modified or a.created)


def _folded(values: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(fold(v).casefold().split()) for v in values if v.strip())


class FilterChanges(TypedDict, total=False):
    """The facets `Filter.replace` may change."""

    kinds: frozenset[str]
    topics: frozenset[str]
    tags: frozenset[str]
    sources: frozenset[str]
    verdicts: frozenset[str]
    authors: frozenset[str]
    unsourced: bool
    contradicted: bool
    since: date | None
    until: date | None


@dataclass(frozen=True)
class Filter:
    """Which annotations to list. Empty facets let everything through."""

    kinds: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()  # source names, any spelling (see source_key)
    verdicts: frozenset[str] = frozenset()
    authors: frozenset[str] = frozenset()
    unsourced: bool = False  # claims without a source
    contradicted: bool = False  # claims in a contradiction
    since: date | None = None  # day of the verdict or note, inclusive
    until: date | None = None

    @classmethod
    def of(
        cls,
        *,
        kinds: Iterable[str] = (),
        topics: Iterable[str] = (),
        tags: Iterable[str] = (),
        sources: Iterable[str] = (),
        verdicts: Iterable[str] = (),
        authors: Iterable[str] = (),
        unsourced: bool = False,
        contradicted: bool = False,
        since: date | None = None,
        until: date | None = None,
    ) -> Filter:
        """Build from plain lists; unknown kinds or verdicts are a ValueError."""
        bad = [k for k in kinds if k not in KINDS] + [v for v in verdicts if v not in VERDICTS]
        if bad:
            raise ValueError(f"unknown kind or verdict: {', '.join(bad)}")

        def kept(values: Iterable[str]) -> frozenset[str]:
            return frozenset(" ".join(v.split()) for v in values if v.strip())

        return cls(
            frozenset(kinds),
            kept(topics),
            kept(tags),
            kept(sources),
            frozenset(verdicts),
            frozenset(authors),
            unsourced,
            contradicted,
            since,
            until,
        )

    @cached_property
    def _keys(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """Topics, tags and sources as compared: folded once per filter."""
        return (_folded(self.topics), _folded(self.tags), frozenset(source_key(s) for s in self.sources))

    def replace(self, **changes: Unpack[FilterChanges]) -> Filter:
        return dataclasses.replace(self, **changes)

    @property
    def empty(self) -> bool:
        return self == Filter()

    @property
    def claims_only(self) -> bool:
        """Facets that only a claim can meet."""
        return bool(self.verdicts or self.sources or self.unsourced or self.contradicted)

    def describe(self, count: int | None = None) -> str:
        """A short title such as 'claims · source US Department of Defense (3)'.

        The count comes last and outside any shortening, so a title cut to a
        width by the caller should cut the facets, never the count."""
        parts: list[str] = []
        kinds = set(self.kinds) or ({"claim"} if self.claims_only else set())
        parts.append(" + ".join(k + "s" for k in KINDS if k in kinds) or "all")
        for label, values in (
            ("topic", self.topics),
            ("tag", self.tags),
            ("source", self.sources),
            ("verdict", self.verdicts),
            ("by", self.authors),
        ):
            if values:
                parts.append(f"{label} {' or '.join(sorted(values))}")
        if self.unsourced:
            parts.append("without a source")
        if self.contradicted:
            parts.append("in a contradiction")
        if self.since and self.until:
            parts.append(f"{self.since.isoformat()} to {self.until.isoformat()}")
        elif self.since:
            parts.append(f"since {self.since.isoformat()}")
        elif self.until:
            parts.append(f"until {self.until.isoformat()}")
        text = " · ".join(parts)
        return f"{text} ({count})" if count is not None else text

    def matches(
        self, corpus: Corpus, a: Annotation, reviewer: str | None = None, contradicted: set[str] | None = None
    ) -> bool:
        """Whether one annotation passes. `contradicted` caches corpus.contradiction_refs()."""
        if self.kinds and a.kind not in self.kinds:
            return False
        if self.claims_only and a.kind != "claim":
            return False
        topics, tags, sources = self._keys
        if topics and " ".join(fold(a.topic).casefold().split()) not in topics:
            return False
        if tags and not (_folded(a.tags) & tags):
            return False
        if self.authors and a.author not in self.authors:
            return False
        if self.unsourced and source_of(corpus, a) is not None:
            return False
        if self.sources:
            source = source_of(corpus, a)
            if source is None or source_key(source_label(source)) not in sources:
                return False
        if self.verdicts and verdict_value(corpus, a, reviewer) not in self.verdicts:
            return False
        if self.contradicted:
            refs = contradicted if contradicted is not None else corpus.contradiction_refs()
            if a.ref not in refs:
                return False
        if self.since or self.until:
            day = review_day(corpus, a, reviewer)
            if day is None or (self.since and day < self.since) or (self.until and day > self.until):
                return False
        return True

    def apply(
        self, corpus: Corpus, article_ids: Iterable[str] | None = None, reviewer: str | None = None
    ) -> list[Annotation]:
        """Matching annotations, article by article in text order (orphans last)."""
        refs = corpus.contradiction_refs() if self.contradicted else None
        ids = list(article_ids) if article_ids is not None else list(corpus.articles)
        found: list[Annotation] = []
        for aid in ids:
            items = [a for a in corpus.annotations.get(aid, []) if self.matches(corpus, a, reviewer, refs)]
            found += sorted(items, key=text_order)
        return found


def text_order(a: Annotation) -> tuple[int, int]:
    return (a.start, a.end) if a.resolution.resolved else (1 << 60, 0)


@dataclass(frozen=True)
class SourceUse:
    """Every claim resting on one source, across the corpus, grouped by article."""

    key: str
    names: tuple[str, ...]  # every spelling met, for "also called"
    sources: tuple[Annotation, ...]  # the source annotations that are this source
    claims: tuple[tuple[str, tuple[Annotation, ...]], ...]  # (article id, claims in text order)

    @property
    def count(self) -> int:
        return sum(len(items) for _, items in self.claims)


def claims_resting_on(corpus: Corpus, source: Annotation | str) -> SourceUse:
    """The claims across the corpus whose source is this one (by normalised name)."""
    key = source_key(source if isinstance(source, str) else source_label(source))
    sources = [
        a
        for items in corpus.annotations.values()
        for a in items
        if a.kind == "source" and source_key(source_label(a)) == key
    ]
    names = tuple(dict.fromkeys(source_label(a) for a in sources))
    use = Filter(sources=frozenset({key}))  # a key is its own key
    grouped: dict[str, list[Annotation]] = {}
    for claim in use.apply(corpus):
        grouped.setdefault(claim.article, []).append(claim)
    return SourceUse(key, names, tuple(sources), tuple((aid, tuple(items)) for aid, items in grouped.items()))


def all_sources(corpus: Corpus) -> list[tuple[str, str, int]]:
    """(key, display name, claims resting on it) for every source, most used first."""
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for items in corpus.annotations.values():
        for a in items:
            if a.kind == "source":
                names.setdefault(source_key(source_label(a)), source_label(a))
            elif a.kind == "claim" and (source := source_of(corpus, a)) is not None:
                key = source_key(source_label(source))
                counts[key] = counts.get(key, 0) + 1
    return sorted(
        ((k, n, counts.get(k, 0)) for k, n in names.items()), key=lambda row: (-row[2], row[1].casefold())
    )


def values_of(corpus: Corpus, facet: str) -> list[str]:
    """The choices a filter form offers for 'topic', 'tag' or 'author'."""
    found: set[str] = set()
    for items in corpus.annotations.values():
        for a in items:
            if facet == "topic" and a.topic:
                found.add(a.topic)
            elif facet == "tag":
                found.update(a.tags)
            elif facet == "author" and a.author:
                found.add(a.author)
    if facet == "author":
        found.update(v.author for vs in corpus.verdicts.values() for v in vs if v.author)
    return sorted(found, key=str.casefold)
