"""A cache of parsed articles and anchored annotations, keyed by content hashes.

Parsing YAML and anchoring tens of thousands of quotes takes seconds; reading
the result back as JSON takes milliseconds. An entry is found only when the
bytes of every input are the same as when it was written, so a stale entry is
never used; a broken or unwritable cache is simply ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import fields
from pathlib import Path
from typing import Any

import platformdirs

from tui.core.article import Article, ArticleMeta, Block, Span
from tui.core.atomic import atomic_write
from tui.core.diagnostics import Diagnostic, Level
from tui.core.model import Anchor, Annotation, Match, Resolution

VERSION = "3"  # bump when parsing changes what a given file becomes


def enabled() -> bool:
    return not os.environ.get("CROSSREAD_NO_CACHE")


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("crossread", appauthor=False)) / "v" / VERSION


def digest(*parts: bytes) -> str:
    h = hashlib.sha256(VERSION.encode())
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()[:40]


def _read(kind: str, key: str) -> Any:
    if not enabled():
        return None
    try:
        return json.loads((cache_dir() / kind / f"{key}.json").read_bytes())
    except (OSError, ValueError):
        return None


def _write(kind: str, key: str, data: Any) -> None:
    if not enabled():
        return
    with contextlib.suppress(OSError, ValueError, TypeError):
        folder = cache_dir() / kind
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / f"{key}.json",
                     json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


# ------------------------------------------------------------------ articles


def load_article(key: str, path: Path) -> Article | None:
    data = _read("articles", key)
    if not isinstance(data, dict):
        return None
    try:
        blocks = [Block(b[0], b[1], b[2], b[3], b[4], b[5], b[6], bool(b[7]),
                        tuple(Span(*s) for s in b[8])) for b in data["blocks"]]
        return Article(data["id"], path, data["text"], blocks, ArticleMeta(**data["meta"]),
                       data["format"])
    except (KeyError, TypeError, IndexError):
        return None


def save_article(key: str, article: Article) -> None:
    blocks = [[b.kind, b.start, b.end, b.level, b.indent, b.quote, b.marker, int(b.header),
               [[s.start, s.end, s.style, s.href] for s in b.spans]] for b in article.blocks]
    meta = {f.name: getattr(article.meta, f.name) for f in fields(ArticleMeta)}
    _write("articles", key, {"id": article.id, "text": article.text, "blocks": blocks,
                             "meta": meta, "format": article.format})


# ------------------------------------------------------------------ annotations

_FIELDS = ("source", "topic", "name", "text", "target", "author", "created", "modified",
           "conflict", "unit", "counts", "as_of", "event")


def save_annotations(key: str, annotations: list[Annotation], meta: dict[str, str],
                     diagnostics: list[Diagnostic]) -> None:
    items = []
    for a in annotations:
        anchor = None
        if a.anchor is not None:
            anchor = [a.anchor.quote, a.anchor.prefix, a.anchor.suffix, a.anchor.occurrence,
                      a.anchor.start]
        r = a.resolution
        items.append([a.id, a.kind, a.line, a.column, anchor, list(a.tags),
                      [getattr(a, f) for f in _FIELDS] + [list(a.value) if a.value else None],
                      [r.start, r.end, r.match.value, r.score, int(r.ambiguous)]])
    problems = [[d.line, d.column, d.level.value, d.message, d.hint] for d in diagnostics]
    _write("annotations", key, {"meta": meta, "items": items, "diagnostics": problems})


def load_annotations(key: str, path: Path, article_id: str
                     ) -> tuple[list[Annotation], dict[str, str], list[Diagnostic]] | None:
    data = _read("annotations", key)
    if not isinstance(data, dict):
        return None
    try:
        annotations = []
        for ident, kind, line, column, anchor, tags, fields, res in data["items"]:
            *texts, value = fields
            a = Annotation(article_id, ident, kind, Anchor(*anchor) if anchor else None, path,
                           line, column, tags=tuple(tags), **dict(zip(_FIELDS, texts,
                                                                       strict=True)))
            a.value = (float(value[0]), float(value[1])) if value else None
            a.resolution = Resolution(res[0], res[1], Match(res[2]), res[3], bool(res[4]))
            annotations.append(a)
        diagnostics = [Diagnostic(path, d[0], d[1], Level(d[2]), d[3], d[4])
                       for d in data["diagnostics"]]
        return annotations, dict(data["meta"]), diagnostics
    except (KeyError, TypeError, ValueError):
        return None
