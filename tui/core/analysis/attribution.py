"""Who says it, and whether they confirm, deny or decline to comment.

The speaker explains a suggestion ("at least 11,000 (intelligence) vs about
10,000 (Pentagon)"); the stance of one actor in two outlets can itself
contradict ("rejected as an unfounded rumour" vs "made no comment").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.analysis.lexicon import MONTHS, STANCE_PATTERNS, STOPWORDS, WEEKDAYS

_NAME = r"[A-ZÄÖÜ][\w.-]*(?:\s+(?:[A-ZÄÖÜ][\w.-]*|von|de|der|al))*"
_LEAD = r"(?:(?:dem|der|den|des|die|the|einem|einer)\s+)?(?:[a-zäöüß][\w-]*\s+){0,3}?"
_SAYS = ("sagte", "erklärte", "berichtet", "teilte", "said", "says", "told", "reported", "stated")
# Each pattern with words one of which it needs: a test of the lower-cased sentence for
# them rules most sentences out before the pattern is tried at every capital letter.
_ATTRIBUTION = (
    (
        ("laut", "zufolge", "according"),
        re.compile(rf"\b(?:laut|Laut|zufolge|according\s+to|According\s+to)\s+{_LEAD}(?P<name>{_NAME})"),
    ),
    (
        ("nach",),
        re.compile(
            rf"\b[Nn]ach\s+(?:Angaben|Informationen|Einschätzung)\s+(?:von|des|der|aus)\s+{_LEAD}"
            rf"(?P<name>{_NAME})"
        ),
    ),
    (("nach",), re.compile(rf"\b[Nn]ach\s+(?P<name>Geheimdienstinformationen\s+aus\s+{_NAME})")),
    (
        ("berichtet", "mitteilte", "meldet", "reported", "said"),
        re.compile(
            rf"\b(?:wie|as)\s+{_LEAD}(?P<name>{_NAME})\s+(?:berichtet|berichtete|mitteilte|meldet|"
            rf"meldete|reported|said)"
        ),
    ),
    (
        _SAYS,
        re.compile(
            rf"(?P<name>{_NAME}),?\s+(?:sagte|erklärte|berichtet|berichtete|teilte\s+mit|said|says|"
            rf"told|reported|stated)\b"
        ),
    ),
)
_NOT_SPEAKERS = STOPWORDS | frozenset(MONTHS) | frozenset(WEEKDAYS)
_STANCES = tuple((re.compile(pattern, re.IGNORECASE), stance) for pattern, stance in STANCE_PATTERNS)
_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\wäöüß]+(?:-[A-ZÄÖÜ]?[\wäöüß]+)*")


@dataclass(frozen=True, slots=True)
class Stance:
    stance: str  # "confirms", "denies" or "no_comment"
    start: int  # offset of the cue in the sentence
    end: int


def attribution(sentence: str) -> str:
    """The speaker a sentence names (`laut dem Pentagon` -> `Pentagon`), or ""."""
    low = sentence.lower()
    for needs, pattern in _ATTRIBUTION:
        if not any(word in low for word in needs):
            continue
        m = pattern.search(sentence)
        if m:
            # `wie sie am Montag mitteilten`: a day is when, not who
            words = [w for w in m.group("name").split() if w.lower() not in _NOT_SPEAKERS]
            name = " ".join(words).strip(" ,.")
            if name:
                return name
    return ""


# Every stance pattern holds one of these: one search of the lower-cased sentence rules out
# most sentences (case-blind matching of many alternatives is five times slower).
_STANCE_HINT = re.compile(
    r"bestätig|dementi|bestr|zurück|geäußert|äußer|kommentar|confirm|denie|denies|"
    r"deny|reject|refut|comment|stellungnahme|auskunft|unbeantwortet|stritt|widersprach|dismissed|"
    r"räumte|eingeräumt|admitted|acknowledged"
)


def stance(sentence: str) -> Stance | None:
    """Whether a sentence confirms, denies or withholds comment."""
    if _STANCE_HINT.search(sentence.lower()) is None:
        return None
    for pattern, kind in _STANCES:
        m = pattern.search(sentence)
        if m:
            return Stance(kind, m.start(), m.end())
    return None


def actors(sentence: str) -> frozenset[str]:
    """Capitalised words other than the first: the candidates for who acts."""
    found = set()
    for i, m in enumerate(_CAPITALISED.finditer(sentence)):
        word = m.group()
        if (i == 0 and m.start() == 0) or word.lower() in STOPWORDS or len(word) < 3:
            continue
        found.add(word.lower())
    return frozenset(found)
