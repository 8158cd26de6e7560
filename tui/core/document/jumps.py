"""The jump list: where the caret was before each jump, for going back and forth.

Like vim's: a jump (follow, `]`, a search match, a list selection) records the
place it left; going back from the newest place records that place too, so
going forward returns to it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    article: str
    offset: int


class JumpList:
    def __init__(self, limit: int = 100) -> None:
        self.places: list[Place] = []
        self.index = 0  # == len(places): at the newest place, not in the list yet
        self.limit = limit

    def record(self, here: Place) -> None:
        """Before a jump: remember where it leaves from (forward history ends)."""
        del self.places[self.index :]
        if not self.places or self.places[-1] != here:
            self.places.append(here)
        if len(self.places) > self.limit:
            del self.places[0]
        self.index = len(self.places)

    def back(self, here: Place) -> Place | None:
        if self.index == len(self.places):
            if self.places and self.places[-1] == here:
                self.index -= 1  # already at the last recorded place
            else:
                self.places.append(here)
        if self.index == 0:
            return None
        self.index -= 1
        return self.places[self.index]

    def forward(self) -> Place | None:
        if self.index + 1 >= len(self.places):
            return None
        self.index += 1
        return self.places[self.index]
