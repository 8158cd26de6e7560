"""Figures of one, written as a word: `für ein Jahr gesperrt`, `closed for about a year`,
`Ein Mensch wurde leicht verletzt`, `One man died`.

The number rules skip `ein` and `a`, which are articles far more often than counts; these
two shapes are counts all the same, and the first report of a toll is often one of them.
"""

from __future__ import annotations

import re

from tui.core.analysis.numbers import HEDGE_RANGE, Quantity

_ONE_SPAN = re.compile(
    r"\b(?:for|für)\s+(?:(?P<hedge>about|around|nearly|almost|roughly|etwa|rund|knapp)\s+)?"
    r"(?P<one>an?|ein|eine|einen)\s+(?P<unit>year|month|week|day|hour|Jahr|Monat|Woche|Tag|Stunde)\b",
)
_ONE_UNIT = {"jahr": "year", "monat": "month", "woche": "week", "tag": "day", "stunde": "hour"}
_ONE_HEDGE = {"about": "about", "around": "about", "roughly": "about", "etwa": "about", "rund": "about"}


def one_span(text: str, offset: int) -> list[Quantity]:
    """`closed for about a year`, `für ein Jahr gesperrt`: a span of one unit written as a word."""
    out = []
    for m in _ONE_SPAN.finditer(text):
        hedge = _ONE_HEDGE.get((m.group("hedge") or "").lower(), "almost" if m.group("hedge") else "")
        unit = _ONE_UNIT.get(m.group("unit").lower(), m.group("unit").lower())
        start = m.start("hedge") if m.group("hedge") else m.start("one")
        low, high = HEDGE_RANGE[hedge]
        out.append(
            Quantity(offset + start, offset + m.end(), text[start : m.end()], 1.0, low, high, hedge, unit)
        )
    return out


# `Ein Mensch wurde leicht verletzt`, `One man died`: a count of one, written as an article,
# where something befell a person; the first report of a toll later reports update.
_ONE_PERSON = re.compile(
    r"(?<![\w-])(?:[Ee]ine?[nm]?|[Oo]ne|[Aa]n?)\s+(?:[a-zäöüß]+\s+)?"
    r"(?P<noun>Mensch|Person|Mann|Frau|Kind|Junge|Mädchen|Angestellte|Arbeiter|[A-ZÄÖÜ][a-zäöüß]*(?:arbeiter|mann|frau)"
    r"|Tote|Toter|Toten|Verletzte|Verletzter|Leiche|Seemann|Urlauber|Besucher|Besucherin"
    r"|person|man|woman|child|boy|girl|worker|employee|passenger|dead|body|sailor|visitor|tourist"
    # who someone is by what they do: `ein Skifahrer`, `eine Radfahrerin`, `a skier`, `a hiker`
    r"|[A-ZÄÖÜ][a-zäöüß]*(?:fahrer|fahrerin|gänger|gängerin|wanderer|wanderin)|[a-z]+(?:ier|ker|ver|ist))\b"
)
_BEFELL_ONE = re.compile(
    r"verletzt|getötet|starb|gestorben|ums\s+Leben|vermisst|festgenommen|ertrunken|\btot\b|Tote|Leiche|"
    r"injur|hurt|killed|died|dead|missing|arrested|drowned|body",
    re.IGNORECASE,
)


_ONE_NOUNS = frozenset(
    "mensch person mann frau kind junge mädchen angestellte arbeiter tote toter toten verletzte verletzter "
    "leiche seemann urlauber besucher besucherin man woman child boy girl worker employee passenger dead "
    "body sailor visitor tourist".split()
)


_ONE_ENDINGS = (
    "arbeiter",
    "mann",
    "frau",
    "fahrer",
    "fahrerin",
    "gänger",
    "wanderer",
    "ier",
    "ker",
    "ver",
    "ist",
)


def one_person(text: str, offset: int, lowers: list[str]) -> list[Quantity]:
    """A person something befell, counted by the article (`Ein Mensch wurde verletzt`)."""
    if not any(w in _ONE_NOUNS or (len(w) > 4 and w.endswith(_ONE_ENDINGS)) for w in lowers):  # not `ist`
        return []  # a cheap test first: this runs for most sentences
    if not _BEFELL_ONE.search(text):
        return []
    return [
        Quantity(offset + m.start(), offset + m.start() + len(m.group().split()[0]), m.group().split()[0],
                 1.0, 1.0, 1.0, spelled=True)
        for m in _ONE_PERSON.finditer(text)
    ]  # fmt: skip
