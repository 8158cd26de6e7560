"""Which conflicts between two articles' figures stand when the pairing is not one-to-one.

Most false contradictions pair the wrong two figures: an article gives one quantity
twice or several like it (all injured, the injured firefighters, the injured of an
earlier day), and any two that differ look like a conflict. Two figures conflict only
when each is the other's nearest in value among the figures it was compared with in
that article, and neither already agrees with a figure of the other article. (An update
may well be far from the earlier value: 3,000 troops in October, 12,000 in February.)
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from tui.core.analysis.claims import Figure
from tui.core.analysis.measures import AGE, ANYONE_AGED

CONFLICTS = frozenset({"contradicts", "updates"})

Key = tuple[str, int]  # a figure: its article and start


def _key(f: Figure) -> Key:
    return (f.article, f.start)


def _distance(a: Figure, b: Figure) -> float:
    lo, hi = sorted((a.quantity.value, b.quantity.value))
    return math.inf if lo <= 0 else math.log(hi / lo)


def _moment(f: Figure) -> tuple[object, ...]:
    """When a figure was reported, to tell the later of an update's two."""
    return (f.published or date.min, f.as_of.low if f.as_of and f.as_of.low else date.min)


def standing(pairs: Iterable[tuple[str, str, Figure, Figure]]) -> set[tuple[Key, Key]]:
    """The conflicting pairs (of `(group, relation, a, b)`) that stand, by their keys.

    Agreeing pairs always stand; they are not returned."""
    pairs = list(pairs)
    agrees: set[tuple[Key, str]] = set()  # a figure agrees with one of that article
    nearest: dict[tuple[str, Key, str], float] = defaultdict(lambda: math.inf)
    for group, relation, a, b in pairs:
        if relation not in CONFLICTS:
            agrees.add((_key(a), b.article))
            agrees.add((_key(b), a.article))
        d = _distance(a, b)
        for x, y in ((a, b), (b, a)):
            slot = (group, _key(x), y.article)
            nearest[slot] = min(nearest[slot], d)
    # `Die Zahl der Verletzten ist auf 23 gestiegen ... zwölf wurden ambulant behandelt`:
    # where an article says which figure changed, its others are parts, not the update
    changed = {(group, f.article) for group, _, a, b in pairs for f in (a, b) if f.changed}
    out: set[tuple[Key, Key]] = set()
    for group, relation, a, b in pairs:
        if relation not in CONFLICTS:
            continue
        if relation == "updates":
            later = max(a, b, key=_moment)
            if (group, later.article) in changed and not later.changed:
                continue
        if (_key(a), b.article) in agrees or (_key(b), a.article) in agrees:
            continue  # `14 injured` in both, and another 20 injured in one: another count
        d = _distance(a, b)
        far = d > nearest[(group, _key(a), b.article)] or d > nearest[(group, _key(b), a.article)]
        if relation == "contradicts" and far:
            continue  # a closer figure of that article is the one it speaks of
        out.add((_key(a), _key(b)))
    return out


def anyone_meets_everyone(by_counts: dict[str, list[Figure]]) -> set[str]:
    """An age said of a man or `der 47-Jährige` may be the runner's or the pilot's
    another report gives: it joins each group of ages of a named person, unless its
    own report gives that person's age too (then it is somebody else's). Returns the
    groups it joined (their pairs of two anyone's ages meet in each: counted once)."""
    anyone = [f for f in by_counts.get(ANYONE_AGED, []) if f.qualifier == AGE]
    if not anyone:
        return set()
    joined = {ANYONE_AGED}
    for group, figures in by_counts.items():
        aged = {f.article for f in figures if f.qualifier == AGE}
        if group != ANYONE_AGED and aged:
            by_counts[group] = figures + [f for f in anyone if f.article not in aged]
            joined.add(group)
    return joined
