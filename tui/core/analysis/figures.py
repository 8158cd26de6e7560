"""A figure from one quantity of a sentence: what it counts, what happened to
the counted (predicate), how (qualifier, modality) and as of when. The checks
that keep a year, a date or a line's name out of the counts are in `noncounts`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tui.core.analysis.as_of import as_of_date
from tui.core.analysis.dates import DateMention
from tui.core.analysis.grammar import (
    CLAUSE,
    counted_noun,
    predicate_of,
    qualifier_of,
    stem_forms,
)
from tui.core.analysis.lexicon import (
    GENERIC,
    MODALITY,
    MONTHS,
    NOUNS,
    QUALIFIERS,
    SCALES,
    STOPWORDS,
    UNITS,
    WEEKDAYS,
    event_kind,
    noun_concept,
    terms_in,
)
from tui.core.analysis.numbers import Quantity
from tui.core.analysis.phrasing import (
    alleged,
    bare_casualty,
    injured_part,
    now_before,
    number_of,
    says_change,
)
from tui.core.analysis.records import Document, Figure
from tui.core.analysis.segment import Sentence, Word
from tui.core.analysis.times import UNNAMED

_UNIT_WORDS = frozenset({*UNITS, *SCALES, "millionen", "milliarden", "prozent", "euro", "dollar"})
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour"})
_SUBORDINATE = frozenset({"dass", "that", "ob", "whether", "falls", "if"})
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
        "miners",
        "tourists",
        "men",
        "women",
        "patients",
        "students",
        "protesters",
        "visitors",
        "migrants",
        "members",
    }
)
_AMOUNT_UNITS = frozenset(
    {"USD", "EUR", "GBP", "CHF", "JPY", "RUB", "%", "pp", "t", "m", "ha", "l", "°C", "kn", "km/h", "ng"}
)


# German modal words that are other words in English: `the Norchem plant` is a factory.
_GERMAN_ONLY = frozenset({"plant", "soll", "ob", "falls", "droht", "drohen"})


_DEGREE = frozenset({"potentially", "possibly", "möglicherweise"})
# English adjectives by their suffix; German ones by theirs, declined or not (`krebserregende`).
# Not every word ending in -e or -er: `possibly more than 200`, `möglicherweise weitere 200`.
_ADJECTIVE_ENDS = ("ic", "ous", "al", "ive", "able", "ible", "ful") + tuple(
    stem + ending
    for stem in ("lich", "isch", "ig", "bar", "end", "sam", "haft")
    for ending in ("", "e", "en", "er", "es", "em")
)


def modality_of(
    sentence: Sentence, words: list[Word], lowers: list[str], q: Quantity, language: str = "de"
) -> str:
    """A modal word in the figure's clause, or before it when the clause depends on it
    (`befürchtet, dass bis zu 100.000 ...`); `could` in another clause says nothing."""
    cuts = [sentence.start + m.start() for m in CLAUSE.finditer(sentence.text)]
    begin = max((c for c in cuts if c <= q.start), default=sentence.start)
    end = min((c for c in cuts if c >= q.end), default=sentence.end)
    first = next((i for i, w in enumerate(words) if w.start >= begin), len(words))
    dependent = first < len(words) and lowers[first] in _SUBORDINATE
    for i, (w, low) in enumerate(zip(words, lowers, strict=True)):
        if language == "en" and low in _GERMAN_ONLY:
            continue
        if low in MODALITY and (begin <= w.start < end or (dependent and w.start < begin)):
            if low == "soll" and alleged(sentence.text, w.end - sentence.start):
                continue  # `soll ... eingekauft haben`: what someone reportedly did, no plan
            if i + 1 < len(words) and lowers[i + 1] in NOUNS:
                continue  # `200 planned operations`: an attribute of the noun, not a plan
            if low in _DEGREE and i + 1 < len(words) and lowers[i + 1].endswith(_ADJECTIVE_ENDS):
                continue  # `a potentially carcinogenic impurity`: a property, not a possible event
            return MODALITY[low]
    return ""


def figure_of(
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
    total = _OF_TOTAL.match(doc.text, q.end)
    if total is not None:
        # `14 der 212 Wahlbezirke`, `14 of the 212 districts`: the part counts the whole's noun
        first = next((i for i, w in enumerate(words) if w.start >= total.end()), len(words))
    noun_index = None if subset else counted_noun(words[:stop], lowers[:stop], first, doc.language)
    qualifier = ""
    for i in range(first, min(len(words), (noun_index if noun_index is not None else first) + 2)):
        qualifier = qualifier or qualifier_of(words[i].text)
    if first + 1 < len(words) and f"{lowers[first]} {lowers[first + 1]}" in QUALIFIERS:
        qualifier = QUALIFIERS[f"{lowers[first]} {lowers[first + 1]}"]
    if not qualifier and noun_index is not None and noun_concept(lowers[noun_index]) not in _ON_BOARD:
        # `4.000 Anhänger waren aus Harzburg angereist`: the verb at the clause's end says whose;
        # not the adverb (`told anglers to stay away`), and passengers all travel
        qualifier = next(
            (
                own
                for low in lowers[noun_index + 1 : stop]
                if low != "away" and (own := QUALIFIERS.get(low)) == "away"
            ),
            "",
        )
    predicate = predicate_of(sentence, words, lowers, q)
    if q.unit in _SPANS and (
        _FOR.search(doc.text, max(0, q.start - 30), q.start) or _LASTING.match(doc.text, q.end)
    ):
        # `für 25 Minuten unterbrochen`, `halted for 30 minutes`: how long an event lasted;
        # `nach 25 Minuten unterbrochen`, `put out after 11 hours`: how long until it happened
        kind = next((k for k in map(event_kind, lowers) if k), "")
        if kind and _AFTER.search(doc.text, max(0, q.start - 30), q.start):
            kind = f"after {kind}"
        noun, counts, end = "", f"duration:{kind or UNNAMED}", q.end  # unnamed: see story.lone_figures
        if counts:  # `zwei Wochen` and `ten days` compare: every span in hours
            hours = _HOURS[q.unit]
            q = replace(q, value=q.value * hours, low=q.low * hours, high=q.high * hours, unit="h")
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
        counts = (
            casualty
            or (predicate and noun_concept(noun.lower()))
            or _BEFELL.get(predicate, "")  # `One person died and two were injured`: the injured
            or previous.counts
        )
        qualifier = qualifier or previous.qualifier
    else:
        noun, befell = number_of(sentence.text, q.start - sentence.start)
        end = q.end
        counts = noun_concept(noun.lower()) if noun else ""
        if noun and not counts and noun.isalpha():
            counts = "noun:" + min(stem_forms(noun), key=len)  # `the number of smugglers`
        predicate = befell or predicate
    topics: frozenset[str] = frozenset()
    if q.unit in _AMOUNT_UNITS and (not counts or counts.startswith("noun:")):
        # `800 Hektar Wald`: an amount of forest measured in area, not a count of forests.
        counts, topics = "unit:" + q.unit, _topics(sentence, words, lowers, q)
    if counts == "officers" and _POLICE.search(sentence.text):
        counts = "police"  # `Thirteen officers were hurt, police said`: police officers
    if counts in GENERIC and predicate in (
        "killed",
        "injured",
        "missing",
        "evacuated",
        "arrested",
        "rescued",
        "buried",
        "infected",
        "displaced",
    ):
        counts = _WHAT_HAPPENED.get(predicate, predicate)
    elif counts in _PERSONS and predicate in ("killed", "injured", "evacuated", "buried", "infected"):
        counts = _WHAT_HAPPENED.get(predicate, predicate)
    elif (counts == "suspects" or counts in _PERSONS) and predicate == "arrested":
        counts = "arrests"  # `two suspects arrested`: the count of arrests (`Festnahmen`)
    elif counts.startswith("noun:") and predicate in _BEFELL and not q.unit and not _is_event(noun):
        # `Drei Arbeiter kamen ums Leben`, `zwei Schmuggler festgenommen`: whatever the lexicon
        # does not know, people killed are dead and people arrested are arrests
        counts = _BEFELL[predicate]
    elif counts == "animals" and predicate == "killed":
        counts = "dead"  # `27 Tiere waren verendet` and `the number of reptiles that have died`
    elif predicate == "hospitalised" and counts in _IN_HOSPITAL_STAFF:
        predicate = ""  # `In der Klinik arbeiten 2.000 Beschäftigte`: where they work, not lie
    elif predicate == "hospitalised" and counts in ("", "people", "injured", "patients"):
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
    elif _ALONE.search(sentence.text):
        qualifier = "alone"  # `Allein am Donnerstag ertranken drei`: one day's part of a total
    death_toll = _DEATH_TOLL.search(sentence.text, 0, max(0, q.start - sentence.start))
    if not counts and death_toll is not None:
        counts = "dead"
    among = previous is not None and not qualifier and counts == previous.counts
    if among and previous is not None and _AMONG.search(doc.text, previous.end, q.start):
        qualifier = "among"  # `vier Personen festgenommen, darunter zwei Schichtaufseher`: of the four
    as_of, as_of_from = as_of_date(doc, found_dates)
    start = q.start
    changed = says_change(sentence.text) or now_before(doc.text, q.start)
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


_ON_BOARD = frozenset({"passengers", "crew"})
_IN_HOSPITAL_STAFF = frozenset({"employees", "doctors", "nurses", "beds", "paramedics", "volunteers"})
_AMONG = re.compile(r"\b(?:darunter|including|among\s+them|unter\s+ihnen)\b", re.IGNORECASE)
_ALONE = re.compile(r"\ballein\s+(?:am|an)\b|\bon\s+\w+\s+alone\b", re.IGNORECASE)
_POLICE = re.compile(r"\b(?:police|polizei)", re.IGNORECASE)


# People evacuated are evacuees (`1.800 Evakuierte`), whatever noun counted them.
_WHAT_HAPPENED = {
    "killed": "dead",
    "evacuated": "evacuees",
    "arrested": "arrests",
    "infected": "sick",
    "displaced": "homeless",
}
_HELD = frozenset({"", "visitors", "seats", "people"})


def _is_event(noun: str) -> bool:
    """`drei Busunfällen`, `three coach crashes`: events, not people anything befell."""
    low = noun.lower().replace("ä", "a").replace("ö", "o").replace("ü", "u")
    return any(event_kind(form) for form in stem_forms(low))


_BEFELL = {"killed": "dead", "arrested": "arrests", "evacuated": "evacuees", "injured": "injured"}


_OF_TOTAL = re.compile(r"\s+(?:der|von|of(?:\s+the)?)\s+(?:insgesamt\s+)?\d[\d.,]*\d\b(?=\s)")
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
# `für 25 Minuten`, `für voraussichtlich zwei Jahre`, `for about a year`, `dauerte neun Stunden`:
# how long something lasts
_UNTIL = r"nach|after|within|binnen|innerhalb\s+von"  # how long until something happened
_FOR = re.compile(
    rf"\b(?:(?:für|for|dauerten?|dauern|dauert|lasted|lasting|{_UNTIL}|"
    r"take|takes|took|taking)\s+(?:[a-zäöüß]+\s+)?|(?:knapp|rund|etwa|about|nearly|almost|some)\s+"
    # `mit einer Sperrung von mindestens drei Wochen`, `a closure of two weeks`
    r"|(?:Sperrung|Schließung|Unterbrechung|Stilllegung|closure|shutdown)\s+(?:von|of)\s+)$",
    re.IGNORECASE,
)
_AFTER = re.compile(rf"\b(?:{_UNTIL})\s+(?:[a-zäöüß]+\s+)?$", re.IGNORECASE)
# `sechs Stunden lang`, `rund sechs Stunden gesperrt`, `a 36-hour strike`: how long, said after it
# `nearly five hours to recapture them`: how long it took
_LASTING = re.compile(
    r"\s*(?:lang\b|gesperrt|geschlossen|dauern|dauerte|-\w+\s+\w)|\s+to\s+(?!the\b|a\b)[a-z]{3,}\s",
    re.IGNORECASE,
)
_SPANS = frozenset({"minute", "hour", "day", "week", "month", "year"})
_HOURS = {"minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0, "month": 730.0, "year": 8760.0}
# `a crowd of 45,000`: the noun before the number says what it counts
_CROWD = re.compile(r"\b(?:crowd|attendance|audience|Kulisse|Zuschauerzahl)\s+(?:of|von)\s+$", re.IGNORECASE)


def _clause_end(text: str, end: int, limit: int, words: list[Word], first: int) -> int:
    """The index of the first word after `end` that a comma or colon separates from it."""
    cut = _PUNCT.search(text, end, limit)
    if cut is None:
        return len(words)
    return next((i for i in range(first, len(words)) if words[i].start >= cut.start()), len(words))


def _topics(sentence: Sentence, words: list[Word], lowers: list[str], q: Quantity) -> frozenset[str]:
    """Capitalised content words of the sentence outside the figure, and the concepts it
    names in either language (`Pegel`, `water level`): what an amount is of."""
    concepts = terms_in(sentence.text.lower(), lowers) | _measured(words, lowers, q)
    named = _NOUN_OF.search(sentence.text, 0, q.start - sentence.start)  # `waves of up to four metres`
    if named is not None:
        concepts.add(stem_forms(named.group(1))[-1])
    return frozenset(concepts) | frozenset(
        form
        for w, low in zip(words, lowers, strict=True)
        if w.capitalised
        and len(low) > 3
        and low not in STOPWORDS
        and low not in MONTHS
        and low not in WEEKDAYS
        and low not in _UNIT_WORDS
        and low not in NOUNS
        and not q.start <= w.start < q.end
        # the word and its stem: `Staumauer` ends in `Mauer`, its stem `staumau` does not
        for form in {low, stem_forms(w.text)[-1]}
    )


_OF = frozenset({"of", "the", "a", "an", "their", "its", "his", "her"})  # `of their fare`
_NOUN_OF = re.compile(
    r"\b([a-z]{4,})\s+of\s+(?:(?:up\s+to|about|around|some|nearly|almost|more\s+than|at\s+least)\s+)?$"
)


def _measured(words: list[Word], lowers: list[str], q: Quantity) -> set[str]:
    """The lower-case words an amount measures, right after it: `a 210-metre section of
    roadway`, `500 kilograms of ammonia` (a German noun is capitalised, and found anyway)."""
    found: set[str] = set()
    after_of = False  # `40,000 cubic metres of mud`: a short word after `of` is the substance
    for w, low in zip(words, lowers, strict=True):
        if w.start < q.end:
            continue
        if low in _OF:
            after_of = after_of or low == "of"
            continue
        short = len(low) < 3 or (len(low) == 3 and not (after_of and not found))
        if not low.isalpha() or short or low in STOPWORDS or len(found) >= 2:
            break
        found.add(stem_forms(low)[-1])
    return found
