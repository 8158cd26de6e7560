"""Validate annotation files (schema version 1) into model objects.

Every problem becomes a Diagnostic with the line and column of the offending
value and a hint; validation never raises, so one bad record or file does not
hide the others.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tui.core.files import yamlio
from tui.core.files.article import META_KEYS
from tui.core.files.fields import Fields, load_yaml_file, type_name, unknown_keys
from tui.core.model.annotations import KINDS, RELATIONS, VERDICTS, Anchor, Annotation, Link, Verdict
from tui.core.model.diagnostics import Problems

SCHEMA_VERSION = 1
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")
REF_PATTERN = re.compile(r"([A-Za-z0-9][A-Za-z0-9_.-]*#)?[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")

ARTICLE_FILE_KEYS = ("version", "article", "meta", "annotations")
LINK_FILE_KEYS = ("version", "links")
COMMON_KEYS = (
    "id",
    "kind",
    "quote",
    "prefix",
    "suffix",
    "occurrence",
    "start",
    "author",
    "created",
    "modified",
    "text",
    "tags",
)
PROVENANCE_KEYS = ("origin", "creator")  # kept by imports, written back by exports
RECORD_KEYS = ("article", "conflict") + PROVENANCE_KEYS
VERDICT_KEYS = (
    "id",
    "kind",
    "on",
    "verdict",
    "comment",
    "author",
    "created",
    "modified",
    "conflict",
) + PROVENANCE_KEYS
KIND_KEYS = {
    "claim": ("source", "topic", "value", "unit", "counts", "as_of", "event"),
    "source": ("name",),
    "note": ("on",),
}
LINK_KEYS = ("id", "relation", "summary", "claims", "author", "created", "modified")


def _check_version(data: yamlio.YMap, problems: Problems) -> bool:
    version = data.get("version")
    if version is None:
        line, col = data.mark
        problems.warning(line, col, "no schema 'version'; assuming 1", "add 'version: 1'")
        return True
    if version != SCHEMA_VERSION:
        line, col = data.mark_of("version")
        problems.error(
            line,
            col,
            f"unsupported schema version {version!r}",
            f"this crossread reads version {SCHEMA_VERSION}",
        )
        return False
    return True


def parse_article_file(
    path: Path, article_id: str, problems: Problems, root: Path | None = None, raw: bytes | None = None
) -> tuple[list[Annotation], dict[str, str]]:
    """Annotations and metadata from one article's YAML file."""
    data = load_yaml_file(path, problems, root, raw)
    if data is None:
        return [], {}
    if not isinstance(data, yamlio.YMap):
        problems.error(
            1,
            1,
            "the file must be a mapping with 'version' and 'annotations'",
            "start the file with 'version: 1' and 'annotations:'",
        )
        return [], {}
    if not _check_version(data, problems):
        return [], {}
    unknown_keys(problems, data, ARTICLE_FILE_KEYS, "the file")
    named = data.get("article")
    if named is not None and str(named) != article_id:
        line, col = data.mark_of("article")
        problems.error(
            line,
            col,
            f"the file says article {named!r} but is named for {article_id!r}",
            f"rename the file to {named}.yaml or fix 'article'",
        )
    meta: dict[str, str] = {}
    raw_meta = data.get("meta")
    if isinstance(raw_meta, yamlio.YMap):
        unknown_keys(problems, raw_meta, (*META_KEYS, "sha256"), "meta")
        fields = Fields(raw_meta, problems, "meta")
        meta = {k: fields.text(k) for k in (*META_KEYS, "sha256") if k in raw_meta}
        if meta.get("sha256") and not re.fullmatch(r"[0-9a-f]{64}", meta["sha256"]):
            fields._bad(
                "sha256",
                "'sha256' is not a SHA-256 hex digest (64 of 0-9, a-f)",
                "run 'crossread check --accept-changes <article>' to write it",
            )
            del meta["sha256"]
    elif raw_meta is not None:
        line, col = data.mark_of("meta")
        problems.error(line, col, "'meta' must be a mapping", "write 'meta:' with 'title: ...' below")
    items = data.get("annotations")
    if items is None:
        return [], meta
    if not isinstance(items, yamlio.YList):
        line, col = data.mark_of("annotations")
        problems.error(line, col, "'annotations' must be a list", "start each annotation with '- id: ...'")
        return [], meta
    annotations: list[Annotation] = []
    seen: dict[str, int] = {}
    for item, mark in zip(items, items.marks, strict=True):
        annotation = parse_annotation(item, mark, path, article_id, problems)
        if annotation is None:
            continue
        if annotation.id in seen:
            problems.error(
                annotation.line,
                annotation.column,
                f"duplicate id {annotation.id!r} (first on line {seen[annotation.id]})",
                "give each annotation its own id",
            )
            continue
        seen[annotation.id] = annotation.line
        annotations.append(annotation)
    return annotations, meta


def parse_annotation(
    item: Any,
    mark: tuple[int, int],
    path: Path,
    article_id: str,
    problems: Problems,
    extra_keys: tuple[str, ...] = (),
) -> Annotation | None:
    line, col = mark
    if not isinstance(item, yamlio.YMap):
        problems.error(
            line,
            col,
            f"an annotation must be a mapping, not {type_name(item)}",
            "write '- id: ...' with 'kind:' and 'quote:' below it",
        )
        return None
    fields = Fields(item, problems, "this annotation")
    ident = fields.text("id", required=True, hint="add a short stable id, e.g. 'id: troops-12k'")
    if ident and not ID_PATTERN.match(ident):
        fields._bad(
            "id",
            f"the id {ident!r} has characters ids may not use",
            "use letters, digits, '-', '_', '.' or ':'",
        )
    kind = fields.text("kind", required=True, hint="add 'kind: claim', 'source' or 'note'")
    if kind and kind not in KINDS:
        close = difflib.get_close_matches(kind, KINDS, n=1)
        fields._bad(
            "kind",
            f"unknown kind {kind!r}",
            f"did you mean {close[0]!r}?" if close else f"use one of {', '.join(KINDS)}",
        )
        kind = ""
    unknown_keys(
        problems, item, COMMON_KEYS + KIND_KEYS.get(kind, ()) + extra_keys, f"a {kind or 'annotation'}"
    )
    quote = fields.text("quote")
    target = fields.text("on") if kind == "note" else ""
    if kind and not quote and not target:
        line_k, col_k = item.mark
        problems.error(
            line_k,
            col_k,
            f"this {kind} has no 'quote'",
            "copy the exact words from the article into 'quote: ...'"
            + (", or attach the note with 'on: <id>'" if kind == "note" else ""),
        )
        fields.ok = False
    text = fields.text("text")
    if kind == "note" and not text:
        line_k, col_k = item.mark
        problems.error(line_k, col_k, "this note has no 'text'", "add 'text: ...'")
        fields.ok = False
    anchor = None
    if quote:
        anchor = Anchor(
            quote,
            fields.text("prefix"),
            fields.text("suffix"),
            fields.integer("occurrence", 1) or 0,
            fields.integer("start", 0),
        )
    annotation = Annotation(
        article=article_id,
        id=ident,
        kind=kind,
        anchor=anchor,
        path=path,
        line=line,
        column=col,
        source=fields.text("source"),
        topic=fields.text("topic"),
        tags=fields.text_list("tags"),
        name=fields.text("name"),
        text=text,
        target=target,
        author=fields.text("author"),
        created=fields.text("created"),
        modified=fields.text("modified"),
        conflict=fields.text("conflict") if "conflict" in extra_keys else "",
        origin=fields.text("origin") if "origin" in extra_keys else "",
        creator=fields.text("creator") if "creator" in extra_keys else "",
    )
    if kind == "claim":
        _structured(annotation, item, fields, problems)
    for key in ("source", "on"):
        value = item.get(key)
        if isinstance(value, str) and not REF_PATTERN.match(value):
            fields._bad(
                key,
                f"{key!r} is not a valid reference: {value!r}",
                "write an id, or '<article-id>#<id>' for another article",
            )
    return annotation if fields.ok else None


def _structured(annotation: Annotation, item: yamlio.YMap, fields: Fields, problems: Problems) -> None:
    """value/unit/counts/as_of/event: a claim's figure and moment, normalised."""
    annotation.value = fields.value("value")
    annotation.unit, annotation.counts = fields.text("unit"), fields.text("counts")
    annotation.as_of, annotation.event = fields.date("as_of"), fields.text("event")
    for key in ("unit", "counts"):
        if key in item and "value" not in item:
            line, col = item.key_marks[key]
            problems.warning(
                line,
                col,
                f"{key!r} without a 'value' says nothing",
                "add 'value: N' (or [low, high]), or remove it",
            )


def parse_links_file(
    path: Path, problems: Problems, root: Path | None = None, raw: bytes | None = None
) -> list[Link]:
    data = load_yaml_file(path, problems, root, raw)
    if data is None:
        return []
    if not isinstance(data, yamlio.YMap):
        problems.error(
            1,
            1,
            "the file must be a mapping with 'version' and 'links'",
            "start the file with 'version: 1' and 'links:'",
        )
        return []
    if not _check_version(data, problems):
        return []
    unknown_keys(problems, data, LINK_FILE_KEYS, "the file")
    items = data.get("links")
    if items is None:
        return []
    if not isinstance(items, yamlio.YList):
        line, col = data.mark_of("links")
        problems.error(line, col, "'links' must be a list", "start each link with '- id: ...'")
        return []
    links: list[Link] = []
    seen: dict[str, int] = {}
    for item, (line, col) in zip(items, items.marks, strict=True):
        if not isinstance(item, yamlio.YMap):
            problems.error(
                line,
                col,
                f"a link must be a mapping, not {type_name(item)}",
                "write '- id: ...' with 'summary:' and 'claims:' below it",
            )
            continue
        unknown_keys(problems, item, LINK_KEYS, "a link")
        fields = Fields(item, problems, "this link")
        ident = fields.text("id", required=True, hint="add a short stable id")
        relation = fields.text("relation") or "contradicts"
        if relation not in RELATIONS:
            fields._bad("relation", f"unknown relation {relation!r}", f"use one of {', '.join(RELATIONS)}")
        summary = fields.text("summary", required=True, hint="add a one-line English 'summary: ...'")
        members = fields.text_list("claims")
        raw = item.get("claims")
        marks = tuple(raw.marks) if isinstance(raw, yamlio.YList) else ()
        if len(members) < 2 and fields.ok:
            fields._bad(
                "claims" if "claims" in item else "id",
                "a link needs at least two claims",
                "list them as 'claims: [article-a#id, article-b#id]'",
            )
        for ref, (m_line, m_col) in zip(members, marks or [item.mark] * len(members), strict=False):
            if "#" not in ref:
                problems.error(
                    m_line,
                    m_col,
                    f"{ref!r} does not name its article",
                    "write '<article-id>#<annotation-id>'",
                )
                fields.ok = False
        if not _distinct_members(ident, members, marks or [item.mark] * len(members), problems):
            fields.ok = False
        if ident in seen:
            problems.error(
                line,
                col,
                f"duplicate id {ident!r} (first on line {seen[ident]})",
                "give each link its own id",
            )
            continue
        if not fields.ok:
            continue
        seen[ident] = line
        links.append(
            Link(
                ident,
                relation,
                summary,
                members,
                path,
                line,
                col,
                author=fields.text("author"),
                created=fields.text("created"),
                modified=fields.text("modified"),
                member_marks=marks or ((line, col),) * len(members),
            )
        )
    return links


def _distinct_members(
    ident: str, members: tuple[str, ...], marks: Sequence[tuple[int, int]], problems: Problems
) -> bool:
    """A claim linked to itself says nothing; report each repeat where it stands."""
    first: dict[str, tuple[int, int]] = {}
    ok = True
    for ref, (line, col) in zip(members, marks, strict=False):
        if ref in first:
            problems.error(
                line,
                col,
                f"link {ident!r} links claim {ref!r} to itself "
                f"(listed first at {first[ref][0]}:{first[ref][1]})",
                "a link joins two different claims; remove the repeat",
            )
            ok = False
        else:
            first[ref] = (line, col)
    return ok


def parse_user_file(
    path: Path, problems: Problems, root: Path | None = None
) -> tuple[list[Annotation], list[Verdict], list[Link]]:
    """An author's own file: notes, claims, sources, verdicts and links as records."""
    data = load_yaml_file(path, problems, root)
    if data is None:
        return [], [], []
    if not isinstance(data, yamlio.YMap):
        problems.error(
            1,
            1,
            "a notes file must be a mapping with a 'records' list",
            "restore it from git, or move it aside",
        )
        return [], [], []
    if not _check_version(data, problems):
        return [], [], []
    unknown_keys(problems, data, ("version", "author", "records", "deleted"), "the file")
    items = data.get("records")
    if items is None:
        return [], [], []
    if not isinstance(items, yamlio.YList):
        line, col = data.mark_of("records")
        problems.error(line, col, "'records' must be a list", "start each record with '- id:'")
        return [], [], []
    annotations: list[Annotation] = []
    verdicts: list[Verdict] = []
    links: list[Link] = []
    for item, mark in zip(items, items.marks, strict=True):
        record = parse_record(item, mark, path, problems)
        if isinstance(record, Annotation):
            annotations.append(record)
        elif isinstance(record, Verdict):
            verdicts.append(record)
        elif isinstance(record, Link):
            links.append(record)
    return annotations, verdicts, links


def parse_record(
    item: Any, mark: tuple[int, int], path: Path, problems: Problems
) -> Annotation | Verdict | Link | None:
    line, col = mark
    if not isinstance(item, yamlio.YMap):
        problems.error(line, col, "a record must be a mapping", "remove the broken record")
        return None
    kind = item.get("kind")
    if kind == "rejection":
        return None  # a dismissed suggestion (Session.reject_suggestion): only the reader reads it
    if kind == "verdict":
        unknown_keys(problems, item, VERDICT_KEYS, "a verdict")
        fields = Fields(item, problems, "this verdict")
        ident = fields.text("id", required=True)
        target = fields.text("on", required=True, hint="name the claim as '<article>#<id>'")
        value = fields.text("verdict", required=True, hint=f"one of {', '.join(VERDICTS)}")
        if value and value not in VERDICTS:
            fields._bad("verdict", f"unknown verdict {value!r}", f"use one of {', '.join(VERDICTS)}")
        if target and "#" not in target:
            fields._bad("on", f"{target!r} does not name its article", "write '<article>#<id>'")
        if not fields.ok:
            return None
        return Verdict(
            ident,
            target,
            value,
            path,
            fields.text("comment"),
            fields.text("author"),
            fields.text("created"),
            fields.text("modified"),
            line,
            col,
            fields.text("origin"),
            fields.text("creator"),
        )
    if kind == "link":
        fields = Fields(item, problems, "this link")
        unknown_keys(problems, item, LINK_KEYS + ("kind", "conflict") + PROVENANCE_KEYS, "a link")
        ident = fields.text("id", required=True)
        relation = fields.text("relation") or "contradicts"
        if relation not in RELATIONS:
            fields._bad("relation", f"unknown relation {relation!r}", f"use one of {', '.join(RELATIONS)}")
        summary = fields.text("summary", required=True, hint="add a one-line 'summary: ...'")
        members = fields.text_list("claims")
        if len(members) < 2 or any("#" not in m for m in members):
            fields._bad(
                "claims" if "claims" in item else "id",
                "a link needs at least two claims written '<article>#<id>'",
                "list them as 'claims: [a#x, b#y]'",
            )
        raw = item.get("claims")
        marks = list(raw.marks) if isinstance(raw, yamlio.YList) else [mark] * len(members)
        if not _distinct_members(ident, members, marks, problems):
            fields.ok = False
        if not fields.ok:
            return None
        return Link(
            ident,
            relation,
            summary,
            members,
            path,
            line,
            col,
            author=fields.text("author"),
            created=fields.text("created"),
            modified=fields.text("modified"),
            origin=fields.text("origin"),
            creator=fields.text("creator"),
            member_marks=((line, col),) * len(members),
        )
    article = item.get("article")
    if not isinstance(article, str) or not article:
        problems.error(line, col, "this record does not name its 'article'", "add 'article: <article-id>'")
        return None
    return parse_annotation(item, mark, path, article, problems, RECORD_KEYS)
