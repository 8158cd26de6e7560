"""Resolve quotes to spans: exact, then folded, then bounded fuzzy search.

A batch (`resolve_all`) finds every exact quote of an article in one
Aho–Corasick pass over the text, and the few quotes left over (typography,
typos) in one more pass over the folded text together with their q-grams.
Fuzzy matching then runs only in the windows those grams point at, rarest
grams first, so a typo costs a few small comparisons instead of text scans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import MISSING, dataclass, field, fields
from itertools import repeat
from operator import add
from typing import Any

from tui.core.document import qgrams
from tui.core.document.multisearch import find_all, find_one
from tui.core.document.text import Folded
from tui.core.files import gcpause
from tui.core.model.annotations import ORPHAN, Anchor, Match, Resolution, build_frozen

MIN_SCORE = 85.0
CONTEXT = 32


@dataclass
class TextIndex:
    """One article's text with the searches already run on it, kept for reuse."""

    text: str
    _folded: Folded | None = None
    _found: dict[str, list[int]] = field(default_factory=dict)  # quote -> starts
    _ffound: dict[str, list[int]] = field(default_factory=dict)  # folded needle -> starts
    _seeds: dict[str, list[qgrams.Gram]] = field(default_factory=dict)  # a batch's rare grams

    @property
    def folded(self) -> Folded:
        if self._folded is None:
            self._folded = Folded(self.text)
        return self._folded

    def occurrences(self, quote: str, use_index: bool = False) -> list[int]:
        """Every start offset of quote in the text (cached per quote).

        `use_index` is kept for callers; a batch fills the cache in one pass.
        """
        hits = self._found.get(quote)
        if hits is None:
            hits = self._found[quote] = find_one(self.text, quote)
        return hits

    def prepare(self, quotes: Sequence[str]) -> None:
        """Find every occurrence of all these quotes in one pass."""
        missing = [q for q in quotes if q and q not in self._found]
        if len(missing) > 1:
            self._found.update(find_all(self.text, missing))
        elif missing:
            self.occurrences(missing[0])

    def search_folded(self, needles: Sequence[str]) -> None:
        """Find folded needles (quotes, q-grams) in the folded text, in one pass."""
        missing = [n for n in needles if n and n not in self._ffound]
        ftext = self.folded.text
        if len(missing) > 1:
            self._ffound.update(find_all(ftext, missing))
        elif missing:
            self._ffound[missing[0]] = find_one(ftext, missing[0])

    def search_leftovers(self, fquotes: Sequence[str]) -> None:
        """Rare q-grams of folded quotes not found exactly, and the quotes
        themselves, in one pass over the folded text.

        Only the grams go into the pass: wherever a quote stands, each of its
        grams stands too, so its starts are those of its rarest gram that the
        whole quote also matches (one automaton with fewer and shorter needles
        walks the text faster).
        """
        ftext = self.folded.text
        seeds = qgrams.pick(ftext, fquotes)
        self._seeds.update(seeds)
        whole = [q for q in fquotes if q not in self._ffound and not seeds.get(q)]  # too short for grams
        self.search_folded(whole + [g for items in seeds.values() for _, g in items])
        ffound, startswith = self._ffound, ftext.startswith
        for fquote, items in seeds.items():
            if items and fquote not in ffound:
                off, gram = min(items, key=lambda item: len(ffound[item[1]]))
                ffound[fquote] = [h - off for h in ffound[gram] if h >= off and startswith(fquote, h - off)]

    def folded_occurrences(self, needles: Sequence[str]) -> dict[str, list[int]]:
        """Starts of each folded needle in the folded text (searched if new)."""
        self.search_folded(needles)
        return {n: self._ffound.get(n, []) for n in needles}


def _fold_quote(quote: str) -> str:
    return Folded(quote).text.strip()


def resolve_all(index: TextIndex, anchors: Sequence[Anchor]) -> list[Resolution]:
    """Resolve many anchors into one text: the same results as `resolve` on each,
    with the searches batched into at most two passes over the text.

    The cyclic collector is paused meanwhile (as for a whole load): a batch
    makes a few hundred thousand lists and results that all live on, and the
    collections they set off cost a tenth of a 5 MB batch.
    """
    with gcpause.paused():
        return _resolve_all(index, anchors)


def _resolve_all(index: TextIndex, anchors: Sequence[Anchor]) -> list[Resolution]:
    hinted = [None if anchor.start is None and anchor.quote else _hinted(index, anchor) for anchor in anchors]
    searched = [a for a, r in zip(anchors, hinted, strict=True) if r is None]
    quotes = [a.quote for a in searched]
    index.prepare(quotes)
    hits = list(map(index._found.__getitem__, quotes))
    leftover = [
        fquote
        for a, found in zip(searched, hits, strict=True)
        if (not found or a.occurrence > len(found)) and (fquote := _fold_quote(a.quote))
    ]
    if leftover:
        index.search_leftovers(leftover)
    results = _exact(quotes, hits)
    for number, count in enumerate(map(len, hits)):
        if count != 1:  # none, or several to choose from: as _searched would
            anchor = searched[number]
            if count and anchor.start is None and not (anchor.occurrence or anchor.prefix or anchor.suffix):
                first = results[number]  # the first start, flagged as a guess (as _choose)
                results[number] = Resolution(first.start, first.end, Match.EXACT, 1.0, True)
            else:
                results[number] = _searched(index, anchor)
    if len(searched) == len(anchors):
        return results
    done = iter(results)
    return [next(done) if r is None else r for r in hinted]


def _exact(quotes: list[str], hits: list[list[int]]) -> list[Resolution]:
    """An exact result at each quote's first start (a placeholder where it has
    none, replaced by the caller), made by `map` rather than a loop: 50k of
    them are most of what a batch spends outside its passes over the text."""
    starts = list(map(next, map(iter, hits), repeat(-1)))
    ends = list(map(add, starts, map(len, quotes)))
    if _SLOTS is None:
        return list(map(Resolution, starts, ends, repeat(Match.EXACT)))
    return build_frozen(Resolution, len(starts), {"start": starts, "end": ends, "match": repeat(Match.EXACT)})


def _slots() -> tuple[str, ...] | None:
    """Resolution's fields if its slots may be filled directly (`build_frozen`):
    its frozen `__init__` sets each field through `object.__setattr__` from
    Python (0.75 us a result). None (use `__init__`) if a field beyond start,
    end and match has no default or a hook runs."""
    if hasattr(Resolution, "__post_init__"):
        return None
    given = ("start", "end", "match")
    if any(item.name not in given and item.default is MISSING for item in fields(Resolution)):
        return None
    return tuple(item.name for item in fields(Resolution))


_SLOTS = _slots()


def _fuzz() -> Any:
    """rapidfuzz is only needed once an exact match fails; keep it off startup."""
    from rapidfuzz import fuzz

    return fuzz


def _context_score(text: str, start: int, end: int, anchor: Anchor) -> float:
    fuzz = _fuzz()
    score = 0.0
    if anchor.prefix:
        before = text[max(0, start - len(anchor.prefix)) : start]
        score += fuzz.ratio(before, anchor.prefix) / 100
    if anchor.suffix:
        after = text[end : end + len(anchor.suffix)]
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
    """Resolve one anchor. (`many` is kept for callers: use `resolve_all` for a batch.)"""
    return _hinted(index, anchor) or _searched(index, anchor)


def _hinted(index: TextIndex, anchor: Anchor) -> Resolution | None:
    """The quote at or near its stored position, checked; None to search for it."""
    quote, hint = anchor.quote, anchor.start
    if not quote:
        return ORPHAN
    if hint is not None and not anchor.occurrence:
        if 0 <= hint and index.text.startswith(quote, hint):
            return Resolution(hint, hint + len(quote), Match.EXACT)
        return _near(index, anchor, hint)
    return None


def _searched(index: TextIndex, anchor: Anchor) -> Resolution:
    text, quote = index.text, anchor.quote
    if not quote:
        return ORPHAN
    starts = index.occurrences(quote)
    if starts:
        start, guessed = _choose(text, starts, len(quote), anchor)
        if start >= 0:
            return Resolution(start, start + len(quote), Match.EXACT, 1.0, guessed)
    folded = _folded(index, anchor)
    if folded is not None:
        return folded
    return _fuzzy(index, anchor)


def _folded(index: TextIndex, anchor: Anchor) -> Resolution | None:
    folded = index.folded
    ftext = folded.text
    fquote = _fold_quote(anchor.quote)
    if not fquote:
        return None
    starts = index.folded_occurrences([fquote])[fquote]
    if not starts:
        return None
    folded_anchor = Anchor(
        fquote,
        anchor.prefix,
        anchor.suffix,
        anchor.occurrence,
        None if anchor.start is None else folded.to_folded(anchor.start),
    )
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
    window = Folded(index.text[lo : around + len(quote) + slack])
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


def _fuzzy(index: TextIndex, anchor: Anchor) -> Resolution:
    fquote = _fold_quote(anchor.quote)
    if len(fquote) < 4:
        return ORPHAN
    folded = index.folded
    best: Resolution | None = None
    best_key = -1.0
    items = index._seeds.get(fquote) or qgrams.grams(fquote)
    hits = index.folded_occurrences([gram for _, gram in items])
    for start in qgrams.candidates(fquote, folded.text, items, hits):
        found = _near(index, anchor, folded.to_source(start))
        if found is None:
            continue
        key = found.score
        if anchor.prefix or anchor.suffix:
            key += _context_score(index.text, found.start, found.end, anchor)
        if key > best_key:
            best, best_key = found, key
    if best is None:
        return ORPHAN
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
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
