"""The claim matrix: one row per topic (and tag), one column per article.

Each cell lists that article's claims on the row's topic, each as a short
text with the key figure or date first, the source's short name and the
verdict mark, so "every troop figure in every article" is one row to read
across. A row whose figures cannot all be true, or whose claims a curated
`contradicts` link joins, sorts first: that is where a fact-checker starts.

Pure data: the TUI draws it, `crossread export --format matrix` writes it
(see `matrix_export`). Rebuild it after a `ChangeSet` whose records touch
claims, verdicts or links; building is linear in the claims.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from tui.core.document.text import fold
from tui.core.model.annotations import Annotation
from tui.core.model.corpus import Corpus
from tui.core.views.filters import claim_source_name, short_name, text_order, verdict_value

if TYPE_CHECKING:
    from tui.core.analysis.suggest import Suggestion

# One narrow character each: cells are measured one column per character.
VERDICT_MARKS = {"unreviewed": "", "supported": "✓", "disputed": "!", "false": "✗", "unverifiable": "?"}
CONFLICT_MARK = "≠"  # the claim is in a curated contradiction with another in the row
SUGGESTED_MARK = "≠?"  # only the analysis (issue 15) suggests that contradiction
NO_TOPIC = "(no topic)"
_YEARS = range(1900, 2101)


@dataclass(frozen=True)
class Figure:
    """The words of a claim that carry its number or date, and the range they allow."""

    text: str
    kind: str  # "number", "date" or "" (no figure: the cell shows the claim's first words)
    low: float | None = None
    high: float | None = None
    unit: str = ""


def claim_words(corpus: Corpus, claim: Annotation) -> str:
    """The claim's words as the article has them (the quote when it is an orphan)."""
    article = corpus.articles.get(claim.article)
    if claim.resolution.resolved and article is not None:
        return article.text[claim.start : claim.end]
    return claim.anchor.quote if claim.anchor else claim.text


def _published(corpus: Corpus, article_id: str) -> date | None:
    article = corpus.articles.get(article_id)
    try:
        return date.fromisoformat(article.meta.published.strip()[:10]) if article else None
    except ValueError:
        return None


def key_figure(corpus: Corpus, claim: Annotation) -> Figure:
    """The figure that stands out: a count or amount, else a date.

    Years and the numbers inside a date are not counts. A curated `value`
    (issue 10's structured claims) overrides the range read from the words;
    a curated `as_of` stands in for a date only on a claim about an `event`,
    since elsewhere it is context, and the claim's words say more.
    """
    words = " ".join(claim_words(corpus, claim).split())
    article = corpus.articles.get(claim.article)
    language = ((article.meta.language if article else "") or "de")[:2].lower()
    value = (float(claim.value[0]), float(claim.value[1])) if claim.value else None
    return _figure(
        words,
        language,
        _published(corpus, claim.article),
        value,
        claim.unit,
        claim.as_of if claim.event else "",
    )


@lru_cache(maxsize=65536)
def _figure(
    words: str,
    language: str,
    published: date | None,
    value: tuple[float, float] | None,
    unit: str,
    event_date: str,
) -> Figure:
    """key_figure on plain values, cached: the matrix is rebuilt after every
    verdict, and reading figures is the only costly part of a rebuild."""
    from tui.core.analysis.dates import dates
    from tui.core.analysis.numbers import quantities

    found_dates = dates(words, published, language)
    for q in quantities(words, 0, language):
        if any(d.start <= q.start and q.end <= d.end for d in found_dates):
            continue
        if (
            q.value in _YEARS
            and q.value == int(q.value)
            and not q.hedge
            and not q.unit
            and q.text.strip().isdigit()
        ):
            continue
        low, high = value if value else (q.low, q.high)
        return Figure(q.text.strip(), "number", low, high, unit or q.unit)
    if value:
        low, high = value
        shown = f"{low:g}" if low == high else f"{low:g}–{high:g}"
        return Figure(f"{shown} {unit}".strip(), "number", low, high, unit)
    if found_dates:
        return Figure(found_dates[0].text.strip(), "date")
    if event_date:  # a dated claim about an event: the date is the point
        return Figure(event_date, "date")
    return Figure("", "")


def first_words(text: str, width: int = 32) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


@dataclass(frozen=True)
class Entry:
    """One claim in a cell."""

    claim: Annotation
    figure: Figure
    source: str  # the source's full name ('' when the claim names none)
    verdict: str  # 'unreviewed' when there is none
    conflict: bool  # a curated contradiction joins it to another claim of the row
    words: str  # the claim's words, whole
    suggested: bool = False  # a suggested (not curated) contradiction does

    @property
    def short(self) -> str:
        """The cell text: '≠ etwa 10.000 (Pentagon) ✓'."""
        return self.text()

    def text(self, full: bool = False) -> str:
        """Short for a screen; `full` keeps the whole source name and more words,
        for exports, where a cut name would lose information."""
        head = self.figure.text or first_words(self.words, 60 if full else 32)
        parts = [CONFLICT_MARK] if self.conflict else [SUGGESTED_MARK] if self.suggested else []
        parts.append(head)
        if self.source:
            parts.append(f"({self.source if full else short_name(self.source)})")
        if VERDICT_MARKS.get(self.verdict):
            parts.append(VERDICT_MARKS[self.verdict])
        return " ".join(parts)

    @property
    def detail(self) -> str:
        """The claim in full, for the line below the table."""
        source = f" — {self.source}" if self.source else " — no source"
        verdict = "" if self.verdict == "unreviewed" else f" [{self.verdict}]"
        conflict = (
            " (in a contradiction in this row)"
            if self.conflict
            else " (a suggested contradiction in this row)"
            if self.suggested
            else ""
        )
        return f"“{' '.join(self.words.split())}”{source}{verdict}{conflict}"


@dataclass(frozen=True)
class Cell:
    article: str
    entries: tuple[Entry, ...] = ()

    @property
    def conflict(self) -> bool:
        return any(e.conflict for e in self.entries)

    @property
    def suggested(self) -> bool:
        return any(e.suggested for e in self.entries)

    def text(self, separator: str = "; ", full: bool = False) -> str:
        return separator.join(e.text(full) for e in self.entries)

    def details(self) -> list[str]:
        return [e.detail for e in self.entries]


@dataclass(frozen=True)
class Column:
    article: str
    title: str
    outlet: str
    published: str

    @property
    def label(self) -> str:
        """A short heading: the id's first three characters and the outlet or title."""
        name = self.outlet or self.title
        return f"{self.article[:3]} {first_words(name, 20)}".strip()

    @property
    def heading(self) -> str:
        """The full heading for a spreadsheet: id, title, outlet and date."""
        extra = ", ".join(x for x in (self.outlet, self.published) if x)
        return f"{self.article}: {self.title}" + (f" ({extra})" if extra else "")


@dataclass(frozen=True)
class Row:
    label: str  # the topic as written, or '#tag'
    kind: str  # 'topic', 'tag' or 'none'
    cells: tuple[Cell, ...]  # one per column, in column order
    conflict: bool  # a curated contradiction joins two of its claims
    disagree: bool  # its figures cannot all be true, or a contradiction (curated or
    # suggested) joins two of its claims

    @property
    def articles(self) -> int:
        """How many columns have a claim in this row."""
        return sum(1 for c in self.cells if c.entries)

    def claims(self) -> list[Annotation]:
        return [e.claim for c in self.cells for e in c.entries]

    def matches(self, query: str) -> bool:
        """Filter by topic or tag: the label contains it, or a claim of the row has
        it as its topic or one of its tags (case, spacing and typography folded)."""
        wanted = _key(query.lstrip("#"))
        if not wanted:
            return True
        if wanted in _key(self.label.lstrip("#")):
            return True
        return any(wanted == _key(c.topic) or wanted in {_key(t) for t in c.tags} for c in self.claims())


@dataclass(frozen=True)
class Matrix:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    query: str = ""  # the row filter applied, '' for none
    reviewer: str = field(default="")

    def filtered(self, query: str) -> Matrix:
        """Only the rows of one topic or tag (see Row.matches)."""
        return Matrix(
            self.columns, tuple(r for r in self.rows if r.matches(query)), query.strip(), self.reviewer
        )

    def row(self, label: str) -> Row | None:
        return next((r for r in self.rows if _key(r.label) == _key(label)), None)

    def describe(self) -> str:
        """A title: 'Claim matrix · 25 rows × 5 articles · filter troops'."""
        text = f"Claim matrix · {len(self.rows)} rows × {len(self.columns)} articles"
        return text + (f" · filter {self.query}" if self.query else "")


def _key(text: str) -> str:
    return " ".join(fold(text).casefold().split())


def _ranges_disagree(figures: list[Figure]) -> bool:
    """Two figures of the same unit whose ranges do not overlap cannot both be true."""
    numbers = [
        (f.unit, f.low, f.high)
        for f in figures
        if f.kind == "number" and f.low is not None and f.high is not None
    ]
    for i, (unit, low, high) in enumerate(numbers):
        for other_unit, other_low, other_high in numbers[i + 1 :]:
            if unit == other_unit and (high < other_low or other_high < low):
                return True
    return False


def _suggested_pairs(corpus: Corpus, suggestions: Iterable[Suggestion]) -> dict[str, set[str]]:
    """Claims that a suggested contradiction joins: each member span is taken to
    be every claim of its article that overlaps it."""
    joined: dict[str, set[str]] = {}
    for suggestion in suggestions:
        if suggestion.relation != "contradicts":
            continue
        refs = {
            c.ref
            for m in suggestion.members
            for c in corpus.annotations.get(m.article, [])
            if c.kind == "claim" and c.resolution.resolved and c.start < m.end and m.start < c.end
        }
        for ref in refs:
            joined.setdefault(ref, set()).update(refs - {ref})
    return joined


def build_matrix(
    corpus: Corpus,
    article_ids: list[str] | None = None,
    reviewer: str | None = None,
    tags: bool = True,
    suggestions: Iterable[Suggestion] | None = None,
) -> Matrix:
    """Rows for every topic (and, with `tags`, every tag as '#tag'), columns for
    the given articles (all by default). Disagreeing rows first, then the rows
    that span the most articles, then by name. Pass the analysis's suggestions
    (`tui.core.analysis.suggest_corpus`) to mark suggested contradictions too."""
    ids = [a for a in (article_ids if article_ids is not None else corpus.articles) if a in corpus.articles]
    columns = tuple(
        Column(
            aid,
            corpus.articles[aid].title,
            corpus.articles[aid].meta.outlet,
            corpus.articles[aid].meta.published,
        )
        for aid in ids
    )
    groups: dict[tuple[str, str], tuple[str, list[Annotation]]] = {}
    for claim in sorted(corpus.claims(ids), key=lambda c: (ids.index(c.article), text_order(c))):
        keys = [("topic", claim.topic)] if claim.topic.strip() else []
        if tags:
            keys += [("tag", t) for t in claim.tags if t.strip()]
        if not keys:
            keys = [("none", NO_TOPIC)]
        for kind, label in keys:
            shown = label if kind != "tag" else f"#{' '.join(label.split())}"
            groups.setdefault((kind, _key(label)), (shown, []))[1].append(claim)
    contradicting: dict[str, set[str]] = {}
    for link in corpus.links:
        if link.relation == "contradicts":
            for ref in link.members:
                contradicting.setdefault(ref, set()).update(m for m in link.members if m != ref)
    suggested = _suggested_pairs(corpus, suggestions or [])
    entries_of: dict[str, Entry] = {}
    rows: list[Row] = []
    for (kind, _), (label, claims) in groups.items():
        refs = {c.ref for c in claims}
        cells = []
        for column in columns:
            entries = []
            for claim in (c for c in claims if c.article == column.article):
                conflict = bool(contradicting.get(claim.ref, set()) & refs)
                hinted = not conflict and bool(suggested.get(claim.ref, set()) & refs)
                base = entries_of.get(claim.ref)
                if base is None:
                    base = entries_of[claim.ref] = Entry(
                        claim,
                        key_figure(corpus, claim),
                        claim_source_name(corpus, claim),
                        verdict_value(corpus, claim, reviewer),
                        False,
                        claim_words(corpus, claim),
                    )
                entries.append(
                    Entry(base.claim, base.figure, base.source, base.verdict, conflict, base.words, hinted)
                )
            cells.append(Cell(column.article, tuple(entries)))
        conflict = any(c.conflict for c in cells)
        disagree = (
            conflict
            or any(c.suggested for c in cells)
            or _ranges_disagree([e.figure for c in cells for e in c.entries])
        )
        rows.append(Row(label, kind, tuple(cells), conflict, disagree))
    order = {"topic": 0, "tag": 1, "none": 2}
    rows.sort(key=lambda r: (not r.disagree, order[r.kind], -r.articles, _key(r.label)))
    return Matrix(columns, tuple(rows), "", reviewer or "")
