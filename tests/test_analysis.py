"""The analysis core of issue 15: extractors as tables, round trips as
properties, and the proposals it makes on the bundled corpus."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.analysis import Document, Figure, analyse_document, suggest, suggest_corpus, to_json
from tui.core.analysis.attribution import stance
from tui.core.analysis.dates import dates
from tui.core.analysis.fold import fold_bare, fold_name
from tui.core.analysis.lexicon import event_kind, terms_in
from tui.core.analysis.mutual import standing
from tui.core.analysis.numbers import Quantity, parse_digits, quantities
from tui.core.analysis.phonetic import cologne
from tui.core.analysis.phrasing import says_change
from tui.core.analysis.segment import sentences
from tui.core.model.corpus import bundled_corpus, load_corpus

# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "language", "value", "low", "high", "hedge", "unit"),
    [
        ("3000 Soldaten", "de", 3000, 3000, 3000, "", ""),
        ("darunter neun Schwerverletzte", "de", 9, 9, 9, "", ""),  # `unter` inside a word is no hedge
        ("3.000 Soldaten", "de", 3000, 3000, 3000, "", ""),
        ("3,000 troops", "en", 3000, 3000, 3000, "", ""),
        ("1,5 Millionen Menschen", "de", 1.5e6, 1.5e6, 1.5e6, "", ""),
        ("780 centimetres", "en", 7.8, 7.8, 7.8, "", "m"),
        ("780 Zentimeter", "de", 7.8, 7.8, 7.8, "", "m"),
        ("45 cm", "de", 0.45, 0.45, 0.45, "", "m"),
        ("120 mm", "en", 0.12, 0.12, 0.12, "", "m"),
        ("800 Hektar", "de", 800, 800, 800, "", "ha"),
        ("1,200 hectares", "en", 1200, 1200, 1200, "", "ha"),
        ("12 Quadratkilometer", "de", 1200, 1200, 1200, "", "ha"),
        ("50 Kilometern pro Stunde", "de", 50, 50, 50, "", "km/h"),
        ("300 Liter", "de", 300, 300, 300, "", "l"),
        ("2 Prozentpunkte", "de", 2, 2, 2, "", "pp"),
        ("48,3 Milliarden Dollar", "de", 48.3e9, 48.3e9, 48.3e9, "", "USD"),
        ("$2.5 billion", "en", 2.5e9, 2.5e9, 2.5e9, "", "USD"),
        ("50%", "de", 50, 50, 50, "", "%"),
        ("50 Prozent", "de", 50, 50, 50, "", "%"),
        ("mindestens 11.000", "de", 11000, 11000, 12650, "at_least", ""),
        ("at least 1,200", "en", 1200, 1200, 1380, "at_least", ""),
        ("etwa 10.000", "de", 10000, 9500, 10500, "about", ""),
        ("rund 1.500", "de", 1500, 1425, 1575, "about", ""),
        ("some 10,000", "en", 10000, 9500, 10500, "about", ""),
        ("bis zu 3000", "de", 3000, 2700, 3000, "up_to", ""),
        ("up to 12,000", "en", 12000, 10800, 12000, "up_to", ""),
        ("fast 29.000", "de", 29000, 26100, 29000, "almost", ""),
        ("almost 50", "en", 50, 45, 50, "almost", ""),
        ("zwischen 3.000 und 5.000", "de", 3000, 3000, 5000, "range", ""),
        ("3,000-5,000", "en", 3000, 3000, 5000, "range", ""),
        ("zwölf", "de", 12, 12, 12, "", ""),
        ("dreitausend", "de", 3000, 3000, 3000, "", ""),
        ("twenty-five", "en", 25, 25, 25, "", ""),
        ("500 m", "de", 500, 500, 500, "", "m"),
        ("1,5 km", "de", 1500, 1500, 1500, "", "m"),
        ("12 Knoten", "de", 12, 12, 12, "", "kn"),
        ("2.000 US-Dollar", "de", 2000, 2000, 2000, "", "USD"),
    ],
)
def test_quantity_table(
    text: str, language: str, value: float, low: float, high: float, hedge: str, unit: str
) -> None:
    found = quantities(text, language=language)
    assert len(found) == 1
    q = found[0]
    assert (q.value, q.hedge, q.unit) == (pytest.approx(value), hedge, unit)
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high, rel=1e-9)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "das 30-fache",
        "den 1.080. Tag",
        "M-1989 Koksan",
        "Version 8.2.8",
        "Web: 10Social",
        "einen Vertrag",
        "one of them",
        "several thousand seats",  # vague, not 1,000
        "mehrere Hundert Fans",
    ],
)
def test_not_quantities(text: str) -> None:
    assert quantities(text) == []


def test_over_is_a_hedge_but_unter_den_is_not() -> None:
    assert quantities("über 10.000 Soldaten")[0].hedge == "more_than"
    assert quantities("Unter den 12.000 Soldaten")[0].hedge == ""


@given(st.integers(min_value=1, max_value=999_999_999))
def test_integer_round_trips_in_both_formats(n: int) -> None:
    english = f"{n:,}"
    german = english.replace(",", ".")
    assert quantities(f"{english} troops", language="en")[0].value == n
    assert quantities(f"{german} Soldaten", language="de")[0].value == n
    assert parse_digits(str(n)) == n


@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=9),
    st.sampled_from([("Millionen", "million", 1e6), ("Milliarden", "billion", 1e9)]),
)
def test_decimal_with_scale_round_trips(whole: int, tenth: int, scale: tuple[str, str, float]) -> None:
    de_word, en_word, factor = scale
    expected = (whole + tenth / 10) * factor
    assert quantities(f"{whole},{tenth} {de_word}", language="de")[0].value == pytest.approx(expected)
    assert quantities(f"{whole}.{tenth} {en_word}", language="en")[0].value == pytest.approx(expected)


@given(st.integers(min_value=2, max_value=999))
def test_spelled_out_round_trips(n: int) -> None:
    # "one" alone is left out on purpose: it is mostly a pronoun ("one of them").
    words = _english_words(n)
    assert quantities(words, language="en")[0].value == n


def _english_words(n: int) -> str:
    ones = (
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
    tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
    parts = []
    if n >= 100:
        parts.append(f"{ones[n // 100]} hundred")
        n %= 100
    if n >= 20:
        parts.append(tens[n // 10] + (f"-{ones[n % 10]}" if n % 10 else ""))
    elif n:
        parts.append(ones[n])
    return " ".join(parts)


# ---------------------------------------------------------------- what is counted


def _figures(text: str, language: str = "de", published: date | None = None) -> list:  # type: ignore[type-arg]
    return analyse_document(Document("a", text, published, language)).figures


@pytest.mark.parametrize(
    ("text", "language", "counts", "predicate", "qualifier"),
    [
        ("Es wurden 27 weitere Personen verletzt.", "de", "injured", "injured", ""),
        ("Das Technische Hilfswerk war mit 350 Helfern vor Ort.", "de", "emergency workers", "deployed", ""),
        ("About 350 rescuers were at the scene.", "en", "emergency workers", "deployed", ""),
        ("Rund 40 Polizisten waren im Einsatz.", "de", "police", "deployed", ""),
        ("Four helicopters were deployed.", "en", "helicopters", "deployed", ""),
        ("Drei Dörfer wurden evakuiert.", "de", "villages", "evacuated", ""),
        ("Zwei Feuerwehrleute erlitten leichte Verletzungen.", "de", "emergency workers", "injured", "minor"),
        ("Die Flammen haben 800 Hektar Wald vernichtet.", "de", "unit:ha", "destroyed", ""),
        ("The club said 41,000 tickets had been sold.", "en", "tickets", "", ""),
        ("Von den 4.500 Mitarbeitern sind 300 Leiharbeiter.", "de", "employees", "", ""),
        ("Unter den 12.000 Soldaten sollen auch 500 Offiziere sein.", "de", "soldiers", "", ""),
        (
            "Nordkorea hat mindestens 11.000 nordkoreanische Soldaten an die Front verlegt.",
            "de",
            "soldiers",
            "deployed",
            "north korea",
        ),
        ("At least 12 people were killed.", "en", "dead", "killed", ""),
        ("Es gab zwölf Tote.", "de", "dead", "", ""),
        ("Rund 200 Einsatzkräfte waren vor Ort.", "de", "emergency workers", "deployed", ""),
        ("The ferry carried 340 passengers.", "en", "passengers", "", ""),
        # a comma ends the counted noun's search; the predicate then says what is counted
        ("A train derailed, killing two people and injuring 32, police said.", "en", "dead", "killed", ""),
        ("More than 200 emergency workers were sent.", "en", "emergency workers", "deployed", ""),
        ("An Bord befanden sich etwa 140 Reisende.", "de", "passengers", "", ""),
        ("Sie wurden von drei Rettungshubschraubern unterstützt.", "de", "helicopters", "", ""),
        (
            "The hospital said 420 scheduled operations had to be postponed.",
            "en",
            "operations",
            "postponed",
            "",
        ),
        ("Three of the injured were seriously hurt.", "en", "injured", "injured", "serious"),
        ("The death toll has risen to three.", "en", "dead", "", ""),
        (
            "The number of suspects arrested has risen to nine.",
            "en",
            "arrests",
            "arrested",
            "",
        ),  # suspects arrested are arrests
        ("Rund 45.000 Haushalte waren ohne Strom.", "de", "households", "without power", ""),
        ("About 45,000 households lost power.", "en", "households", "without power", ""),
        ("A crowd of 45,000 watched the match.", "en", "visitors", "attended", ""),
        # what a venue holds, in people, seats or nothing named
        ("Das Stadion bietet Platz für 60.000 Zuschauer.", "de", "capacity", "capacity", ""),
        ("The stadium, which holds 34,000, was full.", "en", "capacity", "capacity", ""),
        # a lower-case German participle before its noun is no noun
        ("Die rund 1.800 evakuierten Bewohner dürfen nicht zurück.", "de", "evacuees", "evacuated", ""),
        ("About 800 residents were evacuated.", "en", "evacuees", "evacuated", ""),
        ("Darunter sind neun Schwerverletzte.", "de", "injured", "", "serious"),
        ("Es gab zwei Leichtverletzte.", "de", "injured", "", "minor"),
        # `the injured` are people: no predicate of the paramedics
        ("About 150 paramedics treated the injured.", "en", "paramedics", "", ""),
        ("Five firefighters were treated for smoke inhalation.", "en", "emergency workers", "injured", ""),
        # past an adjective after `die Zahl der`; past modifiers before an English noun
        ("Die Zahl der verschobenen Operationen stieg auf 450.", "de", "operations", "postponed", ""),
        ("Die Zahl der gerissenen Schafe steigt auf 19.", "de", "noun:schaf", "", ""),
        # the counted noun past an English participle, and what its relative clause says befell it
        (
            "The number of smuggled reptiles that have died since they were seized at the airport "
            "has risen to 41.",
            "en",
            "dead",
            "killed",
            "",
        ),
        (
            "The number of tortoises that have died after being smuggled in suitcases has risen to 29.",
            "en",
            "dead",
            "killed",
            "",
        ),
        ("Insgesamt 27 Tiere waren bereits verendet.", "de", "dead", "killed", ""),  # animals perish too
        ("Some 20 intensive care patients were transferred.", "en", "patients", "deployed", ""),
        ("The hospital employs around 2,400 people.", "en", "employees", "employed", ""),
        # the phrase of the figure's own clause, before a word of the clause before
        ("Elf wurden verletzt, zwei von ihnen kamen ins Krankenhaus.", "de", "injured", "injured", ""),
        (
            "Fourteen people suffered minor injuries, and two were taken to hospital.",
            "en",
            "injured",
            "injured",
            "minor",
        ),
        # a bare number a casualty verb governs counts what befell it
        ("A bomb exploded, killing at least 12.", "en", "dead", "killed", ""),
        ("Bei dem Anschlag starben zwölf.", "de", "dead", "killed", ""),
        ("Twelve were injured in the blast.", "en", "injured", "injured", ""),
        ("More than 120 fire engines were sent.", "en", "vehicles", "deployed", ""),
        ("Mehr als 600 Anwohner mussten ihre Häuser verlassen.", "de", "evacuees", "evacuated", ""),
        ("More than 600 residents had to leave their homes.", "en", "evacuees", "evacuated", ""),
        ("Die Polizei nahm zwölf Personen fest.", "de", "arrests", "arrested", ""),
        ("14 Menschen wurden leicht verletzt.", "de", "injured", "injured", "minor"),
        ("Fourteen people suffered minor injuries.", "en", "injured", "injured", "minor"),
        ("Die Feuerwehr war mit 250 Kräften im Einsatz.", "de", "emergency workers", "deployed", ""),
        (
            "About 10,000 North Korean troops were sent to Russia.",
            "en",
            "soldiers",
            "deployed",
            "north korea",
        ),
    ],
)
def test_counted_noun_table(text: str, language: str, counts: str, predicate: str, qualifier: str) -> None:
    figure = _figures(text, language)[0]
    assert (figure.counts, figure.predicate, figure.qualifier) == (counts, predicate, qualifier)
    assert text[figure.start - 0 : figure.end] == figure.text


def test_figure_after_a_comma_keeps_its_own_predicate() -> None:
    found = _figures("A train derailed, killing two people and injuring 32, police said.", "en")
    assert [(f.quantity.value, f.counts) for f in found] == [(2.0, "dead"), (32.0, "injured")]


def test_a_part_of_the_counted_keeps_what_was_counted() -> None:
    found = _figures("Dabei wurden 23 Fahrgäste verletzt, vier von ihnen schwer.")
    assert [(f.counts, f.qualifier) for f in found] == [("injured", ""), ("injured", "serious")]


def test_different_quantities_in_one_sentence_count_different_things() -> None:
    found = _figures("Unter den 12.000 Soldaten sollen auch 500 Offiziere und drei Generäle sein.")
    assert [f.counts for f in found] == ["soldiers", "officers", "generals"]


def test_a_feared_figure_is_possible_not_fact() -> None:
    figure = _figures("Er befürchtet, dass bis zu 100.000 Soldaten eingesetzt werden könnten.")[0]
    assert figure.modality == "possible"


def test_years_and_date_parts_are_not_figures() -> None:
    assert _figures("Am 8. Februar 2025 kamen Soldaten. Seit 2022 gibt es Truppen.") == []


# ---------------------------------------------------------------- dates

WED = date(2025, 3, 5)


@pytest.mark.parametrize(
    ("text", "published", "label"),
    [
        ("am 3. März", WED, "3 March 2025"),
        ("19. Juni", date(2024, 10, 24), "19 June 2024"),
        ("19. Juni", None, "19 June"),
        ("Im Juni 2024 wurde", None, "June 2024"),
        ("October 29, 2024", None, "29 October 2024"),
        ("24. Oktober, 2024", None, "24 October 2024"),
        ("am Dienstagabend", WED, "4 March 2025"),
        ("am Mittwoch", WED, "5 March 2025"),
        ("last Monday", WED, "3 March 2025"),
        ("letzte Woche", WED, "24 February 2025 to 2 March 2025"),
        ("vergangene Woche", WED, "24 February 2025 to 2 March 2025"),
        ("im vergangenen Jahr", WED, "2024"),
        ("vor zwei Jahren", WED, "2023"),
        ("gestern", WED, "4 March 2025"),
        ("Anfang Juni 2024", None, "1 June 2024 to 10 June 2024"),
        ("Zu Anfang des Jahres", WED, "1 January 2025 to 31 March 2025"),
        ("bis Freitag", WED, "7 March 2025"),  # an end ahead, not behind
        ("until Monday", WED, "10 March 2025"),
        ("bis Mittwoch", WED, "5 March 2025"),
        ("kommenden Mittwoch", WED, "12 March 2025"),
        ("on 14 March", WED, "14 March 2025"),  # British order; a date just ahead is this year's
        ("the 2nd of March", WED, "2 March 2025"),
        ("Thursday, March 6", WED, "6 March 2025"),  # the weekday of the date, not another day
        ("am Donnerstag, 6. März", WED, "6 March 2025"),
        ("am 20. März", WED, "20 March 2024"),  # further ahead: past preferred
        # the night before a morning paper, today's parts, the weekend just past
        ("in der vergangenen Nacht", WED, "4 March 2025 to 5 March 2025"),
        ("last night", WED, "4 March 2025 to 5 March 2025"),
        ("heute Morgen", WED, "5 March 2025"),
        ("this morning", WED, "5 March 2025"),
        ("am Wochenende", WED, "1 March 2025 to 2 March 2025"),
        ("over the weekend", WED, "1 March 2025 to 2 March 2025"),
    ],
)
def test_date_table(text: str, published: date | None, label: str) -> None:
    found = dates(text, published)
    assert len(found) == 1
    assert found[0].label() == label
    assert text[found[0].start : found[0].end] == found[0].text


def test_may_after_a_number_is_no_date() -> None:
    assert dates("About 20 may have died.", WED, "en") == []


@pytest.mark.parametrize("text", ["am Dienstagabend", "letzte Woche", "vor zwei Jahren"])
def test_relative_date_without_publication_date_stays_unresolved(text: str) -> None:
    found = dates(text, None)[0]
    assert not found.resolved and "no publication date" in found.label()


def test_no_dates_in_ordinary_words() -> None:
    assert dates("Die Welt und der Mann, die Frau. Die Woche war lang.", WED) == []


def test_sentences_keep_ordinals_and_abbreviations() -> None:
    text = "Am 19. Juni kam er, ca. 3 Tage später. Dann ging er."
    found = sentences(text)
    assert [s.text for s in found] == ["Am 19. Juni kam er, ca. 3 Tage später.", "Dann ging er."]
    assert all(text[s.start : s.end] == s.text for s in found)


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("german", "english", "relation"),
    [
        ("Das Feuer brach gegen 19.30 Uhr aus.", "The fire broke out at about 7.30 pm.", "corroborates"),
        ("Das Feuer brach kurz nach 14 Uhr aus.", "The fire broke out at 2.10 pm.", "corroborates"),
        ("Das Feuer brach gegen 19.30 Uhr aus.", "The fire broke out at 9.30 pm.", "contradicts"),
        # times of different events never pair
        ("Das Feuer brach gegen 19.30 Uhr aus.", "The match kicked off at 9.30 pm.", None),
        (
            "Das Spiel wurde in der 63. Minute unterbrochen.",
            "The match was halted in the 68th minute.",
            "contradicts",
        ),
        ("Das Stadion bietet Platz für 60.000 Zuschauer.", "A crowd of 45,000 watched the match.", None),
        (
            "Das Spiel wurde für 25 Minuten unterbrochen.",
            "The match was halted for 30 minutes.",
            "contradicts",
        ),
        ("Das Spiel wurde nach 25 Minuten unterbrochen.", "The match was halted for 30 minutes.", None),
        ("14 Menschen wurden leicht verletzt.", "Three people were seriously injured.", None),
        # a time after `by`/`bis` bounds the event, it does not date it
        ("Das Feuer brach gegen 19.30 Uhr aus.", "By 9.30 pm the fire was under control.", None),
        ("Der Zug passierte die Stelle um 12.40 Uhr.", "The train passed at about 2 pm.", "contradicts"),
        # a time of no named event is no count of `Uhr`
        ("Um 12.40 Uhr kam die Nachricht.", "The news came at 2 pm.", None),
        ("Der Unfall ereignete sich gegen 21.15 Uhr.", "The coach overturned at 9.45 pm.", "contradicts"),
        # `das Unglück` is whichever disaster the story tells; two disasters stay apart
        ("Das Unglück ereignete sich gegen 14.30 Uhr.", "The roof collapsed at 3.15 pm.", "contradicts"),
        ("Das Feuer brach gegen 14.30 Uhr aus.", "The explosion came at 3.15 pm.", None),
        # a match minute dates the incident, whatever word names it
        (
            "Das Unglück ereignete sich in der 87. Minute.",
            "The barrier collapsed in the 78th minute.",
            "contradicts",
        ),
        # away fans are a part of the crowd
        ("Rund 4.000 Anhänger waren angereist.", "A crowd of 31,500 attended.", None),
    ],
)
def test_times_minutes_and_capacity(german: str, english: str, relation: str | None) -> None:
    docs = [Document("de", german, date(2025, 6, 9), "de"), Document("en", english, date(2025, 6, 9), "en")]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == ([relation] if relation else [])


@pytest.mark.parametrize(
    ("german", "english", "relation"),
    [
        # one role in either language, one first name, surnames spelled apart
        (
            "Ein Sprecher der Staatsanwaltschaft, Oliver Schmitz, sagte das.",
            "Prosecutors' spokesman Oliver Schmidt said so.",
            "contradicts",
        ),
        (
            "Verdi-Verhandlungsführerin Sabine Kowalczyk sagte das.",
            "Negotiator Sabine Kowalski said so.",
            "contradicts",
        ),
        ("Meteorologe Tobias Kreuzer sagte das.", "Meteorologist Tobias Kreutzer said so.", "contradicts"),
        # different roles: two people
        ("Ein Sprecher, Oliver Schmitz, sagte das.", "Mayor Oliver Schmidt said so.", None),
        ("Direktor Jürgen Hößler sagte das.", "Director Juergen Hoessler said so.", "variant"),
        # a surname alone, by its role, against a full name
        (
            "Feuerwehrsprecher Reinhard sagte das.",
            "Fire brigade spokesman Markus Reinhardt said so.",
            "contradicts",
        ),
        ("Feuerwehrsprecher Reinhardt sagte das.", "Fire brigade spokesman Markus Reinhardt said so.", None),
        # a word before the name that is no first name: the trailing parts compare
        (
            "Einsatzleiter Thomas Bergér sagte das.",
            "Thomas Berger, the incident commander, said so.",
            "variant",
        ),
        # sports roles are roles too
        (
            "Schiedsrichter Tobias Reichelt pfiff ab.",
            "Referee Tobias Reichel halted the game.",
            "contradicts",
        ),
        # with no role: one first name, surnames one letter apart
        ("Tobias Reichelt kam zu spät.", "Tobias Reichel arrived late.", "contradicts"),
        ("Flugkapitän Jürgen Brandt handelte gut.", "Captain Jürgen Brandl was praised.", "contradicts"),
        ("Peter Rabe kam zu spät.", "Peter Rabl arrived late.", None),  # too short to call a typo
        # German `tsch` is English `ch`: one name, though the German sound code differs
        ("Torwart Oleksandr Tkatschenko winkte.", "Oleksandr Tkachenko waved.", "variant"),
        # a name whose first letter is no German capital
        ("Kapitän Orjan Haugland gab Entwarnung.", "Captain Ørjan Haugland gave the all-clear.", "variant"),
        ("Studienleiterin Sigrun Olafsdottir sagte das.", "Sigrún Ólafsdóttir said so.", "variant"),
        # other words before one name
        ("SPD-Abgeordnete Aylin Demirci sagte das.", "Social Democrat Aylin Demirçi said so.", "variant"),
    ],
)
def test_names_of_one_role_across_languages(german: str, english: str, relation: str | None) -> None:
    docs = [Document("de", german, date(2025, 6, 9), "de"), Document("en", english, date(2025, 6, 9), "en")]
    assert [s.relation for s in suggest(docs) if s.reason == "name"] == ([relation] if relation else [])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kröger", "Kroeger"),
        ("Selenskyj", "Zelenskyy"),
        ("Selenskij", "Selenskyj"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("Tkatschenko", "Tkachenko"),
        ("Schewtschenko", "Shevchenko"),
    ],
)
def test_transliterations_fold_together(a: str, b: str) -> None:
    assert fold_name(a) == fold_name(b)


@pytest.mark.parametrize(
    ("a", "b"), [("González", "Gonzalez"), ("Łukasz", "Lukasz"), ("Jüterbog", "Jueterbog")]
)
def test_accents_fold_away_and_umlauts_to_their_spelling(a: str, b: str) -> None:
    assert fold_name(a) == fold_name(b)


@pytest.mark.parametrize(("a", "b"), [("Wolff", "Wolf"), ("Saakaschwili", "Saakashvili")])
def test_a_doubled_vowel_or_last_letter_folds_away(a: str, b: str) -> None:
    assert fold_name(a) == fold_name(b)


def test_english_may_drop_the_umlauts_of_a_name() -> None:
    assert fold_name("Öztürk") != fold_name("Ozturk") and fold_bare("Öztürk") == fold_bare("Ozturk")


@pytest.mark.parametrize(("a", "b"), [("Maier", "Meier"), ("Brandt", "Brand"), ("Wollenberg", "Wolenberg")])
def test_sound_alikes_do_not_fold_together(a: str, b: str) -> None:
    assert fold_name(a) != fold_name(b) and cologne(a) == cologne(b)


@pytest.mark.parametrize(
    ("word", "code"), [("Müller-Lüdenscheidt", "65752682"), ("Wikipedia", "3412"), ("Breschnew", "17863")]
)
def test_cologne_phonetics(word: str, code: str) -> None:
    assert cologne(word) == code


# ---------------------------------------------------------------- pairing


def _docs(*texts: tuple[str, str, date | None, str]) -> list[Document]:
    return [Document(i, t, p, lang) for i, t, p, lang in texts]


def test_same_figure_across_languages_corroborates() -> None:
    found = suggest(
        _docs(
            ("de", "Die Firma hat 1.200 Mitarbeiter entlassen.", None, "de"),
            ("en", "The company laid off about 1,200 employees.", None, "en"),
        )
    )
    assert [(s.relation, s.reason) for s in found] == [("corroborates", "number")]


def test_figures_of_the_same_moment_contradict_and_later_ones_update() -> None:
    oct1, feb = date(2024, 10, 24), date(2025, 2, 8)
    same = suggest(
        _docs(
            ("a", "Bis zu 3000 Soldaten wurden nach Russland verlegt.", oct1, "de"),
            ("b", "Etwa 1.500 Soldaten wurden im Oktober 2024 verlegt.", feb, "de"),
        )
    )
    assert [s.relation for s in same] == ["contradicts"]
    later = suggest(
        _docs(
            ("a", "Bis zu 3000 Soldaten wurden nach Russland verlegt.", oct1, "de"),
            ("b", "Bis zu 12.000 Soldaten wurden nach Russland verlegt.", feb, "de"),
        )
    )
    assert [s.relation for s in later] == ["updates"]
    assert [m.article for m in later[0].members] == ["a", "b"]


@pytest.mark.parametrize(
    ("early", "late", "days", "relation"),
    [
        ("Two people died.", "The death toll has risen to five.", 3, "updates"),
        ("Six suspects were arrested.", "Five suspects were arrested.", 3, "contradicts"),  # only grows
        ("Six suspects were arrested.", "Nine suspects were arrested.", 3, "updates"),
        ("Two people died.", "Five people died.", 1, "contradicts"),  # a day apart: one moment
        # unless the later one says the count rose: then even within the earlier range
        ("At least 47 people were injured.", "The number of injured has risen to 58.", 1, "updates"),
        ("37 people were hurt.", "The number of injured rose to 58.", 1, "updates"),
        ("Two people died.", "Five people died.", 2, "updates"),
    ],
)
def test_updates_need_time_and_cumulative_counts_only_grow(
    early: str, late: str, days: int, relation: str
) -> None:
    first = date(2025, 7, 1)
    found = suggest(_docs(("a", early, first, "en"), ("b", late, first + timedelta(days=days), "en")))
    assert [s.relation for s in found if s.reason == "number"] == [relation]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The train derailed on Monday night.", "derailed"),
        ("The strike would last until Thursday.", "strike (until)"),
        ("A passenger died after the derailment, police said on Thursday.", None),  # said, not happened
        ("Der Container war am 12. Juni in Hamburg angekommen.", "arrived"),
        ("Das Sturmtief hat in der Nacht zum Montag Schäden angerichtet.", "storm"),
        ("Das Feuer breitet sich seit Donnerstag nach Süden aus.", None),  # since: a period's start
        ("Ein Zweitligaspiel hat am Samstagabend in einem Unglück geendet.", "match"),  # compound
        ("Der Reisebus ist am Dienstagabend von der Fahrbahn abgekommen.", "accident"),
        ("The coach overturned late on Monday.", "accident"),
        ("Die Maschine hat am Mittwochnachmittag notlanden müssen.", "landed"),
    ],
)
def test_event_kinds_and_reporting_dates(text: str, kind: str | None) -> None:
    events = analyse_document(
        Document("a", text, date(2025, 7, 2), "en" if "The" in text[:4] else "de")
    ).events
    assert [e.kind for e in events] == ([kind] if kind else [])


def test_different_quantities_are_never_paired() -> None:
    found = suggest(
        _docs(
            ("a", "Etwa 6.000 Pioniere wurden entsandt. Unter ihnen sind 500 Offiziere.", None, "de"),
            (
                "b",
                "Mindestens 11.000 Soldaten wurden verlegt. Er fürchtet, bis zu 100.000 Soldaten "
                "könnten eingesetzt werden.",
                None,
                "de",
            ),
        )
    )
    assert [s for s in found if s.reason == "number"] == []


@pytest.mark.parametrize(
    ("texts", "relations"),
    [
        # a year's total is another quantity than one event's
        (
            ["Das Feuer hat 1.100 Hektar Wald vernichtet.", "Last year, 1,100 hectares of forest burned."],
            [],
        ),
        # the later figure had been reported at the earlier moment already: no update, a dispute
        (
            [
                "Mindestens 1.800 Bewohner wurden evakuiert.",
                "About 800 residents were evacuated.",
                "Die rund 1.800 evakuierten Bewohner dürfen nicht zurück.",
            ],
            ["contradicts", "contradicts", "corroborates"],
        ),
        # the hospitalised are their own count, not the injured
        (
            [
                "Elf Menschen wurden leicht verletzt, zwei von ihnen kamen ins Krankenhaus.",
                "About 14 people suffered minor injuries, and two were taken to hospital.",
            ],
            ["contradicts", "corroborates"],
        ),
    ],
)
def test_periods_and_earlier_reports(texts: list[str], relations: list[str]) -> None:
    days = [date(2026, 7, 15), date(2026, 7, 15), date(2026, 7, 17)]
    docs = [
        Document(f"d{i}", text, days[i], "en" if text[:1] in "AL" else "de") for i, text in enumerate(texts)
    ]
    found = [s.relation for s in suggest(docs) if s.reason == "number"]
    assert sorted(found) == sorted(relations)


@pytest.mark.parametrize(
    ("sentence", "changed"),
    [
        ("The number of injured has risen to 58.", True),
        ("The death toll rose to five on Monday.", True),
        ("Die Zahl der Toten ist auf fünf gestiegen.", True),
        ("Die Zahl der Verletzten stieg auf 58.", True),
        ("Mehr als 600 Einsatzkräfte sind mittlerweile im Einsatz.", True),
        ("Die Zahl der Verletzten liegt bei 58.", False),
        ("At least 47 people were injured.", False),
        ("The wildfire has now scorched 5,400 hectares.", True),
        ("More than 2,500 people have now been evacuated.", True),
        ("Die Stadtwerke haben die Zahl nach oben korrigiert.", True),
        ("The fire has scorched 3,000 hectares.", False),  # no `now`: no newer total
        ("He was arrested on Friday, bringing the number of arrests to three.", True),
        ("Another skier died, bringing the death toll to two.", True),
        ("The recall now covers 23 batches.", True),
        ("The damage is now estimated at €690,000.", True),
        ("Insurers have raised their estimate of the insured damage to €65 million.", True),
        ("Die Versicherer erhöhten ihre Schätzung auf 65 Millionen Euro.", True),
        ("The damage was estimated at €450,000.", False),
        ("The recall covers 14 batches.", False),
        ("Die Polizei hat die Belohnung auf 10.000 Euro erhöht.", True),
        ("Das Haushaltsloch ist auf 63 Millionen Euro angewachsen.", True),
        ("Das Haushaltsloch wächst auf 63 Millionen Euro.", True),
        ("The budget gap has grown to €63 million.", True),
    ],
)
def test_change_phrasings(sentence: str, changed: bool) -> None:
    assert says_change(sentence) is changed


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        ("Die Firma ruft nun 23 Chargen zurück.", True),
        ("Jetzt 23 Chargen betroffen", True),
        ("There are now some 212 people ill.", True),
        ("Die Firma ruft 14 Chargen zurück. Nun ermittelt die Polizei.", False),  # `nun` of another clause
    ],
)
def test_now_right_before_a_figure_says_it_moved(text: str, changed: bool) -> None:
    figures = analyse_document(
        Document("a", text, date(2026, 3, 5), "en" if "There" in text else "de")
    ).figures
    assert figures[0].changed is changed


def test_event_dates_compare_by_kind_and_topic() -> None:
    found = suggest(
        _docs(
            ("a", "Der Vertrag wurde am 19. Juni unterzeichnet.", None, "de"),
            ("b", "Zu Anfang des Jahres unterzeichnete Russland den Vertrag.", None, "de"),
            ("c", "Die Wahl fand im März statt.", None, "de"),
        )
    )
    assert [(s.relation, s.reason) for s in found] == [("contradicts", "date")]


# ---------------------------------------------------------------- bundled corpus


@pytest.fixture(scope="module")
def bundled() -> tuple[object, list]:  # type: ignore[type-arg]
    corpus = load_corpus(bundled_corpus())
    return corpus, suggest_corpus(corpus)


def _covers(corpus: object, member: object, ref: str) -> bool:
    claim = corpus.get(ref)  # type: ignore[attr-defined]
    return (
        claim is not None
        and claim.article == member.article  # type: ignore[attr-defined]
        and claim.start < member.end
        and member.start < claim.end
    )  # type: ignore[attr-defined]


def _proposed(corpus: object, found: list, relation: str, a: str, b: str) -> bool:  # type: ignore[type-arg]
    return any(
        s.relation == relation
        and len(s.members) == 2
        and {
            (_covers(corpus, s.members[0], a), _covers(corpus, s.members[1], b)),
            (_covers(corpus, s.members[0], b), _covers(corpus, s.members[1], a)),
        }
        & {(True, True)}
        for s in found
    )


@pytest.mark.parametrize(
    ("relation", "a", "b"),
    [
        ("contradicts", "001_6604a57b5a9e0757#troops-11k", "003_abe2c13c9f7a9bff#pentagon-10k"),
        ("contradicts", "004_0e9341f471240bd9#troops-12k", "003_abe2c13c9f7a9bff#pentagon-10k"),
        ("contradicts", "004_0e9341f471240bd9#training-1500", "002_413bc77aeb3face7#kirby-3000"),
        ("contradicts", "003_abe2c13c9f7a9bff#treaty-start-of-year", "001_6604a57b5a9e0757#signed-june-19"),
        ("contradicts", "003_abe2c13c9f7a9bff#treaty-start-of-year", "000_f0337515d6951f32#treaty-june-2024"),
        ("contradicts", "000_f0337515d6951f32#pyongyang-denies", "001_6604a57b5a9e0757#no-comment"),
        ("corroborates", "001_6604a57b5a9e0757#kursk-incursion", "003_abe2c13c9f7a9bff#kursk-incursion"),
        ("updates", "002_413bc77aeb3face7#kirby-3000", "004_0e9341f471240bd9#troops-12k"),
    ],
)
def test_bundled_corpus_proposes_the_curated_disagreements(
    bundled,
    relation: str,
    a: str,  # type: ignore[no-untyped-def]
    b: str,
) -> None:
    corpus, found = bundled
    assert _proposed(corpus, found, relation, a, b)


def test_troop_figures_months_apart_are_an_update_not_a_contradiction(bundled) -> None:  # type: ignore[no-untyped-def]
    corpus, found = bundled
    a, b = "002_413bc77aeb3face7#kirby-3000", "004_0e9341f471240bd9#troops-12k"
    assert not _proposed(corpus, found, "contradicts", a, b)


def test_bundled_members_anchor_exactly_and_ids_are_stable(bundled) -> None:  # type: ignore[no-untyped-def]
    corpus, found = bundled
    assert found
    for s in found:
        for m in s.members:
            assert corpus.articles[m.article].text[m.start : m.end] == m.text
    again = suggest_corpus(load_corpus(bundled_corpus()))
    assert [s.id for s in again] == [s.id for s in found]
    assert len({s.id for s in found}) == len(found)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_bundled_name_variants(bundled) -> None:  # type: ignore[no-untyped-def]
    _corpus, found = bundled
    pairs = {frozenset(m.text for m in s.members) for s in found if s.relation == "variant"}
    assert frozenset({"Kim Jong-un", "Kim Jong Un"}) in pairs
    assert frozenset({"Wolodymyr Selenskyj", "Volodymyr Zelenskyy"}) in pairs


# ---------------------------------------------------------------- JSON and CLI


def test_json_shape(bundled) -> None:  # type: ignore[no-untyped-def]
    _corpus, found = bundled
    payload = json.loads(json.dumps(to_json("demo", found)))
    assert payload["corpus"] == "demo"
    first = payload["suggestions"][0]
    assert set(first) >= {"id", "relation", "reason", "summary", "score", "members"}
    assert first["relation"] in ("contradicts", "corroborates", "updates", "variant")
    assert set(first["members"][0]) == {"article", "start", "end", "text"}


def test_cli_suggest_escapes_control_characters(make_corpus, capsys) -> None:  # type: ignore[no-untyped-def]
    from tui.cli import main

    root: Path = make_corpus(
        {
            "seeds/a.txt": "Bericht\nMindestens 11.000 Soldaten\x1b[31m wurden verlegt.\n",
            "seeds/b.txt": "Meldung\nEtwa 10.000 Soldaten\x1b[31m wurden verlegt.\n",
        }
    )
    assert main(["suggest", str(root)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "contradicts" in out
    assert main(["suggest", str(root), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [s["relation"] for s in payload["suggestions"]] == ["contradicts"]
    assert payload["corpus"] == root.name


def test_cli_suggest_names_the_current_folder(make_corpus, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tui.cli import main

    root: Path = make_corpus({"seeds/a.txt": "Bericht\nMindestens 11.000 Soldaten wurden verlegt.\n"})
    monkeypatch.chdir(root)
    assert main(["suggest", ".", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["corpus"] == root.name


# ---------------------------------------------------------------- vocabulary across languages


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("deichbruch", "breach"),
        ("burst", "breach"),
        ("waldbrand", "fire"),
        ("verkehrsunfall", "accident"),
        ("eingestürzt", "collapse"),
        ("collapsed", "collapse"),
        ("erdbeben", "earthquake"),
        ("warnstreik", "strike"),
        ("brach", ""),  # `brach ... aus`: broke out, not a breach
        ("bruch", "breach"),
        ("gebäude", ""),
    ],
)
def test_event_words_and_german_compounds(word: str, kind: str) -> None:
    assert event_kind(word) == kind


@pytest.mark.parametrize(
    ("text", "concepts"),
    [
        ("der landkreis bestätigte", {"district"}),
        ("the district denied", {"district"}),
        ("die hafenbehörde bestätigte", {"port authority"}),
        ("the port authority denied", {"port authority"}),
        ("die wasserbehörde", {"authorities"}),
        ("lithium-batterien", {"batteries"}),
        ("the coast guard said", {"coast guard"}),
        ("das parlament soll das abkommen ratifizieren", {"parliament", "agreement"}),
    ],
)
def test_terms_name_one_concept_in_either_language(text: str, concepts: set[str]) -> None:
    assert concepts <= terms_in(text, text.split())


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Die Veranstalter wiesen Vorwürfe zurück.", "denies"),
        ("Der Konzern bestritt den Bericht.", "denies"),
        ("The ministry refuted the claims.", "denies"),
        ("Die Polizei äußerte sich zunächst nicht.", "no_comment"),
        ("Der Sprecher wollte sich dazu nicht äußern.", "no_comment"),
        ("The company would not comment.", "no_comment"),
        ("The club has not commented.", "no_comment"),
        ("Police refused to comment on the arrests.", "no_comment"),
        ("The police said the road was closed.", None),
        ("Der Betreiber räumte Fehler ein.", "confirms"),
        ("The operator admitted that the alarm had failed.", "confirms"),
        ("Der Konzern stritt jede Verantwortung ab.", "denies"),
        ("The mayor dismissed reports of a cover-up.", "denies"),
        ("Die Firma lehnte eine Stellungnahme ab.", "no_comment"),
        ("The company did not respond to a request for comment.", "no_comment"),
    ],
)
def test_stance_cues(sentence: str, kind: str | None) -> None:
    found = stance(sentence)
    assert (found.stance if found else None) == kind


@pytest.mark.parametrize(
    ("german", "english", "relation"),
    [
        (
            "Der Landkreis bestätigte, dass der Deich schon 2013 beschädigt worden war.",
            "The district denied that the dike had been damaged before.",
            "contradicts",
        ),
        (
            "Die Hafenbehörde bestätigte, dass in der Halle Lithium-Batterien gelagert wurden.",
            "The port authority denied that lithium batteries were stored in the warehouse.",
            "contradicts",
        ),
        (
            "Die Polizei bestätigte, dass das Feuer gelegt wurde.",
            "Police confirmed that the fire had been set.",
            "corroborates",
        ),
        ("Der Landkreis bestätigte die Zahl der Toten.", "The port authority denied the report.", None),
        # a short word's concept counts as a shared word (`ICE` is a train)
        (
            "Die Bahn bestätigte, dass ein ICE stundenlang festsaß.",
            "Deutsche Bahn denied that an intercity train had been stranded.",
            "contradicts",
        ),
        # what is at stake, named in either language (`Karten`/`tickets`, `gefunden`/`found`)
        (
            "Die Polizei dementierte Berichte, wonach mehr Karten verkauft worden seien.",
            "Police confirmed that more tickets had been sold.",
            "contradicts",
        ),
        (
            "Die Polizei bestätigte, dass Reste eines Brandbeschleunigers gefunden wurden.",
            "Police denied that an accelerant had been found.",
            "contradicts",
        ),
        (
            "Das Busunternehmen bestätigte, dass der Fahrer fünf Stunden am Steuer saß.",
            "The bus company denied that the driver had been at the wheel for five hours.",
            "contradicts",
        ),
        # one named company saying yes and no; a name opening the sentence speaks
        (
            "Der Energieversorger Rheinenergie bestätigte, dass Arbeiten stattfanden.",
            "Rheinenergie has declined to comment.",
            "contradicts",
        ),
        ("Gestern bestätigte die Stadt den Termin.", "Yesterday the city denied the report.", None),
        # a genitive holder (`des Klinikums`), data and theft in either language
        (
            "Ein Sprecher des Klinikums räumte ein, dass Patientendaten abgeflossen sein könnten.",
            "The hospital denied that patient data had been stolen.",
            "contradicts",
        ),
        # a zoo by either name
        (
            "Der Tierpark bestätigte, dass der Schieber am Gehege nicht verriegelt war.",
            "The zoo denied that a gate had been left unlocked.",
            "contradicts",
        ),
    ],
)
def test_stance_actors_match_across_languages(german: str, english: str, relation: str | None) -> None:
    docs = [Document("de", german, date(2025, 6, 9), "de"), Document("en", english, date(2025, 6, 9), "en")]
    found = [s for s in suggest(docs) if s.reason == "stance"]
    assert [s.relation for s in found] == ([relation] if relation else [])


@pytest.mark.parametrize(
    ("german", "english", "relation"),
    [
        (
            "Die Pegel stiegen auf 7,8 Meter, sagte Petra Schulz.",
            "Petra Schultz said the river rose to 780 centimetres.",
            "corroborates",
        ),
        ("Das THW war mit 350 Helfern vor Ort.", "About 350 rescuers were deployed.", "corroborates"),
        ("Das Feuer hat 800 Hektar vernichtet.", "The fire has burned 1,200 hectares.", "contradicts"),
        ("Rund 120 Einsatzkräfte waren vor Ort.", "Two rescuers were injured.", None),
        # a demand and an offer are different quantities side by side
        ("Verdi fordert 8 Prozent mehr Lohn.", "Management has offered 3.5 percent more pay.", None),
        ("Die Klinik bietet 3,5 Prozent mehr Lohn.", "Management has offered 3.5 percent.", "corroborates"),
        (
            "Der Straßenverkaufswert liegt bei 210 Millionen Euro.",
            "A street value of 150 million euros.",
            "contradicts",
        ),
        # the seriously injured compare only with the seriously injured
        ("Vier Menschen wurden schwer verletzt.", "32 people were injured.", None),
        (
            "Dabei wurden vier Menschen schwer verletzt.",
            "Three people were seriously injured.",
            "contradicts",
        ),
        (
            "darunter neun Schwerverletzte.",
            "At least 47 people were injured, 12 of them seriously.",
            "contradicts",
        ),
        # the area a fire spread over is the area it burned
        (
            "Das Feuer breitete sich auf rund 350 Hektar aus.",
            "The fire burned through about 3.5 square kilometres.",
            "corroborates",
        ),
        # helicopters are deployed, whether or not the sentence says so
        (
            "Die Bundeswehr schickte zwei Löschhubschrauber.",
            "Two army helicopters dropped water.",
            "corroborates",
        ),
        ("Drei Ortsteile wurden geräumt.", "The evacuation of three villages began.", "corroborates"),
        ("Sie kamen in sechs Krankenhäuser.", "They were taken to six hospitals.", "corroborates"),
        # `planned` before its noun is an attribute, not a plan
        (
            "Rund 200 geplante Operationen wurden verschoben.",
            "About 200 planned operations were postponed.",
            "corroborates",
        ),
        # one sum in two currencies: a slip in one report
        (
            "Die Täter hätten ein Lösegeld von fünf Millionen Euro gefordert.",
            "The attackers had demanded a ransom of 5 million dollars and that the hospital would not pay.",
            "contradicts",
        ),
        (
            "Das Klinikum beschäftigt 4.500 Mitarbeiter.",
            "Von den 5.400 Beschäftigten gehen viele.",
            "contradicts",
        ),
        (
            "Der Flughafen war für rund zwei Stunden gesperrt.",
            "The airport was closed for around two hours.",
            "corroborates",
        ),
        # the lightly injured where no other injured are counted are all of them
        (
            "Zwei Feuerwehrleute wurden leicht verletzt.",
            "Five firefighters were treated for smoke inhalation.",
            "contradicts",
        ),
        (
            "Zwei Feuerwehrleute wurden leicht verletzt, drei schwer.",
            "Five firefighters were treated for smoke inhalation.",
            None,
        ),
        # after a figure of the dead, a bare figure with its own verb counts its own people
        ("Bei dem Anschlag wurden 30 verletzt.", "Five died and 30 were injured.", "corroborates"),
        # the predicate of the figure's own clause, not of the clause before
        (
            "Die Feuerwehr war mit 85 Kräften im Einsatz.",
            "Around 60 residents were evacuated, and 85 firefighters were deployed.",
            "corroborates",
        ),
        (
            "Zwei Menschen kamen ums Leben, 23 weitere wurden verletzt.",
            "31 people were injured.",
            "contradicts",
        ),
        (
            "Darunter sind sechs Schwerverletzte.",
            "Eight of the injured were in a serious condition.",
            "contradicts",
        ),
    ],
)
def test_units_and_usual_predicates_pair_across_languages(
    german: str, english: str, relation: str | None
) -> None:
    docs = [Document("de", german, date(2025, 6, 9), "de"), Document("en", english, date(2025, 6, 9), "en")]
    found = [s.relation for s in suggest(docs) if s.reason == "number"]
    assert found == ([relation] if relation else [])


def test_an_event_dated_once_in_each_article_of_one_story_pairs_without_a_shared_word() -> None:
    de = (
        "Waldbrand bei Jüterbog: Kreisbrandmeister Uwe Hartmann warnt.\n\n"
        "Der Brand war am Sonntagnachmittag ausgebrochen."
    )
    en = "Forest fire near Jueterbog: chief Uwe Hartmann warns.\n\nA fire broke out on Saturday afternoon."
    docs = [Document("de", de, date(2025, 7, 1), "de"), Document("en", en, date(2025, 7, 1), "en")]
    dated = [s for s in suggest(docs) if s.reason == "date"]
    assert [s.relation for s in dated] == ["contradicts"]
    other = "Ein anderes Thema aus Kiel.\n\nDer Brand war am Sonntagnachmittag ausgebrochen."
    docs[0] = Document("de", other, date(2025, 7, 1), "de")
    assert not [s for s in suggest(docs) if s.reason == "date"]  # no story shared: no pair


# Figures whose counted noun the lexicon does not know pair by the words around them,
# only when the match is clear and mutual (analysis/context.py).
@pytest.mark.parametrize(
    ("german", "english", "expected"),
    [
        (
            "Aus dem Museum in Dresden wurden 87 Schmuckstücke gestohlen.",
            "78 pieces were stolen from the museum in Dresden.",
            [("contradicts", "87 Schmuckstücke", "78 pieces")],
        ),
        # no word shared beyond the figure
        ("Im Museum wurden 87 Schmuckstücke gezeigt.", "Police found 78 cars.", []),
        # two figures of the other article match as well: no clear best
        (
            "Im Museum in Dresden fehlen 87 Schmuckstücke.",
            "In the museum in Dresden, 78 pieces and 80 rings are missing.",
            [],
        ),
        # values of another size are other quantities, whatever the words
        (
            "Aus dem Museum in Dresden wurden 87 Schmuckstücke gestohlen.",
            "400 pieces were stolen from the museum in Dresden.",
            [],
        ),
    ],
)
def test_unknown_nouns_pair_by_a_clear_context_match(
    german: str, english: str, expected: list[tuple[str, str, str]]
) -> None:
    docs = [Document("de", german, date(2026, 10, 5), "de"), Document("en", english, date(2026, 10, 5), "en")]
    found = [(s.relation, *(m.text for m in s.members)) for s in suggest(docs) if s.reason == "number"]
    assert found == expected


def test_a_noun_matched_by_context_pairs_in_every_sentence_that_counts_it() -> None:
    """`87 gestohlene Schmuckstücke` shares no word with the English sentence, but its noun
    was matched to `pieces` in another sentence of the same article."""
    german = (
        "Aus dem Museum in Dresden wurden 87 Schmuckstücke gestohlen.\n\n"
        "Von den 87 Schmuckstücken fehlt jede Spur."
    )
    other = "Von den 87 Schmuckstücken fehlt jede Spur."
    english = "78 pieces were stolen from the museum in Dresden."
    day = date(2026, 10, 5)
    docs = [
        Document("de", german, day, "de"),
        Document("en", english, day, "en"),
        Document("ot", other, day, "de"),
    ]
    pairs = {(s.relation, *(m.text for m in s.members)) for s in suggest(docs) if s.reason == "number"}
    assert ("contradicts", "87 Schmuckstücken", "78 pieces") in pairs


def test_an_archive_of_many_articles_is_not_paired_by_context() -> None:
    """Context pairing compares every two articles: over an archive (here 17 articles with
    unknown nouns) it stays off, and only the lexicon pairs figures."""
    day = date(2026, 10, 5)
    german = "Aus dem Museum in Dresden wurden 87 Schmuckstücke gestohlen."
    english = "78 pieces were stolen from the museum in Dresden."
    story = [Document("de", german, day, "de"), Document("en", english, day, "en")]
    others = [Document(f"x{n}", f"Im Hafen von Kiel lagen {n + 3} Barkassen.", day, "de") for n in range(15)]
    assert any(s.reason == "number" for s in suggest(story))
    assert not any(s.reason == "number" and s.members[0].article == "de" for s in suggest(story + others))


def _fig(article: str, start: int, value: float) -> Figure:
    q = Quantity(start, start + 2, str(value), value, value, value)
    return Figure(article, q, start, start + 2, str(value), "injured", "")


# Which conflicts stand when one article gives several figures of one quantity
# (analysis/mutual.py): (group, relation, a, b) in, the conflicts that stand out.
@pytest.mark.parametrize(
    ("pairs", "stand"),
    [
        # one to one: it stands
        ([("contradicts", ("a", 0, 14), ("b", 0, 15))], {(("a", 0), ("b", 0))}),
        # `14` agrees with a figure of article b: b's 20 is another count
        (
            [("corroborates", ("a", 0, 14), ("b", 0, 14)), ("contradicts", ("a", 0, 14), ("b", 9, 20))],
            set(),
        ),
        # only the nearest of b's figures contradicts a's
        (
            [("contradicts", ("a", 0, 14), ("b", 0, 15)), ("contradicts", ("a", 0, 14), ("b", 9, 40))],
            {(("a", 0), ("b", 0))},
        ),
        # an update may be far from the earlier value
        (
            [("updates", ("a", 0, 3000), ("b", 0, 12000)), ("contradicts", ("a", 0, 3000), ("b", 9, 1500))],
            {(("a", 0), ("b", 0)), (("a", 0), ("b", 9))},
        ),
    ],
)
def test_conflicts_stand_only_between_mutually_nearest_figures(pairs: list, stand: set) -> None:  # type: ignore[type-arg]
    rows = [("injured", rel, _fig(*a), _fig(*b)) for rel, a, b in pairs]
    assert standing(rows) == stand


@pytest.mark.parametrize(
    ("text", "language", "kinds"),
    [
        # `Two days after a fire`: the date is of what happened since, not of the fire
        ("Two days after a fire at the depot, 6,000 homes were still without power on Wednesday.", "en", []),
        ("Zwei Tage nach dem Brand im Depot waren am Mittwoch noch 6.000 Haushalte ohne Strom.", "de", []),
        ("A fire broke out at the depot on Monday.", "en", ["fire"]),
    ],
)
def test_an_event_counted_from_is_not_dated_by_the_sentence(
    text: str, language: str, kinds: list[str]
) -> None:
    found = analyse_document(Document("x", text, date(2026, 10, 7), language)).events
    assert [e.kind for e in found if e.kind != "unnamed event"] == kinds  # the fire's kind is not it


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Firefighters freed 19 people trapped in lifts across the affected area.", "en"),
        ("Die Feuerwehr befreite 19 Menschen in der betroffenen Siedlung.", "de"),
    ],
)
def test_a_participle_of_another_noun_is_not_the_figures_predicate(text: str, language: str) -> None:
    """`the affected area`: an adjective between an article and its noun."""
    assert [f.predicate for f in _figures(text, language)] == [""]


@pytest.mark.parametrize(
    ("german", "english", "expected"),
    [
        # suspects arrested are arrests, and arrests need no verb to say what befell them
        ("Die Zahl der Festnahmen liegt bei fünf.", "Police have arrested two suspects.", ["contradicts"]),
        # `in seinen Räumen` (rooms) does not say the visitors were evacuated (`räumen`)
        (
            "Das Haus zeigt in seinen Räumen 4.000 Exponate und zählte 1,2 Millionen Besucher.",
            "The museum drew 1.2 million visitors.",
            ["corroborates"],
        ),
    ],
)
def test_arrests_and_nouns_after_a_possessive(german: str, english: str, expected: list[str]) -> None:
    day = date(2026, 9, 15)
    docs = [Document("de", german, day, "de"), Document("en", english, day, "en")]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == expected


def test_opposite_stances_on_two_shared_words_meet_without_a_shared_actor() -> None:
    docs = [
        Document("a", "She denied that officers had used tear gas.", date(2025, 6, 9), "en"),
        Document("b", "Police confirmed on Friday that officers had fired tear gas.", date(2025, 6, 9), "en"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "stance"] == ["contradicts"]


def test_a_report_after_the_update_does_not_make_the_first_count_a_contradiction() -> None:
    """Preliminary 58,000, final 61,400 a week later: an update, though a third report
    after both repeats 61,400 for `this year`, a span that holds the first day too."""
    docs = _docs(
        ("a", "Nach vorläufigen Zahlen kamen rund 58.000 Besucher in die Kinos.", date(2025, 9, 22), "de"),
        ("b", "Die Veranstalter zählten 61.400 Besucherinnen und Besucher.", date(2025, 9, 30), "de"),
        ("c", "The festival drew a record 61,400 visitors this year.", date(2025, 10, 1), "en"),
    )
    found = {
        (s.members[0].article, s.members[1].article): s.relation
        for s in suggest(docs)
        if s.reason == "number"
    }
    assert found[("a", "b")] == "updates"
    assert found.get(("b", "c"), found.get(("c", "b"))) == "corroborates"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Die Veranstalter zählten 61.400 Besucher, wie sie am Montag mitteilten.", ""),  # a day: when
        ("Wie das Gesundheitsamt berichtete, sind 14 Menschen erkrankt.", "Gesundheitsamt"),
        ("Laut dem Pentagon sind es 11.000 Soldaten.", "Pentagon"),
    ],
)
def test_who_says_it_is_no_day(sentence: str, speaker: str) -> None:
    from tui.core.analysis.attribution import attribution

    assert attribution(sentence) == speaker
