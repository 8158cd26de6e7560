"""Resolve quotes to spans: exact, then folded, then bounded fuzzy search.

Exact quotes are looked up through a word-start index built once per text, so
anchoring thousands of hand-written quotes does not rescan the article for each
one. Fuzzy matching only runs inside windows seeded by exact n-gram hits.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from tui.core.model import ORPHAN, Anchor, Match, Resolution
from tui.core.text import fold_with_map

KEY = 6
MIN_SCORE = 85.0
CONTEXT = 32
_WORD_START = re.compile(r"(?<!\w)\w|[^\w\s]")


@dataclass
class TextIndex:
    text: str
    _starts: dict[str, list[int]] | None = None
    _folded: tuple[str, list[int]] | None = None
    _found: dict[str, list[int]] = field(default_factory=dict)

    @property
    def folded(self) -> tuple[str, list[int]]:
        if self._folded is None:
            self._folded = fold_with_map(self.text)
        return self._folded

    def _word_index(self) -> dict[str, list[int]]:
        if self._starts is None:
            index: dict[str, list[int]] = {}
            text = self.text
            for m in _WORD_START.finditer(text):
                pos = m.start()
                index.setdefault(text[pos:pos + KEY], []).append(pos)
            self._starts = index
        return self._starts

    def occurrences(self, quote: str, use_index: bool) -> list[int]:
        """Every start offset of quote in the text (cached per quote)."""
        cached = self._found.get(quote)
        if cached is not None:
            return cached
        text = self.text
        hits: list[int] = []
        if use_index and len(quote) >= KEY and _WORD_START.match(quote):
            for pos in self._word_index().get(quote[:KEY], ()):
                if text.startswith(quote, pos):
                    hits.append(pos)
        else:
            pos = text.find(quote)
            while pos != -1:
                hits.append(pos)
                pos = text.find(quote, pos + 1)
        self._found[quote] = hits
        return hits


def _context_score(text: str, start: int, end: int, anchor: Anchor) -> float:
    score = 0.0
    if anchor.prefix:
        before = text[max(0, start - len(anchor.prefix)):start]
        score += fuzz.ratio(before, anchor.prefix) / 100
    if anchor.suffix:
        after = text[end:end + len(anchor.suffix)]
        score += fuzz.ratio(after, anchor.suffix) / 100
    return score


def _choose(text: str, starts: list[int], length: int, anchor: Anchor) -> tuple[int, bool]:
    """Pick one of several candidate starts; report whether it was a guess."""
    if len(starts) == 1:
        return starts[0], False
    if anchor.occurrence:
        if anchor.occurrence <= len(starts):
            return starts[anchor.occurrence - 1], False
        return -1, False
    if anchor.prefix or anchor.suffix:
        best = max(starts, key=lambda s: _context_score(text, s, s + length, anchor))
        return best, False
    if anchor.start is not None:
        return min(starts, key=lambda s: abs(s - (anchor.start or 0))), False
    return starts[0], True


def resolve(index: TextIndex, anchor: Anchor, many: bool = False) -> Resolution:
    """Resolve one anchor; `many` says a large batch is running (use the index)."""
    text, quote = index.text, anchor.quote
    if not quote:
        return ORPHAN
    hint = anchor.start
    if (hint is not None and 0 <= hint and text.startswith(quote, hint)
            and not anchor.occurrence):
        return Resolution(hint, hint + len(quote), Match.EXACT)
    starts = index.occurrences(quote, many)
    if starts:
        start, guessed = _choose(text, starts, len(quote), anchor)
        if start >= 0:
            return Resolution(start, start + len(quote), Match.EXACT, 1.0, guessed)
    folded = _folded(index, anchor)
    if folded is not None:
        return folded
    return _fuzzy(index, anchor)


def _folded(index: TextIndex, anchor: Anchor) -> Resolution | None:
    ftext, fmap = index.folded
    fquote, _ = fold_with_map(anchor.quote)
    fquote = fquote.strip()
    if not fquote:
        return None
    starts: list[int] = []
    pos = ftext.find(fquote)
    while pos != -1:
        starts.append(pos)
        pos = ftext.find(fquote, pos + 1)
    if not starts:
        return None
    folded_anchor = Anchor(fquote, anchor.prefix, anchor.suffix, anchor.occurrence, None)
    start, guessed = _choose(ftext, starts, len(fquote), folded_anchor)
    if start < 0:
        return None
    begin, end = fmap[start], fmap[start + len(fquote) - 1] + 1
    return Resolution(begin, end, Match.EXACT, 1.0, guessed)


def _seeds(quote: str, size: int) -> list[tuple[int, str]]:
    """A few n-grams spread across the quote, to find candidate windows."""
    if len(quote) <= size:
        return [(0, quote)]
    step = max(1, (len(quote) - size) // 4)
    return [(i, quote[i:i + size]) for i in range(0, len(quote) - size + 1, step)][:6]


def _fuzzy(index: TextIndex, anchor: Anchor) -> Resolution:
    ftext, fmap = index.folded
    fquote = fold_with_map(anchor.quote)[0].strip()
    if len(fquote) < 4:
        return ORPHAN
    size = max(4, min(12, len(fquote) // 4))
    windows: set[int] = set()
    for offset, gram in _seeds(fquote, size):
        pos = ftext.find(gram)
        count = 0
        while pos != -1 and count < 50:
            windows.add(max(0, pos - offset))
            pos = ftext.find(gram, pos + 1)
            count += 1
    if anchor.start is not None and fmap:
        windows.add(max(0, bisect_left(fmap, anchor.start) - len(fquote) // 2))
    best: tuple[float, int, int] | None = None
    slack = max(8, len(fquote) // 4)
    for begin in sorted(windows):
        lo = max(0, begin - slack)
        window = ftext[lo:begin + len(fquote) + slack]
        found = fuzz.partial_ratio_alignment(fquote, window, score_cutoff=MIN_SCORE)
        if found is None:
            continue
        s, e = lo + found.dest_start, lo + found.dest_end
        score = found.score
        if anchor.prefix or anchor.suffix:
            # Context breaks ties between near-equal windows, never lifts a weak match.
            score += _context_score(ftext, s, e, anchor)
        if best is None or score > best[0]:
            best = (score, s, e)
    if best is None:
        return ORPHAN
    _, s, e = _refine(ftext, fquote, best[1], best[2])
    raw = fuzz.ratio(fquote, ftext[s:e]) / 100
    if raw * 100 < MIN_SCORE or e <= s:
        return ORPHAN
    return Resolution(fmap[s], fmap[e - 1] + 1, Match.FUZZY, round(raw, 3))


def _refine(text: str, quote: str, start: int, end: int) -> tuple[float, int, int]:
    """Nudge both ends a few characters to the best whole-quote ratio."""
    best = (fuzz.ratio(quote, text[start:end]), start, end)
    for ds in range(-3, 4):
        for de in range(-3, 4):
            s, e = start + ds, end + de
            if 0 <= s < e <= len(text):
                score = fuzz.ratio(quote, text[s:e])
                if score > best[0]:
                    best = (score, s, e)
    return best


def context_of(text: str, start: int, end: int) -> tuple[str, str]:
    """Prefix and suffix to store with a new anchor so it survives later edits."""
    return text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]
