"""Exports as downloads from the command palette.

Textual's `deliver_text` streams the file to the browser when the app runs under
`crossread serve`, and saves it to the Downloads folder in a terminal, so one command
serves both. The text comes from the app's corpus, so it holds every author's notes
as loaded and this session's changes.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol, TextIO

if TYPE_CHECKING:
    from textual.app import App, SystemCommand
    from textual.events import DeliveryComplete, DeliveryFailed
    from textual.notifications import SeverityLevel

    from tui.core.model.corpus import Corpus

PREFIX = "crossread-download:"


class CorpusApp(Protocol):
    """What an export needs of the app: Textual's App with a corpus that may
    be saved from (the reader's app, without importing the UI)."""

    corpus: Corpus

    @property
    def is_web(self) -> bool: ...

    def ready_for_changes(self) -> bool: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def deliver_text(
        self,
        path_or_file: str | Path | TextIO,
        *,
        save_directory: str | Path | None = None,
        save_filename: str | None = None,
        open_method: Literal["browser", "download"] = "download",
        encoding: str | None = None,
        mime_type: str | None = None,
        name: str | None = None,
    ) -> str | None: ...


class Download(NamedTuple):
    title: str
    help: str
    suffix: str
    mime_type: str
    render: Callable[[Corpus], str]


def _markdown(corpus: Corpus) -> str:
    from tui.core.exchange.review_report import markdown_report

    return markdown_report(corpus)


def _w3c(corpus: Corpus) -> str:
    from tui.core.exchange.exports import w3c_collection

    return json.dumps(w3c_collection(corpus), ensure_ascii=False, indent=2) + "\n"


def _claimreview(corpus: Corpus) -> str:
    from tui.core.exchange.exports import claim_reviews

    return json.dumps(claim_reviews(corpus), ensure_ascii=False, indent=2) + "\n"


DOWNLOADS = {
    "markdown": Download(
        "Download report (Markdown)",
        "Review report: verdicts, sources, notes, contradictions",
        "report.md",
        "text/markdown",
        _markdown,
    ),
    "w3c": Download(
        "Download W3C annotations",
        "Every annotation, note, verdict and link as W3C Web Annotation JSON-LD",
        "annotations.jsonld",
        "application/ld+json",
        _w3c,
    ),
    "claimreview": Download(
        "Download ClaimReview",
        "schema.org ClaimReview JSON-LD for every claim with a verdict",
        "claimreview.json",
        "application/ld+json",
        _claimreview,
    ),
}


def filename(corpus: Corpus, fmt: str) -> str:
    from tui.core.exchange.exports import corpus_name

    return f"{corpus_name(corpus)}-{DOWNLOADS[fmt].suffix}"


def commands(app: CorpusApp) -> Iterator[SystemCommand]:
    """One palette entry per export format."""
    from textual.app import SystemCommand

    for fmt, download in DOWNLOADS.items():
        yield SystemCommand(download.title, download.help, _deliverer(app, fmt))


def _deliverer(app: CorpusApp, fmt: str) -> Callable[[], None]:
    def run() -> None:
        deliver(app, fmt)

    return run


def deliver(app: CorpusApp, fmt: str) -> str | None:
    """Render one export and hand it to Textual; returns the delivery key."""
    if not app.ready_for_changes():
        return None
    download = DOWNLOADS[fmt]
    corpus = app.corpus
    from tui.core.exchange.interop.publisher import PublisherMissing

    try:
        text = download.render(corpus)
    except PublisherMissing as exc:  # ClaimReview names its publisher; none is set up
        app.notify(f"{download.title}: {exc}", severity="error", timeout=15, markup=False)
        return None
    folder = None
    if not app.is_web:
        # Textual saves to the Downloads folder but fails when it does not exist yet.
        from platformdirs import user_downloads_path

        folder = user_downloads_path()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            app.notify(
                f"{download.title}: cannot create {folder}: {exc.strerror or exc}",
                severity="error",
                markup=False,
            )
            return None
    return app.deliver_text(
        io.StringIO(text),
        save_directory=folder,
        save_filename=filename(corpus, fmt),
        mime_type=download.mime_type,
        encoding="utf-8",
        name=PREFIX + fmt,
    )


def delivered(app: App[Any], event: DeliveryComplete) -> None:
    """Tell the user where the file went: the browser, or a path in a terminal."""
    if event.name is None or not event.name.startswith(PREFIX):
        return
    where = "to your browser" if event.path is None else f"to {event.path}"
    app.notify(f"{DOWNLOADS[event.name[len(PREFIX) :]].title}: sent {where}.", markup=False)


def failed(app: App[Any], event: DeliveryFailed) -> None:
    if event.name is None or not event.name.startswith(PREFIX):
        return
    app.notify(
        f"{DOWNLOADS[event.name[len(PREFIX) :]].title} failed: {event.exception}",
        severity="error",
        markup=False,
    )
