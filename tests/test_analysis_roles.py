"""One person, two roles (tui/core/analysis/roles.py): a spokesperson in one
report and a leader in another."""

from __future__ import annotations

import pytest

from tui.core.analysis.roles import role_suggestions


def both(a, b) -> bool:  # type: ignore[no-untyped-def]
    return True


@pytest.mark.parametrize(
    ("name_a", "role_a", "name_b", "role_b", "proposed"),
    [
        ("Matthias Krüger", "head", "Matthias Krüger", "spokesperson", True),  # Werkleiter / spokesman
        ("Matthias Krüger", "spokesperson", "Matthias Kröger", "mayor", False),  # another name
        ("Anna Weber", "spokesperson", "Anna Weber", "spokesperson", False),  # one role
        ("Hendrik Wolff", "prosecutor", "Hendrik Wolff", "spokesperson", False),  # a rank, speaking
        ("Anna Weber", "head", "Anna Weber", "president", False),  # leaders overlap
        ("Petra Simmering", "district administrator", "Petra Simmering", "mayor", True),
        ("Michael Sauerbrey", "head", "Michael Sauerbrey", "finance officer", True),
        ("Markus Oberle", "lawyer", "Markus Oberle", "councillor", False),  # a lawyer may sit on a council
        ("Stefan Krüger", "councillor", "Stefan Krüger", "head", False),  # IT-Dezernent, head of IT
    ],
)
def test_one_person_two_roles(name_a: str, role_a: str, name_b: str, role_b: str, proposed: bool) -> None:
    found = [
        ("a", 0, len(name_a), name_a, role_a, name_a.lower()),
        ("b", 5, 5 + len(name_b), name_b, role_b, name_b.lower()),
    ]
    got = role_suggestions(found, both)
    assert bool(got) == proposed
    if got:
        (s,) = got
        assert s.relation == "contradicts" and s.reason == "name"
        assert [m.text for m in s.members] == [name_a, name_b]
        assert role_a in s.summary and role_b in s.summary


def test_a_report_giving_one_name_two_roles_is_left_out() -> None:
    found = [
        ("a", 0, 9, "Anna Weber", "head", "anna weber"),
        ("a", 50, 59, "Anna Weber", "spokesperson", "anna weber"),
        ("b", 0, 9, "Anna Weber", "spokesperson", "anna weber"),
    ]
    assert role_suggestions(found, both) == []


def test_only_within_one_story() -> None:
    found = [
        ("a", 0, 9, "Anna Weber", "head", "anna weber"),
        ("b", 0, 9, "Anna Weber", "spokesperson", "anna weber"),
    ]
    assert role_suggestions(found, lambda a, b: False) == []


def test_one_person_two_offices_from_the_text() -> None:
    """Through the name rules: two spellings of one name, each with its office."""
    from conftest import relations

    found = relations(
        "name",
        ("Der Vorstandschef Michael Sauerbrey entschuldigte sich bei den Kunden.", "de"),
        ("Finanzvorstand Michael Sauerbrei sprach von einem schweren Fehler.", "de"),
    )
    assert "contradicts" in found
