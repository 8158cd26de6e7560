"""Whether two figures are the same quantity, and which moment each speaks of.

The pairing in `suggest` proposes only what these rules let meet: the same thing counted,
with the same predicate, part and unit (or one sum in two currencies), and decides by
time whether a difference is a contradiction or an update: reports a day apart tell one
moment, a count that rose says so, a year's total is no event's figure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from rapidfuzz.fuzz import ratio

from tui.core.analysis.claims import Figure
from tui.core.analysis.dates import overlap
from tui.core.analysis.fold import fold_name
from tui.core.analysis.grammar import stem_forms
from tui.core.analysis.lexicon import GENERIC, PLACES, USUAL_PREDICATE
from tui.core.analysis.measures import AGE, ANYONE_AGED, FIXED_MEASURES
from tui.core.analysis.phrasing import incident_time

INTRINSIC = frozenset({"dead", "injured", "arrests"})  # the noun already says what happened
# Counts fixed at the moment of an event (who was on board): a later figure corrects, never updates.
FIXED = frozenset({"passengers", "crew", "voters", *FIXED_MEASURES})
# Amounts that the same act on both sides makes comparable: area burned, a share or a sum offered.
_ACTED_ON = frozenset({"ha", "%", "pp", "EUR", "USD", "GBP", "CHF"})
# Qualifiers that pick a part of what is counted (the seriously injured of all injured):
# such a figure compares only with another of the same part.
_PART = frozenset({"serious", "minor", "away", "among", "alone", AGE})
# Counts that only grow: a later, lower figure corrects the earlier one, it does not update it.
_CUMULATIVE = frozenset({"dead", "injured", "arrests"})
_CUMULATIVE_PREDICATES = frozenset({"killed", "injured", "arrested", "evacuated", "affected"})
# What befalls people as a story goes on: those it befell add up, even the passengers of one ship
_BEFALLS = frozenset({"affected", "evacuated", "rescued", "injured", "killed", "infected", "arrested"})
# Days something has lasted (`Verhandlungstage`, `Streiktage`): a tally that only grows.
_DAYS_OF = re.compile(r"^noun:\w{3,}tag$")
# Reports a day apart (a wire story and the next morning's paper) tell one moment.
_UPDATE_GAP_DAYS = 2
# Words of a length that measures a thing (`400 Meter breit`, `some 600 metres wide`), as topics.
_DIMENSIONS = frozenset(
    {"wide", "width", "breit", "breite", "long", "length", "lang", "länge", "deep", "depth", "tief", "tiefe"}
    | {"high", "height", "tall", "hoch", "hohe", "höhe"}
)


# Readings that differ by day and place: only the record of them is one quantity.
_READINGS = frozenset({"°C"})


# What moves over an area and makes it grow from one report to the next: a fire, a flood.
_OVER_AREA = frozenset({"spread", "destroyed", "affected", "evacuated"})


MONEY = frozenset({"USD", "EUR", "GBP", "CHF", "JPY", "RUB"})


def currency_slip(a: Figure, b: Figure) -> bool:
    """`fünf Millionen Euro` and `5 million dollars` for one ransom: the same sum in another
    currency, a slip in one report (no rate is known offline to convert either)."""
    qa, qb = a.quantity, b.quantity
    return qa.unit != qb.unit and {qa.unit, qb.unit} <= MONEY and qa.value == qb.value >= 1e3


def comparable(a: Figure, b: Figure) -> bool:
    if a.article == b.article or not a.counts:
        return False
    if a.qualifier == b.qualifier == AGE and ANYONE_AGED in (a.counts, b.counts):
        # `a 47-year-old man`, `the 52-year-old runner`: a person either way, when the two
        # ages could be one person's misreported (the robber of 41 is not the clerk of 58)
        return a.counts == b.counts or abs(a.quantity.value - b.quantity.value) <= _ONE_PERSON_YEARS
    slip = currency_slip(a, b)
    if (a.counts != b.counts and not slip and not incident_time(a.counts, b.counts)) or (
        a.quantity.unit != b.quantity.unit and not slip
    ):
        return False
    if bool(a.modality) != bool(b.modality) and "possible" in (a.modality, b.modality):
        return False  # a fact and a fear; two of those (`could`, `would`) both look ahead
    if a.qualifier and b.qualifier and a.qualifier != b.qualifier:
        return False
    if (a.qualifier in _PART) != (b.qualifier in _PART):
        return False
    if a.counts.startswith("unit:"):
        if _measure_other_things(a, b):
            return False
        if a.quantity.unit in _READINGS and not ("record" in a.topics or "record" in b.topics):
            return False  # a temperature of one day and place is another's only as the record
        # an area a fire or flood spread over is the area it burned or flooded
        spread = a.quantity.unit == "ha" and "spread" in (a.predicate, b.predicate)
        if a.predicate and b.predicate and a.predicate != b.predicate and not agree(a, b) and not spread:
            return False  # `fordert 8 Prozent` and `has offered 3.5 percent`
        # An amount without a counted noun: about a shared topic, the same thing done to
        # it (burned, flooded), or the same large sum of money.
        same_sum = a.quantity.value == b.quantity.value >= 1e5 and a.quantity.unit in MONEY
        same_act = bool(a.predicate) and a.predicate == b.predicate and a.quantity.unit in _ACTED_ON
        slipped = transposed(a.quantity.value, b.quantity.value)  # `1,2 Kilogramm`, `2.1 kilograms`
        return same_sum or same_act or spread or slipped or bool(shared_words(free_topics(a), free_topics(b)))
    if a.counts in INTRINSIC:
        return True
    if a.predicate and b.predicate:
        return a.predicate == b.predicate
    if a.predicate or b.predicate:
        # One side says what happened, the other not: the same people compare, or
        # people whose usual business it is (emergency workers deployed).
        usual = USUAL_PREDICATE.get(a.counts)
        if usual and usual == (a.predicate or b.predicate):
            return True
        # of one counted noun, the side that says nothing may mean the same; not an order
        # of magnitude apart (`about 4,500 people` employed, `zwei Mitarbeiter` investigated)
        return a.counts not in GENERIC and _within(a, b, _ONE_SIDED_RATIO)
    return True


_ONE_SIDED_RATIO = 10.0
_ONE_PERSON_YEARS = 10


def _within(a: Figure, b: Figure, ratio: float) -> bool:
    lo, hi = sorted((a.quantity.value, b.quantity.value))
    return lo > 0 and hi / lo <= ratio


def _measure_other_things(a: Figure, b: Figure) -> bool:
    """`a 210-metre section` and `the 480-metre bridge`: amounts of two things named in one
    language (a German noun is capitalised, an English one not)."""
    x, y = a.noun, b.noun
    if not x or not y or x[:1].isupper() != y[:1].isupper():
        return False
    return not shared_words({stem_forms(x)[-1]}, {stem_forms(y)[-1]})


def agree(a: Figure, b: Figure) -> bool:
    qa, qb = a.quantity, b.quantity
    lo, hi = max(qa.low, qb.low), min(qa.high, qb.high)
    if qa.low == qa.high or qb.low == qb.high:
        return lo <= hi or math.isclose(lo, hi, rel_tol=1e-9)  # 780 cm * 0.01 is 7.8 m
    return lo < hi  # two estimates that merely touch at their edges do not agree


def free_topics(f: Figure) -> set[str]:
    return {t for t in f.topics if t not in PLACES}


def time_order(a: Figure, b: Figure) -> int | None:
    """-1 when a is wholly earlier, 1 when later, 0 same moment, None unknown.

    A later moment counts only when the later article was also published
    later: two reports of one day that date an event differently disagree
    about the event, they do not follow each other.
    """
    if a.as_of is None or b.as_of is None:
        return None
    same = overlap(a.as_of, b.as_of)
    if same is None:
        return None
    if (
        same
        or (a.counts in FIXED and not {a.predicate, b.predicate} & _BEFALLS)  # passengers affected add up
        or a.qualifier == AGE  # a person's age in one story does not move
        or a.counts.startswith(("time:", "minute:", "duration:"))
        or a.quantity.unit in _READINGS  # a record is one reading, whenever it was taken
        or a.quantity.unit == "ng"  # a sample's concentration, measured once
    ):
        return 0
    if a.counts == "unit:m" and (a.topics | b.topics) & _DIMENSIONS:
        return 0  # how wide, long, deep or high a thing is does not move from one day to the next
    if a.counts == "unit:ha" and not {a.predicate, b.predicate} & _OVER_AREA:
        return 0  # an area nothing spreads over or destroys (an estate, a lake) stays as it is
    assert a.as_of.high is not None and b.as_of.low is not None
    assert a.as_of.low is not None and b.as_of.high is not None
    order = -1 if a.as_of.high < b.as_of.low else 1
    gap = (b.as_of.low - a.as_of.high) if order == -1 else (a.as_of.low - b.as_of.high)
    if gap.days < _UPDATE_GAP_DAYS:
        return 0
    if a.published is not None and b.published is not None:
        published = (a.published > b.published) - (a.published < b.published)
        if published != order:
            return 0
    return order


def said_before(a: Figure, b: Figure, order: int, group: Iterable[Figure]) -> bool:
    """The later value was already reported at the earlier moment by another outlet
    (1,800 evacuated on Tuesday in one paper, 800 in another, 1,800 again on Thursday):
    nothing changed, the two earlier reports disagree. A figure that says it changed is
    an update all the same."""
    earlier, later = (a, b) if order == -1 else (b, a)
    if later.changed:
        return False
    return any(
        x.article not in (earlier.article, later.article)
        # a report after the later one repeats its value (`a record 61,400 visitors this
        # year`, whose year spans the earlier moment too); it says nothing of that moment
        and not (x.published and later.published and x.published > later.published)
        and comparable(x, later)
        and agree(x, later)
        and time_order(x, earlier) == 0
        for x in group
    )


def moved_order(a: Figure, b: Figure) -> int:
    """-1 when b, in an article published later, says the figure rose or fell to its value
    (`has risen to 58`): an update even a day after, even within an earlier estimate's range;
    1 the other way round; else 0."""
    if a.published is None or b.published is None or a.published == b.published:
        return 0
    later = b if b.published > a.published else a
    if not later.changed or later.quantity.unit in _READINGS:  # a reading taken does not move
        return 0
    if AGE in (a.qualifier, b.qualifier):
        return 0  # `anders als zunächst gemeldet`: a correction of who was hurt, not of an age
    return -1 if later is b else 1


# Flows that happen in events (burned, killed, evacuated): a total over a whole year is
# another quantity than one event's, whatever their values.
_FLOWS = frozenset({"destroyed", "spread", "killed", "injured", "evacuated", "arrested"})
_YEAR_DAYS = 300


# A figure its own sentence dates more than a year before its article was published is of
# a past event the story recalls (`In October 2022, 41 people died in an explosion at ...`).
_BACKGROUND_DAYS = 365


def background(f: Figure) -> bool:
    """The sentence dates the figure over a year before its article's publication."""
    if f.as_of_from != "sentence" or f.published is None or f.as_of is None:
        return False
    low, high = f.as_of.low, f.as_of.high
    if low is None or high is None:
        return False  # a bare year naming a thing (`Die 1972 eröffnete Brücke`) is no as-of date
    return (f.published - high).days > _BACKGROUND_DAYS


def other_period(a: Figure, b: Figure) -> bool:
    """`More than 1,100 hectares burned across Brandenburg last year` is no figure of this fire;
    a figure of a past event the story recalls is none of the story's own."""
    if a.as_of is None or b.as_of is None or overlap(a.as_of, b.as_of) is not False:
        return False
    if a.counts == "unit:m" and (a.topics | b.topics) & _DIMENSIONS:
        return False  # how high a wall built in 1968 is, is how high it is now
    if background(a) != background(b):
        return True
    if not (a.counts in _CUMULATIVE or a.predicate in _FLOWS or b.predicate in _FLOWS):
        return False
    spans = []
    for f in (a, b):
        assert f.as_of is not None and f.as_of.low is not None and f.as_of.high is not None
        spans.append((f.as_of.high - f.as_of.low).days)
    return max(spans) >= _YEAR_DAYS > min(spans)


def shrinks(a: Figure, b: Figure, order: int) -> bool:
    """A count that only grows (the dead, the arrested) is lower in the later report."""
    said = {a.predicate, b.predicate} - {""}  # what befell them, as either report says it
    if (
        a.counts not in _CUMULATIVE
        and not (said and said <= _CUMULATIVE_PREDICATES)
        and not _DAYS_OF.search(a.counts)
    ):
        return False
    earlier, later = (a, b) if order == -1 else (b, a)
    return later.quantity.high < earlier.quantity.low


def shared_words(xs: Iterable[str], ys: Iterable[str]) -> set[str]:
    """Topic words two sentences share: the same, one the end of the other (`Getreidekorridor`,
    `Korridor`), or the same word spelled in the other language (`Parlament`, `Parliament`)."""
    shared = set()
    ys = [y for y in ys if y not in PLACES]
    for x in xs:
        if x in PLACES:
            continue
        for y in ys:
            if x == y or (min(len(x), len(y)) >= 5 and (x.endswith(y) or y.endswith(x) or cognate(x, y))):
                shared.add(min(x, y, key=len))
    return shared


def cognate(x: str, y: str) -> bool:
    """`parlament`/`parliament`, `katastrophe`/`catastrophe`: one start, nearly one spelling."""
    fx, fy = fold_name(x), fold_name(y)
    return fx[:1] == fy[:1] and abs(len(fx) - len(fy)) <= 2 and ratio(fx, fy) >= 85


def fixed_amount(a: Figure) -> bool:
    """A share (a refund of 25 percent, a vaccination rate) that no later report says
    moved: a later value disagrees with it rather than updating it. So does a sum of
    money (a damage estimate, a price): a reward raised or a gap grown says so in its
    report (`auf 10.000 Euro erhöht`, `angewachsen`). Lengths and volumes grow with a
    story (a slick spreading), so they may still update."""
    return a.counts.startswith("unit:") and (a.quantity.unit == "%" or a.quantity.unit in MONEY)


def transposed(x: float, y: float) -> bool:
    """`2,4 Millionen` and `4.2 million`, `83.000` and `38,000`: the same digits swapped, a
    slip of one report, not a figure that moved between them."""
    if x == y or x <= 0 or y <= 0 or math.floor(math.log10(x)) != math.floor(math.log10(y)):
        return False
    dx, dy = (f"{v:.12g}".replace(".", "").strip("0") for v in (x, y))
    return len(dx) >= 2 and dx != dy and sorted(dx) == sorted(dy)
