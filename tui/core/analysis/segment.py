"""Sentences and words with their offsets, so every finding anchors exactly.

Extractors work sentence by sentence: a counted noun, a date or a speaker only
belongs to a number in the same sentence. The splitter is deliberately simple
and conservative: a period after a digit (`19. Juni`, `1.080. Tag`) or after a
known abbreviation never ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_](?:[\w'’]|-(?=\w))*", re.UNICODE)
# A sentence ends at . ! ? (and closing quotes) before whitespace and an
# upper-case letter, a digit or an opening quote; or at a line break.
_END = re.compile(r"(?<=[.!?])[\"'“”»«)]*\s+(?=[\"'„“«»(]?[A-ZÄÖÜ0-9])|\n+")
_ABBREVIATIONS = frozenset(
    "ca bzw z b d h u a usw vgl nr mio mrd mr mrs ms dr prof st etc approx no jan feb mar apr jun jul "
    "aug sep sept oct nov dec okt dez".split()
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str

    def lowers(self) -> list[str]:
        """The words in lower case, as `words()` finds them: most sentences need no more."""
        return [w.lower() for w in _WORD.findall(self.text)]

    def words(self) -> list[Word]:
        return [
            Word(self.start + m.start(), self.start + m.end(), m.group()) for m in _WORD.finditer(self.text)
        ]


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def _ends_sentence(text: str, dot: int) -> bool:
    """Whether the punctuation at `dot` closes a sentence (not 19. or ca.)."""
    if text[dot] != ".":
        return True
    before = text[max(0, dot - 6) : dot]
    if before[-1:].isdigit():
        # `in 2017. Its director`: a year ends its sentence; no ordinal counts that far
        return _YEAR_END.search(before) is not None
    if before.lower().endswith(("a.m", "p.m")):
        # `The all-clear came at 1.30 p.m. Schools reopened`: a time ends the sentence,
        # unless the day or zone follows (`at 7 p.m. Tuesday`, `p.m. GMT`)
        following = _NEXT.match(text, dot + 1)
        return not (following and following.group(1).lower() in _AFTER_TIME)
    token = re.search(r"(\w+)$", before)
    return not (token and (token.group(1).lower() in _ABBREVIATIONS or len(token.group(1)) == 1))


_NEXT = re.compile(r"\s+(\w+)")
_YEAR_END = re.compile(r"(?<![\d.,])(?:19|20)\d\d$")
_AFTER_TIME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tonight gmt cet cest utc bst est "
    "local".split()
)


def sentences(text: str, low: int = 0, high: int | None = None) -> list[Sentence]:
    """Split plain text into sentences with their offsets; only `text[low:high]`
    when a child reads a part that begins and ends at a line break (`workers`),
    where a sentence always ends."""
    piece = text[low:high] if low or high is not None else text
    out: list[Sentence] = []
    start = 0
    for match in _END.finditer(piece):
        if "\n" not in match.group() and not _ends_sentence(piece, match.start() - 1):
            continue
        closing = len(match.group()) - len(match.group().lstrip("\"'“”»«)"))
        _add(out, piece, start, match.start() + closing, low)
        start = match.end()
    _add(out, piece, start, len(piece), low)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, offset: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(offset + start, offset + end, text[start:end]))
