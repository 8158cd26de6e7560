"""Where a quote with a typo can be: q-grams of it, rarest first.

A typo breaks only the grams that cover it; every other gram of the quote is
still found, exactly, where the quote stands. So the hits of a quote's rarest
intact grams are the only places worth comparing it with, and how many of its
grams stand where they should ranks those places. Frequent grams (inside
common words) would cost more to collect than they tell, so a batch first
estimates every gram's frequency on a small sample of the text and keeps, per
quote, a few rare ones that do not overlap (one typo breaks at most two).
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.document.multisearch import find_all

GRAM = 8  # gram length for quotes of 24 characters and more
SEEDS = 5  # grams kept per quote in a batch
APART = 3  # of them not overlapping: a typo breaks two at most
FILL_MOST = 2  # sample hits of a gram kept beyond the non-overlapping ones
MOST_HITS = 5000  # hits of one gram ever taken as candidates
WINDOWS = 4  # best places returned
CLOSE = 8.0  # ratio points below the best place that still get compared in full
NEAR = 16  # candidates closer than this are one place
SAMPLE = 1 << 17  # characters of text the frequency estimate reads
CHUNK = 1 << 14

Gram = tuple[int, str]  # offset in the quote, text


def grams(fquote: str) -> list[Gram]:
    """Overlapping q-grams at half-gram steps, the last one flush with the end."""
    size = min(GRAM, max(3, len(fquote) // 3))
    if len(fquote) < size:
        return []
    step = max(1, size // 2)
    offsets = list(range(0, len(fquote) - size + 1, step))
    if offsets[-1] != len(fquote) - size:
        offsets.append(len(fquote) - size)
    return [(off, fquote[off : off + size]) for off in offsets]


def sample(text: str) -> str:
    """Evenly spread chunks of a long text, enough to tell rare grams from common."""
    if len(text) <= SAMPLE:
        return text
    count = SAMPLE // CHUNK
    stride = len(text) // count
    return "\0".join(text[i * stride : i * stride + CHUNK] for i in range(count))


def pick(ftext: str, fquotes: Iterable[str]) -> dict[str, list[Gram]]:
    """A few rare, non-overlapping grams for each quote, by their sample frequency."""
    every = {fquote: grams(fquote) for fquote in fquotes}
    counts = find_all(sample(ftext), (g for items in every.values() for _, g in items))
    return {fquote: spread(items, counts) for fquote, items in every.items()}


def spread(items: list[Gram], counts: dict[str, list[int]]) -> list[Gram]:
    """The three rarest grams that do not overlap (a typo cannot break them
    all), then more of the rest if they are rare too (cheap to collect)."""
    ranked = sorted(items, key=lambda g: (len(counts.get(g[1], ())), g[0]))
    chosen: list[Gram] = []
    for off, gram in ranked:
        if len(chosen) < APART and all(abs(off - other) >= len(gram) for other, _ in chosen):
            chosen.append((off, gram))
    chosen += [item for item in ranked if item not in chosen and len(counts.get(item[1], ())) <= FILL_MOST]
    return sorted(chosen[:SEEDS])


def candidates(fquote: str, ftext: str, items: list[Gram], hits: dict[str, list[int]]) -> list[int]:
    """Folded offsets where the quote may start, best first.

    The hits of the rarest grams found are the candidates, taken until three of
    them do not overlap: one edit touches at most two such grams (a broken gram
    can still be found elsewhere), so the third holds the true place. Places
    are ranked by a whole-quote ratio in rapidfuzz's C loop, which also tells
    apart the many repeats of a common phrase that the grams cannot.
    """
    from rapidfuzz import fuzz, process

    starts: set[int] = set()
    apart: list[Gram] = []  # taken grams that do not overlap each other
    for off, gram in sorted(items, key=lambda g: len(hits[g[1]])):
        positions = hits[gram]
        if not positions:
            continue
        starts.update([pos - off for pos in positions[:MOST_HITS]])
        if all(abs(off - other) >= len(gram) for other, _ in apart):
            apart.append((off, gram))
        if len(apart) == 3 or len(starts) >= MOST_HITS:
            break
    places: list[int] = []
    for start in sorted(starts):  # an edit shifts the grams after it: one place
        start = max(0, start)
        if not places or start - places[-1] > 2:
            places.append(start)
    size = len(fquote)
    ranked = process.extract(
        fquote, [ftext[s : s + size] for s in places], scorer=fuzz.ratio, limit=4 * WINDOWS
    )
    chosen: list[int] = []
    for _, ratio, number in ranked:
        if ratio < ranked[0][1] - CLOSE:
            break  # clearly worse than the best place: not worth a full comparison
        if all(abs(places[number] - other) > NEAR for other in chosen):
            chosen.append(places[number])
            if len(chosen) == WINDOWS:
                break
    return chosen
