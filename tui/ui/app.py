"""The crossread reader: articles side by side with their annotations.

The app holds the data (corpus, session, author) and what is app-wide:
loading, themes, notifications, help, the palette and quitting. The reader
itself, its layout and panes, is the `ReaderScreen` (tui/ui/reader.py).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Coroutine, Iterable, Sequence
from pathlib import Path
from time import monotonic
from typing import Any, ClassVar
from urllib.parse import urlparse

from rich.console import RenderableType
from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui.core.document.highlights import Highlights
from tui.core.document.text import escape_controls
from tui.core.files import gcpause
from tui.core.files.store import default_author
from tui.core.model.corpus import (
    BACKGROUND_BYTES,
    Corpus,
    annotation_bytes,
    complete_corpus,
    load_articles,
    load_corpus,
)
from tui.core.model.diagnostics import Diagnostic
from tui.core.review.session import Session
from tui.ui import culling, memory
from tui.ui.pacing import IdleCollector, fewer_full_passes
from tui.ui.reader import ReaderScreen
from tui.ui.screens.suggestions import SuggestionQueue
from tui.ui.styles import highlight_variables, without_colour
from tui.ui.widgets.article_list import CorpusList
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.lists import AnnotationList
from tui.ui.widgets.pane import ArticlePane
from tui.ui.widgets.pick_list import PickList
from tui.ui.widgets.picker import ArticlePicker
from tui.ui.widgets.row_list import RowList

KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "right_curly_bracket": "}",
    "left_curly_bracket": "{",
    "question_mark": "?",
    "slash": "/",
    "exclamation_mark": "!",
    "backslash": "\\",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "space": "space",
    "enter": "enter",
    "escape": "esc",
    "shift+tab": "shift+tab",
    "ctrl+p": "ctrl+p",
    "at": "@",
    "equals_sign": "=",
    "left_parenthesis": "(",
    "right_parenthesis": ")",
}


PREBUILD_AFTER = 1.0  # seconds after the first frame: hidden widgets are made while idle
PROGRESS_EVERY = 0.1  # seconds between two updates of the loading bar


def key_label(keys: str) -> str:
    return "/".join(KEY_NAMES.get(k, k) for k in keys.split(","))


class CrossreadApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "crossread"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    remember = False
    """Restore and save the theme, panes and filters: set by tui.ui.memory.reader()."""
    run_analysis = True
    """Propose suggestions in a worker after the first frame (issue 15)."""

    reader: ReaderScreen
    """The base screen; made when the app starts (after `requested` is final)."""

    def __init__(
        self,
        root: Path,
        open_ids: Iterable[str] = (),
        corpus: Corpus | None = None,
        author: str | None = None,
    ) -> None:
        super().__init__()
        culling.install()  # frames draw only the widgets they update (tui/ui/culling.py)
        self.root = root
        self.author = author or default_author()
        self.session: Session | None = None
        self.loading = False
        self._worker_started = False
        self._gc_paused = False
        self.idle_gc = IdleCollector(self)  # due full collections run between keys
        if corpus is None and annotation_bytes(root, BACKGROUND_BYTES) > BACKGROUND_BYTES:
            # Big annotation files: show the text first, anchor in a worker.
            self.corpus = load_articles(root)
            self.loading = True
        else:
            self.corpus = corpus if corpus is not None else load_corpus(root)
            self._start_session()
        # What was just loaded lives as long as the app: out of the collector's
        # sight at once, or its passes rescan 2,000 articles while the first frame is built.
        gc.freeze()
        self.requested = list(open_ids)

    def get_default_screen(self) -> Screen[Any]:
        ids, unknown = self._resolve_requested()
        for name in unknown:
            self.corpus.diagnostics.append(_note_unknown(self.corpus, name))
        self.reader = ReaderScreen(self, ids)
        return self.reader

    def exit(self, result: None = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        """Remember the panes, positions and filters first (tui/ui/memory.py)."""
        memory.save(self)
        self._resume_gc()  # an app that quits before its first frame
        reader = getattr(self, "reader", None)
        if reader is not None:
            reader.suggestions.stop()
        super().exit(result, return_code, message)

    def get_css_variables(self) -> dict[str, str]:
        """Highlight colours computed per theme to keep 4.5:1 (tui/ui/styles.py)."""
        return highlight_variables(super().get_css_variables(), self.ansi_theme)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """With NO_COLOR, no colour at all (tui/ui/styles.py)."""
        filters = super().get_line_filters()
        return without_colour(filters) if self.no_color else filters

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every toast passes here (widgets and screens call the app's): messages
        quote ids, names and paths from files, so controls are always escaped."""
        super().notify(
            escape_controls(message),
            title=escape_controls(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    # ------------------------------------------------------------ loading

    def _start_session(self) -> None:
        self.session = Session(self.corpus, self.author)
        # The loader already reported most problems of this file at the same place.
        seen = {(d.path, d.line, d.column) for d in self.corpus.diagnostics}
        self.corpus.diagnostics.extend(
            p for p in self.session.load_problems if (p.path, p.line, p.column) not in seen
        )

    def _load_in_background(self) -> None:
        self.run_worker(self._load, thread=True, exclusive=True, group="load")

    def _load(self) -> None:
        """Annotations, anchoring and authors' files, off the UI thread."""

        shown = [0.0]

        def progress(stage: str, done: int, total: int) -> None:
            # Posted, not awaited (call_from_thread waited for the UI thread, busy
            # wrapping the text), and at most every PROGRESS_EVERY: each redraws the bar.
            now = monotonic()
            if now - shown[0] >= PROGRESS_EVERY:
                shown[0] = now
                self.call_later(self.reader.status.show_progress, stage, done, total)

        with gcpause.paused():  # the session and the indexes too: they allocate as much again
            complete_corpus(self.corpus, progress)
            self._start_session()
            # The open panes' highlight indexes are built here, not on the UI thread
            # (0.26 s each at 5 MB); and what was loaded is moved out of the
            # collector's sight, or its first full pass stalls the screen for a second.
            refs = self.corpus.contradiction_refs()
            built = {
                aid: Highlights(self.corpus.annotations.get(aid, []), refs)
                for aid in self.call_from_thread(self.reader.open_article_ids)
            }
            gc.freeze()
        self.call_from_thread(self._loaded, built)

    def _loaded(self, built: dict[str, Highlights]) -> None:
        self.loading = False
        self.reader.loaded(built)

    @on(ArticleView.FirstPainted)
    def _first_text_painted(self) -> None:
        if self.loading and not self._worker_started:
            # Anchoring holds the GIL; start it once the text is on screen.
            self._worker_started = True
            self.call_after_refresh(self._load_in_background)

    def on_load(self) -> None:
        """No collection until the first frame is shown: building the screen makes
        tens of thousands of objects that all live on, and ~50 collections (6 ms of
        the first frame) found nothing to free in them. `on_ready` resumes."""
        if not self._gc_paused:
            self._gc_paused = True
            gcpause.pause()

    def _resume_gc(self) -> None:
        if self._gc_paused:
            self._gc_paused = False
            gcpause.resume()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            # Any key, not only caret moves: a full pass due while only the
            # picker was opened and typed in fell inside an `o` (16 ms of 50).
            self.idle_gc.poke()
        await super().on_event(event)

    def on_ready(self) -> None:
        # What was loaded lives as long as the app: out of the collector's sight,
        # its full passes no longer stall a key now and then. Frozen before the
        # collector resumes, so that it has none of the first frame's objects to scan.
        gc.freeze()
        fewer_full_passes()  # with the analysis off or failed too
        self._resume_gc()
        self.reader.update_legend()
        self.call_after_refresh(self.reader.suggestions.start)  # after the first frame (issue 15)
        self.reader.set_timer(PREBUILD_AFTER, self.reader.finder.prebuild)  # the screen's: it stops with it
        if self.loading and not self.reader.panes:
            self._worker_started = True
            self._load_in_background()

    def ready_for_changes(self) -> bool:
        if self.session is None:
            self.notify("Annotations are still loading; try again in a moment.", markup=False)
            return False
        return True

    def _resolve_requested(self) -> tuple[list[str], list[str]]:
        names = self.requested or list(self.corpus.articles)[:2]
        found: list[str] = []
        unknown: list[str] = []
        for name in names:
            if name in self.corpus.articles:
                found.append(name)
                continue
            matches = [aid for aid in self.corpus.articles if aid.startswith(name)]
            if len(matches) == 1:
                found.append(matches[0])
            else:
                unknown.append(name)
        return found, unknown

    # ------------------------------------------------------------ help and the palette

    def action_help(self) -> None:
        from tui.ui.screens.modals import HelpScreen

        self.push_screen(HelpScreen(self.help_rows(), self.help_notes()))

    def help_notes(self) -> str:
        return (
            f"Corpus: {self.root}\n"
            f"Your notes, claims, verdicts and links (author {self.author}) are "
            f"saved at once to:\n  {self.session.path if self.session else '(loading)'}\n"
            "Curated annotation files are never rewritten; check them with "
            "'crossread check'."
        )

    def help_rows(self) -> list[tuple[str, str, str]]:
        from tui.ui.screens.corpus_search import CorpusSearchScreen
        from tui.ui.screens.history import HistoryScreen
        from tui.ui.screens.matrix import MatrixScreen

        rows: list[tuple[str, str, str]] = []
        for where, bindings in (
            ("Anywhere", self.BINDINGS + ReaderScreen.BINDINGS),
            ("Article pane", ArticleView.BINDINGS + ArticlePane.BINDINGS),
            ("Articles list", CorpusList.BINDINGS),
            ("Articles list and picker", RowList.BINDINGS),
            ("Picker (o, O)", PickList.BINDINGS + ArticlePicker.BINDINGS),
            ("Annotations list", AnnotationList.BINDINGS),
            ("Review queue (S)", SuggestionQueue.BINDINGS),
            ("Claim matrix (M)", MatrixScreen.BINDINGS),
            ("Corpus search (F)", CorpusSearchScreen.BINDINGS),
            ("Review history (H)", HistoryScreen.BINDINGS),
        ):
            for binding in bindings:
                assert isinstance(binding, Binding)
                rows.append((where, key_label(binding.key), binding.description))
        rows.append(("Anywhere", "ctrl+p", "Command palette: every action"))
        from tui.web import downloads

        for command in downloads.commands(self):
            rows.append(("Command palette (ctrl+p)", "ctrl+p", f"{command.title}: {command.help}"))
        rows.append(("Command palette (ctrl+p)", "ctrl+p", "Theme: change the colours (remembered)"))
        rows.append(("Mouse", "click", "Select a highlight; the wheel scrolls"))
        return rows

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from tui.web import downloads

        yield from super().get_system_commands(screen)
        yield from downloads.commands(self)
        for where, bindings, target in (
            ("", self.BINDINGS, self._app_target),
            ("", ReaderScreen.BINDINGS, self._reader_target),
            (" (in the focused pane)", ArticleView.BINDINGS + ArticlePane.BINDINGS, self._view_target),
            (" (in the annotations list)", AnnotationList.BINDINGS, self._list_target),
        ):
            for binding in bindings:
                assert isinstance(binding, Binding)
                yield SystemCommand(
                    binding.description,
                    f"key: {key_label(binding.key)}{where}",
                    _runner(target, binding.action),
                )

    def _app_target(self, action: str) -> Any:
        return self

    def _reader_target(self, action: str) -> Any:
        return self.reader

    def _view_target(self, action: str) -> Any:
        view = self.reader.current_view
        if view is None:
            return None
        return view.parent if action == "search" else view

    def _list_target(self, action: str) -> Any:
        listing = self.reader.query_one(AnnotationList)
        listing.focus()
        return listing

    @on(events.DeliveryComplete)
    def _delivered(self, event: events.DeliveryComplete) -> None:
        from tui.web import downloads

        downloads.delivered(self, event)

    @on(events.DeliveryFailed)
    def _delivery_failed(self, event: events.DeliveryFailed) -> None:
        from tui.web import downloads

        downloads.failed(self, event)

    # ------------------------------------------------------------ quitting and links

    async def action_quit(self) -> None:
        if self.session is None or not self.session.unsaved:
            self.exit()
            return
        result = self.session.retry().save
        if result.ok:
            self.exit()
            return
        where = f"A recovery copy is in {result.recovery}." if result.recovery else ""

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        from tui.ui.screens.editors import ConfirmScreen

        self.push_screen(
            ConfirmScreen("Your last changes are NOT saved. Quit anyway?", f"{result.error}. {where}"),
            answered,
        )

    def confirm_open_link(self, url: str) -> None:
        from tui.ui.screens.modals import ConfirmLinkScreen

        scheme = urlparse(url).scheme.lower()
        if scheme not in ("http", "https"):
            self.notify(
                f"Only http and https links can be opened (this one is {scheme or 'relative'}).",
                severity="warning",
                markup=False,
            )
            return

        def answer(ok: bool | None) -> None:
            if ok:
                self.open_url(url)  # in a browser tab (crossread serve), opens client-side

        self.push_screen(ConfirmLinkScreen(url), answer)


def _note_unknown(corpus: Corpus, name: str) -> Diagnostic:
    from tui.core.model.diagnostics import Level

    return Diagnostic(
        corpus.root,
        0,
        0,
        Level.ERROR,
        f"--open {name}: no such article",
        "use an article id (file stem) or a unique prefix of one",
    )


def _runner(target: Callable[[str], Any], action: str) -> Callable[[], Coroutine[Any, Any, None]]:
    """A palette command: the action run on whatever `target` names at the time."""

    async def run() -> None:
        node = target(action)
        if node is not None:
            await node.run_action(action)

    return run
