"""The reader's keys: its bindings, and which of them wait or are held.

A table kept apart from the screen that runs them (tui/ui/reader.py):
`ReaderScreen.BINDINGS` is this list, and its `check_action` reads the sets.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding, BindingType

REVIEW_ACTIONS = frozenset(
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
"""Disabled (shown, not run) while the annotations are still loading."""
PICKER_HOLDS = frozenset({"open_article", "next_pane", "previous_pane"})
"""Priority keys held while the picker is open: its `is_modal` holds the others."""


def _binding(key: str, action: str, description: str, name: str, **kw: Any) -> Binding:
    return Binding(key, action, description, id=f"reader.{name}", **kw)


READER_BINDINGS: list[BindingType] = [
    _binding("tab", "next_pane", "Next pane", "next_pane", show=False, priority=True),
    _binding("shift+tab", "previous_pane", "Previous pane", "previous_pane", show=False, priority=True),
    # Priority: run when the key arrives, before the keys typed behind it (a
    # query, in one burst) are passed to the pane; see check_action.
    _binding("o", "open_article", "Open", "open", priority=True),
    _binding("O", "open_article(True)", "Open in new pane", "open_new", show=False, priority=True),
    _binding("C", "contradictions", "Contradictions", "contradictions"),
    _binding("t", "toggle_corpus", "Articles list", "toggle_corpus", show=False),
    _binding("backslash", "toggle_side", "Side panels (inspector, annotations)", "toggle_side", show=False),
    _binding("a", "focus_annotations", "Annotations list", "annotations", show=False),
    _binding("ctrl+w", "close_pane", "Close pane", "close_pane", show=False),
    _binding("ctrl+o", "jump_back", "Back to where you jumped from", "jump_back", show=False),
    _binding("ctrl+n", "jump_forward", "Forward again (after ctrl+o)", "jump_forward", show=False),
    _binding("ctrl+z", "undo", "Undo", "undo", show=False),
    _binding("ctrl+y", "redo", "Redo", "redo", show=False),
    _binding("exclamation_mark", "toggle_issues", "Problems", "issues", show=False),
    _binding("S", "suggestion_queue", "Review suggestions", "suggestions"),
    _binding("ctrl+t", "toggle_suggestions", "Show or hide suggestions", "toggle_suggestions", show=False),
    _binding("M", "matrix", "Claim matrix: every topic across the articles", "matrix", show=False),
    _binding(
        "F",
        "corpus_search",
        "Search every article (then n/N through the results)",
        "corpus_search",
        show=False,
    ),
    _binding("H", "history", "Review history: your verdicts, notes and links", "history", show=False),
    # Priority, but only while a corpus search is open in the focused pane
    # (check_action); otherwise n / N reach the pane as before.
    _binding(
        "n",
        "corpus_step(False)",
        "Next corpus-search result (after F)",
        "corpus_next",
        show=False,
        priority=True,
    ),
    _binding(
        "N",
        "corpus_step(True)",
        "Previous corpus-search result (after F)",
        "corpus_previous",
        show=False,
        priority=True,
    ),
]
