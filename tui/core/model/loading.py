"""Loading a corpus from its folder: articles first (enough for the first frame),
then annotations, anchoring, authors' files and references (in the app, a worker).

`Corpus` and its helpers are imported inside the functions: corpus.py imports
this module's names at its end, so that they stay importable from there.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.document.anchoring import resolve_all
from tui.core.files import cache, gcpause
from tui.core.files.annotation_files import folder_inside, load_annotation_files, save_cache
from tui.core.files.article import ARTICLE_SUFFIXES, ArticleError, load_article
from tui.core.files.snapshot import Snapshot
from tui.core.model.checks import check_references, report_anchor
from tui.core.model.diagnostics import Diagnostic, Level, Problems

if TYPE_CHECKING:
    from tui.core.model.corpus import Corpus

Progress = Callable[[str, int, int], None]


def bundled_corpus() -> Path:
    """The demo corpus: shipped inside the package, or the source checkout."""
    package = Path(__file__).resolve().parent.parent.parent  # tui/
    shipped = package / "corpus"
    if (shipped / "seeds").is_dir():
        return shipped
    return package.parent


def article_dir(root: Path) -> Path:
    for name in ("seeds", "articles"):
        if (root / name).is_dir():
            return root / name
    return root


def article_paths(root: Path) -> list[tuple[Path, os.stat_result | None]]:
    """The article files, sorted, each with its lstat (None when that failed):
    one scandir, so that a warm load checks 2,000 files without opening them."""
    folder = article_dir(root)
    found: list[tuple[str, os.stat_result | None]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES:
                continue
            try:
                found.append((name, entry.stat(follow_symlinks=False)))
            except OSError:
                found.append((name, None))
    found.sort()
    return [(folder / name, info) for name, info in found]


def user_note_files(root: Path) -> list[Path]:
    """Every author's file: in the corpus, and in this user's data folder."""
    from tui.core.files.store import corpus_key, user_data_dir

    files = sorted((root / "annotations" / "notes").glob("*.yaml"))
    private = user_data_dir() / "corpora" / corpus_key(root) / "notes"
    if private.is_dir():
        files += sorted(private.glob("*.yaml"))
    return files


def load_user_file(corpus: Corpus, path: Path, check_loops: bool = True) -> None:
    """One author's file. Inside the corpus it may not link out of it; the copy
    in this user's own data folder lies outside the corpus by design."""
    from tui.core.files.schema import parse_user_file  # not needed by a start without authors' files

    problems = Problems(path)
    root = corpus.root if path.is_relative_to(corpus.root) else None
    annotations, verdicts, links = parse_user_file(path, problems, root)
    corpus.add_layer(path, annotations, verdicts, links, problems, check_loops)
    if path not in corpus.note_files:
        corpus.note_files.append(path)


BACKGROUND_BYTES = 512 * 1024


def annotation_bytes(root: Path, stop_after: int | None = None) -> int:
    """Size of the annotation files: decides whether loading runs in the background.
    With stop_after, counting ends past it (an archive has 2,000 files to stat)."""
    total = 0
    for folder in (root / "annotations", root / "annotations" / "notes"):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(".yaml"):
                        with contextlib.suppress(OSError):
                            total += entry.stat().st_size
                    if stop_after is not None and total > stop_after:
                        return total
        except OSError:  # no such folder, or not one
            continue
    return total


def load_corpus(root: Path, progress: Progress | None = None) -> Corpus:
    """Load, validate and anchor everything; problems become diagnostics."""
    with gcpause.paused():
        corpus = load_articles(root, progress)
        complete_corpus(corpus, progress)
    return corpus


def load_articles(root: Path, progress: Progress | None = None) -> Corpus:
    """The first phase: articles only, enough to show text."""
    with gcpause.paused():
        return _load_articles(root, progress)


def _load_articles(root: Path, progress: Progress | None) -> Corpus:
    root = root.resolve()
    from tui.core.model.corpus import Corpus

    corpus = Corpus(root)
    if not root.is_dir():
        corpus.diagnostics.append(
            Diagnostic(root, 0, 0, Level.ERROR, "no such folder", "give the path of a corpus folder")
        )
        return corpus
    folder = article_dir(root)
    paths = article_paths(root) if folder_inside(corpus, folder) else []
    # Files the snapshot knows by their stat are not opened; links and the rest are read as ever.
    snapshot = Snapshot(folder) if cache.enabled() else None
    first_of: dict[str, Path] = {}
    for number, (path, info) in enumerate(paths):
        if progress:
            progress("articles", number, len(paths))
        stem = os.path.splitext(path.name)[0]
        if stem in first_of:
            first = first_of[stem]
            corpus.diagnostics.append(
                Diagnostic(
                    path,
                    0,
                    0,
                    Level.ERROR,
                    f"{first.name} and {path.name} both give the article "
                    f"id {stem!r}; only {first.name} is loaded",
                    "rename one of them: an article's id is its file name without the extension",
                )
            )
            continue
        first_of[stem] = path
        article = snapshot.get(path, stem, info) if snapshot is not None and info is not None else None
        if article is None:
            try:
                article, problems = load_article(path, root)
            except ArticleError as exc:
                corpus.diagnostics.append(exc.diagnostic)
                continue
            corpus.diagnostics.extend(problems)
            if snapshot is not None and info is not None and not problems:
                snapshot.put(path.name, info, article)
        corpus.articles[article.id] = article
        corpus.annotations[article.id] = []
    if snapshot is not None and snapshot.changed:
        corpus._snapshot = snapshot  # written with the annotations' cache, off the UI thread
    if not paths:
        corpus.diagnostics.append(
            Diagnostic(
                folder,
                0,
                0,
                Level.WARNING,
                "no articles found",
                "put .txt or .md files in seeds/ or articles/",
            )
        )
    return corpus


def complete_corpus(corpus: Corpus, progress: Progress | None = None) -> None:
    """The second phase: annotation files, anchoring, authors' files, references."""
    with gcpause.paused():
        _complete_corpus(corpus, progress)


def _complete_corpus(corpus: Corpus, progress: Progress | None) -> None:
    root = corpus.root
    if progress:
        progress("annotations", 0, 1)
    load_annotation_files(corpus, root / "annotations")
    corpus.index()
    _anchor_all(corpus, progress)
    save_cache(corpus)
    if corpus._snapshot is not None:
        corpus._snapshot.save()
        corpus._snapshot = None
    notes_inside = folder_inside(corpus, root / "annotations" / "notes")
    for path in user_note_files(root):
        if notes_inside or not path.is_relative_to(root):
            load_user_file(corpus, path, check_loops=False)
    check_references(corpus)
    if progress:
        progress("done", 1, 1)


def _anchor_all(corpus: Corpus, progress: Progress | None) -> None:
    """Anchor each article's annotations as one batch (one pass over its text)."""
    from tui.core.model.corpus import _attach_notes, _path_of

    total = sum(len(anns) for anns in corpus.annotations.values())
    done = 0
    cached = {id(path) for path in corpus._from_cache}  # their records hold that very Path
    for aid, anns in corpus.annotations.items():
        if cached.issuperset(map(id, map(_path_of, anns))):
            items = []  # all anchored already (a warm load): no loop over 50,000 in Python
        else:
            items = [a for a in anns if a.anchor and id(a.path) not in cached]
        if progress:
            progress("anchoring", done, total)
        done += len(anns)
        if not items:
            continue
        index = corpus.text_index(aid)
        results = resolve_all(index, [a.anchor for a in items if a.anchor is not None])
        for annotation, result in zip(items, results, strict=True):
            annotation.resolution = result
            report_anchor(corpus, annotation, index)
    for anns in corpus.annotations.values():  # no list of every annotation: it would outlive the load in RSS
        _attach_notes(corpus, anns)
