"""Inflected forms of the predicate words, generated once from the forms the lexicon lists.

The lexicon lists a verb in one or two forms (`verletzt`, `festgenommen`, `evacuated`);
a report writes others: `die verletzten Fahrgäste`, `drei festgenommene Männer`,
`evakuierte Anwohner`, `evacuating 300 residents`. A lemmatizer would reduce every word
of the text at run time and keep a dictionary of a language in memory; generating the
few hundred forms of the few words the lexicon knows costs nothing per word read: the
lookup stays one dictionary access.

German participles and weak verbs in -t take the adjective endings (-e, -en, -er, -es,
-em), which are also the weak preterite (`verletzte`, `evakuierten`); strong participles
in -en take them too (`festgenommenen`, `verschwundene`). English past forms in -ed give
their -ing form (`evacuating`, `detaining`). A form the lexicon already lists keeps its
own class.
"""

from __future__ import annotations

from collections.abc import Mapping

_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# Short words ending in -t or -en are English (`cut`, `hurt`, `sent`, `taken`) or too
# ambiguous to inflect: `cut` + `e` would be `cute`.
_MIN_GERMAN = 7
_GERMAN_START = ("ge", "be", "ver", "er", "ent", "zer", "fest", "ab", "an", "auf", "aus", "ein", "um", "weg")


def _german_forms(word: str) -> list[str]:
    """`verletzt` -> `verletzte`, `verletzten`, ..., and its infinitive `verletzen`;
    `festgenommen` -> `festgenommene`, ..."""
    if len(word) < _MIN_GERMAN or not word.isalpha():
        return []
    participle = word.endswith("iert") or (word.endswith("t") and word.startswith(_GERMAN_START))
    strong = word.endswith("en") and word.startswith(_GERMAN_START)  # festgenommen, vertrieben
    if not (participle or strong):
        return []
    forms = [word + ending for ending in _ADJECTIVE_ENDINGS]
    if participle:
        forms += _infinitive(word)
    return forms


_INSEPARABLE = ("be", "ver", "zer", "ent", "er")


def _infinitive(participle: str) -> list[str]:
    """A weak participle's infinitive: `verletzt` -> `verletzen`, `evakuiert` -> `evakuieren`,
    `geräumt` -> `räumen`, `verhaftet` -> `verhaften`; not of a separable verb (`abgebaut`)."""
    stem = participle[:-1]
    if participle.startswith("ge"):
        stem = stem[2:]
    elif not (participle.endswith("iert") or participle.startswith(_INSEPARABLE)):
        return []
    if len(stem) < 3:
        return []
    return [stem + "n" if stem.endswith("e") else stem + "en"]


def _english_forms(word: str) -> list[str]:
    """`evacuated` -> `evacuating`, and the present of a headline (`Police arrest 12`, `Fire
    destroys 40 homes`): `arrest`, `arrests`, `evacuate`, `evacuates`. Whether the stem ends
    in -e is not known, so both are made; the wrong one is no English word."""
    if len(word) < 6 or not word.endswith("ed") or not word.isascii():
        return []
    stem = word[:-2]
    if stem in _ENGLISH_NOUNS or stem + "e" in _ENGLISH_NOUNS:
        return [stem + "ing"]
    return [stem + "ing", stem, stem + "s", stem + "e", stem + "es"]


# Stems that are nouns of something else, or modify one: `the station`, `rescue helicopters`.
_ENGLISH_NOUNS = frozenset(
    {"station", "battle", "mass", "gather", "march", "ralli", "burn", "rescu", "search", "wound"}
)


def inflected(listed: Mapping[str, str], german: bool = True, english: bool = True) -> dict[str, str]:
    """The forms `listed` lacks, each with the class of the form it comes from."""
    out: dict[str, str] = {}
    for word, cls in listed.items():
        forms = (*(_german_forms(word) if german else ()), *(_english_forms(word) if english else ()))
        for form in forms:
            if form not in listed and form not in out:
                out[form] = cls
    return out
