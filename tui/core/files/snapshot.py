"""Every parsed article of a corpus folder in one cache file, checked by each file's stat.

Before the first frame, a 2,000-article archive read, hashed and looked up every
article and its cache entry: 4,000 files and 0.7 s. The snapshot is one read.
An entry is used only for a regular file, not a link, whose size, times, inode
and device are those it had when it was parsed; files changed within RACY_NS
before that load are not kept, because a change within the same tick of the
file system's clock could leave the stat as it was. Anything else is read and
parsed as before, through safeio and the content-hash cache.
"""

from __future__ import annotations

import functools
import marshal
import operator
import os
import stat
import time
from dataclasses import fields
from pathlib import Path
from typing import Any

from tui.core.files import cache
from tui.core.files.article import MAX_ARTICLE_BYTES, Article, ArticleMeta, Block, Span

RACY_NS = 2_000_000_000
KIND = "snapshots"

StatKey = tuple[int, int, int, int, int]
Row = tuple[StatKey, str, tuple[Any, ...], tuple[str, ...], str]


_block = functools.partial(tuple.__new__, Block)
_spans_of = operator.itemgetter(8)


def stat_key(info: os.stat_result) -> StatKey:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def _schema() -> bytes:
    """The shape of a row: a snapshot written for other fields is never read."""
    names = [f.name for f in fields(ArticleMeta)] + list(Block._fields) + list(Span._fields)
    return " ".join(names).encode()


class Snapshot:
    """The articles of one folder as they were parsed; `get` before parsing, `put` after."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.began = time.time_ns()
        self.name = cache.digest(os.fsencode(os.path.realpath(folder)), _schema()) + ".marshal"
        self._old = self._read()
        self._new: dict[str, Row] = {}
        self._changed = False

    def _read(self) -> dict[str, Row]:
        data = cache.read_bytes(KIND, self.name)
        if data is None:
            return {}
        try:
            rows = marshal.loads(data)
        except (ValueError, EOFError, TypeError):
            return {}
        return rows if isinstance(rows, dict) else {}

    def get(self, path: Path, stem: str, info: os.stat_result) -> Article | None:
        """The article parsed from `path` when its stat (lstat) was `info`, or None."""
        name = path.name
        row = self._old.get(name)
        if row is None or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ARTICLE_BYTES:
            return None
        try:
            key, text, blocks, meta, form = row
            if key != stat_key(info) or type(text) is not str:
                return None
            if set(map(len, blocks)) - {9}:
                return None
            made = list(map(_block, blocks))  # a C loop: no bytecode per block
            if any(map(_spans_of, blocks)):
                for n, b in enumerate(blocks):
                    if b[8]:  # spans: rarer than blocks
                        made[n] = Block._make((*b[:8], tuple(map(Span._make, b[8]))))
            article = Article(stem, path, text, made, ArticleMeta(*meta), form)
        except (TypeError, ValueError, IndexError):
            return None
        self._new[name] = row
        return article

    def put(self, name: str, info: os.stat_result, article: Article) -> None:
        """Keep a freshly parsed article, unless its file changed just before this load."""
        self._changed = True
        if not stat.S_ISREG(info.st_mode):  # a link's own stat says nothing of what it points to
            return
        if self.began - max(info.st_mtime_ns, info.st_ctime_ns) < RACY_NS or not cache.enabled():
            return
        blocks = tuple((*b[:8], tuple(tuple(s) for s in b.spans)) for b in article.blocks)
        meta = tuple(getattr(article.meta, f.name) for f in fields(ArticleMeta))
        self._new[name] = (stat_key(info), article.text, blocks, meta, article.format)

    @property
    def changed(self) -> bool:
        """Whether the file on disk no longer matches what this load saw."""
        return self._changed or self._new.keys() != self._old.keys()

    def save(self) -> None:
        """Write what this load saw (atomically; off the UI thread, it is one big write)."""
        if self.changed:
            cache.write_bytes(KIND, self.name, marshal.dumps(self._new))
        self._old = self._new = {}
