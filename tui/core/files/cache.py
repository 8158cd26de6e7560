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
import marshal
import os
import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Any

import platformdirs

from tui.core.files.article import Article, ArticleMeta, Block, Span
from tui.core.model.annotations import Annotation, Link
from tui.core.model.diagnostics import Diagnostic

VERSION = "5"  # bump when parsing changes what a given file becomes (5: marshal columns)


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
# The annotations' format is in tui/core/files/columns.py; these keep the callers' names.


def save_annotations(
    key: str, annotations: list[Annotation], meta: dict[str, str], diagnostics: list[Diagnostic]
) -> None:
    from tui.core.files import columns

    with contextlib.suppress(ValueError, TypeError):  # a value marshal cannot store: no entry
        write_bytes("annotations", f"{key}.marshal", columns.dump(annotations, meta, diagnostics))


def load_annotations(
    key: str, path: Path, article_id: str
) -> tuple[list[Annotation], dict[str, str], list[Diagnostic]] | None:
    from tui.core.files import columns

    raw = read_bytes("annotations", f"{key}.marshal")
    if raw is None:
        return None
    try:
        data = marshal.loads(raw)
    except (ValueError, EOFError, TypeError):
        return None
    del raw  # 4.6 MB at 5 MB: gone before 50,000 annotations are made, not after
    return columns.load(data, path, article_id)


# ------------------------------------------------------------------ links
#
# The links file is parsed on every start otherwise, and parsing it is what
# imports yaml (12-24 ms) when everything else comes from this cache.


def _link_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Link) if f.name != "path")


def save_links(key: str, links: list[Link]) -> None:
    """Only for a file that parsed without a problem: an entry holds no diagnostics."""
    names = _link_fields()
    rows = [tuple(getattr(link, name) for name in names) for link in links]
    with contextlib.suppress(ValueError, TypeError):
        write_bytes("links", f"{key}.marshal", marshal.dumps((names, rows)))


def load_links(key: str, path: Path) -> list[Link] | None:
    """The links of an unchanged file, or None when there is no usable entry
    (missing, broken, or written when Link had other fields)."""
    raw = read_bytes("links", f"{key}.marshal")
    if raw is None:
        return None
    try:
        names, rows = marshal.loads(raw)
        if names != _link_fields():
            return None
        return [Link(path=path, **dict(zip(names, row, strict=True))) for row in rows]
    except (ValueError, EOFError, TypeError):
        return None
