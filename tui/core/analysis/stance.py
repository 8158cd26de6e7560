"""Statements of one actor across outlets: confirmed, denied, no comment.

"Pyongyang rejected the reports" in one article and "Pyongyang has not
commented" in another cannot both be true. The actor is the agent of a
passive (`von Pjöngjang ... zurückgewiesen`) or the capitalised words before
the cue; two statements pair when they share an actor and a topic word.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace

from tui.core.analysis.attribution import actors, stance
from tui.core.analysis.claims import Analysis
from tui.core.analysis.dictionary import english_stem, translations
from tui.core.analysis.fold import fold_name
from tui.core.analysis.lexicon import (
    GENERIC,
    MONTHS,
    NOUNS,
    PLACES,
    ROLES,
    STOPWORDS,
    UNITS,
    WEEKDAYS,
    term_of,
    terms_in,
)
from tui.core.analysis.story import in_one_story
from tui.core.analysis.suggest import Member, Suggestion, stable_id

_AGENT = re.compile(r"\b(?:von|by)\s+(?P<name>[A-ZÄÖÜ][\wäöüß-]+)")
_CONTENT = re.compile(r"[^\W\d_]{4,}")
_SHORT = re.compile(r"\b[^\W\d_]{2,3}\b")
_CUES = re.compile(
    r"^(?:bestätig|dementi|bestrit|zurückgew|confirm|den(?:y|ie)|reject|admit|acknowledg|räumte|eingeräumt|"
    r"widersprach|stritt|dismiss)",
    re.IGNORECASE,
)
_WORDING = {"confirms": "confirmed", "denies": "denied", "no_comment": "neither confirmed nor denied"}


@dataclass(frozen=True, slots=True)
class Statement:
    article: str
    stance: str
    holders: frozenset[str]
    topics: frozenset[str]
    start: int
    end: int
    text: str
    words: tuple[str, ...] = ()  # content words, sorted and distinct, for statements without a named actor
    names: frozenset[str] = frozenset()  # the actors as spelled, for the summary
    nouns: tuple[str, ...] = ()  # a German statement's nouns, to look up their English translations


def statements(analysis: Analysis) -> list[Statement]:
    out = []
    for sentence in analysis.sentences:
        found = stance(sentence.text)
        if found is None:
            continue
        before = sentence.text[: found.start]
        agent = _AGENT.search(before)
        named = frozenset({agent.group("name").lower()}) if agent else actors(before) | _subject(before)
        # An actor is known by its folded name (`Selenskyj`/`Zelenskyy`) and by what it
        # is in either language (`Landkreis`/`the district`).
        low_before = before.lower()
        # `Ein Norchem-Sprecher`: the company's spokesman speaks for Norchem
        named = named | {n.split("-")[0] for n in named if "-" in n and n.rsplit("-", 1)[1].lower() in ROLES}
        holders = (
            frozenset(fold_name(n) for n in named)
            | frozenset(terms_in(low_before, _CONTENT.findall(low_before)))
            | frozenset(filter(None, map(_speaker_for, _CONTENT.findall(before))))
        )
        topics = frozenset(fold_name(t) for t in actors(sentence.text) - named - PLACES)
        low_text = sentence.text.lower()
        words = _compact(  # interned: the same words recur in every statement of a text
            [
                *(
                    sys.intern(_concept(low))
                    for low in _CONTENT.findall(low_text)
                    if low not in STOPWORDS and not _CUES.match(low) and low not in _NOT_ACTORS
                ),
                # concepts of short words too: `ICE` is a train like `intercity`
                *(sys.intern(t) for t in terms_in(low_text, _SHORT.findall(low_text))),
            ]
        )
        german = analysis.document.language == "de"
        out.append(
            Statement(
                analysis.document.id,
                found.stance,
                holders,
                topics,
                sentence.start,
                sentence.end,
                sentence.text,
                words,
                named,
                tuple(sorted(set(_NOUN.findall(sentence.text)))) if german else (),
            )
        )
    return out


_NOUN = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]{3,}\b")


def with_translations(found: list[Statement]) -> list[Statement]:
    """German statements gain the English translations of their nouns as words, so that
    `ein defektes Ventil` meets `a faulty valve` (`Ventil` -> `valve`): when the story also
    has English statements, and the dictionary is there."""
    if not any(st.nouns for st in found) or all(st.nouns or not st.words for st in found):
        return found
    heads = translations(sorted({n for st in found for n in st.nouns}))
    # only words an English statement uses: two German statements meet on their own words
    english = {w for st in found if not st.nouns for w in st.words}
    plural = {english_stem(w): w for w in english}  # `Schuss` -> `shot` meets `shots`
    out = []
    for st in found:
        concepts = {_concept(h) for n in st.nouns for h in heads.get(n, ())}
        extra = {
            sys.intern(w) for c in concepts if (w := c if c in english else plural.get(english_stem(c), ""))
        }
        out.append(replace(st, words=_compact([*st.words, *extra])) if extra else st)
    return out


def stance_suggestions(
    all_statements: list[Statement], keywords: dict[str, frozenset[str]] | None = None
) -> list[Suggestion]:
    """Statements are compared only with those sharing a holder (an index, not all pairs).
    With no actor in common, two statements meet only within one story (`keywords`)."""
    by_holder: dict[str, list[int]] = {}
    for i, st in enumerate(all_statements):
        for holder in st.holders:
            by_holder.setdefault(holder, []).append(i)
    # Each statement meets at most _CAP later statements of one holder: linear in a long text.
    pairs = {
        (i, j) for ids in by_holder.values() for n, i in enumerate(ids) for j in ids[n + 1 : n + 1 + _CAP]
    }
    pairs |= _opposed_by_wording(all_statements)
    out = []
    for i, j in sorted(pairs):
        a, b = all_statements[i], all_statements[j]
        if a.article == b.article:
            continue
        holders = a.holders & b.holders
        topics = _stems(a.topics) & _stems(b.topics)
        if not holders or not topics:
            # One actor on what two words of each sentence share (across languages, by
            # concept); or, with no actor in common, opposite stances on three shared words.
            shared = set(a.words).intersection(b.words)
            needed = _MIN_SHARED_WITH_ACTOR if holders else _MIN_SHARED_WORDS
            if a.stance != b.stance and _proper(a, holders) and _proper(b, holders):
                needed = 1  # one named company or person saying yes and no in one story
            if (a.stance == b.stance and not holders) or len(shared) < needed:
                continue
            if not holders and not in_one_story(keywords, a.article, b.article):
                continue  # two shared words across an archive of stories say little
            holders, topics = holders or frozenset({"(same wording)"}), set(sorted(shared)[:4])
        relation = "corroborates" if a.stance == b.stance else "contradicts"
        who = ", ".join(sorted(_display(h, a) for h in holders)).title()
        summary = (
            f"{who}: {_WORDING[a.stance]} ({a.article}) "
            f"{'and' if relation == 'corroborates' else 'vs'} {_WORDING[b.stance]} ({b.article})."
        )
        members = (Member(a.article, a.start, a.end, a.text), Member(b.article, b.start, b.end, b.text))
        score = round(min(0.9, 0.4 + 0.1 * len(holders) + 0.05 * len(topics)), 2)
        out.append(
            Suggestion(
                stable_id(relation, "stance", members),
                relation,
                "stance",
                summary,
                score,
                members,
                (
                    (a.article, a.stance),
                    (b.article, b.stance),
                    ("actor", who),
                    ("shared words", ", ".join(sorted(topics))),
                ),
            )
        )
    return out


_MIN_SHARED_WORDS = 2
_MIN_SHARED_WITH_ACTOR = 2
_CAP = 8


def _opposed_by_wording(found: list[Statement]) -> set[tuple[int, int]]:
    """Confirmation against denial with no actor in common ("The company confirmed that the radar
    failed" / "The company denied that the radar failed"): they pair on shared content words,
    through an index of those words rather than all pairs. The words shared are counted one
    statement at a time: a table of every pair's count was most of the analysis's peak memory."""
    by_word: dict[str, list[int]] = {}
    for i, st in enumerate(found):
        if st.stance in ("confirms", "denies"):
            for w in st.words:
                by_word.setdefault(w, []).append(i)
    out: set[tuple[int, int]] = set()
    for i, st in enumerate(found):
        if st.stance not in ("confirms", "denies"):
            continue
        shared: dict[int, int] = {}
        for w in st.words:
            ids = by_word[w]
            if len(ids) > 50:
                continue  # a word in every statement says nothing
            for j in ids:
                if j > i and found[j].stance != st.stance:
                    shared[j] = shared.get(j, 0) + 1
        best = sorted((-c, j) for j, c in shared.items() if c >= _MIN_SHARED_WORDS)
        out.update((i, j) for _, j in best[:_CAP])
    return out


_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute"})
_OPENING = re.compile(r"([A-ZÄÖÜ][\wäöüß-]{3,})(?:\s+[a-zäöüß]+){0,2}\s*$")
_NOT_ACTORS = frozenset({*MONTHS, *WEEKDAYS, "gestern", "heute", "yesterday", "today", "später", "later"})


def _subject(before: str) -> frozenset[str]:
    """`Rheinenergie has declined to comment`: a name opening the sentence, just before the cue,
    is who speaks (the first word is otherwise no actor: German capitalises every noun)."""
    m = _OPENING.fullmatch(before)
    if m is None:
        return frozenset()
    low = m.group(1).lower()
    return frozenset() if low in STOPWORDS or low in _NOT_ACTORS else frozenset({low})


_SPEAKER = ("sprecherin", "sprecher")


def _speaker_for(word: str) -> str:
    """`Vereinssprecher` speaks for the club (`Verein`), `Polizeisprecherin` for the police."""
    low = word.lower()
    for suffix in _SPEAKER:
        if low.endswith(suffix) and len(low) > len(suffix) + 3:
            head = low[: -len(suffix)]
            for form in (head, head.removesuffix("s")):
                if concept := term_of(form):
                    return concept
    return ""


def _concept(low: str) -> str:
    """A word as the bilingual lexicon knows it (`Fahrer`/`driver`, `Stunden`/`hours`),
    else its folded stem: two outlets' sentences then share words across languages."""
    found = term_of(low) or NOUNS.get(low, "")
    if found and found not in GENERIC:
        return found
    unit = UNITS.get(low, ("", 0.0))[0]
    return unit if unit in _TIME_UNITS else _stem(fold_name(low))


def _proper(st: Statement, holders: frozenset[str]) -> bool:
    """A holder named by a proper name (`Rheinenergie`), not by what it is (`the company`)."""
    return any(fold_name(n) in holders and not term_of(n) and n not in NOUNS for n in st.names)


def _compact(words: Iterable[str]) -> tuple[str, ...]:
    """Distinct words as a tuple: a fifth of a frozenset's memory, and pairs are few."""
    return tuple(sorted(set(words)))


def _display(key: str, statement: Statement) -> str:
    """A holder as the statement spells it (`Selenskyj`), not folded (`selenski`)."""
    return next((n for n in statement.names if fold_name(n) == key), key)


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 5 and word.endswith(("n", "s", "e")) else word


def _stems(words: frozenset[str]) -> set[str]:
    return {w[:-1] if len(w) > 5 and w.endswith(("n", "s")) else w for w in words}
