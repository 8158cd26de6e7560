"""Numbers that are no counts: a year (`im Jahr 2021`, `Die 1972 eröffnete Brücke`), a
number inside a date, a road's or a line's name (`B 416`, `Linie 12`); and whether a
sentence may spell a number in words at all (a cheap test before the slow reading).
"""

from __future__ import annotations

import re

from tui.core.analysis.dates import DateMention
from tui.core.analysis.lexicon import NOUNS
from tui.core.analysis.numbers import Quantity

_SPELLED = re.compile(
    r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zig|ßig|hundert|"
    r"tausend|two|three|four|five|six|seven|eight|nine|ten|twelve|teen|ty\b|"
    r"hundred|thousand"
)


def maybe_spelled(lowers: list[str]) -> bool:
    # One search over the words joined by spaces finds what a search in each word
    # finds: no alternative holds a space, and `ty\b` ends a word either way.
    return _SPELLED.search(" ".join(lowers)) is not None


def inside_date(q: Quantity, found: list[DateMention]) -> bool:
    return any(d.start < q.end and q.start < d.end for d in found)


def is_year(q: Quantity, text: str, offset: int, language: str = "de") -> bool:
    """A bare 19xx/20xx after `im`, `seit`, `in` ... is a year, not a figure; so is one
    that names a thing's year (`Die 1972 eröffnete Brücke`, `Kommunalwahl 2021`), and in
    English, which writes counts with a comma (`2,021`), any bare one before no counted
    noun (`the 2021 local elections`). `B 416`, `A 1`: a road's number, not a figure;
    nor is the name of a line (`Linie 12`, `route 4`)."""
    at = q.start - offset
    if q.text.isdigit() and not q.hedge and _ROAD.search(text, max(0, at - 3), at):
        return True
    if q.text.isdigit() and not q.hedge and not q.unit and _LINE.search(text, max(0, at - 20), at):
        return True  # `Linie 12`, `route 4`, `Gleis 3`: the name of a line, not a count
    if not (q.text.isdigit() and 1900 <= q.value <= 2099 and not q.hedge and not q.unit):
        return False
    if _next_is_year_context(text, at):
        return True
    after = _NEXT_WORD.match(text, at + len(q.text))
    nxt = after.group(1) if after else ""
    if language == "en":
        return nxt.lower() not in NOUNS
    before = text[max(0, at - 5) : at]
    return bool(
        (_ARTICLE_BEFORE.search(before) and nxt[:1].islower())
        or _NOUN_BEFORE.search(text, max(0, at - 30), at)
    )


_ROAD = re.compile(r"(?<![\w.])[A-Z]\s$")
_LINE = re.compile(
    r"\b(?:Linie|Buslinie|Tramlinie|Straßenbahnlinie|Gleis|Bahnsteig|Nummer|Nr\.|line|route|platform|"
    r"No\.)\s$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_ARTICLE_BEFORE = re.compile(r"\b(?:die|der|das|den|dem|des)\s$", re.IGNORECASE)
_NOUN_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-ZÄÖÜ][a-zäöüß]{3,}\s$")


def _next_is_year_context(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].lower()
    return bool(re.search(r"(?:im|in|seit|bis|jahr|jahre|since|of|plant|anfang|ende|mitte)\s+$", before))
