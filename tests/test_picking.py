"""What a picker query finds, and in which order (tui/core/views/picking.py)."""

from __future__ import annotations

import pytest

from tui.core.views.picking import finds

TITLES = [
    "bericht 1 blatt 1 a00001",
    "brückeneinsturz in kerbach zeitung b",
    "kursk: nordkoreanische truppen an der front welt c",
    "truppen in kursk bestätigt taz d",
    "bericht 12 blatt 12 a00012",
    "frankreich ohne neue truppen e",
    "der frontbericht aus kursk f",
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [0, 1, 2, 3, 4, 5, 6]),  # nothing typed: every article, in order
        ("brkbach", [1]),  # letters in order, not a substring
        ("KERBACH", [1]),  # case does not matter
        ("zzz", []),
        ("kursk", [2, 3, 6]),  # all hold the word; ties keep the order
        ("blatt 1", [0, 4]),
        ("front", [2, 6, 5]),  # the word itself before scattered letters
    ],
)
def test_finds(query: str, expected: list[int]) -> None:
    assert finds(query, TITLES) == expected


def test_every_find_holds_the_letters_in_order() -> None:
    for query in ("bt", "ruk", "a0", "tz"):
        for index in finds(query, TITLES):
            rest = iter(TITLES[index])
            assert all(letter in rest for letter in query)
