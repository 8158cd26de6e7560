"""`crossread check` output: human lines or one JSON document."""

from __future__ import annotations

from typing import Any

from tui.core.document.text import escape_line, json_text
from tui.core.model.annotations import split_ref
from tui.core.model.corpus import Corpus


def human(corpus: Corpus) -> str:
    lines = [
        escape_line(d.format(corpus.root))
        for d in sorted(corpus.diagnostics, key=lambda d: (str(d.path), d.line, d.column))
    ]
    counts = corpus.counts()
    errors = len(corpus.errors)
    warnings = len(corpus.diagnostics) - errors
    resolved_links = sum(1 for link in corpus.links if link.resolved)
    contradictions = sum(1 for link in corpus.links if link.relation == "contradicts")
    updates = sum(1 for link in corpus.links if link.relation == "updates")
    corroborations = len(corpus.links) - contradictions - updates
    lines.append("")
    lines.append(
        f"{len(corpus.articles)} articles: {counts.claims} claims, {counts.sources} "
        f"sources, {counts.notes} notes; {counts.orphans} orphans"
    )
    lines.append(
        f"{contradictions} contradictions, {updates} updates, {corroborations} corroborations "
        f"({resolved_links}/{len(corpus.links)} links fully resolved)"
    )
    lines.append(f"{errors} errors, {warnings} warnings")
    return "\n".join(lines) + "\n"


def as_json(corpus: Corpus) -> dict[str, Any]:
    articles = []
    annotations = []
    for aid, article in corpus.articles.items():
        articles.append(
            {
                "id": aid,
                "title": article.title,
                "outlet": article.meta.outlet,
                "published": article.meta.published,
                "url": article.meta.url,
                "length": len(article.text),
                "path": str(article.path),
            }
        )
        for a in corpus.annotations.get(aid, []):
            r = a.resolution
            item: dict[str, Any] = {
                "article": aid,
                "id": a.id,
                "kind": a.kind,
                "start": r.start if r.resolved else None,
                "end": r.end if r.resolved else None,
                "text": article.text[r.start : r.end] if r.resolved else None,
                "match": r.match.value,
                "score": r.score,
            }
            if a.anchor:
                item["quote"] = a.anchor.quote
            for key in (
                "source",
                "topic",
                "name",
                "text",
                "target",
                "author",
                "unit",
                "counts",
                "as_of",
                "event",
            ):
                value = getattr(a, key)
                if value and key != "text":
                    item[key] = value
            if a.kind == "note":
                item["note"] = a.text
            if a.tags:
                item["tags"] = list(a.tags)
            if a.value is not None:
                item["value"] = list(a.value)
            annotations.append(item)
    links = [
        {
            "id": link.id,
            "relation": link.relation,
            "summary": link.summary,
            "claims": list(link.members),
            "resolved": link.resolved,
            "articles": sorted({split_ref(m)[0] for m in link.members}),
        }
        for link in corpus.links
    ]
    diagnostics = [
        {
            "path": str(d.path),
            "line": d.line,
            "column": d.column,
            "level": d.level.value,
            "message": d.message,
            "hint": d.hint,
        }
        for d in corpus.diagnostics
    ]
    return {
        "corpus": str(corpus.root),
        "articles": articles,
        "annotations": annotations,
        "contradictions": [x for x in links if x["relation"] == "contradicts"],
        "corroborations": [x for x in links if x["relation"] == "corroborates"],
        "updates": [x for x in links if x["relation"] == "updates"],
        "diagnostics": diagnostics,
    }


def dumps(corpus: Corpus) -> str:
    """C0, C1 and DEL in any string come out as \\uXXXX escapes."""
    return json_text(as_json(corpus)) + "\n"
