"""Automatic suggestions of contradictions, corroborations, updates and name
variants across articles (issue 15). Pure, rule-based, deterministic and
offline: no textual or rich, no model weights.

    suggestions = suggest(documents)          # list[Suggestion], best first
    suggestions = suggest_corpus(corpus)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tui.core.analysis.claims import Analysis, Document, Event, Figure, analyse_document
from tui.core.analysis.name_pairs import name_suggestions
from tui.core.analysis.names import names
from tui.core.analysis.places import place_variants
from tui.core.analysis.stance import stance_suggestions, with_translations
from tui.core.analysis.suggest import RELATIONS, Member, Suggestion, pair_all
from tui.core.analysis.workers import Stated, Stopped, Stopper, analyse_all, statements_of
from tui.core.files.entities import Entity

__all__ = [
    "RELATIONS",
    "Analysis",
    "Document",
    "Event",
    "Figure",
    "Member",
    "Stopped",
    "Stopper",
    "Suggestion",
    "analyse_document",
    "documents",
    "suggest",
    "suggest_corpus",
    "to_json",
]


def suggest(
    docs: list[Document],
    min_score: float = 0.0,
    analyses: list[Analysis] | None = None,
    entities: Sequence[Entity] = (),
    stopper: Stopper | None = None,
) -> list[Suggestion]:
    """Every proposal, highest score first, ties broken by id: a stable order.

    `analyses` of these documents, when the caller has them, are used instead of
    reading every article again. `entities` (annotations/entities.yaml) are
    confirmed aliases, never proposed as variants or possible errors. A
    `stopper` stopped from another thread ends the work with `Stopped`."""
    owned = analyses is None
    stated: Stated = {}
    if analyses is None:
        analyses, stated = analyse_all(docs, stopper=stopper)
    analyses = sorted(analyses, key=lambda a: a.document.id)
    found = pair_all(analyses)
    if stopper is not None and stopper.stopped:
        raise Stopped
    if owned:
        # Figures and events are paired now; what comes next reads sentences and text. Let
        # them go before statements are built: the peak memory is what the reader keeps.
        for a in analyses:
            a.figures.clear()
            a.events.clear()
    # the weaker rules (few shared words, a first name) hold within one story, not an archive
    keywords = {a.document.id: a.keywords for a in analyses}
    made = [s for a in analyses for s in statements_of(a, stated)]
    found += stance_suggestions(with_translations(made), keywords)
    people = names(analyses)
    found += name_suggestions(people, entities, keywords)
    found += place_variants(analyses, people, keywords)
    unique = {s.id: s for s in found}
    return sorted((s for s in unique.values() if s.score >= min_score), key=lambda s: (-s.score, s.id))


def _published(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def documents(corpus: object) -> list[Document]:
    """A loaded `tui.core.model.corpus.Corpus` as analysis input."""
    articles = getattr(corpus, "articles", {})
    return [
        Document(
            aid,
            art.text,
            _published(art.meta.published),
            (art.meta.language or "de")[:2].lower(),
            art.meta.outlet,
        )
        for aid, art in articles.items()
    ]


def suggest_corpus(
    corpus: object, min_score: float = 0.0, stopper: Stopper | None = None
) -> list[Suggestion]:
    return suggest(documents(corpus), min_score, entities=getattr(corpus, "entities", ()), stopper=stopper)


def to_json(corpus_name: str, suggestions: list[Suggestion]) -> dict[str, object]:
    """The `crossread suggest --format json` object."""
    return {
        "corpus": corpus_name,
        "suggestions": [
            {
                "id": s.id,
                "relation": s.relation,
                "reason": s.reason,
                "summary": s.summary,
                "score": s.score,
                "members": [
                    {"article": m.article, "start": m.start, "end": m.end, "text": m.text} for m in s.members
                ],
                "details": {k: v for k, v in s.details},
            }
            for s in suggestions
        ],
    }
