"""One-word names a German report spells with umlauts or ß and an English report
without: `Sölden`/`Soelden`, `Weißenbrunn`/`WEISSENBRUNN`. A variant, like the
spellings of a person's name (`names`), but of a single word, which `names` leaves
alone (most single capitalised words of a German text are nouns).

The English report is the filter: it capitalises proper names only, so a German
word it spells in ASCII (`ue`, `ss`) is a name; a German noun such as `Straße`
would need an English report writing `Strasse`, which is itself a name then.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.core.analysis.claims import Analysis
from tui.core.analysis.fold import fold_name
from tui.core.analysis.names import Name
from tui.core.analysis.story import in_one_story
from tui.core.analysis.suggest import Member, Suggestion, stable_id

_GERMAN = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\wäöüß]*[äöüßÄÖÜ][\wäöüß]*")  # a capital, then an umlaut or ß
_ASCII = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*(?:ae|oe|ue|ss|AE|OE|UE|SS)[A-Za-z]*(?![\w-])")
_MIN = 5  # `Bär`/`Baer` and other short words are too often not names


def place_variants(
    analyses: Sequence[Analysis],
    people: Sequence[Name] = (),
    keywords: dict[str, frozenset[str]] | None = None,
) -> list[Suggestion]:
    """Each pair of a German report's umlaut spelling and an English report's ASCII one
    that fold to one name, first occurrences only. A word of a name `names` found in
    both (`Krüger` of `Sabine Krüger`) is left to it: one suggestion for one spelling."""
    german: list[tuple[str, dict[str, tuple[int, int, str]]]] = []
    english: list[tuple[str, dict[str, tuple[int, int, str]]]] = []
    named: dict[str, set[str]] = {}
    for p in people:
        named.setdefault(p.article, set()).update(fold_name(w) for w in p.parts)
    for a in analyses:
        doc = a.document
        pattern, into = (_GERMAN, german) if doc.language == "de" else (_ASCII, english)
        first: dict[str, tuple[int, int, str]] = {}
        for m in pattern.finditer(doc.text):
            word = m.group()
            if len(word) >= _MIN:
                key = fold_name(word)
                kept = first.get(key)
                # the name in running text before a dateline's capitals (`LINDENBRUECK —`)
                if kept is None or (kept[2].isupper() and not word.isupper()):
                    first[key] = (m.start(), m.end(), word)
        into.append((doc.id, first))
    out = []
    for de_id, de_words in german:
        for en_id, en_words in english:
            if not in_one_story(keywords, de_id, en_id):
                continue
            both = named.get(de_id, set()) & named.get(en_id, set())
            for key in (de_words.keys() & en_words.keys()) - both:
                (ds, de, dt), (es, ee, et) = de_words[key], en_words[key]
                members = (Member(de_id, ds, de, dt), Member(en_id, es, ee, et))
                out.append(
                    Suggestion(
                        stable_id("variant", "name", members),
                        "variant",
                        "name",
                        f"'{dt}' ({de_id}) and '{et}' ({en_id}): variant spellings, the English "
                        "without umlauts or ß.",
                        0.5,
                        members,
                        (("folded", key),),
                    )
                )
    return out
