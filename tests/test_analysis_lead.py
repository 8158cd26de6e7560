"""The day and time a report's lead gives are its story's event's, whatever words surround them;
and a count two reports of one story give alike is one count, whatever each calls it."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import relations

from tui.core.analysis import Document, suggest
from tui.core.analysis.claims import analyse_document
from tui.core.analysis.lead import lead_pairs, lead_span

THU = date(2026, 1, 29)  # a Thursday
_ROOF_DE = (
    "# Dach eingestürzt\n\nBeim Teileinsturz des Dachs der Arena in Kellinghausen sind am {day} "
    "mindestens 23 Menschen verletzt worden, darunter fünf Schwerverletzte.\n\n"
    "Das Unglück ereignete sich {time} in der Halbzeitpause."
)
_ROOF_EN = (
    "# Roof collapse\n\nKELLINGHAUSEN —\n\nTwenty-three people were injured when part of the roof of the "
    "Arena in Kellinghausen gave way during a football match on {day}, police said.\n\n"
    "The match was stopped {time}."
)


def _roof(de_day: str, en_day: str, de_time: str = "", en_time: str = "", published: date = THU) -> list[str]:
    return relations(
        "date",
        (_ROOF_DE.format(day=de_day, time=de_time), "de", published),
        (_ROOF_EN.format(day=en_day, time=en_time), "en", published),
    )


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("# Titel\n\nKurz.\n\n" + "Lang " * 20 + "\n\nRest.", "Lang"),
        ("BERLIN —\n\n" + "Der erste Absatz " * 6, "Der erste"),
        ("Nur kurz.", ""),
    ],
)
def test_the_lead_is_the_first_paragraph_of_running_text(text: str, lead: str) -> None:
    low, high = lead_span(text)
    assert text[low:high].strip().startswith(lead) if lead else (low, high) == (0, 0)


@pytest.mark.parametrize(
    ("de_day", "en_day", "expected"),
    [
        ("Samstagnachmittag", "Saturday afternoon", ["corroborates"]),
        ("Samstagnachmittag", "Friday evening", ["contradicts"]),
    ],
)
def test_two_leads_date_one_event_in_different_words(de_day: str, en_day: str, expected: list[str]) -> None:
    assert _roof(de_day, en_day) == expected


def test_a_lead_dated_after_the_other_report_went_out_tells_later_news() -> None:
    found = relations(
        "date",
        (_ROOF_DE.format(day="Samstagnachmittag", time=""), "de", date(2026, 1, 25)),
        (_ROOF_EN.format(day="Tuesday", time=""), "en", date(2026, 1, 28)),
    )
    assert found == []


_SINKHOLE_DE = (
    "# Erdfall wächst\n\nWenige Tage nach dem Erdfall von Oberhellingen ist keine Entspannung in Sicht, "
    "der Krater wächst weiter.\n\nDer Boden war am {day} an der Lindenstraße eingebrochen."
)
_SINKHOLE_EN = (
    "# Sinkhole\n\nA sinkhole opened up in Lindenstraße, a residential street in Oberhellingen, "
    "on {day}, police said."
)


@pytest.mark.parametrize(
    ("day", "expected"), [("Samstagmorgen", ["corroborates"]), ("Freitagmorgen", ["contradicts"])]
)
def test_past_a_lead_that_dates_nothing_the_next_paragraph_dates_the_event(
    day: str, expected: list[str]
) -> None:
    found = relations(
        "date",
        (_SINKHOLE_DE.format(day=day), "de", date(2026, 1, 27)),
        (_SINKHOLE_EN.format(day="Saturday morning"), "en", date(2026, 1, 25)),
    )
    assert found == expected


_SIGHTING = (
    "# Drohne\n\nNach einer erneuten Drohnensichtung am {day} wurden am Flughafen Brenngarten "
    "in Lindau wieder Flüge umgeleitet."
)
_CLOSURE = "# Drone\n\nA drone closed Brenngarten airport in Lindau on {day}, police in the town said."


@pytest.mark.parametrize(("first", "paired"), [("Friday evening", 0), ("Saturday morning", 1)])
def test_a_later_lead_dated_the_day_the_other_went_out_tells_later_news(first: str, paired: int) -> None:
    analyses = [
        analyse_document(Document("en", _CLOSURE.format(day=first), date(2025, 11, 8), "en")),  # a Saturday
        analyse_document(Document("de", _SIGHTING.format(day="Samstagmorgen"), date(2025, 11, 10), "de")),
    ]
    assert len(list(lead_pairs(analyses))) == paired


def test_leads_weeks_apart_date_other_events() -> None:
    found = relations(
        "date",
        (_ROOF_DE.format(day="3. Januar", time=""), "de"),
        (_ROOF_EN.format(day="January 24", time=""), "en"),
        day=THU,
    )
    assert found == []


@pytest.mark.parametrize(
    ("de_time", "en_time", "expected"),
    [
        ("gegen 15.50 Uhr", "at about 3.50 p.m.", "corroborates"),
        ("gegen 15.50 Uhr", "at about 4.50 p.m.", "contradicts"),  # an hour's slip
        ("gegen 15.50 Uhr", "at about 9.15 p.m.", None),  # hours apart: the start and the end
    ],
)
def test_the_first_time_of_day_near_the_lead_is_the_event_s(
    de_time: str, en_time: str, expected: str | None
) -> None:
    docs = [
        Document("de", _ROOF_DE.format(day="Samstag", time=de_time), THU, "de"),
        Document("en", _ROOF_EN.format(day="Saturday", time=en_time), THU, "en"),
    ]
    found = [s.relation for s in suggest(docs) if s.summary.startswith("Time of")]
    assert found == ([expected] if expected else [])


_PLANT_DE = "# Werk\n\nDie Bäckereikette Hansen aus Lindau beschäftigt {de} und steht vor der Insolvenz."
_PLANT_EN = "# Bakery\n\nThe Lindau bakery chain Hansen, which {en}, is facing insolvency."


@pytest.mark.parametrize(
    ("de", "en", "expected"),
    [
        ("rund 1.800 Beschäftigte", "employs about 1,800 people", ["corroborates"]),
        ("rund 1.800 Beschäftigte", "has 1,800 account holders", ["corroborates"]),  # a noun no lexicon has
        ("rund 150 Rettungskräfte", "had 150 stewards on duty", []),  # two groups the lexicon tells apart
        ("rund 18 Beschäftigte", "has 18 account holders", []),  # small counts coincide
    ],
)
def test_the_same_count_in_other_words_is_one_count(de: str, en: str, expected: list[str]) -> None:
    found = relations("number", (_PLANT_DE.format(de=de), "de"), (_PLANT_EN.format(en=en), "en"))
    assert found == expected


_DAM_DE = (
    "# Talsperre\n\nDie Aabach-Talsperre bei Lindau wurde {de} fertiggestellt. Betreiber ist der Ruhrverband."
)
_DAM_EN = "# Dam\n\nThe Aabach dam near Lindau, run by the Ruhrverband, was completed {en}."


@pytest.mark.parametrize(
    ("de", "en", "expected"),
    [
        ("1952", "in 1956", ["contradicts"]),
        ("1952", "in 1952", ["corroborates"]),
        ("im November 2019", "in December 2019", ["contradicts"]),
        ("1952", "in 1925", ["contradicts"]),  # the same digits swapped
        ("1952", "in 1990", []),  # decades apart: other things
    ],
)
def test_each_report_s_only_date_of_the_past_compares(de: str, en: str, expected: list[str]) -> None:
    found = relations("date", (_DAM_DE.format(de=de), "de"), (_DAM_EN.format(en=en), "en"), day=THU)
    assert found == expected
