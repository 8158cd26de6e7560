"""Names across outlets: one person under several spellings, or a likely error.

Folding explains transliteration (`Selenskyj`/`Selenskij`/`Zelenskyy`,
`Kim Jong-un`/`Kim Jong Un`, `Kröger`/`Kroeger`): those are variants. Names
that sound alike but do not fold together (`Maier`/`Meier`, `Brandt`/`Brand`)
are proposed as possible errors, for a person to judge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from tui.core.analysis.dictionary import translations
from tui.core.analysis.fold import fold_bare, fold_name
from tui.core.analysis.names import Name
from tui.core.analysis.phonetic import cologne
from tui.core.analysis.roles import role_suggestions
from tui.core.analysis.story import in_one_story
from tui.core.analysis.suggest import Member, Suggestion, stable_id
from tui.core.files.entities import Entity


def name_suggestions(
    found: list[Name], entities: Sequence[Entity] = (), keywords: dict[str, frozenset[str]] | None = None
) -> list[Suggestion]:
    """Only names whose surnames sound alike are compared: every rule needs that.

    Two spellings of one entity in `entities` (annotations/entities.yaml) are
    confirmed aliases: never a variant to review, never a possible error."""
    found = _translated_roles(found)
    buckets: dict[str, list[Name]] = defaultdict(list)
    for name in found:
        buckets[cologne(name.parts[-1])].append(name)
        # `Tkatschenko`/`Tkachenko` sound apart to the German code but fold together
        buckets["fold:" + fold_name(name.parts[-1])].append(name)
    owner = entity_owners(entities)
    out = []
    for code, bucket in buckets.items():
        # a folded bucket whose names all sound alike met in their sound bucket already
        if len(bucket) > 1 and not (
            code.startswith("fold:") and len({cologne(n.parts[-1]) for n in bucket}) == 1
        ):
            out += _bucket_suggestions(bucket, owner)
    out = list({s.id: s for s in out}.values())
    # One role, one first name, a surname spelled a little differently (`Schmitz`/`Schmidt`)
    # though it does not sound alike: a possible error too.
    # One role and one first name (`Zoodirektorin Sabine Krüger`/`Zoo-Chefin Sabine Kramer`):
    # one person, whatever the surname, so a surname that differs is a possible error.
    by_role: dict[tuple[str, str], list[Name]] = defaultdict(list)
    for name in found:
        if name.role and len(name.parts) == 2:
            by_role[(_norm_role(name.role), cologne(name.parts[0]))].append(name)  # then by spelling
    seen = {s.id for s in out}
    # A report that names both surnames names two people (`Putin` and `Selenskyj`, both
    # presidents, both `Wladimir` to the sound code): no possible error of one name.
    surnames: dict[str, set[str]] = defaultdict(set)
    for name in found:
        surnames[name.article].add(fold_name(name.parts[-1]))

    def weaker(proposed: list[Suggestion]) -> list[Suggestion]:
        """The rules that tie two names by a role or a first name alone: not already proposed,
        not two people one report names, and within one story."""
        return [
            s
            for s in proposed
            if s.id not in seen
            and not _both_named(s, surnames)
            and in_one_story(keywords, s.members[0].article, s.members[1].article)
        ]

    for bucket in by_role.values():
        out += weaker(_bucket_suggestions(_capped(bucket), owner, by_role=True))
    # One full name, its surname one letter off (`Tobias Reichel`/`Tobias Reichelt`), with no
    # role to tie them: a typo more likely than two people of one story so alike.
    by_first: dict[str, list[Name]] = defaultdict(list)
    for name in found:
        if len(name.parts) >= 2 and len(name.parts[-2]) >= 4:  # `Flugkapitän Jürgen Brandt`: the last two
            by_first[fold_bare(name.parts[-2])].append(name)
    seen |= {s.id for s in out}
    for bucket in by_first.values():
        if len({n.article for n in bucket}) > 1:
            out += weaker(_bucket_suggestions(_capped(bucket), owner, by_letter=True))
    with_roles = [
        (
            n.article,
            n.start,
            n.end,
            n.text,
            _norm_role(n.role),
            f"{fold_bare(n.parts[0])} {cologne(n.parts[-1])}",
        )
        for n in found
        if n.role and len(n.parts) >= 2
    ]
    out += role_suggestions(with_roles, lambda a, b: in_one_story(keywords, a, b))
    return out


_BUCKET_CAP = 40  # names of one role or one first name compared pairwise: a story's, not an archive's


def _capped(bucket: list[Name]) -> list[Name]:
    return bucket if len(bucket) <= _BUCKET_CAP else []


def _both_named(s: Suggestion, surnames: dict[str, set[str]]) -> bool:
    a, b = s.members
    last_a, last_b = fold_name(a.text.split()[-1]), fold_name(b.text.split()[-1])
    return last_b in surnames[a.article] or last_a in surnames[b.article]


# Roles in either language, so that `Sprecher` and `spokesman` are one role.
ROLE_OF = {
    **dict.fromkeys(
        ("sprecher", "spokesman", "spokeswoman", "spokesperson", "polizeisprecher"), "spokesperson"
    ),
    **dict.fromkeys(("präsident", "president"), "president"),
    **dict.fromkeys(("bürgermeister", "mayor"), "mayor"),
    # who heads a body, whatever the title: `Zoodirektorin` and `Zoo-Chefin` are one person
    **dict.fromkeys(
        (
            "direktor",
            "director",
            "geschäftsführer",
            "ceo",
            "chef",
            "chief",
            "head",
            "leiter",
            "vorsitzende",
            "vorsitzender",
            "chairman",
            "chairwoman",
            "chair",
        ),
        "head",
    ),
    **dict.fromkeys(("minister",), "minister"),
    **dict.fromkeys(("meteorologe", "meteorologist"), "meteorologist"),
    **dict.fromkeys(("verhandlungsführer", "negotiator"), "negotiator"),
    **dict.fromkeys(("schiedsrichter", "referee"), "referee"),
    **dict.fromkeys(("torwart", "torhüter", "goalkeeper"), "goalkeeper"),
    **dict.fromkeys(("richter", "judge"), "judge"),
    **dict.fromkeys(("anwalt", "rechtsanwalt", "verteidiger", "lawyer", "attorney"), "lawyer"),
    **dict.fromkeys(("arzt", "tierarzt", "amtstierarzt", "doctor", "vet", "veterinarian"), "doctor"),
    **dict.fromkeys(("staatsanwalt", "prosecutor"), "prosecutor"),
    # offices a board or a council divides among its members: none of them is another
    **dict.fromkeys(("finanzvorstand", "finanzvorständin", "finanzchef", "cfo"), "finance officer"),
    **dict.fromkeys(("personalvorstand", "personalvorständin", "personalchef"), "personnel officer"),
    **dict.fromkeys(("dezernent", "kulturdezernent", "stadtrat", "councillor"), "councillor"),
    **dict.fromkeys(("landrat", "landrätin"), "district administrator"),
    **dict.fromkeys(("executive",), "head"),
}


_ROLE_ENDS = sorted((k for k in ROLE_OF if len(k) >= 4), key=len, reverse=True)


@lru_cache(maxsize=4096)
def _norm_role(role: str) -> str:
    """`Verdi-Verhandlungsführerin` and `negotiator` are one role."""
    role = role.rsplit("-", 1)[-1]
    role = ROLE_OF.get(role, ROLE_OF.get(role.removesuffix("in"), role))
    # `Feuerwehrsprecher` is a spokesperson: a German compound ends in its role
    return next((ROLE_OF[k] for k in _ROLE_ENDS if role.removesuffix("in").endswith(k)), role)


def _translated_roles(found: list[Name]) -> list[Name]:
    """`Wahlleiter` and `returning officer`: a German role the lexicon does not map takes the
    English role its dictionary translation names, when a name of the story holds that role."""
    english = {_norm_role(n.role) for n in found if n.role and n.language == "en"}
    german = sorted(
        {n.role for n in found if n.role and n.language == "de" and _norm_role(n.role) not in english}
    )
    if not english or not german:
        return found
    heads = translations([r.capitalize() for r in german])
    alias = {}
    for role in german:
        matches = english & heads.get(role.capitalize(), frozenset())
        if len(matches) == 1:
            alias[role] = next(iter(matches))
    return [replace(n, role=alias[n.role]) if n.role in alias else n for n in found]


def _same_role(a: Name, b: Name) -> bool:
    return bool(a.role) and _norm_role(a.role) == _norm_role(b.role)


def entity_owners(entities: Sequence[Entity]) -> dict[str, int]:
    """Each spelling, folded, -> the index of its entity: a name is an entity's
    when it is one of its spellings up to case, umlauts and hyphens."""
    return {fold_name(s): i for i, e in enumerate(entities) for s in e.spellings}


def _bucket_suggestions(
    found: list[Name], owner: dict[str, int], by_role: bool = False, by_letter: bool = False
) -> list[Suggestion]:
    out = []
    # A bucket lists each article's names together: the names after `a` start with the
    # rest of its own article's, never paired, so they are stepped over at once.
    first_other = list(range(1, len(found) + 1))
    for i in range(len(found) - 2, -1, -1):
        if found[i + 1].article == found[i].article:
            first_other[i] = first_other[i + 1]
    for i, a in enumerate(found):
        entity = owner.get(fold_name(a.text))
        for b in found[first_other[i] :]:
            if a.article == b.article or a.text == b.text:
                continue
            if entity is not None and owner.get(fold_name(b.text)) == entity:
                continue  # confirmed aliases of one entity
            verdict = (
                _compare_by_letter(a, b)
                if by_letter
                else _compare_by_role(a, b)
                if by_role
                else _compare(a, b)
            )
            if verdict is None:
                continue
            relation, score, why = verdict
            members = (Member(a.article, a.start, a.end, a.text), Member(b.article, b.start, b.end, b.text))
            word = "variant spellings" if relation == "variant" else "possibly different names"
            summary = f"'{a.text}' ({a.article}) and '{b.text}' ({b.article}): {word}, {why}."
            out.append(
                Suggestion(
                    stable_id(relation, "name", members),
                    relation,
                    "name",
                    summary,
                    score,
                    members,
                    (
                        ("folded", f"{fold_name(a.text)} / {fold_name(b.text)}"),
                        ("sound", f"{cologne(a.parts[-1])} / {cologne(b.parts[-1])}"),
                    ),
                )
            )
    return out


_LETTER_MIN = 5  # shorter surnames one letter apart are often different names (`Lang`/`Long`)


def _compare_by_letter(a: Name, b: Name) -> tuple[str, float, str] | None:
    last_a, last_b = fold_name(a.parts[-1]), fold_name(b.parts[-1])
    if _alike(a.parts[-1], b.parts[-1]) or min(len(last_a), len(last_b)) < _LETTER_MIN:
        return None
    if Levenshtein.distance(last_a, last_b) == 1:
        return "contradicts", 0.3, "same first name, surnames one letter apart"
    if a.role and b.role and not _same_role(a, b) and {_norm_role(a.role), _norm_role(b.role)} != _HEADS:
        return None  # `Sprecher Oliver Schmitz`, `Mayor Oliver Schmidt`: two people
    if not (a.role or b.role):
        return None  # someone said to be someone: no place or thing (`Leipziger Innenstadt`)
    if ratio(last_a, last_b) >= _FIRST_NAME_SURNAME_RATIO or last_a[:4] == last_b[:4]:
        return "contradicts", 0.25, "same first name, surnames of one start"  # `Lindqvist`/`Lindgren`
    # one first name in two reports of a story, and no report names both surnames: one
    # person more likely than two (`Anführer Dragan Marković`/`Dragan Petković`)
    return "contradicts", 0.2, "same first name, another surname"


_HEADS = {"head", "officer"}  # `Technikchefin` and `chief technology officer`


_FIRST_NAME_SURNAME_RATIO = 55


def _compare_by_role(a: Name, b: Name) -> tuple[str, float, str] | None:
    if not _same_role(a, b) or _alike(a.parts[-1], b.parts[-1]):
        return None
    if ratio(fold_name(a.parts[0]), fold_name(b.parts[0])) < _FIRST_RATIO:
        return None  # `Jan` and `Anna` sound alike to the German code
    return "contradicts", 0.3, f"same role ({a.role}), same first name, different surnames"


_FIRST_RATIO = 80  # `Katarina`/`Katharina`


def _alike(x: str, y: str) -> bool:
    """One name after folding transliteration, with or without its umlauts."""
    return fold_name(x) == fold_name(y) or fold_bare(x) == fold_bare(y)


def _compare(a: Name, b: Name) -> tuple[str, float, str] | None:
    if _alike(a.text, b.text):
        return "variant", 0.6, "same after folding transliteration"
    pa, pb = a.parts, b.parts
    if len(pa) != len(pb) and min(len(pa), len(pb)) >= 2:
        # `Einsatzleiter Thomas Berger` and `Thomas Berger`: a word before the name that is
        # no first name of the other; the names are the trailing parts
        n = min(len(pa), len(pb))
        short_a = Name(a.article, a.start, a.end, " ".join(pa[-n:]), a.role)
        short_b = Name(b.article, b.start, b.end, " ".join(pb[-n:]), b.role)
        if _alike(short_a.text, short_b.text):
            return (
                ("variant", 0.5, "same name after folding, one with a word before it")
                if (short_a.text != short_b.text)
                else None
            )
        return _compare(short_a, short_b)
    if len(pa) != len(pb):
        # `Sprecher Reinhard` and `Markus Reinhardt`: a surname alone, by its role, against a full name
        if min(len(pa), len(pb)) != 1 or not (a.role or b.role):
            return None
        last_a, last_b = fold_name(pa[-1]), fold_name(pb[-1])
        if last_a == last_b:
            return None  # the same person named in full once, then by surname
        if ratio(last_a, last_b) >= 75 and (not (a.role and b.role) or _same_role(a, b)):
            return "contradicts", 0.3, "surnames sound alike but are spelled differently"
        return None
    if len(pa) >= 3 and pa[-2:] != pb[-2:] and _alike(" ".join(pa[-2:]), " ".join(pb[-2:])):
        # `SPD-Abgeordneten Aylin Demirci` and `Social Democrat Aylin Demirçi`: the words
        # before the name differ, the name itself only in its spelling
        return "variant", 0.5, "same name after folding, with other words before it"
    last_a, last_b = fold_name(pa[-1]), fold_name(pb[-1])
    if last_a == last_b:
        if all(cologne(x) == cologne(y) for x, y in zip(pa[:-1], pb[:-1], strict=True)):
            return "variant", 0.5, "first names sound alike"
        if _same_role(a, b):
            return "contradicts", 0.3, f"same role ({a.role}), different first name"
        return None
    firsts_same = all(fold_name(x) == fold_name(y) for x, y in zip(pa[:-1], pb[:-1], strict=True))
    if firsts_same and cologne(pa[-1]) == cologne(pb[-1]) and ratio(last_a, last_b) >= 75:
        return "contradicts", 0.35, "surnames sound alike but are spelled differently"
    return None
