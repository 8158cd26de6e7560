"""Annotations, anchors and links as plain dataclasses."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from enum import StrEnum
from itertools import repeat
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

KINDS = ("claim", "source", "note")
RELATIONS = ("contradicts", "corroborates", "updates")  # updates: a later figure
VERDICTS = ("unreviewed", "supported", "disputed", "false", "unverifiable")


class Match(StrEnum):
    EXACT = "exact"
    FUZZY = "fuzzy"
    ORPHAN = "orphan"


@dataclass(frozen=True, slots=True)
class Anchor:
    """W3C-style text quote selector with an optional position hint."""

    quote: str
    prefix: str = ""
    suffix: str = ""
    occurrence: int = 0  # 1-based; 0 means "not given"
    start: int | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    start: int
    end: int
    match: Match
    score: float = 1.0
    ambiguous: bool = False

    @property
    def resolved(self) -> bool:
        # A module constant, not `Match.ORPHAN`: an enum member looked up on its
        # class costs a descriptor call, and this runs for every annotation of an
        # article on a load (counts, the list's order), 14 ms of 18 at 50k.
        return self.match is not _ORPHAN_MATCH


_ORPHAN_MATCH = Match.ORPHAN
ORPHAN = Resolution(-1, -1, Match.ORPHAN, 0.0)


@dataclass(slots=True)
class Annotation:
    article: str
    id: str
    kind: str
    anchor: Anchor | None
    path: Path
    line: int = 0
    column: int = 0
    source: str = ""  # reference to a source annotation (claims)
    topic: str = ""
    tags: tuple[str, ...] = ()
    name: str = ""  # normalised source name (sources)
    text: str = ""  # note body or free comment
    target: str = ""  # annotation a note is attached to, instead of a quote
    author: str = ""
    created: str = ""
    modified: str = ""
    conflict: str = ""  # set when a merge kept two versions of this record
    origin: str = ""  # imported: the id it had in the tool it came from
    creator: str = ""  # imported: who wrote it there (an IRI or account), when not a plain name
    resolution: Resolution = ORPHAN
    # Structured claims: what the words say, normalised so figures can be compared.
    value: tuple[float, float] | None = None  # (low, high); one number is (n, n)
    unit: str = ""
    counts: str = ""  # what the number counts: "troops", "dead"
    as_of: str = ""  # the moment the claim speaks of: YYYY, YYYY-MM or YYYY-MM-DD
    event: str = ""  # the event a dated claim is about, shared across articles

    @property
    def ref(self) -> str:
        return f"{self.article}#{self.id}"

    @property
    def start(self) -> int:
        return self.resolution.start

    @property
    def end(self) -> int:
        return self.resolution.end


@dataclass(slots=True)
class Link:
    """Two or more claims that contradict, corroborate or update each other."""

    id: str
    relation: str
    summary: str
    members: tuple[str, ...]
    path: Path
    line: int = 0
    column: int = 0
    author: str = ""
    created: str = ""
    modified: str = ""
    origin: str = ""  # imported: the id it had in the file it came from
    creator: str = ""
    resolved: bool = False
    member_marks: tuple[tuple[int, int], ...] = field(default=())


@dataclass(slots=True)
class Verdict:
    """A reviewer's judgement of one claim, kept apart from the claim itself."""

    id: str
    target: str  # <article-id>#<annotation-id>
    value: str
    path: Path
    comment: str = ""
    author: str = ""
    created: str = ""
    modified: str = ""
    line: int = 0
    column: int = 0
    origin: str = ""  # imported: the id it had in the file it came from
    creator: str = ""


def split_ref(ref: str, default_article: str = "") -> tuple[str, str]:
    """'article#id' -> (article, id); a bare id belongs to default_article."""
    if "#" in ref:
        article, _, ident = ref.partition("#")
        return article, ident
    return default_article, ref


def build_frozen(cls: type[T], count: int, columns: Mapping[str, Iterable[Any]]) -> list[T]:
    """`count` instances of a frozen slots dataclass (Anchor, Resolution), a field at a time.

    A frozen dataclass's `__init__` sets each field through `object.__setattr__`
    from Python (0.8 us per Anchor or Resolution); here each field's slot is
    filled by its descriptor inside one `map`, in C. The cache and the anchoring
    batch make tens of thousands this way. Only for classes without
    `__post_init__`; a field missing from `columns` takes its default.
    """
    made = list(map(object.__new__, repeat(cls, count)))
    for f in fields(cls):  # type: ignore[arg-type]
        values: Iterable[Any] | None = columns.get(f.name)
        if values is None:
            if f.default is MISSING:
                raise ValueError(f"no column for {cls.__name__}.{f.name}")
            values = repeat(f.default, count)
        deque(map(cls.__dict__[f.name].__set__, made, values), maxlen=0)
    return made
