"""The day a report's lead gives is the day of its story's event.

A news report says what happened and when in its first paragraph: `Beim Teileinsturz
des Dachs ... sind am Samstagnachmittag mindestens 23 Menschen verletzt worden` and
`Twenty-three people were injured ... when part of a stadium roof collapsed ... on
Saturday afternoon`. The words around each date differ (a collapse, a match), so no
rule of event words pairs them; but two reports of one story whose leads each date a
day date the same event, and a different day there is a disagreement about it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from tui.core.analysis.dates import overlap
from tui.core.analysis.records import Analysis, Event, Figure
from tui.core.analysis.story import story_pairs
from tui.core.analysis.times import UNNAMED

_LEAD_CHARS = 80  # shorter paragraphs are headlines, datelines and bylines
_DAY_SPAN = 2  # days a lead's date may span (`in der Nacht zum Montag`) and still name a day
_NEAR_DAYS = 7
# Times hours apart are the start and the end of it, not one time misreported (an hour's slip).
_SLIP_MINUTES = 90
_TIME_PARAGRAPHS = 2  # `Das Unglück ereignete sich gegen 15.50 Uhr` often follows the lead
LEAD = "reported event"


def lead_span(text: str, paragraphs: int = 1) -> tuple[int, int]:
    """Where the first paragraph(s) of running text are, past a headline and a dateline."""
    start, first = 0, -1
    while start < len(text):
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        paragraph = text[start:end].strip()
        if first < 0 and len(paragraph) >= _LEAD_CHARS and not paragraph.startswith("#"):
            first = start
        if first >= 0:
            paragraphs -= 1
            if paragraphs == 0:
                return first, end
        start = end + 2
    return (first, len(text)) if first >= 0 else (0, 0)


def lead_event(analysis: Analysis) -> Event | None:
    """The first event its lead dates to a day, if any; past a lead that dates none
    (`Wenige Tage nach dem Erdfall ...`), the next paragraph's (`Der Boden war am
    Samstagmorgen eingebrochen`)."""
    text = analysis.document.text
    for paragraphs in (1, 2):
        low, high = lead_span(text, paragraphs)
        for e in analysis.events:
            if not low <= e.start < high:
                continue
            d = e.date
            if d.low is None or d.high is None or d.relative and not d.resolved:
                continue
            if (d.high - d.low).days <= _DAY_SPAN:
                return e
    return None


def lead_pairs(analyses: list[Analysis]) -> Iterator[tuple[Event, Event]]:
    """The lead events of every two reports of one story, as one kind of event."""
    for a, x, b, y in story_pairs(analyses, lead_event):
        if _later_news(a, x, b, y) or _far(x, y):
            continue
        kind = x.kind if x.kind == y.kind else y.kind if x.kind == UNNAMED else x.kind
        if x.kind != y.kind and UNNAMED not in (x.kind, y.kind):
            kind = LEAD
        yield _as(x, kind), _as(y, kind)


def _far(x: Event, y: Event) -> bool:
    """Leads more than a week apart date other events (a recall, and last year's one)."""
    if None in (x.date.low, x.date.high, y.date.low, y.date.high):
        return True
    gap = max(x.date.low - y.date.high, y.date.low - x.date.high)  # type: ignore[operator]
    return gap.days > _NEAR_DAYS


def _later_news(a: Analysis, x: Event, b: Analysis, y: Event) -> bool:
    """A lead dated after the other report went out tells what happened since (`Am Montag
    nahm die Staatsanwaltschaft die Ermittlungen auf`), not the day of the same event; so
    does a later report's lead dated on the day the other went out, unless the two agree
    (`Nach einer erneuten Drohnensichtung am Samstagmorgen` against Friday's closure)."""
    for (mine, one), other in (((a, x), b), ((b, y), a)):
        published, own = other.document.published, mine.document.published
        if published is None or one.date.low is None:
            continue
        if one.date.low > published or (
            one.date.low == published and own is not None and own > published and not overlap(x.date, y.date)
        ):
            return True
    return False


def _as(e: Event, kind: str) -> Event:
    return e if e.kind == kind else replace(e, kind=kind)


def lead_time(analysis: Analysis) -> Figure | None:
    """The first time of day its lead gives: when the story's event happened."""
    low, high = lead_span(analysis.document.text, _TIME_PARAGRAPHS)
    for f in analysis.figures:
        if low <= f.start < high and f.counts.startswith("time:") and not f.modality:
            return f
    return None


def lead_times(analyses: list[Analysis]) -> Iterator[tuple[Figure, Figure]]:
    """The lead times of every two reports of one story, as the time of one event."""
    for _, x, _, y in story_pairs(analyses, lead_time):
        if abs(x.quantity.value - y.quantity.value) <= _SLIP_MINUTES:
            yield _timed(x), _timed(y)


def _timed(f: Figure) -> Figure:
    return replace(f, counts="time:" + LEAD, predicate="", qualifier="")
