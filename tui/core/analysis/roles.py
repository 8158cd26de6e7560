"""One person, two roles: `Werkleiter Matthias Krüger` in one report and
`company spokesman Matthias Krüger` in another.

Only a spokesperson against a leader is proposed: a speaker is never the one
they speak for, while other roles overlap too often to tell apart (a
`Geschäftsführer` is the `director`, a mayor may chair a party, and an
`Oberstaatsanwalt` is often his office's spokesman).
A report that gives one name two roles is left out: it may name a person
who holds both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from tui.core.analysis.fold import fold_name
from tui.core.analysis.suggest import Member, Suggestion, stable_id

SPEAKER = "spokesperson"
LEADERS = frozenset({"head", "mayor", "minister", "president", "chair", "executive", "manager"})


def role_suggestions(
    found: list[tuple[str, int, int, str, str]],
    same_story: Callable[[str, str], bool],
) -> list[Suggestion]:
    """found: (article, start, end, name, normalised role) of every name with a role,
    its surname and first name at least (a surname alone may be two people)."""
    by_person: dict[str, dict[str, list[tuple[int, int, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for article, start, end, name, role in found:
        if role and len(name.split()) >= 2:
            by_person[fold_name(" ".join(name.split()[-2:]))][article].append((start, end, name, role))
    out = []
    for person in by_person.values():
        sole = {article: said[0] for article, said in person.items() if len({role for *_, role in said}) == 1}
        articles = sorted(sole)
        for i, a in enumerate(articles):
            for b in articles[i + 1 :]:
                (sa, ea, na, ra), (sb, eb, nb, rb) = sole[a], sole[b]
                if (
                    {ra, rb} - {SPEAKER} - LEADERS
                    or SPEAKER not in (ra, rb)
                    or ra == rb
                    or not same_story(a, b)
                ):
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
