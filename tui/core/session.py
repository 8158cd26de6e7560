"""A reviewer's session: every change to data, saved at once, undoable.

The TUI calls these methods and nothing else to change data, so the same work
can be done (and tested) without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.core.anchoring import context_of
from tui.core.corpus import Corpus
from tui.core.model import VERDICTS, Annotation, split_ref
from tui.core.store import Record, RecordStore, SaveResult, new_id, notes_path, utc_now


class SessionError(Exception):
    """A change that cannot be made (bad target, nothing to undo...)."""


@dataclass
class Change:
    """One user action: the records it touched, before and after."""

    items: list[tuple[str, Record | None, Record | None]]


class Session:
    def __init__(self, corpus: Corpus, author: str, path: Path | None = None) -> None:
        self.corpus = corpus
        self.author = author
        self.store = RecordStore(path or notes_path(corpus.root, author), author)
        problems = self.store.load()
        self.load_problems = problems
        self.undo_stack: list[Change] = []
        self.redo_stack: list[Change] = []
        self.last_result: SaveResult | None = None
        # Articles whose annotations or links the last change touched (verdicts
        # change no highlight, so they touch none).
        self.last_articles: set[str] = set()
        if self.store.path not in corpus.note_files:
            self._refresh()

    # ------------------------------------------------------------ plumbing

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def unsaved(self) -> bool:
        return self.store.dirty

    def _set(self, record_id: str, after: Record | None) -> Record | None:
        return self.store.remove(record_id) if after is None else self.store.put(after)

    @staticmethod
    def _articles_of(change: Change) -> set[str]:
        found: set[str] = set()
        for _, before, after in change.items:
            for record in (before, after):
                if not record or record.get("kind") == "verdict":
                    continue
                if record.get("article"):
                    found.add(str(record["article"]))
                refs = list(record.get("claims") or [])
                if isinstance(record.get("on"), str):
                    refs.append(record["on"])
                found.update(ref.partition("#")[0] for ref in refs if "#" in ref)
        return found

    def _do(self, record_id: str, after: Record | None) -> SaveResult:
        before = self._set(record_id, after)
        self.undo_stack.append(Change([(record_id, before, after)]))
        self.last_articles = self._articles_of(self.undo_stack[-1])
        self.redo_stack.clear()
        return self._commit()

    def add_records(self, records: list[Record]) -> SaveResult:
        """Add many records in one write; if it fails, none of them stay."""
        was_dirty, was_deleted = self.store.dirty, dict(self.store.deleted)
        items = [(r["id"], self._set(r["id"], r), r) for r in records]
        result = self.store.save()
        if not result.ok:
            for record_id, before, _ in reversed(items):
                self._set(record_id, before)
            self.store.dirty, self.store.deleted = was_dirty, was_deleted
            self.last_result = result
            self._refresh()
            return result
        self.undo_stack.append(Change(items))
        self.last_articles = self._articles_of(self.undo_stack[-1])
        self.redo_stack.clear()
        self.last_result = result
        self._refresh()
        return result

    def _commit(self) -> SaveResult:
        self.last_result = self.store.save()
        self._refresh()
        return self.last_result

    def retry(self) -> SaveResult:
        return self._commit()

    def _refresh(self) -> None:
        """Rebuild this author's layer of the corpus from the records in memory."""
        path = self.store.path
        self.corpus.drop_layer(path)
        from tui.core import yamlio
        from tui.core.diagnostics import Problems
        from tui.core.schema import parse_record

        problems = Problems(path)
        annotations, verdicts, links = [], [], []
        for record in self.store.records.values():
            item = _as_ymap(record, yamlio)
            parsed = parse_record(item, (0, 0), path, problems)
            if isinstance(parsed, Annotation):
                annotations.append(parsed)
            elif parsed is not None and hasattr(parsed, "value"):
                verdicts.append(parsed)  # type: ignore[arg-type]
            elif parsed is not None:
                links.append(parsed)  # type: ignore[arg-type]
        self.corpus.add_layer(path, annotations, verdicts, links, problems)  # type: ignore[arg-type]
        if path not in self.corpus.note_files:
            self.corpus.note_files.append(path)
        for link in self.corpus.links:
            link.resolved = all(
                (m := self.corpus.get(ref)) is not None and m.resolution.resolved
                for ref in link.members)

    def reload(self) -> None:
        """Re-read this author's file (after an outside change) into the corpus."""
        self.store.load()
        self._refresh()

    def _stamp(self, record: Record, created: str | None = None) -> Record:
        now = utc_now()
        record["author"] = self.author
        record["created"] = created or now
        record["modified"] = now
        return record

    def _anchor_fields(self, article_id: str, start: int, end: int) -> Record:
        article = self.corpus.articles.get(article_id)
        if article is None:
            raise SessionError(f"no article {article_id!r}")
        if not 0 <= start < end <= len(article.text):
            raise SessionError("select some text first")
        prefix, suffix = context_of(article.text, start, end)
        return {"quote": article.text[start:end], "prefix": prefix, "suffix": suffix,
                "start": start}

    def _own(self, ref: str) -> Record:
        article, ident = split_ref(ref)
        record = self.store.records.get(ident)
        if record is None or record.get("article") not in (article, None):
            raise SessionError(f"{ref} is not one of your records")
        return record

    # ------------------------------------------------------------ changes

    def add_note(self, text: str, article_id: str, start: int | None = None,
                 end: int | None = None, on: str | None = None) -> Annotation:
        """A note on a span of text, or on an existing annotation (`on`)."""
        if not text.strip():
            raise SessionError("a note needs some text")
        rid = new_id(self.author, "n-")
        record: Record = {"id": rid, "kind": "note", "article": article_id}
        if on:
            target = self.corpus.get(on, article_id)
            if target is None:
                raise SessionError(f"no annotation {on!r}")
            record["on"] = target.ref if target.article != article_id else target.id
        else:
            if start is None or end is None:
                raise SessionError("a note needs a selection or an annotation")
            record.update(self._anchor_fields(article_id, start, end))
        record["text"] = text
        self._do(rid, self._stamp(record))
        return self._get(article_id, rid)

    def add_annotation(self, kind: str, article_id: str, start: int, end: int,
                       **extra: str) -> Annotation:
        """The user's own claim or source from a selection."""
        if kind not in ("claim", "source"):
            raise SessionError(f"cannot create a {kind}")
        rid = new_id(self.author, kind[0] + "-")
        record: Record = {"id": rid, "kind": kind, "article": article_id}
        record.update(self._anchor_fields(article_id, start, end))
        if kind == "source":
            record["name"] = extra.get("name") or record["quote"]
        record.update({k: v for k, v in extra.items() if v and k != "name"})
        self._do(rid, self._stamp(record))
        return self._get(article_id, rid)

    def edit_text(self, ref: str, text: str) -> Annotation:
        record = dict(self._own(ref))
        if record.get("kind") == "note" and not text.strip():
            raise SessionError("a note needs some text")
        record["text"] = text
        record["modified"] = utc_now()
        self._do(record["id"], record)
        return self._get(record["article"], record["id"])

    def delete(self, ref: str) -> None:
        record = self._own(ref)
        self._do(record["id"], None)

    def set_verdict(self, ref: str, value: str, comment: str | None = None) -> SaveResult:
        if value not in VERDICTS:
            raise SessionError(f"unknown verdict {value!r}")
        claim = self.corpus.get(ref)
        if claim is None or claim.kind != "claim":
            raise SessionError("verdicts are given to claims")
        rid = f"verdict:{claim.article}:{claim.id}"
        old = self.store.records.get(rid)
        record: Record = {"id": rid, "kind": "verdict", "on": claim.ref, "verdict": value}
        keep = comment if comment is not None else (old or {}).get("comment", "")
        if keep:
            record["comment"] = keep
        return self._do(rid, self._stamp(record, (old or {}).get("created")))

    def link(self, refs: list[str], summary: str, relation: str = "contradicts") -> SaveResult:
        if len(set(refs)) < 2:
            raise SessionError("a link needs two different claims")
        for ref in refs:
            claim = self.corpus.get(ref)
            if claim is None or claim.kind != "claim":
                raise SessionError(f"{ref} is not a claim")
        if not summary.strip():
            raise SessionError("a link needs a one-line summary")
        rid = new_id(self.author, "l-")
        record: Record = {"id": rid, "kind": "link", "relation": relation,
                          "summary": " ".join(summary.split()), "claims": list(refs)}
        return self._do(rid, self._stamp(record))

    def undo(self) -> Change:
        if not self.undo_stack:
            raise SessionError("nothing to undo")
        change = self.undo_stack.pop()
        for record_id, before, _ in reversed(change.items):
            self._set(record_id, before)
        self.last_articles = self._articles_of(change)
        self.redo_stack.append(change)
        self._commit()
        return change

    def redo(self) -> Change:
        if not self.redo_stack:
            raise SessionError("nothing to redo")
        change = self.redo_stack.pop()
        for record_id, _, after in change.items:
            self._set(record_id, after)
        self.last_articles = self._articles_of(change)
        self.undo_stack.append(change)
        self._commit()
        return change

    def _get(self, article_id: str, rid: str) -> Annotation:
        found = self.corpus.get(f"{article_id}#{rid}")
        if found is None:
            raise SessionError(f"{rid} was saved but could not be shown")
        return found

    def is_own(self, annotation: Annotation) -> bool:
        return annotation.path == self.store.path and annotation.id in self.store.records


def _as_ymap(value, yamlio):  # type: ignore[no-untyped-def]
    if isinstance(value, dict):
        out = yamlio.YMap()
        for key, item in value.items():
            out[key] = _as_ymap(item, yamlio)
        return out
    if isinstance(value, list):
        out_list = yamlio.YList()
        for item in value:
            out_list.append(_as_ymap(item, yamlio))
            out_list.marks.append((0, 0))
        return out_list
    return value

