"""Where a quote with a typo can be: q-grams of it, rarest first.

A typo breaks only the grams that cover it; every other gram of the quote is
still found, exactly, where the quote stands. So the hits of a quote's rarest
intact grams are the only places worth comparing it with, and how many of its
grams stand where they should ranks those places. Frequent grams (inside
common words) would cost more to collect than they tell, so a batch first
estimates every gram's frequency on a small sample of the text and keeps, per
quote, two rare ones with a gap between them (one typo breaks only one).
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.document.multisearch import find_all

GRAM = 8  # gram length for quotes of 24 characters and more
MOST_HITS = 5000  # hits of one gram ever taken as candidates
WINDOWS = 4  # best places returned
CLOSE = 8.0  # ratio points below the best place that still get compared in full
NEAR = 16  # candidates closer than this are one place
SHIFTS = (0, -1, 1, -2, 2)  # how far an insertion or deletion moves a gram, either way
AGREED = 8  # agreeing starts few enough to rank without checking more grams
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
    """Two rare grams of which one edit always leaves one whole.

    Two grams with a character between them cannot both be broken by one
    edit, so the rarest such pair is kept. Taking the rarest grams alone
    could keep only broken ones: the grams a typo breaks are the rarest of
    all in the text. A quote too short for such a pair (under 7 characters)
    keeps every gram. No more are kept: each gram a batch searches slows its
    pass over the text (pyahocorasick pays for each branch of its trie at
    every character), while the places are ranked by whole-quote ratio
    anyway (5 MB, 390 typo quotes: the same results as with up to three more
    grams each, 0.04 s sooner).
    """
    count = {gram: len(counts.get(gram, ())) for _, gram in items}
    pairs = [
        (max(count[a[1]], count[b[1]]), count[a[1]] + count[b[1]], a, b)
        for i, a in enumerate(items)
        for b in items[i + 1 :]
        if b[0] > a[0] + len(a[1])
    ]
    if not pairs:
        return items
    _, _, first, second = min(pairs)
    return [first, second]


def candidates(fquote: str, ftext: str, items: list[Gram], hits: dict[str, list[int]]) -> list[int]:
    """Folded offsets where the quote may start, best first.

    First the places where the grams agree as they must if the quote differs
    from its text by one edit (`_agreeing`); those are few even for a quote of
    common words. If none of them is one edit away (more edits, or a gram
    broken at the true place found elsewhere), the hits of
    the rarest grams are the candidates, taken until three of them do not
    overlap: one edit touches at most two such grams (a broken gram can still
    be found elsewhere), so the third holds the true place. Places are ranked
    by a whole-quote ratio in rapidfuzz's C loop, which also tells apart the
    many repeats of a common phrase that the grams cannot.
    """
    agreeing = _agreeing(items, hits)
    if agreeing:
        chosen, best = _rank(fquote, ftext, agreeing)
        if best >= one_edit(len(fquote)):
            return chosen
    return _rank(fquote, ftext, _places(_union(items, hits)))[0]


def one_edit(length: int) -> float:
    """The least whole-quote ratio of a place one edit away, even when the
    place is off by one character (an insertion or deletion shifts it): two
    characters of difference in 2 * length. No leftover quote matches better
    than one edit (it would have been found exactly or folded), so a place
    this good is as good as any the wider search could find."""
    return 100.0 * (1.0 - 2.0 / length) - 1e-9


def _clear(item: Gram, other: Gram) -> bool:
    """Whether one edit that breaks `other` leaves `item` whole: no character
    of `item` lies in `other` or right next to it."""
    (off, gram), (other_off, other_gram) = item, other
    return off + len(gram) < other_off or off > other_off + len(other_gram)


def _agreeing(items: list[Gram], hits: dict[str, list[int]]) -> list[int]:
    """Starts that every gram a single edit must have left whole agrees on.

    A gram with no hit is broken, so the edit lies in it and every gram clear
    of it stands at the true place; with none broken, every gram does. So the
    rarest such gram's hits, kept only where the next rarest ones stand too
    (two characters either way: an insertion or deletion shifts the grams
    after it), hold the true place, and rarely many others. Empty when no gram
    is known to be whole.
    """
    present = sorted((item for item in items if hits[item[1]]), key=lambda g: len(hits[g[1]]))
    broken = [item for item in items if not hits[item[1]]]
    whole = [item for item in present if not broken or any(_clear(item, b) for b in broken)]
    if not whole:
        return []
    base_off, base = whole[0]
    starts = [pos - base_off for pos in hits[base]]
    for off, gram in whole[1:]:
        if len(starts) <= AGREED:
            break
        at = set(hits[gram])
        near = {pos - off + shift for pos in at for shift in SHIFTS} if len(at) <= len(starts) else None
        if near is not None:
            starts = [s for s in starts if s in near]
        else:
            starts = [s for s in starts if any(s + off + shift in at for shift in SHIFTS)]
    return _places(starts)


def _union(items: list[Gram], hits: dict[str, list[int]]) -> list[int]:
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
    return list(starts)


def _places(starts: list[int]) -> list[int]:
    places: list[int] = []
    for start in sorted(starts):  # an edit shifts the grams after it: one place
        start = max(0, start)
        if not places or start - places[-1] > 2:
            places.append(start)
    return places


def _rank(fquote: str, ftext: str, places: list[int]) -> tuple[list[int], float]:
    """The best places by whole-quote ratio (at most WINDOWS), and the best ratio."""
    if not places:
        return [], 0.0
    from rapidfuzz import fuzz, process

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
    return chosen, ranked[0][1]
