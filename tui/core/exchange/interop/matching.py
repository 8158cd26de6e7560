"""Which article a target means, and whether the corpus already holds an item.

An item is already present when its id is one the corpus knows (a record id,
an imported item's origin, or an id crossread's export gave it), or when the
corpus has the same kind of annotation on the same words, the same verdict by
the same reviewer, or the same link between the same claims. That is what
makes exporting a corpus and importing it into a copy add nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tui.core.exchange.exports import source_iri, stable_id
from tui.core.exchange.interop.items import HYPOTHESIS_PAGE, Item
from tui.core.exchange.interop.selectors import as_list
from tui.core.exchange.interop.urls import normalise_url
from tui.core.files.store import Record
from tui.core.model.corpus import Corpus
from tui.core.review.session import Session


class Targets:
    """Finds the article a target names: by crossread id, IRI or normalised URL."""

    def __init__(self, corpus: Corpus, fallback: str | None = None) -> None:
        self.corpus = corpus
        self.fallback = fallback
        self.by_key: dict[str, str] = {}
        for aid, article in corpus.articles.items():
            self.by_key[aid] = aid
            self.by_key[source_iri(corpus, aid)] = aid
            if article.meta.url:
                self.by_key[normalise_url(article.meta.url)] = aid

    def article_for(self, target: dict[str, Any], aliases: list[str]) -> str | None:
        """The article of a target's `source` (or the item's Hypothesis `uri` and
        `document.link` addresses); else the fallback given with --article."""
        names = [target.get("source")] + aliases
        for name in names:
            if isinstance(name, dict):
                name = name.get("id")
            if not isinstance(name, str) or not name:
                continue
            found = self.by_key.get(name) or self.by_key.get(normalise_url(name))
            if found is None and name.startswith("urn:crossread:"):
                found = self.by_key.get(name.rpartition(":")[2])
            if found is not None:
                return found
        return self.fallback


def aliases_of(raw: dict[str, Any]) -> list[str]:
    """Hypothesis names the page twice more: `uri`, and `document.link[].href`."""
    out = [raw["uri"]] if isinstance(raw.get("uri"), str) else []
    document = raw.get("document")
    if isinstance(document, dict):
        for link in as_list(document.get("link")):
            if isinstance(link, dict) and isinstance(link.get("href"), str):
                out.append(link["href"])
    return out


@dataclass
class Existing:
    """What the corpus (and the records planned so far) already holds."""

    ids: set[str] = field(default_factory=set)  # ids and origins, any form
    spans: set[tuple[str, str, int, int, str]] = field(default_factory=set)
    verdicts: set[tuple[str, str, str, str]] = field(default_factory=set)
    links: set[tuple[str, frozenset[str]]] = field(default_factory=set)
    notes: dict[str, tuple[str, str]] = field(default_factory=dict)  # id/origin -> (article, id)
    kinds: dict[str, str] = field(default_factory=dict)  # ref -> kind

    @classmethod
    def of(cls, corpus: Corpus, session: Session) -> Existing:
        found = cls()
        found.ids |= set(session.store.records)
        for items in corpus.annotations.values():
            for a in items:
                found.kinds[a.ref] = a.kind
                for ident in (a.ref, stable_id(corpus, a.article, a.id), a.origin):
                    if ident:
                        found.ids.add(ident)
                        found.notes[ident] = (a.article, a.id)
                found.notes.setdefault(a.id, (a.article, a.id))
                if a.resolution.resolved:
                    found.spans.add(
                        _span_key(a.kind, a.article, a.start, a.end, _who_said(a.kind, a.text, a.author))
                    )
        for verdicts in corpus.verdicts.values():
            for v in verdicts:
                found.ids |= {v.id, stable_id(corpus, "verdict", v.author, v.target)}
                found.ids.discard("")
                found.verdicts.add((v.author, v.target, v.value, v.comment))
                if v.origin:
                    found.ids.add(v.origin)
        for link in corpus.links:
            found.ids |= {f"link:{link.id}", stable_id(corpus, "link", link.id)}
            if link.origin:
                found.ids.add(link.origin)
            found.links.add((link.relation, frozenset(link.members)))
        return found

    def has_origin(self, item: Item) -> bool:
        """The item's own id, or crossread's id for it, is one the corpus knows."""
        if item.origin and item.origin in self.ids:
            return True
        own = item.ext("id")
        kind = item.ext("kind")
        if isinstance(own, str) and "#" in own:
            return self.kinds.get(own) == kind
        return isinstance(own, str) and kind == "link" and f"link:{own}" in self.ids

    def has_record(self, record: Record) -> bool:
        kind = record["kind"]
        if kind == "verdict":
            return (
                record["author"],
                record["on"],
                record["verdict"],
                record.get("comment", ""),
            ) in self.verdicts or record["id"] in self.ids
        if kind == "link":
            return (
                record["relation"],
                frozenset(record["claims"]),
            ) in self.links or f"link:{record['id']}" in self.ids
        ref = f"{record['article']}#{record['id']}"
        if ref in self.kinds or record["id"] in self.ids:
            return True
        if "start" not in record:
            return False
        end = record["start"] + len(record["quote"])
        return (
            _span_key(
                kind,
                record["article"],
                record["start"],
                end,
                _who_said(kind, record.get("text", ""), record["author"]),
            )
            in self.spans
        )

    def remember(self, record: Record) -> None:
        kind = record["kind"]
        self.ids.add(record["id"])
        if kind == "verdict":
            self.verdicts.add((record["author"], record["on"], record["verdict"], record.get("comment", "")))
        elif kind == "link":
            self.ids.add(f"link:{record['id']}")
            self.links.add((record["relation"], frozenset(record["claims"])))
        else:
            ref = f"{record['article']}#{record['id']}"
            self.kinds[ref] = kind
            for ident in (record["id"], ref, record.get("origin", "")):
                if ident:
                    self.notes[ident] = (record["article"], record["id"])
            # Spans stay the corpus's: two equal notes in one file are two notes.

    def note_for(self, parent: str) -> tuple[str, str] | None:
        """(article, id) of the annotation a reply answers, by its id or origin."""
        if not parent:
            return None
        return self.notes.get(parent) or self.notes.get(HYPOTHESIS_PAGE + parent)


def _who_said(kind: str, text: str, author: str) -> str:
    """A note is the same note only with the same words by the same person;
    a claim or source is the same on the same words."""
    return f"{author}\n{' '.join(text.split())}" if kind == "note" else ""


def _span_key(kind: str, article: str, start: int, end: int, text: str) -> tuple[str, str, int, int, str]:
    return (kind, article, start, end, text)
