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
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from tui.core.analysis.dictionary import english_stem, translations
from tui.core.analysis.fold import fold_name
from tui.core.analysis.grammar import stem_forms
from tui.core.analysis.lexicon import event_kind, term_of
from tui.core.analysis.records import Analysis, Event, Figure
from tui.core.analysis.story import same_story
from tui.core.analysis.times import UNNAMED

_MAX_ARTICLES = 16  # an archive of many stories: every two articles would be compared
_MAX_EVENTS = 40  # dates of one article that are compared
_MARGIN = 1
# Who acts is no event: `die Polizei` and `police` are in half a story's sentences.
_ACTORS = frozenset(
    {
        "government",
        "parliament",
        "police",
        "fire brigade",
        "army",
        "ministry",
        "district",
        "city",
        "state",
        "authorities",
        "company",
        "prosecutors",
        "court",
        "union",
        "organisers",
        "club",
    }
)


def _score(
    wx: frozenset[str],
    wy: frozenset[str],
    lx: str,
    ly: str,
    heads: dict[str, frozenset[str]],
    names: frozenset[str],
) -> int:
    """Words the two clauses share, in one language or by translation; 0 when none. Only
    the same word counts in one language: a compound's head is often another thing
    (`Entwarnung` is no `Warnung`)."""
    xs = {w for w in wx if fold_name(w) not in names and term_of(w) not in _ACTORS}
    ys = {w for w in wy if fold_name(w) not in names and term_of(w) not in _ACTORS}
    if not xs or not ys:
        return 0
    if lx == ly:
        return len({stem_forms(w)[-1] for w in xs} & {stem_forms(w)[-1] for w in ys})
    german, english = (xs, ys) if lx == "de" else (ys, xs)
    # `all-clear`: the dictionary's head of `all clear` is `clear`
    stems = {english_stem(w.rsplit("-", 1)[-1]) for w in english} | {english_stem(w) for w in english}
    stems |= {s.replace("-", "") for s in stems if "-" in s}
    return sum(1 for g in german if heads.get(g, frozenset()) & stems)


def _best(scores: dict[int, int]) -> int | None:
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 1:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _MARGIN:
        return None
    return ranked[0][0]


def unnamed_pairs(analyses: list[Analysis]) -> list[tuple[Event, Event]]:
    """Mutual clear best matches between the dated events of two reports of one story that
    no lexicon word names, or one names (see `_one_kind`). Named events take part, so that an
    unnamed one whose best match is another named event stays unpaired."""
    events = [(a, a.events[:_MAX_EVENTS]) for a in analyses if a.events]
    return _mutual(events, lambda e: e.words, _one_kind) + _named_in_translation(events)


def _one_kind(x: Event, y: Event, score: int) -> bool:
    """Two dates meet as one event when neither has a word that names it, or both the
    same (`Beben` twice in a report, dated twice: the clause's words tell which is which),
    or one is named and their clauses share more than one word (`Einbruch ins Museum`,
    `thieves broke into the museum`)."""
    return x.kind == y.kind or (UNNAMED in (x.kind, y.kind) and score >= _NAMED_WITH_UNNAMED)


_NAMED_WITH_UNNAMED = 2


_YEAR_DAYS = 300
_RELATIVE = frozenset({"after", "since", "before", "following", "ahead"})


def _span_days(e: Event) -> int:
    low, high = e.date.low, e.date.high
    return (high - low).days if low is not None and high is not None else _YEAR_DAYS


def _named_in_translation(found: list[tuple[Analysis, list[Event]]]) -> list[tuple[Event, Event]]:
    """`käme es am 11. Oktober zu einer Stichwahl` (an election, to the lexicon) and `a runoff
    would be held on October 18` (no event word): an unnamed English date whose clause holds
    a translation of the very word that named the German event is of that event, when it is
    the only such date of its report and that word names only one date in the other."""
    if len(found) > _MAX_ARTICLES or len({a.document.language for a, _ in found}) < 2:
        return []
    german = [(a, e) for a, es in found if a.document.language == "de" for e in es if e.kind != UNNAMED]
    english = [(a, e) for a, es in found if a.document.language == "en" for e in es if e.kind == UNNAMED]
    if not german or not english:
        return []
    naming = {e: {w for w in e.words if event_kind(w) == e.kind} for _, e in german}
    heads = translations(sorted({w.capitalize() for ws in naming.values() for w in ws}))
    # a German report that dates its kind of event more than once: which is meant is unclear
    kinds: dict[tuple[str, str], set[object]] = defaultdict(set)
    for a, x in german:
        kinds[(a.document.id, x.kind)].add(x.date.low)
    pairs: list[tuple[Analysis, Event, Analysis, Event]] = []
    for b, y in english:
        if y.words & _RELATIVE:
            continue  # `two days after the fire, on Wednesday`: dated from the event, not it
        stems = {english_stem(w) for w in y.words} | {english_stem(w).replace("-", "") for w in y.words}
        for a, x in german:
            if (
                len(kinds[(a.document.id, x.kind)]) == 1
                and _span_days(x) < _YEAR_DAYS
                and _span_days(y) < _YEAR_DAYS  # `in 2025`: a year, another season's event
                and same_story(a.keywords, b.keywords)
                and any(heads.get(w.capitalize(), frozenset()) & stems for w in naming[x])
            ):
                pairs.append((a, x, b, y))
    # one to one between two reports: each side's only match in the other
    count: dict[tuple[str, int, str], int] = defaultdict(int)
    for a, x, b, y in pairs:
        count[(a.document.id, x.start, b.document.id)] += 1
        count[(b.document.id, y.start, a.document.id)] += 1
    return [
        (x, replace(y, kind=x.kind))
        for a, x, b, y in pairs
        if count[(a.document.id, x.start, b.document.id)] == 1
        and count[(b.document.id, y.start, a.document.id)] == 1
    ]


def unnamed_times(analyses: list[Analysis], figures: list[Figure]) -> list[tuple[Figure, Figure]]:
    """The same for times of day whose event no lexicon word names (`Entwarnung gab es um
    11.30 Uhr` / `The all-clear was given at 1.30 p.m.`); their clause's words are their topics."""
    by_article: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        by_article[f.article].append(f)
    times = [(a, by_article[a.document.id][:_MAX_EVENTS]) for a in analyses if by_article.get(a.document.id)]
    return _mutual(times, lambda f: f.topics, lambda x, y, score: True)


T = TypeVar("T")


def _mutual(
    found: list[tuple[Analysis, list[T]]],
    words: Callable[[T], frozenset[str]],
    keep: Callable[[T, T, int], bool],
) -> list[tuple[T, T]]:
    if len(found) > _MAX_ARTICLES:
        return []
    languages = {a.document.id: a.document.language for a, _ in found}
    german = sorted({w for a, xs in found if a.document.language == "de" for x in xs for w in words(x)})
    mixed = len(set(languages.values())) > 1
    looked = translations([w.capitalize() for w in german]) if mixed else {}
    heads = {w: looked[w.capitalize()] for w in german if w.capitalize() in looked}
    # proper names: what English capitalises mid-sentence (German capitalises every noun)
    names = frozenset().union(*(a.keywords for a, _ in found if a.document.language == "en"))
    out = []
    for i, (a, xs) in enumerate(found):
        for b, ys in found[i + 1 :]:
            if not same_story(a.keywords, b.keywords):
                continue
            forward: dict[int, dict[int, int]] = defaultdict(dict)
            backward: dict[int, dict[int, int]] = defaultdict(dict)
            for xi, x in enumerate(xs):
                for yi, y in enumerate(ys):
                    score = _score(
                        words(x), words(y), languages[a.document.id], languages[b.document.id], heads, names
                    )
                    if score:
                        forward[xi][yi] = backward[yi][xi] = score
            for xi, scores in forward.items():
                best = _best(scores)
                if best is None or _best(backward[best]) != xi:
                    continue
                if keep(xs[xi], ys[best], scores[best]):
                    out.append((xs[xi], ys[best]))
    return out
