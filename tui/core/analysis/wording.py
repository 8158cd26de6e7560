"""A figure in English words for a suggestion's summary and the inspector: `at least
11,000 soldiers`, `about 15:50`, `14 days`, with the date it speaks of."""

from __future__ import annotations

from dataclasses import replace

from tui.core.analysis.records import Figure


def _fmt(value: float) -> str:
    if value >= 1e9 and value % 1e7 == 0:
        return f"{value / 1e9:,.2f}".rstrip("0").rstrip(".") + " billion"
    if value >= 1e6 and value % 1e4 == 0:
        return f"{value / 1e6:,.2f}".rstrip("0").rstrip(".") + " million"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")


_HEDGE_WORDS = {
    "": "",
    "about": "about ",
    "at_least": "at least ",
    "more_than": "more than ",
    "up_to": "up to ",
    "almost": "almost ",
    "less_than": "less than ",
}


def describe(f: Figure) -> str:
    """`at least 11,000` with its unit, in English."""
    q = f.quantity
    if q.unit == "time":
        hours, minutes = divmod(int(q.value), 60)
        return _HEDGE_WORDS.get(q.hedge, "") + f"{hours:02d}:{minutes:02d}"
    if q.unit == "h" and q.value >= 48:  # a span in hours, said in days: `14 days`
        days = replace(q, value=q.value / 24, low=q.low / 24, high=q.high / 24, unit="days")
        return describe(replace(f, quantity=days))
    if q.hedge == "range":
        text = f"{_fmt(q.low)} to {_fmt(q.high)}"
    else:
        text = _HEDGE_WORDS[q.hedge] + _fmt(q.value)
    return text + (f" {q.unit}" if q.unit else "")


def when(f: Figure) -> str:
    if f.as_of is None:
        return "undated"
    return f.as_of.label() + (" (published)" if f.as_of_from == "published" else "")
