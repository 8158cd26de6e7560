"""A reviewer's session: every change to data, saved at once, undoable.

The TUI calls these methods and nothing else to change data, so the same work
can be done (and tested) without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.document.anchoring import context_of
from tui.core.files import yamlio
from tui.core.files.store import Record, RecordStore, SaveResult, new_id, notes_path, utc_now
from tui.core.model.annotations import VERDICTS, Annotation, Link, Verdict, split_ref
from tui.core.model.changes import ChangeSet, RecordChange
from tui.core.model.corpus import Corpus


class SessionError(Exception):
    """A change that cannot be made (bad target, nothing to undo...)."""


@dataclass
class Change:
    """One user action on the undo stack: the records it touched, and its name."""

    items: list[RecordChange]
    label: str


class Session:
    def __init__(self, corpus: Corpus, author: str, path: Path | None = None) -> None:
        self.corpus = corpus
        self.author = author
        self.store = RecordStore(path or notes_path(corpus.root, author), author)
        problems = self.store.load()
        self.load_problems = problems
        self.undo_stack: list[Change] = []
        self.redo_stack: list[Change] = []
        if self.store.path not in corpus.note_files:
            self._refresh()

    # ------------------------------------------------------------ plumbing

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def unsaved(self) -> bool:
        return self.store.dirty

    @property
    def read_only(self) -> str:
        """Why this author's file cannot be written now ('' when it can)."""
        return self.store.blocked

    def _set(self, record_id: str, after: Record | None) -> Record | None:
        return self.store.remove(record_id) if after is None else self.store.put(after)

    def _do(self, record_id: str, after: Record | None, label: str) -> ChangeSet:
        before = self._set(record_id, after)
        change = Change([RecordChange(record_id, before, after)], label)
        self.undo_stack.append(change)
        self.redo_stack.clear()
        return self._commit(change.items, label)

    def add_records(self, records: list[Record], label: str = "import") -> ChangeSet:
        """Add many records in one write; if it fails, none of them stay."""
        was_dirty, was_deleted = self.store.dirty, dict(self.store.deleted)
        items = [RecordChange(r["id"], self._set(r["id"], r), r) for r in records]
        result = self.store.save()
        if not result.ok:
            for item in reversed(items):
                self._set(item.id, item.before)
            self.store.dirty, self.store.deleted = was_dirty, was_deleted
            return ChangeSet((), result, label)
        self.undo_stack.append(Change(items, label))
        self.redo_stack.clear()
        return self._sync(items, result, label)

    def _commit(self, items: list[RecordChange], label: str) -> ChangeSet:
        return self._sync(items, self.store.save(), label)

    def _sync(self, items: list[RecordChange], result: SaveResult, label: str) -> ChangeSet:
        """Bring the corpus up to date with the store and say what changed.

        Only the changed records are re-parsed and re-indexed; a save that took
        in other writers' records rebuilds this author's layer instead.
        """
        articles: set[str] = set()
        for item in items:
            articles |= item.articles()
        if result.merged_from_disk:
            self._refresh()
            articles |= set(self.corpus.articles)
        else:
            for item in items:
                self._apply(item)
        return ChangeSet(
            tuple(items),
            result,
            label,
            result.merged_from_disk,
            self._annotation_of(items),
            frozenset(articles),
        )

    def _apply(self, item: RecordChange) -> None:
        from tui.core.files.schema import parse_record
        from tui.core.model.diagnostics import Problems

        path = self.store.path
        if item.before is not None:
            self.corpus.remove(
                path, item.id, item.kind, str(item.before.get("article", "")), str(item.before.get("on", ""))
            )
        if item.after is not None:
            problems = Problems(path)
            parsed = parse_record(_as_ymap(item.after), (0, 0), path, problems)
            if parsed is not None:
                self.corpus.put(parsed, problems)
        record = item.after or item.before or {}
        if record.get("article"):  # links naming this annotation may now (not) resolve
            self.corpus.refresh_links(f"{record['article']}#{item.id}")

    def _annotation_of(self, items: list[RecordChange]) -> Annotation | None:
        for item in items:
            record = item.after
            if record and record.get("kind") in ("note", "claim", "source"):
                return self.corpus.get(f"{record.get('article')}#{item.id}")
        return None

    def retry(self) -> ChangeSet:
        return self._commit([], "retry")

    def _refresh(self) -> None:
        """Rebuild this author's layer of the corpus from the records in memory."""
        from tui.core.files.schema import parse_record
        from tui.core.model.diagnostics import Problems

        path = self.store.path
        self.corpus.drop_layer(path)
        problems = Problems(path)
        annotations: list[Annotation] = []
        verdicts: list[Verdict] = []
        links: list[Link] = []
        for record in self.store.records.values():
            parsed = parse_record(_as_ymap(record), (0, 0), path, problems)
            if isinstance(parsed, Annotation):
                annotations.append(parsed)
            elif isinstance(parsed, Verdict):
                verdicts.append(parsed)
            elif isinstance(parsed, Link):
                links.append(parsed)
        self.corpus.add_layer(path, annotations, verdicts, links, problems)
        if path not in self.corpus.note_files:
            self.corpus.note_files.append(path)
        self.corpus.refresh_links()

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
        return {"quote": article.text[start:end], "prefix": prefix, "suffix": suffix, "start": start}

    def _own(self, ref: str) -> Record:
        article, ident = split_ref(ref)
        record = self.store.records.get(ident)
        if record is None or record.get("article") not in (article, None):
            raise SessionError(f"{ref} is not one of your records")
        return record

    # ------------------------------------------------------------ changes

    def add_note(
        self,
        text: str,
        article_id: str,
        start: int | None = None,
        end: int | None = None,
        on: str | None = None,
    ) -> ChangeSet:
        """A note on a span of text, or on an existing annotation (`on`)."""
        if not text.strip():
            raise SessionError("a note needs some text")
        rid = new_id(self.author, "n-")
        record: Record = {"id": rid, "kind": "note", "article": article_id}
        label = "note"
        if on:
            target = self.corpus.get(on, article_id)
            if target is None:
                raise SessionError(f"no annotation {on!r}")
            record["on"] = target.ref if target.article != article_id else target.id
            label = f"note on {target.id}"
        else:
            if start is None or end is None:
                raise SessionError("a note needs a selection or an annotation")
            record.update(self._anchor_fields(article_id, start, end))
        record["text"] = text
        return self._checked(self._do(rid, self._stamp(record), label))

    def add_annotation(self, kind: str, article_id: str, start: int, end: int, **extra: str) -> ChangeSet:
        """The user's own claim or source from a selection."""
        if kind not in ("claim", "source"):
            raise SessionError(f"cannot create a {kind}")
        rid = new_id(self.author, kind[0] + "-")
        record: Record = {"id": rid, "kind": kind, "article": article_id}
        record.update(self._anchor_fields(article_id, start, end))
        if kind == "source":
            record["name"] = extra.get("name") or record["quote"]
        record.update({k: v for k, v in extra.items() if v and k != "name"})
        label = f"{kind} '{_short(record['quote'])}'"
        return self._checked(self._do(rid, self._stamp(record), label))

    def edit_text(self, ref: str, text: str) -> ChangeSet:
        record = dict(self._own(ref))
        if record.get("kind") == "note" and not text.strip():
            raise SessionError("a note needs some text")
        record["text"] = text
        record["modified"] = utc_now()
        label = f"edit of {record['kind']} {record['id']}"
        return self._checked(self._do(record["id"], record, label))

    def edit_fields(self, ref: str, **fields: str | list[str]) -> ChangeSet:
        """Change the source, topic or tags of your own claim (or a source's name);
        an empty value removes the field."""
        record = dict(self._own(ref))
        allowed = {"claim": {"source", "topic", "tags"}, "source": {"name", "topic", "tags"}}
        unknown = set(fields) - allowed.get(str(record.get("kind")), set())
        if unknown:
            raise SessionError(f"cannot set {', '.join(sorted(unknown))} on a {record.get('kind')}")
        for key, value in fields.items():
            if value:
                record[key] = value
            else:
                record.pop(key, None)
        record["modified"] = utc_now()
        label = f"edit of {record['kind']} {record['id']}"
        return self._checked(self._do(record["id"], record, label))

    def delete(self, ref: str) -> ChangeSet:
        record = self._own(ref)
        label = f"deletion of {record.get('kind', 'record')} {record['id']}"
        return self._do(record["id"], None, label)

    def set_verdict(self, ref: str, value: str, comment: str | None = None) -> ChangeSet:
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
        label = (
            f"verdict '{value}' on {claim.id}" if comment is None else f"comment on the verdict on {claim.id}"
        )
        return self._do(rid, self._stamp(record, (old or {}).get("created")), label)

    def existing_link(self, refs: list[str]) -> Link | None:
        """A link that already joins these claims (perhaps with others), by anyone."""
        wanted = set(refs)
        first = self.corpus.get(refs[0])
        links = self.corpus.links_of(first) if first is not None else []
        return next((link for link in links if wanted <= set(link.members)), None)

    def link(self, refs: list[str], summary: str, relation: str = "contradicts") -> ChangeSet:
        if len(set(refs)) < 2:
            raise SessionError("a link needs two different claims")
        for ref in refs:
            claim = self.corpus.get(ref)
            if claim is None or claim.kind != "claim":
                raise SessionError(f"{ref} is not a claim")
        if not summary.strip():
            raise SessionError("a link needs a one-line summary")
        rid = new_id(self.author, "l-")
        record: Record = {
            "id": rid,
            "kind": "link",
            "relation": relation,
            "summary": " ".join(summary.split()),
            "claims": list(refs),
        }
        names = " and ".join(split_ref(r)[1] for r in refs)
        return self._do(rid, self._stamp(record), f"link '{relation}' between {names}")

    def edit_link(self, link_id: str, summary: str, relation: str | None = None) -> ChangeSet:
        """Change the summary (and relation) of one of your own links."""
        record = self.store.records.get(link_id)
        if record is None or record.get("kind") != "link":
            raise SessionError(f"{link_id} is not one of your links")
        if not summary.strip():
            raise SessionError("a link needs a one-line summary")
        updated = dict(record, summary=" ".join(summary.split()), modified=utc_now())
        if relation:
            updated["relation"] = relation
        return self._do(link_id, updated, f"edit of link {link_id}")

    def reject_suggestion(self, suggestion_id: str) -> ChangeSet:
        """Remember a dismissed suggestion in the author's file, so it never comes
        back (ids are stable across runs); undo brings it back."""
        if not suggestion_id.strip():
            raise SessionError("no suggestion to reject")
        rid = f"rejection:{suggestion_id}"
        old = self.store.records.get(rid)
        record: Record = {"id": rid, "kind": "rejection", "suggestion": suggestion_id}
        return self._do(
            rid, self._stamp(record, (old or {}).get("created")), f"rejection of suggestion {suggestion_id}"
        )

    def undo(self) -> ChangeSet:
        if not self.undo_stack:
            raise SessionError("nothing to undo")
        change = self.undo_stack.pop()
        undone = [RecordChange(i.id, i.after, i.before) for i in reversed(change.items)]
        for item in undone:
            self._set(item.id, item.after)
        self.redo_stack.append(change)
        return self._commit(undone, f"Undone: {change.label}")

    def redo(self) -> ChangeSet:
        if not self.redo_stack:
            raise SessionError("nothing to redo")
        change = self.redo_stack.pop()
        for item in change.items:
            self._set(item.id, item.after)
        self.undo_stack.append(change)
        return self._commit(change.items, f"Redone: {change.label}")

    def _checked(self, changes: ChangeSet) -> ChangeSet:
        """A change that made an annotation must be able to show it."""
        if changes.annotation is None and changes.records and changes.records[0].after:
            raise SessionError(f"{changes.records[0].id} was saved but could not be shown")
        return changes

    def is_own(self, annotation: Annotation) -> bool:
        return annotation.path == self.store.path and annotation.id in self.store.records


def _short(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _as_ymap(value: Any) -> Any:
    """A plain record as the YAML tree `parse_record` reads (no positions)."""
    if isinstance(value, dict):
        out = yamlio.YMap()
        for key, item in value.items():
            out[key] = _as_ymap(item)
        return out
    if isinstance(value, list):
        out_list = yamlio.YList()
        for item in value:
            out_list.append(_as_ymap(item))
            out_list.marks.append((0, 0))
        return out_list
    return value
