"""`crossread add`: one source (saved page, .txt, .md or URL) to one new article.

Every source becomes `articles/<slug>.md` with front matter, so all added
articles read the same way. Each source is done whole or not at all: a bad
one raises IngestError and leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.files.article import ArticleError, decode_text, load_article, split_front_matter
from tui.core.files.atomic import atomic_write
from tui.core.files.markdown import parse_markdown
from tui.core.files.safeio import UnsafeFile, read_capped
from tui.core.ingest.extract import Extracted, ExtractError, extract_html, web_url
from tui.core.ingest.fetch import Fetched, FetchError, fetch
from tui.core.ingest.tomd import escape
from tui.core.ingest.writer import clean_body, front_matter, slugify, write_new

MAX_SOURCE_BYTES = 16 * 1024 * 1024
SHORT_WORDS = 150  # fewer: warn, the page may be cut short
NO_TEXT_WORDS = 25  # fewer from a web page: no article found
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
SOURCES_DIR = ".sources"


class IngestError(Exception):
    """A source that cannot become an article; `hint` says what to do."""

    def __init__(self, source: str, message: str, hint: str = "") -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message
        self.hint = hint


@dataclass
class Added:
    article_id: str
    path: Path
    title: str
    words: int
    page_copy: Path | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Options:
    url: str = ""  # where a single saved page came from
    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024


def articles_folder(root: Path) -> Path:
    """Where the reader looks for this corpus's articles; articles/ for a new one."""
    for name in ("seeds", "articles"):
        if (root / name).is_dir():
            return root / name
    if any(p.suffix.lower() in TEXT_SUFFIXES for p in root.iterdir() if p.is_file()):
        return root  # articles loose in the corpus folder
    return root / "articles"


def is_url(source: str) -> bool:
    return re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", source) is not None


# ------------------------------------------------------------------- sources


def _read_file(source: str, path: Path) -> bytes:
    try:
        return read_capped(path, MAX_SOURCE_BYTES)
    except FileNotFoundError:
        raise IngestError(source, "no such file", "check the path") from None
    except IsADirectoryError:
        raise IngestError(source, "it is a folder, not a file", "give the files in it") from None
    except PermissionError:
        raise IngestError(
            source, "cannot read the file: permission denied", "check that you may read it"
        ) from None
    except UnsafeFile as exc:
        raise IngestError(source, exc.message, exc.hint) from None
    except OSError as exc:
        raise IngestError(source, f"cannot read the file: {exc.strerror or exc}") from None


def _from_text(source: str, path: Path, data: bytes, markdown: bool) -> Extracted:
    """A .md keeps its body; a .txt's first line is the title, each other line a paragraph."""
    try:
        text = decode_text(path, data)
    except ArticleError as exc:
        raise IngestError(source, exc.diagnostic.message, exc.diagnostic.hint) from None
    meta, body, problems = split_front_matter(path, text)
    errors = [p for p in problems if p.level.value == "error"]
    if errors:
        raise IngestError(source, f"line {errors[0].line}: {errors[0].message}", errors[0].hint)
    if markdown:
        return Extracted(body, meta)
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    if lines and not meta.get("title"):
        meta["title"] = lines.pop(0)
    return Extracted("\n\n".join(_paragraph(line) for line in lines) + "\n", meta)


def _paragraph(line: str) -> str:
    text = escape(line)
    if re.match(r"[#+=-]", text):
        return "\\" + text
    return re.sub(r"^(\d{1,9})([.)])", r"\1\\\2", text)


def _from_page(source: str, page: bytes | str, url: str) -> Extracted:
    try:
        return extract_html(page, url)
    except ExtractError as exc:
        raise IngestError(source, str(exc), exc.hint) from None


def _from_fetched(source: str, got: Fetched) -> tuple[Extracted, str]:
    """The fetched body by its type; returns the suffix to keep the copy under."""
    kind = got.content_type
    path = Path(got.url.split("?", 1)[0].split("#", 1)[0])
    if kind in ("text/html", "application/xhtml+xml") or (not kind and b"<html" in got.data[:4096].lower()):
        # Without a charset from the server, the page's own <meta charset> decides.
        return _from_page(source, got.text() if got.charset else got.data, got.url), ".html"
    if kind in ("text/markdown", "text/x-markdown") or (
        kind == "text/plain" and path.suffix.lower() in (".md", ".markdown")
    ):
        return _from_text(source, path, got.data, markdown=True), ".md"
    if kind == "text/plain":
        return _from_text(source, path, got.data, markdown=False), ".txt"
    raise IngestError(
        source,
        f"the server sent {kind or 'data of no stated type'}, not a web page",
        "give the URL of the article's web page, or save it and add the file",
    )


def _load(source: str, options: Options) -> tuple[Extracted, bytes | None, str]:
    """The source's text and metadata, plus the page to keep beside the article."""
    if is_url(source):
        if not web_url(source):
            raise IngestError(
                source,
                "only http:// and https:// addresses can be fetched",
                "save the page and add the file instead",
            )
        try:
            got = fetch(source, timeout=options.timeout, max_bytes=options.max_bytes)
        except FetchError as exc:
            # The message names the URL that failed, which after a redirect is not the source.
            message = str(exc).removeprefix(f"{source}: ")
            raise IngestError(source, message, exc.hint) from None
        extracted, suffix = _from_fetched(source, got)
        if not extracted.meta.get("url"):
            extracted.meta["url"] = got.url
        return extracted, got.data, suffix
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in HTML_SUFFIXES + TEXT_SUFFIXES:
        raise IngestError(
            source,
            f"cannot add a {suffix or 'file without a suffix'} file",
            "give a saved web page (.html, .htm), a .txt or .md file, or a URL",
        )
    data = _read_file(source, path)
    if suffix in HTML_SUFFIXES:
        return _from_page(source, data, options.url), data, ".html"
    return _from_text(source, path, data, markdown=suffix != ".txt"), None, suffix


# ----------------------------------------------------------------- add


def add_source(root: Path, source: str, options: Options | None = None) -> Added:
    """Make one new article in the corpus at root from source."""
    options = options or Options()
    if options.url and not web_url(options.url):
        raise IngestError(
            source,
            f"--url {options.url!r} is not an http(s) address",
            "give the page's address, such as https://example.org/story",
        )
    extracted, page, page_suffix = _load(source, options)
    meta = dict(extracted.meta)
    if options.url:
        meta["url"] = options.url
    meta["url"] = web_url(meta.get("url"))
    body = clean_body(extracted.body)
    article = parse_markdown("new", Path(source), body)
    words = len(article.text.split())
    if not words:
        raise IngestError(source, "no text to read in it", "check that it is the article")
    if page_suffix == ".html" and words < NO_TEXT_WORDS:
        # What the extractor falls back to on an empty page: a menu, a cookie
        # notice, "enable JavaScript". Not an article.
        unit = "word" if words == 1 else "words"
        raise IngestError(
            source,
            f"no main text found in the page (only {words} {unit})",
            "the page may need JavaScript or a login; save it from the browser "
            "once the article shows, or copy its text into a .txt file",
        )
    meta["title"] = meta.get("title") or article.meta.title or Path(source).stem
    folder = articles_folder(root)
    content = (front_matter(meta) + "\n" + body.lstrip("\n")).encode("utf-8")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = write_new(folder, slugify(meta["title"], "article"), ".md", content)
    except OSError as exc:
        raise IngestError(source, f"cannot write into {folder}: {exc.strerror or exc}") from None
    added = Added(path.stem, path, meta["title"], words)
    if page is not None:
        copy = folder / SOURCES_DIR / f"{path.stem}{page_suffix}"
        try:
            copy.parent.mkdir(exist_ok=True)
            added.page_copy = atomic_write(copy, page)
        except OSError as exc:
            with contextlib.suppress(OSError):
                path.unlink()
            raise IngestError(
                source, f"cannot keep a copy of the page in {copy.parent}: {exc.strerror or exc}"
            ) from None
    _pin(root, added)
    if words < SHORT_WORDS:
        added.warnings.append(
            f"only {words} {'word' if words == 1 else 'words'} of text: the page may be cut "
            "short (a paywall, a teaser, "
            f"a page that needs JavaScript); compare {path.name} with the page"
        )
    return added


def _pin(root: Path, added: Added) -> None:
    """Record the SHA-256 of the text as the reader will see it, so `check`
    notices when the article is later edited (tui/core/files/pinning.py)."""
    from tui.core.files.pinning import annotation_path, new_file, text_hash

    target = annotation_path(root, added.article_id)
    if target.exists():
        added.warnings.append(f"not pinned: {target} already exists (from an earlier article?)")
        return
    try:
        article, _ = load_article(added.path)
        target.parent.mkdir(exist_ok=True)
        atomic_write(target, new_file(added.article_id, text_hash(article.text)))
    except (ArticleError, OSError) as exc:
        added.warnings.append(f"not pinned: cannot write {target}: {exc}")
