"""Kölner Phonetik, the German sound code of a name: `Marquardt` and `Markwardt`,
`Maier` and `Meier` share one. Written here from the published rules (Postel, 1969)."""

from __future__ import annotations

from functools import lru_cache

_COLOGNE = {
    **dict.fromkeys("aeijouy", "0"),
    "b": "1",
    "p": "1",
    "d": "2",
    "t": "2",
    "f": "3",
    "v": "3",
    "w": "3",
    "g": "4",
    "k": "4",
    "q": "4",
    "l": "5",
    "m": "6",
    "n": "6",
    "r": "7",
    "s": "8",
    "z": "8",
}


@lru_cache(maxsize=8192)
def cologne(word: str) -> str:
    """Kölner Phonetik: the German sound code of a word."""
    w = [
        c
        for c in word.lower().replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "s")
        if c.isalpha()
    ]
    codes = []
    for i, c in enumerate(w):
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if c == "h":
            continue
        if c == "p":
            code = "3" if nxt == "h" else "1"
        elif c in "dt":
            code = "8" if nxt in ("c", "s", "z") else "2"
        elif c == "c":
            if i == 0:
                code = "4" if nxt in tuple("ahkloqrux") else "8"
            else:
                code = "8" if prev in ("s", "z") or nxt not in tuple("ahkoqux") else "4"
        elif c == "x":
            code = "8" if prev in ("c", "k", "q") else "48"
        else:
            code = _COLOGNE.get(c, "")
        codes.append(code)
    collapsed: list[str] = []
    for code in "".join(codes):
        if not collapsed or collapsed[-1] != code:
            collapsed.append(code)
    if not collapsed:
        return ""
    return collapsed[0] + "".join(c for c in collapsed[1:] if c != "0")
