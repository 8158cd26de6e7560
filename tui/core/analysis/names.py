"""The names of people in an article, with the role a report gives them
(`Präsident Selenskyj`, `Sabine Vogel, a spokeswoman`). `name_pairs` compares
them across outlets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tui.core.analysis.claims import Analysis
from tui.core.analysis.lexicon import ROLES, STOPWORDS

# A Dutch or Flemish surname may lead with `van`, `van de`, `Van der` (`Joost van der Heijden`).
# Capitals of Latin-1 and of the Latin names German and English reports carry
# (`Ørjan`, `Ólafsdóttir`, `Łukasz`, `Şahin`).
_CAPITAL = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĽŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŸŹŻŽ"
_RUN = re.compile(
    rf"(?<![\w-])[{_CAPITAL}][\wäöüß]*(?:-[\wäöüß]+)*"
    rf"(?:\s+(?:[Vv]an\s+(?:de[nr]?\s+)?)?[{_CAPITAL}][\wäöüß]*(?:-[\wäöüß]+)*){{1,4}}"
)
_PARTICLES = frozenset({"van", "de", "den", "der"})
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zäöüß][\wäöüß-]*")


@dataclass(frozen=True, slots=True)
class Name:
    article: str
    start: int
    end: int
    text: str
    role: str = ""
    language: str = ""  # of its article

    @property
    def parts(self) -> tuple[str, ...]:
        """The words of the name; a surname's particles are one word with it
        (`Van der Straeten` is `VanderStraeten`, as `Vanderstraeten` writes it)."""
        return _parts(self.text)


@lru_cache(maxsize=8192)
def _parts(text: str) -> tuple[str, ...]:
    """Cached: the pairing asks for a name's parts in every comparison it is in."""
    out: list[str] = []
    pending = ""
    for word in text.replace("-", " ").split():
        if word.lower() in _PARTICLES and (pending or word.lower() == "van"):
            pending += word
            continue
        out.append(pending + word)
        pending = ""
    return (*out, pending) if pending else tuple(out)


_JOINED = re.compile(
    r"(?<=\b[Vv]an)\s+(?=(?:de[nr]?\s+)?[A-ZÄÖÜ])|(?<=\b[Vv]an\sde)\s+(?=[A-ZÄÖÜ])|(?<=\b[Vv]an\sde[nr])\s+(?=[A-ZÄÖÜ])"
)


def names(analyses: list[Analysis]) -> list[Name]:
    """Runs of two or three capitalised words none of which the corpus uses in lower case."""
    lower = {m.group() for a in analyses for m in _LOWER_WORD.finditer(a.document.text)}
    out = []
    for analysis in analyses:
        text = analysis.document.text
        seen: set[str] = set()
        for m in _RUN.finditer(text):
            start, role = m.start(), ""
            words = m.group().split()
            roles = [i for i, w in enumerate(words) if _is_role(w)]
            if roles and roles[-1] < len(words) - 1:
                role = words[roles[-1]].lower()
                for w in words[: roles[-1] + 1]:
                    start = text.index(w, start) + len(w)
                start = text.index(words[roles[-1] + 1], start)
                words = words[roles[-1] + 1 :]
            while words and (
                words[0].rstrip(".").lower() in _TITLES
                or words[0].lower() in lower
                or words[0].lower() in STOPWORDS
                or words[0].lower() in ROLES
                or _is_role(words[0])
            ):
                if _is_role(words[0]):
                    role = words[0].lower()
                start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
                words = words[1:]
            least = 1 if role and words and len(words[-1]) >= 5 else 2  # `Präsident Selenskyj`
            if not least <= len(words) - sum(w in _PARTICLES for w in words) <= 4 or any(
                (w.lower() in lower or w.lower() in STOPWORDS) and w not in _PARTICLES for w in words
            ):
                continue
            found = text[start : m.end()]
            if found in seen:
                continue
            seen.add(found)
            if not role:
                # `Ein Sprecher der Staatsanwaltschaft, Oliver Schmitz`: a role a few words before
                before = [w.strip(",") for w in text[max(0, start - 40) : start].split()[-4:]]
                role = next((w.lower() for w in reversed(before) if _is_role(w)), "")
            if not role:
                # `Sabine Vogel, a spokeswoman for the ministry`: a role just after, as an apposition
                after = _APPOSITION.match(text, m.end())
                words_after = [w for w in (after.groups() if after else ()) if w]
                role = next((w.lower() for w in words_after if _is_role(w)), "")
            out.append(Name(analysis.document.id, start, m.end(), found, role, analysis.document.language))
    return out


_TITLES = frozenset({"dr", "prof", "mr", "mrs", "ms", "herr", "frau"})
_APPOSITION = re.compile(r",\s+(?:(?:a|an|the|der|die|ein|eine)\s+)?([\w-]+)(?:\s+([\w-]+))?")

_ROLE_ENDINGS = (
    "minister",
    "präsident",
    "direktor",
    "sprecher",
    "chef",
    "führer",
    "leiter",
    "leiterin",
    "meister",
    "kapitän",
    "kommandant",
    "führerin",
    "ministerin",
    "präsidentin",
    "direktorin",
    "sprecherin",
    "chefin",
    "anwalt",
    "anwältin",
    "arzt",
    "ärztin",
    "vorsitzende",
    "vorsitzender",
    "vorstand",
    "vorständin",
    "dezernent",
    "dezernentin",
)


def _is_role(word: str) -> bool:
    """`Präsident`, and compounds ending in a role: `US-Verteidigungsminister` (one C call
    for all the endings: this runs for every capitalised word of every article)."""
    low = word.lower()
    return low.removesuffix("in") in ROLES or low in ROLES or low.endswith(_ROLE_ENDINGS)
