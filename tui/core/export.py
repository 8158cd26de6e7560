"""Export a reviewed corpus: W3C Web Annotation, schema.org ClaimReview."""

from __future__ import annotations

import uuid
from typing import Any

from tui.core.corpus import Corpus
from tui.core.model import Annotation, Link, Verdict

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NAMESPACE = uuid.UUID("6f1d2a52-8c1e-4f57-9a51-2b7c5c0e4d11")
VERDICT_SCALE = {"false": 1, "disputed": 2, "unverifiable": 3, "supported": 5}


def corpus_name(corpus: Corpus) -> str:
    """A name for the corpus that does not depend on where it is checked out."""
    from tui.core.corpus import bundled_corpus

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
        quote = text[r.start:r.end]
        selectors.append({"type": "TextQuoteSelector", "exact": quote,
                          "prefix": text[max(0, r.start - 32):r.start],
                          "suffix": text[r.end:r.end + 32]})
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


def _common(item: dict[str, Any], created: str, modified: str, author: str) -> dict[str, Any]:
    if created:
        item["created"] = created
    if modified:
        item["modified"] = modified
    if author:
        item["creator"] = {"type": "Person", "name": author}
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
    item: dict[str, Any] = {"@context": W3C_CONTEXT, "id": stable_id(corpus, a.article, a.id),
                            "type": "Annotation", "motivation": motivation}
    if bodies:
        item["body"] = bodies if len(bodies) > 1 else bodies[0]
    target = a
    if a.target:
        attached = corpus.get(a.target, a.article)
        if attached is not None:
            target = attached
    item["target"] = _target(corpus, target)
    item["crossread:kind"] = a.kind
    item.update(structured(a))
    return _common(item, a.created, a.modified, a.author)


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
    item = {"@context": W3C_CONTEXT, "id": stable_id(corpus, "verdict", v.author, v.target),
            "type": "Annotation", "motivation": "assessing", "body": bodies,
            "target": _target(corpus, claim)}
    return _common(item, v.created, v.modified, v.author)


def link_item(corpus: Corpus, link: Link) -> dict[str, Any]:
    targets = []
    for ref in link.members:
        member = corpus.get(ref)
        if member is not None:
            targets.append(_target(corpus, member))
    bodies = [_body(link.summary, "describing"), _body(link.relation, "tagging")]
    item = {"@context": W3C_CONTEXT, "id": stable_id(corpus, "link", link.id),
            "type": "Annotation", "motivation": "linking", "body": bodies,
            "target": targets if len(targets) != 1 else targets[0]}
    return _common(item, link.created, link.modified, link.author)


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
        "@context": W3C_CONTEXT,
        "id": stable_id(corpus, "collection"),
        "type": "AnnotationCollection",
        "label": f"crossread annotations of {corpus_name(corpus)}",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def claim_reviews(corpus: Corpus) -> list[dict[str, Any]]:
    reviews: list[dict[str, Any]] = []
    for ref, verdicts in corpus.verdicts.items():
        claim = corpus.get(ref)
        if claim is None or not claim.resolution.resolved:
            continue
        article = corpus.articles[claim.article]
        text = article.text[claim.start:claim.end]
        for v in verdicts:
            if v.value not in VERDICT_SCALE:
                continue
            appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title,
                                          "url": source_iri(corpus, claim.article)}
            if article.meta.published:
                appearance["datePublished"] = article.meta.published
            if article.meta.outlet:
                appearance["publisher"] = {"@type": "Organization", "name": article.meta.outlet}
            item_reviewed: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
            if claim.as_of:
                item_reviewed["temporalCoverage"] = claim.as_of  # the moment it speaks of
            if claim.source:
                source = corpus.get(claim.source, claim.article)
                if source is not None:
                    item_reviewed["author"] = {"@type": "Organization",
                                               "name": source.name or source.id}
            rating: dict[str, Any] = {"@type": "Rating", "ratingValue": VERDICT_SCALE[v.value],
                                      "bestRating": 5, "worstRating": 1,
                                      "alternateName": v.value}
            review: dict[str, Any] = {
                "@context": "https://schema.org", "@type": "ClaimReview",
                "@id": stable_id(corpus, "claimreview", v.author, ref),
                "claimReviewed": text, "reviewRating": rating, "itemReviewed": item_reviewed,
                "author": {"@type": "Person", "name": v.author or "unknown"},
                "datePublished": (v.modified or v.created)[:10],
                "url": source_iri(corpus, claim.article),
            }
            if v.comment:
                review["reviewBody"] = v.comment
            reviews.append(review)
    return reviews
