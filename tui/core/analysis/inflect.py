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
    """`verletzt` -> `verletzte`, `verletzten`, ...; `festgenommen` -> `festgenommene`, ..."""
    if len(word) < _MIN_GERMAN or not word.isalpha():
        return []
    participle = word.endswith("iert") or (word.endswith("t") and word.startswith(_GERMAN_START))
    strong = word.endswith("en") and word.startswith(_GERMAN_START)  # festgenommen, vertrieben
    if not (participle or strong):
        return []
    return [word + ending for ending in _ADJECTIVE_ENDINGS]


def _english_forms(word: str) -> list[str]:
    """`evacuated` -> `evacuating`: the -ed form's present participle."""
    if len(word) < 6 or not word.endswith("ed") or not word.isascii():
        return []
    return [word[:-2] + "ing"]


def inflected(listed: Mapping[str, str]) -> dict[str, str]:
    """The forms `listed` lacks, each with the class of the form it comes from."""
    out: dict[str, str] = {}
    for word, cls in listed.items():
        for form in (*_german_forms(word), *_english_forms(word)):
            if form not in listed and form not in out:
                out[form] = cls
    return out
