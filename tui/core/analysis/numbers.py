"""Numbers in German and English text: digits, scale words, spelled-out words,
hedges and units, each turned into a range of values.

A stated figure is never a point: `etwa 10.000` is 9,500 to 10,500, `bis zu
3000` is close to but at most 3,000. Comparing ranges, not points, is what
lets `about 1,200` corroborate `1.200` and `mindestens 11.000` contradict
`etwa 10.000`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from tui.core.analysis.lexicon import HEDGES, SCALES, UNITS
from tui.core.analysis.phrasing import is_vague

# Hedge semantics as factors of the stated value. "Up to" and "almost" read as
# "close to, at most": news use them for estimates near the bound.
_ABOUT = 0.05
HEDGE_RANGE: dict[str, tuple[float, float]] = {
    "": (1.0, 1.0),
    "about": (1 - _ABOUT, 1 + _ABOUT),
    "at_least": (1.0, 1.15),
    "more_than": (1.0, 1.15),
    "up_to": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "less_than": (0.75, 1.0),
}

_DIGITS = r"\d{1,3}(?:(?:[.,'\u202f\u00a0])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE_WORDS = "|".join(sorted((re.escape(w) for w in SCALES), key=len, reverse=True))
_UNIT_WORDS = "|".join(sorted((re.escape(w) for w in UNITS), key=len, reverse=True))
_HEDGE_WORDS = "|".join(sorted((re.escape(w) for w in HEDGES), key=len, reverse=True))

_DE_NUMBER_WORD = (
    r"(?:ein|eins|zwei|zwan|drei|vier|fünf|fuenf|sechs|sech|sieben|sieb|acht|neun|"
    r"zehn|elf|zwölf|zwoelf|zig|ßig|ssig|hundert|tausend|und)+"
)
_EN_UNIT_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand)"
)
_EN_NUMBER = rf"{_EN_UNIT_WORD}(?:(?:\s+and\s+|[\s-]+){_EN_UNIT_WORD})*"

_NUMBER = re.compile(
    rf"(?:(?<!\w)(?P<hedge>{_HEDGE_WORDS})\s+)?"
    rf"(?:(?P<cur>[$€£])\s?)?"
    rf"(?:(?P<digits>{_DIGITS})|(?P<words>\b(?:{_EN_NUMBER}|{_DE_NUMBER_WORD})\b))"
    rf"(?:(?P<sep>\s*(?:-|–|bis|to|and|und)\s*)(?P<digits2>{_DIGITS})(?=\D|$))?"
    rf"(?:\s*(?P<scale>(?:{_SCALE_WORDS})(?!\w)))?"
    rf"(?:(?:\s*|-)(?P<unit>(?:{_UNIT_WORDS})(?![\w-]))|(?P<pct>\s?%)|(?P<deg>C(?![\w-])))?",  # `210-metre`
    re.IGNORECASE,
)
# Where a match's core may start (see _matches): digits and currency signs, and
# the number words of _NUMBER searched in lower-cased text.
_CORE_SIGN = re.compile(r"[$€£\d]")
_CORE_WORD = re.compile(
    "|".join(sorted({*_EN_UNIT_WORD[3:-1].split("|"), *_DE_NUMBER_WORD[3:-2].split("|")}))
)
_HEDGE_SET = frozenset(h.lower() for h in HEDGES)
_HEDGE_LENGTHS = sorted({len(h) for h in _HEDGE_SET}, reverse=True)  # longest first: leftmost start first
_BETWEEN = re.compile(r"(?:zwischen|between)\s+$", re.IGNORECASE)
_NOT_NUMBER_WORDS = frozenset({"ein", "eins", "und", "one", "zig"})
# A following "-fache", "-fold", "mal" or "." before an ordinal noun makes it no count.
_AFTER_SKIP = re.compile(r"-?(?:fache|fachen|fold|mal\b|jährig|jaehrig|stündig|year-old)", re.IGNORECASE)
_ORDINAL_NOUNS = re.compile(
    r"\.\s+(?:Tag|Tages|Jahrestag|Mal|Platz|Stelle|Runde|Woche|Jahrhundert|Armee|Brigade|Division|"
    r"Sitzung|Gipfel|Etage|Geburtstag|Ausgabe|Auflage)\b"
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure: its span, the stated value, the range it allows, its unit."""

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    hedge: str = ""
    unit: str = ""
    spelled: bool = False


def parse_digits(token: str, scaled: bool = False, language: str = "de") -> float:
    """`3.000`, `3,000`, `1,5`, `48,3` -> a float.

    A separator followed by groups of exactly three digits groups thousands,
    except a single German comma before a scale word (`1,500 Millionen`).
    """
    token = token.replace("'", "").replace("\u202f", "").replace("\u00a0", "")
    dots, commas = token.count("."), token.count(",")
    if dots and commas:
        decimal = "." if token.rfind(".") > token.rfind(",") else ","
    elif dots + commas == 0:
        return float(token)
    else:
        sep = "." if dots else ","
        groups = token.split(sep)
        thousands = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
        if thousands and (dots + commas > 1 or not (scaled and sep == "," and language == "de")):
            return float(token.replace(sep, ""))
        decimal = sep
    grouping = "," if decimal == "." else "."
    return float(token.replace(grouping, "").replace(decimal, "."))


@lru_cache(maxsize=4096)
def parse_words(words: str, language: str) -> float | None:
    """Spelled-out numbers through text2num: `zwölf`, `dreitausend`, `twenty-two`."""
    from text_to_num import text2num

    cleaned = re.sub(r"\s+", " ", words.strip().lower())
    if cleaned in _NOT_NUMBER_WORDS:
        return None
    first = "en" if re.fullmatch(_EN_NUMBER, cleaned) else "de"
    for lang in (first, "de" if first == "en" else "en"):
        try:
            return float(text2num(cleaned, lang))
        except (ValueError, AssertionError, KeyError, IndexError):
            continue
    return None


def _range(value: float, hedge: str) -> tuple[float, float]:
    lo, hi = HEDGE_RANGE[hedge]
    if hedge == "less_than":
        return value * lo, math.nextafter(value, -math.inf)
    if hedge == "more_than":
        return math.nextafter(value, math.inf), value * hi
    return value * lo, value * hi


def quantities(text: str, offset: int = 0, language: str = "de") -> list[Quantity]:
    """Every figure in `text`; offsets are shifted by `offset`."""
    found: list[Quantity] = []
    for m in _matches(text):
        q = _quantity(text, m, offset, language)
        if q is not None:
            found.append(q)
    return found


def _matches(text: str) -> Iterator[re.Match[str]]:
    """What `_NUMBER.finditer(text)` yields, found faster.

    The full pattern tries every hedge at every position (~0.2 ms a sentence).
    But every match holds a core (a digit, a currency sign or a number word at
    a word start), and the first core candidate at or after the search position
    can be preceded within the match only by a hedge that ends at the spaces
    just before it. So the pattern is tried only at each candidate and at the
    starts of hedges that end there: the same matches, in the same order.
    Lower-casing stands for the pattern's case folding, except in text where it
    moves offsets or where the engine folds further (dotless i, long s).
    """
    low = text.lower()
    if len(low) != len(text) or "ı" in text or "ſ" in text:
        yield from _NUMBER.finditer(text)
        return
    pos = 0
    for c in _cores(text, low):
        if c < pos:
            continue
        for p in _starts(low, c, pos):
            m = _NUMBER.match(text, p)
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = c + 1


def _cores(text: str, low: str) -> list[int]:
    """Sorted positions where a core may start: a superset (a number word inside
    a hedge such as `under` is a candidate that the pattern then refuses)."""
    found = [m.start() for m in _CORE_SIGN.finditer(text)]
    for m in _CORE_WORD.finditer(low):  # plain alternatives: the engine skips fast
        i = m.start()
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):  # \b before a letter
            found.append(i)
    return sorted(found)


def _starts(low: str, core: int, floor: int) -> list[int]:
    """Where a match with this core can start, not before floor, leftmost first."""
    end = core
    while end > floor and low[end - 1].isspace():
        end -= 1
    starts = [
        end - n
        for n in _HEDGE_LENGTHS
        if end < core
        and end - n >= floor
        and low[end - n : end] in _HEDGE_SET
        and not (end - n > 0 and (low[end - n - 1].isalnum() or low[end - n - 1] == "_"))  # `darunter`
    ]
    starts.append(core)
    return starts


def _quantity(text: str, m: re.Match[str], offset: int, language: str) -> Quantity | None:
    start, end = m.span()
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,"):
        return None
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
        return None  # a model name such as M-1989
    if end < len(text) and text[end].isalpha() and m.group("digits") and not m.group("unit"):
        return None  # glued to a word: "10Social"
    after = text[end : end + 12]
    if _AFTER_SKIP.match(after) or (m.group("digits") and _ORDINAL_NOUNS.match(after)):
        return None
    if m.group("digits") and re.match(r"\.\d", after):
        return None  # part of a date or version such as 8.2.8
    scale_word = (m.group("scale") or "").lower()
    scale = SCALES.get(scale_word, 1.0)
    if scale_word in ("billion", "billionen") and language == "en":
        scale = 1e9
    hedge = HEDGES.get((m.group("hedge") or "").lower(), "")
    if m.group("digits"):
        value = parse_digits(m.group("digits"), bool(scale_word), language)
        spelled = False
    else:
        words = m.group("words")
        if words.lower() in _NOT_NUMBER_WORDS and not scale_word:
            return None
        if is_vague(text, m.start("words"), words):
            return None  # `several thousand seats`
        parsed = parse_words(words, language)
        if parsed is None:
            return None
        value, spelled = parsed, True
    value *= scale
    unit, factor = _unit(m)
    value *= factor
    low, high = _range(value, hedge)
    if m.group("digits2") and m.group("digits"):
        second = parse_digits(m.group("digits2"), bool(scale_word), language) * scale * factor
        if second > value:
            low, high, hedge = value, second, "range"
        else:
            end = m.start("sep")
            unit, low, high = "", *_range(value, hedge)
            if m.group("cur"):
                unit = UNITS.get(m.group("cur"), ("", 1.0))[0]
    between = _BETWEEN.search(text[max(0, start - 12) : start]) if hedge == "range" else None
    if between:
        start -= len(between.group())
    return Quantity(offset + start, offset + end, text[start:end], value, low, high, hedge, unit, spelled)


def _unit(m: re.Match[str]) -> tuple[str, float]:
    if m.group("pct"):
        return "%", 1.0
    if m.group("deg"):
        return "°C", 1.0  # `41.9C`: the sign of degrees Celsius written onto the number
    word = m.group("unit") or m.group("cur")
    if not word:
        return "", 1.0
    unit, factor = UNITS.get(word.lower(), UNITS.get(word, ("", 1.0)))
    return unit, factor
