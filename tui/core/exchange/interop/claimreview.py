"""schema.org ClaimReview, as Google's fact-check markup reads it.

The rating scale (documented in README.md, "Export and import"):

    1 false        worstRating
    2 disputed     contested: credible reports say otherwise
    3 supported    bestRating

"unverifiable" is not a point on that scale: it says nothing about how true
a claim is, only that it cannot be checked, so its rating has no number
(only alternateName and name), rather than a midpoint that would read as
"half true". "unreviewed" is no review at all and is not exported.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from tui.core.exchange.interop.publisher import Publisher, PublisherMissing, load_publisher
from tui.core.model.annotations import Annotation, Verdict
from tui.core.model.corpus import Corpus

__all__ = ["SCALE", "PublisherMissing", "agent_type", "claim_reviews", "short_claim"]

WORST, BEST = 1, 3
SCALE: dict[str, tuple[int | None, str, str]] = {
    "false": (1, "False", "False: the claim is wrong"),
    "disputed": (2, "Disputed", "Disputed: credible reports contradict the claim"),
    "supported": (3, "Supported", "Supported: the claim is borne out by the evidence"),
    "unverifiable": (
        None,
        "Unverifiable",
        "Unverifiable: the claim cannot be checked with the evidence available; not a rating of its truth",
    ),
}
SHORT = 75  # Google: keep claimReviewed short enough not to wrap on a phone

_ORGANISATION = re.compile(
    r"\b(government|ministry|ministerium|department|office|agency|intelligence|forces|army|"
    r"military|parliament|council|commission|nations|nato|union|press|news|zeitung|times|"
    r"post|institute|university|party|committee|service|bureau|police|court|bank|"
    r"company|group|reports|analysts|experts|officials|media|tv|radio)\b",
    re.I,
)
_PERSON_ROLE = re.compile(
    r"\b(minister|secretary|president|chancellor|spokesperson|"
    r"spokesman|spokeswoman|general|ambassador|senator|mp)\b",
    re.I,
)


def agent_type(name: str, tags: tuple[str, ...] = ()) -> str | None:
    """Person or Organization for a claim's source; a `person` or
    `organization` tag on the source decides, else its name: roles of one
    person (minister, president) are a Person, institutions and acronyms an
    Organization, two to four capitalised words a Person. None when unnamed."""
    lowered = {t.lower() for t in tags}
    if "person" in lowered:
        return "Person"
    if lowered & {"organization", "organisation"}:
        return "Organization"
    if not name or name.lower().startswith(("unnamed", "anonymous")):
        return None
    words = name.replace("(", " ").replace(")", " ").split()
    if _PERSON_ROLE.search(name) and not _ORGANISATION.search(name.replace("general", "")):
        return "Person"
    if _ORGANISATION.search(name) or any(w.isupper() and len(w) > 1 for w in words):
        return "Organization"
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return "Person"
    return "Organization"


def short_claim(text: str, limit: int = SHORT) -> str:
    """The claim in at most `limit` characters, cut at a word."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") or flat[: limit - 1]
    return cut + "…"


def review_id(v: Verdict, claim: Annotation) -> str:
    """The {id} of the review URL: the claim and, for a second reviewer, who."""
    return quote(f"{claim.article}-{claim.id}" + (f"-{v.author}" if v.author else ""), safe="-_.")


def claim_reviews(
    corpus: Corpus, review_url: str | None = None, publisher: Publisher | None = None
) -> list[dict[str, Any]]:
    """One ClaimReview per verdict other than unreviewed."""
    publisher = publisher or load_publisher(corpus.root, review_url)
    reviews: list[dict[str, Any]] = []
    for ref, verdicts in corpus.verdicts.items():
        claim = corpus.get(ref)
        if claim is None or not claim.resolution.resolved:
            continue
        for v in verdicts:
            if v.value in SCALE:
                reviews.append(_review(corpus, publisher, claim, v))
    return reviews


def _review(corpus: Corpus, publisher: Publisher, claim: Annotation, v: Verdict) -> dict[str, Any]:
    article = corpus.articles[claim.article]
    text = article.text[claim.start : claim.end]
    value, word, meaning = SCALE[v.value]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": word, "name": meaning}
    if value is not None:
        rating.update({"ratingValue": value, "bestRating": BEST, "worstRating": WORST})
    ident = review_id(v, claim)
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": publisher.review_page(ident),
        "claimReviewed": short_claim(text),
        "reviewRating": rating,
        "itemReviewed": _claim(corpus, claim, text),
        "author": {"@type": "Organization", "name": publisher.name, "url": publisher.url},
        "datePublished": (v.modified or v.created)[:10],
    }
    if v.author:
        review["contributor"] = {"@type": "Person", "name": v.author}
    if v.comment:
        review["reviewBody"] = v.comment
    return review


def _appearance(corpus: Corpus, claim: Annotation) -> dict[str, Any]:
    article = corpus.articles[claim.article]
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title}
    if article.meta.url.startswith(("http://", "https://")):
        work["url"] = article.meta.url
    if article.meta.published:
        work["datePublished"] = article.meta.published
    if article.meta.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.meta.outlet}
    return work


def _claim(corpus: Corpus, claim: Annotation, text: str) -> dict[str, Any]:
    article = corpus.articles[claim.article]
    item: dict[str, Any] = {"@type": "Claim", "appearance": _appearance(corpus, claim)}
    if short_claim(text) != " ".join(text.split()):
        item["text"] = text  # the whole claim; claimReviewed is shortened
    if article.meta.published:
        item["datePublished"] = article.meta.published
    first = _first_appearance(corpus, claim)
    if first is not None:
        item["firstAppearance"] = first
    if claim.source:
        source = corpus.get(claim.source, claim.article)
        if source is not None:
            kind = agent_type(source.name or source.id, source.tags)
            if kind is not None:
                item["author"] = {"@type": kind, "name": source.name or source.id}
    return item


def _first_appearance(corpus: Corpus, claim: Annotation) -> dict[str, Any] | None:
    """The earliest dated article among this claim and those corroborating or
    updating it, when that is known."""
    dated = []
    for link in corpus.links_of(claim):
        if link.relation == "contradicts":
            continue
        for ref in link.members:
            other = corpus.get(ref)
            if other is not None and corpus.articles[other.article].meta.published:
                dated.append((corpus.articles[other.article].meta.published, other))
    own = corpus.articles[claim.article].meta.published
    if own:
        dated.append((own, claim))
    if len(dated) < 2:
        return None
    return _appearance(corpus, min(dated, key=lambda pair: pair[0])[1])
