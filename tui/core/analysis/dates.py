"""Dates in German and English text, as day ranges, resolved against the
article's publication date.

Regular expressions find candidates; `dateparser` (day first, past preferred)
reads the absolute ones. It is never run over whole texts, where it finds
dates in words such as "Die" (dateparser issues #582 and #942). Relative dates
(`am Dienstagabend`, `letzte Woche`, `vor zwei Jahren`) are resolved here, and
stay unresolved, saying so, when the article has no publication date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from tui.core.analysis.lexicon import MONTHS, WEEKDAYS
from tui.core.analysis.periods import (
    PERIOD,
    edge_of,
    may_have_periods,
    month_span,
    period_span,
    weekday_in_week,
)
from tui.core.analysis.phrasing import future_clause

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_NUMBER_WORDS = {
    "einem": 1,
    "einer": 1,
    "einen": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "zehn": 10,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "ten": 10,
}
_COUNT = r"\d{1,2}|" + "|".join(_NUMBER_WORDS)

_CANDIDATE = re.compile(
    rf"(?P<dmy>\b\d{{1,2}}(?:\.\s?|(?:st|nd|rd|th)?\s(?:of\s+)?(?-i:(?=[A-Z])))(?:{_MONTH})\b\.?"
    rf"(?:,?\s+{_YEAR}\b)?)"
    rf"|(?P<mdy>\b(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?)"
    rf"|(?P<numeric>\b\d{{1,2}}\.\d{{1,2}}\.(?:{_YEAR}|\d\d)\b|\b{_YEAR}-\d\d-\d\d\b)"
    rf"|(?P<my>\b(?:{_MONTH})\s+{_YEAR}\b)"
    rf"|(?P<month>\b(?:im|in|seit|bis|Anfang|Ende|Mitte|early|late|mid|since|until)\s+(?:{_MONTH})\b(?:\s+{_YEAR}\b)?)"
    rf"|(?P<year>\b(?:im\s+Jahr(?:e)?|aus\s+dem\s+Jahr(?:e)?|in|seit|bis|Anfang|Ende|Mitte|since|until|early|late)"
    # `wurde 1952 fertiggestellt`, `dated 1912`: the year something was done to it (not
    # `wurden 2000 Soldaten verlegt`, a count of a noun)
    rf"\s+{_YEAR}\b|\b(?:wurden?|dated)\s+{_YEAR}\b(?!\s+(?-i:[A-ZÄÖÜ])))"
    # `Die 1972 eröffnete Brücke`: a year before a participle is when that happened to it
    rf"|\bd(?:ie|er|as|en|em)\s(?P<attr>{_YEAR}(?=\s+(?-i:[a-zäöüß]+(?:te|ten|tes|ter|tem|ene|enen|ener)\b)))"
    rf"|(?P<weekday>\b(?:am|on|last|vergangenen|letzten|bis|until|till|next|nächsten|kommenden)?\s*(?:{_WEEKDAY})"
    rf"(?:abend|morgen|nachmittag|vormittag|nacht|mittag|\s+(?:morning|evening|night|afternoon))?\b)"
    rf"|(?P<week>\b(?:letzte|letzten|vergangene|vergangenen|last|past)\s+(?:Woche|week)\b)"
    rf"|(?P<lastyear>\b(?:im\s+vergangenen|im\s+letzten|vergangenes|letztes|last)\s+(?:Jahr|year)\b)"
    rf"|(?P<lastmonth>\b(?:im\s+vergangenen|im\s+letzten|vergangenen|letzten|last)\s+(?:Monat|month)\b)"
    rf"|(?P<ago>\bvor\s+(?P<n1>{_COUNT})\s+(?P<u1>Tagen|Wochen|Monaten|Jahren|Tag|Woche|Monat|Jahr)\b"
    rf"|\b(?P<n2>{_COUNT})\s+(?P<u2>days?|weeks?|months?|years?)\s+ago\b)"
    rf"|(?P<startyear>\b(?:zu\s+)?(?:Anfang|Beginn)\s+(?:des|dieses)\s+Jahres\b|\bearlier\s+this\s+year\b"
    rf"|\bat\s+the\s+start\s+of\s+the\s+year\b)"
    rf"|(?P<day>\b(?:gestern|vorgestern|heute|yesterday|today)\b)",
    re.IGNORECASE,
)

# Parts of days and the weekend, tried only in a sentence that names one (`_PART_HINT`):
# each alternative in the pattern above costs every sentence with a date word.
_PART_OF_DAY = re.compile(
    r"(?P<night>\b(?:last\s+night|overnight|(?:in\s+der\s+)?(?:vergangenen|letzten)\s+Nacht"
    r"|vergangene\s+Nacht|letzte\s+Nacht)\b)"
    r"|(?P<today>\b(?:this\s+(?:morning|afternoon|evening)|tonight|heute\s+(?:Morgen|früh|Vormittag|Mittag"
    r"|Nachmittag|Abend|Nacht))\b)"
    r"|(?P<weekend>\b(?:am|übers|über\s+das|at\s+the|over\s+the|this|last|vergangenen|letzten)\s+"
    r"(?:Wochenende|weekend)\b)",
    re.IGNORECASE,
)
_PART_HINT = re.compile(r"nacht|night|morning|afternoon|evening|heute|wochenende|weekend")

# Words that name a date on their own: months, weekdays (by prefix), days
# (`gestern`), parts of days (`_PART_OF_DAY`).
_DATE_WORDS = frozenset(
    {
        *MONTHS,
        *WEEKDAYS,
        "gestern",
        "vorgestern",
        "heute",
        "yesterday",
        "today",
        "tonight",
        "overnight",
        "night",
        "nacht",
        "morning",
        "afternoon",
        "evening",
        "weekend",
        "wochenende",
    }
)
# A unit of time names a date only with a word that places it: `letzte Woche`,
# `vor zwei Jahren`, `three days ago`, `Anfang des Jahres` (the branches week,
# lastyear, lastmonth, ago and startyear above). Alone (`Die Woche war lang`) it
# names none, and most sentences that hold one are such.
_UNITS = frozenset(
    "woche wochen week weeks jahr jahre jahren jahres year years monat monate monaten month months "
    "tag tage tagen day days".split()
)
_PLACING = frozenset(
    "letzte letzten letztes vergangene vergangenen vergangenes last past vor ago anfang beginn earlier "
    "start".split()
)
_WEEKDAY_PREFIXES = tuple(WEEKDAYS)
_WEEKDAY_BEFORE = re.compile(
    rf"(?:am\s+|on\s+)?(?:{_WEEKDAY})(?:abend|morgen|nachmittag)?,?\s+(?:den\s+|dem\s+|the\s+)?",
    re.IGNORECASE,
)
_DIGIT_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.|\b(?:19|20)\d\d\b|\d-\d\d-\d")


def may_have_dates(text: str, lowers: list[str]) -> bool:
    """A cheap test before the candidate pattern (which costs ~0.1 ms a sentence):
    a date needs a month, weekday or day word, a unit of time with a word that
    places it, a period (`periods`), or digits shaped like a date."""
    if any(w in _DATE_WORDS or w.startswith(_WEEKDAY_PREFIXES) for w in lowers):
        return True
    if _DIGIT_DATE.search(text) is not None:
        return True
    words = set(lowers)
    return bool(words & _UNITS and words & _PLACING) or may_have_periods(text, lowers)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as the first and last day it may be.

    With the year unknown, `low`/`high` carry the year 1 and `year_known` is
    false: month and day still compare. `resolved` is false for a relative
    date without a publication date to count from; `note` says why.
    """

    start: int
    end: int
    text: str
    low: date | None
    high: date | None
    year_known: bool = True
    relative: bool = False
    note: str = ""

    @property
    def resolved(self) -> bool:
        return self.low is not None

    def label(self) -> str:
        if self.low is None or self.high is None:
            return f"'{self.text}' ({self.note})"
        return span_label(self.low, self.high, self.year_known)


def span_label(low: date, high: date, year_known: bool = True) -> str:
    if low == high:
        return f"{low.day} {calendar.month_name[low.month]}" + (f" {low.year}" if year_known else "")
    if low.day == 1 and high.month == low.month and high.day == calendar.monthrange(high.year, high.month)[1]:
        return calendar.month_name[low.month] + (f" {low.year}" if year_known else "")
    if (low.month, low.day, high.month, high.day) == (1, 1, 12, 31) and low.year == high.year:
        return str(low.year)
    return f"{span_label(low, low, year_known)} to {span_label(high, high, year_known)}"


@lru_cache(maxsize=8)
def _parser(languages: tuple[str, ...], base: date) -> DateDataParser:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(languages),
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "REQUIRE_PARTS": [],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


_SOON_DAYS = 14  # a date without its year this little after publication is this year's
_NEUTRAL_BASE = date(2000, 12, 31)  # any fixed day: the year it gives is discarded


@lru_cache(maxsize=4096)
def _absolute(
    candidate: str, language: str, published: date | None, future: bool = False
) -> tuple[date, date, bool] | None:
    """dateparser on one candidate: (first day, last day, year known)."""
    has_year = re.search(rf"\b{_YEAR}\b|\b\d{{1,2}}\.\d{{1,2}}\.\d\d\b", candidate) is not None
    base = published or _NEUTRAL_BASE
    languages = ("de", "en") if language != "en" else ("en", "de")
    data = _parser(languages, base).get_date_data(candidate)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        low, high = date(day.year, 1, 1), date(day.year, 12, 31)
    elif data.period == "month":
        low, high = month_span(day.year, day.month)
    else:
        low = high = day
    year_known = has_year or published is not None
    if not year_known:
        low, high = low.replace(year=2000), high.replace(year=2000)  # a leap year keeps 29 February
    elif not has_year and published is not None and low.year < published.year:
        # `the match on 14 August` in a paper of 13 August: the coming day, not last year's
        try:
            ahead = low.replace(year=published.year)
        except ValueError:  # 29 February
            ahead = None
        if ahead is not None and 0 <= (ahead - published).days <= (366 if future else _SOON_DAYS):
            low, high = ahead, high.replace(year=published.year)
    return low, high, year_known


def _clean(text: str) -> str:
    text = re.sub(
        r"^(?:im|in|am|on|seit|bis|since|until|im\s+Jahre?|aus\s+dem\s+Jahre?|wurden?|dated)\s+",
        "",
        text,
        flags=re.IGNORECASE,
    )
    return re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)


def dates(
    text: str, published: date | None, language: str = "de", offset: int = 0, lowers: list[str] | None = None
) -> list[DateMention]:
    """Every date candidate in `text`, resolved where it can be."""
    out: list[DateMention] = []
    found = list(_CANDIDATE.finditer(text))
    if _PART_HINT.search(text.lower()):
        parts = list(_PART_OF_DAY.finditer(text))  # `heute Morgen` before `heute`
        found = sorted(
            [m for m in found if not any(p.start() < m.end() and m.start() < p.end() for p in parts)] + parts,
            key=lambda m: m.start(),
        )
    if may_have_periods(text, lowers if lowers is not None else re.findall(r"\w+", text.lower())):
        spans = list(PERIOD.finditer(text))  # `the end of 2028` before `2028`
        found = sorted(
            [m for m in found if not any(p.start() < m.end() and m.start() < p.end() for p in spans)] + spans,
            key=lambda m: m.start(),
        )
    for m in found:
        if m.re is PERIOD:
            period = _period(m, published, offset)
            if period is None:
                continue  # `Kapitel 3.14.`
            joined = out and weekday_in_week(out[-1], period, text[out[-1].end - offset : m.start()])
            out[-1:] = [joined] if joined else [*out[-1:], period]
            continue
        mention = _mention(m, published, language, offset, future_clause(text, m.start(), m.end()))
        if mention is None:
            continue
        if (
            out
            and m.lastgroup in ("dmy", "mdy", "numeric")
            and _WEEKDAY_BEFORE.fullmatch(text, out[-1].start - offset, m.start())
        ):
            out.pop()  # `Thursday, August 14`: the weekday of the date, not another day
        out.append(mention)
    return out


def _period(m: re.Match[str], published: date | None, offset: int) -> DateMention | None:
    span = period_span(m, published)
    start, end, raw = offset + m.start(), offset + m.end(), m.group()
    if isinstance(span, tuple):
        return DateMention(start, end, raw, span[0], span[1], span[2], relative=m.group("coming") is not None)
    return DateMention(start, end, raw, None, None, relative=True, note=span) if span else None


def _mention(
    m: re.Match[str], published: date | None, language: str, offset: int, future: bool = False
) -> DateMention | None:
    attr = m.groupdict().get("attr")
    start, end = m.span("attr") if attr else m.span()  # `Die 1972 eröffnete`: the year alone
    raw = attr or m.group()
    lead = len(raw) - len(raw.lstrip())
    start += lead
    raw = raw.strip()
    kind = m.lastgroup if m.lastgroup not in ("n1", "u1", "n2", "u2") else "ago"
    if kind == "attr":
        kind = "year"
    if kind in ("dmy", "mdy", "numeric", "my", "month", "year"):
        candidate = _clean(raw)
        edge = re.match(r"(Anfang|Ende|Mitte|early|late|mid)\s+", candidate, re.IGNORECASE)
        if edge:
            candidate = candidate[edge.end() :]
        found = _absolute(candidate, language, published, future)
        if found is None:
            return None
        low, high, year_known = found
        if edge:
            low, high = edge_of(low, high, edge.group(1).lower())
        return DateMention(offset + start, offset + end, raw, low, high, year_known)
    return _relative(kind or "", m, raw, published, offset + start, offset + end, future)


def _relative(
    kind: str, m: re.Match[str], raw: str, published: date | None, start: int, end: int, future: bool = False
) -> DateMention | None:
    if kind == "startyear":
        year = published.year if published else 2000
        return DateMention(
            start,
            end,
            raw,
            date(year, 1, 1),
            date(year, 3, 31),
            year_known=published is not None,
            relative=True,
        )
    if published is None:
        return DateMention(
            start,
            end,
            raw,
            None,
            None,
            relative=True,
            note="relative date; the article has no publication date",
        )
    if kind == "weekday":
        name = re.search(_WEEKDAY, raw, re.IGNORECASE)
        assert name is not None
        back = (published.weekday() - WEEKDAYS[name.group().lower()]) % 7
        if future or re.match(r"(bis|until|till|next|nächsten|kommenden)\b", raw, re.IGNORECASE):
            # `der Streik solle bis Mittwoch dauern`: a weekday ahead, not behind
            ahead = (WEEKDAYS[name.group().lower()] - published.weekday()) % 7
            day = published + timedelta(days=ahead or (7 if raw[:1].lower() in "nk" or future else 0))
            return DateMention(start, end, raw, day, day, relative=True)
        if re.match(r"(last|vergangenen|letzten)\b", raw, re.IGNORECASE) and back == 0:
            back = 7
        day = published - timedelta(days=back)
        return DateMention(start, end, raw, day, day, relative=True)
    if kind == "week":
        monday = published - timedelta(days=published.weekday() + 7)
        return DateMention(start, end, raw, monday, monday + timedelta(days=6), relative=True)
    if kind == "lastyear":
        year = published.year - 1
        return DateMention(start, end, raw, date(year, 1, 1), date(year, 12, 31), relative=True)
    if kind == "lastmonth":
        first = published.replace(day=1) - timedelta(days=1)
        low, high = month_span(first.year, first.month)
        return DateMention(start, end, raw, low, high, relative=True)
    if kind == "night":
        # `last night` in a morning paper: the evening before, into the day itself
        return DateMention(start, end, raw, published - timedelta(days=1), published, relative=True)
    if kind == "today":
        return DateMention(start, end, raw, published, published, relative=True)
    if kind == "weekend":
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return DateMention(start, end, raw, saturday, saturday + timedelta(days=1), relative=True)
    if kind == "day":
        back = {"heute": 0, "today": 0, "gestern": 1, "yesterday": 1, "vorgestern": 2}.get(raw.lower(), 2)
        day = published - timedelta(days=back)
        return DateMention(start, end, raw, day, day, relative=True)
    if kind == "ago":
        count_text = (m.group("n1") or m.group("n2")).lower()
        count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS[count_text]
        unit = (m.group("u1") or m.group("u2")).lower()
        return _ago(start, end, raw, published, count, unit)
    return None


def _ago(start: int, end: int, raw: str, published: date, count: int, unit: str) -> DateMention:
    if unit.startswith(("tag", "day")):
        day = published - timedelta(days=count)
        return DateMention(start, end, raw, day, day, relative=True)
    if unit.startswith(("woche", "week")):
        day = published - timedelta(weeks=count)
        return DateMention(start, end, raw, day - timedelta(days=3), day + timedelta(days=3), relative=True)
    if unit.startswith(("monat", "month")):
        months = published.year * 12 + published.month - 1 - count
        low, high = month_span(months // 12, months % 12 + 1)
        return DateMention(start, end, raw, low, high, relative=True)
    year = published.year - count
    return DateMention(start, end, raw, date(year, 1, 1), date(year, 12, 31), relative=True)


def overlap(a: DateMention, b: DateMention) -> bool | None:
    """Whether two dates may be the same day; None when either is unresolved.

    With a year missing on either side, only month and day are compared.
    """
    if a.low is None or b.low is None or a.high is None or b.high is None:
        return None
    if a.year_known and b.year_known:
        return a.low <= b.high and b.low <= a.high
    return (
        _md(a.low) <= _md(b.high) and _md(b.low) <= _md(a.high)
        if a.low.year == a.high.year and b.low.year == b.high.year
        else True
    )


def _md(day: date) -> tuple[int, int]:
    return day.month, day.day
