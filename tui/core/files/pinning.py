"""Articles pinned to the text they were annotated on (issue 13).

News articles change after publication and annotations drift. `crossread add`
records a SHA-256 of the article's plain text (the text anchors index into) as
`meta: sha256:` in annotations/<id>.yaml; `check` and the reader compare it
with the text now. `check --accept-changes` writes the new hash, changing that
one line of a hand-authored file and keeping every other byte.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.files import yamlio
from tui.core.model.annotations import Match
from tui.core.model.diagnostics import Diagnostic, Level

if TYPE_CHECKING:
    from tui.core.model.corpus import Corpus

PIN_KEY = "sha256"
_DIGEST = re.compile(r"[0-9a-f]{64}\Z")
_VALUE = re.compile(rb"^(\s*['\"]?sha256['\"]?\s*:\s*)(['\"]?)[0-9A-Fa-f]*\2")


class PinError(Exception):
    """The hash cannot be written without rewriting more than its line."""


@lru_cache(maxsize=64)
def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def valid_digest(value: str) -> bool:
    return _DIGEST.match(value) is not None


@dataclass(frozen=True)
class Drift:
    """An article whose text no longer has the pinned hash, and what it did
    to its anchors (exact when pinned; fuzzy or orphaned now)."""

    article: str
    pinned: str
    current: str
    anchors: int
    fuzzy: int
    orphans: int

    def counts(self) -> str:
        return f"{self.fuzzy} of {self.anchors} anchors now fuzzy, {self.orphans} orphaned"

    def banner(self) -> str:
        return (
            f"⚠ text changed since pinned: {self.counts()} · crossread check --accept-changes {self.article}"
        )


def drift(corpus: Corpus, article_id: str) -> Drift | None:
    article = corpus.articles.get(article_id)
    pinned = getattr(article.meta, PIN_KEY, "") if article is not None else ""
    if article is None or not pinned:
        return None
    current = text_hash(article.text)
    if current == pinned:
        return None
    anchored = [a for a in corpus.annotations.get(article_id, []) if a.anchor is not None]
    return Drift(
        article_id,
        pinned,
        current,
        len(anchored),
        sum(1 for a in anchored if a.resolution.match is Match.FUZZY),
        sum(1 for a in anchored if a.resolution.match is Match.ORPHAN),
    )


def annotation_path(root: Path, article_id: str) -> Path:
    return root / "annotations" / f"{article_id}.yaml"


def drift_diagnostics(corpus: Corpus) -> list[Diagnostic]:
    """One warning per changed article, for `crossread check`."""
    out = []
    for article_id in corpus.articles:
        found = drift(corpus, article_id)
        if found is not None:
            out.append(
                Diagnostic(
                    annotation_path(corpus.root, article_id),
                    0,
                    0,
                    Level.WARNING,
                    f"the text of {article_id!r} changed since its annotations were pinned: {found.counts()}",
                    f"check them, then run 'crossread check --accept-changes {article_id}'",
                )
            )
    return out


def new_file(article_id: str, digest: str) -> bytes:
    """The annotation file `add` writes for a new article."""
    return (
        f"version: 1\narticle: {article_id}\nmeta:\n"
        f"  # the article text when it was added; see 'crossread check --accept-changes'\n"
        f"  {PIN_KEY}: {digest}\nannotations: []\n"
    ).encode()


def with_pin(data: bytes, digest: str) -> bytes:
    """The file with `meta: sha256:` set to digest: the value on its line
    replaced, or one line inserted (a meta block added when there is none)."""
    if not valid_digest(digest):
        raise PinError(f"{digest!r} is not a SHA-256 hex digest")
    text = data.decode("utf-8")
    try:
        tree = yamlio.load(text)
    except yamlio.YamlError as exc:
        raise PinError(f"line {exc.line}: {exc.message}") from None
    if not isinstance(tree, yamlio.YMap):
        raise PinError("the file is not a mapping with 'version' and 'annotations'")
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    lines = data.splitlines(keepends=True)
    meta = tree.get("meta")
    if isinstance(meta, yamlio.YMap) and PIN_KEY in meta:
        number = meta.key_marks[PIN_KEY][0] - 1
        replaced, count = _VALUE.subn(lambda m: m.group(1) + digest.encode(), lines[number], 1)
        if not count:
            raise PinError(f"line {number + 1}: write '{PIN_KEY}: <hash>' on a line of its own")
        lines[number] = replaced
        return b"".join(lines)
    entry = f"{PIN_KEY}: {digest}".encode()
    if "meta" in tree:
        line, column = tree.key_marks["meta"]
        if isinstance(meta, yamlio.YMap) and meta:
            first = min(meta.key_marks.values())
            if first[0] == line:
                raise PinError(
                    f"line {line}: 'meta' is written on one line; add '{PIN_KEY}: {digest}' to it by hand"
                )
            indent = first[1] - 1
        elif meta is None:
            indent = column - 1 + 2
        else:
            raise PinError(f"line {line}: 'meta' must be a mapping")
        at = line  # right after the `meta:` line
        lines[at - 1] = _ended(lines[at - 1], newline)
        lines.insert(at, b" " * indent + entry + newline)
        return b"".join(lines)
    block = [b"meta:" + newline, b"  " + entry + newline]
    if "annotations" in tree:
        at = tree.key_marks["annotations"][0] - 1
    else:
        at = len(lines)
        if lines:
            lines[-1] = _ended(lines[-1], newline)
    lines[at:at] = block
    return b"".join(lines)


def _ended(line: bytes, newline: bytes) -> bytes:
    return line if line.endswith((b"\n", b"\r")) else line + newline
