"""Resolve quotes to spans: exact, then folded, then bounded fuzzy search.

Exact quotes are looked up through a word-start index built once per text, so
anchoring thousands of hand-written quotes does not rescan the article for each
one. Fuzzy matching only runs inside windows seeded by exact n-gram hits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.model import ORPHAN, Anchor, Match, Resolution
from tui.core.text import Folded

KEY = 16
SHORT_KEY = 10
MIN_SCORE = 85.0
CONTEXT = 32
_WORD_START = re.compile(r"(?<!\w)\w|[^\w\s]")


@dataclass
class TextIndex:
    text: str
    _starts: dict[str, list[int]] | None = None
    _short: dict[str, list[int]] | None = None
    _folded: Folded | None = None
    _found: dict[str, list[int]] = field(default_factory=dict)

    @property
    def folded(self) -> Folded:
        if self._folded is None:
            self._folded = Folded(self.text)
        return self._folded

    def _build(self, key: int) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        text = self.text
        for m in _WORD_START.finditer(text):
            pos = m.start()
            index.setdefault(text[pos:pos + key], []).append(pos)
        return index

    def _word_index(self) -> dict[str, list[int]]:
        if self._starts is None:
            self._starts = self._build(KEY)
        return self._starts

    def _short_index(self) -> dict[str, list[int]]:
        if self._short is None:
            self._short = self._build(SHORT_KEY)
        return self._short

    def occurrences(self, quote: str, use_index: bool) -> list[int]:
        """Every start offset of quote in the text (cached per quote)."""
        cached = self._found.get(quote)
        if cached is not None:
            return cached
        text = self.text
        hits: list[int] = []
        indexed = use_index and _WORD_START.match(quote) is not None
        if indexed and len(quote) >= KEY:
            hits = [p for p in self._word_index().get(quote[:KEY], ())
                    if text.startswith(quote, p)]
        elif indexed and len(quote) >= SHORT_KEY:
            hits = [p for p in self._short_index().get(quote[:SHORT_KEY], ())
                    if text.startswith(quote, p)]
        if not hits:
            pos = text.find(quote)
            while pos != -1:
                hits.append(pos)
                pos = text.find(quote, pos + 1)
        self._found[quote] = hits
        return hits


def _fuzz():  # type: ignore[no-untyped-def]
    """rapidfuzz is only needed once an exact match fails; keep it off startup."""
    from rapidfuzz import fuzz

    return fuzz


def _context_score(text: str, start: int, end: int, anchor: Anchor) -> float:
    fuzz = _fuzz()
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
    if hint is not None and not anchor.occurrence:
        if 0 <= hint and text.startswith(quote, hint):
            return Resolution(hint, hint + len(quote), Match.EXACT)
        near = _near(index, anchor, hint)
        if near is not None:
            return near
    starts = index.occurrences(quote, many)
    if starts:
        start, guessed = _choose(text, starts, len(quote), anchor)
        if start >= 0:
            return Resolution(start, start + len(quote), Match.EXACT, 1.0, guessed)
    folded = _folded(index, anchor)
    if folded is not None:
        return folded
    return _fuzzy(index, anchor, many)


def _folded(index: TextIndex, anchor: Anchor) -> Resolution | None:
    folded = index.folded
    ftext = folded.text
    fquote = Folded(anchor.quote).text.strip()
    if not fquote:
        return None
    starts: list[int] = []
    pos = ftext.find(fquote)
    while pos != -1:
        starts.append(pos)
        pos = ftext.find(fquote, pos + 1)
    if not starts:
        return None
    folded_anchor = Anchor(fquote, anchor.prefix, anchor.suffix, anchor.occurrence,
                           None if anchor.start is None else folded.to_folded(anchor.start))
    start, guessed = _choose(ftext, starts, len(fquote), folded_anchor)
    if start < 0:
        return None
    begin, end = folded.span_to_source(start, start + len(fquote))
    return Resolution(begin, end, Match.EXACT, 1.0, guessed)


def _near(index: TextIndex, anchor: Anchor, around: int) -> Resolution | None:
    """Best match in a small window of the source text around an offset."""
    quote = anchor.quote
    slack = max(16, len(quote) // 2)
    lo = max(0, around - slack)
    window = Folded(index.text[lo:around + len(quote) + slack])
    fquote = Folded(quote).text.strip()
    if len(fquote) < 4 or not window.text:
        return None
    found = _fuzz().partial_ratio_alignment(fquote, window.text, score_cutoff=MIN_SCORE)
    if found is None:
        return None
    score, s, e = _refine(window.text, fquote, found.dest_start, found.dest_end)
    if score < MIN_SCORE or e <= s:
        return None
    begin, end = window.span_to_source(s, e)
    match = Match.EXACT if score >= 100 else Match.FUZZY
    return Resolution(lo + begin, lo + end, match, round(score / 100, 3))


def _seed_positions(index: TextIndex, quote: str, many: bool) -> list[int]:
    """Where the quote might start, from exact hits of pieces of it."""
    text = index.text
    seeds: list[tuple[int, str]] = []
    for m in _WORD_START.finditer(quote):
        if m.start() + KEY <= len(quote):
            seeds.append((m.start(), quote[m.start():m.start() + KEY]))
    if many and len(seeds) >= 2:
        starts = index._word_index()
        hits = [(p - off) for off, gram in seeds for p in starts.get(gram, ())]
    else:
        size = max(4, min(12, len(quote) // 4))
        step = max(1, (len(quote) - size) // 4) if len(quote) > size else 1
        grams = [(i, quote[i:i + size]) for i in range(0, max(1, len(quote) - size + 1), step)]
        hits = []
        for off, gram in grams[:6]:
            pos = text.find(gram)
            count = 0
            while pos != -1 and count < 64:
                hits.append(pos - off)
                pos = text.find(gram, pos + 1)
                count += 1
    votes: dict[int, int] = {}
    for pos in hits:
        bucket = max(0, pos) // 16
        votes[bucket] = votes.get(bucket, 0) + 1
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])[:6]
    return [bucket * 16 for bucket, _ in ranked]


def _fuzzy(index: TextIndex, anchor: Anchor, many: bool) -> Resolution:
    best: Resolution | None = None
    for start in _seed_positions(index, anchor.quote, many):
        found = _near(index, anchor, start)
        if found is None:
            continue
        if anchor.prefix or anchor.suffix:
            key = found.score + _context_score(index.text, found.start, found.end, anchor)
            best_key = -1.0 if best is None else best.score + _context_score(
                index.text, best.start, best.end, anchor)
        else:
            key, best_key = found.score, -1.0 if best is None else best.score
        if key > best_key:
            best = found
    if best is None:
        # Index seeds need whole 16-character pieces; retry with short ones.
        return _fuzzy(index, anchor, False) if many else ORPHAN
    return Resolution(best.start, best.end, Match.FUZZY, best.score)


def _refine(text: str, quote: str, start: int, end: int) -> tuple[float, int, int]:
    """Nudge both ends a few characters to the best whole-quote ratio."""
    fuzz = _fuzz()
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
