"""A cache of parsed articles and anchored annotations, keyed by content hashes.

Parsing YAML and anchoring tens of thousands of quotes takes seconds; reading
the result back as JSON takes milliseconds. An entry is found only when the
bytes of every input are the same as when it was written, so a stale entry is
never used; a broken or unwritable cache is simply ignored.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from typing import Any

import platformdirs

from tui.core.files.article import Article, ArticleMeta, Block, Span
from tui.core.model.annotations import KINDS, Anchor, Annotation, Match, Resolution
from tui.core.model.diagnostics import Diagnostic, Level

VERSION = "4"  # bump when parsing changes what a given file becomes


def enabled() -> bool:
    return not os.environ.get("CROSSREAD_NO_CACHE")


def cache_dir() -> Path:
    """Where entries live; asked once per file loaded, so computed once per environment."""
    return _cache_dir(os.environ.get("XDG_CACHE_HOME"), os.environ.get("HOME"))


@functools.lru_cache(maxsize=4)
def _cache_dir(xdg: str | None, home: str | None) -> Path:
    return Path(platformdirs.user_cache_dir("crossread", appauthor=False)) / "v" / VERSION


def digest(*parts: bytes) -> str:
    h = hashlib.sha256(VERSION.encode())
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()[:40]


def read_bytes(kind: str, name: str) -> bytes | None:
    if not enabled():
        return None
    try:
        return (cache_dir() / kind / name).read_bytes()
    except OSError:
        return None


def write_bytes(kind: str, name: str, payload: bytes) -> None:
    """Atomic (a temp file renamed over the entry) but not fsynced: a cache is
    not user data, and an entry lost to a power cut is simply rebuilt."""
    if not enabled():
        return
    with contextlib.suppress(OSError):
        folder = cache_dir() / kind
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.replace(tmp, folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _read(kind: str, key: str) -> Any:
    data = read_bytes(kind, f"{key}.json")
    try:
        return None if data is None else json.loads(data)
    except ValueError:
        return None


def _write(kind: str, key: str, data: Any) -> None:
    with contextlib.suppress(ValueError, TypeError):
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        write_bytes(kind, f"{key}.json", payload)


# ------------------------------------------------------------------ articles


def cached_article(key: str, path: Path) -> Article | None:
    data = _read("articles", key)
    if not isinstance(data, dict):
        return None
    try:
        blocks = [
            Block(b[0], b[1], b[2], b[3], b[4], b[5], b[6], bool(b[7]), tuple(map(Span._make, b[8])))
            for b in data["blocks"]
        ]
        return Article(data["id"], path, data["text"], blocks, ArticleMeta(**data["meta"]), data["format"])
    except (KeyError, TypeError, IndexError):
        return None


def save_article(key: str, article: Article) -> None:
    blocks = [
        [
            b.kind,
            b.start,
            b.end,
            b.level,
            b.indent,
            b.quote,
            b.marker,
            int(b.header),
            [[s.start, s.end, s.style, s.href] for s in b.spans],
        ]
        for b in article.blocks
    ]
    meta = {f.name: getattr(article.meta, f.name) for f in fields(ArticleMeta)}
    _write(
        "articles",
        key,
        {"id": article.id, "text": article.text, "blocks": blocks, "meta": meta, "format": article.format},
    )


# ------------------------------------------------------------------ annotations
#
# Column by column: one list per field instead of one list per annotation keeps
# both the file and the parsed JSON small, and fields left at their default
# (most of them, most of the time) are not stored at all.

_CORE = ("article", "id", "kind", "anchor", "path", "line", "column", "resolution")
_KINDS = {kind: kind for kind in KINDS}  # one string object per kind, not per annotation


def _extras() -> list[tuple[str, Any]]:
    """Every other field of Annotation with its default, new fields included."""
    return [(f.name, f.default) for f in fields(Annotation) if f.name not in _CORE]


def save_annotations(
    key: str, annotations: list[Annotation], meta: dict[str, str], diagnostics: list[Diagnostic]
) -> None:
    anchors = [a.anchor for a in annotations]
    res = [a.resolution for a in annotations]
    extras = _extras()
    names = [name for name, _ in extras]
    defaults = tuple(default for _, default in extras)
    values = attrgetter(*names)
    sparse: dict[str, list[Any]] = {}
    for n, a in enumerate(annotations):
        got = values(a)
        if got != defaults:  # most annotations: one C-level comparison
            for name, value, default in zip(names, got, defaults, strict=True):
                if value != default:
                    sparse.setdefault(name, []).append([n, value])
    anchored = [n for n, anchor in enumerate(anchors) if anchor is not None]
    data = {
        "meta": meta,
        "diagnostics": [[d.line, d.column, d.level.value, d.message, d.hint] for d in diagnostics],
        "ids": [a.id for a in annotations],
        "kinds": [a.kind for a in annotations],
        "lines": [a.line for a in annotations],
        "columns": [a.column for a in annotations],
        "quotes": [anchor.quote if anchor is not None else None for anchor in anchors],
        "context": [
            [n, x.prefix, x.suffix, x.occurrence, x.start]
            for n in anchored
            if (x := anchors[n]) is not None and (x.prefix or x.suffix or x.occurrence or x.start is not None)
        ],
        "starts": [r.start for r in res],
        "ends": [r.end for r in res],
        "matches": "".join(r.match.value[0] for r in res),
        "odd": [[n, r.score, int(r.ambiguous)] for n, r in enumerate(res) if r.score != 1.0 or r.ambiguous],
        "extra": sparse,
    }
    _write("annotations", key, data)


def load_annotations(
    key: str, path: Path, article_id: str
) -> tuple[list[Annotation], dict[str, str], list[Diagnostic]] | None:
    data = _read("annotations", key)
    if not isinstance(data, dict):
        return None
    try:
        matches = {m.value[0]: m for m in Match}
        context = {row[0]: row[1:] for row in data["context"]}
        odd = {row[0]: row[1:] for row in data["odd"]}
        kinds = _KINDS
        annotations = []
        for n, (ident, kind, line, column, quote, start, end, code) in enumerate(
            zip(
                data["ids"],
                data["kinds"],
                data["lines"],
                data["columns"],
                data["quotes"],
                data["starts"],
                data["ends"],
                data["matches"],
                strict=True,
            )
        ):
            anchor = None
            if quote is not None:
                anchor = Anchor(quote, *context[n]) if n in context else Anchor(quote)
            a = Annotation(article_id, ident, kinds.get(kind, kind), anchor, path, line, column)
            score, ambiguous = odd.get(n, (1.0, 0))
            a.resolution = Resolution(start, end, matches[code], score, bool(ambiguous))
            annotations.append(a)
        known = {name for name, _ in _extras()}
        for name, pairs in data["extra"].items():
            if name not in known:
                return None  # written by another version of the model
            for n, value in pairs:
                setattr(annotations[n], name, tuple(value) if isinstance(value, list) else value)
        diagnostics = [Diagnostic(path, d[0], d[1], Level(d[2]), d[3], d[4]) for d in data["diagnostics"]]
        return annotations, dict(data["meta"]), diagnostics
    except (KeyError, TypeError, ValueError, IndexError):
        return None
