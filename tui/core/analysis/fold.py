"""Spelling-neutral forms of words, shared by names, stance actors and topics."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """Spelling-neutral form: umlauts, ß, hyphens and common transliterations."""
    text = name.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("-", " ")):
        text = text.replace(a, b)
    text = re.sub(r"\bz", "s", text.replace("w", "v").replace("y", "i").replace("j", "i"))
    return re.sub(r"(\w)\1+", r"\1", re.sub(r"\s+", " ", text)).strip()
