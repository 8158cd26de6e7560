"""Counted nouns the lexicon does not know (issue 15): English compound heads, parts of a
whole, and German nouns matched to English ones through a dictionary (a small one written
here in the Ding format, so the tests do not depend on Debian's trans-de-en)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tui.core.analysis import Document, analyse_document, suggest
from tui.core.analysis.dictionary import english_head, english_stem, translations

DING = """\
# Version :: test
Wahlkreis {m}; Wahlbezirk {m} [pol.] | Wahlkreise {pl}; Wahlbezirke {pl} :: \
constituency; voting/electoral district [Am.] | constituencies; voting/electoral districts
Stimme {f} (Wahl) | Stimmen {pl} :: vote | votes
Opfer {n} | Opfer {pl} :: victim | victims
Vitrine {f} | Vitrinen {pl} :: showcase; display case | showcases; display cases
hohe Wahlbeteiligung :: heavy poll
abstimmen {vi} :: to vote
"""


@pytest.fixture
def ding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "de-en"
    path.write_text(DING, encoding="utf-8")
    monkeypatch.setenv("CROSSREAD_DING", str(path))
    return path


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("voting/electoral districts", "district"),
        ("constituencies", "constituency"),
        ("display cases [Br.]", "case"),
        ("to vote", ""),
        ("sb.'s share", ""),
        ("boxes", "box"),
        ("glass", "glass"),
    ],
)
def test_english_heads(phrase: str, head: str) -> None:
    assert english_head(phrase) == head


@pytest.mark.parametrize(
    ("word", "stem"), [("fatalities", "fatality"), ("cases", "case"), ("census", "census")]
)
def test_english_stems(word: str, stem: str) -> None:
    assert english_stem(word) == stem


@pytest.mark.parametrize(
    ("word", "heads"),
    [
        ("Wahlbezirke", {"constituency", "district"}),
        ("Wahlbezirken", {"constituency", "district"}),  # dative plural: listed without its `n`
        ("Wahlkreis", {"constituency", "district"}),  # a synonym, not the entry's first word
        ("Stimmen", {"vote"}),
        ("Todesopfer", {"victim"}),  # not listed: its head, `Opfer`
        ("Vitrinen", {"showcase", "case"}),
        ("Wahlbeteiligung", None),  # only in a phrase, which is no noun entry
    ],
)
def test_translations_from_a_ding_file(ding: Path, word: str, heads: set[str] | None) -> None:
    assert translations([word]).get(word) == (frozenset(heads) if heads else None)


def test_without_the_dictionary_nothing_is_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSREAD_DING", "")
    assert translations(["Wahlbezirke"]) == {}


@pytest.mark.parametrize(
    ("text", "language", "counts", "span"),
    [
        ("Results from 41 polling districts were sent twice.", "en", "noun:district", "41 polling districts"),
        ("Thieves broke 15 shop windows.", "en", "noun:window", "15 shop windows"),
        ("Eight vehicles plunging into the river.", "en", "vehicles", "Eight vehicles"),
        ("The chain will close 25 loss-making stores.", "en", "noun:stor", "25 loss-making stores"),
        (
            "Thieves took four 17th-century Dutch paintings.",
            "en",
            "noun:painting",
            "four 17th-century Dutch paintings",
        ),
        ("Eight water-dropping aircraft were deployed.", "en", "aircraft", "Eight water-dropping aircraft"),
        ("Some 45,000 festival-goers were there.", "en", "noun:festival-goer", "Some 45,000 festival-goers"),
        (
            "Die Ergebnisse aus 14 der 212 Wahlbezirke fehlen.",
            "de",
            "noun:wahlbezirk",
            "14 der 212 Wahlbezirke",
        ),
        (
            "Results from 14 of the 212 districts are missing.",
            "en",
            "noun:district",
            "14 of the 212 districts",
        ),
    ],
)
def test_counted_nouns_the_lexicon_does_not_know(text: str, language: str, counts: str, span: str) -> None:
    figure = analyse_document(Document("a", text, None, language)).figures[0]
    assert (figure.counts, figure.text) == (counts, span)
    assert text[figure.start : figure.end] == figure.text


GERMAN = "In 14 Wahlbezirken wurde doppelt gezählt."
ENGLISH = "In 41 polling districts the votes were counted twice."


def _pair(german: str, english: str) -> list[tuple[str, str, str]]:
    docs = [Document("de", german, None, "de"), Document("en", english, None, "en")]
    return sorted(
        (s.relation, s.members[0].text, s.members[1].text) for s in suggest(docs) if s.reason == "number"
    )


def test_a_german_noun_pairs_with_its_english_translation(ding: Path) -> None:
    found = _pair(GERMAN, ENGLISH)
    assert [r for r, _, _ in found] == ["contradicts"]
    assert {t for _, a, b in found for t in (a, b)} == {"14 Wahlbezirken", "41 polling districts"}


def test_without_the_dictionary_they_stay_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSREAD_DING", "")
    assert _pair(GERMAN, ENGLISH) == []


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("Die 1972 eröffnete Brücke im Zuge der B 416 ist gesperrt.", "de", []),  # a year, a road
        ("Schon bei der Kommunalwahl 2021 gab es Probleme.", "de", []),
        ("There were problems in the 2021 local elections.", "en", []),
        ("Im Jahr 2000 Soldaten zu schicken war neu.", "de", []),
        ("Es kamen 2000 Soldaten.", "de", [2000.0]),  # German may write a count without a dot
        ("The bridge carries 2021 vehicles a day.", "en", [2021.0]),  # before a counted noun
    ],
)
def test_years_and_road_numbers_are_no_figures(text: str, language: str, values: list[float]) -> None:
    found = analyse_document(Document("a", text, None, language)).figures
    assert [f.quantity.value for f in found] == values


@pytest.mark.parametrize(
    ("text", "language", "counts", "topic"),
    [
        ("It dropped a 210-metre section of roadway.", "en", "unit:m", "roadway"),
        ("About 500 kilograms of ammonia escaped.", "en", "unit:t", "ammonia"),
        # a three-letter substance after `of`
        ("Some 40,000 cubic metres of mud, rock and trees came down the slope.", "en", "unit:l", "mud"),
        ("Some 40,000 cubic metres of mud, rock and trees came down the slope.", "en", "unit:l", "rock"),
        ("Ein Neubau dürfte 80 Millionen Euro kosten.", "de", "unit:EUR", "neubau"),
    ],
)
def test_amounts_keep_what_they_measure(text: str, language: str, counts: str, topic: str) -> None:
    figure = analyse_document(Document("a", text, None, language)).figures[0]
    assert figure.counts == counts and topic in figure.topics


def test_an_amount_meets_its_translation(ding: Path) -> None:
    path = ding
    path.write_text(
        DING + "Teilstück {n} | Teilstücke {pl} :: section; part | sections; parts\n", encoding="utf-8"
    )
    found = _pair(
        "Das eingestürzte Teilstück ist rund 120 Meter lang.", "The collapse dropped a 210-metre section."
    )
    assert [r for r, _, _ in found] == ["contradicts"]


@pytest.mark.parametrize(
    ("text", "language", "counts", "predicate", "modality"),
    [
        # a verb before another number is that number's
        (
            "Gas leaked, injuring three workers and prompting police to tell 20,000 residents to stay in.",
            "en",
            "residents",
            "",
            "",
        ),
        # `plant` is German for `plans`, English for a factory
        (
            "The number of people injured at the Norchem plant has risen to 19.",
            "en",
            "injured",
            "injured",
            "",
        ),
        ("Die Stadt plant den Bau von 300 Wohnungen.", "de", "buildings", "", "planned"),
        # `potentially` before an adjective is a property of the thing, not a possible event
        (
            "The firm recalled 14 batches after tests found a potentially carcinogenic impurity.",
            "en",
            "noun:batch",
            "",
            "",
        ),
        ("Officials said 200 homes could possibly be flooded.", "en", "buildings", "", "possible"),
        # ...but before a figure it still makes the figure a possibility
        ("Possibly more than 200 people died in the fire.", "en", "dead", "killed", "possible"),
        ("Möglicherweise sind weitere 200 Menschen betroffen.", "de", "people", "affected", "possible"),
    ],
)
def test_verbs_and_modal_words_of_other_figures_or_languages(
    text: str, language: str, counts: str, predicate: str, modality: str
) -> None:
    figure = analyse_document(Document("a", text, None, language)).figures[-1]
    assert (figure.counts, figure.predicate, figure.modality) == (counts, predicate, modality)


def test_only_the_figure_that_says_it_changed_updates() -> None:
    docs = [
        Document("a", "Drei Mitarbeiter wurden verletzt.", date(2026, 6, 10), "de"),
        Document(
            "b",
            "Die Zahl der Verletzten ist auf 23 gestiegen. Zwölf Menschen wurden ambulant behandelt, "
            "vier liegen im Krankenhaus.",
            date(2026, 6, 12),
            "de",
        ),
    ]
    updates = [s for s in suggest(docs) if s.relation == "updates"]
    assert [s.members[1].text for s in updates] == ["23"]


def _names(*texts: tuple[str, str]) -> list[tuple[str, str, str]]:
    docs = [Document(f"a{i}", text, None, language) for i, (text, language) in enumerate(texts)]
    return sorted(
        (s.relation, s.members[0].text, s.members[1].text) for s in suggest(docs) if s.reason == "name"
    )


@pytest.mark.parametrize(
    ("first", "second", "relation"),
    [
        (("Herausforderer Emre Yıldız kam auf 31 Prozent.", "de"), ("Emre Yildiz won.", "en"), "variant"),
        # a role after the name, as an apposition; the same surname, another first name
        (
            ("Sprecherin Katrin Vogel sagte, die Brücke sei geprüft worden.", "de"),
            ("Sabine Vogel, a spokeswoman for the ministry, said the bridge was safe.", "en"),
            "contradicts",
        ),
        # one role, one first name, surnames of one start
        (
            ("Unternehmenssprecher Markus Lindner sagte, alles sei sicher.", "de"),
            ("Norchem spokesman Markus Lindemann said all was safe.", "en"),
            "contradicts",
        ),
        # one head of one body under two titles, one first name, another surname
        (
            ("Zoodirektorin Sabine Krüger sagte, die Tiere seien ruhig.", "de"),
            ("Zoo-Chefin Sabine Kramer sprach von Glück.", "de"),
            "contradicts",
        ),
        (
            ("Betriebsratschefin Monika Seifert kündigte Widerstand an.", "de"),
            ("Betriebsratsvorsitzende Monika Seidel sprach von Verrat.", "de"),
            "contradicts",
        ),
        # `Jan` and `Anna` sound alike to the German code but are no one first name
        (
            ("Feuerwehrsprecher Jan Kröger sagte, das Feuer sei aus.", "de"),
            ("Fire service spokeswoman Anna Meier said the fire was out.", "en"),
            None,
        ),
        # the English spelling drops the umlauts
        (("Holding-Chef Mehmet Öztürk schwieg.", "de"), ("Chairman Mehmet Ozturk left.", "en"), "variant"),
    ],
)
def test_names_of_one_role(first: tuple[str, str], second: tuple[str, str], relation: str | None) -> None:
    assert [r for r, _, _ in _names(first, second)] == ([relation] if relation else [])


def test_a_german_role_meets_its_translation(ding: Path) -> None:
    ding.write_text(DING + "Wahlleiter {m} :: returning officer; election officer\n", encoding="utf-8")
    found = _names(
        ("Das teilte Wahlleiter Stefan Kröger mit.", "de"),
        ("Returning officer Michael Kröger told the committee.", "en"),
    )
    assert [r for r, _, _ in found] == ["contradicts"]


@pytest.mark.parametrize(
    ("text", "published", "label"),
    [
        # a weekday in a clause about what is to come is the coming one
        (
            "Der Wahlausschuss will am Donnerstag das Endergebnis feststellen.",
            date(2026, 9, 28),
            "1 October 2026",
        ),
        ("Der Ausschuss soll am morgigen Donnerstag tagen.", date(2026, 9, 30), "1 October 2026"),
        ("The official result is due on Wednesday.", date(2026, 9, 28), "30 September 2026"),
        ("A runoff would be held on October 18.", date(2026, 9, 28), "18 October 2026"),
        # the past stays the past, also beside a future clause
        ("Kröger sagte am Montag, das Ergebnis werde korrekt sein.", date(2026, 9, 30), "28 September 2026"),
        ("The committee met on Monday.", date(2026, 9, 30), "28 September 2026"),
    ],
)
def test_dates_of_what_is_to_come(text: str, published: date, label: str) -> None:
    from tui.core.analysis.dates import dates

    language = "en" if text.split()[0] in ("The", "A") else "de"
    assert [d.label() for d in dates(text, published, language)] == [label]


def test_the_one_amount_of_a_unit_in_each_report_of_a_story_meets() -> None:
    docs = [
        Document(
            "de", "Der Unfall bei Norchem in Halstedt war schwer. Es traten 1,5 Tonnen Gas aus.", None, "de"
        ),
        Document(
            "en", "The accident at Norchem in Halstedt was serious. About 500 kilograms leaked.", None, "en"
        ),
    ]
    found = [(s.relation, s.members[0].text) for s in suggest(docs) if s.reason == "number"]
    assert [r for r, _ in found] == ["contradicts"]
    # with a second amount of that unit in one article, neither is the lone one
    docs[1] = Document("en", docs[1].text + " Another 200 kilograms were safe.", None, "en")
    assert not [s for s in suggest(docs) if s.reason == "number"]


@pytest.mark.parametrize(
    ("text", "language", "counts"),
    [
        # whatever the noun, people killed are the dead, people arrested are arrests
        ("Drei Hafenarbeiter kamen ums Leben.", "de", "dead"),
        ("Police arrested two smugglers.", "en", "arrests"),
        ("The number of smugglers arrested has risen to nine.", "en", "arrests"),
        # an event is no one anything befell
        ("Bei drei Busunfällen wurden 14 Menschen verletzt.", "de", "noun:busunfäll"),
    ],
)
def test_what_befell_a_noun_the_lexicon_does_not_know(text: str, language: str, counts: str) -> None:
    figure = analyse_document(Document("a", text, None, language)).figures[0]
    assert figure.counts == counts


def test_the_one_time_of_an_unnamed_event_in_each_report_of_a_story_meets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CROSSREAD_DING", "")  # the lone rule alone: no translated words
    german = "Die Brücke bei Kerbach nahe Cochem ist beschädigt. Gegen 18.40 Uhr gab ein Teilstück nach."
    english = "The bridge at Kerbach near Cochem is damaged. The section gave way at about 8.40 p.m."
    docs = [Document("de", german, None, "de"), Document("en", english, None, "en")]
    found = [(s.relation, s.members[0].text, s.members[1].text) for s in suggest(docs)]
    assert [r for r, _, _ in found] == ["contradicts"]
    # a second time in one report: which is which is not known
    docs[1] = Document("en", english + " Divers arrived at 10 p.m.", None, "en")
    assert suggest(docs) == []


def test_a_time_belongs_to_the_event_of_its_own_part_of_the_sentence() -> None:
    text = "Die Warnung wurde erst um 8.02 Uhr verschickt – fast zwei Stunden nach Beginn des Austritts."
    counts = [
        f.counts
        for f in analyse_document(Document("a", text, None, "de")).figures
        if f.quantity.unit == "time"
    ]
    assert counts == ["time:unnamed event"]  # not the time the leak began


def test_amounts_of_two_things_named_in_one_language_do_not_meet() -> None:
    docs = [
        Document("a", "Near Kerbach and Cochem, the collapse dropped a 210-metre section.", None, "en"),
        Document("b", "Near Kerbach and Cochem, traffic used the 480-metre bridge daily.", None, "en"),
    ]
    assert [s for s in suggest(docs) if s.reason == "number"] == []


@pytest.mark.parametrize(
    ("text", "predicate", "modality"),
    [
        ("Ammonia leak injures three workers.", "injured", ""),
        ("If her share falls below 50 percent, a runoff is held.", "", "possible"),
    ],
)
def test_english_verbs_and_conditions(text: str, predicate: str, modality: str) -> None:
    figure = analyse_document(Document("a", text, None, "en")).figures[0]
    assert (figure.predicate, figure.modality) == (predicate, modality)


def test_dates_of_an_event_the_lexicon_has_no_word_for_meet_by_translation(ding: Path) -> None:
    ding.write_text(DING + "Endergebnis {n} | Endergebnisse {pl} :: final result | final results\n", "utf-8")
    german = (
        "Bei der Wahl in Wendberg führt Petra Kowalski. "
        "Der Ausschuss will am Donnerstag das Endergebnis feststellen."
    )
    english = "In Wendberg, Petra Kowalski is ahead. The official result is due on Wednesday."
    docs = [
        Document("de", german, date(2026, 9, 28), "de"),
        Document("en", english, date(2026, 9, 28), "en"),
    ]
    found = [(s.relation, s.members[0].text, s.members[1].text) for s in suggest(docs) if s.reason == "date"]
    assert found == [("contradicts", "am Donnerstag", "on Wednesday")]


def test_times_of_an_event_the_lexicon_has_no_word_for_meet_by_translation(ding: Path) -> None:
    ding.write_text(DING + "Entwarnung {f} :: all clear (signal)\n", "utf-8")
    german = (
        "In Halstedt trat bei Norchem Gas aus. Um 7.10 Uhr heulten Sirenen. Entwarnung gab es um 11.30 Uhr."
    )
    english = (
        "Gas leaked at Norchem in Halstedt. At 7.10 a.m. sirens sounded. The all-clear was given at 1.30 p.m."
    )
    docs = [Document("de", german, None, "de"), Document("en", english, None, "en")]
    found = sorted((s.relation, s.members[0].text, s.members[1].text) for s in suggest(docs))
    assert ("contradicts", "um 11.30 Uhr", "at 1.30 p.m.") in found


def test_a_german_statement_meets_an_english_one_on_translated_words(ding: Path) -> None:
    ding.write_text(DING + "Ventil {n} :: valve\nRohr {n} | Rohre {pl} :: pipe | pipes\n", "utf-8")
    german = (
        "In Halstedt bei Norchem trat Gas aus. Das Unternehmen bestätigte, dass ein Ventil am Rohr brach."
    )
    english = "Gas leaked at Norchem in Halstedt. The company denied that a valve on the pipe broke."
    docs = [Document("de", german, None, "de"), Document("en", english, None, "en")]
    assert [s.relation for s in suggest(docs) if s.reason == "stance"] == ["contradicts"]
    ding.write_text(DING, "utf-8")  # the same without those entries
    assert [s.relation for s in suggest(docs) if s.reason == "stance"] == []


def test_a_translated_noun_meets_its_english_plural(ding: Path) -> None:
    ding.write_text(DING + "Schuss {m} | Schüsse {pl} :: shot | shots\n", "utf-8")
    german = (
        "In Ravensheim endete die Geiselnahme. Die Polizei bestätigte, dass der Täter einen Schuss abgab."
    )
    english = "In Ravensheim the siege ended. Police denied that any shots had been fired."
    docs = [Document("de", german, None, "de"), Document("en", english, None, "en")]
    assert [s.relation for s in suggest(docs) if s.reason == "stance"] == ["contradicts"]


def test_a_spokesman_of_a_company_speaks_for_it() -> None:
    german = (
        "Bei Norchem in Halstedt trat Gas aus. Ein Norchem-Sprecher räumte ein, dass Anwohner gewarnt wurden."
    )
    english = "Gas leaked at Norchem in Halstedt. Norchem denied that residents had been warned."
    docs = [Document("de", german, None, "de"), Document("en", english, None, "en")]
    assert [s.relation for s in suggest(docs) if s.reason == "stance"] == ["contradicts"]


def test_a_time_something_began_is_of_an_unnamed_event() -> None:
    text = "Die Arbeit hatte gegen 4.15 Uhr begonnen."
    counts = [f.counts for f in analyse_document(Document("a", text, None, "de")).figures]
    assert counts == ["time:unnamed event"]


def test_a_year_before_a_participle_dates_what_happened() -> None:
    from tui.core.analysis.dates import dates
    from tui.core.analysis.lexicon import event_kind

    found = dates("Die 1972 eröffnete Brücke gilt als wichtig.", date(2026, 3, 17), "de")
    assert [(d.text, d.label()) for d in found] == [("1972", "1972")]
    assert [event_kind(w) for w in ("eröffnete", "eingestürzten", "unterzeichnete")] == [
        "opened",
        "collapse",
        "signed",
    ]
    assert dates("Die 2000 Soldaten kamen.", date(2026, 3, 17), "de") == []


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        ("Die Talsperre wurde 1952 fertiggestellt.", "de", "1952"),
        ("Das Rohr stammt aus dem Jahr 1927.", "de", "1927"),
        ("The map, dated 1912, was a fake.", "en", "1912"),
        ("Es wurden 2000 Soldaten verlegt.", "de", None),  # a count of a noun, not a year
    ],
)
def test_a_year_said_with_wurde_aus_dem_jahr_or_dated(text: str, language: str, label: str | None) -> None:
    from tui.core.analysis.dates import dates

    found = [d.label() for d in dates(text, date(2026, 3, 17), language)]
    assert found == ([label] if label else [])


def test_the_dictionary_in_use_is_named(ding: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.core.analysis.dictionary import source

    assert source() == str(ding)
    monkeypatch.setenv("CROSSREAD_DING", "")
    assert source() == ""


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Sirens sounded at 7.10 a.m. The all-clear was given at 1.30 p.m.", 2),
        ("The match starts at 7 p.m. Tuesday in Leeds.", 1),
        # a year ends its sentence; an ordinal does not
        ("The museum acquired the painting in 2017. Its director was suspended.", 2),
        ("Am 19. Juni begann der 1.080. Tag des Krieges.", 1),
    ],
)
def test_a_time_of_day_may_end_a_sentence(text: str, count: int) -> None:
    from tui.core.analysis.segment import sentences

    assert len(sentences(text)) == count


def test_counts_orders_of_magnitude_apart_are_no_update() -> None:
    docs = [
        Document("a", "Norchem beschäftigt rund 4.500 Mitarbeiter.", date(2026, 6, 10), "de"),
        Document("b", "Ermittelt wird gegen zwei Mitarbeiter.", date(2026, 6, 14), "de"),
    ]
    assert [s for s in suggest(docs) if s.relation == "updates"] == []


@pytest.mark.parametrize(
    ("text", "language", "span", "value"),
    [
        ("Die Strecke soll für voraussichtlich zwei Jahre gesperrt bleiben.", "de", "zwei Jahre", 2 * 8760.0),
        ("The bridge would be closed for about a year.", "en", "about a year", 8760.0),
        ("Die Strecke bleibt für ein Jahr gesperrt.", "de", "ein Jahr", 8760.0),
    ],
)
def test_how_long_something_lasts(text: str, language: str, span: str, value: float) -> None:
    """In hours, so that `zwei Wochen` and `ten days` compare."""
    figure = analyse_document(Document("a", text, None, language)).figures[0]
    assert (figure.text, figure.counts, figure.quantity.value, figure.quantity.unit) == (
        span,
        "duration:closed",
        value,
        "h",
    )
    assert text[figure.start : figure.end] == figure.text


def test_two_ways_of_looking_ahead_compare() -> None:
    docs = [
        Document(
            "de",
            "Die Moselbrücke bei Kerbach soll für voraussichtlich zwei Jahre gesperrt bleiben.",
            None,
            "de",
        ),
        Document("en", "The Moselle bridge at Kerbach would be closed for about a year.", None, "en"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == ["contradicts"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The death toll now stands at 12.",
        "The number of injured has reached 40.",
        "More votes were counted twice than previously reported: 6,100.",
        "Die Panne ist größer als bislang bekannt: 6.100 Stimmen.",
    ],
)
def test_a_count_that_moved_on(sentence: str) -> None:
    from tui.core.analysis.phrasing import says_change

    assert says_change(sentence)


def test_an_event_word_naming_a_body_is_no_event() -> None:
    text = "The city's election committee confirmed on Thursday that the count was wrong."
    kinds = [e.kind for e in analyse_document(Document("a", text, date(2026, 10, 1), "en")).events]
    assert "elected" not in kinds


def test_a_hyphenated_translation_also_stands_without_its_hyphen(ding: Path) -> None:
    ding.write_text(DING + "Stichwahl {f} :: run-off; runoff election\n", "utf-8")
    assert {"run-off", "runoff", "election"} <= translations(["Stichwahl"])["Stichwahl"]


def test_an_unnamed_date_meets_the_event_its_words_translate(ding: Path) -> None:
    ding.write_text(
        DING + "Stichwahl {f} | Stichwahlen {pl} :: run-off; runoff election | run-offs\n", "utf-8"
    )
    german = "In Wendberg führt Petra Kowalski. Es käme am 11. Oktober zu einer Stichwahl."
    english = "In Wendberg, Petra Kowalski is ahead. A runoff would be held on October 18."
    docs = [
        Document("de", german, date(2026, 9, 28), "de"),
        Document("en", english, date(2026, 9, 28), "en"),
    ]
    found = [(s.relation, s.members[0].text, s.members[1].text) for s in suggest(docs) if s.reason == "date"]
    assert [r for r, _, _ in found] == ["contradicts"]


def test_a_year_and_a_day_of_one_kind_of_event_are_other_occurrences() -> None:
    docs = [
        Document("de", "Die Brücke bei Kerbach nahe Cochem stürzte am 15. März 2026 ein.", None, "de"),
        Document("en", "The bridge at Kerbach near Cochem had a partial collapse in 2024.", None, "en"),
    ]
    assert [s for s in suggest(docs) if s.reason == "date"] == []


@pytest.mark.parametrize(
    ("text", "language", "counts"),
    [
        # people the lexicon knows are the dead when killed, like people it does not know
        ("An explosion tore through the mine, killing at least 11 miners.", "en", "dead"),
        ("Bei dem Unglück kamen vier Urlauber ums Leben.", "de", "dead"),
        ("Three miners were rescued.", "en", "miners"),
    ],
)
def test_what_befell_people_the_lexicon_knows(text: str, language: str, counts: str) -> None:
    figure = analyse_document(Document("a", text, None, language)).figures[0]
    assert figure.counts == counts


def test_a_figure_of_a_past_event_the_story_recalls_is_none_of_its_own() -> None:
    docs = [
        Document(
            "a",
            "An explosion killed at least 11 miners on Wednesday. "
            "In October 2022, 41 people died in an explosion at another mine.",
            date(2026, 5, 13),
            "en",
        ),
        Document("b", "Die Zahl der Todesopfer ist auf 19 gestiegen.", date(2026, 5, 14), "de"),
    ]
    found = {
        (s.relation, tuple(sorted(m.text for m in s.members))) for s in suggest(docs) if s.reason == "number"
    }
    assert any(relation == "updates" and "11" in " ".join(texts) for relation, texts in found)
    assert not any("41" in " ".join(texts) for _, texts in found)


@pytest.mark.parametrize(
    ("first", "second", "relation"),
    [
        # a surname's particles are one word with it, however they are written
        (
            ("Spokeswoman Ilse Van de Walle said.", "en"),
            ("Spokeswoman Ilse Vandewalle said.", "en"),
            "variant",
        ),
        (
            ("Guide Joost van der Heijden said.", "en"),
            ("Bergführer Joost van der Heyden sagte.", "de"),
            "variant",
        ),
        # Danish letters fold as their transliterations do
        (
            ("Konzernchef Søren Kjærgaard sagte.", "de"),
            ("Chief executive Soren Kjaergaard said.", "en"),
            "variant",
        ),
        (
            ("Konzernchef Sören Kjärgaard sagte.", "de"),
            ("Konzernchef Søren Kjærgaard sagte.", "de"),
            "variant",
        ),
    ],
)
def test_names_with_particles_and_danish_letters(
    first: tuple[str, str], second: tuple[str, str], relation: str
) -> None:
    assert [r for r, _, _ in _names(first, second)] == [relation]


def test_a_lower_case_van_is_no_name_without_a_surname() -> None:
    assert _names(("Police stopped a van on the A4.", "en"), ("A Van was stopped.", "en")) == []


def test_how_wide_something_is_does_not_update() -> None:
    docs = [
        Document("a", "The avalanche was some 400 metres wide.", date(2026, 2, 14), "en"),
        Document("b", "The avalanche was some 600 metres wide, investigators said.", date(2026, 2, 16), "en"),
    ]
    assert {s.relation for s in suggest(docs) if s.reason == "number"} == {"contradicts"}


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Thirteen officers were hurt in total, police said.", "police"),
        ("Some 800 officers guard the route, officials said.", "officers"),
    ],
)
def test_officers_in_a_sentence_about_the_police_are_police(text: str, counts: str) -> None:
    assert analyse_document(Document("a", text, None, "en")).figures[0].counts == counts


def test_up_from_an_earlier_figure_says_it_changed() -> None:
    docs = [
        Document("a", "Nine police officers were injured.", date(2026, 3, 19), "en"),
        Document(
            "b",
            "Thirteen officers were hurt, up from Thursday's figure, police said.",
            date(2026, 3, 20),
            "en",
        ),
    ]
    assert {s.relation for s in suggest(docs) if s.reason == "number"} == {"updates"}


@pytest.mark.parametrize(
    ("german", "english"),
    [
        (
            "Die Explosion ereignete sich in rund 350 Metern Tiefe.",
            "The blast happened some 300 metres below the surface.",
        ),
        ("Die Lawine hatte eine Breite von rund 400 Metern.", "The avalanche was some 600 metres wide."),
    ],
)
def test_lengths_of_one_dimension_meet_across_languages(german: str, english: str) -> None:
    docs = [Document("de", german, date(2026, 5, 14), "de"), Document("en", english, date(2026, 5, 16), "en")]
    assert {s.relation for s in suggest(docs) if s.reason == "number"} == {"contradicts"}


@pytest.mark.parametrize(
    ("text", "language", "counts"),
    [
        ("Nach Angaben der Polizei wurden neun Personen verschüttet.", "de", "buried"),
        ("Eight members of the group were buried under the snow.", "en", "buried"),
    ],
)
def test_people_buried_are_counted_as_buried(text: str, language: str, counts: str) -> None:
    assert analyse_document(Document("a", text, None, language)).figures[0].counts == counts


def test_the_voters_of_an_election_do_not_update() -> None:
    docs = [
        Document("a", "Some 96,000 eligible voters were called to the polls.", date(2026, 9, 28), "en"),
        Document("b", "About 69,000 registered voters were called to the polls.", date(2026, 10, 1), "en"),
    ]
    assert {s.relation for s in suggest(docs) if s.reason == "number"} == {"contradicts"}


def test_two_presidents_named_in_one_report_are_two_people() -> None:
    found = _names(
        ("Präsident Wladimir Putin empfing Präsident Wolodymyr Selenskyj nicht.", "de"),
        ("Präsident Wladimir Putin sprach in Moskau.", "de"),
    )
    assert "contradicts" not in [r for r, _, _ in found]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("Technikchefin Anna Lindqvist sagte, alles sei sicher.", "de"), ("Anna Lindgren spoke.", "en")),
        (("Amtsleiterin Dr. Katrin Albers warnte.", "de"), ("Dr Katrin Behrens, head of it, warned.", "en")),
    ],
)
def test_one_first_name_and_a_surname_of_one_start_or_one_role(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert [r for r, _, _ in _names(first, second)] == ["contradicts"]


@pytest.mark.parametrize(
    ("first", "second", "relation"),
    [
        # one first name, another surname, one of them said to be someone
        (
            ("Als Anführer gilt Dragan Petković, sagte die Polizei.", "de"),
            ("Anführer Dragan Marković floh.", "de"),
            "contradicts",
        ),
        (
            ("Amtstierärztin Hanna Schürmann warnte.", "de"),
            ("Amtstierärztin Hanna Wessels warnte.", "de"),
            "contradicts",
        ),
        (
            ("Sein Anwalt Michael Lehnert bestätigte das.", "de"),
            ("Anwalt Michael Sommer schwieg.", "de"),
            "contradicts",
        ),
        # no one is said to be anyone: places and things are no people
        (
            ("Die Leipziger Innenstadt war gesperrt.", "de"),
            ("Die Leipziger Verkehrsbetriebe halfen.", "de"),
            None,
        ),
    ],
)
def test_one_first_name_another_surname(
    first: tuple[str, str], second: tuple[str, str], relation: str | None
) -> None:
    assert [r for r, _, _ in _names(first, second)] == ([relation] if relation else [])


def test_one_first_name_in_two_stories_of_an_archive_is_two_people() -> None:
    """More than 16 articles are an archive: its stories are told apart by the names they share."""
    day = date(2026, 3, 5)
    docs = [
        Document("a", "In Lindau ermittelt Kommissar Brenner. Anwalt Michael Lehnert schwieg.", day, "de"),
        Document("b", "In Kassel tagt der Rat von Gerstenberg. Anwalt Michael Sommer sprach.", day, "de"),
        *(Document(f"f{n}", f"Bericht Nummer {n} aus Ortschaft Nummer {n}.", day, "de") for n in range(16)),
    ]
    assert [s for s in suggest(docs) if s.reason == "name"] == []


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        ("Ein Vereinssprecher dementierte, dass es eine Einigung gebe.", "club"),
        ("Eine Polizeisprecherin bestätigte, dass Schüsse fielen.", "police"),
    ],
)
def test_a_spokesperson_compound_speaks_for_its_head(sentence: str, holder: str) -> None:
    from tui.core.analysis.claims import analyse_document as analyse
    from tui.core.analysis.stance import statements

    found = statements(analyse(Document("a", sentence, None, "de")))
    assert holder in found[0].holders
