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
Span = tuple[int, int, str]


def _first_spellings(text: str, pattern: re.Pattern[str]) -> dict[str, Span]:
    """Each folded word's first spelling in running text, else in a dateline's capitals
    (`LINDENBRUECK —`)."""
    first: dict[str, Span] = {}
    for m in pattern.finditer(text):
        word = m.group()
        if len(word) >= _MIN:
            key = fold_name(word)
            kept = first.get(key)
            if kept is None or (kept[2].isupper() and not word.isupper()):
                first[key] = (m.start(), m.end(), word)
    return first


def place_variants(
    analyses: Sequence[Analysis],
    people: Sequence[Name] = (),
    keywords: dict[str, frozenset[str]] | None = None,
) -> list[Suggestion]:
    """Each pair of a German report's umlaut spelling and an English report's ASCII one
    that fold to one name, first occurrences only. A word of a name `names` found in
    both (`Krüger` of `Sabine Krüger`) is left to it: one suggestion for one spelling."""
    named: dict[str, set[str]] = {}
    for p in people:
        named.setdefault(p.article, set()).update(fold_name(w) for w in p.parts)
    german: list[tuple[str, dict[str, Span]]] = []
    english: dict[str, list[tuple[str, Span]]] = {}  # folded word -> the English reports spelling it
    for a in analyses:
        doc = a.document
        if doc.language in ("de", "en"):
            found = _first_spellings(doc.text, _GERMAN if doc.language == "de" else _ASCII)
            if doc.language == "de":
                german.append((doc.id, found))
            else:
                for key, span in found.items():
                    english.setdefault(key, []).append((doc.id, span))
    out = []
    # looked up by word, not report by report: an archive's reports are thousands
    for de_id, de_words in german:
        for key, (ds, de, dt) in de_words.items():
            for en_id, (es, ee, et) in english.get(key, ()):
                if key in named.get(de_id, ()) and key in named.get(en_id, ()):
                    continue
                if not in_one_story(keywords, de_id, en_id):
                    continue
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
