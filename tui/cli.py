"""Command line: `crossread [DIR]` opens the reader; subcommands work headless."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.document.text import escape_line, json_text
from tui.core.model.corpus import bundled_corpus, load_corpus

if TYPE_CHECKING:
    from tui.core.exchange.review_report import Options
    from tui.core.model.corpus import Corpus, Progress

FORMATS = ("w3c", "claimreview", "markdown", "html", "matrix")
MAX_PANES = 4


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crossread check", description="Validate and anchor every annotation."
    )
    parser.add_argument("corpus", nargs="?", type=Path, help="corpus folder (default: bundled)")
    parser.add_argument("--format", choices=("human", "json"), default="human")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--author", help="whose notes location to report")
    parser.add_argument(
        "--accept-changes",
        metavar="ARTICLE",
        help="record the article's current text as the one its annotations "
        "are pinned to (after you have looked at what changed)",
    )
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crossread",
        description="Read annotated news articles side by side. "
        "Subcommands: check, screenshot, export, import, serve "
        "(see 'crossread check --help').",
    )
    parser.add_argument("corpus", nargs="?", type=Path, help="corpus folder (default: bundled)")
    parser.add_argument(
        "--open",
        nargs="+",
        metavar="ARTICLE",
        default=[],
        help=f"articles to open side by side (up to {MAX_PANES})",
    )
    parser.add_argument(
        "--author", help="your name for notes and verdicts (default: config file, then login name)"
    )
    return parser


def resolve_author(parser: argparse.ArgumentParser, given: str | None) -> str:
    """--author, else `author = "..."` in the config file, else the login name."""
    from tui.core.files.store import default_author, validate_author

    name = given
    source = "--author"
    if name is None:
        name, source = _config_author(), "the config file"
    if name is None:
        return default_author()
    name = unicodedata.normalize("NFC", name)  # one file per name, however it was typed
    problem = validate_author(name)
    if problem:
        parser.error(escape_line(f"{source}: {problem}"))
    return name


def config_path() -> Path:
    from tui.core.files import config

    return config.config_path()


def _config_author() -> str | None:
    from tui.core.files.config import load_config

    found = load_config(config_path())
    if found.problem:
        print(escape_line(f"crossread: ignoring {config_path()}: {found.problem}"), file=sys.stderr)
    return found.text("author")


def _screenshot_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crossread screenshot", description="Render the first view headless to an SVG."
    )
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--open", nargs="+", metavar="ARTICLE", default=[])
    parser.add_argument("--size", default="160x50", help="COLUMNSxROWS")
    parser.add_argument("-o", "--output", type=Path, required=True)
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crossread export", description="Export annotations, notes, verdicts and links."
    )
    parser.add_argument("corpus", nargs="?", type=Path, help="corpus folder (default: bundled)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        required=True,
        help="w3c: Web Annotation JSON-LD; claimreview: schema.org "
        "ClaimReview JSON-LD; markdown: a review report; html: the "
        "same report as one self-contained page; matrix: the claim "
        "matrix",
    )
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    parser.add_argument(
        "--review-url",
        metavar="URL",
        help="claimreview: the fact-check page, {id} standing for each "
        "review (default: [publisher] review_url in crossread.toml)",
    )
    parser.add_argument(
        "--matrix-format",
        choices=("csv", "md"),
        help="matrix: the claim matrix as CSV (default) or Markdown (default md when -o ends in .md)",
    )
    report = parser.add_argument_group("markdown and html (the review report)")
    report.add_argument(
        "--article",
        action="append",
        default=[],
        metavar="ID",
        help="only this article (an id or a unique prefix); repeatable",
    )
    report.add_argument(
        "--author",
        metavar="NAME",
        help="only this reviewer's verdicts, notes and links (curated notes and links stay)",
    )
    report.add_argument("--reviewed-only", action="store_true", help="only claims with a verdict")
    report.add_argument(
        "--since",
        metavar="DATE",
        help="only claims, notes and links worked on since DATE (YYYY-MM-DD, today or yesterday)",
    )
    return parser


def _report_options(args: argparse.Namespace, corpus: Corpus) -> Options:
    """The report options, checked: unknown articles and days are usage errors."""
    from tui.core.exchange.review_report import Options
    from tui.core.views.days import parse_day

    parser = _export_parser()
    given = args.article or args.author or args.reviewed_only or args.since
    if given and args.format not in ("markdown", "html"):
        parser.error("--article, --author, --reviewed-only and --since go with --format markdown or html")
    ids = []
    for name in args.article:
        found = [a for a in corpus.articles if a == name] or [
            a for a in corpus.articles if a.startswith(name)
        ]
        if len(found) != 1:
            parser.error(escape_line(f"--article {name}: {'no such article' if not found else 'ambiguous'}"))
        ids.append(found[0])
    try:
        since = parse_day(args.since) if args.since else None
    except ValueError as exc:
        parser.error(escape_line(f"--since: {exc}"))
    return Options(tuple(dict.fromkeys(ids)), args.author or None, args.reviewed_only, since)


def _import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crossread import",
        description="Import W3C Web Annotations (JSON) as your own notes and verdicts.",
    )
    parser.add_argument("args", nargs="+", metavar="[CORPUS] FILE")
    parser.add_argument(
        "--author", help="whose notes file the imported items go to (each keeps the name of whoever wrote it)"
    )
    parser.add_argument(
        "--article",
        metavar="ID",
        help="the article for targets that name no document (RecogitoJS) or one this corpus does not know",
    )
    return parser


def run_export(argv: Sequence[str]) -> int:
    args = _export_parser().parse_args(argv)
    root = args.corpus or bundled_corpus()
    if not root.is_dir():
        _export_parser().error(f"{root}: no such folder")
    if args.output is not None and not args.output.parent.is_dir():
        print(
            escape_line(
                f"crossread export: cannot write {args.output}: {args.output.parent} is not a folder"
            ),
            file=sys.stderr,
        )
        return 1
    corpus = load_corpus(root)
    options = _report_options(args, corpus)
    from tui.core.exchange import exports
    from tui.core.exchange.review_report import markdown_report

    if args.format == "w3c":
        out = json_text(exports.w3c_collection(corpus)) + "\n"
    elif args.format == "claimreview":
        from tui.core.exchange.interop.publisher import PublisherMissing

        try:
            out = json_text(exports.claim_reviews(corpus, args.review_url)) + "\n"
        except PublisherMissing as exc:
            print(
                "crossread export: " + "\n".join(escape_line(line) for line in str(exc).splitlines()),
                file=sys.stderr,
            )
            return 2
    elif args.format == "matrix":
        from tui.core.views.matrix_export import matrix_export, matrix_format

        out = matrix_export(corpus, matrix_format(args.matrix_format, args.output))
    elif args.format == "html":
        from tui.core.exchange.review_html import html_report

        out = html_report(corpus, options)
    else:
        out = markdown_report(corpus, options)
    if args.output is None:
        sys.stdout.write(out)
        return 0
    from tui.core.files.atomic import atomic_write

    try:
        atomic_write(args.output, out.encode("utf-8"))
    except OSError as exc:
        print(
            escape_line(f"crossread export: cannot write {args.output}: {exc.strerror or exc}"),
            file=sys.stderr,
        )
        return 1
    print(escape_line(f"wrote {args.output}"), file=sys.stderr)
    return 0


def run_import(argv: Sequence[str]) -> int:
    parser = _import_parser()
    args = parser.parse_args(argv)
    if len(args.args) > 2:
        parser.error("give at most a corpus folder and one file")
    root = Path(args.args[0]) if len(args.args) == 2 else bundled_corpus()
    source = Path(args.args[-1])
    if not root.is_dir():
        parser.error(f"{root}: no such folder")
    if not source.exists() and not source.is_symlink():
        parser.error(escape_line(f"{source}: no such file"))
    author = resolve_author(parser, args.author)
    from tui.core.exchange.importer import ImportError_, import_file
    from tui.core.review.session import Session

    corpus = load_corpus(root)
    article = args.article
    if article is not None and article not in corpus.articles:
        found = [aid for aid in corpus.articles if aid.startswith(article)]
        if len(found) != 1:
            what = "no article" if not found else "more than one article starts with"
            parser.error(escape_line(f"--article: {what} {article!r} in {root}"))
        article = found[0]
    session = Session(corpus, author)
    try:
        report = import_file(session, source, article)
    except ImportError_ as exc:
        print(escape_line(f"crossread import: {exc}"), file=sys.stderr)
        return 1
    for line in report.lines():  # ends with where it was saved, or that nothing was
        print(line)
    return 0


def run_check(argv: Sequence[str]) -> int:
    args = _check_parser().parse_args(argv)
    root = args.corpus or bundled_corpus()
    if args.corpus is not None and not args.corpus.is_dir():
        print(escape_line(f"crossread check: {args.corpus}: no such folder"), file=sys.stderr)
        return 2
    author = resolve_author(_check_parser(), args.author)  # usage errors before any work

    corpus = load_corpus(root, _terminal_progress("check"))
    if args.accept_changes:
        return _accept_changes(corpus, args.accept_changes)
    from tui.core.files.pinning import drift_diagnostics

    corpus.diagnostics.extend(drift_diagnostics(corpus))
    from tui.core.exchange import check_output

    out = check_output.dumps(corpus) if args.format == "json" else check_output.human(corpus)
    sys.stdout.write(out)
    if args.format != "json":
        from tui.core.files.store import notes_path

        print(escape_line(f"notes by {author} are saved to {notes_path(root, author)}"))
    if corpus.errors:
        return 1
    if args.strict and corpus.diagnostics:
        return 1
    return 0


def _accept_changes(corpus: Corpus, name: str) -> int:
    """Write the article's current text hash into its annotation file: that line
    only (or a meta block added), atomically."""
    from tui.core.files.atomic import atomic_write
    from tui.core.files.pinning import PinError, annotation_path, new_file, text_hash, with_pin

    found = [aid for aid in corpus.articles if aid == name] or [
        aid for aid in corpus.articles if aid.startswith(name)
    ]
    if len(found) != 1:
        print(
            escape_line(
                f"crossread check: --accept-changes {name}: "
                f"{'no such article' if not found else 'more than one article'}"
            ),
            file=sys.stderr,
        )
        return 2
    article_id = found[0]
    digest = text_hash(corpus.articles[article_id].text)
    path = annotation_path(corpus.root, article_id)
    try:
        data = with_pin(path.read_bytes(), digest) if path.exists() else new_file(article_id, digest)
        atomic_write(path, data)
    except (PinError, OSError, UnicodeDecodeError) as exc:
        print(escape_line(f"crossread check: {path}: {exc}"), file=sys.stderr)
        return 1
    print(escape_line(f"{article_id}: pinned to its current text ({digest[:12]}…) in {path}"))
    return 0


def _terminal_progress(label: str) -> Progress | None:
    """A one-line progress bar on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(stage: str, done: int, total: int) -> None:
        if stage == "done":
            sys.stderr.write("\r\x1b[2K")
            return
        width = 30
        filled = width * done // max(1, total)
        sys.stderr.write(f"\r{label}: {stage} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()

    return show


def _parse_size(text: str) -> tuple[int, int] | None:
    cols, _, rows = text.lower().partition("x")
    if (
        not (cols.isdigit() and rows.isdigit())
        or not (20 <= int(cols) <= 1000)
        or not (5 <= int(rows) <= 500)
    ):
        return None
    return int(cols), int(rows)


def _validate_open(parser: argparse.ArgumentParser, names: list[str]) -> None:
    if len(names) > MAX_PANES:
        parser.error(f"--open takes at most {MAX_PANES} articles, got {len(names)}")


def run_screenshot(argv: Sequence[str]) -> int:
    parser = _screenshot_parser()
    args = parser.parse_args(argv)
    size = _parse_size(args.size)
    if size is None:
        parser.error(f"--size must look like 160x50, got {args.size!r}")
    _validate_open(parser, args.open)
    root = args.corpus or bundled_corpus()
    if not root.is_dir():
        parser.error(f"{root}: no such folder")
    folder = args.output.parent
    if not folder.is_dir():
        print(
            escape_line(f"crossread screenshot: cannot write {args.output}: {folder} is not a folder"),
            file=sys.stderr,
        )
        return 1
    from tui.ui.screenshot import save_screenshot

    try:
        save_screenshot(root, args.open, size, args.output)
    except OSError as exc:
        print(
            escape_line(f"crossread screenshot: cannot write {args.output}: {exc.strerror or exc}"),
            file=sys.stderr,
        )
        return 1
    return 0


NO_TERMINAL = (
    "crossread: the reader needs a terminal on stdin and stdout "
    "(not a terminal: {what}); in scripts and pipes use 'crossread check', "
    "'crossread export' or 'crossread screenshot'"
)


def _no_terminal() -> str | None:
    """Which of stdin and stdout is not a terminal, if any. Textual would
    otherwise wait on a closed or piped stdin at full CPU for minutes."""
    missing = [
        name
        for name, stream in (("stdin", sys.stdin), ("stdout", sys.stdout))
        if stream is None or not stream.isatty()
    ]
    return ", ".join(missing) or None


def run_app(argv: Sequence[str]) -> int:
    parser = _app_parser()
    args = parser.parse_args(argv)
    _validate_open(parser, args.open)
    root = args.corpus or bundled_corpus()
    if not root.is_dir():
        parser.error(f"{root}: no such folder")
    author = resolve_author(parser, args.author)
    from tui.ui.memory import reader

    what = _no_terminal()
    if what is not None:
        print(NO_TERMINAL.format(what=what), file=sys.stderr)
        return 2
    app = reader(root, args.open, author=author, max_panes=MAX_PANES)
    app.run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "check":
            return run_check(argv[1:])
        if argv and argv[0] == "screenshot":
            return run_screenshot(argv[1:])
        if argv and argv[0] == "export":
            return run_export(argv[1:])
        if argv and argv[0] == "import":
            return run_import(argv[1:])
        if argv and argv[0] == "suggest":
            from tui.suggest_cli import run_suggest

            return run_suggest(argv[1:])
        if argv and argv[0] in ("new", "add"):
            from tui import ingest_cli

            return ingest_cli.main(argv)
        if argv and argv[0] == "serve":
            from tui.web.server import run_serve

            return run_serve(argv[1:])
        return run_app(argv)
    except KeyboardInterrupt:
        return 130
