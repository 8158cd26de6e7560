"""The records the analysis reads from an article and hands to the pairing:
the article itself (`Document`), its figures, its dated events, and what one
article yields (`Analysis`). Kept apart from the extractors that fill them
(`claims`, `figures`, `times`, `as_of`) so those can share the shapes without
importing one another; `claims` re-exports them for the pairing modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tui.core.analysis.dates import DateMention
from tui.core.analysis.numbers import Quantity
from tui.core.analysis.segment import Sentence


@dataclass(frozen=True, slots=True)
class Document:
    """What the analysis needs of an article: its plain text and its date."""

    id: str
    text: str
    published: date | None = None
    language: str = "de"
    outlet: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    article: str
    quantity: Quantity
    start: int  # the figure with its counted noun
    end: int
    text: str
    counts: str  # what is counted ("soldiers"), or "" when nothing is
    noun: str
    predicate: str = ""
    qualifier: str = ""
    modality: str = ""
    as_of: DateMention | None = None
    as_of_from: str = ""  # "sentence", "published" or a reason it is unknown
    source: str = ""
    published: date | None = None  # of the article
    topics: frozenset[str] = frozenset()  # for an amount with a unit but no counted noun
    changed: bool = False  # its sentence says the figure rose or fell to this value


@dataclass(frozen=True, slots=True)
class Event:
    article: str
    date: DateMention
    kind: str  # "signed", "ratified", ...
    topics: frozenset[str]
    start: int
    end: int
    text: str
    source: str = ""
    words: frozenset[str] = frozenset()  # content words of the date's clause, lower case
    language: str = ""


@dataclass(slots=True)
class Analysis:
    """What one article yields. Only what the pairing reads is kept: the sentences
    with a stance cue (not every sentence), and the words that name the story."""

    document: Document
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)  # those with a stance cue
    keywords: frozenset[str] = frozenset()  # folded proper names and concepts of the story
