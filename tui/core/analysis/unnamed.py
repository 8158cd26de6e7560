"""Dates of events that the lexicon has no word for, paired by the words of their clauses.

`Der Wahlausschuss will am Donnerstag das amtliche Endergebnis feststellen` and `The
official result is due on Wednesday` date one event, but neither `Endergebnis` nor
`result` is an event word of the lexicon. The nouns around each date are kept with it,
and two dates of two reports of one story meet when their clauses share such a word, in
one language or through the dictionary's translation (`Endergebnis` -> `result`,
`Stichwahl` -> `runoff`), and each is the other's clear best match. The story's proper
names (places, people) are shared by every sentence and count for nothing.
"""

from __future__ import annotations

from collections import defaultdict

from tui.core.analysis.compare import shared_words
from tui.core.analysis.dictionary import english_stem, translations
from tui.core.analysis.fold import fold_name
from tui.core.analysis.grammar import stem_forms
from tui.core.analysis.records import Analysis, Event
from tui.core.analysis.story import same_story
from tui.core.analysis.times import UNNAMED

_MAX_ARTICLES = 16  # an archive of many stories: every two articles would be compared
_MAX_EVENTS = 40  # dates of one article that are compared
_MARGIN = 1


def _score(x: Event, y: Event, heads: dict[str, frozenset[str]], names: frozenset[str]) -> int:
    """Words the two clauses share, in one language or by translation; 0 when none."""
    wx = {w for w in x.words if fold_name(w) not in names}
    wy = {w for w in y.words if fold_name(w) not in names}
    if not wx or not wy:
        return 0
    score = len(shared_words({stem_forms(w)[-1] for w in wx}, {stem_forms(w)[-1] for w in wy}))
    if x.language != y.language:
        german, english = (wx, wy) if x.language == "de" else (wy, wx)
        stems = {english_stem(w) for w in english}
        score += sum(1 for g in german if heads.get(g, frozenset()) & stems)
    return score


def _best(scores: dict[int, int]) -> int | None:
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 1:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _MARGIN:
        return None
    return ranked[0][0]


def unnamed_pairs(analyses: list[Analysis]) -> list[tuple[Event, Event]]:
    """Mutual clear best matches between the dated events of two reports of one story that
    no lexicon word names. (Named events take part, so that an unnamed one whose best match
    is named stays unpaired: meeting a named event on words alone proposed too many.)"""
    dated = [(a, a.events[:_MAX_EVENTS]) for a in analyses if a.events]
    if len(dated) > _MAX_ARTICLES or not any(e.kind == UNNAMED for _, es in dated for e in es):
        return []
    german = sorted({w for _, es in dated for e in es if e.language == "de" for w in e.words})
    found = (
        translations([w.capitalize() for w in german])
        if len({e.language for _, es in dated for e in es}) > 1
        else {}
    )
    heads = {w: found[w.capitalize()] for w in german if w.capitalize() in found}
    # proper names: what English capitalises mid-sentence (German capitalises every noun)
    names = frozenset().union(*(a.keywords for a, _ in dated if a.document.language == "en"))
    out = []
    for i, (a, xs) in enumerate(dated):
        for b, ys in dated[i + 1 :]:
            if not same_story(a.keywords, b.keywords):
                continue
            forward: dict[int, dict[int, int]] = defaultdict(dict)
            backward: dict[int, dict[int, int]] = defaultdict(dict)
            for xi, x in enumerate(xs):
                for yi, y in enumerate(ys):
                    score = _score(x, y, heads, names)
                    if score:
                        forward[xi][yi] = backward[yi][xi] = score
            for xi, scores in forward.items():
                best = _best(scores)
                if best is None or _best(backward[best]) != xi:
                    continue
                x, y = xs[xi], ys[best]
                if x.kind == y.kind == UNNAMED:  # a named one's best match is left to its kind
                    out.append((x, y))
    return out
