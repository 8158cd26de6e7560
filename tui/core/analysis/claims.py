"""Structured claims read from one article: figures (a quantity, what it
counts, when) and dated events.

A number alone says nothing comparable; `über 10.000 Soldaten ... verlegt`
does: soldiers, deployed, more than 10,000, as of the article's date. These
records are what the pairing in `suggest` compares across outlets.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from tui.core.analysis.attribution import attribution, stance
from tui.core.analysis.dates import DateMention, dates, may_have_dates
from tui.core.analysis.fold import fold_name
from tui.core.analysis.grammar import (
    CLAUSE,
    counted_noun,
    participle_class,
    predicate_of,
    qualifier_of,
    stem_forms,
)
from tui.core.analysis.lexicon import (
    GENERIC,
    MODALITY,
    MONTHS,
    NOUNS,
    PREDICATES,
    QUALIFIERS,
    SCALES,
    STOPWORDS,
    UNITS,
    WEEKDAYS,
    event_kind,
    noun_concept,
    term_of,
    terms_in,
)
from tui.core.analysis.numbers import Quantity, quantities
from tui.core.analysis.phrasing import (
    GENERIC_INCIDENTS,
    bare_casualty,
    injured_part,
    is_deadline,
    says_change,
    starts_period,
)
from tui.core.analysis.segment import Sentence, Word, sentences


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


@dataclass(slots=True)
class Analysis:
    """What one article yields. Only what the pairing reads is kept: the sentences
    with a stance cue (not every sentence), and the words that name the story."""

    document: Document
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)  # those with a stance cue
    keywords: frozenset[str] = frozenset()  # folded proper names and concepts of the story


_UNIT_WORDS = frozenset({*UNITS, *SCALES, "millionen", "milliarden", "prozent", "euro", "dollar"})
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour"})
_SINCE = re.compile(r"^(?:seit|since|bis|until)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_SUBORDINATE = frozenset({"dass", "that", "ob", "whether", "falls", "if"})
_NUMBER_OF = re.compile(
    r"\b(?:number|toll|Zahl|Anzahl)\s+(?:of|der|an)\s+(?:the\s+)?([\w-]+)(?:\s+([\w-]+))?", re.IGNORECASE
)
# People who, when killed or injured, are counted as the dead or injured.
_PERSONS = frozenset(
    {
        "people",
        "employees",
        "construction workers",
        "passengers",
        "civilians",
        "residents",
        "children",
        "refugees",
        "crew",
    }
)
_AMOUNT_UNITS = frozenset(
    {"USD", "EUR", "GBP", "CHF", "JPY", "RUB", "%", "pp", "t", "m", "ha", "l", "°C", "kn", "km/h"}
)


def analyse_document(doc: Document) -> Analysis:
    """Figures and dated events of one article."""
    out = Analysis(doc)
    for sentence in sentences(doc.text):
        _read_sentence(doc, sentence, out)
    out.keywords = _keywords(doc.text)
    return out


_PROPER = re.compile(r"(?<![.!?:]\s)(?<!^)(?<![\w-])[A-ZÄÖÜ][\wäöüß]{3,}(?:-[A-ZÄÖÜ][\wäöüß]+)*")
_KEYWORD_CAP = 400
_LEAD_CHARS = 6000  # the headline and lead name the story; a long text's tail adds only cost


def _keywords(text: str) -> frozenset[str]:
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
    words = sentence.words()
    lowers = [w.text.lower() for w in words]
    found_dates = (
        dates(sentence.text, doc.published, doc.language, sentence.start)
        if may_have_dates(sentence.text, lowers)
        else []
    )
    source = attribution(sentence.text)
    if stance(sentence.text) is not None:
        out.sentences.append(sentence)
    qs = (
        quantities(sentence.text, sentence.start, doc.language) if has_digit or _maybe_spelled(lowers) else []
    )
    times, clock = (
        _times(doc, sentence, words, lowers, found_dates, source)
        if has_digit and _TIME_HINT.search(sentence.text)
        else ([], [])
    )
    out.figures.extend(times)
    qs = [
        q
        for q in qs
        if not _inside_date(q, found_dates)
        and not _is_year(q, sentence.text, sentence.start)
        and not any(s <= q.start < e for s, e in clock)  # `12.40 Uhr` is no count of anything
    ]
    previous: Figure | None = None
    for q in qs:
        modality = _modality(sentence, words, lowers, q)
        figure = _figure(doc, sentence, words, lowers, q, found_dates, modality, source, previous)
        if figure is not None:
            out.figures.append(figure)
            if figure.counts:
                previous = figure
    for mention in found_dates:
        event = _event(doc, sentence, words, lowers, mention, source)
        if event is not None:
            out.events.append(event)


_TIME = re.compile(
    r"(?:(?P<hedge>gegen|etwa|um\s+etwa|around|about|approximately|kurz\s+vor|kurz\s+nach|shortly\s+before|"
    r"shortly\s+after|just\s+before|just\s+after)\s+)?"
    r"(?:(?:um|at|ab|from)\s+)?"
    r"\b(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?\s*"
    r"(?:(?P<uhr>Uhr\b)|(?P<ampm>[ap])\.?m\b\.?)",
    re.IGNORECASE,
)
# `in der 63. Minute`, `in the 63rd minute`: the minute of a match, of the event near it
_MATCH_MINUTE = re.compile(r"\b(?P<n>\d{1,3})(?:\.|st|nd|rd|th)\s+(?:Spielminute|Minute|minute)\b")
_TIME_HINT = re.compile(r"\d\s*(?:Uhr|[ap]\.?m\b)|inute", re.IGNORECASE)  # one search rules most out
# The match itself and the disasters that may befall it: a minute of any is the incident's.
_INCIDENTS = frozenset({"match", "collapse", "fire", "explosion", "crash", "accident", "attack", "shooting"})
_TIME_SPREAD = {"gegen": 15, "etwa": 15, "around": 15, "about": 15, "approximately": 15}


def _times(
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
        for w, low in zip(words, lowers, strict=True):
            found = event_kind(low)
            if found and abs(w.start - start) < distance:
                kind, distance = found, abs(w.start - start)
        if not kind and what == "time" and any(low in GENERIC_INCIDENTS for low in lowers):
            kind = "incident"  # `Das Unglück ereignete sich gegen 14.30 Uhr`
        if what == "minute" and (not kind or kind in _INCIDENTS):
            # a match minute dates what befell the match, whichever word the sentence uses
            kind = "incident"
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
        as_of, as_of_from = _as_of(doc, found_dates)
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
            )
        )
    return out, spans


def _modality(sentence: Sentence, words: list[Word], lowers: list[str], q: Quantity) -> str:
    """A modal word in the figure's clause, or before it when the clause depends on it
    (`befürchtet, dass bis zu 100.000 ...`); `could` in another clause says nothing."""
    cuts = [sentence.start + m.start() for m in CLAUSE.finditer(sentence.text)]
    begin = max((c for c in cuts if c <= q.start), default=sentence.start)
    end = min((c for c in cuts if c >= q.end), default=sentence.end)
    first = next((i for i, w in enumerate(words) if w.start >= begin), len(words))
    dependent = first < len(words) and lowers[first] in _SUBORDINATE
    for i, (w, low) in enumerate(zip(words, lowers, strict=True)):
        if low in MODALITY and (begin <= w.start < end or (dependent and w.start < begin)):
            if i + 1 < len(words) and lowers[i + 1] in NOUNS:
                continue  # `200 planned operations`: an attribute of the noun, not a plan
            return MODALITY[low]
    return ""


_SPELLED = re.compile(
    r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zig|ßig|hundert|"
    r"tausend|two|three|four|five|six|seven|eight|nine|ten|twelve|teen|ty\b|"
    r"hundred|thousand"
)


def _maybe_spelled(lowers: list[str]) -> bool:
    # One search over the words joined by spaces finds what a search in each word
    # finds: no alternative holds a space, and `ty\b` ends a word either way.
    return _SPELLED.search(" ".join(lowers)) is not None


def _inside_date(q: Quantity, found: list[DateMention]) -> bool:
    return any(d.start < q.end and q.start < d.end for d in found)


def _is_year(q: Quantity, text: str, offset: int) -> bool:
    """A bare 19xx/20xx after `im`, `seit`, `in` ... is a year, not a figure."""
    return (
        q.text.isdigit()
        and 1900 <= q.value <= 2099
        and not q.hedge
        and _next_is_year_context(text, q.start - offset)
    )


def _next_is_year_context(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].lower()
    return bool(re.search(r"(?:im|in|seit|bis|jahr|jahre|since|of|plant|anfang|ende|mitte)\s+$", before))


def _figure(
    doc: Document,
    sentence: Sentence,
    words: list[Word],
    lowers: list[str],
    q: Quantity,
    found_dates: list[DateMention],
    modality: str,
    source: str,
    previous: Figure | None,
) -> Figure | None:
    after = [i for i, w in enumerate(words) if w.start >= q.end]
    first = after[0] if after else len(words)
    # `32, police said`: a counted noun follows its number without a comma between
    stop = _clause_end(doc.text, q.end, sentence.end, words, first)
    subset = _SUBSET.match(doc.text, q.end)
    noun_index = None if subset else counted_noun(words[:stop], lowers[:stop], first, doc.language)
    qualifier = ""
    for i in range(first, min(len(words), (noun_index if noun_index is not None else first) + 2)):
        qualifier = qualifier or qualifier_of(words[i].text)
    if first + 1 < len(words) and f"{lowers[first]} {lowers[first + 1]}" in QUALIFIERS:
        qualifier = QUALIFIERS[f"{lowers[first]} {lowers[first + 1]}"]
    if not qualifier and noun_index is not None:
        # `4.000 Anhänger waren aus Harzburg angereist`: the verb at the clause's end says whose
        qualifier = next(
            (own for low in lowers[noun_index + 1 : stop] if (own := QUALIFIERS.get(low)) == "away"), ""
        )
    predicate = predicate_of(sentence, words, lowers, q)
    if q.unit in ("minute", "hour") and _FOR.search(doc.text, max(0, q.start - 12), q.start):
        # `für 25 Minuten unterbrochen`, `halted for 30 minutes`: how long an event lasted
        kind = next((k for k in map(event_kind, lowers) if k), "")
        noun, counts, end = "", f"duration:{kind}" if kind else "", q.end
    elif q.unit in _TIME_UNITS or q.unit in ("minute", "hour"):
        noun, counts, end = "", "", q.end
    elif noun_index is not None:
        noun = words[noun_index].text
        pair = f"{lowers[noun_index - 1]} {lowers[noun_index]}" if noun_index > first else ""
        counts = (
            NOUNS.get(pair, "")
            or noun_concept(lowers[noun_index])
            or next((NOUNS[f] for f in stem_forms(noun) if f in NOUNS), "")
        )
        part = injured_part(lowers[noun_index]) if not counts else ""
        if part:
            counts, qualifier = "injured", part  # `neun Schwerverletzte`: the seriously injured
        if not counts:
            counts = "noun:" + min(stem_forms(noun), key=len)
        end = words[noun_index].end
    elif subset is not None and (subset.group("noun") or previous is not None):
        # `Three of the injured`, `vier von ihnen schwer`: a part of what was counted
        low = (subset.group("noun") or "").lower()
        noun = subset.group("noun") or (previous.noun if previous else "")
        counts = NOUNS.get(low, "") or (previous.counts if previous else "")
        end = subset.end()
    elif _CROWD.search(doc.text, max(0, q.start - 30), q.start) and not q.unit:
        noun, counts, end = "", "visitors", q.end
    elif previous is not None and not q.unit:
        # `killing two people and injuring 32`: the same people, but what happened to
        # them is this figure's own predicate
        noun, end = previous.noun, q.end
        casualty = "" if noun else bare_casualty(doc.text, q.start, q.end)  # `Five died and 30 were injured`
        counts = casualty or (predicate and noun_concept(noun.lower())) or previous.counts
        qualifier = qualifier or previous.qualifier
    else:
        noun, counts, end = _number_of(sentence, q), "", q.end
        counts = NOUNS.get(noun.lower(), "") if noun else ""
        # `the number of suspects arrested has risen to nine`: what happened to them
        said = _NUMBER_OF.search(sentence.text)
        if noun and said and said.group(2) and PREDICATES.get(said.group(2).lower()):
            predicate = PREDICATES[said.group(2).lower()]
        elif noun and said and noun == said.group(2):
            predicate = participle_class(said.group(1).lower()) or predicate
    topics: frozenset[str] = frozenset()
    if q.unit in _AMOUNT_UNITS and (not counts or counts.startswith("noun:")):
        # `800 Hektar Wald`: an amount of forest measured in area, not a count of forests.
        counts, topics = "unit:" + q.unit, _topics(sentence, words, lowers, q)
    if counts in GENERIC and predicate in (
        "killed",
        "injured",
        "missing",
        "evacuated",
        "arrested",
        "rescued",
    ):
        counts = _WHAT_HAPPENED.get(predicate, predicate)
    elif counts in _PERSONS and predicate in ("killed", "injured", "evacuated"):
        counts = _WHAT_HAPPENED.get(predicate, predicate)
    elif counts == "suspects" and predicate == "arrested":
        counts = "arrests"  # `two suspects arrested`: the count of arrests (`Festnahmen`)
    elif predicate == "hospitalised" and counts in ("", "people", "injured"):
        counts, qualifier = "hospitalised", ""  # `zwei von ihnen kamen ins Krankenhaus`: their own count
    elif counts == "people" and predicate == "employed":
        counts = "employees"  # `employs around 2,400 people`
    elif predicate == "capacity" and counts in _HELD:
        counts = "capacity"  # `fasst 34.000 Zuschauer`, `which holds 34,000`: what a venue holds
    elif not counts and not q.unit and not noun:
        counts = bare_casualty(doc.text, q.start, q.end)  # `killing at least 12`, `five died`
    clause = _PUNCT.search(doc.text, end, sentence.end)
    if _SERIOUS.search(doc.text, q.end, clause.start() if clause else sentence.end):
        qualifier = "serious"
    elif _MINOR.search(doc.text, q.end, clause.start() if clause else sentence.end):
        qualifier = "minor"
    death_toll = _DEATH_TOLL.search(sentence.text, 0, max(0, q.start - sentence.start))
    if not counts and death_toll is not None:
        counts = "dead"
    as_of, as_of_from = _as_of(doc, found_dates)
    start = q.start
    changed = says_change(sentence.text)
    return Figure(
        doc.id,
        q,
        start,
        end,
        doc.text[start:end],
        counts,
        noun,
        predicate,
        qualifier,
        modality,
        as_of,
        as_of_from,
        source,
        doc.published,
        topics,
        changed,
    )


# People evacuated are evacuees (`1.800 Evakuierte`), whatever noun counted them.
_WHAT_HAPPENED = {"killed": "dead", "evacuated": "evacuees"}
_HELD = frozenset({"", "visitors", "seats", "people"})


_SUBSET = re.compile(
    r"\s+(?:of\s+(?:them|those|the\s+(?P<noun>[a-z]+))|von\s+ihnen|davon|darunter)\b", re.IGNORECASE
)
_SERIOUS = re.compile(
    r"\b(?:schwer|schwerst|lebensgefährlich|in\s+lebensgefahr|seriously|critically|severely|"
    r"in\s+(?:a\s+)?(?:serious|critical|life-threatening)\s+condition)\b",
    re.IGNORECASE,
)
_MINOR = re.compile(
    r"\b(?:leicht|leichte|leichten|minor|slightly|light)\b(?=\s+(?:verletzt|verletzungen|injur|hurt|wound))",
    re.IGNORECASE,
)
_DEATH_TOLL = re.compile(r"\b(?:death\s+toll|todeszahl|zahl\s+der\s+(?:toten|todesopfer))\b", re.IGNORECASE)
_PUNCT = re.compile(r"[,;:()–]")
_FOR = re.compile(r"\b(?:für|for|knapp|rund|etwa|about|nearly|almost|some)\s+$", re.IGNORECASE)
# `a crowd of 45,000`: the noun before the number says what it counts
_CROWD = re.compile(r"\b(?:crowd|attendance|audience|Kulisse|Zuschauerzahl)\s+(?:of|von)\s+$", re.IGNORECASE)


def _clause_end(text: str, end: int, limit: int, words: list[Word], first: int) -> int:
    """The index of the first word after `end` that a comma or colon separates from it."""
    cut = _PUNCT.search(text, end, limit)
    if cut is None:
        return len(words)
    return next((i for i in range(first, len(words)) if words[i].start >= cut.start()), len(words))


def _number_of(sentence: Sentence, q: Quantity) -> str:
    """`The number of people killed has risen to five`: the noun the sentence counts; past
    an adjective (`die Zahl der verschobenen Operationen`)."""
    m = _NUMBER_OF.search(sentence.text)
    if not m or sentence.start + m.end() > q.start:
        return ""
    if m.group(1).lower() not in NOUNS and m.group(2) and m.group(2).lower() in NOUNS:
        return m.group(2)
    return m.group(1)


def _topics(sentence: Sentence, words: list[Word], lowers: list[str], q: Quantity) -> frozenset[str]:
    """Capitalised content words of the sentence outside the figure, and the concepts it
    names in either language (`Pegel`, `water level`): what an amount is of."""
    concepts = terms_in(sentence.text.lower(), lowers)
    return frozenset(concepts) | frozenset(
        stem_forms(w.text)[-1]
        for w, low in zip(words, lowers, strict=True)
        if w.capitalised
        and len(low) > 3
        and low not in STOPWORDS
        and low not in MONTHS
        and low not in WEEKDAYS
        and low not in _UNIT_WORDS
        and low not in NOUNS
        and not q.start <= w.start < q.end
    )


@lru_cache(maxsize=64)
def _published_mention(day: date) -> DateMention:
    """One shared mention per publication date, not one per figure."""
    return DateMention(-1, -1, "", day, day)


def _as_of(doc: Document, found_dates: list[DateMention]) -> tuple[DateMention | None, str]:
    """The date a figure speaks of: a date in its sentence, else publication."""
    usable = [d for d in found_dates if not _SINCE.match(d.text) and not starts_period(doc.text, d.start)]
    resolved = [d for d in usable if d.resolved and d.year_known]
    if resolved:
        # `after Monday's derailment, police said on Thursday`: the figure is as of the saying
        reported = [d for d in resolved if reporting_date(doc.text, d)]
        return (reported or resolved)[0], "sentence"
    if usable:
        return None, "undated: " + usable[0].label()
    if doc.published is not None:
        return _published_mention(doc.published), "published"
    return None, "undated: no publication date"


_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|reported|told\s+\w+|stated|sagte|erklärte|berichtete|meldete|"
    r"teilte\s+\w+\s+mit|mitteilte)\s+(?:on\s+|am\s+)?$",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(
    r"\s*(?:mitteilte|mitgeteilt|sagte|erklärte|bekanntgab|berichtete|mit\b)", re.IGNORECASE
)
_UNTIL = re.compile(r"^(?:bis|until|till)\b", re.IGNORECASE)
_SPAN_AFTER = re.compile(
    r"\b(?:days?|weeks?|months?|hours?|Tage|Tagen|Wochen?|Monate|Monaten|Stunden?)\s+"
    r"(?:after|nach)\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)


def reporting_date(text: str, mention: DateMention) -> bool:
    """`police said on Thursday`, `wie die Polizei am Dienstag mitteilte`: when it was said,
    not when what was said happened."""
    before = text[max(0, mention.start - 40) : mention.start]
    return bool(_SAID_BEFORE.search(before) or _SAID_AFTER.match(text, mention.end))


def _event(
    doc: Document, sentence: Sentence, words: list[Word], lowers: list[str], mention: DateMention, source: str
) -> Event | None:
    since = _SINCE.match(mention.text) or starts_period(doc.text, mention.start)
    if since and not _UNTIL.match(mention.text):
        return None
    if reporting_date(doc.text, mention):
        return None
    best, distance, at = "", 10**9, None
    for w, low in zip(words, lowers, strict=True):
        cls = event_kind(low)
        if cls and _SPAN_AFTER.search(doc.text, max(0, w.start - 40), w.start):
            continue  # `Two days after a fire ..., on Wednesday`: the date is not the fire's
        if cls and abs(w.start - mention.start) < distance:
            best, distance, at = cls, abs(w.start - mention.start), w
    if not best or at is None:
        return None
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
    return Event(doc.id, mention, best, topics, start, end, doc.text[start:end], source)
