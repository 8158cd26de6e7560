"""The same figure said again in other words, in another report of one story.

`rund 1.800 Beschäftigte` and `employs about 1,800 people`, `Some 250 officers` and
`Rund 250 Polizistinnen und Polizisten`, `2,430 passengers` and `Some 2,430
holidaymakers`: each report names the counted people its own way, and the lexicon
files them under different concepts. A count of a hundred or more that two reports of
one story give alike is one count, whatever each calls it, unless the lexicon tells the
two groups apart (150 stewards and 150 paramedics; as many dead as injured).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from tui.core.analysis.records import Analysis, Figure
from tui.core.analysis.story import MAX_STORY_ARTICLES, same_story

_LEAST = 100  # small counts coincide too often: 12 injured, 12 fire engines
_MEASURES = ("unit:", "time:", "duration:", "minute:")
# What befell people: the same number of dead and of injured is two counts.
_BEFALLEN = frozenset(
    {"dead", "injured", "missing", "hospitalised", "arrests", "rescued", "sick", "homeless", "evacuees"}
)
_GENERIC = frozenset({"people"})
_KIN = frozenset(
    frozenset(pair)
    for pair in (
        ("police", "officers"),
        ("passengers", "tourists"),
        ("paramedics", "emergency workers"),
        ("employees", "staff"),
        ("voters", "residents"),
    )
)
_PARTS = frozenset({"serious", "minor", "among", "alone", "age", "away"})


def _counted(f: Figure) -> bool:
    return (
        bool(f.counts)
        and not f.counts.startswith(_MEASURES)
        and not f.quantity.unit
        and f.quantity.value >= _LEAST
        and f.qualifier not in _PARTS
        and not f.modality
    )


def echoes(analyses: list[Analysis]) -> Iterator[tuple[Figure, Figure]]:
    """Pairs of figures of two reports of one story with the same count of people or things."""
    if len(analyses) > MAX_STORY_ARTICLES:
        return
    by_value: dict[float, list[tuple[Analysis, Figure]]] = defaultdict(list)
    for a in analyses:
        for f in a.figures:
            if _counted(f):
                by_value[f.quantity.value].append((a, f))
    for found in by_value.values():
        for i, (a, x) in enumerate(found):
            for b, y in found[i + 1 :]:
                if a is b or not same_story(a.keywords, b.keywords):
                    continue
                if _alike(x.counts, y.counts):
                    yield x, y


def _alike(x: str, y: str) -> bool:
    """Whether two counts may be of one group: the same concept, a generic one (`people`, a
    noun the lexicon lacks), who and what befell them (`visitors`, `evacuees`), or kin
    concepts; not two groups the lexicon tells apart (stewards and paramedics, 150 each)."""
    if x == y or {x, y} & _GENERIC or x.startswith("noun:") or y.startswith("noun:"):
        return True
    if (x in _BEFALLEN) != (y in _BEFALLEN):
        return True
    return frozenset((x, y)) in _KIN
