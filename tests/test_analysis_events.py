"""Dates of one event across reports: event words, and clause words where a report
dates its event twice or names it with a word the lexicon lacks."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import relations

from tui.core.analysis import Document, analyse_document
from tui.core.analysis.lexicon import event_kind

WED = date(2026, 3, 4)


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("museumseinbruch", "theft"),
        ("juwelenraub", "theft"),
        ("heist", "theft"),
        ("deichbruch", "breach"),
        ("nachbeben", "aftershock"),
        ("erdbeben", "earthquake"),
        ("seenotrettung", "rescue"),
        ("mordprozess", "trial"),
        ("sinkhole", "collapse"),
        ("betriebsversammlung", "met"),
        ("struck", ""),  # the quake struck, the attacker struck: says nothing of what
        ("kündigte", ""),  # announced (kündigte an) or dismissed (kündigte ihm)
        ("thieves", "theft"),  # who did it names the event of a date
        ("custody", "arrest"),
        ("tagestour", "hike"),
        ("bemerkte", "discovered"),
        ("noticed", "discovered"),
        ("beurlaubt", "suspended"),  # a person sent home, not a service halted
        ("suspended", "suspended"),
        ("zurückgerufen", "recall"),
        ("erworben", "bought"),
        ("acquired", "bought"),
    ],
)
def test_event_words(word: str, kind: str) -> None:
    assert event_kind(word) == kind


def test_who_did_it_names_no_time_of_day() -> None:
    assert event_kind("diebe", agents=False) == ""


def test_an_event_dated_twice_meets_its_date_in_another_report_by_its_clause() -> None:
    found = relations(
        "date",
        (
            "Das Erdbeben in der Provinz Kastoria erschütterte am Montag die Stadt Lindau. "
            "Seit dem Beben am Montag sind Hunderte Menschen obdachlos, das Erdbeben von 1998 war schwächer.",
            "de",
        ),
        ("The earthquake in Kastoria province shook the town of Lindau on Sunday.", "en"),
        day=WED,
    )
    assert "contradicts" in found


def test_a_named_event_meets_an_unnamed_one_whose_clause_shares_its_words() -> None:
    found = relations(
        "date",
        (
            "In Lindau ermittelt Kommissar Brenner. Der Einbruch in das Stadtmuseum geschah am Montag, "
            "die Diebe kamen über das Dach.",
            "de",
        ),
        (
            "In Lindau ermittelt Kommissar Brenner. Die Diebe drangen am Sonntag über das Dach in das "
            "Stadtmuseum ein.",
            "de",
        ),
        day=WED,
    )
    assert found == ["contradicts"]


@pytest.mark.parametrize(
    ("text", "language", "minutes"),
    [
        ("Das Beben ereignete sich kurz nach Mitternacht.", "de", (0, 20)),
        ("The quake struck shortly before midnight.", "en", (1420, 1440)),
        ("The explosion happened at 14:30.", "en", (870, 870)),
    ],
)
def test_times_in_words_and_24_hour_figures(text: str, language: str, minutes: tuple[int, int]) -> None:
    figures = analyse_document(Document("a", text, WED, language)).figures
    assert [(f.quantity.low, f.quantity.high) for f in figures if f.counts.startswith("time:")] == [minutes]


def test_a_time_before_midnight_and_one_after_it_contradict() -> None:
    found = relations(
        "number",
        ("Das Beben in Lindau ereignete sich kurz nach Mitternacht.", "de"),
        ("The Lindau quake struck at about 10 p.m.", "en"),
        day=WED,
    )
    assert found == ["contradicts"]


def test_a_closure_by_two_deadlines_contradicts() -> None:
    found = relations(
        "date",
        ("Hallberg will das Werk Lindhof in Brackwede bis Ende 2027 schließen.", "de"),
        ("Hallberg will close the Lindhof plant in Brackwede by the end of 2028.", "en"),
        day=WED,
    )
    assert found == ["contradicts"]


def test_the_day_something_was_found_is_the_discovery_s() -> None:
    found = relations(
        "date",
        ("Das Leck an der Staumauer in Lindau wurde am Donnerstagabend entdeckt.", "de"),
        ("Ein Mitarbeiter hat das Leck in Lindau am Freitagmorgen bei einem Kontrollgang entdeckt.", "de"),
        day=WED,
    )
    assert found == ["contradicts"]


def test_the_time_something_was_detected_is_the_discovery_s_whatever_was_found() -> None:
    """`Der Angriff wurde gegen 2.30 Uhr entdeckt` / `The attack was detected at around
    3.30 a.m.`: both the time of the discovery, though the attack is named nearer."""
    found = relations(
        "number",
        ("Der Angriff auf das Klinikum wurde in der Nacht gegen 2.30 Uhr entdeckt.", "de"),
        ("The attack on the hospital was detected at around 3.30 a.m.", "en"),
    )
    assert found == ["contradicts"]


def test_a_report_s_first_date_of_its_event_meets_another_s() -> None:
    found = relations(
        "date",
        (
            "Ein schweres Erdbeben hat am frühen Donnerstagmorgen Lindau erschüttert. "
            "Seit dem Beben am Donnerstag und einem zweiten Beben am Samstag schlafen viele im Freien.",
            "de",
        ),
        ("The earthquake, which struck Lindau before dawn on Wednesday, left thousands homeless.", "en"),
        day=WED,
    )
    assert "contradicts" in found
