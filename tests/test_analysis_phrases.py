"""Phrases that say what befell the counted, or where they are now (issue 15): in a hospital
bed, in custody; and what such a count does from one report to the next."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import relations

from tui.core.analysis import Document, analyse_document, suggest


@pytest.mark.parametrize(
    ("text", "language", "counts"),
    [
        ("Neun Verletzte blieben über Nacht im Krankenhaus.", "de", "hospitalised"),
        ("Nur noch drei Patienten werden stationär behandelt.", "de", "hospitalised"),
        ("Zwei Patienten liegen noch in der Klinik.", "de", "hospitalised"),
        ("The number of people in custody has risen to five.", "en", "arrests"),
        ("Vier Verdächtige sitzen in Untersuchungshaft.", "de", "arrests"),
        # who works in a hospital, and its beds, are not in it as patients
        ("In der Klinik arbeiten rund 2.000 Beschäftigte.", "de", "employees"),
        ("Im Krankenhaus stehen 400 Betten bereit.", "de", "beds"),
        # helicopters that fly the injured to hospitals are not in hospital themselves
        ("Drei Hubschrauber flogen Verletzte in Kliniken.", "de", "helicopters"),
    ],
)
def test_where_the_counted_are_now(text: str, language: str, counts: str) -> None:
    figure = analyse_document(Document("a", text, None, language)).figures[0]
    assert figure.counts == counts
    assert figure.predicate != "hospitalised" or counts == "hospitalised"


def test_patients_still_in_hospital_days_later_update_the_count() -> None:
    docs = [
        Document("a", "Nine people remained in hospital overnight.", date(2026, 2, 10), "en"),
        Document("b", "Nur noch drei Patienten werden stationär behandelt.", date(2026, 2, 12), "de"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == ["updates"]


def test_people_in_custody_days_later_update_the_arrests() -> None:
    docs = [
        Document("a", "Three people were arrested on Tuesday.", date(2026, 5, 5), "en"),
        Document("b", "The number of people in custody has risen to five.", date(2026, 5, 11), "en"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == ["updates"]


@pytest.mark.parametrize(
    ("later", "relation"),
    [
        ("Nach einer Überprüfung seien mehr als 6.100 Stimmen doppelt gezählt worden.", "updates"),
        ("After a recount, officials said 6,100 votes had been counted twice.", "updates"),
        ("According to the latest figures, 6,100 votes were counted twice.", "updates"),
        # a day apart and no word of a revision: two reports of one moment disagree
        ("Officials said 6,100 votes had been counted twice.", "contradicts"),
    ],
)
def test_a_count_revised_by_a_review_a_day_later_updates(later: str, relation: str) -> None:
    language = "de" if later.startswith("Nach") else "en"
    docs = [
        Document("a", "Nearly 3,800 votes were counted twice, officials said.", date(2026, 9, 28), "en"),
        Document("b", later, date(2026, 9, 29), language),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == [relation]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Three people were arrested in Frankenthal.",
            "Zwei Verdächtige wurden in Frankenthal festgenommen.",
        ),
        ("Police arrested 15 protesters in Brussels.", "Die Polizei meldete in Brüssel zwölf Festnahmen."),
    ],
)
def test_people_arrested_are_arrests_whoever_they_are(first: str, second: str) -> None:
    docs = [Document("en", first, date(2026, 5, 5), "en"), Document("de", second, date(2026, 5, 5), "de")]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == ["contradicts"]


@pytest.mark.parametrize(
    ("first", "later"),
    [
        (
            "Three people were arrested in Frankenthal.",
            "Two more suspects were detained in Frankenthal, bringing the total to five.",
        ),
        (
            "Bei dem Unglück in Kerbach starben neun Menschen.",
            "Die Zahl der Toten in Kerbach liegt nun bei zwölf.",
        ),
        ("Nine people died in the Kerbach disaster.", "The death toll in Kerbach is now 12, officials said."),
    ],
)
def test_a_new_total_a_day_later_updates(first: str, later: str) -> None:
    docs = [
        Document("a", first, date(2026, 5, 5), "de" if " der " in first else "en"),
        Document("b", later, date(2026, 5, 6), "de" if " der " in later else "en"),
    ]
    assert "updates" in [s.relation for s in suggest(docs) if s.reason == "number"]


def test_fewer_than_before_a_day_later_updates() -> None:
    docs = [
        Document("a", "Neun Verletzte blieben über Nacht im Krankenhaus.", date(2026, 2, 10), "de"),
        Document("b", "Nur noch drei Patienten liegen in der Klinik.", date(2026, 2, 11), "de"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == ["updates"]


def test_a_plan_and_a_fact_of_one_quantity_meet() -> None:
    found = relations(
        "number",
        ("Der Konzern streicht 1.200 Stellen in Sachsen.", "de"),
        ("The company plans to cut 1,200 jobs in Saxony.", "en"),
    )
    assert found == ["corroborates"]


def test_a_fear_and_a_fact_do_not_meet() -> None:
    found = relations(
        "number",
        ("Der Konzern streicht 1.200 Stellen in Sachsen.", "de"),
        ("Unions fear the company could cut 3,000 jobs in Saxony.", "en"),
    )
    assert found == []


def test_what_is_to_come_as_reported_meets_the_fact() -> None:
    found = relations(
        "number",
        ("Der Konzern streicht 1.200 Stellen in Sachsen.", "de"),
        ("The company said it would cut 1,200 jobs in Saxony.", "en"),
    )
    assert found == ["corroborates"]


@pytest.mark.parametrize(
    ("text", "language", "counts"),
    [
        ("Ein Mensch wurde leicht verletzt.", "de", "injured"),
        ("One man suffered minor injuries.", "en", "injured"),
        ("A worker was killed.", "en", "dead"),
        ("Eine Angestellte wurde leicht verletzt.", "de", "injured"),
        ("Eine Tote wurde geborgen.", "de", "dead"),
        ("One body has been recovered.", "en", "dead"),
        ("Ein Seemann konnte nur noch tot geborgen werden.", "de", "dead"),
        ("Ein Skifahrer ist ums Leben gekommen.", "de", "dead"),
        ("A hiker died.", "en", "dead"),
    ],
)
def test_one_person_something_befell_is_a_count_of_one(text: str, language: str, counts: str) -> None:
    figures = analyse_document(Document("a", text, None, language)).figures
    assert [(f.counts, f.quantity.value) for f in figures] == [(counts, 1.0)]


def test_one_person_without_anything_befalling_is_no_count() -> None:
    assert analyse_document(Document("a", "Ein Mann sprach von Glück.", None, "de")).figures == []


def test_a_toll_of_one_grows_into_an_update() -> None:
    docs = [
        Document("a", "Ein Mensch wurde leicht verletzt.", date(2026, 3, 4), "de"),
        Document("b", "Die Zahl der Verletzten ist inzwischen auf drei gestiegen.", date(2026, 3, 6), "de"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == ["updates"]


@pytest.mark.parametrize("noun", ["Badetoten", "Verkehrstote", "Hitzetoten"])
def test_a_compound_of_the_dead_counts_the_dead(noun: str) -> None:
    figures = analyse_document(Document("a", f"Die Zahl der {noun} stieg auf zwölf.", None, "de")).figures
    assert [f.counts for f in figures] == ["dead"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "A young woman was killed and at least 34 people were injured.",
            "en",
            [("dead", 1.0), ("injured", 34.0)],
        ),
        ("One person died and two were injured.", "en", [("dead", 1.0), ("injured", 2.0)]),
        (
            "Eine Frau starb und mindestens 27 Menschen wurden verletzt.",
            "de",
            [("dead", 1.0), ("injured", 27.0)],
        ),
    ],
)
def test_an_and_before_another_figure_opens_its_clause(
    text: str, language: str, expected: list[tuple[str, float]]
) -> None:
    figures = analyse_document(Document("a", text, None, language)).figures
    assert [(f.counts, f.quantity.value) for f in figures] == expected


def test_a_wall_s_height_is_of_now_whenever_it_was_built() -> None:
    docs = [
        Document(
            "a",
            "Die 1968 in Betrieb genommene Staumauer in Lindau ist 46 Meter hoch.",
            date(2026, 9, 4),
            "de",
        ),
        Document("b", "Die 52 Meter hohe Mauer in Lindau hielt dem Druck stand.", date(2026, 9, 5), "de"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == ["contradicts"]
