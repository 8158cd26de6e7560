"""A corpus: a folder of articles plus the annotations that anchor into them.

The model and its indexes; loading one from a folder is in loading.py, whose
names are importable from here as they always were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter, countOf
from pathlib import Path

from tui.core.document.anchoring import TextIndex, resolve, resolve_all
from tui.core.files.article import Article
from tui.core.files.entities import Entity
from tui.core.files.snapshot import Snapshot
from tui.core.model.annotations import Annotation, Link, Verdict, split_ref
from tui.core.model.checks import note_chain, note_loops, report_anchor
from tui.core.model.diagnostics import Diagnostic, Problems


@dataclass
class Counts:
    claims: int = 0
    sources: int = 0
    notes: int = 0
    contradictions: int = 0
    orphans: int = 0


@dataclass
class Corpus:
    root: Path
    articles: dict[str, Article] = field(default_factory=dict)
    annotations: dict[str, list[Annotation]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)  # annotations/entities.yaml
    verdicts: dict[str, list[Verdict]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    note_files: list[Path] = field(default_factory=list)
    # article -> id -> annotation: keyed by the ids the annotations hold, so no
    # "article#id" string is kept per annotation (64 bytes each, 3 MB at 5 MB).
    _by_id: dict[str, dict[str, Annotation]] = field(default_factory=dict)
    _claim_counts: dict[str, int] = field(default_factory=dict)
    _text_indexes: dict[str, TextIndex] = field(default_factory=dict)
    _cache_keys: dict[Path, str] = field(default_factory=dict)
    _from_cache: set[Path] = field(default_factory=set)
    _pending_meta: dict[Path, dict[str, str]] = field(default_factory=dict)
    _links_by_ref: dict[str, list[Link]] = field(default_factory=dict)
    _links_version: int = 0  # bumped by every change of a link (put, remove)
    _contra: dict[str, int] = field(default_factory=dict)
    _contra_key: tuple[int, int, int] = (0, -1, 0)
    _snapshot: Snapshot | None = None  # articles parsed on this load, to write once complete

    def get(self, ref: str, default_article: str = "") -> Annotation | None:
        article, ident = split_ref(ref, default_article)
        return self._by_id.get(article, _NONE).get(ident)

    def contradiction_refs(self) -> set[str]:
        """Every claim that belongs to at least one contradiction."""
        return {ref for link in self.links if link.relation == "contradicts" for ref in link.members}

    def links_of(self, annotation: Annotation) -> list[Link]:
        return self._links_by_ref.get(annotation.ref, [])

    def notes_on(self, annotation: Annotation) -> list[Annotation]:
        """Notes attached to an annotation, or written on text it covers."""
        r = annotation.resolution
        found = []
        for a in self.annotations.get(annotation.article, []):
            if a.kind != "note" or a is annotation:
                continue
            if a.target:
                if self.get(a.target, a.article) is annotation:
                    found.append(a)
            elif r.resolved and a.resolution.resolved and a.start < r.end and a.end > r.start:
                found.append(a)
        return found

    def counts(self, article_id: str | None = None) -> Counts:
        counts = Counts()
        ids = [article_id] if article_id else list(self.annotations)
        for aid in ids:
            for annotation in self.annotations.get(aid, []):
                if annotation.kind == "claim":
                    counts.claims += 1
                elif annotation.kind == "source":
                    counts.sources += 1
                elif annotation.kind == "note":
                    counts.notes += 1
                if annotation.anchor and not annotation.resolution.resolved:
                    counts.orphans += 1
        if article_id is None:
            counts.contradictions = sum(1 for link in self.links if link.relation == "contradicts")
        else:
            counts.contradictions = self._contradictions_by_article().get(article_id, 0)
        return counts

    def _contradictions_by_article(self) -> dict[str, int]:
        """Contradiction links per article, counted once per change of the links:
        the articles list asks for every article (2,000 x 2,000 links before)."""
        key = (id(self.links), len(self.links), self._links_version)
        if self._contra_key != key:
            found: dict[str, int] = {}
            for link in self.links:
                if link.relation == "contradicts":
                    for article in {split_ref(m)[0] for m in link.members}:
                        found[article] = found.get(article, 0) + 1
            self._contra, self._contra_key = found, key
        return self._contra

    def text_index(self, article_id: str) -> TextIndex:
        index = self._text_indexes.get(article_id)
        if index is None:
            index = self._text_indexes[article_id] = TextIndex(self.articles[article_id].text)
        return index

    def verdict_of(self, ref: str, author: str | None = None) -> Verdict | None:
        """The newest verdict on a claim, by one author or by anyone."""
        found = [v for v in self.verdicts.get(ref, []) if author is None or v.author == author]
        return max(found, key=lambda v: (v.modified or v.created, v.id)) if found else None

    def claims(self, article_ids: list[str] | None = None) -> list[Annotation]:
        ids = article_ids if article_ids is not None else list(self.annotations)
        return [a for aid in ids for a in self.annotations.get(aid, []) if a.kind == "claim"]

    def progress(self, author: str, article_ids: list[str] | None = None) -> tuple[int, int]:
        """(claims this author has judged, all claims) for the review counter.

        Counts from the verdict table and per-article claim counts kept by
        index(), so it stays cheap on the key path of a 50,000-claim corpus.
        """
        ids = set(article_ids) if article_ids is not None else None
        total = sum(n for aid, n in self._claim_counts.items() if ids is None or aid in ids)
        done = 0
        for ref in self.verdicts:
            target = self.get(ref)
            if target is None or target.kind != "claim":
                continue
            if ids is not None and target.article not in ids:
                continue
            verdict = self.verdict_of(ref, author)
            if verdict is not None and verdict.value != "unreviewed":
                done += 1
        return done, total

    def authors(self) -> list[str]:
        return sorted({a.author for items in self.annotations.values() for a in items if a.author})

    def drop_layer(self, path: Path) -> None:
        """Forget everything that came from one user file (before reloading it).

        The records of one file share its Path object, so each article's few
        distinct paths are compared, not the paths of its 50,000 annotations
        (a session starts with this, 0.1 s at 5 MB before)."""
        dropped = False
        for aid, items in self.annotations.items():
            paths = list(map(_path_of, items))
            gone = {id(p) for p in dict(zip(map(id, paths), paths, strict=True)).values() if p == path}
            if gone:
                self.annotations[aid] = [a for a in items if id(a.path) not in gone]
                dropped = True
        if dropped:
            self.index()
        links = [link for link in self.links if link.path != path]
        if len(links) != len(self.links):
            self.links = links
            self._index_links()
        for ref, verdicts in list(self.verdicts.items()):
            kept = [v for v in verdicts if v.path != path]
            if kept:
                self.verdicts[ref] = kept
            else:
                del self.verdicts[ref]
        self.diagnostics = [d for d in self.diagnostics if d.path != path]

    def add_layer(
        self,
        path: Path,
        annotations: list[Annotation],
        verdicts: list[Verdict],
        links: list[Link],
        problems: Problems,
        check_loops: bool = True,
    ) -> None:
        """Add one user file's records, anchoring the new annotations.

        Loops of notes are checked here for a layer added later (a save); while
        loading, the loader checks every note once all layers are in.
        """
        if sum(map(len, self._by_id.values())) != sum(map(len, self.annotations.values())):
            self.index()  # every annotation once in _by_id: it tells which ids are taken
        added: list[Annotation] = []
        for annotation in annotations:
            if annotation.article not in self.articles:
                problems.warning(
                    annotation.line,
                    annotation.column,
                    f"record {annotation.id!r} is on article "
                    f"{annotation.article!r}, which is not in this corpus",
                    "it is kept in the file but not shown",
                )
                continue
            taken = self._by_id.setdefault(annotation.article, {})
            if annotation.id in taken:
                problems.error(
                    annotation.line,
                    annotation.column,
                    f"id {annotation.id!r} is already used in {annotation.article}",
                    "give the record another id",
                )
                continue
            taken[annotation.id] = annotation
            self.annotations[annotation.article].append(annotation)
            if annotation.kind == "claim":
                self._claim_counts[annotation.article] = self._claim_counts.get(annotation.article, 0) + 1
            added.append(annotation)
        for verdict in verdicts:
            self.verdicts.setdefault(verdict.target, []).append(verdict)
        if links:
            self.links.extend(links)
            self._index_links()
        by_article: dict[str, list[Annotation]] = {}
        for annotation in added:
            if annotation.anchor is not None:
                by_article.setdefault(annotation.article, []).append(annotation)
        for aid, items in by_article.items():  # one batch per article, as on load
            index = self.text_index(aid)
            anchors = [a.anchor for a in items if a.anchor is not None]  # all of them
            for annotation, result in zip(items, resolve_all(index, anchors), strict=True):
                annotation.resolution = result
                report_anchor(self, annotation, index)
        _attach_notes(self, added)
        if check_loops:
            problems.extend(note_loops(self, added))
        self.diagnostics.extend(problems)

    def put(self, item: Annotation | Verdict | Link, problems: Problems) -> None:
        """Add one record's object, updating the indexes for it alone.

        The change seam's cheap path: a verdict or a note at 50k annotations
        touches a few dict entries instead of rebuilding every index.
        """
        if isinstance(item, Verdict):
            self.verdicts.setdefault(item.target, []).append(item)
        elif isinstance(item, Link):
            self._links_version += 1
            self.links.append(item)
            for ref in item.members:
                self._links_by_ref.setdefault(ref, []).append(item)
            item.resolved = self.link_resolved(item)
        elif item.article not in self.articles or item.id in self._by_id.get(item.article, _NONE):
            self.add_layer(item.path, [item], [], [], problems)  # reports why, as on load
        else:
            self.annotations[item.article].append(item)
            self._by_id.setdefault(item.article, {})[item.id] = item
            if item.kind == "claim":
                self._claim_counts[item.article] = self._claim_counts.get(item.article, 0) + 1
            if item.anchor is not None:
                index = self.text_index(item.article)
                item.resolution = resolve(index, item.anchor)
                report_anchor(self, item, index)
            _attach_notes(self, [item])
            problems.extend(note_loops(self, [item]))
            self.diagnostics.extend(problems)

    def link_resolved(self, link: Link) -> bool:
        """Whether every claim a link names exists and is anchored."""
        return all((m := self.get(ref)) is not None and m.resolution.resolved for ref in link.members)

    def refresh_links(self, ref: str | None = None) -> None:
        """Recompute `resolved` of the links naming `ref` (of every link if None)."""
        for link in self.links if ref is None else self._links_by_ref.get(ref, []):
            link.resolved = self.link_resolved(link)

    def remove(self, path: Path, record_id: str, kind: str, article: str = "", target: str = "") -> None:
        """Forget the object one record of `path` made (the inverse of `put`)."""
        if kind == "verdict":
            candidates = [target] if target in self.verdicts else list(self.verdicts)
            for target in candidates:
                verdicts = self.verdicts[target]
                kept = [v for v in verdicts if not (v.path == path and v.id == record_id)]
                if len(kept) != len(verdicts):
                    if kept:
                        self.verdicts[target] = kept
                    else:
                        del self.verdicts[target]
                    return
        elif kind == "link":
            for link in [k for k in self.links if k.path == path and k.id == record_id]:
                self._links_version += 1
                self.links = [k for k in self.links if k is not link]
                for ref in link.members:
                    self._links_by_ref[ref] = [k for k in self._links_by_ref.get(ref, []) if k is not link]
        else:
            items = self.annotations.get(article, [])
            # From the end: records a session adds are appended, so this is near O(1).
            for index in range(len(items) - 1, -1, -1):
                annotation = items[index]
                if annotation.id != record_id or annotation.path != path:
                    continue
                del items[index]
                ids = self._by_id.get(article, _NONE)
                if ids.get(annotation.id) is annotation:
                    del ids[annotation.id]
                if annotation.kind == "claim":
                    self._claim_counts[article] -= 1
                break

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def index(self) -> None:
        """Ids and claim counts, in C loops: this runs over every annotation of the corpus."""
        self._by_id = {}
        self._claim_counts = {}
        for aid, items in self.annotations.items():
            self._by_id[aid] = dict(zip(map(_id_of, items), items, strict=True))
            self._claim_counts[aid] = countOf(map(_kind_of, items), "claim")
        self._index_links()

    def _index_links(self) -> None:
        self._links_version += 1
        self._links_by_ref = {}
        for link in self.links:
            for ref in link.members:
                self._links_by_ref.setdefault(ref, []).append(link)


_path_of = attrgetter("path")
_kind_of = attrgetter("kind")
_id_of = attrgetter("id")
_NONE: dict[str, Annotation] = {}  # the ids of an article that has none; never written


def _attach_notes(corpus: Corpus, annotations: list[Annotation]) -> None:
    """Notes attached to another annotation take the span of the first one along
    their `on:` chain that has its own quote (none, when the chain is a loop)."""
    for annotation in annotations:
        if annotation.anchor is None and annotation.target:
            chain, _ = note_chain(corpus, annotation)
            anchored = next((a for a in chain if a.anchor is not None or not a.target), None)
            if anchored is not None:
                annotation.resolution = anchored.resolution


# Last: loading.py imports this module's names inside its functions, not at its top.
from tui.core.model.loading import (  # noqa: E402
    BACKGROUND_BYTES,
    Progress,
    annotation_bytes,
    article_dir,
    article_paths,
    bundled_corpus,
    complete_corpus,
    load_articles,
    load_corpus,
    load_user_file,
    user_note_files,
)

__all__ = [
    "BACKGROUND_BYTES",
    "Corpus",
    "Counts",
    "Progress",
    "annotation_bytes",
    "article_dir",
    "article_paths",
    "bundled_corpus",
    "complete_corpus",
    "load_articles",
    "load_corpus",
    "load_user_file",
    "user_note_files",
]
