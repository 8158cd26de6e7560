"""English translations of German nouns, from the Ding dictionary if it is installed.

The news lexicon knows a few hundred words; a story about ballots or an ammonia
cloud counts other things (`Wahlbezirke`, `polling districts`). Debian's
`trans-de-en` package (the Ding dictionary, plain text, GPL) lists about 200,000
German entries with their English equivalents. Only the entries of the nouns a
corpus needs are read: `grep -F` finds their lines among 25 MB in tens of
milliseconds, where Python would take most of a second, and nothing else of the
file is kept in memory. Without the file (or grep) every lookup finds nothing,
and the analysis pairs by its lexicon alone.

A German noun yields the heads of its English translations, without endings
(`Wahlbezirke` -> `district`, `constituency`, `ward`, ...), so they compare with
the counted nouns of English figures however those are inflected.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

# Where Debian's trans-de-en puts it; CROSSREAD_DING names another copy (or "" for none).
DING_PATHS = (Path("/usr/share/trans/de-en"),)
_MAX_WORDS = 400  # a story's nouns; an archive's many thousands are not looked up
_MIN_HEAD = 4  # a compound's head (`Todes|opfer`) of at least this many letters
_BRACKETS = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|/[A-Z][^/]*/|<[^>]*>")
_CACHE: dict[tuple[tuple[str, int, int], str], frozenset[str]] = {}  # (dictionary file, word) -> heads
_CACHE_CAP = 20000


def _source() -> Path | None:
    return _find(os.environ.get("CROSSREAD_DING"))


@lru_cache(maxsize=4)
def _find(named: str | None) -> Path | None:
    if named == "":
        return None  # turned off
    candidates = (Path(named),) if named else DING_PATHS
    return next((p for p in candidates if p.is_file()), None)


def source() -> str:
    """The dictionary file in use, or "" when there is none (or no grep to read it)."""
    found = _source()
    return str(found) if found is not None and shutil.which("grep") else ""


def english_head(phrase: str) -> str:
    """The head of an English noun phrase, without its ending: `voting/electoral districts`
    -> `district`; "" for a phrase that is no plain noun (`to vote`, `sb.'s share`)."""
    words = _BRACKETS.sub(" ", phrase).replace("/", " ").split()
    if not words or words[0] == "to" or any(w.startswith(("sb.", "sth.", "…")) for w in words):
        return ""
    last = words[-1].lower().strip(".,;:!?'\"")
    if len(last) < 3 or not last.replace("-", "").isalpha():
        return ""
    return english_stem(last)


def english_stem(word: str) -> str:
    """An English noun without its plural ending: `fatalities` -> `fatality`, `cases` -> `case`."""
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "xes", "sses")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return low[:-1]
    return low


def _forms(word: str) -> tuple[list[str], list[str]]:
    """The forms a German noun may be listed under: as written and without a dative or
    genitive ending (`Wahlbezirken` -> `Wahlbezirke`); then its compound heads, longest
    first (`Todesopfer` -> `Opfer`)."""
    inflected = [word]
    for suffix in ("n", "en", "s", "es", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_HEAD:
            inflected.append(word[: -len(suffix)])
    heads = [word[i].upper() + word[i + 1 :] for i in range(3, len(word) - _MIN_HEAD + 1)]
    return inflected, heads


def _grep(path: Path, keys: set[str]) -> list[str]:
    """The dictionary's lines holding any `<key> {` (a noun with its gender or `{pl}`)."""
    grep = shutil.which("grep")
    if grep is None or not keys:
        return []
    import subprocess  # only when a story has German and English articles: not at import

    patterns = "".join(f"{k} {{\n" for k in sorted(keys)).encode("utf-8")
    try:
        done = subprocess.run(
            [grep, "-F", "-f", "-", str(path)],
            input=patterns,
            capture_output=True,
            env={"LC_ALL": "C", "PATH": os.environ.get("PATH", "")},
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode not in (0, 1):
        return []
    return done.stdout.decode("utf-8", "replace").splitlines()


def _entries(lines: Iterable[str], wanted: set[str]) -> dict[str, set[str]]:
    """German noun form -> the heads of the English part aligned with it, for the wanted forms."""
    found: dict[str, set[str]] = {}
    for line in lines:
        if line.startswith("#") or " :: " not in line:
            continue
        german, english = line.split(" :: ", 1)
        for de_part, en_part in zip(german.split(" | "), english.split(" | "), strict=False):
            names = set()
            for synonym in de_part.split("; "):
                if not re.search(r"\{(?:m|f|n|pl)\}", synonym):
                    continue
                bare = _BRACKETS.sub(" ", synonym).split()
                if len(bare) == 1 and bare[0] in wanted:
                    names.add(bare[0])
            if not names:
                continue
            heads = {h for phrase in en_part.split(";") if (h := english_head(phrase))}
            heads |= {h.replace("-", "") for h in heads if "-" in h}  # `run-off`, `runoff`
            for name in names:
                found.setdefault(name, set()).update(heads)
    return found


def translations(words: Iterable[str]) -> dict[str, frozenset[str]]:
    """For each German noun (as written in the text), the heads of its English translations;
    a compound not listed takes those of its longest listed head (`Todesopfer` -> `Opfer`).
    A word with none is left out."""
    words = [w for w in dict.fromkeys(words) if w[:1].isupper() and w.isalpha()][:_MAX_WORDS]
    source = _source()
    if source is None or not words:
        return {}
    try:
        stat = source.stat()
    except OSError:
        return {}
    key = (str(source), stat.st_mtime_ns, stat.st_size)  # a changed file is read again
    todo = [w for w in words if (key, w) not in _CACHE]
    if todo:
        forms = {w: _forms(w) for w in todo}
        wanted = {f for inflected, heads in forms.values() for f in (*inflected, *heads)}
        entries = _entries(_grep(source, wanted), wanted)
        if len(_CACHE) > _CACHE_CAP:
            _CACHE.clear()
        for w, (inflected, compound) in forms.items():
            found: set[str] = set()
            for f in inflected:
                found |= entries.get(f, set())
            if not found:  # the longest listed head of a compound
                found = next((entries[f] for f in compound if f in entries), set())
            _CACHE[key, w] = frozenset(found)
    return {w: _CACHE[key, w] for w in words if _CACHE.get((key, w))}
