"""Reading which figure a word belongs to (issue 15): a verb whose object is another number,
an adjective inside the measured noun phrase, the name of a line, `away` as an adverb, a
singular unit before its noun."""

from __future__ import annotations

from datetime import date

import pytest

from tui.core.analysis import Document, analyse_document, suggest


def _figures(text: str, language: str = "en") -> list[tuple[str, str, str, str]]:
    return [
        (f.text, f.counts, f.predicate, f.qualifier)
        for f in analyse_document(Document("a", text, None, language)).figures
    ]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # `injuring` takes 31 as its object: the trams were not injured
        (
            "Two trams collided in Leipzig on Monday evening, injuring 31 people, police said.",
            ("Two trams", "noun:tram", "", ""),
        ),
        # a comma sets `one` apart: the officers were injured, not detained
        (
            "Nine police officers were injured, one of them seriously, and 17 people were detained.",
            ("Nine police", "police", "injured", ""),
        ),
        # `dead` describes the fish measured, it is no verb of the amount
        (
            "More than 12 tonnes of dead fish have been pulled from the lake.",
            ("More than 12 tonnes", "unit:t", "", ""),
        ),
        # passengers travel, and `stay away` is an adverb: neither is a count of away fans
        (
            "Some 150 passengers were travelling on the two vehicles at the time.",
            ("Some 150 passengers", "passengers", "", ""),
        ),
        (
            "Authorities banned swimming at 11 beaches and told anglers to stay away.",
            ("11 beaches", "beaches", "", ""),
        ),
        # a singular unit before its noun
        (
            "Kössler has run the 45-hectare estate for four generations.",
            ("45-hectare estate", "unit:ha", "", ""),
        ),
    ],
)
def test_which_figure_a_word_belongs_to(text: str, figure: tuple[str, str, str, str]) -> None:
    assert _figures(text)[0] == figure


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Eine Bahn der Linie 12 krachte in einen Zug der Linie 4.", "de"),
        ("A tram on route 12 slammed into the side of a route 4 tram.", "en"),
        ("Der Zug fuhr auf Gleis 3 ein.", "de"),
    ],
)
def test_the_name_of_a_line_is_no_figure(text: str, language: str) -> None:
    assert _figures(text, language) == []


def test_routes_of_two_reports_do_not_meet() -> None:
    docs = [
        Document("de", "Eine Bahn der Linie 12 krachte in einen Zug der Linie 4.", date(2026, 2, 10), "de"),
        Document(
            "en", "A tram on route 12 slammed into the side of a route 4 tram.", date(2026, 2, 10), "en"
        ),
    ]
    assert [s for s in suggest(docs) if s.reason == "number"] == []


@pytest.mark.parametrize(
    ("first", "later", "relation"),
    [
        # an estate's area stays: a larger figure days later is a contradiction
        (
            "Das Weingut Kößler bei Bad Dürkheim bewirtschaftet 38 Hektar Rebfläche.",
            "Near Bad Dürkheim, Kössler's family has run the 45-hectare estate for generations.",
            "contradicts",
        ),
        # a fire spreads over more
        (
            "Das Feuer bei Kienwerder hat sich auf 800 Hektar ausgebreitet.",
            "The fire near Kienwerder has spread to 1,200 hectares.",
            "updates",
        ),
    ],
)
def test_an_area_updates_only_when_something_spreads_over_it(first: str, later: str, relation: str) -> None:
    docs = [Document("de", first, date(2026, 5, 6), "de"), Document("en", later, date(2026, 5, 11), "en")]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == [relation]


@pytest.mark.parametrize(
    ("text", "language", "figure"),
    [
        # drowning is dying: the drowned are dead
        ("Mindestens fünf Menschen sind im Rhein ertrunken.", "de", ("dead", "")),
        ("At least five people have drowned in the Rhine.", "en", ("dead", "")),
        # one day's part of a total: `allein am Sonntag`, `on Sunday alone`
        ("Allein am Sonntag ertranken zwei Menschen im Rhein.", "de", ("dead", "alone")),
        ("Two people drowned on Sunday alone.", "en", ("dead", "alone")),
        # a place's part is what an outlet of that place reports as its figure
        ("Allein in Köln ertranken zwei Menschen.", "de", ("dead", "")),
    ],
)
def test_the_drowned_are_dead_and_a_days_part_is_a_part(
    text: str, language: str, figure: tuple[str, str]
) -> None:
    found = analyse_document(Document("a", text, None, language)).figures[0]
    assert (found.counts, found.qualifier) == figure


def test_one_days_drowned_do_not_contradict_the_total() -> None:
    docs = [
        Document("de", "Seit Beginn der Hitzewelle sind sieben Menschen ertrunken.", date(2026, 7, 23), "de"),
        Document("de2", "Allein am Donnerstag ertranken drei Menschen.", date(2026, 7, 24), "de"),
    ]
    assert [s for s in suggest(docs) if s.reason == "number"] == []


@pytest.mark.parametrize(
    ("early", "late", "relation"),
    [
        # days a trial or a strike has lasted only grow: fewer later is a contradiction
        (
            "Der Prozess lief über 31 Verhandlungstage.",
            "Das Urteil fiel nach 23 Verhandlungstagen.",
            "contradicts",
        ),
        (
            "Der Prozess lief bisher 12 Verhandlungstage.",
            "Das Urteil fiel nach 23 Verhandlungstagen.",
            "updates",
        ),
        (
            "Die Gewerkschaft zählt 9 Streiktage.",
            "Die Gewerkschaft zählt inzwischen 6 Streiktage.",
            "contradicts",
        ),
    ],
)
def test_days_something_lasted_only_grow(early: str, late: str, relation: str) -> None:
    docs = [
        Document("a", early, date(2026, 11, 10), "de"),
        Document("b", late, date(2026, 11, 14), "de"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == [relation]
