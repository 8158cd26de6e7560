"""Dates that name a stretch of time: quarters, the end of a year, spans of years,
this or next week, a weekday in a named week, and day and month in figures."""

from __future__ import annotations

from datetime import date

import pytest

from tui.core.analysis.dates import dates

THU = date(2026, 3, 5)  # a Thursday


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        ("The plant will close by the end of 2028.", "en", "1 September 2028 to 31 December 2028"),
        ("Das Werk schließt im ersten Quartal 2027.", "de", "1 January 2027 to 31 March 2027"),
        ("The cuts begin in the first quarter of 2027.", "en", "1 January 2027 to 31 March 2027"),
        ("The cuts begin in Q3 2027.", "en", "1 July 2027 to 30 September 2027"),
        ("Die Taten fielen in die Jahre zwischen 2016 und 2021.", "de", "1 January 2016 to 31 December 2021"),
        ("The thefts took place between 2016 and 2021.", "en", "1 January 2016 to 31 December 2021"),
        ("Die Straße stürzte am 3.3. ein.", "de", "3 March 2026"),
        ("Die Anhörung ist nächste Woche.", "de", "9 March 2026 to 15 March 2026"),
        ("The hearing is next month.", "en", "April 2026"),
        ("Die Entscheidung fällt im kommenden Jahr.", "de", "2027"),
        ("It happened earlier this week.", "en", "2 March 2026 to 5 March 2026"),
        ("Die Anhörung ist am Mittwoch kommender Woche.", "de", "11 March 2026"),
        ("Das Museum wurde am Montag vergangener Woche ausgeraubt.", "de", "23 February 2026"),
        ("The ship sank the day before yesterday.", "en", "3 March 2026"),
        ("By 2028 the cuts will be complete.", "en", "2028"),
    ],
)
def test_periods_resolve_to_day_ranges(text: str, language: str, label: str) -> None:
    assert [d.label() for d in dates(text, THU, language)] == [label]


@pytest.mark.parametrize("text", ["Die Anhörung ist nächste Woche.", "The hearing is next month."])
def test_a_period_counted_from_the_article_date_needs_one(text: str) -> None:
    (found,) = dates(text, None, "de")
    assert found.low is None and "no publication date" in found.note


@pytest.mark.parametrize(
    "text", ["Kapitel 3.14. beschreibt", "Version 2.0.1 kam", "Es stand 4:3.", "a magnitude of 6.4."]
)
def test_figures_that_are_no_day_and_month(text: str) -> None:
    assert dates(text, THU, "de") == []
