"""Turns of phrase that change what a figure or a date means.

Real outlets rarely write "37 injured" the same way twice: the count rises
("has risen to 58", "ist auf 58 gestiegen"), a time bounds an event rather
than dating it ("by 10 pm", "bis 22 Uhr"), a date starts a period ("seit
Donnerstag"), a German compound names a part of the counted ("neun
Schwerverletzte"). Each pattern here is one such class of phrasing; the
extractors in `claims`, `figures`, `times` and `as_of` consult them.
"""

from __future__ import annotations

import re

from tui.core.analysis.lexicon import MODALITY, MONTHS, NOUNS, PREDICATES, STOPWORDS, WEEKDAYS

# The sentence says a figure changed to its value: a later report's figure then
# updates an earlier one even when the two reports are a day apart.
_CHANGE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:now\s+)?(?:risen|climbed|increased|grown|jumped|fallen|dropped|"
    r"decreased)|rose|rises|risen|climbed|climbs|increased|jumped|grew|fell|dropped)\s+to\b"
    r"|\b(?:gestiegen|stieg|steigt|erhöhte\s+sich|erhöht|kletterte|klettert|gesunken|sank|sinkt)\s+auf\b"
    # `auf 10.000 Euro erhöht`: a thousands point is no sentence's end
    r"|\bauf\s+(?:[^.;]|(?<=\d)\.(?=\d)){1,40}?\s+(?:gestiegen|erhöht|geklettert|gesunken|korrigiert|"
    r"angewachsen|gewachsen)\b"
    r"|\b(?:wächst|wuchs|anwachsen)\s+auf\b|\b(?:grown|grew|swelled|swollen|widened)\s+to\b"
    r"|\b(?:inzwischen|mittlerweile|nunmehr|revised\s+(?:up|down)ward|corrected\s+to|revised\s+to)\b"
    # `has now scorched 5,400 hectares`, `have now been evacuated`: a total that has moved on
    r"|\b(?:has|have)\s+now\s+(?:been\s+)?[a-z]+(?:ed|en|t)\b"
    r"|\bnach\s+(?:oben|unten)\s+korrigiert\b"
    # a count that has moved on, or is larger than reported: `now stands at`, `als bislang bekannt`
    r"|\b(?:now\s+stands?\s+at|has\s+reached|have\s+reached|than\s+(?:previously|initially|first|earlier)\s+"
    r"(?:thought|reported|known|believed|stated)|als\s+(?:bislang|bisher|zunächst|zuvor)\s+"
    r"(?:bekannt|angenommen|gemeldet|berichtet))\b"
    # against the figure it replaces: `up from the figure given on Thursday`, `nach zuvor neun`
    r"|\b(?:up|down)\s+from\b|\bnach\s+(?:zuvor|bislang|bisher)\b"
    # a count revised by a review or new figures: `Nach einer Überprüfung`, `after a recount`
    r"|\bnach\s+(?:einer|der)\s+(?:erneuten\s+)?(?:Überprüfung|Prüfung|Nachzählung|Neuauszählung)\b"
    r"|\bnach\s+(?:neuen|neuesten|aktualisierten|korrigierten)\s+(?:Angaben|Zahlen|Erkenntnissen)\b"
    r"|\b(?:nach\s+oben|nach\s+unten)\s+korrigiert\b"
    r"|\bafter\s+(?:a|the)\s+(?:review|recount|re-count|check)\b"
    r"|\baccording\s+to\s+(?:new|updated|revised|the\s+latest)\s+figures\b"
    # a new total: `bringing the total to five`, `damit stieg die Zahl`, `liegt nun bei`
    r"|\b(?:bringing|taking|pushing|raising)\s+the\s+(?:[\w-]+\s+)?(?:total|toll|number|count|tally)"
    r"(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?\s+to\b"
    # `The recall now covers 23 batches`, `now puts the damage at`: a present that moved on
    r"|\bnow\s+(?:covers|puts|affects|totals|includes|exceeds|numbers|involves)\b"
    # an estimate that moved: `is now estimated at`, `have raised their estimate of ... to`
    r"|\bnow\s+(?:estimated|valued|put|expected|projected|forecast)\s+at\b"
    r"|\b(?:raised|lowered|increased|revised|cut)\s+(?:its|their|the)\s+(?:estimate|forecast|figure|tally)\b"
    r"|\b(?:erhöhte|erhöhten|senkte|senkten|korrigierte|korrigierten)\s+(?:ihre|seine|die)\s+(?:Schätzung|Prognose)\b"
    r"|\b(?:damit|somit)\s+(?:steigt|stieg|erhöht\s+sich|erhöhte\s+sich|sinkt|sank)\b"
    r"|\b(?:liegt|lag|steht)\s+(?:nun|jetzt)\s+bei\b"
    r"|\b(?:total|toll|tally)\b[^.;]{0,40}?\b(?:now\s+stands|is\s+now|has\s+now)\b"
    # fewer than before: `nur noch drei Patienten`
    r"|\bnur\s+noch\b",
    re.IGNORECASE,
)


def says_change(sentence: str) -> bool:
    """`The number of injured has risen to 58`, `die Zahl ist auf 58 gestiegen`."""
    return _CHANGE.search(sentence) is not None


# `ruft nun 23 Chargen zurück`, `Jetzt 23 Chargen betroffen`, `now 212 ill`: the word right
# before the figure says it is the present count, not the first one reported.
_NOW_BEFORE = re.compile(
    r"\b(?:nun|jetzt|now)\s+(?:(?:schon|bereits|already|some|rund|about|etwa)\s+)?$", re.I
)


def now_before(text: str, start: int) -> bool:
    return _NOW_BEFORE.search(text, max(0, start - 24), start) is not None


# A time after these bounds the event (`by 10 pm crews had stopped the fire`):
# it is no time of the event itself.
_DEADLINE = re.compile(r"\b(?:by|until|till|bis(?:\s+(?:um|zum|gegen))?|spätestens)\s+$", re.IGNORECASE)


def is_deadline(text: str, start: int) -> bool:
    return _DEADLINE.search(text, max(0, start - 16), start) is not None


# `seit Donnerstag`, `since Monday`: the start of a period, not the day of the event.
_SINCE_BEFORE = re.compile(r"\b(?:seit|since)\s+(?:dem\s+|the\s+)?$", re.IGNORECASE)


def starts_period(text: str, start: int) -> bool:
    return _SINCE_BEFORE.search(text, max(0, start - 12), start) is not None


# `Schwerverletzte`, `Leichtverletzten`: German compounds that count a part of the injured.
_INJURED_PART = re.compile(
    r"(?P<part>schwerst|schwer|lebensgefährlich|leicht)(?:verletzt|verwundet)(?:e|en|er)?", re.IGNORECASE
)


def injured_part(low: str) -> str:
    """ "serious" or "minor" for such a compound, else ""."""
    m = _INJURED_PART.fullmatch(low)
    if m is None:
        return ""
    return "minor" if m.group("part").lower() == "leicht" else "serious"


# `several thousand`, `mehrere Hundert`: a vague amount, no figure.
_VAGUE_BEFORE = re.compile(
    r"\b(?:several|many|a\s+few|some|einige|mehrere|viele|ein\s+paar|etliche)\s+$", re.IGNORECASE
)
_BARE_SCALES = frozenset({"hundred", "thousand", "hundert", "tausend", "hunderte", "tausende"})


def is_vague(text: str, start: int, words: str) -> bool:
    return words.lower() in _BARE_SCALES and _VAGUE_BEFORE.search(text, max(0, start - 12), start) is not None


# A number with no noun right by a casualty verb: `killing at least 12`, `12 were injured`,
# `fünf starben`. What befell them says what is counted.
_CASUALTY_BEFORE = re.compile(
    r"\b(?:(?P<dead>killing|killed|tötete|töteten|starben)|(?P<hurt>injuring|wounding|injured|wounded|verletzte))\s+$",
    re.IGNORECASE,
)
_CASUALTY_AFTER = re.compile(
    r"\s+(?:(?:(?:were|was|have\s+been|had\s+been|wurden|sind|waren)\s+)?(?:\w+\s+){0,2}?"
    r"(?:(?P<dead>killed|getötet)|(?P<hurt>injured|hurt|wounded|verletzt|verwundet))"
    r"|(?P<died>died|starben|kamen\s+ums\s+leben))\b",
    re.IGNORECASE,
)


def bare_casualty(text: str, start: int, end: int) -> str:
    """ "dead" or "injured" for a bare number a casualty verb governs, else ""."""
    m = _CASUALTY_BEFORE.search(text, max(0, start - 16), start) or _CASUALTY_AFTER.match(text, end)
    if m is None:
        return ""
    return "injured" if m.group("hurt") else "dead"


# Words for "the incident" that name no kind (`das Unglück`, `the disaster`): a time of it is
# the time of whichever disaster the story tells, and compares with that one's.
GENERIC_INCIDENTS = frozenset(
    "unglück unglücks vorfall vorfalls zwischenfall zwischenfalls katastrophe tragödie "
    "incident disaster tragedy".split()
)
DISASTERS = frozenset(
    "collapse fire explosion accident attack shooting derailed sank breach earthquake storm flood".split()
)


def incident_time(a: str, b: str) -> bool:
    """`time:incident` against the time of a disaster: one moment, named two ways."""
    kinds = {a.removeprefix("time:"), b.removeprefix("time:")}
    return (
        a.startswith("time:")
        and b.startswith("time:")
        and "incident" in kinds
        and len(kinds & DISASTERS) == 1
    )


# Words that put a clause in the future: a weekday or a date without its year there is the
# coming one (`Der Wahlausschuss will am Donnerstag das Endergebnis feststellen`, `The result
# is due on Wednesday`, `a runoff would be held on October 18`), not the last.
_FUTURE = re.compile(
    r"\b(?:soll|sollen|solle|will|wird|werden\s+\w+\s+(?!worden)|morgig\w*|morgen|übermorgen|"
    r"kommenden?|nächste[nr]?|fände|fänden|käme|voraussichtlich|geplant|bevorstehend\w*|"
    r"is\s+due|are\s+due|due\s+to|would|is\s+expected|are\s+expected|is\s+scheduled|"
    r"are\s+scheduled|is\s+set\s+to|are\s+set\s+to|upcoming|next|tomorrow|plans?\s+to)\b",
    re.IGNORECASE,
)
_CLAUSE_EDGE = re.compile(r"[,;:–]|\b(?:dass|that|nachdem|after|weil|because)\b", re.IGNORECASE)


def future_clause(text: str, start: int, end: int) -> bool:
    """Whether the clause around a date speaks of what is to come. A date of the event the
    clause comes after (`Nach dem Zusammenstoß am Sonntagabend werden nur noch drei Patienten
    behandelt`) is behind; so is what someone is said to have done (`soll ... eingekauft
    haben`). A German present passive of a date (`Am Montag wird das Urteil verkündet`) is ahead."""
    begin = max((m.end() for m in _CLAUSE_EDGE.finditer(text, 0, start)), default=0)
    if AFTER_EVENT.search(text, max(begin, start - 60), start):
        return False
    stop = _CLAUSE_EDGE.search(text, end)
    limit = stop.start() if stop else len(text)
    for m in _FUTURE.finditer(text, begin, limit):
        if m.group().split()[0].lower() in _SOLL and alleged(text, m.end()):
            continue
        return True
    return False


_SOLL = frozenset({"soll", "sollen", "solle"})
# `nach dem Zusammenstoß zweier Straßenbahnen am Sonntagabend`, `after the collision on Monday`:
# what precedes the date of an event that came before.
AFTER_EVENT = re.compile(
    r"\b(?:nach|after|following)\s+(?:dem|der|the)\s+(?:[^\W\d_][\w-]*\s+){1,3}$", re.IGNORECASE
)


# `soll ... vermarktet haben`, `sollen festgenommen worden sein`: a perfect infinitive at the
# end of the sentence, what someone reportedly did.
_PERFECT_END = re.compile(r"[^\W\d_](?:t|en)\s+(?:haben|sein)[\s\"“”»«'’)]*$")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def alleged(text: str, start: int) -> bool:
    """`soll` before `start` says what someone is said to have done, not what is planned."""
    end = _SENTENCE_END.search(text, start)
    return _PERFECT_END.search(text, start, end.start() if end else len(text)) is not None


_CLAUSE_WORD = re.compile(r"[^\W\d_][\w'-]{3,}")


def clause_words(text: str, begin: int, end: int, skip: tuple[int, int], language: str) -> frozenset[str]:
    """Content words of the clause of a date or time, lower case, outside it (`skip`): German
    nouns (capitalised), any English word that is no function word. What names an event
    that the lexicon has no word for (see `unnamed`)."""
    start, stop = skip
    out = set()
    for m in _CLAUSE_WORD.finditer(text, begin, end):
        if start <= m.start() < stop:
            continue
        word = m.group().strip("'-")
        low = word.lower().removesuffix("'s")
        if low in STOPWORDS or low in MONTHS or low in WEEKDAYS or low in MODALITY or len(low) < 4:
            continue
        if language == "de" and not word[:1].isupper():
            continue
        out.add(low)
    return frozenset(out)


_NUMBER_OF = re.compile(
    r"\b(?:number|toll|Zahl|Anzahl)\s+(?:of|der|an)\s+(?:the\s+)?([\w-]+)(?:\s+([\w-]+))?", re.IGNORECASE
)
# `the number of tortoises that have died`: what befell those the sentence counts
_WHO_DID = re.compile(r"\s+(?:that|who|which)\s+(?:have|has|had)\s+(?:been\s+)?([a-z]+)")


def number_of(sentence: str, before: int) -> tuple[str, str]:
    """`The number of people killed has risen to five` before offset `before`: the noun the
    sentence counts and what befell them (`killed`, `die Zahl der verschobenen Operationen`,
    `the number of tortoises that have died`), or empty strings."""
    m = _NUMBER_OF.search(sentence)
    if not m or m.end() > before:
        return "", ""
    first, second = m.group(1), m.group(2)
    if first.lower() not in NOUNS and second and (second.lower() in NOUNS or _modifies(first, second)):
        noun, noun_end = second, m.end(2)
    else:
        noun, noun_end = first, m.end(1)
    predicate = ""
    if second and PREDICATES.get(second.lower()):
        predicate = PREDICATES[second.lower()]  # `the number of suspects arrested`
    elif noun == second:
        predicate = participle_class(first.lower())  # `der verschobenen Operationen`
    relative = _WHO_DID.match(sentence, noun_end)
    return noun, (PREDICATES.get(relative.group(1), "") if relative else "") or predicate


def participle_class(low: str) -> str:
    """The predicate of a German participle in any inflection: `verschobenen`, `evakuierte`."""
    return PREDICATES.get(low) or PREDICATES.get(low[:-1]) or PREDICATES.get(low[:-2]) or ""


def _modifies(first: str, second: str) -> bool:
    """`der gerissenen Schafe`, `of smuggled reptiles`: an adjective before the counted noun
    (a German noun is capitalised; an English participle ends in -ed)."""
    if not second.isalpha():
        return False
    if first[:1].islower() and second[:1].isupper():
        return True
    return first.islower() and second.islower() and first.endswith("ed") and second.lower() not in STOPWORDS
