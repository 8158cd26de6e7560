"""Review actions: notes, own claims and sources, verdicts, links, undo.

Every change goes through the core Session, which saves at once; this module
only asks the user what to do and shows what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

from rich.text import Text
from textual.notifications import SeverityLevel

from tui.core.model.annotations import VERDICTS, Annotation, Link
from tui.core.model.changes import ChangeSet
from tui.core.review.session import Session, SessionError
from tui.ui.styles import one_line, safe

if TYPE_CHECKING:
    from tui.ui.widgets.article_view import ArticleView
    from tui.ui.widgets.pane import ArticlePane


def _claim_form() -> ModuleType:
    from tui.ui.screens import claim_form

    return claim_form


def _editors() -> ModuleType:
    """The editor screens pull in TextArea; load them when first needed."""
    from tui.ui.screens import editors

    return editors


class ReviewHost(Protocol):
    """What the review needs from the reader: its data, its screens and its views."""

    marked: Annotation | None

    @property
    def session(self) -> Session | None: ...

    @property
    def current_view(self) -> ArticleView | None: ...

    @property
    def panes(self) -> list[ArticlePane]: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None: ...

    def push_screen(self, screen: Any, callback: Any = None) -> Any: ...

    def publish(self, changes: ChangeSet | None) -> None: ...

    def update_legend(self) -> None: ...


class ReviewController:
    """The review actions: notes, own claims and sources, verdicts, links, undo.

    A plain object the reader screen owns: it asks through the host's screens
    and changes data only through the Session. The screen's check_action keeps
    these actions disabled while annotations are still loading, so none checks.
    """

    def __init__(self, host: ReviewHost) -> None:
        self.host = host

    @property
    def session(self) -> Session:
        session = self.host.session
        assert session is not None, "review actions are disabled until the session exists"
        return session

    # ------------------------------------------------------------ after a change

    def report(self, done: str, changes: ChangeSet) -> None:
        """Show what a change did, and tell every view (CorpusChanged)."""
        result = changes.save
        self.host.publish(changes)
        if changes.label.startswith(("Undone", "Redone")):
            done = changes.label
        if not result.ok:
            where = (
                f"A recovery copy is in {result.recovery}."
                if result.recovery
                else "No recovery copy could be written either."
            )
            self.host.notify(
                f"{result.error}. Your work is kept in memory and saving is retried "
                f"with the next change. {where}",
                title="Not saved",
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        if result.conflicts:
            self.host.notify(
                f"{done}. Someone else changed the same records ({len(result.conflicts)});"
                " both versions are kept and flagged.",
                severity="warning",
                timeout=8,
                markup=False,
            )
        elif result.merged_from_disk:
            self.host.notify(f"{done}, merged with changes made elsewhere.", timeout=4, markup=False)
        else:
            self.host.notify(done, timeout=2, markup=False)

    def _try(self, done: str, change: Callable[[], ChangeSet]) -> None:
        try:
            changes = change()
        except SessionError as exc:
            self.host.notify(str(exc), severity="warning", markup=False)
            return
        self.report(done, changes)

    def _view(self) -> ArticleView | None:
        view = self.host.current_view
        if view is None:
            self.host.notify("Open an article first.", markup=False)
        return view

    # ------------------------------------------------------------ notes

    def note(self) -> None:
        view = self._view()
        if view is None:
            return
        article_id = view.article.id
        chosen = view.selection
        if chosen is not None:
            start, end = chosen
            about = view.article.text[start:end]

            def save(text: str | None) -> None:
                if text is not None:
                    self._try("Note saved", lambda: self.session.add_note(text, article_id, start, end))
                    view.clear_selection()

            self.host.push_screen(_editors().NoteScreen("New note on the selection", about), save)
            return
        target = view.current_annotation()
        if target is None:
            self.host.notify(
                "Select text with v (or drag with the mouse), or move onto an annotation, then press n.",
                markup=False,
            )
            return
        about = target.anchor.quote if target.anchor else target.text

        def save_on(text: str | None) -> None:
            if text is not None:
                self._try("Note saved", lambda: self.session.add_note(text, article_id, on=target.ref))

        self.host.push_screen(_editors().NoteScreen(f"New note on {target.kind} {target.id}", about), save_on)

    def _own_note(self) -> Annotation | None:
        view = self._view()
        if view is None:
            return None
        here = view.current_annotation()
        if here is None:
            self.host.notify("Move onto a note, or onto an annotation with your note.", markup=False)
            return None
        if here.kind == "note" and self.session.is_own(here):
            return here
        mine = [n for n in self.session.corpus.notes_on(here) if self.session.is_own(n)]
        if here.kind == "note" and not mine:
            self.host.notify(
                f"This note is {here.author or 'curated'}'s; you can only change your own.", markup=False
            )
            return None
        if not mine:
            self.host.notify("You have no note here.", markup=False)
            return None
        return max(mine, key=lambda n: n.modified)

    def edit_note(self) -> None:
        view = self._view()
        here = view.current_annotation() if view is not None else None
        if here is not None and here.kind == "claim" and self.session.is_own(here):
            if not any(self.session.is_own(n) for n in self.session.corpus.notes_on(here)):
                self._edit_claim(here)
                return

            def which(claim: bool | None) -> None:
                if claim:
                    self._edit_claim(here)
                else:
                    self._edit_own_note()

            self.host.push_screen(
                _editors().ConfirmScreen(
                    "Edit the claim's source, topic and tags?", "y: the claim · n: your note on it"
                ),
                which,
            )
            return
        self._edit_own_note()

    def _edit_own_note(self) -> None:
        note = self._own_note()
        if note is None:
            return

        def save(text: str | None) -> None:
            if text is not None and text != note.text:
                self._try("Note updated", lambda: self.session.edit_text(note.ref, text))

        about = note.anchor.quote if note.anchor else note.target
        self.host.push_screen(_editors().NoteScreen("Edit note", about, note.text), save)

    def delete_note(self) -> None:
        note = self._own_note()
        if note is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._try("Note deleted (ctrl+z to undo)", lambda: self.session.delete(note.ref))

        self.host.push_screen(
            _editors().ConfirmScreen("Delete this note?", one_line(note.text, 200)), answered
        )

    def undo(self) -> None:
        self._try("Undone", self.session.undo)

    def redo(self) -> None:
        self._try("Redone", self.session.redo)

    # ------------------------------------------------------------ own claims and sources

    def _own_annotation(self, kind: str) -> None:
        view = self._view()
        if view is None:
            return
        chosen = view.selection
        if chosen is None:
            self.host.notify(f"Select the words of the {kind} first (v, then move).", markup=False)
            return
        start, end = chosen
        article_id = view.article.id
        if kind == "source":
            self._try(f"New {kind} saved", lambda: self.session.add_annotation(kind, article_id, start, end))
            view.clear_selection()
            return

        def save(fields: dict[str, Any] | None) -> None:
            if fields is not None:
                self._try(
                    "New claim saved",
                    lambda: self.session.add_annotation("claim", article_id, start, end, **fields),
                )
                view.clear_selection()

        self.host.push_screen(
            _claim_form().ClaimFormScreen(
                self.session.corpus,
                article_id,
                view.article.text[start:end],
                "New claim: its source, topic and tags (all optional)",
            ),
            save,
        )

    def _edit_claim(self, claim: Annotation) -> None:
        """The claim form again, filled in, for one of your own claims."""
        source = self.session.corpus.get(claim.source, claim.article) if claim.source else None

        def save(fields: dict[str, Any] | None) -> None:
            if fields is not None:
                self._try("Claim updated", lambda: self.session.edit_fields(claim.ref, **fields))

        self.host.push_screen(
            _claim_form().ClaimFormScreen(
                self.session.corpus,
                claim.article,
                claim.anchor.quote if claim.anchor else "",
                f"Edit your claim {claim.id}",
                source.id if source else "",
                claim.topic,
                tuple(claim.tags),
            ),
            save,
        )

    def new_claim(self) -> None:
        self._own_annotation("claim")

    def new_source(self) -> None:
        self._own_annotation("source")

    # ------------------------------------------------------------ verdicts

    def _claim_here(self) -> Annotation | None:
        view = self._view()
        if view is None:
            return None
        here = view.current_annotation()
        if here is None or here.kind != "claim":
            here = next((a for a in view.annotations_at(view.cursor) if a.kind == "claim"), None)
        if here is None:
            self.host.notify(
                "Move onto a claim first (] jumps to the next one, u to the next unreviewed).", markup=False
            )
        return here

    def verdict(self, number: int) -> None:
        claim = self._claim_here()
        if claim is None:
            return
        value = VERDICTS[number - 1]
        self._try(f"{claim.id}: {value}", lambda: self.session.set_verdict(claim.ref, value))

    def verdict_comment(self) -> None:
        claim = self._claim_here()
        if claim is None:
            return
        current = self.session.corpus.verdict_of(claim.ref, self.session.author)
        value = current.value if current else "unreviewed"

        def save(comment: str | None) -> None:
            if comment is not None:
                self._try("Comment saved", lambda: self.session.set_verdict(claim.ref, value, comment))

        self.host.push_screen(
            _editors().PromptScreen(
                f"Comment on your verdict ({value}) for {claim.id}",
                current.comment if current else "",
                allow_empty=True,
            ),
            save,
        )

    def next_unreviewed(self) -> None:
        panes: list[ArticlePane] = self.host.panes
        if not panes:
            return
        view = self.host.current_view
        start_pane = panes.index(next(p for p in panes if p.view is view)) if view else 0
        author = self.session.author
        corpus = self.session.corpus
        order = panes[start_pane:] + panes[:start_pane] + [panes[start_pane]]
        for turn, pane in enumerate(order):
            # The view's interval index already holds its annotations in text order.
            claims = (
                mark.annotation
                for _, _, mark in pane.view.marks_in_order()
                if mark.annotation.kind == "claim"
            )
            if turn == 0:
                claims = (c for c in claims if c.start > pane.view.cursor)
            for claim in claims:
                verdict = corpus.verdict_of(claim.ref, author)
                if verdict is None or verdict.value == "unreviewed":
                    pane.view.jump_to(claim)
                    pane.view.focus()
                    return
        done, total = corpus.progress(author, [p.article.id for p in panes])
        self.host.notify(f"Every claim in the open panes has your verdict ({done}/{total}).", markup=False)

    # ------------------------------------------------------------ links

    def mark(self) -> None:
        claim = self._claim_here()
        if claim is None:
            return
        self.host.marked = claim
        self.host.update_legend()
        self.host.notify(
            f"Marked {claim.id}. Move to another claim and press x (contradicts) "
            "or = (corroborates); esc clears the mark.",
            timeout=5,
            markup=False,
        )

    def link(self, relation: str = "contradicts") -> None:
        if self.host.marked is None:
            self.host.notify("Mark a claim with m first.", markup=False)
            return
        claim = self._claim_here()
        if claim is None:
            return
        if claim.ref == self.host.marked.ref:
            self.host.notify("Move to a different claim than the marked one.", markup=False)
            return
        first = self.host.marked
        verb = "contradicts" if relation == "contradicts" else "corroborates"
        existing = self.session.existing_link([first.ref, claim.ref])
        if existing is not None:
            self._offer_link_edit(existing, relation)
            return

        def save(summary: str | None) -> None:
            if summary:
                self.host.marked = None
                self._try(
                    f"Linked: {first.id} {verb} {claim.id}",
                    lambda: self.session.link([first.ref, claim.ref], summary, relation),
                )

        self.host.push_screen(
            _editors().PromptScreen(
                f"One-line summary: {first.id} {verb} {claim.id}",
                placeholder="e.g. Troops sent: 11,000 (intelligence) vs 10,000 (Pentagon)",
            ),
            save,
        )

    def _offer_link_edit(self, link: Link, relation: str) -> None:
        """Two claims are linked once: say so, and let the owner edit that link."""
        if link.path != self.session.path:
            who = link.author or "the curated annotations"
            self.host.notify(
                f"These claims are already linked ({link.relation}) by {who}: {one_line(link.summary, 160)}",
                timeout=8,
                markup=False,
            )
            return

        def save(summary: str | None) -> None:
            if summary:
                self.host.marked = None
                self._try("Link updated", lambda: self.session.edit_link(link.id, summary, relation))

        self.host.push_screen(
            _editors().PromptScreen(
                f"Already linked ({link.relation}): edit the summary, or esc to keep it", link.summary
            ),
            save,
        )

    def progress_text(self) -> Text:
        if self.host.session is None:
            return Text(" loading annotations…", style="dim")
        panes = self.host.panes
        done, total = self.session.corpus.progress(self.session.author)
        text = Text.assemble((" verdicts ", "dim"), (f"{done}/{total}", "bold"))
        if panes:
            open_done, open_total = self.session.corpus.progress(
                self.session.author, [p.article.id for p in panes]
            )
            text.append(f" (open panes {open_done}/{open_total})", "dim")
        if self.session.unsaved:
            text.append("  NOT SAVED", "bold red")
        if self.host.marked is not None:
            text.append("  marked: ", "dim")
            text.append_text(safe(self.host.marked.id))
        return text
