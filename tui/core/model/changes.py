"""What one change did to the data: the seam every view refreshes through.

`Session` returns a `ChangeSet` for every change, undo and redo included, so no
result travels through mutable attributes and a view can tell from the set
alone whether it must redraw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tui.core.files.store import SaveResult
from tui.core.model.annotations import Annotation

Record = dict[str, Any]


@dataclass(frozen=True)
class RecordChange:
    """One record of the author's file, before and after (None: absent)."""

    id: str
    before: Record | None
    after: Record | None

    @property
    def kind(self) -> str:
        return str((self.after or self.before or {}).get("kind", ""))

    @property
    def action(self) -> str:
        if self.before is None:
            return "added"
        return "removed" if self.after is None else "edited"

    def articles(self) -> set[str]:
        """Articles whose highlights this record shows in (verdicts show in none)."""
        found: set[str] = set()
        for record in (self.before, self.after):
            if not record or record.get("kind") == "verdict":
                continue
            if record.get("article"):
                found.add(str(record["article"]))
            refs = [str(r) for r in record.get("claims") or []]
            if isinstance(record.get("on"), str):
                refs.append(record["on"])
            found.update(ref.partition("#")[0] for ref in refs if "#" in ref)
        return found


@dataclass(frozen=True)
class ChangeSet:
    """One user action as the views see it."""

    records: tuple[RecordChange, ...]
    save: SaveResult
    label: str = ""
    # The save took in other writers' records too: every view refreshes fully.
    merged: bool = False
    annotation: Annotation | None = None  # the annotation the action made or edited
    articles: frozenset[str] = field(default=frozenset())

    @property
    def ok(self) -> bool:
        return self.save.ok

    @property
    def verdicts_changed(self) -> bool:
        return self.merged or any(c.kind == "verdict" for c in self.records)
