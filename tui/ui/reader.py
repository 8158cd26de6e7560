"""The reader screen: panes side by side, the inspector and the lists.

It owns the layout and composes three plain objects: the `PaneManager`
(which article goes where), the `ReviewController` (notes, verdicts, links)
and the `SuggestionsController` (the analysis). Messages from the widgets
arrive here as @on handlers, and every change of the data leaves through
`publish`, the one seam to the views.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import Reactive, reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.core.document.highlights import Highlights
from tui.core.document.jumps import Place
from tui.core.model.annotations import Annotation
from tui.core.model.changes import ChangeSet
from tui.core.model.corpus import Corpus
from tui.core.review.session import Session
from tui.ui import memory
from tui.ui.finding import ArticleFinder
from tui.ui.messages import AnnotationChosen, ArticleChosen, CorpusChanged
from tui.ui.pacing import after_frame
from tui.ui.panes import CORPUS_AUTO, PaneManager
from tui.ui.reader_keys import PICKER_HOLDS, READER_BINDINGS, REVIEW_ACTIONS
from tui.ui.review import ReviewController
from tui.ui.screens.suggestions import SuggestionQueue
from tui.ui.search_steps import CorpusSteps
from tui.ui.status import ReaderStatus
from tui.ui.suggestions import SuggestionsController
from tui.ui.widgets.article_list import CorpusList
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.inspector import Inspector
from tui.ui.widgets.keyline import KeyLine
from tui.ui.widgets.lists import AnnotationList
from tui.ui.widgets.pane import ArticlePane

if TYPE_CHECKING:
    from tui.ui.app import CrossreadApp


class ReaderScreen(Screen[None]):
    """The base screen of the reader; the cross-article views go on top of it."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    marked: reactive[Annotation | None] = reactive(None, init=False)
    """The claim marked with m for linking; drawn in every pane until linked or esc."""
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Screen.focused without its repaint: a focus change redrew the whole
    screen a frame after it, when the widgets whose look follows the focus
    (:focus styles, the pane's border, a caret) already draw themselves again."""

    def __init__(self, host: CrossreadApp, open_ids: list[str]) -> None:
        super().__init__()
        self.host = host
        self.open_ids = open_ids
        self.pane_manager = PaneManager(self)
        self.review = ReviewController(self)
        self.suggestions = SuggestionsController(self)
        self.steps = CorpusSteps(self)
        self.status = ReaderStatus(self)
        self.finder = ArticleFinder(self)

    # ------------------------------------------------------------ what the parts share

    @property
    def corpus(self) -> Corpus:
        return self.host.corpus

    @property
    def session(self) -> Session | None:
        return self.host.session

    @property
    def panes(self) -> list[ArticlePane]:
        return self.pane_manager.panes

    @property
    def current_view(self) -> ArticleView | None:
        return self.pane_manager.current_view

    def push_screen(self, screen: Any, callback: Any = None) -> Any:
        return self.app.push_screen(screen, callback)

    def ready_for_changes(self) -> bool:
        return self.host.ready_for_changes()

    def focus_now(self, widget: Widget) -> None:
        """Focus at once: `Widget.focus` waits behind the queued events, so keys
        typed in one burst after the key that moved the focus (`a j j enter`)
        went to the widget that had it."""
        if widget.is_mounted:
            self.set_focus(widget)
        else:
            widget.focus()

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        """Only what the first frame shows: the articles list at narrow widths
        and the problems panel are made when first needed."""
        with Horizontal(id="body"):
            if self.app.size.width >= CORPUS_AUTO or not self.open_ids:
                yield CorpusList(self.corpus, id="corpus")  # first, as it is seen and tabbed to
            with Horizontal(id="panes"):
                yield from self.pane_manager.first_panes(self.open_ids)
            with Vertical(id="side"):
                with VerticalScroll(id="inspector"):
                    yield Inspector(self.corpus, self.host.author, id="inspector-text")
                yield AnnotationList(self.corpus, self.host.author, here=self._here, id="annotations")
        if self.corpus.diagnostics:
            yield self.status.problems_panel()
        yield Static(id="legend")
        yield KeyLine(id="keys")

    def _here(self) -> Annotation | None:
        view = self.current_view
        return view.current_annotation() if view is not None else None

    def on_mount(self) -> None:
        self.query_one("#inspector").border_title = "Inspector"
        self.status.show_problems()
        self.pane_manager.fit_panes()
        if self.pane_manager.panes:
            # Focus now, not after the first frame: keys typed while the window
            # appears are queued behind this handler and must reach the pane.
            self.pane_manager.focus_pane(0)
        else:
            self.query_one(CorpusList).focus()
        memory.restore(self.host)

    @on(events.Resize)
    def _resized(self, event: events.Resize) -> None:
        self.pane_manager.fit_panes(event.size.width)

    # ------------------------------------------------------------ the change seam

    def publish(self, changes: ChangeSet | None, highlights: Mapping[str, Highlights] | None = None) -> None:
        """The one way a change reaches the screen: every view refreshes itself."""
        built = highlights or {}
        for view in self.query(".data-view"):
            view.post_message(CorpusChanged(changes, built))
        for screen in self.app.screen_stack[1:]:  # views pushed over the reader
            if screen.has_class("data-view"):
                screen.post_message(CorpusChanged(changes, built))
        self.post_message(CorpusChanged(changes, built))

    @on(CorpusChanged)
    def _data_changed(self, event: CorpusChanged) -> None:
        self.update_legend()
        if event.changes is not None and event.changes.merged:  # after a load: see loaded
            self.status.show_problems()
        self.suggestions.changed(event)

    def watch_marked(self, marked: Annotation | None) -> None:
        for view in self.query(ArticleView):
            view.marked_ref = marked.ref if marked is not None else ""
            view.refresh_marks()
        self.update_legend()

    def update_legend(self) -> None:
        self.status.update_legend()

    def loaded(self, highlights: Mapping[str, Highlights]) -> None:
        """The panes take the annotations now, without laying the screen out
        again (tui/ui/status.py): a panel appearing then redrew every widget at
        once, 50-70 ms at 5 MB, and moved the text under the reader's eyes."""
        self.publish(None, highlights)
        after_frame(self, self._after_load)

    def _after_load(self) -> None:
        self.status.after_load()
        self.query_one(Inspector).prepare(self.open_article_ids())

    def open_article_ids(self) -> list[str]:
        return [pane.article.id for pane in self.pane_manager.panes]

    # ------------------------------------------------------------ messages from the widgets

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, ArticleView):
            self.pane_manager.focused(widget)
            self.query_one(AnnotationList).show_article(widget.article.id)
            self._inspect(widget)
            self.update_legend()

    @on(events.Click)
    def _clicked(self, event: events.Click) -> None:
        self.finder.clicked(event.widget)

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        view = self.current_view
        if view is not None and view.pane == event.pane:
            # After the caret's frame has been sent: the inspector's text and
            # layout are the slow part of a key, and the caret should not wait.
            after_frame(self, lambda: self._inspect(view))
            self.host.idle_gc.poke()  # moved by the mouse too

    def _inspect(self, view: ArticleView) -> None:
        if view is self.current_view:
            self.query_one(Inspector).show(view.current_annotation())
            self.suggestions.inspect_at(view)

    @on(ArticleView.FollowRequested)
    def _follow(self, event: ArticleView.FollowRequested) -> None:
        if self.pane_manager.follow(event.annotation, event.pane) is not None:
            after_frame(self, lambda: self.query_one(Inspector).show(event.annotation))

    @on(ArticleView.Jumped)
    def _jumped(self, event: ArticleView.Jumped) -> None:
        self.pane_manager.jumps.record(Place(event.article, event.offset))

    @on(ArticleView.NoteRequested)
    def _note_requested(self) -> None:
        if self.check_action("note", ()):
            self.review.note()

    @on(ArticleView.LinkRequested)
    def _link_requested(self, event: ArticleView.LinkRequested) -> None:
        self.host.confirm_open_link(event.href)

    @on(ArticleView.JumpFilterChanged)
    def _jump_filter_changed(self) -> None:
        self.update_legend()

    @on(ArticleView.Escaped)
    def _escaped(self) -> None:
        if self.marked is not None:
            self.marked = None
            self.notify("Mark cleared.", timeout=2, markup=False)

    @on(ArticleChosen)
    def _article_chosen(self, event: ArticleChosen) -> None:
        self.pane_manager.open_and_focus(event.article_id, event.new_pane)

    @on(AnnotationChosen)
    def _annotation_chosen(self, event: AnnotationChosen) -> None:
        a = event.annotation
        if not a.resolution.resolved:
            self.notify(
                f"{a.id} is an orphan: its quote is not in the article.", severity="warning", markup=False
            )
            self.query_one(Inspector).show(a)
            return
        self.pane_manager.reveal_annotation(a)

    @on(SuggestionQueue.Decided)
    def _suggestion_decided(self, event: SuggestionQueue.Decided) -> None:
        self.suggestions.decided(event)

    # ------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Review actions wait for the session: disabled (shown, not run) while
        the annotations load; n/N step through corpus search results only while
        one is open in the focused pane."""
        if action in REVIEW_ACTIONS and self.session is None:
            return None
        if action == "corpus_step":
            return self.steps.active(self.focused)
        if action == "open_article" and isinstance(self.focused, Input):
            return None  # a priority key: `o` typed into a search box is a letter
        if action in PICKER_HOLDS and self.finder.picker_open():
            return None  # priority keys, not held by the picker's `is_modal`
        return True

    def action_next_pane(self) -> None:
        self.pane_manager.step_focus(1)

    def action_previous_pane(self) -> None:
        self.pane_manager.step_focus(-1)

    def action_close_pane(self) -> None:
        self.pane_manager.close_pane()

    def action_jump_back(self) -> None:
        self.pane_manager.jump_back()

    def action_jump_forward(self) -> None:
        self.pane_manager.jump_forward()

    def action_toggle_side(self) -> None:
        self.pane_manager.toggle_side()

    async def action_open_article(self, new_pane: bool = False) -> None:
        await self.finder.open_picker(new_pane)

    def action_toggle_corpus(self) -> None:
        self.finder.toggle_list()

    def action_focus_annotations(self) -> None:
        self.pane_manager.show_side()  # asked for the list: show the side panels
        self.focus_now(self.query_one(AnnotationList))

    def action_toggle_issues(self) -> None:
        self.status.toggle_problems()

    def action_contradictions(self) -> None:
        from tui.ui.screens.modals import ContradictionsScreen

        def chosen(link_id: str | None) -> None:
            link = next((x for x in self.corpus.links if x.id == link_id), None)
            if link is not None:
                self.pane_manager.show_link(link)

        self.app.push_screen(ContradictionsScreen(self.corpus), chosen)

    def action_suggestion_queue(self) -> None:
        self.suggestions.open_queue()

    def action_toggle_suggestions(self) -> None:
        self.suggestions.toggle()

    def action_matrix(self) -> None:
        self.steps.show_view("matrix")

    def action_corpus_search(self) -> None:
        self.steps.show_view("corpus_search")

    def action_history(self) -> None:
        self.steps.show_view("history")

    def action_corpus_step(self, backwards: bool = False) -> None:
        self.steps.step(backwards)

    # The review actions (bound in the article view as screen.<name>).

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
