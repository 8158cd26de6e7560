"""Structured claims read from one article: figures (a quantity, what it
counts, when) and dated events.

A number alone says nothing comparable; `über 10.000 Soldaten ... verlegt`
does: soldiers, deployed, more than 10,000, as of the article's date. These
records are what the pairing in `suggest` compares across outlets.

This module reads an article sentence by sentence and builds its dated
events; the records live in `records`, a figure from one quantity in
`figures`, times of day and match minutes in `times`, the date a figure
speaks of in `as_of`. The records are re-exported here, the entry point the
other modules import from.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace

from tui.core.analysis.as_of import SINCE, as_of_date, reporting_date
from tui.core.analysis.attribution import attribution, stance
from tui.core.analysis.dates import DateMention, dates, may_have_dates
from tui.core.analysis.figures import figure_of, modality_of
from tui.core.analysis.fold import fold_name
from tui.core.analysis.grammar import stem_forms
from tui.core.analysis.lexicon import (
    MONTHS,
    NOUNS,
    STOPWORDS,
    WEEKDAYS,
    event_kind,
    term_of,
    terms_in,
)
from tui.core.analysis.measures import ages, halves, measure_of
from tui.core.analysis.noncounts import inside_date, is_year, maybe_spelled
from tui.core.analysis.numbers import quantities
from tui.core.analysis.ones import one_person, one_span
from tui.core.analysis.phrasing import clause_words, starts_period
from tui.core.analysis.records import Analysis, Document, Event, Figure
from tui.core.analysis.segment import Sentence, Word, sentences
from tui.core.analysis.times import UNNAMED, clause_of, may_have_times, times_of_day

__all__ = ["Analysis", "Document", "Event", "Figure", "analyse_document"]

_DIGIT = re.compile(r"\d")


def analyse_document(doc: Document, low: int = 0, high: int | None = None) -> Analysis:
    """Figures and dated events of one article; of its part `[low, high)` only,
    when a child reads a long text in parts cut at line breaks (`workers`)."""
    out = Analysis(doc)
    for sentence in sentences(doc.text, low, high):
        _read_sentence(doc, sentence, out)
    out.keywords = story_keywords(doc.text)
    return out


_PROPER = re.compile(r"(?<![.!?:]\s)(?<!^)(?<![\w-])[A-ZÄÖÜ][\wäöüß]{3,}(?:-[A-ZÄÖÜ][\wäöüß]+)*")
_KEYWORD_CAP = 400
_LEAD_CHARS = 6000  # the headline and lead name the story; a long text's tail adds only cost


def story_keywords(text: str) -> frozenset[str]:
    """The story's words: capitalised words of its lead not at a sentence start, folded
    (`Jüterbog`/`Jueterbog`), and the concepts of the text. Two articles that share
    some are likely about one story; see `suggest._same_story`."""
    counts: dict[str, int] = {}
    for m in _PROPER.finditer(text, 0, _LEAD_CHARS):
        low = m.group().lower()
        if low in STOPWORDS or low in MONTHS or low in WEEKDAYS or low in NOUNS:
            continue
        key = fold_name(low)
        counts[key] = counts.get(key, 0) + 1
    # a long text keeps its most frequent ones: a bounded set per article
    kept = sorted(counts, key=lambda k: (-counts[k], k))[:_KEYWORD_CAP]
    return frozenset(sys.intern(k) for k in kept)


def _read_sentence(doc: Document, sentence: Sentence, out: Analysis) -> None:
    has_digit = _DIGIT.search(sentence.text) is not None
    lowers = sentence.lowers()  # the words themselves are made below, for the sentences that count
    found_dates = (
        dates(sentence.text, doc.published, doc.language, sentence.start, lowers)
        if may_have_dates(sentence.text, lowers)
        else []
    )
    source = attribution(sentence.text)
    if stance(sentence.text) is not None:
        out.sentences.append(sentence)
    qs = quantities(sentence.text, sentence.start, doc.language) if has_digit or maybe_spelled(lowers) else []
    if " a " in sentence.text or " ein" in sentence.text:
        qs += one_span(sentence.text, sentence.start)
    if "einhalb" in sentence.text or "anderthalb" in sentence.text:
        qs = sorted(qs + halves(sentence.text, sentence.start), key=lambda q: q.start)
    if "-" in sentence.text or "ährig" in sentence.text:
        qs = sorted(qs + ages(sentence.text, sentence.start, doc.language), key=lambda q: q.start)
    if not qs or not any(q.value == 1 for q in qs):
        qs = sorted(qs + one_person(sentence.text, sentence.start, lowers), key=lambda q: q.start)
    timed = may_have_times(sentence.text, lowers, has_digit)
    words = sentence.words() if qs or found_dates or timed else []
    times, clock = times_of_day(doc, sentence, words, lowers, found_dates, source) if timed else ([], [])
    out.figures.extend(times)
    qs = [
        q
        for q in qs
        if not inside_date(q, found_dates)
        and not is_year(q, sentence.text, sentence.start, doc.language)
        and not any(s <= q.start < e for s, e in clock)  # `12.40 Uhr` is no count of anything
    ]
    previous: Figure | None = None
    taken = 0  # the end of a phrase a measure took (`und neun Monaten` of a prison term)
    for q in qs:
        if q.start < taken:
            continue
        measured = measure_of(doc.text, sentence.start, sentence.end, q) if has_digit or q.spelled else None
        if measured is not None:
            q, taken = measured.quantity, measured.end
        modality = modality_of(sentence, words, lowers, q, doc.language)
        figure = figure_of(doc, sentence, words, lowers, q, found_dates, modality, source, previous)
        if figure is not None and measured is not None:
            # a term, a magnitude, an age is as of its report: a date in the sentence is the crime's
            as_of, as_of_from = as_of_date(doc, [])
            figure = replace(
                figure, quantity=q, counts=measured.counts, end=q.end, text=doc.text[q.start : q.end],
                predicate="", qualifier=measured.qualifier, noun=measured.noun, as_of=as_of,
                as_of_from=as_of_from,
            )  # fmt: skip
        if figure is not None:
            out.figures.append(figure)
            if figure.counts:
                previous = figure
    for mention in found_dates:
        event = _event(doc, sentence, words, lowers, mention, source)
        if event is not None:
            out.events.append(event)


# Who handles an event, named after it: `election committee`, `fire service`, `accident
# investigators`. The event word is then a modifier, and the date is the body's doing.
_BODIES = frozenset(
    "committee committees commission officials official authority authorities service services department "
    "chief officer officers team office board council staff agency investigators inquiry result results "
    "ausschuss kommission behörde leitung".split()
)
_UNTIL = re.compile(r"^(?:bis|until|till)\b", re.IGNORECASE)
# What someone said, after the date of the saying: `confirmed on Thursday that`, `am Dienstag, dass`.
_THAT = re.compile(r"\b(?:dass|that)\b", re.IGNORECASE)
# A conjunction that opens a clause of its own between an event word and a date.
_SUBCLAUSE = re.compile(
    r"\b(?:after|before|because|nachdem|bevor|weil)\s+(?:the|a|an|his|her|its|their|der|die|das|er|sie|es)\b",
    re.IGNORECASE,
)
_SPAN_AFTER = re.compile(
    r"\b(?:days?|weeks?|months?|hours?|Tage|Tagen|Wochen?|Monate|Monaten|Stunden?)\s+"
    r"(?:after|nach)\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)


def _event(
    doc: Document, sentence: Sentence, words: list[Word], lowers: list[str], mention: DateMention, source: str
) -> Event | None:
    since = SINCE.match(mention.text) or starts_period(doc.text, mention.start)
    if since and not _UNTIL.match(mention.text):
        return None
    if reporting_date(doc.text, mention):
        return None
    best, distance, at = "", 10**9, None
    begin, end = clause_of(sentence, mention.start, mention.end)
    for i, (w, low) in enumerate(zip(words, lowers, strict=True)):
        cls = event_kind(low) if begin <= w.start < end else ""
        if cls and i + 1 < len(lowers) and lowers[i + 1] in _BODIES:
            continue  # `the election committee confirmed on Thursday`: the committee acted
        if cls and _SPAN_AFTER.search(doc.text, max(0, w.start - 40), w.start):
            continue  # `Two days after a fire ..., on Wednesday`: the date is not the fire's
        if cls and w.end <= mention.start and _SUBCLAUSE.search(doc.text, w.end, mention.start):
            continue  # `a runoff after the committee confirmed on Thursday`: the date is the other clause's
        if cls and mention.end <= w.start and _THAT.search(doc.text, mention.end, w.start):
            continue  # `bestätigten am Dienstag, dass ... vor dem Unfall`: the date is of the saying
        if cls and (abs(w.start - mention.start) < distance or cls == "discovered") and best != "discovered":
            # `Das Leck wurde am Donnerstagabend entdeckt`: the day it was found, whatever was found
            best, distance, at = cls, abs(w.start - mention.start), w
    clause = clause_words(doc.text, begin, end, (mention.start, mention.end), doc.language)
    if not best or at is None:
        if not clause or _UNTIL.match(mention.text):
            return None
        # no word the lexicon knows names the event: its clause's words may, in another
        # report (`das amtliche Endergebnis` / `the official result`), see `unnamed`
        return Event(
            doc.id,
            mention,
            UNNAMED,
            frozenset(),
            mention.start,
            mention.end,
            mention.text,
            source,
            clause,
            doc.language,
        )
    if _UNTIL.match(mention.text):
        best += " (until)"  # `der Streik solle bis Mittwoch dauern`: its end, not its start
    topics = frozenset(terms_in(sentence.text.lower(), lowers)) | frozenset(
        stem_forms(w.text)[-1]
        for i, w in enumerate(words)
        if w.capitalised
        and lowers[i] not in STOPWORDS
        and lowers[i] not in MONTHS
        and lowers[i] not in WEEKDAYS
        and not (mention.start <= w.start < mention.end)
        and len(w.text) > 3
    )
    topics -= {term_of(at.text.lower())}  # the event's own word is not a topic
    start, end = min(mention.start, at.start), max(mention.end, at.end)
    if end - start > 160:
        start, end = mention.start, mention.end
    return Event(doc.id, mention, best, topics, start, end, doc.text[start:end], source, clause, doc.language)
