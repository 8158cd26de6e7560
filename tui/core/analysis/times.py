"""Times of day (`gegen 19.30 Uhr`, `at about 7.30 pm`) and match minutes
(`in der 63. Minute`) as figures of the event their sentence names, and the
spans of every time so that none of them is read as a count.
"""

from __future__ import annotations

import re

from tui.core.analysis.as_of import as_of_date
from tui.core.analysis.dates import DateMention
from tui.core.analysis.lexicon import event_kind
from tui.core.analysis.numbers import Quantity
from tui.core.analysis.phrasing import GENERIC_INCIDENTS, clause_words, is_deadline
from tui.core.analysis.records import Document, Figure
from tui.core.analysis.segment import Sentence, Word

_TIME = re.compile(
    r"(?:(?P<hedge>gegen|etwa|um\s+etwa|around|about|approximately|kurz\s+vor|kurz\s+nach|shortly\s+before|"
    r"shortly\s+after|just\s+before|just\s+after)\s+)?"
    r"(?:(?:um|at|ab|from)\s+)?"
    r"(?:\b(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?\s*"
    r"(?:(?P<uhr>Uhr\b)|(?P<ampm>[ap])\.?m\b\.?)"
    # `at 14:30` (a colon says it is a time), `kurz nach Mitternacht`, `at noon`
    r"|(?<=at\s)(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b|\b(?P<word>mitternacht|midnight|noon)\b)",
    re.IGNORECASE,
)
_WORD_TIME = {"mitternacht": 0, "midnight": 0, "noon": 12 * 60}
# `in der 63. Minute`, `in the 63rd minute`: the minute of a match, of the event near it
_MATCH_MINUTE = re.compile(r"\b(?P<n>\d{1,3})(?:\.|st|nd|rd|th)\s+(?:Spielminute|Minute|minute)\b")
TIME_HINT = re.compile(
    r"\d\s*(?:Uhr|[ap]\.?m\b)|inute|at \d\d?:\d", re.IGNORECASE
)  # one search rules most out
_TIME_WORDS = frozenset(_WORD_TIME)


def may_have_times(text: str, lowers: list[str], has_digit: bool) -> bool:
    """A cheap test before the time patterns: digits shaped like a time, or a time's word."""
    return (has_digit and TIME_HINT.search(text) is not None) or not _TIME_WORDS.isdisjoint(lowers)


# The match itself and the disasters that may befall it: a minute of any is the incident's.
_INCIDENTS = frozenset({"match", "collapse", "fire", "explosion", "crash", "accident", "attack", "shooting"})
UNNAMED = "unnamed event"
# `Die Warnung sei erst um 8.02 Uhr verschickt worden – fast zwei Stunden nach Beginn des
# Austritts`: the event of a time is named in its own part of the sentence.
_CLAUSE_CUT = re.compile(r"\s[–—-]\s|;|:\s")


def clause_of(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence around a span, between dashes, semicolons and colons."""
    cuts = [sentence.start + m.start() for m in _CLAUSE_CUT.finditer(sentence.text)]
    return max((c for c in cuts if c <= start), default=sentence.start), min(
        (c for c in cuts if c >= end), default=sentence.end
    )


_TIME_SPREAD = {"gegen": 15, "etwa": 15, "around": 15, "about": 15, "approximately": 15}


def times_of_day(
    doc: Document,
    sentence: Sentence,
    words: list[Word],
    lowers: list[str],
    found_dates: list[DateMention],
    source: str,
) -> tuple[list[Figure], list[tuple[int, int]]]:
    """`gegen 19.30 Uhr` and `at about 7.30 pm` as minutes after midnight, of the event the
    sentence names: the times of one kind of event compare, those of different events do not.
    Also the spans of every time, with an event or not: none of them is a count."""
    out = []
    spans = []
    found_times = [(m, "time") for m in _TIME.finditer(sentence.text)]
    found_times += [(m, "minute") for m in _MATCH_MINUTE.finditer(sentence.text)]
    for m, what in found_times:
        if what == "minute":
            value = float(m.group("n"))
        elif m.group("word"):
            value = float(_WORD_TIME[m.group("word").lower()])
            before = ((m.group("hedge") or "").lower().split() or [""])[-1] in ("vor", "before")
            if value == 0 and before:
                value = 24 * 60.0  # `shortly before midnight`: the end of the day
        elif m.group("h24"):
            value = float(int(m.group("h24")) * 60 + int(m.group("m24")))
        else:
            hour, minute = int(m.group("h")), int(m.group("m") or 0)
            if m.group("ampm"):
                if hour > 12:
                    continue
                hour = hour % 12 + (12 if m.group("ampm").lower() == "p" else 0)
            value = float(hour * 60 + minute)
        start = sentence.start + m.start()
        spans.append((start, sentence.start + m.end()))
        kind, distance = "", 10**9
        begin, end = clause_of(sentence, start, sentence.start + m.end())
        for w, low in zip(words, lowers, strict=True):
            found = event_kind(low, agents=False) if begin <= w.start < end else ""
            if not found or kind == "discovered":
                continue  # `was detected at 3.30 a.m.`: when it was found, whatever was found
            if found == "discovered" or abs(w.start - start) < distance:
                kind, distance = found, abs(w.start - start)
        if not kind and what == "time" and any(low in GENERIC_INCIDENTS for low in lowers):
            kind = "incident"  # `Das Unglück ereignete sich gegen 14.30 Uhr`
        if what == "minute" and (not kind or kind in _INCIDENTS):
            # a match minute dates what befell the match, whichever word the sentence uses
            kind = "incident"
        if what == "time" and kind in ("", "began"):  # `hatte gegen 4.15 Uhr begonnen`: began what?
            kind = UNNAMED  # no lexicon word names the event: see story.lone_figures, unnamed
        if not kind:
            continue
        if is_deadline(sentence.text, m.start()):
            kind += " (by)"  # `by 10 pm the fire was contained`: a bound, not when it happened
        hedge = ((m.groupdict().get("hedge") or "").lower().split() or [""])[-1:]
        spread = _TIME_SPREAD.get(hedge[0], 0)
        lo, hi = value - spread, value + spread
        if hedge[0] in ("vor", "before"):
            lo, hi = value - 20, value
        elif hedge[0] in ("nach", "after"):
            lo, hi = value, value + 20
        if what == "minute":
            lo, hi = value, value
        hedged = "about" if spread and what == "time" else ""
        q = Quantity(start, sentence.start + m.end(), m.group(), value, lo, hi, hedged, what)
        as_of, as_of_from = as_of_date(doc, found_dates)
        out.append(
            Figure(
                doc.id,
                q,
                q.start,
                q.end,
                q.text,
                f"{what}:{kind}",
                "",
                "",
                "",
                "",
                as_of,
                as_of_from,
                source,
                doc.published,
                # what may name the event in another report's words: see `unnamed`
                clause_words(doc.text, begin, end, (q.start, q.end), doc.language)
                if kind == UNNAMED
                else frozenset(),
            )
        )
    return out, spans
