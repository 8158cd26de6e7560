"""Counted nouns the lexicon does not know (issue 15): English compound heads, parts of a
whole, and German nouns matched to English ones through a dictionary (a small one written
here in the Ding format, so the tests do not depend on Debian's trans-de-en)."""

from __future__ import annotations

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
