"""Dates that name a stretch of time: quarters, the end of a year, a span of years, this or
next week, and day and month in figures.

`by the end of 2028` and `bis Ende 2027`, `im ersten Quartal 2027` and `in the first
quarter of 2027`, `zwischen 2016 und 2021`, `nächste Woche`: reports give deadlines and
spans in these words, and two outlets disagree on them as on any day. They become day
ranges like every other date (see `dates`), resolved against the publication date when
they count from it; without one they stay unresolved and say so.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tui.core.analysis.lexicon import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from tui.core.analysis.dates import DateMention

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_REL = (
    r"(?:dieser|diese|diesem|dieses|nächste|nächster|nächsten|nächstes|kommende|kommender|kommenden|kommendes"
    r"|vergangene|vergangener|vergangenen|letzte|letzter|letzten|last)"
)
_BACK = frozenset({"vergangene", "vergangener", "vergangenen", "letzte", "letzter", "letzten", "last"})

PERIOD = re.compile(
    rf"(?P<edgeof>\b(?:(?:by|at|until|before|towards?)\s+)?the\s+(?P<edge>end|start|beginning|middle)\s+of\s+"
    rf"(?:the\s+)?(?P<what>(?:{_MONTH})(?:\s+{_YEAR})?|{_YEAR}|(?:this|next)\s+(?:year|month|week)))\b"
    rf"|(?P<quarter>\b(?:im\s+|in\s+the\s+)?(?P<q>ersten|zweiten|dritten|vierten|first|second|third|fourth"
    rf"|[1-4]\.)\s+(?:Quartal|quarter)\s+(?:of\s+)?(?P<qy>{_YEAR})\b|\bQ(?P<q2>[1-4])\s+(?P<qy2>{_YEAR})\b)"
    rf"|(?P<between>\b(?:zwischen|between|von|from)\s+(?P<ya>{_YEAR})\s+(?:und|and|bis|to|until)\s+"
    rf"(?P<yb>{_YEAR})\b)"
    rf"|(?P<coming>\b(?:(?P<cedge>Anfang|Ende|Mitte|earlier|later)\s+)?(?:(?:im|in)\s+)?"
    rf"(?P<which>{_REL}|this|next)\s+(?P<unit>Woche|Monats?|Jahres|Jahr|week|month|year)\b)"
    # `am 3.3.`: only after a word that takes a date; `a magnitude of 6.4.` is no 6 April
    rf"|(?P<before>\bthe\s+day\s+before\s+yesterday\b)|(?P<by>\bby\s+(?P<byyear>{_YEAR})\b)"
    rf"|(?P<daymonth>\b(?:am|vom|zum|bis\s+zum|seit\s+dem|ab\s+dem)\s+(?P<dd>[0-3]?\d)\.(?P<mm>[01]?\d)\.(?!\d))",
    re.IGNORECASE,
)
# Words without which no period above can match: a unit with a word that says which one
# (`nächste Woche`), or a year with a word that bounds it (`Ende`, `Quartal`, `between`).
_UNIT_WORDS = frozenset("woche monat monats jahr jahres week month year".split())
_WHICH_WORDS = frozenset(
    "this next last earlier later dieser diese diesem dieses nächste nächster nächsten nächstes kommende "
    "kommender kommenden kommendes vergangene vergangener vergangenen letzte letzter letzten".split()
)
_YEAR_WORDS = frozenset(
    "end start beginning middle quartal quarter zwischen between von from by q1 q2 q3 q4".split()
)
_YEAR_DIGITS = re.compile(r"\b(?:19|20)\d\d\b")
_DAY_MONTH = re.compile(r"[mu] \d\d?\.\d\d?\.")
_QUARTER = {
    "ersten": 1,
    "first": 1,
    "zweiten": 2,
    "second": 2,
    "dritten": 3,
    "third": 3,
    "vierten": 4,
    "fourth": 4,
}
_EDGE = {"end": "late", "start": "early", "beginning": "early", "middle": "mid"}
_SOON_DAYS = 14  # `am 14.8.` in a paper of 13 August: the coming day, not last year's


def may_have_periods(text: str, lowers: list[str]) -> bool:
    """A cheap test before `PERIOD`, which costs about a millisecond a sentence."""
    words = set(lowers)
    return bool(
        (words & _UNIT_WORDS and words & _WHICH_WORDS)
        or (words & _YEAR_WORDS and _YEAR_DIGITS.search(text))
        or ("yesterday" in words and "before" in words)
        or _DAY_MONTH.search(text)
    )


def month_span(year: int, month: int) -> tuple[date, date]:
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), following - timedelta(days=1)


def edge_of(low: date, high: date, edge: str) -> tuple[date, date]:
    """`Anfang Juni` is the first third of June, `Ende 2024` the last third of the year."""
    days = (high - low).days + 1
    third = timedelta(days=max(1, days // 3) - 1)
    if edge in ("anfang", "early"):
        return low, low + third
    if edge in ("ende", "late"):
        return high - third, high
    return low + third, high - third


def period_span(m: re.Match[str], published: date | None) -> tuple[date, date, bool] | str | None:
    """(first day, last day, year known) of a `PERIOD` match; a string says why it stays
    unresolved (it counts from a publication date the article lacks); None: no date."""
    if m.group("quarter"):
        q = int(m.group("q2") or 0) or _QUARTER.get(m.group("q").lower(), 0) or int(m.group("q")[0])
        year = int(m.group("qy") or m.group("qy2"))
        return date(year, 3 * q - 2, 1), month_span(year, 3 * q)[1], True
    if m.group("between"):
        a, b = int(m.group("ya")), int(m.group("yb"))
        return (date(a, 1, 1), date(b, 12, 31), True) if a <= b else None
    if m.group("by"):
        year = int(m.group("byyear"))
        return date(year, 1, 1), date(year, 12, 31), True
    if m.group("before"):  # the day before yesterday
        if published is None:
            return "relative date; the article has no publication date"
        day = published - timedelta(days=2)
        return day, day, True
    if m.group("daymonth"):
        return _day_month(int(m.group("dd")), int(m.group("mm")), published)
    if m.group("edgeof"):
        what = m.group("what")
        span = _what(what, published)
        if span is None or isinstance(span, str):
            return span
        low, high = edge_of(span[0], span[1], _EDGE[m.group("edge").lower()])
        return low, high, span[2]
    # this / next week, month, year; the earlier or later part of it
    if published is None:
        return "relative date; the article has no publication date"
    which = m.group("which").lower()
    ahead = -1 if which in _BACK else 0 if which in ("this", "dieser", "diese", "diesem", "dieses") else 1
    low, high = _unit_span(m.group("unit").lower(), published, ahead)
    edge = (m.group("cedge") or "").lower()
    if edge == "earlier":
        high = min(high, published)
    elif edge == "later":
        low = max(low, published)
    elif edge:
        low, high = edge_of(low, high, edge)
    return low, high, True


def _what(what: str, published: date | None) -> tuple[date, date, bool] | str | None:
    words = what.lower().split()
    if words[0] in ("this", "next"):
        if published is None:
            return "relative date; the article has no publication date"
        low, high = _unit_span(words[1], published, 0 if words[0] == "this" else 1)
        return low, high, True
    if re.fullmatch(_YEAR, words[-1]):
        year = int(words[-1])
        if len(words) == 1:
            return date(year, 1, 1), date(year, 12, 31), True
        return (*month_span(year, MONTHS[words[0]]), True)
    month = MONTHS.get(words[0])
    if month is None:
        return None
    if published is None:
        return (*month_span(2000, month), False)
    year = published.year if month >= published.month else published.year + 1  # the coming end
    return (*month_span(year, month), True)


def _unit_span(unit: str, published: date, ahead: int) -> tuple[date, date]:
    if unit.startswith(("woche", "week")):
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=ahead)
        return monday, monday + timedelta(days=6)
    if unit.startswith(("monat", "month")):
        months = published.year * 12 + published.month - 1 + ahead
        return month_span(months // 12, months % 12 + 1)
    year = published.year + ahead
    return date(year, 1, 1), date(year, 12, 31)


def _day_month(day: int, month: int, published: date | None) -> tuple[date, date, bool] | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = published.year if published else 2000
    try:
        found = date(year, month, day)
        if published is not None and (found - published).days > _SOON_DAYS:
            found = date(year - 1, month, day)  # reports look back: last year's, not next month's
    except ValueError:
        return None
    return found, found, published is not None


def weekday_in_week(day: DateMention, week: DateMention, between: str) -> DateMention | None:
    """`am Mittwoch kommender Woche`, `Friday last week`: the weekday in the week named after it."""
    if between.strip() or day.low is None or week.low is None or week.high is None:
        return None
    if (week.high - week.low).days != 6 or week.low.weekday() != 0:
        return None
    name = re.search(_WEEKDAY, day.text, re.IGNORECASE)
    if name is None:
        return None
    found = week.low + timedelta(days=WEEKDAYS[name.group().lower()])
    return replace(day, end=week.end, text=f"{day.text}{between}{week.text}", low=found, high=found)
