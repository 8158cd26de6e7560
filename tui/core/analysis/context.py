"""Pairing figures whose counted noun the lexicon does not know, by the words around them.

The lexicon cannot list every noun a story counts (`Schmuckstücke`, `display cases`,
`Kreuzungen`): such figures get `noun:<stem>` and meet only the same stem. Two figures of
two articles that count nothing the lexicon knows may still be one quantity when their
sentences share words (the noun itself, a compound's head, a cognate, a lexicon concept)
and their values are of one size. Since that evidence is weaker than a shared concept,
a pair is proposed only when it is unique: each is the other's clear best match.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from tui.core.analysis.claims import Analysis, Figure
from tui.core.analysis.compare import shared_words
from tui.core.analysis.grammar import stem_forms
from tui.core.analysis.lexicon import MONTHS, STOPWORDS, WEEKDAYS, terms_in

_WORD = re.compile(r"[^\W\d_]{4,}")
_END = re.compile(r"[.!?]\s|\n")
# More than this many open figures in one article: a long report, not one story's few
# figures; context pairing there would be quadratic and mostly wrong.
_MAX_OPEN = 24
# More articles than this with open figures: an archive of many stories, not one story told
# by a few outlets. Every two of them would be compared (2,000 articles: two million pairs,
# minutes of work); there only the lexicon pairs figures.
_MAX_ARTICLES = 16
_MAX_RATIO = 2.0  # values further apart are other quantities (87 and 78 meet, 6 and 120 not)
_MIN_SCORE = 2  # shared words (an equal value counts as one)
_MARGIN = 1  # the best must beat the second best by this much, on both sides


def open_figures(analysis: Analysis) -> list[Figure]:
    """Counts of a noun the lexicon does not know, with no unit: what context may pair."""
    found = [f for f in analysis.figures if f.counts.startswith("noun:") and not f.quantity.unit]
    return found if len(found) <= _MAX_OPEN else []


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around a span, found in the text: nothing is stored per figure."""
    head = max(0, start - 300)
    cut = head
    for m in _END.finditer(text, head, start):
        cut = m.end()
    tail = _END.search(text, end, min(len(text), end + 300))
    return text[cut : tail.start() if tail else min(len(text), end + 300)]


@lru_cache(maxsize=4096)
def context_words(sentence: str) -> frozenset[str]:
    """Content words of a sentence, without endings, and the lexicon concepts it names."""
    low = sentence.lower()
    words = [w for w in _WORD.findall(low) if w not in STOPWORDS and w not in MONTHS and w not in WEEKDAYS]
    return frozenset(stem_forms(w)[-1] for w in words) | frozenset(terms_in(low, words))


def _close(a: Figure, b: Figure) -> bool:
    lo, hi = sorted((a.quantity.value, b.quantity.value))
    return lo > 0 and hi / lo <= _MAX_RATIO


def match_score(a: Figure, b: Figure, ctx_a: frozenset[str], ctx_b: frozenset[str]) -> int:
    """Shared context words, plus one for the very same value; 0 when they cannot be one."""
    if a.modality != b.modality or not _close(a, b):
        return 0
    if a.predicate and b.predicate and a.predicate != b.predicate:
        return 0
    if a.qualifier != b.qualifier:
        return 0
    return len(shared_words(ctx_a, ctx_b)) + (a.quantity.value == b.quantity.value)


def _best(scores: dict[int, int]) -> int | None:
    """The index of the clear best score, or None when there is none or a near tie."""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < _MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _MARGIN:
        return None
    return ranked[0][0]


def noun_aliases(analyses: list[Analysis]) -> dict[str, str]:
    """`noun:piec` -> `noun:schmuckstück`: two unknown nouns that context showed to count one
    thing, for every figure of them (`87 gestohlenen Schmuckstücken` shares no word with
    `78 pieces of jewellery`, but `87 Schmuckstücke` does). A noun matched to two is dropped."""
    seen: dict[str, set[str]] = defaultdict(set)
    for x, y in _mutual_best(analyses):
        seen[x.counts].add(y.counts)
        seen[y.counts].add(x.counts)
    out: dict[str, str] = {}
    for noun, others in seen.items():
        if len(others) == 1:
            (other,) = others
            if len(seen[other]) == 1:
                out[noun] = min(noun, other)
    return out


def _mutual_best(analyses: list[Analysis]) -> list[tuple[Figure, Figure]]:
    """Mutual clear best matches between open figures of every two articles."""
    opened = [(a, found) for a in analyses if (found := open_figures(a))]
    if len(opened) > _MAX_ARTICLES:
        return []
    contexts: dict[tuple[str, int], frozenset[str]] = {}
    for analysis, figures in opened:
        for f in figures:
            sentence = sentence_of(analysis.document.text, f.start, f.end)
            contexts[(f.article, f.start)] = context_words(sentence)
    out: list[tuple[Figure, Figure]] = []
    for i, (_, xs) in enumerate(opened):
        for _, ys in opened[i + 1 :]:
            if not xs or not ys:
                continue
            forward: dict[int, dict[int, int]] = defaultdict(dict)
            backward: dict[int, dict[int, int]] = defaultdict(dict)
            for xi, x in enumerate(xs):
                for yi, y in enumerate(ys):
                    if x.counts == y.counts:
                        continue  # the same noun: the usual pairing has them
                    score = match_score(x, y, contexts[(x.article, x.start)], contexts[(y.article, y.start)])
                    if score:
                        forward[xi][yi] = backward[yi][xi] = score
            for xi, scores in forward.items():
                best = _best(scores)
                if best is not None and _best(backward[best]) == xi:
                    out.append((xs[xi], ys[best]))
    return out
