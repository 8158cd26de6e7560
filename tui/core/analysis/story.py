"""What the reports of one story share, beyond the words of one sentence.

Two articles that name the same places and people tell one story; and within one story
an amount or a time that each report gives only once is likely the same one, even when
the reports describe it in words no rule connects (`1,5 Tonnen` of a leak, `500
kilograms` of it; `gegen 18.40 Uhr` and `at about 8.40 p.m.` for a collapse).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import TypeVar

from tui.core.analysis.compare import transposed
from tui.core.analysis.records import Analysis, Event, Figure
from tui.core.analysis.times import UNNAMED

_STORY_WORDS = 2
MAX_STORY_ARTICLES = 16  # more articles than this: an archive of stories


def same_story(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two articles naming the same places and people (`Jüterbog`, `Hartmann`) tell one story."""
    return len(a & b) >= _STORY_WORDS


def in_one_story(keywords: dict[str, frozenset[str]] | None, a: str, b: str) -> bool:
    """Whether articles `a` and `b` tell one story: always in a corpus of a few articles, which
    is one story; in an archive, when they name the same places and people."""
    if keywords is None or len(keywords) <= MAX_STORY_ARTICLES:
        return True
    return same_story(keywords.get(a, frozenset()), keywords.get(b, frozenset()))


# Physical amounts (not money or shares, of which a story has many) that an article of a
# story gives once: the one `1,5 Tonnen` of a leak and the one `500 kilograms` of another
# report of it are one amount, in whatever words.
_PHYSICAL = frozenset({"m", "t", "ha", "l", "°C", "kn", "km/h"})
SAME_STORY = "same story"
UNNAMED_TIME = "time:" + UNNAMED
UNNAMED_DURATION = "duration:" + UNNAMED
_UNNAMED = (UNNAMED_TIME, UNNAMED_DURATION)


def lone_figures(analyses: list[Analysis]) -> set[tuple[str, int]]:
    """The figures that are their article's only amount of their unit (or its only time of
    day, of an event no word names), in articles of one story.
    Not in an archive of many stories (every two articles would be compared)."""
    if len(analyses) > MAX_STORY_ARTICLES:
        return set()
    by_unit: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for a in analyses:
        for f in a.figures:
            if f.counts.startswith("unit:") and f.quantity.unit in _PHYSICAL and not f.modality:
                by_unit[(a.document.id, f.quantity.unit)].append(f)
            elif f.counts.startswith("time:"):
                # `gegen 18.40 Uhr ein Teilstück der Brücke nachgab`, `The section gave way at
                # about 8.40 p.m.`: each report's only time of day, of an event no word names
                by_unit[(a.document.id, UNNAMED_TIME)].append(f)
            elif f.counts.startswith("duration:"):
                # `Fast drei Stunden lang`, `restored after about 90 minutes`: how long it lasted
                by_unit[(a.document.id, UNNAMED_DURATION)].append(f)
    by_unit = {
        key: found
        for key, found in by_unit.items()
        if key[1] not in _UNNAMED or all(f.counts == key[1] for f in found)
    }
    keywords = {a.document.id: a.keywords for a in analyses}
    lone = {key: found[0] for key, found in by_unit.items() if len(found) == 1}
    out = set()
    for (article, unit), f in lone.items():
        if any(
            other != article and u == unit and same_story(keywords[article], keywords[other])
            for other, u in lone
        ):
            out.add((article, f.start))
    return out


_T = TypeVar("_T")
_PAST_YEARS = 2  # a year this long before the report is history: when a thing was built or made
_PAST_SPAN_DAYS = 31  # a month or a year, not a day
_PAST_NEAR_YEARS = 5


def story_pairs(
    analyses: list[Analysis], pick: Callable[[Analysis], _T | None]
) -> Iterator[tuple[Analysis, _T, Analysis, _T]]:
    """Every two reports of one story with what `pick` finds in each (a lead, a date of the
    past); none in an archive of many stories, where every two articles would be compared."""
    if len(analyses) > MAX_STORY_ARTICLES:
        return
    found = [(a, x) for a in analyses if (x := pick(a)) is not None]
    for i, (a, x) in enumerate(found):
        for b, y in found[i + 1 :]:
            if same_story(a.keywords, b.keywords):
                yield a, x, b, y


def _past_date(a: Analysis) -> Event | None:
    """A report's only date of the past: a year or a month, at least two years back."""
    published = a.document.published
    if published is None:
        return None
    past = [
        e
        for e in a.events
        if e.date.low is not None
        and e.date.high is not None
        and e.date.year_known
        and (e.date.high - e.date.low).days >= _PAST_SPAN_DAYS - 3
        and e.date.high.year <= published.year - _PAST_YEARS
    ]
    return past[0] if len({(e.date.low, e.date.high) for e in past}) == 1 else None


def lone_past_dates(analyses: list[Analysis]) -> list[tuple[Event, Event]]:
    """Each report's only date of the past (`aus dem Jahr 1927`, `laid in 1932`; `im November
    2019`) meets the other reports' of one story: when the pipe was laid, the dam finished or
    the painting made, whatever words date it. Years more than five apart (unless the same
    digits swapped) date other things."""
    out = []
    for _, x, _, y in story_pairs(analyses, _past_date):
        assert x.date.low is not None and y.date.low is not None
        one, other = x.date.low.year, y.date.low.year
        if abs(one - other) <= _PAST_NEAR_YEARS or transposed(one, other):
            out.append((x, y))
    return out
