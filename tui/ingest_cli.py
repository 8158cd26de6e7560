"""`crossread new DIR` and `crossread add CORPUS SOURCE... [--url URL]`.

Kept apart from tui/cli.py so the reader's start-up never imports the
extractor (trafilatura and lxml take a while to load).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from tui.core.document.text import escape_controls


def _new_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crossread new",
        description="Make an empty corpus: articles/, annotations/ and a commented crossread.toml.",
    )
    parser.add_argument("folder", type=Path, help="the corpus folder to make")
    parser.add_argument("--title", default="", help="corpus title (default: the folder's name)")
    parser.add_argument("--language", default="", help='main language, such as "de" or "en"')
    return parser


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError("give a number of seconds between 0 and 3600")
    return value


def _megabytes(text: str) -> int:
    value = _positive(text)
    return int(value * 1024 * 1024)


def _add_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crossread add",
        description="Add articles to a corpus from saved web pages (.html, .htm), .txt or .md "
        "files, or http(s) URLs. Each becomes articles/<slug>.md with its metadata.",
    )
    parser.add_argument("corpus", type=Path, help="the corpus folder (see 'crossread new')")
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="files or URLs to add")
    parser.add_argument(
        "--url",
        default="",
        help="where a saved page came from (with a single source); default: the page's own canonical URL",
    )
    parser.add_argument(
        "--timeout", type=_positive, default=20.0, help="seconds to wait for a URL in all (default 20)"
    )
    parser.add_argument(
        "--max-size",
        type=_megabytes,
        default=10 * 1024 * 1024,
        metavar="MB",
        help="largest page to fetch, in MiB (default 10)",
    )
    return parser


def _say(line: str) -> None:
    print(escape_controls(line), file=sys.stderr)


def run_new(argv: Sequence[str]) -> int:
    from tui.core.ingest import CorpusExists, new_corpus

    args = _new_parser().parse_args(argv)
    try:
        config = new_corpus(args.folder, args.title, args.language)
    except CorpusExists as exc:
        _say(f"crossread new: {exc}")
        return 1
    except OSError as exc:
        _say(f"crossread new: cannot make {args.folder}: {exc.strerror or exc}")
        return 1
    _say(
        f"made {args.folder} (articles/, annotations/, {config.name}); "
        f"add articles with: crossread add {args.folder} PAGE.html|URL ..."
    )
    return 0


def run_add(argv: Sequence[str]) -> int:
    """Add each source on its own: one bad source never stops the others."""
    parser = _add_parser()
    args = parser.parse_args(argv)
    if args.url and len(args.sources) > 1:
        parser.error("--url names where one page came from; give a single SOURCE with it")
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: no such folder (make one with 'crossread new {args.corpus}')")
    from tui.core.ingest import IngestError, Options, add_source

    # Trafilatura logs its doubts about odd pages; the messages below say what matters.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    options = Options(url=args.url, timeout=args.timeout, max_bytes=args.max_size)
    failed = 0
    for source in args.sources:
        try:
            added = add_source(args.corpus, source, options)
        except IngestError as exc:
            failed += 1
            hint = f" (hint: {exc.hint})" if exc.hint else ""
            _say(f"crossread add: {exc.source}: error: {exc.message}{hint}")
            continue
        print(added.article_id, flush=True)
        _say(f"added {added.path} from {source}: {added.title!r}, {added.words} words")
        for warning in added.warnings:
            _say(f"crossread add: {source}: warning: {warning}")
    return 1 if failed else 0


def main(argv: Sequence[str]) -> int:
    """Dispatch from tui.cli: argv starts with the subcommand."""
    if argv[0] == "new":
        return run_new(argv[1:])
    return run_add(argv[1:])
