"""Days as a reviewer says them ("today", "yesterday", "2025-03-01") and the
local day of a record's UTC time stamp, shared by the filters and the history.

Stamps are written in UTC (`store.utc_now`), but "yesterday" means the
reviewer's own calendar, so stamps are turned into local time before their
day is taken.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

RELATIVE_DAYS = {"today": 0, "heute": 0, "yesterday": 1, "gestern": 1}


def parse_day(text: str, today: date | None = None) -> date:
    """'today', 'yesterday' (or heute/gestern) or an ISO date; ValueError otherwise."""
    word = " ".join(text.split()).casefold()
    if word in RELATIVE_DAYS:
        return (today or date.today()) - timedelta(days=RELATIVE_DAYS[word])
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise ValueError(f"not a day: {text!r} (use today, yesterday or YYYY-MM-DD)") from None


def record_time(stamp: str) -> datetime | None:
    """A record's `created`/`modified` stamp as an aware local time (None if unreadable).

    Stamps without a zone are taken as UTC, which is what crossread writes."""
    text = stamp.strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(text[:10]), datetime.min.time())
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def record_day(stamp: str) -> date | None:
    moment = record_time(stamp)
    return moment.date() if moment is not None else None


def day_label(day: date, today: date | None = None) -> str:
    """'today', 'yesterday' or the ISO date, for titles."""
    delta = ((today or date.today()) - day).days
    return {0: "today", 1: "yesterday"}.get(delta, day.isoformat())
