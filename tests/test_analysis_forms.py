"""Inflected forms of what befell the counted (issue 15): German participles as adjectives,
weak preterites and infinitives, English present participles and a headline's present tense,
generated from the lexicon's forms."""

from __future__ import annotations

from datetime import date

import pytest

from tui.core.analysis import Document, analyse_document, suggest
from tui.core.analysis.inflect import inflected


@pytest.mark.parametrize(
    ("listed", "form", "cls"),
    [
        ("verletzt", "verletzten", "injured"),
        ("festgenommen", "festgenommene", "arrested"),
        ("evakuiert", "evakuierte", "evacuated"),
        ("evacuated", "evacuating", "evacuated"),
        ("verletzt", "verletzen", "injured"),
        ("geräumt", "räumen", "evacuated"),
        ("verhaftet", "verhaften", "arrested"),
        ("arrested", "arrests", "arrested"),
        ("destroyed", "destroy", "destroyed"),
        ("rescued", "rescue", None),  # `rescue helicopters`: a noun's modifier, no verb
        ("cut", "cute", None),  # a short word is English or too ambiguous to inflect
        ("gehalt", "gehalten", None),  # a noun (salary), and `gehalten` is another verb
    ],
)
def test_forms_generated_from_the_listed_ones(listed: str, form: str, cls: str | None) -> None:
    assert inflected({listed: cls or "x"}).get(form) == cls


def test_a_listed_form_keeps_its_own_class() -> None:
    assert "verletzte" not in inflected({"verletzt": "injured", "verletzte": "other"})


@pytest.mark.parametrize(
    ("text", "language", "counts", "predicate"),
    [
        ("Die Polizei meldete zwölf festgenommene Demonstranten.", "de", "arrests", "arrested"),
        ("Rund 300 evakuierte Anwohner kehrten am Abend zurück.", "de", "evacuees", "evacuated"),
        ("Bei dem Unfall gab es drei verletzte Fahrgäste.", "de", "injured", "injured"),
        ("Sie zählten 40 verwüstete Häuser.", "de", "buildings", "destroyed"),
        ("Firefighters were evacuating 300 residents on Monday.", "en", "evacuees", "evacuated"),
        # the present of a headline, and a German infinitive
        ("Police arrest 12 protesters after riot.", "en", "arrests", "arrested"),
        ("Fire destroys 40 homes in Kienwerder.", "en", "buildings", "destroyed"),
        ("Die Polizei will vier Personen verhaften.", "de", "arrests", "arrested"),
        ("Rescue helicopters flew three people out.", "en", "people", ""),
        # a capitalised form is the noun of the people: here they struck, they were not employed
        ("Rund 1.800 Beschäftigte streikten am Montag.", "de", "employees", "struck"),
        # `the burning area`: an adjective of another noun
        ("Some 3,000 households near the burning area lost power.", "en", "households", "without power"),
    ],
)
def test_inflected_predicates(text: str, language: str, counts: str, predicate: str) -> None:
    figure = analyse_document(Document("a", text, None, language)).figures[0]
    assert (figure.counts, figure.predicate) == (counts, predicate)


def test_an_inflected_participle_pairs_with_the_english_verb() -> None:
    docs = [
        Document("de", "Bei dem Unfall gab es drei verletzte Fahrgäste.", date(2026, 3, 2), "de"),
        Document("en", "Five passengers were injured in the crash.", date(2026, 3, 2), "en"),
    ]
    assert [s.relation for s in suggest(docs) if s.reason == "number"] == ["contradicts"]
