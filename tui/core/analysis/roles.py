"""One person, two roles: `Werkleiter Matthias Krüger` in one report and
`company spokesman Matthias Krüger` in another.

A spokesperson against a leader is proposed (a speaker is never the one
they speak for), and two offices of a board or a town (chief executive and
finance officer, mayor and district administrator). Other roles overlap too
often to tell apart: a `Geschäftsführer` is the `director`, a mayor may chair
a party, and an `Oberstaatsanwalt` is often his office's spokesman.
A report that gives one name two roles is left out: it may name a person
who holds both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from tui.core.analysis.suggest import Member, Suggestion, stable_id

SPEAKER = "spokesperson"
LEADERS = frozenset({"head", "mayor", "minister", "president", "chair", "executive", "manager"})
# Offices one person holds one of: the finance officer is not the chief executive, the
# mayor not the district administrator (`Landrätin`/`Bürgermeisterin Petra Simmering`)
OFFICES = frozenset(
    {"head", "mayor", "finance officer", "personnel officer", "councillor", "district administrator"}
)


def _exclusive(ra: str, rb: str) -> bool:
    """Two roles one person cannot hold at once."""
    if SPEAKER in (ra, rb):
        return not {ra, rb} - {SPEAKER} - LEADERS
    if {ra, rb} == {"councillor", "head"}:
        return False  # `IT-Dezernent Stefan Krüger` is the city's `head of IT`
    return ra in OFFICES and rb in OFFICES


def role_suggestions(
    found: list[tuple[str, int, int, str, str, str]],
    same_story: Callable[[str, str], bool],
) -> list[Suggestion]:
    """found: (article, start, end, name, normalised role, person) of every name with a
    role and a first name (a surname alone may be two people); `person` is one key for
    the spellings of one name (`Sauerbrei`/`Sauerbrey`: the caller folds and codes it)."""
    by_person: dict[str, dict[str, list[tuple[int, int, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for article, start, end, name, role, person in found:
        if role:
            by_person[person][article].append((start, end, name, role))
    out = []
    for mentions in by_person.values():
        sole = {
            article: said[0] for article, said in mentions.items() if len({role for *_, role in said}) == 1
        }
        articles = sorted(sole)
        for i, a in enumerate(articles):
            for b in articles[i + 1 :]:
                (sa, ea, na, ra), (sb, eb, nb, rb) = sole[a], sole[b]
                if ra == rb or not same_story(a, b) or not _exclusive(ra, rb):
                    continue
                members = (Member(a, sa, ea, na), Member(b, sb, eb, nb))
                out.append(
                    Suggestion(
                        stable_id("contradicts", "name", members, "role"),
                        "contradicts",
                        "name",
                        f"'{na}' ({a}) is a {ra}, '{nb}' ({b}) a {rb}: one person, two roles.",
                        0.35,
                        members,
                        (("roles", f"{ra} / {rb}"),),
                    )
                )
    return out
