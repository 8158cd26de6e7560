"""Turning an imported annotation into crossread records for the author's file.

Claims stay claims and sources stay sources (crossread's own export says
which with `crossread:kind`); a verdict is a verdict; anything else is a note,
and a highlight (no body, or only tags) is a note that says so, tags kept.
Every record keeps who wrote it and when: `author` is the original writer
(alice's verdict imported by bob stays alice's, in bob's file), `origin` the
id it had in the other tool and `creator` that tool's account or IRI.
"""

from __future__ import annotations

from typing import Any

from tui.core.document.anchoring import context_of
from tui.core.exchange.interop.items import Item, is_absolute_iri, record_id
from tui.core.exchange.interop.matching import Existing
from tui.core.files.store import Record, id_word, utc_now
from tui.core.model.annotations import RELATIONS, VERDICTS
from tui.core.model.corpus import Corpus
from tui.core.review.session import Session

HIGHLIGHT = "highlight"
"""The text of a note made from a highlight, which has no words of its own."""
STRUCTURED = ("unit", "counts", "as_of", "event")


class RecordMaker:
    def __init__(self, corpus: Corpus, session: Session, existing: Existing) -> None:
        self.corpus = corpus
        self.session = session
        self.existing = existing

    def for_span(self, item: Item, article_id: str, start: int, end: int, suffix: str = "") -> Record | None:
        kind = item.ext("kind")
        if item.assessing in VERDICTS and ("assessing" in item.motivations or kind == "verdict"):
            return self.verdict(item, article_id, start, end)
        if kind in ("claim", "source"):
            record = self._anchored(item, kind, article_id, start, end, suffix)
            if kind == "source":
                name = item.ext("name") if isinstance(item.ext("name"), str) else ""
                record["name"] = name or (item.describing or [record["quote"]])[0]
            else:
                self._claim_fields(item, record)
            return self._stamp(item, record)
        on = item.ext("on")
        target = self.corpus.get(on) if isinstance(on, str) else None
        if target is not None:
            record = {
                "id": record_id(item, suffix),
                "kind": "note",
                "article": article_id,
                "on": target.id if target.article == article_id else target.ref,
            }
        else:
            record = self._anchored(item, "note", article_id, start, end, suffix)
        record["text"] = item.text or HIGHLIGHT
        if item.tags:
            record["tags"] = list(item.tags)
        return self._stamp(item, record)

    def _anchored(self, item: Item, kind: str, article_id: str, start: int, end: int, suffix: str) -> Record:
        text = self.corpus.articles[article_id].text
        prefix, after = context_of(text, start, end)
        return {
            "id": record_id(item, suffix),
            "kind": kind,
            "article": article_id,
            "quote": text[start:end],
            "prefix": prefix,
            "suffix": after,
            "start": start,
        }

    def _claim_fields(self, item: Item, record: Record) -> None:
        topic = item.ext("topic")
        if isinstance(topic, str) and topic:
            record["topic"] = topic
        text = item.ext("text")
        if isinstance(text, str) and text:
            record["text"] = text
        if item.tags:
            record["tags"] = list(item.tags)
        source = item.ext("source")
        if isinstance(source, str) and source:
            article, _, ident = source.rpartition("#")
            record["source"] = ident if article == record["article"] else source
        value = item.ext("value")
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
        if _number(value) or (isinstance(value, list) and len(value) == 2 and all(_number(v) for v in value)):
            record["value"] = value
        for key in STRUCTURED:
            if isinstance(item.ext(key), str) and item.ext(key):
                record[key] = item.ext(key)

    def verdict(self, item: Item, article_id: str, start: int, end: int) -> Record | None:
        claim = next(
            (
                a
                for a in self.corpus.annotations.get(article_id, [])
                if a.kind == "claim" and a.start == start and a.end == end
            ),
            None,
        )
        if claim is None:
            return None
        author = item.author or self.session.author
        ident = f"verdict:{claim.article}:{claim.id}"
        if author != self.session.author:  # the author's own verdict key stays theirs
            ident += f":{id_word(author)}"
        record: Record = {"id": ident, "kind": "verdict", "on": claim.ref, "verdict": item.assessing}
        if item.comments:
            record["comment"] = " ".join(" ".join(item.comments).split())
        return self._stamp(item, record)

    def link(self, item: Item, refs: list[str]) -> Record:
        relation = next((t for t in item.tags if t in RELATIONS), "contradicts")
        summary = next((t for t in item.describing + item.comments if t.strip()), "linked claims")
        record: Record = {
            "id": record_id(item),
            "kind": "link",
            "relation": relation,
            "summary": " ".join(summary.split()),
            "claims": refs,
        }
        return self._stamp(item, record)

    def reply(self, item: Item, article_id: str, parent: str) -> Record | None:
        record: Record = {
            "id": record_id(item),
            "kind": "note",
            "article": article_id,
            "on": parent,
            "text": item.text or HIGHLIGHT,
        }
        if item.tags:
            record["tags"] = list(item.tags)
        return self._stamp(item, record)

    def _stamp(self, item: Item, record: Record) -> Record:
        created = item.created or utc_now()
        record["author"] = item.author or self.session.author
        record["created"] = created
        record["modified"] = item.modified or created
        origin = item.origin
        if origin and not (item.ext("id") and origin.startswith("urn:uuid:")):
            record["origin"] = origin  # crossread's own ids come back through crossread:id
        if item.creator and is_absolute_iri(item.creator):
            record["creator"] = item.creator
        return record

    def drop_dangling(self, records: list[Record]) -> None:
        """A claim's `source` must name a source the corpus or this import has."""
        planned = {f"{r['article']}#{r['id']}" for r in records if "article" in r}
        for record in records:
            source = record.get("source")
            if record.get("kind") != "claim" or not isinstance(source, str):
                continue
            ref = source if "#" in source else f"{record['article']}#{source}"
            if ref not in planned and self.corpus.get(ref) is None:
                del record["source"]


def _number(value: Any) -> bool:
    return type(value) in (int, float)
