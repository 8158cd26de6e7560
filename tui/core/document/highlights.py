"""What the article view highlights, and where `]`, `}` and `n` go next.

Pure data the view composes: the annotations as marks in an interval index
(looked up per drawn line), the jump filters over them (a bisect per key), and
the matches of an in-article search.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import NamedTuple

from tui.core.document.intervals import IntervalIndex
from tui.core.document.text import find_folded
from tui.core.model.annotations import Annotation, Match

JUMP_FILTERS = ("all", "claim", "source", "note", "contradiction")


class Mark(NamedTuple):
    """What an annotation contributes to the look of the text it covers (a named
    tuple: 50,000 of them are made while a big article loads)."""

    annotation: Annotation
    classes: tuple[str, ...]


_ORPHAN, _FUZZY = Match.ORPHAN, Match.FUZZY  # an enum member lookup costs a call on 3.11


class Highlights:
    """An article's anchored annotations, indexed by position."""

    def __init__(self, annotations: list[Annotation], contradiction_refs: set[str]) -> None:
        entries: list[tuple[int, int, Mark]] = []
        named = {ref.rpartition("#")[2] for ref in contradiction_refs}  # ids: no ref built per annotation
        looks: dict[tuple[str, bool, bool], tuple[str, ...]] = {}  # one tuple per combination
        contradictions: list[tuple[int, int, Mark]] = []  # a few hundred of 160k: kept as they pass
        for a in annotations:
            r = a.resolution
            if r.match is _ORPHAN or r.end <= r.start:
                continue
            look = (a.kind, a.id in named and a.ref in contradiction_refs, r.match is _FUZZY)
            classes = looks.get(look)
            if classes is None:
                classes = looks[look] = (a.kind,) + ("contradiction",) * look[1] + ("orphan",) * look[2]
            entry = (r.start, r.end, Mark(a, classes))
            entries.append(entry)
            if look[1]:
                contradictions.append(entry)
        self.index: IntervalIndex[Mark] = IntervalIndex(entries)
        # What ] and } bisect, made here (in the loading worker for a big load), not
        # by the first press on the UI thread: a pass over every mark at 16 MB.
        self.index.starts("all")
        contradictions.sort(key=itemgetter(1), reverse=True)  # the index's order: by start, longer first
        contradictions.sort(key=itemgetter(0))
        self._contradictions = ([e[0] for e in contradictions], [e[2] for e in contradictions])
        self.by_ref = {a.ref: a for a in annotations}
        self.contradiction_refs = contradiction_refs

    def at(self, offset: int) -> Annotation | None:
        hits = self.index.at(offset)
        return hits[0][2].annotation if hits else None

    def all_at(self, offset: int) -> list[Annotation]:
        """Every annotation covering offset, innermost first."""
        return [mark.annotation for _, _, mark in self.index.at(offset)]

    def ordered(self) -> list[tuple[int, int, Mark]]:
        return self.index.ordered()

    @staticmethod
    def _keeps(kind: str, mark: Mark) -> bool:
        if kind == "all":
            return True
        if kind == "contradiction":
            return "contradiction" in mark.classes
        return mark.annotation.kind == kind

    def jump(self, here: int, forward: bool, kind: str) -> Annotation | None:
        """The next (or previous) annotation of a kind from `here`, wrapping
        around; None when the article has none of that kind."""
        # "all" keeps every mark: no test per entry (the first ] at 16 MB filtered 160k)
        if kind == "contradiction":
            starts, marks = self._contradictions
        else:
            keep = None if kind == "all" else (lambda m: self._keeps(kind, m))
            starts, marks = self.index.starts(kind, keep)
        if not marks:
            return None
        if forward:
            i = bisect_right(starts, here)
            return (marks[i] if i < len(marks) else marks[0]).annotation
        i = bisect_left(starts, here) - 1
        return (marks[i] if i >= 0 else marks[-1]).annotation


class Matches:
    """Where a query occurs in a text, ignoring case, spacing and typography."""

    def __init__(self, text: str = "", query: str = "", first: int = 0) -> None:
        self.query = query
        self.spans: list[tuple[int, int]] = []
        if query and text:  # none inside a heading that is not shown
            self.spans = [(s, e) for s, e in find_folded(text, query) if s >= first]
        self.index: IntervalIndex[int] = IntervalIndex([(s, e, i) for i, (s, e) in enumerate(self.spans)])

    def next(self, here: int, inclusive: bool = False) -> int | None:
        if not self.spans:
            return None
        return next((s for s, _ in self.spans if s > here or (inclusive and s >= here)), self.spans[0][0])

    def previous(self, here: int) -> int | None:
        if not self.spans:
            return None
        return next((s for s, _ in reversed(self.spans) if s < here), self.spans[-1][0])
