"""Suggestions in the reader (issue 15): the analysis runs in a thread after
the first frame, its proposals are drawn in the article views and explained in
the inspector, and the review queue (`S`) walks them: accept makes the user's
own link, reject is remembered in the user's notes file, skip moves on.

Textual collects @on handlers only from classes it builds, so the mixin's
handlers use on_<message> names (like PanesMixin's).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work

from tui.core.model.annotations import Annotation
from tui.core.model.corpus import Corpus
from tui.core.review.session import Session, SessionError
from tui.ui.messages import CorpusChanged
from tui.ui.screens.suggestions import MARK, SuggestionQueue, describe, readable
from tui.ui.styles import safe
from tui.ui.widgets.inspector import Inspector
from tui.ui.widgets.pane import ArticlePane

if TYPE_CHECKING:  # the analysis loads in the worker, after the first frame
    from tui.core.analysis import Member, Suggestion

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


class SuggestionsMixin:
    """Mixed into the app; expects `corpus`, `session`, `panes` and the review
    helpers (`_report`, `ready_for_changes`, `publish`)."""

    corpus: Corpus
    session: Session | None
    suggestions_all: list[Suggestion] = []  # noqa: RUF012 (replaced, never mutated)
    suggestions_visible: list[Suggestion] = []  # noqa: RUF012
    suggestions_shown = True
    analysis_state = "waiting"  # running, done, failed
    _spans: dict[str, list[tuple[int, int, Suggestion]]] = {}  # noqa: RUF012

    # ------------------------------------------------------------ the analysis

    def start_analysis(self) -> None:
        if not getattr(self, "run_analysis", True) or self.analysis_state != "waiting":
            return
        self.analysis_state = "running"
        self._analyse()

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _analyse(self) -> None:
        """Off the UI thread: the analysis reads only the article texts."""
        try:
            from tui.core.analysis import suggest_corpus

            found = suggest_corpus(self.corpus)
        except Exception as exc:  # a bug in a rule must never take the reader down
            self.call_from_thread(self._analysis_failed, f"{type(exc).__name__}: {exc}")
            return
        self.call_from_thread(self._analysed, found)

    def _analysis_failed(self, why: str) -> None:
        self.analysis_state = "failed"
        self.notify(
            f"The analysis failed ({why}); no suggestions this time.",  # type: ignore[attr-defined]
            severity="warning",
            markup=False,
        )

    def _analysed(self, found: list[Suggestion]) -> None:
        self.suggestions_all = found
        self.analysis_state = "done"
        self.refresh_suggestions()

    def refresh_suggestions(self) -> None:
        """Leave out rejected and already linked suggestions; redraw the views."""
        rejected = rejected_ids(self.session)
        self.suggestions_visible = [
            s for s in self.suggestions_all if s.id not in rejected and not covered(s, self.corpus)
        ]
        spans: dict[str, list[tuple[int, int, Suggestion]]] = defaultdict(list)
        for s in self.suggestions_visible:
            for m in s.members:
                spans[m.article].append((m.start, m.end, s))
        self._spans = dict(spans)
        for pane in self.panes:  # type: ignore[attr-defined]
            if pane.query("ArticleView"):
                view = pane.view
                view.set_suggestions(self.suggestion_spans(view.article.id), view.shown_suggestion)
        self.update_legend()  # type: ignore[attr-defined]

    def suggestion_spans(self, article_id: str) -> list[tuple[int, int, Suggestion]]:
        return list(self._spans.get(article_id, [])) if self.suggestions_shown else []

    def suggestions_legend(self) -> Text:
        if self.analysis_state == "running":
            return Text(" · analysing…", "dim")
        if self.analysis_state != "done":
            return Text("")
        return Text(f" · {len(self.suggestions_visible)} suggestions (S)", "dim")

    def action_toggle_suggestions(self) -> None:
        self.suggestions_shown = not self.suggestions_shown
        self.refresh_suggestions()
        view = self.current_view  # type: ignore[attr-defined]
        if view is not None:
            self._inspect_suggestions_at(view)
        self.notify(
            "Suggestions shown." if self.suggestions_shown else "Suggestions hidden.",  # type: ignore[attr-defined]
            timeout=2,
            markup=False,
        )

    # ------------------------------------------------------------ following the caret

    def _queue(self) -> SuggestionQueue | None:
        found = self.query(SuggestionQueue)  # type: ignore[attr-defined]
        return found.first() if found else None

    def _inspect_suggestions_at(self, view: Any) -> None:
        if self._queue() is not None:
            return  # the queue's suggestion stays in the inspector
        items = view.suggestions_at(view.cursor) if self.suggestions_shown else []
        text = None
        if items:
            text = Text()
            for s in items[:3]:
                text.append_text(describe(s, self.corpus, view.article.id))
        self.query_one(Inspector).show_suggestions(text)  # type: ignore[attr-defined]

    def on_article_view_cursor_moved(self, event: Any) -> None:
        view = self.current_view  # type: ignore[attr-defined]
        if view is not None and view.pane == event.pane:
            self._inspect_suggestions_at(view)

    def on_descendant_focus(self, event: Any) -> None:
        view = self.current_view  # type: ignore[attr-defined]
        if view is not None and view is getattr(event, "widget", None):
            self._inspect_suggestions_at(view)

    def on_corpus_changed(self, event: CorpusChanged) -> None:
        changes = event.changes
        if self.analysis_state != "done":
            return
        if changes is None or changes.merged or any(c.kind in _NEEDS_REFRESH for c in changes.records):
            self.refresh_suggestions()

    # ------------------------------------------------------------ the review queue

    def action_suggestion_queue(self) -> None:
        if self.analysis_state in ("waiting", "running"):
            self.notify("The analysis is still running; try again in a moment.", markup=False)  # type: ignore[attr-defined]
            return
        if not self.suggestions_visible:
            self.notify("No suggestions left to review.", markup=False)  # type: ignore[attr-defined]
            return
        old = self._queue()
        if old is not None:  # S again while the queue is open: go back to it
            old.focus()
            self._present(old)
            return
        queue = SuggestionQueue([s.id for s in self.suggestions_visible])
        self.mount(queue, before=self.query_one("#legend"))  # type: ignore[attr-defined]
        queue.focus()
        self._present(queue)

    def _by_id(self, suggestion_id: str) -> Suggestion | None:
        return next((s for s in self.suggestions_visible if s.id == suggestion_id), None)

    def _present(self, queue: SuggestionQueue) -> None:
        """Show the queue's current suggestion (skipping any that went away)."""
        while queue.current and self._by_id(queue.current) is None:
            queue.position += 1
        s = self._by_id(queue.current)
        queue.show(s, self.corpus)
        inspector = self.query_one(Inspector)  # type: ignore[attr-defined]
        inspector.show_suggestions(describe(s, self.corpus) if s else None, lead=True)
        if s is not None:
            self.show_suggestion(s)

    def show_suggestion(self, s: Suggestion) -> None:
        """Both sides in panes side by side, each span shown selected."""
        first, second = s.members[0], s.members[1]
        left = self.open_article(first.article, at=0)  # type: ignore[attr-defined]
        if left is None:
            return
        panes = self.panes  # type: ignore[attr-defined]
        other = 1 if panes.index(left) == 0 else 0
        if first.article == second.article:
            right = left
        elif len(panes) < 2:
            right = self.open_article(second.article, new_pane=True)  # type: ignore[attr-defined]
        else:
            right = self.open_article(second.article, at=other)  # type: ignore[attr-defined]
        status = Text.assemble(
            (f"{MARK.get(s.relation, '?')} suggested {s.relation}: ", "bold"), safe(readable(s, self.corpus))
        )
        for pane, member in ((left, first), (right, second)):
            if pane is not None:
                self._show_span(pane, member, s.id, status)

    def _show_span(self, pane: ArticlePane, member: Member, sid: str, status: Text, tries: int = 0) -> None:
        if not pane.query("ArticleView"):
            if tries < 20 and pane in self.panes:  # type: ignore[attr-defined]
                self.call_after_refresh(self._show_span, pane, member, sid, status, tries + 1)  # type: ignore[attr-defined]
            return
        view = pane.view
        view.set_suggestions(self.suggestion_spans(view.article.id), sid)
        view.cursor = member.start
        view.reveal_span(member.start, max(member.start + 1, member.end))
        pane.set_status(status)

    def on_suggestion_queue_decided(self, event: SuggestionQueue.Decided) -> None:
        queue, what = event.queue, event.what
        if what == "close":
            self._close_queue(queue)
            return
        s = self._by_id(event.suggestion)
        if s is None:
            return
        if what == "skip":
            queue.tally["skipped"] += 1
        elif what == "reject":
            if not self.ready_for_changes():  # type: ignore[attr-defined]
                return
            try:
                changes = self.session.reject_suggestion(s.id)  # type: ignore[union-attr]
            except SessionError as exc:
                self.notify(str(exc), severity="warning", markup=False)  # type: ignore[attr-defined]
                return
            self.review.report("Rejected; it will not be suggested again", changes)  # type: ignore[attr-defined]
            queue.tally["rejected"] += 1
        elif what == "accept":
            if not self.accept_suggestion(s, readable(s, self.corpus)):
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
            if summary and self.accept_suggestion(s, summary):
                queue.tally["accepted"] += 1
                queue.position += 1
            self._present(queue)
            queue.focus()

        self.push_screen(
            PromptScreen(
                f"Summary of the link ({ACCEPT_AS[s.relation]})",  # type: ignore[attr-defined]
                readable(s, self.corpus),
            ),
            save,
        )

    def _close_queue(self, queue: SuggestionQueue) -> None:
        queue.remove()
        for pane in self.panes:  # type: ignore[attr-defined]
            if pane.query("ArticleView") and pane.view.shown_suggestion:
                pane.view.set_suggestions(self.suggestion_spans(pane.article.id))
                pane.set_status("")
        self.query_one(Inspector).show_suggestions(None)  # type: ignore[attr-defined]
        view = self.current_view  # type: ignore[attr-defined]
        if view is not None:
            view.focus()

    def accept_suggestion(self, s: Suggestion, summary: str) -> bool:
        """The user's own link between claims over both spans: an existing
        claim that covers a span is used, else the span becomes the user's claim."""
        if not self.ready_for_changes():  # type: ignore[attr-defined]
            return False
        session = self.session
        assert session is not None
        refs: list[str] = []
        try:
            for m in s.members:
                around = [a for a in _claims_over(self.corpus, m) if a.start <= m.start and a.end >= m.end]
                if around:
                    refs.append(min(around, key=lambda a: a.end - a.start).ref)
                    continue
                made = session.add_annotation("claim", m.article, m.start, m.end)
                self.publish(made)  # type: ignore[attr-defined]
                if made.annotation is None:
                    raise SessionError(f"the claim on {m.article} could not be made")
                refs.append(made.annotation.ref)
            if session.existing_link(refs) is not None:
                self.notify("These claims are already linked.", markup=False)  # type: ignore[attr-defined]
                return True
            changes = session.link(refs, summary, ACCEPT_AS[s.relation])
        except SessionError as exc:
            self.notify(str(exc), severity="warning", markup=False)  # type: ignore[attr-defined]
            return False
        self.review.report(f"Accepted: your link ({ACCEPT_AS[s.relation]}) is saved", changes)  # type: ignore[attr-defined]
        return True
