"""Counted nouns the lexicon does not know, matched across German and English by a dictionary.

`14 der 212 Wahlbezirke` and `41 polling districts` count one thing, but the lexicon
lists neither word, so the figures get `noun:wahlbezirk` and `noun:district` and never
meet. The Ding dictionary (see `dictionary`) translates the German noun; when one of
its translations is the head of an English figure's noun, both counts become one
group, and the usual rules (same predicate, nearest values, time) decide the rest.
Only unambiguous matches are kept: a German noun whose translations name two
different English counts is left alone.
"""

from __future__ import annotations

from collections import defaultdict

from tui.core.analysis.dictionary import english_stem, translations
from tui.core.analysis.grammar import stem_forms
from tui.core.analysis.lexicon import NOUNS
from tui.core.analysis.records import Analysis, Figure

_MAX_NOUNS = 300  # distinct German nouns looked up per run: a story's, not an archive's


def _countable(f: Figure) -> bool:
    """A count of its own noun: not an amount, and not a count the predicate made
    (`two suspects arrested` counts arrests, which `vier Täter` on camera are not)."""
    if not f.counts or not f.noun or f.quantity.unit or f.counts.startswith("unit:"):
        return False
    return f.counts.startswith("noun:") or NOUNS.get(f.noun.lower()) == f.counts


def translated_aliases(analyses: list[Analysis]) -> dict[str, str]:
    """`noun:wahlbezirk` -> `noun:district`: German counts to the English counts their noun
    translates to. A German count the lexicon knows is kept and the English one joins it."""
    german: dict[str, set[str]] = defaultdict(set)  # German noun as written -> its counts
    english: dict[str, set[str]] = defaultdict(set)  # English head stem -> counts
    for analysis in analyses:
        language = analysis.document.language
        for f in analysis.figures:
            if not _countable(f):
                continue
            if language == "de":
                german[f.noun].add(f.counts)
            elif language == "en":
                english[english_stem(f.noun.split()[-1])].add(f.counts)
    if not german or not english:
        return {}
    # only nouns that could gain a partner: an unknown noun on either side
    unknown_en = any(c.startswith("noun:") for cs in english.values() for c in cs)
    nouns = [n for n, cs in german.items() if unknown_en or any(c.startswith("noun:") for c in cs)]
    found = translations(sorted(nouns)[:_MAX_NOUNS])
    links: dict[str, set[str]] = defaultdict(set)  # German counts -> English counts
    for noun, heads in found.items():
        for mine in german[noun]:
            for theirs in {c for h in heads for c in english.get(h, ())}:
                if mine != theirs and (mine.startswith("noun:") or theirs.startswith("noun:")):
                    links[mine].add(theirs)
    out: dict[str, str] = {}
    taken: dict[str, str] = {}
    for mine, targets in sorted(links.items()):
        if len(targets) != 1:
            continue  # `Stimmen`: votes or voices; two English counts, no telling which
        (other,) = targets
        if mine.startswith("noun:"):
            out[mine] = other  # the English count, concept or noun, names the group
        elif other not in taken:
            out[other] = taken[other] = mine  # the German concept names it
        elif taken[other] != mine:
            out.pop(other, None)  # two German concepts claim one English noun: neither
    return out


def translated_topics(analyses: list[Analysis]) -> dict[str, frozenset[str]]:
    """German topic words of amounts (`teilstück`, `umkreis`) -> their English translations,
    in the forms topics take (`section`, `radius`), when the story has English articles:
    `rund 120 Meter` of a `Teilstück` then meets `a 210-metre section`."""
    languages = {a.document.language for a in analyses}
    if not {"de", "en"} <= languages:
        return {}
    words = sorted(
        {
            t
            for a in analyses
            if a.document.language == "de"
            for f in a.figures
            if f.counts.startswith("unit:")
            for t in f.topics
            if t.isalpha()
        }
    )[:_MAX_NOUNS]
    found = translations([w.capitalize() for w in words])
    out = {}
    for w in words:
        heads = found.get(w.capitalize())
        if heads:
            out[w] = frozenset(heads) | frozenset(stem_forms(h)[-1] for h in heads)
    return out


def one_name_each(links: list[tuple[str, str]], preferred: set[str]) -> dict[str, str]:
    """Counts linked as one (`noun:guid` by context to `noun:bergführ`, which the dictionary
    links back to `noun:guid`) all take one name: a concept of the lexicon if there is
    one, else an English count. Two links that point at each other made both vanish."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb
    groups: dict[str, list[str]] = defaultdict(list)
    for name in {n for link in links for n in link}:
        groups[root(name)].append(name)
    out = {}
    for names in groups.values():
        best = min(names, key=lambda n: (n.startswith("noun:"), n not in preferred, n))
        out.update({n: best for n in names if n != best})
    return out
