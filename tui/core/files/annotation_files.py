"""The curated annotation files of a corpus: read safely, once, through the cache.

Apart from corpus.py so that the model stays short; it fills a Corpus in place.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.files import safeio, yamlio
from tui.core.files.article import ARTICLE_SUFFIXES, ArticleError, read_bytes
from tui.core.files.entities import ENTITIES_FILE, parse_entities_file
from tui.core.model.annotations import Link
from tui.core.model.diagnostics import Diagnostic, Level, Problems

if TYPE_CHECKING:
    from tui.core.model.corpus import Corpus

LINKS_FILE = "contradictions.yaml"


def folder_inside(corpus: Corpus, folder: Path) -> bool:
    """False, with an error naming the link, for a folder that leads out of the corpus."""
    if not folder.exists():
        return True
    try:
        safeio.check_inside(folder, corpus.root)
    except safeio.UnsafeFile as exc:
        corpus.diagnostics.append(
            Diagnostic(
                folder,
                0,
                0,
                Level.ERROR,
                exc.message.replace("; it is not read", "; nothing in it is read"),
                exc.hint,
            )
        )
        return False
    return True


def load_annotation_files(corpus: Corpus, folder: Path) -> None:
    """Every curated file; the parsers are imported only when a file is not cached."""
    if not folder.is_dir() or not folder_inside(corpus, folder):
        return
    # Articles that were refused (over the size cap, unreadable): their
    # annotation files are not parsed either, which could take seconds for nothing.
    refused = {
        d.path.stem for d in corpus.diagnostics if d.is_error and d.path.suffix.lower() in ARTICLE_SUFFIXES
    }
    for path in sorted(folder.glob("*.yaml")):
        problems = Problems(path)
        if path.name == LINKS_FILE:
            corpus.links.extend(_load_links_file(corpus, path, problems))
        elif path.name == ENTITIES_FILE:
            corpus.entities.extend(parse_entities_file(path, problems, corpus.root))
        elif path.stem in refused and path.stem not in corpus.articles:
            problems.warning(
                0,
                0,
                f"not read: the article {path.stem!r} could not be loaded",
                "fix the article's own error first",
            )
        else:
            _load_article_file(corpus, path, problems)
        corpus.diagnostics.extend(problems)


def _load_article_file(corpus: Corpus, path: Path, problems: Problems) -> None:
    from tui.core.files import cache

    article_id = path.stem
    article = corpus.articles.get(article_id)
    try:  # read once, capped and regular files only, for both the cache key and the parser
        raw = read_bytes(path, yamlio.MAX_BYTES, corpus.root)
    except ArticleError as exc:
        problems.append(exc.diagnostic)
        return
    key = ""
    if article is not None and cache.enabled():
        key = cache.digest(raw, article.text.encode("utf-8", "surrogatepass"))
        hit = cache.load_annotations(key, path, article_id)
        if hit is not None:
            annotations, meta, diagnostics = hit
            article.meta = article.meta.merged(meta)
            corpus.annotations[article_id].extend(annotations)
            corpus.diagnostics.extend(diagnostics)
            corpus._from_cache.add(path)
            return
    from tui.core.files.schema import parse_article_file

    annotations, meta = parse_article_file(path, article_id, problems, raw=raw)
    if key:
        corpus._cache_keys[path] = key
        corpus._pending_meta[path] = meta
    if article is None:
        import difflib

        close = difflib.get_close_matches(article_id, list(corpus.articles), n=1)
        problems.error(
            0,
            0,
            f"no article {article_id!r} in the corpus for this file",
            f"rename it to {close[0]}.yaml" if close else "name the file after the article's file stem",
        )
        return
    article.meta = article.meta.merged(meta)
    corpus.annotations[article_id].extend(annotations)


def _load_links_file(corpus: Corpus, path: Path, problems: Problems) -> list[Link]:
    """The links, from the cache while the file's bytes are unchanged: with the
    annotations cached, parsing this one file is what would import yaml at start."""
    from tui.core.files import cache

    try:  # read once, capped and regular files only, for both the cache key and the parser
        raw = read_bytes(path, yamlio.MAX_BYTES, corpus.root)
    except ArticleError as exc:
        problems.append(exc.diagnostic)
        return []
    key = cache.digest(raw, LINKS_FILE.encode()) if cache.enabled() else ""
    links = cache.load_links(key, path) if key else None
    if links is not None:
        return links
    from tui.core.files.schema import parse_links_file

    links = parse_links_file(path, problems, corpus.root, raw)
    if key and not problems:  # an entry holds no diagnostics, so only a clean file gets one
        cache.save_links(key, links)
    return links


def save_cache(corpus: Corpus) -> None:
    from tui.core.files import cache

    by_path: dict[Path, list[Diagnostic]] = {}  # one pass, not one per file
    for diagnostic in corpus.diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    for path, key in corpus._cache_keys.items():
        article_id = path.stem
        # The records of one file share its Path object: `is` spares 160k Path.__eq__ at 16 MB.
        items = [a for a in corpus.annotations.get(article_id, []) if a.path is path or a.path == path]
        cache.save_annotations(key, items, corpus._pending_meta.get(path, {}), by_path.get(path, []))
