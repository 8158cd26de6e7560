"""Suggestions in the reader (issue 15): the analysis runs in a thread after
the first frame, its proposals are drawn in the article views and explained in
the inspector, and the review queue (`S`) walks them: accept makes the user's
own link, reject is remembered in the user's notes file, skip moves on.

A plain object the ReaderScreen owns (`screen.suggestions`); the screen's
@on handlers call it.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from typing import TYPE_CHECKING

from rich.text import Text

from tui.core.model.annotations import Annotation
from tui.core.model.corpus import Corpus
from tui.core.review.session import Session, SessionError
from tui.ui.messages import CorpusChanged
from tui.ui.screens.suggestions import MARK, SuggestionQueue, describe, readable
from tui.ui.styles import safe
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.inspector import Inspector
from tui.ui.widgets.pane import ArticlePane

if TYPE_CHECKING:  # the analysis loads in the worker, after the first frame
    from tui.core.analysis import Member, Stopper, Suggestion
    from tui.ui.reader import ReaderScreen

ACCEPT_AS = {
    "contradicts": "contradicts",
    "corroborates": "corroborates",
    "updates": "updates",
    "variant": "corroborates",
}
"""A name variant names the same person twice: accepted, it corroborates."""
_NEEDS_REFRESH = frozenset({"link", "claim", "rejection"})


def rejected_ids(session: Session | None) -> set[str]:
    if session is None:
        return set()
    return {str(r.get("suggestion")) for r in session.store.records.values() if r.get("kind") == "rejection"}


def _claims_over(corpus: Corpus, member: Member) -> list[Annotation]:
    return [
        a
        for a in corpus.annotations.get(member.article, [])
        if a.kind == "claim" and a.resolution.resolved and a.start < member.end and a.end > member.start
    ]


def covered(suggestion: Suggestion, corpus: Corpus) -> bool:
    """A link (anyone's, curated or accepted) already joins claims over the
    words of every member: the suggestion has nothing left to say."""
    sides = [{a.ref for a in _claims_over(corpus, m)} for m in suggestion.members]
    if not all(sides):
        return False
    for ref in sides[0]:
        claim = corpus.get(ref)
        for link in corpus.links_of(claim) if claim is not None else ():
            joined = set(link.members)
            if all(joined & side for side in sides[1:]):
                return True
    return False


class SuggestionsController:
    """What the analysis proposed, what is shown of it, and the review queue."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        self.all: list[Suggestion] = []
        self.visible: list[Suggestion] = []
        self.shown = True
        self.state = "waiting"  # running, done, failed
        self._spans: dict[str, list[tuple[int, int, Suggestion]]] = {}
        # Made by the analysis thread (importing the analysis would hold the UI thread)
        self.stopper: Stopper | None = None
        self._quitting = False

    @property
    def session(self) -> Session | None:
        return self.screen.session

    @property
    def corpus(self) -> Corpus:
        return self.screen.corpus

    # ------------------------------------------------------------ the analysis

    def start(self) -> None:
        if not self.screen.host.run_analysis or self.state != "waiting":
            return
        self.state = "running"
        self.screen.run_worker(
            self._analyse, thread=True, exclusive=True, group="analysis", exit_on_error=False
        )

    def _analyse(self) -> None:
        """Off the UI thread: the analysis reads only the article texts."""
        app = self.screen.app
        try:
            from tui.core.analysis import Stopped, Stopper, suggest_corpus
        except Exception as exc:  # an analysis that cannot load leaves the reader as it is
            app.call_from_thread(self._failed, f"{type(exc).__name__}: {exc}")
            return
        self.stopper = stopper = Stopper()
        if self._quitting:  # quit before the stopper was there: `stop` did not see it
            stopper.stop()
        try:
            found = suggest_corpus(self.corpus, stopper=stopper)
        except Stopped:
            return  # the reader is quitting: nothing to show, nobody to tell
        except Exception as exc:  # a bug in a rule must never take the reader down
            app.call_from_thread(self._failed, f"{type(exc).__name__}: {exc}")
            return
        app.call_from_thread(self._analysed, found)

    def stop(self) -> None:
        """The reader is quitting: end an analysis under way (its children are
        killed) rather than wait for it."""
        self._quitting = True
        if self.stopper is not None:
            self.stopper.stop()

    def _failed(self, why: str) -> None:
        self.state = "failed"
        self.screen.notify(
            f"The analysis failed ({why}); no suggestions this time.", severity="warning", markup=False
        )

    def _analysed(self, found: list[Suggestion]) -> None:
        self.all = found
        self.state = "done"
        self.refresh()
        # What the analysis made lives as long as the app: out of the collector's
        # sight, or each full pass rescans it and holds a key for 50-250 ms at 5 MB.
        gc.freeze()

    def refresh(self) -> None:
        """Leave out rejected and already linked suggestions; redraw the views."""
        rejected = rejected_ids(self.session)
        self.visible = [s for s in self.all if s.id not in rejected and not covered(s, self.corpus)]
        spans: dict[str, list[tuple[int, int, Suggestion]]] = defaultdict(list)
        for s in self.visible:
            for m in s.members:
                spans[m.article].append((m.start, m.end, s))
        self._spans = dict(spans)
        for pane in self.screen.panes:
            if pane.query(ArticleView):
                view = pane.view
                view.set_suggestions(self.spans(view.article.id), view.shown_suggestion)
        self.screen.update_legend()

    def spans(self, article_id: str) -> list[tuple[int, int, Suggestion]]:
        return list(self._spans.get(article_id, [])) if self.shown else []

    def legend(self) -> Text:
        if self.state == "running":
            return Text(" · analysing…", "dim")
        if self.state != "done":
            return Text("")
        return Text(f" · {len(self.visible)} suggestions (S)", "dim")

    def toggle(self) -> None:
        self.shown = not self.shown
        self.refresh()
        view = self.screen.current_view
        if view is not None:
            self.inspect_at(view)
        self.screen.notify(
            "Suggestions shown." if self.shown else "Suggestions hidden.", timeout=2, markup=False
        )

    # ------------------------------------------------------------ following the caret

    def queue(self) -> SuggestionQueue | None:
        found = self.screen.query(SuggestionQueue)
        return found.first() if found else None

    def inspect_at(self, view: ArticleView) -> None:
        if self.queue() is not None:
            return  # the queue's suggestion stays in the inspector
        items = view.suggestions_at(view.cursor) if self.shown else []
        text = None
        if items:
            text = Text()
            for s in items[:3]:
                text.append_text(describe(s, self.corpus, view.article.id))
        self.screen.query_one(Inspector).show_suggestions(text)

    def changed(self, event: CorpusChanged) -> None:
        changes = event.changes
        if self.state != "done":
            return
        if changes is None or changes.merged or any(c.kind in _NEEDS_REFRESH for c in changes.records):
            self.refresh()

    # ------------------------------------------------------------ the review queue

    def open_queue(self) -> None:
        screen = self.screen
        if self.state in ("waiting", "running"):
            screen.notify("The analysis is still running; try again in a moment.", markup=False)
            return
        if not self.visible:
            screen.notify("No suggestions left to review.", markup=False)
            return
        old = self.queue()
        if old is not None:  # S again while the queue is open: go back to it
            old.focus()
            self._present(old)
            return
        queue = SuggestionQueue([s.id for s in self.visible])
        screen.mount(queue, before=screen.query_one("#legend"))
        queue.focus()
        self._present(queue)

    def _by_id(self, suggestion_id: str) -> Suggestion | None:
        return next((s for s in self.visible if s.id == suggestion_id), None)

    def _present(self, queue: SuggestionQueue) -> None:
        """Show the queue's current suggestion (skipping any that went away)."""
        while queue.current and self._by_id(queue.current) is None:
            queue.position += 1
        s = self._by_id(queue.current)
        queue.show(s, self.corpus)
        inspector = self.screen.query_one(Inspector)
        inspector.show_suggestions(describe(s, self.corpus) if s else None, lead=True)
        if s is not None:
            self.show(s)

    def show(self, s: Suggestion) -> None:
        """Both sides in panes side by side, each span shown selected."""
        layout = self.screen.pane_manager
        first, second = s.members[0], s.members[1]
        left = layout.open_article(first.article, at=0)
        if left is None:
            return
        panes = layout.panes
        other = 1 if panes.index(left) == 0 else 0
        if first.article == second.article:
            right: ArticlePane | None = left
        elif len(panes) < 2:
            right = layout.open_article(second.article, new_pane=True)
        else:
            right = layout.open_article(second.article, at=other)
        status = Text.assemble(
            (f"{MARK.get(s.relation, '?')} suggested {s.relation}: ", "bold"), safe(readable(s, self.corpus))
        )
        for pane, member in ((left, first), (right, second)):
            if pane is not None:
                self._show_span(pane, member, s.id, status)

    def _show_span(self, pane: ArticlePane, member: Member, sid: str, status: Text, tries: int = 0) -> None:
        if not pane.query(ArticleView):
            if tries < 20 and pane in self.screen.panes:
                self.screen.app.call_after_refresh(self._show_span, pane, member, sid, status, tries + 1)
            return
        view = pane.view
        view.set_suggestions(self.spans(view.article.id), sid)
        view.cursor = member.start
        view.reveal_span(member.start, max(member.start + 1, member.end))
        pane.set_status(status)

    def decided(self, event: SuggestionQueue.Decided) -> None:
        queue, what = event.queue, event.what
        if what == "close":
            self._close_queue(queue)
            return
        if what in ("next", "previous"):
            step = 1 if what == "next" else -1
            queue.position = max(0, min(len(queue.order), queue.position + step))
            while 0 < queue.position < len(queue.order) and self._by_id(queue.current) is None:
                queue.position += step  # over suggestions accepted or rejected meanwhile
            self._present(queue)
            return
        s = self._by_id(event.suggestion)
        if s is None:
            return
        if what == "skip":
            queue.tally["skipped"] += 1
        elif what == "reject":
            if self.session is None or not self.screen.ready_for_changes():
                return
            try:
                changes = self.session.reject_suggestion(s.id)
            except SessionError as exc:
                self.screen.notify(str(exc), severity="warning", markup=False)
                return
            self.screen.review.report("Rejected; it will not be suggested again", changes)
            queue.tally["rejected"] += 1
        elif what == "accept":
            if not self.accept(s, readable(s, self.corpus)):
                return
            queue.tally["accepted"] += 1
        elif what == "edit":
            self._edit_then_accept(queue, s)
            return
        queue.position += 1
        self._present(queue)

    def _edit_then_accept(self, queue: SuggestionQueue, s: Suggestion) -> None:
        from tui.ui.screens.editors import PromptScreen

        def save(summary: str | None) -> None:
            if summary and self.accept(s, summary):
                queue.tally["accepted"] += 1
                queue.position += 1
            self._present(queue)
            queue.focus()

        self.screen.app.push_screen(
            PromptScreen(f"Summary of the link ({ACCEPT_AS[s.relation]})", readable(s, self.corpus)), save
        )

    def _close_queue(self, queue: SuggestionQueue) -> None:
        queue.remove()
        for pane in self.screen.panes:
            if pane.query(ArticleView) and pane.view.shown_suggestion:
                pane.view.set_suggestions(self.spans(pane.article.id))
                pane.set_status("")
        self.screen.query_one(Inspector).show_suggestions(None)
        view = self.screen.current_view
        if view is not None:
            view.focus()

    def accept(self, s: Suggestion, summary: str) -> bool:
        """The user's own link between claims over both spans: an existing
        claim that covers a span is used, else the span becomes the user's claim."""
        session = self.session
        if session is None or not self.screen.ready_for_changes():
            return False
        refs: list[str] = []
        try:
            for m in s.members:
                around = [a for a in _claims_over(self.corpus, m) if a.start <= m.start and a.end >= m.end]
                if around:
                    refs.append(min(around, key=lambda a: a.end - a.start).ref)
                    continue
                made = session.add_annotation("claim", m.article, m.start, m.end)
                self.screen.publish(made)
                if made.annotation is None:
                    raise SessionError(f"the claim on {m.article} could not be made")
                refs.append(made.annotation.ref)
            if session.existing_link(refs) is not None:
                self.screen.notify("These claims are already linked.", markup=False)
                return True
            changes = session.link(refs, summary, ACCEPT_AS[s.relation])
        except SessionError as exc:
            self.screen.notify(str(exc), severity="warning", markup=False)
            return False
        self.screen.review.report(f"Accepted: your link ({ACCEPT_AS[s.relation]}) is saved", changes)
        return True
