"""Which articles a picker query finds, best first.

A title is found when it holds the query's letters in order (as fzf and
Textual's own matcher do); a regex answers that in C. The finds are ranked by
rapidfuzz's `partial_ratio`, the best alignment of the query with a part of
the title, also in C: Textual's `Matcher` enumerates every way the letters
can fall and took 20-40 ms a key over a 2,000-article archive, where nearly
every title holds the letters of a short query.
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def finds(query: str, lowered: Sequence[str]) -> list[int]:
    """Indexes into `lowered` (haystacks, lower case) that hold the query's
    letters in order: every index for an empty query, best match first;
    ties keep the haystacks' order."""
    query = query.lower()
    if not query:
        return list(range(len(lowered)))
    letters = re.compile(".*?".join(map(re.escape, query)), re.DOTALL)
    found = [index for index, hay in enumerate(lowered) if letters.search(hay)]
    if len(found) < 2:
        return found
    from rapidfuzz import fuzz, process

    scores = process.extract(query, [lowered[i] for i in found], scorer=fuzz.partial_ratio, limit=None)
    ranked = sorted(scores, key=lambda hit: (-hit[1], hit[2]))
    return [found[position] for _, _, position in ranked]
