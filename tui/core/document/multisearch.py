"""Every occurrence of many strings in one text, in one Aho–Corasick pass.

Anchoring tens of thousands of quotes with one `str.find` loop each rescans the
article per quote; one automaton over all of them reads it once. Only the first
KEY characters of a long needle go into the automaton (a smaller trie builds
and walks faster than one of whole quotes; LONG_KEY where many needles open
alike) and each hit is then checked against the whole needle, so results equal
a `find` loop's: every start, overlapping ones included, in increasing order.
"""

from __future__ import annotations

from collections.abc import Iterable

KEY = 12
LONG_KEY = 20  # the key of needles whose first KEY characters more than SHARED others share
SHARED = 3


def find_all(text: str, needles: Iterable[str]) -> dict[str, list[int]]:
    """Start offsets of each distinct non-empty needle in text (empty list if none)."""
    try:  # only a cold load needs it; keep it off the reader's startup
        import ahocorasick
    except ImportError:  # an install without the wheel still works, one scan per needle
        return {n: find_one(text, n) for n in needles if n}

    found: dict[str, list[int]] = {}
    by_short: dict[str, list[str]] = {}
    for needle in needles:
        if needle and needle not in found:
            found[needle] = []
            by_short.setdefault(needle[:KEY], []).append(needle)
    by_key: dict[str, list[str]] = {}
    for key, group in by_short.items():
        if len(group) <= SHARED:
            by_key[key] = group
        else:  # a common opening: a longer key spares checking each hit against many needles
            for needle in group:
                by_key.setdefault(needle[:LONG_KEY], []).append(needle)
    if not by_key:
        return found
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
    ends: dict[str, list[int]] = {}
    for key in by_key:
        automaton.add_word(key, ends.setdefault(key, []))
    automaton.make_automaton()
    for end, key_ends in automaton.iter(text):  # each key's value is its list of ends
        key_ends.append(end)
    startswith = text.startswith
    for key, key_ends in ends.items():
        if not key_ends:
            continue
        back = len(key) - 1
        if len(key_ends) == 1:  # most keys: no lists built to filter one hit
            start = key_ends[0] - back
            for needle in by_key[key]:
                found[needle] = [start] if len(needle) == len(key) or startswith(needle, start) else []
            continue
        starts = [end - back for end in key_ends]
        for needle in by_key[key]:
            if len(needle) == len(key):
                found[needle] = starts
            else:
                found[needle] = [s for s in starts if startswith(needle, s)]
    return found


def find_one(text: str, needle: str) -> list[int]:
    """The same for a single needle: a `find` loop beats building an automaton."""
    hits: list[int] = []
    if not needle:
        return hits
    pos = text.find(needle)
    while pos != -1:
        hits.append(pos)
        pos = text.find(needle, pos + 1)
    return hits
