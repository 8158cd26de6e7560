"""Pair structured claims across articles into proposals a person reviews.

Only like is compared with like: the same thing counted (and, when both say
so, the same predicate, the same nationality, the same modality, the same
unit), or the same kind of dated event about the same topic. Whether two
figures that disagree are a contradiction or an update depends on time: a
later figure for a quantity that changes is an update, unless both speak of
the same moment.
"""

from __future__ import annotations

import hashlib
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from tui.core.analysis.bilingual import one_name_each, translated_aliases, translated_topics
from tui.core.analysis.claims import Analysis, Event, Figure
from tui.core.analysis.compare import (
    INTRINSIC,
    MONEY,
    agree,
    comparable,
    currency_slip,
    fixed_amount,
    free_topics,
    moved_order,
    other_period,
    said_before,
    shared_words,
    shrinks,
    time_order,
    transposed,
)
from tui.core.analysis.context import noun_aliases
from tui.core.analysis.dates import DateMention, overlap
from tui.core.analysis.echo import echoes
from tui.core.analysis.lead import lead_pairs, lead_times
from tui.core.analysis.mutual import CONFLICTS, anyone_meets_everyone, standing
from tui.core.analysis.phrasing import DISASTERS
from tui.core.analysis.story import (
    SAME_STORY,
    UNNAMED_DURATION,
    UNNAMED_TIME,
    lone_figures,
    lone_past_dates,
    same_story,
)
from tui.core.analysis.times import UNNAMED
from tui.core.analysis.unnamed import unnamed_pairs, unnamed_times
from tui.core.analysis.wording import describe, when

RELATIONS = ("contradicts", "corroborates", "updates", "variant")


@dataclass(frozen=True, slots=True)
class Member:
    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    id: str
    relation: str
    reason: str  # "number", "date", "name", "stance"
    summary: str
    score: float
    members: tuple[Member, ...]
    details: tuple[tuple[str, str], ...] = field(default=())  # label -> value, for the inspector


def stable_id(relation: str, reason: str, members: Iterable[Member], extra: str = "") -> str:
    """From what the members say, not where: edits elsewhere keep the id."""
    key = "|".join([relation, reason, extra, *sorted(f"{m.article}\x1f{m.text}" for m in members)])
    return f"{reason}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


@lru_cache(maxsize=16384)
def _detail(label: str, value: str) -> tuple[str, str]:
    """One shared (label, value) pair: a figure meets many others, its line is the same in each."""
    return (label, value)


def _member(f: Figure, memo: dict[tuple[str, int, int], Member] | None = None) -> Member:
    """One Member per figure, however many suggestions it is in (`memo` is per run)."""
    if memo is None:
        return Member(f.article, f.start, f.end, f.text)
    key = (f.article, f.start, f.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = Member(f.article, f.start, f.end, f.text)
    return found


def figure_relation(
    a: Figure, b: Figure, group: list[Figure] | None = None
) -> tuple[str, int | None, Figure, Figure] | None:
    """How two figures relate (relation, time order, earlier first for an update), or None
    when they are different quantities. Cheap: most conflicts are dropped by `standing`
    before anything describes them."""
    if not comparable(a, b) or other_period(a, b):
        return None
    order = time_order(a, b)
    moved = moved_order(a, b)
    if moved and order in (0, None):
        order = moved
    if currency_slip(a, b):
        relation = "contradicts"
    elif agree(a, b) and not (moved and a.quantity.value != b.quantity.value):
        relation = "corroborates"
    elif (
        order in (-1, 1)
        and not shrinks(a, b, order)
        and not said_before(a, b, order, group or ())
        and (moved or not fixed_amount(a))
        and not transposed(a.quantity.value, b.quantity.value)
    ):
        if _apart(a, b):
            return None  # 4,500 employees, later 2 of them investigated: other quantities
        relation = "updates"
        if order == 1:
            a, b = b, a  # earlier first
    else:
        if a.counts.startswith("unit:") and _apart(a, b) and not currency_slip(a, b):
            return None  # €25 compensation and €35 million costs: amounts of other things
        relation = "contradicts"
    return relation, order, a, b


_UPDATE_RATIO = 20.0  # a count that changes a hundredfold between reports is another count


def _apart(a: Figure, b: Figure) -> bool:
    lo, hi = sorted((a.quantity.value, b.quantity.value))
    return lo > 0 and hi / lo > _UPDATE_RATIO


def figure_suggestion(
    a: Figure,
    b: Figure,
    memo: dict[tuple[str, int, int], Member] | None = None,
    group: list[Figure] | None = None,
    found: tuple[str, int | None, Figure, Figure] | None = None,
) -> Suggestion | None:
    """The proposal for two figures, or None when they are different quantities.

    A figure meets up to PAIR_CAP others: its Member and the strings that describe
    it are shared among its suggestions (`memo`, interning), not copied into each."""
    found = found or figure_relation(a, b, group)
    if found is None:
        return None
    relation, order, a, b = found
    score = 0.5
    score += 0.2 if not a.counts.startswith("noun:") else 0.0
    if a.predicate and a.predicate == b.predicate:
        score += 0.1
    elif not (a.predicate and b.predicate) and a.counts not in INTRINSIC:
        score -= 0.1
    score += 0.05 if a.qualifier and a.qualifier == b.qualifier else 0.0
    score += 0.1 if order is not None else -0.05
    score += 0.05 if a.source and b.source else 0.0
    high, low = max(a.quantity.value, b.quantity.value), min(a.quantity.value, b.quantity.value)
    if relation != "corroborates" and low > 0 and high / low > 2:
        score -= 0.2  # far apart: more likely two different quantities
    what = (
        a.counts.removeprefix("noun:")
        .removeprefix("unit:")
        .replace("time:", "time of ")
        .replace("minute:", "match minute of ")
        .replace("duration:after ", "time taken, ")
        .replace("duration:", "duration of ")
    )
    if a.counts.startswith("unit:"):
        shared = sorted(free_topics(a) & free_topics(b))
        what = f"amount in {what}" + (f" ({', '.join(shared[:2])})" if shared else "")
    detail = [
        _detail(
            m.article, sys.intern(f"{describe(m)}, {when(m)}" + (f", per {m.source}" if m.source else ""))
        )
        for m in (a, b)
    ]
    what = sys.intern(what)
    label = what + (
        f" ({a.predicate or b.predicate})"
        if (a.predicate or b.predicate) and a.counts not in INTRINSIC
        else ""
    )
    if relation == "updates":
        summary = (
            f"{label.capitalize()}: {describe(a)} as of {when(a)} ({a.article}), "
            f"later {describe(b)} as of {when(b)} ({b.article})."
        )
    else:
        verb = "vs" if relation == "contradicts" else "and"
        unknown = order is None and relation == "contradicts"
        timing = " (dates unknown)" if unknown else ""
        summary = (
            f"{label.capitalize()}: {describe(a)} ({a.article}) {verb} {describe(b)} ({b.article}){timing}."
        )
    members = (_member(a, memo), _member(b, memo))
    extra = f"{a.counts}|{a.quantity.value}|{b.quantity.value}"
    return Suggestion(
        stable_id(relation, "number", members, extra),
        relation,
        "number",
        summary,
        round(min(0.99, max(0.05, score)), 2),
        members,
        (*detail, _detail("counts", what), _detail("dates", sys.intern(f"{when(a)} / {when(b)}"))),
    )


def event_suggestion(a: Event, b: Event, same_story: bool = False) -> Suggestion | None:
    """Dates of the same kind of event on a shared topic: agreeing or not. With no
    topic shared, `same_story` (both articles tell one story and date this kind of
    event once each) is enough, at a lower score."""
    if a.article == b.article or a.kind != b.kind:
        return None
    shared = shared_words(a.topics, b.topics)
    if not shared and not same_story:
        return None
    same = overlap(a.date, b.date)
    if same is None or (not same and _year_and_day(a.date, b.date)):
        return None  # `in 2024` and `on 15 March 2026`: a year apart in kind as in time, other events
    relation = "corroborates" if same else "contradicts"
    score = 0.45 + 0.1 * min(3, len(shared) - 1) + (0.1 if a.date.year_known and b.date.year_known else 0)
    verb = "and" if same else "vs"
    topic = ", ".join(sorted(shared)[:3]) or "same story"
    summary = (
        f"Date of '{a.kind}' ({topic}): {_date(a.date)} ({a.article}) {verb} {_date(b.date)} ({b.article})."
    )
    members = (Member(a.article, a.start, a.end, a.text), Member(b.article, b.start, b.end, b.text))
    return Suggestion(
        stable_id(relation, "date", members, a.kind),
        relation,
        "date",
        summary,
        round(min(0.99, score), 2),
        members,
        ((a.article, _date(a.date)), (b.article, _date(b.date)), ("event", a.kind), ("shared words", topic)),
    )


def _year_and_day(a: DateMention, b: DateMention) -> bool:
    """One date a whole year, the other a day or days: what the year dates is another occurrence."""
    spans = sorted((x.high - x.low).days for x in (a, b) if x.low is not None and x.high is not None)
    return len(spans) == 2 and spans[0] < 30 and spans[1] >= 300


def _date(d: DateMention) -> str:
    return d.label() + ("" if d.year_known else ", year not given")


PAIR_CAP = 8  # in a big group, each figure meets only this many neighbours by value


def _figure_pairs(figures: list[Figure]) -> Iterable[tuple[Figure, Figure]]:
    """All pairs of a small group; in a big one (a long article counting soldiers
    a hundred times), a sweep over the figures sorted by value pairs each with its
    nearest neighbours from other articles: linear, not quadratic, in the group."""
    if len(figures) <= 2 * PAIR_CAP:
        for i, a in enumerate(figures):
            for b in figures[i + 1 :]:
                yield a, b
        return
    ordered = sorted(figures, key=lambda f: (f.quantity.low, f.quantity.high, f.article, f.start))
    for i, a in enumerate(ordered):
        met = 0
        for b in ordered[i + 1 : i + 1 + 8 * PAIR_CAP]:
            if b.article == a.article:
                continue
            yield a, b
            met += 1
            if met >= PAIR_CAP:
                break


def pair_all(analyses: list[Analysis]) -> list[Suggestion]:
    """Every figure and event proposal across the articles, unordered."""
    out: list[Suggestion] = []
    by_counts: dict[str, list[Figure]] = defaultdict(list)
    translated = translated_aliases(analyses)
    aliases = one_name_each([*noun_aliases(analyses).items(), *translated.items()], set(translated.values()))
    topics = translated_topics(analyses)
    lone = lone_figures(analyses)
    unnamed: list[Figure] = []
    for analysis in analyses:
        for f in _minor_as_whole(analysis.figures):
            if f.counts in aliases:
                f = replace(f, counts=aliases[f.counts])
            if topics and f.topics & topics.keys():
                f = replace(f, topics=f.topics.union(*(topics.get(t, ()) for t in f.topics)))
            if (f.article, f.start) in lone:
                f = replace(f, topics=f.topics | {SAME_STORY})
            if f.counts == UNNAMED_TIME:
                if (f.article, f.start) not in lone:
                    unnamed.append(f)  # a time of an event no word names, not its report's only one
                    continue
                f = replace(f, counts="time:" + SAME_STORY)
            elif f.counts == UNNAMED_DURATION:
                if (f.article, f.start) not in lone:
                    continue  # how long something no word names lasted, among other spans
                f = replace(f, counts="duration:" + SAME_STORY)
            if f.counts:
                by_counts[_group(f)].append(f)
    for n, (x, y) in enumerate(unnamed_times(analyses, unnamed)):
        by_counts[f"{UNNAMED_TIME} {n}"] = [x, y]  # matched by their clauses' words: a pair alone
    joined = anyone_meets_everyone(by_counts)
    memo: dict[tuple[str, int, int], Member] = {}
    found: list[tuple[str, tuple[str, int | None, Figure, Figure], Figure, Figure]] = []
    met: set[tuple[tuple[str, int], tuple[str, int]]] = set()  # pairs of anyone's ages, met once
    for group, figures in by_counts.items():
        small = figures if len(figures) <= 2 * PAIR_CAP else None  # a long article's group: not checked
        for a, b in _figure_pairs(figures):
            relation = figure_relation(a, b, small)
            if relation is None:
                continue
            if group in joined:
                pair = ((a.article, a.start), (b.article, b.start))
                if pair in met:
                    continue
                met.add(pair)
            found.append((group, relation, a, b))
    stand = standing((group, r[0], a, b) for group, r, a, b in found)
    for _, r, a, b in found:
        key = ((a.article, a.start), (b.article, b.start))
        if r[0] not in CONFLICTS or key in stand or key[::-1] in stand:
            s = figure_suggestion(a, b, memo, found=r)
            if s is not None:
                out.append(s)
    by_kind: dict[str, list[Event]] = defaultdict(list)
    for analysis in analyses:
        for e in analysis.events:
            by_kind[e.kind].append(e)
    keywords = {a.document.id: a.keywords for a in analyses}
    by_kind.pop(UNNAMED, None)  # paired by their clauses' words below, not as one kind
    for events in by_kind.values():
        dated = _one_date_per_article(events)
        # a report's first date of a kind of event is of its story's event (`Das Erdbeben hat
        # am frühen Donnerstagmorgen`), whatever dates of it follow (`seit dem Beben`)
        first_of = {id(e) for e in {e.article: e for e in reversed(events)}.values()}
        for i, first in enumerate(events):
            for second in events[i + 1 :]:
                story = (
                    (first.article in dated or id(first) in first_of)
                    and (second.article in dated or id(second) in first_of)
                    and same_story(keywords[first.article], keywords[second.article])
                )
                s = event_suggestion(first, second, story)
                if s is not None:
                    out.append(s)
    for one, other in unnamed_pairs(analyses):
        if one.kind != other.kind:  # a named event and its unnamed match: one event, of its kind
            if one.kind == UNNAMED:
                one = replace(one, kind=other.kind)
            else:
                other = replace(other, kind=one.kind)
        s = event_suggestion(one, other, same_story=True)
        if s is not None:
            out.append(s)
    out.extend(list(_story_wide(analyses, out, memo)))  # read `out` whole before adding to it
    return out


def _story_wide(
    analyses: list[Analysis], found: list[Suggestion], memo: dict[tuple[str, int, int], Member]
) -> Iterable[Suggestion]:
    """What the reports of one story share beyond their words (see lead, echo, story):
    proposed only where no rule above already paired the same two spans."""
    seen = {(s.reason, _spans(s)) for s in found}
    candidates: list[Suggestion | None] = [
        *(event_suggestion(one, other, same_story=True) for one, other in lead_pairs(analyses)),
        *(event_suggestion(one, other, same_story=True) for one, other in lone_past_dates(analyses)),
        *(figure_suggestion(x, y, memo) for x, y in lead_times(analyses)),
    ]
    for x, y in echoes(analyses):
        if ("number", frozenset({(x.article, x.start), (y.article, y.start)})) in seen:
            continue  # the two already meet: no need to describe them again
        alike = replace(y, counts=x.counts, predicate=x.predicate, qualifier=x.qualifier)
        echo = figure_suggestion(x, alike, memo)
        candidates.append(echo if echo is not None and echo.relation == "corroborates" else None)
    for s in candidates:
        if s is not None and (s.reason, _spans(s)) not in seen:
            seen.add((s.reason, _spans(s)))
            yield s


def _spans(s: Suggestion) -> frozenset[tuple[str, int]]:
    return frozenset((m.article, m.start) for m in s.members)


def _minor_as_whole(figures: list[Figure]) -> list[Figure]:
    """`Zwei Feuerwehrleute wurden leicht verletzt` in an article that counts no other injured:
    the lightly injured are all of them there, and compare with another outlet's total."""
    minor = [f for f in figures if f.qualifier == "minor"]
    if not minor:
        return figures
    other = {(f.counts, f.predicate) for f in figures if f.counts and f.qualifier != "minor"}
    return [
        replace(f, qualifier="") if f.qualifier == "minor" and (f.counts, f.predicate) not in other else f
        for f in figures
    ]


def _group(f: Figure) -> str:
    """Which figures may meet: sums of money across currencies (see currency_slip), and the
    time of `the incident` with the times of disasters (see phrasing.incident_time)."""
    if f.quantity.unit in MONEY and f.counts.startswith("unit:"):
        return "unit:money"
    if f.counts.startswith("time:") and f.counts[5:] in DISASTERS | {"incident"}:
        return "time:disaster"
    return f.counts


def _one_date_per_article(events: list[Event]) -> set[str]:
    """Articles that date this kind of event only once (or always alike): there it is one event."""
    days: dict[str, set[tuple[object, object]]] = defaultdict(set)
    for e in events:
        days[e.article].add((e.date.low, e.date.high))
    return {article for article, found in days.items() if len(found) == 1}
