"""The date a figure speaks of: a date in its sentence, the day something was
said rather than happened (`police said on Thursday`), else the article's
publication. Shared by the figures, the times of day and the dated events.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from tui.core.analysis.dates import DateMention
from tui.core.analysis.lexicon import event_kind
from tui.core.analysis.phrasing import AFTER_EVENT, starts_period
from tui.core.analysis.records import Document

SINCE = re.compile(r"^(?:seit|since|bis|until)\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def _published_mention(day: date) -> DateMention:
    """One shared mention per publication date, not one per figure."""
    return DateMention(-1, -1, "", day, day)


def as_of_date(doc: Document, found_dates: list[DateMention]) -> tuple[DateMention | None, str]:
    """The date a figure speaks of: a date in its sentence, else publication."""
    usable = [
        d
        for d in found_dates
        if not SINCE.match(d.text)
        and not starts_period(doc.text, d.start)
        and not _before(doc.text, d)
        and not names_a_thing(doc.text, d)
    ]
    resolved = [d for d in usable if d.resolved and d.year_known]
    if resolved:
        # `after Monday's derailment, police said on Thursday`: the figure is as of the saying
        reported = [d for d in resolved if reporting_date(doc.text, d)]
        return (reported or resolved)[0], "sentence"
    if usable:
        return None, "undated: " + usable[0].label()
    if doc.published is not None:
        return _published_mention(doc.published), "published"
    return None, "undated: no publication date"


_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|reported|told\s+\w+|stated|sagte|erklärte|berichtete|meldete|"
    r"teilte\s+\w+\s+mit|mitteilte)\s+(?:on\s+|am\s+)?$",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(
    r"\s*(?:mitteilte|mitgeteilt|sagte|erklärte|bekanntgab|berichtete|mit\b)", re.IGNORECASE
)


def reporting_date(text: str, mention: DateMention) -> bool:
    """`police said on Thursday`, `wie die Polizei am Dienstag mitteilte`: when it was said,
    not when what was said happened."""
    before = text[max(0, mention.start - 40) : mention.start]
    return bool(_SAID_BEFORE.search(before) or _SAID_AFTER.match(text, mention.end))


def _before(text: str, mention: DateMention) -> bool:
    """The date is of an event the figure's sentence says it comes after."""
    return AFTER_EVENT.search(text, max(0, mention.start - 60), mention.start) is not None


_YEAR_DAYS = 300
_WORD_AFTER = re.compile(r"\s*(\w+)")
_WORDS_BEFORE = re.compile(r"(\w+)\s+(?:(?:in|im|jahr|year)\s+)*$", re.IGNORECASE)


def names_a_thing(text: str, mention: DateMention) -> bool:
    """`das 1952 gegründete Unternehmen`, `founded in 1958`: a bare year next to an event word
    dates that event and names the thing by it; the figures of the sentence are not of then."""
    if mention.low is None or mention.high is None or (mention.high - mention.low).days < _YEAR_DAYS:
        return False
    after = _WORD_AFTER.match(text, mention.end)
    before = _WORDS_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    return any(m is not None and event_kind(m.group(1).lower()) for m in (after, before))
