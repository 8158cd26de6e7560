"""Articles as plain data: one text stream plus the blocks that shape it.

Annotations anchor into `Article.text`, the text a reader sees, so every
offset in crossread (search, anchors, exports) means the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from tui.core.files import safeio, yamlio
from tui.core.model.diagnostics import Diagnostic, Level

MAX_ARTICLE_BYTES = 16 * 1024 * 1024
ARTICLE_SUFFIXES = (".md", ".txt", ".markdown")
META_KEYS = ("title", "outlet", "published", "url", "language")


class Span(NamedTuple):
    """An inline style over [start, end) of the article text.

    Blocks and spans are named tuples, not dataclasses: a cache or snapshot
    rebuilds tens of thousands of them per load, and `tuple.__new__` does it
    about six times faster than a frozen dataclass's `__init__`.
    """

    start: int
    end: int
    style: str  # bold, italic, code, strike, link
    href: str = ""


class Block(NamedTuple):
    """A paragraph-like unit; the reader lays each one out on its own lines."""

    kind: str  # title, heading, paragraph, item, quote, code, table, rule
    start: int
    end: int
    level: int = 0  # heading level
    indent: int = 0  # list nesting depth
    quote: int = 0  # block quote depth
    marker: str = ""  # list bullet or number, shown before the first line
    header: bool = False  # table header row
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    title: str = ""
    outlet: str = ""
    published: str = ""
    url: str = ""
    language: str = ""
    author: str = ""
    # The article's own leading H1, so the reader can skip it when it repeats the title.
    heading: str = ""
    # SHA-256 of the text the annotations were made on (tui/core/files/pinning.py).
    sha256: str = ""

    def merged(self, other: dict[str, str]) -> ArticleMeta:
        values = {k: v for k, v in other.items() if k in (*META_KEYS, "author", "sha256") and v}
        return replace(self, **values)

    @property
    def repeats_title(self) -> bool:
        """Whether the leading H1 says what the header already shows."""

        def fold(text: str) -> str:
            return " ".join(text.split()).casefold()

        return bool(self.heading) and fold(self.heading) == fold(self.title)


@dataclass(slots=True)
class Article:
    id: str
    path: Path
    text: str
    blocks: list[Block]
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    format: str = "txt"

    @property
    def title(self) -> str:
        return self.meta.title or self.id


class ArticleError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def _fail(path: Path, message: str, hint: str = "", line: int = 0, col: int = 0) -> ArticleError:
    return ArticleError(Diagnostic(path, line, col, Level.ERROR, message, hint))


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def read_bytes(path: Path, limit: int, root: Path | None = None) -> bytes:
    """A user file's bytes, read through safeio: regular files only, capped while
    reading, and (with root) never through a link that leads out of the corpus."""
    try:
        return safeio.read_capped(path, limit, root)
    except safeio.UnsafeFile as exc:
        raise _fail(path, exc.message, exc.hint) from None
    except OSError as exc:
        raise _fail(
            path,
            f"cannot read the file: {exc.strerror or exc}",
            "check that it exists and that you may read it",
        ) from None


def read_text(path: Path, limit: int | None = None, root: Path | None = None) -> str:
    """Read a user file as UTF-8 text, refusing what a reader could not show."""
    limit = MAX_ARTICLE_BYTES if limit is None else limit
    return decode_text(path, read_bytes(path, limit, root))


def decode_text(path: Path, data: bytes) -> str:
    """Bytes as the text a reader sees: UTF-8 without BOM, NUL or CR line ends."""
    if b"\x00" in data:
        line, col = _line_col(data, data.index(b"\x00"))
        raise _fail(
            path,
            "the file contains a NUL byte; it looks binary, not text",
            "open a .txt or .md text file",
            line,
            col,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        raise _fail(
            path, f"invalid UTF-8 (byte 0x{data[exc.start]:02x})", "re-save the file as UTF-8", line, col
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)


# Front-matter keys of static-site generators (Jekyll, Hugo, Pelican) that mean ours.
FRONT_MATTER_ALIASES = {"date": "published", "lang": "language"}
FRONT_MATTER_KEYS = (*META_KEYS, "author")


def _front_value(key: str, value: object) -> str | None:
    """The text of a front-matter value, or None when its type cannot be one."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int):
        return str(value)
    if (
        key == "author"
        and isinstance(value, list)
        and all(isinstance(v, str | int) and not isinstance(v, bool) for v in value)
    ):
        return ", ".join(str(v) for v in value)
    if key == "author" and isinstance(value, dict) and isinstance(value.get("name"), str):
        return str(value["name"])
    return None


def split_front_matter(path: Path, text: str) -> tuple[dict[str, str], str, list[Diagnostic]]:
    """Front matter as our metadata keys, and the body after it.

    Files from static-site generators carry many keys (layout, tags, draft);
    those crossread does not use are ignored silently. `date` and `published`
    both give the publication date (`published` wins). Only a used key with a
    value of the wrong type (a list as title) is a problem.
    """
    match = _FRONT.match(text)
    if not match:
        return {}, text, []
    problems: list[Diagnostic] = []
    meta: dict[str, str] = {}
    try:
        data = yamlio.load(match.group(1) or "")
    except yamlio.YamlError as exc:
        problems.append(
            Diagnostic(
                path,
                exc.line + 1 if exc.line else 1,
                exc.column,
                Level.ERROR,
                f"front matter: {exc.message}",
                exc.hint,
            )
        )
        data = None
    if isinstance(data, yamlio.YMap):
        for key, value in data.items():
            name = FRONT_MATTER_ALIASES.get(key, key)
            if name not in FRONT_MATTER_KEYS or value is None:
                continue
            found = _front_value(name, value)
            if found is None:
                line = data.key_marks[key][0] + 1
                expected = "text or a list of names" if name == "author" else "text"
                problems.append(
                    Diagnostic(
                        path,
                        line,
                        1,
                        Level.WARNING,
                        f"front matter {key!r} should be {expected}",
                        f"write it as '{key}: \"...\"'",
                    )
                )
            elif found and (name not in meta or key == name):
                meta[name] = found
    elif data is not None:
        problems.append(
            Diagnostic(
                path,
                1,
                1,
                Level.ERROR,
                "front matter must be a mapping",
                "write 'key: value' lines between the '---' lines",
            )
        )
    return meta, text[match.end() :], problems


def parse_plain(article_id: str, path: Path, text: str) -> Article:
    """A .txt article: each non-empty line is a paragraph, the first is the title."""
    blocks: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        if stripped.strip():
            kind = "title" if not blocks else "paragraph"
            blocks.append(Block(kind, pos + lead, pos + len(stripped), level=1 if not blocks else 0))
        pos += len(line) + 1
    title = text[blocks[0].start : blocks[0].end] if blocks else ""
    return Article(article_id, path, text, blocks, ArticleMeta(title=title), "txt")


def load_article(path: Path, root: Path | None = None) -> tuple[Article, list[Diagnostic]]:
    """Load one article; raises ArticleError when it cannot be shown at all.

    With root (the corpus folder), a link leading out of it is refused.
    """
    from tui.core.files import cache

    text = read_text(path, root=root)
    key = cache.digest(path.suffix.lower().encode(), text.encode("utf-8", "surrogatepass"))
    cached = cache.cached_article(key, path)
    if cached is not None:
        cached.id = path.stem
        return cached, []
    meta, body, problems = split_front_matter(path, text)
    if not body.strip():
        raise _fail(path, "the article is empty", "add some text, or remove the file")
    if path.suffix.lower() in (".md", ".markdown"):
        from tui.core.files.markdown import parse_markdown

        article = parse_markdown(path.stem, path, body)
    else:
        article = parse_plain(path.stem, path, body)
    article.meta = article.meta.merged(meta)
    if not problems:
        cache.save_article(key, article)
    return article, problems
