"""Figures whose phrase, not a counted noun, says what they measure: prison terms, the
magnitude of an earthquake, and a person's age.

`zu sechs Jahren und neun Monaten Haft`, `an 18-month suspended sentence`, `a magnitude
of 6.4`, `Stärke 6,2`: no noun follows the number, so the counted-noun rules leave them
alone, yet verdicts and quakes are where outlets most often disagree. A term becomes
months (`zwei Jahre` and `18 months` compare); a suspended sentence and the term a
prosecutor asked for are other quantities than the prison term imposed. An age
(`38-year-old guide`, `43-jährigen Bergführer`) is of the person its noun names: two
ages meet when their nouns do, in one language or through the dictionary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tui.core.analysis.grammar import stem_forms
from tui.core.analysis.lexicon import NOUNS, UNITS
from tui.core.analysis.numbers import Quantity, parse_words

PRISON = "prison term"
SUSPENDED = "suspended sentence"
DEMANDED = "prison term demanded"
MAGNITUDE = "magnitude"
FIXED_MEASURES = frozenset({PRISON, SUSPENDED, DEMANDED, MAGNITUDE})  # what a report does not update
AGE = "age"  # a qualifier: an age is of the counted noun's person, and meets only other ages
ANYONE_AGED = "noun:person"  # an age said of a man, a woman, `der 45-Jährige`: meets any person's

_PENAL = re.compile(
    r"haft|gefängnis|strafe|verurteil|bewährung|sentence|prison|jail|convicted|staatsanwalt|prosecutor",
    re.IGNORECASE,
)
_TERM_UNIT = re.compile(r"[- ]?(?P<u>years?|months?|jahre?n?|monate?n?)\b", re.IGNORECASE)
_BEFORE = re.compile(
    r"(?:(?:haft|freiheits|gefängnis|jugend|bewährungs)?strafe|haft)\s+von\s+(?:\w+\s+)?$"
    r"|\bzu\s+(?:\w+\s+)?$|\b(?:sentence|term)\s+of\s+(?:\w+\s+)?$"
    r"|\b(?:sentenced|jailed|condemned)\s+(?:\w+\s+){0,4}?(?:to|for)\s+(?:an?\s+)?$"
    r"|\b(?:gave|given|received|receives|faces?|serve|serving|sought|demanded|requested|asked\s+for)\s+"
    r"(?:\w+\s+){0,2}?(?:an?\s+)?$",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"(?:\s+(?:und|and)\s+(?P<more>\d{1,2}|\w+)\s+(?:monate?n?|months?))?"
    r"(?P<what>\s*(?:haft|gefängnis|jugendstrafe|freiheitsstrafe|jugendhaft|auf\s+bewährung"
    r"|(?:in\s+)?(?:prison|jail)|behind\s+bars"
    r"|(?:-long\s+)?(?:prison\s+|jail\s+|suspended\s+|custodial\s+)?(?:sentence|term)))?",
    re.IGNORECASE,
)
_HYPHENED = re.compile(r"-(?P<u>years?|months?)\b", re.IGNORECASE)
_SUSPENDED = re.compile(r"bewährung|suspended|probation", re.IGNORECASE)
_ASKED = re.compile(
    r"forder|beantragt|plädiert|sought|demanded|requested|asked\s+for|called\s+for", re.IGNORECASE
)
_MAGNITUDE = re.compile(
    r"(?<![a-zäöüß])(?:stärke|magnitude|richterskala|richter\s+scale)(?:\s+von|\s+of)?\s*$", re.IGNORECASE
)
_MAGNITUDE_AFTER = re.compile(
    r"(?:-magnitude|\s+(?:auf\s+der\s+richterskala|on\s+the\s+richter\s+scale|magnitude))", re.IGNORECASE
)
_SMALL = {
    "ein": 1, "einem": 1, "eins": 1, "one": 1, "zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4,
    "four": 4, "fünf": 5, "five": 5, "sechs": 6, "six": 6, "sieben": 7, "seven": 7, "acht": 8,
    "eight": 8, "neun": 9, "nine": 9, "zehn": 10, "ten": 10, "elf": 11, "eleven": 11,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Measured:
    counts: str
    quantity: Quantity
    end: int  # the phrase's end: `und neun Monaten` is part of the term, no figure of its own
    noun: str = ""
    qualifier: str = ""


# `38-year-old`, `43-jährigen`, `der 45-Jährige`: no number the number rules read
# `eight-year-old`, `neunjähriges` too: the number spelled out
_HYPHEN_AGE = re.compile(
    r"(?<![\w.,-])(?P<n>\d{1,3}|[A-Za-zäöüß]+?)-?(?P<tail>year-old|[jJ]ährige?[nmrs]?)\b"
)
# after a number: `54 Jahre alter`, `61 years old` (or after `54 Jahre`, read with its unit)
_AGE_AFTER = re.compile(r"\s+(?:(?:Jahre|years?)\s+)?(?:alte?[nmrs]?|old)\b")
_GERMAN_PERSON = re.compile(r"\s+(?:[a-zäöüß]+(?:e|en|er)\s+)?(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)\b")
_ENGLISH_PERSON = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?(?P<noun>[a-z]{3,})\b")  # `a 47-year-old Dutch tourist`
_NOT_NOUN = frozenset(
    "and who was had has said were is from with died survived suffered remained lost fell".split()
)
# a person by sex or age, not by what they do: one person whichever word a report chose
_ANYONE = frozenset(
    "mann frau mädchen junge person kind man woman girl boy child teenager jugendliche jugendlicher".split()
)


def ages(text: str, offset: int, language: str = "de") -> list[Quantity]:
    """Ages written with a hyphen or as one word, which the number rules do not read."""
    out = []
    for m in _HYPHEN_AGE.finditer(text):
        n = m.group("n")
        value = float(n) if n.isdigit() else parse_words(n, "en" if m.group("tail") == "year-old" else "de")
        if value is None or not 0 < value < 120:
            continue
        out.append(
            Quantity(
                offset + m.start(), offset + m.end(), m.group(), value, value, value, spelled=not n.isdigit()
            )
        )
    return out


# `siebeneinhalb Jahre`, `anderthalb Jahre`: a half the number rules do not read
_HALVES = re.compile(
    r"\b(?P<n>[a-zäöüß]+?)einhalb\s+(?P<unit>[A-Za-zäöü]+)|\banderthalb\s+(?P<unit2>[A-Za-zäöü]+)"
)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)


def halves(text: str, offset: int) -> list[Quantity]:
    """German numbers with a half, with the unit that follows them."""
    out = []
    for m in _HALVES.finditer(text):
        value = 1.0 if m.group("unit2") else parse_words(m.group("n"), "de")
        unit = UNITS.get((m.group("unit") or m.group("unit2")).lower(), ("", 1.0))[0]
        if value is None:
            continue
        end = m.end("unit") if m.group("unit") else m.end("unit2")
        v = value + 0.5
        out.append(Quantity(offset + m.start(), offset + end, text[m.start() : end], v, v, v, "", unit, True))
    return out


# `Raymond Kowalczyk, 52, was arrested`, `der Geiselnehmer (47)`: a name's or a noun's age
_APPOSED_BEFORE = re.compile(r"[A-ZÄÖÜ][\wäöüßćčšžł'-]+(?:, | \()$")


def _apposed(text: str, q: Quantity) -> bool:
    if q.unit or q.text != str(int(q.value)) or not 14 <= q.value <= 99:
        return False
    close = "," if text[q.start - 2 : q.start] == ", " else ")" if text[q.start - 1 : q.start] == "(" else ""
    return (
        bool(close)
        and text[q.end : q.end + 1] == close
        and bool(_APPOSED_BEFORE.search(text, max(0, q.start - 40), q.start))
    )


def _age(text: str, end: int, q: Quantity) -> Measured | None:
    """An age, and the person its noun names (`guide`, `Bergführer`; `person` for `der 45-Jährige`)."""
    tail = q.end
    hyphen = _HYPHEN_AGE.fullmatch(q.text)
    if hyphen is None:
        after = _AGE_AFTER.match(text, q.end, end)
        if after is None and _apposed(text, q):
            return Measured(ANYONE_AGED, q, q.end, "", AGE)
        if after is None or q.unit not in ("year", ""):
            return None
        tail = after.end()
    if hyphen is not None and hyphen.group("tail")[0].isupper():
        noun = ""  # `der 45-Jährige`: the age is the noun
    elif "old" in text[q.start : tail] or "year" in text[q.start : tail]:
        person = _ENGLISH_PERSON.match(text, tail, end)
        noun = person.group("noun") if person and person.group("noun") not in _NOT_NOUN else ""
    else:
        person = _GERMAN_PERSON.match(text, tail, end)
        noun = person.group("noun") if person else ""
    if not noun and hyphen is None:
        return None  # `Die Brücke ist 50 Jahre alt`: whose age, the sentence's subject says
    if noun.lower() in _ANYONE:
        noun = ""
    low = noun.lower()
    concept = NOUNS.get(low, "") or NOUNS.get(low + "s", "")  # `tourist` as `tourists`
    key = concept or ("noun:" + min(stem_forms(noun), key=len) if noun else ANYONE_AGED)
    quantity = replace(q, unit="", end=tail, text=text[q.start : tail])
    return Measured(key, quantity, tail, noun, AGE)


def measure_of(text: str, start: int, end: int, q: Quantity) -> Measured | None:
    """What `q` measures when its phrase says so (a prison term, a magnitude); else None.
    `start`/`end` bound its sentence in `text`."""
    age = _age(text, end, q)
    if age is not None:
        return age
    before = text[max(start, q.start - 50) : q.start]
    if _MAGNITUDE.search(before) or _MAGNITUDE_AFTER.match(text, q.end, end):
        if 1 <= q.value < 10:
            return Measured(MAGNITUDE, replace(q, unit="magnitude"), q.end)
        return None
    sentence = text[start:end]
    if not _PENAL.search(sentence):
        return None
    unit = q.unit
    tail = q.end
    half = _AND_A_HALF.match(text, q.end, end)  # `six and a half years`
    if half is not None:
        q = replace(q, end=half.end(), value=q.value + 0.5, low=q.low + 0.5, high=q.high + 0.5)
        tail = q.end
    inner = _HYPHENED.search(q.text)  # `18-month` read as one figure
    if unit not in ("year", "month") and inner is not None:
        unit = "year" if inner.group("u").lower().startswith("y") else "month"
        tail = q.start + inner.end()
    elif unit not in ("year", "month"):
        m = _TERM_UNIT.match(text, q.end, end)  # `18-month`, `eight-year`: the unit follows
        if m is None:
            return None
        unit, tail = ("year" if m.group("u").lower().startswith(("y", "j")) else "month"), m.end()
    after = _AFTER.match(text, tail, end)
    assert after is not None  # every part of it is optional
    if not after.group("what") and not _BEFORE.search(before) and not _ASKED.search(sentence):
        return None
    months = q.value * (12 if unit == "year" else 1)
    factor = 12 if unit == "year" else 1
    low, high = q.low * factor, q.high * factor
    more = after.group("more")
    if more:
        extra = int(more) if more.isdigit() else _SMALL.get(more.lower(), 0)
        months, low, high = months + extra, low + extra, high + extra
    phrase = before[-30:] + text[q.end : after.end()]
    counts = DEMANDED if _ASKED.search(sentence) else SUSPENDED if _SUSPENDED.search(phrase) else PRISON
    quantity = replace(q, end=after.end(), value=months, low=low, high=high, unit="month")
    return Measured(counts, replace(quantity, text=text[q.start : after.end()]), after.end())
