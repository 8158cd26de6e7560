"""Which cross-article views a change makes stale, read off its ChangeSet.

A verdict touches the matrix (its mark), the filters by verdict or date, and
the history, but not search; a note touches search, filters and history but
not the matrix. A merge from disk may have changed anything.
"""

from __future__ import annotations

from tui.core.model.changes import ChangeSet

VIEWS = frozenset({"matrix", "search", "filters", "history"})
_BY_KIND = {
    "verdict": {"matrix", "filters", "history"},
    "note": {"search", "filters", "history"},
    "link": {"matrix", "search", "filters", "history"},
    "claim": {"matrix", "search", "filters", "history"},
    "source": {"matrix", "search", "filters", "history"},
}


def stale_views(changes: ChangeSet) -> frozenset[str]:
    """The names of the views to rebuild after this change."""
    if changes.merged:
        return VIEWS
    stale: set[str] = set()
    for record in changes.records:
        stale |= _BY_KIND.get(record.kind, VIEWS)
    return frozenset(stale)
