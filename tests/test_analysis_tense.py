"""German tense and mood that decide when a figure or a date is (issue 15): a date of the
event a clause comes after is behind, whatever its verb (`werden ... behandelt`); a present
passive of a date is ahead (`Am Montag wird das Urteil verkündet`); `soll` with a perfect
infinitive says what someone reportedly did, not a plan; a date of the event a figure comes
after is not the figure's own; a year that names a thing (`die 1961 gegründete Firma`) is not
the figure's date, and a figure of a year long past is no figure of the story."""

from __future__ import annotations

from datetime import date

import pytest

from tui.core.analysis import Document, analyse_document, suggest
from tui.core.analysis.dates import dates


@pytest.mark.parametrize(
    ("text", "published", "label"),
    [
        # after an event of Sunday: the Sunday before the Thursday of the report
        (
            "Nach dem Zusammenstoß am Sonntagabend werden nur noch drei Patienten behandelt.",
            date(2026, 2, 12),
            "8 February 2026",
        ),
        # a future, a present passive of a date, a passive of expecting: all ahead
        ("Am Montag wird das Urteil verkündet.", date(2026, 2, 12), "16 February 2026"),
        ("Am Sonntag werden die Ergebnisse vorliegen.", date(2026, 2, 12), "15 February 2026"),
        ("Beschlüsse werden erst im Juni erwartet.", date(2026, 3, 19), "June 2026"),
        # `soll ... gewesen sein`: reportedly, in the past
        ("Der Täter soll am Montag in Köln gewesen sein.", date(2026, 2, 12), "9 February 2026"),
        ("Der Ausschuss soll am Montag tagen.", date(2026, 2, 12), "16 February 2026"),
    ],
)
def test_passive_and_reported_past_are_no_future(text: str, published: date, label: str) -> None:
    assert [d.label() for d in dates(text, published, "de")] == [label]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Er soll etwa 1,5 Millionen Liter Rioja eingekauft und umetikettiert haben.", ""),
        ("Die Firma soll bis Ende Juni 200 Stellen abbauen.", "planned"),
    ],
)
def test_reportedly_is_no_plan(text: str, modality: str) -> None:
    assert analyse_document(Document("a", text, None, "de")).figures[0].modality == modality


def test_the_date_of_the_event_a_figure_comes_after_is_not_its_own() -> None:
    text = "Nach dem Zusammenstoß am Sonntagabend werden nur noch drei Patienten stationär behandelt."
    figure = analyse_document(Document("a", text, date(2026, 2, 12), "de")).figures[0]
    assert (figure.as_of_from, figure.as_of and figure.as_of.label()) == ("published", "12 February 2026")


def test_what_someone_reportedly_bought_corroborates_the_fact() -> None:
    docs = [
        Document("de", "Er soll etwa 1,5 Millionen Liter Rioja eingekauft haben.", date(2026, 5, 6), "de"),
        Document("en", "He is suspected of buying some 1.5 million litres of Rioja.", date(2026, 5, 5), "en"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == ["corroborates"]


@pytest.mark.parametrize(
    ("text", "language", "as_of"),
    [
        # the year names the company by its founding: the employees are counted now
        ("Die 1961 gegründete Brauerei beschäftigt 80 Menschen.", "de", ("published", "6 March 2026")),
        ("The brewery, founded in 1964, employs 80 people.", "en", ("published", "6 March 2026")),
        ("The bridge opened in 1972 carries 30,000 cars a day.", "en", ("published", "6 March 2026")),
        # a year the clause is of: its figure is of then
        ("Im Jahr 2016 beschäftigte die Brauerei 120 Menschen.", "de", ("sentence", "2016")),
    ],
)
def test_a_year_that_names_a_thing_is_not_the_figures_date(
    text: str, language: str, as_of: tuple[str, str]
) -> None:
    figure = analyse_document(Document("a", text, date(2026, 3, 6), language)).figures[0]
    assert (figure.as_of_from, figure.as_of and figure.as_of.label()) == as_of


def test_a_figure_of_a_year_long_past_is_none_of_the_story() -> None:
    docs = [
        Document("de", "Im Jahr 2016 betrieb die Kette mehr als 170 Filialen.", date(2026, 3, 6), "de"),
        Document("de2", "Die Kette betreibt noch 104 Filialen.", date(2026, 3, 12), "de"),
    ]
    assert [s for s in suggest(docs) if s.reason == "number"] == []
