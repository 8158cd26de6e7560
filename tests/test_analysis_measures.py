"""Prison terms and magnitudes: figures whose phrase says what they measure."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import relations

from tui.core.analysis import Document, analyse_document
from tui.core.analysis.compare import transposed

DAY = date(2026, 3, 5)


def _measured(text: str, language: str) -> list[tuple[str, float]]:
    found = analyse_document(Document("a", text, DAY, language)).figures
    return [(f.counts, f.quantity.value) for f in found if f.counts]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Der Angeklagte wurde zu sechs Jahren und neun Monaten Haft verurteilt.", "de", ("prison term", 81)),
        ("He was sentenced to six years and nine months in prison.", "en", ("prison term", 81)),
        ("Das Gericht verhängte eine Haftstrafe von acht Jahren.", "de", ("prison term", 96)),
        ("He received an eight-year prison sentence.", "en", ("prison term", 96)),
        ("The court jailed him for seven years.", "en", ("prison term", 84)),
        ("Sie erhielt eine Bewährungsstrafe von zwei Jahren.", "de", ("suspended sentence", 24)),
        ("He was given an 18-month suspended sentence.", "en", ("suspended sentence", 18)),
        ("Er wurde zu zwei Jahren auf Bewährung verurteilt.", "de", ("suspended sentence", 24)),
        ("Die Staatsanwaltschaft hatte neun Jahre gefordert.", "de", ("prison term demanded", 108)),
        ("Prosecutors had sought nine years.", "en", ("prison term demanded", 108)),
        ("Das Beben hatte eine Stärke von 6,2.", "de", ("magnitude", 6.2)),
        ("Das Beben der Stärke 5,9 erschütterte die Region.", "de", ("magnitude", 5.9)),
        ("The quake had a magnitude of 6.4.", "en", ("magnitude", 6.4)),
        ("A 6.4-magnitude quake struck.", "en", ("magnitude", 6.4)),
    ],
)
def test_terms_in_months_and_magnitudes(text: str, language: str, expected: tuple[str, float]) -> None:
    assert _measured(text, language) == [expected]


@pytest.mark.parametrize(
    ("text", "language"),
    [("Der Prozess dauerte zwei Jahre.", "de"), ("He has worked at the firm for ten years.", "en")],
)
def test_a_span_without_a_penalty_is_no_term(text: str, language: str) -> None:
    """At most how long the trial lasted (a duration, in hours): no prison term."""
    assert [counts for counts, _ in _measured(text, language) if not counts.startswith("duration:")] == []


def test_two_years_suspended_and_18_months_suspended_contradict() -> None:
    found = relations(
        "number",
        ("Sie erhielt eine Bewährungsstrafe von zwei Jahren.", "de", DAY),
        ("She was given an 18-month suspended sentence.", "en", DAY),
    )
    assert found == ["contradicts"]


def test_a_later_report_of_another_term_contradicts_and_does_not_update() -> None:
    found = relations(
        "number",
        ("Das Gericht verhängte eine Haftstrafe von acht Jahren.", "de", DAY),
        ("The court jailed him for seven years.", "en", date(2026, 3, 20)),
    )
    assert found == ["contradicts"]


def test_the_term_asked_for_is_not_the_term_imposed() -> None:
    found = relations(
        "number",
        ("Die Staatsanwaltschaft hatte neun Jahre Haft gefordert.", "de", DAY),
        ("The court jailed him for seven years.", "en", DAY),
    )
    assert found == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The 38-year-old guide survived.", "en", ("noun:guid", 38)),
        ("Der 43-jährige Bergführer überlebte.", "de", ("noun:bergführ", 43)),
        ("Ein 54 Jahre alter Spaziergänger wurde verletzt.", "de", ("noun:spaziergäng", 54)),
        ("Der 45-Jährige wurde verletzt.", "de", ("noun:person", 45)),
        # spelled out, and a person by sex or age is anyone
        ("An eight-year-old girl was taken to hospital.", "en", ("noun:person", 8)),
        ("Ein neunjähriges Mädchen kam ins Krankenhaus.", "de", ("noun:person", 9)),
        ("The 17-year-old died in hospital.", "en", ("noun:person", 17)),
        # a nationality before the noun; the noun in the singular
        ("A 47-year-old Dutch tourist was injured.", "en", ("tourists", 47)),
        # an age set off after a name or a noun is anyone's
        ("Raymond Kowalczyk, 52, was arrested on Monday.", "en", ("noun:person", 52)),
        ("Der Geiselnehmer (47) ergab sich am Abend.", "de", ("noun:person", 47)),
    ],
)
def test_an_age_is_of_the_person_its_noun_names(
    text: str, language: str, expected: tuple[str, float]
) -> None:
    figures = analyse_document(Document("a", text, DAY, language)).figures
    assert [(f.counts, f.quantity.value) for f in figures if f.qualifier == "age"] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Die Brücke ist 50 Jahre alt.",
        "Am Montag, 12. Mai, begann der Prozess.",  # a date, not an age
        "In Bonn, 52 Kilometer entfernt, brannte es.",  # a distance
        "Kowalczyk, 5, 6 und 7 sind Hausnummern.",  # one figure only
        "Seite (120) zeigt das Foto.",  # no age of a person over 99
    ],
)
def test_no_person_s_age(text: str) -> None:
    figures = analyse_document(Document("a", text, DAY, "de")).figures
    assert [f for f in figures if f.qualifier == "age"] == []


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # anyone's age meets a named person's: the man is the runner
        (("A 47-year-old man fell.", "en"), ("The 52-year-old runner fell.", "en"), ["contradicts"]),
        (("Ray Kowalczyk, 52, was held.", "en"), ("A 55-year-old clerk was held.", "en"), ["contradicts"]),
        (("Kovalenko, 58, schwieg.", "de"), ("Die 58-jährige Pflegerin schwieg.", "de"), ["corroborates"]),
    ],
)
def test_anyone_s_age_meets_a_named_person_s(
    first: tuple[str, str], second: tuple[str, str], expected: list[str]
) -> None:
    assert relations("number", first, second) == expected


def test_anyone_s_age_meets_no_person_of_a_far_other_age_and_no_age_is_updated() -> None:
    """The robber of 41 is not the clerk of 58, whatever a later report corrects."""
    found = relations(
        "number",
        ("The man, a 41-year-old from the region, entered the bank.", "en", DAY),
        (
            "Anders als zunächst gemeldet wurde eine 58 Jahre alte Bankangestellte verletzt.",
            "de",
            date(2026, 3, 12),
        ),
    )
    assert found == []


def test_anyone_s_age_stays_away_when_its_report_names_that_person_s_age() -> None:
    """`Der 54-jährige Pilot ... ein 60-Jähriger`: the 60 is a passenger's."""
    found = relations(
        "number",
        ("Der 54-jährige Pilot landete. Ein 60-Jähriger wurde verletzt.", "de"),
        ("Der 45 Jahre alte Pilot landete.", "de"),
    )
    assert found == ["contradicts"]


def test_two_ages_of_one_person_contradict_and_an_age_meets_no_count() -> None:
    found = relations(
        "number",
        ("Der 45-jährige Spaziergänger wurde verletzt, drei Spaziergänger blieben unverletzt.", "de", DAY),
        ("Ein 54 Jahre alter Spaziergänger wurde verletzt.", "de", date(2026, 3, 9)),
    )
    assert found == ["contradicts"]


def test_counts_linked_both_ways_take_one_name() -> None:
    from tui.core.analysis.bilingual import one_name_each

    links = [("noun:guid", "noun:bergführ"), ("noun:bergführ", "noun:guid"), ("noun:tote", "dead")]
    assert one_name_each(links, {"noun:guid"}) == {"noun:bergführ": "noun:guid", "noun:tote": "dead"}


def test_a_term_is_of_its_report_whatever_years_the_crime_spans() -> None:
    found = relations(
        "number",
        ("Der Pfleger erhielt eine Bewährungsstrafe von zwei Jahren.", "de", DAY),
        ("For fraud between 2016 and 2021 he was given an 18-month suspended sentence.", "en", DAY),
    )
    assert found == ["contradicts"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("He was sentenced to six and a half years in prison.", "en", ("prison term", 78)),
        ("Er wurde zu siebeneinhalb Jahren Haft verurteilt.", "de", ("prison term", 90)),
        ("Die Anklage forderte anderthalb Jahre Haft.", "de", ("prison term demanded", 18)),
    ],
)
def test_terms_with_a_half(text: str, language: str, expected: tuple[str, float]) -> None:
    assert _measured(text, language) == [expected]


def test_wind_force_is_no_magnitude() -> None:
    assert _measured("Der Sturm erreichte Windstärke neun.", "de") == []


def test_spans_of_one_closure_compare_in_hours() -> None:
    found = relations(
        "number",
        ("Die Schule in Lindau bleibt für mindestens zwei Wochen geschlossen.", "de", DAY),
        ("The Lindau school will be closed for ten days.", "en", DAY),
    )
    assert found == ["contradicts"]


def test_how_long_an_operation_lasted_compares_across_languages() -> None:
    found = relations(
        "number",
        ("Der Einsatz der Bergretter dauerte rund neun Stunden.", "de", DAY),
        ("The rescuers' operation lasted 14 hours.", "en", DAY),
    )
    assert found == ["contradicts"]


def test_a_sample_s_concentration_is_measured_once() -> None:
    found = relations(
        "number",
        ("Die A-Probe von Lindau enthielt 3,8 Nanogramm pro Milliliter.", "de", DAY),
        ("Die A-Probe von Lindau enthielt 8,3 Nanogramm pro Milliliter.", "de", date(2026, 3, 12)),
    )
    assert found == ["contradicts"]


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        # a share or a sum told two ways by two reports is one figure misreported ...
        (
            "Passengers were offered a refund of 25 per cent of their fare.",
            "Passengers were offered a refund of 30 per cent of their fare.",
            ["contradicts"],
        ),
        (
            "Der Schaden am Umspannwerk beträgt etwa zwei Millionen Euro.",
            "Der Schaden am Umspannwerk beträgt bis zu fünf Millionen Euro.",
            ["contradicts"],
        ),
        # ... unless the later report says it moved
        (
            "Der Schaden am Umspannwerk beträgt etwa zwei Millionen Euro.",
            "Der Schaden am Umspannwerk wird inzwischen auf fünf Millionen Euro geschätzt.",
            ["updates"],
        ),
        (
            "Die Polizei setzte für Hinweise zum Umspannwerk eine Belohnung von 5.000 Euro aus.",
            "Die Polizei hat die Belohnung für Hinweise zum Umspannwerk auf 10.000 Euro erhöht.",
            ["updates"],
        ),
        # a hundredfold apart: amounts of other things
        (
            "Der Schaden am Umspannwerk beträgt etwa zwei Millionen Euro.",
            "Der Schaden am Umspannwerk beträgt 20.000 Euro.",
            [],
        ),
    ],
)
def test_a_later_share_or_sum_disagrees_unless_it_says_it_moved(
    earlier: str, later: str, expected: list[str]
) -> None:
    language = "en" if earlier.startswith("Passengers") else "de"
    found = relations("number", (earlier, language, DAY), (later, language, date(2026, 3, 12)))
    assert found == expected


@pytest.mark.parametrize(
    ("x", "y", "swapped"),
    [
        (2.4e6, 4.2e6, True),
        (83_000, 38_000, True),
        (1.2, 2.1, True),
        (189, 198, True),
        (1653, 1658, False),  # one digit differs: a figure, not a slip
        (12, 120, False),  # another magnitude
        (5, 5, False),
        (100, 100.0, False),
    ],
)
def test_transposed_digits(x: float, y: float, swapped: bool) -> None:
    assert transposed(x, y) is swapped


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [
        (
            "Rund 2,4 Millionen Kunden waren betroffen.",
            "About 4.2 million customers were affected.",
            "contradicts",
        ),
        (
            "Rund 2,4 Millionen Kunden waren betroffen.",
            "About 3.1 million customers were affected.",
            "updates",
        ),
        ("Der Meteorit wiegt rund 1,2 Kilogramm.", "The meteorite weighs 2.1 kilograms.", "contradicts"),
    ],
)
def test_swapped_digits_a_day_later_are_a_slip_not_an_update(first: str, later: str, expected: str) -> None:
    found = relations("number", (first, "de", date(2026, 3, 1)), (later, "en", date(2026, 3, 3)))
    assert found == [expected]


@pytest.mark.parametrize(
    ("text", "language", "counts", "hours"),
    [
        ("Der Brand war nach rund sechs Stunden gelöscht.", "de", "duration:after fire", 6.0),
        ("The fire was put out after nearly 11 hours.", "en", "duration:after fire", 11.0),
        ("Die A7 war rund sechs Stunden gesperrt.", "de", "duration:closed", 6.0),
        ("Das Amt rechnet mit einer Sperrung von mindestens drei Wochen.", "de", "duration:closed", 504.0),
        ("Der Streik soll 48 Stunden dauern.", "de", "duration:strike", 48.0),
        ("Fast drei Stunden lang fiel der Strom aus.", "de", "duration:unnamed event", 3.0),
        ("Power was restored after about 90 minutes.", "en", "duration:unnamed event", 1.5),
        (
            "It took keepers and vets nearly five hours to recapture them.",
            "en",
            "duration:unnamed event",
            5.0,
        ),
    ],
)
def test_how_long_something_lasted_said_before_or_after_the_span(
    text: str, language: str, counts: str, hours: float
) -> None:
    figure = analyse_document(Document("a", text, DAY, language)).figures[0]
    assert (figure.counts, figure.quantity.value) == (counts, hours)


_DE_SAID = " Das sagte Sprecherin Anna Kramer von den Stadtwerken Lindau."
_EN_SAID = " That is what Anna Kramer of the Stadtwerke Lindau said."


@pytest.mark.parametrize(
    ("german", "english", "expected"),
    [
        (
            "Fast drei Stunden lang fiel der Strom aus.",
            "Power was restored after about 90 minutes.",
            ["contradicts"],
        ),
        (
            "Nach knapp zwei Stunden war alles vorbei.",
            "It was over within about two hours.",
            ["corroborates"],
        ),
        # two spans in one report: which one the other report's is, no rule can say
        (
            "Nach zwei Stunden war alles vorbei, nach vier Tagen die Straße frei.",
            "It was over within five hours.",
            [],
        ),
    ],
)
def test_each_report_s_only_span_of_one_story_compares(
    german: str, english: str, expected: list[str]
) -> None:
    found = relations("number", (german + _DE_SAID, "de", DAY), (english + _EN_SAID, "en", DAY))
    assert found == expected


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        # passengers a disruption affected add up as it goes on ...
        ("Insgesamt waren in Lindau mehr als 6.500 Fluggäste betroffen.", ["updates"]),
        # ... and fewer of them later is no update
        ("Insgesamt waren in Lindau 1.500 Fluggäste betroffen.", ["contradicts"]),
    ],
)
def test_passengers_affected_add_up(later: str, expected: list[str]) -> None:
    found = relations(
        "number",
        ("Am Flughafen Lindau waren rund 3.000 Passagiere betroffen.", "de", DAY),
        (later, "de", date(2026, 3, 8)),
    )
    assert found == expected
