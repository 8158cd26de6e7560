"""The crossread reader: articles side by side with their annotations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlparse

from rich.console import RenderableType
from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, ProgressBar, Static

from tui.core.document.jumps import JumpList
from tui.core.document.text import escape_controls
from tui.core.files.store import default_author
from tui.core.model.annotations import Annotation
from tui.core.model.changes import ChangeSet
from tui.core.model.corpus import (
    BACKGROUND_BYTES,
    Corpus,
    annotation_bytes,
    complete_corpus,
    load_articles,
    load_corpus,
)
from tui.core.review.session import Session
from tui.ui import memory
from tui.ui.messages import CorpusChanged
from tui.ui.panes import MAX_PANES, PanesMixin
from tui.ui.review import ReviewController
from tui.ui.screens.suggestions import SuggestionQueue
from tui.ui.styles import highlight_variables, safe_line, without_colour
from tui.ui.suggestions import SuggestionsMixin
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.inspector import Inspector
from tui.ui.widgets.lists import AnnotationList, CorpusList
from tui.ui.widgets.pane import ArticlePane

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
LEGEND = (
    ("claim", "claim"),
    ("source", "source"),
    ("contradiction", "contradiction"),
    ("note", "note"),
    ("orphan", "fuzzy/orphan"),
    ("selection", "selected"),
    ("suggestion", "suggested"),
)


def key_label(keys: str) -> str:
    return "/".join(KEY_NAMES.get(k, k) for k in keys.split(","))


class CrossreadApp(PanesMixin, SuggestionsMixin, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "crossread"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("tab", "next_pane", "Next pane", id="app.next_pane", show=False, priority=True),
        Binding(
            "shift+tab", "previous_pane", "Previous pane", id="app.previous_pane", show=False, priority=True
        ),
        Binding("o", "open_article", "Open", id="app.open"),
        Binding("O", "open_article_new_pane", "Open in new pane", id="app.open_new", show=False),
        Binding("C", "contradictions", "Contradictions", id="app.contradictions"),
        Binding("t", "toggle_corpus", "Articles list", id="app.toggle_corpus", show=False),
        Binding(
            "backslash",
            "toggle_side",
            "Side panels (inspector, annotations)",
            id="app.toggle_side",
            show=False,
        ),
        Binding("a", "focus_annotations", "Annotations list", id="app.annotations", show=False),
        Binding("ctrl+w", "close_pane", "Close pane", id="app.close_pane", show=False),
        Binding("ctrl+o", "jump_back", "Back to where you jumped from", id="app.jump_back", show=False),
        Binding("ctrl+n", "jump_forward", "Forward again (after ctrl+o)", id="app.jump_forward", show=False),
        Binding("ctrl+z", "undo", "Undo", id="app.undo", show=False),
        Binding("ctrl+y", "redo", "Redo", id="app.redo", show=False),
        Binding("exclamation_mark", "toggle_issues", "Problems", id="app.issues", show=False),
        Binding("S", "suggestion_queue", "Review suggestions", id="app.suggestions"),
        Binding(
            "ctrl+t",
            "toggle_suggestions",
            "Show or hide suggestions",
            id="app.toggle_suggestions",
            show=False,
        ),
        Binding("M", "matrix", "Claim matrix: every topic across the articles", id="app.matrix", show=False),
        Binding(
            "F",
            "corpus_search",
            "Search every article (then n/N through the results)",
            id="app.corpus_search",
            show=False,
        ),
        Binding(
            "H", "history", "Review history: your verdicts, notes and links", id="app.history", show=False
        ),
        # Priority, but only while a corpus search is open in the focused pane
        # (check_action); otherwise n / N reach the pane as before.
        Binding(
            "n",
            "corpus_step(False)",
            "Next corpus-search result (after F)",
            id="app.corpus_next",
            show=False,
            priority=True,
        ),
        Binding(
            "N",
            "corpus_step(True)",
            "Previous corpus-search result (after F)",
            id="app.corpus_previous",
            show=False,
            priority=True,
        ),
    ]

    marked: reactive[Annotation | None] = reactive(None, init=False)
    """The claim marked with m for linking; drawn in every pane until linked or esc."""

    def watch_marked(self, marked: Annotation | None) -> None:
        for view in self.query(ArticleView):
            view.marked_ref = marked.ref if marked is not None else ""
            view.refresh_marks()
        self.update_legend()

    def __init__(
        self,
        root: Path,
        open_ids: Iterable[str] = (),
        corpus: Corpus | None = None,
        author: str | None = None,
    ) -> None:
        super().__init__()
        self.root = root
        self.author = author or default_author()
        self.session: Session | None = None
        self.loading = False
        if corpus is None and annotation_bytes(root) > BACKGROUND_BYTES:
            # Big annotation files: show the text first, anchor in a worker.
            self.corpus = load_articles(root)
            self.loading = True
        else:
            self.corpus = corpus if corpus is not None else load_corpus(root)
            self._start_session()
        self.requested = list(open_ids)
        self.current_pane = 0
        self._follow_index: dict[str, int] = {}
        self._used: dict[int, int] = {}
        self._tick = 0
        self.jumps = JumpList()
        self.review = ReviewController(self)
        self._panes: list[ArticlePane] = []
        self._next_pane_id = 0

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        ids, self._unknown = self._resolve_requested()
        with Horizontal(id="body"):
            yield CorpusList(self.corpus, id="corpus")
            with Horizontal(id="panes"):
                for aid in ids[:MAX_PANES]:
                    pane = ArticlePane(self.corpus.articles[aid], self.corpus, self._next_pane_id)
                    self._next_pane_id += 1
                    self._panes.append(pane)
                    yield pane
            with Vertical(id="side"):
                with VerticalScroll(id="inspector"):
                    yield Inspector(self.corpus, self.author, id="inspector-text")
                yield AnnotationList(self.corpus, self.author, id="annotations")
        bar = ProgressBar(id="loading", show_eta=False)
        bar.display = self.loading
        yield bar
        yield VerticalScroll(Static(id="issues-text"), id="issues")
        yield Static(id="legend")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#inspector").border_title = "Inspector"
        for name in self._unknown:
            self.corpus.diagnostics.append(_note_unknown(self.corpus, name))
        self._show_issues()
        if self.size.width < 190:
            self.query_one("#corpus").display = False
        self.fit_panes()
        if self._panes:
            # Focus now, not after the first frame: keys typed while the window
            # appears are queued behind this handler and must reach the pane.
            self._focus_pane(0)
        else:
            self.query_one("#corpus").display = True
            self.query_one(CorpusList).focus()
        memory.restore(self)

    def exit(self, result: None = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        """Remember the panes, positions and filters first (tui/ui/memory.py)."""
        memory.save(self)
        super().exit(result, return_code, message)

    def get_css_variables(self) -> dict[str, str]:
        """Highlight colours computed per theme to keep 4.5:1 (tui/ui/styles.py)."""
        return highlight_variables(super().get_css_variables(), self.ansi_theme)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """With NO_COLOR, no colour at all (tui/ui/styles.py)."""
        filters = super().get_line_filters()
        return without_colour(filters) if self.no_color else filters

    def _start_session(self) -> None:
        self.session = Session(self.corpus, self.author)
        # The loader already reported most problems of this file at the same place.
        seen = {(d.path, d.line, d.column) for d in self.corpus.diagnostics}
        self.corpus.diagnostics.extend(
            p for p in self.session.load_problems if (p.path, p.line, p.column) not in seen
        )

    @work(thread=True, exclusive=True, group="load")
    def _load_in_background(self) -> None:
        """Annotations, anchoring and authors' files, off the UI thread."""

        def progress(stage: str, done: int, total: int) -> None:
            self.call_from_thread(self._show_progress, stage, done, total)

        complete_corpus(self.corpus, progress)
        self._start_session()
        self.call_from_thread(self._loaded)

    def _show_progress(self, stage: str, done: int, total: int) -> None:
        bar = self.query_one("#loading", ProgressBar)
        bar.update(total=max(1, total), progress=done)
        bar.border_title = f"Loading {stage}…"

    def _loaded(self) -> None:
        self.loading = False
        self.query_one("#loading").display = False
        self.publish(None)

    def publish(self, changes: ChangeSet | None) -> None:
        """The one way a change reaches the screen: every view refreshes itself."""
        for view in self.query(".data-view"):
            view.post_message(CorpusChanged(changes))
        self.post_message(CorpusChanged(changes))

    @on(ArticleView.NoteRequested)
    def _note_requested(self) -> None:
        if self.check_action("note", ()):
            self.review.note()

    @on(ArticleView.LinkRequested)
    def _link_requested(self, event: ArticleView.LinkRequested) -> None:
        self.confirm_open_link(event.href)

    @on(ArticleView.JumpFilterChanged)
    def _jump_filter_changed(self) -> None:
        self.update_legend()

    @on(ArticleView.Escaped)
    def _escaped(self) -> None:
        if self.marked is not None:
            self.marked = None
            self.notify("Mark cleared.", timeout=2, markup=False)
            self.update_legend()

    @on(CorpusChanged)
    def _data_changed(self, event: CorpusChanged) -> None:
        self.update_legend()
        if event.changes is None or event.changes.merged:
            self._show_issues()

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

    # ------------------------------------------------------------ review

    REVIEW_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {
            "note",
            "edit_note",
            "delete_note",
            "undo",
            "redo",
            "new_claim",
            "new_source",
            "verdict",
            "verdict_comment",
            "next_unreviewed",
            "mark",
            "link",
        }
    )

    def action_note(self) -> None:
        self.review.note()

    def action_edit_note(self) -> None:
        self.review.edit_note()

    def action_delete_note(self) -> None:
        self.review.delete_note()

    def action_undo(self) -> None:
        self.review.undo()

    def action_redo(self) -> None:
        self.review.redo()

    def action_new_claim(self) -> None:
        self.review.new_claim()

    def action_new_source(self) -> None:
        self.review.new_source()

    def action_verdict(self, number: int) -> None:
        self.review.verdict(number)

    def action_verdict_comment(self) -> None:
        self.review.verdict_comment()

    def action_next_unreviewed(self) -> None:
        self.review.next_unreviewed()

    def action_mark(self) -> None:
        self.review.mark()

    def action_link(self, relation: str = "contradicts") -> None:
        self.review.link(relation)

    def progress_text(self) -> Text:
        return self.review.progress_text()

    def ready_for_changes(self) -> bool:
        if self.session is None:
            self.notify("Annotations are still loading; try again in a moment.", markup=False)
            return False
        return True

    remember = False
    """Restore and save the theme, panes and filters: set by tui.ui.memory.reader()."""
    run_analysis = True
    """Propose suggestions in a worker after the first frame (issue 15)."""

    @on(ArticleView.FirstPainted)
    def _first_text_painted(self) -> None:
        if self.loading and not self._worker_started:
            # Anchoring holds the GIL; start it once the text is on screen.
            self._worker_started = True
            self.call_after_refresh(self._load_in_background)

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

    def _show_issues(self) -> None:
        panel = self.query_one("#issues")
        problems = self.corpus.diagnostics
        errors = sum(1 for d in problems if d.is_error)
        panel.border_title = f"Problems: {errors} errors, {len(problems) - errors} warnings · ! to hide"
        if problems:
            self.query_one("#issues-text", Static).update(_modals().diagnostics_text(problems, self.root))
        panel.display = bool(problems)

    def on_ready(self) -> None:
        self.update_legend()
        self.call_after_refresh(self.start_analysis)  # after the first frame (issue 15)
        if self.loading and not self._panes:
            self._load_in_background()

    _worker_started = False

    def update_legend(self) -> None:
        views = list(self.query(ArticleView))
        legend = Text(" Legend: ", style="bold")
        for name, label in LEGEND:
            style = views[0].painter.style(name) if views else ""
            legend.append(label, style)
            legend.append("  ")
        jump = self.current_view.jump_filter if self.current_view else "all"
        legend.append(f"· ] [ jump to: {jump} ·", "dim")
        legend.append_text(self.progress_text())
        legend.append_text(self.suggestions_legend())
        self.query_one("#legend", Static).update(legend)

    # ------------------------------------------------------------ actions

    def action_open_article(self, new_pane: bool = False) -> None:
        def chosen(article_id: str | None) -> None:
            if article_id:
                self._open_and_focus(article_id, new_pane)

        self.push_screen(_modals().PickerScreen(self.corpus, new_pane), chosen)

    def action_open_article_new_pane(self) -> None:
        self.action_open_article(new_pane=True)

    def _open_and_focus(self, article_id: str, new_pane: bool) -> None:
        pane = self.open_article(article_id, new_pane=new_pane)
        if pane is not None:
            self.call_after_refresh(lambda: self._focus_pane(self.pane_index(pane)))

    def action_toggle_corpus(self) -> None:
        corpus = self.query_one("#corpus")
        corpus.display = not corpus.display
        self.fit_panes()
        if corpus.display:
            corpus.focus()

    def action_focus_annotations(self) -> None:
        if not self.query_one("#side").display:
            self._side_choice = True  # asked for the list: show the side panels
            self.fit_panes()
        self.query_one(AnnotationList).focus()

    def action_toggle_issues(self) -> None:
        panel = self.query_one("#issues")
        panel.display = not panel.display

    def action_help(self) -> None:
        self.push_screen(_modals().HelpScreen(self.help_rows(), self.help_notes()))

    def action_contradictions(self) -> None:
        def chosen(link_id: str | None) -> None:
            if link_id:
                link = next(x for x in self.corpus.links if x.id == link_id)
                self.show_link(link)

        self.push_screen(_modals().ContradictionsScreen(self.corpus), chosen)

    # ------------------------------------------------------------ cross-article views

    corpus_result = None
    """The last corpus search opened with enter (F): what n / N walk through."""
    _corpus_at: tuple[int, str, int] = (-1, "", 0)  # the result shown: index, article, offset
    _corpus_pending = False

    def _view_screen(self, name: str, make) -> None:
        """Push one of the cross-article screens, installed once so that it keeps
        its filter and position between visits."""
        if not self.ready_for_changes() or (
            self.is_screen_installed(name) and self.screen is self.get_screen(name)
        ):
            return
        if not self.is_screen_installed(name):
            self.install_screen(make(), name)
        self.push_screen(name)

    def action_matrix(self) -> None:
        self._view_screen("matrix", lambda: _views("matrix").MatrixScreen(self.corpus, self.author))

    def action_corpus_search(self) -> None:
        self._view_screen(
            "corpus_search",
            lambda: _views("corpus_search").CorpusSearchScreen(self.corpus, self.open_search_hit),
        )

    def action_history(self) -> None:
        self._view_screen("history", lambda: _views("history").HistoryScreen(self.corpus, self.author))

    def open_search_hit(self, result, hit) -> None:
        """Open a corpus-search hit at its match; n / N then walk every hit."""
        self.corpus_result = result
        number = result.hits.index(hit) + 1 if hit in result.hits else 0
        self._corpus_at = (number - 1, hit.article, max(0, hit.start))
        self._corpus_pending = True  # until the pane shows it (keys may come first)
        where = f" · {hit.where}" if hit.where else ""
        status = Text.assemble(
            ("Corpus search ", "bold"),
            safe_line(repr(result.query)),
            f" · result {number}/{result.count}",
            safe_line(where),
            (" · n/N: next/previous in any article", "dim"),
        )
        self.call_after_refresh(
            _views("opening").open_at, self, hit.article, hit.start, hit.end, result.query, status
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Review actions wait for the session: disabled (shown, not run) while
        the annotations load; n/N step through corpus search results only while
        one is open in the focused pane."""
        if action in self.REVIEW_ACTIONS and self.session is None:
            return None
        if action == "corpus_step":
            view = self.focused
            result = self.corpus_result
            return (
                isinstance(view, ArticleView)
                and result is not None
                and bool(result.hits)
                and view.selection_anchor is None
                and view.search_query == result.query
            )
        return super().check_action(action, parameters)

    def action_corpus_step(self, backwards: bool = False) -> None:
        view = self.current_view
        if view is None or self.corpus_result is None:
            return
        result = self.corpus_result
        index, article, offset = self._corpus_at
        here = self._corpus_pending or (view.article.id, view.cursor) == (article, offset)
        if here and 0 <= index < result.count:
            # Still on the result n / N last went to: the next one in the list,
            # even when several results share one place (notes on one claim).
            hit = result.hits[(index + (-1 if backwards else 1)) % result.count]
        else:
            hit = result.next_after(view.article.id, view.cursor, backwards)
        if hit is not None:
            self.open_search_hit(self.corpus_result, hit)

    @on(CorpusChanged)
    def _views_on_screens(self, event: CorpusChanged) -> None:
        """Screens pushed over the reader are not reached by `publish`'s query."""
        for screen in self.screen_stack[1:]:
            if screen.has_class("data-view"):
                screen.post_message(CorpusChanged(event.changes))

    def help_notes(self) -> str:
        return (
            f"Corpus: {self.root}\n"
            f"Your notes, claims, verdicts and links (author {self.author}) are "
            f"saved at once to:\n  {self.session.path if self.session else '(loading)'}\n"
            "Curated annotation files are never rewritten; check them with "
            "'crossread check'."
        )

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

        self.push_screen(
            _editors().ConfirmScreen(
                "Your last changes are NOT saved. Quit anyway?", f"{result.error}. {where}"
            ),
            answered,
        )

    def help_rows(self) -> list[tuple[str, str, str]]:
        rows: list[tuple[str, str, str]] = []
        for where, bindings in (
            ("Anywhere", self.BINDINGS),
            ("Article pane", ArticleView.BINDINGS + ArticlePane.BINDINGS),
            ("Articles list", CorpusList.BINDINGS),
            ("Annotations list", AnnotationList.BINDINGS),
            ("Review queue (S)", SuggestionQueue.BINDINGS),
            ("Claim matrix (M)", _views("matrix").MatrixScreen.BINDINGS),
            ("Corpus search (F)", _views("corpus_search").CorpusSearchScreen.BINDINGS),
            ("Review history (H)", _views("history").HistoryScreen.BINDINGS),
        ):
            for binding in bindings:
                assert isinstance(binding, Binding)
                rows.append((where, key_label(binding.key), binding.description))
        rows.append(("Anywhere", "ctrl+p", "Command palette: every action"))
        rows.append(("Mouse", "click", "Select a highlight; the wheel scrolls"))
        return rows

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from _downloads().commands(self)
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            yield SystemCommand(
                binding.description, f"key: {key_label(binding.key)}", _runner(self, binding.action)
            )
        for binding in ArticleView.BINDINGS + ArticlePane.BINDINGS:
            assert isinstance(binding, Binding)
            yield SystemCommand(
                binding.description,
                f"key: {key_label(binding.key)} (in the focused pane)",
                _view_runner(self, binding.action),
            )
        for binding in AnnotationList.BINDINGS:
            assert isinstance(binding, Binding)
            yield SystemCommand(
                binding.description,
                f"key: {key_label(binding.key)} (in the annotations list)",
                _list_runner(self, binding.action),
            )

    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        _downloads().delivered(self, event)

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        _downloads().failed(self, event)

    # ------------------------------------------------------------ links

    def confirm_open_link(self, url: str) -> None:
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

        self.push_screen(_modals().ConfirmLinkScreen(url), answer)


def _modals():
    from tui.ui.screens import modals

    return modals


def _views(name: str):
    """The cross-article screens (issue 16), loaded when first used."""
    import importlib

    return importlib.import_module(f"tui.ui.screens.{name}")


def _downloads():
    from tui.web import downloads

    return downloads


def _editors():
    from tui.ui.screens import editors

    return editors


def _note_unknown(corpus: Corpus, name: str):
    from tui.core.model.diagnostics import Diagnostic, Level

    return Diagnostic(
        corpus.root,
        0,
        0,
        Level.ERROR,
        f"--open {name}: no such article",
        "use an article id (file stem) or a unique prefix of one",
    )


def _runner(app: CrossreadApp, action: str):
    async def run() -> None:
        await app.run_action(action)

    return run


def _list_runner(app: CrossreadApp, action: str):
    async def run() -> None:
        listing = app.query_one(AnnotationList)
        listing.focus()
        await listing.run_action(action)

    return run


def _view_runner(app: CrossreadApp, action: str):
    async def run() -> None:
        view = app.current_view
        if view is None:
            return
        target: Widget = view
        if action == "search":
            target = view.parent  # type: ignore[assignment]
        await target.run_action(action)

    return run
