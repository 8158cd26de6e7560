"""One-word names a German report spells with umlauts or ß and an English one in
ASCII (tui.core.analysis.places): proposed as variants, nouns and people left alone."""

from __future__ import annotations

import pytest

from tui.core.analysis import Document, suggest


def _variants(de: str, en: str) -> list[tuple[str, str]]:
    docs = [Document("de", de, None, "de"), Document("en", en, None, "en")]
    return [
        (s.members[0].text, s.members[1].text)
        for s in suggest(docs)
        if s.relation == "variant" and "without umlauts" in s.summary
    ]


@pytest.mark.parametrize(
    ("de", "en", "pair"),
    [
        (
            "Die Bergretter brachen in Sölden auf.",
            "Rescuers set off near Soelden on Sunday.",
            ("Sölden", "Soelden"),
        ),
        (
            "Der Überfall in Weißenbrunn dauerte Minuten.",
            "WEISSENBRUNN — Robbers struck in Weissenbrunn on Thursday.",
            ("Weißenbrunn", "Weissenbrunn"),  # the running text's spelling, not the dateline's
        ),
        (
            "Das Landgericht Velsbrück verhandelt.",
            "The court in Velsbrueck heard the case.",
            ("Velsbrück", "Velsbrueck"),
        ),
    ],
)
def test_a_place_spelled_without_umlauts_is_a_variant(de: str, en: str, pair: tuple[str, str]) -> None:
    assert _variants(de, en) == [pair]


@pytest.mark.parametrize(
    ("de", "en"),
    [
        # a German noun the English report does not spell
        ("Die Straße blieb gesperrt.", "The road stayed closed."),
        # one spelling in both
        ("Die Feuerwehr in Sölden rückte aus.", "Firefighters in Sölden responded."),
        # too short to tell a name
        ("Ein Bär lief durch Öhr.", "A bear ran through Oehr."),
    ],
)
def test_no_variant_without_two_spellings_of_a_name(de: str, en: str) -> None:
    assert _variants(de, en) == []


def test_a_persons_name_is_left_to_the_names_rule() -> None:
    de = "Bürgermeisterin Sabine Krüger sagte, der Schaden sei groß."
    en = "Mayor Sabine Krueger said the damage was extensive."
    docs = [Document("de", de, None, "de"), Document("en", en, None, "en")]
    found = [s for s in suggest(docs) if s.relation == "variant"]
    assert len(found) == 1 and "Sabine Krüger" in found[0].summary
