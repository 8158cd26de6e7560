"""Export a reviewed corpus: W3C Web Annotation, schema.org ClaimReview.

The W3C export carries the W3C context plus an inline one for crossread's own
terms (`crossread:kind`, `crossread:id`...), so JSON-LD processors expand every
key to an https IRI. Imported items are written back with the id and creator
they came with.
"""

from __future__ import annotations

import uuid
from typing import Any

from tui.core.exchange.interop.items import is_absolute_iri
from tui.core.exchange.interop.jsonld import EXPORT_CONTEXT, W3C_CONTEXT
from tui.core.model.annotations import Annotation, Link, Verdict
from tui.core.model.corpus import Corpus

__all__ = ["W3C_CONTEXT", "EXPORT_CONTEXT", "claim_reviews", "stable_id", "source_iri", "w3c_collection"]
NAMESPACE = uuid.UUID("6f1d2a52-8c1e-4f57-9a51-2b7c5c0e4d11")


def corpus_name(corpus: Corpus) -> str:
    """A name for the corpus that does not depend on where it is checked out."""
    from tui.core.model.corpus import bundled_corpus

    if corpus.root.resolve() == bundled_corpus().resolve():
        return "crossread-demo"
    return corpus.root.resolve().name or "corpus"


def stable_id(corpus: Corpus, *parts: str) -> str:
    """A urn:uuid that stays the same for the same corpus and record."""
    if len(parts) == 2 and parts[1].startswith("urn:"):
        return parts[1]  # imported records keep the id they came with
    name = "/".join((corpus_name(corpus), *parts))
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, name)}"


def source_iri(corpus: Corpus, article_id: str) -> str:
    article = corpus.articles[article_id]
    if article.meta.url.startswith(("http://", "https://")):
        return article.meta.url
    return f"urn:crossread:{corpus_name(corpus)}:{article_id}"


def _target(corpus: Corpus, a: Annotation) -> dict[str, Any]:
    selectors: list[dict[str, Any]] = []
    r = a.resolution
    text = corpus.articles[a.article].text
    if r.resolved:
        quote = text[r.start : r.end]
        selectors.append(
            {
                "type": "TextQuoteSelector",
                "exact": quote,
                "prefix": text[max(0, r.start - 32) : r.start],
                "suffix": text[r.end : r.end + 32],
            }
        )
        selectors.append({"type": "TextPositionSelector", "start": r.start, "end": r.end})
    elif a.anchor is not None:
        quote_selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": a.anchor.quote}
        if a.anchor.prefix:
            quote_selector["prefix"] = a.anchor.prefix
        if a.anchor.suffix:
            quote_selector["suffix"] = a.anchor.suffix
        selectors.append(quote_selector)
    target: dict[str, Any] = {"type": "SpecificResource", "source": source_iri(corpus, a.article)}
    if selectors:
        target["selector"] = selectors if len(selectors) > 1 else selectors[0]
    return target


def _common(item: dict[str, Any], record: Annotation | Verdict | Link, own_id: str) -> dict[str, Any]:
    """Dates, creator and provenance: an imported record goes back out with the
    id it came with (an IRI), or keeps that id in `crossread:origin`."""
    if record.origin and is_absolute_iri(record.origin):
        item["id"] = record.origin
    elif record.origin:
        item["crossread:origin"] = record.origin
    item["crossread:id"] = own_id
    if record.created:
        item["created"] = record.created
    if record.modified:
        item["modified"] = record.modified
    if record.author or record.creator:
        creator: dict[str, Any] = {"type": "Person"}
        if record.creator and is_absolute_iri(record.creator):
            creator["id"] = record.creator
        if record.author:
            creator["name"] = record.author
        item["creator"] = creator
    return item


def _body(value: str, purpose: str = "") -> dict[str, Any]:
    body: dict[str, Any] = {"type": "TextualBody", "value": value, "format": "text/plain"}
    if purpose:
        body["purpose"] = purpose
    return body


def annotation_item(corpus: Corpus, a: Annotation) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if a.kind == "claim":
        motivation = "describing" if (a.topic or a.text) else "highlighting"
        if a.topic:
            bodies.append(_body(a.topic, "describing"))
        if a.text:
            bodies.append(_body(a.text, "describing"))
        bodies.extend(_body(tag, "tagging") for tag in a.tags)
        if a.source:
            source = corpus.get(a.source, a.article)
            if source is not None:
                bodies.append(_body(f"source: {source.name or source.id}", "linking"))
    elif a.kind == "source":
        motivation = "identifying"
        bodies.append(_body(a.name or (a.anchor.quote if a.anchor else a.id), "identifying"))
    else:
        motivation = "commenting"
        bodies.append(_body(a.text, "commenting"))
        bodies.extend(_body(tag, "tagging") for tag in a.tags)
    item: dict[str, Any] = {
        "@context": EXPORT_CONTEXT,
        "id": stable_id(corpus, a.article, a.id),
        "type": "Annotation",
        "motivation": motivation,
    }
    if bodies:
        item["body"] = bodies if len(bodies) > 1 else bodies[0]
    target = a
    if a.target:
        attached = corpus.get(a.target, a.article)
        if attached is not None:
            target = attached
            item["crossread:on"] = attached.ref
    item["target"] = _target(corpus, target)
    item["crossread:kind"] = a.kind
    if a.kind == "claim":
        item.update({f"crossread:{key}": getattr(a, key) for key in ("topic", "text") if getattr(a, key)})
        if a.source:
            source = corpus.get(a.source, a.article)
            if source is not None:
                item["crossread:source"] = source.ref
    elif a.kind == "source" and a.name:
        item["crossread:name"] = a.name
    item.update(structured(a))
    return _common(item, a, a.ref)


def _number(x: float) -> int | float:
    return int(x) if x.is_integer() else x


def structured(a: Annotation) -> dict[str, Any]:
    """A claim's value, unit, counts, as_of and event as crossread: extension keys
    (W3C consumers ignore keys they do not know; importers of our own files keep them)."""
    out: dict[str, Any] = {}
    if a.value is not None:
        low, high = a.value
        out["crossread:value"] = _number(low) if low == high else [_number(low), _number(high)]
    for key in ("unit", "counts", "as_of", "event"):
        if getattr(a, key):
            out[f"crossread:{key}"] = getattr(a, key)
    return out


def verdict_item(corpus: Corpus, v: Verdict) -> dict[str, Any] | None:
    claim = corpus.get(v.target)
    if claim is None:
        return None
    bodies = [_body(v.value, "assessing")]
    if v.comment:
        bodies.append(_body(v.comment, "commenting"))
    item = {
        "@context": EXPORT_CONTEXT,
        "id": stable_id(corpus, "verdict", v.author, v.target),
        "type": "Annotation",
        "motivation": "assessing",
        "body": bodies,
        "target": _target(corpus, claim),
        "crossread:kind": "verdict",
        "crossread:on": claim.ref,
    }
    return _common(item, v, v.id)


def link_item(corpus: Corpus, link: Link) -> dict[str, Any]:
    targets = []
    for ref in link.members:
        member = corpus.get(ref)
        if member is not None:
            targets.append(_target(corpus, member))
    bodies = [_body(link.summary, "describing"), _body(link.relation, "tagging")]
    item = {
        "@context": EXPORT_CONTEXT,
        "id": stable_id(corpus, "link", link.id),
        "type": "Annotation",
        "motivation": "linking",
        "body": bodies,
        "target": targets if len(targets) != 1 else targets[0],
        "crossread:kind": "link",
        "crossread:claims": list(link.members),
    }
    return _common(item, link, link.id)


def w3c_collection(corpus: Corpus) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    for aid in corpus.articles:
        for a in corpus.annotations.get(aid, []):
            items.append(annotation_item(corpus, a))
    for verdicts in corpus.verdicts.values():
        for v in verdicts:
            found = verdict_item(corpus, v)
            if found is not None:
                items.append(found)
    items.extend(link_item(corpus, link) for link in corpus.links)
    return {
        "@context": EXPORT_CONTEXT,
        "id": stable_id(corpus, "collection"),
        "type": "AnnotationCollection",
        "label": f"crossread annotations of {corpus_name(corpus)}",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def claim_reviews(corpus: Corpus, review_url: str | None = None) -> list[dict[str, Any]]:
    """schema.org ClaimReview for every verdict; see tui.core.exchange.interop.claimreview.
    Raises PublisherMissing when crossread.toml names no publisher."""
    from tui.core.exchange.interop.claimreview import claim_reviews as build

    return build(corpus, review_url)
