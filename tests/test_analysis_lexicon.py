"""Kinds of things and events the lexicon names in both languages (issue 15): officers,
searched premises, beaches; a raid, a runoff apart from the election before it; and a date
that belongs to another clause than the event word before it."""

from __future__ import annotations

from datetime import date

import pytest

from tui.core.analysis import Document, analyse_document, suggest


@pytest.mark.parametrize(
    ("text", "language", "counts"),
    [
        ("Rund 220 Beamte von Polizei und Zoll waren im Einsatz.", "de", "police"),
        ("Die Ermittler durchsuchten 14 Objekte in drei Ländern.", "de", "premises"),
        ("German investigators on Tuesday searched 17 properties.", "en", "premises"),
        ("Die Region verhängte ein Badeverbot an elf Badestellen.", "de", "beaches"),
        ("Authorities have banned swimming at 11 beaches.", "en", "beaches"),
        # a disease's cases are its sick
        ("Bislang sind 14 Menschen an Legionellen erkrankt.", "de", "sick"),
        ("Health officials reported 14 confirmed cases of Legionnaires' disease.", "en", "sick"),
        ("Die Zahl der Neuinfektionen stieg auf 27.", "de", "sick"),
        # one person, and the missing named by their adjective
        ("One person remains missing.", "en", "missing"),
        ("Mudslide buries homes, two missing", "en", "missing"),
        # brought to safety: evacuated, whatever the word order
        ("Die Behörden brachten vorsorglich 120 Bewohner in Sicherheit.", "de", "evacuees"),
    ],
)
def test_what_is_counted(text: str, language: str, counts: str) -> None:
    assert analyse_document(Document("a", text, None, language)).figures[0].counts == counts


def test_premises_searched_meet_across_languages() -> None:
    docs = [
        Document("de", "Die Ermittler durchsuchten am Dienstag 14 Objekte.", date(2026, 5, 6), "de"),
        Document("en", "German investigators on Tuesday searched 17 properties.", date(2026, 5, 5), "en"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == ["contradicts"]


def _events(text: str, published: date, language: str = "en") -> list[tuple[str, str]]:
    return [
        (e.kind, e.date.label()) for e in analyse_document(Document("a", text, published, language)).events
    ]


@pytest.mark.parametrize(
    ("text", "language", "events"),
    [
        # a runoff is its own event, not the election weeks before it
        ("Am 11. Oktober kommt es in Wendberg zu einer Stichwahl.", "de", [("runoff", "11 October 2026")]),
        ("Kowalski will face Yildiz in a runoff on October 11.", "en", [("runoff", "11 October 2026")]),
        (
            "The raids last Wednesday targeted the estate near Bad Dürkheim.",
            "en",
            [("raid", "30 September 2026")],
        ),
        # a Mure is a landslide; a whale sighted was discovered
        ("Am Dienstag ging oberhalb des Dorfes eine Mure ab.", "de", [("landslide", "29 September 2026")]),
        ("Der Wal wurde am Sonntag erstmals gesichtet.", "de", [("discovered", "4 October 2026")]),
        # the date is the saying's, before what was said: not the accident's
        ("Die LVB bestätigten am Dienstag, dass die Ampel kurz vor dem Unfall gestört war.", "de", []),
        ("The operator confirmed on Tuesday that the signal failed before the accident.", "en", []),
        # the date is the confirming's, in the clause `after` opens, not the runoff's
        (
            "Kowalski will face a runoff after the committee confirmed on Thursday that votes were lost.",
            "en",
            [],
        ),
    ],
)
def test_events_and_their_dates(text: str, language: str, events: list[tuple[str, str]]) -> None:
    found = [e for e in _events(text, date(2026, 10, 5), language) if e[0] != "unnamed event"]
    assert found == events


def test_a_runoff_and_the_election_do_not_contradict() -> None:
    docs = [
        Document("de", "Bei der Wahl in Wendberg am 27. September siegte Kowalski.", date(2026, 9, 28), "de"),
        Document("en", "In Wendberg, Kowalski faces a runoff on October 11.", date(2026, 10, 1), "en"),
    ]
    assert [s for s in suggest(docs) if s.reason == "date"] == []


def test_a_lawyer_speaks_for_the_client_in_either_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSREAD_DING", "")  # the lexicon alone
    docs = [
        Document("de", "Ein Anwalt des Weinguts dementierte, dass Rioja beigemischt worden sei.", None, "de"),
        Document("en", "A lawyer for the estate confirmed that Rioja had been blended.", None, "en"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "stance"] == ["contradicts"]


@pytest.mark.parametrize(
    ("text", "language", "figures"),
    [
        # a German noun from an adjective in its -n form
        ("Die Zahl der Demonstrierenden bezifferte die Polizei auf etwa 8.000.", "de", [("protesters", "")]),
        # a strong verb's infinitive; and a part of the arrested, named after `darunter`
        (
            "Die Staatsanwaltschaft ließ vier Personen festnehmen, darunter zwei Schichtaufseher.",
            "de",
            [("arrests", ""), ("arrests", "among")],
        ),
        # a part that counts another noun is a count of its own
        ("There were 50 people on board, including two drivers.", "en", [("people", ""), ("drivers", "")]),
    ],
)
def test_counts_and_their_parts(text: str, language: str, figures: list[tuple[str, str]]) -> None:
    found = analyse_document(Document("a", text, None, language)).figures
    assert [(f.counts, f.qualifier) for f in found] == figures


def test_the_dates_of_a_leak_meet() -> None:
    docs = [
        Document(
            "de",
            "Im Chemiepark Halstedt ist am Dienstagmorgen Ammoniak ausgetreten.",
            date(2026, 6, 10),
            "de",
        ),
        Document("en", "The leak in Halstedt happened on Monday morning.", date(2026, 6, 11), "en"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "date"] == ["contradicts"]


@pytest.mark.parametrize(
    ("de_text", "en_text"),
    [
        # a company's failure: the filing is the event, in either language
        (
            "Die Brauerei Kessler hat am Montag einen Insolvenzantrag gestellt.",
            "Kessler brewery filed for insolvency on March 4.",
        ),
        (
            "Die 1961 gegründete Brauerei Kessler beschäftigt 80 Menschen.",
            "Kessler brewery was founded in 1964.",
        ),
    ],
)
def test_the_dates_of_a_filing_and_a_founding_meet(de_text: str, en_text: str) -> None:
    docs = [
        Document("de", de_text, date(2026, 3, 6), "de"),
        Document("en", en_text, date(2026, 3, 6), "en"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "date"] == ["contradicts"]


@pytest.mark.parametrize(
    ("de_text", "en_text", "relations"),
    [
        # the record of a heatwave, `41.9C` with the sign written onto the number
        (
            "Der Hitzerekord von 40,8 Grad wurde am Montag in Kehl gemessen.",
            "Germany's highest temperature ever, 40.5C, was measured in Kehl on Monday.",
            ["contradicts"],
        ),
        (
            "Am Montag wurden in Kehl 40,8 Grad gemessen.",
            "Kehl measured a record 40.8C on Monday.",
            ["corroborates"],
        ),
        # temperatures of days and places, none the record: other readings
        ("Am Freitag werden in Kehl bis zu 36 Grad erwartet.", "Kehl saw more than 38C on Monday.", []),
    ],
)
def test_a_temperature_meets_another_only_as_the_record(
    de_text: str, en_text: str, relations: list[str]
) -> None:
    docs = [
        Document("de", de_text, date(2026, 7, 21), "de"),
        Document("en", en_text, date(2026, 7, 24), "en"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == relations


@pytest.mark.parametrize(
    ("de_text", "en_text"),
    [("In 43 Gemeinden gilt ein Verbot.", "A ban applies in 61 municipalities.")],
)
def test_municipalities_are_villages(de_text: str, en_text: str) -> None:
    counts = [
        analyse_document(Document("a", t, None, lang)).figures[0].counts
        for t, lang in ((de_text, "de"), (en_text, "en"))
    ]
    assert counts == ["villages", "villages"]
