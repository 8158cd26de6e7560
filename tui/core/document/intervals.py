"""Which annotations overlap a range of text: a bucketed interval index.

Drawing a line asks this for the annotations over that line only, so the cost
of a frame does not grow with the number of annotations in the article.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Generic, TypeVar

T = TypeVar("T")
BUCKET = 512


class IntervalIndex(Generic[T]):
    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        self._buckets: dict[int, list[tuple[int, int, T]]] = {}
        self._sorted: list[tuple[int, int, T]] = []
        buckets = self._buckets
        for start, end, item in items:
            if end <= start:
                continue
            entry = (start, end, item)
            self._sorted.append(entry)
            first, last = start // BUCKET, (end - 1) // BUCKET
            if first == last:  # most quotes: one bucket, no range to walk
                if first in buckets:
                    buckets[first].append(entry)
                else:
                    buckets[first] = [entry]
                continue
            for bucket in range(first, last + 1):
                buckets.setdefault(bucket, []).append(entry)
        # By start, the longer first: two stable sorts on C key functions, not a
        # lambda building a tuple per entry (50,000 of them at 5 MB).
        self._sorted.sort(key=itemgetter(1), reverse=True)
        self._sorted.sort(key=itemgetter(0))
        self._starts: dict[str, tuple[list[int], list[T]]] = {}

    def __len__(self) -> int:
        return len(self._sorted)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """Entries with some overlap with [start, end) (or touching a point)."""
        seen: set[int] = set()
        found: list[tuple[int, int, T]] = []
        hi = max(start, end - 1)
        for bucket in range(start // BUCKET, hi // BUCKET + 1):
            for entry in self._buckets.get(bucket, ()):
                s, e, _ = entry
                if s <= hi and e > start and id(entry) not in seen:
                    seen.add(id(entry))
                    found.append(entry)
        found.sort(key=lambda e: (e[0], -e[1]))
        return found

    def at(self, offset: int) -> list[tuple[int, int, T]]:
        """Entries covering offset, innermost (shortest) first."""
        hits = [e for e in self._buckets.get(offset // BUCKET, ()) if e[0] <= offset < e[1]]
        return sorted(hits, key=lambda e: e[1] - e[0])

    def ordered(self) -> list[tuple[int, int, T]]:
        return self._sorted

    def starts(self, key: str = "", keep: Callable[[T], bool] | None = None) -> tuple[list[int], list[T]]:
        """Sorted starts and their items for the entries `keep` accepts, built
        once per key (a worker can build them before the index is handed over),
        so that next/previous is a bisect instead of a filter over every entry."""
        found = self._starts.get(key)
        if found is None:
            chosen = [e for e in self._sorted if keep is None or keep(e[2])]
            found = self._starts[key] = ([e[0] for e in chosen], [e[2] for e in chosen])
        return found

    def after(self, offset: int, key: str = "", keep: Callable[[T], bool] | None = None) -> T | None:
        """The first item starting after offset, wrapping to the first of all."""
        starts, items = self.starts(key, keep)
        if not items:
            return None
        return items[bisect_right(starts, offset) % len(items)]

    def before(self, offset: int, key: str = "", keep: Callable[[T], bool] | None = None) -> T | None:
        """The last item starting before offset, wrapping to the last of all."""
        starts, items = self.starts(key, keep)
        if not items:
            return None
        return items[bisect_left(starts, offset) - 1]
