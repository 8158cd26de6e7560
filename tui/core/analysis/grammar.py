"""Which word a figure counts and what befell it, read from the words around it.

German and English put the counted noun and its verb in different places (`1.800
evakuierten Bewohner`, `20 intensive care patients`, `Die Polizei nahm zwölf Personen
fest`); these rules find them within the figure's clause, so that the figure of one
clause never borrows the verb of another.
"""

from __future__ import annotations

import re

from tui.core.analysis.lexicon import (
    ANY_PREDICATE,
    GERMAN_INFLECTED,
    NOUNS,
    PREDICATE_PHRASES,
    PREDICATES,
    QUALIFIERS,
    STOPWORDS,
    noun_concept,
)
from tui.core.analysis.numbers import Quantity
from tui.core.analysis.segment import Sentence, Word

# Clauses: punctuation, and conjunctions that start a new statement (`and that the hospital
# would not pay`: its `would` says nothing of the sum demanded before it).
# `was killed and at least 34 people were injured`: an `and` before another figure opens its clause
_AND_FIGURE = (
    r"(?:and|und)\s(?=(?:[\w-]+\s+){0,2}?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)\b))"
)
CLAUSE = re.compile(rf"[,;:–]\s*|\s(?:and\s+that|und\s+dass|but|aber|while|während|{_AND_FIGURE})\s?")
_ADJECTIVE_END = re.compile(r"(?:e|en|er|es|em|ische|ischen)$")


def stem_forms(word: str) -> list[str]:
    """The word and its forms without a German or English ending: the lexicon lists few forms."""
    low = word.lower()
    forms = [low]
    for suffix in ("en", "er", "es", "em", "e", "n", "s"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            forms.append(low[: -len(suffix)])
    return forms


def qualifier_of(word: str) -> str:
    """Whose the counted are (`nordkoreanische`, `away`), in any inflection."""
    for form in stem_forms(word):
        if form in QUALIFIERS:
            return QUALIFIERS[form]
    return ""


_SKIPPABLE = frozenset(
    {
        "weitere",
        "weiteren",
        "weiterer",
        "zusätzliche",
        "zusätzlichen",
        "more",
        "further",
        "other",
        "additional",
    }
)


def counted_noun(words: list[Word], lowers: list[str], first: int, language: str) -> int | None:
    """The noun a figure counts: the first noun after it, past a few adjectives."""
    i = first
    while i < min(len(words), first + 4):
        low = lowers[i]
        nxt = lowers[i + 1] if i + 1 < len(words) else ""
        attributive = (
            language != "en" and not words[i].capitalised and i + 1 < len(words) and words[i + 1].capitalised
        )
        if attributive and low in NOUNS:
            i += 1  # `1.800 evakuierten Bewohner`: a lower-case participle before its noun
            continue
        if low in NOUNS or (language != "en" and words[i].capitalised and noun_concept(low)):
            return i
        if low in _SKIPPABLE or f"{low} {nxt}" in QUALIFIERS:
            i += 1 if low in _SKIPPABLE else 2
            continue
        if low in STOPWORDS:
            return None
        if language == "en":
            if f"{low} {nxt}" in NOUNS:
                return i + 1
            participle = low.endswith("ed") and nxt.isalpha() and nxt.endswith("s") and nxt not in STOPWORDS
            if qualifier_of(low) or participle or (nxt in NOUNS and low.isalpha()):
                i += 1
                continue
            if (
                "-" in low
                and all(p.isalnum() for p in low.split("-"))
                and nxt.isalpha()
                and nxt not in STOPWORDS
            ):
                i += 1  # `eight water-dropping aircraft`, `25 loss-making stores`: a compound modifier
                continue
            ahead = _noun_ahead(words, lowers, i)
            if ahead is not None:
                return ahead  # `20 intensive care patients`: modifiers before the noun
            if low.endswith(("ed", "ly")) and low not in NOUNS:
                return None  # `45,000 watched`, `14 seriously`: a verb or an adverb, not a noun
            # past `more`, `further` only: `two more bodies` counts bodies
            plain = all(lowers[k] in _SKIPPABLE or "-" in lowers[k] for k in range(first, i))
            after = lowers[i + 2] if i + 2 < len(words) else ""
            if plain and low.isalpha() and _plural_head(low, nxt, after):
                return i + 1  # `41 polling districts`, `15 display cases`: the head is last
            hyphened = "-" in low and all(p.isalpha() for p in low.split("-"))  # `45,000 festival-goers`
            return i if plain and (low.isalpha() or hyphened) else None
        if words[i].capitalised:
            if qualifier_of(words[i].text) and i + 1 < len(words) and words[i + 1].capitalised:
                i += 1
                continue  # "Nordkoreanische Soldaten" at the start of a clause
            return i
        if not (_ADJECTIVE_END.search(low) or qualifier_of(low)):
            return None
        i += 1
    return None


def _plural_head(low: str, nxt: str, after: str) -> bool:
    """A singular word before a plural one is a modifier of an English compound noun, when
    what follows is no object (`41 polling districts were`, not `the bridge carries cars`)."""
    return (
        not low.endswith("s")
        and (not after or after in STOPWORDS or after.endswith("ed") or not after.isalpha())
        and len(nxt) > 3
        and nxt.isalpha()
        and nxt.endswith("s")
        and not nxt.endswith("ss")
        and nxt not in STOPWORDS
    )


def _noun_ahead(words: list[Word], lowers: list[str], i: int) -> int | None:
    """A counted noun two or three words on, past plain words that are no verb or adverb."""
    for k in range(i + 1, min(i + 3, len(words))):
        between = lowers[i:k]
        if any(w in STOPWORDS or not w.isalpha() or w.endswith(("ed", "ly")) for w in between):
            return None
        if lowers[k] in NOUNS:
            return k
    return None


def predicate_of(sentence: Sentence, words: list[Word], lowers: list[str], q: Quantity) -> str:
    """The predicate word nearest the figure, in its own clause first (`60 residents were
    evacuated, and 85 firefighters were deployed`), else in the sentence."""
    cuts = [sentence.start + m.start() for m in CLAUSE.finditer(sentence.text)]
    begin = max((c for c in cuts if c <= q.start), default=sentence.start)
    end = min((c for c in cuts if c >= q.end), default=sentence.end)
    best = _nearest_predicate(sentence, words, lowers, q, begin, end)
    if not best and (begin, end) != (sentence.start, sentence.end):
        # a phrase of the figure's own clause (`zwei von ihnen kamen ins Krankenhaus`) before
        # a word of another clause
        clause = sentence.text[begin - sentence.start : end - sentence.start].lower()
        best = next((cls for phrase, cls in PREDICATE_PHRASES if phrase in clause), "")
        best = best or _nearest_predicate(sentence, words, lowers, q, sentence.start, sentence.end)
    if not best:
        text = sentence.text.lower()
        best = next((cls for phrase, cls in PREDICATE_PHRASES if phrase in text), "")
    if not best and lowers and lowers[-1] in _PARTICLES:
        # `Die Polizei nahm zwölf Personen fest`: a German verb split around its objects
        best = next((cls for low in lowers if (cls := _SEPARABLE.get((low, lowers[-1]), ""))), "")
    return best


def _nearest_predicate(
    sentence: Sentence, words: list[Word], lowers: list[str], q: Quantity, begin: int, end: int
) -> str:
    best, distance = "", 10**9
    for i, (w, low) in enumerate(zip(words, lowers, strict=True)):
        cls = ANY_PREDICATE.get(low)
        if not cls or not begin <= w.start < end:
            continue
        if w.capitalised and low in GERMAN_INFLECTED and low not in PREDICATES:
            continue  # `Verletzte`, `Beschäftigte`: a noun, the people, not what befell them
        if low in NOUNS and i and lowers[i - 1] in _ARTICLES and w.capitalised == (lowers[i - 1] != "the"):
            continue  # `treated the injured`, `die Verletzten`: people, not what befell the figure
        if i and words[i].capitalised and lowers[i - 1] in _POSSESSIVES:
            continue  # `in seinen Räumen`: a noun (rooms), not the verb `räumen`
        if _attributive(words, lowers, i, end):
            continue  # `across the affected area`: an adjective of another noun
        if _takes_other_figure(sentence, w, q):
            continue  # `Two trams collided, injuring 31 people`: the verb of 31, not of two
        d = abs(w.start - q.start)
        if d < distance and not _figure_between(words, lowers, w, q):
            best, distance = cls, d
    return best


_NUMBER_WORD = re.compile(
    r"\d|^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundreds?|thousands?|"
    r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|hundert|tausend)$"
)


def _figure_between(words: list[Word], lowers: list[str], w: Word, q: Quantity) -> bool:
    """`injuring three workers and prompting authorities to tell some 20,000 residents`:
    a verb before another number is that number's, not this one's."""
    if w.start >= q.start:
        return False
    return any(
        w.start < x.start < q.start and _NUMBER_WORD.search(low) for x, low in zip(words, lowers, strict=True)
    )


def _takes_other_figure(sentence: Sentence, w: Word, q: Quantity) -> bool:
    """The verb's object is another number, right after it (`injuring 31 people`), not one
    a comma sets apart (`were injured, one of them seriously`)."""
    at = w.end - sentence.start
    m = _OBJECT_NUMBER.match(sentence.text, at)
    return m is not None and not w.end < q.start <= sentence.start + m.end()


_OBJECT_NUMBER = re.compile(
    r"\s(?:(?:at\s+least|more\s+than|about|around|some|nearly|almost|mindestens|rund|etwa|mehr\s+als)\s+)?"
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|zwei|drei|vier|fünf|sechs|"
    r"sieben|acht|neun|zehn|elf|zwölf)\b)",
    re.IGNORECASE,
)


_ARTICLES = frozenset({"the", "die", "den", "der"})
_POSSESSIVES = frozenset(
    f"{stem}{ending}" for stem in ("sein", "ihr", "unser") for ending in ("", "e", "en", "em", "er", "es")
)
_ADJECTIVE_ENDINGS = ("ed", "ing", "en", "e", "er", "es", "em")


def _attributive(words: list[Word], lowers: list[str], i: int, end: int) -> bool:
    """`the affected area`, `tonnes of dead fish`, `die betroffenen Häuser`: a participle after
    an article or `of`, before its own noun, says what that noun is, not what befell the figure."""
    return (
        0 < i < len(words) - 1
        and (lowers[i - 1] in _DETERMINERS or lowers[i - 1] == "of")  # `12 tonnes of dead fish`
        and not words[i].capitalised
        and (lowers[i].endswith(_ADJECTIVE_ENDINGS) or lowers[i] == "dead")
        and words[i + 1].start < end
        and lowers[i + 1] not in STOPWORDS
    )


_DETERMINERS = frozenset(
    {"the", "a", "an", "die", "der", "den", "das", "dem", "des", "ein", "eine", "einer", "einem", "einen"}
)
_SEPARABLE = {
    ("nahm", "fest"): "arrested",
    ("nahmen", "fest"): "arrested",
    ("nimmt", "fest"): "arrested",
    ("legten", "nieder"): "struck",
    ("legen", "nieder"): "struck",
    ("rückten", "aus"): "deployed",
    ("rückte", "aus"): "deployed",
}
_PARTICLES = frozenset(p for _, p in _SEPARABLE)
